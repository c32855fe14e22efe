//! The quick scan on the public site, without an account: choose one or more roles, answer
//! the same statements with the same notes, and see the overview or download it as PDF or
//! DOCX. Nothing is stored on the server: the answers live in the page and travel with each
//! request (the overview page carries them in hidden fields, to download or to go back).

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use domain::scan::{ANSWER_NOTE_MAX, AREA_NOTE_MAX, Change, ScaleLabels, ScanContent};
use domain::throttle::Policy;
use domain::{Area, Lang, Role};

use crate::auth::ClientIp;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::scan::area::{KindBlock, NoteField, Values, blocks, fields};
use crate::scan::overview::{
    Kept, OverviewView, Voice, document, document_response, role_overview,
};
use crate::state::AppState;
use crate::ui::chart::{legend, steps};
use crate::ui::{Chrome, respond_private};

/// One role's area in the form.
#[derive(Debug)]
pub struct Section {
    pub id: String,
    pub heading: String,
    pub kinds: Vec<KindBlock>,
    pub reflections: Vec<NoteField>,
}

#[derive(Template)]
#[template(path = "scan/quick.html")]
pub struct QuickScanView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    /// (code, name, chosen)
    pub role_choices: Vec<(&'static str, String, bool)>,
    pub roles: Vec<&'static str>,
    pub sections: Vec<Section>,
    pub overview_action: String,
    pub pdf_action: String,
    pub docx_action: String,
    pub problems: Vec<(String, String)>,
    pub editable: bool,
    pub keeps_originals: bool,
    /// No development plan without an account.
    pub goal_href: Option<String>,
    pub answer_max: usize,
    pub area_max: usize,
}

/// The roles asked for (`rol=BEG`, …), in canonical order.
fn roles_of<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Role> {
    let chosen: Vec<Role> = pairs
        .filter(|(k, _)| *k == "rol")
        .filter_map(|(_, v)| Role::from_code(v))
        .collect();
    Role::ALL
        .into_iter()
        .filter(|r| chosen.contains(r))
        .collect()
}

fn view(
    app: &AppState,
    lang: Lang,
    roles: &[Role],
    values: &Values<'_>,
    errors: &HashMap<String, String>,
) -> QuickScanView {
    let t = Tr(lang);
    let edition = &app.edition();
    let doc = |format| Page::QuickScanDocument(format).path(lang);
    QuickScanView {
        // The language switch keeps the roles chosen (their codes are the same in both).
        // Its script keeps the answers in this browser tab across the language switch.
        chrome: Chrome::new(lang, edition, Some(&Page::QuickScan), t.get("quick-title"))
            .with_script()
            .with_switch_query(
                &roles
                    .iter()
                    .map(|r| format!("rol={}", r.code()))
                    .collect::<Vec<_>>()
                    .join("&"),
            ),
        action: Page::QuickScan.path(lang),
        role_choices: Role::ALL
            .into_iter()
            .map(|r| {
                (
                    r.code(),
                    edition.role(r).name.get(lang).to_owned(),
                    roles.contains(&r),
                )
            })
            .collect(),
        roles: roles.iter().map(|r| r.code()).collect(),
        sections: roles
            .iter()
            .flat_map(|&role| Area::ALL.into_iter().map(move |area| (role, area)))
            .map(|(role, area)| {
                let (kinds, reflections) = blocks(
                    edition,
                    lang,
                    role,
                    area,
                    values,
                    errors,
                    &ScaleLabels::default(),
                );
                Section {
                    id: format!("{}-{}", role.code(), area.code()).to_lowercase(),
                    heading: format!(
                        "{} · {}",
                        edition.role(role).name.get(lang),
                        edition.area(area).name.get(lang)
                    ),
                    kinds,
                    reflections,
                }
            })
            .collect(),
        overview_action: Page::QuickScanOverview.path(lang),
        pdf_action: doc(DocumentFormat::Pdf),
        docx_action: doc(DocumentFormat::Docx),
        problems: Vec::new(),
        editable: true,
        keeps_originals: false,
        goal_href: None,
        answer_max: ANSWER_NOTE_MAX,
        area_max: AREA_NOTE_MAX,
        t,
    }
}

/// The chooser, or the form for the roles in the address.
pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Result<Response, AppError> {
    let pairs = query.map(|Query(q)| q).unwrap_or_default();
    let roles = roles_of(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let empty = HashMap::new();
    let mut page = view(&app, lang, &roles, &Values::Posted(&empty), &HashMap::new());
    // The chooser was sent without a role: say so, rather than show the same page again.
    if roles.is_empty() && pairs.iter().any(|(k, _)| k == "gekozen") {
        page.problems = vec![("roles".to_owned(), Tr(lang).get("quick-no-role"))];
        return respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    respond_private(&page, lang, StatusCode::OK)
}

/// A quick scan's answers: the roles, the content, and the fields to carry on in the page.
type Answers = (Vec<Role>, ScanContent, Vec<(String, String)>);

/// The posted answers, checked; or the form again with what is wrong.
fn parse(
    app: &AppState,
    lang: Lang,
    posted: &[(String, String)],
) -> Result<Answers, Box<QuickScanView>> {
    let roles = roles_of(posted.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let map: HashMap<String, String> = posted.iter().cloned().collect();
    let mut content = ScanContent::default();
    let mut errors = HashMap::new();
    let mut kept: Vec<(String, String)> = roles
        .iter()
        .map(|r| ("rol".to_owned(), r.code().to_owned()))
        .collect();
    for &role in &roles {
        for area in Area::ALL {
            for field in fields(&app.edition(), role, area) {
                let value = map.get(&field).map(String::as_str).unwrap_or("");
                if value.trim().is_empty() {
                    continue;
                }
                match Change::parse(&field, value, &app.edition(), &roles) {
                    Ok(change) => {
                        kept.push((field, value.to_owned()));
                        content.apply(change);
                    }
                    Err(e) => {
                        errors.insert(field, e.message(lang));
                    }
                }
            }
        }
    }
    if roles.is_empty() {
        errors.insert("rol".to_owned(), Tr(lang).get("quick-choose-roles"));
    }
    if errors.is_empty() {
        return Ok((roles, content, kept));
    }
    let mut page = view(app, lang, &roles, &Values::Posted(&map), &errors);
    let mut problems: Vec<(String, String)> = errors
        .iter()
        .map(|(field, message)| {
            let anchor = match field.split_once('.') {
                Some(("keuze" | "notitie" | "bespreken", code)) => format!("s-{code}"),
                _ if field == "rol" => "roles".to_owned(),
                _ => field.clone(),
            };
            (anchor, message.clone())
        })
        .collect();
    problems.sort();
    page.problems = problems;
    Err(Box::new(page))
}

/// The overview of the posted answers, with the answers kept in the page.
pub async fn overview(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let posted = form.map(|Form(f)| f).unwrap_or_default();
    let (roles, content, kept) = match parse(&app, lang, &posted) {
        Ok(parsed) => parsed,
        Err(page) => return respond_private(page.as_ref(), lang, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let page = overview_view(&app, lang, &roles, &content, kept);
    respond_private(&page, lang, StatusCode::OK)
}

fn overview_view(
    app: &AppState,
    lang: Lang,
    roles: &[Role],
    content: &ScanContent,
    kept: Vec<(String, String)>,
) -> OverviewView {
    let t = Tr(lang);
    let scale = ScaleLabels::default();
    let doc = |format| Page::QuickScanDocument(format).path(lang);
    OverviewView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&Page::QuickScan),
            t.get("quick-overview-title"),
        ),
        nav: None,
        round_name: t.get("quick-title"),
        period: crate::ui::dates::day(store::now_millis(), lang),
        round_href: None,
        roles: roles
            .iter()
            .map(|&role| role_overview(&app.edition(), content, role, &scale, lang))
            .collect(),
        legend: legend(&scale, lang),
        task_header: steps(&scale, domain::Kind::Task, lang),
        expertise_header: steps(&scale, domain::Kind::Expertise, lang),
        earlier: None,
        scale: scale.clone(),
        started: true,
        shared_by: None,
        voice: Voice::new(lang, None),
        pdf_href: String::new(),
        docx_href: String::new(),
        kept: Some(Kept {
            fields: kept,
            pdf_action: doc(DocumentFormat::Pdf),
            docx_action: doc(DocumentFormat::Docx),
            back_action: Page::QuickScanBack.path(lang),
        }),
        goal_href: None,
        goals: Vec::new(),
        t,
    }
}

/// Back to the form, with the answers posted.
pub async fn back(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    let posted = form.map(|Form(f)| f).unwrap_or_default();
    let roles = roles_of(posted.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let map: HashMap<String, String> = posted.into_iter().collect();
    let page = view(&app, lang, &roles, &Values::Posted(&map), &HashMap::new());
    respond_private(&page, lang, StatusCode::OK)
}

pub async fn pdf(
    path: PathLang,
    state: State<AppState>,
    ClientIp(ip): ClientIp,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    download(path, state, ip, form, DocumentFormat::Pdf).await
}

pub async fn docx(
    path: PathLang,
    state: State<AppState>,
    ClientIp(ip): ClientIp,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Result<Response, AppError> {
    download(path, state, ip, form, DocumentFormat::Docx).await
}

async fn download(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ip: Option<std::net::IpAddr>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    // Anyone may ask without an account, so each client gets a fair share of the CPU.
    if let Some(ip) = ip {
        let key = format!("documents:{ip}");
        if let Err(wait) = app.store.count_attempt(&key, Policy::DOCUMENTS).await? {
            let t = Tr(lang);
            let minutes = wait.as_secs().div_ceil(60).max(1);
            let mut page = crate::error::explained_page(
                &app,
                lang,
                StatusCode::TOO_MANY_REQUESTS,
                t.get("quick-documents-busy-title"),
                t.with("quick-documents-busy-text", "minutes", minutes),
            );
            if let Ok(after) = (minutes * 60).to_string().parse() {
                page.headers_mut()
                    .insert(axum::http::header::RETRY_AFTER, after);
            }
            return Ok(page);
        }
    }
    let posted = form.map(|Form(f)| f).unwrap_or_default();
    let (roles, content, kept) = match parse(&app, lang, &posted) {
        Ok(parsed) => parsed,
        Err(page) => return respond_private(page.as_ref(), lang, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let view = overview_view(&app, lang, &roles, &content, kept);
    let subtitle = format!("{} · {}", view.round_name, view.period);
    let document = document(&view, &app.edition(), &content, &roles, subtitle, lang);
    let name = match lang {
        Lang::Nl => "raamwerk-zelfscan",
        Lang::En => "raamwerk-self-scan",
    };
    document_response(document, format, name).await
}
