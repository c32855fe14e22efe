//! A published version of the vision as a document, in the reader's language: each section's
//! text, the statements it links to (in the words they had when it was published) and its
//! goals. PDF for the school leadership and the participation council (MR), DOCX to edit on.
//! For every member of the school, like the page.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::vision::Section;
use formats::document::doc::{Block, Doc, Section as DocSection};
use store::VisionVersion;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, vision_document_stem};
use crate::state::AppState;
use crate::ui::dates::today_text;
use crate::ui::respond::{doc_download, document_handlers};
use crate::vision::shown::goal_view;
use crate::vision::version::version_label;
use crate::working::require;

/// The version as a document.
pub(crate) fn vision_doc(v: &VisionVersion, school: &str, lang: Lang) -> Doc {
    let t = Tr(lang);
    let sections = Section::ALL
        .into_iter()
        .map(|section| {
            let text = v.vision.section(section);
            let mut blocks: Vec<Block> = text
                .body
                .paragraphs()
                .into_iter()
                .map(|text| Block::Text { text })
                .collect();
            if blocks.is_empty() {
                blocks.push(Block::Note {
                    text: t.get("vision-section-empty"),
                });
            }
            if !text.links.is_empty() {
                blocks.push(Block::Note {
                    text: t.get("vision-links"),
                });
                blocks.push(Block::Bullets {
                    items: text
                        .links
                        .iter()
                        .map(|code| match v.link_texts.get(code) {
                            Some(words) => format!("{code} {}", words.shown(lang)),
                            None => code.to_string(),
                        })
                        .collect(),
                    empty: String::new(),
                });
            }
            for goal in v.vision.goals_of(section) {
                let g = goal_view(goal, lang);
                blocks.push(Block::Facts {
                    rows: vec![
                        (t.get("vision-goal"), g.goal),
                        (t.get("vision-indicator"), g.indicator),
                        (t.get("vision-target"), g.target),
                        (t.get("vision-owner"), g.owner),
                        (t.get("vision-evaluate-on"), g.evaluate_on),
                    ],
                });
            }
            DocSection {
                heading: section.name(lang).to_owned(),
                level: 1,
                blocks,
            }
        })
        .collect();
    Doc {
        lang: lang.code().to_owned(),
        title: t.with("vision-document-title", "school", school),
        subtitle: version_label(&v.summary, lang),
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: v.summary.summary.to_string(),
        sections,
    }
}

async fn download(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let version = match Uuid::parse_str(&id) {
        Ok(id) => app.store.vision_version(working.school().id, id).await?,
        Err(_) => None,
    };
    let Some(v) = version else {
        return Err(AppError::NotFound(lang));
    };
    let doc = vision_doc(&v, &working.school().name.to_string(), lang);
    let name = format!("{}-{}", vision_document_stem(lang), v.summary.number);
    doc_download(doc, format, &name).await
}

document_handlers!(pdf, docx => download, (String, String));
