//! Signing in: password hashing (Argon2id, off the async runtime), the session cookie and
//! finding who is signed in.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, LazyLock};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{COOKIE, LOCATION, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::{NewPassword, User, UserId};
use store::SessionLimits;

pub use crate::cache::Signed;
use crate::error::AppError;
use crate::state::AppState;

pub const SESSION_COOKIE: &str = "raamwerk_session";

/// The network address of the client, when the server knows it: the connection's, or
/// behind a trusted proxy the address that proxy forwarded ([`client_address`]).
#[derive(Clone, Copy, Debug)]
pub struct ClientIp(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip());
        let forwarded: Vec<&str> = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .collect();
        Ok(ClientIp(client_address(
            peer,
            &forwarded,
            &app.trusted_proxies,
        )))
    }
}

/// The visitor's address. From a peer that is not a trusted proxy, the peer's own. From a
/// trusted proxy, the `X-Forwarded-For` entries are read from the right (each proxy appends
/// the address it was reached from), passing over trusted proxies: the first other address
/// is the visitor's. Whatever stands left of it may be written by the visitor and is never
/// believed; an entry that is not an address stops the walk at the proxy before it.
pub fn client_address(
    peer: Option<IpAddr>,
    forwarded: &[&str],
    trusted: &[IpAddr],
) -> Option<IpAddr> {
    let mut client = peer?;
    if !trusted.contains(&client) {
        return Some(client);
    }
    let hops = forwarded
        .iter()
        .flat_map(|h| h.split(','))
        .map(str::trim)
        .filter(|h| !h.is_empty());
    for hop in hops.collect::<Vec<_>>().into_iter().rev() {
        match hop.parse::<IpAddr>() {
            Ok(address) => {
                client = address;
                if !trusted.contains(&address) {
                    break;
                }
            }
            Err(_) => break,
        }
    }
    Some(client)
}

/// Hashes a new password with Argon2id on a blocking thread.
pub async fn hash_password(password: NewPassword) -> Result<String, AppError> {
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.expose().as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|e| AppError::Internal(format!("hashing a password: {e}")))
    })
    .await
    .map_err(|e| AppError::Internal(format!("hashing a password: {e}")))?
}

/// A hash to check against when an address has no password, so that the answer takes as
/// long as for a real account and timing reveals nothing.
static DUMMY_HASH: LazyLock<Option<String>> = LazyLock::new(|| {
    Argon2::default()
        .hash_password(b"no account has this password")
        .map(|h| h.to_string())
        .ok()
});

/// Whether a password matches a stored hash (or, with no hash, spends the same time and
/// says no).
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    tokio::task::spawn_blocking(move || {
        let (hash, real) = match hash {
            Some(hash) => (hash, true),
            None => (DUMMY_HASH.clone().unwrap_or_default(), false),
        };
        let matches = PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        });
        real && matches
    })
    .await
    .unwrap_or(false)
}

/// The session token in the request's cookies, if any.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    cookie_value(headers, SESSION_COOKIE)
        .filter(|t| t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The value of the cookie `name` in the request, if any.
pub fn cookie_value(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            pair.trim()
                .strip_prefix(name)?
                .strip_prefix('=')
                .map(str::to_owned)
        })
}

/// Who is signed in, if anyone.
pub async fn current_user(app: &AppState, headers: &HeaderMap) -> Result<Option<User>, AppError> {
    Ok(signed_in(app, headers).await?.map(|s| s.user.clone()))
}

/// Who is signed in and their schools, if anyone: from the cache while it is fresh, else
/// from the database.
pub async fn signed_in(
    app: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Arc<Signed>>, AppError> {
    let Some(token) = session_token(headers) else {
        return Ok(None);
    };
    let generation = app.store.generation();
    if let Some(signed) = app
        .sessions
        .get(&token, generation, app.store.hears_others())
    {
        return Ok(Some(signed));
    }
    let Some(user) = app
        .store
        .session_user(&token, SessionLimits::DEFAULT)
        .await?
    else {
        return Ok(None);
    };
    let schools = app.store.my_schools(user.id).await?;
    let signed = Arc::new(Signed { user, schools });
    app.sessions.put(token, signed.clone(), generation);
    Ok(Some(signed))
}

/// The cookie that carries a new session: HttpOnly, SameSite=Lax, Secure when configured.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let max_age = SessionLimits::DEFAULT.absolute_ms / 1000;
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}"
    ))
    .unwrap_or_else(|_| clear_cookie())
}

/// The cookie that ends a session in the browser.
pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("raamwerk_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
}

/// Starts a new session for a person, begun `with` a password or a provider, and sends them
/// on to `location`. A session the browser still held ends first: whoever signs in as someone
/// else (or as themselves again) leaves no earlier session behind that the old cookie, copied
/// or kept, would open.
pub async fn start_session(
    app: &AppState,
    previous: &HeaderMap,
    user: UserId,
    with: store::SignedWith,
    location: &str,
) -> Result<Response, AppError> {
    if let Some(token) = session_token(previous) {
        app.store.delete_session(&token).await?;
    }
    let token = app
        .store
        .create_session(user, SessionLimits::DEFAULT, with)
        .await?;
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(location) {
        response.headers_mut().insert(LOCATION, location);
    }
    response
        .headers_mut()
        .insert(SET_COOKIE, session_cookie(&token, app.secure_cookies));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_trusted_proxy_names_the_visitor() {
        let ip = |s: &str| s.parse::<IpAddr>().expect("an address");
        let proxy = ip("10.0.0.2");
        let trusted = [proxy, ip("10.0.0.3")];
        // No proxy trusted, or a peer that is none: the connection's address.
        assert_eq!(
            client_address(Some(proxy), &["203.0.113.9"], &[]),
            Some(proxy)
        );
        assert_eq!(
            client_address(Some(ip("198.51.100.7")), &["203.0.113.9"], &trusted),
            Some(ip("198.51.100.7")),
            "a visitor cannot name another address by sending the header themselves"
        );
        // Behind the proxy: the rightmost address that is not a trusted proxy.
        assert_eq!(
            client_address(Some(proxy), &["1.2.3.4, 203.0.113.9, 10.0.0.3"], &trusted),
            Some(ip("203.0.113.9")),
            "what the visitor wrote on the left is not believed"
        );
        assert_eq!(
            client_address(Some(proxy), &["1.2.3.4", "203.0.113.9"], &trusted),
            Some(ip("203.0.113.9")),
            "several headers read as one list"
        );
        assert_eq!(client_address(Some(proxy), &[], &trusted), Some(proxy));
        assert_eq!(
            client_address(Some(proxy), &["not-an-address, 10.0.0.3"], &trusted),
            Some(ip("10.0.0.3")),
            "garbage stops the walk at the last proxy"
        );
        assert_eq!(client_address(None, &["203.0.113.9"], &trusted), None);
    }

    #[tokio::test]
    async fn a_hashed_password_verifies_and_others_do_not() {
        let password = NewPassword::parse(
            "paars kompas vindt zeven tulpen",
            "paars kompas vindt zeven tulpen",
            &[],
        )
        .expect("strong");
        let hash = hash_password(password).await.expect("hashed");
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            verify_password("paars kompas vindt zeven tulpen".into(), Some(hash.clone())).await
        );
        assert!(!verify_password("paars kompas vindt zes tulpen".into(), Some(hash)).await);
        assert!(!verify_password("no account has this password".into(), None).await);
        assert!(!verify_password("x".into(), Some("not a hash".into())).await);
    }

    #[test]
    fn only_a_well_formed_session_token_is_read() {
        let token = "a".repeat(64);
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::from_str(&format!("lang=nl; raamwerk_session={token}")).expect("ascii"),
        );
        assert_eq!(session_token(&headers), Some(token));
        headers.insert(
            COOKIE,
            HeaderValue::from_static("raamwerk_session=../../etc"),
        );
        assert_eq!(session_token(&headers), None);
        headers.insert(COOKIE, HeaderValue::from_static("raamwerk_sessionx=aaaa"));
        assert_eq!(session_token(&headers), None);
    }
}
