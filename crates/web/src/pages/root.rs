//! `/` and the bare language prefixes: send the visitor to the home page in their language.

use axum::http::HeaderMap;
use axum::http::header::{ACCEPT_LANGUAGE, VARY};
use axum::response::{IntoResponse, Redirect};
use domain::Lang;

use crate::pages::cookie_lang;
use crate::routes::{Page, PathLang};

/// The language remembered in the cookie, else the browser's preference, else Dutch.
pub fn preferred(headers: &HeaderMap) -> Lang {
    cookie_lang(headers)
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::negotiate)
        })
        .unwrap_or(Lang::Nl)
}

/// `/`: the answer depends on the cookie and the browser's languages, so caches must keep
/// those apart.
pub async fn show(headers: HeaderMap) -> impl IntoResponse {
    (
        [(VARY, "Accept-Language, Cookie")],
        Redirect::to(&Page::Home.path(preferred(&headers))),
    )
}

/// `/nl` and `/en` without the trailing slash.
pub async fn home(PathLang(lang): PathLang) -> Redirect {
    Redirect::permanent(&Page::Home.path(lang))
}
