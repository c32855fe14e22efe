//! The team meeting's proposals and agenda.

use super::*;
use crate::account::UserId;
use crate::aggregate::Threshold;
use crate::framework::fixture::minimal;
use crate::picture::{Contribution, Groups, picture};
use crate::scan::Choice;

fn edition() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

#[test]
fn topics_come_from_the_shown_picture_the_allocation_and_the_own_framework() {
    let edition = edition();
    let roles = [crate::Role::Mentor];
    let choices: Vec<Vec<(Code, Choice)>> = (0..6)
        .map(|i| {
            vec![
                (
                    code("BEG.VIS.T1"),
                    [Choice::Yes, Choice::Partly, Choice::Develop][i % 3],
                ),
                (code("BEG.VIS.D1"), Choice::Develop),
            ]
        })
        .collect();
    let contributions: Vec<Contribution<'_>> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| Contribution {
            person: UserId(uuid::Uuid::from_u128(i as u128 + 1)),
            roles: &roles,
            choices: c,
        })
        .collect();
    let p = picture(
        &edition,
        &contributions,
        &Groups::default(),
        None,
        Threshold::default(),
    );
    let own = [edition.statement("SPE.ORG.T1").expect("there")];
    let found = proposals(&p, &edition, &[], &own, Lang::Nl);
    let keys: Vec<&str> = found.iter().map(|p| p.key.as_str()).collect();
    assert!(keys.contains(&"verschil:BEG.VIS.T1"), "{keys:?}");
    assert!(keys.contains(&"wens:BEG.VIS.D1"), "{keys:?}");
    assert!(
        keys.contains(&"gat:BEG.VIS.T1"),
        "four of six do it without agreement: {keys:?}"
    );
    assert!(
        keys.contains(&"aandacht:BEG.VIS.T1"),
        "nobody responsible: {keys:?}"
    );
    assert!(keys.contains(&"eigen:SPE.ORG.T1"), "{keys:?}");
    let gap = found
        .iter()
        .find(|p| p.source == Source::Gap)
        .expect("a gap");
    assert_eq!(gap.task, Some(code("BEG.VIS.T1")));
    // Nothing from a picture with too few people.
    let hidden = picture(
        &edition,
        &contributions[..4],
        &Groups::default(),
        None,
        Threshold::default(),
    );
    let found = proposals(&hidden, &edition, &[], &[], Lang::Nl);
    assert!(
        found.iter().all(|p| p.source == Source::Attention),
        "only the allocation speaks when the picture is hidden: {found:?}"
    );
    assert!(!found.is_empty());
    // A task someone is responsible for is no point of attention.
    let carried = [crate::allocation::Assignment {
        code: code("BEG.VIS.T1"),
        party: crate::allocation::Party::Role(crate::Role::Mentor),
        part: crate::allocation::Part::Responsible,
    }];
    let found = proposals(&hidden, &edition, &carried, &[], Lang::Nl);
    assert!(
        found.iter().all(|p| p.key != "aandacht:BEG.VIS.T1"),
        "{found:?}"
    );
    let found = proposals(&hidden, &edition, &[], &[], Lang::Nl);
    assert!(found.iter().any(|p| p.key == "aandacht:BEG.VIS.T1"));
}

#[test]
fn the_agenda_shares_the_time_and_keeps_to_its_limits() {
    let proposal = Proposal {
        source: Source::Wanted,
        key: "wens:BEG.VIS.D1".into(),
        title: "BEG.VIS.D1 Iets".into(),
        task: None,
    };
    let own = [Line::parse("Afspraken voor de ouderavond", Line::MAX).expect("valid")];
    let topics = agenda(&[&proposal], &own, 60).expect("valid");
    assert_eq!(topics.len(), 2);
    assert_eq!(topics.iter().map(|t| t.minutes).sum::<u32>(), 60);
    assert_eq!(topics[1].source, Source::Free);
    assert_eq!(agenda(&[], &[], 60), Err(PlanInputError::Empty));
    assert_eq!(
        agenda(&[&proposal], &[], 481),
        Err(PlanInputError::TooManyMinutes { max: 480 })
    );
    let many: Vec<Line> = (0..13)
        .map(|i| Line::parse(&format!("punt {i}"), Line::MAX).expect("valid"))
        .collect();
    assert_eq!(
        agenda(&[], &many, 60),
        Err(PlanInputError::TooManyTopics { max: 12 })
    );
    for source in Source::ALL {
        assert_eq!(Source::parse(source.code()), Some(source));
        assert_ne!(source.questions(Lang::Nl)[0], source.questions(Lang::En)[0]);
    }
}

#[test]
fn an_edited_agenda_keeps_its_sources_and_its_limits() {
    let proposal = Proposal {
        source: Source::Gap,
        key: "gat:BEG.VIS.T1".into(),
        title: "BEG.VIS.T1 Iets".into(),
        task: Some(code("BEG.VIS.T1")),
    };
    let own = [Line::parse("Ouderavond", Line::MAX).expect("valid")];
    let topics = agenda(&[&proposal], &own, 60).expect("valid");
    let edit = |title, minutes, remove| TopicEdit {
        title,
        minutes,
        remove,
    };
    let none = edit("", "", false);
    // Renamed and retimed, the gap keeps its task; the free topic goes; a new one comes.
    let revised = revise(
        &topics,
        &[
            edit("Wie doet de stage?", "25", false),
            edit("x", "1", true),
        ],
        edit("Nieuw punt", "15", false),
    )
    .expect("valid");
    assert_eq!(revised.len(), 2);
    assert_eq!(revised[0].source, Source::Gap);
    assert_eq!(revised[0].task, Some(code("BEG.VIS.T1")));
    assert_eq!(revised[0].title.as_str(), "Wie doet de stage?");
    assert_eq!(revised[0].minutes, 25);
    assert_eq!(revised[1].source, Source::Free);
    assert_eq!(revised[1].minutes, 15);
    // A blank title is refused, not taken for a removal.
    assert_eq!(
        revise(
            &topics,
            &[edit(" ", "10", false), edit("x", "1", false)],
            none
        ),
        Err(PlanInputError::Empty)
    );
    assert_eq!(
        revise(
            &topics,
            &[edit("a", "tien", false), edit("x", "1", false)],
            none
        ),
        Err(PlanInputError::BadMinutes("tien".into()))
    );
    assert_eq!(
        revise(
            &topics,
            &[edit("a", "300", false), edit("x", "200", false)],
            none
        ),
        Err(PlanInputError::TooManyMinutes {
            max: MEETING_MINUTES_MAX
        })
    );
    // Everything removed leaves nothing to meet about.
    assert_eq!(
        revise(&topics, &[edit("a", "1", true), edit("x", "1", true)], none),
        Err(PlanInputError::Empty)
    );
    // No more than the most topics.
    let many: Vec<Line> = (0..TOPICS_MAX)
        .map(|i| Line::parse(&format!("Punt {i}"), Line::MAX).expect("valid"))
        .collect();
    let full = agenda(&[], &many, 120).expect("valid");
    let keep: Vec<TopicEdit<'_>> = full
        .iter()
        .map(|t| edit(t.title.as_str(), "10", false))
        .collect();
    assert_eq!(
        revise(&full, &keep, edit("Nog een", "5", false)),
        Err(PlanInputError::TooManyTopics { max: TOPICS_MAX })
    );
}
