//! Asking for a link to set a new password. The answer is the same whether the address
//! has an account or not; the link goes only to the address itself, by e-mail, so without
//! SMTP the page says to ask the school's administrator instead. Requests are counted like
//! failed sign-ins, so the page cannot be used to flood someone's mailbox.

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::Lang;
use domain::account::Email;
use domain::throttle::Policy;
use store::hash_token;

use crate::auth::ClientIp;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::mail::send_password_link;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond_private};

#[derive(Template)]
#[template(path = "account/forgot_password.html")]
pub struct ForgotView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub email: String,
    pub error: Option<String>,
    pub sent: bool,
    pub mail_configured: bool,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    email: String,
}

fn view(app: &AppState, lang: Lang, email: String) -> ForgotView {
    let t = Tr(lang);
    ForgotView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&Page::ForgotPassword),
            t.get("forgot-title"),
        ),
        t,
        action: Page::ForgotPassword.path(lang),
        email,
        error: None,
        sent: false,
        mail_configured: app.mailer.is_some(),
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
) -> Result<Response, AppError> {
    respond_private(&view(&app, lang, String::new()), lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    form: Result<Form<ForgotForm>, FormRejection>,
) -> Result<Response, AppError> {
    let typed = form
        .map(|Form(f)| f.email)
        .unwrap_or_default()
        .trim()
        .to_owned();
    let mut page = view(&app, lang, typed.clone());
    let email = match Email::parse(&typed) {
        Ok(email) => email,
        Err(e) => {
            page.error = Some(e.message(lang));
            return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if app.mailer.is_none() {
        return respond_private(&page, lang, StatusCode::OK);
    }
    // Count the request against the address and the client, as a failed sign-in would be.
    let mut keys = vec![format!(
        "address:{}",
        hash_token(&email.as_str().to_lowercase())
    )];
    if let Some(ip) = ip {
        keys.push(format!("client:{ip}"));
    }
    let mut locked = false;
    for (key, policy) in keys.iter().zip([Policy::ADDRESS, Policy::CLIENT]) {
        locked |= app.store.count_attempt(key, policy).await?.is_err();
    }
    if !locked {
        // In the background, so that the answer takes as long with an account as without.
        let app = app.clone();
        tokio::spawn(async move {
            if let Err(e) = mail_link(&app, lang, &email).await {
                tracing::warn!(error = %e, "could not make or send a password link");
            }
        });
    }
    page.sent = true;
    respond_private(&page, lang, StatusCode::OK)
}

/// Makes a password link for the account with this address, if there is one, and mails it.
async fn mail_link(app: &AppState, lang: Lang, email: &Email) -> Result<(), store::StoreError> {
    if let Some(user) = app.store.user_by_email(email).await? {
        let token = app.store.create_password_link(user.id).await?;
        let link = app.absolute(&Page::SetPassword(token), lang);
        send_password_link(app.mailer.as_ref(), lang, email.as_str(), &link).await;
    }
    Ok(())
}
