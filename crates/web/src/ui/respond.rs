//! How a page is answered: a public page rendered once and served from memory, a private
//! page rendered every time, a file to download, and the redirect after a form.

use askama::Template;
use axum::body::Body;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE, ETAG, IF_NONE_MATCH, SET_COOKIE, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;

use crate::auth::{session_token, signed_in};
use crate::error::AppError;
use crate::i18n::cookie_lang;
use crate::routes::Page;
use crate::state::AppState;
use crate::ui::chrome::Chrome;

/// A public page's view: the same for everyone but for the header's links.
pub trait PublicView {
    fn chrome_mut(&mut self) -> &mut Chrome;
}

/// Makes a view with a `chrome` field a [`PublicView`].
macro_rules! public_view {
    ($($view:ty),*) => {
        $(impl $crate::ui::respond::PublicView for $view {
            fn chrome_mut(&mut self) -> &mut $crate::ui::chrome::Chrome {
                &mut self.chrome
            }
        })*
    };
}
pub(crate) use public_view;

/// Answers with a page in its language, rendered once and then served from memory
/// (`view` builds the page's view only when it is not rendered yet). Answers a matching
/// `If-None-Match` with 304, and remembers the language in a cookie when it differs from the
/// one remembered, so that `/` later leads back to it.
///
/// A public page comes in two variants: for visitors, with a link to sign in, and for
/// someone signed in, with links to their schools and account. Neither names anyone, so
/// both are cached; a visitor without a session cookie costs no session lookup.
pub async fn respond<T: Template + PublicView>(
    app: &AppState,
    page: &Page,
    lang: Lang,
    request: &HeaderMap,
    view: impl FnOnce() -> T,
) -> Result<Response, AppError> {
    let signed = session_token(request).is_some() && signed_in(app, request).await?.is_some();
    let key = if signed {
        format!("{} signed-in", page.path(lang))
    } else {
        page.path(lang)
    };
    let rendered = app
        .pages
        .get_or_render(key, || {
            let mut view = view();
            if signed {
                view.chrome_mut().set_signed_in();
            }
            view.render()
        })
        .map_err(AppError::Render)?;
    let fresh = request
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| etag_matches(v, &rendered.etag));
    let mut response = if fresh {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = Response::new(Body::from(rendered.body.clone()));
        response.headers_mut().insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        response
    };
    let headers = response.headers_mut();
    headers.insert(ETAG, rendered.etag.clone());
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    headers.insert(VARY, HeaderValue::from_static("Cookie"));
    if cookie_lang(request) != Some(lang) {
        let cookie = match lang {
            Lang::Nl => "lang=nl; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            Lang::En => "lang=en; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        };
        headers.insert(SET_COOKIE, HeaderValue::from_static(cookie));
    }
    Ok(response)
}

/// Answers with a page that belongs to one visitor (forms, their account): rendered every
/// time, never stored by a cache.
pub fn respond_private(
    template: &impl Template,
    lang: Lang,
    status: StatusCode,
) -> Result<Response, AppError> {
    let html = template.render().map_err(AppError::Render)?;
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// A file to download: its type, never stored by a cache, saved under `name`.
pub fn download(bytes: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    use axum::http::header::CONTENT_DISPOSITION;
    let mut response = bytes.into_response();
    let h = response.headers_mut();
    h.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(CONTENT_DISPOSITION, value);
    }
    response
}

/// The two handlers that answer a page as a document, `$pdf` and `$docx`, both through one
/// `$download(&app, lang, &headers, path, format)` whose path is `$path` (the school and the
/// document's id, for most): one place for what every document's pair of addresses does.
macro_rules! document_handlers {
    ($pdf:ident, $docx:ident => $download:ident, $path:ty) => {
        pub async fn $pdf(
            $crate::routes::PathLang(lang): $crate::routes::PathLang,
            axum::extract::State(app): axum::extract::State<$crate::state::AppState>,
            headers: axum::http::HeaderMap,
            path: Result<axum::extract::Path<$path>, axum::extract::rejection::PathRejection>,
        ) -> Result<axum::response::Response, $crate::error::AppError> {
            $download(
                &app,
                lang,
                &headers,
                path,
                $crate::routes::DocumentFormat::Pdf,
            )
            .await
        }

        pub async fn $docx(
            $crate::routes::PathLang(lang): $crate::routes::PathLang,
            axum::extract::State(app): axum::extract::State<$crate::state::AppState>,
            headers: axum::http::HeaderMap,
            path: Result<axum::extract::Path<$path>, axum::extract::rejection::PathRejection>,
        ) -> Result<axum::response::Response, $crate::error::AppError> {
            $download(
                &app,
                lang,
                &headers,
                path,
                $crate::routes::DocumentFormat::Docx,
            )
            .await
        }
    };
}
pub(crate) use document_handlers;

/// A structured document (a plan, a conversation) as a download in a format: typeset off
/// the async runtime, named `name` plus the format's extension.
pub async fn doc_download(
    doc: formats::document::doc::Doc,
    format: crate::routes::DocumentFormat,
    name: &str,
) -> Result<Response, crate::error::AppError> {
    use crate::routes::DocumentFormat;
    let today = crate::ui::dates::today();
    let bytes = tokio::task::spawn_blocking(move || match format {
        DocumentFormat::Pdf => {
            formats::document::doc::pdf(&doc, (i32::from(today.year()), today.month(), today.day()))
        }
        DocumentFormat::Docx => formats::document::doc::docx(&doc),
    })
    .await
    .map_err(|e| crate::error::AppError::Internal(e.to_string()))?
    .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    let content_type = match format {
        DocumentFormat::Pdf => "application/pdf",
        DocumentFormat::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    };
    Ok(download(
        bytes,
        content_type,
        &format!("{name}.{}", format.extension()),
    ))
}

/// An edition as a file in an exchange format, named for what it is: a school's version
/// `raamwerk-<school>-versie-3.xlsx` (`…-version-3` in English), a national edition
/// `raamwerk-landelijk-2026.1.json` (`raamwerk-national-…`).
pub fn edition_file(
    edition: &domain::Edition,
    format: formats::exchange::Exchange,
    lang: Lang,
    school: Option<&str>,
) -> Result<Response, AppError> {
    let bytes = format
        .write(edition, lang)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let meta = edition.meta();
    // Versions are ours or a file's: keep letters, digits and dots, nothing a name cannot hold.
    let version: String = meta
        .version
        .chars()
        .take(20)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let name = match (school, lang) {
        (Some(short), Lang::Nl) => format!("raamwerk-{short}-versie-{version}"),
        (Some(short), Lang::En) => format!("raamwerk-{short}-version-{version}"),
        (None, Lang::Nl) => format!("raamwerk-landelijk-{version}"),
        (None, Lang::En) => format!("raamwerk-national-{version}"),
    };
    Ok(download(
        bytes,
        format.media_type(),
        &format!("{name}.{}", format.extension()),
    ))
}

/// `303 See Other` to a page of ours (after a form post, or to sign in first).
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(location) {
        response
            .headers_mut()
            .insert(axum::http::header::LOCATION, location);
    }
    response
}

/// Whether an `If-None-Match` value names this (weak) ETag; weak comparison, as RFC 9110
/// asks for GET.
pub fn etag_matches(if_none_match: &str, etag: &HeaderValue) -> bool {
    let Ok(etag) = etag.to_str() else {
        return false;
    };
    let opaque = etag.trim_start_matches("W/");
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == opaque)
}

/// Where a visitor who is not signed in is sent.
pub fn to_sign_in(lang: Lang) -> Response {
    see_other(&Page::SignIn.path(lang))
}
