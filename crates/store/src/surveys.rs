//! The anonymous student survey: surveys a coordinator opens for groups of students, each
//! group with a class code (kept only as its hash) that may be used as often as the group has
//! students; and the students' answers, written without an account.
//!
//! An answer row holds a random id, its survey and group, the day (never the time) and the
//! steps; the open answer goes in a table of its own with only its survey. Nothing ties an
//! answer to a code's use: the use count goes up in the same transaction, and that is all.
//! Answers share commits ([`crate::batches`]), so a whole year group can answer at once.
//! Every coordinator's query takes the school; a student's answer is found by its code alone.

use domain::account::{Permission, UserId};
use domain::aggregate::Threshold;
use domain::allocation::SchoolYear;
use domain::clock::dutch_date;
use domain::framework::Date;
use domain::members::AuditAction;
use domain::plan::Line;
use domain::school::SchoolId;
use domain::survey::{
    CODE_LENGTH, ClassCode, GroupInput, ITEM_COUNT, QUESTIONNAIRE, Response, USES_MAX,
    threshold_for,
};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::plans::parse_date;
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, hash_token, now_millis, on_pool};

const SELECT_SURVEYS: &str = "SELECT s.id, s.name, s.school_year, s.threshold, \
     s.opened_on, s.closed_on, \
     (SELECT CAST(COALESCE(SUM(g.uses), 0) AS BIGINT) FROM survey_groups g WHERE g.survey_id = s.id), \
     (SELECT CAST(COALESCE(SUM(g.used), 0) AS BIGINT) FROM survey_groups g WHERE g.survey_id = s.id) \
     FROM surveys s WHERE s.school_id = $1";
const SELECT_GROUPS: &str = "SELECT g.id, g.name, g.uses, g.used FROM survey_groups g \
     JOIN surveys s ON s.id = g.survey_id \
     WHERE s.school_id = $1 AND g.survey_id = $2 ORDER BY g.position";
const SELECT_STATE: &str =
    "SELECT closed_on, threshold, name FROM surveys WHERE school_id = $1 AND id = $2";
const INSERT_SURVEY: &str = "INSERT INTO surveys (id, school_id, name, questionnaire, school_year, \
     threshold, opened_on) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const INSERT_GROUP: &str = "INSERT INTO survey_groups (id, survey_id, position, name, code_hash, uses) \
     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM survey_groups WHERE survey_id = $2), \
     $3, $4, $5)";
const ADD_USES: &str = "UPDATE survey_groups SET uses = uses + $3 \
     WHERE id = $1 AND survey_id = $2 AND uses + $3 <= $4";
const RENEW_CODE: &str = "UPDATE survey_groups SET code_hash = $3 WHERE id = $1 AND survey_id = $2";
const SET_THRESHOLD: &str = "UPDATE surveys SET threshold = $3 WHERE school_id = $1 AND id = $2";
const CLOSE: &str = "UPDATE surveys SET closed_on = $3 \
     WHERE school_id = $1 AND id = $2 AND closed_on IS NULL";
const DELETE: &str = "DELETE FROM surveys WHERE school_id = $1 AND id = $2";
const HAS_ANSWERS: &str = "SELECT COUNT(*) FROM survey_answers WHERE survey_id = $1";
const SELECT_ANSWERS: &str = "SELECT a.group_id, a.v1, a.v2, a.v3, a.v4, a.v5, a.v6, a.v7, a.v8, \
     a.v9, a.v10 FROM survey_answers a JOIN surveys s ON s.id = a.survey_id \
     WHERE s.school_id = $1 AND a.survey_id = $2";
const SELECT_REMARKS: &str = "SELECT r.remark FROM survey_remarks r \
     JOIN surveys s ON s.id = r.survey_id WHERE s.school_id = $1 AND r.survey_id = $2";
const SELECT_CODE: &str = "SELECT s.threshold, s.name, s.closed_on, g.uses, g.used, sc.name \
     FROM survey_groups g JOIN surveys s ON s.id = g.survey_id \
     JOIN schools sc ON sc.id = s.school_id WHERE g.code_hash = $1";
/// Spends `$2` uses of an open survey's code at once, when that many are left, giving its
/// survey and group.
const SPEND_USES: &str = "UPDATE survey_groups SET used = used + $2 \
     WHERE code_hash = $1 AND used + $2 <= uses \
     AND survey_id IN (SELECT id FROM surveys WHERE closed_on IS NULL) \
     RETURNING survey_id, id";
const INSERT_ANSWER: &str = "INSERT INTO survey_answers (id, survey_id, group_id, answered_on, \
     v1, v2, v3, v4, v5, v6, v7, v8, v9, v10) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
const INSERT_REMARK: &str =
    "INSERT INTO survey_remarks (id, survey_id, remark) VALUES ($1, $2, $3)";
const ANSWERS_IN_YEAR: &str = "SELECT COUNT(*) FROM survey_answers a \
     JOIN surveys s ON s.id = a.survey_id WHERE s.school_id = $1 AND s.school_year = $2";

/// A survey as its school's list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveySummary {
    pub id: Uuid,
    pub name: String,
    pub year: SchoolYear,
    pub threshold: Threshold,
    pub opened_on: Date,
    pub closed_on: Option<Date>,
    /// Students in all groups together (the codes' uses), and answers so far.
    pub uses: i64,
    pub answers: i64,
}

/// A group of a survey: its name, its students and the answers it gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyGroup {
    pub id: Uuid,
    pub name: String,
    pub uses: i64,
    pub used: i64,
}

/// A survey with its groups, in the order they were added.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Survey {
    pub summary: SurveySummary,
    pub groups: Vec<SurveyGroup>,
}

/// A code made for a group: shown once, then only its hash is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewCode {
    pub group: String,
    pub code: ClassCode,
}

/// A survey's answers, per group in the survey's order of groups, and its open answers
/// (in no meaningful order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SurveyAnswers {
    pub groups: Vec<Vec<[Option<u8>; ITEM_COUNT]>>,
    pub remarks: Vec<String>,
}

/// What a student's code leads to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeTarget {
    pub survey: String,
    pub school: String,
    /// The least number of answers a figure is shown over, to tell the student.
    pub threshold: Threshold,
}

/// Why a code does not let a student answer. Nothing was stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeRefusal {
    #[error("no survey has this code")]
    Unknown,
    #[error("the survey is closed")]
    Closed,
    #[error("the code was used as often as its group has students")]
    UsedUp,
}

/// Why a coordinator's change to a survey was refused. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum SurveyError {
    #[error("only coordinators and administrators manage student surveys")]
    NotAllowed,
    #[error("no such survey in this school")]
    NotFound,
    #[error("the survey is closed")]
    Closed,
    #[error("a code may be used at most {USES_MAX} times")]
    TooManyUses,
    #[error(transparent)]
    Threshold(#[from] domain::aggregate::AggregateError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SurveyError {
    fn from(e: sqlx::Error) -> Self {
        SurveyError::Store(StoreError::Database(e))
    }
}

/// Why a student's answer was not stored.
#[derive(Debug, thiserror::Error)]
pub enum AnswerError {
    #[error(transparent)]
    Refused(#[from] CodeRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for AnswerError {
    fn from(e: sqlx::Error) -> Self {
        AnswerError::Store(StoreError::Database(e))
    }
}

/// One student's answer waiting for its commit.
pub(crate) struct AnswerJob {
    hash: String,
    response: Response,
    reply: tokio::sync::oneshot::Sender<Result<(), AnswerError>>,
}

macro_rules! coordinator {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(SurveyError::NotAllowed),
        }
    };
}

/// Inside a transaction: the survey's state (closed on, k, name), or not found.
macro_rules! survey_state {
    ($tx:expr, $school:expr, $survey:expr) => {{
        let row: Option<(Option<String>, i64, String)> = sqlx::query_as(SELECT_STATE)
            .bind($school.0)
            .bind($survey)
            .fetch_optional(&mut *$tx)
            .await?;
        row.ok_or(SurveyError::NotFound)?
    }};
}

/// Inside a write transaction: a coordinator's change to an open survey of the school, or
/// the refusal; gives the survey's name.
macro_rules! while_open {
    ($tx:expr, $school:expr, $actor:expr, $survey:expr) => {{
        coordinator!($tx, $school, $actor);
        let (closed, _, name) = survey_state!($tx, $school, $survey);
        if closed.is_some() {
            return Err(SurveyError::Closed);
        }
        name
    }};
}

/// Inside a write transaction: adds groups to a survey with new codes.
macro_rules! add_groups {
    ($tx:expr, $survey:expr, $groups:expr) => {{
        let mut codes = Vec::with_capacity($groups.len());
        for group in $groups {
            let code = new_code()?;
            sqlx::query(INSERT_GROUP)
                .bind(Uuid::new_v4())
                .bind($survey)
                .bind(group.name.as_str())
                .bind(hash_token(code.as_str()))
                .bind(i64::from(group.uses))
                .execute(&mut *$tx)
                .await?;
            codes.push(NewCode {
                group: group.name.to_string(),
                code,
            });
        }
        codes
    }};
}

fn new_code() -> Result<ClassCode, StoreError> {
    let mut bytes = [0_u8; CODE_LENGTH];
    getrandom::fill(&mut bytes).map_err(|e| StoreError::Randomness(e.to_string()))?;
    Ok(ClassCode::from_random(bytes))
}

fn today() -> String {
    dutch_date(now_millis()).to_string()
}

type SummaryRow = (Uuid, String, String, i64, String, Option<String>, i64, i64);

fn summary(row: SummaryRow) -> Result<SurveySummary, StoreError> {
    let (id, name, year, threshold, opened, closed, uses, answers) = row;
    Ok(SurveySummary {
        id,
        name,
        year: SchoolYear::parse(&year)
            .ok_or_else(|| StoreError::CorruptRow(format!("school year '{year}'")))?,
        threshold: Threshold::from_stored(threshold),
        opened_on: parse_date(&opened)?,
        closed_on: closed.as_deref().map(parse_date).transpose()?,
        uses,
        answers,
    })
}

/// What a code leads to as stored: k, survey, closed on, uses, used, school.
type CodeRow = (i64, String, Option<String>, i64, i64, String);

/// A group as stored: id, name, uses, used.
type GroupRow = (Uuid, String, i64, i64);

type AnswerRow = (
    Uuid,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
    Option<i16>,
);

impl Store {
    /// Opens a survey of the current questionnaire for groups of students, each with a new
    /// code; gives its id and the codes, which are not kept (only their hashes).
    pub async fn open_survey(
        &self,
        school: SchoolId,
        actor: UserId,
        name: &Line,
        threshold: Threshold,
        groups: &[GroupInput],
    ) -> Result<(Uuid, Vec<NewCode>), SurveyError> {
        let id = Uuid::new_v4();
        let today = dutch_date(now_millis());
        let codes = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            sqlx::query(INSERT_SURVEY).bind(id).bind(school.0).bind(name.as_str())
                .bind(QUESTIONNAIRE).bind(SchoolYear::of(today).to_string())
                .bind(i64::from(threshold.get())).bind(today.to_string())
                .execute(&mut *tx).await?;
            let codes = add_groups!(tx, id, groups);
            audit!(tx, school.0, Some(actor.0), AuditAction::SurveyOpened, None::<Uuid>, None::<String>, Some(name.as_str()));
            tx.commit().await?;
            codes
        });
        Ok((id, codes))
    }

    /// The school's surveys, newest first.
    pub async fn surveys(&self, school: SchoolId) -> Result<Vec<SurveySummary>, StoreError> {
        let sql = format!("{SELECT_SURVEYS} ORDER BY s.opened_on DESC, s.name");
        let rows: Vec<SummaryRow> = on_pool!(self, pool =>
            sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(school.0).fetch_all(pool).await?);
        rows.into_iter().map(summary).collect()
    }

    /// One survey of the school with its groups.
    pub async fn survey(&self, school: SchoolId, id: Uuid) -> Result<Option<Survey>, StoreError> {
        let sql = format!("{SELECT_SURVEYS} AND s.id = $2");
        let (row, groups): (Option<SummaryRow>, Vec<GroupRow>) = on_pool!(self, pool => {
            let row = sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(school.0).bind(id).fetch_optional(pool).await?;
            let groups = sqlx::query_as(SELECT_GROUPS).bind(school.0).bind(id).fetch_all(pool).await?;
            (row, groups)
        });
        let Some(row) = row else {
            return Ok(None);
        };
        Ok(Some(Survey {
            summary: summary(row)?,
            groups: groups
                .into_iter()
                .map(|(id, name, uses, used)| SurveyGroup {
                    id,
                    name,
                    uses,
                    used,
                })
                .collect(),
        }))
    }

    /// Adds groups to an open survey, each with a new code.
    pub async fn add_survey_groups(
        &self,
        school: SchoolId,
        actor: UserId,
        survey: Uuid,
        groups: &[GroupInput],
    ) -> Result<Vec<NewCode>, SurveyError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let _ = while_open!(tx, school, actor, survey);
            let codes = add_groups!(tx, survey, groups);
            tx.commit().await?;
            Ok(codes)
        })
    }

    /// Gives a group of an open survey more uses of its code (students who joined).
    pub async fn add_survey_uses(
        &self,
        school: SchoolId,
        actor: UserId,
        survey: Uuid,
        group: Uuid,
        more: u32,
    ) -> Result<(), SurveyError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let _ = while_open!(tx, school, actor, survey);
            let changed = sqlx::query(ADD_USES).bind(group).bind(survey).bind(i64::from(more))
                .bind(i64::from(USES_MAX)).execute(&mut *tx).await?.rows_affected();
            if changed == 0 {
                let known: Vec<GroupRow> = sqlx::query_as(SELECT_GROUPS)
                    .bind(school.0).bind(survey).fetch_all(&mut *tx).await?;
                return Err(if known.iter().any(|g| g.0 == group) {
                    SurveyError::TooManyUses
                } else {
                    SurveyError::NotFound
                });
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Gives a group of an open survey a new code; the old one stops working, the answers
    /// given and the uses left stay.
    pub async fn renew_survey_code(
        &self,
        school: SchoolId,
        actor: UserId,
        survey: Uuid,
        group: Uuid,
    ) -> Result<NewCode, SurveyError> {
        let code = new_code()?;
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let _ = while_open!(tx, school, actor, survey);
            let known: Vec<GroupRow> = sqlx::query_as(SELECT_GROUPS)
                .bind(school.0).bind(survey).fetch_all(&mut *tx).await?;
            let Some((_, name, _, _)) = known.into_iter().find(|g| g.0 == group) else {
                return Err(SurveyError::NotFound);
            };
            sqlx::query(RENEW_CODE).bind(group).bind(survey).bind(hash_token(code.as_str()))
                .execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(NewCode { group: name, code })
        })
    }

    /// Sets a survey's k: any while it has no answers, only higher once it has.
    pub async fn set_survey_threshold(
        &self,
        school: SchoolId,
        actor: UserId,
        survey: Uuid,
        wanted: Threshold,
    ) -> Result<(), SurveyError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let (_, current, _) = survey_state!(tx, school, survey);
            let (answers,): (i64,) = sqlx::query_as(HAS_ANSWERS).bind(survey).fetch_one(&mut *tx).await?;
            let k = threshold_for(Threshold::from_stored(current), wanted, answers > 0)?;
            sqlx::query(SET_THRESHOLD).bind(school.0).bind(survey).bind(i64::from(k.get()))
                .execute(&mut *tx).await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Closes a survey for good: it takes no more answers, and its results can be read.
    pub async fn close_survey(
        &self,
        school: SchoolId,
        actor: UserId,
        survey: Uuid,
    ) -> Result<(), SurveyError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let name = while_open!(tx, school, actor, survey);
            sqlx::query(CLOSE).bind(school.0).bind(survey).bind(today()).execute(&mut *tx).await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::SurveyClosed, None::<Uuid>, None::<String>, Some(name.as_str()));
            tx.commit().await?;
            Ok(())
        })
    }

    /// Deletes a survey with its groups and every answer to it.
    pub async fn delete_survey(
        &self,
        school: SchoolId,
        actor: UserId,
        survey: Uuid,
    ) -> Result<(), SurveyError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let (_, _, name) = survey_state!(tx, school, survey);
            sqlx::query(DELETE).bind(school.0).bind(survey).execute(&mut *tx).await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::SurveyDeleted, None::<Uuid>, None::<String>, Some(name.as_str()));
            tx.commit().await?;
            Ok(())
        })
    }

    /// A survey's answers, per group in its order of groups (for the results, which the
    /// domain shows only under its rule).
    pub async fn survey_answers(
        &self,
        school: SchoolId,
        survey: &Survey,
    ) -> Result<SurveyAnswers, StoreError> {
        let id = survey.summary.id;
        let (rows, remarks): (Vec<AnswerRow>, Vec<(String,)>) = on_pool!(self, pool => {
            let rows = sqlx::query_as(SELECT_ANSWERS).bind(school.0).bind(id).fetch_all(pool).await?;
            let remarks = sqlx::query_as(SELECT_REMARKS).bind(school.0).bind(id).fetch_all(pool).await?;
            (rows, remarks)
        });
        let mut groups: Vec<Vec<[Option<u8>; ITEM_COUNT]>> = vec![Vec::new(); survey.groups.len()];
        for (group, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10) in rows {
            let step = |v: Option<i16>| v.and_then(|s| u8::try_from(s).ok());
            if let Some(at) = survey.groups.iter().position(|g| g.id == group) {
                groups[at].push([a1, a2, a3, a4, a5, a6, a7, a8, a9, a10].map(step));
            }
        }
        Ok(SurveyAnswers {
            groups,
            remarks: remarks.into_iter().map(|(r,)| r).collect(),
        })
    }

    /// How many answers the school's surveys of a school year have.
    pub async fn survey_answers_in_year(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<usize, StoreError> {
        let (n,): (i64,) = on_pool!(self, pool => sqlx::query_as(ANSWERS_IN_YEAR)
            .bind(school.0).bind(year.to_string()).fetch_one(pool).await?);
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// What a code a student typed leads to, when it lets them answer.
    pub async fn survey_by_code(&self, code: &ClassCode) -> Result<CodeTarget, AnswerError> {
        let hash = hash_token(code.as_str());
        let row: Option<CodeRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_CODE).bind(&hash).fetch_optional(pool).await?);
        match row {
            None => Err(CodeRefusal::Unknown.into()),
            Some((_, _, Some(_), _, _, _)) => Err(CodeRefusal::Closed.into()),
            Some((_, _, None, uses, used, _)) if used >= uses => Err(CodeRefusal::UsedUp.into()),
            Some((k, survey, None, _, _, school)) => Ok(CodeTarget {
                survey,
                school,
                threshold: Threshold::from_stored(k),
            }),
        }
    }

    /// Stores a student's answer under a code, spending one of its uses, in a commit shared
    /// with the other students answering at the same moment. Refused (and nothing stored)
    /// when the code is unknown, its survey closed or its uses spent.
    pub async fn answer_survey(
        &self,
        code: &ClassCode,
        response: &Response,
    ) -> Result<(), AnswerError> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = AnswerJob {
            hash: hash_token(code.as_str()),
            response: response.clone(),
            reply,
        };
        let write = |jobs| {
            let store = self.clone();
            async move { store.write_answers(jobs).await }
        };
        match self.answers.submit(job, answer, write).await {
            Some(outcome) => outcome,
            None => Err(AnswerError::Store(StoreError::Batch(
                "the batch of answers failed".to_owned(),
            ))),
        }
    }

    /// Writes queued answers in one transaction; a refused one writes nothing and leaves the
    /// others in. Each is answered once the transaction is committed.
    async fn write_answers(&self, jobs: Vec<AnswerJob>) {
        let day = today();
        let written: Result<Vec<Result<(), CodeRefusal>>, AnswerError> = on_pool!(self, pool => {
            async {
                let mut tx = pool.begin_write().await?;
                let mut outcomes: Vec<Option<Result<(Uuid, Uuid), CodeRefusal>>> = vec![None; jobs.len()];
                // The jobs per code, in the order they came.
                let mut by_code: Vec<(&str, Vec<usize>)> = Vec::new();
                for (i, job) in jobs.iter().enumerate() {
                    match by_code.iter_mut().find(|(hash, _)| *hash == job.hash) {
                        Some((_, list)) => list.push(i),
                        None => by_code.push((job.hash.as_str(), vec![i])),
                    }
                }
                for (hash, list) in &by_code {
                    // Usually every answer under a code fits its uses: one statement spends
                    // them all. When not, each is tried alone, so no use is ever overspent.
                    let n = i64::try_from(list.len()).unwrap_or(i64::MAX);
                    let all: Option<(Uuid, Uuid)> = sqlx::query_as(SPEND_USES)
                        .bind(*hash).bind(n).fetch_optional(&mut *tx).await?;
                    if let Some(target) = all {
                        for &i in list {
                            outcomes[i] = Some(Ok(target));
                        }
                        continue;
                    }
                    for &i in list {
                        let one: Option<(Uuid, Uuid)> = sqlx::query_as(SPEND_USES)
                            .bind(*hash).bind(1_i64).fetch_optional(&mut *tx).await?;
                        outcomes[i] = Some(match one {
                            Some(target) => Ok(target),
                            None => {
                                let row: Option<CodeRow> = sqlx::query_as(SELECT_CODE)
                                    .bind(*hash).fetch_optional(&mut *tx).await?;
                                Err(match row {
                                    None => CodeRefusal::Unknown,
                                    Some((_, _, Some(_), _, _, _)) => CodeRefusal::Closed,
                                    Some(_) => CodeRefusal::UsedUp,
                                })
                            }
                        });
                    }
                }
                let stored: Vec<(&AnswerJob, Uuid, Uuid)> = jobs
                    .iter()
                    .zip(&outcomes)
                    .filter_map(|(job, o)| match o {
                        Some(Ok((survey, group))) => Some((job, *survey, *group)),
                        _ => None,
                    })
                    .collect();
                // One row a statement: the statement is prepared once and kept, where one
                // statement of many rows would be prepared anew for every batch size and bound
                // parameter by parameter name (slower per row as the batch grows).
                for (job, survey, group) in &stored {
                    let mut q = sqlx::query(INSERT_ANSWER).bind(Uuid::new_v4()).bind(*survey)
                        .bind(*group).bind(&day);
                    for step in job.response.answers {
                        q = q.bind(step.map(i16::from));
                    }
                    q.execute(&mut *tx).await?;
                    if let Some(remark) = &job.response.remark {
                        sqlx::query(INSERT_REMARK).bind(Uuid::new_v4()).bind(*survey)
                            .bind(remark.as_str()).execute(&mut *tx).await?;
                    }
                }
                let outcomes: Vec<Result<(), CodeRefusal>> = outcomes
                    .into_iter()
                    .map(|o| o.unwrap_or(Err(CodeRefusal::Unknown)).map(|_| ()))
                    .collect();
                tx.commit().await?;
                Ok::<_, AnswerError>(outcomes)
            }
            .await
        });
        match written {
            Ok(outcomes) => {
                for (job, outcome) in jobs.into_iter().zip(outcomes) {
                    let _ = job.reply.send(outcome.map_err(AnswerError::Refused));
                }
            }
            Err(e) => {
                let message = e.to_string();
                for job in jobs {
                    let _ = job
                        .reply
                        .send(Err(AnswerError::Store(StoreError::Batch(message.clone()))));
                }
            }
        }
    }
}

impl SurveySummary {
    /// Whether it still takes answers.
    pub fn is_open(&self) -> bool {
        self.closed_on.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answer_rows_have_ten_steps_like_the_questionnaire() {
        assert_eq!(
            ITEM_COUNT, 10,
            "SELECT_ANSWERS and INSERT_ANSWER name v1…v10"
        );
        assert!(INSERT_ANSWER.contains("v10)") && !INSERT_ANSWER.contains("v11"));
        assert_eq!(
            INSERT_ANSWER.matches('$').count(),
            14,
            "fourteen values a row"
        );
    }
}
