//! The vision's draft: coordinators and administrators write it section by section (each
//! with our guiding questions, the text and the statements of the school's framework it links
//! to) and goal by goal, then publish it as a new version with a summary. Two authors never
//! overwrite each other: a section or goal saved since the form was shown is refused, the
//! typed text kept and the other author's words shown beside it. Every member may read the
//! draft; changing it is for coordinators.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::plan::PlanInputError;
use domain::vision::{Body, GoalError, GoalInput, Section, SectionText, checked_links};
use domain::{Code, Edition, Lang, Text};
use store::{VisionDraft, VisionError, VisionMark};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{day, today};
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::frameworks::school_framework;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::vision::shown::mark_words;
use crate::working::{Working, require};

/// A statement a section may link to.
#[derive(Debug)]
pub struct LinkChoice {
    pub value: String,
    pub label: String,
    pub checked: bool,
    /// Linked, but no longer in the school's framework.
    pub gone: bool,
}

#[derive(Debug)]
pub struct DraftSectionView {
    pub code: &'static str,
    pub name: &'static str,
    pub questions: &'static [&'static str],
    pub body: String,
    pub revision: i64,
    /// Who changed it last and when, in words.
    pub mark: Option<String>,
    /// Whether the section links to statements (the introduction does not).
    pub links_to: bool,
    pub choices: Vec<LinkChoice>,
    pub linked: usize,
    /// When another author saved the section in the meantime: their text, to merge by hand.
    pub theirs: Option<Vec<String>>,
    pub error: Option<String>,
}

/// A goal's form: an existing goal (with its id) or a new one.
#[derive(Debug, Default)]
pub struct GoalFormView {
    pub id: String,
    /// Keeps the form's ids unique on the page.
    pub prefix: String,
    pub revision: i64,
    pub section: String,
    pub goal: String,
    pub indicator: String,
    pub target: String,
    pub owner: String,
    pub evaluate_on: String,
    pub mark: Option<String>,
    pub error: Option<String>,
    /// Open the form (it was refused).
    pub open: bool,
    /// Adjustments from the yearly cycle's evaluations carried over to this goal, in words.
    pub adjustments: Vec<String>,
}

#[derive(Template)]
#[template(path = "vision/draft.html")]
pub struct DraftView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub action: String,
    pub vision_href: String,
    pub can_write: bool,
    pub revision: i64,
    pub sections: Vec<DraftSectionView>,
    pub section_names: Vec<(&'static str, &'static str)>,
    pub goals: Vec<GoalFormView>,
    /// The form for a new goal; `None` when the vision holds as many as it may.
    pub new_goal: Option<GoalFormView>,
    pub summary: String,
}

/// What was typed in a refused form, to show again.
#[derive(Debug, Default)]
struct Typed {
    section: Option<(Section, String, Vec<String>, Option<VisionMark>)>,
    goal: Option<(Option<Uuid>, GoalFormView)>,
    summary: String,
}

/// The statements of the school's framework in a section's area, with those linked ticked;
/// links no longer in the framework come first, ticked and marked.
fn choices(section: Section, edition: &Edition, linked: &[String], lang: Lang) -> Vec<LinkChoice> {
    let Section::Area(area) = section else {
        return Vec::new();
    };
    let mut out: Vec<LinkChoice> = linked
        .iter()
        .filter(|c| edition.statement(c).is_none())
        .map(|c| LinkChoice {
            value: c.clone(),
            label: c.clone(),
            checked: true,
            gone: true,
        })
        .collect();
    out.extend(
        edition
            .statements()
            .iter()
            .filter(|s| s.area == area)
            .map(|s| LinkChoice {
                value: s.code.to_string(),
                label: format!(
                    "{} ({}): {}",
                    s.code,
                    edition.role(s.role).name.get(lang),
                    s.text.shown(lang)
                ),
                checked: linked.iter().any(|c| c == s.code.as_str()),
                gone: false,
            }),
    );
    out
}

fn goal_form(id: Option<Uuid>, revision: i64, g: &domain::vision::Goal) -> GoalFormView {
    GoalFormView {
        id: id.map(|i| i.to_string()).unwrap_or_default(),
        prefix: id.map_or_else(|| "nieuw-".to_owned(), |i| format!("g{i}-")),
        revision,
        section: g.section.code().to_owned(),
        goal: g.goal.to_string(),
        indicator: g.indicator.to_string(),
        target: g.target.to_string(),
        owner: g.owner.to_string(),
        evaluate_on: g.evaluate_on.to_string(),
        ..GoalFormView::default()
    }
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    draft: &VisionDraft,
    typed: Typed,
) -> Result<DraftView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::VisionDraft(short.clone());
    let edition = school_framework(app, working.school().id).await?.current;
    let carried = app.store.carried_adjustments(working.school().id).await?;
    let sections = Section::ALL
        .into_iter()
        .map(|section| {
            let text = draft.vision.section(section);
            let mark = draft.sections.get(&section).cloned().unwrap_or_default();
            let mut view = DraftSectionView {
                code: section.code(),
                name: section.name(lang),
                questions: section.questions(lang),
                body: text.body.as_str().to_owned(),
                revision: mark.revision,
                mark: mark_words(&mark, lang),
                links_to: section != Section::Intro,
                choices: Vec::new(),
                linked: text.links.len(),
                theirs: None,
                error: None,
            };
            let mut linked: Vec<String> = text.links.iter().map(Code::to_string).collect();
            if let Some((s, body, links, stale)) = &typed.section
                && *s == section
            {
                view.body.clone_from(body);
                linked.clone_from(links);
                view.theirs = stale.as_ref().map(|_| text.body.paragraphs());
            }
            view.choices = choices(section, &edition, &linked, lang);
            view
        })
        .collect();
    let mut new_goal = GoalFormView {
        prefix: "nieuw-".to_owned(),
        section: Section::ALL[1].code().to_owned(),
        ..GoalFormView::default()
    };
    let mut goals: Vec<GoalFormView> = draft
        .vision
        .goals
        .iter()
        .zip(&draft.goals)
        .map(|(g, (id, mark))| GoalFormView {
            mark: mark_words(mark, lang),
            adjustments: carried
                .iter()
                .filter(|(goal, _, _)| goal == id)
                .map(|(_, year, text)| {
                    t.args(
                        "vision-adjustment",
                        &[("year", year.as_str()), ("text", text.as_str())],
                    )
                })
                .collect(),
            ..goal_form(Some(*id), mark.revision, g)
        })
        .collect();
    match typed.goal {
        Some((None, form)) => {
            new_goal = GoalFormView {
                prefix: new_goal.prefix,
                ..form
            }
        }
        Some((Some(id), form)) => {
            if let Some(shown) = goals.iter_mut().find(|g| g.id == id.to_string()) {
                let mark = shown.mark.take();
                *shown = GoalFormView {
                    mark,
                    adjustments: std::mem::take(&mut shown.adjustments),
                    prefix: shown.prefix.clone(),
                    ..form
                };
            }
        }
        None => {}
    }
    Ok(DraftView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("vision-draft-title"),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        action: page.path(lang),
        vision_href: Page::Vision(short).path(lang),
        can_write: working.permission().includes(Permission::Coordinator),
        revision: draft.revision,
        sections,
        section_names: Section::ALL
            .into_iter()
            .map(|s| (s.code(), s.name(lang)))
            .collect(),
        new_goal: (draft.vision.goals.len() < domain::vision::GOALS_MAX).then_some(new_goal),
        goals,
        summary: typed.summary,
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
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let draft = app.store.vision_draft(working.school().id).await?;
    let mut view = page(&app, lang, &working, &draft, Typed::default()).await?;
    view.notice = done_notice(
        query,
        lang,
        &[
            ("opgeslagen", "vision-section-saved"),
            ("doel", "vision-goal-added"),
            ("doel-gewijzigd", "vision-goal-saved"),
            ("doel-weg", "vision-goal-deleted"),
        ],
    );
    respond_private(&view, lang, StatusCode::OK)
}

/// Why a change to the draft was not made.
enum Refusal {
    Input(PlanInputError),
    Goal(GoalError),
    Words(String),
    Store(VisionError),
}

/// A goal's form as typed.
fn typed_goal(fields: &FormFields, id: &str, revision: i64) -> GoalFormView {
    GoalFormView {
        id: id.to_owned(),
        revision,
        section: fields.one("onderdeel").to_owned(),
        goal: fields.one("doel").to_owned(),
        indicator: fields.one("indicator").to_owned(),
        target: fields.one("streefwaarde").to_owned(),
        owner: fields.one("eigenaar").to_owned(),
        evaluate_on: fields.one("evaluatie").to_owned(),
        open: true,
        ..GoalFormView::default()
    }
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let draft = app.store.vision_draft(school).await?;
    let revision: i64 = fields.one("revisie").trim().parse().unwrap_or(-1);
    let goal_input = GoalInput {
        section: fields.one("onderdeel"),
        goal: fields.one("doel"),
        indicator: fields.one("indicator"),
        target: fields.one("streefwaarde"),
        owner: fields.one("eigenaar"),
        evaluate_on: fields.one("evaluatie"),
    };
    let mut typed = Typed::default();
    let back = |done: &str, anchor: &str| {
        see_other(&format!(
            "{}?klaar={done}{anchor}",
            Page::VisionDraft(short.clone()).path(lang)
        ))
    };
    let result: Result<Response, Refusal> = match fields.one("op") {
        "section" => match Section::parse(fields.one("onderdeel")) {
            None => Err(Refusal::Words(t.get("vision-error-section"))),
            Some(section) => {
                let chosen: Vec<&str> = if section == Section::Intro {
                    Vec::new()
                } else {
                    fields.all("koppeling").collect()
                };
                typed.section = Some((
                    section,
                    fields.one("tekst").to_owned(),
                    chosen.iter().map(|c| (*c).to_owned()).collect(),
                    None,
                ));
                let edition = school_framework(&app, school).await?.current;
                let kept = draft.vision.section(section).links;
                match (
                    Body::parse(fields.one("tekst")),
                    checked_links(&chosen, &edition, &kept),
                ) {
                    (Ok(body), Ok(links)) => app
                        .store
                        .save_vision_section(
                            school,
                            me,
                            section,
                            revision,
                            &SectionText { body, links },
                        )
                        .await
                        .map(|()| back("opgeslagen", &format!("#{}", section.code())))
                        .map_err(Refusal::Store),
                    (Err(e), _) | (_, Err(e)) => Err(Refusal::Input(e)),
                }
            }
        },
        "add-goal" => {
            typed.goal = Some((None, typed_goal(&fields, "", 0)));
            match goal_input.parse() {
                Ok(goal) => app
                    .store
                    .add_vision_goal(school, me, &goal)
                    .await
                    .map(|_| back("doel", "#doelen"))
                    .map_err(Refusal::Store),
                Err(e) => Err(Refusal::Goal(e)),
            }
        }
        "goal" | "delete-goal" => match Uuid::parse_str(fields.one("id").trim()) {
            Err(_) => Err(Refusal::Store(VisionError::NotFound)),
            Ok(id) if fields.one("op") == "delete-goal" => app
                .store
                .delete_vision_goal(school, me, id, revision)
                .await
                .map(|()| back("doel-weg", "#doelen"))
                .map_err(Refusal::Store),
            Ok(id) => {
                typed.goal = Some((Some(id), typed_goal(&fields, &id.to_string(), revision)));
                match goal_input.parse() {
                    Ok(goal) => app
                        .store
                        .change_vision_goal(school, me, id, revision, &goal)
                        .await
                        .map(|()| back("doel-gewijzigd", "#doelen"))
                        .map_err(Refusal::Store),
                    Err(e) => Err(Refusal::Goal(e)),
                }
            }
        },
        "publish" => {
            typed.summary = fields.one("samenvatting").to_owned();
            let edition = school_framework(&app, school).await?.current;
            let link_texts: HashMap<Code, Text> = draft
                .vision
                .sections
                .iter()
                .flat_map(|(_, s)| s.links.iter())
                .filter_map(|c| {
                    edition
                        .statement(c.as_str())
                        .map(|s| (c.clone(), s.text.clone()))
                })
                .collect();
            // Words of links the school's framework hid: as the last version kept them, else
            // as the national edition has them.
            let mut link_texts = link_texts;
            if let Some(last) = app.store.vision_versions(school).await?.first()
                && let Some(v) = app.store.vision_version(school, last.id).await?
            {
                for (code, text) in v.link_texts {
                    link_texts.entry(code).or_insert(text);
                }
            }
            for code in draft
                .vision
                .sections
                .iter()
                .flat_map(|(_, s)| s.links.iter())
            {
                if let Some(s) = app.edition().statement(code.as_str()) {
                    link_texts
                        .entry(code.clone())
                        .or_insert_with(|| s.text.clone());
                }
            }
            app.store
                .publish_vision(
                    school,
                    me,
                    revision,
                    fields.one("samenvatting"),
                    today(),
                    &link_texts,
                )
                .await
                .map(|_| {
                    see_other(&format!(
                        "{}?klaar=vastgesteld",
                        Page::Vision(short.clone()).path(lang)
                    ))
                })
                .map_err(Refusal::Store)
        }
        _ => Err(Refusal::Words(t.get("fw-error-op"))),
    };
    let refusal = match result {
        Ok(response) => return Ok(response),
        Err(r) => r,
    };
    let (message, status) = match refusal {
        Refusal::Input(e) => (e.message(lang), StatusCode::UNPROCESSABLE_ENTITY),
        Refusal::Goal(e) => (e.message(lang), StatusCode::UNPROCESSABLE_ENTITY),
        Refusal::Words(w) => (w, StatusCode::UNPROCESSABLE_ENTITY),
        Refusal::Store(VisionError::Stale(mark)) => {
            let by = mark
                .by
                .clone()
                .unwrap_or_else(|| t.get("plan-former-colleague"));
            if let Some(section) = typed.section.as_mut() {
                section.3 = Some(mark.clone());
            }
            (
                t.args(
                    "vision-stale",
                    &[("by", &by), ("date", &day(mark.at, lang))],
                ),
                StatusCode::CONFLICT,
            )
        }
        Refusal::Store(VisionError::DraftChanged) => {
            (t.get("vision-draft-changed"), StatusCode::CONFLICT)
        }
        Refusal::Store(VisionError::TooManyGoals) => (
            t.with("vision-too-many-goals", "max", domain::vision::GOALS_MAX),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Refusal::Store(VisionError::Publish(e)) => {
            (e.message(lang), StatusCode::UNPROCESSABLE_ENTITY)
        }
        Refusal::Store(VisionError::NotFound) => (t.get("vision-goal-gone"), StatusCode::NOT_FOUND),
        Refusal::Store(VisionError::NotAllowed) => {
            (t.get("vision-not-allowed"), StatusCode::FORBIDDEN)
        }
        Refusal::Store(VisionError::Store(e)) => return Err(e.into()),
    };
    // Show the draft as it is now, with what was typed and why nothing changed.
    let draft = app.store.vision_draft(school).await?;
    let fresh_revision = |mark: Option<&VisionMark>| mark.map_or(0, |m| m.revision);
    if let Some((_, form)) = typed.goal.as_mut()
        && status == StatusCode::CONFLICT
        && let Some((_, mark)) = Uuid::parse_str(&form.id).ok().and_then(|id| draft.goal(id))
    {
        // Saving again overwrites deliberately: the form now expects the newer revision.
        form.revision = fresh_revision(Some(mark));
    }
    let stale_section = typed.section.as_ref().map(|s| s.0);
    let mut view = page(&app, lang, &working, &draft, typed).await?;
    if let Some(section) = stale_section {
        for s in &mut view.sections {
            if s.code == section.code() {
                s.error = Some(message.clone());
                if status == StatusCode::CONFLICT {
                    s.revision = fresh_revision(draft.sections.get(&section));
                }
            }
        }
    }
    if let Some(form) = view
        .goals
        .iter_mut()
        .chain(view.new_goal.as_mut())
        .find(|g| g.open)
    {
        form.error = Some(message.clone());
    }
    view.refused = Some(message);
    respond_private(&view, lang, status)
}
