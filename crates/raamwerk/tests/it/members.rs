//! Working in a school: choosing the school, inviting people and accepting invitations,
//! managing members, the audit log, and password links for members; through the real router
//! on both backends.

use axum::http::StatusCode;
use domain::Role;
use domain::account::{Email, FrameworkRoles, Permission, PersonName, User, UserId};
use domain::school::School;

use crate::helpers::{Backend, Page, TestApp, new_school, on_both_backends};

on_both_backends!(
    a_person_chooses_the_school_to_work_in,
    an_invitation_makes_a_new_member_once,
    reinviting_replaces_the_link_and_revoking_ends_it,
    an_expired_invitation_says_so,
    inviting_checks_what_is_typed_and_who_asks,
    an_existing_account_accepts_with_its_password,
    coordinators_and_administrators_manage_members,
    a_deactivated_or_removed_member_opens_nothing_of_the_school,
    the_audit_log_is_for_administrators_and_forgets_erased_accounts,
    an_administrator_makes_a_password_link_for_a_member,
    the_last_administrator_cannot_erase_their_account,
    an_administrator_changes_the_school_details,
);

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
    let marker = format!("id=\"{id}\" readonly value=\"");
    let start = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no {id} on the page: {}", page.body))
        + marker.len();
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

async fn a_person_chooses_the_school_to_work_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    // The lyceum's mentor also coordinates at the college.
    let both = person(
        &app,
        &college.school,
        "mentor@lyceum.nl",
        "-",
        Permission::Coordinator,
        &[Role::Specialist],
    )
    .await;
    assert_eq!(both.id, lyceum.member.id);
    let cookie = app.session(both.id).await;

    let choose = app.get_with("/nl/scholen", &[("cookie", &cookie)]).await;
    assert_eq!(choose.status, StatusCode::OK);
    assert!(
        choose
            .body
            .contains("href=\"/nl/scholen/stedelijk-lyceum\"")
    );
    assert!(
        choose
            .body
            .contains("href=\"/nl/scholen/roc-rivierenland\"")
    );
    assert_eq!(choose.header("cache-control"), "no-store");

    let lyceum_page = app
        .get_with("/nl/scholen/stedelijk-lyceum", &[("cookie", &cookie)])
        .await;
    assert_eq!(lyceum_page.status, StatusCode::OK);
    assert!(lyceum_page.body.contains("Stedelijk Lyceum"));
    assert!(!lyceum_page.body.contains("ROC Rivierenland"));
    // A member does not manage members; at the college, as coordinator, they do.
    assert!(!lyceum_page.body.contains("/leden"));
    let college_page = app
        .get_with("/en/schools/roc-rivierenland", &[("cookie", &cookie)])
        .await;
    assert!(
        college_page
            .body
            .contains("href=\"/en/schools/roc-rivierenland/members\"")
    );
    assert!(!college_page.body.contains("Stedelijk Lyceum"));

    // The public pages say who is signed in only by their header's links (no name), and
    // vary with the cookie.
    let home = app
        .get_with("/nl/rollen/begeleider", &[("cookie", &cookie)])
        .await;
    assert!(home.body.contains("href=\"/nl/scholen\">Mijn scholen"));
    assert!(!home.body.contains("href=\"/nl/inloggen\""));
    assert_eq!(home.header("vary"), "Cookie");
    let visitor = app.get("/nl/rollen/begeleider").await;
    assert!(visitor.body.contains("href=\"/nl/inloggen\""));
    assert!(!visitor.body.contains("Mijn scholen"));
    assert_ne!(home.header("etag"), visitor.header("etag"));
    // An ended session gets the visitor's page.
    let stale = app
        .get_with(
            "/nl/rollen/begeleider",
            &[("cookie", "raamwerk_session=0000")],
        )
        .await;
    assert_eq!(stale.body, visitor.body);

    // Someone of one school only sees nothing of the other; the answer is the same as for a
    // school that does not exist.
    let other = app.session(college.member.id).await;
    let refused = app
        .get_with("/nl/scholen/stedelijk-lyceum", &[("cookie", &other)])
        .await;
    let unknown = app
        .get_with("/nl/scholen/bestaat-niet", &[("cookie", &other)])
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);
    assert_eq!(refused.body, unknown.body);
    // Without a session, to the sign-in page.
    let anonymous = app.get("/nl/scholen/stedelijk-lyceum").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(anonymous.header("location").starts_with("/nl/inloggen"));
    app.stop().await;
}

async fn an_invitation_makes_a_new_member_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;

    let invited = invite(
        &app,
        &coordinator,
        "stedelijk-lyceum",
        "Nieuw@Lyceum.nl",
        "lid",
    )
    .await;
    assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
    assert!(invited.body.contains("nieuw@lyceum.nl"));
    // No SMTP configured: the page says so and shows the link to copy.
    assert!(
        invited.body.contains("geen e-mailserver ingesteld"),
        "{}",
        invited.body
    );
    let link = path_of(&copied_link(&invited, "invite-link"));
    assert!(link.starts_with("/nl/uitnodiging/"), "{link}");
    // The open invitation is listed.
    let members = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/leden",
            &[("cookie", &coordinator)],
        )
        .await;
    assert!(members.body.contains("nieuw@lyceum.nl"));

    let open = app.get(&link).await;
    assert_eq!(open.status, StatusCode::OK);
    assert!(open.body.contains("Stedelijk Lyceum"));
    assert!(open.body.contains("nieuw@lyceum.nl"));

    // A weak password is refused with the name kept; nothing is used up.
    let weak = app
        .post_form(
            &link,
            &[
                ("name", "Noor Nieuw"),
                ("password", "welkom123"),
                ("repeat", "welkom123"),
            ],
            &[],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("value=\"Noor Nieuw\""));
    assert!(!weak.body.contains("welkom123"));

    let accepted = app
        .post_form(
            &link,
            &[
                ("name", "Noor Nieuw"),
                ("password", PASSWORD),
                ("repeat", PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    assert_eq!(accepted.header("location"), "/nl/scholen/stedelijk-lyceum");
    let cookie = accepted
        .header("set-cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned();
    let school = app
        .get_with("/nl/scholen/stedelijk-lyceum", &[("cookie", &cookie)])
        .await;
    assert_eq!(school.status, StatusCode::OK);
    assert!(school.body.contains("<dd>lid</dd>"), "{}", school.body);

    // The new member is listed with the roles the invitation named; the invitation is gone.
    let members = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/leden",
            &[("cookie", &coordinator)],
        )
        .await;
    assert!(members.body.contains("Noor Nieuw"));
    assert!(
        members.body.contains("Er staan geen uitnodigingen open"),
        "{}",
        members.body
    );

    // The link works once.
    let again = app.get(&link).await;
    assert_eq!(again.status, StatusCode::GONE);
    assert!(again.body.contains("al aangenomen"), "{}", again.body);
    let reuse = app
        .post_form(
            &link,
            &[
                ("name", "Iemand Anders"),
                ("password", PASSWORD),
                ("repeat", PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(reuse.status, StatusCode::GONE);
    // An unknown token answers the same way as a spent one would, without details.
    let unknown = app.get("/nl/uitnodiging/onbekend").await;
    assert_eq!(unknown.status, StatusCode::GONE);

    // The audit log records both steps.
    let admin = app.session(lyceum.admin.id).await;
    let log = lyceum_log(&app, &admin).await;
    assert!(log.body.contains("uitgenodigd"));
    assert!(log.body.contains("uitnodiging aangenomen"));
    assert!(log.body.contains("Decaan Stedelijk Lyceum"));
    app.stop().await;
}

async fn reinviting_replaces_the_link_and_revoking_ends_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let first = path_of(&copied_link(
        &invite(&app, &admin, "stedelijk-lyceum", "kim@lyceum.nl", "lid").await,
        "invite-link",
    ));
    let second_page = invite(
        &app,
        &admin,
        "stedelijk-lyceum",
        "kim@lyceum.nl",
        "coordinator",
    )
    .await;
    let second = path_of(&copied_link(&second_page, "invite-link"));
    assert_ne!(first, second);
    let old = app.get(&first).await;
    assert_eq!(old.status, StatusCode::GONE);
    assert!(old.body.contains("ingetrokken"), "{}", old.body);
    let new = app.get(&second).await;
    assert_eq!(new.status, StatusCode::OK);
    assert!(new.body.contains("coördinator"), "{}", new.body);
    // One open invitation, not two.
    assert_eq!(
        second_page.body.matches("<td>kim@lyceum.nl</td>").count(),
        1
    );

    // Revoking: the form's action comes from the members page.
    let marker = "action=\"/nl/scholen/stedelijk-lyceum/uitnodigingen/";
    let start = second_page.body.find(marker).expect("revoke form") + "action=\"".len();
    let end = second_page.body[start..].find('"').expect("end") + start;
    let revoke = second_page.body[start..end].to_owned();
    let done = app.post_form(&revoke, &[], &[("cookie", &admin)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let gone = app.get(&second).await;
    assert_eq!(gone.status, StatusCode::GONE);
    // Revoking twice finds nothing to revoke.
    let twice = app.post_form(&revoke, &[], &[("cookie", &admin)]).await;
    assert_eq!(twice.status, StatusCode::NOT_FOUND);
    let log = lyceum_log(&app, &admin).await;
    assert!(log.body.contains("uitnodiging ingetrokken"));
    app.stop().await;
}

async fn an_expired_invitation_says_so(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let link = path_of(&copied_link(
        &invite(&app, &admin, "stedelijk-lyceum", "kim@lyceum.nl", "lid").await,
        "invite-link",
    ));
    app.sql("UPDATE invitations SET expires_at = 1").await;
    let page = app.get(&link).await;
    assert_eq!(page.status, StatusCode::GONE);
    assert!(page.body.contains("verlopen"), "{}", page.body);
    let accept = app
        .post_form(
            &link,
            &[
                ("name", "Kim"),
                ("password", PASSWORD),
                ("repeat", PASSWORD),
            ],
            &[],
        )
        .await;
    assert_eq!(accept.status, StatusCode::GONE);
    assert!(
        app.state
            .store
            .user_by_email(&Email::parse("kim@lyceum.nl").expect("valid"))
            .await
            .expect("lookup")
            .is_none()
    );
    // The members page marks it as expired, so it can be sent again.
    let members = app
        .get_with("/nl/scholen/stedelijk-lyceum/leden", &[("cookie", &admin)])
        .await;
    assert!(members.body.contains("verlopen"));
    app.stop().await;
}

async fn inviting_checks_what_is_typed_and_who_asks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;

    let bad = invite(
        &app,
        &coordinator,
        "stedelijk-lyceum",
        "geen adres <script>",
        "lid",
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("aria-invalid=\"true\""));
    assert!(
        bad.body.contains("value=\"geen adres &#60;script&#62;\"")
            || bad.body.contains("value=\"geen adres &lt;script&gt;\""),
        "{}",
        bad.body
    );
    assert!(!bad.body.contains("<script>"));

    let already = invite(
        &app,
        &coordinator,
        "stedelijk-lyceum",
        "mentor@lyceum.nl",
        "lid",
    )
    .await;
    assert_eq!(already.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(already.body.contains("hoort al bij een lid"));

    // A coordinator cannot make anyone an administrator.
    let too_much = invite(
        &app,
        &coordinator,
        "stedelijk-lyceum",
        "kim@lyceum.nl",
        "schoolbeheerder",
    )
    .await;
    assert_eq!(too_much.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        too_much
            .body
            .contains("bevoegdheid in deze school staat dit niet toe")
    );

    // A member may not invite; a stranger and someone signed out get nothing.
    let member = app.session(lyceum.member.id).await;
    let refused = invite(&app, &member, "stedelijk-lyceum", "kim@lyceum.nl", "lid").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let anonymous = invite(&app, "", "stedelijk-lyceum", "kim@lyceum.nl", "lid").await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    // A form posted from another site is refused before anything is read.
    let forged = app
        .post_form(
            "/nl/scholen/stedelijk-lyceum/uitnodigingen",
            &[("email", "kim@lyceum.nl"), ("permission", "lid")],
            &[("cookie", &coordinator), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(
        app.state
            .store
            .invitations(lyceum.school.id)
            .await
            .expect("invitations")
            .is_empty()
    );
    app.stop().await;
}

async fn an_existing_account_accepts_with_its_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    // The college's mentor has a password.
    let token = app
        .state
        .store
        .create_password_link(college.member.id)
        .await
        .expect("link");
    let set = app
        .post_form(
            &format!("/nl/wachtwoord-instellen/{token}"),
            &[("password", PASSWORD), ("repeat", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);

    let admin = app.session(lyceum.admin.id).await;
    let link = path_of(&copied_link(
        &invite(&app, &admin, "stedelijk-lyceum", "mentor@roc.nl", "lid").await,
        "invite-link",
    ));
    let open = app.get(&link).await;
    assert_eq!(open.status, StatusCode::OK);
    // Asks for the password, not for a name.
    assert!(!open.body.contains("name=\"name\""));
    assert!(open.body.contains("name=\"password\""));

    let wrong = app
        .post_form(&link, &[("password", "niet het wachtwoord")], &[])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let right = app.post_form(&link, &[("password", PASSWORD)], &[]).await;
    assert_eq!(right.status, StatusCode::SEE_OTHER, "{}", right.body);
    assert_eq!(right.header("location"), "/nl/scholen/stedelijk-lyceum");
    let schools = app
        .state
        .store
        .my_schools(college.member.id)
        .await
        .expect("schools");
    assert_eq!(schools.len(), 2);
    app.stop().await;
}

/// The member page's form action for a change.
fn member_path(short: &str, user: &User, op: &str) -> String {
    format!("/nl/scholen/{short}/leden/{}/{op}", user.id)
}

async fn coordinators_and_administrators_manage_members(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let admin = app.session(lyceum.admin.id).await;
    let short = "stedelijk-lyceum";

    // The coordinator gives the mentor a second role and makes them coordinator.
    let roles = app
        .post_form(
            &member_path(short, &lyceum.member, "rollen"),
            &[("role_beg", "on"), ("role_coo", "on")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(roles.status, StatusCode::SEE_OTHER);
    let permission = app
        .post_form(
            &member_path(short, &lyceum.member, "bevoegdheid"),
            &[("permission", "coordinator")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(permission.status, StatusCode::SEE_OTHER);
    let page = app
        .get_with(
            &format!("/nl/scholen/{short}/leden/{}", lyceum.member.id),
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<dd>coördinator</dd>"), "{}", page.body);
    let membership = app
        .state
        .store
        .membership(lyceum.school.id, lyceum.member.id)
        .await
        .expect("lookup")
        .expect("member");
    assert_eq!(membership.permission, Permission::Coordinator);
    assert_eq!(
        membership.roles,
        FrameworkRoles::new([Role::Mentor, Role::Coordinator])
    );

    // A coordinator cannot touch an administrator's permission, nor make an administrator.
    for (target, value) in [(&lyceum.admin, "lid"), (&lyceum.member, "schoolbeheerder")] {
        let refused = app
            .post_form(
                &member_path(short, target, "bevoegdheid"),
                &[("permission", value)],
                &[("cookie", &coordinator)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.body.contains("staat dit niet toe"));
    }
    // A permission that does not exist is a clear message too.
    let nonsense = app
        .post_form(
            &member_path(short, &lyceum.member, "bevoegdheid"),
            &[("permission", "koning")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(nonsense.status, StatusCode::UNPROCESSABLE_ENTITY);

    // The only administrator cannot step down or leave.
    for (op, form) in [
        ("bevoegdheid", vec![("permission", "lid")]),
        ("deactiveren", vec![]),
        ("verwijderen", vec![("confirm", "on")]),
    ] {
        let refused = app
            .post_form(
                &member_path(short, &lyceum.admin, op),
                &form,
                &[("cookie", &admin)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{op}");
        assert!(
            refused.body.contains("geen actieve schoolbeheerder"),
            "{op}"
        );
    }
    // With a second administrator, they can.
    let promote = app
        .post_form(
            &member_path(short, &lyceum.coordinator, "bevoegdheid"),
            &[("permission", "schoolbeheerder")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(promote.status, StatusCode::SEE_OTHER);
    let step_down = app
        .post_form(
            &member_path(short, &lyceum.admin, "bevoegdheid"),
            &[("permission", "lid")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(step_down.status, StatusCode::SEE_OTHER);
    // Having stepped down, the former administrator is sent to choose a school again.
    assert_eq!(step_down.header("location"), "/nl/scholen");
    let no_longer = app
        .get_with(&format!("/nl/scholen/{short}/leden"), &[("cookie", &admin)])
        .await;
    assert_eq!(no_longer.status, StatusCode::FORBIDDEN);

    // Removing asks for a confirmation first, and explains what happens to the data.
    let new_admin = app.session(lyceum.coordinator.id).await;
    let page = app
        .get_with(
            &format!("/nl/scholen/{short}/leden/{}", lyceum.member.id),
            &[("cookie", &new_admin)],
        )
        .await;
    assert!(page.body.contains("name=\"confirm\""));
    let unconfirmed = app
        .post_form(
            &member_path(short, &lyceum.member, "verwijderen"),
            &[],
            &[("cookie", &new_admin)],
        )
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        app.state
            .store
            .membership(lyceum.school.id, lyceum.member.id)
            .await
            .expect("lookup")
            .is_some()
    );
    app.stop().await;
}

async fn a_deactivated_or_removed_member_opens_nothing_of_the_school(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let member = app.session(lyceum.member.id).await;
    let short = "stedelijk-lyceum";
    let school = format!("/nl/scholen/{short}");
    assert_eq!(
        app.get_with(&school, &[("cookie", &member)]).await.status,
        StatusCode::OK
    );

    let off = app
        .post_form(
            &member_path(short, &lyceum.member, "deactiveren"),
            &[],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(off.status, StatusCode::SEE_OTHER);
    // At once, with the session they already had.
    assert_eq!(
        app.get_with(&school, &[("cookie", &member)]).await.status,
        StatusCode::NOT_FOUND
    );
    let choose = app.get_with("/nl/scholen", &[("cookie", &member)]).await;
    assert!(!choose.body.contains(&format!("href=\"{school}\"")));
    assert!(
        choose.body.contains("Stedelijk Lyceum"),
        "listed as inactive"
    );
    let members = app
        .get_with(&format!("{school}/leden"), &[("cookie", &admin)])
        .await;
    assert!(members.body.contains("gedeactiveerd"), "{}", members.body);

    let on = app
        .post_form(
            &member_path(short, &lyceum.member, "activeren"),
            &[],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(on.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get_with(&school, &[("cookie", &member)]).await.status,
        StatusCode::OK
    );

    let removed = app
        .post_form(
            &member_path(short, &lyceum.member, "verwijderen"),
            &[("confirm", "on")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        removed.header("location"),
        format!("{school}/leden?klaar=verwijderd")
    );
    assert_eq!(
        app.get_with(&school, &[("cookie", &member)]).await.status,
        StatusCode::NOT_FOUND
    );
    // The account stays (it may belong to other schools); the membership is gone.
    let user = app
        .state
        .store
        .user_by_email(&lyceum.member.email)
        .await
        .expect("lookup");
    assert!(user.is_some());
    assert!(
        app.state
            .store
            .membership(lyceum.school.id, lyceum.member.id)
            .await
            .expect("lookup")
            .is_none()
    );
    // The member page of someone who left is not found.
    let gone = app
        .get_with(
            &format!("{school}/leden/{}", lyceum.member.id),
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn the_audit_log_is_for_administrators_and_forgets_erased_accounts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let log = "/nl/scholen/stedelijk-lyceum/logboek";
    let roles = app
        .post_form(
            &member_path("stedelijk-lyceum", &lyceum.member, "rollen"),
            &[("role_spe", "on")],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(roles.status, StatusCode::SEE_OTHER);

    let page = app.get_with(log, &[("cookie", &admin)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.header("cache-control"), "no-store");
    assert!(page.body.contains("rollen gewijzigd"));
    assert!(page.body.contains("Mentor Stedelijk Lyceum"));
    assert!(page.body.contains("Beheerder Stedelijk Lyceum"));

    for (cookie, status) in [
        (
            app.session(lyceum.coordinator.id).await,
            StatusCode::FORBIDDEN,
        ),
        (app.session(lyceum.member.id).await, StatusCode::FORBIDDEN),
        (app.session(college.admin.id).await, StatusCode::NOT_FOUND),
    ] {
        let refused = app.get_with(log, &[("cookie", &cookie)]).await;
        assert_eq!(refused.status, status);
        assert!(!refused.body.contains("rollen gewijzigd"));
    }

    // The mentor erases their account: the entry stays, without their name.
    let token = app
        .state
        .store
        .create_password_link(lyceum.member.id)
        .await
        .expect("link");
    app.post_form(
        &format!("/nl/wachtwoord-instellen/{token}"),
        &[("password", PASSWORD), ("repeat", PASSWORD)],
        &[],
    )
    .await;
    let member = app.session(lyceum.member.id).await;
    // Their data download lists the entries that name them.
    let data = app
        .get_with("/nl/account/gegevens.json", &[("cookie", &member)])
        .await;
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("JSON");
    let entries = data["audit_log"].as_array().expect("audit_log");
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["action"], "member.roles");
    assert_eq!(entries[0]["school"], "Stedelijk Lyceum");
    assert_eq!(entries[0]["detail"], "SPE");
    assert_eq!(entries[0]["by_you"], false);
    let erased = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &member)],
        )
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER, "{}", erased.body);
    let page = app.get_with(log, &[("cookie", &admin)]).await;
    assert!(page.body.contains("rollen gewijzigd"));
    assert!(!page.body.contains("Mentor Stedelijk Lyceum"));
    assert!(!page.body.contains("mentor@lyceum.nl"));
    app.stop().await;
}

async fn an_administrator_makes_a_password_link_for_a_member(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "ROC Rivierenland", "roc.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let made = app
        .post_form(
            &member_path("stedelijk-lyceum", &lyceum.member, "wachtwoordlink"),
            &[],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let link = path_of(&copied_link(&made, "password-link"));
    let set = app
        .post_form(&link, &[("password", PASSWORD), ("repeat", PASSWORD)], &[])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    let signed_in = app
        .post_form(
            "/nl/inloggen",
            &[("email", "mentor@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);

    // A coordinator may not; and nobody may for someone who also belongs to another school.
    let coordinator = app.session(lyceum.coordinator.id).await;
    let refused = app
        .post_form(
            &member_path("stedelijk-lyceum", &lyceum.member, "wachtwoordlink"),
            &[],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    person(
        &app,
        &college.school,
        "mentor@lyceum.nl",
        "-",
        Permission::Member,
        &[],
    )
    .await;
    let shared = app
        .post_form(
            &member_path("stedelijk-lyceum", &lyceum.member, "wachtwoordlink"),
            &[],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(shared.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(shared.body.contains("Wachtwoord vergeten"));
    assert!(!shared.body.contains("id=\"password-link\""));
    app.stop().await;
}

async fn the_last_administrator_cannot_erase_their_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let token = app
        .state
        .store
        .create_password_link(lyceum.admin.id)
        .await
        .expect("link");
    app.post_form(
        &format!("/nl/wachtwoord-instellen/{token}"),
        &[("password", PASSWORD), ("repeat", PASSWORD)],
        &[],
    )
    .await;
    let admin = app.session(lyceum.admin.id).await;
    let refused = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.body.contains("Stedelijk Lyceum"),
        "{}",
        refused.body
    );
    assert!(
        app.state
            .store
            .user_by_email(&lyceum.admin.email)
            .await
            .expect("lookup")
            .is_some()
    );
    // Once someone else administers the school, the account can go.
    app.state
        .store
        .manage_member(
            lyceum.school.id,
            lyceum.admin.id,
            lyceum.coordinator.id,
            &domain::members::MemberAction::SetPermission(Permission::Administrator),
        )
        .await
        .expect("promote");
    let erased = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    app.stop().await;
}

async fn an_administrator_changes_the_school_details(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let settings = "/nl/scholen/stedelijk-lyceum/instellingen";
    let page = app.get_with(settings, &[("cookie", &admin)]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("value=\"Stedelijk Lyceum\""));
    assert!(page.body.contains("value=\"800\""));

    // Every problem at once, the input kept, nothing stored.
    let bad = app
        .post_form(
            settings,
            &[
                ("school_name", "Stedelijk <b>Lyceum</b> Zuid"),
                ("students", "-5"),
                ("region", "XX"),
                ("brin", "123"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.body.matches("<li><a href=\"#").count(),
        4,
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"-5\""));
    assert!(!bad.body.contains("<b>Lyceum</b>"));
    let school = app
        .state
        .store
        .school(lyceum.school.id)
        .await
        .expect("lookup")
        .expect("school");
    assert_eq!(school.name.as_str(), "Stedelijk Lyceum");

    let saved = app
        .post_form(
            settings,
            &[
                ("school_name", "Stedelijk Lyceum Zuid"),
                ("sector_vo", "on"),
                ("sector_mbo", "on"),
                ("students", "1.250"),
                ("region", "GE"),
                ("brin", "12ab"),
            ],
            &[("cookie", &admin)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    // The address stays; the new name shows at once, also to a colleague already signed in.
    let member = app.session(lyceum.member.id).await;
    let start = app
        .get_with("/nl/scholen/stedelijk-lyceum", &[("cookie", &member)])
        .await;
    assert!(start.body.contains("Stedelijk Lyceum Zuid"));
    let school = app
        .state
        .store
        .school(lyceum.school.id)
        .await
        .expect("lookup")
        .expect("school");
    assert_eq!(school.students.get(), 1250);
    assert_eq!(school.sectors.to_string(), "vo,mbo");
    assert_eq!(school.brin.as_ref().map(|b| b.as_str()), Some("12AB"));
    let log = lyceum_log(&app, &admin).await;
    assert!(log.body.contains("schoolgegevens gewijzigd"));

    // Coordinators and members may not.
    for user in [&lyceum.coordinator, &lyceum.member] {
        let cookie = app.session(user.id).await;
        let refused = app
            .post_form(
                settings,
                &[("school_name", "Overgenomen"), ("students", "10")],
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    app.stop().await;
}
