//! The one integration-test binary (each extra binary costs a link), in folders that follow
//! the web layer's features: every test drives the real router or the built binary on a
//! real database, SQLite and PostgreSQL alike (`on_both_backends!`). The shared steps (a
//! school's team, signing in, an open round, a published own framework) are named helpers
//! in `helpers/`.

mod account;
mod api;
mod cli;
mod framework;
mod helpers;
mod network;
mod plan;
mod public;
mod scan;
mod school;
mod security;
mod sso;
mod store;
mod survey;
mod tasks;
mod team;
mod vision;
