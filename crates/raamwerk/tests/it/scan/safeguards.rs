//! Nothing irreversible in one click: closing a round and discarding the school's draft ask
//! for a ticked confirmation (and change nothing without it), a round closed by mistake can
//! be opened again, and all three are in the audit log; on both backends.

use axum::http::StatusCode;

use crate::helpers::scan::{open, round_id};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    closing_a_round_asks_first_and_can_be_undone,
    discarding_the_draft_asks_first_and_is_logged,
);

async fn closing_a_round_asks_first_and_can_be_undone(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let member = app.session(lyceum.member.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let is_open = |app: &TestApp| {
        let store = app.state.store.clone();
        let school = lyceum.school.id;
        let id = round_id(&round);
        async move {
            store
                .round(school, id)
                .await
                .expect("read")
                .expect("round")
                .is_open()
        }
    };

    // The page says how many scans are unfinished (none of the three is finished).
    let page = app.get_with(&round, &as_coordinator).await;
    assert!(
        page.body
            .contains("Ja, sluit deze ronde voor iedereen. Nog niet klaar: 3 van 3 scans."),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"name="bevestig" value="1" required"#));
    assert!(page.body.contains(">Stand van de scan</th>"));
    assert!(!page.body.contains("Ronde weer openen"));

    // Without the tick nothing changes, and the page says why.
    let unticked = app
        .post_form(&format!("{round}/sluiten"), &[], &as_coordinator)
        .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unticked
            .body
            .contains("De ronde is niet gesloten: vink eerst aan")
    );
    assert!(is_open(&app).await);

    let closed = app
        .post_form(
            &format!("{round}/sluiten"),
            &[("bevestig", "1")],
            &as_coordinator,
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    assert!(!is_open(&app).await);
    let page = app.get_with(&round, &as_coordinator).await;
    assert!(page.body.contains("Ronde weer openen"));
    assert!(
        !page.body.contains("later verdergaan"),
        "closed: no 'later'"
    );
    assert!(page.body.contains("je antwoorden terug te lezen"));

    // A member cannot open it again; a coordinator can, and it is logged.
    let refused = app
        .post_form(
            &format!("{round}/heropenen"),
            &[],
            &[("cookie", member.as_str())],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(!is_open(&app).await);
    let reopened = app
        .post_form(&format!("{round}/heropenen"), &[], &as_coordinator)
        .await;
    assert_eq!(reopened.status, StatusCode::SEE_OTHER);
    assert!(is_open(&app).await);
    let log = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek",
            &[("cookie", &app.session(lyceum.admin.id).await)],
        )
        .await;
    assert!(log.body.contains("ronde gesloten"), "{}", log.body);
    assert!(log.body.contains("ronde heropend"), "{}", log.body);

    // While another round is open, an old one cannot be opened again.
    app.post_form(
        &format!("{round}/sluiten"),
        &[("bevestig", "1")],
        &as_coordinator,
    )
    .await;
    let next = app
        .post_form(
            "/nl/scholen/stedelijk-lyceum/rondes",
            &[("name", "voorjaar 2027"), ("starts", "2027-03-01")],
            &as_coordinator,
        )
        .await;
    assert_eq!(next.status, StatusCode::SEE_OTHER, "{}", next.body);
    let twice = app
        .post_form(&format!("{round}/heropenen"), &[], &as_coordinator)
        .await;
    assert_eq!(twice.status, StatusCode::CONFLICT);
    assert!(twice.body.contains("Er loopt al een ronde"));
    assert!(!is_open(&app).await);
    app.stop().await;
}

async fn discarding_the_draft_asks_first_and_is_logged(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, _) = open(&app).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let draft = "/nl/scholen/stedelijk-lyceum/raamwerk/concept";
    let started = app.post_form(draft, &[], &as_coordinator).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER);
    let page = app.get_with(draft, &as_coordinator).await;
    assert!(page.body.contains("Ja, gooi dit concept voorgoed weg."));
    assert!(
        page.body
            .contains(r#"class="danger-button">Concept weggooien"#)
    );
    let has_draft = || async {
        app.state
            .store
            .draft(lyceum.school.id)
            .await
            .expect("read")
            .is_some()
    };

    let unticked = app
        .post_form(&format!("{draft}/weggooien"), &[], &as_coordinator)
        .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unticked
            .body
            .contains("Het concept is niet weggegooid: vink eerst aan")
    );
    assert!(has_draft().await);

    let discarded = app
        .post_form(
            &format!("{draft}/weggooien"),
            &[("bevestig", "1")],
            &as_coordinator,
        )
        .await;
    assert_eq!(discarded.status, StatusCode::SEE_OTHER);
    assert!(!has_draft().await);
    let log = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek",
            &[("cookie", &app.session(lyceum.admin.id).await)],
        )
        .await;
    assert!(
        log.body.contains("concept eigen raamwerk weggegooid"),
        "{}",
        log.body
    );
    app.stop().await;
}
