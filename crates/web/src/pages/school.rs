//! A school's start page, and the navigation every page of a school shares.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;

use crate::AppState;
use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::pages::{Chrome, NavLink, respond_private};
use crate::routes::{Page, PathLang};
use crate::working::{Working, require};

/// The navigation within a school: its name, a way to switch, and the pages the person's
/// permission opens.
#[derive(Debug)]
pub struct SchoolNav {
    pub school_name: String,
    pub switch_href: Option<String>,
    pub links: Vec<NavLink>,
}

impl SchoolNav {
    pub fn new(working: &Working, lang: Lang, current: &Page) -> SchoolNav {
        let t = Tr(lang);
        let short = &working.school().short_name;
        let mut pages = vec![
            (Page::School(short.clone()), t.get("school-start")),
            (Page::Rounds(short.clone()), t.get("rounds-title")),
            (Page::Tasks(short.clone()), t.get("tasks-title")),
            (Page::Framework(short.clone()), t.get("fw-title")),
        ];
        if working.permission().includes(Permission::Coordinator) {
            pages.push((Page::Members(short.clone()), t.get("members-title")));
        }
        if working.permission() == Permission::Administrator {
            pages.push((Page::SchoolSettings(short.clone()), t.get("settings-title")));
            pages.push((Page::AuditLog(short.clone()), t.get("audit-title")));
        }
        SchoolNav {
            school_name: working.school().name.to_string(),
            switch_href: working
                .has_other_schools()
                .then(|| Page::Schools.path(lang)),
            links: pages
                .into_iter()
                .map(|(page, label)| NavLink {
                    current: &page == current,
                    href: page.path(lang),
                    label,
                })
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "school.html")]
pub struct SchoolView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub permission: String,
    pub roles: String,
    pub account_href: String,
    pub members_href: Option<String>,
}

/// The school's short name from the path (`{school}`).
pub fn school_param(path: Result<Path<String>, PathRejection>) -> String {
    path.map(|Path(s)| s).unwrap_or_default()
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let t = Tr(lang);
    let page = Page::School(short.clone());
    let roles: Vec<&str> = working
        .membership()
        .roles
        .as_slice()
        .iter()
        .map(|r| app.edition.role(*r).name.get(lang))
        .collect();
    let view = SchoolView {
        chrome: Chrome::new(
            lang,
            &app.edition,
            Some(&page),
            working.school().name.to_string(),
        )
        .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        permission: working.permission().name(lang).to_owned(),
        roles: if roles.is_empty() {
            t.get("account-no-roles")
        } else {
            roles.join(", ")
        },
        account_href: Page::Account.path(lang),
        members_href: working
            .permission()
            .includes(Permission::Coordinator)
            .then(|| Page::Members(short.clone()).path(lang)),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}

/// Not found, in the path's language (for a malformed id in a school's address).
pub fn not_found(app: &AppState, lang: Lang) -> Response {
    error_page(app, lang, StatusCode::NOT_FOUND)
}
