//! Wie doet wat: agreements follow the rules, a private scan feeds nothing without its
//! owner's choice, and suggestions follow every change; on both backends.

use domain::Role;
use domain::account::UserId;
use domain::allocation::{AllocationError, Assignment, Outside, Part, Party, Rules};
use domain::members::MemberAction;
use domain::scan::{Change, Choice};
use store::AllocationFailure;

use crate::helpers::scan::{open, round_id};
use crate::helpers::tasks::{code, tasks, year};
use crate::helpers::team::{colleagues, team};
use crate::helpers::{Backend, TestApp, on_both_backends};

on_both_backends!(
    agreements_follow_the_rules_and_a_refused_one_stores_nothing,
    a_private_scan_never_feeds_the_allocation_without_its_owners_choice,
    suggestions_follow_every_save_feed_and_membership_change,
);

async fn agreements_follow_the_rules_and_a_refused_one_stores_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let lyceum = team(&app, "Stedelijk Lyceum", "lyceum.nl").await;
    let store = &app.state.store;
    let (school, coordinator) = (lyceum.school.id, lyceum.coordinator.id);
    let tasks = tasks(&app);
    let rules = Rules::default();
    let agree = |party: Party, part: Part| Assignment {
        code: code("BEG.VIS.T1"),
        party,
        part,
    };
    let member = Party::Person(lyceum.member.id);
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(member.clone(), Part::Responsible),
            &tasks,
            rules,
        )
        .await
        .expect("agreed");
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(Party::Outside(Outside::Parents), Part::Involved),
            &tasks,
            rules,
        )
        .await
        .expect("agreed");
    store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(Party::Own("Jongerenwerk Noord".into()), Part::CarriesOut),
            &tasks,
            rules,
        )
        .await
        .expect("agreed");
    let refusals = [
        (
            agree(Party::Role(Role::Specialist), Part::Responsible),
            lyceum.coordinator.id,
            "already",
        ),
        (
            agree(member.clone(), Part::Responsible),
            lyceum.coordinator.id,
            "duplicate",
        ),
        (
            Assignment {
                code: code("BEG.VIS.D1"),
                party: member.clone(),
                part: Part::Involved,
            },
            lyceum.coordinator.id,
            "not a task",
        ),
        (
            agree(member.clone(), Part::Involved),
            lyceum.member.id,
            "not allowed",
        ),
    ];
    for (assignment, actor, why) in refusals {
        let refused = store
            .add_assignment(school, actor, year(), &assignment, &tasks, rules)
            .await;
        assert!(refused.is_err(), "{why}");
    }
    let data = store.allocation(school, year()).await.expect("read");
    assert_eq!(data.assignments.len(), 3);
    assert_eq!(data.own_parties, ["Jongerenwerk Noord"]);
    // Another school year is empty; another school sees nothing.
    assert!(
        store
            .allocation(school, year().next())
            .await
            .expect("read")
            .assignments
            .is_empty()
    );
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    assert!(
        store
            .allocation(other.school.id, year())
            .await
            .expect("read")
            .assignments
            .is_empty()
    );
    let cross = store
        .add_assignment(
            other.school.id,
            other.coordinator.id,
            year(),
            &agree(member.clone(), Part::CarriesOut),
            &tasks,
            rules,
        )
        .await;
    assert!(matches!(
        cross,
        Err(AllocationFailure::Refused(AllocationError::NotAMember))
    ));
    // Someone who left cannot be given a task; their agreements go with them when removed.
    store
        .manage_member(
            school,
            lyceum.admin.id,
            lyceum.member.id,
            &MemberAction::Deactivate,
        )
        .await
        .expect("deactivated");
    let gone = store
        .add_assignment(
            school,
            coordinator,
            year(),
            &agree(member.clone(), Part::CarriesOut),
            &tasks,
            rules,
        )
        .await;
    assert!(matches!(
        gone,
        Err(AllocationFailure::Refused(AllocationError::NotAMember))
    ));
    assert!(
        store
            .remove_assignment(
                school,
                coordinator,
                year(),
                &agree(member.clone(), Part::Responsible)
            )
            .await
            .expect("removed")
    );
    assert!(
        !store
            .remove_assignment(
                school,
                coordinator,
                year(),
                &agree(member, Part::Responsible)
            )
            .await
            .expect("answered")
    );
    assert_eq!(
        store
            .allocation(school, year())
            .await
            .expect("read")
            .assignments
            .len(),
        2
    );
    app.stop().await;
}

async fn a_private_scan_never_feeds_the_allocation_without_its_owners_choice(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let round = round_id(&round_path);
    store
        .save_scan(
            school,
            round,
            lyceum.member.id,
            &[Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes))],
        )
        .await
        .expect("saved");
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty(),
        "private until chosen"
    );
    assert!(
        !store
            .scan_feeds(school, round, lyceum.member.id)
            .await
            .expect("read")
    );
    // No scan: nothing to let feed.
    assert!(
        !store
            .set_scan_feed(school, round, lyceum.coordinator.id, true)
            .await
            .expect("answered")
    );
    // Another school's id for the round finds nothing.
    let other = team(&app, "ROC Rivierenland", "roc.nl").await;
    assert!(
        !store
            .set_scan_feed(other.school.id, round, lyceum.member.id, true)
            .await
            .expect("answered")
    );
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty()
    );
    assert!(
        store
            .set_scan_feed(school, round, lyceum.member.id, true)
            .await
            .expect("set")
    );
    let suggestions = store.suggestions(school, round).await.expect("read");
    assert_eq!(suggestions.len(), 1);
    assert_eq!(
        (suggestions[0].person, suggestions[0].choice),
        (lyceum.member.id, Choice::Yes)
    );
    assert!(
        store
            .suggestions(other.school.id, round)
            .await
            .expect("read")
            .is_empty()
    );
    // A later answer is seen (suggestions are kept only until a fed scan changes); an
    // expertise answer is no suggestion.
    store
        .save_scan(
            school,
            round,
            lyceum.member.id,
            &[
                Change::Choice(code("BEG.VIS.T2"), Some(Choice::Partly)),
                Change::Choice(code("BEG.VIS.D1"), Some(Choice::Yes)),
            ],
        )
        .await
        .expect("saved");
    assert_eq!(
        store.suggestions(school, round).await.expect("read").len(),
        2
    );
    // Withdrawn: gone again.
    assert!(
        store
            .set_scan_feed(school, round, lyceum.member.id, false)
            .await
            .expect("set")
    );
    assert!(
        store
            .suggestions(school, round)
            .await
            .expect("read")
            .is_empty()
    );
    app.stop().await;
}

/// The round's suggestions as (person, code, choice), in a fixed order, read through `store`.
async fn said(
    store: &store::Store,
    school: domain::school::SchoolId,
    round: uuid::Uuid,
) -> Vec<(UserId, String, Choice)> {
    let mut said: Vec<_> = store
        .suggestions(school, round)
        .await
        .expect("read")
        .iter()
        .map(|s| (s.person, s.code.as_str().to_owned(), s.choice))
        .collect();
    said.sort_by_key(|(person, code, _)| (person.0, code.clone()));
    said
}

/// The suggestions are kept between reads and only changed scans are read again: every kind
/// of change must still show at once, also one made by another process, and what is kept
/// must equal what a fresh read of the database gives.
async fn suggestions_follow_every_save_feed_and_membership_change(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (lyceum, round_path) = open(&app).await;
    let store = &app.state.store;
    let school = lyceum.school.id;
    let round = round_id(&round_path);
    let people = colleagues(&app, &lyceum.school, "lyceum.nl", 8).await;
    for (i, user) in people.iter().enumerate() {
        let choice = [Choice::Yes, Choice::Partly, Choice::Develop][i % 3];
        store
            .save_scan(
                school,
                round,
                *user,
                &[Change::Choice(code("BEG.VIS.T1"), Some(choice))],
            )
            .await
            .expect("saved");
        assert!(
            store
                .set_scan_feed(school, round, *user, true)
                .await
                .expect("fed")
        );
    }
    let task = |person: UserId, choice: Choice| (person, "BEG.VIS.T1".to_owned(), choice);
    let mut expected: Vec<_> = people
        .iter()
        .enumerate()
        .map(|(i, p)| task(*p, [Choice::Yes, Choice::Partly, Choice::Develop][i % 3]))
        .collect();
    expected.sort_by_key(|(person, code, _)| (person.0, code.clone()));
    assert_eq!(said(store, school, round).await, expected);
    let set =
        |expected: &mut Vec<(UserId, String, Choice)>, who: UserId, choice: Option<Choice>| {
            expected.retain(|(p, ..)| *p != who);
            if let Some(choice) = choice {
                expected.push(task(who, choice));
            }
            expected.sort_by_key(|(person, code, _)| (person.0, code.clone()));
        };

    // Two saves straight after each other, read after each: both show (a save is told by
    // the scan's revision, not by the clock).
    for choice in [Choice::NotMine, Choice::Yes, Choice::Partly] {
        store
            .save_scan(
                school,
                round,
                people[0],
                &[Change::Choice(code("BEG.VIS.T1"), Some(choice))],
            )
            .await
            .expect("saved");
        set(&mut expected, people[0], Some(choice));
        assert_eq!(
            said(store, school, round).await,
            expected,
            "after {choice:?}"
        );
    }
    // A choice taken back leaves nothing of that scan.
    store
        .save_scan(
            school,
            round,
            people[1],
            &[Change::Choice(code("BEG.VIS.T1"), None)],
        )
        .await
        .expect("saved");
    set(&mut expected, people[1], None);
    assert_eq!(
        said(store, school, round).await,
        expected,
        "choice taken back"
    );
    // A feed taken and given again.
    let back = expected.clone();
    store
        .set_scan_feed(school, round, people[2], false)
        .await
        .expect("set");
    set(&mut expected, people[2], None);
    assert_eq!(said(store, school, round).await, expected, "feed taken");
    store
        .set_scan_feed(school, round, people[2], true)
        .await
        .expect("set");
    assert_eq!(said(store, school, round).await, back, "feed given again");
    expected = back;
    // Someone who leaves takes their answers along; back, they bring them again.
    store
        .manage_member(
            school,
            lyceum.admin.id,
            people[3],
            &MemberAction::Deactivate,
        )
        .await
        .expect("deactivated");
    let before = expected.clone();
    set(&mut expected, people[3], None);
    assert_eq!(said(store, school, round).await, expected, "deactivated");
    store
        .manage_member(
            school,
            lyceum.admin.id,
            people[3],
            &MemberAction::Reactivate,
        )
        .await
        .expect("reactivated");
    expected = before;
    assert_eq!(said(store, school, round).await, expected, "reactivated");
    // A save through another process (another store on the same database) shows too.
    let other = store::Store::connect(app.database_url())
        .await
        .expect("connect");
    other
        .save_scan(
            school,
            round,
            people[4],
            &[
                Change::Choice(code("BEG.VIS.T1"), Some(Choice::NotMine)),
                Change::Choice(code("BEG.VIS.T2"), Some(Choice::Yes)),
            ],
        )
        .await
        .expect("saved");
    set(&mut expected, people[4], Some(Choice::NotMine));
    expected.push((people[4], "BEG.VIS.T2".to_owned(), Choice::Yes));
    expected.sort_by_key(|(person, code, _)| (person.0, code.clone()));
    assert_eq!(
        said(store, school, round).await,
        expected,
        "saved elsewhere"
    );
    // What is kept equals what a fresh read gives.
    assert_eq!(said(&other, school, round).await, expected, "a fresh read");
    app.stop().await;
}
