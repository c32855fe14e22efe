//! The personal data download holds the person's sharing choices, whether their answers feed
//! *wie doet wat*, their agreements and available hours, with ISO 8601 times; on both
//! backends.

use axum::http::StatusCode;
use domain::allocation::{Assignment, Part, Party, Rules};
use domain::hours::Minutes;
use domain::scan::{Change, Choice};
use store::Audience;

use crate::helpers::scan::{code, open, round_id};
use crate::helpers::tasks::{tasks, year};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(the_download_holds_sharing_feeds_agreements_and_hours);

fn is_iso(value: &serde_json::Value) -> bool {
    value.as_str().is_some_and(|s| {
        let b = s.as_bytes();
        s.len() == 20 && b[4] == b'-' && b[10] == b'T' && b[19] == b'Z'
    })
}

async fn the_download_holds_sharing_feeds_agreements_and_hours(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let store = &app.state.store;
    let (school, member) = (lyceum.school.id, lyceum.member.id);
    let id = round_id(&round);
    store
        .save_scan(
            school,
            id,
            member,
            &[Change::Choice(code("BEG.VIS.T1"), Choice::parse("ja").ok())],
        )
        .await
        .expect("saved");
    store
        .finish_scan(school, id, member, true)
        .await
        .expect("finished");
    store
        .share_scan(
            school,
            id,
            member,
            Audience::Person(lyceum.coordinator.id),
            true,
        )
        .await
        .expect("shared");
    assert!(
        store
            .set_scan_feed(school, id, member, true)
            .await
            .expect("feeds")
    );
    store
        .add_assignment(
            school,
            lyceum.coordinator.id,
            year(),
            &Assignment {
                code: code("BEG.VIS.T1"),
                party: Party::Person(member),
                part: Part::CarriesOut,
            },
            &tasks(&app),
            Rules::default(),
        )
        .await
        .expect("agreed");
    store
        .set_person_hours(
            school,
            lyceum.coordinator.id,
            year(),
            member,
            Some(Minutes(90)),
        )
        .await
        .expect("hours");

    let cookie = app.session(member).await;
    let download = app
        .get_with("/nl/account/gegevens.json", &[("cookie", cookie.as_str())])
        .await;
    assert_eq!(download.status, StatusCode::OK);
    let data: serde_json::Value = serde_json::from_str(&download.body).expect("JSON");
    assert_eq!(data["format"], "raamwerk-personal-data/6");
    assert!(is_iso(&data["exported_at"]), "{}", data["exported_at"]);
    let scan = &data["scans"][0];
    assert_eq!(scan["round"], "najaar 2026");
    assert_eq!(scan["shared_with_team"], false);
    assert_eq!(
        scan["shared_with"],
        serde_json::json!(["Decaan Stedelijk Lyceum"])
    );
    assert_eq!(scan["feeds_who_does_what"], true);
    assert_eq!(scan["carried_over_unconfirmed"], false);
    assert!(is_iso(&scan["finished_at"]), "{}", scan["finished_at"]);
    let mine = &data["who_does_what"][0];
    assert_eq!(mine["school"], "Stedelijk Lyceum");
    assert_eq!(mine["agreements"][0]["school_year"], "2026-2027");
    assert_eq!(mine["agreements"][0]["task"], "BEG.VIS.T1");
    assert_eq!(mine["agreements"][0]["part"], "uitvoerend");
    assert!(is_iso(&mine["agreements"][0]["agreed_at"]));
    assert_eq!(mine["available_hours"][0]["school_year"], "2026-2027");
    assert_eq!(mine["available_hours"][0]["minutes"], 90);
    let audit = data["audit_log"].as_array().expect("entries");
    assert!(!audit.is_empty());
    assert!(audit.iter().all(|e| is_iso(&e["at"])), "{audit:?}");
    assert!(
        audit.iter().any(|e| e["action"] == "allocation.hours"),
        "the hours set for the person: {audit:?}"
    );
    assert!(
        !download.body.contains("_unix"),
        "no unix numbers: {}",
        download.body
    );
    assert_eq!(data["team_meetings"], serde_json::json!([]));
    assert_eq!(data["vision"], serde_json::json!([]));

    // The coordinator prepared a team meeting and recorded an agreement that gave the
    // mentor a task: both are in the coordinator's data, the agreement's words included.
    let meeting = store
        .create_meeting(
            school,
            lyceum.coordinator.id,
            None,
            domain::framework::Date::new(2027, 1, 20),
            &[domain::meeting::Topic {
                source: domain::meeting::Source::Free,
                title: domain::plan::Line::parse("Ouderavond", 300).expect("valid"),
                task: None,
                minutes: 30,
            }],
        )
        .await
        .expect("meeting");
    store
        .add_meeting_agreement(
            school,
            lyceum.coordinator.id,
            meeting,
            &domain::plan::Line::parse("De mentor doet het", 300).expect("valid"),
            Some(&Assignment {
                code: code("BEG.VIS.T2"),
                party: Party::Person(member),
                part: Part::Responsible,
            }),
            year(),
            &tasks(&app),
            Rules::default(),
        )
        .await
        .expect("agreed");
    // The coordinator wrote the vision's introduction and published it.
    store
        .save_vision_section(
            school,
            lyceum.coordinator.id,
            domain::vision::Section::Intro,
            0,
            &domain::vision::SectionText {
                body: domain::vision::Body::parse("Onze visie").expect("valid"),
                links: Vec::new(),
            },
        )
        .await
        .expect("written");
    store
        .publish_vision(
            school,
            lyceum.coordinator.id,
            1,
            "Eerste versie",
            domain::framework::Date::new(2026, 12, 6).expect("date"),
            &Default::default(),
        )
        .await
        .expect("published");
    let cookie = app.session(lyceum.coordinator.id).await;
    let download = app
        .get_with("/nl/account/gegevens.json", &[("cookie", cookie.as_str())])
        .await;
    let data: serde_json::Value = serde_json::from_str(&download.body).expect("JSON");
    let vision = &data["vision"][0];
    assert_eq!(vision["school"], "Stedelijk Lyceum");
    assert_eq!(
        vision["sections_last_changed_by_you"][0]["section"],
        "inleiding"
    );
    assert!(is_iso(&vision["sections_last_changed_by_you"][0]["at"]));
    assert_eq!(vision["goals_last_changed_by_you"], serde_json::json!([]));
    assert_eq!(
        vision["evaluations_last_changed_by_you"],
        serde_json::json!([])
    );
    assert_eq!(
        vision["versions_published_by_you"],
        serde_json::json!([{ "number": 1, "published_on": "2026-12-06" }])
    );
    let meetings = &data["team_meetings"][0];
    assert_eq!(meetings["school"], "Stedelijk Lyceum");
    assert_eq!(meetings["prepared_by_you"][0]["planned_on"], "2027-01-20");
    assert!(is_iso(&meetings["prepared_by_you"][0]["prepared_at"]));
    let agreed = &meetings["agreements_recorded_by_you"][0];
    assert_eq!(agreed["text"], "De mentor doet het");
    assert_eq!(agreed["task"], "BEG.VIS.T2");
    assert_eq!(agreed["responsible"], "Mentor Stedelijk Lyceum");
    assert_eq!(agreed["meeting_planned_on"], "2027-01-20");
    assert!(is_iso(&agreed["at"]));
    app.stop().await;
}
