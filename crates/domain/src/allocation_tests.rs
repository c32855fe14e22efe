//! The allocation's rules: agreements refused for a reason, and what is worth a conversation.

use super::*;

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn person(n: u128) -> UserId {
    UserId(uuid::Uuid::from_u128(n))
}

fn task(s: &str, hours: Option<i64>) -> Task {
    Task {
        code: code(s),
        role: Role::Mentor,
        category: Category::Guiding,
        hours: hours.map(Minutes::hours),
    }
}

fn assign(c: &str, party: Party, part: Part) -> Assignment {
    Assignment {
        code: code(c),
        party,
        part,
    }
}

#[test]
fn agreements_are_refused_for_a_reason() {
    let tasks = [task("BEG.VIS.T1", None)];
    let members = [person(1), person(2)];
    let rules = Rules::default();
    let first = assign("BEG.VIS.T1", Party::Person(person(1)), Part::Responsible);
    assert_eq!(check(&first, &[], &tasks, &members, rules), Ok(()));
    let second = assign(
        "BEG.VIS.T1",
        Party::Role(Role::Specialist),
        Part::Responsible,
    );
    assert_eq!(
        check(
            &second,
            std::slice::from_ref(&first),
            &tasks,
            &members,
            rules
        ),
        Err(AllocationError::AlreadyResponsible)
    );
    let several = Rules {
        one_responsible: false,
        ..rules
    };
    assert_eq!(
        check(
            &second,
            std::slice::from_ref(&first),
            &tasks,
            &members,
            several
        ),
        Ok(())
    );
    assert_eq!(
        check(
            &first,
            std::slice::from_ref(&first),
            &tasks,
            &members,
            several
        ),
        Err(AllocationError::Duplicate)
    );
    let gone = assign("BEG.VIS.T1", Party::Person(person(9)), Part::CarriesOut);
    assert_eq!(
        check(&gone, &[], &tasks, &members, rules),
        Err(AllocationError::NotAMember)
    );
    let no_task = assign(
        "BEG.VIS.D1",
        Party::Outside(Outside::Parents),
        Part::Involved,
    );
    assert_eq!(
        check(&no_task, &[], &tasks, &members, rules),
        Err(AllocationError::NotATask)
    );
    for lang in Lang::ALL {
        assert!(!AllocationError::AlreadyResponsible.message(lang).is_empty());
    }
}

#[test]
fn a_batch_adds_what_it_can_names_what_it_cannot_and_skips_what_is_there() {
    let tasks = [
        task("BEG.VIS.T1", None),
        task("BEG.VIS.T2", None),
        task("BEG.VIS.T3", None),
    ];
    let members = [person(1), person(2)];
    let rules = Rules::default();
    let taken = assign("BEG.VIS.T2", Party::Person(person(2)), Part::Responsible);
    let there = assign("BEG.VIS.T3", Party::Person(person(1)), Part::Responsible);
    let new: Vec<Assignment> = ["BEG.VIS.T1", "BEG.VIS.T2", "BEG.VIS.T3", "BEG.VIS.T9"]
        .into_iter()
        .map(|c| assign(c, Party::Person(person(1)), Part::Responsible))
        .collect();
    let batch = check_batch(&new, &[taken.clone(), there], &tasks, &members, rules);
    assert_eq!(batch.add, vec![new[0].clone()]);
    assert_eq!(batch.already, vec![code("BEG.VIS.T3")]);
    assert_eq!(
        batch.refused,
        vec![
            (code("BEG.VIS.T2"), AllocationError::AlreadyResponsible),
            (code("BEG.VIS.T9"), AllocationError::NotATask),
        ]
    );
    // Within one batch, the second of two responsible parties for a task is refused too,
    // and the same agreement twice is added once.
    let twice = [
        new[0].clone(),
        new[0].clone(),
        assign("BEG.VIS.T1", Party::Person(person(2)), Part::Responsible),
    ];
    let batch = check_batch(&twice, &[], &tasks, &members, rules);
    assert_eq!(batch.add.len(), 1);
    assert_eq!(batch.already, vec![code("BEG.VIS.T1")]);
    assert_eq!(
        batch.refused,
        vec![(code("BEG.VIS.T1"), AllocationError::AlreadyResponsible)]
    );
    // Without the one-responsible rule, only the missing task is refused.
    let several = Rules {
        one_responsible: false,
        ..rules
    };
    let batch = check_batch(
        &new,
        std::slice::from_ref(&taken),
        &tasks,
        &members,
        several,
    );
    assert_eq!(batch.add.len(), 3);
    assert_eq!(
        batch.refused,
        vec![(code("BEG.VIS.T9"), AllocationError::NotATask)]
    );
}

#[test]
fn gaps_load_and_differences_are_found() {
    let tasks = [
        task("BEG.VIS.T1", Some(40)),
        task("BEG.VIS.T2", Some(30)),
        task("BEG.ORI.T1", None),
    ];
    let (anna, bram) = (person(1), person(2));
    let assignments = vec![
        assign("BEG.VIS.T1", Party::Person(anna), Part::Responsible),
        assign("BEG.VIS.T1", Party::Person(anna), Part::CarriesOut),
        assign("BEG.VIS.T1", Party::Person(bram), Part::CarriesOut),
        assign("BEG.VIS.T2", Party::Person(anna), Part::CarriesOut),
        assign("BEG.VIS.T2", Party::Person(bram), Part::Responsible),
        assign(
            "BEG.VIS.T2",
            Party::Role(Role::Coordinator),
            Part::Responsible,
        ),
        assign(
            "BEG.ORI.T1",
            Party::Outside(Outside::Municipality),
            Part::Involved,
        ),
    ];
    // Anna carries 20 + 30 = 50 hours and has 40; Bram 20 and has 20.
    assert_eq!(
        task_hours(&tasks, &assignments).get(&anna),
        Some(&Minutes::hours(50))
    );
    let allocated = HashMap::from([(anna, Minutes::hours(40)), (bram, Minutes::hours(20))]);
    let suggestions = vec![
        Suggestion {
            person: bram,
            code: code("BEG.ORI.T1"),
            choice: Choice::Develop,
        },
        Suggestion {
            person: bram,
            code: code("BEG.VIS.T2"),
            choice: Choice::NotMine,
        },
        Suggestion {
            person: anna,
            code: code("BEG.VIS.T1"),
            choice: Choice::Yes,
        },
        Suggestion {
            person: anna,
            code: code("BEG.ORI.T1"),
            choice: Choice::NotMine,
        },
        // Not a task of the edition: ignored.
        Suggestion {
            person: anna,
            code: code("BEG.VIS.D1"),
            choice: Choice::Yes,
        },
    ];
    let rules = Rules {
        one_responsible: false,
        many_responsibilities: 2,
    };
    let roles = HashMap::new();
    let found = attention(
        &tasks,
        &assignments,
        &allocated,
        &suggestions,
        &roles,
        rules,
    );
    assert_eq!(
        found,
        vec![
            Attention::SeveralResponsible {
                code: code("BEG.VIS.T2"),
                parties: 2
            },
            Attention::NoOneResponsible(code("BEG.ORI.T1")),
            Attention::NoOneCarriesOut(code("BEG.ORI.T1")),
            Attention::MoreHoursThanAllocated {
                person: anna,
                tasks: Minutes::hours(50),
                allocated: Minutes::hours(40)
            },
            Attention::SaysButNotAgreed {
                person: bram,
                code: code("BEG.ORI.T1")
            },
            Attention::AgreedButSaysNot {
                person: bram,
                code: code("BEG.VIS.T2")
            },
        ]
    );
    // With a lower threshold, Anna's and Bram's single responsibilities count as many.
    let strict = Rules {
        one_responsible: false,
        many_responsibilities: 1,
    };
    let found = attention(&tasks, &assignments, &allocated, &[], &roles, strict);
    assert!(found.contains(&Attention::ManyResponsibilities {
        person: anna,
        count: 1
    }));
    // A role covers the people holding it: Carol, a coordinator, has a part in BEG.VIS.T2.
    let carol = person(3);
    let said = [Suggestion {
        person: carol,
        code: code("BEG.VIS.T2"),
        choice: Choice::Yes,
    }];
    let differs = Attention::SaysButNotAgreed {
        person: carol,
        code: code("BEG.VIS.T2"),
    };
    let found = attention(&tasks, &assignments, &allocated, &said, &roles, rules);
    assert!(found.contains(&differs));
    let coordinators = HashMap::from([(carol, vec![Role::Coordinator])]);
    let found = attention(
        &tasks,
        &assignments,
        &allocated,
        &said,
        &coordinators,
        rules,
    );
    assert!(!found.contains(&differs));
}

#[test]
fn categories_parts_and_parties_have_keys_and_names() {
    for c in Category::ALL {
        assert_eq!(Category::from_key(c.key()), Some(c));
    }
    for p in Part::ALL {
        assert_eq!(Part::from_key(p.key()), Some(p));
    }
    for o in Outside::ALL {
        assert_eq!(Outside::from_key(o.key()), Some(o));
        assert_ne!(o.name(Lang::Nl), "");
    }
    assert_eq!(
        Category::default_for(Role::Specialist),
        Category::Specialist
    );
    assert_eq!(
        Category::Specialist.name(Lang::Nl),
        "coördinerend en specialistisch"
    );
}

#[test]
fn school_years_run_from_august() {
    use crate::framework::Date;
    let d = |s: &str| Date::parse(s).expect("valid");
    assert_eq!(SchoolYear::of(d("2026-11-25")).to_string(), "2026-2027");
    assert_eq!(SchoolYear::of(d("2027-07-31")).to_string(), "2026-2027");
    assert_eq!(SchoolYear::of(d("2027-08-01")).to_string(), "2027-2028");
    assert_eq!(
        SchoolYear::parse("2026-2027"),
        Some(SchoolYear::of(d("2026-09-01")))
    );
    for bad in ["2026-2028", "2026", "x-y", "2026-2027-2028", ""] {
        assert_eq!(SchoolYear::parse(bad), None, "{bad}");
    }
}
