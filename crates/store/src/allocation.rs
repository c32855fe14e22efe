//! The team's task allocation (*wie doet wat*), the school's LOB-hours formula and each
//! person's hours, and the choice to let a round's task answers feed the allocation. Every
//! query takes the school; changes are for coordinators and administrators, reading for every
//! member, and a scan's answers reach the allocation only through its owner's choice.

use std::collections::HashMap;
use std::sync::Arc;

use domain::account::{Permission, UserId};
use domain::allocation::{
    AllocationError, Assignment, Batch, Category, Outside, Part, Party, Rules, SchoolYear,
    Suggestion, Task,
};
use domain::hours::{Formula, Minutes};
use domain::members::{AuditAction, agreement_detail};
use domain::school::SchoolId;
use domain::{Code, Role};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::opted_in::{OptIn, ScanChoices};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_SETTINGS: &str = "SELECT formula, nvs_minutes, own_base, own_per_decaan, own_per_student, \
     decanen, students, one_responsible, many_responsibilities FROM allocation_settings WHERE school_id = $1";
const UPSERT_SETTINGS: &str = "INSERT INTO allocation_settings (school_id, formula, nvs_minutes, own_base, \
     own_per_decaan, own_per_student, decanen, students, one_responsible, many_responsibilities, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (school_id) DO UPDATE SET \
     formula = excluded.formula, nvs_minutes = excluded.nvs_minutes, own_base = excluded.own_base, \
     own_per_decaan = excluded.own_per_decaan, own_per_student = excluded.own_per_student, \
     decanen = excluded.decanen, students = excluded.students, one_responsible = excluded.one_responsible, \
     many_responsibilities = excluded.many_responsibilities, updated_at = excluded.updated_at";
const SELECT_TASKS: &str = "SELECT code, category, minutes FROM allocation_tasks WHERE school_id = $1 AND school_year = $2";
const UPSERT_TASK: &str = "INSERT INTO allocation_tasks (school_id, school_year, code, category, minutes) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (school_id, school_year, code) DO UPDATE SET \
     category = excluded.category, minutes = excluded.minutes";
pub(crate) const SELECT_ASSIGNMENTS: &str = "SELECT code, party_kind, party, part FROM allocations \
     WHERE school_id = $1 AND school_year = $2 ORDER BY created_at, code";
pub(crate) const INSERT_ASSIGNMENT: &str = "INSERT INTO allocations (school_id, school_year, code, party_kind, party, \
     user_id, part, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING";
const DELETE_ASSIGNMENT: &str = "DELETE FROM allocations WHERE school_id = $1 AND school_year = $2 \
     AND code = $3 AND party_kind = $4 AND party = $5 AND part = $6";
pub(crate) const SELECT_ACTIVE_MEMBERS: &str =
    "SELECT user_id FROM memberships WHERE school_id = $1 AND active = 1";
/// The agreements naming the person, in every school year of the school.
const SELECT_PERSON_ASSIGNMENTS: &str = "SELECT school_year, code, part, created_at FROM allocations \
     WHERE school_id = $1 AND user_id = $2 ORDER BY school_year, code";
/// The person's available hours, in every school year of the school.
const SELECT_PERSON_HOURS: &str = "SELECT school_year, minutes FROM person_hours \
     WHERE school_id = $1 AND user_id = $2 ORDER BY school_year";
const SELECT_HOURS: &str =
    "SELECT user_id, minutes FROM person_hours WHERE school_id = $1 AND school_year = $2";
const UPSERT_HOURS: &str = "INSERT INTO person_hours (school_id, school_year, user_id, minutes) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (school_id, school_year, user_id) DO UPDATE SET minutes = excluded.minutes";
const DELETE_HOURS: &str =
    "DELETE FROM person_hours WHERE school_id = $1 AND school_year = $2 AND user_id = $3";
const SELECT_PARTIES: &str = "SELECT name FROM own_parties WHERE school_id = $1 ORDER BY name";
pub(crate) const INSERT_PARTY: &str =
    "INSERT INTO own_parties (school_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING";

/// A round's suggestions with the opted-in answers they were made of.
type MadeOf = (Arc<Vec<Arc<ScanChoices>>>, Arc<Vec<Suggestion>>);

/// Each round's suggestions, kept while the answers they were made of are the same (by
/// pointer).
#[derive(Debug, Default)]
pub(crate) struct SuggestionCache(std::sync::Mutex<HashMap<(SchoolId, Uuid), MadeOf>>);

impl SuggestionCache {
    /// The cache, also after a panic elsewhere left its lock poisoned.
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(SchoolId, Uuid), MadeOf>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The school's choices for hours and for the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AllocationSettings {
    pub formula: Formula,
    /// The minutes per student the NVS formula uses when chosen (kept when another is).
    pub nvs_minutes: u32,
    /// The school's own formula's parameters (kept when another is chosen).
    pub own: (Minutes, Minutes, Minutes),
    /// Set by the school; `None`: counted from its data.
    pub decanen: Option<u32>,
    pub students: Option<u32>,
    pub rules: Rules,
}

impl Default for AllocationSettings {
    fn default() -> Self {
        AllocationSettings {
            formula: Formula::Vvsl,
            nvs_minutes: 60,
            own: (Minutes::hours(200), Minutes::hours(80), Minutes(90)),
            decanen: None,
            students: None,
            rules: Rules::default(),
        }
    }
}

type SettingsRow = (
    String,
    i64,
    i64,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
    i64,
    i64,
);

/// A school year's allocation as stored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AllocationData {
    /// Category and hours set per task (others have their role's category, no hours).
    pub tasks: HashMap<Code, (Category, Option<Minutes>)>,
    pub assignments: Vec<Assignment>,
    pub hours: HashMap<UserId, Minutes>,
    pub own_parties: Vec<String>,
}

/// What *wie doet wat* holds about one person in one school.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonAllocation {
    /// `(school year, task code, part key, made at)`.
    pub agreements: Vec<(String, String, String, i64)>,
    /// `(school year, minutes)`.
    pub hours: Vec<(String, i64)>,
}

/// Why a change to the allocation was refused.
#[derive(Debug, thiserror::Error)]
pub enum AllocationFailure {
    #[error("only coordinators and administrators change the allocation")]
    NotAllowed,
    #[error("{0}")]
    Refused(AllocationError),
    /// Agreements for several tasks refused: each task and why (nothing was stored).
    #[error("refused for {} tasks", .0.len())]
    RefusedTasks(Vec<(Code, AllocationError)>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for AllocationFailure {
    fn from(e: sqlx::Error) -> Self {
        AllocationFailure::Store(StoreError::Database(e))
    }
}

/// Changes to the allocation, stored together or not at all ([`Store::change_allocation`]).
#[derive(Debug, Default)]
pub struct AllocationChanges {
    /// The school's choices for hours and for the conversation, replaced whole.
    pub settings: Option<AllocationSettings>,
    /// Tasks' category and hours in the school year.
    pub tasks: Vec<(Code, Category, Option<Minutes>)>,
    /// Agreements to end.
    pub remove: Vec<Assignment>,
    /// Agreements to make.
    pub add: Vec<Assignment>,
    /// People's hours for LOB in the school year; `None` clears them.
    pub hours: Vec<(UserId, Option<Minutes>)>,
}

/// What [`Store::change_allocation`] did.
#[derive(Debug, Default)]
pub struct AllocationChanged {
    /// The agreements made, and the tasks that had the agreement already.
    pub batch: Batch,
    /// How many of the agreements to end there were.
    pub removed: usize,
}

pub(crate) fn party_columns(party: &Party) -> (&'static str, String, Option<Uuid>) {
    match party {
        Party::Person(user) => ("person", user.0.to_string(), Some(user.0)),
        Party::Role(role) => ("role", role.code().to_owned(), None),
        Party::Outside(outside) => ("outside", outside.key().to_owned(), None),
        Party::Own(name) => ("own", name.clone(), None),
    }
}

/// A party from the columns [`party_columns`] wrote, `None` when they name none.
pub(crate) fn party_of(kind: &str, party: &str) -> Option<Party> {
    match kind {
        "person" => Uuid::parse_str(party)
            .ok()
            .map(|u| Party::Person(UserId(u))),
        "role" => Role::from_code(party).map(Party::Role),
        "outside" => Outside::from_key(party).map(Party::Outside),
        "own" => Some(Party::Own(party.to_owned())),
        _ => None,
    }
}

pub(crate) fn assignment_of(
    (code, kind, party, part): (String, String, String, String),
) -> Result<Assignment, StoreError> {
    let bad = || StoreError::CorruptRow(format!("allocation {code} {kind} {party} {part}"));
    let party = party_of(&kind, &party).ok_or_else(bad)?;
    Ok(Assignment {
        code: Code::parse(&code).ok_or_else(bad)?,
        party,
        part: Part::from_key(&part).ok_or_else(bad)?,
    })
}

/// Refuses unless the person is an active coordinator or administrator of the school.
macro_rules! coordinator {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(AllocationFailure::NotAllowed),
        }
    };
}

/// Replaces the school's settings inside the transaction `$tx`, logged.
macro_rules! settings_in_tx {
    ($tx:expr, $school:expr, $actor:expr, $settings:expr) => {{
        let settings: &AllocationSettings = $settings;
        sqlx::query(UPSERT_SETTINGS)
            .bind($school.0)
            .bind(settings.formula.key())
            .bind(i64::from(settings.nvs_minutes))
            .bind(settings.own.0.0)
            .bind(settings.own.1.0)
            .bind(settings.own.2.0)
            .bind(settings.decanen.map(i64::from))
            .bind(settings.students.map(i64::from))
            .bind(i64::from(settings.rules.one_responsible))
            .bind(i64::try_from(settings.rules.many_responsibilities).unwrap_or(i64::MAX))
            .bind(now_millis())
            .execute(&mut *$tx)
            .await?;
        audit!(
            $tx,
            $school.0,
            Some($actor.0),
            AuditAction::AllocationSettingsChanged,
            None::<Uuid>,
            None::<String>,
            None::<String>
        );
    }};
}

/// Adds agreements for a school year inside the transaction `$tx`, checked one after the
/// other against the ones there are and the active members ([`check_batch`]); each is logged.
/// Evaluates to the batch; returns `Err($refused(refused))` when any is refused (then nothing
/// was written). Agreements there already are left as they are.
macro_rules! agree_in_tx {
    ($tx:expr, $school:expr, $actor:expr, $year:expr, $new:expr, $tasks:expr, $rules:expr, $refused:expr) => {{
        let y = $year.to_string();
        let existing: Vec<(String, String, String, String)> =
            sqlx::query_as($crate::allocation::SELECT_ASSIGNMENTS)
                .bind($school.0)
                .bind(&y)
                .fetch_all(&mut *$tx)
                .await?;
        let existing: Vec<domain::allocation::Assignment> = existing
            .into_iter()
            .map($crate::allocation::assignment_of)
            .collect::<Result<_, _>>()?;
        let members: Vec<(uuid::Uuid,)> = sqlx::query_as($crate::allocation::SELECT_ACTIVE_MEMBERS)
            .bind($school.0)
            .fetch_all(&mut *$tx)
            .await?;
        let members: Vec<domain::account::UserId> = members
            .into_iter()
            .map(|(u,)| domain::account::UserId(u))
            .collect();
        let batch = domain::allocation::check_batch($new, &existing, $tasks, &members, $rules);
        if !batch.refused.is_empty() {
            return Err($refused(batch.refused));
        }
        let at = $crate::now_millis();
        for assignment in &batch.add {
            let (kind, party, user) = $crate::allocation::party_columns(&assignment.party);
            if let domain::allocation::Party::Own(name) = &assignment.party {
                sqlx::query($crate::allocation::INSERT_PARTY)
                    .bind($school.0)
                    .bind(name)
                    .execute(&mut *$tx)
                    .await?;
            }
            sqlx::query($crate::allocation::INSERT_ASSIGNMENT)
                .bind($school.0)
                .bind(&y)
                .bind(assignment.code.as_str())
                .bind(kind)
                .bind(&party)
                .bind(user)
                .bind(assignment.part.key())
                .bind(at)
                .execute(&mut *$tx)
                .await?;
            let detail = domain::members::agreement_detail(
                assignment.code.as_str(),
                assignment.part.key(),
                kind,
                &party,
            );
            audit!(
                $tx,
                $school.0,
                Some($actor.0),
                domain::members::AuditAction::AgreementMade,
                user,
                None::<String>,
                Some(detail)
            );
        }
        batch
    }};
}
pub(crate) use agree_in_tx;

impl Store {
    pub async fn allocation_settings(
        &self,
        school: SchoolId,
    ) -> Result<AllocationSettings, StoreError> {
        let row: Option<SettingsRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_SETTINGS).bind(school.0).fetch_optional(pool).await?);
        let Some((formula, nvs, base, per_decaan, per_student, decanen, students, one, many)) = row
        else {
            return Ok(AllocationSettings::default());
        };
        let bad = || StoreError::CorruptRow(format!("allocation settings of {}", school.0));
        let nvs_minutes = u32::try_from(nvs).map_err(|_| bad())?;
        let own = (Minutes(base), Minutes(per_decaan), Minutes(per_student));
        Ok(AllocationSettings {
            formula: match formula.as_str() {
                "vvsl" => Formula::Vvsl,
                "nvs" => Formula::Nvs {
                    minutes_per_student: nvs_minutes,
                },
                "eigen" => Formula::Own {
                    base: own.0,
                    per_decaan: own.1,
                    per_student: own.2,
                },
                _ => return Err(bad()),
            },
            nvs_minutes,
            own,
            decanen: decanen.map(u32::try_from).transpose().map_err(|_| bad())?,
            students: students.map(u32::try_from).transpose().map_err(|_| bad())?,
            rules: Rules {
                one_responsible: one == 1,
                many_responsibilities: usize::try_from(many).map_err(|_| bad())?,
            },
        })
    }

    /// A school year's allocation.
    pub async fn allocation(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<AllocationData, StoreError> {
        let y = year.to_string();
        let (tasks, assignments, hours, parties) = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let tasks: Vec<(String, String, Option<i64>)> = sqlx::query_as(SELECT_TASKS).bind(school.0).bind(&y).fetch_all(&mut *tx).await?;
            let assignments: Vec<(String, String, String, String)> = sqlx::query_as(SELECT_ASSIGNMENTS).bind(school.0).bind(&y).fetch_all(&mut *tx).await?;
            let hours: Vec<(Uuid, i64)> = sqlx::query_as(SELECT_HOURS).bind(school.0).bind(&y).fetch_all(&mut *tx).await?;
            let parties: Vec<(String,)> = sqlx::query_as(SELECT_PARTIES).bind(school.0).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            (tasks, assignments, hours, parties)
        });
        let mut data = AllocationData::default();
        for (code, category, minutes) in tasks {
            let bad = || StoreError::CorruptRow(format!("allocation task {code}"));
            data.tasks.insert(
                Code::parse(&code).ok_or_else(bad)?,
                (
                    Category::from_key(&category).ok_or_else(bad)?,
                    minutes.map(Minutes),
                ),
            );
        }
        data.assignments = assignments
            .into_iter()
            .map(assignment_of)
            .collect::<Result<_, _>>()?;
        data.hours = hours
            .into_iter()
            .map(|(user, minutes)| (UserId(user), Minutes(minutes)))
            .collect();
        data.own_parties = parties.into_iter().map(|(name,)| name).collect();
        Ok(data)
    }

    /// What *wie doet wat* holds about one person in a school, for their own data download:
    /// the agreements that name them (`school year, task code, part key, made at`) and their
    /// available hours per school year.
    pub async fn allocation_of_person(
        &self,
        school: SchoolId,
        user: UserId,
    ) -> Result<PersonAllocation, StoreError> {
        let (agreements, hours) = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let agreements: Vec<(String, String, String, i64)> = sqlx::query_as(SELECT_PERSON_ASSIGNMENTS)
                .bind(school.0).bind(user.0).fetch_all(&mut *tx).await?;
            let hours: Vec<(String, i64)> = sqlx::query_as(SELECT_PERSON_HOURS)
                .bind(school.0).bind(user.0).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            (agreements, hours)
        });
        Ok(PersonAllocation { agreements, hours })
    }

    /// Adds an agreement, checked by the domain's rules against the task's other agreements
    /// and the school's active members, in one transaction.
    pub async fn add_assignment(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        assignment: &Assignment,
        tasks: &[Task],
        rules: Rules,
    ) -> Result<(), AllocationFailure> {
        let batch = self
            .add_assignments(
                school,
                actor,
                year,
                std::slice::from_ref(assignment),
                tasks,
                rules,
            )
            .await;
        match batch {
            Ok(batch) if !batch.already.is_empty() => {
                Err(AllocationFailure::Refused(AllocationError::Duplicate))
            }
            Ok(_) => Ok(()),
            Err(AllocationFailure::RefusedTasks(mut refused)) if refused.len() == 1 => {
                Err(AllocationFailure::Refused(refused.remove(0).1))
            }
            Err(e) => Err(e),
        }
    }

    /// Adds several agreements in one transaction, all or none: checked one after the other
    /// by the domain's rules ([`check_batch`]); agreements that are there already are left
    /// as they are. Refused when any one is refused, naming each task and why.
    pub async fn add_assignments(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        new: &[Assignment],
        tasks: &[Task],
        rules: Rules,
    ) -> Result<Batch, AllocationFailure> {
        let changes = AllocationChanges {
            add: new.to_vec(),
            ..AllocationChanges::default()
        };
        let changed = self
            .change_allocation(school, actor, year, &changes, tasks, rules)
            .await?;
        Ok(changed.batch)
    }

    /// Removes an agreement; `Ok(false)` when there was no such agreement.
    pub async fn remove_assignment(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        assignment: &Assignment,
    ) -> Result<bool, AllocationFailure> {
        let changes = AllocationChanges {
            remove: vec![assignment.clone()],
            ..AllocationChanges::default()
        };
        let changed = self
            .change_allocation(school, actor, year, &changes, &[], Rules::default())
            .await?;
        Ok(changed.removed > 0)
    }

    /// Sets a task's category and the hours it takes in a school year.
    pub async fn set_allocation_task(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        code: &Code,
        category: Category,
        hours: Option<Minutes>,
    ) -> Result<(), AllocationFailure> {
        let changes = AllocationChanges {
            tasks: vec![(code.clone(), category, hours)],
            ..AllocationChanges::default()
        };
        self.change_allocation(school, actor, year, &changes, &[], Rules::default())
            .await
            .map(|_| ())
    }

    /// Sets (or, with `None`, clears) the hours a member has for LOB in a school year.
    pub async fn set_person_hours(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        person: UserId,
        hours: Option<Minutes>,
    ) -> Result<(), AllocationFailure> {
        self.set_people_hours(school, actor, year, &[(person, hours)])
            .await
    }

    /// Sets (or, with `None`, clears) the hours of several members in one transaction, all
    /// or none: refused when one of them is not an active member of the school.
    pub async fn set_people_hours(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        people: &[(UserId, Option<Minutes>)],
    ) -> Result<(), AllocationFailure> {
        let changes = AllocationChanges {
            hours: people.to_vec(),
            ..AllocationChanges::default()
        };
        self.change_allocation(school, actor, year, &changes, &[], Rules::default())
            .await
            .map(|_| ())
    }

    /// Replaces the school's choices for hours and for the conversation.
    pub async fn set_allocation_settings(
        &self,
        school: SchoolId,
        actor: UserId,
        settings: &AllocationSettings,
    ) -> Result<(), AllocationFailure> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            settings_in_tx!(tx, school, actor, settings);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every change to the allocation goes through here, in one transaction, all or none,
    /// for a coordinator or administrator: first the school's settings, then tasks' category
    /// and hours, then the agreements to end, then the new agreements (checked by the
    /// domain's rules against those left and the active members, under the new settings'
    /// rules when there are any, else `rules`; refused naming each task), and last people's
    /// hours (refused when one is not an active member). Each change is in the audit log.
    pub async fn change_allocation(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        changes: &AllocationChanges,
        tasks: &[Task],
        rules: Rules,
    ) -> Result<AllocationChanged, AllocationFailure> {
        let y = year.to_string();
        let rules = changes.settings.map_or(rules, |s| s.rules);
        let changed = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            if let Some(settings) = &changes.settings {
                settings_in_tx!(tx, school, actor, settings);
            }
            for (code, category, hours) in &changes.tasks {
                sqlx::query(UPSERT_TASK).bind(school.0).bind(&y).bind(code.as_str()).bind(category.key()).bind(hours.map(|h| h.0))
                    .execute(&mut *tx).await?;
                audit!(tx, school.0, Some(actor.0), AuditAction::TaskChanged, None::<Uuid>, None::<String>, Some(code.as_str()));
            }
            let mut removed = 0;
            for assignment in &changes.remove {
                let (kind, party, user) = party_columns(&assignment.party);
                let result = sqlx::query(DELETE_ASSIGNMENT)
                    .bind(school.0).bind(&y).bind(assignment.code.as_str()).bind(kind).bind(&party).bind(assignment.part.key())
                    .execute(&mut *tx).await?;
                if result.rows_affected() > 0 {
                    removed += 1;
                    let detail = agreement_detail(assignment.code.as_str(), assignment.part.key(), kind, &party);
                    audit!(tx, school.0, Some(actor.0), AuditAction::AgreementRemoved, user, None::<String>, Some(detail));
                }
            }
            let batch = if changes.add.is_empty() {
                Batch::default()
            } else {
                agree_in_tx!(tx, school, actor, year, &changes.add, tasks, rules, AllocationFailure::RefusedTasks)
            };
            for (person, hours) in &changes.hours {
                if active_permission!(tx, school.0, person.0).is_none() {
                    return Err(AllocationFailure::Refused(AllocationError::NotAMember));
                }
                match hours {
                    Some(minutes) => {
                        sqlx::query(UPSERT_HOURS).bind(school.0).bind(&y).bind(person.0).bind(minutes.0).execute(&mut *tx).await?;
                    }
                    None => {
                        sqlx::query(DELETE_HOURS).bind(school.0).bind(&y).bind(person.0).execute(&mut *tx).await?;
                    }
                }
                audit!(tx, school.0, Some(actor.0), AuditAction::HoursChanged, Some(person.0), None::<String>, Some(y.as_str()));
            }
            tx.commit().await?;
            AllocationChanged { batch, removed }
        });
        Ok(changed)
    }

    /// The person's own choice to let their scan in a round feed the allocation, or stop;
    /// `Ok(false)` when they have no scan in that round of the school.
    pub async fn set_scan_feed(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
        on: bool,
    ) -> Result<bool, StoreError> {
        self.set_opt_in(OptIn::Feed, school, round, user, on).await
    }

    /// Whether the person lets their scan in the round feed the allocation.
    pub async fn scan_feeds(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
    ) -> Result<bool, StoreError> {
        self.opts_in(OptIn::Feed, school, round, user).await
    }

    /// The task answers of a round that their owners let feed the allocation (see
    /// [`Store::opted_in`]: only scans saved since, or whose feed or owner's membership came
    /// back, are read again).
    pub async fn suggestions(
        &self,
        school: SchoolId,
        round: Uuid,
    ) -> Result<Arc<Vec<Suggestion>>, StoreError> {
        let all = self.opted_in(OptIn::Feed, school, round).await?;
        if let Some((made_of, kept)) = self.suggestions.lock().get(&(school, round))
            && Arc::ptr_eq(made_of, &all)
        {
            return Ok(kept.clone());
        }
        let Some(edition) = self.round_edition(school, round).await? else {
            return Ok(Arc::default());
        };
        let edition = self
            .edition(edition)
            .await?
            .ok_or_else(|| StoreError::CorruptRow(format!("round {round} without its edition")))?;
        let tasks: std::collections::HashSet<&str> = edition
            .statements()
            .iter()
            .filter(|s| s.kind == domain::Kind::Task)
            .map(|s| s.code.as_str())
            .collect();
        let suggestions: Arc<Vec<Suggestion>> = Arc::new(
            all.iter()
                .flat_map(|scan| {
                    scan.choices
                        .iter()
                        .filter(|(code, _)| tasks.contains(code.as_str()))
                        .map(|(code, choice)| Suggestion {
                            person: scan.person,
                            code: code.clone(),
                            choice: *choice,
                        })
                })
                .collect(),
        );
        let mut cache = self.suggestions.lock();
        if cache.len() >= 256 {
            cache.clear();
        }
        cache.insert((school, round), (all, suggestions.clone()));
        Ok(suggestions)
    }
}
