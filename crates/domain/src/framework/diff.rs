//! What changed between two editions (or between an edition and a school's draft), statement
//! by statement. Statements are matched by code: a school's edition keeps the codes of the
//! statements it took from the national edition, wherever it moves them.

use std::collections::HashMap;

use super::edition::{Code, Statement};
use super::structure::{Area, Kind, Role};

/// One way in which a statement changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aspect {
    Added,
    Removed,
    /// Its text changed in either language.
    Reworded,
    /// It went to another role or area.
    Moved,
    /// It became a task instead of expertise or the other way round.
    Kind,
    Depth,
    Theme,
    Tags,
    /// It stands at another place among the statements it shares its role, area and kind with.
    Reordered,
}

impl Aspect {
    pub const ALL: [Aspect; 9] = [
        Aspect::Added,
        Aspect::Removed,
        Aspect::Reworded,
        Aspect::Moved,
        Aspect::Kind,
        Aspect::Depth,
        Aspect::Theme,
        Aspect::Tags,
        Aspect::Reordered,
    ];

    /// A stable name, for message keys and form values.
    pub fn name(self) -> &'static str {
        match self {
            Aspect::Added => "added",
            Aspect::Removed => "removed",
            Aspect::Reworded => "reworded",
            Aspect::Moved => "moved",
            Aspect::Kind => "kind",
            Aspect::Depth => "depth",
            Aspect::Theme => "theme",
            Aspect::Tags => "tags",
            Aspect::Reordered => "reordered",
        }
    }
}

/// What changed about one statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementChange {
    pub code: Code,
    pub before: Option<Statement>,
    pub after: Option<Statement>,
    /// Never empty; `Added` and `Removed` stand alone.
    pub aspects: Vec<Aspect>,
}

impl StatementChange {
    /// The statement as it is after the change, or as it was when it was removed.
    pub fn statement(&self) -> &Statement {
        match (&self.after, &self.before) {
            (Some(s), _) | (None, Some(s)) => s,
            // `diff` never makes a change without either side.
            (None, None) => unreachable!("a change has a before or an after"),
        }
    }

    pub fn has(&self, aspect: Aspect) -> bool {
        self.aspects.contains(&aspect)
    }
}

type Cell = (Role, Area, Kind);

fn cell(s: &Statement) -> Cell {
    (s.role, s.area, s.kind)
}

/// For every statement, its rank among the statements of its cell that are also in `other`
/// in the same cell.
fn ranks<'a>(
    statements: &'a [Statement],
    other: &HashMap<&Code, &Statement>,
) -> HashMap<&'a Code, usize> {
    let mut next: HashMap<Cell, usize> = HashMap::new();
    let mut out = HashMap::new();
    for s in statements {
        if other.get(&s.code).is_some_and(|o| cell(o) == cell(s)) {
            let rank = next.entry(cell(s)).or_default();
            out.insert(&s.code, *rank);
            *rank += 1;
        }
    }
    out
}

/// The changes from `before` to `after`: changed and added statements in the order of
/// `after`, then removed ones in the order of `before`. Unchanged statements are left out.
pub fn diff(before: &[Statement], after: &[Statement]) -> Vec<StatementChange> {
    let old: HashMap<&Code, &Statement> = before.iter().map(|s| (&s.code, s)).collect();
    let new: HashMap<&Code, &Statement> = after.iter().map(|s| (&s.code, s)).collect();
    let old_ranks = ranks(before, &new);
    let new_ranks = ranks(after, &old);
    let mut out = Vec::new();
    for s in after {
        let Some(was) = old.get(&s.code) else {
            out.push(StatementChange {
                code: s.code.clone(),
                before: None,
                after: Some(s.clone()),
                aspects: vec![Aspect::Added],
            });
            continue;
        };
        let mut aspects = Vec::new();
        if was.text != s.text {
            aspects.push(Aspect::Reworded);
        }
        if (was.role, was.area) != (s.role, s.area) {
            aspects.push(Aspect::Moved);
        }
        if was.kind != s.kind {
            aspects.push(Aspect::Kind);
        }
        if was.depth != s.depth {
            aspects.push(Aspect::Depth);
        }
        if was.theme != s.theme {
            aspects.push(Aspect::Theme);
        }
        if was.tags != s.tags {
            aspects.push(Aspect::Tags);
        }
        if old_ranks.contains_key(&s.code) && old_ranks.get(&s.code) != new_ranks.get(&s.code) {
            aspects.push(Aspect::Reordered);
        }
        if !aspects.is_empty() {
            out.push(StatementChange {
                code: s.code.clone(),
                before: Some((*was).clone()),
                after: Some(s.clone()),
                aspects,
            });
        }
    }
    for s in before.iter().filter(|s| !new.contains_key(&s.code)) {
        out.push(StatementChange {
            code: s.code.clone(),
            before: Some(s.clone()),
            after: None,
            aspects: vec![Aspect::Removed],
        });
    }
    out
}

/// How many statements changed in each way, for a one-line summary.
pub fn tally(changes: &[StatementChange]) -> Vec<(Aspect, usize)> {
    Aspect::ALL
        .into_iter()
        .map(|aspect| (aspect, changes.iter().filter(|c| c.has(aspect)).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::Depth;
    use crate::framework::Tag;
    use crate::framework::fixture::{minimal, text};

    fn codes(changes: &[StatementChange]) -> Vec<(&str, Vec<Aspect>)> {
        changes
            .iter()
            .map(|c| (c.code.as_str(), c.aspects.clone()))
            .collect()
    }

    #[test]
    fn the_same_statements_make_no_changes() {
        let parts = minimal();
        assert!(diff(&parts.statements, &parts.statements).is_empty());
    }

    #[test]
    fn every_aspect_is_seen_and_added_and_removed_stand_alone() {
        let before = minimal().statements;
        let mut after = before.clone();
        after[0].text.en = "Another wording.".into();
        after[1].role = Role::Coordinator;
        after[1].depth = Some(Depth::Steering);
        after[2].tags = vec![Tag::Regional];
        after[3].kind = Kind::Task;
        after[8].theme = None;
        let removed = after.remove(5);
        let mut added = after[6].clone();
        added.code = Code::parse("EIGEN.BEG.ORG.T1").expect("valid");
        added.text = text("Own");
        after.push(added);
        let changes = diff(&before, &after);
        assert_eq!(
            codes(&changes),
            vec![
                ("BEG.VIS.T1", vec![Aspect::Reworded]),
                ("BEG.VIS.D1", vec![Aspect::Moved, Aspect::Depth]),
                ("BEG.ORI.T1", vec![Aspect::Tags]),
                ("BEG.ORI.D1", vec![Aspect::Kind]),
                ("SPE.VIS.T1", vec![Aspect::Theme]),
                ("EIGEN.BEG.ORG.T1", vec![Aspect::Added]),
                (removed.code.as_str(), vec![Aspect::Removed]),
            ]
        );
        assert_eq!(
            changes[1].before.as_ref().map(|s| s.role),
            Some(Role::Mentor)
        );
        assert_eq!(changes[1].statement().role, Role::Coordinator);
        assert_eq!(changes[6].statement().code, removed.code);
        assert_eq!(
            tally(&changes),
            vec![
                (Aspect::Added, 1),
                (Aspect::Removed, 1),
                (Aspect::Reworded, 1),
                (Aspect::Moved, 1),
                (Aspect::Kind, 1),
                (Aspect::Depth, 1),
                (Aspect::Theme, 1),
                (Aspect::Tags, 1),
            ]
        );
    }

    #[test]
    fn reordering_within_a_cell_marks_the_statements_that_changed_place() {
        let mut before = minimal().statements;
        let mut second = before[0].clone();
        second.code = Code::parse("BEG.VIS.T2").expect("valid");
        let mut third = before[0].clone();
        third.code = Code::parse("BEG.VIS.T3").expect("valid");
        before.insert(1, second);
        before.insert(2, third);
        // T3 to the front: all three change rank.
        let mut after = before.clone();
        let t3 = after.remove(2);
        after.insert(0, t3);
        let changes = diff(&before, &after);
        assert_eq!(
            codes(&changes),
            vec![
                ("BEG.VIS.T3", vec![Aspect::Reordered]),
                ("BEG.VIS.T1", vec![Aspect::Reordered]),
                ("BEG.VIS.T2", vec![Aspect::Reordered]),
            ]
        );
        // Moving a statement in the list to another cell's place reorders nothing.
        let mut after = before.clone();
        let other = after.remove(5);
        after.insert(0, other);
        assert!(diff(&before, &after).is_empty());
        // Removing one does not make the others "reordered".
        let mut after = before.clone();
        after.remove(0);
        assert_eq!(
            codes(&diff(&before, &after)),
            vec![("BEG.VIS.T1", vec![Aspect::Removed])]
        );
    }
}
