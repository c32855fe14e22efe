//! The parts every page shares: header, navigation, language switch, footer.

use domain::{Edition, Lang};

use crate::assets;
use crate::i18n::Tr;
use crate::routes::Page;

/// The parts every page shares: header, navigation, language switch, footer.
#[derive(Debug)]
pub struct Chrome {
    pub lang: Lang,
    pub title: String,
    pub other_lang: Lang,
    pub switch_href: String,
    /// Fields the language switch posts to `switch_href` (a page that lives on what was
    /// posted, such as the survey's questionnaire for a class code); empty: a plain link.
    pub switch_fields: Vec<(String, String)>,
    pub home_href: String,
    pub sign_in_href: String,
    pub privacy_href: String,
    pub css_href: &'static str,
    /// The small script of conveniences (copy buttons), on the pages that use it; public
    /// pages carry no script at all.
    pub js_href: Option<&'static str>,
    pub nav: Vec<NavLink>,
    pub edition_version: String,
    pub attribution: String,
    /// For a signed-in person on a private page: the link to their schools and account
    /// (instead of "sign in").
    pub signed_in: Option<SignedInLinks>,
}

#[derive(Debug)]
pub struct SignedInLinks {
    pub schools_href: String,
    pub account_href: String,
    pub sign_out_action: String,
}

#[derive(Debug)]
pub struct NavLink {
    pub href: String,
    pub label: String,
    pub current: bool,
}

impl Chrome {
    /// The chrome of a page; `page` is `None` for pages outside the site map (errors), whose
    /// language switch leads to the home page.
    pub fn new(lang: Lang, edition: &Edition, page: Option<&Page>, title: String) -> Chrome {
        let t = Tr(lang);
        let current_role = match page {
            Some(Page::Role { role, .. }) => Some(*role),
            _ => None,
        };
        let mut nav: Vec<NavLink> = edition
            .roles()
            .iter()
            .map(|info| NavLink {
                href: Page::Role {
                    role: info.key,
                    area: None,
                }
                .path(lang),
                label: info.name.get(lang).to_owned(),
                current: current_role == Some(info.key),
            })
            .collect();
        nav.push(NavLink {
            href: Page::Themes.path(lang),
            label: t.get("nav-themes"),
            current: matches!(page, Some(Page::Themes | Page::Theme(_))),
        });
        nav.push(NavLink {
            href: Page::QuickScan.path(lang),
            label: t.get("nav-quick-scan"),
            current: matches!(page, Some(Page::QuickScan)),
        });
        let other = lang.other();
        Chrome {
            lang,
            title,
            other_lang: other,
            switch_href: page.unwrap_or(&Page::Home).path(other),
            switch_fields: Vec::new(),
            home_href: Page::Home.path(lang),
            sign_in_href: Page::SignIn.path(lang),
            privacy_href: Page::Privacy.path(lang),
            css_href: assets::css_href(),
            js_href: None,
            nav,
            edition_version: edition.meta().version.clone(),
            attribution: edition.meta().attribution.get(lang).to_owned(),
            signed_in: None,
        }
    }

    /// The chrome of a private page of a signed-in person.
    pub fn signed_in(mut self) -> Chrome {
        self.set_signed_in();
        self
    }

    /// The language switch keeps what the page shows: `query` (already in the other
    /// language's words) follows the other language's address.
    pub fn with_switch_query(mut self, query: &str) -> Chrome {
        if !query.is_empty() {
            self.switch_href = format!("{}?{query}", self.switch_href);
        }
        self
    }

    /// The page loads the script of small conveniences (it has a link to copy).
    pub fn with_script(mut self) -> Chrome {
        self.js_href = Some(assets::app_js_href());
        self
    }

    pub(crate) fn set_signed_in(&mut self) {
        self.signed_in = Some(SignedInLinks {
            schools_href: Page::Schools.path(self.lang),
            account_href: Page::Account.path(self.lang),
            sign_out_action: Page::SignOut.path(self.lang),
        });
    }
}
