//! The two languages the product speaks, and text that exists in both.

use std::fmt;

/// A language of the user interface and of framework texts. Dutch comes first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    /// Every language, Dutch first: the order used wherever languages are listed.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// The two-letter code used in URLs and files (`nl`, `en`).
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `lang` attributes and `Content-Language` (`nl-NL`, `en-GB`).
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::Nl => "nl-NL",
            Lang::En => "en-GB",
        }
    }

    /// Parses a two-letter code, case-insensitively; nothing else is accepted.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    /// The language a visitor asked for in an `Accept-Language` header: the one with the
    /// highest weight among those we speak, the earlier one on equal weight; `None` if the
    /// header names neither.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(Lang, u32)> = None;
        for part in accept_language.split(',') {
            let mut pieces = part.split(';');
            let range = pieces.next().unwrap_or_default().trim();
            let primary = range.split('-').next().unwrap_or_default();
            let Some(lang) = Lang::from_code(primary) else {
                continue;
            };
            let weight = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(parse_weight)
                .unwrap_or(1000);
            if weight > 0 && best.is_none_or(|(_, w)| weight > w) {
                best = Some((lang, weight));
            }
        }
        best.map(|(lang, _)| lang)
    }

    /// The other language: what a language switch offers.
    pub const fn other(self) -> Lang {
        match self {
            Lang::Nl => Lang::En,
            Lang::En => Lang::Nl,
        }
    }
}

/// A quality value (`0.8`) in thousandths, as HTTP defines it (at most three decimals).
fn parse_weight(q: &str) -> Option<u32> {
    let (whole, frac) = q.split_once('.').unwrap_or((q, ""));
    if frac.len() > 3 || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u32 = match whole {
        "0" => 0,
        "1" => 1,
        _ => return None,
    };
    let mut thousandths = 0;
    for (i, digit) in frac.bytes().enumerate() {
        thousandths += u32::from(digit - b'0') * [100, 10, 1][i];
    }
    let value = whole * 1000 + thousandths;
    (value <= 1000).then_some(value)
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in Dutch and English.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Text {
    pub nl: String,
    pub en: String,
}

impl Text {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            nl: nl.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Nl => &self.nl,
            Lang::En => &self.en,
        }
    }

    /// The text in `lang`, or the Dutch text when there is none in `lang` (a school's own
    /// statements need not be translated); see [`Text::falls_back`].
    pub fn shown(&self, lang: Lang) -> &str {
        if self.falls_back(lang) {
            &self.nl
        } else {
            self.get(lang)
        }
    }

    /// Whether [`Text::shown`] gives the Dutch text in place of one in `lang`.
    pub fn falls_back(&self, lang: Lang) -> bool {
        lang != Lang::Nl && self.get(lang).trim().is_empty()
    }

    /// The languages in which this text is missing (empty or only white space).
    pub fn missing(&self) -> impl Iterator<Item = Lang> + '_ {
        Lang::ALL
            .into_iter()
            .filter(|lang| self.get(*lang).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
        assert_eq!(Lang::from_code(""), None);
    }

    #[test]
    fn negotiation_follows_weights() {
        assert_eq!(Lang::negotiate("en-US,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::negotiate("nl-BE, en;q=0.5"), Some(Lang::Nl));
        assert_eq!(Lang::negotiate("de, en;q=0.3, nl;q=0.7"), Some(Lang::Nl));
        assert_eq!(Lang::negotiate("en;q=0.7, nl;q=0.7"), Some(Lang::En));
        assert_eq!(Lang::negotiate("fr, de"), None);
        assert_eq!(Lang::negotiate("en;q=0, nl;q=0"), None);
        assert_eq!(Lang::negotiate(""), None);
        assert_eq!(Lang::negotiate("en;q=abc"), Some(Lang::En));
        assert_eq!(Lang::negotiate("*"), None);
    }

    #[test]
    fn missing_text_is_found_per_language() {
        let text = Text::new("Kent de visie.", "  ");
        assert_eq!(text.missing().collect::<Vec<_>>(), vec![Lang::En]);
        assert_eq!(text.get(Lang::Nl), "Kent de visie.");
        assert_eq!(Text::default().missing().count(), 2);
    }
}
