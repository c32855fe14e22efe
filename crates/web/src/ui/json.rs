//! What the JSON API's handlers share: its one error format (`{"error": …}`) and the
//! sign-in check that answers in it instead of with a page.

use axum::Json;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::Lang;
use domain::account::Permission;
use serde_json::json;

use crate::error::AppError;
use crate::state::AppState;
use crate::working::{Working, working_in};

/// An error in the API's one format.
pub fn error(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

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
