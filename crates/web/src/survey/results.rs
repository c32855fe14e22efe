//! A survey's results as every reader gets them — the page, the workbook and the JSON API
//! all take them from here, so a figure hidden under the rule of [`domain::aggregate`] is
//! hidden in all three. Beside the students' figures per area, the page and the workbook set
//! the team picture of the school's newest round: its overview's share of *doe ik* or
//! *beheers ik* per area, over the roles the picture shows ([`domain::picture::overview`]).

use domain::aggregate::Shown;
use domain::survey::{Counts, Figures, ITEMS, Results, State, results, shown_remarks, step_label};
use domain::{Area, Edition, Lang};
use store::Survey;
use uuid::Uuid;

use crate::error::AppError;
use crate::i18n::Tr;
use crate::state::AppState;
use crate::ui::dates::date_text;
use crate::ui::figures::team_shares;
use crate::working::Working;

/// A survey with its results (once it is closed).
pub(crate) struct Loaded {
    pub survey: Survey,
    /// `None` while the survey is open.
    pub results: Option<Results>,
    /// The open answers that may be shown (with the whole survey's figures only).
    pub remarks: Vec<String>,
}

/// The team picture's figure per area, as its overview shows it for the whole team.
pub(crate) struct TeamAreas {
    pub round: String,
    /// In the order of [`Area::ALL`]; `None` where the picture shows nothing.
    pub percent: [Option<usize>; 4],
}

pub(crate) async fn load(
    app: &AppState,
    working: &Working,
    id: Uuid,
) -> Result<Option<Loaded>, AppError> {
    let school = working.school().id;
    let Some(survey) = app.store.survey(school, id).await? else {
        return Ok(None);
    };
    if survey.summary.is_open() {
        return Ok(Some(Loaded {
            survey,
            results: None,
            remarks: Vec::new(),
        }));
    }
    let answers = app.store.survey_answers(school, &survey).await?;
    let results = results(State::Closed, &answers.groups, survey.summary.threshold);
    let remarks = results
        .as_ref()
        .map(|r| shown_remarks(r, answers.remarks))
        .unwrap_or_default();
    Ok(Some(Loaded {
        survey,
        results,
        remarks,
    }))
}

/// The team picture of the school's newest round, per area; `None` without a round.
pub(crate) async fn team_areas(
    app: &AppState,
    working: &Working,
) -> Result<Option<TeamAreas>, AppError> {
    Ok(team_shares(app, working.school().id, None)
        .await?
        .map(|team| TeamAreas {
            percent: team.percent(),
            round: team.round,
        }))
}

/// The state of a survey in words: open since, or closed on.
pub(crate) fn state_words(summary: &store::SurveySummary, lang: Lang) -> String {
    let t = Tr(lang);
    match summary.closed_on {
        None => t.with(
            "survey-open-since",
            "date",
            date_text(summary.opened_on, lang),
        ),
        Some(day) => t.with("survey-closed-on", "date", date_text(day, lang)),
    }
}

/// A percentage in words, or a dash.
pub(crate) fn percent(p: Option<usize>) -> String {
    p.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))
}

/// One area of the side-by-side table.
#[derive(Debug)]
pub struct AreaRow {
    pub name: String,
    pub students: String,
    pub team: String,
}

/// One item with its counts per step.
#[derive(Debug)]
pub struct ItemRow {
    pub number: usize,
    pub text: &'static str,
    pub area: String,
    pub steps: Vec<usize>,
    pub agree: String,
    pub skipped: usize,
}

/// One group: its figures per area, or why none.
#[derive(Debug)]
pub struct GroupRow {
    pub name: String,
    pub shown: bool,
    pub answers: String,
    pub areas: Vec<String>,
}

/// The results, in words, for the page and the workbook.
#[derive(Debug)]
pub struct ResultsView {
    pub k: u32,
    pub whole_shown: bool,
    pub answers: String,
    pub step_names: Vec<&'static str>,
    pub area_names: Vec<String>,
    pub areas: Vec<AreaRow>,
    pub team_round: Option<String>,
    pub items: Vec<ItemRow>,
    pub groups: Vec<GroupRow>,
    pub remarks: Vec<String>,
}

fn area_name(edition: &Edition, area: Area, lang: Lang) -> String {
    edition.area(area).name.get(lang).to_owned()
}

pub(crate) fn view(
    app: &AppState,
    loaded: &Loaded,
    results: &Results,
    team: Option<&TeamAreas>,
    lang: Lang,
) -> ResultsView {
    let t = Tr(lang);
    let edition = &app.edition();
    let whole: Option<&Figures> = results.whole.value();
    let agree = |c: &Counts| percent(c.percent_agreeing());
    ResultsView {
        k: results.threshold.get(),
        whole_shown: whole.is_some(),
        answers: whole.map_or_else(
            || t.get("survey-too-few"),
            |w| t.count("survey-answers", w.answers),
        ),
        step_names: (1..=4).map(|s| step_label(s, lang)).collect(),
        area_names: Area::ALL
            .iter()
            .map(|a| area_name(edition, *a, lang))
            .collect(),
        areas: Area::ALL
            .iter()
            .enumerate()
            .map(|(i, area)| AreaRow {
                name: area_name(edition, *area, lang),
                students: whole.map_or_else(|| "–".to_owned(), |w| agree(&w.area(*area))),
                team: percent(team.and_then(|team| team.percent[i])),
            })
            .collect(),
        team_round: team.map(|team| team.round.clone()),
        items: whole
            .map(|w| {
                ITEMS
                    .iter()
                    .zip(&w.items)
                    .enumerate()
                    .map(|(i, (item, counts))| ItemRow {
                        number: i + 1,
                        text: item.text(lang),
                        area: area_name(edition, item.area, lang),
                        steps: counts.steps.to_vec(),
                        agree: agree(counts),
                        skipped: counts.skipped,
                    })
                    .collect()
            })
            .unwrap_or_default(),
        groups: loaded
            .survey
            .groups
            .iter()
            .zip(&results.groups)
            .map(|(group, shown)| match shown {
                Shown::Value(f) => GroupRow {
                    name: group.name.clone(),
                    shown: true,
                    answers: f.answers.to_string(),
                    areas: Area::ALL.iter().map(|a| agree(&f.area(*a))).collect(),
                },
                Shown::TooFew => GroupRow {
                    name: group.name.clone(),
                    shown: false,
                    answers: t.get("survey-group-hidden"),
                    areas: Vec::new(),
                },
            })
            .collect(),
        remarks: loaded.remarks.clone(),
    }
}
