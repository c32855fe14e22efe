//! The network report (*netwerkverslag*) for a pilot's evaluation: what changed between two
//! school years (`?van=2025-2026&tot=2026-2027`), per indicator the median and quartiles of
//! each year over the member schools that shared them and the change of the median, under the
//! same rules as the page (never a ranking; only over five schools); and the schools'
//! explanations. PDF and DOCX, for the network's coordinators.

use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;
use domain::allocation::SchoolYear;
use domain::network::{Indicator, MIN_SCHOOLS, Reader, Row, overview};
use formats::document::doc::{Block, Doc, Section};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::network::coordinating;
use crate::network::view::{explanations, part_name, percent, shared};
use crate::routes::{DocumentFormat, PathLang, network_report_stem};
use crate::state::AppState;
use crate::ui::dates::{this_year, today_text};
use crate::ui::respond::doc_download;

fn spread_text(row: &Row, lang: Lang) -> (String, String) {
    match row.spread {
        Some(s) => (
            percent(s.median),
            format!("{} – {}", percent(s.q1), percent(s.q3)),
        ),
        None => (Tr(lang).get("network-too-few-short"), "–".to_owned()),
    }
}

/// The change of a median in percentage points, when both years have one.
fn change(from: &Row, to: &Row) -> String {
    match (from.spread, to.spread) {
        (Some(a), Some(b)) => {
            let points = ((b.median - a.median) * 100.0).round();
            if points == 0.0 {
                "0".to_owned()
            } else {
                format!("{points:+.0}")
            }
        }
        _ => "–".to_owned(),
    }
}

/// The report as a document.
#[allow(clippy::too_many_arguments)]
pub(crate) fn network_report(
    network: &str,
    from: SchoolYear,
    to: SchoolYear,
    rows_from: &[Row],
    rows_to: &[Row],
    explanations: &[(String, String)],
    edition: &domain::Edition,
    lang: Lang,
) -> Doc {
    let t = Tr(lang);
    let mut sections = Vec::new();
    for indicator in Indicator::ALL {
        let rows = rows_to
            .iter()
            .filter(|r| r.indicator == indicator)
            .filter_map(|to_row| {
                let from_row = rows_from
                    .iter()
                    .find(|r| r.indicator == indicator && r.part == to_row.part)?;
                let (median_from, spread_from) = spread_text(from_row, lang);
                let (median_to, spread_to) = spread_text(to_row, lang);
                Some(vec![
                    part_name(to_row.part, edition, lang),
                    from_row.schools.to_string(),
                    median_from,
                    spread_from,
                    to_row.schools.to_string(),
                    median_to,
                    spread_to,
                    change(from_row, to_row),
                ])
            })
            .collect();
        sections.push(Section {
            heading: indicator.name(lang).to_owned(),
            level: 1,
            blocks: vec![Block::Table {
                header: vec![
                    t.get("network-part"),
                    format!("{} {from}", t.get("network-report-schools")),
                    format!("{} {from}", t.get("network-median")),
                    format!("{} {from}", t.get("network-report-middle")),
                    format!("{} {to}", t.get("network-report-schools")),
                    format!("{} {to}", t.get("network-median")),
                    format!("{} {to}", t.get("network-report-middle")),
                    t.get("network-report-change"),
                ],
                rows,
                weights: vec![4, 2, 2, 3, 2, 2, 3, 2],
            }],
        });
    }
    sections.push(Section {
        heading: t.get("network-explanations"),
        level: 1,
        blocks: vec![Block::Bullets {
            items: explanations
                .iter()
                .map(|(who, text)| format!("{who}: {text}"))
                .collect(),
            empty: t.get("network-no-explanations"),
        }],
    });
    Doc {
        lang: lang.code().to_owned(),
        title: t.args(
            "network-report-title",
            &[
                ("network", network),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
            ],
        ),
        subtitle: network.to_owned(),
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: t.with("network-report-doc-intro", "min", MIN_SCHOOLS),
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
    let (_, network) = coordinating(app, headers, lang, &short).await?;
    let asked = |key: &str| {
        query
            .as_ref()
            .ok()
            .and_then(|Query(q)| q.get(key))
            .and_then(|y| SchoolYear::parse(y))
    };
    let to = asked("tot").unwrap_or_else(this_year);
    let from = asked("van").unwrap_or_else(|| to.previous());
    let schools = app.store.network_schools(network.id).await?;
    let members_from = app
        .store
        .members_figures(network.id, from, schools.clone())
        .await?;
    let members_to = app.store.members_figures(network.id, to, schools).await?;
    let rows_from = overview(&shared(&members_from), Reader::Coordinator);
    let rows_to = overview(&shared(&members_to), Reader::Coordinator);
    let explanations: Vec<(String, String)> = explanations(&members_to, Reader::Coordinator, lang)
        .into_iter()
        .map(|e| (e.who, e.text))
        .collect();
    let doc = network_report(
        &network.name.to_string(),
        from,
        to,
        &rows_from,
        &rows_to,
        &explanations,
        &app.edition(),
        lang,
    );
    let stem = network_report_stem(lang);
    doc_download(doc, format, &format!("{stem}-{from}-{to}")).await
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
