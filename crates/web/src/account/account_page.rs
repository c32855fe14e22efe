//! The signed-in person's account: who they are and the schools they belong to.

use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::{Lang, Role};

use crate::auth::{Signed, signed_in};
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::role_field;
use crate::ui::to_sign_in;
use crate::ui::{Chrome, respond_private};

#[derive(Template)]
#[template(path = "account/account.html")]
pub struct AccountView {
    pub chrome: Chrome,
    pub t: Tr,
    pub name: String,
    pub email: String,
    pub schools: Vec<SchoolLine>,
    pub sign_out_everywhere: String,
    pub data_href: String,
    pub delete_action: String,
    pub delete_error: Option<String>,
    pub roles_action: String,
    pub notice: Option<String>,
    pub password_action: String,
    pub password_error: Option<String>,
    pub name_action: String,
    pub name_error: Option<String>,
    /// The name in the name form: the current one, or what was typed when it was refused.
    pub name_value: String,
    pub email_action: String,
    pub email_error: Option<String>,
    /// What was typed in the e-mail form when it was refused.
    pub email_value: String,
    /// Whether a new address is confirmed by a link (the server sends e-mail).
    pub email_by_link: bool,
    /// Whether the account has a password. Without one (someone who joined through their
    /// school's provider), a sign-in in the last ten minutes confirms changes instead.
    pub has_password: bool,
    /// The identity providers one may link, and whether each is linked.
    pub sso: Vec<SsoLine>,
    pub sso_link_action: String,
    pub sso_unlink_action: String,
}

#[derive(Debug)]
pub struct SsoLine {
    pub id: String,
    pub name: String,
    pub linked: bool,
}

#[derive(Debug)]
pub struct SchoolLine {
    pub name: String,
    pub short_name: String,
    pub permission: String,
    pub roles: String,
    /// The three framework roles: name, form field and whether this person holds it here.
    pub role_choices: Vec<(String, &'static str, bool)>,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    let Some(signed) = signed_in(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let mut view = full_view(&app, lang, &signed, None).await?;
    view.notice = match notice.ok().and_then(|Query(n)| n.klaar).as_deref() {
        Some("schoolaccount") => Some(Tr(lang).get("sso-account-linked-notice")),
        Some("ontkoppeld") => Some(Tr(lang).get("sso-account-unlinked-notice")),
        Some("enige-toegang") => Some(Tr(lang).get("sso-account-only-way-in")),
        Some("rollen") => Some(Tr(lang).get("account-roles-saved")),
        Some("wachtwoord") => Some(Tr(lang).get("account-password-saved")),
        Some("naam") => Some(Tr(lang).get("account-name-saved")),
        Some("e-mailadres") => Some(Tr(lang).get("account-email-saved")),
        _ => None,
    };
    respond_private(&view, lang, StatusCode::OK)
}

/// The account page as [`view`] makes it, with what needs the database: whether the account
/// has a password, and its links to identity providers.
pub async fn full_view(
    app: &AppState,
    lang: Lang,
    signed: &Signed,
    delete_error: Option<String>,
) -> Result<AccountView, AppError> {
    let mut page = view(app, lang, signed, delete_error);
    let links = app.store.sso_links(signed.user.id).await?;
    // Without a password but with a provider, a recent sign-in confirms changes instead.
    page.has_password = links.is_empty() || app.store.has_password(signed.user.id).await?;
    page.sso = app
        .oidc
        .providers()
        .map(|p| SsoLine {
            id: p.id.clone(),
            name: p.name.clone(),
            linked: links.iter().any(|l| l.issuer == p.issuer),
        })
        .collect();
    Ok(page)
}

/// The account page, with an error on the delete form when there is one.
pub fn view(
    app: &AppState,
    lang: Lang,
    signed: &Signed,
    delete_error: Option<String>,
) -> AccountView {
    let t = Tr(lang);
    let user = &signed.user;
    let schools = signed
        .schools
        .iter()
        .map(|mine| {
            let edition = app.edition();
            let roles: Vec<&str> = mine
                .roles
                .as_slice()
                .iter()
                .map(|r| edition.role(*r).name.get(lang))
                .collect();
            SchoolLine {
                name: mine.school.name.to_string(),
                short_name: mine.school.short_name.clone(),
                role_choices: Role::ALL
                    .into_iter()
                    .map(|r| {
                        (
                            edition.role(r).name.get(lang).to_owned(),
                            role_field(r),
                            mine.roles.contains(r),
                        )
                    })
                    .collect(),
                permission: mine.permission.name(lang).to_owned(),
                roles: if roles.is_empty() {
                    t.get("account-no-roles")
                } else {
                    roles.join(", ")
                },
            }
        })
        .collect();
    AccountView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&Page::Account),
            t.get("account-title"),
        )
        .signed_in(),
        t,
        name: user.name.to_string(),
        email: user.email.to_string(),
        schools,
        sign_out_everywhere: Page::SignOutEverywhere.path(lang),
        data_href: Page::AccountData.path(lang),
        delete_action: Page::DeleteAccount.path(lang),
        delete_error,
        roles_action: Page::AccountRoles.path(lang),
        notice: None,
        password_action: Page::AccountPassword.path(lang),
        password_error: None,
        name_action: Page::AccountName.path(lang),
        name_error: None,
        name_value: user.name.to_string(),
        email_action: Page::AccountEmail.path(lang),
        email_error: None,
        email_value: String::new(),
        email_by_link: app.mailer.is_some(),
        has_password: true,
        sso: Vec::new(),
        sso_link_action: Page::SsoLink.path(lang),
        sso_unlink_action: Page::SsoUnlink.path(lang),
    }
}
