//! The school's vision on career guidance (*visiestuk*): its published versions beside what
//! the allocation and the LOB hours say about the statements it links to, the draft
//! coordinators write section by section, comparing two versions, and each version as a
//! document.

pub mod compare;
pub mod document;
pub mod draft;
pub mod shown;
pub mod version;
