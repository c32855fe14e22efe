//! The school's vision (*visiestuk*): its draft, written section by section and goal by goal
//! by coordinators and administrators (each row at its own revision, so two authors never
//! overwrite each other), and its published versions, immutable snapshots every member
//! reads. Every query takes the school; another school's version is not found.

use std::collections::HashMap;

use domain::account::{Permission, UserId};
use domain::framework::Date;
use domain::members::AuditAction;
use domain::plan::Line;
use domain::school::SchoolId;
use domain::vision::{
    Body, GOALS_MAX, Goal, PublishError, Section, SectionText, Vision, check_publish,
};
use domain::{Code, Text};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::members::{AUDIT_RETENTION_MS, INSERT_AUDIT, PRUNE_AUDIT, audit};
use crate::plans::{date_text, parse_date};
use crate::scans::active_permission;
use crate::{BeginWrite, Store, StoreError, now_millis, on_pool};

const SELECT_DRAFT_REVISION: &str = "SELECT revision FROM vision_drafts WHERE school_id = $1";
const SELECT_SECTIONS: &str = "SELECT s.section, s.body, s.links, s.revision, u.name, s.updated_at \
     FROM vision_sections s LEFT JOIN users u ON u.id = s.updated_by WHERE s.school_id = $1";
const SELECT_SECTION: &str = "SELECT s.revision, u.name, s.updated_at FROM vision_sections s \
     LEFT JOIN users u ON u.id = s.updated_by WHERE s.school_id = $1 AND s.section = $2";
const UPSERT_SECTION: &str = "INSERT INTO vision_sections (school_id, section, body, links, revision, \
     updated_by, updated_at) VALUES ($1, $2, $3, $4, 1, $5, $6) ON CONFLICT (school_id, section) \
     DO UPDATE SET body = $3, links = $4, revision = vision_sections.revision + 1, updated_by = $5, \
     updated_at = $6";
const SELECT_GOALS: &str = "SELECT g.id, g.section, g.goal, g.indicator, g.target, g.owner, \
     g.evaluate_on, g.revision, u.name, g.updated_at FROM vision_goals g \
     LEFT JOIN users u ON u.id = g.updated_by WHERE g.school_id = $1 ORDER BY g.position, g.id";
const SELECT_GOAL: &str = "SELECT g.revision, u.name, g.updated_at FROM vision_goals g \
     LEFT JOIN users u ON u.id = g.updated_by WHERE g.id = $1 AND g.school_id = $2";
const COUNT_GOALS: &str =
    "SELECT COUNT(*), COALESCE(MAX(position), 0) FROM vision_goals WHERE school_id = $1";
const INSERT_GOAL: &str = "INSERT INTO vision_goals (id, school_id, section, position, goal, indicator, \
     target, owner, evaluate_on, revision, updated_by, updated_at) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11)";
const UPDATE_GOAL: &str = "UPDATE vision_goals SET section = $3, goal = $4, indicator = $5, target = $6, \
     owner = $7, evaluate_on = $8, revision = revision + 1, updated_by = $9, updated_at = $10 \
     WHERE id = $1 AND school_id = $2";
const DELETE_GOAL: &str = "DELETE FROM vision_goals WHERE id = $1 AND school_id = $2";
const TOUCH_DRAFT: &str = "INSERT INTO vision_drafts (school_id, revision) VALUES ($1, 1) \
     ON CONFLICT (school_id) DO UPDATE SET revision = vision_drafts.revision + 1";
const SELECT_VERSIONS: &str = "SELECT v.id, v.number, v.published_on, u.name, v.summary, v.created_at \
     FROM vision_versions v LEFT JOIN users u ON u.id = v.published_by \
     WHERE v.school_id = $1 ORDER BY v.number DESC";
const SELECT_VERSION: &str = "SELECT v.id, v.number, v.published_on, u.name, v.summary, v.created_at, \
     v.content FROM vision_versions v LEFT JOIN users u ON u.id = v.published_by \
     WHERE v.id = $1 AND v.school_id = $2";
const SELECT_LAST_CONTENT: &str = "SELECT number, content FROM vision_versions WHERE school_id = $1 \
     ORDER BY number DESC LIMIT 1";
const INSERT_VERSION: &str = "INSERT INTO vision_versions (id, school_id, number, published_on, \
     published_by, summary, content, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

const SECTIONS_BY: &str = "SELECT section, updated_at FROM vision_sections \
     WHERE school_id = $1 AND updated_by = $2 ORDER BY updated_at";
const GOALS_BY: &str = "SELECT goal, updated_at FROM vision_goals \
     WHERE school_id = $1 AND updated_by = $2 ORDER BY updated_at";
const EVALUATIONS_BY: &str = "SELECT school_year, goal, updated_at FROM goal_evaluations \
     WHERE school_id = $1 AND updated_by = $2 ORDER BY updated_at";
const VERSIONS_BY: &str = "SELECT number, published_on FROM vision_versions \
     WHERE school_id = $1 AND published_by = $2 ORDER BY number";

/// What links a person to a school's vision, for their personal data: the sections and goals
/// of the draft they changed last (with when), and the versions they published.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisionRecords {
    pub sections: Vec<(Section, i64)>,
    pub goals: Vec<(Line, i64)>,
    pub published: Vec<(i64, Date)>,
    /// The goals' evaluations they saved last: `(school year, goal, when)`.
    pub evaluations: Vec<(String, Line, i64)>,
}

impl VisionRecords {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
            && self.goals.is_empty()
            && self.published.is_empty()
            && self.evaluations.is_empty()
    }
}

/// What leaves a school's vision with a person removed from it (`$1` the school, `$2` the
/// person): their name as who last changed a section or goal, and who published a version.
/// The texts stay, as the school's.
pub(crate) const FORGET_IN_SCHOOL: [&str; 3] = [
    "UPDATE vision_sections SET updated_by = NULL WHERE school_id = $1 AND updated_by = $2",
    "UPDATE vision_goals SET updated_by = NULL WHERE school_id = $1 AND updated_by = $2",
    "UPDATE vision_versions SET published_by = NULL WHERE school_id = $1 AND published_by = $2",
];

/// Who last changed a section or goal of the draft (`None` once they left), when, and its
/// revision (0: never written).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisionMark {
    pub revision: i64,
    pub by: Option<String>,
    pub at: i64,
}

/// The school's draft: the vision as it is being written, with a mark per section and per
/// goal (in the order of `vision.goals`) and the draft's revision, which counts every change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisionDraft {
    pub revision: i64,
    pub vision: Vision,
    pub sections: HashMap<Section, VisionMark>,
    /// Each goal's id and mark, in the order of `vision.goals`.
    pub goals: Vec<(Uuid, VisionMark)>,
}

impl VisionDraft {
    /// A goal of the draft by its id, with its mark.
    pub fn goal(&self, id: Uuid) -> Option<(&Goal, &VisionMark)> {
        let i = self.goals.iter().position(|(g, _)| *g == id)?;
        Some((self.vision.goals.get(i)?, &self.goals[i].1))
    }
}

/// A published version, as a history lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisionVersionSummary {
    pub id: Uuid,
    pub number: i64,
    pub published_on: Date,
    /// Who published it (`None` once they left the school).
    pub published_by: Option<String>,
    pub summary: Line,
    pub created_at: i64,
}

/// A published version with its content: the vision, the ids of its goals (in the order of
/// `vision.goals`, the same ids as in the draft they came from) and the words of each linked
/// statement when it was published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisionVersion {
    pub summary: VisionVersionSummary,
    pub vision: Vision,
    pub goal_ids: Vec<Uuid>,
    pub link_texts: HashMap<Code, Text>,
}

/// Why a change to the vision was not made. Nothing changed.
#[derive(Debug, thiserror::Error)]
pub enum VisionError {
    #[error("only coordinators and administrators write the vision")]
    NotAllowed,
    #[error("no such goal")]
    NotFound,
    /// Someone else saved this section or goal since the form was shown.
    #[error("changed since the form was shown")]
    Stale(VisionMark),
    /// The draft changed since it was reviewed for publishing.
    #[error("the draft changed since it was reviewed")]
    DraftChanged,
    #[error("a vision holds at most {GOALS_MAX} goals")]
    TooManyGoals,
    #[error("{0}")]
    Publish(PublishError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for VisionError {
    fn from(e: sqlx::Error) -> Self {
        VisionError::Store(StoreError::Database(e))
    }
}

/// Refuses, inside a transaction, anyone but an active coordinator or administrator.
macro_rules! author {
    ($tx:expr, $school:expr, $actor:expr) => {
        match active_permission!($tx, $school.0, $actor.0) {
            Some(p) if p.includes(Permission::Coordinator) => {}
            _ => return Err(VisionError::NotAllowed),
        }
    };
}

type SectionRow = (String, String, String, i64, Option<String>, i64);
type GoalRow = (
    Uuid,
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<String>,
    i64,
);

fn section_of(code: &str) -> Result<Section, StoreError> {
    Section::parse(code).ok_or_else(|| StoreError::CorruptRow(format!("vision section '{code}'")))
}

fn links_text(links: &[Code]) -> String {
    links.iter().map(Code::as_str).collect::<Vec<_>>().join(" ")
}

fn links_of(text: &str) -> Vec<Code> {
    text.split_whitespace().filter_map(Code::parse).collect()
}

/// The draft from its rows.
fn draft_of(
    revision: i64,
    sections: Vec<SectionRow>,
    goals: Vec<GoalRow>,
) -> Result<VisionDraft, StoreError> {
    let mut draft = VisionDraft {
        revision,
        ..VisionDraft::default()
    };
    let mut texts: HashMap<Section, SectionText> = HashMap::new();
    for (section, body, links, revision, by, at) in sections {
        let section = section_of(&section)?;
        texts.insert(
            section,
            SectionText {
                body: Body::from_stored(&body),
                links: links_of(&links),
            },
        );
        draft
            .sections
            .insert(section, VisionMark { revision, by, at });
    }
    draft.vision.sections = Section::ALL
        .into_iter()
        .map(|s| (s, texts.remove(&s).unwrap_or_default()))
        .collect();
    for (id, section, goal, indicator, target, owner, evaluate_on, revision, by, at) in goals {
        draft.vision.goals.push(Goal {
            section: section_of(&section)?,
            goal: Line::from_stored(&goal),
            indicator: Line::from_stored(&indicator),
            target: Line::from_stored(&target),
            owner: Line::from_stored(&owner),
            evaluate_on: parse_date(&evaluate_on)?,
        });
        draft.goals.push((id, VisionMark { revision, by, at }));
    }
    Ok(draft)
}

/// A version's content as stored: JSON, so a version holds exactly what was published.
fn content_json(draft: &VisionDraft, link_texts: &HashMap<Code, Text>) -> String {
    let sections: Vec<Value> = draft
        .vision
        .sections
        .iter()
        .map(|(section, text)| {
            let links: Vec<Value> = text
                .links
                .iter()
                .map(|code| {
                    let words = link_texts.get(code);
                    json!({
                        "code": code.as_str(),
                        "nl": words.map(|t| t.nl.as_str()).unwrap_or_default(),
                        "en": words.map(|t| t.en.as_str()).unwrap_or_default(),
                    })
                })
                .collect();
            json!({ "section": section.code(), "body": text.body.as_str(), "links": links })
        })
        .collect();
    let goals: Vec<Value> = draft
        .vision
        .goals
        .iter()
        .zip(&draft.goals)
        .map(|(g, (id, _))| {
            json!({
                "id": id.to_string(),
                "section": g.section.code(),
                "goal": g.goal.as_str(),
                "indicator": g.indicator.as_str(),
                "target": g.target.as_str(),
                "owner": g.owner.as_str(),
                "evaluate_on": date_text(g.evaluate_on),
            })
        })
        .collect();
    json!({ "sections": sections, "goals": goals }).to_string()
}

/// A version's content read back: the vision, its goals' ids, the linked statements' words.
type Content = (Vision, Vec<Uuid>, HashMap<Code, Text>);

fn content_of(text: &str) -> Result<Content, StoreError> {
    let bad = |what: &str| StoreError::CorruptRow(format!("vision version: {what}"));
    let value: Value = serde_json::from_str(text).map_err(|e| bad(&e.to_string()))?;
    let string = |v: &Value, key: &str| -> Result<String, StoreError> {
        v.get(key)
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| bad(key))
    };
    let mut vision = Vision::default();
    let mut goal_ids = Vec::new();
    let mut link_texts = HashMap::new();
    let mut texts: HashMap<Section, SectionText> = HashMap::new();
    for s in value
        .get("sections")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("sections"))?
    {
        let section = section_of(&string(s, "section")?)?;
        let mut links = Vec::new();
        for l in s
            .get("links")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("links"))?
        {
            let code = Code::parse(&string(l, "code")?).ok_or_else(|| bad("code"))?;
            link_texts.insert(code.clone(), Text::new(string(l, "nl")?, string(l, "en")?));
            links.push(code);
        }
        texts.insert(
            section,
            SectionText {
                body: Body::from_stored(&string(s, "body")?),
                links,
            },
        );
    }
    vision.sections = Section::ALL
        .into_iter()
        .map(|s| (s, texts.remove(&s).unwrap_or_default()))
        .collect();
    for g in value
        .get("goals")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("goals"))?
    {
        goal_ids.push(Uuid::parse_str(&string(g, "id")?).map_err(|_| bad("goal id"))?);
        vision.goals.push(Goal {
            section: section_of(&string(g, "section")?)?,
            goal: Line::from_stored(&string(g, "goal")?),
            indicator: Line::from_stored(&string(g, "indicator")?),
            target: Line::from_stored(&string(g, "target")?),
            owner: Line::from_stored(&string(g, "owner")?),
            evaluate_on: parse_date(&string(g, "evaluate_on")?)?,
        });
    }
    Ok((vision, goal_ids, link_texts))
}

/// The goal ids of a version's stored content, in its order.
pub(crate) fn content_goal_ids(text: &str) -> Result<Vec<Uuid>, StoreError> {
    Ok(content_of(text)?.1)
}

type VersionRow = (Uuid, i64, String, Option<String>, String, i64);
/// A version's row with its content.
type VersionContentRow = (Uuid, i64, String, Option<String>, String, i64, String);

fn version_summary(
    (id, number, published_on, published_by, summary, created_at): VersionRow,
) -> Result<VisionVersionSummary, StoreError> {
    Ok(VisionVersionSummary {
        id,
        number,
        published_on: parse_date(&published_on)?,
        published_by,
        summary: Line::from_stored(&summary),
        created_at,
    })
}

/// Refuses, inside a transaction, a section or goal saved since the form showed `expected`.
macro_rules! fresh {
    ($tx:expr, $sql:expr, $a:expr, $b:expr, $expected:expr, missing = $missing:expr) => {{
        let row: Option<(i64, Option<String>, i64)> = sqlx::query_as($sql)
            .bind($a)
            .bind($b)
            .fetch_optional(&mut *$tx)
            .await?;
        match row {
            Some((revision, _, _)) if revision == $expected => {}
            Some((revision, by, at)) => {
                return Err(VisionError::Stale(VisionMark { revision, by, at }));
            }
            None if $expected == 0 => {}
            None => return Err($missing),
        }
    }};
}

impl Store {
    /// The school's draft of its vision (empty when nothing was written yet).
    pub async fn vision_draft(&self, school: SchoolId) -> Result<VisionDraft, StoreError> {
        let (revision, sections, goals) = on_pool!(self, pool => {
            let mut tx = pool.begin().await?;
            let revision: Option<(i64,)> = sqlx::query_as(SELECT_DRAFT_REVISION).bind(school.0).fetch_optional(&mut *tx).await?;
            let sections: Vec<SectionRow> = sqlx::query_as(SELECT_SECTIONS).bind(school.0).fetch_all(&mut *tx).await?;
            let goals: Vec<GoalRow> = sqlx::query_as(SELECT_GOALS).bind(school.0).fetch_all(&mut *tx).await?;
            tx.commit().await?;
            (revision.map_or(0, |(r,)| r), sections, goals)
        });
        draft_of(revision, sections, goals)
    }

    /// Saves a section's text and links, when nobody saved it since the author's form showed
    /// it at `expected` (0 for a section never written).
    pub async fn save_vision_section(
        &self,
        school: SchoolId,
        actor: UserId,
        section: Section,
        expected: i64,
        text: &SectionText,
    ) -> Result<(), VisionError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            fresh!(tx, SELECT_SECTION, school.0, section.code(), expected, missing = VisionError::Stale(VisionMark::default()));
            sqlx::query(UPSERT_SECTION).bind(school.0).bind(section.code()).bind(text.body.as_str()).bind(links_text(&text.links)).bind(actor.0).bind(now_millis()).execute(&mut *tx).await?;
            sqlx::query(TOUCH_DRAFT).bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Adds a goal at the end of the draft's goals.
    pub async fn add_vision_goal(
        &self,
        school: SchoolId,
        actor: UserId,
        goal: &Goal,
    ) -> Result<Uuid, VisionError> {
        let id = Uuid::new_v4();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let (count, last): (i64, i64) = sqlx::query_as(COUNT_GOALS).bind(school.0).fetch_one(&mut *tx).await?;
            if usize::try_from(count).unwrap_or(usize::MAX) >= GOALS_MAX {
                return Err(VisionError::TooManyGoals);
            }
            sqlx::query(INSERT_GOAL).bind(id).bind(school.0).bind(goal.section.code()).bind(last + 1)
                .bind(goal.goal.as_str()).bind(goal.indicator.as_str()).bind(goal.target.as_str())
                .bind(goal.owner.as_str()).bind(date_text(goal.evaluate_on)).bind(actor.0).bind(now_millis())
                .execute(&mut *tx).await?;
            sqlx::query(TOUCH_DRAFT).bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(id)
    }

    /// Changes a goal of the draft, when nobody changed it since the form showed `expected`.
    pub async fn change_vision_goal(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
        expected: i64,
        goal: &Goal,
    ) -> Result<(), VisionError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            fresh!(tx, SELECT_GOAL, id, school.0, expected, missing = VisionError::NotFound);
            let done = sqlx::query(UPDATE_GOAL).bind(id).bind(school.0).bind(goal.section.code())
                .bind(goal.goal.as_str()).bind(goal.indicator.as_str()).bind(goal.target.as_str())
                .bind(goal.owner.as_str()).bind(date_text(goal.evaluate_on)).bind(actor.0).bind(now_millis())
                .execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                return Err(VisionError::NotFound);
            }
            sqlx::query(TOUCH_DRAFT).bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Removes a goal from the draft (published versions keep it), when nobody changed it
    /// since the form showed `expected`.
    pub async fn delete_vision_goal(
        &self,
        school: SchoolId,
        actor: UserId,
        id: Uuid,
        expected: i64,
    ) -> Result<(), VisionError> {
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            fresh!(tx, SELECT_GOAL, id, school.0, expected, missing = VisionError::NotFound);
            let done = sqlx::query(DELETE_GOAL).bind(id).bind(school.0).execute(&mut *tx).await?;
            if done.rows_affected() != 1 {
                return Err(VisionError::NotFound);
            }
            sqlx::query(TOUCH_DRAFT).bind(school.0).execute(&mut *tx).await?;
            tx.commit().await?;
        });
        Ok(())
    }

    /// Publishes the draft as the next version, dated `on`, when it is what the author
    /// reviewed (`expected`, the draft's revision then), holds something and differs from the
    /// last version. `link_texts` gives the words of the linked statements, kept with the
    /// version. The draft stays, to go on from.
    pub async fn publish_vision(
        &self,
        school: SchoolId,
        actor: UserId,
        expected: i64,
        summary: &str,
        on: Date,
        link_texts: &HashMap<Code, Text>,
    ) -> Result<Uuid, VisionError> {
        let id = Uuid::new_v4();
        on_pool!(self, pool => {
            let mut tx = pool.begin_write().await?;
            author!(tx, school, actor);
            let revision: Option<(i64,)> = sqlx::query_as(SELECT_DRAFT_REVISION).bind(school.0).fetch_optional(&mut *tx).await?;
            let revision = revision.map_or(0, |(r,)| r);
            if revision != expected {
                return Err(VisionError::DraftChanged);
            }
            let sections: Vec<SectionRow> = sqlx::query_as(SELECT_SECTIONS).bind(school.0).fetch_all(&mut *tx).await?;
            let goals: Vec<GoalRow> = sqlx::query_as(SELECT_GOALS).bind(school.0).fetch_all(&mut *tx).await?;
            let draft = draft_of(revision, sections, goals)?;
            let last: Option<(i64, String)> = sqlx::query_as(SELECT_LAST_CONTENT).bind(school.0).fetch_optional(&mut *tx).await?;
            let (number, last) = match last {
                Some((number, content)) => (number + 1, Some(content_of(&content)?.0)),
                None => (1, None),
            };
            let summary = check_publish(&draft.vision, last.as_ref(), summary).map_err(VisionError::Publish)?;
            sqlx::query(INSERT_VERSION).bind(id).bind(school.0).bind(number).bind(date_text(on)).bind(actor.0)
                .bind(summary.as_str()).bind(content_json(&draft, link_texts)).bind(now_millis())
                .execute(&mut *tx).await?;
            let detail = number.to_string();
            audit!(tx, school.0, Some(actor.0), AuditAction::VisionPublished, None::<Uuid>, None::<String>, Some(detail.as_str()));
            tx.commit().await?;
        });
        Ok(id)
    }

    /// What links `person` to the school's vision (see [`VisionRecords`]).
    pub async fn vision_records_of(
        &self,
        school: SchoolId,
        person: UserId,
    ) -> Result<VisionRecords, StoreError> {
        let (sections, goals, versions, evaluations) = on_pool!(self, pool => {
            let sections: Vec<(String, i64)> = sqlx::query_as(SECTIONS_BY).bind(school.0).bind(person.0).fetch_all(pool).await?;
            let goals: Vec<(String, i64)> = sqlx::query_as(GOALS_BY).bind(school.0).bind(person.0).fetch_all(pool).await?;
            let versions: Vec<(i64, String)> = sqlx::query_as(VERSIONS_BY).bind(school.0).bind(person.0).fetch_all(pool).await?;
            let evaluations: Vec<(String, String, i64)> = sqlx::query_as(EVALUATIONS_BY).bind(school.0).bind(person.0).fetch_all(pool).await?;
            (sections, goals, versions, evaluations)
        });
        Ok(VisionRecords {
            sections: sections
                .into_iter()
                .map(|(s, at)| Ok((section_of(&s)?, at)))
                .collect::<Result<_, StoreError>>()?,
            goals: goals
                .into_iter()
                .map(|(g, at)| (Line::from_stored(&g), at))
                .collect(),
            published: versions
                .into_iter()
                .map(|(n, on)| Ok((n, parse_date(&on)?)))
                .collect::<Result<_, StoreError>>()?,
            evaluations: evaluations
                .into_iter()
                .map(|(year, goal, at)| (year, Line::from_stored(&goal), at))
                .collect(),
        })
    }

    /// The school's published versions, newest first.
    pub async fn vision_versions(
        &self,
        school: SchoolId,
    ) -> Result<Vec<VisionVersionSummary>, StoreError> {
        let rows: Vec<VersionRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_VERSIONS).bind(school.0).fetch_all(pool).await?);
        rows.into_iter().map(version_summary).collect()
    }

    /// One published version of the school.
    pub async fn vision_version(
        &self,
        school: SchoolId,
        id: Uuid,
    ) -> Result<Option<VisionVersion>, StoreError> {
        let row: Option<VersionContentRow> = on_pool!(self, pool =>
            sqlx::query_as(SELECT_VERSION).bind(id).bind(school.0).fetch_optional(pool).await?);
        let Some((id, number, on, by, summary, at, content)) = row else {
            return Ok(None);
        };
        let (vision, goal_ids, link_texts) = content_of(&content)?;
        Ok(Some(VisionVersion {
            summary: version_summary((id, number, on, by, summary, at))?,
            vision,
            goal_ids,
            link_texts,
        }))
    }
}
