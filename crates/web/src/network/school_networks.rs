//! A school's networks (coordinators read, administrators decide): the invitations to accept
//! or decline; per network it is a member of, what it shares, whether it may be named and its
//! explanation, and leaving; and the school's figures of this school year as they are now,
//! beside what it last shared, with the button that shares them.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::network::{Figure, Indicator, Membership, explanation};
use store::{NetworkError, SchoolNetwork};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::network::view::{part_name, percent};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{day, this_year};
use crate::ui::figures::current;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct Choice {
    pub code: &'static str,
    pub name: String,
    pub checked: bool,
}

#[derive(Debug)]
pub struct NetworkBlock {
    pub short: String,
    pub name: String,
    pub kind: String,
    pub href: String,
    pub invited: bool,
    pub choices: Vec<Choice>,
    pub named: bool,
    pub explanation: String,
    pub shares: String,
}

#[derive(Debug)]
pub struct FigureRow {
    pub indicator: String,
    pub part: String,
    pub now: String,
    pub shared: String,
}

#[derive(Template)]
#[template(path = "network/school_networks.html")]
pub struct SchoolNetworksView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub action: String,
    pub can_decide: bool,
    pub networks: Vec<NetworkBlock>,
    pub year: String,
    pub figures: Vec<FigureRow>,
    pub shared_on: Option<String>,
}

fn block(n: &SchoolNetwork, short: &str, typed: Option<&FormFields>, lang: Lang) -> NetworkBlock {
    let mine = typed.filter(|f| f.one("netwerk") == n.network.short_name);
    NetworkBlock {
        short: n.network.short_name.clone(),
        name: n.network.name.to_string(),
        kind: n.network.kind.name(lang).to_owned(),
        href: Page::SchoolNetwork(short.to_owned(), n.network.short_name.clone()).path(lang),
        invited: n.state == Membership::Invited,
        choices: Indicator::ALL
            .into_iter()
            .map(|i| Choice {
                code: i.code(),
                name: i.name(lang).to_owned(),
                checked: match mine {
                    Some(f) => f.all("deel").any(|c| c == i.code()),
                    None => n.shares.contains(&i),
                },
            })
            .collect(),
        named: mine.map_or(n.named, |f| f.one("noemen") == "ja"),
        explanation: mine.map_or_else(
            || n.explanation.clone().unwrap_or_default(),
            |f| f.one("toelichting").to_owned(),
        ),
        shares: if n.shares.is_empty() {
            Tr(lang).get("network-shares-nothing")
        } else {
            n.shares
                .iter()
                .map(|i| i.name(lang))
                .collect::<Vec<_>>()
                .join(", ")
        },
    }
}

fn figure_rows(now: &[Figure], shared: &[Figure], app: &AppState, lang: Lang) -> Vec<FigureRow> {
    let mut rows = Vec::new();
    for indicator in Indicator::ALL {
        for part in indicator.parts() {
            let of = |list: &[Figure]| {
                list.iter()
                    .find(|f| f.indicator == indicator && f.part == part)
                    .map_or_else(|| "–".to_owned(), |f| percent(f.value))
            };
            rows.push(FigureRow {
                indicator: indicator.name(lang).to_owned(),
                part: part_name(part, &app.edition(), lang),
                now: of(now),
                shared: of(shared),
            });
        }
    }
    rows
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    typed: Option<&FormFields>,
) -> Result<SchoolNetworksView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let page = Page::SchoolNetworks(school.short_name.clone());
    let networks = app.store.school_networks(school.id).await?;
    let year = this_year();
    let member = networks.iter().any(|n| n.state == Membership::Member);
    let (figures, shared_on) = if member {
        let now = current(app, school, year).await?;
        let shared = app.store.shared_figures(school.id, year).await?;
        let rows = figure_rows(
            &now,
            shared.as_ref().map_or(&[], |s| s.figures.as_slice()),
            app,
            lang,
        );
        (rows, shared.map(|s| day(s.shared_at, lang)))
    } else {
        (Vec::new(), None)
    };
    Ok(SchoolNetworksView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("network-school-title"),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        action: page.path(lang),
        can_decide: working.permission() == Permission::Administrator,
        networks: networks
            .iter()
            .map(|n| block(n, &school.short_name, typed, lang))
            .collect(),
        year: year.to_string(),
        figures,
        shared_on,
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
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let mut view = page(&app, lang, &working, None).await?;
    view.notice = done_notice(
        query,
        lang,
        &[
            ("lid", "network-joined"),
            ("afgeslagen", "network-declined"),
            ("verlaten", "network-left"),
            ("gedeeld", "network-sharing-saved"),
            ("kengetallen", "network-figures-shared"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

/// `POST` (administrators): `stap=aannemen|afslaan|verlaten` with `netwerk`; `stap=delen`
/// with `netwerk`, the indicators `deel`, `noemen=ja` and `toelichting`; `stap=kengetallen`
/// shares the school's figures of this school year as they are now.
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school();
    let actor = working.user().id;
    let step = fields.one("stap");
    let network = app
        .store
        .school_networks(school.id)
        .await?
        .into_iter()
        .find(|n| n.network.short_name == fields.one("netwerk"));
    let result: Result<&'static str, String> = match (step, &network) {
        ("kengetallen", _) => {
            let year = this_year();
            let figures = current(&app, school, year).await?;
            store_result(
                app.store
                    .share_figures(school.id, actor, year, &figures)
                    .await,
                "kengetallen",
                lang,
            )?
        }
        (_, None) => Err(t.get("network-not-invited")),
        ("aannemen" | "afslaan", Some(n)) => {
            let accept = step == "aannemen";
            store_result(
                app.store
                    .change_membership(school.id, actor, n.network.id, accept)
                    .await
                    .map(|_| ()),
                if accept { "lid" } else { "afgeslagen" },
                lang,
            )?
        }
        ("verlaten", Some(n)) => {
            if fields.one("bevestig") == "ja" {
                store_result(
                    app.store
                        .change_membership(school.id, actor, n.network.id, false)
                        .await
                        .map(|_| ()),
                    "verlaten",
                    lang,
                )?
            } else {
                Err(t.get("network-leave-confirm-missing"))
            }
        }
        ("delen", Some(n)) => {
            let shares: Vec<Indicator> = fields.all("deel").filter_map(Indicator::parse).collect();
            match explanation(fields.one("toelichting")) {
                Ok(text) => store_result(
                    app.store
                        .set_network_sharing(
                            school.id,
                            actor,
                            n.network.id,
                            &shares,
                            fields.one("noemen") == "ja",
                            text.as_deref(),
                        )
                        .await,
                    "gedeeld",
                    lang,
                )?,
                Err(e) => Err(format!(
                    "{}: {}",
                    t.get("network-explanation"),
                    e.message(lang)
                )),
            }
        }
        _ => Err(t.get("network-unknown-step")),
    };
    match result {
        Ok(done) => Ok(see_other(&format!(
            "{}?klaar={done}",
            Page::SchoolNetworks(school.short_name.clone()).path(lang)
        ))),
        Err(message) => {
            let mut view = page(&app, lang, &working, Some(&fields)).await?;
            view.refused = Some(message);
            respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

/// A store's answer as the form's outcome: done, a refusal in words, or a failure.
fn store_result(
    result: Result<(), NetworkError>,
    done: &'static str,
    lang: Lang,
) -> Result<Result<&'static str, String>, AppError> {
    match result {
        Ok(()) => Ok(Ok(done)),
        Err(NetworkError::Membership(e)) => Ok(Err(e.message(lang))),
        Err(NetworkError::NotFound) => Ok(Err(Tr(lang).get("network-not-invited"))),
        Err(NetworkError::NotAllowed) => Err(AppError::NotFound(lang)),
        Err(NetworkError::Store(e)) => Err(e.into()),
    }
}
