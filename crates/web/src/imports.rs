//! Storing a file as the next version of a school's own framework: one path for the pages,
//! the JSON API and the command line. The file is read whole (or refused with every
//! problem), made the school's (its lineage, the next version number, based on the newest
//! national edition) and stored in one transaction.

use domain::framework::draft::as_school_edition;
use domain::school::School;
use domain::{Edition, Lang, Text};
use formats::exchange::Exchange;
use store::{DraftFailure, DraftRefusal, Importer, Store, StoreError};

/// What an import did.
#[derive(Debug)]
pub enum Imported {
    Stored {
        edition: Edition,
        version: String,
        /// What the file held that has no place in an edition.
        report: Vec<Text>,
    },
    /// Everything wrong with the file, in the asker's language; nothing was stored.
    Problems(Vec<String>),
    /// Someone stored a version with the same number at the same moment.
    Refused(DraftRefusal),
}

/// How many files are read at once, server-wide. Reading is CPU work (a workbook, a CASE tree
/// of thousands of items), so it runs on the blocking pool, never on the async workers that
/// serve every school's pages; and more uploads than this wait their turn rather than take
/// both cores.
const PARALLEL_READS: usize = 2;
static READS: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(PARALLEL_READS);

/// Reads `bytes` as `format` off the async workers, at most [`PARALLEL_READS`] at a time.
async fn read_file(
    format: Exchange,
    bytes: &[u8],
    lang: Lang,
    national: &Edition,
) -> Result<formats::exchange::Read, Vec<String>> {
    let failed = || vec![crate::i18n::Tr(lang).get("fw-import-failed")];
    let Ok(_turn) = READS.acquire().await else {
        return Err(failed());
    };
    let (bytes, national) = (bytes.to_vec(), national.clone());
    tokio::task::spawn_blocking(move || format.read(&bytes, lang, &national, Some(national.id())))
        .await
        .unwrap_or_else(|_| Err(failed()))
}

/// Reads `bytes` as `format` and stores it as the school's next version.
pub async fn import_into_school(
    store: &Store,
    school: &School,
    national: &Edition,
    format: Exchange,
    bytes: &[u8],
    lang: Lang,
    by: Importer<'_>,
) -> Result<Imported, StoreError> {
    let read = match read_file(format, bytes, lang, national).await {
        Ok(read) => read,
        Err(problems) => return Ok(Imported::Problems(problems)),
    };
    let version = (store.school_editions(school.id).await?.len() + 1).to_string();
    let name = school.name.to_string();
    let title = Text::new(
        crate::i18n::Tr(Lang::Nl).with("fw-edition-title", "school", &name),
        crate::i18n::Tr(Lang::En).with("fw-edition-title", "school", &name),
    );
    let edition = match as_school_edition(
        &read.edition,
        school.id,
        &version,
        national.id(),
        title,
        &name,
    ) {
        Ok(edition) => edition,
        Err(found) => {
            return Ok(Imported::Problems(
                found.iter().map(|p| p.describe(lang)).collect(),
            ));
        }
    };
    match store.import_school_edition(school.id, &edition, by).await {
        Ok(()) => Ok(Imported::Stored {
            edition,
            version,
            report: read.report,
        }),
        Err(DraftFailure::Refused(refusal)) => Ok(Imported::Refused(refusal)),
        Err(DraftFailure::Store(e)) => Err(e),
    }
}
