//! A school's draft of its own edition: the statements of the edition it started from, with
//! the school's changes, until it is published as a new edition. The rules for each change
//! live here; the store keeps the draft and guards it against two people overwriting each
//! other.

use std::collections::HashSet;

use super::diff::{Aspect, StatementChange};
use super::edition::{Code, Date, Edition, EditionId, EditionMeta, EditionParts, Statement, Theme};
use super::structure::{Area, Depth, Kind, Role};
use super::tag::Tag;
use super::validate::{MAX_TEXT_CHARS, Problem};
use crate::lang::Text;
use crate::school::SchoolId;

/// The prefix of the codes of a school's own statements, so they can never collide with a
/// code a later national edition introduces.
pub const OWN_PREFIX: &str = "EIGEN";

/// One statement of a draft. A hidden statement stays in the draft (so it can be shown
/// again) but is left out when the draft is published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftStatement {
    pub statement: Statement,
    pub hidden: bool,
}

/// A change a person makes to one statement of a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Reword(Text),
    Move {
        role: Role,
        area: Area,
    },
    Depth(Option<Depth>),
    Tags(Vec<Tag>),
    Hide,
    Show,
    /// One place up or down among the statements of its role, area and kind.
    Up,
    Down,
}

/// Why a change or a new statement was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftError {
    /// The Dutch text is empty.
    NoDutchText,
    /// A text is longer than [`MAX_TEXT_CHARS`].
    TooLong,
    /// The statement is not in the draft.
    NoSuchStatement,
    /// Up at the top or down at the bottom.
    NowhereToGo,
}

/// Checks a statement's texts: Dutch required, English optional, both within the limit;
/// white space around them is dropped.
pub fn checked_text(nl: &str, en: &str) -> Result<Text, DraftError> {
    let text = Text::new(nl.trim(), en.trim());
    if text.nl.is_empty() {
        return Err(DraftError::NoDutchText);
    }
    if text.nl.chars().count() > MAX_TEXT_CHARS || text.en.chars().count() > MAX_TEXT_CHARS {
        return Err(DraftError::TooLong);
    }
    Ok(text)
}

/// The code for a school's next own statement in a role, area and kind, e.g.
/// `EIGEN.BEG.VIS.T3`: the first number not used by any code in `taken`.
pub fn own_code<'a>(
    role: Role,
    area: Area,
    kind: Kind,
    taken: impl IntoIterator<Item = &'a Code>,
) -> Code {
    let taken: HashSet<&str> = taken.into_iter().map(Code::as_str).collect();
    (1..)
        .map(|n| {
            let conventional = Code::conventional(role, area, kind, n);
            format!("{OWN_PREFIX}.{conventional}")
        })
        .find(|c| !taken.contains(c.as_str()))
        .and_then(|c| Code::parse(&c))
        // Both parts are made of valid code characters and short; parse cannot fail.
        .unwrap_or_else(|| Code::conventional(role, area, kind, 1))
}

/// Whether a code is one of a school's own statements.
pub fn is_own(code: &Code) -> bool {
    code.as_str()
        .strip_prefix(OWN_PREFIX)
        .is_some_and(|rest| rest.starts_with('.'))
}

/// A draft that starts from an edition: all of its statements, none hidden.
pub fn start(from: &Edition) -> Vec<DraftStatement> {
    from.statements()
        .iter()
        .map(|s| DraftStatement {
            statement: s.clone(),
            hidden: false,
        })
        .collect()
}

/// Applies a change to the statement with `code`. Moving puts the statement last among those
/// of its new place; up and down swap it with its neighbour in its role, area and kind.
pub fn apply(draft: &mut [DraftStatement], code: &Code, edit: Edit) -> Result<(), DraftError> {
    let index = draft
        .iter()
        .position(|d| &d.statement.code == code)
        .ok_or(DraftError::NoSuchStatement)?;
    let mut target = index;
    match edit {
        Edit::Reword(text) => draft[index].statement.text = checked_text(&text.nl, &text.en)?,
        Edit::Move { role, area } => {
            let s = &mut draft[index].statement;
            if (s.role, s.area) != (role, area) {
                s.role = role;
                s.area = area;
                target = draft.len() - 1;
            }
        }
        Edit::Depth(depth) => draft[index].statement.depth = depth,
        Edit::Tags(tags) => draft[index].statement.tags = tags,
        Edit::Hide => draft[index].hidden = true,
        Edit::Show => draft[index].hidden = false,
        Edit::Up | Edit::Down => {
            let same = |d: &DraftStatement| {
                let (a, b) = (&d.statement, &draft[index].statement);
                (a.role, a.area, a.kind) == (b.role, b.area, b.kind)
            };
            let neighbour = if edit == Edit::Up {
                (0..index).rev().find(|&i| same(&draft[i]))
            } else {
                (index + 1..draft.len()).find(|&i| same(&draft[i]))
            };
            let other = neighbour.ok_or(DraftError::NowhereToGo)?;
            draft.swap(index, other);
            return Ok(());
        }
    }
    // Keep the draft in its order: a moved statement goes to the end of the list.
    if target != index {
        draft[index..].rotate_left(1);
    }
    Ok(())
}

/// Adds a school's own statement at the end of its role, area and kind, and returns its code.
pub fn add(
    draft: &mut Vec<DraftStatement>,
    role: Role,
    area: Area,
    kind: Kind,
    text: Text,
    depth: Option<Depth>,
    tags: Vec<Tag>,
) -> Result<Code, DraftError> {
    let text = checked_text(&text.nl, &text.en)?;
    let code = own_code(role, area, kind, draft.iter().map(|d| &d.statement.code));
    draft.push(DraftStatement {
        statement: Statement {
            code: code.clone(),
            kind,
            role,
            area,
            theme: None,
            depth,
            text,
            sources: vec![],
            tags,
        },
        hidden: false,
    });
    Ok(code)
}

/// The statements a draft would publish: those not hidden, in the draft's order.
pub fn visible(draft: &[DraftStatement]) -> Vec<Statement> {
    draft
        .iter()
        .filter(|d| !d.hidden)
        .map(|d| d.statement.clone())
        .collect()
}

/// The lineage of a school's own editions: `school-` and the school's id (never its short
/// name, which may change).
pub fn school_identifier(school: SchoolId) -> String {
    format!("school-{}", school.0)
}

/// Whether an edition's identifier is a school's lineage (see [`school_identifier`]).
pub fn is_school_lineage(identifier: &str) -> bool {
    identifier.starts_with("school-")
}

/// An edition read from a file made the next version of a school's own framework: the
/// school's lineage, version, title and name as publisher, based on the given national
/// edition; its content (and its attribution) as read.
pub fn as_school_edition(
    edition: &Edition,
    school: SchoolId,
    version: &str,
    based_on: EditionId,
    title: Text,
    publisher: &str,
) -> Result<Edition, Vec<Problem>> {
    let mut parts = edition.parts().clone();
    parts.meta.identifier = school_identifier(school);
    parts.meta.version = version.to_owned();
    parts.meta.based_on = Some(based_on);
    parts.meta.title = title;
    parts.meta.publisher = publisher.to_owned();
    Edition::new(parts)
}

/// What publishing needs besides the draft.
#[derive(Clone, Debug)]
pub struct Publication<'a> {
    /// The edition the draft started from: its roles, areas and themes are kept.
    pub from: &'a Edition,
    /// Themes of a newer national edition whose statements the school took over.
    pub more_themes: &'a [Theme],
    /// The national edition the new edition is based on.
    pub based_on: EditionId,
    /// The school's lineage, e.g. `school-…`.
    pub identifier: String,
    pub version: String,
    pub date: Date,
    pub publisher: String,
    pub title: Text,
    /// What changed, in the publisher's words.
    pub summary: String,
}

/// Makes the published edition of a draft, or lists every reason it cannot be one (e.g. a
/// role left without any task in an area). Themes no statement uses any more are dropped.
pub fn publish(draft: &[DraftStatement], p: Publication<'_>) -> Result<Edition, Vec<Problem>> {
    let statements = visible(draft);
    let used: HashSet<_> = statements.iter().filter_map(|s| s.theme.as_ref()).collect();
    let mut themes: Vec<Theme> = Vec::new();
    for theme in p.from.themes().iter().chain(p.more_themes) {
        if used.contains(&theme.code) && !themes.iter().any(|t| t.code == theme.code) {
            themes.push(theme.clone());
        }
    }
    let from = p.from.parts();
    let summary = p.summary.trim().to_owned();
    Edition::new(EditionParts {
        meta: EditionMeta {
            identifier: p.identifier,
            version: p.version,
            date: p.date,
            publisher: p.publisher,
            languages: from.meta.languages.clone(),
            title: p.title,
            attribution: from.meta.attribution.clone(),
            description: Text::new(summary.clone(), summary),
            based_on: Some(p.based_on),
        },
        roles: from.roles.clone(),
        areas: from.areas.clone(),
        themes,
        statements,
    })
}

/// Which wording a statement keeps when a national rewording is taken over and the school
/// had worded it in its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wording {
    /// The school's own wording stays (what taking over does unless told otherwise).
    Own,
    /// The new national wording replaces the school's.
    National,
}

/// The school's own wording of a statement that a national change rewords: its text in the
/// draft, when that differs from the national text before the change (the school reworded
/// it) and from the new national text.
pub fn own_wording<'a>(draft: &'a [DraftStatement], change: &StatementChange) -> Option<&'a Text> {
    if !change.has(Aspect::Reworded) {
        return None;
    }
    let (before, after) = (change.before.as_ref()?, change.after.as_ref()?);
    let d = draft.iter().find(|d| d.statement.code == change.code)?;
    let text = &d.statement.text;
    (*text != before.text && *text != after.text).then_some(text)
}

/// Whether the draft already agrees with a national change (so there is nothing to take
/// over): the statement is there, or gone, as the change has it, in the changed aspects. A
/// rewording agrees when the draft has the new text or the school's own wording, which a
/// national rewording never overrules by itself.
pub fn agrees(draft: &[DraftStatement], change: &StatementChange) -> bool {
    let found = draft.iter().find(|d| d.statement.code == change.code);
    let Some(after) = &change.after else {
        return found.is_none_or(|d| d.hidden);
    };
    let Some(d) = found.filter(|d| !d.hidden) else {
        return false;
    };
    let s = &d.statement;
    change.aspects.iter().all(|aspect| match aspect {
        Aspect::Added | Aspect::Removed | Aspect::Reordered | Aspect::Tags => true,
        Aspect::Reworded => {
            s.text == after.text || change.before.as_ref().is_some_and(|b| s.text != b.text)
        }
        Aspect::Moved => (s.role, s.area) == (after.role, after.area),
        Aspect::Kind => s.kind == after.kind,
        Aspect::Depth => s.depth == after.depth,
        Aspect::Theme => s.theme == after.theme,
    })
}

/// Takes a national change over into the draft, keeping everything the school did that the
/// change does not touch: a new statement is added, a removed one hidden, and of a changed
/// one only the changed aspects are copied. A statement the school worded in its own way
/// keeps that wording unless `wording` is [`Wording::National`].
pub fn take_over(draft: &mut Vec<DraftStatement>, change: &StatementChange, wording: Wording) {
    let keep_own = wording == Wording::Own && own_wording(draft, change).is_some();
    let found = draft.iter().position(|d| d.statement.code == change.code);
    match (&change.after, found) {
        (None, Some(i)) => draft[i].hidden = true,
        (None, None) => {}
        (Some(after), None) => {
            // After the last statement of its place, so it reads in context.
            let at = draft
                .iter()
                .rposition(|d| {
                    let s = &d.statement;
                    (s.role, s.area, s.kind) == (after.role, after.area, after.kind)
                })
                .map_or(draft.len(), |i| i + 1);
            draft.insert(
                at,
                DraftStatement {
                    statement: after.clone(),
                    hidden: false,
                },
            );
        }
        (Some(after), Some(i)) => {
            let d = &mut draft[i];
            d.hidden = false;
            let s = &mut d.statement;
            for aspect in &change.aspects {
                match aspect {
                    Aspect::Reworded if keep_own => {}
                    Aspect::Reworded => s.text = after.text.clone(),
                    Aspect::Moved => (s.role, s.area) = (after.role, after.area),
                    Aspect::Kind => s.kind = after.kind,
                    Aspect::Depth => s.depth = after.depth,
                    Aspect::Theme => s.theme = after.theme.clone(),
                    Aspect::Added | Aspect::Removed | Aspect::Reordered | Aspect::Tags => {}
                }
            }
        }
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
