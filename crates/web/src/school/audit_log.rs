//! A school's audit log: who did what to whom, and when, on a Dutch clock (administrators
//! only). It can be filtered by the part of the work and by a person's name, and the same
//! selection downloads as CSV.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::{FrameworkRoles, Permission};
use domain::allocation::{Outside, Part};
use domain::members::{AuditDetail, AuditGroup, read_agreement_detail};
use domain::{Lang, Role};
use store::AuditEntry;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::moment;
use crate::ui::paging::{PAGE_PARAM, Paging, encode};
use crate::ui::respond::download;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::require;

/// How many entries one page of the log shows (the CSV holds them all).
const ENTRIES_PER_PAGE: usize = 100;

#[derive(Template)]
#[template(path = "school/audit_log.html")]
pub struct AuditLogView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    /// The entries on this page of the log, after the filter.
    pub entries: Vec<AuditLine>,
    pub paging: Paging,
    /// The log has entries, though maybe none that the filter lets through.
    pub any: bool,
    pub action: String,
    /// `(code, name, chosen)` for every group, for the filter's list.
    pub groups: Vec<(&'static str, &'static str, bool)>,
    pub who: String,
    pub csv_href: String,
}

#[derive(Debug)]
pub struct AuditLine {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// What the log is filtered by: a group of actions and (part of) a person's name.
#[derive(Debug, Default)]
struct Filter {
    group: Option<AuditGroup>,
    who: String,
}

impl Filter {
    fn of(query: Result<Query<HashMap<String, String>>, QueryRejection>) -> Filter {
        let Ok(Query(q)) = query else {
            return Filter::default();
        };
        Filter {
            group: q.get("wat").and_then(|g| AuditGroup::parse(g)),
            who: q
                .get("wie")
                .map(|w| w.trim().to_owned())
                .unwrap_or_default(),
        }
    }

    /// The filter as a query string (`?wat=leden&wie=fatima`), empty when it lets all through.
    fn query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(group) = self.group {
            parts.push(format!("wat={}", group.code()));
        }
        if !self.who.is_empty() {
            parts.push(format!("wie={}", encode(&self.who)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    fn lets_through(&self, entry: &AuditLine, group: Option<AuditGroup>) -> bool {
        let who = self.who.to_lowercase();
        self.group.is_none_or(|g| group == Some(g))
            && (who.is_empty()
                || entry.actor.to_lowercase().contains(&who)
                || entry.subject.to_lowercase().contains(&who))
    }
}

/// An entry's detail in words: a version, a permission, roles, an agreement, or the text
/// (a round's name, a task's code) as it is.
fn detail_text(app: &AppState, lang: Lang, entry: &AuditEntry) -> String {
    let t = Tr(lang);
    let Some(d) = entry.detail.as_deref() else {
        return String::new();
    };
    let edition = app.edition();
    let role_name = |code: &str| Role::from_code(code).map(|r| edition.role(r).name.get(lang));
    match entry.action.map(|a| a.detail()) {
        Some(AuditDetail::Version) => t.with("audit-version", "version", d),
        Some(AuditDetail::Permission) => {
            Permission::parse(d).map_or_else(|_| d.to_owned(), |p| p.name(lang).to_owned())
        }
        Some(AuditDetail::Roles) => FrameworkRoles::parse(d).map_or_else(
            |_| d.to_owned(),
            |roles| {
                let names: Vec<&str> = roles
                    .as_slice()
                    .iter()
                    .map(|r| edition.role(*r).name.get(lang))
                    .collect();
                names.join(", ")
            },
        ),
        Some(AuditDetail::Agreement) => match read_agreement_detail(d) {
            Some((code, part, kind, party)) => {
                let part = Part::from_key(part).map_or(part, |p| p.name(lang));
                let party = match kind {
                    "role" => role_name(party).unwrap_or(party).to_owned(),
                    "outside" => Outside::from_key(party)
                        .map_or(party, |o| o.name(lang))
                        .to_owned(),
                    "person" => t.get("audit-party-person"),
                    _ => party.to_owned(),
                };
                format!("{code} · {party} · {part}")
            }
            None => d.to_owned(),
        },
        _ => d.to_owned(),
    }
}

/// The school's log, newest first as the store gives it, with each entry's group, filtered.
async fn lines(
    app: &AppState,
    lang: Lang,
    school: domain::school::SchoolId,
    filter: &Filter,
) -> Result<(bool, Vec<AuditLine>), AppError> {
    let t = Tr(lang);
    let former = t.get("audit-former-member");
    let log = app.store.audit_log(school).await?;
    let any = !log.is_empty();
    let lines = log
        .into_iter()
        .filter_map(|e| {
            let detail = detail_text(app, lang, &e);
            let group = e.action.map(|a| a.group());
            let line = AuditLine {
                at: moment(e.at, lang),
                actor: e.actor.unwrap_or_else(|| former.clone()),
                action: e
                    .action
                    .map_or_else(String::new, |a| a.describe(lang).to_owned()),
                subject: e.subject.unwrap_or_default(),
                detail,
            };
            filter.lets_through(&line, group).then_some(line)
        })
        .collect();
    Ok((any, lines))
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let t = Tr(lang);
    let asked = query
        .as_ref()
        .ok()
        .and_then(|Query(q)| q.get(PAGE_PARAM).cloned());
    let filter = Filter::of(query);
    let (any, mut entries) = lines(&app, lang, working.school().id, &filter).await?;
    let page = Page::AuditLog(short.clone());
    let filtered = filter.query();
    let paging = Paging::of(entries.len(), ENTRIES_PER_PAGE, asked.as_deref(), |n| {
        let glue = if filtered.is_empty() { '?' } else { '&' };
        format!("{}{filtered}{glue}{PAGE_PARAM}={n}", page.path(lang))
    });
    entries.truncate(paging.last);
    entries.drain(..paging.range().start);
    let view = AuditLogView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("audit-title")).signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        entries,
        paging,
        any,
        action: page.path(lang),
        groups: AuditGroup::ALL
            .into_iter()
            .map(|g| (g.code(), g.name(lang), filter.group == Some(g)))
            .collect(),
        csv_href: format!("{}{}", Page::AuditLogCsv(short).path(lang), filter.query()),
        who: filter.who,
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}

/// The log as CSV for a spreadsheet, with the same filter as the page.
pub async fn csv(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let t = Tr(lang);
    let filter = Filter::of(query);
    let (_, entries) = lines(&app, lang, working.school().id, &filter).await?;
    let header = [
        "audit-when",
        "audit-who",
        "audit-what",
        "audit-whom",
        "audit-detail",
    ]
    .into_iter()
    .map(|key| t.get(key))
    .collect();
    let rows = std::iter::once(header).chain(
        entries
            .into_iter()
            .map(|e| vec![e.at, e.actor, e.action, e.subject, e.detail]),
    );
    let name = format!(
        "raamwerk-{}-{}.csv",
        working.school().short_name,
        crate::routes::audit_log_segment(lang)
    );
    Ok(download(
        formats::sheet::csv_of_rows(rows),
        "text/csv; charset=utf-8",
        &name,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(actor: &str, subject: &str) -> AuditLine {
        AuditLine {
            at: String::new(),
            actor: actor.to_owned(),
            action: String::new(),
            subject: subject.to_owned(),
            detail: String::new(),
        }
    }

    #[test]
    fn the_filter_matches_group_and_either_name() {
        let filter = Filter {
            group: Some(AuditGroup::Members),
            who: "fatima".to_owned(),
        };
        let members = Some(AuditGroup::Members);
        assert!(filter.lets_through(&line("Fatima El Amrani", ""), members));
        assert!(filter.lets_through(&line("Jelle", "Fatima El Amrani"), members));
        assert!(!filter.lets_through(&line("Jelle", "Mark"), members));
        assert!(!filter.lets_through(&line("Fatima", ""), Some(AuditGroup::Rounds)));
        assert!(Filter::default().lets_through(&line("", ""), None));
        assert_eq!(filter.query(), "?wat=leden&wie=fatima");
    }
}
