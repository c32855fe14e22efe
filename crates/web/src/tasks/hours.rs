//! LOB hours: the school's formula and its parameters, the calculation step by step, and
//! beside it the hours each person has (entered by a coordinator), the task hours they carry
//! out and the difference. Every member reads it; coordinators change it.

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Permission, UserId};
use domain::allocation::{SchoolYear, task_hours};
use domain::hours::{
    Counts, Formula, HoursError, MAX_HOURS, Minutes, calculate, checked, checked_counts,
};
use store::{AllocationFailure, AllocationSettings};

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::allocation::{counts, load};
use crate::ui::dates::{year_of, year_param};
use crate::ui::forms::FormFields;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct StepLine {
    pub what: String,
    pub sum: String,
    pub amount: String,
}

#[derive(Debug)]
pub struct PersonLine {
    pub name: String,
    pub value: String,
    pub tasks: String,
    pub allocated: String,
    pub difference: String,
    pub over: bool,
    /// The hours typed for this person could not be read (the form was refused).
    pub invalid: bool,
}

#[derive(Template)]
#[template(path = "tasks/hours.html")]
pub struct HoursView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub year: String,
    pub back_href: String,
    pub action: String,
    pub can_change: bool,
    pub formula: &'static str,
    pub nvs_minutes: String,
    pub own_base: String,
    pub own_per_decaan: String,
    pub own_per_student: String,
    pub decanen: String,
    pub students: String,
    pub decanen_hint: String,
    pub students_hint: String,
    /// Where the rules for the conversation are set: on the allocation page.
    pub rules_href: String,
    /// What the last change did.
    pub notice: Option<String>,
    pub steps: Vec<StepLine>,
    pub total: String,
    pub allocated_total: String,
    /// When people were given more hours than the formula gives, in neutral words.
    pub over_formula: Option<String>,
    pub people: Vec<PersonLine>,
    pub message: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct HoursForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    formula: String,
    #[serde(default)]
    nvs_minutes: String,
    #[serde(default)]
    own_base: String,
    #[serde(default)]
    own_per_decaan: String,
    #[serde(default)]
    own_per_student: String,
    #[serde(default)]
    decanen: String,
    #[serde(default)]
    students: String,
}

/// The prefix of the people form's fields, one per person: `h-<id>`.
const PERSON_FIELD: &str = "h-";

/// The form as typed when it was refused, to show again: field name to value, and the
/// fields that could not be read.
#[derive(Debug, Default)]
struct Typed {
    values: HashMap<String, String>,
    invalid: Vec<String>,
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    year: SchoolYear,
    message: Option<String>,
    typed: Typed,
) -> Result<HoursView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Hours(short.clone());
    let loaded = load(app, working.school(), year).await?;
    let settings = loaded.settings;
    let (used, counted) = counts(app, working.school(), &settings).await?;
    let calculation = calculate(settings.formula, used, lang);
    let formula_total = calculation.as_ref().ok().map(|c| c.total);
    let (steps, total) = match calculation {
        Ok(c) => (
            c.steps
                .iter()
                .map(|s| StepLine {
                    what: s.what.to_owned(),
                    sum: s.sum.clone(),
                    amount: s.amount.display(lang),
                })
                .collect(),
            c.total.display(lang),
        ),
        Err(e) => (Vec::new(), e.message(lang).to_owned()),
    };
    let carried = task_hours(&loaded.tasks, &loaded.data.assignments);
    let mut people: Vec<(&UserId, &String)> = loaded.names.iter().collect();
    people.sort_by_key(|(_, n)| n.to_lowercase());
    let allocated_total: i64 = loaded.data.hours.values().map(|m| m.0).sum();
    // More hours given to people than the formula gives: said plainly, without judgement.
    let over_formula = formula_total
        .filter(|formula| allocated_total > formula.0)
        .map(|formula| {
            t.args(
                "hours-over-formula",
                &[
                    ("allocated", &Minutes(allocated_total).display(lang)),
                    ("more", &Minutes(allocated_total - formula.0).display(lang)),
                    ("formula", &formula.display(lang)),
                ],
            )
        });
    let people = people
        .into_iter()
        .map(|(id, name)| {
            let tasks = carried.get(id).copied().unwrap_or_default();
            let allocated = loaded.data.hours.get(id).copied();
            let have = allocated.unwrap_or_default();
            let field = format!("{PERSON_FIELD}{}", id.0);
            PersonLine {
                name: name.clone(),
                value: id.0.to_string(),
                tasks: tasks.display(lang),
                allocated: match typed.values.get(&field) {
                    Some(value) => value.clone(),
                    None => allocated.map(|a| a.display(lang)).unwrap_or_default(),
                },
                difference: Minutes(have.0 - tasks.0).display(lang),
                over: tasks > have,
                invalid: typed.invalid.contains(&field),
            }
        })
        .collect();
    let h = |m: Minutes| m.display(lang);
    Ok(HoursView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("hours-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        year: year.to_string(),
        back_href: format!(
            "{}?{}={year}",
            Page::Tasks(short.clone()).path(lang),
            year_param(lang)
        ),
        action: format!("{}?{}={year}", page.path(lang), year_param(lang)),
        can_change: working.permission().includes(Permission::Coordinator),
        formula: settings.formula.key(),
        nvs_minutes: settings.nvs_minutes.to_string(),
        own_base: h(settings.own.0),
        own_per_decaan: h(settings.own.1),
        own_per_student: h(settings.own.2),
        decanen: settings.decanen.map(|d| d.to_string()).unwrap_or_default(),
        students: settings.students.map(|s| s.to_string()).unwrap_or_default(),
        decanen_hint: t.count(
            "hours-decanen-hint",
            usize::try_from(counted.decanen).unwrap_or(usize::MAX),
        ),
        students_hint: t.count(
            "hours-students-hint",
            usize::try_from(counted.students).unwrap_or(usize::MAX),
        ),
        rules_href: format!(
            "{}?{}={year}#regels",
            Page::Tasks(short.clone()).path(lang),
            year_param(lang)
        ),
        notice: None,
        steps,
        total,
        allocated_total: Minutes(allocated_total).display(lang),
        over_formula,
        people,
        message,
        t,
    })
}

/// The formula in words, its steps and its total, for documents.
pub(crate) async fn calculation(
    app: &AppState,
    working: &Working,
    settings: &AllocationSettings,
    lang: Lang,
) -> Result<(String, Vec<(String, String, String)>, String), AppError> {
    let t = Tr(lang);
    let (used, _) = counts(app, working.school(), settings).await?;
    let words = t.get(match settings.formula {
        Formula::Vvsl => "hours-vvsl",
        Formula::Nvs { .. } => "hours-nvs",
        Formula::Own { .. } => "hours-own",
    });
    Ok(match calculate(settings.formula, used, lang) {
        Ok(c) => (
            words,
            c.steps
                .iter()
                .map(|s| (s.what.to_owned(), s.sum.clone(), s.amount.display(lang)))
                .collect(),
            c.total.display(lang),
        ),
        Err(e) => (words, Vec::new(), e.message(lang).to_owned()),
    })
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
    let year = year_of(&query, lang);
    let mut page = view(&app, lang, &working, year, None, Typed::default()).await?;
    let done = query.ok().and_then(|Query(q)| q.get("klaar").cloned());
    page.notice = match done.as_deref() {
        Some("settings") => Some(Tr(lang).get("hours-settings-saved")),
        Some("people") => Some(Tr(lang).get("hours-people-saved")),
        _ => None,
    };
    respond_private(&page, lang, StatusCode::OK)
}

/// A whole number within bounds, or `None` for an empty field; `Err` for anything else.
fn count(input: &str, max: u32) -> Result<Option<u32>, ()> {
    let input = input.trim().replace(['.', ' '], "");
    if input.is_empty() {
        return Ok(None);
    }
    match input.parse::<u32>() {
        Ok(n) if n <= max => Ok(Some(n)),
        _ => Err(()),
    }
}

/// The settings a form asks for, or why they cannot be.
fn settings_of(
    form: &HoursForm,
    old: &AllocationSettings,
) -> Result<AllocationSettings, HoursError> {
    let hours = |s: &str| {
        Minutes::parse_hours(s)
            .filter(|m| m.0 <= MAX_HOURS * 60)
            .ok_or(HoursError::Amount)
    };
    let nvs_minutes: u32 = form
        .nvs_minutes
        .trim()
        .parse()
        .map_err(|_| HoursError::NvsMinutes)?;
    let own = (
        hours(&form.own_base)?,
        hours(&form.own_per_decaan)?,
        hours(&form.own_per_student)?,
    );
    let formula = match form.formula.as_str() {
        "nvs" => Formula::Nvs {
            minutes_per_student: nvs_minutes,
        },
        "eigen" => Formula::Own {
            base: own.0,
            per_decaan: own.1,
            per_student: own.2,
        },
        _ => Formula::Vvsl,
    };
    checked(formula)?;
    checked(Formula::Nvs {
        minutes_per_student: nvs_minutes,
    })?;
    let decanen =
        count(&form.decanen, domain::hours::MAX_DECANEN).map_err(|()| HoursError::Decanen)?;
    let students = count(&form.students, 100_000).map_err(|()| HoursError::Students)?;
    checked_counts(Counts {
        decanen: decanen.unwrap_or(0),
        students: students.unwrap_or(0),
    })?;
    // The rules for the conversation are set with the allocation, not here.
    Ok(AllocationSettings {
        formula,
        nvs_minutes,
        own,
        decanen,
        students,
        rules: old.rules,
    })
}

/// The hours an amount field asks for: `None` when empty; `Err` when it is no amount.
fn amount(input: &str) -> Result<Option<Minutes>, HoursError> {
    match input.trim() {
        "" => Ok(None),
        h => Minutes::parse_hours(h)
            .filter(|m| m.0 <= MAX_HOURS * 60)
            .map(Some)
            .ok_or(HoursError::Amount),
    }
}

/// Everyone's hours from the one form, only those that differ from what is stored; or the
/// fields that are no amount (then nothing is stored).
fn people_hours(
    pairs: &[(String, String)],
    stored: &HashMap<UserId, Minutes>,
) -> Result<Vec<(UserId, Option<Minutes>)>, Vec<String>> {
    let mut changed = Vec::new();
    let mut invalid = Vec::new();
    for (field, value) in pairs {
        let Some(id) = field.strip_prefix(PERSON_FIELD) else {
            continue;
        };
        let person = uuid::Uuid::parse_str(id).ok().map(UserId);
        match (person, amount(value)) {
            (Some(person), Ok(hours)) => {
                if stored.get(&person).copied() != hours {
                    changed.push((person, hours));
                }
            }
            _ => invalid.push(field.clone()),
        }
    }
    if invalid.is_empty() {
        Ok(changed)
    } else {
        Err(invalid)
    }
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let year = year_of(&query, lang);
    // One form has a field per person, so the body is read both as the settings form and
    // as its name–value pairs.
    let form: HoursForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let fields = FormFields::parse(&body);
    let pairs = fields.pairs();
    let t = Tr(lang);
    let school = working.school().id;
    let actor = working.user().id;
    let mut typed = Typed::default();
    let outcome: Result<(), String> = match form.op.as_str() {
        "settings" => {
            let old = app.store.allocation_settings(school).await?;
            match settings_of(&form, &old) {
                Ok(settings) => match app
                    .store
                    .set_allocation_settings(school, actor, &settings)
                    .await
                {
                    Ok(()) => Ok(()),
                    Err(AllocationFailure::Store(e)) => return Err(e.into()),
                    Err(_) => return Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
                },
                Err(e) => Err(e.message(lang).to_owned()),
            }
        }
        "people" => {
            let stored = app.store.allocation(school, year).await?.hours;
            match people_hours(pairs, &stored) {
                Ok(changed) => match app
                    .store
                    .set_people_hours(school, actor, year, &changed)
                    .await
                {
                    Ok(()) => Ok(()),
                    Err(AllocationFailure::Refused(e)) => Err(e.message(lang).to_owned()),
                    Err(AllocationFailure::Store(e)) => return Err(e.into()),
                    Err(_) => return Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
                },
                Err(invalid) => {
                    typed = Typed {
                        values: pairs.iter().cloned().collect(),
                        invalid,
                    };
                    Err(t.count("hours-people-invalid", typed.invalid.len()))
                }
            }
        }
        _ => Err(t.get("fw-error-op")),
    };
    match outcome {
        Ok(()) => Ok(see_other(&format!(
            "{}?{}={year}&klaar={}",
            Page::Hours(short).path(lang),
            year_param(lang),
            form.op
        ))),
        Err(message) => {
            let page = view(&app, lang, &working, year, Some(message), typed).await?;
            respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
