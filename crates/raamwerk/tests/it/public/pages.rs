//! Every public page and status code, through the real router and database, on both backends.

use axum::http::StatusCode;
use domain::{Area, Kind, Lang, Role};
use web::routes::Page;

use crate::helpers::{Backend, TestApp, html, on_both_backends};

on_both_backends!(
    root_redirects_by_cookie_then_browser_language,
    home_pages_say_what_this_is_in_each_language,
    every_role_page_shows_its_statements_apart_by_kind,
    choosing_an_area_shows_only_that_area,
    the_language_switch_names_the_same_page,
    themes_show_the_roles_side_by_side,
    unknown_addresses_get_a_404_page_in_the_right_language,
    pages_carry_security_and_caching_headers,
    probes_answer_and_readiness_follows_the_database,
);

async fn root_redirects_by_cookie_then_browser_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let plain = app.get("/").await;
    assert_eq!(plain.status, StatusCode::SEE_OTHER);
    assert_eq!(plain.header("location"), "/nl/");
    let english = app
        .get_with("/", &[("accept-language", "en-US,en;q=0.9,nl;q=0.5")])
        .await;
    assert_eq!(english.header("location"), "/en/");
    let remembered = app
        .get_with("/", &[("accept-language", "nl"), ("cookie", "lang=en")])
        .await;
    assert_eq!(
        remembered.header("location"),
        "/en/",
        "the remembered choice wins"
    );
    let bare = app.get("/en").await;
    assert_eq!(bare.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(bare.header("location"), "/en/");
    app.stop().await;
}

async fn home_pages_say_what_this_is_in_each_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let nl = app.get("/nl/").await;
    assert_eq!(nl.status, StatusCode::OK);
    assert!(nl.body.contains(r#"<html lang="nl-NL">"#));
    assert!(nl.body.contains("De lat ligt bewust hoog"));
    assert!(nl.body.contains("geen afvinklijst"));
    assert!(nl.body.contains("eigen formulering"));
    assert_eq!(nl.header("set-cookie").split(';').next(), Some("lang=nl"));
    let en = app.get("/en/").await;
    assert_eq!(en.status, StatusCode::OK);
    assert!(en.body.contains(r#"<html lang="en-GB">"#));
    assert!(en.body.contains("The bar is set high on purpose"));
    assert!(en.body.contains("not a checklist"));
    assert!(en.body.contains("our own wording"));
    assert!(
        !en.body.contains("De lat ligt"),
        "no Dutch interface text on English pages"
    );
    let known = app.get_with("/en/", &[("cookie", "lang=en")]).await;
    assert_eq!(
        known.header("set-cookie"),
        "",
        "an unchanged language is not set again"
    );
    app.stop().await;
}

async fn every_role_page_shows_its_statements_apart_by_kind(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let edition = app.state.edition().clone();
    for lang in Lang::ALL {
        for role in Role::ALL {
            let page = app.get(&Page::Role { role, area: None }.path(lang)).await;
            assert_eq!(page.status, StatusCode::OK);
            assert!(
                page.body
                    .contains(&format!("<h1>{}", html(edition.role(role).name.get(lang))))
            );
            for statement in edition.statements() {
                let shown = page
                    .body
                    .contains(&format!(r#"<span class="code">{}</span>"#, statement.code));
                assert_eq!(
                    shown,
                    statement.role == role,
                    "{} on the page of {role:?}",
                    statement.code
                );
                if shown {
                    assert!(
                        page.body.contains(&html(statement.text.get(lang))),
                        "{} in {lang}",
                        statement.code
                    );
                }
            }
            // Within each area the tasks come first, under their own heading, then expertise.
            let (tasks, expertise) = match lang {
                Lang::Nl => ("<h3>Taken (rolbeschrijving)</h3>", "<h3>Deskundigheid</h3>"),
                Lang::En => ("<h3>Tasks (role description)</h3>", "<h3>Expertise</h3>"),
            };
            assert_eq!(page.body.matches(tasks).count(), 4);
            assert_eq!(page.body.matches(expertise).count(), 4);
            for area in Area::ALL {
                let section = section(&page.body, area);
                let split = section.find(expertise).expect("expertise heading");
                for s in edition.statements_in(role, area, Kind::Task) {
                    assert!(
                        section[..split].contains(s.code.as_str()),
                        "{} under tasks",
                        s.code
                    );
                }
                for s in edition.statements_in(role, area, Kind::Expertise) {
                    assert!(
                        section[split..].contains(s.code.as_str()),
                        "{} under expertise",
                        s.code
                    );
                }
            }
        }
    }
    app.stop().await;
}

async fn choosing_an_area_shows_only_that_area(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let edition = app.state.edition().clone();
    for lang in Lang::ALL {
        for role in Role::ALL {
            for area in Area::ALL {
                let page = app
                    .get(
                        &Page::Role {
                            role,
                            area: Some(area),
                        }
                        .path(lang),
                    )
                    .await;
                assert_eq!(page.status, StatusCode::OK);
                let prefix = format!("{}.{}.", role.code(), area.code());
                let codes: Vec<&str> = page
                    .body
                    .split(r#"<span class="code">"#)
                    .skip(1)
                    .filter_map(|piece| piece.split_once('<').map(|(code, _)| code))
                    .collect();
                let expected = edition
                    .statements()
                    .iter()
                    .filter(|s| s.role == role && s.area == area)
                    .count();
                assert_eq!(codes.len(), expected);
                assert!(codes.iter().all(|c| c.starts_with(&prefix)), "{codes:?}");
                let current = format!(
                    r#"<a href="{}" aria-current="page">{}</a>"#,
                    Page::Role {
                        role,
                        area: Some(area)
                    }
                    .path(lang),
                    html(edition.area(area).name.get(lang))
                );
                assert!(
                    page.body.contains(&current),
                    "the chosen area is marked in the area links"
                );
            }
        }
    }
    app.stop().await;
}

async fn the_language_switch_names_the_same_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let theme = app.state.edition().themes()[0].code.clone();
    let pages = [
        Page::Home,
        Page::Role {
            role: Role::Mentor,
            area: Some(Area::Organisation),
        },
        Page::Role {
            role: Role::Coordinator,
            area: None,
        },
        Page::Themes,
        Page::Theme(theme),
    ];
    for page in pages {
        for lang in Lang::ALL {
            let shown = app.get(&page.path(lang)).await;
            let switch = format!(
                r#"<a class="lang-switch" href="{}" hreflang="{}""#,
                page.path(lang.other()),
                lang.other().code()
            );
            assert!(shown.body.contains(&switch), "{page:?} in {lang}: {switch}");
        }
    }
    app.stop().await;
}

async fn themes_show_the_roles_side_by_side(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let edition = app.state.edition().clone();
    for lang in Lang::ALL {
        let index = app.get(&Page::Themes.path(lang)).await;
        assert_eq!(index.status, StatusCode::OK);
        for theme in edition.themes() {
            assert!(index.body.contains(&html(theme.name.get(lang))));
            assert!(
                index
                    .body
                    .contains(&Page::Theme(theme.code.clone()).path(lang))
            );
            let page = app.get(&Page::Theme(theme.code.clone()).path(lang)).await;
            assert_eq!(page.status, StatusCode::OK);
            let columns: Vec<&str> = page
                .body
                .split(r#"<section class="column""#)
                .skip(1)
                .collect();
            assert_eq!(columns.len(), 3, "one column per role");
            for (column, role) in columns.iter().zip(Role::ALL) {
                assert!(column.contains(&html(edition.role(role).name.get(lang))));
                for s in edition.theme_statements(&theme.code) {
                    assert_eq!(
                        column.contains(s.code.as_str()),
                        s.role == role,
                        "{} in {role:?}",
                        s.code
                    );
                }
            }
            let depths = match lang {
                Lang::Nl => "Diepgang: ",
                Lang::En => "Depth: ",
            };
            assert!(page.body.contains(depths), "depth is shown");
        }
    }
    app.stop().await;
}

async fn unknown_addresses_get_a_404_page_in_the_right_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let dutch = [
        "/nl/rollen/onbekend",
        "/nl/rollen/mentor",
        "/nl/rollen/begeleider/organisation",
        "/nl/rollen/begeleider/organisatie/meer",
        "/nl/themas/bestaat-niet",
        "/nl/niets",
    ];
    for path in dutch {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(
            page.body.contains("<h1>Pagina niet gevonden</h1>"),
            "{path}"
        );
        assert!(page.body.contains(r#"lang="nl-NL""#));
    }
    for path in [
        "/en/roles/begeleider",
        "/en/themes/nope",
        "/en/roles/mentor/visie-en-beleid",
        "/en/x",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("<h1>Page not found</h1>"), "{path}");
    }
    let elsewhere = app
        .get_with("/de/rollen", &[("accept-language", "en")])
        .await;
    assert_eq!(elsewhere.status, StatusCode::NOT_FOUND);
    assert!(
        elsewhere.body.contains("Page not found"),
        "outside a language, the browser's language"
    );
    let slash = app.get("/nl/rollen/begeleider/").await;
    assert_eq!(
        slash.status,
        StatusCode::PERMANENT_REDIRECT,
        "a trailing slash is forgiven"
    );
    assert_eq!(slash.header("location"), "/nl/rollen/begeleider");
    let slashes = app.get("/nl/rollen//").await;
    assert_eq!(slashes.status, StatusCode::NOT_FOUND);
    let odd = app.get("/nl/themas/%FF%FE").await;
    assert_eq!(odd.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn pages_carry_security_and_caching_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let path = Page::Role {
        role: Role::Specialist,
        area: None,
    }
    .path(Lang::Nl);
    let page = app.get(&path).await;
    let csp = page.header("content-security-policy");
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert_eq!(page.header("referrer-policy"), "same-origin");
    assert_eq!(page.header("content-language"), "nl-NL");
    assert_eq!(page.header("cache-control"), "no-cache");
    assert!(!page.body.contains("<script"), "no script at all");
    assert!(
        !page.body.contains("http://") && !page.body.contains("https://"),
        "no third-party requests"
    );
    let etag = page.header("etag").to_owned();
    assert!(etag.starts_with("W/\""), "{etag}");

    let again = app.get_with(&path, &[("if-none-match", &etag)]).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    let other = app.get_with(&path, &[("if-none-match", "W/\"0\"")]).await;
    assert_eq!(other.status, StatusCode::OK);

    let gzip = app.get_with(&path, &[("accept-encoding", "gzip")]).await;
    assert_eq!(gzip.header("content-encoding"), "gzip");

    let css_href = page
        .body
        .split(r#"<link rel="stylesheet" href=""#)
        .nth(1)
        .and_then(|rest| rest.split_once('"'))
        .map(|(href, _)| href.to_owned())
        .expect("stylesheet link");
    let css = app.get(&css_href).await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.header("content-type"), "text/css; charset=utf-8");
    assert!(css.header("cache-control").contains("immutable"));
    assert!(css.body.contains("@media print"), "a print stylesheet");
    let stale = app.get("/static/app.css?v=old").await;
    assert_eq!(stale.header("cache-control"), "no-cache");
    app.stop().await;
}

async fn probes_answer_and_readiness_follows_the_database(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let health = app.get("/healthz").await;
    assert_eq!(
        (health.status, health.body.as_str()),
        (StatusCode::OK, "ok\n")
    );
    let ready = app.get("/readyz").await;
    assert_eq!(ready.status, StatusCode::OK);
    app.state.store.close().await;
    let unready = app.get("/readyz").await;
    assert_eq!(unready.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        app.get("/healthz").await.status,
        StatusCode::OK,
        "the process itself is still up"
    );
    app.stop().await;
}

/// The part of a role page that belongs to one area.
fn section(body: &str, area: Area) -> &str {
    let start = body
        .find(&format!(r#"<section class="area" id="{}""#, area.code()))
        .expect("area section");
    let rest = &body[start..];
    let end = rest[1..].find("<section").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}
