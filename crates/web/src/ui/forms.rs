//! What forms share: a field's problem, and the field names of the role checkboxes.

use domain::Role;

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
