//! The audit log names changes to the scale and to *wie doet wat* as what they are, on a
//! Dutch clock, can be filtered, and downloads the same selection as CSV; on both backends.

use axum::http::StatusCode;
use domain::allocation::{Assignment, Part, Party, Rules};
use domain::hours::Minutes;
use domain::scan::ScaleLabels;
use store::AllocationSettings;

use crate::helpers::tasks::{code, tasks, year};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(the_log_names_every_change_and_filters_and_exports_it);

async fn the_log_names_every_change_and_filters_and_exports_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let (school, coordinator) = (lyceum.school.id, lyceum.coordinator.id);
    store
        .set_scale_labels(school, lyceum.admin.id, &ScaleLabels::default())
        .await
        .expect("scale");
    let agreement = Assignment {
        code: code("BEG.VIS.T1"),
        party: Party::Person(lyceum.member.id),
        part: Part::Responsible,
    };
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agreement,
            &tasks(&app),
            Rules::default(),
        )
        .await
        .expect("agreed");
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &Assignment {
                code: code("BEG.VIS.T2"),
                party: Party::Role(domain::Role::Mentor),
                part: Part::Involved,
            },
            &tasks(&app),
            Rules::default(),
        )
        .await
        .expect("agreed");
    assert!(
        store
            .remove_assignment(school, coordinator, year(), &agreement)
            .await
            .expect("removed")
    );
    store
        .set_person_hours(
            school,
            coordinator,
            year(),
            lyceum.member.id,
            Some(Minutes(600)),
        )
        .await
        .expect("hours");
    store
        .set_allocation_settings(school, coordinator, &AllocationSettings::default())
        .await
        .expect("settings");

    let admin = app.session(lyceum.admin.id).await;
    let as_admin = [("cookie", admin.as_str())];
    let log = app
        .get_with("/nl/scholen/stedelijk-lyceum/logboek", &as_admin)
        .await;
    assert_eq!(log.status, StatusCode::OK);
    let body = &log.body;
    for expected in [
        "woorden van de schaal gewijzigd",
        "afspraak gemaakt (wie doet wat)",
        "afspraak verwijderd (wie doet wat)",
        "BEG.VIS.T1 · persoon · verantwoordelijk",
        "BEG.VIS.T2 · Begeleider primair proces · betrokken",
        "beschikbare uren gewijzigd",
        "instellingen wie doet wat gewijzigd",
        "Tijden in Nederlandse tijd",
    ] {
        assert!(body.contains(expected), "{expected:?} in the log: {body}");
    }
    assert!(!body.contains(" UTC<"), "no UTC times");
    assert!(
        body.contains(" CET</td>") || body.contains(" CEST</td>"),
        "a Dutch clock"
    );
    assert!(
        !body.contains("schoolgegevens gewijzigd"),
        "the scale is not 'school details'"
    );

    // Filtered by part of the work, and by name.
    let allocation = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek?wat=wie-doet-wat",
            &as_admin,
        )
        .await;
    assert!(allocation.body.contains("afspraak gemaakt"));
    assert!(!allocation.body.contains("woorden van de schaal gewijzigd"));
    assert!(!allocation.body.contains("uitgenodigd</td>"));
    assert!(
        allocation
            .body
            .contains(r#"<option value="wie-doet-wat" selected>"#)
    );
    let by_name = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek?wat=wie-doet-wat&wie=mentor",
            &as_admin,
        )
        .await;
    assert!(
        by_name.body.contains("beschikbare uren gewijzigd"),
        "about the mentor"
    );
    assert!(!by_name.body.contains("instellingen wie doet wat gewijzigd"));
    let none = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek?wie=niemand-zo-genoemd",
            &as_admin,
        )
        .await;
    assert!(none.body.contains("Geen regels bij deze keuze."));
    assert!(
        by_name.body.contains(
            r#"href="/nl/scholen/stedelijk-lyceum/logboek.csv?wat=wie-doet-wat&#38;wie=mentor""#
        ),
        "{}",
        by_name.body
    );

    // The same selection as CSV, for a spreadsheet.
    let csv = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek.csv?wat=wie-doet-wat",
            &as_admin,
        )
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.header("content-type"), "text/csv; charset=utf-8");
    assert_eq!(
        csv.header("content-disposition"),
        "attachment; filename=\"raamwerk-stedelijk-lyceum-logboek.csv\""
    );
    let text = csv.body.trim_start_matches('\u{feff}');
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Wanneer;Wie;Wat;Over;Toelichting");
    assert_eq!(lines.len(), 1 + 5, "{text}");
    assert!(text.contains("afspraak verwijderd (wie doet wat)"));
    assert!(!text.contains("schaal"));

    // Only administrators read or download it.
    let coordinator_cookie = app.session(coordinator).await;
    for path in [
        "/nl/scholen/stedelijk-lyceum/logboek",
        "/nl/scholen/stedelijk-lyceum/logboek.csv",
    ] {
        let refused = app
            .get_with(path, &[("cookie", coordinator_cookie.as_str())])
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!refused.body.contains("afspraak gemaakt"));
    }
    app.stop().await;
}

on_both_backends!(a_long_log_comes_in_pages_that_keep_the_filter);

async fn a_long_log_comes_in_pages_that_keep_the_filter(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    for minutes in 1..=105 {
        store
            .set_person_hours(
                lyceum.school.id,
                lyceum.coordinator.id,
                year(),
                lyceum.member.id,
                Some(Minutes(minutes * 60)),
            )
            .await
            .expect("hours");
    }
    let total = store.audit_log(lyceum.school.id).await.expect("log").len();
    assert!(total >= 105, "{total}");
    let admin = app.session(lyceum.admin.id).await;
    let as_admin = [("cookie", admin.as_str())];
    let rows = |body: &str| body.matches("<tr><td>").count();

    let first = app
        .get_with("/nl/scholen/stedelijk-lyceum/logboek", &as_admin)
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(rows(&first.body), 100, "{}", first.body);
    assert!(first.body.contains(&format!("1–100 van {total}")));
    assert!(
        first
            .body
            .contains(r#"href="/nl/scholen/stedelijk-lyceum/logboek?pagina=2" rel="next""#),
        "{}",
        first.body
    );
    let second = app
        .get_with("/nl/scholen/stedelijk-lyceum/logboek?pagina=2", &as_admin)
        .await;
    assert_eq!(rows(&second.body), total - 100, "{}", second.body);
    assert!(second.body.contains("rel=\"prev\""));

    // The pages keep the filter; the CSV holds the whole selection.
    let filtered = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek?wat=wie-doet-wat",
            &as_admin,
        )
        .await;
    assert!(
        filtered.body.contains(
            r#"href="/nl/scholen/stedelijk-lyceum/logboek?wat=wie-doet-wat&#38;pagina=2" rel="next""#
        ),
        "{}",
        filtered.body
    );
    let csv = app
        .get_with("/nl/scholen/stedelijk-lyceum/logboek.csv", &as_admin)
        .await;
    assert_eq!(
        csv.body.trim_start_matches('\u{feff}').lines().count(),
        1 + total
    );
    app.stop().await;
}
