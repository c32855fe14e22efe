//! The HTTP layer, in feature folders on a shared floor (see ARCHITECTURE.md):
//!
//! - the floor: [`router`] (every address in one list), [`state`], [`routes`] (the page
//!   addresses per language), `error`, `auth`, `working` (who works in which school), `i18n`,
//!   `mail`, `cache`, `middleware`, `assets`, `health`, [`server`], [`imports`], and `ui`
//!   (page chrome, answers, dates, forms, a school's navigation and framework);
//! - the features, each with its handlers and views, their templates in the matching folder
//!   under `templates/`: `public`, `account`, `school`, `scan`, `plan`, `framework`, `tasks`, `team`,
//!   `vision`, `survey`, `network`, `api`.
//!
//! The floor never imports a feature, and no feature imports another (a test reads the
//! `use` lines and holds the crate to it).

mod api_auth;
mod assets;
mod auth;
mod cache;
pub mod changes;
mod error;
mod guesses;
mod health;
mod i18n;
pub mod imports;
pub mod mail;
mod middleware;
mod oidc;
pub mod router;
pub mod routes;
pub mod server;
pub mod state;
mod ui;
mod working;

mod account;
mod api;
mod framework;
mod network;
mod plan;
mod public;
mod scan;
mod school;
mod sso;
mod survey;
mod tasks;
mod team;
mod vision;

pub use auth::hash_password;
pub use error::AppError;
pub use i18n::Tr;
pub use router::{Who, route_paths, route_table, router};
pub use state::{App, AppState, Settings};
pub use ui::figures::current as current_figures;
