//! A team meeting as a document, in the reader's language: the agenda with each topic's time
//! box and questions, and the agreements. PDF to hand out or keep, DOCX to edit. For every
//! member of the school, like the page.

use std::collections::HashMap;

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::account::{Permission, UserId};
use domain::school::slug;
use domain::{Edition, Lang};
use formats::document::doc::{Block, Doc, Section};
use store::Meeting;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, meeting_document_stem};
use crate::state::AppState;
use crate::team::meeting::load;
use crate::team::meetings::{meeting_when, source_name};
use crate::ui::allocation::{member_names, responsible_name};
use crate::ui::dates::{day, today_text};
use crate::ui::frameworks::school_framework;
use crate::ui::respond::{doc_download, document_handlers};
use crate::working::require;

/// The meeting as a document.
/// Names to name a responsible party by: active members' names and the school's edition.
pub(crate) type Names<'a> = (&'a HashMap<UserId, String>, &'a Edition);

pub(crate) fn meeting_doc(
    m: &Meeting,
    school: &str,
    round: Option<&str>,
    (names, edition): Names<'_>,
    lang: Lang,
) -> Doc {
    let t = Tr(lang);
    let when = meeting_when(m.planned_on, m.created_at, lang);
    let total: u32 = m.topics.iter().map(|topic| topic.minutes).sum();
    let mut sections: Vec<Section> = m
        .topics
        .iter()
        .enumerate()
        .map(|(i, topic)| Section {
            heading: format!(
                "{}. {} ({})",
                i + 1,
                topic.title,
                t.with("conv-minutes-short", "minutes", topic.minutes)
            ),
            level: 1,
            blocks: vec![
                Block::Note {
                    text: source_name(topic.source, lang),
                },
                Block::Note {
                    text: t.get("conv-questions"),
                },
                Block::Bullets {
                    items: topic.source.questions(lang).map(str::to_owned).to_vec(),
                    empty: String::new(),
                },
            ],
        })
        .collect();
    sections.push(Section {
        heading: t.get("meeting-agreements"),
        level: 1,
        blocks: vec![Block::Bullets {
            items: m
                .agreements
                .iter()
                .map(|a| {
                    let by = a
                        .author
                        .clone()
                        .unwrap_or_else(|| t.get("plan-former-colleague"));
                    let task = match &a.task {
                        Some(code) => {
                            let party =
                                responsible_name(a.responsible.as_ref(), names, lang, edition);
                            format!(
                                " — {}",
                                t.args(
                                    "meeting-agreement-task",
                                    &[("task", code.as_str()), ("party", &party)]
                                )
                            )
                        }
                        None => String::new(),
                    };
                    format!("{}{task} ({by}, {})", a.text, day(a.at, lang))
                })
                .collect(),
            empty: t.get("meeting-no-agreements"),
        }],
    });
    let mut subtitle = format!("{school} · {when}");
    if let Some(round) = round {
        subtitle = format!("{subtitle} · {round}");
    }
    Doc {
        lang: lang.code().to_owned(),
        title: t.with("meeting-document-title", "minutes", total),
        subtitle,
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: t.get("meeting-document-intro"),
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
    let Some(m) = load(app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let round = match m.round {
        Some(r) => app
            .store
            .round(working.school().id, r)
            .await?
            .map(|r| r.name.to_string()),
        None => None,
    };
    let names = member_names(app, working.school().id).await?;
    let edition = school_framework(app, working.school().id).await?.current;
    let doc = meeting_doc(
        &m,
        &working.school().name.to_string(),
        round.as_deref(),
        (&names, &edition),
        lang,
    );
    let when = meeting_when(m.planned_on, m.created_at, lang);
    let name = format!("{}-{}", meeting_document_stem(lang), slug(&when, 30));
    doc_download(doc, format, &name).await
}

document_handlers!(pdf, docx => download, (String, String));
