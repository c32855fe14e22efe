//! *Wie doet wat* and the LOB hours of a school year through the API: every task with its
//! category, hours and the parties agreed for it; the hours the formula gives and the hours
//! given per person.

use std::collections::HashMap;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;
use domain::account::Permission;
use domain::allocation::{Party, SchoolYear};
use domain::api_token::{Access, Resource};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::{Tr, preferred};
use crate::state::AppState;
use crate::ui::allocation::{hours_totals, load, party_name};
use crate::ui::dates::this_year;
use crate::ui::json::error;

/// Who takes part in a task.
#[derive(Serialize, ToSchema)]
pub struct PartyOut {
    /// `person`, `role`, `outside` or `own`.
    pub kind: String,
    /// The person's id, the role's code (`BEG`), the outside party's key (`ouders`) or the
    /// school's own party's name.
    pub id: String,
    /// The party in words, in the language asked for.
    pub name: String,
}

/// One agreement on a task.
#[derive(Serialize, ToSchema)]
pub struct AgreementOut {
    pub party: PartyOut,
    /// `verantwoordelijk`, `uitvoerend` or `betrokken`.
    pub part: String,
}

/// A task of the framework and who does it.
#[derive(Serialize, ToSchema)]
pub struct TaskOut {
    /// The task statement's code, e.g. `BEG.VIS.T1`.
    pub code: String,
    pub text: String,
    /// `begeleidend`, `specialistisch`, `beleidsmatig` or `management`.
    pub category: String,
    /// Hours set for the task, in minutes.
    pub minutes: Option<i64>,
    pub agreements: Vec<AgreementOut>,
}

/// *Wie doet wat* of a school year.
#[derive(Serialize, ToSchema)]
pub struct AllocationOut {
    /// e.g. `2026-2027`.
    pub year: String,
    pub tasks: Vec<TaskOut>,
}

/// The hours given to one person.
#[derive(Serialize, ToSchema)]
pub struct PersonHoursOut {
    pub person: Uuid,
    pub name: String,
    pub minutes: i64,
}

/// The LOB hours of a school year.
#[derive(Serialize, ToSchema)]
pub struct HoursOut {
    pub year: String,
    /// What the school's formula gives, in minutes; none when it cannot be calculated.
    pub formula_minutes: Option<i64>,
    /// The hours given to people together, in minutes.
    pub given_minutes: i64,
    pub people: Vec<PersonHoursOut>,
}

/// The school year of `?year=2026-2027` (this one when none is given); 400 when it is not one.
fn year_of(
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    lang: Lang,
) -> Result<SchoolYear, AppError> {
    let query = query.map(|Query(q)| q).unwrap_or_default();
    match query.get("year") {
        None => Ok(this_year()),
        Some(y) => SchoolYear::parse(y).ok_or_else(|| {
            AppError::answer(error(
                StatusCode::BAD_REQUEST,
                Tr(lang).with(
                    "api-bad-year",
                    "year",
                    y.chars().take(20).collect::<String>(),
                ),
            ))
        }),
    }
}

fn party_out(party: &Party, name: String) -> PartyOut {
    let (kind, id) = match party {
        Party::Person(p) => ("person", p.0.to_string()),
        Party::Role(r) => ("role", r.code().to_owned()),
        Party::Outside(o) => ("outside", o.key().to_owned()),
        Party::Own(n) => ("own", n.clone()),
    };
    PartyOut {
        kind: kind.to_owned(),
        id,
        name,
    }
}

/// `GET /api/v1/schools/{school}/allocation?year=`
pub async fn allocation(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Allocation,
        Access::Read
    );
    let year = year_of(query, lang)?;
    let loaded = load(&app, caller.working.school(), year).await?;
    let tasks = loaded
        .tasks
        .iter()
        .map(|task| TaskOut {
            code: task.code.to_string(),
            text: loaded
                .edition
                .statement(task.code.as_str())
                .map(|s| s.text.shown(lang).to_owned())
                .unwrap_or_default(),
            category: task.category.key().to_owned(),
            minutes: task.hours.map(|m| m.0),
            agreements: loaded
                .data
                .assignments
                .iter()
                .filter(|a| a.code == task.code)
                .map(|a| AgreementOut {
                    party: party_out(
                        &a.party,
                        party_name(&a.party, &loaded.names, lang, &loaded.edition),
                    ),
                    part: a.part.key().to_owned(),
                })
                .collect(),
        })
        .collect();
    Ok(Json(AllocationOut {
        year: year.to_string(),
        tasks,
    })
    .into_response())
}

/// `GET /api/v1/schools/{school}/hours?year=`
pub async fn hours(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Hours,
        Access::Read
    );
    let year = year_of(query, lang)?;
    let loaded = load(&app, caller.working.school(), year).await?;
    let (formula, given) = hours_totals(&app, caller.working.school(), &loaded, lang).await?;
    let mut people: Vec<PersonHoursOut> = loaded
        .data
        .hours
        .iter()
        .filter_map(|(person, minutes)| {
            Some(PersonHoursOut {
                person: person.0,
                name: loaded.names.get(person)?.clone(),
                minutes: minutes.0,
            })
        })
        .collect();
    people.sort_by(|a, b| a.name.cmp(&b.name).then(a.person.cmp(&b.person)));
    Ok(Json(HoursOut {
        year: year.to_string(),
        formula_minutes: formula.map(|m| m.0),
        given_minutes: given.0,
        people,
    })
    .into_response())
}
