//! The scan says where it stands: a round that starts later takes no answers yet, finishing
//! a scan without a single answer asks first, and answers carried over from the previous
//! round read "overgenomen, nog niet bevestigd" on every page; on both backends.

use axum::http::StatusCode;
use domain::members::Refusal;
use domain::scan::{Change, Choice, Period};
use store::ScanError;

use crate::helpers::scan::{AREA, code, name, open, round_id};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_round_that_starts_later_takes_no_answers_yet,
    finishing_without_answers_asks_first,
    carried_answers_read_the_same_everywhere,
);

async fn a_round_that_starts_later_takes_no_answers_yet(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let round = store
        .open_round(
            lyceum.school.id,
            lyceum.coordinator.id,
            &name("voorjaar 2099"),
            Period::parse("2099-03-01", "2099-04-30").expect("valid"),
            app.state.edition().id(),
        )
        .await
        .expect("opened");
    let path = format!("/nl/scholen/stedelijk-lyceum/rondes/{}", round.id);
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // The round page and the area say from when, and offer no answering or finishing.
    let page = app.get_with(&path, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Deze ronde begint op 1-3-2099. Tot dan kun je de uitspraken lezen"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Mijn scan is klaar"));
    let area = app.get_with(&format!("{path}{AREA}"), &as_member).await;
    assert!(area.body.contains("Deze ronde begint op 1-3-2099"));
    assert!(
        area.body.contains(" disabled"),
        "the choices cannot be ticked"
    );
    assert!(!area.body.contains(">Opslaan</button>"));

    // Neither the store, the script's save nor the form takes an answer.
    let first = code("BEG.VIS.T1");
    let refused = store
        .save_scan(
            lyceum.school.id,
            round.id,
            lyceum.member.id,
            &[Change::Choice(first.clone(), Choice::parse("ja").ok())],
        )
        .await;
    assert!(
        matches!(refused, Err(ScanError::Refused(Refusal::RoundNotStarted))),
        "{refused:?}"
    );
    let saved = app
        .post_form(
            &format!("{path}/opslaan"),
            &[("field", "keuze.BEG.VIS.T1"), ("value", "ja")],
            &[("cookie", member.as_str()), ("accept", "application/json")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::CONFLICT);
    assert!(saved.body.contains("nog niet begonnen"), "{}", saved.body);
    let finished = app
        .post_form(
            &format!("{path}/klaar"),
            &[("klaar", "1"), ("bevestig", "1")],
            &as_member,
        )
        .await;
    assert_eq!(finished.status, StatusCode::CONFLICT);
    let mine = store
        .my_scan(lyceum.school.id, round.id, lyceum.member.id)
        .await
        .expect("read");
    assert!(!mine.started && mine.content.answers.is_empty() && mine.finished_at.is_none());
    app.stop().await;
}

async fn finishing_without_answers_asks_first(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];
    let finished = |app: &TestApp| {
        let store = app.state.store.clone();
        let (school, user, id) = (lyceum.school.id, lyceum.member.id, round_id(&round));
        async move {
            store
                .my_scan(school, id, user)
                .await
                .expect("read")
                .finished_at
                .is_some()
        }
    };

    let page = app.get_with(&round, &as_member).await;
    assert!(page.body.contains(
        "Ja, ik heb nog geen enkele uitspraak beantwoord en meld mijn scan toch als klaar."
    ));
    assert!(page.body.contains(r#"name="bevestig" value="1" required"#));
    let unticked = app
        .post_form(&format!("{round}/klaar"), &[("klaar", "1")], &as_member)
        .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        unticked
            .body
            .contains("Je scan is niet als klaar gemeld: je hebt nog niets beantwoord.")
    );
    assert!(!finished(&app).await);
    let ticked = app
        .post_form(
            &format!("{round}/klaar"),
            &[("klaar", "1"), ("bevestig", "1")],
            &as_member,
        )
        .await;
    assert_eq!(ticked.status, StatusCode::SEE_OTHER);
    assert!(finished(&app).await);

    // With an answer, finishing needs no extra tick.
    app.post_form(&format!("{round}/klaar"), &[("klaar", "0")], &as_member)
        .await;
    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Choice::parse("ja").ok())],
        )
        .await
        .expect("saved");
    let page = app.get_with(&round, &as_member).await;
    assert!(!page.body.contains("name=\"bevestig\""));
    let plain = app
        .post_form(&format!("{round}/klaar"), &[("klaar", "1")], &as_member)
        .await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    assert!(finished(&app).await);
    app.stop().await;
}

async fn carried_answers_read_the_same_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, first) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    store
        .save_scan(
            school,
            round_id(&first),
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Choice::parse("ja").ok())],
        )
        .await
        .expect("saved");
    store
        .close_round(school, lyceum.coordinator.id, round_id(&first))
        .await
        .expect("closed");
    let second = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &name("voorjaar 2027"),
            Period::parse("2026-11-25", "").expect("valid"),
            app.state.edition().id(),
        )
        .await
        .expect("opened");
    let second_path = format!("/nl/scholen/stedelijk-lyceum/rondes/{}", second.id);
    let mine = store
        .my_scan(school, second.id, lyceum.member.id)
        .await
        .expect("read");
    assert!(mine.carried && !mine.started);
    let marks = store
        .my_scan_marks(school, lyceum.member.id)
        .await
        .expect("marks");
    assert!(marks.iter().any(|m| m.round == second.id && m.carried));

    let member = app.session(lyceum.member.id).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let list = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/rondes",
            &[("cookie", &member)],
        )
        .await;
    assert!(
        list.body
            .contains("<td>overgenomen, nog niet bevestigd</td>"),
        "{}",
        list.body
    );
    let page = app.get_with(&second_path, &[("cookie", &member)]).await;
    assert!(
        page.body
            .contains("Je antwoorden uit de vorige ronde zijn overgenomen")
    );
    let start = app
        .get_with("/nl/scholen/stedelijk-lyceum", &[("cookie", &member)])
        .await;
    assert!(
        start
            .body
            .contains("De ronde voorjaar 2027 loopt. Jouw scan: overgenomen, nog niet bevestigd.")
    );
    let team_view = app
        .get_with(&second_path, &[("cookie", &coordinator)])
        .await;
    assert!(
        team_view
            .body
            .contains("<td>Mentor Stedelijk Lyceum</td><td>overgenomen, nog niet bevestigd</td>")
    );

    // Finishing confirms them.
    app.post_form(
        &format!("{second_path}/klaar"),
        &[("klaar", "1")],
        &[("cookie", &member)],
    )
    .await;
    let list = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/rondes",
            &[("cookie", &member)],
        )
        .await;
    assert!(!list.body.contains("overgenomen, nog niet bevestigd"));
    assert!(list.body.contains("<td>klaar</td>"));
    app.stop().await;
}
