//! Each rule of an edition, proven by a defect it rejects.

use super::*;
use crate::framework::{Edition, Statement, Theme, ThemeCode};

use crate::framework::fixture::{minimal, text};

fn problems(parts: EditionParts) -> Vec<(String, ProblemKind)> {
    match Edition::new(parts) {
        Ok(_) => vec![],
        Err(problems) => problems
            .into_iter()
            .map(|p| (p.location.to_string(), p.kind))
            .collect(),
    }
}

#[test]
fn the_minimal_edition_is_valid() {
    let edition = Edition::new(minimal()).expect("valid");
    assert_eq!(edition.statements().len(), 24);
    assert_eq!(edition.role(Role::Specialist).key, Role::Specialist);
    assert_eq!(edition.area(Area::Cooperation).key, Area::Cooperation);
    let theme = ThemeCode::parse("gesprek").expect("valid");
    assert_eq!(
        edition.theme_roles(&theme),
        vec![Role::Mentor, Role::Specialist]
    );
    assert_eq!(
        edition.statement("SPE.VIS.T1").map(|s| s.role),
        Some(Role::Specialist)
    );
    assert!(edition.statement("SPE.VIS.T9").is_none());
    assert!(edition.statement("not a code").is_none());
    assert_eq!(
        edition
            .statements_in(Role::Coordinator, Area::Guidance, Kind::Expertise)
            .count(),
        1
    );
}

#[test]
fn roles_and_areas_are_put_in_canonical_order() {
    let mut parts = minimal();
    parts.roles.reverse();
    parts.areas.reverse();
    let edition = Edition::new(parts).expect("valid");
    assert_eq!(
        edition.roles().iter().map(|r| r.key).collect::<Vec<_>>(),
        Role::ALL
    );
    assert_eq!(
        edition.areas().iter().map(|a| a.key).collect::<Vec<_>>(),
        Area::ALL
    );
}

#[test]
fn rejects_duplicate_codes() {
    let mut parts = minimal();
    parts.statements[2].code = Code::parse("dup-1").expect("valid");
    parts.statements[5].code = Code::parse("dup-1").expect("valid");
    assert_eq!(
        problems(parts),
        vec![(
            "statements[5](dup-1).code".into(),
            ProblemKind::DuplicateCode {
                code: "dup-1".into(),
                first: 2
            },
        )]
    );
}

#[test]
fn rejects_a_missing_language_in_a_statement() {
    let mut parts = minimal();
    parts.statements[3].text.en = "  ".into();
    parts.statements[4].text.nl = String::new();
    let found = problems(parts);
    assert_eq!(
        found,
        vec![
            (
                "statements[3](BEG.ORI.D1).text.en".into(),
                ProblemKind::MissingText(Lang::En)
            ),
            (
                "statements[4](BEG.ORG.T1).text.nl".into(),
                ProblemKind::MissingText(Lang::Nl)
            ),
        ]
    );
}

#[test]
fn rejects_missing_names_and_metadata_texts() {
    let mut parts = minimal();
    parts.roles[1].name.nl.clear();
    parts.areas[2].name.en.clear();
    parts.themes[0].name.en.clear();
    parts.meta.title.en.clear();
    parts.meta.attribution.nl.clear();
    parts.meta.publisher.clear();
    let found: Vec<String> = problems(parts).into_iter().map(|(at, _)| at).collect();
    assert_eq!(
        found,
        vec![
            "edition.publisher",
            "edition.title.en",
            "edition.attribution.nl",
            "roles[1].name.nl",
            "areas[2].name.en",
            "themes[0](gesprek).name.en",
        ]
    );
}

#[test]
fn rejects_an_edition_without_both_languages() {
    let mut parts = minimal();
    parts.meta.languages = vec![Lang::Nl];
    assert_eq!(
        problems(parts),
        vec![(
            "edition.languages".into(),
            ProblemKind::MissingLanguage(Lang::En)
        )]
    );
}

#[test]
fn rejects_an_empty_cell() {
    let mut parts = minimal();
    parts.statements.retain(|s| {
        !(s.role == Role::Coordinator && s.area == Area::Cooperation && s.kind == Kind::Task)
    });
    assert_eq!(
        problems(parts),
        vec![(
            "statements".into(),
            ProblemKind::EmptyCell {
                role: Role::Coordinator,
                area: Area::Cooperation,
                kind: Kind::Task
            },
        )]
    );
}

#[test]
fn rejects_a_reference_to_an_unknown_theme() {
    let mut parts = minimal();
    parts.statements[10].theme = ThemeCode::parse("bestaat-niet");
    assert_eq!(
        problems(parts),
        vec![(
            "statements[10](SPE.ORI.T1).theme".into(),
            ProblemKind::UnknownTheme("bestaat-niet".into()),
        )]
    );
}

#[test]
fn rejects_a_theme_no_statement_refers_to() {
    let mut parts = minimal();
    parts.themes.push(Theme {
        code: ThemeCode::parse("los").expect("valid"),
        name: text("Los"),
        description: Text::default(),
    });
    assert_eq!(
        problems(parts),
        vec![(
            "themes[1](los)".into(),
            ProblemKind::UnusedTheme("los".into())
        )]
    );
}

#[test]
fn rejects_duplicate_themes() {
    let mut parts = minimal();
    parts.themes.push(parts.themes[0].clone());
    assert_eq!(
        problems(parts),
        vec![(
            "themes[1](gesprek).code".into(),
            ProblemKind::DuplicateTheme {
                code: "gesprek".into(),
                first: 0
            },
        )]
    );
}

#[test]
fn rejects_missing_and_duplicate_roles_and_areas() {
    let mut parts = minimal();
    parts.roles[2] = parts.roles[0].clone();
    parts.areas.pop();
    let found = problems(parts);
    assert_eq!(
        found,
        vec![
            (
                "roles[2].key".into(),
                ProblemKind::DuplicateRole(Role::Mentor)
            ),
            ("roles".into(), ProblemKind::MissingRole(Role::Coordinator)),
            ("areas".into(), ProblemKind::MissingArea(Area::Cooperation)),
        ]
    );
}

#[test]
fn rejects_a_code_that_contradicts_its_statement() {
    let mut parts = minimal();
    let base = parts.statements[0].clone();
    // The code says BEG.VIS.T, the fields another role, another area and another kind.
    parts.statements.push(Statement {
        code: Code::parse("BEG.VIS.T2").expect("valid"),
        role: Role::Specialist,
        ..base.clone()
    });
    parts.statements.push(Statement {
        code: Code::parse("BEG.VIS.T3").expect("valid"),
        area: Area::Guidance,
        ..base.clone()
    });
    parts.statements.push(Statement {
        code: Code::parse("BEG.VIS.T4").expect("valid"),
        kind: Kind::Expertise,
        ..base
    });
    let found: Vec<String> = problems(parts)
        .into_iter()
        .map(|(at, kind)| {
            assert!(matches!(kind, ProblemKind::CodeDisagrees { .. }));
            at
        })
        .collect();
    assert_eq!(
        found,
        vec![
            "statements[24](BEG.VIS.T2).code",
            "statements[25](BEG.VIS.T3).code",
            "statements[26](BEG.VIS.T4).code"
        ]
    );
}

#[test]
fn accepts_codes_outside_our_convention() {
    let mut parts = minimal();
    parts.statements[0].code = Code::parse("ext-17").expect("valid");
    assert!(Edition::new(parts).is_ok());
}

#[test]
fn rejects_an_overlong_text_and_empty_sources() {
    let mut parts = minimal();
    parts.statements[1].text.nl = "x".repeat(MAX_TEXT_CHARS + 1);
    parts.statements[2].sources = vec!["A".into(), " ".into()];
    assert_eq!(
        problems(parts),
        vec![
            (
                "statements[1](BEG.VIS.D1).text.nl".into(),
                ProblemKind::TooLong {
                    max: MAX_TEXT_CHARS
                }
            ),
            (
                "statements[2](BEG.ORI.T1).sources".into(),
                ProblemKind::Missing
            ),
        ]
    );
}

#[test]
fn rejects_bad_identifier_and_version() {
    let mut parts = minimal();
    parts.meta.identifier = "Mijn Raamwerk".into();
    parts.meta.version = "".into();
    assert_eq!(
        problems(parts),
        vec![
            (
                "edition.identifier".into(),
                ProblemKind::InvalidIdentifier("Mijn Raamwerk".into())
            ),
            (
                "edition.version".into(),
                ProblemKind::InvalidVersion(String::new())
            ),
        ]
    );
}

#[test]
fn every_message_exists_in_both_languages() {
    let kinds = [
        ProblemKind::Syntax("x".into()),
        ProblemKind::Missing,
        ProblemKind::MissingText(Lang::En),
        ProblemKind::UnknownRole("X".into()),
        ProblemKind::EmptyCell {
            role: Role::Mentor,
            area: Area::Vision,
            kind: Kind::Task,
        },
        ProblemKind::CodeDisagrees { code: "X".into() },
    ];
    for kind in kinds {
        let nl = kind.message(Lang::Nl);
        let en = kind.message(Lang::En);
        assert!(!nl.is_empty() && !en.is_empty());
        assert_ne!(nl, en, "{kind:?}");
    }
    let problem = Problem::new(Location::File { line: 3, column: 9 }, ProblemKind::Missing);
    assert_eq!(
        problem.describe(Lang::En),
        "3:9: this value is missing or empty"
    );
}
