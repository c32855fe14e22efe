//! The group-figure rule, proven on the attacks the issue names and on thousands of random
//! teams: no shown figure, alone or combined with the others, gives one person's answer.

use super::*;

fn set(people: impl IntoIterator<Item = u32>) -> BTreeSet<u32> {
    people.into_iter().collect()
}

fn k(n: u32) -> Threshold {
    Threshold::new(n).expect("valid")
}

/// A small deterministic generator for the property tests.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// An exact check, independent of the rule's own: whether some rational combination of the
/// groups' member vectors is one person's unit vector (fraction-free Gaussian elimination).
fn someone_isolated(groups: &[&BTreeSet<u32>], people: &[u32]) -> Option<u32> {
    let rows: Vec<Vec<i128>> = groups
        .iter()
        .map(|g| people.iter().map(|p| i128::from(g.contains(p))).collect())
        .collect();
    let rank = |m: &[Vec<i128>]| -> usize {
        let mut m: Vec<Vec<i128>> = m.to_vec();
        let width = people.len();
        let mut rank = 0;
        for col in 0..width {
            let Some(pivot) = (rank..m.len()).find(|&r| m[r][col] != 0) else {
                continue;
            };
            m.swap(rank, pivot);
            for r in 0..m.len() {
                if r != rank && m[r][col] != 0 {
                    let (a, b) = (m[rank][col], m[r][col]);
                    let pivot_row = m[rank].clone();
                    for (x, y) in m[r].iter_mut().zip(&pivot_row) {
                        *x = *x * a - y * b;
                    }
                    let g = m[r].iter().fold(0_i128, |g, &x| gcd(g, x.abs()));
                    if g > 1 {
                        for x in &mut m[r] {
                            *x /= g;
                        }
                    }
                }
            }
            rank += 1;
        }
        rank
    };
    let base = rank(&rows);
    people.iter().enumerate().find_map(|(i, p)| {
        let mut with = rows.clone();
        with.push((0..people.len()).map(|j| i128::from(j == i)).collect());
        (rank(&with) == base).then_some(*p)
    })
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a } else { gcd(b, a % b) }
}

#[test]
fn k_is_at_least_five_a_school_raises_it_and_a_round_with_answers_keeps_it() {
    assert_eq!(Threshold::default().get(), 5);
    assert_eq!(
        Threshold::new(4),
        Err(AggregateError::BelowMinimum { min: 5 })
    );
    assert_eq!(Threshold::parse(" 8 ").map(Threshold::get), Ok(8));
    assert!(matches!(
        Threshold::parse("vijf"),
        Err(AggregateError::NotANumber(_))
    ));
    assert!(Threshold::new(1001).is_err());
    assert_eq!(
        Threshold::from_stored(2).get(),
        5,
        "a stored k below the minimum reads as it"
    );
    // Before the first answer a round follows the school; after it, it keeps its k.
    assert_eq!(Threshold::for_round(k(5), k(8), false), Ok(k(8)));
    assert_eq!(
        Threshold::for_round(k(8), k(6), true),
        Err(AggregateError::RoundHasAnswers)
    );
    assert_eq!(Threshold::for_round(k(8), k(8), true), Ok(k(8)));
    for e in [
        AggregateError::BelowMinimum { min: 5 },
        AggregateError::AboveMaximum { max: 1000 },
        AggregateError::NotANumber("x".into()),
        AggregateError::RoundHasAnswers,
    ] {
        assert_ne!(e.message(Lang::Nl), e.message(Lang::En));
    }
}

#[test]
fn a_team_of_four_is_never_shown_and_six_stay_shown_until_two_revoke() {
    assert_eq!(publishable(&[set(1..=4)], k(5)), vec![false]);
    assert_eq!(publishable(&[set(1..=6)], k(5)), vec![true]);
    // One of six stops counting: five is enough; a second stops: four is not.
    assert_eq!(publishable(&[set(2..=6)], k(5)), vec![true]);
    assert_eq!(publishable(&[set(3..=6)], k(5)), vec![false]);
}

#[test]
fn two_overlapping_teams_that_differ_by_one_person_are_not_both_shown() {
    let whole = set(1..=20);
    let a = set(1..=8);
    let b = set(1..=9); // a and one more
    assert_eq!(
        publishable(&[whole.clone(), a.clone(), b.clone()], k(5)),
        vec![true, true, false]
    );
    // The other way round the same: whichever comes first is shown.
    assert_eq!(publishable(&[whole, b, a], k(5)), vec![true, true, false]);
}

#[test]
fn a_filter_that_would_isolate_one_person_is_refused() {
    // The whole team less one person.
    assert_eq!(
        publishable(&[set(1..=10), set(1..=9)], k(5)),
        vec![true, false]
    );
    // Two teams that together leave out one person of the whole: each difference is large,
    // but whole − a − b is that one person.
    let groups = [set(1..=11), set(1..=5), set(6..=10)];
    assert_eq!(publishable(&groups, k(5)), vec![true, true, false]);
    let refs: Vec<&BTreeSet<u32>> = groups.iter().collect();
    assert_eq!(
        someone_isolated(&refs, &(1..=11).collect::<Vec<_>>()),
        Some(11)
    );
}

#[test]
fn random_teams_never_let_anyone_solve_for_one_person() {
    let mut dice = Dice(0x5eed_1234);
    let mut shown_groups = 0;
    for case in 0..1500 {
        let people = 5 + dice.roll(26) as u32;
        let threshold = k(5 + dice.roll(3) as u32);
        let mut groups = vec![set(1..=people)];
        for _ in 0..1 + dice.roll(6) {
            let size = 1 + dice.roll(u64::from(people)) as u32;
            let mut g = BTreeSet::new();
            while g.len() < size as usize {
                g.insert(1 + dice.roll(u64::from(people)) as u32);
            }
            groups.push(g);
        }
        let ok = publishable(&groups, threshold);
        let accepted: Vec<&BTreeSet<u32>> = groups
            .iter()
            .zip(&ok)
            .filter(|(_, ok)| **ok)
            .map(|(g, _)| g)
            .collect();
        shown_groups += accepted.len();
        let everyone: Vec<u32> = (1..=people).collect();
        assert_eq!(
            someone_isolated(&accepted, &everyone),
            None,
            "case {case}: {accepted:?} single someone out"
        );
        for (i, a) in accepted.iter().enumerate() {
            assert!(threshold.admits(a.len()), "case {case}");
            for b in &accepted[i + 1..] {
                let (x, y) = (a.difference(b).count(), b.difference(a).count());
                assert!(x == 0 || threshold.admits(x), "case {case}");
                assert!(y == 0 || threshold.admits(y), "case {case}");
            }
        }
    }
    assert!(
        shown_groups > 1500,
        "the rule still shows things: {shown_groups}"
    );
}

#[test]
fn a_hidden_cell_is_never_its_total_minus_the_rest() {
    // Rows: roles; columns: areas; each cell its contributors.
    let cells = vec![
        vec![set(1..=8), set(1..=8), set(1..=8)],
        vec![set(20..=21), set(20..=26), set(20..=26)], // a small cell in the first column
        vec![set(40..=49), set(40..=49), set(40..=49)],
    ];
    let shown = suppress(&cells, k(5));
    assert!(!shown[1][0], "primary");
    // Its column and its row each get a second hidden cell, together covering k.
    let column: Vec<bool> = (0..3).map(|r| shown[r][0]).collect();
    assert_eq!(column.iter().filter(|s| !**s).count(), 2, "{shown:?}");
    assert_eq!(shown[1].iter().filter(|s| !**s).count(), 2, "{shown:?}");
    for r in 0..3 {
        let line: Vec<(&BTreeSet<u32>, bool)> =
            (0..3).map(|c| (&cells[r][c], shown[r][c])).collect();
        assert!(total_shown(&line, k(5)), "row {r}");
    }
    // A line with one hidden cell and nothing more to hide: its total is not shown.
    let lonely = vec![vec![set(1..=2)]];
    let shown = suppress(&lonely, k(5));
    assert!(!total_shown(&[(&lonely[0][0], shown[0][0])], k(5)));
}

#[test]
fn random_tables_keep_every_hidden_cell_hidden() {
    let mut dice = Dice(0xfeed);
    for case in 0..500 {
        let rows = 1 + dice.roll(4) as usize;
        let columns = 1 + dice.roll(5) as usize;
        let mut next = 0_u32;
        let cells: Vec<Vec<BTreeSet<u32>>> = (0..rows)
            .map(|_| {
                (0..columns)
                    .map(|_| {
                        let n = dice.roll(12) as u32;
                        next += n;
                        set(next - n..next)
                    })
                    .collect()
            })
            .collect();
        let threshold = k(5);
        let shown = suppress(&cells, threshold);
        for r in 0..rows {
            for c in 0..columns {
                if shown[r][c] {
                    assert!(threshold.admits(cells[r][c].len()), "case {case}");
                }
            }
        }
        // Every line whose total would be shown keeps its hidden cells undecidable: none or
        // at least two, covering at least k people.
        let lines: Vec<Vec<(usize, usize)>> = (0..rows)
            .map(|r| (0..columns).map(|c| (r, c)).collect())
            .chain((0..columns).map(|c| (0..rows).map(|r| (r, c)).collect()))
            .collect();
        for line in lines {
            let parts: Vec<(&BTreeSet<u32>, bool)> = line
                .iter()
                .map(|&(r, c)| (&cells[r][c], shown[r][c]))
                .collect();
            if total_shown(&parts, threshold) {
                let hidden: Vec<&BTreeSet<u32>> = parts
                    .iter()
                    .filter(|(s, on)| !on && !s.is_empty())
                    .map(|(s, _)| *s)
                    .collect();
                assert!(hidden.is_empty() || hidden.len() >= 2, "case {case}");
            }
        }
    }
}

#[test]
fn a_partition_hides_a_small_part_and_enough_beside_it() {
    // Nothing hidden: every part and the whole shown.
    assert_eq!(
        partition(&[12, 10], k(10)),
        Partition {
            whole: true,
            parts: vec![true, true]
        }
    );
    // 24 + 8: the 8 hidden, and the 24 with it; the whole (32) still shown.
    assert_eq!(
        partition(&[24, 8], k(10)),
        Partition {
            whole: true,
            parts: vec![false, false]
        }
    );
    // One part under k: nothing can be shown.
    assert_eq!(
        partition(&[9], k(10)),
        Partition {
            whole: false,
            parts: vec![false]
        }
    );
    // Empty parts hide nothing and are not shown.
    assert_eq!(
        partition(&[0, 15], k(10)),
        Partition {
            whole: true,
            parts: vec![false, true]
        }
    );
    assert_eq!(
        partition(&[], k(5)),
        Partition {
            whole: false,
            parts: vec![]
        }
    );
}
