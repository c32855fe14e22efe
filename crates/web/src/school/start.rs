//! A school's start page: what the person can do now (the open round and where their scan
//! stands, colleagues' scans shared with them, their part in *wie doet wat* this school
//! year), then their permission and roles, and where to go.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::allocation::Party;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{date_text, this_year};
use crate::ui::scan_state::state_key;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "school/start.html")]
pub struct SchoolView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub permission: String,
    pub roles: String,
    pub account_href: String,
    pub members_href: Option<String>,
    pub tokens_href: String,
    /// Administrators: how the school's people sign in.
    pub sign_in_href: Option<String>,
    /// A message on arrival (the school was just set up).
    pub notice: Option<String>,
    /// What to do now, each a sentence and where to go.
    pub todo: Vec<(String, String, String)>,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let t = Tr(lang);
    let page = Page::School(short.clone());
    let edition = app.edition();
    let roles: Vec<&str> = working
        .membership()
        .roles
        .as_slice()
        .iter()
        .map(|r| edition.role(*r).name.get(lang))
        .collect();
    let notice = query
        .ok()
        .and_then(|Query(q)| q.get("klaar").cloned())
        .filter(|v| v == "inrichting")
        .map(|_| t.get("setup-done-signed-in"));
    let todo = now_to_do(&app, lang, &working).await?;
    let view = SchoolView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            working.school().name.to_string(),
        )
        .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        permission: working.permission().name(lang).to_owned(),
        roles: if roles.is_empty() {
            t.get("account-no-roles")
        } else {
            roles.join(", ")
        },
        account_href: Page::Account.path(lang),
        tokens_href: Page::ApiTokens(working.school().short_name.clone()).path(lang),
        sign_in_href: (working.permission() == Permission::Administrator)
            .then(|| Page::SchoolSignIn(short.clone()).path(lang)),
        members_href: working
            .permission()
            .includes(Permission::Coordinator)
            .then(|| Page::Members(short.clone()).path(lang)),
        notice,
        todo,
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}

/// What the person can do now in the school: `(what, link text, link)`.
async fn now_to_do(
    app: &AppState,
    lang: Lang,
    working: &Working,
) -> Result<Vec<(String, String, String)>, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let short = school.short_name.clone();
    let me = working.user().id;
    let coordinator = working.permission().includes(Permission::Coordinator);
    let mut todo = Vec::new();
    let rounds = app.store.rounds(school.id).await?;
    match rounds.iter().find(|r| r.is_open()) {
        Some(round) => {
            let marks = app.store.my_scan_marks(school.id, me).await?;
            let mark = marks.iter().find(|m| m.round == round.id);
            let state = t.get(mark.map_or("round-mine-none", |m| {
                state_key(m.finished, m.carried, true)
            }));
            let what = if round.has_started(crate::ui::dates::today()) {
                t.args(
                    "start-round-open",
                    &[("round", round.name.as_str()), ("state", state.as_str())],
                )
            } else {
                t.args(
                    "start-round-soon",
                    &[
                        ("round", round.name.as_str()),
                        ("starts", date_text(round.period.starts, lang).as_str()),
                    ],
                )
            };
            todo.push((
                what,
                t.get("start-round-go"),
                Page::Round(short.clone(), round.id).path(lang),
            ));
            for (owner, name) in app.store.shared_with(school.id, round.id, me).await? {
                todo.push((
                    t.with("start-shared-scan", "name", name),
                    t.get("start-shared-scan-go"),
                    Page::SharedScan(short.clone(), round.id, owner).path(lang),
                ));
            }
        }
        None => todo.push((
            t.get(if coordinator {
                "start-no-round-coordinator"
            } else {
                "start-no-round"
            }),
            t.get("start-rounds-go"),
            Page::Rounds(short.clone()).path(lang),
        )),
    }
    // Plans and conversations colleagues shared with the person; their own plan's open goals.
    for shared in app.store.plans_shared_with(school.id, me).await? {
        todo.push((
            t.with("start-shared-plan", "name", &shared.owner_name),
            t.get("start-shared-plan-go"),
            Page::SharedPlan(short.clone(), shared.owner).path(lang),
        ));
    }
    for talk in app.store.conversations(school.id, me).await? {
        if talk.owner != Some(me)
            && let Some(owner) = talk.owner_name
        {
            todo.push((
                t.with("start-shared-conversation", "name", owner),
                t.get("start-shared-conversation-go"),
                Page::Conversation(short.clone(), talk.id).path(lang),
            ));
        }
    }
    let open_goals = app
        .store
        .plan(school.id, me)
        .await?
        .goals
        .iter()
        .filter(|g| g.status == domain::plan::GoalStatus::Open)
        .count();
    todo.push((
        t.count("start-goals", open_goals),
        t.get("start-goals-go"),
        Page::Plan(short.clone()).path(lang),
    ));
    let roles = working.membership().roles.as_slice().to_vec();
    let allocation = app.store.allocation(school.id, this_year()).await?;
    let mine = allocation
        .assignments
        .iter()
        .filter(|a| match &a.party {
            Party::Person(person) => *person == me,
            Party::Role(role) => roles.contains(role),
            _ => false,
        })
        .count();
    todo.push((
        t.count("start-tasks", mine),
        t.get("start-tasks-go"),
        Page::Tasks(short).path(lang),
    ));
    Ok(todo)
}
