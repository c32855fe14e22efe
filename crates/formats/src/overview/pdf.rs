//! The overview as a typeset PDF, from our own template (`overview.typ`).

use super::{DocumentError, Overview};
use crate::document::pdf::typeset;

const TEMPLATE: &str = include_str!("overview.typ");

/// The overview as PDF bytes. `today` is the date the document says it was made (typst needs
/// one; the text shows `made_on`).
pub fn write(overview: &Overview, today: (i32, u8, u8)) -> Result<Vec<u8>, DocumentError> {
    typeset(TEMPLATE, overview, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview::sample;

    #[test]
    fn an_overview_becomes_a_pdf_without_warnings() {
        let pdf = write(&sample::overview(), (2026, 11, 25)).expect("typeset");
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.len() > 1000);
        if let Ok(path) = std::env::var("RAAMWERK_KEEP_PDF") {
            std::fs::write(path, &pdf).expect("kept");
        }
    }

    #[test]
    fn an_empty_overview_is_a_pdf_too() {
        let mut empty = sample::overview();
        empty.roles.clear();
        empty.changes = None;
        assert!(write(&empty, (2026, 11, 25)).is_ok());
    }
}
