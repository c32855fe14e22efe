//! The school's student surveys: the list every member reads, and opening a new one
//! (coordinators) for groups of students typed one a line, each getting a class code that is
//! shown once.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::aggregate::Threshold;
use domain::plan::Line;
use domain::survey::{DEFAULT_K, NAME_MAX, parse_groups};
use store::SurveyError;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::survey::results::state_words;
use crate::survey::survey_page::{refusal, survey_page};
use crate::ui::dates::this_year;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct SurveyLine {
    pub href: String,
    pub name: String,
    pub year: String,
    pub state: String,
    pub answers: String,
}

#[derive(Template)]
#[template(path = "survey/surveys.html")]
pub struct SurveysView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub action: String,
    pub student_address: String,
    pub surveys: Vec<SurveyLine>,
    pub can_open: bool,
    pub name: String,
    pub groups: String,
    pub k: String,
    pub min_k: u32,
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    typed: Option<&FormFields>,
) -> Result<SurveysView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Surveys(short.clone());
    let surveys = app.store.surveys(working.school().id).await?;
    Ok(SurveysView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("survey-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        action: page.path(lang),
        student_address: app.absolute(&Page::StudentSurvey, lang),
        surveys: surveys
            .iter()
            .map(|s| SurveyLine {
                href: Page::Survey(short.clone(), s.id).path(lang),
                name: s.name.clone(),
                year: s.year.to_string(),
                state: state_words(s, lang),
                answers: t.args(
                    "survey-answers-of",
                    &[
                        ("answers", &s.answers.to_string()),
                        ("students", &s.uses.to_string()),
                    ],
                ),
            })
            .collect(),
        can_open: working.permission().includes(Permission::Coordinator),
        name: typed.map_or_else(
            || t.with("survey-default-name", "year", this_year().to_string()),
            |f| f.one("naam").to_owned(),
        ),
        groups: typed
            .map(|f| f.one("groepen").to_owned())
            .unwrap_or_default(),
        k: typed.map_or_else(|| DEFAULT_K.to_string(), |f| f.one("k").to_owned()),
        min_k: domain::aggregate::MIN_K,
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
    let mut view = page(&app, lang, &working, None).await?;
    view.notice = done_notice(query, lang, &[("weg", "survey-deleted")]);
    respond_private(&view, lang, StatusCode::OK)
}

/// `POST`: opens a survey; answers with its page, which shows the new codes once.
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
    let checked = Line::parse(fields.one("naam"), NAME_MAX)
        .map_err(|e| format!("{}: {}", Tr(lang).get("survey-name"), e.message(lang)))
        .and_then(|name| {
            let k = Threshold::parse(fields.one("k")).map_err(|e| e.message(lang))?;
            let groups = parse_groups(fields.one("groepen"), &[]).map_err(|e| e.message(lang))?;
            Ok((name, k, groups))
        });
    let message = match checked {
        Ok((name, k, groups)) => match app
            .store
            .open_survey(working.school().id, working.user().id, &name, k, &groups)
            .await
        {
            Ok((id, codes)) => {
                let Some(mut view) = survey_page(&app, lang, &working, id).await? else {
                    return Err(AppError::NotFound(lang));
                };
                view.new_codes = codes
                    .into_iter()
                    .map(|c| (c.group, c.code.to_string()))
                    .collect();
                view.notice = Some(Tr(lang).get("survey-opened"));
                return respond_private(&view, lang, StatusCode::OK);
            }
            Err(SurveyError::Store(e)) => return Err(e.into()),
            Err(e) => refusal(&e, lang),
        },
        Err(message) => message,
    };
    let mut view = page(&app, lang, &working, Some(&fields)).await?;
    view.refused = Some(message);
    respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
