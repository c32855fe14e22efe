//! Storing a file (native JSON, a CASE package, the spreadsheet template) as the next
//! version of the school's own framework, from the framework page's upload form.

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::PathRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use formats::exchange::Exchange;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::imports::{Imported, import_into_school};
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::frameworks::newest_national;
use crate::ui::frameworks::refusal_message;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::require;

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
    pub back_href: String,
    pub action: String,
    pub formats: Vec<(&'static str, String)>,
}

/// The formats a school can import, with their names.
pub(crate) fn import_formats(lang: Lang) -> Vec<(&'static str, String)> {
    let t = Tr(lang);
    Exchange::ALL
        .into_iter()
        .filter(|f| f.readable())
        .map(|f| (f.name(), t.get(&format!("fw-format-{}", f.name()))))
        .collect()
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
    let page = Page::FrameworkImport(short.clone());
    let upload = match form {
        Ok(form) => fields(form).await,
        Err(_) => None,
    };
    let outcome = match upload {
        Some((format, bytes)) if !bytes.is_empty() => match Exchange::from_name(&format) {
            Some(format) if format.readable() => {
                let national = newest_national(&app).await?;
                import_into_school(
                    &app.store,
                    working.school(),
                    &national,
                    format,
                    &bytes,
                    lang,
                    store::Importer::Member(working.user().id, working.user().name.as_str()),
                )
                .await?
            }
            _ => Imported::Problems(vec![t.get("fw-import-format")]),
        },
        _ => Imported::Problems(vec![t.get("fw-import-no-file")]),
    };
    let (stored, report, problems, status) = match outcome {
        Imported::Stored {
            edition,
            version,
            report,
        } => (
            Some((
                version,
                Page::FrameworkEdition(short.clone(), edition.id()).path(lang),
            )),
            report.iter().map(|r| r.get(lang).to_owned()).collect(),
            Vec::new(),
            StatusCode::OK,
        ),
        Imported::Problems(problems) => {
            (None, Vec::new(), problems, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Imported::Refused(refusal) => (
            None,
            Vec::new(),
            vec![refusal_message(&refusal, lang)],
            StatusCode::CONFLICT,
        ),
    };
    let view = ImportView {
        chrome: Chrome::new(lang, &app.edition, Some(&page), t.get("fw-import-heading"))
            .signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        stored,
        report,
        problems,
        back_href: Page::Framework(short.clone()).path(lang),
        action: page.path(lang),
        formats: import_formats(lang),
        t,
    };
    respond_private(&view, lang, status)
}
