//! `raamwerk serve`, `demo` and the errors and help of the command line.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{raamwerk, text};
use crate::helpers::{Backend, TestDb};

#[test]
fn a_bad_or_unreachable_database_is_one_clear_line_and_exit_code_2() {
    for url in [
        "mysql://localhost/raamwerk",
        "postgres://postgres@127.0.0.1:1/raamwerk",
        "sqlite://",
    ] {
        let out = raamwerk(&["migrate", "--database", url]);
        assert_eq!(out.status.code(), Some(2), "{url}: {}", text(&out.stderr));
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{url}: {stderr}");
        assert!(
            stderr.starts_with("raamwerk: the database cannot be used"),
            "{stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }
    let secret = raamwerk(&[
        "migrate",
        "--database",
        "postgres://postgres:geheim@127.0.0.1:1/raamwerk",
    ]);
    assert!(
        !text(&secret.stderr).contains("geheim"),
        "passwords never reach messages"
    );
    let nonsense = raamwerk(&["serve", "--listen", "not-an-address"]);
    assert_eq!(nonsense.status.code(), Some(2));
}

#[tokio::test]
async fn serve_starts_from_the_environment_answers_and_stops_on_sigterm() {
    let db = TestDb::new(Backend::Sqlite).await;
    let mut child = Command::new(env!("CARGO_BIN_EXE_raamwerk"))
        .env("RAAMWERK_LISTEN", "127.0.0.1:0")
        .env("RAAMWERK_DATABASE_URL", &db.url)
        .env("LANG", "en_GB.UTF-8")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut address = None;
    let mut line = String::new();
    while address.is_none() && Instant::now() < deadline {
        line.clear();
        if stderr.read_line(&mut line).expect("log") == 0 {
            break;
        }
        address = line
            .split("listening on http://")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_owned);
    }
    let address = address.expect("a line with the address it serves");

    let mut stream = TcpStream::connect(&address).expect("connect");
    write!(
        stream,
        "GET /readyz HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.wait().expect("exits");
    assert!(status.success(), "a graceful stop exits 0, got {status:?}");
    let mut rest = String::new();
    let _ = stderr.read_to_string(&mut rest);
    assert!(rest.contains("stopped"), "{rest}");
    let mut stdout = String::new();
    let _ = child
        .stdout
        .take()
        .map(|mut out| out.read_to_string(&mut stdout));
    assert!(stdout.contains("has not been set up yet"), "{stdout}");
    assert!(
        stdout.contains(&format!("http://{address}/nl/inrichten/")),
        "a set-up link on the first run: {stdout}"
    );
    db.remove().await;
}

#[test]
fn help_speaks_the_terminal_language() {
    let english = raamwerk(&["framework", "export", "--help"]);
    assert!(text(&english.stdout).contains("Write an edition to standard output"));
    let dutch = Command::new(env!("CARGO_BIN_EXE_raamwerk"))
        .args(["framework", "export", "--help"])
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("runs");
    let help = text(&dutch.stdout);
    assert!(
        help.contains("Een editie naar standaarduitvoer schrijven"),
        "{help}"
    );
    assert!(help.contains("De database: sqlite://PAD"), "{help}");
}

/// Signs in with a printed `role: ADDRESS PASSWORD` line; the session's cookie.
async fn sign_in(app: &crate::helpers::TestApp, who: &str, line: &[&str]) -> String {
    let page = app
        .post_form(
            "/nl/inloggen",
            &[("email", line[1]), ("password", line[2])],
            &[],
        )
        .await;
    assert_eq!(
        page.status,
        axum::http::StatusCode::SEE_OTHER,
        "{who}: {}",
        page.body
    );
    page.header("set-cookie")
        .split(';')
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn short_name_of_demo() -> &'static str {
    "demoschool-de-zandloper"
}

/// `raamwerk demo` makes a school in which every feature has something to show, signs in
/// with the printed passwords, and replaces itself when run again.
async fn the_demo_shows_every_feature(backend: Backend) {
    let app = crate::helpers::TestApp::spawn(backend).await;
    let url = app.database_url().to_owned();
    let mut printed = String::new();
    for _ in 0..2 {
        let out = raamwerk(&["demo", "--school-size", "30", "--database", &url]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        printed = text(&out.stdout);
    }
    let lines: Vec<Vec<&str>> = printed.lines().map(|l| l.split(' ').collect()).collect();
    assert_eq!(lines.len(), 4, "{printed}");
    assert_eq!(
        (lines[0][0], lines[1][0], lines[2][0], lines[3][0]),
        ("coordinator:", "member:", "network:", "api:")
    );
    let store = &app.state.store;
    let schools = store.schools().await.expect("schools");
    let demo: Vec<_> = schools
        .iter()
        .filter(|s| s.name.to_string() == "Demoschool De Zandloper")
        .collect();
    assert_eq!(demo.len(), 1, "run twice, still one demo school");
    let school = demo[0].id;
    assert_eq!(store.members(school).await.expect("members").len(), 30);
    assert_eq!(store.rounds(school).await.expect("rounds").len(), 2);
    let editions = store.school_editions(school).await.expect("editions");
    assert_eq!(editions.len(), 1);
    assert!(editions[0].public);
    let round = &store.rounds(school).await.expect("rounds")[0];
    assert!(
        !store
            .suggestions(school, round.id)
            .await
            .expect("suggestions")
            .is_empty()
    );
    for (who, line) in [("coordinator", &lines[0]), ("member", &lines[1])] {
        let cookie = sign_in(&app, who, line).await;
        let tasks = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/taken?jaar=2026-2027",
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(tasks.status, axum::http::StatusCode::OK, "{who}");
        assert!(tasks.body.contains("Om over te praten"));
        assert!(tasks.body.contains("Anouk Akkerman"));
        let framework = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/raamwerk",
                &[("cookie", &cookie)],
            )
            .await;
        assert!(
            framework
                .body
                .contains("Regionale en beroepsspecifieke taken toegevoegd.")
        );
        // The member's plan, shared with the coordinator; their conversation, shared too.
        let talks = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/gesprekken",
                &[("cookie", &cookie)],
            )
            .await;
        assert_eq!(talks.status, axum::http::StatusCode::OK, "{who}");
        let plan = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/ontwikkelplan",
                &[("cookie", &cookie)],
            )
            .await;
        // The open round's team picture shows the roles with enough people.
        let open_round = &store.rounds(school).await.expect("rounds")[0];
        let picture = app
            .get_with(
                &format!(
                    "/nl/scholen/demoschool-de-zandloper/rondes/{}/teambeeld",
                    open_round.id
                ),
                &[("cookie", &cookie)],
            )
            .await;
        assert!(
            picture.body.contains("deelnemers</span>"),
            "{}",
            picture.body
        );
        assert!(picture.body.contains("onderbouw"));
        // A team meeting prepared from it, with an agreement that fed the allocation.
        let meetings = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/teamoverleg",
                &[("cookie", &cookie)],
            )
            .await;
        assert!(
            meetings.body.contains("Teamoverleg 16-12-2026"),
            "{}",
            meetings.body
        );
        assert!(
            meetings.body.contains("4 onderwerpen, 2 afspraken"),
            "{}",
            meetings.body
        );
        // The vision: two versions, the newest beside the practice.
        let vision = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/visie",
                &[("cookie", &cookie)],
            )
            .await;
        assert!(
            vision
                .body
                .contains("Versie 2, vastgesteld op 20-10-2026 door"),
            "{}",
            vision.body
        );
        assert!(
            vision
                .body
                .contains("Elke leerling in klas 4 loopt een snuffelstage")
        );
        assert!(vision.body.contains("<dt>Verantwoordelijk</dt>"));
        assert!(
            vision
                .body
                .contains("Versie 1, vastgesteld op 20-9-2026 door")
        );
        let plans = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/visie/werkplannen",
                &[("cookie", &cookie)],
            )
            .await;
        let cycle = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/visie/jaarcyclus?jaar=2026-2027",
                &[("cookie", &cookie)],
            )
            .await;
        assert!(
            cycle
                .body
                .contains("Na de eerste periode had 64% een gesprek gehad"),
            "{}",
            cycle.body
        );
        assert!(
            plans.body.contains(
                "onderbouw</a> · 2026-2027 · 2 doelen, 4 activiteiten, uit visie versie 2"
            ),
            "{}",
            plans.body
        );
        // Two student surveys: last spring's closed with its results (the smallest group
        // hidden, and the next smallest with it), this year's open.
        let surveys = app
            .get_with(
                "/nl/scholen/demoschool-de-zandloper/leerlingenenquete",
                &[("cookie", &cookie)],
            )
            .await;
        assert!(
            surveys.body.contains("48 van 78 leerlingen antwoordden"),
            "{}",
            surveys.body
        );
        assert!(surveys.body.contains("7 van 52 leerlingen antwoordden"));
        let closed = surveys
            .body
            .split("href=\"")
            .find(|part| part.contains("Leerlingenenquête LOB voorjaar"))
            .and_then(|part| part.split('"').next())
            .expect("a link to the closed survey")
            .to_owned();
        let results = app.get_with(&closed, &[("cookie", &cookie)]).await;
        assert!(results.body.contains("48 antwoorden"), "{}", results.body);
        assert_eq!(
            results
                .body
                .matches("niet getoond: te weinig antwoorden")
                .count(),
            2
        );
        assert!(results.body.contains("Antwoorden op de open vraag"));
        // Beside the students, per area, the team picture's overview of the open round.
        assert!(
            results
                .body
                .contains("De teamcijfers komen uit het teambeeld van ronde")
        );
        assert_eq!(
            results.body.matches("%</td></tr>").count(),
            4,
            "a team figure for every area: {}",
            results.body
        );
        if who == "member" {
            assert!(talks.body.contains("Gesprek met"), "{}", talks.body);
            assert!(plan.body.contains("Vaker met ouders over de keuze"));
            assert!(plan.body.contains("Je antwoorden in najaar 2025 en nu"));
            assert!(plan.body.contains("lezen en reageren"));
        } else {
            assert!(
                talks.body.contains("Het ontwikkelplan van"),
                "{}",
                talks.body
            );
            assert!(talks.body.contains("met jou</a>"), "{}", talks.body);
            // The demo school is in a pilot network; its coordinator sees the school's own
            // position beside the network's figures, and no other school's name.
            let network = app
                .get_with(
                    "/nl/scholen/demoschool-de-zandloper/netwerken/demopilot-lob-oost",
                    &[("cookie", &cookie)],
                )
                .await;
            assert_eq!(
                network.status,
                axum::http::StatusCode::OK,
                "{}",
                network.body
            );
            assert!(
                network.body.contains("8 scholen zijn lid"),
                "{}",
                network.body
            );
            assert!(network.body.contains("kwart)") || network.body.contains("helft)"));
            assert!(!network.body.contains("Demoschool Veldzicht"));
        }
    }
    // The network's coordinator signs in with the printed password and sees the figures of
    // eight schools side by side, with two explanations by name and one without.
    let cookie = sign_in(&app, "network coordinator", &lines[2]).await;
    let network = app
        .get_with("/nl/netwerken/demopilot-lob-oost", &[("cookie", &cookie)])
        .await;
    assert_eq!(
        network.status,
        axum::http::StatusCode::OK,
        "{}",
        network.body
    );
    assert!(
        network.body.contains("<td>8 scholen</td>"),
        "{}",
        network.body
    );
    assert!(network.body.contains("Een school in het netwerk"));
    assert!(network.body.contains("vaste LOB-week"));
    // The member's printed API token reads their own scan of the open round.
    let bearer = format!("Bearer {}", lines[3][1]);
    let rounds = app
        .get_with(
            &format!("/api/v1/schools/{}/rounds", short_name_of_demo()),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(rounds.status, axum::http::StatusCode::OK, "{}", rounds.body);
    let list: serde_json::Value = serde_json::from_str(&rounds.body).expect("JSON");
    let open = list["rounds"][0]["id"]
        .as_str()
        .expect("a round")
        .to_owned();
    let scan = app
        .get_with(
            &format!(
                "/api/v1/schools/{}/rounds/{open}/scan",
                short_name_of_demo()
            ),
            &[("authorization", bearer.as_str())],
        )
        .await;
    assert_eq!(scan.status, axum::http::StatusCode::OK, "{}", scan.body);
    assert!(scan.body.contains("\"choice\""), "{}", scan.body);
    app.stop().await;
}

#[tokio::test]
async fn the_demo_shows_every_feature_sqlite() {
    the_demo_shows_every_feature(Backend::Sqlite).await;
}

#[tokio::test]
async fn the_demo_shows_every_feature_postgres() {
    the_demo_shows_every_feature(Backend::Postgres).await;
}
