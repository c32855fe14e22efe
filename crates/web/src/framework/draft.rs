//! The school's draft of its next edition: every change to it listed as a change, its
//! statements with a way to change each, adding a statement, publishing, throwing it away.
//! Coordinators and administrators only.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::framework::Problem as EditionProblem;
use domain::framework::draft::{self, DraftError, DraftStatement, Publication};
use domain::{Area, Depth, Edition, Kind, Lang, Location, Role, Tag, Text, diff};
use store::{Draft, DraftFailure, DraftRefusal};

use crate::error::{AppError, error_page};
use crate::framework::own::{ChangeLine, change_line, summary};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::Problem;
use crate::ui::frameworks::{SchoolFramework, newest_national, school_framework};
use crate::ui::frameworks::{draft_error_message, refusal_message};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

/// A statement of the draft as its list shows it.
#[derive(Debug)]
pub struct DraftLine {
    pub code: String,
    pub text: String,
    pub fallback: bool,
    pub hidden: bool,
    pub own: bool,
    /// The ways it differs from the edition the draft started from, in words.
    pub changed: String,
    pub tags: Vec<String>,
    pub depth: Option<String>,
    pub edit_href: String,
    pub action: String,
    pub revision: i64,
    pub first: bool,
    pub last: bool,
}

/// Which of the draft's statements its page lists: all of them, or those of one role, one
/// area or both. It travels in the page's query (`?rol=BEG&gebied=ORI`, in English
/// `?role=…&area=…`) and, from a statement's actions, in a hidden field `terug` so that the
/// coordinator comes back to the same selection.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DraftFilter {
    pub role: Option<Role>,
    pub area: Option<Area>,
}

fn role_param(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "rol",
        Lang::En => "role",
    }
}

fn area_param(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "gebied",
        Lang::En => "area",
    }
}

impl DraftFilter {
    /// The filter a query names; unknown codes select everything.
    pub fn from_query(query: &HashMap<String, String>, lang: Lang) -> DraftFilter {
        let get = |name: &str| query.get(name).map(String::as_str).unwrap_or_default();
        DraftFilter {
            role: Role::from_code(get(role_param(lang))),
            area: Area::from_code(get(area_param(lang))),
        }
    }

    /// The filter a statement's form carried back, as its query string (`terug`).
    pub fn from_return(query: &str, lang: Lang) -> DraftFilter {
        let pairs = query
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        DraftFilter::from_query(&pairs, lang)
    }

    /// The query that selects the same statements in `lang`; empty when it selects all.
    pub fn query(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if let Some(role) = self.role {
            parts.push(format!("{}={}", role_param(lang), role.code()));
        }
        if let Some(area) = self.area {
            parts.push(format!("{}={}", area_param(lang), area.code()));
        }
        parts.join("&")
    }

    /// The draft page's address with this selection, and `anchor` when there is one.
    pub fn href(&self, short: &str, lang: Lang, anchor: &str) -> String {
        let mut href = with_query(Page::Draft(short.to_owned()).path(lang), &self.query(lang));
        if !anchor.is_empty() {
            href = format!("{href}#{anchor}");
        }
        href
    }

    pub(crate) fn keeps(&self, role: Role, area: Area) -> bool {
        self.role.is_none_or(|r| r == role) && self.area.is_none_or(|a| a == area)
    }
}

/// `path` with `query` when there is one.
fn with_query(path: String, query: &str) -> String {
    if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    }
}

/// The draft's statements of one role, area and kind.
#[derive(Debug)]
pub struct DraftBlock {
    pub id: String,
    pub heading: String,
    pub lines: Vec<DraftLine>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AddForm {
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub area: String,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub nl: String,
    #[serde(default)]
    pub en: String,
    #[serde(default)]
    pub depth: String,
    #[serde(default)]
    pub tag_regional: Option<String>,
    #[serde(default)]
    pub tag_occupational: Option<String>,
    #[serde(default)]
    pub tag_school: Option<String>,
    #[serde(default)]
    pub tags_own: String,
    /// The selection of the list the form was sent from (see [`DraftFilter`]).
    #[serde(default)]
    pub terug: String,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub revision: String,
}

#[derive(Template)]
#[template(path = "framework/draft.html")]
pub struct DraftView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub based_on: String,
    pub from: String,
    pub summary: String,
    pub changes: Vec<ChangeLine>,
    pub blocks: Vec<DraftBlock>,
    pub add_action: String,
    pub publish_action: String,
    pub discard_action: String,
    pub back_href: String,
    pub next_version: String,
    pub revision: i64,
    pub add: AddForm,
    pub publish: PublishForm,
    pub problems: Vec<Problem>,
    /// Why the draft cannot be published as it is.
    pub publish_problems: Vec<String>,
    /// Why the draft was not thrown away (the confirmation was not ticked).
    pub discard_error: Option<String>,
    pub roles: Vec<(String, String)>,
    pub areas: Vec<(String, String)>,
    pub depths: Vec<(String, String)>,
    /// The list's selection: the form's address, the chosen codes (empty: all), and the
    /// query the statements' forms carry back.
    pub filter_action: String,
    pub filter_role: String,
    pub filter_area: String,
    pub filter_query: String,
    /// The query's names in the page's language.
    pub role_param: &'static str,
    pub area_param: &'static str,
    /// How many statements are listed, of all the draft has, in words.
    pub listed: String,
    /// The add form is open: it was sent and refused.
    pub add_open: bool,
}

impl DraftView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        crate::ui::forms::problem_of(&self.problems, field)
    }
}

/// A problem that keeps the draft from being an edition, in words for its editors.
fn publish_problem(problem: &EditionProblem, lang: Lang) -> String {
    match &problem.location {
        Location::Statement {
            code: Some(code), ..
        } => format!("{code}: {}", problem.kind.message(lang)),
        _ => problem.kind.message(lang),
    }
}

pub(crate) fn role_choices(edition: &Edition, lang: Lang) -> Vec<(String, String)> {
    Role::ALL
        .into_iter()
        .map(|r| {
            (
                r.code().to_owned(),
                edition.role(r).name.get(lang).to_owned(),
            )
        })
        .collect()
}

pub(crate) fn area_choices(edition: &Edition, lang: Lang) -> Vec<(String, String)> {
    Area::ALL
        .into_iter()
        .map(|a| {
            (
                a.code().to_owned(),
                edition.area(a).name.get(lang).to_owned(),
            )
        })
        .collect()
}

pub(crate) fn depth_choices(lang: Lang) -> Vec<(String, String)> {
    let t = Tr(lang);
    std::iter::once((String::new(), t.get("fw-depth-none")))
        .chain(Depth::ALL.into_iter().map(|d| {
            (
                d.level().to_string(),
                t.get(&format!("depth-{}", d.level())),
            )
        }))
        .collect()
}

/// Tags from a form: the three known ones as checkboxes, and the school's own, comma
/// separated; `Err` names an own tag that is not one.
pub(crate) fn form_tags(
    regional: &Option<String>,
    occupational: &Option<String>,
    school: &Option<String>,
    own: &str,
) -> Result<Vec<Tag>, String> {
    let mut tags = Vec::new();
    for (on, tag) in [
        (regional, Tag::Regional),
        (occupational, Tag::Occupational),
        (school, Tag::School),
    ] {
        if on.is_some() {
            tags.push(tag);
        }
    }
    for tag in Tag::parse_list(own)? {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Ok(tags)
}

/// The edition a draft started from.
pub(crate) async fn draft_from(
    app: &AppState,
    draft: &Draft,
    framework: &SchoolFramework,
) -> Result<Edition, AppError> {
    Ok(app
        .store
        .edition(draft.from)
        .await?
        .unwrap_or_else(|| framework.current.clone()))
}

#[allow(clippy::too_many_arguments)]
async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    draft: &Draft,
    filter: DraftFilter,
    mut add: AddForm,
    publish: PublishForm,
    problems: Vec<Problem>,
    publish_problems: Vec<String>,
) -> Result<DraftView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let short = school.short_name.clone();
    let page = Page::Draft(short.clone());
    let framework = school_framework(app, school.id).await?;
    let from = draft_from(app, draft, &framework).await?;
    let based_on = match app.store.edition(draft.based_on).await? {
        Some(national) => national.meta().version.clone(),
        None => String::new(),
    };
    let visible = draft::visible(&draft.statements);
    let changes = diff(from.statements(), &visible);
    let filter_query = filter.query(lang);
    let mut blocks = Vec::new();
    for role in Role::ALL {
        for area in Area::ALL {
            if !filter.keeps(role, area) {
                continue;
            }
            for kind in Kind::ALL {
                let members: Vec<(usize, &DraftStatement)> = draft
                    .statements
                    .iter()
                    .enumerate()
                    .filter(|(_, d)| {
                        let s = &d.statement;
                        (s.role, s.area, s.kind) == (role, area, kind)
                    })
                    .collect();
                let count = members.len();
                let lines = members
                    .into_iter()
                    .enumerate()
                    .map(|(n, (i, d))| {
                        let s = &d.statement;
                        let changed = changes
                            .iter()
                            .find(|c| c.code == s.code)
                            .map(|c| {
                                c.aspects
                                    .iter()
                                    .map(|a| crate::framework::own::aspect_word(*a, lang))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            })
                            .unwrap_or_default();
                        DraftLine {
                            code: s.code.to_string(),
                            text: s.text.shown(lang).to_owned(),
                            fallback: s.text.falls_back(lang),
                            hidden: d.hidden,
                            own: draft::is_own(&s.code),
                            changed,
                            tags: s.tags.iter().map(|g| g.name(lang).to_owned()).collect(),
                            depth: s.depth.map(|d| t.get(&format!("depth-{}", d.level()))),
                            edit_href: with_query(
                                Page::DraftStatement(short.clone(), s.code.to_string()).path(lang),
                                &filter_query,
                            ),
                            action: Page::DraftStatement(short.clone(), s.code.to_string())
                                .path(lang),
                            revision: draft.marks.get(i).map_or(0, |m| m.revision),
                            first: n == 0,
                            last: n + 1 == count,
                        }
                    })
                    .collect();
                blocks.push(DraftBlock {
                    id: format!("{}-{}-{}", role.code(), area.code(), kind.letter()),
                    heading: crate::framework::own::place_of(&from, role, area, kind, lang),
                    lines,
                });
            }
        }
    }
    let listed: usize = blocks.iter().map(|b| b.lines.len()).sum();
    let add_open = problems.iter().any(|p| p.field.starts_with("add-"));
    // A fresh add form starts in the part of the framework the list shows.
    if add.role.is_empty() && add.area.is_empty() {
        add.role = filter.role.map(|r| r.code().to_owned()).unwrap_or_default();
        add.area = filter.area.map(|a| a.code().to_owned()).unwrap_or_default();
    }
    Ok(DraftView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("fw-draft-title"))
            .signed_in()
            .with_switch_query(&filter.query(lang.other())),
        nav: SchoolNav::new(working, lang, &page),
        based_on,
        from: from.meta().version.clone(),
        summary: summary(&changes, lang),
        changes: changes
            .iter()
            .map(|c| change_line(&from, c, lang))
            .collect(),
        blocks,
        add_action: Page::DraftAdd(short.clone()).path(lang),
        publish_action: Page::DraftPublish(short.clone()).path(lang),
        discard_action: Page::DraftDiscard(short.clone()).path(lang),
        back_href: Page::Framework(short.clone()).path(lang),
        next_version: (framework.editions.len() + 1).to_string(),
        revision: draft.revision,
        add,
        publish,
        problems,
        publish_problems,
        discard_error: None,
        roles: role_choices(&from, lang),
        areas: area_choices(&from, lang),
        depths: depth_choices(lang),
        filter_action: Page::Draft(short.clone()).path(lang),
        filter_role: filter.role.map(|r| r.code().to_owned()).unwrap_or_default(),
        filter_area: filter.area.map(|a| a.code().to_owned()).unwrap_or_default(),
        filter_query,
        role_param: role_param(lang),
        area_param: area_param(lang),
        listed: t.args(
            "fw-filter-listed",
            &[
                ("listed", &listed.to_string()),
                ("total", &draft.statements.len().to_string()),
            ],
        ),
        add_open,
        t,
    })
}

/// The person working in the school as a coordinator, and the school's draft; or the page
/// to answer with instead (sign in, not allowed, no draft: back to the framework page).
async fn with_draft(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    short: &str,
) -> Result<(Working, Draft), AppError> {
    let working = require(app, headers, lang, short, Permission::Coordinator).await?;
    match app.store.draft(working.school().id).await? {
        Some(draft) => Ok((working, draft)),
        None => Err(AppError::answer(see_other(
            &Page::Framework(short.to_owned()).path(lang),
        ))),
    }
}

/// The draft page with empty forms and nothing refused.
async fn untouched(
    app: &AppState,
    lang: Lang,
    working: &Working,
    draft: &Draft,
    filter: DraftFilter,
) -> Result<DraftView, AppError> {
    let (add, publish) = (AddForm::default(), PublishForm::default());
    view(
        app,
        lang,
        working,
        draft,
        filter,
        add,
        publish,
        Vec::new(),
        Vec::new(),
    )
    .await
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let (working, draft) = with_draft(&app, lang, &headers, &short).await?;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let filter = DraftFilter::from_query(&query, lang);
    let page = untouched(&app, lang, &working, &draft, filter).await?;
    respond_private(&page, lang, StatusCode::OK)
}

/// Starts the draft from the school's newest edition (or the national one).
pub async fn start(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let framework = school_framework(&app, working.school().id).await?;
    match app
        .store
        .start_draft(
            working.school().id,
            working.user().id,
            working.user().name.as_str(),
            &framework.current,
            framework.based_on,
        )
        .await
    {
        // Someone else started one a moment ago: theirs is the draft.
        Ok(()) | Err(DraftFailure::Refused(DraftRefusal::DraftExists)) => {
            Ok(see_other(&Page::Draft(short).path(lang)))
        }
        Err(DraftFailure::Refused(_)) => Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
        Err(DraftFailure::Store(e)) => Err(e.into()),
    }
}

/// Adds a school's own statement to the draft.
pub async fn add(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<AddForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let (working, draft) = with_draft(&app, lang, &headers, &short).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let filter = DraftFilter::from_return(&form.terug, lang);
    let t = Tr(lang);
    let mut problems = Vec::new();
    let role = Role::from_code(&form.role);
    let area = Area::from_code(&form.area);
    let kind = Kind::from_name(&form.kind);
    if role.is_none() || area.is_none() || kind.is_none() {
        problems.push(Problem {
            field: "add-role",
            message: t.get("fw-error-place"),
        });
    }
    let depth = match form.depth.as_str() {
        "" => None,
        d => match d.parse().ok().and_then(Depth::from_level) {
            Some(depth) => Some(depth),
            None => {
                problems.push(Problem {
                    field: "add-depth",
                    message: t.get("fw-error-depth"),
                });
                None
            }
        },
    };
    let tags = form_tags(
        &form.tag_regional,
        &form.tag_occupational,
        &form.tag_school,
        &form.tags_own,
    )
    .unwrap_or_else(|bad| {
        problems.push(Problem {
            field: "add-tags",
            message: t.with("fw-error-tag", "tag", bad),
        });
        Vec::new()
    });
    let text = match draft::checked_text(&form.nl, &form.en) {
        Ok(text) => Some(text),
        Err(e) => {
            problems.push(Problem {
                field: if e == DraftError::NoDutchText {
                    "add-nl"
                } else {
                    "add-en"
                },
                message: draft_error_message(&e, lang),
            });
            None
        }
    };
    let (Some(role), Some(area), Some(kind), Some(text), true) =
        (role, area, kind, text, problems.is_empty())
    else {
        return refused(
            &app,
            lang,
            &working,
            &draft,
            filter,
            (form, PublishForm::default()),
            problems,
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let added = app
        .store
        .change_draft(
            working.school().id,
            working.user().id,
            working.user().name.as_str(),
            None,
            None,
            Box::new(move |statements| draft::add(statements, role, area, kind, text, depth, tags)),
        )
        .await;
    match added {
        // Back to the same selection when it shows the new statement, else to all.
        Ok(code) => {
            let back = if filter.keeps(role, area) {
                filter
            } else {
                DraftFilter::default()
            };
            Ok(see_other(&back.href(&short, lang, &code.to_string())))
        }
        Err(DraftFailure::Refused(refusal)) => {
            let problems = vec![Problem {
                field: "add-nl",
                message: refusal_message(&refusal, lang),
            }];
            refused(
                &app,
                lang,
                &working,
                &draft,
                filter,
                (form, PublishForm::default()),
                problems,
                Vec::new(),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(DraftFailure::Store(e)) => Err(e.into()),
    }
}

/// Publishes the draft as the school's next edition.
pub async fn publish(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<PublishForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let (working, draft) = with_draft(&app, lang, &headers, &short).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let t = Tr(lang);
    let school = working.school();
    let summary = form.summary.trim().to_owned();
    if summary.is_empty() || summary.chars().count() > 2000 {
        let problems = vec![Problem {
            field: "summary",
            message: t.get("fw-error-summary"),
        }];
        return refused(
            &app,
            lang,
            &working,
            &draft,
            DraftFilter::default(),
            (AddForm::default(), form),
            problems,
            Vec::new(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let reviewed: i64 = form.revision.parse().unwrap_or(-1);
    let framework = school_framework(&app, school.id).await?;
    let from = draft_from(&app, &draft, &framework).await?;
    let national = newest_national(&app).await?;
    let more_themes = if national.id() == draft.based_on {
        national.themes().to_vec()
    } else {
        match app.store.edition(draft.based_on).await? {
            Some(base) => base.themes().to_vec(),
            None => Vec::new(),
        }
    };
    let name = school.name.to_string();
    let edition = draft::publish(
        &draft.statements,
        Publication {
            from: &from,
            more_themes: &more_themes,
            based_on: draft.based_on,
            identifier: draft::school_identifier(school.id),
            version: (framework.editions.len() + 1).to_string(),
            date: crate::ui::dates::today(),
            publisher: name.clone(),
            title: Text::new(
                Tr(Lang::Nl).with("fw-edition-title", "school", &name),
                Tr(Lang::En).with("fw-edition-title", "school", &name),
            ),
            summary,
        },
    );
    let edition = match edition {
        Ok(edition) => edition,
        Err(found) => {
            let lines = found.iter().map(|p| publish_problem(p, lang)).collect();
            return refused(
                &app,
                lang,
                &working,
                &draft,
                DraftFilter::default(),
                (AddForm::default(), form),
                Vec::new(),
                lines,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match app
        .store
        .publish_draft(
            school.id,
            working.user().id,
            working.user().name.as_str(),
            &edition,
            reviewed,
        )
        .await
    {
        Ok(()) => Ok(see_other(&format!(
            "{}?klaar=gepubliceerd",
            Page::Framework(short).path(lang)
        ))),
        Err(DraftFailure::Refused(refusal)) => {
            let problems = vec![Problem {
                field: "summary",
                message: refusal_message(&refusal, lang),
            }];
            refused(
                &app,
                lang,
                &working,
                &draft,
                DraftFilter::default(),
                (AddForm::default(), form),
                problems,
                Vec::new(),
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(DraftFailure::Store(e)) => Err(e.into()),
    }
}

/// The draft page again, with the forms as posted and why adding or publishing was refused.
#[allow(clippy::too_many_arguments)]
async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    draft: &Draft,
    filter: DraftFilter,
    (add, publish): (AddForm, PublishForm),
    problems: Vec<Problem>,
    publish_problems: Vec<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let page = view(
        app,
        lang,
        working,
        draft,
        filter,
        add,
        publish,
        problems,
        publish_problems,
    )
    .await?;
    respond_private(&page, lang, status)
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct DiscardForm {
    /// `1` when the coordinator ticked that the draft goes for good.
    #[serde(default)]
    bevestig: String,
}

/// Throws the draft away (logged), once the coordinator has ticked that it goes for good;
/// without that nothing changes.
pub async fn discard(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<DiscardForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let (working, draft) = with_draft(&app, lang, &headers, &short).await?;
    if form.map(|Form(f)| f.bevestig != "1").unwrap_or(true) {
        let mut page = untouched(&app, lang, &working, &draft, DraftFilter::default()).await?;
        page.discard_error = Some(Tr(lang).get("fw-discard-unconfirmed"));
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    match app
        .store
        .discard_draft(working.school().id, working.user().id)
        .await
    {
        Ok(()) | Err(DraftFailure::Refused(DraftRefusal::NoDraft)) => Ok(see_other(&format!(
            "{}?klaar=weggegooid",
            Page::Framework(short).path(lang)
        ))),
        Err(DraftFailure::Refused(_)) => Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
        Err(DraftFailure::Store(e)) => Err(e.into()),
    }
}
