//! The school's vision as published: the newest version at `…/visie`, an older one at
//! `…/visie/versies/ID`. Every member reads it, section by section, with beside each linked
//! task what this school year's *wie doet wat* says (who is responsible, who carries it out,
//! the hours) and the LOB hours from the formula against those given; the history of versions
//! and a form to compare two. A version of another school is the same 404 as none.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::plan::written;
use store::{VisionVersion, VisionVersionSummary};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::done_notice;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private};
use crate::vision::shown::{HoursView, SectionView, load_practice, sections};
use crate::working::{Working, require};

/// A version in the history.
#[derive(Debug)]
pub struct HistoryLine {
    pub id: String,
    pub label: String,
    pub summary: String,
    pub href: String,
    /// The version this page shows.
    pub current: bool,
}

#[derive(Template)]
#[template(path = "vision/vision.html")]
pub struct VisionView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    /// "Versie 2, vastgesteld op 6-12-2026 door …", and its summary; `None`: nothing published.
    pub heading: Option<(String, String)>,
    /// When an older version is shown: where the newest is.
    pub newest_href: Option<String>,
    pub sections: Vec<SectionView>,
    pub hours: Option<HoursView>,
    pub hours_href: String,
    pub tasks_href: String,
    pub can_write: bool,
    pub draft_href: String,
    pub work_plans_href: String,
    pub cycle_href: String,
    pub history: Vec<HistoryLine>,
    pub compare_action: String,
    /// The versions to compare, with the older and newer chosen at first.
    pub compare_from: String,
    pub compare_to: String,
    pub pdf_href: String,
    pub docx_href: String,
}

/// A version's line: its number, date and who published it.
pub(crate) fn version_label(v: &VisionVersionSummary, lang: Lang) -> String {
    let t = Tr(lang);
    let by = v
        .published_by
        .clone()
        .unwrap_or_else(|| t.get("plan-former-colleague"));
    t.args(
        "vision-version-label",
        &[
            ("number", &v.number.to_string()),
            ("date", &written(v.published_on, lang)),
            ("by", &by),
        ],
    )
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    page: Page,
    shown: Option<&VisionVersion>,
    history: &[VisionVersionSummary],
) -> Result<VisionView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let (sections, hours) = match shown {
        Some(v) => {
            let practice = load_practice(app, working, lang).await?;
            let sections = sections(
                &v.vision,
                practice.edition(),
                &v.link_texts,
                Some(&practice),
                lang,
            );
            (sections, Some(practice.hours))
        }
        None => (Vec::new(), None),
    };
    let current = shown.map(|v| v.summary.id);
    let id = current.unwrap_or_default();
    let newest = history.first().map(|v| v.id);
    Ok(VisionView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("vision-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        heading: shown.map(|v| {
            (
                version_label(&v.summary, lang),
                v.summary.summary.to_string(),
            )
        }),
        newest_href: newest
            .filter(|n| Some(*n) != current)
            .map(|_| Page::Vision(short.clone()).path(lang)),
        sections,
        hours,
        hours_href: Page::Hours(short.clone()).path(lang),
        tasks_href: Page::Tasks(short.clone()).path(lang),
        can_write: working.permission().includes(Permission::Coordinator),
        draft_href: Page::VisionDraft(short.clone()).path(lang),
        work_plans_href: Page::WorkPlans(short.clone()).path(lang),
        cycle_href: Page::Cycle(short.clone()).path(lang),
        history: history
            .iter()
            .map(|v| HistoryLine {
                id: v.id.to_string(),
                label: version_label(v, lang),
                summary: v.summary.to_string(),
                href: Page::VisionVersion(short.clone(), v.id).path(lang),
                current: Some(v.id) == current,
            })
            .collect(),
        compare_action: Page::VisionCompare(short.clone()).path(lang),
        compare_from: history.get(1).map(|v| v.id.to_string()).unwrap_or_default(),
        compare_to: history
            .first()
            .map(|v| v.id.to_string())
            .unwrap_or_default(),
        pdf_href: Page::VisionDocument(short.clone(), id, DocumentFormat::Pdf).path(lang),
        docx_href: Page::VisionDocument(short, id, DocumentFormat::Docx).path(lang),
        t,
    })
}

/// The newest version (or, before the first, what to do).
pub async fn newest(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let school = working.school().id;
    let history = app.store.vision_versions(school).await?;
    let shown = match history.first() {
        Some(v) => app.store.vision_version(school, v.id).await?,
        None => None,
    };
    let mut view = page(
        &app,
        lang,
        &working,
        Page::Vision(short),
        shown.as_ref(),
        &history,
    )
    .await?;
    view.notice = done_notice(query, lang, &[("vastgesteld", "vision-published")]);
    respond_private(&view, lang, StatusCode::OK)
}

/// One version of the school's vision.
pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let school = working.school().id;
    let shown = match Uuid::parse_str(&id) {
        Ok(id) => app.store.vision_version(school, id).await?,
        Err(_) => None,
    };
    let Some(shown) = shown else {
        return Err(AppError::NotFound(lang));
    };
    let history = app.store.vision_versions(school).await?;
    let view = page(
        &app,
        lang,
        &working,
        Page::VisionVersion(short, shown.summary.id),
        Some(&shown),
        &history,
    )
    .await?;
    respond_private(&view, lang, StatusCode::OK)
}
