//! A school's details (administrators): name, sectors, number of students, region, BRIN code.
//! The short name in every address stays when the name changes, so links keep working.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::school::{School, Sector};
use store::ManageError;

use crate::AppState;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::pages::school::{SchoolNav, school_param};
use crate::pages::school_fields::{
    Problem, RegionOption, SchoolInput, parse_school, region_options,
};
use crate::pages::{Chrome, respond_private, see_other};
use crate::routes::{Page, PathLang};
use crate::working::{Working, working_in};

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
#[template(path = "school_settings.html")]
pub struct SettingsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    pub form: SettingsForm,
    pub regions: Vec<RegionOption>,
    pub problems: Vec<Problem>,
    pub notice: Option<String>,
    pub address: String,
}

impl SettingsView {
    /// The message for a field, if it has a problem.
    pub fn problem(&self, field: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.as_str())
    }
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
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
        chrome: Chrome::new(lang, &app.edition, Some(&page), t.get("settings-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        action: page.path(lang),
        address: app.absolute(&Page::School(working.school().short_name.clone()), lang),
        regions: region_options(lang, &form.region),
        form,
        problems,
        notice: None,
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
    let working = match working_in(&app, &headers, lang, &short, Permission::Administrator).await? {
        Ok(w) => w,
        Err(response) => return Ok(response),
    };
    let form = SettingsForm::of(working.school());
    let mut page = view(&app, lang, &working, form, Vec::new());
    if notice.ok().and_then(|Query(n)| n.klaar).is_some() {
        page.notice = Some(page.t.get("settings-saved"));
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
    let working = match working_in(&app, &headers, lang, &short, Permission::Administrator).await? {
        Ok(w) => w,
        Err(response) => return Ok(response),
    };
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
