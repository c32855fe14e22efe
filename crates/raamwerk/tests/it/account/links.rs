//! One-time links keep to the rules they were made under: an administrator's password link
//! works only while its maker is still an administrator of the school and the person
//! belongs to that school alone; links others made end when the person signs in, sets a
//! password or joins another school; an invitation works only while its sender could still
//! send it. Through the real router on both backends.

use axum::http::StatusCode;
use domain::account::{Permission, UserId};

use crate::helpers::links::{administrator_link, set_own_password};
use crate::helpers::team::{PASSWORD, copied_link, invite, lyceum_log, path_of, team};
use crate::helpers::{Backend, Page, TestApp, on_both_backends};

on_both_backends!(
    a_link_kept_from_before_another_school_took_the_person_in_opens_nothing,
    an_administrators_link_holds_only_while_its_rules_do,
    links_others_made_end_when_the_person_acts,
    an_invitation_holds_only_while_its_sender_could_still_send_it,
);

/// The password someone who holds an old link tries to set.
const TAKEOVER: &str = "overname via een oude link";

/// The member page's action `op` (`bevoegdheid`, `deactiveren`, …) on `member` of `short`'s
/// school, posted with `cookie`; it must succeed.
async fn manage(
    app: &TestApp,
    cookie: &str,
    short: &str,
    member: UserId,
    op: &str,
    form: &[(&str, &str)],
) {
    let path = format!("/nl/scholen/{short}/leden/{member}/{op}");
    let done = app.post_form(&path, form, &[("cookie", cookie)]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{path}: {}", done.body);
}

/// Signs in through the form; the answer.
async fn sign_in(app: &TestApp, email: &str, password: &str) -> Page {
    app.post_form(
        "/nl/inloggen",
        &[("email", email), ("password", password)],
        &[],
    )
    .await
}

/// Opening and using `link` both answer 410 (with `why` on the page, when given), and the
/// password it tried to set does not open the account.
async fn refused(app: &TestApp, link: &str, email: &str, why: Option<&str>) {
    let shown = app.get(link).await;
    assert_eq!(shown.status, StatusCode::GONE, "{}", shown.body);
    assert!(!shown.body.contains("name=\"password\""), "{}", shown.body);
    let used = app
        .post_form(link, &[("password", TAKEOVER), ("repeat", TAKEOVER)], &[])
        .await;
    assert_eq!(used.status, StatusCode::GONE, "{}", used.body);
    if let Some(why) = why {
        assert!(shown.body.contains(why), "{}", shown.body);
        assert!(used.body.contains(why), "{}", used.body);
    }
    let taken = sign_in(app, email, TAKEOVER).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "{email}");
}

/// The report's chain: B's administrator keeps a link for a member of B alone; A invites
/// that person as coordinator and they accept with their own password; the old link then
/// opens nothing, so B's administrator cannot enter A as them.
async fn a_link_kept_from_before_another_school_took_the_person_in_opens_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let b = team(&app, "ROC Rivierenland", "roc.nl").await;
    set_own_password(&app, b.member.id, PASSWORD).await;
    let b_admin = app.session(b.admin.id).await;
    let kept = administrator_link(&app, &b_admin, "roc-rivierenland", &b.member).await;
    // Until the person moves, the link works.
    assert_eq!(app.get(&kept).await.status, StatusCode::OK);

    let a_admin = app.session(a.admin.id).await;
    let invitation = path_of(&copied_link(
        &invite(
            &app,
            &a_admin,
            "stedelijk-lyceum",
            "mentor@roc.nl",
            "coordinator",
        )
        .await,
        "invite-link",
    ));
    let accepted = app
        .post_form(&invitation, &[("password", PASSWORD)], &[])
        .await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);

    refused(&app, &kept, "mentor@roc.nl", None).await;
    // The person still signs in with their own password and works in A.
    let own = sign_in(&app, "mentor@roc.nl", PASSWORD).await;
    assert_eq!(own.status, StatusCode::SEE_OTHER);
    // And B's administrator still may not make a new link for them.
    let again = app
        .post_form(
            &format!(
                "/nl/scholen/roc-rivierenland/leden/{}/wachtwoordlink",
                b.member.id
            ),
            &[],
            &[("cookie", &b_admin)],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!again.body.contains("id=\"password-link\""));
    app.stop().await;
}

/// Each rule of the link is checked again when it is used, also when nothing revoked it.
async fn an_administrators_link_holds_only_while_its_rules_do(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let b = team(&app, "ROC Rivierenland", "roc.nl").await;
    let b_admin = app.session(b.admin.id).await;
    let short = "roc-rivierenland";

    // The page says how long the link works.
    let page = app
        .get_with(
            &format!("/nl/scholen/{short}/leden/{}", b.member.id),
            &[("cookie", &b_admin)],
        )
        .await;
    assert!(page.body.contains("werkt 24 uur"), "{}", page.body);

    // The person joins A by a way that revokes nothing (a membership written by another
    // tool, straight into the database): the check at use still refuses.
    let joined = administrator_link(&app, &b_admin, short, &b.member).await;
    app.sql(&format!(
        "INSERT INTO memberships (school_id, user_id, permission, roles, active, created_at) \
         VALUES ({}, {}, 'coordinator', '', 1, 0)",
        sql_id(&app, a.school.id.0),
        sql_id(&app, b.member.id.0)
    ))
    .await;
    refused(
        &app,
        &joined,
        "mentor@roc.nl",
        Some("hoort nu ook bij een andere school"),
    )
    .await;
    app.sql(&format!(
        "DELETE FROM memberships WHERE school_id = {} AND user_id = {}",
        sql_id(&app, a.school.id.0),
        sql_id(&app, b.member.id.0)
    ))
    .await;

    // The maker stops being an administrator: their link stops with it.
    let second_admin = crate::helpers::team::person(
        &app,
        &b.school,
        "tweede@roc.nl",
        "Tweede Beheerder",
        Permission::Administrator,
        &[],
    )
    .await;
    let demoted = administrator_link(&app, &b_admin, short, &b.member).await;
    let second = app.session(second_admin.id).await;
    let coordinator = [("permission", "coordinator")];
    manage(
        &app,
        &second,
        short,
        b.admin.id,
        "bevoegdheid",
        &coordinator,
    )
    .await;
    refused(
        &app,
        &demoted,
        "mentor@roc.nl",
        Some("geen actieve schoolbeheerder meer"),
    )
    .await;

    // A deactivated maker, likewise.
    let deactivated = administrator_link(&app, &second, short, &b.member).await;
    let administrator = [("permission", "schoolbeheerder")];
    manage(
        &app,
        &second,
        short,
        b.admin.id,
        "bevoegdheid",
        &administrator,
    )
    .await;
    let b_admin = app.session(b.admin.id).await;
    manage(&app, &b_admin, short, second_admin.id, "deactiveren", &[]).await;
    refused(
        &app,
        &deactivated,
        "mentor@roc.nl",
        Some("geen actieve schoolbeheerder meer"),
    )
    .await;

    // The person leaves the school: the school's link no longer reaches them.
    let left = administrator_link(&app, &b_admin, short, &b.member).await;
    manage(
        &app,
        &b_admin,
        short,
        b.member.id,
        "verwijderen",
        &[("confirm", "on")],
    )
    .await;
    refused(
        &app,
        &left,
        "mentor@roc.nl",
        Some("hoort niet meer bij de school"),
    )
    .await;

    // A link whose rules still hold works once, and the log says who made it and that it
    // was used.
    let used = administrator_link(&app, &b_admin, short, &b.coordinator).await;
    let set = app
        .post_form(&used, &[("password", PASSWORD), ("repeat", PASSWORD)], &[])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    assert_eq!(app.get(&used).await.status, StatusCode::GONE);
    assert_eq!(
        sign_in(&app, "decaan@roc.nl", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let log = app
        .get_with(
            &format!("/nl/scholen/{short}/logboek"),
            &[("cookie", &b_admin)],
        )
        .await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(
        log.body.contains("link voor nieuw wachtwoord gebruikt"),
        "{}",
        log.body
    );
    assert!(log.body.contains("link voor nieuw wachtwoord gemaakt"));
    // Nothing of this reached A's log.
    let a_admin = app.session(a.admin.id).await;
    let a_log = lyceum_log(&app, &a_admin).await;
    assert!(!a_log.body.contains("link voor nieuw wachtwoord"));
    app.stop().await;
}

/// Signing in and setting a password end the links someone else made; the person's own
/// forgotten-password link is theirs and outlives a sign-in.
async fn links_others_made_end_when_the_person_acts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let b = team(&app, "ROC Rivierenland", "roc.nl").await;
    let b_admin = app.session(b.admin.id).await;
    let short = "roc-rivierenland";

    // The person sets a password themselves first: the administrator's link ends.
    let before = administrator_link(&app, &b_admin, short, &b.member).await;
    set_own_password(&app, b.member.id, PASSWORD).await;
    refused(&app, &before, "mentor@roc.nl", None).await;

    // The person signs in: the administrator's link ends, their own does not.
    let others = administrator_link(&app, &b_admin, short, &b.member).await;
    let own = app
        .state
        .store
        .create_password_link(b.member.id)
        .await
        .expect("link");
    let own = format!("/nl/wachtwoord-instellen/{own}");
    assert_eq!(
        sign_in(&app, "mentor@roc.nl", PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    refused(&app, &others, "mentor@roc.nl", None).await;
    assert_eq!(app.get(&own).await.status, StatusCode::OK);

    // Setting a password with one link ends every other open link of the person.
    let third = administrator_link(&app, &b_admin, short, &b.member).await;
    let set = app
        .post_form(&own, &[("password", PASSWORD), ("repeat", PASSWORD)], &[])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER);
    refused(&app, &third, "mentor@roc.nl", None).await;
    app.stop().await;
}

/// An invitation is checked again when it is accepted: its sender must still be an active
/// member who may send it.
async fn an_invitation_holds_only_while_its_sender_could_still_send_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let a = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let short = "stedelijk-lyceum";
    let admin = app.session(a.admin.id).await;
    let coordinator = app.session(a.coordinator.id).await;

    // The coordinator invites a mentor, then is deactivated.
    let by_coordinator = path_of(&copied_link(
        &invite(&app, &coordinator, short, "nieuw@lyceum.nl", "lid").await,
        "invite-link",
    ));
    assert_eq!(app.get(&by_coordinator).await.status, StatusCode::OK);
    // An administrator invites another administrator, then becomes a coordinator.
    let second_admin = crate::helpers::team::person(
        &app,
        &a.school,
        "tweede@lyceum.nl",
        "Tweede Beheerder",
        Permission::Administrator,
        &[],
    )
    .await;
    let second = app.session(second_admin.id).await;
    let by_admin = path_of(&copied_link(
        &invite(&app, &second, short, "bestuur@lyceum.nl", "schoolbeheerder").await,
        "invite-link",
    ));
    // And a coordinator invitation by the administrator who stays: it keeps working.
    let kept = path_of(&copied_link(
        &invite(&app, &admin, short, "blijft@lyceum.nl", "coordinator").await,
        "invite-link",
    ));

    manage(&app, &admin, short, a.coordinator.id, "deactiveren", &[]).await;
    let coordinator = [("permission", "coordinator")];
    manage(
        &app,
        &admin,
        short,
        second_admin.id,
        "bevoegdheid",
        &coordinator,
    )
    .await;

    let why = "Deze uitnodiging geldt niet meer";
    for (link, email) in [
        (&by_coordinator, "nieuw@lyceum.nl"),
        (&by_admin, "bestuur@lyceum.nl"),
    ] {
        let shown = app.get(link).await;
        assert_eq!(shown.status, StatusCode::GONE, "{}", shown.body);
        assert!(shown.body.contains(why), "{}", shown.body);
        let accepted = app
            .post_form(
                link,
                &[
                    ("name", "Nieuwe Collega"),
                    ("password", PASSWORD),
                    ("repeat", PASSWORD),
                ],
                &[],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::GONE, "{}", accepted.body);
        assert!(accepted.body.contains(why));
        let account = app
            .state
            .store
            .user_by_email(&domain::account::Email::parse(email).expect("valid"))
            .await
            .expect("lookup");
        assert!(account.is_none(), "{email} got an account");
    }
    // The members page says which invitations lapsed.
    let members = app
        .get_with(&format!("/nl/scholen/{short}/leden"), &[("cookie", &admin)])
        .await;
    assert_eq!(
        members.body.matches("vervallen (wie uitnodigde").count(),
        2,
        "{}",
        members.body
    );

    // Reactivated, the coordinator's invitation holds again (it was never spent).
    manage(&app, &admin, short, a.coordinator.id, "activeren", &[]).await;
    for link in [&by_coordinator, &kept] {
        let accepted = app
            .post_form(
                link,
                &[
                    ("name", "Nieuwe Collega"),
                    ("password", PASSWORD),
                    ("repeat", PASSWORD),
                ],
                &[],
            )
            .await;
        assert_eq!(accepted.status, StatusCode::SEE_OTHER, "{}", accepted.body);
    }
    app.stop().await;
}

/// A UUID as a literal of the test's database (a blob on SQLite, a uuid on PostgreSQL).
fn sql_id(app: &TestApp, id: uuid::Uuid) -> String {
    if app.database_url().starts_with("sqlite") {
        format!("X'{}'", id.simple())
    } else {
        format!("'{id}'")
    }
}
