//! The JSON API through the real router: API tokens made on the school's page and used by a
//! script, every refusal with its status and the one error format, and the description.

mod allocation;
mod description;
mod tokens;
