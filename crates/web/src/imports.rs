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

/// A file read and made the school's next version, not stored yet.
#[derive(Debug)]
pub enum Prepared {
    Ready {
        edition: Edition,
        version: String,
        /// What the file held that has no place in an edition.
        report: Vec<Text>,
    },
    /// Everything wrong with the file, in the asker's language.
    Problems(Vec<String>),
}

/// Makes `edition` the school's next version: its lineage, the next version number, based
/// on the newest national edition, titled and published by the school; with `summary` as
/// its description when one is given (the file's own description otherwise).
pub async fn as_next_version(
    store: &Store,
    school: &School,
    national: &Edition,
    edition: &Edition,
    summary: Option<&str>,
    lang: Lang,
) -> Result<Result<(Edition, String), Vec<String>>, StoreError> {
    let version = (store.school_editions(school.id).await?.len() + 1).to_string();
    let name = school.name.to_string();
    let title = Text::new(
        crate::i18n::Tr(Lang::Nl).with("fw-edition-title", "school", &name),
        crate::i18n::Tr(Lang::En).with("fw-edition-title", "school", &name),
    );
    let made = match summary {
        None => as_school_edition(edition, school.id, &version, national.id(), title, &name),
        Some(summary) => {
            let mut source = edition.parts().clone();
            source.meta.description = Text::new(summary, summary);
            Edition::new(source).and_then(|source| {
                as_school_edition(&source, school.id, &version, national.id(), title, &name)
            })
        }
    };
    Ok(match made {
        Ok(edition) => Ok((edition, version)),
        Err(found) => Err(found.iter().map(|p| p.describe(lang)).collect()),
    })
}

/// Reads `bytes` as `format` and makes it the school's next version, without storing it.
pub async fn prepare_for_school(
    store: &Store,
    school: &School,
    national: &Edition,
    format: Exchange,
    bytes: &[u8],
    lang: Lang,
) -> Result<Prepared, StoreError> {
    let read = match read_file(format, bytes, lang, national).await {
        Ok(read) => read,
        Err(problems) => return Ok(Prepared::Problems(problems)),
    };
    Ok(
        match as_next_version(store, school, national, &read.edition, None, lang).await? {
            Ok((edition, version)) => Prepared::Ready {
                edition,
                version,
                report: read.report,
            },
            Err(problems) => Prepared::Problems(problems),
        },
    )
}

/// Stores a prepared version as the school's own, marked as imported.
pub async fn store_prepared(
    store: &Store,
    school: &School,
    edition: Edition,
    version: String,
    report: Vec<Text>,
    by: Importer<'_>,
) -> Result<Imported, StoreError> {
    match store.import_school_edition(school.id, &edition, by).await {
        Ok(()) => Ok(Imported::Stored {
            edition,
            version,
            report,
        }),
        Err(DraftFailure::Refused(refusal)) => Ok(Imported::Refused(refusal)),
        Err(DraftFailure::Store(e)) => Err(e),
    }
}

/// Reads `bytes` as `format` and stores it as the school's next version at once (the JSON
/// API and the command line; the page shows a preview first).
pub async fn import_into_school(
    store: &Store,
    school: &School,
    national: &Edition,
    format: Exchange,
    bytes: &[u8],
    lang: Lang,
    by: Importer<'_>,
) -> Result<Imported, StoreError> {
    match prepare_for_school(store, school, national, format, bytes, lang).await? {
        Prepared::Ready {
            edition,
            version,
            report,
        } => store_prepared(store, school, edition, version, report, by).await,
        Prepared::Problems(problems) => Ok(Imported::Problems(problems)),
    }
}
