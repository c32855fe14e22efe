//! What an outsider probing a running server found (issue 20), each answered: parallel
//! guesses lock, uploads that would sink the server are refused at once with a clear
//! message, slow clients are cut off, and the smaller holes are closed.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::http::StatusCode;
use domain::Lang;
use formats::generate::{BombPart, zip_bomb};

use crate::helpers::links::set_own_password;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

const PASSWORD: &str = "paars kompas vindt zeven tulpen";

on_both_backends!(
    a_hundred_parallel_guesses_lock_the_address,
    signing_in_as_someone_else_ends_the_earlier_session,
    deleting_an_account_is_throttled_like_signing_in,
    answers_say_how_they_may_be_cached,
    imports_refuse_what_would_sink_the_server_with_a_message,
);

async fn a_hundred_parallel_guesses_lock_the_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    set_own_password(&app, brug.member.id, PASSWORD).await;
    let email = brug.member.email.as_str().to_owned();
    let app = Arc::new(app);
    let mut guesses = tokio::task::JoinSet::new();
    for n in 0..100 {
        let (app, email) = (app.clone(), email.clone());
        guesses.spawn(async move {
            let guess = format!("geraden wachtwoord {n}");
            app.post_form(
                "/nl/inloggen",
                &[("email", &email), ("password", &guess)],
                &[],
            )
            .await
            .status
        });
    }
    let mut answers = Vec::new();
    while let Some(status) = guesses.join_next().await {
        answers.push(status.expect("the guess ran"));
    }
    let locked = answers
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    let wrong = answers
        .iter()
        .filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    assert_eq!(
        (wrong, locked),
        (9, 91),
        "nine are checked and told wrong; the tenth locks and the rest are refused"
    );
    let right = app
        .post_form(
            "/nl/inloggen",
            &[("email", &email), ("password", PASSWORD)],
            &[],
        )
        .await;
    assert_eq!(
        right.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the right password waits out the lock"
    );
    assert_eq!(right.header("set-cookie"), "");
    let Ok(app) = Arc::try_unwrap(app) else {
        panic!("every guess has ended");
    };
    app.stop().await;
}

async fn signing_in_as_someone_else_ends_the_earlier_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    set_own_password(&app, brug.coordinator.id, PASSWORD).await;
    let earlier = app.session(brug.member.id).await;
    let mine = app.get_with("/nl/account", &[("cookie", &earlier)]).await;
    assert_eq!(mine.status, StatusCode::OK);
    let signed = app
        .post_form(
            "/nl/inloggen",
            &[
                ("email", brug.coordinator.email.as_str()),
                ("password", PASSWORD),
            ],
            &[("cookie", &earlier)],
        )
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert!(signed.header("set-cookie").starts_with("raamwerk_session="));
    let replayed = app.get_with("/nl/account", &[("cookie", &earlier)]).await;
    assert_ne!(
        replayed.status,
        StatusCode::OK,
        "the member's session ended when the coordinator signed in on that browser"
    );
    assert!(!replayed.body.contains(brug.member.name.as_str()));
    app.stop().await;
}

async fn deleting_an_account_is_throttled_like_signing_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    set_own_password(&app, brug.member.id, PASSWORD).await;
    let cookie = app.session(brug.member.id).await;
    let mut statuses = Vec::new();
    for n in 0..11 {
        let guess = format!("geraden wachtwoord {n}");
        let page = app
            .post_form(
                "/nl/account/verwijderen",
                &[("password", &guess)],
                &[("cookie", &cookie)],
            )
            .await;
        statuses.push(page.status);
        if n == 10 {
            assert!(
                page.body.contains("Probeer het over 15 minuten opnieuw"),
                "{}",
                page.body
            );
        }
    }
    assert_eq!(statuses[..9], [StatusCode::UNPROCESSABLE_ENTITY; 9]);
    assert_eq!(statuses[9..], [StatusCode::TOO_MANY_REQUESTS; 2]);
    let right = app
        .post_form(
            "/nl/account/verwijderen",
            &[("password", PASSWORD)],
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(right.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        app.state
            .store
            .user_by_email(&brug.member.email)
            .await
            .expect("lookup")
            .is_some(),
        "the account is still there"
    );
    app.stop().await;
}

async fn answers_say_how_they_may_be_cached(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    let cookie = app.session(brug.member.id).await;
    let api = app
        .get_with(
            "/api/v1/schools/osg-de-brug/editions",
            &[("cookie", &cookie)],
        )
        .await;
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.header("cache-control"), "no-store");
    let refused = app.get("/api/v1/schools/osg-de-brug/editions").await;
    assert_eq!(refused.header("cache-control"), "no-store");
    let case = app.get("/ims/case/v1p1/CFDocuments").await;
    assert_eq!(case.status, StatusCode::OK);
    assert_eq!(
        case.header("cache-control"),
        "public, no-cache",
        "a withdrawn package is gone at the next request"
    );
    assert_eq!(
        case.header("strict-transport-security"),
        "",
        "no HSTS over plain HTTP"
    );
    app.stop().await;

    let secure = TestApp::spawn_with(
        backend,
        web::Settings {
            secure_cookies: true,
            ..web::Settings::default()
        },
    )
    .await;
    let home = secure.get("/nl").await;
    assert_eq!(home.header("strict-transport-security"), "max-age=31536000");
    secure.stop().await;
}

/// Posts a file to the school's import API as its coordinator.
async fn import(app: &TestApp, cookie: &str, format: &str, bytes: Vec<u8>) -> (StatusCode, String) {
    let page = app
        .post_raw(
            &format!("/api/v1/schools/osg-de-brug/editions?format={format}"),
            "application/octet-stream",
            bytes,
            &[("cookie", cookie), ("accept-language", "nl")],
        )
        .await;
    (page.status, page.body)
}

async fn imports_refuse_what_would_sink_the_server_with_a_message(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let brug = team(&app, "OSG De Brug", "brug.nl").await;
    let cookie = app.session(brug.coordinator.id).await;
    let national = app.state.edition().clone();
    let template = formats::sheet::write_xlsx(&national, Lang::Nl).expect("a workbook");

    // A workbook whose shared strings unpack to 64 MiB: refused by name, nothing stored.
    let bomb = zip_bomb(&template, BombPart::SharedStrings, 64 * 1024 * 1024).expect("a bomb");
    let (status, body) = import(&app, &cookie, "xlsx", bomb).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains(
            "het deel xl/sharedStrings.xml van het XLSX-bestand pakt uit tot meer dan 16 MB"
        ),
        "{body}"
    );

    // A CASE package with 20,000 items in one chain: refused in well under a second, and
    // the server answers others meanwhile.
    let mut package = formats::case::package(&national, Lang::Nl);
    formats::generate::case_chain(&mut package, 20_000);
    let started = Instant::now();
    let (status, body) = import(
        &app,
        &cookie,
        "case",
        serde_json::to_vec(&package).expect("JSON"),
    )
    .await;
    let took = started.elapsed();
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("meer dan de 10000 die een raamwerk kan hebben"),
        "{body}"
    );
    assert!(took < Duration::from_secs(1), "took {took:?}");
    let health = Instant::now();
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    assert!(
        health.elapsed() < Duration::from_millis(50),
        "{:?}",
        health.elapsed()
    );

    // Control characters in a CSV are named with their row and column.
    let csv = String::from_utf8(formats::sheet::write_csv(&national, Lang::Nl)).expect("text");
    let mut lines: Vec<String> = csv.lines().map(str::to_owned).collect();
    lines[5] = lines[5].replacen(';', ";\u{0}", 1);
    let (status, body) = import(&app, &cookie, "csv", lines.join("\r\n").into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("rij 6, kolom code: de cel bevat een stuurteken (U+0000)"),
        "{body}"
    );

    // A header and nothing under it says where the rows are missing.
    let header = lines[0].clone();
    let (status, body) = import(&app, &cookie, "csv", header.into_bytes()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(
        body.contains("rij 2: onder de kopregel staan geen regels"),
        "{body}"
    );

    // Our own JSON with a byte order mark in front reads.
    let mut json = "\u{feff}".as_bytes().to_vec();
    json.extend(
        formats::native::write_json(&national)
            .expect("JSON")
            .into_bytes(),
    );
    let (status, body) = import(&app, &cookie, "json", json).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        app.state
            .store
            .school_editions(brug.school.id)
            .await
            .expect("list")
            .len(),
        1,
        "only the good file was stored"
    );
    app.stop().await;
}

#[tokio::test]
async fn a_slow_or_silent_client_is_cut_off_and_connections_are_limited() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = TestApp::spawn(Backend::Sqlite).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("its address");
    let limits = web::server::ServerLimits {
        header_read: Duration::from_millis(800),
        max_connections: 2,
        shutdown_grace: Duration::from_secs(1),
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(web::server::serve(
        listener,
        web::router(app.state.clone()),
        limits,
        async {
            let _ = stopped.await;
        },
    ));
    /// Whether the server closed the connection (or said something) within `within`.
    async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> bool {
        let mut buffer = [0u8; 1024];
        tokio::time::timeout(within, stream.read(&mut buffer))
            .await
            .is_ok()
    }

    // One byte every 200 ms: the headers never finish in time.
    let mut slow = tokio::net::TcpStream::connect(address)
        .await
        .expect("connects");
    let started = Instant::now();
    let mut cut = false;
    for byte in b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: abcdefghijklmnop".iter() {
        if slow.write_all(&[*byte]).await.is_err()
            || closed_within(&mut slow, Duration::from_millis(200)).await
        {
            cut = true;
            break;
        }
    }
    assert!(cut, "a client sending a byte at a time is cut off");
    assert!(
        started.elapsed() < Duration::from_millis(2500),
        "{:?}",
        started.elapsed()
    );

    // Two silent connections take both places; a third waits until they are cut.
    let mut silent = Vec::new();
    for _ in 0..2 {
        silent.push(
            tokio::net::TcpStream::connect(address)
                .await
                .expect("connects"),
        );
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let asked = Instant::now();
    let mut third = tokio::net::TcpStream::connect(address)
        .await
        .expect("queued");
    third
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .expect("sent");
    let mut answer = String::new();
    tokio::time::timeout(Duration::from_secs(5), third.read_to_string(&mut answer))
        .await
        .expect("answered once a place was free")
        .expect("read");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        asked.elapsed() >= Duration::from_millis(500),
        "it waited for a place: {:?}",
        asked.elapsed()
    );
    for mut stream in silent {
        assert!(
            closed_within(&mut stream, Duration::from_millis(100)).await,
            "a connection that sends nothing is closed"
        );
    }
    let _ = stop.send(());
    server
        .await
        .expect("the server ran")
        .expect("it stopped cleanly");
    app.stop().await;
}
