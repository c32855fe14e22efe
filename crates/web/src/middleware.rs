//! Layers every response passes: security headers, validators for caching, and a safe answer
//! should a handler panic.

use std::any::Any;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, ETAG, IF_NONE_MATCH, REFERRER_POLICY,
    STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;

/// No inline script or style, nothing from elsewhere, no framing.
pub const CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; connect-src 'self'; \
     form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// What [`security_headers`] adds that depends on how the app is run.
#[derive(Clone, Debug)]
pub struct Headers {
    /// The app is reached over HTTPS: send HSTS.
    pub secure: bool,
    pub csp: HeaderValue,
}

impl Headers {
    /// `providers` are the issuers of the identity providers people sign in through: a form
    /// of ours (sign in, link) is answered with a redirect to them, which the browser allows
    /// only when `form-action` names their origin.
    pub fn new<'a>(secure: bool, providers: impl Iterator<Item = &'a str>) -> Headers {
        let origins: Vec<String> = providers.filter_map(origin).collect();
        let csp = if origins.is_empty() {
            HeaderValue::from_static(CSP)
        } else {
            HeaderValue::from_str(&CSP.replace(
                "form-action 'self'",
                &format!("form-action 'self' {}", origins.join(" ")),
            ))
            .unwrap_or_else(|_| HeaderValue::from_static(CSP))
        };
        Headers { secure, csp }
    }
}

/// A URL's origin (`https://host[:port]`), if it is a plain one that a policy may name.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split('/').next()?;
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    (matches!(scheme, "https" | "http") && !host.is_empty() && host.chars().all(plain))
        .then(|| format!("{scheme}://{host}"))
}

/// HSTS, once the app is reached over HTTPS (`--secure-cookies`): a year, this host only.
const HSTS: &str = "max-age=31536000";

/// The security headers on every response; `secure` says the app is reached over HTTPS. JSON
/// answers of the API hold a person's or a school's data and are never stored by a cache
/// unless a handler says otherwise.
pub async fn security_headers(
    axum::extract::State(settings): axum::extract::State<Headers>,
    request: Request,
    next: Next,
) -> Response {
    let api = request.uri().path().starts_with("/api/");
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if settings.secure {
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
    let json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.starts_with("application/json"));
    if api && json && !headers.contains_key(CACHE_CONTROL) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    headers.insert(CONTENT_SECURITY_POLICY, settings.csp);
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    response
}

/// Gives successful HTML and CSS responses to GET that have none yet a weak ETag (the same content may travel
/// compressed or not) and answers a matching `If-None-Match` with 304 and no body.
pub async fn etag(request: Request, next: Next) -> Response {
    let conditional = request.method() == Method::GET || request.method() == Method::HEAD;
    let if_none_match = request.headers().get(IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    // A page that must not be stored (`no-store`, a person's own pages) is never revalidated
    // either, so it gets no validator.
    let cacheable = conditional
        && response.status() == StatusCode::OK
        && !response.headers().contains_key(ETAG)
        && response
            .headers()
            .get(CACHE_CONTROL)
            .is_none_or(|v| v.as_bytes() != b"no-store")
        && response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|ct| ct.starts_with("text/html") || ct.starts_with("text/css"));
    if !cacheable {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes: Bytes = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(e) => {
            tracing::error!(error = %e, "could not read a response body");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tag = format!("W/\"{:032x}\"", xxhash_rust::xxh3::xxh3_128(&bytes));
    let matches = if_none_match
        .as_ref()
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|candidate| {
                let candidate = candidate.trim();
                candidate == "*"
                    || candidate.trim_start_matches("W/") == tag.trim_start_matches("W/")
            })
        });
    if let Ok(value) = HeaderValue::from_str(&tag) {
        parts.headers.insert(ETAG, value);
    }
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(CONTENT_TYPE);
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A panicking handler answers 500 with a short text in both languages, never the panic.
pub fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown");
    tracing::error!(panic = detail, "a request handler panicked");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Er ging iets mis aan onze kant. / Something went wrong on our side.\n",
    )
        .into_response()
}

/// A form posted from another site (or a browser that says too little to tell) is refused,
/// with a short text in both languages; nothing is changed.
pub fn csrf_rejected(_: tower_http::csrf::ProtectionError) -> Response {
    (
        StatusCode::FORBIDDEN,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Dit formulier kwam niet van deze site en is niet verwerkt. / \
         This form did not come from this site and was not processed.\n",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_may_lead_to_the_identity_providers_only() {
        let none = Headers::new(false, std::iter::empty());
        assert_eq!(none.csp, CSP);
        let two = Headers::new(
            true,
            [
                "https://connect.surfconext.nl",
                "http://127.0.0.1:4000/realm/x",
                "https://evil.example; script-src *",
            ]
            .into_iter(),
        );
        let csp = two.csp.to_str().expect("ascii");
        assert!(
            csp.contains("form-action 'self' https://connect.surfconext.nl http://127.0.0.1:4000;"),
            "{csp}"
        );
        assert!(
            !csp.contains("evil"),
            "an origin that is not plain is left out: {csp}"
        );
        assert!(csp.contains("script-src 'self';"));
    }
}
