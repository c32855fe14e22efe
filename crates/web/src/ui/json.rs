//! What the JSON API's handlers share: its one error format (`{"error": …}`, with `problems`
//! on 422), the sign-in check that answers in it instead of with a page, and reading a JSON
//! body. The macro that gives a handler its caller is `api_auth::caller_or_answer`.

use axum::Json;
use axum::http::header::CONTENT_TYPE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;
use domain::account::Permission;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::working::{Working, working_in};

/// An error in the API's one format.
pub use crate::error::json_error as error;

/// The person working in the school with at least `needs`, or the JSON answer instead.
pub async fn signed(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    school: &str,
    needs: Permission,
) -> Result<Result<Working, Response>, AppError> {
    Ok(match working_in(app, headers, lang, school, needs).await? {
        Ok(working) => Ok(working),
        Err(page) => Err(match page.status() {
            StatusCode::SEE_OTHER => error(
                StatusCode::UNAUTHORIZED,
                match lang {
                    Lang::Nl => "log eerst in".to_owned(),
                    Lang::En => "sign in first".to_owned(),
                },
            ),
            StatusCode::FORBIDDEN => error(
                StatusCode::FORBIDDEN,
                crate::i18n::Tr(lang).get("fw-refused-not-allowed"),
            ),
            _ => error(
                StatusCode::NOT_FOUND,
                match lang {
                    Lang::Nl => "deze school bestaat niet of je werkt er niet".to_owned(),
                    Lang::En => "no such school, or you do not work there".to_owned(),
                },
            ),
        }),
    })
}

/// Most changes one JSON request may carry (more than a whole scan or allocation has).
pub const MAX_CHANGES: usize = 2000;

/// The 422 for a request that carries `count` changes, when that is over [`MAX_CHANGES`].
pub fn too_many_changes(count: usize, lang: Lang) -> Option<Response> {
    (count > MAX_CHANGES).then(|| {
        error(
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::i18n::Tr(lang).with("api-too-many-changes", "max", MAX_CHANGES),
        )
    })
}

/// One value that cannot be taken, and why.
#[derive(Serialize)]
pub struct ProblemOut {
    /// The field, as the request named it (`keuze.BEG.VIS.T1`, `name`, …).
    pub field: String,
    pub message: String,
}

/// A 422 naming every problem; nothing changed.
pub fn problems_error(lang: Lang, problems: Vec<(String, String)>) -> Response {
    let problems: Vec<ProblemOut> = problems
        .into_iter()
        .map(|(field, message)| ProblemOut { field, message })
        .collect();
    (
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(serde_json::json!({
            "error": Tr(lang).get("api-problems"),
            "problems": problems,
        })),
    )
        .into_response()
}

/// A JSON request body as `T`; else the answer (with `?`): 415 when it is not sent as JSON,
/// 400 when it cannot be read (with where and why).
pub fn json_body<T: DeserializeOwned>(
    headers: &HeaderMap,
    body: &[u8],
    lang: Lang,
) -> Result<T, AppError> {
    let json = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .is_some_and(|v| {
            let v = v.trim();
            v.eq_ignore_ascii_case("application/json")
                || (v.starts_with("application/") && v.ends_with("+json"))
        });
    if !json {
        return Err(AppError::answer(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Tr(lang).get("api-media-type"),
        )));
    }
    serde_json::from_slice(body).map_err(|e| {
        AppError::answer(error(
            StatusCode::BAD_REQUEST,
            Tr(lang).with("api-malformed", "reason", e),
        ))
    })
}
