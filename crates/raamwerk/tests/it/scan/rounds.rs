//! Rounds of self-scans: opened and closed by coordinators one at a time, read-only once
//! closed, progress without content, and a removed member's scans erased; on both backends.

use axum::http::StatusCode;
use domain::Role;
use domain::account::Permission;
use domain::members::{MemberAction, Refusal};
use domain::scan::{Change, Choice};
use store::{ManageError, ScanError};

use crate::helpers::scan::{AREA, code, form_of, name, open, period, post_pairs, round_id, with};
use crate::helpers::team::{person, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    rounds_are_opened_and_closed_by_coordinators_one_at_a_time,
    a_closed_round_or_another_schools_round_takes_no_answers,
    coordinators_see_who_finished_not_what,
    removing_a_member_erases_their_scans_in_that_school_only,
    a_coordinator_opens_a_round_through_its_form,
    a_closed_round_is_read_only,
    the_round_page_shows_progress_and_to_coordinators_who_finished,
);

async fn rounds_are_opened_and_closed_by_coordinators_one_at_a_time(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let edition = app.state.edition().id();
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

async fn a_closed_round_or_another_schools_round_takes_no_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = &app.state.store;
    let edition = app.state.edition().id();
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
            app.state.edition().id(),
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
    let edition = app.state.edition().id();
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

async fn a_coordinator_opens_a_round_through_its_form(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let member = app.session(lyceum.member.id).await;
    let rounds = "/nl/scholen/stedelijk-lyceum/rondes";

    let empty = app.get_with(rounds, &[("cookie", &member)]).await;
    assert_eq!(empty.status, StatusCode::OK);
    assert!(empty.body.contains("Er is nog geen ronde"));
    assert!(
        !empty.body.contains("Ronde openen"),
        "members do not open rounds"
    );
    let refused = app
        .post_form(
            rounds,
            &[("name", "x"), ("starts", "2026-11-25")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let bad = app
        .post_form(
            rounds,
            &[
                ("name", " "),
                ("starts", "2026-11-25"),
                ("ends", "1-1-2026"),
            ],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Geef de ronde een naam"));
    assert!(bad.body.contains("De einddatum ligt vóór de begindatum"));
    assert!(bad.body.contains("value=\"1-1-2026\""), "input kept");
    assert!(
        app.state
            .store
            .rounds(lyceum.school.id)
            .await
            .expect("rounds")
            .is_empty()
    );

    let opened = app
        .post_form(
            rounds,
            &[
                ("name", "najaar 2026"),
                ("starts", "2026-11-25"),
                ("ends", ""),
            ],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER, "{}", opened.body);
    assert!(opened.header("location").starts_with(&format!("{rounds}/")));
    let list = app.get_with(rounds, &[("cookie", &member)]).await;
    assert!(list.body.contains("najaar 2026"));
    assert!(list.body.contains("vanaf 25-11-2026"));
    assert!(list.body.contains("nog niet begonnen"));
    let again = app
        .post_form(
            rounds,
            &[("name", "winter"), ("starts", "2026-12-01")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(again.body.contains("Er loopt al een ronde"));
    app.stop().await;
}

async fn a_closed_round_is_read_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let cookie = app.session(lyceum.member.id).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let area = format!("{round}{AREA}");
    let form = form_of(&app.get_with(&area, &[("cookie", &cookie)]).await.body);
    let closed = app
        .post_form(
            &format!("{round}/sluiten"),
            &[("bevestig", "1")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let page = app.get_with(&area, &[("cookie", &cookie)]).await;
    assert!(page.body.contains("Deze ronde is gesloten"));
    assert!(!page.body.contains("Opslaan</button>"), "no save button");
    assert!(!page.body.contains("scan.js"), "no script");
    assert!(page.body.contains(" disabled"));
    let late = post_pairs(
        &app,
        &area,
        &with(form, &[("focus.BEG.VIS.T", "te laat")]),
        &cookie,
    )
    .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("niet meer te wijzigen"));
    let json = app
        .post_form(
            &format!("{round}/opslaan"),
            &[("field", "focus.BEG.VIS.T"), ("value", "x")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(json.status, StatusCode::CONFLICT);
    let scan = app
        .state
        .store
        .my_scan(lyceum.school.id, round_id(&round), lyceum.member.id)
        .await
        .expect("scan");
    assert!(!scan.started);
    app.stop().await;
}

async fn the_round_page_shows_progress_and_to_coordinators_who_finished(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let member = app.session(lyceum.member.id).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let page = app.get_with(&round, &[("cookie", &member)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("href=\"{round}{AREA}\"")));
    assert!(page.body.contains("0 van "));
    assert!(
        !page.body.contains("Wie is klaar"),
        "members do not see the team's status"
    );
    let done = app
        .post_form(
            &format!("{round}/klaar"),
            &[("klaar", "1"), ("bevestig", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let page = app.get_with(&round, &[("cookie", &member)]).await;
    assert!(page.body.contains("Je hebt je scan klaar gemeld"));
    let team_view = app.get_with(&round, &[("cookie", &coordinator)]).await;
    assert!(team_view.body.contains("Wie is klaar"));
    assert!(team_view.body.contains("1 van 3 klaar"));
    assert!(
        team_view
            .body
            .contains("<td>Mentor Stedelijk Lyceum</td><td>klaar</td>")
    );
    app.stop().await;
}
