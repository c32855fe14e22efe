//! *Wie doet wat* as a document to download: an XLSX workbook or a typeset PDF, grouped by
//! area, with what to talk about and the hours, in the reader's language.

use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use domain::account::{Permission, UserId};
use domain::allocation::{attention, task_hours};
use domain::hours::Minutes;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::PathLang;
use crate::state::AppState;
use crate::tasks::allocation::{View, attention_lines, groups};
use crate::ui::allocation::load;
use crate::ui::dates::year_of;
use crate::ui::school_nav::school_param;
use crate::working::require;

/// The allocation as a document (`xlsx` or `pdf`): grouped by area, with what to talk about
/// and the hours, in the reader's language.
pub async fn document(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
    format: &'static str,
) -> Result<Response, AppError> {
    use formats::allocation::{Document, Group as DocGroup, Hours, Person, Row, Words};
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let year = year_of(&query, lang);
    let t = Tr(lang);
    let loaded = load(&app, working.school(), year).await?;
    let found = attention(
        &loaded.tasks,
        &loaded.data.assignments,
        &loaded.data.hours,
        &loaded.suggestions,
        &loaded.roles,
        loaded.settings.rules,
    );
    let calculation =
        crate::tasks::hours::calculation(&app, &working, &loaded.settings, lang).await?;
    let carried = task_hours(&loaded.tasks, &loaded.data.assignments);
    let mut people: Vec<(&UserId, &String)> = loaded.names.iter().collect();
    people.sort_by_key(|(_, n)| n.to_lowercase());
    let document = Document {
        lang: lang.code().to_owned(),
        title: t.get("tasks-title"),
        subtitle: format!("{} · {} {year}", working.school().name, t.get("tasks-year")),
        made_on: crate::ui::dates::today_text(lang),
        words: Words {
            attention: t.get("tasks-attention"),
            nothing: t.get("tasks-attention-none"),
            tasks: t.get("tasks-sheet"),
            code: t.get("tasks-code"),
            task: t.get("tasks-task"),
            category: t.get("task-category"),
            task_hours: t.get("hours-task-hours"),
            responsible: t.get("tasks-responsible"),
            carries_out: t.get("tasks-carries-out"),
            involved: t.get("tasks-involved"),
            hours: t.get("hours-title"),
            person: t.get("hours-person"),
            allocated: t.get("hours-allocated"),
            difference: t.get("hours-difference"),
            group: t.get("tasks-sheet-group"),
            part: t.get("hours-sheet-part"),
            calculation: t.get("hours-sheet-calculation"),
            amount: t.get("hours-sheet-amount"),
            per_person: t.get("hours-sheet-people"),
        },
        attention: attention_lines(&found, &loaded, lang, &working.school().short_name, year)
            .iter()
            .map(|line| line.sentence())
            .collect(),
        groups: groups(&loaded, View::Area, &working, lang, year, &[])
            .into_iter()
            .map(|g| DocGroup {
                heading: g.heading,
                rows: g
                    .rows
                    .into_iter()
                    .map(|r| Row {
                        code: r.code,
                        text: r.text,
                        category: r.category,
                        hours: r.hours,
                        responsible: r.responsible,
                        carries_out: r.carries_out,
                        involved: r.involved,
                    })
                    .collect(),
            })
            .collect(),
        hours: Hours {
            formula: calculation.0,
            steps: calculation.1,
            total: (t.get("hours-total"), calculation.2),
            people: people
                .into_iter()
                .map(|(id, name)| {
                    let tasks = carried.get(id).copied().unwrap_or_default();
                    let have = loaded.data.hours.get(id).copied();
                    Person {
                        name: name.clone(),
                        tasks: tasks.display(lang),
                        allocated: have.map(|h| h.display(lang)).unwrap_or_default(),
                        difference: Minutes(have.unwrap_or_default().0 - tasks.0).display(lang),
                    }
                })
                .collect(),
        },
    };
    let (bytes, content_type) = if format == "pdf" {
        let today = crate::ui::dates::today();
        let bytes = tokio::task::spawn_blocking(move || {
            formats::allocation::write_pdf(
                &document,
                (i32::from(today.year()), today.month(), today.day()),
            )
        })
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
        (bytes, "application/pdf")
    } else {
        let bytes = formats::allocation::write_xlsx(&document)
            .map_err(|e| AppError::Internal(e.to_string()))?;
        (
            bytes,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    };
    let name = format!(
        "{}-{year}.{format}",
        crate::routes::tasks_document_stem(lang)
    );
    Ok(crate::ui::respond::download(bytes, content_type, &name))
}

pub async fn xlsx(
    lang: PathLang,
    state: State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    document(lang, state, headers, school, query, "xlsx").await
}

pub async fn pdf(
    lang: PathLang,
    state: State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    document(lang, state, headers, school, query, "pdf").await
}
