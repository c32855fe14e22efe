//! A plan's life: a goal made from a wish of the scan, bad input refused with a clear
//! message and nothing stored, actions, a stale form noticed, and the goal carried into the
//! next round, where the overview shows its statements then and now.

use axum::http::StatusCode;
use domain::scan::{Change, Choice};

use crate::helpers::scan::{code, name, open, period, round_id};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(a_goal_lives_through_two_rounds);

const PLAN: &str = "/nl/scholen/stedelijk-lyceum/ontwikkelplan";
const NEW_GOAL: &str = "/nl/scholen/stedelijk-lyceum/ontwikkelplan/nieuw-doel";

async fn a_goal_lives_through_two_rounds(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let me = lyceum.member.id;
    let round = round_id(&round_path);
    store
        .save_scan(
            school,
            round,
            me,
            &[
                Change::Choice(code("BEG.VIS.T1"), Some(Choice::Develop)),
                Change::Choice(code("BEG.VIS.T2"), Some(Choice::Yes)),
            ],
        )
        .await
        .expect("saved");
    let cookie = app.session(me).await;
    let as_me = [("cookie", cookie.as_str())];

    // The plan offers the wish as a goal, and nothing is added by itself.
    let page = app.get_with(PLAN, &as_me).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Je plan heeft nog geen doelen."));
    assert!(
        page.body
            .contains(&format!(r#"href="{NEW_GOAL}?uitspraak=BEG.VIS.T1""#)),
        "{}",
        page.body
    );
    assert!(store.plan(school, me).await.expect("plan").goals.is_empty());
    // The scan page links every statement to a new goal.
    let area = app
        .get_with(&format!("{round_path}/begeleider/visie-en-beleid"), &as_me)
        .await;
    assert!(
        area.body
            .contains(&format!("{NEW_GOAL}?uitspraak=BEG.VIS.T2"))
    );

    // The form starts from the statement: ticked.
    let form = app
        .get_with(&format!("{NEW_GOAL}?uitspraak=BEG.VIS.T1"), &as_me)
        .await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(
        form.body
            .contains(r#"name="uitspraak" value="BEG.VIS.T1" checked"#),
        "{}",
        form.body
    );
    let partner = format!("persoon:{}", lyceum.coordinator.id.0);

    // Bad input: a statement outside the edition, a partner of another school, a target
    // date before today, a goal without words. Each is named; nothing is stored.
    let rivieren = team(&app, "Rivierenland College", "rivieren.nl").await;
    let stranger = format!("persoon:{}", rivieren.member.id.0);
    for (fields, expected) in [
        (
            vec![("what", "Doel"), ("uitspraak", "XYZ.VIS.T1")],
            "‘XYZ.VIS.T1’ staat niet in het raamwerk van je ronde.",
        ),
        (
            vec![("what", "Doel"), ("partner", stranger.as_str())],
            "geen actieve collega van deze school",
        ),
        (
            vec![("what", "Doel"), ("target", "2020-01-01")],
            "de dag waarop het doel begon",
        ),
        (vec![("what", "  ")], "Vul dit veld in."),
    ] {
        let refused = app.post_form(NEW_GOAL, &fields, &as_me).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{fields:?}"
        );
        assert!(
            refused.body.contains(expected),
            "{expected}: {}",
            refused.body
        );
    }
    assert!(store.plan(school, me).await.expect("plan").goals.is_empty());

    let made = app
        .post_form(
            NEW_GOAL,
            &[
                ("what", "In mentorgesprekken beter doorvragen"),
                ("why", "Leerlingen zeggen vaak ‘weet ik niet’."),
                ("uitspraak", "BEG.VIS.T1"),
                ("uitspraak", ""),
                ("support", "Een training gespreksvoering"),
                ("partner", partner.as_str()),
                ("target", "2027-06-30"),
            ],
            &as_me,
        )
        .await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    let plan = store.plan(school, me).await.expect("plan");
    assert_eq!(plan.goals.len(), 1);
    let goal = &plan.goals[0];
    assert_eq!(goal.round, Some(round), "the goal remembers its round");
    let goal_path = format!("{PLAN}/doelen/{}", goal.id);
    let page = app.get_with(made.header("location"), &as_me).await;
    assert!(page.body.contains("Het doel is toegevoegd."));
    assert!(page.body.contains("In mentorgesprekken beter doorvragen"));
    assert!(
        page.body.contains("Decaan Stedelijk Lyceum"),
        "the partner by name"
    );
    assert!(
        !page
            .body
            .contains(&format!("{NEW_GOAL}?uitspraak=BEG.VIS.T1")),
        "the wish is a goal now"
    );

    // An action after the target date is refused; one before it is added.
    let late = app
        .post_form(
            &goal_path,
            &[
                ("op", "add-action"),
                ("revision", "0"),
                ("action", "Boek lezen"),
                ("due", "2027-07-01"),
            ],
            &as_me,
        )
        .await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        late.body
            .contains("na 30-6-2027, de streefdatum van het doel")
    );
    assert!(
        late.body.contains(r#"value="Boek lezen""#),
        "what was typed stays"
    );
    let added = app
        .post_form(
            &goal_path,
            &[
                ("op", "add-action"),
                ("revision", "0"),
                ("action", "Boek lezen"),
                ("action-status", "bezig"),
                ("due", "15-1-2027"),
            ],
            &as_me,
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    // A form from before the action (another tab) is stale: refused, shown as it is now.
    let stale = app
        .post_form(
            &goal_path,
            &[
                ("op", "save"),
                ("revision", "0"),
                ("what", "Andere woorden"),
            ],
            &as_me,
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("Dit doel is intussen gewijzigd"));
    assert!(
        stale.body.contains(r#"value="Boek lezen""#),
        "the goal as it is now"
    );
    let plan = store.plan(school, me).await.expect("plan");
    assert_eq!(
        plan.goals[0].what.as_str(),
        "In mentorgesprekken beter doorvragen"
    );
    assert_eq!(plan.goals[0].actions.len(), 1);
    // Another person's goal is not there for a colleague.
    let coordinator = app.session(lyceum.coordinator.id).await;
    let theirs = app.get_with(&goal_path, &[("cookie", &coordinator)]).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    let changed = app
        .post_form(
            &goal_path,
            &[("op", "save"), ("revision", "1"), ("what", "Overgenomen")],
            &[("cookie", &coordinator)],
        )
        .await;
    assert_eq!(changed.status, StatusCode::NOT_FOUND);

    // The next round: the goal carries over; the overview shows its statement then and now.
    store
        .close_round(school, lyceum.coordinator.id, round)
        .await
        .expect("closed");
    let next = store
        .open_round(
            school,
            lyceum.coordinator.id,
            &name("voorjaar 2027"),
            period(),
            app.state.edition().id(),
        )
        .await
        .expect("opened");
    store
        .save_scan(
            school,
            next.id,
            me,
            &[Change::Choice(code("BEG.VIS.T1"), Some(Choice::Partly))],
        )
        .await
        .expect("saved");
    let overview = app
        .get_with(
            &format!("/nl/scholen/stedelijk-lyceum/rondes/{}/overzicht", next.id),
            &as_me,
        )
        .await;
    assert!(
        overview.body.contains("Je ontwikkeldoelen: toen en nu"),
        "{}",
        overview.body
    );
    let (_, row) = overview
        .body
        .split_once("In mentorgesprekken beter doorvragen")
        .expect("the goal");
    assert!(
        row.contains("najaar 2026") && row.contains("voorjaar 2027"),
        "{}",
        &row[..row.len().min(1500)]
    );
    assert!(
        row.contains("<td>wil ik oppakken</td><td>doe ik deels</td>"),
        "{row}"
    );
    let plan_page = app.get_with(PLAN, &as_me).await;
    assert!(
        plan_page
            .body
            .contains("Je antwoorden in najaar 2026 en nu")
    );

    // The goal is completed with a reflection, then removed after confirming.
    let done = app
        .post_form(
            &goal_path,
            &[
                ("op", "save"),
                ("revision", "1"),
                ("what", "In mentorgesprekken beter doorvragen"),
                ("uitspraak", "BEG.VIS.T1"),
                ("partner", partner.as_str()),
                ("target", "2027-06-30"),
                ("status", "afgerond"),
                ("reflection", "Ik vraag nu drie keer door."),
            ],
            &as_me,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let plan = store.plan(school, me).await.expect("plan");
    assert_eq!(plan.goals[0].status, domain::plan::GoalStatus::Done);
    let unconfirmed = app
        .post_form(&goal_path, &[("op", "delete"), ("revision", "2")], &as_me)
        .await;
    assert_eq!(unconfirmed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let removed = app
        .post_form(
            &goal_path,
            &[("op", "delete"), ("revision", "2"), ("zeker", "ja")],
            &as_me,
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    assert!(store.plan(school, me).await.expect("plan").goals.is_empty());
    app.stop().await;
}
