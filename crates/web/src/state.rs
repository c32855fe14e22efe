//! What every request may use: the store, the public edition, caches, the mailer and how
//! the app is run.

use std::sync::{Arc, RwLock};

use domain::{Edition, Lang};
use store::Store;

use crate::cache;
use crate::mail;
use crate::routes::Page;

/// Everything a request may need. Cheap to clone.
#[derive(Clone, Debug)]
pub struct AppState(Arc<App>);

#[derive(Debug)]
pub struct App {
    pub store: Store,
    /// The edition the public pages show: the newest national one (replaced when a newer one
    /// is stored, also by another process: see [`crate::changes`]).
    edition: RwLock<Arc<Edition>>,
    /// The public pages of that edition, rendered once.
    pub pages: cache::PageCache,
    /// Whether cookies get `Secure` (the app is reached over HTTPS, e.g. behind a proxy).
    pub secure_cookies: bool,
    /// The address at which people reach the app (no trailing slash).
    pub base_url: String,
    /// Recent session lookups.
    pub sessions: cache::SessionCache,
    /// Recent API token lookups: the token and the person it acts for, with their schools.
    pub tokens: cache::Reuse<(store::ApiToken, Arc<cache::Signed>)>,
    /// The JSON of one's own scan's answers and notes, made once per scan as the store keeps it.
    pub scan_json: cache::ScanJson,
    /// When this instance last wrote each token's "last used" (so at most once a minute).
    pub token_uses: std::sync::Mutex<std::collections::HashMap<uuid::Uuid, i64>>,
    /// Sends invitations and password links, when SMTP is configured.
    pub mailer: Option<mail::Mailer>,
    /// CASE packages of open editions, made once each.
    pub case_packages: cache::PackageCache,
    /// Class codes of the student survey typed wrong, per client, in memory only.
    pub survey_guesses: crate::guesses::Guesses,
    /// Proxies whose `X-Forwarded-For` names the visitor's address.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The identity providers people may sign in through (none: password only).
    pub oidc: crate::oidc::Oidc,
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
            edition: RwLock::new(Arc::new(edition)),
            pages: cache::PageCache::default(),
            secure_cookies: settings.secure_cookies,
            base_url: settings.base_url.trim_end_matches('/').to_owned(),
            sessions: cache::SessionCache::default(),
            tokens: cache::Reuse::default(),
            scan_json: Default::default(),
            token_uses: Default::default(),
            mailer: settings.mailer,
            case_packages: cache::PackageCache::default(),
            survey_guesses: Default::default(),
            trusted_proxies: settings.trusted_proxies,
            oidc: crate::oidc::Oidc::new(settings.identity_providers, &settings.base_url),
        }))
    }

    /// The edition the public pages show now.
    pub fn edition(&self) -> Arc<Edition> {
        match self.edition.read() {
            Ok(edition) => edition.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Shows a newer national edition from now on; the pages rendered of the old one go.
    pub fn replace_edition(&self, edition: Edition) {
        let mut current = match self.edition.write() {
            Ok(current) => current,
            Err(poisoned) => poisoned.into_inner(),
        };
        *current = Arc::new(edition);
        drop(current);
        self.pages.clear();
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
    /// Proxies whose `X-Forwarded-For` names the visitor's address.
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// The identity providers people may sign in through (OpenID Connect).
    pub identity_providers: Vec<domain::sso::ProviderConfig>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure_cookies: false,
            base_url: "http://127.0.0.1:8080".to_owned(),
            mailer: None,
            trusted_proxies: Vec::new(),
            identity_providers: Vec::new(),
        }
    }
}
