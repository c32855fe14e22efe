//! A round of scans: its name and the period it runs, and dates as people type them.

use std::fmt;

use super::ScanInputError;
use crate::framework::Date;

/// A round's name, e.g. *najaar 2026*: 1 to 80 characters, no control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundName(String);

impl RoundName {
    pub const MAX: usize = 80;

    pub fn parse(input: &str) -> Result<RoundName, ScanInputError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(ScanInputError::RoundNameEmpty);
        }
        if trimmed.chars().count() > Self::MAX {
            return Err(ScanInputError::RoundNameTooLong { max: Self::MAX });
        }
        if trimmed.chars().any(char::is_control) {
            return Err(ScanInputError::NoteControlCharacters);
        }
        Ok(RoundName(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RoundName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// When a round runs: from a date, until a date (optional) not before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub starts: Date,
    pub ends: Option<Date>,
}

impl Period {
    /// From `yyyy-mm-dd` (or `d-m-yyyy`) fields; an empty end means open-ended.
    pub fn parse(starts: &str, ends: &str) -> Result<Period, ScanInputError> {
        let starts = parse_date(starts)?;
        let ends = if ends.trim().is_empty() {
            None
        } else {
            Some(parse_date(ends)?)
        };
        if ends.is_some_and(|e| e < starts) {
            return Err(ScanInputError::PeriodReversed);
        }
        Ok(Period { starts, ends })
    }
}

/// A date as a form sends it (`2026-11-25`, from a date field) or as people type it
/// (`25-11-2026`).
pub fn parse_date(input: &str) -> Result<Date, ScanInputError> {
    let trimmed = input.trim();
    let bad = || ScanInputError::BadDate(trimmed.chars().take(20).collect());
    if let Some(date) = Date::parse(trimmed) {
        return Ok(date);
    }
    let mut parts = trimmed.split(['-', '/']);
    let (d, m, y) = (parts.next(), parts.next(), parts.next());
    if parts.next().is_some() {
        return Err(bad());
    }
    match (d, m, y) {
        (Some(d), Some(m), Some(y)) if y.len() == 4 => {
            let (d, m, y) = (
                d.parse().map_err(|_| bad())?,
                m.parse().map_err(|_| bad())?,
                y.parse().map_err(|_| bad())?,
            );
            Date::new(y, m, d).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}
