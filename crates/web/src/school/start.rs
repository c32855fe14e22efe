//! A school's start page: the person's permission and roles, and where to go.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::require;

#[derive(Template)]
#[template(path = "school/start.html")]
pub struct SchoolView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub permission: String,
    pub roles: String,
    pub account_href: String,
    pub members_href: Option<String>,
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
