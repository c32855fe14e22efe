//! The team picture holds under the attacks the issue names: a team of four, a team of six
//! where people stop counting (also after the picture was read and kept), two teams that
//! differ by one person, a team that would single out one person, and a k someone tries to
//! lower. In every case what the page shows gives no one person's answer away.

use axum::http::StatusCode;
use domain::Role;
use domain::account::{Permission, UserId};
use domain::scan::{Change, Choice, Note};

use crate::helpers::scan::{code, name, open, period, round_id};
use crate::helpers::team::{Team, colleagues, person};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_role_is_shown_from_five_people_who_let_their_scan_count,
    teams_that_differ_by_one_person_or_single_one_out_are_not_shown,
    k_is_never_lowered_and_a_round_with_answers_keeps_it,
);

/// Mentors of the school answering BEG.VIS.T1, each with a choice, and letting it count.
pub(super) async fn answer(
    app: &TestApp,
    lyceum: &Team,
    round: uuid::Uuid,
    people: &[UserId],
    count: bool,
) {
    let store = &app.state.store;
    for (i, p) in people.iter().enumerate() {
        let choice = [Choice::Yes, Choice::Partly, Choice::Develop][i % 3];
        store
            .save_scan(
                lyceum.school.id,
                round,
                *p,
                &[
                    Change::Choice(code("BEG.VIS.T1"), Some(choice)),
                    Change::AnswerNote(
                        code("BEG.VIS.T1"),
                        Note::parse(&format!("privé notitie {i}"), 500).expect("valid"),
                    ),
                ],
            )
            .await
            .expect("saved");
        if count {
            assert!(
                store
                    .set_picture_consent(lyceum.school.id, round, *p, true)
                    .await
                    .expect("consent")
            );
        }
    }
}

/// The picture page's text of the mentor role's section.
fn mentor_section(body: &str) -> &str {
    body.split("<h2 id=\"picture-role-1\">")
        .nth(1)
        .and_then(|rest| rest.split("<h2 id=\"picture-role-2\">").next())
        .unwrap_or("")
}

async fn a_role_is_shown_from_five_people_who_let_their_scan_count(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let round = round_id(&round_path);
    let store = &app.state.store;
    // The team's own mentor and three more let their scan count; one more answers but not.
    let mut mentors = vec![lyceum.member.id];
    mentors.extend(colleagues(&app, &lyceum.school, "lyceum.nl", 4).await);
    answer(&app, &lyceum, round, &mentors[..4], true).await;
    answer(&app, &lyceum, round, &mentors[4..], false).await;
    let page_path = format!("{round_path}/teambeeld");
    let cookie = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", cookie.as_str())];

    // Four count: too few, and no figure at all for the role.
    let page = app.get_with(&page_path, &as_coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    let section = mentor_section(&page.body);
    assert!(section.contains("te weinig deelnemers"), "{section}");
    assert!(!section.contains("<svg"), "no chart for a hidden role");
    assert!(page.body.contains("Er zijn nog te weinig deelnemers"));

    // The fifth lets it count: the role is shown, with counts and no names or notes.
    store
        .set_picture_consent(lyceum.school.id, round, mentors[4], true)
        .await
        .expect("consent");
    let page = app.get_with(&page_path, &as_coordinator).await;
    let section = mentor_section(&page.body);
    assert!(section.contains("5 deelnemers"), "{section}");
    assert!(section.contains("<svg"));
    for secret in ["privé notitie", "Mentor Stedelijk Lyceum", "Collega 0"] {
        assert!(!page.body.contains(secret), "{secret} on the picture");
    }
    // The member reads the same; the round page offers the choice to count.
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];
    let theirs = app.get_with(&page_path, &as_member).await;
    assert!(mentor_section(&theirs.body).contains("5 deelnemers"));
    let round_page = app.get_with(&round_path, &as_member).await;
    assert!(
        round_page
            .body
            .contains("telt anoniem mee in het teambeeld")
    );

    // Two stop counting, after the picture was read (and kept): four, too few again.
    for p in &mentors[..2] {
        let stop = app
            .post_form(
                &format!("{page_path}/meetellen"),
                &[("aan", "0")],
                &[("cookie", app.session(*p).await.as_str())],
            )
            .await;
        assert_eq!(stop.status, StatusCode::SEE_OTHER);
    }
    let page = app.get_with(&page_path, &as_coordinator).await;
    assert!(mentor_section(&page.body).contains("te weinig deelnemers"));
    // A member deactivated no longer counts either.
    store
        .set_picture_consent(lyceum.school.id, round, mentors[0], true)
        .await
        .expect("consent");
    store
        .manage_member(
            lyceum.school.id,
            lyceum.admin.id,
            mentors[4],
            &domain::members::MemberAction::Deactivate,
        )
        .await
        .expect("deactivated");
    let page = app.get_with(&page_path, &as_coordinator).await;
    assert!(mentor_section(&page.body).contains("te weinig deelnemers"));
    // Someone of another school gets the 404 of a round that is not there.
    let other = crate::helpers::team::team(&app, "Rivierenland College", "rivieren.nl").await;
    let stranger = app.session(other.coordinator.id).await;
    assert_eq!(
        app.get_with(&page_path, &[("cookie", &stranger)])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn teams_that_differ_by_one_person_or_single_one_out_are_not_shown(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let round = round_id(&round_path);
    let store = &app.state.store;
    let mut mentors = vec![lyceum.member.id];
    mentors.extend(colleagues(&app, &lyceum.school, "lyceum.nl", 11).await);
    answer(&app, &lyceum, round, &mentors, true).await;
    let coordinator = lyceum.coordinator.id;
    let teams_path = "/nl/scholen/stedelijk-lyceum/teams";
    let cookie = app.session(coordinator).await;
    let as_coordinator = [("cookie", cookie.as_str())];
    let ids =
        |people: &[UserId]| -> Vec<String> { people.iter().map(|p| p.0.to_string()).collect() };
    let make = |name: &'static str, people: Vec<String>| {
        let app = &app;
        let cookie = cookie.clone();
        async move {
            let mut form = vec![
                ("op".to_owned(), "save".to_owned()),
                ("name".to_owned(), name.to_owned()),
            ];
            form.extend(people.into_iter().map(|p| ("lid".to_owned(), p)));
            let borrowed: Vec<(&str, &str)> =
                form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            let made = app
                .post_form(teams_path, &borrowed, &[("cookie", &cookie)])
                .await;
            assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
        }
    };
    // Onderbouw: six; bovenbouw: onderbouw and one more; almost all: everyone but one.
    make("onderbouw", ids(&mentors[..6])).await;
    make("onderbouw plus een", ids(&mentors[..7])).await;
    make("bijna iedereen", ids(&mentors[..11])).await;
    let teams = store.teams(lyceum.school.id).await.expect("teams");
    assert_eq!(teams.len(), 3);
    let picture_of = |team: Option<uuid::Uuid>| {
        let app = &app;
        let round_path = round_path.clone();
        let cookie = cookie.clone();
        async move {
            let path = match team {
                Some(id) => format!("{round_path}/teambeeld?team={id}"),
                None => format!("{round_path}/teambeeld"),
            };
            app.get_with(&path, &[("cookie", &cookie)]).await.body
        }
    };
    let whole = picture_of(None).await;
    assert!(
        mentor_section(&whole).contains("12 deelnemers"),
        "{}",
        mentor_section(&whole)
    );
    let onderbouw = picture_of(Some(teams[0].id)).await;
    assert!(mentor_section(&onderbouw).contains("6 deelnemers"));
    // Differs from onderbouw by one person: hidden, whoever asks and in whatever order.
    let plus_one = picture_of(Some(teams[1].id)).await;
    assert!(mentor_section(&plus_one).contains("te weinig deelnemers"));
    // The whole team less one: hidden.
    let almost = picture_of(Some(teams[2].id)).await;
    assert!(mentor_section(&almost).contains("te weinig deelnemers"));
    // A team of four is too few however it is asked for.
    make("klein", ids(&mentors[..4])).await;
    let teams = store.teams(lyceum.school.id).await.expect("teams");
    let small = picture_of(Some(teams[3].id)).await;
    assert!(mentor_section(&small).contains("te weinig deelnemers"));
    // A member may not make teams; a team with someone of another school is refused.
    let member = app.session(lyceum.member.id).await;
    let refused = app
        .post_form(
            teams_path,
            &[("op", "save"), ("name", "eigen")],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let other = person(
        &app,
        &crate::helpers::team::team(&app, "Rivierenland College", "rivieren.nl")
            .await
            .school,
        "x@rivieren.nl",
        "X",
        Permission::Member,
        &[Role::Mentor],
    )
    .await;
    let foreign = other.id.0.to_string();
    let refused = app
        .post_form(
            teams_path,
            &[
                ("op", "save"),
                ("name", "gemengd"),
                ("lid", foreign.as_str()),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("geen actief lid van de school"));
    assert_eq!(store.teams(lyceum.school.id).await.expect("teams").len(), 4);
    app.stop().await;
}

async fn k_is_never_lowered_and_a_round_with_answers_keeps_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let round = round_id(&round_path);
    let store = &app.state.store;
    let mut mentors = vec![lyceum.member.id];
    mentors.extend(colleagues(&app, &lyceum.school, "lyceum.nl", 5).await);
    answer(&app, &lyceum, round, &mentors, true).await;
    let admin = app.session(lyceum.admin.id).await;
    let as_admin = [("cookie", admin.as_str())];
    let settings = "/nl/scholen/stedelijk-lyceum/instellingen/teambeeld";
    for bad in ["4", "0", "vijf", ""] {
        let refused = app.post_form(settings, &[("k", bad)], &as_admin).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
    }
    let refused = app.post_form(settings, &[("k", "3")], &as_admin).await;
    assert!(
        refused
            .body
            .contains("nooit getoond over minder dan 5 mensen")
    );
    assert_eq!(
        store
            .picture_threshold(lyceum.school.id)
            .await
            .expect("k")
            .get(),
        5
    );
    // A coordinator may not change it.
    let coordinator = app.session(lyceum.coordinator.id).await;
    let forbidden = app
        .post_form(settings, &[("k", "8")], &[("cookie", &coordinator)])
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    // Raised to 8: the round with answers keeps 5 (six mentors shown); a new round takes 8.
    let raised = app.post_form(settings, &[("k", "8")], &as_admin).await;
    assert_eq!(raised.status, StatusCode::SEE_OTHER);
    let input = store
        .picture_input(lyceum.school.id, round)
        .await
        .expect("read")
        .expect("the round");
    assert_eq!(input.threshold.get(), 5);
    let page = app
        .get_with(
            &format!("{round_path}/teambeeld"),
            &[("cookie", &coordinator)],
        )
        .await;
    assert!(mentor_section(&page.body).contains("6 deelnemers"));
    store
        .close_round(lyceum.school.id, lyceum.coordinator.id, round)
        .await
        .expect("closed");
    let next = store
        .open_round(
            lyceum.school.id,
            lyceum.coordinator.id,
            &name("voorjaar 2027"),
            period(),
            app.state.edition().id(),
        )
        .await
        .expect("opened");
    let input = store
        .picture_input(lyceum.school.id, next.id)
        .await
        .expect("read")
        .expect("the round");
    assert_eq!(input.threshold.get(), 8);
    app.stop().await;
}
