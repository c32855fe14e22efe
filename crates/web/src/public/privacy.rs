//! What the app stores about people, why, and for how long.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond};

#[derive(Template)]
#[template(path = "public/privacy.html")]
pub struct PrivacyView {
    pub chrome: Chrome,
    pub t: Tr,
}

crate::ui::respond::public_view!(PrivacyView);

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
                &app.edition(),
                Some(&Page::Privacy),
                t.get("privacy-title"),
            ),
            t,
        }
    })
    .await
}
