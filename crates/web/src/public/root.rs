//! `/` and the bare language prefixes: send the visitor to the home page in their language.

use axum::http::HeaderMap;
use axum::http::header::VARY;
use axum::response::{IntoResponse, Redirect};

use crate::i18n::preferred;
use crate::routes::{Page, PathLang};

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
