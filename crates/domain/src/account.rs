//! People and their place in a school: e-mail addresses, names, permissions in the app and
//! the framework roles they hold. Parsed once, so the rest of the product sees valid values.

use std::fmt;

use crate::framework::Role;
use crate::lang::Lang;
use crate::school::SchoolId;

/// Why a value for a person was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccountInputError {
    EmailInvalid(String),
    NameEmpty,
    NameTooLong { max: usize },
    NameControlCharacters,
    UnknownPermission(String),
    UnknownRole(String),
}

impl AccountInputError {
    pub fn message(&self, lang: Lang) -> String {
        use AccountInputError as E;
        let nl = lang == Lang::Nl;
        match self {
            E::EmailInvalid(v) if nl => format!("'{v}' is geen geldig e-mailadres"),
            E::EmailInvalid(v) => format!("'{v}' is not a valid e-mail address"),
            E::NameEmpty if nl => "de naam ontbreekt".into(),
            E::NameEmpty => "the name is missing".into(),
            E::NameTooLong { max } if nl => format!("de naam is langer dan {max} tekens"),
            E::NameTooLong { max } => format!("the name is longer than {max} characters"),
            E::NameControlCharacters if nl => "de naam bevat onzichtbare stuurtekens".into(),
            E::NameControlCharacters => "the name contains invisible control characters".into(),
            E::UnknownPermission(v) if nl => {
                format!("onbekende bevoegdheid '{v}' (kies lid, coordinator of schoolbeheerder)")
            }
            E::UnknownPermission(v) => {
                format!("unknown permission '{v}' (choose lid, coordinator or schoolbeheerder)")
            }
            E::UnknownRole(v) if nl => format!("onbekende rol '{v}' (kies BEG, SPE of COO)"),
            E::UnknownRole(v) => format!("unknown role '{v}' (choose BEG, SPE or COO)"),
        }
    }
}

/// An e-mail address: trimmed, lower-case, one `@`, a local part and a domain with a dot;
/// at most 254 characters. Compared as stored, so one address is one account.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Email(String);

impl Email {
    pub const MAX_LEN: usize = 254;

    pub fn parse(input: &str) -> Result<Email, AccountInputError> {
        let address = input.trim().to_lowercase();
        let invalid = || AccountInputError::EmailInvalid(input.trim().to_owned());
        if address.len() > Self::MAX_LEN
            || address.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(invalid());
        }
        let (local, domain) = address.split_once('@').ok_or_else(invalid)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && !local.contains(['<', '>', '(', ')', '[', ']', ',', ';', ':', '\\', '"', '@']);
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                !l.is_empty()
                    && l.len() <= 63
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            })
            && labels
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic));
        if local_ok && domain_ok {
            Ok(Email(address))
        } else {
            Err(invalid())
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's name as they want to be addressed: 1 to 100 characters, no control characters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<PersonName, AccountInputError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(AccountInputError::NameEmpty);
        }
        if name.chars().any(char::is_control) {
            return Err(AccountInputError::NameControlCharacters);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(AccountInputError::NameTooLong {
                max: Self::MAX_CHARS,
            });
        }
        Ok(PersonName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PersonName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a person may do in a school's part of the app. Each includes the ones before it.
/// Apart from the framework roles a person holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Permission {
    /// Lid: does their own scan and sees what the team shares.
    Member,
    /// Coördinator: runs rounds, the team's allocation and the school's framework.
    Coordinator,
    /// Schoolbeheerder: manages members and the school's settings.
    Administrator,
}

impl Permission {
    pub const ALL: [Permission; 3] = [
        Permission::Member,
        Permission::Coordinator,
        Permission::Administrator,
    ];

    /// The code used on the command line and in storage.
    pub const fn code(self) -> &'static str {
        match self {
            Permission::Member => "lid",
            Permission::Coordinator => "coordinator",
            Permission::Administrator => "schoolbeheerder",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Permission::Member, Lang::Nl) => "lid",
            (Permission::Member, Lang::En) => "member",
            (Permission::Coordinator, Lang::Nl) => "coördinator",
            (Permission::Coordinator, Lang::En) => "coordinator",
            (Permission::Administrator, Lang::Nl) => "schoolbeheerder",
            (Permission::Administrator, Lang::En) => "school administrator",
        }
    }

    /// Parses a code, ignoring case and the diaeresis (`coördinator`).
    pub fn parse(input: &str) -> Result<Permission, AccountInputError> {
        let wanted = input.trim().to_lowercase().replace('ö', "o");
        Permission::ALL
            .into_iter()
            .find(|p| p.code() == wanted)
            .ok_or_else(|| AccountInputError::UnknownPermission(input.trim().to_owned()))
    }

    /// Whether this permission includes `other`.
    pub fn includes(self, other: Permission) -> bool {
        self >= other
    }
}

/// The framework roles a person holds in a school: any of the three, any number (also none,
/// until they choose). Kept in canonical order without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrameworkRoles(Vec<Role>);

impl FrameworkRoles {
    pub fn new(roles: impl IntoIterator<Item = Role>) -> FrameworkRoles {
        let mut list: Vec<Role> = roles.into_iter().collect();
        list.sort();
        list.dedup();
        FrameworkRoles(list)
    }

    /// Parses role codes separated by commas (`BEG,COO`); empty means none.
    pub fn parse(input: &str) -> Result<FrameworkRoles, AccountInputError> {
        let roles = input
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|code| {
                Role::from_code(&code.to_ascii_uppercase())
                    .ok_or_else(|| AccountInputError::UnknownRole(code.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(FrameworkRoles::new(roles))
    }

    pub fn as_slice(&self) -> &[Role] {
        &self.0
    }

    pub fn contains(&self, role: Role) -> bool {
        self.0.contains(&role)
    }
}

impl fmt::Display for FrameworkRoles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = self.0.iter().map(|r| r.code()).collect();
        f.write_str(&codes.join(","))
    }
}

/// A person's identity: random, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UserId(pub uuid::Uuid);

impl fmt::Display for UserId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A person with an account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub name: PersonName,
}

/// A person's place in one school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    pub school: SchoolId,
    pub user: UserId,
    pub permission: Permission,
    pub roles: FrameworkRoles,
    /// A deactivated member keeps their data but cannot work in the school.
    pub active: bool,
}

/// Why a new password was refused; each message helps to choose a better one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort { min: usize },
    TooLong { max: usize },
    TooPredictable,
    Mismatch,
}

impl PasswordProblem {
    pub fn message(&self, lang: Lang) -> String {
        use PasswordProblem as P;
        let nl = lang == Lang::Nl;
        match self {
            P::TooShort { min } if nl => format!(
                "Kies een wachtwoord van ten minste {min} tekens. Een zin van een paar gewone woorden is sterk en goed te onthouden."
            ),
            P::TooShort { min } => format!(
                "Choose a password of at least {min} characters. A sentence of a few ordinary words is strong and easy to remember."
            ),
            P::TooLong { max } if nl => format!("Kies een wachtwoord van hoogstens {max} tekens."),
            P::TooLong { max } => format!("Choose a password of at most {max} characters."),
            P::TooPredictable if nl => "Dit wachtwoord is te makkelijk te raden: het komt veel voor, \
                 volgt een patroon of lijkt op je naam of e-mailadres. Voeg woorden toe die niet bij elkaar horen."
                .into(),
            P::TooPredictable => "This password is too easy to guess: it is common, follows a pattern \
                 or resembles your name or e-mail address. Add words that do not belong together."
                .into(),
            P::Mismatch if nl => "De twee wachtwoorden zijn niet gelijk.".into(),
            P::Mismatch => "The two passwords are not the same.".into(),
        }
    }
}

/// A password that meets the policy: 12 to 128 characters, not common or predictable
/// (estimated with zxcvbn, also against the person's own name and address), typed twice alike.
pub struct NewPassword(String);

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// Whether a password is nothing but the person's own words (of their name and address),
/// in any order and repeated, with anything between them and numbers added: `B Deact B
/// Deact` for B Deact, `vriesjan2026` for Jan de Vries. Such a password is long and looks
/// varied to a strength estimate, yet anyone who knows the person guesses it.
fn only_personal_words(password: &str, personal: &[&str]) -> bool {
    let letters: Vec<char> = password
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let words: Vec<Vec<char>> = personal
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    if letters.is_empty() || words.is_empty() {
        return false;
    }
    // made[i]: the first i letters are personal words one after the other.
    let mut made = vec![false; letters.len() + 1];
    made[0] = true;
    for i in 0..letters.len() {
        if !made[i] {
            continue;
        }
        for word in &words {
            if letters[i..].starts_with(word) {
                made[i + word.len()] = true;
            }
        }
    }
    made[letters.len()]
}

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(
        password: &str,
        repeated: &str,
        personal: &[&str],
    ) -> Result<NewPassword, PasswordProblem> {
        let chars = password.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(PasswordProblem::TooShort {
                min: Self::MIN_CHARS,
            });
        }
        if chars > Self::MAX_CHARS {
            return Err(PasswordProblem::TooLong {
                max: Self::MAX_CHARS,
            });
        }
        if password != repeated {
            return Err(PasswordProblem::Mismatch);
        }
        let mut hints: Vec<&str> = personal.to_vec();
        hints.extend([
            "raamwerk",
            "loopbaan",
            "lob",
            "school",
            "decaan",
            "mentor",
            "wachtwoord",
        ]);
        // Each personal text also as its words and run together (`jan`, `vries`, `jandevries`).
        let words: Vec<&str> = personal
            .iter()
            .flat_map(|p| p.split(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.len() > 2)
            .collect();
        hints.extend(words);
        let joined: Vec<String> = personal
            .iter()
            .map(|p| {
                let local = p.split('@').next().unwrap_or(p);
                local
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<String>()
                    .to_lowercase()
            })
            .collect();
        hints.extend(joined.iter().map(String::as_str));
        if only_personal_words(password, personal)
            || zxcvbn::zxcvbn(password, &hints).score() < zxcvbn::Score::Three
        {
            return Err(PasswordProblem::TooPredictable);
        }
        Ok(NewPassword(password.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_normalised_and_checked() {
        assert_eq!(
            Email::parse(" Jan.de.Vries@School.NL ").map(|e| e.to_string()),
            Ok("jan.de.vries@school.nl".into())
        );
        assert!(Email::parse("a+lob@sub.school-x.nl").is_ok());
        assert!(
            Email::parse("decaan@école.fr").is_ok(),
            "international domains"
        );
        for bad in [
            "",
            "jan",
            "jan@",
            "@school.nl",
            "jan@school",
            "jan@@school.nl",
            "jan de vries@school.nl",
            "jan@school..nl",
            "jan@-school.nl",
            "jan@school.n1",
            ".jan@school.nl",
            "jan.@school.nl",
            "j..an@school.nl",
            "<jan>@school.nl",
            "jan@sch\nool.nl",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?}");
        }
        assert!(Email::parse(&format!("{}@school.nl", "a".repeat(65))).is_err());
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            PersonName::parse("  Fatima  ").map(|n| n.to_string()),
            Ok("Fatima".into())
        );
        assert_eq!(PersonName::parse(""), Err(AccountInputError::NameEmpty));
        assert_eq!(
            PersonName::parse("A\u{0}B"),
            Err(AccountInputError::NameControlCharacters)
        );
        assert_eq!(
            PersonName::parse(&"x".repeat(101)),
            Err(AccountInputError::NameTooLong { max: 100 })
        );
        assert!(
            PersonName::parse("<script>").is_ok(),
            "markup is text; pages escape it"
        );
    }

    #[test]
    fn permissions_parse_and_include_the_lower_ones() {
        for p in Permission::ALL {
            assert_eq!(Permission::parse(p.code()), Ok(p));
        }
        assert_eq!(
            Permission::parse("Coördinator"),
            Ok(Permission::Coordinator)
        );
        assert!(Permission::parse("admin").is_err());
        assert!(Permission::Administrator.includes(Permission::Coordinator));
        assert!(Permission::Coordinator.includes(Permission::Member));
        assert!(!Permission::Member.includes(Permission::Coordinator));
    }

    #[test]
    fn framework_roles_are_a_set() {
        let roles = FrameworkRoles::parse("coo, BEG,beg").expect("valid");
        assert_eq!(roles.to_string(), "BEG,COO");
        assert!(roles.contains(Role::Coordinator) && !roles.contains(Role::Specialist));
        assert_eq!(FrameworkRoles::parse(""), Ok(FrameworkRoles::default()));
        assert_eq!(
            FrameworkRoles::parse("BEG,XYZ"),
            Err(AccountInputError::UnknownRole("XYZ".into()))
        );
    }

    #[test]
    fn passwords_must_be_long_and_unpredictable() {
        let personal = ["jan.de.vries@school.nl", "Jan de Vries"];
        let check = |p: &str| NewPassword::parse(p, p, &personal).map(|_| ());
        assert_eq!(check("kort"), Err(PasswordProblem::TooShort { min: 12 }));
        assert_eq!(
            check(&"a".repeat(129)),
            Err(PasswordProblem::TooLong { max: 128 })
        );
        for weak in [
            "password1234",
            "123456789012",
            "qwertyuiopas",
            "aaaaaaaaaaaa",
            "janDeVries2026",
            "wachtwoord123",
            "vries jan vries jan",
            "Jan.de.Vries!2026",
        ] {
            assert_eq!(check(weak), Err(PasswordProblem::TooPredictable), "{weak}");
        }
        // Found by probing: a name typed twice is long, and was accepted.
        let name = ["b.deact@school.nl", "B Deact"];
        for weak in ["B Deact B Deact", "deact b deact b", "BDeactBDeact!!"] {
            assert_eq!(
                NewPassword::parse(weak, weak, &name).map(|_| ()),
                Err(PasswordProblem::TooPredictable),
                "{weak}"
            );
        }
        assert!(check("paars kompas vindt zeven tulpen").is_ok());
        assert_eq!(
            NewPassword::parse("paars kompas vindt zeven tulpen", "paars kompas", &personal)
                .map(|_| ()),
            Err(PasswordProblem::Mismatch)
        );
        let debug = format!(
            "{:?}",
            NewPassword::parse(
                "paars kompas vindt zeven tulpen",
                "paars kompas vindt zeven tulpen",
                &[]
            )
        );
        assert!(!debug.contains("tulpen"), "a password never reaches a log");
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        for problem in [
            PasswordProblem::TooShort { min: 1 },
            PasswordProblem::TooLong { max: 1 },
            PasswordProblem::TooPredictable,
            PasswordProblem::Mismatch,
        ] {
            assert_ne!(
                problem.message(Lang::Nl),
                problem.message(Lang::En),
                "{problem:?}"
            );
        }
        let errors = [
            AccountInputError::EmailInvalid("x".into()),
            AccountInputError::NameEmpty,
            AccountInputError::NameTooLong { max: 1 },
            AccountInputError::NameControlCharacters,
            AccountInputError::UnknownPermission("x".into()),
            AccountInputError::UnknownRole("x".into()),
        ];
        for error in errors {
            assert_ne!(
                error.message(Lang::Nl),
                error.message(Lang::En),
                "{error:?}"
            );
        }
    }
}
