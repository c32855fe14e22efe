//! The national edition we ship: the framework's structure and themes in our own words, kept
//! in `editions/national.toml` and embedded in the binary.

use domain::{Edition, Problem};

use crate::native::{Syntax, read};

/// The source of the shipped edition, as it is in the repository.
pub const SOURCE: &str = include_str!("../../../editions/national.toml");

/// The shipped national edition. The tests prove that it is valid; the result is still checked
/// so that a broken edit of the file gives a clear message instead of a crash.
pub fn national() -> Result<Edition, Vec<Problem>> {
    read(SOURCE, Syntax::Toml)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use domain::{Area, Kind, Lang, Role};

    use super::*;

    fn edition() -> Edition {
        match national() {
            Ok(edition) => edition,
            Err(problems) => panic!(
                "the shipped edition is invalid:\n{}",
                problems
                    .iter()
                    .map(|p| p.describe(Lang::En))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    #[test]
    fn is_valid_and_says_it_is_our_own_wording() {
        let edition = edition();
        let meta = edition.meta();
        assert_eq!(meta.identifier, "raamwerk-lob-nl");
        assert!(meta.attribution.nl.contains("Raamwerk LOB (2017)"));
        assert!(meta.attribution.nl.contains("eigen formulering"));
        assert!(meta.attribution.en.contains("our own wording"));
        assert_eq!(meta.languages, vec![Lang::Nl, Lang::En]);
    }

    #[test]
    fn fills_every_cell_with_at_least_three_statements() {
        let edition = edition();
        let total = edition.statements().len();
        assert!((110..=140).contains(&total), "{total} statements");
        for role in Role::ALL {
            for area in Area::ALL {
                for kind in Kind::ALL {
                    let n = edition.statements_in(role, area, kind).count();
                    assert!(
                        n >= 3,
                        "{} {} {}: {n}",
                        role.code(),
                        area.code(),
                        kind.name()
                    );
                }
            }
        }
    }

    #[test]
    fn has_at_least_twelve_themes_across_roles() {
        let edition = edition();
        let spanning = edition
            .themes()
            .iter()
            .filter(|t| edition.theme_roles(&t.code).len() >= 2)
            .count();
        assert!(spanning >= 12, "{spanning} themes span two or more roles");
    }

    #[test]
    fn codes_follow_the_convention_and_count_from_one() {
        let edition = edition();
        let mut seen = HashSet::new();
        for statement in edition.statements() {
            let (role, area, kind, n) = statement
                .code
                .convention()
                .unwrap_or_else(|| panic!("{} is not a conventional code", statement.code));
            assert_eq!(
                (role, area, kind),
                (statement.role, statement.area, statement.kind)
            );
            assert!(
                n == 1 || seen.contains(&(role, area, kind, n - 1)),
                "{} has a gap before it",
                statement.code
            );
            seen.insert((role, area, kind, n));
            assert!(
                statement.sources.is_empty(),
                "our edition has no source letters"
            );
        }
    }

    #[test]
    fn expertise_reads_as_expertise_and_tasks_as_actions() {
        for statement in edition().statements() {
            let nl = &statement.text.nl;
            let starts_like_expertise = ["Kent ", "Kan ", "Heeft ", "Is "]
                .iter()
                .any(|w| nl.starts_with(w));
            match statement.kind {
                Kind::Expertise => assert!(starts_like_expertise, "{}: {nl}", statement.code),
                Kind::Task => assert!(!starts_like_expertise, "{}: {nl}", statement.code),
            }
            for lang in Lang::ALL {
                assert!(
                    statement.text.get(lang).ends_with('.'),
                    "{} {lang}",
                    statement.code
                );
            }
        }
    }
}
