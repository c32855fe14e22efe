//! Settings and LOB hours per school, and the team agreeing who does what with what to talk
//! about; on both backends.

use domain::account::UserId;
use domain::allocation::{AllocationError, Category, Rules};
use domain::hours::{Formula, Minutes};
use domain::scan::{Change, Choice};
use store::{AllocationFailure, AllocationSettings};

use crate::helpers::scan::{open, round_id};
use crate::helpers::tasks::{code, year};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    settings_and_hours_are_kept_per_school,
    the_team_agrees_who_does_what_and_sees_what_to_talk_about,
);

async fn settings_and_hours_are_kept_per_school(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    assert_eq!(
        store.allocation_settings(school).await.expect("read"),
        AllocationSettings::default()
    );
    let settings = AllocationSettings {
        formula: Formula::Nvs {
            minutes_per_student: 55,
        },
        nvs_minutes: 55,
        decanen: Some(3),
        students: None,
        rules: Rules {
            one_responsible: false,
            many_responsibilities: 5,
        },
        ..AllocationSettings::default()
    };
    assert!(matches!(
        store
            .set_allocation_settings(school, lyceum.member.id, &settings)
            .await,
        Err(AllocationFailure::NotAllowed)
    ));
    store
        .set_allocation_settings(school, lyceum.coordinator.id, &settings)
        .await
        .expect("set");
    assert_eq!(
        store.allocation_settings(school).await.expect("read"),
        settings
    );
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    assert_eq!(
        store
            .allocation_settings(other.school.id)
            .await
            .expect("read"),
        AllocationSettings::default()
    );

    let hours = Some(Minutes::hours(120));
    store
        .set_person_hours(
            school,
            lyceum.coordinator.id,
            year(),
            lyceum.member.id,
            hours,
        )
        .await
        .expect("set");
    let stranger: UserId = other.member.id;
    let refused = store
        .set_person_hours(school, lyceum.coordinator.id, year(), stranger, hours)
        .await;
    assert!(matches!(
        refused,
        Err(AllocationFailure::Refused(AllocationError::NotAMember))
    ));
    store
        .set_allocation_task(
            school,
            lyceum.coordinator.id,
            year(),
            &code("BEG.VIS.T1"),
            Category::Management,
            Some(Minutes::hours(12)),
        )
        .await
        .expect("set");
    let data = store.allocation(school, year()).await.expect("read");
    assert_eq!(
        data.hours.get(&lyceum.member.id),
        Some(&Minutes::hours(120))
    );
    assert_eq!(
        data.tasks.get(&code("BEG.VIS.T1")),
        Some(&(Category::Management, Some(Minutes::hours(12))))
    );
    store
        .set_person_hours(
            school,
            lyceum.coordinator.id,
            year(),
            lyceum.member.id,
            None,
        )
        .await
        .expect("cleared");
    assert!(
        store
            .allocation(school, year())
            .await
            .expect("read")
            .hours
            .is_empty()
    );
    app.stop().await;
}

async fn the_team_agrees_who_does_what_and_sees_what_to_talk_about(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let member = app.session(lyceum.member.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let as_member = [("cookie", member.as_str())];
    let round = round_id(&round_path);
    store
        .save_scan(
            school,
            round,
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes))],
        )
        .await
        .expect("saved");
    let year = "?jaar=2026-2027";
    let tasks = format!("/nl/scholen/stedelijk-lyceum/taken{year}");
    let member_name = lyceum.member.name.to_string();

    // Before the member chooses, nothing of their scan shows.
    let page = app.get_with(&tasks, &as_coordinator).await;
    assert_eq!(page.status, axum::http::StatusCode::OK);
    assert!(
        page.body
            .contains("Voor BEG.VIS.T1 is nog niemand verantwoordelijk.")
    );
    assert!(!page.body.contains(&format!("{member_name} (doe ik)")));
    let fed = app
        .post_form(
            &format!("/nl/scholen/stedelijk-lyceum/rondes/{}/wie-doet-wat", round),
            &[("aan", "1")],
            &as_member,
        )
        .await;
    assert_eq!(fed.status, axum::http::StatusCode::SEE_OTHER);
    let page = app.get_with(&tasks, &as_coordinator).await;
    assert!(page.body.contains(&format!("{member_name} (doe ik)")));
    assert!(page.body.contains(&format!(
        "{member_name} zegt BEG.VIS.T1 te doen of te willen oppakken"
    )));

    // The coordinator turns it into agreements; bad input is refused and stores nothing.
    let task = format!("/nl/scholen/stedelijk-lyceum/taken/BEG.VIS.T1{year}");
    let person = format!("person:{}", lyceum.member.id.0);
    for (party, part) in [
        (person.as_str(), "verantwoordelijk"),
        (person.as_str(), "uitvoerend"),
    ] {
        let added = app
            .post_form(
                &task,
                &[("op", "add"), ("party", party), ("part", part)],
                &as_coordinator,
            )
            .await;
        assert_eq!(
            added.status,
            axum::http::StatusCode::SEE_OTHER,
            "{}",
            added.body
        );
    }
    // The page says what happened, and offers no agreement that is already made.
    let after = app
        .get_with(&format!("{task}&klaar=add"), &as_coordinator)
        .await;
    assert!(after.body.contains("De afspraak is gemaakt."));
    assert!(
        after.body.contains("zo is het afgesproken"),
        "{}",
        after.body
    );
    assert!(!after.body.contains(&format!(
        r#"name="op" value="add"><input type="hidden" name="party" value="{person}">"#
    )));
    let second = app
        .post_form(
            &task,
            &[
                ("op", "add"),
                ("party", "role:SPE"),
                ("part", "verantwoordelijk"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(second.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        second
            .body
            .contains("heeft al iemand die verantwoordelijk is")
    );
    let partner = app
        .post_form(
            &task,
            &[
                ("op", "add"),
                ("party", "own:"),
                ("own", "Jongerenwerk Noord"),
                ("part", "betrokken"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(partner.status, axum::http::StatusCode::SEE_OTHER);
    let hours = app
        .post_form(
            &task,
            &[
                ("op", "task"),
                ("category", "management"),
                ("hours", "12,5"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(hours.status, axum::http::StatusCode::SEE_OTHER);
    let bad = app
        .post_form(
            &task,
            &[("op", "task"), ("category", "management"), ("hours", "-3")],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    // Members read the allocation but do not change it.
    assert_eq!(
        app.get_with(&task, &as_member).await.status,
        axum::http::StatusCode::FORBIDDEN
    );
    let mine = app
        .get_with(
            &format!("/nl/scholen/stedelijk-lyceum/taken{year}&weergave=mijn"),
            &as_member,
        )
        .await;
    assert_eq!(mine.status, axum::http::StatusCode::OK);
    assert!(mine.body.contains("BEG.VIS.T1"));
    assert!(mine.body.contains("Jongerenwerk Noord"));
    assert!(mine.body.contains("management"));
    // The language switch keeps the school year and the view, in English words.
    assert!(
        mine.body.contains(
            r#"class="lang-switch" href="/en/schools/stedelijk-lyceum/tasks?year=2026-2027&#38;view=mine""#
        ),
        "{}",
        mine.body
    );

    // The hours: the published example, then a person with more task hours than hours.
    let hours_page = format!("/nl/scholen/stedelijk-lyceum/taken/uren{year}");
    let settings = [
        ("op", "settings"),
        ("formula", "vvsl"),
        ("nvs_minutes", "60"),
        ("own_base", "200"),
        ("own_per_decaan", "80"),
        ("own_per_student", "1,5"),
        ("decanen", "2"),
        ("students", "600"),
        ("one_responsible", "1"),
        ("many", "8"),
    ];
    let saved = app.post_form(&hours_page, &settings, &as_coordinator).await;
    assert_eq!(
        saved.status,
        axum::http::StatusCode::SEE_OTHER,
        "{}",
        saved.body
    );
    let page = app.get_with(&hours_page, &as_member).await;
    assert!(page.body.contains("600 × 1,5 uur"), "{}", page.body);
    assert!(page.body.contains("<strong>1.300</strong>"));
    let mut absurd = settings.to_vec();
    absurd[1] = ("formula", "nvs");
    absurd[2] = ("nvs_minutes", "80");
    let refused = app.post_form(&hours_page, &absurd, &as_coordinator).await;
    assert_eq!(refused.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("50 tot en met 70"));
    // Everyone's hours in one form: a bad amount names nothing stored and marks the field.
    let member_field = format!("h-{}", lyceum.member.id.0);
    let coordinator_field = format!("h-{}", lyceum.coordinator.id.0);
    let bad = app
        .post_form(
            &hours_page,
            &[
                ("op", "people"),
                (member_field.as_str(), "10"),
                (coordinator_field.as_str(), "veel"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Eén veld is geen aantal uren"),
        "{}",
        bad.body
    );
    assert!(
        bad.body.contains("value=\"veel\" aria-invalid=\"true\""),
        "{}",
        bad.body
    );
    assert!(
        app.state
            .store
            .allocation(lyceum.school.id, crate::helpers::tasks::year())
            .await
            .expect("read")
            .hours
            .is_empty(),
        "nothing was stored"
    );
    let given = app
        .post_form(
            &hours_page,
            &[
                ("op", "people"),
                (member_field.as_str(), "10"),
                (coordinator_field.as_str(), ""),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(given.status, axum::http::StatusCode::SEE_OTHER);
    let saved = app
        .get_with(given.header("location"), &as_coordinator)
        .await;
    assert!(saved.body.contains("De uren zijn opgeslagen."));
    let within = app.get_with(&hours_page, &as_member).await;
    assert!(!within.body.contains("meer dan de formule geeft"));
    // More hours given than the formula gives is said plainly.
    let coordinator_id = lyceum.coordinator.id.0.to_string();
    let generous = app
        .post_form(
            &hours_page,
            &[
                ("op", "people"),
                (member_field.as_str(), "10"),
                (format!("h-{coordinator_id}").as_str(), "1340"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(generous.status, axum::http::StatusCode::SEE_OTHER);
    let over = app.get_with(&hours_page, &as_member).await;
    assert!(
        over.body.contains(
            "Aan personen is 1.350 uur toegekend: 50 uur meer dan de formule geeft (1.300 uur)."
        ),
        "{}",
        over.body
    );
    let page = app.get_with(&tasks, &as_member).await;
    assert!(
        page.body.contains(&format!(
            "De taken die {member_name} uitvoert, vragen 12,5 uur; er staan 10 uur voor."
        )),
        "{}",
        page.body
    );

    // The documents: a workbook with the agreement, a PDF with it and the hours.
    let (status, content_type, xlsx) = app
        .get_bytes(
            &format!("/nl/scholen/stedelijk-lyceum/taken/wie-doet-wat.xlsx{year}"),
            &as_member,
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::OK);
    assert!(content_type.starts_with("application/vnd.openxmlformats"));
    {
        use calamine::{DataType, Reader, Xlsx};
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).expect("a workbook");
        let sheet = book.worksheet_range("Taken").expect("the tasks");
        let row = sheet
            .rows()
            .find(|r| r.get(1).and_then(|c| c.get_string()) == Some("BEG.VIS.T1"))
            .expect("the task's row");
        assert_eq!(row[5].to_string(), member_name);
        assert_eq!(row[7].to_string(), "Jongerenwerk Noord");
    }
    let (status, content_type, pdf) = app
        .get_bytes(
            "/en/schools/stedelijk-lyceum/tasks/who-does-what.pdf?year=2026-2027",
            &as_member,
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
    let text = crate::helpers::scan::pdf_text(&pdf);
    assert!(text.contains("Who does what"), "{text}");
    assert!(text.contains("1,300"), "{text}");
    assert!(text.contains("Jongerenwerk Noord"), "{text}");
    let stranger = team(&app, "ROC Rivierenland", "roc.nl").await;
    let cookie = app.session(stranger.coordinator.id).await;
    let (status, _, _) = app
        .get_bytes(
            &format!("/nl/scholen/stedelijk-lyceum/taken/wie-doet-wat.pdf{year}"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(status, axum::http::StatusCode::NOT_FOUND);

    // Withdrawn: the suggestion is gone.
    app.post_form(
        &format!("/nl/scholen/stedelijk-lyceum/rondes/{}/wie-doet-wat", round),
        &[("aan", "0")],
        &as_member,
    )
    .await;
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty()
    );
    app.stop().await;
}
