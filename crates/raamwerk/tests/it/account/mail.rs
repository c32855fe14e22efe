//! E-mail through a real SMTP server: the test starts `tests/smtp/sink.py` (Python's
//! aiosmtpd), points the app at it and reads the messages it wrote to disk.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use axum::http::StatusCode;

use crate::helpers::account;
use crate::helpers::team::{PASSWORD, copied_link, invite, path_of, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    an_invitation_is_emailed_with_its_link,
    a_forgotten_password_is_emailed_to_the_address_only,
    an_invitation_that_cannot_be_mailed_still_shows_its_link,
    a_new_address_counts_once_the_link_sent_to_it_is_used,
);

/// A running SMTP sink; stops when dropped.
struct Sink {
    child: Child,
    folder: PathBuf,
    port: u16,
}

impl Sink {
    fn start() -> Sink {
        let folder =
            std::env::temp_dir().join(format!("rw_mail_{}", uuid::Uuid::new_v4().simple()));
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/smtp/sink.py");
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(&folder)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (scripts/test installs aiosmtpd)");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("the sink says where it listens");
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| {
                panic!("the SMTP sink did not start (is aiosmtpd installed?): {line:?}")
            });
        Sink {
            child,
            folder,
            port,
        }
    }

    fn settings(&self) -> web::Settings {
        web::Settings {
            mailer: Some(
                web::mail::Mailer::new(
                    &format!("smtp://127.0.0.1:{}", self.port),
                    "Raamwerk <noreply@raamwerk.test>",
                )
                .expect("mailer"),
            ),
            ..web::Settings::default()
        }
    }

    /// The messages received so far, parsed: (to, subject, text body).
    fn messages(&self) -> Vec<(String, String, String)> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.folder)
            .map(|dir| {
                dir.filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .map(|path| {
                let raw = std::fs::read(path).expect("message");
                let mail = mailparse::parse_mail(&raw).expect("a valid message");
                let header = |name: &str| {
                    mail.headers
                        .iter()
                        .find(|h| h.get_key().eq_ignore_ascii_case(name))
                        .map(|h| h.get_value())
                        .unwrap_or_default()
                };
                (
                    header("To"),
                    header("Subject"),
                    mail.get_body().expect("a text body"),
                )
            })
            .collect()
    }

    /// Waits until `n` messages have arrived (the app may send in the background).
    async fn wait_for(&self, n: usize) -> Vec<(String, String, String)> {
        let start = Instant::now();
        loop {
            let messages = self.messages();
            if messages.len() >= n || start.elapsed() > Duration::from_secs(10) {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.folder);
    }
}

async fn an_invitation_is_emailed_with_its_link(backend: Backend) {
    let sink = Sink::start();
    let app = TestApp::spawn_with(backend, sink.settings()).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let page = invite(&app, &admin, "stedelijk-lyceum", "kim@lyceum.nl", "lid").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("per e-mail verstuurd"), "{}", page.body);
    assert!(
        !page.body.contains("/nl/uitnodiging/"),
        "the link goes by e-mail only, so whoever invites cannot open it and learn whether the address has an account"
    );

    let messages = sink.wait_for(1).await;
    assert_eq!(messages.len(), 1);
    let (to, subject, body) = &messages[0];
    assert_eq!(to, "kim@lyceum.nl");
    assert!(subject.contains("Stedelijk Lyceum"), "{subject}");
    let shown = body
        .split_whitespace()
        .find(|w| w.contains("/nl/uitnodiging/"))
        .expect("the link in the e-mail")
        .to_owned();
    assert!(body.contains("Beheerder Stedelijk Lyceum"), "{body}");
    // The e-mailed link works.
    let open = app.get(&path_of(&shown)).await;
    assert_eq!(open.status, StatusCode::OK);
    app.stop().await;
}

async fn a_forgotten_password_is_emailed_to_the_address_only(backend: Backend) {
    let sink = Sink::start();
    let app = TestApp::spawn_with(backend, sink.settings()).await;
    team(&app, "Stedelijk Lyceum", "lyceum.nl").await;

    let unknown = app
        .post_form(
            "/nl/wachtwoord-vergeten",
            &[("email", "niemand@lyceum.nl")],
            &[],
        )
        .await;
    let known = app
        .post_form(
            "/nl/wachtwoord-vergeten",
            &[("email", "Mentor@Lyceum.nl")],
            &[],
        )
        .await;
    // The same answer either way: the page reveals nothing about accounts.
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(known.status, StatusCode::OK);
    assert_eq!(
        unknown.body.replace("niemand@lyceum.nl", "X"),
        known.body.replace("Mentor@Lyceum.nl", "X")
    );
    assert!(known.body.contains("onderweg"), "{}", known.body);

    let messages = sink.wait_for(1).await;
    assert_eq!(
        messages.len(),
        1,
        "one message, to the address with an account"
    );
    let (to, _, body) = &messages[0];
    assert_eq!(to, "mentor@lyceum.nl");
    let start = body
        .find("http://127.0.0.1:8080/nl/wachtwoord-instellen/")
        .expect("a link");
    let link = body[start..]
        .split_whitespace()
        .next()
        .expect("link")
        .to_owned();
    let set = app
        .post_form(
            &path_of(&link),
            &[("password", PASSWORD), ("repeat", PASSWORD)],
            &[],
        )
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

    // Nothing more arrived for the unknown address.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(sink.messages().len(), 1);
    app.stop().await;
}

async fn an_invitation_that_cannot_be_mailed_still_shows_its_link(backend: Backend) {
    // An address where no SMTP server listens.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let settings = web::Settings {
        mailer: Some(
            web::mail::Mailer::new(&format!("smtp://127.0.0.1:{port}"), "noreply@raamwerk.test")
                .expect("mailer"),
        ),
        ..web::Settings::default()
    };
    let app = TestApp::spawn_with(backend, settings).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let admin = app.session(lyceum.admin.id).await;
    let page = invite(&app, &admin, "stedelijk-lyceum", "kim@lyceum.nl", "lid").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("versturen van de e-mail is mislukt"),
        "{}",
        page.body
    );
    let link = path_of(&copied_link(&page, "invite-link"));
    assert_eq!(app.get(&link).await.status, StatusCode::OK);
    app.stop().await;
}

async fn a_new_address_counts_once_the_link_sent_to_it_is_used(backend: Backend) {
    let sink = Sink::start();
    let app = TestApp::spawn_with(backend, sink.settings()).await;
    let user = account::anna(&app).await;
    account::set_password(&app, &user).await;
    let cookie = account::sign_in(&app).await;
    let me = [("cookie", cookie.as_str())];
    let store = &app.state.store;
    let has_account = |address: &'static str| async move {
        store
            .credentials(&domain::account::Email::parse(address).expect("valid"))
            .await
            .expect("read")
            .is_some()
    };
    let page = app.get_with("/nl/account", &me).await;
    assert!(
        page.body
            .contains("je adres verandert pas als je die link opent")
    );

    let asked = app
        .post_form(
            "/nl/account/e-mailadres",
            &[("email", "anna@elders.nl"), ("current", account::PASSWORD)],
            &me,
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
    assert!(
        asked
            .body
            .contains("We hebben een link gestuurd naar anna@elders.nl."),
        "{}",
        asked.body
    );
    assert!(has_account("anna@lyceum.nl").await, "nothing changed yet");

    // A link to the new address, a notice to the old one.
    let messages = sink.wait_for(2).await;
    assert_eq!(messages.len(), 2);
    let (to, subject, body) = &messages[0];
    assert_eq!(to, "anna@elders.nl");
    assert!(
        subject.contains("Bevestig je nieuwe e-mailadres"),
        "{subject}"
    );
    let link = body
        .split_whitespace()
        .find(|w| w.contains("/nl/e-mailadres-bevestigen/"))
        .map(path_of)
        .expect("the link in the e-mail");
    let (to, _, notice) = &messages[1];
    assert_eq!(to, "anna@lyceum.nl");
    assert!(notice.contains("anna@elders.nl") && notice.contains("wijzig je wachtwoord"));
    assert!(
        !notice.contains("/nl/e-mailadres-bevestigen/"),
        "the link goes to the new address only"
    );

    // Opening the link changes nothing; the button does.
    let open = app.get(&link).await;
    assert_eq!(open.status, StatusCode::OK);
    assert!(
        open.body.contains("voortaan inlogt met anna@elders.nl"),
        "{}",
        open.body
    );
    assert!(has_account("anna@lyceum.nl").await);
    let confirmed = app.post_form(&link, &[], &me).await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        confirmed.header("location"),
        "/nl/account?klaar=e-mailadres"
    );
    assert!(has_account("anna@elders.nl").await);
    assert!(!has_account("anna@lyceum.nl").await);
    // Used once; signed out, a link leads to the sign-in page.
    assert_eq!(
        app.post_form(&link, &[], &[]).await.status,
        StatusCode::GONE
    );
    assert_eq!(app.get(&link).await.status, StatusCode::GONE);

    // A link is ended by a newer request and by a new password.
    ask_with_password(&app, &cookie, "eerste@elders.nl", account::PASSWORD).await;
    ask_with_password(&app, &cookie, "tweede@elders.nl", account::PASSWORD).await;
    let messages = sink.wait_for(6).await;
    let link_to = |address: &str| {
        messages
            .iter()
            .find(|(to, _, _)| to == address)
            .and_then(|(_, _, body)| {
                body.split_whitespace()
                    .find(|w| w.contains("/nl/e-mailadres-bevestigen/"))
                    .map(path_of)
            })
            .expect("a link")
    };
    let first = link_to("eerste@elders.nl");
    let second = link_to("tweede@elders.nl");
    let replaced = app.post_form(&first, &[], &[]).await;
    assert_eq!(replaced.status, StatusCode::GONE);
    assert!(replaced.body.contains("je vroeg daarna om een ander adres"));
    let new_password = "groene fiets leest oude wolken";
    let changed = app
        .post_form(
            "/nl/account/wachtwoord",
            &[
                ("current", account::PASSWORD),
                ("password", new_password),
                ("repeat", new_password),
            ],
            &me,
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.post_form(&second, &[], &[]).await.status,
        StatusCode::GONE
    );
    assert!(has_account("anna@elders.nl").await);

    // An address another account took since the request: refused at the link, nothing changes.
    ask_with_password(&app, &cookie, "derde@elders.nl", new_password).await;
    let messages = sink.wait_for(8).await;
    let third = messages
        .iter()
        .find(|(to, _, _)| to == "derde@elders.nl")
        .and_then(|(_, _, body)| {
            body.split_whitespace()
                .find(|w| w.contains("/nl/e-mailadres-bevestigen/"))
                .map(path_of)
        })
        .expect("a link");
    store
        .create_user(
            &domain::account::Email::parse("derde@elders.nl").expect("valid"),
            &domain::account::PersonName::parse("Derde").expect("valid"),
        )
        .await
        .expect("another account");
    let taken = app.post_form(&third, &[], &[]).await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert!(taken.body.contains("hoort inmiddels bij een ander account"));
    assert!(has_account("anna@elders.nl").await);
    app.stop().await;
}

async fn ask_with_password(app: &TestApp, cookie: &str, address: &str, password: &str) {
    let asked = app
        .post_form(
            "/nl/account/e-mailadres",
            &[("email", address), ("current", password)],
            &[("cookie", cookie)],
        )
        .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", asked.body);
}
