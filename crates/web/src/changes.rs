//! Several instances of the app on one PostgreSQL database, as a national host runs them
//! behind a load balancer: what one instance (or the command line) changes reaches every other
//! as it commits. The store hears the database's notifications ([`store::Store::listen`]):
//! a session ended or a membership changed ends the reuse of kept session lookups at once;
//! a new edition makes each instance load the newest national one and show it on the public
//! pages from then on. On SQLite there is one instance and nothing to follow.

use crate::state::AppState;

/// Starts following the database's changes for this instance.
pub async fn follow(app: &AppState) -> Result<(), store::StoreError> {
    let Some(mut editions) = app.store.listen().await? else {
        return Ok(());
    };
    let app = app.clone();
    tokio::spawn(async move {
        while editions.changed().await.is_ok() {
            match app.store.latest_edition().await {
                Ok(Some(newest)) if newest.id() != app.edition().id() => {
                    tracing::info!(edition = %newest.id(), "showing a newer national edition");
                    app.replace_edition(newest);
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "could not load the newest edition"),
            }
        }
    });
    Ok(())
}
