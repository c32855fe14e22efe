//! A school's audit log: who did what to whom, and when (administrators only).

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::{FrameworkRoles, Permission};
use domain::members::AuditAction;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::moment;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::require;

#[derive(Template)]
#[template(path = "school/audit_log.html")]
pub struct AuditLogView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub entries: Vec<AuditLine>,
}

#[derive(Debug)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let t = Tr(lang);
    let former = t.get("audit-former-member");
    let entries = app
        .store
        .audit_log(working.school().id)
        .await?
        .into_iter()
        .map(|e| {
            // The detail is a version of the school's framework, a permission code or a list
            // of role codes, or a round's name; show it in words.
            let detail = e.detail.as_deref().map_or_else(String::new, |d| {
                if e.action.is_some_and(AuditAction::names_a_version) {
                    t.with("audit-version", "version", d)
                } else if let Ok(p) = Permission::parse(d) {
                    p.name(lang).to_owned()
                } else if let Ok(roles) = FrameworkRoles::parse(d) {
                    let names: Vec<&str> = roles
                        .as_slice()
                        .iter()
                        .map(|r| app.edition.role(*r).name.get(lang))
                        .collect();
                    names.join(", ")
                } else {
                    // A round's name.
                    d.to_owned()
                }
            });
            AuditLine {
                at: moment(e.at, lang),
                actor: e.actor.unwrap_or_else(|| former.clone()),
                action: e
                    .action
                    .map_or_else(String::new, |a| a.describe(lang).to_owned()),
                subject: e.subject.unwrap_or_default(),
                detail,
            }
        })
        .collect();
    let page = Page::AuditLog(short);
    let view = AuditLogView {
        chrome: Chrome::new(lang, &app.edition, Some(&page), t.get("audit-title")).signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        entries,
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}
