//! A person and their account: signing in and out, password links, the first run's
//! set-up, accepting an invitation, the account page with personal data, roles, a new
//! password or name and deleting the account, and the list of one's schools.

pub mod account_page;
pub mod change;
pub mod confirm_email;
pub mod delete;
pub mod forgot_password;
pub mod invitation;
pub mod personal_data;
pub mod roles;
pub mod schools;
pub mod set_password;
pub mod setup;
pub mod sign_in;
pub mod sign_out;
