//! A closed survey's results as a workbook: the items (whole survey), the areas beside the
//! team picture, the groups and the open answers — exactly what the page shows, so nothing
//! hidden under the group-figure rule is in the file either.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use formats::workbook::{Cell, Table, write};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{PathLang, survey_results_stem};
use crate::state::AppState;
use crate::survey::results::{ResultsView, load, team_areas, view};
use crate::ui::respond::download;
use crate::working::require;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn tables(r: &ResultsView, lang: Lang) -> Vec<Table> {
    let t = Tr(lang);
    let mut tables = Vec::new();
    if r.whole_shown {
        let mut header = vec![t.get("survey-item"), t.get("survey-area")];
        header.extend(r.step_names.iter().map(|s| (*s).to_owned()));
        header.push(t.get("survey-skipped"));
        header.push(t.get("survey-agree"));
        tables.push(Table {
            name: t.get("survey-items"),
            header,
            rows: r
                .items
                .iter()
                .map(|i| {
                    let mut row: Vec<Cell> = vec![
                        format!("{}. {}", i.number, i.text).into(),
                        i.area.clone().into(),
                    ];
                    row.extend(i.steps.iter().map(|n| Cell::from(*n)));
                    row.push(i.skipped.into());
                    row.push(i.agree.clone().into());
                    row
                })
                .collect(),
            widths: vec![60.0, 24.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0],
        });
        tables.push(Table {
            name: t.get("survey-areas-sheet"),
            header: vec![
                t.get("survey-area"),
                t.get("survey-students-agree"),
                t.get("survey-team-doing"),
            ],
            rows: r
                .areas
                .iter()
                .map(|a| {
                    vec![
                        a.name.clone().into(),
                        a.students.clone().into(),
                        a.team.clone().into(),
                    ]
                })
                .collect(),
            widths: vec![30.0, 24.0, 24.0],
        });
    }
    let mut header = vec![t.get("survey-group"), t.get("survey-answered")];
    header.extend(r.area_names.iter().cloned());
    tables.push(Table {
        name: t.get("survey-per-group"),
        header,
        rows: r
            .groups
            .iter()
            .map(|g| {
                let mut row: Vec<Cell> = vec![g.name.clone().into(), g.answers.clone().into()];
                row.extend(g.areas.iter().map(|a| Cell::from(a.clone())));
                row
            })
            .collect(),
        widths: vec![24.0, 30.0, 20.0, 20.0, 20.0, 20.0],
    });
    if r.whole_shown {
        tables.push(Table {
            name: t.get("survey-remarks"),
            header: vec![t.get("survey-remarks")],
            rows: r.remarks.iter().map(|m| vec![m.clone().into()]).collect(),
            widths: vec![100.0],
        });
    }
    tables
}

/// `GET`: the results of a closed survey as XLSX; an open survey has none (404).
pub async fn xlsx(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some(id) = Uuid::parse_str(&id).ok() else {
        return Err(AppError::NotFound(lang));
    };
    let Some(loaded) = load(&app, &working, id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let Some(results) = &loaded.results else {
        return Err(AppError::NotFound(lang));
    };
    let team = team_areas(&app, &working).await?;
    let shown = view(&app, &loaded, results, team.as_ref(), lang);
    let bytes = write(&tables(&shown, lang)).map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!(
        "{}-{}.xlsx",
        survey_results_stem(lang),
        loaded.survey.summary.year
    );
    Ok(download(bytes, XLSX, &name))
}
