//! What is wrong with a spreadsheet template, where (row and column, as a spreadsheet counts
//! them), and in words in Dutch and English; the edition's own problems placed at the cells
//! they came from.

use std::fmt;

use domain::framework::{Field, Location, ProblemKind};
use domain::{Lang, Problem};

use super::{
    Column, KINDS, MAX_BYTES, MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS, META, Origins,
    RowKind,
};
use crate::unzip::UnzipError;

/// What is wrong with a template, and where: `row` counts from 1 as a spreadsheet does (0
/// means the file as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetProblem {
    pub row: usize,
    pub column: Option<Column>,
    /// For a field of the edition that has no row: which one.
    pub meta: Option<Field>,
    pub kind: SheetProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetProblemKind {
    /// The file is larger than [`MAX_BYTES`].
    TooLarge,
    /// A CSV file that is not UTF-8 text.
    NotUtf8,
    /// CSV was chosen but the file is a zip archive (an XLSX workbook, by its first bytes).
    WorkbookNotCsv,
    /// XLSX was chosen but the file is plain text (a CSV file, most likely).
    TextNotWorkbook,
    /// Not a spreadsheet of the kind it claims (the reader's own words).
    NotASheet(String),
    /// An XLSX archive that unpacks to more than a template can be.
    Unpacked(UnzipError),
    /// A sheet with a row past [`MAX_ROWS`], a column past [`MAX_COLUMNS`], more than
    /// [`MAX_CELLS`] cells, or a cell longer than [`MAX_CELL_CHARS`].
    TooManyRows,
    TooManyColumns,
    TooManyCells,
    CellTooLong,
    /// A control character (NUL and the like) in a cell.
    ControlCharacter(char),
    /// A header row and nothing under it.
    NoRows,
    /// No header row with the template's columns.
    NoHeader,
    MissingColumn(Column),
    UnknownColumn(String),
    DuplicateColumn(Column),
    UnknownRowKind(String),
    UnknownMetaField(String),
    DuplicateMetaField(String),
    NotANumber(String),
    UnknownKind(String),
    /// A cell holds a formula; the template holds text only.
    Formula,
    /// What the edition's own checks found.
    Edition(ProblemKind),
}

impl SheetProblem {
    pub(super) fn new(row: usize, column: Option<Column>, kind: SheetProblemKind) -> SheetProblem {
        SheetProblem {
            row,
            column,
            meta: None,
            kind,
        }
    }

    /// `row 12, column nl: …`, in the given language.
    pub fn describe(&self, lang: Lang) -> String {
        let mut place = String::new();
        if self.row > 0 {
            place = match lang {
                Lang::Nl => format!("rij {}", self.row),
                Lang::En => format!("row {}", self.row),
            };
        }
        if let Some(column) = self.column {
            if !place.is_empty() {
                place.push_str(", ");
            }
            place.push_str(&match lang {
                Lang::Nl => format!("kolom {}", column.header(lang)),
                Lang::En => format!("column {}", column.header(lang)),
            });
        }
        if let Some((_, nl, en)) = self
            .meta
            .and_then(|m| META.iter().find(|(f, _, _)| *f == m))
        {
            place = match lang {
                Lang::Nl => format!("editie, {nl}"),
                Lang::En => format!("edition, {en}"),
            };
        }
        let message = self.message(lang);
        if place.is_empty() {
            message
        } else {
            format!("{place}: {message}")
        }
    }

    fn message(&self, lang: Lang) -> String {
        use SheetProblemKind as K;
        let nl = lang == Lang::Nl;
        let columns = || {
            Column::ALL
                .iter()
                .map(|c| c.header(lang))
                .collect::<Vec<_>>()
                .join(", ")
        };
        match &self.kind {
            K::TooLarge if nl => format!(
                "het bestand is groter dan {} MB; dat is geen raamwerk",
                MAX_BYTES / 1024 / 1024
            ),
            K::TooLarge => format!(
                "the file is larger than {} MB; that is not a framework",
                MAX_BYTES / 1024 / 1024
            ),
            K::NotUtf8 if nl => {
                "de tekst is geen UTF-8; sla het bestand op als 'CSV UTF-8' of gebruik XLSX".into()
            }
            K::NotUtf8 => "the text is not UTF-8; save the file as 'CSV UTF-8' or use XLSX".into(),
            K::WorkbookNotCsv if nl => {
                "dit is een XLSX-bestand (een Excel-werkmap), geen CSV; kies XLSX als soort bestand".into()
            }
            K::WorkbookNotCsv => {
                "this is an XLSX file (an Excel workbook), not CSV; choose XLSX as the kind of file".into()
            }
            K::TextNotWorkbook if nl => {
                "dit is een tekstbestand (CSV), geen XLSX; kies CSV als soort bestand".into()
            }
            K::TextNotWorkbook => {
                "this is a text file (CSV), not XLSX; choose CSV as the kind of file".into()
            }
            K::NotASheet(why) if nl => format!("dit is geen leesbaar XLSX-bestand ({why})"),
            K::NotASheet(why) => format!("this is not a readable XLSX file ({why})"),
            // Read as NotASheet (see `read_xlsx`); here for completeness.
            K::Unpacked(UnzipError::NotAZip(why)) if nl => {
                format!("dit is geen leesbaar XLSX-bestand ({why})")
            }
            K::Unpacked(UnzipError::NotAZip(why)) => {
                format!("this is not a readable XLSX file ({why})")
            }
            K::Unpacked(UnzipError::TooManyEntries { limit }) if nl => format!(
                "het XLSX-bestand bestaat uit meer dan {limit} delen; dat is geen sjabloon"
            ),
            K::Unpacked(UnzipError::TooManyEntries { limit }) => {
                format!("the XLSX file consists of more than {limit} parts; that is not a template")
            }
            K::Unpacked(UnzipError::EntryTooLarge { name, limit }) if nl => format!(
                "het deel {name} van het XLSX-bestand pakt uit tot meer dan {} MB; dat is geen sjabloon en het is niet gelezen",
                limit / 1024 / 1024
            ),
            K::Unpacked(UnzipError::EntryTooLarge { name, limit }) => format!(
                "the part {name} of the XLSX file unpacks to more than {} MB; that is not a template and it was not read",
                limit / 1024 / 1024
            ),
            K::Unpacked(UnzipError::TooLarge { limit }) if nl => format!(
                "het XLSX-bestand pakt uit tot meer dan {} MB; dat is geen sjabloon en het is niet gelezen",
                limit / 1024 / 1024
            ),
            K::Unpacked(UnzipError::TooLarge { limit }) => format!(
                "the XLSX file unpacks to more than {} MB; that is not a template and it was not read",
                limit / 1024 / 1024
            ),
            K::TooManyRows if nl => format!(
                "het blad gebruikt meer dan {MAX_ROWS} rijen; een sjabloon heeft er een paar honderd"
            ),
            K::TooManyRows => format!(
                "the sheet uses more than {MAX_ROWS} rows; a template has a few hundred"
            ),
            K::TooManyColumns if nl => format!(
                "het blad gebruikt meer dan {MAX_COLUMNS} kolommen; het sjabloon heeft er {}",
                Column::ALL.len()
            ),
            K::TooManyColumns => format!(
                "the sheet uses more than {MAX_COLUMNS} columns; the template has {}",
                Column::ALL.len()
            ),
            K::TooManyCells if nl => {
                format!("het blad heeft meer dan {MAX_CELLS} cellen; dat is geen sjabloon")
            }
            K::TooManyCells => {
                format!("the sheet has more than {MAX_CELLS} cells; that is not a template")
            }
            K::CellTooLong if nl => {
                format!("een cel in deze rij is langer dan {MAX_CELL_CHARS} tekens")
            }
            K::CellTooLong => format!("a cell in this row is longer than {MAX_CELL_CHARS} characters"),
            K::ControlCharacter(c) if nl => format!(
                "de cel bevat een stuurteken (U+{:04X}) dat geen tekst is; haal het weg en importeer opnieuw",
                u32::from(*c)
            ),
            K::ControlCharacter(c) => format!(
                "the cell holds a control character (U+{:04X}) that is not text; remove it and import again",
                u32::from(*c)
            ),
            K::NoRows if nl => {
                "onder de kopregel staan geen regels; zet de editie, rollen, gebieden en uitspraken eronder".into()
            }
            K::NoRows => "there are no rows under the header; put the edition, roles, areas and statements under it".into(),
            K::NoHeader if nl => format!(
                "geen kopregel gevonden; de eerste regel noemt de kolommen {}",
                columns()
            ),
            K::NoHeader => format!(
                "no header row found; the first row names the columns {}",
                columns()
            ),
            K::MissingColumn(c) if nl => format!("de kolom {} ontbreekt", c.header(lang)),
            K::MissingColumn(c) => format!("the column {} is missing", c.header(lang)),
            K::UnknownColumn(h) if nl => {
                format!("onbekende kolom '{h}'; verwacht: {}", columns())
            }
            K::UnknownColumn(h) => format!("unknown column '{h}'; expected: {}", columns()),
            K::DuplicateColumn(c) if nl => {
                format!("de kolom {} staat er twee keer", c.header(lang))
            }
            K::DuplicateColumn(c) => format!("the column {} appears twice", c.header(lang)),
            K::UnknownRowKind(v) => {
                let words = RowKind::ALL
                    .iter()
                    .map(|k| k.word(lang))
                    .collect::<Vec<_>>()
                    .join(", ");
                if nl {
                    format!("onbekend soort regel '{v}'; verwacht: {words}")
                } else {
                    format!("unknown kind of row '{v}'; expected: {words}")
                }
            }
            K::UnknownMetaField(v) => {
                let words = META
                    .iter()
                    .map(|(_, n, e)| if nl { *n } else { *e })
                    .collect::<Vec<_>>()
                    .join(", ");
                if nl {
                    format!("onbekend gegeven van de editie '{v}'; verwacht: {words}")
                } else {
                    format!("unknown field of the edition '{v}'; expected: {words}")
                }
            }
            K::DuplicateMetaField(v) if nl => format!("'{v}' staat er twee keer"),
            K::DuplicateMetaField(v) => format!("'{v}' appears twice"),
            K::UnknownKind(v) => {
                let words = KINDS
                    .iter()
                    .map(|(n, e, _)| if nl { *n } else { *e })
                    .collect::<Vec<_>>()
                    .join(", ");
                if nl {
                    format!("onbekende soort '{v}'; verwacht: {words}")
                } else {
                    format!("unknown kind '{v}'; expected: {words}")
                }
            }
            K::NotANumber(v) if nl => format!("'{v}' is geen geheel getal"),
            K::NotANumber(v) => format!("'{v}' is not a whole number"),
            K::Formula if nl => {
                "deze cel bevat een formule; het sjabloon bevat alleen tekst".into()
            }
            K::Formula => "this cell holds a formula; the template holds text only".into(),
            K::Edition(kind) => kind.message(lang),
        }
    }
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Lang::En))
    }
}

/// A problem the edition's checks found, at the row and column it came from.
pub(super) fn placed(problem: Problem, origins: &Origins) -> SheetProblem {
    let column_of = |field: Field| match field {
        Field::Key | Field::Code => Some(Column::Code),
        Field::Kind => Some(Column::Kind),
        Field::Role => Some(Column::Role),
        Field::Area => Some(Column::Area),
        Field::Theme => Some(Column::Theme),
        Field::Depth => Some(Column::Depth),
        Field::Sources => Some(Column::Sources),
        Field::Tags => Some(Column::Tags),
        Field::Name(Lang::Nl) | Field::Text(Lang::Nl) => Some(Column::Nl),
        Field::Name(Lang::En) | Field::Text(Lang::En) => Some(Column::En),
        Field::Description(Lang::Nl) => Some(Column::DescriptionNl),
        Field::Description(Lang::En) => Some(Column::DescriptionEn),
        _ => None,
    };
    let at = |rows: &[usize], index: usize| rows.get(index).copied().unwrap_or(0);
    let (row, column) = match problem.location {
        Location::File { line, .. } => (line, None),
        Location::Edition(field) => {
            // The edition's own texts sit in the nl/en columns of their row.
            let (key, column) = match field {
                Field::Title(l) => (Field::Title(Lang::Nl), Some(lang_column(l))),
                Field::Attribution(l) => (Field::Attribution(Lang::Nl), Some(lang_column(l))),
                Field::Description(l) => (Field::Description(Lang::Nl), Some(lang_column(l))),
                Field::Identifier
                | Field::Version
                | Field::Date
                | Field::Publisher
                | Field::BasedOn
                | Field::Languages => (field, Some(Column::Nl)),
                _ => (field, None),
            };
            match origins.meta.get(&key) {
                Some(&row) => (row, column),
                None => {
                    let mut problem =
                        SheetProblem::new(0, None, SheetProblemKind::Edition(problem.kind));
                    problem.meta = META.iter().any(|(f, _, _)| *f == key).then_some(key);
                    return problem;
                }
            }
        }
        Location::Role { index, field } => (at(&origins.roles, index), column_of(field)),
        Location::Area { index, field } => (at(&origins.areas, index), column_of(field)),
        Location::Theme { index, field, .. } => (at(&origins.themes, index), column_of(field)),
        Location::Statement { index, field, .. } => {
            (at(&origins.statements, index), column_of(field))
        }
    };
    SheetProblem::new(row, column, SheetProblemKind::Edition(problem.kind))
}

fn lang_column(lang: Lang) -> Column {
    match lang {
        Lang::Nl => Column::Nl,
        Lang::En => Column::En,
    }
}
