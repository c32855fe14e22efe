//! Linking an identity provider to one's account (the person is signed in, which is the
//! proof linking needs), and removing the link, unless it is their only way in.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::HeaderMap;
use axum::response::Response;
use store::Unlinked;

use crate::auth::signed_in;
use crate::error::AppError;
use crate::routes::{Page, PathLang};
use crate::sso::problem::{Problem, problem_page};
use crate::sso::start::{ProviderForm, send_to_provider};
use crate::state::AppState;
use crate::ui::{see_other, to_sign_in};

pub async fn link(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<ProviderForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let provider = form.map(|Form(f)| f.provider).unwrap_or_default();
    send_to_provider(&app, lang, &provider, Some(signed.user.id)).await
}

pub async fn unlink(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<ProviderForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let provider = form.map(|Form(f)| f.provider).unwrap_or_default();
    let Some(config) = app.oidc.provider(&provider) else {
        return problem_page(&app, lang, Problem::UnknownProvider, None);
    };
    let account = Page::Account.path(lang);
    match app.store.unlink_sso(signed.user.id, &config.issuer).await? {
        Unlinked::Done | Unlinked::NotLinked => {
            Ok(see_other(&format!("{account}?klaar=ontkoppeld")))
        }
        // The account page says why it stays.
        Unlinked::OnlyWayIn => Ok(see_other(&format!("{account}?klaar=enige-toegang"))),
    }
}
