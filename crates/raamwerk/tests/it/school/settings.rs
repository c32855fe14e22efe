//! A school's settings and audit log, for administrators only; on both backends.

use axum::http::StatusCode;

use crate::helpers::team::{PASSWORD, lyceum_log, member_path, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    the_audit_log_is_for_administrators_and_forgets_erased_accounts,
    an_administrator_changes_the_school_details,
);

async fn the_audit_log_is_for_administrators_and_forgets_erased_accounts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let log = "/nl/scholen/stedelijk-lyceum/logboek";
    let roles = app
        .post_form(
            &member_path("stedelijk-lyceum", &lyceum.member, "rollen"),
            &[("role_spe", "on")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(roles.status, StatusCode::SEE_OTHER);

    let page = app.get_with(log, &[("cookie", &admin)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    assert!(page.body.contains("rollen gewijzigd"));
    assert!(page.body.contains("Mentor Stedelijk Lyceum"));
    assert!(page.body.contains("Beheerder Stedelijk Lyceum"));

    for (cookie, status) in [
        (
            app.session(lyceum.coordinator.id).await,
            StatusCode::FORBIDDEN,
        ),
        (app.session(lyceum.member.id).await, StatusCode::FORBIDDEN),
        (app.session(college.admin.id).await, StatusCode::NOT_FOUND),
    ] {
        let refused = app.get_with(log, &[("cookie", &cookie)]).await;
        assert_eq!(refused.status, status);
        assert!(!refused.body.contains("rollen gewijzigd"));
    }

    // The mentor erases their account: the entry stays, without their name.
    let token = app
        .state
        .store
        .create_password_link(lyceum.member.id)
        .await
        .expect("link");
    app.post_form(
        &format!("/nl/wachtwoord-instellen/{token}"),
        &[("password", PASSWORD), ("repeat", PASSWORD)],
        &[],
    )
    .await;
    let member = app.session(lyceum.member.id).await;
    // Their data download lists the entries that name them.
    let data = app
        .get_with("/nl/account/gegevens.json", &[("cookie", &member)])
        .await;
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("JSON");
    let entries = data["audit_log"].as_array().expect("audit_log");
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["action"], "member.roles");
    assert_eq!(entries[0]["school"], "Stedelijk Lyceum");
    assert_eq!(entries[0]["detail"], "SPE");
    assert_eq!(entries[0]["by_you"], false);
    let erased = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER, "{}", erased.body);
    let page = app.get_with(log, &[("cookie", &admin)]).await;
    assert!(page.body.contains("rollen gewijzigd"));
    assert!(!page.body.contains("Mentor Stedelijk Lyceum"));
    assert!(!page.body.contains("mentor@lyceum.nl"));
    app.stop().await;
}

async fn an_administrator_changes_the_school_details(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let settings = "/nl/scholen/stedelijk-lyceum/instellingen";
    let page = app.get_with(settings, &[("cookie", &admin)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"Stedelijk Lyceum\""));
    assert!(page.body.contains("value=\"800\""));

    // Every problem at once, the input kept, nothing stored.
    let bad = app
        .post_form(
            settings,
            &[
                ("school_name", "Stedelijk <b>Lyceum</b> Zuid"),
                ("students", "-5"),
                ("region", "XX"),
                ("brin", "123"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.body.matches("<li><a href=\"#").count(),
        4,
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"-5\""));
    assert!(!bad.body.contains("<b>Lyceum</b>"));
    let school = app
        .state
        .store
        .school(lyceum.school.id)
        .await
        .expect("lookup")
        .expect("school");
    assert_eq!(school.name.as_str(), "Stedelijk Lyceum");

    let saved = app
        .post_form(
            settings,
            &[
                ("school_name", "Stedelijk Lyceum Zuid"),
                ("sector_vo", "on"),
                ("sector_mbo", "on"),
                ("students", "1.250"),
                ("region", "GE"),
                ("brin", "12ab"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // The address stays; the new name shows at once, also to a colleague already signed in.
    let member = app.session(lyceum.member.id).await;
    let start = app
        .get_with("/nl/scholen/stedelijk-lyceum", &[("cookie", &member)])
        .await;
    assert!(start.body.contains("Stedelijk Lyceum Zuid"));
    let school = app
        .state
        .store
        .school(lyceum.school.id)
        .await
        .expect("lookup")
        .expect("school");
    assert_eq!(school.students.get(), 1250);
    assert_eq!(school.sectors.to_string(), "vo,mbo");
    assert_eq!(school.brin.as_ref().map(|b| b.as_str()), Some("12AB"));
    let log = lyceum_log(&app, &admin).await;
    assert!(log.body.contains("schoolgegevens gewijzigd"));

    // Coordinators and members may not.
    for user in [&lyceum.coordinator, &lyceum.member] {
        let cookie = app.session(user.id).await;
        let refused = app
            .post_form(
                settings,
                &[("school_name", "Overgenomen"), ("students", "10")],
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    app.stop().await;
}
