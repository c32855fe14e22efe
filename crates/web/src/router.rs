//! Every address of the app in one list: its path, its methods, the handler of each and who
//! may call it. The router is built from this list, and so are the tests that walk every
//! route ([`route_table`]): the isolation test, and the test that holds each route to the
//! caller it names here.

use std::time::Duration;

use axum::Router;
use axum::handler::Handler;
use axum::http::{Method, StatusCode};
use axum::routing::MethodRouter;
use domain::Lang;
use domain::account::Permission;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::api::doc::Op;
use crate::routes::{self, DocumentFormat, MemberOp, Page};
use crate::state::AppState;
use crate::tasks;
use crate::{
    account, api, assets, error, framework, health, middleware, network, plan, public, scan,
    school, sso, survey, team, vision,
};

/// Who may call a route. The handler checks it; [`route_table`] says it, and a test holds
/// every route to what it says here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    /// Anyone, signed in or not.
    Anyone,
    /// Whoever holds the one-time link in the path (`{token}`).
    LinkHolder,
    /// A signed-in person, in no school in particular.
    SignedIn,
    /// An active member of the school in the path with at least this permission; anyone
    /// else gets the answer for a school that does not exist.
    InSchool(Permission),
    /// A coordinator of the network in the path (`{network}`); anyone else signed in gets the
    /// answer for a network that does not exist.
    InNetwork,
}

const MEMBER: Who = Who::InSchool(Permission::Member);
const COORDINATOR: Who = Who::InSchool(Permission::Coordinator);
const ADMINISTRATOR: Who = Who::InSchool(Permission::Administrator);

/// One address: its path, and per method the handler and who may call it; for the API,
/// also what the operation is (its part of `/api/openapi.json`).
pub struct Route {
    pub path: String,
    pub methods: Vec<(Method, Who)>,
    docs: Vec<(Method, Op)>,
    handlers: MethodRouter<AppState>,
}

fn at(path: impl Into<String>) -> Route {
    Route {
        path: path.into(),
        methods: Vec::new(),
        docs: Vec::new(),
        handlers: MethodRouter::new(),
    }
}

impl Route {
    fn get<H: Handler<T, AppState>, T: 'static>(mut self, who: Who, handler: H) -> Route {
        self.methods.push((Method::GET, who));
        self.handlers = self.handlers.get(handler);
        self
    }

    fn post<H: Handler<T, AppState>, T: 'static>(mut self, who: Who, handler: H) -> Route {
        self.methods.push((Method::POST, who));
        self.handlers = self.handlers.post(handler);
        self
    }

    /// An API operation: the method's handler and its description in one place.
    fn api<H: Handler<T, AppState>, T: 'static>(
        mut self,
        method: Method,
        who: Who,
        handler: H,
        op: Op,
    ) -> Route {
        self.handlers = match method {
            Method::GET => self.handlers.get(handler),
            Method::POST => self.handlers.post(handler),
            Method::PUT => self.handlers.put(handler),
            Method::PATCH => self.handlers.patch(handler),
            _ => self.handlers.delete(handler),
        };
        self.methods.push((method.clone(), who));
        self.docs.push((method, op));
        self
    }
}

/// The routes of one language: the same pages, with that language's words in the path. The
/// handlers read the language from the path ([`routes::PathLang`]). Path parameters are named
/// `{school}`, `{member}`, `{invitation}`, `{token}`, `{role}`, `{area}`, `{code}`,
/// `{round}`, `{edition}`, `{format}`, `{goal}`, `{conversation}`, `{meeting}`, `{version}`, `{plan}`,
/// `{survey}`, `{network}`: the isolation test fills
/// each one and fails on a name it does not know.
fn page_routes(lang: Lang) -> Vec<Route> {
    use Who::{Anyone, LinkHolder, SignedIn};
    let prefix = format!("/{}", lang.code());
    let roles = format!("{prefix}/{}", routes::roles_segment(lang));
    let themes = format!("{prefix}/{}", routes::themes_segment(lang));
    let token = |segment: &str| format!("{prefix}/{segment}/{{token}}");
    let school = format!("{prefix}/{}/{{school}}", routes::schools_segment(lang));
    let members = format!("{school}/{}", routes::members_segment(lang));
    let member = format!("{members}/{{member}}");
    let invitations = format!("{school}/{}", routes::invitations_segment(lang));
    let settings = format!("{school}/{}", routes::settings_segment(lang));
    let rounds = format!("{school}/{}", routes::rounds_segment(lang));
    let round = format!("{rounds}/{{round}}");
    let overview = format!("{round}/{}", routes::overview_segment(lang));
    let framework = format!("{school}/{}", routes::framework_segment(lang));
    let version = format!("{framework}/{}/{{edition}}", routes::versions_segment(lang));
    let draft = format!("{framework}/{}", routes::draft_segment(lang));
    let tasks = format!("{school}/{}", routes::tasks_segment(lang));
    let my_plan = format!("{school}/{}", routes::plan_segment(lang));
    let conversations = format!("{school}/{}", routes::conversations_segment(lang));
    let conversation = format!("{conversations}/{{conversation}}");
    let conversation_document = format!(
        "{conversation}/{}",
        routes::conversation_document_stem(lang)
    );
    let meetings = format!("{school}/{}", routes::meetings_segment(lang));
    let meeting = format!("{meetings}/{{meeting}}");
    let meeting_document = format!("{meeting}/{}", routes::meeting_document_stem(lang));
    let tasks_document = format!("{tasks}/{}", routes::tasks_document_stem(lang));
    let vision = format!("{school}/{}", routes::vision_segment(lang));
    let vision_version = format!("{vision}/{}/{{version}}", routes::versions_segment(lang));
    let vision_document = format!("{vision_version}/{}", routes::vision_document_stem(lang));
    let work_plans = format!("{vision}/{}", routes::work_plans_segment(lang));
    let work_plan = format!("{work_plans}/{{plan}}");
    let work_plan_document = format!("{work_plan}/{}", routes::work_plan_document_stem(lang));
    let surveys = format!("{school}/{}", routes::surveys_segment(lang));
    let networks = format!("{prefix}/{}", routes::networks_segment(lang));
    let network = format!("{networks}/{{network}}");
    let network_report = format!("{network}/{}", routes::network_report_stem(lang));
    let school_networks = format!("{school}/{}", routes::networks_segment(lang));
    let survey = format!("{surveys}/{{survey}}");
    let quick_document = |format| Page::QuickScanDocument(format).path(lang);
    let mut list = vec![
        // The public site.
        at(&prefix).get(Anyone, public::root::home),
        at(Page::Home.path(lang)).get(Anyone, public::home::show),
        at(format!("{roles}/{{role}}")).get(Anyone, public::role::show),
        at(format!("{roles}/{{role}}/{{area}}")).get(Anyone, public::role::show),
        at(&themes).get(Anyone, public::themes::show),
        at(format!("{themes}/{{code}}")).get(Anyone, public::theme::show),
        at(Page::Privacy.path(lang)).get(Anyone, public::privacy::show),
        // The quick scan: a self-scan without an account, kept in the form only.
        at(Page::QuickScan.path(lang)).get(Anyone, scan::quick::show),
        at(Page::QuickScanOverview.path(lang)).post(Anyone, scan::quick::overview),
        at(Page::QuickScanBack.path(lang)).post(Anyone, scan::quick::back),
        at(quick_document(DocumentFormat::Pdf)).post(Anyone, scan::quick::pdf),
        at(quick_document(DocumentFormat::Docx)).post(Anyone, scan::quick::docx),
        // The student survey, without an account.
        at(Page::StudentSurvey.path(lang))
            .get(Anyone, survey::student::show)
            .post(Anyone, survey::student::code),
        at(Page::StudentSurveyAnswer.path(lang)).post(Anyone, survey::student::answer),
        at(Page::StudentSurveyThanks.path(lang)).get(Anyone, survey::student::thanks),
        // Accounts.
        at(Page::SignIn.path(lang))
            .get(Anyone, account::sign_in::show)
            .post(Anyone, account::sign_in::submit),
        at(Page::SignOut.path(lang)).post(Anyone, account::sign_out::submit),
        at(Page::SignOutEverywhere.path(lang)).post(Anyone, account::sign_out::everywhere),
        at(Page::ForgotPassword.path(lang))
            .get(Anyone, account::forgot_password::show)
            .post(Anyone, account::forgot_password::submit),
        at(Page::Account.path(lang)).get(SignedIn, account::account_page::show),
        at(Page::AccountData.path(lang)).get(SignedIn, account::personal_data::download),
        at(Page::AccountRoles.path(lang)).post(SignedIn, account::roles::submit),
        at(Page::AccountPassword.path(lang)).post(SignedIn, account::change::password),
        at(Page::AccountName.path(lang)).post(SignedIn, account::change::name),
        at(Page::AccountEmail.path(lang)).post(SignedIn, account::change::email),
        at(token(routes::confirm_email_segment(lang)))
            .get(LinkHolder, account::confirm_email::show)
            .post(LinkHolder, account::confirm_email::submit),
        at(Page::DeleteAccount.path(lang)).post(SignedIn, account::delete::submit),
        at(token(routes::set_password_segment(lang)))
            .get(LinkHolder, account::set_password::show)
            .post(LinkHolder, account::set_password::submit),
        at(token(routes::setup_segment(lang)))
            .get(LinkHolder, account::setup::show)
            .post(LinkHolder, account::setup::submit),
        at(token(routes::invitation_segment(lang)))
            .get(LinkHolder, account::invitation::show)
            .post(LinkHolder, account::invitation::submit),
        at(Page::Schools.path(lang)).get(SignedIn, account::schools::show),
        // Signing in through the school's identity provider.
        at(Page::SsoStart.path(lang)).post(Anyone, sso::start::submit),
        at(Page::SsoLink.path(lang)).post(SignedIn, sso::link::link),
        at(Page::SsoUnlink.path(lang)).post(SignedIn, sso::link::unlink),
        at(Page::SchoolSignIn("{school}".to_owned()).path(lang))
            .get(ADMINISTRATOR, sso::school_sign_in::show)
            .post(ADMINISTRATOR, sso::school_sign_in::submit),
        // A school.
        at(&school).get(MEMBER, school::start::show),
        at(&members).get(COORDINATOR, school::members::show),
        at(&member).get(COORDINATOR, school::member::show),
        at(&invitations).post(COORDINATOR, school::members::invite),
        at(format!("{invitations}/{}", routes::list_segment(lang)))
            .post(COORDINATOR, school::members::invite_many),
        at(format!(
            "{invitations}/{{invitation}}/{}",
            routes::revoke_segment(lang)
        ))
        .post(COORDINATOR, school::revoke_invitation::submit),
        at(format!("{school}/{}", routes::audit_log_segment(lang)))
            .get(ADMINISTRATOR, school::audit_log::show),
        at(format!("{school}/{}.csv", routes::audit_log_segment(lang)))
            .get(ADMINISTRATOR, school::audit_log::csv),
        at(&settings)
            .get(ADMINISTRATOR, school::settings::show)
            .post(ADMINISTRATOR, school::settings::submit),
        at(format!("{settings}/{}", routes::scale_segment(lang)))
            .post(ADMINISTRATOR, school::settings::submit_scale),
        // The self-scan.
        at(&rounds)
            .get(MEMBER, scan::rounds::show)
            .post(COORDINATOR, scan::rounds::open),
        at(&round).get(MEMBER, scan::round::show),
        at(format!("{round}/{}", routes::close_segment(lang)))
            .post(COORDINATOR, scan::round::close),
        at(format!("{round}/{}", routes::reopen_segment(lang)))
            .post(COORDINATOR, scan::round::reopen),
        at(format!("{round}/{}", routes::finish_segment(lang))).post(MEMBER, scan::round::finish),
        at(format!("{round}/{}", routes::save_segment(lang))).post(MEMBER, scan::area::save_field),
        at(&overview).get(MEMBER, scan::overview::show),
        at(format!("{overview}.pdf")).get(MEMBER, scan::overview::pdf),
        at(format!("{overview}.docx")).get(MEMBER, scan::overview::docx),
        at(format!("{round}/{}", routes::share_segment(lang))).post(MEMBER, scan::round::share),
        at(format!(
            "{round}/{}/{{member}}",
            routes::shared_segment(lang)
        ))
        .get(MEMBER, scan::shared::shared),
        at(format!(
            "{round}/{}/{{member}}/{}.pdf",
            routes::shared_segment(lang),
            routes::overview_segment(lang)
        ))
        .get(MEMBER, scan::shared::shared_pdf),
        at(format!(
            "{round}/{}/{{member}}/{}.docx",
            routes::shared_segment(lang),
            routes::overview_segment(lang)
        ))
        .get(MEMBER, scan::shared::shared_docx),
        at(format!("{round}/{{role}}/{{area}}"))
            .get(MEMBER, scan::area::show)
            .post(MEMBER, scan::area::submit),
        at(format!("{round}/{}", routes::feed_segment(lang))).post(MEMBER, scan::round::feed),
        // The team picture.
        at(format!("{round}/{}", routes::picture_segment(lang))).get(MEMBER, team::picture::show),
        at(format!(
            "{round}/{}/{}",
            routes::picture_segment(lang),
            routes::consent_segment(lang)
        ))
        .post(MEMBER, scan::round::picture_consent),
        at(format!("{school}/teams"))
            .get(COORDINATOR, team::teams::show)
            .post(COORDINATOR, team::teams::submit),
        at(format!("{settings}/{}", routes::picture_segment(lang)))
            .post(ADMINISTRATOR, school::settings::picture_threshold),
        // The team meeting.
        at(&meetings)
            .get(MEMBER, team::meetings::show)
            .post(COORDINATOR, team::meetings::submit),
        at(&meeting)
            .get(MEMBER, team::meeting::show)
            .post(COORDINATOR, team::meeting::submit),
        at(format!("{meeting_document}.pdf")).get(MEMBER, team::meeting_document::pdf),
        at(format!("{meeting_document}.docx")).get(MEMBER, team::meeting_document::docx),
        // The school's vision.
        at(&vision).get(MEMBER, vision::version::newest),
        at(format!("{vision}/{}", routes::draft_segment(lang)))
            .get(MEMBER, vision::draft::show)
            .post(COORDINATOR, vision::draft::submit),
        at(format!("{vision}/{}", routes::compare_segment(lang)))
            .get(MEMBER, vision::compare::show),
        at(&vision_version).get(MEMBER, vision::version::show),
        at(format!("{vision_document}.pdf")).get(MEMBER, vision::document::pdf),
        at(format!("{vision_document}.docx")).get(MEMBER, vision::document::docx),
        at(format!("{vision}/{}", routes::cycle_segment(lang)))
            .get(MEMBER, vision::cycle::show)
            .post(COORDINATOR, vision::cycle::submit),
        at(format!(
            "{vision}/{}/{}.pdf",
            routes::cycle_segment(lang),
            routes::year_report_stem(lang)
        ))
        .get(MEMBER, vision::year_report::pdf),
        at(format!(
            "{vision}/{}/{}.docx",
            routes::cycle_segment(lang),
            routes::year_report_stem(lang)
        ))
        .get(MEMBER, vision::year_report::docx),
        at(&work_plans)
            .get(MEMBER, vision::work_plans::show)
            .post(COORDINATOR, vision::work_plans::submit),
        at(&work_plan)
            .get(MEMBER, vision::work_plan::show)
            .post(COORDINATOR, vision::work_plan::submit),
        at(format!("{work_plan_document}.pdf")).get(MEMBER, vision::work_plan_document::pdf),
        at(format!("{work_plan_document}.docx")).get(MEMBER, vision::work_plan_document::docx),
        // The student survey.
        at(&surveys)
            .get(MEMBER, survey::surveys::show)
            .post(COORDINATOR, survey::surveys::submit),
        at(&survey)
            .get(MEMBER, survey::survey_page::show)
            .post(COORDINATOR, survey::survey_page::submit),
        at(format!(
            "{survey}/{}.xlsx",
            routes::survey_results_stem(lang)
        ))
        .get(MEMBER, survey::results_xlsx::xlsx),
        // Networks of schools: the coordinator's pages and a school's.
        at(&networks).get(SignedIn, network::networks::show),
        at(&network)
            .get(Who::InNetwork, network::network_page::show)
            .post(Who::InNetwork, network::network_page::submit),
        at(format!("{network_report}.pdf")).get(Who::InNetwork, network::report::pdf),
        at(format!("{network_report}.docx")).get(Who::InNetwork, network::report::docx),
        at(&school_networks)
            .get(COORDINATOR, network::school_networks::show)
            .post(ADMINISTRATOR, network::school_networks::submit),
        at(format!("{school_networks}/{{network}}"))
            .get(COORDINATOR, network::school_network::show),
        // API tokens: one's own, and (administrators) the school's.
        at(format!("{school}/{}", routes::api_tokens_segment(lang)))
            .get(MEMBER, school::api_tokens::show)
            .post(MEMBER, school::api_tokens::submit),
        // The development plan and the conversations.
        at(&my_plan)
            .get(MEMBER, plan::plan_page::show)
            .post(MEMBER, plan::plan_page::share),
        at(format!("{my_plan}.pdf")).get(MEMBER, plan::documents::plan_pdf),
        at(format!("{my_plan}.docx")).get(MEMBER, plan::documents::plan_docx),
        at(format!("{my_plan}/{}", routes::new_goal_segment(lang)))
            .get(MEMBER, plan::goal_new::show)
            .post(MEMBER, plan::goal_new::submit),
        at(format!(
            "{my_plan}/{}/{{goal}}",
            routes::goals_segment(lang)
        ))
        .get(MEMBER, plan::goal::show)
        .post(MEMBER, plan::goal::submit),
        at(&conversations).get(MEMBER, plan::conversations::show),
        at(format!(
            "{conversations}/{}/{{member}}",
            routes::plans_segment(lang)
        ))
        .get(MEMBER, plan::shared_plan::show)
        .post(MEMBER, plan::shared_plan::submit),
        at(format!("{conversations}/{}", routes::prepare_segment(lang)))
            .get(MEMBER, plan::conversation_new::show)
            .post(MEMBER, plan::conversation_new::submit),
        at(&conversation)
            .get(MEMBER, plan::conversation::show)
            .post(MEMBER, plan::conversation::submit),
        at(format!("{conversation_document}.pdf")).get(MEMBER, plan::documents::conversation_pdf),
        at(format!("{conversation_document}.docx")).get(MEMBER, plan::documents::conversation_docx),
        // Wie doet wat.
        at(&tasks)
            .get(MEMBER, tasks::allocation::show)
            .post(COORDINATOR, tasks::change::submit),
        at(format!("{tasks_document}.xlsx")).get(MEMBER, tasks::documents::xlsx),
        at(format!("{tasks_document}.pdf")).get(MEMBER, tasks::documents::pdf),
        at(format!("{tasks}/{}", routes::hours_segment(lang)))
            .get(MEMBER, tasks::hours::show)
            .post(COORDINATOR, tasks::hours::submit),
        at(format!("{tasks}/{{code}}"))
            .get(COORDINATOR, tasks::task::show)
            .post(COORDINATOR, tasks::task::submit),
        // The own framework.
        at(&framework).get(MEMBER, framework::own::show),
        at(&version).get(MEMBER, framework::edition::show),
        at(format!("{version}/{}", routes::open_segment(lang)))
            .post(COORDINATOR, framework::edition::set_open),
        at(format!(
            "{version}/{}/{{format}}",
            routes::export_segment(lang)
        ))
        .get(MEMBER, framework::edition::export),
        at(format!("{framework}/{}", routes::import_segment(lang)))
            .post(COORDINATOR, framework::import::submit),
        at(format!(
            "{framework}/{}/{}",
            routes::import_segment(lang),
            routes::confirm_segment(lang)
        ))
        .post(COORDINATOR, framework::import::confirm),
        at(format!("{framework}/{}", routes::compare_segment(lang)))
            .get(MEMBER, framework::edition::compare),
        at(format!("{framework}/{}", routes::national_segment(lang)))
            .get(MEMBER, framework::national::show)
            .post(COORDINATOR, framework::national::take),
        at(&draft)
            .get(COORDINATOR, framework::draft::show)
            .post(COORDINATOR, framework::draft::start),
        at(format!("{draft}/{}", routes::add_segment(lang)))
            .post(COORDINATOR, framework::draft::add),
        at(format!("{draft}/{}", routes::publish_segment(lang)))
            .post(COORDINATOR, framework::draft::publish),
        at(format!("{draft}/{}", routes::discard_segment(lang)))
            .post(COORDINATOR, framework::draft::discard),
        at(format!("{draft}/{{code}}"))
            .get(COORDINATOR, framework::draft_statement::show)
            .post(COORDINATOR, framework::draft_statement::submit),
    ];
    // One address per change to a member; only an administrator makes a password link.
    list.extend(MemberOp::ALL.into_iter().map(|op| {
        let who = match op {
            MemberOp::PasswordLink => ADMINISTRATOR,
            _ => COORDINATOR,
        };
        at(format!("{member}/{}", op.slug(lang))).post(who, school::member::submit)
    }));
    list
}

/// The routes outside the languages: the API (each operation with its description), the
/// CASE endpoints, the assets and the health checks.
fn other_routes() -> Vec<Route> {
    use Who::Anyone;
    use api::doc::{Answer, Op, body};
    use domain::api_token::{Access::Read, Access::Write, Resource};
    let case = api::case::BASE;
    let v1 = "/api/v1/schools/{school}";
    let year = || serde_json::json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{4}$", "examples": ["2026-2027"] });
    let case_op = |id, summary| {
        Op::new(
            id,
            "CASE 1.1",
            summary,
            Answer::Described("The object, as in our CFPackage export."),
        )
        .errors(&[400, 404])
        .case_errors()
    };
    vec![
        at("/").get(Anyone, public::root::show),
        at("/healthz").get(Anyone, health::healthz),
        at("/readyz").get(Anyone, health::readyz),
        // Where identity providers send people back to, in either language.
        at(Page::SsoCallback.path(Lang::Nl)).get(Anyone, sso::callback::show),
        at(assets::paths()[0]).get(Anyone, assets::css),
        at(assets::paths()[1]).get(Anyone, assets::scan_js),
        at(assets::paths()[2]).get(Anyone, assets::app_js),
        at(routes::OPENAPI_PATH).get(Anyone, openapi),
        at(api::editions::IMPORT_PATH)
            .api(Method::GET, MEMBER, api::editions::list, Op::new(
                "listEditions", "framework",
                "The school's own editions (newest first) and the national editions.",
                Answer::Json(200, body::<api::editions::EditionList>()),
            ).scope(Resource::Framework, Read))
            .api(Method::POST, COORDINATOR, api::editions::import, Op::new(
                "importEdition", "framework",
                "Store a file as the school's next version; nothing is stored unless the whole file is right.",
                Answer::Json(201, body::<api::editions::ImportedOut>()),
            ).scope(Resource::Framework, Write)
                .required_query("format", "The file's format.", serde_json::json!({ "type": "string", "enum": api::editions::readable_formats() }))
                .upload("A framework file: native JSON, CASE JSON, XLSX or CSV.")
                .errors(&[409, 422])),
        at(api::editions::EDITION_PATH).api(Method::GET, MEMBER, api::editions::export, Op::new(
            "getEdition", "framework",
            "One edition the school may see (its own or a national one), as a file.",
            Answer::File("The edition in the format asked for.", api::editions::media_types),
        ).scope(Resource::Framework, Read)
            .query("format", "The file's format (native JSON when none).", serde_json::json!({ "type": "string", "enum": api::editions::all_formats(), "default": "json" }))
            .query("lang", "The language of the file's texts.", serde_json::json!({ "type": "string", "enum": ["nl", "en"], "default": "nl" }))
            .errors(&[400])),
        at(format!("{v1}/rounds")).api(Method::GET, MEMBER, api::scan::rounds, Op::new(
            "listRounds", "rounds", "The school's scan rounds, newest first.",
            Answer::Json(200, body::<api::scan::RoundList>()),
        ).scope(Resource::Rounds, Read)),
        at(format!("{v1}/rounds/{{round}}/scan"))
            .api(Method::GET, MEMBER, api::scan::scan, Op::new(
                "getOwnScan", "scan",
                "One's own scan in a round: answers and notes. Private: only the person's own session or personal token.",
                Answer::Json(200, body::<api::scan::ScanOut>()),
            ).scope(Resource::Scan, Read))
            .api(Method::PATCH, MEMBER, api::scan::save, Op::new(
                "saveOwnScan", "scan",
                "Save changes to one's own scan, all or none, with the checks of the scan's pages; answers how many fields were saved.",
                Answer::Json(200, body::<api::scan::SavedOut>()),
            ).scope(Resource::Scan, Write)
                .request(body::<api::scan::ScanChanges>())
                .errors(&[409, 422])),
        at(format!("{v1}/rounds/{{round}}/team-picture")).api(Method::GET, MEMBER, api::team::picture, Op::new(
            "getTeamPicture", "team",
            "The team picture of a round: per role and area the counts of the answers, only where at least k people's scans count (with complementary suppression); a hidden figure is null.",
            Answer::Json(200, body::<api::team::TeamPictureOut>()),
        ).scope(Resource::Team, Read)
            .query("team", "One team's picture instead of the whole team's.", serde_json::json!({ "type": "string", "format": "uuid" }))),
        at(format!("{v1}/plan")).api(Method::GET, MEMBER, api::plan::plan, Op::new(
            "getOwnPlan", "plan",
            "One's own development plan. Private: only the person's own session or personal token.",
            Answer::Json(200, body::<api::plan::PlanOut>()),
        ).scope(Resource::Plan, Read)),
        at(format!("{v1}/allocation"))
            .api(Method::GET, MEMBER, api::allocation::allocation, Op::new(
                "getAllocation", "allocation",
                "Who does what in a school year: every task with its category, hours and agreements, and the school's rules for the conversation.",
                Answer::Json(200, body::<api::allocation::AllocationOut>()),
            ).scope(Resource::Allocation, Read)
                .query("year", "The school year (this one when none is given).", year())
                .errors(&[400]))
            .api(Method::PATCH, COORDINATOR, api::allocation::change, Op::new(
                "changeAllocation", "allocation",
                "Change who does what in a school year, all or none, with the checks of the allocation's pages: the rules, tasks' category and hours, agreements to end and agreements to make (checked against those left).",
                Answer::Json(200, body::<api::allocation::AllocationChangedOut>()),
            ).scope(Resource::Allocation, Write)
                .query("year", "The school year (this one when none is given).", year())
                .request(body::<api::allocation::AllocationChangesIn>())
                .errors(&[400, 422])),
        at(format!("{v1}/hours"))
            .api(Method::GET, MEMBER, api::allocation::hours, Op::new(
                "getHours", "hours",
                "The LOB hours of a school year: the school's formula, what it gives and the hours given per person.",
                Answer::Json(200, body::<api::allocation::HoursOut>()),
            ).scope(Resource::Hours, Read)
                .query("year", "The school year (this one when none is given).", year())
                .errors(&[400]))
            .api(Method::PATCH, COORDINATOR, api::allocation::change_hours, Op::new(
                "changeHours", "hours",
                "Change the school's formula and people's hours in a school year, all or none, with the checks of the hours page.",
                Answer::Json(200, body::<api::allocation::HoursChangedOut>()),
            ).scope(Resource::Hours, Write)
                .query("year", "The school year (this one when none is given).", year())
                .request(body::<api::allocation::HoursChangesIn>())
                .errors(&[400, 422])),
        at(format!("{v1}/members")).api(Method::GET, ADMINISTRATOR, api::members::members, Op::new(
            "listMembers", "members",
            "The school's members (administrators).",
            Answer::Json(200, body::<api::members::MemberList>()),
        ).scope(Resource::Members, Read)),
        at(routes::SURVEY_RESULTS_API).api(Method::GET, MEMBER, survey::results_json::results, Op::new(
            "getSurveyResults", "team",
            "A closed student survey's results, only where the group-figure rule lets them be shown: a hidden figure is null. An open survey has none yet (404).",
            Answer::Json(200, body::<survey::results_json::SurveyResultsOut>()),
        ).scope(Resource::Team, Read)),
        at(format!("{case}/CFDocuments")).api(Method::GET, Anyone, api::case::documents, Op::new(
            "caseDocuments", "CASE 1.1",
            "The open documents: national editions and those schools publish openly.",
            Answer::Described("{\"CFDocuments\": [...]}"),
        ).query("limit", "At most this many.", serde_json::json!({ "type": "integer", "minimum": 1, "default": 100 }))
            .query("offset", "Skip this many first.", serde_json::json!({ "type": "integer", "minimum": 0, "default": 0 }))
            .errors(&[400]).case_errors()),
        at(format!("{case}/CFDocuments/{{id}}")).api(Method::GET, Anyone, api::case::document, case_op("caseDocument", "A CFDocument, with its CFPackageURI.")),
        at(format!("{case}/CFPackages/{{id}}")).api(Method::GET, Anyone, api::case::package, case_op("casePackage", "A whole CFPackage, by its document's identifier.")),
        at(format!("{case}/CFItems/{{id}}")).api(Method::GET, Anyone, api::case::item, case_op("caseItem", "A CFItem, with its CFDocumentURI.")),
        at(format!("{case}/CFAssociations/{{id}}")).api(Method::GET, Anyone, api::case::association, case_op("caseAssociation", "A CFAssociation, with its CFDocumentURI.")),
    ]
}

fn all_routes() -> impl Iterator<Item = Route> {
    other_routes()
        .into_iter()
        .chain(Lang::ALL.into_iter().flat_map(page_routes))
}

/// Every path pattern the router has, with its methods and who may call each (for the tests
/// that must cover every route).
pub fn route_table() -> Vec<(String, Vec<(Method, Who)>)> {
    all_routes().map(|r| (r.path, r.methods)).collect()
}

/// Every API operation: its path, method, who may call it and its description.
pub fn api_routes() -> Vec<(String, Method, Who, Op)> {
    all_routes()
        .flat_map(|r| {
            let path = r.path;
            let methods = r.methods;
            r.docs.into_iter().map(move |(method, op)| {
                let who = methods
                    .iter()
                    .find(|(m, _)| *m == method)
                    .map_or(Who::Anyone, |(_, who)| *who);
                (path.clone(), method, who, op)
            })
        })
        .collect()
}

/// `GET /api/openapi.json`: the description of every API route above.
async fn openapi() -> axum::response::Response {
    let routes: Vec<_> = api_routes()
        .into_iter()
        .map(|(path, method, who, op)| {
            let needs = match who {
                Who::InSchool(permission) => Some(permission),
                _ => None,
            };
            (path, method, needs, op)
        })
        .collect();
    axum::response::IntoResponse::into_response(axum::Json(api::doc::document(&routes)))
}

/// Every path pattern the router has.
pub fn route_paths() -> Vec<String> {
    all_routes().map(|r| r.path).collect()
}

/// The largest request body we accept: a self-scan area with every note at its longest,
/// percent-encoded, fits; the public pages take none.
const BODY_LIMIT: usize = 256 * 1024;
/// The largest file one may import (the readers' own limit), with room for the form around it.
const IMPORT_LIMIT: usize = formats::sheet::MAX_BYTES + 64 * 1024;
/// The longest a request may take before it is answered with 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The quick scan posts all its answers and notes at once (to the overview, the documents and
/// back): a note on every statement and area, each character percent-encoded, passes 256 kB.
const QUICK_SCAN_LIMIT: usize = 2 * 1024 * 1024;

/// Whether a route is one of the quick scan's.
fn is_quick_scan(path: &str) -> bool {
    Lang::ALL.iter().any(|&lang| {
        path.starts_with(&format!(
            "/{}/{}",
            lang.code(),
            routes::quick_scan_segment(lang)
        ))
    })
}

/// Whether a route takes an imported file.
fn is_import(path: &str) -> bool {
    Lang::ALL
        .iter()
        .any(|&lang| path.ends_with(&format!("/{}", routes::import_segment(lang))))
        || path == api::editions::IMPORT_PATH
}

/// The whole application: every route, and the layers every response passes.
pub fn router(state: AppState) -> Router {
    let headers = middleware::Headers::new(
        state.secure_cookies,
        state.oidc.providers().map(|p| p.issuer.as_str()),
    );
    let mut router = Router::new();
    for Route { path, handlers, .. } in all_routes() {
        // Imports take files; every other route a form at most.
        let handlers = if is_import(&path) {
            handlers.layer(axum::extract::DefaultBodyLimit::max(IMPORT_LIMIT))
        } else if is_quick_scan(&path) {
            // (Forms' own default limit is 2 MB too.)
            handlers.layer(RequestBodyLimitLayer::new(QUICK_SCAN_LIMIT))
        } else {
            handlers.layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        };
        router = router.route(&path, handlers);
    }
    router
        .fallback(error::fallback)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            error::error_pages,
        ))
        .with_state(state)
        .layer(axum::middleware::from_fn(middleware::etag))
        .layer(CompressionLayer::new().quality(CompressionLevel::Precise(4)))
        .layer(CsrfLayer::new().with_rejection_response(middleware::csrf_rejected))
        .layer(axum::middleware::from_fn_with_state(
            headers,
            middleware::security_headers,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(RequestBodyLimitLayer::new(IMPORT_LIMIT))
        .layer(CatchPanicLayer::custom(middleware::panic_response))
}
