//! The exchange formats by name, as the command line, the web pages and the API offer them:
//! one place that knows which formats exist, how each is written and read, and what a
//! download of each is called.

use domain::{Edition, EditionId, Lang, Text};

use crate::FormatError;
use crate::native::{self, Syntax};

/// A format an edition can be exchanged in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Exchange {
    /// Our own lossless JSON.
    Json,
    /// A CASE 1.1 CFPackage.
    Case,
    /// Moodle's competency-framework CSV (written only).
    Moodle,
    /// The spreadsheet template as a workbook.
    Xlsx,
    /// The spreadsheet template as CSV for Dutch Excel.
    Csv,
}

impl Exchange {
    pub const ALL: [Exchange; 5] = [
        Exchange::Json,
        Exchange::Case,
        Exchange::Moodle,
        Exchange::Xlsx,
        Exchange::Csv,
    ];

    /// The name used on the command line and in addresses.
    pub fn name(self) -> &'static str {
        match self {
            Exchange::Json => "json",
            Exchange::Case => "case",
            Exchange::Moodle => "moodle",
            Exchange::Xlsx => "xlsx",
            Exchange::Csv => "csv",
        }
    }

    pub fn from_name(name: &str) -> Option<Exchange> {
        Exchange::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The file name extension of a download.
    pub fn extension(self) -> &'static str {
        match self {
            Exchange::Json => "json",
            Exchange::Case => "case.json",
            Exchange::Moodle => "moodle.csv",
            Exchange::Xlsx => "xlsx",
            Exchange::Csv => "csv",
        }
    }

    /// The media type of a download.
    pub fn media_type(self) -> &'static str {
        match self {
            Exchange::Json | Exchange::Case => "application/json",
            Exchange::Moodle | Exchange::Csv => "text/csv; charset=utf-8",
            Exchange::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }
    }

    /// Whether editions can be read from this format (Moodle's is for loading into Moodle).
    pub fn readable(self) -> bool {
        self != Exchange::Moodle
    }

    /// The edition in this format; `lang` picks the language of a format that holds one
    /// (CASE, Moodle) and of the template's headers.
    pub fn write(self, edition: &Edition, lang: Lang) -> Result<Vec<u8>, FormatError> {
        match self {
            Exchange::Json => native::write_json(edition).map(String::into_bytes),
            Exchange::Case => crate::case::write(edition, lang).map(String::into_bytes),
            Exchange::Moodle => crate::moodle::write(edition, lang).map(String::into_bytes),
            Exchange::Xlsx => crate::sheet::write_xlsx(edition, lang),
            Exchange::Csv => Ok(crate::sheet::write_csv(edition, lang)),
        }
    }

    /// Reads an edition, or says in `lang` everything that is wrong, each problem with its
    /// place in the file. Nothing is half read: it is the whole edition or the problems.
    /// `labels` lends the names of roles and areas to a format that does not carry them all
    /// (CASE); `school_base`, for a file meant as a school's own edition, is the national
    /// edition a CASE package is based on when it does not say (so that, like a school's
    /// editions, it may leave English out). The report says what a file held that has no
    /// place in an edition.
    pub fn read(
        self,
        bytes: &[u8],
        lang: Lang,
        labels: &Edition,
        school_base: Option<EditionId>,
    ) -> Result<Read, Vec<String>> {
        let plain = |edition| Read {
            edition,
            report: Vec::new(),
        };
        let describe =
            |found: Vec<domain::Problem>| found.iter().map(|p| p.describe(lang)).collect();
        match self {
            Exchange::Json => {
                if bytes.len() > crate::sheet::MAX_BYTES {
                    return Err(vec![crate::case_read::CaseProblem::TooLarge.describe(lang)]);
                }
                // A byte order mark is no part of JSON, but editors on Windows write one.
                let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
                let text = std::str::from_utf8(bytes)
                    .map_err(|_| vec![crate::case_read::CaseProblem::NotUtf8.describe(lang)])?;
                native::read(text, Syntax::Json)
                    .map(plain)
                    .map_err(describe)
            }
            Exchange::Case => crate::case_read::read(bytes, labels, school_base)
                .map(|read| Read {
                    edition: read.edition,
                    report: read.report,
                })
                .map_err(|found| found.iter().map(|p| p.describe(lang)).collect()),
            Exchange::Moodle => Err(vec![match lang {
                Lang::Nl => "Moodle-CSV kan alleen geschreven worden, niet gelezen".to_owned(),
                Lang::En => "Moodle CSV can only be written, not read".to_owned(),
            }]),
            Exchange::Xlsx => crate::sheet::read_xlsx(bytes)
                .map(plain)
                .map_err(|found| found.iter().map(|p| p.describe(lang)).collect()),
            Exchange::Csv => crate::sheet::read_csv(bytes)
                .map(plain)
                .map_err(|found| found.iter().map(|p| p.describe(lang)).collect()),
        }
    }
}

/// An edition read from a file, and what the file held that has no place in it.
#[derive(Clone, Debug)]
pub struct Read {
    pub edition: Edition,
    /// One line each, in Dutch and English.
    pub report: Vec<Text>,
}
