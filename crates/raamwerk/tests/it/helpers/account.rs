//! One person as the account tests make them: Anna, her password and her session.

use axum::http::StatusCode;
use domain::Role;
use domain::account::{Email, FrameworkRoles, Permission, PersonName, User};

use crate::helpers::{TestApp, new_school};

pub const PASSWORD: &str = "paars kompas vindt zeven tulpen";

/// A school with one administrator who has no password yet.
pub async fn anna(app: &TestApp) -> User {
    let store = &app.state.store;
    let school = store
        .create_school(&new_school("Het <b>Lyceum</b>"))
        .await
        .expect("school");
    let user = store
        .create_user(
            &Email::parse("anna@lyceum.nl").expect("valid"),
            &PersonName::parse("Anna <i>de</i> Wit").expect("valid"),
        )
        .await
        .expect("user");
    store
        .add_member(
            school.id,
            user.id,
            Permission::Administrator,
            &FrameworkRoles::new([Role::Mentor, Role::Coordinator]),
        )
        .await
        .expect("member");
    user
}

pub async fn set_password(app: &TestApp, user: &User) {
    let token = app
        .state
        .store
        .create_password_link(user.id)
        .await
        .expect("link");
    let done = app
        .post_form(
            &format!("/nl/wachtwoord-instellen/{token}"),
            &[("password", PASSWORD), ("repeat", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
}

/// Signs in and returns the session cookie (`name=value`).
pub async fn sign_in(app: &TestApp) -> String {
    let page = app
        .post_form(
            "/nl/inloggen",
            &[("email", "ANNA@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.header("location"), "/nl/scholen");
    let cookie = page.header("set-cookie").to_owned();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax")
            && !cookie.contains("Secure"),
        "{cookie}"
    );
    cookie.split(';').next().unwrap_or_default().to_owned()
}
