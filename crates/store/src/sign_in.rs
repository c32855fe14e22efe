//! What signing in needs: password hashes, one-time links and sessions. Secrets (link and
//! session tokens) are random 256-bit values handed to the person once; only their SHA-256
//! hashes are stored, so a copy of the database opens no account.

use std::fmt::Write as _;

use domain::account::{Email, User, UserId};
use domain::throttle::Attempts;
use sha2::{Digest, Sha256};
use uuid::Uuid;

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

/// How long a link to set a password stays valid.
pub const PASSWORD_LINK_MS: i64 = 14 * 24 * 60 * 60 * 1000;

/// `last_seen_at` is written at most this often, so a session lookup is usually a read.
const SEEN_GRANULARITY_MS: i64 = 60 * 1000;

const INSERT_LINK: &str = "INSERT INTO one_time_links (token_hash, purpose, user_id, created_at, expires_at) \
     VALUES ($1, 'set-password', $2, $3, $4)";
const SELECT_LINK_USER: &str = "SELECT u.id, u.email, u.name FROM one_time_links l JOIN users u ON u.id = l.user_id \
     WHERE l.token_hash = $1 AND l.purpose = 'set-password' AND l.used_at IS NULL AND l.expires_at > $2";
const USE_LINK: &str = "UPDATE one_time_links SET used_at = $2 \
     WHERE token_hash = $1 AND purpose = 'set-password' AND used_at IS NULL AND expires_at > $2 RETURNING user_id";
const SET_PASSWORD: &str = "UPDATE users SET password_hash = $2 WHERE id = $1";
const DELETE_USER_SESSIONS: &str = "DELETE FROM sessions WHERE user_id = $1";
const SELECT_CREDENTIALS: &str =
    "SELECT id, email, name, password_hash FROM users WHERE email = $1";
const INSERT_SESSION: &str = "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) \
     VALUES ($1, $2, $3, $3, $4)";
const SELECT_SESSION: &str = "SELECT u.id, u.email, u.name, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id \
     WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3";
const TOUCH_SESSION: &str = "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1";
const COUNT_SESSIONS: &str = "SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2";
const HAS_PASSWORD: &str = "SELECT password_hash IS NOT NULL FROM users WHERE id = $1";
const SELECT_ATTEMPTS: &str =
    "SELECT failures, window_start, locked_until FROM sign_in_attempts WHERE key = $1";
const UPSERT_ATTEMPTS: &str = "INSERT INTO sign_in_attempts (key, failures, window_start, locked_until) \
     VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO UPDATE \
     SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until";
const DELETE_ATTEMPTS: &str = "DELETE FROM sign_in_attempts WHERE key = $1";
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

impl Store {
    /// Makes a one-time link with which a person sets (or resets) their password; returns
    /// the token to put in the link.
    pub async fn create_password_link(&self, user: UserId) -> Result<String, StoreError> {
        let secret = Secret::new()?;
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(INSERT_LINK)
                .bind(&secret.hash)
                .bind(user.0)
                .bind(now)
                .bind(now + PASSWORD_LINK_MS)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(secret.token)
    }

    /// The person a password link is for, while it is unused and not expired.
    pub async fn password_link_user(&self, token: &str) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_LINK_USER).bind(hash_token(token)).bind(now_millis()).fetch_optional(pool).await?
        });
        row.map(UserRow::into_user).transpose()
    }

    /// Uses a password link: in one transaction the link is spent, the password hash set and
    /// every session of the person ended. `None` (and nothing changed) for a link that is
    /// unknown, used or expired.
    pub async fn set_password_with_link(
        &self,
        token: &str,
        password_hash: &str,
    ) -> Result<Option<UserId>, StoreError> {
        let hash = hash_token(token);
        let now = now_millis();
        let user = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let used: Option<(Uuid,)> = sqlx::query_as(USE_LINK).bind(&hash).bind(now).fetch_optional(&mut *tx).await?;
            if let Some((user,)) = used {
                sqlx::query(SET_PASSWORD).bind(user).bind(password_hash).execute(&mut *tx).await?;
                sqlx::query(DELETE_USER_SESSIONS).bind(user).execute(&mut *tx).await?;
                tx.commit().await?;
                Some(UserId(user))
            } else {
                None
            }
        });
        self.changed();
        Ok(user)
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
    /// id from before signing in is never reused.
    pub async fn create_session(
        &self,
        user: UserId,
        limits: SessionLimits,
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
                .execute(&mut *tx)
                .await?;
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

    /// The failed sign-ins counted for a key.
    pub async fn sign_in_attempts(&self, key: &str) -> Result<Attempts, StoreError> {
        let row: Option<(i64, i64, i64)> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_ATTEMPTS).bind(key).fetch_optional(pool).await?
        });
        Ok(row.map_or_else(
            Attempts::default,
            |(failures, window_start, locked_until)| Attempts {
                failures: u32::try_from(failures).unwrap_or(u32::MAX),
                window_start,
                locked_until,
            },
        ))
    }

    /// Stores the counts for a key.
    pub async fn record_sign_in_attempts(
        &self,
        key: &str,
        attempts: Attempts,
    ) -> Result<(), StoreError> {
        on_pool!(self, pool => {
            sqlx::query(UPSERT_ATTEMPTS)
                .bind(key)
                .bind(i64::from(attempts.failures))
                .bind(attempts.window_start)
                .bind(attempts.locked_until)
                .execute(pool)
                .await?;
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
