//! The anonymous student survey on career guidance (*leerlingenenquête*): a short
//! questionnaire of our own wording (ten statements, each about one of the four areas, on a
//! four-step scale, and one open question), opened by a coordinator for groups of students
//! (a class or a year group), each with a class code that may be used as many times as the
//! group has students.
//!
//! What keeps it anonymous is decided here and in the store together:
//! - a student needs no account and gives nothing about themselves; a code names a group,
//!   never a student, and an answer keeps only its group and its day — not which use of the
//!   code it was, not the time, not the network address;
//! - the open answer is kept apart from the scale answers, so the two cannot be joined;
//! - results exist only once the survey is closed (so no one can read the figures before
//!   and after one student answered), and only under the rule of [`crate::aggregate`]: a
//!   group's figures over at least k answers (k = 10 unless the coordinator chooses another,
//!   never below [`crate::aggregate::MIN_K`]), with complementary suppression between the
//!   groups and the whole survey;
//! - k can only go up once answers exist, and a closed survey never opens again: nothing
//!   makes a survey less anonymous after students answered.

use std::fmt;

use crate::aggregate::{AggregateError, Shown, Threshold, partition};
use crate::plan::{Line, PlanInputError};
use crate::{Area, Lang};

/// The version of the questionnaire below, kept with every survey so that its answers keep
/// their meaning when a later version words the items differently.
pub const QUESTIONNAIRE: i64 = 1;
/// The steps of the scale.
pub const STEPS: usize = 4;
/// The longest open answer, in characters.
pub const REMARK_MAX: usize = 1000;
/// The k of a new survey.
pub const DEFAULT_K: u32 = 10;
/// The most groups one survey has.
pub const GROUPS_MAX: usize = 40;
/// The most uses of one code (students in one group).
pub const USES_MAX: u32 = 1000;
/// The longest name of a survey or a group.
pub const NAME_MAX: usize = 120;

/// A statement of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub area: Area,
    nl: &'static str,
    en: &'static str,
}

impl Item {
    pub const fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => self.nl,
            Lang::En => self.en,
        }
    }
}

/// How many statements the questionnaire has.
pub const ITEM_COUNT: usize = 10;

/// The questionnaire: what a student says about career guidance at their school, in words a
/// student of twelve reads easily.
pub const ITEMS: [Item; ITEM_COUNT] = [
    Item {
        area: Area::Vision,
        nl: "Ik weet waarom we op school aandacht besteden aan mijn keuzes voor later.",
        en: "I know why my school spends time on my choices for later.",
    },
    Item {
        area: Area::Vision,
        nl: "Wat we op school doen voor mijn keuzes, helpt mij echt verder.",
        en: "What my school does for my choices really helps me.",
    },
    Item {
        area: Area::Guidance,
        nl: "Mijn mentor praat met mij over wat ik later wil.",
        en: "My mentor talks with me about what I want later.",
    },
    Item {
        area: Area::Guidance,
        nl: "Op school denk ik na over wat ik goed kan en wat ik leuk vind.",
        en: "At school I think about what I am good at and what I like.",
    },
    Item {
        area: Area::Guidance,
        nl: "Ik krijg hulp als ik een keuze moet maken, zoals een profiel of een vervolgopleiding.",
        en: "I get help when I have to choose, such as a subject cluster or further education.",
    },
    Item {
        area: Area::Organisation,
        nl: "Ik weet bij wie ik terecht kan met vragen over mijn keuzes.",
        en: "I know whom to ask about my choices.",
    },
    Item {
        area: Area::Organisation,
        nl: "Ik hoor op tijd wanneer er iets te doen is voor mijn keuzes, zoals een open dag of een gesprek.",
        en: "I hear in time when something is on for my choices, such as an open day or a talk.",
    },
    Item {
        area: Area::Cooperation,
        nl: "Via school maak ik kennis met beroepen en vervolgopleidingen, bijvoorbeeld met een gastles of een meeloopdag.",
        en: "Through school I get to know jobs and further education, for example in a guest lesson or by shadowing someone for a day.",
    },
    Item {
        area: Area::Cooperation,
        nl: "In de lessen van mijn vakken hoor ik welk werk je ermee kunt doen.",
        en: "In my subjects' lessons I hear what work you can do with them.",
    },
    Item {
        area: Area::Cooperation,
        nl: "Mijn ouders of verzorgers weten wat de school doet om mij te helpen kiezen.",
        en: "My parents or carers know what the school does to help me choose.",
    },
];

/// The open question.
pub const fn open_question(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "Wat zou de school beter kunnen doen om je te helpen bij je keuzes?",
        Lang::En => "What could the school do better to help you with your choices?",
    }
}

/// The words of a step of the scale (1 to [`STEPS`]); an unknown step has none.
pub const fn step_label(step: u8, lang: Lang) -> &'static str {
    match (step, lang) {
        (1, Lang::Nl) => "Helemaal niet mee eens",
        (1, Lang::En) => "Strongly disagree",
        (2, Lang::Nl) => "Niet mee eens",
        (2, Lang::En) => "Disagree",
        (3, Lang::Nl) => "Mee eens",
        (3, Lang::En) => "Agree",
        (4, Lang::Nl) => "Helemaal mee eens",
        (4, Lang::En) => "Strongly agree",
        _ => "",
    }
}

/// The form field of item `i` (0-based): `v1` to `v10`.
pub fn item_field(i: usize) -> String {
    format!("v{}", i + 1)
}

/// The form field of the open answer.
pub const REMARK_FIELD: &str = "opmerking";

/// One student's answers: a step per item or none (skipped), and the open answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Response {
    pub answers: [Option<u8>; ITEM_COUNT],
    pub remark: Option<String>,
}

/// Why a student's answers were refused. Nothing is stored and the code's use is not spent.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SurveyInputError {
    #[error("item {item}: not a step of the scale")]
    OutsideScale { item: usize },
    #[error("item {item} answered twice")]
    Twice { item: usize },
    #[error("no statement answered")]
    NothingAnswered,
    #[error("open answer of {length} characters, at most {max}")]
    RemarkTooLong { max: usize, length: usize },
}

impl SurveyInputError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SurveyInputError::OutsideScale { item }, Lang::Nl) => format!(
                "Bij vraag {item} staat een antwoord dat niet bij de keuzes hoort. Kies een van de vier."
            ),
            (SurveyInputError::OutsideScale { item }, Lang::En) => format!(
                "Question {item} has an answer that is not one of the choices. Choose one of the four."
            ),
            (SurveyInputError::Twice { item }, Lang::Nl) => {
                format!("Vraag {item} kreeg twee antwoorden. Kies er één.")
            }
            (SurveyInputError::Twice { item }, Lang::En) => {
                format!("Question {item} got two answers. Choose one.")
            }
            (SurveyInputError::NothingAnswered, Lang::Nl) => {
                "Je hebt nog geen vraag beantwoord. Kies bij minstens één vraag een antwoord."
                    .to_owned()
            }
            (SurveyInputError::NothingAnswered, Lang::En) => {
                "You have not answered any question yet. Choose an answer to at least one."
                    .to_owned()
            }
            (SurveyInputError::RemarkTooLong { max, length }, Lang::Nl) => format!(
                "Je antwoord op de open vraag is {length} tekens lang; het mag er hoogstens {max} hebben. Maak het wat korter."
            ),
            (SurveyInputError::RemarkTooLong { max, length }, Lang::En) => format!(
                "Your answer to the open question is {length} characters long; it may have at most {max}. Make it a little shorter."
            ),
        }
    }
}

impl Response {
    /// A student's answers as posted: `v1`…`v10` with a step `1`–`4` or empty (skipped),
    /// and the open answer. Other fields are not the response's and are left alone.
    pub fn parse(fields: &[(String, String)]) -> Result<Response, SurveyInputError> {
        let mut response = Response::default();
        for (i, answer) in response.answers.iter_mut().enumerate() {
            let name = item_field(i);
            let mut given = fields
                .iter()
                .filter(|(k, _)| *k == name)
                .map(|(_, v)| v.trim())
                .filter(|v| !v.is_empty());
            let Some(first) = given.next() else {
                continue;
            };
            if given.next().is_some() {
                return Err(SurveyInputError::Twice { item: i + 1 });
            }
            match first.parse::<u8>() {
                Ok(step) if (1..=STEPS as u8).contains(&step) => *answer = Some(step),
                _ => return Err(SurveyInputError::OutsideScale { item: i + 1 }),
            }
        }
        if response.answers.iter().all(Option::is_none) {
            return Err(SurveyInputError::NothingAnswered);
        }
        let remark: String = fields
            .iter()
            .filter(|(k, _)| k == REMARK_FIELD)
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        // Invisible control characters go; line breaks stay.
        let remark: String = remark
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c == '\n' || !c.is_control())
            .collect();
        let remark = remark.trim();
        let length = remark.chars().count();
        if length > REMARK_MAX {
            return Err(SurveyInputError::RemarkTooLong {
                max: REMARK_MAX,
                length,
            });
        }
        response.remark = (!remark.is_empty()).then(|| remark.to_owned());
        Ok(response)
    }
}

/// The characters of a class code: capitals and digits without the ones easily confused
/// (no I, O, 0 or 1) — 32 of them, five bits each.
const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// The characters of a code: 32¹⁰ = 2⁵⁰ codes, so guessing one is hopeless.
pub const CODE_LENGTH: usize = 10;

/// A class code: what students type to answer for their group. Stored only as its hash.
#[derive(Clone, PartialEq, Eq)]
pub struct ClassCode(String);

impl ClassCode {
    /// A code from random bytes (one per character; five bits of each are used).
    pub fn from_random(bytes: [u8; CODE_LENGTH]) -> ClassCode {
        ClassCode(
            bytes
                .iter()
                .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
                .collect(),
        )
    }

    /// A code as a student types it: any case, with or without spaces and dashes. Not a
    /// code when it has other characters or another length.
    pub fn parse(input: &str) -> Option<ClassCode> {
        let plain: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .collect();
        (plain.chars().count() == CODE_LENGTH && plain.bytes().all(|b| ALPHABET.contains(&b)))
            .then_some(ClassCode(plain))
    }

    /// The code without its dash, as it is hashed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Shown in two halves, `ABCDE-FGHJK`, to read out and type.
impl fmt::Display for ClassCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (a, b) = self.0.split_at(CODE_LENGTH / 2);
        write!(f, "{a}-{b}")
    }
}

/// Never in logs.
impl fmt::Debug for ClassCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClassCode(…)")
    }
}

/// A group a survey is opened for, as a coordinator names it: its name and how many
/// students it has (the uses of its code).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupInput {
    pub name: Line,
    pub uses: u32,
}

/// Why the groups typed were refused, naming the line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GroupsError {
    #[error("no groups")]
    None,
    #[error("more than {max} groups")]
    TooMany { max: usize },
    #[error("line {line}: name")]
    Name { line: usize, error: PlanInputError },
    #[error("line {line}: number of students")]
    Uses { line: usize, text: String },
    #[error("line {line}: a group named twice")]
    Twice { line: usize, name: String },
}

impl GroupsError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (GroupsError::None, Lang::Nl) => {
                "Noem minstens één groep: een klas of een leerjaar, met het aantal leerlingen."
                    .to_owned()
            }
            (GroupsError::None, Lang::En) => {
                "Name at least one group: a class or a year group, with its number of students."
                    .to_owned()
            }
            (GroupsError::TooMany { max }, Lang::Nl) => {
                format!("Een enquête heeft hoogstens {max} groepen.")
            }
            (GroupsError::TooMany { max }, Lang::En) => {
                format!("A survey has at most {max} groups.")
            }
            (GroupsError::Name { line, error }, lang) => match lang {
                Lang::Nl => format!("Regel {line}: {}", error.message(lang)),
                Lang::En => format!("Line {line}: {}", error.message(lang)),
            },
            (GroupsError::Uses { line, text }, Lang::Nl) => format!(
                "Regel {line}: ‘{text}’ is geen aantal leerlingen. Schrijf de naam van de groep, een komma en een aantal van 1 tot {USES_MAX}, zoals ‘3 havo A, 27’."
            ),
            (GroupsError::Uses { line, text }, Lang::En) => format!(
                "Line {line}: ‘{text}’ is not a number of students. Write the group's name, a comma and a number from 1 to {USES_MAX}, such as ‘3 havo A, 27’."
            ),
            (GroupsError::Twice { line, name }, Lang::Nl) => {
                format!("Regel {line}: de groep ‘{name}’ staat er al.")
            }
            (GroupsError::Twice { line, name }, Lang::En) => {
                format!("Line {line}: the group ‘{name}’ is there already.")
            }
        }
    }
}

/// A number of students as typed: 1 to [`USES_MAX`].
pub fn parse_uses(text: &str) -> Option<u32> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=USES_MAX).contains(n))
}

/// Groups as typed, one a line: `name, number of students` (blank lines are skipped).
/// `existing` are the names the survey has already; a name may not come twice.
pub fn parse_groups(text: &str, existing: &[&str]) -> Result<Vec<GroupInput>, GroupsError> {
    let mut groups: Vec<GroupInput> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let (name, uses) = raw.rsplit_once(',').unwrap_or((raw, ""));
        let name =
            Line::parse(name, NAME_MAX).map_err(|error| GroupsError::Name { line, error })?;
        let uses = parse_uses(uses).ok_or_else(|| GroupsError::Uses {
            line,
            text: uses.trim().chars().take(20).collect(),
        })?;
        let key = name.as_str().to_lowercase();
        if existing.iter().any(|e| e.to_lowercase() == key)
            || groups.iter().any(|g| g.name.as_str().to_lowercase() == key)
        {
            return Err(GroupsError::Twice {
                line,
                name: name.to_string(),
            });
        }
        groups.push(GroupInput { name, uses });
    }
    if groups.is_empty() {
        return Err(GroupsError::None);
    }
    if groups.len() + existing.len() > GROUPS_MAX {
        return Err(GroupsError::TooMany { max: GROUPS_MAX });
    }
    Ok(groups)
}

/// The k a survey may move to: any k while it has no answers; once it has, only a higher one
/// (a lower k would show what was hidden from the students who answered under the old one).
pub fn threshold_for(
    current: Threshold,
    wanted: Threshold,
    has_answers: bool,
) -> Result<Threshold, AggregateError> {
    if has_answers && wanted < current {
        Err(AggregateError::SurveyHasAnswers { k: current.get() })
    } else {
        Ok(wanted)
    }
}

/// How one item (or an area's items together) was answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Per step, 1 first.
    pub steps: [usize; STEPS],
    /// Answers that left it open.
    pub skipped: usize,
}

impl Counts {
    pub fn answered(&self) -> usize {
        self.steps.iter().sum()
    }

    /// How many agree (the upper two steps).
    pub fn agreeing(&self) -> usize {
        self.steps[2] + self.steps[3]
    }

    /// The share that agrees, in whole percents of those who answered.
    pub fn percent_agreeing(&self) -> Option<usize> {
        let n = self.answered();
        (n > 0).then(|| (self.agreeing() * 100 + n / 2) / n)
    }

    /// The mean step, 1 to 4.
    pub fn mean(&self) -> Option<f64> {
        let n = self.answered();
        (n > 0).then(|| {
            let sum: usize = self
                .steps
                .iter()
                .enumerate()
                .map(|(i, c)| (i + 1) * c)
                .sum();
            sum as f64 / n as f64
        })
    }

    fn add(&mut self, other: &Counts) {
        for (a, b) in self.steps.iter_mut().zip(other.steps) {
            *a += b;
        }
        self.skipped += other.skipped;
    }
}

/// The figures of a group of answers (or the whole survey).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figures {
    pub answers: usize,
    pub items: [Counts; ITEM_COUNT],
}

impl Figures {
    fn of<'a>(answers: impl Iterator<Item = &'a [Option<u8>; ITEM_COUNT]>) -> Figures {
        let mut figures = Figures {
            answers: 0,
            items: [Counts::default(); ITEM_COUNT],
        };
        for answer in answers {
            figures.answers += 1;
            for (counts, step) in figures.items.iter_mut().zip(answer) {
                match step {
                    Some(s) if (1..=STEPS as u8).contains(s) => {
                        counts.steps[usize::from(*s) - 1] += 1;
                    }
                    _ => counts.skipped += 1,
                }
            }
        }
        figures
    }

    /// An area's items together.
    pub fn area(&self, area: Area) -> Counts {
        let mut sum = Counts::default();
        for (item, counts) in ITEMS.iter().zip(&self.items) {
            if item.area == area {
                sum.add(counts);
            }
        }
        sum
    }
}

/// Whether a survey still takes answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Open,
    Closed,
}

/// A survey's results: the whole survey and each group, each shown or hidden under the rule.
#[derive(Clone, Debug, PartialEq)]
pub struct Results {
    pub threshold: Threshold,
    pub whole: Shown<Figures>,
    /// In the order of the groups given.
    pub groups: Vec<Shown<Figures>>,
}

/// The results of a survey from its answers per group (in the survey's order of groups).
/// An open survey has none. The groups are the parts of the whole survey under
/// [`partition`]: every group under k is hidden and, beside a hidden group, enough others that
/// no hidden one is the whole minus the shown ones; the whole is shown over at least k answers
/// when what is hidden still covers at least k together.
pub fn results(
    state: State,
    groups: &[Vec<[Option<u8>; ITEM_COUNT]>],
    threshold: Threshold,
) -> Option<Results> {
    if state == State::Open {
        return None;
    }
    let sizes: Vec<usize> = groups.iter().map(Vec::len).collect();
    let shown = partition(&sizes, threshold);
    let whole = if shown.whole {
        Shown::Value(Figures::of(groups.iter().flatten()))
    } else {
        Shown::TooFew
    };
    Some(Results {
        threshold,
        whole,
        groups: groups
            .iter()
            .zip(&shown.parts)
            .map(|(g, &show)| {
                if show {
                    Shown::Value(Figures::of(g.iter()))
                } else {
                    Shown::TooFew
                }
            })
            .collect(),
    })
}

/// The open answers to show: only with the whole survey's figures, and in alphabetical
/// order (never the order they came in).
pub fn shown_remarks(results: &Results, mut remarks: Vec<String>) -> Vec<String> {
    match results.whole {
        Shown::Value(_) => {
            remarks.sort_by_key(|r| r.to_lowercase());
            remarks
        }
        Shown::TooFew => Vec::new(),
    }
}

#[cfg(test)]
#[path = "survey_tests.rs"]
mod tests;
