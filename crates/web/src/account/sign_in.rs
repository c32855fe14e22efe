//! Signing in with e-mail address and password.

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Email, User};
use std::net::IpAddr;
use std::time::Duration;

use domain::throttle::Policy;
use store::hash_token;

use crate::auth::{ClientIp, signed_in, verify_password};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond_private, see_other};

#[derive(Template)]
#[template(path = "account/sign_in.html")]
pub struct SignInView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub email: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    pub forgot_href: String,
    /// (id, name) of each identity provider one may sign in through.
    pub providers: Vec<(String, String)>,
    pub sso_action: String,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
}

fn view(
    app: &AppState,
    lang: Lang,
    email: String,
    error: Option<String>,
    notice: Option<String>,
) -> SignInView {
    let t = Tr(lang);
    SignInView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&Page::SignIn),
            t.get("sign-in-title"),
        ),
        t,
        action: Page::SignIn.path(lang),
        forgot_href: Page::ForgotPassword.path(lang),
        providers: app
            .oidc
            .providers()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect(),
        sso_action: Page::SsoStart.path(lang),
        email,
        error,
        notice,
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    // Someone signed in who follows "sign in" (the public pages show it to everyone)
    // goes to their schools.
    if signed_in(&app, &headers).await?.is_some() {
        return Ok(see_other(&Page::Schools.path(lang)));
    }
    let notice = match notice.ok().and_then(|Query(n)| n.klaar).as_deref() {
        Some("wachtwoord") => Some(Tr(lang).get("password-set-notice")),
        Some("inrichting") => Some(Tr(lang).get("setup-done-notice")),
        Some("verwijderd") => Some(Tr(lang).get("account-deleted-notice")),
        Some("e-mailadres") => Some(Tr(lang).get("account-email-saved")),
        _ => None,
    };
    respond_private(
        &view(&app, lang, String::new(), None, notice),
        lang,
        StatusCode::OK,
    )
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Result<Response, AppError> {
    let t = Tr(lang);
    let Ok(Form(form)) = form else {
        let error = Some(t.get("sign-in-failed"));
        return respond_private(
            &view(&app, lang, String::new(), error, None),
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    };
    let typed = form.email.trim().to_owned();
    match check_password(&app, &typed, form.password, ip).await? {
        Check::Valid(user) => {
            // A school that signs its people in through its provider only: the right
            // password is still no way in (said only after it was right).
            if !app.store.password_sign_in_allowed(user.id).await? {
                let error = Some(t.get("sign-in-password-off"));
                return respond_private(
                    &view(&app, lang, typed, error, None),
                    lang,
                    StatusCode::FORBIDDEN,
                );
            }
            start_session(
                &app,
                &headers,
                user.id,
                store::SignedWith::Password,
                &Page::Schools.path(lang),
            )
            .await
        }
        Check::Locked(wait) => locked(&app, lang, typed, wait),
        Check::Wrong => respond_private(
            &view(&app, lang, typed, Some(t.get("sign-in-failed")), None),
            lang,
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    }
}

/// The outcome of checking an address and password.
#[derive(Debug)]
pub enum Check {
    Valid(User),
    Wrong,
    /// Too many failures: try again after this long.
    Locked(Duration),
}

/// Checks a password for an address typed, with throttling: failures are counted per
/// address typed (hashed, whether it has an account or not, so a lock reveals nothing) and
/// per client; they slow the answer down and then lock for a while. Used wherever a
/// password is asked (signing in, accepting an invitation with an existing account).
pub async fn check_password(
    app: &AppState,
    typed: &str,
    password: String,
    ip: Option<IpAddr>,
) -> Result<Check, AppError> {
    let now = store::now_millis();
    let address_key = format!("address:{}", hash_token(&typed.to_lowercase()));
    let client_key = ip.map(|ip| format!("client:{ip}"));
    // Each attempt is counted before its password is checked, atomically, so that parallel
    // guesses cannot all read the same count: the tenth locks, the eleventh is refused.
    let address = match app
        .store
        .count_attempt(&address_key, Policy::ADDRESS)
        .await?
    {
        Ok(counted) => counted,
        Err(wait) => return Ok(Check::Locked(wait)),
    };
    let client = match &client_key {
        Some(key) => match app.store.count_attempt(key, Policy::CLIENT).await? {
            Ok(counted) => Some(counted),
            Err(wait) => return Ok(Check::Locked(wait)),
        },
        None => None,
    };
    let credentials = match Email::parse(typed) {
        Ok(email) => app.store.credentials(&email).await?,
        Err(_) => None,
    };
    let (user, hash) = match credentials {
        Some((user, hash)) => (Some(user), hash),
        None => (None, None),
    };
    // Always verify, also without an account, so the answer takes the same time.
    let valid = verify_password(password, hash).await;
    let Some(user) = user.filter(|_| valid) else {
        let delay = Policy::ADDRESS
            .delay(&address)
            .max(client.map_or(Duration::ZERO, |c| Policy::CLIENT.delay(&c)));
        tokio::time::sleep(delay).await;
        // The wait is told from when the attempt came in, as the lock was.
        if let Some(wait) = Policy::ADDRESS
            .locked_for(&address, now)
            .or(client.and_then(|c| Policy::CLIENT.locked_for(&c, now)))
        {
            return Ok(Check::Locked(wait));
        }
        return Ok(Check::Wrong);
    };
    // A right password ends the address's count; the client's only loses this attempt, so
    // that guessing from one client and then signing in to one's own account resets nothing.
    app.store.clear_sign_in_attempts(&address_key).await?;
    if let Some(key) = &client_key {
        app.store.forgive_attempt(key).await?;
    }
    Ok(Check::Valid(user))
}

pub use crate::auth::start_session;

/// The answer while sign-ins are locked: 429 with the time to wait, the same whether the
/// address has an account or not.
fn locked(app: &AppState, lang: Lang, typed: String, wait: Duration) -> Result<Response, AppError> {
    let minutes = wait.as_secs().div_ceil(60).max(1);
    let error = Some(Tr(lang).with("sign-in-locked", "minutes", minutes));
    let mut response = respond_private(
        &view(app, lang, typed, error, None),
        lang,
        StatusCode::TOO_MANY_REQUESTS,
    )?;
    if let Ok(retry) = HeaderValue::from_str(&wait.as_secs().max(1).to_string()) {
        response.headers_mut().insert(RETRY_AFTER, retry);
    }
    Ok(response)
}
