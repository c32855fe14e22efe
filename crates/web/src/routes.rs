//! The public pages and their addresses. The language is the first path segment and the
//! other segments are words of that language, so every page can be linked in either
//! language and the language switch can name the same page in the other one.

use std::convert::Infallible;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::account::UserId;
use domain::plan::GoalId;
use domain::{Area, EditionId, Lang, Role, ThemeCode};
use uuid::Uuid;

/// A closed student survey's results as JSON (the survey feature answers it; the OpenAPI
/// description names it).
/// The API's description (OpenAPI 3.1).
pub const OPENAPI_PATH: &str = "/api/openapi.json";

pub const SURVEY_RESULTS_API: &str = "/api/v1/schools/{school}/surveys/{survey}/results";

/// A public page, independent of its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Home,
    /// A role with all areas, or with one area chosen.
    Role {
        role: Role,
        area: Option<Area>,
    },
    Themes,
    Theme(ThemeCode),
    SignIn,
    SignOut,
    SignOutEverywhere,
    Account,
    /// The signed-in person's data, as JSON.
    AccountData,
    /// Erasing one's own account (POST).
    DeleteAccount,
    /// Changing the framework roles one holds in a school (POST).
    AccountRoles,
    /// Change one's password (POST).
    AccountPassword,
    /// Change one's name (POST).
    AccountName,
    /// Change one's e-mail address (POST).
    AccountEmail,
    /// The page a link to confirm a new e-mail address leads to.
    ConfirmEmail(String),
    Privacy,
    /// The page a one-time link leads to, to set a password.
    SetPassword(String),
    /// The first run's page: create the first school and its administrator.
    Setup(String),
    /// Asking for a link to set a new password.
    ForgotPassword,
    /// The page an invitation link leads to.
    Invitation(String),
    /// The schools a person belongs to, to choose which one to work in.
    Schools,
    /// Working in one school (by short name): its start page.
    School(String),
    /// A school's members and open invitations (coordinators, administrators).
    Members(String),
    /// Inviting someone (POST).
    Invite(String),
    /// Invite everyone on a list: `…/uitnodigingen/lijst`.
    InviteMany(String),
    /// Revoking an invitation (POST).
    RevokeInvitation(String, Uuid),
    /// One member, with what can be changed about them.
    Member(String, UserId),
    /// A change to a member (POST).
    MemberChange(String, UserId, MemberOp),
    /// A school's audit log (administrators).
    AuditLog(String),
    /// The audit log as CSV: `…/logboek.csv`.
    AuditLogCsv(String),
    /// A school's details (administrators).
    SchoolSettings(String),
    /// How the school's people sign in through an identity provider (administrators).
    SchoolSignIn(String),
    /// Signing in through an identity provider (POST, the provider in the form).
    SsoStart,
    /// Where identity providers send people back to; one address for every language.
    SsoCallback,
    /// Linking an identity provider to one's account (POST).
    SsoLink,
    /// Removing that link (POST).
    SsoUnlink,
    /// A school's words for the steps of the scale (POST, administrators).
    SchoolScale(String),
    /// A school's rounds; opening one (POST, coordinators).
    Rounds(String),
    /// One round: the person's own scan, by role and area; for coordinators, who finished.
    Round(String, Uuid),
    /// Closing a round (POST, coordinators).
    CloseRound(String, Uuid),
    ReopenRound(String, Uuid),
    /// Marking one's own scan finished or not (POST).
    FinishScan(String, Uuid),
    /// Saving one field of one's own scan (POST, the page's script; answers JSON).
    SaveScanField(String, Uuid),
    /// One's own scan for one role in one area (GET; POST saves the form without script).
    ScanArea(String, Uuid, Role, Area),
    /// One's own overview of a round: charts, strengths, wishes, notes, what changed.
    ScanOverview(String, Uuid),
    /// One's own overview of a round as a document to download.
    ScanDocument(String, Uuid, DocumentFormat),
    /// Sharing one's scan of a round with the team or a colleague, or stopping (POST).
    ShareScan(String, Uuid),
    /// A colleague's scan of a round, shared with the viewer.
    SharedScan(String, Uuid, UserId),
    /// A colleague's shared scan as a document: `…/gedeeld/{owner}/overzicht.pdf`.
    SharedScanDocument(String, Uuid, UserId, DocumentFormat),
    /// The school's own framework: its edition, its history, its draft (GET); what one can
    /// do from there.
    Framework(String),
    /// One edition the school may see (its own or a national one).
    FrameworkEdition(String, EditionId),
    /// Publishing one of the school's editions openly, or stopping (POST).
    FrameworkOpen(String, EditionId),
    /// One edition in a file format (`json`, `case`, `moodle`, `xlsx`, `csv`).
    FrameworkExport(String, EditionId, &'static str),
    /// Storing a file as the school's next version (POST, multipart).
    FrameworkImport(String),
    /// Store the previewed import (POST): `…/raamwerk/inlezen/bevestigen`.
    FrameworkImportConfirm(String),
    /// Comparing two editions (`?van=…&naar=…`).
    FrameworkCompare(String),
    /// The draft (GET); starting one (POST).
    Draft(String),
    /// One statement of the draft, to change (GET) or a change to it (POST).
    DraftStatement(String, String),
    /// Adding a statement to the draft (POST).
    DraftAdd(String),
    /// Publishing the draft (POST).
    DraftPublish(String),
    /// Throwing the draft away (POST).
    DraftDiscard(String),
    /// What changed in the newest national edition, to take over (GET, POST).
    NationalUpdate(String),
    /// Who does what: the school year's allocation, in views (`?jaar=…&weergave=…`).
    Tasks(String),
    /// One task's agreements (GET; POST changes them).
    Task(String, String),
    /// LOB hours: the formula, the calculation, each person's hours (GET, POST).
    Hours(String),
    /// Letting one's scan of a round feed the allocation, or stop (POST).
    ScanFeed(String, Uuid),
    /// One's own development plan in a school (GET); sharing it or stopping (POST).
    Plan(String),
    /// One's own plan as a document: `…/ontwikkelplan.pdf`.
    PlanDocument(String, DocumentFormat),
    /// A new goal (GET the form, `?uitspraak=CODE` to start from a statement; POST makes it).
    NewGoal(String),
    /// One goal of one's own plan, to change (GET; POST changes it, its actions, comments).
    Goal(String, GoalId),
    /// *Gesprekken*: plans shared with one, one's conversations and those shared with one.
    Conversations(String),
    /// A colleague's plan shared with the reader (GET; POST a comment).
    SharedPlan(String, UserId),
    /// Preparing a conversation (GET the form; POST makes it).
    NewConversation(String),
    /// One conversation (GET; POST changes its agenda, sharing, agreements).
    Conversation(String, Uuid),
    /// A conversation as a document: `…/gesprekken/ID/gesprek.pdf`.
    ConversationDocument(String, Uuid, DocumentFormat),
    /// A round's team picture (`?team=ID` for one team).
    TeamPicture(String, Uuid),
    /// Letting one's scan of a round count in the team picture, or stop (POST).
    PictureConsent(String, Uuid),
    /// The school's teams, to read the team picture by (coordinators).
    Teams(String),
    /// The school's least number of people a group figure is shown over (POST).
    PictureThreshold(String),
    /// The school's team meetings (GET); preparing one (POST, coordinators).
    Meetings(String),
    /// One team meeting (GET; POST changes its agenda and agreements, coordinators).
    Meeting(String, Uuid),
    /// A team meeting as a document: `…/teamoverleg/ID/teamoverleg.pdf`.
    MeetingDocument(String, Uuid, DocumentFormat),
    /// The school's vision: its newest published version beside the practice, the history.
    Vision(String),
    /// The vision's draft (GET; POST changes a section or goal, or publishes, coordinators).
    VisionDraft(String),
    /// One published version of the vision.
    VisionVersion(String, Uuid),
    /// Two versions of the vision side by side: `?van=ID&naar=ID`.
    VisionCompare(String),
    /// A version of the vision as a document: `…/visie/versies/ID/visie.pdf`.
    VisionDocument(String, Uuid, DocumentFormat),
    /// The work plans of the school's teams (GET; POST makes one, coordinators).
    WorkPlans(String),
    /// One work plan (GET; POST changes it, coordinators).
    WorkPlan(String, Uuid),
    /// A work plan as a document: `…/werkplannen/ID/werkplan.pdf`.
    WorkPlanDocument(String, Uuid, DocumentFormat),
    /// The yearly cycle of a school year (`?jaar=`; GET; POST evaluates a goal or carries its
    /// adjustment over, coordinators).
    Cycle(String),
    /// The year report: `…/jaarcyclus/jaarverslag.pdf?jaar=…`.
    YearReport(String, DocumentFormat),
    /// The school's student surveys (GET; POST opens one, coordinators).
    Surveys(String),
    /// One student survey: its groups and, once closed, its results (GET; POST changes it,
    /// coordinators).
    Survey(String, Uuid),
    /// A closed survey's results as a workbook: `…/ID/resultaten.xlsx`.
    SurveyResults(String, Uuid),
    /// Where students type their class code (GET), and get the questionnaire for it (POST).
    StudentSurvey,
    /// A student's answers (POST).
    StudentSurveyAnswer,
    /// Thanks, once a student's answers are stored.
    StudentSurveyThanks,
    /// The networks a person coordinates.
    Networks,
    /// A network, for its coordinators (`?jaar=`; GET; POST invites or withdraws).
    Network(String),
    /// The network report between two school years: `…/netwerkverslag.pdf?van=…&tot=…`.
    NetworkReport(String, DocumentFormat),
    /// A school's networks (GET, coordinators; POST, administrators).
    SchoolNetworks(String),
    /// A network's figures as a member school sees them (`?jaar=`).
    SchoolNetwork(String, String),
    /// One's API tokens in a school, and (administrators) the school's (GET; POST makes or
    /// revokes one).
    ApiTokens(String),
    /// The quick scan without an account: choose roles, then the form.
    QuickScan,
    /// The quick scan's overview of the answers posted (POST).
    QuickScanOverview,
    /// Back to the quick scan's form with the answers posted (POST).
    QuickScanBack,
    /// The quick scan's answers as a document (POST).
    QuickScanDocument(DocumentFormat),
}

/// The downloadable forms of an overview.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentFormat {
    /// Typeset, to print or keep.
    Pdf,
    /// Editable in a word processor.
    Docx,
}

impl DocumentFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Pdf => "pdf",
            DocumentFormat::Docx => "docx",
        }
    }
}

/// The changes a coordinator or administrator makes to a member, each its own form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberOp {
    Roles,
    Permission,
    Deactivate,
    Reactivate,
    Remove,
    PasswordLink,
}

impl MemberOp {
    pub const ALL: [MemberOp; 6] = [
        MemberOp::Roles,
        MemberOp::Permission,
        MemberOp::Deactivate,
        MemberOp::Reactivate,
        MemberOp::Remove,
        MemberOp::PasswordLink,
    ];

    pub fn slug(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MemberOp::Roles, Lang::Nl) => "rollen",
            (MemberOp::Roles, Lang::En) => "roles",
            (MemberOp::Permission, Lang::Nl) => "bevoegdheid",
            (MemberOp::Permission, Lang::En) => "permission",
            (MemberOp::Deactivate, Lang::Nl) => "deactiveren",
            (MemberOp::Deactivate, Lang::En) => "deactivate",
            (MemberOp::Reactivate, Lang::Nl) => "activeren",
            (MemberOp::Reactivate, Lang::En) => "reactivate",
            (MemberOp::Remove, Lang::Nl) => "verwijderen",
            (MemberOp::Remove, Lang::En) => "remove",
            (MemberOp::PasswordLink, Lang::Nl) => "wachtwoordlink",
            (MemberOp::PasswordLink, Lang::En) => "password-link",
        }
    }

    pub fn from_slug(lang: Lang, slug: &str) -> Option<MemberOp> {
        MemberOp::ALL.into_iter().find(|op| op.slug(lang) == slug)
    }
}

impl Page {
    /// The page's address in a language.
    pub fn path(&self, lang: Lang) -> String {
        let l = lang.code();
        match self {
            Page::Home => format!("/{l}/"),
            Page::Role { role, area: None } => {
                format!("/{l}/{}/{}", roles_segment(lang), role_slug(*role, lang))
            }
            Page::Role {
                role,
                area: Some(area),
            } => format!(
                "/{l}/{}/{}/{}",
                roles_segment(lang),
                role_slug(*role, lang),
                area_slug(*area, lang)
            ),
            Page::Themes => format!("/{l}/{}", themes_segment(lang)),
            Page::Theme(code) => format!("/{l}/{}/{code}", themes_segment(lang)),
            Page::SignIn => format!("/{l}/{}", sign_in_segment(lang)),
            Page::SignOut => format!("/{l}/{}", sign_out_segment(lang)),
            Page::SignOutEverywhere => match lang {
                Lang::Nl => "/nl/overal-uitloggen".to_owned(),
                Lang::En => "/en/sign-out-everywhere".to_owned(),
            },
            Page::Account => format!("/{l}/account"),
            Page::AccountData => match lang {
                Lang::Nl => "/nl/account/gegevens.json".to_owned(),
                Lang::En => "/en/account/data.json".to_owned(),
            },
            Page::DeleteAccount => match lang {
                Lang::Nl => "/nl/account/verwijderen".to_owned(),
                Lang::En => "/en/account/delete".to_owned(),
            },
            Page::AccountRoles => match lang {
                Lang::Nl => "/nl/account/rollen".to_owned(),
                Lang::En => "/en/account/roles".to_owned(),
            },
            Page::AccountPassword => match lang {
                Lang::Nl => "/nl/account/wachtwoord".to_owned(),
                Lang::En => "/en/account/password".to_owned(),
            },
            Page::AccountName => match lang {
                Lang::Nl => "/nl/account/naam".to_owned(),
                Lang::En => "/en/account/name".to_owned(),
            },
            Page::AccountEmail => match lang {
                Lang::Nl => "/nl/account/e-mailadres".to_owned(),
                Lang::En => "/en/account/email".to_owned(),
            },
            Page::ConfirmEmail(token) => format!("/{l}/{}/{token}", confirm_email_segment(lang)),
            Page::Privacy => format!("/{l}/privacy"),
            Page::SetPassword(token) => format!("/{l}/{}/{token}", set_password_segment(lang)),
            Page::Setup(token) => format!("/{l}/{}/{token}", setup_segment(lang)),
            Page::ForgotPassword => format!("/{l}/{}", forgot_password_segment(lang)),
            Page::Invitation(token) => format!("/{l}/{}/{token}", invitation_segment(lang)),
            Page::Schools => format!("/{l}/{}", schools_segment(lang)),
            Page::School(school) => format!("/{l}/{}/{school}", schools_segment(lang)),
            Page::Members(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                members_segment(lang)
            ),
            Page::Invite(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                invitations_segment(lang)
            ),
            Page::InviteMany(school) => format!(
                "{}/{}",
                Page::Invite(school.clone()).path(lang),
                list_segment(lang)
            ),
            Page::RevokeInvitation(school, id) => format!(
                "/{l}/{}/{school}/{}/{id}/{}",
                schools_segment(lang),
                invitations_segment(lang),
                revoke_segment(lang)
            ),
            Page::Member(school, member) => format!(
                "/{l}/{}/{school}/{}/{member}",
                schools_segment(lang),
                members_segment(lang)
            ),
            Page::MemberChange(school, member, op) => format!(
                "/{l}/{}/{school}/{}/{member}/{}",
                schools_segment(lang),
                members_segment(lang),
                op.slug(lang)
            ),
            Page::AuditLog(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                audit_log_segment(lang)
            ),
            Page::AuditLogCsv(school) => {
                format!("{}.csv", Page::AuditLog(school.clone()).path(lang))
            }
            Page::SchoolSettings(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                settings_segment(lang)
            ),
            Page::SchoolSignIn(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                match lang {
                    Lang::Nl => "inloggen",
                    Lang::En => "sign-in",
                }
            ),
            Page::SsoStart => match lang {
                Lang::Nl => "/nl/inloggen/schoolaccount".to_owned(),
                Lang::En => "/en/sign-in/school-account".to_owned(),
            },
            Page::SsoCallback => crate::oidc::CALLBACK_PATH.to_owned(),
            Page::SsoLink => match lang {
                Lang::Nl => "/nl/account/schoolaccount/koppelen".to_owned(),
                Lang::En => "/en/account/school-account/link".to_owned(),
            },
            Page::SsoUnlink => match lang {
                Lang::Nl => "/nl/account/schoolaccount/ontkoppelen".to_owned(),
                Lang::En => "/en/account/school-account/unlink".to_owned(),
            },
            Page::SchoolScale(school) => format!(
                "{}/{}",
                Page::SchoolSettings(school.clone()).path(lang),
                scale_segment(lang)
            ),
            Page::Rounds(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                rounds_segment(lang)
            ),
            Page::Round(school, round) => format!(
                "/{l}/{}/{school}/{}/{round}",
                schools_segment(lang),
                rounds_segment(lang)
            ),
            Page::CloseRound(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                close_segment(lang)
            ),
            Page::ReopenRound(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                reopen_segment(lang)
            ),
            Page::FinishScan(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                finish_segment(lang)
            ),
            Page::SaveScanField(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                save_segment(lang)
            ),
            Page::ScanOverview(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                overview_segment(lang)
            ),
            Page::ScanDocument(school, round, format) => format!(
                "{}/{}.{}",
                Page::Round(school.clone(), *round).path(lang),
                overview_segment(lang),
                format.extension()
            ),
            Page::ShareScan(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                share_segment(lang)
            ),
            Page::SharedScan(school, round, owner) => format!(
                "{}/{}/{owner}",
                Page::Round(school.clone(), *round).path(lang),
                shared_segment(lang)
            ),
            Page::SharedScanDocument(school, round, owner, format) => format!(
                "{}/{}.{}",
                Page::SharedScan(school.clone(), *round, *owner).path(lang),
                overview_segment(lang),
                format.extension()
            ),
            Page::Framework(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                framework_segment(lang)
            ),
            Page::FrameworkEdition(school, id) => format!(
                "{}/{}/{id}",
                Page::Framework(school.clone()).path(lang),
                versions_segment(lang)
            ),
            Page::FrameworkOpen(school, id) => format!(
                "{}/{}",
                Page::FrameworkEdition(school.clone(), *id).path(lang),
                open_segment(lang)
            ),
            Page::FrameworkExport(school, id, format) => format!(
                "{}/{}/{format}",
                Page::FrameworkEdition(school.clone(), *id).path(lang),
                export_segment(lang)
            ),
            Page::FrameworkImport(school) => format!(
                "{}/{}",
                Page::Framework(school.clone()).path(lang),
                import_segment(lang)
            ),
            Page::FrameworkImportConfirm(school) => format!(
                "{}/{}",
                Page::FrameworkImport(school.clone()).path(lang),
                confirm_segment(lang)
            ),
            Page::FrameworkCompare(school) => format!(
                "{}/{}",
                Page::Framework(school.clone()).path(lang),
                compare_segment(lang)
            ),
            Page::Draft(school) => format!(
                "{}/{}",
                Page::Framework(school.clone()).path(lang),
                draft_segment(lang)
            ),
            Page::DraftStatement(school, code) => {
                format!("{}/{code}", Page::Draft(school.clone()).path(lang))
            }
            Page::DraftAdd(school) => format!(
                "{}/{}",
                Page::Draft(school.clone()).path(lang),
                add_segment(lang)
            ),
            Page::DraftPublish(school) => format!(
                "{}/{}",
                Page::Draft(school.clone()).path(lang),
                publish_segment(lang)
            ),
            Page::DraftDiscard(school) => format!(
                "{}/{}",
                Page::Draft(school.clone()).path(lang),
                discard_segment(lang)
            ),
            Page::NationalUpdate(school) => format!(
                "{}/{}",
                Page::Framework(school.clone()).path(lang),
                national_segment(lang)
            ),
            Page::Tasks(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                tasks_segment(lang)
            ),
            Page::Task(school, code) => {
                format!("{}/{code}", Page::Tasks(school.clone()).path(lang))
            }
            Page::Hours(school) => format!(
                "{}/{}",
                Page::Tasks(school.clone()).path(lang),
                hours_segment(lang)
            ),
            Page::ScanFeed(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                feed_segment(lang)
            ),
            Page::Plan(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                plan_segment(lang)
            ),
            Page::PlanDocument(school, format) => format!(
                "{}.{}",
                Page::Plan(school.clone()).path(lang),
                format.extension()
            ),
            Page::NewGoal(school) => format!(
                "{}/{}",
                Page::Plan(school.clone()).path(lang),
                new_goal_segment(lang)
            ),
            Page::Goal(school, goal) => format!(
                "{}/{}/{goal}",
                Page::Plan(school.clone()).path(lang),
                goals_segment(lang)
            ),
            Page::Conversations(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                conversations_segment(lang)
            ),
            Page::SharedPlan(school, owner) => format!(
                "{}/{}/{owner}",
                Page::Conversations(school.clone()).path(lang),
                plans_segment(lang)
            ),
            Page::NewConversation(school) => format!(
                "{}/{}",
                Page::Conversations(school.clone()).path(lang),
                prepare_segment(lang)
            ),
            Page::Conversation(school, id) => {
                format!("{}/{id}", Page::Conversations(school.clone()).path(lang))
            }
            Page::ConversationDocument(school, id, format) => format!(
                "{}/{}.{}",
                Page::Conversation(school.clone(), *id).path(lang),
                conversation_document_stem(lang),
                format.extension()
            ),
            Page::TeamPicture(school, round) => format!(
                "{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                picture_segment(lang)
            ),
            Page::PictureConsent(school, round) => format!(
                "{}/{}",
                Page::TeamPicture(school.clone(), *round).path(lang),
                consent_segment(lang)
            ),
            Page::Teams(school) => format!("/{l}/{}/{school}/teams", schools_segment(lang)),
            Page::PictureThreshold(school) => format!(
                "{}/{}",
                Page::SchoolSettings(school.clone()).path(lang),
                picture_segment(lang)
            ),
            Page::Meetings(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                meetings_segment(lang)
            ),
            Page::Meeting(school, id) => {
                format!("{}/{id}", Page::Meetings(school.clone()).path(lang))
            }
            Page::MeetingDocument(school, id, format) => format!(
                "{}/{}.{}",
                Page::Meeting(school.clone(), *id).path(lang),
                meeting_document_stem(lang),
                format.extension()
            ),
            Page::Vision(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                vision_segment(lang)
            ),
            Page::VisionDraft(school) => format!(
                "{}/{}",
                Page::Vision(school.clone()).path(lang),
                draft_segment(lang)
            ),
            Page::VisionVersion(school, id) => format!(
                "{}/{}/{id}",
                Page::Vision(school.clone()).path(lang),
                versions_segment(lang)
            ),
            Page::VisionCompare(school) => format!(
                "{}/{}",
                Page::Vision(school.clone()).path(lang),
                compare_segment(lang)
            ),
            Page::VisionDocument(school, id, format) => format!(
                "{}/{}.{}",
                Page::VisionVersion(school.clone(), *id).path(lang),
                vision_document_stem(lang),
                format.extension()
            ),
            Page::WorkPlans(school) => format!(
                "{}/{}",
                Page::Vision(school.clone()).path(lang),
                work_plans_segment(lang)
            ),
            Page::WorkPlan(school, id) => {
                format!("{}/{id}", Page::WorkPlans(school.clone()).path(lang))
            }
            Page::WorkPlanDocument(school, id, format) => format!(
                "{}/{}.{}",
                Page::WorkPlan(school.clone(), *id).path(lang),
                work_plan_document_stem(lang),
                format.extension()
            ),
            Page::Cycle(school) => format!(
                "{}/{}",
                Page::Vision(school.clone()).path(lang),
                cycle_segment(lang)
            ),
            Page::YearReport(school, format) => format!(
                "{}/{}.{}",
                Page::Cycle(school.clone()).path(lang),
                year_report_stem(lang),
                format.extension()
            ),
            Page::Surveys(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                surveys_segment(lang)
            ),
            Page::Survey(school, id) => {
                format!("{}/{id}", Page::Surveys(school.clone()).path(lang))
            }
            Page::SurveyResults(school, id) => format!(
                "{}/{}.xlsx",
                Page::Survey(school.clone(), *id).path(lang),
                survey_results_stem(lang)
            ),
            Page::StudentSurvey => format!("/{l}/{}", student_survey_segment(lang)),
            Page::StudentSurveyAnswer => format!(
                "/{l}/{}/{}",
                student_survey_segment(lang),
                answers_segment(lang)
            ),
            Page::StudentSurveyThanks => format!(
                "/{l}/{}/{}",
                student_survey_segment(lang),
                thanks_segment(lang)
            ),
            Page::Networks => format!("/{l}/{}", networks_segment(lang)),
            Page::Network(network) => format!("/{l}/{}/{network}", networks_segment(lang)),
            Page::NetworkReport(network, format) => format!(
                "{}/{}.{}",
                Page::Network(network.clone()).path(lang),
                network_report_stem(lang),
                format.extension()
            ),
            Page::SchoolNetworks(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                networks_segment(lang)
            ),
            Page::SchoolNetwork(school, network) => format!(
                "{}/{network}",
                Page::SchoolNetworks(school.clone()).path(lang)
            ),
            Page::ApiTokens(school) => format!(
                "/{l}/{}/{school}/{}",
                schools_segment(lang),
                api_tokens_segment(lang)
            ),
            Page::QuickScan => format!("/{l}/{}", quick_scan_segment(lang)),
            Page::QuickScanOverview => format!(
                "/{l}/{}/{}",
                quick_scan_segment(lang),
                overview_segment(lang)
            ),
            Page::QuickScanBack => {
                format!("/{l}/{}/{}", quick_scan_segment(lang), back_segment(lang))
            }
            Page::QuickScanDocument(format) => format!(
                "/{l}/{}/{}.{}",
                quick_scan_segment(lang),
                overview_segment(lang),
                format.extension()
            ),
            Page::ScanArea(school, round, role, area) => format!(
                "{}/{}/{}",
                Page::Round(school.clone(), *round).path(lang),
                role_slug(*role, lang),
                area_slug(*area, lang)
            ),
        }
    }

    /// The page for a role path's slugs, if they name a role (and area) in that language.
    pub fn role(lang: Lang, role: &str, area: Option<&str>) -> Option<Page> {
        let role = Role::ALL
            .into_iter()
            .find(|r| role_slug(*r, lang) == role)?;
        let area = match area {
            Some(slug) => Some(
                Area::ALL
                    .into_iter()
                    .find(|a| area_slug(*a, lang) == slug)?,
            ),
            None => None,
        };
        Some(Page::Role { role, area })
    }
}

pub fn roles_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "rollen",
        Lang::En => "roles",
    }
}

pub fn themes_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "themas",
        Lang::En => "themes",
    }
}

pub fn sign_in_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "inloggen",
        Lang::En => "sign-in",
    }
}

pub fn sign_out_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "uitloggen",
        Lang::En => "sign-out",
    }
}

pub fn confirm_email_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "e-mailadres-bevestigen",
        Lang::En => "confirm-email",
    }
}

pub fn set_password_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "wachtwoord-instellen",
        Lang::En => "set-password",
    }
}

pub fn setup_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "inrichten",
        Lang::En => "set-up",
    }
}

pub fn forgot_password_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "wachtwoord-vergeten",
        Lang::En => "forgot-password",
    }
}

pub fn invitation_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "uitnodiging",
        Lang::En => "invitation",
    }
}

pub fn schools_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "scholen",
        Lang::En => "schools",
    }
}

pub fn members_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "leden",
        Lang::En => "members",
    }
}

pub fn list_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "lijst",
        Lang::En => "list",
    }
}

pub fn invitations_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "uitnodigingen",
        Lang::En => "invitations",
    }
}

pub fn revoke_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "intrekken",
        Lang::En => "revoke",
    }
}

pub fn audit_log_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "logboek",
        Lang::En => "audit-log",
    }
}

/// The segments of the school's own framework's pages, in Dutch and English.
macro_rules! segments {
    ($($name:ident: $nl:literal, $en:literal;)*) => {$(
        pub fn $name(lang: Lang) -> &'static str {
            match lang {
                Lang::Nl => $nl,
                Lang::En => $en,
            }
        }
    )*};
}

segments! {
    framework_segment: "raamwerk", "framework";
    versions_segment: "versies", "versions";
    open_segment: "openbaar", "open";
    export_segment: "bestand", "file";
    compare_segment: "vergelijken", "compare";
    draft_segment: "concept", "draft";
    add_segment: "toevoegen", "add";
    publish_segment: "publiceren", "publish";
    discard_segment: "weggooien", "discard";
    reopen_segment: "heropenen", "reopen";
    national_segment: "landelijk", "national";
    import_segment: "inlezen", "import";
    confirm_segment: "bevestigen", "confirm";
    tasks_segment: "taken", "tasks";
    hours_segment: "uren", "hours";
    feed_segment: "wie-doet-wat", "who-does-what";
    // The allocation as a document: the start of its address and of its file name.
    tasks_document_stem: "wie-doet-wat", "who-does-what";
    vision_segment: "visie", "vision";
    // A version of the vision as a document: its file name's stem.
    vision_document_stem: "visie", "vision";
    work_plans_segment: "werkplannen", "work-plans";
    work_plan_document_stem: "werkplan", "work-plan";
    cycle_segment: "jaarcyclus", "yearly-cycle";
    year_report_stem: "jaarverslag", "year-report";
    surveys_segment: "leerlingenenquete", "student-survey";
    survey_results_stem: "resultaten", "results";
    student_survey_segment: "enquete", "survey";
    answers_segment: "antwoorden", "answers";
    thanks_segment: "bedankt", "thanks";
    networks_segment: "netwerken", "networks";
    network_report_stem: "netwerkverslag", "network-report";
    api_tokens_segment: "api-sleutels", "api-tokens";
}

pub fn scale_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "schaal",
        Lang::En => "scale",
    }
}

pub fn rounds_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "rondes",
        Lang::En => "rounds",
    }
}

pub fn close_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "sluiten",
        Lang::En => "close",
    }
}

pub fn finish_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "klaar",
        Lang::En => "finish",
    }
}

pub fn quick_scan_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "zelfscan",
        Lang::En => "self-scan",
    }
}

pub fn back_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "terug",
        Lang::En => "back",
    }
}

pub fn share_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "delen",
        Lang::En => "share",
    }
}

pub fn picture_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "teambeeld",
        Lang::En => "team-picture",
    }
}

pub fn consent_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "meetellen",
        Lang::En => "count",
    }
}

pub fn plan_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "ontwikkelplan",
        Lang::En => "development-plan",
    }
}

pub fn new_goal_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "nieuw-doel",
        Lang::En => "new-goal",
    }
}

pub fn goals_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "doelen",
        Lang::En => "goals",
    }
}

pub fn conversations_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "gesprekken",
        Lang::En => "conversations",
    }
}

pub fn plans_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "plannen",
        Lang::En => "plans",
    }
}

pub fn prepare_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "voorbereiden",
        Lang::En => "prepare",
    }
}

/// The file name of a conversation as a document, without its extension.
pub fn conversation_document_stem(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "gesprek",
        Lang::En => "conversation",
    }
}

pub fn meetings_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "teamoverleg",
        Lang::En => "team-meetings",
    }
}

/// The file name of a team meeting as a document, without its extension.
pub fn meeting_document_stem(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "teamoverleg",
        Lang::En => "team-meeting",
    }
}

pub fn shared_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "gedeeld",
        Lang::En => "shared",
    }
}

pub fn overview_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "overzicht",
        Lang::En => "overview",
    }
}

pub fn save_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "opslaan",
        Lang::En => "save",
    }
}

pub fn settings_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "instellingen",
        Lang::En => "settings",
    }
}

pub fn role_slug(role: Role, lang: Lang) -> &'static str {
    match (role, lang) {
        (Role::Mentor, Lang::Nl) => "begeleider",
        (Role::Mentor, Lang::En) => "mentor",
        (Role::Specialist, _) => "specialist",
        (Role::Coordinator, _) => "coordinator",
    }
}

pub fn area_slug(area: Area, lang: Lang) -> &'static str {
    match (area, lang) {
        (Area::Vision, Lang::Nl) => "visie-en-beleid",
        (Area::Vision, Lang::En) => "vision-and-policy",
        (Area::Guidance, Lang::Nl) => "orientatie-en-begeleiding",
        (Area::Guidance, Lang::En) => "orientation-and-guidance",
        (Area::Organisation, Lang::Nl) => "organisatie",
        (Area::Organisation, Lang::En) => "organisation",
        (Area::Cooperation, Lang::Nl) => "samenwerking",
        (Area::Cooperation, Lang::En) => "cooperation",
    }
}

/// The language of the page asked for, from the first segment of its path; every page
/// route lives under `/nl/` or `/en/`, so handlers take it as an extractor.
#[derive(Clone, Copy, Debug)]
pub struct PathLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PathLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(PathLang(lang_of_path(parts.uri.path()).unwrap_or(Lang::Nl)))
    }
}

/// The language a path is in, from its first segment.
pub fn lang_of_path(path: &str) -> Option<Lang> {
    let first = path.trim_start_matches('/').split('/').next()?;
    Lang::from_code(first).filter(|l| l.code() == first)
}

#[cfg(test)]
#[path = "routes_tests.rs"]
mod tests;
