//! A person changes their own name and password from the account page, each confirmed with
//! the current password; a new password ends every other session; on both backends.

use axum::http::StatusCode;

use crate::helpers::account::{PASSWORD, anna, set_password, sign_in};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_person_changes_their_name_and_password);

const NEW_PASSWORD: &str = "groene fiets leest oude wolken";

async fn a_person_changes_their_name_and_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;
    let laptop = sign_in(&app).await;
    let phone = sign_in(&app).await;
    let page = app.get_with("/nl/account", &[("cookie", &laptop)]).await;
    assert!(page.body.contains(r#"action="/nl/account/naam""#));
    assert!(page.body.contains(r#"action="/nl/account/wachtwoord""#));

    // The name: not without the password, then with it.
    let wrong = app
        .post_form(
            "/nl/account/naam",
            &[("name", "Anna Jansen"), ("current", "niet mijn wachtwoord")],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .body
            .contains("Dit is niet je huidige wachtwoord. Er is niets gewijzigd.")
    );
    assert!(
        wrong.body.contains(r#"value="Anna Jansen""#),
        "what was typed stays"
    );
    let store = &app.state.store;
    let email = domain::account::Email::parse("anna@lyceum.nl").expect("valid");
    let name_now = |store: store::Store| {
        let email = email.clone();
        async move {
            store
                .user_by_email(&email)
                .await
                .expect("read")
                .expect("there")
                .name
                .to_string()
        }
    };
    assert_eq!(name_now(store.clone()).await, "Anna <i>de</i> Wit");
    let empty = app
        .post_form(
            "/nl/account/naam",
            &[("name", "  "), ("current", PASSWORD)],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("de naam ontbreekt"));
    let named = app
        .post_form(
            "/nl/account/naam",
            &[("name", "Anna Jansen"), ("current", PASSWORD)],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(named.status, StatusCode::SEE_OTHER);
    assert_eq!(named.header("location"), "/nl/account?klaar=naam");
    assert_eq!(name_now(store.clone()).await, "Anna Jansen");
    let page = app
        .get_with("/nl/account?klaar=naam", &[("cookie", &laptop)])
        .await;
    assert!(page.body.contains("Je naam is gewijzigd."));
    assert!(page.body.contains("Anna Jansen"));

    // The password: checked like a new one, confirmed with the current one.
    let weak = app
        .post_form(
            "/nl/account/wachtwoord",
            &[
                ("current", PASSWORD),
                ("password", "kort"),
                ("repeat", "kort"),
            ],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let changed = app
        .post_form(
            "/nl/account/wachtwoord",
            &[
                ("current", PASSWORD),
                ("password", NEW_PASSWORD),
                ("repeat", NEW_PASSWORD),
            ],
            &[("cookie", &laptop)],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    // This session stays, the other one has ended.
    assert_eq!(
        app.get_with("/nl/account", &[("cookie", &laptop)])
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get_with("/nl/account", &[("cookie", &phone)])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    // The old password no longer signs in; the new one does.
    let old = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(old.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", NEW_PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
    // Signed out, neither form changes anything.
    let outsider = app
        .post_form(
            "/nl/account/naam",
            &[("name", "Iemand"), ("current", NEW_PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(outsider.status, StatusCode::SEE_OTHER);
    assert_eq!(name_now(store.clone()).await, "Anna Jansen");
    app.stop().await;
}
