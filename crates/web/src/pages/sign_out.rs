//! Signing out: the session ends on the server and the cookie in the browser; or every
//! session of the person, on every device.

use axum::extract::State;
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;

use crate::AppState;
use crate::auth::{clear_cookie, current_user, session_token};
use crate::error::AppError;
use crate::routes::Page;

pub async fn submit(
    lang: Lang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(token) = session_token(&headers) {
        app.store.delete_session(&token).await?;
    }
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(SET_COOKIE, clear_cookie());
    if let Ok(location) = HeaderValue::from_str(&Page::Home.path(lang)) {
        headers.insert(LOCATION, location);
    }
    Ok(response)
}

/// Ends every session of the signed-in person (on every device) and this cookie.
pub async fn everywhere(
    lang: Lang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    if let Some(user) = current_user(&app, &headers).await? {
        app.store.delete_sessions_of(user.id).await?;
    }
    let mut response = StatusCode::SEE_OTHER.into_response();
    let out = response.headers_mut();
    out.insert(SET_COOKIE, clear_cookie());
    if let Ok(location) = HeaderValue::from_str(&Page::Home.path(lang)) {
        out.insert(LOCATION, location);
    }
    Ok(response)
}
