//! The fixed structure every edition shares: three roles, four areas, two kinds of statement
//! and the depth at which a role takes up a theme. Editions word the names; the structure
//! itself is a fact of the framework.

use crate::lang::Text;

/// A framework role (doelgroep): which group of professionals a statement is about.
/// A person may hold any number of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Begeleider primair proces: mentor, teacher, coach (first line).
    Mentor,
    /// Specialistisch loopbaanbegeleider: decaan, career adviser (second line).
    Specialist,
    /// Coördinator/beleidsmaker LOB (third line).
    Coordinator,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Mentor, Role::Specialist, Role::Coordinator];

    /// The short code used in statement codes and files.
    pub const fn code(self) -> &'static str {
        match self {
            Role::Mentor => "BEG",
            Role::Specialist => "SPE",
            Role::Coordinator => "COO",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// An area (aandachtsgebied) of the framework.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// Visie en beleid.
    Vision,
    /// Oriëntatie en begeleiding.
    Guidance,
    /// Organisatie.
    Organisation,
    /// Samenwerking.
    Cooperation,
}

impl Area {
    pub const ALL: [Area; 4] = [
        Area::Vision,
        Area::Guidance,
        Area::Organisation,
        Area::Cooperation,
    ];

    pub const fn code(self) -> &'static str {
        match self {
            Area::Vision => "VIS",
            Area::Guidance => "ORI",
            Area::Organisation => "ORG",
            Area::Cooperation => "SAM",
        }
    }

    pub fn from_code(code: &str) -> Option<Area> {
        Area::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// The kind of a statement: a task (rolbeschrijving) or expertise (deskundigheid).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Task,
    Expertise,
}

impl Kind {
    pub const ALL: [Kind; 2] = [Kind::Task, Kind::Expertise];

    /// The name used in files (`task`, `expertise`).
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Task => "task",
            Kind::Expertise => "expertise",
        }
    }

    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The letter used in statement codes: T (taak) or D (deskundigheid).
    pub const fn letter(self) -> char {
        match self {
            Kind::Task => 'T',
            Kind::Expertise => 'D',
        }
    }

    pub fn from_letter(letter: char) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.letter() == letter)
    }
}

/// How deep a role goes into a theme: the same topic asks more of a specialist than of a mentor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Depth {
    /// Basis: knows of it and applies it in one's own work.
    Foundation,
    /// Verdieping: goes into it deeply, keeps it up and shares it.
    Deepening,
    /// Sturing: steers it, embeds it and makes it visible at school level.
    Steering,
}

impl Depth {
    pub const ALL: [Depth; 3] = [Depth::Foundation, Depth::Deepening, Depth::Steering];

    /// The level as a number, 1 to 3, as written in files.
    pub const fn level(self) -> u8 {
        match self {
            Depth::Foundation => 1,
            Depth::Deepening => 2,
            Depth::Steering => 3,
        }
    }

    pub fn from_level(level: i64) -> Option<Depth> {
        Depth::ALL
            .into_iter()
            .find(|d| i64::from(d.level()) == level)
    }
}

/// How an edition names and describes one of the fixed parts of the structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label<K> {
    pub key: K,
    pub name: Text,
    pub description: Text,
}

/// How an edition names and describes a role.
pub type RoleInfo = Label<Role>;

/// How an edition names and describes an area.
pub type AreaInfo = Label<Area>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_distinct() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        for area in Area::ALL {
            assert_eq!(Area::from_code(area.code()), Some(area));
        }
        for kind in Kind::ALL {
            assert_eq!(Kind::from_name(kind.name()), Some(kind));
            assert_eq!(Kind::from_letter(kind.letter()), Some(kind));
        }
        for depth in Depth::ALL {
            assert_eq!(Depth::from_level(i64::from(depth.level())), Some(depth));
        }
        assert_eq!(Role::from_code("beg"), None);
        assert_eq!(Area::from_code("XYZ"), None);
        assert_eq!(Kind::from_name("Task"), None);
        assert_eq!(Depth::from_level(0), None);
        assert_eq!(Depth::from_level(4), None);
    }

    #[test]
    fn depth_is_ordered() {
        assert!(Depth::Foundation < Depth::Deepening);
        assert!(Depth::Deepening < Depth::Steering);
    }
}
