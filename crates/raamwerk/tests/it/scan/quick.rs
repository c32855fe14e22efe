//! The quick scan without an account: it keeps nothing and gives an overview and documents.

use axum::http::StatusCode;
use domain::{Area, Kind, Role};

use crate::helpers::scan::pdf_text;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    the_quick_scan_keeps_nothing_and_gives_an_overview_and_documents,
    the_way_into_the_quick_scan_is_plain_and_the_language_switch_keeps_the_roles,
);

async fn the_way_into_the_quick_scan_is_plain_and_the_language_switch_keeps_the_roles(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    // The home page starts with the two ways in, and writes dates as people do.
    let home = app.get("/nl/").await;
    assert!(
        home.body
            .contains(r#"<a class="start-link" href="/nl/zelfscan">Doe de zelfscan</a>"#)
    );
    assert!(
        home.body
            .contains(r#"href="/nl/inloggen">Inloggen met je school</a>"#)
    );
    let date = app.state.edition().meta().date;
    assert!(home.body.contains(&format!(
        ", {}-{}-{},",
        date.day(),
        date.month(),
        date.year()
    )));
    // A role page leads to the quick scan for that role; a theme's codes link to their place.
    let role = app.get("/nl/rollen/begeleider").await;
    assert!(
        role.body
            .contains(r#"href="/nl/zelfscan?rol=BEG">Doe de zelfscan als"#)
    );
    let themes = app.get("/nl/themas/loopbaangesprek").await;
    assert!(
        themes
            .body
            .contains(r#"<a class="code" href="/nl/rollen/begeleider/"#),
        "{}",
        themes.body
    );

    // Sent without a role, the chooser says so instead of showing itself again.
    let none = app.get("/nl/zelfscan?gekozen=1").await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        none.body
            .contains("Kies ten minste één rol om de scan voor te doen.")
    );
    assert!(none.body.contains(r##"href="#roles""##));
    // The language switch keeps the roles chosen.
    let chosen = app.get("/nl/zelfscan?gekozen=1&rol=BEG&rol=COO").await;
    assert_eq!(chosen.status, StatusCode::OK);
    assert!(
        chosen
            .body
            .contains(r#"class="lang-switch" href="/en/self-scan?rol=BEG&#38;rol=COO""#),
        "{}",
        chosen.body
    );
    app.stop().await;
}

async fn the_quick_scan_keeps_nothing_and_gives_an_overview_and_documents(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let chooser = app.get("/nl/zelfscan").await;
    assert_eq!(chooser.status, StatusCode::OK);
    assert!(chooser.body.contains("Raamwerk bewaart hier niets"));
    assert!(chooser.body.contains("name=\"rol\" value=\"BEG\""));
    assert!(
        !chooser.body.contains("name=\"keuze."),
        "no statements before roles are chosen"
    );

    let form = app.get("/nl/zelfscan?rol=SPE&rol=BEG&rol=XXX").await;
    assert_eq!(form.status, StatusCode::OK);
    let edition = &app.state.edition();
    let mentor = edition
        .statements_in(Role::Mentor, Area::Vision, Kind::Task)
        .next()
        .expect("a task");
    let specialist = edition
        .statements_in(Role::Specialist, Area::Cooperation, Kind::Expertise)
        .next()
        .expect("expertise");
    assert!(
        form.body
            .contains(&format!("name=\"keuze.{}\"", mentor.code))
    );
    assert!(
        form.body
            .contains(&format!("name=\"keuze.{}\"", specialist.code))
    );
    assert!(
        !form.body.contains("name=\"keuze.COO."),
        "only the roles chosen"
    );
    assert!(
        !form.body.contains("name=\"was."),
        "nothing to compare with: nothing is stored"
    );

    let answers = [
        ("rol", "BEG".to_owned()),
        ("rol", "SPE".to_owned()),
        ("keuze", mentor.code.to_string()),
        ("notitie", mentor.code.to_string()),
        ("bespreken", specialist.code.to_string()),
    ];
    let fields: Vec<(String, String)> = answers
        .iter()
        .map(|(what, code)| match *what {
            "rol" => ("rol".to_owned(), code.clone()),
            "keuze" => (format!("keuze.{code}"), "ontwikkelen".to_owned()),
            "notitie" => (
                format!("notitie.{code}"),
                "alleen in deze pagina".to_owned(),
            ),
            _ => (format!("bespreken.{code}"), "ja".to_owned()),
        })
        .chain([("focus.SPE.SAM.D".to_owned(), "netwerk opbouwen".to_owned())])
        .collect();
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let overview = app
        .post_form("/nl/zelfscan/overzicht", &borrowed, &[])
        .await;
    assert_eq!(overview.status, StatusCode::OK, "{}", overview.body);
    assert!(overview.body.contains("Je overzicht"));
    assert!(overview.body.contains("alleen in deze pagina"));
    assert!(overview.body.contains("netwerk opbouwen"));
    assert!(overview.body.contains("role=\"img\""));
    // The answers travel in the page, to download or to go back.
    assert!(
        overview
            .body
            .contains("type=\"hidden\" name=\"focus.SPE.SAM.D\" value=\"netwerk opbouwen\"")
    );
    assert!(
        overview
            .body
            .contains("formaction=\"/nl/zelfscan/overzicht.docx\"")
    );

    let pdf = app
        .post_bytes("/nl/zelfscan/overzicht.pdf", &borrowed)
        .await;
    assert_eq!(pdf.0, StatusCode::OK);
    assert_eq!(pdf.1, "application/pdf");
    let text = pdf_text(&pdf.2)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("alleen in deze pagina"), "{text}");
    assert!(text.contains("wil ik oppakken"), "{text}");
    let docx = app
        .post_bytes("/nl/zelfscan/overzicht.docx", &borrowed)
        .await;
    assert_eq!(docx.0, StatusCode::OK);
    let text = formats::overview::docx::text_of(&docx.2).expect("a DOCX");
    assert!(text.contains("netwerk opbouwen"));

    let back = app.post_form("/nl/zelfscan/terug", &borrowed, &[]).await;
    assert_eq!(back.status, StatusCode::OK);
    assert!(back.body.contains(&format!(
        "name=\"keuze.{}\" value=\"ontwikkelen\" checked",
        mentor.code
    )));
    assert!(back.body.contains(">netwerk opbouwen</textarea>"));

    // Bad input gets the form again with what is wrong, kept as typed.
    let bad = app
        .post_form(
            "/nl/zelfscan/overzicht",
            &[
                ("rol", "BEG"),
                (&format!("keuze.{}", mentor.code), "misschien"),
                ("focus.BEG.VIS.T", "blijft staan"),
            ],
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("is geen keuze op de schaal"));
    assert!(bad.body.contains(">blijft staan</textarea>"));
    let none = app.post_form("/nl/zelfscan/overzicht", &[], &[]).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(none.body.contains("Kies ten minste één rol"));

    // And nothing was stored anywhere.
    assert!(app.state.store.schools().await.expect("schools").is_empty());
    app.stop().await;
}
