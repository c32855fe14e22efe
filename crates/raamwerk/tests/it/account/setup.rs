//! The first run: the set-up link creates the first school and its administrator, once.

use axum::http::StatusCode;

use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(the_setup_link_creates_the_first_school_and_administrator_once);

const PASSWORD: &str = "paars kompas vindt zeven tulpen";

async fn the_setup_link_creates_the_first_school_and_administrator_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    assert!(!store.has_administrator().await.expect("query"));
    let token = store.create_setup_link().await.expect("link");
    let other = store
        .create_setup_link()
        .await
        .expect("a second start makes another link");
    let path = format!("/nl/inrichten/{token}");

    let form = app.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Raamwerk inrichten"));
    assert_eq!(
        app.get(&format!("/en/set-up/{}", "0".repeat(64)))
            .await
            .status,
        StatusCode::GONE
    );

    let bad = app
        .post_form(
            &path,
            &[
                ("school_name", "Het <b>Lyceum</b>"),
                ("students", "nul"),
                ("region", "XX"),
                ("brin", "ABCD"),
                ("name", ""),
                ("email", "geen-adres"),
                ("password", "kort"),
                ("repeat", "kort"),
            ],
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "kies ten minste één sector",
        "'nul' is geen aantal leerlingen of studenten",
        "onbekende provincie 'XX'",
        "'ABCD' is geen BRIN-code",
        "de naam ontbreekt",
        "'geen-adres' is geen geldig e-mailadres",
        "ten minste 12 tekens",
    ] {
        let escaped = message.replace('\'', "&#39;");
        assert!(bad.body.contains(&escaped), "{message}");
    }
    assert!(
        bad.body
            .contains(r#"value="Het &#60;b&#62;Lyceum&#60;/b&#62;""#),
        "input kept, escaped"
    );
    assert!(
        !bad.body.contains(r#"value="kort""#),
        "passwords are not sent back"
    );
    assert!(
        store.schools().await.expect("list").is_empty(),
        "nothing stored"
    );

    let done = app
        .post_form(
            &path,
            &[
                ("school_name", "Het <b>Lyceum</b>"),
                ("sector_vo", "on"),
                ("sector_mbo", "on"),
                ("students", "1500"),
                ("region", "ZH"),
                ("brin", ""),
                ("name", "Fatima El Amrani"),
                ("email", "Fatima@Lyceum.nl"),
                ("role_coo", "on"),
                ("password", PASSWORD),
                ("repeat", PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    // The person who set the school up is signed in at once, on its start page.
    assert_eq!(
        done.header("location"),
        "/nl/scholen/het-b-lyceum-b?klaar=inrichting"
    );
    let schools = store.schools().await.expect("list");
    assert_eq!(schools.len(), 1);
    assert_eq!(schools[0].short_name, "het-b-lyceum-b");
    assert_eq!(schools[0].sectors.to_string(), "vo,mbo");
    assert!(store.has_administrator().await.expect("query"));
    let cookie = done
        .header("set-cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(cookie.len() > 20, "a session cookie: {cookie}");
    let start = app
        .get_with(done.header("location"), &[("cookie", &cookie)])
        .await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(
        start
            .body
            .contains("Je school is ingericht en je bent ingelogd")
    );
    assert!(
        start.body.contains("Er loopt nu geen ronde. Open er een"),
        "{}",
        start.body
    );

    // The password chosen at set-up signs in as well.
    let signed_in = app
        .post_form(
            "/nl/inloggen",
            &[("email", "fatima@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let account = app.get_with("/nl/account", &[("cookie", &cookie)]).await;
    assert!(
        account.body.contains("schoolbeheerder")
            && account.body.contains("Coördinator/beleidsmaker LOB")
    );

    assert_eq!(
        app.get(&path).await.status,
        StatusCode::GONE,
        "the link is spent"
    );
    assert_eq!(
        app.get(&format!("/nl/inrichten/{other}")).await.status,
        StatusCode::GONE,
        "every set-up link is spent"
    );
    let again = app
        .post_form(
            &format!("/nl/inrichten/{other}"),
            &[("school_name", "Tweede school")],
            &[],
        )
        .await;
    assert_eq!(again.status, StatusCode::GONE);
    assert_eq!(store.schools().await.expect("list").len(), 1);
    app.stop().await;
}
