//! Preparing a conversation: with whom, when, how long, and whether one's notes may be on
//! the agenda. The app then proposes an agenda from what the person brings (their scan's
//! flagged statements, what changed since their round before, their open goals and actions)
//! and opens it to be edited before anything is shared.

use askama::Template;

use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::conversation::{AgendaStep, DEFAULT_MINUTES, STEP_MINUTES_MAX, Sources, propose};
use domain::plan::{Partner, PlanInputError};
use domain::scan::parse_date;
use store::PlanError;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{Context, context};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::{FormFields, Problem, problem_of};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "plan/new_conversation.html")]
pub struct NewConversationView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    pub back_href: String,
    /// Colleagues: value, name, chosen.
    pub colleagues: Vec<(String, String, bool)>,
    pub named_chosen: bool,
    pub partner_named: String,
    pub planned_on: String,
    pub minutes: String,
    pub include_notes: bool,
    pub problems: Vec<Problem>,
}

impl NewConversationView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        problem_of(&self.problems, field)
    }
}

fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    ctx: &Context,
    fields: &FormFields,
    problems: Vec<Problem>,
) -> NewConversationView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::NewConversation(short.clone());
    let chosen = fields.one("partner");
    NewConversationView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("conv-prepare")).signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Conversations(short.clone())),
        action: page.path(lang),
        back_href: Page::Conversations(short).path(lang),
        colleagues: ctx
            .colleagues
            .iter()
            .map(|(id, name)| {
                let value = format!("persoon:{}", id.0);
                let on = value == chosen;
                (value, name.clone(), on)
            })
            .collect(),
        named_chosen: chosen == "anders",
        partner_named: fields.one("partner_named").to_owned(),
        planned_on: fields.one("planned_on").to_owned(),
        minutes: match fields.one("minutes") {
            "" => DEFAULT_MINUTES.to_string(),
            m => m.to_owned(),
        },
        include_notes: fields.one("notities") == "ja",
        problems,
        t,
    }
}

/// The agenda the app proposes for the person now: from their scan of the school's most
/// recent round (and the one before it that they answered), their plan, and their notes
/// when they allow it.
pub(crate) async fn proposal(
    app: &AppState,
    working: &Working,
    ctx: &Context,
    include_notes: bool,
    minutes: u32,
    lang: Lang,
) -> Result<Vec<AgendaStep>, AppError> {
    let school = working.school().id;
    let me = working.user().id;
    let plan = app.store.plan(school, me).await?;
    let marks = app.store.my_scan_marks(school, me).await?;
    let before = match &ctx.round {
        Some(round) => {
            let earlier = ctx
                .rounds
                .iter()
                .filter(|r| r.created_at < round.created_at)
                .find(|r| marks.iter().any(|m| m.round == r.id && !m.carried));
            match earlier {
                Some(r) => Some(app.store.my_scan(school, r.id, me).await?.content),
                None => None,
            }
        }
        None => None,
    };
    Ok(propose(
        &Sources {
            edition: &ctx.edition,
            roles: &ctx.roles,
            content: &ctx.content,
            before: before.as_ref(),
            scale: &ctx.scale,
            goals: &plan.goals,
            include_notes,
            minutes,
        },
        lang,
    ))
}

/// The whole conversation's length as typed: 10 to four steps of the most a step may take.
pub(crate) fn minutes_of(text: &str) -> Result<u32, PlanInputError> {
    let max = STEP_MINUTES_MAX * 4;
    match text.trim() {
        "" => Ok(DEFAULT_MINUTES),
        m => match m.parse::<u32>() {
            Ok(n) if n > max => Err(PlanInputError::TooManyMinutes { max }),
            Ok(n) if n >= 10 => Ok(n),
            _ => Err(PlanInputError::BadMinutes(m.chars().take(12).collect())),
        },
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let ctx = context(&app, &working).await?;
    let page = view(
        &app,
        lang,
        &working,
        &ctx,
        &FormFields::default(),
        Vec::new(),
    );
    respond_private(&page, lang, StatusCode::OK)
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
    let mut problems = Vec::new();
    let mut problem = |field: &'static str, e: PlanInputError| {
        problems.push(Problem {
            field,
            message: e.message(lang),
        })
    };
    let partner = Partner::parse(
        fields.one("partner"),
        fields.one("partner_named"),
        &ctx.colleague_ids(),
    )
    .map_err(|e| problem("partner", e))
    .ok()
    .flatten();
    let planned_on = match fields.one("planned_on").trim() {
        "" => None,
        d => parse_date(d)
            .map_err(|_| {
                problem(
                    "planned_on",
                    PlanInputError::BadDate(d.chars().take(20).collect()),
                )
            })
            .ok(),
    };
    let minutes = minutes_of(fields.one("minutes"))
        .map_err(|e| problem("minutes", e))
        .ok();
    let include_notes = fields.one("notities") == "ja";
    let Some(minutes) = minutes.filter(|_| problems.is_empty()) else {
        let page = view(&app, lang, &working, &ctx, &fields, problems);
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let steps = proposal(&app, &working, &ctx, include_notes, minutes, lang).await?;
    let made = app
        .store
        .create_conversation(
            working.school().id,
            working.user().id,
            partner.as_ref(),
            planned_on,
            include_notes,
            &steps,
        )
        .await;
    match made {
        Ok(id) => Ok(see_other(&format!(
            "{}?klaar=voorbereid",
            Page::Conversation(short, id).path(lang)
        ))),
        Err(PlanError::Store(e)) => Err(e.into()),
        Err(PlanError::Refused(e)) => {
            let problems = vec![Problem {
                field: "partner",
                message: e.message(lang),
            }];
            let page = view(&app, lang, &working, &ctx, &fields, problems);
            respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(_) => Err(AppError::NotFound(lang)),
    }
}
