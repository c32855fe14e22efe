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
use domain::survey::{Figures, ITEMS};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::preferred;
use crate::state::AppState;
use crate::survey::results::load;
use crate::ui::json::{error, signed};

fn figures(shown: &Shown<Figures>) -> Value {
    match shown {
        Shown::TooFew => Value::Null,
        Shown::Value(f) => json!({
            "answers": f.answers,
            "items": ITEMS.iter().zip(&f.items).enumerate().map(|(i, (item, c))| json!({
                "item": i + 1,
                "area": item.area.code(),
                "steps": c.steps,
                "skipped": c.skipped,
            })).collect::<Vec<_>>(),
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
    let working = match signed(&app, &headers, lang, &school, Permission::Member).await? {
        Ok(w) => w,
        Err(response) => return Ok(response),
    };
    let not_found = || {
        error(
            StatusCode::NOT_FOUND,
            match lang {
                domain::Lang::Nl => "geen gesloten enquête met deze id in deze school".to_owned(),
                domain::Lang::En => "no closed survey with this id in this school".to_owned(),
            },
        )
    };
    let Some(id) = Uuid::parse_str(&id).ok() else {
        return Ok(not_found());
    };
    let Some(loaded) = load(&app, &working, id).await? else {
        return Ok(not_found());
    };
    let Some(results) = &loaded.results else {
        return Ok(not_found());
    };
    let body = json!({
        "survey": loaded.survey.summary.name,
        "year": loaded.survey.summary.year.to_string(),
        "k": results.threshold.get(),
        "whole": figures(&results.whole),
        "groups": loaded.survey.groups.iter().zip(&results.groups).map(|(g, shown)| json!({
            "name": g.name,
            "figures": figures(shown),
        })).collect::<Vec<_>>(),
        "remarks": loaded.remarks,
    });
    Ok((StatusCode::OK, Json(body)).into_response())
}
