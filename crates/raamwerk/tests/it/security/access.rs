//! Who may call each route, as `router.rs` names it, held against what the routes answer.
//! Every route and method is tried on school A's own resources: by a visitor, who must be
//! sent to sign in exactly where the router says a sign-in is needed, and, on a school's
//! routes, by its member, coordinator and administrator, who must be refused with 403 below
//! the permission named and let through from it on. A network's routes let its coordinator
//! through and answer A's people as for a network that does not exist. A label that says less
//! or more than the handler checks makes the test fail.

use axum::http::{Method, StatusCode};
use domain::account::{Email, FrameworkRoles, Permission};
use web::Who;

use crate::helpers::framework::publish_own;
use crate::helpers::network::{join, network};
use crate::helpers::routes::{Target, fill};
use crate::helpers::team::{colleagues, team};
use crate::helpers::{Backend, Page, TestApp, on_both_backends};

on_both_backends!(every_route_answers_the_callers_the_router_names_and_no_others);

/// Whether an answer sends the caller to sign in: to the sign-in page, or 401 for JSON.
fn to_sign_in(page: &Page, path: &str) -> bool {
    // A JSON answer (the API, the scan's autosave) says 401.
    if page.status == StatusCode::UNAUTHORIZED {
        return true;
    }
    let sign_in = if path.starts_with("/en") {
        "/en/sign-in"
    } else {
        "/nl/inloggen"
    };
    page.status == StatusCode::SEE_OTHER
        && page
            .headers
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with(sign_in))
}

async fn call(app: &TestApp, method: &Method, path: &str, cookie: &str) -> Page {
    let headers = [("cookie", cookie)];
    if method == Method::POST {
        app.post_form(path, &[], &headers).await
    } else if method == Method::GET {
        app.get_with(path, &headers).await
    } else {
        // The API's JSON changes, as a page's script sends them.
        let headers = [
            ("cookie", cookie),
            ("content-type", "application/json"),
            ("sec-fetch-site", "same-origin"),
        ];
        app.call(method.as_str(), path, &headers, b"{}".to_vec())
            .await
    }
}

async fn every_route_answers_the_callers_the_router_names_and_no_others(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let invitation = store
        .invite(
            a.school.id,
            a.admin.id,
            &Email::parse("nieuw@lyceum.nl").expect("valid"),
            Permission::Member,
            &FrameworkRoles::default(),
        )
        .await
        .expect("invitation");
    let round = store
        .open_round(
            a.school.id,
            a.coordinator.id,
            &domain::scan::RoundName::parse("Najaar").expect("valid"),
            domain::scan::Period::parse("2026-11-25", "").expect("valid"),
            app.state.edition().id(),
        )
        .await
        .expect("round");
    let own = publish_own(&app, &a, |_| {}).await;
    let mut target = Target::of(&a, &invitation.invitation, &round, &own);
    // A network A is a member of, with a coordinator of its own.
    let (network, network_coordinator) = network(&app, "Pilot Oost", "netwerk@pilot.nl").await;
    join(&app, &network, network_coordinator, &a).await;
    target.network = network.short_name.clone();
    // What the member routes change happens to a colleague the test needs for nothing else.
    let extra = colleagues(&app, &a.school, "lyceum.nl", 1).await;
    target.member = extra[0].to_string();
    let theme = app.state.edition().themes()[0].code.as_str().to_owned();
    let staff = [
        (Permission::Member, a.member.id),
        (Permission::Coordinator, a.coordinator.id),
        (Permission::Administrator, a.admin.id),
    ];

    let mut wrong = Vec::new();
    let mut checked = 0;
    for (pattern, methods) in web::route_table() {
        for (method, who) in methods {
            for path in fill(&pattern, &target, &theme) {
                checked += 1;
                let visitor = call(&app, &method, &path, "").await;
                let must_sign_in = matches!(who, Who::SignedIn | Who::InSchool(_) | Who::InNetwork);
                if to_sign_in(&visitor, &path) != must_sign_in {
                    wrong.push(format!(
                        "{method} {path} ({who:?}) for a visitor: {}",
                        visitor.status
                    ));
                }
                if who == Who::InNetwork {
                    for (permission, user) in staff {
                        let cookie = app.session(user).await;
                        let page = call(&app, &method, &path, &cookie).await;
                        if page.status != StatusCode::NOT_FOUND {
                            wrong.push(format!(
                                "{method} {path} ({who:?}) for a {}: {}",
                                permission.code(),
                                page.status
                            ));
                        }
                    }
                    let cookie = app.session(network_coordinator).await;
                    let page = call(&app, &method, &path, &cookie).await;
                    if matches!(page.status, StatusCode::NOT_FOUND | StatusCode::FORBIDDEN)
                        || to_sign_in(&page, &path)
                    {
                        wrong.push(format!(
                            "{method} {path} ({who:?}) for its coordinator: {}",
                            page.status
                        ));
                    }
                    continue;
                }
                let Who::InSchool(needed) = who else {
                    continue;
                };
                for (permission, user) in staff {
                    // A fresh session each time: a route may end the one it was given.
                    let cookie = app.session(user).await;
                    let page = call(&app, &method, &path, &cookie).await;
                    let let_through =
                        page.status != StatusCode::FORBIDDEN && !to_sign_in(&page, &path);
                    if let_through != permission.includes(needed) {
                        wrong.push(format!(
                            "{method} {path} ({who:?}) for a {}: {}",
                            permission.code(),
                            page.status
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 150, "only {checked} requests");
    assert!(
        wrong.is_empty(),
        "routes that answer otherwise than router.rs says:\n{}",
        wrong.join("\n")
    );
}
