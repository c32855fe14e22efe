//! The yearly quality cycle of career guidance: a school year in four phases — plan (August to
//! October: the vision, the work plans, who does what), do (November to February), check
//! (March to May: a scan round, the student survey, and each goal evaluated) and act (June and July: the
//! adjustments carried into next year's vision and work plans) — with what is due in each,
//! read from what the school has done; and a goal's evaluation (the indicator's result, what
//! went well, what to adjust).

use crate::allocation::SchoolYear;
use crate::framework::Date;
use crate::lang::Lang;
use crate::plan::{Line, PlanInputError};
use crate::vision::Body;

/// The longest indicator result.
pub const RESULT_MAX: usize = 300;
/// The longest "what went well" or "what to adjust".
pub const REFLECTION_MAX: usize = 4000;

/// A phase of the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Phase {
    Plan,
    Do,
    Check,
    Act,
}

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::Plan, Phase::Do, Phase::Check, Phase::Act];

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Phase::Plan, Lang::Nl) => "Plannen",
            (Phase::Plan, Lang::En) => "Plan",
            (Phase::Do, Lang::Nl) => "Uitvoeren",
            (Phase::Do, Lang::En) => "Do",
            (Phase::Check, Lang::Nl) => "Evalueren",
            (Phase::Check, Lang::En) => "Check",
            (Phase::Act, Lang::Nl) => "Bijstellen",
            (Phase::Act, Lang::En) => "Act",
        }
    }

    /// The phase's first and last day in a school year.
    pub fn span(self, year: SchoolYear) -> (Date, Date) {
        let first = year.starts();
        let next = first.saturating_add(1);
        let day = |y: u16, m: u8, d: u8| Date::new(y, m, d).unwrap_or(Date::MIN);
        let february_end = if Date::new(next, 2, 29).is_some() {
            29
        } else {
            28
        };
        match self {
            Phase::Plan => (day(first, 8, 1), day(first, 10, 31)),
            Phase::Do => (day(first, 11, 1), day(next, 2, february_end)),
            Phase::Check => (day(next, 3, 1), day(next, 5, 31)),
            Phase::Act => (day(next, 6, 1), day(next, 7, 31)),
        }
    }

    /// The phase a day falls in.
    pub fn of(date: Date) -> Phase {
        match date.month() {
            8..=10 => Phase::Plan,
            11 | 12 | 1 | 2 => Phase::Do,
            3..=5 => Phase::Check,
            _ => Phase::Act,
        }
    }
}

/// What the school has done in a school year, as far as the cycle asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct YearFacts {
    /// A version of the vision was published before the year ended.
    pub vision: bool,
    /// Work plans for the year.
    pub work_plans: usize,
    /// Tasks of the school's framework nobody is responsible for in the year's allocation.
    pub tasks_open: usize,
    /// A scan round started in the check phase.
    pub spring_round: bool,
    /// Answers to the year's student surveys.
    pub survey_answers: usize,
    /// Goals of the vision, and how many of them have an evaluation for the year.
    pub goals: usize,
    pub evaluated: usize,
    /// Evaluations with something to adjust, and how many of those were carried over.
    pub adjustments: usize,
    pub carried: usize,
}

/// Something the cycle asks in a phase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    PublishVision,
    MakeWorkPlans,
    AllocateTasks,
    CarryOut,
    SpringRound,
    StudentSurvey,
    EvaluateGoals,
    CarryOver,
}

/// A task of the cycle with whether it is done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub phase: Phase,
    pub task: Task,
    pub done: bool,
}

impl Task {
    /// What is asked, in words, with the figures that say how far it is.
    pub fn describe(self, facts: &YearFacts, lang: Lang) -> String {
        match (self, lang) {
            (Task::PublishVision, Lang::Nl) => "De visie is vastgesteld.".to_owned(),
            (Task::PublishVision, Lang::En) => "The vision is published.".to_owned(),
            (Task::MakeWorkPlans, Lang::Nl) => {
                format!("Teams maken hun werkplan ({} gemaakt).", facts.work_plans)
            }
            (Task::MakeWorkPlans, Lang::En) => {
                format!("Teams make their work plan ({} made).", facts.work_plans)
            }
            (Task::AllocateTasks, Lang::Nl) => format!(
                "Elke taak heeft iemand die verantwoordelijk is ({} nog zonder).",
                facts.tasks_open
            ),
            (Task::AllocateTasks, Lang::En) => format!(
                "Every task has someone responsible ({} still without).",
                facts.tasks_open
            ),
            (Task::CarryOut, Lang::Nl) => {
                "De teams voeren hun werkplan uit; de activiteiten staan in de werkplannen."
                    .to_owned()
            }
            (Task::CarryOut, Lang::En) => {
                "The teams carry out their work plans; the activities are in the plans.".to_owned()
            }
            (Task::SpringRound, Lang::Nl) => {
                "Een scanronde in het voorjaar laat zien wat er veranderde.".to_owned()
            }
            (Task::SpringRound, Lang::En) => {
                "A scan round in spring shows what changed.".to_owned()
            }
            (Task::StudentSurvey, Lang::Nl) => format!(
                "De leerlingen geven hun oordeel in de leerlingenenquête ({} antwoorden).",
                facts.survey_answers
            ),
            (Task::StudentSurvey, Lang::En) => format!(
                "The students give their view in the student survey ({} answers).",
                facts.survey_answers
            ),
            (Task::EvaluateGoals, Lang::Nl) => format!(
                "Elk doel is geëvalueerd ({} van {}).",
                facts.evaluated, facts.goals
            ),
            (Task::EvaluateGoals, Lang::En) => format!(
                "Every goal is evaluated ({} of {}).",
                facts.evaluated, facts.goals
            ),
            (Task::CarryOver, Lang::Nl) => format!(
                "De bijstellingen zijn meegenomen naar het concept van de visie ({} van {}).",
                facts.carried, facts.adjustments
            ),
            (Task::CarryOver, Lang::En) => format!(
                "The adjustments are carried into the vision's draft ({} of {}).",
                facts.carried, facts.adjustments
            ),
        }
    }
}

/// What the cycle asks in each phase of a school year, and what of it is done.
pub fn due(facts: &YearFacts) -> Vec<Due> {
    let item = |phase, task, done| Due { phase, task, done };
    vec![
        item(Phase::Plan, Task::PublishVision, facts.vision),
        item(Phase::Plan, Task::MakeWorkPlans, facts.work_plans > 0),
        item(Phase::Plan, Task::AllocateTasks, facts.tasks_open == 0),
        item(Phase::Do, Task::CarryOut, facts.work_plans > 0),
        item(Phase::Check, Task::SpringRound, facts.spring_round),
        item(Phase::Check, Task::StudentSurvey, facts.survey_answers > 0),
        item(
            Phase::Check,
            Task::EvaluateGoals,
            facts.goals > 0 && facts.evaluated >= facts.goals,
        ),
        item(
            Phase::Act,
            Task::CarryOver,
            facts.evaluated > 0 && facts.carried >= facts.adjustments,
        ),
    ]
}

/// A goal's evaluation for a school year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evaluation {
    /// What the indicator showed.
    pub result: Line,
    pub went_well: Body,
    /// What to adjust (empty: nothing).
    pub adjust: Body,
}

/// A field of an evaluation, to say which one was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EvaluationField {
    Result,
    WentWell,
    Adjust,
}

impl EvaluationField {
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (EvaluationField::Result, Lang::Nl) => "Resultaat",
            (EvaluationField::Result, Lang::En) => "Result",
            (EvaluationField::WentWell, Lang::Nl) => "Wat ging goed",
            (EvaluationField::WentWell, Lang::En) => "What went well",
            (EvaluationField::Adjust, Lang::Nl) => "Wat stellen we bij",
            (EvaluationField::Adjust, Lang::En) => "What we adjust",
        }
    }
}

/// Why an evaluation was refused: the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field:?}: {error}")]
pub struct EvaluationError {
    pub field: EvaluationField,
    pub error: PlanInputError,
}

impl EvaluationError {
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.field.name(lang), self.error.message(lang))
    }
}

impl Evaluation {
    /// An evaluation as typed: the result is required, the rest may be empty.
    pub fn parse(
        result: &str,
        went_well: &str,
        adjust: &str,
    ) -> Result<Evaluation, EvaluationError> {
        let field = |field| move |error| EvaluationError { field, error };
        Ok(Evaluation {
            result: Line::parse(result, RESULT_MAX).map_err(field(EvaluationField::Result))?,
            went_well: Body::parse_within(went_well, REFLECTION_MAX)
                .map_err(field(EvaluationField::WentWell))?,
            adjust: Body::parse_within(adjust, REFLECTION_MAX)
                .map_err(field(EvaluationField::Adjust))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year() -> SchoolYear {
        SchoolYear::parse("2027-2028").expect("year")
    }

    #[test]
    fn the_phases_cover_the_school_year_without_gap_or_overlap() {
        let spans: Vec<(Date, Date)> = Phase::ALL.iter().map(|p| p.span(year())).collect();
        assert_eq!(spans[0].0, Date::new(2027, 8, 1).expect("date"));
        assert_eq!(spans[3].1, Date::new(2028, 7, 31).expect("date"));
        // 2028 is a leap year: the do phase ends on 29 February.
        assert_eq!(spans[1].1, Date::new(2028, 2, 29).expect("date"));
        assert_eq!(
            Phase::Do
                .span(SchoolYear::parse("2026-2027").expect("year"))
                .1,
            Date::new(2027, 2, 28).expect("date")
        );
        for (phase, (first, last)) in Phase::ALL.iter().zip(&spans) {
            assert_eq!(Phase::of(*first), *phase);
            assert_eq!(Phase::of(*last), *phase);
            assert!(first < last);
        }
        assert_eq!(Phase::of(Date::new(2027, 12, 6).expect("date")), Phase::Do);
        assert_eq!(Phase::of(Date::new(2028, 6, 1).expect("date")), Phase::Act);
    }

    #[test]
    fn what_is_due_follows_what_the_school_did() {
        let nothing = due(&YearFacts::default());
        assert_eq!(nothing.len(), 8);
        // Nothing is done, but a school with no tasks open has allocated them all.
        assert_eq!(
            nothing
                .iter()
                .filter(|d| d.done)
                .map(|d| d.task)
                .collect::<Vec<_>>(),
            vec![Task::AllocateTasks]
        );
        let facts = YearFacts {
            vision: true,
            work_plans: 2,
            tasks_open: 3,
            spring_round: true,
            survey_answers: 31,
            goals: 4,
            evaluated: 4,
            adjustments: 2,
            carried: 1,
        };
        let done: Vec<Task> = due(&facts)
            .iter()
            .filter(|d| d.done)
            .map(|d| d.task)
            .collect();
        assert_eq!(
            done,
            vec![
                Task::PublishVision,
                Task::MakeWorkPlans,
                Task::CarryOut,
                Task::SpringRound,
                Task::StudentSurvey,
                Task::EvaluateGoals
            ]
        );
        assert_eq!(
            Task::StudentSurvey.describe(&facts, Lang::Nl),
            "De leerlingen geven hun oordeel in de leerlingenenquête (31 antwoorden)."
        );
        assert_eq!(
            Task::EvaluateGoals.describe(&facts, Lang::Nl),
            "Elk doel is geëvalueerd (4 van 4)."
        );
        assert_eq!(
            Task::CarryOver.describe(&facts, Lang::En),
            "The adjustments are carried into the vision's draft (1 of 2)."
        );
    }

    #[test]
    fn an_evaluation_needs_a_result_and_keeps_paragraphs() {
        let e = Evaluation::parse(
            "82% had twee gesprekken",
            "De gesprekkenweek.\n\nOuders kwamen.",
            "",
        )
        .expect("valid");
        assert_eq!(e.went_well.paragraphs().len(), 2);
        assert!(e.adjust.is_empty());
        let refused = Evaluation::parse(" ", "", "").expect_err("no result");
        assert_eq!(refused.field, EvaluationField::Result);
        assert_eq!(refused.message(Lang::Nl), "Resultaat: Vul dit veld in.");
        let long = "x".repeat(REFLECTION_MAX + 1);
        assert_eq!(
            Evaluation::parse("ok", "", &long)
                .expect_err("too long")
                .field,
            EvaluationField::Adjust
        );
    }
}
