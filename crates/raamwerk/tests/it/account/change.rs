//! A person changes their own name, password and e-mail address from the account page, each
//! confirmed with the current password; a new password ends every other session; without
//! e-mail a new address counts at once (with e-mail, see `mail.rs`); on both backends.

use axum::http::StatusCode;

use crate::helpers::account::{PASSWORD, anna, set_password, sign_in};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_person_changes_their_name_and_password,
    without_mail_a_new_address_counts_at_once,
);

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

async fn without_mail_a_new_address_counts_at_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;
    let cookie = sign_in(&app).await;
    let me = [("cookie", cookie.as_str())];
    let store = &app.state.store;
    store
        .create_user(
            &domain::account::Email::parse("bert@lyceum.nl").expect("valid"),
            &domain::account::PersonName::parse("Bert").expect("valid"),
        )
        .await
        .expect("another account");
    let page = app.get_with("/nl/account", &me).await;
    assert!(page.body.contains(r#"action="/nl/account/e-mailadres""#));
    assert!(
        page.body
            .contains("Je logt daarna in met het nieuwe adres.")
    );
    let email_now = || async {
        store
            .credentials(&domain::account::Email::parse("anna@lyceum.nl").expect("valid"))
            .await
            .expect("read")
            .is_some()
    };

    // Each refusal says why, keeps what was typed and changes nothing.
    for (form, status, says) in [
        (
            [
                ("email", "anna@elders.nl"),
                ("current", "niet mijn wachtwoord"),
            ],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Dit is niet je huidige wachtwoord.",
        ),
        (
            [("email", "geen adres"), ("current", PASSWORD)],
            StatusCode::UNPROCESSABLE_ENTITY,
            "geen adres",
        ),
        (
            [("email", "ANNA@lyceum.nl"), ("current", PASSWORD)],
            StatusCode::UNPROCESSABLE_ENTITY,
            "Dit is al je e-mailadres.",
        ),
        (
            [("email", "bert@lyceum.nl"), ("current", PASSWORD)],
            StatusCode::CONFLICT,
            "Dit e-mailadres hoort al bij een ander account. Er is niets gewijzigd.",
        ),
    ] {
        let refused = app.post_form("/nl/account/e-mailadres", &form, &me).await;
        assert_eq!(refused.status, status, "{form:?}");
        assert!(refused.body.contains(says), "{says}: {}", refused.body);
        assert!(
            refused.body.contains(&format!(r#"value="{}""#, form[0].1)),
            "what was typed stays"
        );
        assert!(email_now().await, "{form:?} changed nothing");
    }

    let changed = app
        .post_form(
            "/nl/account/e-mailadres",
            &[("email", " Anna.de.Wit@Elders.nl "), ("current", PASSWORD)],
            &me,
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    assert_eq!(changed.header("location"), "/nl/account?klaar=e-mailadres");
    let page = app.get_with(changed.header("location"), &me).await;
    assert!(page.body.contains("Je e-mailadres is gewijzigd."));
    assert!(page.body.contains("anna.de.wit@elders.nl"));
    assert!(
        !email_now().await,
        "the old address has no account any more"
    );
    // The new address signs in, the old one no longer does.
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
            &[("email", "anna.de.wit@elders.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
    // Signed out, nothing changes.
    let outsider = app
        .post_form(
            "/nl/account/e-mailadres",
            &[("email", "iemand@elders.nl"), ("current", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(outsider.status, StatusCode::SEE_OTHER);
    app.stop().await;
}
