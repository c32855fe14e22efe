//! Erasing one's own account (AVG/GDPR right to erasure), confirmed with the password.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;

use crate::AppState;
use crate::auth::{clear_cookie, current_user, verify_password};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::account::{to_sign_in, view};
use crate::pages::respond_private;
use crate::routes::Page;

#[derive(serde::Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    password: String,
}

pub async fn submit(
    lang: Lang,
    State(app): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<DeleteForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(user) = current_user(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let password = form.map(|Form(f)| f.password).unwrap_or_default();
    let hash = app
        .store
        .credentials(&user.email)
        .await?
        .and_then(|(_, hash)| hash);
    if !verify_password(password, hash).await {
        let error = Some(Tr(lang).get("delete-account-wrong-password"));
        let page = view(&app, lang, &user, error).await?;
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    app.store.delete_user(user.id).await?;
    tracing::info!("an account was deleted at its owner's request");
    let mut response = StatusCode::SEE_OTHER.into_response();
    let out = response.headers_mut();
    out.insert(SET_COOKIE, clear_cookie());
    let location = format!("{}?klaar=verwijderd", Page::SignIn.path(lang));
    if let Ok(location) = HeaderValue::from_str(&location) {
        out.insert(LOCATION, location);
    }
    Ok(response)
}
