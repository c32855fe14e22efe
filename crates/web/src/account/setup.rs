//! The first run: with the one-time set-up link the first person creates a school and their
//! own administrator account. Every field is checked and reported at once, the input kept
//! (passwords excepted), and nothing is stored unless everything is.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::Role;
use domain::account::{Email, FrameworkRoles, NewPassword, PersonName};
use domain::school::NewSchool;
use store::{FirstSchool, SetupError};

use crate::account::sign_in::start_session;
use crate::auth::hash_password;
use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::Problem;
use crate::ui::school_fields::{RegionOption, SchoolInput, parse_school, region_options};
use crate::ui::{Chrome, respond_private};

#[derive(Debug, Default, serde::Deserialize)]
pub struct SetupForm {
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
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    role_beg: Option<String>,
    role_spe: Option<String>,
    role_coo: Option<String>,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

#[derive(Template)]
#[template(path = "account/setup.html")]
pub struct SetupView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub form: SetupForm,
    pub regions: Vec<RegionOption>,
    pub problems: Vec<Problem>,
    pub role_names: [String; 3],
}

impl SetupView {
    pub fn role_name(&self, index: usize) -> &str {
        self.role_names.get(index).map_or("", String::as_str)
    }

    /// The message for a field, if it has a problem.
    pub fn problem(&self, field: &str) -> Option<&str> {
        crate::ui::forms::problem_of(&self.problems, field)
    }
}

fn token_of(path: Result<Path<String>, PathRejection>) -> String {
    path.map(|Path(t)| t).unwrap_or_default()
}

fn view(
    app: &AppState,
    lang: Lang,
    token: &str,
    form: SetupForm,
    problems: Vec<Problem>,
) -> SetupView {
    let t = Tr(lang);
    let page = Page::Setup(token.to_owned());
    let regions = region_options(lang, &form.region);
    SetupView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("setup-title")),
        t,
        action: page.path(lang),
        form,
        regions,
        problems,
        role_names: Role::ALL.map(|r| app.edition().role(r).name.get(lang).to_owned()),
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    if !app.store.setup_link_valid(&token).await? {
        return Ok(error_page(&app, lang, StatusCode::GONE));
    }
    respond_private(
        &view(&app, lang, &token, SetupForm::default(), Vec::new()),
        lang,
        StatusCode::OK,
    )
}

/// Every field parsed; every problem listed.
fn parse(
    form: &SetupForm,
    lang: Lang,
) -> Result<(NewSchool, PersonName, Email, FrameworkRoles, NewPassword), Vec<Problem>> {
    let mut problems = Vec::new();
    let mut note = |field: &'static str, message: String| problems.push(Problem { field, message });
    let school = parse_school(
        &SchoolInput {
            name: &form.school_name,
            sectors: [&form.sector_vo, &form.sector_mbo, &form.sector_hbo],
            students: &form.students,
            region: &form.region,
            brin: &form.brin,
        },
        lang,
        &mut note,
    );
    let name = PersonName::parse(&form.name)
        .map_err(|e| note("name", e.message(lang)))
        .ok();
    let email = Email::parse(&form.email)
        .map_err(|e| note("email", e.message(lang)))
        .ok();
    let roles = FrameworkRoles::new(
        [
            (Role::Mentor, &form.role_beg),
            (Role::Specialist, &form.role_spe),
            (Role::Coordinator, &form.role_coo),
        ]
        .into_iter()
        .filter(|(_, on)| on.is_some())
        .map(|(r, _)| r),
    );
    let personal = [
        form.email.as_str(),
        form.name.as_str(),
        form.school_name.as_str(),
    ];
    let password = NewPassword::parse(&form.password, &form.repeat, &personal)
        .map_err(|e| note("password", e.message(lang)))
        .ok();
    match (school, name, email, password) {
        (Some(school), Some(name), Some(email), Some(password)) => {
            Ok((school, name, email, roles, password))
        }
        _ => Err(problems),
    }
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
    form: Result<Form<SetupForm>, FormRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    if !app.store.setup_link_valid(&token).await? {
        return Ok(error_page(&app, lang, StatusCode::GONE));
    }
    let mut form = form.map(|Form(f)| f).unwrap_or_default();
    let (school, name, email, roles, password) = match parse(&form, lang) {
        Ok(parsed) => parsed,
        Err(problems) => {
            form.password.clear();
            form.repeat.clear();
            return respond_private(
                &view(&app, lang, &token, form, problems),
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    let hash = hash_password(password).await?;
    let first = FirstSchool {
        school: &school,
        email: &email,
        name: &name,
        roles: &roles,
        password_hash: &hash,
    };
    match app.store.complete_setup(&token, &first).await {
        // The person who set the school up is signed in at once, on the school's start page.
        Ok((school, user)) => {
            let start = format!(
                "{}?klaar=inrichting",
                Page::School(school.short_name).path(lang)
            );
            start_session(&app, &headers, user.id, store::SignedWith::Password, &start).await
        }
        Err(SetupError::LinkGone) => Ok(error_page(&app, lang, StatusCode::GONE)),
        Err(SetupError::EmailTaken) => {
            form.password.clear();
            form.repeat.clear();
            let problems = vec![Problem {
                field: "email",
                message: Tr(lang).get("setup-email-taken"),
            }];
            respond_private(
                &view(&app, lang, &token, form, problems),
                lang,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(SetupError::Store(e)) => Err(AppError::Store(e)),
    }
}
