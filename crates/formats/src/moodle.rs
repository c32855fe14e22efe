//! Moodle's competency-framework CSV (`admin/tool/lpimportcsv`), so that a school can load its
//! framework into Moodle: the 14 columns its importer reads by position, one framework row,
//! then the tree of competencies: each role, its areas below it, and the statements below
//! their area.
//!
//! - ID numbers: the framework is `identifier-version`; a role its code (`BEG`), an area
//!   `role.area` (`BEG.VIS`), a statement its code (`BEG.VIS.T1`). All are unique, as Moodle
//!   requires.
//! - Short names are at most 100 characters (Moodle cuts longer ones): a statement's text is
//!   shortened at a word with `…`, and the whole text is its description (plain text, format 2).
//! - The framework's scale is the expertise steps from low to high (*wil ik ontwikkelen*,
//!   *deels*, *beheers ik*), the first the default and the last proficient.
//! - Statements of one theme in several roles are cross-referenced, so Moodle shows the link.
//!
//! This file is for Moodle, not for a spreadsheet: text is written as it is (Moodle would keep
//! a `'` put in front of a formula-like text). Use the spreadsheet template to edit by hand.

use domain::scan::{Choice, ScaleLabels};
use domain::{Edition, Kind, Lang};

use crate::FormatError;

/// The header Moodle's exporter writes (its importer reads columns by position).
pub const HEADER: [&str; 14] = [
    "Parent ID number",
    "ID number",
    "Short name",
    "Description",
    "Description format",
    "Scale values",
    "Scale configuration",
    "Rule type (optional)",
    "Rule outcome (optional)",
    "Rule config (optional)",
    "Cross-referenced competency ID numbers",
    "Exported ID (optional)",
    "Is framework",
    "Taxonomy",
];

/// Moodle's limit on ID numbers and short names.
const MAX_NAME: usize = 100;
/// Description format: plain text.
const PLAIN: &str = "2";

/// At most `MAX_NAME` characters, cut at a word with `…` when longer.
fn short(text: &str) -> String {
    if text.chars().count() <= MAX_NAME {
        return text.to_owned();
    }
    let cut: String = text.chars().take(MAX_NAME - 1).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&i| i > MAX_NAME / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at_word].trim_end())
}

/// A row: parent, id, short name, description, and for competencies the cross-references.
fn competency(
    parent: &str,
    id: &str,
    name: &str,
    description: &str,
    related: &str,
) -> [String; 14] {
    [
        parent.to_owned(),
        id.to_owned(),
        short(name),
        description.to_owned(),
        PLAIN.to_owned(),
        String::new(),
        String::new(),
        String::new(),
        "0".to_owned(),
        "null".to_owned(),
        related.to_owned(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// The edition as Moodle's competency-framework CSV, in one language (Moodle holds one).
pub fn write(edition: &Edition, lang: Lang) -> Result<String, FormatError> {
    let meta = edition.meta();
    let labels = ScaleLabels::default();
    let steps = [Choice::Develop, Choice::Partly, Choice::Yes];
    let scale = steps
        .iter()
        .map(|&c| labels.label(Kind::Expertise, c, lang))
        .collect::<Vec<_>>()
        .join(",");
    let configuration = serde_json::to_string(&serde_json::json!([
        {"scaleid": "1"},
        {"id": 1, "scaledefault": 1, "proficient": 0},
        {"id": 2, "scaledefault": 0, "proficient": 0},
        {"id": 3, "scaledefault": 0, "proficient": 1},
    ]))?;
    let mut rows: Vec<[String; 14]> = Vec::new();
    rows.push([
        String::new(),
        format!("{}-{}", meta.identifier, meta.version),
        short(meta.title.get(lang)),
        meta.description.get(lang).to_owned(),
        PLAIN.to_owned(),
        scale,
        configuration,
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        String::new(),
        "1".to_owned(),
        "domain,domain,competency".to_owned(),
    ]);
    for role in edition.roles() {
        let role_id = role.key.code();
        rows.push(competency(
            "",
            role_id,
            role.name.get(lang),
            role.description.get(lang),
            "",
        ));
        for area in edition.areas() {
            let area_id = format!("{role_id}.{}", area.key.code());
            let statements: Vec<_> = Kind::ALL
                .iter()
                .flat_map(|&kind| edition.statements_in(role.key, area.key, kind))
                .collect();
            if statements.is_empty() {
                continue;
            }
            rows.push(competency(
                role_id,
                &area_id,
                area.name.get(lang),
                area.description.get(lang),
                "",
            ));
            for statement in statements {
                // The same theme in other roles: Moodle's cross-references. A comma inside an
                // ID number is written %2C; ours have none.
                let related = statement
                    .theme
                    .as_ref()
                    .map(|theme| {
                        edition
                            .theme_statements(theme)
                            .into_iter()
                            .filter(|s| s.role != statement.role && s.kind == statement.kind)
                            .map(|s| s.code.as_str().replace(',', "%2C"))
                            .collect::<Vec<_>>()
                            .join(",")
                    })
                    .unwrap_or_default();
                let text = statement.text.shown(lang);
                rows.push(competency(
                    &area_id,
                    statement.code.as_str(),
                    text,
                    text,
                    &related,
                ));
            }
        }
    }
    let mut writer = csv::WriterBuilder::new()
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::new());
    let mut write = |row: &[&str]| {
        writer
            .write_record(row)
            .map_err(|e| FormatError::Csv(e.to_string()))
    };
    write(&HEADER)?;
    for row in &rows {
        write(&row.iter().map(String::as_str).collect::<Vec<_>>())?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| FormatError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| FormatError::Csv(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn national() -> Edition {
        crate::shipped::national().expect("the shipped edition")
    }

    fn parse(text: &str) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn every_row_has_the_fourteen_columns_and_one_framework_row() {
        let edition = national();
        let rows = parse(&write(&edition, Lang::Nl).expect("written"));
        assert_eq!(rows[0], HEADER.map(str::to_owned).to_vec());
        assert!(rows.iter().all(|r| r.len() == 14));
        let frameworks: Vec<_> = rows[1..].iter().filter(|r| r[12] == "1").collect();
        assert_eq!(frameworks.len(), 1);
        assert_eq!(frameworks[0][5], "wil ik ontwikkelen,deels,beheers ik");
        // Every statement is there once, under its area, under its role.
        let ids: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).collect();
        let unique: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "ID numbers are unique");
        for statement in edition.statements() {
            let row = rows
                .iter()
                .find(|r| r[1] == statement.code.as_str())
                .expect("the statement's row");
            assert_eq!(
                row[0],
                format!("{}.{}", statement.role.code(), statement.area.code())
            );
            assert_eq!(row[3], statement.text.nl);
            assert!(row[2].chars().count() <= 100);
            assert!(ids.contains(&row[0].as_str()), "the parent exists");
        }
    }

    #[test]
    fn english_uses_the_english_texts_and_names_are_cut_at_a_word() {
        let edition = national();
        let rows = parse(&write(&edition, Lang::En).expect("written"));
        let first = &edition.statements()[0];
        let row = rows
            .iter()
            .find(|r| r[1] == first.code.as_str())
            .expect("row");
        assert_eq!(row[3], first.text.en);
        let long = "woord ".repeat(40);
        let cut = short(&long);
        assert!(
            cut.chars().count() <= 100 && cut.ends_with("woord…"),
            "{cut}"
        );
    }
}
