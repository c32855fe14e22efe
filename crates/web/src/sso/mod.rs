//! Signing in through the school's identity provider (SURFconext, Entree): starting a
//! sign-in or a link, the provider's answer, the pages for what can go wrong, and each
//! school's setting (its organisation, joining on first sign-in, password sign-in). The
//! OpenID Connect client itself is [`crate::oidc`].

pub mod callback;
pub mod link;
pub mod problem;
pub mod school_sign_in;
pub mod start;

/// The cookie that binds a sign-in at the provider to the browser that started it: it holds
/// the flow's state, which the provider's answer must carry too.
pub const FLOW_COOKIE: &str = "raamwerk_sso";
