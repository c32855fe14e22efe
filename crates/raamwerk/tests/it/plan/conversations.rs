//! A conversation from agenda to agreements to actions: prepared from what the owner chose
//! to bring, edited, shared with the colleague partner, agreements recorded by both, the
//! documents read back, and a third colleague who gets a 404 throughout.

use axum::http::StatusCode;
use domain::framework::Date;
use domain::plan::{GoalFields, GoalStatus, Line};
use domain::scan::{Change, Choice, Note};

use crate::helpers::scan::{code, open, pdf_text, round_id};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_conversation_goes_from_agenda_to_agreements_to_actions);

const TALKS: &str = "/nl/scholen/stedelijk-lyceum/gesprekken";

async fn a_conversation_goes_from_agenda_to_agreements_to_actions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let me = lyceum.member.id;
    store
        .save_scan(
            school,
            round_id(&round_path),
            me,
            &[
                Change::Choice(code("BEG.ORI.T1"), Some(Choice::Partly)),
                Change::Discuss(code("BEG.ORI.T1"), true),
                Change::AnswerNote(
                    code("BEG.ORI.T1"),
                    Note::parse("Privé: lastig met ouders", 500).expect("valid"),
                ),
            ],
        )
        .await
        .expect("saved");
    let goal = store
        .add_goal(
            school,
            me,
            &GoalFields {
                what: Line::parse("Beter doorvragen", 300).expect("valid"),
                why: None,
                statements: vec![],
                support: None,
                partner: None,
                target: None,
                status: GoalStatus::Open,
                reflection: None,
            },
            None,
            Date::new(2026, 12, 6).expect("valid"),
        )
        .await
        .expect("goal");
    let mine = app.session(me).await;
    let decaan = app.session(lyceum.coordinator.id).await;
    let beheer = app.session(lyceum.admin.id).await;
    let as_me = [("cookie", mine.as_str())];
    let as_decaan = [("cookie", decaan.as_str())];
    let as_beheer = [("cookie", beheer.as_str())];
    let partner = format!("persoon:{}", lyceum.coordinator.id.0);

    // Prepared without the notes: the flagged statement and the goal are on the agenda.
    let bad = app
        .post_form(
            &format!("{TALKS}/voorbereiden"),
            &[("partner", partner.as_str()), ("minutes", "5")],
            &as_me,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        store
            .conversations(school, me)
            .await
            .expect("list")
            .is_empty()
    );
    let made = app
        .post_form(
            &format!("{TALKS}/voorbereiden"),
            &[
                ("partner", partner.as_str()),
                ("planned_on", "2026-12-17"),
                ("minutes", "40"),
            ],
            &as_me,
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let path = made
        .header("location")
        .split('?')
        .next()
        .expect("path")
        .to_owned();
    let page = app.get_with(made.header("location"), &as_me).await;
    assert!(page.body.contains("De agenda is voorgesteld."));
    assert!(page.body.contains("Gesprek met Decaan Stedelijk Lyceum"));
    assert!(page.body.contains("Agenda (40 minuten)"), "{}", page.body);
    for step in ["Terugkijken", "Reflecteren", "Vooruitkijken", "Actie"] {
        assert!(
            page.body.contains(&format!("<legend>{step}</legend>")),
            "{step}"
        );
    }
    assert!(page.body.contains("BEG.ORI.T1"), "the flagged statement");
    assert!(page.body.contains("Doel: Beter doorvragen"));
    assert!(
        !page.body.contains("lastig met ouders"),
        "notes only when ticked"
    );
    assert!(
        page.body.contains("Wat is een eerste kleine stap"),
        "questions as suggestions"
    );

    // Not shared yet: the partner and a third colleague see nothing.
    for cookie in [&as_decaan, &as_beheer] {
        assert_eq!(
            app.get_with(&path, cookie).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get_with(&format!("{path}/gesprek.pdf"), cookie)
                .await
                .status,
            StatusCode::NOT_FOUND
        );
    }

    // The owner edits a step and shares it.
    let saved = app
        .post_form(
            &path,
            &[
                ("op", "save"),
                ("revision", "0"),
                ("partner", partner.as_str()),
                ("planned_on", "2026-12-17"),
                ("minuten-terugkijken", "5"),
                ("punten-terugkijken", "Hoe ging de ouderavond?"),
                ("minuten-reflecteren", "15"),
                ("punten-reflecteren", "BEG.ORI.T1 gesprekken met ouders"),
                ("minuten-vooruitkijken", "10"),
                ("punten-vooruitkijken", "Doel: Beter doorvragen"),
                ("minuten-actie", "10"),
                ("punten-actie", ""),
            ],
            &as_me,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let stale = app
        .post_form(&path, &[("op", "save"), ("revision", "0")], &as_me)
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let too_long = app
        .post_form(
            &path,
            &[("op", "save"), ("revision", "1"), ("minuten-actie", "500")],
            &as_me,
        )
        .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.body.contains("Hoogstens 120 minuten."));
    let shared = app.post_form(&path, &[("op", "share")], &as_me).await;
    assert_eq!(shared.status, StatusCode::SEE_OTHER);

    // The partner reads it on Gesprekken and records an agreement; the third does not.
    let talks = app.get_with(TALKS, &as_decaan).await;
    assert!(
        talks
            .body
            .contains("Gesprek van Mentor Stedelijk Lyceum met jou")
    );
    let theirs = app.get_with(&path, &as_decaan).await;
    assert_eq!(theirs.status, StatusCode::OK);
    assert!(theirs.body.contains("Hoe ging de ouderavond?"));
    assert!(
        !theirs.body.contains(r#"name="op" value="save""#),
        "read-only for the partner"
    );
    let owner_only = app
        .post_form(&path, &[("op", "delete"), ("zeker", "ja")], &as_decaan)
        .await;
    assert_eq!(owner_only.status, StatusCode::UNPROCESSABLE_ENTITY);
    let agreed = app
        .post_form(
            &path,
            &[
                ("op", "agree"),
                ("text", "Ik kom in januari een gesprek bijwonen"),
            ],
            &as_decaan,
        )
        .await;
    assert_eq!(agreed.status, StatusCode::SEE_OTHER, "{}", agreed.body);
    assert_eq!(
        app.get_with(&path, &as_beheer).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.post_form(&path, &[("op", "agree"), ("text", "Ik ook")], &as_beheer)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The owner records one under the existing goal; both became actions in the plan.
    let goal_value = goal.to_string();
    let mine_agreed = app
        .post_form(
            &path,
            &[
                ("op", "agree"),
                ("text", "Elke week één gesprek oefenen"),
                ("goal", goal_value.as_str()),
            ],
            &as_me,
        )
        .await;
    assert_eq!(mine_agreed.status, StatusCode::SEE_OTHER);
    let plan = store.plan(school, me).await.expect("plan");
    let texts: Vec<(&str, &str)> = plan
        .goals
        .iter()
        .flat_map(|g| {
            g.actions
                .iter()
                .map(move |a| (g.what.as_str(), a.text.as_str()))
        })
        .collect();
    assert!(texts.contains(&("Beter doorvragen", "Elke week één gesprek oefenen")));
    assert!(texts.contains(&(
        "Afspraken uit het gesprek van 17-12-2026",
        "Ik kom in januari een gesprek bijwonen"
    )));

    // Both documents read back, for owner and partner alike.
    for cookie in [&as_me, &as_decaan] {
        let (status, kind, pdf) = app.get_bytes(&format!("{path}/gesprek.pdf"), cookie).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(kind, "application/pdf");
        let text = pdf_text(&pdf)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for expected in [
            "Hoe ging de ouderavond?",
            "Ik kom in januari een gesprek bijwonen",
            "Terugkijken",
        ] {
            assert!(text.contains(expected), "{expected} in {text}");
        }
        let (status, _, docx) = app.get_bytes(&format!("{path}/gesprek.docx"), cookie).await;
        assert_eq!(status, StatusCode::OK);
        let text = formats::document::docx::text_of(&docx).expect("a DOCX");
        assert!(text.contains("Elke week één gesprek oefenen"), "{text}");
    }
    let (status, _, pdf) = app
        .get_bytes("/nl/scholen/stedelijk-lyceum/ontwikkelplan.pdf", &as_me)
        .await;
    assert_eq!(status, StatusCode::OK);
    let text = pdf_text(&pdf)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Ontwikkelplan van Mentor Stedelijk Lyceum"),
        "{text}"
    );
    assert!(text.contains("Elke week één gesprek oefenen"), "{text}");

    // The personal data download holds the plan and the conversation.
    let data = app.get_with("/nl/account/gegevens.json", &as_me).await;
    let data: serde_json::Value = serde_json::from_str(&data.body).expect("JSON");
    assert_eq!(
        data["development_plans"][0]["goals"][0]["what"],
        "Beter doorvragen"
    );
    assert_eq!(data["conversations"][0]["prepared_by_you"], true);
    assert_eq!(
        data["conversations"][0]["agreements"]
            .as_array()
            .map(Vec::len),
        Some(2)
    );

    // The owner deletes their account: the partner keeps the agreements, without the name.
    assert!(store.delete_user(me).await.expect("deleted"));
    let kept = app.get_with(&path, &as_decaan).await;
    assert_eq!(kept.status, StatusCode::OK);
    assert!(kept.body.contains("Dit gesprek was met een oud-collega."));
    assert!(kept.body.contains("Ik kom in januari een gesprek bijwonen"));
    assert!(!kept.body.contains("Mentor Stedelijk Lyceum"));
    assert!(
        !kept.body.contains("Hoe ging de ouderavond?"),
        "the agenda went"
    );
    app.stop().await;
}
