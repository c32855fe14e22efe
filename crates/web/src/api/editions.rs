//! The JSON API for a school's framework editions, for scripts and other systems: list them,
//! fetch one in any exchange format, store a file as the next version. It uses the same
//! sign-in (session cookie) and permissions as the pages; messages follow `Accept-Language`.
//! `GET /api/openapi.json` describes it and the CASE endpoints.

use std::collections::HashMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::api_token::{Access, Resource};
use domain::{EditionId, Lang};
use formats::exchange::Exchange;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::preferred;
use crate::imports::{Imported, import_into_school};
use crate::state::AppState;
use crate::ui::frameworks::newest_national;
use crate::ui::frameworks::refusal_message;
use crate::ui::json::error;
use crate::ui::json::problems_error;

/// The list of a school's editions; a POST here stores a file as the next version.
pub const IMPORT_PATH: &str = "/api/v1/schools/{school}/editions";
/// One edition as a file.
pub const EDITION_PATH: &str = "/api/v1/schools/{school}/editions/{edition}";

/// One of the school's own editions.
#[derive(Serialize, ToSchema)]
pub struct SchoolEditionOut {
    pub id: Uuid,
    pub version: String,
    /// yyyy-mm-dd
    pub date: String,
    /// Who published (or imported) it.
    pub published_by: String,
    /// What changed, in the publisher's words.
    pub summary: String,
    /// The edition it was made from.
    pub based_on: Option<Uuid>,
    /// Whether the school published it openly (CASE, the public pages).
    pub open: bool,
}

/// A national edition.
#[derive(Serialize, ToSchema)]
pub struct NationalEditionOut {
    pub id: Uuid,
    pub version: String,
    pub date: String,
}

/// The editions a school may see.
#[derive(Serialize, ToSchema)]
pub struct EditionList {
    /// The school's own, newest first.
    pub school: Vec<SchoolEditionOut>,
    pub national: Vec<NationalEditionOut>,
}

/// A file stored as the school's next version.
#[derive(Serialize, ToSchema)]
pub struct ImportedOut {
    pub id: Uuid,
    pub version: String,
    /// What the file held that has no place in an edition (left out).
    pub report: Vec<String>,
}

/// `GET`: the school's own editions (newest first) and the national ones.
pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let working = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Framework,
        Access::Read
    )
    .working;
    let school = app
        .store
        .school_editions(working.school().id)
        .await?
        .into_iter()
        .map(|e| SchoolEditionOut {
            id: e.id.0,
            version: e.version,
            date: e.published_on,
            published_by: e.published_by,
            summary: e.summary,
            based_on: e.based_on.map(|b| b.0),
            open: e.public,
        })
        .collect();
    let national = app
        .store
        .editions()
        .await?
        .into_iter()
        .map(|e| NationalEditionOut {
            id: e.id.0,
            version: e.version,
            date: e.published_on,
        })
        .collect();
    Ok(Json(EditionList { school, national }).into_response())
}

/// `GET ?format=json|case|moodle|xlsx|csv&lang=nl|en`: one edition the school may see, as a
/// file (native JSON when no format is given).
pub async fn export(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let (school, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Framework,
        Access::Read
    )
    .working;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let Some(format) = Exchange::from_name(query.get("format").map_or("json", String::as_str))
    else {
        return Ok(error(StatusCode::BAD_REQUEST, unknown_format(lang, false)));
    };
    let file_lang = query
        .get("lang")
        .and_then(|l| Lang::from_code(l))
        .unwrap_or(Lang::Nl);
    let found = match uuid::Uuid::parse_str(&id) {
        Ok(id) => {
            app.store
                .school_edition(working.school().id, EditionId(id))
                .await?
        }
        Err(_) => None,
    };
    let Some(edition) = found else {
        return Ok(error(
            StatusCode::NOT_FOUND,
            match lang {
                Lang::Nl => format!("editie {id} bestaat niet voor deze school"),
                Lang::En => format!("edition {id} does not exist for this school"),
            },
        ));
    };
    crate::ui::respond::edition_file(
        &edition,
        format,
        file_lang,
        domain::framework::draft::is_school_lineage(&edition.meta().identifier)
            .then_some(working.school().short_name.as_str()),
    )
}

/// Every format an edition can be fetched in.
pub fn all_formats() -> Vec<&'static str> {
    Exchange::ALL.into_iter().map(Exchange::name).collect()
}

/// The media types of those formats.
pub fn media_types() -> Vec<&'static str> {
    let mut types: Vec<&'static str> = Exchange::ALL
        .into_iter()
        .map(Exchange::media_type)
        .collect();
    types.dedup();
    types
}

/// Every format a file can be stored from.
pub fn readable_formats() -> Vec<&'static str> {
    Exchange::ALL
        .into_iter()
        .filter(|f| f.readable())
        .map(Exchange::name)
        .collect()
}

fn unknown_format(lang: Lang, reading: bool) -> String {
    let names: Vec<&str> = Exchange::ALL
        .into_iter()
        .filter(|f| !reading || f.readable())
        .map(Exchange::name)
        .collect();
    match lang {
        Lang::Nl => format!("onbekend formaat; verwacht: {}", names.join(", ")),
        Lang::En => format!("unknown format; expected: {}", names.join(", ")),
    }
}

/// `POST ?format=json|case|xlsx|csv` with the file as the body: stores it as the school's
/// next version (coordinators and administrators). 201 with the new edition, or 422 with
/// every problem; nothing is stored unless the whole file is right.
pub async fn import(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let working = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Coordinator,
        Resource::Framework,
        Access::Write
    )
    .working;
    let query = query.map(|Query(q)| q).unwrap_or_default();
    let format = query
        .get("format")
        .and_then(|f| Exchange::from_name(f))
        .filter(|f| f.readable());
    let Some(format) = format else {
        return Ok(error(StatusCode::BAD_REQUEST, unknown_format(lang, true)));
    };
    let national = newest_national(&app).await?;
    let outcome = import_into_school(
        &app.store,
        working.school(),
        &national,
        format,
        &body,
        lang,
        store::Importer::Member(working.user().id, working.user().name.as_str()),
    )
    .await?;
    Ok(match outcome {
        Imported::Stored {
            edition,
            version,
            report,
        } => (
            StatusCode::CREATED,
            Json(ImportedOut {
                id: edition.id().0,
                version,
                report: report.iter().map(|r| r.get(lang).to_owned()).collect(),
            }),
        )
            .into_response(),
        Imported::Problems(problems) => problems_error(
            lang,
            problems
                .into_iter()
                .map(|p| ("file".to_owned(), p))
                .collect(),
        ),
        Imported::Refused(refusal) => error(StatusCode::CONFLICT, refusal_message(&refusal, lang)),
    })
}
