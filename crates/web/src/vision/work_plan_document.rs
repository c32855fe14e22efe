//! A work plan as a document, in the reader's language: per goal its facts and the team's
//! activities with owner and date. For every member of the school, like the page.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::school::slug;
use formats::document::doc::{Block, Doc, Section};
use store::{VisionVersion, WorkPlan};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, work_plan_document_stem};
use crate::state::AppState;
use crate::ui::dates::today_text;
use crate::ui::respond::{doc_download, document_handlers};
use crate::vision::version::version_label;
use crate::vision::work_plan::{load, planned_goals};
use crate::working::require;

pub(crate) fn work_plan_doc(
    (plan, version): &(WorkPlan, VisionVersion),
    school: &str,
    lang: Lang,
) -> Doc {
    let t = Tr(lang);
    let sections = planned_goals(plan, version, lang)
        .into_iter()
        .map(|g| {
            let facts = Block::Facts {
                rows: vec![
                    (t.get("vision-indicator"), g.goal.indicator),
                    (t.get("vision-target"), g.goal.target),
                    (t.get("vision-owner"), g.goal.owner),
                    (t.get("vision-evaluate-on"), g.goal.evaluate_on),
                ],
            };
            let activities = Block::Bullets {
                items: g
                    .activities
                    .into_iter()
                    .map(|a| match a.due {
                        Some(due) => format!(
                            "{} — {}, {}",
                            a.text,
                            a.owner,
                            t.with("workplan-due", "date", due)
                        ),
                        None => format!("{} — {}", a.text, a.owner),
                    })
                    .collect(),
                empty: t.get("workplan-no-activities"),
            };
            Section {
                heading: g.goal.goal,
                level: 1,
                blocks: vec![
                    facts,
                    Block::Note {
                        text: t.get("workplan-activities"),
                    },
                    activities,
                ],
            }
        })
        .collect();
    Doc {
        lang: lang.code().to_owned(),
        title: t.args(
            "workplan-document-title",
            &[
                ("title", plan.title.as_str()),
                ("year", &plan.year.to_string()),
            ],
        ),
        subtitle: format!("{school} · {}", version_label(&version.summary, lang)),
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: t.get("workplan-document-intro"),
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
    let Some(loaded) = load(app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let doc = work_plan_doc(&loaded, &working.school().name.to_string(), lang);
    let name = format!(
        "{}-{}-{}",
        work_plan_document_stem(lang),
        slug(loaded.0.title.as_str(), 30),
        loaded.0.year
    );
    doc_download(doc, format, &name).await
}

document_handlers!(pdf, docx => download, (String, String));
