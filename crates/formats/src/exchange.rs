//! The exchange formats by name, as the command line, the web pages and the API offer them:
//! one place that knows which formats exist, how each is written and read, and what a
//! download of each is called.

use domain::{Edition, Lang};

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
        !matches!(self, Exchange::Moodle | Exchange::Case)
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
    pub fn read(self, bytes: &[u8], lang: Lang) -> Result<Edition, Vec<String>> {
        let not_utf8 = || match lang {
            Lang::Nl => "de tekst is geen UTF-8".to_owned(),
            Lang::En => "the text is not UTF-8".to_owned(),
        };
        match self {
            Exchange::Json => {
                let text = std::str::from_utf8(bytes).map_err(|_| vec![not_utf8()])?;
                native::read(text, Syntax::Json)
                    .map_err(|found| found.iter().map(|p| p.describe(lang)).collect())
            }
            Exchange::Case | Exchange::Moodle => Err(vec![match lang {
                Lang::Nl => format!(
                    "{} kan hier alleen geschreven worden, niet gelezen",
                    self.name()
                ),
                Lang::En => format!("{} can only be written here, not read", self.name()),
            }]),
            Exchange::Xlsx => crate::sheet::read_xlsx(bytes)
                .map_err(|found| found.iter().map(|p| p.describe(lang)).collect()),
            Exchange::Csv => crate::sheet::read_csv(bytes)
                .map_err(|found| found.iter().map(|p| p.describe(lang)).collect()),
        }
    }
}
