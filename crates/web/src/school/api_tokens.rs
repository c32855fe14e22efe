//! API tokens in a school (`…/api-sleutels`): every member makes personal tokens (a name,
//! read or write per part, how many days), sees when each was last used and revokes them;
//! an administrator also makes school tokens for integrations, and sees and may revoke every
//! token of the school. A new token's secret is shown once, on the page that answers the
//! form (never in an address, never again).

use std::collections::HashMap;

use askama::Template;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::api_token::{
    DEFAULT_DAYS, Holder, Lifetime, MAX_DAYS, NAME_MAX, Resource, Scopes, TokenInputError,
    TokenName,
};
use store::{ApiToken, NewToken, TokenError};

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{day, moment};
use crate::ui::forms::{FormFields, Problem, done_notice};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

/// One token in a list.
#[derive(Debug)]
pub struct TokenLine {
    pub id: String,
    pub name: String,
    pub scopes: String,
    /// Whose it is (in the administrator's list of members' tokens).
    pub person: String,
    pub made: String,
    pub expires: String,
    pub last_used: String,
    /// "in gebruik", "ingetrokken", "verlopen".
    pub state: String,
    pub usable: bool,
}

/// One part in the form: its field name, its name, whether it may be written and what is
/// chosen ("", "read", "write").
#[derive(Debug)]
pub struct ScopeField {
    pub field: String,
    pub name: &'static str,
    pub writable: bool,
    pub chosen: String,
}

/// The form to make a token of one holder, as posted or empty.
#[derive(Debug)]
pub struct TokenForm {
    pub holder: &'static str,
    pub name: String,
    pub days: String,
    pub scopes: Vec<ScopeField>,
    pub problems: Vec<Problem>,
}

#[derive(Template)]
#[template(path = "school/api_tokens.html")]
pub struct TokensView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub notice: Option<String>,
    pub refused: Option<String>,
    pub action: String,
    pub api_href: &'static str,
    /// A token just made: its name and its secret, shown this once.
    pub made: Option<(String, String)>,
    pub own: Vec<TokenLine>,
    pub personal: TokenForm,
    pub administrator: bool,
    pub school_tokens: Vec<TokenLine>,
    pub school_form: TokenForm,
    /// Members' personal tokens still in use (administrators may revoke them).
    pub members_tokens: Vec<TokenLine>,
    pub name_max: usize,
    pub max_days: u32,
}

fn line(token: &ApiToken, lang: Lang) -> TokenLine {
    let t = Tr(lang);
    let now = store::now_millis();
    TokenLine {
        id: token.id.to_string(),
        name: token.name.to_string(),
        scopes: token.scopes.describe(lang),
        person: token.user_name.clone(),
        made: day(token.created_at, lang),
        expires: day(token.expires_at, lang),
        last_used: token
            .last_used_at
            .map_or_else(|| t.get("tokens-never-used"), |at| moment(at, lang)),
        state: t.get(if token.revoked_at.is_some() {
            "tokens-state-revoked"
        } else if token.expires_at <= now {
            "tokens-state-expired"
        } else {
            "tokens-state-active"
        }),
        usable: token.usable(now),
    }
}

fn scope_field(holder: Holder, resource: Resource) -> String {
    format!("{}.{}", holder.code(), resource.code())
}

/// The empty form for a holder: the parts it may reach, nothing chosen.
fn empty_form(holder: Holder, lang: Lang) -> TokenForm {
    TokenForm {
        holder: holder.code(),
        name: String::new(),
        days: DEFAULT_DAYS.to_string(),
        scopes: Resource::ALL
            .into_iter()
            .filter(|r| holder == Holder::Person || !r.private())
            .map(|r| ScopeField {
                field: scope_field(holder, r),
                name: r.name(lang),
                writable: r.writable(),
                chosen: String::new(),
            })
            .collect(),
        problems: Vec::new(),
    }
}

async fn view(app: &AppState, working: &Working, lang: Lang) -> Result<TokensView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let page = Page::ApiTokens(school.short_name.clone());
    let own = app
        .store
        .personal_tokens(school.id, working.user().id)
        .await?;
    let administrator = working.permission() == Permission::Administrator;
    let (school_tokens, members_tokens) = if administrator {
        let school_tokens = app.store.school_tokens(school.id).await?;
        let members = app
            .store
            .members_tokens(school.id)
            .await?
            .iter()
            .filter(|token| token.user != working.user().id)
            .map(|token| line(token, lang))
            .collect();
        (
            school_tokens
                .iter()
                .map(|token| line(token, lang))
                .collect(),
            members,
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(TokensView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("tokens-title")).signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        notice: None,
        refused: None,
        action: page.path(lang),
        api_href: crate::routes::OPENAPI_PATH,
        made: None,
        own: own.iter().map(|token| line(token, lang)).collect(),
        personal: empty_form(Holder::Person, lang),
        administrator,
        school_tokens,
        school_form: empty_form(Holder::School, lang),
        members_tokens,
        name_max: NAME_MAX,
        max_days: MAX_DAYS,
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let mut page = view(&app, &working, lang).await?;
    page.notice = done_notice(query, lang, &[("ingetrokken", "tokens-revoked")]);
    respond_private(&page, lang, StatusCode::OK)
}

/// The posted form of a holder, read: the token to make, or the form again with its problems.
fn read_form(
    fields: &FormFields,
    holder: Holder,
    lang: Lang,
) -> Result<(TokenName, Scopes, Lifetime), TokenForm> {
    let mut form = empty_form(holder, lang);
    form.name = fields.one("naam").to_owned();
    form.days = fields.one("dagen").to_owned();
    // Every part's field, also one the form does not offer (a school token's private parts):
    // a choice there is refused with its reason rather than dropped.
    let mut typed = Vec::new();
    for resource in Resource::ALL {
        let chosen = fields.one(&scope_field(holder, resource));
        if matches!(chosen, "read" | "write") {
            typed.push(format!("{}:{chosen}", resource.code()));
        }
    }
    for scope in &mut form.scopes {
        scope.chosen = fields.one(&scope.field).to_owned();
    }
    let name = TokenName::parse(&form.name);
    let scopes = Scopes::parse(&typed.join(" "), holder);
    let lifetime = Lifetime::parse(&form.days);
    let mut problem = |field: &'static str, e: &TokenInputError| {
        form.problems.push(Problem {
            field,
            message: e.message(lang),
        });
    };
    let field = |name: &'static str, holder: Holder| match holder {
        Holder::Person => name,
        Holder::School => match name {
            "naam" => "school-naam",
            "dagen" => "school-dagen",
            _ => "school-rechten",
        },
    };
    if let Err(e) = &name {
        problem(field("naam", holder), e);
    }
    if let Err(e) = &scopes {
        problem(field("rechten", holder), e);
    }
    if let Err(e) = &lifetime {
        problem(field("dagen", holder), e);
    }
    match (name, scopes, lifetime) {
        (Ok(name), Ok(scopes), Ok(lifetime)) => Ok((name, scopes, lifetime)),
        _ => Err(form),
    }
}

/// `POST`: `stap=maken` with `voor=person|school` makes a token (its secret is on the page
/// that answers); `stap=intrekken` with `sleutel=ID` revokes one.
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let fields = FormFields::parse(&body);
    let t = Tr(lang);
    let school = working.school().clone();
    if fields.one("stap") == "intrekken" {
        let id = uuid::Uuid::parse_str(fields.one("sleutel").trim()).ok();
        let result = match id {
            Some(id) => {
                app.store
                    .revoke_token(school.id, working.user().id, id)
                    .await
            }
            None => Err(TokenError::NotFound),
        };
        return match result {
            Ok(()) => Ok(see_other(&format!(
                "{}?klaar=ingetrokken",
                Page::ApiTokens(school.short_name.clone()).path(lang)
            ))),
            Err(TokenError::Store(e)) => Err(e.into()),
            Err(TokenError::NotAllowed) => Err(forbidden(&app, lang)),
            Err(TokenError::NotFound) => {
                let mut page = view(&app, &working, lang).await?;
                page.refused = Some(t.get("tokens-no-such-token"));
                respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
            }
        };
    }
    if fields.one("stap") != "maken" {
        let mut page = view(&app, &working, lang).await?;
        page.refused = Some(t.get("network-unknown-step"));
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let holder = Holder::parse(fields.one("voor")).unwrap_or(Holder::Person);
    if holder == Holder::School && working.permission() != Permission::Administrator {
        return Err(forbidden(&app, lang));
    }
    let (name, scopes, lifetime) = match read_form(&fields, holder, lang) {
        Ok(made) => made,
        Err(form) => {
            let mut page = view(&app, &working, lang).await?;
            match holder {
                Holder::Person => page.personal = form,
                Holder::School => page.school_form = form,
            }
            return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let made = app
        .store
        .create_token(&NewToken {
            school: school.id,
            maker: working.user().id,
            holder,
            name,
            scopes,
            lifetime,
        })
        .await;
    match made {
        Ok((token, secret)) => {
            let mut page = view(&app, &working, lang).await?;
            page.made = Some((token.name.to_string(), secret));
            // A new page, not a redirect: the secret is on it once, and never in an address.
            respond_private(&page, lang, StatusCode::OK)
        }
        Err(TokenError::NotAllowed) => Err(forbidden(&app, lang)),
        Err(TokenError::NotFound) => Err(AppError::NotFound(lang)),
        Err(TokenError::Store(e)) => Err(e.into()),
    }
}

fn forbidden(app: &AppState, lang: Lang) -> AppError {
    AppError::answer(error_page(app, lang, StatusCode::FORBIDDEN))
}

impl ScopeField {
    /// The choices the field offers, for the template: `(value, message key)`.
    pub fn options(&self) -> Vec<(&'static str, &'static str)> {
        let mut options = vec![("", "tokens-access-none"), ("read", "tokens-access-read")];
        if self.writable {
            options.push(("write", "tokens-access-write"));
        }
        options
    }
}
