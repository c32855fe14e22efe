//! A school's own editions: the draft of the next one (changed by coordinators, statement by
//! statement, never overwriting each other), publishing it, and the list of what a school
//! published. Every query takes the school; an edition of another school is not found.

use std::collections::HashMap;

use domain::account::{Permission, UserId};
use domain::framework::draft::{DraftError, DraftStatement};
use domain::members::AuditAction;
use domain::school::SchoolId;
use domain::{Code, Edition, EditionId};
use uuid::Uuid;

use crate::editions::{StatementRow, content_hash, insert_edition, lists, statement};
use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_SCHOOL_EDITIONS: &str = "SELECT id, version, published_on, published_by, description_nl, \
     based_on, public, created_at, imported FROM editions WHERE school_id = $1 ORDER BY created_at DESC";
const MARK_IMPORTED: &str = "UPDATE editions SET imported = 1 WHERE id = $1";
const SELECT_VISIBLE: &str =
    "SELECT id FROM editions WHERE id = $1 AND (school_id IS NULL OR school_id = $2)";
const SELECT_DRAFT: &str =
    "SELECT from_edition, based_on, revision FROM drafts WHERE school_id = $1";
const SELECT_DRAFT_STATEMENTS: &str = "SELECT code, kind, role, area, theme_code, depth, text_nl, \
     text_en, sources, tags, hidden, revision, updated_by, updated_at FROM draft_statements \
     WHERE school_id = $1 ORDER BY position";
const INSERT_DRAFT: &str = "INSERT INTO drafts (school_id, from_edition, based_on, revision, \
     created_by, created_at, updated_at) VALUES ($1, $2, $3, 0, $4, $5, $5) ON CONFLICT DO NOTHING";
const INSERT_DRAFT_STATEMENT: &str = "INSERT INTO draft_statements (school_id, code, position, \
     kind, role, area, theme_code, depth, text_nl, text_en, sources, tags, hidden, revision, \
     updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)";
const UPDATE_DRAFT_STATEMENT: &str = "UPDATE draft_statements SET position = $3, kind = $4, \
     role = $5, area = $6, theme_code = $7, depth = $8, text_nl = $9, text_en = $10, sources = $11, \
     tags = $12, hidden = $13, revision = $14, updated_by = $15, updated_at = $16 \
     WHERE school_id = $1 AND code = $2";
const MOVE_DRAFT_STATEMENT: &str =
    "UPDATE draft_statements SET position = $3 WHERE school_id = $1 AND code = $2";
const DELETE_DRAFT_STATEMENT: &str =
    "DELETE FROM draft_statements WHERE school_id = $1 AND code = $2";
const TOUCH_DRAFT: &str = "UPDATE drafts SET revision = revision + 1, updated_at = $2 \
     WHERE school_id = $1 RETURNING revision";
const REBASE_DRAFT: &str = "UPDATE drafts SET based_on = $2 WHERE school_id = $1";
const DELETE_DRAFT: &str = "DELETE FROM drafts WHERE school_id = $1";
const SET_PUBLIC: &str = "UPDATE editions SET public = $3 WHERE id = $1 AND school_id = $2";
const SELECT_OWN_VERSION: &str =
    "SELECT version, public FROM editions WHERE id = $1 AND school_id = $2";
const SELECT_PUBLIC: &str = "SELECT id FROM editions WHERE school_id IS NOT NULL AND public = 1 \
     ORDER BY created_at";
const IS_OPEN: &str = "SELECT id FROM editions WHERE id = $1 AND (school_id IS NULL OR public = 1)";

/// One edition a school published, as listed in its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolEdition {
    pub id: EditionId,
    pub version: String,
    pub published_on: String,
    /// The name of who published it (or imported it).
    pub published_by: String,
    /// What changed, in the publisher's words.
    pub summary: String,
    pub based_on: Option<EditionId>,
    /// Whether the school publishes it openly (CASE).
    pub public: bool,
    pub created_at: i64,
    /// Read from a file, not published from the school's draft.
    pub imported: bool,
}

#[derive(sqlx::FromRow)]
struct SchoolEditionRow {
    id: Uuid,
    version: String,
    published_on: String,
    published_by: String,
    description_nl: String,
    based_on: Option<Uuid>,
    public: i64,
    created_at: i64,
    imported: i64,
}

/// Who last changed a statement of a draft, and its revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub revision: i64,
    pub updated_by: String,
    pub updated_at: i64,
}

/// A school's draft as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The edition the draft started from.
    pub from: EditionId,
    /// The national edition the draft is based on (changes when the school takes over a
    /// newer national edition).
    pub based_on: EditionId,
    /// Counts every change to the draft.
    pub revision: i64,
    pub statements: Vec<DraftStatement>,
    /// For each statement, in the same order: its revision and who changed it last.
    pub marks: Vec<Mark>,
}

impl Draft {
    pub fn mark(&self, code: &Code) -> Option<&Mark> {
        self.statements
            .iter()
            .position(|d| &d.statement.code == code)
            .and_then(|i| self.marks.get(i))
    }
}

#[derive(sqlx::FromRow)]
struct DraftRow {
    from_edition: Uuid,
    based_on: Uuid,
    revision: i64,
}

#[derive(sqlx::FromRow)]
struct DraftStatementRow {
    #[sqlx(flatten)]
    statement: StatementRow,
    hidden: i64,
    revision: i64,
    updated_by: String,
    updated_at: i64,
}

/// Why a change to a school's own edition was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DraftRefusal {
    #[error("only coordinators and administrators change the school's framework")]
    NotAllowed,
    #[error("the school has no draft")]
    NoDraft,
    #[error("the school has a draft already")]
    DraftExists,
    #[error("{by} changed this statement since you opened it")]
    StatementChanged { by: String, at: i64 },
    #[error("the draft changed since you reviewed it")]
    DraftChanged,
    #[error("someone published a new version in the meantime")]
    VersionTaken,
    #[error("not a valid change: {0:?}")]
    Invalid(DraftError),
}

/// Who stores an edition read from a file: a member (named on the edition and in the audit
/// log), or a tool run on the server that is no member, such as the CLI.
#[derive(Clone, Copy, Debug)]
pub enum Importer<'a> {
    Member(UserId, &'a str),
    Tool(&'a str),
}

impl<'a> Importer<'a> {
    /// The name the edition is stored as published by.
    pub fn name(self) -> &'a str {
        match self {
            Importer::Member(_, name) | Importer::Tool(name) => name,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DraftFailure {
    #[error("{0}")]
    Refused(DraftRefusal),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for DraftFailure {
    fn from(e: sqlx::Error) -> Self {
        DraftFailure::Store(StoreError::Database(e))
    }
}

impl From<DraftRefusal> for DraftFailure {
    fn from(r: DraftRefusal) -> Self {
        DraftFailure::Refused(r)
    }
}

/// The statement a change expects, at the revision the person saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expect {
    pub code: Code,
    pub revision: i64,
}

/// A change to the whole draft, checked and applied by the domain's rules.
pub type DraftChange<'a, R> =
    Box<dyn FnOnce(&mut Vec<DraftStatement>) -> Result<R, DraftError> + Send + 'a>;

fn parse_rows(
    rows: Vec<DraftStatementRow>,
) -> Result<(Vec<DraftStatement>, Vec<Mark>), StoreError> {
    let mut statements = Vec::with_capacity(rows.len());
    let mut marks = Vec::with_capacity(rows.len());
    for row in rows {
        statements.push(DraftStatement {
            statement: statement(row.statement)?,
            hidden: row.hidden == 1,
        });
        marks.push(Mark {
            revision: row.revision,
            updated_by: row.updated_by,
            updated_at: row.updated_at,
        });
    }
    Ok((statements, marks))
}

/// Refuses unless the person is an active coordinator or administrator of the school.
macro_rules! coordinator {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(DraftRefusal::NotAllowed.into()),
        }
    };
}

/// Writes one draft statement (insert or full update) with the given position and mark.
macro_rules! write_statement {
    ($tx:expr, $sql:expr, $school:expr, $d:expr, $position:expr, $revision:expr, $by:expr, $now:expr) => {{
        let d: &DraftStatement = $d;
        let s = &d.statement;
        let (sources, tags) = lists(s)?;
        sqlx::query($sql)
            .bind($school.0)
            .bind(s.code.as_str())
            .bind($position)
            .bind(s.kind.name())
            .bind(s.role.code())
            .bind(s.area.code())
            .bind(s.theme.as_ref().map(|t| t.as_str()))
            .bind(s.depth.map(|d| i64::from(d.level())))
            .bind(&s.text.nl)
            .bind(&s.text.en)
            .bind(sources)
            .bind(tags)
            .bind(i64::from(d.hidden))
            .bind($revision)
            .bind($by)
            .bind($now)
            .execute(&mut *$tx)
            .await?;
    }};
}

impl Store {
    /// The editions a school published or imported, newest first.
    pub async fn school_editions(
        &self,
        school: SchoolId,
    ) -> Result<Vec<SchoolEdition>, StoreError> {
        let rows: Vec<SchoolEditionRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_SCHOOL_EDITIONS).bind(school.0).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|r| SchoolEdition {
                id: EditionId(r.id),
                version: r.version,
                published_on: r.published_on,
                published_by: r.published_by,
                summary: r.description_nl,
                based_on: r.based_on.map(EditionId),
                public: r.public == 1,
                created_at: r.created_at,
                imported: r.imported == 1,
            })
            .collect())
    }

    /// An edition the school may see: a national one or one of its own.
    pub async fn school_edition(
        &self,
        school: SchoolId,
        id: EditionId,
    ) -> Result<Option<Edition>, StoreError> {
        let found: Option<(Uuid,)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_VISIBLE).bind(id.0).bind(school.0).fetch_optional(pool).await?);
        match found {
            Some(_) => self.edition(id).await,
            None => Ok(None),
        }
    }

    /// An edition anyone may read through the open CASE endpoints: a national one, or one a
    /// school chose to publish openly.
    pub async fn open_edition(&self, id: EditionId) -> Result<Option<Edition>, StoreError> {
        let found: Option<(Uuid,)> = on_pool!(self, pool =>
            sqlx::query_as(IS_OPEN).bind(id.0).fetch_optional(pool).await?);
        match found {
            Some(_) => self.edition(id).await,
            None => Ok(None),
        }
    }

    /// The ids of the school editions published openly, oldest first.
    pub async fn open_school_editions(&self) -> Result<Vec<EditionId>, StoreError> {
        let rows: Vec<(Uuid,)> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_PUBLIC).fetch_all(pool).await?);
        Ok(rows.into_iter().map(|(id,)| EditionId(id)).collect())
    }

    /// The school's draft, if it has one.
    pub async fn draft(&self, school: SchoolId) -> Result<Option<Draft>, StoreError> {
        let found = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let draft: Option<DraftRow> = sqlx::query_as(SELECT_DRAFT).bind(school.0).fetch_optional(&mut *tx).await?;
            match draft {
                None => None,
                Some(draft) => {
                    let rows: Vec<DraftStatementRow> = sqlx::query_as(SELECT_DRAFT_STATEMENTS).bind(school.0).fetch_all(&mut *tx).await?;
                    tx.commit().await?;
                    Some((draft, rows))
                }
            }
        });
        let Some((draft, rows)) = found else {
            return Ok(None);
        };
        let (statements, marks) = parse_rows(rows)?;
        Ok(Some(Draft {
            from: EditionId(draft.from_edition),
            based_on: EditionId(draft.based_on),
            revision: draft.revision,
            statements,
            marks,
        }))
    }

    /// Starts the school's draft from an edition (the school's newest, or the national one).
    pub async fn start_draft(
        &self,
        school: SchoolId,
        actor: UserId,
        actor_name: &str,
        from: &Edition,
        based_on: EditionId,
    ) -> Result<(), DraftFailure> {
        let now = now_millis();
        let statements = domain::framework::draft::start(from);
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let inserted = sqlx::query(INSERT_DRAFT)
                .bind(school.0)
                .bind(from.id().0)
                .bind(based_on.0)
                .bind(actor.0)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            if inserted.rows_affected() == 0 {
                return Err(DraftRefusal::DraftExists.into());
            }
            for (position, d) in (0_i64..).zip(&statements) {
                write_statement!(tx, INSERT_DRAFT_STATEMENT, school, d, position, 0_i64, actor_name, now);
            }
            tx.commit().await?;
        });
        Ok(())
    }

    /// Changes the school's draft in one transaction: `change` gets the draft's statements
    /// and applies the domain's rules to them; what it changed is written back, each changed
    /// statement with a new revision. When `expect` names a statement, the change is refused
    /// if that statement changed since the person saw it (their revision is not the stored
    /// one), so no one overwrites another's work unseen.
    pub async fn change_draft<R: Send>(
        &self,
        school: SchoolId,
        actor: UserId,
        actor_name: &str,
        expect: Option<Expect>,
        rebase: Option<EditionId>,
        change: DraftChange<'_, R>,
    ) -> Result<R, DraftFailure> {
        let now = now_millis();
        let result = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            // Taking the draft's row first makes concurrent changes wait their turn.
            let touched: Option<(i64,)> = sqlx::query_as(TOUCH_DRAFT).bind(school.0).bind(now).fetch_optional(&mut *tx).await?;
            if touched.is_none() {
                return Err(DraftRefusal::NoDraft.into());
            }
            let rows: Vec<DraftStatementRow> = sqlx::query_as(SELECT_DRAFT_STATEMENTS).bind(school.0).fetch_all(&mut *tx).await?;
            let (before, marks) = parse_rows(rows)?;
            if let Some(expect) = &expect {
                match before.iter().position(|d| d.statement.code == expect.code) {
                    None => return Err(DraftRefusal::Invalid(DraftError::NoSuchStatement).into()),
                    Some(i) if marks[i].revision != expect.revision => {
                        return Err(DraftRefusal::StatementChanged {
                            by: marks[i].updated_by.clone(),
                            at: marks[i].updated_at,
                        }
                        .into());
                    }
                    Some(_) => {}
                }
            }
            let mut after = before.clone();
            let result = change(&mut after).map_err(DraftRefusal::Invalid)?;
            let old: HashMap<&Code, (usize, &DraftStatement, &Mark)> = before
                .iter()
                .zip(&marks)
                .enumerate()
                .map(|(i, (d, m))| (&d.statement.code, (i, d, m)))
                .collect();
            for (position, d) in after.iter().enumerate() {
                let position = i64::try_from(position).unwrap_or(i64::MAX);
                match old.get(&d.statement.code) {
                    None => {
                        write_statement!(tx, INSERT_DRAFT_STATEMENT, school, d, position, 1_i64, actor_name, now);
                    }
                    Some((_, was, mark)) if *was != d => {
                        write_statement!(tx, UPDATE_DRAFT_STATEMENT, school, d, position, mark.revision + 1, actor_name, now);
                    }
                    Some((i, _, _)) if i64::try_from(*i).unwrap_or(i64::MAX) != position => {
                        sqlx::query(MOVE_DRAFT_STATEMENT).bind(school.0).bind(d.statement.code.as_str()).bind(position).execute(&mut *tx).await?;
                    }
                    Some(_) => {}
                }
            }
            for d in &before {
                if !after.iter().any(|a| a.statement.code == d.statement.code) {
                    sqlx::query(DELETE_DRAFT_STATEMENT).bind(school.0).bind(d.statement.code.as_str()).execute(&mut *tx).await?;
                }
            }
            if let Some(national) = rebase {
                sqlx::query(REBASE_DRAFT).bind(school.0).bind(national.0).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            result
        });
        Ok(result)
    }

    /// Throws the school's draft away.
    pub async fn discard_draft(&self, school: SchoolId, actor: UserId) -> Result<(), DraftFailure> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let deleted = sqlx::query(DELETE_DRAFT).bind(school.0).execute(&mut *tx).await?;
            if deleted.rows_affected() == 0 {
                return Err(DraftRefusal::NoDraft.into());
            }
            audit!(tx, school.0, Some(actor.0), AuditAction::DraftDiscarded, None::<Uuid>, None::<String>, None::<String>);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Stores the edition made from the school's draft and ends the draft, in one
    /// transaction; refused when the draft changed since the publisher reviewed it (its
    /// revision is not `reviewed`) or a version with this number exists.
    pub async fn publish_draft(
        &self,
        school: SchoolId,
        actor: UserId,
        actor_name: &str,
        edition: &Edition,
        reviewed: i64,
    ) -> Result<(), DraftFailure> {
        let hash = content_hash(edition)?;
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let draft: Option<DraftRow> = sqlx::query_as(SELECT_DRAFT).bind(school.0).fetch_optional(&mut *tx).await?;
            match draft {
                None => return Err(DraftRefusal::NoDraft.into()),
                Some(d) if d.revision != reviewed => return Err(DraftRefusal::DraftChanged.into()),
                Some(_) => {}
            }
            if !insert_edition!(tx, edition, &hash, Some(school.0), actor_name) {
                return Err(DraftRefusal::VersionTaken.into());
            }
            sqlx::query(DELETE_DRAFT).bind(school.0).execute(&mut *tx).await?;
            audit!(tx, school.0, Some(actor.0), AuditAction::EditionPublished, None::<Uuid>, None::<String>, Some(edition.meta().version.as_str()));
            tx.commit().await?;
        });
        Ok(())
    }

    /// Stores an edition read from a file as the school's own (its identifier and version
    /// were made the school's by the caller); refused when that version exists.
    pub async fn import_school_edition(
        &self,
        school: SchoolId,
        edition: &Edition,
        by: Importer<'_>,
    ) -> Result<(), DraftFailure> {
        let hash = content_hash(edition)?;
        let (actor, label) = match by {
            Importer::Member(id, _) => (Some(id.0), None),
            Importer::Tool(name) => (None, Some(name)),
        };
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            if !insert_edition!(tx, edition, &hash, Some(school.0), by.name()) {
                return Err(DraftRefusal::VersionTaken.into());
            }
            sqlx::query(MARK_IMPORTED).bind(edition.id().0).execute(&mut *tx).await?;
            audit!(tx, school.0, actor, AuditAction::EditionImported, None::<Uuid>, None::<String>, Some(edition.meta().version.as_str()), label = label);
            tx.commit().await?;
        });
        Ok(())
    }

    /// Publishes one of the school's editions openly (CASE endpoints), or stops doing so; a
    /// change goes into the audit log. `false` when the school has no such edition.
    pub async fn set_edition_open(
        &self,
        school: SchoolId,
        actor: UserId,
        id: EditionId,
        open: bool,
    ) -> Result<bool, DraftFailure> {
        let found = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            coordinator!(tx, school, actor);
            let row: Option<(String, i64)> = sqlx::query_as(SELECT_OWN_VERSION).bind(id.0).bind(school.0).fetch_optional(&mut *tx).await?;
            match row {
                None => false,
                Some((version, public)) => {
                    if (public != 0) != open {
                        sqlx::query(SET_PUBLIC).bind(id.0).bind(school.0).bind(i64::from(open)).execute(&mut *tx).await?;
                        let action = if open { AuditAction::EditionOpened } else { AuditAction::EditionClosed };
                        audit!(tx, school.0, Some(actor.0), action, None::<Uuid>, None::<String>, Some(version.as_str()));
                        tx.commit().await?;
                    }
                    true
                }
            }
        });
        Ok(found)
    }
}
