//! The API's description (`GET /api/openapi.json`, OpenAPI 3.1), made from the router's own
//! list: every API route carries an [`Op`] beside its handler and `router.rs` hands the list
//! to [`document`], so a path or method in the description is always one the router has. Bodies are described by the Rust types the
//! handlers read and answer with (`utoipa::ToSchema`), so they cannot drift either.

use std::borrow::Cow;

use axum::http::Method;
use domain::api_token::{Access, Resource};
use serde_json::{Map, Value, json};
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::Schema as UtoipaSchema;

use domain::account::Permission;

/// A JSON body's type, as the description refers to it.
#[derive(Clone, Copy)]
pub struct Body {
    name: fn() -> Cow<'static, str>,
    schema: fn() -> RefOr<UtoipaSchema>,
    nested: fn(&mut Vec<(String, RefOr<UtoipaSchema>)>),
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&(self.name)())
    }
}

/// The body type `T`.
pub fn body<T: utoipa::ToSchema + 'static>() -> Body {
    Body {
        name: T::name,
        schema: T::schema,
        nested: T::schemas,
    }
}

/// What a successful call answers with.
#[derive(Clone, Copy, Debug)]
pub enum Answer {
    /// JSON of a type, with this status.
    Json(u16, Body),
    /// No body (204).
    Empty,
    /// A file in one of several formats (`description` says which), with the media types it
    /// may have.
    File(&'static str, fn() -> Vec<&'static str>),
    /// JSON described in words only (the CASE objects, which follow the CASE standard).
    Described(&'static str),
}

/// A query parameter.
#[derive(Clone, Debug)]
pub struct Query {
    pub name: &'static str,
    pub description: &'static str,
    pub schema: Value,
    pub required: bool,
}

/// One operation of the API, beside its handler in the router's list.
#[derive(Clone, Debug)]
pub struct Op {
    pub id: &'static str,
    pub summary: &'static str,
    pub tag: &'static str,
    /// The scope a token needs (None: no token scope; a public route or the CASE endpoints).
    pub scope: Option<(Resource, Access)>,
    pub query: Vec<Query>,
    /// A JSON request body.
    pub request: Option<Body>,
    /// A file as the request body, in one of the formats this names.
    pub upload: Option<&'static str>,
    pub answer: Answer,
    /// The error statuses the operation answers besides the ones every call may get.
    pub errors: &'static [u16],
    /// Errors in CASE's own format (imsx_StatusInfo) instead of ours.
    pub case_errors: bool,
}

impl Op {
    pub fn new(id: &'static str, tag: &'static str, summary: &'static str, answer: Answer) -> Op {
        Op {
            id,
            summary,
            tag,
            scope: None,
            query: Vec::new(),
            request: None,
            upload: None,
            answer,
            errors: &[],
            case_errors: false,
        }
    }

    pub fn case_errors(mut self) -> Op {
        self.case_errors = true;
        self
    }

    pub fn scope(mut self, resource: Resource, access: Access) -> Op {
        self.scope = Some((resource, access));
        self
    }

    pub fn query(mut self, name: &'static str, description: &'static str, schema: Value) -> Op {
        self.query.push(Query {
            name,
            description,
            schema,
            required: false,
        });
        self
    }

    pub fn required_query(
        mut self,
        name: &'static str,
        description: &'static str,
        schema: Value,
    ) -> Op {
        self.query.push(Query {
            name,
            description,
            schema,
            required: true,
        });
        self
    }

    pub fn request(mut self, body: Body) -> Op {
        self.request = Some(body);
        self
    }

    pub fn upload(mut self, formats: &'static str) -> Op {
        self.upload = Some(formats);
        self
    }

    pub fn errors(mut self, errors: &'static [u16]) -> Op {
        self.errors = errors;
        self
    }
}

/// What each path parameter is.
fn path_parameter(name: &str) -> Value {
    let (description, format) = match name {
        "school" => (
            "The school's short name, as in the addresses of its pages.",
            None,
        ),
        "round" => ("A scan round's id.", Some("uuid")),
        "edition" => ("An edition's id.", Some("uuid")),
        "survey" => ("A student survey's id.", Some("uuid")),
        "goal" => ("A goal's id.", Some("uuid")),
        "id" => ("The object's identifier.", None),
        _ => ("", None),
    };
    let mut schema = json!({ "type": "string" });
    if let Some(format) = format {
        schema["format"] = json!(format);
    }
    json!({ "name": name, "in": "path", "required": true, "description": description, "schema": schema })
}

fn path_parameters(path: &str) -> Vec<Value> {
    path.split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(path_parameter)
        .collect()
}

fn error_reason(status: u16) -> &'static str {
    match status {
        400 => "The request cannot be read: malformed JSON, or a value of the wrong kind.",
        401 => {
            "No session and no token, or a token that is malformed, unknown, revoked, expired or of someone who is no longer a member."
        }
        403 => "The token lacks the scope, or the person the permission.",
        404 => "No such school for the caller, or no such object in it.",
        409 => "The object does not take this change now (a closed round).",
        413 => "The body is over the limit.",
        415 => "The body is not JSON.",
        422 => "The values are understood but wrong; every problem is named; nothing changed.",
        _ => "An error.",
    }
}

fn error_response(status: u16, case: bool) -> Value {
    let schema = if case { "StatusInfo" } else { "Error" };
    json!({
        "description": error_reason(status),
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } }
    })
}

/// A schema as JSON (utoipa's types serialise as OpenAPI 3.1).
fn to_json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn reference(body: Body, schemas: &mut Map<String, Value>) -> Value {
    let name = (body.name)().into_owned();
    if !schemas.contains_key(&name) {
        schemas.insert(name.clone(), to_json(&(body.schema)()));
        let mut nested = Vec::new();
        (body.nested)(&mut nested);
        for (nested_name, schema) in nested {
            schemas
                .entry(nested_name)
                .or_insert_with(|| to_json(&schema));
        }
    }
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

fn operation(
    path: &str,
    needs: Option<Permission>,
    op: &Op,
    schemas: &mut Map<String, Value>,
) -> Value {
    let mut parameters = path_parameters(path);
    for q in &op.query {
        parameters.push(json!({
            "name": q.name,
            "in": "query",
            "required": q.required,
            "description": q.description,
            "schema": q.schema,
        }));
    }
    let mut responses = Map::new();
    match op.answer {
        Answer::Json(status, body) => {
            responses.insert(
                status.to_string(),
                json!({
                    "description": "Done.",
                    "content": { "application/json": { "schema": reference(body, schemas) } }
                }),
            );
        }
        Answer::Empty => {
            responses.insert("204".into(), json!({ "description": "Done." }));
        }
        Answer::File(description, media_types) => {
            let mut content = Map::new();
            for media_type in media_types() {
                let bare = media_type.split(';').next().unwrap_or(media_type).trim();
                let schema = if bare.ends_with("json") {
                    json!({ "type": "object" })
                } else {
                    json!({ "type": "string" })
                };
                content.insert(bare.to_owned(), json!({ "schema": schema }));
            }
            responses.insert(
                "200".into(),
                json!({ "description": description, "content": content }),
            );
        }
        Answer::Described(description) => {
            responses.insert(
                "200".into(),
                json!({
                    "description": description,
                    "content": { "application/json": { "schema": { "type": "object" } } }
                }),
            );
        }
    }
    let mut errors: Vec<u16> = op.errors.to_vec();
    if needs.is_some() {
        errors.extend([401, 403, 404]);
    }
    if op.request.is_some() || op.upload.is_some() {
        errors.extend([400, 413]);
    }
    if op.request.is_some() {
        errors.push(415);
    }
    errors.sort_unstable();
    errors.dedup();
    for status in errors {
        responses.insert(status.to_string(), error_response(status, op.case_errors));
    }
    let mut out = json!({
        "operationId": op.id,
        "summary": op.summary,
        "tags": [op.tag],
        "parameters": parameters,
        "responses": responses,
    });
    if let Some(permission) = needs {
        let scope: Vec<String> = op
            .scope
            .map(|(r, a)| format!("{}:{}", r.code(), a.code()))
            .into_iter()
            .collect();
        out["security"] = json!([{ "token": scope }, { "session": [] }]);
        out["description"] = json!(format!(
            "Needs at least the permission `{}` in the school{}.",
            permission.code(),
            op.scope.map_or(String::new(), |(r, a)| format!(
                ", and a token with the scope `{}:{}`",
                r.code(),
                a.code()
            ))
        ));
    } else {
        out["security"] = json!([]);
    }
    if let Some(body) = op.request {
        out["requestBody"] = json!({
            "required": true,
            "content": { "application/json": { "schema": reference(body, schemas) } }
        });
    }
    if let Some(formats) = op.upload {
        out["requestBody"] = json!({
            "required": true,
            "description": formats,
            "content": { "application/octet-stream": { "schema": { "type": "string", "format": "binary" } } }
        });
    }
    out
}

/// The whole description, from the router's list of API routes: each with its path, method,
/// the permission it needs in the school of its path (none for the public CASE endpoints)
/// and its operation.
pub fn document(routes: &[(String, Method, Option<Permission>, Op)]) -> Value {
    let mut schemas = Map::new();
    schemas.insert(
        "Error".into(),
        json!({
            "type": "object",
            "description": "Every error of the API: what went wrong, in the language of Accept-Language (nl, en).",
            "required": ["error"],
            "properties": {
                "error": { "type": "string" },
                "problems": {
                    "type": "array",
                    "description": "With 422: every value that cannot be taken.",
                    "items": {
                        "type": "object",
                        "required": ["field", "message"],
                        "properties": { "field": { "type": "string" }, "message": { "type": "string" } }
                    }
                }
            }
        }),
    );
    let mut paths = Map::new();
    for (path, method, needs, op) in routes {
        let item = paths
            .entry(path.clone())
            .or_insert_with(|| Value::Object(Map::new()));
        item[method.as_str().to_lowercase()] = operation(path, *needs, op, &mut schemas);
    }
    schemas.insert(
        "StatusInfo".into(),
        json!({
            "type": "object",
            "description": "A CASE 1.1 error (imsx_StatusInfo).",
            "required": ["imsx_codeMajor", "imsx_severity"],
            "properties": {
                "imsx_codeMajor": { "type": "string", "enum": ["success", "processing", "failure", "unsupported"] },
                "imsx_severity": { "type": "string", "enum": ["status", "warning", "error"] },
                "imsx_description": { "type": "string" },
                "imsx_codeMinor": { "type": "object" }
            }
        }),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Raamwerk API",
            "version": "1",
            "description": "What the pages of a school do, for scripts and other systems: the framework and its editions, scan rounds, one's own scan and plan, who does what, LOB hours, members and the team picture (group figures only under the rule of k). Sign in with an API token (Authorization: Bearer rwk_…, made on the school's page API-sleutels) or the session of the web pages. A token works only in its own school, only with its scopes, and never beyond what the person it acts for may do now. Every error is {\"error\": message}; messages follow Accept-Language (nl, en). Also the read-only CASE 1.1 endpoints."
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "token": { "type": "http", "scheme": "bearer", "description": "An API token, rwk_ and 64 hexadecimal characters. Its scopes are listed per operation." },
                "session": { "type": "apiKey", "in": "cookie", "name": "raamwerk_session", "description": "The session of the web pages (for the pages' own scripts)." }
            }
        }
    })
}
