//! The index of themes, each with the roles it spans.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond};

#[derive(Template)]
#[template(path = "public/themes.html")]
pub struct ThemesView {
    pub chrome: Chrome,
    pub t: Tr,
    pub themes: Vec<ThemeSummary>,
}

crate::ui::respond::public_view!(ThemesView);

#[derive(Debug)]
pub struct ThemeSummary {
    pub href: String,
    pub name: String,
    pub description: String,
    pub roles: String,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    respond(&app, &Page::Themes, lang, &headers, || view(&app, lang)).await
}

fn view(app: &AppState, lang: Lang) -> ThemesView {
    let edition = &app.edition();
    let t = Tr(lang);
    let mut themes: Vec<ThemeSummary> = edition
        .themes()
        .iter()
        .map(|theme| ThemeSummary {
            href: Page::Theme(theme.code.clone()).path(lang),
            name: theme.name.get(lang).to_owned(),
            description: theme.description.get(lang).to_owned(),
            roles: edition
                .theme_roles(&theme.code)
                .into_iter()
                .map(|r| edition.role(r).name.get(lang).to_owned())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    themes.sort_by_cached_key(|t| t.name.to_lowercase());
    ThemesView {
        chrome: Chrome::new(lang, edition, Some(&Page::Themes), t.get("themes-title")),
        t,
        themes,
    }
}
