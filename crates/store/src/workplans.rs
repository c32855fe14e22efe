//! Work plans (*werkplan*): per team and school year, the goals of a published version of the
//! vision the team takes up and its activities for them. Coordinators and administrators make
//! and change them; every member reads them. Every query takes the school.

use domain::account::{Permission, UserId};
use domain::allocation::SchoolYear;
use domain::plan::Line;
use domain::school::SchoolId;
use domain::workplan::{ACTIVITIES_MAX, Activity};
use uuid::Uuid;

use crate::plans::{date_text, parse_date};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_PLANS: &str = "SELECT p.id, p.title, p.school_year, v.number, p.goals, \
     (SELECT COUNT(*) FROM work_plan_activities a WHERE a.plan_id = p.id) \
     FROM work_plans p JOIN vision_versions v ON v.id = p.version_id \
     WHERE p.school_id = $1 ORDER BY p.school_year DESC, p.title, p.created_at";
const SELECT_PLAN: &str = "SELECT title, school_year, version_id, goals, revision FROM work_plans \
     WHERE id = $1 AND school_id = $2";
const SELECT_ACTIVITIES: &str = "SELECT id, goal_id, text, owner, due FROM work_plan_activities \
     WHERE plan_id = $1 ORDER BY position, created_at";
const VERSION_OF_SCHOOL: &str =
    "SELECT content FROM vision_versions WHERE id = $1 AND school_id = $2";
const INSERT_PLAN: &str = "INSERT INTO work_plans (id, school_id, title, school_year, version_id, \
     goals, created_by, created_at, revision) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0)";
const UPDATE_GOALS: &str = "UPDATE work_plans SET title = $3, goals = $4, revision = revision + 1 \
     WHERE id = $1 AND school_id = $2 AND revision = $5";
const BUMP: &str = "UPDATE work_plans SET revision = revision + 1 WHERE id = $1 AND school_id = $2";
const COUNT_ACTIVITIES: &str =
    "SELECT COUNT(*), COALESCE(MAX(position), 0) FROM work_plan_activities WHERE plan_id = $1";
const INSERT_ACTIVITY: &str = "INSERT INTO work_plan_activities (id, plan_id, goal_id, position, text, \
     owner, due, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const DELETE_ACTIVITY: &str = "DELETE FROM work_plan_activities WHERE id = $1 AND plan_id = $2";
const SELECT_ACTIVITY_GOALS: &str =
    "SELECT id, goal_id FROM work_plan_activities WHERE plan_id = $1";
const DELETE_PLAN: &str = "DELETE FROM work_plans WHERE id = $1 AND school_id = $2";

/// What leaves a school's work plans with a person removed from it: their name as who made one.
pub(crate) const FORGET_IN_SCHOOL: &str =
    "UPDATE work_plans SET created_by = NULL WHERE school_id = $1 AND created_by = $2";

/// A work plan as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkPlanSummary {
    pub id: Uuid,
    pub title: Line,
    pub year: SchoolYear,
    /// The number of the vision's version it derives from.
    pub version: i64,
    pub goals: usize,
    pub activities: usize,
}

/// A work plan with its goals (ids in the version's snapshot) and activities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkPlan {
    pub id: Uuid,
    pub title: Line,
    pub year: SchoolYear,
    pub version: Uuid,
    pub goals: Vec<Uuid>,
    pub activities: Vec<Activity>,
    pub revision: i64,
}

/// Why a change to a work plan was not made. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum WorkPlanStoreError {
    #[error("only coordinators and administrators change work plans")]
    NotAllowed,
    #[error("no such work plan, version or activity")]
    NotFound,
    #[error("the plan changed since the form was shown")]
    Stale,
    /// A goal that is not in the version the plan derives from.
    #[error("not a goal of the plan's version")]
    UnknownGoal,
    #[error("a work plan holds at most {ACTIVITIES_MAX} activities")]
    TooManyActivities,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for WorkPlanStoreError {
    fn from(e: sqlx::Error) -> Self {
        WorkPlanStoreError::Store(StoreError::Database(e))
    }
}

macro_rules! author {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(WorkPlanStoreError::NotAllowed),
        }
    };
}

fn ids_text(ids: &[Uuid]) -> String {
    ids.iter()
        .map(Uuid::to_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn ids_of(text: &str) -> Vec<Uuid> {
    text.split_whitespace()
        .filter_map(|s| Uuid::parse_str(s).ok())
        .collect()
}

fn year_of(text: &str) -> Result<SchoolYear, StoreError> {
    SchoolYear::parse(text).ok_or_else(|| StoreError::CorruptRow(format!("school year '{text}'")))
}

/// The goal ids of a version's content, or `None` when the version is not of this school.
fn version_goals(content: Option<(String,)>) -> Result<Option<Vec<Uuid>>, StoreError> {
    content
        .map(|(c,)| crate::vision::content_goal_ids(&c))
        .transpose()
}

impl Store {
    /// The school's work plans, newest school year first.
    pub async fn work_plans(&self, school: SchoolId) -> Result<Vec<WorkPlanSummary>, StoreError> {
        let rows: Vec<(Uuid, String, String, i64, String, i64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_PLANS).bind(school.0).fetch_all(pool).await?);
        rows.into_iter()
            .map(|(id, title, year, version, goals, activities)| {
                Ok(WorkPlanSummary {
                    id,
                    title: Line::from_stored(&title),
                    year: year_of(&year)?,
                    version,
                    goals: ids_of(&goals).len(),
                    activities: usize::try_from(activities).unwrap_or(0),
                })
            })
            .collect()
    }

    /// One work plan of the school.
    pub async fn work_plan(
        &self,
        school: SchoolId,
        id: Uuid,
    ) -> Result<Option<WorkPlan>, StoreError> {
        type ActivityRow = (Uuid, Uuid, String, String, Option<String>);
        let (head, activities) = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let head: Option<(String, String, Uuid, String, i64)> = sqlx::query_as(SELECT_PLAN).bind(id).bind(school.0).fetch_optional(&mut *tx).await?;
            let activities: Vec<ActivityRow> = sqlx::query_as(SELECT_ACTIVITIES).bind(id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            (head, activities)
        });
        let Some((title, year, version, goals, revision)) = head else {
            return Ok(None);
        };
        let activities = activities
            .into_iter()
            .map(|(id, goal, text, owner, due)| {
                Ok(Activity {
                    id,
                    goal,
                    text: Line::from_stored(&text),
                    owner: Line::from_stored(&owner),
                    due: due.as_deref().map(parse_date).transpose()?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(WorkPlan {
            id,
            title: Line::from_stored(&title),
            year: year_of(&year)?,
            version,
            goals: ids_of(&goals),
            activities,
            revision,
        }))
    }

    /// Makes a work plan for a school year from a published version of the school's vision,
    /// taking up `goals` (each a goal of that version).
    pub async fn create_work_plan(
        &self,
        school: SchoolId,
        actor: UserId,
        title: &Line,
        year: SchoolYear,
        version: Uuid,
        goals: &[Uuid],
    ) -> Result<Uuid, WorkPlanStoreError> {
        let id = Uuid::new_v4();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let content: Option<(String,)> = sqlx::query_as(VERSION_OF_SCHOOL).bind(version).bind(school.0).fetch_optional(&mut *tx).await?;
            let offered = version_goals(content)?.ok_or(WorkPlanStoreError::NotFound)?;
            if goals.is_empty() || goals.iter().any(|g| !offered.contains(g)) {
                return Err(WorkPlanStoreError::UnknownGoal);
            }
            sqlx::query(INSERT_PLAN).bind(id).bind(school.0).bind(title.as_str()).bind(year.to_string())
                .bind(version).bind(ids_text(goals)).bind(actor.0).bind(now_millis())
                .execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(id)
    }

    /// Renames a plan and changes the goals it takes up, when nobody changed it since the
    /// form showed `expected`. Activities for a goal no longer taken up go with it.
    pub async fn change_work_plan(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
        expected: i64,
        title: &Line,
        goals: &[Uuid],
    ) -> Result<(), WorkPlanStoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let head: Option<(String, String, Uuid, String, i64)> = sqlx::query_as(SELECT_PLAN).bind(id).bind(school.0).fetch_optional(&mut *tx).await?;
            let (_, _, version, _, _) = head.ok_or(WorkPlanStoreError::NotFound)?;
            let content: Option<(String,)> = sqlx::query_as(VERSION_OF_SCHOOL).bind(version).bind(school.0).fetch_optional(&mut *tx).await?;
            let offered = version_goals(content)?.ok_or(WorkPlanStoreError::NotFound)?;
            if goals.is_empty() || goals.iter().any(|g| !offered.contains(g)) {
                return Err(WorkPlanStoreError::UnknownGoal);
            }
            let done = sqlx::query(UPDATE_GOALS).bind(id).bind(school.0).bind(title.as_str()).bind(ids_text(goals)).bind(expected).execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                return Err(WorkPlanStoreError::Stale);
            }
            // The activities of a goal no longer taken up go with it.
            let activities: Vec<(Uuid, Uuid)> = sqlx::query_as(SELECT_ACTIVITY_GOALS).bind(id).fetch_all(&mut *tx).await?;
            for (activity, goal) in activities {
                if !goals.contains(&goal) {
                    sqlx::query(DELETE_ACTIVITY).bind(activity).bind(id).execute(&mut *tx).await?;
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds an activity for one of the plan's goals.
    pub async fn add_work_plan_activity(
        &self,
        school: SchoolId,
        actor: UserId,
        plan: Uuid,
        activity: &Activity,
    ) -> Result<(), WorkPlanStoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let head: Option<(String, String, Uuid, String, i64)> = sqlx::query_as(SELECT_PLAN).bind(plan).bind(school.0).fetch_optional(&mut *tx).await?;
            let (_, _, _, goals, _) = head.ok_or(WorkPlanStoreError::NotFound)?;
            if !ids_of(&goals).contains(&activity.goal) {
                return Err(WorkPlanStoreError::UnknownGoal);
            }
            let (count, last): (i64, i64) = sqlx::query_as(COUNT_ACTIVITIES).bind(plan).fetch_one(&mut *tx).await?;
            if usize::try_from(count).unwrap_or(usize::MAX) >= ACTIVITIES_MAX {
                return Err(WorkPlanStoreError::TooManyActivities);
            }
            sqlx::query(INSERT_ACTIVITY).bind(activity.id).bind(plan).bind(activity.goal).bind(last + 1)
                .bind(activity.text.as_str()).bind(activity.owner.as_str()).bind(activity.due.map(date_text)).bind(now_millis())
                .execute(&mut *tx).await?;
            sqlx::query(BUMP).bind(plan).bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes an activity from a plan.
    pub async fn delete_work_plan_activity(
        &self,
        school: SchoolId,
        actor: UserId,
        plan: Uuid,
        activity: Uuid,
    ) -> Result<(), WorkPlanStoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let head: Option<(String, String, Uuid, String, i64)> = sqlx::query_as(SELECT_PLAN).bind(plan).bind(school.0).fetch_optional(&mut *tx).await?;
            head.ok_or(WorkPlanStoreError::NotFound)?;
            let done = sqlx::query(DELETE_ACTIVITY).bind(activity).bind(plan).execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                return Err(WorkPlanStoreError::NotFound);
            }
            sqlx::query(BUMP).bind(plan).bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a work plan with its activities.
    pub async fn delete_work_plan(
        &self,
        school: SchoolId,
        actor: UserId,
        plan: Uuid,
    ) -> Result<(), WorkPlanStoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let done = sqlx::query(DELETE_PLAN).bind(plan).bind(school.0).execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                return Err(WorkPlanStoreError::NotFound);
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
