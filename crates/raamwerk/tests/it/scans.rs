//! Rounds and self-scans in the store, on both backends: who may open and close rounds,
//! field-by-field saving, closed rounds, other schools' rounds, what a coordinator sees, and
//! what removing a member takes with it.

use domain::Role;
use domain::account::Permission;
use domain::members::{MemberAction, Refusal};
use domain::scan::{ANSWER_NOTE_MAX, Change, Choice, Note, NoteKey, Period, RoundName};
use domain::{Area, Code, Kind};
use store::{ManageError, ScanError};

use crate::helpers::{Backend, TestApp, on_both_backends};
use crate::members::{person, team};

on_both_backends!(
    rounds_are_opened_and_closed_by_coordinators_one_at_a_time,
    a_scan_is_saved_field_by_field_and_read_back_by_its_owner,
    a_closed_round_or_another_schools_round_takes_no_answers,
    coordinators_see_who_finished_not_what,
    removing_a_member_erases_their_scans_in_that_school_only,
);

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn name(s: &str) -> RoundName {
    RoundName::parse(s).expect("valid")
}

fn period() -> Period {
    Period::parse("2026-11-25", "2027-01-31").expect("valid")
}

async fn rounds_are_opened_and_closed_by_coordinators_one_at_a_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let edition = app.state.edition.id();
    let school = lyceum.school.id;

    let refused = store
        .open_round(
            school,
            lyceum.member.id,
            &name("najaar 2026"),
            period(),
            edition,
        )
        .await;
    assert!(matches!(
        refused,
        Err(ManageError::Refused(Refusal::NotAllowed))
    ));
    assert!(store.rounds(school).await.expect("rounds").is_empty());

    let autumn = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &name("najaar 2026"),
            period(),
            edition,
        )
        .await
        .expect("opened");
    let again = store
        .open_round(
            school,
            lyceum.admin.id,
            &name("winter 2026"),
            period(),
            edition,
        )
        .await;
    assert!(matches!(
        again,
        Err(ManageError::Refused(Refusal::RoundOpen))
    ));

    assert!(
        !store
            .close_round(school, lyceum.member.id, autumn.id)
            .await
            .is_ok_and(|closed| closed)
    );
    assert!(
        store
            .close_round(school, lyceum.coordinator.id, autumn.id)
            .await
            .expect("closed")
    );
    assert!(
        !store
            .close_round(school, lyceum.coordinator.id, autumn.id)
            .await
            .expect("answered"),
        "closing twice finds nothing to close"
    );
    let spring = store
        .open_round(
            school,
            lyceum.admin.id,
            &name("voorjaar 2027"),
            period(),
            edition,
        )
        .await
        .expect("opened after the first closed");
    let rounds = store.rounds(school).await.expect("rounds");
    let names: Vec<&str> = rounds.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["voorjaar 2027", "najaar 2026"], "newest first");
    assert!(rounds[0].is_open() && !rounds[1].is_open());
    assert_eq!(rounds[1].period, period());
    assert_eq!(
        store.round(school, spring.id).await.expect("round"),
        Some(spring)
    );
    let log: Vec<_> = store
        .audit_log(school)
        .await
        .expect("log")
        .into_iter()
        .map(|e| (e.action.map(|a| a.code()), e.detail))
        .collect();
    assert_eq!(
        log,
        [
            (Some("round.opened"), Some("voorjaar 2027".to_owned())),
            (Some("round.closed"), Some("najaar 2026".to_owned())),
            (Some("round.opened"), Some("najaar 2026".to_owned())),
        ]
    );
    app.stop().await;
}

async fn a_scan_is_saved_field_by_field_and_read_back_by_its_owner(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let round = store
        .open_round(
            school,
            lyceum.admin.id,
            &name("najaar 2026"),
            period(),
            app.state.edition.id(),
        )
        .await
        .expect("opened");
    let me = lyceum.member.id;
    assert!(
        !store
            .my_scan(school, round.id, me)
            .await
            .expect("scan")
            .started
    );

    // Two tabs: one sets the choice, the other the note of the same statement.
    let t1 = code("BEG.VIS.T1");
    store
        .save_scan(
            school,
            round.id,
            me,
            &[Change::Choice(t1.clone(), Some(Choice::Partly))],
        )
        .await
        .expect("saved");
    let note = Note::parse("met de mentoren samen", ANSWER_NOTE_MAX).expect("valid");
    store
        .save_scan(
            school,
            round.id,
            me,
            &[
                Change::AnswerNote(t1.clone(), note.clone()),
                Change::Discuss(code("BEG.VIS.D1"), true),
                Change::AreaNote(
                    NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Task),
                    Note::parse("gesprekken plannen", 2000).expect("valid"),
                ),
            ],
        )
        .await
        .expect("saved");
    let scan = store.my_scan(school, round.id, me).await.expect("scan");
    assert!(scan.started);
    let answer = scan.content.answer(&t1).expect("answer");
    assert_eq!(
        answer.choice,
        Some(Choice::Partly),
        "the other tab's choice stays"
    );
    assert_eq!(answer.note, note);
    assert!(
        scan.content
            .answer(&code("BEG.VIS.D1"))
            .expect("flag")
            .discuss
    );
    assert_eq!(scan.content.notes.len(), 1);

    // Emptying every field of an answer removes it; the same through one change list.
    store
        .save_scan(
            school,
            round.id,
            me,
            &[
                Change::Choice(t1.clone(), None),
                Change::AnswerNote(t1.clone(), None),
                Change::AreaNote(NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Task), None),
            ],
        )
        .await
        .expect("saved");
    let scan = store.my_scan(school, round.id, me).await.expect("scan");
    assert!(scan.content.answer(&t1).is_none());
    assert!(scan.content.notes.is_empty());

    // Someone else's scan in the same round is their own.
    let other = store
        .my_scan(school, round.id, lyceum.coordinator.id)
        .await
        .expect("scan");
    assert!(!other.started && other.content.answers.is_empty());
    app.stop().await;
}

async fn a_closed_round_or_another_schools_round_takes_no_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = &app.state.store;
    let edition = app.state.edition.id();
    let theirs = store
        .open_round(
            college.school.id,
            college.admin.id,
            &name("najaar"),
            period(),
            edition,
        )
        .await
        .expect("opened");
    let change = [Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes))];

    // A round of another school, addressed through one's own school: not found.
    let wrong = store
        .save_scan(lyceum.school.id, theirs.id, lyceum.member.id, &change)
        .await;
    assert!(matches!(wrong, Err(ScanError::NoRound)));
    assert_eq!(
        store
            .round(lyceum.school.id, theirs.id)
            .await
            .expect("lookup"),
        None
    );
    // Through their school, by someone who is not a member: refused.
    let stranger = store
        .save_scan(college.school.id, theirs.id, lyceum.member.id, &change)
        .await;
    assert!(matches!(
        stranger,
        Err(ScanError::Refused(Refusal::NotAMember))
    ));

    let ours = store
        .open_round(
            lyceum.school.id,
            lyceum.admin.id,
            &name("najaar"),
            period(),
            edition,
        )
        .await
        .expect("opened");
    store
        .save_scan(lyceum.school.id, ours.id, lyceum.member.id, &change)
        .await
        .expect("saved while open");
    store
        .close_round(lyceum.school.id, lyceum.admin.id, ours.id)
        .await
        .expect("closed");
    let late = store
        .save_scan(
            lyceum.school.id,
            ours.id,
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Some(Choice::Develop))],
        )
        .await;
    assert!(matches!(
        late,
        Err(ScanError::Refused(Refusal::RoundClosed))
    ));
    let scan = store
        .my_scan(lyceum.school.id, ours.id, lyceum.member.id)
        .await
        .expect("still readable");
    assert_eq!(scan.content.choice(&code("BEG.VIS.T1")), Some(Choice::Yes));
    for store_view in [
        store
            .my_scan(college.school.id, theirs.id, lyceum.member.id)
            .await,
        store
            .my_scan(lyceum.school.id, theirs.id, college.member.id)
            .await,
    ] {
        assert!(!store_view.expect("empty").started);
    }
    app.stop().await;
}

async fn coordinators_see_who_finished_not_what(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let round = store
        .open_round(
            school,
            lyceum.admin.id,
            &name("najaar"),
            period(),
            app.state.edition.id(),
        )
        .await
        .expect("opened");
    store
        .save_scan(
            school,
            round.id,
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes))],
        )
        .await
        .expect("saved");
    store
        .finish_scan(school, round.id, lyceum.coordinator.id, true)
        .await
        .expect("finished");
    let statuses = store
        .scan_statuses(school, round.id)
        .await
        .expect("statuses");
    let by_name: Vec<(&str, bool, bool)> = statuses
        .iter()
        .map(|s| (s.name.as_str(), s.started, s.finished))
        .collect();
    assert_eq!(
        by_name,
        [
            ("Beheerder Stedelijk Lyceum", false, false),
            ("Decaan Stedelijk Lyceum", true, true),
            ("Mentor Stedelijk Lyceum", true, false),
        ]
    );
    store
        .finish_scan(school, round.id, lyceum.coordinator.id, false)
        .await
        .expect("reopened");
    let marks = store
        .my_scan_marks(school, lyceum.coordinator.id)
        .await
        .expect("marks");
    assert_eq!(marks.len(), 1);
    assert!(!marks[0].finished);
    app.stop().await;
}

async fn removing_a_member_erases_their_scans_in_that_school_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = &app.state.store;
    let edition = app.state.edition.id();
    // The lyceum's mentor also works at the college.
    person(
        &app,
        &college.school,
        "mentor@lyceum.nl",
        "-",
        Permission::Member,
        &[Role::Mentor],
    )
    .await;
    let change = [Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes))];
    let mut rounds = Vec::new();
    for (team, admin) in [(&lyceum, lyceum.admin.id), (&college, college.admin.id)] {
        let round = store
            .open_round(team.school.id, admin, &name("najaar"), period(), edition)
            .await
            .expect("opened");
        store
            .save_scan(team.school.id, round.id, lyceum.member.id, &change)
            .await
            .expect("saved");
        rounds.push(round.id);
    }
    store
        .manage_member(
            lyceum.school.id,
            lyceum.admin.id,
            lyceum.member.id,
            &MemberAction::Remove,
        )
        .await
        .expect("removed");
    assert!(
        !store
            .my_scan(lyceum.school.id, rounds[0], lyceum.member.id)
            .await
            .expect("scan")
            .started
    );
    assert!(
        store
            .my_scan(college.school.id, rounds[1], lyceum.member.id)
            .await
            .expect("scan")
            .started,
        "the other school's scan stays"
    );
    app.stop().await;
}
