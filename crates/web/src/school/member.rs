//! One member of a school, and the changes a coordinator or administrator makes to them:
//! roles, permission, deactivating, reactivating, removing, and a link to set a new
//! password. Each change explains what happens to the person's data before it is made.

use askama::Template;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::Response;
use domain::account::{FrameworkRoles, Membership, Permission, User, UserId};
use domain::links::LinkMaker;
use domain::members::{MemberAction, Refusal, check_invitation};
use domain::{Lang, Role};
use store::ManageError;
use uuid::Uuid;

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::mail::send_password_link;
use crate::routes::{MemberOp, Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::role_field;
use crate::ui::school_nav::SchoolNav;
use crate::ui::{Chrome, respond_private, see_other};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "school/member.html")]
pub struct MemberView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub name: String,
    pub email: String,
    pub permission: String,
    pub active: bool,
    pub roles: Vec<(&'static str, String, bool)>,
    pub permissions: Vec<(&'static str, String, bool)>,
    pub roles_action: String,
    pub permission_action: String,
    pub active_action: String,
    pub remove_action: String,
    pub password_action: Option<String>,
    pub members_href: String,
    pub error: Option<String>,
    pub notice: Option<String>,
    pub password_link: Option<(String, Option<bool>)>,
    /// How many hours an administrator's password link works.
    pub link_hours: i64,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    permission: String,
    role_beg: Option<String>,
    role_spe: Option<String>,
    role_coo: Option<String>,
    confirm: Option<String>,
}

impl ChangeForm {
    fn roles(&self) -> FrameworkRoles {
        FrameworkRoles::new(Role::ALL.into_iter().filter(|r| match r {
            Role::Mentor => self.role_beg.is_some(),
            Role::Specialist => self.role_spe.is_some(),
            Role::Coordinator => self.role_coo.is_some(),
        }))
    }
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

/// The member the path names, if they are a member of the school the person works in.
async fn target(
    app: &AppState,
    working: &Working,
    id: &str,
) -> Result<Option<(User, Membership)>, AppError> {
    let Ok(id) = Uuid::parse_str(id) else {
        return Ok(None);
    };
    Ok(app.store.member(working.school().id, UserId(id)).await?)
}

fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    user: &User,
    membership: &Membership,
) -> MemberView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::Member(short.clone(), user.id);
    let change = |op| Page::MemberChange(short.clone(), user.id, op).path(lang);
    let mine = working.permission();
    MemberView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), user.name.to_string())
            .signed_in()
            .with_script(),
        nav: SchoolNav::new(working, lang, &Page::Members(short.clone())),
        name: user.name.to_string(),
        email: user.email.to_string(),
        permission: membership.permission.name(lang).to_owned(),
        active: membership.active,
        roles: Role::ALL
            .into_iter()
            .map(|r| {
                (
                    role_field(r),
                    app.edition().role(r).name.get(lang).to_owned(),
                    membership.roles.contains(r),
                )
            })
            .collect(),
        permissions: Permission::ALL
            .into_iter()
            .filter(|p| check_invitation(mine, *p).is_ok())
            .map(|p| {
                (
                    p.code(),
                    p.name(lang).to_owned(),
                    p == membership.permission,
                )
            })
            .collect(),
        roles_action: change(MemberOp::Roles),
        permission_action: change(MemberOp::Permission),
        active_action: change(if membership.active {
            MemberOp::Deactivate
        } else {
            MemberOp::Reactivate
        }),
        remove_action: change(MemberOp::Remove),
        password_action: (mine == Permission::Administrator)
            .then(|| change(MemberOp::PasswordLink)),
        members_href: Page::Members(short).path(lang),
        error: None,
        notice: None,
        password_link: None,
        link_hours: LinkMaker::Administrator.lifetime_hours(),
        t,
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let Some((user, membership)) = target(&app, &working, &id).await? else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let mut view = view(&app, lang, &working, &user, &membership);
    if notice.ok().and_then(|Query(n)| n.klaar).is_some() {
        view.notice = Some(view.t.get("member-saved"));
    }
    respond_private(&view, lang, StatusCode::OK)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    uri: Uri,
    form: Result<Form<ChangeForm>, FormRejection>,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    // Each change has its own address (see the router); its last segment names it.
    let op = uri.path().rsplit('/').next().unwrap_or_default();
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let (Some(op), Some((user, membership))) = (
        MemberOp::from_slug(lang, op),
        target(&app, &working, &id).await?,
    ) else {
        return Ok(error_page(&app, lang, StatusCode::NOT_FOUND));
    };
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let t = Tr(lang);
    let refuse = |message: String| {
        let mut page = view(&app, lang, &working, &user, &membership);
        page.error = Some(message);
        respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
    };
    let action = match op {
        MemberOp::Roles => MemberAction::SetRoles(form.roles()),
        MemberOp::Permission => match Permission::parse(&form.permission) {
            Ok(p) => MemberAction::SetPermission(p),
            Err(e) => return refuse(e.message(lang)),
        },
        MemberOp::Deactivate => MemberAction::Deactivate,
        MemberOp::Reactivate => MemberAction::Reactivate,
        MemberOp::Remove => {
            if form.confirm.is_none() {
                return refuse(t.get("member-remove-confirm-missing"));
            }
            MemberAction::Remove
        }
        MemberOp::PasswordLink => {
            return password_link(&app, lang, &working, &user, &membership).await;
        }
    };
    match app
        .store
        .manage_member(working.school().id, working.user().id, user.id, &action)
        .await
    {
        Ok(()) => {}
        Err(ManageError::Refused(refusal)) => return refuse(refusal.message(lang).to_owned()),
        Err(ManageError::Store(e)) => return Err(e.into()),
    }
    let next = if action == MemberAction::Remove {
        format!("{}?klaar=verwijderd", Page::Members(short).path(lang))
    } else if user.id == working.user().id
        && matches!(
            action,
            MemberAction::SetPermission(_) | MemberAction::Deactivate
        )
    {
        // The person may no longer manage members here.
        Page::Schools.path(lang)
    } else {
        format!("{}?klaar=1", Page::Member(short, user.id).path(lang))
    };
    Ok(see_other(&next))
}

async fn password_link(
    app: &AppState,
    lang: Lang,
    working: &Working,
    user: &User,
    membership: &Membership,
) -> Result<Response, AppError> {
    let token = match app
        .store
        .member_password_link(working.school().id, working.user().id, user.id)
        .await
    {
        Ok(token) => token,
        Err(ManageError::Refused(refusal)) => {
            let mut page = view(app, lang, working, user, membership);
            page.error = Some(refusal.message(lang).to_owned());
            let status = if refusal == Refusal::NotAllowed {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return respond_private(&page, lang, status);
        }
        Err(ManageError::Store(e)) => return Err(e.into()),
    };
    let link = app.absolute(&Page::SetPassword(token), lang);
    let mailed =
        send_password_link(app.mailer.as_ref(), lang, &user.email.to_string(), &link).await;
    let mut page = view(app, lang, working, user, membership);
    page.password_link = Some((link, mailed));
    respond_private(&page, lang, StatusCode::OK)
}
