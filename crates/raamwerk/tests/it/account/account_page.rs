//! A person's own account: downloading their data, signing out everywhere, the privacy
//! page, deleting the account and changing their own roles; on both backends.

use axum::http::StatusCode;
use domain::account::{Email, FrameworkRoles, Permission, PersonName};

use crate::helpers::account::{PASSWORD, anna, set_password, sign_in};
use crate::helpers::{Backend, TestApp, new_school, on_both_backends};

on_both_backends!(
    a_person_downloads_their_data_and_signs_out_everywhere,
    the_privacy_page_says_what_is_kept,
    a_person_deletes_their_account_after_confirming_with_their_password,
    a_person_changes_their_own_roles_in_their_own_schools_only,
);

async fn a_person_downloads_their_data_and_signs_out_everywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;
    let laptop = sign_in(&app).await;
    let phone = sign_in(&app).await;

    assert_eq!(
        app.get("/nl/account/gegevens.json").await.status,
        StatusCode::SEE_OTHER,
        "only for the person"
    );
    let download = app
        .get_with("/en/account/data.json", &[("cookie", &laptop)])
        .await;
    assert_eq!(download.status, StatusCode::OK);
    assert!(
        download
            .header("content-disposition")
            .starts_with("attachment")
    );
    assert_eq!(download.header("cache-control"), "no-store");
    let data: serde_json::Value = serde_json::from_str(&download.body).expect("JSON");
    assert_eq!(data["format"], "raamwerk-personal-data/6");
    let exported = data["exported_at"].as_str().expect("a time");
    assert!(
        exported.len() == 20 && exported.ends_with('Z') && exported.as_bytes()[10] == b'T',
        "ISO 8601: {exported}"
    );
    assert_eq!(data["account"]["email"], "anna@lyceum.nl");
    assert_eq!(
        data["account"]["name"], "Anna <i>de</i> Wit",
        "raw in JSON; escaping is for HTML"
    );
    assert_eq!(data["account"]["has_password"], true);
    assert_eq!(
        data["memberships"][0]["school"]["name"],
        "Het <b>Lyceum</b>"
    );
    assert_eq!(data["memberships"][0]["permission"], "schoolbeheerder");
    assert_eq!(
        data["memberships"][0]["roles"],
        serde_json::json!(["BEG", "COO"])
    );
    assert_eq!(data["active_sessions"], 2);
    assert!(
        !download.body.contains("argon2"),
        "no password hash in the download"
    );

    let forged = app
        .post_form(
            "/nl/overal-uitloggen",
            &[],
            &[("cookie", &laptop), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let out = app
        .post_form("/nl/overal-uitloggen", &[], &[("cookie", &laptop)])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    for cookie in [laptop, phone] {
        assert_eq!(
            app.get_with("/nl/account", &[("cookie", &cookie)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
    app.stop().await;
}

async fn the_privacy_page_says_what_is_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let nl = app.get("/nl/privacy").await;
    assert_eq!(nl.status, StatusCode::OK);
    assert!(
        nl.body
            .contains("geen gegevens over leerlingen of studenten")
    );
    assert!(nl.body.contains("14 dagen"));
    let en = app.get("/en/privacy").await;
    assert!(en.body.contains("no data about students"));
    let home = app.get("/nl/").await;
    assert!(
        home.body.contains(r#"<a href="/nl/privacy">Privacy</a>"#),
        "linked from every page"
    );
    app.stop().await;
}

async fn a_person_deletes_their_account_after_confirming_with_their_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;
    let store = &app.state.store;
    let school = store.memberships_of(user.id).await.expect("lookup")[0].school;
    let colleague = store
        .create_user(
            &Email::parse("bas@lyceum.nl").expect("valid"),
            &PersonName::parse("Bas").expect("valid"),
        )
        .await
        .expect("user");
    // A second administrator: the only one could not leave (members.rs tests that).
    store
        .add_member(
            school,
            colleague.id,
            Permission::Administrator,
            &FrameworkRoles::default(),
        )
        .await
        .expect("member");
    let cookie = sign_in(&app).await;

    let account = app.get_with("/nl/account", &[("cookie", &cookie)]).await;
    assert!(account.body.contains("Account definitief verwijderen"));
    let wrong = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", "niet mijn wachtwoord")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("Er is niets verwijderd"));
    assert!(
        store
            .user_by_email(&user.email)
            .await
            .expect("lookup")
            .is_some()
    );
    let forged = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &cookie), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(
        store
            .user_by_email(&user.email)
            .await
            .expect("lookup")
            .is_some()
    );
    let anonymous = app
        .post_form("/en/account/delete", &[("password", PASSWORD)], &[])
        .await;
    assert_eq!(anonymous.header("location"), "/en/sign-in");

    let deleted = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    assert_eq!(deleted.header("location"), "/nl/inloggen?klaar=verwijderd");
    assert!(deleted.header("set-cookie").contains("Max-Age=0"));
    assert!(
        app.get("/nl/inloggen?klaar=verwijderd")
            .await
            .body
            .contains("Je account en al je gegevens zijn verwijderd")
    );
    assert!(
        store
            .user_by_email(&user.email)
            .await
            .expect("lookup")
            .is_none(),
        "the account is gone"
    );
    assert!(
        store
            .membership(school, user.id)
            .await
            .expect("lookup")
            .is_none(),
        "and its membership"
    );
    assert_eq!(
        app.get_with("/nl/account", &[("cookie", &cookie)])
            .await
            .status,
        StatusCode::SEE_OTHER,
        "and its sessions"
    );
    let members = store.members(school).await.expect("members");
    assert_eq!(members.len(), 1, "the colleague stays");
    assert_eq!(members[0].0.id, colleague.id);
    app.stop().await;
}

async fn a_person_changes_their_own_roles_in_their_own_schools_only(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;
    let store = &app.state.store;
    let own = store.memberships_of(user.id).await.expect("lookup")[0].school;
    let elsewhere = store
        .create_school(&new_school("Ander College"))
        .await
        .expect("school");
    let cookie = sign_in(&app).await;

    let account = app.get_with("/nl/account", &[("cookie", &cookie)]).await;
    assert!(
        account
            .body
            .contains(r#"<input type="checkbox" name="role_beg" checked>"#)
    );
    assert!(
        account
            .body
            .contains(r#"<input type="checkbox" name="role_spe">"#)
    );

    let saved = app
        .post_form(
            "/nl/account/rollen",
            &[("school", "het-b-lyceum-b"), ("role_spe", "on")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.header("location"), "/nl/account?klaar=rollen");
    assert_eq!(
        store
            .membership(own, user.id)
            .await
            .expect("lookup")
            .map(|m| m.roles.to_string()),
        Some("SPE".into())
    );
    let shown = app
        .get_with("/nl/account?klaar=rollen", &[("cookie", &cookie)])
        .await;
    assert!(shown.body.contains("Je rollen zijn opgeslagen"));

    let not_mine = app
        .post_form(
            "/nl/account/rollen",
            &[("school", &elsewhere.short_name), ("role_coo", "on")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(
        not_mine.status,
        StatusCode::NOT_FOUND,
        "another school is not found"
    );
    assert!(
        store
            .membership(elsewhere.id, user.id)
            .await
            .expect("lookup")
            .is_none(),
        "no membership appears"
    );
    let unknown = app
        .post_form(
            "/en/account/roles",
            &[("school", "bestaat-niet")],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let forged = app
        .post_form(
            "/nl/account/rollen",
            &[("school", "het-b-lyceum-b")],
            &[("cookie", &cookie), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    let anonymous = app
        .post_form("/nl/account/rollen", &[("school", "het-b-lyceum-b")], &[])
        .await;
    assert_eq!(anonymous.header("location"), "/nl/inloggen");
    assert_eq!(
        store
            .membership(own, user.id)
            .await
            .expect("lookup")
            .map(|m| m.roles.to_string()),
        Some("SPE".into())
    );
    app.stop().await;
}
