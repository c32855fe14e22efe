//! A person changes the framework roles they hold in one of their schools. Only their own
//! membership: a school they do not belong to is answered as not found, and nothing changes.

use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Role;
use domain::account::FrameworkRoles;

use crate::auth::current_user;
use crate::error::{AppError, error_page};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::see_other;
use crate::ui::to_sign_in;

#[derive(serde::Deserialize)]
pub struct RolesForm {
    #[serde(default)]
    school: String,
    role_beg: Option<String>,
    role_spe: Option<String>,
    role_coo: Option<String>,
}

impl RolesForm {
    /// Whether the role's checkbox (named as `account::role_field` names it) was ticked.
    fn holds(&self, role: Role) -> bool {
        match role {
            Role::Mentor => self.role_beg.is_some(),
            Role::Specialist => self.role_spe.is_some(),
            Role::Coordinator => self.role_coo.is_some(),
        }
    }
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    form: Result<Form<RolesForm>, FormRejection>,
) -> Result<Response, AppError> {
    let Some(user) = current_user(&app, &headers).await? else {
        return Ok(to_sign_in(lang));
    };
    let Ok(Form(form)) = form else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let school = app.store.school_by_short_name(&form.school).await?;
    let roles = FrameworkRoles::new(Role::ALL.into_iter().filter(|r| form.holds(*r)));
    let changed = match school {
        Some(school) => {
            app.store
                .set_member_roles(school.id, user.id, &roles)
                .await?
        }
        None => false,
    };
    if !changed {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    }
    Ok(see_other(&format!(
        "{}?klaar=rollen",
        Page::Account.path(lang)
    )))
}
