//! A plain workbook of tables: one sheet per table, a bold header row that stays in view,
//! numbers as numbers (a spreadsheet can add them up) and every other cell as text, so nothing
//! is ever read as a formula.

use rust_xlsxwriter::{Format, Workbook};

use crate::FormatError;

/// A cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}

impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Number(n as f64)
    }
}

/// One sheet: its name (at most 31 characters, no `[]:*?/\`), header, rows and column widths.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    pub widths: Vec<f64>,
}

/// The tables as an XLSX workbook.
pub fn write(tables: &[Table]) -> Result<Vec<u8>, FormatError> {
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for table in tables {
        let sheet = workbook.add_worksheet();
        let name: String = table
            .name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(name)?;
        for (c, h) in table.header.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| FormatError::TooLarge)?;
            sheet.write_string_with_format(0, c, h, &bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| FormatError::TooLarge)?;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| FormatError::TooLarge)?;
                match cell {
                    Cell::Text(s) => {
                        sheet.write_string_with_format(r, c, s, &wrap)?;
                    }
                    Cell::Number(n) => {
                        sheet.write_number(r, c, *n)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        for (c, width) in table.widths.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| FormatError::TooLarge)?;
            sheet.set_column_width(c, *width)?;
        }
        sheet.set_freeze_panes(1, 0)?;
    }
    Ok(workbook.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workbook_of_two_tables_is_a_zip_with_both_sheets() {
        let tables = vec![
            Table {
                name: "Uitspraken: alle?".to_owned(),
                header: vec!["Vraag".to_owned(), "Aantal".to_owned()],
                rows: vec![
                    vec!["=1+1".into(), 3usize.into()],
                    vec![Cell::Empty, Cell::Empty],
                ],
                widths: vec![40.0, 10.0],
            },
            Table {
                name: "Groepen".to_owned(),
                header: vec!["Groep".to_owned()],
                rows: vec![],
                widths: vec![],
            },
        ];
        let bytes = write(&tables).expect("written");
        use calamine::{Data, Reader, Xlsx};
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
        assert_eq!(book.sheet_names(), vec!["Uitspraken alle", "Groepen"]);
        let range = book.worksheet_range("Uitspraken alle").expect("sheet");
        assert_eq!(range.get((0, 0)), Some(&Data::String("Vraag".to_owned())));
        assert_eq!(
            range.get((1, 0)),
            Some(&Data::String("=1+1".to_owned())),
            "text, never a formula"
        );
        assert_eq!(range.get((1, 1)), Some(&Data::Float(3.0)));
    }
}
