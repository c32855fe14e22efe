//! A round's team picture, for the whole team or one team (`?team=ID`): an overview per role
//! and area, the bars per role and area with their numbers, where the team is most divided,
//! what most want to develop, tasks beside the allocation, and the previous round beside
//! this one. Every figure comes from `domain::picture` under the group rule; where a role is
//! hidden the page says *te weinig deelnemers*, which is not the same as no answers.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::picture::overview;
use domain::scan::{Choice, ScaleLabels};
use domain::{Area, Edition, Kind, Lang};
use store::{PictureInput, Round};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::chart::{Bar, area_bars, legend, steps};
use crate::ui::dates::this_year;
use crate::ui::rounds::load_round;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

/// One area of a role: its two bars, as the chart partial reads them.
#[derive(Debug)]
pub struct AreaChart {
    pub id: String,
    pub name: String,
    pub summary: String,
    pub bars: Vec<Bar>,
}

#[derive(Debug)]
pub struct RoleView {
    pub name: String,
    pub shown: bool,
    pub contributors: String,
    pub areas: Vec<AreaChart>,
}

/// A role and area with its share in the previous round and in this one, in words.
pub type CompareRow = (String, String, String, String);

/// A statement in a list: code, text, and what is said of it.
#[derive(Debug)]
pub struct StatementNote {
    pub code: String,
    pub text: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "team/picture.html")]
pub struct PictureView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub round_name: String,
    pub round_href: String,
    pub action: String,
    pub threshold: u32,
    /// Whole team and teams: value, name, chosen.
    pub groups: Vec<(String, String, bool)>,
    pub group_name: String,
    pub group_param: &'static str,
    /// The overview: per role its name and per area a cell in words; then the shown roles
    /// together.
    pub areas: Vec<String>,
    pub overview: Vec<(String, Vec<String>)>,
    pub overview_total: Vec<String>,
    pub roles: Vec<RoleView>,
    pub divided: Vec<StatementNote>,
    pub wanted: Vec<StatementNote>,
    pub beside: Vec<StatementNote>,
    /// The previous round's name and, per role and area, its share and this round's.
    pub compare: Option<(String, Vec<CompareRow>)>,
    pub legend: Vec<(&'static str, String)>,
    pub task_header: Vec<String>,
    pub expertise_header: Vec<String>,
    pub nothing_shown: bool,
    pub teams_href: Option<String>,
    pub meetings_href: String,
}

fn group_param(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "team",
        Lang::En => "team",
    }
}

/// A share in words: `12 van 30` (or *te weinig deelnemers*).
fn share(cell: Option<(usize, usize)>, lang: Lang) -> String {
    let t = Tr(lang);
    match cell {
        Some((yes, all)) => t.args(
            "picture-share",
            &[("yes", &yes.to_string()), ("all", &all.to_string())],
        ),
        None => t.get("picture-too-few"),
    }
}

/// The words for a statement's counts: `3 doe ik, 2 wil ik oppakken, 1 open`.
fn counts_text(tally: &domain::scan::Tally, kind: Kind, scale: &ScaleLabels, lang: Lang) -> String {
    let mut parts: Vec<String> = Choice::ALL
        .into_iter()
        .filter(|c| tally.count(*c) > 0)
        .map(|c| format!("{} {}", tally.count(c), scale.label(kind, c, lang)))
        .collect();
    if tally.open > 0 {
        parts.push(format!("{} {}", tally.open, Tr(lang).get("picture-open")));
    }
    parts.join(", ")
}

/// The round just before `round`, if any.
fn previous<'r>(rounds: &'r [Round], round: &Round) -> Option<&'r Round> {
    rounds
        .iter()
        .filter(|r| r.created_at < round.created_at)
        .max_by_key(|r| r.created_at)
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let school = working.school().id;
    let Some(input) = app.store.picture_input(school, round.id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let chosen = query
        .get(group_param(lang))
        .and_then(|v| Uuid::parse_str(v).ok())
        .and_then(|id| input.teams.iter().position(|t| t.id == id));
    let view = view(&app, lang, &working, &round, &edition, &input, chosen).await?;
    respond_private(&view, lang, StatusCode::OK)
}

#[allow(clippy::too_many_arguments)]
async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    round: &Round,
    edition: &Edition,
    input: &PictureInput,
    which: Option<usize>,
) -> Result<PictureView, AppError> {
    let t = Tr(lang);
    let school = working.school().id;
    let short = working.school().short_name.clone();
    let scale = app.store.scale_labels(school).await?;
    let now = input.picture(edition, which);
    let page = Page::TeamPicture(short.clone(), round.id);
    let role_name = |r: domain::Role| edition.role(r).name.get(lang).to_owned();
    let o = overview(&now, edition);
    let roles = now
        .roles
        .iter()
        .map(|r| RoleView {
            name: role_name(r.role),
            shown: r.shown,
            contributors: if r.shown {
                t.count("picture-contributors", r.contributors)
            } else {
                t.get("picture-too-few")
            },
            areas: if r.shown {
                Area::ALL
                    .into_iter()
                    .map(|area| {
                        let (bars, summary) = area_bars(
                            |kind| r.area(edition, area, kind).unwrap_or_default(),
                            &scale,
                            lang,
                        );
                        AreaChart {
                            id: format!("team-{}-{}", r.role.code(), area.code()).to_lowercase(),
                            name: edition.area(area).name.get(lang).to_owned(),
                            summary,
                            bars,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let note = |line: &domain::picture::Line<'_>, extra: String| StatementNote {
        code: line.statement.code.to_string(),
        text: line.statement.text.shown(lang).to_owned(),
        note: extra,
    };
    let divided = now
        .divided(edition, 10)
        .iter()
        .map(|l| note(l, counts_text(&l.counts, l.statement.kind, &scale, lang)))
        .collect();
    let wanted = now
        .wanted(edition, 10)
        .iter()
        .map(|l| {
            note(
                l,
                t.args(
                    "picture-wanted-count",
                    &[
                        ("n", &l.counts.count(Choice::Develop).to_string()),
                        ("all", &l.counts.total().to_string()),
                        ("step", scale.label(l.statement.kind, Choice::Develop, lang)),
                    ],
                ),
            )
        })
        .collect();
    let allocation = app.store.allocation(school, this_year()).await?;
    let beside = now
        .beside_allocation(edition, &allocation.assignments)
        .iter()
        .map(|(l, many)| {
            let doing = l.counts.count(Choice::Yes) + l.counts.count(Choice::Partly);
            note(
                l,
                if *many {
                    t.with("picture-beside-many", "n", doing)
                } else if doing > 0 {
                    t.with("picture-beside-some", "n", doing)
                } else {
                    t.get("picture-beside-none")
                },
            )
        })
        .collect();
    // The previous round beside this one, for the same group, where both are shown.
    let rounds = app.store.rounds(school).await?;
    let mut compare = None;
    if let Some(before) = previous(&rounds, round)
        && let (Some(input_before), Some(edition_before)) = (
            app.store.picture_input(school, before.id).await?,
            crate::ui::rounds::edition_of_round(app, school, before.id).await?,
        )
    {
        let same_team = which.and_then(|i| input.teams.get(i)).map(|t| t.id);
        let which_before = match same_team {
            Some(id) => input_before.teams.iter().position(|t| t.id == id),
            None => None,
        };
        if same_team.is_none() || which_before.is_some() {
            let then = overview(
                &input_before.picture(&edition_before, which_before),
                &edition_before,
            );
            let mut rows = Vec::new();
            for ((role, cells_now), (_, cells_then)) in o.rows.iter().zip(&then.rows) {
                for ((area, now_cell), then_cell) in Area::ALL.iter().zip(cells_now).zip(cells_then)
                {
                    if let (Some(n), Some(b)) = (now_cell, then_cell) {
                        rows.push((
                            role_name(*role),
                            edition.area(*area).name.get(lang).to_owned(),
                            share(Some(*b), lang),
                            share(Some(*n), lang),
                        ));
                    }
                }
            }
            compare = Some((before.name.to_string(), rows));
        }
    }
    let mut groups = vec![(String::new(), t.get("picture-whole-team"), which.is_none())];
    groups.extend(
        input
            .teams
            .iter()
            .enumerate()
            .map(|(i, team)| (team.id.to_string(), team.name.clone(), which == Some(i))),
    );
    let group_name = which
        .and_then(|i| input.teams.get(i))
        .map_or_else(|| t.get("picture-whole-team"), |team| team.name.clone());
    Ok(PictureView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("picture-title", "round", round.name.as_str()),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Rounds(short.clone())),
        round_name: round.name.to_string(),
        round_href: Page::Round(short.clone(), round.id).path(lang),
        action: page.path(lang),
        threshold: now.threshold.get(),
        groups,
        group_name,
        group_param: group_param(lang),
        areas: Area::ALL
            .iter()
            .map(|a| edition.area(*a).name.get(lang).to_owned())
            .collect(),
        overview: o
            .rows
            .iter()
            .map(|(role, cells)| {
                (
                    role_name(*role),
                    cells.iter().map(|c| share(*c, lang)).collect(),
                )
            })
            .collect(),
        overview_total: o.total.iter().map(|c| share(*c, lang)).collect(),
        nothing_shown: now.roles.iter().all(|r| !r.shown),
        roles,
        divided,
        wanted,
        beside,
        compare,
        legend: legend(&scale, lang),
        task_header: steps(&scale, Kind::Task, lang),
        expertise_header: steps(&scale, Kind::Expertise, lang),
        teams_href: working
            .permission()
            .includes(Permission::Coordinator)
            .then(|| Page::Teams(short.clone()).path(lang)),
        meetings_href: Page::Meetings(short).path(lang),
        t,
    })
}
