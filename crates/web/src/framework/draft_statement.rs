//! One statement of the school's draft: how it reads now and in the edition the draft started
//! from, with a form for each kind of change. A change names the revision the person saw; when
//! someone else changed the statement since, the change is refused and the page shows the
//! statement as it is now, so no one overwrites another's work unseen.

use askama::Template;
use std::collections::HashMap;

use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::framework::draft::{self, DraftStatement, Edit};
use domain::{Area, Code, Depth, Lang, Role, Tag, Text};
use store::{Draft, DraftFailure, DraftRefusal, Expect};

use crate::error::AppError;
use crate::framework::draft::{DraftFilter, area_choices, depth_choices, draft_from};
use crate::framework::draft::{form_tags, role_choices};
use crate::framework::own::place;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::frameworks::refusal_message;
use crate::ui::frameworks::school_framework;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug, Default, serde::Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    pub op: String,
    #[serde(default)]
    pub revision: String,
    #[serde(default)]
    pub nl: Option<String>,
    #[serde(default)]
    pub en: Option<String>,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub area: String,
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
    /// The selection of the draft's list to come back to (see [`DraftFilter`]).
    #[serde(default)]
    pub terug: String,
}

#[derive(Template)]
#[template(path = "framework/draft_statement.html")]
pub struct DraftStatementView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub code: String,
    pub place: String,
    pub hidden: bool,
    /// How it read in the edition the draft started from (`None` for the school's own).
    pub original: Option<String>,
    pub original_place: Option<String>,
    pub nl: String,
    pub en: String,
    pub role: String,
    pub area: String,
    pub depth: String,
    pub regional: bool,
    pub occupational: bool,
    pub school_tag: bool,
    pub tags_own: String,
    pub revision: i64,
    pub last_change: String,
    pub action: String,
    pub back_href: String,
    /// The draft list's selection, carried back by every form.
    pub terug: String,
    pub roles: Vec<(String, String)>,
    pub areas: Vec<(String, String)>,
    pub depths: Vec<(String, String)>,
    /// Why the change was refused.
    pub message: Option<String>,
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    draft: &Draft,
    index: usize,
    filter: DraftFilter,
    message: Option<String>,
) -> Result<DraftStatementView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let DraftStatement {
        statement: s,
        hidden,
    } = &draft.statements[index];
    let framework = school_framework(app, working.school().id).await?;
    let from = draft_from(app, draft, &framework).await?;
    let original = from.statement(s.code.as_str());
    let mark = draft.marks.get(index);
    let page = Page::DraftStatement(short.clone(), s.code.to_string());
    let own = |tag: &Tag| matches!(tag, Tag::Own(_));
    Ok(DraftStatementView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.with("fw-statement-title", "code", &s.code),
        )
        .signed_in()
        .with_switch_query(&filter.query(lang.other())),
        nav: SchoolNav::new(working, lang, &page),
        code: s.code.to_string(),
        place: place(&from, s, lang),
        hidden: *hidden,
        original: original.map(|o| o.text.shown(lang).to_owned()),
        original_place: original.map(|o| place(&from, o, lang)),
        nl: s.text.nl.clone(),
        en: s.text.en.clone(),
        role: s.role.code().to_owned(),
        area: s.area.code().to_owned(),
        depth: s.depth.map(|d| d.level().to_string()).unwrap_or_default(),
        regional: s.tags.contains(&Tag::Regional),
        occupational: s.tags.contains(&Tag::Occupational),
        school_tag: s.tags.contains(&Tag::School),
        tags_own: Tag::join(
            &s.tags
                .iter()
                .filter(|g| own(g))
                .cloned()
                .collect::<Vec<_>>(),
        ),
        revision: mark.map_or(0, |m| m.revision),
        last_change: mark
            .filter(|m| m.revision > 0)
            .map(|m| t.with("fw-last-change", "name", &m.updated_by))
            .unwrap_or_default(),
        action: page.path(lang),
        back_href: filter.href(&short, lang, s.code.as_str()),
        terug: filter.query(lang),
        roles: role_choices(&from, lang),
        areas: area_choices(&from, lang),
        depths: depth_choices(lang),
        message,
        t,
    })
}

/// The coordinator, the draft and the statement's place in it; or the answer instead.
async fn find(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    short: &str,
    code: &str,
) -> Result<(Working, Draft, usize), AppError> {
    let working = require(app, headers, lang, short, Permission::Coordinator).await?;
    let Some(draft) = app.store.draft(working.school().id).await? else {
        return Err(AppError::answer(see_other(
            &Page::Framework(short.to_owned()).path(lang),
        )));
    };
    match draft
        .statements
        .iter()
        .position(|d| d.statement.code.as_str() == code)
    {
        Some(index) => Ok((working, draft, index)),
        None => Err(AppError::NotFound(lang)),
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, code) = path.map(|Path(p)| p).unwrap_or_default();
    let (working, draft, index) = find(&app, lang, &headers, &short, &code).await?;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let filter = DraftFilter::from_query(&query, lang);
    let page = view(&app, lang, &working, &draft, index, filter, None).await?;
    respond_private(&page, lang, StatusCode::OK)
}

/// The edit a form asks for, or why it is not one.
fn edit_of(form: &ChangeForm, lang: Lang) -> Result<Edit, String> {
    let t = Tr(lang);
    Ok(match form.op.as_str() {
        "reword" => Edit::Reword(Text::new(
            form.nl.clone().unwrap_or_default(),
            form.en.clone().unwrap_or_default(),
        )),
        "move" => match (Role::from_code(&form.role), Area::from_code(&form.area)) {
            (Some(role), Some(area)) => Edit::Move { role, area },
            _ => return Err(t.get("fw-error-place")),
        },
        "depth" => Edit::Depth(match form.depth.as_str() {
            "" => None,
            d => Some(
                d.parse()
                    .ok()
                    .and_then(Depth::from_level)
                    .ok_or_else(|| t.get("fw-error-depth"))?,
            ),
        }),
        "tags" => Edit::Tags(
            form_tags(
                &form.tag_regional,
                &form.tag_occupational,
                &form.tag_school,
                &form.tags_own,
            )
            .map_err(|bad| t.with("fw-error-tag", "tag", bad))?,
        ),
        "hide" => Edit::Hide,
        "show" => Edit::Show,
        "up" => Edit::Up,
        "down" => Edit::Down,
        _ => return Err(t.get("fw-error-op")),
    })
}

/// Applies one change to the statement.
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    form: Result<Form<ChangeForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, code) = path.map(|Path(p)| p).unwrap_or_default();
    let (working, draft, index) = find(&app, lang, &headers, &short, &code).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let filter = DraftFilter::from_return(&form.terug, lang);
    let code: Code = draft.statements[index].statement.code.clone();
    let edit = match edit_of(&form, lang) {
        Ok(edit) => edit,
        Err(message) => {
            let page = view(&app, lang, &working, &draft, index, filter, Some(message)).await?;
            return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    // Moving up or down changes no one's words: it needs no revision check.
    let expect = match edit {
        Edit::Up | Edit::Down => None,
        _ => Some(Expect {
            code: code.clone(),
            revision: form.revision.parse().unwrap_or(-1),
        }),
    };
    // A statement moved out of the list's selection is found again in the whole list.
    let back = match &edit {
        Edit::Move { role, area } if !filter.keeps(*role, *area) => DraftFilter::default(),
        _ => filter,
    };
    let target = code.clone();
    let changed = app
        .store
        .change_draft(
            working.school().id,
            working.user().id,
            working.user().name.as_str(),
            expect,
            None,
            Box::new(move |statements| draft::apply(statements, &target, edit)),
        )
        .await;
    match changed {
        Ok(()) => Ok(see_other(&back.href(&short, lang, code.as_str()))),
        Err(DraftFailure::Refused(refusal)) => {
            let status = match refusal {
                DraftRefusal::StatementChanged { .. } => StatusCode::CONFLICT,
                DraftRefusal::NotAllowed => StatusCode::FORBIDDEN,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            // Show the statement as it is now.
            let now = app.store.draft(working.school().id).await?;
            let Some((draft, index)) = now.and_then(|d| {
                let i = d.statements.iter().position(|s| s.statement.code == code)?;
                Some((d, i))
            }) else {
                return Ok(see_other(&Page::Framework(short).path(lang)));
            };
            let message = refusal_message(&refusal, lang);
            let page = view(&app, lang, &working, &draft, index, filter, Some(message)).await?;
            respond_private(&page, lang, status)
        }
        Err(DraftFailure::Store(e)) => Err(e.into()),
    }
}
