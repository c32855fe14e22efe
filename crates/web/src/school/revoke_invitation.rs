//! Revoking an open invitation: its link stops working at once.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use store::ManageError;
use uuid::Uuid;

use crate::error::{AppError, error_page};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::see_other;
use crate::working::require;

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Ok(id) = Uuid::parse_str(&id) else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    match app
        .store
        .revoke_invitation(working.school().id, working.user().id, id)
        .await
    {
        Ok(true) => Ok(see_other(&Page::Members(short).path(lang))),
        Ok(false) => Ok(error_page(&app, lang, StatusCode::NOT_FOUND)),
        Err(ManageError::Refused(_)) => Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
        Err(ManageError::Store(e)) => Err(e.into()),
    }
}
