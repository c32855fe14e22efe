//! The team picture (*teambeeld*): what the team knows and does, from the scans whose owners
//! let them count, shown only under the group rule of `domain::aggregate`; the teams a
//! coordinator defines to read it by; and the team meeting (*teamoverleg*) prepared from it.
//! Never who answered what.

pub mod meeting;
pub mod meeting_document;
pub mod meetings;
pub mod picture;
pub mod teams;
