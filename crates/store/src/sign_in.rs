//! What signing in needs: password hashes, one-time links and sessions. Secrets (link and
//! session tokens) are random 256-bit values handed to the person once; only their SHA-256
//! hashes are stored, so a copy of the database opens no account.

use std::fmt::Write as _;

use domain::account::{Email, PersonName, User, UserId};
use domain::links::{AdministratorLinkFacts, LinkMaker, Outlived, check_administrator_link};
use domain::members::AuditAction;
use std::time::Duration;

use domain::throttle::{Attempts, Policy};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::email_change::END_OPEN_CHANGES;
use crate::members::{AUDIT_RETENTION_MS, COUNT_OTHER_SCHOOLS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::people::UserRow;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

/// A secret to hand out (in a link or a cookie) and the hash under which it is stored.
pub(crate) struct Secret {
    pub token: String,
    pub hash: String,
}

impl Secret {
    pub(crate) fn new() -> Result<Secret, StoreError> {
        let mut bytes = [0_u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| StoreError::Randomness(e.to_string()))?;
        let token = hex(&bytes);
        Ok(Secret {
            hash: hash_token(&token),
            token,
        })
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

/// The stored form of a token.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// How a session was begun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignedWith {
    /// With a password: the sign-in form, an invitation or the set-up that asked for one.
    Password,
    /// Through a school's identity provider (SURFconext, Entree).
    Provider,
}

/// How long sessions last.
#[derive(Clone, Copy, Debug)]
pub struct SessionLimits {
    /// Signed out after this long without a request.
    pub idle_ms: i64,
    /// Signed out after this long in any case.
    pub absolute_ms: i64,
}

impl SessionLimits {
    pub const DEFAULT: SessionLimits = SessionLimits {
        idle_ms: 12 * 60 * 60 * 1000,
        absolute_ms: 14 * 24 * 60 * 60 * 1000,
    };
}

/// `last_seen_at` is written at most this often, so a session lookup is usually a read.
const SEEN_GRANULARITY_MS: i64 = 60 * 1000;

pub(crate) const INSERT_LINK: &str = "INSERT INTO one_time_links \
     (token_hash, purpose, user_id, created_at, expires_at, made_by_kind, made_by, school_id) \
     VALUES ($1, 'set-password', $2, $3, $4, $5, $6, $7)";
const SELECT_LINK: &str = "SELECT u.id, u.email, u.name, l.made_by_kind, l.made_by, l.school_id \
     FROM one_time_links l JOIN users u ON u.id = l.user_id \
     WHERE l.token_hash = $1 AND l.purpose = 'set-password' AND l.used_at IS NULL \
     AND l.revoked_at IS NULL AND l.expires_at > $2";
const COUNT_ACTIVE_ADMINISTRATOR: &str = "SELECT COUNT(*) FROM memberships \
     WHERE school_id = $1 AND user_id = $2 AND permission = 'schoolbeheerder' AND active = 1";
const COUNT_MEMBERSHIP: &str =
    "SELECT COUNT(*) FROM memberships WHERE school_id = $1 AND user_id = $2";
const SPEND_LINK: &str = "UPDATE one_time_links SET used_at = $2 \
     WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL";
/// Ends every open password link of a person made by someone else (`$3` is the code of the
/// person's own links); run through [`revoke_links_by_others!`].
pub(crate) const REVOKE_LINKS_BY_OTHERS: &str = "UPDATE one_time_links SET revoked_at = $2 \
     WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND made_by_kind <> $3";

/// Inside the transaction `$tx`, ends every open password link of the person `$user` (a
/// `Uuid`) that someone else made: the person signed in, set a password or joined a school.
macro_rules! revoke_links_by_others {
    ($tx:expr, $user:expr, $now:expr) => {
        sqlx::query($crate::sign_in::REVOKE_LINKS_BY_OTHERS)
            .bind($user)
            .bind($now)
            .bind(domain::links::LinkMaker::Own.code())
            .execute(&mut *$tx)
            .await?
    };
}
pub(crate) use revoke_links_by_others;
const REVOKE_ALL_LINKS: &str = "UPDATE one_time_links SET revoked_at = $2 \
     WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL";
const SET_PASSWORD: &str = "UPDATE users SET password_hash = $2 WHERE id = $1";
const DELETE_USER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1";
const DELETE_OTHER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2";
const SET_NAME: &str = "UPDATE users SET name = $2 WHERE id = $1";
const SELECT_CREDENTIALS: &str =
    "SELECT id, email, name, password_hash FROM users WHERE email = $1";
const INSERT_SESSION: &str = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, by_password) \
     VALUES ($1, $2, $3, $3, $4, $5)";
const SELECT_SESSION: &str = "SELECT u.id, u.email, u.name, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id \
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3";
const TOUCH_SESSION: &str = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
const COUNT_SESSIONS: &str = "SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2";
pub(crate) const HAS_PASSWORD: &str = "SELECT password_hash IS NOT NULL FROM users WHERE id = $1";
const SELECT_ATTEMPTS: &str =
    "SELECT failures, window_start, locked_until FROM sign_in_attempts WHERE key = $1";
const UPSERT_ATTEMPTS: &str = "INSERT INTO sign_in_attempts (key, failures, window_start, locked_until) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE \
     SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until";
const DELETE_ATTEMPTS: &str = "DELETE FROM sign_in_attempts WHERE key = $1";
const ENSURE_ATTEMPTS: &str = "INSERT INTO sign_in_attempts (key, failures, window_start, locked_until) \
     VALUES ($1, 0, $2, 0) ON CONFLICT (key) DO NOTHING";
/// A write that changes nothing, to hold the row's lock (PostgreSQL) until the transaction
/// ends; on SQLite `BEGIN IMMEDIATE` already holds the database's.
const LOCK_ATTEMPTS: &str = "UPDATE sign_in_attempts SET failures = failures WHERE key = $1";
const FORGIVE_ATTEMPT: &str = "UPDATE sign_in_attempts SET failures = failures - 1 \
     WHERE key = $1 AND failures > 0";
const DELETE_SESSION: &str = "DELETE FROM sessions WHERE token_hash = $1";

#[derive(sqlx::FromRow)]
struct CredentialRow {
    #[sqlx(flatten)]
    user: UserRow,
    password_hash: Option<String>,
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    #[sqlx(flatten)]
    user: UserRow,
    last_seen_at: i64,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    #[sqlx(flatten)]
    user: UserRow,
    made_by_kind: String,
    made_by: Option<Uuid>,
    school_id: Option<Uuid>,
}

/// Why a password link cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("the link is unknown, used, revoked or expired")]
    Gone,
    /// Unused and not expired, but a rule under which it was made no longer holds.
    #[error("{0}")]
    Outlived(Outlived),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for LinkError {
    fn from(e: sqlx::Error) -> Self {
        LinkError::Store(StoreError::Database(e))
    }
}

/// A usable password link, as found inside a transaction.
struct FoundLink {
    user: User,
    maker: LinkMaker,
    made_by: Option<Uuid>,
    school: Option<Uuid>,
}

/// Finds the link with hash `$hash` inside the transaction `$tx` and checks again every rule
/// under which it was made (`domain::links`); evaluates to a `FoundLink` or returns a
/// `LinkError`.
macro_rules! usable_link {
    ($tx:expr, $hash:expr, $now:expr) => {{
        let row: Option<LinkRow> = sqlx::query_as(SELECT_LINK)
            .bind($hash)
            .bind($now)
            .fetch_optional(&mut *$tx)
            .await?;
        let row = row.ok_or(LinkError::Gone)?;
        let maker = LinkMaker::parse(&row.made_by_kind).ok_or_else(|| {
            StoreError::CorruptRow(format!("link made by '{}'", row.made_by_kind))
        })?;
        let user = row.user.into_user()?;
        if maker == LinkMaker::Administrator {
            let school = row.school_id.ok_or_else(|| {
                StoreError::CorruptRow("an administrator's link without its school".into())
            })?;
            let maker_is_active_administrator = match row.made_by {
                Some(maker) => {
                    let (n,): (i64,) = sqlx::query_as(COUNT_ACTIVE_ADMINISTRATOR)
                        .bind(school)
                        .bind(maker)
                        .fetch_one(&mut *$tx)
                        .await?;
                    n > 0
                }
                None => false,
            };
            let (in_school,): (i64,) = sqlx::query_as(COUNT_MEMBERSHIP)
                .bind(school)
                .bind(user.id.0)
                .fetch_one(&mut *$tx)
                .await?;
            let (others,): (i64,) = sqlx::query_as(COUNT_OTHER_SCHOOLS)
                .bind(user.id.0)
                .bind(school)
                .fetch_one(&mut *$tx)
                .await?;
            check_administrator_link(AdministratorLinkFacts {
                maker_is_active_administrator,
                person_in_school: in_school > 0,
                other_schools: usize::try_from(others).unwrap_or(usize::MAX),
            })
            .map_err(LinkError::Outlived)?;
        }
        FoundLink {
            user,
            maker,
            made_by: row.made_by,
            school: row.school_id,
        }
    }};
}

impl Store {
    /// Makes a one-time link with which a person sets a new password themselves; the caller
    /// sends it only to the person's own address ("Wachtwoord vergeten"). Returns the token.
    pub async fn create_password_link(&self, user: UserId) -> Result<String, StoreError> {
        self.insert_password_link(user, LinkMaker::Own).await
    }

    /// Makes a one-time link for whoever runs the server (the CLI) to hand to a person.
    pub async fn operator_password_link(&self, user: UserId) -> Result<String, StoreError> {
        self.insert_password_link(user, LinkMaker::Operator).await
    }

    async fn insert_password_link(
        &self,
        user: UserId,
        maker: LinkMaker,
    ) -> Result<String, StoreError> {
        let secret = Secret::new()?;
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(INSERT_LINK)
                .bind(&secret.hash)
                .bind(user.0)
                .bind(now)
                .bind(now + maker.lifetime_ms())
                .bind(maker.code())
                .bind(None::<Uuid>)
                .bind(None::<Uuid>)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(secret.token)
    }

    /// The person a password link is for, while it can be used: unused, not revoked, not
    /// expired, and (for an administrator's link) every rule it was made under still holds.
    pub async fn password_link(&self, token: &str) -> Result<User, LinkError> {
        let hash = hash_token(token);
        let now = now_millis();
        let found = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let found = usable_link!(tx, &hash, now);
            tx.commit().await?;
            found
        });
        Ok(found.user)
    }

    /// Uses a password link: in one transaction its rules are checked again, the link is
    /// spent, the password hash set, every session of the person ended and every other open
    /// link of theirs revoked; the use of an administrator's link goes into that school's
    /// audit log. On any refusal nothing changes.
    pub async fn set_password_with_link(
        &self,
        token: &str,
        password_hash: &str,
    ) -> Result<UserId, LinkError> {
        let hash = hash_token(token);
        let now = now_millis();
        let user = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let found = usable_link!(tx, &hash, now);
            let user = found.user.id.0;
            // Two uses at the same moment: only one spends it (PostgreSQL reads do not wait).
            let spent = sqlx::query(SPEND_LINK).bind(&hash).bind(now).execute(&mut *tx).await?;
            if spent.rows_affected() != 1 {
                return Err(LinkError::Gone);
            }
            sqlx::query(SET_PASSWORD).bind(user).bind(password_hash).execute(&mut *tx).await?;
            sqlx::query(DELETE_USER_SESSIONS).bind(user).execute(&mut *tx).await?;
            sqlx::query(REVOKE_ALL_LINKS).bind(user).bind(now).execute(&mut *tx).await?;
            if let (LinkMaker::Administrator, Some(school)) = (found.maker, found.school) {
                audit!(tx, school, found.made_by, AuditAction::PasswordLinkUsed, Some(user), None::<String>, None::<String>);
            }
            tx.commit().await?;
            UserId(user)
        });
        self.changed();
        Ok(user)
    }

    /// A signed-in person's new password, in one transaction: the hash is set, every other
    /// session of theirs ends (the one in use, `keep`, stays) and every open link of theirs
    /// (to set a password or to change the address) is revoked.
    pub async fn change_password(
        &self,
        user: UserId,
        password_hash: &str,
        keep: &str,
    ) -> Result<(), StoreError> {
        let now = now_millis();
        let keep = hash_token(keep);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(SET_PASSWORD).bind(user.0).bind(password_hash).execute(&mut *tx).await?;
            sqlx::query(DELETE_OTHER_SESSIONS).bind(user.0).bind(&keep).execute(&mut *tx).await?;
            sqlx::query(REVOKE_ALL_LINKS).bind(user.0).bind(now).execute(&mut *tx).await?;
            sqlx::query(END_OPEN_CHANGES).bind(user.0).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// A person's new name (their own choice, confirmed with their password by the caller).
    pub async fn set_name(&self, user: UserId, name: &PersonName) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(SET_NAME).bind(user.0).bind(name.as_str()).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        self.members_changed();
        Ok(())
    }

    /// The account for an address and its password hash (none until a password is set).
    pub async fn credentials(
        &self,
        email: &Email,
    ) -> Result<Option<(User, Option<String>)>, StoreError> {
        let row: Option<CredentialRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_CREDENTIALS).bind(email.as_str()).fetch_optional(pool).await?
        });
        row.map(|r| Ok((r.user.into_user()?, r.password_hash)))
            .transpose()
    }

    /// Starts a session; returns the token for the cookie. Always a new token, so a session
    /// id from before signing in is never reused. Every open password link of the person
    /// made by someone else ends with it.
    pub async fn create_session(
        &self,
        user: UserId,
        limits: SessionLimits,
        with: SignedWith,
    ) -> Result<String, StoreError> {
        let secret = Secret::new()?;
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(INSERT_SESSION)
                .bind(&secret.hash)
                .bind(user.0)
                .bind(now)
                .bind(now + limits.absolute_ms)
                .bind(i64::from(with == SignedWith::Password))
                .execute(&mut *tx)
                .await?;
            // Signing in shows the person holds the account: links others made end.
            revoke_links_by_others!(tx, user.0, now);
            tx.commit().await?;
        });
        Ok(secret.token)
    }

    /// The person signed in with this session token, if the session is still valid (neither
    /// idle nor older than its limit). Notes the request as activity.
    pub async fn session_user(
        &self,
        token: &str,
        limits: SessionLimits,
    ) -> Result<Option<User>, StoreError> {
        let hash = hash_token(token);
        let now = now_millis();
        let row: Option<SessionRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_SESSION).bind(&hash).bind(now).bind(now - limits.idle_ms).fetch_optional(pool).await?
        });
        let Some(row) = row else {
            return Ok(None);
        };
        if now - row.last_seen_at > SEEN_GRANULARITY_MS {
            on_pool!(self, pool => {
                sqlx::query(TOUCH_SESSION).bind(&hash).bind(now).execute(pool).await?;
            });
        }
        row.user.into_user().map(Some)
    }

    /// When the session with this token began (the sign-in), if it is one.
    pub async fn session_started(&self, token: &str) -> Result<Option<i64>, StoreError> {
        let row: Option<(i64,)> = on_pool!(self, pool => {
            sqlx::query_as("SELECT created_at FROM sessions WHERE token_hash = $1")
                .bind(hash_token(token))
                .fetch_optional(pool)
                .await?
        });
        Ok(row.map(|(at,)| at))
    }

    /// Ends every session of a person (signing out everywhere).
    pub async fn delete_sessions_of(&self, user: UserId) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(DELETE_USER_SESSIONS).bind(user.0).execute(pool).await?;
        });
        self.changed();
        Ok(())
    }

    /// How many sessions of a person have not expired (for their data download).
    pub async fn session_count(&self, user: UserId) -> Result<i64, StoreError> {
        let (n,): (i64,) = on_pool!(self, pool => {
            sqlx::query_as(COUNT_SESSIONS).bind(user.0).bind(now_millis()).fetch_one(pool).await?
        });
        Ok(n)
    }

    /// Whether a person has set a password.
    pub async fn has_password(&self, user: UserId) -> Result<bool, StoreError> {
        let row: Option<(bool,)> = on_pool!(self, pool => {
            sqlx::query_as(HAS_PASSWORD).bind(user.0).fetch_optional(pool).await?
        });
        Ok(row.is_some_and(|(b,)| b))
    }

    /// Counts one attempt for a key under a policy, in one transaction that holds the key's
    /// row, so that parallel attempts are each counted (none reads a count another is about
    /// to raise). Counted *before* the password is checked: `Err(wait)` while the key is
    /// locked (nothing counted, nothing to check), else the counts with this attempt.
    pub async fn count_attempt(
        &self,
        key: &str,
        policy: Policy,
    ) -> Result<Result<Attempts, Duration>, StoreError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let now = now_millis();
            sqlx::query(ENSURE_ATTEMPTS).bind(key).bind(now).execute(&mut *tx).await?;
            sqlx::query(LOCK_ATTEMPTS).bind(key).execute(&mut *tx).await?;
            let (failures, window_start, locked_until): (i64, i64, i64) =
                sqlx::query_as(SELECT_ATTEMPTS).bind(key).fetch_one(&mut *tx).await?;
            let before = Attempts {
                failures: u32::try_from(failures).unwrap_or(u32::MAX),
                window_start,
                locked_until,
            };
            let after = match policy.attempt(before, now) {
                Ok(after) => after,
                Err(wait) => return Ok(Err(wait)),
            };
            sqlx::query(UPSERT_ATTEMPTS)
                .bind(key)
                .bind(i64::from(after.failures))
                .bind(after.window_start)
                .bind(after.locked_until)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(Ok(after))
        })
    }

    /// Takes back one counted attempt of a key (a client's, after a right password): a
    /// success neither resets a client's count nor adds to it.
    pub async fn forgive_attempt(&self, key: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(FORGIVE_ATTEMPT).bind(key).execute(pool).await?;
        });
        Ok(())
    }

    /// Forgets the failures of a key (after a successful sign-in).
    pub async fn clear_sign_in_attempts(&self, key: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(DELETE_ATTEMPTS).bind(key).execute(pool).await?;
        });
        Ok(())
    }

    /// Ends a session (signing out).
    pub async fn delete_session(&self, token: &str) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(DELETE_SESSION).bind(hash_token(token)).execute(pool).await?;
        });
        self.changed();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_only_as_hashes() {
        let a = Secret::new().expect("random");
        let b = Secret::new().expect("random");
        assert_ne!(a.token, b.token);
        assert_eq!(a.token.len(), 64);
        assert_eq!(a.hash, hash_token(&a.token));
        assert_ne!(a.hash, a.token);
        assert_eq!(
            hash_token("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
