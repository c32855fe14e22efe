//! The conversation's agenda: built only from what the owner brings, in four steps, with
//! time boxes that add up.

use super::*;
use crate::Code;
use crate::framework::fixture::minimal;
use crate::plan::{Action, ActionId, ActionStatus, GoalId};
use crate::scan::{Change, Note};

fn edition() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn line(s: &str) -> Line {
    Line::parse(s, Line::MAX).expect("valid")
}

fn goal(what: &str, status: GoalStatus, actions: &[(&str, ActionStatus)]) -> Goal {
    Goal {
        id: GoalId(Uuid::new_v4()),
        what: line(what),
        why: None,
        statements: vec![code("BEG.VIS.T1")],
        support: None,
        partner: None,
        target: Date::new(2027, 6, 30),
        status,
        reflection: None,
        actions: actions
            .iter()
            .map(|(text, status)| Action {
                id: ActionId(Uuid::new_v4()),
                text: line(text),
                status: *status,
                due: None,
                conversation: None,
            })
            .collect(),
        round: None,
        made_on: Date::new(2026, 12, 1).expect("valid"),
        revision: 0,
    }
}

fn scan(changes: Vec<Change>) -> ScanContent {
    let mut content = ScanContent::default();
    for change in changes {
        content.apply(change);
    }
    content
}

#[test]
fn steps_read_back_and_each_has_open_questions_in_both_languages() {
    for step in Step::ALL {
        assert_eq!(Step::parse(step.code()), Some(step));
        for lang in Lang::ALL {
            let questions = step.questions(lang);
            assert!(questions.iter().all(|q| q.ends_with('?')), "{step:?}");
        }
        assert_ne!(step.name(Lang::Nl), step.name(Lang::En));
    }
    assert_eq!(Step::parse("evaluatie"), None);
}

#[test]
fn time_boxes_add_up_and_follow_what_there_is_to_talk_about() {
    for total in [0, 1, 7, 30, 45, 60, 480] {
        for items in [[0, 0, 0, 0], [3, 0, 12, 1], [12, 12, 12, 12]] {
            let boxes = time_boxes(&items, total);
            assert_eq!(boxes.iter().sum::<u32>(), total, "{items:?} {total}");
            assert!(boxes.iter().all(|&b| b >= total / 20), "{boxes:?}");
        }
    }
    let boxes = time_boxes(&[0, 10, 2, 0], 45);
    assert!(boxes[1] > boxes[2] && boxes[2] > boxes[0], "{boxes:?}");
    assert_eq!(time_boxes(&[0, 0, 0, 0], 40), [10, 10, 10, 10]);
}

#[test]
fn the_agenda_holds_only_what_the_owner_brings_in_the_four_steps() {
    let edition = edition();
    let before = scan(vec![Change::Choice(
        code("BEG.VIS.T1"),
        Some(Choice::Develop),
    )]);
    let content = scan(vec![
        Change::Choice(code("BEG.VIS.T1"), Some(Choice::Partly)),
        Change::Choice(code("BEG.ORI.T1"), Some(Choice::Yes)),
        Change::Discuss(code("BEG.ORI.T1"), true),
        Change::AnswerNote(
            code("BEG.ORI.T1"),
            Note::parse("privé notitie", 500).expect("ok"),
        ),
        Change::Choice(code("BEG.ORG.D1"), Some(Choice::Develop)),
        Change::AreaNote(
            NoteKey::Focus(Role::Mentor, Area::Organisation, Kind::Task),
            Note::parse("mijn aandachtsveld", 2000).expect("ok"),
        ),
        // A role the person does not hold stays out.
        Change::Discuss(code("SPE.VIS.T1"), true),
    ]);
    let goals = [
        goal(
            "Beter doorvragen",
            GoalStatus::Open,
            &[
                ("Boek lezen", ActionStatus::Done),
                ("Oefenen", ActionStatus::Busy),
            ],
        ),
        goal("Portfolio gebruiken", GoalStatus::Done, &[]),
        goal(
            "Gestopt doel",
            GoalStatus::Stopped,
            &[("Niets", ActionStatus::Planned)],
        ),
    ];
    let scale = ScaleLabels::default();
    let roles = [Role::Mentor];
    let sources = |include_notes| Sources {
        edition: &edition,
        roles: &roles,
        content: &content,
        before: Some(&before),
        scale: &scale,
        goals: &goals,
        include_notes,
        minutes: 45,
    };
    let agenda = propose(&sources(false), Lang::Nl);
    assert_eq!(
        agenda.iter().map(|s| s.step).collect::<Vec<_>>(),
        Step::ALL.to_vec()
    );
    assert_eq!(agenda.iter().map(|s| s.minutes).sum::<u32>(), 45);
    let [back, reflect, ahead, act] = [0, 1, 2, 3].map(|i| agenda[i].items.join("\n"));
    assert!(
        back.contains("BEG.VIS.T1") && back.contains("was ‘wil ik oppakken’, nu ‘doe ik deels’"),
        "{back}"
    );
    assert!(
        back.contains("Afgerond doel: Portfolio gebruiken"),
        "{back}"
    );
    assert!(
        back.contains("Gedaan: Boek lezen (doel: Beter doorvragen)"),
        "{back}"
    );
    assert!(
        reflect.contains("BEG.ORI.T1") && reflect.contains("(doe ik)"),
        "{reflect}"
    );
    assert!(!reflect.contains("privé notitie"), "notes only when ticked");
    assert!(!reflect.contains("SPE.VIS.T1"), "{reflect}");
    assert!(
        ahead.contains("Doel: Beter doorvragen (streefdatum 30-6-2027)"),
        "{ahead}"
    );
    assert!(
        ahead.contains("BEG.ORG.D1") && ahead.contains("wil ik ontwikkelen"),
        "{ahead}"
    );
    assert!(
        !ahead.contains("Portfolio") && !ahead.contains("Gestopt"),
        "{ahead}"
    );
    assert!(
        act.contains("Oefenen (bezig; doel: Beter doorvragen)"),
        "{act}"
    );
    assert!(
        !act.contains("Niets") && !act.contains("Boek lezen"),
        "{act}"
    );

    // With the notes ticked: the flagged statement's note and the focus notes join.
    let agenda = propose(&sources(true), Lang::En);
    let reflect = agenda[1].items.join("\n");
    assert!(reflect.contains("privé notitie"), "{reflect}");
    assert!(reflect.contains("mijn aandachtsveld"), "{reflect}");
    assert!(agenda[0].items.join("\n").contains("Completed goal"));
}

#[test]
fn with_nothing_brought_the_agenda_is_empty_but_still_has_its_steps_and_time() {
    let edition = edition();
    let content = ScanContent::default();
    let scale = ScaleLabels::default();
    let agenda = propose(
        &Sources {
            edition: &edition,
            roles: &[Role::Mentor],
            content: &content,
            before: None,
            scale: &scale,
            goals: &[],
            include_notes: true,
            minutes: 30,
        },
        Lang::Nl,
    );
    assert_eq!(agenda.len(), 4);
    assert!(agenda.iter().all(|s| s.items.is_empty()));
    assert_eq!(agenda.iter().map(|s| s.minutes).sum::<u32>(), 30);
}

#[test]
fn an_edited_step_is_checked() {
    let step = AgendaStep::parse(Step::Reflect, " 15 ", "eerste\r\n\n  tweede  \n").expect("valid");
    assert_eq!(step.minutes, 15);
    assert_eq!(step.items, vec!["eerste", "tweede"]);
    assert_eq!(step.text(), "eerste\ntweede");
    assert_eq!(
        AgendaStep::parse(Step::Act, "", "").expect("valid").minutes,
        0
    );
    assert_eq!(
        AgendaStep::parse(Step::Act, "121", ""),
        Err(PlanInputError::TooManyMinutes {
            max: STEP_MINUTES_MAX
        })
    );
    assert_eq!(
        AgendaStep::parse(Step::Act, "tien", ""),
        Err(PlanInputError::BadMinutes("tien".into()))
    );
    assert!(matches!(
        AgendaStep::parse(Step::Act, "5", &"x".repeat(STEP_TEXT_MAX + 1)),
        Err(PlanInputError::TooLong { .. })
    ));
    assert_eq!(
        AgendaStep::parse(Step::Act, "5", "a\u{1b}b"),
        Err(PlanInputError::ControlCharacters)
    );
}

#[test]
fn only_the_owner_and_the_partner_of_a_shared_conversation_read_it() {
    let owner = UserId(Uuid::from_u128(1));
    let partner = UserId(Uuid::from_u128(2));
    let other = UserId(Uuid::from_u128(3));
    let mut conversation = Conversation {
        id: Uuid::new_v4(),
        owner: Some(owner),
        partner: Some(Partner::Colleague(partner)),
        planned_on: None,
        include_notes: false,
        shared: false,
        steps: Vec::new(),
        agreements: Vec::new(),
        created_at: 0,
        revision: 0,
    };
    assert!(conversation.readable_by(owner));
    assert!(
        !conversation.readable_by(partner),
        "not before it is shared"
    );
    conversation.shared = true;
    assert!(conversation.readable_by(partner));
    assert!(!conversation.readable_by(other));
}
