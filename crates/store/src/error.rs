//! What can go wrong in storage, typed so that callers can tell a bad URL from an
//! unreachable server from a broken row.

use domain::{Lang, Problem};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("invalid database URL '{url}': {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("cannot create the database folder {dir}: {source}")]
    CreateDir {
        dir: String,
        #[source]
        source: std::io::Error,
    },
    #[error("the write could not be committed: {0}")]
    Batch(String),
    #[error("cannot connect to the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("cannot update the database schema: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error(
        "edition {identifier} version {version} is already stored with other content; \
         an edition never changes, so publish the change under a new version"
    )]
    EditionChanged { identifier: String, version: String },
    #[error("stored edition {id} is not valid: {}", describe(.problems))]
    CorruptEdition { id: String, problems: Vec<Problem> },
    #[error("stored data is not valid: {0}")]
    CorruptRow(String),
    #[error("no randomness available: {0}")]
    Randomness(String),
    #[error("this e-mail address already has an account")]
    EmailTaken,
    #[error("this person is already a member of this school")]
    AlreadyMember,
    #[error("the only active administrator of {} cannot be removed", .schools.join(", "))]
    LastAdministrator { schools: Vec<String> },
    #[error("could not encode the edition: {0}")]
    Encode(#[from] formats::FormatError),
}

fn describe(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| p.describe(Lang::En))
        .collect::<Vec<_>>()
        .join("; ")
}
