//! Exchange formats for framework editions, free of web and database concerns.
//!
//! - [`native`]: our own lossless format, as JSON (exchange) or TOML (the shipped edition);
//! - [`case`]: a CASE 1.1 CFPackage (1EdTech) for other competency tools;
//! - [`allocation`]: *wie doet wat* as a workbook and a typeset PDF;
//! - [`case_read`]: reading CASE 1.0 and 1.1 packages, ours and other tools';
//! - [`document`]: what the documents share: typesetting a PDF, writing a DOCX;
//! - [`exchange`]: the formats by name, each written and read the same way everywhere;
//! - [`generate`]: generated editions and damaged files for tests and benchmarks;
//! - [`moodle`]: Moodle's competency-framework CSV, to load a framework into Moodle;
//! - [`sheet`]: the spreadsheet template (XLSX, and CSV for Dutch Excel) people edit by hand;
//! - [`shipped`]: the national edition in our own words, embedded in the binary;
//! - [`unzip`]: opening zip archives (XLSX) without trusting their declared sizes;
//! - [`overview`]: a person's overview of a round as a typeset PDF and an editable DOCX.

pub mod allocation;
pub mod case;
pub mod case_read;
pub mod document;
pub mod exchange;
pub mod generate;
pub mod moodle;
pub mod native;
pub mod overview;
pub mod sheet;
pub mod shipped;
pub mod unzip;
pub mod workbook;

/// A writer could not produce its output.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("could not serialise the edition: {0}")]
    Serialise(#[from] serde_json::Error),
    #[error("could not write the spreadsheet: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("could not write the CSV: {0}")]
    Csv(String),
    #[error("the edition is too large for a spreadsheet")]
    TooLarge,
}
