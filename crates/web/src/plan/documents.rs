//! The plan and a conversation as documents (PDF to print or keep, DOCX to edit), in the
//! reader's language; for the owner, and a conversation also for its partner once shared.

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::HeaderMap;
use axum::response::Response;
use domain::Lang;
use domain::account::Permission;
use domain::school::slug;
use formats::document::doc::{Block, Doc, Section};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::plan::context::{GoalView, context, earlier_scans, goal_view, partner_text};
use crate::plan::conversation::load;
use crate::routes::DocumentFormat;
use crate::state::AppState;
use crate::ui::dates::{date_text, day, today_text};
use crate::ui::respond::{doc_download, document_handlers};
use crate::ui::school_nav::school_param;
use crate::working::{Working, require};

/// A goal as a section of the plan's document.
fn goal_section(g: &GoalView, lang: Lang) -> Section {
    let t = Tr(lang);
    let mut facts = vec![(t.get("plan-status"), g.status.clone())];
    for (key, value) in [
        ("plan-target", &g.target),
        ("plan-partner", &g.partner),
        ("plan-why", &g.why),
        ("plan-support", &g.support),
        ("plan-reflection", &g.reflection),
    ] {
        if !value.is_empty() {
            facts.push((t.get(key), value.clone()));
        }
    }
    let mut blocks = vec![Block::Facts { rows: facts }];
    if !g.statements.is_empty() {
        blocks.push(Block::Note {
            text: t.get("plan-about"),
        });
        blocks.push(Block::Bullets {
            items: g
                .statements
                .iter()
                .map(|s| {
                    if s.now.is_empty() {
                        format!("{} {}", s.code, s.text)
                    } else {
                        format!("{} {} ({})", s.code, s.text, s.now)
                    }
                })
                .collect(),
            empty: String::new(),
        });
    }
    if let Some((round, rows)) = &g.then_now {
        blocks.push(Block::Table {
            header: vec![
                t.get("overview-statement"),
                round.clone(),
                t.get("plan-now"),
            ],
            rows: rows
                .iter()
                .map(|r| {
                    vec![
                        format!("{} {}", r.code, r.text),
                        r.then.clone(),
                        r.now.clone(),
                    ]
                })
                .collect(),
            weights: vec![4, 1, 1],
        });
    }
    blocks.push(Block::Table {
        header: vec![
            t.get("plan-action"),
            t.get("plan-action-status"),
            t.get("plan-action-due"),
        ],
        rows: g
            .actions
            .iter()
            .map(|a| vec![a.text.clone(), a.status.clone(), a.due.clone()])
            .collect(),
        weights: vec![4, 1, 1],
    });
    if !g.comments.is_empty() {
        blocks.push(Block::Note {
            text: t.get("plan-comments"),
        });
        blocks.push(Block::Bullets {
            items: g
                .comments
                .iter()
                .map(|c| format!("{} ({}): {}", c.author, c.when, c.text))
                .collect(),
            empty: String::new(),
        });
    }
    Section {
        heading: g.what.clone(),
        level: 1,
        blocks,
    }
}

/// The person's own plan as a document.
pub(crate) async fn plan_doc(
    app: &AppState,
    working: &Working,
    lang: Lang,
) -> Result<Doc, AppError> {
    let t = Tr(lang);
    let me = working.user().id;
    let ctx = context(app, working).await?;
    let plan = app.store.plan(working.school().id, me).await?;
    let earlier = earlier_scans(app, working, &ctx, &plan.goals).await?;
    let short = &working.school().short_name;
    let mut sections: Vec<Section> = plan
        .goals
        .iter()
        .map(|g| goal_view(g, &ctx, &earlier, &plan.comments, me, me, short, lang))
        .map(|g| goal_section(&g, lang))
        .collect();
    if sections.is_empty() {
        sections.push(Section {
            heading: t.get("plan-goals"),
            level: 1,
            blocks: vec![Block::Note {
                text: t.get("plan-no-goals"),
            }],
        });
    }
    let mut subtitle = working.school().name.to_string();
    if let Some(round) = &ctx.round {
        subtitle = format!("{subtitle} · {}", round.name);
    }
    Ok(Doc {
        lang: lang.code().to_owned(),
        title: t.with("plan-document-title", "name", working.user().name.as_str()),
        subtitle,
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: t.get("plan-document-private"),
        sections,
    })
}

async fn plan_download(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    school: Result<Path<String>, PathRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    let short = school_param(school);
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let doc = plan_doc(app, &working, lang).await?;
    let stem = match lang {
        Lang::Nl => "ontwikkelplan",
        Lang::En => "development-plan",
    };
    let name = format!("{stem}-{}", slug(working.user().name.as_str(), 40));
    doc_download(doc, format, &name).await
}

document_handlers!(plan_pdf, plan_docx => plan_download, String);

async fn conversation_download(
    app: &AppState,
    lang: Lang,
    headers: &HeaderMap,
    path: Result<Path<(String, String)>, PathRejection>,
    format: DocumentFormat,
) -> Result<Response, AppError> {
    let (short, id) = path.map(|Path(p)| p).unwrap_or_default();
    let working = require(app, headers, lang, &short, Permission::Member).await?;
    let Some(read) = load(app, &working, &id).await? else {
        return Err(AppError::NotFound(lang));
    };
    let t = Tr(lang);
    let ctx = context(app, &working).await?;
    let c = &read.conversation;
    let me = working.user().id;
    let names = |id| {
        if Some(id)
            == c.partner
                .as_ref()
                .and_then(domain::plan::Partner::colleague)
        {
            read.partner_name.clone()
        } else {
            ctx.colleague_name(id).map(str::to_owned)
        }
    };
    let partner = partner_text(c.partner.as_ref(), &names, lang);
    let owner = read
        .owner_name
        .clone()
        .unwrap_or_else(|| t.get("plan-former-colleague"));
    let title = if c.owner == Some(me) {
        if partner.is_empty() {
            t.get("conv-title-alone")
        } else {
            t.with("conv-with", "name", &partner)
        }
    } else {
        t.with("conv-of", "name", &owner)
    };
    let when = c
        .planned_on
        .map(|d| date_text(d, lang))
        .unwrap_or_else(|| day(c.created_at, lang));
    let mut sections: Vec<Section> = c
        .steps
        .iter()
        .map(|s| Section {
            heading: format!(
                "{} ({})",
                s.step.name(lang),
                t.with("conv-minutes-short", "minutes", s.minutes)
            ),
            level: 1,
            blocks: vec![
                Block::Bullets {
                    items: s.items.clone(),
                    empty: t.get("conv-step-empty"),
                },
                Block::Note {
                    text: t.get("conv-questions"),
                },
                Block::Bullets {
                    items: s.step.questions(lang).map(str::to_owned).to_vec(),
                    empty: String::new(),
                },
            ],
        })
        .collect();
    sections.push(Section {
        heading: t.get("conv-agreements"),
        level: 1,
        blocks: vec![Block::Bullets {
            items: c
                .agreements
                .iter()
                .map(|a| {
                    let by = a
                        .author
                        .and_then(|id| read.authors.get(&id).cloned())
                        .unwrap_or_else(|| t.get("plan-former-colleague"));
                    format!("{} ({by}, {})", a.text, day(a.made_at, lang))
                })
                .collect(),
            empty: t.get("conv-no-agreements"),
        }],
    });
    let doc = Doc {
        lang: lang.code().to_owned(),
        title,
        subtitle: format!("{} · {when}", working.school().name),
        made_on: t.with("overview-made-on", "date", today_text(lang)),
        intro: t.get("conv-document-private"),
        sections,
    };
    let name = format!(
        "{}-{}",
        crate::routes::conversation_document_stem(lang),
        slug(&when, 20)
    );
    doc_download(doc, format, &name).await
}

document_handlers!(conversation_pdf, conversation_docx => conversation_download, (String, String));
