//! Setting a password with a one-time link (for a new account, or after a reset).

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::Lang;
use domain::account::NewPassword;
use store::LinkError;

use crate::auth::hash_password;
use crate::error::{AppError, error_page, explained_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond_private, see_other};

#[derive(Template)]
#[template(path = "account/set_password.html")]
pub struct SetPasswordView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub name: String,
    pub error: Option<String>,
}

#[derive(serde::Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

fn token_of(path: Result<Path<String>, PathRejection>) -> String {
    path.map(|Path(t)| t).unwrap_or_default()
}

fn view(
    app: &AppState,
    lang: Lang,
    token: &str,
    name: String,
    error: Option<String>,
) -> SetPasswordView {
    let t = Tr(lang);
    let page = Page::SetPassword(token.to_owned());
    SetPasswordView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("set-password-title"),
        ),
        t,
        action: page.path(lang),
        name,
        error,
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    match app.store.password_link(&token).await {
        Ok(user) => respond_private(
            &view(&app, lang, &token, user.name.to_string(), None),
            lang,
            StatusCode::OK,
        ),
        Err(e) => refused(&app, lang, e),
    }
}

/// The answer for a link that cannot be used: 410, with the reason when a rule under which
/// it was made no longer holds.
fn refused(app: &AppState, lang: Lang, error: LinkError) -> Result<Response, AppError> {
    match error {
        LinkError::Gone => Ok(error_page(app, lang, StatusCode::GONE)),
        LinkError::Outlived(why) => Ok(explained_page(
            app,
            lang,
            StatusCode::GONE,
            Tr(lang).get("link-gone-title"),
            why.message(lang).to_owned(),
        )),
        LinkError::Store(e) => Err(e.into()),
    }
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    token: Result<Path<String>, PathRejection>,
    form: Result<Form<PasswordForm>, FormRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    let user = match app.store.password_link(&token).await {
        Ok(user) => user,
        Err(e) => return refused(&app, lang, e),
    };
    let form = form.map(|Form(f)| f).unwrap_or(PasswordForm {
        password: String::new(),
        repeat: String::new(),
    });
    let personal = [user.email.as_str(), user.name.as_str()];
    let password = match NewPassword::parse(&form.password, &form.repeat, &personal) {
        Ok(password) => password,
        Err(problem) => {
            let view = view(
                &app,
                lang,
                &token,
                user.name.to_string(),
                Some(problem.message(lang)),
            );
            return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let hash = hash_password(password).await?;
    // The link's rules are checked again in the transaction that sets the password: they may
    // have stopped holding since the form was shown.
    if let Err(e) = app.store.set_password_with_link(&token, &hash).await {
        return refused(&app, lang, e);
    }
    Ok(see_other(&format!(
        "{}?klaar=wachtwoord",
        Page::SignIn.path(lang)
    )))
}
