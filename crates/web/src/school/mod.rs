//! Running a school: its start page, members and invitations, settings and the audit log.

pub mod api_tokens;
pub mod audit_log;
pub mod member;
pub mod members;
pub mod revoke_invitation;
pub mod settings;
pub mod start;
