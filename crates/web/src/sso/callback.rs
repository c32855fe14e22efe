//! The provider's answer: the flow is taken (once; it must be this browser's), the code is
//! exchanged and the ID token checked, and then the person is signed in, joins their school,
//! or links the identity to their account; or they get a page that says why not.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::http::header::SET_COOKIE;
use axum::response::Response;
use domain::Lang;
use domain::account::{Email, PersonName, UserId};
use domain::sso::{Arrival, Linking, ProviderConfig, arrival};
use store::JoinError;

use crate::auth::start_session;
use crate::error::AppError;
use crate::oidc::{Identity, OidcError};
use crate::routes::Page;
use crate::sso::FLOW_COOKIE;
use crate::sso::problem::{Problem, problem_page};
use crate::sso::start::flow_cookie;
use crate::state::AppState;
use crate::ui::see_other;

#[derive(Debug, Default, serde::Deserialize)]
pub struct Answer {
    state: Option<String>,
    code: Option<String>,
    error: Option<String>,
}

pub async fn show(
    State(app): State<AppState>,
    headers: HeaderMap,
    answer: Result<Query<Answer>, QueryRejection>,
) -> Result<Response, AppError> {
    let answer = answer.map(|Query(a)| a).unwrap_or_default();
    let mut response = handle(&app, &headers, answer).await?;
    // The flow is over, however it ended.
    if let Ok(clear) =
        format!("{FLOW_COOKIE}=; Path=/sso; Max-Age=0; HttpOnly; SameSite=Lax").parse()
    {
        response.headers_mut().append(SET_COOKIE, clear);
    }
    Ok(response)
}

async fn handle(app: &AppState, headers: &HeaderMap, answer: Answer) -> Result<Response, AppError> {
    let fallback = Lang::Nl;
    let Some(state) = answer.state.filter(|s| !s.is_empty() && s.len() <= 200) else {
        return problem_page(app, fallback, Problem::FlowExpired, None);
    };
    // Taken before anything is compared, so that a state is never used twice.
    let flow = app.store.take_sso_flow(&state).await?;
    let Some(flow) = flow.filter(|_| flow_cookie(headers).as_deref() == Some(state.as_str()))
    else {
        return problem_page(app, fallback, Problem::FlowExpired, None);
    };
    let lang = flow.lang;
    let Some(provider) = app.oidc.provider(&flow.provider) else {
        return problem_page(app, lang, Problem::UnknownProvider, None);
    };
    if answer.error.is_some() {
        return problem_page(app, lang, Problem::Cancelled, Some(provider));
    }
    let Some(code) = answer.code.filter(|c| !c.is_empty()) else {
        return problem_page(app, lang, Problem::FlowExpired, Some(provider));
    };
    let identity = match app
        .oidc
        .finish(&provider.id, &code, &flow.verifier, &flow.nonce)
        .await
    {
        Ok(identity) => identity,
        Err(e) => {
            tracing::warn!(provider = %provider.id, error = %e, "sign-in through provider failed");
            let problem = match e {
                OidcError::UnknownProvider(_) => Problem::UnknownProvider,
                OidcError::Unreachable(_) => Problem::ProviderDown,
                OidcError::CodeRefused(_) => Problem::CodeRefused,
                OidcError::InvalidToken(_) => Problem::InvalidAnswer,
            };
            return problem_page(app, lang, problem, Some(provider));
        }
    };
    match flow.user {
        Some(user) => link(app, lang, provider, user, &identity).await,
        None => sign_in(app, headers, lang, provider, identity).await,
    }
}

async fn link(
    app: &AppState,
    lang: Lang,
    provider: &ProviderConfig,
    user: UserId,
    identity: &Identity,
) -> Result<Response, AppError> {
    match app
        .store
        .link_sso(user, &identity.issuer, &identity.subject)
        .await?
    {
        Linking::Linked | Linking::Already => Ok(see_other(&format!(
            "{}?klaar=schoolaccount",
            Page::Account.path(lang)
        ))),
        Linking::OtherAccount => problem_page(app, lang, Problem::LinkedElsewhere, Some(provider)),
    }
}

async fn sign_in(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    provider: &ProviderConfig,
    identity: Identity,
) -> Result<Response, AppError> {
    let linked = app
        .store
        .sso_user(&identity.issuer, &identity.subject)
        .await?;
    let organisation = identity
        .organisation
        .as_deref()
        .and_then(|value| provider.org_claim.organisation(value).ok());
    let email = identity.email.as_deref().and_then(|e| Email::parse(e).ok());
    let (schools, email_taken) = match (&linked, &organisation) {
        (None, Some(organisation)) => {
            let schools = app
                .store
                .schools_of_organisation(&identity.issuer, organisation)
                .await?;
            let taken = match &email {
                Some(email) => Some(app.store.user_by_email(email).await?.is_some()),
                None => None,
            };
            (schools, taken)
        }
        _ => (Vec::new(), None),
    };
    let schools_page = Page::Schools.path(lang);
    let problem = match arrival(
        linked.as_ref().map(|u| u.id),
        organisation.as_ref(),
        &schools,
        email_taken,
    ) {
        Arrival::SignIn(user) => {
            return start_session(
                app,
                headers,
                user,
                store::SignedWith::Provider,
                &schools_page,
            )
            .await;
        }
        Arrival::Join(school) => {
            let (Some(email), Some(organisation)) = (email, organisation) else {
                return problem_page(app, lang, Problem::MissingEmail, Some(provider));
            };
            let name = identity
                .name
                .as_deref()
                .and_then(|n| PersonName::parse(n).ok())
                .or_else(|| PersonName::parse(email.as_str().split('@').next()?).ok());
            let Some(name) = name else {
                return problem_page(app, lang, Problem::MissingEmail, Some(provider));
            };
            tracing::info!(organisation = %organisation, "a new person joins through their provider");
            return match app
                .store
                .join_through_sso(school, &email, &name, &identity.issuer, &identity.subject)
                .await
            {
                Ok(user) => {
                    start_session(
                        app,
                        headers,
                        user.id,
                        store::SignedWith::Provider,
                        &schools_page,
                    )
                    .await
                }
                Err(JoinError::EmailTaken) => {
                    problem_page(app, lang, Problem::AccountExists, Some(provider))
                }
                Err(JoinError::IdentityTaken) => {
                    problem_page(app, lang, Problem::FlowExpired, Some(provider))
                }
                Err(JoinError::Store(e)) => Err(e.into()),
            };
        }
        Arrival::MissingClaim => Problem::MissingClaim,
        Arrival::SchoolNotLinked => Problem::SchoolNotLinked,
        Arrival::InvitationNeeded => Problem::InvitationNeeded,
        Arrival::AccountExists => Problem::AccountExists,
        Arrival::MissingEmail => Problem::MissingEmail,
    };
    problem_page(app, lang, problem, Some(provider))
}
