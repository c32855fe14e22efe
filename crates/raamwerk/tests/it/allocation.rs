//! The task allocation in the store, on both backends: agreements follow the rules and a
//! refused one stores nothing; a private scan never feeds the allocation without its owner's
//! choice; settings and hours are kept per school.

use domain::account::UserId;
use domain::allocation::{
    AllocationError, Assignment, Category, Outside, Part, Party, Rules, SchoolYear, Task,
};
use domain::hours::{Formula, Minutes};
use domain::members::MemberAction;
use domain::scan::{Change, Choice};
use domain::{Code, Kind, Role};
use store::{AllocationFailure, AllocationSettings};

use crate::helpers::{Backend, TestApp, on_both_backends};
use crate::members::{colleagues, team};
use crate::scans::{open, round_id};

on_both_backends!(
    agreements_follow_the_rules_and_a_refused_one_stores_nothing,
    a_private_scan_never_feeds_the_allocation_without_its_owners_choice,
    settings_and_hours_are_kept_per_school,
    suggestions_follow_every_save_feed_and_membership_change,
    the_team_agrees_who_does_what_and_sees_what_to_talk_about,
);

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn year() -> SchoolYear {
    SchoolYear::parse("2026-2027").expect("valid")
}

fn tasks(app: &TestApp) -> Vec<Task> {
    app.state
        .edition
        .statements()
        .iter()
        .filter(|s| s.kind == Kind::Task)
        .map(|s| Task {
            code: s.code.clone(),
            role: s.role,
            category: Category::default_for(s.role),
            hours: None,
        })
        .collect()
}

async fn agreements_follow_the_rules_and_a_refused_one_stores_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let (school, coordinator) = (lyceum.school.id, lyceum.coordinator.id);
    let tasks = tasks(&app);
    let rules = Rules::default();
    let agree = |party: Party, part: Part| Assignment {
        code: code("BEG.VIS.T1"),
        party,
        part,
    };
    let member = Party::Person(lyceum.member.id);
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(member.clone(), Part::Responsible),
            &tasks,
            rules,
        )
        .await
        .expect("agreed");
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(Party::Outside(Outside::Parents), Part::Involved),
            &tasks,
            rules,
        )
        .await
        .expect("agreed");
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(Party::Own("Jongerenwerk Noord".into()), Part::CarriesOut),
            &tasks,
            rules,
        )
        .await
        .expect("agreed");
    let refusals = [
        (
            agree(Party::Role(Role::Specialist), Part::Responsible),
            lyceum.coordinator.id,
            "already",
        ),
        (
            agree(member.clone(), Part::Responsible),
            lyceum.coordinator.id,
            "duplicate",
        ),
        (
            Assignment {
                code: code("BEG.VIS.D1"),
                party: member.clone(),
                part: Part::Involved,
            },
            lyceum.coordinator.id,
            "not a task",
        ),
        (
            agree(member.clone(), Part::Involved),
            lyceum.member.id,
            "not allowed",
        ),
    ];
    for (assignment, actor, why) in refusals {
        let refused = store
            .add_assignment(school, actor, year(), &assignment, &tasks, rules)
            .await;
        assert!(refused.is_err(), "{why}");
    }
    let data = store.allocation(school, year()).await.expect("read");
    assert_eq!(data.assignments.len(), 3);
    assert_eq!(data.own_parties, ["Jongerenwerk Noord"]);
    // Another school year is empty; another school sees nothing.
    assert!(
        store
            .allocation(school, year().next())
            .await
            .expect("read")
            .assignments
            .is_empty()
    );
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    assert!(
        store
            .allocation(other.school.id, year())
            .await
            .expect("read")
            .assignments
            .is_empty()
    );
    let cross = store
        .add_assignment(
            other.school.id,
            other.coordinator.id,
            year(),
            &agree(member.clone(), Part::CarriesOut),
            &tasks,
            rules,
        )
        .await;
    assert!(matches!(
        cross,
        Err(AllocationFailure::Refused(AllocationError::NotAMember))
    ));
    // Someone who left cannot be given a task; their agreements go with them when removed.
    store
        .manage_member(
            school,
            lyceum.admin.id,
            lyceum.member.id,
            &MemberAction::Deactivate,
        )
        .await
        .expect("deactivated");
    let gone = store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(member.clone(), Part::CarriesOut),
            &tasks,
            rules,
        )
        .await;
    assert!(matches!(
        gone,
        Err(AllocationFailure::Refused(AllocationError::NotAMember))
    ));
    assert!(
        store
            .remove_assignment(
                school,
                coordinator,
                year(),
                &agree(member.clone(), Part::Responsible)
            )
            .await
            .expect("removed")
    );
    assert!(
        !store
            .remove_assignment(
                school,
                coordinator,
                year(),
                &agree(member, Part::Responsible)
            )
            .await
            .expect("answered")
    );
    assert_eq!(
        store
            .allocation(school, year())
            .await
            .expect("read")
            .assignments
            .len(),
        2
    );
    app.stop().await;
}

async fn a_private_scan_never_feeds_the_allocation_without_its_owners_choice(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
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
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty(),
        "private until chosen"
    );
    assert!(
        !store
            .scan_feeds(school, round, lyceum.member.id)
            .await
            .expect("read")
    );
    // No scan: nothing to let feed.
    assert!(
        !store
            .set_scan_feed(school, round, lyceum.coordinator.id, true)
            .await
            .expect("answered")
    );
    // Another school's id for the round finds nothing.
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    assert!(
        !store
            .set_scan_feed(other.school.id, round, lyceum.member.id, true)
            .await
            .expect("answered")
    );
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty()
    );
    assert!(
        store
            .set_scan_feed(school, round, lyceum.member.id, true)
            .await
            .expect("set")
    );
    let suggestions = store.suggestions(school, round).await.expect("read");
    assert_eq!(suggestions.len(), 1);
    assert_eq!(
        (suggestions[0].person, suggestions[0].choice),
        (lyceum.member.id, Choice::Yes)
    );
    assert!(
        store
            .suggestions(other.school.id, round)
            .await
            .expect("read")
            .is_empty()
    );
    // A later answer is seen (suggestions are kept only until a fed scan changes); an
    // expertise answer is no suggestion.
    store
        .save_scan(
            school,
            round,
            lyceum.member.id,
            &[
                Change::Choice(code("BEG.VIS.T2"), Some(Choice::Partly)),
                Change::Choice(code("BEG.VIS.D1"), Some(Choice::Yes)),
            ],
        )
        .await
        .expect("saved");
    assert_eq!(
        store.suggestions(school, round).await.expect("read").len(),
        2
    );
    // Withdrawn: gone again.
    assert!(
        store
            .set_scan_feed(school, round, lyceum.member.id, false)
            .await
            .expect("set")
    );
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty()
    );
    app.stop().await;
}

/// The round's suggestions as (person, code, choice), in a fixed order, read through `store`.
async fn said(
    store: &store::Store,
    school: domain::school::SchoolId,
    round: uuid::Uuid,
) -> Vec<(UserId, String, Choice)> {
    let mut said: Vec<_> = store
        .suggestions(school, round)
        .await
        .expect("read")
        .iter()
        .map(|s| (s.person, s.code.as_str().to_owned(), s.choice))
        .collect();
    said.sort_by_key(|(person, code, _)| (person.0, code.clone()));
    said
}

/// The suggestions are kept between reads and only changed scans are read again: every kind
/// of change must still show at once, also one made by another process, and what is kept
/// must equal what a fresh read of the database gives.
async fn suggestions_follow_every_save_feed_and_membership_change(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let round = round_id(&round_path);
    let people = colleagues(&app, &lyceum.school, "lyceum.nl", 8).await;
    for (i, user) in people.iter().enumerate() {
        let choice = [Choice::Yes, Choice::Partly, Choice::Develop][i % 3];
        store
            .save_scan(
                school,
                round,
                *user,
                &[Change::Choice(code("BEG.VIS.T1"), Some(choice))],
            )
            .await
            .expect("saved");
        assert!(
            store
                .set_scan_feed(school, round, *user, true)
                .await
                .expect("fed")
        );
    }
    let task = |person: UserId, choice: Choice| (person, "BEG.VIS.T1".to_owned(), choice);
    let mut expected: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(i, p)| task(*p, [Choice::Yes, Choice::Partly, Choice::Develop][i % 3]))
        .collect();
    expected.sort_by_key(|(person, code, _)| (person.0, code.clone()));
    assert_eq!(said(store, school, round).await, expected);
    let set =
        |expected: &mut Vec<(UserId, String, Choice)>, who: UserId, choice: Option<Choice>| {
            expected.retain(|(p, ..)| *p != who);
            if let Some(choice) = choice {
                expected.push(task(who, choice));
            }
            expected.sort_by_key(|(person, code, _)| (person.0, code.clone()));
        };

    // Two saves straight after each other, read after each: both show (a save is told by
    // the scan's revision, not by the clock).
    for choice in [Choice::NotMine, Choice::Yes, Choice::Partly] {
        store
            .save_scan(
                school,
                round,
                people[0],
                &[Change::Choice(code("BEG.VIS.T1"), Some(choice))],
            )
            .await
            .expect("saved");
        set(&mut expected, people[0], Some(choice));
        assert_eq!(
            said(store, school, round).await,
            expected,
            "after {choice:?}"
        );
    }
    // A choice taken back leaves nothing of that scan.
    store
        .save_scan(
            school,
            round,
            people[1],
            &[Change::Choice(code("BEG.VIS.T1"), None)],
        )
        .await
        .expect("saved");
    set(&mut expected, people[1], None);
    assert_eq!(
        said(store, school, round).await,
        expected,
        "choice taken back"
    );
    // A feed taken and given again.
    let back = expected.clone();
    store
        .set_scan_feed(school, round, people[2], false)
        .await
        .expect("set");
    set(&mut expected, people[2], None);
    assert_eq!(said(store, school, round).await, expected, "feed taken");
    store
        .set_scan_feed(school, round, people[2], true)
        .await
        .expect("set");
    assert_eq!(said(store, school, round).await, back, "feed given again");
    expected = back;
    // Someone who leaves takes their answers along; back, they bring them again.
    store
        .manage_member(
            school,
            lyceum.admin.id,
            people[3],
            &MemberAction::Deactivate,
        )
        .await
        .expect("deactivated");
    let before = expected.clone();
    set(&mut expected, people[3], None);
    assert_eq!(said(store, school, round).await, expected, "deactivated");
    store
        .manage_member(
            school,
            lyceum.admin.id,
            people[3],
            &MemberAction::Reactivate,
        )
        .await
        .expect("reactivated");
    expected = before;
    assert_eq!(said(store, school, round).await, expected, "reactivated");
    // A save through another process (another store on the same database) shows too.
    let other = store::Store::connect(app.database_url())
        .await
        .expect("connect");
    other
        .save_scan(
            school,
            round,
            people[4],
            &[
                Change::Choice(code("BEG.VIS.T1"), Some(Choice::NotMine)),
                Change::Choice(code("BEG.VIS.T2"), Some(Choice::Yes)),
            ],
        )
        .await
        .expect("saved");
    set(&mut expected, people[4], Some(Choice::NotMine));
    expected.push((people[4], "BEG.VIS.T2".to_owned(), Choice::Yes));
    expected.sort_by_key(|(person, code, _)| (person.0, code.clone()));
    assert_eq!(
        said(store, school, round).await,
        expected,
        "saved elsewhere"
    );
    // What is kept equals what a fresh read gives.
    assert_eq!(said(&other, school, round).await, expected, "a fresh read");
    app.stop().await;
}

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
    let given = app
        .post_form(
            &hours_page,
            &[
                ("op", "person"),
                ("person", &lyceum.member.id.0.to_string()),
                ("hours", "10"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(given.status, axum::http::StatusCode::SEE_OTHER);
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
    let text = crate::scans::pdf_text(&pdf);
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
