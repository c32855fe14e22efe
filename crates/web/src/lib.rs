//! The HTTP layer: the router with every route in one place, the page handlers (one file
//! per page in `pages/`), their askama templates, the Fluent messages and our own CSS.

mod assets;
mod auth;
mod cache;
mod error;
mod health;
mod i18n;
mod middleware;
pub mod pages;
pub mod routes;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{get, post};
use domain::{Edition, Lang};
use store::Store;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use error::AppError;
pub use i18n::Tr;
use routes::Page;

/// Everything a request may need. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState(Arc<App>);

#[derive(Debug)]
pub struct App {
    pub store: Store,
    /// The edition the public pages show: the newest national one.
    pub edition: Edition,
    /// The public pages of that edition, rendered once.
    pub pages: cache::PageCache,
    /// Whether cookies get `Secure` (the app is reached over HTTPS, e.g. behind a proxy).
    pub secure_cookies: bool,
}

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}

impl AppState {
    pub fn new(store: Store, edition: Edition, secure_cookies: bool) -> AppState {
        AppState(Arc::new(App {
            store,
            edition,
            pages: cache::PageCache::default(),
            secure_cookies,
        }))
    }
}

/// The largest request body we accept; the public pages take none.
const BODY_LIMIT: usize = 64 * 1024;
/// The longest a request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The routes of one language: the same pages, with that language's words in the path. The
/// handlers read the language from the path ([`routes::PathLang`]).
fn pages(lang: Lang) -> Router<AppState> {
    let prefix = format!("/{}", lang.code());
    let roles = format!("{prefix}/{}", routes::roles_segment(lang));
    let themes = format!("{prefix}/{}", routes::themes_segment(lang));
    let token = |segment: &str| format!("{prefix}/{segment}/{{token}}");
    Router::new()
        .route(&prefix, get(pages::root::home))
        .route(&Page::Home.path(lang), get(pages::home::show))
        .route(&format!("{roles}/{{role}}"), get(pages::role::show))
        .route(
            &format!("{roles}/{{role}}/{{area}}"),
            get(pages::role::show),
        )
        .route(&themes, get(pages::themes::show))
        .route(&format!("{themes}/{{code}}"), get(pages::theme::show))
        .route(&Page::Privacy.path(lang), get(pages::privacy::show))
        .route(
            &Page::SignIn.path(lang),
            get(pages::sign_in::show).post(pages::sign_in::submit),
        )
        .route(&Page::SignOut.path(lang), post(pages::sign_out::submit))
        .route(
            &Page::SignOutEverywhere.path(lang),
            post(pages::sign_out::everywhere),
        )
        .route(&Page::Account.path(lang), get(pages::account::show))
        .route(
            &Page::AccountData.path(lang),
            get(pages::account_data::download),
        )
        .route(
            &Page::AccountRoles.path(lang),
            post(pages::account_roles::submit),
        )
        .route(
            &Page::DeleteAccount.path(lang),
            post(pages::delete_account::submit),
        )
        .route(
            &token(routes::set_password_segment(lang)),
            get(pages::set_password::show).post(pages::set_password::submit),
        )
        .route(
            &token(routes::setup_segment(lang)),
            get(pages::setup::show).post(pages::setup::submit),
        )
}

/// The whole application: every route, and the layers every response passes.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new()
        .route("/", get(pages::root::show))
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/static/app.css", get(assets::css));
    for lang in Lang::ALL {
        router = router.merge(pages(lang));
    }
    router
        .fallback(error::fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::error_pages,
        ))
        .with_state(state)
        .layer(axum::middleware::from_fn(middleware::etag))
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(CsrfLayer::new().with_rejection_response(middleware::csrf_rejected))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(CatchPanicLayer::custom(middleware::panic_response))
}
