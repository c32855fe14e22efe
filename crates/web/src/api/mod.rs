//! The JSON API (editions, with its OpenAPI description) and the read-only CASE REST
//! endpoints.

pub mod case;
pub mod editions;
