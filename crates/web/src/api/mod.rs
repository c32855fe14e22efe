//! The JSON API: what the pages of a school do, for scripts and other systems (with an API
//! token or the session; see `crate::api_auth`), described by `/api/openapi.json` ([`doc`]),
//! and the read-only CASE REST endpoints. Every error is `{"error": message}` (with
//! `problems` when several values are wrong), in the language of `Accept-Language`; what the
//! handlers share for that is in `crate::ui::json`.

pub mod allocation;
pub mod case;
pub mod doc;
pub mod editions;
pub mod members;
pub mod plan;
pub mod scan;
pub mod team;
