//! Inviting people and accepting invitations: once, replaced, revoked, expired, checked,
//! and accepted by an existing account with its password; on both backends.

use axum::http::StatusCode;
use domain::account::Email;

use crate::helpers::team::{PASSWORD, copied_link, invite, lyceum_log, path_of, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    an_invitation_makes_a_new_member_once,
    reinviting_replaces_the_link_and_revoking_ends_it,
    an_expired_invitation_says_so,
    inviting_checks_what_is_typed_and_who_asks,
    an_existing_account_accepts_with_its_password,
);

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
    let end = second_page.body.find("/intrekken\"").expect("revoke form") + "/intrekken".len();
    let start = second_page.body[..end]
        .rfind("action=\"")
        .expect("its action")
        + "action=\"".len();
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
