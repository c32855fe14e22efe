use serde_json::{Value, json};

use super::*;

/// A small valid edition in native JSON: one statement per role × area × kind.
fn minimal() -> Value {
    let mut statements = Vec::new();
    for role in ["BEG", "SPE", "COO"] {
        for area in ["VIS", "ORI", "ORG", "SAM"] {
            for (kind, letter) in [("task", "T"), ("expertise", "D")] {
                statements.push(json!({
                    "code": format!("{role}.{area}.{letter}1"), "kind": kind, "role": role, "area": area,
                    "text": {"nl": "Doet iets.", "en": "Does something."}
                }));
            }
        }
    }
    statements[0]["theme"] = json!("gesprek");
    statements[0]["depth"] = json!(1);
    statements[8]["theme"] = json!("gesprek");
    statements[8]["depth"] = json!(2);
    statements[8]["sources"] = json!(["A", "C"]);
    let label = |key: &str| json!({"key": key, "name": {"nl": key, "en": key}});
    json!({
        "format": FORMAT,
        "edition": {
            "identifier": "test", "version": "1", "date": "2026-11-23", "publisher": "Raamwerk",
            "languages": ["nl", "en"], "title": {"nl": "Titel", "en": "Title"},
            "attribution": {"nl": "Eigen formulering.", "en": "Our own wording."}
        },
        "roles": [label("BEG"), label("SPE"), label("COO")],
        "areas": [label("VIS"), label("ORI"), label("ORG"), label("SAM")],
        "themes": [{"code": "gesprek", "name": {"nl": "Gesprek", "en": "Conversation"}}],
        "statements": statements,
    })
}

fn problems(value: &Value) -> Vec<String> {
    match read(&value.to_string(), Syntax::Json) {
        Ok(_) => vec![],
        Err(problems) => problems.iter().map(|p| p.describe(Lang::En)).collect(),
    }
}

#[test]
fn reads_a_valid_edition() {
    let edition = read(&minimal().to_string(), Syntax::Json).expect("valid");
    assert_eq!(edition.statements().len(), 24);
    let s = edition.statement("SPE.VIS.T1").expect("present");
    assert_eq!(s.sources, vec!["A", "C"]);
    assert_eq!(s.depth, Some(Depth::Deepening));
}

#[test]
fn writing_then_reading_gives_an_identical_edition() {
    let edition = read(&minimal().to_string(), Syntax::Json).expect("valid");
    let json = write_json(&edition).expect("written");
    let again = read(&json, Syntax::Json).expect("valid");
    assert_eq!(edition, again);
    assert_eq!(
        json,
        write_json(&again).expect("written"),
        "the output is stable"
    );
}

#[test]
fn the_same_structure_reads_from_toml() {
    let toml_text = toml::to_string(&minimal()).expect("json maps to toml");
    let from_toml = read(&toml_text, Syntax::Toml).expect("valid");
    let from_json = read(&minimal().to_string(), Syntax::Json).expect("valid");
    assert_eq!(from_toml, from_json);
}

#[test]
fn a_json_syntax_error_gives_line_and_column() {
    let found = match read(
        "{\n  \"edition\": {\n    \"identifier\": \"x\",,\n",
        Syntax::Json,
    ) {
        Err(problems) => problems,
        Ok(_) => panic!("must fail"),
    };
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].location,
        Location::File {
            line: 3,
            column: 23
        }
    );
    assert!(matches!(found[0].kind, ProblemKind::Syntax(_)));
}

#[test]
fn a_toml_syntax_error_gives_line_and_column() {
    let found = match read("[edition]\nidentifier = \"x\"\nversion = \n", Syntax::Toml) {
        Err(problems) => problems,
        Ok(_) => panic!("must fail"),
    };
    assert_eq!(found.len(), 1);
    let Location::File { line, .. } = found[0].location else {
        panic!("{:?}", found[0])
    };
    assert_eq!(line, 3);
}

#[test]
fn lists_every_problem_with_its_place() {
    let mut value = minimal();
    value["edition"]["date"] = json!("2026-02-30");
    value["edition"]["languages"] = json!(["nl", "de"]);
    value["roles"][1]["key"] = json!("XYZ");
    value["statements"][2]["role"] = json!("MENTOR");
    value["statements"][3]["depth"] = json!(7);
    value["statements"][4]
        .as_object_mut()
        .expect("object")
        .remove("kind");
    value["statements"][5]["text"]["en"] = json!("");
    value["statements"][1]["code"] = json!("eigen-1");
    value["statements"][6]["code"] = json!("eigen-1");
    value["statements"][7]["theme"] = json!("onbekend");
    assert_eq!(
        problems(&value),
        vec![
            "edition.date: '2026-02-30' is not an existing date of the form YYYY-MM-DD",
            "edition.languages: unknown language 'de' (known: nl, en)",
            "edition.languages: the edition must include English",
            "roles[1].key: unknown role 'XYZ' (known: BEG, SPE, COO)",
            "statements[2](BEG.ORI.T1).role: unknown role 'MENTOR' (known: BEG, SPE, COO)",
            "statements[3](BEG.ORI.D1).depth: depth '7' must be 1, 2 or 3",
            "statements[4](BEG.ORG.T1).kind: this value is missing or empty",
            "statements[5](BEG.ORG.D1).text.en: the English text is missing",
            "statements[6](eigen-1).code: code 'eigen-1' is already used by statements[1]",
            "statements[7](BEG.SAM.D1).theme: theme 'onbekend' does not exist in this edition",
        ]
    );
}

#[test]
fn an_invalid_theme_is_reported_once() {
    let mut value = minimal();
    value["themes"][0]["code"] = json!("Gesprek");
    value["statements"][0]["theme"] = json!("Gesprek");
    assert_eq!(
        problems(&value),
        vec![
            "themes[0](Gesprek).code: 'Gesprek' is not a valid theme code (lower-case letters, digits and hyphens)",
            "statements[0](BEG.VIS.T1).theme: 'Gesprek' is not a valid theme code (lower-case letters, digits and hyphens)",
        ]
    );
}

#[test]
fn missing_metadata_is_named_field_by_field() {
    let mut value = minimal();
    let meta = value["edition"].as_object_mut().expect("object");
    meta.remove("identifier");
    meta.remove("languages");
    meta.remove("title");
    assert_eq!(
        problems(&value),
        vec![
            "edition.identifier: this value is missing or empty",
            "edition.languages: this value is missing or empty",
            "edition.title.nl: the Dutch text is missing",
            "edition.title.en: the English text is missing",
        ]
    );
}

#[test]
fn reports_missing_sections() {
    assert_eq!(
        problems(&json!({})),
        vec![
            "edition: this value is missing or empty",
            "roles: this value is missing or empty",
            "areas: this value is missing or empty",
            "statements: this value is missing or empty",
        ]
    );
}

#[test]
fn rejects_another_format() {
    let mut value = minimal();
    value["format"] = json!("raamwerk-edition/9");
    assert_eq!(
        problems(&value),
        vec!["edition.format: unknown format 'raamwerk-edition/9' (expected: raamwerk-edition/1)"]
    );
}

#[test]
fn the_syntax_follows_the_file_name() {
    assert_eq!(Syntax::for_path("a/b.toml".as_ref()), Syntax::Toml);
    assert_eq!(Syntax::for_path("a/b.TOML".as_ref()), Syntax::Toml);
    assert_eq!(Syntax::for_path("a/b.json".as_ref()), Syntax::Json);
    assert_eq!(Syntax::for_path("a/b".as_ref()), Syntax::Json);
}
