use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::*;
use crate::shipped;
use domain::Lang;

fn schema() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/standards/case-v1p1-cfpackage.schema.json"
    );
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the CASE schema must be at {path}: {e}"));
    serde_json::from_str(&text).expect("the schema is JSON")
}

fn national() -> Edition {
    shipped::national().unwrap_or_else(|p| panic!("shipped edition invalid: {p:?}"))
}

#[test]
fn the_export_validates_against_the_official_schema_in_both_languages() {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles");
    for lang in Lang::ALL {
        let package = package(&national(), lang);
        let errors: Vec<String> = validator
            .iter_errors(&package)
            .take(20)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{lang}: {}", errors.join("\n"));
    }
}

#[test]
fn the_english_package_is_a_translation_of_the_dutch_one() {
    let edition = national();
    let dutch = package(&edition, Lang::Nl);
    let english = package(&edition, Lang::En);
    assert_eq!(english["CFDocument"]["language"], "en");
    assert_eq!(
        english["CFDocument"]["title"],
        edition.meta().title.en.as_str()
    );
    let dutch_ids: HashSet<&str> = dutch["CFItems"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["identifier"].as_str().expect("id"))
        .chain([dutch["CFDocument"]["identifier"].as_str().expect("id")])
        .collect();
    let english_items = english["CFItems"].as_array().expect("items");
    assert!(
        english_items
            .iter()
            .all(|i| !dutch_ids.contains(i["identifier"].as_str().expect("id"))),
        "own identifiers"
    );
    let translations: Vec<&Value> = english["CFAssociations"]
        .as_array()
        .expect("associations")
        .iter()
        .filter(|a| a["associationType"] == "isTranslationOf")
        .collect();
    assert_eq!(
        translations.len(),
        english_items.len() + 1,
        "every item and the document"
    );
    for t in &translations {
        assert!(dutch_ids.contains(t["destinationNodeURI"]["identifier"].as_str().expect("id")));
        assert_eq!(t["destinationNodeURI"]["targetType"], "CASE");
    }
    let statement = &edition.statements()[0];
    let item = english_items
        .iter()
        .find(|i| i["humanCodingScheme"] == statement.code.as_str())
        .expect("present");
    assert_eq!(item["fullStatement"], statement.text.en.as_str());
    assert_eq!(
        item["extensions"]["translations"]["nl"]["fullStatement"],
        statement.text.nl.as_str()
    );
}

#[test]
fn the_schema_check_would_catch_a_broken_package() {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles");
    let mut package = package(&national(), Lang::Nl);
    package["CFItems"][0]["identifier"] = Value::from("BEG");
    assert!(!validator.is_valid(&package));
    let mut package = super::package(&national(), Lang::Nl);
    package["CFDocument"]["lastChangeDateTime"] = Value::from("2026-11-23");
    assert!(!validator.is_valid(&package));
}

#[test]
fn every_statement_is_an_item_below_its_role_and_area_with_its_translation() {
    let edition = national();
    let package = package(&edition, Lang::Nl);
    let items = package["CFItems"].as_array().expect("items");
    let by_code: HashMap<&str, &Value> = items
        .iter()
        .map(|i| (i["humanCodingScheme"].as_str().expect("code"), i))
        .collect();
    assert_eq!(items.len(), 3 + 12 + edition.statements().len());
    let ids: HashSet<&str> = items
        .iter()
        .map(|i| i["identifier"].as_str().expect("id"))
        .collect();
    assert_eq!(ids.len(), items.len(), "identifiers are unique");

    let parent: HashMap<&str, &str> = package["CFAssociations"]
        .as_array()
        .expect("associations")
        .iter()
        .filter(|a| a["associationType"] == "isChildOf")
        .map(|a| {
            (
                a["originNodeURI"]["identifier"].as_str().expect("origin"),
                a["destinationNodeURI"]["identifier"]
                    .as_str()
                    .expect("destination"),
            )
        })
        .collect();
    let doc_id = package["CFDocument"]["identifier"]
        .as_str()
        .expect("document id");
    for statement in edition.statements() {
        let item = by_code[statement.code.as_str()];
        assert_eq!(item["fullStatement"], statement.text.nl.as_str());
        assert_eq!(
            item["extensions"]["translations"]["en"]["fullStatement"],
            statement.text.en.as_str()
        );
        assert_eq!(
            item["extensions"]["raamwerk"]["kind"],
            statement.kind.name()
        );
        let cell = format!("{}.{}", statement.role.code(), statement.area.code());
        let own = item["identifier"].as_str().expect("id");
        assert_eq!(
            parent[own],
            by_code[cell.as_str()]["identifier"].as_str().expect("id")
        );
        let role = parent[parent[own]];
        assert_eq!(
            role,
            by_code[statement.role.code()]["identifier"]
                .as_str()
                .expect("id")
        );
        assert_eq!(parent[role], doc_id);
    }
    for association in package["CFAssociations"].as_array().expect("associations") {
        for end in ["originNodeURI", "destinationNodeURI"] {
            let target = association[end]["identifier"].as_str().expect("identifier");
            assert!(
                ids.contains(target) || target == doc_id,
                "{target} does not resolve"
            );
        }
    }
}

#[test]
fn identifiers_are_stable_across_exports() {
    assert_eq!(
        package(&national(), Lang::Nl),
        package(&national(), Lang::Nl)
    );
    assert_eq!(
        package(&national(), Lang::En),
        package(&national(), Lang::En)
    );
}

#[test]
fn themes_link_statements_across_roles() {
    let edition = national();
    let package = package(&edition, Lang::Nl);
    let related = package["CFAssociations"]
        .as_array()
        .expect("associations")
        .iter()
        .filter(|a| a["associationType"] == "isRelatedTo")
        .count();
    let expected: usize = edition
        .themes()
        .iter()
        .map(|t| edition.theme_statements(&t.code).len() - 1)
        .sum();
    assert_eq!(related, expected);
    assert_eq!(
        package["CFDefinitions"]["CFConcepts"]
            .as_array()
            .map(Vec::len),
        Some(edition.themes().len())
    );
}

#[test]
fn a_schools_edition_with_tags_and_its_basis_still_validates() {
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles");
    let base = national();
    let mut parts = base.parts().clone();
    parts.meta.identifier = "school-test".into();
    parts.meta.based_on = Some(base.id());
    parts.statements[0].tags = vec![domain::Tag::Regional, domain::Tag::Own("stage".into())];
    parts.statements[1].text.en.clear();
    let edition = Edition::new(parts).expect("valid");
    for lang in Lang::ALL {
        let package = package(&edition, lang);
        let errors: Vec<String> = validator
            .iter_errors(&package)
            .take(20)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{lang}: {}", errors.join("\n"));
        assert_eq!(
            package["CFItems"]
                .as_array()
                .and_then(|items| items
                    .iter()
                    .find(|i| i["humanCodingScheme"] == edition.statements()[0].code.as_str()))
                .map(|i| i["extensions"]["raamwerk"]["tags"].clone()),
            Some(serde_json::json!(["regionaal", "stage"]))
        );
    }
}
