//! A closed student survey's results as JSON, for a school's own dashboards: the same
//! results the page shows (see [`crate::survey::results`]), so a figure hidden under the
//! group-figure rule is `null` here too. An open survey has no results (404).

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::aggregate::Shown;
use domain::api_token::{Access, Resource};
use domain::survey::{Figures, ITEMS};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::{Tr, preferred};
use crate::state::AppState;
use crate::survey::results::load;
use crate::ui::json::error;

/// The answers to one item of the survey.
#[derive(Serialize, ToSchema)]
pub struct ItemOut {
    /// The item's number, from 1.
    pub item: usize,
    /// The area it is about: `VIS`, `ORI`, `ORG` or `SAM`.
    pub area: String,
    /// How many students chose each step, from the lowest.
    pub steps: Vec<usize>,
    pub skipped: usize,
}

/// The figures of a group of students.
#[derive(Serialize, ToSchema)]
pub struct SurveyFiguresOut {
    pub answers: usize,
    pub items: Vec<ItemOut>,
}

/// A group of the survey (a class code's group) and its figures.
#[derive(Serialize, ToSchema)]
pub struct SurveyGroupOut {
    pub name: String,
    /// `null` where the group-figure rule hides them.
    pub figures: Option<SurveyFiguresOut>,
}

/// A closed survey's results.
#[derive(Serialize, ToSchema)]
pub struct SurveyResultsOut {
    pub survey: String,
    pub year: String,
    /// The least number of answers a figure is shown over.
    pub k: u32,
    /// All students together; `null` when hidden.
    pub whole: Option<SurveyFiguresOut>,
    pub groups: Vec<SurveyGroupOut>,
    /// The students' remarks the page shows.
    pub remarks: Vec<String>,
}

fn figures(shown: &Shown<Figures>) -> Option<SurveyFiguresOut> {
    match shown {
        Shown::TooFew => None,
        Shown::Value(f) => Some(SurveyFiguresOut {
            answers: f.answers,
            items: ITEMS
                .iter()
                .zip(&f.items)
                .enumerate()
                .map(|(i, (item, c))| ItemOut {
                    item: i + 1,
                    area: item.area.code().to_owned(),
                    steps: c.steps.to_vec(),
                    skipped: c.skipped,
                })
                .collect(),
        }),
    }
}

pub async fn results(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let (school, id) = path.map(|Path(p)| p).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Team,
        Access::Read
    );
    let not_found = || error(StatusCode::NOT_FOUND, Tr(lang).get("api-no-survey"));
    let Some(id) = Uuid::parse_str(&id).ok() else {
        return Ok(not_found());
    };
    let Some(loaded) = load(&app, &caller.working, id).await? else {
        return Ok(not_found());
    };
    let Some(results) = &loaded.results else {
        return Ok(not_found());
    };
    let body = SurveyResultsOut {
        survey: loaded.survey.summary.name.to_string(),
        year: loaded.survey.summary.year.to_string(),
        k: results.threshold.get(),
        whole: figures(&results.whole),
        groups: loaded
            .survey
            .groups
            .iter()
            .zip(&results.groups)
            .map(|(g, shown)| SurveyGroupOut {
                name: g.name.to_string(),
                figures: figures(shown),
            })
            .collect(),
        remarks: loaded.remarks.clone(),
    };
    Ok((StatusCode::OK, Json(body)).into_response())
}
