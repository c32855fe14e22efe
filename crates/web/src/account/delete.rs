//! Erasing one's own account (AVG/GDPR right to erasure), confirmed with the password.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use crate::account::account_page::full_view;
use crate::account::change::{proof, unconfirmed};
use crate::auth::{ClientIp, clear_cookie, signed_in};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::to_sign_in;
use crate::ui::{respond_private, see_other};

#[derive(serde::Deserialize)]
pub struct DeleteForm {
    #[serde(default)]
    password: String,
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<DeleteForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let user = &signed.user;
    let password = form.map(|Form(f)| f.password).unwrap_or_default();
    // Throttled as a sign-in is: whoever holds a signed-in browser cannot guess on here.
    let proof = proof(&app, &headers, &signed, password, ip).await?;
    if let Some((message, status)) = unconfirmed(lang, proof, "delete-account-wrong-password") {
        let page = full_view(&app, lang, &signed, Some(message)).await?;
        return respond_private(&page, lang, status);
    }
    match app.store.delete_user(user.id).await {
        Ok(_) => {}
        Err(store::StoreError::LastAdministrator { schools }) => {
            let error =
                Some(Tr(lang).with("delete-account-last-admin", "schools", schools.join(", ")));
            let page = full_view(&app, lang, &signed, error).await?;
            return respond_private(&page, lang, StatusCode::CONFLICT);
        }
        Err(e) => return Err(e.into()),
    }
    tracing::info!("an account was deleted at its owner's request");
    let mut response = see_other(&format!("{}?klaar=verwijderd", Page::SignIn.path(lang)));
    response.headers_mut().insert(SET_COOKIE, clear_cookie());
    Ok(response)
}
