//! *Wie doet wat* and the LOB hours of a school year through the API: every task with its
//! category, hours and the parties agreed for it, and the school's rules for the
//! conversation; the school's formula, the hours it gives and the hours given per person.
//! Coordinators change both as the pages do, each request all or nothing
//! ([`store::Store::change_allocation`]).

use std::collections::HashMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Code;
use domain::Lang;
use domain::account::{Permission, UserId};
use domain::allocation::{Assignment, Category, Part, Party, Rules, SchoolYear};
use domain::api_token::{Access, Resource};
use domain::hours::{Counts, Formula, HoursError, MAX_HOURS, Minutes, checked, checked_counts};
use serde::{Deserialize, Serialize};
use store::{AllocationChanges, AllocationFailure, AllocationSettings};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::{Tr, preferred};
use crate::state::AppState;
use crate::ui::allocation::{Loaded, hours_totals, load, party_name};
use crate::ui::dates::this_year;
use crate::ui::json::{error, json_body, problems_error, too_many_changes};
use crate::ui::parties::parse_party;

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

/// The school's rules for the conversation about the allocation (for every school year).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct AllocationRules {
    /// One responsible party per task.
    pub one_responsible: bool,
    /// From how many responsibilities a person's load is worth talking about (1 to 1,000).
    pub many_responsibilities: usize,
}

/// *Wie doet wat* of a school year.
#[derive(Serialize, ToSchema)]
pub struct AllocationOut {
    /// e.g. `2026-2027`.
    pub year: String,
    pub tasks: Vec<TaskOut>,
    pub rules: AllocationRules,
}

/// The hours given to one person.
#[derive(Serialize, ToSchema)]
pub struct PersonHoursOut {
    pub person: Uuid,
    pub name: String,
    pub minutes: i64,
}

/// The school's hours formula and what it counts with (for every school year).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct HoursSettings {
    /// `vvsl`, `nvs` or `eigen` (the school's own).
    pub formula: String,
    /// The NVS formula's minutes per student, 50 to 70 (kept when another formula is chosen).
    pub nvs_minutes_per_student: u32,
    /// The school's own formula, in minutes (kept when another formula is chosen): a base,
    pub own_base_minutes: i64,
    /// per decaan,
    pub own_per_decaan_minutes: i64,
    /// and per student.
    pub own_per_student_minutes: i64,
    /// The number of decanen, when the school sets it (0 to 1,000); null: counted from the
    /// members.
    pub decanen: Option<u32>,
    /// The number of students, when the school sets it (0 to 100,000); null: none yet.
    pub students: Option<u32>,
}

/// The LOB hours of a school year.
#[derive(Serialize, ToSchema)]
pub struct HoursOut {
    pub year: String,
    pub settings: HoursSettings,
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
        rules: AllocationRules {
            one_responsible: loaded.settings.rules.one_responsible,
            many_responsibilities: loaded.settings.rules.many_responsibilities,
        },
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
        settings: settings_out(&loaded.settings),
        formula_minutes: formula.map(|m| m.0),
        given_minutes: given.0,
        people,
    })
    .into_response())
}

fn settings_out(settings: &AllocationSettings) -> HoursSettings {
    HoursSettings {
        formula: settings.formula.key().to_owned(),
        nvs_minutes_per_student: settings.nvs_minutes,
        own_base_minutes: settings.own.0.0,
        own_per_decaan_minutes: settings.own.1.0,
        own_per_student_minutes: settings.own.2.0,
        decanen: settings.decanen,
        students: settings.students,
    }
}

/// A party named in a change: `kind` and `id` as in [`PartyOut`].
#[derive(Deserialize, ToSchema)]
pub struct PartyIn {
    /// `person`, `role`, `outside` or `own`.
    pub kind: String,
    /// A member's id, a role's code (`BEG`), an outside party's key (`ouders`) or the school's
    /// own party's name (1 to 80 characters; a new name adds the party).
    pub id: String,
}

/// An agreement to make or to end.
#[derive(Deserialize, ToSchema)]
pub struct AgreementIn {
    /// The task statement's code, e.g. `BEG.VIS.T1`.
    pub task: String,
    pub party: PartyIn,
    /// `verantwoordelijk`, `uitvoerend` or `betrokken`.
    pub part: String,
}

/// A task's category and hours in the school year.
#[derive(Deserialize, ToSchema)]
pub struct TaskChange {
    /// The task statement's code, e.g. `BEG.VIS.T1`.
    pub task: String,
    /// `begeleidend`, `specialistisch`, `beleidsmatig` or `management`.
    pub category: String,
    /// Hours a year for the task, in minutes (0 to 6,000,000); null: not estimated.
    pub minutes: Option<i64>,
}

/// Changes to *wie doet wat*, saved all together or not at all: the rules, then the tasks,
/// then the agreements to end, then the new ones (checked against those left, as on the
/// page).
#[derive(Deserialize, ToSchema)]
pub struct AllocationChangesIn {
    /// The school's rules for the conversation, replaced whole.
    pub rules: Option<AllocationRules>,
    #[serde(default)]
    pub tasks: Vec<TaskChange>,
    #[serde(default)]
    pub remove: Vec<AgreementIn>,
    #[serde(default)]
    pub add: Vec<AgreementIn>,
}

/// What a change to *wie doet wat* did.
#[derive(Serialize, ToSchema)]
pub struct AllocationChangedOut {
    /// Agreements made.
    pub added: usize,
    /// Agreements asked for that were there already (left as they are).
    pub already: usize,
    /// Agreements ended (one asked for that was not there is not counted).
    pub removed: usize,
    /// Tasks whose category and hours were set.
    pub tasks: usize,
}

/// A person's hours to set.
#[derive(Deserialize, ToSchema)]
pub struct PersonHoursIn {
    /// An active member's id.
    pub person: Uuid,
    /// Hours for LOB in the school year, in minutes (0 to 6,000,000); null clears them.
    pub minutes: Option<i64>,
}

/// Changes to the hours, saved all together or not at all.
#[derive(Deserialize, ToSchema)]
pub struct HoursChangesIn {
    /// The school's formula and counts, replaced whole (as `GET` gives them).
    pub settings: Option<HoursSettings>,
    #[serde(default)]
    pub people: Vec<PersonHoursIn>,
}

/// What a change to the hours did.
#[derive(Serialize, ToSchema)]
pub struct HoursChangedOut {
    /// Whether the formula and counts were saved.
    pub settings: bool,
    /// How many people's hours were set or cleared.
    pub people: usize,
}

/// An amount of minutes within bounds.
fn minutes(m: i64) -> Option<Minutes> {
    (0..=MAX_HOURS * 60).contains(&m).then_some(Minutes(m))
}

/// An amount of minutes within bounds, or none (null); `None` when out of bounds.
fn optional_minutes(m: Option<i64>) -> Option<Option<Minutes>> {
    match m {
        None => Some(None),
        Some(m) => minutes(m).map(Some),
    }
}

/// A task of the school's edition.
fn task_code(loaded: &Loaded, code: &str) -> Option<Code> {
    loaded
        .tasks
        .iter()
        .find(|t| t.code.as_str() == code)
        .map(|t| t.code.clone())
}

/// The agreement a change names, or the problems with it (`at` names the field).
fn agreement(
    loaded: &Loaded,
    a: &AgreementIn,
    at: &str,
    lang: Lang,
    problems: &mut Vec<(String, String)>,
) -> Option<Assignment> {
    let t = Tr(lang);
    let code = task_code(loaded, &a.task);
    if code.is_none() {
        problems.push((format!("{at}.task"), t.get("api-bad-task")));
    }
    let party = parse_party(&format!("{}:{}", a.party.kind, a.party.id));
    if party.is_none() {
        problems.push((format!("{at}.party"), t.get("api-bad-party")));
    }
    let part = Part::from_key(&a.part);
    if part.is_none() {
        problems.push((format!("{at}.part"), t.get("api-bad-part")));
    }
    Some(Assignment {
        code: code?,
        party: party?,
        part: part?,
    })
}

/// What a refused change comes to: 422 naming why, or 403 when the caller may not change
/// the allocation (any more).
fn refusal(failure: AllocationFailure, lang: Lang) -> Result<Response, AppError> {
    match failure {
        AllocationFailure::RefusedTasks(why) => Ok(problems_error(
            lang,
            why.into_iter()
                .map(|(code, e)| (format!("add.{code}"), e.message(lang).to_owned()))
                .collect(),
        )),
        AllocationFailure::Refused(e) => Ok(error(
            StatusCode::UNPROCESSABLE_ENTITY,
            e.message(lang).to_owned(),
        )),
        AllocationFailure::NotAllowed => Ok(error(
            StatusCode::FORBIDDEN,
            Tr(lang).get("fw-refused-not-allowed"),
        )),
        AllocationFailure::Store(e) => Err(e.into()),
    }
}

/// `PATCH /api/v1/schools/{school}/allocation?year=`: changes *wie doet wat* as its pages
/// do (coordinators), all or nothing; 422 names every change that cannot be made.
pub async fn change(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Coordinator,
        Resource::Allocation,
        Access::Write
    );
    let year = year_of(query, lang)?;
    let asked: AllocationChangesIn = json_body(&headers, &body, lang)?;
    let count = asked.tasks.len() + asked.remove.len() + asked.add.len();
    if let Some(answer) = too_many_changes(count, lang) {
        return Ok(answer);
    }
    let loaded = load(&app, caller.working.school(), year).await?;
    let t = Tr(lang);
    let mut problems = Vec::new();
    let mut changes = AllocationChanges::default();
    if let Some(rules) = &asked.rules {
        if (1..=1000).contains(&rules.many_responsibilities) {
            changes.settings = Some(AllocationSettings {
                rules: Rules {
                    one_responsible: rules.one_responsible,
                    many_responsibilities: rules.many_responsibilities,
                },
                ..loaded.settings
            });
        } else {
            problems.push((
                "rules.many_responsibilities".to_owned(),
                t.get("tasks-rules-many-error"),
            ));
        }
    }
    for (i, task) in asked.tasks.iter().enumerate() {
        let at = format!("tasks[{i}]");
        let code = task_code(&loaded, &task.task);
        if code.is_none() {
            problems.push((format!("{at}.task"), t.get("api-bad-task")));
        }
        let category = Category::from_key(&task.category);
        if category.is_none() {
            problems.push((format!("{at}.category"), t.get("api-bad-category")));
        }
        let hours = optional_minutes(task.minutes);
        if hours.is_none() {
            problems.push((format!("{at}.minutes"), t.get("api-bad-minutes")));
        }
        if let (Some(code), Some(category), Some(hours)) = (code, category, hours) {
            changes.tasks.push((code, category, hours));
        }
    }
    for (i, a) in asked.remove.iter().enumerate() {
        if let Some(a) = agreement(&loaded, a, &format!("remove[{i}]"), lang, &mut problems) {
            changes.remove.push(a);
        }
    }
    for (i, a) in asked.add.iter().enumerate() {
        if let Some(a) = agreement(&loaded, a, &format!("add[{i}]"), lang, &mut problems) {
            changes.add.push(a);
        }
    }
    if !problems.is_empty() {
        return Ok(problems_error(lang, problems));
    }
    let changed = app
        .store
        .change_allocation(
            caller.working.school().id,
            caller.working.user().id,
            year,
            &changes,
            &loaded.tasks,
            loaded.settings.rules,
        )
        .await;
    match changed {
        Ok(changed) => Ok(Json(AllocationChangedOut {
            added: changed.batch.add.len(),
            already: changed.batch.already.len(),
            removed: changed.removed,
            tasks: changes.tasks.len(),
        })
        .into_response()),
        Err(failure) => refusal(failure, lang),
    }
}

/// The settings a change asks for, checked as the hours page checks them.
fn settings_in(
    asked: &HoursSettings,
    rules: Rules,
    lang: Lang,
    problems: &mut Vec<(String, String)>,
) -> Option<AllocationSettings> {
    let mut problem = |field: &str, message: String| {
        problems.push((format!("settings.{field}"), message));
    };
    let own = (
        minutes(asked.own_base_minutes),
        minutes(asked.own_per_decaan_minutes),
        minutes(asked.own_per_student_minutes),
    );
    for (field, m) in [
        ("own_base_minutes", own.0),
        ("own_per_decaan_minutes", own.1),
        ("own_per_student_minutes", own.2),
    ] {
        if m.is_none() {
            problem(field, Tr(lang).get("api-bad-minutes"));
        }
    }
    let nvs = Formula::Nvs {
        minutes_per_student: asked.nvs_minutes_per_student,
    };
    if let Err(e) = checked(nvs) {
        problem("nvs_minutes_per_student", e.message(lang).to_owned());
    }
    let counts = Counts {
        decanen: asked.decanen.unwrap_or(0),
        students: asked.students.unwrap_or(0),
    };
    match checked_counts(counts) {
        Err(HoursError::Decanen) => problem("decanen", HoursError::Decanen.message(lang).into()),
        Err(e) => problem("students", e.message(lang).to_owned()),
        Ok(_) => {}
    }
    let (Some(base), Some(per_decaan), Some(per_student)) = own else {
        return None;
    };
    let formula = match asked.formula.as_str() {
        "vvsl" => Formula::Vvsl,
        "nvs" => nvs,
        "eigen" => Formula::Own {
            base,
            per_decaan,
            per_student,
        },
        _ => {
            problem("formula", Tr(lang).get("api-bad-formula"));
            return None;
        }
    };
    Some(AllocationSettings {
        formula,
        nvs_minutes: asked.nvs_minutes_per_student,
        own: (base, per_decaan, per_student),
        decanen: asked.decanen,
        students: asked.students,
        rules,
    })
}

/// `PATCH /api/v1/schools/{school}/hours?year=`: changes the formula and people's hours as
/// the hours page does (coordinators), all or nothing; 422 names every change that cannot
/// be made.
pub async fn change_hours(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Coordinator,
        Resource::Hours,
        Access::Write
    );
    let year = year_of(query, lang)?;
    let asked: HoursChangesIn = json_body(&headers, &body, lang)?;
    if let Some(answer) = too_many_changes(asked.people.len(), lang) {
        return Ok(answer);
    }
    let school = caller.working.school().id;
    let mut problems = Vec::new();
    let mut changes = AllocationChanges::default();
    if let Some(asked) = &asked.settings {
        let rules = app.store.allocation_settings(school).await?.rules;
        changes.settings = settings_in(asked, rules, lang, &mut problems);
    }
    for (i, p) in asked.people.iter().enumerate() {
        match optional_minutes(p.minutes) {
            Some(hours) => changes.hours.push((UserId(p.person), hours)),
            None => problems.push((
                format!("people[{i}].minutes"),
                Tr(lang).get("api-bad-minutes"),
            )),
        }
    }
    if !problems.is_empty() {
        return Ok(problems_error(lang, problems));
    }
    let changed = app
        .store
        .change_allocation(
            school,
            caller.working.user().id,
            year,
            &changes,
            &[],
            Rules::default(),
        )
        .await;
    match changed {
        Ok(_) => Ok(Json(HoursChangedOut {
            settings: changes.settings.is_some(),
            people: changes.hours.len(),
        })
        .into_response()),
        Err(failure) => refusal(failure, lang),
    }
}
