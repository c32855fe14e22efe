//! Who calls the JSON API: a person signed in on the pages (the session cookie), or a script
//! with an API token (`Authorization: Bearer rwk_…`). A token is checked at every request:
//! not revoked or expired, for the school in the path, the person it acts for still an active
//! member (for a school token still an administrator), the scope it needs granted and the
//! permission the call needs held by that person now. Every refusal is an answer in the
//! API's one error format, with the status a client can act on.

use std::sync::Arc;

use axum::http::header::{AUTHORIZATION, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::api_token::{Access, Holder, Resource, presented_secret};
use store::{ApiToken, USED_GRANULARITY_MS};

use crate::auth::Signed;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::json::{error, signed};
use crate::working::Working;

/// How a call was signed.
#[derive(Clone, Debug)]
pub enum Via {
    Session,
    Token(ApiToken),
}

/// The person an API call works for, in the school of its path.
#[derive(Clone, Debug)]
pub struct Caller {
    pub working: Working,
    pub via: Via,
}

impl Caller {
    /// Whether the call may read a person's own data: a session, or that person's own token
    /// (a school token never reads anyone's own scan or plan).
    pub fn owner(&self) -> bool {
        match &self.via {
            Via::Session => true,
            Via::Token(token) => token.holder == Holder::Person,
        }
    }
}

/// A 401 that tells a client its token was not taken (RFC 6750).
fn unauthorized(lang: Lang, key: &str) -> Response {
    let mut response = error(StatusCode::UNAUTHORIZED, Tr(lang).get(key));
    response.headers_mut().insert(
        WWW_AUTHENTICATE,
        HeaderValue::from_static("Bearer realm=\"raamwerk\", error=\"invalid_token\""),
    );
    response
}

/// The caller of an API route of the school `school` that needs `needs` and, for a token,
/// the scope `resource`/`access`; or the answer to give instead.
pub async fn caller(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    school: &str,
    needs: Permission,
    resource: Resource,
    access: Access,
) -> Result<Result<Caller, Response>, AppError> {
    let Some(header) = headers.get(AUTHORIZATION) else {
        return Ok(signed(app, headers, lang, school, needs)
            .await?
            .map(|working| Caller {
                working,
                via: Via::Session,
            }));
    };
    let Some(secret) = header.to_str().ok().and_then(presented_secret) else {
        return Ok(Err(unauthorized(lang, "api-token-malformed")));
    };
    let Some((token, person)) = token_lookup(app, secret).await? else {
        return Ok(Err(unauthorized(lang, "api-token-unknown")));
    };
    if !token.usable(store::now_millis()) {
        return Ok(Err(unauthorized(lang, "api-token-unknown")));
    }
    // The person's place in the token's school as it is now.
    let Some(index) = person
        .schools
        .iter()
        .position(|s| s.active && s.school.id == token.school)
    else {
        return Ok(Err(unauthorized(lang, "api-token-no-member")));
    };
    let membership = &person.schools[index];
    if token.holder == Holder::School && membership.permission != Permission::Administrator {
        return Ok(Err(unauthorized(lang, "api-token-no-member")));
    }
    if membership.school.short_name != school {
        return Ok(Err(error(
            StatusCode::NOT_FOUND,
            Tr(lang).get("api-no-school"),
        )));
    }
    if !token.scopes.allows(resource, access) {
        let mut response = error(
            StatusCode::FORBIDDEN,
            Tr(lang).args(
                "api-token-scope",
                &[("scope", &format!("{}:{}", resource.code(), access.code()))],
            ),
        );
        response.headers_mut().insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"raamwerk\", error=\"insufficient_scope\""),
        );
        return Ok(Err(response));
    }
    if !membership.permission.includes(needs) {
        return Ok(Err(error(
            StatusCode::FORBIDDEN,
            Tr(lang).get("fw-refused-not-allowed"),
        )));
    }
    note_use(app, &token, secret);
    let working = Working::new(person, index);
    Ok(Ok(Caller {
        working,
        via: Via::Token(token),
    }))
}

/// The token presented and the person it acts for with their schools: from the cache while
/// it is fresh (a revocation, like a membership change, ends reuse at once), else from the
/// database.
async fn token_lookup(
    app: &AppState,
    secret: &str,
) -> Result<Option<(ApiToken, Arc<Signed>)>, AppError> {
    let generation = app.store.generation();
    if let Some(found) = app.tokens.get(secret, generation, app.store.hears_others()) {
        return Ok(Some(found));
    }
    let Some(token) = app.store.presented_token(secret).await? else {
        return Ok(None);
    };
    let Some(user) = app.store.user_by_id(token.user).await? else {
        return Ok(None);
    };
    let schools = app.store.my_schools(user.id).await?;
    let found = (token, Arc::new(Signed { user, schools }));
    app.tokens.put(secret.to_owned(), found.clone(), generation);
    Ok(Some(found))
}

/// Writes "last used" at most once a minute per token, after the answer (a failed write
/// costs the call nothing).
fn note_use(app: &AppState, token: &ApiToken, secret: &str) {
    let now = store::now_millis();
    let due = match app.token_uses.lock() {
        Ok(mut uses) => {
            let last = uses.get(&token.id).copied().unwrap_or(i64::MIN);
            let due = now.saturating_sub(last) >= USED_GRANULARITY_MS;
            if due {
                if uses.len() >= 10_000 {
                    uses.clear();
                }
                uses.insert(token.id, now);
            }
            due
        }
        Err(_) => false,
    };
    if due {
        let app = app.clone();
        let secret = secret.to_owned();
        tokio::spawn(async move {
            if let Err(e) = app.store.token_used(&secret).await {
                tracing::warn!(error = %e, "could not note a token's use");
            }
        });
    }
}

/// The caller of an API route (see [`caller`]), or returns its answer from
/// the handler.
macro_rules! caller_or_answer {
    ($app:expr, $headers:expr, $lang:expr, $school:expr, $needs:expr, $resource:expr, $access:expr) => {
        match $crate::api_auth::caller($app, $headers, $lang, $school, $needs, $resource, $access)
            .await?
        {
            Ok(caller) => caller,
            Err(answer) => return Ok(answer),
        }
    };
}
pub(crate) use caller_or_answer;
