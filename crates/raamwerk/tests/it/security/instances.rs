//! Two instances of the app on one PostgreSQL database, as a national host runs them behind a
//! load balancer. Each keeps session lookups for up to ten minutes and the national edition in
//! memory; what one instance changes must reach the other as it commits (PostgreSQL's
//! LISTEN/NOTIFY), not when something expires: a sign-out, a saved answer (each instance keeps
//! people's own scans as last read), a removed member (also from the school's members, which
//! each instance keeps) and a new national edition each take effect on the other instance
//! within the time a notification takes.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use domain::scan::{Change, Choice};
use domain::{Edition, Text};

use crate::helpers::scan::{AREA, code, open_round};
use crate::helpers::team::team;
use crate::helpers::{Backend, Page, TestApp};

/// How long a change may take to reach the other instance: a notification's way, far below
/// the ten minutes a session lookup is otherwise kept.
const AT_ONCE: Duration = Duration::from_secs(2);

/// Asks `instance` for `path` until `done` says so; fails after [`AT_ONCE`]. Returns how long.
async fn until(
    instance: &TestApp,
    path: &str,
    cookie: &str,
    done: impl Fn(&Page) -> bool,
    what: &str,
) -> Duration {
    let started = Instant::now();
    loop {
        let page = instance.get_with(path, &[("cookie", cookie)]).await;
        if done(&page) {
            return started.elapsed();
        }
        assert!(
            started.elapsed() < AT_ONCE,
            "{what}: the other instance still answers {} after {AT_ONCE:?}",
            page.status
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

#[tokio::test]
async fn what_one_instance_changes_the_other_sees_at_once() {
    let a = TestApp::spawn(Backend::Postgres).await;
    let b = a.other_instance().await;
    assert!(a.state.store.hears_others() && b.state.store.hears_others());
    let lyceum = team(&a, "Stedelijk Lyceum", "lyceum.nl").await;
    let school = "/nl/scholen/stedelijk-lyceum";
    let to_sign_in = |p: &Page| {
        p.status == StatusCode::SEE_OTHER && p.header("location").starts_with("/nl/inloggen")
    };

    // A sign-out on A: B, which just read and kept the session, lets it go.
    let cookie = a.session(lyceum.member.id).await;
    assert_eq!(
        b.get_with(school, &[("cookie", &cookie)]).await.status,
        StatusCode::OK
    );
    assert_eq!(
        b.get_with(school, &[("cookie", &cookie)]).await.status,
        StatusCode::OK
    );
    let out = a
        .post_form("/nl/uitloggen", &[], &[("cookie", &cookie)])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let took = until(&b, school, &cookie, to_sign_in, "a sign-out").await;
    eprintln!("sign-out reached the other instance in {took:?}");

    // An answer saved on A: B, which just read and kept the member's scan, shows it.
    let round = open_round(&a, &lyceum).await;
    let cookie = a.session(lyceum.member.id).await;
    let area = format!("{school}/rondes/{}{AREA}", round.id);
    let chosen = "name=\"keuze.BEG.VIS.T1\" value=\"deels\" checked";
    for _ in 0..2 {
        let page = b.get_with(&area, &[("cookie", &cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(!page.body.contains(chosen));
    }
    a.state
        .store
        .save_scan(
            lyceum.school.id,
            round.id,
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Some(Choice::Partly))],
        )
        .await
        .expect("saved");
    let took = until(
        &b,
        &area,
        &cookie,
        |p| p.body.contains(chosen),
        "a saved answer",
    )
    .await;
    eprintln!("a saved answer reached the other instance in {took:?}");

    // A member removed on A: B no longer lets them into the school, and no longer lists them
    // among the members it just read and kept.
    let cookie = a.session(lyceum.member.id).await;
    let admin = a.session(lyceum.admin.id).await;
    assert_eq!(
        b.get_with(school, &[("cookie", &cookie)]).await.status,
        StatusCode::OK
    );
    let members = format!("{school}/leden");
    let listed = |p: &Page| p.body.contains("Mentor Stedelijk Lyceum");
    for _ in 0..2 {
        let page = b.get_with(&members, &[("cookie", &admin)]).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(listed(&page), "{}", page.body);
    }
    let removed = a
        .post_form(
            &format!("{school}/leden/{}/verwijderen", lyceum.member.id),
            &[("confirm", "on")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER, "{}", removed.body);
    let took = until(
        &b,
        school,
        &cookie,
        |p| p.status == StatusCode::NOT_FOUND,
        "a removed member",
    )
    .await;
    eprintln!("a removed member reached the other instance in {took:?}");
    let took = until(
        &b,
        &members,
        &admin,
        |p| p.status == StatusCode::OK && !listed(p),
        "the members list",
    )
    .await;
    eprintln!("the members list without them reached the other instance in {took:?}");

    // A new national edition stored through A: B's public pages show its words.
    let role = "/nl/rollen/begeleider/visie-en-beleid";
    let before = b.get(role).await;
    assert!(!before.body.contains("Landelijk nieuw geformuleerd."));
    let mut parts = a.state.edition().parts().clone();
    parts.meta.version = "2027.1".into();
    let first = parts
        .statements
        .iter()
        .position(|s| s.code.as_str() == "BEG.VIS.T1")
        .expect("a national statement");
    parts.statements[first].text =
        Text::new("Landelijk nieuw geformuleerd.", "Reworded nationally.");
    a.state
        .store
        .ensure_edition(&Edition::new(parts).expect("valid"))
        .await
        .expect("stored");
    let took = until(
        &b,
        role,
        "",
        |p| p.body.contains("Landelijk nieuw geformuleerd."),
        "a new national edition",
    )
    .await;
    eprintln!("a new national edition reached the other instance in {took:?}");
    assert_eq!(b.state.edition().parts().meta.version, "2027.1");

    b.state.store.close().await;
    a.stop().await;
}
