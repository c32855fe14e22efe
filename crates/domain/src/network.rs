//! Networks of schools (*netwerk*): a pilot, a region, a board or a national body whose member
//! schools learn from each other without being ranked.
//!
//! The rules, all here:
//! - a school is in a network only after its administrator accepted an invitation, and may
//!   leave at any time; a school that left shares nothing any more ([`Membership`]);
//! - a school chooses per indicator what it shares ([`Indicator`]); nothing is shared unless
//!   chosen;
//! - a figure over the network is a median with quartiles, never a list and never a ranking,
//!   and only over at least [`MIN_SCHOOLS`] schools that share it ([`spread`]);
//! - grouped by sector, size band or region only when every group of that grouping still has
//!   that many schools, with the group-figure rule of [`crate::aggregate::partition`] between
//!   the groups and the whole ([`grouped`]);
//! - a school sees its own position ([`Position`]) — no one else's;
//! - a school's name stands next to a figure only when that school and the reader's school
//!   both agreed to be named ([`may_name`]).

use crate::aggregate::{Threshold, partition};
use crate::plan::{Line, PlanInputError};
use crate::school::{Region, Sector, Students};
use crate::{Area, Lang};

/// The least number of schools a network figure is shown over.
pub const MIN_SCHOOLS: u32 = 5;
/// The longest explanation a school adds to what it shares.
pub const EXPLANATION_MAX: usize = 1000;
/// The longest name of a network.
pub const NAME_MAX: usize = 120;

/// The k of network figures: schools, never fewer than five.
pub fn school_threshold() -> Threshold {
    Threshold::from_stored(i64::from(MIN_SCHOOLS))
}

/// What kind of network it is (only for its description; the rules are the same).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Pilot,
    Region,
    Board,
    National,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Pilot, Kind::Region, Kind::Board, Kind::National];

    pub const fn code(self) -> &'static str {
        match self {
            Kind::Pilot => "pilot",
            Kind::Region => "regio",
            Kind::Board => "bestuur",
            Kind::National => "landelijk",
        }
    }

    pub fn parse(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code.trim())
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Kind::Pilot, Lang::Nl) => "Pilot",
            (Kind::Pilot, Lang::En) => "Pilot",
            (Kind::Region, Lang::Nl) => "Regio",
            (Kind::Region, Lang::En) => "Region",
            (Kind::Board, Lang::Nl) => "Schoolbestuur",
            (Kind::Board, Lang::En) => "School board",
            (Kind::National, Lang::Nl) => "Landelijk",
            (Kind::National, Lang::En) => "National",
        }
    }
}

/// A network's name, as typed.
pub fn network_name(input: &str) -> Result<Line, PlanInputError> {
    Line::parse(input, NAME_MAX)
}

/// What a school may share with its networks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Indicator {
    /// The team picture per area: the share of *doe ik* on the area's tasks.
    TeamPicture,
    /// Who does what: the share of the tasks with someone responsible.
    Allocation,
    /// LOB hours: the hours given to people against the hours the formula gives.
    Hours,
    /// The student survey per area: the share of students that agrees.
    Survey,
    /// The yearly cycle: the share of what the cycle asked that is done.
    Cycle,
}

impl Indicator {
    pub const ALL: [Indicator; 5] = [
        Indicator::TeamPicture,
        Indicator::Allocation,
        Indicator::Hours,
        Indicator::Survey,
        Indicator::Cycle,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Indicator::TeamPicture => "teambeeld",
            Indicator::Allocation => "wie-doet-wat",
            Indicator::Hours => "uren",
            Indicator::Survey => "leerlingenenquete",
            Indicator::Cycle => "jaarcyclus",
        }
    }

    pub fn parse(code: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.code() == code.trim())
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Indicator::TeamPicture, Lang::Nl) => "Teambeeld per aandachtsgebied",
            (Indicator::TeamPicture, Lang::En) => "Team picture per area",
            (Indicator::Allocation, Lang::Nl) => "Taken met een verantwoordelijke",
            (Indicator::Allocation, Lang::En) => "Tasks with someone responsible",
            (Indicator::Hours, Lang::Nl) => "LOB-uren tegenover de formule",
            (Indicator::Hours, Lang::En) => "LOB hours against the formula",
            (Indicator::Survey, Lang::Nl) => "Leerlingenenquête per aandachtsgebied",
            (Indicator::Survey, Lang::En) => "Student survey per area",
            (Indicator::Cycle, Lang::Nl) => "Voortgang van de jaarcyclus",
            (Indicator::Cycle, Lang::En) => "Progress of the yearly cycle",
        }
    }

    /// The figures the indicator has: one per area, or one for the whole school.
    pub fn parts(self) -> Vec<Part> {
        match self {
            Indicator::TeamPicture | Indicator::Survey => {
                Area::ALL.into_iter().map(Part::Area).collect()
            }
            Indicator::Allocation | Indicator::Hours | Indicator::Cycle => vec![Part::Whole],
        }
    }
}

/// One figure of an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Whole,
    Area(Area),
}

impl Part {
    /// The stored code: empty for the whole, else the area's code.
    pub const fn code(self) -> &'static str {
        match self {
            Part::Whole => "",
            Part::Area(area) => area.code(),
        }
    }

    pub fn parse(code: &str) -> Option<Part> {
        if code.is_empty() {
            return Some(Part::Whole);
        }
        Area::ALL
            .into_iter()
            .find(|a| a.code() == code)
            .map(Part::Area)
    }
}

/// The indicators a school shares, as stored: their codes separated by spaces.
pub fn shares_text(shared: &[Indicator]) -> String {
    Indicator::ALL
        .into_iter()
        .filter(|i| shared.contains(i))
        .map(Indicator::code)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The indicators of a stored text; unknown codes are left out.
pub fn shares_of(text: &str) -> Vec<Indicator> {
    Indicator::ALL
        .into_iter()
        .filter(|i| text.split_whitespace().any(|c| c == i.code()))
        .collect()
}

/// One figure of a school: a share, 0 to 1 (the hours may pass 1: more hours than the
/// formula gives).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub indicator: Indicator,
    pub part: Part,
    pub value: f64,
}

/// `part` of `whole` as a share, or nothing of nothing.
pub fn share(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The cycle's progress: the share of what the year's cycle asks that is done.
pub fn cycle_progress(due: &[crate::cycle::Due]) -> Option<f64> {
    share(due.iter().filter(|d| d.done).count(), due.len())
}

/// Where a school stands in a network: invited, a member, or gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Membership {
    /// Invited by the network coordinator; shares nothing until its administrator accepts.
    Invited,
    Member,
    /// Declined the invitation or left: shares nothing, and its figures are gone at once.
    Left,
}

/// Why a change to a school's membership was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MembershipError {
    #[error("the school is not invited")]
    NotInvited,
    #[error("the school is a member already")]
    AlreadyMember,
    #[error("the school is not a member")]
    NotAMember,
}

impl MembershipError {
    pub fn message(self, lang: Lang) -> String {
        match (self, lang) {
            (MembershipError::NotInvited, Lang::Nl) => {
                "Deze school is niet (meer) uitgenodigd voor dit netwerk.".to_owned()
            }
            (MembershipError::NotInvited, Lang::En) => {
                "This school is not (or no longer) invited to this network.".to_owned()
            }
            (MembershipError::AlreadyMember, Lang::Nl) => {
                "Deze school is al lid van dit netwerk.".to_owned()
            }
            (MembershipError::AlreadyMember, Lang::En) => {
                "This school is a member of this network already.".to_owned()
            }
            (MembershipError::NotAMember, Lang::Nl) => {
                "Deze school is geen lid van dit netwerk.".to_owned()
            }
            (MembershipError::NotAMember, Lang::En) => {
                "This school is not a member of this network.".to_owned()
            }
        }
    }
}

impl Membership {
    /// Inviting a school: again after it left is fine; a member is not invited twice.
    pub fn invite(current: Option<Membership>) -> Result<Membership, MembershipError> {
        match current {
            Some(Membership::Member) => Err(MembershipError::AlreadyMember),
            _ => Ok(Membership::Invited),
        }
    }

    /// The school's administrator accepts the invitation.
    pub fn accept(self) -> Result<Membership, MembershipError> {
        match self {
            Membership::Invited => Ok(Membership::Member),
            Membership::Member => Err(MembershipError::AlreadyMember),
            Membership::Left => Err(MembershipError::NotInvited),
        }
    }

    /// The school declines the invitation or leaves; always possible for a member.
    pub fn leave(self) -> Result<Membership, MembershipError> {
        match self {
            Membership::Invited | Membership::Member => Ok(Membership::Left),
            Membership::Left => Err(MembershipError::NotAMember),
        }
    }

    /// Whether the school's figures count in the network now.
    pub fn shares(self) -> bool {
        self == Membership::Member
    }
}

/// A school's size band, from its number of students.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SizeBand {
    /// Under 500 students.
    Small,
    /// 500 to 1,499.
    Medium,
    /// 1,500 to 4,999.
    Large,
    /// 5,000 and more.
    VeryLarge,
}

impl SizeBand {
    pub const ALL: [SizeBand; 4] = [
        SizeBand::Small,
        SizeBand::Medium,
        SizeBand::Large,
        SizeBand::VeryLarge,
    ];

    pub fn of(students: Students) -> SizeBand {
        match students.get() {
            0..=499 => SizeBand::Small,
            500..=1499 => SizeBand::Medium,
            1500..=4999 => SizeBand::Large,
            _ => SizeBand::VeryLarge,
        }
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SizeBand::Small, Lang::Nl) => "tot 500 leerlingen",
            (SizeBand::Small, Lang::En) => "under 500 students",
            (SizeBand::Medium, Lang::Nl) => "500 tot 1.500 leerlingen",
            (SizeBand::Medium, Lang::En) => "500 to 1,500 students",
            (SizeBand::Large, Lang::Nl) => "1.500 tot 5.000 leerlingen",
            (SizeBand::Large, Lang::En) => "1,500 to 5,000 students",
            (SizeBand::VeryLarge, Lang::Nl) => "5.000 leerlingen of meer",
            (SizeBand::VeryLarge, Lang::En) => "5,000 students or more",
        }
    }
}

/// What a school is, for grouping: its first sector, its size band, its region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Profile {
    pub sector: Sector,
    pub size: SizeBand,
    pub region: Region,
}

/// How a network's figures may be grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Sector,
    Size,
    Region,
}

impl Grouping {
    pub const ALL: [Grouping; 3] = [Grouping::Sector, Grouping::Size, Grouping::Region];

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Grouping::Sector, Lang::Nl) => "Per sector",
            (Grouping::Sector, Lang::En) => "By sector",
            (Grouping::Size, Lang::Nl) => "Per grootte",
            (Grouping::Size, Lang::En) => "By size",
            (Grouping::Region, Lang::Nl) => "Per provincie",
            (Grouping::Region, Lang::En) => "By province",
        }
    }
}

/// A group of schools in a grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Group {
    Sector(Sector),
    Size(SizeBand),
    Region(Region),
}

impl Group {
    pub fn of(grouping: Grouping, profile: &Profile) -> Group {
        match grouping {
            Grouping::Sector => Group::Sector(profile.sector),
            Grouping::Size => Group::Size(profile.size),
            Grouping::Region => Group::Region(profile.region),
        }
    }

    pub fn name(self, lang: Lang) -> String {
        match self {
            Group::Sector(s) => s.code().to_uppercase(),
            Group::Size(b) => b.name(lang).to_owned(),
            Group::Region(r) => r.name(lang).to_owned(),
        }
    }
}

/// The spread of a figure over schools: how many, and the quartiles (median in the middle).
/// No lowest or highest: those are one school's figure each.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spread {
    pub schools: usize,
    pub q1: f64,
    pub median: f64,
    pub q3: f64,
}

/// A quantile by linear interpolation between the sorted values.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let last = sorted.len().saturating_sub(1);
    let at = q * last as f64;
    let low = at.floor() as usize;
    let high = at.ceil() as usize;
    let (a, b) = (sorted[low.min(last)], sorted[high.min(last)]);
    a + (b - a) * (at - low as f64)
}

/// The spread of the schools' values, when at least [`MIN_SCHOOLS`] schools share it; a
/// value that is not a number is left out.
pub fn spread(values: &[f64]) -> Option<Spread> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if !school_threshold().admits(sorted.len()) {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    Some(Spread {
        schools: sorted.len(),
        q1: quantile(&sorted, 0.25),
        median: quantile(&sorted, 0.5),
        q3: quantile(&sorted, 0.75),
    })
}

/// Where a school's own value stands against the spread, for that school alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    /// Below the first quartile.
    LowerQuarter,
    /// Between the first and third quartile.
    Middle,
    /// Above the third quartile.
    UpperQuarter,
}

impl Position {
    pub fn of(value: f64, spread: &Spread) -> Position {
        if value < spread.q1 {
            Position::LowerQuarter
        } else if value > spread.q3 {
            Position::UpperQuarter
        } else {
            Position::Middle
        }
    }

    pub const fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Position::LowerQuarter, Lang::Nl) => "bij het laagste kwart",
            (Position::LowerQuarter, Lang::En) => "in the lowest quarter",
            (Position::Middle, Lang::Nl) => "in de middelste helft",
            (Position::Middle, Lang::En) => "in the middle half",
            (Position::UpperQuarter, Lang::Nl) => "bij het hoogste kwart",
            (Position::UpperQuarter, Lang::En) => "in the highest quarter",
        }
    }
}

/// The spreads of one figure per group of a grouping, when every group that has schools has at
/// least [`MIN_SCHOOLS`] (else the grouping is not shown at all: `None`), and the groups may be
/// shown beside the whole under [`partition`]. Groups in a fixed order; no school named.
pub fn grouped(values: &[(Group, f64)]) -> Option<Vec<(Group, Spread)>> {
    let mut groups: Vec<Group> = values.iter().map(|(g, _)| *g).collect();
    groups.sort();
    groups.dedup();
    let per_group: Vec<Vec<f64>> = groups
        .iter()
        .map(|g| {
            values
                .iter()
                .filter(|(h, v)| h == g && v.is_finite())
                .map(|(_, v)| *v)
                .collect()
        })
        .collect();
    let sizes: Vec<usize> = per_group.iter().map(Vec::len).collect();
    let shown = partition(&sizes, school_threshold());
    if groups.len() < 2 || !shown.whole || !shown.parts.iter().all(|s| *s) {
        return None;
    }
    groups
        .into_iter()
        .zip(per_group)
        .map(|(g, v)| spread(&v).map(|s| (g, s)))
        .collect()
}

/// Whether a school's name may stand next to its figure for a reader from another school: only
/// when both schools agreed to be named.
pub fn may_name(school_agreed: bool, reader_school_agreed: bool) -> bool {
    school_agreed && reader_school_agreed
}

/// A school's short explanation of what it shares, read by the network (paragraphs, at most
/// [`EXPLANATION_MAX`] characters; empty for none).
pub fn explanation(input: &str) -> Result<Option<String>, PlanInputError> {
    let text = input.trim().replace("\r\n", "\n");
    let length = text.chars().count();
    if length > EXPLANATION_MAX {
        return Err(PlanInputError::TooLong {
            max: EXPLANATION_MAX,
            length,
        });
    }
    if text.chars().any(|c| c.is_control() && c != '\n') {
        return Err(PlanInputError::ControlCharacters);
    }
    Ok((!text.is_empty()).then_some(text))
}

/// A school as the network's figures see it: what it is, whether it agreed to be named, what
/// it shares and its figures of one school year (only those of shared indicators count).
#[derive(Clone, Debug, PartialEq)]
pub struct Shared {
    pub profile: Profile,
    pub named: bool,
    pub indicators: Vec<Indicator>,
    pub figures: Vec<Figure>,
}

impl Shared {
    /// The school's value of a figure, when it shares the indicator and has the figure.
    pub fn value(&self, indicator: Indicator, part: Part) -> Option<f64> {
        if !self.indicators.contains(&indicator) {
            return None;
        }
        self.figures
            .iter()
            .find(|f| f.indicator == indicator && f.part == part && f.value.is_finite())
            .map(|f| f.value)
    }
}

/// Who reads the network's figures: the network's coordinator (no school; sees the names of
/// the schools that agreed to be named), or a member school by its place in the list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    Coordinator,
    School(usize),
}

/// One figure over the network, as a reader may see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub indicator: Indicator,
    pub part: Part,
    /// How many schools share a value (shown also when too few for a spread).
    pub schools: usize,
    /// `None` under [`MIN_SCHOOLS`].
    pub spread: Option<Spread>,
    /// Per grouping that may be shown.
    pub groups: Vec<(Grouping, Vec<(Group, Spread)>)>,
    /// The reading school's own value and position, when it shares the figure.
    pub own: Option<(f64, Option<Position>)>,
    /// Schools (by their place in the list) that may be named beside their value, in the
    /// list's order (never by value).
    pub named: Vec<(usize, f64)>,
}

/// Every figure over the network for one reader. A figure's spread needs [`MIN_SCHOOLS`]
/// schools sharing it; groupings follow [`grouped`]; a school stands by name beside its value
/// only when it and the reader agreed to be named ([`may_name`]; the coordinator counts as
/// agreeing) and the schools not named are none or still [`MIN_SCHOOLS`], so that no hidden
/// value can be worked out from the spread and the named ones.
pub fn overview(schools: &[Shared], reader: Reader) -> Vec<Row> {
    let reader_named = match reader {
        Reader::Coordinator => true,
        Reader::School(i) => schools.get(i).is_some_and(|s| s.named),
    };
    let mut rows = Vec::new();
    for indicator in Indicator::ALL {
        for part in indicator.parts() {
            let values: Vec<(usize, f64)> = schools
                .iter()
                .enumerate()
                .filter_map(|(i, s)| s.value(indicator, part).map(|v| (i, v)))
                .collect();
            let plain: Vec<f64> = values.iter().map(|(_, v)| *v).collect();
            let spread = spread(&plain);
            let groups = match spread {
                None => Vec::new(),
                Some(_) => Grouping::ALL
                    .into_iter()
                    .filter_map(|grouping| {
                        let by: Vec<(Group, f64)> = values
                            .iter()
                            .map(|(i, v)| (Group::of(grouping, &schools[*i].profile), *v))
                            .collect();
                        grouped(&by).map(|g| (grouping, g))
                    })
                    .collect(),
            };
            let own = match (reader, spread) {
                (Reader::School(me), _) => values
                    .iter()
                    .find(|(i, _)| *i == me)
                    .map(|(_, v)| (*v, spread.map(|s| Position::of(*v, &s)))),
                (Reader::Coordinator, _) => None,
            };
            let mut named: Vec<(usize, f64)> = match spread {
                Some(_) => values
                    .iter()
                    .filter(|(i, _)| may_name(schools[*i].named, reader_named))
                    .copied()
                    .collect(),
                None => Vec::new(),
            };
            let unnamed = values.len() - named.len();
            if unnamed != 0 && !school_threshold().admits(unnamed) {
                named.clear();
            }
            rows.push(Row {
                indicator,
                part,
                schools: values.len(),
                spread,
                groups,
                own,
                named,
            });
        }
    }
    rows
}

#[cfg(test)]
#[path = "network_tests.rs"]
mod tests;
