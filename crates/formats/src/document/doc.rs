//! A structured document — a title, then sections of text, facts, lists and tables — as a
//! typeset PDF and as an editable DOCX from the same data. The development plan and the
//! conversation are written this way; the web layer fills it in the reader's language.

use serde::Serialize;

use super::DocumentError;
use super::docx::{Body, package, runs};

const TEMPLATE: &str = include_str!("doc.typ");

#[derive(Clone, Debug, Default, Serialize)]
pub struct Doc {
    /// `nl` or `en`: the document's language (hyphenation, quotes).
    pub lang: String,
    pub title: String,
    /// Who, where, when.
    pub subtitle: String,
    /// When the document was made, in words.
    pub made_on: String,
    /// Who may read it, in words.
    pub intro: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Section {
    pub heading: String,
    /// 1 for a main section, 2 for one below it.
    pub level: u8,
    pub blocks: Vec<Block>,
}

/// One part of a section.
#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// Plain text; line breaks kept.
    Text { text: String },
    /// A remark in italics.
    Note { text: String },
    /// Labels and their values, side by side.
    Facts { rows: Vec<(String, String)> },
    /// A bulleted list; `empty` (in italics) when it has no items.
    Bullets { items: Vec<String>, empty: String },
    /// A table with a header row; `weights` share the width between the columns.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        weights: Vec<u32>,
    },
}

/// The document as PDF bytes; `today` is the date typst is told (the text shows `made_on`).
pub fn pdf(doc: &Doc, today: (i32, u8, u8)) -> Result<Vec<u8>, DocumentError> {
    super::pdf::typeset(TEMPLATE, &sanitised(doc), today)
}

/// The document as DOCX bytes.
pub fn docx(doc: &Doc) -> Result<Vec<u8>, DocumentError> {
    let doc = &sanitised(doc);
    let mut body = Body::default();
    body.text(Some("Title"), &doc.title);
    body.text(None, &doc.subtitle);
    body.text(None, &doc.made_on);
    body.paragraph(None, &runs(&doc.intro, "<w:i/>"));
    for section in &doc.sections {
        let style = match section.level {
            0 | 1 => "Heading1",
            2 => "Heading2",
            _ => "Heading3",
        };
        body.text(Some(style), &section.heading);
        for block in &section.blocks {
            match block {
                Block::Text { text } => body.text(None, text),
                Block::Note { text } => body.paragraph(None, &runs(text, "<w:i/>")),
                Block::Facts { rows } => {
                    for (label, value) in rows {
                        body.paragraph(
                            None,
                            &format!(
                                "{}{}",
                                runs(&format!("{label}: "), "<w:b/>"),
                                runs(value, "")
                            ),
                        );
                    }
                }
                Block::Bullets { items, empty } => {
                    if items.is_empty() {
                        body.paragraph(None, &runs(empty, "<w:i/>"));
                    }
                    for item in items {
                        body.text(None, &format!("• {item}"));
                    }
                }
                Block::Table {
                    header,
                    rows,
                    weights,
                } => {
                    let mut all = vec![header.clone()];
                    all.extend(rows.iter().cloned());
                    body.table(&all, weights);
                }
            }
        }
    }
    package(&doc.title, &doc.lang, body)
}

/// The document with every table made rectangular (as many cells per row as the header has
/// columns, and a weight per column), so the template never sees a ragged table.
fn sanitised(doc: &Doc) -> Doc {
    let mut doc = doc.clone();
    for section in &mut doc.sections {
        for block in &mut section.blocks {
            if let Block::Table {
                header,
                rows,
                weights,
            } = block
            {
                let columns = header.len().max(1);
                header.resize(columns, String::new());
                for row in rows.iter_mut() {
                    row.resize(columns, String::new());
                }
                weights.resize(columns, 1);
                for w in weights.iter_mut() {
                    *w = (*w).max(1);
                }
            }
        }
        section.level = section.level.clamp(1, 3);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::docx::text_of;

    fn sample() -> Doc {
        Doc {
            lang: "nl".into(),
            title: "Ontwikkelplan van Anna de Wit".into(),
            subtitle: "Het Baken Lyceum · 6-12-2026".into(),
            made_on: "Gemaakt op 6-12-2026".into(),
            intro: "Alleen voor jou, tot je het deelt.".into(),
            sections: vec![
                Section {
                    heading: "Doel 1: Beter doorvragen".into(),
                    level: 1,
                    blocks: vec![
                        Block::Facts {
                            rows: vec![("Stand".into(), "lopend".into())],
                        },
                        Block::Text {
                            text: "#set page(width: 1cm) *vet* $x$ <script> \\ [link]\nregel twee"
                                .into(),
                        },
                        Block::Note {
                            text: "Een opmerking".into(),
                        },
                        Block::Bullets {
                            items: vec!["eerste".into(), "tweede".into()],
                            empty: "nog niets".into(),
                        },
                        Block::Bullets {
                            items: vec![],
                            empty: "nog geen opmerkingen".into(),
                        },
                        Block::Table {
                            header: vec!["Actie".into(), "Stand".into(), "Datum".into()],
                            rows: vec![
                                vec!["Boek lezen".into(), "gedaan".into(), "1-2-2027".into()],
                                vec!["Kort".into()],
                            ],
                            weights: vec![4, 1],
                        },
                    ],
                },
                Section {
                    heading: "Afspraken".into(),
                    level: 7,
                    blocks: vec![],
                },
            ],
        }
    }

    #[test]
    fn a_document_becomes_a_pdf_without_warnings_even_with_ragged_tables() {
        let pdf = pdf(&sample(), (2026, 12, 6)).expect("typeset");
        assert!(pdf.starts_with(b"%PDF-"));
        let empty = Doc {
            sections: vec![],
            ..sample()
        };
        assert!(super::pdf(&empty, (2026, 12, 6)).is_ok());
    }

    #[test]
    fn a_document_becomes_a_docx_whose_text_reads_back() {
        let text = text_of(&docx(&sample()).expect("written")).expect("readable");
        for expected in [
            "Ontwikkelplan van Anna de Wit",
            "Doel 1: Beter doorvragen",
            "Stand: lopend",
            "#set page(width: 1cm) *vet* $x$ <script> \\ [link]",
            "• tweede",
            "nog geen opmerkingen",
            "Boek lezen\n\tgedaan\n\t1-2-2027",
            "Afspraken",
        ] {
            assert!(text.contains(expected), "{expected} in:\n{text}");
        }
    }
}
