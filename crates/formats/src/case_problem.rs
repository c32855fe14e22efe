//! What is wrong with a CASE package, where (the path to the item or association), and in
//! words in Dutch and English.

use domain::Lang;
use domain::framework::ProblemKind;

use super::{ASSOCIATION_TYPES, MAX_BYTES, MAX_DEPTH};

/// What is wrong with a package, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaseProblem {
    TooLarge,
    NotUtf8,
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A required part is missing or not of the expected kind, e.g. `CFDocument`.
    Missing {
        at: String,
        expected: &'static str,
    },
    UnknownCaseVersion(String),
    DuplicateIdentifier {
        at: String,
        identifier: String,
    },
    UnknownAssociationType {
        at: String,
        found: String,
    },
    /// An association names an item that is not in the package.
    UnknownNode {
        at: String,
        identifier: String,
    },
    /// The `isChildOf` tree runs in a circle through these items.
    Cycle(Vec<String>),
    /// Statements whose role (area, kind) could not be told: how many, and the first few.
    Unplaced {
        items: Vec<String>,
        count: usize,
        missing: &'static str,
    },
    /// More items or associations than a framework can have.
    TooMany {
        at: String,
        found: usize,
        limit: usize,
    },
    /// The tree goes deeper than [`MAX_DEPTH`] levels; `item` is the deepest.
    TooDeep {
        item: String,
        depth: usize,
    },
    /// The statements read do not make an edition.
    Edition {
        item: Option<String>,
        problem: ProblemKind,
    },
}

impl CaseProblem {
    /// The problem in words, in a language.
    pub fn describe(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            CaseProblem::TooLarge if nl => {
                format!("het bestand is groter dan {} MB", MAX_BYTES / 1024 / 1024)
            }
            CaseProblem::TooLarge => {
                format!("the file is larger than {} MB", MAX_BYTES / 1024 / 1024)
            }
            CaseProblem::NotUtf8 if nl => "de tekst is geen UTF-8".into(),
            CaseProblem::NotUtf8 => "the text is not UTF-8".into(),
            CaseProblem::Syntax {
                line,
                column,
                detail,
            } if nl => format!("regel {line}, kolom {column}: geen geldige JSON: {detail}"),
            CaseProblem::Syntax {
                line,
                column,
                detail,
            } => format!("line {line}, column {column}: not valid JSON: {detail}"),
            CaseProblem::Missing { at, expected } if nl => {
                format!("{at}: ontbreekt of is geen {expected}")
            }
            CaseProblem::Missing { at, expected } => format!("{at}: missing or not {expected}"),
            CaseProblem::UnknownCaseVersion(v) if nl => {
                format!("CFDocument.caseVersion: onbekende versie '{v}'; verwacht: 1.0 of 1.1")
            }
            CaseProblem::UnknownCaseVersion(v) => {
                format!("CFDocument.caseVersion: unknown version '{v}'; expected: 1.0 or 1.1")
            }
            CaseProblem::DuplicateIdentifier { at, identifier } if nl => {
                format!("{at}: identifier {identifier} komt al eerder voor")
            }
            CaseProblem::DuplicateIdentifier { at, identifier } => {
                format!("{at}: identifier {identifier} is used before")
            }
            CaseProblem::UnknownAssociationType { at, found } if nl => format!(
                "{at}.associationType: onbekend type '{found}'; verwacht: {}",
                ASSOCIATION_TYPES.join(", ")
            ),
            CaseProblem::UnknownAssociationType { at, found } => format!(
                "{at}.associationType: unknown type '{found}'; expected: {}",
                ASSOCIATION_TYPES.join(", ")
            ),
            CaseProblem::UnknownNode { at, identifier } if nl => {
                format!("{at}: verwijst naar {identifier}, dat niet in het pakket staat")
            }
            CaseProblem::UnknownNode { at, identifier } => {
                format!("{at}: refers to {identifier}, which is not in the package")
            }
            CaseProblem::Cycle(items) if nl => format!(
                "de isChildOf-boom loopt in een kring: {}",
                items.join(" → ")
            ),
            CaseProblem::Cycle(items) => {
                format!("the isChildOf tree runs in a circle: {}", items.join(" → "))
            }
            CaseProblem::Unplaced {
                items,
                count: 1,
                missing,
            } if nl => format!(
                "CFItem {}: niet te bepalen welke {} dit is; verwacht een bovenliggend item dat de {} noemt, of extensions.raamwerk",
                items.join(", "),
                dutch(missing),
                dutch(missing)
            ),
            CaseProblem::Unplaced {
                items,
                count: 1,
                missing,
            } => format!(
                "CFItem {}: cannot tell its {missing}; expected a parent item naming the {missing}, or extensions.raamwerk",
                items.join(", ")
            ),
            CaseProblem::Unplaced {
                items,
                count,
                missing,
            } if nl => format!(
                "{count} CFItems ({}{}): niet te bepalen welke {} het zijn; verwacht een bovenliggend item dat de {} noemt, of extensions.raamwerk",
                items.join(", "),
                if *count > items.len() { ", …" } else { "" },
                dutch(missing),
                dutch(missing)
            ),
            CaseProblem::Unplaced {
                items,
                count,
                missing,
            } => format!(
                "{count} CFItems ({}{}): cannot tell their {missing}; expected a parent item naming the {missing}, or extensions.raamwerk",
                items.join(", "),
                if *count > items.len() { ", …" } else { "" },
            ),
            CaseProblem::TooMany { at, found, limit } if nl => format!(
                "{at}: {found} stuks, meer dan de {limit} die een raamwerk kan hebben; het pakket is niet gelezen"
            ),
            CaseProblem::TooMany { at, found, limit } => format!(
                "{at}: {found} of them, more than the {limit} a framework can have; the package was not read"
            ),
            CaseProblem::TooDeep { item, depth } if nl => format!(
                "de isChildOf-boom is {depth} niveaus diep (bij CFItem {item}); een raamwerk heeft er hooguit {MAX_DEPTH}"
            ),
            CaseProblem::TooDeep { item, depth } => format!(
                "the isChildOf tree is {depth} levels deep (at CFItem {item}); a framework has at most {MAX_DEPTH}"
            ),
            CaseProblem::Edition {
                item: Some(item),
                problem,
            } => format!("CFItem {item}: {}", problem.message(lang)),
            CaseProblem::Edition {
                item: None,
                problem,
            } => problem.message(lang),
        }
    }
}

fn dutch(what: &str) -> &str {
    match what {
        "role" => "rol",
        "area" => "aandachtsgebied",
        "kind" => "soort (taak of deskundigheid)",
        other => other,
    }
}
