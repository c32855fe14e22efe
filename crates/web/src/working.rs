//! Working in a school. A school's pages live under `/{lang}/scholen/{school}/…`; each
//! handler starts by asking [`working_in`] whether the signed-in person is an active
//! member with enough permission. Anyone else gets the same answer as for a school that
//! does not exist, so an address reveals nothing about another school.

use std::sync::Arc;

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Permission, User};
use domain::school::School;
use store::MySchool;

use crate::auth::{Signed, signed_in};
use crate::error::{AppError, error_page};
use crate::state::AppState;
use crate::ui::respond::to_sign_in;

/// A signed-in person working in one of their schools.
#[derive(Clone, Debug)]
pub struct Working {
    signed: Arc<Signed>,
    index: usize,
}

impl Working {
    /// The person of `signed` working in their school at `index` (the caller checked that
    /// the membership is active and the permission enough).
    pub(crate) fn new(signed: Arc<Signed>, index: usize) -> Working {
        Working { signed, index }
    }

    pub fn user(&self) -> &User {
        &self.signed.user
    }

    pub fn membership(&self) -> &MySchool {
        &self.signed.schools[self.index]
    }

    pub fn school(&self) -> &School {
        &self.membership().school
    }

    pub fn permission(&self) -> Permission {
        self.membership().permission
    }

    /// Whether the person belongs to more than one school (and may switch).
    pub fn has_other_schools(&self) -> bool {
        self.signed.schools.iter().filter(|s| s.active).count() > 1
    }
}

/// [`working_in`] for a handler that gives the answer as it is: with `?`, the way to the
/// sign-in page, the 404 or the 403 is the handler's response.
pub async fn require(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    short_name: &str,
    needs: Permission,
) -> Result<Working, AppError> {
    working_in(app, headers, lang, short_name, needs)
        .await?
        .map_err(AppError::answer)
}

/// The person signed in, working in the school `short_name` with at least `needs`; or the
/// answer to give instead: to the sign-in page, not found (not an active member), or
/// forbidden (a member without the permission).
pub async fn working_in(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    short_name: &str,
    needs: Permission,
) -> Result<Result<Working, Response>, AppError> {
    let Some(signed) = signed_in(app, headers).await? else {
        return Ok(Err(to_sign_in(lang)));
    };
    let Some(index) = signed
        .schools
        .iter()
        .position(|s| s.active && s.school.short_name == short_name)
    else {
        return Ok(Err(error_page(app, lang, StatusCode::NOT_FOUND)));
    };
    if !signed.schools[index].permission.includes(needs) {
        return Ok(Err(error_page(app, lang, StatusCode::FORBIDDEN)));
    }
    Ok(Ok(Working { signed, index }))
}
