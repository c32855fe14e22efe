//! The self-scan: a school's rounds, a person's scan area by area, finishing and
//! sharing, the overview with its documents, a colleague's shared scan, and the quick scan
//! without an account.

pub mod area;
pub mod overview;
pub mod quick;
pub mod round;
pub mod rounds;
pub mod shared;
