//! Everything the app holds about the signed-in person, as a JSON download (AVG/GDPR right
//! of access). The format is documented in README (`raamwerk-personal-data/6`); every time
//! is ISO 8601 in UTC.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use domain::Lang;
use domain::clock::iso_utc;
use serde_json::json;

use crate::auth::current_user;
use crate::error::AppError;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::allocation::{member_names, responsible_name};
use crate::ui::see_other;

pub async fn download(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Some(user) = current_user(&app, &headers).await? else {
        return Ok(see_other(&Page::SignIn.path(lang)));
    };
    let mut memberships = Vec::new();
    let mut scans = Vec::new();
    let mut allocation = Vec::new();
    let mut plans = Vec::new();
    let mut conversations = Vec::new();
    let mut meetings = Vec::new();
    let mut vision = Vec::new();
    let mut tokens = Vec::new();
    for membership in app.store.memberships_of(user.id).await? {
        let Some(school) = app.store.school(membership.school).await? else {
            continue;
        };
        for token in app.store.personal_tokens(school.id, user.id).await? {
            tokens.push(json!({
                "school": school.name.to_string(),
                "name": token.name.as_str(),
                "scopes": token.scopes.code(),
                "made_at": iso_utc(token.created_at),
                "expires_at": iso_utc(token.expires_at),
                "last_used_at": token.last_used_at.map(iso_utc),
                "revoked_at": token.revoked_at.map(iso_utc),
            }));
        }
        let rounds = app.store.rounds(school.id).await?;
        for mark in app.store.my_scan_marks(school.id, user.id).await? {
            let Some(round) = rounds.iter().find(|r| r.id == mark.round) else {
                continue;
            };
            let scan = app.store.my_scan(school.id, round.id, user.id).await?;
            let answers: Vec<_> = scan
                .content
                .answers
                .iter()
                .map(|(code, a)| {
                    json!({
                        "statement": code.as_str(),
                        "choice": a.choice.map(|c| c.code()),
                        "note": a.note.as_ref().map(|n| n.as_str()),
                        "discuss": a.discuss,
                    })
                })
                .collect();
            let notes: serde_json::Map<String, serde_json::Value> = scan
                .content
                .notes
                .iter()
                .map(|(key, note)| (key.code(), json!(note.as_str())))
                .collect();
            let sharing = app.store.sharing(school.id, round.id, user.id).await?;
            scans.push(json!({
                "school": school.name.as_str(),
                "round": round.name.as_str(),
                "finished": scan.finished_at.is_some(),
                "finished_at": scan.finished_at.map(iso_utc),
                "carried_over_unconfirmed": scan.carried,
                "shared_with_team": sharing.team,
                "shared_with": sharing.people.iter().map(|(_, name)| name.as_str()).collect::<Vec<_>>(),
                "feeds_who_does_what": app.store.scan_feeds(school.id, round.id, user.id).await?,
                "counts_in_team_picture": app.store.picture_consent(school.id, round.id, user.id).await?,
                "answers": answers,
                "notes": notes,
            }));
        }
        let plan = app.store.plan(school.id, user.id).await?;
        plans.push(json!({
            "school": school.name.as_str(),
            "goals": plan.goals.iter().map(|g| json!({
                "what": g.what.as_str(),
                "why": g.why.as_ref().map(|n| n.as_str()),
                "statements": g.statements.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
                "support": g.support.as_ref().map(|n| n.as_str()),
                "partner": partner_json(g.partner.as_ref()),
                "target_date": g.target.map(|d| d.to_string()),
                "status": g.status.code(),
                "reflection": g.reflection.as_ref().map(|n| n.as_str()),
                "made_on": g.made_on.to_string(),
                "actions": g.actions.iter().map(|a| json!({
                    "text": a.text.as_str(),
                    "status": a.status.code(),
                    "due": a.due.map(|d| d.to_string()),
                    "from_conversation": a.conversation.is_some(),
                })).collect::<Vec<_>>(),
                "comments": plan.comments.iter().filter(|c| c.goal == g.id).map(|c| json!({
                    "by": c.author_name,
                    "text": c.text.as_str(),
                    "at": iso_utc(c.at),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "shared_with": plan.shares.iter().map(|s| json!({
                "name": s.name,
                "may": s.mode.code(),
                "since": iso_utc(s.since),
            })).collect::<Vec<_>>(),
        }));
        for summary in app.store.conversations(school.id, user.id).await? {
            let Some(read) = app
                .store
                .conversation(school.id, summary.id, user.id)
                .await?
            else {
                continue;
            };
            let c = &read.conversation;
            conversations.push(json!({
                "school": school.name.as_str(),
                "prepared_by_you": c.owner == Some(user.id),
                "with": if c.owner == Some(user.id) { read.partner_name.clone().or_else(|| match &c.partner {
                    Some(domain::plan::Partner::Named(n)) => Some(n.to_string()),
                    _ => None,
                }) } else { read.owner_name.clone() },
                "planned_on": c.planned_on.map(|d| d.to_string()),
                "shared": c.shared,
                "agenda": c.steps.iter().map(|s| json!({
                    "step": s.step.code(),
                    "minutes": s.minutes,
                    "items": s.items,
                })).collect::<Vec<_>>(),
                "agreements": c.agreements.iter().map(|a| json!({
                    "text": a.text.as_str(),
                    "by_you": a.author == Some(user.id),
                    "at": iso_utc(a.made_at),
                })).collect::<Vec<_>>(),
            }));
        }
        let records = app.store.meeting_records_of(school.id, user.id).await?;
        if !records.prepared.is_empty() || !records.agreements.is_empty() {
            let names = member_names(&app, school.id).await?;
            meetings.push(json!({
                "school": school.name.as_str(),
                "prepared_by_you": records.prepared.iter().map(|(planned, at)| json!({
                    "planned_on": planned.map(|d| d.to_string()),
                    "prepared_at": iso_utc(*at),
                })).collect::<Vec<_>>(),
                "agreements_recorded_by_you": records.agreements.iter().map(|a| json!({
                    "meeting_planned_on": a.planned_on.map(|d| d.to_string()),
                    "meeting_prepared_at": iso_utc(a.prepared_at),
                    "text": a.text.as_str(),
                    "task": a.task.as_ref().map(|c| c.as_str()),
                    "responsible": a.task.as_ref().map(|_| responsible_name(
                        a.responsible.as_ref(),
                        &names,
                        lang,
                        &app.edition(),
                    )),
                    "at": iso_utc(a.at),
                })).collect::<Vec<_>>(),
            }));
        }
        let written = app.store.vision_records_of(school.id, user.id).await?;
        if !written.is_empty() {
            vision.push(json!({
                "school": school.name.as_str(),
                "sections_last_changed_by_you": written.sections.iter().map(|(section, at)| json!({
                    "section": section.code(),
                    "at": iso_utc(*at),
                })).collect::<Vec<_>>(),
                "goals_last_changed_by_you": written.goals.iter().map(|(goal, at)| json!({
                    "goal": goal.as_str(),
                    "at": iso_utc(*at),
                })).collect::<Vec<_>>(),
                "versions_published_by_you": written.published.iter().map(|(number, on)| json!({
                    "number": number,
                    "published_on": on.to_string(),
                })).collect::<Vec<_>>(),
                "evaluations_last_changed_by_you": written.evaluations.iter().map(|(year, goal, at)| json!({
                    "school_year": year,
                    "goal": goal.as_str(),
                    "at": iso_utc(*at),
                })).collect::<Vec<_>>(),
            }));
        }
        let mine = app.store.allocation_of_person(school.id, user.id).await?;
        allocation.push(json!({
            "school": school.name.as_str(),
            "agreements": mine.agreements.iter().map(|(year, code, part, at)| json!({
                "school_year": year,
                "task": code,
                "part": part,
                "agreed_at": iso_utc(*at),
            })).collect::<Vec<_>>(),
            "available_hours": mine.hours.iter().map(|(year, minutes)| json!({
                "school_year": year,
                "minutes": minutes,
            })).collect::<Vec<_>>(),
        }));
        memberships.push(json!({
            "school": {
                "name": school.name.as_str(),
                "short_name": school.short_name,
            },
            "permission": membership.permission.code(),
            "roles": membership.roles.as_slice().iter().map(|r| r.code()).collect::<Vec<_>>(),
            "active": membership.active,
        }));
    }
    let audit: Vec<_> = app
        .store
        .audit_about(user.id)
        .await?
        .into_iter()
        .map(|e| {
            json!({
                "school": e.school,
                "at": iso_utc(e.at),
                "action": e.action,
                "detail": e.detail,
                "by_you": e.by_them == 1,
            })
        })
        .collect();
    let data = json!({
        "format": "raamwerk-personal-data/6",
        "exported_at": iso_utc(store::now_millis()),
        "account": {
            "name": user.name.as_str(),
            "email": user.email.as_str(),
            "has_password": app.store.has_password(user.id).await?,
        },
        "memberships": memberships,
        "active_sessions": app.store.session_count(user.id).await?,
        "sign_in_links": app
            .store
            .sso_links(user.id)
            .await?
            .into_iter()
            .map(|link| {
                json!({
                    "provider": app.oidc.by_issuer(&link.issuer).map(|p| p.name.clone()),
                    "issuer": link.issuer,
                    "linked_at": iso_utc(link.created_at),
                })
            })
            .collect::<Vec<_>>(),
        "api_tokens": tokens,
        "audit_log": audit,
        "scans": scans,
        "who_does_what": allocation,
        "development_plans": plans,
        "conversations": conversations,
        "team_meetings": meetings,
        "vision": vision,
    });
    let body =
        serde_json::to_string_pretty(&data).map_err(|e| AppError::Internal(e.to_string()))?;
    let filename = match lang {
        Lang::Nl => "attachment; filename=\"raamwerk-mijn-gegevens.json\"",
        Lang::En => "attachment; filename=\"raamwerk-my-data.json\"",
    };
    Ok((
        [
            (CONTENT_TYPE, "application/json; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
            (CONTENT_DISPOSITION, filename),
        ],
        body,
    )
        .into_response())
}

/// A goal's partner in the download: a colleague by name is not repeated (it is theirs), only
/// that it was a colleague; someone named in words, by that name.
fn partner_json(partner: Option<&domain::plan::Partner>) -> serde_json::Value {
    match partner {
        Some(domain::plan::Partner::Colleague(_)) => json!({"colleague": true}),
        Some(domain::plan::Partner::Named(name)) => json!({"named": name.as_str()}),
        None => serde_json::Value::Null,
    }
}
