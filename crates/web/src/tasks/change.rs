//! The allocation page's own forms, for coordinators: one agreement for several tasks at
//! once (ticked one by one, or a whole group), and the school's rules for the conversation
//! (one responsible party per task; from how many responsibilities on a load is worth
//! talking about). Both are stored whole or not at all.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::account::Permission;
use domain::allocation::{Assignment, Part, Rules, SchoolYear};
use domain::{Code, Lang};
use store::AllocationFailure;

use crate::error::{AppError, error_page};
use crate::i18n::Tr;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::tasks::allocation::{Refused, View, page, view_param};
use crate::ui::allocation::load;
use crate::ui::dates::{year_of, year_param};
use crate::ui::forms::FormFields;
use crate::ui::parties::form_party;
use crate::ui::school_nav::school_param;
use crate::ui::{respond_private, see_other};
use crate::working::{Working, require};

/// The most tasks one form may name: more than any edition has.
const MAX_TASKS: usize = 1000;

/// The tasks a form chose: every `taak`, and every code of every `groep`, in order, each
/// once.
fn chosen(fields: &FormFields) -> Vec<String> {
    let mut chosen: Vec<String> = Vec::new();
    for (name, value) in fields.pairs() {
        let codes: Vec<&str> = match name.as_str() {
            "taak" => vec![value.as_str()],
            "groep" => value.split(',').collect(),
            _ => continue,
        };
        for code in codes.into_iter().map(str::trim).filter(|c| !c.is_empty()) {
            if !chosen.iter().any(|c| c == code) {
                chosen.push(code.to_owned());
            }
        }
    }
    chosen.truncate(MAX_TASKS);
    chosen
}

/// The allocation page again with why the form was refused, the tasks it chose ticked.
async fn refused(
    app: &AppState,
    lang: Lang,
    working: &Working,
    year: SchoolYear,
    view: View,
    message: String,
    chosen: Vec<String>,
) -> Result<Response, AppError> {
    let refused = Refused {
        message: Some(message),
        chosen,
    };
    let page = page(app, lang, working, year, view, refused).await?;
    respond_private(&page, lang, StatusCode::UNPROCESSABLE_ENTITY)
}

pub async fn submit(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    body: Bytes,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Coordinator).await?;
    let year = year_of(&query, lang);
    let fields = FormFields::parse(&body);
    let view = View::named(fields.one("weergave"), lang);
    let t = Tr(lang);
    let back = |done: &str| {
        format!(
            "{}?{}={year}&{}={}&klaar={done}",
            Page::Tasks(short.clone()).path(lang),
            year_param(lang),
            view_param(lang),
            view.key(lang)
        )
    };
    let school = working.school().id;
    let actor = working.user().id;
    match fields.one("op") {
        "bulk" => {
            let chosen = chosen(&fields);
            let party = form_party(fields.one("party"), fields.one("own"));
            let part = Part::from_key(fields.one("part"));
            let codes: Option<Vec<Code>> = chosen.iter().map(|c| Code::parse(c)).collect();
            let (Some(party), Some(part)) = (party, part) else {
                let message = t.get("task-error-party");
                return refused(&app, lang, &working, year, view, message, chosen).await;
            };
            let codes = match codes {
                Some(codes) if !codes.is_empty() => codes,
                _ => {
                    let message = t.get("tasks-bulk-none");
                    return refused(&app, lang, &working, year, view, message, chosen).await;
                }
            };
            let new: Vec<Assignment> = codes
                .into_iter()
                .map(|code| Assignment {
                    code,
                    party: party.clone(),
                    part,
                })
                .collect();
            let loaded = load(&app, working.school(), year).await?;
            let added = app
                .store
                .add_assignments(
                    school,
                    actor,
                    year,
                    &new,
                    &loaded.tasks,
                    loaded.settings.rules,
                )
                .await;
            match added {
                Ok(batch) => Ok(see_other(&format!(
                    "{}&nieuw={}&al={}",
                    back("bulk"),
                    batch.add.len(),
                    batch.already.len()
                ))),
                Err(AllocationFailure::RefusedTasks(why)) => {
                    let lines: Vec<String> = why
                        .iter()
                        .map(|(code, e)| format!("{code}: {}", e.message(lang)))
                        .collect();
                    let message = format!(
                        "{} {}",
                        t.count("tasks-bulk-refused", lines.len()),
                        lines.join(" ")
                    );
                    refused(&app, lang, &working, year, view, message, chosen).await
                }
                Err(AllocationFailure::Refused(e)) => {
                    let message = e.message(lang).to_owned();
                    refused(&app, lang, &working, year, view, message, chosen).await
                }
                Err(AllocationFailure::NotAllowed) => {
                    Ok(error_page(&app, lang, StatusCode::FORBIDDEN))
                }
                Err(AllocationFailure::Store(e)) => Err(e.into()),
            }
        }
        "rules" => {
            let Some(many) = fields
                .one("many")
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=1000).contains(n))
            else {
                let message = t.get("tasks-rules-many-error");
                return refused(&app, lang, &working, year, view, message, Vec::new()).await;
            };
            let mut settings = app.store.allocation_settings(school).await?;
            settings.rules = Rules {
                one_responsible: fields.one("one_responsible") == "1",
                many_responsibilities: many,
            };
            match app
                .store
                .set_allocation_settings(school, actor, &settings)
                .await
            {
                Ok(()) => Ok(see_other(&format!("{}#regels", back("regels")))),
                Err(AllocationFailure::Store(e)) => Err(e.into()),
                Err(_) => Ok(error_page(&app, lang, StatusCode::FORBIDDEN)),
            }
        }
        _ => {
            let message = t.get("fw-error-op");
            refused(&app, lang, &working, year, view, message, Vec::new()).await
        }
    }
}
