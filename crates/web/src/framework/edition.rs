//! One edition a school may see (one of its own, or a national one): read it, download it
//! in any exchange format, compare two, and publish one's own openly or stop doing so.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::{Area, Edition, EditionId, Kind, Lang, Role, diff};
use formats::exchange::Exchange;
use store::DraftFailure;
use uuid::Uuid;

use crate::error::AppError;
use crate::framework::own::{
    ChangeLine, FormatLink, change_line, compare_from, compare_to, downloads, summary,
};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::school_nav::{SchoolNav, not_found};
use crate::ui::{Chrome, StatementView, respond_private, see_other};
use crate::working::{Working, require};

/// The statements of one role in one area.
#[derive(Debug)]
pub struct AreaBlock {
    pub heading: String,
    pub tasks: Vec<StatementView>,
    pub expertise: Vec<StatementView>,
}

/// An edition's statements by role and area, as pages show them.
pub(crate) fn blocks(edition: &Edition, lang: Lang) -> Vec<AreaBlock> {
    let mut out = Vec::new();
    for role in Role::ALL {
        for area in Area::ALL {
            let of = |kind| {
                edition
                    .statements_in(role, area, kind)
                    .map(|s| StatementView::new(s, edition, lang))
                    .collect::<Vec<_>>()
            };
            out.push(AreaBlock {
                heading: format!(
                    "{} · {}",
                    edition.role(role).name.get(lang),
                    edition.area(area).name.get(lang)
                ),
                tasks: of(Kind::Task),
                expertise: of(Kind::Expertise),
            });
        }
    }
    out
}

#[derive(Template)]
#[template(path = "framework/edition.html")]
pub struct EditionView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub title: String,
    pub version: String,
    pub date: String,
    pub description: String,
    pub attribution: String,
    pub back_href: String,
    pub downloads: Vec<FormatLink>,
    pub blocks: Vec<AreaBlock>,
}

/// The edition an id in a path names, if the school may see it.
async fn edition_of(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<Edition>, AppError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    Ok(app
        .store
        .school_edition(working.school().id, EditionId(id))
        .await?)
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some(edition) = edition_of(&app, &working, &id).await? else {
        return Ok(not_found(&app, lang));
    };
    let t = Tr(lang);
    let page = Page::FrameworkEdition(short.clone(), edition.id());
    let meta = edition.meta();
    let view = EditionView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            meta.title.get(lang).to_owned(),
        )
        .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        title: meta.title.get(lang).to_owned(),
        version: meta.version.clone(),
        date: crate::ui::dates::date_text(meta.date, lang),
        description: meta.description.shown(lang).to_owned(),
        attribution: meta.attribution.get(lang).to_owned(),
        back_href: Page::Framework(short.clone()).path(lang),
        downloads: downloads(&short, edition.id(), lang),
        blocks: blocks(&edition, lang),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}

/// An edition as a file. The address names the format: `…/bestand.xlsx`.
pub async fn export(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id, format) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some(format) = Exchange::from_name(&format) else {
        return Ok(not_found(&app, lang));
    };
    let Some(edition) = edition_of(&app, &working, &id).await? else {
        return Ok(not_found(&app, lang));
    };
    crate::ui::respond::edition_file(
        &edition,
        format,
        lang,
        domain::framework::draft::is_school_lineage(&edition.meta().identifier)
            .then_some(working.school().short_name.as_str()),
    )
}

#[derive(Template)]
#[template(path = "framework/compare.html")]
pub struct CompareView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub intro: String,
    pub summary: String,
    pub changes: Vec<ChangeLine>,
    pub back_href: String,
}

fn label(edition: &Edition, lang: Lang) -> String {
    let t = Tr(lang);
    let key = if edition.meta().is_derived() {
        "fw-own-version"
    } else {
        "fw-national-version"
    };
    t.with(key, "version", &edition.meta().version)
}

/// What changed from one edition to another (`?van=ID&naar=ID`).
pub async fn compare(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let param = |name: &str| query.get(name).cloned().unwrap_or_default();
    let (Some(from), Some(to)) = (
        edition_of(&app, &working, &param(compare_from(lang))).await?,
        edition_of(&app, &working, &param(compare_to(lang))).await?,
    ) else {
        return Ok(not_found(&app, lang));
    };
    let t = Tr(lang);
    let page = Page::FrameworkCompare(short.clone());
    let changes = diff(from.statements(), to.statements());
    let view = CompareView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("fw-compare-heading"),
        )
        .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        intro: t.args(
            "fw-compare-intro",
            &[
                ("from", label(&from, lang).as_str()),
                ("to", label(&to, lang).as_str()),
            ],
        ),
        summary: summary(&changes, lang),
        changes: changes.iter().map(|c| change_line(&to, c, lang)).collect(),
        back_href: Page::Framework(short).path(lang),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct OpenForm {
    #[serde(default)]
    open: String,
}

/// Publishes one of the school's editions openly (CASE), or stops doing so.
pub async fn set_open(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<OpenForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Ok(id) = Uuid::parse_str(&id) else {
        return Ok(not_found(&app, lang));
    };
    let open = form.map(|Form(f)| f.open == "1").unwrap_or(false);
    match app
        .store
        .set_edition_open(working.school().id, working.user().id, EditionId(id), open)
        .await
    {
        Ok(true) => Ok(see_other(&Page::Framework(short).path(lang))),
        Ok(false) => Ok(not_found(&app, lang)),
        Err(DraftFailure::Refused(_)) => {
            Ok(crate::error::error_page(&app, lang, StatusCode::FORBIDDEN))
        }
        Err(DraftFailure::Store(e)) => Err(e.into()),
    }
}
