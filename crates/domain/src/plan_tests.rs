//! The development plan's rules, each proven by what it accepts and refuses.

use super::*;
use crate::framework::fixture::minimal;
use crate::scan::{Answer, Change};

fn edition() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn date(y: u16, m: u8, d: u8) -> Date {
    Date::new(y, m, d).expect("valid")
}

fn colleague(n: u128) -> UserId {
    UserId(Uuid::from_u128(n))
}

fn form(what: &str) -> GoalForm<'_> {
    GoalForm {
        what,
        ..GoalForm::default()
    }
}

fn goal(statements: &[&str], status: GoalStatus) -> Goal {
    Goal {
        id: GoalId(Uuid::from_u128(7)),
        what: Line::parse("Beter doorvragen", Line::MAX).expect("valid"),
        why: None,
        statements: statements.iter().map(|s| code(s)).collect(),
        support: None,
        partner: None,
        target: Some(date(2027, 6, 30)),
        status,
        reflection: None,
        actions: Vec::new(),
        round: None,
        made_on: date(2026, 12, 1),
        revision: 0,
    }
}

fn problem_fields(result: Result<GoalFields, Vec<FieldProblem>>) -> Vec<&'static str> {
    result
        .expect_err("refused")
        .into_iter()
        .map(|p| p.field)
        .collect()
}

#[test]
fn statuses_read_back_and_speak_both_languages() {
    for status in GoalStatus::ALL {
        assert_eq!(GoalStatus::parse(status.code()), Some(status));
        assert!(!status.name(Lang::En).is_empty());
    }
    for status in ActionStatus::ALL {
        assert_eq!(ActionStatus::parse(status.code()), Some(status));
    }
    assert_eq!(GoalStatus::parse("gehaald"), None);
    assert_eq!(ActionStatus::parse(""), None);
    assert!(ActionStatus::Busy.is_open() && !ActionStatus::Stopped.is_open());
}

#[test]
fn a_goal_in_its_own_words_needs_only_what() {
    let fields = form("  Loopbaangesprekken voeren met elke leerling ")
        .check(&edition(), &[], date(2026, 12, 1), None)
        .expect("valid");
    assert_eq!(
        fields.what.as_str(),
        "Loopbaangesprekken voeren met elke leerling"
    );
    assert!(fields.statements.is_empty() && fields.partner.is_none() && fields.target.is_none());
    assert_eq!(fields.status, GoalStatus::Open);
}

#[test]
fn every_problem_of_a_goal_is_named_with_its_field() {
    let edition = edition();
    let long = "x".repeat(Line::MAX + 1);
    let note = "y".repeat(GOAL_NOTE_MAX + 1);
    let bad = GoalForm {
        what: &long,
        why: &note,
        statements: vec!["BEG.VIS.T1", "XYZ.VIS.T1"],
        support: "",
        partner: "persoon:00000000-0000-0000-0000-000000000009",
        partner_named: "",
        target: "31-13-2026",
        status: "geslaagd",
        reflection: "a\u{7}b",
    };
    let fields = problem_fields(bad.check(&edition, &[colleague(1)], date(2026, 12, 1), None));
    assert_eq!(
        fields,
        vec![
            "why",
            "reflection",
            "what",
            "statements",
            "partner",
            "target",
            "status"
        ]
    );
    // Empty: the goal in words is missing.
    assert_eq!(
        problem_fields(form("   ").check(&edition, &[], date(2026, 12, 1), None)),
        vec!["what"]
    );
}

#[test]
fn statements_must_be_in_the_edition_each_once_and_not_too_many() {
    let edition = edition();
    let linked = GoalForm {
        statements: vec!["BEG.VIS.T1", " BEG.VIS.T1", "SPE.ORI.D1", ""],
        ..form("Doel")
    };
    let fields = linked
        .check(&edition, &[], date(2026, 12, 1), None)
        .expect("valid");
    assert_eq!(
        fields.statements,
        vec![code("BEG.VIS.T1"), code("SPE.ORI.D1")]
    );
    let codes: Vec<String> = edition
        .statements()
        .iter()
        .take(MAX_GOAL_STATEMENTS + 1)
        .map(|s| s.code.to_string())
        .collect();
    let many = GoalForm {
        statements: codes.iter().map(String::as_str).collect(),
        ..form("Doel")
    };
    let refused = many
        .check(&edition, &[], date(2026, 12, 1), None)
        .expect_err("too many");
    assert_eq!(
        refused[0].error,
        PlanInputError::TooManyStatements {
            max: MAX_GOAL_STATEMENTS
        }
    );
}

#[test]
fn a_partner_is_an_active_colleague_or_a_name() {
    let colleagues = [colleague(1), colleague(2)];
    let id = colleague(2).0.to_string();
    let choice = format!("persoon:{id}");
    assert_eq!(
        Partner::parse(&choice, "genegeerd", &colleagues),
        Ok(Some(Partner::Colleague(colleague(2))))
    );
    assert_eq!(
        Partner::parse("anders", " teamleider ", &colleagues),
        Ok(Some(Partner::Named(
            Line::parse("teamleider", 80).expect("valid")
        )))
    );
    assert_eq!(Partner::parse("", "", &colleagues), Ok(None));
    assert_eq!(Partner::parse("anders", "", &colleagues), Ok(None));
    // Someone of another school, or who left, is no colleague; nor is anything else.
    for bad in [
        "persoon:00000000-0000-0000-0000-000000000003",
        "persoon:kapot",
        "role:SPE",
    ] {
        assert_eq!(
            Partner::parse(bad, "", &colleagues),
            Err(PlanInputError::NotAColleague),
            "{bad}"
        );
    }
    assert_eq!(
        Partner::parse("anders", &"n".repeat(81), &colleagues),
        Err(PlanInputError::TooLong {
            max: 80,
            length: 81
        })
    );
}

#[test]
fn a_target_date_may_not_lie_before_the_goal_began_unless_it_is_kept() {
    let edition = edition();
    let made_on = date(2026, 12, 1);
    let early = GoalForm {
        target: "2026-11-30",
        ..form("Doel")
    };
    let refused = early
        .check(&edition, &[], made_on, None)
        .expect_err("before the start");
    assert_eq!(refused[0].error, PlanInputError::TargetBeforeStart(made_on));
    assert!(
        refused[0].error.message(Lang::Nl).contains("1-12-2026"),
        "{}",
        refused[0].error.message(Lang::Nl)
    );
    // A date people type, on or after the start: fine.
    let typed = GoalForm {
        target: "1-12-2026",
        ..form("Doel")
    };
    assert_eq!(
        typed
            .check(&edition, &[], made_on, None)
            .expect("valid")
            .target,
        Some(made_on)
    );
    // Editing a goal whose target date has passed keeps it.
    let kept = GoalForm {
        target: "2026-11-30",
        ..form("Doel")
    };
    assert!(
        kept.check(&edition, &[], made_on, Some(date(2026, 11, 30)))
            .is_ok()
    );
}

#[test]
fn an_action_lies_between_the_goals_start_and_its_target() {
    let g = goal(&[], GoalStatus::Open);
    let ok = check_action(" Lezen over doorvragen ", "", "2027-01-15", &g).expect("valid");
    assert_eq!(ok.text.as_str(), "Lezen over doorvragen");
    assert_eq!(ok.status, ActionStatus::Planned);
    assert_eq!(ok.due, Some(date(2027, 1, 15)));
    let late = check_action("Lezen", "bezig", "2027-07-01", &g).expect_err("after target");
    assert_eq!(
        late[0].error,
        PlanInputError::ActionAfterTarget(date(2027, 6, 30))
    );
    assert!(late[0].error.message(Lang::En).contains("30/6/2027"));
    let early = check_action("Lezen", "bezig", "2026-11-01", &g).expect_err("before start");
    assert_eq!(
        early[0].error,
        PlanInputError::TargetBeforeStart(date(2026, 12, 1))
    );
    let fields: Vec<&str> = check_action("", "klaar", "morgen", &g)
        .expect_err("bad")
        .into_iter()
        .map(|p| p.field)
        .collect();
    assert_eq!(fields, vec!["action", "action-status", "due"]);
    // Without a target date, only the start bounds it.
    let open = Goal { target: None, ..g };
    assert!(check_action("Lezen", "gedaan", "2030-01-01", &open).is_ok());
}

#[test]
fn wishes_are_offered_as_goals_until_an_open_goal_is_about_them() {
    let edition = edition();
    let mut content = ScanContent::default();
    for (c, choice) in [
        ("BEG.VIS.T1", Choice::Develop),
        ("BEG.VIS.D1", Choice::Develop),
        ("BEG.ORI.T1", Choice::Yes),
        ("SPE.VIS.T1", Choice::Develop),
    ] {
        content.apply(Change::Choice(code(c), Some(choice)));
    }
    let roles = [Role::Mentor];
    let offered = |goals: &[Goal]| -> Vec<String> {
        suggestions(&edition, &roles, &content, goals)
            .into_iter()
            .map(|s| s.code.to_string())
            .collect()
    };
    assert_eq!(offered(&[]), vec!["BEG.VIS.T1", "BEG.VIS.D1"]);
    assert_eq!(
        offered(&[goal(&["BEG.VIS.T1"], GoalStatus::Open)]),
        vec!["BEG.VIS.D1"]
    );
    // A goal that is done no longer covers the wish.
    assert_eq!(
        offered(&[goal(&["BEG.VIS.T1"], GoalStatus::Done)]),
        vec!["BEG.VIS.T1", "BEG.VIS.D1"]
    );
}

#[test]
fn a_goal_from_an_earlier_round_shows_its_statements_then_and_now() {
    let edition = edition();
    let mut then = ScanContent::default();
    then.apply(Change::Choice(code("BEG.VIS.T1"), Some(Choice::Develop)));
    let mut now = ScanContent::default();
    now.apply(Change::Choice(code("BEG.VIS.T1"), Some(Choice::Partly)));
    let g = goal(
        &["BEG.VIS.T1", "BEG.ORI.D1", "EIGEN.BEG.VIS.T9"],
        GoalStatus::Open,
    );
    let lines = then_and_now(&g, &edition, &then, &now);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].then, Some(Choice::Develop));
    assert_eq!(lines[0].now, Some(Choice::Partly));
    assert_eq!(lines[1].then, None);
    assert!(lines[1].statement.is_some());
    assert!(lines[2].statement.is_none(), "no longer in the edition");
    assert_eq!(kind_of(&edition, &code("BEG.ORI.D1")), Kind::Expertise);
    let _ = Answer::default();
}

#[test]
fn every_problem_speaks_dutch_and_english() {
    let all = [
        PlanInputError::Empty,
        PlanInputError::TooLong { max: 3, length: 4 },
        PlanInputError::ControlCharacters,
        PlanInputError::Note("nl".into(), "en".into()),
        PlanInputError::UnknownStatement("X".into()),
        PlanInputError::TooManyStatements { max: 10 },
        PlanInputError::NotAColleague,
        PlanInputError::BadDate("x".into()),
        PlanInputError::TargetBeforeStart(date(2026, 1, 2)),
        PlanInputError::ActionAfterTarget(date(2026, 1, 2)),
        PlanInputError::UnknownStatus,
        PlanInputError::TooManyGoals { max: 60 },
        PlanInputError::TooManyActions { max: 30 },
        PlanInputError::TooManyMinutes { max: 120 },
        PlanInputError::BadMinutes("x".into()),
        PlanInputError::TooManyTopics { max: 12 },
    ];
    for error in all {
        let (nl, en) = (error.message(Lang::Nl), error.message(Lang::En));
        assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{error:?}");
    }
}
