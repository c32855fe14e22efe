//! Team meetings: their agenda and agreements, in a school. Coordinators (and
//! administrators) prepare them and record agreements; every member reads them. An
//! agreement that gives a task a responsible party adds it to the school year's allocation in
//! the same transaction, under the allocation's own rules.

use domain::Code;
use domain::account::{Permission, UserId};
use domain::allocation::{AllocationError, Assignment, Party, Rules, SchoolYear, Task};
use domain::framework::Date;
use domain::meeting::{Source, Topic};
use domain::plan::Line;
use domain::school::SchoolId;
use uuid::Uuid;

use crate::allocation::{agree_in_tx, party_columns, party_of};
use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::plans::{date_text, parse_date};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_MEETINGS: &str = "SELECT m.id, m.planned_on, m.created_at, \
     (SELECT COUNT(*) FROM meeting_topics t WHERE t.meeting_id = m.id), \
     (SELECT COUNT(*) FROM meeting_agreements a WHERE a.meeting_id = m.id) \
     FROM meetings m WHERE m.school_id = $1 ORDER BY m.created_at DESC";
const SELECT_MEETING: &str = "SELECT round_id, planned_on, created_at, revision FROM meetings \
     WHERE id = $1 AND school_id = $2";
const SELECT_TOPICS: &str = "SELECT source, title, task_code, minutes FROM meeting_topics \
     WHERE meeting_id = $1 ORDER BY position";
const SELECT_AGREEMENTS: &str = "SELECT a.id, a.text, a.task_code, a.party_kind, a.party, a.party_user, \
     u.name, a.created_at \
     FROM meeting_agreements a LEFT JOIN users u ON u.id = a.author_id \
     WHERE a.meeting_id = $1 ORDER BY a.created_at, a.id";
const INSERT_MEETING: &str = "INSERT INTO meetings (id, school_id, round_id, planned_on, created_by, \
     created_at, revision) VALUES ($1, $2, $3, $4, $5, $6, 0)";
const INSERT_TOPIC: &str = "INSERT INTO meeting_topics (meeting_id, position, source, title, task_code, \
     minutes) VALUES ($1, $2, $3, $4, $5, $6)";
const DELETE_TOPICS: &str = "DELETE FROM meeting_topics WHERE meeting_id = $1";
const BUMP_MEETING: &str = "UPDATE meetings SET planned_on = $3, revision = revision + 1 \
     WHERE id = $1 AND school_id = $2 AND revision = $4";
const OF_SCHOOL: &str = "SELECT COUNT(*) FROM meetings WHERE id = $1 AND school_id = $2";
const INSERT_AGREEMENT: &str = "INSERT INTO meeting_agreements (id, meeting_id, text, task_code, \
     party_kind, party, party_user, author_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const LAST_AGREEMENT_AT: &str =
    "SELECT MAX(created_at) FROM meeting_agreements WHERE meeting_id = $1";
const DELETE_AGREEMENT: &str = "DELETE FROM meeting_agreements WHERE id = $1 AND meeting_id = $2";
const PREPARED_BY: &str = "SELECT planned_on, created_at FROM meetings \
     WHERE school_id = $1 AND created_by = $2 ORDER BY created_at";
const AGREED_BY: &str = "SELECT m.planned_on, m.created_at, a.text, a.task_code, a.party_kind, a.party, \
     a.party_user, a.created_at \
     FROM meeting_agreements a JOIN meetings m ON m.id = a.meeting_id \
     WHERE m.school_id = $1 AND a.author_id = $2 ORDER BY a.created_at, a.id";
const DELETE_MEETING: &str = "DELETE FROM meetings WHERE id = $1 AND school_id = $2";

/// What leaves a school's team meetings with a person removed from it (`$1` the school, `$2`
/// the person): their name as who prepared a meeting and who recorded an agreement. The
/// meetings and agreements stay, as the school's; a party they were made responsible for is
/// named as someone who left the school.
pub(crate) const FORGET_IN_SCHOOL: [&str; 2] = [
    "UPDATE meetings SET created_by = NULL WHERE school_id = $1 AND created_by = $2",
    "UPDATE meeting_agreements SET author_id = NULL WHERE author_id = $2 \
     AND meeting_id IN (SELECT id FROM meetings WHERE school_id = $1)",
];

/// A meeting as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingSummary {
    pub id: Uuid,
    pub planned_on: Option<Date>,
    pub created_at: i64,
    pub topics: usize,
    pub agreements: usize,
}

/// An agreement of a meeting, with who wrote it down (`None` once they left) and, when it
/// made a party responsible for a task, the task and the party (`None` when that party was
/// a person whose account has gone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingAgreement {
    pub id: Uuid,
    pub text: Line,
    pub task: Option<Code>,
    pub responsible: Option<Party>,
    pub author: Option<String>,
    pub at: i64,
}

/// A meeting with its agenda and agreements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub id: Uuid,
    pub round: Option<Uuid>,
    pub planned_on: Option<Date>,
    pub created_at: i64,
    pub revision: i64,
    pub topics: Vec<Topic>,
    pub agreements: Vec<MeetingAgreement>,
}

/// What a person did in a school's team meetings, for their personal data: the meetings
/// they prepared (day planned, when prepared) and the agreements they recorded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MeetingRecords {
    pub prepared: Vec<(Option<Date>, i64)>,
    pub agreements: Vec<RecordedAgreement>,
}

/// An agreement a person recorded, with the meeting's day (or when it was prepared).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedAgreement {
    pub planned_on: Option<Date>,
    pub prepared_at: i64,
    pub text: Line,
    pub task: Option<Code>,
    pub responsible: Option<Party>,
    pub at: i64,
}

/// Why a change to a meeting was not made. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    #[error("not allowed")]
    NotAllowed,
    #[error("no such meeting")]
    NotFound,
    #[error("the meeting changed since the form was shown")]
    Stale,
    /// The agreement's task and party were refused by the allocation's rules.
    #[error("{0}")]
    Allocation(AllocationError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for MeetingError {
    fn from(e: sqlx::Error) -> Self {
        MeetingError::Store(StoreError::Database(e))
    }
}

/// Refuses, inside a transaction, anyone but an active coordinator or administrator.
macro_rules! coordinator {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(MeetingError::NotAllowed),
        }
    };
}

/// Refuses, inside a transaction, a meeting not of this school.
macro_rules! of_school {
    ($tx:expr, $school:expr, $id:expr) => {
        let (n,): (i64,) = sqlx::query_as(OF_SCHOOL)
            .bind($id)
            .bind($school.0)
            .fetch_one(&mut *$tx)
            .await?;
        if n == 0 {
            return Err(MeetingError::NotFound);
        }
    };
}

/// Writes a meeting's topics in order, inside the transaction `$tx`.
macro_rules! write_topics {
    ($tx:expr, $id:expr, $topics:expr) => {
        for (i, topic) in $topics.iter().enumerate() {
            sqlx::query(INSERT_TOPIC)
                .bind($id)
                .bind(i as i64)
                .bind(topic.source.code())
                .bind(topic.title.as_str())
                .bind(topic.task.as_ref().map(Code::as_str))
                .bind(i64::from(topic.minutes))
                .execute(&mut *$tx)
                .await?;
        }
    };
}

/// A responsible party as the columns keep it: kind, value, and the person's account.
type PartyColumns = (Option<String>, Option<String>, Option<Uuid>);

type AgreementRow = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    i64,
);

/// The party an agreement made responsible, from its columns; `None` for none, or for a
/// person whose account has gone.
fn responsible_of((kind, party, user): PartyColumns) -> Result<Option<Party>, StoreError> {
    match (kind, party) {
        (Some(kind), _) if kind == "person" => Ok(user.map(|u| Party::Person(UserId(u)))),
        (Some(kind), Some(party)) => party_of(&kind, &party).map(Some).ok_or_else(|| {
            StoreError::CorruptRow(format!("meeting agreement party {kind} {party}"))
        }),
        _ => Ok(None),
    }
}

impl Store {
    /// The school's meetings, newest first.
    pub async fn meetings(&self, school: SchoolId) -> Result<Vec<MeetingSummary>, StoreError> {
        let rows: Vec<(Uuid, Option<String>, i64, i64, i64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_MEETINGS).bind(school.0).fetch_all(pool).await?);
        rows.into_iter()
            .map(|(id, planned, created_at, topics, agreements)| {
                Ok(MeetingSummary {
                    id,
                    planned_on: planned.as_deref().map(parse_date).transpose()?,
                    created_at,
                    topics: usize::try_from(topics).unwrap_or(0),
                    agreements: usize::try_from(agreements).unwrap_or(0),
                })
            })
            .collect()
    }

    /// One meeting of the school.
    pub async fn meeting(&self, school: SchoolId, id: Uuid) -> Result<Option<Meeting>, StoreError> {
        let (head, topics, agreements) = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let head: Option<(Option<Uuid>, Option<String>, i64, i64)> = sqlx::query_as(SELECT_MEETING).bind(id).bind(school.0).fetch_optional(&mut *tx).await?;
            let topics: Vec<(String, String, Option<String>, i64)> = sqlx::query_as(SELECT_TOPICS).bind(id).fetch_all(&mut *tx).await?;
            let agreements: Vec<AgreementRow> = sqlx::query_as(SELECT_AGREEMENTS).bind(id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            (head, topics, agreements)
        });
        let Some((round, planned, created_at, revision)) = head else {
            return Ok(None);
        };
        let bad = |what: &str| StoreError::CorruptRow(what.to_owned());
        let topics = topics
            .into_iter()
            .map(|(source, title, task, minutes)| {
                Ok(Topic {
                    source: Source::parse(&source).ok_or_else(|| bad(&source))?,
                    title: Line::from_stored(&title),
                    task: task.as_deref().and_then(Code::parse),
                    minutes: u32::try_from(minutes).unwrap_or(0),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let agreements = agreements
            .into_iter()
            .map(|(id, text, task, kind, party, user, author, at)| {
                Ok(MeetingAgreement {
                    id,
                    text: Line::from_stored(&text),
                    task: task.as_deref().and_then(Code::parse),
                    responsible: responsible_of((kind, party, user))?,
                    author,
                    at,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(Meeting {
            id,
            round,
            planned_on: planned.as_deref().map(parse_date).transpose()?,
            created_at,
            revision,
            topics,
            agreements,
        }))
    }

    /// What `person` did in the school's team meetings (see [`MeetingRecords`]).
    pub async fn meeting_records_of(
        &self,
        school: SchoolId,
        person: UserId,
    ) -> Result<MeetingRecords, StoreError> {
        type Row = (
            Option<String>,
            i64,
            String,
            Option<String>,
            Option<String>,
            Option<String>,
            Option<Uuid>,
            i64,
        );
        let (prepared, agreed) = on_pool!(self, pool => {
            let prepared: Vec<(Option<String>, i64)> = sqlx::query_as(PREPARED_BY).bind(school.0).bind(person.0).fetch_all(pool).await?;
            let agreed: Vec<Row> = sqlx::query_as(AGREED_BY).bind(school.0).bind(person.0).fetch_all(pool).await?;
            (prepared, agreed)
        });
        let day = |planned: Option<String>| planned.as_deref().map(parse_date).transpose();
        let mut records = MeetingRecords::default();
        for (planned, at) in prepared {
            records.prepared.push((day(planned)?, at));
        }
        for (planned, prepared_at, text, task, kind, party, user, at) in agreed {
            records.agreements.push(RecordedAgreement {
                planned_on: day(planned)?,
                prepared_at,
                text: Line::from_stored(&text),
                task: task.as_deref().and_then(Code::parse),
                responsible: responsible_of((kind, party, user))?,
                at,
            });
        }
        Ok(records)
    }

    /// Prepares a meeting with its agenda. A coordinator or administrator.
    pub async fn create_meeting(
        &self,
        school: SchoolId,
        actor: UserId,
        round: Option<Uuid>,
        planned_on: Option<Date>,
        topics: &[Topic],
    ) -> Result<Uuid, MeetingError> {
        let id = Uuid::new_v4();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            sqlx::query(INSERT_MEETING).bind(id).bind(school.0).bind(round).bind(planned_on.map(date_text)).bind(actor.0).bind(now_millis()).execute(&mut *tx).await?;
            write_topics!(tx, id, topics);
            tx.commit().await?;
        });
        Ok(id)
    }

    /// Changes a meeting's day and agenda, if unchanged since `revision`.
    pub async fn update_meeting(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
        revision: i64,
        planned_on: Option<Date>,
        topics: &[Topic],
    ) -> Result<(), MeetingError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            of_school!(tx, school, id);
            let bumped = sqlx::query(BUMP_MEETING).bind(id).bind(school.0).bind(planned_on.map(date_text)).bind(revision).execute(&mut *tx).await?;
            if bumped.rows_affected() != 1 {
                return Err(MeetingError::Stale);
            }
            sqlx::query(DELETE_TOPICS).bind(id).execute(&mut *tx).await?;
            write_topics!(tx, id, topics);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records an agreement of a meeting; with `responsible`, also makes that party
    /// responsible for that task in the school year's allocation (under its rules; refused
    /// whole).
    #[allow(clippy::too_many_arguments)]
    pub async fn add_meeting_agreement(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
        text: &Line,
        responsible: Option<&Assignment>,
        year: SchoolYear,
        tasks: &[Task],
        rules: Rules,
    ) -> Result<(), MeetingError> {
        let columns = responsible.map(|a| party_columns(&a.party));
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            of_school!(tx, school, id);
            if let Some(assignment) = responsible {
                agree_in_tx!(tx, school, actor, year, std::slice::from_ref(assignment), tasks, rules, |refused: Vec<(Code, AllocationError)>| {
                    MeetingError::Allocation(refused.into_iter().next().map_or(AllocationError::NotATask, |(_, e)| e))
                });
            }
            let (last,): (Option<i64>,) = sqlx::query_as(LAST_AGREEMENT_AT).bind(id).fetch_one(&mut *tx).await?;
            sqlx::query(INSERT_AGREEMENT)
                .bind(Uuid::new_v4())
                .bind(id)
                .bind(text.as_str())
                .bind(responsible.map(|a| a.code.as_str()))
                .bind(columns.as_ref().map(|(kind, _, _)| *kind))
                .bind(columns.as_ref().map(|(_, party, _)| party.as_str()))
                .bind(columns.as_ref().and_then(|(_, _, user)| *user))
                .bind(actor.0)
                .bind(crate::listed_after(now_millis(), last))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes an agreement of a meeting (an allocation it fed stays: change it there).
    pub async fn delete_meeting_agreement(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
        agreement: Uuid,
    ) -> Result<(), MeetingError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            of_school!(tx, school, id);
            let gone = sqlx::query(DELETE_AGREEMENT).bind(agreement).bind(id).execute(&mut *tx).await?;
            if gone.rows_affected() != 1 {
                return Err(MeetingError::NotFound);
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a meeting with its agenda and agreements.
    pub async fn delete_meeting(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
    ) -> Result<(), MeetingError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let gone = sqlx::query(DELETE_MEETING).bind(id).bind(school.0).execute(&mut *tx).await?;
            if gone.rows_affected() != 1 {
                return Err(MeetingError::NotFound);
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
