use super::*;
use domain::EditionParts;

fn national() -> Edition {
    crate::shipped::national().expect("the shipped edition")
}

fn edited(edit: impl FnOnce(&mut EditionParts)) -> Edition {
    let mut parts = national().parts().clone();
    edit(&mut parts);
    Edition::new(parts).expect("a valid edition")
}

fn csv_text(edition: &Edition, lang: Lang) -> String {
    String::from_utf8(write_csv(edition, lang)).expect("UTF-8")
}

fn problems_csv(text: &str) -> Vec<String> {
    match read_csv(text.as_bytes()) {
        Ok(_) => panic!("read without problems"),
        Err(problems) => problems.iter().map(|p| p.describe(Lang::Nl)).collect(),
    }
}

#[test]
fn csv_and_xlsx_give_back_the_same_edition_in_both_languages() {
    let edition = national();
    for lang in Lang::ALL {
        let csv = write_csv(&edition, lang);
        assert!(csv.starts_with("\u{feff}".as_bytes()), "a byte order mark");
        assert_eq!(read_csv(&csv).expect("read"), edition);
        let xlsx = write_xlsx(&edition, lang).expect("written");
        assert_eq!(read_xlsx(&xlsx).expect("read"), edition);
    }
}

#[test]
fn the_csv_is_for_dutch_excel() {
    let text = csv_text(&national(), Lang::Nl);
    let header = text
        .lines()
        .next()
        .expect("a header")
        .trim_start_matches('\u{feff}');
    assert_eq!(
        header,
        "regel;code;rol;gebied;soort;thema;diepte;nl;en;toelichting_nl;toelichting_en;bronnen;labels"
    );
    assert!(
        text.contains("\r\nuitspraak;BEG.VIS.T1;BEG;VIS;taak;"),
        "{}",
        &text[..600]
    );
}

#[test]
fn an_edit_in_the_sheet_is_exactly_the_edit_in_the_edition() {
    let edition = national();
    let first = edition.statements()[0].clone();
    let version = &edition.meta().version;
    let text = csv_text(&edition, Lang::Nl)
        .replace(
            &first.text.nl,
            "Bespreekt loopbaanvragen met elke leerling.",
        )
        .replace(
            &format!("\r\neditie;versie;;;;;;{version};"),
            "\r\neditie;versie;;;;;;2026.2-school;",
        );
    let read = read_csv(text.as_bytes()).expect("read");
    let expected = edited(|parts| {
        parts.meta.version = "2026.2-school".to_owned();
        parts.statements[0].text.nl = "Bespreekt loopbaanvragen met elke leerling.".to_owned();
    });
    assert_eq!(read, expected);
}

#[test]
fn text_that_looks_like_a_formula_is_neutralised_and_comes_back() {
    let edition = edited(|parts| {
        parts.statements[0].text.nl = "=HYPERLINK(\"http://x\")".to_owned();
        parts.statements[1].text.nl = "- met een streepje".to_owned();
        parts.statements[2].text.nl = "'=al gemarkeerd".to_owned();
    });
    let text = csv_text(&edition, Lang::Nl);
    assert!(
        text.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"),
        "neutralised"
    );
    assert!(text.contains(";'- met een streepje;"));
    assert!(!text.contains(";=HYPERLINK"));
    assert_eq!(read_csv(text.as_bytes()).expect("read"), edition);
    let xlsx = write_xlsx(&edition, Lang::Nl).expect("written");
    assert_eq!(read_xlsx(&xlsx).expect("read"), edition);
}

#[test]
fn english_headers_commas_and_a_missing_bom_are_read_too() {
    let edition = national();
    let text = csv_text(&edition, Lang::En)
        .trim_start_matches('\u{feff}')
        .to_owned();
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    for record in csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
    {
        writer
            .write_record(&record.expect("a record"))
            .expect("written");
    }
    let commas = writer.into_inner().expect("bytes");
    // The CSV writer here does not neutralise, so compare with an edition without formulas.
    assert_eq!(read_csv(&commas).expect("read"), edition);
}

/// The CSV with one cell of a statement's row replaced.
fn with_cell(text: &str, code: &str, column: Column, value: &str) -> String {
    text.split("\r\n")
        .map(|line| {
            if line.starts_with(&format!("uitspraak;{code};")) {
                let mut cells: Vec<&str> = line.split(';').collect();
                cells[column.index()] = value;
                cells.join(";")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn problems_name_the_row_and_column() {
    let edition = national();
    let text = csv_text(&edition, Lang::Nl);
    let lines: Vec<&str> = text.split("\r\n").collect();
    // The row of BEG.VIS.T2 in the sheet (1-based, the header is row 1).
    let row = lines
        .iter()
        .position(|l| l.starts_with("uitspraak;BEG.VIS.T2;"))
        .expect("the row")
        + 1;
    let broken = text
        .replacen(
            "uitspraak;BEG.VIS.T2;BEG;VIS;taak;",
            "uitspraak;BEG.VIS.T1;BEG;VIS;klus;",
            1,
        )
        .replacen("\r\nrol;", "\r\nrij;", 1);
    let broken = with_cell(&broken, "BEG.VIS.T3", Column::Depth, "twee");
    let found = problems_csv(&broken);
    assert!(
        found.iter().any(|p| p.starts_with("rij ") && p.contains("kolom regel: onbekend soort regel 'rij'")),
        "{found:?}"
    );
    assert!(
        found.iter().any(
            |p| p.starts_with(&format!("rij {}, kolom diepte:", row + 1))
                && p.contains("'twee' is geen geheel getal")
        ),
        "{found:?}"
    );
    // Structural problems come first; with those fixed, the edition's own checks speak.
    let duplicate = text.replacen("uitspraak;BEG.VIS.T2;", "uitspraak;BEG.VIS.T1;", 1);
    let found = problems_csv(&duplicate);
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("rij {row}, kolom code:"))),
        "the duplicate code: {found:?}"
    );
    let found = problems_csv(&with_cell(&text, "BEG.VIS.T2", Column::Kind, "klus"));
    assert_eq!(
        found,
        vec![format!(
            "rij {row}, kolom soort: onbekende soort 'klus'; verwacht: taak, deskundigheid"
        )]
    );
}

#[test]
fn one_report_lists_every_problem_in_the_file() {
    // An unreadable depth early in the file and a duplicate code late in it: both are named,
    // in the order of the rows (the depth alone used to hide the rest).
    let text = csv_text(&national(), Lang::Nl);
    let lines: Vec<&str> = text.split("\r\n").collect();
    let row_of = |code: &str| {
        lines
            .iter()
            .position(|l| l.starts_with(&format!("uitspraak;{code};")))
            .expect("the row")
            + 1
    };
    let codes: Vec<String> = national()
        .statements()
        .iter()
        .map(|s| s.code.as_str().to_owned())
        .collect();
    let (early, late) = (&codes[3], &codes[codes.len() - 2]);
    let (early_row, late_row) = (row_of(early), row_of(late));
    assert!(late_row > early_row + 100, "rows far apart");
    let broken = with_cell(&text, early, Column::Depth, "twee");
    let broken = broken.replacen(
        &format!("uitspraak;{late};"),
        &format!("uitspraak;{};", codes[0]),
        1,
    );
    let found = problems_csv(&broken);
    assert!(
        found[0].starts_with(&format!("rij {early_row}, kolom diepte:"))
            && found[0].contains("'twee' is geen geheel getal"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.starts_with(&format!("rij {late_row}, kolom code:"))),
        "the duplicate code late in the file: {found:?}"
    );
    assert!(
        !found
            .iter()
            .any(|p| p.contains("diepte") && !p.contains("twee")),
        "the unread depth is named once: {found:?}"
    );
}

#[test]
fn missing_and_unknown_columns_and_fields_are_named() {
    let text = csv_text(&national(), Lang::Nl);
    let found = problems_csv(&text.replacen("bronnen", "bron", 1));
    assert!(found.contains(&"rij 1: onbekende kolom 'bron'; verwacht: regel, code, rol, gebied, soort, thema, diepte, nl, en, toelichting_nl, toelichting_en, bronnen, labels".to_owned()), "{found:?}");
    assert!(
        found.contains(&"rij 1: de kolom bronnen ontbreekt".to_owned()),
        "{found:?}"
    );
    let version_row = text
        .split("\r\n")
        .find(|l| l.starts_with("editie;versie;"))
        .expect("the version row")
        .to_owned();
    let found = problems_csv(&text.replacen(&format!("{version_row}\r\n"), "", 1));
    assert!(
        found.iter().any(|p| p.starts_with("editie, versie: ")),
        "{found:?}"
    );
    let english = match read_csv(
        text.replacen(&format!("{version_row}\r\n"), "", 1)
            .as_bytes(),
    ) {
        Err(problems) => problems[0].describe(Lang::En),
        Ok(_) => panic!("read"),
    };
    assert!(english.starts_with("edition, version: "), "{english}");
}

#[test]
fn files_that_are_not_what_they_claim_are_refused() {
    let latin1 = b"regel;code\r\neditie;titel;caf\xe9\r\n";
    let found = match read_csv(latin1) {
        Err(p) => p,
        Ok(_) => panic!("read"),
    };
    assert_eq!(found[0].row, 2);
    assert_eq!(found[0].kind, SheetProblemKind::NotUtf8);
    let found = match read_xlsx(b"PK\x03\x04 not really a zip") {
        Err(p) => p,
        Ok(_) => panic!("read"),
    };
    assert!(matches!(found[0].kind, SheetProblemKind::NotASheet(_)));
    assert!(
        found[0]
            .describe(Lang::Nl)
            .starts_with("dit is geen leesbaar XLSX-bestand")
    );
    let found = match read_csv(b"") {
        Err(p) => p,
        Ok(_) => panic!("read"),
    };
    assert_eq!(found[0].kind, SheetProblemKind::NoHeader);
    let huge = vec![b'a'; MAX_BYTES + 1];
    assert_eq!(
        read_csv(&huge).map_err(|p| p[0].kind.clone()).err(),
        Some(SheetProblemKind::TooLarge)
    );
    // The wrong kind chosen: the file's first bytes say what it really is.
    let edition = national();
    let xlsx = write_xlsx(&edition, Lang::Nl).expect("written");
    let found = read_csv(&xlsx).expect_err("refused");
    assert_eq!(
        found
            .iter()
            .map(|p| p.describe(Lang::Nl))
            .collect::<Vec<_>>(),
        ["dit is een XLSX-bestand (een Excel-werkmap), geen CSV; kies XLSX als soort bestand"]
    );
    let found = read_xlsx(&write_csv(&edition, Lang::En)).expect_err("refused");
    assert_eq!(
        found
            .iter()
            .map(|p| p.describe(Lang::En))
            .collect::<Vec<_>>(),
        ["this is a text file (CSV), not XLSX; choose CSV as the kind of file"]
    );
}

#[test]
fn a_formula_in_a_workbook_is_refused_with_its_cell() {
    use rust_xlsxwriter::Workbook;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    for (c, column) in Column::ALL.iter().enumerate() {
        sheet
            .write_string(0, c as u16, column.header(Lang::Nl))
            .expect("written");
    }
    sheet.write_string(1, 0, "editie").expect("written");
    sheet.write_string(1, 1, "titel").expect("written");
    sheet.write_formula(1, 7, "=1+1").expect("written");
    let bytes = workbook.save_to_buffer().expect("saved");
    let found = match read_xlsx(&bytes) {
        Err(p) => p,
        Ok(_) => panic!("read"),
    };
    assert_eq!(
        found[0].describe(Lang::Nl),
        "rij 2, kolom nl: deze cel bevat een formule; het sjabloon bevat alleen tekst"
    );
}

#[test]
fn a_date_typed_into_a_spreadsheet_is_read_as_a_date() {
    assert_eq!(excel_date(46_327.0), "2026-11-01");
    assert_eq!(excel_date(1.0), "1899-12-31");
}

#[test]
fn generated_rows_never_panic_the_reader() {
    // A small deterministic generator (xorshift) of tables made of the template's own words,
    // numbers and odd characters: whatever comes in, the reader answers.
    let words = [
        "",
        "editie",
        "rol",
        "gebied",
        "thema",
        "uitspraak",
        "BEG",
        "VIS",
        "taak",
        "x",
        "1",
        "-3",
        "99999999999999999999",
        "versie",
        "datum",
        "2026-02-30",
        "talen",
        "nl,en",
        "'=1",
        "\"",
        ";",
        "\u{0}",
        "é",
        "BEG.VIS.T1",
        "code",
        "regel",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let header = Column::ALL.map(|c| c.header(Lang::Nl).to_owned()).to_vec();
    for _ in 0..2_000 {
        let mut rows = Vec::new();
        if next(4) > 0 {
            rows.push(header.clone());
        }
        for _ in 0..next(12) {
            rows.push(
                (0..next(14))
                    .map(|_| words[next(words.len())].to_owned())
                    .collect(),
            );
        }
        let _ = read_rows(rows);
    }
}

#[test]
fn damaged_files_are_answered_never_a_panic() {
    // A shorter run of what bench/formats.sh does with a million inputs per reader.
    use crate::generate::{Rng, damaged};
    let national = national();
    let csv = write_csv(&national, Lang::Nl);
    let xlsx = write_xlsx(&national, Lang::Nl).expect("written");
    let json = crate::native::write_json(&national).expect("written");
    let mut rng = Rng::new(7);
    for _ in 0..3_000 {
        let _ = read_csv(&damaged(&csv, &mut rng));
        if let Ok(text) = String::from_utf8(damaged(json.as_bytes(), &mut rng)) {
            let _ = crate::native::read(&text, crate::native::Syntax::Json);
        }
    }
    for _ in 0..300 {
        let _ = read_xlsx(&damaged(&xlsx, &mut rng));
    }
}

#[test]
fn a_large_generated_edition_goes_through_the_template() {
    let large = crate::generate::large_edition(&national(), 600).expect("valid");
    assert_eq!(large.statements().len(), 600);
    assert_eq!(read_csv(&write_csv(&large, Lang::En)).expect("read"), large);
}
