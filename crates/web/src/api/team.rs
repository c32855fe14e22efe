//! The team picture of a round through the API: the same figures the page shows, under the
//! same rule (a role's figures only over at least k people, with complementary suppression
//! between the whole team and its teams): a hidden figure is `null`, never a number.

use std::collections::HashMap;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::api_token::{Access, Resource};
use domain::picture::overview;
use domain::scan::{Choice, Tally};
use domain::{Area, Kind};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::{Tr, preferred};
use crate::state::AppState;
use crate::ui::json::error;
use crate::ui::rounds::load_round;

/// How many answers chose each step, and how many are open.
#[derive(Serialize, ToSchema)]
pub struct CountsOut {
    /// *doe ik* / *beheers ik*
    pub ja: usize,
    pub deels: usize,
    pub ontwikkelen: usize,
    pub niet: usize,
    pub open: usize,
}

fn counts(tally: &Tally) -> CountsOut {
    CountsOut {
        ja: tally.count(Choice::Yes),
        deels: tally.count(Choice::Partly),
        ontwikkelen: tally.count(Choice::Develop),
        niet: tally.count(Choice::NotMine),
        open: tally.open,
    }
}

/// A role's answers in one area, for tasks and for expertise.
#[derive(Serialize, ToSchema)]
pub struct AreaOut {
    /// `VIS`, `ORI`, `ORG` or `SAM`.
    pub area: String,
    pub tasks: CountsOut,
    pub expertise: CountsOut,
}

/// A framework role in the picture.
#[derive(Serialize, ToSchema)]
pub struct RoleOut {
    /// `BEG`, `SPE` or `COO`.
    pub role: String,
    /// Whether the role's figures may be shown.
    pub shown: bool,
    /// How many people's scans count (only when shown).
    pub contributors: Option<usize>,
    /// Per area (empty when not shown).
    pub areas: Vec<AreaOut>,
}

/// A share: how many answers say *doe ik* / *beheers ik*, of how many.
#[derive(Serialize, ToSchema)]
pub struct ShareOut {
    pub yes: usize,
    pub all: usize,
}

/// The roles shown together, per area.
#[derive(Serialize, ToSchema)]
pub struct TotalOut {
    pub area: String,
    /// `null` when no role is shown.
    pub share: Option<ShareOut>,
}

/// The team picture of a round, for the whole team or one team.
#[derive(Serialize, ToSchema)]
pub struct TeamPictureOut {
    pub round: Uuid,
    /// The team asked for (`?team=`), none for the whole team.
    pub team: Option<Uuid>,
    /// The least number of people a figure is shown over.
    pub k: u32,
    pub roles: Vec<RoleOut>,
    pub total: Vec<TotalOut>,
}

/// `GET /api/v1/schools/{school}/rounds/{round}/team-picture?team=`
pub async fn picture(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
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
    let not_found = || error(StatusCode::NOT_FOUND, Tr(lang).get("api-no-round"));
    let Some((round, edition)) = load_round(&app, &caller.working, &id).await? else {
        return Ok(not_found());
    };
    let school = caller.working.school().id;
    let Some(input) = app.store.picture_input(school, round.id).await? else {
        return Ok(not_found());
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let (team, which) = match query.get("team") {
        None => (None, None),
        Some(asked) => {
            match Uuid::parse_str(asked)
                .ok()
                .and_then(|id| input.teams.iter().position(|t| t.id == id).map(|i| (id, i)))
            {
                Some((id, i)) => (Some(id), Some(i)),
                None => {
                    return Ok(error(StatusCode::NOT_FOUND, Tr(lang).get("api-no-team")));
                }
            }
        }
    };
    let now = input.picture(&edition, which);
    let shown = overview(&now, &edition);
    let roles = now
        .roles
        .iter()
        .map(|r| RoleOut {
            role: r.role.code().to_owned(),
            shown: r.shown,
            contributors: r.shown.then_some(r.contributors),
            areas: if r.shown {
                Area::ALL
                    .into_iter()
                    .map(|area| {
                        let of = |kind| counts(&r.area(&edition, area, kind).unwrap_or_default());
                        AreaOut {
                            area: area.code().to_owned(),
                            tasks: of(Kind::Task),
                            expertise: of(Kind::Expertise),
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let total = Area::ALL
        .into_iter()
        .zip(&shown.total)
        .map(|(area, share)| TotalOut {
            area: area.code().to_owned(),
            share: share.map(|(yes, all)| ShareOut { yes, all }),
        })
        .collect();
    Ok(Json(TeamPictureOut {
        round: round.id,
        team,
        k: now.threshold.get(),
        roles,
        total,
    })
    .into_response())
}
