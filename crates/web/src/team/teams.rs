//! The school's teams (e.g. *onderbouw*, *afdeling techniek*): a coordinator names them and
//! chooses their members, so the team picture can be read per team — under the same group
//! rule, so a team too small, or too close to another, shows *te weinig deelnemers*.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{Permission, UserId};
use domain::plan::Line;
use store::TeamError;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

/// The longest team name.
const NAME_MAX: usize = 80;

#[derive(Debug)]
pub struct TeamForm {
    pub id: String,
    pub name: String,
    /// Every active member: value, name, in the team.
    pub members: Vec<(String, String, bool)>,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "team/teams.html")]
pub struct TeamsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    pub teams: Vec<TeamForm>,
    pub new_team: TeamForm,
    pub notice: Option<String>,
    pub refused: Option<String>,
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    refused: Option<String>,
) -> Result<TeamsView, AppError> {
    let t = Tr(lang);
    let school = working.school().id;
    let short = working.school().short_name.clone();
    let page = Page::Teams(short.clone());
    let mut people: Vec<(UserId, String)> = app
        .store
        .members(school)
        .await?
        .into_iter()
        .filter(|(_, m)| m.active)
        .map(|(u, _)| (u.id, u.name.to_string()))
        .collect();
    people.sort_by_key(|(_, n)| n.to_lowercase());
    let form = |id: String, name: String, members: &dyn Fn(UserId) -> bool| {
        let members: Vec<(String, String, bool)> = people
            .iter()
            .map(|(u, n)| (u.0.to_string(), n.clone(), members(*u)))
            .collect();
        let count = members.iter().filter(|(_, _, on)| *on).count();
        TeamForm {
            id,
            name,
            members,
            count,
        }
    };
    let teams = app
        .store
        .teams(school)
        .await?
        .into_iter()
        .map(|team| {
            form(team.id.to_string(), team.name.clone(), &|u| {
                team.members.contains(&u)
            })
        })
        .collect();
    Ok(TeamsView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("teams-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Members(short)),
        action: page.path(lang),
        teams,
        new_team: form(String::new(), String::new(), &|_| false),
        notice: None,
        refused,
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let mut page = view(&app, lang, &working, None).await?;
    page.notice = done_notice(
        query,
        lang,
        &[("opgeslagen", "teams-saved"), ("weg", "teams-deleted")],
    );
    respond_private(&page, lang, StatusCode::OK)
}

/// Saves a team (`op=save`, `id` empty for a new one, `name`, `lid` per member) or removes
/// one (`op=delete`, `id`, `zeker=ja`).
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let actor = working.user().id;
    let id = match fields.one("id").trim() {
        "" => None,
        id => match Uuid::parse_str(id) {
            Ok(id) => Some(id),
            Err(_) => return Err(AppError::NotFound(lang)),
        },
    };
    let (result, done) = match fields.one("op") {
        "save" => {
            let name = match Line::parse(fields.one("name"), NAME_MAX) {
                Ok(name) => name,
                Err(e) => return refused(&app, lang, &working, e.message(lang)).await,
            };
            let mut members = Vec::new();
            for value in fields.all("lid") {
                match Uuid::parse_str(value.trim()) {
                    Ok(u) => members.push(UserId(u)),
                    Err(_) => {
                        return refused(&app, lang, &working, t.get("teams-not-a-member")).await;
                    }
                }
            }
            (
                app.store
                    .save_team(school, actor, id, name.as_str(), &members)
                    .await
                    .map(|_| ()),
                "opgeslagen",
            )
        }
        "delete" => {
            let Some(id) = id else {
                return Err(AppError::NotFound(lang));
            };
            if fields.one("zeker") != "ja" {
                return refused(&app, lang, &working, t.get("teams-delete-confirm-missing")).await;
            }
            (app.store.delete_team(school, actor, id).await, "weg")
        }
        _ => return refused(&app, lang, &working, t.get("fw-error-op")).await,
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "{}?klaar={done}",
            Page::Teams(short).path(lang)
        ))),
        Err(TeamError::NameTaken) => refused(&app, lang, &working, t.get("teams-name-taken")).await,
        Err(TeamError::NotAMember) => {
            refused(&app, lang, &working, t.get("teams-not-a-member")).await
        }
        Err(TeamError::NotFound) => Err(AppError::NotFound(lang)),
        Err(TeamError::NotAllowed) => {
            Ok(crate::error::error_page(&app, lang, StatusCode::FORBIDDEN))
        }
        Err(TeamError::Store(e)) => Err(e.into()),
    }
}

async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    message: String,
) -> Result<Response, AppError> {
    let page = view(app, lang, working, Some(message)).await?;
    respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
