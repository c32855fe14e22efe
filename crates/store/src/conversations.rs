//! One-to-one conversations. Its owner prepares one (agenda, partner, day) and may share it
//! with a colleague partner; only the two of them ever read it. Either records agreements:
//! each becomes an action in the owner's plan, under a goal the owner picks or under the
//! conversation's own goal, made the first time it is needed. Every query takes the school
//! and the person asking; a conversation someone may not read is not found.

use std::collections::HashMap;

use domain::account::UserId;
use domain::conversation::{AgendaStep, Agreement, Conversation, Step};
use domain::framework::Date;
use domain::plan::{ActionId, ActionStatus, GoalId, Line, MAX_ACTIONS, Partner, PlanInputError};
use domain::school::SchoolId;
use uuid::Uuid;

use crate::plans::{PlanError, active_member, date_text, parse_date, partner_columns, partner_of};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

/// The conversations a person owns, or that a colleague shared with them, newest first.
const SELECT_LIST: &str = "SELECT c.id, c.owner_id, o.name, c.partner_id, p.name, c.partner_name, \
     c.planned_on, c.shared, c.created_at, \
     (SELECT COUNT(*) FROM conversation_agreements a WHERE a.conversation_id = c.id) \
     FROM conversations c LEFT JOIN users o ON o.id = c.owner_id \
     LEFT JOIN users p ON p.id = c.partner_id \
     WHERE c.school_id = $1 AND (c.owner_id = $2 OR (c.partner_id = $2 AND c.shared = 1)) \
     ORDER BY c.created_at DESC";
const SELECT_ONE: &str = "SELECT c.owner_id, o.name, c.partner_id, p.name, c.partner_name, \
     c.planned_on, c.include_notes, c.shared, c.created_at, c.revision \
     FROM conversations c LEFT JOIN users o ON o.id = c.owner_id \
     LEFT JOIN users p ON p.id = c.partner_id \
     WHERE c.id = $1 AND c.school_id = $2 AND (c.owner_id = $3 OR (c.partner_id = $3 AND c.shared = 1))";
const SELECT_STEPS: &str = "SELECT step, minutes, items FROM conversation_steps WHERE conversation_id = $1 ORDER BY position";
const SELECT_AGREEMENTS: &str = "SELECT a.id, a.text, a.goal_id, a.action_id, a.author_id, u.name, a.created_at \
     FROM conversation_agreements a LEFT JOIN users u ON u.id = a.author_id \
     WHERE a.conversation_id = $1 ORDER BY a.created_at, a.id";
const INSERT_CONVERSATION: &str = "INSERT INTO conversations (id, school_id, owner_id, partner_id, \
     partner_name, planned_on, include_notes, shared, created_at, updated_at, revision) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $8, 0)";
const INSERT_STEP: &str = "INSERT INTO conversation_steps (conversation_id, step, position, minutes, items) \
     VALUES ($1, $2, $3, $4, $5)";
const DELETE_STEPS: &str = "DELETE FROM conversation_steps WHERE conversation_id = $1";
const SELECT_OWNED: &str = "SELECT partner_id, revision, shared FROM conversations \
     WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const UPDATE_CONVERSATION: &str = "UPDATE conversations SET partner_id = $4, partner_name = $5, \
     planned_on = $6, include_notes = $7, shared = $8, updated_at = $9, revision = revision + 1 \
     WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const SET_SHARED: &str = "UPDATE conversations SET shared = $4, updated_at = $5, revision = revision + 1 \
     WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const DELETE_CONVERSATION: &str =
    "DELETE FROM conversations WHERE id = $1 AND school_id = $2 AND owner_id = $3";
const SELECT_FOR_AGREEMENT: &str = "SELECT owner_id, partner_id, shared FROM conversations \
     WHERE id = $1 AND school_id = $2";
const SELECT_OPEN_GOAL: &str = "SELECT id FROM plan_goals \
     WHERE id = $1 AND school_id = $2 AND owner_id = $3 AND status = 'lopend'";
const SELECT_CONVERSATION_GOAL: &str = "SELECT id FROM plan_goals \
     WHERE school_id = $1 AND owner_id = $2 AND conversation_id = $3 ORDER BY created_at";
const INSERT_CONVERSATION_GOAL: &str = "INSERT INTO plan_goals (id, school_id, owner_id, position, what, \
     status, conversation_id, made_on, created_at, updated_at, revision) \
     VALUES ($1, $2, $3, (SELECT COALESCE(MAX(position), 0) + 1 FROM plan_goals WHERE school_id = $2 AND owner_id = $3), \
     $4, 'lopend', $5, $6, $7, $7, 0)";
const COUNT_ACTIONS: &str = "SELECT COUNT(*) FROM plan_actions WHERE goal_id = $1";
const INSERT_ACTION: &str = "INSERT INTO plan_actions \
     (id, goal_id, position, text, status, due_on, conversation_id, created_at) \
     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM plan_actions WHERE goal_id = $2), \
     $3, $4, NULL, $5, $6)";
const BUMP_GOAL: &str =
    "UPDATE plan_goals SET updated_at = $2, revision = revision + 1 WHERE id = $1";
const INSERT_AGREEMENT: &str = "INSERT INTO conversation_agreements \
     (id, conversation_id, text, goal_id, action_id, author_id, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
const LAST_AGREEMENT_AT: &str =
    "SELECT MAX(created_at) FROM conversation_agreements WHERE conversation_id = $1";
const SELECT_AGREEMENT: &str = "SELECT a.author_id, c.owner_id, a.action_id FROM conversation_agreements a \
     JOIN conversations c ON c.id = a.conversation_id \
     WHERE a.id = $1 AND a.conversation_id = $2 AND c.school_id = $3";
const DELETE_AGREEMENT: &str = "DELETE FROM conversation_agreements WHERE id = $1";
/// The action an agreement became, unless the owner has taken it up since.
const DELETE_ACTION: &str = "DELETE FROM plan_actions WHERE id = $1 AND status = 'gepland'";

/// A conversation as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationSummary {
    pub id: Uuid,
    /// `None` once the owner deleted their account (only the agreements are left).
    pub owner: Option<UserId>,
    pub owner_name: Option<String>,
    pub partner: Option<Partner>,
    /// The colleague partner's name (a named partner's name is in `partner`).
    pub partner_name: Option<String>,
    pub planned_on: Option<Date>,
    pub shared: bool,
    pub agreements: usize,
    pub created_at: i64,
}

/// One conversation with the names a page shows: the owner's, the colleague partner's and
/// each agreement's author's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConversationRead {
    pub conversation: Conversation,
    pub owner_name: Option<String>,
    pub partner_name: Option<String>,
    pub authors: HashMap<UserId, String>,
}

/// Where an agreement goes in the owner's plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AgreementGoal {
    /// Under a goal of the owner's (only the owner may choose one).
    Goal(GoalId),
    /// Under the conversation's own goal, made with this title when it is not there yet.
    Conversation(Line),
}

type ListRow = (
    Uuid,
    Option<Uuid>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    i64,
    i64,
);
type OneRow = (
    Option<Uuid>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    i64,
    i64,
    i64,
);
type AgreementRow = (
    Uuid,
    String,
    Option<Uuid>,
    Option<Uuid>,
    Option<Uuid>,
    Option<String>,
    i64,
);

fn step_of(code: &str) -> Result<Step, StoreError> {
    Step::parse(code).ok_or_else(|| StoreError::CorruptRow(format!("conversation step '{code}'")))
}

fn optional_date(text: Option<String>) -> Result<Option<Date>, StoreError> {
    text.as_deref().map(parse_date).transpose()
}

impl Store {
    /// The conversations `user` owns in the school, and those a colleague shared with them.
    pub async fn conversations(
        &self,
        school: SchoolId,
        user: UserId,
    ) -> Result<Vec<ConversationSummary>, StoreError> {
        let rows: Vec<ListRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_LIST).bind(school.0).bind(user.0).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(
                |(
                    id,
                    owner,
                    owner_name,
                    partner_id,
                    partner_user_name,
                    partner_name,
                    planned,
                    shared,
                    created_at,
                    agreements,
                )| {
                    Ok(ConversationSummary {
                        id,
                        owner: owner.map(UserId),
                        owner_name,
                        partner: partner_of(partner_id, partner_name),
                        partner_name: partner_user_name,
                        planned_on: optional_date(planned)?,
                        shared: shared == 1,
                        agreements: usize::try_from(agreements).unwrap_or(0),
                        created_at,
                    })
                },
            )
            .collect()
    }

    /// One conversation, when `reader` may read it (its owner, or its partner once shared);
    /// `None` otherwise.
    pub async fn conversation(
        &self,
        school: SchoolId,
        id: Uuid,
        reader: UserId,
    ) -> Result<Option<ConversationRead>, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let row: Option<OneRow> = sqlx::query_as(SELECT_ONE).bind(id).bind(school.0).bind(reader.0).fetch_optional(&mut *tx).await?;
            let Some((owner, owner_name, partner_id, partner_user_name, partner_name, planned, include_notes, shared, created_at, revision)) = row else {
                return Ok(None);
            };
            let steps: Vec<(String, i64, String)> = sqlx::query_as(SELECT_STEPS).bind(id).fetch_all(&mut *tx).await?;
            let agreements: Vec<AgreementRow> = sqlx::query_as(SELECT_AGREEMENTS).bind(id).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            let steps = steps
                .into_iter()
                .map(|(step, minutes, items)| {
                    Ok(AgendaStep {
                        step: step_of(&step)?,
                        minutes: u32::try_from(minutes).unwrap_or(0),
                        items: items.lines().map(str::to_owned).collect(),
                    })
                })
                .collect::<Result<Vec<_>, StoreError>>()?;
            let mut authors = HashMap::new();
            let agreements = agreements
                .into_iter()
                .map(|(id, text, goal, action, author, name, made_at)| {
                    if let (Some(author), Some(name)) = (author, name) {
                        authors.insert(UserId(author), name);
                    }
                    Agreement {
                        id,
                        text: Line::from_stored(&text),
                        goal: goal.map(GoalId),
                        action: action.map(ActionId),
                        author: author.map(UserId),
                        made_at,
                    }
                })
                .collect();
            Ok(Some(ConversationRead {
                conversation: Conversation {
                    id,
                    owner: owner.map(UserId),
                    partner: partner_of(partner_id, partner_name),
                    planned_on: optional_date(planned)?,
                    include_notes: include_notes == 1,
                    shared: shared == 1,
                    steps,
                    agreements,
                    created_at,
                    revision,
                },
                owner_name,
                partner_name: partner_user_name,
                authors,
            }))
        })
    }

    /// Prepares a conversation: the owner's agenda, partner and day. Not shared yet.
    pub async fn create_conversation(
        &self,
        school: SchoolId,
        owner: UserId,
        partner: Option<&Partner>,
        planned_on: Option<Date>,
        include_notes: bool,
        steps: &[AgendaStep],
    ) -> Result<Uuid, PlanError> {
        let id = Uuid::new_v4();
        let now = now_millis();
        let (partner_id, partner_name) = partner_columns(partner);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            if let Some(Partner::Colleague(partner)) = partner
                && (*partner == owner || active_permission!(tx, school.0, partner.0).is_none())
            {
                return Err(PlanError::Refused(PlanInputError::NotAColleague));
            }
            sqlx::query(INSERT_CONVERSATION)
                .bind(id)
                .bind(school.0)
                .bind(owner.0)
                .bind(partner_id)
                .bind(&partner_name)
                .bind(planned_on.map(date_text))
                .bind(i64::from(include_notes))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            for (i, step) in steps.iter().enumerate() {
                sqlx::query(INSERT_STEP).bind(id).bind(step.step.code()).bind(i as i64).bind(i64::from(step.minutes)).bind(step.text()).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(id)
    }

    /// Changes a conversation the owner prepared, if unchanged since `revision`. A new
    /// partner does not see it until the owner shares it again.
    #[allow(clippy::too_many_arguments)]
    pub async fn update_conversation(
        &self,
        school: SchoolId,
        owner: UserId,
        id: Uuid,
        revision: i64,
        partner: Option<&Partner>,
        planned_on: Option<Date>,
        include_notes: bool,
        steps: &[AgendaStep],
    ) -> Result<(), PlanError> {
        let (partner_id, partner_name) = partner_columns(partner);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            let row: Option<(Option<Uuid>, i64, i64)> = sqlx::query_as(SELECT_OWNED).bind(id).bind(school.0).bind(owner.0).fetch_optional(&mut *tx).await?;
            let Some((was_partner, was_revision, shared)) = row else {
                return Err(PlanError::NotFound);
            };
            if was_revision != revision {
                return Err(PlanError::Stale);
            }
            if let Some(Partner::Colleague(partner)) = partner
                && (*partner == owner || active_permission!(tx, school.0, partner.0).is_none())
            {
                return Err(PlanError::Refused(PlanInputError::NotAColleague));
            }
            let shared = shared == 1 && was_partner.is_some() && was_partner == partner_id;
            sqlx::query(UPDATE_CONVERSATION)
                .bind(id)
                .bind(school.0)
                .bind(owner.0)
                .bind(partner_id)
                .bind(&partner_name)
                .bind(planned_on.map(date_text))
                .bind(i64::from(include_notes))
                .bind(i64::from(shared))
                .bind(now_millis())
                .execute(&mut *tx)
                .await?;
            sqlx::query(DELETE_STEPS).bind(id).execute(&mut *tx).await?;
            for (i, step) in steps.iter().enumerate() {
                sqlx::query(INSERT_STEP).bind(id).bind(step.step.code()).bind(i as i64).bind(i64::from(step.minutes)).bind(step.text()).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Shares a conversation with its colleague partner, or stops. Refused when the partner
    /// is no active colleague (or none, or named in words).
    pub async fn share_conversation(
        &self,
        school: SchoolId,
        owner: UserId,
        id: Uuid,
        shared: bool,
    ) -> Result<(), PlanError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            let row: Option<(Option<Uuid>, i64, i64)> = sqlx::query_as(SELECT_OWNED).bind(id).bind(school.0).bind(owner.0).fetch_optional(&mut *tx).await?;
            let Some((partner, _, _)) = row else {
                return Err(PlanError::NotFound);
            };
            if shared {
                match partner {
                    Some(p) if active_permission!(tx, school.0, p).is_some() => {}
                    _ => return Err(PlanError::Refused(PlanInputError::NotAColleague)),
                }
            }
            sqlx::query(SET_SHARED).bind(id).bind(school.0).bind(owner.0).bind(i64::from(shared)).bind(now_millis()).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a conversation the owner prepared, with its agenda and agreements (the
    /// actions they became stay in the plan).
    pub async fn delete_conversation(
        &self,
        school: SchoolId,
        owner: UserId,
        id: Uuid,
    ) -> Result<(), PlanError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, owner);
            let gone = sqlx::query(DELETE_CONVERSATION).bind(id).bind(school.0).bind(owner.0).execute(&mut *tx).await?;
            if gone.rows_affected() != 1 {
                return Err(PlanError::NotFound);
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Records an agreement by `author` (the owner, or the partner of a shared conversation)
    /// and makes it an action in the owner's plan, all in one transaction.
    pub async fn add_agreement(
        &self,
        school: SchoolId,
        conversation: Uuid,
        author: UserId,
        text: &Line,
        goal: &AgreementGoal,
        today: Date,
    ) -> Result<(), PlanError> {
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, author);
            let row: Option<(Option<Uuid>, Option<Uuid>, i64)> = sqlx::query_as(SELECT_FOR_AGREEMENT).bind(conversation).bind(school.0).fetch_optional(&mut *tx).await?;
            let Some((owner, partner, shared)) = row else {
                return Err(PlanError::NotFound);
            };
            let is_owner = owner == Some(author.0);
            let is_partner = shared == 1 && partner == Some(author.0);
            if !is_owner && !is_partner {
                return Err(PlanError::NotFound);
            }
            // The owner left: the agreements stay as they are.
            let Some(owner) = owner else {
                return Err(PlanError::NotAllowed);
            };
            let goal_id = match goal {
                AgreementGoal::Goal(goal) => {
                    if !is_owner {
                        return Err(PlanError::NotAllowed);
                    }
                    let found: Option<(Uuid,)> = sqlx::query_as(SELECT_OPEN_GOAL).bind(goal.0).bind(school.0).bind(owner).fetch_optional(&mut *tx).await?;
                    found.ok_or(PlanError::NotFound)?.0
                }
                AgreementGoal::Conversation(title) => {
                    let found: Option<(Uuid,)> = sqlx::query_as(SELECT_CONVERSATION_GOAL).bind(school.0).bind(owner).bind(conversation).fetch_optional(&mut *tx).await?;
                    match found {
                        Some((id,)) => id,
                        None => {
                            let id = Uuid::new_v4();
                            sqlx::query(INSERT_CONVERSATION_GOAL).bind(id).bind(school.0).bind(owner).bind(title.as_str()).bind(conversation).bind(date_text(today)).bind(now).execute(&mut *tx).await?;
                            id
                        }
                    }
                }
            };
            let (count,): (i64,) = sqlx::query_as(COUNT_ACTIONS).bind(goal_id).fetch_one(&mut *tx).await?;
            if usize::try_from(count).unwrap_or(usize::MAX) >= MAX_ACTIONS {
                return Err(PlanError::Refused(PlanInputError::TooManyActions { max: MAX_ACTIONS }));
            }
            let action = Uuid::new_v4();
            sqlx::query(INSERT_ACTION).bind(action).bind(goal_id).bind(text.as_str()).bind(ActionStatus::Planned.code()).bind(conversation).bind(now).execute(&mut *tx).await?;
            sqlx::query(BUMP_GOAL).bind(goal_id).bind(now).execute(&mut *tx).await?;
            let (last,): (Option<i64>,) = sqlx::query_as(LAST_AGREEMENT_AT).bind(conversation).fetch_one(&mut *tx).await?;
            sqlx::query(INSERT_AGREEMENT).bind(Uuid::new_v4()).bind(conversation).bind(text.as_str()).bind(goal_id).bind(action).bind(author.0).bind(crate::listed_after(now, last)).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes an agreement, and the action it became while that is still only planned: its
    /// author may, and so may the conversation's owner.
    pub async fn delete_agreement(
        &self,
        school: SchoolId,
        conversation: Uuid,
        agreement: Uuid,
        by: UserId,
    ) -> Result<(), PlanError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            active_member!(tx, school, by);
            let row: Option<(Option<Uuid>, Option<Uuid>, Option<Uuid>)> = sqlx::query_as(SELECT_AGREEMENT).bind(agreement).bind(conversation).bind(school.0).fetch_optional(&mut *tx).await?;
            let action = match row {
                Some((author, owner, action)) if author == Some(by.0) || owner == Some(by.0) => action,
                _ => return Err(PlanError::NotFound),
            };
            sqlx::query(DELETE_AGREEMENT).bind(agreement).execute(&mut *tx).await?;
            if let Some(action) = action {
                sqlx::query(DELETE_ACTION).bind(action).execute(&mut *tx).await?;
            }
            tx.commit().await?;
        });
        Ok(())
    }
}
