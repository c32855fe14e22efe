//! The one integration-test binary (each extra binary costs a link): the storage contract on
//! both backends, every public page through the real router and database, and the CLI.

mod allocation;
mod cli;
mod hardening;
mod helpers;
mod isolation;
mod links;
mod mail;
mod members;
mod own_framework;
mod pages;
mod people;
mod scans;
mod schools;
mod setup;
mod sign_in;
mod store_contract;
