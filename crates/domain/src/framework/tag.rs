//! Tags on a statement: where a school's own statement comes from or what it is for. Three
//! are known and worded in both languages; a school may also use words of its own.

use std::fmt;

use crate::lang::Lang;

/// The longest tag of a school's own, in characters.
pub const MAX_TAG_CHARS: usize = 40;

/// A statement's tag.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// *regionaal*: tied to the region (its labour market, its schools).
    Regional,
    /// *beroepsspecifiek*: tied to an occupation or sector the school trains for.
    Occupational,
    /// *schoolspecifiek*: tied to this school's own way of working.
    School,
    /// A school's own word, as typed (trimmed).
    Own(String),
}

impl Tag {
    pub const KNOWN: [Tag; 3] = [Tag::Regional, Tag::Occupational, Tag::School];

    /// Reads a tag as written in a file or a form: a known tag by its Dutch or English name
    /// (any case), otherwise a tag of one's own. `None` for an empty or too long tag, or one
    /// with control characters or a comma (which separates tags in a spreadsheet cell).
    pub fn parse(s: &str) -> Option<Tag> {
        let s = s.trim();
        if let Some(known) = Tag::KNOWN.into_iter().find(|t| {
            Lang::ALL
                .into_iter()
                .any(|lang| t.name(lang).eq_ignore_ascii_case(s))
        }) {
            return Some(known);
        }
        let ok = !s.is_empty()
            && s.chars().count() <= MAX_TAG_CHARS
            && !s.chars().any(|c| c.is_control() || c == ',');
        ok.then(|| Tag::Own(s.to_owned()))
    }

    /// The form written to files: the Dutch name for a known tag, the text for one's own.
    pub fn as_str(&self) -> &str {
        self.name(Lang::Nl)
    }

    /// The tag's name in a language (a tag of one's own is the same in both).
    pub fn name(&self, lang: Lang) -> &str {
        match (self, lang) {
            (Tag::Regional, Lang::Nl) => "regionaal",
            (Tag::Regional, Lang::En) => "regional",
            (Tag::Occupational, Lang::Nl) => "beroepsspecifiek",
            (Tag::Occupational, Lang::En) => "occupation-specific",
            (Tag::School, Lang::Nl) => "schoolspecifiek",
            (Tag::School, Lang::En) => "school-specific",
            (Tag::Own(s), _) => s,
        }
    }

    /// Reads a list of tags separated by commas (as in a form field or a spreadsheet cell),
    /// dropping empty entries and repeats; the first entry that is not a tag is returned as
    /// the error.
    pub fn parse_list(s: &str) -> Result<Vec<Tag>, String> {
        let mut tags = Vec::new();
        for part in s.split(',') {
            if part.trim().is_empty() {
                continue;
            }
            let tag = Tag::parse(part).ok_or_else(|| part.trim().to_owned())?;
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        Ok(tags)
    }

    /// Tags as one cell: their file forms separated by `, `.
    pub fn join(tags: &[Tag]) -> String {
        tags.iter().map(Tag::as_str).collect::<Vec<_>>().join(", ")
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_tags_are_read_in_either_language_and_written_in_dutch() {
        for tag in Tag::KNOWN {
            for lang in Lang::ALL {
                assert_eq!(Tag::parse(tag.name(lang)), Some(tag.clone()));
                assert_eq!(
                    Tag::parse(&format!("  {}  ", tag.name(lang).to_uppercase())),
                    Some(tag.clone())
                );
            }
        }
        assert_eq!(Tag::Occupational.as_str(), "beroepsspecifiek");
    }

    #[test]
    fn own_tags_are_kept_as_typed_within_limits() {
        assert_eq!(
            Tag::parse(" Techniek & zorg "),
            Some(Tag::Own("Techniek & zorg".into()))
        );
        assert_eq!(Tag::parse(""), None);
        assert_eq!(Tag::parse("   "), None);
        assert_eq!(Tag::parse("a,b"), None);
        assert_eq!(Tag::parse("regel\nbreuk"), None);
        assert!(Tag::parse(&"x".repeat(MAX_TAG_CHARS)).is_some());
        assert_eq!(Tag::parse(&"x".repeat(MAX_TAG_CHARS + 1)), None);
    }

    #[test]
    fn lists_drop_empties_and_repeats_and_name_the_bad_entry() {
        assert_eq!(
            Tag::parse_list("regionaal, , Regional, eigen"),
            Ok(vec![Tag::Regional, Tag::Own("eigen".into())])
        );
        assert_eq!(Tag::parse_list(""), Ok(vec![]));
        let long = "y".repeat(MAX_TAG_CHARS + 1);
        assert_eq!(
            Tag::parse_list(&format!("regionaal, {long}")),
            Err(long.clone())
        );
        assert_eq!(
            Tag::join(&[Tag::School, Tag::Own("x".into())]),
            "schoolspecifiek, x"
        );
    }
}
