//! A vision as the pages and documents show it: per section its paragraphs, the statements it
//! links to (each with what the allocation of this school year says, when the practice is
//! shown) and its goals; and the LOB hours beside it.

use std::collections::HashMap;

use domain::hours::Minutes;
use domain::plan::written;
use domain::vision::{Goal, Section, Vision, practice};
use domain::{Code, Edition, Lang, Text};

use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::allocation::{Loaded, hours_totals, load, party_name};
use crate::ui::dates::this_year;
use crate::working::Working;

/// A linked statement, with the practice when it is a task.
#[derive(Debug)]
pub struct LinkView {
    pub code: String,
    pub text: String,
    /// Not in the school's current framework any more.
    pub gone: bool,
    /// For a task, when the practice is shown: who is responsible and carries it out, the
    /// hours estimated; each in words ("nobody yet" when empty).
    pub practice: Option<TaskView>,
}

#[derive(Debug)]
pub struct TaskView {
    pub responsible: String,
    pub carries_out: String,
    pub hours: String,
    /// Nobody is responsible: worth a conversation.
    pub open: bool,
}

#[derive(Debug)]
pub struct GoalView {
    pub goal: String,
    pub indicator: String,
    pub target: String,
    pub owner: String,
    pub evaluate_on: String,
}

#[derive(Debug)]
pub struct SectionView {
    pub code: &'static str,
    pub name: &'static str,
    pub paragraphs: Vec<String>,
    pub links: Vec<LinkView>,
    pub goals: Vec<GoalView>,
}

/// The LOB hours of this school year beside the vision.
#[derive(Debug)]
pub struct HoursView {
    pub formula: String,
    pub allocated: String,
    /// More hours given to people than the formula gives.
    pub over: bool,
}

/// The school's practice this school year, loaded once for a page.
pub struct Practice {
    loaded: Loaded,
    pub hours: HoursView,
}

impl Practice {
    /// The school's current framework, as the allocation loaded it.
    pub fn edition(&self) -> &Edition {
        &self.loaded.edition
    }
}

pub async fn load_practice(
    app: &AppState,
    working: &Working,
    lang: Lang,
) -> Result<Practice, AppError> {
    let loaded = load(app, working.school(), this_year()).await?;
    let (formula, allocated) = hours_totals(app, working.school(), &loaded, lang).await?;
    let t = Tr(lang);
    Ok(Practice {
        hours: HoursView {
            formula: formula.map_or_else(|| t.get("vision-hours-unknown"), |m| m.display(lang)),
            allocated: allocated.display(lang),
            over: formula.is_some_and(|f| allocated > f),
        },
        loaded,
    })
}

/// Who saved a section, goal or evaluation last and when, in words; `None` before the first
/// save.
pub fn mark_words(mark: &store::VisionMark, lang: Lang) -> Option<String> {
    let t = Tr(lang);
    (mark.revision > 0).then(|| {
        t.args(
            "vision-last-changed",
            &[
                (
                    "by",
                    &mark
                        .by
                        .clone()
                        .unwrap_or_else(|| t.get("plan-former-colleague")),
                ),
                ("date", &crate::ui::dates::day(mark.at, lang)),
            ],
        )
    })
}

pub fn goal_view(goal: &Goal, lang: Lang) -> GoalView {
    GoalView {
        goal: goal.goal.to_string(),
        indicator: goal.indicator.to_string(),
        target: goal.target.to_string(),
        owner: goal.owner.to_string(),
        evaluate_on: written(goal.evaluate_on, lang),
    }
}

/// The words of a linked statement: from the school's framework, else as kept with the
/// version, else its code alone.
fn link_text(code: &Code, edition: &Edition, kept: &HashMap<Code, Text>, lang: Lang) -> String {
    edition
        .statement(code.as_str())
        .map(|s| s.text.shown(lang).to_owned())
        .or_else(|| kept.get(code).map(|t| t.shown(lang).to_owned()))
        .unwrap_or_default()
}

/// The sections of a vision, with the practice beside the links when it is given. `edition`
/// is the school's current framework (a link outside it is marked as gone).
pub fn sections(
    vision: &Vision,
    edition: &Edition,
    kept: &HashMap<Code, Text>,
    practice_of: Option<&Practice>,
    lang: Lang,
) -> Vec<SectionView> {
    let t = Tr(lang);
    let nobody = t.get("vision-nobody-yet");
    Section::ALL
        .into_iter()
        .map(|section| {
            let text = vision.section(section);
            let shown = match practice_of {
                Some(p) => practice(
                    &text.links,
                    edition,
                    &p.loaded.tasks,
                    &p.loaded.data.assignments,
                ),
                None => practice(&text.links, edition, &[], &[]),
            };
            let links = shown
                .into_iter()
                .map(|link| {
                    let names = |parties: &[domain::allocation::Party]| match practice_of {
                        Some(p) if !parties.is_empty() => parties
                            .iter()
                            .map(|party| {
                                party_name(party, &p.loaded.names, lang, &p.loaded.edition)
                            })
                            .collect::<Vec<_>>()
                            .join(", "),
                        _ => nobody.clone(),
                    };
                    LinkView {
                        text: link_text(&link.code, edition, kept, lang),
                        code: link.code.to_string(),
                        gone: !link.in_framework,
                        practice: match (practice_of, link.task) {
                            (Some(_), Some(task)) => Some(TaskView {
                                open: task.responsible.is_empty(),
                                responsible: names(&task.responsible),
                                carries_out: names(&task.carries_out),
                                hours: task.hours.map_or_else(
                                    || t.get("vision-no-hours"),
                                    |m: Minutes| m.display(lang),
                                ),
                            }),
                            _ => None,
                        },
                    }
                })
                .collect();
            SectionView {
                code: section.code(),
                name: section.name(lang),
                paragraphs: text.body.paragraphs(),
                links,
                goals: vision
                    .goals_of(section)
                    .map(|g| goal_view(g, lang))
                    .collect(),
            }
        })
        .collect()
}
