//! The framework: its fixed structure (roles, areas, kinds, depth), its editions, and the
//! rules every edition obeys.

mod diff;
pub mod draft;
mod edition;
mod structure;
mod tag;
mod validate;

#[cfg(test)]
pub(crate) mod fixture;

pub use diff::{Aspect, StatementChange, diff, tally};
pub use edition::{
    Code, Date, Edition, EditionId, EditionMeta, EditionParts, NAMESPACE, Statement, Theme,
    ThemeCode,
};
pub use structure::{Area, AreaInfo, Depth, Kind, Label, Role, RoleInfo};
pub use tag::{MAX_TAG_CHARS, Tag};
pub use validate::{Field, Location, Problem, ProblemKind};
