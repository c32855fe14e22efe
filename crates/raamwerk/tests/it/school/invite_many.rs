//! Inviting many people at once from a pasted list or an uploaded CSV: every bad line is
//! named with its number and why, the good ones are invited, and nothing is invited twice;
//! on both backends.

use axum::http::StatusCode;

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_list_invites_the_good_lines_and_names_the_bad_ones);

/// The list form as a browser sends it: the pasted list, a file, the permission and roles.
fn list_form(list: &str, file: &[u8], permission: &str, roles: &[&str]) -> (String, Vec<u8>) {
    let boundary = "----raamwerk-list-boundary";
    let mut body = Vec::new();
    let mut text = |name: &str, value: &str| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    };
    text("lijst", list);
    text("permission", permission);
    for role in roles {
        text(role, "on");
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"team.csv\"\r\nContent-Type: text/csv\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn a_list_invites_the_good_lines_and_names_the_bad_ones(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let path = "/nl/scholen/stedelijk-lyceum/uitnodigingen/lijst";
    let before = app
        .state
        .store
        .invitations(lyceum.school.id)
        .await
        .expect("read")
        .len();

    let list = "Fatima El Amrani <fatima@lyceum.nl>\n\
                geen adres hier\n\
                mentor@lyceum.nl\n\
                jelle@lyceum.nl\n\
                FATIMA@lyceum.nl";
    let file = "\u{feff}naam;e-mail\r\nAnna de Wit;anna@lyceum.nl\r\nkapot@\r\n".as_bytes();
    let (content_type, body) = list_form(list, file, "lid", &["role_beg"]);
    let page = app
        .post_raw(path, &content_type, body, &as_coordinator)
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let text = &page.body;
    assert!(text.contains("3 mensen uitgenodigd."), "{text}");
    for invited in ["fatima@lyceum.nl", "jelle@lyceum.nl", "anna@lyceum.nl"] {
        assert!(
            text.contains(&format!("Link voor {invited}")),
            "{invited} has a link to pass on without SMTP"
        );
    }
    assert!(text.contains("4 regels zijn niet uitgenodigd"), "{text}");
    for line in [
        "Regel 2 (geen adres hier): er staat geen e-mailadres op deze regel",
        "Regel 3 (mentor@lyceum.nl): Dit adres hoort al bij een lid van deze school.",
        "Regel 5 (FATIMA@lyceum.nl): dit adres staat al op regel 1",
        "Regel 8 (kapot@): ",
    ] {
        assert!(text.contains(line), "{line:?} in {text}");
    }
    assert!(text.contains("is geen geldig e-mailadres"));
    let after = app
        .state
        .store
        .invitations(lyceum.school.id)
        .await
        .expect("read");
    assert_eq!(after.len(), before + 3);
    let anna = after
        .iter()
        .find(|i| i.email.as_str() == "anna@lyceum.nl")
        .expect("Anna is invited");
    assert_eq!(anna.permission, domain::account::Permission::Member);
    assert_eq!(anna.roles.to_string(), "BEG");

    // A list with nothing to invite changes nothing and keeps what was typed.
    let (content_type, body) = list_form("alleen namen\nnog een naam", b"", "lid", &[]);
    let page = app
        .post_raw(path, &content_type, body, &as_coordinator)
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("alleen namen\nnog een naam</textarea>"));
    assert_eq!(
        app.state
            .store
            .invitations(lyceum.school.id)
            .await
            .expect("read")
            .len(),
        before + 3
    );
    let (content_type, body) = list_form("", &[0xff, 0xfe, 0x00], "lid", &[]);
    let page = app
        .post_raw(path, &content_type, body, &as_coordinator)
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("Het bestand is geen tekst (UTF-8)"));

    // A member may not invite.
    let member = app.session(lyceum.member.id).await;
    let (content_type, body) = list_form("iemand@lyceum.nl", b"", "lid", &[]);
    let refused = app
        .post_raw(path, &content_type, body, &[("cookie", member.as_str())])
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    app.stop().await;
}
