//! Running a school: members, invitations, settings and the audit log.

mod invitations;
mod members;
mod settings;
