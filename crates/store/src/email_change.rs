//! A person changes their own e-mail address. The caller has confirmed the change with the
//! person's password. Without e-mail the address changes at once ([`Store::change_email`]);
//! with e-mail a one-time link goes to the new address and the address changes only when it
//! is used ([`Store::request_email_change`], [`Store::confirm_email_change`]), so nobody
//! moves an account to an address they cannot read.

use domain::account::{Email, User, UserId};
use domain::links::LinkMaker;
use uuid::Uuid;

use crate::people::UserRow;
use crate::sign_in::Secret;
use crate::{BeginWrite, Store, StoreError, hash_token, now_millis, on_pool};

const SELECT_EMAIL_TAKEN: &str = "SELECT COUNT(*) FROM users WHERE email = $1 AND id <> $2";
const SET_EMAIL: &str = "UPDATE users SET email = $2 WHERE id = $1";
pub(crate) const END_OPEN_CHANGES: &str =
    "UPDATE email_changes SET ended_at = $2 WHERE user_id = $1 AND ended_at IS NULL";
const INSERT_CHANGE: &str = "INSERT INTO email_changes \
     (token_hash, user_id, new_email, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
const SELECT_CHANGE: &str = "SELECT u.id, u.email, u.name, c.new_email FROM email_changes c \
     JOIN users u ON u.id = c.user_id \
     WHERE c.token_hash = $1 AND c.ended_at IS NULL AND c.expires_at > $2";
const END_CHANGE: &str =
    "UPDATE email_changes SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL";

/// Why an e-mail change cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum EmailChangeError {
    /// Another account has this address.
    #[error("this e-mail address already has an account")]
    Taken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for EmailChangeError {
    fn from(e: sqlx::Error) -> Self {
        EmailChangeError::Store(StoreError::Database(e))
    }
}

/// A change waiting for its link, as the link's page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingEmailChange {
    pub user: User,
    pub new_email: Email,
}

#[derive(sqlx::FromRow)]
struct ChangeRow {
    #[sqlx(flatten)]
    user: UserRow,
    new_email: String,
}

impl ChangeRow {
    fn into_pending(self) -> Result<PendingEmailChange, StoreError> {
        let new_email = Email::parse(&self.new_email)
            .map_err(|_| StoreError::CorruptRow(format!("e-mail address '{}'", self.new_email)))?;
        Ok(PendingEmailChange {
            user: self.user.into_user()?,
            new_email,
        })
    }
}

/// Refuses, inside the transaction `$tx`, an address another account (than `$user`) has.
macro_rules! free_address {
    ($tx:expr, $email:expr, $user:expr) => {{
        let (taken,): (i64,) = sqlx::query_as(SELECT_EMAIL_TAKEN)
            .bind($email.as_str())
            .bind($user)
            .fetch_one(&mut *$tx)
            .await?;
        if taken > 0 {
            return Err(EmailChangeError::Taken);
        }
    }};
}

impl Store {
    /// Changes a person's address at once (the server sends no e-mail, so there is no link
    /// to confirm it with); any change waiting for a link ends. Refused, changing nothing,
    /// when another account has the address.
    pub async fn change_email(&self, user: UserId, email: &Email) -> Result<(), EmailChangeError> {
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            free_address!(tx, email, user.0);
            sqlx::query(SET_EMAIL).bind(user.0).bind(email.as_str()).execute(&mut *tx).await?;
            sqlx::query(END_OPEN_CHANGES).bind(user.0).bind(now).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        self.members_changed();
        Ok(())
    }

    /// Asks for a link that changes a person's address to `email` when it is used; an
    /// earlier request of theirs ends. Returns the link's token (valid as long as a password
    /// link the person asked for). Refused when another account has the address.
    pub async fn request_email_change(
        &self,
        user: UserId,
        email: &Email,
    ) -> Result<String, EmailChangeError> {
        let secret = Secret::new()?;
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            free_address!(tx, email, user.0);
            sqlx::query(END_OPEN_CHANGES).bind(user.0).bind(now).execute(&mut *tx).await?;
            sqlx::query(INSERT_CHANGE)
                .bind(&secret.hash)
                .bind(user.0)
                .bind(email.as_str())
                .bind(now)
                .bind(now + LinkMaker::Own.lifetime_ms())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
        });
        Ok(secret.token)
    }

    /// The change a link stands for, while it can be used; `None` when the link is unknown,
    /// used, replaced by a newer request, ended by a password change or expired.
    pub async fn email_change(
        &self,
        token: &str,
    ) -> Result<Option<PendingEmailChange>, StoreError> {
        let hash = hash_token(token);
        let now = now_millis();
        let row: Option<ChangeRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_CHANGE).bind(&hash).bind(now).fetch_optional(pool).await?
        });
        row.map(ChangeRow::into_pending).transpose()
    }

    /// Uses a change link: in one transaction the link is spent and the address set; `None`
    /// when the link cannot be used (see [`Store::email_change`]). Refused, changing nothing
    /// but spending the link, when another account took the address in the meantime.
    pub async fn confirm_email_change(
        &self,
        token: &str,
    ) -> Result<Option<PendingEmailChange>, EmailChangeError> {
        let hash = hash_token(token);
        let now = now_millis();
        let pending = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<ChangeRow> = sqlx::query_as(SELECT_CHANGE)
                .bind(&hash)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
            let Some(row) = row else {
                return Ok(None);
            };
            let pending = row.into_pending()?;
            // Two uses at the same moment: only one spends it.
            let spent = sqlx::query(END_CHANGE).bind(&hash).bind(now).execute(&mut *tx).await?;
            if spent.rows_affected() != 1 {
                return Ok(None);
            }
            let user: Uuid = pending.user.id.0;
            let (taken,): (i64,) = sqlx::query_as(SELECT_EMAIL_TAKEN)
                .bind(pending.new_email.as_str())
                .bind(user)
                .fetch_one(&mut *tx)
                .await?;
            if taken > 0 {
                tx.commit().await?;
                return Err(EmailChangeError::Taken);
            }
            sqlx::query(SET_EMAIL).bind(user).bind(pending.new_email.as_str()).execute(&mut *tx).await?;
            tx.commit().await?;
            pending
        });
        self.members_changed();
        Ok(Some(pending))
    }
}
