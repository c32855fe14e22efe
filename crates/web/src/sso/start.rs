//! Starting a sign-in through an identity provider (no account signed in): a fresh state,
//! nonce and PKCE verifier are kept (the state also in a cookie of this browser) and the
//! browser goes to the provider.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::HeaderMap;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use domain::Lang;
use domain::account::UserId;
use store::SsoFlow;

use crate::error::AppError;
use crate::routes::PathLang;
use crate::sso::FLOW_COOKIE;
use crate::sso::problem::{Problem, problem_page};
use crate::state::AppState;
use crate::ui::see_other;

#[derive(Debug, Default, serde::Deserialize)]
pub struct ProviderForm {
    #[serde(default)]
    pub provider: String,
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    form: Result<Form<ProviderForm>, FormRejection>,
) -> Result<Response, AppError> {
    let provider = form.map(|Form(f)| f.provider).unwrap_or_default();
    send_to_provider(&app, lang, &provider, None).await
}

/// Keeps a new flow and sends the browser to the provider; `user` links instead of signing
/// in. A provider that cannot be reached gets its page here already.
pub async fn send_to_provider(
    app: &AppState,
    lang: Lang,
    provider: &str,
    user: Option<UserId>,
) -> Result<Response, AppError> {
    let Some(config) = app.oidc.provider(provider) else {
        return problem_page(app, lang, Problem::UnknownProvider, None);
    };
    let started = match app.oidc.start(provider).await {
        Ok(started) => started,
        Err(e) => {
            tracing::warn!(provider, error = %e, "identity provider unreachable");
            return problem_page(app, lang, Problem::ProviderDown, Some(config));
        }
    };
    app.store
        .begin_sso_flow(
            &started.state,
            &SsoFlow {
                provider: provider.to_owned(),
                nonce: started.nonce,
                verifier: started.verifier,
                user,
                lang,
            },
        )
        .await?;
    let mut response = see_other(&started.url);
    let secure = if app.secure_cookies { "; Secure" } else { "" };
    let max_age = store::FLOW_LIFETIME_MS / 1000;
    // SameSite=Lax: the provider's answer is a top-level navigation back to us.
    if let Ok(cookie) = format!(
        "{FLOW_COOKIE}={}; Path=/sso; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}",
        started.state
    )
    .parse()
    {
        response.headers_mut().insert(SET_COOKIE, cookie);
    }
    Ok(response)
}

/// The flow's state in the request's cookie, if any.
pub fn flow_cookie(headers: &HeaderMap) -> Option<String> {
    crate::auth::cookie_value(headers, FLOW_COOKIE).filter(|s| !s.is_empty())
}
