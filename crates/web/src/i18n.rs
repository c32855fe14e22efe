//! The user interface's words, in Fluent files per language (`locales/`), embedded at
//! compile time. Dutch is the fallback.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use domain::Lang;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "nl-NL",
        // Isolation marks would end up in HTML, downloads and test assertions.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDS: LazyLock<[LanguageIdentifier; 2]> = LazyLock::new(|| {
    [
        LanguageIdentifier::from_bytes(b"nl-NL").unwrap_or_default(),
        LanguageIdentifier::from_bytes(b"en-GB").unwrap_or_default(),
    ]
});

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Nl => &IDS[0],
        Lang::En => &IDS[1],
    }
}

/// Every message without arguments, formatted once per language: pages ask for dozens of
/// them per request, and a map lookup costs far less than formatting each time.
static PLAIN: LazyLock<[HashMap<&'static str, String>; 2]> = LazyLock::new(|| {
    let keys: Vec<&'static str> = include_str!("../locales/nl-NL/main.ftl")
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim()))
        .collect();
    Lang::ALL.map(|lang| {
        keys.iter()
            .filter_map(|key| Some((*key, LOCALES.try_lookup(id(lang), key)?)))
            .collect()
    })
});

/// The words of one language, handed to every template.
#[derive(Clone, Copy, Debug)]
pub struct Tr(pub Lang);

impl Tr {
    /// The message `key`; the key itself if it is missing (a test proves none is).
    pub fn get(&self, key: &str) -> String {
        let plain = match self.0 {
            Lang::Nl => &PLAIN[0],
            Lang::En => &PLAIN[1],
        };
        match plain.get(key) {
            Some(message) => message.clone(),
            None => LOCALES
                .try_lookup(id(self.0), key)
                .unwrap_or_else(|| key.to_owned()),
        }
    }

    /// The message `key` without arguments, borrowed (what templates show): no allocation.
    pub fn text<'a>(&self, key: &'a str) -> &'a str {
        let plain = match self.0 {
            Lang::Nl => &PLAIN[0],
            Lang::En => &PLAIN[1],
        };
        plain.get(key).map_or(key, String::as_str)
    }

    /// The message `key` with one named argument.
    pub fn with(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        let mut args = HashMap::new();
        args.insert(
            Cow::Owned(name.to_owned()),
            FluentValue::from(value.to_string()),
        );
        LOCALES
            .try_lookup_with_args(id(self.0), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with several named arguments.
    pub fn args(&self, key: &str, values: &[(&str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = values
            .iter()
            .map(|(name, value)| (Cow::Owned((*name).to_owned()), FluentValue::from(*value)))
            .collect();
        LOCALES
            .try_lookup_with_args(id(self.0), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message `key` with a number, for plural forms.
    pub fn count(&self, key: &str, n: usize) -> String {
        let mut args = HashMap::new();
        args.insert(Cow::Borrowed("n"), FluentValue::from(n));
        LOCALES
            .try_lookup_with_args(id(self.0), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }
}

/// The language a visitor prefers, as remembered in the `lang` cookie.
pub fn cookie_lang(headers: &HeaderMap) -> Option<Lang> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| pair.trim().strip_prefix("lang=").and_then(Lang::from_code))
}

/// The language remembered in the cookie, else the browser's preference, else Dutch.
pub fn preferred(headers: &HeaderMap) -> Lang {
    cookie_lang(headers)
        .or_else(|| {
            headers
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::negotiate)
        })
        .unwrap_or(Lang::Nl)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    fn keys(file: &str) -> BTreeSet<String> {
        file.lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
            .collect()
    }

    #[test]
    fn remembered_messages_are_what_fluent_formats() {
        for lang in Lang::ALL {
            for key in keys(include_str!("../locales/nl-NL/main.ftl")) {
                if let Some(formatted) = LOCALES.try_lookup(id(lang), &key) {
                    assert_eq!(Tr(lang).get(&key), formatted, "{key}");
                }
            }
        }
        assert_eq!(Tr(Lang::En).get("nav-account"), "Account");
        assert_eq!(Tr(Lang::Nl).get("no-such-message"), "no-such-message");
        assert_eq!(
            Tr(Lang::Nl).text("nav-account"),
            Tr(Lang::Nl).get("nav-account")
        );
        assert_eq!(Tr(Lang::En).text("no-such-message"), "no-such-message");
    }

    #[test]
    fn both_languages_have_the_same_messages() {
        let nl = keys(include_str!("../locales/nl-NL/main.ftl"));
        let en = keys(include_str!("../locales/en-GB/main.ftl"));
        assert!(!nl.is_empty());
        assert_eq!(
            nl.difference(&en).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in English"
        );
        assert_eq!(
            en.difference(&nl).collect::<Vec<_>>(),
            Vec::<&String>::new(),
            "missing in Dutch"
        );
    }

    #[test]
    fn every_message_the_code_uses_exists() {
        let nl = keys(include_str!("../locales/nl-NL/main.ftl"));
        // Every template and every Rust source of this crate, read at test time so that a
        // new file cannot be forgotten.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut sources = Vec::new();
        let mut folders = vec![root.join("templates"), root.join("src")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).expect("readable folder") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    sources.push(std::fs::read_to_string(&path).expect("readable file"));
                }
            }
        }
        let mut used = BTreeSet::new();
        for source in &sources {
            for receiver in ["t.", "Tr(lang)."] {
                for method in ["get(", "text(", "with(", "count(", "args("] {
                    let call = format!("{receiver}{method}");
                    for piece in source.split(&call).skip(1) {
                        if let Some((key, _)) = piece
                            .trim_start()
                            .strip_prefix('"')
                            .and_then(|rest| rest.split_once('"'))
                        {
                            used.insert(key.to_owned());
                        }
                    }
                }
            }
        }
        assert!(used.len() > 20, "found only {used:?}");
        // Keys made at run time: depth labels, kinds of change, file formats.
        used.extend(domain::Depth::ALL.map(|d| format!("depth-{}", d.level())));
        used.extend(domain::Aspect::ALL.map(|a| format!("fw-aspect-{}", a.name())));
        used.extend(formats::exchange::Exchange::ALL.map(|f| format!("fw-format-{}", f.name())));
        let missing: Vec<_> = used.difference(&nl).collect();
        assert!(
            missing.is_empty(),
            "messages used but not defined: {missing:?}"
        );
    }

    #[test]
    fn messages_differ_per_language_and_have_no_isolation_marks() {
        let nl = Tr(Lang::Nl).with("footer-edition", "version", "2026.1");
        let en = Tr(Lang::En).with("footer-edition", "version", "2026.1");
        assert_ne!(nl, en);
        assert!(nl.contains("2026.1") && !nl.contains('\u{2068}'));
        assert_eq!(Tr(Lang::Nl).get("no-such-message"), "no-such-message");
        assert_eq!(
            Tr(Lang::Nl).text("nav-account"),
            Tr(Lang::Nl).get("nav-account")
        );
        assert_eq!(Tr(Lang::En).text("no-such-message"), "no-such-message");
        assert_eq!(Tr(Lang::En).count("statements-count", 1), "1 statement");
        assert_eq!(Tr(Lang::Nl).count("statements-count", 3), "3 uitspraken");
    }

    #[test]
    fn the_language_cookie_is_read_among_others() {
        use axum::http::HeaderValue;
        let mut headers = HeaderMap::new();
        headers.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("a=1; lang=en; b=2"),
        );
        assert_eq!(cookie_lang(&headers), Some(Lang::En));
        headers.insert(
            axum::http::header::COOKIE,
            HeaderValue::from_static("lang=fr"),
        );
        assert_eq!(cookie_lang(&headers), None);
        assert_eq!(cookie_lang(&HeaderMap::new()), None);
    }
}
