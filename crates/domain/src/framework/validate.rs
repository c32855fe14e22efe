//! The rules an edition must satisfy, and the problems reported when it does not. Every
//! problem carries the place where it was found, so a file's author can go straight to it.

use std::collections::HashMap;
use std::fmt;

use super::edition::{Code, EditionParts, is_slug};
use super::structure::{Area, Kind, Label, Role};
use super::tag::{MAX_TAG_CHARS, Tag};
use crate::lang::{Lang, Text};

/// The longest statement text we accept, in characters.
pub const MAX_TEXT_CHARS: usize = 1000;

/// A field within an edition, a role, an area, a theme or a statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The element as a whole.
    Whole,
    Format,
    Identifier,
    Version,
    Date,
    Publisher,
    Languages,
    Title(Lang),
    Attribution(Lang),
    Description(Lang),
    Roles,
    Areas,
    Themes,
    Statements,
    Key,
    Name(Lang),
    Code,
    Kind,
    Role,
    Area,
    Theme,
    Depth,
    Text(Lang),
    Sources,
    Tags,
    BasedOn,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (name, lang) = match self {
            Field::Whole => ("", None),
            Field::Format => ("format", None),
            Field::Identifier => ("identifier", None),
            Field::Version => ("version", None),
            Field::Date => ("date", None),
            Field::Publisher => ("publisher", None),
            Field::Languages => ("languages", None),
            Field::Title(l) => ("title", Some(l)),
            Field::Attribution(l) => ("attribution", Some(l)),
            Field::Description(l) => ("description", Some(l)),
            Field::Roles => ("roles", None),
            Field::Areas => ("areas", None),
            Field::Themes => ("themes", None),
            Field::Statements => ("statements", None),
            Field::Key => ("key", None),
            Field::Name(l) => ("name", Some(l)),
            Field::Code => ("code", None),
            Field::Kind => ("kind", None),
            Field::Role => ("role", None),
            Field::Area => ("area", None),
            Field::Theme => ("theme", None),
            Field::Depth => ("depth", None),
            Field::Text(l) => ("text", Some(l)),
            Field::Sources => ("sources", None),
            Field::Tags => ("tags", None),
            Field::BasedOn => ("based_on", None),
        };
        f.write_str(name)?;
        if let Some(lang) = lang {
            write!(f, ".{lang}")?;
        }
        Ok(())
    }
}

/// Where in an edition (or in the file it was read from) a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// A place in the file's text, for problems found before its structure could be read.
    File {
        line: usize,
        column: usize,
    },
    /// The edition's own metadata, or one of its lists as a whole.
    Edition(Field),
    Role {
        index: usize,
        field: Field,
    },
    Area {
        index: usize,
        field: Field,
    },
    Theme {
        index: usize,
        code: Option<String>,
        field: Field,
    },
    Statement {
        index: usize,
        code: Option<String>,
        field: Field,
    },
}

impl Location {
    /// The same place with its list index translated (for readers that skipped elements).
    pub fn reindexed(self, statements: &[usize], themes: &[usize]) -> Location {
        let map = |table: &[usize], index: usize| table.get(index).copied().unwrap_or(index);
        match self {
            Location::Statement { index, code, field } => Location::Statement {
                index: map(statements, index),
                code,
                field,
            },
            Location::Theme { index, code, field } => Location::Theme {
                index: map(themes, index),
                code,
                field,
            },
            other => other,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (head, field) = match self {
            Location::File { line, column } => return write!(f, "{line}:{column}"),
            Location::Edition(
                field @ (Field::Roles | Field::Areas | Field::Themes | Field::Statements),
            ) => {
                return write!(f, "{field}");
            }
            Location::Edition(field) => ("edition".to_owned(), field),
            Location::Role { index, field } => (format!("roles[{index}]"), field),
            Location::Area { index, field } => (format!("areas[{index}]"), field),
            Location::Theme { index, code, field } => (with_code("themes", *index, code), field),
            Location::Statement { index, code, field } => {
                (with_code("statements", *index, code), field)
            }
        };
        f.write_str(&head)?;
        if *field != Field::Whole {
            write!(f, ".{field}")?;
        }
        Ok(())
    }
}

fn with_code(list: &str, index: usize, code: &Option<String>) -> String {
    match code {
        Some(code) => format!("{list}[{index}]({code})"),
        None => format!("{list}[{index}]"),
    }
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file could not be read as JSON/TOML at all.
    Syntax(String),
    /// A required value is absent or empty.
    Missing,
    /// A required text is absent or empty in one language.
    MissingText(Lang),
    UnknownFormat(String),
    UnknownLanguage(String),
    MissingLanguage(Lang),
    InvalidIdentifier(String),
    InvalidVersion(String),
    InvalidDate(String),
    UnknownRole(String),
    UnknownArea(String),
    UnknownKind(String),
    InvalidDepth(String),
    InvalidCode(String),
    InvalidThemeCode(String),
    DuplicateRole(Role),
    MissingRole(Role),
    DuplicateArea(Area),
    MissingArea(Area),
    DuplicateTheme {
        code: String,
        first: usize,
    },
    DuplicateCode {
        code: String,
        first: usize,
    },
    UnknownTheme(String),
    UnusedTheme(String),
    TooLong {
        max: usize,
    },
    /// A conventional code (`BEG.VIS.T1`) names another role, area or kind than the field.
    CodeDisagrees {
        code: String,
    },
    EmptyCell {
        role: Role,
        area: Area,
        kind: Kind,
    },
    /// A tag that is empty, too long, or holds a comma or a control character.
    InvalidTag(String),
    /// Not the id of an edition (a UUID).
    InvalidEditionId(String),
}

impl ProblemKind {
    /// The message for a person, in their language.
    pub fn message(&self, lang: Lang) -> String {
        use ProblemKind as P;
        let nl = lang == Lang::Nl;
        match self {
            P::Syntax(detail) if nl => format!("het bestand is niet te lezen: {detail}"),
            P::Syntax(detail) => format!("the file cannot be read: {detail}"),
            P::Missing if nl => "deze waarde ontbreekt of is leeg".into(),
            P::Missing => "this value is missing or empty".into(),
            P::MissingText(l) if nl => format!("de tekst in het {} ontbreekt", lang_name(*l, lang)),
            P::MissingText(l) => format!("the {} text is missing", lang_name(*l, lang)),
            P::UnknownFormat(v) if nl => {
                format!("onbekend formaat '{v}' (verwacht: raamwerk-edition/1)")
            }
            P::UnknownFormat(v) => format!("unknown format '{v}' (expected: raamwerk-edition/1)"),
            P::UnknownLanguage(v) if nl => format!("onbekende taal '{v}' (bekend: nl, en)"),
            P::UnknownLanguage(v) => format!("unknown language '{v}' (known: nl, en)"),
            P::MissingLanguage(l) if nl => {
                format!("de editie moet {} bevatten", lang_name(*l, lang))
            }
            P::MissingLanguage(l) => format!("the edition must include {}", lang_name(*l, lang)),
            P::InvalidIdentifier(v) if nl => format!(
                "'{v}' is geen geldige identificatie (kleine letters, cijfers en koppeltekens)"
            ),
            P::InvalidIdentifier(v) => {
                format!("'{v}' is not a valid identifier (lower-case letters, digits and hyphens)")
            }
            P::InvalidVersion(v) if nl => format!(
                "'{v}' is geen geldig versienummer (letters, cijfers, '.', '-', '_'; hoogstens 32 tekens)"
            ),
            P::InvalidVersion(v) => format!(
                "'{v}' is not a valid version (letters, digits, '.', '-', '_'; at most 32 characters)"
            ),
            P::InvalidDate(v) if nl => {
                format!("'{v}' is geen bestaande datum in de vorm JJJJ-MM-DD")
            }
            P::InvalidDate(v) => format!("'{v}' is not an existing date of the form YYYY-MM-DD"),
            P::UnknownRole(v) if nl => format!("onbekende rol '{v}' (bekend: BEG, SPE, COO)"),
            P::UnknownRole(v) => format!("unknown role '{v}' (known: BEG, SPE, COO)"),
            P::UnknownArea(v) if nl => {
                format!("onbekend aandachtsgebied '{v}' (bekend: VIS, ORI, ORG, SAM)")
            }
            P::UnknownArea(v) => format!("unknown area '{v}' (known: VIS, ORI, ORG, SAM)"),
            P::UnknownKind(v) if nl => format!("onbekende soort '{v}' (bekend: task, expertise)"),
            P::UnknownKind(v) => format!("unknown kind '{v}' (known: task, expertise)"),
            P::InvalidDepth(v) if nl => format!("diepgang '{v}' moet 1, 2 of 3 zijn"),
            P::InvalidDepth(v) => format!("depth '{v}' must be 1, 2 or 3"),
            P::InvalidCode(v) if nl => format!(
                "'{v}' is geen geldige code (letters, cijfers, '.', '-', '_'; hoogstens 64 tekens)"
            ),
            P::InvalidCode(v) => format!(
                "'{v}' is not a valid code (letters, digits, '.', '-', '_'; at most 64 characters)"
            ),
            P::InvalidThemeCode(v) if nl => {
                format!("'{v}' is geen geldige themacode (kleine letters, cijfers en koppeltekens)")
            }
            P::InvalidThemeCode(v) => {
                format!("'{v}' is not a valid theme code (lower-case letters, digits and hyphens)")
            }
            P::DuplicateRole(r) if nl => format!("rol {} staat er meer dan één keer in", r.code()),
            P::DuplicateRole(r) => format!("role {} appears more than once", r.code()),
            P::MissingRole(r) if nl => format!("rol {} ontbreekt", r.code()),
            P::MissingRole(r) => format!("role {} is missing", r.code()),
            P::DuplicateArea(a) if nl => {
                format!("aandachtsgebied {} staat er meer dan één keer in", a.code())
            }
            P::DuplicateArea(a) => format!("area {} appears more than once", a.code()),
            P::MissingArea(a) if nl => format!("aandachtsgebied {} ontbreekt", a.code()),
            P::MissingArea(a) => format!("area {} is missing", a.code()),
            P::DuplicateTheme { code, first } if nl => {
                format!("themacode '{code}' is al gebruikt bij themes[{first}]")
            }
            P::DuplicateTheme { code, first } => {
                format!("theme code '{code}' is already used by themes[{first}]")
            }
            P::DuplicateCode { code, first } if nl => {
                format!("code '{code}' is al gebruikt bij statements[{first}]")
            }
            P::DuplicateCode { code, first } => {
                format!("code '{code}' is already used by statements[{first}]")
            }
            P::UnknownTheme(v) if nl => format!("thema '{v}' bestaat niet in deze editie"),
            P::UnknownTheme(v) => format!("theme '{v}' does not exist in this edition"),
            P::UnusedTheme(v) if nl => format!("thema '{v}' hoort bij geen enkele uitspraak"),
            P::UnusedTheme(v) => format!("theme '{v}' belongs to no statement"),
            P::TooLong { max } if nl => format!("de tekst is langer dan {max} tekens"),
            P::TooLong { max } => format!("the text is longer than {max} characters"),
            P::CodeDisagrees { code } if nl => format!(
                "de code '{code}' noemt een andere rol, een ander aandachtsgebied of een andere soort dan deze uitspraak heeft"
            ),
            P::CodeDisagrees { code } => format!(
                "the code '{code}' names another role, area or kind than this statement has"
            ),
            P::EmptyCell { role, area, kind } if nl => format!(
                "rol {} heeft in aandachtsgebied {} geen enkele uitspraak van de soort {}",
                role.code(),
                area.code(),
                kind.name()
            ),
            P::EmptyCell { role, area, kind } => format!(
                "role {} has no statement of kind {} in area {}",
                role.code(),
                kind.name(),
                area.code()
            ),
            P::InvalidTag(v) if nl => format!(
                "'{v}' is geen geldig label (hoogstens {MAX_TAG_CHARS} tekens, zonder komma)"
            ),
            P::InvalidEditionId(v) if nl => {
                format!("'{v}' is geen editie-id (verwacht: een UUID)")
            }
            P::InvalidEditionId(v) => format!("'{v}' is not an edition id (expected: a UUID)"),
            P::InvalidTag(v) => {
                format!("'{v}' is not a valid tag (at most {MAX_TAG_CHARS} characters, no comma)")
            }
        }
    }
}

fn lang_name(of: Lang, lang: Lang) -> &'static str {
    match (of, lang) {
        (Lang::Nl, Lang::Nl) => "Nederlands",
        (Lang::En, Lang::Nl) => "Engels",
        (Lang::Nl, Lang::En) => "Dutch",
        (Lang::En, Lang::En) => "English",
    }
}

/// One problem, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub location: Location,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(location: Location, kind: ProblemKind) -> Problem {
        Problem { location, kind }
    }

    /// `location: message`, in the given language.
    pub fn describe(&self, lang: Lang) -> String {
        format!("{}: {}", self.location, self.kind.message(lang))
    }
}

fn text_problems(text: &Text, at: impl Fn(Lang) -> Location, out: &mut Vec<Problem>) {
    for lang in text.missing() {
        out.push(Problem::new(at(lang), ProblemKind::MissingText(lang)));
    }
}

fn valid_version(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 32
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// What the rules need to know about the keys of labels (roles, areas).
trait LabelKey: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    const LIST: Field;
    fn at(index: usize, field: Field) -> Location;
    fn duplicate(self) -> ProblemKind;
    fn missing(self) -> ProblemKind;
}

impl LabelKey for Role {
    const ALL: &'static [Role] = &Role::ALL;
    const LIST: Field = Field::Roles;
    fn at(index: usize, field: Field) -> Location {
        Location::Role { index, field }
    }
    fn duplicate(self) -> ProblemKind {
        ProblemKind::DuplicateRole(self)
    }
    fn missing(self) -> ProblemKind {
        ProblemKind::MissingRole(self)
    }
}

impl LabelKey for Area {
    const ALL: &'static [Area] = &Area::ALL;
    const LIST: Field = Field::Areas;
    fn at(index: usize, field: Field) -> Location {
        Location::Area { index, field }
    }
    fn duplicate(self) -> ProblemKind {
        ProblemKind::DuplicateArea(self)
    }
    fn missing(self) -> ProblemKind {
        ProblemKind::MissingArea(self)
    }
}

/// Problems with the labels of roles or areas: each key exactly once, each named in both
/// languages.
fn labels<K: LabelKey>(labels: &[Label<K>], out: &mut Vec<Problem>) {
    let mut seen = Vec::new();
    for (index, label) in labels.iter().enumerate() {
        if seen.contains(&label.key) {
            out.push(Problem::new(
                K::at(index, Field::Key),
                label.key.duplicate(),
            ));
        }
        seen.push(label.key);
        text_problems(&label.name, |l| K::at(index, Field::Name(l)), out);
    }
    for key in K::ALL.iter().filter(|k| !seen.contains(k)) {
        out.push(Problem::new(Location::Edition(K::LIST), key.missing()));
    }
}

/// Every problem with the parts, in the order of the file; empty when they make an edition.
pub(crate) fn validate(parts: &EditionParts) -> Vec<Problem> {
    let mut out = Vec::new();
    let meta = &parts.meta;
    let at_edition = Location::Edition;

    if !is_slug(&meta.identifier) {
        out.push(Problem::new(
            at_edition(Field::Identifier),
            ProblemKind::InvalidIdentifier(meta.identifier.clone()),
        ));
    }
    if !valid_version(&meta.version) {
        out.push(Problem::new(
            at_edition(Field::Version),
            ProblemKind::InvalidVersion(meta.version.clone()),
        ));
    }
    if meta.publisher.trim().is_empty() {
        out.push(Problem::new(
            at_edition(Field::Publisher),
            ProblemKind::Missing,
        ));
    }
    for lang in Lang::ALL {
        if !meta.languages.contains(&lang) {
            out.push(Problem::new(
                at_edition(Field::Languages),
                ProblemKind::MissingLanguage(lang),
            ));
        }
    }
    text_problems(&meta.title, |l| at_edition(Field::Title(l)), &mut out);
    text_problems(
        &meta.attribution,
        |l| at_edition(Field::Attribution(l)),
        &mut out,
    );

    labels(&parts.roles, &mut out);
    labels(&parts.areas, &mut out);

    let mut themes: HashMap<&str, usize> = HashMap::new();
    for (index, theme) in parts.themes.iter().enumerate() {
        let code = theme.code.as_str();
        let at = |field| Location::Theme {
            index,
            code: Some(code.to_owned()),
            field,
        };
        if let Some(&first) = themes.get(code) {
            out.push(Problem::new(
                at(Field::Code),
                ProblemKind::DuplicateTheme {
                    code: code.to_owned(),
                    first,
                },
            ));
        } else {
            themes.insert(code, index);
        }
        text_problems(&theme.name, |l| at(Field::Name(l)), &mut out);
        if !parts
            .statements
            .iter()
            .any(|s| s.theme.as_ref() == Some(&theme.code))
        {
            out.push(Problem::new(
                at(Field::Whole),
                ProblemKind::UnusedTheme(code.to_owned()),
            ));
        }
    }

    let mut codes: HashMap<&Code, usize> = HashMap::new();
    for (index, statement) in parts.statements.iter().enumerate() {
        let at = |field| Location::Statement {
            index,
            code: Some(statement.code.to_string()),
            field,
        };
        if let Some(&first) = codes.get(&statement.code) {
            out.push(Problem::new(
                at(Field::Code),
                ProblemKind::DuplicateCode {
                    code: statement.code.to_string(),
                    first,
                },
            ));
        } else {
            codes.insert(&statement.code, index);
        }
        // A school's own edition keeps a statement's code wherever the school moves it.
        if !meta.is_derived()
            && let Some((role, area, kind, _)) = statement.code.convention()
            && (role, area, kind) != (statement.role, statement.area, statement.kind)
        {
            out.push(Problem::new(
                at(Field::Code),
                ProblemKind::CodeDisagrees {
                    code: statement.code.to_string(),
                },
            ));
        }
        // A school's own statements need no English: the Dutch text stands in, visibly.
        for lang in statement.text.missing() {
            if lang == Lang::Nl || !meta.is_derived() {
                out.push(Problem::new(
                    at(Field::Text(lang)),
                    ProblemKind::MissingText(lang),
                ));
            }
        }
        for tag in &statement.tags {
            if Tag::parse(tag.as_str()).as_ref() != Some(tag) {
                out.push(Problem::new(
                    at(Field::Tags),
                    ProblemKind::InvalidTag(tag.to_string()),
                ));
            }
        }
        for lang in Lang::ALL {
            if statement.text.get(lang).chars().count() > MAX_TEXT_CHARS {
                out.push(Problem::new(
                    at(Field::Text(lang)),
                    ProblemKind::TooLong {
                        max: MAX_TEXT_CHARS,
                    },
                ));
            }
        }
        if let Some(theme) = &statement.theme
            && !themes.contains_key(theme.as_str())
        {
            out.push(Problem::new(
                at(Field::Theme),
                ProblemKind::UnknownTheme(theme.to_string()),
            ));
        }
        if statement.sources.iter().any(|s| s.trim().is_empty()) {
            out.push(Problem::new(at(Field::Sources), ProblemKind::Missing));
        }
    }

    for role in Role::ALL {
        for area in Area::ALL {
            for kind in Kind::ALL {
                let filled = parts
                    .statements
                    .iter()
                    .any(|s| s.role == role && s.area == area && s.kind == kind);
                if !filled {
                    out.push(Problem::new(
                        at_edition(Field::Statements),
                        ProblemKind::EmptyCell { role, area, kind },
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "validate_tests.rs"]
mod tests;
