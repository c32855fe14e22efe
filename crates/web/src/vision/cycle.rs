//! The yearly quality cycle (`?jaar=2026-2027`): the school year's four phases as a timeline
//! with what is due in each and what of it is done, read from the school's own data (the
//! vision, the work plans, who does what, the scan rounds, the evaluations); at *check* each
//! goal of the vision evaluated (the indicator's result, what went well, what to adjust); at
//! *act* each adjustment carried into the vision's draft, where its authors see it beside the
//! goal. Every member reads it; coordinators evaluate and carry over.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::allocation::SchoolYear;
use domain::cycle::{Evaluation, Phase, due};
use domain::plan::written;
use store::EvaluationStoreError;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{day, today, year_of, year_param};
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::year::{Year, load as load_year};
use crate::ui::{Chrome, respond_private, see_other};
use crate::vision::shown::{GoalView, goal_view, mark_words};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct DueView {
    pub text: String,
    pub done: bool,
}

#[derive(Debug)]
pub struct PhaseView {
    pub name: &'static str,
    pub span: String,
    pub now: bool,
    pub due: Vec<DueView>,
}

#[derive(Debug)]
pub struct EvaluationView {
    pub goal_id: String,
    pub goal: GoalView,
    pub revision: i64,
    pub result: String,
    pub went_well: String,
    pub adjust: String,
    /// Saved already: its words shown.
    pub saved: bool,
    pub carried: bool,
    pub mark: Option<String>,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "vision/cycle.html")]
pub struct CycleView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub vision_href: String,
    pub action: String,
    pub previous_href: String,
    pub next_href: String,
    pub surveys_href: String,
    pub phases: Vec<PhaseView>,
    pub has_vision: bool,
    pub evaluations: Vec<EvaluationView>,
    pub can_edit: bool,
    pub pdf_href: String,
    pub docx_href: String,
}

fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    data: &Year,
    typed: Option<(&FormFields, String)>,
) -> CycleView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Cycle(short.clone());
    let year = data.year;
    let with_year =
        |page: Page, y: SchoolYear| format!("{}?{}={y}", page.path(lang), year_param(lang));
    let now = Phase::of(today());
    let current_year = SchoolYear::of(today()) == year;
    let due = due(&data.facts);
    let evaluations = match &data.version {
        Some(v) => v
            .vision
            .goals
            .iter()
            .zip(&v.goal_ids)
            .map(|(goal, id)| {
                let saved = data.evaluations.iter().find(|e| e.goal == *id);
                let mut view = EvaluationView {
                    goal_id: id.to_string(),
                    goal: goal_view(goal, lang),
                    revision: saved.map_or(0, |e| e.mark.revision),
                    result: saved
                        .map(|e| e.evaluation.result.to_string())
                        .unwrap_or_default(),
                    went_well: saved
                        .map(|e| e.evaluation.went_well.as_str().to_owned())
                        .unwrap_or_default(),
                    adjust: saved
                        .map(|e| e.evaluation.adjust.as_str().to_owned())
                        .unwrap_or_default(),
                    saved: saved.is_some(),
                    carried: saved.is_some_and(|e| e.carried),
                    mark: saved.and_then(|e| mark_words(&e.mark, lang)),
                    error: None,
                };
                if let Some((fields, message)) = &typed
                    && fields.one("doel") == id.to_string()
                {
                    if fields.one("op") == "evaluate" {
                        view.result = fields.one("resultaat").to_owned();
                        view.went_well = fields.one("goed").to_owned();
                        view.adjust = fields.one("bijstellen").to_owned();
                    }
                    view.error = Some(message.clone());
                }
                view
            })
            .collect(),
        None => Vec::new(),
    };
    CycleView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("cycle-title", "year", year),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        vision_href: Page::Vision(short.clone()).path(lang),
        action: with_year(page.clone(), year),
        previous_href: with_year(page.clone(), year.previous()),
        next_href: with_year(page, year.next()),
        surveys_href: Page::Surveys(short.clone()).path(lang),
        phases: Phase::ALL
            .into_iter()
            .map(|phase| {
                let (first, last) = phase.span(year);
                PhaseView {
                    name: phase.name(lang),
                    span: format!("{} – {}", written(first, lang), written(last, lang)),
                    now: current_year && phase == now,
                    due: due
                        .iter()
                        .filter(|d| d.phase == phase)
                        .map(|d| DueView {
                            text: d.task.describe(&data.facts, lang),
                            done: d.done,
                        })
                        .collect(),
                }
            })
            .collect(),
        has_vision: data.version.is_some(),
        evaluations,
        can_edit: working.permission().includes(Permission::Coordinator),
        pdf_href: with_year(Page::YearReport(short.clone(), DocumentFormat::Pdf), year),
        docx_href: with_year(Page::YearReport(short, DocumentFormat::Docx), year),
        t,
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let year = year_of(&query, lang);
    let data = load_year(&app, working.school(), year).await?;
    let mut view = page(&app, lang, &working, &data, None);
    view.notice = done_notice(
        query,
        lang,
        &[
            ("geevalueerd", "cycle-evaluated"),
            ("meegenomen", "cycle-carried"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let year = year_of(&query, lang);
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let data = load_year(&app, working.school(), year).await?;
    let revision: i64 = fields.one("revisie").trim().parse().unwrap_or(-1);
    // The goal must be one of the newest version's.
    let goal = data.version.as_ref().and_then(|v| {
        let id = Uuid::parse_str(fields.one("doel").trim()).ok()?;
        let i = v.goal_ids.iter().position(|g| *g == id)?;
        Some((id, v.vision.goals.get(i)?.goal.clone()))
    });
    let back = |done: &str| {
        see_other(&format!(
            "{}?{}={year}&klaar={done}#evaluatie",
            Page::Cycle(short.clone()).path(lang),
            year_param(lang)
        ))
    };
    let input = |message: String| Refusal::Words(message, StatusCode::UNPROCESSABLE_ENTITY);
    let result: Result<Response, Refusal> = match (fields.one("op"), goal) {
        (_, None) => Err(input(t.get("cycle-unknown-goal"))),
        ("evaluate", Some((id, words))) => match Evaluation::parse(
            fields.one("resultaat"),
            fields.one("goed"),
            fields.one("bijstellen"),
        ) {
            Ok(evaluation) => app
                .store
                .save_goal_evaluation(school, me, year, id, &words, revision, &evaluation)
                .await
                .map(|()| back("geevalueerd"))
                .map_err(Refusal::Store),
            Err(e) => Err(input(e.message(lang))),
        },
        ("carry", Some((id, _))) => app
            .store
            .carry_goal_evaluation(school, me, year, id, revision)
            .await
            .map(|()| back("meegenomen"))
            .map_err(Refusal::Store),
        _ => Err(input(t.get("fw-error-op"))),
    };
    let (message, status) = match result {
        Ok(response) => return Ok(response),
        Err(Refusal::Words(message, status)) => (message, status),
        Err(Refusal::Store(EvaluationStoreError::Store(e))) => return Err(e.into()),
        Err(Refusal::Store(EvaluationStoreError::NotAllowed)) => {
            (t.get("vision-not-allowed"), StatusCode::FORBIDDEN)
        }
        Err(Refusal::Store(EvaluationStoreError::NotFound)) => (
            t.get("cycle-nothing-to-carry"),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(Refusal::Store(EvaluationStoreError::Stale(mark))) => (
            t.args(
                "vision-stale",
                &[
                    (
                        "by",
                        &mark.by.unwrap_or_else(|| t.get("plan-former-colleague")),
                    ),
                    ("date", &day(mark.at, lang)),
                ],
            ),
            StatusCode::CONFLICT,
        ),
    };
    let data = load_year(&app, working.school(), year).await?;
    let mut view = page(
        &app,
        lang,
        &working,
        &data,
        Some((&fields, message.clone())),
    );
    if status == StatusCode::CONFLICT {
        // Saving again is a deliberate overwrite: the form now expects the newer revision.
        if let Some(e) = view
            .evaluations
            .iter_mut()
            .find(|e| e.goal_id == fields.one("doel").trim())
        {
            e.revision = data
                .evaluations
                .iter()
                .find(|saved| saved.goal.to_string() == e.goal_id)
                .map_or(0, |saved| saved.mark.revision);
        }
    }
    view.refused = Some(message);
    respond_private(&view, lang, status)
}

/// Why an evaluation was not saved or carried over.
enum Refusal {
    Words(String, StatusCode),
    Store(EvaluationStoreError),
}
