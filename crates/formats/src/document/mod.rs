//! What every document the app makes shares: typesetting a PDF from one of our templates
//! ([`pdf`]), writing an editable DOCX ([`docx`]), a structured document written both ways
//! ([`doc`]: the plan, the conversation), and why either can fail.

pub mod doc;
pub mod docx;
pub mod pdf;

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("the PDF could not be typeset: {0}")]
    Typeset(String),
    #[error("the document could not be written: {0}")]
    Write(String),
}
