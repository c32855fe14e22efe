//! A school year from plan to act through the real router: the timeline reads what the school
//! did, each goal is evaluated (a missing result refused naming the field, a form from before
//! someone else's save refused with who saved it), an adjustment is carried into the vision's
//! draft and shows there beside its goal, and the year report holds it all.

use axum::http::StatusCode;
use domain::allocation::SchoolYear;

use crate::helpers::scan::pdf_text;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};
use crate::vision::work_plans::publish;

on_both_backends!(a_year_goes_from_plan_to_act_with_carry_over);

const CYCLE: &str = "/nl/scholen/stedelijk-lyceum/visie/jaarcyclus?jaar=2026-2027";

async fn a_year_goes_from_plan_to_act_with_carry_over(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // Plan: nothing done yet.
    let page = app.get_with(CYCLE, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Jaarcyclus 2026-2027"), "{}", page.body);
    assert!(page.body.contains("<span class=\"visually-hidden\">nog te doen: </span><span aria-hidden=\"true\">○</span> De visie is vastgesteld."));
    let goals = publish(
        &app,
        &lyceum,
        &["Twee gesprekken per jaar", "Snuffelstage in klas 4"],
    )
    .await;
    let version = store.vision_versions(lyceum.school.id).await.expect("list")[0].id;
    store
        .create_work_plan(
            lyceum.school.id,
            lyceum.coordinator.id,
            &domain::plan::Line::parse("onderbouw", 120).expect("valid"),
            SchoolYear::parse("2026-2027").expect("year"),
            version,
            &goals,
        )
        .await
        .expect("plan");
    let page = app.get_with(CYCLE, &as_member).await;
    assert!(page.body.contains("<span class=\"visually-hidden\">gedaan: </span><span aria-hidden=\"true\">✓</span> De visie is vastgesteld."), "{}", page.body);
    assert!(page.body.contains("Teams maken hun werkplan (1 gemaakt)."));
    assert!(page.body.contains("Elk doel is geëvalueerd (0 van 2)."));
    assert!(
        !page.body.contains("Evaluatie opslaan"),
        "a member only reads"
    );

    // Check: a result is required; the goal must be the vision's.
    let first = goals[0].to_string();
    let evaluate = |result: &'static str, revision: &'static str| {
        vec![
            ("op", "evaluate"),
            ("doel", first.as_str()),
            ("revisie", revision),
            ("resultaat", result),
            ("goed", "De gesprekkenweek in november."),
            (
                "bijstellen",
                "Het tweede gesprek eerder in het jaar plannen.",
            ),
        ]
    };
    let bad = app
        .post_form(CYCLE, &evaluate(" ", "0"), &as_coordinator)
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Resultaat: Vul dit veld in."),
        "{}",
        bad.body
    );
    assert!(
        bad.body
            .contains("Het tweede gesprek eerder in het jaar plannen.</textarea>")
    );
    let stranger = uuid::Uuid::new_v4().to_string();
    let bad = app
        .post_form(
            CYCLE,
            &[
                ("op", "evaluate"),
                ("doel", &stranger),
                ("revisie", "0"),
                ("resultaat", "x"),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body
            .contains("Dit doel staat niet in de nieuwste vastgestelde visie")
    );
    let saved = app
        .post_form(
            CYCLE,
            &evaluate("82% had twee gesprekken", "0"),
            &as_coordinator,
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    // The administrator's form was from before: refused, told who saved it.
    let admin = app.session(lyceum.admin.id).await;
    let stale = app
        .post_form(CYCLE, &evaluate("90%", "0"), &[("cookie", admin.as_str())])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(
        stale
            .body
            .contains("Decaan Stedelijk Lyceum heeft dit intussen gewijzigd")
    );
    let page = app.get_with(CYCLE, &as_member).await;
    assert!(page.body.contains("Elk doel is geëvalueerd (1 van 2)."));
    assert!(
        page.body
            .contains("<dt>Resultaat</dt><dd>82% had twee gesprekken</dd>")
    );

    // Act: the adjustment is carried into the draft, where it shows beside its goal.
    let carried = app
        .post_form(
            CYCLE,
            &[("op", "carry"), ("doel", &first), ("revisie", "1")],
            &as_coordinator,
        )
        .await;
    assert_eq!(carried.status, StatusCode::SEE_OTHER);
    let page = app.get_with(CYCLE, &as_coordinator).await;
    assert!(
        page.body
            .contains("De bijstelling is meegenomen naar het concept van de visie.")
    );
    assert!(page.body.contains("(1 van 1)."), "{}", page.body);
    let draft = app
        .get_with(
            "/nl/scholen/stedelijk-lyceum/visie/concept",
            &as_coordinator,
        )
        .await;
    assert!(
        draft.body.contains(
            "Bijstelling uit de evaluatie van 2026-2027: Het tweede gesprek eerder in het jaar plannen."
        ),
        "{}",
        draft.body
    );

    // The year report, for every member.
    let (status, content_type, pdf) = app
        .get_bytes(
            "/nl/scholen/stedelijk-lyceum/visie/jaarcyclus/jaarverslag.pdf?jaar=2026-2027",
            &as_member,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(content_type, "application/pdf");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Jaarverslag loopbaanbegeleiding 2026-2027"),
        "{text}"
    );
    assert!(text.contains("82% had twee gesprekken"), "{text}");
    assert!(text.contains("nog niet geëvalueerd"), "{text}");
    let (status, _, docx) = app
        .get_bytes(
            "/en/schools/stedelijk-lyceum/vision/yearly-cycle/year-report.docx?year=2026-2027",
            &as_member,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let text = formats::document::docx::text_of(&docx).expect("docx");
    assert!(
        text.contains("Career guidance year report 2026-2027"),
        "{text}"
    );

    // Another school's coordinator evaluates nothing of this school's vision.
    let other = app.session(college.coordinator.id).await;
    let theirs = CYCLE.replace("stedelijk-lyceum", "noorder-college");
    let bad = app
        .post_form(
            &theirs,
            &evaluate("Over", "0"),
            &[("cookie", other.as_str())],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        store
            .goal_evaluations(
                college.school.id,
                SchoolYear::parse("2026-2027").expect("year")
            )
            .await
            .expect("read")
            .is_empty()
    );
    app.stop().await;
}
