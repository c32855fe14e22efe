//! The development plan and the conversation through the real router, on both backends:
//! a plan's life across two rounds, sharing on purpose, a conversation from agenda to
//! agreements to actions, and the documents.

mod conversations;
mod goals;
mod sharing;
