//! Statements and roles as the pages show them.

use domain::{Edition, Lang, Role, Statement};

use crate::i18n::Tr;
use crate::routes::Page;

/// A statement as the pages show it.
#[derive(Debug)]
pub struct StatementView {
    pub code: String,
    pub text: String,
    /// Link to the statement's theme page and the theme's name.
    pub theme: Option<(String, String)>,
    pub depth: Option<String>,
    /// The Dutch text stands in for a missing translation (a school's own statement).
    pub fallback: bool,
    /// A school's tags, in the page's language.
    pub tags: Vec<String>,
    /// Where the code links to: the statement on its role's page (on pages that are not
    /// that page, such as a theme's).
    pub code_href: Option<String>,
}

impl StatementView {
    pub fn new(statement: &Statement, edition: &Edition, lang: Lang) -> StatementView {
        let t = Tr(lang);
        StatementView {
            code: statement.code.to_string(),
            text: statement.text.shown(lang).to_owned(),
            fallback: statement.text.falls_back(lang),
            tags: statement
                .tags
                .iter()
                .map(|tag| tag.name(lang).to_owned())
                .collect(),
            theme: statement
                .theme
                .as_ref()
                .and_then(|code| edition.theme(code.as_str()))
                .map(|theme| {
                    (
                        Page::Theme(theme.code.clone()).path(lang),
                        theme.name.get(lang).to_owned(),
                    )
                }),
            depth: statement
                .depth
                .map(|d| t.get(&format!("depth-{}", d.level()))),
            code_href: None,
        }
    }

    /// The statement with its code linking to its place on its role's page.
    pub fn linked(statement: &Statement, edition: &Edition, lang: Lang) -> StatementView {
        let page = Page::Role {
            role: statement.role,
            area: Some(statement.area),
        };
        StatementView {
            code_href: Some(format!("{}#{}", page.path(lang), statement.code)),
            ..StatementView::new(statement, edition, lang)
        }
    }
}

/// A link to a role's page with the role's name.
#[derive(Debug)]
pub struct RoleLink {
    pub href: String,
    pub name: String,
    pub description: String,
    pub count: String,
}

impl RoleLink {
    pub fn new(edition: &Edition, role: Role, lang: Lang) -> RoleLink {
        let info = edition.role(role);
        let count = edition
            .statements()
            .iter()
            .filter(|s| s.role == role)
            .count();
        RoleLink {
            href: Page::Role { role, area: None }.path(lang),
            name: info.name.get(lang).to_owned(),
            description: info.description.get(lang).to_owned(),
            count: Tr(lang).count("statements-count", count),
        }
    }
}
