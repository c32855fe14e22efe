//! One's own development plan through the API (private: only the person's own session or
//! personal token): goals with their statements, status and actions.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::api_token::{Access, Resource};
use domain::plan::Partner;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::{Tr, preferred};
use crate::state::AppState;
use crate::ui::allocation::member_names;
use crate::ui::json::error;

/// A step towards a goal.
#[derive(Serialize, ToSchema)]
pub struct ActionOut {
    pub id: Uuid,
    pub text: String,
    /// `gepland`, `bezig`, `gedaan` or `gestopt`.
    pub status: String,
    /// yyyy-mm-dd
    pub due: Option<String>,
}

/// A goal of one's plan.
#[derive(Serialize, ToSchema)]
pub struct GoalOut {
    pub id: Uuid,
    pub what: String,
    pub why: Option<String>,
    /// The statements of the framework it is about, by code.
    pub statements: Vec<String>,
    pub support: Option<String>,
    /// The colleague or other person it is worked on with, by name.
    pub partner: Option<String>,
    /// yyyy-mm-dd
    pub target: Option<String>,
    /// `lopend`, `afgerond` or `gestopt`.
    pub status: String,
    pub reflection: Option<String>,
    pub actions: Vec<ActionOut>,
    /// yyyy-mm-dd
    pub made_on: String,
}

/// One's own development plan in the school.
#[derive(Serialize, ToSchema)]
pub struct PlanOut {
    pub goals: Vec<GoalOut>,
}

/// `GET /api/v1/schools/{school}/plan`
pub async fn plan(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Plan,
        Access::Read
    );
    if !caller.owner() {
        return Ok(error(StatusCode::FORBIDDEN, Tr(lang).get("api-private")));
    }
    let school = caller.working.school().id;
    let plan = app.store.plan(school, caller.working.user().id).await?;
    let names = member_names(&app, school).await?;
    let text = |n: &Option<domain::scan::Note>| n.as_ref().map(|n| n.as_str().to_owned());
    let goals = plan
        .goals
        .iter()
        .map(|g| GoalOut {
            id: g.id.0,
            what: g.what.to_string(),
            why: text(&g.why),
            statements: g.statements.iter().map(ToString::to_string).collect(),
            support: text(&g.support),
            partner: g.partner.as_ref().map(|p| match p {
                Partner::Colleague(id) => names
                    .get(id)
                    .cloned()
                    .unwrap_or_else(|| Tr(lang).get("tasks-former-member")),
                Partner::Named(name) => name.to_string(),
            }),
            target: g.target.map(|d| d.to_string()),
            status: g.status.code().to_owned(),
            reflection: text(&g.reflection),
            actions: g
                .actions
                .iter()
                .map(|a| ActionOut {
                    id: a.id.0,
                    text: a.text.to_string(),
                    status: a.status.code().to_owned(),
                    due: a.due.map(|d| d.to_string()),
                })
                .collect(),
            made_on: g.made_on.to_string(),
        })
        .collect();
    Ok(Json(PlanOut { goals }).into_response())
}
