//! API tokens: what a token may do (its scopes: read or write per resource), its name and how
//! long it lasts. A token belongs to one school. A personal token acts for the person who made
//! it, with their permission in that school at the moment of each request; a school token is
//! made by an administrator for an integration, acts with that administrator's permission
//! (so it stops when they are no longer administrator) and never reads private data: no
//! one's own scan or plan.

use std::collections::BTreeMap;
use std::fmt;

use crate::Lang;

/// What a token may reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Resource {
    /// The school's framework and its editions.
    Framework,
    /// The school's scan rounds.
    Rounds,
    /// One's own scan (private: personal tokens only).
    Scan,
    /// One's own development plan (private: personal tokens only).
    Plan,
    /// *Wie doet wat*: the tasks and who does them.
    Allocation,
    /// LOB hours against the formula.
    Hours,
    /// The school's members (administrators).
    Members,
    /// The team picture and the survey results (group figures under the rule of k).
    Team,
}

impl Resource {
    pub const ALL: [Resource; 8] = [
        Resource::Framework,
        Resource::Rounds,
        Resource::Scan,
        Resource::Plan,
        Resource::Allocation,
        Resource::Hours,
        Resource::Members,
        Resource::Team,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Resource::Framework => "framework",
            Resource::Rounds => "rounds",
            Resource::Scan => "scan",
            Resource::Plan => "plan",
            Resource::Allocation => "allocation",
            Resource::Hours => "hours",
            Resource::Members => "members",
            Resource::Team => "team",
        }
    }

    pub fn parse(code: &str) -> Option<Resource> {
        Resource::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Whether the resource is one person's own data, which only that person's own token reads.
    pub fn private(self) -> bool {
        matches!(self, Resource::Scan | Resource::Plan)
    }

    /// Whether the API takes changes to it (else only `read` can be granted).
    pub fn writable(self) -> bool {
        matches!(
            self,
            Resource::Framework | Resource::Scan | Resource::Allocation | Resource::Hours
        )
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Resource::Framework, Lang::Nl) => "raamwerk en versies",
            (Resource::Framework, Lang::En) => "framework and versions",
            (Resource::Rounds, Lang::Nl) => "scanrondes",
            (Resource::Rounds, Lang::En) => "scan rounds",
            (Resource::Scan, Lang::Nl) => "eigen scan",
            (Resource::Scan, Lang::En) => "own scan",
            (Resource::Plan, Lang::Nl) => "eigen ontwikkelplan",
            (Resource::Plan, Lang::En) => "own development plan",
            (Resource::Allocation, Lang::Nl) => "wie doet wat",
            (Resource::Allocation, Lang::En) => "who does what",
            (Resource::Hours, Lang::Nl) => "LOB-uren",
            (Resource::Hours, Lang::En) => "LOB hours",
            (Resource::Members, Lang::Nl) => "leden",
            (Resource::Members, Lang::En) => "members",
            (Resource::Team, Lang::Nl) => "teambeeld en enquête",
            (Resource::Team, Lang::En) => "team picture and survey",
        }
    }
}

/// Reading, or reading and changing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Access {
    Read,
    Write,
}

impl Access {
    pub fn code(self) -> &'static str {
        match self {
            Access::Read => "read",
            Access::Write => "write",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Access::Read, Lang::Nl) => "lezen",
            (Access::Read, Lang::En) => "read",
            (Access::Write, Lang::Nl) => "lezen en wijzigen",
            (Access::Write, Lang::En) => "read and change",
        }
    }
}

/// Whose token it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holder {
    /// A person's own token.
    Person,
    /// A school's token for an integration, made by an administrator.
    School,
}

impl Holder {
    pub fn code(self) -> &'static str {
        match self {
            Holder::Person => "person",
            Holder::School => "school",
        }
    }

    pub fn parse(code: &str) -> Option<Holder> {
        match code {
            "person" => Some(Holder::Person),
            "school" => Some(Holder::School),
            _ => None,
        }
    }
}

/// Why a token's settings cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TokenInputError {
    NameMissing,
    NameTooLong,
    NoScopes,
    UnknownScope(String),
    NotWritable(Resource),
    PrivateForSchool(Resource),
    Expiry,
}

impl TokenInputError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TokenInputError::NameMissing, Lang::Nl) => "Geef de sleutel een naam.".to_owned(),
            (TokenInputError::NameMissing, Lang::En) => "Give the token a name.".to_owned(),
            (TokenInputError::NameTooLong, Lang::Nl) => {
                format!("Een naam is hoogstens {NAME_MAX} tekens.")
            }
            (TokenInputError::NameTooLong, Lang::En) => {
                format!("A name has at most {NAME_MAX} characters.")
            }
            (TokenInputError::NoScopes, Lang::Nl) => {
                "Kies ten minste één onderdeel dat de sleutel mag lezen.".to_owned()
            }
            (TokenInputError::NoScopes, Lang::En) => {
                "Choose at least one part the token may read.".to_owned()
            }
            (TokenInputError::UnknownScope(s), Lang::Nl) => format!("Onbekend recht ‘{s}’."),
            (TokenInputError::UnknownScope(s), Lang::En) => format!("Unknown scope ‘{s}’."),
            (TokenInputError::NotWritable(r), Lang::Nl) => {
                format!("Via de API kan {} alleen gelezen worden.", r.name(Lang::Nl))
            }
            (TokenInputError::NotWritable(r), Lang::En) => {
                format!("The API can only read {}.", r.name(Lang::En))
            }
            (TokenInputError::PrivateForSchool(r), Lang::Nl) => format!(
                "Een schoolsleutel kan niet bij {}: dat is van ieder persoonlijk.",
                r.name(Lang::Nl)
            ),
            (TokenInputError::PrivateForSchool(r), Lang::En) => format!(
                "A school token cannot reach {}: that belongs to each person.",
                r.name(Lang::En)
            ),
            (TokenInputError::Expiry, Lang::Nl) => {
                format!("Een sleutel geldt 1 tot en met {MAX_DAYS} dagen.")
            }
            (TokenInputError::Expiry, Lang::En) => {
                format!("A token lasts from 1 to {MAX_DAYS} days.")
            }
        }
    }
}

/// The longest name a token may have.
pub const NAME_MAX: usize = 80;
/// How long a token lasts unless its maker chooses otherwise.
pub const DEFAULT_DAYS: u32 = 90;
/// The longest a token may last.
pub const MAX_DAYS: u32 = 366;

/// A token's name, as its maker recognises it in the list ("HR-koppeling").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenName(String);

impl TokenName {
    pub fn parse(input: &str) -> Result<TokenName, TokenInputError> {
        let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() {
            Err(TokenInputError::NameMissing)
        } else if name.chars().count() > NAME_MAX {
            Err(TokenInputError::NameTooLong)
        } else {
            Ok(TokenName(name))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TokenName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The number of days a token lasts (1 to [`MAX_DAYS`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lifetime(u32);

impl Lifetime {
    pub fn parse(input: &str) -> Result<Lifetime, TokenInputError> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(Lifetime(DEFAULT_DAYS));
        }
        match input.parse::<u32>() {
            Ok(days) if (1..=MAX_DAYS).contains(&days) => Ok(Lifetime(days)),
            _ => Err(TokenInputError::Expiry),
        }
    }

    pub fn days(self) -> u32 {
        self.0
    }

    pub fn millis(self) -> i64 {
        i64::from(self.0) * 24 * 60 * 60 * 1000
    }
}

/// What a token may do: per resource, read or write (which includes read).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scopes(BTreeMap<Resource, Access>);

impl Scopes {
    /// Parses the stored or typed form, `scan:write plan:read` (spaces or commas between),
    /// for a token of `holder`: only writable resources take `write`, and a school token
    /// takes no private resource. At least one scope.
    pub fn parse(input: &str, holder: Holder) -> Result<Scopes, TokenInputError> {
        let mut scopes = BTreeMap::new();
        for part in input
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|p| !p.is_empty())
        {
            let unknown = || TokenInputError::UnknownScope(part.to_owned());
            let (resource, access) = part.split_once(':').ok_or_else(unknown)?;
            let resource = Resource::parse(resource).ok_or_else(unknown)?;
            let access = match access {
                "read" => Access::Read,
                "write" => Access::Write,
                _ => return Err(unknown()),
            };
            if access == Access::Write && !resource.writable() {
                return Err(TokenInputError::NotWritable(resource));
            }
            if holder == Holder::School && resource.private() {
                return Err(TokenInputError::PrivateForSchool(resource));
            }
            let entry = scopes.entry(resource).or_insert(access);
            *entry = (*entry).max(access);
        }
        if scopes.is_empty() {
            return Err(TokenInputError::NoScopes);
        }
        Ok(Scopes(scopes))
    }

    /// Whether the token may do `access` on `resource`.
    pub fn allows(&self, resource: Resource, access: Access) -> bool {
        self.0.get(&resource).is_some_and(|&has| has >= access)
    }

    pub fn iter(&self) -> impl Iterator<Item = (Resource, Access)> + '_ {
        self.0.iter().map(|(&r, &a)| (r, a))
    }

    /// The stored form, `plan:read scan:write`, in a fixed order.
    pub fn code(&self) -> String {
        self.iter()
            .map(|(r, a)| format!("{}:{}", r.code(), a.code()))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// In words, for the list of tokens: "eigen scan (lezen en wijzigen), leden (lezen)".
    pub fn describe(&self, lang: Lang) -> String {
        self.iter()
            .map(|(r, a)| format!("{} ({})", r.name(lang), a.name(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The prefix every token starts with, so that a leaked one is recognised (and a secret
/// scanner can find it).
pub const TOKEN_PREFIX: &str = "rwk_";

/// The secret part of a token as presented (`Authorization: Bearer rwk_…`), if it has the
/// form of one: the prefix and 64 hexadecimal characters.
pub fn presented_secret(header: &str) -> Option<&str> {
    let token = header.strip_prefix("Bearer ")?.trim();
    let secret = token.strip_prefix(TOKEN_PREFIX)?;
    (secret.len() == 64 && secret.bytes().all(|b| b.is_ascii_hexdigit())).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_read_back_in_a_fixed_order_and_write_includes_read() {
        let scopes =
            Scopes::parse("scan:write, members:read plan:read", Holder::Person).expect("valid");
        assert_eq!(scopes.code(), "scan:write plan:read members:read");
        assert!(scopes.allows(Resource::Scan, Access::Read));
        assert!(scopes.allows(Resource::Scan, Access::Write));
        assert!(scopes.allows(Resource::Plan, Access::Read));
        assert!(!scopes.allows(Resource::Plan, Access::Write));
        assert!(!scopes.allows(Resource::Allocation, Access::Read));
        assert_eq!(
            Scopes::parse(&scopes.code(), Holder::Person).expect("again"),
            scopes
        );
        // Named twice: the wider access holds.
        let twice = Scopes::parse("scan:read scan:write", Holder::Person).expect("valid");
        assert_eq!(twice.code(), "scan:write");
        assert_eq!(
            scopes.describe(Lang::Nl),
            "eigen scan (lezen en wijzigen), eigen ontwikkelplan (lezen), leden (lezen)"
        );
    }

    #[test]
    fn bad_scopes_are_refused_with_their_reason() {
        let person = |s| Scopes::parse(s, Holder::Person);
        assert_eq!(person(""), Err(TokenInputError::NoScopes));
        assert_eq!(
            person("scan"),
            Err(TokenInputError::UnknownScope("scan".into()))
        );
        assert_eq!(
            person("scan:delete"),
            Err(TokenInputError::UnknownScope("scan:delete".into()))
        );
        assert_eq!(
            person("salaries:read"),
            Err(TokenInputError::UnknownScope("salaries:read".into()))
        );
        assert_eq!(
            person("members:write"),
            Err(TokenInputError::NotWritable(Resource::Members))
        );
        assert_eq!(
            Scopes::parse("allocation:read scan:read", Holder::School),
            Err(TokenInputError::PrivateForSchool(Resource::Scan))
        );
        assert!(Scopes::parse("framework:write team:read", Holder::School).is_ok());
        assert_eq!(
            Scopes::parse("team:write", Holder::School),
            Err(TokenInputError::NotWritable(Resource::Team))
        );
        assert!(Scopes::parse("allocation:write hours:write", Holder::School).is_ok());
    }

    #[test]
    fn names_and_lifetimes_are_checked() {
        assert_eq!(
            TokenName::parse("  HR   koppeling ")
                .expect("valid")
                .as_str(),
            "HR koppeling"
        );
        assert_eq!(TokenName::parse(" "), Err(TokenInputError::NameMissing));
        assert_eq!(
            TokenName::parse(&"x".repeat(NAME_MAX + 1)),
            Err(TokenInputError::NameTooLong)
        );
        assert_eq!(Lifetime::parse("").expect("default").days(), DEFAULT_DAYS);
        assert_eq!(
            Lifetime::parse("7").expect("valid").millis(),
            7 * 86_400_000
        );
        for bad in ["0", "367", "-3", "veel", "1.5"] {
            assert_eq!(Lifetime::parse(bad), Err(TokenInputError::Expiry), "{bad}");
        }
        for error in [
            TokenInputError::NameMissing,
            TokenInputError::PrivateForSchool(Resource::Plan),
            TokenInputError::Expiry,
        ] {
            assert_ne!(error.message(Lang::Nl), error.message(Lang::En));
        }
    }

    #[test]
    fn only_a_well_formed_bearer_token_is_presented() {
        let good = format!("{TOKEN_PREFIX}{}", "a1".repeat(32));
        assert_eq!(
            presented_secret(&format!("Bearer {good}")),
            Some(good.as_str())
        );
        assert_eq!(presented_secret(&good), None);
        assert_eq!(presented_secret(&format!("Basic {good}")), None);
        assert_eq!(presented_secret("Bearer rwk_abc"), None);
        assert_eq!(
            presented_secret(&format!("Bearer {TOKEN_PREFIX}{}", "zz".repeat(32))),
            None
        );
        assert_eq!(
            presented_secret(&format!("Bearer {}", "a1".repeat(32))),
            None
        );
    }
}
