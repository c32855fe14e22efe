//! The first run: while no school has an administrator, a one-time set-up link lets the first
//! person create a school and their own administrator account, in one transaction.

use domain::account::{Email, FrameworkRoles, PersonName, User, UserId};
use domain::school::{Brin, NewSchool, School, SchoolId};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::sign_in::{Secret, hash_token};
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};
use domain::members::AuditAction;

const HAS_ADMINISTRATOR: &str =
    "SELECT COUNT(*) FROM memberships WHERE permission = 'schoolbeheerder' AND active = 1";
const INSERT_SETUP_LINK: &str = "INSERT INTO setup_links (token_hash, created_at) VALUES ($1, $2)";
const SELECT_SETUP_LINK: &str =
    "SELECT COUNT(*) FROM setup_links WHERE token_hash = $1 AND used_at IS NULL";
const SPEND_SETUP_LINKS: &str = "UPDATE setup_links SET used_at = $2 WHERE used_at IS NULL AND \
     EXISTS (SELECT 1 FROM setup_links WHERE token_hash = $1 AND used_at IS NULL)";
const INSERT_SCHOOL: &str = "INSERT INTO schools (id, short_name, name, sectors, students, region, brin, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (short_name) DO NOTHING";
const INSERT_USER: &str = "INSERT INTO users (id, email, name, created_at, password_hash) VALUES ($1, $2, $3, $4, $5) \
     ON CONFLICT (email) DO NOTHING";
const INSERT_ADMIN: &str = "INSERT INTO memberships (school_id, user_id, permission, roles, active, created_at) \
     VALUES ($1, $2, 'schoolbeheerder', $3, 1, $4)";

/// Why the set-up could not be completed.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    #[error("the set-up link is used, unknown, or an administrator exists already")]
    LinkGone,
    #[error("this e-mail address already has an account")]
    EmailTaken,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for SetupError {
    fn from(e: sqlx::Error) -> Self {
        SetupError::Store(StoreError::Database(e))
    }
}

/// What the first person fills in.
pub struct FirstSchool<'a> {
    pub school: &'a NewSchool,
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub roles: &'a FrameworkRoles,
    pub password_hash: &'a str,
}

impl Store {
    /// Whether any school has an active administrator.
    pub async fn has_administrator(&self) -> Result<bool, StoreError> {
        let (n,): (i64,) =
            on_pool!(self, pool => sqlx::query_as(HAS_ADMINISTRATOR).fetch_one(pool).await?);
        Ok(n > 0)
    }

    /// Makes a set-up link (earlier unused ones stay valid until one of them is used).
    pub async fn create_setup_link(&self) -> Result<String, StoreError> {
        let secret = Secret::new()?;
        on_pool!(self, pool => {
            sqlx::query(INSERT_SETUP_LINK).bind(&secret.hash).bind(now_millis()).execute(pool).await?;
        });
        Ok(secret.token)
    }

    /// Whether a set-up link can still be used: unused, and no administrator yet.
    pub async fn setup_link_valid(&self, token: &str) -> Result<bool, StoreError> {
        let (n,): (i64,) = on_pool!(self, pool => {
            sqlx::query_as(SELECT_SETUP_LINK).bind(hash_token(token)).fetch_one(pool).await?
        });
        Ok(n > 0 && !self.has_administrator().await?)
    }

    /// Creates the first school and its administrator in one transaction and spends every
    /// set-up link; nothing is stored if any step fails.
    pub async fn complete_setup(
        &self,
        token: &str,
        first: &FirstSchool<'_>,
    ) -> Result<(School, User), SetupError> {
        let hash = hash_token(token);
        let now = now_millis();
        let school_id = Uuid::new_v4();
        let user_id = Uuid::new_v4();
        let base = first.school.name.short_name();
        let short_name = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let (admins,): (i64,) = sqlx::query_as(HAS_ADMINISTRATOR).fetch_one(&mut *tx).await?;
            let spent = sqlx::query(SPEND_SETUP_LINKS).bind(&hash).bind(now).execute(&mut *tx).await?;
            if admins > 0 || spent.rows_affected() == 0 {
                return Err(SetupError::LinkGone);
            }
            let mut attempt = 1;
            let short_name = loop {
                let candidate = if attempt == 1 { base.clone() } else { format!("{base}-{attempt}") };
                let inserted = sqlx::query(INSERT_SCHOOL)
                    .bind(school_id)
                    .bind(&candidate)
                    .bind(first.school.name.as_str())
                    .bind(first.school.sectors.to_string())
                    .bind(i64::from(first.school.students.get()))
                    .bind(first.school.region.code())
                    .bind(first.school.brin.as_ref().map(Brin::as_str))
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                if inserted.rows_affected() == 1 {
                    break candidate;
                }
                attempt += 1;
            };
            let user = sqlx::query(INSERT_USER)
                .bind(user_id)
                .bind(first.email.as_str())
                .bind(first.name.as_str())
                .bind(now)
                .bind(first.password_hash)
                .execute(&mut *tx)
                .await?;
            if user.rows_affected() == 0 {
                return Err(SetupError::EmailTaken);
            }
            sqlx::query(INSERT_ADMIN)
                .bind(school_id)
                .bind(user_id)
                .bind(first.roles.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            audit!(tx, school_id, Some(user_id), AuditAction::SchoolCreated, None::<Uuid>, None::<String>, None::<String>);
            tx.commit().await?;
            short_name
        });
        self.members_changed();
        let school = School {
            id: SchoolId(school_id),
            short_name,
            name: first.school.name.clone(),
            sectors: first.school.sectors.clone(),
            students: first.school.students,
            region: first.school.region,
            brin: first.school.brin.clone(),
        };
        let user = User {
            id: UserId(user_id),
            email: first.email.clone(),
            name: first.name.clone(),
        };
        Ok((school, user))
    }
}
