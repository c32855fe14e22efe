//! A school's members and open invitations, and inviting someone (coordinators and
//! administrators). An invitation's link is shown once on screen, to copy, and e-mailed
//! when SMTP is configured.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{FormRejection, PathRejection, QueryRejection};
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::{Email, FrameworkRoles, Permission};
use domain::members::check_invitation;
use domain::people_list::read_list;
use domain::{Lang, Role};
use store::{Invitation, InvitationState, ManageError};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::mail::Mail;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::day;
use crate::ui::forms::role_field;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "school/members.html")]
pub struct MembersView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    pub members: Vec<MemberLine>,
    pub invitations: Vec<InvitationLine>,
    pub invite_action: String,
    pub form: InviteForm,
    pub permissions: Vec<(&'static str, String)>,
    pub roles: Vec<(&'static str, String)>,
    pub problems: Vec<(&'static str, String)>,
    /// After inviting: the link to hand over, and whether it was e-mailed.
    pub invited: Option<Invited>,
    pub notice: Option<String>,
    pub invite_many_action: String,
    /// After inviting a list: who was invited, and every line that was not.
    pub bulk: Option<Bulk>,
    /// The list as typed, kept when nobody on it could be invited.
    pub bulk_text: String,
}

/// What inviting a list did.
#[derive(Debug, Default)]
pub struct Bulk {
    pub invited: Vec<Invited>,
    /// Every line not invited, in words: "regel 3 (tekst): waarom".
    pub problems: Vec<String>,
}

impl MembersView {
    pub fn problem(&self, field: &str) -> Option<&str> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn role_checked(&self, field: &str) -> bool {
        self.form.role(field)
    }
}

#[derive(Debug)]
pub struct Invited {
    pub email: String,
    pub link: String,
    pub mailed: Option<bool>,
}

#[derive(Debug)]
pub struct MemberLine {
    pub href: String,
    pub name: String,
    pub email: String,
    pub permission: String,
    pub roles: String,
    pub active: bool,
}

#[derive(Debug)]
pub struct InvitationLine {
    pub email: String,
    pub permission: String,
    /// Why it can no longer be used (expired, or its sender may no longer send it).
    pub ended: Option<String>,
    pub until: String,
    pub revoke_action: String,
}

#[derive(serde::Deserialize)]
pub struct Notice {
    klaar: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct InviteForm {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub permission: String,
    pub role_beg: Option<String>,
    pub role_spe: Option<String>,
    pub role_coo: Option<String>,
}

impl InviteForm {
    fn role(&self, field: &str) -> bool {
        match field {
            "role_beg" => self.role_beg.is_some(),
            "role_spe" => self.role_spe.is_some(),
            "role_coo" => self.role_coo.is_some(),
            _ => false,
        }
    }
}

async fn view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    form: InviteForm,
    problems: Vec<(&'static str, String)>,
    invited: Option<Invited>,
) -> Result<MembersView, AppError> {
    let t = Tr(lang);
    let school = working.school();
    let short = school.short_name.clone();
    let page = Page::Members(short.clone());
    let role_names = |roles: &FrameworkRoles| {
        let edition = app.edition();
        let names: Vec<&str> = roles
            .as_slice()
            .iter()
            .map(|r| edition.role(*r).name.get(lang))
            .collect();
        if names.is_empty() {
            t.get("account-no-roles")
        } else {
            names.join(", ")
        }
    };
    let members = app
        .store
        .members(school.id)
        .await?
        .into_iter()
        .map(|(user, m)| MemberLine {
            href: Page::Member(short.clone(), user.id).path(lang),
            name: user.name.to_string(),
            email: user.email.to_string(),
            permission: m.permission.name(lang).to_owned(),
            roles: role_names(&m.roles),
            active: m.active,
        })
        .collect();
    let invitations = app
        .store
        .invitations(school.id)
        .await?
        .into_iter()
        .map(|i: Invitation| InvitationLine {
            email: i.email.to_string(),
            permission: i.permission.name(lang).to_owned(),
            ended: match i.state {
                InvitationState::Expired => Some(t.get("invitation-expired")),
                InvitationState::Outlived => Some(t.get("invitation-outlived")),
                InvitationState::Pending | InvitationState::Used | InvitationState::Revoked => None,
            },
            until: day(i.expires_at, lang),
            revoke_action: Page::RevokeInvitation(short.clone(), i.id).path(lang),
        })
        .collect();
    let mine = working.permission();
    Ok(MembersView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("members-title"))
            .signed_in()
            .with_script(),
        nav: SchoolNav::new(working, lang, &page),
        members,
        invitations,
        invite_action: Page::Invite(short).path(lang),
        form,
        permissions: Permission::ALL
            .into_iter()
            .filter(|p| check_invitation(mine, *p).is_ok())
            .map(|p| (p.code(), p.name(lang).to_owned()))
            .collect(),
        roles: Role::ALL
            .into_iter()
            .map(|r| {
                (
                    role_field(r),
                    app.edition().role(r).name.get(lang).to_owned(),
                )
            })
            .collect(),
        problems,
        invited,
        notice: None,
        invite_many_action: Page::InviteMany(school.short_name.clone()).path(lang),
        bulk: None,
        bulk_text: String::new(),
        t,
    })
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    notice: Result<Query<Notice>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let form = InviteForm {
        permission: Permission::Member.code().to_owned(),
        ..InviteForm::default()
    };
    let mut view = view(&app, lang, &working, form, Vec::new(), None).await?;
    if notice.ok().and_then(|Query(n)| n.klaar).as_deref() == Some("verwijderd") {
        view.notice = Some(view.t.get("member-removed"));
    }
    respond_private(&view, lang, StatusCode::OK)
}

/// Sends an invitation: checks the fields, stores it, mails the link when it can and shows
/// it on screen in any case.
pub async fn invite(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<InviteForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let mut problems = Vec::new();
    let email = Email::parse(&form.email)
        .map_err(|e| problems.push(("email", e.message(lang))))
        .ok();
    let permission = Permission::parse(&form.permission)
        .map_err(|e| problems.push(("permission", e.message(lang))))
        .ok();
    let roles = FrameworkRoles::new(Role::ALL.into_iter().filter(|r| form.role(role_field(*r))));
    let (Some(email), Some(permission)) = (email, permission) else {
        let view = view(&app, lang, &working, form, problems, None).await?;
        return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let invited = match send_invitation(&app, lang, &working, &email, permission, &roles).await? {
        Ok(invited) => invited,
        Err(refusal) => {
            let field = match refusal {
                domain::members::Refusal::AlreadyMember => "email",
                _ => "permission",
            };
            let view = view(
                &app,
                lang,
                &working,
                form,
                vec![(field, refusal.message(lang).to_owned())],
                None,
            )
            .await?;
            return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let fresh = InviteForm {
        permission: Permission::Member.code().to_owned(),
        ..InviteForm::default()
    };
    let view = view(&app, lang, &working, fresh, Vec::new(), Some(invited)).await?;
    respond_private(&view, lang, StatusCode::OK)
}

/// Stores an invitation and e-mails its link when SMTP is configured; the link is given back
/// in any case, to show on screen when it was not mailed. A refusal changes nothing.
async fn send_invitation(
    app: &AppState,
    lang: Lang,
    working: &Working,
    email: &Email,
    permission: Permission,
    roles: &FrameworkRoles,
) -> Result<Result<Invited, domain::members::Refusal>, AppError> {
    let school = working.school();
    let created = match app
        .store
        .invite(school.id, working.user().id, email, permission, roles)
        .await
    {
        Ok(created) => created,
        Err(ManageError::Refused(refusal)) => return Ok(Err(refusal)),
        Err(ManageError::Store(e)) => return Err(e.into()),
    };
    let link = app.absolute(&Page::Invitation(created.token), lang);
    let mailed = match &app.mailer {
        Some(mailer) => {
            let t = Tr(lang);
            let mail = Mail {
                to: email.to_string(),
                subject: t.with("invite-mail-subject", "school", school.name.as_str()),
                body: invitation_body(
                    lang,
                    working.user().name.as_str(),
                    school.name.as_str(),
                    &link,
                ),
            };
            Some(match mailer.send(mail).await {
                Ok(()) => true,
                Err(e) => {
                    tracing::warn!(error = %e, "could not e-mail an invitation");
                    false
                }
            })
        }
        None => None,
    };
    Ok(Ok(Invited {
        email: email.to_string(),
        link,
        mailed,
    }))
}

/// The fields of the list form: the pasted list with an uploaded file's text after it, and
/// the permission and roles everyone on it gets. `None` when the upload is not text.
async fn list_fields(mut form: Multipart) -> Option<(String, InviteForm)> {
    let mut text = String::new();
    let mut file = String::new();
    let mut fields = InviteForm::default();
    while let Ok(Some(field)) = form.next_field().await {
        let name = field.name().unwrap_or_default().to_owned();
        if name == "bestand" {
            let bytes = field.bytes().await.ok()?;
            file = String::from_utf8(bytes.to_vec()).ok()?;
            continue;
        }
        let value = field.text().await.ok()?;
        match name.as_str() {
            "lijst" => text = value,
            "permission" => fields.permission = value,
            "role_beg" => fields.role_beg = Some(value),
            "role_spe" => fields.role_spe = Some(value),
            "role_coo" => fields.role_coo = Some(value),
            _ => {}
        }
    }
    if !file.is_empty() {
        if !text.trim().is_empty() {
            text.push('\n');
        }
        text.push_str(&file);
    }
    Some((text, fields))
}

/// Invites everyone on a pasted list or an uploaded CSV with one permission and the same
/// roles: every address that can be invited is, one by one, and every line that cannot is
/// named with its number and why.
pub async fn invite_many(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let t = Tr(lang);
    let fresh = || InviteForm {
        permission: Permission::Member.code().to_owned(),
        ..InviteForm::default()
    };
    let fields = match form {
        Ok(form) => list_fields(form).await,
        Err(_) => None,
    };
    let Some((text, fields)) = fields else {
        let mut view = view(&app, lang, &working, fresh(), Vec::new(), None).await?;
        view.bulk = Some(Bulk {
            invited: Vec::new(),
            problems: vec![t.get("invite-many-not-text")],
        });
        return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let (people, list_problems) = read_list(&text);
    let mut bulk = Bulk::default();
    let line_problem = |line: usize, text: &str, why: &str| {
        t.args(
            "invite-many-line",
            &[("line", &line.to_string()), ("text", text), ("why", why)],
        )
    };
    match Permission::parse(&fields.permission) {
        Err(e) => bulk.problems.push(e.message(lang)),
        Ok(_) if people.is_empty() && list_problems.is_empty() => {
            bulk.problems.push(t.get("invite-many-empty"));
        }
        Ok(permission) => {
            let roles = FrameworkRoles::new(
                Role::ALL
                    .into_iter()
                    .filter(|r| fields.role(role_field(*r))),
            );
            let mut refused = Vec::new();
            for person in &people {
                match send_invitation(&app, lang, &working, &person.email, permission, &roles)
                    .await?
                {
                    Ok(invited) => bulk.invited.push(invited),
                    Err(refusal) => refused.push((
                        person.line,
                        line_problem(person.line, person.email.as_str(), refusal.message(lang)),
                    )),
                }
            }
            let mut all: Vec<(usize, String)> = list_problems
                .iter()
                .map(|p| {
                    (
                        p.line,
                        line_problem(p.line, &p.text, &p.error.message(lang)),
                    )
                })
                .chain(refused)
                .collect();
            all.sort_by_key(|(line, _)| *line);
            bulk.problems
                .extend(all.into_iter().map(|(_, message)| message));
        }
    }
    let status = if bulk.invited.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut view = view(&app, lang, &working, fresh(), Vec::new(), None).await?;
    if bulk.invited.is_empty() {
        view.bulk_text = text;
        view.form.permission = fields.permission.clone();
        view.form.role_beg = fields.role_beg.clone();
        view.form.role_spe = fields.role_spe.clone();
        view.form.role_coo = fields.role_coo.clone();
    }
    view.bulk = Some(bulk);
    respond_private(&view, lang, status)
}

fn invitation_body(lang: Lang, inviter: &str, school: &str, link: &str) -> String {
    Tr(lang).args(
        "invite-mail-body",
        &[("inviter", inviter), ("school", school), ("link", link)],
    )
}
