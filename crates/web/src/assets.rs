//! Our own static assets, embedded in the binary and served with a content hash in the URL,
//! so browsers may keep them for a year.

use std::sync::LazyLock;

use axum::extract::Query;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG};
use axum::response::{IntoResponse, Response};

const CSS: &str = include_str!("../static/app.css");

static CSS_VERSION: LazyLock<String> =
    LazyLock::new(|| format!("{:016x}", xxhash_rust::xxh3::xxh3_64(CSS.as_bytes())));
static CSS_HREF: LazyLock<String> = LazyLock::new(|| format!("/static/app.css?v={}", *CSS_VERSION));

/// The stylesheet's address, including its version.
pub fn css_href() -> &'static str {
    &CSS_HREF
}

#[derive(serde::Deserialize)]
pub struct Version {
    v: Option<String>,
}

pub async fn css(Query(version): Query<Version>) -> Response {
    let cache = if version.v.as_deref() == Some(CSS_VERSION.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = CSS.into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/css; charset=utf-8"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", *CSS_VERSION)) {
        headers.insert(ETAG, etag);
    }
    response
}
