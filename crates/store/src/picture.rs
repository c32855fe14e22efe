//! The team picture's data: whose scans of a round count in it (each person's own,
//! revocable choice), the k the round keeps, the school's k, and the teams a coordinator
//! defines. Only counts ever leave `domain::picture`; the store hands it the answers of the
//! scans that count, of active members only.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use domain::account::{Permission, UserId};
use domain::aggregate::Threshold;
use domain::members::AuditAction;
use domain::picture::{Contribution, Groups, Picture, picture};
use domain::school::SchoolId;
use domain::{Edition, Role};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::opted_in::{OptIn, ScanChoices};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_SCHOOL_K: &str = "SELECT picture_threshold FROM schools WHERE id = $1";
const SET_SCHOOL_K: &str = "UPDATE schools SET picture_threshold = $2 WHERE id = $1";
/// Rounds without a chosen answer yet take the school's new k; the others keep theirs.
const SET_OPEN_ROUNDS_K: &str = "UPDATE rounds SET picture_threshold = $2 WHERE school_id = $1 \
     AND NOT EXISTS (SELECT 1 FROM scans s JOIN scan_answers a ON a.scan_id = s.id \
     WHERE s.round_id = rounds.id AND a.choice IS NOT NULL)";
const SELECT_ROUND_K: &str =
    "SELECT picture_threshold FROM rounds WHERE id = $1 AND school_id = $2";
const SELECT_ACTIVE_ROLES: &str =
    "SELECT user_id, roles FROM memberships WHERE school_id = $1 AND active = 1";
const SELECT_TEAMS: &str =
    "SELECT id, name FROM teams WHERE school_id = $1 ORDER BY created_at, name";
const SELECT_TEAM_MEMBERS: &str = "SELECT t.team_id, t.user_id FROM team_members t \
     JOIN teams x ON x.id = t.team_id WHERE x.school_id = $1";
const INSERT_TEAM: &str =
    "INSERT INTO teams (id, school_id, name, created_at) VALUES ($1, $2, $3, $4)";
const RENAME_TEAM: &str = "UPDATE teams SET name = $3 WHERE id = $1 AND school_id = $2";
const SELECT_TEAM_NAME_TAKEN: &str =
    "SELECT COUNT(*) FROM teams WHERE school_id = $1 AND name = $2 AND id <> $3";
const DELETE_TEAM_MEMBERS: &str = "DELETE FROM team_members WHERE team_id = $1";
const INSERT_TEAM_MEMBER: &str = "INSERT INTO team_members (team_id, user_id) VALUES ($1, $2)";
const DELETE_TEAM: &str = "DELETE FROM teams WHERE id = $1 AND school_id = $2";
/// A member removed from a school leaves its teams.
pub(crate) const FORGET_TEAMS: &str = "DELETE FROM team_members WHERE user_id = $2 \
     AND team_id IN (SELECT id FROM teams WHERE school_id = $1)";

/// A team of the school: a name and its members.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Team {
    pub id: Uuid,
    pub name: String,
    pub members: BTreeSet<UserId>,
}

/// What a round's picture is made from.
#[derive(Clone, Debug)]
pub struct PictureInput {
    /// The k the round keeps.
    pub threshold: Threshold,
    /// The answers of the scans that count (owners who are active members and chose so).
    pub scans: Arc<Vec<Arc<ScanChoices>>>,
    /// The framework roles active members hold.
    pub roles: HashMap<UserId, Vec<Role>>,
    pub teams: Vec<Team>,
}

impl PictureInput {
    /// The picture of one group (`which`: an index into `teams`; `None` the whole team),
    /// under the round's k.
    pub fn picture(&self, edition: &Edition, which: Option<usize>) -> Picture {
        let none: Vec<Role> = Vec::new();
        let contributions: Vec<Contribution<'_>> = self
            .scans
            .iter()
            .map(|scan| Contribution {
                person: scan.person,
                roles: self.roles.get(&scan.person).unwrap_or(&none),
                choices: &scan.choices,
            })
            .collect();
        let groups = Groups {
            teams: self.teams.iter().map(|t| t.members.clone()).collect(),
        };
        picture(edition, &contributions, &groups, which, self.threshold)
    }
}

/// Why a team was not saved. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("not allowed")]
    NotAllowed,
    #[error("no such team")]
    NotFound,
    #[error("the name is taken")]
    NameTaken,
    #[error("not an active member of the school")]
    NotAMember,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for TeamError {
    fn from(e: sqlx::Error) -> Self {
        TeamError::Store(StoreError::Database(e))
    }
}

impl Store {
    /// The person's own choice to let their scan of the round count in the team picture, or
    /// stop; `Ok(false)` when they have no scan in that round of the school.
    pub async fn set_picture_consent(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
        on: bool,
    ) -> Result<bool, StoreError> {
        self.set_opt_in(OptIn::Picture, school, round, user, on)
            .await
    }

    /// Whether the person's scan of the round counts in the team picture.
    pub async fn picture_consent(
        &self,
        school: SchoolId,
        round: Uuid,
        user: UserId,
    ) -> Result<bool, StoreError> {
        self.opts_in(OptIn::Picture, school, round, user).await
    }

    /// The school's k for the team picture.
    pub async fn picture_threshold(&self, school: SchoolId) -> Result<Threshold, StoreError> {
        let row: Option<(i64,)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_SCHOOL_K).bind(school.0).fetch_optional(pool).await?);
        Ok(row.map_or_else(Threshold::default, |(k,)| Threshold::from_stored(k)))
    }

    /// Sets the school's k (an administrator; never below the minimum, which
    /// [`Threshold`] guarantees); rounds without answers yet take it, the others keep
    /// theirs. Logged.
    pub async fn set_picture_threshold(
        &self,
        school: SchoolId,
        actor: UserId,
        k: Threshold,
    ) -> Result<bool, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if active_permission!(tx, school.0, actor.0) != Some(Permission::Administrator) {
                return Ok(false);
            }
            let k_value = i64::from(k.get());
            sqlx::query(SET_SCHOOL_K).bind(school.0).bind(k_value).execute(&mut *tx).await?;
            sqlx::query(SET_OPEN_ROUNDS_K).bind(school.0).bind(k_value).execute(&mut *tx).await?;
            let detail = k.get().to_string();
            audit!(tx, school.0, Some(actor.0), AuditAction::PictureThresholdChanged, None::<Uuid>, None::<String>, Some(detail.as_str()));
            tx.commit().await?;
        });
        Ok(true)
    }

    /// The teams of the school, in the order they were made.
    pub async fn teams(&self, school: SchoolId) -> Result<Vec<Team>, StoreError> {
        let teams: Vec<(Uuid, String)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_TEAMS).bind(school.0).fetch_all(pool).await?);
        let members: Vec<(Uuid, Uuid)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_TEAM_MEMBERS).bind(school.0).fetch_all(pool).await?);
        Ok(teams
            .into_iter()
            .map(|(id, name)| Team {
                id,
                name,
                members: members
                    .iter()
                    .filter(|(team, _)| *team == id)
                    .map(|(_, user)| UserId(*user))
                    .collect(),
            })
            .collect())
    }

    /// Makes a team (`id` `None`) or changes one: its name and members (active members of the
    /// school). A coordinator or administrator; logged.
    pub async fn save_team(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Option<Uuid>,
        name: &str,
        members: &[UserId],
    ) -> Result<Uuid, TeamError> {
        let team = id.unwrap_or_else(Uuid::new_v4);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            match active_permission!(tx, school.0, actor.0) {
                Some(p) if p.includes(Permission::Coordinator) => {}
                _ => return Err(TeamError::NotAllowed),
            }
            let (taken,): (i64,) = sqlx::query_as(SELECT_TEAM_NAME_TAKEN).bind(school.0).bind(name).bind(team).fetch_one(&mut *tx).await?;
            if taken > 0 {
                return Err(TeamError::NameTaken);
            }
            for member in members {
                if active_permission!(tx, school.0, member.0).is_none() {
                    return Err(TeamError::NotAMember);
                }
            }
            if id.is_some() {
                let renamed = sqlx::query(RENAME_TEAM).bind(team).bind(school.0).bind(name).execute(&mut *tx).await?;
                if renamed.rows_affected() != 1 {
                    return Err(TeamError::NotFound);
                }
                sqlx::query(DELETE_TEAM_MEMBERS).bind(team).execute(&mut *tx).await?;
            } else {
                sqlx::query(INSERT_TEAM).bind(team).bind(school.0).bind(name).bind(now_millis()).execute(&mut *tx).await?;
            }
            let unique: BTreeSet<UserId> = members.iter().copied().collect();
            for member in unique {
                sqlx::query(INSERT_TEAM_MEMBER).bind(team).bind(member.0).execute(&mut *tx).await?;
            }
            audit!(tx, school.0, Some(actor.0), AuditAction::TeamChanged, None::<Uuid>, None::<String>, Some(name));
            tx.commit().await?;
        });
        Ok(team)
    }

    /// Removes a team (its members stay members of the school). Logged.
    pub async fn delete_team(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
    ) -> Result<(), TeamError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            match active_permission!(tx, school.0, actor.0) {
                Some(p) if p.includes(Permission::Coordinator) => {}
                _ => return Err(TeamError::NotAllowed),
            }
            let gone = sqlx::query(DELETE_TEAM).bind(id).bind(school.0).execute(&mut *tx).await?;
            if gone.rows_affected() != 1 {
                return Err(TeamError::NotFound);
            }
            audit!(tx, school.0, Some(actor.0), AuditAction::TeamChanged, None::<Uuid>, None::<String>, Some("—"));
            tx.commit().await?;
        });
        Ok(())
    }

    /// What the round's picture is made from; `None` for a round not of this school.
    pub async fn picture_input(
        &self,
        school: SchoolId,
        round: Uuid,
    ) -> Result<Option<PictureInput>, StoreError> {
        let k: Option<(i64,)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_ROUND_K).bind(round).bind(school.0).fetch_optional(pool).await?);
        let Some((k,)) = k else {
            return Ok(None);
        };
        let scans = self.opted_in(OptIn::Picture, school, round).await?;
        let rows: Vec<(Uuid, String)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_ACTIVE_ROLES).bind(school.0).fetch_all(pool).await?);
        let roles = rows
            .into_iter()
            .map(|(user, roles)| {
                let held = domain::account::FrameworkRoles::parse(&roles)
                    .map(|r| r.as_slice().to_vec())
                    .unwrap_or_default();
                (UserId(user), held)
            })
            .collect();
        Ok(Some(PictureInput {
            threshold: Threshold::from_stored(k),
            scans,
            roles,
            teams: self.teams(school).await?,
        }))
    }
}
