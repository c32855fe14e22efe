//! A school's rounds as the pages load them: one round with the edition it uses, and the
//! framework roles the person holds.

use domain::school::SchoolId;
use domain::{Edition, EditionId, Role};
use store::Round;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;
use crate::working::Working;

/// A round of the school the person works in, with the edition it uses; `None` when the id
/// is malformed or names no round of this school.
pub async fn load_round(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<(Round, Edition)>, AppError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    let Some(round) = app.store.round(working.school().id, id).await? else {
        return Ok(None);
    };
    let edition = edition_by_id(app, round.id, round.edition).await?;
    Ok(Some((round, edition)))
}

/// The edition a round of the school uses, without reading the round itself when that is
/// known already (see [`store::Store::round_edition`]); `None` when there is no such round.
pub async fn edition_of_round(
    app: &AppState,
    school: SchoolId,
    round: Uuid,
) -> Result<Option<Edition>, AppError> {
    match app.store.round_edition(school, round).await? {
        Some(edition) => Ok(Some(edition_by_id(app, round, edition).await?)),
        None => Ok(None),
    }
}

async fn edition_by_id(app: &AppState, round: Uuid, id: EditionId) -> Result<Edition, AppError> {
    if id == app.edition().id() {
        return Ok(Edition::clone(&app.edition()));
    }
    app.store
        .edition(id)
        .await?
        .ok_or_else(|| AppError::Internal(format!("round {round} uses a missing edition")))
}

/// The framework roles the person holds in the school they work in, in canonical order.
pub fn roles_held(working: &Working) -> Vec<Role> {
    working.membership().roles.as_slice().to_vec()
}
