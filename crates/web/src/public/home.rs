//! The home page: what the framework and this application are.

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::{Lang, Role};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, RoleLink, respond};

#[derive(Template)]
#[template(path = "public/home.html")]
pub struct HomeView {
    pub chrome: Chrome,
    pub t: Tr,
    pub roles: Vec<RoleLink>,
    pub themes_href: String,
    pub edition_title: String,
    pub edition_description: String,
    pub edition_date: String,
    pub quick_href: String,
    pub sign_in_href: String,
    pub edition_publisher: String,
}

crate::ui::respond::public_view!(HomeView);

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    respond(&app, &Page::Home, lang, &headers, || view(&app, lang)).await
}

fn view(app: &AppState, lang: Lang) -> HomeView {
    let edition = &app.edition();
    let t = Tr(lang);
    let meta = edition.meta();
    HomeView {
        chrome: Chrome::new(
            lang,
            edition,
            Some(&Page::Home),
            meta.title.get(lang).to_owned(),
        ),
        t,
        roles: Role::ALL
            .into_iter()
            .map(|r| RoleLink::new(edition, r, lang))
            .collect(),
        themes_href: Page::Themes.path(lang),
        edition_title: meta.title.get(lang).to_owned(),
        edition_description: meta.description.get(lang).to_owned(),
        edition_date: crate::ui::dates::date_text(meta.date, lang),
        quick_href: Page::QuickScan.path(lang),
        sign_in_href: Page::SignIn.path(lang),
        edition_publisher: meta.publisher.clone(),
    }
}
