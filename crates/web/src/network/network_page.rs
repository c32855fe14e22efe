//! A network as its coordinator sees it (`?jaar=`): the figures of a school year side by side
//! (median and quartiles, never a ranking), the schools' explanations, the schools invited and
//! the members with what each shares; inviting a school by its short name or BRIN code, and
//! withdrawing an invitation it has not answered (POST).

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::allocation::SchoolYear;
use domain::network::{MIN_SCHOOLS, Membership, Reader};
use domain::school::{Brin, School};
use store::{Network, NetworkError};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::network::coordinating;
use crate::network::view::{FiguresView, figures_view};
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{this_year, year_of, year_param};
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::paging::{PAGE_PARAM, Paging, encode};
use crate::ui::{Chrome, respond_private, see_other};

#[derive(Debug)]
pub struct SchoolLine {
    pub name: String,
    pub short: String,
    pub state: String,
    pub invited: bool,
    pub shares: String,
}

#[derive(Template)]
#[template(path = "network/network.html")]
pub struct NetworkView {
    pub chrome: Chrome,
    pub t: Tr,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub name: String,
    pub kind: String,
    pub list_href: String,
    pub action: String,
    pub year: String,
    pub year_param: &'static str,
    pub years: Vec<(String, bool)>,
    pub figures: FiguresView,
    pub min: u32,
    pub own_column: bool,
    /// The schools on this page of the list (invited and members, by name), after the search.
    pub schools: Vec<SchoolLine>,
    /// Whether the network has invited any school at all.
    pub any_school: bool,
    pub search: String,
    pub paging: Paging,
    pub typed_school: String,
    pub report_pdf: String,
    pub report_docx: String,
    pub from_year: String,
}

/// The school years a network page offers: this one and the four before.
pub(crate) fn years_around(chosen: SchoolYear) -> Vec<(String, bool)> {
    let mut year = this_year();
    let mut years = Vec::new();
    for _ in 0..5 {
        years.push((year.to_string(), year == chosen));
        year = year.previous();
    }
    years
}

fn membership_name(state: Membership, lang: Lang) -> String {
    Tr(lang).get(match state {
        Membership::Invited => "network-state-invited",
        Membership::Member => "network-state-member",
        Membership::Left => "network-state-left",
    })
}

/// How many schools one page of the list shows.
const SCHOOLS_PER_PAGE: usize = 50;

/// Which part of the school list a page shows (`?zoek=…&pagina=…`).
#[derive(Debug, Default)]
struct ListQuery {
    search: String,
    page: Option<String>,
}

impl ListQuery {
    fn of(query: &Result<Query<HashMap<String, String>>, QueryRejection>) -> ListQuery {
        let Ok(Query(q)) = query else {
            return ListQuery::default();
        };
        ListQuery {
            search: q
                .get("zoek")
                .map(|s| s.trim().chars().take(60).collect())
                .unwrap_or_default(),
            page: q.get(PAGE_PARAM).cloned(),
        }
    }

    /// Whether a school's name or short name holds the search (any case).
    fn finds(&self, name: &str, short: &str) -> bool {
        let search = self.search.to_lowercase();
        search.is_empty()
            || name.to_lowercase().contains(&search)
            || short.to_lowercase().contains(&search)
    }
}

async fn page(
    app: &AppState,
    lang: Lang,
    network: &Network,
    year: SchoolYear,
    list: &ListQuery,
) -> Result<NetworkView, AppError> {
    let t = Tr(lang);
    let page = Page::Network(network.short_name.clone());
    let all = app.store.network_schools(network.id).await?;
    let listed: Vec<_> = all.iter().filter(|s| s.state != Membership::Left).collect();
    let any_school = !listed.is_empty();
    let found: Vec<_> = listed
        .into_iter()
        .filter(|s| list.finds(&s.school.name.to_string(), &s.school.short_name))
        .collect();
    let action = page.path(lang);
    let search_part = if list.search.is_empty() {
        String::new()
    } else {
        format!("&zoek={}", encode(&list.search))
    };
    let paging = Paging::of(found.len(), SCHOOLS_PER_PAGE, list.page.as_deref(), |n| {
        format!(
            "{action}?{}={year}{search_part}&{PAGE_PARAM}={n}",
            year_param(lang)
        )
    });
    let schools = found[paging.range()]
        .iter()
        .map(|s| SchoolLine {
            name: s.school.name.to_string(),
            short: s.school.short_name.clone(),
            state: membership_name(s.state, lang),
            invited: s.state == Membership::Invited,
            shares: if s.shares.is_empty() {
                t.get("network-shares-nothing")
            } else {
                s.shares
                    .iter()
                    .map(|i| i.name(lang))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        })
        .collect();
    let members = app.store.members_figures(network.id, year, all).await?;
    let figures = figures_view(&members, Reader::Coordinator, &app.edition(), lang);
    let report = |format| Page::NetworkReport(network.short_name.clone(), format).path(lang);
    Ok(NetworkView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), network.name.to_string())
            .signed_in(),
        notice: None,
        refused: None,
        name: network.name.to_string(),
        kind: network.kind.name(lang).to_owned(),
        list_href: Page::Networks.path(lang),
        action,
        year: year.to_string(),
        year_param: year_param(lang),
        years: years_around(year),
        figures,
        min: MIN_SCHOOLS,
        own_column: false,
        schools,
        any_school,
        search: list.search.clone(),
        paging,
        typed_school: String::new(),
        report_pdf: report(DocumentFormat::Pdf),
        report_docx: report(DocumentFormat::Docx),
        from_year: year.previous().to_string(),
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let (_, network) = coordinating(&app, &headers, lang, &short).await?;
    let year = year_of(&query, lang);
    let mut view = page(&app, lang, &network, year, &ListQuery::of(&query)).await?;
    view.notice = done_notice(
        query,
        lang,
        &[
            ("uitgenodigd", "network-invited"),
            ("ingetrokken", "network-withdrawn"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

/// The school a coordinator typed: its short name, or a BRIN code only one school has.
async fn find_school(app: &AppState, typed: &str) -> Result<Option<School>, AppError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if let Some(school) = app.store.school_by_short_name(typed).await? {
        return Ok(Some(school));
    }
    Ok(match Brin::parse(typed) {
        Ok(brin) => match app.store.schools_by_brin(&brin).await?.as_slice() {
            [only] => Some(only.clone()),
            _ => None,
        },
        Err(_) => None,
    })
}

/// `POST`: `stap=uitnodigen` invites the school typed in `school`; `stap=intrekken`
/// withdraws the invitation of the school `school` (a short name).
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let (signed, network) = coordinating(&app, &headers, lang, &short).await?;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let typed = fields.one("school");
    let step = fields.one("stap");
    let done = if step == "intrekken" {
        "ingetrokken"
    } else {
        "uitgenodigd"
    };
    let refusal = match (step, find_school(&app, typed).await?) {
        (_, None) => t.with("network-no-such-school", "school", typed.trim()),
        ("uitnodigen" | "intrekken", Some(school)) => {
            let result = if step == "intrekken" {
                app.store
                    .withdraw_invitation(network.id, signed.user.id, school.id)
                    .await
            } else {
                app.store
                    .invite_school(network.id, signed.user.id, school.id)
                    .await
            };
            match result {
                Ok(()) => {
                    return Ok(see_other(&format!(
                        "{}?klaar={done}",
                        Page::Network(network.short_name.clone()).path(lang)
                    )));
                }
                Err(NetworkError::Membership(e)) => e.message(lang),
                Err(NetworkError::Store(e)) => return Err(e.into()),
                Err(NetworkError::NotAllowed | NetworkError::NotFound) => {
                    return Err(AppError::NotFound(lang));
                }
            }
        }
        (_, Some(_)) => t.get("network-unknown-step"),
    };
    let mut view = page(&app, lang, &network, this_year(), &ListQuery::default()).await?;
    view.refused = Some(refusal);
    view.typed_school = typed.to_owned();
    respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
