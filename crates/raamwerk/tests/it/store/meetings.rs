//! Team meetings in the store, on both backends: only a coordinator or administrator of the
//! school prepares and changes them, another school's meeting is not there, an agreement that
//! is refused by the allocation's rules leaves nothing behind, and a person who leaves the
//! school or whose account goes leaves no name in the agreements.

use domain::allocation::{AllocationError, Assignment, Part, Party, Rules};
use domain::framework::Date;
use domain::meeting::{Source, Topic};
use domain::plan::Line;
use store::MeetingError;

use crate::helpers::tasks::{code, tasks, year};
use crate::helpers::team::team;
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    meetings_belong_to_their_school_and_its_coordinators,
    an_agreement_and_its_allocation_are_one_step_and_forget_who_left,
);

fn line(s: &str) -> Line {
    Line::parse(s, Line::MAX).expect("valid")
}

fn topic(title: &str) -> Topic {
    Topic {
        source: Source::Free,
        title: line(title),
        task: None,
        minutes: 20,
    }
}

async fn meetings_belong_to_their_school_and_its_coordinators(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let college = team(&app, "Noorder College", "noorder.nl").await;
    let school = lyceum.school.id;
    // A member prepares nothing.
    assert!(matches!(
        store
            .create_meeting(school, lyceum.member.id, None, None, &[topic("Iets")])
            .await,
        Err(MeetingError::NotAllowed)
    ));
    // Nor does the other school's coordinator, in this school.
    assert!(matches!(
        store
            .create_meeting(school, college.coordinator.id, None, None, &[topic("Iets")])
            .await,
        Err(MeetingError::NotAllowed)
    ));
    let id = store
        .create_meeting(
            school,
            lyceum.coordinator.id,
            None,
            Date::new(2027, 1, 20),
            &[topic("Ouderavond"), topic("Stages")],
        )
        .await
        .expect("made");
    let meeting = store
        .meeting(school, id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(meeting.topics.len(), 2);
    assert_eq!(meeting.topics[1].title.as_str(), "Stages");
    // The other school does not find it, and cannot change it through its own school.
    let other = college.school.id;
    assert_eq!(store.meeting(other, id).await.expect("read"), None);
    assert!(store.meetings(other).await.expect("list").is_empty());
    assert!(matches!(
        store
            .update_meeting(
                other,
                college.coordinator.id,
                id,
                0,
                None,
                &[topic("Overgenomen")]
            )
            .await,
        Err(MeetingError::NotFound)
    ));
    assert!(matches!(
        store
            .add_meeting_agreement(
                other,
                college.coordinator.id,
                id,
                &line("Overgenomen"),
                None,
                year(),
                &[],
                Rules::default(),
            )
            .await,
        Err(MeetingError::NotFound)
    ));
    assert!(matches!(
        store
            .delete_meeting(other, college.coordinator.id, id)
            .await,
        Err(MeetingError::NotFound)
    ));
    // A change from a form older than the last one is refused whole.
    store
        .update_meeting(school, lyceum.admin.id, id, 0, None, &[topic("Alleen dit")])
        .await
        .expect("updated");
    assert!(matches!(
        store
            .update_meeting(school, lyceum.coordinator.id, id, 0, None, &[topic("Oud")])
            .await,
        Err(MeetingError::Stale)
    ));
    let meeting = store
        .meeting(school, id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(meeting.revision, 1);
    assert_eq!(meeting.planned_on, None);
    assert_eq!(meeting.topics.len(), 1);
    assert_eq!(meeting.topics[0].title.as_str(), "Alleen dit");
    app.stop().await;
}

async fn an_agreement_and_its_allocation_are_one_step_and_forget_who_left(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let store = &app.state.store;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let school = lyceum.school.id;
    let id = store
        .create_meeting(school, lyceum.coordinator.id, None, None, &[topic("Taken")])
        .await
        .expect("made");
    let mentor_responsible = Assignment {
        code: code("BEG.VIS.T1"),
        party: Party::Person(lyceum.member.id),
        part: Part::Responsible,
    };
    store
        .add_meeting_agreement(
            school,
            lyceum.coordinator.id,
            id,
            &line("De mentor pakt dit op"),
            Some(&mentor_responsible),
            year(),
            &tasks(&app),
            Rules::default(),
        )
        .await
        .expect("agreed");
    let allocation = store.allocation(school, year()).await.expect("allocation");
    assert_eq!(allocation.assignments, vec![mentor_responsible.clone()]);
    // A second responsible party is refused by the allocation: no agreement either.
    let also = Assignment {
        party: Party::Role(domain::Role::Specialist),
        ..mentor_responsible.clone()
    };
    assert!(matches!(
        store
            .add_meeting_agreement(
                school,
                lyceum.coordinator.id,
                id,
                &line("De decaan ook"),
                Some(&also),
                year(),
                &tasks(&app),
                Rules::default(),
            )
            .await,
        Err(MeetingError::Allocation(
            AllocationError::AlreadyResponsible
        ))
    ));
    let meeting = store
        .meeting(school, id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(meeting.agreements.len(), 1);
    assert_eq!(
        meeting.agreements[0].responsible,
        Some(Party::Person(lyceum.member.id))
    );
    assert_eq!(
        meeting.agreements[0].author.as_deref(),
        Some("Decaan Stedelijk Lyceum")
    );
    assert_eq!(
        store
            .allocation(school, year())
            .await
            .expect("allocation")
            .assignments,
        allocation.assignments
    );
    // The coordinator is removed from the school: the agreement stays, as the school's,
    // without who wrote it down. The mentor then deletes their account: without them too.
    store
        .manage_member(
            school,
            lyceum.admin.id,
            lyceum.coordinator.id,
            &domain::members::MemberAction::Remove,
        )
        .await
        .expect("removed");
    let meeting = store
        .meeting(school, id)
        .await
        .expect("read")
        .expect("there");
    assert_eq!(meeting.agreements[0].author, None);
    assert!(store.delete_user(lyceum.member.id).await.expect("deleted"));
    let meeting = store
        .meeting(school, id)
        .await
        .expect("read")
        .expect("there");
    let agreement = &meeting.agreements[0];
    assert_eq!(agreement.text.as_str(), "De mentor pakt dit op");
    assert_eq!(agreement.task, Some(code("BEG.VIS.T1")));
    assert_eq!(agreement.responsible, None);
    assert_eq!(agreement.author, None);
    let records = store
        .meeting_records_of(school, lyceum.coordinator.id)
        .await
        .expect("records");
    assert_eq!(records, store::MeetingRecords::default());
    app.stop().await;
}
