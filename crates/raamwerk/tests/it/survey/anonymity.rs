//! A survey from opening to results: a coordinator opens it for two classes and gets their
//! codes once; students answer without an account (a guessed code, an answer outside the
//! scale, a huge open answer and a spent code refused, nothing stored); while open nobody
//! sees results; once closed the small class is hidden — and so is the large one, since the
//! whole minus it would give the small one away — on the page, in the workbook and in the
//! API alike; k cannot go down and the survey cannot open again.

use axum::http::StatusCode;
use calamine::{Reader, Xlsx};

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(students_answer_anonymously_and_small_groups_stay_hidden);

const SURVEYS: &str = "/nl/scholen/stedelijk-lyceum/leerlingenenquete";

/// The codes a page shows (`ABCDE-FGHJK` in a code cell), in order.
fn codes_on(page: &str) -> Vec<String> {
    page.split("<td class=\"code-cell\">")
        .skip(1)
        .filter_map(|rest| rest.split('<').next())
        .map(str::to_owned)
        .collect()
}

/// Every text cell of a workbook.
fn workbook_text(bytes: &[u8]) -> String {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.to_vec())).expect("an XLSX");
    let mut out = String::new();
    for name in book.sheet_names() {
        out.push_str(&format!("[{name}]\n"));
        let range = book.worksheet_range(&name).expect("sheet");
        for row in range.rows() {
            let cells: Vec<String> = row.iter().map(|c| c.to_string()).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    out
}

async fn students_answer_anonymously_and_small_groups_stay_hidden(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // A member reads the list but opens nothing.
    let list = app.get_with(SURVEYS, &as_member).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Er is nog geen leerlingenenquête."));
    assert!(!list.body.contains("Enquête openen"));
    // A line without a number is refused, naming it; nothing opened.
    let refused = app
        .post_form(
            SURVEYS,
            &[
                ("naam", "Voorjaar"),
                ("groepen", "3 havo A, 12\n3 vwo B"),
                ("k", "10"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Regel 2"), "{}", refused.body);
    assert!(refused.body.contains("3 vwo B"), "what was typed stays");
    let refused = app
        .post_form(
            SURVEYS,
            &[
                ("naam", "Voorjaar"),
                ("groepen", "3 havo A, 12"),
                ("k", "4"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("nooit getoond over minder dan 5"),
        "{}",
        refused.body
    );
    assert!(
        app.state
            .store
            .surveys(lyceum.school.id)
            .await
            .expect("list")
            .is_empty()
    );

    let opened = app
        .post_form(
            SURVEYS,
            &[
                ("naam", "Voorjaar 2027"),
                ("groepen", "3 havo A, 12\n3 vwo B, 4"),
                ("k", "10"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK, "{}", opened.body);
    assert!(opened.body.contains("De enquête is geopend."));
    let codes = codes_on(&opened.body);
    assert_eq!(codes.len(), 2, "{}", opened.body);
    let (havo, vwo) = (codes[0].clone(), codes[1].clone());
    let survey = app
        .state
        .store
        .surveys(lyceum.school.id)
        .await
        .expect("list")[0]
        .id;
    let page_path = format!("{SURVEYS}/{survey}");
    // The codes are shown once: the survey's own page does not have them.
    let page = app.get_with(&page_path, &as_coordinator).await;
    assert!(codes_on(&page.body).is_empty());
    assert!(!page.body.contains(&havo));

    // A student, without an account.
    let start = app.get("/nl/enquete").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(start.body.contains("Vragenlijst over je keuzes"));
    let guessed = app
        .post_form("/nl/enquete", &[("code", "AAAAA-AAAAA")], &[])
        .await;
    assert_eq!(guessed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(guessed.body.contains("Deze code kennen we niet"));
    let form = app
        .post_form("/nl/enquete", &[("code", &havo.to_lowercase())], &[])
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Voorjaar 2027"));
    assert_eq!(form.body.matches("class=\"survey-item\"").count(), 10);
    assert!(form.body.contains("minstens 10 leerlingen"));
    // The language switch takes the code along, by form, to the English questionnaire.
    assert!(
        form.body.contains(
            "<form class=\"inline-form lang-switch\" method=\"post\" action=\"/en/survey\">"
        ),
        "{}",
        form.body
    );
    assert!(
        form.body
            .contains(&format!("name=\"code\" value=\"{havo}\""))
    );
    let english = app.post_form("/en/survey", &[("code", &havo)], &[]).await;
    assert_eq!(english.status, StatusCode::OK);
    assert!(
        english
            .body
            .contains("My mentor talks with me about what I want later.")
    );
    // Outside the scale, and a huge open answer: refused, what was chosen kept, nothing stored.
    let bad = app
        .post_form(
            "/nl/enquete/antwoorden",
            &[("code", &havo), ("v1", "4"), ("v3", "5")],
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Bij vraag 3 staat een antwoord"),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("name=\"v1\" value=\"4\" checked"));
    let huge = "x".repeat(100_000);
    let bad = app
        .post_form(
            "/nl/enquete/antwoorden",
            &[("code", &havo), ("v1", "4"), ("opmerking", &huge)],
            &[],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("100000 tekens"),
        "{}",
        &bad.body[..2000.min(bad.body.len())]
    );
    let read = app
        .state
        .store
        .survey(lyceum.school.id, survey)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.summary.answers, 0, "nothing stored, no use spent");

    // Twelve students of 3 havo A agree; three of 3 vwo B disagree.
    for i in 0..12 {
        let remark = format!("Opmerking {i:02}");
        let sent = app
            .post_form(
                "/nl/enquete/antwoorden",
                &[
                    ("code", &havo),
                    ("v1", "4"),
                    ("v2", "3"),
                    ("opmerking", &remark),
                ],
                &[],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
        assert_eq!(sent.header("location"), "/nl/enquete/bedankt");
    }
    let spent = app
        .post_form(
            "/nl/enquete/antwoorden",
            &[("code", &havo), ("v1", "4")],
            &[],
        )
        .await;
    assert_eq!(spent.status, StatusCode::CONFLICT);
    assert!(spent.body.contains("al zo vaak geantwoord"));
    for _ in 0..3 {
        let sent = app
            .post_form(
                "/nl/enquete/antwoorden",
                &[("code", &vwo), ("v1", "1")],
                &[],
            )
            .await;
        assert_eq!(sent.status, StatusCode::SEE_OTHER);
    }
    let thanks = app.get("/nl/enquete/bedankt").await;
    assert!(thanks.body.contains("Je antwoorden zijn opgeslagen."));

    // While open: progress, no results anywhere.
    let page = app.get_with(&page_path, &as_member).await;
    assert!(
        page.body
            .contains("15 van 16 leerlingen hebben geantwoord."),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("De resultaten verschijnen als de enquête gesloten is.")
    );
    assert!(!page.body.contains("Opmerking 00"));
    let (status, _, _) = app
        .get_bytes(&format!("{page_path}/resultaten.xlsx"), &as_member)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let api = format!("/api/v1/schools/stedelijk-lyceum/surveys/{survey}/results");
    assert_eq!(
        app.get_with(&api, &as_member).await.status,
        StatusCode::NOT_FOUND
    );

    // Closing needs a tick, then is final.
    let unsure = app
        .post_form(&page_path, &[("stap", "sluiten")], &as_coordinator)
        .await;
    assert_eq!(unsure.status, StatusCode::UNPROCESSABLE_ENTITY);
    let closed = app
        .post_form(
            &page_path,
            &[("stap", "sluiten"), ("zeker", "ja")],
            &as_coordinator,
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let again = app
        .post_form(
            &page_path,
            &[("stap", "sluiten"), ("zeker", "ja")],
            &as_coordinator,
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("Deze enquête is gesloten"));
    let late = app
        .post_form(
            "/nl/enquete/antwoorden",
            &[("code", &vwo), ("v1", "4")],
            &[],
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert!(late.body.contains("Deze vragenlijst is gesloten"));
    // Anonymity is not switched off: k does not go down.
    let lower = app
        .post_form(&page_path, &[("stap", "k"), ("k", "5")], &as_coordinator)
        .await;
    assert_eq!(lower.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(lower.body.contains("nooit meer omlaag"), "{}", lower.body);

    // The results: the whole (15) shown; 3 vwo B (3) hidden, and 3 havo A (12) with it, or
    // the whole minus 3 havo A would be 3 vwo B's answers.
    let page = app.get_with(&page_path, &as_member).await;
    assert!(page.body.contains("15 antwoorden"), "{}", page.body);
    assert_eq!(
        page.body
            .matches("niet getoond: te weinig antwoorden")
            .count(),
        2,
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<th scope=\"row\">3 havo A</th>\n        <td colspan=\"5\">niet getoond"),
        "no figure of 3 havo A alone"
    );
    // Item 1: three disagreed strongly, twelve agreed strongly: 80%.
    assert!(
        page.body
            .contains("<td>3</td>\n        <td>0</td>\n        <td>0</td>\n        <td>12</td>"),
        "{}",
        page.body
    );
    // The open answers, in alphabetical order.
    let first = page.body.find("Opmerking 00").expect("remarks shown");
    let last = page.body.find("Opmerking 11").expect("remarks shown");
    assert!(first < last);

    let (status, kind, bytes) = app
        .get_bytes(&format!("{page_path}/resultaten.xlsx"), &as_member)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(kind.contains("spreadsheetml"));
    let text = workbook_text(&bytes);
    assert!(text.contains("[Uitspraken]"), "{text}");
    assert!(text.contains("3 havo A\tniet getoond"), "{text}");
    assert!(text.contains("3 vwo B\tniet getoond"), "{text}");
    assert!(text.contains("Opmerking 05"));

    let api = app.get_with(&api, &as_member).await;
    assert_eq!(api.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&api.body).expect("JSON");
    assert_eq!(json["k"], 10);
    assert_eq!(json["whole"]["answers"], 15);
    assert_eq!(
        json["whole"]["items"][0]["steps"],
        serde_json::json!([3, 0, 0, 12])
    );
    assert!(json["groups"][0]["figures"].is_null());
    assert!(json["groups"][1]["figures"].is_null());

    // The cycle counts the survey's answers in the check phase.
    let cycle = app
        .get_with(
            &format!(
                "/nl/scholen/stedelijk-lyceum/visie/jaarcyclus?jaar={}",
                domain::allocation::SchoolYear::of(domain::clock::dutch_date(store::now_millis()))
            ),
            &as_member,
        )
        .await;
    assert!(
        cycle.body.contains("leerlingenenquête (15 antwoorden)"),
        "{}",
        cycle.body
    );
    app.stop().await;
}

on_both_backends!(below_k_nothing_is_shown_anywhere);

async fn below_k_nothing_is_shown_anywhere(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let (survey, codes) = store
        .open_survey(
            lyceum.school.id,
            lyceum.coordinator.id,
            &domain::plan::Line::parse("Klein", 120).expect("valid"),
            domain::aggregate::Threshold::new(10).expect("k"),
            &domain::survey::parse_groups("klas 1, 30", &[]).expect("valid"),
        )
        .await
        .expect("opened");
    let answer = domain::survey::Response::parse(&[
        ("v4".to_owned(), "2".to_owned()),
        ("opmerking".to_owned(), "Alleen ik zei dit".to_owned()),
    ])
    .expect("valid");
    for _ in 0..9 {
        store
            .answer_survey(&codes[0].code, &answer)
            .await
            .expect("answered");
    }
    store
        .close_survey(lyceum.school.id, lyceum.coordinator.id, survey)
        .await
        .expect("closed");
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];
    let page_path = format!("{SURVEYS}/{survey}");
    let page = app.get_with(&page_path, &as_member).await;
    assert!(
        page.body.contains("Te weinig antwoorden om iets te tonen."),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Alleen ik zei dit"));
    assert!(
        !page.body.contains("resultaten.xlsx\""),
        "no download of nothing"
    );
    let (_, _, bytes) = app
        .get_bytes(&format!("{page_path}/resultaten.xlsx"), &as_member)
        .await;
    let text = workbook_text(&bytes);
    assert!(
        !text.contains("[Uitspraken]") && !text.contains("Alleen ik zei dit"),
        "{text}"
    );
    let api = app
        .get_with(
            &format!("/api/v1/schools/stedelijk-lyceum/surveys/{survey}/results"),
            &as_member,
        )
        .await;
    let json: serde_json::Value = serde_json::from_str(&api.body).expect("JSON");
    assert!(json["whole"].is_null(), "{json}");
    assert_eq!(json["remarks"], serde_json::json!([]));
    assert!(!api.body.contains("Alleen ik zei dit"));
    app.stop().await;
}
