//! Long lists in pages (`?pagina=N`): which part of a list a page shows, and the links to the
//! pages before and after it. Links keep the page's other query values (a search, a year).

use std::ops::Range;

use crate::i18n::Tr;

/// The query value that names the page.
pub const PAGE_PARAM: &str = "pagina";

/// One page of a list of `total` items, `per_page` at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    /// The page shown, from 1.
    pub number: usize,
    pub pages: usize,
    pub total: usize,
    /// The place in the list of the first and last item shown, from 1 (0 and 0 when empty).
    pub first: usize,
    pub last: usize,
    pub previous: Option<String>,
    pub next: Option<String>,
}

impl Paging {
    /// The page `asked` (a query value; anything that is not a page number, or past the end,
    /// gives the nearest page there is). `href(n)` is the address of page `n`.
    pub fn of(
        total: usize,
        per_page: usize,
        asked: Option<&str>,
        href: impl Fn(usize) -> String,
    ) -> Paging {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        let number = asked
            .and_then(|a| a.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        let start = (number - 1) * per_page;
        let end = (start + per_page).min(total);
        Paging {
            number,
            pages,
            total,
            first: if total == 0 { 0 } else { start + 1 },
            last: end,
            previous: (number > 1).then(|| href(number - 1)),
            next: (number < pages).then(|| href(number + 1)),
        }
    }

    /// The items of the list this page shows.
    pub fn range(&self) -> Range<usize> {
        self.first.saturating_sub(1)..self.last
    }

    /// Whether there is more than one page (else the page shows no paging links).
    pub fn several(&self) -> bool {
        self.pages > 1
    }

    /// "51–100 of 120".
    pub fn showing(&self, t: &Tr) -> String {
        let [first, last, total] = [self.first, self.last, self.total].map(|n| n.to_string());
        t.args(
            "paging-showing",
            &[("first", &first), ("last", &last), ("total", &total)],
        )
    }

    /// "Page 2 of 3".
    pub fn where_(&self, t: &Tr) -> String {
        let [page, pages] = [self.number, self.pages].map(|n| n.to_string());
        t.args("paging-page-of", &[("page", &page), ("pages", &pages)])
    }
}

/// Percent-encodes a query value (letters, digits and `-._~` stay as they are).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn href(n: usize) -> String {
        format!("?pagina={n}")
    }

    #[test]
    fn a_page_shows_its_part_and_links_to_its_neighbours() {
        let p = Paging::of(120, 50, Some("2"), href);
        assert_eq!((p.number, p.pages, p.first, p.last), (2, 3, 51, 100));
        assert_eq!(p.range(), 50..100);
        assert_eq!(p.previous.as_deref(), Some("?pagina=1"));
        assert_eq!(p.next.as_deref(), Some("?pagina=3"));
        let last = Paging::of(120, 50, Some("3"), href);
        assert_eq!((last.first, last.last, last.range()), (101, 120, 100..120));
        assert_eq!(last.next, None);
    }

    #[test]
    fn a_page_that_is_not_there_gives_the_nearest_one() {
        assert_eq!(Paging::of(120, 50, Some("99"), href).number, 3);
        assert_eq!(Paging::of(120, 50, Some("0"), href).number, 1);
        assert_eq!(Paging::of(120, 50, Some("-1"), href).number, 1);
        assert_eq!(Paging::of(120, 50, Some("twee"), href).number, 1);
        assert_eq!(Paging::of(120, 50, None, href).number, 1);
    }

    #[test]
    fn a_short_or_empty_list_is_one_page_without_links() {
        let p = Paging::of(50, 50, None, href);
        assert!(!p.several());
        assert_eq!((p.range(), p.previous, p.next), (0..50, None, None));
        let empty = Paging::of(0, 50, Some("3"), href);
        assert_eq!(
            (empty.number, empty.pages, empty.first, empty.last),
            (1, 1, 0, 0)
        );
        assert_eq!(empty.range(), 0..0);
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode("Sint Jan & co"), "Sint%20Jan%20%26%20co");
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
    }
}
