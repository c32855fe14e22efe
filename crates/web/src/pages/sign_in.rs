//! Signing in with e-mail address and password.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::header::{LOCATION, SET_COOKIE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;
use domain::account::Email;
use store::SessionLimits;

use crate::AppState;
use crate::auth::{session_cookie, verify_password};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{Chrome, respond_private};
use crate::routes::Page;

#[derive(Template)]
#[template(path = "sign_in.html")]
pub struct SignInView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub email: String,
    pub error: Option<String>,
    pub notice: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

fn view(
    app: &AppState,
    lang: Lang,
    email: String,
    error: Option<String>,
    notice: Option<String>,
) -> SignInView {
    let t = Tr(lang);
    SignInView {
        chrome: Chrome::new(
            lang,
            &app.edition,
            Some(&Page::SignIn),
            t.get("sign-in-title"),
        ),
        t,
        action: Page::SignIn.path(lang),
        email,
        error,
        notice,
    }
}

pub async fn show(
    lang: Lang,
    State(app): State<AppState>,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    let notice = match notice.ok().and_then(|Query(n)| n.klaar).as_deref() {
        Some("wachtwoord") => Some(Tr(lang).get("password-set-notice")),
        _ => None,
    };
    respond_private(
        &view(&app, lang, String::new(), None, notice),
        lang,
        StatusCode::OK,
    )
}

pub async fn submit(
    lang: Lang,
    State(app): State<AppState>,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Result<Response, AppError> {
    let t = Tr(lang);
    let Ok(Form(form)) = form else {
        let error = Some(t.get("sign-in-failed"));
        return respond_private(
            &view(&app, lang, String::new(), error, None),
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let typed = form.email.trim().to_owned();
    let credentials = match Email::parse(&typed) {
        Ok(email) => app.store.credentials(&email).await?,
        Err(_) => None,
    };
    let (user, hash) = match credentials {
        Some((user, hash)) => (Some(user), hash),
        None => (None, None),
    };
    // Always verify, also without an account, so the answer takes the same time.
    let valid = verify_password(form.password, hash).await;
    let Some(user) = user.filter(|_| valid) else {
        let error = Some(t.get("sign-in-failed"));
        return respond_private(
            &view(&app, lang, typed, error, None),
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let token = app
        .store
        .create_session(user.id, SessionLimits::DEFAULT)
        .await?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    headers.insert(SET_COOKIE, session_cookie(&token, app.secure_cookies));
    if let Ok(location) = HeaderValue::from_str(&Page::Account.path(lang)) {
        headers.insert(LOCATION, location);
    }
    Ok(response)
}
