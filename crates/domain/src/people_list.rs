//! A list of people to invite at once, as a coordinator pastes it or exports it from a
//! spreadsheet: one person per line, the e-mail address in any cell, cells separated by `;`,
//! `,` or a tab, or written as `Naam <adres>`. Header lines (lines whose cells hold no
//! address but name one, such as `naam;e-mail`) are skipped, as are empty lines and byte
//! order marks (a pasted list and an uploaded file may follow each other). Every line
//! that cannot be used is named with its number and why; the good ones are kept.

use crate::Lang;
use crate::account::{AccountInputError, Email};

/// At most this many people in one list.
pub const LIST_MAX: usize = 500;

/// One person found on a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The line's number, counted from 1.
    pub line: usize,
    pub email: Email,
}

/// Why a line could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ListError {
    /// No cell holds an address.
    NoAddress,
    /// More than one cell holds an address.
    SeveralAddresses,
    Invalid(AccountInputError),
    /// The address is on an earlier line too.
    Twice {
        first: usize,
    },
    /// Past [`LIST_MAX`] people.
    TooMany,
}

impl ListError {
    pub fn message(&self, lang: Lang) -> String {
        let nl = lang == Lang::Nl;
        match self {
            ListError::NoAddress if nl => "er staat geen e-mailadres op deze regel".into(),
            ListError::NoAddress => "there is no e-mail address on this line".into(),
            ListError::SeveralAddresses if nl => {
                "er staat meer dan één e-mailadres op deze regel; zet iedereen op een eigen regel"
                    .into()
            }
            ListError::SeveralAddresses => {
                "there is more than one e-mail address on this line; put everyone on a line of their own".into()
            }
            ListError::Invalid(e) => e.message(lang),
            ListError::Twice { first } if nl => format!("dit adres staat al op regel {first}"),
            ListError::Twice { first } => format!("this address is on line {first} already"),
            ListError::TooMany if nl => {
                format!("meer dan {LIST_MAX} mensen in één keer; nodig de rest daarna uit")
            }
            ListError::TooMany => {
                format!("more than {LIST_MAX} people at once; invite the rest afterwards")
            }
        }
    }
}

/// A line that could not be used: its number, its text and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListProblem {
    pub line: usize,
    pub text: String,
    pub error: ListError,
}

/// The cells of a line: `Naam <adres>` gives the address alone; otherwise the line is split
/// on `;`, tabs or `,`.
fn cells(line: &str) -> Vec<&str> {
    if let (Some(open), Some(close)) = (line.find('<'), line.rfind('>'))
        && open < close
        && line[open + 1..close].contains('@')
    {
        return vec![line[open + 1..close].trim()];
    }
    line.split([';', '\t', ','])
        .map(|cell| cell.trim().trim_matches('"').trim())
        .filter(|cell| !cell.is_empty())
        .collect()
}

/// Whether a line without an address is a header naming the columns.
fn is_header(cells: &[&str]) -> bool {
    cells.iter().any(|cell| {
        let cell = cell.to_lowercase();
        cell.contains("mail") || cell == "adres" || cell == "address"
    })
}

/// Reads a list: the people on it in order, and every line that cannot be used.
pub fn read_list(text: &str) -> (Vec<Listed>, Vec<ListProblem>) {
    let mut people: Vec<Listed> = Vec::new();
    let mut problems = Vec::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim_start_matches('\u{feff}').trim();
        if trimmed.is_empty() {
            continue;
        }
        let cells = cells(trimmed);
        let addresses: Vec<&str> = cells.iter().copied().filter(|c| c.contains('@')).collect();
        let problem = |error| ListProblem {
            line,
            text: trimmed.chars().take(200).collect(),
            error,
        };
        let address = match addresses.as_slice() {
            [] if is_header(&cells) => continue,
            [] => {
                problems.push(problem(ListError::NoAddress));
                continue;
            }
            [one] => *one,
            _ => {
                problems.push(problem(ListError::SeveralAddresses));
                continue;
            }
        };
        let email = match Email::parse(address) {
            Ok(email) => email,
            Err(e) => {
                problems.push(problem(ListError::Invalid(e)));
                continue;
            }
        };
        if let Some(first) = people.iter().find(|p| p.email == email) {
            problems.push(problem(ListError::Twice { first: first.line }));
            continue;
        }
        if people.len() == LIST_MAX {
            problems.push(problem(ListError::TooMany));
            continue;
        }
        people.push(Listed { line, email });
    }
    (people, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn emails(people: &[Listed]) -> Vec<(usize, &str)> {
        people.iter().map(|p| (p.line, p.email.as_str())).collect()
    }

    #[test]
    fn every_common_way_of_writing_a_list_is_read() {
        let text = "\u{feff}naam;e-mail\n\
                    Fatima El Amrani;Fatima@Lyceum.nl\n\
                    \n\
                    jelle@lyceum.nl\n\
                    Mark de Vries <mark@lyceum.nl>\n\
                    \"anna@lyceum.nl\",\"Anna de Wit\"\n\
                    Sanne\tsanne@lyceum.nl\n";
        let (people, problems) = read_list(text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            emails(&people),
            [
                (2, "fatima@lyceum.nl"),
                (4, "jelle@lyceum.nl"),
                (5, "mark@lyceum.nl"),
                (6, "anna@lyceum.nl"),
                (7, "sanne@lyceum.nl"),
            ]
        );
    }

    #[test]
    fn every_bad_line_is_named_and_the_good_ones_kept() {
        let text = "jelle@lyceum.nl\n\
                    alleen een naam\n\
                    niet-een-adres@\n\
                    a@lyceum.nl; b@lyceum.nl\n\
                    JELLE@lyceum.nl\n\
                    mark@lyceum.nl\n";
        let (people, problems) = read_list(text);
        assert_eq!(
            emails(&people),
            [(1, "jelle@lyceum.nl"), (6, "mark@lyceum.nl")]
        );
        let found: Vec<(usize, &ListError)> = problems.iter().map(|p| (p.line, &p.error)).collect();
        assert_eq!(found.len(), 4);
        assert_eq!(found[0], (2, &ListError::NoAddress));
        assert!(matches!(found[1], (3, ListError::Invalid(_))));
        assert_eq!(found[2], (4, &ListError::SeveralAddresses));
        assert_eq!(found[3], (5, &ListError::Twice { first: 1 }));
        assert_eq!(problems[1].text, "niet-een-adres@");
        assert!(
            problems[3]
                .error
                .message(Lang::Nl)
                .contains("staat al op regel 1")
        );
    }

    #[test]
    fn a_file_after_a_pasted_list_keeps_its_header_out() {
        let (people, problems) =
            read_list("jelle@lyceum.nl\n\u{feff}Naam;E-mailadres\nAnna;anna@lyceum.nl\nAnna\n");
        assert_eq!(
            emails(&people),
            [(1, "jelle@lyceum.nl"), (3, "anna@lyceum.nl")]
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 4);
    }

    #[test]
    fn a_list_stops_at_its_limit_and_says_so() {
        let text: String = (0..LIST_MAX + 2)
            .map(|i| format!("p{i}@lyceum.nl\n"))
            .collect();
        let (people, problems) = read_list(&text);
        assert_eq!(people.len(), LIST_MAX);
        assert_eq!(problems.len(), 2);
        assert!(problems.iter().all(|p| p.error == ListError::TooMany));
    }
}
