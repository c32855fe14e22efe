//! One's own scan for one role in one area: per statement a choice on the scale, a short
//! note and *wil ik bespreken*; then the two focus notes and the reflection prompts.
//!
//! Without script the form saves as a whole, but only the fields that changed since the page
//! was loaded (each field carries its original value), so another tab's work on other fields
//! is never overwritten. With script (`static/scan.js`) every change is saved at once through
//! [`save_field`], which answers JSON.

use std::collections::HashMap;

use askama::Template;
use axum::Json;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::scan::{
    ANSWER_NOTE_MAX, AREA_NOTE_MAX, Change, Choice, NoteKey, Prompt, ScaleLabels, ScanContent,
    progress,
};
use domain::{Area, Edition, Kind, Lang, Role};
use serde_json::json;
use store::{Round, ScanError};
use uuid::Uuid;

use crate::assets;
use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{date_text, today};
use crate::ui::rounds::{edition_of_round, load_round, roles_held};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require, working_in};

#[derive(Debug)]
pub struct ChoiceOption {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Debug)]
pub struct StatementField {
    pub code: String,
    pub text: String,
    pub choices: Vec<ChoiceOption>,
    pub was_choice: String,
    pub note: String,
    pub was_note: String,
    pub discuss: bool,
    pub was_discuss: bool,
    /// The theme's name and page, and the other roles it returns in.
    pub theme: Option<(String, String, String)>,
    pub error: Option<String>,
}

#[derive(Debug)]
pub struct NoteField {
    pub name: String,
    pub label: String,
    pub value: String,
    pub was: String,
    pub error: Option<String>,
}

#[derive(Debug)]
pub struct KindBlock {
    pub heading: String,
    pub intro: String,
    pub statements: Vec<StatementField>,
    pub focus: NoteField,
}

#[derive(Template)]
#[template(path = "scan/area.html")]
pub struct ScanAreaView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub round_name: String,
    pub round_href: String,
    pub role_name: String,
    pub area_name: String,
    pub editable: bool,
    /// Why the answers cannot be changed now (a closed round, or one still to begin).
    pub locked: Option<String>,
    pub action: String,
    pub save_href: String,
    pub script_href: &'static str,
    pub kinds: Vec<KindBlock>,
    pub reflections: Vec<NoteField>,
    pub progress: String,
    /// `progress` with `{answered}` and `{total}` for the script to fill in while answering.
    pub progress_format: String,
    /// A note's character counter, with `{used}` and `{max}` for the script.
    pub counter_format: String,
    /// What is wrong, each with the id of its field.
    pub problems: Vec<(String, String)>,
    pub notice: Option<String>,
    pub previous: Option<(String, String)>,
    pub next: (String, String),
    pub answer_max: usize,
    pub area_max: usize,
    /// Fields carry their original values and a save state (always, on this page).
    pub keeps_originals: bool,
    /// Where a goal in one's development plan starts (`?uitspraak=CODE` is added).
    pub goal_href: Option<String>,
}

/// The values a page shows: what is stored, or what was posted (with the original values it
/// carried) when the post is shown again with its problems.
pub(crate) enum Values<'a> {
    Stored(&'a ScanContent),
    Posted(&'a HashMap<String, String>),
}

impl Values<'_> {
    fn value(&self, field: &str) -> String {
        match self {
            Values::Stored(content) => stored_value(content, field),
            Values::Posted(posted) => posted.get(field).cloned().unwrap_or_default(),
        }
    }

    fn was(&self, field: &str) -> String {
        match self {
            Values::Stored(content) => stored_value(content, field),
            Values::Posted(posted) => posted
                .get(&format!("was.{field}"))
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// A field's stored value as the form posts it.
fn stored_value(content: &ScanContent, field: &str) -> String {
    if let Some(key) = NoteKey::parse(field) {
        return content
            .notes
            .get(&key)
            .map(|n| n.to_string())
            .unwrap_or_default();
    }
    let Some((what, code)) = field.split_once('.') else {
        return String::new();
    };
    let Some(answer) = domain::Code::parse(code).and_then(|c| content.answer(&c).cloned()) else {
        return String::new();
    };
    match what {
        "keuze" => answer
            .choice
            .map(|c| c.code().to_owned())
            .unwrap_or_default(),
        "notitie" => answer.note.map(|n| n.to_string()).unwrap_or_default(),
        "bespreken" if answer.discuss => "ja".to_owned(),
        _ => String::new(),
    }
}

/// Every field of a role's area, in page order.
pub(crate) fn fields(edition: &Edition, role: Role, area: Area) -> Vec<String> {
    let mut all = Vec::new();
    for kind in Kind::ALL {
        for s in edition.statements_in(role, area, kind) {
            for what in ["keuze", "notitie", "bespreken"] {
                all.push(format!("{what}.{}", s.code));
            }
        }
        all.push(NoteKey::Focus(role, area, kind).code());
    }
    for prompt in Prompt::ALL {
        all.push(NoteKey::Reflection(role, area, prompt).code());
    }
    all
}

/// A role's area in the person's scan.
type Place = (Role, Area);

/// The area before and after this one in the person's scan: areas in order, role after role.
fn neighbours(roles: &[Role], role: Role, area: Area) -> (Option<Place>, Option<Place>) {
    let order: Vec<(Role, Area)> = roles
        .iter()
        .flat_map(|r| Area::ALL.into_iter().map(move |a| (*r, a)))
        .collect();
    let Some(i) = order.iter().position(|x| *x == (role, area)) else {
        return (None, None);
    };
    (
        i.checked_sub(1).and_then(|j| order.get(j).copied()),
        order.get(i + 1).copied(),
    )
}

#[allow(clippy::too_many_arguments)]
fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    round: &Round,
    edition: &Edition,
    content: &ScanContent,
    role: Role,
    area: Area,
    values: &Values<'_>,
    errors: &HashMap<String, String>,
    scale: &ScaleLabels,
) -> ScanAreaView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let roles = roles_held(working);
    let page = Page::ScanArea(short.clone(), round.id, role, area);
    let (kinds, reflections) = blocks(edition, lang, role, area, values, errors, scale);
    let p = progress(edition, &[role], content)
        .into_iter()
        .find(|p| p.area == area);
    let (previous, next) = neighbours(&roles, role, area);
    let area_link = |(r, a): (Role, Area)| {
        (
            Page::ScanArea(short.clone(), round.id, r, a).path(lang),
            format!(
                "{} · {}",
                edition.role(r).name.get(lang),
                edition.area(a).name.get(lang)
            ),
        )
    };
    let round_href = Page::Round(short.clone(), round.id).path(lang);
    ScanAreaView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            format!(
                "{} · {}",
                edition.role(role).name.get(lang),
                edition.area(area).name.get(lang)
            ),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &Page::Rounds(short.clone())),
        round_name: round.name.to_string(),
        role_name: edition.role(role).name.get(lang).to_owned(),
        area_name: edition.area(area).name.get(lang).to_owned(),
        editable: round.takes_answers(today()),
        locked: if !round.is_open() {
            Some(t.get("round-closed-text"))
        } else if !round.has_started(today()) {
            Some(t.with(
                "round-not-started-text",
                "starts",
                date_text(round.period.starts, lang),
            ))
        } else {
            None
        },
        action: page.path(lang),
        goal_href: Some(Page::NewGoal(short.clone()).path(lang)),
        save_href: Page::SaveScanField(short.clone(), round.id).path(lang),
        script_href: assets::scan_js_href(),
        kinds,
        reflections,
        progress: p.map_or_else(String::new, |p| {
            t.args(
                "scan-progress",
                &[
                    ("answered", &p.answered.to_string()),
                    ("total", &p.total.to_string()),
                ],
            )
        }),
        progress_format: t.args(
            "scan-progress",
            &[("answered", "{answered}"), ("total", "{total}")],
        ),
        counter_format: t.args("scan-note-counter", &[("used", "{used}"), ("max", "{max}")]),
        problems: Vec::new(),
        notice: None,
        previous: previous.map(area_link),
        next: next.map_or_else(
            || (round_href.clone(), t.get("scan-back-to-round")),
            area_link,
        ),
        round_href,
        answer_max: ANSWER_NOTE_MAX,
        area_max: AREA_NOTE_MAX,
        keeps_originals: true,
        t,
    }
}

/// The statements of a role's area by kind with their fields, the focus notes, and the
/// reflection prompts, filled from `values`, with `errors` by field.
pub(crate) fn blocks(
    edition: &Edition,
    lang: Lang,
    role: Role,
    area: Area,
    values: &Values<'_>,
    errors: &HashMap<String, String>,
    scale: &ScaleLabels,
) -> (Vec<KindBlock>, Vec<NoteField>) {
    let t = Tr(lang);
    let note = |name: String, label: String| NoteField {
        value: values.value(&name),
        was: values.was(&name),
        error: errors.get(&name).cloned(),
        name,
        label,
    };
    let kinds = Kind::ALL
        .into_iter()
        .map(|kind| KindBlock {
            heading: t.get(match kind {
                Kind::Task => "scan-tasks",
                Kind::Expertise => "scan-expertise",
            }),
            intro: t.get(match kind {
                Kind::Task => "scan-tasks-intro",
                Kind::Expertise => "scan-expertise-intro",
            }),
            statements: edition
                .statements_in(role, area, kind)
                .map(|s| {
                    let code = s.code.to_string();
                    let choice_field = format!("keuze.{code}");
                    let current = values.value(&choice_field);
                    let error = ["keuze", "notitie", "bespreken"]
                        .iter()
                        .find_map(|w| errors.get(&format!("{w}.{code}")).cloned());
                    StatementField {
                        choices: Choice::ALL
                            .into_iter()
                            .map(|c| ChoiceOption {
                                value: c.code(),
                                label: scale.label(kind, c, lang).to_owned(),
                                checked: current == c.code(),
                            })
                            .collect(),
                        was_choice: values.was(&choice_field),
                        note: values.value(&format!("notitie.{code}")),
                        was_note: values.was(&format!("notitie.{code}")),
                        discuss: !values.value(&format!("bespreken.{code}")).is_empty(),
                        was_discuss: !values.was(&format!("bespreken.{code}")).is_empty(),
                        theme: s.theme.as_ref().and_then(|theme| {
                            let info = edition.theme(theme.as_str())?;
                            let others: Vec<&str> = edition
                                .theme_roles(theme)
                                .into_iter()
                                .filter(|r| *r != role)
                                .map(|r| edition.role(r).name.get(lang))
                                .collect();
                            Some((
                                info.name.get(lang).to_owned(),
                                Page::Theme(theme.clone()).path(lang),
                                others.join(", "),
                            ))
                        }),
                        text: s.text.shown(lang).to_owned(),
                        code,
                        error,
                    }
                })
                .collect(),
            focus: note(
                NoteKey::Focus(role, area, kind).code(),
                t.get(match kind {
                    Kind::Task => "scan-focus-tasks",
                    Kind::Expertise => "scan-focus-expertise",
                }),
            ),
        })
        .collect();
    let reflections = Prompt::ALL
        .into_iter()
        .map(|p| {
            note(
                NoteKey::Reflection(role, area, p).code(),
                p.question(area, lang),
            )
        })
        .collect();
    (kinds, reflections)
}

/// The person working in the school, the round, its edition and the role and area of the
/// path; or the answer to give instead.
async fn context(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    path: (String, String, String, String),
) -> Result<(Working, Round, Edition, Role, Area), AppError> {
    let (short, id, role, area) = path;
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let Some(Page::Role {
        role,
        area: Some(area),
    }) = Page::role(lang, &role, Some(&area))
    else {
        return Err(AppError::NotFound(lang));
    };
    if !working.membership().roles.contains(role) {
        return Err(AppError::NotFound(lang));
    }
    Ok((working, round, edition, role, area))
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String, String, String)>, PathRejection>,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    let path = path.map(|Path(p)| p).unwrap_or_default();
    let (working, round, edition, role, area) = context(&app, &headers, lang, path).await?;
    let mine = app
        .store
        .my_scan(working.school().id, round.id, working.user().id)
        .await?;
    let scale = app.store.scale_labels(working.school().id).await?;
    let values = Values::Stored(&mine.content);
    let mut page = view(
        &app,
        lang,
        &working,
        &round,
        &edition,
        &mine.content,
        role,
        area,
        &values,
        &HashMap::new(),
        &scale,
    );
    if notice.ok().and_then(|Query(n)| n.klaar).is_some() {
        page.notice = Some(page.t.get("scan-saved"));
    }
    respond_private(&page, lang, StatusCode::OK)
}

/// Saves the form of an area without script: the fields whose value differs from the value
/// they had when the page was loaded, all or nothing.
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String, String, String)>, PathRejection>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let path = path.map(|Path(p)| p).unwrap_or_default();
    let (working, round, edition, role, area) = context(&app, &headers, lang, path).await?;
    let posted: HashMap<String, String> = form
        .map(|Form(pairs)| pairs.into_iter().collect())
        .unwrap_or_default();
    let roles = roles_held(&working);
    let mut changes = Vec::new();
    let mut errors = HashMap::new();
    let known = fields(&edition, role, area);
    // A form from another page or an earlier edition: a changed field this page does not
    // have is refused with its reason, never dropped in silence.
    for (field, value) in &posted {
        if field.starts_with("was.") || known.contains(field) {
            continue;
        }
        let was = posted
            .get(&format!("was.{field}"))
            .map_or("", String::as_str);
        if value.trim() != was.trim() {
            let problem = match Change::parse(field, value, &edition, &roles) {
                Err(e) => e,
                // In this edition, but on another page of the scan.
                Ok(_) => domain::scan::ScanInputError::UnknownField(field.clone()),
            };
            errors.insert(field.clone(), problem.message(lang));
        }
    }
    for field in known.iter().cloned() {
        let now = posted.get(&field).map(String::as_str).unwrap_or("");
        let was = posted
            .get(&format!("was.{field}"))
            .map(String::as_str)
            .unwrap_or("");
        if now.replace("\r\n", "\n").trim() == was.replace("\r\n", "\n").trim() {
            continue;
        }
        match Change::parse(&field, now, &edition, &roles) {
            Ok(change) => changes.push(change),
            Err(e) => {
                errors.insert(field, e.message(lang));
            }
        }
    }
    let refusal = if errors.is_empty() && !changes.is_empty() {
        match app
            .store
            .save_scan(working.school().id, round.id, working.user().id, &changes)
            .await
        {
            Ok(()) => None,
            Err(ScanError::Refused(refusal)) => Some(refusal.message(lang).to_owned()),
            Err(ScanError::NoRound) => return Ok(error_page(&app, lang, StatusCode::NOT_FOUND)),
            Err(ScanError::Store(e)) => return Err(e.into()),
        }
    } else {
        None
    };
    if errors.is_empty() && refusal.is_none() {
        let page = Page::ScanArea(working.school().short_name.clone(), round.id, role, area);
        return Ok(see_other(&format!("{}?klaar=1", page.path(lang))));
    }
    // Shown again as posted, with what is wrong; nothing was saved.
    let mine = app
        .store
        .my_scan(working.school().id, round.id, working.user().id)
        .await?;
    let scale = app.store.scale_labels(working.school().id).await?;
    let values = Values::Posted(&posted);
    let mut page = view(
        &app,
        lang,
        &working,
        &round,
        &edition,
        &mine.content,
        role,
        area,
        &values,
        &errors,
        &scale,
    );
    let on_page = known.clone();
    let mut order = known;
    let mut stale: Vec<String> = errors
        .keys()
        .filter(|f| !order.contains(f))
        .cloned()
        .collect();
    stale.sort();
    order.extend(stale);
    let mut problems: Vec<(String, String)> = order
        .into_iter()
        .filter_map(|f| {
            let message = errors.get(&f)?.clone();
            let anchor = match f.split_once('.') {
                _ if !on_page.contains(&f) => "scan-form".to_owned(),
                Some(("keuze" | "notitie" | "bespreken", code)) => format!("s-{code}"),
                _ => f.clone(),
            };
            Some((anchor, format!("{message} ({})", field_label(&f))))
        })
        .collect();
    if let Some(message) = refusal {
        problems.push(("scan-form".to_owned(), message));
    }
    page.problems = problems;
    let status = if round.takes_answers(today()) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::CONFLICT
    };
    respond_private(&page, lang, status)
}

/// The statement code or note a field belongs to, to name it in the list of problems.
fn field_label(field: &str) -> &str {
    field.split_once('.').map_or(field, |(_, rest)| rest)
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct FieldForm {
    #[serde(default)]
    field: String,
    #[serde(default)]
    value: String,
}

fn json_answer(status: StatusCode, body: serde_json::Value) -> Response {
    let mut response = (status, Json(body)).into_response();
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Saves one field of one's own scan (the page's script, on every change). Answers JSON:
/// `{"saved": true}`, or `{"error": message}` with 401 (signed out), 404 (no such round in
/// a school of the person), 409 (round closed) or 422 (a value that cannot be saved).
pub async fn save_field(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<FieldForm>, FormRejection>,
) -> Result<Response, AppError> {
    let t = Tr(lang);
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = match working_in(&app, &headers, lang, &short, Permission::Member).await? {
        Ok(w) => w,
        Err(response) => {
            let (status, key) = match response.status() {
                StatusCode::SEE_OTHER => (StatusCode::UNAUTHORIZED, "scan-save-signed-out"),
                status => (status, "scan-save-not-found"),
            };
            return Ok(json_answer(status, json!({ "error": t.get(key) })));
        }
    };
    // Saving reads nothing from the database before it writes: the round's edition is kept in
    // memory, and whether the round is open is checked in the write itself.
    let found = match Uuid::parse_str(&id) {
        Ok(round) => edition_of_round(&app, working.school().id, round)
            .await?
            .map(|edition| (round, edition)),
        Err(_) => None,
    };
    let Some((round, edition)) = found else {
        return Ok(json_answer(
            StatusCode::NOT_FOUND,
            json!({ "error": t.get("scan-save-not-found") }),
        ));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let change = match Change::parse(&form.field, &form.value, &edition, &roles_held(&working)) {
        Ok(change) => change,
        Err(e) => {
            return Ok(json_answer(
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "error": e.message(lang) }),
            ));
        }
    };
    match app
        .store
        .save_scan(working.school().id, round, working.user().id, &[change])
        .await
    {
        Ok(()) => Ok(json_answer(StatusCode::OK, json!({ "saved": true }))),
        Err(ScanError::Refused(refusal)) => Ok(json_answer(
            StatusCode::CONFLICT,
            json!({ "error": refusal.message(lang) }),
        )),
        Err(ScanError::NoRound) => Ok(json_answer(
            StatusCode::NOT_FOUND,
            json!({ "error": t.get("scan-save-not-found") }),
        )),
        Err(ScanError::Store(e)) => Err(e.into()),
    }
}
