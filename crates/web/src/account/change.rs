//! Changing one's own password, name and e-mail address from the account page, each
//! confirmed with the current password (throttled as a sign-in is). A new password ends
//! every other session. A new address is confirmed by a link sent to it when the server
//! sends e-mail (see `confirm_email`); without e-mail it changes at once.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Email, NewPassword, PersonName};
use domain::links::LinkMaker;
use store::EmailChangeError;

use crate::account::account_page::{AccountView, full_view};
use crate::account::sign_in::{Check, check_password};
use crate::auth::{ClientIp, Signed, hash_password, session_token, signed_in};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::mail::send_email_change;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{respond_private, see_other, to_sign_in};

#[derive(Debug, Default, serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct EmailForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    current: String,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NameForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    current: String,
}

/// Which form on the account page an error belongs to.
enum At {
    Password,
    Name,
    Email,
}

/// The account page again with `message` at the form it belongs to, and what was typed in
/// that form's main field (`typed`) kept.
async fn refused(
    app: &AppState,
    lang: Lang,
    signed: &Signed,
    at: At,
    message: String,
    status: StatusCode,
    typed: Option<String>,
) -> Result<Response, AppError> {
    let mut page: AccountView = full_view(app, lang, signed, None).await?;
    match at {
        At::Password => page.password_error = Some(message),
        At::Name => {
            page.name_error = Some(message);
            page.name_value = typed.unwrap_or(page.name_value);
        }
        At::Email => {
            page.email_error = Some(message);
            page.email_value = typed.unwrap_or_default();
        }
    }
    respond_private(&page, lang, status)
}

/// How long after signing in through a provider that sign-in confirms a change, for an
/// account without a password.
pub const FRESH_SIGN_IN_MS: i64 = 10 * 60 * 1000;

/// What confirms a change to one's account.
#[derive(Debug)]
pub enum Proof {
    Given,
    WrongPassword,
    Locked(std::time::Duration),
    /// No password, and the session is older than [`FRESH_SIGN_IN_MS`]: sign in again through
    /// the provider first.
    SignInAgain,
}

/// Whether the change is confirmed: by the password (throttled as a sign-in is), or, for an
/// account without one that is linked to a provider (someone who joined through it), by a
/// session that began in the last ten minutes.
pub async fn proof(
    app: &AppState,
    headers: &HeaderMap,
    signed: &Signed,
    current: String,
    ip: Option<std::net::IpAddr>,
) -> Result<Proof, AppError> {
    let user = &signed.user;
    // Only an account that signs in through a provider has no password to ask for.
    if !app.store.has_password(user.id).await? && !app.store.sso_links(user.id).await?.is_empty() {
        let started = match session_token(headers) {
            Some(token) => app.store.session_started(&token).await?,
            None => None,
        };
        let fresh = started.is_some_and(|at| store::now_millis() - at < FRESH_SIGN_IN_MS);
        return Ok(if fresh {
            Proof::Given
        } else {
            Proof::SignInAgain
        });
    }
    Ok(
        match check_password(app, user.email.as_str(), current, ip).await? {
            Check::Valid(found) if found.id == user.id => Proof::Given,
            Check::Valid(_) | Check::Wrong => Proof::WrongPassword,
            Check::Locked(wait) => Proof::Locked(wait),
        },
    )
}

/// The message for a change that was not confirmed (`wrong`: the key for a wrong password),
/// with its status; `None` when it was.
pub fn unconfirmed(lang: Lang, proof: Proof, wrong: &str) -> Option<(String, StatusCode)> {
    let t = Tr(lang);
    match proof {
        Proof::Given => None,
        Proof::WrongPassword => Some((t.get(wrong), StatusCode::UNPROCESSABLE_ENTITY)),
        Proof::Locked(wait) => {
            let minutes = wait.as_secs().div_ceil(60).max(1);
            Some((
                t.with("sign-in-locked", "minutes", minutes),
                StatusCode::TOO_MANY_REQUESTS,
            ))
        }
        Proof::SignInAgain => Some((t.get("account-sign-in-again"), StatusCode::FORBIDDEN)),
    }
}

/// Whether the change is confirmed; otherwise the answer to give.
#[allow(clippy::too_many_arguments)]
async fn confirmed(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    signed: &Signed,
    current: String,
    ip: Option<std::net::IpAddr>,
    at: At,
    typed: Option<String>,
) -> Result<Option<Response>, AppError> {
    let proof = proof(app, headers, signed, current, ip).await?;
    match unconfirmed(lang, proof, "account-change-wrong-password") {
        None => Ok(None),
        Some((message, status)) => refused(app, lang, signed, at, message, status, typed)
            .await
            .map(Some),
    }
}

pub async fn password(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<PasswordForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let personal = [signed.user.email.as_str(), signed.user.name.as_str()];
    let new = match NewPassword::parse(&form.password, &form.repeat, &personal) {
        Ok(new) => new,
        Err(problem) => {
            return refused(
                &app,
                lang,
                &signed,
                At::Password,
                problem.message(lang),
                StatusCode::UNPROCESSABLE_ENTITY,
                None,
            )
            .await;
        }
    };
    if let Some(answer) = confirmed(
        &app,
        &headers,
        lang,
        &signed,
        form.current,
        ip,
        At::Password,
        None,
    )
    .await?
    {
        return Ok(answer);
    }
    let hash = hash_password(new).await?;
    let keep = session_token(&headers).unwrap_or_default();
    app.store
        .change_password(signed.user.id, &hash, &keep)
        .await?;
    Ok(see_other(&format!(
        "{}?klaar=wachtwoord",
        Page::Account.path(lang)
    )))
}

pub async fn name(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<NameForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let name = match PersonName::parse(&form.name) {
        Ok(name) => name,
        Err(e) => {
            return refused(
                &app,
                lang,
                &signed,
                At::Name,
                e.message(lang),
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(form.name),
            )
            .await;
        }
    };
    if let Some(answer) = confirmed(
        &app,
        &headers,
        lang,
        &signed,
        form.current,
        ip,
        At::Name,
        Some(form.name.clone()),
    )
    .await?
    {
        return Ok(answer);
    }
    app.store.set_name(signed.user.id, &name).await?;
    Ok(see_other(&format!(
        "{}?klaar=naam",
        Page::Account.path(lang)
    )))
}

pub async fn email(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<EmailForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let t = Tr(lang);
    let typed = Some(form.email.trim().to_owned());
    let refuse = |message: String, status: StatusCode| {
        refused(
            &app,
            lang,
            &signed,
            At::Email,
            message,
            status,
            typed.clone(),
        )
    };
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(e) => return refuse(e.message(lang), StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    if email == signed.user.email {
        return refuse(
            t.get("account-email-same"),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    if let Some(answer) = confirmed(
        &app,
        &headers,
        lang,
        &signed,
        form.current,
        ip,
        At::Email,
        typed.clone(),
    )
    .await?
    {
        return Ok(answer);
    }
    let user = &signed.user;
    let taken = || refuse(t.get("account-email-taken"), StatusCode::CONFLICT);
    if app.mailer.is_none() {
        return match app.store.change_email(user.id, &email).await {
            Ok(()) => Ok(see_other(&format!(
                "{}?klaar=e-mailadres",
                Page::Account.path(lang)
            ))),
            Err(EmailChangeError::Taken) => taken().await,
            Err(EmailChangeError::Store(e)) => Err(e.into()),
        };
    }
    let token = match app.store.request_email_change(user.id, &email).await {
        Ok(token) => token,
        Err(EmailChangeError::Taken) => return taken().await,
        Err(EmailChangeError::Store(e)) => return Err(e.into()),
    };
    let link = app.absolute(&Page::ConfirmEmail(token), lang);
    let sent = send_email_change(
        app.mailer.as_ref(),
        lang,
        user.name.as_str(),
        user.email.as_str(),
        email.as_str(),
        &link,
    )
    .await;
    if sent != Some(true) {
        return refuse(
            t.get("account-email-not-sent"),
            StatusCode::SERVICE_UNAVAILABLE,
        )
        .await;
    }
    let mut page: AccountView = full_view(&app, lang, &signed, None).await?;
    page.notice = Some(t.args(
        "account-email-sent",
        &[
            ("email", email.as_str()),
            ("hours", &LinkMaker::Own.lifetime_hours().to_string()),
        ],
    ));
    respond_private(&page, lang, StatusCode::OK)
}
