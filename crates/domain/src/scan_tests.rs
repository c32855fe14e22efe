//! The self-scan's rules, each proven by what it accepts and refuses.

use super::*;
use crate::framework::Date;
use crate::framework::fixture::minimal;

fn edition() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

#[test]
fn choices_read_back_and_nothing_else_is_a_choice() {
    for choice in Choice::ALL {
        assert_eq!(Choice::parse(choice.code()), Ok(choice));
    }
    for bad in ["", "JA", "yes", "5", "ja;drop"] {
        assert!(
            matches!(Choice::parse(bad), Err(ScanInputError::UnknownChoice(_))),
            "{bad}"
        );
    }
}

#[test]
fn the_default_scale_speaks_of_tasks_and_expertise_differently() {
    let scale = ScaleLabels::default();
    assert_eq!(scale.label(Kind::Task, Choice::Yes, Lang::Nl), "doe ik");
    assert_eq!(
        scale.label(Kind::Expertise, Choice::Develop, Lang::Nl),
        "wil ik ontwikkelen"
    );
    assert_eq!(
        scale.label(Kind::Expertise, Choice::NotMine, Lang::En),
        "not needed in my role"
    );
    assert_eq!(
        scale.label(Kind::Task, Choice::NotMine, Lang::Nl),
        "niet mijn taak"
    );
}

#[test]
fn a_school_renames_steps_within_limits() {
    let renamed = ScaleLabels::renamed(&[
        ("taak.ja.nl".into(), "  dat doe ik al ".into()),
        ("deskundigheid.niet.en".into(), "not for me".into()),
        ("taak.deels.nl".into(), "".into()),
        ("onbekend.veld".into(), "genegeerd".into()),
    ])
    .expect("valid");
    assert_eq!(
        renamed.label(Kind::Task, Choice::Yes, Lang::Nl),
        "dat doe ik al"
    );
    assert_eq!(
        renamed.label(Kind::Task, Choice::Partly, Lang::Nl),
        "doe ik deels"
    );
    assert_eq!(
        renamed.label(Kind::Expertise, Choice::NotMine, Lang::En),
        "not for me"
    );
    assert_eq!(renamed.renamings().len(), 2);
    assert_eq!(
        ScaleLabels::renamed(&renamed.renamings()).expect("stored form reads back"),
        renamed
    );
    let too_long = ScaleLabels::renamed(&[("taak.ja.nl".into(), "x".repeat(41))]);
    assert_eq!(
        too_long,
        Err(vec![(
            "taak.ja.nl".into(),
            ScanInputError::LabelTooLong { max: 40 }
        )])
    );
    let twice = ScaleLabels::renamed(&[("taak.niet.nl".into(), "Doe ik".into())]);
    assert_eq!(
        twice,
        Err(vec![(
            "taak.niet.nl".into(),
            ScanInputError::LabelTwice("doe ik".into())
        )])
    );
    assert_eq!(ScaleLabels::fields().len(), 16);
}

#[test]
fn notes_are_trimmed_limited_and_free_of_control_characters() {
    assert_eq!(Note::parse("  \r\n ", 10), Ok(None));
    assert_eq!(
        Note::parse(" twee\r\nregels\t", 20).map(|n| n.map(|n| n.to_string())),
        Ok(Some("twee\nregels".to_owned()))
    );
    assert_eq!(
        Note::parse(&"é".repeat(11), 10),
        Err(ScanInputError::NoteTooLong {
            max: 10,
            length: 11
        })
    );
    assert!(
        Note::parse(&"é".repeat(10), 10).is_ok(),
        "characters, not bytes"
    );
    assert_eq!(
        Note::parse("bel\u{7}", 10),
        Err(ScanInputError::NoteControlCharacters)
    );
    // Markup is text like any other; the pages escape it.
    assert!(Note::parse("<script>", 10).is_ok());
}

#[test]
fn note_keys_read_back_and_reject_the_rest() {
    for role in Role::ALL {
        for area in Area::ALL {
            for kind in Kind::ALL {
                let key = NoteKey::Focus(role, area, kind);
                assert_eq!(NoteKey::parse(&key.code()), Some(key));
            }
            for prompt in Prompt::ALL {
                let key = NoteKey::Reflection(role, area, prompt);
                assert_eq!(NoteKey::parse(&key.code()), Some(key));
            }
        }
    }
    assert_eq!(
        NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Task).code(),
        "focus.BEG.VIS.T"
    );
    for bad in [
        "focus.BEG.VIS",
        "focus.BEG.VIS.TT",
        "focus.XXX.VIS.T",
        "reflectie.BEG.VIS.onbekend",
        "focus.BEG.VIS.T.extra",
        "iets.BEG.VIS.T",
    ] {
        assert_eq!(NoteKey::parse(bad), None, "{bad}");
    }
}

#[test]
fn a_change_is_checked_against_the_edition_and_the_roles_held() {
    let edition = edition();
    let mine = [Role::Mentor];
    assert_eq!(
        Change::parse("keuze.BEG.VIS.T1", "deels", &edition, &mine),
        Ok(Change::Choice(code("BEG.VIS.T1"), Some(Choice::Partly)))
    );
    assert_eq!(
        Change::parse("keuze.BEG.VIS.T1", "", &edition, &mine),
        Ok(Change::Choice(code("BEG.VIS.T1"), None))
    );
    assert_eq!(
        Change::parse("bespreken.BEG.VIS.D1", "on", &edition, &mine),
        Ok(Change::Discuss(code("BEG.VIS.D1"), true))
    );
    assert!(matches!(
        Change::parse("notitie.BEG.VIS.D1", "kort", &edition, &mine),
        Ok(Change::AnswerNote(_, Some(_)))
    ));
    assert!(matches!(
        Change::parse("focus.BEG.SAM.D", "samen met de mentoren", &edition, &mine),
        Ok(Change::AreaNote(
            NoteKey::Focus(Role::Mentor, Area::Cooperation, Kind::Expertise),
            Some(_)
        ))
    ));
    // Bad input, each with its own message.
    assert_eq!(
        Change::parse("keuze.BEG.VIS.T1", "misschien", &edition, &mine),
        Err(ScanInputError::UnknownChoice("misschien".into()))
    );
    assert_eq!(
        Change::parse("keuze.BEG.VIS.T9", "ja", &edition, &mine),
        Err(ScanInputError::UnknownStatement("BEG.VIS.T9".into()))
    );
    assert_eq!(
        Change::parse("keuze.SPE.VIS.T1", "ja", &edition, &mine),
        Err(ScanInputError::NotYourRole)
    );
    assert_eq!(
        Change::parse("focus.SPE.VIS.T", "x", &edition, &mine),
        Err(ScanInputError::NotYourRole)
    );
    assert!(matches!(
        Change::parse("wachtwoord", "x", &edition, &mine),
        Err(ScanInputError::UnknownField(_))
    ));
    assert!(matches!(
        Change::parse(
            "notitie.BEG.VIS.T1",
            &"x".repeat(ANSWER_NOTE_MAX + 1),
            &edition,
            &mine
        ),
        Err(ScanInputError::NoteTooLong { .. })
    ));
    for change in [
        Change::Choice(code("BEG.VIS.T1"), None),
        Change::Discuss(code("BEG.VIS.T1"), false),
        Change::AreaNote(
            NoteKey::Reflection(Role::Mentor, Area::Vision, Prompt::RoleModel),
            None,
        ),
    ] {
        let field = change.field();
        let value = "";
        assert_eq!(Change::parse(&field, value, &edition, &mine), Ok(change));
    }
    for message in [
        ScanInputError::NotYourRole.message(Lang::Nl),
        ScanInputError::NoteTooLong { max: 5, length: 6 }.message(Lang::En),
    ] {
        assert!(message.ends_with('.'), "{message}");
    }
}

#[test]
fn progress_counts_chosen_statements_per_role_and_area() {
    let edition = edition();
    let mut content = ScanContent::default();
    content.apply(Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes)));
    // A note alone is no answer yet.
    content.apply(Change::AnswerNote(
        code("BEG.VIS.D1"),
        Note::parse("later", 10).expect("valid"),
    ));
    let all = progress(&edition, &[Role::Coordinator, Role::Mentor], &content);
    assert_eq!(all.len(), 8, "two roles × four areas");
    assert_eq!(all[0].role, Role::Mentor, "canonical order");
    assert_eq!((all[0].answered, all[0].total), (1, 2));
    assert!(!all[0].done());
    assert!(all[1..].iter().all(|p| p.answered == 0 && p.total == 2));
}

#[test]
fn emptied_answers_disappear() {
    let mut content = ScanContent::default();
    content.apply(Change::Discuss(code("BEG.VIS.T1"), true));
    assert_eq!(content.answers.len(), 1);
    content.apply(Change::Discuss(code("BEG.VIS.T1"), false));
    assert!(content.answers.is_empty());
    let key = NoteKey::Focus(Role::Mentor, Area::Vision, Kind::Task);
    content.apply(Change::AreaNote(key, Note::parse("x", 5).expect("valid")));
    content.apply(Change::AreaNote(key, None));
    assert!(content.notes.is_empty());
}

#[test]
fn the_overview_tallies_and_lists_and_compares() {
    let edition = edition();
    let mut earlier = ScanContent::default();
    earlier.apply(Change::Choice(code("BEG.VIS.T1"), Some(Choice::Develop)));
    earlier.apply(Change::Choice(code("BEG.ORI.T1"), Some(Choice::Yes)));
    let mut now = ScanContent::default();
    now.apply(Change::Choice(code("BEG.VIS.T1"), Some(Choice::Yes)));
    now.apply(Change::Choice(code("BEG.ORI.T1"), Some(Choice::Yes)));
    now.apply(Change::Choice(code("BEG.VIS.D1"), Some(Choice::Develop)));

    let tasks = tally(&edition, &now, Role::Mentor, Area::Vision, Kind::Task);
    assert_eq!(tasks.count(Choice::Yes), 1);
    assert_eq!((tasks.open, tasks.total()), (0, 1));
    let none = tally(&edition, &now, Role::Mentor, Area::Cooperation, Kind::Task);
    assert_eq!((none.open, none.total()), (1, 1));

    let strengths: Vec<&str> = with_choice(&edition, &now, Role::Mentor, Choice::Yes)
        .iter()
        .map(|s| s.code.as_str())
        .collect();
    assert_eq!(strengths, ["BEG.VIS.T1", "BEG.ORI.T1"]);
    let wishes = with_choice(&edition, &now, Role::Mentor, Choice::Develop);
    assert_eq!(wishes.len(), 1);

    let changed = shifts(&edition, &[Role::Mentor], &earlier, &now);
    assert_eq!(changed.len(), 1, "unchanged and new answers are not shifts");
    assert_eq!(changed[0].statement.code.as_str(), "BEG.VIS.T1");
    assert_eq!(
        (changed[0].before, changed[0].now),
        (Some(Choice::Develop), Some(Choice::Yes))
    );
    assert!(shifts(&edition, &[Role::Specialist], &earlier, &now).is_empty());
}

#[test]
fn rounds_have_a_name_and_a_period_in_order() {
    assert_eq!(
        RoundName::parse("  najaar 2026 ").map(|n| n.to_string()),
        Ok("najaar 2026".to_owned())
    );
    assert_eq!(RoundName::parse(" "), Err(ScanInputError::RoundNameEmpty));
    assert_eq!(
        RoundName::parse(&"a".repeat(81)),
        Err(ScanInputError::RoundNameTooLong { max: 80 })
    );
    let period = Period::parse("2026-11-25", "31-1-2027").expect("valid");
    assert_eq!(period.starts, Date::new(2026, 11, 25).expect("valid"));
    assert_eq!(period.ends, Date::new(2027, 1, 31));
    assert_eq!(Period::parse("25-11-2026", "").map(|p| p.ends), Ok(None));
    assert_eq!(
        Period::parse("2026-11-25", "2026-11-24"),
        Err(ScanInputError::PeriodReversed)
    );
    for bad in [
        "",
        "morgen",
        "31-2-2026",
        "2026-13-01",
        "1-1-26",
        "1-1-2026-1",
    ] {
        assert!(
            matches!(Period::parse(bad, ""), Err(ScanInputError::BadDate(_))),
            "{bad}"
        );
    }
}
