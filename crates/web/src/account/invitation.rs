//! Accepting an invitation. The link names the school and the address invited; a person
//! without an account chooses their name and password, someone who already has an account
//! with that address confirms with their password, or by being signed in to that account
//! already (so an account that signs in only through its school account, without a
//! password, can accept too). Either way they are signed in and land in the school.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::{NewPassword, PersonName};
use domain::links::invitation_outlived_message;
use store::{AcceptError, Invitation, InvitationState};

use crate::account::sign_in::{Check, check_password, start_session};
use crate::auth::{ClientIp, current_user, hash_password};
use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::{Chrome, respond_private};

#[derive(Template)]
#[template(path = "account/invitation.html")]
pub struct InvitationView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub school: String,
    pub intro: String,
    /// Whether the address has an account already (then only its password is asked).
    pub existing: bool,
    /// Whether the person signed in is that account (then nothing is asked).
    pub signed_as: bool,
    pub name: String,
    pub problems: Vec<(&'static str, String)>,
    /// For a link that can no longer be used: why.
    pub gone: Option<String>,
    pub sign_in_href: String,
}

impl InvitationView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct AcceptForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    repeat: String,
}

fn token_of(token: Result<Path<String>, PathRejection>) -> String {
    token.map(|Path(t)| t).unwrap_or_default()
}

async fn view(
    app: &AppState,
    lang: Lang,
    token: &str,
    invitation: &Invitation,
    headers: &HeaderMap,
) -> Result<InvitationView, AppError> {
    let t = Tr(lang);
    let school = app
        .store
        .school(invitation.school)
        .await?
        .map(|s| s.name.to_string())
        .unwrap_or_default();
    let existing = app.store.user_by_email(&invitation.email).await?;
    let signed_as = match (&existing, current_user(app, headers).await?) {
        (Some(account), Some(user)) => account.id == user.id,
        _ => false,
    };
    let existing = existing.is_some();
    let gone = match invitation.state {
        InvitationState::Pending => None,
        InvitationState::Used => Some(t.get("invitation-used")),
        InvitationState::Revoked => Some(t.get("invitation-revoked")),
        InvitationState::Expired => Some(t.get("invitation-expired-text")),
        InvitationState::Outlived => Some(invitation_outlived_message(lang).to_owned()),
    };
    Ok(InvitationView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&Page::Invitation(token.to_owned())),
            t.get("invitation-title"),
        ),
        action: Page::Invitation(token.to_owned()).path(lang),
        school: school.clone(),
        intro: t.args(
            "invitation-intro",
            &[
                ("school", school.as_str()),
                ("email", invitation.email.as_str()),
                ("permission", invitation.permission.name(lang)),
            ],
        ),
        existing,
        signed_as,
        name: String::new(),
        problems: Vec::new(),
        gone,
        sign_in_href: Page::SignIn.path(lang),
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    let Some(invitation) = app.store.invitation_by_token(&token).await? else {
        return Ok(error_page(&app, lang, StatusCode::GONE));
    };
    let view = view(&app, lang, &token, &invitation, &headers).await?;
    let status = if view.gone.is_some() {
        StatusCode::GONE
    } else {
        StatusCode::OK
    };
    respond_private(&view, lang, status)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    token: Result<Path<String>, PathRejection>,
    form: Result<Form<AcceptForm>, FormRejection>,
) -> Result<Response, AppError> {
    let token = token_of(token);
    let Some(invitation) = app.store.invitation_by_token(&token).await? else {
        return Ok(error_page(&app, lang, StatusCode::GONE));
    };
    let mut page = view(&app, lang, &token, &invitation, &headers).await?;
    if page.gone.is_some() {
        return respond_private(&page, lang, StatusCode::GONE);
    }
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let t = Tr(lang);
    let accepted = if page.signed_as {
        match current_user(&app, &headers).await? {
            Some(user) => app
                .store
                .accept_invitation_existing(&token, &user)
                .await
                .map(|school| (user.id, school)),
            None => return Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
        }
    } else if page.existing {
        match check_password(&app, invitation.email.as_str(), form.password, ip).await? {
            Check::Valid(user) => app
                .store
                .accept_invitation_existing(&token, &user)
                .await
                .map(|school| (user.id, school)),
            Check::Wrong => {
                page.problems
                    .push(("password", t.get("invitation-wrong-password")));
                return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
            }
            Check::Locked(wait) => {
                let minutes = wait.as_secs().div_ceil(60).max(1);
                page.problems
                    .push(("password", t.with("sign-in-locked", "minutes", minutes)));
                return respond_private(&page, lang, StatusCode::TOO_MANY_REQUESTS);
            }
        }
    } else {
        page.name = form.name.clone();
        let name = PersonName::parse(&form.name)
            .map_err(|e| page.problems.push(("name", e.message(lang))))
            .ok();
        let personal = [
            invitation.email.as_str(),
            form.name.as_str(),
            page.school.as_str(),
        ];
        let password = NewPassword::parse(&form.password, &form.repeat, &personal)
            .map_err(|e| page.problems.push(("password", e.message(lang))))
            .ok();
        let (Some(name), Some(password)) = (name, password) else {
            return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        };
        let hash = hash_password(password).await?;
        app.store
            .accept_invitation_new(&token, &name, &hash)
            .await
            .map(|(user, school)| (user.id, school))
    };
    match accepted {
        Ok((user, school)) => {
            let short = app
                .store
                .school(school)
                .await?
                .map(|s| s.short_name)
                .unwrap_or_default();
            // Counted as a password session also when the person was signed in already: a
            // school that turns passwords off ends it, and they sign in again.
            start_session(
                &app,
                &headers,
                user,
                store::SignedWith::Password,
                &Page::School(short).path(lang),
            )
            .await
        }
        Err(AcceptError::Gone) => Ok(error_page(&app, lang, StatusCode::GONE)),
        Err(AcceptError::Outlived) => {
            page.gone = Some(invitation_outlived_message(lang).to_owned());
            respond_private(&page, lang, StatusCode::GONE)
        }
        Err(AcceptError::EmailTaken | AcceptError::WrongAccount) => {
            // The address got an account meanwhile: show the form for an existing account.
            let page = view(&app, lang, &token, &invitation, &headers).await?;
            respond_private(&page, lang, StatusCode::CONFLICT)
        }
        Err(AcceptError::AlreadyMember) => {
            page.gone = Some(t.get("invitation-already-member"));
            respond_private(&page, lang, StatusCode::CONFLICT)
        }
        Err(AcceptError::Store(e)) => Err(e.into()),
    }
}
