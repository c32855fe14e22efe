//! The vision in the store, on both backends: only a coordinator or administrator of the
//! school writes it, two authors never overwrite each other, a published version is an
//! immutable snapshot (the database itself refuses to change it) that another school does not
//! find, and a person who leaves the school leaves no name behind.

use std::collections::HashMap;

use domain::framework::Date;
use domain::vision::{Body, GoalInput, PublishError, Section, SectionText};
use domain::{Area, Text};
use store::{VisionError, VisionMark};

use crate::helpers::tasks::code;
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    a_vision_is_written_by_its_school_s_coordinators_without_overwriting,
    a_published_version_never_changes_and_forgets_who_left,
);

fn text(body: &str, links: &[&str]) -> SectionText {
    SectionText {
        body: Body::parse(body).expect("valid"),
        links: links.iter().map(|c| code(c)).collect(),
    }
}

fn goal(what: &str) -> domain::vision::Goal {
    GoalInput {
        section: "begeleiding",
        goal: what,
        indicator: "Aandeel leerlingen met een gesprek",
        target: "90%",
        owner: "Decaan",
        evaluate_on: "2027-06-15",
    }
    .parse()
    .expect("valid")
}

async fn a_vision_is_written_by_its_school_s_coordinators_without_overwriting(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let school = lyceum.school.id;
    let intro = Section::Intro;
    // A member writes nothing; nor does another school's coordinator, in this school.
    for who in [lyceum.member.id, college.coordinator.id] {
        assert!(matches!(
            store
                .save_vision_section(school, who, intro, 0, &text("Onze visie", &[]))
                .await,
            Err(VisionError::NotAllowed)
        ));
    }
    // Two coordinators open the same section; the first saves, the second is refused and
    // told who saved it; nothing of the second is stored.
    store
        .save_vision_section(
            school,
            lyceum.coordinator.id,
            intro,
            0,
            &text("Eerste", &[]),
        )
        .await
        .expect("saved");
    match store
        .save_vision_section(school, lyceum.admin.id, intro, 0, &text("Tweede", &[]))
        .await
    {
        Err(VisionError::Stale(VisionMark { revision, by, .. })) => {
            assert_eq!(revision, 1);
            assert_eq!(by.as_deref(), Some("Decaan Stedelijk Lyceum"));
        }
        other => panic!("expected a stale refusal, got {other:?}"),
    }
    let guidance = Section::Area(Area::Guidance);
    store
        .save_vision_section(
            school,
            lyceum.admin.id,
            guidance,
            0,
            &text("Mentoren voeren de gesprekken.", &["BEG.ORI.T1"]),
        )
        .await
        .expect("saved");
    let goal_id = store
        .add_vision_goal(
            school,
            lyceum.coordinator.id,
            &goal("Twee gesprekken per jaar"),
        )
        .await
        .expect("added");
    let draft = store.vision_draft(school).await.expect("draft");
    assert_eq!(draft.revision, 3);
    assert_eq!(draft.vision.section(intro).body.as_str(), "Eerste");
    assert_eq!(
        draft.vision.section(guidance).links,
        vec![code("BEG.ORI.T1")]
    );
    assert_eq!(draft.goals.len(), 1);
    assert_eq!(draft.goals[0].0, goal_id);
    // A goal changed from an old form is refused; from the current one it changes.
    store
        .change_vision_goal(
            school,
            lyceum.coordinator.id,
            goal_id,
            1,
            &goal("Drie gesprekken"),
        )
        .await
        .expect("changed");
    assert!(matches!(
        store
            .change_vision_goal(school, lyceum.admin.id, goal_id, 1, &goal("Eén gesprek"))
            .await,
        Err(VisionError::Stale(_))
    ));
    assert!(matches!(
        store
            .delete_vision_goal(school, lyceum.admin.id, goal_id, 1)
            .await,
        Err(VisionError::Stale(_))
    ));
    // The other school's draft is its own: empty, and this school's goal is not there.
    let other = college.school.id;
    assert_eq!(store.vision_draft(other).await.expect("draft").revision, 0);
    assert!(matches!(
        store
            .change_vision_goal(other, college.coordinator.id, goal_id, 2, &goal("Over"))
            .await,
        Err(VisionError::NotFound)
    ));
    assert!(matches!(
        store
            .delete_vision_goal(other, college.coordinator.id, goal_id, 2)
            .await,
        Err(VisionError::NotFound)
    ));
    let (kept, _) = store
        .vision_draft(school)
        .await
        .expect("draft")
        .goal(goal_id)
        .map(|(g, m)| (g.clone(), m.clone()))
        .expect("still there");
    assert_eq!(kept.goal.as_str(), "Drie gesprekken");
    app.stop().await;
}

async fn a_published_version_never_changes_and_forgets_who_left(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let school = lyceum.school.id;
    let me = lyceum.coordinator.id;
    let on = Date::new(2026, 12, 6).expect("date");
    let words: HashMap<_, _> = [(code("BEG.ORI.T1"), Text::new("Gesprekken voeren", ""))].into();
    // An empty draft is not published.
    assert!(matches!(
        store
            .publish_vision(school, me, 0, "Leeg", on, &words)
            .await,
        Err(VisionError::Publish(PublishError::Empty))
    ));
    let guidance = Section::Area(Area::Guidance);
    store
        .save_vision_section(
            school,
            me,
            guidance,
            0,
            &text("Een.\n\nTwee.", &["BEG.ORI.T1"]),
        )
        .await
        .expect("saved");
    let goal_id = store
        .add_vision_goal(school, me, &goal("Twee gesprekken per jaar"))
        .await
        .expect("added");
    // Publishing what was reviewed before the last change is refused.
    assert!(matches!(
        store
            .publish_vision(school, me, 1, "Eerste", on, &words)
            .await,
        Err(VisionError::DraftChanged)
    ));
    let first = store
        .publish_vision(school, me, 2, "Eerste versie", on, &words)
        .await
        .expect("published");
    // Nothing new: not published again.
    assert!(matches!(
        store
            .publish_vision(school, me, 2, "Nog eens", on, &words)
            .await,
        Err(VisionError::Publish(PublishError::Unchanged))
    ));
    // The draft goes on; the version keeps what was published.
    store
        .save_vision_section(school, me, guidance, 1, &text("Een.\n\nDrie.", &[]))
        .await
        .expect("saved");
    let second = store
        .publish_vision(school, me, 3, "Tweede versie", on, &HashMap::new())
        .await
        .expect("published");
    let v1 = store
        .vision_version(school, first)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(v1.summary.number, 1);
    assert_eq!(v1.summary.summary.as_str(), "Eerste versie");
    assert_eq!(v1.vision.section(guidance).body.as_str(), "Een.\n\nTwee.");
    assert_eq!(v1.goal_ids, vec![goal_id]);
    assert_eq!(
        v1.link_texts
            .get(&code("BEG.ORI.T1"))
            .map(|t| t.nl.as_str()),
        Some("Gesprekken voeren")
    );
    let history = store.vision_versions(school).await.expect("history");
    assert_eq!(
        history.iter().map(|v| v.number).collect::<Vec<_>>(),
        vec![2, 1]
    );
    assert_eq!(history[0].id, second);
    // Another school finds neither.
    let other = college.school.id;
    assert_eq!(
        store.vision_version(other, first).await.expect("read"),
        None
    );
    assert!(store.vision_versions(other).await.expect("list").is_empty());
    // The database itself refuses to change a published version.
    let refused = app
        .try_sql("UPDATE vision_versions SET summary = 'Stiekem' WHERE number = 1")
        .await;
    assert!(
        refused.as_ref().is_err_and(|e| e.contains("never changes")),
        "{refused:?}"
    );
    // The coordinator leaves the school: the versions stay, without their name.
    store
        .manage_member(
            school,
            lyceum.admin.id,
            me,
            &domain::members::MemberAction::Remove,
        )
        .await
        .expect("removed");
    let v1 = store
        .vision_version(school, first)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(v1.summary.published_by, None);
    assert_eq!(v1.summary.summary.as_str(), "Eerste versie");
    let draft = store.vision_draft(school).await.expect("draft");
    assert!(draft.sections.values().all(|m| m.by.is_none()));
    assert!(draft.goals.iter().all(|(_, m)| m.by.is_none()));
    app.stop().await;
}
