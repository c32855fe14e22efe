//! The public pages: one file per page, each a handler and its view; what they share
//! (the page chrome, statement views, rendering) is here.

pub mod account;
pub mod account_data;
pub mod account_roles;
pub mod audit_log;
pub mod delete_account;
pub mod draft;
pub mod draft_statement;
pub mod forgot_password;
pub mod framework;
pub mod framework_edition;
pub mod framework_import;
pub mod home;
pub mod hours;
pub mod invitation;
pub mod member;
pub mod members;
pub mod national_update;
pub mod overview;
pub mod privacy;
pub mod quick_scan;
pub mod revoke_invitation;
pub mod role;
pub mod root;
pub mod round;
pub mod rounds;
pub mod scan_area;
pub mod school;
pub mod school_fields;
pub mod school_settings;
pub mod schools;
pub mod set_password;
pub mod setup;
pub mod sign_in;
pub mod sign_out;
pub mod task;
pub mod tasks;
pub mod tasks_document;
pub mod theme;
pub mod themes;

use askama::Template;
use axum::body::Body;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_LANGUAGE, CONTENT_TYPE, ETAG, IF_NONE_MATCH, SET_COOKIE, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::{Edition, Lang, Role, Statement};

use crate::AppState;
use crate::assets;
use crate::auth::{session_token, signed_in};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::Page;

/// The parts every page shares: header, navigation, language switch, footer.
#[derive(Debug)]
pub struct Chrome {
    pub lang: Lang,
    pub title: String,
    pub other_lang: Lang,
    pub switch_href: String,
    pub home_href: String,
    pub sign_in_href: String,
    pub privacy_href: String,
    pub css_href: &'static str,
    pub nav: Vec<NavLink>,
    pub edition_version: String,
    pub attribution: String,
    /// For a signed-in person on a private page: the link to their schools and account
    /// (instead of "sign in").
    pub signed_in: Option<SignedInLinks>,
}

#[derive(Debug)]
pub struct SignedInLinks {
    pub schools_href: String,
    pub account_href: String,
    pub sign_out_action: String,
}

#[derive(Debug)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

impl Chrome {
    /// The chrome of a page; `page` is `None` for pages outside the site map (errors), whose
    /// language switch leads to the home page.
    pub fn new(lang: Lang, edition: &Edition, page: Option<&Page>, title: String) -> Chrome {
        let t = Tr(lang);
        let current_role = match page {
            Some(Page::Role { role, .. }) => Some(*role),
            _ => None,
        };
        let mut nav: Vec<NavLink> = edition
            .roles()
            .iter()
            .map(|info| NavLink {
                href: Page::Role {
                    role: info.key,
                    area: None,
                }
                .path(lang),
                label: info.name.get(lang).to_owned(),
                current: current_role == Some(info.key),
            })
            .collect();
        nav.push(NavLink {
            href: Page::Themes.path(lang),
            label: t.get("nav-themes"),
            current: matches!(page, Some(Page::Themes | Page::Theme(_))),
        });
        nav.push(NavLink {
            href: Page::QuickScan.path(lang),
            label: t.get("nav-quick-scan"),
            current: matches!(page, Some(Page::QuickScan)),
        });
        let other = lang.other();
        Chrome {
            lang,
            title,
            other_lang: other,
            switch_href: page.unwrap_or(&Page::Home).path(other),
            home_href: Page::Home.path(lang),
            sign_in_href: Page::SignIn.path(lang),
            privacy_href: Page::Privacy.path(lang),
            css_href: assets::css_href(),
            nav,
            edition_version: edition.meta().version.clone(),
            attribution: edition.meta().attribution.get(lang).to_owned(),
            signed_in: None,
        }
    }

    /// The chrome of a private page of a signed-in person.
    pub fn signed_in(mut self) -> Chrome {
        self.set_signed_in();
        self
    }

    fn set_signed_in(&mut self) {
        self.signed_in = Some(SignedInLinks {
            schools_href: Page::Schools.path(self.lang),
            account_href: Page::Account.path(self.lang),
            sign_out_action: Page::SignOut.path(self.lang),
        });
    }
}

/// A public page's view: the same for everyone but for the header's links.
pub trait PublicView {
    fn chrome_mut(&mut self) -> &mut Chrome;
}

macro_rules! public_view {
    ($($view:ty),*) => {
        $(impl PublicView for $view {
            fn chrome_mut(&mut self) -> &mut Chrome {
                &mut self.chrome
            }
        })*
    };
}

public_view!(
    home::HomeView,
    role::RoleView,
    themes::ThemesView,
    theme::ThemeView,
    privacy::PrivacyView
);

/// A statement as the pages show it.
#[derive(Debug)]
pub struct StatementView {
    pub code: String,
    pub text: String,
    /// Link to the statement's theme page and the theme's name.
    pub theme: Option<(String, String)>,
    pub depth: Option<String>,
    /// The Dutch text stands in for a missing translation (a school's own statement).
    pub fallback: bool,
    /// A school's tags, in the page's language.
    pub tags: Vec<String>,
}

impl StatementView {
    pub fn new(statement: &Statement, edition: &Edition, lang: Lang) -> StatementView {
        let t = Tr(lang);
        StatementView {
            code: statement.code.to_string(),
            text: statement.text.shown(lang).to_owned(),
            fallback: statement.text.falls_back(lang),
            tags: statement
                .tags
                .iter()
                .map(|tag| tag.name(lang).to_owned())
                .collect(),
            theme: statement
                .theme
                .as_ref()
                .and_then(|code| edition.theme(code.as_str()))
                .map(|theme| {
                    (
                        Page::Theme(theme.code.clone()).path(lang),
                        theme.name.get(lang).to_owned(),
                    )
                }),
            depth: statement
                .depth
                .map(|d| t.get(&format!("depth-{}", d.level()))),
        }
    }
}

/// A link to a role's page with the role's name.
#[derive(Debug)]
pub struct RoleLink {
    pub href: String,
    pub name: String,
    pub description: String,
    pub count: String,
}

impl RoleLink {
    pub fn new(edition: &Edition, role: Role, lang: Lang) -> RoleLink {
        let info = edition.role(role);
        let count = edition
            .statements()
            .iter()
            .filter(|s| s.role == role)
            .count();
        RoleLink {
            href: Page::Role { role, area: None }.path(lang),
            name: info.name.get(lang).to_owned(),
            description: info.description.get(lang).to_owned(),
            count: Tr(lang).count("statements-count", count),
        }
    }
}

/// The language a visitor prefers, as remembered in the `lang` cookie.
pub fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix("lang=").and_then(Lang::from_code))
}

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

/// An edition as a file in an exchange format, named after its lineage and version.
pub fn edition_file(
    edition: &domain::Edition,
    format: formats::exchange::Exchange,
    lang: Lang,
) -> Result<Response, AppError> {
    let bytes = format
        .write(edition, lang)
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let meta = edition.meta();
    let name = format!(
        "{}-{}.{}",
        meta.identifier,
        meta.version,
        format.extension()
    );
    Ok(download(bytes, format.media_type(), &name))
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

/// Today's date in words: `25-11-2026` / `25/11/2026`.
pub(crate) fn today_text(lang: Lang) -> String {
    crate::pages::rounds::date_text(today(), lang)
}

/// Today's date.
pub(crate) fn today() -> domain::framework::Date {
    let days = store::now_millis().div_euclid(86_400_000);
    let (y, m, d) = crate::pages::members::civil_from_days(days);
    domain::framework::Date::new(
        u16::try_from(y).unwrap_or(2026),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
    .unwrap_or(domain::framework::Date::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_cookie_is_read_among_others() {
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("a=1; lang=en; b=2"),
        );
        assert_eq!(cookie_lang(&headers), Some(Lang::En));
        headers.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("lang=fr"),
        );
        assert_eq!(cookie_lang(&headers), None);
        assert_eq!(cookie_lang(&HeaderMap::new()), None);
    }
}
