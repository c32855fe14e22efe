//! The read-only CASE 1.1 REST endpoints (`/ims/case/v1p1/…`): the national editions and the
//! editions schools chose to publish openly, nothing else. Objects are those of our CFPackage
//! export (Dutch packages and their English translation packages); errors are the spec's
//! `imsx_StatusInfo`.

use std::sync::Arc;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::CACHE_CONTROL;
use axum::response::{IntoResponse, Response};
use domain::{EditionId, Lang};
use serde_json::{Value, json};

use crate::error::AppError;
use crate::state::AppState;

/// Where the endpoints live.
pub const BASE: &str = "/ims/case/v1p1";

/// An `imsx_StatusInfo` error.
fn status(code: StatusCode, minor: &str, description: &str) -> Response {
    let body = json!({
        "imsx_codeMajor": "failure",
        "imsx_severity": "error",
        "imsx_description": description,
        "imsx_codeMinor": {
            "imsx_codeMinorField": [
                { "imsx_codeMinorFieldName": "sourcedId", "imsx_codeMinorFieldValue": minor }
            ]
        }
    });
    (code, Json(body)).into_response()
}

fn not_found(id: &str) -> Response {
    status(
        StatusCode::NOT_FOUND,
        "unknownobject",
        &format!("no open object has the identifier {id}"),
    )
}

/// Open packages may be shared by caches, but must be asked for again each time: a school
/// that withdraws its package (or stops publishing it openly) is gone at the next request,
/// not minutes later.
fn ok(value: Value) -> Response {
    let mut response = Json(value).into_response();
    response.headers_mut().insert(
        CACHE_CONTROL,
        axum::http::HeaderValue::from_static("public, no-cache"),
    );
    response
}

/// Every open package: the national editions' and the openly published school editions', in
/// both languages.
async fn open_packages(app: &AppState) -> Result<Vec<Arc<Value>>, AppError> {
    let mut ids: Vec<EditionId> = app.store.editions().await?.iter().map(|e| e.id).collect();
    ids.extend(app.store.open_school_editions().await?);
    let mut out = Vec::new();
    for id in ids {
        if let Some(edition) = app.store.open_edition(id).await? {
            for lang in Lang::ALL {
                out.push(app.case_packages.get(&edition, lang));
            }
        }
    }
    Ok(out)
}

fn uri(app: &AppState, kind: &str, id: &str) -> Value {
    json!(format!("{}{BASE}/{kind}/{id}", app.base_url))
}

/// The path's identifier, if it is a UUID (CASE identifiers are).
fn sourced_id(path: Result<Path<String>, PathRejection>) -> Result<String, Box<Response>> {
    let id = path.map(|Path(id)| id).unwrap_or_default();
    let id = id.strip_suffix(".json").unwrap_or(&id).to_lowercase();
    match uuid::Uuid::parse_str(&id) {
        Ok(_) => Ok(id),
        Err(_) => Err(Box::new(status(
            StatusCode::BAD_REQUEST,
            "invalid_uuid",
            &format!("'{id}' is not a UUID"),
        ))),
    }
}

fn document_link(app: &AppState, package: &Value) -> Value {
    let document = &package["CFDocument"];
    let id = document["identifier"].as_str().unwrap_or_default();
    json!({
        "title": document["title"],
        "identifier": id,
        "uri": uri(app, "CFDocuments", id),
    })
}

fn with_package_uri(app: &AppState, package: &Value) -> Value {
    let mut document = package["CFDocument"].clone();
    let id = document["identifier"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    document["CFPackageURI"] = json!({
        "title": document["title"],
        "identifier": id,
        "uri": uri(app, "CFPackages", &id),
    });
    document
}

#[derive(Debug, serde::Deserialize)]
pub struct Paging {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /CFDocuments`: the open documents (`limit`, default 100, and `offset`).
pub async fn documents(
    State(app): State<AppState>,
    query: Result<Query<Paging>, QueryRejection>,
) -> Result<Response, AppError> {
    let Ok(Query(paging)) = query else {
        return Ok(status(
            StatusCode::BAD_REQUEST,
            "invalid_selection_field",
            "limit and offset must be whole numbers",
        ));
    };
    let packages = open_packages(&app).await?;
    let documents: Vec<Value> = packages
        .iter()
        .skip(paging.offset.unwrap_or(0))
        .take(paging.limit.unwrap_or(100))
        .map(|p| with_package_uri(&app, p))
        .collect();
    Ok(ok(json!({ "CFDocuments": documents })))
}

/// `GET /CFDocuments/{id}`.
pub async fn document(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = match sourced_id(path) {
        Ok(id) => id,
        Err(response) => return Ok(*response),
    };
    let packages = open_packages(&app).await?;
    Ok(
        match packages
            .iter()
            .find(|p| p["CFDocument"]["identifier"].as_str() == Some(&id))
        {
            Some(package) => ok(with_package_uri(&app, package)),
            None => not_found(&id),
        },
    )
}

/// `GET /CFPackages/{id}`: a whole package by its document's identifier.
pub async fn package(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let id = match sourced_id(path) {
        Ok(id) => id,
        Err(response) => return Ok(*response),
    };
    let packages = open_packages(&app).await?;
    Ok(
        match packages
            .iter()
            .find(|p| p["CFDocument"]["identifier"].as_str() == Some(&id))
        {
            Some(package) => ok(package.as_ref().clone()),
            None => not_found(&id),
        },
    )
}

/// An object of a list in an open package by its identifier, with its document's link.
async fn member(
    app: &AppState,
    path: Result<Path<String>, PathRejection>,
    list: &str,
) -> Result<Response, AppError> {
    let id = match sourced_id(path) {
        Ok(id) => id,
        Err(response) => return Ok(*response),
    };
    for package in open_packages(app).await? {
        if let Some(found) = package[list]
            .as_array()
            .and_then(|all| all.iter().find(|o| o["identifier"].as_str() == Some(&id)))
        {
            let mut object = found.clone();
            object["CFDocumentURI"] = document_link(app, &package);
            return Ok(ok(object));
        }
    }
    Ok(not_found(&id))
}

/// `GET /CFItems/{id}`.
pub async fn item(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    member(&app, path, "CFItems").await
}

/// `GET /CFAssociations/{id}`.
pub async fn association(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    member(&app, path, "CFAssociations").await
}
