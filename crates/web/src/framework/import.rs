//! Storing a file (native JSON, a CASE package, the spreadsheet template) as the next
//! version of the school's own framework, from the framework page's upload form: first a
//! preview of what it would change against the framework in use, then, with a summary in
//! the coordinator's words, the version itself (marked as imported in the history).

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{FormRejection, PathRejection};
use axum::extract::{Form, Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::{Edition, Lang, diff};
use formats::exchange::Exchange;

use crate::error::AppError;
use crate::framework::own::{ChangeLine, change_line, import_formats, summary};
use crate::i18n::Tr;
use crate::imports::{Imported, Prepared, as_next_version, prepare_for_school, store_prepared};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::frameworks::refusal_message;
use crate::ui::frameworks::{newest_national, school_framework};
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::{Working, require};

#[derive(Template)]
#[template(path = "framework/import.html")]
pub struct ImportView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    /// On success: the version stored and a link to it.
    pub stored: Option<(String, String)>,
    pub report: Vec<String>,
    pub problems: Vec<String>,
    /// After reading a file: what it would change, to confirm.
    pub preview: Option<Preview>,
    pub back_href: String,
    pub action: String,
    pub formats: Vec<(&'static str, String)>,
}

/// The uploaded file and its format, from the form.
async fn fields(mut form: Multipart) -> Option<(String, Vec<u8>)> {
    let (mut format, mut file) = (None, None);
    while let Ok(Some(field)) = form.next_field().await {
        match field.name() {
            Some("format") => format = field.text().await.ok(),
            Some("file") => file = field.bytes().await.ok().map(|b| b.to_vec()),
            _ => {}
        }
    }
    Some((format?, file?))
}

/// What the file would change, shown before anything is stored.
#[derive(Debug)]
pub struct Preview {
    /// The version it would become.
    pub version: String,
    /// What it is compared with: the school's newest version, or the national edition.
    pub against: String,
    /// The changes in one line, and one by one.
    pub summary: String,
    pub changes: Vec<ChangeLine>,
    /// The edition read from the file, in our native format, carried to the confirmation.
    pub kept: String,
    /// The summary typed for the history (required), kept when the confirmation is refused.
    pub note: String,
    pub confirm_action: String,
}

/// The preview of `edition` against the school's framework now.
async fn preview(
    app: &AppState,
    working: &Working,
    lang: Lang,
    edition: &Edition,
    version: &str,
    note: String,
) -> Result<Preview, AppError> {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let framework = school_framework(app, working.school().id).await?;
    let against = match framework.editions.first() {
        Some(newest) => t.with(
            "fw-import-against-version",
            "version",
            newest.version.as_str(),
        ),
        None => t.get("fw-import-against-national"),
    };
    let changes = diff(framework.current.statements(), edition.statements());
    let kept =
        formats::native::write_json(edition).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Preview {
        version: version.to_owned(),
        against,
        summary: summary(&changes, lang),
        changes: changes
            .iter()
            .map(|c| change_line(edition, c, lang))
            .collect(),
        kept,
        note,
        confirm_action: Page::FrameworkImportConfirm(short).path(lang),
    })
}

/// The import page: the preview, what was stored, or the problems.
fn page_view(
    app: &AppState,
    lang: Lang,
    working: &Working,
    stored: Option<(String, String)>,
    report: Vec<String>,
    problems: Vec<String>,
    preview: Option<Preview>,
) -> ImportView {
    let t = Tr(lang);
    let short = working.school().short_name.clone();
    let page = Page::FrameworkImport(short.clone());
    ImportView {
        chrome: Chrome::new(
            lang,
            &app.edition(),
            Some(&page),
            t.get("fw-import-heading"),
        )
        .signed_in(),
        nav: SchoolNav::new(working, lang, &page),
        stored,
        report,
        problems,
        preview,
        back_href: Page::Framework(short).path(lang),
        action: page.path(lang),
        formats: import_formats(lang),
        t,
    }
}

/// Reads the uploaded file and shows what it would change; nothing is stored yet.
pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Multipart, MultipartRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let t = Tr(lang);
    let upload = match form {
        Ok(form) => fields(form).await,
        Err(_) => None,
    };
    let prepared = match upload {
        Some((format, bytes)) if !bytes.is_empty() => match Exchange::from_name(&format) {
            Some(format) if format.readable() => {
                let national = newest_national(&app).await?;
                prepare_for_school(
                    &app.store,
                    working.school(),
                    &national,
                    format,
                    &bytes,
                    lang,
                )
                .await?
            }
            _ => Prepared::Problems(vec![t.get("fw-import-format")]),
        },
        _ => Prepared::Problems(vec![t.get("fw-import-no-file")]),
    };
    match prepared {
        Prepared::Ready {
            edition,
            version,
            report,
        } => {
            let preview = preview(&app, &working, lang, &edition, &version, String::new()).await?;
            let report = report.iter().map(|r| r.get(lang).to_owned()).collect();
            let view = page_view(
                &app,
                lang,
                &working,
                None,
                report,
                Vec::new(),
                Some(preview),
            );
            respond_private(&view, lang, StatusCode::OK)
        }
        Prepared::Problems(problems) => {
            let view = page_view(&app, lang, &working, None, Vec::new(), problems, None);
            respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct ConfirmForm {
    /// The edition the preview showed, in our native format.
    #[serde(default)]
    bewaar: String,
    /// What changed, in the coordinator's words, for the history.
    #[serde(default)]
    samenvatting: String,
}

/// The most a summary in the history may hold.
const SUMMARY_MAX: usize = 500;

/// Stores the previewed file as the school's next version, with the summary typed for it.
pub async fn confirm(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    form: Result<Form<ConfirmForm>, FormRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let t = Tr(lang);
    let form = form.map(|Form(f)| f).unwrap_or_default();
    let Ok(read) = formats::native::read(&form.bewaar, formats::native::Syntax::Json) else {
        let problems = vec![t.get("fw-import-preview-lost")];
        let view = page_view(&app, lang, &working, None, Vec::new(), problems, None);
        return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let note = form.samenvatting.trim().to_owned();
    let national = newest_national(&app).await?;
    let made = as_next_version(
        &app.store,
        working.school(),
        &national,
        &read,
        Some(&note),
        lang,
    )
    .await?;
    let (edition, version) = match made {
        Ok(made) => made,
        Err(problems) => {
            let view = page_view(&app, lang, &working, None, Vec::new(), problems, None);
            return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if note.is_empty() || note.chars().count() > SUMMARY_MAX || note.chars().any(char::is_control) {
        let preview = preview(&app, &working, lang, &edition, &version, note).await?;
        let problems = vec![t.with("fw-import-summary-needed", "max", SUMMARY_MAX)];
        let view = page_view(
            &app,
            lang,
            &working,
            None,
            Vec::new(),
            problems,
            Some(preview),
        );
        return respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let by = store::Importer::Member(working.user().id, working.user().name.as_str());
    let outcome = store_prepared(
        &app.store,
        working.school(),
        edition,
        version,
        Vec::new(),
        by,
    )
    .await?;
    let (stored, problems, status) = match outcome {
        Imported::Stored {
            edition, version, ..
        } => (
            Some((
                version,
                Page::FrameworkEdition(short, edition.id()).path(lang),
            )),
            Vec::new(),
            StatusCode::OK,
        ),
        Imported::Problems(problems) => (None, problems, StatusCode::UNPROCESSABLE_ENTITY),
        Imported::Refused(refusal) => (
            None,
            vec![refusal_message(&refusal, lang)],
            StatusCode::CONFLICT,
        ),
    };
    let view = page_view(&app, lang, &working, stored, Vec::new(), problems, None);
    respond_private(&view, lang, status)
}
