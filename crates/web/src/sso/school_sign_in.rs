//! How a school's people sign in through an identity provider (administrators): the
//! provider, the school's organisation in its claim (a domain for SURFconext, the BRIN code
//! for Entree), whether a new person of that organisation joins as *lid* on first sign-in,
//! and whether members may still use a password. Turning passwords off needs the
//! administrator's own account linked to that provider, so that nobody locks themselves out.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::sso::SchoolSignIn;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::Problem;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Debug, Default, serde::Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    provider: String,
    #[serde(default)]
    organisation: String,
    join: Option<String>,
    password_off: Option<String>,
}

#[derive(Template)]
#[template(path = "sso/school_sign_in.html")]
pub struct SchoolSignInView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub action: String,
    /// (id, name, claim) of each configured provider.
    pub providers: Vec<(String, String, &'static str)>,
    pub form: SignInForm,
    pub problems: Vec<Problem>,
    pub notice: Option<String>,
}

impl SchoolSignInView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        crate::ui::forms::problem_of(&self.problems, field)
    }
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

fn view(app: &AppState, lang: Lang, working: &Working, form: SignInForm) -> SchoolSignInView {
    let t = Tr(lang);
    let page = Page::SchoolSignIn(working.school().short_name.clone());
    SchoolSignInView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("school-sign-in-title"),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        action: page.path(lang),
        providers: app
            .oidc
            .providers()
            .map(|p| (p.id.clone(), p.name.clone(), p.org_claim.claim()))
            .collect(),
        form,
        problems: Vec::new(),
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
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let form = match app.store.school_sign_in(working.school().id).await? {
        Some(setting) => SignInForm {
            provider: app
                .oidc
                .by_issuer(&setting.issuer)
                .map(|p| p.id.clone())
                .unwrap_or_default(),
            organisation: setting.organisation.to_string(),
            join: setting.join_as_member.then(|| "on".to_owned()),
            password_off: (!setting.password_allowed).then(|| "on".to_owned()),
        },
        None => SignInForm::default(),
    };
    let mut page = view(&app, lang, &working, form);
    if notice.ok().and_then(|Query(n)| n.klaar).is_some() {
        page.notice = Some(page.t.get("school-sign-in-saved"));
    }
    respond_private(&page, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Administrator).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let t = Tr(lang);
    let refuse = |field: &'static str, message: String, form: SignInForm| {
        let mut page = view(&app, lang, &working, form);
        page.problems.push(Problem { field, message });
        respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
    };
    let done = format!("{}?klaar=1", Page::SchoolSignIn(short.clone()).path(lang));
    if form.provider.is_empty() {
        app.store
            .set_school_sign_in(working.school().id, working.user().id, None, "-")
            .await?;
        return Ok(see_other(&done));
    }
    let Some(provider) = app.oidc.provider(&form.provider) else {
        return refuse("provider", t.get("school-sign-in-provider-unknown"), form);
    };
    let organisation = match provider.org_claim.organisation(&form.organisation) {
        Ok(organisation) => organisation,
        Err(_) => {
            let key = match provider.org_claim {
                domain::sso::OrgClaim::SchacHomeOrganization => "school-sign-in-domain-invalid",
                domain::sso::OrgClaim::EntreeBrin => "school-sign-in-brin-invalid",
            };
            return refuse("organisation", t.get(key), form);
        }
    };
    let password_allowed = form.password_off.is_none();
    if !password_allowed {
        let links = app.store.sso_links(working.user().id).await?;
        if !links.iter().any(|l| l.issuer == provider.issuer) {
            let message = t.with("school-sign-in-link-first", "provider", &provider.name);
            return refuse("password_off", message, form);
        }
    }
    let setting = SchoolSignIn {
        issuer: provider.issuer.clone(),
        organisation,
        join_as_member: form.join.is_some(),
        password_allowed,
    };
    let detail = format!(
        "{} {} join={} password={}",
        provider.name,
        setting.organisation,
        if setting.join_as_member { "on" } else { "off" },
        if password_allowed { "on" } else { "off" },
    );
    app.store
        .set_school_sign_in(
            working.school().id,
            working.user().id,
            Some(&setting),
            &detail,
        )
        .await?;
    Ok(see_other(&done))
}
