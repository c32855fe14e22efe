//! The public site, for anyone: the home page, the roles and themes of the national
//! framework, privacy, and `/` choosing the language.

pub mod home;
pub mod privacy;
pub mod role;
pub mod root;
pub mod theme;
pub mod themes;
