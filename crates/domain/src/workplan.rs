//! A team's work plan (*werkplan*) for a school year, derived from the school's published
//! vision: the vision's goals the team takes up this year, and per goal the activities it
//! does, each with an owner and, when it has one, a date. The plan names the version it
//! derives from, so its goals read as that version worded them even after the vision moved on.

use std::collections::HashSet;

use uuid::Uuid;

use crate::framework::Date;
use crate::lang::Lang;
use crate::plan::{Line, PlanInputError};
use crate::vision::OWNER_MAX;

/// The longest title of a plan (a team's name, or a name of the school's own).
pub const TITLE_MAX: usize = 120;
/// The most activities one plan holds.
pub const ACTIVITIES_MAX: usize = 100;

/// An activity of a work plan: what the team does for a goal, who sees to it, and by when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Activity {
    pub id: Uuid,
    pub goal: Uuid,
    pub text: Line,
    pub owner: Line,
    pub due: Option<Date>,
}

/// A field of an activity, to say which one was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActivityField {
    Goal,
    Text,
    Owner,
    Due,
}

impl ActivityField {
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ActivityField::Goal, Lang::Nl) => "Doel",
            (ActivityField::Goal, Lang::En) => "Goal",
            (ActivityField::Text, Lang::Nl) => "Activiteit",
            (ActivityField::Text, Lang::En) => "Activity",
            (ActivityField::Owner, Lang::Nl) => "Eigenaar",
            (ActivityField::Owner, Lang::En) => "Owner",
            (ActivityField::Due, Lang::Nl) => "Klaar op",
            (ActivityField::Due, Lang::En) => "Done by",
        }
    }
}

/// Why an activity or a plan was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WorkPlanError {
    #[error("{field:?}: {error}")]
    Field {
        field: ActivityField,
        error: PlanInputError,
    },
    /// A goal that is not in the version the plan derives from (or not taken up in it).
    #[error("not a goal of this plan's vision")]
    UnknownGoal,
    #[error("no goal chosen")]
    NoGoals,
    #[error("the title: {0}")]
    Title(PlanInputError),
    #[error("not a school year")]
    Year,
}

impl WorkPlanError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (WorkPlanError::Field { field, error }, lang) => {
                format!("{}: {}", field.name(lang), error.message(lang))
            }
            (WorkPlanError::UnknownGoal, Lang::Nl) => {
                "Dit doel staat niet in de visie waar dit werkplan van uitgaat. Kies een doel uit de lijst.".to_owned()
            }
            (WorkPlanError::UnknownGoal, Lang::En) => {
                "This goal is not in the vision this work plan derives from. Choose a goal from the list.".to_owned()
            }
            (WorkPlanError::NoGoals, Lang::Nl) => {
                "Kies minstens één doel uit de visie dat het team dit jaar oppakt.".to_owned()
            }
            (WorkPlanError::NoGoals, Lang::En) => {
                "Choose at least one goal of the vision the team takes up this year.".to_owned()
            }
            (WorkPlanError::Title(e), Lang::Nl) => format!("Naam: {}", e.message(Lang::Nl)),
            (WorkPlanError::Title(e), Lang::En) => format!("Name: {}", e.message(Lang::En)),
            (WorkPlanError::Year, Lang::Nl) => "Kies een schooljaar uit de lijst.".to_owned(),
            (WorkPlanError::Year, Lang::En) => "Choose a school year from the list.".to_owned(),
        }
    }
}

/// An activity as typed in a form.
#[derive(Clone, Copy, Debug, Default)]
pub struct ActivityInput<'a> {
    pub goal: &'a str,
    pub text: &'a str,
    pub owner: &'a str,
    /// Empty for none; ISO as a date field sends it, or as people write it.
    pub due: &'a str,
}

impl ActivityInput<'_> {
    /// The activity, for one of the plan's goals (`goals`).
    pub fn parse(&self, goals: &[Uuid]) -> Result<Activity, WorkPlanError> {
        let field = |field: ActivityField| move |error| WorkPlanError::Field { field, error };
        let goal = Uuid::parse_str(self.goal.trim())
            .ok()
            .filter(|g| goals.contains(g))
            .ok_or(WorkPlanError::UnknownGoal)?;
        let text = Line::parse(self.text, Line::MAX).map_err(field(ActivityField::Text))?;
        let owner = Line::parse(self.owner, OWNER_MAX).map_err(field(ActivityField::Owner))?;
        let due = match self.due.trim() {
            "" => None,
            d => Some(
                crate::scan::parse_date(d)
                    .map_err(|_| PlanInputError::BadDate(d.chars().take(20).collect()))
                    .map_err(field(ActivityField::Due))?,
            ),
        };
        Ok(Activity {
            id: Uuid::new_v4(),
            goal,
            text,
            owner,
            due,
        })
    }
}

/// The goals a plan takes up, as ticked in a form: each must be a goal of the version the
/// plan derives from (`offered`), none twice, at least one; in the version's order.
pub fn chosen_goals(ticked: &[&str], offered: &[Uuid]) -> Result<Vec<Uuid>, WorkPlanError> {
    let mut wanted = HashSet::new();
    for raw in ticked {
        let id = Uuid::parse_str(raw.trim())
            .ok()
            .filter(|g| offered.contains(g))
            .ok_or(WorkPlanError::UnknownGoal)?;
        wanted.insert(id);
    }
    let goals: Vec<Uuid> = offered
        .iter()
        .filter(|g| wanted.contains(g))
        .copied()
        .collect();
    if goals.is_empty() {
        return Err(WorkPlanError::NoGoals);
    }
    Ok(goals)
}

/// A plan's title as typed.
pub fn title(input: &str) -> Result<Line, WorkPlanError> {
    Line::parse(input, TITLE_MAX).map_err(WorkPlanError::Title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: u128) -> Vec<Uuid> {
        (1..=n).map(Uuid::from_u128).collect()
    }

    #[test]
    fn goals_come_from_the_version_in_its_order() {
        let offered = ids(3);
        let third = offered[2].to_string();
        let first = offered[0].to_string();
        assert_eq!(
            chosen_goals(&[&third, &first, &first], &offered),
            Ok(vec![offered[0], offered[2]])
        );
        assert_eq!(chosen_goals(&[], &offered), Err(WorkPlanError::NoGoals));
        let stranger = Uuid::from_u128(99).to_string();
        assert_eq!(
            chosen_goals(&[&stranger], &offered),
            Err(WorkPlanError::UnknownGoal)
        );
        assert_eq!(
            chosen_goals(&["not an id"], &offered),
            Err(WorkPlanError::UnknownGoal)
        );
    }

    #[test]
    fn an_activity_needs_a_goal_of_the_plan_words_and_an_owner() {
        let goals = ids(2);
        let goal = goals[1].to_string();
        let input = ActivityInput {
            goal: &goal,
            text: "Gesprekkenweek in november",
            owner: "Mentoren onderbouw",
            due: "30-11-2026",
        };
        let activity = input.parse(&goals).expect("valid");
        assert_eq!(activity.goal, goals[1]);
        assert_eq!(activity.due, Date::new(2026, 11, 30));
        assert_eq!(
            ActivityInput { due: "", ..input }
                .parse(&goals)
                .expect("valid")
                .due,
            None
        );
        let refused = ActivityInput {
            owner: " ",
            ..input
        }
        .parse(&goals)
        .expect_err("no owner");
        assert_eq!(refused.message(Lang::Nl), "Eigenaar: Vul dit veld in.");
        assert!(matches!(
            ActivityInput {
                due: "morgen",
                ..input
            }
            .parse(&goals),
            Err(WorkPlanError::Field {
                field: ActivityField::Due,
                ..
            })
        ));
        let other = Uuid::from_u128(7).to_string();
        assert_eq!(
            ActivityInput {
                goal: &other,
                ..input
            }
            .parse(&goals),
            Err(WorkPlanError::UnknownGoal)
        );
    }

    #[test]
    fn a_title_is_one_line_of_at_most_120_characters() {
        assert_eq!(
            title(" onderbouw ").map(|t| t.to_string()),
            Ok("onderbouw".into())
        );
        assert!(matches!(
            title(""),
            Err(WorkPlanError::Title(PlanInputError::Empty))
        ));
        assert!(matches!(
            title(&"x".repeat(TITLE_MAX + 1)),
            Err(WorkPlanError::Title(PlanInputError::TooLong { .. }))
        ));
        for e in [
            WorkPlanError::NoGoals,
            WorkPlanError::UnknownGoal,
            WorkPlanError::Title(PlanInputError::Empty),
            WorkPlanError::Year,
        ] {
            assert_ne!(e.message(Lang::Nl), e.message(Lang::En));
        }
    }
}
