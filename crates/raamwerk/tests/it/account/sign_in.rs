//! Signing in and out: a password link sets a password once, sessions end with a new
//! password, and repeated failures lock an address without telling whether it has an
//! account; on both backends.

use axum::http::StatusCode;

use crate::helpers::account::{PASSWORD, anna, set_password, sign_in};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_password_link_sets_a_password_once,
    signing_in_and_out,
    a_new_password_ends_every_session,
    repeated_failures_lock_an_address_without_revealing_whether_it_has_an_account,
);

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
