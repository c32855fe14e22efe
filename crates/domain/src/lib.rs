//! The product's knowledge, free of I/O: the framework (roles, areas, statements, themes),
//! its immutable editions and the rules an edition must satisfy.
//!
//! Everything here is plain data and pure functions so that it can be tested exhaustively and
//! reused by the storage layer, the exchange formats and the web layer alike.

pub mod account;
pub mod aggregate;
pub mod allocation;
pub mod api_token;
pub mod clock;
pub mod conversation;
pub mod cycle;
pub mod framework;
pub mod hours;
pub mod lang;
pub mod links;
pub mod meeting;
pub mod members;
pub mod network;
pub mod people_list;
pub mod picture;
pub mod plan;
pub mod scan;
pub mod school;
pub mod sso;
pub mod survey;
pub mod throttle;
pub mod vision;
pub mod workplan;

pub use framework::{
    Area, AreaInfo, Code, Depth, Edition, EditionId, EditionMeta, EditionParts, Kind, Label,
    Location, Problem, ProblemKind, Role, RoleInfo, Statement, Tag, Theme, ThemeCode,
};
pub use framework::{Aspect, StatementChange, diff, tally};
pub use lang::{Lang, Text};
