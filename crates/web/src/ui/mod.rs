//! The floor every feature builds its pages on: the page chrome, how a page is answered,
//! statements as pages show them, dates and school years, a school's navigation, forms and
//! a school's framework as the pages load it, where a scan stands, the school year's
//! allocation and its parties as *wie doet wat* and the team meeting load and name them.
//! Nothing here imports a feature.

pub mod allocation;
pub mod chart;
pub mod chrome;
pub mod dates;
pub mod figures;
pub mod forms;
pub mod frameworks;
pub mod json;
pub mod paging;
pub mod parties;
pub mod respond;
pub mod rounds;
pub mod scan_state;
pub mod school_fields;
pub mod school_nav;
pub mod statements;
pub mod year;

pub use chrome::{Chrome, NavLink};
pub use respond::{respond, respond_private, see_other, to_sign_in};
pub use statements::{RoleLink, StatementView};
