//! What the app stores about people, why, and for how long.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::{Chrome, respond};
use crate::routes::{Page, PathLang};

#[derive(Template)]
#[template(path = "privacy.html")]
pub struct PrivacyView {
    pub chrome: Chrome,
    pub t: Tr,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    respond(&app, &Page::Privacy, lang, &headers, || {
        let t = Tr(lang);
        PrivacyView {
            chrome: Chrome::new(
                lang,
                &app.edition,
                Some(&Page::Privacy),
                t.get("privacy-title"),
            ),
            t,
        }
    })
    .await
}
