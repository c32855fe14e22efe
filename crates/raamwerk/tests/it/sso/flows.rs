//! The flows of issue 18 against a real provider: a first sign-in that joins the school, a
//! link made on the account page, and every way a sign-in must fail: a wrong nonce, an
//! expired code, a replayed state, a token signed with an unknown key, a changed subject,
//! a provider that is down, a missing claim, a school not linked.

use axum::http::StatusCode;
use domain::Role;
use domain::account::Permission;
use domain::sso::{OrgClaim, SchoolSignIn};
use store::{SessionLimits, SignedWith};

use super::provider::{BASE_URL, Provider, query_value, with_query_value};
use crate::helpers::account::{PASSWORD, anna, set_password, sign_in as password_sign_in};
use crate::helpers::team::{copied_link, invite, person, team};
use crate::helpers::{Backend, Page, TestApp, on_both_backends};

on_both_backends!(
    a_first_sign_in_joins_the_school_and_the_next_finds_the_account,
    an_account_is_linked_on_its_page_never_by_its_address,
    a_school_can_turn_passwords_off_once_its_administrator_is_linked,
    a_replayed_state_or_another_browser_signs_nobody_in,
    a_wrong_nonce_or_an_expired_code_signs_nobody_in,
    keys_rotate_but_an_unknown_key_is_refused,
    each_way_a_school_cannot_be_found_has_its_page,
    entree_maps_the_school_by_its_brin_code,
);

const ANNA_AT_SURF: &str = r#"{"login":"anna","sub":"surf-anna-1","email":"anna@lyceum.nl","name":"Anna de Wit","org":"lyceum.nl"}"#;
const NEW_TEACHER: &str = r#"{"login":"bram","sub":"surf-bram-1","email":"bram@lyceum.nl","name":"Bram Bakker","org":"lyceum.nl"}"#;

async fn app_for(backend: Backend, provider: &Provider) -> TestApp {
    TestApp::spawn_with(
        backend,
        web::Settings {
            base_url: BASE_URL.to_owned(),
            identity_providers: vec![provider.config("surf", "SURFconext")],
            ..web::Settings::default()
        },
    )
    .await
}

/// The cookie part (`name=value`) of a response's `Set-Cookie` for `name`.
fn cookie(page: &Page, name: &str) -> Option<String> {
    page.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().to_owned())
        .find(|c| c.starts_with(&format!("{name}=")) && c.len() > name.len() + 1)
}

/// Presses "sign in with SURFconext" (or, with a session, "link"): the provider's address
/// and the flow's cookie.
async fn start(app: &TestApp, session: Option<&str>) -> (String, String) {
    let (path, headers) = match session {
        Some(s) => ("/nl/account/schoolaccount/koppelen", vec![("cookie", s)]),
        None => ("/nl/inloggen/schoolaccount", vec![]),
    };
    let page = app.post_form(path, &[("provider", "surf")], &headers).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let url = page.header("location").to_owned();
    assert!(url.contains("code_challenge_method=S256"), "PKCE: {url}");
    assert!(url.contains("nonce="), "{url}");
    let flow = cookie(&page, "raamwerk_sso").expect("the flow's cookie");
    (url, flow)
}

/// Back at our callback with the provider's answer, in the browser that holds `cookies`.
async fn back(app: &TestApp, path: &str, cookies: &[&str]) -> Page {
    app.get_with(path, &[("cookie", &cookies.join("; "))]).await
}

/// A whole sign-in as `login`: the page our callback answers with.
async fn sign_in_as(app: &TestApp, provider: &Provider, login: &str) -> Page {
    let (url, flow) = start(app, None).await;
    let path = provider.sign_in(&url, login);
    back(app, &path, &[&flow]).await
}

async fn map_school(
    app: &TestApp,
    school: domain::school::SchoolId,
    actor: domain::account::UserId,
    provider: &Provider,
    org: &str,
    join: bool,
) {
    let claim = provider.config("x", "x").org_claim;
    app.state
        .store
        .set_school_sign_in(
            school,
            actor,
            Some(&SchoolSignIn {
                issuer: provider.issuer.clone(),
                organisation: claim.organisation(org).expect("valid"),
                join_as_member: join,
                password_allowed: true,
            }),
            "test",
        )
        .await
        .expect("mapped");
}

fn signed_in(page: &Page) -> String {
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    assert_eq!(page.header("location"), "/nl/scholen");
    cookie(page, "raamwerk_session").expect("a session")
}

fn refused(page: &Page, status: StatusCode, says: &str) {
    assert_eq!(page.status, status, "{}", page.body);
    assert!(
        page.body.contains(says),
        "expected {says:?} in {}",
        page.body
    );
    assert!(
        cookie(page, "raamwerk_session").is_none(),
        "nobody is signed in"
    );
}

async fn a_first_sign_in_joins_the_school_and_the_next_finds_the_account(backend: Backend) {
    let provider = Provider::start("surfconext", &format!("[{NEW_TEACHER}]"), 60);
    let app = app_for(backend, &provider).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    map_school(
        &app,
        lyceum.school.id,
        lyceum.admin.id,
        &provider,
        "Lyceum.NL",
        true,
    )
    .await;

    let sign_in_page = app.get("/nl/inloggen").await;
    // The browser follows our form's redirect to the provider only if the policy allows it.
    assert!(
        sign_in_page
            .header("content-security-policy")
            .contains(&format!("form-action 'self' {};", provider.issuer)),
        "{}",
        sign_in_page.header("content-security-policy")
    );
    assert!(
        sign_in_page.body.contains("Inloggen via SURFconext"),
        "the button"
    );

    let session = signed_in(&sign_in_as(&app, &provider, "bram").await);
    // One school: the schools page leads straight to it.
    let schools = app.get_with("/nl/scholen", &[("cookie", &session)]).await;
    assert_eq!(
        schools.header("location"),
        format!("/nl/scholen/{}", lyceum.school.short_name)
    );
    let start = app
        .get_with(
            &format!("/nl/scholen/{}", lyceum.school.short_name),
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(
        start.body.contains("<dd>lid</dd>"),
        "joined as lid: {}",
        start.body
    );
    let log = app
        .get_with(
            &format!("/nl/scholen/{}/logboek", lyceum.school.short_name),
            &[("cookie", &app.session(lyceum.admin.id).await)],
        )
        .await;
    assert!(
        log.body.contains("Aangemeld via schoolaccount"),
        "{}",
        log.body
    );

    // The next sign-in finds the same account, by issuer and subject.
    signed_in(&sign_in_as(&app, &provider, "bram").await);
    let bram = app
        .state
        .store
        .user_by_email(&domain::account::Email::parse("bram@lyceum.nl").expect("valid"))
        .await
        .expect("lookup")
        .expect("one account");
    let members = app
        .state
        .store
        .members(lyceum.school.id)
        .await
        .expect("members");
    assert_eq!(members.iter().filter(|(u, _)| u.id == bram.id).count(), 1);
    // Without a password, a sign-in in the last ten minutes confirms a change instead.
    let account = app.get_with("/nl/account", &[("cookie", &session)]).await;
    assert!(
        account.body.contains("Je account heeft geen wachtwoord"),
        "{}",
        account.body
    );
    assert!(!account.body.contains("id=\"name-current\""));
    let renamed = app
        .post_form(
            "/nl/account/naam",
            &[("name", "Bram B. Bakker")],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(
        renamed.header("location"),
        "/nl/account?klaar=naam",
        "{}",
        renamed.body
    );
    app.sql("UPDATE sessions SET created_at = created_at - 3600000")
        .await;
    let stale = app
        .post_form(
            "/nl/account/naam",
            &[("name", "Iemand Anders")],
            &[("cookie", &session)],
        )
        .await;
    refused(
        &stale,
        StatusCode::FORBIDDEN,
        "langer dan tien minuten geleden ingelogd",
    );
    let deleted = app
        .post_form("/nl/account/verwijderen", &[], &[("cookie", &session)])
        .await;
    refused(
        &deleted,
        StatusCode::FORBIDDEN,
        "langer dan tien minuten geleden ingelogd",
    );
    let named = app.get_with("/nl/account", &[("cookie", &session)]).await;
    assert!(named.body.contains("Bram B. Bakker") && !named.body.contains("Iemand Anders"));
    // Without a password, the only link stays.
    let bram_session = app.session(bram.id).await;
    let kept = app
        .post_form(
            "/nl/account/schoolaccount/ontkoppelen",
            &[("provider", "surf")],
            &[("cookie", &bram_session)],
        )
        .await;
    assert_eq!(kept.header("location"), "/nl/account?klaar=enige-toegang");
    let account = app
        .get_with(kept.header("location"), &[("cookie", &bram_session)])
        .await;
    assert!(
        account.body.contains("enige manier om in te loggen"),
        "{}",
        account.body
    );
    assert!(account.body.contains("Gekoppeld aan SURFconext"));

    // Another school invites him. Without a password he accepts by being signed in: the
    // link, opened signed out, says how; opened signed in, it asks nothing.
    let roc = team(&app, "ROC Rivierenland", "roc.nl").await;
    let roc_coordinator = app.session(roc.coordinator.id).await;
    let invited = invite(
        &app,
        &roc_coordinator,
        &roc.school.short_name,
        "bram@lyceum.nl",
        "lid",
    )
    .await;
    let link = copied_link(&invited, "invite-link");
    let link = link[link.find("/nl/uitnodiging/").expect("an invitation link")..].to_owned();
    let signed_out = app.get(&link).await;
    assert!(
        signed_out
            .body
            .contains("Log dan eerst in en open deze link daarna opnieuw"),
        "{}",
        signed_out.body
    );
    assert!(signed_out.body.contains("id=\"password\""));
    // Someone else's session is no confirmation: the password is asked, and none is given.
    let someone_else = app.get_with(&link, &[("cookie", &roc_coordinator)]).await;
    assert!(someone_else.body.contains("id=\"password\""));
    let refused_accept = app
        .post_form(&link, &[], &[("cookie", &roc_coordinator)])
        .await;
    assert_eq!(refused_accept.status, StatusCode::UNPROCESSABLE_ENTITY);
    let as_bram = app.get_with(&link, &[("cookie", &bram_session)]).await;
    assert!(
        as_bram.body.contains("Je bent ingelogd met dit account"),
        "{}",
        as_bram.body
    );
    assert!(!as_bram.body.contains("id=\"password\""));
    let accepted = app
        .post_form(&link, &[], &[("cookie", &bram_session)])
        .await;
    assert_eq!(
        accepted.header("location"),
        format!("/nl/scholen/{}", roc.school.short_name),
        "{}",
        accepted.body
    );
    let roc_members = app
        .state
        .store
        .members(roc.school.id)
        .await
        .expect("members");
    assert!(roc_members.iter().any(|(u, m)| u.id == bram.id && m.active));
    app.stop().await;
}

async fn an_account_is_linked_on_its_page_never_by_its_address(backend: Backend) {
    let provider = Provider::start("surfconext", &format!("[{ANNA_AT_SURF}]"), 60);
    let app = app_for(backend, &provider).await;
    let anna_user = anna(&app).await;
    set_password(&app, &anna_user).await;
    let schools = app
        .state
        .store
        .my_schools(anna_user.id)
        .await
        .expect("schools");
    map_school(
        &app,
        schools[0].school.id,
        anna_user.id,
        &provider,
        "lyceum.nl",
        true,
    )
    .await;

    // The same address at the provider is no link.
    refused(
        &sign_in_as(&app, &provider, "anna").await,
        StatusCode::CONFLICT,
        "Er is al een account met je e-mailadres",
    );

    // Signed in with her password, she links the provider on her account page.
    let session = password_sign_in(&app).await;
    let account = app.get_with("/nl/account", &[("cookie", &session)]).await;
    assert!(
        account.body.contains("Niet gekoppeld aan SURFconext"),
        "{}",
        account.body
    );
    let (url, flow) = start(&app, Some(&session)).await;
    let path = provider.sign_in(&url, "anna");
    let linked = back(&app, &path, &[&flow, &session]).await;
    assert_eq!(
        linked.header("location"),
        "/nl/account?klaar=schoolaccount",
        "{}",
        linked.body
    );
    let account = app
        .get_with(linked.header("location"), &[("cookie", &session)])
        .await;
    assert!(
        account.body.contains("Je account is gekoppeld"),
        "{}",
        account.body
    );
    assert!(account.body.contains("Gekoppeld aan SURFconext"));

    // Her data download names the link.
    let data = app
        .get_with("/nl/account/gegevens.json", &[("cookie", &session)])
        .await;
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("JSON");
    assert_eq!(data["sign_in_links"][0]["provider"], "SURFconext");
    assert_eq!(data["sign_in_links"][0]["issuer"], provider.issuer.as_str());

    // Now the provider signs her in, as herself.
    let sso_session = signed_in(&sign_in_as(&app, &provider, "anna").await);
    let her = app
        .get_with("/nl/account", &[("cookie", &sso_session)])
        .await;
    assert!(her.body.contains("anna@lyceum.nl"), "{}", her.body);

    // A changed subject (the provider now names her otherwise) is somebody unknown: not
    // signed in as Anna, however alike the address.
    provider.control(
        "/test/account",
        r#"{"login":"anna","sub":"surf-anna-2","email":"anna@lyceum.nl","name":"Anna de Wit","org":"lyceum.nl"}"#,
    );
    refused(
        &sign_in_as(&app, &provider, "anna").await,
        StatusCode::CONFLICT,
        "nooit alleen op e-mailadres",
    );
    // Linking again replaces the old subject; the identity of another account stays theirs.
    let (url, flow) = start(&app, Some(&session)).await;
    let path = provider.sign_in(&url, "anna");
    assert_eq!(
        back(&app, &path, &[&flow, &session])
            .await
            .header("location"),
        "/nl/account?klaar=schoolaccount"
    );
    signed_in(&sign_in_as(&app, &provider, "anna").await);
    let other = team(&app, "Ander College", "ander.nl").await;
    let other_session = app.session(other.member.id).await;
    let (url, flow) = start(&app, Some(&other_session)).await;
    let path = provider.sign_in(&url, "anna");
    refused(
        &back(&app, &path, &[&flow, &other_session]).await,
        StatusCode::CONFLICT,
        "hoort al bij een ander account",
    );

    // She has a password, so she may unlink.
    let gone = app
        .post_form(
            "/nl/account/schoolaccount/ontkoppelen",
            &[("provider", "surf")],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(gone.header("location"), "/nl/account?klaar=ontkoppeld");
    refused(
        &sign_in_as(&app, &provider, "anna").await,
        StatusCode::CONFLICT,
        "nooit alleen op e-mailadres",
    );
    app.stop().await;
}

async fn a_school_can_turn_passwords_off_once_its_administrator_is_linked(backend: Backend) {
    let provider = Provider::start("surfconext", &format!("[{ANNA_AT_SURF}]"), 60);
    let app = app_for(backend, &provider).await;
    let anna_user = anna(&app).await;
    set_password(&app, &anna_user).await;
    let session = password_sign_in(&app).await;
    let short = app
        .state
        .store
        .my_schools(anna_user.id)
        .await
        .expect("schools")[0]
        .school
        .short_name
        .clone();
    let page = format!("/nl/scholen/{short}/inloggen");
    let shown = app.get_with(&page, &[("cookie", &session)]).await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(shown.body.contains("SURFconext"), "{}", shown.body);

    let bad = app
        .post_form(
            &page,
            &[("provider", "surf"), ("organisation", "geen domein")],
            &[("cookie", &session)],
        )
        .await;
    refused(
        &bad,
        StatusCode::UNPROCESSABLE_ENTITY,
        "Vul het domein van je instelling in",
    );
    assert!(
        app.state
            .store
            .school_sign_in(anna_user_school(&app, &anna_user).await)
            .await
            .expect("read")
            .is_none(),
        "nothing saved"
    );

    let locked_out = app
        .post_form(
            &page,
            &[
                ("provider", "surf"),
                ("organisation", "lyceum.nl"),
                ("password_off", "on"),
            ],
            &[("cookie", &session)],
        )
        .await;
    refused(
        &locked_out,
        StatusCode::UNPROCESSABLE_ENTITY,
        "Koppel eerst je eigen account",
    );

    // A colleague is signed in twice: once with a password, once through the provider.
    let school = app
        .state
        .store
        .school_by_short_name(&short)
        .await
        .expect("read")
        .expect("the school");
    let colleague = person(
        &app,
        &school,
        "mentor@lyceum.nl",
        "Mentor Lyceum",
        Permission::Member,
        &[Role::Mentor],
    )
    .await;
    let colleague_by_password = app.session(colleague.id).await;
    let colleague_by_provider = format!(
        "raamwerk_session={}",
        app.state
            .store
            .create_session(colleague.id, SessionLimits::DEFAULT, SignedWith::Provider)
            .await
            .expect("session")
    );
    let school_page = format!("/nl/scholen/{short}");
    for cookie in [&colleague_by_password, &colleague_by_provider] {
        let page = app.get_with(&school_page, &[("cookie", cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
    }

    let (url, flow) = start(&app, Some(&session)).await;
    let path = provider.sign_in(&url, "anna");
    back(&app, &path, &[&flow, &session]).await;
    let saved = app
        .post_form(
            &page,
            &[
                ("provider", "surf"),
                ("organisation", "lyceum.nl"),
                ("password_off", "on"),
            ],
            &[("cookie", &session)],
        )
        .await;
    assert_eq!(
        saved.header("location"),
        format!("{page}?klaar=1"),
        "{}",
        saved.body
    );

    // The colleague's password session has ended; the one through the provider, and the
    // session the administrator turned passwords off in, go on.
    let ended = app
        .get_with(&school_page, &[("cookie", &colleague_by_password)])
        .await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    assert!(ended.header("location").starts_with("/nl/inloggen"));
    for cookie in [&colleague_by_provider, &session] {
        let page = app.get_with(&school_page, &[("cookie", cookie)]).await;
        assert_eq!(page.status, StatusCode::OK);
    }

    // The right password no longer opens the door; the school account does.
    let by_password = app
        .post_form(
            "/nl/inloggen",
            &[("email", "anna@lyceum.nl"), ("password", PASSWORD)],
            &[],
        )
        .await;
    refused(
        &by_password,
        StatusCode::FORBIDDEN,
        "niet met een wachtwoord",
    );
    signed_in(&sign_in_as(&app, &provider, "anna").await);
    app.stop().await;
}

async fn anna_user_school(app: &TestApp, user: &domain::account::User) -> domain::school::SchoolId {
    app.state.store.my_schools(user.id).await.expect("schools")[0]
        .school
        .id
}

async fn a_replayed_state_or_another_browser_signs_nobody_in(backend: Backend) {
    let provider = Provider::start("surfconext", &format!("[{NEW_TEACHER}]"), 60);
    let app = app_for(backend, &provider).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    map_school(
        &app,
        lyceum.school.id,
        lyceum.admin.id,
        &provider,
        "lyceum.nl",
        true,
    )
    .await;

    let (url, flow) = start(&app, None).await;
    let path = provider.sign_in(&url, "bram");
    signed_in(&back(&app, &path, &[&flow]).await);
    // The same answer again: the state was taken.
    refused(
        &back(&app, &path, &[&flow]).await,
        StatusCode::BAD_REQUEST,
        "Deze inlogpoging is verlopen",
    );

    // An answer carried to a browser that did not start the sign-in (login CSRF).
    let (url, _flow) = start(&app, None).await;
    let path = provider.sign_in(&url, "bram");
    refused(
        &back(&app, &path, &[]).await,
        StatusCode::BAD_REQUEST,
        "in een andere browser begonnen",
    );
    // An answer without a state at all.
    refused(
        &app.get("/sso/callback?code=abc").await,
        StatusCode::BAD_REQUEST,
        "verlopen",
    );
    app.stop().await;
}

async fn a_wrong_nonce_or_an_expired_code_signs_nobody_in(backend: Backend) {
    let provider = Provider::start("surfconext", &format!("[{NEW_TEACHER}]"), 1);
    let app = app_for(backend, &provider).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    map_school(
        &app,
        lyceum.school.id,
        lyceum.admin.id,
        &provider,
        "lyceum.nl",
        true,
    )
    .await;

    // Someone who holds our flow's state and PKCE challenge asks the provider with a nonce
    // of their own: the provider signs it, we refuse it.
    let (url, flow) = start(&app, None).await;
    assert!(query_value(&url, "nonce").is_some());
    let forged = with_query_value(&url, "nonce", "a-nonce-of-my-own");
    let path = provider.sign_in(&forged, "bram");
    refused(
        &back(&app, &path, &[&flow]).await,
        StatusCode::BAD_REQUEST,
        "We vertrouwen dit antwoord niet",
    );

    // A code used after it expired (the provider keeps codes one second here).
    let (url, flow) = start(&app, None).await;
    let path = provider.sign_in(&url, "bram");
    tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
    refused(
        &back(&app, &path, &[&flow]).await,
        StatusCode::BAD_REQUEST,
        "weigerde deze inlog",
    );
    assert!(
        app.state
            .store
            .user_by_email(&domain::account::Email::parse("bram@lyceum.nl").expect("valid"))
            .await
            .expect("lookup")
            .is_none(),
        "no account made"
    );
    app.stop().await;
}

async fn keys_rotate_but_an_unknown_key_is_refused(backend: Backend) {
    let provider = Provider::start("surfconext", &format!("[{NEW_TEACHER}]"), 60);
    let app = app_for(backend, &provider).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    map_school(
        &app,
        lyceum.school.id,
        lyceum.admin.id,
        &provider,
        "lyceum.nl",
        true,
    )
    .await;
    signed_in(&sign_in_as(&app, &provider, "bram").await);

    // The provider rotates its keys: we fetch them again and carry on.
    provider.control("/test/rotate", "");
    signed_in(&sign_in_as(&app, &provider, "bram").await);

    // A token signed with a key the provider does not publish (it rotated, and what it
    // publishes is some other key): fetched again, still unknown, refused.
    provider.control("/test/rotate", "");
    provider.control("/test/jwks?mode=foreign", "");
    refused(
        &sign_in_as(&app, &provider, "bram").await,
        StatusCode::BAD_REQUEST,
        "We vertrouwen dit antwoord niet",
    );
    // A key published under the signing key's id, but another key.
    provider.control("/test/jwks?mode=impostor", "");
    refused(
        &sign_in_as(&app, &provider, "bram").await,
        StatusCode::BAD_REQUEST,
        "We vertrouwen dit antwoord niet",
    );
    // The real keys again: the failed check fetches them, and signing in works.
    provider.control("/test/jwks?mode=real", "");
    signed_in(&sign_in_as(&app, &provider, "bram").await);
    app.stop().await;
}

async fn each_way_a_school_cannot_be_found_has_its_page(backend: Backend) {
    let accounts = r#"[
        {"login":"zonder","sub":"s-1","email":"zonder@lyceum.nl","name":"Zonder Org"},
        {"login":"elders","sub":"s-2","email":"iemand@elders.nl","name":"Iemand Elders","org":"elders.nl"},
        {"login":"cees","sub":"s-3","email":"cees@lyceum.nl","name":"Cees","org":"lyceum.nl"}
    ]"#;
    let provider = Provider::start("surfconext", accounts, 60);
    let app = app_for(backend, &provider).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    map_school(
        &app,
        lyceum.school.id,
        lyceum.admin.id,
        &provider,
        "lyceum.nl",
        false,
    )
    .await;

    refused(
        &sign_in_as(&app, &provider, "zonder").await,
        StatusCode::FORBIDDEN,
        "zei niet bij welke school je hoort",
    );
    refused(
        &sign_in_as(&app, &provider, "elders").await,
        StatusCode::FORBIDDEN,
        "Je school is nog niet gekoppeld",
    );
    refused(
        &sign_in_as(&app, &provider, "cees").await,
        StatusCode::FORBIDDEN,
        "Je hebt een uitnodiging nodig",
    );

    // An unknown provider, and one that is down.
    let unknown = app
        .post_form("/nl/inloggen/schoolaccount", &[("provider", "nope")], &[])
        .await;
    refused(
        &unknown,
        StatusCode::NOT_FOUND,
        "Deze inlogdienst kennen we niet",
    );
    provider.control("/test/down", "");
    let fresh = app_for(backend, &provider).await;
    let down = fresh
        .post_form("/nl/inloggen/schoolaccount", &[("provider", "surf")], &[])
        .await;
    refused(
        &down,
        StatusCode::BAD_GATEWAY,
        "SURFconext is nu niet bereikbaar",
    );
    let en = fresh
        .post_form("/en/sign-in/school-account", &[("provider", "surf")], &[])
        .await;
    refused(
        &en,
        StatusCode::BAD_GATEWAY,
        "SURFconext cannot be reached now",
    );
    fresh.stop().await;
    app.stop().await;
}

async fn entree_maps_the_school_by_its_brin_code(backend: Backend) {
    let provider = Provider::start(
        "entree",
        r#"[{"login":"dirk","sub":"entree-dirk","email":"dirk@college.nl","name":"Dirk Visser","org":"12ab"}]"#,
        60,
    );
    let app = TestApp::spawn_with(
        backend,
        web::Settings {
            base_url: BASE_URL.to_owned(),
            identity_providers: vec![provider.config("entree", "Entree")],
            ..web::Settings::default()
        },
    )
    .await;
    assert_eq!(
        provider.config("entree", "Entree").org_claim,
        OrgClaim::EntreeBrin
    );
    let college = team(&app, "Het College", "college.nl").await;
    map_school(
        &app,
        college.school.id,
        college.admin.id,
        &provider,
        "12AB",
        true,
    )
    .await;
    let page = app
        .post_form("/en/sign-in/school-account", &[("provider", "entree")], &[])
        .await;
    let url = page.header("location").to_owned();
    let flow = cookie(&page, "raamwerk_sso").expect("flow");
    let path = provider.sign_in(&url, "dirk");
    let done = back(&app, &path, &[&flow]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(
        done.header("location"),
        "/en/schools",
        "the flow keeps its language"
    );
    app.stop().await;
}
