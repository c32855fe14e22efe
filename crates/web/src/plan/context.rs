//! What the plan's pages share: the person's round (the school's most recent one) with its
//! edition and their scan in it, their colleagues, and a goal as the pages and documents
//! show it, with how its statements were answered in the round it was made in and now.

use std::collections::HashMap;

use domain::account::UserId;
use domain::plan::{Goal, Partner, then_and_now};
use domain::scan::{Choice, ScaleLabels, ScanContent};
use domain::{Edition, Kind, Lang, Role};
use store::{Comment, Round};
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::routes::Page;
use crate::state::AppState;
use crate::ui::dates::{date_text, day};
use crate::ui::frameworks::school_framework;
use crate::ui::rounds::{edition_of_round, roles_held};
use crate::working::Working;

/// The person's place in the school's rounds, and who they can talk with.
pub(crate) struct Context {
    /// The edition goals link statements of: that of the school's most recent round, or the
    /// school's framework when there has been no round yet.
    pub edition: Edition,
    /// The school's most recent round, if any.
    pub round: Option<Round>,
    /// The person's scan in that round (empty when they have none).
    pub content: ScanContent,
    /// Every round of the school, newest first.
    pub rounds: Vec<Round>,
    /// Active colleagues (everyone but the person), by name.
    pub colleagues: Vec<(UserId, String)>,
    pub scale: ScaleLabels,
    pub roles: Vec<Role>,
}

impl Context {
    pub fn colleague_ids(&self) -> Vec<UserId> {
        self.colleagues.iter().map(|(id, _)| *id).collect()
    }

    pub fn colleague_name(&self, id: UserId) -> Option<&str> {
        self.colleagues
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, name)| name.as_str())
    }
}

pub(crate) async fn context(app: &AppState, working: &Working) -> Result<Context, AppError> {
    let school = working.school().id;
    let me = working.user().id;
    let rounds = app.store.rounds(school).await?;
    let round = rounds.first().cloned();
    let (edition, content) = match &round {
        Some(round) => {
            let edition = edition_of_round(app, school, round.id)
                .await?
                .ok_or_else(|| AppError::Internal(format!("round {} has no edition", round.id)))?;
            let content = app.store.my_scan(school, round.id, me).await?.content;
            (edition, content)
        }
        None => (
            school_framework(app, school).await?.current,
            ScanContent::default(),
        ),
    };
    let mut colleagues: Vec<(UserId, String)> = app
        .store
        .members(school)
        .await?
        .into_iter()
        .filter(|(u, m)| m.active && u.id != me)
        .map(|(u, _)| (u.id, u.name.to_string()))
        .collect();
    colleagues.sort_by_key(|(_, n)| n.to_lowercase());
    Ok(Context {
        edition,
        round,
        content,
        rounds,
        colleagues,
        scale: app.store.scale_labels(school).await?,
        roles: roles_held(working),
    })
}

/// A partner in words: a colleague's name, someone named, or a colleague who left.
pub(crate) fn partner_text(
    partner: Option<&Partner>,
    names: &dyn Fn(UserId) -> Option<String>,
    lang: Lang,
) -> String {
    match partner {
        Some(Partner::Colleague(id)) => {
            names(*id).unwrap_or_else(|| Tr(lang).get("plan-former-colleague"))
        }
        Some(Partner::Named(name)) => name.to_string(),
        None => String::new(),
    }
}

/// A statement a goal links to, as shown.
#[derive(Debug, Clone)]
pub struct LinkedStatement {
    pub code: String,
    pub text: String,
    /// The step chosen in the current round, in the scale's words (empty when none).
    pub now: String,
}

#[derive(Debug, Clone)]
pub struct ActionView {
    pub id: String,
    pub text: String,
    pub status: String,
    pub status_code: &'static str,
    pub due: String,
    pub due_value: String,
    /// Made from an agreement in a conversation.
    pub from_conversation: bool,
}

#[derive(Debug, Clone)]
pub struct CommentView {
    pub id: String,
    pub author: String,
    pub text: String,
    pub when: String,
    pub can_delete: bool,
}

/// How a linked statement was answered in the goal's round and now.
#[derive(Debug, Clone)]
pub struct ThenNow {
    pub code: String,
    pub text: String,
    pub then: String,
    pub now: String,
}

/// A goal as the pages and documents show it.
#[derive(Debug, Clone)]
pub struct GoalView {
    pub id: String,
    pub href: String,
    pub what: String,
    pub why: String,
    pub support: String,
    pub partner: String,
    pub target: String,
    pub status: String,
    pub reflection: String,
    pub statements: Vec<LinkedStatement>,
    pub actions: Vec<ActionView>,
    pub comments: Vec<CommentView>,
    /// For a goal made in an earlier round: that round's name and its statements then/now.
    pub then_now: Option<(String, Vec<ThenNow>)>,
    pub revision: i64,
}

/// The words for a choice on a statement of a kind, or *not answered*.
pub(crate) fn choice_words(
    scale: &ScaleLabels,
    kind: Kind,
    choice: Option<Choice>,
    lang: Lang,
) -> String {
    choice.map_or_else(
        || Tr(lang).get("overview-no-answer"),
        |c| scale.label(kind, c, lang).to_owned(),
    )
}

/// The person's scan of each round their goals were made in (other than the current one),
/// to show their statements then and now.
pub(crate) async fn earlier_scans(
    app: &AppState,
    working: &Working,
    ctx: &Context,
    goals: &[Goal],
) -> Result<HashMap<Uuid, ScanContent>, AppError> {
    let current = ctx.round.as_ref().map(|r| r.id);
    let mut scans = HashMap::new();
    for round in goals.iter().filter_map(|g| g.round) {
        if Some(round) == current || scans.contains_key(&round) {
            continue;
        }
        let content = app
            .store
            .my_scan(working.school().id, round, working.user().id)
            .await?
            .content;
        scans.insert(round, content);
    }
    Ok(scans)
}

/// A goal as shown, to its owner (`reader` is the owner) or to a colleague it was shared
/// with; `names` gives colleagues' names.
#[allow(clippy::too_many_arguments)]
pub(crate) fn goal_view(
    goal: &Goal,
    ctx: &Context,
    earlier: &HashMap<Uuid, ScanContent>,
    comments: &[Comment],
    reader: UserId,
    owner: UserId,
    short: &str,
    lang: Lang,
) -> GoalView {
    let t = Tr(lang);
    let names = |id: UserId| ctx.colleague_name(id).map(str::to_owned);
    let statements = goal
        .statements
        .iter()
        .map(|code| {
            let statement = ctx.edition.statement(code.as_str());
            LinkedStatement {
                code: code.to_string(),
                text: statement.map_or_else(
                    || t.get("plan-statement-gone"),
                    |s| s.text.shown(lang).to_owned(),
                ),
                now: statement
                    .and_then(|s| {
                        ctx.content
                            .choice(code)
                            .map(|c| ctx.scale.label(s.kind, c, lang).to_owned())
                    })
                    .unwrap_or_default(),
            }
        })
        .collect();
    let then_now = goal.round.and_then(|round| {
        let before = earlier.get(&round)?;
        let name = ctx.rounds.iter().find(|r| r.id == round)?.name.to_string();
        let rows = then_and_now(goal, &ctx.edition, before, &ctx.content)
            .into_iter()
            .map(|line| {
                let kind = line.statement.map_or(Kind::Task, |s| s.kind);
                ThenNow {
                    code: line.code.to_string(),
                    text: line.statement.map_or_else(
                        || t.get("plan-statement-gone"),
                        |s| s.text.shown(lang).to_owned(),
                    ),
                    then: choice_words(&ctx.scale, kind, line.then, lang),
                    now: choice_words(&ctx.scale, kind, line.now, lang),
                }
            })
            .collect();
        Some((name, rows))
    });
    GoalView {
        id: goal.id.to_string(),
        href: Page::Goal(short.to_owned(), goal.id).path(lang),
        what: goal.what.to_string(),
        why: goal
            .why
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        support: goal
            .support
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        partner: partner_text(goal.partner.as_ref(), &names, lang),
        target: goal.target.map(|d| date_text(d, lang)).unwrap_or_default(),
        status: goal.status.name(lang).to_owned(),
        reflection: goal
            .reflection
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        statements,
        actions: goal
            .actions
            .iter()
            .map(|a| ActionView {
                id: a.id.to_string(),
                text: a.text.to_string(),
                status: a.status.name(lang).to_owned(),
                status_code: a.status.code(),
                due: a.due.map(|d| date_text(d, lang)).unwrap_or_default(),
                due_value: a.due.map(|d| d.to_string()).unwrap_or_default(),
                from_conversation: a.conversation.is_some(),
            })
            .collect(),
        comments: comments
            .iter()
            .filter(|c| c.goal == goal.id)
            .map(|c| CommentView {
                id: c.id.to_string(),
                author: c
                    .author_name
                    .clone()
                    .unwrap_or_else(|| t.get("plan-former-colleague")),
                text: c.text.to_string(),
                when: day(c.at, lang),
                can_delete: c.author == Some(reader) || reader == owner,
            })
            .collect(),
        then_now,
        revision: goal.revision,
    }
}
