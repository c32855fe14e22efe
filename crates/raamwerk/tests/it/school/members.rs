//! Managing a school's members: choosing the school to work in, changing permissions and
//! roles, deactivating and removing, password links for members and the last administrator;
//! through the real router on both backends.

use axum::http::StatusCode;
use domain::Role;
use domain::account::{FrameworkRoles, Permission};

use crate::helpers::team::{PASSWORD, copied_link, member_path, path_of, person, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_person_chooses_the_school_to_work_in,
    coordinators_and_administrators_manage_members,
    a_deactivated_or_removed_member_opens_nothing_of_the_school,
    an_administrator_makes_a_password_link_for_a_member,
    the_last_administrator_cannot_erase_their_account,
);

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
