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
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
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

/// Turns a handler's error into its page (needs the state for the page chrome).
async fn page<F>(app: AppState, handler: F) -> Response
where
    F: Future<Output = Result<Response, AppError>>,
{
    match handler.await {
        Ok(response) => response,
        Err(error) => error.into_page(&app),
    }
}

/// The routes of one language: the same pages, with that language's words in the path.
fn pages(lang: Lang) -> Router<AppState> {
    let prefix = format!("/{}", lang.code());
    let roles = format!("{prefix}/{}", routes::roles_segment(lang));
    let themes = format!("{prefix}/{}", routes::themes_segment(lang));
    let role = move |state: State<AppState>,
                     path: Result<Path<Vec<String>>, PathRejection>,
                     headers: HeaderMap| {
        let app = state.0.clone();
        page(app, pages::role::show(lang, state, path, headers))
    };
    Router::new()
        .route(&prefix, get(move || async move { pages::root::home(lang) }))
        .route(
            &format!("{prefix}/"),
            get(move |state: State<AppState>, headers: HeaderMap| {
                let app = state.0.clone();
                page(app, pages::home::show(lang, state, headers))
            }),
        )
        .route(&format!("{roles}/{{role}}"), get(role))
        .route(&format!("{roles}/{{role}}/{{area}}"), get(role))
        .route(
            &themes,
            get(move |state: State<AppState>, headers: HeaderMap| {
                let app = state.0.clone();
                page(app, pages::themes::show(lang, state, headers))
            }),
        )
        .route(
            &format!("{themes}/{{code}}"),
            get(
                move |state: State<AppState>,
                      path: Result<Path<String>, PathRejection>,
                      headers: HeaderMap| {
                    let app = state.0.clone();
                    page(app, pages::theme::show(lang, state, path, headers))
                },
            ),
        )
        .route(
            &Page::SignIn.path(lang),
            get(
                move |state: State<AppState>, query: Result<Query<pages::sign_in::Notice>, QueryRejection>| {
                    let app = state.0.clone();
                    page(app, pages::sign_in::show(lang, state, query))
                },
            )
            .post(
                move |state: State<AppState>,
                      ip: auth::ClientIp,
                      form: Result<Form<pages::sign_in::SignInForm>, FormRejection>| {
                    let app = state.0.clone();
                    page(app, pages::sign_in::submit(lang, state, ip, form))
                },
            ),
        )
        .route(
            &Page::SignOut.path(lang),
            post(move |state: State<AppState>, headers: HeaderMap| {
                let app = state.0.clone();
                page(app, pages::sign_out::submit(lang, state, headers))
            }),
        )
        .route(
            &Page::SignOutEverywhere.path(lang),
            post(move |state: State<AppState>, headers: HeaderMap| {
                let app = state.0.clone();
                page(app, pages::sign_out::everywhere(lang, state, headers))
            }),
        )
        .route(
            &Page::AccountRoles.path(lang),
            post(
                move |state: State<AppState>,
                      headers: HeaderMap,
                      form: Result<Form<pages::account_roles::RolesForm>, FormRejection>| {
                    let app = state.0.clone();
                    page(app, pages::account_roles::submit(lang, state, headers, form))
                },
            ),
        )
        .route(
            &Page::DeleteAccount.path(lang),
            post(
                move |state: State<AppState>,
                      headers: HeaderMap,
                      form: Result<Form<pages::delete_account::DeleteForm>, FormRejection>| {
                    let app = state.0.clone();
                    page(app, pages::delete_account::submit(lang, state, headers, form))
                },
            ),
        )
        .route(
            &Page::AccountData.path(lang),
            get(move |state: State<AppState>, headers: HeaderMap| {
                let app = state.0.clone();
                page(app, pages::account_data::download(lang, state, headers))
            }),
        )
        .route(
            &Page::Privacy.path(lang),
            get(move |state: State<AppState>, headers: HeaderMap| {
                let app = state.0.clone();
                page(app, pages::privacy::show(lang, state, headers))
            }),
        )
        .route(
            &Page::Account.path(lang),
            get(
                move |state: State<AppState>,
                      headers: HeaderMap,
                      notice: Result<Query<pages::account::Notice>, QueryRejection>| {
                    let app = state.0.clone();
                    page(app, pages::account::show(lang, state, headers, notice))
                },
            ),
        )
        .route(
            &format!("{prefix}/{}/{{token}}", routes::setup_segment(lang)),
            get(move |state: State<AppState>, token: Result<Path<String>, PathRejection>| {
                let app = state.0.clone();
                page(app, pages::setup::show(lang, state, token))
            })
            .post(
                move |state: State<AppState>,
                      token: Result<Path<String>, PathRejection>,
                      form: Result<Form<pages::setup::SetupForm>, FormRejection>| {
                    let app = state.0.clone();
                    page(app, pages::setup::submit(lang, state, token, form))
                },
            ),
        )
        .route(
            &format!("{prefix}/{}/{{token}}", routes::set_password_segment(lang)),
            get(move |state: State<AppState>, token: Result<Path<String>, PathRejection>| {
                let app = state.0.clone();
                page(app, pages::set_password::show(lang, state, token))
            })
            .post(
                move |state: State<AppState>,
                      token: Result<Path<String>, PathRejection>,
                      form: Result<Form<pages::set_password::PasswordForm>, FormRejection>| {
                    let app = state.0.clone();
                    page(app, pages::set_password::submit(lang, state, token, form))
                },
            ),
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
