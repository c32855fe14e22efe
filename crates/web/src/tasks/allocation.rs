//! *Wie doet wat*: the team's agreement on who does which task in a school year, readable by
//! every member, with what deserves a conversation, in views per area, role, category and
//! person, and one's own tasks. Suggestions come only from scans whose owners chose to let
//! them feed it.

use std::collections::{HashMap, HashSet};

use askama::Template;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::{Permission, UserId};
use domain::allocation::{
    Assignment, Attention, Category, Part, Party, SchoolYear, Suggestion, Task, attention,
    task_hours,
};
use domain::hours::Minutes;
use domain::{Area, Code, Lang, Role};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::allocation::{Loaded, load, party_name};
use crate::ui::dates::{year_of, year_param};
use crate::ui::parties::{part_choices, party_choices};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

/// A task as the overview shows it.
#[derive(Debug)]
pub struct TaskRow {
    pub code: String,
    pub text: String,
    pub category: String,
    pub hours: String,
    pub responsible: String,
    pub carries_out: String,
    pub involved: String,
    /// What people said in their scans, for those who let them count.
    pub said: String,
    pub href: String,
    /// Ticked in the form for several tasks at once (it was refused and comes back).
    pub chosen: bool,
}

#[derive(Debug)]
pub struct Group {
    pub heading: String,
    pub rows: Vec<TaskRow>,
}

impl Group {
    /// The group's tasks as one form value: codes separated by commas.
    pub fn codes(&self) -> String {
        self.rows
            .iter()
            .map(|r| r.code.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[derive(Debug)]
pub struct ViewLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "tasks/allocation.html")]
pub struct TasksView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub year: String,
    pub previous_href: String,
    pub next_href: String,
    pub views: Vec<ViewLink>,
    pub attention: Vec<AttentionLine>,
    pub groups: Vec<Group>,
    pub can_change: bool,
    pub hours_href: String,
    pub xlsx_href: String,
    pub pdf_href: String,
    /// Where the page's own forms go (several tasks at once; the rules), and the view to
    /// come back to.
    pub change_action: String,
    pub view_key: &'static str,
    pub parties: Vec<(String, Vec<(String, String)>)>,
    pub parts: Vec<(&'static str, String)>,
    /// The message key of the party field's label.
    pub party_label: &'static str,
    pub one_responsible: bool,
    pub many: String,
    /// Why the last form was refused (nothing changed).
    pub refused: Option<String>,
    /// What the last form did.
    pub notice: Option<String>,
}

/// The ways to group the tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum View {
    Area,
    Role,
    Category,
    Person,
    Mine,
}

impl View {
    const ALL: [View; 5] = [
        View::Area,
        View::Role,
        View::Category,
        View::Person,
        View::Mine,
    ];

    /// The view a key names in a language, else the area view.
    pub(crate) fn named(key: &str, lang: Lang) -> View {
        View::ALL
            .into_iter()
            .find(|view| view.key(lang) == key)
            .unwrap_or(View::Area)
    }

    pub(crate) fn key(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (View::Area, Lang::Nl) => "gebied",
            (View::Area, Lang::En) => "area",
            (View::Role, Lang::Nl) => "rol",
            (View::Role, Lang::En) => "role",
            (View::Category, Lang::Nl) => "categorie",
            (View::Category, Lang::En) => "category",
            (View::Person, Lang::Nl) => "persoon",
            (View::Person, Lang::En) => "person",
            (View::Mine, Lang::Nl) => "mijn",
            (View::Mine, Lang::En) => "mine",
        }
    }

    fn label(self) -> &'static str {
        match self {
            View::Area => "tasks-view-area",
            View::Role => "tasks-view-role",
            View::Category => "tasks-view-category",
            View::Person => "tasks-view-person",
            View::Mine => "tasks-view-mine",
        }
    }
}

pub(crate) fn view_param(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "weergave",
        Lang::En => "view",
    }
}

/// Words for one thing worth a conversation.
pub(crate) fn attention_text(a: &Attention, loaded: &Loaded, lang: Lang) -> String {
    let t = Tr(lang);
    let name = |p: &UserId| party_name(&Party::Person(*p), &loaded.names, lang, &loaded.edition);
    match a {
        Attention::NoOneResponsible(code) => t.with("tasks-att-no-responsible", "code", code),
        Attention::NoOneCarriesOut(code) => t.with("tasks-att-no-carrier", "code", code),
        Attention::SeveralResponsible { code, parties } => t.args(
            "tasks-att-several",
            &[("code", code.as_str()), ("n", &parties.to_string())],
        ),
        Attention::ManyResponsibilities { person, count } => t.args(
            "tasks-att-many",
            &[("name", &name(person)), ("n", &count.to_string())],
        ),
        Attention::MoreHoursThanAllocated {
            person,
            tasks,
            allocated,
        } => t.args(
            "tasks-att-hours",
            &[
                ("name", &name(person)),
                ("tasks", &tasks.display(lang)),
                ("allocated", &allocated.display(lang)),
            ],
        ),
        Attention::SaysButNotAgreed { person, code } => t.args(
            "tasks-att-says",
            &[("name", &name(person)), ("code", code.as_str())],
        ),
        Attention::AgreedButSaysNot { person, code } => t.args(
            "tasks-att-says-not",
            &[("name", &name(person)), ("code", code.as_str())],
        ),
    }
}

/// The allocation looked up by task and by person, built once per page.
pub(crate) struct Index<'a> {
    by_code: HashMap<&'a Code, Vec<&'a Assignment>>,
    said: HashMap<&'a Code, Vec<&'a Suggestion>>,
    of_person: HashMap<UserId, HashSet<&'a Code>>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(loaded: &'a Loaded) -> Index<'a> {
        let mut by_code: HashMap<&Code, Vec<&Assignment>> = HashMap::new();
        let mut of_person: HashMap<UserId, HashSet<&Code>> = HashMap::new();
        for a in &loaded.data.assignments {
            by_code.entry(&a.code).or_default().push(a);
            if let Party::Person(p) = &a.party {
                of_person.entry(*p).or_default().insert(&a.code);
            }
        }
        let mut said: HashMap<&Code, Vec<&Suggestion>> = HashMap::new();
        for s in loaded.suggestions.iter().filter(|s| s.offers()) {
            said.entry(&s.code).or_default().push(s);
        }
        Index {
            by_code,
            said,
            of_person,
        }
    }
}

/// How many names a cell lists before it counts the rest.
const NAMES_SHOWN: usize = 5;

/// The things to talk about in words; differences between scans and agreements are counted
/// per task when more than a few people share them.
/// One point to talk about: what it is, and for a point about a task, the task's text and a
/// link to it.
#[derive(Debug)]
pub struct AttentionLine {
    pub text: String,
    pub task: Option<(String, String)>,
}

impl AttentionLine {
    /// The point in one sentence with its task's text, for the documents.
    pub(crate) fn sentence(&self) -> String {
        match &self.task {
            Some((text, _)) => format!("{} ({text})", self.text),
            None => self.text.clone(),
        }
    }
}

/// The task a point is about, if it is about one.
fn code_of(a: &Attention) -> Option<&Code> {
    match a {
        Attention::NoOneResponsible(code)
        | Attention::NoOneCarriesOut(code)
        | Attention::SeveralResponsible { code, .. }
        | Attention::SaysButNotAgreed { code, .. }
        | Attention::AgreedButSaysNot { code, .. } => Some(code),
        Attention::ManyResponsibilities { .. } | Attention::MoreHoursThanAllocated { .. } => None,
    }
}

pub(crate) fn attention_lines(
    found: &[Attention],
    loaded: &Loaded,
    lang: Lang,
    short: &str,
    year: SchoolYear,
) -> Vec<AttentionLine> {
    let t = Tr(lang);
    let task_of = |code: &Code| {
        loaded.edition.statement(code.as_str()).map(|s| {
            (
                s.text.shown(lang).to_owned(),
                format!(
                    "{}?{}={year}",
                    Page::Task(short.to_owned(), code.to_string()).path(lang),
                    year_param(lang)
                ),
            )
        })
    };
    let mut per_task: HashMap<(&Code, bool), usize> = HashMap::new();
    for a in found {
        match a {
            Attention::SaysButNotAgreed { code, .. } => {
                *per_task.entry((code, true)).or_default() += 1
            }
            Attention::AgreedButSaysNot { code, .. } => {
                *per_task.entry((code, false)).or_default() += 1
            }
            _ => {}
        }
    }
    let mut said: HashSet<(&Code, bool)> = HashSet::new();
    let mut out = Vec::new();
    for a in found {
        let key = match a {
            Attention::SaysButNotAgreed { code, .. } => Some((code, true)),
            Attention::AgreedButSaysNot { code, .. } => Some((code, false)),
            _ => None,
        };
        match key {
            Some(key) if per_task.get(&key).copied().unwrap_or(0) > 3 => {
                if said.insert(key) {
                    let n = per_task[&key].to_string();
                    let message = if key.1 {
                        "tasks-att-says-many"
                    } else {
                        "tasks-att-says-not-many"
                    };
                    out.push(AttentionLine {
                        text: t.args(message, &[("n", n.as_str()), ("code", key.0.as_str())]),
                        task: task_of(key.0),
                    });
                }
            }
            _ => out.push(AttentionLine {
                text: attention_text(a, loaded, lang),
                task: code_of(a).and_then(task_of),
            }),
        }
    }
    out
}

fn row(
    task: &Task,
    loaded: &Loaded,
    index: &Index<'_>,
    lang: Lang,
    short: &str,
    year: SchoolYear,
    chosen: &[String],
) -> TaskRow {
    let t = Tr(lang);
    let agreed = index
        .by_code
        .get(&task.code)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let parties = |part: Part| {
        agreed
            .iter()
            .filter(|a| a.part == part)
            .map(|a| party_name(&a.party, &loaded.names, lang, &loaded.edition))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let said_by = index
        .said
        .get(&task.code)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut said: Vec<String> = said_by
        .iter()
        .take(NAMES_SHOWN)
        .map(|s| {
            format!(
                "{} ({})",
                party_name(
                    &Party::Person(s.person),
                    &loaded.names,
                    lang,
                    &loaded.edition
                ),
                t.get(match s.choice {
                    domain::scan::Choice::Yes => "tasks-said-yes",
                    domain::scan::Choice::Partly => "tasks-said-partly",
                    _ => "tasks-said-develop",
                })
            )
        })
        .collect();
    if said_by.len() > NAMES_SHOWN {
        said.push(t.count("tasks-said-more", said_by.len() - NAMES_SHOWN));
    }
    TaskRow {
        code: task.code.to_string(),
        text: loaded
            .edition
            .statement(task.code.as_str())
            .map(|s| s.text.shown(lang).to_owned())
            .unwrap_or_default(),
        category: task.category.name(lang).to_owned(),
        hours: task.hours.map(|h| h.display(lang)).unwrap_or_default(),
        responsible: parties(Part::Responsible),
        carries_out: parties(Part::CarriesOut),
        involved: parties(Part::Involved),
        said: said.join(", "),
        href: format!(
            "{}?{}={year}",
            Page::Task(short.to_owned(), task.code.to_string()).path(lang),
            year_param(lang)
        ),
        chosen: chosen.iter().any(|c| c == task.code.as_str()),
    }
}

/// The tasks in which a person has a part by name.
fn tasks_of<'a>(
    loaded: &'a Loaded,
    index: &'a Index<'_>,
    person: UserId,
) -> impl Iterator<Item = &'a Task> {
    let mine = index.of_person.get(&person);
    loaded
        .tasks
        .iter()
        .filter(move |t| mine.is_some_and(|codes| codes.contains(&t.code)))
}

pub(crate) fn groups(
    loaded: &Loaded,
    view: View,
    working: &Working,
    lang: Lang,
    year: SchoolYear,
    chosen: &[String],
) -> Vec<Group> {
    let t = Tr(lang);
    let short = &working.school().short_name;
    let index = Index::new(loaded);
    let rows = |tasks: &mut dyn Iterator<Item = &Task>| {
        tasks
            .map(|task| row(task, loaded, &index, lang, short, year, chosen))
            .collect::<Vec<_>>()
    };
    let edition = &loaded.edition;
    match view {
        View::Area => Role::ALL
            .into_iter()
            .flat_map(|role| Area::ALL.into_iter().map(move |area| (role, area)))
            .map(|(role, area)| Group {
                heading: format!(
                    "{} · {}",
                    edition.role(role).name.get(lang),
                    edition.area(area).name.get(lang)
                ),
                rows: rows(&mut loaded.tasks.iter().filter(|task| {
                    edition
                        .statement(task.code.as_str())
                        .is_some_and(|s| s.role == role && s.area == area)
                })),
            })
            .collect(),
        View::Role => Role::ALL
            .into_iter()
            .map(|role| Group {
                heading: edition.role(role).name.get(lang).to_owned(),
                rows: rows(&mut loaded.tasks.iter().filter(|task| task.role == role)),
            })
            .collect(),
        View::Category => Category::ALL
            .into_iter()
            .map(|c| Group {
                heading: c.name(lang).to_owned(),
                rows: rows(&mut loaded.tasks.iter().filter(|task| task.category == c)),
            })
            .collect(),
        View::Person => {
            let mut people: Vec<(&UserId, &String)> = loaded.names.iter().collect();
            people.sort_by_key(|(_, n)| n.to_lowercase());
            let hours = task_hours(&loaded.tasks, &loaded.data.assignments);
            people
                .into_iter()
                .filter_map(|(person, name)| {
                    let rows = rows(&mut tasks_of(loaded, &index, *person));
                    (!rows.is_empty()).then(|| Group {
                        heading: person_heading(
                            name,
                            hours.get(person),
                            loaded.data.hours.get(person),
                            lang,
                        ),
                        rows,
                    })
                })
                .collect()
        }
        View::Mine => {
            let me = working.user().id;
            let hours = task_hours(&loaded.tasks, &loaded.data.assignments);
            vec![Group {
                heading: person_heading(
                    &t.get("tasks-view-mine"),
                    hours.get(&me),
                    loaded.data.hours.get(&me),
                    lang,
                ),
                rows: rows(&mut tasks_of(loaded, &index, me)),
            }]
        }
    }
}

fn person_heading(
    name: &str,
    tasks: Option<&Minutes>,
    allocated: Option<&Minutes>,
    lang: Lang,
) -> String {
    let t = Tr(lang);
    match (tasks, allocated) {
        (None, None) => name.to_owned(),
        (tasks, allocated) => t.args(
            "tasks-person-hours",
            &[
                ("name", name),
                ("tasks", &tasks.copied().unwrap_or_default().display(lang)),
                (
                    "allocated",
                    &allocated.copied().unwrap_or_default().display(lang),
                ),
            ],
        ),
    }
}

/// What a refused form on the allocation page brings back: why, and the tasks it chose.
#[derive(Debug, Default)]
pub(crate) struct Refused {
    pub message: Option<String>,
    pub chosen: Vec<String>,
}

/// The allocation page for a school year in a view; `refused` when a form was refused.
pub(crate) async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    year: SchoolYear,
    view: View,
    refused: Refused,
) -> Result<TasksView, AppError> {
    let short = working.school().short_name.clone();
    let t = Tr(lang);
    let page = Page::Tasks(short.clone());
    let loaded = load(app, working.school(), year).await?;
    let found = attention(
        &loaded.tasks,
        &loaded.data.assignments,
        &loaded.data.hours,
        &loaded.suggestions,
        &loaded.roles,
        loaded.settings.rules,
    );
    let base = page.path(lang);
    let href = |year: SchoolYear, view: View| {
        format!(
            "{base}?{}={year}&{}={}",
            year_param(lang),
            view_param(lang),
            view.key(lang)
        )
    };
    let view_page = TasksView {
        // The language switch keeps the school year and the view, in the other language's words.
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("tasks-title"))
            .signed_in()
            .with_switch_query(&format!(
                "{}={year}&{}={}",
                year_param(lang.other()),
                view_param(lang.other()),
                view.key(lang.other())
            )),
        nav: SchoolNav::new(working, lang, &page),
        year: year.to_string(),
        previous_href: href(year.previous(), view),
        next_href: href(year.next(), view),
        views: View::ALL
            .into_iter()
            .map(|v| ViewLink {
                label: t.get(v.label()),
                href: href(year, v),
                current: v == view,
            })
            .collect(),
        attention: attention_lines(&found, &loaded, lang, &short, year),
        groups: groups(&loaded, view, working, lang, year, &refused.chosen),
        can_change: working.permission().includes(Permission::Coordinator),
        change_action: format!(
            "{}?{}={year}",
            Page::Tasks(short.clone()).path(lang),
            year_param(lang)
        ),
        view_key: view.key(lang),
        parties: party_choices(&loaded, lang),
        parts: part_choices(lang),
        party_label: "task-party",
        one_responsible: loaded.settings.rules.one_responsible,
        many: loaded.settings.rules.many_responsibilities.to_string(),
        refused: refused.message,
        notice: None,
        hours_href: format!(
            "{}?{}={year}",
            Page::Hours(short.clone()).path(lang),
            year_param(lang)
        ),
        xlsx_href: format!(
            "{}/{}.xlsx?{}={year}",
            Page::Tasks(short.clone()).path(lang),
            crate::routes::tasks_document_stem(lang),
            year_param(lang)
        ),
        pdf_href: format!(
            "{}/{}.pdf?{}={year}",
            Page::Tasks(short).path(lang),
            crate::routes::tasks_document_stem(lang),
            year_param(lang)
        ),
        t,
    };
    Ok(view_page)
}

/// The view a query asks for (the area view when it asks for none it knows).
pub(crate) fn view_of(query: &HashMap<String, String>, lang: Lang) -> View {
    View::named(query.get(view_param(lang)).map_or("", String::as_str), lang)
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
    let year = year_of(&query, lang);
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let view = view_of(&query, lang);
    let mut page = page(&app, lang, &working, year, view, Refused::default()).await?;
    let t = Tr(lang);
    let count = |name: &str| {
        query
            .get(name)
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
    };
    page.notice = match query.get("klaar").map(String::as_str) {
        Some("bulk") => {
            let mut notice = t.count("tasks-bulk-done", count("nieuw"));
            if count("al") > 0 {
                notice = format!("{notice} {}", t.count("tasks-bulk-already", count("al")));
            }
            Some(notice)
        }
        Some("regels") => Some(t.get("tasks-rules-saved")),
        _ => None,
    };
    respond_private(&page, lang, StatusCode::OK)
}
