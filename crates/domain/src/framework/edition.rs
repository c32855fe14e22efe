//! Editions: immutable, validated versions of a framework.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use uuid::Uuid;

use super::structure::{Area, AreaInfo, Depth, Kind, Role, RoleInfo};
use super::tag::Tag;
use super::validate::{Problem, validate};
use crate::lang::{Lang, Text};

/// The namespace from which every identifier we derive (edition ids, CASE identifiers) is made,
/// so that the same edition gets the same ids on every installation.
pub const NAMESPACE: Uuid = Uuid::from_u128(0x5f1c_0c2e_8a4b_4c53_9a0e_7d2b_61a4_e0b1);

/// The longest statement code, theme code or identifier we accept.
pub const MAX_CODE_LEN: usize = 64;

/// A statement's stable code, e.g. `BEG.VIS.T1`: letters, digits, `.`, `-` and `_`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(String);

impl Code {
    pub fn parse(code: &str) -> Option<Code> {
        let ok = !code.is_empty()
            && code.len() <= MAX_CODE_LEN
            && code
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'));
        ok.then(|| Code(code.to_owned()))
    }

    /// The conventional code for the `number`th statement of a kind in a role and area.
    pub fn conventional(role: Role, area: Area, kind: Kind, number: u32) -> Code {
        Code(format!(
            "{}.{}.{}{number}",
            role.code(),
            area.code(),
            kind.letter()
        ))
    }

    /// What the code says about its statement when it follows our convention
    /// `ROLE.AREA.{T|D}n`; `None` for any other code (imported editions may use their own).
    pub fn convention(&self) -> Option<(Role, Area, Kind, u32)> {
        let mut parts = self.0.split('.');
        let role = Role::from_code(parts.next()?)?;
        let area = Area::from_code(parts.next()?)?;
        let last = parts.next()?;
        if parts.next().is_some() {
            return None;
        }
        let mut chars = last.chars();
        let kind = Kind::from_letter(chars.next()?)?;
        let digits = chars.as_str();
        if digits.is_empty()
            || digits.starts_with('0')
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        Some((role, area, kind, digits.parse().ok()?))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A theme's code, also used in URLs: lower-case letters, digits and inner hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThemeCode(String);

impl ThemeCode {
    pub fn parse(code: &str) -> Option<ThemeCode> {
        is_slug(code).then(|| ThemeCode(code.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ThemeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Lower-case letters, digits and single inner hyphens, at most [`MAX_CODE_LEN`] long.
pub(crate) fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= MAX_CODE_LEN
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A calendar date (YYYY-MM-DD), checked for existence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// The earliest date we accept, used where a reader needs a stand-in for a missing date.
    pub const MIN: Date = Date {
        year: 1900,
        month: 1,
        day: 1,
    };

    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year >= 1900 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses the ISO form `2026-11-23`, and nothing else.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = s.get(range)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Date::new(
            num(0..4)?,
            u8::try_from(num(5..7)?).ok()?,
            u8::try_from(num(8..10)?).ok()?,
        )
    }

    pub fn year(self) -> u16 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One statement of an edition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub code: Code,
    pub kind: Kind,
    pub role: Role,
    pub area: Area,
    pub theme: Option<ThemeCode>,
    pub depth: Option<Depth>,
    pub text: Text,
    /// References to source documents; empty in our own edition.
    pub sources: Vec<String>,
    /// Tags a school gives its own statements (*regionaal*, …); empty in the national edition.
    pub tags: Vec<Tag>,
}

/// A theme: one topic that returns in several roles at a different depth.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Theme {
    pub code: ThemeCode,
    pub name: Text,
    pub description: Text,
}

/// What an edition says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditionMeta {
    /// The lineage this edition belongs to (e.g. `raamwerk-lob-nl`); versions share it.
    pub identifier: String,
    pub version: String,
    pub date: Date,
    pub publisher: String,
    pub languages: Vec<Lang>,
    pub title: Text,
    /// Where the wording comes from; ours says it is our own, based on the Raamwerk LOB (2017).
    pub attribution: Text,
    pub description: Text,
    /// For a school's own edition: the national edition it was derived from (or last brought
    /// up to date with). Its statements keep their codes wherever the school moves them.
    pub based_on: Option<EditionId>,
}

impl EditionMeta {
    /// Whether this is a school's own edition rather than a national one.
    pub fn is_derived(&self) -> bool {
        self.based_on.is_some()
    }
}

/// The unvalidated parts of an edition, as a reader of a file or a database builds them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EditionParts {
    pub meta: EditionMeta,
    pub roles: Vec<RoleInfo>,
    pub areas: Vec<AreaInfo>,
    pub themes: Vec<Theme>,
    pub statements: Vec<Statement>,
}

/// The identity of an edition, derived from its identifier and version so that the same
/// edition has the same id wherever it is loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EditionId(pub Uuid);

impl EditionId {
    pub fn derive(identifier: &str, version: &str) -> EditionId {
        EditionId(Uuid::new_v5(
            &NAMESPACE,
            format!("edition:{identifier}@{version}").as_bytes(),
        ))
    }
}

impl fmt::Display for EditionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// An immutable, validated edition. Cheap to clone (shared).
#[derive(Clone, Debug)]
pub struct Edition(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    id: EditionId,
    parts: EditionParts,
    by_code: HashMap<Code, usize>,
}

impl PartialEq for Edition {
    fn eq(&self, other: &Self) -> bool {
        self.0.parts == other.0.parts
    }
}
impl Eq for Edition {}

impl Edition {
    /// Validates the parts and makes them an edition, or lists every problem found.
    /// Roles and areas are put in their canonical order.
    pub fn new(mut parts: EditionParts) -> Result<Edition, Vec<Problem>> {
        let problems = validate(&parts);
        if !problems.is_empty() {
            return Err(problems);
        }
        parts.roles.sort_by_key(|r| r.key);
        parts.areas.sort_by_key(|a| a.key);
        let by_code = parts
            .statements
            .iter()
            .enumerate()
            .map(|(i, s)| (s.code.clone(), i))
            .collect();
        Ok(Edition(Arc::new(Inner {
            id: EditionId::derive(&parts.meta.identifier, &parts.meta.version),
            parts,
            by_code,
        })))
    }

    pub fn id(&self) -> EditionId {
        self.0.id
    }

    pub fn meta(&self) -> &EditionMeta {
        &self.0.parts.meta
    }

    /// The roles, in canonical order.
    pub fn roles(&self) -> &[RoleInfo] {
        &self.0.parts.roles
    }

    pub fn role(&self, role: Role) -> &RoleInfo {
        // Validation guarantees every role exactly once, in canonical order.
        &self.0.parts.roles[role as usize]
    }

    /// The areas, in canonical order.
    pub fn areas(&self) -> &[AreaInfo] {
        &self.0.parts.areas
    }

    pub fn area(&self, area: Area) -> &AreaInfo {
        &self.0.parts.areas[area as usize]
    }

    pub fn themes(&self) -> &[Theme] {
        &self.0.parts.themes
    }

    pub fn theme(&self, code: &str) -> Option<&Theme> {
        self.0.parts.themes.iter().find(|t| t.code.as_str() == code)
    }

    /// Every statement, in the edition's order.
    pub fn statements(&self) -> &[Statement] {
        &self.0.parts.statements
    }

    pub fn statement(&self, code: &str) -> Option<&Statement> {
        let index = Code::parse(code).and_then(|c| self.0.by_code.get(&c).copied())?;
        self.0.parts.statements.get(index)
    }

    /// The statements of one kind for a role in an area, in the edition's order.
    pub fn statements_in(
        &self,
        role: Role,
        area: Area,
        kind: Kind,
    ) -> impl Iterator<Item = &Statement> {
        self.statements()
            .iter()
            .filter(move |s| s.role == role && s.area == area && s.kind == kind)
    }

    /// The statements of a theme, grouped by role in canonical order.
    pub fn theme_statements(&self, theme: &ThemeCode) -> Vec<&Statement> {
        let mut found: Vec<&Statement> = self
            .statements()
            .iter()
            .filter(|s| s.theme.as_ref() == Some(theme))
            .collect();
        found.sort_by_key(|s| s.role);
        found
    }

    /// The roles a theme spans, in canonical order.
    pub fn theme_roles(&self, theme: &ThemeCode) -> Vec<Role> {
        let mut roles: Vec<Role> = self
            .theme_statements(theme)
            .iter()
            .map(|s| s.role)
            .collect();
        roles.dedup();
        roles
    }

    /// The parts this edition was made from (for writers of files and databases).
    pub fn parts(&self) -> &EditionParts {
        &self.0.parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conventional_codes_are_read_back() {
        let code = Code::conventional(Role::Specialist, Area::Cooperation, Kind::Expertise, 12);
        assert_eq!(code.as_str(), "SPE.SAM.D12");
        assert_eq!(
            code.convention(),
            Some((Role::Specialist, Area::Cooperation, Kind::Expertise, 12))
        );
        for other in [
            "SPE.SAM",
            "SPE.SAM.X1",
            "SPE.SAM.T",
            "SPE.SAM.T01",
            "XX.SAM.T1",
            "SPE.SAM.T1.2",
            "own-code",
        ] {
            let code = Code::parse(other).expect("valid code characters");
            assert_eq!(code.convention(), None, "{other}");
        }
    }

    #[test]
    fn codes_reject_bad_characters() {
        assert!(Code::parse("BEG.VIS.T1").is_some());
        assert!(Code::parse("").is_none());
        assert!(Code::parse("BEG VIS").is_none());
        assert!(Code::parse("BEG/VIS").is_none());
        assert!(Code::parse(&"A".repeat(MAX_CODE_LEN + 1)).is_none());
    }

    #[test]
    fn theme_codes_are_slugs() {
        assert!(ThemeCode::parse("loopbaangesprek").is_some());
        assert!(ThemeCode::parse("pdca-2").is_some());
        for bad in ["", "Theorie", "-a", "a-", "a--b", "a b", "ö"] {
            assert!(ThemeCode::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn dates_must_exist() {
        assert_eq!(
            Date::parse("2026-11-23").map(|d| d.to_string()),
            Some("2026-11-23".to_owned())
        );
        assert!(Date::parse("2024-02-29").is_some());
        for bad in [
            "2026-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-1-1",
            "26-11-23",
            "2026/11/23",
            "2026-11-2x",
            "+026-11-23",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad}");
        }
        assert!(Date::parse("2000-02-29").is_some());
    }

    #[test]
    fn edition_ids_are_stable_and_distinct() {
        let a = EditionId::derive("raamwerk-lob-nl", "2026.1");
        assert_eq!(a, EditionId::derive("raamwerk-lob-nl", "2026.1"));
        assert_ne!(a, EditionId::derive("raamwerk-lob-nl", "2026.2"));
        assert_ne!(a, EditionId::derive("other", "2026.1"));
    }
}
