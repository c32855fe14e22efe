//! Running a school: members, invitations, settings and the audit log.

mod audit_log;
mod invitations;
mod invite_many;
mod members;
mod settings;
