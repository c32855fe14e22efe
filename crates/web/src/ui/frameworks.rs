//! A school's framework as the pages load it (its own newest edition, else the national
//! one), and the words for a refused change to it.

use domain::framework::draft::DraftError;
use domain::school::SchoolId;
use domain::{Edition, EditionId, Lang};
use store::{DraftRefusal, SchoolEdition};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;

/// What a school works with: its newest own edition, or the national one.
pub struct SchoolFramework {
    /// Newest first.
    pub editions: Vec<SchoolEdition>,
    pub current: Edition,
    /// The national edition the current one is (or is based on).
    pub based_on: EditionId,
}

impl SchoolFramework {
    pub fn own(&self) -> Option<&SchoolEdition> {
        self.editions.first()
    }
}

pub async fn school_framework(
    app: &AppState,
    school: SchoolId,
) -> Result<SchoolFramework, AppError> {
    let editions = app.store.school_editions(school).await?;
    let (current, based_on) = match editions.first() {
        Some(own) => {
            let edition = app
                .store
                .edition(own.id)
                .await?
                .ok_or_else(|| AppError::Internal(format!("edition {} is missing", own.id)))?;
            let based_on = own.based_on.unwrap_or(app.edition().id());
            (edition, based_on)
        }
        None => (Edition::clone(&app.edition()), app.edition().id()),
    };
    Ok(SchoolFramework {
        editions,
        current,
        based_on,
    })
}

/// The newest national edition (read fresh: an operator may have imported one since start).
pub async fn newest_national(app: &AppState) -> Result<Edition, AppError> {
    Ok(app
        .store
        .latest_edition()
        .await?
        .unwrap_or_else(|| Edition::clone(&app.edition())))
}

/// The words for a refused change to the draft.
pub fn refusal_message(refusal: &DraftRefusal, lang: Lang) -> String {
    let t = Tr(lang);
    match refusal {
        DraftRefusal::NotAllowed => t.get("fw-refused-not-allowed"),
        DraftRefusal::NoDraft => t.get("fw-refused-no-draft"),
        DraftRefusal::DraftExists => t.get("fw-refused-draft-exists"),
        DraftRefusal::StatementChanged { by, .. } => t.with("fw-refused-changed", "name", by),
        DraftRefusal::DraftChanged => t.get("fw-refused-draft-changed"),
        DraftRefusal::VersionTaken => t.get("fw-refused-version-taken"),
        DraftRefusal::Invalid(e) => draft_error_message(e, lang),
    }
}

pub fn draft_error_message(error: &DraftError, lang: Lang) -> String {
    let t = Tr(lang);
    match error {
        DraftError::NoDutchText => t.get("fw-error-no-dutch"),
        DraftError::TooLong => t.get("fw-error-too-long"),
        DraftError::NoSuchStatement => t.get("fw-error-no-statement"),
        DraftError::NowhereToGo => t.get("fw-error-nowhere"),
    }
}
