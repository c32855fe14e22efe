//! A school's figures as it may share them with its networks ([`domain::network::Indicator`]),
//! read from its own data for a school year: the team picture per area, the tasks with someone
//! responsible, the LOB hours against the formula, the student survey per area and the yearly
//! cycle. The school's network page shows them before the school shares them; the student
//! survey's results set the team picture beside the students' figures.

use domain::allocation::SchoolYear;
use domain::network::{Figure, Indicator, Part, cycle_progress, share};
use domain::picture::overview;
use domain::school::{School, SchoolId};
use domain::survey::{State, results};
use domain::{Area, Lang};

use crate::error::AppError;
use crate::state::AppState;
use crate::ui::allocation::hours_totals;
use crate::ui::rounds::edition_of_round;
use crate::ui::year::load as load_year;

/// The team picture of a round per area, as its overview shows it for the whole team: how
/// many answers say *doe ik* or *beheers ik*, of how many, over the roles it shows.
pub(crate) struct TeamShares {
    pub round: String,
    /// In the order of [`Area::ALL`]; `None` where the picture shows nothing.
    pub shares: [Option<(usize, usize)>; 4],
}

impl TeamShares {
    /// The shares as whole percentages.
    pub fn percent(&self) -> [Option<usize>; 4] {
        self.shares
            .map(|s| s.and_then(|(yes, all)| (all > 0).then(|| (yes * 100 + all / 2) / all)))
    }
}

/// The team picture of the school's newest round (of `year`, when given); `None` without one.
pub(crate) async fn team_shares(
    app: &AppState,
    school: SchoolId,
    year: Option<SchoolYear>,
) -> Result<Option<TeamShares>, AppError> {
    let Some(round) = app
        .store
        .rounds(school)
        .await?
        .into_iter()
        .find(|r| year.is_none_or(|y| SchoolYear::of(r.period.starts) == y))
    else {
        return Ok(None);
    };
    let Some(edition) = edition_of_round(app, school, round.id).await? else {
        return Ok(None);
    };
    let Some(input) = app.store.picture_input(school, round.id).await? else {
        return Ok(None);
    };
    let shown = overview(&input.picture(&edition, None), &edition);
    let mut shares = [None; 4];
    for (s, total) in shares.iter_mut().zip(&shown.total) {
        *s = *total;
    }
    Ok(Some(TeamShares {
        round: round.name.to_string(),
        shares,
    }))
}

/// The school's figures of a school year, from its data as it is now. A figure the data
/// cannot give (no round, no closed survey, a formula that cannot be calculated) is absent.
pub async fn current(
    app: &AppState,
    school: &School,
    year: SchoolYear,
) -> Result<Vec<Figure>, AppError> {
    let mut figures = Vec::new();
    let mut push = |indicator, part, value: Option<f64>| {
        if let Some(value) = value {
            figures.push(Figure {
                indicator,
                part,
                value,
            });
        }
    };
    if let Some(team) = team_shares(app, school.id, Some(year)).await? {
        for (area, s) in Area::ALL.into_iter().zip(team.shares) {
            let value = s.and_then(|(yes, all)| share(yes, all));
            push(Indicator::TeamPicture, Part::Area(area), value);
        }
    }
    let data = load_year(app, school, year).await?;
    let tasks = data.allocation.tasks.len();
    push(
        Indicator::Allocation,
        Part::Whole,
        share(tasks.saturating_sub(data.facts.tasks_open), tasks),
    );
    let (formula, given) = hours_totals(app, school, &data.allocation, Lang::Nl).await?;
    if let Some(formula) = formula.filter(|f| f.0 > 0) {
        push(
            Indicator::Hours,
            Part::Whole,
            Some(given.0 as f64 / formula.0 as f64),
        );
    }
    push(
        Indicator::Cycle,
        Part::Whole,
        cycle_progress(&domain::cycle::due(&data.facts)),
    );
    let newest_closed = app
        .store
        .surveys(school.id)
        .await?
        .into_iter()
        .find(|s| s.year == year && !s.is_open() && s.answers > 0);
    if let Some(summary) = newest_closed
        && let Some(survey) = app.store.survey(school.id, summary.id).await?
    {
        let answers = app.store.survey_answers(school.id, &survey).await?;
        let whole = results(State::Closed, &answers.groups, summary.threshold)
            .and_then(|r| r.whole.value().cloned());
        if let Some(whole) = whole {
            for area in Area::ALL {
                let counts = whole.area(area);
                push(
                    Indicator::Survey,
                    Part::Area(area),
                    share(counts.agreeing(), counts.answered()),
                );
            }
        }
    }
    Ok(figures)
}
