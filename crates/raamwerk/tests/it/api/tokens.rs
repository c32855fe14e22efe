//! API tokens from making to revoking, on both backends. A member makes a personal token on
//! the school's page (its secret shown once), reads and saves their own scan with it, and is
//! refused what its scopes do not grant; an administrator makes a school token that reads the
//! members but never anyone's own scan or plan. Forged, expired and revoked tokens, a token of
//! a member who left, another school's address, malformed or oversized bodies: each gets its
//! status and the error format, and nothing changes.

use axum::http::StatusCode;
use domain::api_token::{Holder, Lifetime, Scopes, TokenName};
use store::NewToken;

use crate::helpers::team::{lyceum_log, team};
use crate::helpers::{Backend, Page, TestApp, on_both_backends};

on_both_backends!(a_script_works_with_a_token_as_far_as_its_scopes_and_no_further);

const TOKENS: &str = "/nl/scholen/stedelijk-lyceum/api-sleutels";
const API: &str = "/api/v1/schools/stedelijk-lyceum";

/// The secret a page shows once.
fn secret_on(page: &Page) -> String {
    let start = page
        .body
        .find("value=\"rwk_")
        .unwrap_or_else(|| panic!("no token on the page: {}", page.body))
        + "value=\"".len();
    page.body[start..start + 68].to_owned()
}

fn error_of(page: &Page) -> String {
    let json: serde_json::Value = serde_json::from_str(&page.body)
        .unwrap_or_else(|_| panic!("not JSON ({}): {}", page.status, page.body));
    json["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error: {}", page.body))
        .to_owned()
}

async fn a_script_works_with_a_token_as_far_as_its_scopes_and_no_further(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let roc = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = &app.state.store;
    let round = store
        .open_round(
            lyceum.school.id,
            lyceum.coordinator.id,
            &domain::scan::RoundName::parse("Najaar").expect("valid"),
            domain::scan::Period::parse("2026-09-01", "").expect("valid"),
            app.state.edition().id(),
        )
        .await
        .expect("round");
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // The member's page: their own tokens only, no school tokens.
    let page = app.get_with(TOKENS, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Uw sleutels") && page.body.contains("nog geen sleutels"));
    assert!(!page.body.contains("Sleutels van de school"));
    // A token without a name or any scope is refused, with both reasons; nothing is made.
    let refused = app
        .post_form(
            TOKENS,
            &[("stap", "maken"), ("voor", "person"), ("naam", " ")],
            &as_member,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Geef de sleutel een naam."));
    assert!(refused.body.contains("Kies ten minste één onderdeel"));
    // A member makes no school token.
    let refused = app
        .post_form(
            TOKENS,
            &[
                ("stap", "maken"),
                ("voor", "school"),
                ("naam", "Koppeling"),
                ("school.members", "read"),
            ],
            &as_member,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let made = app
        .post_form(
            TOKENS,
            &[
                ("stap", "maken"),
                ("voor", "person"),
                ("naam", "Mijn portfolio"),
                ("person.scan", "write"),
                ("person.plan", "read"),
                ("dagen", ""),
            ],
            &as_member,
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert!(made.body.contains("Sleutel ‘Mijn portfolio’ gemaakt"));
    let secret = secret_on(&made);
    let bearer = format!("Bearer {secret}");
    let with_token = [("authorization", bearer.as_str())];
    // Shown once: the list shows the name and scopes, never the secret again.
    let list = app.get_with(TOKENS, &as_member).await;
    assert!(list.body.contains("Mijn portfolio"));
    assert!(
        list.body
            .contains("eigen scan (lezen en wijzigen), eigen ontwikkelplan (lezen)")
    );
    assert!(list.body.contains("nog niet"));
    assert!(!list.body.contains(&secret));
    // The member's data download lists the token, without its secret.
    let data = app.get_with("/nl/account/gegevens.json", &as_member).await;
    assert!(!data.body.contains(&secret));
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("JSON");
    assert_eq!(data["api_tokens"][0]["name"], "Mijn portfolio");
    assert_eq!(data["api_tokens"][0]["revoked_at"], serde_json::Value::Null);

    // Reading and saving one's own scan.
    let scan_path = format!("{API}/rounds/{}/scan", round.id);
    let scan = app.get_with(&scan_path, &with_token).await;
    assert_eq!(scan.status, StatusCode::OK, "{}", scan.body);
    let json: serde_json::Value = serde_json::from_str(&scan.body).expect("JSON");
    assert_eq!(json["roles"], serde_json::json!(["BEG"]));
    assert_eq!(json["answers"], serde_json::json!([]));
    let saved = app
        .call(
            "PATCH",
            &scan_path,
            &[("authorization", bearer.as_str()), ("content-type", "application/json")],
            br#"{"answers": [{"statement": "BEG.VIS.T1", "choice": "ja", "note": "Via de API", "discuss": true}]}"#.to_vec(),
        )
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert_eq!(saved.body, r#"{"saved":3}"#);
    let scan = app.get_with(&scan_path, &with_token).await;
    let json: serde_json::Value = serde_json::from_str(&scan.body).expect("JSON");
    assert_eq!(json["answers"][0]["statement"], "BEG.VIS.T1");
    assert_eq!(json["answers"][0]["choice"], "ja");
    assert_eq!(json["answers"][0]["discuss"], true);
    // The member sees it on the scan's own page.
    let area = app
        .get_with(
            &format!(
                "/nl/scholen/stedelijk-lyceum/rondes/{}/begeleider/visie-en-beleid",
                round.id
            ),
            &as_member,
        )
        .await;
    assert!(area.body.contains("Via de API"), "{}", area.body);
    // A wrong value, or a statement of a role the member does not hold: 422 naming each, and
    // nothing saved (the first change was fine).
    let refused = app
        .call(
            "PATCH",
            &scan_path,
            &[("authorization", bearer.as_str()), ("content-type", "application/json")],
            br#"{"answers": [{"statement": "BEG.VIS.T2", "choice": "ja"}, {"statement": "BEG.VIS.T1", "choice": "misschien"}, {"statement": "SPE.VIS.T1", "choice": "ja"}]}"#.to_vec(),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    let json: serde_json::Value = serde_json::from_str(&refused.body).expect("JSON");
    assert_eq!(
        json["problems"].as_array().map(Vec::len),
        Some(2),
        "{}",
        refused.body
    );
    assert_eq!(json["problems"][0]["field"], "keuze.BEG.VIS.T1");
    let mine = store
        .my_scan(lyceum.school.id, round.id, lyceum.member.id)
        .await
        .expect("scan");
    assert_eq!(
        mine.content.answers.len(),
        1,
        "nothing of the refused request was saved"
    );
    // Malformed JSON, not JSON at all, a body over the limit: 400, 415, 413, in the format.
    for (content_type, body, status) in [
        (
            "application/json",
            b"{\"answers\": [".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            "application/json",
            b"{\"answers\": 3}".to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            "text/plain",
            b"{}".to_vec(),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            "application/json",
            vec![b' '; 300 * 1024],
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ] {
        let answer = app
            .call(
                "PATCH",
                &scan_path,
                &[
                    ("authorization", bearer.as_str()),
                    ("content-type", content_type),
                ],
                body,
            )
            .await;
        assert_eq!(answer.status, status, "{content_type}: {}", answer.body);
        assert!(!error_of(&answer).is_empty());
    }

    // What the scopes do not grant: 403 that names the scope.
    let rounds = app
        .get_with(
            &format!("{API}/rounds"),
            &[
                ("authorization", bearer.as_str()),
                ("accept-language", "en"),
            ],
        )
        .await;
    assert_eq!(rounds.status, StatusCode::FORBIDDEN);
    assert!(error_of(&rounds).contains("rounds:read"), "{}", rounds.body);
    assert!(
        rounds
            .header("www-authenticate")
            .contains("insufficient_scope")
    );
    let refused = app
        .call(
            "PATCH",
            &format!("{API}/rounds/{}/scan", round.id),
            &[
                ("authorization", bearer.as_str()),
                ("content-type", "application/json"),
            ],
            b"{}".to_vec(),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::OK,
        "an empty change saves nothing and answers the scan"
    );
    // Another school's address: as for a school that does not exist.
    let elsewhere = app
        .get_with(
            &format!("/api/v1/schools/{}/plan", roc.school.short_name),
            &with_token,
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    assert!(!elsewhere.body.contains("Rivierenland"));
    // Forged, malformed and expired tokens: 401 with WWW-Authenticate.
    let forged = format!("Bearer rwk_{}", "0123456789abcdef".repeat(4));
    let (_, expiring) = store
        .create_token(&NewToken {
            school: lyceum.school.id,
            maker: lyceum.member.id,
            holder: Holder::Person,
            name: TokenName::parse("Kort").expect("valid"),
            scopes: Scopes::parse("plan:read", Holder::Person).expect("valid"),
            lifetime: Lifetime::parse("1").expect("valid"),
        })
        .await
        .expect("made");
    app.sql("UPDATE api_tokens SET expires_at = 1 WHERE name = 'Kort'")
        .await;
    let expired = format!("Bearer {expiring}");
    for header in [
        forged.as_str(),
        "Bearer abc",
        "Basic bWVudG9yOmdlaGVpbQ==",
        expired.as_str(),
    ] {
        let answer = app
            .get_with(&format!("{API}/plan"), &[("authorization", header)])
            .await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "{header}");
        assert!(
            answer.header("www-authenticate").starts_with("Bearer"),
            "{header}"
        );
        assert!(!error_of(&answer).is_empty());
    }

    // The administrator's school token reads the members, never a person's own data.
    let admin = app.session(lyceum.admin.id).await;
    let as_admin = [("cookie", admin.as_str())];
    let refused = app
        .post_form(
            TOKENS,
            &[
                ("stap", "maken"),
                ("voor", "school"),
                ("naam", "HR"),
                ("school.plan", "read"),
            ],
            &as_admin,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Een schoolsleutel kan niet bij eigen ontwikkelplan"),
        "{}",
        refused.body
    );
    let made = app
        .post_form(
            TOKENS,
            &[
                ("stap", "maken"),
                ("voor", "school"),
                ("naam", "HR-koppeling"),
                ("school.members", "read"),
                ("school.allocation", "read"),
                ("dagen", "30"),
            ],
            &as_admin,
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let school_bearer = format!("Bearer {}", secret_on(&made));
    let members = app
        .get_with(
            &format!("{API}/members"),
            &[("authorization", school_bearer.as_str())],
        )
        .await;
    assert_eq!(members.status, StatusCode::OK, "{}", members.body);
    assert!(members.body.contains("mentor@lyceum.nl") && !members.body.contains("roc.nl"));
    let allocation = app
        .get_with(
            &format!("{API}/allocation?year=2026-2027"),
            &[("authorization", school_bearer.as_str())],
        )
        .await;
    assert_eq!(allocation.status, StatusCode::OK, "{}", allocation.body);
    assert!(allocation.body.contains("\"code\":\"BEG.VIS.T1\""));
    let bad_year = app
        .get_with(
            &format!("{API}/allocation?year=volgend"),
            &[("authorization", school_bearer.as_str())],
        )
        .await;
    assert_eq!(bad_year.status, StatusCode::BAD_REQUEST);
    for private in ["plan".to_owned(), format!("rounds/{}/scan", round.id)] {
        let answer = app
            .get_with(
                &format!("{API}/{private}"),
                &[("authorization", school_bearer.as_str())],
            )
            .await;
        assert_eq!(answer.status, StatusCode::FORBIDDEN, "{private}");
        assert!(!answer.body.contains("Via de API"));
    }
    // The member's token cannot read the members, whatever it asks.
    let answer = app.get_with(&format!("{API}/members"), &with_token).await;
    assert_eq!(answer.status, StatusCode::FORBIDDEN);
    // The administrator sees the member's token and the school's.
    let overview = app.get_with(TOKENS, &as_admin).await;
    assert!(overview.body.contains("HR-koppeling") && overview.body.contains("Mijn portfolio"));

    // "Last used" is noted (after the answer) and shown.
    let mut used = None;
    for _ in 0..50 {
        let tokens = store
            .personal_tokens(lyceum.school.id, lyceum.member.id)
            .await
            .expect("list");
        used = tokens
            .iter()
            .find(|t| t.name.as_str() == "Mijn portfolio")
            .and_then(|t| t.last_used_at);
        if used.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(used.is_some(), "last use noted");
    let list = app.get_with(TOKENS, &as_member).await;
    assert!(
        list.body.contains(" CET") || list.body.contains(" CEST"),
        "{}",
        list.body
    );

    // A member who leaves: their token stops at once.
    let (_, coordinator_secret) = store
        .create_token(&NewToken {
            school: lyceum.school.id,
            maker: lyceum.coordinator.id,
            holder: Holder::Person,
            name: TokenName::parse("Dashboard").expect("valid"),
            scopes: Scopes::parse("allocation:read", Holder::Person).expect("valid"),
            lifetime: Lifetime::parse("").expect("valid"),
        })
        .await
        .expect("made");
    let coordinator_bearer = format!("Bearer {coordinator_secret}");
    let before = app
        .get_with(
            &format!("{API}/allocation"),
            &[("authorization", coordinator_bearer.as_str())],
        )
        .await;
    assert_eq!(before.status, StatusCode::OK);
    let removed = app
        .post_form(
            &format!(
                "/nl/scholen/stedelijk-lyceum/leden/{}/deactiveren",
                lyceum.coordinator.id.0
            ),
            &[],
            &as_admin,
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let after = app
        .get_with(
            &format!("{API}/allocation"),
            &[("authorization", coordinator_bearer.as_str())],
        )
        .await;
    assert_eq!(after.status, StatusCode::UNAUTHORIZED, "{}", after.body);
    assert!(error_of(&after).contains("geen (actief) lid"));

    // Revoking: the member revokes their own token, and it stops at once.
    let id = store
        .personal_tokens(lyceum.school.id, lyceum.member.id)
        .await
        .expect("list")
        .into_iter()
        .find(|t| t.name.as_str() == "Mijn portfolio")
        .expect("listed")
        .id;
    let revoked = app
        .post_form(
            TOKENS,
            &[("stap", "intrekken"), ("sleutel", &id.to_string())],
            &as_member,
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let answer = app.get_with(&scan_path, &with_token).await;
    assert_eq!(answer.status, StatusCode::UNAUTHORIZED);
    let list = app
        .get_with(&format!("{TOKENS}?klaar=ingetrokken"), &as_member)
        .await;
    assert!(
        list.body.contains("De sleutel is ingetrokken") && list.body.contains("ingetrokken</td>")
    );
    // Another member cannot revoke the school's token (it is not theirs): 403; it still works.
    let stranger = app.session(lyceum.member.id).await;
    let school_id = store.school_tokens(lyceum.school.id).await.expect("list")[0].id;
    let refused = app
        .post_form(
            TOKENS,
            &[("stap", "intrekken"), ("sleutel", &school_id.to_string())],
            &[("cookie", stranger.as_str())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let still = app
        .get_with(
            &format!("{API}/members"),
            &[("authorization", school_bearer.as_str())],
        )
        .await;
    assert_eq!(still.status, StatusCode::OK);

    // The audit log names each token made and revoked.
    let log = lyceum_log(&app, &admin).await;
    assert!(
        log.body.contains("API-sleutel gemaakt") && log.body.contains("API-sleutel ingetrokken")
    );
    assert!(
        log.body
            .contains("HR-koppeling (allocation:read members:read)"),
        "{}",
        log.body
    );
    app.stop().await;
}
