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
use domain::{EditionId, Lang};
use formats::exchange::Exchange;
use serde_json::{Value, json};

use crate::error::AppError;
use crate::i18n::preferred;
use crate::imports::{Imported, import_into_school};
use crate::state::AppState;
use crate::ui::frameworks::newest_national;
use crate::ui::frameworks::refusal_message;
use crate::ui::json::{error, signed};

/// The list of a school's editions; a POST here stores a file as the next version.
pub const IMPORT_PATH: &str = "/api/v1/schools/{school}/editions";
/// One edition as a file.
pub const EDITION_PATH: &str = "/api/v1/schools/{school}/editions/{edition}";
pub const OPENAPI_PATH: &str = "/api/openapi.json";

/// `GET`: the school's own editions (newest first) and the national ones.
pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let working = match signed(&app, &headers, lang, &school, Permission::Member).await? {
        Ok(w) => w,
        Err(response) => return Ok(response),
    };
    let own: Vec<Value> = app
        .store
        .school_editions(working.school().id)
        .await?
        .into_iter()
        .map(|e| {
            json!({
                "id": e.id.to_string(),
                "version": e.version,
                "date": e.published_on,
                "published_by": e.published_by,
                "summary": e.summary,
                "based_on": e.based_on.map(|b| b.to_string()),
                "open": e.public,
            })
        })
        .collect();
    let national: Vec<Value> = app
        .store
        .editions()
        .await?
        .into_iter()
        .map(|e| json!({ "id": e.id.to_string(), "version": e.version, "date": e.published_on }))
        .collect();
    Ok(Json(json!({ "school": own, "national": national })).into_response())
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
    let working = match signed(&app, &headers, lang, &school, Permission::Member).await? {
        Ok(w) => w,
        Err(response) => return Ok(response),
    };
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
    let working = match signed(&app, &headers, lang, &school, Permission::Coordinator).await? {
        Ok(w) => w,
        Err(response) => return Ok(response),
    };
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
            Json(json!({
                "id": edition.id().to_string(),
                "version": version,
                "report": report.iter().map(|r| r.get(lang)).collect::<Vec<_>>(),
            })),
        )
            .into_response(),
        Imported::Problems(problems) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            Json(json!({ "problems": problems })),
        )
            .into_response(),
        Imported::Refused(refusal) => error(StatusCode::CONFLICT, refusal_message(&refusal, lang)),
    })
}

/// `GET /api/openapi.json`: this API and the CASE endpoints, as OpenAPI 3.1.
pub async fn openapi() -> Response {
    let formats: Vec<&str> = Exchange::ALL.into_iter().map(Exchange::name).collect();
    let readable: Vec<&str> = Exchange::ALL
        .into_iter()
        .filter(|f| f.readable())
        .map(Exchange::name)
        .collect();
    let school = json!({ "name": "school", "in": "path", "required": true, "schema": { "type": "string" }, "description": "The school's short name." });
    let id = json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } });
    let case_error = json!({ "description": "imsx_StatusInfo", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/StatusInfo" } } } });
    let case_get = |summary: &str| {
        json!({ "get": {
            "summary": summary,
            "tags": ["CASE 1.1"],
            "parameters": [id.clone()],
            "responses": { "200": { "description": "The object, as in our CFPackage export." }, "400": case_error.clone(), "404": case_error.clone() }
        }})
    };
    let doc = json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Raamwerk API",
            "version": "1",
            "description": "A school's framework editions in every exchange format, and the read-only CASE 1.1 endpoints. Sign in first (the session cookie of the web pages); messages follow Accept-Language (nl, en)."
        },
        "paths": {
            IMPORT_PATH: {
                "get": {
                    "summary": "The school's own editions (newest first) and the national editions.",
                    "tags": ["editions"],
                    "parameters": [school.clone()],
                    "responses": { "200": { "description": "{\"school\": [...], \"national\": [...]}" }, "401": { "description": "Not signed in." }, "404": { "description": "No such school, or not a member." } }
                },
                "post": {
                    "summary": "Store a file as the school's next version (coordinators, administrators).",
                    "tags": ["editions"],
                    "parameters": [school.clone(), { "name": "format", "in": "query", "required": true, "schema": { "type": "string", "enum": readable } }],
                    "requestBody": { "required": true, "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } } },
                    "responses": {
                        "201": { "description": "{\"id\", \"version\", \"report\": [what was left out]}" },
                        "400": { "description": "Unknown format." },
                        "403": { "description": "Not a coordinator or administrator." },
                        "422": { "description": "{\"problems\": [each problem with its place]}; nothing stored." }
                    }
                }
            },
            EDITION_PATH: {
                "get": {
                    "summary": "One edition the school may see (its own or a national one) as a file.",
                    "tags": ["editions"],
                    "parameters": [
                        school,
                        { "name": "edition", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
                        { "name": "format", "in": "query", "schema": { "type": "string", "enum": formats, "default": "json" } },
                        { "name": "lang", "in": "query", "schema": { "type": "string", "enum": ["nl", "en"], "default": "nl" } }
                    ],
                    "responses": { "200": { "description": "The file." }, "400": { "description": "Unknown format." }, "404": { "description": "No such edition for this school." } }
                }
            },
            crate::routes::SURVEY_RESULTS_API: {
                "get": {
                    "summary": "A closed student survey's results, only where the group-figure rule lets them be shown: a figure over fewer than k answers, or one that would let a hidden group be worked out, is null.",
                    "tags": ["student survey"],
                    "parameters": [school.clone(), { "name": "survey", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }],
                    "responses": {
                        "200": { "description": "{\"survey\", \"k\", \"whole\": null | {\"answers\", \"items\": [{\"item\", \"area\", \"steps\": [4 counts], \"skipped\"}]}, \"groups\": [{\"name\", \"figures\": null | {...}}], \"remarks\": [...]}" },
                        "401": { "description": "Not signed in." },
                        "404": { "description": "No such school or survey, or the survey is still open (it has no results yet)." }
                    }
                }
            },
            "/ims/case/v1p1/CFDocuments": { "get": {
                "summary": "The open documents: national editions and those schools publish openly.",
                "tags": ["CASE 1.1"],
                "parameters": [
                    { "name": "limit", "in": "query", "schema": { "type": "integer", "default": 100 } },
                    { "name": "offset", "in": "query", "schema": { "type": "integer", "default": 0 } }
                ],
                "responses": { "200": { "description": "{\"CFDocuments\": [...]}" }, "400": case_error }
            }},
            "/ims/case/v1p1/CFDocuments/{id}": case_get("A CFDocument, with its CFPackageURI."),
            "/ims/case/v1p1/CFPackages/{id}": case_get("A whole CFPackage, by its document's identifier."),
            "/ims/case/v1p1/CFItems/{id}": case_get("A CFItem, with its CFDocumentURI."),
            "/ims/case/v1p1/CFAssociations/{id}": case_get("A CFAssociation, with its CFDocumentURI.")
        },
        "components": { "schemas": { "StatusInfo": {
            "type": "object",
            "required": ["imsx_codeMajor", "imsx_severity"],
            "properties": {
                "imsx_codeMajor": { "type": "string", "enum": ["success", "processing", "failure", "unsupported"] },
                "imsx_severity": { "type": "string", "enum": ["status", "warning", "error"] },
                "imsx_description": { "type": "string" },
                "imsx_codeMinor": { "type": "object" }
            }
        }}}
    });
    Json(doc).into_response()
}
