//! Managing a school's members: invitations, permission and role changes, deactivation,
//! removal, and the audit log of these actions. Each action checks the actor's permission
//! and the last-administrator rule (`domain::members`) inside the transaction that writes,
//! and writes its audit entry in that same transaction.

use domain::account::{Email, FrameworkRoles, Permission, User, UserId};
use domain::links::{LinkMaker, check_invitation_at_use};
use domain::members::{AuditAction, MemberAction, Refusal, Target, check_action, check_invitation};
use domain::school::{School, SchoolId};
use uuid::Uuid;

use crate::people::{INSERT_MEMBERSHIP, UserRow};
use crate::schools::SchoolRow;
use crate::sign_in::{INSERT_LINK, Secret, hash_token};
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

/// How long an invitation link stays valid.
pub const INVITATION_MS: i64 = 14 * 24 * 60 * 60 * 1000;
/// Audit entries older than this are deleted (three years).
pub const AUDIT_RETENTION_MS: i64 = 3 * 365 * 24 * 60 * 60 * 1000;
/// How many audit entries the log page shows.
pub const AUDIT_PAGE: i64 = 500;

const SELECT_ACTOR: &str =
    "SELECT permission, active FROM memberships WHERE school_id = $1 AND user_id = $2";
const COUNT_ACTIVE_ADMINS: &str = "SELECT COUNT(*) FROM memberships \
     WHERE school_id = $1 AND permission = 'schoolbeheerder' AND active = 1";
pub(crate) const COUNT_OTHER_SCHOOLS: &str =
    "SELECT COUNT(*) FROM memberships WHERE user_id = $1 AND school_id <> $2";
const SET_PERMISSION: &str =
    "UPDATE memberships SET permission = $3 WHERE school_id = $1 AND user_id = $2";
const SET_ROLES: &str = "UPDATE memberships SET roles = $3 WHERE school_id = $1 AND user_id = $2";
const SET_ACTIVE: &str = "UPDATE memberships SET active = $3 WHERE school_id = $1 AND user_id = $2";
const DELETE_SCANS_IN_SCHOOL: &str = "DELETE FROM scans WHERE school_id = $1 AND user_id = $2";
const DELETE_MEMBERSHIP: &str = "DELETE FROM memberships WHERE school_id = $1 AND user_id = $2";
pub(crate) const INSERT_AUDIT: &str = "INSERT INTO audit_log (school_id, at, actor_id, action, subject_id, subject_email, detail, actor_label) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
pub(crate) const PRUNE_AUDIT: &str = "DELETE FROM audit_log WHERE school_id = $1 AND at < $2";
const SELECT_AUDIT: &str = "SELECT a.at, a.action, a.detail, a.subject_email, \
     COALESCE(actor.name, a.actor_label) AS actor_name, \
     subject.name AS subject_name FROM audit_log a \
     LEFT JOIN users actor ON actor.id = a.actor_id \
     LEFT JOIN users subject ON subject.id = a.subject_id \
     WHERE a.school_id = $1 ORDER BY a.seq DESC LIMIT $2";
const COUNT_MEMBER_BY_EMAIL: &str = "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id \
     WHERE m.school_id = $1 AND u.email = $2";
const REVOKE_PENDING: &str = "UPDATE invitations SET revoked_at = $3 \
     WHERE school_id = $1 AND email = $2 AND used_at IS NULL AND revoked_at IS NULL";
const INSERT_INVITATION: &str = "INSERT INTO invitations \
     (id, token_hash, school_id, email, permission, roles, invited_by, created_at, expires_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
const SELECT_INVITATIONS: &str = "SELECT i.id, i.school_id, i.email, i.permission, i.roles, i.created_at, i.expires_at, i.used_at, i.revoked_at, \
     m.permission AS inviter_permission, m.active AS inviter_active \
     FROM invitations i LEFT JOIN memberships m ON m.school_id = i.school_id AND m.user_id = i.invited_by \
     WHERE i.school_id = $1 AND i.used_at IS NULL AND i.revoked_at IS NULL ORDER BY i.created_at DESC";
const SELECT_INVITATION_BY_TOKEN: &str = "SELECT i.id, i.school_id, i.email, i.permission, i.roles, i.created_at, i.expires_at, i.used_at, i.revoked_at, \
     m.permission AS inviter_permission, m.active AS inviter_active \
     FROM invitations i LEFT JOIN memberships m ON m.school_id = i.school_id AND m.user_id = i.invited_by \
     WHERE i.token_hash = $1";
const REVOKE_INVITATION: &str = "UPDATE invitations SET revoked_at = $3 \
     WHERE id = $1 AND school_id = $2 AND used_at IS NULL AND revoked_at IS NULL RETURNING email";
const USE_INVITATION: &str = "UPDATE invitations SET used_at = $2 \
     WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > $2";
const INSERT_USER: &str = "INSERT INTO users (id, email, name, created_at, password_hash) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (email) DO NOTHING";
const UPDATE_SCHOOL: &str = "UPDATE schools SET name = $2, sectors = $3, students = $4, region = $5, brin = $6 \
     WHERE id = $1";
const SELECT_SCALE_LABELS: &str = "SELECT scale_labels FROM schools WHERE id = $1";
const UPDATE_SCALE_LABELS: &str = "UPDATE schools SET scale_labels = $2 WHERE id = $1";
const SELECT_MY_SCHOOLS: &str = "SELECT s.id, s.short_name, s.name, s.sectors, s.students, s.region, s.brin, \
     m.permission, m.roles, m.active FROM memberships m JOIN schools s ON s.id = m.school_id WHERE m.user_id = $1";

/// Why a management action did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ManageError {
    #[error("{0}")]
    Refused(Refusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for ManageError {
    fn from(e: sqlx::Error) -> Self {
        ManageError::Store(StoreError::Database(e))
    }
}

impl From<Refusal> for ManageError {
    fn from(r: Refusal) -> Self {
        ManageError::Refused(r)
    }
}

/// Where an invitation stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationState {
    Pending,
    Used,
    Revoked,
    Expired,
    /// Unused and not expired, but whoever sent it may no longer send it (they left the
    /// school, were deactivated, or lost the permission it gives).
    Outlived,
}

/// An invitation as stored (never its token).
#[derive(Clone, Debug)]
pub struct Invitation {
    pub id: Uuid,
    pub school: SchoolId,
    pub email: Email,
    pub permission: Permission,
    pub roles: FrameworkRoles,
    pub created_at: i64,
    pub expires_at: i64,
    pub state: InvitationState,
}

/// A new invitation and the token for its link (handed out once).
#[derive(Debug)]
pub struct NewInvitation {
    pub invitation: Invitation,
    pub token: String,
}

/// Why accepting an invitation failed.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    #[error("the invitation is unknown, used, revoked or expired")]
    Gone,
    #[error("whoever sent the invitation may no longer send it")]
    Outlived,
    #[error("this e-mail address already has an account")]
    EmailTaken,
    #[error("the invitation is for another e-mail address")]
    WrongAccount,
    #[error("this person is already a member of the school")]
    AlreadyMember,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for AcceptError {
    fn from(e: sqlx::Error) -> Self {
        AcceptError::Store(StoreError::Database(e))
    }
}

const SELECT_AUDIT_ABOUT: &str = "SELECT s.name AS school, a.at, a.action, a.detail, \
     CAST(CASE WHEN a.actor_id = $1 THEN 1 ELSE 0 END AS BIGINT) AS by_them \
     FROM audit_log a JOIN schools s ON s.id = a.school_id \
     WHERE a.actor_id = $1 OR a.subject_id = $1 ORDER BY a.seq";

/// An audit entry that names a person, as their data download shows it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditAbout {
    pub school: String,
    pub at: i64,
    pub action: String,
    pub detail: Option<String>,
    /// 1 when the person did it, 0 when it was done to them.
    pub by_them: i64,
}

/// One line of the audit log, with names as they are now (`None` once an account is erased).
#[derive(Clone, Debug)]
pub struct AuditEntry {
    pub at: i64,
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

#[derive(sqlx::FromRow)]
struct InvitationRow {
    id: Uuid,
    school_id: Uuid,
    email: String,
    permission: String,
    roles: String,
    created_at: i64,
    expires_at: i64,
    used_at: Option<i64>,
    revoked_at: Option<i64>,
    /// The sender's place in the school now (none once they left it or their account is gone).
    inviter_permission: Option<String>,
    inviter_active: Option<i64>,
}

impl InvitationRow {
    fn into_invitation(self, now: i64) -> Result<Invitation, StoreError> {
        let bad = |what: &str, v: &str| StoreError::CorruptRow(format!("invitation {what} '{v}'"));
        let permission =
            Permission::parse(&self.permission).map_err(|_| bad("permission", &self.permission))?;
        let inviter = match self.inviter_permission {
            Some(p) => Some((
                Permission::parse(&p).map_err(|_| bad("sender's permission", &p))?,
                self.inviter_active == Some(1),
            )),
            None => None,
        };
        let state = if self.used_at.is_some() {
            InvitationState::Used
        } else if self.revoked_at.is_some() {
            InvitationState::Revoked
        } else if self.expires_at <= now {
            InvitationState::Expired
        } else if check_invitation_at_use(inviter, permission).is_err() {
            InvitationState::Outlived
        } else {
            InvitationState::Pending
        };
        Ok(Invitation {
            id: self.id,
            school: SchoolId(self.school_id),
            email: Email::parse(&self.email).map_err(|_| bad("e-mail", &self.email))?,
            permission,
            roles: FrameworkRoles::parse(&self.roles).map_err(|_| bad("roles", &self.roles))?,
            created_at: self.created_at,
            expires_at: self.expires_at,
            state,
        })
    }
}

#[derive(sqlx::FromRow)]
struct AuditRow {
    at: i64,
    action: String,
    detail: Option<String>,
    subject_email: Option<String>,
    actor_name: Option<String>,
    subject_name: Option<String>,
}

#[derive(sqlx::FromRow)]
struct MySchoolRow {
    #[sqlx(flatten)]
    school: SchoolRow,
    permission: String,
    roles: String,
    active: i64,
}

/// A school a person belongs to, with their place in it.
#[derive(Clone, Debug)]
pub struct MySchool {
    pub school: School,
    pub permission: Permission,
    pub roles: FrameworkRoles,
    pub active: bool,
}

/// Writes an audit entry inside the transaction `$tx` and prunes the school's old ones. The
/// actor is a member's id, or (the `label` form) a tool that is no member, such as the CLI.
macro_rules! audit {
    ($tx:expr, $school:expr, $actor:expr, $action:expr, $subject:expr, $email:expr, $detail:expr) => {
        audit!(
            $tx,
            $school,
            $actor,
            $action,
            $subject,
            $email,
            $detail,
            label = None::<String>
        )
    };
    ($tx:expr, $school:expr, $actor:expr, $action:expr, $subject:expr, $email:expr, $detail:expr, label = $label:expr) => {{
        let now = now_millis();
        sqlx::query(INSERT_AUDIT)
            .bind($school)
            .bind(now)
            .bind($actor)
            .bind($action.code())
            .bind($subject)
            .bind($email)
            .bind($detail)
            .bind($label)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(PRUNE_AUDIT)
            .bind($school)
            .bind(now - AUDIT_RETENTION_MS)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use audit;

/// The actor's permission in the school inside a transaction; refused unless an active member.
macro_rules! actor_permission {
    ($tx:expr, $school:expr, $actor:expr) => {{
        let row: Option<(String, i64)> = sqlx::query_as(SELECT_ACTOR)
            .bind($school)
            .bind($actor)
            .fetch_optional(&mut *$tx)
            .await?;
        match row {
            Some((p, 1)) => Permission::parse(&p)
                .map_err(|_| StoreError::CorruptRow(format!("permission '{p}'")))?,
            _ => return Err(Refusal::NotAllowed.into()),
        }
    }};
}

/// Spends the invitation with `$token` inside the transaction `$tx`, after checking it is
/// pending and its sender could still send it; evaluates to the `Invitation` or returns an
/// `AcceptError` (and the transaction, dropped, changes nothing).
macro_rules! use_invitation {
    ($tx:expr, $token:expr, $now:expr) => {{
        let hash = hash_token($token);
        let row: Option<InvitationRow> = sqlx::query_as(SELECT_INVITATION_BY_TOKEN)
            .bind(&hash)
            .fetch_optional(&mut *$tx)
            .await?;
        let invitation = row.ok_or(AcceptError::Gone)?.into_invitation($now)?;
        match invitation.state {
            InvitationState::Pending => {}
            InvitationState::Outlived => return Err(AcceptError::Outlived),
            InvitationState::Used | InvitationState::Revoked | InvitationState::Expired => {
                return Err(AcceptError::Gone);
            }
        }
        let spent = sqlx::query(USE_INVITATION)
            .bind(&hash)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
        if spent.rows_affected() != 1 {
            return Err(AcceptError::Gone);
        }
        invitation
    }};
}

impl Store {
    /// The schools a person belongs to, with their permission and roles, by name.
    pub async fn my_schools(&self, user: UserId) -> Result<Vec<MySchool>, StoreError> {
        let rows: Vec<MySchoolRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_MY_SCHOOLS).bind(user.0).fetch_all(pool).await?
        });
        let mut schools = rows
            .into_iter()
            .map(|r| {
                Ok(MySchool {
                    permission: Permission::parse(&r.permission).map_err(|_| {
                        StoreError::CorruptRow(format!("permission '{}'", r.permission))
                    })?,
                    roles: FrameworkRoles::parse(&r.roles)
                        .map_err(|_| StoreError::CorruptRow(format!("roles '{}'", r.roles)))?,
                    active: r.active == 1,
                    school: r.school.into_school()?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        schools.sort_by_cached_key(|s| s.school.name.as_str().to_lowercase());
        Ok(schools)
    }

    /// Does `action` to `target` in `school` on behalf of `actor`, if the rules allow it, and
    /// records it in the audit log; all in one transaction.
    pub async fn manage_member(
        &self,
        school: SchoolId,
        actor: UserId,
        target: UserId,
        action: &MemberAction,
    ) -> Result<(), ManageError> {
        let (audit_action, detail) = match action {
            MemberAction::SetPermission(p) => {
                (AuditAction::PermissionChanged, Some(p.code().to_owned()))
            }
            MemberAction::SetRoles(r) => (AuditAction::RolesChanged, Some(r.to_string())),
            MemberAction::Deactivate => (AuditAction::MemberDeactivated, None),
            MemberAction::Reactivate => (AuditAction::MemberReactivated, None),
            MemberAction::Remove => (AuditAction::MemberRemoved, None),
        };
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let actor_permission = actor_permission!(tx, school.0, actor.0);
            let row: Option<(String, i64)> = sqlx::query_as(SELECT_ACTOR)
                .bind(school.0).bind(target.0).fetch_optional(&mut *tx).await?;
            let Some((permission, active)) = row else {
                return Err(Refusal::NotAMember.into());
            };
            let target_now = Target {
                permission: Permission::parse(&permission)
                    .map_err(|_| StoreError::CorruptRow(format!("permission '{permission}'")))?,
                active: active == 1,
            };
            let (admins,): (i64,) = sqlx::query_as(COUNT_ACTIVE_ADMINS).bind(school.0).fetch_one(&mut *tx).await?;
            check_action(actor_permission, target_now, action, usize::try_from(admins).unwrap_or(0))?;
            let change = match action {
                MemberAction::SetPermission(p) => sqlx::query(SET_PERMISSION).bind(school.0).bind(target.0).bind(p.code()),
                MemberAction::SetRoles(r) => sqlx::query(SET_ROLES).bind(school.0).bind(target.0).bind(r.to_string()),
                MemberAction::Deactivate => sqlx::query(SET_ACTIVE).bind(school.0).bind(target.0).bind(0_i64),
                MemberAction::Reactivate => sqlx::query(SET_ACTIVE).bind(school.0).bind(target.0).bind(1_i64),
                MemberAction::Remove => sqlx::query(DELETE_MEMBERSHIP).bind(school.0).bind(target.0),
            };
            change.execute(&mut *tx).await?;
            if *action == MemberAction::Remove {
                // Their private work in this school goes with the membership.
                sqlx::query(DELETE_SCANS_IN_SCHOOL).bind(school.0).bind(target.0).execute(&mut *tx).await?;
                for forget in crate::plans::FORGET_IN_SCHOOL
                    .into_iter()
                    .chain(crate::meetings::FORGET_IN_SCHOOL)
                    .chain(crate::vision::FORGET_IN_SCHOOL)
                    .chain([
                        crate::workplans::FORGET_IN_SCHOOL,
                        crate::evaluations::FORGET_IN_SCHOOL,
                    ])
                    .chain([crate::picture::FORGET_TEAMS])
                {
                    sqlx::query(forget).bind(school.0).bind(target.0).execute(&mut *tx).await?;
                }
            }
            audit!(tx, school.0, Some(actor.0), audit_action, Some(target.0), None::<String>, detail);
            tx.commit().await?;
        });
        if *action == MemberAction::Remove {
            self.scans
                .forget_where(|&(s, _, u)| s == school && u == target);
        }
        self.members_changed();
        Ok(())
    }

    /// Invites an address to the school with a permission and roles; an earlier pending
    /// invitation for the same address is revoked (re-inviting). Refused for an address
    /// that already belongs to a member.
    pub async fn invite(
        &self,
        school: SchoolId,
        actor: UserId,
        email: &Email,
        permission: Permission,
        roles: &FrameworkRoles,
    ) -> Result<NewInvitation, ManageError> {
        let secret = Secret::new()?;
        let id = Uuid::new_v4();
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let actor_permission = actor_permission!(tx, school.0, actor.0);
            check_invitation(actor_permission, permission)?;
            let (members,): (i64,) = sqlx::query_as(COUNT_MEMBER_BY_EMAIL)
                .bind(school.0).bind(email.as_str()).fetch_one(&mut *tx).await?;
            if members > 0 {
                return Err(Refusal::AlreadyMember.into());
            }
            sqlx::query(REVOKE_PENDING).bind(school.0).bind(email.as_str()).bind(now).execute(&mut *tx).await?;
            sqlx::query(INSERT_INVITATION)
                .bind(id)
                .bind(&secret.hash)
                .bind(school.0)
                .bind(email.as_str())
                .bind(permission.code())
                .bind(roles.to_string())
                .bind(actor.0)
                .bind(now)
                .bind(now + INVITATION_MS)
                .execute(&mut *tx)
                .await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::MemberInvited, None::<Uuid>, Some(email.as_str()), Some(permission.code()));
            tx.commit().await?;
        });
        Ok(NewInvitation {
            invitation: Invitation {
                id,
                school,
                email: email.clone(),
                permission,
                roles: roles.clone(),
                created_at: now,
                expires_at: now + INVITATION_MS,
                state: InvitationState::Pending,
            },
            token: secret.token,
        })
    }

    /// The school's open invitations (pending or expired, not used or revoked), newest first.
    pub async fn invitations(&self, school: SchoolId) -> Result<Vec<Invitation>, StoreError> {
        let rows: Vec<InvitationRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_INVITATIONS).bind(school.0).fetch_all(pool).await?
        });
        let now = now_millis();
        rows.into_iter().map(|r| r.into_invitation(now)).collect()
    }

    /// The invitation a link's token is for, in whatever state it is.
    pub async fn invitation_by_token(&self, token: &str) -> Result<Option<Invitation>, StoreError> {
        let row: Option<InvitationRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_INVITATION_BY_TOKEN).bind(hash_token(token)).fetch_optional(pool).await?
        });
        let now = now_millis();
        row.map(|r| r.into_invitation(now)).transpose()
    }

    /// Revokes an open invitation of this school; `Ok(false)` when there is none with this id
    /// in this school.
    pub async fn revoke_invitation(
        &self,
        school: SchoolId,
        actor: UserId,
        invitation: Uuid,
    ) -> Result<bool, ManageError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let actor_permission = actor_permission!(tx, school.0, actor.0);
            if !actor_permission.includes(Permission::Coordinator) {
                return Err(Refusal::NotAllowed.into());
            }
            let revoked: Option<(String,)> = sqlx::query_as(REVOKE_INVITATION)
                .bind(invitation).bind(school.0).bind(now_millis()).fetch_optional(&mut *tx).await?;
            let Some((email,)) = revoked else {
                return Ok(false);
            };
            audit!(tx, school.0, Some(actor.0), AuditAction::InvitationRevoked, None::<Uuid>, Some(email), None::<String>);
            tx.commit().await?;
        });
        Ok(true)
    }

    /// Accepts an invitation with a new account: spends the link, creates the account with
    /// its password hash and the membership, in one transaction.
    pub async fn accept_invitation_new(
        &self,
        token: &str,
        name: &domain::account::PersonName,
        password_hash: &str,
    ) -> Result<(User, SchoolId), AcceptError> {
        let now = now_millis();
        let user_id = Uuid::new_v4();
        let invitation = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let invitation = use_invitation!(tx, token, now);
            let inserted = sqlx::query(INSERT_USER)
                .bind(user_id)
                .bind(invitation.email.as_str())
                .bind(name.as_str())
                .bind(now)
                .bind(password_hash)
                .execute(&mut *tx)
                .await?;
            if inserted.rows_affected() == 0 {
                return Err(AcceptError::EmailTaken);
            }
            sqlx::query(INSERT_MEMBERSHIP)
                .bind(invitation.school.0)
                .bind(user_id)
                .bind(invitation.permission.code())
                .bind(invitation.roles.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            audit!(tx, invitation.school.0, Some(user_id), AuditAction::InvitationAccepted, Some(user_id), None::<String>, Some(invitation.permission.code()));
            tx.commit().await?;
            invitation
        });
        self.members_changed();
        Ok((
            User {
                id: UserId(user_id),
                email: invitation.email,
                name: name.clone(),
            },
            invitation.school,
        ))
    }

    /// Accepts an invitation for the existing account it was sent to (the caller has checked
    /// that person's password): spends the link and adds the membership.
    pub async fn accept_invitation_existing(
        &self,
        token: &str,
        user: &User,
    ) -> Result<SchoolId, AcceptError> {
        let now = now_millis();
        let school = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let invitation = use_invitation!(tx, token, now);
            if invitation.email != user.email {
                return Err(AcceptError::WrongAccount);
            }
            let inserted = sqlx::query(INSERT_MEMBERSHIP)
                .bind(invitation.school.0)
                .bind(user.id.0)
                .bind(invitation.permission.code())
                .bind(invitation.roles.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if inserted.rows_affected() == 0 {
                return Err(AcceptError::AlreadyMember);
            }
            // Joining another school ends the password links others made for this person.
            crate::sign_in::revoke_links_by_others!(tx, user.id.0, now);
            audit!(tx, invitation.school.0, Some(user.id.0), AuditAction::InvitationAccepted, Some(user.id.0), None::<String>, Some(invitation.permission.code()));
            tx.commit().await?;
            invitation.school
        });
        self.members_changed();
        Ok(school)
    }

    /// A one-time link to set a new password for a member, made by an administrator of the
    /// school. Refused for someone who also belongs to another school: one school's
    /// administrator must not be able to take over an account another school relies on.
    /// The link lives a day, and when it is used these rules are checked again
    /// (`domain::links::check_administrator_link`).
    pub async fn member_password_link(
        &self,
        school: SchoolId,
        actor: UserId,
        target: UserId,
    ) -> Result<String, ManageError> {
        let secret = Secret::new()?;
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let actor_permission = actor_permission!(tx, school.0, actor.0);
            if actor_permission != Permission::Administrator {
                return Err(Refusal::NotAllowed.into());
            }
            let member: Option<(String, i64)> = sqlx::query_as(SELECT_ACTOR)
                .bind(school.0).bind(target.0).fetch_optional(&mut *tx).await?;
            if member.is_none() {
                return Err(Refusal::NotAMember.into());
            }
            let (others,): (i64,) = sqlx::query_as(COUNT_OTHER_SCHOOLS)
                .bind(target.0).bind(school.0).fetch_one(&mut *tx).await?;
            if others > 0 {
                return Err(Refusal::OtherSchools.into());
            }
            sqlx::query(INSERT_LINK)
                .bind(&secret.hash)
                .bind(target.0)
                .bind(now)
                .bind(now + LinkMaker::Administrator.lifetime_ms())
                .bind(LinkMaker::Administrator.code())
                .bind(actor.0)
                .bind(school.0)
                .execute(&mut *tx)
                .await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::PasswordLinkMade, Some(target.0), None::<String>, None::<String>);
            tx.commit().await?;
        });
        Ok(secret.token)
    }

    /// The school's audit log, newest first (at most [`AUDIT_PAGE`] entries).
    pub async fn audit_log(&self, school: SchoolId) -> Result<Vec<AuditEntry>, StoreError> {
        let rows: Vec<AuditRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_AUDIT).bind(school.0).bind(AUDIT_PAGE).fetch_all(pool).await?
        });
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                at: r.at,
                actor: r.actor_name,
                action: AuditAction::parse(&r.action),
                subject: r.subject_name.or(r.subject_email),
                detail: r.detail,
            })
            .collect())
    }

    /// Changes a school's details (name, sectors, students, region, BRIN code) on behalf of
    /// one of its administrators; the short name, and so every address, stays. Recorded in
    /// the audit log.
    pub async fn update_school(
        &self,
        school: SchoolId,
        actor: UserId,
        details: &domain::school::NewSchool,
    ) -> Result<(), ManageError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let actor_permission = actor_permission!(tx, school.0, actor.0);
            if actor_permission != Permission::Administrator {
                return Err(Refusal::NotAllowed.into());
            }
            sqlx::query(UPDATE_SCHOOL)
                .bind(school.0)
                .bind(details.name.as_str())
                .bind(details.sectors.to_string())
                .bind(i64::from(details.students.get()))
                .bind(details.region.code())
                .bind(details.brin.as_ref().map(domain::school::Brin::as_str))
                .execute(&mut *tx)
                .await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::SchoolChanged, None::<Uuid>, None::<String>, None::<String>);
            tx.commit().await?;
        });
        // Sessions hold the schools' names.
        self.members_changed();
        Ok(())
    }

    /// The school's words for the steps of the scale (our defaults where it chose none).
    pub async fn scale_labels(
        &self,
        school: SchoolId,
    ) -> Result<domain::scan::ScaleLabels, StoreError> {
        let stored: Option<(String,)> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_SCALE_LABELS).bind(school.0).fetch_optional(pool).await?
        });
        let pairs: Vec<(String, String)> = stored
            .and_then(|(json,)| {
                serde_json::from_str::<std::collections::BTreeMap<String, String>>(&json).ok()
            })
            .map(|map| map.into_iter().collect())
            .unwrap_or_default();
        domain::scan::ScaleLabels::renamed(&pairs).map_err(|problems| {
            StoreError::CorruptRow(format!("scale labels of school {}: {problems:?}", school.0))
        })
    }

    /// Stores the school's words for the steps of the scale, on behalf of one of its
    /// administrators; recorded in the audit log.
    pub async fn set_scale_labels(
        &self,
        school: SchoolId,
        actor: UserId,
        labels: &domain::scan::ScaleLabels,
    ) -> Result<(), ManageError> {
        let map: std::collections::BTreeMap<String, String> =
            labels.renamings().into_iter().collect();
        let json = serde_json::to_string(&map)
            .map_err(|e| StoreError::CorruptRow(format!("scale labels: {e}")))?;
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let actor_permission = actor_permission!(tx, school.0, actor.0);
            if actor_permission != Permission::Administrator {
                return Err(Refusal::NotAllowed.into());
            }
            sqlx::query(UPDATE_SCALE_LABELS).bind(school.0).bind(&json).execute(&mut *tx).await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::ScaleChanged, None::<Uuid>, None::<String>, None::<String>);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Every audit entry, in any school, that names this person as the one who acted or the
    /// one acted on, oldest first (for their own data download).
    pub async fn audit_about(&self, user: UserId) -> Result<Vec<AuditAbout>, StoreError> {
        Ok(on_pool!(self, pool => {
            sqlx::query_as(SELECT_AUDIT_ABOUT).bind(user.0).fetch_all(pool).await?
        }))
    }

    /// The account of a member of this school, with their membership; `None` for anyone who
    /// is not a member of this school.
    pub async fn member(
        &self,
        school: SchoolId,
        user: UserId,
    ) -> Result<Option<(User, domain::account::Membership)>, StoreError> {
        let Some(membership) = self.membership(school, user).await? else {
            return Ok(None);
        };
        let row: Option<UserRow> = on_pool!(self, pool => {
            sqlx::query_as("SELECT id, email, name FROM users WHERE id = $1").bind(user.0).fetch_optional(pool).await?
        });
        Ok(row
            .map(UserRow::into_user)
            .transpose()?
            .map(|u| (u, membership)))
    }
}
