//! The development plan and the one-to-one conversation: one's own plan with its goals and
//! actions, sharing it with a colleague on purpose, a colleague's shared plan, preparing a
//! conversation from what one chooses to bring, its agreements, and both as documents.
//! Nobody but the owner, and whom they share with, sees any of it: not coordinators, not
//! administrators, not counts.

pub mod context;
pub mod conversation;
pub mod conversation_new;
pub mod conversations;
pub mod documents;
pub mod goal;
pub mod goal_form;
pub mod goal_new;
pub mod plan_page;
pub mod shared_plan;
