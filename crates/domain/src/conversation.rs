//! The one-to-one conversation (*gespreksleidraad*): an agenda in the four steps of a career
//! conversation — looking back, reflecting, looking ahead, action — built only from what the
//! owner chose to bring (statements flagged *wil ik bespreken*, open goals, what changed
//! since their previous round, their notes if they tick them), with a few open questions of
//! our own per step and time boxes. The owner edits it before sharing it with their partner;
//! afterwards either of them records agreements, which become actions in the owner's plan.
//!
//! The questions are suggestions. Nothing here counts, scores or ranks.

use std::fmt::Write as _;

use uuid::Uuid;

use crate::account::UserId;
use crate::framework::Date;
use crate::plan::{Goal, GoalStatus, Line, Partner, PlanInputError, written};
use crate::scan::{Choice, NoteKey, ScaleLabels, ScanContent, shifts, with_choice};
use crate::{Area, Edition, Kind, Lang, Role};

/// The steps of a career conversation, in their order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    /// *terugkijken*: what happened, what went well.
    LookBack,
    /// *reflecteren*: what it means, what matters to the person.
    Reflect,
    /// *vooruitkijken*: where the person wants to go.
    LookAhead,
    /// *actie*: the first steps and who does what.
    Act,
}

impl Step {
    pub const ALL: [Step; 4] = [Step::LookBack, Step::Reflect, Step::LookAhead, Step::Act];

    /// The stored and posted code.
    pub const fn code(self) -> &'static str {
        match self {
            Step::LookBack => "terugkijken",
            Step::Reflect => "reflecteren",
            Step::LookAhead => "vooruitkijken",
            Step::Act => "actie",
        }
    }

    pub fn parse(code: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.code() == code)
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Step::LookBack, Lang::Nl) => "Terugkijken",
            (Step::LookBack, Lang::En) => "Looking back",
            (Step::Reflect, Lang::Nl) => "Reflecteren",
            (Step::Reflect, Lang::En) => "Reflecting",
            (Step::LookAhead, Lang::Nl) => "Vooruitkijken",
            (Step::LookAhead, Lang::En) => "Looking ahead",
            (Step::Act, Lang::Nl) => "Actie",
            (Step::Act, Lang::En) => "Action",
        }
    }

    /// Open questions of our own that can help in this step: suggestions, never a list to
    /// work through.
    pub const fn questions(self, lang: Lang) -> [&'static str; 3] {
        match (self, lang) {
            (Step::LookBack, Lang::Nl) => [
                "Wat is er sinds de vorige keer gebeurd in je begeleiding van jongeren?",
                "Waar ben je tevreden over, en waaraan merk je dat?",
                "Wat liep anders dan je had gedacht?",
            ],
            (Step::LookBack, Lang::En) => [
                "What has happened in your guidance of young people since last time?",
                "What are you pleased with, and how can you tell?",
                "What went differently from what you expected?",
            ],
            (Step::Reflect, Lang::Nl) => [
                "Wat zegt dit over wat jij belangrijk vindt in loopbaanbegeleiding?",
                "Welke van je eigen antwoorden verraste je?",
                "Wat heb je van anderen nodig om te doen wat je wilt doen?",
            ],
            (Step::Reflect, Lang::En) => [
                "What does this say about what matters to you in career guidance?",
                "Which of your own answers surprised you?",
                "What do you need from others to do what you want to do?",
            ],
            (Step::LookAhead, Lang::Nl) => [
                "Waar wil je over een jaar staan?",
                "Wat wil je als eerste oppakken, en waarom juist dat?",
                "Wie in of buiten de school kan je daarbij helpen?",
            ],
            (Step::LookAhead, Lang::En) => [
                "Where do you want to be a year from now?",
                "What do you want to take up first, and why that?",
                "Who in or outside the school can help you with it?",
            ],
            (Step::Act, Lang::Nl) => [
                "Wat is een eerste kleine stap, en wanneer zet je die?",
                "Waaraan merk je dat het lukt?",
                "Wanneer spreken we elkaar weer?",
            ],
            (Step::Act, Lang::En) => [
                "What is a first small step, and when will you take it?",
                "How will you notice that it is working?",
                "When shall we talk again?",
            ],
        }
    }
}

/// The most minutes one step may take, and a whole conversation.
pub const STEP_MINUTES_MAX: u32 = 120;
/// A conversation's length when the owner does not say otherwise.
pub const DEFAULT_MINUTES: u32 = 45;
/// The longest text of one step's items, in characters.
pub const STEP_TEXT_MAX: usize = 4000;
/// The longest agreement, in characters.
pub const AGREEMENT_MAX: usize = 500;

/// One step of an agenda: its time box and what to talk about, one item a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaStep {
    pub step: Step,
    pub minutes: u32,
    pub items: Vec<String>,
}

impl AgendaStep {
    /// A step as the owner edits it: minutes as typed (empty: none), items one per line
    /// (empty lines dropped).
    pub fn parse(step: Step, minutes: &str, items: &str) -> Result<AgendaStep, PlanInputError> {
        let minutes = match minutes.trim() {
            "" => 0,
            m => m
                .parse::<u32>()
                .map_err(|_| PlanInputError::BadMinutes(m.chars().take(12).collect()))?,
        };
        if minutes > STEP_MINUTES_MAX {
            return Err(PlanInputError::TooManyMinutes {
                max: STEP_MINUTES_MAX,
            });
        }
        let normalised = items.replace("\r\n", "\n");
        let length = normalised.trim().chars().count();
        if length > STEP_TEXT_MAX {
            return Err(PlanInputError::TooLong {
                max: STEP_TEXT_MAX,
                length,
            });
        }
        if normalised
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(PlanInputError::ControlCharacters);
        }
        let items = normalised
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        Ok(AgendaStep {
            step,
            minutes,
            items,
        })
    }

    /// The items as the form shows them: one per line.
    pub fn text(&self) -> String {
        self.items.join("\n")
    }
}

/// What the owner brings to a conversation, from which the agenda is proposed.
#[derive(Clone, Copy, Debug)]
pub struct Sources<'a> {
    /// The edition of the owner's most recent scan, and the roles they hold.
    pub edition: &'a Edition,
    pub roles: &'a [Role],
    /// The owner's most recent scan.
    pub content: &'a ScanContent,
    /// The scan of their round before it, if there is one.
    pub before: Option<&'a ScanContent>,
    pub scale: &'a ScaleLabels,
    pub goals: &'a [Goal],
    /// Whether the owner's notes may be on the agenda.
    pub include_notes: bool,
    /// The whole conversation's length in minutes.
    pub minutes: u32,
}

/// The most items one step gets from the data; the owner adds or removes as they like.
const ITEMS_MAX: usize = 12;

/// The agenda proposed from what the owner brings: per step the items and a time box, the
/// time shared by how much each step has to talk about.
pub fn propose(sources: &Sources<'_>, lang: Lang) -> Vec<AgendaStep> {
    let Sources {
        edition,
        roles,
        content,
        before,
        scale,
        goals,
        include_notes,
        minutes,
    } = *sources;
    let label = |kind: Kind, choice: Option<Choice>| match (choice, lang) {
        (Some(c), _) => scale.label(kind, c, lang).to_owned(),
        (None, Lang::Nl) => "geen antwoord".to_owned(),
        (None, Lang::En) => "no answer".to_owned(),
    };
    let mut look_back = Vec::new();
    if let Some(before) = before {
        for shift in shifts(edition, roles, before, content) {
            let s = shift.statement;
            look_back.push(match lang {
                Lang::Nl => format!(
                    "{} {} — was ‘{}’, nu ‘{}’",
                    s.code,
                    s.text.shown(lang),
                    label(s.kind, shift.before),
                    label(s.kind, shift.now)
                ),
                Lang::En => format!(
                    "{} {} — was ‘{}’, now ‘{}’",
                    s.code,
                    s.text.shown(lang),
                    label(s.kind, shift.before),
                    label(s.kind, shift.now)
                ),
            });
        }
    }
    for goal in goals {
        match goal.status {
            GoalStatus::Done => look_back.push(match lang {
                Lang::Nl => format!("Afgerond doel: {}", goal.what),
                Lang::En => format!("Completed goal: {}", goal.what),
            }),
            GoalStatus::Open => {
                for action in goal
                    .actions
                    .iter()
                    .filter(|a| a.status == crate::plan::ActionStatus::Done)
                {
                    look_back.push(match lang {
                        Lang::Nl => format!("Gedaan: {} (doel: {})", action.text, goal.what),
                        Lang::En => format!("Done: {} (goal: {})", action.text, goal.what),
                    });
                }
            }
            GoalStatus::Stopped => {}
        }
    }

    let mut reflect = Vec::new();
    for s in edition
        .statements()
        .iter()
        .filter(|s| roles.contains(&s.role))
    {
        let Some(answer) = content.answer(&s.code) else {
            continue;
        };
        if !answer.discuss {
            continue;
        }
        let mut item = format!(
            "{} {} ({})",
            s.code,
            s.text.shown(lang),
            label(s.kind, answer.choice)
        );
        if include_notes && let Some(note) = &answer.note {
            let _ = write!(item, " — {}", note.as_str().replace('\n', " "));
        }
        reflect.push(item);
    }
    if include_notes {
        for &role in roles {
            for area in Area::ALL {
                for kind in Kind::ALL {
                    if let Some(note) = content.notes.get(&NoteKey::Focus(role, area, kind)) {
                        let place = format!(
                            "{} · {}",
                            edition.role(role).name.get(lang),
                            edition.area(area).name.get(lang)
                        );
                        reflect.push(format!("{place}: {}", note.as_str().replace('\n', " ")));
                    }
                }
            }
        }
    }

    let mut look_ahead = Vec::new();
    for goal in goals.iter().filter(|g| g.status == GoalStatus::Open) {
        look_ahead.push(match (goal.target, lang) {
            (Some(t), Lang::Nl) => {
                format!("Doel: {} (streefdatum {})", goal.what, written(t, lang))
            }
            (Some(t), Lang::En) => {
                format!("Goal: {} (target date {})", goal.what, written(t, lang))
            }
            (None, Lang::Nl) => format!("Doel: {}", goal.what),
            (None, Lang::En) => format!("Goal: {}", goal.what),
        });
    }
    for s in crate::plan::suggestions(edition, roles, content, goals) {
        look_ahead.push(format!(
            "{} {} ({})",
            s.code,
            s.text.shown(lang),
            label(s.kind, Some(Choice::Develop))
        ));
    }
    // The statements the person counts as their own strength, when nothing else is there
    // to look ahead from.
    if look_ahead.is_empty() {
        let strengths = roles
            .iter()
            .flat_map(|&role| with_choice(edition, content, role, Choice::Yes));
        for s in strengths.take(3) {
            look_ahead.push(format!("{} {}", s.code, s.text.shown(lang)));
        }
    }

    let mut act = Vec::new();
    for goal in goals.iter().filter(|g| g.status == GoalStatus::Open) {
        for action in goal.open_actions() {
            act.push(match (action.due, lang) {
                (Some(d), Lang::Nl) => format!(
                    "{} ({}, uiterlijk {}; doel: {})",
                    action.text,
                    action.status.name(lang),
                    written(d, lang),
                    goal.what
                ),
                (Some(d), Lang::En) => format!(
                    "{} ({}, by {}; goal: {})",
                    action.text,
                    action.status.name(lang),
                    written(d, lang),
                    goal.what
                ),
                (None, _) => format!(
                    "{} ({}; {}: {})",
                    action.text,
                    action.status.name(lang),
                    match lang {
                        Lang::Nl => "doel",
                        Lang::En => "goal",
                    },
                    goal.what
                ),
            });
        }
    }

    let items = [look_back, reflect, look_ahead, act].map(|mut items| {
        items.truncate(ITEMS_MAX);
        items
    });
    let boxes = time_boxes(&items.each_ref().map(Vec::len), minutes);
    Step::ALL
        .into_iter()
        .zip(items)
        .zip(boxes)
        .map(|((step, items), minutes)| AgendaStep {
            step,
            minutes,
            items,
        })
        .collect()
}

/// Shares `total` minutes over the four steps: each gets at least a fifth of an even share
/// (so no step is skipped), the rest in proportion to how many items it has. Whole minutes
/// that add up to `total` exactly.
pub fn time_boxes(items: &[usize; 4], total: u32) -> [u32; 4] {
    let shares = share_minutes(items, total);
    [shares[0], shares[1], shares[2], shares[3]]
}

/// Shares `total` minutes over parts by weight (how much each has to talk about): each part
/// gets at least a fifth of an even share, the rest in proportion to its weight plus one.
/// Whole minutes that add up to `total` exactly.
pub fn share_minutes(weights: &[usize], total: u32) -> Vec<u32> {
    let n = weights.len();
    if n == 0 {
        return Vec::new();
    }
    let parts = u32::try_from(n).unwrap_or(u32::MAX);
    let floor = total / parts.saturating_mul(5).max(1);
    let spare = total - floor * parts;
    let weight: Vec<u64> = weights.iter().map(|&w| w as u64 + 1).collect();
    let sum: u64 = weight.iter().sum();
    let mut boxes = vec![floor; n];
    let mut given = 0;
    for (b, w) in boxes.iter_mut().zip(&weight) {
        let share = u32::try_from(u64::from(spare) * w / sum).unwrap_or(0);
        *b += share;
        given += share;
    }
    // What rounding left goes to the parts with the most to talk about, one minute each.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(weight[i]));
    for i in order.into_iter().cycle().take((spare - given) as usize) {
        boxes[i] += 1;
    }
    boxes
}

/// An agreement made in a conversation: its text, the goal (and action) it became part of,
/// and who wrote it down (`None` once they have left).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub id: Uuid,
    pub text: Line,
    pub goal: Option<crate::plan::GoalId>,
    pub action: Option<crate::plan::ActionId>,
    pub author: Option<UserId>,
    /// Milliseconds since 1970 UTC.
    pub made_at: i64,
}

/// A conversation as it is kept: its owner (who prepared it; `None` once they deleted their
/// account, when only the agreements are left), the partner, the planned day, the agenda and
/// the agreements.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversation {
    pub id: Uuid,
    pub owner: Option<UserId>,
    pub partner: Option<Partner>,
    pub planned_on: Option<Date>,
    pub include_notes: bool,
    /// Whether the partner (a colleague) may read it.
    pub shared: bool,
    pub steps: Vec<AgendaStep>,
    pub agreements: Vec<Agreement>,
    /// Milliseconds since 1970 UTC.
    pub created_at: i64,
    pub revision: i64,
}

impl Conversation {
    /// Whether `user` may read it: its owner, or its colleague partner once it is shared.
    pub fn readable_by(&self, user: UserId) -> bool {
        self.owner == Some(user)
            || (self.shared && self.partner.as_ref().and_then(Partner::colleague) == Some(user))
    }

    /// The whole agenda's length in minutes.
    pub fn minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes).sum()
    }
}

#[cfg(test)]
#[path = "conversation_tests.rs"]
mod tests;
