//! A school's year as the yearly cycle reads it: the vision in force, the year's evaluations,
//! work plans, rounds and allocation, and what of the cycle is done ([`YearFacts`]). The
//! cycle's page, the year report and the figures a school shares with its networks read it.

use domain::allocation::{Part, SchoolYear};
use domain::cycle::{Phase, YearFacts};
use domain::school::{School, SchoolId};
use store::{GoalEvaluation, VisionVersion};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;
use crate::ui::allocation::load as load_allocation;

/// The newest published version of the school's vision, in full.
pub(crate) async fn newest_version(
    app: &AppState,
    school: SchoolId,
) -> Result<Option<VisionVersion>, AppError> {
    Ok(match app.store.vision_versions(school).await?.first() {
        Some(v) => app.store.vision_version(school, v.id).await?,
        None => None,
    })
}

/// Everything the cycle's page and the year report read for a school year.
pub(crate) struct Year {
    pub year: SchoolYear,
    pub version: Option<VisionVersion>,
    pub evaluations: Vec<GoalEvaluation>,
    pub facts: YearFacts,
    pub plans: Vec<store::WorkPlanSummary>,
    pub rounds: Vec<store::Round>,
    /// The year's allocation, as *wie doet wat* loads it.
    pub allocation: crate::ui::allocation::Loaded,
}

pub(crate) async fn load(
    app: &AppState,
    school: &School,
    year: SchoolYear,
) -> Result<Year, AppError> {
    let version = newest_version(app, school.id).await?;
    let allocation = load_allocation(app, school, year).await?;
    let school = school.id;
    let evaluations = app.store.goal_evaluations(school, year).await?;
    let plans: Vec<_> = app
        .store
        .work_plans(school)
        .await?
        .into_iter()
        .filter(|p| p.year == year)
        .collect();
    let check = Phase::Check.span(year);
    let (_, last) = Phase::Act.span(year);
    let rounds: Vec<_> = app
        .store
        .rounds(school)
        .await?
        .into_iter()
        .filter(|r| r.period.starts >= Phase::Plan.span(year).0 && r.period.starts <= last)
        .collect();
    let tasks_open = allocation
        .tasks
        .iter()
        .filter(|task| {
            !allocation
                .data
                .assignments
                .iter()
                .any(|a| a.code == task.code && a.part == Part::Responsible)
        })
        .count();
    let goals: &[Uuid] = version.as_ref().map_or(&[], |v| v.goal_ids.as_slice());
    let counted: Vec<&GoalEvaluation> = evaluations
        .iter()
        .filter(|e| goals.contains(&e.goal))
        .collect();
    let with_adjustment: Vec<&&GoalEvaluation> = counted
        .iter()
        .filter(|e| !e.evaluation.adjust.is_empty())
        .collect();
    let facts = YearFacts {
        vision: app
            .store
            .vision_versions(school)
            .await?
            .iter()
            .any(|v| v.published_on <= last),
        work_plans: plans.len(),
        tasks_open,
        spring_round: rounds
            .iter()
            .any(|r| r.period.starts >= check.0 && r.period.starts <= check.1),
        survey_answers: app.store.survey_answers_in_year(school, year).await?,
        goals: goals.len(),
        evaluated: counted.len(),
        adjustments: with_adjustment.len(),
        carried: with_adjustment.iter().filter(|e| e.carried).count(),
    };
    Ok(Year {
        year,
        version,
        evaluations,
        facts,
        plans,
        rounds,
        allocation,
    })
}
