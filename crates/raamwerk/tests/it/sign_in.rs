//! Setting a password with a one-time link, signing in and out, and the account page,
//! through the real router on both backends.

use axum::http::StatusCode;
use domain::Role;
use domain::account::{Email, FrameworkRoles, Permission, PersonName, User};

use crate::helpers::{Backend, TestApp, new_school, on_both_backends};

on_both_backends!(
    a_password_link_sets_a_password_once,
    signing_in_and_out,
    a_new_password_ends_every_session,
);

const PASSWORD: &str = "paars kompas vindt zeven tulpen";

/// A school with one administrator who has no password yet.
async fn anna(app: &TestApp) -> User {
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

async fn set_password(app: &TestApp, user: &User) {
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
async fn sign_in(app: &TestApp) -> String {
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

async fn a_password_link_sets_a_password_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    let token = app
        .state
        .store
        .create_password_link(user.id)
        .await
        .expect("link");
    let path = format!("/nl/wachtwoord-instellen/{token}");

    let form = app.get(&path).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body
            .contains("Welkom, Anna &#60;i&#62;de&#60;/i&#62; Wit."),
        "markup in names is escaped"
    );
    assert_eq!(form.header("cache-control"), "no-store");
    let english = app.get(&format!("/en/set-password/{token}")).await;
    assert!(english.body.contains("Choose a password for your account"));

    for (password, repeat, message) in [
        ("kort", "kort", "ten minste 12 tekens"),
        ("wachtwoord1234", "wachtwoord1234", "te makkelijk te raden"),
        (PASSWORD, "paars kompas", "niet gelijk"),
    ] {
        let page = app
            .post_form(&path, &[("password", password), ("repeat", repeat)], &[])
            .await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{password}");
        assert!(page.body.contains(message), "{password}: {}", page.body);
        assert!(
            !page.body.contains(&format!("value=\"{password}\"")),
            "a password is never sent back"
        );
    }
    let no_form = app.post_form(&path, &[], &[]).await;
    assert_eq!(no_form.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.get(&path).await.status,
        StatusCode::OK,
        "failed attempts do not spend the link"
    );

    let done = app
        .post_form(&path, &[("password", PASSWORD), ("repeat", PASSWORD)], &[])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.header("location"), "/nl/inloggen?klaar=wachtwoord");
    let notice = app.get("/nl/inloggen?klaar=wachtwoord").await;
    assert!(notice.body.contains("Je wachtwoord is ingesteld"));

    let again = app
        .post_form(
            &path,
            &[
                ("password", "een heel ander sterk wachtwoord"),
                ("repeat", "een heel ander sterk wachtwoord"),
            ],
            &[],
        )
        .await;
    assert_eq!(again.status, StatusCode::GONE, "a link works once");
    assert!(again.body.contains("Deze link werkt niet meer"));
    assert_eq!(app.get(&path).await.status, StatusCode::GONE);
    let unknown = app
        .get(&format!("/en/set-password/{}", "0".repeat(64)))
        .await;
    assert_eq!(unknown.status, StatusCode::GONE);
    assert!(unknown.body.contains("This link no longer works"));
    app.stop().await;
}

async fn signing_in_and_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;

    let before = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(
        before.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no password set yet"
    );
    set_password(&app, &user).await;

    let wrong = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", "fout wachtwoord")],
            &[],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("horen niet bij elkaar"));
    assert!(
        wrong.body.contains(r#"value="anna@lyceum.nl""#),
        "the address typed is kept"
    );
    assert_eq!(wrong.header("set-cookie"), "");
    let unknown = app
        .post_form(
            "/nl/inloggen",
            &[("email", "niemand@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    let strip = |body: &str| {
        body.replace("niemand@lyceum.nl", "")
            .replace("anna@lyceum.nl", "")
    };
    assert_eq!(
        strip(&unknown.body),
        strip(&wrong.body),
        "an unknown address looks exactly like a wrong password"
    );
    let english = app
        .post_form(
            "/en/sign-in",
            &[("email", "nonsense"), ("password", "x")],
            &[],
        )
        .await;
    assert!(english.body.contains("do not belong together"));

    let forged = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", PASSWORD)],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(
        forged.status,
        StatusCode::FORBIDDEN,
        "a cross-site form post is refused"
    );
    assert_eq!(forged.header("set-cookie"), "");

    assert_eq!(
        app.get("/nl/account").await.header("location"),
        "/nl/inloggen",
        "the account page needs signing in"
    );
    let bogus = format!("raamwerk_session={}", "f".repeat(64));
    assert_eq!(
        app.get_with("/nl/account", &[("cookie", &bogus)])
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    let cookie = sign_in(&app).await;
    let account = app.get_with("/nl/account", &[("cookie", &cookie)]).await;
    assert_eq!(account.status, StatusCode::OK);
    assert_eq!(account.header("cache-control"), "no-store");
    assert!(account.body.contains("anna@lyceum.nl"));
    assert!(
        account.body.contains("Het &#60;b&#62;Lyceum&#60;/b&#62;"),
        "the school, escaped"
    );
    assert!(account.body.contains("schoolbeheerder"));
    assert!(
        account
            .body
            .contains("Begeleider primair proces, Coördinator/beleidsmaker LOB")
    );
    let english = app.get_with("/en/account", &[("cookie", &cookie)]).await;
    assert!(english.body.contains("school administrator") && english.body.contains("Mentor/coach"));

    let forged_out = app
        .post_form(
            "/nl/uitloggen",
            &[],
            &[("cookie", &cookie), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!(forged_out.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.get_with("/nl/account", &[("cookie", &cookie)])
            .await
            .status,
        StatusCode::OK,
        "still signed in"
    );

    let out = app
        .post_form("/nl/uitloggen", &[], &[("cookie", &cookie)])
        .await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert_eq!(out.header("location"), "/nl/");
    assert!(out.header("set-cookie").contains("Max-Age=0"));
    let after = app.get_with("/nl/account", &[("cookie", &cookie)]).await;
    assert_eq!(
        after.status,
        StatusCode::SEE_OTHER,
        "the old session no longer works"
    );
    app.stop().await;
}

async fn a_new_password_ends_every_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;
    let first = sign_in(&app).await;
    let second = sign_in(&app).await;
    assert_ne!(first, second, "every sign-in gets a new session id");
    set_password(&app, &user).await;
    for cookie in [first, second] {
        assert_eq!(
            app.get_with("/nl/account", &[("cookie", &cookie)])
                .await
                .status,
            StatusCode::SEE_OTHER
        );
    }
    sign_in(&app).await;
    app.stop().await;
}

on_both_backends!(
    a_person_downloads_their_data_and_signs_out_everywhere,
    the_privacy_page_says_what_is_kept,
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
    assert_eq!(data["format"], "raamwerk-personal-data/1");
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

on_both_backends!(repeated_failures_lock_an_address_without_revealing_whether_it_has_an_account);

async fn repeated_failures_lock_an_address_without_revealing_whether_it_has_an_account(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let user = anna(&app).await;
    set_password(&app, &user).await;

    let mut last = Vec::new();
    for address in ["anna@lyceum.nl", "niemand@lyceum.nl"] {
        for attempt in 1..=9 {
            let page = app
                .post_form(
                    "/nl/inloggen",
                    &[("email", address), ("password", "fout")],
                    &[],
                )
                .await;
            assert_eq!(
                page.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{address}, attempt {attempt}"
            );
        }
        let tenth = app
            .post_form(
                "/nl/inloggen",
                &[("email", address), ("password", "fout")],
                &[],
            )
            .await;
        assert_eq!(tenth.status, StatusCode::TOO_MANY_REQUESTS, "{address}");
        assert!(
            tenth.body.contains("Probeer het over 15 minuten opnieuw"),
            "{}",
            tenth.body
        );
        assert_eq!(tenth.header("retry-after"), "900");
        last.push(tenth.body.replace(address, "ADDRESS"));
    }
    assert_eq!(
        last[0], last[1],
        "a lock looks the same for an address with and without an account"
    );

    let right = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "while locked, even the right password waits"
    );
    assert_eq!(right.header("set-cookie"), "");
    let english = app
        .post_form(
            "/en/sign-in",
            &[("email", "Anna@Lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert!(
        english.body.contains("Try again in 15 minutes"),
        "the lock holds for the address in any case"
    );
    app.stop().await;
}

on_both_backends!(a_person_deletes_their_account_after_confirming_with_their_password);

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

on_both_backends!(a_person_changes_their_own_roles_in_their_own_schools_only);

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
