//! *Gesprekken*: the plans colleagues shared with the person, the conversations they
//! prepared, and those colleagues shared with them. Only what concerns the reader is listed.

use askama::Template;

use std::collections::HashMap;

use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use store::ConversationSummary;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::partner_text;
use crate::plan::plan_page::mode_words;
use crate::routes::{Page, PathLang};
use crate::state::AppState;
use crate::ui::dates::{date_text, day};
use crate::ui::forms::done_notice;
use crate::ui::school_nav::{SchoolNav, school_param};
use crate::ui::{Chrome, respond_private};
use crate::working::require;

/// A conversation in a list: with whom, when, how far, and where it is.
#[derive(Debug)]
pub struct ConversationLine {
    pub with: String,
    pub when: String,
    pub state: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "plan/conversations.html")]
pub struct ConversationsView {
    pub chrome: Chrome,
    pub t: Tr,
    pub nav: SchoolNav,
    /// Plans shared with the reader: owner, mode, link.
    pub plans: Vec<(String, String, String)>,
    pub mine: Vec<ConversationLine>,
    pub theirs: Vec<ConversationLine>,
    pub prepare_href: String,
    pub plan_href: String,
    pub notice: Option<String>,
}

fn line(c: &ConversationSummary, mine: bool, short: &str, lang: Lang) -> ConversationLine {
    let t = Tr(lang);
    let with = if mine {
        let named = |_| c.partner_name.clone();
        let partner = partner_text(c.partner.as_ref(), &named, lang);
        if partner.is_empty() {
            t.get("conv-no-partner")
        } else {
            partner
        }
    } else {
        c.owner_name
            .clone()
            .unwrap_or_else(|| t.get("plan-former-colleague"))
    };
    let mut state = Vec::new();
    if mine {
        state.push(t.get(if c.shared {
            "conv-state-shared"
        } else {
            "conv-state-draft"
        }));
    }
    state.push(t.count("conv-agreements-count", c.agreements));
    ConversationLine {
        with,
        when: c
            .planned_on
            .map(|d| date_text(d, lang))
            .unwrap_or_else(|| day(c.created_at, lang)),
        state: state.join(" · "),
        href: Page::Conversation(short.to_owned(), c.id).path(lang),
    }
}

pub async fn show(
    PathLang(lang): PathLang,
    State(app): State<AppState>,
    headers: HeaderMap,
    school: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(&app, &headers, lang, &short, Permission::Member).await?;
    let t = Tr(lang);
    let me = working.user().id;
    let school = working.school().id;
    let page = Page::Conversations(short.clone());
    let plans = app
        .store
        .plans_shared_with(school, me)
        .await?
        .into_iter()
        .map(|p| {
            (
                p.owner_name,
                mode_words(p.mode, lang),
                Page::SharedPlan(short.clone(), p.owner).path(lang),
            )
        })
        .collect();
    let all = app.store.conversations(school, me).await?;
    let (mine, theirs): (Vec<_>, Vec<_>) = all.iter().partition(|c| c.owner == Some(me));
    let view = ConversationsView {
        chrome: Chrome::new(lang, &app.edition(), Some(&page), t.get("conv-title")).signed_in(),
        nav: SchoolNav::new(&working, lang, &page),
        plans,
        mine: mine.iter().map(|c| line(c, true, &short, lang)).collect(),
        theirs: theirs
            .iter()
            .map(|c| line(c, false, &short, lang))
            .collect(),
        prepare_href: Page::NewConversation(short.clone()).path(lang),
        plan_href: Page::Plan(short).path(lang),
        notice: done_notice(query, lang, &[("weg", "conv-deleted")]),
        t,
    };
    respond_private(&view, lang, StatusCode::OK)
}
