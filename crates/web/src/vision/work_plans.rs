//! The school's work plans (*werkplannen*): per team and school year, the goals of the
//! published vision the team takes up. Every member reads the list; coordinators make a plan
//! from the newest version, choosing its goals.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::allocation::SchoolYear;
use domain::workplan::{WorkPlanError, chosen_goals, title};
use store::WorkPlanStoreError;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::this_year;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::year::newest_version;
use crate::ui::{Chrome, respond_private, see_other};
use crate::vision::version::version_label;
use crate::working::{Working, require};

#[derive(Debug)]
pub struct PlanLine {
    pub href: String,
    pub title: String,
    pub year: String,
    pub counts: String,
}

/// A goal of the version to tick.
#[derive(Debug)]
pub struct GoalChoice {
    pub id: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "vision/work_plans.html")]
pub struct WorkPlansView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub vision_href: String,
    pub action: String,
    pub plans: Vec<PlanLine>,
    pub can_make: bool,
    /// The newest version, in words, when there is one to derive from.
    pub version: Option<String>,
    pub goals: Vec<GoalChoice>,
    pub years: Vec<(String, bool)>,
    pub title: String,
}

/// A goal of a version in a line: its words and the section it belongs to.
pub(crate) fn goal_label(goal: &domain::vision::Goal, lang: Lang) -> String {
    format!("{} ({})", goal.goal, goal.section.name(lang))
}

async fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    typed: Option<&FormFields>,
) -> Result<WorkPlansView, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::WorkPlans(short.clone());
    let plans = app.store.work_plans(working.school().id).await?;
    let version = newest_version(app, working.school().id).await?;
    let ticked: Vec<&str> = typed.map(|f| f.all("doel").collect()).unwrap_or_default();
    let chosen_year = typed
        .and_then(|f| SchoolYear::parse(f.one("jaar")))
        .unwrap_or_else(this_year);
    Ok(WorkPlansView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("workplan-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        vision_href: Page::Vision(short.clone()).path(lang),
        action: page.path(lang),
        plans: plans
            .iter()
            .map(|p| PlanLine {
                href: Page::WorkPlan(short.clone(), p.id).path(lang),
                title: p.title.to_string(),
                year: p.year.to_string(),
                counts: t.args(
                    "workplan-counts",
                    &[
                        ("goals", &p.goals.to_string()),
                        ("activities", &p.activities.to_string()),
                        ("version", &p.version.to_string()),
                    ],
                ),
            })
            .collect(),
        can_make: working.permission().includes(Permission::Coordinator),
        version: version.as_ref().map(|v| version_label(&v.summary, lang)),
        goals: version
            .as_ref()
            .map(|v| {
                v.vision
                    .goals
                    .iter()
                    .zip(&v.goal_ids)
                    .map(|(g, id)| GoalChoice {
                        id: id.to_string(),
                        label: goal_label(g, lang),
                        checked: ticked.contains(&id.to_string().as_str()),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        years: [this_year(), this_year().next()]
            .into_iter()
            .map(|y| (y.to_string(), y == chosen_year))
            .collect(),
        title: typed.map(|f| f.one("titel").to_owned()).unwrap_or_default(),
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
    view.notice = done_notice(query, lang, &[("weg", "workplan-deleted")]);
    respond_private(&view, lang, StatusCode::OK)
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
    let Some(version) = newest_version(&app, working.school().id).await? else {
        let mut view = page(&app, lang, &working, Some(&fields)).await?;
        view.refused = Some(t.get("workplan-no-vision"));
        return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let ticked: Vec<&str> = fields.all("doel").collect();
    let checked = title(fields.one("titel")).and_then(|title| {
        let year = SchoolYear::parse(fields.one("jaar")).ok_or(WorkPlanError::Year)?;
        Ok((title, year, chosen_goals(&ticked, &version.goal_ids)?))
    });
    let message = match checked {
        Ok((title, year, goals)) => match app
            .store
            .create_work_plan(
                working.school().id,
                working.user().id,
                &title,
                year,
                version.summary.id,
                &goals,
            )
            .await
        {
            Ok(id) => {
                return Ok(see_other(&format!(
                    "{}?klaar=gemaakt",
                    Page::WorkPlan(short, id).path(lang)
                )));
            }
            Err(WorkPlanStoreError::Store(e)) => return Err(e.into()),
            Err(WorkPlanStoreError::NotAllowed) => t.get("vision-not-allowed"),
            Err(_) => WorkPlanError::UnknownGoal.message(lang),
        },
        Err(e) => e.message(lang),
    };
    let mut view = page(&app, lang, &working, Some(&fields)).await?;
    view.refused = Some(message);
    respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
}
