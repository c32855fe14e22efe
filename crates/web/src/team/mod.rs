//! The team picture (*teambeeld*): what the team knows and does, from the scans whose owners
//! let them count, shown only under the group rule of `domain::aggregate`; and the teams a
//! coordinator defines to read it by. Never who answered what.

pub mod picture;
pub mod teams;
