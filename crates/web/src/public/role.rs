//! A role's page: all four areas, or the one chosen, with tasks and expertise apart.

use askama::Template;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::{Area, Kind, Lang, Role};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, NavLink, RoleLink, StatementView, respond};

#[derive(Template)]
#[template(path = "public/role.html")]
pub struct RoleView {
    pub chrome: Chrome,
    pub t: Tr,
    /// The quick scan for this role.
    pub quick_href: String,
    pub name: String,
    pub description: String,
    pub area_nav: Vec<NavLink>,
    /// The chosen area's name, when one is chosen.
    pub chosen: Option<String>,
    pub sections: Vec<AreaSection>,
    pub other_roles: Vec<RoleLink>,
}

crate::ui::respond::public_view!(RoleView);

#[derive(Debug)]
pub struct AreaSection {
    pub id: &'static str,
    pub name: String,
    pub description: String,
    pub tasks: Vec<StatementView>,
    pub expertise: Vec<StatementView>,
}

/// `/{lang}/{roles}/{role}` and `/{lang}/{roles}/{role}/{area}`.
pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    segments: Result<Path<Vec<String>>, PathRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    // A path that does not decode (e.g. invalid UTF-8) names no page.
    let segments = segments.map(|Path(s)| s).unwrap_or_default();
    let page = match segments.as_slice() {
        [role] => Page::role(lang, role, None),
        [role, area] => Page::role(lang, role, Some(area)),
        _ => None,
    };
    let Some(page @ Page::Role { role, area }) = page else {
        return Err(AppError::NotFound(lang));
    };
    respond(&app, &page, lang, &headers, || view(&app, lang, role, area)).await
}

fn view(app: &AppState, lang: Lang, role: Role, chosen: Option<Area>) -> RoleView {
    let edition = &app.edition();
    let t = Tr(lang);
    let info = edition.role(role);
    let name = info.name.get(lang).to_owned();
    let chosen_name = chosen.map(|a| edition.area(a).name.get(lang).to_owned());
    let title = match &chosen_name {
        Some(area) => format!("{name}: {area}"),
        None => name.clone(),
    };
    let page = Page::Role { role, area: chosen };
    let mut area_nav = vec![NavLink {
        href: Page::Role { role, area: None }.path(lang),
        label: t.get("role-all-areas"),
        current: chosen.is_none(),
    }];
    area_nav.extend(Area::ALL.into_iter().map(|area| {
        NavLink {
            href: Page::Role {
                role,
                area: Some(area),
            }
            .path(lang),
            label: edition.area(area).name.get(lang).to_owned(),
            current: chosen == Some(area),
        }
    }));
    let statements = |area, kind| {
        edition
            .statements_in(role, area, kind)
            .map(|s| StatementView::new(s, edition, lang))
            .collect()
    };
    let sections = Area::ALL
        .into_iter()
        .filter(|a| chosen.is_none_or(|c| c == *a))
        .map(|area| {
            let info = edition.area(area);
            AreaSection {
                id: area.code(),
                name: info.name.get(lang).to_owned(),
                description: info.description.get(lang).to_owned(),
                tasks: statements(area, Kind::Task),
                expertise: statements(area, Kind::Expertise),
            }
        })
        .collect();
    RoleView {
        chrome: Chrome::new(lang, edition, Some(&page), title),
        quick_href: format!("{}?rol={}", Page::QuickScan.path(lang), role.code()),
        t,
        name,
        description: info.description.get(lang).to_owned(),
        area_nav,
        chosen: chosen_name,
        sections,
        other_roles: Role::ALL
            .into_iter()
            .filter(|r| *r != role)
            .map(|r| RoleLink::new(edition, r, lang))
            .collect(),
    }
}
