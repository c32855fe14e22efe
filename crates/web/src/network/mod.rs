//! Networks of schools: the network coordinator's pages (the networks they run, a network's
//! figures side by side with its schools and invitations, the network report between two
//! school years) and a school's (its invitations and memberships, what it shares, its figures
//! before it shares them, a network's figures with its own position).

pub mod network_page;
pub mod networks;
pub mod report;
pub mod school_network;
pub mod school_networks;
pub mod view;

use std::sync::Arc;

use axum::http::HeaderMap;
use domain::Lang;
use store::Network;

use crate::auth::{Signed, signed_in};
use crate::error::AppError;
use crate::state::AppState;
use crate::ui::to_sign_in;

/// The signed-in person and the network in the path, when they coordinate it; a visitor is
/// sent to sign in, and anyone else gets the answer for a network that does not exist.
pub(crate) async fn coordinating(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    short: &str,
) -> Result<(Arc<Signed>, Network), AppError> {
    let Some(signed) = signed_in(app, headers).await? else {
        return Err(AppError::answer(to_sign_in(lang)));
    };
    match app.store.coordinated_network(signed.user.id, short).await? {
        Some(network) => Ok((signed, network)),
        None => Err(AppError::NotFound(lang)),
    }
}
