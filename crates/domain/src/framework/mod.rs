//! The framework: its fixed structure (roles, areas, kinds, depth), its editions, and the
//! rules every edition obeys.

mod edition;
mod structure;
mod validate;

#[cfg(test)]
pub(crate) mod fixture;

pub use edition::{
    Code, Date, Edition, EditionId, EditionMeta, EditionParts, NAMESPACE, Statement, Theme,
    ThemeCode,
};
pub use structure::{Area, AreaInfo, Depth, Kind, Label, Role, RoleInfo};
pub use validate::{Field, Location, Problem, ProblemKind};
