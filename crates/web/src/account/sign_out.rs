//! Signing out: the session ends on the server and the cookie in the browser; or every
//! session of the person, on every device.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use domain::Lang;

use crate::auth::{clear_cookie, current_user, session_token};
use crate::error::AppError;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::see_other;

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = session_token(&headers) {
        app.store.delete_session(&token).await?;
    }
    Ok(signed_out(lang))
}

/// Ends every session of the signed-in person (on every device) and this cookie.
pub async fn everywhere(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(user) = current_user(&app, &headers).await? {
        app.store.delete_sessions_of(user.id).await?;
    }
    Ok(signed_out(lang))
}

/// To the home page, with the session cookie cleared.
fn signed_out(lang: Lang) -> Response {
    let mut response = see_other(&Page::Home.path(lang));
    response.headers_mut().insert(SET_COOKIE, clear_cookie());
    response
}
