//! Our native edition format: lossless, human-editable, the same structure in JSON and TOML.
//!
//! ```json
//! { "format": "raamwerk-edition/1",
//!   "edition": { "identifier": "…", "version": "…", "date": "YYYY-MM-DD", "publisher": "…",
//!                "languages": ["nl", "en"], "title": {"nl": "…", "en": "…"},
//!                "attribution": {…}, "description": {…} },
//!   "roles": [ { "key": "BEG", "name": {…}, "description": {…} }, … ],
//!   "areas": [ { "key": "VIS", "name": {…}, "description": {…} }, … ],
//!   "themes": [ { "code": "gesprek", "name": {…}, "description": {…} }, … ],
//!   "statements": [ { "code": "BEG.VIS.T1", "kind": "task", "role": "BEG", "area": "VIS",
//!                     "theme": "gesprek", "depth": 1, "text": {…}, "sources": ["A"] }, … ] }
//! ```
//! Reading collects every problem it can find, each with its place, instead of stopping at the
//! first; writing then reading gives an identical edition.

use serde::{Deserialize, Serialize};

use domain::framework::{Date, Field, Location, ProblemKind};
use domain::{
    Area, Code, Depth, Edition, EditionId, EditionMeta, EditionParts, Kind, Label, Lang, Problem,
    Role, Statement, Tag, Text, Theme, ThemeCode,
};
use uuid::Uuid;

use crate::FormatError;

/// The value of the `format` field this version reads and writes.
pub const FORMAT: &str = "raamwerk-edition/1";

/// The text syntax of a native file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Toml,
}

impl Syntax {
    /// The syntax a file name suggests: TOML for `.toml`, JSON otherwise.
    pub fn for_path(path: &std::path::Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("toml") => Syntax::Toml,
            _ => Syntax::Json,
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileEdition {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) format: Option<String>,
    pub(crate) edition: Option<FileMeta>,
    pub(crate) roles: Option<Vec<FileLabel>>,
    pub(crate) areas: Option<Vec<FileLabel>>,
    #[serde(default)]
    pub(crate) themes: Vec<FileTheme>,
    pub(crate) statements: Option<Vec<FileStatement>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileText {
    pub(crate) nl: Option<String>,
    pub(crate) en: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileMeta {
    pub(crate) identifier: Option<String>,
    pub(crate) version: Option<String>,
    pub(crate) date: Option<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) languages: Option<Vec<String>>,
    pub(crate) title: Option<FileText>,
    pub(crate) attribution: Option<FileText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<FileText>,
    /// A school's edition: the id of the national edition it is based on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) based_on: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileLabel {
    pub(crate) key: Option<String>,
    pub(crate) name: Option<FileText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<FileText>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileTheme {
    pub(crate) code: Option<String>,
    pub(crate) name: Option<FileText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) description: Option<FileText>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct FileStatement {
    pub(crate) code: Option<String>,
    pub(crate) kind: Option<String>,
    pub(crate) role: Option<String>,
    pub(crate) area: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) theme: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) depth: Option<i64>,
    pub(crate) text: Option<FileText>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) tags: Vec<String>,
}

/// Reads an edition from native JSON or TOML, listing every problem with its place.
pub fn read(input: &str, syntax: Syntax) -> Result<Edition, Vec<Problem>> {
    let file: FileEdition = match syntax {
        Syntax::Json => serde_json::from_str(input).map_err(|e| {
            vec![Problem::new(
                Location::File {
                    line: e.line(),
                    column: e.column(),
                },
                ProblemKind::Syntax(strip_position(&e.to_string())),
            )]
        })?,
        Syntax::Toml => toml::from_str(input).map_err(|e| {
            let (line, column) = e
                .span()
                .map(|span| line_column(input, span.start))
                .unwrap_or((1, 1));
            vec![Problem::new(
                Location::File { line, column },
                ProblemKind::Syntax(e.message().to_owned()),
            )]
        })?,
    };
    Reader::default().edition(file)
}

/// serde_json appends " at line L column C"; the location already says it.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn line_column(input: &str, offset: usize) -> (usize, usize) {
    let before = input.get(..offset).unwrap_or(input);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Turns a file's loose structure into edition parts, noting what it cannot use.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
    /// Whether elements were left out, so that problems they would cause are not reported.
    skipped_roles: bool,
    skipped_themes: bool,
    skipped_statements: bool,
    /// Whether the edition's metadata is absent as a whole.
    skipped_meta: bool,
}

impl Reader {
    fn missing(&mut self, at: Location) {
        self.problems.push(Problem::new(at, ProblemKind::Missing));
    }

    fn required<T>(&mut self, value: Option<T>, at: Location) -> Option<T> {
        if value.is_none() {
            self.missing(at);
        }
        value
    }

    /// A text; what is missing in a language is left empty for validation to report where
    /// a text is required.
    fn text(value: Option<FileText>) -> Text {
        value
            .map(|t| Text::new(t.nl.unwrap_or_default(), t.en.unwrap_or_default()))
            .unwrap_or_default()
    }

    fn edition(mut self, file: FileEdition) -> Result<Edition, Vec<Problem>> {
        if let Some(format) = &file.format
            && format != FORMAT
        {
            self.problems.push(Problem::new(
                Location::Edition(Field::Format),
                ProblemKind::UnknownFormat(format.clone()),
            ));
        }
        let meta = self.meta(file.edition);
        let roles = self.labels(
            file.roles,
            Field::Roles,
            Role::from_code,
            |index, field| Location::Role { index, field },
            ProblemKind::UnknownRole,
        );
        let areas = self.labels(
            file.areas,
            Field::Areas,
            Area::from_code,
            |index, field| Location::Area { index, field },
            ProblemKind::UnknownArea,
        );
        let (themes, theme_index) = self.themes(file.themes);
        let statements = self.required(file.statements, Location::Edition(Field::Statements));
        self.skipped_statements |= statements.is_none();
        let (statements, statement_index) = self.statements(statements.unwrap_or_default());

        let parts = EditionParts {
            meta,
            roles,
            areas,
            themes,
            statements,
        };
        let domain_problems = match Edition::new(parts) {
            Ok(edition) if self.problems.is_empty() => return Ok(edition),
            Ok(_) => Vec::new(),
            Err(problems) => problems,
        };
        let (skipped_roles, skipped_themes, skipped_statements, skipped_meta) = (
            self.skipped_roles,
            self.skipped_themes,
            self.skipped_statements,
            self.skipped_meta,
        );
        let mut problems = self.problems;
        // A value the file lacks is reported once, not again as invalid.
        let reported: Vec<Location> = problems
            .iter()
            .filter(|p| p.kind == ProblemKind::Missing)
            .map(|p| p.location.clone())
            .collect();
        problems.extend(
            domain_problems
                .into_iter()
                .filter(|p| !reported.contains(&p.location))
                .filter(|p| {
                    !(skipped_meta && matches!(p.location, Location::Edition(f) if !is_list(f)))
                })
                .filter(|p| match p.kind {
                    ProblemKind::MissingRole(_) | ProblemKind::MissingArea(_) => !skipped_roles,
                    ProblemKind::UnknownTheme(_) => !skipped_themes,
                    ProblemKind::EmptyCell { .. } | ProblemKind::UnusedTheme(_) => {
                        !skipped_statements
                    }
                    _ => true,
                })
                .map(|p| Problem {
                    location: p.location.reindexed(&statement_index, &theme_index),
                    kind: p.kind,
                }),
        );
        problems.sort_by_key(|p| order(&p.location));
        Err(problems)
    }

    fn meta(&mut self, meta: Option<FileMeta>) -> EditionMeta {
        let at = Location::Edition;
        let meta = match meta {
            Some(meta) => meta,
            None => {
                self.missing(at(Field::Whole));
                self.skipped_meta = true;
                FileMeta::default()
            }
        };
        if self.skipped_meta {
            // One problem for the whole section is enough.
            return EditionMeta {
                identifier: String::new(),
                version: String::new(),
                date: Date::MIN,
                publisher: String::new(),
                languages: Vec::new(),
                title: Text::default(),
                attribution: Text::default(),
                description: Text::default(),
                based_on: None,
            };
        }
        let identifier = self.required(meta.identifier, at(Field::Identifier));
        let version = self.required(meta.version, at(Field::Version));
        let publisher = self.required(meta.publisher, at(Field::Publisher));
        let date = match self.required(meta.date, at(Field::Date)) {
            Some(text) => Date::parse(&text).or_else(|| {
                self.problems.push(Problem::new(
                    at(Field::Date),
                    ProblemKind::InvalidDate(text),
                ));
                None
            }),
            None => None,
        };
        let mut languages = Vec::new();
        for code in self
            .required(meta.languages, at(Field::Languages))
            .unwrap_or_default()
        {
            match Lang::from_code(&code) {
                Some(lang) => languages.push(lang),
                None => self.problems.push(Problem::new(
                    at(Field::Languages),
                    ProblemKind::UnknownLanguage(code),
                )),
            }
        }
        let based_on = meta.based_on.and_then(|id| {
            Uuid::parse_str(&id).ok().map(EditionId).or_else(|| {
                self.problems.push(Problem::new(
                    at(Field::BasedOn),
                    ProblemKind::InvalidEditionId(id),
                ));
                None
            })
        });
        EditionMeta {
            based_on,
            identifier: identifier.unwrap_or_else(|| "-".into()),
            version: version.unwrap_or_else(|| "-".into()),
            date: date.unwrap_or(Date::MIN),
            publisher: publisher.unwrap_or_else(|| "-".into()),
            languages,
            title: Self::text(meta.title),
            attribution: Self::text(meta.attribution),
            description: Self::text(meta.description),
        }
    }

    /// Role or area labels: the key parsed, name and description taken as they are.
    fn labels<K>(
        &mut self,
        labels: Option<Vec<FileLabel>>,
        list: Field,
        parse: fn(&str) -> Option<K>,
        at: fn(usize, Field) -> Location,
        unknown: fn(String) -> ProblemKind,
    ) -> Vec<Label<K>> {
        let Some(labels) = self.required(labels, Location::Edition(list)) else {
            self.skipped_roles = true;
            return Vec::new();
        };
        let mut out = Vec::new();
        for (index, label) in labels.into_iter().enumerate() {
            let name = Self::text(label.name);
            let key = match self.required(label.key, at(index, Field::Key)) {
                Some(key) => parse(&key).or_else(|| {
                    self.problems
                        .push(Problem::new(at(index, Field::Key), unknown(key)));
                    None
                }),
                None => None,
            };
            match key {
                Some(key) => out.push(Label {
                    key,
                    name,
                    description: Self::text(label.description),
                }),
                None => self.skipped_roles = true,
            }
        }
        out
    }

    fn themes(&mut self, themes: Vec<FileTheme>) -> (Vec<Theme>, Vec<usize>) {
        let mut out = Vec::new();
        let mut index_of = Vec::new();
        for (index, theme) in themes.into_iter().enumerate() {
            let at = |field| Location::Theme {
                index,
                code: theme.code.clone(),
                field,
            };
            let name = Self::text(theme.name);
            let code = match self.required(theme.code.clone(), at(Field::Code)) {
                Some(code) => ThemeCode::parse(&code).or_else(|| {
                    self.problems.push(Problem::new(
                        at(Field::Code),
                        ProblemKind::InvalidThemeCode(code),
                    ));
                    None
                }),
                None => None,
            };
            match code {
                Some(code) => {
                    out.push(Theme {
                        code,
                        name,
                        description: Self::text(theme.description),
                    });
                    index_of.push(index);
                }
                None => self.skipped_themes = true,
            }
        }
        (out, index_of)
    }

    fn statements(&mut self, statements: Vec<FileStatement>) -> (Vec<Statement>, Vec<usize>) {
        let mut out = Vec::new();
        let mut index_of = Vec::new();
        for (index, s) in statements.into_iter().enumerate() {
            let at = |field| Location::Statement {
                index,
                code: s.code.clone(),
                field,
            };
            let before = self.problems.len();
            let code = self.parsed(
                s.code.clone(),
                at(Field::Code),
                Code::parse,
                ProblemKind::InvalidCode,
            );
            let kind = self.parsed(
                s.kind,
                at(Field::Kind),
                Kind::from_name,
                ProblemKind::UnknownKind,
            );
            let role = self.parsed(
                s.role,
                at(Field::Role),
                Role::from_code,
                ProblemKind::UnknownRole,
            );
            let area = self.parsed(
                s.area,
                at(Field::Area),
                Area::from_code,
                ProblemKind::UnknownArea,
            );
            let theme = s.theme.and_then(|t| {
                ThemeCode::parse(&t).or_else(|| {
                    self.problems.push(Problem::new(
                        at(Field::Theme),
                        ProblemKind::InvalidThemeCode(t),
                    ));
                    None
                })
            });
            let depth = s.depth.and_then(|d| {
                Depth::from_level(d).or_else(|| {
                    self.problems.push(Problem::new(
                        at(Field::Depth),
                        ProblemKind::InvalidDepth(d.to_string()),
                    ));
                    None
                })
            });
            let text = Self::text(s.text);
            let mut tags = Vec::new();
            for tag in s.tags {
                match Tag::parse(&tag) {
                    Some(tag) if !tags.contains(&tag) => tags.push(tag),
                    Some(_) => {}
                    None => self
                        .problems
                        .push(Problem::new(at(Field::Tags), ProblemKind::InvalidTag(tag))),
                }
            }
            match (code, kind, role, area) {
                (Some(code), Some(kind), Some(role), Some(area))
                    if self.problems.len() == before =>
                {
                    out.push(Statement {
                        code,
                        kind,
                        role,
                        area,
                        theme,
                        depth,
                        text,
                        sources: s.sources,
                        tags,
                    });
                    index_of.push(index);
                }
                _ => self.skipped_statements = true,
            }
        }
        (out, index_of)
    }

    fn parsed<T>(
        &mut self,
        value: Option<String>,
        at: Location,
        parse: impl Fn(&str) -> Option<T>,
        invalid: fn(String) -> ProblemKind,
    ) -> Option<T> {
        let value = self.required(value, at.clone())?;
        parse(&value).or_else(|| {
            self.problems.push(Problem::new(at, invalid(value)));
            None
        })
    }
}

fn is_list(field: Field) -> bool {
    matches!(
        field,
        Field::Roles | Field::Areas | Field::Themes | Field::Statements
    )
}

/// Problems in the order their places appear in a file.
fn order(location: &Location) -> (u8, usize) {
    match location {
        Location::File { line, .. } => (0, *line),
        Location::Edition(_) => (1, 0),
        Location::Role { index, .. } => (2, *index),
        Location::Area { index, .. } => (3, *index),
        Location::Theme { index, .. } => (4, *index),
        Location::Statement { index, .. } => (5, *index),
    }
}

fn file_text(text: &Text) -> FileText {
    FileText {
        nl: Some(text.nl.clone()),
        en: Some(text.en.clone()),
    }
}

fn optional_file_text(text: &Text) -> Option<FileText> {
    (!text.nl.is_empty() || !text.en.is_empty()).then(|| file_text(text))
}

fn file_labels<K: Copy>(labels: &[Label<K>], code: fn(K) -> &'static str) -> Vec<FileLabel> {
    labels
        .iter()
        .map(|l| FileLabel {
            key: Some(code(l.key).to_owned()),
            name: Some(file_text(&l.name)),
            description: optional_file_text(&l.description),
        })
        .collect()
}

/// Writes an edition as native JSON (pretty-printed, stable order).
pub fn write_json(edition: &Edition) -> Result<String, FormatError> {
    let mut json = serde_json::to_string_pretty(&to_file(edition))?;
    json.push('\n');
    Ok(json)
}

/// Turns loose parts read by another reader (the spreadsheet template) into an edition, with
/// the same checks and problems as a native file.
pub(crate) fn from_file(file: FileEdition) -> Result<Edition, Vec<Problem>> {
    Reader::default().edition(file)
}

/// An edition as the native format's loose structure, which other writers reuse.
pub(crate) fn to_file(edition: &Edition) -> FileEdition {
    let parts = edition.parts();
    let meta = &parts.meta;
    FileEdition {
        format: Some(FORMAT.to_owned()),
        edition: Some(FileMeta {
            identifier: Some(meta.identifier.clone()),
            version: Some(meta.version.clone()),
            date: Some(meta.date.to_string()),
            publisher: Some(meta.publisher.clone()),
            languages: Some(meta.languages.iter().map(|l| l.code().to_owned()).collect()),
            title: Some(file_text(&meta.title)),
            attribution: Some(file_text(&meta.attribution)),
            description: optional_file_text(&meta.description),
            based_on: meta.based_on.map(|id| id.to_string()),
        }),
        roles: Some(file_labels(&parts.roles, Role::code)),
        areas: Some(file_labels(&parts.areas, Area::code)),
        themes: parts
            .themes
            .iter()
            .map(|t| FileTheme {
                code: Some(t.code.to_string()),
                name: Some(file_text(&t.name)),
                description: optional_file_text(&t.description),
            })
            .collect(),
        statements: Some(
            parts
                .statements
                .iter()
                .map(|s| FileStatement {
                    code: Some(s.code.to_string()),
                    kind: Some(s.kind.name().to_owned()),
                    role: Some(s.role.code().to_owned()),
                    area: Some(s.area.code().to_owned()),
                    theme: s.theme.as_ref().map(|t| t.to_string()),
                    depth: s.depth.map(|d| i64::from(d.level())),
                    text: Some(file_text(&s.text)),
                    sources: s.sources.clone(),
                    tags: s.tags.iter().map(|t| t.to_string()).collect(),
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
#[path = "native_tests.rs"]
mod tests;
