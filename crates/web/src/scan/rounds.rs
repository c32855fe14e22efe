//! A school's rounds of self-scans: every member sees them and opens their own scan; a
//! coordinator opens a new round (name and period) when none is open.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::scan::{Period, RoundName};
use store::{ManageError, Round};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::period_text;
use crate::ui::forms::Problem;
use crate::ui::scan_state::state_key;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug, Default, serde::Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    starts: String,
    #[serde(default)]
    ends: String,
}

#[derive(Debug)]
pub struct RoundLine {
    pub name: String,
    pub period: String,
    pub open: bool,
    pub href: String,
    /// The person's own scan: not started, started, finished.
    pub mine: String,
}

#[derive(Template)]
#[template(path = "scan/rounds.html")]
pub struct RoundsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub rounds: Vec<RoundLine>,
    /// Coordinators may open a round while none is open.
    pub can_open: bool,
    pub any_open: bool,
    pub action: String,
    pub form: OpenForm,
    pub problems: Vec<Problem>,
}

impl RoundsView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        crate::ui::forms::problem_of(&self.problems, field)
    }
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    form: OpenForm,
    problems: Vec<Problem>,
) -> Result<RoundsView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let page = Page::Rounds(school.short_name.clone());
    let rounds: Vec<Round> = app.store.rounds(school.id).await?;
    let marks = app
        .store
        .my_scan_marks(school.id, working.user().id)
        .await?;
    let lines = rounds
        .iter()
        .map(|r| {
            let mark = marks.iter().find(|m| m.round == r.id);
            RoundLine {
                name: r.name.to_string(),
                period: period_text(r.period, lang),
                open: r.is_open(),
                href: Page::Round(school.short_name.clone(), r.id).path(lang),
                mine: t.get(mark.map_or("round-mine-none", |m| {
                    state_key(m.finished, m.carried, true)
                })),
            }
        })
        .collect();
    Ok(RoundsView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("rounds-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        rounds: lines,
        can_open: working.permission().includes(Permission::Coordinator),
        any_open: rounds.iter().any(Round::is_open),
        action: page.path(lang),
        form,
        problems,
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let page = view(&app, lang, &working, OpenForm::default(), Vec::new()).await?;
    respond_private(&page, lang, StatusCode::OK)
}

/// Opens a round with the school's current edition.
pub async fn open(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<OpenForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let mut problems = Vec::new();
    let name = RoundName::parse(&form.name)
        .map_err(|e| {
            problems.push(Problem {
                field: "name",
                message: e.message(lang),
            });
        })
        .ok();
    let period = Period::parse(&form.starts, &form.ends)
        .map_err(|e| {
            let field = match e {
                domain::scan::ScanInputError::BadDate(ref v)
                    if v.as_str() != form.starts.trim() =>
                {
                    "ends"
                }
                domain::scan::ScanInputError::PeriodReversed => "ends",
                _ => "starts",
            };
            problems.push(Problem {
                field,
                message: e.message(lang),
            });
        })
        .ok();
    let (Some(name), Some(period)) = (name, period) else {
        let page = view(&app, lang, &working, form, problems).await?;
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let school = working.school();
    // A new round uses the school's newest edition.
    let edition = crate::ui::frameworks::school_framework(&app, school.id)
        .await?
        .current
        .id();
    match app
        .store
        .open_round(school.id, working.user().id, &name, period, edition)
        .await
    {
        Ok(round) => Ok(see_other(&Page::Round(short, round.id).path(lang))),
        Err(ManageError::Refused(refusal)) => {
            let problems = vec![Problem {
                field: "name",
                message: refusal.message(lang).to_owned(),
            }];
            let page = view(&app, lang, &working, form, problems).await?;
            respond_private(&page, lang, StatusCode::CONFLICT)
        }
        Err(ManageError::Store(e)) => Err(e.into()),
    }
}
