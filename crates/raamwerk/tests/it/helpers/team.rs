//! A school's people as the tests make them: a team of administrator, coordinator and
//! member, more colleagues, invitations and the links the app hands out.

use axum::http::StatusCode;
use domain::Role;
use domain::account::{Email, FrameworkRoles, Permission, PersonName, User, UserId};
use domain::school::School;

use crate::helpers::{Page, TestApp, new_school};

pub const PASSWORD: &str = "paars kompas vindt zeven tulpen";

/// A school with an administrator, a coordinator and a member (each with a password set
/// directly in the store is not needed: the tests sign in with sessions made for them).
pub struct Team {
    pub school: School,
    pub admin: User,
    pub coordinator: User,
    pub member: User,
}

/// Makes an account and adds it to a school.
pub async fn person(
    app: &TestApp,
    school: &School,
    email: &str,
    name: &str,
    permission: Permission,
    roles: &[Role],
) -> User {
    let store = &app.state.store;
    let email = Email::parse(email).expect("valid");
    let user = match store.user_by_email(&email).await.expect("lookup") {
        Some(user) => user,
        None => store
            .create_user(&email, &PersonName::parse(name).expect("valid"))
            .await
            .expect("user"),
    };
    store
        .add_member(
            school.id,
            user.id,
            permission,
            &FrameworkRoles::new(roles.iter().copied()),
        )
        .await
        .expect("member");
    user
}

/// `n` mentors who are members of `school`, at `collega0@DOMAIN`, `collega1@DOMAIN`, ….
pub async fn colleagues(app: &TestApp, school: &School, domain: &str, n: usize) -> Vec<UserId> {
    let mut people = Vec::with_capacity(n);
    for i in 0..n {
        let user = person(
            app,
            school,
            &format!("collega{i}@{domain}"),
            &format!("Collega {i}"),
            Permission::Member,
            &[Role::Mentor],
        )
        .await;
        people.push(user.id);
    }
    people
}

/// A school named `name` whose people have addresses at `domain`.
pub async fn team(app: &TestApp, name: &str, domain: &str) -> Team {
    let school = app
        .state
        .store
        .create_school(&new_school(name))
        .await
        .expect("school");
    let admin = person(
        app,
        &school,
        &format!("beheer@{domain}"),
        &format!("Beheerder {name}"),
        Permission::Administrator,
        &[Role::Coordinator],
    )
    .await;
    let coordinator = person(
        app,
        &school,
        &format!("decaan@{domain}"),
        &format!("Decaan {name}"),
        Permission::Coordinator,
        &[Role::Specialist],
    )
    .await;
    let member = person(
        app,
        &school,
        &format!("mentor@{domain}"),
        &format!("Mentor {name}"),
        Permission::Member,
        &[Role::Mentor],
    )
    .await;
    Team {
        school,
        admin,
        coordinator,
        member,
    }
}

/// The Stedelijk Lyceum's audit log as the administrator with `cookie` sees it.
pub async fn lyceum_log(app: &TestApp, cookie: &str) -> Page {
    let log = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/logboek",
            &[("cookie", cookie)],
        )
        .await;
    assert_eq!(log.status, StatusCode::OK, "{}", log.body);
    log
}

/// The value of the read-only field with this id (a link to copy).
pub fn copied_link(page: &Page, id: &str) -> String {
    let marker = format!("id=\"{id}\" class=\"copyable\" ");
    let start = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {id} on the page: {}", page.body));
    let marker = "readonly value=\"";
    let start = start + page.body[start..].find(marker).expect("a value");
    let start = start + marker.len();
    let end = page.body[start..].find('"').expect("end of value") + start;
    page.body[start..end].to_owned()
}

/// The path of an absolute link the app made (its base URL is the default one).
pub fn path_of(link: &str) -> String {
    link.strip_prefix("http://127.0.0.1:8080")
        .unwrap_or_else(|| panic!("not one of our links: {link}"))
        .to_owned()
}

/// Invites `email` into `short`'s school as the person with `cookie`; returns the page.
pub async fn invite(
    app: &TestApp,
    cookie: &str,
    short: &str,
    email: &str,
    permission: &str,
) -> Page {
    app.post_form(
        &format!("/nl/scholen/{short}/uitnodigingen"),
        &[
            ("email", email),
            ("permission", permission),
            ("role_beg", "on"),
        ],
        &[("cookie", cookie)],
    )
    .await
}

/// The member page's form action for a change.
pub fn member_path(short: &str, user: &User, op: &str) -> String {
    format!("/nl/scholen/{short}/leden/{}/{op}", user.id)
}
