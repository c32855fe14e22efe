//! The OpenID Connect client for the identity providers the operator configured (SURFconext,
//! Entree): discovery, the authorization code flow with PKCE, state and nonce, and the checks
//! of the ID token (signature against the provider's published keys, issuer, audience,
//! expiry with a minute of clock skew, nonce). The `openidconnect` crate does the checking;
//! the HTTP requests go through our own small client ([`send`]), which never follows
//! redirects.
//!
//! Each provider's discovery document and keys are kept for an hour; an ID token whose
//! signature they do not verify makes us fetch them again once (the provider rotated its keys)
//! before it is refused.

use std::sync::Arc;
use std::time::{Duration, Instant};

use domain::sso::ProviderConfig;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm, CoreProviderMetadata,
};
use openidconnect::{
    AdditionalClaims, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, EndpointMaybeSet, EndpointNotSet, EndpointSet, HttpRequest, HttpResponse, IdToken,
    IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError, Scope,
    TokenResponse,
};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

/// Where providers send people back to (relative to the app's address).
pub const CALLBACK_PATH: &str = "/sso/callback";
/// How long a discovery document and its keys are used before they are fetched again.
const DISCOVERY_TTL: Duration = Duration::from_secs(60 * 60);
/// How far the provider's clock may be ahead of ours.
const CLOCK_SKEW: chrono::TimeDelta = chrono::TimeDelta::seconds(60);
/// How long a provider whose discovery failed is left alone before it is asked again.
const RETRY_AFTER_FAILURE: Duration = Duration::from_secs(15);
/// How long one request to a provider may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The most a provider's answer may hold.
const ANSWER_LIMIT: usize = 1024 * 1024;

/// The organisation claims of Dutch education, beside the standard ones.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
struct EduClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    schac_home_organization: Option<String>,
    #[serde(
        default,
        rename = "nlEduPersonHomeOrganizationId",
        skip_serializing_if = "Option::is_none"
    )]
    entree_organisation: Option<String>,
}

impl AdditionalClaims for EduClaims {}

type EduIdToken =
    IdToken<EduClaims, CoreGenderClaim, CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm>;

/// The configured providers and what was learnt of them.
#[derive(Debug)]
pub struct Oidc {
    providers: Vec<Provider>,
    redirect: String,
}

/// What was learnt of a provider: its document and keys, and when fetching them last failed.
#[derive(Debug, Default)]
struct Discovery {
    kept: Option<(Instant, Arc<CoreProviderMetadata>)>,
    failed: Option<(Instant, String)>,
}

#[derive(Debug)]
struct Provider {
    config: ProviderConfig,
    discovered: Mutex<Discovery>,
}

/// A sign-in sent to a provider: where the browser goes, and what its answer is checked
/// against (kept on our side).
#[derive(Debug)]
pub struct Started {
    pub url: String,
    pub state: String,
    pub nonce: String,
    pub verifier: String,
}

/// Who the provider says signed in: its checked ID token's claims.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    pub email: Option<String>,
    pub name: Option<String>,
    /// The organisation claim's value, as given.
    pub organisation: Option<String>,
}

/// Why a sign-in through a provider did not come through.
#[derive(Debug, thiserror::Error)]
pub enum OidcError {
    #[error("no provider {0:?} is configured")]
    UnknownProvider(String),
    /// The provider could not be reached or answered with an error of its own.
    #[error("the provider cannot be reached: {0}")]
    Unreachable(String),
    /// The provider refused the code (expired, used, or not issued for this verifier).
    #[error("the provider refused the code: {0}")]
    CodeRefused(String),
    /// The ID token failed a check (signature, issuer, audience, expiry, nonce).
    #[error("the ID token is not valid: {0}")]
    InvalidToken(String),
}

impl Oidc {
    /// The providers, sending people back to `base_url` + [`CALLBACK_PATH`].
    pub fn new(configs: Vec<ProviderConfig>, base_url: &str) -> Oidc {
        Oidc {
            providers: configs
                .into_iter()
                .map(|config| Provider {
                    config,
                    discovered: Mutex::new(Discovery::default()),
                })
                .collect(),
            redirect: format!("{}{CALLBACK_PATH}", base_url.trim_end_matches('/')),
        }
    }

    pub fn providers(&self) -> impl Iterator<Item = &ProviderConfig> {
        self.providers.iter().map(|p| &p.config)
    }

    pub fn provider(&self, id: &str) -> Option<&ProviderConfig> {
        self.find(id).ok().map(|p| &p.config)
    }

    pub fn by_issuer(&self, issuer: &str) -> Option<&ProviderConfig> {
        self.providers().find(|c| c.issuer == issuer)
    }

    fn find(&self, id: &str) -> Result<&Provider, OidcError> {
        self.providers
            .iter()
            .find(|p| p.config.id == id)
            .ok_or_else(|| OidcError::UnknownProvider(id.to_owned()))
    }

    /// Starts a sign-in at provider `id`: the address to send the browser to, with a fresh
    /// state, nonce and PKCE challenge; asks only for `openid email profile`.
    pub async fn start(&self, id: &str) -> Result<Started, OidcError> {
        let provider = self.find(id)?;
        let client = self.client(provider, false).await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .add_scope(Scope::new("email".to_owned()))
            .add_scope(Scope::new("profile".to_owned()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Started {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
        })
    }

    /// Exchanges the provider's code (with the flow's PKCE verifier) and checks the ID token
    /// against the flow's nonce.
    pub async fn finish(
        &self,
        id: &str,
        code: &str,
        verifier: &str,
        nonce: &str,
    ) -> Result<Identity, OidcError> {
        let provider = self.find(id)?;
        let client = self.client(provider, false).await?;
        let answer = client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| OidcError::Unreachable(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(verifier.to_owned()))
            .request_async(&send)
            .await
            .map_err(|e| match e {
                RequestTokenError::ServerResponse(refusal) => {
                    OidcError::CodeRefused(refusal.error().to_string())
                }
                other => OidcError::Unreachable(other.to_string()),
            })?;
        let token = answer
            .id_token()
            .ok_or_else(|| OidcError::InvalidToken("no ID token".to_owned()))?;
        let token: EduIdToken = token
            .to_string()
            .parse()
            .map_err(|e: serde_json::Error| OidcError::InvalidToken(e.to_string()))?;
        let nonce = Nonce::new(nonce.to_owned());
        let checked = match check(&client, &token, &nonce) {
            Err(ClaimsVerificationError::SignatureVerification(_)) => {
                // The provider may have rotated its keys since we fetched them (a new key,
                // or a key id used again): fetch them once more before refusing.
                let fresh = self.client(provider, true).await?;
                check(&fresh, &token, &nonce)
            }
            other => other,
        };
        let claims = checked.map_err(|e| OidcError::InvalidToken(e.to_string()))?;
        let extra = claims.additional_claims();
        let organisation = match provider.config.org_claim {
            domain::sso::OrgClaim::SchacHomeOrganization => extra.schac_home_organization.clone(),
            domain::sso::OrgClaim::EntreeBrin => extra.entree_organisation.clone(),
        };
        Ok(Identity {
            issuer: provider.config.issuer.clone(),
            subject: claims.subject().as_str().to_owned(),
            email: claims
                .email()
                .filter(|_| claims.email_verified() != Some(false))
                .map(|e| e.as_str().to_owned()),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.as_str().to_owned()),
            organisation,
        })
    }

    /// A client for the provider from its (kept or, with `fresh`, newly fetched) discovery
    /// document and keys.
    async fn client(&self, provider: &Provider, fresh: bool) -> Result<Client, OidcError> {
        let metadata = {
            // One fetch at a time per provider; the others wait for it and use what it got.
            let mut discovery = provider.discovered.lock().await;
            match &discovery.kept {
                Some((at, metadata)) if !fresh && at.elapsed() < DISCOVERY_TTL => metadata.clone(),
                _ => {
                    // A provider that just failed is not asked again at once: a hanging
                    // provider would otherwise hold every sign-in for the full timeout.
                    if let Some((at, why)) = &discovery.failed
                        && at.elapsed() < RETRY_AFTER_FAILURE
                    {
                        return Err(OidcError::Unreachable(why.clone()));
                    }
                    let issuer = IssuerUrl::new(provider.config.issuer.clone())
                        .map_err(|e| OidcError::Unreachable(e.to_string()))?;
                    match CoreProviderMetadata::discover_async(issuer, &send).await {
                        Ok(metadata) => {
                            let metadata = Arc::new(metadata);
                            discovery.kept = Some((Instant::now(), metadata.clone()));
                            discovery.failed = None;
                            metadata
                        }
                        Err(e) => {
                            let why = describe(&e);
                            discovery.failed = Some((Instant::now(), why.clone()));
                            return Err(OidcError::Unreachable(why));
                        }
                    }
                }
            }
        };
        let redirect = RedirectUrl::new(self.redirect.clone())
            .map_err(|e| OidcError::Unreachable(e.to_string()))?;
        Ok(CoreClient::from_provider_metadata(
            (*metadata).clone(),
            ClientId::new(provider.config.client_id.clone()),
            Some(ClientSecret::new(provider.config.client_secret.clone())),
        )
        .set_redirect_uri(redirect))
    }
}

/// A client made from a provider's discovery document.
type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// Checks the ID token's signature and claims, allowing the provider's clock to run a minute
/// ahead of ours.
fn check<'t>(
    client: &Client,
    token: &'t EduIdToken,
    nonce: &Nonce,
) -> Result<&'t openidconnect::IdTokenClaims<EduClaims, CoreGenderClaim>, ClaimsVerificationError> {
    let verifier = client
        .id_token_verifier()
        .set_time_fn(|| chrono::Utc::now() - CLOCK_SKEW)
        .set_issue_time_verifier_fn(|issued| {
            if issued > chrono::Utc::now() + CLOCK_SKEW {
                Err(format!("issued in the future: {issued}"))
            } else {
                Ok(())
            }
        });
    token.claims(&verifier, nonce)
}

/// An error with its causes, for the log.
fn describe(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Why a request to a provider failed.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("not a usable address: {0}")]
    Address(String),
    #[error("no connection: {0}")]
    Connect(#[from] std::io::Error),
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("HTTP: {0}")]
    Http(#[from] hyper::Error),
    #[error("the answer is over {ANSWER_LIMIT} bytes or broken off")]
    Body,
    #[error("{0}")]
    Request(#[from] openidconnect::http::Error),
}

/// One request to a provider over HTTP/1.1, TLS for `https`: no redirects followed, an
/// answer of at most [`ANSWER_LIMIT`] bytes, all within [`REQUEST_TIMEOUT`].
pub async fn send(request: HttpRequest) -> Result<HttpResponse, HttpError> {
    tokio::time::timeout(REQUEST_TIMEOUT, send_now(request))
        .await
        .map_err(|_| HttpError::Timeout(REQUEST_TIMEOUT))?
}

async fn send_now(request: HttpRequest) -> Result<HttpResponse, HttpError> {
    let uri = request.uri().clone();
    let host = uri
        .host()
        .ok_or_else(|| HttpError::Address(uri.to_string()))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_owned();
    let tls = match uri.scheme_str() {
        Some("https") => true,
        Some("http") => false,
        _ => return Err(HttpError::Address(uri.to_string())),
    };
    let port = uri.port_u16().unwrap_or(if tls { 443 } else { 80 });
    let tcp = TcpStream::connect((host.as_str(), port)).await?;
    let (mut parts, body) = request.into_parts();
    let path = uri.path_and_query().map_or("/", |p| p.as_str()).to_owned();
    parts.uri = path
        .parse()
        .map_err(|_| HttpError::Address(uri.to_string()))?;
    if let Some(authority) = uri.authority()
        && let Ok(value) = hyper::header::HeaderValue::from_str(authority.as_str())
    {
        parts.headers.insert(hyper::header::HOST, value);
    }
    let request = hyper::Request::from_parts(parts, Full::new(Bytes::from(body)));
    if tls {
        let name = tokio_rustls::rustls::pki_types::ServerName::try_from(host.clone())
            .map_err(|_| HttpError::Address(uri.to_string()))?;
        let stream = tls_connector().connect(name, tcp).await?;
        exchange(stream, request).await
    } else {
        exchange(tcp, request).await
    }
}

async fn exchange<S>(
    stream: S,
    request: hyper::Request<Full<Bytes>>,
) -> Result<HttpResponse, HttpError>
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, connection) =
        hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream)).await?;
    let driver = tokio::spawn(connection);
    let answer = sender.send_request(request).await;
    let result = match answer {
        Ok(answer) => {
            let (parts, body) = answer.into_parts();
            let body = Limited::new(body, ANSWER_LIMIT)
                .collect()
                .await
                .map_err(|_| HttpError::Body)?
                .to_bytes();
            Ok(HttpResponse::from_parts(parts, body.to_vec()))
        }
        Err(e) => Err(HttpError::Http(e)),
    };
    driver.abort();
    result
}

/// TLS with the Mozilla roots (as e-mail uses), made once.
fn tls_connector() -> tokio_rustls::TlsConnector {
    static CONFIG: std::sync::OnceLock<Arc<tokio_rustls::rustls::ClientConfig>> =
        std::sync::OnceLock::new();
    let config = CONFIG.get_or_init(|| {
        let roots = tokio_rustls::rustls::RootCertStore::from_iter(
            webpki_roots::TLS_SERVER_ROOTS.iter().cloned(),
        );
        let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
        let config = tokio_rustls::rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map(|builder| {
                builder
                    .with_root_certificates(roots.clone())
                    .with_no_client_auth()
            })
            .unwrap_or_else(|_| {
                tokio_rustls::rustls::ClientConfig::builder()
                    .with_root_certificates(roots)
                    .with_no_client_auth()
            });
        Arc::new(config)
    });
    tokio_rustls::TlsConnector::from(config.clone())
}
