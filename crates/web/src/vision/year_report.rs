//! The year report (*jaarverslag*) of a school year's cycle, for the school leadership and the
//! participation council (MR), in the reader's language: the vision in force, each goal with
//! its evaluation, the work plans, who does what and the LOB hours, the scan rounds, and what
//! the cycle asked and what of it was done. PDF and DOCX, for every member (`?jaar=`).

use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::cycle::due;
use formats::document::doc::{Block, Doc, Section};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, PathLang, year_report_stem};
use crate::state::AppState;
use crate::ui::allocation::hours_totals;
use crate::ui::dates::{period_text, today_text, year_of};
use crate::ui::respond::doc_download;
use crate::ui::year::{Year, load as load_year};
use crate::vision::version::version_label;
use crate::working::require;

/// The report as a document; `hours` is the formula's and the given hours, in words.
pub(crate) fn year_report(data: &Year, school: &str, hours: (String, String), lang: Lang) -> Doc {
    let t = Tr(lang);
    let mut sections = Vec::new();
    let vision = match &data.version {
        Some(v) => vec![
            Block::Text {
                text: version_label(&v.summary, lang),
            },
            Block::Note {
                text: v.summary.summary.to_string(),
            },
        ],
        None => vec![Block::Note {
            text: t.get("vision-none"),
        }],
    };
    sections.push(Section {
        heading: t.get("vision-title"),
        level: 1,
        blocks: vision,
    });
    let mut goals = Vec::new();
    if let Some(v) = &data.version {
        for (goal, id) in v.vision.goals.iter().zip(&v.goal_ids) {
            let evaluation = data.evaluations.iter().find(|e| e.goal == *id);
            let mut rows = vec![
                (t.get("vision-indicator"), goal.indicator.to_string()),
                (t.get("vision-target"), goal.target.to_string()),
                (t.get("vision-owner"), goal.owner.to_string()),
            ];
            match evaluation {
                Some(e) => {
                    rows.push((t.get("cycle-result"), e.evaluation.result.to_string()));
                    rows.push((
                        t.get("cycle-went-well"),
                        e.evaluation.went_well.as_str().to_owned(),
                    ));
                    rows.push((
                        t.get("cycle-adjust"),
                        e.evaluation.adjust.as_str().to_owned(),
                    ));
                }
                None => rows.push((t.get("cycle-result"), t.get("cycle-not-evaluated"))),
            }
            goals.push(Section {
                heading: goal.goal.to_string(),
                level: 2,
                blocks: vec![Block::Facts { rows }],
            });
        }
    }
    sections.push(Section {
        heading: t.get("cycle-evaluation"),
        level: 1,
        blocks: if goals.is_empty() {
            vec![Block::Note {
                text: t.get("workplan-version-no-goals"),
            }]
        } else {
            Vec::new()
        },
    });
    sections.extend(goals);
    sections.push(Section {
        heading: t.get("workplan-title"),
        level: 1,
        blocks: vec![Block::Bullets {
            items: data
                .plans
                .iter()
                .map(|p| {
                    format!(
                        "{}: {}",
                        p.title,
                        t.args(
                            "workplan-counts",
                            &[
                                ("goals", &p.goals.to_string()),
                                ("activities", &p.activities.to_string()),
                                ("version", &p.version.to_string()),
                            ],
                        )
                    )
                })
                .collect(),
            empty: t.get("workplan-none"),
        }],
    });
    sections.push(Section {
        heading: t.get("cycle-practice"),
        level: 1,
        blocks: vec![Block::Facts {
            rows: vec![
                (t.get("vision-hours-formula"), hours.0),
                (t.get("vision-hours-allocated"), hours.1),
                (t.get("cycle-tasks-open"), data.facts.tasks_open.to_string()),
            ],
        }],
    });
    sections.push(Section {
        heading: t.get("rounds-title"),
        level: 1,
        blocks: vec![Block::Bullets {
            items: data
                .rounds
                .iter()
                .map(|r| format!("{} ({})", r.name, period_text(r.period, lang)))
                .collect(),
            empty: t.get("cycle-no-rounds"),
        }],
    });
    sections.push(Section {
        heading: t.get("cycle-timeline"),
        level: 1,
        blocks: vec![Block::Table {
            header: vec![
                t.get("cycle-phase"),
                t.get("cycle-asked"),
                t.get("cycle-state"),
            ],
            rows: due(&data.facts)
                .iter()
                .map(|d| {
                    vec![
                        d.phase.name(lang).to_owned(),
                        d.task.describe(&data.facts, lang),
                        t.get(if d.done { "cycle-done" } else { "cycle-open" }),
                    ]
                })
                .collect(),
            weights: vec![2, 6, 2],
        }],
    });
    Doc {
        lang: lang.code().to_owned(),
        title: t.args(
            "cycle-report-title",
            &[("year", &data.year.to_string()), ("school", school)],
        ),
        subtitle: school.to_owned(),
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: t.get("cycle-report-intro"),
        sections,
    }
}

async fn download(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let year = year_of(&query, lang);
    let data = load_year(app, working.school(), year).await?;
    let (formula, given) = hours_totals(app, working.school(), &data.allocation, lang).await?;
    let hours = (
        formula.map_or_else(|| Tr(lang).get("vision-hours-unknown"), |m| m.display(lang)),
        given.display(lang),
    );
    let doc = year_report(&data, &working.school().name.to_string(), hours, lang);
    let name = format!("{}-{year}", year_report_stem(lang));
    doc_download(doc, format, &name).await
}

pub async fn pdf(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    download(&app, lang, &headers, path, query, DocumentFormat::Pdf).await
}

pub async fn docx(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    download(&app, lang, &headers, path, query, DocumentFormat::Docx).await
}
