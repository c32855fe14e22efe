//! The networks a signed-in person coordinates.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::auth::signed_in;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond_private, to_sign_in};

#[derive(Debug)]
pub struct NetworkLine {
    pub href: String,
    pub name: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "network/networks.html")]
pub struct NetworksView {
    pub chrome: Chrome,
    pub t: Tr,
    pub networks: Vec<NetworkLine>,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let t = Tr(lang);
    let networks = app.store.coordinated_networks(signed.user.id).await?;
    let view = NetworksView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&Page::Networks),
            t.get("network-title"),
        )
        .signed_in(),
        networks: networks
            .into_iter()
            .map(|n| NetworkLine {
                href: Page::Network(n.short_name.clone()).path(lang),
                name: n.name.to_string(),
                kind: n.kind.name(lang).to_owned(),
            })
            .collect(),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}
