//! *Wie doet wat* and the hours changed through the API, on both backends: a coordinator's
//! token makes and ends agreements, sets a task's category and hours, the rules, the formula
//! and people's hours; each request is saved whole or not at all, a refused one names every
//! problem and changes nothing; a member's token, a read-only token and another school's
//! address are refused.

use axum::http::StatusCode;
use domain::api_token::{Holder, Lifetime, Scopes, TokenName};
use serde_json::{Value, json};
use store::NewToken;

use crate::helpers::team::{Team, lyceum_log, team};
use crate::helpers::{Backend, Page, TestApp, on_both_backends};

on_both_backends!(a_coordinator_changes_the_allocation_and_hours_through_the_api_all_or_nothing);

const API: &str = "/api/v1/schools/stedelijk-lyceum";
const YEAR: &str = "year=2026-2027";

async fn token(app: &TestApp, team: &Team, maker: domain::account::UserId, scopes: &str) -> String {
    let (_, secret) = app
        .state
        .store
        .create_token(&NewToken {
            school: team.school.id,
            maker,
            holder: Holder::Person,
            name: TokenName::parse("Rooster").expect("valid"),
            scopes: Scopes::parse(scopes, Holder::Person).expect("valid"),
            lifetime: Lifetime::parse("").expect("valid"),
        })
        .await
        .expect("made");
    format!("Bearer {secret}")
}

async fn patch(app: &TestApp, bearer: &str, path: &str, body: Value) -> Page {
    app.call(
        "PATCH",
        &format!("{API}/{path}?{YEAR}"),
        &[
            ("authorization", bearer),
            ("content-type", "application/json"),
        ],
        body.to_string().into_bytes(),
    )
    .await
}

async fn read(app: &TestApp, bearer: &str, path: &str) -> Value {
    let page = app
        .get_with(
            &format!("{API}/{path}?{YEAR}"),
            &[("authorization", bearer)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    serde_json::from_str(&page.body).expect("JSON")
}

fn json_of(page: &Page) -> Value {
    serde_json::from_str(&page.body)
        .unwrap_or_else(|_| panic!("not JSON ({}): {}", page.status, page.body))
}

/// The fields a 422 names, in order.
fn fields_named(page: &Page) -> Vec<String> {
    json_of(page)["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["field"].as_str().unwrap_or("").to_owned())
        .collect()
}

/// The agreements of one task as `(kind, id, part)`, in order.
fn agreements(allocation: &Value, task: &str) -> Vec<(String, String, String)> {
    allocation["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["code"] == task)
        .unwrap_or_else(|| panic!("no task {task}"))["agreements"]
        .as_array()
        .expect("agreements")
        .iter()
        .map(|a| {
            (
                a["party"]["kind"].as_str().unwrap_or("").to_owned(),
                a["party"]["id"].as_str().unwrap_or("").to_owned(),
                a["part"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

fn task<'a>(allocation: &'a Value, code: &str) -> &'a Value {
    allocation["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .find(|t| t["code"] == code)
        .unwrap_or_else(|| panic!("no task {code}"))
}

async fn a_coordinator_changes_the_allocation_and_hours_through_the_api_all_or_nothing(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let roc = team(&app, "ROC Rivierenland", "roc.nl").await;
    let coordinator = token(
        &app,
        &lyceum,
        lyceum.coordinator.id,
        "allocation:write hours:write",
    )
    .await;
    let coordinator_id = lyceum.coordinator.id.0.to_string();
    let member_id = lyceum.member.id.0.to_string();

    // Two agreements, a task's category and hours, and the rules, in one request.
    let made = patch(
        &app,
        &coordinator,
        "allocation",
        json!({
            "rules": { "one_responsible": true, "many_responsibilities": 3 },
            "tasks": [{ "task": "BEG.VIS.T1", "category": "beleidsmatig", "minutes": 1200 }],
            "add": [
                { "task": "BEG.VIS.T1", "party": { "kind": "person", "id": coordinator_id }, "part": "verantwoordelijk" },
                { "task": "BEG.VIS.T1", "party": { "kind": "role", "id": "BEG" }, "part": "uitvoerend" },
                { "task": "BEG.VIS.T1", "party": { "kind": "role", "id": "BEG" }, "part": "uitvoerend" }
            ]
        }),
    )
    .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert_eq!(
        json_of(&made),
        json!({ "added": 2, "already": 1, "removed": 0, "tasks": 1 })
    );
    let allocation = read(&app, &coordinator, "allocation").await;
    assert_eq!(
        agreements(&allocation, "BEG.VIS.T1"),
        vec![
            (
                "person".into(),
                coordinator_id.clone(),
                "verantwoordelijk".into()
            ),
            ("role".into(), "BEG".into(), "uitvoerend".into()),
        ]
    );
    assert_eq!(task(&allocation, "BEG.VIS.T1")["category"], "beleidsmatig");
    assert_eq!(task(&allocation, "BEG.VIS.T1")["minutes"], 1200);
    assert_eq!(
        allocation["rules"],
        json!({ "one_responsible": true, "many_responsibilities": 3 })
    );
    // The page shows what the API did.
    let cookie = app.session(lyceum.coordinator.id).await;
    let page = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/taken/BEG.VIS.T1?jaar=2026-2027",
            &[("cookie", cookie.as_str())],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Decaan Stedelijk Lyceum"),
        "{}",
        page.body
    );

    // Every problem named at once, nothing changed.
    let refused = patch(
        &app,
        &coordinator,
        "allocation",
        json!({
            "rules": { "one_responsible": false, "many_responsibilities": 0 },
            "tasks": [{ "task": "BEG.VIS.T99", "category": "begeleidend", "minutes": -5 }],
            "add": [
                { "task": "BEG.VIS.T2", "party": { "kind": "role", "id": "XYZ" }, "part": "uitvoerend" },
                { "task": "BEG.VIS.T2", "party": { "kind": "outside", "id": "ouders" }, "part": "baas" }
            ]
        }),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let problems = fields_named(&refused);
    assert_eq!(
        problems,
        [
            "rules.many_responsibilities",
            "tasks[0].task",
            "tasks[0].minutes",
            "add[0].party",
            "add[1].part"
        ]
    );
    assert!(
        json_of(&refused)["error"]
            .as_str()
            .unwrap_or("")
            .contains("er is niets veranderd")
    );
    assert_eq!(read(&app, &coordinator, "allocation").await, allocation);

    // A removal with an add the rules refuse (a second responsible party): neither is saved.
    let refused = patch(
        &app,
        &coordinator,
        "allocation",
        json!({
            "remove": [{ "task": "BEG.VIS.T1", "party": { "kind": "role", "id": "BEG" }, "part": "uitvoerend" }],
            "add": [{ "task": "BEG.VIS.T1", "party": { "kind": "person", "id": member_id }, "part": "verantwoordelijk" }]
        }),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(json_of(&refused)["problems"][0]["field"], "add.BEG.VIS.T1");
    assert_eq!(read(&app, &coordinator, "allocation").await, allocation);
    // A person of another school is no party here.
    let refused = patch(
        &app,
        &coordinator,
        "allocation",
        json!({ "add": [{ "task": "BEG.VIS.T2", "party": { "kind": "person", "id": roc.member.id.0.to_string() }, "part": "uitvoerend" }] }),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert_eq!(read(&app, &coordinator, "allocation").await, allocation);

    // Ending an agreement; ending it again ends nothing.
    for removed in [1, 0] {
        let done = patch(
            &app,
            &coordinator,
            "allocation",
            json!({ "remove": [{ "task": "BEG.VIS.T1", "party": { "kind": "role", "id": "BEG" }, "part": "uitvoerend" }] }),
        )
        .await;
        assert_eq!(done.status, StatusCode::OK, "{}", done.body);
        assert_eq!(json_of(&done)["removed"], removed);
    }
    let allocation = read(&app, &coordinator, "allocation").await;
    assert_eq!(agreements(&allocation, "BEG.VIS.T1").len(), 1);

    // The hours: the formula and a person's hours together.
    let mut hours = read(&app, &coordinator, "hours").await;
    assert_eq!(hours["settings"]["formula"], "vvsl");
    hours["settings"]["formula"] = json!("nvs");
    hours["settings"]["students"] = json!(900);
    let saved = patch(
        &app,
        &coordinator,
        "hours",
        json!({ "settings": hours["settings"], "people": [{ "person": member_id, "minutes": 3000 }] }),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(json_of(&saved), json!({ "settings": true, "people": 1 }));
    let hours = read(&app, &coordinator, "hours").await;
    assert_eq!(hours["settings"]["formula"], "nvs");
    assert_eq!(hours["settings"]["students"], 900);
    // NVS: 240 hours, and 60 minutes per student.
    assert_eq!(hours["formula_minutes"], 240 * 60 + 900 * 60);
    assert_eq!(hours["given_minutes"], 3000);
    assert_eq!(hours["people"][0]["name"], "Mentor Stedelijk Lyceum");
    // Saving the hours left the rules as they were.
    let allocation_after = read(&app, &coordinator, "allocation").await;
    assert_eq!(allocation_after["rules"]["many_responsibilities"], 3);

    // Someone of another school, with a new formula: refused, and the formula stays.
    let mut other = hours["settings"].clone();
    other["formula"] = json!("vvsl");
    let refused = patch(
        &app,
        &coordinator,
        "hours",
        json!({ "settings": other, "people": [{ "person": roc.member.id.0.to_string(), "minutes": 60 }] }),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(
        json_of(&refused)["error"]
            .as_str()
            .unwrap_or("")
            .contains("geen actief lid")
    );
    // Out of bounds: every field named.
    other["nvs_minutes_per_student"] = json!(90);
    other["formula"] = json!("gok");
    other["decanen"] = json!(5000);
    let refused = patch(
        &app,
        &coordinator,
        "hours",
        json!({ "settings": other, "people": [{ "person": member_id, "minutes": 99_999_999 }] }),
    )
    .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let problems = fields_named(&refused);
    assert_eq!(
        problems,
        [
            "settings.nvs_minutes_per_student",
            "settings.decanen",
            "settings.formula",
            "people[0].minutes"
        ]
    );
    assert_eq!(read(&app, &coordinator, "hours").await, hours);
    // A person's hours cleared with null.
    let cleared = patch(
        &app,
        &coordinator,
        "hours",
        json!({ "people": [{ "person": member_id, "minutes": null }] }),
    )
    .await;
    assert_eq!(cleared.status, StatusCode::OK, "{}", cleared.body);
    assert_eq!(read(&app, &coordinator, "hours").await["given_minutes"], 0);

    // Who may not: a member (their token's scope does not help), a read-only token, another
    // school's address; each refused, nothing changed.
    let member = token(&app, &lyceum, lyceum.member.id, "allocation:write").await;
    let change = json!({ "add": [{ "task": "BEG.VIS.T2", "party": { "kind": "role", "id": "BEG" }, "part": "uitvoerend" }] });
    let refused = patch(&app, &member, "allocation", change.clone()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    let read_only = token(&app, &lyceum, lyceum.coordinator.id, "allocation:read").await;
    let refused = patch(&app, &read_only, "allocation", change.clone()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
    assert!(
        json_of(&refused)["error"]
            .as_str()
            .unwrap_or("")
            .contains("allocation:write")
    );
    let elsewhere = app
        .call(
            "PATCH",
            "/api/v1/schools/roc-rivierenland/allocation",
            &[
                ("authorization", coordinator.as_str()),
                ("content-type", "application/json"),
            ],
            change.to_string().into_bytes(),
        )
        .await;
    assert!(
        matches!(
            elsewhere.status,
            StatusCode::NOT_FOUND | StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
        ),
        "{}",
        elsewhere.status
    );
    let malformed = app
        .call(
            "PATCH",
            &format!("{API}/allocation"),
            &[
                ("authorization", coordinator.as_str()),
                ("content-type", "application/json"),
            ],
            b"{\"add\": [".to_vec(),
        )
        .await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
    assert_eq!(read(&app, &coordinator, "allocation").await, allocation);
    assert_eq!(
        agreements(&read(&app, &coordinator, "allocation").await, "BEG.VIS.T2"),
        vec![]
    );
    let roc_token = token(&app, &roc, roc.coordinator.id, "allocation:read").await;
    let roc_allocation = app
        .get_with(
            "/api/v1/schools/roc-rivierenland/allocation?year=2026-2027",
            &[("authorization", roc_token.as_str())],
        )
        .await;
    assert_eq!(
        roc_allocation.status,
        StatusCode::OK,
        "{}",
        roc_allocation.body
    );
    assert_eq!(agreements(&json_of(&roc_allocation), "BEG.VIS.T2"), vec![]);

    // The audit log names what the API changed, as the pages' changes are named.
    let admin = app.session(lyceum.admin.id).await;
    let log = lyceum_log(&app, &admin).await;
    assert!(log.body.contains("BEG.VIS.T1"), "{}", log.body);
    app.stop().await;
}
