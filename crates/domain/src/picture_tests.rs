//! The team picture: counts per statement over the people who let their scan count, per
//! role, shown only under the group rule.

use super::*;
use crate::allocation::Party;
use crate::framework::fixture::minimal;

fn edition() -> Edition {
    Edition::new(minimal()).expect("valid")
}

fn code(s: &str) -> Code {
    Code::parse(s).expect("valid")
}

fn person(n: u128) -> UserId {
    UserId(uuid::Uuid::from_u128(n))
}

struct Team {
    roles: Vec<Role>,
    choices: Vec<Vec<(Code, Choice)>>,
}

impl Team {
    /// `n` mentors, each answering BEG.VIS.T1 with `first(i)`.
    fn mentors(n: usize, first: impl Fn(usize) -> Choice) -> Team {
        Team {
            roles: vec![Role::Mentor],
            choices: (0..n)
                .map(|i| {
                    vec![
                        (code("BEG.VIS.T1"), first(i)),
                        (code("BEG.VIS.D1"), Choice::Develop),
                    ]
                })
                .collect(),
        }
    }

    fn contributions(&self) -> Vec<Contribution<'_>> {
        self.choices
            .iter()
            .enumerate()
            .map(|(i, choices)| Contribution {
                person: person(i as u128 + 1),
                roles: &self.roles,
                choices,
            })
            .collect()
    }
}

fn mentor(picture: &Picture) -> &RolePicture {
    picture
        .roles
        .iter()
        .find(|r| r.role == Role::Mentor)
        .expect("mentor")
}

#[test]
fn a_role_of_four_is_too_few_and_of_five_is_counted() {
    let edition = edition();
    let four = Team::mentors(4, |_| Choice::Yes);
    let p = picture(
        &edition,
        &four.contributions(),
        &Groups::default(),
        None,
        Threshold::default(),
    );
    assert!(!mentor(&p).shown);
    assert!(
        mentor(&p).statements.is_empty(),
        "no figure of a hidden role"
    );
    let five = Team::mentors(5, |i| if i < 3 { Choice::Yes } else { Choice::Partly });
    let p = picture(
        &edition,
        &five.contributions(),
        &Groups::default(),
        None,
        Threshold::default(),
    );
    let m = mentor(&p);
    assert!(m.shown);
    assert_eq!(m.contributors, 5);
    let t1 = m.statements[&code("BEG.VIS.T1")];
    assert_eq!(
        (t1.count(Choice::Yes), t1.count(Choice::Partly), t1.open),
        (3, 2, 0)
    );
    // Nobody answered BEG.ORI.T1: all five are open (not "too few").
    assert_eq!(m.statements[&code("BEG.ORI.T1")].open, 5);
    // Other roles have nobody: too few.
    assert!(
        p.roles
            .iter()
            .filter(|r| r.role != Role::Mentor)
            .all(|r| !r.shown)
    );
}

#[test]
fn a_team_that_differs_from_the_whole_by_one_is_not_shown() {
    let edition = edition();
    let ten = Team::mentors(10, |_| Choice::Yes);
    let contributions = ten.contributions();
    let nine: BTreeSet<UserId> = (1..=9).map(person).collect();
    let five: BTreeSet<UserId> = (1..=5).map(person).collect();
    let groups = Groups {
        teams: vec![nine, five],
    };
    let whole = picture(
        &edition,
        &contributions,
        &groups,
        None,
        Threshold::default(),
    );
    assert!(mentor(&whole).shown);
    let team = picture(
        &edition,
        &contributions,
        &groups,
        Some(0),
        Threshold::default(),
    );
    assert!(!mentor(&team).shown, "the whole less one person");
    let half = picture(
        &edition,
        &contributions,
        &groups,
        Some(1),
        Threshold::default(),
    );
    assert!(mentor(&half).shown, "five and five");
}

#[test]
fn divided_wanted_and_beside_the_allocation() {
    let edition = edition();
    let team = Team::mentors(6, |i| [Choice::Yes, Choice::Partly, Choice::Develop][i % 3]);
    let p = picture(
        &edition,
        &team.contributions(),
        &Groups::default(),
        None,
        Threshold::default(),
    );
    let divided = p.divided(&edition, 5);
    assert_eq!(divided[0].statement.code, code("BEG.VIS.T1"));
    assert!(
        divided
            .iter()
            .all(|l| l.statement.code != code("BEG.VIS.D1")),
        "all agree there"
    );
    let wanted = p.wanted(&edition, 5);
    assert_eq!(wanted[0].statement.code, code("BEG.VIS.D1"));
    assert_eq!(wanted[0].counts.count(Choice::Develop), 6);
    // Four of six do BEG.VIS.T1 (in part) and nobody carries it out by agreement: many.
    let beside = p.beside_allocation(&edition, &[]);
    let t1 = beside
        .iter()
        .find(|(l, _)| l.statement.code == code("BEG.VIS.T1"))
        .expect("listed");
    assert!(t1.1);
    let agreed = [Assignment {
        code: code("BEG.VIS.T1"),
        party: Party::Role(Role::Mentor),
        part: Part::CarriesOut,
    }];
    assert!(
        p.beside_allocation(&edition, &agreed)
            .iter()
            .all(|(l, _)| l.statement.code != code("BEG.VIS.T1"))
    );
}

#[test]
fn the_overview_sums_only_shown_roles() {
    let edition = edition();
    let team = Team::mentors(5, |_| Choice::Yes);
    let p = picture(
        &edition,
        &team.contributions(),
        &Groups::default(),
        None,
        Threshold::default(),
    );
    let o = overview(&p, &edition);
    let mentors = &o
        .rows
        .iter()
        .find(|(r, _)| *r == Role::Mentor)
        .expect("row")
        .1;
    // Vision: two statements (task and expertise) of five people: five "doe ik" of ten.
    assert_eq!(mentors[0], Some((5, 10)));
    assert!(
        o.rows
            .iter()
            .filter(|(r, _)| *r != Role::Mentor)
            .all(|(_, c)| c.iter().all(Option::is_none))
    );
    assert_eq!(o.total[0], Some((5, 10)));
    let nobody = picture(
        &edition,
        &[],
        &Groups::default(),
        None,
        Threshold::default(),
    );
    assert!(
        overview(&nobody, &edition)
            .total
            .iter()
            .all(Option::is_none)
    );
}

#[test]
fn spread_is_zero_when_everyone_agrees() {
    let agree = Tally {
        counts: [4, 0, 0, 0],
        open: 1,
    };
    assert_eq!(agree.spread(), 0.0);
    let even = Tally {
        counts: [1, 1, 1, 1],
        open: 0,
    };
    assert!((even.spread() - 0.75).abs() < 1e-9);
}
