//! A plan is its owner's: shared on purpose with a colleague, to read or to comment on, and
//! revocably; nobody else — not the coordinator, not the administrator — sees it or a count
//! of it.

use axum::http::StatusCode;
use domain::framework::Date;
use domain::plan::{GoalFields, GoalStatus, Line};

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_plan_is_shared_on_purpose_and_seen_by_nobody_else);

const PLAN: &str = "/nl/scholen/stedelijk-lyceum/ontwikkelplan";
const TALKS: &str = "/nl/scholen/stedelijk-lyceum/gesprekken";

async fn a_plan_is_shared_on_purpose_and_seen_by_nobody_else(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let me = lyceum.member.id;
    store
        .add_goal(
            school,
            me,
            &GoalFields {
                what: Line::parse("Vertrouwelijk doel van de mentor", 300).expect("valid"),
                why: None,
                statements: vec![],
                support: None,
                partner: None,
                target: None,
                status: GoalStatus::Open,
                reflection: None,
            },
            None,
            Date::new(2026, 12, 6).expect("valid"),
        )
        .await
        .expect("goal");
    let mine = app.session(me).await;
    let decaan = app.session(lyceum.coordinator.id).await;
    let beheer = app.session(lyceum.admin.id).await;
    let as_me = [("cookie", mine.as_str())];
    let as_decaan = [("cookie", decaan.as_str())];
    let as_beheer = [("cookie", beheer.as_str())];
    let shared_path = format!("{TALKS}/plannen/{}", me.0);

    // Before sharing: not for the coordinator, not for the administrator, anywhere.
    for cookie in [&as_decaan, &as_beheer] {
        for page in [
            PLAN.to_owned(),
            TALKS.to_owned(),
            "/nl/scholen/stedelijk-lyceum".to_owned(),
            "/nl/scholen/stedelijk-lyceum/leden".to_owned(),
            format!("/nl/scholen/stedelijk-lyceum/leden/{}", me.0),
            "/nl/scholen/stedelijk-lyceum/logboek".to_owned(),
        ] {
            let seen = app.get_with(&page, cookie).await;
            assert!(
                !seen.body.contains("Vertrouwelijk doel"),
                "{page} shows the plan"
            );
        }
        assert_eq!(
            app.get_with(&shared_path, cookie).await.status,
            StatusCode::NOT_FOUND
        );
    }

    // Shared with the coordinator, to read.
    let coordinator = format!("{}", lyceum.coordinator.id.0);
    let shared = app
        .post_form(
            PLAN,
            &[
                ("op", "share"),
                ("partner", coordinator.as_str()),
                ("mode", "lezen"),
            ],
            &as_me,
        )
        .await;
    assert_eq!(shared.status, StatusCode::SEE_OTHER);
    let page = app.get_with(shared.header("location"), &as_me).await;
    assert!(page.body.contains("Je plan is gedeeld."));
    assert!(page.body.contains("Decaan Stedelijk Lyceum (lezen"));
    let talks = app.get_with(TALKS, &as_decaan).await;
    assert!(
        talks
            .body
            .contains("Het ontwikkelplan van Mentor Stedelijk Lyceum")
    );
    let read = app.get_with(&shared_path, &as_decaan).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("Vertrouwelijk doel van de mentor"));
    assert!(read.body.contains("deelde dit plan met jou om te lezen"));
    assert!(!read.body.contains(r#"name="op" value="comment""#));
    // Reading is not commenting; the administrator still sees nothing.
    let goal = store.plan(school, me).await.expect("plan").goals[0]
        .id
        .to_string();
    let comment = [
        ("op", "comment"),
        ("goal", goal.as_str()),
        ("text", "Mooi!"),
    ];
    let refused = app.post_form(&shared_path, &comment, &as_decaan).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("om te lezen, niet om op te reageren"));
    assert_eq!(
        app.get_with(&shared_path, &as_beheer).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !app.get_with(TALKS, &as_beheer)
            .await
            .body
            .contains("Het ontwikkelplan van")
    );

    // To comment on: the comment reaches the owner's goal page.
    app.post_form(
        PLAN,
        &[
            ("op", "share"),
            ("partner", coordinator.as_str()),
            ("mode", "reageren"),
        ],
        &as_me,
    )
    .await;
    let commented = app.post_form(&shared_path, &comment, &as_decaan).await;
    assert_eq!(
        commented.status,
        StatusCode::SEE_OTHER,
        "{}",
        commented.body
    );
    let goal_page = app.get_with(&format!("{PLAN}/doelen/{goal}"), &as_me).await;
    assert!(goal_page.body.contains("Decaan Stedelijk Lyceum"));
    assert!(goal_page.body.contains("Mooi!"));

    // Sharing with someone of another school, or with nobody chosen, is refused.
    let rivieren = team(&app, "Rivierenland College", "rivieren.nl").await;
    let stranger = rivieren.member.id.0.to_string();
    for partner in [stranger.as_str(), "", "niemand"] {
        let refused = app
            .post_form(
                PLAN,
                &[("op", "share"), ("partner", partner), ("mode", "lezen")],
                &as_me,
            )
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{partner}"
        );
    }
    assert_eq!(store.plan(school, me).await.expect("plan").shares.len(), 1);

    // Revoked: the coordinator gets the 404 of a plan that is not there.
    let stopped = app
        .post_form(
            PLAN,
            &[("op", "unshare"), ("partner", coordinator.as_str())],
            &as_me,
        )
        .await;
    assert_eq!(stopped.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_with(&shared_path, &as_decaan).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form(&shared_path, &comment, &as_decaan)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}
