//! A small valid edition for the domain's unit tests.

use crate::framework::{
    Area, AreaInfo, Code, Date, Depth, EditionMeta, EditionParts, Kind, Role, RoleInfo, Statement,
    Theme, ThemeCode,
};
use crate::lang::{Lang, Text};

pub(crate) fn text(s: &str) -> Text {
    Text::new(format!("{s} (nl)."), format!("{s} (en)."))
}

/// The smallest valid edition: one statement per role × area × kind, one theme on two roles.
pub(crate) fn minimal() -> EditionParts {
    let mut statements = Vec::new();
    for role in Role::ALL {
        for area in Area::ALL {
            for kind in Kind::ALL {
                statements.push(Statement {
                    code: Code::conventional(role, area, kind, 1),
                    kind,
                    role,
                    area,
                    theme: None,
                    depth: None,
                    text: text("Statement"),
                    sources: vec![],
                    tags: vec![],
                });
            }
        }
    }
    let theme = ThemeCode::parse("gesprek").expect("valid theme code");
    statements[0].theme = Some(theme.clone());
    statements[0].depth = Some(Depth::Foundation);
    statements[8].theme = Some(theme.clone());
    statements[8].depth = Some(Depth::Deepening);
    EditionParts {
        meta: EditionMeta {
            identifier: "test-edition".into(),
            version: "1.0".into(),
            date: Date::new(2026, 11, 23).expect("valid date"),
            publisher: "Raamwerk".into(),
            languages: vec![Lang::Nl, Lang::En],
            title: text("Title"),
            attribution: text("Attribution"),
            description: Text::default(),
            based_on: None,
        },
        roles: Role::ALL
            .into_iter()
            .map(|role| RoleInfo {
                key: role,
                name: text(role.code()),
                description: Text::default(),
            })
            .collect(),
        areas: Area::ALL
            .into_iter()
            .map(|area| AreaInfo {
                key: area,
                name: text(area.code()),
                description: Text::default(),
            })
            .collect(),
        themes: vec![Theme {
            code: theme,
            name: text("Gesprek"),
            description: Text::default(),
        }],
        statements,
    }
}
