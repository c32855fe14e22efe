//! A school's details as a form has them (the first run's set-up, a school's settings):
//! parsed into a [`NewSchool`] with every problem noted against its field.

use domain::Lang;
use domain::school::{Brin, NewSchool, Region, SchoolName, Sector, Sectors, Students};

/// A province in the region list.
#[derive(Debug)]
pub struct RegionOption {
    pub code: &'static str,
    pub name: &'static str,
    pub selected: bool,
}

/// The school fields as typed: the name, the three sector boxes (vo, mbo, hbo), the number
/// of students, the region code and the BRIN code (may be empty).
pub struct SchoolInput<'a> {
    pub name: &'a str,
    pub sectors: [&'a Option<String>; 3],
    pub students: &'a str,
    pub region: &'a str,
    pub brin: &'a str,
}

/// The provinces for the region list, `selected` marked.
pub fn region_options(lang: Lang, selected: &str) -> Vec<RegionOption> {
    Region::ALL
        .into_iter()
        .map(|r| RegionOption {
            code: r.code(),
            name: r.name(lang),
            selected: selected == r.code(),
        })
        .collect()
}

/// The school, or `None` with every problem passed to `note`.
pub fn parse_school(
    input: &SchoolInput<'_>,
    lang: Lang,
    note: &mut impl FnMut(&'static str, String),
) -> Option<NewSchool> {
    let name = SchoolName::parse(input.name)
        .map_err(|e| note("school_name", e.message(lang)))
        .ok();
    let chosen = [Sector::Vo, Sector::Mbo, Sector::Hbo]
        .into_iter()
        .zip(input.sectors)
        .filter(|(_, on)| on.is_some())
        .map(|(s, _)| s);
    let sectors = Sectors::new(chosen)
        .map_err(|e| note("sector_vo", e.message(lang)))
        .ok();
    let students = Students::parse(input.students)
        .map_err(|e| note("students", e.message(lang)))
        .ok();
    let region = Region::parse(input.region)
        .map_err(|e| note("region", e.message(lang)))
        .ok();
    let brin = if input.brin.trim().is_empty() {
        Some(None)
    } else {
        Brin::parse(input.brin)
            .map(Some)
            .map_err(|e| note("brin", e.message(lang)))
            .ok()
    };
    Some(NewSchool {
        name: name?,
        sectors: sectors?,
        students: students?,
        region: region?,
        brin: brin?,
    })
}
