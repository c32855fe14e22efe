//! The student's side of the survey, without an account: type the class code, answer the
//! questionnaire, be thanked. Nothing about the student is asked or kept — not their network
//! address (wrong codes are counted in memory only, see [`crate::guesses`]), not the time
//! (the store keeps the day). The code travels in the form, never in the address, so it is
//! not in any log or history.

use askama::Template;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use domain::Lang;
use domain::survey::{
    ClassCode, ITEMS, REMARK_FIELD, REMARK_MAX, Response as Answers, STEPS, SurveyInputError,
    item_field, open_question, step_label,
};
use store::{AnswerError, CodeRefusal, CodeTarget};

use crate::auth::ClientIp;
use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::forms::FormFields;
use crate::ui::{Chrome, respond_private, see_other};

/// The page where a student types their class code.
#[derive(Template)]
#[template(path = "survey/code.html")]
pub struct CodeView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub code: String,
    pub refused: Option<String>,
}

/// A step of an item's scale.
#[derive(Debug)]
pub struct StepChoice {
    pub value: u8,
    pub label: &'static str,
    pub checked: bool,
}

/// An item of the questionnaire with its scale.
#[derive(Debug)]
pub struct ItemChoice {
    pub number: usize,
    pub field: String,
    pub text: &'static str,
    pub steps: Vec<StepChoice>,
}

/// The questionnaire, for the group a code names.
#[derive(Template)]
#[template(path = "survey/questionnaire.html")]
pub struct QuestionnaireView {
    pub chrome: Chrome,
    pub t: Tr,
    pub action: String,
    pub code: String,
    pub school: String,
    pub survey: String,
    pub threshold: u32,
    pub items: Vec<ItemChoice>,
    pub open_question: &'static str,
    pub remark_field: &'static str,
    pub remark: String,
    pub remark_max: usize,
    pub refused: Option<String>,
}

#[derive(Template)]
#[template(path = "survey/thanks.html")]
pub struct ThanksView {
    pub chrome: Chrome,
    pub t: Tr,
    pub again_href: String,
}

/// The chrome of a student's page: no staff navigation.
fn chrome(app: &AppState, lang: Lang, page: &Page, title: String) -> Chrome {
    let mut chrome = Chrome::new(lang, &app.edition(), Some(page), title);
    chrome.nav.clear();
    chrome
}

fn code_view(app: &AppState, lang: Lang, code: &str, refused: Option<String>) -> CodeView {
    let t = Tr(lang);
    let page = Page::StudentSurvey;
    CodeView {
        chrome: chrome(app, lang, &page, t.get("student-survey-title")),
        action: page.path(lang),
        code: code.chars().take(40).collect(),
        refused,
        t,
    }
}

fn questionnaire_view(
    app: &AppState,
    lang: Lang,
    code: &ClassCode,
    target: &CodeTarget,
    typed: Option<&FormFields>,
    refused: Option<String>,
) -> QuestionnaireView {
    let t = Tr(lang);
    let page = Page::StudentSurvey;
    let chosen = |i: usize| typed.map(|f| f.one(&item_field(i)).trim().to_owned());
    let mut chrome = chrome(app, lang, &page, target.survey.clone());
    // The other language's questionnaire for the same code (it is never in an address).
    chrome.switch_fields = vec![("code".to_owned(), code.to_string())];
    QuestionnaireView {
        chrome,
        action: Page::StudentSurveyAnswer.path(lang),
        code: code.to_string(),
        school: target.school.clone(),
        survey: target.survey.clone(),
        threshold: target.threshold.get(),
        items: ITEMS
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let chosen = chosen(i);
                ItemChoice {
                    number: i + 1,
                    field: item_field(i),
                    text: item.text(lang),
                    steps: (1..=STEPS as u8)
                        .map(|value| StepChoice {
                            value,
                            label: step_label(value, lang),
                            checked: chosen.as_deref() == Some(value.to_string().as_str()),
                        })
                        .collect(),
                }
            })
            .collect(),
        open_question: open_question(lang),
        remark_field: REMARK_FIELD,
        remark: typed
            .map(|f| f.one(REMARK_FIELD).chars().take(REMARK_MAX * 4).collect())
            .unwrap_or_default(),
        remark_max: REMARK_MAX,
        refused,
        t,
    }
}

/// Why a code does not open the questionnaire, in words for a student.
fn refusal_message(refusal: CodeRefusal, lang: Lang) -> String {
    let t = Tr(lang);
    t.get(match refusal {
        CodeRefusal::Unknown => "student-survey-unknown-code",
        CodeRefusal::Closed => "student-survey-closed",
        CodeRefusal::UsedUp => "student-survey-used-up",
    })
}

fn refusal_status(refusal: CodeRefusal) -> StatusCode {
    match refusal {
        CodeRefusal::Unknown => StatusCode::UNPROCESSABLE_ENTITY,
        CodeRefusal::Closed | CodeRefusal::UsedUp => StatusCode::CONFLICT,
    }
}

/// The code page again, for a code that does not open the questionnaire; an unknown one is
/// counted against the client, and a client that guessed too often waits.
async fn refused(
    app: &AppState,
    lang: Lang,
    ip: Option<std::net::IpAddr>,
    typed: &str,
    refusal: CodeRefusal,
) -> Result<Response, AppError> {
    if refusal == CodeRefusal::Unknown
        && let Some(ip) = ip
    {
        let delay = app.survey_guesses.wrong(ip, store::now_millis());
        tokio::time::sleep(delay).await;
    }
    let view = code_view(app, lang, typed, Some(refusal_message(refusal, lang)));
    respond_private(&view, lang, refusal_status(refusal))
}

/// A client that guessed too many codes: asked to wait.
fn locked(app: &AppState, lang: Lang, ip: Option<std::net::IpAddr>) -> Option<Response> {
    let wait = app.survey_guesses.locked(ip?, store::now_millis())?;
    let t = Tr(lang);
    let minutes = wait.as_secs().div_ceil(60).max(1);
    let mut page = crate::error::explained_page(
        app,
        lang,
        StatusCode::TOO_MANY_REQUESTS,
        t.get("student-survey-wait-title"),
        t.with("student-survey-wait-text", "minutes", minutes),
    );
    if let Ok(after) = (minutes * 60).to_string().parse() {
        page.headers_mut()
            .insert(axum::http::header::RETRY_AFTER, after);
    }
    Some(page)
}

/// The posted form and the code in it; or, for a client that must wait or a code that is not
/// one, the page to answer with instead.
async fn posted_code(
    app: &AppState,
    lang: Lang,
    ip: Option<std::net::IpAddr>,
    body: &[u8],
) -> Result<Result<(FormFields, ClassCode), Response>, AppError> {
    if let Some(page) = locked(app, lang, ip) {
        return Ok(Err(page));
    }
    let fields = FormFields::parse(body);
    match ClassCode::parse(fields.one("code")) {
        Some(code) => Ok(Ok((fields, code))),
        None => {
            let typed = fields.one("code").to_owned();
            Ok(Err(
                refused(app, lang, ip, &typed, CodeRefusal::Unknown).await?
            ))
        }
    }
}

/// `GET`: the field for the class code.
pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
) -> Result<Response, AppError> {
    respond_private(&code_view(&app, lang, "", None), lang, StatusCode::OK)
}

/// `POST` a code: the questionnaire, when the code opens it.
pub async fn code(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    body: Bytes,
) -> Result<Response, AppError> {
    let (fields, code) = match posted_code(&app, lang, ip, &body).await? {
        Ok(posted) => posted,
        Err(page) => return Ok(page),
    };
    let typed = fields.one("code");
    match app.store.survey_by_code(&code).await {
        Ok(target) => {
            let view = questionnaire_view(&app, lang, &code, &target, None, None);
            respond_private(&view, lang, StatusCode::OK)
        }
        Err(AnswerError::Refused(r)) => refused(&app, lang, ip, typed, r).await,
        Err(AnswerError::Store(e)) => Err(e.into()),
    }
}

/// `POST` the answers: stored under the code (one use spent), then thanks; refused answers
/// come back with what was chosen and typed, and spend nothing.
pub async fn answer(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    ClientIp(ip): ClientIp,
    body: Bytes,
) -> Result<Response, AppError> {
    let (fields, code) = match posted_code(&app, lang, ip, &body).await? {
        Ok(posted) => posted,
        Err(page) => return Ok(page),
    };
    let typed = fields.one("code");
    let outcome = match Answers::parse(fields.pairs()) {
        Ok(answers) => app.store.answer_survey(&code, &answers).await,
        Err(problem) => {
            return match app.store.survey_by_code(&code).await {
                Ok(target) => {
                    let view = questionnaire_view(
                        &app,
                        lang,
                        &code,
                        &target,
                        Some(&fields),
                        Some(input_message(&problem, lang)),
                    );
                    respond_private(&view, lang, StatusCode::UNPROCESSABLE_ENTITY)
                }
                Err(AnswerError::Refused(r)) => refused(&app, lang, ip, typed, r).await,
                Err(AnswerError::Store(e)) => Err(e.into()),
            };
        }
    };
    match outcome {
        Ok(()) => Ok(see_other(&Page::StudentSurveyThanks.path(lang))),
        Err(AnswerError::Refused(r)) => refused(&app, lang, ip, typed, r).await,
        Err(AnswerError::Store(e)) => Err(e.into()),
    }
}

fn input_message(problem: &SurveyInputError, lang: Lang) -> String {
    format!(
        "{} {}",
        problem.message(lang),
        Tr(lang).get("student-survey-not-sent")
    )
}

/// `GET`: thanks, once the answers are in.
pub async fn thanks(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
) -> Result<Response, AppError> {
    let t = Tr(lang);
    let page = Page::StudentSurveyThanks;
    let view = ThanksView {
        chrome: chrome(&app, lang, &page, t.get("student-survey-thanks-title")),
        again_href: Page::StudentSurvey.path(lang),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}
