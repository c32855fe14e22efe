//! API tokens. Each belongs to one school and to the person who made it: a personal token acts
//! for that person, a school token (made by an administrator) for an integration. The secret
//! is shown once; only its SHA-256 hash is stored. Making and revoking are written to the
//! school's audit log in the same transaction. A token in use is looked up by its hash; the
//! caller then checks it against the person's permission in the school as it is now.

use domain::account::{Permission, UserId};
use domain::api_token::{Holder, Lifetime, Scopes, TOKEN_PREFIX, TokenName};
use domain::members::AuditAction;
use domain::school::SchoolId;
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::scans::active_permission;
use crate::sign_in::{Secret, hash_token};
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const INSERT_TOKEN: &str = "INSERT INTO api_tokens (id, token_hash, school_id, user_id, \
     holder, name, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
/// A query of tokens with their maker's name: the columns, then `$rest` (a literal).
macro_rules! select_tokens {
    ($rest:literal) => {
        concat!(
            "SELECT t.id, t.school_id, t.user_id, u.name, t.holder, t.name, t.scopes, \
             t.created_at, t.expires_at, t.last_used_at, t.revoked_at \
             FROM api_tokens t JOIN users u ON u.id = t.user_id ",
            $rest
        )
    };
}
const SELECT_BY_HASH: &str =
    select_tokens!("WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2");
const SELECT_OF_PERSON: &str = select_tokens!(
    "WHERE t.school_id = $1 AND t.user_id = $2 AND t.holder = 'person' \
     ORDER BY t.created_at DESC, t.name"
);
const SELECT_PERSONAL_OF_SCHOOL: &str = select_tokens!(
    "WHERE t.school_id = $1 AND t.holder = 'person' AND t.revoked_at IS NULL \
     AND t.expires_at > $2 ORDER BY u.name, t.created_at DESC"
);
const SELECT_OF_SCHOOL: &str = select_tokens!(
    "WHERE t.school_id = $1 AND t.holder = 'school' ORDER BY t.created_at DESC, t.name"
);
const SELECT_ONE: &str = select_tokens!("WHERE t.school_id = $1 AND t.id = $2");
const REVOKE: &str = "UPDATE api_tokens SET revoked_at = $3 \
     WHERE school_id = $1 AND id = $2 AND revoked_at IS NULL";
const TOUCH: &str = "UPDATE api_tokens SET last_used_at = $2 \
     WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at < $3)";

/// "Last used" is written at most this often, so a token in use is usually only read.
pub const USED_GRANULARITY_MS: i64 = 60 * 1000;

/// A token as its list shows it and as a request presents it (never its secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiToken {
    pub id: Uuid,
    pub school: SchoolId,
    /// Who made it: the person a personal token acts for, the administrator a school token
    /// acts with.
    pub user: UserId,
    pub user_name: String,
    pub holder: Holder,
    pub name: TokenName,
    pub scopes: Scopes,
    pub created_at: i64,
    pub expires_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl ApiToken {
    /// Whether a request with it is still taken at `now`.
    pub fn usable(&self, now: i64) -> bool {
        self.revoked_at.is_none() && self.expires_at > now
    }
}

/// What a token is to be.
#[derive(Clone, Debug)]
pub struct NewToken {
    pub school: SchoolId,
    /// The person making it (for a school token, an administrator).
    pub maker: UserId,
    pub holder: Holder,
    pub name: TokenName,
    pub scopes: Scopes,
    pub lifetime: Lifetime,
}

/// Why a token was not made or revoked. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    /// Not an active member; for a school token, or another's, not an administrator.
    #[error("not allowed")]
    NotAllowed,
    #[error("no such token")]
    NotFound,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for TokenError {
    fn from(e: sqlx::Error) -> Self {
        TokenError::Store(StoreError::Database(e))
    }
}

type TokenRow = (
    Uuid,
    Uuid,
    Uuid,
    String,
    String,
    String,
    String,
    i64,
    i64,
    Option<i64>,
    Option<i64>,
);

fn token_of(row: TokenRow) -> Result<ApiToken, StoreError> {
    let (id, school, user, user_name, holder, name, scopes, created, expires, used, revoked) = row;
    let holder = Holder::parse(&holder)
        .ok_or_else(|| StoreError::CorruptRow(format!("token holder '{holder}'")))?;
    Ok(ApiToken {
        id,
        school: SchoolId(school),
        user: UserId(user),
        user_name,
        holder,
        name: TokenName::parse(&name)
            .map_err(|_| StoreError::CorruptRow(format!("token name '{name}'")))?,
        scopes: Scopes::parse(&scopes, holder)
            .map_err(|_| StoreError::CorruptRow(format!("token scopes '{scopes}'")))?,
        created_at: created,
        expires_at: expires,
        last_used_at: used,
        revoked_at: revoked,
    })
}

/// The audit log's detail of a token: its name and what it may do.
fn detail(name: &TokenName, scopes: &Scopes) -> String {
    format!("{name} ({})", scopes.code())
}

impl Store {
    /// Makes a token; returns it with its secret (`rwk_…`), which is shown once and stored
    /// only as a hash. A personal token needs an active member, a school token an
    /// administrator. Written to the school's audit log.
    pub async fn create_token(&self, new: &NewToken) -> Result<(ApiToken, String), TokenError> {
        let secret = format!("{TOKEN_PREFIX}{}", Secret::new()?.token);
        let hash = hash_token(&secret);
        let id = Uuid::new_v4();
        let now = now_millis();
        let expires = now + new.lifetime.millis();
        let scopes = new.scopes.code();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let permission = active_permission!(tx, new.school.0, new.maker.0)
                .ok_or(TokenError::NotAllowed)?;
            if new.holder == Holder::School && permission != Permission::Administrator {
                return Err(TokenError::NotAllowed);
            }
            sqlx::query(INSERT_TOKEN)
                .bind(id)
                .bind(&hash)
                .bind(new.school.0)
                .bind(new.maker.0)
                .bind(new.holder.code())
                .bind(new.name.as_str())
                .bind(&scopes)
                .bind(now)
                .bind(expires)
                .execute(&mut *tx)
                .await?;
            let subject = (new.holder == Holder::Person).then_some(new.maker.0);
            audit!(tx, new.school.0, new.maker.0, AuditAction::TokenCreated, subject, None::<String>, Some(detail(&new.name, &new.scopes)));
            tx.commit().await?;
        });
        let token = self
            .token(new.school, id)
            .await?
            .ok_or(TokenError::NotFound)?;
        Ok((token, secret))
    }

    /// One token of the school, revoked or not.
    pub async fn token(&self, school: SchoolId, id: Uuid) -> Result<Option<ApiToken>, StoreError> {
        let row: Option<TokenRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_ONE).bind(school.0).bind(id).fetch_optional(pool).await?);
        row.map(token_of).transpose()
    }

    /// A person's own tokens in a school, newest first, revoked and expired ones included.
    pub async fn personal_tokens(
        &self,
        school: SchoolId,
        user: UserId,
    ) -> Result<Vec<ApiToken>, StoreError> {
        let rows: Vec<TokenRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_OF_PERSON).bind(school.0).bind(user.0).fetch_all(pool).await?);
        rows.into_iter().map(token_of).collect()
    }

    /// Every member's personal tokens in the school still in use, by name (for its
    /// administrators, who may revoke them).
    pub async fn members_tokens(&self, school: SchoolId) -> Result<Vec<ApiToken>, StoreError> {
        let rows: Vec<TokenRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_PERSONAL_OF_SCHOOL).bind(school.0).bind(now_millis()).fetch_all(pool).await?);
        rows.into_iter().map(token_of).collect()
    }

    /// The school's tokens for integrations, newest first.
    pub async fn school_tokens(&self, school: SchoolId) -> Result<Vec<ApiToken>, StoreError> {
        let rows: Vec<TokenRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_OF_SCHOOL).bind(school.0).fetch_all(pool).await?);
        rows.into_iter().map(token_of).collect()
    }

    /// Revokes a token of the school: one's own personal token, or (an administrator) any
    /// token of the school. From then on every request with it is refused. Written to the
    /// audit log; revoking a revoked token changes nothing.
    pub async fn revoke_token(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
    ) -> Result<(), TokenError> {
        let now = now_millis();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let row: Option<TokenRow> = sqlx::query_as(SELECT_ONE).bind(school.0).bind(id).fetch_optional(&mut *tx).await?;
            let token = token_of(row.ok_or(TokenError::NotFound)?)?;
            let permission = active_permission!(tx, school.0, actor.0).ok_or(TokenError::NotAllowed)?;
            let own = token.holder == Holder::Person && token.user == actor;
            if !own && permission != Permission::Administrator {
                return Err(if token.holder == Holder::Person { TokenError::NotFound } else { TokenError::NotAllowed });
            }
            let done = sqlx::query(REVOKE).bind(school.0).bind(id).bind(now).execute(&mut *tx).await?;
            if done.rows_affected() == 1 {
                let subject = (token.holder == Holder::Person).then_some(token.user.0);
                audit!(tx, school.0, actor.0, AuditAction::TokenRevoked, subject, None::<String>, Some(detail(&token.name, &token.scopes)));
            }
            tx.commit().await?;
        });
        self.changed();
        Ok(())
    }

    /// The token a request presents (its whole secret, `rwk_…`), if it is neither revoked nor
    /// expired. The caller checks the person's permission in the school as it is now.
    pub async fn presented_token(&self, secret: &str) -> Result<Option<ApiToken>, StoreError> {
        let hash = hash_token(secret);
        let row: Option<TokenRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_BY_HASH).bind(&hash).bind(now_millis()).fetch_optional(pool).await?);
        row.map(token_of).transpose()
    }

    /// Notes that the token was used now (at most once a minute is written).
    pub async fn token_used(&self, secret: &str) -> Result<(), StoreError> {
        let now = now_millis();
        let hash = hash_token(secret);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            sqlx::query(TOUCH).bind(&hash).bind(now).bind(now - USED_GRANULARITY_MS).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }
}
