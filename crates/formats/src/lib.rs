//! Exchange formats for framework editions, free of web and database concerns.
//!
//! - [`native`]: our own lossless format, as JSON (exchange) or TOML (the shipped edition);
//! - [`case`]: a CASE 1.1 CFPackage (1EdTech) for other competency tools;
//! - [`shipped`]: the national edition in our own words, embedded in the binary;
//! - [`overview`]: a person's overview of a round as a typeset PDF and an editable DOCX.

pub mod case;
pub mod native;
pub mod overview;
pub mod shipped;

/// A writer could not produce its output.
#[derive(Debug, thiserror::Error)]
pub enum FormatError {
    #[error("could not serialise the edition: {0}")]
    Serialise(#[from] serde_json::Error),
}
