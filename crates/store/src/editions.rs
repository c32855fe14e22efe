//! Storing and loading framework editions. An edition is written once, whole, in one
//! transaction, and never changed afterwards.

use domain::framework::Date;
use domain::{
    Area, Code, Depth, Edition, EditionId, EditionMeta, EditionParts, Kind, Label, Lang, Role,
    Statement, Tag, Text, Theme, ThemeCode,
};
use uuid::Uuid;

use crate::{BeginWrite, Store, StoreError, on_pool};

/// What storing an edition did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Inserted,
    AlreadyPresent,
}

/// An edition as listed, without its statements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditionSummary {
    pub id: EditionId,
    pub identifier: String,
    pub version: String,
    pub published_on: String,
    pub title: Text,
}

pub(crate) const SELECT_HASH: &str = "SELECT content_hash FROM editions WHERE id = $1";
pub(crate) const INSERT_EDITION: &str = "INSERT INTO editions (id, identifier, version, published_on, publisher, languages, \
     title_nl, title_en, attribution_nl, attribution_en, description_nl, description_en, content_hash, created_at, \
     school_id, based_on, published_by) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT DO NOTHING";
pub(crate) const INSERT_ROLE: &str = "INSERT INTO edition_roles (edition_id, role, name_nl, name_en, description_nl, description_en) \
     VALUES ($1, $2, $3, $4, $5, $6)";
pub(crate) const INSERT_AREA: &str = "INSERT INTO edition_areas (edition_id, area, name_nl, name_en, description_nl, description_en) \
     VALUES ($1, $2, $3, $4, $5, $6)";
pub(crate) const INSERT_THEME: &str = "INSERT INTO themes (edition_id, code, position, name_nl, name_en, description_nl, description_en) \
     VALUES ($1, $2, $3, $4, $5, $6, $7)";
pub(crate) const INSERT_STATEMENT: &str = "INSERT INTO statements (edition_id, code, position, kind, role, area, theme_code, depth, \
     text_nl, text_en, sources, tags) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

const SELECT_EDITION: &str = "SELECT identifier, version, published_on, publisher, languages, title_nl, title_en, \
     attribution_nl, attribution_en, description_nl, description_en, based_on FROM editions WHERE id = $1";
const SELECT_THEMES: &str = "SELECT code, name_nl, name_en, description_nl, description_en FROM themes \
     WHERE edition_id = $1 ORDER BY position";
const SELECT_STATEMENTS: &str = "SELECT code, kind, role, area, theme_code, depth, text_nl, text_en, sources, tags \
     FROM statements WHERE edition_id = $1 ORDER BY position";
const SELECT_SUMMARIES: &str = "SELECT id, identifier, version, published_on, title_nl, title_en FROM editions \
     WHERE school_id IS NULL ORDER BY published_on DESC, created_at DESC, version DESC";

#[derive(sqlx::FromRow)]
struct EditionRow {
    identifier: String,
    version: String,
    published_on: String,
    publisher: String,
    languages: String,
    title_nl: String,
    title_en: String,
    attribution_nl: String,
    attribution_en: String,
    description_nl: String,
    description_en: String,
    based_on: Option<Uuid>,
}

#[derive(sqlx::FromRow)]
struct LabelRow {
    key: String,
    name_nl: String,
    name_en: String,
    description_nl: String,
    description_en: String,
}

#[derive(sqlx::FromRow)]
struct ThemeRow {
    code: String,
    name_nl: String,
    name_en: String,
    description_nl: String,
    description_en: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct StatementRow {
    code: String,
    kind: String,
    role: String,
    area: String,
    theme_code: Option<String>,
    depth: Option<i64>,
    text_nl: String,
    text_en: String,
    sources: String,
    tags: String,
}

#[derive(sqlx::FromRow)]
struct SummaryRow {
    id: Uuid,
    identifier: String,
    version: String,
    published_on: String,
    title_nl: String,
    title_en: String,
}

/// A fingerprint of an edition's whole content, to tell "the same edition again" from "a
/// changed edition under an old version number".
pub(crate) fn content_hash(edition: &Edition) -> Result<String, StoreError> {
    let json = formats::native::write_json(edition)?;
    Ok(format!(
        "{:032x}",
        xxhash_rust::xxh3::xxh3_128(json.as_bytes())
    ))
}

pub(crate) fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::CorruptRow(format!("{what} '{value}'"))
}

/// Writes a whole edition in the transaction `$tx` unless one with its id is there; evaluates
/// to whether it wrote it. `$school` is `Some` for a school's own edition.
macro_rules! insert_edition {
    ($tx:expr, $edition:expr, $hash:expr, $school:expr, $published_by:expr) => {{
        let edition: &domain::Edition = $edition;
        let id = edition.id().0;
        let parts = edition.parts();
        let meta = &parts.meta;
        let languages = meta
            .languages
            .iter()
            .map(|l| l.code())
            .collect::<Vec<_>>()
            .join(",");
        let existing: Option<(String,)> = sqlx::query_as($crate::editions::SELECT_HASH)
            .bind(id)
            .fetch_optional(&mut *$tx)
            .await?;
        if existing.is_some() {
            false
        } else {
            let result = sqlx::query($crate::editions::INSERT_EDITION)
                .bind(id)
                .bind(&meta.identifier)
                .bind(&meta.version)
                .bind(meta.date.to_string())
                .bind(&meta.publisher)
                .bind(&languages)
                .bind(&meta.title.nl)
                .bind(&meta.title.en)
                .bind(&meta.attribution.nl)
                .bind(&meta.attribution.en)
                .bind(&meta.description.nl)
                .bind(&meta.description.en)
                .bind($hash)
                .bind($crate::now_millis())
                .bind($school)
                .bind(meta.based_on.map(|b| b.0))
                .bind($published_by)
                .execute(&mut *$tx)
                .await?;
            if result.rows_affected() == 0 {
                // Another instance stored it between our look and our write.
                false
            } else {
                for r in &parts.roles {
                    sqlx::query($crate::editions::INSERT_ROLE)
                        .bind(id)
                        .bind(r.key.code())
                        .bind(&r.name.nl)
                        .bind(&r.name.en)
                        .bind(&r.description.nl)
                        .bind(&r.description.en)
                        .execute(&mut *$tx)
                        .await?;
                }
                for a in &parts.areas {
                    sqlx::query($crate::editions::INSERT_AREA)
                        .bind(id)
                        .bind(a.key.code())
                        .bind(&a.name.nl)
                        .bind(&a.name.en)
                        .bind(&a.description.nl)
                        .bind(&a.description.en)
                        .execute(&mut *$tx)
                        .await?;
                }
                for (position, t) in (0_i64..).zip(&parts.themes) {
                    sqlx::query($crate::editions::INSERT_THEME)
                        .bind(id)
                        .bind(t.code.as_str())
                        .bind(position)
                        .bind(&t.name.nl)
                        .bind(&t.name.en)
                        .bind(&t.description.nl)
                        .bind(&t.description.en)
                        .execute(&mut *$tx)
                        .await?;
                }
                for (position, s) in (0_i64..).zip(&parts.statements) {
                    let (sources, tags) = $crate::editions::lists(s)?;
                    sqlx::query($crate::editions::INSERT_STATEMENT)
                        .bind(id)
                        .bind(s.code.as_str())
                        .bind(position)
                        .bind(s.kind.name())
                        .bind(s.role.code())
                        .bind(s.area.code())
                        .bind(s.theme.as_ref().map(|t| t.as_str()))
                        .bind(s.depth.map(|d| i64::from(d.level())))
                        .bind(&s.text.nl)
                        .bind(&s.text.en)
                        .bind(sources)
                        .bind(tags)
                        .execute(&mut *$tx)
                        .await?;
                }
                true
            }
        }
    }};
}
pub(crate) use insert_edition;

/// A statement's sources and tags as stored (JSON arrays of strings).
pub(crate) fn lists(s: &Statement) -> Result<(String, String), StoreError> {
    let encode =
        |v: Vec<&str>| serde_json::to_string(&v).map_err(|e| StoreError::CorruptRow(e.to_string()));
    Ok((
        encode(s.sources.iter().map(String::as_str).collect())?,
        encode(s.tags.iter().map(Tag::as_str).collect())?,
    ))
}

impl Store {
    /// Stores an edition unless it is already there (idempotent, safe when several instances
    /// start at once). Refuses an edition whose identifier and version are stored with other
    /// content: editions are immutable.
    pub async fn ensure_edition(&self, edition: &Edition) -> Result<Stored, StoreError> {
        let hash = content_hash(edition)?;
        let id = edition.id().0;
        let meta = &edition.parts().meta;
        let inserted = on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            let inserted = insert_edition!(tx, edition, &hash, None::<Uuid>, "");
            tx.commit().await?;
            inserted
        });
        if inserted {
            return Ok(Stored::Inserted);
        }
        let stored: Option<(String,)> = on_pool!(self, pool => sqlx::query_as(SELECT_HASH).bind(id).fetch_optional(pool).await?);
        match stored {
            Some((stored,)) if stored == hash => Ok(Stored::AlreadyPresent),
            _ => Err(StoreError::EditionChanged {
                identifier: meta.identifier.clone(),
                version: meta.version.clone(),
            }),
        }
    }

    /// Loads a stored edition, validated again on the way out.
    pub async fn edition(&self, id: EditionId) -> Result<Option<Edition>, StoreError> {
        if let Some(edition) = self.editions.get(&id) {
            return Ok(Some(edition));
        }
        let uuid = id.0;
        let loaded = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let edition: Option<EditionRow> = sqlx::query_as(SELECT_EDITION).bind(uuid).fetch_optional(&mut *tx).await?;
            match edition {
                None => None,
                Some(edition) => {
                    let roles: Vec<LabelRow> = sqlx::query_as(SELECT_ROLES_AS_LABELS).bind(uuid).fetch_all(&mut *tx).await?;
                    let areas: Vec<LabelRow> = sqlx::query_as(SELECT_AREAS_AS_LABELS).bind(uuid).fetch_all(&mut *tx).await?;
                    let themes: Vec<ThemeRow> = sqlx::query_as(SELECT_THEMES).bind(uuid).fetch_all(&mut *tx).await?;
                    let statements: Vec<StatementRow> = sqlx::query_as(SELECT_STATEMENTS).bind(uuid).fetch_all(&mut *tx).await?;
                    tx.commit().await?;
                    Some((edition, roles, areas, themes, statements))
                }
            }
        });
        let Some((edition, roles, areas, themes, statements)) = loaded else {
            return Ok(None);
        };
        let parts = assemble(edition, roles, areas, themes, statements)?;
        let edition = Edition::new(parts).map_err(|problems| StoreError::CorruptEdition {
            id: id.to_string(),
            problems,
        })?;
        self.editions.insert(id, edition.clone());
        Ok(Some(edition))
    }

    /// Every stored edition, newest first.
    pub async fn editions(&self) -> Result<Vec<EditionSummary>, StoreError> {
        let rows: Vec<SummaryRow> =
            on_pool!(self, pool => sqlx::query_as(SELECT_SUMMARIES).fetch_all(pool).await?);
        Ok(rows
            .into_iter()
            .map(|r| EditionSummary {
                id: EditionId(r.id),
                identifier: r.identifier,
                version: r.version,
                published_on: r.published_on,
                title: Text::new(r.title_nl, r.title_en),
            })
            .collect())
    }

    /// The newest national edition: the one the public pages show.
    pub async fn latest_edition(&self) -> Result<Option<Edition>, StoreError> {
        match self.editions().await?.first() {
            Some(summary) => self.edition(summary.id).await,
            None => Ok(None),
        }
    }
}

const SELECT_ROLES_AS_LABELS: &str = "SELECT role AS key, name_nl, name_en, description_nl, description_en \
     FROM edition_roles WHERE edition_id = $1";
const SELECT_AREAS_AS_LABELS: &str = "SELECT area AS key, name_nl, name_en, description_nl, description_en \
     FROM edition_areas WHERE edition_id = $1";

fn labels<K>(
    rows: &[LabelRow],
    parse: fn(&str) -> Option<K>,
    what: &str,
) -> Result<Vec<Label<K>>, StoreError> {
    rows.iter()
        .map(|r| {
            Ok(Label {
                key: parse(&r.key).ok_or_else(|| corrupt(what, &r.key))?,
                name: Text::new(r.name_nl.clone(), r.name_en.clone()),
                description: Text::new(r.description_nl.clone(), r.description_en.clone()),
            })
        })
        .collect()
}

fn assemble(
    edition: EditionRow,
    roles: Vec<LabelRow>,
    areas: Vec<LabelRow>,
    themes: Vec<ThemeRow>,
    statements: Vec<StatementRow>,
) -> Result<EditionParts, StoreError> {
    let mut languages = Vec::new();
    for code in edition.languages.split(',') {
        languages.push(Lang::from_code(code).ok_or_else(|| corrupt("language", code))?);
    }
    let meta = EditionMeta {
        identifier: edition.identifier,
        version: edition.version,
        date: Date::parse(&edition.published_on)
            .ok_or_else(|| corrupt("date", &edition.published_on))?,
        publisher: edition.publisher,
        languages,
        title: Text::new(edition.title_nl, edition.title_en),
        attribution: Text::new(edition.attribution_nl, edition.attribution_en),
        description: Text::new(edition.description_nl, edition.description_en),
        based_on: edition.based_on.map(EditionId),
    };
    let roles = labels(&roles, Role::from_code, "role")?;
    let areas = labels(&areas, Area::from_code, "area")?;
    let themes = themes
        .into_iter()
        .map(|t| {
            Ok(Theme {
                code: ThemeCode::parse(&t.code).ok_or_else(|| corrupt("theme code", &t.code))?,
                name: Text::new(t.name_nl, t.name_en),
                description: Text::new(t.description_nl, t.description_en),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let statements = statements
        .into_iter()
        .map(statement)
        .collect::<Result<Vec<_>, StoreError>>()?;
    Ok(EditionParts {
        meta,
        roles,
        areas,
        themes,
        statements,
    })
}

/// A stored statement, checked on the way out.
pub(crate) fn statement(s: StatementRow) -> Result<Statement, StoreError> {
    let tags: Vec<String> = serde_json::from_str(&s.tags).map_err(|_| corrupt("tags", &s.tags))?;
    Ok(Statement {
        code: Code::parse(&s.code).ok_or_else(|| corrupt("code", &s.code))?,
        kind: Kind::from_name(&s.kind).ok_or_else(|| corrupt("kind", &s.kind))?,
        role: Role::from_code(&s.role).ok_or_else(|| corrupt("role", &s.role))?,
        area: Area::from_code(&s.area).ok_or_else(|| corrupt("area", &s.area))?,
        theme: match s.theme_code {
            Some(t) => Some(ThemeCode::parse(&t).ok_or_else(|| corrupt("theme code", &t))?),
            None => None,
        },
        depth: match s.depth {
            Some(d) => Some(Depth::from_level(d).ok_or_else(|| corrupt("depth", &d.to_string()))?),
            None => None,
        },
        text: Text::new(s.text_nl, s.text_en),
        sources: serde_json::from_str(&s.sources).map_err(|_| corrupt("sources", &s.sources))?,
        tags: tags
            .iter()
            .map(|t| Tag::parse(t).ok_or_else(|| corrupt("tag", t)))
            .collect::<Result<_, _>>()?,
    })
}
