//! Rounds and one's own scan through the API: the school's rounds; one's own answers and
//! notes in a round (private: only the person's own session or personal token); saving
//! answers, all or nothing, with the same checks as the scan's pages.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::account::Permission;
use domain::api_token::{Access, Resource};
use domain::scan::{Change, ScanContent};
use domain::{Edition, Lang};
use serde::{Deserialize, Serialize};
use serde_json::value::{RawValue, to_raw_value};
use store::{Round, ScanError};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::api_auth::Caller;
use crate::api_auth::caller_or_answer;
use crate::error::AppError;
use crate::i18n::{Tr, preferred};
use crate::state::AppState;
use crate::ui::dates::today;
use crate::ui::json::error;
use crate::ui::json::{json_body, problems_error, too_many_changes};
use crate::ui::rounds::{edition_of_round, roles_held};

/// A scan round of the school.
#[derive(Serialize, ToSchema)]
pub struct RoundOut {
    pub id: Uuid,
    pub name: String,
    /// The first day answers are taken (yyyy-mm-dd).
    pub starts: String,
    /// The last day, if the round has one.
    pub ends: Option<String>,
    /// Whether the round is still open (not closed by a coordinator).
    pub open: bool,
    /// Whether answers can be saved today.
    pub takes_answers: bool,
    /// The framework edition the round asks about.
    pub edition: Uuid,
}

/// The school's rounds, newest first.
#[derive(Serialize, ToSchema)]
pub struct RoundList {
    pub rounds: Vec<RoundOut>,
}

fn round_out(round: &Round) -> RoundOut {
    RoundOut {
        id: round.id,
        name: round.name.to_string(),
        starts: round.period.starts.to_string(),
        ends: round.period.ends.map(|d| d.to_string()),
        open: round.is_open(),
        takes_answers: round.takes_answers(today()),
        edition: round.edition.0,
    }
}

/// `GET /api/v1/schools/{school}/rounds`
pub async fn rounds(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<String>, PathRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let school = path.map(|Path(s)| s).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Rounds,
        Access::Read
    );
    let rounds = app.store.rounds(caller.working.school().id).await?;
    Ok(Json(RoundList {
        rounds: rounds.iter().map(round_out).collect(),
    })
    .into_response())
}

/// One answer of one's own scan.
#[derive(Serialize, ToSchema)]
pub struct AnswerOut {
    /// The statement's code, e.g. `BEG.VIS.T1`.
    pub statement: String,
    /// `ja`, `deels`, `ontwikkelen` or `niet`; none while unanswered.
    pub choice: Option<String>,
    pub note: Option<String>,
    /// *Wil ik bespreken*.
    pub discuss: bool,
}

/// A focus note or the answer to a reflection prompt.
#[derive(Serialize, ToSchema)]
pub struct NoteOut {
    /// e.g. `focus.BEG.VIS.T` or `reflectie.BEG.VIS.rolmodel`.
    pub key: String,
    pub text: String,
}

/// One's own scan in a round. The answers and notes go out as JSON made once per saved
/// state of the scan ([`crate::cache::ScanJson`]); their shape is that of [`AnswerOut`] and
/// [`NoteOut`].
#[derive(Serialize, ToSchema)]
pub struct ScanOut<'a> {
    pub round: Uuid,
    /// The framework roles the person holds (their scan covers these).
    pub roles: Vec<String>,
    /// Whether the person marked the scan finished.
    pub finished: bool,
    #[schema(value_type = Vec<AnswerOut>)]
    pub answers: &'a RawValue,
    #[schema(value_type = Vec<NoteOut>)]
    pub notes: &'a RawValue,
}

/// The JSON of a scan's answers (those with anything in them) and of its notes.
fn content_json(content: &ScanContent) -> serde_json::Result<(Box<RawValue>, Box<RawValue>)> {
    let answers: Vec<AnswerOut> = content
        .answers
        .iter()
        .filter(|(_, a)| !a.is_empty())
        .map(|(code, a)| AnswerOut {
            statement: code.to_string(),
            choice: a.choice.map(|c| c.code().to_owned()),
            note: a.note.as_ref().map(|n| n.as_str().to_owned()),
            discuss: a.discuss,
        })
        .collect();
    let notes: Vec<NoteOut> = content
        .notes
        .iter()
        .map(|(key, note)| NoteOut {
            key: key.code(),
            text: note.as_str().to_owned(),
        })
        .collect();
    Ok((to_raw_value(&answers)?, to_raw_value(&notes)?))
}

/// The round and its edition for one's own scan, without reading the round (its edition is
/// kept in memory; whether it takes answers is checked in the write itself, as the page's
/// save does); `Err` is the answer (404, or 403 for a token that may not read one's own data).
async fn own_round(
    app: &AppState,
    caller: &Caller,
    lang: Lang,
    id: &str,
) -> Result<Result<(Uuid, Edition), Response>, AppError> {
    if !caller.owner() {
        return Ok(Err(error(
            StatusCode::FORBIDDEN,
            Tr(lang).get("api-private"),
        )));
    }
    let found = match Uuid::parse_str(id) {
        Ok(round) => edition_of_round(app, caller.working.school().id, round)
            .await?
            .map(|edition| (round, edition)),
        Err(_) => None,
    };
    Ok(found.ok_or_else(|| error(StatusCode::NOT_FOUND, Tr(lang).get("api-no-round"))))
}

/// `GET /api/v1/schools/{school}/rounds/{round}/scan`
pub async fn scan(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let (school, id) = path.map(|Path(p)| p).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Scan,
        Access::Read
    );
    let (round, _) = match own_round(&app, &caller, lang, &id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let key = (caller.working.school().id, round, caller.working.user().id);
    let mine = app.store.my_scan_shared(key.0, key.1, key.2).await?;
    let made = app
        .scan_json
        .get_or_make(key, &mine, |scan| content_json(&scan.content))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let (answers, notes) = &*made;
    Ok(Json(ScanOut {
        round,
        roles: roles_held(&caller.working)
            .iter()
            .map(|r| r.code().to_owned())
            .collect(),
        finished: mine.finished_at.is_some(),
        answers,
        notes,
    })
    .into_response())
}

/// A change to one answer; a field left out stays as it is.
#[derive(Deserialize, ToSchema)]
pub struct AnswerChange {
    /// The statement's code, e.g. `BEG.VIS.T1`: one of a role the person holds.
    pub statement: String,
    /// `ja`, `deels`, `ontwikkelen` or `niet`; an empty string takes the choice away.
    pub choice: Option<String>,
    /// At most 500 characters; an empty string takes the note away.
    pub note: Option<String>,
    pub discuss: Option<bool>,
}

/// A change to a focus note or a reflection.
#[derive(Deserialize, ToSchema)]
pub struct NoteChange {
    /// e.g. `focus.BEG.VIS.T` or `reflectie.BEG.VIS.rolmodel`.
    pub key: String,
    /// At most 2,000 characters; an empty string takes the note away.
    pub text: String,
}

/// Changes to one's own scan, saved all together or not at all.
#[derive(Deserialize, ToSchema)]
pub struct ScanChanges {
    #[serde(default)]
    pub answers: Vec<AnswerChange>,
    #[serde(default)]
    pub notes: Vec<NoteChange>,
}

/// What a save did.
#[derive(Serialize, ToSchema)]
pub struct SavedOut {
    /// How many fields were saved (each a choice, a note or *wil ik bespreken*).
    pub saved: usize,
}

/// `PATCH /api/v1/schools/{school}/rounds/{round}/scan`: saves the changes, all or none, as
/// the page's own save does (nothing is read before the write); answers how many fields were
/// saved (`GET` reads the scan back). 422 names every change that cannot be saved; 409 when
/// the round takes no answers (closed, or not begun).
pub async fn save(
    State(app): State<AppState>,
    headers: HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let lang = preferred(&headers);
    let (school, id) = path.map(|Path(p)| p).unwrap_or_default();
    let caller = caller_or_answer!(
        &app,
        &headers,
        lang,
        &school,
        Permission::Member,
        Resource::Scan,
        Access::Write
    );
    let (round, edition) = match own_round(&app, &caller, lang, &id).await? {
        Ok(found) => found,
        Err(answer) => return Ok(answer),
    };
    let changes: ScanChanges = json_body(&headers, &body, lang)?;
    let roles = roles_held(&caller.working);
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    let mut fields = Vec::new();
    for a in &changes.answers {
        if let Some(choice) = &a.choice {
            fields.push((format!("keuze.{}", a.statement), choice.clone()));
        }
        if let Some(note) = &a.note {
            fields.push((format!("notitie.{}", a.statement), note.clone()));
        }
        if let Some(discuss) = a.discuss {
            fields.push((
                format!("bespreken.{}", a.statement),
                if discuss { "1" } else { "0" }.to_owned(),
            ));
        }
    }
    for n in &changes.notes {
        fields.push((n.key.clone(), n.text.clone()));
    }
    if let Some(answer) = too_many_changes(fields.len(), lang) {
        return Ok(answer);
    }
    for (field, value) in &fields {
        match Change::parse(field, value, &edition, &roles) {
            Ok(change) => parsed.push(change),
            Err(e) => problems.push((field.clone(), e.message(lang))),
        }
    }
    if !problems.is_empty() {
        return Ok(problems_error(lang, problems));
    }
    let school = caller.working.school().id;
    let user = caller.working.user().id;
    if !parsed.is_empty() {
        match app.store.save_scan(school, round, user, &parsed).await {
            Ok(()) => {}
            Err(ScanError::Refused(refusal)) => {
                return Ok(error(
                    StatusCode::CONFLICT,
                    refusal.message(lang).to_owned(),
                ));
            }
            Err(ScanError::NoRound) => {
                return Ok(error(StatusCode::NOT_FOUND, Tr(lang).get("api-no-round")));
            }
            Err(ScanError::Store(e)) => return Err(e.into()),
        }
    }
    Ok(Json(SavedOut {
        saved: parsed.len(),
    })
    .into_response())
}
