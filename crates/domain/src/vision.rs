//! The school's vision on career guidance (*visiestuk*): an introduction and a section per
//! area of the framework, each written by the school with guiding questions of our own, each
//! linked to statements of the school's framework, and goals a school can be held to (a goal,
//! an indicator, a target, an owner, and when it is evaluated). The practice those statements
//! have in the allocation is shown beside the text, so the document and what the school does
//! can be held side by side. A published version never changes; the draft goes on.

use std::collections::HashSet;

use crate::allocation::{Assignment, Part, Party, Task};
use crate::framework::{Area, Code, Date, Edition, Kind};
use crate::hours::Minutes;
use crate::lang::Lang;
use crate::plan::{Line, PlanInputError};

/// The longest text of one section, in characters.
pub const BODY_MAX: usize = 20_000;
/// The most statements one section links to.
pub const LINKS_MAX: usize = 40;
/// The most goals one vision holds.
pub const GOALS_MAX: usize = 40;
/// The longest indicator or target.
pub const MEASURE_MAX: usize = 300;
/// The longest owner (a name or a function).
pub const OWNER_MAX: usize = 120;
/// The longest summary of a published version.
pub const SUMMARY_MAX: usize = 500;

/// A section of the vision: the introduction, then one per area of the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Intro,
    Area(Area),
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Intro,
        Section::Area(Area::Vision),
        Section::Area(Area::Guidance),
        Section::Area(Area::Organisation),
        Section::Area(Area::Cooperation),
    ];

    /// The section's key in forms, addresses and the store.
    pub const fn code(self) -> &'static str {
        match self {
            Section::Intro => "inleiding",
            Section::Area(Area::Vision) => "visie",
            Section::Area(Area::Guidance) => "begeleiding",
            Section::Area(Area::Organisation) => "organisatie",
            Section::Area(Area::Cooperation) => "samenwerking",
        }
    }

    pub fn parse(code: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.code() == code)
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Section::Intro, Lang::Nl) => "Inleiding",
            (Section::Intro, Lang::En) => "Introduction",
            (Section::Area(Area::Vision), Lang::Nl) => "Visie en beleid",
            (Section::Area(Area::Vision), Lang::En) => "Vision and policy",
            (Section::Area(Area::Guidance), Lang::Nl) => "Oriëntatie en begeleiding",
            (Section::Area(Area::Guidance), Lang::En) => "Orientation and guidance",
            (Section::Area(Area::Organisation), Lang::Nl) => "Organisatie",
            (Section::Area(Area::Organisation), Lang::En) => "Organisation",
            (Section::Area(Area::Cooperation), Lang::Nl) => "Samenwerking",
            (Section::Area(Area::Cooperation), Lang::En) => "Cooperation",
        }
    }

    /// Questions of our own to write the section by: suggestions, never a checklist.
    pub const fn questions(self, lang: Lang) -> &'static [&'static str] {
        match (self, lang) {
            (Section::Intro, Lang::Nl) => &[
                "Wat willen we dat onze leerlingen meenemen als ze de school verlaten: welke keuzes kunnen ze maken, en hoe?",
                "Waarom vinden we loopbaanbegeleiding belangrijk, juist voor onze leerlingen?",
                "Voor wie is dit stuk geschreven, en wie hebben eraan meegeschreven?",
            ],
            (Section::Intro, Lang::En) => &[
                "What do we want our students to take with them when they leave: which choices can they make, and how?",
                "Why does career guidance matter, for our students in particular?",
                "Who is this document for, and who helped write it?",
            ],
            (Section::Area(Area::Vision), Lang::Nl) => &[
                "Waar staat loopbaanbegeleiding in ons onderwijs: een eigen lijn, verweven in de vakken, of allebei?",
                "Hoe hangt onze visie samen met het schoolplan en de wettelijke opdracht?",
                "Hoe houden we de visie levend: wie bewaakt haar, en wanneer kijken we er samen naar?",
            ],
            (Section::Area(Area::Vision), Lang::En) => &[
                "Where does career guidance sit in our teaching: a strand of its own, woven into the subjects, or both?",
                "How does our vision fit the school plan and what the law asks of us?",
                "How do we keep the vision alive: who looks after it, and when do we review it together?",
            ],
            (Section::Area(Area::Guidance), Lang::Nl) => &[
                "Wat doet de mentor, wat de decaan, en wat de vakdocent in het gesprek met de leerling?",
                "Welke activiteiten horen bij welk leerjaar, en hoe bouwen ze op elkaar voort?",
                "Hoe betrekken we ouders bij de keuzes van hun kind?",
            ],
            (Section::Area(Area::Guidance), Lang::En) => &[
                "What does the mentor do, what the careers adviser, and what the subject teacher in talking with a student?",
                "Which activities belong to which year, and how do they build on each other?",
                "How do we involve parents in their child's choices?",
            ],
            (Section::Area(Area::Organisation), Lang::Nl) => &[
                "Wie coördineert loopbaanbegeleiding, en met welk mandaat?",
                "Hoeveel tijd geven we ervoor, en hoe verdelen we die over de mensen die het doen?",
                "Hoe werken we aan professionalisering: wat leren we dit jaar, en van wie?",
            ],
            (Section::Area(Area::Organisation), Lang::En) => &[
                "Who coordinates career guidance, and with what mandate?",
                "How much time do we give it, and how is it shared among the people who do it?",
                "How do we develop professionally: what do we learn this year, and from whom?",
            ],
            (Section::Area(Area::Cooperation), Lang::Nl) => &[
                "Met welke partners werken we samen: vervolgonderwijs, bedrijven, gemeente, andere scholen?",
                "Wat verwachten we van hen, en wat mogen zij van ons verwachten?",
                "Hoe zorgen we voor een warme overstap naar de volgende school?",
            ],
            (Section::Area(Area::Cooperation), Lang::En) => &[
                "Which partners do we work with: further education, employers, the municipality, other schools?",
                "What do we expect of them, and what may they expect of us?",
                "How do we make the step to the next school a well-prepared one?",
            ],
        }
    }
}

/// The text of a section: paragraphs separated by an empty line. Trimmed, at most
/// [`BODY_MAX`] characters, no control characters but line breaks and tabs; may be empty (a
/// section not written yet).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body(String);

impl Body {
    pub fn parse(input: &str) -> Result<Body, PlanInputError> {
        Body::parse_within(input, BODY_MAX)
    }

    /// A text of paragraphs of at most `max` characters (see [`Body::parse`]).
    pub fn parse_within(input: &str, max: usize) -> Result<Body, PlanInputError> {
        let normalised = input.replace("\r\n", "\n").replace('\r', "\n");
        let trimmed = normalised.trim();
        let length = trimmed.chars().count();
        if length > max {
            return Err(PlanInputError::TooLong { max, length });
        }
        if trimmed
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(PlanInputError::ControlCharacters);
        }
        Ok(Body(trimmed.to_owned()))
    }

    /// A text as the store kept it (it was parsed when it was saved).
    pub fn from_stored(text: &str) -> Body {
        Body(text.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The paragraphs: blocks of text between empty lines, each with its lines joined.
    pub fn paragraphs(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut current: Vec<&str> = Vec::new();
        for line in self.0.lines() {
            let line = line.trim();
            if line.is_empty() {
                if !current.is_empty() {
                    out.push(current.join(" "));
                    current.clear();
                }
            } else {
                current.push(line);
            }
        }
        if !current.is_empty() {
            out.push(current.join(" "));
        }
        out
    }
}

/// One section as written: its text and the statements it links to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SectionText {
    pub body: Body,
    pub links: Vec<Code>,
}

/// Checks the statements a section links to, as chosen in a form: each must be a statement of
/// the school's current edition (`edition`) or a link the section had already (`kept`, which
/// a newer edition may have hidden: such a link is kept, never lost, until someone removes
/// it); no statement twice; at most [`LINKS_MAX`].
pub fn checked_links(
    chosen: &[&str],
    edition: &Edition,
    kept: &[Code],
) -> Result<Vec<Code>, PlanInputError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for raw in chosen {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let known = edition.statement(raw).is_some() || kept.iter().any(|k| k.as_str() == raw);
        let code = Code::parse(raw)
            .filter(|_| known)
            .ok_or_else(|| PlanInputError::UnknownStatement(raw.chars().take(40).collect()))?;
        if seen.insert(code.clone()) {
            out.push(code);
        }
    }
    if out.len() > LINKS_MAX {
        return Err(PlanInputError::TooManyStatements { max: LINKS_MAX });
    }
    Ok(out)
}

/// A field of a goal, to say which one was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalField {
    Section,
    Goal,
    Indicator,
    Target,
    Owner,
    EvaluateOn,
}

impl GoalField {
    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (GoalField::Section, Lang::Nl) => "Onderdeel",
            (GoalField::Section, Lang::En) => "Section",
            (GoalField::Goal, Lang::Nl) => "Doel",
            (GoalField::Goal, Lang::En) => "Goal",
            (GoalField::Indicator, Lang::Nl) => "Indicator",
            (GoalField::Indicator, Lang::En) => "Indicator",
            (GoalField::Target, Lang::Nl) => "Streefwaarde",
            (GoalField::Target, Lang::En) => "Target",
            (GoalField::Owner, Lang::Nl) => "Eigenaar",
            (GoalField::Owner, Lang::En) => "Owner",
            (GoalField::EvaluateOn, Lang::Nl) => "Evaluatie op",
            (GoalField::EvaluateOn, Lang::En) => "Evaluated on",
        }
    }
}

/// Why a goal was refused: the field and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field:?}: {error}")]
pub struct GoalError {
    pub field: GoalField,
    pub error: PlanInputError,
}

impl GoalError {
    pub fn message(&self, lang: Lang) -> String {
        format!("{}: {}", self.field.name(lang), self.error.message(lang))
    }
}

/// A goal of the vision: what the school wants to reach, how it will see it (indicator) and
/// how much (target), who looks after it, and when it is evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub section: Section,
    pub goal: Line,
    pub indicator: Line,
    pub target: Line,
    pub owner: Line,
    pub evaluate_on: Date,
}

/// A goal as typed in a form.
#[derive(Clone, Copy, Debug, Default)]
pub struct GoalInput<'a> {
    pub section: &'a str,
    pub goal: &'a str,
    pub indicator: &'a str,
    pub target: &'a str,
    pub owner: &'a str,
    /// ISO (`2027-06-15`) as a date field sends it, or as people write it.
    pub evaluate_on: &'a str,
}

impl GoalInput<'_> {
    pub fn parse(&self) -> Result<Goal, GoalError> {
        let field = |field: GoalField| move |error: PlanInputError| GoalError { field, error };
        let section = Section::parse(self.section.trim()).ok_or(GoalError {
            field: GoalField::Section,
            error: PlanInputError::Empty,
        })?;
        let goal = Line::parse(self.goal, Line::MAX).map_err(field(GoalField::Goal))?;
        let indicator =
            Line::parse(self.indicator, MEASURE_MAX).map_err(field(GoalField::Indicator))?;
        let target = Line::parse(self.target, MEASURE_MAX).map_err(field(GoalField::Target))?;
        let owner = Line::parse(self.owner, OWNER_MAX).map_err(field(GoalField::Owner))?;
        let evaluate_on = match self.evaluate_on.trim() {
            "" => Err(PlanInputError::Empty),
            d => crate::scan::parse_date(d)
                .map_err(|_| PlanInputError::BadDate(d.chars().take(20).collect())),
        }
        .map_err(field(GoalField::EvaluateOn))?;
        Ok(Goal {
            section,
            goal,
            indicator,
            target,
            owner,
            evaluate_on,
        })
    }
}

/// A whole vision, as a draft or a published version holds it: every section (in
/// [`Section::ALL`]'s order) and the goals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Vision {
    pub sections: Vec<(Section, SectionText)>,
    pub goals: Vec<Goal>,
}

impl Vision {
    /// The text of a section (empty when it was never written).
    pub fn section(&self, section: Section) -> SectionText {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }

    /// The goals of one section, in their order.
    pub fn goals_of(&self, section: Section) -> impl Iterator<Item = &Goal> {
        self.goals.iter().filter(move |g| g.section == section)
    }

    /// Whether nothing has been written yet.
    pub fn is_empty(&self) -> bool {
        self.goals.is_empty()
            && self
                .sections
                .iter()
                .all(|(_, t)| t.body.is_empty() && t.links.is_empty())
    }
}

/// Why a draft cannot be published.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PublishError {
    #[error("nothing has been written yet")]
    Empty,
    #[error("the draft is the same as the last published version")]
    Unchanged,
    #[error("the summary: {0}")]
    Summary(PlanInputError),
}

impl PublishError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (PublishError::Empty, Lang::Nl) => {
                "Er staat nog niets in het concept. Schrijf eerst een onderdeel.".to_owned()
            }
            (PublishError::Empty, Lang::En) => {
                "The draft is still empty. Write a section first.".to_owned()
            }
            (PublishError::Unchanged, Lang::Nl) => {
                "Het concept is gelijk aan de laatst vastgestelde versie; er is niets nieuws om vast te stellen.".to_owned()
            }
            (PublishError::Unchanged, Lang::En) => {
                "The draft is the same as the last published version; there is nothing new to publish.".to_owned()
            }
            (PublishError::Summary(e), lang) => format!(
                "{}: {}",
                match lang {
                    Lang::Nl => "Samenvatting",
                    Lang::En => "Summary",
                },
                e.message(lang)
            ),
        }
    }
}

/// Checks that a draft may be published over the last version (`last`), with a summary of
/// what changed.
pub fn check_publish(
    draft: &Vision,
    last: Option<&Vision>,
    summary: &str,
) -> Result<Line, PublishError> {
    if draft.is_empty() {
        return Err(PublishError::Empty);
    }
    if last == Some(draft) {
        return Err(PublishError::Unchanged);
    }
    Line::parse(summary, SUMMARY_MAX).map_err(PublishError::Summary)
}

/// A paragraph in a comparison of two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Paragraph {
    Same(String),
    Added(String),
    Removed(String),
}

/// What changed in one section between two versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionChange {
    pub section: Section,
    /// The paragraphs of both, in order, each marked same, added or removed.
    pub paragraphs: Vec<Paragraph>,
    pub links_added: Vec<Code>,
    pub links_removed: Vec<Code>,
    /// Goals (by their words) new in the newer version, and gone from it.
    pub goals_added: Vec<Goal>,
    pub goals_removed: Vec<Goal>,
}

impl SectionChange {
    pub fn changed(&self) -> bool {
        !self.links_added.is_empty()
            || !self.links_removed.is_empty()
            || !self.goals_added.is_empty()
            || !self.goals_removed.is_empty()
            || self
                .paragraphs
                .iter()
                .any(|p| !matches!(p, Paragraph::Same(_)))
    }
}

/// Compares an older and a newer version, section by section. A goal whose any field changed
/// counts as removed in its old form and added in its new one, so both can be read.
pub fn compare(old: &Vision, new: &Vision) -> Vec<SectionChange> {
    Section::ALL
        .into_iter()
        .map(|section| {
            let (a, b) = (old.section(section), new.section(section));
            let old_goals: Vec<&Goal> = old.goals_of(section).collect();
            let new_goals: Vec<&Goal> = new.goals_of(section).collect();
            SectionChange {
                section,
                paragraphs: paragraph_diff(&a.body.paragraphs(), &b.body.paragraphs()),
                links_added: b
                    .links
                    .iter()
                    .filter(|c| !a.links.contains(c))
                    .cloned()
                    .collect(),
                links_removed: a
                    .links
                    .iter()
                    .filter(|c| !b.links.contains(c))
                    .cloned()
                    .collect(),
                goals_added: new_goals
                    .iter()
                    .filter(|g| !old_goals.contains(g))
                    .map(|g| (*g).clone())
                    .collect(),
                goals_removed: old_goals
                    .iter()
                    .filter(|g| !new_goals.contains(g))
                    .map(|g| (*g).clone())
                    .collect(),
            }
        })
        .collect()
}

/// The paragraphs of two texts in order, marked by a longest common subsequence.
fn paragraph_diff(old: &[String], new: &[String]) -> Vec<Paragraph> {
    let (n, m) = (old.len(), new.len());
    // lcs[i][j]: the longest common subsequence of old[i..] and new[j..].
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if old[i] == new[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(n.max(m));
    while i < n && j < m {
        if old[i] == new[j] {
            out.push(Paragraph::Same(old[i].clone()));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(Paragraph::Removed(old[i].clone()));
            i += 1;
        } else {
            out.push(Paragraph::Added(new[j].clone()));
            j += 1;
        }
    }
    out.extend(old[i..].iter().cloned().map(Paragraph::Removed));
    out.extend(new[j..].iter().cloned().map(Paragraph::Added));
    out
}

/// What the allocation says about a task a section links to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskPractice {
    pub responsible: Vec<Party>,
    pub carries_out: Vec<Party>,
    /// The hours a year the school estimated the task takes.
    pub hours: Option<Minutes>,
}

/// A statement a section links to, as the school's practice shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkPractice {
    pub code: Code,
    /// Whether the statement is in the school's current framework (a newer edition may have
    /// hidden it).
    pub in_framework: bool,
    /// For a task: who is responsible and who carries it out this school year.
    pub task: Option<TaskPractice>,
}

/// The practice beside a section: each linked statement with what the allocation of the
/// school year says about it.
pub fn practice(
    links: &[Code],
    edition: &Edition,
    tasks: &[Task],
    assignments: &[Assignment],
) -> Vec<LinkPractice> {
    links
        .iter()
        .map(|code| {
            let statement = edition.statement(code.as_str());
            let task = statement.filter(|s| s.kind == Kind::Task).map(|_| {
                let parties = |part: Part| {
                    let mut out: Vec<Party> = assignments
                        .iter()
                        .filter(|a| &a.code == code && a.part == part)
                        .map(|a| a.party.clone())
                        .collect();
                    out.sort();
                    out.dedup();
                    out
                };
                TaskPractice {
                    responsible: parties(Part::Responsible),
                    carries_out: parties(Part::CarriesOut),
                    hours: tasks.iter().find(|t| &t.code == code).and_then(|t| t.hours),
                }
            });
            LinkPractice {
                code: code.clone(),
                in_framework: statement.is_some(),
                task,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "vision_tests.rs"]
mod tests;
