//! The overview as an editable document (DOCX): headings per role and area, tables for the
//! numbers and the answers, and the person's notes as plain paragraphs.

use super::{DocumentError, Overview};
use crate::document::docx::{Body, package, runs};

pub use crate::document::docx::text_of;

/// A list of statements, or `none_yet` in italics when there are none.
fn list(body: &mut Body, items: &[super::Line], none_yet: &str) {
    if items.is_empty() {
        body.paragraph(None, &runs(none_yet, "<w:i/>"));
    }
    for item in items {
        body.text(None, &format!("• {} {}", item.code, item.text));
    }
}

fn document(overview: &Overview) -> Body {
    let mut body = Body::default();
    let words = &overview.words;
    body.text(Some("Title"), &overview.title);
    body.text(None, &overview.subtitle);
    body.text(None, &overview.made_on);
    body.paragraph(None, &runs(&overview.intro, "<w:i/>"));
    for role in &overview.roles {
        body.text(Some("Heading1"), &role.name);
        for area in &role.areas {
            body.text(Some("Heading2"), &area.name);
            let mut numbers = vec![
                std::iter::once(String::new())
                    .chain(overview.legend.iter().cloned())
                    .collect::<Vec<_>>(),
            ];
            for bar in &area.bars {
                numbers.push(
                    std::iter::once(bar.label.clone())
                        .chain(bar.counts.iter().map(ToString::to_string))
                        .collect(),
                );
            }
            // The row's label is twice as wide as each step's count.
            body.table(&numbers, &[2]);
            if !area.answers.is_empty() {
                let mut rows = vec![vec![
                    words.statement.clone(),
                    words.choice.clone(),
                    words.note.clone(),
                ]];
                for answer in &area.answers {
                    let mut note = answer.note.clone();
                    if answer.discuss {
                        if !note.is_empty() {
                            note.push('\n');
                        }
                        note.push_str(&words.discuss);
                    }
                    rows.push(vec![
                        format!("{} {}", answer.code, answer.text),
                        answer.choice.clone(),
                        note,
                    ]);
                }
                body.table(&rows, &[5, 1, 3]);
            }
            for (title, text) in &area.texts {
                body.text(Some("Heading3"), title);
                body.text(None, text);
            }
        }
        body.text(Some("Heading2"), &words.strengths);
        list(&mut body, &role.strengths, &words.none_yet);
        body.text(Some("Heading2"), &words.wishes);
        list(&mut body, &role.wishes, &words.none_yet);
        if !role.discuss.is_empty() {
            body.text(Some("Heading2"), &words.to_discuss);
            list(&mut body, &role.discuss, &words.none_yet);
        }
    }
    if let Some(changes) = &overview.changes {
        body.text(Some("Heading1"), &changes.heading);
        let mut rows = vec![vec![
            words.statement.clone(),
            changes.before.clone(),
            changes.now.clone(),
        ]];
        rows.extend(
            changes
                .rows
                .iter()
                .map(|(s, b, n)| vec![s.clone(), b.clone(), n.clone()]),
        );
        body.table(&rows, &[3, 1, 1]);
    }
    body
}

/// The overview as DOCX bytes.
pub fn write(overview: &Overview) -> Result<Vec<u8>, DocumentError> {
    package(&overview.title, &overview.lang, document(overview))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::docx::{CELL_MARGINS, HEADER_CHAR, TEXT_WIDTH};
    use crate::overview::sample;

    #[test]
    fn an_overview_becomes_a_docx_whose_text_reads_back() {
        let docx = write(&sample::overview()).expect("written");
        assert!(docx.starts_with(b"PK"));
        let text = text_of(&docx).expect("readable");
        for expected in [
            "Overzicht: najaar 2026",
            "Visie en beleid",
            "BEG.VIS.T1 Je voert loopbaangesprekken.",
            "doe ik deels",
            "#set page(width: 1cm) *vet* $x$ <script> \\ [link]",
            "wil ik bespreken",
            "Gesprekken plannen,\nook met ouders.",
            "Anders dan in voorjaar 2026",
        ] {
            assert!(text.contains(expected), "{expected:?} in {text}");
        }
    }

    /// The `w:w` values of one kind of element in the document, table by table.
    fn widths_of(xml: &str, element: &str) -> Vec<Vec<u32>> {
        xml.split("<w:tbl>")
            .skip(1)
            .map(|table| {
                table
                    .split(&format!("<{element} w:w=\""))
                    .skip(1)
                    .filter_map(|rest| rest.split('"').next()?.parse().ok())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn every_table_has_fixed_columns_that_fill_the_page_and_fit_their_headers() {
        let overview = sample::overview();
        let xml = document(&overview).xml().to_owned();
        let grids = widths_of(&xml, "w:gridCol");
        assert_eq!(grids.len(), 3, "counts, answers, changes");
        for grid in &grids {
            assert_eq!(grid.iter().sum::<u32>(), TEXT_WIDTH, "{grid:?}");
        }
        assert_eq!(xml.matches(r#"<w:tblLayout w:type="fixed"/>"#).count(), 3);
        // Counts: a label and one column per step of the scale; no step's word is cut.
        assert_eq!(grids[0].len(), 1 + overview.legend.len());
        for (step, width) in overview.legend.iter().zip(&grids[0][1..]) {
            let longest = step
                .split(' ')
                .map(|w| w.chars().count())
                .max()
                .unwrap_or(0) as u32;
            assert!(
                longest * HEADER_CHAR + CELL_MARGINS <= *width,
                "{step}: {width}"
            );
        }
        // Answers: the statement is widest, then the note, then the choice.
        let answers = &grids[1];
        assert!(
            answers[0] > answers[2] && answers[2] > answers[1],
            "{answers:?}"
        );
    }
}
