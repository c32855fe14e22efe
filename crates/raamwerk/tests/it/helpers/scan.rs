//! A round and a scan as the tests make and read them: an open round, its id, the form of
//! an area as the page has it, and the text of a PDF.

use domain::scan::{Period, RoundName};
use domain::{Area, Code, Kind, Role};

use crate::helpers::TestApp;
use crate::helpers::team::team;

pub fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

pub fn name(s: &str) -> RoundName {
    RoundName::parse(s).expect("valid")
}

pub fn period() -> Period {
    Period::parse("2026-11-25", "2027-01-31").expect("valid")
}

pub const AREA: &str = "/begeleider/visie-en-beleid";

/// The Stedelijk Lyceum, whose coordinator opened a round on the national edition; the
/// round's page path.
pub async fn open(app: &TestApp) -> (crate::helpers::team::Team, String) {
    let lyceum = team(app, "Stedelijk Lyceum", "lyceum.nl").await;
    let round = open_round(app, &lyceum).await;
    (
        lyceum,
        format!("/nl/scholen/stedelijk-lyceum/rondes/{}", round.id),
    )
}

/// A round *najaar 2026* opened by the team's coordinator on the national edition.
pub async fn open_round(app: &TestApp, team: &crate::helpers::team::Team) -> store::Round {
    app.state
        .store
        .open_round(
            team.school.id,
            team.coordinator.id,
            &name("najaar 2026"),
            period(),
            app.state.edition().id(),
        )
        .await
        .expect("opened")
}

pub fn round_id(round_path: &str) -> uuid::Uuid {
    uuid::Uuid::parse_str(round_path.rsplit('/').next().expect("id")).expect("uuid")
}

/// The fields a page's form posts back as a browser without script would: hidden original
/// values, radio buttons and boxes as checked, text areas with their text.
pub fn form_of(body: &str) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for piece in body.split('<').skip(1) {
        let attr = |name: &str| {
            let marker = format!(" {name}=\"");
            piece.find(&marker).map(|i| {
                let rest = &piece[i + marker.len()..];
                rest[..rest.find('"').unwrap_or(0)].to_owned()
            })
        };
        if piece.starts_with("input") {
            let Some(field) = attr("name") else {
                continue;
            };
            let kind = attr("type").unwrap_or_default();
            if (kind == "radio" || kind == "checkbox") && !piece.contains(" checked") {
                continue;
            }
            pairs.push((field, unescape(&attr("value").unwrap_or_default())));
        } else if piece.starts_with("textarea")
            && let (Some(field), Some(end)) = (attr("name"), piece.find('>'))
        {
            pairs.push((field, unescape(&piece[end + 1..])));
        }
    }
    pairs
}

pub fn unescape(s: &str) -> String {
    s.replace("&#34;", "\"")
        .replace("&#39;", "'")
        .replace("&#60;", "<")
        .replace("&#62;", ">")
        .replace("&#38;", "&")
}

/// A form with some fields set to new values (an empty value: the field is not sent).
pub fn with(mut form: Vec<(String, String)>, set: &[(&str, &str)]) -> Vec<(String, String)> {
    for (field, value) in set {
        form.retain(|(f, _)| f != field);
        if !value.is_empty() {
            form.push(((*field).to_owned(), (*value).to_owned()));
        }
    }
    form
}

pub async fn post_pairs(
    app: &TestApp,
    path: &str,
    pairs: &[(String, String)],
    cookie: &str,
) -> crate::helpers::Page {
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    app.post_form(path, &borrowed, &[("cookie", cookie)]).await
}

/// The first task statement of the mentor in vision and policy.
pub fn first_task(app: &TestApp) -> String {
    app.state
        .edition()
        .statements_in(Role::Mentor, Area::Vision, Kind::Task)
        .next()
        .expect("a task")
        .code
        .to_string()
}

/// The text of a PDF, as `pdftotext` reads it (Debian's poppler-utils; scripts/test
/// installs it).
pub fn pdf_text(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext runs (scripts/test installs poppler-utils)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(pdf)
        .expect("write the PDF");
    let out = child.wait_with_output().expect("pdftotext ends");
    assert!(out.status.success(), "pdftotext reads the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
