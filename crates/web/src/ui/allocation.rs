//! What the pages that read or change the allocation share (*wie doet wat*, and the team
//! meeting whose agreements feed it), loaded once per request: the school's edition with its
//! tasks, the agreements, settings and suggestions of a school year, and the active members'
//! names and roles; and how a party is named.

use std::collections::HashMap;

use domain::account::UserId;
use domain::allocation::{Category, Party, SchoolYear, Suggestion, Task};
use domain::hours::{Counts, Minutes, calculate};
use domain::school::{School, SchoolId};
use domain::{Edition, Kind, Lang, Role};
use store::{AllocationData, AllocationSettings};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::frameworks::school_framework;

/// Everything the allocation's pages need, loaded once.
pub(crate) struct Loaded {
    pub edition: Edition,
    pub tasks: Vec<Task>,
    pub data: AllocationData,
    pub settings: AllocationSettings,
    pub suggestions: std::sync::Arc<Vec<Suggestion>>,
    /// Active members' names.
    pub names: HashMap<UserId, String>,
    /// The framework roles active members hold.
    pub roles: HashMap<UserId, Vec<Role>>,
}

pub(crate) async fn load(
    app: &AppState,
    school: &School,
    year: SchoolYear,
) -> Result<Loaded, AppError> {
    let school = school.id;
    let edition = school_framework(app, school).await?.current;
    let data = app.store.allocation(school, year).await?;
    let settings = app.store.allocation_settings(school).await?;
    let tasks = edition
        .statements()
        .iter()
        .filter(|s| s.kind == Kind::Task)
        .map(|s| {
            let (category, hours) = data
                .tasks
                .get(&s.code)
                .copied()
                .unwrap_or((Category::default_for(s.role), None));
            Task {
                code: s.code.clone(),
                role: s.role,
                category,
                hours,
            }
        })
        .collect();
    // Suggestions from the school's most recent round.
    let suggestions = match app.store.rounds(school).await?.first() {
        Some(round) => app.store.suggestions(school, round.id).await?,
        None => std::sync::Arc::default(),
    };
    let members: Vec<_> = app
        .store
        .members(school)
        .await?
        .into_iter()
        .filter(|(_, m)| m.active)
        .collect();
    let names = names_of(&members);
    let roles = members
        .iter()
        .map(|(u, m)| (u.id, m.roles.as_slice().to_vec()))
        .collect();
    Ok(Loaded {
        edition,
        tasks,
        data,
        settings,
        suggestions,
        names,
        roles,
    })
}

/// Active members' names, by id.
fn names_of(
    members: &[(domain::account::User, domain::account::Membership)],
) -> HashMap<UserId, String> {
    members
        .iter()
        .filter(|(_, m)| m.active)
        .map(|(u, _)| (u.id, u.name.to_string()))
        .collect()
}

/// The names of a school's active members, to name parties by.
pub(crate) async fn member_names(
    app: &AppState,
    school: SchoolId,
) -> Result<HashMap<UserId, String>, AppError> {
    Ok(names_of(&app.store.members(school).await?))
}

/// The party an agreement made responsible for a task, in words; `None` is a person whose
/// account has gone.
pub(crate) fn responsible_name(
    party: Option<&Party>,
    names: &HashMap<UserId, String>,
    lang: Lang,
    edition: &Edition,
) -> String {
    match party {
        Some(p) => party_name(p, names, lang, edition),
        None => Tr(lang).get("tasks-former-member"),
    }
}

/// A party's name in a language.
pub(crate) fn party_name(
    party: &Party,
    names: &HashMap<UserId, String>,
    lang: Lang,
    edition: &Edition,
) -> String {
    match party {
        Party::Person(p) => names
            .get(p)
            .cloned()
            .unwrap_or_else(|| Tr(lang).get("tasks-former-member")),
        Party::Role(role) => edition.role(*role).name.get(lang).to_owned(),
        Party::Outside(o) => o.name(lang).to_owned(),
        Party::Own(name) => name.clone(),
    }
}

/// What the hours formulas count (the used counts, then the counted ones): from the school's
/// data unless the school set them.
pub(crate) async fn counts(
    app: &AppState,
    school: &School,
    settings: &AllocationSettings,
) -> Result<(Counts, Counts), AppError> {
    let members = app.store.members(school.id).await?;
    let decanen = members
        .iter()
        .filter(|(_, m)| m.active && m.roles.contains(Role::Specialist))
        .count();
    let counted = Counts {
        decanen: u32::try_from(decanen).unwrap_or(u32::MAX),
        students: school.students.get(),
    };
    let used = Counts {
        decanen: settings.decanen.unwrap_or(counted.decanen),
        students: settings.students.unwrap_or(counted.students),
    };
    Ok((used, counted))
}

/// The LOB hours of a school year: what the school's formula gives (`None` when its
/// parameters cannot be calculated) and the hours given to people in total.
pub(crate) async fn hours_totals(
    app: &AppState,
    school: &School,
    loaded: &Loaded,
    lang: Lang,
) -> Result<(Option<Minutes>, Minutes), AppError> {
    let (used, _) = counts(app, school, &loaded.settings).await?;
    let formula = calculate(loaded.settings.formula, used, lang)
        .ok()
        .map(|c| c.total);
    Ok((
        formula,
        Minutes(loaded.data.hours.values().map(|m| m.0).sum()),
    ))
}
