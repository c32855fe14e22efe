//! Our own static assets, embedded in the binary and served with a content hash in the URL,
//! so browsers may keep them for a year.

use std::sync::LazyLock;

use axum::extract::Query;
use axum::http::HeaderValue;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, ETAG};
use axum::response::{IntoResponse, Response};

/// One embedded file: its address, content type and content, versioned by its hash.
struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static str,
    version: LazyLock<String>,
    href: LazyLock<String>,
}

macro_rules! asset {
    ($path:literal, $file:literal, $content_type:literal) => {
        Asset {
            path: $path,
            content_type: $content_type,
            body: include_str!($file),
            version: LazyLock::new(|| {
                format!(
                    "{:016x}",
                    xxhash_rust::xxh3::xxh3_64(include_str!($file).as_bytes())
                )
            }),
            href: LazyLock::new(|| {
                format!(
                    "{}?v={:016x}",
                    $path,
                    xxhash_rust::xxh3::xxh3_64(include_str!($file).as_bytes())
                )
            }),
        }
    };
}

static CSS: Asset = asset!(
    "/static/app.css",
    "../static/app.css",
    "text/css; charset=utf-8"
);
static SCAN_JS: Asset = asset!(
    "/static/scan.js",
    "../static/scan.js",
    "text/javascript; charset=utf-8"
);

static APP_JS: Asset = asset!(
    "/static/app.js",
    "../static/app.js",
    "text/javascript; charset=utf-8"
);

/// The stylesheet's address, including its version.
pub fn css_href() -> &'static str {
    &CSS.href
}

/// The self-scan script's address, including its version.
pub fn scan_js_href() -> &'static str {
    &SCAN_JS.href
}

/// The script every page loads (small conveniences such as copy buttons; every page works
/// without it), including its version.
pub fn app_js_href() -> &'static str {
    &APP_JS.href
}

/// The assets' paths, for the router.
pub fn paths() -> [&'static str; 3] {
    [CSS.path, SCAN_JS.path, APP_JS.path]
}

#[derive(serde::Deserialize)]
pub struct Version {
    v: Option<String>,
}

pub async fn css(query: Query<Version>) -> Response {
    serve(&CSS, query)
}

pub async fn scan_js(query: Query<Version>) -> Response {
    serve(&SCAN_JS, query)
}

pub async fn app_js(query: Query<Version>) -> Response {
    serve(&APP_JS, query)
}

fn serve(asset: &Asset, Query(version): Query<Version>) -> Response {
    let cache = if version.v.as_deref() == Some(asset.version.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    let mut response = asset.body.into_response();
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(asset.content_type));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Ok(etag) = HeaderValue::from_str(&format!("\"{}\"", *asset.version)) {
        headers.insert(ETAG, etag);
    }
    response
}
