//! Unit tests of the paths in both languages.

use super::*;

#[test]
fn every_role_page_reads_back_in_both_languages() {
    for lang in Lang::ALL {
        for role in Role::ALL {
            let page = Page::Role { role, area: None };
            assert_eq!(Page::role(lang, role_slug(role, lang), None), Some(page));
            for area in Area::ALL {
                let page = Page::Role {
                    role,
                    area: Some(area),
                };
                let path = page.path(lang);
                let segments: Vec<&str> = path.split('/').collect();
                assert_eq!(segments[1], lang.code());
                assert_eq!(Page::role(lang, segments[3], Some(segments[4])), Some(page));
            }
        }
    }
}

#[test]
fn slugs_of_one_language_are_unknown_in_the_other_where_they_differ() {
    assert_eq!(Page::role(Lang::En, "begeleider", None), None);
    assert_eq!(Page::role(Lang::Nl, "mentor", None), None);
    assert_eq!(Page::role(Lang::En, "mentor", Some("organisatie")), None);
    assert_eq!(
        Page::role(Lang::Nl, "specialist", Some("bestaat-niet")),
        None
    );
}

#[test]
fn paths_are_as_documented() {
    let page = Page::Role {
        role: Role::Mentor,
        area: Some(Area::Organisation),
    };
    assert_eq!(page.path(Lang::Nl), "/nl/rollen/begeleider/organisatie");
    assert_eq!(page.path(Lang::En), "/en/roles/mentor/organisation");
    assert_eq!(Page::Themes.path(Lang::En), "/en/themes");
    assert_eq!(Page::Home.path(Lang::Nl), "/nl/");
    assert_eq!(Page::SignIn.path(Lang::Nl), "/nl/inloggen");
    assert_eq!(Page::SignIn.path(Lang::En), "/en/sign-in");
    assert_eq!(
        Page::SetPassword("ab12".into()).path(Lang::En),
        "/en/set-password/ab12"
    );
}

#[test]
fn the_language_comes_from_the_first_segment() {
    assert_eq!(lang_of_path("/en/roles/x"), Some(Lang::En));
    assert_eq!(lang_of_path("/nl/"), Some(Lang::Nl));
    assert_eq!(lang_of_path("/NL/"), None);
    assert_eq!(lang_of_path("/de/"), None);
    assert_eq!(lang_of_path("/"), None);
}
