//! The vision's texts, goals, links, publishing and comparing.

use super::*;
use crate::Role;
use crate::account::UserId;
use crate::framework::fixture::minimal;

fn edition() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn goal_input() -> GoalInput<'static> {
    GoalInput {
        section: "begeleiding",
        goal: "Elke leerling voert twee loopbaangesprekken per jaar",
        indicator: "Aandeel leerlingen met twee gesprekken in het leerlingvolgsysteem",
        target: "90%",
        owner: "Teamleider onderbouw",
        evaluate_on: "15-06-2027",
    }
}

fn vision(intro: &str, goals: Vec<Goal>) -> Vision {
    Vision {
        sections: vec![(
            Section::Intro,
            SectionText {
                body: Body::parse(intro).expect("valid"),
                links: Vec::new(),
            },
        )],
        goals,
    }
}

#[test]
fn sections_are_the_introduction_and_the_four_areas_each_with_questions() {
    assert_eq!(Section::ALL.len(), 5);
    for section in Section::ALL {
        assert_eq!(Section::parse(section.code()), Some(section));
        for lang in [Lang::Nl, Lang::En] {
            assert!(section.questions(lang).len() >= 3);
            assert!(!section.name(lang).is_empty());
        }
    }
    assert_eq!(Section::parse("nope"), None);
    assert_eq!(
        Section::Area(Area::Guidance).name(Lang::Nl),
        "Oriëntatie en begeleiding"
    );
}

#[test]
fn a_body_keeps_paragraphs_and_refuses_what_it_cannot_hold() {
    let body =
        Body::parse("  Eerste regel\r\nloopt door.\r\n\r\n\r\nTweede alinea.  ").expect("valid");
    assert_eq!(
        body.paragraphs(),
        vec!["Eerste regel loopt door.", "Tweede alinea."]
    );
    assert!(Body::parse("").expect("empty is allowed").is_empty());
    let long = "a".repeat(BODY_MAX + 1);
    assert_eq!(
        Body::parse(&long),
        Err(PlanInputError::TooLong {
            max: BODY_MAX,
            length: BODY_MAX + 1
        })
    );
    assert_eq!(
        Body::parse("bel\u{7}"),
        Err(PlanInputError::ControlCharacters)
    );
    assert!(Body::parse("met\ttab").is_ok());
}

#[test]
fn links_must_be_statements_of_the_framework_or_links_already_kept() {
    let edition = edition();
    let t1 = Code::conventional(Role::Mentor, Area::Guidance, Kind::Task, 1);
    let d1 = Code::conventional(Role::Mentor, Area::Guidance, Kind::Expertise, 1);
    let links =
        checked_links(&[t1.as_str(), d1.as_str(), t1.as_str(), " "], &edition, &[]).expect("valid");
    assert_eq!(links, vec![t1.clone(), d1]);
    // A statement no longer in the edition: refused when new, kept when it was linked.
    let hidden = code("BEG.ORI.T9");
    assert_eq!(
        checked_links(&[hidden.as_str()], &edition, &[]),
        Err(PlanInputError::UnknownStatement("BEG.ORI.T9".into()))
    );
    assert_eq!(
        checked_links(&[hidden.as_str()], &edition, std::slice::from_ref(&hidden)),
        Ok(vec![hidden])
    );
    // Something that is no code at all.
    assert!(matches!(
        checked_links(&["<script>"], &edition, &[]),
        Err(PlanInputError::UnknownStatement(_))
    ));
}

#[test]
fn too_many_links_are_refused() {
    let edition = edition();
    let kept: Vec<Code> = (1..=LINKS_MAX + 1)
        .map(|i| code(&format!("EIGEN.BEG.ORI.T{i}")))
        .collect();
    let chosen: Vec<&str> = kept.iter().map(Code::as_str).collect();
    assert_eq!(
        checked_links(&chosen, &edition, &kept),
        Err(PlanInputError::TooManyStatements { max: LINKS_MAX })
    );
}

#[test]
fn a_goal_needs_every_field_and_says_which_one_is_wrong() {
    let goal = goal_input().parse().expect("valid");
    let long_owner = "x".repeat(OWNER_MAX + 1);
    assert_eq!(goal.section, Section::Area(Area::Guidance));
    assert_eq!(goal.evaluate_on, Date::new(2027, 6, 15).expect("date"));
    let cases = [
        (
            GoalInput {
                goal: " ",
                ..goal_input()
            },
            GoalField::Goal,
        ),
        (
            GoalInput {
                indicator: "",
                ..goal_input()
            },
            GoalField::Indicator,
        ),
        (
            GoalInput {
                owner: &long_owner,
                ..goal_input()
            },
            GoalField::Owner,
        ),
        (
            GoalInput {
                evaluate_on: "31-02-2027",
                ..goal_input()
            },
            GoalField::EvaluateOn,
        ),
        (
            GoalInput {
                section: "hack",
                ..goal_input()
            },
            GoalField::Section,
        ),
    ];
    for (input, field) in cases {
        let error = input.parse().expect_err("refused");
        assert_eq!(error.field, field);
        assert!(error.message(Lang::Nl).starts_with(field.name(Lang::Nl)));
        assert!(error.message(Lang::En).starts_with(field.name(Lang::En)));
    }
}

#[test]
fn publishing_needs_something_new_and_a_summary() {
    let empty = Vision::default();
    assert_eq!(
        check_publish(&empty, None, "Eerste versie"),
        Err(PublishError::Empty)
    );
    let draft = vision("Onze visie.", Vec::new());
    assert_eq!(
        check_publish(&draft, Some(&draft.clone()), "Niets"),
        Err(PublishError::Unchanged)
    );
    assert!(matches!(
        check_publish(&draft, None, "  "),
        Err(PublishError::Summary(PlanInputError::Empty))
    ));
    assert_eq!(
        check_publish(&draft, None, " Eerste versie ").map(|l| l.to_string()),
        Ok("Eerste versie".to_owned())
    );
    for e in [
        PublishError::Empty,
        PublishError::Unchanged,
        PublishError::Summary(PlanInputError::Empty),
    ] {
        assert_ne!(e.message(Lang::Nl), e.message(Lang::En));
    }
}

#[test]
fn comparing_marks_paragraphs_links_and_goals() {
    let goal = goal_input().parse().expect("valid");
    let mut old = vision("Een.\n\nTwee.\n\nDrie.", vec![goal.clone()]);
    old.sections.push((
        Section::Area(Area::Guidance),
        SectionText {
            body: Body::default(),
            links: vec![code("BEG.ORI.T1")],
        },
    ));
    let changed_goal = Goal {
        target: Line::parse("95%", MEASURE_MAX).expect("valid"),
        ..goal.clone()
    };
    let mut new = vision(
        "Een.\n\nTwee, anders.\n\nDrie.\n\nVier.",
        vec![changed_goal.clone()],
    );
    new.sections.push((
        Section::Area(Area::Guidance),
        SectionText {
            body: Body::default(),
            links: vec![code("BEG.ORI.D1")],
        },
    ));
    let changes = compare(&old, &new);
    assert_eq!(changes.len(), 5);
    let intro = &changes[0];
    assert_eq!(
        intro.paragraphs,
        vec![
            Paragraph::Same("Een.".into()),
            Paragraph::Removed("Twee.".into()),
            Paragraph::Added("Twee, anders.".into()),
            Paragraph::Same("Drie.".into()),
            Paragraph::Added("Vier.".into()),
        ]
    );
    let guidance = &changes[2];
    assert_eq!(guidance.links_added, vec![code("BEG.ORI.D1")]);
    assert_eq!(guidance.links_removed, vec![code("BEG.ORI.T1")]);
    assert_eq!(guidance.goals_added, vec![changed_goal]);
    assert_eq!(guidance.goals_removed, vec![goal]);
    assert!(changes.iter().all(|c| c.changed()
        == (c.section == Section::Intro || c.section == Section::Area(Area::Guidance))));
    // A version compared with itself has no changes.
    assert!(compare(&new, &new).iter().all(|c| !c.changed()));
}

#[test]
fn practice_names_who_is_responsible_who_carries_out_and_the_hours() {
    let edition = edition();
    let task = Code::conventional(Role::Mentor, Area::Guidance, Kind::Task, 1);
    let expertise = Code::conventional(Role::Mentor, Area::Guidance, Kind::Expertise, 1);
    let gone = code("BEG.ORI.T9");
    let anna = UserId(uuid::Uuid::from_u128(7));
    let assignments = vec![
        Assignment {
            code: task.clone(),
            party: Party::Role(Role::Specialist),
            part: Part::Responsible,
        },
        Assignment {
            code: task.clone(),
            party: Party::Person(anna),
            part: Part::CarriesOut,
        },
        Assignment {
            code: task.clone(),
            party: Party::Person(anna),
            part: Part::CarriesOut,
        },
    ];
    let tasks = vec![Task {
        code: task.clone(),
        role: Role::Mentor,
        category: crate::allocation::Category::Guiding,
        hours: Some(Minutes(600)),
    }];
    let shown = practice(
        &[task.clone(), expertise.clone(), gone.clone()],
        &edition,
        &tasks,
        &assignments,
    );
    assert_eq!(
        shown[0],
        LinkPractice {
            code: task,
            in_framework: true,
            task: Some(TaskPractice {
                responsible: vec![Party::Role(Role::Specialist)],
                carries_out: vec![Party::Person(anna)],
                hours: Some(Minutes(600)),
            }),
        }
    );
    assert_eq!(shown[1].task, None);
    assert!(shown[1].in_framework);
    assert!(!shown[2].in_framework);
    assert_eq!(shown[2].task, None);
}
