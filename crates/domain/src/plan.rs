//! A person's development plan (*ontwikkelplan*) in a school: goals in their own words, each
//! linked to statements of the framework (or to none), with why, the support needed, a
//! conversation partner, a target date, actions with a status, and a reflection when done.
//!
//! A plan is its owner's alone. It lives through the rounds: a goal remembers the round it
//! was made in, so that a later round can show how its statements were answered then and
//! now. Nothing here is a score: a goal is *lopend*, *afgerond* or *gestopt*, never passed
//! or failed.

use std::fmt;

use uuid::Uuid;

use crate::account::UserId;
use crate::framework::Date;
use crate::scan::{Choice, Note, ScanContent, parse_date};
use crate::{Code, Edition, Kind, Lang, Role, Statement};

/// The most statements one goal links to.
pub const MAX_GOAL_STATEMENTS: usize = 10;
/// The most goals a plan holds; more is no longer a plan one keeps looking at.
pub const MAX_GOALS: usize = 60;
/// The most actions a goal holds.
pub const MAX_ACTIONS: usize = 30;
/// The longest why, support or reflection, in characters.
pub const GOAL_NOTE_MAX: usize = 2000;

/// A goal's identity: random, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GoalId(pub Uuid);

/// An action's identity: random, never reused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActionId(pub Uuid);

impl fmt::Display for GoalId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Display for ActionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Where a goal stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    /// *lopend*: being worked on.
    #[default]
    Open,
    /// *afgerond*: reached, as far as its owner is concerned.
    Done,
    /// *gestopt*: no longer pursued (a choice, not a failure).
    Stopped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [GoalStatus::Open, GoalStatus::Done, GoalStatus::Stopped];

    /// The stored and posted code.
    pub const fn code(self) -> &'static str {
        match self {
            GoalStatus::Open => "lopend",
            GoalStatus::Done => "afgerond",
            GoalStatus::Stopped => "gestopt",
        }
    }

    pub fn parse(code: &str) -> Option<GoalStatus> {
        GoalStatus::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (GoalStatus::Open, Lang::Nl) => "lopend",
            (GoalStatus::Open, Lang::En) => "ongoing",
            (GoalStatus::Done, Lang::Nl) => "afgerond",
            (GoalStatus::Done, Lang::En) => "completed",
            (GoalStatus::Stopped, Lang::Nl) => "gestopt",
            (GoalStatus::Stopped, Lang::En) => "stopped",
        }
    }
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ActionStatus {
    /// *gepland*
    #[default]
    Planned,
    /// *bezig*
    Busy,
    /// *gedaan*
    Done,
    /// *gestopt*
    Stopped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Planned,
        ActionStatus::Busy,
        ActionStatus::Done,
        ActionStatus::Stopped,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            ActionStatus::Planned => "gepland",
            ActionStatus::Busy => "bezig",
            ActionStatus::Done => "gedaan",
            ActionStatus::Stopped => "gestopt",
        }
    }

    pub fn parse(code: &str) -> Option<ActionStatus> {
        ActionStatus::ALL
            .into_iter()
            .find(|s| s.code() == code.trim())
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ActionStatus::Planned, Lang::Nl) => "gepland",
            (ActionStatus::Planned, Lang::En) => "planned",
            (ActionStatus::Busy, Lang::Nl) => "bezig",
            (ActionStatus::Busy, Lang::En) => "in progress",
            (ActionStatus::Done, Lang::Nl) => "gedaan",
            (ActionStatus::Done, Lang::En) => "done",
            (ActionStatus::Stopped, Lang::Nl) => "gestopt",
            (ActionStatus::Stopped, Lang::En) => "stopped",
        }
    }

    /// Whether the action is still to be done.
    pub const fn is_open(self) -> bool {
        matches!(self, ActionStatus::Planned | ActionStatus::Busy)
    }
}

/// A short text of one's own: a goal in one's own words, an action, an agreement. Trimmed,
/// 1 to `max` characters, no control characters (line breaks neither: it is one line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line(String);

impl Line {
    /// A goal's *what*, an action: at most this many characters.
    pub const MAX: usize = 300;

    pub fn parse(input: &str, max: usize) -> Result<Line, PlanInputError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PlanInputError::Empty);
        }
        let length = trimmed.chars().count();
        if length > max {
            return Err(PlanInputError::TooLong { max, length });
        }
        if trimmed.chars().any(char::is_control) {
            return Err(PlanInputError::ControlCharacters);
        }
        Ok(Line(trimmed.to_owned()))
    }

    /// A line as the store kept it (it was parsed when it was saved).
    pub fn from_stored(text: &str) -> Line {
        Line(text.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who a person talks with about their plan: a colleague of the same school (who can be
/// given the plan to read), or someone named in words, such as *teamleider*.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Partner {
    Colleague(UserId),
    Named(Line),
}

impl Partner {
    /// The longest name in words.
    pub const NAME_MAX: usize = 80;

    /// The colleague, if the partner is one.
    pub fn colleague(&self) -> Option<UserId> {
        match self {
            Partner::Colleague(id) => Some(*id),
            Partner::Named(_) => None,
        }
    }

    /// A partner as a form sends it: `persoon:UUID` for a colleague (who must be one of
    /// `colleagues`, active members of the school other than the owner), or a name typed in
    /// `named` when the choice is `anders` or empty. Nothing chosen and nothing typed: none.
    pub fn parse(
        choice: &str,
        named: &str,
        colleagues: &[UserId],
    ) -> Result<Option<Partner>, PlanInputError> {
        let choice = choice.trim();
        if let Some(id) = choice.strip_prefix("persoon:") {
            let id = Uuid::parse_str(id)
                .map(UserId)
                .map_err(|_| PlanInputError::NotAColleague)?;
            return if colleagues.contains(&id) {
                Ok(Some(Partner::Colleague(id)))
            } else {
                Err(PlanInputError::NotAColleague)
            };
        }
        if !choice.is_empty() && choice != "anders" {
            return Err(PlanInputError::NotAColleague);
        }
        if named.trim().is_empty() {
            return Ok(None);
        }
        Line::parse(named, Partner::NAME_MAX).map(|name| Some(Partner::Named(name)))
    }
}

/// One step towards a goal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub id: ActionId,
    pub text: Line,
    pub status: ActionStatus,
    /// When it is meant to be done by.
    pub due: Option<Date>,
    /// The conversation whose agreement it came from, if it did.
    pub conversation: Option<Uuid>,
}

/// One goal of a plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub id: GoalId,
    /// The goal in the owner's own words.
    pub what: Line,
    pub why: Option<Note>,
    /// Statements of the framework the goal is about, by code; empty for a goal of one's own.
    pub statements: Vec<Code>,
    pub support: Option<Note>,
    pub partner: Option<Partner>,
    pub target: Option<Date>,
    pub status: GoalStatus,
    /// Evidence or a reflection, when done (or stopped).
    pub reflection: Option<Note>,
    pub actions: Vec<Action>,
    /// The round the goal was made in, to compare its statements' answers with later.
    pub round: Option<Uuid>,
    /// The day the goal was made: a target date may not lie before it.
    pub made_on: Date,
    /// Counts every change, so that a form from an older page is noticed.
    pub revision: i64,
}

impl Goal {
    /// The actions still to be done.
    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.status.is_open())
    }
}

/// What the goal form says about a goal, checked. `made_on` is the day the goal was (or is
/// being) made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalFields {
    pub what: Line,
    pub why: Option<Note>,
    pub statements: Vec<Code>,
    pub support: Option<Note>,
    pub partner: Option<Partner>,
    pub target: Option<Date>,
    pub status: GoalStatus,
    pub reflection: Option<Note>,
}

/// The goal form as sent: every field as text. Statements are codes, one per field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoalForm<'a> {
    pub what: &'a str,
    pub why: &'a str,
    pub statements: Vec<&'a str>,
    pub support: &'a str,
    pub partner: &'a str,
    pub partner_named: &'a str,
    pub target: &'a str,
    pub status: &'a str,
    pub reflection: &'a str,
}

/// A problem with one field of a form: the field's name and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: &'static str,
    pub error: PlanInputError,
}

impl GoalForm<'_> {
    /// Checks every field and names every problem: statements must be in `edition` (the
    /// edition of the person's round), a colleague partner one of `colleagues`, and a target
    /// date not before `made_on` (or before `today` when the goal is new) — unless the
    /// target is the one the goal has already (`kept_target`), which may have passed.
    pub fn check(
        &self,
        edition: &Edition,
        colleagues: &[UserId],
        made_on: Date,
        kept_target: Option<Date>,
    ) -> Result<GoalFields, Vec<FieldProblem>> {
        let mut problems = Vec::new();
        let note = |field: &'static str, text: &str, problems: &mut Vec<FieldProblem>| {
            Note::parse(text, GOAL_NOTE_MAX).unwrap_or_else(|e| {
                problems.push(FieldProblem {
                    field,
                    error: PlanInputError::Note(e.message(Lang::Nl), e.message(Lang::En)),
                });
                None
            })
        };
        let why = note("why", self.why, &mut problems);
        let support = note("support", self.support, &mut problems);
        let reflection = note("reflection", self.reflection, &mut problems);
        let what = Line::parse(self.what, Line::MAX)
            .map_err(|error| {
                problems.push(FieldProblem {
                    field: "what",
                    error,
                })
            })
            .ok();
        let mut statements: Vec<Code> = Vec::new();
        for code in self
            .statements
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
        {
            match edition.statement(code) {
                Some(s) if !statements.contains(&s.code) => statements.push(s.code.clone()),
                Some(_) => {}
                None => problems.push(FieldProblem {
                    field: "statements",
                    error: PlanInputError::UnknownStatement(code.chars().take(40).collect()),
                }),
            }
        }
        if statements.len() > MAX_GOAL_STATEMENTS {
            problems.push(FieldProblem {
                field: "statements",
                error: PlanInputError::TooManyStatements {
                    max: MAX_GOAL_STATEMENTS,
                },
            });
        }
        let partner = Partner::parse(self.partner, self.partner_named, colleagues)
            .map_err(|error| {
                problems.push(FieldProblem {
                    field: "partner",
                    error,
                })
            })
            .ok()
            .flatten();
        let target = if self.target.trim().is_empty() {
            None
        } else {
            match parse_date(self.target) {
                Ok(date) if Some(date) != kept_target && date < made_on => {
                    problems.push(FieldProblem {
                        field: "target",
                        error: PlanInputError::TargetBeforeStart(made_on),
                    });
                    None
                }
                Ok(date) => Some(date),
                Err(_) => {
                    problems.push(FieldProblem {
                        field: "target",
                        error: PlanInputError::BadDate(
                            self.target.trim().chars().take(20).collect(),
                        ),
                    });
                    None
                }
            }
        };
        let status = if self.status.trim().is_empty() {
            GoalStatus::Open
        } else {
            GoalStatus::parse(self.status).unwrap_or_else(|| {
                problems.push(FieldProblem {
                    field: "status",
                    error: PlanInputError::UnknownStatus,
                });
                GoalStatus::Open
            })
        };
        match what {
            Some(what) if problems.is_empty() => Ok(GoalFields {
                what,
                why,
                statements,
                support,
                partner,
                target,
                status,
                reflection,
            }),
            _ => Err(problems),
        }
    }
}

/// What the action form says, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionFields {
    pub text: Line,
    pub status: ActionStatus,
    pub due: Option<Date>,
}

/// Checks an action for a goal: its date may not lie after the goal's target date, nor
/// before the day the goal was made.
pub fn check_action(
    text: &str,
    status: &str,
    due: &str,
    goal: &Goal,
) -> Result<ActionFields, Vec<FieldProblem>> {
    let mut problems = Vec::new();
    let text = Line::parse(text, Line::MAX)
        .map_err(|error| {
            problems.push(FieldProblem {
                field: "action",
                error,
            })
        })
        .ok();
    let status = if status.trim().is_empty() {
        ActionStatus::Planned
    } else {
        ActionStatus::parse(status).unwrap_or_else(|| {
            problems.push(FieldProblem {
                field: "action-status",
                error: PlanInputError::UnknownStatus,
            });
            ActionStatus::Planned
        })
    };
    let due = if due.trim().is_empty() {
        None
    } else {
        match parse_date(due) {
            Ok(date) => {
                if goal.target.is_some_and(|target| date > target) {
                    problems.push(FieldProblem {
                        field: "due",
                        error: PlanInputError::ActionAfterTarget(goal.target.unwrap_or(date)),
                    });
                } else if date < goal.made_on {
                    problems.push(FieldProblem {
                        field: "due",
                        error: PlanInputError::TargetBeforeStart(goal.made_on),
                    });
                }
                Some(date)
            }
            Err(_) => {
                problems.push(FieldProblem {
                    field: "due",
                    error: PlanInputError::BadDate(due.trim().chars().take(20).collect()),
                });
                None
            }
        }
    };
    match text {
        Some(text) if problems.is_empty() => Ok(ActionFields { text, status, due }),
        _ => Err(problems),
    }
}

/// A statement offered as the start of a goal: the person said they want to develop it or
/// take it up (*wil ik ontwikkelen*, *wil ik oppakken*) and no open goal is about it yet.
/// Offered, never added by itself.
pub fn suggestions<'e>(
    edition: &'e Edition,
    roles: &[Role],
    content: &ScanContent,
    goals: &[Goal],
) -> Vec<&'e Statement> {
    let covered = |code: &Code| {
        goals
            .iter()
            .filter(|g| g.status == GoalStatus::Open)
            .any(|g| g.statements.contains(code))
    };
    edition
        .statements()
        .iter()
        .filter(|s| roles.contains(&s.role))
        .filter(|s| content.choice(&s.code) == Some(Choice::Develop))
        .filter(|s| !covered(&s.code))
        .collect()
}

/// How one linked statement was answered in the round the goal was made in, and now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThenAndNow<'e> {
    pub code: Code,
    /// The statement in the current round's edition (`None`: no longer in it).
    pub statement: Option<&'e Statement>,
    pub then: Option<Choice>,
    pub now: Option<Choice>,
}

/// For a goal made in an earlier round: each linked statement's answer then (`before`, the
/// scan of the goal's round) and now (`content`, the scan of the current round).
pub fn then_and_now<'e>(
    goal: &Goal,
    edition: &'e Edition,
    before: &ScanContent,
    content: &ScanContent,
) -> Vec<ThenAndNow<'e>> {
    goal.statements
        .iter()
        .map(|code| ThenAndNow {
            code: code.clone(),
            statement: edition.statement(code.as_str()),
            then: before.choice(code),
            now: content.choice(code),
        })
        .collect()
}

/// The kind of a linked statement, for the scale's words (a task unless the edition says
/// otherwise).
pub fn kind_of(edition: &Edition, code: &Code) -> Kind {
    edition
        .statement(code.as_str())
        .map_or(Kind::Task, |s| s.kind)
}

/// What can be wrong with a plan, a goal, an action or a conversation as a person sends it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanInputError {
    #[error("the field is empty")]
    Empty,
    #[error("at most {max} characters; this has {length}")]
    TooLong { max: usize, length: usize },
    #[error("the text contains control characters")]
    ControlCharacters,
    #[error("{1}")]
    Note(String, String),
    #[error("'{0}' is not a statement of the framework")]
    UnknownStatement(String),
    #[error("a goal links to at most {max} statements")]
    TooManyStatements { max: usize },
    #[error("the partner is no active colleague of this school")]
    NotAColleague,
    #[error("'{0}' is not a date")]
    BadDate(String),
    #[error("the date lies before {0}")]
    TargetBeforeStart(Date),
    #[error("the date lies after the goal's target date {0}")]
    ActionAfterTarget(Date),
    #[error("unknown status")]
    UnknownStatus,
    #[error("a plan holds at most {max} goals")]
    TooManyGoals { max: usize },
    #[error("a goal holds at most {max} actions")]
    TooManyActions { max: usize },
    #[error("at most {max} minutes")]
    TooManyMinutes { max: u32 },
    #[error("'{0}' is not a number of minutes")]
    BadMinutes(String),
    #[error("a meeting has at most {max} topics")]
    TooManyTopics { max: usize },
}

/// A date as people write it in Dutch (`25-11-2026`) or English (`25/11/2026`).
pub fn written(date: Date, lang: Lang) -> String {
    let (y, m, d) = (date.year(), date.month(), date.day());
    match lang {
        Lang::Nl => format!("{d}-{m}-{y}"),
        Lang::En => format!("{d}/{m}/{y}"),
    }
}

impl PlanInputError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlanInputError::Empty, Lang::Nl) => "Vul dit veld in.".to_owned(),
            (PlanInputError::Empty, Lang::En) => "Please fill in this field.".to_owned(),
            (PlanInputError::TooLong { max, length }, Lang::Nl) => {
                format!("Hoogstens {max} tekens; dit zijn er {length}. Maak het korter.")
            }
            (PlanInputError::TooLong { max, length }, Lang::En) => {
                format!("At most {max} characters; this has {length}. Please shorten it.")
            }
            (PlanInputError::ControlCharacters, Lang::Nl) => {
                "De tekst bevat onzichtbare stuurtekens. Typ hem opnieuw.".to_owned()
            }
            (PlanInputError::ControlCharacters, Lang::En) => {
                "The text contains invisible control characters. Please type it again.".to_owned()
            }
            (PlanInputError::Note(nl, _), Lang::Nl) => nl.clone(),
            (PlanInputError::Note(_, en), Lang::En) => en.clone(),
            (PlanInputError::UnknownStatement(c), Lang::Nl) => format!(
                "‘{c}’ staat niet in het raamwerk van je ronde. Kies een uitspraak uit de lijst."
            ),
            (PlanInputError::UnknownStatement(c), Lang::En) => format!(
                "‘{c}’ is not in your round's framework. Choose a statement from the list."
            ),
            (PlanInputError::TooManyStatements { max }, Lang::Nl) => {
                format!("Een doel gaat over hoogstens {max} uitspraken. Maak er twee doelen van.")
            }
            (PlanInputError::TooManyStatements { max }, Lang::En) => {
                format!("A goal is about at most {max} statements. Make it two goals.")
            }
            (PlanInputError::NotAColleague, Lang::Nl) => {
                "Deze gesprekspartner is geen actieve collega van deze school (meer). Kies iemand uit de lijst, of schrijf een naam of functie, zoals ‘teamleider’.".to_owned()
            }
            (PlanInputError::NotAColleague, Lang::En) => {
                "This conversation partner is not (or no longer) an active colleague at this school. Choose someone from the list, or write a name or position, such as ‘team leader’.".to_owned()
            }
            (PlanInputError::BadDate(v), Lang::Nl) => {
                format!("‘{v}’ is geen datum; schrijf bijvoorbeeld 25-11-2026.")
            }
            (PlanInputError::BadDate(v), Lang::En) => {
                format!("‘{v}’ is not a date; write for example 25/11/2026.")
            }
            (PlanInputError::TargetBeforeStart(d), Lang::Nl) => format!(
                "Deze datum ligt vóór {}, de dag waarop het doel begon. Kies een latere datum.",
                written(*d, lang)
            ),
            (PlanInputError::TargetBeforeStart(d), Lang::En) => format!(
                "This date lies before {}, the day the goal began. Choose a later date.",
                written(*d, lang)
            ),
            (PlanInputError::ActionAfterTarget(d), Lang::Nl) => format!(
                "Deze datum ligt na {}, de streefdatum van het doel. Kies een eerdere datum of verschuif eerst de streefdatum.",
                written(*d, lang)
            ),
            (PlanInputError::ActionAfterTarget(d), Lang::En) => format!(
                "This date lies after {}, the goal's target date. Choose an earlier date or move the target date first.",
                written(*d, lang)
            ),
            (PlanInputError::UnknownStatus, Lang::Nl) => {
                "Kies een stand uit de lijst.".to_owned()
            }
            (PlanInputError::UnknownStatus, Lang::En) => {
                "Choose a status from the list.".to_owned()
            }
            (PlanInputError::TooManyGoals { max }, Lang::Nl) => format!(
                "Een plan heeft hoogstens {max} doelen. Rond er een af of stop ermee en haal het weg."
            ),
            (PlanInputError::TooManyGoals { max }, Lang::En) => format!(
                "A plan holds at most {max} goals. Complete or stop one and remove it."
            ),
            (PlanInputError::TooManyActions { max }, Lang::Nl) => {
                format!("Een doel heeft hoogstens {max} acties.")
            }
            (PlanInputError::TooManyActions { max }, Lang::En) => {
                format!("A goal holds at most {max} actions.")
            }
            (PlanInputError::TooManyMinutes { max }, Lang::Nl) => {
                format!("Hoogstens {max} minuten.")
            }
            (PlanInputError::TooManyMinutes { max }, Lang::En) => {
                format!("At most {max} minutes.")
            }
            (PlanInputError::BadMinutes(v), Lang::Nl) => {
                format!("‘{v}’ is geen aantal minuten; schrijf een heel getal, zoals 10.")
            }
            (PlanInputError::BadMinutes(v), Lang::En) => {
                format!("‘{v}’ is not a number of minutes; write a whole number, such as 10.")
            }
            (PlanInputError::TooManyTopics { max }, Lang::Nl) => {
                format!("Een overleg heeft hoogstens {max} onderwerpen. Kies er minder.")
            }
            (PlanInputError::TooManyTopics { max }, Lang::En) => {
                format!("A meeting has at most {max} topics. Choose fewer.")
            }
        }
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
