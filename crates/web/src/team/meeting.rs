//! One team meeting. Every member reads its agenda (per topic where it came from, the time
//! box and open questions of our own) and its agreements; a coordinator edits the agenda,
//! records agreements (one may make someone responsible for a task in this school year's
//! *wie doet wat*, in the same step), and may remove the meeting. A meeting of another
//! school is the same 404 as one that is not there.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::allocation::{AllocationError, Assignment, Part};
use domain::conversation::AGREEMENT_MAX;
use domain::meeting::{TopicEdit, revise};
use domain::plan::{Line, PlanInputError};
use domain::scan::parse_date;
use domain::{Code, Lang};
use store::{Meeting, MeetingError};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::team::meetings::{meeting_when, source_name};
use crate::ui::allocation::{Loaded, load as load_allocation, responsible_name};
use crate::ui::dates::{day, this_year};
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::parties::{form_party, party_choices};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct TopicView {
    pub index: usize,
    pub source: String,
    pub title: String,
    pub minutes: String,
    pub questions: [&'static str; 3],
}

#[derive(Debug)]
pub struct AgreementView {
    pub id: String,
    pub text: String,
    /// The task it made someone responsible for, in words.
    pub task: Option<String>,
    pub by: String,
}

#[derive(Template)]
#[template(path = "team/meeting.html")]
pub struct MeetingView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub back_href: String,
    pub action: String,
    pub notice: Option<String>,
    pub refused: Option<String>,
    /// The round whose picture the topics came from: its name and picture.
    pub round: Option<(String, String)>,
    pub topics: Vec<TopicView>,
    pub total: u32,
    pub revision: i64,
    pub planned_value: String,
    pub can_edit: bool,
    pub agreements: Vec<AgreementView>,
    /// Tasks to make someone responsible for: those on the agenda, then the rest of the
    /// school's framework: (value, label).
    pub agenda_tasks: Vec<(String, String)>,
    pub other_tasks: Vec<(String, String)>,
    pub parties: Vec<(String, Vec<(String, String)>)>,
    /// No part to choose: an agreement makes a party responsible.
    pub parts: Vec<(&'static str, String)>,
    pub party_label: &'static str,
    pub tasks_href: String,
    pub pdf_href: String,
    pub docx_href: String,
}

/// The meeting the path names, when it is of this school.
pub(crate) async fn load(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<Meeting>, AppError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    Ok(app.store.meeting(working.school().id, id).await?)
}

/// A task's code and words, as a form and an agreement show it.
fn task_label(code: &Code, loaded: &Loaded, lang: Lang) -> String {
    match loaded.edition.statement(code.as_str()) {
        Some(s) => format!("{code} {}", s.text.shown(lang)),
        None => code.to_string(),
    }
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    m: &Meeting,
) -> Result<MeetingView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Meeting(short.clone(), m.id);
    let can_edit = working.permission().includes(Permission::Coordinator);
    let round = match m.round {
        Some(id) => app.store.round(working.school().id, id).await?.map(|r| {
            (
                r.name.to_string(),
                Page::TeamPicture(short.clone(), r.id).path(lang),
            )
        }),
        None => None,
    };
    let loaded = load_allocation(app, working.school(), this_year()).await?;
    let (agenda_tasks, other_tasks, parties) = if can_edit {
        let on_agenda: Vec<&Code> = m.topics.iter().filter_map(|t| t.task.as_ref()).collect();
        let agenda_tasks = loaded
            .tasks
            .iter()
            .filter(|task| on_agenda.contains(&&task.code))
            .map(|task| (task.code.to_string(), task_label(&task.code, &loaded, lang)))
            .collect();
        let other_tasks = loaded
            .tasks
            .iter()
            .filter(|task| !on_agenda.contains(&&task.code))
            .map(|task| (task.code.to_string(), task_label(&task.code, &loaded, lang)))
            .collect();
        (agenda_tasks, other_tasks, party_choices(&loaded, lang))
    } else {
        (Vec::new(), Vec::new(), Vec::new())
    };
    let when = meeting_when(m.planned_on, m.created_at, lang);
    Ok(MeetingView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("meeting-heading", "when", &when),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Meetings(short.clone())),
        back_href: Page::Meetings(short.clone()).path(lang),
        action: page.path(lang),
        notice: None,
        refused: None,
        round,
        topics: m
            .topics
            .iter()
            .enumerate()
            .map(|(index, topic)| TopicView {
                index,
                source: source_name(topic.source, lang),
                title: topic.title.to_string(),
                minutes: topic.minutes.to_string(),
                questions: topic.source.questions(lang),
            })
            .collect(),
        total: m.topics.iter().map(|t| t.minutes).sum(),
        revision: m.revision,
        planned_value: m.planned_on.map(|d| d.to_string()).unwrap_or_default(),
        can_edit,
        agreements: m
            .agreements
            .iter()
            .map(|a| AgreementView {
                id: a.id.to_string(),
                text: a.text.to_string(),
                task: a.task.as_ref().map(|code| {
                    t.args(
                        "meeting-agreement-task",
                        &[
                            ("task", code.as_str()),
                            (
                                "party",
                                &responsible_name(
                                    a.responsible.as_ref(),
                                    &loaded.names,
                                    lang,
                                    &loaded.edition,
                                ),
                            ),
                        ],
                    )
                }),
                by: format!(
                    "{}, {}",
                    a.author
                        .clone()
                        .unwrap_or_else(|| t.get("plan-former-colleague")),
                    day(a.at, lang)
                ),
            })
            .collect(),
        agenda_tasks,
        other_tasks,
        parties,
        parts: Vec::new(),
        party_label: "meeting-responsible",
        tasks_href: Page::Tasks(short.clone()).path(lang),
        pdf_href: Page::MeetingDocument(short.clone(), m.id, DocumentFormat::Pdf).path(lang),
        docx_href: Page::MeetingDocument(short, m.id, DocumentFormat::Docx).path(lang),
        t,
    })
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
    let Some(m) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let mut view = page(&app, lang, &working, &m).await?;
    view.notice = done_notice(
        query,
        lang,
        &[
            ("voorbereid", "meeting-prepared"),
            ("opgeslagen", "meeting-saved"),
            ("afspraak", "meeting-agreed"),
            ("afspraak-taak", "meeting-agreed-task"),
            ("afspraak-weg", "meeting-agreement-deleted"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Some(m) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let back = |done: &str, anchor: &str| {
        Ok(see_other(&format!(
            "{}?klaar={done}{anchor}",
            Page::Meeting(short.clone(), m.id).path(lang)
        )))
    };
    let result: Result<(&str, &str), Refusal> = match fields.one("op") {
        "save" => {
            let revision: i64 = fields.one("revision").trim().parse().unwrap_or(-1);
            let titles: Vec<String> = (0..m.topics.len()).map(|i| format!("titel-{i}")).collect();
            let minutes: Vec<String> = (0..m.topics.len())
                .map(|i| format!("minuten-{i}"))
                .collect();
            let removes: Vec<String> = (0..m.topics.len()).map(|i| format!("weg-{i}")).collect();
            let edits: Vec<TopicEdit<'_>> = (0..m.topics.len())
                .map(|i| TopicEdit {
                    title: fields.one(&titles[i]),
                    minutes: fields.one(&minutes[i]),
                    remove: fields.one(&removes[i]) == "ja",
                })
                .collect();
            let added = TopicEdit {
                title: fields.one("nieuw"),
                minutes: fields.one("nieuw-minuten"),
                remove: false,
            };
            let planned = match fields.one("planned_on").trim() {
                "" => Ok(None),
                d => parse_date(d)
                    .map(Some)
                    .map_err(|_| PlanInputError::BadDate(d.chars().take(20).collect())),
            };
            match (planned, revise(&m.topics, &edits, added)) {
                (Ok(planned), Ok(topics)) => app
                    .store
                    .update_meeting(school, me, m.id, revision, planned, &topics)
                    .await
                    .map(|()| ("opgeslagen", ""))
                    .map_err(Refusal::Store),
                (Err(e), _) => Err(Refusal::Input(e)),
                (_, Err(PlanInputError::Empty)) => {
                    Err(Refusal::Words(t.get("meeting-topic-empty")))
                }
                (_, Err(e)) => Err(Refusal::Input(e)),
            }
        }
        "agree" => match Line::parse(fields.one("text"), AGREEMENT_MAX) {
            Ok(text) => match fields.one("taak").trim() {
                "" => app
                    .store
                    .add_meeting_agreement(
                        school,
                        me,
                        m.id,
                        &text,
                        None,
                        this_year(),
                        &[],
                        Default::default(),
                    )
                    .await
                    .map(|()| ("afspraak", "#afspraken"))
                    .map_err(Refusal::Store),
                task => {
                    let loaded = load_allocation(&app, working.school(), this_year()).await?;
                    match (
                        Code::parse(task),
                        form_party(fields.one("party"), fields.one("own")),
                    ) {
                        (Some(code), Some(party)) => {
                            let assignment = Assignment {
                                code,
                                party,
                                part: Part::Responsible,
                            };
                            app.store
                                .add_meeting_agreement(
                                    school,
                                    me,
                                    m.id,
                                    &text,
                                    Some(&assignment),
                                    this_year(),
                                    &loaded.tasks,
                                    loaded.settings.rules,
                                )
                                .await
                                .map(|()| ("afspraak-taak", "#afspraken"))
                                .map_err(Refusal::Store)
                        }
                        (None, _) => Err(Refusal::Allocation(AllocationError::NotATask)),
                        (_, None) => Err(Refusal::Words(t.get("task-error-party"))),
                    }
                }
            },
            Err(e) => Err(Refusal::Input(e)),
        },
        "delete-agreement" => match Uuid::parse_str(fields.one("id").trim()) {
            Ok(agreement) => app
                .store
                .delete_meeting_agreement(school, me, m.id, agreement)
                .await
                .map(|()| ("afspraak-weg", "#afspraken"))
                .map_err(Refusal::Store),
            Err(_) => Err(Refusal::Store(MeetingError::NotFound)),
        },
        "delete" => {
            if fields.one("zeker") != "ja" {
                Err(Refusal::Words(t.get("meeting-delete-confirm-missing")))
            } else {
                return match app.store.delete_meeting(school, me, m.id).await {
                    Ok(()) => Ok(see_other(&format!(
                        "{}?klaar=weg",
                        Page::Meetings(short.clone()).path(lang)
                    ))),
                    Err(MeetingError::Store(e)) => Err(e.into()),
                    Err(_) => Err(AppError::NotFound(lang)),
                };
            }
        }
        _ => Err(Refusal::Words(t.get("fw-error-op"))),
    };
    let (message, status) = match result {
        Ok((done, anchor)) => return back(done, anchor),
        Err(Refusal::Input(e)) => (e.message(lang), StatusCode::UNPROCESSABLE_ENTITY),
        Err(Refusal::Words(w)) => (w, StatusCode::UNPROCESSABLE_ENTITY),
        Err(Refusal::Allocation(e)) | Err(Refusal::Store(MeetingError::Allocation(e))) => {
            (e.message(lang).to_owned(), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(Refusal::Store(MeetingError::Stale)) => (t.get("meeting-stale"), StatusCode::CONFLICT),
        Err(Refusal::Store(MeetingError::NotAllowed)) => {
            (t.get("meeting-not-allowed"), StatusCode::FORBIDDEN)
        }
        Err(Refusal::Store(MeetingError::NotFound)) => return Err(AppError::NotFound(lang)),
        Err(Refusal::Store(MeetingError::Store(e))) => return Err(e.into()),
    };
    // Show the meeting as it is now, with why nothing changed.
    let m = load(&app, &working, &id)
        .await?
        .ok_or(AppError::NotFound(lang))?;
    let mut view = page(&app, lang, &working, &m).await?;
    view.refused = Some(message);
    respond_private(&view, lang, status)
}

/// Why a change to a meeting was not made.
enum Refusal {
    Input(PlanInputError),
    Words(String),
    Allocation(AllocationError),
    Store(MeetingError),
}
