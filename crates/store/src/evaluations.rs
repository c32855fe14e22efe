//! The yearly cycle's evaluations: per school year, each goal of the vision evaluated by the
//! school's coordinators (one row per goal and year, at its own revision so two people never
//! overwrite each other), and whether its adjustment was carried into the vision's draft.
//! Every query takes the school.

use domain::account::{Permission, UserId};
use domain::allocation::SchoolYear;
use domain::cycle::Evaluation;
use domain::plan::Line;
use domain::school::SchoolId;
use domain::vision::Body;
use uuid::Uuid;

use crate::scans::active_permission;
use crate::vision::VisionMark;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_YEAR: &str = "SELECT e.goal_id, e.goal, e.result, e.went_well, e.adjust, e.carried, \
     e.revision, u.name, e.updated_at FROM goal_evaluations e \
     LEFT JOIN users u ON u.id = e.updated_by \
     WHERE e.school_id = $1 AND e.school_year = $2 ORDER BY e.updated_at";
const SELECT_ONE: &str = "SELECT e.revision, u.name, e.updated_at FROM goal_evaluations e \
     LEFT JOIN users u ON u.id = e.updated_by \
     WHERE e.school_id = $1 AND e.school_year = $2 AND e.goal_id = $3";
const INSERT: &str = "INSERT INTO goal_evaluations (school_id, school_year, goal_id, goal, result, \
     went_well, adjust, carried, revision, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, 0, 1, $8, $9)";
const UPDATE: &str = "UPDATE goal_evaluations SET goal = $4, result = $5, went_well = $6, adjust = $7, \
     carried = 0, revision = revision + 1, updated_by = $8, updated_at = $9 \
     WHERE school_id = $1 AND school_year = $2 AND goal_id = $3";
const CARRY: &str = "UPDATE goal_evaluations SET carried = 1, revision = revision + 1, updated_by = $4, \
     updated_at = $5 WHERE school_id = $1 AND school_year = $2 AND goal_id = $3 AND revision = $6 \
     AND adjust <> ''";
const CARRIED_FOR: &str = "SELECT goal_id, school_year, adjust FROM goal_evaluations \
     WHERE school_id = $1 AND carried = 1 ORDER BY school_year DESC";

/// What leaves a school's evaluations with a person removed from it: their name as who
/// changed one last.
pub(crate) const FORGET_IN_SCHOOL: &str =
    "UPDATE goal_evaluations SET updated_by = NULL WHERE school_id = $1 AND updated_by = $2";

/// A goal's evaluation for a school year, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalEvaluation {
    pub goal: Uuid,
    /// The goal's words when it was evaluated.
    pub goal_text: Line,
    pub evaluation: Evaluation,
    /// The adjustment was carried into the vision's draft.
    pub carried: bool,
    pub mark: VisionMark,
}

/// Why an evaluation was not saved or carried over. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum EvaluationStoreError {
    #[error("only coordinators and administrators evaluate the vision's goals")]
    NotAllowed,
    #[error("no evaluation with something to adjust")]
    NotFound,
    /// Someone else saved this evaluation since the form was shown.
    #[error("changed since the form was shown")]
    Stale(VisionMark),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for EvaluationStoreError {
    fn from(e: sqlx::Error) -> Self {
        EvaluationStoreError::Store(StoreError::Database(e))
    }
}

macro_rules! author {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(EvaluationStoreError::NotAllowed),
        }
    };
}

type Row = (
    Uuid,
    String,
    String,
    String,
    String,
    i64,
    i64,
    Option<String>,
    i64,
);

impl Store {
    /// The evaluations of a school year.
    pub async fn goal_evaluations(
        &self,
        school: SchoolId,
        year: SchoolYear,
    ) -> Result<Vec<GoalEvaluation>, StoreError> {
        let rows: Vec<Row> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_YEAR).bind(school.0).bind(year.to_string()).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(
                |(goal, text, result, went_well, adjust, carried, revision, by, at)| {
                    GoalEvaluation {
                        goal,
                        goal_text: Line::from_stored(&text),
                        evaluation: Evaluation {
                            result: Line::from_stored(&result),
                            went_well: Body::from_stored(&went_well),
                            adjust: Body::from_stored(&adjust),
                        },
                        carried: carried == 1,
                        mark: VisionMark { revision, by, at },
                    }
                },
            )
            .collect())
    }

    /// Saves a goal's evaluation for a school year, when nobody saved it since the form showed
    /// it at `expected` (0: not evaluated yet). A changed evaluation is carried over anew.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_goal_evaluation(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        goal: Uuid,
        goal_text: &Line,
        expected: i64,
        evaluation: &Evaluation,
    ) -> Result<(), EvaluationStoreError> {
        let year = year.to_string();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let row: Option<(i64, Option<String>, i64)> = sqlx::query_as(SELECT_ONE).bind(school.0).bind(&year).bind(goal).fetch_optional(&mut *tx).await?;
            let sql = match row {
                None if expected == 0 => INSERT,
                Some((revision, _, _)) if revision == expected => UPDATE,
                Some((revision, by, at)) => return Err(EvaluationStoreError::Stale(VisionMark { revision, by, at })),
                None => return Err(EvaluationStoreError::Stale(VisionMark::default())),
            };
            sqlx::query(sql).bind(school.0).bind(&year).bind(goal).bind(goal_text.as_str())
                .bind(evaluation.result.as_str()).bind(evaluation.went_well.as_str()).bind(evaluation.adjust.as_str())
                .bind(actor.0).bind(now_millis())
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Marks an evaluation's adjustment as carried into the vision's draft (act), when it has
    /// one and is what the form showed (`expected`).
    pub async fn carry_goal_evaluation(
        &self,
        school: SchoolId,
        actor: UserId,
        year: SchoolYear,
        goal: Uuid,
        expected: i64,
    ) -> Result<(), EvaluationStoreError> {
        let year = year.to_string();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let done = sqlx::query(CARRY).bind(school.0).bind(&year).bind(goal).bind(actor.0).bind(now_millis()).bind(expected).execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                let row: Option<(i64, Option<String>, i64)> = sqlx::query_as(SELECT_ONE).bind(school.0).bind(&year).bind(goal).fetch_optional(&mut *tx).await?;
                return Err(match row {
                    Some((revision, by, at)) if revision != expected => EvaluationStoreError::Stale(VisionMark { revision, by, at }),
                    _ => EvaluationStoreError::NotFound,
                });
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The adjustments carried into the vision's draft, per goal, newest school year first:
    /// `(goal, school year, what to adjust)`.
    pub async fn carried_adjustments(
        &self,
        school: SchoolId,
    ) -> Result<Vec<(Uuid, String, Body)>, StoreError> {
        let rows: Vec<(Uuid, String, String)> = on_pool!(self, pool =>
            sqlx::query_as(CARRIED_FOR).bind(school.0).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(goal, year, adjust)| (goal, year, Body::from_stored(&adjust)))
            .collect())
    }
}
