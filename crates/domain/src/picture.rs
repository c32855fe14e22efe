//! The team picture (*teambeeld*) of a round: per role, per statement, how the team
//! answered — built only from the scans whose owners let them count in it, and shown only
//! under the rule of [`crate::aggregate`]: per role, over at least k people, and only where
//! the group does not differ from another group shown (the whole team, other teams) in a way
//! that would single anyone out. No names, no per-person anything: only counts.

use std::collections::{BTreeMap, BTreeSet};

use crate::account::UserId;
use crate::aggregate::{Threshold, publishable};
use crate::allocation::{Assignment, Part};
use crate::scan::{Choice, Tally};
use crate::{Area, Code, Edition, Kind, Role};

/// One person's counted scan: the roles they hold and their chosen answers.
#[derive(Clone, Copy, Debug)]
pub struct Contribution<'a> {
    pub person: UserId,
    pub roles: &'a [Role],
    pub choices: &'a [(Code, Choice)],
}

/// One role's part of the picture.
#[derive(Clone, Debug, PartialEq)]
pub struct RolePicture {
    pub role: Role,
    /// How many people of the group hold the role and let their scan count.
    pub contributors: usize,
    /// Shown under the rule; when not, no figure of the role is given.
    pub shown: bool,
    /// Per statement of the role, when shown.
    pub statements: BTreeMap<Code, Tally>,
}

impl RolePicture {
    /// The counts of an area and kind, summed over its statements (when shown).
    pub fn area(&self, edition: &Edition, area: Area, kind: Kind) -> Option<Tally> {
        self.shown.then(|| {
            let mut sum = Tally::default();
            for s in edition.statements_in(self.role, area, kind) {
                if let Some(c) = self.statements.get(&s.code) {
                    sum.add(c);
                }
            }
            sum
        })
    }
}

/// The picture of one group in a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    pub threshold: Threshold,
    pub roles: Vec<RolePicture>,
}

/// The groups a round's picture is read for: the whole team first, then every team, in a
/// fixed order — every group that can be asked for, so that which may be shown never depends
/// on what someone asked for before.
#[derive(Clone, Debug, Default)]
pub struct Groups {
    pub teams: Vec<BTreeSet<UserId>>,
}

/// The picture of `which` (`None`: the whole team; `Some(i)`: team `i` of `groups`) from the
/// round's counted scans. Per role, the whole team and every team are checked together
/// ([`publishable`]); a role of the group asked for is shown only when its group passes.
pub fn picture(
    edition: &Edition,
    contributions: &[Contribution<'_>],
    groups: &Groups,
    which: Option<usize>,
    threshold: Threshold,
) -> Picture {
    let roles = Role::ALL
        .into_iter()
        .map(|role| {
            let holders: BTreeSet<UserId> = contributions
                .iter()
                .filter(|c| c.roles.contains(&role))
                .map(|c| c.person)
                .collect();
            let mut sets: Vec<BTreeSet<UserId>> = vec![holders.clone()];
            sets.extend(
                groups
                    .teams
                    .iter()
                    .map(|team| team.intersection(&holders).copied().collect()),
            );
            let position = which.map_or(0, |i| i + 1);
            let allowed = publishable(&sets, threshold);
            let members = sets.get(position).cloned().unwrap_or_default();
            let shown = allowed.get(position).copied().unwrap_or(false);
            let mut statements = BTreeMap::new();
            if shown {
                for s in edition.statements().iter().filter(|s| s.role == role) {
                    statements.insert(
                        s.code.clone(),
                        Tally {
                            counts: [0; 4],
                            open: members.len(),
                        },
                    );
                }
                for c in contributions.iter().filter(|c| members.contains(&c.person)) {
                    for (code, choice) in c.choices {
                        if let Some(counts) = statements.get_mut(code) {
                            counts.counts[choice.index()] += 1;
                            counts.open -= 1;
                        }
                    }
                }
            }
            RolePicture {
                role,
                contributors: members.len(),
                shown,
                statements,
            }
        })
        .collect();
    Picture { threshold, roles }
}

/// A statement of the picture with its counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Line<'e> {
    pub statement: &'e crate::Statement,
    pub counts: Tally,
}

impl Picture {
    fn lines<'e>(&self, edition: &'e Edition) -> Vec<Line<'e>> {
        self.roles
            .iter()
            .filter(|r| r.shown)
            .flat_map(|r| {
                r.statements.iter().filter_map(|(code, counts)| {
                    edition.statement(code.as_str()).map(|statement| Line {
                        statement,
                        counts: *counts,
                    })
                })
            })
            .collect()
    }

    /// The statements where the team is most divided (at least two answers apart), most
    /// divided first; at most `n`.
    pub fn divided<'e>(&self, edition: &'e Edition, n: usize) -> Vec<Line<'e>> {
        let mut lines: Vec<Line<'e>> = self
            .lines(edition)
            .into_iter()
            .filter(|l| l.counts.spread() > 0.0)
            .collect();
        lines.sort_by(|a, b| {
            b.counts
                .spread()
                .total_cmp(&a.counts.spread())
                .then_with(|| a.statement.code.cmp(&b.statement.code))
        });
        lines.truncate(n);
        lines
    }

    /// What most people want to take up or develop, most wanted first; at most `n`.
    pub fn wanted<'e>(&self, edition: &'e Edition, n: usize) -> Vec<Line<'e>> {
        let mut lines: Vec<Line<'e>> = self
            .lines(edition)
            .into_iter()
            .filter(|l| l.counts.count(Choice::Develop) > 0)
            .collect();
        lines.sort_by(|a, b| {
            b.counts
                .count(Choice::Develop)
                .cmp(&a.counts.count(Choice::Develop))
                .then_with(|| a.statement.code.cmp(&b.statement.code))
        });
        lines.truncate(n);
        lines
    }

    /// Beside the allocation: tasks nobody carries out by agreement, with how many say they
    /// do them (in part) — more than none is worth a word; a third of the role's people or
    /// more is "many".
    pub fn beside_allocation<'e>(
        &self,
        edition: &'e Edition,
        assignments: &[Assignment],
    ) -> Vec<(Line<'e>, bool)> {
        let carried: BTreeSet<&Code> = assignments
            .iter()
            .filter(|a| a.part == Part::CarriesOut)
            .map(|a| &a.code)
            .collect();
        self.lines(edition)
            .into_iter()
            .filter(|l| l.statement.kind == Kind::Task && !carried.contains(&l.statement.code))
            .map(|l| {
                let doing = l.counts.count(Choice::Yes) + l.counts.count(Choice::Partly);
                let many = doing > 0 && doing * 3 >= l.counts.total();
                (l, many)
            })
            .collect()
    }
}

/// The overview table of a picture: per role (rows) and area (columns), how many answers say
/// *doe ik* / *beheers ik*, out of how many; and the shown roles together. A hidden role has
/// no figure here either, and the total sums only shown roles, so nothing hidden can be
/// worked out from it (where a total over hidden cells is wanted, [`crate::aggregate::suppress`]
/// decides).
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    /// Per role: per area the cell, `None` when hidden.
    pub rows: Vec<(Role, Vec<Option<Share>>)>,
    /// Per area the shown roles together; `None` when no role is shown.
    pub total: Vec<Option<Share>>,
}

/// How many answers say *doe ik* / *beheers ik*, of how many (answers and open).
pub type Share = (usize, usize);

pub fn overview(picture: &Picture, edition: &Edition) -> Overview {
    let value = |r: &RolePicture, area: Area| {
        Kind::ALL
            .into_iter()
            .filter_map(|kind| r.area(edition, area, kind))
            .fold((0, 0), |(yes, all), c| {
                (yes + c.count(Choice::Yes), all + c.total())
            })
    };
    let rows: Vec<(Role, Vec<Option<Share>>)> = picture
        .roles
        .iter()
        .map(|r| {
            let cells = Area::ALL
                .iter()
                .map(|&area| r.shown.then(|| value(r, area)))
                .collect();
            (r.role, cells)
        })
        .collect();
    let total = (0..Area::ALL.len())
        .map(|j| {
            let shown: Vec<(usize, usize)> =
                rows.iter().filter_map(|(_, cells)| cells[j]).collect();
            (!shown.is_empty()).then(|| {
                shown
                    .iter()
                    .fold((0, 0), |(y, a), (y2, a2)| (y + y2, a + a2))
            })
        })
        .collect();
    Overview { rows, total }
}

#[cfg(test)]
#[path = "picture_tests.rs"]
mod tests;
