//! The school's own framework: the framework page and its versions, importing, the
//! draft and its statements, and taking over a national update.

pub mod draft;
pub mod draft_statement;
pub mod edition;
pub mod import;
pub mod national;
pub mod own;
