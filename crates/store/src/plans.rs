//! Development plans. A plan is a person's goals in a school and is read and written for its
//! owner only: every query takes the school and the owner, and the caller passes the
//! signed-in person as the owner, never an id from a request. A colleague reads a plan only
//! through [`Store::shared_plan`], which checks that the owner shared it with them.

use std::collections::HashMap;

use domain::Code;
use domain::account::UserId;
use domain::framework::Date;
use domain::plan::{
    Action, ActionFields, ActionId, ActionStatus, Goal, GoalFields, GoalId, GoalStatus, Line,
    MAX_ACTIONS, MAX_GOALS, Partner, PlanInputError,
};
use domain::scan::Note;
use domain::school::SchoolId;
use uuid::Uuid;

use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_GOALS: &str = "SELECT id, what, why, support, partner_id, partner_name, target_on, \
     status, reflection, round_id, made_on, revision FROM plan_goals \
     WHERE school_id = $1 AND owner_id = $2 ORDER BY position, created_at";
const SELECT_GOAL_STATEMENTS: &str = "SELECT s.goal_id, s.code FROM plan_goal_statements s \
     JOIN plan_goals g ON g.id = s.goal_id WHERE g.school_id = $1 AND g.owner_id = $2 \
     ORDER BY s.position";
const SELECT_ACTIONS: &str = "SELECT a.goal_id, a.id, a.text, a.status, a.due_on, a.conversation_id \
     FROM plan_actions a JOIN plan_goals g ON g.id = a.goal_id \
     WHERE g.school_id = $1 AND g.owner_id = $2 ORDER BY a.position, a.created_at";
const SELECT_COMMENTS: &str = "SELECT c.id, c.goal_id, c.author_id, u.name, c.text, c.created_at \
     FROM plan_comments c JOIN plan_goals g ON g.id = c.goal_id \
     LEFT JOIN users u ON u.id = c.author_id \
     WHERE g.school_id = $1 AND g.owner_id = $2 ORDER BY c.created_at";
const SELECT_SHARES: &str = "SELECT s.partner_id, u.name, s.mode, s.created_at FROM plan_shares s \
     JOIN users u ON u.id = s.partner_id \
     WHERE s.school_id = $1 AND s.owner_id = $2 ORDER BY u.name";
const COUNT_GOALS: &str = "SELECT COUNT(*) FROM plan_goals WHERE school_id = $1 AND owner_id = $2";
const NEXT_GOAL_POSITION: &str =
    "SELECT COALESCE(MAX(position), 0) + 1 FROM plan_goals WHERE school_id = $1 AND owner_id = $2";
const INSERT_GOAL: &str = "INSERT INTO plan_goals (id, school_id, owner_id, position, what, why, \
     support, partner_id, partner_name, target_on, status, reflection, round_id, made_on, \
     created_at, updated_at, revision) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, 0)";
const INSERT_GOAL_STATEMENT: &str =
    "INSERT INTO plan_goal_statements (goal_id, position, code) VALUES ($1, $2, $3)";
const DELETE_GOAL_STATEMENTS: &str = "DELETE FROM plan_goal_statements WHERE goal_id = $1";
const SELECT_GOAL_REVISION: &str = "SELECT revision, target_on, made_on FROM plan_goals \
     WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const UPDATE_GOAL: &str = "UPDATE plan_goals SET what = $4, why = $5, support = $6, partner_id = $7, \
     partner_name = $8, target_on = $9, status = $10, reflection = $11, updated_at = $12, \
     revision = revision + 1 WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const BUMP_GOAL: &str = "UPDATE plan_goals SET updated_at = $4, revision = revision + 1 \
     WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const DELETE_GOAL: &str =
    "DELETE FROM plan_goals WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const COUNT_ACTIONS: &str = "SELECT COUNT(*) FROM plan_actions WHERE goal_id = $1";
const NEXT_ACTION_POSITION: &str =
    "SELECT COALESCE(MAX(position), 0) + 1 FROM plan_actions WHERE goal_id = $1";
const INSERT_ACTION: &str = "INSERT INTO plan_actions \
     (id, goal_id, position, text, status, due_on, conversation_id, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
const UPDATE_ACTION: &str =
    "UPDATE plan_actions SET text = $3, status = $4, due_on = $5 WHERE id = $1 AND goal_id = $2";
const DELETE_ACTION: &str = "DELETE FROM plan_actions WHERE id = $1 AND goal_id = $2";
const UPSERT_SHARE: &str = "INSERT INTO plan_shares (school_id, owner_id, partner_id, mode, created_at) \
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (school_id, owner_id, partner_id) \
     DO UPDATE SET mode = excluded.mode";
const DELETE_SHARE: &str =
    "DELETE FROM plan_shares WHERE school_id = $1 AND owner_id = $2 AND partner_id = $3";
/// The plans shared with a person whose owners are still active members.
const SELECT_SHARED_WITH: &str = "SELECT s.owner_id, u.name, s.mode FROM plan_shares s \
     JOIN users u ON u.id = s.owner_id \
     JOIN memberships m ON m.school_id = s.school_id AND m.user_id = s.owner_id AND m.active = 1 \
     WHERE s.school_id = $1 AND s.partner_id = $2 ORDER BY u.name";
const SELECT_SHARE_MODE: &str = "SELECT s.mode, u.name FROM plan_shares s \
     JOIN users u ON u.id = s.owner_id \
     JOIN memberships m ON m.school_id = s.school_id AND m.user_id = s.owner_id AND m.active = 1 \
     WHERE s.school_id = $1 AND s.owner_id = $2 AND s.partner_id = $3";
const SELECT_GOAL_OWNER: &str = "SELECT owner_id FROM plan_goals WHERE id = $1 AND school_id = $2";
const INSERT_COMMENT: &str = "INSERT INTO plan_comments (id, goal_id, author_id, text, created_at) \
     VALUES ($1, $2, $3, $4, $5)";
const SELECT_COMMENT: &str = "SELECT c.author_id, g.owner_id FROM plan_comments c \
     JOIN plan_goals g ON g.id = c.goal_id WHERE c.id = $1 AND g.school_id = $2";
const DELETE_COMMENT: &str = "DELETE FROM plan_comments WHERE id = $1";

/// What leaves with a person who is removed from a school (`$1` the school, `$2` the
/// person): their goals (with actions and comments), the shares of and with them, their
/// comments on others' plans, and their conversations, except that a partner who was
/// shared one keeps its agreements (without the agenda, and without the owner's name).
pub(crate) const FORGET_IN_SCHOOL: [&str; 8] = [
    "DELETE FROM plan_comments WHERE author_id = $2 AND goal_id IN \
     (SELECT id FROM plan_goals WHERE school_id = $1)",
    "DELETE FROM plan_goals WHERE school_id = $1 AND owner_id = $2",
    "DELETE FROM plan_shares WHERE school_id = $1 AND (owner_id = $2 OR partner_id = $2)",
    "DELETE FROM conversations WHERE school_id = $1 AND owner_id = $2 \
     AND (shared = 0 OR partner_id IS NULL)",
    "DELETE FROM conversation_steps WHERE conversation_id IN \
     (SELECT id FROM conversations WHERE school_id = $1 AND owner_id = $2)",
    "UPDATE conversations SET owner_id = NULL WHERE school_id = $1 AND owner_id = $2",
    "UPDATE conversations SET partner_id = NULL, shared = 0 WHERE school_id = $1 AND partner_id = $2",
    "DELETE FROM conversations WHERE school_id = $1 AND owner_id IS NULL AND partner_id IS NULL",
];

/// What leaves with a deleted account (`$1` the person), before the account row goes (its
/// foreign keys then clear the owner, partner and author columns that are left): the same
/// as [`FORGET_IN_SCHOOL`], in every school.
pub(crate) const FORGET_ACCOUNT: [&str; 3] = [
    "DELETE FROM plan_comments WHERE author_id = $1",
    "DELETE FROM conversations WHERE owner_id = $1 AND (shared = 0 OR partner_id IS NULL)",
    "DELETE FROM conversation_steps WHERE conversation_id IN \
     (SELECT id FROM conversations WHERE owner_id = $1)",
];

/// After an account is deleted: conversations neither of whose people is left.
pub(crate) const FORGET_ORPHANS: &str =
    "DELETE FROM conversations WHERE owner_id IS NULL AND partner_id IS NULL";

/// How much a colleague may do with a plan shared with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareMode {
    /// *lezen*: read it.
    Read,
    /// *reageren*: read it and comment on its goals.
    Comment,
}

impl ShareMode {
    pub const fn code(self) -> &'static str {
        match self {
            ShareMode::Read => "lezen",
            ShareMode::Comment => "reageren",
        }
    }

    pub fn parse(code: &str) -> Option<ShareMode> {
        match code {
            "lezen" => Some(ShareMode::Read),
            "reageren" => Some(ShareMode::Comment),
            _ => None,
        }
    }
}

/// A colleague a plan is shared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanShare {
    pub partner: UserId,
    pub name: String,
    pub mode: ShareMode,
    pub since: i64,
}

/// A colleague's comment on a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub id: Uuid,
    pub goal: GoalId,
    /// `None` once the author deleted their account.
    pub author: Option<UserId>,
    pub author_name: Option<String>,
    pub text: Line,
    pub at: i64,
}

/// A person's plan in a school: the goals, who it is shared with, and the comments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    pub goals: Vec<Goal>,
    pub shares: Vec<PlanShare>,
    pub comments: Vec<Comment>,
}

impl Plan {
    pub fn goal(&self, id: GoalId) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }
}

/// A plan shared with the reader: whose, and how much the reader may do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedPlan {
    pub owner: UserId,
    pub owner_name: String,
    pub mode: ShareMode,
}

/// Why a change to a plan was not made. Nothing was stored.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// No such goal, action or comment of this person in this school.
    #[error("not found")]
    NotFound,
    /// The goal changed since the form was shown (another tab, another device).
    #[error("the goal changed since the form was shown")]
    Stale,
    /// The person is not (or no longer) allowed: not an active member, not shared with.
    #[error("not allowed")]
    NotAllowed,
    /// What was sent breaks a rule of the plan.
    #[error("{0}")]
    Refused(PlanInputError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for PlanError {
    fn from(e: sqlx::Error) -> Self {
        PlanError::Store(StoreError::Database(e))
    }
}

pub(crate) fn date_text(d: Date) -> String {
    d.to_string()
}

pub(crate) fn parse_date(text: &str) -> Result<Date, StoreError> {
    Date::parse(text).ok_or_else(|| StoreError::CorruptRow(format!("date '{text}'")))
}

fn optional_date(text: Option<String>) -> Result<Option<Date>, StoreError> {
    text.as_deref().map(parse_date).transpose()
}

fn goal_status(code: &str) -> Result<GoalStatus, StoreError> {
    GoalStatus::parse(code).ok_or_else(|| StoreError::CorruptRow(format!("goal status '{code}'")))
}

fn action_status(code: &str) -> Result<ActionStatus, StoreError> {
    ActionStatus::parse(code)
        .ok_or_else(|| StoreError::CorruptRow(format!("action status '{code}'")))
}

fn note(text: Option<String>) -> Option<Note> {
    text.as_deref().map(Note::from_stored)
}

/// A partner as columns: a colleague's id, or a name.
pub(crate) fn partner_columns(partner: Option<&Partner>) -> (Option<Uuid>, Option<String>) {
    match partner {
        Some(Partner::Colleague(id)) => (Some(id.0), None),
        Some(Partner::Named(name)) => (None, Some(name.to_string())),
        None => (None, None),
    }
}

/// A partner from its columns; a colleague who deleted their account is none.
pub(crate) fn partner_of(id: Option<Uuid>, name: Option<String>) -> Option<Partner> {
    match (id, name) {
        (Some(id), _) => Some(Partner::Colleague(UserId(id))),
        (None, Some(name)) => Some(Partner::Named(Line::from_stored(&name))),
        (None, None) => None,
    }
}

type GoalRow = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<Uuid>,
    String,
    i64,
);
type ActionRow = (Uuid, Uuid, String, String, Option<String>, Option<Uuid>);
type CommentRow = (Uuid, Uuid, Option<Uuid>, Option<String>, String, i64);
type ShareRow = (Uuid, String, String, i64);

fn plan_of(
    goals: Vec<GoalRow>,
    statements: Vec<(Uuid, String)>,
    actions: Vec<ActionRow>,
    comments: Vec<CommentRow>,
    shares: Vec<ShareRow>,
) -> Result<Plan, StoreError> {
    let mut codes: HashMap<Uuid, Vec<Code>> = HashMap::new();
    for (goal, code) in statements {
        let code = Code::parse(&code)
            .ok_or_else(|| StoreError::CorruptRow(format!("statement code '{code}'")))?;
        codes.entry(goal).or_default().push(code);
    }
    let mut steps: HashMap<Uuid, Vec<Action>> = HashMap::new();
    for (goal, id, text, status, due, conversation) in actions {
        steps.entry(goal).or_default().push(Action {
            id: ActionId(id),
            text: Line::from_stored(&text),
            status: action_status(&status)?,
            due: optional_date(due)?,
            conversation,
        });
    }
    let goals = goals
        .into_iter()
        .map(
            |(
                id,
                what,
                why,
                support,
                partner_id,
                partner_name,
                target,
                status,
                reflection,
                round,
                made_on,
                revision,
            )| {
                Ok(Goal {
                    id: GoalId(id),
                    what: Line::from_stored(&what),
                    why: note(why),
                    statements: codes.remove(&id).unwrap_or_default(),
                    support: note(support),
                    partner: partner_of(partner_id, partner_name),
                    target: optional_date(target)?,
                    status: goal_status(&status)?,
                    reflection: note(reflection),
                    actions: steps.remove(&id).unwrap_or_default(),
                    round,
                    made_on: parse_date(&made_on)?,
                    revision,
                })
            },
        )
        .collect::<Result<Vec<_>, StoreError>>()?;
    let comments = comments
        .into_iter()
        .map(|(id, goal, author, name, text, at)| Comment {
            id,
            goal: GoalId(goal),
            author: author.map(UserId),
            author_name: name,
            text: Line::from_stored(&text),
            at,
        })
        .collect();
    let shares = shares
        .into_iter()
        .map(|(partner, name, mode, since)| {
            Ok(PlanShare {
                partner: UserId(partner),
                name,
                mode: ShareMode::parse(&mode)
                    .ok_or_else(|| StoreError::CorruptRow(format!("share mode '{mode}'")))?,
                since,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(Plan {
        goals,
        shares,
        comments,
    })
}

/// Refuses, inside a transaction, a person who is not an active member of the school.
macro_rules! active_member {
    ($tx:expr, $school:expr, $user:expr) => {
        if active_permission!($tx, $school.0, $user.0).is_none() {
            return Err(PlanError::NotAllowed);
        }
    };
}
pub(crate) use active_member;

/// Checks, inside a transaction, that the goal is the owner's in this school and (when a
/// revision is given) unchanged since the form was shown; evaluates to its target date and
/// the day it was made.
macro_rules! own_goal {
    ($tx:expr, $school:expr, $owner:expr, $goal:expr, $revision:expr) => {{
        let row: Option<(i64, Option<String>, String)> = sqlx::query_as(SELECT_GOAL_REVISION)
            .bind($goal.0)
            .bind($school.0)
            .bind($owner.0)
            .fetch_optional(&mut *$tx)
            .await?;
        let Some((revision, target, made_on)) = row else {
            return Err(PlanError::NotFound);
        };
        if $revision.is_some_and(|r: i64| r != revision) {
            return Err(PlanError::Stale);
        }
        (optional_date(target)?, parse_date(&made_on)?)
    }};
}

impl Store {
    /// A person's own plan in a school.
    pub async fn plan(&self, school: SchoolId, owner: UserId) -> Result<Plan, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let goals: Vec<GoalRow> = sqlx::query_as(SELECT_GOALS).bind(school.0).bind(owner.0).fetch_all(&mut *tx).await?;
            let plan = if goals.is_empty() {
                let shares: Vec<ShareRow> = sqlx::query_as(SELECT_SHARES).bind(school.0).bind(owner.0).fetch_all(&mut *tx).await?;
                plan_of(goals, Vec::new(), Vec::new(), Vec::new(), shares)?
            } else {
                let statements: Vec<(Uuid, String)> = sqlx::query_as(SELECT_GOAL_STATEMENTS).bind(school.0).bind(owner.0).fetch_all(&mut *tx).await?;
                let actions: Vec<ActionRow> = sqlx::query_as(SELECT_ACTIONS).bind(school.0).bind(owner.0).fetch_all(&mut *tx).await?;
                let comments: Vec<CommentRow> = sqlx::query_as(SELECT_COMMENTS).bind(school.0).bind(owner.0).fetch_all(&mut *tx).await?;
                let shares: Vec<ShareRow> = sqlx::query_as(SELECT_SHARES).bind(school.0).bind(owner.0).fetch_all(&mut *tx).await?;
                plan_of(goals, statements, actions, comments, shares)?
            };
            tx.commit().await?;
            Ok(plan)
        })
    }

    /// Adds a goal to the owner's plan; refused when the plan is full or the owner is no
    /// active member. `made_on` is today; `round` the round the goal is made in.
    pub async fn add_goal(
        &self,
        school: SchoolId,
        owner: UserId,
        fields: &GoalFields,
        round: Option<Uuid>,
        made_on: Date,
    ) -> Result<GoalId, PlanError> {
        let id = Uuid::new_v4();
        let now = now_millis();
        let (partner_id, partner_name) = partner_columns(fields.partner.as_ref());
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            if let Some(Partner::Colleague(partner)) = &fields.partner {
                active_member!(tx, school, partner);
            }
            let (count,): (i64,) = sqlx::query_as(COUNT_GOALS).bind(school.0).bind(owner.0).fetch_one(&mut *tx).await?;
            if usize::try_from(count).unwrap_or(usize::MAX) >= MAX_GOALS {
                return Err(PlanError::Refused(PlanInputError::TooManyGoals { max: MAX_GOALS }));
            }
            let (position,): (i64,) = sqlx::query_as(NEXT_GOAL_POSITION).bind(school.0).bind(owner.0).fetch_one(&mut *tx).await?;
            sqlx::query(INSERT_GOAL)
                .bind(id)
                .bind(school.0)
                .bind(owner.0)
                .bind(position)
                .bind(fields.what.as_str())
                .bind(fields.why.as_ref().map(Note::as_str))
                .bind(fields.support.as_ref().map(Note::as_str))
                .bind(partner_id)
                .bind(&partner_name)
                .bind(fields.target.map(date_text))
                .bind(fields.status.code())
                .bind(fields.reflection.as_ref().map(Note::as_str))
                .bind(round)
                .bind(date_text(made_on))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            for (i, code) in fields.statements.iter().enumerate() {
                sqlx::query(INSERT_GOAL_STATEMENT).bind(id).bind(i as i64).bind(code.as_str()).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(GoalId(id))
    }

    /// Changes a goal of the owner's, if it is unchanged since `revision`.
    pub async fn update_goal(
        &self,
        school: SchoolId,
        owner: UserId,
        goal: GoalId,
        revision: i64,
        fields: &GoalFields,
    ) -> Result<(), PlanError> {
        let now = now_millis();
        let (partner_id, partner_name) = partner_columns(fields.partner.as_ref());
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            if let Some(Partner::Colleague(partner)) = &fields.partner {
                active_member!(tx, school, partner);
            }
            own_goal!(tx, school, owner, goal, Some(revision));
            sqlx::query(UPDATE_GOAL)
                .bind(goal.0)
                .bind(school.0)
                .bind(owner.0)
                .bind(fields.what.as_str())
                .bind(fields.why.as_ref().map(Note::as_str))
                .bind(fields.support.as_ref().map(Note::as_str))
                .bind(partner_id)
                .bind(&partner_name)
                .bind(fields.target.map(date_text))
                .bind(fields.status.code())
                .bind(fields.reflection.as_ref().map(Note::as_str))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(DELETE_GOAL_STATEMENTS).bind(goal.0).execute(&mut *tx).await?;
            for (i, code) in fields.statements.iter().enumerate() {
                sqlx::query(INSERT_GOAL_STATEMENT).bind(goal.0).bind(i as i64).bind(code.as_str()).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a goal of the owner's with its actions and comments (agreements that became
    /// its actions stay in their conversation).
    pub async fn delete_goal(
        &self,
        school: SchoolId,
        owner: UserId,
        goal: GoalId,
        revision: i64,
    ) -> Result<(), PlanError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            own_goal!(tx, school, owner, goal, Some(revision));
            sqlx::query(DELETE_GOAL).bind(goal.0).bind(school.0).bind(owner.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds an action to a goal of the owner's, if the goal is unchanged since `revision`.
    pub async fn add_action(
        &self,
        school: SchoolId,
        owner: UserId,
        goal: GoalId,
        revision: i64,
        fields: &ActionFields,
    ) -> Result<ActionId, PlanError> {
        let id = Uuid::new_v4();
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            own_goal!(tx, school, owner, goal, Some(revision));
            let (count,): (i64,) = sqlx::query_as(COUNT_ACTIONS).bind(goal.0).fetch_one(&mut *tx).await?;
            if usize::try_from(count).unwrap_or(usize::MAX) >= MAX_ACTIONS {
                return Err(PlanError::Refused(PlanInputError::TooManyActions { max: MAX_ACTIONS }));
            }
            let (position,): (i64,) = sqlx::query_as(NEXT_ACTION_POSITION).bind(goal.0).fetch_one(&mut *tx).await?;
            sqlx::query(INSERT_ACTION)
                .bind(id)
                .bind(goal.0)
                .bind(position)
                .bind(fields.text.as_str())
                .bind(fields.status.code())
                .bind(fields.due.map(date_text))
                .bind(None::<Uuid>)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(BUMP_GOAL).bind(goal.0).bind(school.0).bind(owner.0).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(ActionId(id))
    }

    /// Changes (`Some`) or removes (`None`) an action of a goal of the owner's, if the goal is
    /// unchanged since `revision`.
    pub async fn change_action(
        &self,
        school: SchoolId,
        owner: UserId,
        goal: GoalId,
        revision: i64,
        action: ActionId,
        fields: Option<&ActionFields>,
    ) -> Result<(), PlanError> {
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            own_goal!(tx, school, owner, goal, Some(revision));
            let done = match fields {
                Some(fields) => sqlx::query(UPDATE_ACTION)
                    .bind(action.0)
                    .bind(goal.0)
                    .bind(fields.text.as_str())
                    .bind(fields.status.code())
                    .bind(fields.due.map(date_text))
                    .execute(&mut *tx)
                    .await?,
                None => sqlx::query(DELETE_ACTION).bind(action.0).bind(goal.0).execute(&mut *tx).await?,
            };
            if done.rows_affected() != 1 {
                return Err(PlanError::NotFound);
            }
            sqlx::query(BUMP_GOAL).bind(goal.0).bind(school.0).bind(owner.0).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Shares the owner's plan with a colleague (`Some(mode)`), or stops (`None`). Refused
    /// for someone who is not an active member of the school, or the owner themselves.
    pub async fn share_plan(
        &self,
        school: SchoolId,
        owner: UserId,
        partner: UserId,
        mode: Option<ShareMode>,
    ) -> Result<(), PlanError> {
        if partner == owner {
            return Err(PlanError::Refused(PlanInputError::NotAColleague));
        }
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            match mode {
                Some(mode) => {
                    if active_permission!(tx, school.0, partner.0).is_none() {
                        return Err(PlanError::Refused(PlanInputError::NotAColleague));
                    }
                    sqlx::query(UPSERT_SHARE).bind(school.0).bind(owner.0).bind(partner.0).bind(mode.code()).bind(now_millis()).execute(&mut *tx).await?;
                }
                None => {
                    let gone = sqlx::query(DELETE_SHARE).bind(school.0).bind(owner.0).bind(partner.0).execute(&mut *tx).await?;
                    if gone.rows_affected() == 0 {
                        return Err(PlanError::NotFound);
                    }
                }
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// The plans colleagues shared with `reader` in a school (owners who are still active).
    pub async fn plans_shared_with(
        &self,
        school: SchoolId,
        reader: UserId,
    ) -> Result<Vec<SharedPlan>, StoreError> {
        let rows: Vec<(Uuid, String, String)> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_SHARED_WITH).bind(school.0).bind(reader.0).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(|(owner, owner_name, mode)| {
                Ok(SharedPlan {
                    owner: UserId(owner),
                    owner_name,
                    mode: ShareMode::parse(&mode)
                        .ok_or_else(|| StoreError::CorruptRow(format!("share mode '{mode}'")))?,
                })
            })
            .collect()
    }

    /// A colleague's plan, when its owner shared it with `reader` and is still an active
    /// member; `None` otherwise (the caller answers as for a page that does not exist). The
    /// plan comes without its list of shares: who else reads it is the owner's business.
    pub async fn shared_plan(
        &self,
        school: SchoolId,
        owner: UserId,
        reader: UserId,
    ) -> Result<Option<(SharedPlan, Plan)>, StoreError> {
        let row: Option<(String, String)> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_SHARE_MODE).bind(school.0).bind(owner.0).bind(reader.0).fetch_optional(pool).await?
        });
        let Some((mode, owner_name)) = row else {
            return Ok(None);
        };
        let mode = ShareMode::parse(&mode)
            .ok_or_else(|| StoreError::CorruptRow(format!("share mode '{mode}'")))?;
        let mut plan = self.plan(school, owner).await?;
        plan.shares.clear();
        Ok(Some((
            SharedPlan {
                owner,
                owner_name,
                mode,
            },
            plan,
        )))
    }

    /// A comment by `author` on a goal of a plan shared with them to comment on.
    pub async fn add_comment(
        &self,
        school: SchoolId,
        goal: GoalId,
        author: UserId,
        text: &Line,
    ) -> Result<(), PlanError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, author);
            let owner: Option<(Uuid,)> = sqlx::query_as(SELECT_GOAL_OWNER).bind(goal.0).bind(school.0).fetch_optional(&mut *tx).await?;
            let Some((owner,)) = owner else {
                return Err(PlanError::NotFound);
            };
            let mode: Option<(String, String)> = sqlx::query_as(SELECT_SHARE_MODE).bind(school.0).bind(owner).bind(author.0).fetch_optional(&mut *tx).await?;
            match mode {
                Some((mode, _)) if mode == ShareMode::Comment.code() => {}
                Some(_) => return Err(PlanError::NotAllowed),
                None => return Err(PlanError::NotFound),
            }
            sqlx::query(INSERT_COMMENT).bind(Uuid::new_v4()).bind(goal.0).bind(author.0).bind(text.as_str()).bind(now_millis()).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a comment: its author may, and so may the plan's owner.
    pub async fn delete_comment(
        &self,
        school: SchoolId,
        comment: Uuid,
        by: UserId,
    ) -> Result<(), PlanError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, by);
            let row: Option<(Option<Uuid>, Uuid)> = sqlx::query_as(SELECT_COMMENT).bind(comment).bind(school.0).fetch_optional(&mut *tx).await?;
            match row {
                Some((author, owner)) if author == Some(by.0) || owner == by.0 => {}
                _ => return Err(PlanError::NotFound),
            }
            sqlx::query(DELETE_COMMENT).bind(comment).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
