//! Schools. A school is the tenant: everything a school owns is stored under its id.

use domain::school::{Brin, NewSchool, Region, School, SchoolId, SchoolName, Sectors, Students};
use uuid::Uuid;

use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const INSERT_SCHOOL: &str = "INSERT INTO schools (id, short_name, name, sectors, students, region, brin, created_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (short_name) DO NOTHING";
const SELECT_BY_SHORT_NAME: &str = "SELECT id, short_name, name, sectors, students, region, brin \
     FROM schools WHERE short_name = $1";
const SELECT_BY_ID: &str = "SELECT id, short_name, name, sectors, students, region, brin \
     FROM schools WHERE id = $1";
const SELECT_BY_BRIN: &str = "SELECT id, short_name, name, sectors, students, region, brin \
     FROM schools WHERE brin = $1 ORDER BY short_name";
const SELECT_ALL: &str =
    "SELECT id, short_name, name, sectors, students, region, brin FROM schools";

/// How many numbered variants of a short name are tried before giving up.
const SHORT_NAME_ATTEMPTS: u32 = 1000;

#[derive(sqlx::FromRow)]
pub(crate) struct SchoolRow {
    pub(crate) id: Uuid,
    pub(crate) short_name: String,
    pub(crate) name: String,
    pub(crate) sectors: String,
    pub(crate) students: i64,
    pub(crate) region: String,
    pub(crate) brin: Option<String>,
}

impl SchoolRow {
    pub(crate) fn into_school(self) -> Result<School, StoreError> {
        let bad = |what: &str, value: &str| {
            StoreError::CorruptRow(format!("school {}: {what} '{value}'", self.short_name))
        };
        let students = u32::try_from(self.students)
            .ok()
            .and_then(|n| Students::new(n).ok())
            .ok_or_else(|| bad("students", &self.students.to_string()))?;
        Ok(School {
            id: SchoolId(self.id),
            name: SchoolName::parse(&self.name).map_err(|_| bad("name", &self.name))?,
            sectors: Sectors::parse(&self.sectors).map_err(|_| bad("sectors", &self.sectors))?,
            students,
            region: Region::from_code(&self.region).ok_or_else(|| bad("region", &self.region))?,
            brin: match &self.brin {
                Some(b) => Some(Brin::parse(b).map_err(|_| bad("brin", b))?),
                None => None,
            },
            short_name: self.short_name,
        })
    }
}

impl Store {
    /// Creates a school with a short name made from its name, numbered (`-2`, `-3`, …) when
    /// another school has it already.
    pub async fn create_school(&self, new: &NewSchool) -> Result<School, StoreError> {
        let id = Uuid::new_v4();
        let base = new.name.short_name();
        let sectors = new.sectors.to_string();
        let mut attempt = 1;
        let short_name = loop {
            let candidate = if attempt == 1 {
                base.clone()
            } else {
                format!("{base}-{attempt}")
            };
            let inserted = on_pool!(self, pool => {
                let mut tx = pool.begin_write().await?;
                let result = sqlx::query(INSERT_SCHOOL)
                    .bind(id)
                    .bind(&candidate)
                    .bind(new.name.as_str())
                    .bind(&sectors)
                    .bind(i64::from(new.students.get()))
                    .bind(new.region.code())
                    .bind(new.brin.as_ref().map(Brin::as_str))
                    .bind(now_millis())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                result.rows_affected() == 1
            });
            if inserted {
                break candidate;
            }
            attempt += 1;
            if attempt > SHORT_NAME_ATTEMPTS {
                return Err(StoreError::CorruptRow(format!(
                    "no free short name for '{base}'"
                )));
            }
        };
        Ok(School {
            id: SchoolId(id),
            short_name,
            name: new.name.clone(),
            sectors: new.sectors.clone(),
            students: new.students,
            region: new.region,
            brin: new.brin.clone(),
        })
    }

    /// The school with this id, if there is one.
    pub async fn school(&self, id: SchoolId) -> Result<Option<School>, StoreError> {
        let row: Option<SchoolRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_BY_ID).bind(id.0).fetch_optional(pool).await?
        });
        row.map(SchoolRow::into_school).transpose()
    }

    /// The schools with this BRIN code (a code may be shared by a school's locations).
    pub async fn schools_by_brin(&self, brin: &Brin) -> Result<Vec<School>, StoreError> {
        let rows: Vec<SchoolRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_BY_BRIN).bind(brin.as_str()).fetch_all(pool).await?
        });
        rows.into_iter().map(SchoolRow::into_school).collect()
    }

    /// The school with this short name, if there is one.
    pub async fn school_by_short_name(
        &self,
        short_name: &str,
    ) -> Result<Option<School>, StoreError> {
        let row: Option<SchoolRow> = on_pool!(self, pool => {
            sqlx::query_as(SELECT_BY_SHORT_NAME).bind(short_name).fetch_optional(pool).await?
        });
        row.map(SchoolRow::into_school).transpose()
    }

    /// Every school, by short name (for operators; never shown to a school). Sorted here,
    /// not in SQL, so that both backends give the same order whatever their collation.
    /// Deletes a school and everything of it (memberships, rounds and scans, its editions,
    /// its allocation); the accounts stay. For the demo school; `Ok(false)` when not there.
    pub async fn delete_school(&self, school: SchoolId) -> Result<bool, StoreError> {
        let deleted = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let result = sqlx::query("DELETE FROM schools WHERE id = $1").bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
            result.rows_affected() > 0
        });
        self.scans.forget_where(|&(s, _, _)| s == school);
        self.members_changed();
        Ok(deleted)
    }

    pub async fn schools(&self) -> Result<Vec<School>, StoreError> {
        let rows: Vec<SchoolRow> =
            on_pool!(self, pool => sqlx::query_as(SELECT_ALL).fetch_all(pool).await?);
        let mut schools = rows
            .into_iter()
            .map(SchoolRow::into_school)
            .collect::<Result<Vec<_>, _>>()?;
        schools.sort_by(|a, b| a.short_name.cmp(&b.short_name));
        Ok(schools)
    }
}
