//! The bar charts of answers (a person's overview, the team picture): each bar a kind of
//! statement in an area, its coloured parts the steps of the scale and *not answered yet*,
//! with the same numbers as a table beside it; the legend and the steps' words.

use domain::scan::{Choice, ScaleLabels, Tally};
use domain::{Kind, Lang};

use crate::i18n::Tr;

/// One coloured part of a bar: a choice (or no answer yet), where it starts and how wide it
/// is, in hundredths of the bar.
#[derive(Debug)]
pub struct Segment {
    pub class: &'static str,
    pub x: String,
    pub width: String,
}

/// A bar of the chart: the statements of one kind in one area.
#[derive(Debug)]
pub struct Bar {
    pub label: String,
    pub y: u32,
    pub segments: Vec<Segment>,
    /// The numbers in words, per step: `(label, count)`.
    pub cells: Vec<(String, usize)>,
    pub open: usize,
}

pub const CLASSES: [&str; 4] = ["c-ja", "c-deels", "c-ontwikkelen", "c-niet"];

pub fn bar(
    tally: &Tally,
    kind: Kind,
    label: String,
    index: u32,
    scale: &ScaleLabels,
    lang: Lang,
) -> Bar {
    let total = tally.total().max(1) as f64;
    let mut x = 0.0;
    let mut segments = Vec::new();
    let mut parts: Vec<(&'static str, usize)> = Choice::ALL
        .into_iter()
        .zip(CLASSES)
        .map(|(c, class)| (class, tally.count(c)))
        .collect();
    parts.push(("c-open", tally.open));
    for (class, count) in parts {
        if count == 0 {
            continue;
        }
        let width = count as f64 * 100.0 / total;
        segments.push(Segment {
            class,
            x: format!("{x:.2}"),
            width: format!("{width:.2}"),
        });
        x += width;
    }
    Bar {
        label,
        // Centred on a quarter and three quarters of the chart's height, where the labels
        // beside it sit.
        y: index * 26 + 7,
        segments,
        cells: Choice::ALL
            .into_iter()
            .map(|c| (scale.label(kind, c, lang).to_owned(), tally.count(c)))
            .collect(),
        open: tally.open,
    }
}

/// The chart's colours and what they mean (one name for both kinds where they differ), then
/// *not answered yet*.
pub fn legend(scale: &ScaleLabels, lang: Lang) -> Vec<(&'static str, String)> {
    Choice::ALL
        .into_iter()
        .zip(CLASSES)
        .map(|(c, class)| {
            (
                class,
                format!(
                    "{} / {}",
                    scale.label(Kind::Task, c, lang),
                    scale.label(Kind::Expertise, c, lang)
                ),
            )
        })
        .chain(std::iter::once((
            "c-open",
            Tr(lang).get("overview-no-answer"),
        )))
        .collect()
}

/// The words of the steps for one kind.
pub fn steps(scale: &ScaleLabels, kind: Kind, lang: Lang) -> Vec<String> {
    Choice::ALL
        .into_iter()
        .map(|c| scale.label(kind, c, lang).to_owned())
        .collect()
}

/// The two bars of an area (its tasks, its expertise) from a tally per kind, and a sentence
/// that says their numbers (the chart's title, for those who cannot see it).
pub fn area_bars(
    tally: impl Fn(Kind) -> Tally,
    scale: &ScaleLabels,
    lang: Lang,
) -> (Vec<Bar>, String) {
    let t = Tr(lang);
    let bars: Vec<Bar> = Kind::ALL
        .into_iter()
        .zip(0u32..)
        .map(|(kind, i)| {
            let label = t.get(match kind {
                Kind::Task => "scan-tasks",
                Kind::Expertise => "scan-expertise",
            });
            bar(&tally(kind), kind, label, i, scale, lang)
        })
        .collect();
    let summary = bars
        .iter()
        .map(|b| {
            let parts: Vec<String> = b
                .cells
                .iter()
                .filter(|(_, n)| *n > 0)
                .map(|(label, n)| format!("{n} {label}"))
                .collect();
            let parts = if parts.is_empty() {
                t.get("overview-nothing-yet")
            } else {
                parts.join(", ")
            };
            format!("{}: {parts}", b.label)
        })
        .collect::<Vec<_>>()
        .join("; ");
    (bars, summary)
}
