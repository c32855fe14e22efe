//! *Wie doet wat*: the team's agreement on who is responsible for each task statement, who
//! carries it out and who is involved, and what deserves a conversation — tasks no one is
//! responsible for or carries out, people with many responsibilities or more task hours than
//! they have, and differences between what people say they do and what is agreed. Worded as
//! things to talk about, never as faults.

use std::collections::{BTreeMap, HashMap};

use crate::account::UserId;
use crate::framework::{Code, Role};
use crate::hours::Minutes;
use crate::lang::Lang;
use crate::scan::Choice;

/// How the conversation tool *LOB-taken* groups tasks; a school sets one per task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// *begeleidend*
    Guiding,
    /// *coördinerend en specialistisch*
    Specialist,
    /// *beleidsmatig*
    Policy,
    /// *management*
    Management,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Guiding,
        Category::Specialist,
        Category::Policy,
        Category::Management,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Category::Guiding => "begeleidend",
            Category::Specialist => "specialistisch",
            Category::Policy => "beleidsmatig",
            Category::Management => "management",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Category::Guiding, Lang::Nl) => "begeleidend",
            (Category::Guiding, Lang::En) => "guidance",
            (Category::Specialist, Lang::Nl) => "coördinerend en specialistisch",
            (Category::Specialist, Lang::En) => "coordinating and specialist",
            (Category::Policy, Lang::Nl) => "beleidsmatig",
            (Category::Policy, Lang::En) => "policy",
            (Category::Management, Lang::Nl) => "management",
            (Category::Management, Lang::En) => "management",
        }
    }

    /// The category a task of a role has until the school sets another.
    pub fn default_for(role: Role) -> Category {
        match role {
            Role::Mentor => Category::Guiding,
            Role::Specialist => Category::Specialist,
            Role::Coordinator => Category::Policy,
        }
    }
}

/// One's part in a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// *verantwoordelijk*: answers for it (one, ideally).
    Responsible,
    /// *voert uit*
    CarriesOut,
    /// *betrokken*
    Involved,
}

impl Part {
    pub const ALL: [Part; 3] = [Part::Responsible, Part::CarriesOut, Part::Involved];

    pub fn key(self) -> &'static str {
        match self {
            Part::Responsible => "verantwoordelijk",
            Part::CarriesOut => "uitvoerend",
            Part::Involved => "betrokken",
        }
    }

    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Part::Responsible, Lang::Nl) => "verantwoordelijk",
            (Part::Responsible, Lang::En) => "responsible",
            (Part::CarriesOut, Lang::Nl) => "voert uit",
            (Part::CarriesOut, Lang::En) => "carries out",
            (Part::Involved, Lang::Nl) => "betrokken",
            (Part::Involved, Lang::En) => "involved",
        }
    }
}

/// Parties outside the school that share in career guidance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outside {
    Parents,
    Business,
    FurtherEducation,
    PriorEducation,
    Municipality,
}

impl Outside {
    pub const ALL: [Outside; 5] = [
        Outside::Parents,
        Outside::Business,
        Outside::FurtherEducation,
        Outside::PriorEducation,
        Outside::Municipality,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Outside::Parents => "ouders",
            Outside::Business => "bedrijfsleven",
            Outside::FurtherEducation => "vervolgonderwijs",
            Outside::PriorEducation => "toeleverend",
            Outside::Municipality => "gemeente",
        }
    }

    pub fn from_key(key: &str) -> Option<Outside> {
        Outside::ALL.into_iter().find(|o| o.key() == key)
    }

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Outside::Parents, Lang::Nl) => "ouders/verzorgers",
            (Outside::Parents, Lang::En) => "parents and carers",
            (Outside::Business, Lang::Nl) => "bedrijfsleven",
            (Outside::Business, Lang::En) => "employers",
            (Outside::FurtherEducation, Lang::Nl) => "vervolgonderwijs",
            (Outside::FurtherEducation, Lang::En) => "further education",
            (Outside::PriorEducation, Lang::Nl) => "toeleverend onderwijs",
            (Outside::PriorEducation, Lang::En) => "previous schools",
            (Outside::Municipality, Lang::Nl) => "gemeente",
            (Outside::Municipality, Lang::En) => "municipality",
        }
    }
}

/// Who takes part in a task.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Party {
    Person(UserId),
    /// Everyone holding a framework role (e.g. all mentors).
    Role(Role),
    Outside(Outside),
    /// A party the school added, by its name.
    Own(String),
}

/// One agreement: a party's part in a task.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Assignment {
    pub code: Code,
    pub party: Party,
    pub part: Part,
}

/// A task statement as the allocation sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    pub code: Code,
    pub role: Role,
    pub category: Category,
    /// The hours a year the task takes, when the school estimated them.
    pub hours: Option<Minutes>,
}

/// What a person said about a task in a scan they chose to let feed the allocation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub person: UserId,
    pub code: Code,
    pub choice: Choice,
}

impl Suggestion {
    /// Whether the answer says the person does (part of) the task or wants to take it up.
    pub fn offers(&self) -> bool {
        matches!(self.choice, Choice::Yes | Choice::Partly | Choice::Develop)
    }
}

/// The school's choices for the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rules {
    /// Allow only one responsible party per task.
    pub one_responsible: bool,
    /// From how many responsibilities on, a person's load is worth a conversation.
    pub many_responsibilities: usize,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            one_responsible: true,
            many_responsibilities: 8,
        }
    }
}

/// Why an agreement was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    #[error("this task already has someone responsible; the school allows one")]
    AlreadyResponsible,
    #[error("this person is not an active member of the school")]
    NotAMember,
    #[error("not a task statement of the school's edition")]
    NotATask,
    #[error("this party already has this part in this task")]
    Duplicate,
}

impl AllocationError {
    pub fn message(&self, lang: Lang) -> &'static str {
        match (self, lang) {
            (AllocationError::AlreadyResponsible, Lang::Nl) => {
                "Deze taak heeft al iemand die verantwoordelijk is, en de school kiest voor één verantwoordelijke per taak. Maak eerst de ander betrokken of haal die weg."
            }
            (AllocationError::AlreadyResponsible, Lang::En) => {
                "This task already has someone responsible, and the school chose one responsible party per task. First make the other one involved, or remove them."
            }
            (AllocationError::NotAMember, Lang::Nl) => {
                "Deze persoon is geen actief lid van de school (meer)."
            }
            (AllocationError::NotAMember, Lang::En) => {
                "This person is not an active member of the school (any more)."
            }
            (AllocationError::NotATask, Lang::Nl) => {
                "Dit is geen taak in het raamwerk van de school."
            }
            (AllocationError::NotATask, Lang::En) => {
                "This is not a task in the school's framework."
            }
            (AllocationError::Duplicate, Lang::Nl) => "Deze afspraak staat er al.",
            (AllocationError::Duplicate, Lang::En) => "This agreement is there already.",
        }
    }
}

/// Checks a new agreement against the ones there are.
pub fn check(
    new: &Assignment,
    existing: &[Assignment],
    tasks: &[Task],
    members: &[UserId],
    rules: Rules,
) -> Result<(), AllocationError> {
    if !tasks.iter().any(|t| t.code == new.code) {
        return Err(AllocationError::NotATask);
    }
    if let Party::Person(person) = &new.party
        && !members.contains(person)
    {
        return Err(AllocationError::NotAMember);
    }
    if existing.contains(new) {
        return Err(AllocationError::Duplicate);
    }
    if rules.one_responsible
        && new.part == Part::Responsible
        && existing
            .iter()
            .any(|a| a.code == new.code && a.part == Part::Responsible)
    {
        return Err(AllocationError::AlreadyResponsible);
    }
    Ok(())
}

/// What adding agreements to several tasks at once comes to, checked one after the other
/// (each against the ones before it too): the agreements to add, the tasks that had that
/// agreement already (left as they are), and the tasks where it is refused, with why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Batch {
    pub add: Vec<Assignment>,
    pub already: Vec<Code>,
    pub refused: Vec<(Code, AllocationError)>,
}

/// Checks several new agreements against the ones there are; a batch is stored whole or
/// not at all, so a caller stores `add` only when `refused` is empty.
pub fn check_batch(
    new: &[Assignment],
    existing: &[Assignment],
    tasks: &[Task],
    members: &[UserId],
    rules: Rules,
) -> Batch {
    let mut seen = existing.to_vec();
    let mut batch = Batch::default();
    for assignment in new {
        match check(assignment, &seen, tasks, members, rules) {
            Ok(()) => {
                seen.push(assignment.clone());
                batch.add.push(assignment.clone());
            }
            Err(AllocationError::Duplicate) => batch.already.push(assignment.code.clone()),
            Err(e) => batch.refused.push((assignment.code.clone(), e)),
        }
    }
    batch
}

/// Something worth a conversation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Attention {
    NoOneResponsible(Code),
    NoOneCarriesOut(Code),
    /// More than one party responsible (when the school allows that).
    SeveralResponsible {
        code: Code,
        parties: usize,
    },
    ManyResponsibilities {
        person: UserId,
        count: usize,
    },
    /// The task hours a person carries out exceed the hours they have for LOB.
    MoreHoursThanAllocated {
        person: UserId,
        tasks: Minutes,
        allocated: Minutes,
    },
    /// Says they do (or want to take up) a task in which they have no part.
    SaysButNotAgreed {
        person: UserId,
        code: Code,
    },
    /// Has a part in a task, but said it is not theirs.
    AgreedButSaysNot {
        person: UserId,
        code: Code,
    },
}

/// Each person's share of the task hours they carry out: a task's hours are shared equally by
/// the people carrying it out.
pub fn task_hours(tasks: &[Task], assignments: &[Assignment]) -> BTreeMap<UserId, Minutes> {
    let mut out: BTreeMap<UserId, Minutes> = BTreeMap::new();
    for task in tasks {
        let Some(hours) = task.hours else { continue };
        let people: Vec<&UserId> = assignments
            .iter()
            .filter(|a| a.code == task.code && a.part == Part::CarriesOut)
            .filter_map(|a| match &a.party {
                Party::Person(p) => Some(p),
                _ => None,
            })
            .collect();
        if people.is_empty() {
            continue;
        }
        let share = hours.0 / people.len() as i64;
        for p in people {
            out.entry(*p).or_default().0 += share;
        }
    }
    out
}

/// Everything about the allocation worth a conversation, in a stable order: tasks first (in
/// the edition's order), then people. A person has a part in a task when they are named, or
/// when a role they hold (`roles`) is.
pub fn attention(
    tasks: &[Task],
    assignments: &[Assignment],
    allocated: &HashMap<UserId, Minutes>,
    suggestions: &[Suggestion],
    roles: &HashMap<UserId, Vec<Role>>,
    rules: Rules,
) -> Vec<Attention> {
    let mut out = Vec::new();
    for task in tasks {
        let of = |part: Part| {
            assignments
                .iter()
                .filter(|a| a.code == task.code && a.part == part)
                .count()
        };
        match of(Part::Responsible) {
            0 => out.push(Attention::NoOneResponsible(task.code.clone())),
            1 => {}
            n => out.push(Attention::SeveralResponsible {
                code: task.code.clone(),
                parties: n,
            }),
        }
        if of(Part::CarriesOut) == 0 {
            out.push(Attention::NoOneCarriesOut(task.code.clone()));
        }
    }
    let mut responsibilities: BTreeMap<UserId, usize> = BTreeMap::new();
    for a in assignments {
        if let (Party::Person(p), Part::Responsible) = (&a.party, a.part) {
            *responsibilities.entry(*p).or_default() += 1;
        }
    }
    for (person, count) in responsibilities {
        if count >= rules.many_responsibilities {
            out.push(Attention::ManyResponsibilities { person, count });
        }
    }
    for (person, hours) in task_hours(tasks, assignments) {
        let have = allocated.get(&person).copied().unwrap_or_default();
        if hours > have {
            out.push(Attention::MoreHoursThanAllocated {
                person,
                tasks: hours,
                allocated: have,
            });
        }
    }
    // Who has a part in which task, by name or by role.
    let mut by_task: HashMap<&Code, (Vec<UserId>, Vec<Role>)> = HashMap::new();
    for a in assignments {
        let entry = by_task.entry(&a.code).or_default();
        match &a.party {
            Party::Person(p) => entry.0.push(*p),
            Party::Role(r) => entry.1.push(*r),
            _ => {}
        }
    }
    let has_part = |person: &UserId, code: &Code| {
        by_task.get(code).is_some_and(|(people, task_roles)| {
            people.contains(person)
                || roles
                    .get(person)
                    .is_some_and(|held| held.iter().any(|r| task_roles.contains(r)))
        })
    };
    let known: std::collections::HashSet<&Code> = tasks.iter().map(|t| &t.code).collect();
    for s in suggestions {
        if !known.contains(&s.code) {
            continue;
        }
        if s.offers() && !has_part(&s.person, &s.code) {
            out.push(Attention::SaysButNotAgreed {
                person: s.person,
                code: s.code.clone(),
            });
        }
        if s.choice == Choice::NotMine && has_part(&s.person, &s.code) {
            out.push(Attention::AgreedButSaysNot {
                person: s.person,
                code: s.code.clone(),
            });
        }
    }
    out
}

#[cfg(test)]
#[path = "allocation_tests.rs"]
mod tests;

/// A school year, from 1 August to 31 July, named by the years it spans: `2026-2027`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolYear(u16);

impl SchoolYear {
    /// The school year a date falls in.
    pub fn of(date: crate::framework::Date) -> SchoolYear {
        if date.month() >= 8 {
            SchoolYear(date.year())
        } else {
            SchoolYear(date.year().saturating_sub(1))
        }
    }

    /// Reads `2026-2027` (the second year must follow the first).
    pub fn parse(s: &str) -> Option<SchoolYear> {
        let (a, b) = s.trim().split_once('-')?;
        let (a, b): (u16, u16) = (a.parse().ok()?, b.parse().ok()?);
        ((1900..=9998).contains(&a) && b == a + 1).then_some(SchoolYear(a))
    }

    pub fn starts(self) -> u16 {
        self.0
    }

    pub fn previous(self) -> SchoolYear {
        SchoolYear(self.0.saturating_sub(1))
    }

    pub fn next(self) -> SchoolYear {
        SchoolYear(self.0.saturating_add(1))
    }
}

impl std::fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}
