//! A school's details (administrators): name, sectors, number of students, region, BRIN code.
//! The short name in every address stays when the name changes, so links keep working.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Kind;
use domain::Lang;
use domain::account::Permission;
use domain::scan::{Choice, ScaleLabels};
use domain::school::{School, Sector};
use std::collections::HashMap;
use store::ManageError;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::Problem;
use crate::ui::school_fields::{RegionOption, SchoolInput, parse_school, region_options};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug, Default, serde::Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    school_name: String,
    sector_vo: Option<String>,
    sector_mbo: Option<String>,
    sector_hbo: Option<String>,
    #[serde(default)]
    students: String,
    #[serde(default)]
    region: String,
    #[serde(default)]
    brin: String,
}

impl SettingsForm {
    /// The form filled with the school as it is.
    fn of(school: &School) -> SettingsForm {
        let has = |s: Sector| school.sectors.contains(s).then(|| "on".to_owned());
        SettingsForm {
            school_name: school.name.to_string(),
            sector_vo: has(Sector::Vo),
            sector_mbo: has(Sector::Mbo),
            sector_hbo: has(Sector::Hbo),
            students: school.students.get().to_string(),
            region: school.region.code().to_owned(),
            brin: school
                .brin
                .as_ref()
                .map(|b| b.as_str().to_owned())
                .unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "school/settings.html")]
pub struct SettingsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    pub form: SettingsForm,
    pub regions: Vec<RegionOption>,
    pub problems: Vec<Problem>,
    pub notice: Option<String>,
    /// Said at the scale, after its words were saved.
    pub scale_notice: Option<String>,
    pub address: String,
    pub scale_action: String,
    pub scale_rows: Vec<ScaleRow>,
    pub scale_problems: Vec<(String, String)>,
    /// The team picture's k: the form's address, the value, a message or a problem.
    pub picture_action: String,
    pub picture_k: String,
    pub picture_notice: Option<String>,
    pub picture_error: Option<String>,
}

/// One step of the scale in the settings: a field per kind and language.
#[derive(Debug)]
pub struct ScaleRow {
    pub step: String,
    /// (field, accessible label, value, our default)
    pub cells: Vec<(String, String, String, String)>,
}

impl SettingsView {
    /// The message for a field, if it has a problem.
    pub fn problem(&self, field: &str) -> Option<&str> {
        crate::ui::forms::problem_of(&self.problems, field)
    }
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

/// The scale's fields, filled with `values` (field → text).
fn scale_rows(lang: Lang, values: &dyn Fn(&str) -> String) -> Vec<ScaleRow> {
    let t = Tr(lang);
    let defaults = ScaleLabels::default();
    Choice::ALL
        .into_iter()
        .map(|choice| ScaleRow {
            step: defaults.label(Kind::Task, choice, lang).to_owned(),
            cells: Kind::ALL
                .into_iter()
                .flat_map(|kind| Lang::ALL.into_iter().map(move |l| (kind, l)))
                .map(|(kind, l)| {
                    let field = ScaleLabels::field(kind, choice, l);
                    let label = t.args(
                        "settings-scale-field",
                        &[
                            (
                                "kind",
                                &t.get(match kind {
                                    Kind::Task => "settings-scale-tasks",
                                    Kind::Expertise => "settings-scale-expertise",
                                }),
                            ),
                            ("step", defaults.label(Kind::Task, choice, lang)),
                            ("lang", l.code()),
                        ],
                    );
                    let value = values(&field);
                    (
                        field,
                        label,
                        value,
                        defaults.label(kind, choice, l).to_owned(),
                    )
                })
                .collect(),
        })
        .collect()
}

fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    form: SettingsForm,
    problems: Vec<Problem>,
) -> SettingsView {
    let t = Tr(lang);
    let page = Page::SchoolSettings(working.school().short_name.clone());
    SettingsView {
        scale_action: Page::SchoolScale(working.school().short_name.clone()).path(lang),
        scale_rows: Vec::new(),
        scale_problems: Vec::new(),
        picture_action: Page::PictureThreshold(working.school().short_name.clone()).path(lang),
        picture_k: String::new(),
        picture_notice: None,
        picture_error: None,
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("settings-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        action: page.path(lang),
        address: app.absolute(&Page::School(working.school().short_name.clone()), lang),
        regions: region_options(lang, &form.region),
        form,
        problems,
        notice: None,
        scale_notice: None,
        t,
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let form = SettingsForm::of(working.school());
    let mut page = view(&app, lang, &working, form, Vec::new());
    let current = app.store.scale_labels(working.school().id).await?;
    let renamed: HashMap<String, String> = current.renamings().into_iter().collect();
    page.scale_rows = scale_rows(lang, &|f| renamed.get(f).cloned().unwrap_or_default());
    page.picture_k = app
        .store
        .picture_threshold(working.school().id)
        .await?
        .get()
        .to_string();
    match notice.ok().and_then(|Query(n)| n.klaar).as_deref() {
        // The scale's words are saved where the person was looking: at the scale.
        Some("schaal") => page.scale_notice = Some(page.t.get("settings-scale-saved")),
        Some("teambeeld") => page.picture_notice = Some(page.t.get("settings-picture-saved")),
        Some(_) => page.notice = Some(page.t.get("settings-saved")),
        None => {}
    }
    respond_private(&page, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<SettingsForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let mut problems = Vec::new();
    let details = parse_school(
        &SchoolInput {
            name: &form.school_name,
            sectors: [&form.sector_vo, &form.sector_mbo, &form.sector_hbo],
            students: &form.students,
            region: &form.region,
            brin: &form.brin,
        },
        lang,
        &mut |field, message| problems.push(Problem { field, message }),
    );
    let Some(details) = details else {
        let page = view(&app, lang, &working, form, problems);
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    match app
        .store
        .update_school(working.school().id, working.user().id, &details)
        .await
    {
        Ok(()) => {}
        Err(ManageError::Refused(refusal)) => {
            let problems = vec![Problem {
                field: "school_name",
                message: refusal.message(lang).to_owned(),
            }];
            let page = view(&app, lang, &working, form, problems);
            return respond_private(&page, lang, StatusCode::FORBIDDEN);
        }
        Err(ManageError::Store(e)) => return Err(e.into()),
    }
    Ok(see_other(&format!(
        "{}?klaar=1",
        Page::SchoolSettings(short).path(lang)
    )))
}

/// Stores the school's own words for the steps of the scale (an empty field: ours).
pub async fn submit_scale(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let posted = form.map(|Form(f)| f).unwrap_or_default();
    match ScaleLabels::renamed(&posted) {
        Ok(labels) => {
            match app
                .store
                .set_scale_labels(working.school().id, working.user().id, &labels)
                .await
            {
                Ok(()) => Ok(see_other(&format!(
                    "{}?klaar=schaal#schaal",
                    Page::SchoolSettings(short).path(lang)
                ))),
                Err(ManageError::Refused(_)) => Ok(crate::error::error_page(
                    &app,
                    lang,
                    axum::http::StatusCode::FORBIDDEN,
                )),
                Err(ManageError::Store(e)) => Err(e.into()),
            }
        }
        Err(problems) => {
            let mut page = view(
                &app,
                lang,
                &working,
                SettingsForm::of(working.school()),
                Vec::new(),
            );
            let values: HashMap<String, String> = posted.into_iter().collect();
            page.scale_rows = scale_rows(lang, &|f| values.get(f).cloned().unwrap_or_default());
            page.scale_problems = problems
                .into_iter()
                .map(|(field, e)| (field, e.message(lang)))
                .collect();
            respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct PictureForm {
    #[serde(default)]
    k: String,
}

/// The school's least number of people a team-picture figure is shown over: at least 5;
/// rounds without answers take it, the others keep theirs.
pub async fn picture_threshold(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<PictureForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let typed = form.map(|Form(f)| f.k).unwrap_or_default();
    match domain::aggregate::Threshold::parse(&typed) {
        Ok(k) => {
            if !app
                .store
                .set_picture_threshold(working.school().id, working.user().id, k)
                .await?
            {
                return Ok(crate::error::error_page(&app, lang, StatusCode::FORBIDDEN));
            }
            Ok(see_other(&format!(
                "{}?klaar=teambeeld#teambeeld",
                Page::SchoolSettings(short).path(lang)
            )))
        }
        Err(e) => {
            let form = SettingsForm::of(working.school());
            let mut page = view(&app, lang, &working, form, Vec::new());
            let current = app.store.scale_labels(working.school().id).await?;
            let renamed: HashMap<String, String> = current.renamings().into_iter().collect();
            page.scale_rows = scale_rows(lang, &|f| renamed.get(f).cloned().unwrap_or_default());
            page.picture_k = typed;
            page.picture_error = Some(e.message(lang));
            respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}
