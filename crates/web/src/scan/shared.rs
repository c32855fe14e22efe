//! A colleague's scan that they shared with the viewer (or with the team): the overview read
//! in the third person, and its documents for the conversation. Anyone it is not shared
//! with gets the same 404 as for a scan that is not there.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use formats::overview::Overview;

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{DocumentFormat, Page, PathLang};
use crate::scan::overview::{OverviewView, document, document_name, document_response, render};
use crate::state::AppState;
use crate::ui::respond::document_handlers;
use crate::ui::respond_private;
use crate::ui::rounds::load_round;
use crate::working::require;

/// A colleague's scan, shared with the viewer (or the team): the same overview, read-only,
/// in the third person, without the comparison with their earlier rounds (which they did not
/// share).
pub async fn shared(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    match colleague(&app, lang, &headers, path).await? {
        Ok((view, _)) => respond_private(&view, lang, StatusCode::OK),
        Err(response) => Ok(response),
    }
}

document_handlers!(shared_pdf, shared_docx => shared_download, (String, String, String));

async fn shared_download(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<(String, String, String)>, PathRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    match colleague(app, lang, headers, path).await? {
        Ok((view, document)) => {
            let name = document_name(lang, view.shared_by.as_deref(), &view.round_name);
            document_response(document, format, &name).await
        }
        Err(response) => Ok(response),
    }
}

/// A colleague's scan that they shared with the viewer: its page and its document; or the
/// answer to give instead (404 for a scan not shared with the viewer, as for one that is not
/// there).
async fn colleague(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Result<(OverviewView, Overview), Response>, AppError> {
    let (short, id, member) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let Some((round, edition)) = load_round(app, &working, &id).await? else {
        return Ok(Err(error_page(app, lang, StatusCode::NOT_FOUND)));
    };
    let Ok(owner) = uuid::Uuid::parse_str(&member).map(domain::account::UserId) else {
        return Ok(Err(error_page(app, lang, StatusCode::NOT_FOUND)));
    };
    let school = working.school().id;
    let viewer = working.user().id;
    let (Some(scan), Some((user, membership))) = (
        app.store
            .shared_scan(school, round.id, viewer, owner)
            .await?,
        app.store.member(school, owner).await?,
    ) else {
        return Ok(Err(error_page(app, lang, StatusCode::NOT_FOUND)));
    };
    let name = user.name.to_string();
    let roles = membership.roles.as_slice();
    let mut view = render(
        app,
        lang,
        &working,
        &round,
        &edition,
        &scan,
        roles,
        None,
        Some(name.clone()),
        app.store.scale_labels(school).await?,
    );
    let short = working.school().short_name.clone();
    view.pdf_href =
        Page::SharedScanDocument(short.clone(), round.id, owner, DocumentFormat::Pdf).path(lang);
    view.docx_href =
        Page::SharedScanDocument(short, round.id, owner, DocumentFormat::Docx).path(lang);
    let subtitle = format!(
        "{} · {} · {}",
        working.school().name,
        view.round_name,
        view.period
    );
    let mut document = document(&view, &edition, &scan.content, roles, subtitle, lang);
    let reader = working.user().name.to_string();
    document.intro = Tr(lang).args(
        "overview-shared-document-note",
        &[("name", name.as_str()), ("reader", reader.as_str())],
    );
    Ok(Ok((view, document)))
}
