//! A colleague's plan, shared with the reader: the goals and actions as the owner wrote
//! them (never their scan's answers, which the plan does not share), and — when the owner
//! asked for it — the reader's comments on the goals. Anyone the plan is not shared with
//! gets the same 404 as for a plan that is not there.

use askama::Template;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Permission, UserId};
use domain::plan::{GoalId, Line};
use domain::scan::ScanContent;
use std::collections::HashMap;
use store::{PlanError, ShareMode};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{GoalView, context, goal_view};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "plan/shared_plan.html")]
pub struct SharedPlanView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub owner: String,
    pub intro: String,
    pub goals: Vec<GoalView>,
    pub can_comment: bool,
    pub action: String,
    pub back_href: String,
    pub notice: Option<String>,
    pub refused: Option<String>,
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    owner: UserId,
) -> Result<Option<SharedPlanView>, AppError> {
    let me = working.user().id;
    let Some((shared, plan)) = app
        .store
        .shared_plan(working.school().id, owner, me)
        .await?
    else {
        return Ok(None);
    };
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let mut ctx = context(app, working).await?;
    // The owner's plan, without the reader's (or the owner's) scan.
    ctx.content = ScanContent::default();
    ctx.colleagues.push((me, working.user().name.to_string()));
    let goals = plan
        .goals
        .iter()
        .map(|g| {
            goal_view(
                g,
                &ctx,
                &HashMap::new(),
                &plan.comments,
                me,
                owner,
                &short,
                lang,
            )
        })
        .collect();
    let page = Page::SharedPlan(short.clone(), owner);
    let can_comment = shared.mode == ShareMode::Comment;
    Ok(Some(SharedPlanView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("conv-plan-of", "name", &shared.owner_name),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Conversations(short.clone())),
        intro: t.args(
            if can_comment {
                "shared-plan-intro-comment"
            } else {
                "shared-plan-intro-read"
            },
            &[("name", shared.owner_name.as_str())],
        ),
        owner: shared.owner_name,
        goals,
        can_comment,
        action: page.path(lang),
        back_href: Page::Conversations(short).path(lang),
        notice: None,
        refused: None,
        t,
    }))
}

fn owner_of(path: Result<Path<(String, String)>, PathRejection>) -> (String, Option<UserId>) {
    let (short, owner) = path.map(|Path(p)| p).unwrap_or_default();
    (short, uuid::Uuid::parse_str(&owner).ok().map(UserId))
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, owner) = owner_of(path);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some(owner) = owner else {
        return Err(AppError::NotFound(lang));
    };
    let Some(mut page) = view(&app, lang, &working, owner).await? else {
        return Err(AppError::NotFound(lang));
    };
    page.notice = done_notice(
        query,
        lang,
        &[
            ("reactie", "shared-plan-commented"),
            ("weg", "plan-comment-deleted"),
        ],
    );
    respond_private(&page, lang, StatusCode::OK)
}

/// A comment on a goal (`op=comment`, `goal`, `text`), or removing one's own
/// (`op=delete-comment`, `id`).
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (short, owner) = owner_of(path);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some(owner) = owner else {
        return Err(AppError::NotFound(lang));
    };
    let Some(page) = view(&app, lang, &working, owner).await? else {
        return Err(AppError::NotFound(lang));
    };
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let (result, done) = match fields.one("op") {
        "comment" => (
            match (
                uuid::Uuid::parse_str(fields.one("goal").trim())
                    .ok()
                    .map(GoalId),
                Line::parse(fields.one("text"), Line::MAX),
            ) {
                (Some(goal), Ok(text)) => app.store.add_comment(school, goal, me, &text).await,
                (None, _) => Err(PlanError::NotFound),
                (_, Err(e)) => Err(PlanError::Refused(e)),
            },
            "reactie",
        ),
        "delete-comment" => (
            match uuid::Uuid::parse_str(fields.one("id").trim()) {
                Ok(comment) => app.store.delete_comment(school, comment, me).await,
                Err(_) => Err(PlanError::NotFound),
            },
            "weg",
        ),
        _ => return refused(page, lang, t.get("fw-error-op")),
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "{}?klaar={done}#reacties",
            Page::SharedPlan(short, owner).path(lang)
        ))),
        Err(PlanError::Refused(e)) => refused(page, lang, e.message(lang)),
        Err(PlanError::NotAllowed) => refused(page, lang, t.get("shared-plan-read-only")),
        Err(PlanError::NotFound | PlanError::Stale) => Err(AppError::NotFound(lang)),
        Err(PlanError::Store(e)) => Err(e.into()),
    }
}

fn refused(mut page: SharedPlanView, lang: Lang, message: String) -> Result<Response, AppError> {
    page.refused = Some(message);
    respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
