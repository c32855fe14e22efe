//! Signing in through an identity provider: identities linked to accounts (by issuer and
//! subject, never by e-mail address), each school's sign-in setting, and the sign-ins on their
//! way through a provider, which are taken once.

use domain::Lang;
use domain::account::{Email, FrameworkRoles, Permission, PersonName, User, UserId};
use domain::members::AuditAction;
use domain::school::SchoolId;
use domain::sso::{Linking, MappedSchool, Organisation, SchoolSignIn, linking, may_unlink};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::people::{INSERT_MEMBERSHIP, INSERT_USER, UserRow};
use crate::sign_in::{HAS_PASSWORD, hash_token};
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

/// How long a sign-in may take at the provider.
pub const FLOW_LIFETIME_MS: i64 = 10 * 60 * 1000;

const INSERT_FLOW: &str = "INSERT INTO sso_flows (state_hash, provider, nonce, verifier, \
     user_id, lang, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
const PRUNE_FLOWS: &str = "DELETE FROM sso_flows WHERE created_at < $1";
const TAKE_FLOW: &str = "DELETE FROM sso_flows WHERE state_hash = $1 \
     RETURNING provider, nonce, verifier, user_id, lang, created_at";
const SELECT_LINKED_USER: &str = "SELECT u.id, u.email, u.name FROM sso_links l \
     JOIN users u ON u.id = l.user_id WHERE l.issuer = $1 AND l.subject = $2";
const SELECT_HOLDER: &str = "SELECT user_id FROM sso_links WHERE issuer = $1 AND subject = $2";
const SELECT_LINKS: &str =
    "SELECT issuer, created_at FROM sso_links WHERE user_id = $1 ORDER BY issuer";
const COUNT_LINKS: &str = "SELECT COUNT(*) FROM sso_links WHERE user_id = $1";
const DELETE_LINK: &str = "DELETE FROM sso_links WHERE user_id = $1 AND issuer = $2";
const INSERT_LINK: &str =
    "INSERT INTO sso_links (issuer, subject, user_id, created_at) VALUES ($1, $2, $3, $4)";
const SELECT_SCHOOL: &str = "SELECT issuer, organisation, join_as_member, password_allowed \
     FROM school_sign_in WHERE school_id = $1";
const UPSERT_SCHOOL: &str = "INSERT INTO school_sign_in (school_id, issuer, organisation, \
     join_as_member, password_allowed, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
     ON CONFLICT (school_id) DO UPDATE SET issuer = excluded.issuer, \
     organisation = excluded.organisation, join_as_member = excluded.join_as_member, \
     password_allowed = excluded.password_allowed, updated_at = excluded.updated_at";
const DELETE_SCHOOL: &str = "DELETE FROM school_sign_in WHERE school_id = $1";
const SELECT_MAPPED: &str = "SELECT school_id, join_as_member FROM school_sign_in \
     WHERE issuer = $1 AND organisation = $2 ORDER BY school_id";
/// The password sessions of a school's active members but one (the administrator who turns
/// passwords off keeps the session they do it in).
const END_PASSWORD_SESSIONS: &str = "DELETE FROM sessions WHERE by_password = 1 AND user_id <> $2 \
     AND user_id IN (SELECT user_id FROM memberships WHERE school_id = $1 AND active = 1)";
/// Whether any school the person is an active member of turned password sign-in off.
const PASSWORD_REFUSED: &str = "SELECT EXISTS (SELECT 1 FROM memberships m \
     JOIN school_sign_in s ON s.school_id = m.school_id \
     WHERE m.user_id = $1 AND m.active = 1 AND s.password_allowed = 0)";

/// A sign-in (no account yet) or a link (for the signed-in `user`) on its way through a
/// provider: what its answer is checked against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SsoFlow {
    /// The provider's id in the operator's configuration.
    pub provider: String,
    pub nonce: String,
    /// The PKCE code verifier.
    pub verifier: String,
    /// Linking to this account; `None`: signing in.
    pub user: Option<UserId>,
    pub lang: Lang,
}

/// A provider linked to an account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SsoLink {
    pub issuer: String,
    pub created_at: i64,
}

/// What removing a link did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unlinked {
    Done,
    NotLinked,
    /// Refused: without a password, it is the person's only way in.
    OnlyWayIn,
}

/// Why someone could not join a school on first sign-in. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// An account holds the address already (linking is then the person's to do).
    #[error("an account with this address exists")]
    EmailTaken,
    /// The identity was linked meanwhile (a second tab).
    #[error("this identity is linked already")]
    IdentityTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for JoinError {
    fn from(e: sqlx::Error) -> Self {
        JoinError::Store(StoreError::Database(e))
    }
}

type FlowRow = (String, String, String, Option<Uuid>, String, i64);

impl Store {
    /// Keeps a sign-in on its way through a provider under its state (hashed); flows older
    /// than [`FLOW_LIFETIME_MS`] go.
    pub async fn begin_sso_flow(&self, state: &str, flow: &SsoFlow) -> Result<(), StoreError> {
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(PRUNE_FLOWS).bind(now - FLOW_LIFETIME_MS).execute(&mut *tx).await?;
            sqlx::query(INSERT_FLOW)
                .bind(hash_token(state))
                .bind(&flow.provider)
                .bind(&flow.nonce)
                .bind(&flow.verifier)
                .bind(flow.user.map(|u| u.0))
                .bind(flow.lang.code())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Takes the flow of a state: once only (a replayed answer finds nothing), and only
    /// within [`FLOW_LIFETIME_MS`].
    pub async fn take_sso_flow(&self, state: &str) -> Result<Option<SsoFlow>, StoreError> {
        let row: Option<FlowRow> = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row = sqlx::query_as(TAKE_FLOW).bind(hash_token(state)).fetch_optional(&mut *tx).await?;
            tx.commit().await?;
            row
        });
        let Some((provider, nonce, verifier, user, lang, created_at)) = row else {
            return Ok(None);
        };
        if created_at < now_millis() - FLOW_LIFETIME_MS {
            return Ok(None);
        }
        let lang = Lang::from_code(&lang)
            .ok_or_else(|| StoreError::CorruptRow(format!("sign-in flow language '{lang}'")))?;
        Ok(Some(SsoFlow {
            provider,
            nonce,
            verifier,
            user: user.map(UserId),
            lang,
        }))
    }

    /// The account an identity is linked to.
    pub async fn sso_user(&self, issuer: &str, subject: &str) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_LINKED_USER).bind(issuer).bind(subject).fetch_optional(pool).await?);
        row.map(UserRow::into_user).transpose()
    }

    /// The providers linked to an account.
    pub async fn sso_links(&self, user: UserId) -> Result<Vec<SsoLink>, StoreError> {
        let rows: Vec<(String, i64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_LINKS).bind(user.0).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(issuer, created_at)| SsoLink { issuer, created_at })
            .collect())
    }

    /// Links an identity to an account. One identity per provider: a former one of the same
    /// provider (its subject changed) is replaced. An identity of another account is left.
    pub async fn link_sso(
        &self,
        user: UserId,
        issuer: &str,
        subject: &str,
    ) -> Result<Linking, StoreError> {
        let now = now_millis();
        let outcome = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let holder: Option<(Uuid,)> = sqlx::query_as(SELECT_HOLDER).bind(issuer).bind(subject).fetch_optional(&mut *tx).await?;
            let outcome = linking(user, holder.map(|(u,)| UserId(u)));
            if outcome == Linking::Linked {
                sqlx::query(DELETE_LINK).bind(user.0).bind(issuer).execute(&mut *tx).await?;
                sqlx::query(INSERT_LINK).bind(issuer).bind(subject).bind(user.0).bind(now).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            outcome
        });
        Ok(outcome)
    }

    /// Removes a provider's link, unless it is the person's only way in.
    pub async fn unlink_sso(&self, user: UserId, issuer: &str) -> Result<Unlinked, StoreError> {
        let outcome = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (has_password,): (bool,) = sqlx::query_as(HAS_PASSWORD).bind(user.0).fetch_optional(&mut *tx).await?.unwrap_or((false,));
            let (links,): (i64,) = sqlx::query_as(COUNT_LINKS).bind(user.0).fetch_one(&mut *tx).await?;
            let links = usize::try_from(links).unwrap_or(0);
            if !may_unlink(has_password, links) {
                return Ok(Unlinked::OnlyWayIn);
            }
            let deleted = sqlx::query(DELETE_LINK).bind(user.0).bind(issuer).execute(&mut *tx).await?;
            tx.commit().await?;
            if deleted.rows_affected() == 0 { Unlinked::NotLinked } else { Unlinked::Done }
        });
        Ok(outcome)
    }

    /// How the school's people sign in through a provider, if it set that up.
    pub async fn school_sign_in(
        &self,
        school: SchoolId,
    ) -> Result<Option<SchoolSignIn>, StoreError> {
        let row: Option<(String, String, i64, i64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_SCHOOL).bind(school.0).fetch_optional(pool).await?);
        Ok(
            row.map(|(issuer, organisation, join, password)| SchoolSignIn {
                issuer,
                organisation: Organisation::from_stored(organisation),
                join_as_member: join == 1,
                password_allowed: password == 1,
            }),
        )
    }

    /// Sets (or, with `None`, ends) how the school's people sign in through a provider;
    /// written to the audit log with `detail` (what the log shows of the new setting). Turning
    /// password sign-in off ends the password sessions of the school's active members in the
    /// same transaction, except the administrator's own (`actor`).
    pub async fn set_school_sign_in(
        &self,
        school: SchoolId,
        actor: UserId,
        setting: Option<&SchoolSignIn>,
        detail: &str,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            match setting {
                Some(s) => {
                    sqlx::query(UPSERT_SCHOOL)
                        .bind(school.0)
                        .bind(&s.issuer)
                        .bind(s.organisation.as_str())
                        .bind(i64::from(s.join_as_member))
                        .bind(i64::from(s.password_allowed))
                        .bind(now)
                        .execute(&mut *tx)
                        .await?;
                    if !s.password_allowed {
                        sqlx::query(END_PASSWORD_SESSIONS).bind(school.0).bind(actor.0).execute(&mut *tx).await?;
                    }
                }
                None => {
                    sqlx::query(DELETE_SCHOOL).bind(school.0).execute(&mut *tx).await?;
                }
            }
            audit!(tx, school.0, actor.0, AuditAction::SignInChanged, None::<Uuid>, None::<String>, Some(detail));
            tx.commit().await?;
        });
        // Sessions may have ended: lookups kept of them go.
        self.changed();
        Ok(())
    }

    /// The schools linked to an organisation of a provider.
    pub async fn schools_of_organisation(
        &self,
        issuer: &str,
        organisation: &Organisation,
    ) -> Result<Vec<MappedSchool>, StoreError> {
        let rows: Vec<(Uuid, i64)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_MAPPED).bind(issuer).bind(organisation.as_str()).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|(school, join)| MappedSchool {
                school: SchoolId(school),
                join_as_member: join == 1,
            })
            .collect())
    }

    /// Whether the person may sign in with a password: not when a school they are an
    /// active member of turned that off.
    pub async fn password_sign_in_allowed(&self, user: UserId) -> Result<bool, StoreError> {
        let (refused,): (bool,) = on_pool!(self, pool =>
            sqlx::query_as(PASSWORD_REFUSED).bind(user.0).fetch_one(pool).await?);
        Ok(!refused)
    }

    /// A new person of the school's organisation, on their first sign-in: makes their
    /// account (without a password), makes them *lid* without framework roles and links the
    /// identity, in one transaction; written to the school's audit log.
    pub async fn join_through_sso(
        &self,
        school: SchoolId,
        email: &Email,
        name: &PersonName,
        issuer: &str,
        subject: &str,
    ) -> Result<User, JoinError> {
        let id = Uuid::new_v4();
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let holder: Option<(Uuid,)> = sqlx::query_as(SELECT_HOLDER).bind(issuer).bind(subject).fetch_optional(&mut *tx).await?;
            if holder.is_some() {
                return Err(JoinError::IdentityTaken);
            }
            let inserted = sqlx::query(INSERT_USER).bind(id).bind(email.as_str()).bind(name.as_str()).bind(now).execute(&mut *tx).await?;
            if inserted.rows_affected() == 0 {
                return Err(JoinError::EmailTaken);
            }
            sqlx::query(INSERT_MEMBERSHIP)
                .bind(school.0)
                .bind(id)
                .bind(Permission::Member.code())
                .bind(FrameworkRoles::default().to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            sqlx::query(INSERT_LINK).bind(issuer).bind(subject).bind(id).bind(now).execute(&mut *tx).await?;
            audit!(tx, school.0, id, AuditAction::MemberJoined, Some(id), Some(email.as_str()), None::<String>);
            tx.commit().await?;
        });
        self.members_changed();
        Ok(User {
            id: UserId(id),
            email: email.clone(),
            name: name.clone(),
        })
    }
}
