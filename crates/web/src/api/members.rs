//! A school's members through the API (administrators): who they are, their permission,
//! framework roles and whether they are active.

use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::api_token::{Access, Resource};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::preferred;
use crate::state::AppState;

/// A member of the school.
#[derive(Serialize, ToSchema)]
pub struct MemberOut {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    /// `lid`, `coordinator` or `schoolbeheerder`.
    pub permission: String,
    /// The framework roles held: `BEG`, `SPE`, `COO`.
    pub roles: Vec<String>,
    pub active: bool,
}

/// The school's members, by name.
#[derive(Serialize, ToSchema)]
pub struct MemberList {
    pub members: Vec<MemberOut>,
}

/// `GET /api/v1/schools/{school}/members`
pub async fn members(
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
        Permission::Administrator,
        Resource::Members,
        Access::Read
    );
    let mut members: Vec<MemberOut> = app
        .store
        .members(caller.working.school().id)
        .await?
        .into_iter()
        .map(|(user, membership)| MemberOut {
            id: user.id.0,
            name: user.name.to_string(),
            email: user.email.as_str().to_owned(),
            permission: membership.permission.code().to_owned(),
            roles: membership
                .roles
                .as_slice()
                .iter()
                .map(|r| r.code().to_owned())
                .collect(),
            active: membership.active,
        })
        .collect();
    members.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    Ok(Json(MemberList { members }).into_response())
}
