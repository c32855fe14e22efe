//! The school's own framework: the edition the school works with, what it published before,
//! its draft, and news from a newer national edition. Every member reads it; coordinators
//! and administrators change it.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::{Aspect, Edition, EditionId, Lang, Statement, StatementChange, diff, tally};
use formats::exchange::Exchange;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::frameworks::{newest_national, school_framework};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

/// The formats a school can import, with their names.
pub(crate) fn import_formats(lang: Lang) -> Vec<(&'static str, String)> {
    let t = Tr(lang);
    Exchange::ALL
        .into_iter()
        .filter(|f| f.readable())
        .map(|f| (f.name(), t.get(&format!("fw-format-{}", f.name()))))
        .collect()
}

/// "Begeleider · Visie en beleid · taak": where a statement stands, in words.
pub(crate) fn place(edition: &Edition, s: &Statement, lang: Lang) -> String {
    place_of(edition, s.role, s.area, s.kind, lang)
}

/// "Begeleider · Visie en beleid · taak" for a role, an area and a kind.
pub(crate) fn place_of(
    edition: &Edition,
    role: domain::Role,
    area: domain::Area,
    kind: domain::Kind,
    lang: Lang,
) -> String {
    let t = Tr(lang);
    format!(
        "{} · {} · {}",
        edition.role(role).name.get(lang),
        edition.area(area).name.get(lang),
        t.get(match kind {
            domain::Kind::Task => "fw-kind-task",
            domain::Kind::Expertise => "fw-kind-expertise",
        })
    )
}

/// One change, as the pages list it.
#[derive(Debug)]
pub struct ChangeLine {
    pub code: String,
    pub place: String,
    /// The ways it changed, in words.
    pub what: String,
    pub before: Option<String>,
    pub after: Option<String>,
    /// For a moved statement: where it was.
    pub moved_from: Option<String>,
    /// For a change of depth: the depth before and after, in a sentence.
    pub depth: Option<String>,
    pub removed: bool,
    pub added: bool,
}

pub(crate) fn aspect_word(aspect: Aspect, lang: Lang) -> String {
    Tr(lang).get(&format!("fw-aspect-{}", aspect.name()))
}

pub(crate) fn change_line(edition: &Edition, change: &StatementChange, lang: Lang) -> ChangeLine {
    let s = change.statement();
    let text = |s: &Option<Statement>| s.as_ref().map(|s| s.text.shown(lang).to_owned());
    let reworded = change.has(Aspect::Reworded);
    ChangeLine {
        code: change.code.to_string(),
        place: place(edition, s, lang),
        what: change
            .aspects
            .iter()
            .map(|a| aspect_word(*a, lang))
            .collect::<Vec<_>>()
            .join(", "),
        before: if reworded || change.has(Aspect::Removed) {
            text(&change.before)
        } else {
            None
        },
        after: text(&change.after),
        moved_from: change
            .has(Aspect::Moved)
            .then(|| change.before.as_ref().map(|b| place(edition, b, lang)))
            .flatten(),
        depth: change.has(Aspect::Depth).then(|| {
            let t = Tr(lang);
            let word = |s: &Option<Statement>| {
                s.as_ref().and_then(|s| s.depth).map_or_else(
                    || t.get("fw-depth-none"),
                    |d| t.get(&format!("depth-{}", d.level())),
                )
            };
            t.args(
                "fw-depth-change",
                &[
                    ("before", &word(&change.before)),
                    ("after", &word(&change.after)),
                ],
            )
        }),
        removed: change.has(Aspect::Removed),
        added: change.has(Aspect::Added),
    }
}

/// "3 toegevoegd, 1 verborgen …": a one-line summary of changes.
pub(crate) fn summary(changes: &[StatementChange], lang: Lang) -> String {
    let t = Tr(lang);
    let parts: Vec<String> = tally(changes)
        .into_iter()
        .map(|(aspect, n)| format!("{n} {}", aspect_word(aspect, lang)))
        .collect();
    if parts.is_empty() {
        t.get("fw-no-changes")
    } else {
        parts.join(", ")
    }
}

#[derive(Debug)]
pub struct HistoryLine {
    pub version: String,
    pub date: String,
    pub by: String,
    pub summary: String,
    pub href: String,
    pub open: bool,
    pub open_action: String,
    pub compare_href: Option<String>,
    /// Read from a file rather than published from the draft.
    pub imported: bool,
}

#[derive(Debug)]
pub struct FormatLink {
    pub href: String,
    pub label: String,
}

#[derive(Template)]
#[template(path = "framework/own.html")]
pub struct FrameworkView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    /// What just happened (published, draft discarded), said where the person looks.
    pub notice: Option<String>,
    pub title: String,
    pub version: String,
    pub own: bool,
    pub statements: String,
    pub current_href: String,
    pub downloads: Vec<FormatLink>,
    pub history: Vec<HistoryLine>,
    pub can_change: bool,
    pub draft_href: String,
    /// A draft exists: a summary of its changes.
    pub draft: Option<String>,
    /// A newer national edition exists: its version.
    pub national_news: Option<String>,
    pub national_href: String,
    pub compare_action: String,
    /// Every edition the school can compare: (id, label).
    pub choices: Vec<(String, String)>,
    pub from_name: &'static str,
    pub to_name: &'static str,
    pub import_action: String,
    pub formats: Vec<(&'static str, String)>,
}

/// The download links of an edition.
pub(crate) fn downloads(short: &str, id: EditionId, lang: Lang) -> Vec<FormatLink> {
    let t = Tr(lang);
    Exchange::ALL
        .into_iter()
        .map(|f| FormatLink {
            href: Page::FrameworkExport(short.to_owned(), id, f.name()).path(lang),
            label: t.get(&format!("fw-format-{}", f.name())),
        })
        .collect()
}

pub(crate) async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
) -> Result<FrameworkView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let short = school.short_name.clone();
    let page = Page::Framework(short.clone());
    let framework = school_framework(app, school.id).await?;
    let draft = app.store.draft(school.id).await?;
    // Colleagues see nothing of a draft until it is published.
    let can_change = working.permission().includes(Permission::Coordinator);
    let draft_summary = match draft.as_ref().filter(|_| can_change) {
        Some(d) => {
            let from = app
                .store
                .edition(d.from)
                .await?
                .unwrap_or_else(|| framework.current.clone());
            let changes = diff(
                from.statements(),
                &domain::framework::draft::visible(&d.statements),
            );
            Some(summary(&changes, lang))
        }
        None => None,
    };
    let national = newest_national(app).await?;
    let based_on = draft.as_ref().map_or(framework.based_on, |d| d.based_on);
    let national_news = (national.id() != based_on).then(|| national.meta().version.clone());
    let history = framework
        .editions
        .iter()
        .enumerate()
        .map(|(i, e)| HistoryLine {
            version: e.version.clone(),
            date: domain::framework::Date::parse(&e.published_on).map_or_else(
                || e.published_on.clone(),
                |d| crate::ui::dates::date_text(d, lang),
            ),
            by: e.published_by.clone(),
            imported: e.imported,
            summary: e.summary.clone(),
            href: Page::FrameworkEdition(short.clone(), e.id).path(lang),
            open: e.public,
            open_action: Page::FrameworkOpen(short.clone(), e.id).path(lang),
            compare_href: framework.editions.get(i + 1).map(|older| {
                format!(
                    "{}?{}={}&{}={}",
                    Page::FrameworkCompare(short.clone()).path(lang),
                    compare_from(lang),
                    older.id,
                    compare_to(lang),
                    e.id
                )
            }),
        })
        .collect();
    let mut choices: Vec<(String, String)> = framework
        .editions
        .iter()
        .map(|e| {
            (
                e.id.to_string(),
                t.with("fw-own-version", "version", &e.version),
            )
        })
        .collect();
    for national in app.store.editions().await? {
        choices.push((
            national.id.to_string(),
            t.with("fw-national-version", "version", &national.version),
        ));
    }
    let meta = framework.current.meta();
    Ok(FrameworkView {
        notice: None,
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("fw-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        title: meta.title.get(lang).to_owned(),
        version: meta.version.clone(),
        own: framework.own().is_some(),
        statements: t.count("statements-count", framework.current.statements().len()),
        current_href: Page::FrameworkEdition(short.clone(), framework.current.id()).path(lang),
        downloads: downloads(&short, framework.current.id(), lang),
        history,
        can_change,
        draft_href: Page::Draft(short.clone()).path(lang),
        draft: draft_summary,
        national_news,
        national_href: Page::NationalUpdate(short.clone()).path(lang),
        compare_action: Page::FrameworkCompare(short.clone()).path(lang),
        choices,
        from_name: compare_from(lang),
        to_name: compare_to(lang),
        import_action: Page::FrameworkImport(short).path(lang),
        formats: import_formats(lang),
        t,
    })
}

/// The query parameters of the comparison page, in the page's language.
pub(crate) fn compare_from(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "van",
        Lang::En => "from",
    }
}

pub(crate) fn compare_to(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "naar",
        Lang::En => "to",
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let mut page = view(&app, lang, &working).await?;
    let t = Tr(lang);
    page.notice = match query
        .ok()
        .and_then(|Query(q)| q.get("klaar").cloned())
        .as_deref()
    {
        Some("gepubliceerd") => {
            Some(t.with("fw-published-notice", "version", page.version.as_str()))
        }
        Some("weggegooid") => Some(t.get("fw-discarded-notice")),
        _ => None,
    };
    respond_private(&page, lang, StatusCode::OK)
}
