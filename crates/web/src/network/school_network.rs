//! A network as a member school sees it (`?jaar=`): the same figures as the coordinator's, with
//! the school's own value and where it stands beside each, for that school alone; names only
//! where both schools agreed. Coordinators and administrators of a member school.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::network::{MIN_SCHOOLS, Membership, Reader};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::network::network_page::years_around;
use crate::network::view::{FiguresView, figures_view};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{year_of, year_param};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private};
use crate::working::require;

#[derive(Template)]
#[template(path = "network/school_network.html")]
pub struct SchoolNetworkView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub name: String,
    pub kind: String,
    pub back: String,
    pub action: String,
    pub year: String,
    pub year_param: &'static str,
    pub years: Vec<(String, bool)>,
    pub figures: FiguresView,
    pub min: u32,
    pub own_column: bool,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, network_short) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let school = working.school();
    let Some(network) = app
        .store
        .school_networks(school.id)
        .await?
        .into_iter()
        .find(|n| n.network.short_name == network_short && n.state == Membership::Member)
        .map(|n| n.network)
    else {
        return Err(AppError::NotFound(lang));
    };
    let year = year_of(&query, lang);
    let members = app.store.network_figures(network.id, year).await?;
    let Some(me) = members.iter().position(|(m, _)| m.school.id == school.id) else {
        return Err(AppError::NotFound(lang));
    };
    let t = Tr(lang);
    let page = Page::SchoolNetwork(short.clone(), network.short_name.clone());
    let view = SchoolNetworkView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), network.name.to_string())
            .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        name: network.name.to_string(),
        kind: network.kind.name(lang).to_owned(),
        back: Page::SchoolNetworks(short.clone()).path(lang),
        action: page.path(lang),
        year: year.to_string(),
        year_param: year_param(lang),
        years: years_around(year),
        figures: figures_view(&members, Reader::School(me), &app.edition(), lang),
        min: MIN_SCHOOLS,
        own_column: true,
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}
