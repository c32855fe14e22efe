//! Parties in the forms that change the allocation (*wie doet wat*, a team meeting's
//! agreement): how a party is written as a form value and read back,
//! and the choices a form offers (people, roles, outside parties, the school's own).

use domain::account::UserId;
use domain::allocation::{Outside, Part, Party};
use domain::{Lang, Role};

use crate::i18n::Tr;
use crate::ui::allocation::{Loaded, party_name};

/// A party as a form value: `person:UUID`, `role:BEG`, `outside:ouders`, `own:Name`.
pub(crate) fn party_value(party: &Party) -> String {
    match party {
        Party::Person(p) => format!("person:{}", p.0),
        Party::Role(r) => format!("role:{}", r.code()),
        Party::Outside(o) => format!("outside:{}", o.key()),
        Party::Own(name) => format!("own:{name}"),
    }
}

pub(crate) fn parse_party(value: &str) -> Option<Party> {
    let (kind, rest) = value.split_once(':')?;
    match kind {
        "person" => uuid::Uuid::parse_str(rest)
            .ok()
            .map(|u| Party::Person(UserId(u))),
        "role" => Role::from_code(rest).map(Party::Role),
        "outside" => Outside::from_key(rest).map(Party::Outside),
        "own" => own_name(rest).map(Party::Own),
        _ => None,
    }
}

/// A party the school adds: 1 to 80 characters, no control characters.
fn own_name(name: &str) -> Option<String> {
    let name = name.trim();
    (!name.is_empty() && name.chars().count() <= 80 && !name.chars().any(char::is_control))
        .then(|| name.to_owned())
}

/// The party a form names: a choice from the list, or (`own:`) a new one typed in `own`.
pub(crate) fn form_party(choice: &str, own: &str) -> Option<Party> {
    if choice == "own:" {
        own_name(own).map(Party::Own)
    } else {
        parse_party(choice)
    }
}

/// The parties a form offers, in groups: (group label, [(value, name)]).
pub(crate) fn party_choices(loaded: &Loaded, lang: Lang) -> Vec<(String, Vec<(String, String)>)> {
    let t = Tr(lang);
    let name = |p: &Party| party_name(p, &loaded.names, lang, &loaded.edition);
    let mut people: Vec<(String, String)> = loaded
        .names
        .iter()
        .map(|(id, n)| (party_value(&Party::Person(*id)), n.clone()))
        .collect();
    people.sort_by_key(|(_, n)| n.to_lowercase());
    let roles = Role::ALL
        .into_iter()
        .map(|r| (party_value(&Party::Role(r)), name(&Party::Role(r))))
        .collect();
    let mut outside: Vec<(String, String)> = Outside::ALL
        .into_iter()
        .map(|o| (party_value(&Party::Outside(o)), o.name(lang).to_owned()))
        .collect();
    outside.extend(
        loaded
            .data
            .own_parties
            .iter()
            .map(|n| (party_value(&Party::Own(n.clone())), n.clone())),
    );
    vec![
        (t.get("task-people"), people),
        (t.get("task-roles"), roles),
        (t.get("task-outside"), outside),
    ]
}

/// The parts a party can have in a task, as a form offers them.
pub(crate) fn part_choices(lang: Lang) -> Vec<(&'static str, String)> {
    Part::ALL
        .into_iter()
        .map(|p| (p.key(), p.name(lang).to_owned()))
        .collect()
}
