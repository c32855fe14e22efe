//! Work plans in the store, on both backends: made by the school's coordinators from a
//! published version's goals (never another's goals or another school's version), activities
//! only for the plan's goals, a change from an old form refused, another school finds nothing.

use domain::allocation::SchoolYear;
use domain::framework::Date;
use domain::vision::{Body, GoalInput, Section, SectionText};
use domain::workplan::ActivityInput;
use store::WorkPlanStoreError;

use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(work_plans_take_up_goals_of_their_school_s_vision);

fn line(s: &str) -> domain::plan::Line {
    domain::plan::Line::parse(s, 120).expect("valid")
}

async fn work_plans_take_up_goals_of_their_school_s_vision(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let school = lyceum.school.id;
    let me = lyceum.coordinator.id;
    let year = SchoolYear::parse("2026-2027").expect("year");
    store
        .save_vision_section(
            school,
            me,
            Section::Intro,
            0,
            &SectionText {
                body: Body::parse("Onze visie").expect("valid"),
                links: Vec::new(),
            },
        )
        .await
        .expect("written");
    for what in ["Twee gesprekken per jaar", "Snuffelstage in klas 4"] {
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
    let version = store
        .publish_vision(
            school,
            me,
            3,
            "Eerste",
            Date::new(2026, 12, 6).expect("date"),
            &Default::default(),
        )
        .await
        .expect("published");
    let goals = store
        .vision_version(school, version)
        .await
        .expect("read")
        .expect("there")
        .goal_ids;
    // A member makes nothing; a goal not in the version is refused; another school's
    // coordinator cannot use this school's version.
    assert!(matches!(
        store
            .create_work_plan(
                school,
                lyceum.member.id,
                &line("onderbouw"),
                year,
                version,
                &goals
            )
            .await,
        Err(WorkPlanStoreError::NotAllowed)
    ));
    assert!(matches!(
        store
            .create_work_plan(
                school,
                me,
                &line("onderbouw"),
                year,
                version,
                &[uuid::Uuid::new_v4()]
            )
            .await,
        Err(WorkPlanStoreError::UnknownGoal)
    ));
    assert!(matches!(
        store
            .create_work_plan(
                college.school.id,
                college.coordinator.id,
                &line("over"),
                year,
                version,
                &goals
            )
            .await,
        Err(WorkPlanStoreError::NotFound)
    ));
    let plan = store
        .create_work_plan(school, me, &line("onderbouw"), year, version, &goals)
        .await
        .expect("made");
    // Activities only for the plan's goals.
    let first = goals[0].to_string();
    let activity = ActivityInput {
        goal: &first,
        text: "Gesprekkenweek in november",
        owner: "Mentoren onderbouw",
        due: "2026-11-30",
    }
    .parse(&goals)
    .expect("valid");
    store
        .add_work_plan_activity(school, me, plan, &activity)
        .await
        .expect("added");
    let read = store
        .work_plan(school, plan)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.goals, goals);
    assert_eq!(read.activities, vec![activity.clone()]);
    assert_eq!(read.revision, 1);
    // A change from a form older than the last change is refused; dropping the first goal
    // takes its activity along.
    assert!(matches!(
        store
            .change_work_plan(school, me, plan, 0, &line("onderbouw"), &goals[1..])
            .await,
        Err(WorkPlanStoreError::Stale)
    ));
    store
        .change_work_plan(school, me, plan, 1, &line("onderbouw 1-2"), &goals[1..])
        .await
        .expect("changed");
    let read = store
        .work_plan(school, plan)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(read.title.as_str(), "onderbouw 1-2");
    assert_eq!(read.goals, goals[1..].to_vec());
    assert!(read.activities.is_empty());
    assert!(matches!(
        store
            .add_work_plan_activity(school, me, plan, &activity)
            .await,
        Err(WorkPlanStoreError::UnknownGoal)
    ));
    // Another school finds nothing and removes nothing.
    let other = college.school.id;
    assert_eq!(store.work_plan(other, plan).await.expect("read"), None);
    assert!(store.work_plans(other).await.expect("list").is_empty());
    assert!(matches!(
        store
            .delete_work_plan(other, college.coordinator.id, plan)
            .await,
        Err(WorkPlanStoreError::NotFound)
    ));
    let list = store.work_plans(school).await.expect("list");
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].version, 1);
    assert_eq!(list[0].goals, 1);
    store
        .delete_work_plan(school, me, plan)
        .await
        .expect("deleted");
    assert!(store.work_plans(school).await.expect("list").is_empty());
    app.stop().await;
}
