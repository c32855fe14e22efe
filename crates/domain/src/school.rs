//! Schools: who they are (name, sector, size, region), parsed from input once so that the rest
//! of the product only ever sees valid values.

use std::fmt;

use crate::lang::Lang;

/// Why a value for a school was refused; each says what is expected, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SchoolInputError {
    NameEmpty,
    NameTooLong { max: usize },
    NameControlCharacters,
    NoSector,
    UnknownSector(String),
    StudentsOutOfRange { min: u32, max: u32 },
    StudentsNotANumber(String),
    UnknownRegion(String),
    InvalidBrin(String),
}

impl SchoolInputError {
    pub fn message(&self, lang: Lang) -> String {
        use SchoolInputError as E;
        let nl = lang == Lang::Nl;
        match self {
            E::NameEmpty if nl => "de naam van de school ontbreekt".into(),
            E::NameEmpty => "the school's name is missing".into(),
            E::NameTooLong { max } if nl => format!("de naam is langer dan {max} tekens"),
            E::NameTooLong { max } => format!("the name is longer than {max} characters"),
            E::NameControlCharacters if nl => "de naam bevat onzichtbare stuurtekens".into(),
            E::NameControlCharacters => "the name contains invisible control characters".into(),
            E::NoSector if nl => "kies ten minste één sector: vo, mbo of hbo".into(),
            E::NoSector => "choose at least one sector: vo, mbo or hbo".into(),
            E::UnknownSector(s) if nl => format!("onbekende sector '{s}' (kies vo, mbo of hbo)"),
            E::UnknownSector(s) => format!("unknown sector '{s}' (choose vo, mbo or hbo)"),
            E::StudentsOutOfRange { min, max } if nl => {
                format!("het aantal leerlingen of studenten moet tussen {min} en {max} liggen")
            }
            E::StudentsOutOfRange { min, max } => {
                format!("the number of students must be between {min} and {max}")
            }
            E::StudentsNotANumber(s) if nl => {
                format!("'{s}' is geen aantal leerlingen of studenten")
            }
            E::StudentsNotANumber(s) => format!("'{s}' is not a number of students"),
            E::UnknownRegion(s) if nl => format!(
                "onbekende provincie '{s}' (bijvoorbeeld: {})",
                Region::ALL.map(|r| r.name(Lang::Nl)).join(", ")
            ),
            E::UnknownRegion(s) => format!(
                "unknown province '{s}' (for example: {})",
                Region::ALL.map(|r| r.name(Lang::En)).join(", ")
            ),
            E::InvalidBrin(s) if nl => {
                format!("'{s}' is geen BRIN-code (twee cijfers en twee letters, zoals 12AB)")
            }
            E::InvalidBrin(s) => {
                format!("'{s}' is not a BRIN code (two digits and two letters, such as 12AB)")
            }
        }
    }
}

/// A school's name: trimmed, 1 to 120 characters, no control characters. Markup is allowed
/// as text (pages escape it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchoolName(String);

impl SchoolName {
    pub const MAX_CHARS: usize = 120;

    pub fn parse(input: &str) -> Result<SchoolName, SchoolInputError> {
        let name = input.trim();
        if name.is_empty() {
            return Err(SchoolInputError::NameEmpty);
        }
        if name.chars().any(char::is_control) {
            return Err(SchoolInputError::NameControlCharacters);
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(SchoolInputError::NameTooLong {
                max: Self::MAX_CHARS,
            });
        }
        Ok(SchoolName(name.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A short, readable name for addresses and the command line, made from the name:
    /// lower-case ASCII letters and digits joined by hyphens (`Het Stedelijk Lyceum` →
    /// `het-stedelijk-lyceum`), at most 40 characters; the store makes it unique.
    pub fn short_name(&self) -> String {
        let short = slug(&self.0, 40);
        if short.is_empty() {
            "school".to_owned()
        } else {
            short
        }
    }
}

impl fmt::Display for SchoolName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The letters of a character without its diacritics, as far as Dutch names need.
fn fold(c: char) -> impl Iterator<Item = char> {
    let folded: &[char] = match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => &['a'],
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => &['e'],
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => &['i'],
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => &['o'],
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => &['u'],
        'ç' | 'Ç' => &['c'],
        'ñ' | 'Ñ' => &['n'],
        'ÿ' | 'ý' => &['y'],
        'ĳ' | 'Ĳ' => &['i', 'j'],
        _ => &[],
    };
    let own = if folded.is_empty() { Some(c) } else { None };
    folded.iter().copied().chain(own)
}

/// A sector of education.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Sector {
    /// Voortgezet onderwijs (secondary education).
    Vo,
    /// Middelbaar beroepsonderwijs (vocational education).
    Mbo,
    /// Hoger beroepsonderwijs (higher professional education).
    Hbo,
}

impl Sector {
    pub const ALL: [Sector; 3] = [Sector::Vo, Sector::Mbo, Sector::Hbo];

    pub const fn code(self) -> &'static str {
        match self {
            Sector::Vo => "vo",
            Sector::Mbo => "mbo",
            Sector::Hbo => "hbo",
        }
    }

    pub fn parse(input: &str) -> Result<Sector, SchoolInputError> {
        let code = input.trim().to_ascii_lowercase();
        Sector::ALL
            .into_iter()
            .find(|s| s.code() == code)
            .ok_or_else(|| SchoolInputError::UnknownSector(input.trim().to_owned()))
    }
}

/// The sectors a school works in: at least one, each once, in canonical order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sectors(Vec<Sector>);

impl Sectors {
    pub fn new(sectors: impl IntoIterator<Item = Sector>) -> Result<Sectors, SchoolInputError> {
        let mut list: Vec<Sector> = sectors.into_iter().collect();
        list.sort();
        list.dedup();
        if list.is_empty() {
            return Err(SchoolInputError::NoSector);
        }
        Ok(Sectors(list))
    }

    /// Parses `vo,mbo` (commas or spaces between).
    pub fn parse(input: &str) -> Result<Sectors, SchoolInputError> {
        let parsed = input
            .split([',', ' '])
            .filter(|s| !s.trim().is_empty())
            .map(Sector::parse)
            .collect::<Result<Vec<_>, _>>()?;
        Sectors::new(parsed)
    }

    pub fn contains(&self, sector: Sector) -> bool {
        self.0.contains(&sector)
    }

    pub fn as_slice(&self) -> &[Sector] {
        &self.0
    }
}

impl fmt::Display for Sectors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = self.0.iter().map(|s| s.code()).collect();
        f.write_str(&codes.join(","))
    }
}

/// The number of students (leerlingen or studenten) a school has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Students(u32);

/// `1.250`, `1 250` and `1,250` as people write thousands, without the separator; anything
/// else as it is (so `1.5` stays and is not a number of students).
fn without_thousands_separators(input: &str) -> String {
    for separator in ['.', ' ', '\u{a0}', ','] {
        let groups: Vec<&str> = input.split(separator).collect();
        if groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && groups[1..].iter().all(|g| g.len() == 3)
        {
            return groups.concat();
        }
    }
    input.to_owned()
}

impl Students {
    pub const MIN: u32 = 1;
    /// More than the largest Dutch institution has.
    pub const MAX: u32 = 100_000;

    pub fn new(n: u32) -> Result<Students, SchoolInputError> {
        if (Self::MIN..=Self::MAX).contains(&n) {
            Ok(Students(n))
        } else {
            Err(SchoolInputError::StudentsOutOfRange {
                min: Self::MIN,
                max: Self::MAX,
            })
        }
    }

    pub fn parse(input: &str) -> Result<Students, SchoolInputError> {
        let trimmed = input.trim();
        if trimmed.starts_with('-')
            && trimmed[1..].bytes().all(|b| b.is_ascii_digit())
            && trimmed.len() > 1
        {
            return Err(SchoolInputError::StudentsOutOfRange {
                min: Self::MIN,
                max: Self::MAX,
            });
        }
        let n: u64 = without_thousands_separators(trimmed)
            .parse()
            .map_err(|_| SchoolInputError::StudentsNotANumber(trimmed.to_owned()))?;
        let n = u32::try_from(n).map_err(|_| SchoolInputError::StudentsOutOfRange {
            min: Self::MIN,
            max: Self::MAX,
        })?;
        Students::new(n)
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// A school's region: one of the twelve provinces, or Caribisch Nederland.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Groningen,
    Fryslan,
    Drenthe,
    Overijssel,
    Flevoland,
    Gelderland,
    Utrecht,
    NoordHolland,
    ZuidHolland,
    Zeeland,
    NoordBrabant,
    Limburg,
    CaribischNederland,
}

impl Region {
    pub const ALL: [Region; 13] = [
        Region::Groningen,
        Region::Fryslan,
        Region::Drenthe,
        Region::Overijssel,
        Region::Flevoland,
        Region::Gelderland,
        Region::Utrecht,
        Region::NoordHolland,
        Region::ZuidHolland,
        Region::Zeeland,
        Region::NoordBrabant,
        Region::Limburg,
        Region::CaribischNederland,
    ];

    /// The stable code stored in the database.
    pub const fn code(self) -> &'static str {
        match self {
            Region::Groningen => "GR",
            Region::Fryslan => "FR",
            Region::Drenthe => "DR",
            Region::Overijssel => "OV",
            Region::Flevoland => "FL",
            Region::Gelderland => "GE",
            Region::Utrecht => "UT",
            Region::NoordHolland => "NH",
            Region::ZuidHolland => "ZH",
            Region::Zeeland => "ZE",
            Region::NoordBrabant => "NB",
            Region::Limburg => "LI",
            Region::CaribischNederland => "CN",
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Region::Groningen, _) => "Groningen",
            (Region::Fryslan, Lang::Nl) => "Fryslân",
            (Region::Fryslan, Lang::En) => "Friesland",
            (Region::Drenthe, _) => "Drenthe",
            (Region::Overijssel, _) => "Overijssel",
            (Region::Flevoland, _) => "Flevoland",
            (Region::Gelderland, _) => "Gelderland",
            (Region::Utrecht, _) => "Utrecht",
            (Region::NoordHolland, Lang::Nl) => "Noord-Holland",
            (Region::NoordHolland, Lang::En) => "North Holland",
            (Region::ZuidHolland, Lang::Nl) => "Zuid-Holland",
            (Region::ZuidHolland, Lang::En) => "South Holland",
            (Region::Zeeland, _) => "Zeeland",
            (Region::NoordBrabant, Lang::Nl) => "Noord-Brabant",
            (Region::NoordBrabant, Lang::En) => "North Brabant",
            (Region::Limburg, _) => "Limburg",
            (Region::CaribischNederland, Lang::Nl) => "Caribisch Nederland",
            (Region::CaribischNederland, Lang::En) => "Caribbean Netherlands",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Parses a code or a name in either language, ignoring case, diacritics, spaces and
    /// hyphens (`noord-holland`, `Noord Holland`, `NH`, `fryslan`, `Friesland`).
    pub fn parse(input: &str) -> Result<Region, SchoolInputError> {
        let key = |s: &str| -> String {
            s.chars()
                .flat_map(fold)
                .filter(char::is_ascii_alphanumeric)
                .map(|c| c.to_ascii_lowercase())
                .collect()
        };
        let wanted = key(input);
        Region::ALL
            .into_iter()
            .find(|r| {
                key(r.code()) == wanted || Lang::ALL.into_iter().any(|l| key(r.name(l)) == wanted)
            })
            .ok_or_else(|| SchoolInputError::UnknownRegion(input.trim().to_owned()))
    }
}

/// A BRIN code (the institution number the Dutch education ministry gives): two digits and
/// two letters, such as `12AB`; stored in upper case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brin(String);

impl Brin {
    pub fn parse(input: &str) -> Result<Brin, SchoolInputError> {
        let code = input.trim().to_ascii_uppercase();
        let b = code.as_bytes();
        let ok = b.len() == 4
            && b[..2].iter().all(u8::is_ascii_digit)
            && b[2..].iter().all(u8::is_ascii_uppercase);
        if ok {
            Ok(Brin(code))
        } else {
            Err(SchoolInputError::InvalidBrin(input.trim().to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What it takes to create a school: every field already valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSchool {
    pub name: SchoolName,
    pub sectors: Sectors,
    pub students: Students,
    pub region: Region,
    pub brin: Option<Brin>,
}

/// A school's identity: random, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolId(pub uuid::Uuid);

impl fmt::Display for SchoolId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A stored school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct School {
    pub id: SchoolId,
    /// Unique among all schools; used in addresses and on the command line.
    pub short_name: String,
    pub name: SchoolName,
    pub sectors: Sectors,
    pub students: Students,
    pub region: Region,
    pub brin: Option<Brin>,
}

/// Text as a part of an address or a file name: lower-case ASCII letters and digits joined
/// by single hyphens, accents folded (`Coördinator 2027` → `coordinator-2027`), at most `max`
/// characters, never starting or ending with a hyphen; empty when nothing is left.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(fold) {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut short: String = out.chars().take(max).collect();
    while short.ends_with('-') {
        short.pop();
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            SchoolName::parse("  Het Lyceum ").map(|n| n.to_string()),
            Ok("Het Lyceum".into())
        );
        assert_eq!(SchoolName::parse("   "), Err(SchoolInputError::NameEmpty));
        assert_eq!(
            SchoolName::parse("a\u{7}b"),
            Err(SchoolInputError::NameControlCharacters)
        );
        assert_eq!(
            SchoolName::parse("line\nbreak"),
            Err(SchoolInputError::NameControlCharacters)
        );
        assert_eq!(
            SchoolName::parse(&"x".repeat(121)),
            Err(SchoolInputError::NameTooLong { max: 120 })
        );
        assert!(
            SchoolName::parse(&"é".repeat(120)).is_ok(),
            "characters, not bytes"
        );
        assert!(
            SchoolName::parse("<b>Markup</b> & co").is_ok(),
            "markup is text"
        );
    }

    #[test]
    fn short_names_are_readable_slugs() {
        let short = |n: &str| SchoolName::parse(n).expect("valid").short_name();
        assert_eq!(short("Het Stedelijk Lyceum"), "het-stedelijk-lyceum");
        assert_eq!(
            short("Cöllege Zuid-Oost (vmbo/havo)"),
            "college-zuid-oost-vmbo-havo"
        );
        assert_eq!(short("IJsselcollege"), "ijsselcollege");
        assert_eq!(short("Ĳsselcollege"), "ijsselcollege");
        assert_eq!(short("!!!"), "school");
        assert_eq!(short("学校"), "school");
        let long = short(&"Scholengemeenschap ".repeat(5));
        assert!(long.len() <= 40 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn sectors_are_a_set_of_known_codes() {
        assert_eq!(
            Sectors::parse("mbo, vo,MBO").map(|s| s.to_string()),
            Ok("vo,mbo".into())
        );
        assert_eq!(Sectors::parse(""), Err(SchoolInputError::NoSector));
        assert_eq!(
            Sectors::parse("vo,wo"),
            Err(SchoolInputError::UnknownSector("wo".into()))
        );
    }

    #[test]
    fn student_numbers_must_be_plausible() {
        assert_eq!(Students::parse("600").map(Students::get), Ok(600));
        // Thousands as people write them.
        for written in ["1.250", "1 250", "1,250", " 1.250 "] {
            assert_eq!(
                Students::parse(written).map(Students::get),
                Ok(1250),
                "{written}"
            );
        }
        assert_eq!(Students::parse("12.500").map(Students::get), Ok(12500));
        for not_a_count in ["1.5", "1.25", "1.2500", "1..250", "1.250,5", ".250"] {
            assert!(
                matches!(
                    Students::parse(not_a_count),
                    Err(SchoolInputError::StudentsNotANumber(_))
                ),
                "{not_a_count}"
            );
        }
        let range = SchoolInputError::StudentsOutOfRange {
            min: 1,
            max: 100_000,
        };
        assert_eq!(Students::parse("0"), Err(range.clone()));
        assert_eq!(Students::parse("-5"), Err(range.clone()));
        assert_eq!(Students::parse("100001"), Err(range.clone()));
        assert_eq!(Students::parse("99999999999999"), Err(range));
        assert_eq!(
            Students::parse("zes"),
            Err(SchoolInputError::StudentsNotANumber("zes".into()))
        );
        assert_eq!(
            Students::parse("1e3"),
            Err(SchoolInputError::StudentsNotANumber("1e3".into()))
        );
    }

    #[test]
    fn regions_parse_from_codes_and_names_in_both_languages() {
        for region in Region::ALL {
            assert_eq!(Region::parse(region.code()), Ok(region));
            assert_eq!(Region::from_code(region.code()), Some(region));
            for lang in Lang::ALL {
                assert_eq!(Region::parse(region.name(lang)), Ok(region));
            }
        }
        assert_eq!(Region::parse("noord holland"), Ok(Region::NoordHolland));
        assert_eq!(Region::parse("fryslan"), Ok(Region::Fryslan));
        assert_eq!(Region::parse("Friesland"), Ok(Region::Fryslan));
        assert_eq!(
            Region::parse("Bayern"),
            Err(SchoolInputError::UnknownRegion("Bayern".into()))
        );
        assert!(Region::parse("").is_err());
    }

    #[test]
    fn brin_codes_are_two_digits_and_two_letters() {
        assert_eq!(
            Brin::parse(" 12ab ").map(|b| b.as_str().to_owned()),
            Ok("12AB".into())
        );
        for bad in ["12A", "AB12", "12ABC", "1234", "", "12Ä1"] {
            assert!(Brin::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        let errors = [
            SchoolInputError::NameEmpty,
            SchoolInputError::NameTooLong { max: 1 },
            SchoolInputError::NameControlCharacters,
            SchoolInputError::NoSector,
            SchoolInputError::UnknownSector("x".into()),
            SchoolInputError::StudentsOutOfRange { min: 1, max: 2 },
            SchoolInputError::StudentsNotANumber("x".into()),
            SchoolInputError::UnknownRegion("x".into()),
            SchoolInputError::InvalidBrin("x".into()),
        ];
        for error in errors {
            let (nl, en) = (error.message(Lang::Nl), error.message(Lang::En));
            assert!(!nl.is_empty() && !en.is_empty());
            assert_ne!(nl, en, "{error:?}");
        }
        assert!(
            SchoolInputError::UnknownRegion("x".into())
                .message(Lang::Nl)
                .contains("Fryslân")
        );
    }

    #[test]
    fn slugs_fold_accents_and_join_words_with_one_hyphen() {
        assert_eq!(
            slug("Overzicht: Coördinator — voorjaar 2027!", 60),
            "overzicht-coordinator-voorjaar-2027"
        );
        assert_eq!(slug("  Mark de Vries  ", 60), "mark-de-vries");
        assert_eq!(slug("abc def", 4), "abc");
        assert_eq!(slug("???", 10), "");
    }
}
