//! One's own overview of a round, worth keeping: per role and area a chart of where one
//! stands (an SVG with the same numbers as a table beside it), what one already does, what
//! one wants to take up or develop, what one wants to discuss, one's notes, focus notes and
//! reflections, and what changed since one's previous round. Seen by its owner only.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::scan::{Choice, NoteKey, Prompt, ScaleLabels, ScanContent, shifts, tally, with_choice};
use domain::school::slug;
use domain::{Area, Edition, Kind, Lang, Role};

use formats::overview::{
    Answer as DocAnswer, AreaSection, Bar as DocBar, Changes, Line as DocLine, Overview,
    RoleSection, Words,
};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::DocumentFormat;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::chart::{Bar, area_bars, legend, steps};
use crate::ui::dates::period_text;
use crate::ui::rounds::{load_round, roles_held};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private};
use crate::working::require;

#[derive(Debug)]
pub struct StatementLine {
    pub code: String,
    pub text: String,
    pub note: Option<String>,
}

#[derive(Debug)]
pub struct AreaOverview {
    pub name: String,
    pub id: String,
    pub summary: String,
    pub bars: Vec<Bar>,
    pub notes: Vec<StatementLine>,
    pub focus: Vec<(String, String)>,
    pub reflections: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct RoleOverview {
    pub name: String,
    pub areas: Vec<AreaOverview>,
    pub strengths: Vec<StatementLine>,
    pub wishes: Vec<StatementLine>,
    pub discuss: Vec<StatementLine>,
}

#[derive(Debug)]
pub struct ShiftLine {
    pub code: String,
    pub text: String,
    pub before: String,
    pub now: String,
}

#[derive(Template)]
#[template(path = "scan/overview.html")]
pub struct OverviewView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: Option<SchoolNav>,
    pub round_name: String,
    pub period: String,
    pub round_href: Option<String>,
    pub roles: Vec<RoleOverview>,
    pub legend: Vec<(&'static str, String)>,
    pub task_header: Vec<String>,
    pub expertise_header: Vec<String>,
    /// The earlier round compared with, and what changed.
    pub earlier: Option<(String, Vec<ShiftLine>)>,
    pub started: bool,
    /// Whose scan this is, when it is a colleague's shared with the viewer.
    pub shared_by: Option<String>,
    /// The headings that speak of the scan's owner: "you" on one's own, the name on a
    /// colleague's.
    pub voice: Voice,
    /// The school's words for the steps.
    pub scale: ScaleLabels,
    pub pdf_href: String,
    pub docx_href: String,
    /// For the quick scan without an account: the answers, kept in the page (nothing is
    /// stored), with the addresses that turn them into documents or back into the form.
    pub kept: Option<Kept>,
    /// On one's own overview: where a goal starts (`?uitspraak=CODE` is added), so a wish
    /// can become a goal.
    pub goal_href: Option<String>,
    /// On one's own overview: the goals made in an earlier round, each with that round and
    /// how its statements were answered then and in this round.
    pub goals: Vec<CarriedGoal>,
}

/// A goal of one's development plan made in an earlier round.
#[derive(Debug)]
pub struct CarriedGoal {
    pub what: String,
    pub href: String,
    pub round: String,
    pub lines: Vec<ShiftLine>,
}

/// The overview's headings about its owner, in the second person for one's own scan and in
/// the third for a colleague's ("Wat Mark al doet en beheerst").
#[derive(Clone, Debug)]
pub struct Voice {
    pub notes: String,
    pub strengths: String,
    pub wishes: String,
    pub discuss: String,
    pub not_started: String,
}

impl Voice {
    pub fn new(lang: Lang, owner: Option<&str>) -> Voice {
        let t = Tr(lang);
        let say = |own: &str, of: &str| match owner {
            None => t.get(own),
            Some(name) => t.with(of, "name", name),
        };
        Voice {
            notes: say("overview-your-notes", "overview-notes-of"),
            strengths: say("overview-strengths", "overview-strengths-of"),
            wishes: say("overview-wishes", "overview-wishes-of"),
            discuss: say("overview-discuss", "overview-discuss-of"),
            not_started: say("overview-not-started", "overview-not-started-of"),
        }
    }
}

/// A quick scan's answers carried in the page, and where they can be sent.
#[derive(Debug)]
pub struct Kept {
    pub fields: Vec<(String, String)>,
    pub pdf_action: String,
    pub docx_action: String,
    pub back_action: String,
}

/// A statement as the overview lists it, with the person's note on it.
fn line(content: &ScanContent, s: &domain::Statement, lang: Lang) -> StatementLine {
    StatementLine {
        code: s.code.to_string(),
        text: s.text.shown(lang).to_owned(),
        note: content
            .answer(&s.code)
            .and_then(|a| a.note.as_ref())
            .map(|n| n.to_string()),
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let (view, _, _) = own(&app, lang, &headers, path).await?;
    respond_private(&view, lang, StatusCode::OK)
}

/// One's own overview as a typeset PDF.
pub async fn pdf(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    download(&app, lang, &headers, path, query, DocumentFormat::Pdf).await
}

/// One's own overview as an editable document (DOCX).
pub async fn docx(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    download(&app, lang, &headers, path, query, DocumentFormat::Docx).await
}

/// Whether the person asked for the document without their name (`?naam=nee`, `?name=no`).
fn anonymous(query: &Result<Query<HashMap<String, String>>, QueryRejection>) -> bool {
    query.as_ref().is_ok_and(|Query(q)| {
        q.get("naam").is_some_and(|v| v == "nee") || q.get("name").is_some_and(|v| v == "no")
    })
}

/// A document's file name: what it is, whose it is (when named) and the round, e.g.
/// `raamwerk-overzicht-mark-de-vries-voorjaar-2027`.
pub(crate) fn document_name(lang: Lang, person: Option<&str>, round: &str) -> String {
    let stem = match lang {
        Lang::Nl => "raamwerk-overzicht",
        Lang::En => "raamwerk-overview",
    };
    [
        stem.to_owned(),
        slug(person.unwrap_or_default(), 40),
        slug(round, 40),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join("-")
}

async fn download(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    let (view, mut document, person) = own(app, lang, headers, path).await?;
    let t = Tr(lang);
    let person = (!anonymous(&query)).then_some(person);
    if let Some(person) = &person {
        document.title = t.args(
            "overview-document-title",
            &[
                ("name", person.as_str()),
                ("round", view.round_name.as_str()),
            ],
        );
    }
    let name = document_name(lang, person.as_deref(), &view.round_name);
    document_response(document, format, &name).await
}

/// An overview document as a download: made off the async runtime (typesetting takes a few
/// milliseconds of CPU), never stored by a cache, named `name` plus the format's extension.
pub(crate) async fn document_response(
    document: Overview,
    format: DocumentFormat,
    name: &str,
) -> Result<Response, AppError> {
    let today = crate::ui::dates::today();
    let bytes = tokio::task::spawn_blocking(move || match format {
        DocumentFormat::Pdf => formats::overview::pdf::write(
            &document,
            (i32::from(today.year()), today.month(), today.day()),
        ),
        DocumentFormat::Docx => formats::overview::docx::write(&document),
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let content_type = match format {
        DocumentFormat::Pdf => "application/pdf",
        DocumentFormat::Docx => {
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    };
    Ok(crate::ui::respond::download(
        bytes,
        content_type,
        &format!("{name}.{}", format.extension()),
    ))
}

/// One's own overview of a round: the page's view and the document made from it; or the
/// answer to give instead.
async fn own(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<(OverviewView, Overview, String), AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let me = working.user().id;
    let mine = app.store.my_scan(working.school().id, round.id, me).await?;
    // The person's most recent earlier round with a scan, to compare with.
    let marks = app.store.my_scan_marks(working.school().id, me).await?;
    let earlier_round = app
        .store
        .rounds(working.school().id)
        .await?
        .into_iter()
        .filter(|r| {
            r.created_at < round.created_at && marks.iter().any(|m| m.round == r.id && !m.carried)
        })
        .max_by_key(|r| r.created_at);
    let earlier = match earlier_round {
        Some(before) => Some((
            before.name.to_string(),
            app.store
                .my_scan(working.school().id, before.id, me)
                .await?
                .content,
        )),
        None => None,
    };
    let roles = roles_held(&working);
    let scale = app.store.scale_labels(working.school().id).await?;
    let mut view = render(
        app, lang, &working, &round, &edition, &mine, &roles, earlier, None, scale,
    );
    let short = working.school().short_name.clone();
    view.goal_href = Some(Page::NewGoal(short.clone()).path(lang));
    view.goals = carried_goals(
        app,
        &working,
        &round,
        &edition,
        &mine.content,
        &view.scale,
        lang,
    )
    .await?;
    let subtitle = format!(
        "{} · {} · {}",
        working.school().name,
        view.round_name,
        view.period
    );
    let document = document(&view, &edition, &mine.content, &roles, subtitle, lang);
    Ok((view, document, working.user().name.to_string()))
}

/// The person's goals made in a round before `round`, with their statements' answers then
/// and in `round`.
async fn carried_goals(
    app: &AppState,
    working: &crate::working::Working,
    round: &store::Round,
    edition: &Edition,
    content: &ScanContent,
    scale: &ScaleLabels,
    lang: Lang,
) -> Result<Vec<CarriedGoal>, AppError> {
    let school = working.school().id;
    let me = working.user().id;
    let plan = app.store.plan(school, me).await?;
    if plan
        .goals
        .iter()
        .all(|g| g.round.is_none_or(|r| r == round.id))
    {
        return Ok(Vec::new());
    }
    let rounds = app.store.rounds(school).await?;
    let mut scans: HashMap<uuid::Uuid, ScanContent> = HashMap::new();
    let mut goals = Vec::new();
    for goal in &plan.goals {
        let Some(then) = goal.round.and_then(|r| rounds.iter().find(|x| x.id == r)) else {
            continue;
        };
        if then.id == round.id || then.created_at > round.created_at {
            continue;
        }
        let before = match scans.entry(then.id) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(app.store.my_scan(school, then.id, me).await?.content)
            }
        };
        let before = &*before;
        let word = |kind: Kind, c: Option<Choice>| {
            c.map_or_else(
                || Tr(lang).get("overview-no-answer"),
                |c| scale.label(kind, c, lang).to_owned(),
            )
        };
        let lines = domain::plan::then_and_now(goal, edition, before, content)
            .into_iter()
            .map(|l| {
                let kind = l.statement.map_or(Kind::Task, |s| s.kind);
                ShiftLine {
                    code: l.code.to_string(),
                    text: l
                        .statement
                        .map_or_else(String::new, |s| s.text.shown(lang).to_owned()),
                    before: word(kind, l.then),
                    now: word(kind, l.now),
                }
            })
            .collect();
        goals.push(CarriedGoal {
            what: goal.what.to_string(),
            href: Page::Goal(working.school().short_name.clone(), goal.id).path(lang),
            round: then.name.to_string(),
            lines,
        });
    }
    Ok(goals)
}

/// The document of an overview: what the page shows, and every statement with the step
/// chosen.
pub(crate) fn document(
    view: &OverviewView,
    edition: &Edition,
    content: &ScanContent,
    roles: &[Role],
    subtitle: String,
    lang: Lang,
) -> Overview {
    let t = Tr(lang);
    let scale = &view.scale;
    let now = store::now_millis();
    let line = |l: &StatementLine| DocLine {
        code: l.code.clone(),
        text: l.text.clone(),
    };
    let voice = &view.voice;
    Overview {
        lang: lang.code().to_owned(),
        title: view.chrome.title.clone(),
        subtitle,
        made_on: t.with("overview-made-on", "date", crate::ui::dates::day(now, lang)),
        intro: t.get("overview-private"),
        legend: view.legend.iter().map(|(_, label)| label.clone()).collect(),
        roles: view
            .roles
            .iter()
            .zip(roles)
            .map(|(r, &role)| RoleSection {
                name: r.name.clone(),
                areas: r
                    .areas
                    .iter()
                    .zip(Area::ALL)
                    .map(|(a, area)| AreaSection {
                        name: a.name.clone(),
                        bars: a
                            .bars
                            .iter()
                            .map(|b| {
                                let mut counts = [0; formats::overview::STEPS];
                                for (i, (_, n)) in b.cells.iter().enumerate().take(4) {
                                    counts[i] = *n;
                                }
                                counts[4] = b.open;
                                DocBar {
                                    label: b.label.clone(),
                                    counts,
                                }
                            })
                            .collect(),
                        answers: edition
                            .statements()
                            .iter()
                            .filter(|s| s.role == role && s.area == area)
                            .map(|s| {
                                let answer = content.answer(&s.code);
                                DocAnswer {
                                    code: s.code.to_string(),
                                    text: s.text.shown(lang).to_owned(),
                                    choice: answer
                                        .and_then(|a| a.choice)
                                        .map(|c| scale.label(s.kind, c, lang).to_owned())
                                        .unwrap_or_default(),
                                    note: answer
                                        .and_then(|a| a.note.as_ref())
                                        .map(|n| n.to_string())
                                        .unwrap_or_default(),
                                    discuss: answer.is_some_and(|a| a.discuss),
                                }
                            })
                            .collect(),
                        texts: a.focus.iter().chain(&a.reflections).cloned().collect(),
                    })
                    .collect(),
                strengths: r.strengths.iter().map(line).collect(),
                wishes: r.wishes.iter().map(line).collect(),
                discuss: r.discuss.iter().map(line).collect(),
            })
            .collect(),
        changes: view.earlier.as_ref().map(|(name, lines)| Changes {
            heading: t.with("overview-changes-since", "round", name),
            before: name.clone(),
            now: view.round_name.clone(),
            rows: lines
                .iter()
                .map(|l| {
                    (
                        format!("{} {}", l.code, l.text),
                        l.before.clone(),
                        l.now.clone(),
                    )
                })
                .collect(),
        }),
        words: Words {
            statement: t.get("overview-statement"),
            choice: t.get("overview-choice"),
            note: t.get("overview-note"),
            discuss: t.get("scan-discuss"),
            strengths: voice.strengths.clone(),
            wishes: voice.wishes.clone(),
            to_discuss: voice.discuss.clone(),
            none_yet: t.get("overview-none-yet"),
        },
    }
}

/// The overview of a scan: one's own (`shared_by` is `None`), or a colleague's.
#[allow(clippy::too_many_arguments)]
pub(crate) fn render(
    app: &AppState,
    lang: Lang,
    working: &crate::working::Working,
    round: &store::Round,
    edition: &Edition,
    scan: &store::MyScan,
    roles: &[Role],
    earlier: Option<(String, ScanContent)>,
    shared_by: Option<String>,
    scale: ScaleLabels,
) -> OverviewView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let content = &scan.content;
    let overviews = roles
        .iter()
        .map(|&role| role_overview(edition, content, role, &scale, lang))
        .collect();
    let earlier = earlier.map(|(name, before)| {
        let lines = shifts(edition, roles, &before, content)
            .into_iter()
            .map(|shift| {
                let word = |c: Option<Choice>| {
                    c.map_or_else(
                        || t.get("overview-no-answer"),
                        |c| scale.label(shift.statement.kind, c, lang).to_owned(),
                    )
                };
                ShiftLine {
                    code: shift.statement.code.to_string(),
                    text: shift.statement.text.shown(lang).to_owned(),
                    before: word(shift.before),
                    now: word(shift.now),
                }
            })
            .collect();
        (name, lines)
    });
    let page = Page::ScanOverview(short.clone(), round.id);
    let title = match &shared_by {
        None => t.with("overview-title", "round", round.name.as_str()),
        Some(name) => t.args(
            "overview-shared-title",
            &[("name", name.as_str()), ("round", round.name.as_str())],
        ),
    };
    OverviewView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), title).signed_in(),
        nav: Some(SchoolNav::new(working, lang, &Page::Rounds(short.clone()))),
        round_name: round.name.to_string(),
        period: period_text(round.period, lang),
        round_href: Some(Page::Round(short.clone(), round.id).path(lang)),
        roles: overviews,
        legend: legend(&scale, lang),
        task_header: steps(&scale, Kind::Task, lang),
        expertise_header: steps(&scale, Kind::Expertise, lang),
        earlier,
        started: scan.started,
        voice: Voice::new(lang, shared_by.as_deref()),
        shared_by,
        scale,
        kept: None,
        goal_href: None,
        goals: Vec::new(),
        pdf_href: Page::ScanDocument(short.clone(), round.id, DocumentFormat::Pdf).path(lang),
        docx_href: Page::ScanDocument(short.clone(), round.id, DocumentFormat::Docx).path(lang),
        t,
    }
}

pub(crate) fn role_overview(
    edition: &Edition,
    content: &ScanContent,
    role: Role,
    scale: &ScaleLabels,
    lang: Lang,
) -> RoleOverview {
    let t = Tr(lang);
    let areas = Area::ALL
        .into_iter()
        .map(|area| {
            let (bars, summary) = area_bars(
                |kind| tally(edition, content, role, area, kind),
                scale,
                lang,
            );
            AreaOverview {
                name: edition.area(area).name.get(lang).to_owned(),
                id: format!("{}-{}", role.code(), area.code()).to_lowercase(),
                summary,
                bars,
                notes: edition
                    .statements()
                    .iter()
                    .filter(|s| s.role == role && s.area == area)
                    .filter(|s| content.answer(&s.code).is_some_and(|a| a.note.is_some()))
                    .map(|s| line(content, s, lang))
                    .collect(),
                focus: Kind::ALL
                    .into_iter()
                    .filter_map(|kind| {
                        let note = content.notes.get(&NoteKey::Focus(role, area, kind))?;
                        Some((
                            t.get(match kind {
                                Kind::Task => "scan-focus-tasks",
                                Kind::Expertise => "scan-focus-expertise",
                            }),
                            note.to_string(),
                        ))
                    })
                    .collect(),
                reflections: Prompt::ALL
                    .into_iter()
                    .filter_map(|p| {
                        let note = content.notes.get(&NoteKey::Reflection(role, area, p))?;
                        Some((p.question(area, lang), note.to_string()))
                    })
                    .collect(),
            }
        })
        .collect();
    let lines = |choice: Choice| {
        with_choice(edition, content, role, choice)
            .into_iter()
            .map(|s| line(content, s, lang))
            .collect()
    };
    RoleOverview {
        name: edition.role(role).name.get(lang).to_owned(),
        areas,
        strengths: lines(Choice::Yes),
        wishes: lines(Choice::Develop),
        discuss: edition
            .statements()
            .iter()
            .filter(|s| s.role == role && content.answer(&s.code).is_some_and(|a| a.discuss))
            .map(|s| line(content, s, lang))
            .collect(),
    }
}
