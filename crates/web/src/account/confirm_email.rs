//! Confirming a new e-mail address with the link sent to it. Opening the link shows what
//! will change and a button: the change is made by the POST, so a mail scanner that opens
//! links changes nothing.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use store::EmailChangeError;

use crate::auth::signed_in;
use crate::error::{AppError, explained_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond_private, see_other};

#[derive(Template)]
#[template(path = "account/confirm_email.html")]
pub struct ConfirmEmailView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    /// Whose address changes, and to what, in a sentence.
    pub intro: String,
}

fn token_of(path: Result<Path<String>, PathRejection>) -> String {
    path.map(|Path(t)| t).unwrap_or_default()
}

/// The answer for a link that cannot be used (410, `None`), or for an address another
/// account took since it was asked for (409).
fn refused(
    app: &AppState,
    lang: Lang,
    error: Option<EmailChangeError>,
) -> Result<Response, AppError> {
    let t = Tr(lang);
    let (status, text) = match error {
        None => (StatusCode::GONE, t.get("confirm-email-gone")),
        Some(EmailChangeError::Taken) => (StatusCode::CONFLICT, t.get("confirm-email-taken")),
        Some(EmailChangeError::Store(e)) => return Err(e.into()),
    };
    Ok(explained_page(
        app,
        lang,
        status,
        t.get("link-gone-title"),
        text,
    ))
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    let Some(pending) = app.store.email_change(&token).await? else {
        return refused(&app, lang, None);
    };
    let t = Tr(lang);
    let page = Page::ConfirmEmail(token);
    let view = ConfirmEmailView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("confirm-email-title"),
        ),
        action: page.path(lang),
        intro: t.args(
            "confirm-email-intro",
            &[
                ("name", pending.user.name.as_str()),
                ("email", pending.new_email.as_str()),
            ],
        ),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    match app.store.confirm_email_change(&token).await {
        Ok(Some(_)) => {}
        Ok(None) => return refused(&app, lang, None),
        Err(e) => return refused(&app, lang, Some(e)),
    }
    // Signed in in this browser: back to the account page; otherwise to sign in.
    let next = if signed_in(&app, &headers).await?.is_some() {
        Page::Account
    } else {
        Page::SignIn
    };
    Ok(see_other(&format!("{}?klaar=e-mailadres", next.path(lang))))
}
