//! Signing in through a real OpenID Provider: the tests start `tests/oidc/provider.mjs`
//! (oidc-provider from npm, installed by `scripts/test`), configured as SURFconext or Entree,
//! and run the whole flow through our router and the provider's real endpoints.

mod flows;
mod provider;
