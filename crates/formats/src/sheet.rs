//! The spreadsheet template: a whole edition as one table that people edit by hand, as XLSX
//! or as CSV for Dutch Excel (`;` between cells, a UTF-8 byte order mark). Lossless: export,
//! edit, import gives the edition with exactly the edits.
//!
//! One header row, then one row per element. The first column says what a row is:
//!
//! | regel / row | code | other columns |
//! |---|---|---|
//! | `editie` / `edition` | `identificatie`, `versie`, `datum`, `uitgever`, `talen`, `titel`, `herkomst`, `omschrijving` | the value in `nl` (and `en` for texts) |
//! | `rol` / `role` | `BEG`, `SPE`, `COO` | name in `nl`/`en`, description in `toelichting_nl`/`_en` |
//! | `gebied` / `area` | `VIS`, `ORI`, `ORG`, `SAM` | as for roles |
//! | `thema` / `theme` | the theme's code | as for roles |
//! | `uitspraak` / `statement` | e.g. `BEG.VIS.T1` | `rol`, `gebied`, `soort` (`taak`/`deskundigheid`), `thema`, `diepte`, text in `nl`/`en`, `bronnen` one per line |
//!
//! Headers and words are written in the language asked for and read in either. Reading checks
//! the same things as reading a native file and names the row and column of every problem; an
//! import stores nothing unless the whole table is right.
//!
//! Text that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is written to CSV behind a `'`, which reading takes off again; in XLSX every
//! cell is a text cell, never a formula, and a formula found when reading one is refused.

use std::collections::HashMap;

use domain::framework::Field;
use domain::{Edition, Lang};

use crate::native::{self, FileEdition, FileLabel, FileMeta, FileStatement, FileText, FileTheme};

#[path = "sheet_problem.rs"]
mod problem;
use problem::placed;
pub use problem::{SheetProblem, SheetProblemKind};

/// The largest file read (a national edition is about 60 kB as CSV).
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The template's columns, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Row,
    Code,
    Role,
    Area,
    Kind,
    Theme,
    Depth,
    Nl,
    En,
    DescriptionNl,
    DescriptionEn,
    Sources,
    /// A school's tags on its statements, separated by commas; may be left out of a file.
    Tags,
}

impl Column {
    pub const ALL: [Column; 13] = [
        Column::Row,
        Column::Code,
        Column::Role,
        Column::Area,
        Column::Kind,
        Column::Theme,
        Column::Depth,
        Column::Nl,
        Column::En,
        Column::DescriptionNl,
        Column::DescriptionEn,
        Column::Sources,
        Column::Tags,
    ];

    /// The header in a language.
    pub fn header(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            Column::Row => ("regel", "row"),
            Column::Code => ("code", "code"),
            Column::Role => ("rol", "role"),
            Column::Area => ("gebied", "area"),
            Column::Kind => ("soort", "kind"),
            Column::Theme => ("thema", "theme"),
            Column::Depth => ("diepte", "depth"),
            Column::Nl => ("nl", "nl"),
            Column::En => ("en", "en"),
            Column::DescriptionNl => ("toelichting_nl", "description_nl"),
            Column::DescriptionEn => ("toelichting_en", "description_en"),
            Column::Sources => ("bronnen", "sources"),
            Column::Tags => ("labels", "tags"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    fn from_header(header: &str) -> Option<Column> {
        let header = header.trim().to_lowercase();
        Column::ALL
            .into_iter()
            .find(|c| Lang::ALL.iter().any(|&l| c.header(l) == header))
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// What a row of the table is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RowKind {
    Edition,
    Role,
    Area,
    Theme,
    Statement,
}

impl RowKind {
    const ALL: [RowKind; 5] = [
        RowKind::Edition,
        RowKind::Role,
        RowKind::Area,
        RowKind::Theme,
        RowKind::Statement,
    ];

    fn word(self, lang: Lang) -> &'static str {
        let (nl, en) = match self {
            RowKind::Edition => ("editie", "edition"),
            RowKind::Role => ("rol", "role"),
            RowKind::Area => ("gebied", "area"),
            RowKind::Theme => ("thema", "theme"),
            RowKind::Statement => ("uitspraak", "statement"),
        };
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
}

/// The edition's own fields, as `code` of an `editie` row.
const META: [(Field, &str, &str); 9] = [
    (Field::Identifier, "identificatie", "identifier"),
    (Field::Version, "versie", "version"),
    (Field::Date, "datum", "date"),
    (Field::Publisher, "uitgever", "publisher"),
    (Field::Languages, "talen", "languages"),
    (Field::Title(Lang::Nl), "titel", "title"),
    (Field::Attribution(Lang::Nl), "herkomst", "attribution"),
    (Field::Description(Lang::Nl), "omschrijving", "description"),
    (Field::BasedOn, "basis", "based_on"),
];

/// Statement kinds in the template's words and the native format's.
const KINDS: [(&str, &str, &str); 2] = [
    ("taak", "task", "task"),
    ("deskundigheid", "expertise", "expertise"),
];

/// An edition as the template's rows, the header first.
pub fn table(edition: &Edition, lang: Lang) -> Vec<Vec<String>> {
    let file = native::to_file(edition);
    let mut rows = vec![
        Column::ALL
            .iter()
            .map(|c| c.header(lang).to_owned())
            .collect(),
    ];
    let mut row = |kind: RowKind, cells: &[(Column, String)]| {
        let mut out = vec![String::new(); Column::ALL.len()];
        out[Column::Row.index()] = kind.word(lang).to_owned();
        for (column, value) in cells {
            out[column.index()] = value.clone();
        }
        rows.push(out);
    };
    let text = |t: &Option<FileText>| {
        let t = t.as_ref();
        (
            t.and_then(|t| t.nl.clone()).unwrap_or_default(),
            t.and_then(|t| t.en.clone()).unwrap_or_default(),
        )
    };
    if let Some(meta) = &file.edition {
        let word = |i: usize| {
            let (_, nl, en) = META[i];
            if lang == Lang::Nl { nl } else { en }.to_owned()
        };
        let single = [
            meta.identifier.clone(),
            meta.version.clone(),
            meta.date.clone(),
            meta.publisher.clone(),
            meta.languages.as_ref().map(|l| l.join(",")),
        ];
        for (i, value) in single.into_iter().enumerate() {
            row(
                RowKind::Edition,
                &[
                    (Column::Code, word(i)),
                    (Column::Nl, value.unwrap_or_default()),
                ],
            );
        }
        for (i, value) in [&meta.title, &meta.attribution, &meta.description]
            .into_iter()
            .enumerate()
        {
            let (nl, en) = text(value);
            row(
                RowKind::Edition,
                &[
                    (Column::Code, word(5 + i)),
                    (Column::Nl, nl),
                    (Column::En, en),
                ],
            );
        }
        if let Some(based_on) = &meta.based_on {
            row(
                RowKind::Edition,
                &[(Column::Code, word(8)), (Column::Nl, based_on.clone())],
            );
        }
    }
    let label = |kind, code: &Option<String>, name, description| {
        let (nl, en) = text(name);
        let (dnl, den) = text(description);
        (
            kind,
            vec![
                (Column::Code, code.clone().unwrap_or_default()),
                (Column::Nl, nl),
                (Column::En, en),
                (Column::DescriptionNl, dnl),
                (Column::DescriptionEn, den),
            ],
        )
    };
    let mut labels = Vec::new();
    for r in file.roles.iter().flatten() {
        labels.push(label(RowKind::Role, &r.key, &r.name, &r.description));
    }
    for a in file.areas.iter().flatten() {
        labels.push(label(RowKind::Area, &a.key, &a.name, &a.description));
    }
    for t in &file.themes {
        labels.push(label(RowKind::Theme, &t.code, &t.name, &t.description));
    }
    for (kind, cells) in labels {
        row(kind, &cells);
    }
    for s in file.statements.iter().flatten() {
        let (nl, en) = text(&s.text);
        let kind = s.kind.as_deref().map(|k| {
            KINDS
                .iter()
                .find(|(_, _, native)| *native == k)
                .map_or(k, |(n, e, _)| if lang == Lang::Nl { n } else { e })
                .to_owned()
        });
        row(
            RowKind::Statement,
            &[
                (Column::Code, s.code.clone().unwrap_or_default()),
                (Column::Role, s.role.clone().unwrap_or_default()),
                (Column::Area, s.area.clone().unwrap_or_default()),
                (Column::Kind, kind.unwrap_or_default()),
                (Column::Theme, s.theme.clone().unwrap_or_default()),
                (
                    Column::Depth,
                    s.depth.map(|d| d.to_string()).unwrap_or_default(),
                ),
                (Column::Nl, nl),
                (Column::En, en),
                (Column::Sources, s.sources.join("\n")),
                (Column::Tags, s.tags.join(", ")),
            ],
        );
    }
    rows
}

/// Characters that make a spreadsheet read a cell as a formula (or that we use to mark one).
fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r', '\''])
}

/// A cell for CSV: text a spreadsheet would run as a formula gets a `'` in front.
fn neutralise(text: &str) -> String {
    if looks_like_formula(text) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Undoes [`neutralise`].
fn restore(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => text,
    }
}

/// The template as CSV for Dutch Excel: a UTF-8 byte order mark, `;` between cells, CRLF.
pub fn write_csv(edition: &Edition, lang: Lang) -> Vec<u8> {
    csv_of_rows(table(edition, lang))
}

/// Rows as CSV for Dutch Excel: a UTF-8 byte order mark, `;` between cells, CRLF, cells
/// quoted where they must be, and text that a spreadsheet would run as a formula kept as
/// text (a leading `'`).
pub fn csv_of_rows(rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| {
                let cell = neutralise(cell);
                if cell.contains([';', '"', '\n', '\r']) {
                    format!("\"{}\"", cell.replace('"', "\"\""))
                } else {
                    cell
                }
            })
            .collect();
        out.extend_from_slice(cells.join(";").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// The template as an XLSX workbook with one sheet; every cell is text.
pub fn write_xlsx(edition: &Edition, lang: Lang) -> Result<Vec<u8>, crate::FormatError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(match lang {
        Lang::Nl => "Raamwerk",
        Lang::En => "Framework",
    })?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (r, row) in table(edition, lang).iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| crate::FormatError::TooLarge)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| crate::FormatError::TooLarge)?;
            let format = if r == 0 { &bold } else { &wrap };
            sheet.write_string_with_format(r, c, cell, format)?;
        }
    }
    for (column, width) in Column::ALL.iter().zip([
        10.0, 14.0, 6.0, 8.0, 14.0, 14.0, 7.0, 60.0, 60.0, 40.0, 40.0, 20.0, 20.0,
    ]) {
        sheet.set_column_width(column.index() as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, 0, (Column::ALL.len() - 1) as u16)?;
    Ok(workbook.save_to_buffer()?)
}

/// The first bytes of a zip archive, which an XLSX workbook is.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Reads the template from CSV: UTF-8 with or without a byte order mark, cells separated by
/// `;`, `,` or tabs (whichever the header row uses).
pub fn read_csv(bytes: &[u8]) -> Result<Edition, Vec<SheetProblem>> {
    if bytes.len() > MAX_BYTES {
        return Err(vec![SheetProblem::new(0, None, SheetProblemKind::TooLarge)]);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return Err(vec![SheetProblem::new(
            0,
            None,
            SheetProblemKind::WorkbookNotCsv,
        )]);
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let row = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        vec![SheetProblem::new(row, None, SheetProblemKind::NotUtf8)]
    })?;
    let header = text.lines().next().unwrap_or("");
    let delimiter = [b';', b'\t', b',']
        .into_iter()
        .max_by_key(|&d| header.bytes().filter(|&b| b == d).count())
        .unwrap_or(b';');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| {
            let row = e.position().map_or(i + 1, |p| p.line() as usize);
            vec![SheetProblem::new(
                row,
                None,
                SheetProblemKind::NotASheet(e.to_string()),
            )]
        })?;
        rows.push(record.iter().map(|c| restore(c).to_owned()).collect());
    }
    read_rows(rows)
}

/// The most rows, columns and cells a template's sheet may use, and the longest cell (the
/// length Excel itself allows). A national edition has about 300 rows of 13 columns.
pub const MAX_ROWS: usize = 20_000;
pub const MAX_COLUMNS: usize = 64;
pub const MAX_CELLS: usize = 200_000;
pub const MAX_CELL_CHARS: usize = 32_767;

/// Reads the template from the first sheet of an XLSX workbook. The archive is unpacked into
/// nothing first, counting (see [`crate::unzip`]); the sheet is then read cell by cell, never
/// whole, and refused at the first row, column, cell or text past the limits above.
pub fn read_xlsx(bytes: &[u8]) -> Result<Edition, Vec<SheetProblem>> {
    use calamine::{DataRef, Reader, Xlsx};
    if bytes.len() > MAX_BYTES {
        return Err(vec![SheetProblem::new(0, None, SheetProblemKind::TooLarge)]);
    }
    if !bytes.starts_with(ZIP_MAGIC) && std::str::from_utf8(bytes).is_ok() {
        return Err(vec![SheetProblem::new(
            0,
            None,
            SheetProblemKind::TextNotWorkbook,
        )]);
    }
    crate::unzip::check(bytes, crate::unzip::SHEET_LIMITS).map_err(|e| {
        let kind = match e {
            crate::unzip::UnzipError::NotAZip(why) => SheetProblemKind::NotASheet(why),
            too_much => SheetProblemKind::Unpacked(too_much),
        };
        vec![SheetProblem::new(0, None, kind)]
    })?;
    let not_a_sheet = |e: String| vec![SheetProblem::new(0, None, SheetProblemKind::NotASheet(e))];
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| not_a_sheet(e.to_string()))?;
    let name = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| not_a_sheet("no sheets".into()))?;
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(|e| not_a_sheet(e.to_string()))?;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut formulas: Vec<(usize, usize)> = Vec::new();
    let mut cells = 0;
    let too_much = |row: usize, kind: SheetProblemKind| vec![SheetProblem::new(row, None, kind)];
    while let Some(cell) = reader
        .next_cell_with_formula_metadata()
        .map_err(|e| not_a_sheet(e.to_string()))?
    {
        let (r, c) = (cell.pos.0 as usize, cell.pos.1 as usize);
        if r >= MAX_ROWS {
            return Err(too_much(r + 1, SheetProblemKind::TooManyRows));
        }
        if c >= MAX_COLUMNS {
            return Err(too_much(r + 1, SheetProblemKind::TooManyColumns));
        }
        cells += 1;
        if cells > MAX_CELLS {
            return Err(too_much(r + 1, SheetProblemKind::TooManyCells));
        }
        if cell.formula.is_some() {
            formulas.push((r, c));
            continue;
        }
        let long = |s: &str| s.len() > MAX_CELL_CHARS && s.chars().count() > MAX_CELL_CHARS;
        let text = match cell.value {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) if long(&s) => {
                return Err(too_much(r + 1, SheetProblemKind::CellTooLong));
            }
            DataRef::SharedString(s) if long(s) => {
                return Err(too_much(r + 1, SheetProblemKind::CellTooLong));
            }
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s,
            DataRef::SharedString(s) => s.to_owned(),
            DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
            DataRef::Float(f) => f.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(d) => excel_date(d.as_f64()),
            DataRef::Error(e) => format!("{e:?}"),
            DataRef::Empty => String::new(),
        };
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        let row = &mut rows[r];
        if row.len() <= c {
            row.resize(c + 1, String::new());
        }
        row[c] = text;
    }
    // Formulas, at the cell they are in (the column named by the header above it).
    let header = rows.iter().find(|r| r.iter().any(|c| !c.trim().is_empty()));
    let problems: Vec<SheetProblem> = formulas
        .iter()
        .map(|&(r, c)| {
            let column = header
                .and_then(|h| h.get(c))
                .and_then(|h| Column::from_header(h));
            SheetProblem::new(r + 1, column, SheetProblemKind::Formula)
        })
        .collect();
    if !problems.is_empty() {
        return Err(problems);
    }
    read_rows(rows)
}

/// A spreadsheet's date number (days since 1899-12-30) as `YYYY-MM-DD`, for a date cell that
/// a spreadsheet made of text typed as a date.
fn excel_date(serial: f64) -> String {
    // Days since 1970-01-01, then the civil date (Howard Hinnant's algorithm).
    let days = serial.floor() as i64 - 25_569;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// A character no one types into a cell: the C0 and C1 controls other than tab, line feed and
/// carriage return (which a cell may hold), and DEL.
fn is_forbidden_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Where each element of the loose edition came from, to name rows in problems.
#[derive(Default)]
struct Origins {
    meta: HashMap<Field, usize>,
    roles: Vec<usize>,
    areas: Vec<usize>,
    themes: Vec<usize>,
    statements: Vec<usize>,
}

/// Reads the template's rows (the header first; empty rows are skipped).
fn read_rows(rows: Vec<Vec<String>>) -> Result<Edition, Vec<SheetProblem>> {
    let mut problems = Vec::new();
    let is_empty = |row: &Vec<String>| row.iter().all(|c| c.trim().is_empty());
    let Some(header_at) = rows.iter().position(|r| !is_empty(r)) else {
        return Err(vec![SheetProblem::new(0, None, SheetProblemKind::NoHeader)]);
    };
    let header_row = header_at + 1;
    let mut columns: HashMap<Column, usize> = HashMap::new();
    for (i, header) in rows[header_at].iter().enumerate() {
        if header.trim().is_empty() {
            continue;
        }
        match Column::from_header(header) {
            Some(column) if columns.contains_key(&column) => problems.push(SheetProblem::new(
                header_row,
                None,
                SheetProblemKind::DuplicateColumn(column),
            )),
            Some(column) => {
                columns.insert(column, i);
            }
            None => problems.push(SheetProblem::new(
                header_row,
                None,
                SheetProblemKind::UnknownColumn(header.trim().to_owned()),
            )),
        }
    }
    if !columns.contains_key(&Column::Row) && !columns.contains_key(&Column::Code) {
        return Err(vec![SheetProblem::new(
            header_row,
            None,
            SheetProblemKind::NoHeader,
        )]);
    }
    for column in Column::ALL {
        if column != Column::Tags && !columns.contains_key(&column) {
            problems.push(SheetProblem::new(
                header_row,
                None,
                SheetProblemKind::MissingColumn(column),
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Control characters (a NUL, a bell) are no text anyone typed, and PostgreSQL refuses a NUL.
    let column_at = |at: usize| columns.iter().find(|(_, i)| **i == at).map(|(c, _)| *c);
    for (i, row) in rows.iter().enumerate().skip(header_at + 1) {
        for (at, text) in row.iter().enumerate() {
            if let Some(found) = text.chars().find(|&c| is_forbidden_control(c)) {
                problems.push(SheetProblem::new(
                    i + 1,
                    column_at(at),
                    SheetProblemKind::ControlCharacter(found),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.iter().skip(header_at + 1).all(is_empty) {
        return Err(vec![SheetProblem::new(
            header_row + 1,
            None,
            SheetProblemKind::NoRows,
        )]);
    }

    let mut file = FileEdition::default();
    let mut meta = FileMeta::default();
    let mut origins = Origins::default();
    let (mut roles, mut areas, mut statements) = (Vec::new(), Vec::new(), Vec::new());
    // Rows left out (a kind of row or a field of the edition not known) and cells that could
    // not be read. A row left out may be a role or an area that other rows refer to, so the
    // edition's own checks only speak when none was; an unread cell is only news in its row.
    let mut skipped: Vec<usize> = Vec::new();
    let mut unread: Vec<(usize, Option<Column>)> = Vec::new();
    for (i, row) in rows.iter().enumerate().skip(header_at + 1) {
        if is_empty(row) {
            continue;
        }
        let number = i + 1;
        let cell = |column: Column| -> String {
            columns
                .get(&column)
                .and_then(|&at| row.get(at))
                .map(|c| c.trim().to_owned())
                .unwrap_or_default()
        };
        let optional = |column: Column| Some(cell(column)).filter(|c| !c.is_empty());
        let text = |nl: Column, en: Column| {
            let (nl, en) = (optional(nl), optional(en));
            (nl.is_some() || en.is_some()).then_some(FileText { nl, en })
        };
        let word = cell(Column::Row).to_lowercase();
        let Some(kind) = RowKind::ALL
            .into_iter()
            .find(|k| Lang::ALL.iter().any(|&l| k.word(l) == word))
        else {
            problems.push(SheetProblem::new(
                number,
                Some(Column::Row),
                SheetProblemKind::UnknownRowKind(cell(Column::Row)),
            ));
            skipped.push(number);
            continue;
        };
        match kind {
            RowKind::Edition => {
                let code = cell(Column::Code).to_lowercase();
                let Some(&(field, _, _)) =
                    META.iter().find(|(_, nl, en)| *nl == code || *en == code)
                else {
                    problems.push(SheetProblem::new(
                        number,
                        Some(Column::Code),
                        SheetProblemKind::UnknownMetaField(cell(Column::Code)),
                    ));
                    skipped.push(number);
                    continue;
                };
                if origins.meta.insert(field, number).is_some() {
                    problems.push(SheetProblem::new(
                        number,
                        Some(Column::Code),
                        SheetProblemKind::DuplicateMetaField(cell(Column::Code)),
                    ));
                    skipped.push(number);
                    continue;
                }
                let value = optional(Column::Nl);
                match field {
                    Field::Identifier => meta.identifier = value,
                    Field::Version => meta.version = value,
                    Field::Date => meta.date = value,
                    Field::Publisher => meta.publisher = value,
                    Field::Languages => {
                        meta.languages = value.map(|v| {
                            v.split(',')
                                .map(|l| l.trim().to_owned())
                                .filter(|l| !l.is_empty())
                                .collect()
                        });
                    }
                    Field::Title(_) => meta.title = text(Column::Nl, Column::En),
                    Field::Attribution(_) => meta.attribution = text(Column::Nl, Column::En),
                    Field::BasedOn => meta.based_on = value,
                    _ => meta.description = text(Column::Nl, Column::En),
                }
            }
            RowKind::Role | RowKind::Area => {
                let label = FileLabel {
                    key: optional(Column::Code),
                    name: text(Column::Nl, Column::En),
                    description: text(Column::DescriptionNl, Column::DescriptionEn),
                };
                if kind == RowKind::Role {
                    roles.push(label);
                    origins.roles.push(number);
                } else {
                    areas.push(label);
                    origins.areas.push(number);
                }
            }
            RowKind::Theme => {
                file.themes.push(FileTheme {
                    code: optional(Column::Code),
                    name: text(Column::Nl, Column::En),
                    description: text(Column::DescriptionNl, Column::DescriptionEn),
                });
                origins.themes.push(number);
            }
            RowKind::Statement => {
                // A cell that cannot be read is named, and the rest of its row is still
                // checked below (without that cell), so that one report lists every problem.
                let depth = match optional(Column::Depth) {
                    None => None,
                    Some(d) => match d.parse::<i64>() {
                        Ok(d) => Some(d),
                        Err(_) => {
                            problems.push(SheetProblem::new(
                                number,
                                Some(Column::Depth),
                                SheetProblemKind::NotANumber(d),
                            ));
                            unread.push((number, Some(Column::Depth)));
                            None
                        }
                    },
                };
                let kind = match optional(Column::Kind) {
                    None => None,
                    Some(k) => {
                        let lower = k.to_lowercase();
                        match KINDS
                            .iter()
                            .find(|(nl, en, _)| *nl == lower || *en == lower)
                        {
                            Some((_, _, native)) => Some((*native).to_owned()),
                            None => {
                                problems.push(SheetProblem::new(
                                    number,
                                    Some(Column::Kind),
                                    SheetProblemKind::UnknownKind(k),
                                ));
                                unread.push((number, Some(Column::Kind)));
                                None
                            }
                        }
                    }
                };
                statements.push(FileStatement {
                    code: optional(Column::Code),
                    kind,
                    role: optional(Column::Role),
                    area: optional(Column::Area),
                    theme: optional(Column::Theme),
                    depth,
                    text: text(Column::Nl, Column::En),
                    sources: cell(Column::Sources)
                        .lines()
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect(),
                    tags: cell(Column::Tags)
                        .split(',')
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect(),
                });
                origins.statements.push(number);
            }
        }
    }
    if !skipped.is_empty() {
        return Err(problems);
    }
    file.edition = (!origins.meta.is_empty()).then_some(meta);
    file.roles = (!roles.is_empty()).then_some(roles);
    file.areas = (!areas.is_empty()).then_some(areas);
    file.statements = (!statements.is_empty()).then_some(statements);
    let checked = native::from_file(file).map_err(|found| {
        found
            .into_iter()
            .map(|problem| placed(problem, &origins))
            .collect::<Vec<_>>()
    });
    if problems.is_empty() {
        return checked;
    }
    // Unreadable cells: add what the edition's checks found everywhere but in those cells.
    let more = checked
        .err()
        .unwrap_or_default()
        .into_iter()
        .filter(|p| !unread.contains(&(p.row, p.column)));
    problems.extend(more);
    problems.sort_by_key(|p| p.row);
    Err(problems)
}

#[cfg(test)]
#[path = "sheet_tests.rs"]
mod tests;
