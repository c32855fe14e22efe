//! Password links as the tests use them: a password set directly, and an administrator's link
//! for a member.

use axum::http::StatusCode;
use domain::account::{User, UserId};

use crate::helpers::TestApp;
use crate::helpers::team::{copied_link, path_of};

/// Sets a person's password through a link of their own ("Wachtwoord vergeten").
pub async fn set_own_password(app: &TestApp, user: UserId, password: &str) {
    let token = app
        .state
        .store
        .create_password_link(user)
        .await
        .expect("link");
    let set = app
        .post_form(
            &format!("/nl/wachtwoord-instellen/{token}"),
            &[("password", password), ("repeat", password)],
            &[],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
}

/// The administrator with `cookie` makes a password link for `member` of `short`'s school;
/// returns its path.
pub async fn administrator_link(app: &TestApp, cookie: &str, short: &str, member: &User) -> String {
    let made = app
        .post_form(
            &format!("/nl/scholen/{short}/leden/{}/wachtwoordlink", member.id),
            &[],
            &[("cookie", cookie)],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    path_of(&copied_link(&made, "password-link"))
}
