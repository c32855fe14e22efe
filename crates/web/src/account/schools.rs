//! The schools a signed-in person belongs to, to choose which one to work in. With exactly
//! one active membership there is nothing to choose: the person goes straight there.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::auth::signed_in;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::to_sign_in;
use crate::ui::{Chrome, respond_private, see_other};

#[derive(Template)]
#[template(path = "account/schools.html")]
pub struct SchoolsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub schools: Vec<SchoolChoice>,
    pub inactive: Vec<String>,
}

#[derive(Debug)]
pub struct SchoolChoice {
    pub href: String,
    pub name: String,
    pub permission: String,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let active: Vec<_> = signed.schools.iter().filter(|s| s.active).collect();
    if let [only] = active.as_slice() {
        return Ok(see_other(
            &Page::School(only.school.short_name.clone()).path(lang),
        ));
    }
    let t = Tr(lang);
    let view = SchoolsView {
        chrome: Chrome::new(
            lang,
            &app.edition,
            Some(&Page::Schools),
            t.get("schools-title"),
        )
        .signed_in(),
        t,
        schools: active
            .iter()
            .map(|s| SchoolChoice {
                href: Page::School(s.school.short_name.clone()).path(lang),
                name: s.school.name.to_string(),
                permission: s.permission.name(lang).to_owned(),
            })
            .collect(),
        inactive: signed
            .schools
            .iter()
            .filter(|s| !s.active)
            .map(|s| s.school.name.to_string())
            .collect(),
    };
    respond_private(&view, lang, StatusCode::OK)
}
