//! The one rule for every figure shown about a group (of people, later of schools): it is
//! shown only over at least k contributors, and only when no hidden figure — nor any one
//! contributor's own answer — can be worked out from what is shown.
//!
//! Three parts, each used wherever a group figure is made:
//! - [`Threshold`]: k, at least [`MIN_K`]; a school may raise it, never lower it, and a round
//!   keeps the k it had when its first answer came in.
//! - [`publishable`]: of several groups whose figures would be shown side by side (the whole
//!   team, then each team), which may be. A group is refused when it has fewer than k
//!   members, when it differs from a group already shown by fewer than k people (one way or
//!   the other), or when it would let anyone solve for one person: when, together with the
//!   groups already shown, some combination of group figures adds up to a single person.
//! - [`suppress`]: in a table of cells with row and column totals, hides every cell with
//!   fewer than k contributors and then, in every row and column that has a hidden cell, hides
//!   more (the smallest shown ones) until its hidden cells together cover at least k
//!   contributors and number at least two — so no hidden cell is its total minus the rest.
//!
//! What k-anonymity cannot hide is said plainly in README: when everyone in a group of k gave
//! the same answer, the figure says so.

use std::collections::BTreeSet;

use crate::Lang;

/// The least number of contributors any group figure is shown over.
pub const MIN_K: u32 = 5;
/// The most a school may ask for.
pub const MAX_K: u32 = 1000;

/// The k of a school or a round: at least [`MIN_K`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Threshold(u32);

impl Default for Threshold {
    fn default() -> Self {
        Threshold(MIN_K)
    }
}

impl Threshold {
    /// A k as a school sets it: [`MIN_K`] to [`MAX_K`].
    pub fn new(k: u32) -> Result<Threshold, AggregateError> {
        if k < MIN_K {
            Err(AggregateError::BelowMinimum { min: MIN_K })
        } else if k > MAX_K {
            Err(AggregateError::AboveMaximum { max: MAX_K })
        } else {
            Ok(Threshold(k))
        }
    }

    /// A k as typed in a form.
    pub fn parse(input: &str) -> Result<Threshold, AggregateError> {
        let trimmed = input.trim();
        trimmed
            .parse::<u32>()
            .map_err(|_| AggregateError::NotANumber(trimmed.chars().take(12).collect()))
            .and_then(Threshold::new)
    }

    /// A k as stored; anything below the minimum reads as the minimum.
    pub fn from_stored(k: i64) -> Threshold {
        Threshold(u32::try_from(k).unwrap_or(MIN_K).clamp(MIN_K, MAX_K))
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Whether a group of `n` contributors is large enough on its own.
    pub fn admits(self, n: usize) -> bool {
        n >= self.0 as usize
    }

    /// The k a round may move to: a round keeps its k once it has answers; before that it
    /// takes the school's new k, which is never below the minimum.
    pub fn for_round(
        current: Threshold,
        wanted: Threshold,
        round_has_answers: bool,
    ) -> Result<Threshold, AggregateError> {
        if round_has_answers && wanted != current {
            Err(AggregateError::RoundHasAnswers)
        } else {
            Ok(wanted)
        }
    }
}

/// A figure about a group: shown, or hidden because too few contribute (different from a
/// figure of zero).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown<T> {
    Value(T),
    TooFew,
}

impl<T> Shown<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Shown::Value(v) => Some(v),
            Shown::TooFew => None,
        }
    }
}

/// Which of `groups` may be shown side by side, in the order given (put the widest first,
/// as its figures matter most): each is checked against the ones accepted before it.
/// A group's members are sorted and unique (a [`BTreeSet`]).
pub fn publishable<P: Ord + Clone>(groups: &[BTreeSet<P>], k: Threshold) -> Vec<bool> {
    let people: Vec<P> = groups
        .iter()
        .flat_map(|g| g.iter().cloned())
        .collect::<BTreeSet<P>>()
        .into_iter()
        .collect();
    let indicator = |group: &BTreeSet<P>| -> Vec<f64> {
        people
            .iter()
            .map(|p| if group.contains(p) { 1.0 } else { 0.0 })
            .collect()
    };
    let mut basis = Basis::new(people.len());
    let mut accepted: Vec<&BTreeSet<P>> = Vec::new();
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let large = k.admits(group.len());
        let apart = accepted.iter().all(|other| {
            let only_here = group.difference(other).count();
            let only_there = other.difference(group).count();
            (only_here == 0 || k.admits(only_here)) && (only_there == 0 || k.admits(only_there))
        });
        let ok = large && apart && {
            let mut trial = basis.clone();
            trial.add(indicator(group));
            !trial.isolates_anyone()
        };
        if ok {
            basis.add(indicator(group));
            accepted.push(group);
        }
        out.push(ok);
    }
    out
}

/// The published groups as linear equations over the people's answers, in reduced row
/// echelon form, to tell whether some combination of them singles out one person.
#[derive(Clone, Debug)]
struct Basis {
    width: usize,
    rows: Vec<Vec<f64>>,
    pivots: Vec<usize>,
}

const EPS: f64 = 1e-9;

impl Basis {
    fn new(width: usize) -> Basis {
        Basis {
            width,
            rows: Vec::new(),
            pivots: Vec::new(),
        }
    }

    /// Reduces `row` by the basis; what is left is independent of it.
    fn reduce(&self, mut row: Vec<f64>) -> Vec<f64> {
        for (r, &p) in self.rows.iter().zip(&self.pivots) {
            let factor = row[p];
            if factor.abs() > EPS {
                for (x, y) in row.iter_mut().zip(r) {
                    *x -= factor * y;
                }
            }
        }
        row
    }

    fn add(&mut self, row: Vec<f64>) {
        let row = self.reduce(row);
        let Some(pivot) = row.iter().position(|x| x.abs() > EPS) else {
            return;
        };
        let scale = row[pivot];
        let row: Vec<f64> = row.iter().map(|x| x / scale).collect();
        // Keep the form reduced: clear the new pivot from the other rows.
        for r in &mut self.rows {
            let factor = r[pivot];
            if factor.abs() > EPS {
                for (x, y) in r.iter_mut().zip(&row) {
                    *x -= factor * y;
                }
            }
        }
        self.rows.push(row);
        self.pivots.push(pivot);
    }

    /// Whether one person's answer is a combination of the groups' figures: their unit
    /// vector lies in the span of the rows.
    fn isolates_anyone(&self) -> bool {
        (0..self.width).any(|i| {
            let mut unit = vec![0.0; self.width];
            unit[i] = 1.0;
            self.reduce(unit).iter().all(|x| x.abs() < EPS)
        })
    }
}

/// A cell of a table: the people who contribute to it.
pub type Contributors<P> = BTreeSet<P>;

/// Which cells of a table may be shown when its row and column totals are shown too:
/// first every cell with fewer than k contributors is hidden (primary suppression); then, in
/// every row and column that has a hidden cell, more cells are hidden, the smallest shown
/// first, until the line has at least two hidden cells and their contributors together are
/// at least k (complementary suppression). Repeated until nothing changes.
pub fn suppress<P: Ord + Clone>(cells: &[Vec<Contributors<P>>], k: Threshold) -> Vec<Vec<bool>> {
    let rows = cells.len();
    let columns = cells.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: usize, c: usize| cells.get(r).and_then(|row| row.get(c));
    let mut shown: Vec<Vec<bool>> = (0..rows)
        .map(|r| {
            (0..columns)
                .map(|c| cell(r, c).is_some_and(|set| k.admits(set.len())))
                .collect()
        })
        .collect();
    loop {
        let mut changed = false;
        let lines: Vec<Vec<(usize, usize)>> = (0..rows)
            .map(|r| (0..columns).map(|c| (r, c)).collect())
            .chain((0..columns).map(|c| (0..rows).map(|r| (r, c)).collect()))
            .collect();
        for line in lines {
            let present: Vec<(usize, usize)> = line
                .into_iter()
                .filter(|&(r, c)| cell(r, c).is_some_and(|set| !set.is_empty()))
                .collect();
            loop {
                let hidden: Vec<&(usize, usize)> =
                    present.iter().filter(|&&(r, c)| !shown[r][c]).collect();
                if hidden.is_empty() {
                    break;
                }
                let covered: BTreeSet<&P> = hidden
                    .iter()
                    .filter_map(|&&(r, c)| cell(r, c))
                    .flat_map(|set| set.iter())
                    .collect();
                if hidden.len() >= 2 && k.admits(covered.len()) {
                    break;
                }
                let smallest = present
                    .iter()
                    .filter(|&&(r, c)| shown[r][c])
                    .min_by_key(|&&(r, c)| cell(r, c).map_or(0, BTreeSet::len));
                match smallest {
                    Some(&(r, c)) => {
                        shown[r][c] = false;
                        changed = true;
                    }
                    // Nothing left to hide in this line: its total must not be shown.
                    None => break,
                }
            }
        }
        if !changed {
            return shown;
        }
    }
}

/// Whether a total over a line may be shown: every cell in it is shown, or its hidden cells
/// are at least two and cover at least k contributors (see [`suppress`]).
pub fn total_shown<P: Ord>(line: &[(&Contributors<P>, bool)], k: Threshold) -> bool {
    let hidden: Vec<&Contributors<P>> = line
        .iter()
        .filter(|(set, shown)| !shown && !set.is_empty())
        .map(|(set, _)| *set)
        .collect();
    if hidden.is_empty() {
        return true;
    }
    let covered: BTreeSet<&P> = hidden.iter().flat_map(|s| s.iter()).collect();
    hidden.len() >= 2 && k.admits(covered.len())
}

/// Which parts of a whole may be shown when the whole is shown too: the parts (groups of
/// `sizes[i]` contributors, each contributor in exactly one) are the cells of one line whose
/// total is the whole. A part under k is hidden and, beside it, the smallest shown ones until
/// the hidden parts are at least two and cover at least k ([`suppress`]); the whole is shown
/// when it has at least k contributors and what is hidden allows it ([`total_shown`]).
pub fn partition(sizes: &[usize], k: Threshold) -> Partition {
    let mut next = 0usize;
    let cells: Vec<Contributors<usize>> = sizes
        .iter()
        .map(|&n| {
            let set: BTreeSet<usize> = (next..next + n).collect();
            next += n;
            set
        })
        .collect();
    let mut parts = suppress(std::slice::from_ref(&cells), k)
        .into_iter()
        .next()
        .unwrap_or_default();
    parts.resize(sizes.len(), false);
    let line: Vec<(&Contributors<usize>, bool)> = cells.iter().zip(parts.iter().copied()).collect();
    Partition {
        whole: k.admits(next) && total_shown(&line, k),
        parts,
    }
}

/// What [`partition`] lets be shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Partition {
    pub whole: bool,
    /// In the order of the sizes given.
    pub parts: Vec<bool>,
}

/// What can be wrong with a threshold as a school sets it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AggregateError {
    #[error("k may not be below {min}")]
    BelowMinimum { min: u32 },
    #[error("k may not be above {max}")]
    AboveMaximum { max: u32 },
    #[error("'{0}' is not a whole number")]
    NotANumber(String),
    #[error("the round has answers; its k no longer changes")]
    RoundHasAnswers,
    #[error("the survey has answers; its k of {k} may only go up")]
    SurveyHasAnswers { k: u32 },
}

impl AggregateError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AggregateError::BelowMinimum { min }, Lang::Nl) => format!(
                "Groepscijfers worden nooit getoond over minder dan {min} mensen. Kies {min} of meer."
            ),
            (AggregateError::BelowMinimum { min }, Lang::En) => format!(
                "Group figures are never shown over fewer than {min} people. Choose {min} or more."
            ),
            (AggregateError::AboveMaximum { max }, Lang::Nl) => {
                format!("Kies hoogstens {max}.")
            }
            (AggregateError::AboveMaximum { max }, Lang::En) => {
                format!("Choose at most {max}.")
            }
            (AggregateError::NotANumber(v), Lang::Nl) => {
                format!("‘{v}’ is geen heel getal.")
            }
            (AggregateError::NotANumber(v), Lang::En) => {
                format!("‘{v}’ is not a whole number.")
            }
            (AggregateError::RoundHasAnswers, Lang::Nl) => {
                "Deze ronde heeft al antwoorden; het minimum aantal deelnemers ervan verandert niet meer. Het nieuwe minimum geldt vanaf de volgende ronde.".to_owned()
            }
            (AggregateError::RoundHasAnswers, Lang::En) => {
                "This round has answers already; its minimum number of participants no longer changes. The new minimum applies from the next round.".to_owned()
            }
            (AggregateError::SurveyHasAnswers { k }, Lang::Nl) => format!(
                "Deze enquête heeft al antwoorden, gegeven onder een minimum van {k}. Dat minimum mag nog omhoog, nooit meer omlaag."
            ),
            (AggregateError::SurveyHasAnswers { k }, Lang::En) => format!(
                "This survey has answers already, given under a minimum of {k}. That minimum may still go up, never down."
            ),
        }
    }
}

#[cfg(test)]
#[path = "aggregate_tests.rs"]
mod tests;
