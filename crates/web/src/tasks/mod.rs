//! Wie doet wat: the allocation of tasks for a school year, one task, the LOB hours and
//! the allocation as a document.

pub mod allocation;
pub mod change;
pub mod documents;
pub mod hours;
pub mod task;
