//! What forms share: a field's problem, the field names of the role checkboxes, and a form
//! whose fields may come more than once.

use std::collections::HashMap;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use domain::{Lang, Role};

use crate::i18n::Tr;

/// A field's problem, with the id of its input so the summary can link to it.
#[derive(Debug)]
pub struct Problem {
    pub field: &'static str,
    pub message: String,
}

/// The form field for a role's checkbox.
pub fn role_field(role: Role) -> &'static str {
    match role {
        Role::Mentor => "role_beg",
        Role::Specialist => "role_spe",
        Role::Coordinator => "role_coo",
    }
}

/// The message for a field among a form's problems, if it has one.
pub fn problem_of<'a>(problems: &'a [Problem], field: &str) -> Option<&'a str> {
    problems
        .iter()
        .find(|p| p.field == field)
        .map(|p| p.message.as_str())
}

/// A form's fields in the order sent, each as often as it was sent (checkboxes of one name,
/// a field per person). A body that is no form reads as no fields.
#[derive(Debug, Default)]
pub struct FormFields(Vec<(String, String)>);

impl FormFields {
    pub fn parse(body: &[u8]) -> FormFields {
        FormFields(serde_urlencoded::from_bytes(body).unwrap_or_default())
    }

    /// The first value of a field, or empty.
    pub fn one(&self, name: &str) -> &str {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    /// Every value of a field, in the order sent.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every field and value.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }
}

/// The message saying what the last action did, which the address it led to names
/// (`?klaar=CODE`): the message key paired with that code in `done`, in `lang`.
pub fn done_notice(
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    lang: Lang,
    done: &[(&str, &str)],
) -> Option<String> {
    let Query(query) = query.ok()?;
    let code = query.get("klaar")?;
    done.iter()
        .find(|(c, _)| c == code)
        .map(|(_, key)| Tr(lang).get(key))
}
