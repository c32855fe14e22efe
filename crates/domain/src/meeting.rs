//! The team meeting (*teamoverleg*): an agenda for a meeting of the team, proposed from the
//! team picture (where the team differs most, what many want to develop, tasks nobody carries
//! out while many say they do them), the allocation's points to talk about and the school's
//! own statements. The coordinator chooses topics; each gets open questions of our own and a
//! time box. Agreements are recorded afterwards; one may give a task a responsible party in
//! the allocation. Like the conversation, questions are suggestions, never a checklist.

use crate::allocation::Assignment;
use crate::conversation::share_minutes;
use crate::picture::Picture;
use crate::plan::{Line, PlanInputError};
use crate::{Code, Edition, Lang, Statement};

/// The longest meeting, in minutes.
pub const MEETING_MINUTES_MAX: u32 = 480;
/// The most topics one meeting has.
pub const TOPICS_MAX: usize = 12;

/// Where a topic comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Source {
    /// A statement where the team's answers lie furthest apart.
    Divided,
    /// A statement many want to develop or take up.
    Wanted,
    /// A task nobody carries out by agreement though many say they do it.
    Gap,
    /// A task nobody is responsible for in the allocation.
    Attention,
    /// One of the school's own statements.
    OwnFramework,
    /// A topic the coordinator wrote.
    Free,
}

impl Source {
    pub const ALL: [Source; 6] = [
        Source::Divided,
        Source::Wanted,
        Source::Gap,
        Source::Attention,
        Source::OwnFramework,
        Source::Free,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Source::Divided => "verschil",
            Source::Wanted => "wens",
            Source::Gap => "gat",
            Source::Attention => "aandacht",
            Source::OwnFramework => "eigen",
            Source::Free => "vrij",
        }
    }

    pub fn parse(code: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Open questions of our own for a topic of this kind: suggestions.
    pub const fn questions(self, lang: Lang) -> [&'static str; 3] {
        match (self, lang) {
            (Source::Divided, Lang::Nl) => [
                "Wat verstaan we hier ieder onder?",
                "Waar komen de verschillen vandaan: de rol, de klas, de ervaring?",
                "Moeten we het hier eens over worden, of mag het verschillen?",
            ],
            (Source::Divided, Lang::En) => [
                "What does each of us take this to mean?",
                "Where do the differences come from: the role, the class, experience?",
                "Do we need to agree on this, or may it differ?",
            ],
            (Source::Wanted, Lang::Nl) => [
                "Wat zou helpen om dit te ontwikkelen: een training, meelopen, tijd?",
                "Wie in of buiten de school kan hierbij helpen?",
                "Wat pakken we dit jaar als eerste op?",
            ],
            (Source::Wanted, Lang::En) => [
                "What would help develop this: a course, shadowing, time?",
                "Who in or outside the school can help with this?",
                "What do we take up first this year?",
            ],
            (Source::Gap, Lang::Nl) => [
                "Wie doet dit nu eigenlijk, en hoe weten we dat van elkaar?",
                "Wie wordt verantwoordelijk, en wie voert het uit?",
                "Past dit in de uren die ervoor staan?",
            ],
            (Source::Gap, Lang::En) => [
                "Who actually does this now, and how do we know it of each other?",
                "Who becomes responsible, and who carries it out?",
                "Does this fit in the hours set aside for it?",
            ],
            (Source::Attention, Lang::Nl) => [
                "Herkennen we dit punt?",
                "Wat is een goede verdeling, ook over het jaar?",
                "Wat spreken we af, en wanneer kijken we ernaar terug?",
            ],
            (Source::Attention, Lang::En) => [
                "Do we recognise this point?",
                "What is a good division, also over the year?",
                "What do we agree, and when do we look back on it?",
            ],
            (Source::OwnFramework, Lang::Nl) => [
                "Zegt deze uitspraak nog wat wij als school willen?",
                "Wie heeft hier in de praktijk mee te maken?",
                "Hoort hij in onze visie op loopbaanbegeleiding?",
            ],
            (Source::OwnFramework, Lang::En) => [
                "Does this statement still say what we want as a school?",
                "Who deals with this in practice?",
                "Does it belong in our vision on career guidance?",
            ],
            (Source::Free, Lang::Nl) => [
                "Wat willen we na dit punt weten of besloten hebben?",
                "Wie heeft hier een goed voorbeeld van?",
                "Wat is een eerste stap?",
            ],
            (Source::Free, Lang::En) => [
                "What do we want to know or have decided after this point?",
                "Who has a good example of this?",
                "What is a first step?",
            ],
        }
    }
}

/// A topic the app proposes, with a key that names it again when the form comes back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub source: Source,
    pub key: String,
    pub title: String,
    /// The task a topic is about, for an agreement that gives it a responsible party.
    pub task: Option<Code>,
}

/// The topics proposed for a meeting: up to three of each kind, from the team picture of a
/// round (shown figures only), the allocation (tasks of the edition nobody is responsible
/// for) and the school's own statements (`own`).
pub fn proposals(
    picture: &Picture,
    edition: &Edition,
    assignments: &[Assignment],
    own: &[&Statement],
    lang: Lang,
) -> Vec<Proposal> {
    let text = |s: &Statement| format!("{} {}", s.code, s.text.shown(lang));
    let mut out = Vec::new();
    for line in picture.divided(edition, 3) {
        out.push(Proposal {
            source: Source::Divided,
            key: format!("{}:{}", Source::Divided.code(), line.statement.code),
            title: text(line.statement),
            task: None,
        });
    }
    for line in picture.wanted(edition, 3) {
        out.push(Proposal {
            source: Source::Wanted,
            key: format!("{}:{}", Source::Wanted.code(), line.statement.code),
            title: text(line.statement),
            task: None,
        });
    }
    for (line, _) in picture
        .beside_allocation(edition, assignments)
        .into_iter()
        .filter(|(_, many)| *many)
        .take(3)
    {
        out.push(Proposal {
            source: Source::Gap,
            key: format!("{}:{}", Source::Gap.code(), line.statement.code),
            title: text(line.statement),
            task: Some(line.statement.code.clone()),
        });
    }
    let responsible: std::collections::BTreeSet<&Code> = assignments
        .iter()
        .filter(|a| a.part == crate::allocation::Part::Responsible)
        .map(|a| &a.code)
        .collect();
    let unassigned = edition
        .statements()
        .iter()
        .filter(|s| s.kind == crate::Kind::Task && !responsible.contains(&s.code));
    for s in unassigned.take(3) {
        out.push(Proposal {
            source: Source::Attention,
            key: format!("{}:{}", Source::Attention.code(), s.code),
            title: text(s),
            task: Some(s.code.clone()),
        });
    }
    for s in own.iter().take(3) {
        out.push(Proposal {
            source: Source::OwnFramework,
            key: format!("{}:{}", Source::OwnFramework.code(), s.code),
            title: text(s),
            task: None,
        });
    }
    out
}

/// A topic on a meeting's agenda.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub source: Source,
    pub title: Line,
    pub task: Option<Code>,
    pub minutes: u32,
}

/// The agenda for the chosen proposals and the coordinator's own topics, in that order, the
/// meeting's `total` minutes shared evenly (at least a fifth of an even share each).
pub fn agenda(
    chosen: &[&Proposal],
    own: &[Line],
    total: u32,
) -> Result<Vec<Topic>, PlanInputError> {
    if total > MEETING_MINUTES_MAX {
        return Err(PlanInputError::TooManyMinutes {
            max: MEETING_MINUTES_MAX,
        });
    }
    let mut topics: Vec<Topic> = chosen
        .iter()
        .map(|p| {
            Line::parse(&p.title, Line::MAX)
                .or_else(|_| {
                    Line::parse(
                        &p.title.chars().take(Line::MAX).collect::<String>(),
                        Line::MAX,
                    )
                })
                .map(|title| Topic {
                    source: p.source,
                    title,
                    task: p.task.clone(),
                    minutes: 0,
                })
        })
        .collect::<Result<_, _>>()?;
    topics.extend(own.iter().map(|title| Topic {
        source: Source::Free,
        title: title.clone(),
        task: None,
        minutes: 0,
    }));
    if topics.is_empty() {
        return Err(PlanInputError::Empty);
    }
    if topics.len() > TOPICS_MAX {
        return Err(PlanInputError::TooManyTopics { max: TOPICS_MAX });
    }
    let boxes = share_minutes(&vec![0; topics.len()], total);
    for (topic, minutes) in topics.iter_mut().zip(boxes) {
        topic.minutes = minutes;
    }
    Ok(topics)
}

/// One topic as the coordinator edited it on the form: its title, its minutes, and whether
/// it goes off the agenda.
#[derive(Clone, Copy, Debug)]
pub struct TopicEdit<'a> {
    pub title: &'a str,
    pub minutes: &'a str,
    pub remove: bool,
}

/// Minutes for one topic, as typed: a whole number up to the longest meeting.
fn topic_minutes(text: &str) -> Result<u32, PlanInputError> {
    let text = text.trim();
    match text.parse::<u32>() {
        Ok(n) if n > MEETING_MINUTES_MAX => Err(PlanInputError::TooManyMinutes {
            max: MEETING_MINUTES_MAX,
        }),
        Ok(n) => Ok(n),
        Err(_) => Err(PlanInputError::BadMinutes(text.chars().take(12).collect())),
    }
}

/// The agenda after an edit: each topic (in order, `edits` one per topic) kept with its new
/// title and minutes or removed, then `added`, a topic of the coordinator's own, when its
/// title is not blank. A topic keeps where it came from and its task. The whole stays within
/// the longest meeting and the most topics, and is not empty.
pub fn revise(
    topics: &[Topic],
    edits: &[TopicEdit<'_>],
    added: TopicEdit<'_>,
) -> Result<Vec<Topic>, PlanInputError> {
    let mut out = Vec::new();
    for (topic, edit) in topics.iter().zip(edits) {
        if edit.remove {
            continue;
        }
        out.push(Topic {
            source: topic.source,
            title: Line::parse(edit.title, Line::MAX)?,
            task: topic.task.clone(),
            minutes: topic_minutes(edit.minutes)?,
        });
    }
    if !added.remove && !added.title.trim().is_empty() {
        out.push(Topic {
            source: Source::Free,
            title: Line::parse(added.title, Line::MAX)?,
            task: None,
            minutes: topic_minutes(added.minutes)?,
        });
    }
    if out.is_empty() {
        return Err(PlanInputError::Empty);
    }
    if out.len() > TOPICS_MAX {
        return Err(PlanInputError::TooManyTopics { max: TOPICS_MAX });
    }
    if out.iter().map(|t| t.minutes).sum::<u32>() > MEETING_MINUTES_MAX {
        return Err(PlanInputError::TooManyMinutes {
            max: MEETING_MINUTES_MAX,
        });
    }
    Ok(out)
}

#[cfg(test)]
#[path = "meeting_tests.rs"]
mod tests;
