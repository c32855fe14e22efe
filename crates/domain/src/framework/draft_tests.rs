//! The rules of a school's draft: each change, publishing, and taking over national changes.

use super::*;
use crate::framework::diff::diff;
use crate::framework::fixture::{minimal, text};
use crate::framework::{Field, Location, ProblemKind};
use crate::lang::Lang;

fn national() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid code")
}

fn publication(from: &Edition) -> Publication<'_> {
    Publication {
        from,
        more_themes: &[],
        based_on: from.id(),
        identifier: "school-test".into(),
        version: "1".into(),
        date: Date::new(2026, 11, 25).expect("valid"),
        publisher: "De Test School".into(),
        title: Text::new(
            "Raamwerk LOB van De Test School",
            "Career guidance framework",
        ),
        summary: " Eigen taak voor de regio. ".into(),
    }
}

fn order(draft: &[DraftStatement]) -> Vec<&str> {
    draft.iter().map(|d| d.statement.code.as_str()).collect()
}

#[test]
fn own_codes_never_take_a_national_code_or_one_in_use() {
    let taken = [code("EIGEN.BEG.VIS.T1"), code("BEG.VIS.T2")];
    assert_eq!(
        own_code(Role::Mentor, Area::Vision, Kind::Task, &taken).as_str(),
        "EIGEN.BEG.VIS.T2"
    );
    assert_eq!(
        own_code(Role::Coordinator, Area::Cooperation, Kind::Expertise, []).as_str(),
        "EIGEN.COO.SAM.D1"
    );
    assert!(is_own(&code("EIGEN.BEG.VIS.T1")));
    assert!(!is_own(&code("BEG.VIS.T1")));
    assert!(!is_own(&code("EIGENAAR.1")));
}

#[test]
fn texts_need_dutch_and_stay_within_the_limit() {
    assert_eq!(
        checked_text("  Doet iets.  ", ""),
        Ok(Text::new("Doet iets.", ""))
    );
    assert_eq!(checked_text("   ", "Does."), Err(DraftError::NoDutchText));
    let long = "x".repeat(MAX_TEXT_CHARS + 1);
    assert_eq!(checked_text(&long, ""), Err(DraftError::TooLong));
    assert_eq!(checked_text("Kort.", &long), Err(DraftError::TooLong));
}

#[test]
fn each_edit_changes_only_its_statement() {
    let from = national();
    let mut draft = start(&from);
    let first = code("BEG.VIS.T1");
    apply(
        &mut draft,
        &first,
        Edit::Reword(Text::new(" Nieuw. ", "New.")),
    )
    .expect("reword");
    apply(&mut draft, &first, Edit::Depth(Some(Depth::Steering))).expect("depth");
    apply(&mut draft, &first, Edit::Tags(vec![Tag::Regional])).expect("tags");
    apply(&mut draft, &code("BEG.VIS.D1"), Edit::Hide).expect("hide");
    let changes = diff(from.statements(), &visible(&draft));
    let seen: Vec<(&str, Vec<Aspect>)> = changes
        .iter()
        .map(|c| (c.code.as_str(), c.aspects.clone()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                "BEG.VIS.T1",
                vec![Aspect::Reworded, Aspect::Depth, Aspect::Tags]
            ),
            ("BEG.VIS.D1", vec![Aspect::Removed]),
        ]
    );
    assert_eq!(draft[0].statement.text, Text::new("Nieuw.", "New."));
    apply(&mut draft, &code("BEG.VIS.D1"), Edit::Show).expect("show");
    assert!(!draft[1].hidden);
    assert_eq!(
        apply(&mut draft, &code("NOPE.1"), Edit::Hide),
        Err(DraftError::NoSuchStatement)
    );
    assert_eq!(
        apply(&mut draft, &first, Edit::Reword(Text::new("", "x"))),
        Err(DraftError::NoDutchText)
    );
    assert_eq!(draft[0].statement.text, Text::new("Nieuw.", "New."));
}

#[test]
fn moving_puts_the_statement_last_and_up_and_down_stay_within_the_place() {
    let from = national();
    let mut draft = start(&from);
    let a = add(
        &mut draft,
        Role::Mentor,
        Area::Vision,
        Kind::Task,
        Text::new("Eigen taak.", ""),
        None,
        vec![Tag::School],
    )
    .expect("add");
    assert_eq!(a.as_str(), "EIGEN.BEG.VIS.T1");
    // Up: past every statement of another place, to just before BEG.VIS.T1.
    apply(&mut draft, &a, Edit::Up).expect("up");
    let cell: Vec<&str> = draft
        .iter()
        .filter(|d| {
            (d.statement.role, d.statement.area, d.statement.kind)
                == (Role::Mentor, Area::Vision, Kind::Task)
        })
        .map(|d| d.statement.code.as_str())
        .collect();
    assert_eq!(cell, vec!["EIGEN.BEG.VIS.T1", "BEG.VIS.T1"]);
    assert_eq!(
        apply(&mut draft, &a, Edit::Up),
        Err(DraftError::NowhereToGo)
    );
    apply(&mut draft, &a, Edit::Down).expect("down");
    assert_eq!(
        apply(&mut draft, &a, Edit::Down),
        Err(DraftError::NowhereToGo)
    );

    let moved = code("BEG.VIS.T1");
    apply(
        &mut draft,
        &moved,
        Edit::Move {
            role: Role::Specialist,
            area: Area::Organisation,
        },
    )
    .expect("move");
    assert_eq!(order(&draft).last(), Some(&"BEG.VIS.T1"));
    let s = &draft[draft.len() - 1].statement;
    assert_eq!((s.role, s.area), (Role::Specialist, Area::Organisation));
    // Moving to where it is changes nothing.
    let before = draft.clone();
    apply(
        &mut draft,
        &code("BEG.VIS.D1"),
        Edit::Move {
            role: Role::Mentor,
            area: Area::Vision,
        },
    )
    .expect("no move");
    assert_eq!(draft, before);
}

#[test]
fn a_published_draft_keeps_codes_drops_hidden_and_unused_themes() {
    let from = national();
    let mut draft = start(&from);
    // Hide both statements of the theme, move one, add one without English.
    apply(&mut draft, &code("BEG.VIS.T1"), Edit::Hide).expect("hide");
    apply(&mut draft, &code("SPE.VIS.T1"), Edit::Hide).expect("hide");
    let mut spare = draft[0].statement.clone();
    spare.code = code("BEG.VIS.T2");
    spare.theme = None;
    spare.depth = None;
    draft.insert(
        1,
        DraftStatement {
            statement: spare,
            hidden: false,
        },
    );
    add(
        &mut draft,
        Role::Specialist,
        Area::Vision,
        Kind::Task,
        Text::new("Eigen taak.", ""),
        None,
        vec![],
    )
    .expect("add");
    apply(
        &mut draft,
        &code("BEG.VIS.D1"),
        Edit::Move {
            role: Role::Coordinator,
            area: Area::Vision,
        },
    )
    .expect("move");
    // BEG.VIS.D1 left BEG·VIS without expertise: publishing says so.
    let problems = publish(&draft, publication(&from)).expect_err("empty place");
    assert_eq!(
        problems.iter().map(|p| p.kind.clone()).collect::<Vec<_>>(),
        vec![ProblemKind::EmptyCell {
            role: Role::Mentor,
            area: Area::Vision,
            kind: Kind::Expertise
        }]
    );
    add(
        &mut draft,
        Role::Mentor,
        Area::Vision,
        Kind::Expertise,
        Text::new("Kent de regio.", "Knows the region."),
        None,
        vec![Tag::Regional],
    )
    .expect("add");
    let edition = publish(&draft, publication(&from)).expect("publishes");
    assert_eq!(edition.meta().based_on, Some(from.id()));
    assert_eq!(edition.meta().description.nl, "Eigen taak voor de regio.");
    assert!(edition.themes().is_empty(), "the theme lost its statements");
    assert!(edition.statement("BEG.VIS.T1").is_none());
    let moved = edition.statement("BEG.VIS.D1").expect("kept its code");
    assert_eq!(moved.role, Role::Coordinator);
    let own = edition.statement("EIGEN.SPE.VIS.T1").expect("added");
    assert_eq!(own.text.shown(Lang::En), "Eigen taak.");
    assert!(own.text.falls_back(Lang::En));
    // Without Dutch it is not an edition, whatever the draft says.
    let mut broken = draft.clone();
    broken[1].statement.text.nl.clear();
    let problems = publish(&broken, publication(&from)).expect_err("no Dutch");
    assert_eq!(
        problems[0].location,
        Location::Statement {
            index: 0,
            code: Some("BEG.VIS.T2".into()),
            field: Field::Text(Lang::Nl)
        }
    );
}

#[test]
fn national_changes_are_taken_over_keeping_the_schools_own_work() {
    let old = national();
    let mut new_parts = minimal();
    new_parts.meta.version = "2.0".into();
    new_parts.statements[0].text = text("Reworded nationally");
    new_parts.statements[1].depth = Some(Depth::Deepening);
    let removed = new_parts.statements.remove(2).code;
    // Its place gets a new statement, so the place is not left empty.
    let mut successor = new_parts.statements[2].clone();
    successor.code = code("BEG.ORI.T2");
    successor.kind = Kind::Task;
    new_parts.statements.insert(2, successor);
    let mut added = new_parts.statements[1].clone();
    added.code = code("BEG.VIS.D2");
    new_parts.statements.insert(2, added);
    let new = Edition::new(new_parts).expect("valid");
    let changes = diff(old.statements(), new.statements());
    assert_eq!(changes.len(), 5);

    let mut draft = start(&old);
    // The school reworded BEG.VIS.D1 itself and tagged BEG.VIS.T1.
    apply(
        &mut draft,
        &code("BEG.VIS.D1"),
        Edit::Reword(Text::new("Eigen.", "")),
    )
    .expect("reword");
    apply(
        &mut draft,
        &code("BEG.VIS.T1"),
        Edit::Tags(vec![Tag::School]),
    )
    .expect("tags");
    for change in &changes {
        assert!(!agrees(&draft, change), "{}", change.code);
        take_over(&mut draft, change, Wording::Own);
        assert!(agrees(&draft, change), "{}", change.code);
    }
    let t1 = &draft[0].statement;
    assert_eq!(t1.text, text("Reworded nationally"));
    assert_eq!(t1.tags, vec![Tag::School], "the school's tag stays");
    let d1 = &draft[1].statement;
    assert_eq!(
        d1.text,
        Text::new("Eigen.", ""),
        "only the depth changed nationally"
    );
    assert_eq!(d1.depth, Some(Depth::Deepening));
    assert_eq!(
        draft[2].statement.code,
        code("BEG.VIS.D2"),
        "added next to its place"
    );
    assert!(
        draft
            .iter()
            .any(|d| d.statement.code == removed && d.hidden)
    );
}

#[test]
fn a_national_rewording_never_replaces_the_schools_own_wording_unasked() {
    let old = national();
    let mut new_parts = minimal();
    new_parts.meta.version = "2.0".into();
    new_parts.statements[0].text = text("Reworded nationally");
    new_parts.statements[0].depth = Some(Depth::Deepening);
    let new = Edition::new(new_parts).expect("valid");
    let changes = diff(old.statements(), new.statements());
    let change = changes
        .iter()
        .find(|c| c.code == code("BEG.VIS.T1"))
        .expect("the change");
    let own = Text::new("Zoals wij het zeggen.", "As we say it.");

    // Not reworded by the school: the national wording comes with the change.
    let mut plain = start(&old);
    assert_eq!(own_wording(&plain, change), None);
    assert!(!agrees(&plain, change));
    take_over(&mut plain, change, Wording::Own);
    assert_eq!(plain[0].statement.text, text("Reworded nationally"));

    // Reworded by the school: its wording stays, the depth still comes; only asked for, the
    // national wording replaces it.
    let mut draft = start(&old);
    apply(&mut draft, &code("BEG.VIS.T1"), Edit::Reword(own.clone())).expect("reword");
    assert_eq!(own_wording(&draft, change), Some(&own));
    assert!(!agrees(&draft, change), "the depth is still to take over");
    let mut kept = draft.clone();
    take_over(&mut kept, change, Wording::Own);
    assert_eq!(kept[0].statement.text, own);
    assert_eq!(kept[0].statement.depth, Some(Depth::Deepening));
    assert!(agrees(&kept, change), "nothing left to take over");
    let mut national = draft.clone();
    take_over(&mut national, change, Wording::National);
    assert_eq!(national[0].statement.text, text("Reworded nationally"));
    assert_eq!(own_wording(&national, change), None);
}
