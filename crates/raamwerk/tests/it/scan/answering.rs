//! Answering a scan: field by field, without script and with it, from two tabs at once,
//! refusing bad or stale input and saving together or not at all; on both backends.

use axum::http::StatusCode;
use domain::members::Refusal;
use domain::scan::{ANSWER_NOTE_MAX, Change, Choice, Note, NoteKey};
use domain::{Area, Kind, Role};
use store::ScanError;

use crate::helpers::scan::{
    AREA, code, first_task, form_of, name, open, period, post_pairs, round_id, with,
};
use crate::helpers::team::{colleagues, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_scan_is_saved_field_by_field_and_read_back_by_its_owner,
    a_member_fills_an_area_without_script,
    two_tabs_never_erase_each_others_fields,
    bad_or_stale_input_saves_nothing_and_says_why,
    the_script_saves_one_field_and_answers_json,
    saves_at_once_are_written_together_and_a_refused_one_spoils_nothing,
    someone_going_away_mid_save_spoils_no_one_elses_save,
);

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
            app.state.edition().id(),
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

async fn a_member_fills_an_area_without_script(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let cookie = app.session(lyceum.member.id).await;
    let area = format!("{round}{AREA}");
    let page = app.get_with(&area, &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    let edition = &app.state.edition();
    let first = edition
        .statements_in(Role::Mentor, Area::Vision, Kind::Task)
        .next()
        .expect("a task");
    let expertise = edition
        .statements_in(Role::Mentor, Area::Vision, Kind::Expertise)
        .next()
        .expect("expertise");
    assert!(page.body.contains(first.text.nl.as_str()));
    // The scale speaks of tasks and of expertise in their own words.
    assert!(page.body.contains("doe ik deels"));
    assert!(page.body.contains("wil ik ontwikkelen"));
    assert!(page.body.contains("Wil ik bespreken"));
    assert!(page.body.contains("Aandachtsveld bij je taken"));
    assert!(page.body.contains("eigen loopbaan"));
    assert!(page.body.contains("/static/scan.js?v="));

    let t = first.code.as_str();
    let d = expertise.code.as_str();
    let form = with(
        form_of(&page.body),
        &[
            (&format!("keuze.{t}"), "deels"),
            (&format!("notitie.{t}"), "samen met <b>de</b> mentoren"),
            (&format!("bespreken.{d}"), "ja"),
            ("focus.BEG.VIS.T", "gesprekken plannen"),
            (
                "reflectie.BEG.VIS.rolmodel",
                "ik vertel over mijn eigen keuzes",
            ),
        ],
    );
    let saved = post_pairs(&app, &area, &form, &cookie).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.header("location"), format!("{area}?klaar=1"));
    let page = app
        .get_with(&format!("{area}?klaar=1"), &[("cookie", &cookie)])
        .await;
    assert!(page.body.contains("Je antwoorden zijn opgeslagen"));
    assert!(
        page.body
            .contains(&format!("name=\"keuze.{t}\" value=\"deels\" checked"))
    );
    assert!(
        page.body
            .contains("samen met &#60;b&#62;de&#60;/b&#62; mentoren"),
        "markup is shown as text"
    );
    assert!(
        page.body
            .contains(&format!("name=\"bespreken.{d}\" value=\"ja\" checked"))
    );
    assert!(page.body.contains(">gesprekken plannen</textarea>"));
    assert!(page.body.contains("1 van "));
    let scan = app
        .state
        .store
        .my_scan(lyceum.school.id, round_id(&round), lyceum.member.id)
        .await
        .expect("scan");
    assert_eq!(scan.content.choice(&first.code), Some(Choice::Partly));
    assert_eq!(scan.content.notes.len(), 2);
    // The person's data download holds the scan.
    let data = app
        .get_with("/nl/account/gegevens.json", &[("cookie", &cookie)])
        .await;
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("JSON");
    let scans = data["scans"].as_array().expect("scans");
    assert_eq!(scans.len(), 1);
    assert_eq!(scans[0]["round"], "najaar 2026");
    assert!(
        scans[0]["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .any(|a| a["statement"] == t && a["choice"] == "deels")
    );
    assert_eq!(scans[0]["notes"]["focus.BEG.VIS.T"], "gesprekken plannen");

    // A role the person does not hold has no page.
    let other = app
        .get_with(
            &format!("{round}/specialist/visie-en-beleid"),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    // The coordinator's own page of the round shows nothing of the member's answers.
    let coordinator = app.session(lyceum.coordinator.id).await;
    let theirs = app
        .get_with(
            &format!("{round}/specialist/visie-en-beleid"),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("&#60;b&#62;de&#60;/b&#62; mentoren"));
    app.stop().await;
}

async fn two_tabs_never_erase_each_others_fields(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let cookie = app.session(lyceum.member.id).await;
    let area = format!("{round}{AREA}");
    let first = first_task(&app);
    // Both tabs load the empty page.
    let tab_a = form_of(&app.get_with(&area, &[("cookie", &cookie)]).await.body);
    let tab_b = tab_a.clone();
    let a = post_pairs(
        &app,
        &area,
        &with(tab_a, &[(&format!("keuze.{first}"), "ja")]),
        &cookie,
    )
    .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER);
    let b = post_pairs(
        &app,
        &area,
        &with(
            tab_b,
            &[
                (&format!("notitie.{first}"), "van tab B"),
                ("focus.BEG.VIS.D", "ook B"),
            ],
        ),
        &cookie,
    )
    .await;
    assert_eq!(b.status, StatusCode::SEE_OTHER);
    let scan = app
        .state
        .store
        .my_scan(lyceum.school.id, round_id(&round), lyceum.member.id)
        .await
        .expect("scan");
    let answer = scan.content.answer(&code(&first)).expect("answer");
    assert_eq!(answer.choice, Some(Choice::Yes), "tab A's choice stays");
    assert_eq!(answer.note.as_ref().map(|n| n.as_str()), Some("van tab B"));
    app.stop().await;
}

async fn bad_or_stale_input_saves_nothing_and_says_why(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let cookie = app.session(lyceum.member.id).await;
    let area = format!("{round}{AREA}");
    let first = first_task(&app);
    let page = form_of(&app.get_with(&area, &[("cookie", &cookie)]).await.body);
    let long = "x".repeat(501);
    let cases = [
        (
            format!("keuze.{first}"),
            "misschien",
            "is geen keuze op de schaal",
        ),
        (
            format!("notitie.{first}"),
            long.as_str(),
            "hoogstens 500 tekens",
        ),
        ("focus.BEG.VIS.T".to_owned(), "bel\u{7}", "stuurtekens"),
        (
            "keuze.BEG.VIS.T99".to_owned(),
            "ja",
            "staat niet in het raamwerk van deze ronde",
        ),
        ("keuze.SPE.VIS.T1".to_owned(), "ja", "rol die je niet hebt"),
    ];
    for (field, value, message) in &cases {
        // A valid change beside the bad one: nothing of the post is stored.
        let form = with(
            page.clone(),
            &[
                (field.as_str(), *value),
                ("focus.BEG.VIS.D", "zou goed zijn"),
            ],
        );
        let answer = post_pairs(&app, &area, &form, &cookie).await;
        assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY, "{message}");
        assert!(answer.body.contains("Er is niets opgeslagen"), "{message}");
        assert!(answer.body.contains(message), "{message}: {}", answer.body);
        assert!(
            answer.body.contains(">zou goed zijn</textarea>"),
            "input kept"
        );
        let scan = app
            .state
            .store
            .my_scan(lyceum.school.id, round_id(&round), lyceum.member.id)
            .await
            .expect("scan");
        assert!(!scan.started, "{message}: nothing stored");
    }
    app.stop().await;
}

async fn the_script_saves_one_field_and_answers_json(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let cookie = app.session(lyceum.member.id).await;
    let save = format!("{round}/opslaan");
    let first = first_task(&app);
    let field = format!("keuze.{first}");
    let ok = app
        .post_form(
            &save,
            &[("field", &field), ("value", "ontwikkelen")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK);
    assert_eq!(ok.header("content-type"), "application/json");
    assert_eq!(ok.body, r#"{"saved":true}"#);
    let read = || async {
        app.state
            .store
            .my_scan(lyceum.school.id, round_id(&round), lyceum.member.id)
            .await
            .expect("scan")
            .content
            .choice(&code(&first))
    };
    assert_eq!(read().await, Some(Choice::Develop));

    for (form, message) in [
        (
            [("field", field.as_str()), ("value", "misschien")],
            "is geen keuze",
        ),
        (
            [("field", "keuze.SPE.VIS.T1"), ("value", "ja")],
            "rol die je niet hebt",
        ),
        (
            [("field", "wachtwoord"), ("value", "x")],
            "hoort niet bij de zelfscan",
        ),
    ] {
        let refused = app.post_form(&save, &form, &[("cookie", &cookie)]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let json: serde_json::Value = serde_json::from_str(&refused.body).expect("JSON");
        assert!(
            json["error"].as_str().expect("error").contains(message),
            "{json}"
        );
    }
    let signed_out = app
        .post_form(&save, &[("field", field.as_str()), ("value", "ja")], &[])
        .await;
    assert_eq!(signed_out.status, StatusCode::UNAUTHORIZED);
    assert!(signed_out.body.contains("uitgelogd"));
    // Someone of another school: not found, and nothing changes.
    let stranger = app.session(college.member.id).await;
    let other = app
        .post_form(
            &save,
            &[("field", field.as_str()), ("value", "ja")],
            &[("cookie", &stranger)],
        )
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert_eq!(read().await, Some(Choice::Develop));
    app.stop().await;
}

async fn saves_at_once_are_written_together_and_a_refused_one_spoils_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let store = app.state.store.clone();
    let first = first_task(&app);
    let mut people = vec![lyceum.admin.id, lyceum.coordinator.id, lyceum.member.id];
    people.extend(colleagues(&app, &lyceum.school, "lyceum.nl", 20).await);
    let round = round_id(&round);
    let mut saves = tokio::task::JoinSet::new();
    for (i, user) in people.iter().copied().enumerate() {
        let store = store.clone();
        let school = lyceum.school.id;
        let change = Change::AnswerNote(
            code(&first),
            Note::parse(&format!("notitie {i}"), ANSWER_NOTE_MAX).expect("valid"),
        );
        saves.spawn(async move { (i, store.save_scan(school, round, user, &[change]).await) });
    }
    // Someone of another school saving into this round at the same moment is refused...
    let stranger = {
        let store = store.clone();
        let school = lyceum.school.id;
        let user = college.member.id;
        let change = Change::Choice(code(&first), Some(Choice::Yes));
        tokio::spawn(async move { store.save_scan(school, round, user, &[change]).await })
    };
    let mut answered = 0;
    while let Some(joined) = saves.join_next().await {
        let (i, outcome) = joined.expect("the save ran");
        outcome.unwrap_or_else(|e| panic!("save {i} failed: {e}"));
        answered += 1;
    }
    assert_eq!(answered, people.len());
    assert!(matches!(
        stranger.await.expect("ran"),
        Err(ScanError::Refused(Refusal::NotAMember))
    ));
    // ...and every other save is there, each in its owner's scan.
    for (i, user) in people.iter().enumerate() {
        let scan = store
            .my_scan(lyceum.school.id, round, *user)
            .await
            .expect("scan");
        let note = scan
            .content
            .answer(&code(&first))
            .and_then(|a| a.note.clone());
        assert_eq!(note.map(|n| n.to_string()), Some(format!("notitie {i}")));
    }
    app.stop().await;
}

/// A request is dropped when its person goes away (a closed tab). Whoever writes a batch may be
/// that person: the batch must still be written and everyone else in it answered.
async fn someone_going_away_mid_save_spoils_no_one_elses_save(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let store = app.state.store.clone();
    let first = first_task(&app);
    let people = colleagues(&app, &lyceum.school, "lyceum.nl", 12).await;
    let round = round_id(&round);
    let school = lyceum.school.id;
    let save = |i: usize, attempt: usize| {
        let (store, user) = (store.clone(), people[i]);
        let change = Change::AnswerNote(
            code(&first),
            Note::parse(&format!("poging {attempt} van {i}"), ANSWER_NOTE_MAX).expect("valid"),
        );
        async move { (i, store.save_scan(school, round, user, &[change]).await) }
    };
    for attempt in 0..5 {
        // The first save is written alone; meanwhile the others queue, and the next in line
        // (who is about to leave) takes them all into its batch.
        let opener = tokio::spawn(save(0, attempt));
        let mut leaving = vec![tokio::spawn(save(1, attempt))];
        let mut staying = tokio::task::JoinSet::new();
        for i in 2..people.len() {
            if i % 3 == 0 {
                leaving.push(tokio::spawn(save(i, attempt)));
            } else {
                staying.spawn(save(i, attempt));
            }
        }
        let (_, opened) = opener.await.expect("the first save ran");
        opened.expect("the first save");
        // The writer of the second batch goes away while it writes.
        for task in &leaving {
            task.abort();
        }
        while let Some(joined) = staying.join_next().await {
            let (i, outcome) = joined.expect("the save ran");
            outcome.unwrap_or_else(|e| panic!("attempt {attempt}: save {i} failed: {e}"));
            let scan = store.my_scan(school, round, people[i]).await.expect("scan");
            let note = scan
                .content
                .answer(&code(&first))
                .and_then(|a| a.note.clone());
            assert_eq!(
                note.map(|n| n.to_string()),
                Some(format!("poging {attempt} van {i}"))
            );
        }
    }
}
