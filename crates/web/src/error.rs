//! How requests fail. Error policy: handlers return `AppError`; a visitor gets a page in
//! their language with the right status and never an internal detail, while the detail goes
//! to the log. Nothing is written on a failed request.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use domain::Lang;

use crate::i18n::Tr;
use crate::i18n::preferred;
use crate::routes::lang_of_path;
use crate::state::AppState;
use crate::ui::chrome::Chrome;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound(Lang),
    #[error("could not render a page: {0}")]
    Render(#[source] askama::Error),
    #[error("storage failed: {0}")]
    Store(#[from] store::StoreError),
    #[error("{0}")]
    Internal(String),
    /// Not an error: the answer to give instead of the page, such as the way to the sign-in
    /// page or a 404 for a school the visitor is no member of (see [`crate::working::require`]).
    #[error("answered with {}", .0.status())]
    Answer(Box<Response>),
}

impl AppError {
    /// The answer to give instead of the page (see [`AppError::Answer`]).
    pub fn answer(response: Response) -> AppError {
        AppError::Answer(Box::new(response))
    }
}

#[derive(Template)]
#[template(path = "ui/error.html")]
pub struct ErrorView {
    pub chrome: Chrome,
    pub t: Tr,
    pub heading: String,
    pub text: String,
}

/// The error page for a status, in a language; plain text should rendering itself fail.
pub fn error_page(app: &AppState, lang: Lang, status: StatusCode) -> Response {
    let t = Tr(lang);
    let (heading, text) = match status {
        StatusCode::NOT_FOUND => (t.get("not-found-title"), t.get("not-found-text")),
        StatusCode::GONE => (t.get("link-gone-title"), t.get("link-gone-text")),
        StatusCode::FORBIDDEN => (t.get("forbidden-title"), t.get("forbidden-text")),
        StatusCode::PAYLOAD_TOO_LARGE => (t.get("too-large-title"), t.get("too-large-text")),
        _ => (t.get("error-title"), t.get("error-text")),
    };
    explained_page(app, lang, status, heading, text)
}

/// A page that answers `status` with a heading and an explanation of what happened and what
/// to do now (a link that no longer holds, say); plain text should rendering itself fail.
pub fn explained_page(
    app: &AppState,
    lang: Lang,
    status: StatusCode,
    heading: String,
    text: String,
) -> Response {
    let view = ErrorView {
        chrome: Chrome::new(lang, &app.edition(), None, heading.clone()),
        t: Tr(lang),
        heading,
        text,
    };
    let body = view.render().unwrap_or_else(|e| {
        tracing::error!(error = %e, "could not render the error page");
        String::from("Er ging iets mis. / Something went wrong.")
    });
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// What an error response still needs: its page, rendered by [`error_pages`], which has the
/// state for the page chrome.
#[derive(Clone, Copy, Debug)]
struct ErrorPage {
    lang: Lang,
    status: StatusCode,
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let page = match self {
            AppError::Answer(response) => return *response,
            AppError::NotFound(lang) => ErrorPage {
                lang,
                status: StatusCode::NOT_FOUND,
            },
            other => {
                tracing::error!(error = %other, "a request failed");
                ErrorPage {
                    lang: Lang::Nl,
                    status: StatusCode::INTERNAL_SERVER_ERROR,
                }
            }
        };
        let mut response = page.status.into_response();
        response.extensions_mut().insert(page);
        response
    }
}

/// Renders the page of an error response a handler returned, in the visitor's language (the
/// language of the path for a server error, which knows no language of its own).
pub async fn error_pages(State(app): State<AppState>, request: Request, next: Next) -> Response {
    let path_lang = lang_of_path(request.uri().path());
    if is_api(request.uri().path()) {
        let lang = preferred(request.headers());
        return api_errors(lang, next.run(request).await);
    }
    let response = next.run(request).await;
    // A form too large for its route is refused by the body limit before any handler, in
    // plain text; on a page of ours it gets a page in the path's language instead.
    if response.status() == StatusCode::PAYLOAD_TOO_LARGE
        && let Some(lang) = path_lang
    {
        return error_page(&app, lang, StatusCode::PAYLOAD_TOO_LARGE);
    }
    match response.extensions().get::<ErrorPage>().copied() {
        Some(ErrorPage { lang, status }) => {
            let lang = if status == StatusCode::NOT_FOUND {
                lang
            } else {
                path_lang.unwrap_or(lang)
            };
            error_page(&app, lang, status)
        }
        None => response,
    }
}

/// An error in the JSON API's one format, `{"error": message}`.
pub fn json_error(status: StatusCode, message: String) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}

/// Whether a path is the JSON API's, which answers every error in its one format.
fn is_api(path: &str) -> bool {
    path.starts_with("/api/")
}

/// The JSON API's answer for an error the handler left without a body of its own (a server
/// error, a body over the limit, a method the route does not take): `{"error": message}`.
fn api_errors(lang: Lang, response: Response) -> Response {
    let status = response.status();
    let is_json = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let key = match status {
        StatusCode::NOT_FOUND => "api-not-found",
        StatusCode::PAYLOAD_TOO_LARGE => "api-too-large",
        StatusCode::METHOD_NOT_ALLOWED => "api-method",
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "api-media-type",
        s if s.is_server_error() => "api-server-error",
        _ => "api-bad-request",
    };
    let mut answer = json_error(status, Tr(lang).get(key));
    if let Some(allow) = response.headers().get(axum::http::header::ALLOW) {
        answer
            .headers_mut()
            .insert(axum::http::header::ALLOW, allow.clone());
    }
    answer
}

/// Any address the router does not know: a 404 page in the language of the path, else the
/// visitor's language (for the API, its JSON error).
pub async fn fallback(State(app): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let path = uri.path();
    if is_api(path) {
        return api_errors(preferred(&headers), StatusCode::NOT_FOUND.into_response());
    }
    // `/nl/themas/` means `/nl/themas`: send the visitor there rather than to a 404.
    if let Some(trimmed) = path.strip_suffix('/')
        && trimmed.len() > 3
        && lang_of_path(trimmed).is_some()
        && !trimmed.ends_with('/')
    {
        return Redirect::permanent(trimmed).into_response();
    }
    let lang = lang_of_path(path).unwrap_or_else(|| preferred(&headers));
    error_page(&app, lang, StatusCode::NOT_FOUND)
}
