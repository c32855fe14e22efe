//! One goal of one's own plan: changing it (where it stands, a reflection when done), its
//! actions, removing a colleague's comment, removing the goal. Every form carries the
//! goal's revision, so a form from another tab or device that the goal has moved past is
//! refused with the goal as it is now.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::plan::{ActionId, ActionStatus, FieldProblem, Goal, GoalId, check_action};
use store::{Plan, PlanError};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{Context, GoalView, context, earlier_scans, goal_view};
use crate::plan::goal_form::{GoalFormView, form_of};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::{FormFields, Problem, done_notice, problem_of};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "plan/goal.html")]
pub struct GoalPageView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    pub back_href: String,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub form: GoalFormView,
    pub g: GoalView,
    /// The new action's form as typed, and its problems.
    pub new_action: (String, String, String),
    pub action_problems: Vec<Problem>,
    /// Where an action can stand: code, words.
    pub action_statuses: Vec<(&'static str, &'static str)>,
}

impl GoalPageView {
    pub fn action_problem(&self, field: &str) -> Option<&str> {
        problem_of(&self.action_problems, field)
    }
}

/// The goal page for a goal as it is, with the form `form` (as it is, or as typed).
fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    goal: &Goal,
    g: GoalView,
    form: GoalFormView,
) -> GoalPageView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Goal(short.clone(), goal.id);
    GoalPageView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("plan-goal-title", "goal", goal.what.as_str()),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Plan(short.clone())),
        action: page.path(lang),
        back_href: Page::Plan(short).path(lang),
        notice: None,
        refused: None,
        form,
        g,
        new_action: Default::default(),
        action_problems: Vec::new(),
        action_statuses: ActionStatus::ALL
            .into_iter()
            .map(|s| (s.code(), s.name(lang)))
            .collect(),
        t,
    }
}

/// The person's plan, its context and the goal the path names; `None` when the goal is not
/// theirs (or not there).
async fn load(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<(Context, Plan, Goal)>, AppError> {
    let Ok(id) = uuid::Uuid::parse_str(id).map(GoalId) else {
        return Ok(None);
    };
    let plan = app
        .store
        .plan(working.school().id, working.user().id)
        .await?;
    let Some(goal) = plan.goal(id).cloned() else {
        return Ok(None);
    };
    let ctx = context(app, working).await?;
    Ok(Some((ctx, plan, goal)))
}

async fn goal_page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    ctx: &Context,
    plan: &Plan,
    goal: &Goal,
    form: Option<GoalFormView>,
) -> Result<GoalPageView, AppError> {
    let me = working.user().id;
    let earlier = earlier_scans(app, working, ctx, std::slice::from_ref(goal)).await?;
    let g = goal_view(
        goal,
        ctx,
        &earlier,
        &plan.comments,
        me,
        me,
        &working.school().short_name,
        lang,
    );
    let form = form.unwrap_or_else(|| GoalFormView::of(goal, ctx, lang));
    Ok(view(app, lang, working, goal, g, form))
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((ctx, plan, goal)) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let mut page = goal_page(&app, lang, &working, &ctx, &plan, &goal, None).await?;
    page.notice = done_notice(
        query,
        lang,
        &[
            ("opgeslagen", "plan-goal-saved"),
            ("actie", "plan-action-saved"),
            ("reactie", "plan-comment-deleted"),
        ],
    );
    respond_private(&page, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((ctx, plan, goal)) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let revision: i64 = fields.one("revision").trim().parse().unwrap_or(-1);
    let here = |done: &str, anchor: &str| {
        see_other(&format!(
            "{}?klaar={done}{anchor}",
            Page::Goal(short.clone(), goal.id).path(lang)
        ))
    };
    let outcome: Result<Response, PlanError> = match fields.one("op") {
        "save" => {
            match form_of(&fields).check(
                &ctx.edition,
                &ctx.colleague_ids(),
                goal.made_on,
                goal.target,
            ) {
                Ok(checked) => app
                    .store
                    .update_goal(school, me, goal.id, revision, &checked)
                    .await
                    .map(|()| here("opgeslagen", "")),
                Err(problems) => {
                    let form = GoalFormView::typed(&fields, &ctx, true, problems, lang);
                    let page =
                        goal_page(&app, lang, &working, &ctx, &plan, &goal, Some(form)).await?;
                    return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
                }
            }
        }
        "delete" => {
            if fields.one("zeker") != "ja" {
                return refused(
                    &app,
                    lang,
                    &working,
                    &ctx,
                    &plan,
                    &goal,
                    t.get("plan-delete-confirm-missing"),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            app.store
                .delete_goal(school, me, goal.id, revision)
                .await
                .map(|()| {
                    see_other(&format!(
                        "{}?klaar=weg",
                        Page::Plan(short.clone()).path(lang)
                    ))
                })
        }
        "add-action" => {
            let text = fields.one("action");
            let status = fields.one("action-status");
            let due = fields.one("due");
            match check_action(text, status, due, &goal) {
                Ok(action) => app
                    .store
                    .add_action(school, me, goal.id, revision, &action)
                    .await
                    .map(|_| here("actie", "#acties")),
                Err(problems) => {
                    let mut page =
                        goal_page(&app, lang, &working, &ctx, &plan, &goal, None).await?;
                    page.new_action = (text.to_owned(), status.to_owned(), due.to_owned());
                    page.action_problems = problems_of(problems, lang);
                    return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
                }
            }
        }
        op @ ("change-action" | "delete-action") => {
            let Some(action) = uuid::Uuid::parse_str(fields.one("id").trim())
                .ok()
                .map(ActionId)
            else {
                return Err(AppError::NotFound(lang));
            };
            let checked = if op == "change-action" {
                match check_action(
                    fields.one("action"),
                    fields.one("action-status"),
                    fields.one("due"),
                    &goal,
                ) {
                    Ok(fields) => Some(fields),
                    Err(problems) => {
                        let message = problems_of(problems, lang)
                            .into_iter()
                            .map(|p| p.message)
                            .collect::<Vec<_>>()
                            .join(" ");
                        return refused(
                            &app,
                            lang,
                            &working,
                            &ctx,
                            &plan,
                            &goal,
                            message,
                            StatusCode::UNPROCESSABLE_ENTITY,
                        )
                        .await;
                    }
                }
            } else {
                None
            };
            app.store
                .change_action(school, me, goal.id, revision, action, checked.as_ref())
                .await
                .map(|()| here("actie", "#acties"))
        }
        "delete-comment" => {
            let Ok(comment) = uuid::Uuid::parse_str(fields.one("id").trim()) else {
                return Err(AppError::NotFound(lang));
            };
            app.store
                .delete_comment(school, comment, me)
                .await
                .map(|()| here("reactie", "#reacties"))
        }
        _ => {
            return refused(
                &app,
                lang,
                &working,
                &ctx,
                &plan,
                &goal,
                t.get("fw-error-op"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match outcome {
        Ok(answer) => Ok(answer),
        Err(PlanError::Stale) => {
            // Shown as the goal is now, which is what the person has to look at again.
            let (ctx, plan, goal) = load(&app, &working, &id)
                .await?
                .ok_or(AppError::NotFound(lang))?;
            refused(
                &app,
                lang,
                &working,
                &ctx,
                &plan,
                &goal,
                t.get("plan-stale"),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(PlanError::Refused(e)) => {
            refused(
                &app,
                lang,
                &working,
                &ctx,
                &plan,
                &goal,
                e.message(lang),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(PlanError::NotFound | PlanError::NotAllowed) => Err(AppError::NotFound(lang)),
        Err(PlanError::Store(e)) => Err(e.into()),
    }
}

fn problems_of(problems: Vec<FieldProblem>, lang: Lang) -> Vec<Problem> {
    problems
        .into_iter()
        .map(|p| Problem {
            field: p.field,
            message: p.error.message(lang),
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    ctx: &Context,
    plan: &Plan,
    goal: &Goal,
    message: String,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut page = goal_page(app, lang, working, ctx, plan, goal, None).await?;
    page.refused = Some(message);
    respond_private(&page, lang, status)
}
