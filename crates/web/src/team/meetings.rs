//! The school's team meetings (*teamoverleg*): every member reads the list; a coordinator
//! prepares a new one here. Raamwerk proposes topics from the team picture of the school's
//! newest round (where the team differs most, what many want to develop, tasks many do
//! without an agreement; shown figures only), from *wie doet wat* (tasks nobody is
//! responsible for) and from the school's own statements. The coordinator ticks a few, adds
//! their own, and gets an agenda with a time box per topic.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::diff;
use domain::meeting::{MEETING_MINUTES_MAX, Proposal, Source, Topic, agenda, proposals};
use domain::picture::{Groups, picture};
use domain::plan::{Line, PlanInputError};
use domain::scan::parse_date;
use domain::{Lang, Statement};
use store::{MeetingError, Round};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{date_text, day, this_year};
use crate::ui::forms::{FormFields, Problem, done_notice, problem_of};
use crate::ui::frameworks::school_framework;
use crate::ui::rounds::edition_of_round;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

/// A meeting's length when the form leaves it open, in minutes.
pub const DEFAULT_MEETING_MINUTES: u32 = 60;

/// What the app proposes now: the round the picture comes from, and the topics.
pub(crate) struct Proposed {
    pub round: Option<Round>,
    pub proposals: Vec<Proposal>,
}

/// The school's own statements: those its current edition added to or changed from the
/// national edition it is based on.
async fn own_statements(app: &AppState, working: &Working) -> Result<Vec<Statement>, AppError> {
    let framework = school_framework(app, working.school().id).await?;
    if framework.own().is_none() {
        return Ok(Vec::new());
    }
    let national = if framework.based_on == app.edition().id() {
        domain::Edition::clone(&app.edition())
    } else {
        match app.store.edition(framework.based_on).await? {
            Some(edition) => edition,
            None => domain::Edition::clone(&app.edition()),
        }
    };
    Ok(diff(national.statements(), framework.current.statements())
        .into_iter()
        .filter_map(|change| change.after)
        .collect())
}

/// The topics Raamwerk proposes for a meeting now, from the whole team's picture of the
/// school's newest round, this school year's allocation and the school's own statements.
pub(crate) async fn proposed(
    app: &AppState,
    working: &Working,
    lang: Lang,
) -> Result<Proposed, AppError> {
    let school = working.school().id;
    let round = app.store.rounds(school).await?.into_iter().next();
    let framework = school_framework(app, school).await?.current;
    let allocation = app.store.allocation(school, this_year()).await?;
    let own = own_statements(app, working).await?;
    let own: Vec<&Statement> = own.iter().collect();
    let found = match &round {
        Some(r) => {
            let edition = edition_of_round(app, school, r.id)
                .await?
                .ok_or_else(|| AppError::Internal(format!("round {} has no edition", r.id)))?;
            let shown = match app.store.picture_input(school, r.id).await? {
                Some(input) => input.picture(&edition, None),
                None => picture(&edition, &[], &Groups::default(), None, Default::default()),
            };
            proposals(&shown, &edition, &allocation.assignments, &own, lang)
        }
        None => {
            let nothing = picture(
                &framework,
                &[],
                &Groups::default(),
                None,
                Default::default(),
            );
            proposals(&nothing, &framework, &allocation.assignments, &own, lang)
        }
    };
    Ok(Proposed {
        round,
        proposals: found,
    })
}

/// What a kind of topic is called, as a heading over its proposals and beside a topic.
pub(crate) fn source_name(source: Source, lang: Lang) -> String {
    Tr(lang).get(&format!("meeting-source-{}", source.code()))
}

/// The meeting's length as typed: 10 minutes to a working day.
pub(crate) fn meeting_minutes(text: &str) -> Result<u32, PlanInputError> {
    match text.trim() {
        "" => Ok(DEFAULT_MEETING_MINUTES),
        m => match m.parse::<u32>() {
            Ok(n) if n > MEETING_MINUTES_MAX => Err(PlanInputError::TooManyMinutes {
                max: MEETING_MINUTES_MAX,
            }),
            Ok(n) if n >= 10 => Ok(n),
            _ => Err(PlanInputError::BadMinutes(m.chars().take(12).collect())),
        },
    }
}

/// Topics one writes, one a line; blank lines are skipped.
pub(crate) fn free_topics(text: &str) -> Result<Vec<Line>, PlanInputError> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| Line::parse(l, Line::MAX))
        .collect()
}

/// A meeting's day, or when it was prepared.
pub(crate) fn meeting_when(
    planned: Option<domain::framework::Date>,
    created: i64,
    lang: Lang,
) -> String {
    match planned {
        Some(d) => date_text(d, lang),
        None => Tr(lang).with("meeting-prepared-on", "date", day(created, lang)),
    }
}

#[derive(Debug)]
pub struct MeetingRow {
    pub href: String,
    pub when: String,
    pub counts: String,
}

/// The proposals of one kind, as the form shows them: (key, title, ticked).
#[derive(Debug)]
pub struct ProposalGroup {
    pub name: String,
    pub items: Vec<(String, String, bool)>,
}

#[derive(Template)]
#[template(path = "team/meetings.html")]
pub struct MeetingsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub meetings: Vec<MeetingRow>,
    pub can_prepare: bool,
    pub action: String,
    /// The round the picture's topics come from, and its picture.
    pub round: Option<(String, String)>,
    pub groups: Vec<ProposalGroup>,
    pub free: String,
    pub planned_on: String,
    pub minutes: String,
    pub problems: Vec<Problem>,
}

impl MeetingsView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        problem_of(&self.problems, field)
    }
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    fields: &FormFields,
    problems: Vec<Problem>,
) -> Result<MeetingsView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Meetings(short.clone());
    let meetings = app
        .store
        .meetings(working.school().id)
        .await?
        .into_iter()
        .map(|m| MeetingRow {
            href: Page::Meeting(short.clone(), m.id).path(lang),
            when: meeting_when(m.planned_on, m.created_at, lang),
            counts: format!(
                "{}, {}",
                t.count("meeting-topics-count", m.topics),
                t.count("meeting-agreements-count", m.agreements)
            ),
        })
        .collect();
    let can_prepare = working.permission().includes(Permission::Coordinator);
    let (round, groups) = if can_prepare {
        let found = proposed(app, working, lang).await?;
        let ticked: Vec<&str> = fields.all("onderwerp").collect();
        let groups = Source::ALL
            .into_iter()
            .filter(|s| *s != Source::Free)
            .map(|source| ProposalGroup {
                name: source_name(source, lang),
                items: found
                    .proposals
                    .iter()
                    .filter(|p| p.source == source)
                    .map(|p| {
                        (
                            p.key.clone(),
                            p.title.clone(),
                            ticked.contains(&p.key.as_str()),
                        )
                    })
                    .collect(),
            })
            .filter(|g| !g.items.is_empty())
            .collect();
        let round = found.round.map(|r| {
            (
                r.name.to_string(),
                Page::TeamPicture(short.clone(), r.id).path(lang),
            )
        });
        (round, groups)
    } else {
        (None, Vec::new())
    };
    Ok(MeetingsView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("meeting-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        meetings,
        can_prepare,
        action: page.path(lang),
        round,
        groups,
        free: fields.one("eigen").to_owned(),
        planned_on: fields.one("planned_on").to_owned(),
        minutes: match fields.one("minutes") {
            "" => DEFAULT_MEETING_MINUTES.to_string(),
            m => m.to_owned(),
        },
        problems,
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
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let mut page = view(&app, lang, &working, &FormFields::default(), Vec::new()).await?;
    page.notice = done_notice(query, lang, &[("weg", "meeting-deleted")]);
    respond_private(&page, lang, StatusCode::OK)
}

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
    let mut problems = Vec::new();
    let mut problem =
        |field: &'static str, message: String| problems.push(Problem { field, message });
    let planned_on = match fields.one("planned_on").trim() {
        "" => None,
        d => parse_date(d)
            .map_err(|_| {
                problem(
                    "planned_on",
                    PlanInputError::BadDate(d.chars().take(20).collect()).message(lang),
                )
            })
            .ok(),
    };
    let minutes = meeting_minutes(fields.one("minutes"))
        .map_err(|e| problem("minutes", e.message(lang)))
        .ok();
    let own = free_topics(fields.one("eigen"))
        .map_err(|e| problem("eigen", e.message(lang)))
        .ok();
    let found = proposed(&app, &working, lang).await?;
    let ticked: Vec<&str> = fields.all("onderwerp").collect();
    let chosen: Vec<&Proposal> = found
        .proposals
        .iter()
        .filter(|p| ticked.contains(&p.key.as_str()))
        .collect();
    if chosen.len() < ticked.len() {
        // A proposal ticked on the form is gone: the picture or the allocation changed.
        problem("onderwerpen", t.get("meeting-proposal-gone"));
    }
    let topics: Option<Vec<Topic>> = match (minutes, own) {
        (Some(minutes), Some(own)) => match agenda(&chosen, &own, minutes) {
            Ok(topics) => Some(topics),
            Err(PlanInputError::Empty) => {
                problem("onderwerpen", t.get("meeting-no-topics"));
                None
            }
            Err(e) => {
                problem("onderwerpen", e.message(lang));
                None
            }
        },
        _ => None,
    };
    let Some(topics) = topics.filter(|_| problems.is_empty()) else {
        let page = view(&app, lang, &working, &fields, problems).await?;
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let made = app
        .store
        .create_meeting(
            working.school().id,
            working.user().id,
            found.round.as_ref().map(|r| r.id),
            planned_on,
            &topics,
        )
        .await;
    match made {
        Ok(id) => Ok(see_other(&format!(
            "{}?klaar=voorbereid",
            Page::Meeting(short, id).path(lang)
        ))),
        Err(MeetingError::Store(e)) => Err(e.into()),
        Err(_) => Err(AppError::NotFound(lang)),
    }
}
