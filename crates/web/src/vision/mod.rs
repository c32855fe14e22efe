//! The school's vision on career guidance (*visiestuk*): its published versions beside what
//! the allocation and the LOB hours say about the statements it links to, the draft
//! coordinators write section by section, comparing two versions, each version as a document, the teams' work plans
//! derived from it, and the yearly cycle with its evaluations and year report.

pub mod compare;
pub mod cycle;
pub mod document;
pub mod draft;
pub mod shown;
pub mod version;
pub mod work_plan;
pub mod work_plan_document;
pub mod work_plans;
pub mod year_report;
