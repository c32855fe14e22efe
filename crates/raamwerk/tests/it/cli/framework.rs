//! `raamwerk framework …` and `admin import`: export, validate against the official
//! schema, and spreadsheets and CASE files into a school.

use std::process::Command;

use super::{raamwerk, text};
use crate::helpers::{Backend, TestDb};

fn schema() -> serde_json::Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/standards/case-v1p1-cfpackage.schema.json"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the CASE schema must be at {path}: {e}"));
    serde_json::from_str(&text).expect("schema")
}

#[tokio::test]
async fn export_json_gives_the_shipped_edition_losslessly() {
    let db = TestDb::new(Backend::Sqlite).await;
    let out = raamwerk(&[
        "framework",
        "export",
        "--format",
        "json",
        "--database",
        &db.url,
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let exported = formats::native::read(&text(&out.stdout), formats::native::Syntax::Json)
        .expect("valid native JSON");
    let shipped = formats::shipped::national().expect("valid");
    assert_eq!(exported, shipped);

    let by_id = raamwerk(&[
        "framework",
        "export",
        "--format",
        "json",
        "--edition",
        &shipped.id().to_string(),
        "--database",
        &db.url,
    ]);
    assert_eq!(by_id.stdout, out.stdout);
    let unknown = raamwerk(&[
        "framework",
        "export",
        "--format",
        "json",
        "--edition",
        "00000000-0000-0000-0000-000000000001",
        "--database",
        &db.url,
    ]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("does not exist"));
    db.remove().await;
}

#[tokio::test]
async fn export_case_validates_against_the_official_schema() {
    let db = TestDb::new(Backend::Postgres).await;
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("schema");
    for lang in ["nl", "en"] {
        let out = raamwerk(&[
            "framework",
            "export",
            "--format",
            "case",
            "--lang",
            lang,
            "--database",
            &db.url,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let package: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&package)
            .take(10)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{lang}: {errors:?}");
        assert_eq!(package["CFDocument"]["caseVersion"], "1.1");
        assert_eq!(package["CFDocument"]["language"], lang);
    }
    let default = raamwerk(&[
        "framework",
        "export",
        "--format",
        "case",
        "--database",
        &db.url,
    ]);
    let package: serde_json::Value = serde_json::from_slice(&default.stdout).expect("JSON");
    assert_eq!(
        package["CFDocument"]["language"], "nl",
        "Dutch unless asked otherwise"
    );
    db.remove().await;
}

#[test]
fn validate_accepts_the_shipped_file_and_lists_every_problem_of_a_broken_one() {
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../../editions/national.toml");
    let ok = raamwerk(&["framework", "validate", shipped]);
    assert!(
        ok.status.success(),
        "{}{}",
        text(&ok.stdout),
        text(&ok.stderr)
    );
    assert!(text(&ok.stdout).contains("valid ("));

    let dir = std::env::temp_dir().join(format!("rw_validate_{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).expect("dir");
    let edition = formats::shipped::national().expect("valid");
    let mut json: serde_json::Value =
        serde_json::from_str(&formats::native::write_json(&edition).expect("json")).expect("json");
    json["statements"][2]["role"] = "XYZ".into();
    json["statements"][5]["text"]["en"] = "".into();
    json["statements"][9]["theme"] = "bestaat-niet".into();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, json.to_string()).expect("write");
    let out = raamwerk(&["framework", "validate", broken.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("statements[2]") && lines[0].contains(".role: unknown role 'XYZ'"));
    assert!(
        lines[1].contains("statements[5]")
            && lines[1].contains(".text.en: the English text is missing")
    );
    assert!(
        lines[2].contains("statements[9]")
            && lines[2].contains(".theme: theme 'bestaat-niet' does not exist")
    );

    let syntax = dir.join("syntax.json");
    std::fs::write(
        &syntax,
        "{\n  \"format\": \"raamwerk-edition/1\",\n  \"edition\": {,\n",
    )
    .expect("write");
    let out = raamwerk(&["framework", "validate", syntax.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("syntax.json:3:"),
        "{}",
        text(&out.stdout)
    );
    // A file that is not text, and one that is not there: a line each, why.
    let binary = dir.join("binary.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).expect("write");
    let out = raamwerk(&["framework", "validate", binary.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("binary.json is not UTF-8 text"));
    let missing = dir.join("missing.json");
    let out = raamwerk(&["framework", "validate", missing.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read"));
    assert!(text(&out.stderr).contains("missing.json"));

    let dutch = Command::new(env!("CARGO_BIN_EXE_raamwerk"))
        .args(["framework", "validate", broken.to_str().expect("path")])
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("runs");
    assert!(
        text(&dutch.stdout).contains("onbekende rol 'XYZ'"),
        "messages in Dutch when asked"
    );
    let _ = std::fs::remove_dir_all(dir);
}

/// Export the spreadsheet template, edit a statement and the version, import it: the stored
/// edition is the national one with exactly that edit, in every format it is exported to;
/// a broken file names its row and column and stores nothing.
async fn spreadsheet_export_edit_import(backend: Backend) {
    let db = TestDb::new(backend).await;
    let dir = tempfile_dir();
    let shipped = formats::shipped::national().expect("valid");
    let first = shipped.statements()[0].clone();
    for format in ["csv", "xlsx"] {
        let out = raamwerk(&[
            "framework",
            "export",
            "--format",
            format,
            "--database",
            &db.url,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let read = match format {
            "csv" => formats::sheet::read_csv(&out.stdout),
            _ => formats::sheet::read_xlsx(&out.stdout),
        };
        assert_eq!(read.expect("the export reads back"), shipped);
    }
    let csv = raamwerk(&[
        "framework",
        "export",
        "--format",
        "csv",
        "--database",
        &db.url,
    ]);
    let edited_text = text(&csv.stdout)
        .replace(
            &first.text.nl,
            "Voert elk jaar een loopbaangesprek met elke leerling.",
        )
        .replace(
            &format!("editie;versie;;;;;;{};", shipped.meta().version),
            "editie;versie;;;;;;2026.2-test;",
        );
    let file = dir.join("raamwerk.csv");
    std::fs::write(&file, &edited_text).expect("written");
    let path = file.to_str().expect("a path");
    let import_csv = || {
        raamwerk(&[
            "framework",
            "import",
            "--format",
            "csv",
            path,
            "--database",
            &db.url,
        ])
    };
    let imported = import_csv();
    assert!(imported.status.success(), "{}", text(&imported.stderr));
    let id = text(&imported.stdout).trim().to_owned();
    let mut expected = shipped.parts().clone();
    expected.meta.version = "2026.2-test".to_owned();
    expected.statements[0].text.nl =
        "Voert elk jaar een loopbaangesprek met elke leerling.".to_owned();
    let expected = domain::Edition::new(expected).expect("valid");
    assert_eq!(id, expected.id().to_string());
    let json = raamwerk(&[
        "framework",
        "export",
        "--format",
        "json",
        "--edition",
        &id,
        "--database",
        &db.url,
    ]);
    let stored = formats::native::read(&text(&json.stdout), formats::native::Syntax::Json)
        .expect("valid native JSON");
    assert_eq!(stored, expected);

    // The same file again: already there, same id. The same version with other content: no.
    let again = import_csv();
    assert!(again.status.success());
    assert_eq!(text(&again.stdout).trim(), id);
    std::fs::write(
        &file,
        edited_text.replace("elke leerling.", "iedere leerling."),
    )
    .expect("written");
    let changed = import_csv();
    assert_eq!(changed.status.code(), Some(1));
    assert!(
        text(&changed.stderr).contains("already stored with other content"),
        "{}",
        text(&changed.stderr)
    );

    // A broken sheet: every problem with its row and column, nothing stored.
    let broken = edited_text
        .replace("2026.2-test", "2026.3-test")
        .replacen(";taak;", ";klus;", 1);
    std::fs::write(&file, broken).expect("written");
    let refused = import_csv();
    assert_eq!(refused.status.code(), Some(1));
    let listed = text(&refused.stdout);
    assert!(
        listed.contains(", column kind: unknown kind 'klus'; expected: task, expertise"),
        "{listed}"
    );
    assert!(listed.starts_with(path), "{listed}");
    assert!(text(&refused.stderr).contains("nothing was stored"));
    let store = store::Store::connect(&db.url).await.expect("the database");
    let editions = store.editions().await.expect("editions");
    store.close().await;
    assert_eq!(editions.len(), 2, "the shipped edition and the one import");

    // Moodle's CSV: fourteen columns on every row, one framework row.
    let moodle = raamwerk(&[
        "framework",
        "export",
        "--format",
        "moodle",
        "--edition",
        &id,
        "--database",
        &db.url,
    ]);
    assert!(moodle.status.success());
    let moodle = text(&moodle.stdout);
    assert!(moodle.starts_with("Parent ID number,ID number,Short name,Description,"));
    assert!(moodle.contains("Voert elk jaar een loopbaangesprek met elke leerling."));
    std::fs::remove_dir_all(&dir).ok();
    db.remove().await;
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("raamwerk-cli-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    dir
}

#[tokio::test]
async fn spreadsheet_export_edit_import_sqlite() {
    spreadsheet_export_edit_import(Backend::Sqlite).await;
}

#[tokio::test]
async fn spreadsheet_export_edit_import_postgres() {
    spreadsheet_export_edit_import(Backend::Postgres).await;
}

/// A CASE package exported from one installation is imported into a school of another:
/// stored as the school's next version, based on the national edition; bad packages and
/// unknown schools are refused with nothing stored.
async fn case_import_into_a_school(backend: Backend) {
    let db = TestDb::new(backend).await;
    let dir = tempfile_dir();
    let created = raamwerk(&[
        "admin",
        "create-school",
        "--name",
        "OSG De Brug",
        "--sector",
        "vo",
        "--students",
        "900",
        "--region",
        "utrecht",
        "--database",
        &db.url,
    ]);
    assert!(created.status.success(), "{}", text(&created.stderr));
    let short = text(&created.stdout).trim().to_owned();
    let package = raamwerk(&[
        "framework",
        "export",
        "--format",
        "case",
        "--database",
        &db.url,
    ]);
    assert!(package.status.success());
    let file = dir.join("raamwerk.case.json");
    std::fs::write(&file, &package.stdout).expect("written");
    let path = file.to_str().expect("a path");
    let import = |school: &str| {
        raamwerk(&[
            "framework",
            "import",
            "--format",
            "case",
            path,
            "--school",
            school,
            "--database",
            &db.url,
        ])
    };
    let first = import(&short);
    assert!(first.status.success(), "{}", text(&first.stderr));
    assert!(
        text(&first.stderr).contains("stored as version 1 of OSG De Brug"),
        "{}",
        text(&first.stderr)
    );
    let id = text(&first.stdout).trim().to_owned();
    let second = import(&short);
    assert!(second.status.success());
    assert!(text(&second.stderr).contains("stored as version 2"));
    assert_ne!(
        text(&second.stdout).trim(),
        id,
        "every import is a version of its own"
    );

    let json = raamwerk(&[
        "framework",
        "export",
        "--format",
        "json",
        "--edition",
        &id,
        "--database",
        &db.url,
    ]);
    let stored = formats::native::read(&text(&json.stdout), formats::native::Syntax::Json)
        .expect("valid native JSON");
    let shipped = formats::shipped::national().expect("valid");
    assert!(stored.meta().identifier.starts_with("school-"));
    assert_eq!(stored.meta().version, "1");
    assert_eq!(stored.meta().based_on, Some(shipped.id()));
    assert_eq!(stored.statements(), shipped.statements());

    let unknown = import("bestaat-niet");
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("no school with the short name 'bestaat-niet'"));
    // A package with an association type CASE does not have: named, nothing stored.
    let broken = text(&package.stdout).replacen("\"isChildOf\"", "\"isCousinOf\"", 1);
    std::fs::write(&file, broken).expect("written");
    let refused = import(&short);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stdout).contains(".associationType: unknown type 'isCousinOf'"),
        "{}",
        text(&refused.stdout)
    );
    let store = store::Store::connect(&db.url).await.expect("the database");
    let school = store
        .school_by_short_name(&short)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(
        store.school_editions(school.id).await.expect("list").len(),
        2
    );
    assert_eq!(
        store.editions().await.expect("national").len(),
        1,
        "no national edition added"
    );
    // The audit log names the tool, not a member (there is none) nor a deleted account.
    let log = store.audit_log(school.id).await.expect("the log");
    let imports: Vec<_> = log
        .iter()
        .filter(|e| e.action == Some(domain::members::AuditAction::EditionImported))
        .map(|e| (e.actor.as_deref(), e.detail.as_deref()))
        .collect();
    assert_eq!(
        imports,
        [
            (Some("raamwerk (CLI)"), Some("2")),
            (Some("raamwerk (CLI)"), Some("1"))
        ]
    );
    store.close().await;
    std::fs::remove_dir_all(&dir).ok();
    db.remove().await;
}

#[tokio::test]
async fn case_import_into_a_school_sqlite() {
    case_import_into_a_school(Backend::Sqlite).await;
}

#[tokio::test]
async fn case_import_into_a_school_postgres() {
    case_import_into_a_school(Backend::Postgres).await;
}
