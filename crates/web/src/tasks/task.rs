//! One task's agreements in a school year: who is responsible, who carries it out, who is
//! involved; its category and hours; and what people said in the scans they let count, each
//! a click away from an agreement. Coordinators and administrators.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::allocation::{Assignment, Category, Part, Party, SchoolYear};
use domain::hours::Minutes;
use domain::{Code, Lang};
use store::AllocationFailure;

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::allocation::{Loaded, load, party_name};
use crate::ui::dates::{year_of, year_param};
use crate::ui::parties::{form_party, part_choices, party_choices, party_value};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct AgreementLine {
    pub party: String,
    pub party_value: String,
    pub part: String,
    pub part_key: &'static str,
}

#[derive(Debug)]
pub struct SaidLine {
    pub name: String,
    pub said: String,
    pub party_value: String,
    /// The person already carries the task out by agreement: nothing left to agree.
    pub agreed: bool,
}

#[derive(Template)]
#[template(path = "tasks/task.html")]
pub struct TaskView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub code: String,
    pub text: String,
    pub year: String,
    pub agreements: Vec<AgreementLine>,
    pub said: Vec<SaidLine>,
    pub action: String,
    pub back_href: String,
    /// (group label, [(value, name)])
    pub parties: Vec<(String, Vec<(String, String)>)>,
    pub parts: Vec<(&'static str, String)>,
    /// The message key of the party field's label.
    pub party_label: &'static str,
    pub categories: Vec<(&'static str, String)>,
    pub category: &'static str,
    pub hours: String,
    pub message: Option<String>,
    /// What the last action did.
    pub notice: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct TaskForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    party: String,
    #[serde(default)]
    own: String,
    #[serde(default)]
    part: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    hours: String,
}

fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    loaded: &Loaded,
    code: &Code,
    year: SchoolYear,
    message: Option<String>,
) -> TaskView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Task(short.clone(), code.to_string());
    let name = |p: &Party| party_name(p, &loaded.names, lang, &loaded.edition);
    let task = loaded.tasks.iter().find(|t| &t.code == code);
    TaskView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("task-title", "code", code),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        code: code.to_string(),
        text: loaded
            .edition
            .statement(code.as_str())
            .map(|s| s.text.shown(lang).to_owned())
            .unwrap_or_default(),
        year: year.to_string(),
        agreements: loaded
            .data
            .assignments
            .iter()
            .filter(|a| &a.code == code)
            .map(|a| AgreementLine {
                party: name(&a.party),
                party_value: party_value(&a.party),
                part: a.part.name(lang).to_owned(),
                part_key: a.part.key(),
            })
            .collect(),
        said: loaded
            .suggestions
            .iter()
            .filter(|s| &s.code == code && s.offers())
            .map(|s| SaidLine {
                agreed: loaded.data.assignments.iter().any(|a| {
                    &a.code == code
                        && a.part == Part::CarriesOut
                        && a.party == Party::Person(s.person)
                }),
                name: name(&Party::Person(s.person)),
                said: t.get(match s.choice {
                    domain::scan::Choice::Yes => "tasks-said-yes",
                    domain::scan::Choice::Partly => "tasks-said-partly",
                    _ => "tasks-said-develop",
                }),
                party_value: party_value(&Party::Person(s.person)),
            })
            .collect(),
        action: format!("{}?{}={year}", page.path(lang), year_param(lang)),
        back_href: format!(
            "{}?{}={year}#{code}",
            Page::Tasks(short).path(lang),
            year_param(lang)
        ),
        parties: party_choices(loaded, lang),
        parts: part_choices(lang),
        party_label: "task-party",
        categories: Category::ALL
            .into_iter()
            .map(|c| (c.key(), c.name(lang).to_owned()))
            .collect(),
        category: task.map_or("", |t| t.category.key()),
        hours: task
            .and_then(|t| t.hours)
            .map(|h| h.display(lang))
            .unwrap_or_default(),
        message,
        notice: None,
        t,
    }
}

/// The coordinator and the task (a task statement of the school's edition); or the answer.
async fn find(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    short: &str,
    code: &str,
    year: SchoolYear,
) -> Result<(Working, Loaded, Code), AppError> {
    let working = require(app, headers, lang, short, Permission::Coordinator).await?;
    let loaded = load(app, working.school(), year).await?;
    match loaded.tasks.iter().find(|t| t.code.as_str() == code) {
        Some(task) => {
            let code = task.code.clone();
            Ok((working, loaded, code))
        }
        None => Err(AppError::NotFound(lang)),
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, code) = path.map(|Path(p)| p).unwrap_or_default();
    let year = year_of(&query, lang);
    let (working, loaded, code) = find(&app, lang, &headers, &short, &code, year).await?;
    let mut page = view(&app, lang, &working, &loaded, &code, year, None);
    let done = query.ok().and_then(|Query(q)| q.get("klaar").cloned());
    page.notice = match done.as_deref() {
        Some("add") => Some(Tr(lang).get("task-added-notice")),
        Some("remove") => Some(Tr(lang).get("task-removed-notice")),
        Some("task") => Some(Tr(lang).get("task-saved-notice")),
        _ => None,
    };
    respond_private(&page, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    form: Result<Form<TaskForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, code) = path.map(|Path(p)| p).unwrap_or_default();
    let year = year_of(&query, lang);
    let (working, loaded, code) = find(&app, lang, &headers, &short, &code, year).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let t = Tr(lang);
    let school = working.school().id;
    let actor = working.user().id;
    let party = form_party(&form.party, &form.own);
    let result: Result<(), String> = match form.op.as_str() {
        "add" | "remove" => match (party, Part::from_key(&form.part)) {
            (Some(party), Some(part)) => {
                let assignment = Assignment {
                    code: code.clone(),
                    party,
                    part,
                };
                let done = if form.op == "add" {
                    app.store
                        .add_assignment(
                            school,
                            actor,
                            year,
                            &assignment,
                            &loaded.tasks,
                            loaded.settings.rules,
                        )
                        .await
                } else {
                    app.store
                        .remove_assignment(school, actor, year, &assignment)
                        .await
                        .map(|_| ())
                };
                match done {
                    Ok(()) => Ok(()),
                    Err(AllocationFailure::Refused(e)) => Err(e.message(lang).to_owned()),
                    Err(AllocationFailure::RefusedTasks(why)) => {
                        Err(why.first().map_or("", |(_, e)| e.message(lang)).to_owned())
                    }
                    Err(AllocationFailure::NotAllowed) => {
                        return Ok(error_page(&app, lang, StatusCode::FORBIDDEN));
                    }
                    Err(AllocationFailure::Store(e)) => return Err(e.into()),
                }
            }
            _ => Err(t.get("task-error-party")),
        },
        "task" => {
            let hours = match form.hours.trim() {
                "" => Ok(None),
                h => Minutes::parse_hours(h)
                    .filter(|m| m.0 <= domain::hours::MAX_HOURS * 60)
                    .map(Some)
                    .ok_or_else(|| t.get("task-error-hours")),
            };
            match (Category::from_key(&form.category), hours) {
                (Some(category), Ok(hours)) => match app
                    .store
                    .set_allocation_task(school, actor, year, &code, category, hours)
                    .await
                {
                    Ok(()) => Ok(()),
                    Err(AllocationFailure::Store(e)) => return Err(e.into()),
                    Err(_) => return Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
                },
                (None, _) => Err(t.get("task-error-category")),
                (_, Err(e)) => Err(e),
            }
        }
        _ => Err(t.get("fw-error-op")),
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "{}?{}={year}&klaar={}",
            Page::Task(short, code.to_string()).path(lang),
            year_param(lang),
            form.op
        ))),
        Err(message) => {
            let loaded = load(&app, working.school(), year).await?;
            let page = view(&app, lang, &working, &loaded, &code, year, Some(message));
            respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
