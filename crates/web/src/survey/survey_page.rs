//! One student survey. While it is open: its groups with how many of their students
//! answered, and for coordinators adding groups or students, a new code for a group, a higher
//! k, closing it (for good). Once closed: its results under the group-figure rule, beside
//! the team picture per area, and as a workbook. Deleting it removes every answer.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::aggregate::Threshold;
use domain::survey::{USES_MAX, parse_groups, parse_uses};
use store::SurveyError;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::survey::results::{ResultsView, load, state_words, team_areas, view as results_view};
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct GroupLine {
    pub id: String,
    pub name: String,
    pub uses: i64,
    pub used: i64,
}

#[derive(Template)]
#[template(path = "survey/survey.html")]
pub struct SurveyView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub list_href: String,
    pub action: String,
    pub name: String,
    pub state: String,
    pub open: bool,
    pub k: u32,
    pub can_edit: bool,
    pub groups: Vec<GroupLine>,
    /// How many answered of how many students.
    pub progress: String,
    /// Codes made by the request this page answers: shown this once.
    pub new_codes: Vec<(String, String)>,
    pub student_address: String,
    pub results: Option<ResultsView>,
    pub xlsx_href: String,
    pub typed_groups: String,
}

/// A coordinator's change refused, in words.
pub(crate) fn refusal(e: &SurveyError, lang: Lang) -> String {
    let t = Tr(lang);
    match e {
        SurveyError::NotAllowed => t.get("survey-not-allowed"),
        SurveyError::NotFound => t.get("survey-not-found"),
        SurveyError::Closed => t.get("survey-is-closed"),
        SurveyError::TooManyUses => t.with("survey-too-many-uses", "max", USES_MAX),
        SurveyError::Threshold(e) => e.message(lang),
        SurveyError::Store(_) => t.get("survey-not-found"),
    }
}

pub(crate) async fn survey_page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    id: Uuid,
) -> Result<Option<SurveyView>, AppError> {
    let Some(loaded) = load(app, working, id).await? else {
        return Ok(None);
    };
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Survey(short.clone(), id);
    let s = &loaded.survey.summary;
    let results = match &loaded.results {
        Some(r) => {
            let team = team_areas(app, working).await?;
            Some(results_view(app, &loaded, r, team.as_ref(), lang))
        }
        None => None,
    };
    Ok(Some(SurveyView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), s.name.clone()).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        list_href: Page::Surveys(short.clone()).path(lang),
        action: page.path(lang),
        name: s.name.clone(),
        state: state_words(s, lang),
        open: s.is_open(),
        k: s.threshold.get(),
        can_edit: working.permission().includes(Permission::Coordinator),
        groups: loaded
            .survey
            .groups
            .iter()
            .map(|g| GroupLine {
                id: g.id.to_string(),
                name: g.name.clone(),
                uses: g.uses,
                used: g.used,
            })
            .collect(),
        progress: t.args(
            "survey-progress",
            &[
                ("answers", &s.answers.to_string()),
                ("students", &s.uses.to_string()),
            ],
        ),
        new_codes: Vec::new(),
        student_address: app.absolute(&Page::StudentSurvey, lang),
        results,
        xlsx_href: Page::SurveyResults(short, id).path(lang),
        typed_groups: String::new(),
        t,
    }))
}

fn survey_id(path: Result<Path<(String, String)>, PathRejection>) -> (String, Option<Uuid>) {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    (short, Uuid::parse_str(&id).ok())
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, id) = survey_id(path);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some(id) = id else {
        return Err(AppError::NotFound(lang));
    };
    let Some(mut view) = survey_page(&app, lang, &working, id).await? else {
        return Err(AppError::NotFound(lang));
    };
    view.notice = done_notice(
        query,
        lang,
        &[
            ("groepen", "survey-groups-added"),
            ("leerlingen", "survey-uses-added"),
            ("k", "survey-k-set"),
            ("gesloten", "survey-closed"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

/// `POST`: a coordinator's change (`stap=groepen|leerlingen|code|k|sluiten|verwijderen`).
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (short, id) = survey_id(path);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Some(id) = id else {
        return Err(AppError::NotFound(lang));
    };
    let Some(survey) = app.store.survey(working.school().id, id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let (school, actor) = (working.school().id, working.user().id);
    let group = Uuid::parse_str(fields.one("groep")).ok();
    let sure = fields.one("zeker") == "ja";
    let store = &app.store;
    let step: Result<Step, String> = match fields.one("stap") {
        "groepen" => {
            let existing: Vec<&str> = survey.groups.iter().map(|g| g.name.as_str()).collect();
            match parse_groups(fields.one("groepen"), &existing) {
                Ok(groups) => match store.add_survey_groups(school, actor, id, &groups).await {
                    Ok(codes) => Ok(Step::Codes(codes, "survey-groups-added")),
                    Err(e) => Err(refused(e, lang)?),
                },
                Err(e) => Err(e.message(lang)),
            }
        }
        "leerlingen" => match (group, parse_uses(fields.one("erbij"))) {
            (Some(g), Some(more)) => {
                match store.add_survey_uses(school, actor, id, g, more).await {
                    Ok(()) => Ok(Step::Done("leerlingen")),
                    Err(e) => Err(refused(e, lang)?),
                }
            }
            (None, _) => Err(t.get("survey-not-found")),
            (_, None) => Err(t.with("survey-uses-invalid", "max", USES_MAX)),
        },
        "code" => match group {
            Some(g) => match store.renew_survey_code(school, actor, id, g).await {
                Ok(code) => Ok(Step::Codes(vec![code], "survey-code-renewed")),
                Err(e) => Err(refused(e, lang)?),
            },
            None => Err(t.get("survey-not-found")),
        },
        "k" => match Threshold::parse(fields.one("k")) {
            Ok(k) => match store.set_survey_threshold(school, actor, id, k).await {
                Ok(()) => Ok(Step::Done("k")),
                Err(e) => Err(refused(e, lang)?),
            },
            Err(e) => Err(e.message(lang)),
        },
        "sluiten" if sure => match store.close_survey(school, actor, id).await {
            Ok(()) => Ok(Step::Done("gesloten")),
            Err(e) => Err(refused(e, lang)?),
        },
        "verwijderen" if sure => match store.delete_survey(school, actor, id).await {
            Ok(()) => Ok(Step::Deleted),
            Err(e) => Err(refused(e, lang)?),
        },
        "sluiten" | "verwijderen" => Err(t.get("survey-confirm-first")),
        _ => Err(t.get("survey-unknown-step")),
    };
    let page_of = |id| Page::Survey(short.clone(), id).path(lang);
    match step {
        Ok(Step::Done(code)) => Ok(see_other(&format!("{}?klaar={code}", page_of(id)))),
        Ok(Step::Deleted) => Ok(see_other(&format!(
            "{}?klaar=weg",
            Page::Surveys(short.clone()).path(lang)
        ))),
        Ok(Step::Codes(codes, notice)) => {
            let Some(mut view) = survey_page(&app, lang, &working, id).await? else {
                return Err(AppError::NotFound(lang));
            };
            view.new_codes = codes
                .into_iter()
                .map(|c| (c.group, c.code.to_string()))
                .collect();
            view.notice = Some(t.get(notice));
            respond_private(&view, lang, StatusCode::OK)
        }
        Err(message) => {
            let Some(mut view) = survey_page(&app, lang, &working, id).await? else {
                return Err(AppError::NotFound(lang));
            };
            view.refused = Some(message);
            view.typed_groups = fields.one("groepen").to_owned();
            respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// What a coordinator's change led to.
enum Step {
    /// Done; the page says so (`?klaar=CODE`).
    Done(&'static str),
    /// New codes, shown this once, with a notice.
    Codes(Vec<store::NewCode>, &'static str),
    Deleted,
}

/// A refused change in words; a failing database is an error, not a refusal.
fn refused(e: SurveyError, lang: Lang) -> Result<String, AppError> {
    match e {
        SurveyError::Store(e) => Err(e.into()),
        e => Ok(refusal(&e, lang)),
    }
}
