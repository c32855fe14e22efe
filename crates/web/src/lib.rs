//! The HTTP layer: the router with every route in one place, the page handlers (one file
//! per page in `pages/`), their askama templates, the Fluent messages and our own CSS.

pub mod api;
mod assets;
mod auth;
mod cache;
pub mod case_api;
mod error;
mod health;
mod i18n;
pub mod imports;
pub mod mail;
mod middleware;
pub mod pages;
pub mod routes;
pub mod server;
mod working;

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{MethodRouter, get, post};
use domain::{Edition, Lang};
use store::Store;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use auth::hash_password;
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
    /// The address at which people reach the app (no trailing slash).
    pub base_url: String,
    /// Recent session lookups.
    pub sessions: auth::SessionCache,
    /// Sends invitations and password links, when SMTP is configured.
    pub mailer: Option<mail::Mailer>,
    /// CASE packages of open editions, made once each.
    pub case_packages: case_api::PackageCache,
}

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}

impl AppState {
    pub fn new(store: Store, edition: Edition, settings: Settings) -> AppState {
        AppState(Arc::new(App {
            store,
            edition,
            pages: cache::PageCache::default(),
            secure_cookies: settings.secure_cookies,
            base_url: settings.base_url.trim_end_matches('/').to_owned(),
            sessions: auth::SessionCache::default(),
            mailer: settings.mailer,
            case_packages: case_api::PackageCache::default(),
        }))
    }

    /// A page's full address, for links that leave the browser (e-mail, copy and paste).
    pub fn absolute(&self, page: &Page, lang: Lang) -> String {
        format!("{}{}", self.base_url, page.path(lang))
    }
}

/// How the app is run, from the command line or the environment.
#[derive(Debug)]
pub struct Settings {
    /// Mark cookies `Secure` (the app is reached over HTTPS).
    pub secure_cookies: bool,
    /// The address at which people reach the app, e.g. `https://raamwerk.school.nl`.
    pub base_url: String,
    /// The SMTP connection for e-mail, if any.
    pub mailer: Option<mail::Mailer>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure_cookies: false,
            base_url: "http://127.0.0.1:8080".to_owned(),
            mailer: None,
        }
    }
}

/// The largest request body we accept: a self-scan area with every note at its longest,
/// percent-encoded, fits; the public pages take none.
const BODY_LIMIT: usize = 256 * 1024;
/// The largest file one may import (the readers' own limit), with room for the form around it.
const IMPORT_LIMIT: usize = formats::sheet::MAX_BYTES + 64 * 1024;
/// The longest a request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The routes of one language: the same pages, with that language's words in the path. The
/// handlers read the language from the path ([`routes::PathLang`]). Path parameters are named
/// `{school}`, `{member}`, `{invitation}`, `{change}`, `{token}`, `{role}`, `{area}`, `{code}`,
/// `{round}`:
/// the isolation test fills each one and fails on a name it does not know.
fn page_routes(lang: Lang) -> Vec<(String, MethodRouter<AppState>)> {
    let prefix = format!("/{}", lang.code());
    let roles = format!("{prefix}/{}", routes::roles_segment(lang));
    let themes = format!("{prefix}/{}", routes::themes_segment(lang));
    let token = |segment: &str| format!("{prefix}/{segment}/{{token}}");
    let school = format!("{prefix}/{}/{{school}}", routes::schools_segment(lang));
    let members = format!("{school}/{}", routes::members_segment(lang));
    let invitations = format!("{school}/{}", routes::invitations_segment(lang));
    let rounds = format!("{school}/{}", routes::rounds_segment(lang));
    let framework = format!("{school}/{}", routes::framework_segment(lang));
    let tasks = format!("{school}/{}", routes::tasks_segment(lang));
    let draft = format!("{framework}/{}", routes::draft_segment(lang));
    vec![
        (prefix.clone(), get(pages::root::home)),
        (Page::Home.path(lang), get(pages::home::show)),
        (format!("{roles}/{{role}}"), get(pages::role::show)),
        (format!("{roles}/{{role}}/{{area}}"), get(pages::role::show)),
        (themes.clone(), get(pages::themes::show)),
        (format!("{themes}/{{code}}"), get(pages::theme::show)),
        (Page::Privacy.path(lang), get(pages::privacy::show)),
        (Page::QuickScan.path(lang), get(pages::quick_scan::show)),
        (
            Page::QuickScanOverview.path(lang),
            post(pages::quick_scan::overview),
        ),
        (
            Page::QuickScanBack.path(lang),
            post(pages::quick_scan::back),
        ),
        (
            Page::QuickScanDocument(routes::DocumentFormat::Pdf).path(lang),
            post(pages::quick_scan::pdf),
        ),
        (
            Page::QuickScanDocument(routes::DocumentFormat::Docx).path(lang),
            post(pages::quick_scan::docx),
        ),
        (
            Page::SignIn.path(lang),
            get(pages::sign_in::show).post(pages::sign_in::submit),
        ),
        (Page::SignOut.path(lang), post(pages::sign_out::submit)),
        (
            Page::SignOutEverywhere.path(lang),
            post(pages::sign_out::everywhere),
        ),
        (
            Page::ForgotPassword.path(lang),
            get(pages::forgot_password::show).post(pages::forgot_password::submit),
        ),
        (Page::Account.path(lang), get(pages::account::show)),
        (
            Page::AccountData.path(lang),
            get(pages::account_data::download),
        ),
        (
            Page::AccountRoles.path(lang),
            post(pages::account_roles::submit),
        ),
        (
            Page::DeleteAccount.path(lang),
            post(pages::delete_account::submit),
        ),
        (
            token(routes::set_password_segment(lang)),
            get(pages::set_password::show).post(pages::set_password::submit),
        ),
        (
            token(routes::setup_segment(lang)),
            get(pages::setup::show).post(pages::setup::submit),
        ),
        (
            token(routes::invitation_segment(lang)),
            get(pages::invitation::show).post(pages::invitation::submit),
        ),
        (Page::Schools.path(lang), get(pages::schools::show)),
        (school.clone(), get(pages::school::show)),
        (members.clone(), get(pages::members::show)),
        (format!("{members}/{{member}}"), get(pages::member::show)),
        (
            format!("{members}/{{member}}/{{change}}"),
            post(pages::member::submit),
        ),
        (invitations.clone(), post(pages::members::invite)),
        (
            format!(
                "{invitations}/{{invitation}}/{}",
                routes::revoke_segment(lang)
            ),
            post(pages::revoke_invitation::submit),
        ),
        (
            format!("{school}/{}", routes::audit_log_segment(lang)),
            get(pages::audit_log::show),
        ),
        (
            format!("{school}/{}", routes::settings_segment(lang)),
            get(pages::school_settings::show).post(pages::school_settings::submit),
        ),
        (
            format!(
                "{school}/{}/{}",
                routes::settings_segment(lang),
                routes::scale_segment(lang)
            ),
            post(pages::school_settings::submit_scale),
        ),
        (
            rounds.clone(),
            get(pages::rounds::show).post(pages::rounds::open),
        ),
        (format!("{rounds}/{{round}}"), get(pages::round::show)),
        (
            format!("{rounds}/{{round}}/{}", routes::close_segment(lang)),
            post(pages::round::close),
        ),
        (
            format!("{rounds}/{{round}}/{}", routes::finish_segment(lang)),
            post(pages::round::finish),
        ),
        (
            format!("{rounds}/{{round}}/{}", routes::save_segment(lang)),
            post(pages::scan_area::save_field),
        ),
        (
            format!("{rounds}/{{round}}/{}", routes::overview_segment(lang)),
            get(pages::overview::show),
        ),
        (
            format!("{rounds}/{{round}}/{}.pdf", routes::overview_segment(lang)),
            get(pages::overview::pdf),
        ),
        (
            format!("{rounds}/{{round}}/{}.docx", routes::overview_segment(lang)),
            get(pages::overview::docx),
        ),
        (
            format!("{rounds}/{{round}}/{}", routes::share_segment(lang)),
            post(pages::round::share),
        ),
        (
            format!(
                "{rounds}/{{round}}/{}/{{member}}",
                routes::shared_segment(lang)
            ),
            get(pages::overview::shared),
        ),
        (
            format!("{rounds}/{{round}}/{{role}}/{{area}}"),
            get(pages::scan_area::show).post(pages::scan_area::submit),
        ),
        (tasks.clone(), get(pages::tasks::show)),
        (
            format!(
                "{tasks}/{}.xlsx",
                pages::tasks_document::document_stem(lang)
            ),
            get(pages::tasks_document::xlsx),
        ),
        (
            format!("{tasks}/{}.pdf", pages::tasks_document::document_stem(lang)),
            get(pages::tasks_document::pdf),
        ),
        (
            format!("{tasks}/{}", routes::hours_segment(lang)),
            get(pages::hours::show).post(pages::hours::submit),
        ),
        (
            format!("{tasks}/{{code}}"),
            get(pages::task::show).post(pages::task::submit),
        ),
        (
            format!("{rounds}/{{round}}/{}", routes::feed_segment(lang)),
            post(pages::round::feed),
        ),
        (framework.clone(), get(pages::framework::show)),
        (
            format!("{framework}/{}/{{edition}}", routes::versions_segment(lang)),
            get(pages::framework_edition::show),
        ),
        (
            format!(
                "{framework}/{}/{{edition}}/{}",
                routes::versions_segment(lang),
                routes::open_segment(lang)
            ),
            post(pages::framework_edition::set_open),
        ),
        (
            format!(
                "{framework}/{}/{{edition}}/{}/{{format}}",
                routes::versions_segment(lang),
                routes::export_segment(lang)
            ),
            get(pages::framework_edition::export),
        ),
        (
            format!("{framework}/{}", routes::import_segment(lang)),
            post(pages::framework_import::submit),
        ),
        (
            format!("{framework}/{}", routes::compare_segment(lang)),
            get(pages::framework_edition::compare),
        ),
        (
            format!("{framework}/{}", routes::national_segment(lang)),
            get(pages::national_update::show).post(pages::national_update::take),
        ),
        (
            draft.clone(),
            get(pages::draft::show).post(pages::draft::start),
        ),
        (
            format!("{draft}/{}", routes::add_segment(lang)),
            post(pages::draft::add),
        ),
        (
            format!("{draft}/{}", routes::publish_segment(lang)),
            post(pages::draft::publish),
        ),
        (
            format!("{draft}/{}", routes::discard_segment(lang)),
            post(pages::draft::discard),
        ),
        (
            format!("{draft}/{{code}}"),
            get(pages::draft_statement::show).post(pages::draft_statement::submit),
        ),
    ]
}

/// The routes outside the languages.
fn other_routes() -> Vec<(String, MethodRouter<AppState>)> {
    vec![
        ("/".to_owned(), get(pages::root::show)),
        ("/healthz".to_owned(), get(health::healthz)),
        ("/readyz".to_owned(), get(health::readyz)),
        (assets::paths()[0].to_owned(), get(assets::css)),
        (assets::paths()[1].to_owned(), get(assets::scan_js)),
        (api::OPENAPI_PATH.to_owned(), get(api::openapi)),
        (
            api::IMPORT_PATH.to_owned(),
            get(api::list).post(api::import),
        ),
        (api::EDITION_PATH.to_owned(), get(api::export)),
        (
            format!("{}/CFDocuments", case_api::BASE),
            get(case_api::documents),
        ),
        (
            format!("{}/CFDocuments/{{id}}", case_api::BASE),
            get(case_api::document),
        ),
        (
            format!("{}/CFPackages/{{id}}", case_api::BASE),
            get(case_api::package),
        ),
        (
            format!("{}/CFItems/{{id}}", case_api::BASE),
            get(case_api::item),
        ),
        (
            format!("{}/CFAssociations/{{id}}", case_api::BASE),
            get(case_api::association),
        ),
    ]
}

/// Every path pattern the router has (for tests that must cover every route).
pub fn route_paths() -> Vec<String> {
    let mut paths: Vec<String> = other_routes().into_iter().map(|(p, _)| p).collect();
    for lang in Lang::ALL {
        paths.extend(page_routes(lang).into_iter().map(|(p, _)| p));
    }
    paths
}

/// The quick scan posts all its answers and notes at once (to the overview, the documents and
/// back): a note on every statement and area, each character percent-encoded, passes 256 kB.
const QUICK_SCAN_LIMIT: usize = 2 * 1024 * 1024;

/// Whether a route is one of the quick scan's.
fn is_quick_scan(path: &str) -> bool {
    Lang::ALL.iter().any(|&lang| {
        path.starts_with(&format!(
            "/{}/{}",
            lang.code(),
            routes::quick_scan_segment(lang)
        ))
    })
}

/// Whether a route takes an imported file.
fn is_import(path: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&lang| path.ends_with(&format!("/{}", routes::import_segment(lang))))
        || path == api::IMPORT_PATH
}

/// The whole application: every route, and the layers every response passes.
pub fn router(state: AppState) -> Router {
    let secure = state.secure_cookies;
    let mut router = Router::new();
    for (path, route) in other_routes()
        .into_iter()
        .chain(Lang::ALL.into_iter().flat_map(page_routes))
    {
        // Imports take files; every other route a form at most.
        let route = if is_import(&path) {
            route.layer(axum::extract::DefaultBodyLimit::max(IMPORT_LIMIT))
        } else if is_quick_scan(&path) {
            // (Forms' own default limit is 2 MB too.)
            route.layer(RequestBodyLimitLayer::new(QUICK_SCAN_LIMIT))
        } else {
            route.layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        };
        router = router.route(&path, route);
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
        .layer(axum::middleware::from_fn_with_state(
            secure,
            middleware::security_headers,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(IMPORT_LIMIT))
        .layer(CatchPanicLayer::custom(middleware::panic_response))
}
