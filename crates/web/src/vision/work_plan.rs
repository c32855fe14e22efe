//! One work plan: the vision's goals the team takes up this school year (worded as the
//! version it derives from has them) and per goal its activities with owner and date. Every
//! member reads it; coordinators add and remove activities, change the goals taken up (the
//! activities of a goal no longer taken up go with it) and remove the plan. A plan of another
//! school is the same 404 as one that is not there.

use askama::Template;
use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::plan::written;
use domain::workplan::{ActivityInput, WorkPlanError, chosen_goals, title};
use store::{VisionVersion, WorkPlan, WorkPlanStoreError};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::{FormFields, done_notice};
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::vision::shown::{GoalView, goal_view};
use crate::vision::version::version_label;
use crate::vision::work_plans::{GoalChoice, goal_label};
use crate::working::{Working, require};

#[derive(Debug)]
pub struct ActivityView {
    pub id: String,
    pub text: String,
    pub owner: String,
    pub due: Option<String>,
}

#[derive(Debug)]
pub struct PlannedGoalView {
    pub id: String,
    pub goal: GoalView,
    pub activities: Vec<ActivityView>,
}

#[derive(Template)]
#[template(path = "vision/work_plan.html")]
pub struct WorkPlanView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub back_href: String,
    pub action: String,
    pub title: String,
    pub year: String,
    /// The version it derives from, in words, and its page.
    pub version: (String, String),
    pub goals: Vec<PlannedGoalView>,
    pub can_edit: bool,
    pub revision: i64,
    /// Every goal of the version, the plan's ticked.
    pub choices: Vec<GoalChoice>,
    /// The new activity's form as typed (goal, text, owner, due) when it was refused.
    pub typed: (String, String, String, String),
    pub pdf_href: String,
    pub docx_href: String,
}

/// The plan the path names, with the version it derives from, when it is of this school.
pub(crate) async fn load(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<(WorkPlan, VisionVersion)>, AppError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    let school = working.school().id;
    let Some(plan) = app.store.work_plan(school, id).await? else {
        return Ok(None);
    };
    let version = app
        .store
        .vision_version(school, plan.version)
        .await?
        .ok_or_else(|| AppError::Internal(format!("version {} is missing", plan.version)))?;
    Ok(Some((plan, version)))
}

/// The plan's goals with their words from the version, and their activities.
pub(crate) fn planned_goals(
    plan: &WorkPlan,
    version: &VisionVersion,
    lang: Lang,
) -> Vec<PlannedGoalView> {
    plan.goals
        .iter()
        .filter_map(|id| {
            let i = version.goal_ids.iter().position(|g| g == id)?;
            let goal = version.vision.goals.get(i)?;
            Some(PlannedGoalView {
                id: id.to_string(),
                goal: goal_view(goal, lang),
                activities: plan
                    .activities
                    .iter()
                    .filter(|a| a.goal == *id)
                    .map(|a| ActivityView {
                        id: a.id.to_string(),
                        text: a.text.to_string(),
                        owner: a.owner.to_string(),
                        due: a.due.map(|d| written(d, lang)),
                    })
                    .collect(),
            })
        })
        .collect()
}

fn page(
    app: &AppState,
    lang: Lang,
    working: &Working,
    (plan, version): &(WorkPlan, VisionVersion),
    typed: Option<&FormFields>,
) -> WorkPlanView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::WorkPlan(short.clone(), plan.id);
    let ticked: Option<Vec<&str>> = typed
        .filter(|f| f.one("op") == "goals")
        .map(|f| f.all("doel").collect());
    let field = |name: &str| {
        typed
            .filter(|f| f.one("op") == "add")
            .map(|f| f.one(name).to_owned())
            .unwrap_or_default()
    };
    WorkPlanView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), plan.title.to_string()).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        back_href: Page::WorkPlans(short.clone()).path(lang),
        action: page.path(lang),
        title: typed
            .filter(|f| f.one("op") == "goals")
            .map_or_else(|| plan.title.to_string(), |f| f.one("titel").to_owned()),
        year: plan.year.to_string(),
        version: (
            version_label(&version.summary, lang),
            Page::VisionVersion(short.clone(), version.summary.id).path(lang),
        ),
        goals: planned_goals(plan, version, lang),
        can_edit: working.permission().includes(Permission::Coordinator),
        revision: plan.revision,
        choices: version
            .vision
            .goals
            .iter()
            .zip(&version.goal_ids)
            .map(|(g, id)| GoalChoice {
                id: id.to_string(),
                label: goal_label(g, lang),
                checked: match &ticked {
                    Some(ticked) => ticked.contains(&id.to_string().as_str()),
                    None => plan.goals.contains(id),
                },
            })
            .collect(),
        typed: (
            field("doel"),
            field("tekst"),
            field("eigenaar"),
            field("klaar"),
        ),
        pdf_href: Page::WorkPlanDocument(short.clone(), plan.id, DocumentFormat::Pdf).path(lang),
        docx_href: Page::WorkPlanDocument(short, plan.id, DocumentFormat::Docx).path(lang),
        t,
    }
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
    let Some(loaded) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let mut view = page(&app, lang, &working, &loaded, None);
    view.notice = done_notice(
        query,
        lang,
        &[
            ("gemaakt", "workplan-made"),
            ("opgeslagen", "workplan-saved"),
            ("activiteit", "workplan-activity-added"),
            ("activiteit-weg", "workplan-activity-deleted"),
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
    let Some(loaded) = load(&app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let (plan, version) = &loaded;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().id;
    let me = working.user().id;
    let back = |done: &str| {
        see_other(&format!(
            "{}?klaar={done}",
            Page::WorkPlan(short.clone(), plan.id).path(lang)
        ))
    };
    let result: Result<Response, Result<WorkPlanError, WorkPlanStoreError>> = match fields.one("op")
    {
        "add" => match (ActivityInput {
            goal: fields.one("doel"),
            text: fields.one("tekst"),
            owner: fields.one("eigenaar"),
            due: fields.one("klaar"),
        })
        .parse(&plan.goals)
        {
            Ok(activity) => app
                .store
                .add_work_plan_activity(school, me, plan.id, &activity)
                .await
                .map(|()| back("activiteit"))
                .map_err(Err),
            Err(e) => Err(Ok(e)),
        },
        "delete-activity" => match Uuid::parse_str(fields.one("id").trim()) {
            Ok(activity) => app
                .store
                .delete_work_plan_activity(school, me, plan.id, activity)
                .await
                .map(|()| back("activiteit-weg"))
                .map_err(Err),
            Err(_) => Err(Err(WorkPlanStoreError::NotFound)),
        },
        "goals" => {
            let ticked: Vec<&str> = fields.all("doel").collect();
            let revision: i64 = fields.one("revisie").trim().parse().unwrap_or(-1);
            match title(fields.one("titel"))
                .and_then(|title| Ok((title, chosen_goals(&ticked, &version.goal_ids)?)))
            {
                Ok((title, goals)) => app
                    .store
                    .change_work_plan(school, me, plan.id, revision, &title, &goals)
                    .await
                    .map(|()| back("opgeslagen"))
                    .map_err(Err),
                Err(e) => Err(Ok(e)),
            }
        }
        "delete" if fields.one("zeker") == "ja" => {
            match app.store.delete_work_plan(school, me, plan.id).await {
                Ok(()) => Ok(see_other(&format!(
                    "{}?klaar=weg",
                    Page::WorkPlans(short.clone()).path(lang)
                ))),
                Err(e) => Err(Err(e)),
            }
        }
        "delete" => {
            let mut view = page(&app, lang, &working, &loaded, None);
            view.refused = Some(t.get("workplan-delete-confirm-missing"));
            return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
        _ => {
            let mut view = page(&app, lang, &working, &loaded, None);
            view.refused = Some(t.get("fw-error-op"));
            return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (message, status) = match result {
        Ok(response) => return Ok(response),
        Err(Ok(e)) => (e.message(lang), StatusCode::UNPROCESSABLE_ENTITY),
        Err(Err(WorkPlanStoreError::Stale)) => (t.get("workplan-stale"), StatusCode::CONFLICT),
        Err(Err(WorkPlanStoreError::UnknownGoal)) => (
            WorkPlanError::UnknownGoal.message(lang),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(Err(WorkPlanStoreError::TooManyActivities)) => (
            t.with("workplan-too-many", "max", domain::workplan::ACTIVITIES_MAX),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        Err(Err(WorkPlanStoreError::NotAllowed)) => {
            (t.get("vision-not-allowed"), StatusCode::FORBIDDEN)
        }
        Err(Err(WorkPlanStoreError::NotFound)) => return Err(AppError::NotFound(lang)),
        Err(Err(WorkPlanStoreError::Store(e))) => return Err(e.into()),
    };
    let loaded = load(&app, &working, &id)
        .await?
        .ok_or(AppError::NotFound(lang))?;
    let mut view = page(&app, lang, &working, &loaded, Some(&fields));
    view.refused = Some(message);
    respond_private(&view, lang, status)
}
