//! The network's rules: membership only by accepting, leaving at any time; figures only over
//! five schools, as quartiles; groupings only when every group has five; names only by
//! mutual consent.

use super::*;

fn profile(sector: Sector, students: u32, region: Region) -> Profile {
    Profile {
        sector,
        size: SizeBand::of(Students::new(students).expect("valid")),
        region,
    }
}

#[test]
fn a_school_joins_only_by_accepting_and_leaves_at_any_time() {
    let invited = Membership::invite(None).expect("invited");
    assert!(!invited.shares(), "an invited school shares nothing");
    let member = invited.accept().expect("accepted");
    assert!(member.shares());
    assert_eq!(
        Membership::invite(Some(member)),
        Err(MembershipError::AlreadyMember)
    );
    assert_eq!(member.accept(), Err(MembershipError::AlreadyMember));
    let left = member.leave().expect("left");
    assert!(!left.shares(), "a school that left shares nothing");
    assert_eq!(left.accept(), Err(MembershipError::NotInvited));
    assert_eq!(left.leave(), Err(MembershipError::NotAMember));
    assert_eq!(Membership::invite(Some(left)), Ok(Membership::Invited));
    assert_eq!(invited.leave(), Ok(Membership::Left), "declining");
    for e in [
        MembershipError::NotInvited,
        MembershipError::AlreadyMember,
        MembershipError::NotAMember,
    ] {
        assert_ne!(e.message(Lang::Nl), e.message(Lang::En));
    }
}

#[test]
fn indicators_and_kinds_read_back_from_their_codes() {
    for i in Indicator::ALL {
        assert_eq!(Indicator::parse(i.code()), Some(i));
        assert!(!i.name(Lang::Nl).is_empty() && !i.name(Lang::En).is_empty());
    }
    assert_eq!(Indicator::TeamPicture.parts().len(), 4);
    assert_eq!(Indicator::Hours.parts(), vec![Part::Whole]);
    for k in Kind::ALL {
        assert_eq!(Kind::parse(k.code()), Some(k));
    }
    assert_eq!(Indicator::parse("ranglijst"), None);
    assert!(network_name("  ").is_err());
    assert_eq!(
        network_name(" Pilot Gelderland ").expect("valid").as_str(),
        "Pilot Gelderland"
    );
}

#[test]
fn a_figure_needs_five_schools_and_is_quartiles_never_extremes() {
    assert_eq!(spread(&[0.5, 0.6, 0.7, 0.8]), None, "a network of four");
    assert_eq!(
        spread(&[0.5, 0.6, 0.7, 0.8, f64::NAN]),
        None,
        "a figure that is not one does not count"
    );
    let s = spread(&[0.9, 0.1, 0.5, 0.3, 0.7]).expect("five schools");
    assert_eq!(s.schools, 5);
    assert!((s.median - 0.5).abs() < 1e-9);
    assert!((s.q1 - 0.3).abs() < 1e-9);
    assert!((s.q3 - 0.7).abs() < 1e-9);
    let s = spread(&[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]).expect("six schools");
    assert!((s.median - 3.5).abs() < 1e-9);
    assert!((s.q1 - 2.25).abs() < 1e-9);
    assert_eq!(Position::of(1.0, &s), Position::LowerQuarter);
    assert_eq!(Position::of(3.0, &s), Position::Middle);
    assert_eq!(Position::of(6.0, &s), Position::UpperQuarter);
}

#[test]
fn sizes_fall_in_bands() {
    let band = |n| SizeBand::of(Students::new(n).expect("valid"));
    assert_eq!(band(1), SizeBand::Small);
    assert_eq!(band(499), SizeBand::Small);
    assert_eq!(band(500), SizeBand::Medium);
    assert_eq!(band(1500), SizeBand::Large);
    assert_eq!(band(5000), SizeBand::VeryLarge);
}

#[test]
fn a_grouping_is_shown_only_when_every_group_has_five_schools() {
    let vo = profile(Sector::Vo, 900, Region::Utrecht);
    let mbo = profile(Sector::Mbo, 9000, Region::Utrecht);
    let mut values: Vec<(Group, f64)> = (0..6)
        .map(|i| (Group::of(Grouping::Sector, &vo), f64::from(i)))
        .collect();
    values.extend((0..4).map(|i| (Group::of(Grouping::Sector, &mbo), f64::from(i))));
    assert_eq!(
        grouped(&values),
        None,
        "four mbo schools: no grouping by sector"
    );
    values.push((Group::of(Grouping::Sector, &mbo), 9.0));
    let shown = grouped(&values).expect("five and six");
    assert_eq!(shown.len(), 2);
    assert_eq!(shown[0].0, Group::Sector(Sector::Vo));
    assert_eq!(shown[1].1.schools, 5);
    // One group only says nothing beyond the whole: not shown as a grouping.
    let one: Vec<(Group, f64)> = (0..8)
        .map(|i| (Group::of(Grouping::Region, &vo), f64::from(i)))
        .collect();
    assert_eq!(grouped(&one), None);
}

#[test]
fn names_stand_next_to_figures_only_when_both_schools_agreed() {
    assert!(may_name(true, true));
    assert!(!may_name(true, false));
    assert!(!may_name(false, true));
    assert!(!may_name(false, false));
}

#[test]
fn an_explanation_is_short_text() {
    assert_eq!(explanation("  "), Ok(None));
    assert_eq!(
        explanation("Wij telden\r\nalleen de onderbouw.").expect("valid"),
        Some("Wij telden\nalleen de onderbouw.".to_owned())
    );
    assert!(matches!(
        explanation(&"x".repeat(EXPLANATION_MAX + 1)),
        Err(PlanInputError::TooLong { .. })
    ));
    assert_eq!(
        explanation("a\u{7}b"),
        Err(PlanInputError::ControlCharacters)
    );
}

fn school(named: bool, shares: &[Indicator], value: f64, p: Profile) -> Shared {
    Shared {
        profile: p,
        named,
        indicators: shares.to_vec(),
        figures: vec![Figure {
            indicator: Indicator::Allocation,
            part: Part::Whole,
            value,
        }],
    }
}

fn allocation_row(rows: &[Row]) -> &Row {
    rows.iter()
        .find(|r| r.indicator == Indicator::Allocation)
        .expect("allocation row")
}

#[test]
fn a_figure_counts_only_schools_that_share_it_and_needs_five() {
    let p = profile(Sector::Vo, 800, Region::Utrecht);
    let mut schools: Vec<Shared> = (0..4)
        .map(|i| school(false, &[Indicator::Allocation], 0.2 * f64::from(i), p))
        .collect();
    schools.push(school(false, &[Indicator::Hours], 0.9, p));
    let rows = overview(&schools, Reader::Coordinator);
    let row = allocation_row(&rows);
    assert_eq!(
        row.schools, 4,
        "the school that does not share it is not counted"
    );
    assert!(row.spread.is_none(), "four schools give no figure");
    assert!(row.named.is_empty() && row.groups.is_empty());
    schools[4].indicators.push(Indicator::Allocation);
    let rows = overview(&schools, Reader::School(4));
    let row = allocation_row(&rows);
    let spread = row.spread.expect("five schools give a figure");
    assert_eq!(spread.schools, 5);
    assert!((spread.median - 0.4).abs() < 1e-9);
    assert_eq!(row.own, Some((0.9, Some(Position::UpperQuarter))));
    let hours = rows
        .iter()
        .find(|r| r.indicator == Indicator::Hours)
        .expect("hours row");
    assert_eq!(hours.schools, 0, "no school has an hours figure");
    assert_eq!(Part::parse(Part::Whole.code()), Some(Part::Whole));
    for area in Area::ALL {
        assert_eq!(Part::parse(Part::Area(area).code()), Some(Part::Area(area)));
    }
    let text = shares_text(&[Indicator::Survey, Indicator::TeamPicture]);
    assert_eq!(text, "teambeeld leerlingenenquete");
    assert_eq!(
        shares_of(&text),
        vec![Indicator::TeamPicture, Indicator::Survey]
    );
}

#[test]
fn names_stand_beside_figures_only_by_mutual_consent_and_never_betray_the_rest() {
    let p = profile(Sector::Mbo, 3000, Region::Gelderland);
    let all = [Indicator::Allocation];
    // Six schools: two agreed to be named, four did not.
    let mut schools: Vec<Shared> = (0..6)
        .map(|i| school(i < 2, &all, 0.1 * f64::from(i), p))
        .collect();
    // Four unnamed: naming the two would leave four hidden values beside the quartiles.
    let rows = overview(&schools, Reader::Coordinator);
    assert!(allocation_row(&rows).named.is_empty());
    // Seven unnamed: the two named may stand beside their values, for a reader who agreed.
    for i in 6..9 {
        schools.push(school(false, &all, 0.1 * f64::from(i), p));
    }
    let rows = overview(&schools, Reader::Coordinator);
    assert_eq!(allocation_row(&rows).named, vec![(0, 0.0), (1, 0.1)]);
    let rows = overview(&schools, Reader::School(1));
    assert_eq!(
        allocation_row(&rows).named.len(),
        2,
        "a named reader sees the named"
    );
    let rows = overview(&schools, Reader::School(5));
    assert!(
        allocation_row(&rows).named.is_empty(),
        "a reader that did not agree sees no names"
    );
    assert_eq!(allocation_row(&rows).own.map(|(v, _)| v), Some(0.5));
    let rows = overview(&schools, Reader::Coordinator);
    assert_eq!(
        allocation_row(&rows).own,
        None,
        "the coordinator has no own figure"
    );
}

#[test]
fn the_cycle_and_shares() {
    use crate::cycle::{YearFacts, due};
    assert_eq!(share(1, 0), None);
    assert_eq!(share(1, 4), Some(0.25));
    let facts = YearFacts {
        vision: true,
        ..YearFacts::default()
    };
    let progress = cycle_progress(&due(&facts)).expect("the cycle asks something");
    assert!(progress > 0.0 && progress < 1.0);
}
