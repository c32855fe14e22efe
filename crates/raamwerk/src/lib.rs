//! Start-up shared by the binary and the integration tests: open the database, bring its
//! schema up to date, store the shipped edition if it is not there yet, and build the
//! application state.

use domain::{Edition, Lang};
use store::{Store, StoreError, Stored};
use web::{AppState, Settings};

/// Why the application could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the shipped edition is not valid: {}", .0.iter().map(|p| p.describe(Lang::En)).collect::<Vec<_>>().join("; "))]
    ShippedEdition(Vec<domain::Problem>),
    #[error("the database holds no edition")]
    NoEdition,
}

impl StartError {
    /// Whether the database URL or the database itself is the problem (exit code 2).
    pub fn is_database_unavailable(&self) -> bool {
        matches!(
            self,
            StartError::Store(
                StoreError::InvalidUrl { .. }
                    | StoreError::Connect(_)
                    | StoreError::CreateDir { .. }
            )
        )
    }
}

/// Connects, migrates and loads the shipped edition (idempotently).
pub async fn open_store(database_url: &str) -> Result<Store, StartError> {
    let store = Store::connect(database_url).await?;
    store.migrate().await?;
    let shipped = formats::shipped::national().map_err(StartError::ShippedEdition)?;
    match store.ensure_edition(&shipped).await? {
        Stored::Inserted => tracing::info!(
            edition = %shipped.id(),
            version = %shipped.meta().version,
            "stored the shipped national edition"
        ),
        Stored::AlreadyPresent => {}
    }
    Ok(store)
}

/// The edition the public pages show: the newest stored one.
pub async fn public_edition(store: &Store) -> Result<Edition, StartError> {
    store.latest_edition().await?.ok_or(StartError::NoEdition)
}

/// Everything `serve` needs, ready to route.
pub async fn open(database_url: &str, settings: Settings) -> Result<AppState, StartError> {
    let store = open_store(database_url).await?;
    let edition = public_edition(&store).await?;
    let state = AppState::new(store, edition, settings);
    web::changes::follow(&state).await?;
    Ok(state)
}
