//! `/api/openapi.json` describes every API route the router has, with every method, from the
//! router's own list: no route without its description, no description without its route;
//! every reference in it resolves. (The outside validator and the property-based tester in
//! `scripts/test` check it further against a live server.)

use std::collections::BTreeSet;

use axum::http::StatusCode;

use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(the_description_has_every_route_and_nothing_else);

fn refs(value: &serde_json::Value, out: &mut BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                if key == "$ref" {
                    if let Some(r) = v.as_str() {
                        out.insert(r.to_owned());
                    }
                } else {
                    refs(v, out);
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
        _ => {}
    }
}

async fn the_description_has_every_route_and_nothing_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let answer = app.get("/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&answer.body).expect("JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    let mut routed = BTreeSet::new();
    for (path, methods) in web::route_table() {
        if path.starts_with("/api/v1/") || path.starts_with("/ims/case/") {
            for (method, _) in methods {
                routed.insert((path.clone(), method.as_str().to_lowercase()));
            }
        }
    }
    let mut described = BTreeSet::new();
    let mut ids = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("a path item") {
            described.insert((path.clone(), method.clone()));
            let id = op["operationId"]
                .as_str()
                .expect("an operationId")
                .to_owned();
            assert!(ids.insert(id.clone()), "{id} twice");
            // Each {parameter} of the path is described.
            for name in path
                .split('/')
                .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
            {
                assert!(
                    op["parameters"].as_array().is_some_and(|ps| ps
                        .iter()
                        .any(|p| p["name"] == name && p["in"] == "path")),
                    "{method} {path}: {name}"
                );
            }
        }
    }
    assert_eq!(routed, described);
    assert!(routed.len() >= 14, "{routed:?}");
    // Every reference resolves to a schema in the description.
    let mut all = BTreeSet::new();
    refs(&doc, &mut all);
    for r in &all {
        let name = r
            .strip_prefix("#/components/schemas/")
            .expect("a schema reference");
        assert!(doc["components"]["schemas"][name].is_object(), "{r}");
    }
    assert!(all.contains("#/components/schemas/ScanChanges"));
    // A token's scope is named where a token needs it.
    let save = &doc["paths"]["/api/v1/schools/{school}/rounds/{round}/scan"]["patch"];
    assert_eq!(save["security"][0]["token"][0], "scan:write");
    assert!(save["responses"]["422"].is_object() && save["responses"]["409"].is_object());
    app.stop().await;
}
