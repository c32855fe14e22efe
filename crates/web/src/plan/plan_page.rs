//! One's own development plan: the goals with their actions (and, for a goal made in an
//! earlier round, its statements then and now), wishes from the scan offered as goals,
//! whom the plan is shared with, and sharing it with a colleague or stopping.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Permission, UserId};
use domain::plan::{Partner, suggestions};
use store::{Plan, PlanError, ShareMode};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{Context, GoalView, context, earlier_scans, goal_view};
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::day;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "plan/plan.html")]
pub struct PlanView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub goals: Vec<GoalView>,
    pub new_goal_href: String,
    /// Statements the person wants to develop or take up, not in an open goal yet: code,
    /// text, the link that starts a goal from it.
    pub suggestions: Vec<(String, String, String)>,
    /// The round the suggestions come from.
    pub round_name: String,
    /// Whom the plan is shared with: name, mode in words, form value.
    pub shares: Vec<(String, String, String)>,
    /// Colleagues to share with: value, name (partners named in goals first).
    pub colleagues: Vec<(String, String)>,
    pub action: String,
    pub pdf_href: String,
    pub docx_href: String,
    pub conversations_href: String,
    pub prepare_href: String,
}

/// The plan page, with a message when a form was refused.
pub(crate) async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    refused: Option<String>,
) -> Result<PlanView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let me = working.user().id;
    let ctx = context(app, working).await?;
    let plan = app.store.plan(working.school().id, me).await?;
    let earlier = earlier_scans(app, working, &ctx, &plan.goals).await?;
    let page = Page::Plan(short.clone());
    let goals = plan
        .goals
        .iter()
        .map(|g| goal_view(g, &ctx, &earlier, &plan.comments, me, me, &short, lang))
        .collect();
    let suggestions = suggestions(&ctx.edition, &ctx.roles, &ctx.content, &plan.goals)
        .into_iter()
        .map(|s| {
            (
                s.code.to_string(),
                s.text.shown(lang).to_owned(),
                format!(
                    "{}?uitspraak={}",
                    Page::NewGoal(short.clone()).path(lang),
                    s.code
                ),
            )
        })
        .collect();
    Ok(PlanView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("plan-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused,
        goals,
        new_goal_href: Page::NewGoal(short.clone()).path(lang),
        suggestions,
        round_name: ctx
            .round
            .as_ref()
            .map(|r| r.name.to_string())
            .unwrap_or_default(),
        shares: plan
            .shares
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    format!(
                        "{} · {}",
                        mode_words(s.mode, lang),
                        t.with("plan-shared-since", "date", day(s.since, lang))
                    ),
                    s.partner.0.to_string(),
                )
            })
            .collect(),
        colleagues: share_choices(&ctx, &plan),
        action: page.path(lang),
        pdf_href: Page::PlanDocument(short.clone(), DocumentFormat::Pdf).path(lang),
        docx_href: Page::PlanDocument(short.clone(), DocumentFormat::Docx).path(lang),
        conversations_href: Page::Conversations(short.clone()).path(lang),
        prepare_href: Page::NewConversation(short).path(lang),
        t,
    })
}

/// What a colleague may do with the plan, in words.
pub(crate) fn mode_words(mode: ShareMode, lang: Lang) -> String {
    Tr(lang).get(match mode {
        ShareMode::Read => "plan-mode-read",
        ShareMode::Comment => "plan-mode-comment",
    })
}

/// The colleagues to share with: those named as partner of a goal first, then the others;
/// each once, by name.
fn share_choices(ctx: &Context, plan: &Plan) -> Vec<(String, String)> {
    let partners: Vec<UserId> = plan
        .goals
        .iter()
        .filter_map(|g| g.partner.as_ref().and_then(Partner::colleague))
        .collect();
    let mut first: Vec<(String, String)> = Vec::new();
    let mut rest = Vec::new();
    for (id, name) in &ctx.colleagues {
        let choice = (id.0.to_string(), name.clone());
        if partners.contains(id) {
            first.push(choice);
        } else {
            rest.push(choice);
        }
    }
    first.extend(rest);
    first
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
    let mut view = page(&app, lang, &working, None).await?;
    view.notice = done_notice(
        query,
        lang,
        &[
            ("gedeeld", "plan-shared-done"),
            ("niet-gedeeld", "plan-unshared-done"),
            ("doel", "plan-goal-added"),
            ("weg", "plan-goal-deleted"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

/// Shares the plan with a colleague (`op=share`, `partner`, `mode`), or stops
/// (`op=unshare`, `partner`).
pub async fn share(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let partner = uuid::Uuid::parse_str(fields.one("partner").trim())
        .ok()
        .map(UserId);
    let (mode, done) = match fields.one("op") {
        "share" => (ShareMode::parse(fields.one("mode")), "gedeeld"),
        "unshare" => (None, "niet-gedeeld"),
        _ => return refused(&app, lang, &working, t.get("fw-error-op")).await,
    };
    let Some(partner) = partner else {
        return refused(&app, lang, &working, t.get("plan-share-choose")).await;
    };
    if done == "gedeeld" && mode.is_none() {
        return refused(&app, lang, &working, t.get("plan-share-mode")).await;
    }
    let result = app
        .store
        .share_plan(working.school().id, working.user().id, partner, mode)
        .await;
    match result {
        Ok(()) => Ok(see_other(&format!(
            "{}?klaar={done}#delen",
            Page::Plan(short).path(lang)
        ))),
        Err(PlanError::Refused(e)) => refused(&app, lang, &working, e.message(lang)).await,
        Err(PlanError::NotFound) => {
            refused(&app, lang, &working, t.get("plan-share-not-found")).await
        }
        Err(PlanError::Stale | PlanError::NotAllowed) => {
            refused(&app, lang, &working, t.get("plan-not-allowed")).await
        }
        Err(PlanError::Store(e)) => Err(e.into()),
    }
}

async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    message: String,
) -> Result<Response, AppError> {
    let view = page(app, lang, working, Some(message)).await?;
    respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
