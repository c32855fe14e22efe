//! A new goal: the form (started from a statement with `?uitspraak=CODE`, from the scan
//! page or the overview), and making it. Wishes from the scan are offered as boxes, never
//! ticked by themselves.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::plan::suggestions;
use domain::{Code, Lang};
use store::PlanError;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{Context, context};
use crate::plan::goal_form::{GoalFormView, form_of};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::today;
use crate::ui::forms::FormFields;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "plan/new_goal.html")]
pub struct NewGoalView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    pub back_href: String,
    pub form: GoalFormView,
    /// A message for the whole form (the plan is full).
    pub refused: Option<String>,
    pub notice: Option<String>,
}

impl NewGoalView {
    fn new(app: &AppState, lang: Lang, working: &Working, form: GoalFormView) -> NewGoalView {
        let t = Tr(lang);
        let short = working.school().short_name.clone();
        let page = Page::NewGoal(short.clone());
        NewGoalView {
            chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("plan-new-goal"))
                .signed_in(),
            nav: SchoolNav::new(working, lang, &Page::Plan(short.clone())),
            action: page.path(lang),
            back_href: Page::Plan(short).path(lang),
            form,
            refused: None,
            notice: None,
            t,
        }
    }
}

/// The wishes from the person's scan that no open goal is about yet.
async fn wishes(app: &AppState, working: &Working, ctx: &Context) -> Result<Vec<Code>, AppError> {
    let plan = app
        .store
        .plan(working.school().id, working.user().id)
        .await?;
    Ok(
        suggestions(&ctx.edition, &ctx.roles, &ctx.content, &plan.goals)
            .into_iter()
            .map(|s| s.code.clone())
            .collect(),
    )
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let ctx = context(&app, &working).await?;
    // A statement in the address starts the goal, when it is in the person's edition.
    let start: Vec<Code> = query
        .ok()
        .and_then(|Query(q)| q.get("uitspraak").cloned())
        .and_then(|code| ctx.edition.statement(&code).map(|s| s.code.clone()))
        .into_iter()
        .collect();
    let wishes = wishes(&app, &working, &ctx).await?;
    let form = GoalFormView::blank(&ctx, &start, &wishes, lang);
    let view = NewGoalView::new(&app, lang, &working, form);
    respond_private(&view, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let ctx = context(&app, &working).await?;
    let fields = FormFields::parse(&body);
    let made_on = today();
    let checked = form_of(&fields).check(&ctx.edition, &ctx.colleague_ids(), made_on, None);
    let goal = match checked {
        Ok(goal) => goal,
        Err(problems) => {
            let form = GoalFormView::typed(&fields, &ctx, false, problems, lang);
            let view = NewGoalView::new(&app, lang, &working, form);
            return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let added = app
        .store
        .add_goal(
            working.school().id,
            working.user().id,
            &goal,
            ctx.round.as_ref().map(|r| r.id),
            made_on,
        )
        .await;
    let refusal = match added {
        Ok(id) => {
            return Ok(see_other(&format!(
                "{}?klaar=doel#doel-{id}",
                Page::Plan(short).path(lang)
            )));
        }
        Err(PlanError::Refused(e)) => e.message(lang),
        Err(PlanError::Store(e)) => return Err(e.into()),
        // A partner who left between the form and now, or the person themselves.
        Err(_) => domain::plan::PlanInputError::NotAColleague.message(lang),
    };
    let form = GoalFormView::typed(&fields, &ctx, false, Vec::new(), lang);
    let mut view = NewGoalView::new(&app, lang, &working, form);
    view.refused = Some(refusal);
    respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
