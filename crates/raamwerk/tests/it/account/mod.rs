//! Accounts: signing in, the account page, password links, e-mail and the first run.

mod account_page;
mod change;
mod links;
mod mail;
mod personal_data;
mod setup;
mod sign_in;
