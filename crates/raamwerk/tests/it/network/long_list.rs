//! A network of many schools: the coordinator's list of schools comes in pages of 50 with
//! links between them, and a search on name or short name narrows it; a page number that is
//! not there gives the nearest page, and a search that finds nothing says so.

use axum::http::StatusCode;

use crate::helpers::network::network;
use crate::helpers::{Backend, TestApp, new_school, on_both_backends};

on_both_backends!(a_long_list_of_schools_comes_in_pages);

async fn a_long_list_of_schools_comes_in_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let (regio, coordinator) = network(&app, "Regio West", "netwerk@regio.nl").await;
    for n in 1..=52 {
        let school = store
            .create_school(&new_school(&format!("School {n:02}")))
            .await
            .expect("school");
        store
            .invite_school(regio.id, coordinator, school.id)
            .await
            .expect("invited");
    }
    let session = app.session(coordinator).await;
    let as_coordinator = [("cookie", session.as_str())];
    let page_of = |query: &str| format!("/nl/netwerken/{}{query}", regio.short_name);
    let rows = |body: &str| body.matches("<th scope=\"row\">School ").count();

    let first = app.get_with(&page_of(""), &as_coordinator).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(rows(&first.body), 50, "{}", first.body);
    assert!(first.body.contains("1–50 van 52"), "{}", first.body);
    assert!(first.body.contains("Pagina 1 van 2"));
    assert!(first.body.contains("School 50") && !first.body.contains("School 51"));
    assert!(!first.body.contains("rel=\"prev\""));
    let next = first
        .body
        .split("href=\"")
        .find_map(|s| s.split_once("\" rel=\"next\"").map(|(href, _)| href))
        .expect("a link to the next page")
        .replace("&#38;", "&");
    assert!(next.ends_with("&pagina=2"), "{next}");

    let second = app.get_with(&next, &as_coordinator).await;
    assert_eq!(rows(&second.body), 2, "{}", second.body);
    assert!(second.body.contains("School 51") && second.body.contains("School 52"));
    assert!(second.body.contains("51–52 van 52"));
    assert!(second.body.contains("rel=\"prev\"") && !second.body.contains("rel=\"next\""));

    // A page past the end, or no number, gives the nearest page there is.
    let past = app.get_with(&page_of("?pagina=9"), &as_coordinator).await;
    assert_eq!(past.status, StatusCode::OK);
    assert!(past.body.contains("Pagina 2 van 2"), "{}", past.body);
    let odd = app
        .get_with(&page_of("?pagina=twee"), &as_coordinator)
        .await;
    assert!(odd.body.contains("Pagina 1 van 2"), "{}", odd.body);

    // A search on (part of) the name or the short name; the list then fits one page.
    let found = app
        .get_with(&page_of("?zoek=school+07"), &as_coordinator)
        .await;
    assert_eq!(rows(&found.body), 1, "{}", found.body);
    assert!(found.body.contains("School 07"));
    assert!(!found.body.contains("Pagina 1 van"));
    let by_short = app
        .get_with(&page_of("?zoek=school-4"), &as_coordinator)
        .await;
    assert_eq!(rows(&by_short.body), 10, "{}", by_short.body);
    let none = app
        .get_with(&page_of("?zoek=lyceum"), &as_coordinator)
        .await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(rows(&none.body), 0);
    assert!(
        none.body
            .contains("Geen school in dit netwerk past bij ‘lyceum’."),
        "{}",
        none.body
    );
    assert!(none.body.contains("Alle scholen tonen"));
}
