//! One conversation. Its owner edits the agenda (per step the time and what to talk about,
//! one item a line), shares it with their colleague partner or stops, and may remove it;
//! owner and partner both record agreements, which become actions in the owner's plan.
//! The questions per step are suggestions. Anyone else gets the same 404 as for a
//! conversation that is not there.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::conversation::{AGREEMENT_MAX, AgendaStep, Step};
use domain::plan::{GoalId, GoalStatus, Line, Partner, PlanInputError};
use domain::scan::parse_date;
use store::{AgreementGoal, ConversationRead, PlanError};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{Context, context, partner_text};
use crate::plan::conversation_new::{minutes_of, proposal};
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{date_text, day, today};
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct StepView {
    pub code: &'static str,
    pub name: &'static str,
    pub minutes: String,
    pub items: Vec<String>,
    pub text: String,
    pub questions: [&'static str; 3],
}

#[derive(Debug)]
pub struct AgreementView {
    pub id: String,
    pub text: String,
    pub by: String,
    pub can_delete: bool,
}

#[derive(Template)]
#[template(path = "plan/conversation.html")]
pub struct ConversationView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub back_href: String,
    pub action: String,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub is_owner: bool,
    /// The owner deleted their account: only the agreements are left.
    pub owner_gone: bool,
    /// With whom (for the owner) or whose (for the partner), in a sentence.
    pub about: String,
    pub planned: String,
    pub shared: bool,
    /// The partner is a colleague, so the conversation can be shared with them.
    pub partner_colleague: Option<String>,
    pub steps: Vec<StepView>,
    pub total: u32,
    pub revision: i64,
    pub colleagues: Vec<(String, String, bool)>,
    pub named_chosen: bool,
    pub partner_named: String,
    pub planned_value: String,
    pub include_notes: bool,
    pub agreements: Vec<AgreementView>,
    /// The owner's open goals, for where an agreement goes: value, goal.
    pub goals: Vec<(String, String)>,
    pub can_agree: bool,
    pub pdf_href: String,
    pub docx_href: String,
}

fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    ctx: &Context,
    read: &ConversationRead,
    goals: Vec<(String, String)>,
) -> ConversationView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let me = working.user().id;
    let c = &read.conversation;
    let is_owner = c.owner == Some(me);
    let page = Page::Conversation(short.clone(), c.id);
    let names = |id| {
        (Some(id) == c.partner.as_ref().and_then(Partner::colleague))
            .then(|| read.partner_name.clone())
            .flatten()
            .or_else(|| ctx.colleague_name(id).map(str::to_owned))
    };
    let partner = partner_text(c.partner.as_ref(), &names, lang);
    let owner = read
        .owner_name
        .clone()
        .unwrap_or_else(|| t.get("plan-former-colleague"));
    let about = if is_owner {
        if partner.is_empty() {
            t.get("conv-title-alone")
        } else {
            t.with("conv-with", "name", &partner)
        }
    } else {
        t.with("conv-of", "name", &owner)
    };
    let chosen = c.partner.as_ref().and_then(Partner::colleague);
    ConversationView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), about.clone()).signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Conversations(short.clone())),
        back_href: Page::Conversations(short.clone()).path(lang),
        action: page.path(lang),
        notice: None,
        refused: None,
        is_owner,
        owner_gone: c.owner.is_none(),
        about,
        planned: c
            .planned_on
            .map(|d| date_text(d, lang))
            .unwrap_or_else(|| t.get("conv-no-date")),
        shared: c.shared,
        partner_colleague: chosen.map(|_| partner.clone()),
        steps: c
            .steps
            .iter()
            .map(|s| StepView {
                code: s.step.code(),
                name: s.step.name(lang),
                minutes: s.minutes.to_string(),
                items: s.items.clone(),
                text: s.text(),
                questions: s.step.questions(lang),
            })
            .collect(),
        total: c.minutes(),
        revision: c.revision,
        colleagues: ctx
            .colleagues
            .iter()
            .map(|(id, name)| {
                (
                    format!("persoon:{}", id.0),
                    name.clone(),
                    Some(*id) == chosen,
                )
            })
            .collect(),
        named_chosen: matches!(c.partner, Some(Partner::Named(_))),
        partner_named: match &c.partner {
            Some(Partner::Named(n)) => n.to_string(),
            _ => String::new(),
        },
        planned_value: c.planned_on.map(|d| d.to_string()).unwrap_or_default(),
        include_notes: c.include_notes,
        agreements: c
            .agreements
            .iter()
            .map(|a| AgreementView {
                id: a.id.to_string(),
                text: a.text.to_string(),
                by: format!(
                    "{}, {}",
                    a.author
                        .and_then(|id| read.authors.get(&id).cloned())
                        .unwrap_or_else(|| t.get("plan-former-colleague")),
                    day(a.made_at, lang)
                ),
                can_delete: c.owner.is_some() && (is_owner || a.author == Some(me)),
            })
            .collect(),
        goals,
        can_agree: c.owner.is_some(),
        pdf_href: Page::ConversationDocument(short.clone(), c.id, DocumentFormat::Pdf).path(lang),
        docx_href: Page::ConversationDocument(short, c.id, DocumentFormat::Docx).path(lang),
        t,
    }
}

/// The conversation the path names, when the person may read it.
pub(crate) async fn load(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<ConversationRead>, AppError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    Ok(app
        .store
        .conversation(working.school().id, id, working.user().id)
        .await?)
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    read: &ConversationRead,
) -> Result<ConversationView, AppError> {
    let ctx = context(app, working).await?;
    let goals = if read.conversation.owner == Some(working.user().id) {
        app.store
            .plan(working.school().id, working.user().id)
            .await?
            .goals
            .into_iter()
            .filter(|g| g.status == GoalStatus::Open)
            .map(|g| (g.id.to_string(), g.what.to_string()))
            .collect()
    } else {
        Vec::new()
    };
    Ok(view(app, lang, working, &ctx, read, goals))
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
    let Some(read) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let mut view = page(&app, lang, &working, &read).await?;
    view.notice = done_notice(
        query,
        lang,
        &[
            ("voorbereid", "conv-prepared"),
            ("opgeslagen", "conv-saved"),
            ("gedeeld", "conv-shared-done"),
            ("niet-gedeeld", "conv-unshared-done"),
            ("afspraak", "conv-agreed"),
            ("afspraak-weg", "conv-agreement-deleted"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

/// The agenda as the owner edited it: per step `minuten-STEP` and `punten-STEP`.
fn steps_of(fields: &FormFields) -> Result<Vec<AgendaStep>, PlanInputError> {
    Step::ALL
        .into_iter()
        .map(|step| {
            AgendaStep::parse(
                step,
                fields.one(&format!("minuten-{}", step.code())),
                fields.one(&format!("punten-{}", step.code())),
            )
        })
        .collect()
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
    let Some(read) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let c = &read.conversation;
    let is_owner = c.owner == Some(me);
    let revision: i64 = fields.one("revision").trim().parse().unwrap_or(-1);
    let back = |done: &str, anchor: &str| {
        Ok(see_other(&format!(
            "{}?klaar={done}{anchor}",
            Page::Conversation(short.clone(), c.id).path(lang)
        )))
    };
    let op = fields.one("op");
    let owner_only = matches!(op, "save" | "propose" | "share" | "unshare" | "delete");
    if owner_only && !is_owner {
        return refused(
            &app,
            lang,
            &working,
            &read,
            t.get("conv-owner-only"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let result: Result<(&str, &str), PlanError> = match op {
        "save" => {
            let ctx = context(&app, &working).await?;
            let partner = Partner::parse(
                fields.one("partner"),
                fields.one("partner_named"),
                &ctx.colleague_ids(),
            );
            let planned = match fields.one("planned_on").trim() {
                "" => Ok(None),
                d => parse_date(d)
                    .map(Some)
                    .map_err(|_| PlanInputError::BadDate(d.chars().take(20).collect())),
            };
            match (partner, planned, steps_of(&fields)) {
                (Ok(partner), Ok(planned), Ok(steps)) => app
                    .store
                    .update_conversation(
                        school,
                        me,
                        c.id,
                        revision,
                        partner.as_ref(),
                        planned,
                        fields.one("notities") == "ja",
                        &steps,
                    )
                    .await
                    .map(|()| ("opgeslagen", "")),
                (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => Err(PlanError::Refused(e)),
            }
        }
        "propose" => {
            let ctx = context(&app, &working).await?;
            let minutes = minutes_of(&c.minutes().max(10).to_string()).unwrap_or(45);
            let steps = proposal(&app, &working, &ctx, c.include_notes, minutes, lang).await?;
            app.store
                .update_conversation(
                    school,
                    me,
                    c.id,
                    revision,
                    c.partner.as_ref(),
                    c.planned_on,
                    c.include_notes,
                    &steps,
                )
                .await
                .map(|()| ("opgeslagen", ""))
        }
        "share" => app
            .store
            .share_conversation(school, me, c.id, true)
            .await
            .map(|()| ("gedeeld", "")),
        "unshare" => app
            .store
            .share_conversation(school, me, c.id, false)
            .await
            .map(|()| ("niet-gedeeld", "")),
        "delete" => {
            if fields.one("zeker") != "ja" {
                return refused(
                    &app,
                    lang,
                    &working,
                    &read,
                    t.get("conv-delete-confirm-missing"),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            return match app.store.delete_conversation(school, me, c.id).await {
                Ok(()) => Ok(see_other(&format!(
                    "{}?klaar=weg",
                    Page::Conversations(short.clone()).path(lang)
                ))),
                Err(PlanError::Store(e)) => Err(e.into()),
                Err(_) => Err(AppError::NotFound(lang)),
            };
        }
        "agree" => match Line::parse(fields.one("text"), AGREEMENT_MAX) {
            Ok(text) => {
                let goal = match fields.one("goal") {
                    "" | "gesprek" => {
                        let when = c.planned_on.unwrap_or_else(today);
                        AgreementGoal::Conversation(Line::from_stored(&t.with(
                            "conv-agreements-goal",
                            "date",
                            date_text(when, lang),
                        )))
                    }
                    goal => match Uuid::parse_str(goal) {
                        Ok(goal) => AgreementGoal::Goal(GoalId(goal)),
                        Err(_) => return Err(AppError::NotFound(lang)),
                    },
                };
                app.store
                    .add_agreement(school, c.id, me, &text, &goal, today())
                    .await
                    .map(|()| ("afspraak", "#afspraken"))
            }
            Err(e) => Err(PlanError::Refused(e)),
        },
        "delete-agreement" => match Uuid::parse_str(fields.one("id").trim()) {
            Ok(agreement) => app
                .store
                .delete_agreement(school, c.id, agreement, me)
                .await
                .map(|()| ("afspraak-weg", "#afspraken")),
            Err(_) => Err(PlanError::NotFound),
        },
        _ => Err(PlanError::Refused(PlanInputError::UnknownStatus)),
    };
    match result {
        Ok((done, anchor)) => back(done, anchor),
        Err(PlanError::Stale) => {
            let read = load(&app, &working, &id)
                .await?
                .ok_or(AppError::NotFound(lang))?;
            refused(
                &app,
                lang,
                &working,
                &read,
                t.get("conv-stale"),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(PlanError::Refused(PlanInputError::UnknownStatus)) => {
            refused(
                &app,
                lang,
                &working,
                &read,
                t.get("fw-error-op"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(PlanError::Refused(e)) => {
            refused(
                &app,
                lang,
                &working,
                &read,
                e.message(lang),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(PlanError::NotAllowed) => {
            refused(
                &app,
                lang,
                &working,
                &read,
                t.get("conv-not-allowed"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(PlanError::NotFound) => Err(AppError::NotFound(lang)),
        Err(PlanError::Store(e)) => Err(e.into()),
    }
}

async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    read: &ConversationRead,
    message: String,
    status: StatusCode,
) -> Result<Response, AppError> {
    let mut view = page(app, lang, working, read).await?;
    view.refused = Some(message);
    respond_private(&view, lang, status)
}
