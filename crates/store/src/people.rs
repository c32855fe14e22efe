//! People and memberships. Every query about a school's members takes the school, so one
//! school's data can never be read or changed through another.

use domain::account::{Email, FrameworkRoles, Membership, Permission, PersonName, User, UserId};
use domain::school::SchoolId;
use std::sync::Arc;
use uuid::Uuid;

use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

/// A new account without a password; an address that has one already is left (no row).
pub(crate) const INSERT_USER: &str = "INSERT INTO users (id, email, name, created_at) VALUES ($1, $2, $3, $4) \
     ON CONFLICT (email) DO NOTHING";
const SELECT_USER_BY_EMAIL: &str = "SELECT id, email, name FROM users WHERE email = $1";
const SELECT_USER_BY_ID: &str = "SELECT id, email, name FROM users WHERE id = $1";
pub(crate) const INSERT_MEMBERSHIP: &str = "INSERT INTO memberships (school_id, user_id, permission, roles, active, created_at) \
     VALUES ($1, $2, $3, $4, 1, $5) ON CONFLICT (school_id, user_id) DO NOTHING";
const SELECT_MEMBERSHIP: &str = "SELECT school_id, user_id, permission, roles, active FROM memberships \
     WHERE school_id = $1 AND user_id = $2";
const SELECT_MEMBERS: &str = "SELECT u.id, u.email, u.name, m.school_id, m.user_id, m.permission, m.roles, m.active \
     FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.school_id = $1";
const SELECT_MEMBERSHIPS_OF: &str = "SELECT school_id, user_id, permission, roles, active FROM memberships \
     WHERE user_id = $1";
const DELETE_USER: &str = "DELETE FROM users WHERE id = $1";
const SOLE_ADMINISTRATOR_OF: &str = "SELECT s.name FROM memberships m JOIN schools s ON s.id = m.school_id \
     WHERE m.user_id = $1 AND m.permission = 'schoolbeheerder' AND m.active = 1 AND \
     (SELECT COUNT(*) FROM memberships o WHERE o.school_id = m.school_id \
      AND o.permission = 'schoolbeheerder' AND o.active = 1) = 1";
const FORGET_ADDRESS_IN_AUDIT: &str = "UPDATE audit_log SET subject_email = NULL \
     WHERE subject_email = (SELECT email FROM users WHERE id = $1)";
const DELETE_INVITATIONS_TO: &str =
    "DELETE FROM invitations WHERE email = (SELECT email FROM users WHERE id = $1)";
const UPDATE_ROLES: &str =
    "UPDATE memberships SET roles = $3 WHERE school_id = $1 AND user_id = $2";

/// A school's members with their accounts, by name.
pub type Members = Vec<(User, Membership)>;

/// An account as stored; shared by every query that reads one.
#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    id: Uuid,
    email: String,
    name: String,
}

impl UserRow {
    pub(crate) fn into_user(self) -> Result<User, StoreError> {
        Ok(User {
            id: UserId(self.id),
            email: Email::parse(&self.email).map_err(|_| corrupt("e-mail address", &self.email))?,
            name: PersonName::parse(&self.name).map_err(|_| corrupt("name", &self.name))?,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MembershipRow {
    school_id: Uuid,
    user_id: Uuid,
    permission: String,
    roles: String,
    active: i64,
}

impl MembershipRow {
    fn into_membership(self) -> Result<Membership, StoreError> {
        Ok(Membership {
            school: SchoolId(self.school_id),
            user: UserId(self.user_id),
            permission: Permission::parse(&self.permission)
                .map_err(|_| corrupt("permission", &self.permission))?,
            roles: FrameworkRoles::parse(&self.roles).map_err(|_| corrupt("roles", &self.roles))?,
            active: self.active == 1,
        })
    }
}

#[derive(sqlx::FromRow)]
struct MemberRow {
    #[sqlx(flatten)]
    user: UserRow,
    #[sqlx(flatten)]
    membership: MembershipRow,
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::CorruptRow(format!("{what} '{value}'"))
}

impl Store {
    /// Creates an account; refuses an address that already has one.
    pub async fn create_user(&self, email: &Email, name: &PersonName) -> Result<User, StoreError> {
        let id = Uuid::new_v4();
        let inserted = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let result = sqlx::query(INSERT_USER)
                .bind(id)
                .bind(email.as_str())
                .bind(name.as_str())
                .bind(now_millis())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            result.rows_affected() == 1
        });
        if !inserted {
            return Err(StoreError::EmailTaken);
        }
        Ok(User {
            id: UserId(id),
            email: email.clone(),
            name: name.clone(),
        })
    }

    pub async fn user_by_id(&self, user: UserId) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_USER_BY_ID).bind(user.0).fetch_optional(pool).await?
        });
        row.map(UserRow::into_user).transpose()
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<Option<User>, StoreError> {
        let row: Option<UserRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_USER_BY_EMAIL).bind(email.as_str()).fetch_optional(pool).await?
        });
        row.map(UserRow::into_user).transpose()
    }

    /// Makes a person a member of a school; refuses when they already are. Password links
    /// others made for the person end with it.
    pub async fn add_member(
        &self,
        school: SchoolId,
        user: UserId,
        permission: Permission,
        roles: &FrameworkRoles,
    ) -> Result<Membership, StoreError> {
        let inserted = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let now = now_millis();
            let result = sqlx::query(INSERT_MEMBERSHIP)
                .bind(school.0)
                .bind(user.0)
                .bind(permission.code())
                .bind(roles.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if result.rows_affected() == 1 {
                // Joining a school ends the password links others made for this person.
                crate::sign_in::revoke_links_by_others!(tx, user.0, now);
            }
            tx.commit().await?;
            result.rows_affected() == 1
        });
        self.members_changed();
        if !inserted {
            return Err(StoreError::AlreadyMember);
        }
        Ok(Membership {
            school,
            user,
            permission,
            roles: roles.clone(),
            active: true,
        })
    }

    /// A person's membership of this school, if any.
    pub async fn membership(
        &self,
        school: SchoolId,
        user: UserId,
    ) -> Result<Option<Membership>, StoreError> {
        let row: Option<MembershipRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_MEMBERSHIP).bind(school.0).bind(user.0).fetch_optional(pool).await?
        });
        row.map(MembershipRow::into_membership).transpose()
    }

    /// The members of one school with their accounts, by name (sorted here so both backends
    /// agree whatever their collation).
    pub async fn members(&self, school: SchoolId) -> Result<Members, StoreError> {
        Ok(Members::clone(&*self.members_shared(school).await?))
    }

    /// Kept in memory as last read while the database tells this process of every process's
    /// writes (PostgreSQL, [`Store::listen`]): a write that changes memberships or accounts
    /// drops every school's, through this store at once and from any other process by the
    /// database's notification (migration 0031). On a national database the read costs a
    /// lookup in the table of all accounts per member. Without notifications (SQLite) they are
    /// read every time: the CLI adds members from another process, and a member it added must
    /// show on the next page.
    async fn members_shared(&self, school: SchoolId) -> Result<Arc<Members>, StoreError> {
        let hearing = self.hears_others();
        if hearing && let Some(kept) = self.members.get(&school, self.reuse_for()) {
            return Ok(kept);
        }
        let ticket = self.members.ticket();
        let rows: Vec<MemberRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_MEMBERS).bind(school.0).fetch_all(pool).await?
        });
        let mut members = rows
            .into_iter()
            .map(|r| Ok((r.user.into_user()?, r.membership.into_membership()?)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        members.sort_by(|(a, _), (b, _)| {
            (a.name.as_str().to_lowercase(), a.email.as_str())
                .cmp(&(b.name.as_str().to_lowercase(), b.email.as_str()))
        });
        let members = Arc::new(members);
        if hearing {
            self.members.keep(ticket, school, members.clone());
        }
        Ok(members)
    }

    /// The schools a person belongs to (to choose which one to work in).
    pub async fn memberships_of(&self, user: UserId) -> Result<Vec<Membership>, StoreError> {
        let rows: Vec<MembershipRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_MEMBERSHIPS_OF).bind(user.0).fetch_all(pool).await?
        });
        rows.into_iter()
            .map(MembershipRow::into_membership)
            .collect()
    }

    /// Erases an account with everything that hangs off it (memberships, sessions, links,
    /// invitations to its address, plans and conversations — a colleague keeps the text of
    /// agreements made with them) in one transaction; audit entries stay but no longer name
    /// the person. Refused while the person is the only active administrator of a school
    /// (the school would be left without one). `false` when there was no such account.
    pub async fn delete_user(&self, user: UserId) -> Result<bool, StoreError> {
        let deleted = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let sole: Vec<(String,)> = sqlx::query_as(SOLE_ADMINISTRATOR_OF).bind(user.0).fetch_all(&mut *tx).await?;
            if !sole.is_empty() {
                let mut schools: Vec<String> = sole.into_iter().map(|(name,)| name).collect();
                schools.sort();
                return Err(StoreError::LastAdministrator { schools });
            }
            sqlx::query(FORGET_ADDRESS_IN_AUDIT).bind(user.0).execute(&mut *tx).await?;
            sqlx::query(DELETE_INVITATIONS_TO).bind(user.0).execute(&mut *tx).await?;
            for forget in crate::plans::FORGET_ACCOUNT {
                sqlx::query(forget).bind(user.0).execute(&mut *tx).await?;
            }
            let result = sqlx::query(DELETE_USER).bind(user.0).execute(&mut *tx).await?;
            sqlx::query(crate::plans::FORGET_ORPHANS).execute(&mut *tx).await?;
            tx.commit().await?;
            result.rows_affected() == 1
        });
        self.scans.forget_where(|&(_, _, u)| u == user);
        self.members_changed();
        Ok(deleted)
    }

    /// Changes the framework roles a member holds in this school; `false` (and nothing
    /// changed) when the person is not a member of this school.
    pub async fn set_member_roles(
        &self,
        school: SchoolId,
        user: UserId,
        roles: &FrameworkRoles,
    ) -> Result<bool, StoreError> {
        let changed = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let result = sqlx::query(UPDATE_ROLES)
                .bind(school.0)
                .bind(user.0)
                .bind(roles.to_string())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            result.rows_affected() == 1
        });
        self.members_changed();
        Ok(changed)
    }
}
