//! Work plans through the real router: made from the newest published version's goals (none
//! before the vision is published), activities with a clear message for a missing field,
//! the goals worded as the plan's version had them after the vision moved on, the documents,
//! and another school's 404.

use axum::http::StatusCode;
use domain::framework::Date;
use domain::vision::{Body, GoalInput, Section, SectionText};

use crate::helpers::scan::pdf_text;
use crate::helpers::team::{Team, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_work_plan_takes_up_goals_of_the_published_vision);

const PLANS: &str = "/nl/scholen/stedelijk-lyceum/visie/werkplannen";

/// Publishes a vision with these goals (in the guidance section); returns the version's goal ids.
pub(crate) async fn publish(app: &TestApp, lyceum: &Team, goals: &[&str]) -> Vec<uuid::Uuid> {
    let store = &app.state.store;
    let school = lyceum.school.id;
    let me = lyceum.coordinator.id;
    let draft = store.vision_draft(school).await.expect("draft");
    let intro = draft
        .sections
        .get(&Section::Intro)
        .map_or(0, |m| m.revision);
    store
        .save_vision_section(
            school,
            me,
            Section::Intro,
            intro,
            &SectionText {
                body: Body::parse(&format!("Visie met {} doelen", goals.len())).expect("valid"),
                links: Vec::new(),
            },
        )
        .await
        .expect("written");
    for (id, mark) in store.vision_draft(school).await.expect("draft").goals {
        store
            .delete_vision_goal(school, me, id, mark.revision)
            .await
            .expect("deleted");
    }
    for what in goals {
        let goal = GoalInput {
            section: "begeleiding",
            goal: what,
            indicator: "Aandeel leerlingen",
            target: "90%",
            owner: "Decaan",
            evaluate_on: "2027-06-15",
        }
        .parse()
        .expect("valid");
        store
            .add_vision_goal(school, me, &goal)
            .await
            .expect("goal");
    }
    let revision = store.vision_draft(school).await.expect("draft").revision;
    let version = store
        .publish_vision(
            school,
            me,
            revision,
            "Versie",
            Date::new(2026, 12, 6).expect("date"),
            &Default::default(),
        )
        .await
        .expect("published");
    store
        .vision_version(school, version)
        .await
        .expect("read")
        .expect("there")
        .goal_ids
}

async fn a_work_plan_takes_up_goals_of_the_published_vision(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let coordinator = app.session(lyceum.coordinator.id).await;
    let as_coordinator = [("cookie", coordinator.as_str())];
    let member = app.session(lyceum.member.id).await;
    let as_member = [("cookie", member.as_str())];

    // Before the vision is published there is nothing to derive a plan from.
    let page = app.get_with(PLANS, &as_coordinator).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Stel eerst de visie vast"),
        "{}",
        page.body
    );
    let goals = publish(
        &app,
        &lyceum,
        &["Twee gesprekken per jaar", "Snuffelstage in klas 4"],
    )
    .await;

    // A member reads the list but makes nothing.
    let page = app.get_with(PLANS, &as_member).await;
    assert!(page.body.contains("Er is nog geen werkplan."));
    assert!(!page.body.contains("Werkplan maken"));
    let refused = app
        .post_form(
            PLANS,
            &[("titel", "onderbouw"), ("jaar", "2026-2027")],
            &as_member,
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    // No goal, or a goal that is not the vision's: refused, the name kept.
    let bad = app
        .post_form(
            PLANS,
            &[("titel", "onderbouw"), ("jaar", "2026-2027")],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Kies minstens één doel"), "{}", bad.body);
    assert!(bad.body.contains("value=\"onderbouw\""));
    let stranger = uuid::Uuid::new_v4().to_string();
    let bad = app
        .post_form(
            PLANS,
            &[
                ("titel", "onderbouw"),
                ("jaar", "2026-2027"),
                ("doel", &stranger),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("Dit doel staat niet in de visie"));
    assert!(
        store
            .work_plans(lyceum.school.id)
            .await
            .expect("list")
            .is_empty()
    );
    let first = goals[0].to_string();
    let made = app
        .post_form(
            PLANS,
            &[
                ("titel", "onderbouw"),
                ("jaar", "2026-2027"),
                ("doel", &first),
            ],
            &as_coordinator,
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let plan = made
        .header("location")
        .split('?')
        .next()
        .unwrap_or("")
        .to_owned();

    // An activity without an owner is refused naming the field; the typed words stay.
    let activity = |owner: &'static str| {
        vec![
            ("op", "add"),
            ("doel", first.as_str()),
            ("tekst", "Gesprekkenweek in november"),
            ("eigenaar", owner),
            ("klaar", "2026-11-30"),
        ]
    };
    let bad = app.post_form(&plan, &activity(""), &as_coordinator).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.body.contains("Eigenaar: Vul dit veld in."),
        "{}",
        bad.body
    );
    assert!(bad.body.contains("value=\"Gesprekkenweek in november\""));
    let added = app
        .post_form(&plan, &activity("Mentoren onderbouw"), &as_coordinator)
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let page = app.get_with(&plan, &as_member).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<h2 id=\"goal-"), "{}", page.body);
    assert!(page.body.contains("Twee gesprekken per jaar"));
    assert!(
        page.body
            .contains("Gesprekkenweek in november — Mentoren onderbouw, klaar op 30-11-2026")
    );
    assert!(!page.body.contains("Snuffelstage in klas 4</h2>"));

    // The vision moves on without the goal: the plan still reads it as its version had it.
    publish(&app, &lyceum, &["Iets heel anders"]).await;
    let page = app.get_with(&plan, &as_member).await;
    assert!(page.body.contains("Twee gesprekken per jaar"));
    assert!(page.body.contains("Versie 1, vastgesteld op"));

    // The documents, for every member.
    let (status, _, pdf) = app
        .get_bytes(&format!("{plan}/werkplan.pdf"), &as_member)
        .await;
    assert_eq!(status, StatusCode::OK);
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Werkplan onderbouw, schooljaar 2026-2027"),
        "{text}"
    );
    assert!(text.contains("Gesprekkenweek in november"), "{text}");

    // Another school's coordinator: the same 404 as for a plan that is not there.
    let other = app.session(college.coordinator.id).await;
    let theirs = plan.replace("stedelijk-lyceum", "noorder-college");
    assert_eq!(
        app.get_with(&theirs, &[("cookie", other.as_str())])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}
