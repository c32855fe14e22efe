//! The words of the scale: ours by default, a school's own where it renamed the steps.

use super::{Choice, ScanInputError};
use crate::framework::Kind;
use crate::lang::Lang;

/// The words of the scale, per kind of statement and language. The defaults are ours; a
/// school may rename them (never add or remove steps, so answers stay comparable).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScaleLabels {
    /// `[kind][choice]` → (Dutch, English).
    words: [[(String, String); 4]; 2],
}

impl Default for ScaleLabels {
    fn default() -> Self {
        let pair = |nl: &str, en: &str| (nl.to_owned(), en.to_owned());
        ScaleLabels {
            words: [
                [
                    pair("doe ik", "I do this"),
                    pair("doe ik deels", "I do this in part"),
                    pair("wil ik oppakken", "I want to take this up"),
                    pair("niet mijn taak", "not my task"),
                ],
                [
                    pair("beheers ik", "I master this"),
                    pair("deels", "in part"),
                    pair("wil ik ontwikkelen", "I want to develop this"),
                    pair("niet nodig in mijn rol", "not needed in my role"),
                ],
            ],
        }
    }
}

/// The longest word for a step of the scale, in characters.
pub const LABEL_MAX: usize = 40;

impl ScaleLabels {
    pub fn label(&self, kind: Kind, choice: Choice, lang: Lang) -> &str {
        let (nl, en) = &self.words[kind_index(kind)][choice.index()];
        match lang {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }

    /// The name of a step's word in forms and storage, e.g. `taak.ja.nl`.
    pub fn field(kind: Kind, choice: Choice, lang: Lang) -> String {
        let kind = match kind {
            Kind::Task => "taak",
            Kind::Expertise => "deskundigheid",
        };
        format!("{kind}.{}.{}", choice.code(), lang.code())
    }

    /// Every field, in the order of the settings form.
    pub fn fields() -> Vec<(Kind, Choice, Lang)> {
        let mut all = Vec::new();
        for choice in Choice::ALL {
            for kind in Kind::ALL {
                for lang in Lang::ALL {
                    all.push((kind, choice, lang));
                }
            }
        }
        all
    }

    /// The words a school chose, over our defaults: `(field, text)` pairs; a field left
    /// empty keeps the default. Every problem is returned with its field, and no two steps
    /// of one kind may have the same word in one language.
    pub fn renamed(
        pairs: &[(String, String)],
    ) -> Result<ScaleLabels, Vec<(String, ScanInputError)>> {
        let mut labels = ScaleLabels::default();
        let mut problems = Vec::new();
        for (kind, choice, lang) in ScaleLabels::fields() {
            let field = ScaleLabels::field(kind, choice, lang);
            let Some((_, text)) = pairs.iter().find(|(f, _)| *f == field) else {
                continue;
            };
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            if text.chars().count() > LABEL_MAX {
                problems.push((field, ScanInputError::LabelTooLong { max: LABEL_MAX }));
                continue;
            }
            if text.chars().any(char::is_control) {
                problems.push((field, ScanInputError::NoteControlCharacters));
                continue;
            }
            let slot = &mut labels.words[kind_index(kind)][choice.index()];
            match lang {
                Lang::Nl => slot.0 = text.to_owned(),
                Lang::En => slot.1 = text.to_owned(),
            }
        }
        for (kind, choice, lang) in ScaleLabels::fields() {
            let word = labels.label(kind, choice, lang).to_lowercase();
            let first = Choice::ALL
                .into_iter()
                .find(|c| labels.label(kind, *c, lang).to_lowercase() == word);
            if first != Some(choice) {
                problems.push((
                    ScaleLabels::field(kind, choice, lang),
                    ScanInputError::LabelTwice(word),
                ));
            }
        }
        if problems.is_empty() {
            Ok(labels)
        } else {
            Err(problems)
        }
    }

    /// The words that differ from our defaults, as `(field, text)` pairs (what a school
    /// stores).
    pub fn renamings(&self) -> Vec<(String, String)> {
        let defaults = ScaleLabels::default();
        ScaleLabels::fields()
            .into_iter()
            .filter(|(k, c, l)| self.label(*k, *c, *l) != defaults.label(*k, *c, *l))
            .map(|(k, c, l)| (ScaleLabels::field(k, c, l), self.label(k, c, l).to_owned()))
            .collect()
    }
}

fn kind_index(kind: Kind) -> usize {
    match kind {
        Kind::Task => 0,
        Kind::Expertise => 1,
    }
}
