//! One theme across the roles, side by side, so the difference in depth shows.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::{Lang, Role, Theme};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, StatementView, respond};

#[derive(Template)]
#[template(path = "public/theme.html")]
pub struct ThemeView {
    pub chrome: Chrome,
    pub t: Tr,
    pub name: String,
    pub description: String,
    pub themes_href: String,
    pub columns: Vec<RoleColumn>,
}

crate::ui::respond::public_view!(ThemeView);

#[derive(Debug)]
pub struct RoleColumn {
    pub name: String,
    pub href: String,
    pub statements: Vec<StatementView>,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    code: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let edition = &app.edition();
    let code = code.map(|Path(c)| c).unwrap_or_default();
    let Some(theme) = edition.theme(&code) else {
        return Err(AppError::NotFound(lang));
    };
    let page = Page::Theme(theme.code.clone());
    respond(&app, &page, lang, &headers, || view(&app, lang, theme)).await
}

fn view(app: &AppState, lang: Lang, theme: &Theme) -> ThemeView {
    let edition = &app.edition();
    let page = Page::Theme(theme.code.clone());
    let members = edition.theme_statements(&theme.code);
    let columns = Role::ALL
        .into_iter()
        .map(|role| RoleColumn {
            name: edition.role(role).name.get(lang).to_owned(),
            href: Page::Role { role, area: None }.path(lang),
            statements: members
                .iter()
                .filter(|s| s.role == role)
                .map(|s| StatementView {
                    // The page is the theme: no link to itself on every statement.
                    theme: None,
                    ..StatementView::linked(s, edition, lang)
                })
                .collect(),
        })
        .collect();
    let name = theme.name.get(lang).to_owned();
    ThemeView {
        chrome: Chrome::new(lang, edition, Some(&page), name.clone()),
        t: Tr(lang),
        name,
        description: theme.description.get(lang).to_owned(),
        themes_href: Page::Themes.path(lang),
        columns,
    }
}
