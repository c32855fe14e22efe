//! The zelfscan: a person's answers in one round, for the roles they hold. Per statement a
//! choice on a four-step scale, a short note and a flag *wil ik bespreken*; per role and area
//! two focus notes (*aandachtsvelden*) and reflection prompts. Also rounds, progress, the
//! personal overview and the comparison with an earlier round.
//!
//! Everything a person types is parsed here once: a choice outside the scale, a note over its
//! limit or a statement that is not in the round's edition never reaches the store.

use std::collections::BTreeMap;
use std::fmt;

use crate::framework::{Area, Code, Edition, Kind, Role, Statement};
use crate::lang::Lang;

#[path = "scan_round.rs"]
mod round;
pub use round::{Period, RoundName, parse_date};

#[path = "scan_scale.rs"]
mod scale;
pub use scale::{LABEL_MAX, ScaleLabels};

/// Where a person stands on a statement. The scale has four steps for both kinds; only the
/// words differ (see [`ScaleLabels`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Choice {
    /// *doe ik* / *beheers ik*
    Yes,
    /// *doe ik deels* / *deels*
    Partly,
    /// *wil ik oppakken* / *wil ik ontwikkelen*
    Develop,
    /// *niet mijn taak* / *niet nodig in mijn rol*
    NotMine,
}

impl Choice {
    pub const ALL: [Choice; 4] = [
        Choice::Yes,
        Choice::Partly,
        Choice::Develop,
        Choice::NotMine,
    ];

    /// The stored and posted code.
    pub const fn code(self) -> &'static str {
        match self {
            Choice::Yes => "ja",
            Choice::Partly => "deels",
            Choice::Develop => "ontwikkelen",
            Choice::NotMine => "niet",
        }
    }

    pub fn parse(code: &str) -> Result<Choice, ScanInputError> {
        Choice::ALL
            .into_iter()
            .find(|c| c.code() == code.trim())
            .ok_or_else(|| ScanInputError::UnknownChoice(code.chars().take(40).collect()))
    }

    pub(crate) fn index(self) -> usize {
        match self {
            Choice::Yes => 0,
            Choice::Partly => 1,
            Choice::Develop => 2,
            Choice::NotMine => 3,
        }
    }
}

/// The longest note on one statement, in characters.
pub const ANSWER_NOTE_MAX: usize = 500;
/// The longest focus note or reflection, in characters.
pub const AREA_NOTE_MAX: usize = 2000;

/// A note as typed: trimmed, at most its limit, no control characters but line breaks and
/// tabs. Empty means no note.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note(String);

impl Note {
    pub fn parse(input: &str, max: usize) -> Result<Option<Note>, ScanInputError> {
        let normalised = input.replace("\r\n", "\n");
        let trimmed = normalised.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        let length = trimmed.chars().count();
        if length > max {
            return Err(ScanInputError::NoteTooLong { max, length });
        }
        if trimmed
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t')
        {
            return Err(ScanInputError::NoteControlCharacters);
        }
        Ok(Some(Note(trimmed.to_owned())))
    }

    /// A note as the store kept it (it was parsed when it was saved).
    pub fn from_stored(text: &str) -> Note {
        Note(text.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's answer to one statement.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answer {
    pub choice: Option<Choice>,
    pub note: Option<Note>,
    pub discuss: bool,
}

impl Answer {
    pub fn is_empty(&self) -> bool {
        self.choice.is_none() && self.note.is_none() && !self.discuss
    }
}

/// The reflection prompts: ours, the same for every area, about one's own practice, one's
/// own career and being a role model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Prompt {
    /// What goes well, and what gives energy.
    Energy,
    /// One's own career choices, and what they teach about guiding others.
    OwnCareer,
    /// Being an example to students in how one deals with choices.
    RoleModel,
}

impl Prompt {
    pub const ALL: [Prompt; 3] = [Prompt::Energy, Prompt::OwnCareer, Prompt::RoleModel];

    pub const fn code(self) -> &'static str {
        match self {
            Prompt::Energy => "energie",
            Prompt::OwnCareer => "eigen-loopbaan",
            Prompt::RoleModel => "rolmodel",
        }
    }

    pub fn from_code(code: &str) -> Option<Prompt> {
        Prompt::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The question, for an area.
    pub fn question(self, area: Area, lang: Lang) -> String {
        let topic = match (area, lang) {
            (Area::Vision, Lang::Nl) => "visie en beleid",
            (Area::Vision, Lang::En) => "vision and policy",
            (Area::Guidance, Lang::Nl) => "oriëntatie en begeleiding",
            (Area::Guidance, Lang::En) => "orientation and guidance",
            (Area::Organisation, Lang::Nl) => "organisatie",
            (Area::Organisation, Lang::En) => "organisation",
            (Area::Cooperation, Lang::Nl) => "samenwerking",
            (Area::Cooperation, Lang::En) => "cooperation",
        };
        match (self, lang) {
            (Prompt::Energy, Lang::Nl) => {
                format!("Wat gaat je goed af bij {topic}, en waar krijg je energie van?")
            }
            (Prompt::Energy, Lang::En) => {
                format!("What goes well for you in {topic}, and what gives you energy?")
            }
            (Prompt::OwnCareer, Lang::Nl) => format!(
                "Denk aan keuzes in je eigen loopbaan. Wat heb je daarvan geleerd dat je meeneemt in {topic}?"
            ),
            (Prompt::OwnCareer, Lang::En) => format!(
                "Think of choices in your own career. What did you learn from them that you bring to {topic}?"
            ),
            (Prompt::RoleModel, Lang::Nl) => format!(
                "Leerlingen en studenten kijken naar hoe jij met keuzes omgaat. Hoe ben je bij {topic} een voorbeeld, en wat zou je daarin anders willen?"
            ),
            (Prompt::RoleModel, Lang::En) => format!(
                "Students watch how you deal with choices. How are you an example in {topic}, and what would you like to do differently?"
            ),
        }
    }
}

/// Where a longer note of a scan belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoteKey {
    /// An *aandachtsveld*: what to give attention to, for a role in an area, about its tasks
    /// or its expertise.
    Focus(Role, Area, Kind),
    /// The answer to a reflection prompt, for a role in an area.
    Reflection(Role, Area, Prompt),
}

impl NoteKey {
    /// The stored and posted form: `focus.BEG.VIS.T`, `reflectie.BEG.VIS.rolmodel`.
    pub fn code(self) -> String {
        match self {
            NoteKey::Focus(role, area, kind) => {
                format!("focus.{}.{}.{}", role.code(), area.code(), kind.letter())
            }
            NoteKey::Reflection(role, area, prompt) => {
                format!(
                    "reflectie.{}.{}.{}",
                    role.code(),
                    area.code(),
                    prompt.code()
                )
            }
        }
    }

    pub fn parse(code: &str) -> Option<NoteKey> {
        let mut parts = code.split('.');
        let (what, role, area, last) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let role = Role::from_code(role)?;
        let area = Area::from_code(area)?;
        match what {
            "focus" => {
                let mut letters = last.chars();
                let kind = Kind::from_letter(letters.next()?)?;
                letters
                    .next()
                    .is_none()
                    .then_some(NoteKey::Focus(role, area, kind))
            }
            "reflectie" => Some(NoteKey::Reflection(role, area, Prompt::from_code(last)?)),
            _ => None,
        }
    }

    pub fn role(self) -> Role {
        match self {
            NoteKey::Focus(role, ..) | NoteKey::Reflection(role, ..) => role,
        }
    }

    pub fn area(self) -> Area {
        match self {
            NoteKey::Focus(_, area, _) | NoteKey::Reflection(_, area, _) => area,
        }
    }
}

/// One edit to a scan: what the page's script sends on every change, and what a form
/// without script is turned into (only the fields that changed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    Choice(Code, Option<Choice>),
    AnswerNote(Code, Option<Note>),
    Discuss(Code, bool),
    AreaNote(NoteKey, Option<Note>),
}

impl Change {
    /// Parses a posted field (`keuze.BEG.VIS.T1`, `notitie.BEG.VIS.T1`,
    /// `bespreken.BEG.VIS.T1`, or a [`NoteKey`] code) and its value, and checks it against the
    /// round's edition and the roles the person holds.
    pub fn parse(
        field: &str,
        value: &str,
        edition: &Edition,
        roles: &[Role],
    ) -> Result<Change, ScanInputError> {
        if let Some((what, code)) = field.split_once('.')
            && matches!(what, "keuze" | "notitie" | "bespreken")
        {
            let statement = statement_of(edition, roles, code)?;
            let code = statement.code.clone();
            return Ok(match what {
                "keuze" if value.trim().is_empty() => Change::Choice(code, None),
                "keuze" => Change::Choice(code, Some(Choice::parse(value)?)),
                "notitie" => Change::AnswerNote(code, Note::parse(value, ANSWER_NOTE_MAX)?),
                _ => Change::Discuss(code, parse_flag(value)?),
            });
        }
        let key = NoteKey::parse(field)
            .ok_or_else(|| ScanInputError::UnknownField(field.chars().take(60).collect()))?;
        if !roles.contains(&key.role()) {
            return Err(ScanInputError::NotYourRole);
        }
        Ok(Change::AreaNote(key, Note::parse(value, AREA_NOTE_MAX)?))
    }

    /// The field name this change is posted under.
    pub fn field(&self) -> String {
        match self {
            Change::Choice(code, _) => format!("keuze.{code}"),
            Change::AnswerNote(code, _) => format!("notitie.{code}"),
            Change::Discuss(code, _) => format!("bespreken.{code}"),
            Change::AreaNote(key, _) => key.code(),
        }
    }
}

fn statement_of<'e>(
    edition: &'e Edition,
    roles: &[Role],
    code: &str,
) -> Result<&'e Statement, ScanInputError> {
    let statement = edition
        .statement(code)
        .ok_or_else(|| ScanInputError::UnknownStatement(code.chars().take(40).collect()))?;
    if !roles.contains(&statement.role) {
        return Err(ScanInputError::NotYourRole);
    }
    Ok(statement)
}

fn parse_flag(value: &str) -> Result<bool, ScanInputError> {
    match value.trim() {
        "" | "0" | "nee" | "false" | "off" => Ok(false),
        "1" | "ja" | "true" | "on" => Ok(true),
        other => Err(ScanInputError::UnknownChoice(
            other.chars().take(40).collect(),
        )),
    }
}

/// A scan's content: answers by statement code and notes by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScanContent {
    pub answers: BTreeMap<Code, Answer>,
    pub notes: BTreeMap<NoteKey, Note>,
}

impl ScanContent {
    /// Applies one change (the store does the same, field by field, in SQL).
    pub fn apply(&mut self, change: Change) {
        match change {
            Change::Choice(code, choice) => self.answers.entry(code).or_default().choice = choice,
            Change::AnswerNote(code, note) => self.answers.entry(code).or_default().note = note,
            Change::Discuss(code, discuss) => {
                self.answers.entry(code).or_default().discuss = discuss;
            }
            Change::AreaNote(key, Some(note)) => {
                self.notes.insert(key, note);
            }
            Change::AreaNote(key, None) => {
                self.notes.remove(&key);
            }
        }
        self.answers.retain(|_, a| !a.is_empty());
    }

    pub fn answer(&self, code: &Code) -> Option<&Answer> {
        self.answers.get(code)
    }

    pub fn choice(&self, code: &Code) -> Option<Choice> {
        self.answers.get(code).and_then(|a| a.choice)
    }
}

/// How far a person is, for one role in one area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub role: Role,
    pub area: Area,
    pub answered: usize,
    pub total: usize,
}

impl Progress {
    pub fn done(&self) -> bool {
        self.answered == self.total
    }
}

/// Progress for every role held and every area, in canonical order.
pub fn progress(edition: &Edition, roles: &[Role], content: &ScanContent) -> Vec<Progress> {
    let mut all = Vec::new();
    for role in Role::ALL.into_iter().filter(|r| roles.contains(r)) {
        for area in Area::ALL {
            let statements: Vec<&Statement> = edition
                .statements()
                .iter()
                .filter(|s| s.role == role && s.area == area)
                .collect();
            all.push(Progress {
                role,
                area,
                answered: statements
                    .iter()
                    .filter(|s| content.choice(&s.code).is_some())
                    .count(),
                total: statements.len(),
            });
        }
    }
    all
}

/// How many statements of a kind got each choice, and how many none, for one role in one
/// area: the numbers behind the overview's chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Indexed like [`Choice::ALL`].
    pub counts: [usize; 4],
    pub open: usize,
}

impl Tally {
    pub fn count(&self, choice: Choice) -> usize {
        self.counts[choice.index()]
    }

    /// How many chose a step (the rest left it open).
    pub fn answered(&self) -> usize {
        self.counts.iter().sum()
    }

    /// Adds another tally to this one.
    pub fn add(&mut self, other: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(other.counts) {
            *a += b;
        }
        self.open += other.open;
    }

    /// How divided the answers are: the chance that two answers drawn at random differ (0
    /// when everyone agrees; 0.75 when the four steps are chosen equally often).
    pub fn spread(&self) -> f64 {
        let n = self.answered();
        if n < 2 {
            return 0.0;
        }
        let n = n as f64;
        1.0 - self
            .counts
            .iter()
            .map(|&c| (c as f64 / n).powi(2))
            .sum::<f64>()
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.open
    }
}

/// The tally of one kind of statement for a role in an area.
pub fn tally(
    edition: &Edition,
    content: &ScanContent,
    role: Role,
    area: Area,
    kind: Kind,
) -> Tally {
    let mut tally = Tally::default();
    for statement in edition.statements_in(role, area, kind) {
        match content.choice(&statement.code) {
            Some(choice) => tally.counts[choice.index()] += 1,
            None => tally.open += 1,
        }
    }
    tally
}

/// The statements with a given choice, for a role (all areas), in the edition's order: what
/// you already do (*Yes*) or want to take up (*Develop*).
pub fn with_choice<'e>(
    edition: &'e Edition,
    content: &ScanContent,
    role: Role,
    choice: Choice,
) -> Vec<&'e Statement> {
    edition
        .statements()
        .iter()
        .filter(|s| s.role == role && content.choice(&s.code) == Some(choice))
        .collect()
}

/// A statement whose choice differs from an earlier round's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shift<'e> {
    pub statement: &'e Statement,
    pub before: Option<Choice>,
    pub now: Option<Choice>,
}

/// What changed since an earlier scan, for the statements of `roles` in this edition that the
/// earlier scan also answered or this one answers (matched by code, which an edition keeps
/// within its lineage).
pub fn shifts<'e>(
    edition: &'e Edition,
    roles: &[Role],
    earlier: &ScanContent,
    now: &ScanContent,
) -> Vec<Shift<'e>> {
    edition
        .statements()
        .iter()
        .filter(|s| roles.contains(&s.role))
        .filter_map(|s| {
            let before = earlier.choice(&s.code);
            let after = now.choice(&s.code);
            (before.is_some() && before != after).then_some(Shift {
                statement: s,
                before,
                now: after,
            })
        })
        .collect()
}

/// What can be wrong with what a person sends about a scan or a round.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ScanInputError {
    #[error("'{0}' is not a step of the scale")]
    UnknownChoice(String),
    #[error("a note may have at most {max} characters; this one has {length}")]
    NoteTooLong { max: usize, length: usize },
    #[error("the text contains control characters")]
    NoteControlCharacters,
    #[error("'{0}' is not a statement of this round's framework")]
    UnknownStatement(String),
    #[error("'{0}' is not a field of the scan")]
    UnknownField(String),
    #[error("this statement belongs to a role you do not hold")]
    NotYourRole,
    #[error("the round has no name")]
    RoundNameEmpty,
    #[error("a round's name may have at most {max} characters")]
    RoundNameTooLong { max: usize },
    #[error("'{0}' is not a date")]
    BadDate(String),
    #[error("the round ends before it starts")]
    PeriodReversed,
    #[error("a word for a step may have at most {max} characters")]
    LabelTooLong { max: usize },
    #[error("two steps have the word '{0}'")]
    LabelTwice(String),
}

impl ScanInputError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ScanInputError::UnknownChoice(v), Lang::Nl) => {
                format!("‘{v}’ is geen keuze op de schaal.")
            }
            (ScanInputError::UnknownChoice(v), Lang::En) => {
                format!("‘{v}’ is not a step of the scale.")
            }
            (ScanInputError::NoteTooLong { max, length }, Lang::Nl) => format!(
                "Een notitie mag hoogstens {max} tekens hebben; deze heeft er {length}. Maak hem korter."
            ),
            (ScanInputError::NoteTooLong { max, length }, Lang::En) => format!(
                "A note may have at most {max} characters; this one has {length}. Please shorten it."
            ),
            (ScanInputError::NoteControlCharacters, Lang::Nl) => {
                "De tekst bevat onzichtbare stuurtekens. Typ hem opnieuw.".to_owned()
            }
            (ScanInputError::NoteControlCharacters, Lang::En) => {
                "The text contains invisible control characters. Please type it again.".to_owned()
            }
            (ScanInputError::UnknownStatement(c), Lang::Nl) => format!(
                "‘{c}’ staat niet in het raamwerk van deze ronde. Laad de pagina opnieuw."
            ),
            (ScanInputError::UnknownStatement(c), Lang::En) => format!(
                "‘{c}’ is not in this round's framework. Please reload the page."
            ),
            (ScanInputError::UnknownField(f), Lang::Nl) => {
                format!("‘{f}’ hoort niet bij de zelfscan. Laad de pagina opnieuw.")
            }
            (ScanInputError::UnknownField(f), Lang::En) => {
                format!("‘{f}’ is not part of the self-scan. Please reload the page.")
            }
            (ScanInputError::NotYourRole, Lang::Nl) => {
                "Deze uitspraak hoort bij een rol die je niet hebt. Kies je rollen op je accountpagina.".to_owned()
            }
            (ScanInputError::NotYourRole, Lang::En) => {
                "This statement belongs to a role you do not hold. Choose your roles on your account page.".to_owned()
            }
            (ScanInputError::RoundNameEmpty, Lang::Nl) => {
                "Geef de ronde een naam, bijvoorbeeld ‘najaar 2026’.".to_owned()
            }
            (ScanInputError::RoundNameEmpty, Lang::En) => {
                "Give the round a name, for example ‘autumn 2026’.".to_owned()
            }
            (ScanInputError::RoundNameTooLong { max }, Lang::Nl) => {
                format!("De naam van een ronde mag hoogstens {max} tekens hebben.")
            }
            (ScanInputError::RoundNameTooLong { max }, Lang::En) => {
                format!("A round's name may have at most {max} characters.")
            }
            (ScanInputError::BadDate(v), Lang::Nl) => {
                format!("‘{v}’ is geen datum; schrijf bijvoorbeeld 25-11-2026.")
            }
            (ScanInputError::BadDate(v), Lang::En) => {
                format!("‘{v}’ is not a date; write for example 25-11-2026.")
            }
            (ScanInputError::PeriodReversed, Lang::Nl) => {
                "De einddatum ligt vóór de begindatum.".to_owned()
            }
            (ScanInputError::PeriodReversed, Lang::En) => {
                "The end date is before the start date.".to_owned()
            }
            (ScanInputError::LabelTooLong { max }, Lang::Nl) => {
                format!("Een woord voor een stap mag hoogstens {max} tekens hebben.")
            }
            (ScanInputError::LabelTooLong { max }, Lang::En) => {
                format!("A word for a step may have at most {max} characters.")
            }
            (ScanInputError::LabelTwice(w), Lang::Nl) => format!(
                "Twee stappen heten ‘{w}’. Geef elke stap een eigen woord, anders zijn de antwoorden niet uit elkaar te houden."
            ),
            (ScanInputError::LabelTwice(w), Lang::En) => format!(
                "Two steps are called ‘{w}’. Give each step its own word, or the answers cannot be told apart."
            ),
        }
    }
}

#[cfg(test)]
#[path = "scan_tests.rs"]
mod tests;
