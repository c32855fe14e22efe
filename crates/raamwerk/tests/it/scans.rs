//! Rounds and self-scans in the store, on both backends: who may open and close rounds,
//! field-by-field saving, closed rounds, other schools' rounds, what a coordinator sees, and
//! what removing a member takes with it.

use axum::http::StatusCode;
use domain::Role;
use domain::account::Permission;
use domain::members::{MemberAction, Refusal};
use domain::scan::{ANSWER_NOTE_MAX, Change, Choice, Note, NoteKey, Period, RoundName};
use domain::{Area, Code, Kind};
use store::{ManageError, ScanError};

use crate::helpers::{Backend, TestApp, on_both_backends};
use crate::members::{colleagues, person, team};

on_both_backends!(
    rounds_are_opened_and_closed_by_coordinators_one_at_a_time,
    a_scan_is_saved_field_by_field_and_read_back_by_its_owner,
    a_closed_round_or_another_schools_round_takes_no_answers,
    coordinators_see_who_finished_not_what,
    removing_a_member_erases_their_scans_in_that_school_only,
    a_coordinator_opens_a_round_through_its_form,
    a_member_fills_an_area_without_script,
    two_tabs_never_erase_each_others_fields,
    bad_or_stale_input_saves_nothing_and_says_why,
    the_script_saves_one_field_and_answers_json,
    a_closed_round_is_read_only,
    the_round_page_shows_progress_and_to_coordinators_who_finished,
    the_overview_shows_where_one_stands_and_what_changed,
    a_scan_is_shared_on_purpose_and_withdrawn,
    the_overview_downloads_as_pdf_and_docx_to_its_owner_only,
    the_quick_scan_keeps_nothing_and_gives_an_overview_and_documents,
    a_school_gives_the_steps_its_own_words,
    saves_at_once_are_written_together_and_a_refused_one_spoils_nothing,
    someone_going_away_mid_save_spoils_no_one_elses_save,
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

const AREA: &str = "/begeleider/visie-en-beleid";

/// The Stedelijk Lyceum, whose coordinator opened a round on the national edition; the
/// round's page path.
pub async fn open(app: &TestApp) -> (crate::members::Team, String) {
    let lyceum = team(app, "Stedelijk Lyceum", "lyceum.nl").await;
    let round = app
        .state
        .store
        .open_round(
            lyceum.school.id,
            lyceum.coordinator.id,
            &name("najaar 2026"),
            period(),
            app.state.edition.id(),
        )
        .await
        .expect("opened");
    (
        lyceum,
        format!("/nl/scholen/stedelijk-lyceum/rondes/{}", round.id),
    )
}

pub fn round_id(round_path: &str) -> uuid::Uuid {
    uuid::Uuid::parse_str(round_path.rsplit('/').next().expect("id")).expect("uuid")
}

/// The fields a page's form posts back as a browser without script would: hidden original
/// values, radio buttons and boxes as checked, text areas with their text.
fn form_of(body: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for piece in body.split('<').skip(1) {
        let attr = |name: &str| {
            let marker = format!(" {name}=\"");
            piece.find(&marker).map(|i| {
                let rest = &piece[i + marker.len()..];
                rest[..rest.find('"').unwrap_or(0)].to_owned()
            })
        };
        if piece.starts_with("input") {
            let Some(field) = attr("name") else {
                continue;
            };
            let kind = attr("type").unwrap_or_default();
            if (kind == "radio" || kind == "checkbox") && !piece.contains(" checked") {
                continue;
            }
            pairs.push((field, unescape(&attr("value").unwrap_or_default())));
        } else if piece.starts_with("textarea")
            && let (Some(field), Some(end)) = (attr("name"), piece.find('>'))
        {
            pairs.push((field, unescape(&piece[end + 1..])));
        }
    }
    pairs
}

fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
}

/// A form with some fields set to new values (an empty value: the field is not sent).
fn with(mut form: Vec<(String, String)>, set: &[(&str, &str)]) -> Vec<(String, String)> {
    for (field, value) in set {
        form.retain(|(f, _)| f != field);
        if !value.is_empty() {
            form.push(((*field).to_owned(), (*value).to_owned()));
        }
    }
    form
}

async fn post_pairs(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
    cookie: &str,
) -> crate::helpers::Page {
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    app.post_form(path, &borrowed, &[("cookie", cookie)]).await
}

/// The first task statement of the mentor in vision and policy.
fn first_task(app: &TestApp) -> String {
    app.state
        .edition
        .statements_in(Role::Mentor, Area::Vision, Kind::Task)
        .next()
        .expect("a task")
        .code
        .to_string()
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

async fn a_member_fills_an_area_without_script(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let cookie = app.session(lyceum.member.id).await;
    let area = format!("{round}{AREA}");
    let page = app.get_with(&area, &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    let edition = &app.state.edition;
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
            &[],
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
            &[("klaar", "1")],
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

async fn the_overview_shows_where_one_stands_and_what_changed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, autumn) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let me = lyceum.member.id;
    let first = first_task(&app);
    store
        .save_scan(
            school,
            round_id(&autumn),
            me,
            &[Change::Choice(code(&first), Some(Choice::Develop))],
        )
        .await
        .expect("saved");
    store
        .close_round(school, lyceum.coordinator.id, round_id(&autumn))
        .await
        .expect("closed");
    let spring = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &name("voorjaar 2027"),
            period(),
            app.state.edition.id(),
        )
        .await
        .expect("opened");
    store
        .save_scan(
            school,
            spring.id,
            me,
            &[
                Change::Choice(code(&first), Some(Choice::Yes)),
                Change::AnswerNote(
                    code(&first),
                    Note::parse("elke week een gesprek", ANSWER_NOTE_MAX).expect("valid"),
                ),
                Change::Discuss(code(&first), true),
                Change::AreaNote(
                    NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Expertise),
                    Note::parse("meer weten over vervolgopleidingen", 2000).expect("valid"),
                ),
            ],
        )
        .await
        .expect("saved");
    let cookie = app.session(me).await;
    let path = format!(
        "/nl/scholen/stedelijk-lyceum/rondes/{}/overzicht",
        spring.id
    );
    let page = app.get_with(&path, &[("cookie", &cookie)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    let body = &page.body;
    assert!(body.contains("Overzicht: voorjaar 2027"));
    // A chart per area, described in words, with the same numbers in a table.
    assert!(body.contains("role=\"img\""));
    assert!(body.contains("<title id=\"beg-vis-title\">"));
    assert!(body.contains("Wat je doet: 1 doe ik"), "{body}");
    assert!(body.contains("class=\"c-ja\""));
    assert!(body.contains("elke week een gesprek"));
    assert!(body.contains("meer weten over vervolgopleidingen"));
    let strengths = body
        .split("Wat je al doet en beheerst")
        .nth(1)
        .expect("strengths");
    assert!(strengths.contains(&first), "listed among the strengths");
    assert!(body.contains("Wat je wilt bespreken"));
    // Compared with the autumn round.
    assert!(body.contains("Anders dan in najaar 2026"));
    assert!(
        body.contains("<td>wil ik oppakken</td><td>doe ik</td>"),
        "{body}"
    );

    // The first round has nothing to compare with; a colleague's overview is their own.
    let autumn_page = app
        .get_with(&format!("{autumn}/overzicht"), &[("cookie", &cookie)])
        .await;
    assert!(autumn_page.body.contains("Dit is je eerste ronde"));
    let colleague = app.session(lyceum.coordinator.id).await;
    let theirs = app.get_with(&path, &[("cookie", &colleague)]).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(!theirs.body.contains("elke week een gesprek"));
    assert!(
        theirs
            .body
            .contains("Je hebt in deze ronde nog niets ingevuld")
    );
    app.stop().await;
}

async fn a_scan_is_shared_on_purpose_and_withdrawn(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let member = app.session(lyceum.member.id).await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let admin = app.session(lyceum.admin.id).await;
    let share = format!("{round}/delen");
    let shared = format!("{round}/gedeeld/{}", lyceum.member.id);

    // Nothing to share before anything is filled in.
    let early = app
        .post_form(
            &share,
            &[("wie", "team"), ("aan", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.body.contains("nog niets om te delen"));

    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[Change::AnswerNote(
                code(&first_task(&app)),
                Note::parse("mijn eigen gedachte", ANSWER_NOTE_MAX).expect("valid"),
            )],
        )
        .await
        .expect("saved");
    // Private: no one else reads it, not even the coordinator.
    for cookie in [&coordinator, &admin] {
        let refused = app.get_with(&shared, &[("cookie", cookie)]).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND);
        assert!(!refused.body.contains("mijn eigen gedachte"));
    }

    // Shared with the coordinator by name: the coordinator reads it, the administrator not.
    let to_coordinator = lyceum.coordinator.id.to_string();
    let done = app
        .post_form(
            &share,
            &[("wie", to_coordinator.as_str()), ("aan", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let own = app.get_with(&round, &[("cookie", &member)]).await;
    assert!(own.body.contains("Gedeeld met Decaan Stedelijk Lyceum"));
    let listed = app.get_with(&round, &[("cookie", &coordinator)]).await;
    assert!(listed.body.contains(&format!("href=\"{shared}\"")));
    let read = app.get_with(&shared, &[("cookie", &coordinator)]).await;
    assert_eq!(read.status, StatusCode::OK);
    assert!(read.body.contains("mijn eigen gedachte"));
    assert!(read.body.contains("heeft deze scan met je gedeeld"));
    assert!(
        !read.body.contains("Wat er veranderde"),
        "earlier rounds stay private"
    );
    let third = app.get_with(&shared, &[("cookie", &admin)]).await;
    assert_eq!(third.status, StatusCode::NOT_FOUND);
    assert!(
        !app.get_with(&round, &[("cookie", &admin)])
            .await
            .body
            .contains(&shared)
    );

    // With the whole team, then withdrawn again.
    app.post_form(
        &share,
        &[("wie", "team"), ("aan", "1")],
        &[("cookie", &member)],
    )
    .await;
    assert_eq!(
        app.get_with(&shared, &[("cookie", &admin)]).await.status,
        StatusCode::OK
    );
    app.post_form(
        &share,
        &[("wie", "team"), ("aan", "0")],
        &[("cookie", &member)],
    )
    .await;
    app.post_form(
        &share,
        &[("wie", to_coordinator.as_str()), ("aan", "0")],
        &[("cookie", &member)],
    )
    .await;
    for cookie in [&coordinator, &admin] {
        assert_eq!(
            app.get_with(&shared, &[("cookie", cookie)]).await.status,
            StatusCode::NOT_FOUND
        );
    }

    // Not with someone of another school; the other school's people never read it.
    let outsider = college.admin.id.to_string();
    let refused = app
        .post_form(
            &share,
            &[("wie", outsider.as_str()), ("aan", "1")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("geen actieve collega"));
    app.post_form(
        &share,
        &[("wie", "team"), ("aan", "1")],
        &[("cookie", &member)],
    )
    .await;
    let stranger = app.session(college.admin.id).await;
    let other = app.get_with(&shared, &[("cookie", &stranger)]).await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
    assert!(!other.body.contains("mijn eigen gedachte"));
    app.stop().await;
}

/// The text of a PDF, as `pdftotext` reads it (Debian's poppler-utils; scripts/test
/// installs it).
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext runs (scripts/test installs poppler-utils)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pdf)
        .expect("write the PDF");
    let out = child.wait_with_output().expect("pdftotext ends");
    assert!(out.status.success(), "pdftotext reads the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn the_overview_downloads_as_pdf_and_docx_to_its_owner_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let first = first_task(&app);
    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[
                Change::Choice(code(&first), Some(Choice::Partly)),
                Change::AnswerNote(
                    code(&first),
                    Note::parse("met ouders #erbij *vet* $x$", ANSWER_NOTE_MAX).expect("valid"),
                ),
                Change::AreaNote(
                    NoteKey::Reflection(
                        Role::Mentor,
                        Area::Vision,
                        domain::scan::Prompt::RoleModel,
                    ),
                    Note::parse("ik vertel over mijn omwegen", 2000).expect("valid"),
                ),
            ],
        )
        .await
        .expect("saved");
    let cookie = app.session(lyceum.member.id).await;
    let statement = app
        .state
        .edition
        .statement(&first)
        .expect("statement")
        .text
        .nl
        .clone();

    let overview = app
        .get_with(&format!("{round}/overzicht"), &[("cookie", &cookie)])
        .await;
    assert!(
        overview
            .body
            .contains(&format!("href=\"{round}/overzicht.pdf\""))
    );
    assert!(
        overview
            .body
            .contains(&format!("href=\"{round}/overzicht.docx\""))
    );

    let pdf = app
        .get_bytes(&format!("{round}/overzicht.pdf"), &[("cookie", &cookie)])
        .await;
    assert_eq!(pdf.0, StatusCode::OK);
    assert_eq!(pdf.1, "application/pdf");
    let text = pdf_text(&pdf.2);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Overzicht: najaar 2026",
        "Stedelijk Lyceum",
        "doe ik deels",
        "met ouders #erbij *vet* $x$",
        "ik vertel over mijn omwegen",
        "Gemaakt op",
    ] {
        assert!(flat.contains(expected), "{expected:?} in the PDF: {flat}");
    }
    let first_words: String = statement
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(flat.contains(&first_words), "{first_words:?} in the PDF");

    let docx = app
        .get_bytes(&format!("{round}/overzicht.docx"), &[("cookie", &cookie)])
        .await;
    assert_eq!(docx.0, StatusCode::OK);
    assert_eq!(
        docx.1,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    );
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    for expected in [
        "Overzicht: najaar 2026",
        statement.as_str(),
        "doe ik deels",
        "met ouders #erbij *vet* $x$",
        "ik vertel over mijn omwegen",
    ] {
        assert!(text.contains(expected), "{expected:?} in the DOCX: {text}");
    }
    // English, too.
    let english = app
        .get_bytes(
            &format!(
                "{}/overview.pdf",
                round
                    .replace("/nl/scholen/", "/en/schools/")
                    .replace("/rondes/", "/rounds/")
            ),
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(english.0, StatusCode::OK);
    assert!(pdf_text(&english.2).contains("I do this in part"));

    // Someone else's download is their own (empty) scan; another school's people get nothing.
    let colleague = app.session(lyceum.coordinator.id).await;
    let theirs = app
        .get_bytes(
            &format!("{round}/overzicht.docx"),
            &[("cookie", &colleague)],
        )
        .await;
    let text = formats::overview::docx::text_of(&theirs.2).expect("a DOCX");
    assert!(!text.contains("met ouders"));
    let stranger = app.session(college.member.id).await;
    let refused = app
        .get_bytes(&format!("{round}/overzicht.pdf"), &[("cookie", &stranger)])
        .await;
    assert_eq!(refused.0, StatusCode::NOT_FOUND);
    let anonymous = app.get_bytes(&format!("{round}/overzicht.pdf"), &[]).await;
    assert_eq!(anonymous.0, StatusCode::SEE_OTHER);
    app.stop().await;
}

async fn the_quick_scan_keeps_nothing_and_gives_an_overview_and_documents(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let chooser = app.get("/nl/zelfscan").await;
    assert_eq!(chooser.status, StatusCode::OK);
    assert!(chooser.body.contains("Raamwerk bewaart hier niets"));
    assert!(chooser.body.contains("name=\"rol\" value=\"BEG\""));
    assert!(
        !chooser.body.contains("name=\"keuze."),
        "no statements before roles are chosen"
    );

    let form = app.get("/nl/zelfscan?rol=SPE&rol=BEG&rol=XXX").await;
    assert_eq!(form.status, StatusCode::OK);
    let edition = &app.state.edition;
    let mentor = edition
        .statements_in(Role::Mentor, Area::Vision, Kind::Task)
        .next()
        .expect("a task");
    let specialist = edition
        .statements_in(Role::Specialist, Area::Cooperation, Kind::Expertise)
        .next()
        .expect("expertise");
    assert!(
        form.body
            .contains(&format!("name=\"keuze.{}\"", mentor.code))
    );
    assert!(
        form.body
            .contains(&format!("name=\"keuze.{}\"", specialist.code))
    );
    assert!(
        !form.body.contains("name=\"keuze.COO."),
        "only the roles chosen"
    );
    assert!(
        !form.body.contains("name=\"was."),
        "nothing to compare with: nothing is stored"
    );

    let answers = [
        ("rol", "BEG".to_owned()),
        ("rol", "SPE".to_owned()),
        ("keuze", mentor.code.to_string()),
        ("notitie", mentor.code.to_string()),
        ("bespreken", specialist.code.to_string()),
    ];
    let fields: Vec<(String, String)> = answers
        .iter()
        .map(|(what, code)| match *what {
            "rol" => ("rol".to_owned(), code.clone()),
            "keuze" => (format!("keuze.{code}"), "ontwikkelen".to_owned()),
            "notitie" => (
                format!("notitie.{code}"),
                "alleen in deze pagina".to_owned(),
            ),
            _ => (format!("bespreken.{code}"), "ja".to_owned()),
        })
        .chain([("focus.SPE.SAM.D".to_owned(), "netwerk opbouwen".to_owned())])
        .collect();
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let overview = app
        .post_form("/nl/zelfscan/overzicht", &borrowed, &[])
        .await;
    assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
    assert!(overview.body.contains("Je overzicht"));
    assert!(overview.body.contains("alleen in deze pagina"));
    assert!(overview.body.contains("netwerk opbouwen"));
    assert!(overview.body.contains("role=\"img\""));
    // The answers travel in the page, to download or to go back.
    assert!(
        overview
            .body
            .contains("type=\"hidden\" name=\"focus.SPE.SAM.D\" value=\"netwerk opbouwen\"")
    );
    assert!(
        overview
            .body
            .contains("formaction=\"/nl/zelfscan/overzicht.docx\"")
    );

    let pdf = app
        .post_bytes("/nl/zelfscan/overzicht.pdf", &borrowed)
        .await;
    assert_eq!(pdf.0, StatusCode::OK);
    assert_eq!(pdf.1, "application/pdf");
    let text = pdf_text(&pdf.2)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("alleen in deze pagina"), "{text}");
    assert!(text.contains("wil ik oppakken"), "{text}");
    let docx = app
        .post_bytes("/nl/zelfscan/overzicht.docx", &borrowed)
        .await;
    assert_eq!(docx.0, StatusCode::OK);
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    assert!(text.contains("netwerk opbouwen"));

    let back = app.post_form("/nl/zelfscan/terug", &borrowed, &[]).await;
    assert_eq!(back.status, StatusCode::OK);
    assert!(back.body.contains(&format!(
        "name=\"keuze.{}\" value=\"ontwikkelen\" checked",
        mentor.code
    )));
    assert!(back.body.contains(">netwerk opbouwen</textarea>"));

    // Bad input gets the form again with what is wrong, kept as typed.
    let bad = app
        .post_form(
            "/nl/zelfscan/overzicht",
            &[
                ("rol", "BEG"),
                (&format!("keuze.{}", mentor.code), "misschien"),
                ("focus.BEG.VIS.T", "blijft staan"),
            ],
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("is geen keuze op de schaal"));
    assert!(bad.body.contains(">blijft staan</textarea>"));
    let none = app.post_form("/nl/zelfscan/overzicht", &[], &[]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("Kies ten minste één rol"));

    // And nothing was stored anywhere.
    assert!(app.state.store.schools().await.expect("schools").is_empty());
    app.stop().await;
}

async fn a_school_gives_the_steps_its_own_words(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round) = open(&app).await;
    let admin = app.session(lyceum.admin.id).await;
    let member = app.session(lyceum.member.id).await;
    let scale = "/nl/scholen/stedelijk-lyceum/instellingen/schaal";

    let settings = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/instellingen",
            &[("cookie", &admin)],
        )
        .await;
    assert!(settings.body.contains("placeholder=\"wil ik oppakken\""));

    let too_long = "x".repeat(41);
    let bad = app
        .post_form(
            scale,
            &[
                ("taak.ja.nl", too_long.as_str()),
                ("taak.niet.nl", "doe ik"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("hoogstens 40 tekens"));
    assert!(
        bad.body.contains(&format!("value=\"{too_long}\"")),
        "input kept"
    );

    let refused = app
        .post_form(
            scale,
            &[("taak.ja.nl", "dat doe ik al")],
            &[("cookie", &app.session(lyceum.coordinator.id).await)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    let saved = app
        .post_form(
            scale,
            &[
                ("taak.ja.nl", "dat doe ik al"),
                ("taak.ja.en", "already doing it"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app
        .get_with(&format!("{round}{AREA}"), &[("cookie", &member)])
        .await;
    assert!(page.body.contains("dat doe ik al"));
    assert!(page.body.contains("beheers ik"), "expertise keeps our word");
    let first = first_task(&app);
    app.state
        .store
        .save_scan(
            lyceum.school.id,
            round_id(&round),
            lyceum.member.id,
            &[Change::Choice(code(&first), Some(Choice::Yes))],
        )
        .await
        .expect("saved");
    let overview = app
        .get_with(&format!("{round}/overzicht"), &[("cookie", &member)])
        .await;
    assert!(overview.body.contains("dat doe ik al / beheers ik"));
    let docx = app
        .get_bytes(&format!("{round}/overzicht.docx"), &[("cookie", &member)])
        .await;
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    assert!(text.contains("dat doe ik al"), "{text}");
    // The quick scan on the public site keeps our words.
    assert!(
        !app.get("/nl/zelfscan?rol=BEG")
            .await
            .body
            .contains("dat doe ik al")
    );

    // Emptied, our word is back.
    app.post_form(scale, &[("taak.ja.nl", "")], &[("cookie", &admin)])
        .await;
    let page = app
        .get_with(&format!("{round}{AREA}"), &[("cookie", &member)])
        .await;
    assert!(!page.body.contains("dat doe ik al"));
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
