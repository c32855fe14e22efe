//! *Wie doet wat* as documents: the school year's allocation with what deserves a
//! conversation and the LOB hours, as a workbook (XLSX, one sheet per part) and as a typeset
//! PDF. The web layer fills the data in the reader's language; nothing here knows about pages
//! or databases.

use serde::Serialize;

use crate::document::DocumentError;

const TEMPLATE: &str = include_str!("allocation.typ");

#[derive(Clone, Debug, Default, Serialize)]
pub struct Document {
    /// `nl` or `en`.
    pub lang: String,
    pub title: String,
    /// School and school year.
    pub subtitle: String,
    pub made_on: String,
    pub words: Words,
    pub attention: Vec<String>,
    pub groups: Vec<Group>,
    pub hours: Hours,
}

/// Headings and column names, in the reader's language.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Words {
    pub attention: String,
    pub nothing: String,
    pub tasks: String,
    pub code: String,
    pub task: String,
    pub category: String,
    pub task_hours: String,
    pub responsible: String,
    pub carries_out: String,
    pub involved: String,
    pub hours: String,
    pub person: String,
    pub allocated: String,
    pub difference: String,
    /// Column names of the workbook: the group a task is in, a part of the hours formula,
    /// its calculation and its hours, and the sheet of hours per person.
    pub group: String,
    pub part: String,
    pub calculation: String,
    pub amount: String,
    pub per_person: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Group {
    pub heading: String,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Row {
    pub code: String,
    pub text: String,
    pub category: String,
    pub hours: String,
    pub responsible: String,
    pub carries_out: String,
    pub involved: String,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Hours {
    /// The formula in words.
    pub formula: String,
    /// (what, sum, amount)
    pub steps: Vec<(String, String, String)>,
    pub total: (String, String),
    pub people: Vec<Person>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Person {
    pub name: String,
    pub tasks: String,
    pub allocated: String,
    pub difference: String,
}

/// The document as a typeset PDF; `today` is the date typst records.
pub fn write_pdf(document: &Document, today: (i32, u8, u8)) -> Result<Vec<u8>, DocumentError> {
    crate::document::pdf::typeset(TEMPLATE, document, today)
}

/// An amount of hours as the page writes it (`1.300,5` in Dutch, `1,300.5` in English, a
/// leading `-` or `−` when negative), as a number; `None` for anything else.
fn hours_number(cell: &str, lang: &str) -> Option<f64> {
    let (thousands, decimal) = if lang == "en" { (',', '.') } else { ('.', ',') };
    let (negative, digits) = match cell.trim().strip_prefix(['-', '−']) {
        Some(rest) => (true, rest),
        None => (false, cell.trim()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == thousands || c == decimal)
    {
        return None;
    }
    let plain: String = digits
        .chars()
        .filter(|c| *c != thousands)
        .map(|c| if c == decimal { '.' } else { c })
        .collect();
    let value: f64 = plain.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// The document as a workbook: the tasks (one row each, grouped as on the page), what to talk
/// about, the hours formula and the hours per person; every column has a header. Hours are
/// numbers (a spreadsheet can add them up); every other cell is text, so nothing is read as a
/// formula.
pub fn write_xlsx(document: &Document) -> Result<Vec<u8>, crate::FormatError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let number = Format::new().set_num_format("0.0");
    let w = &document.words;
    let lang = document.lang.as_str();
    let mut sheet_of =
        |name: &str, header: &[&str], rows: &[Vec<String>], widths: &[f64], numeric: &[usize]| {
            let sheet = workbook.add_worksheet();
            // Sheet names may not hold some characters; ours are plain words.
            sheet.set_name(name)?;
            for (c, h) in header.iter().enumerate() {
                sheet.write_string_with_format(0, c as u16, *h, &bold)?;
            }
            for (r, row) in rows.iter().enumerate() {
                let r = u32::try_from(r + 1).map_err(|_| crate::FormatError::TooLarge)?;
                for (c, cell) in row.iter().enumerate() {
                    match hours_number(cell, lang).filter(|_| numeric.contains(&c)) {
                        Some(value) => {
                            sheet.write_number_with_format(r, c as u16, value, &number)?;
                        }
                        None => {
                            sheet.write_string_with_format(r, c as u16, cell, &wrap)?;
                        }
                    }
                }
            }
            for (c, width) in widths.iter().enumerate() {
                sheet.set_column_width(c as u16, *width)?;
            }
            sheet.set_freeze_panes(1, 0)?;
            Ok::<(), crate::FormatError>(())
        };
    let tasks: Vec<Vec<String>> = document
        .groups
        .iter()
        .flat_map(|g| {
            g.rows.iter().map(|r| {
                vec![
                    g.heading.clone(),
                    r.code.clone(),
                    r.text.clone(),
                    r.category.clone(),
                    r.hours.clone(),
                    r.responsible.clone(),
                    r.carries_out.clone(),
                    r.involved.clone(),
                ]
            })
        })
        .collect();
    sheet_of(
        &w.tasks,
        &[
            &w.group,
            &w.code,
            &w.task,
            &w.category,
            &w.task_hours,
            &w.responsible,
            &w.carries_out,
            &w.involved,
        ],
        &tasks,
        &[24.0, 14.0, 60.0, 18.0, 10.0, 24.0, 24.0, 24.0],
        &[4],
    )?;
    let attention: Vec<Vec<String>> = document.attention.iter().map(|a| vec![a.clone()]).collect();
    sheet_of(&w.attention, &[&w.attention], &attention, &[100.0], &[])?;
    let h = &document.hours;
    let mut hours: Vec<Vec<String>> = vec![vec![h.formula.clone(), String::new(), String::new()]];
    hours.extend(
        h.steps
            .iter()
            .map(|(a, b, c)| vec![a.clone(), b.clone(), c.clone()]),
    );
    hours.push(vec![h.total.0.clone(), String::new(), h.total.1.clone()]);
    sheet_of(
        &w.hours,
        &[&w.part, &w.calculation, &w.amount],
        &hours,
        &[40.0, 30.0, 14.0],
        &[2],
    )?;
    let people: Vec<Vec<String>> = h
        .people
        .iter()
        .map(|p| {
            vec![
                p.name.clone(),
                p.tasks.clone(),
                p.allocated.clone(),
                p.difference.clone(),
            ]
        })
        .collect();
    sheet_of(
        &w.per_person,
        &[&w.person, &w.task_hours, &w.allocated, &w.difference],
        &people,
        &[40.0, 14.0, 14.0, 14.0],
        &[1, 2, 3],
    )?;
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Document {
        Document {
            lang: "nl".into(),
            title: "Wie doet wat".into(),
            subtitle: "Stedelijk Lyceum · schooljaar 2026-2027".into(),
            made_on: "25 november 2026".into(),
            words: Words {
                attention: "Om over te praten".into(),
                nothing: "Niets bijzonders.".into(),
                tasks: "Taken".into(),
                code: "Code".into(),
                task: "Taak".into(),
                category: "Soort".into(),
                task_hours: "Uren".into(),
                responsible: "Verantwoordelijk".into(),
                carries_out: "Voert uit".into(),
                involved: "Betrokken".into(),
                hours: "LOB-uren".into(),
                person: "Naam".into(),
                allocated: "Beschikbaar".into(),
                difference: "Verschil".into(),
                group: "Groep".into(),
                part: "Onderdeel".into(),
                calculation: "Berekening".into(),
                amount: "Uren".into(),
                per_person: "Uren per persoon".into(),
            },
            attention: vec!["Voor BEG.VIS.T2 is nog niemand verantwoordelijk.".into()],
            groups: vec![Group {
                heading: "Begeleider · Visie en beleid".into(),
                rows: vec![Row {
                    code: "BEG.VIS.T1".into(),
                    text: "=SOM(1) is geen formule; #set is geen markup.".into(),
                    category: "begeleidend".into(),
                    hours: "12,5".into(),
                    responsible: "Anna".into(),
                    carries_out: "Anna, Bram".into(),
                    involved: "ouders/verzorgers".into(),
                }],
            }],
            hours: Hours {
                formula: "VvSL".into(),
                steps: vec![
                    ("basis".into(), "220 uur".into(), "220".into()),
                    ("decanen".into(), "2 × 90 uur".into(), "180".into()),
                    ("leerlingen".into(), "600 × 1,5 uur".into(), "900".into()),
                ],
                total: ("Totaal".into(), "1.300".into()),
                people: vec![Person {
                    name: "Anna".into(),
                    tasks: "6,3".into(),
                    allocated: "10".into(),
                    difference: "3,8".into(),
                }],
            },
        }
    }

    #[test]
    fn the_allocation_becomes_a_pdf_and_a_workbook() {
        let pdf = write_pdf(&sample(), (2026, 11, 25)).expect("typeset");
        assert!(pdf.starts_with(b"%PDF-"));
        let xlsx = write_xlsx(&sample()).expect("written");
        // The workbook reads back: the task's text is a text cell, not a formula.
        use calamine::{DataType, Reader, Xlsx};
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("a workbook");
        let names = book.sheet_names();
        assert_eq!(
            names,
            ["Taken", "Om over te praten", "LOB-uren", "Uren per persoon"]
        );
        let tasks = book.worksheet_range("Taken").expect("the sheet");
        assert_eq!(
            tasks.get_value((1, 2)).map(|v| v.to_string()),
            Some("=SOM(1) is geen formule; #set is geen markup.".to_owned())
        );
        // Every column has a header; hours are numbers a spreadsheet adds up.
        assert_eq!(
            tasks.get_value((0, 0)).map(|v| v.to_string()),
            Some("Groep".to_owned())
        );
        assert_eq!(
            tasks.get_value((1, 4)).and_then(|v| v.get_float()),
            Some(12.5)
        );
        let hours = book.worksheet_range("LOB-uren").expect("the sheet");
        assert_eq!(
            hours
                .rows()
                .next()
                .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()),
            Some(vec![
                "Onderdeel".to_owned(),
                "Berekening".to_owned(),
                "Uren".to_owned()
            ])
        );
        assert!(
            hours
                .rows()
                .any(|r| r.iter().any(|c| c.get_float() == Some(1300.0)))
        );
        let people = book.worksheet_range("Uren per persoon").expect("the sheet");
        assert_eq!(
            people.get_value((1, 3)).and_then(|v| v.get_float()),
            Some(3.8)
        );
        assert_eq!(
            people.get_value((1, 0)).map(|v| v.to_string()),
            Some("Anna".to_owned())
        );
    }

    #[test]
    fn hours_are_read_as_each_language_writes_them() {
        assert_eq!(hours_number("1.300,5", "nl"), Some(1300.5));
        assert_eq!(hours_number("1,300.5", "en"), Some(1300.5));
        assert_eq!(hours_number("−3,8", "nl"), Some(-3.8));
        assert_eq!(hours_number("12", "nl"), Some(12.0));
        assert_eq!(hours_number("", "nl"), None);
        assert_eq!(hours_number("BEG.VIS.T1", "nl"), None);
        assert_eq!(hours_number("2 × 90 uur", "nl"), None);
    }
}
