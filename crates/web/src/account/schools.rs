//! The schools a signed-in person belongs to, to choose which one to work in, and the networks
//! they coordinate. With exactly one active membership and no network there is nothing to
//! choose: the person goes straight there.

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
    /// The networks the person coordinates: name and address.
    pub networks: Vec<(String, String)>,
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
    let networks = app.store.coordinated_networks(signed.user.id).await?;
    if let ([only], true) = (active.as_slice(), networks.is_empty()) {
        return Ok(see_other(
            &Page::School(only.school.short_name.clone()).path(lang),
        ));
    }
    let t = Tr(lang);
    let view = SchoolsView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
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
        networks: networks
            .into_iter()
            .map(|n| (n.name.to_string(), Page::Network(n.short_name).path(lang)))
            .collect(),
    };
    respond_private(&view, lang, StatusCode::OK)
}
