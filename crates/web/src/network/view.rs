//! A network's figures in words, for one reader: per indicator the median and quartiles over
//! the schools that share it (only over at least five), per grouping that may be shown, the
//! reading school's own value and position, the schools that may be named, and the schools'
//! explanations. The coordinator's page, a member school's page and the network report all
//! take them from here, so a rule of [`domain::network`] holds in all three.

use domain::network::{Figure, Indicator, Part, Reader, Row, Shared, overview};
use domain::network::{Profile, SizeBand};
use domain::{Edition, Lang};
use store::NetworkSchool;

use crate::i18n::Tr;

/// A share as a whole percentage.
pub(crate) fn percent(value: f64) -> String {
    format!("{:.0}%", value * 100.0)
}

/// Quartiles in words.
#[derive(Debug, Clone)]
pub struct SpreadCells {
    pub q1: String,
    pub median: String,
    pub q3: String,
}

/// One figure of an indicator (one area, or the whole school).
#[derive(Debug, Clone)]
pub struct FigureLine {
    pub part: String,
    pub schools: String,
    /// `None`: fewer than five schools share it.
    pub spread: Option<SpreadCells>,
    /// The reading school's own value and where it stands; empty for none.
    pub own: String,
}

/// The figures of one grouping (per sector, size or province).
#[derive(Debug, Clone)]
pub struct GroupTable {
    pub heading: String,
    /// Part, group, schools, quartiles.
    pub rows: Vec<(String, String, String, SpreadCells)>,
}

/// One indicator with its figures.
#[derive(Debug, Clone)]
pub struct IndicatorView {
    pub id: &'static str,
    pub name: String,
    pub lines: Vec<FigureLine>,
    pub groups: Vec<GroupTable>,
    /// Part, school, value: schools that may be named, in the order of their names.
    pub named: Vec<(String, String, String)>,
}

/// A school's explanation, with its name when the reader may see it.
#[derive(Debug, Clone)]
pub struct Explanation {
    pub who: String,
    pub text: String,
}

/// Everything a reader sees of the network's figures of one school year.
#[derive(Debug, Clone)]
pub struct FiguresView {
    pub indicators: Vec<IndicatorView>,
    pub explanations: Vec<Explanation>,
    /// Member schools.
    pub members: usize,
}

/// The shares of the network's members as the domain's rules read them.
pub(crate) fn shared(members: &[(NetworkSchool, Vec<Figure>)]) -> Vec<Shared> {
    members
        .iter()
        .map(|(m, figures)| Shared {
            profile: Profile {
                sector: m.school.sectors.as_slice()[0],
                size: SizeBand::of(m.school.students),
                region: m.school.region,
            },
            named: m.named,
            indicators: m.shares.clone(),
            figures: figures.clone(),
        })
        .collect()
}

/// A part's name: an area's (from the edition) or "the whole school".
pub(crate) fn part_name(part: Part, edition: &Edition, lang: Lang) -> String {
    match part {
        Part::Whole => Tr(lang).get("network-whole"),
        Part::Area(area) => edition.area(area).name.get(lang).to_owned(),
    }
}

fn cells(spread: &domain::network::Spread) -> SpreadCells {
    SpreadCells {
        q1: percent(spread.q1),
        median: percent(spread.median),
        q3: percent(spread.q3),
    }
}

fn schools_text(n: usize, lang: Lang) -> String {
    Tr(lang).with("network-schools-count", "count", n)
}

/// The figures of one indicator's rows.
fn indicator_view(
    indicator: Indicator,
    rows: &[&Row],
    members: &[(NetworkSchool, Vec<Figure>)],
    edition: &Edition,
    lang: Lang,
) -> IndicatorView {
    let lines = rows
        .iter()
        .map(|row| FigureLine {
            part: part_name(row.part, edition, lang),
            schools: schools_text(row.schools, lang),
            spread: row.spread.as_ref().map(cells),
            own: match row.own {
                Some((value, Some(position))) => {
                    format!("{} ({})", percent(value), position.name(lang))
                }
                Some((value, None)) => percent(value),
                None => String::new(),
            },
        })
        .collect();
    let mut groups: Vec<GroupTable> = Vec::new();
    for row in rows {
        for (grouping, spreads) in &row.groups {
            let heading = grouping.name(lang).to_owned();
            let table = match groups.iter().position(|g| g.heading == heading) {
                Some(i) => &mut groups[i],
                None => {
                    groups.push(GroupTable {
                        heading,
                        rows: Vec::new(),
                    });
                    let last = groups.len() - 1;
                    &mut groups[last]
                }
            };
            for (group, spread) in spreads {
                table.rows.push((
                    part_name(row.part, edition, lang),
                    group.name(lang),
                    schools_text(spread.schools, lang),
                    cells(spread),
                ));
            }
        }
    }
    let mut named: Vec<(String, String, String)> = rows
        .iter()
        .flat_map(|row| {
            row.named.iter().map(|(i, value)| {
                (
                    part_name(row.part, edition, lang),
                    members[*i].0.school.name.to_string(),
                    percent(*value),
                )
            })
        })
        .collect();
    named.sort_by(|a, b| a.1.cmp(&b.1));
    IndicatorView {
        id: indicator.code(),
        name: indicator.name(lang).to_owned(),
        lines,
        groups,
        named,
    }
}

/// The network's figures for a reader: the coordinator, or the member school `reader`.
pub(crate) fn figures_view(
    members: &[(NetworkSchool, Vec<Figure>)],
    reader: Reader,
    edition: &Edition,
    lang: Lang,
) -> FiguresView {
    let rows = overview(&shared(members), reader);
    let indicators = Indicator::ALL
        .into_iter()
        .map(|indicator| {
            let of: Vec<&Row> = rows.iter().filter(|r| r.indicator == indicator).collect();
            indicator_view(indicator, &of, members, edition, lang)
        })
        .collect();
    let explanations = explanations(members, reader, lang);
    FiguresView {
        indicators,
        explanations,
        members: members.len(),
    }
}

/// The schools' explanations for a reader: by name where [`domain::network::may_name`] allows
/// (the coordinator counts as agreeing), else as "a school"; named ones by name, then the
/// others by their words — never in the list's order.
pub(crate) fn explanations(
    members: &[(NetworkSchool, Vec<Figure>)],
    reader: Reader,
    lang: Lang,
) -> Vec<Explanation> {
    let reader_named = match reader {
        Reader::Coordinator => true,
        Reader::School(i) => members.get(i).is_some_and(|(m, _)| m.named),
    };
    let anonymous = Tr(lang).get("network-a-school");
    let mut explanations: Vec<Explanation> = members
        .iter()
        .filter_map(|(m, _)| {
            m.explanation.as_ref().map(|text| Explanation {
                who: if domain::network::may_name(m.named, reader_named) {
                    m.school.name.to_string()
                } else {
                    anonymous.clone()
                },
                text: text.clone(),
            })
        })
        .collect();
    explanations.sort_by(|a, b| {
        (a.who == anonymous, &a.who, &a.text).cmp(&(b.who == anonymous, &b.who, &b.text))
    });
    explanations
}
