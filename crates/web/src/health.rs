//! Probes for process supervisors and load balancers.

use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CACHE_CONTROL;

use crate::state::AppState;

/// The process is up and answering.
pub async fn healthz() -> ([(axum::http::HeaderName, &'static str); 1], &'static str) {
    ([(CACHE_CONTROL, "no-store")], "ok\n")
}

/// The process can serve: its database answers.
pub async fn readyz(
    State(app): State<AppState>,
) -> (
    StatusCode,
    [(axum::http::HeaderName, &'static str); 1],
    &'static str,
) {
    match app.store.ping().await {
        Ok(()) => (StatusCode::OK, [(CACHE_CONTROL, "no-store")], "ready\n"),
        Err(e) => {
            tracing::warn!(error = %e, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(CACHE_CONTROL, "no-store")],
                "database unavailable\n",
            )
        }
    }
}
