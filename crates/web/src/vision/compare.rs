//! Two published versions of the vision side by side (`?van=ID&naar=ID`): per section the
//! paragraphs added and removed, the statements linked and unlinked, the goals new and gone.
//! Every member may compare; a version of another school is the same 404 as none.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::vision::{Paragraph, compare};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private};
use crate::vision::shown::{GoalView, goal_view};
use crate::vision::version::version_label;
use crate::working::require;

/// A paragraph with how it changed: `same`, `added` or `removed`.
#[derive(Debug)]
pub struct ParagraphView {
    pub how: &'static str,
    pub text: String,
}

#[derive(Debug)]
pub struct ChangeView {
    pub name: &'static str,
    pub code: &'static str,
    pub paragraphs: Vec<ParagraphView>,
    pub links_added: Vec<String>,
    pub links_removed: Vec<String>,
    pub goals_added: Vec<GoalView>,
    pub goals_removed: Vec<GoalView>,
}

#[derive(Template)]
#[template(path = "vision/compare.html")]
pub struct CompareView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub vision_href: String,
    /// Which versions, in words.
    pub intro: String,
    pub changes: Vec<ChangeView>,
    /// Sections without any change, by name.
    pub unchanged: Vec<&'static str>,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let school = working.school().id;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let id = |key: &str| query.get(key).and_then(|v| Uuid::parse_str(v.trim()).ok());
    let (Some(from), Some(to)) = (id("van"), id("naar")) else {
        return Err(AppError::NotFound(lang));
    };
    let (Some(old), Some(new)) = (
        app.store.vision_version(school, from).await?,
        app.store.vision_version(school, to).await?,
    ) else {
        return Err(AppError::NotFound(lang));
    };
    // The older one first, whichever way round they were chosen.
    let (old, new) = if old.summary.number <= new.summary.number {
        (old, new)
    } else {
        (new, old)
    };
    let words = |code: &domain::Code, v: &store::VisionVersion| {
        let text = v
            .link_texts
            .get(code)
            .map(|t| t.shown(lang).to_owned())
            .unwrap_or_default();
        format!("{code} {text}")
    };
    let mut changes = Vec::new();
    let mut unchanged = Vec::new();
    for c in compare(&old.vision, &new.vision) {
        if !c.changed() {
            unchanged.push(c.section.name(lang));
            continue;
        }
        changes.push(ChangeView {
            name: c.section.name(lang),
            code: c.section.code(),
            paragraphs: c
                .paragraphs
                .into_iter()
                .map(|p| match p {
                    Paragraph::Same(text) => ParagraphView { how: "same", text },
                    Paragraph::Added(text) => ParagraphView { how: "added", text },
                    Paragraph::Removed(text) => ParagraphView {
                        how: "removed",
                        text,
                    },
                })
                .collect(),
            links_added: c.links_added.iter().map(|l| words(l, &new)).collect(),
            links_removed: c.links_removed.iter().map(|l| words(l, &old)).collect(),
            goals_added: c.goals_added.iter().map(|g| goal_view(g, lang)).collect(),
            goals_removed: c.goals_removed.iter().map(|g| goal_view(g, lang)).collect(),
        });
    }
    let t = Tr(lang);
    let page = Page::VisionCompare(short.clone());
    let view = CompareView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("vision-compare-title"),
        )
        .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        vision_href: Page::Vision(short).path(lang),
        intro: t.args(
            "vision-compare-intro",
            &[
                ("from", &version_label(&old.summary, lang)),
                ("to", &version_label(&new.summary, lang)),
            ],
        ),
        changes,
        unchanged,
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}
