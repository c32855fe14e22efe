//! LOB hours: how many hours a year a school gives career guidance, by a formula the school
//! chooses, shown step by step. Amounts are whole minutes, so every step is exact; the
//! formulas have no division, so none can divide by zero.
//!
//! - *VvSL* (the default): 220 hours + 90 hours per decaan + 1.5 hours per student. The
//!   published example: 600 students and 2 decanen give 1,300 hours.
//! - *NVS 1996*: 240 hours + 50 to 70 minutes per student (the school picks the minutes).
//! - The school's own linear formula: a base + hours per decaan + hours per student.

use std::fmt;

use crate::lang::Lang;

/// An amount of time in whole minutes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Minutes(pub i64);

impl Minutes {
    pub const fn hours(h: i64) -> Minutes {
        Minutes(h * 60)
    }

    /// Reads hours as people type them: `1300`, `1.300` (Dutch thousands), `1,5` or `1.5`
    /// (one decimal at most, so every amount is whole minutes), optionally followed by `uur`
    /// or `h`. `None` for anything else, or a negative amount.
    pub fn parse_hours(input: &str) -> Option<Minutes> {
        let s = input
            .trim()
            .trim_end_matches("uur")
            .trim_end_matches('h')
            .trim()
            .replace([' ', '\u{a0}'], "");
        if s.is_empty() || s.len() > 12 {
            return None;
        }
        // `1.300` is thirteen hundred; `1.5` and `1,5` are one and a half.
        let grouped = |w: &str| -> Option<String> {
            let groups: Vec<&str> = w.split('.').collect();
            let ok = groups.len() == 1
                || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
            ok.then(|| groups.concat())
        };
        let (whole, tenths) = match s.split_once(',') {
            Some((w, f)) if f.len() == 1 => (grouped(w)?, f.to_owned()),
            Some(_) => return None,
            None => match s.split_once('.') {
                Some((w, f)) if f.len() == 1 => (w.to_owned(), f.to_owned()),
                Some(_) => (grouped(&s)?, String::new()),
                None => (s.clone(), String::new()),
            },
        };
        if !tenths.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let whole: i64 = whole.parse().ok()?;
        let tenths: i64 = if tenths.is_empty() {
            0
        } else {
            tenths.parse().ok()?
        };
        Some(Minutes(whole.checked_mul(60)? + tenths * 6))
    }

    /// Hours with one decimal where needed, in the language's way: `1.300` / `1,300`,
    /// `1.300,5` / `1,300.5`.
    pub fn display(self, lang: Lang) -> String {
        let negative = self.0 < 0;
        let tenths = (self.0.abs() * 10 + 30) / 60;
        let (whole, fraction) = (tenths / 10, tenths % 10);
        let (thousands, decimal) = match lang {
            Lang::Nl => ('.', ','),
            Lang::En => (',', '.'),
        };
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                grouped.push(thousands);
            }
            grouped.push(c);
        }
        let sign = if negative { "−" } else { "" };
        if fraction == 0 {
            format!("{sign}{grouped}")
        } else {
            format!("{sign}{grouped}{decimal}{fraction}")
        }
    }
}

/// The largest amount of hours a parameter may have: no school gives more than this to LOB.
pub const MAX_HOURS: i64 = 100_000;
/// The most decanen a school may count.
pub const MAX_DECANEN: u32 = 1_000;

/// A formula a school chooses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Formula {
    Vvsl,
    /// Minutes per student, 50 to 70.
    Nvs {
        minutes_per_student: u32,
    },
    Own {
        base: Minutes,
        per_decaan: Minutes,
        per_student: Minutes,
    },
}

impl Formula {
    /// The name used in forms and storage.
    pub fn key(self) -> &'static str {
        match self {
            Formula::Vvsl => "vvsl",
            Formula::Nvs { .. } => "nvs",
            Formula::Own { .. } => "eigen",
        }
    }
}

/// What the formulas count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub decanen: u32,
    pub students: u32,
}

/// Why a formula or its counts were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("the minutes per student must be 50 to 70")]
    NvsMinutes,
    #[error("an amount of hours must be 0 to 100,000")]
    Amount,
    #[error("the number of students must be 0 to 100,000")]
    Students,
    #[error("the number of decanen must be 0 to 1,000")]
    Decanen,
}

impl HoursError {
    pub fn message(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (HoursError::NvsMinutes, Lang::Nl) => {
                "Het aantal minuten per leerling is 50 tot en met 70."
            }
            (HoursError::NvsMinutes, Lang::En) => "The minutes per student are 50 to 70.",
            (HoursError::Amount, Lang::Nl) => {
                "Een aantal uren ligt tussen 0 en 100.000, met hoogstens één decimaal."
            }
            (HoursError::Amount, Lang::En) => {
                "An amount of hours is 0 to 100,000, with one decimal at most."
            }
            (HoursError::Students, Lang::Nl) => "Het aantal leerlingen ligt tussen 0 en 100.000.",
            (HoursError::Students, Lang::En) => "The number of students is 0 to 100,000.",
            (HoursError::Decanen, Lang::Nl) => "Het aantal decanen ligt tussen 0 en 1.000.",
            (HoursError::Decanen, Lang::En) => "The number of decanen is 0 to 1,000.",
        }
    }
}

/// A formula with checked parameters.
pub fn checked(formula: Formula) -> Result<Formula, HoursError> {
    match formula {
        Formula::Vvsl => Ok(formula),
        Formula::Nvs {
            minutes_per_student,
        } => {
            if (50..=70).contains(&minutes_per_student) {
                Ok(formula)
            } else {
                Err(HoursError::NvsMinutes)
            }
        }
        Formula::Own {
            base,
            per_decaan,
            per_student,
        } => {
            let ok = |m: Minutes| (0..=MAX_HOURS * 60).contains(&m.0);
            if ok(base) && ok(per_decaan) && ok(per_student) {
                Ok(formula)
            } else {
                Err(HoursError::Amount)
            }
        }
    }
}

/// Counts within bounds.
pub fn checked_counts(counts: Counts) -> Result<Counts, HoursError> {
    if counts.students > 100_000 {
        return Err(HoursError::Students);
    }
    if counts.decanen > MAX_DECANEN {
        return Err(HoursError::Decanen);
    }
    Ok(counts)
}

/// One line of the calculation: what it is, the sum written out, and its amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub what: &'static str,
    pub sum: String,
    pub amount: Minutes,
}

/// The calculation, step by step, and its total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calculation {
    pub steps: Vec<Step>,
    pub total: Minutes,
}

/// The hours a formula gives for the counts, with every step, in a language.
pub fn calculate(formula: Formula, counts: Counts, lang: Lang) -> Result<Calculation, HoursError> {
    let formula = checked(formula)?;
    let counts = checked_counts(counts)?;
    let h = |m: Minutes| m.display(lang);
    let n = |x: u32| Minutes::hours(i64::from(x)).display(lang);
    let nl = lang == Lang::Nl;
    let (base, per_decaan, per_student) = match formula {
        Formula::Vvsl => (Minutes::hours(220), Minutes::hours(90), Minutes(90)),
        Formula::Nvs {
            minutes_per_student,
        } => (
            Minutes::hours(240),
            Minutes(0),
            Minutes(i64::from(minutes_per_student)),
        ),
        Formula::Own {
            base,
            per_decaan,
            per_student,
        } => (base, per_decaan, per_student),
    };
    let decanen = Minutes(per_decaan.0 * i64::from(counts.decanen));
    let students = Minutes(per_student.0 * i64::from(counts.students));
    let mut steps = vec![Step {
        what: if nl { "basis" } else { "base" },
        sum: format!("{} {}", h(base), if nl { "uur" } else { "hours" }),
        amount: base,
    }];
    if !matches!(formula, Formula::Nvs { .. }) {
        steps.push(Step {
            what: "decanen",
            sum: format!(
                "{} × {} {}",
                n(counts.decanen),
                h(per_decaan),
                if nl { "uur" } else { "hours" }
            ),
            amount: decanen,
        });
    }
    let per_student_words = match formula {
        Formula::Nvs {
            minutes_per_student,
        } => {
            format!(
                "{minutes_per_student} {}",
                if nl { "minuten" } else { "minutes" }
            )
        }
        _ => format!("{} {}", h(per_student), if nl { "uur" } else { "hours" }),
    };
    steps.push(Step {
        what: if nl { "leerlingen" } else { "students" },
        sum: format!("{} × {per_student_words}", n(counts.students)),
        amount: students,
    });
    let total = Minutes(steps.iter().map(|s| s.amount.0).sum());
    Ok(Calculation { steps, total })
}

impl fmt::Display for Minutes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::Nl))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_published_vvsl_example_gives_1300_hours() {
        let c = calculate(
            Formula::Vvsl,
            Counts {
                decanen: 2,
                students: 600,
            },
            Lang::Nl,
        )
        .expect("valid");
        assert_eq!(c.total, Minutes::hours(1300));
        let sums: Vec<(&str, &str, String)> = c
            .steps
            .iter()
            .map(|s| (s.what, s.sum.as_str(), s.amount.display(Lang::Nl)))
            .collect();
        assert_eq!(
            sums,
            vec![
                ("basis", "220 uur", "220".to_owned()),
                ("decanen", "2 × 90 uur", "180".to_owned()),
                ("leerlingen", "600 × 1,5 uur", "900".to_owned()),
            ]
        );
        assert_eq!(c.total.display(Lang::Nl), "1.300");
        assert_eq!(c.total.display(Lang::En), "1,300");
    }

    #[test]
    fn nvs_counts_minutes_per_student_and_keeps_them_between_50_and_70() {
        let c = calculate(
            Formula::Nvs {
                minutes_per_student: 60,
            },
            Counts {
                decanen: 3,
                students: 600,
            },
            Lang::En,
        )
        .expect("valid");
        assert_eq!(c.total, Minutes::hours(240 + 600));
        assert_eq!(c.steps.len(), 2, "decanen do not count in NVS");
        assert_eq!(c.steps[1].sum, "600 × 60 minutes");
        let c = calculate(
            Formula::Nvs {
                minutes_per_student: 50,
            },
            Counts {
                decanen: 0,
                students: 7,
            },
            Lang::Nl,
        )
        .expect("valid");
        // 240 h + 350 min = 245 h 50 min, shown as 245,8.
        assert_eq!(c.total, Minutes(240 * 60 + 350));
        assert_eq!(c.total.display(Lang::Nl), "245,8");
        for bad in [49, 71, 0] {
            assert_eq!(
                calculate(
                    Formula::Nvs {
                        minutes_per_student: bad
                    },
                    Counts {
                        decanen: 0,
                        students: 1
                    },
                    Lang::Nl
                ),
                Err(HoursError::NvsMinutes)
            );
        }
    }

    #[test]
    fn an_own_formula_is_linear_and_bounded() {
        let own = Formula::Own {
            base: Minutes::hours(100),
            per_decaan: Minutes::hours(50),
            per_student: Minutes(30),
        };
        let c = calculate(
            own,
            Counts {
                decanen: 1,
                students: 10,
            },
            Lang::Nl,
        )
        .expect("valid");
        assert_eq!(c.total, Minutes::hours(155));
        let absurd = Formula::Own {
            base: Minutes::hours(MAX_HOURS + 1),
            per_decaan: Minutes(0),
            per_student: Minutes(0),
        };
        assert_eq!(
            calculate(
                absurd,
                Counts {
                    decanen: 0,
                    students: 0
                },
                Lang::Nl
            ),
            Err(HoursError::Amount)
        );
        let negative = Formula::Own {
            base: Minutes(-60),
            per_decaan: Minutes(0),
            per_student: Minutes(0),
        };
        assert_eq!(checked(negative), Err(HoursError::Amount));
        assert_eq!(
            checked_counts(Counts {
                decanen: 0,
                students: 100_001
            }),
            Err(HoursError::Students)
        );
        assert_eq!(
            checked_counts(Counts {
                decanen: 1_001,
                students: 1
            }),
            Err(HoursError::Decanen)
        );
        // The largest allowed inputs do not overflow.
        let big = Formula::Own {
            base: Minutes::hours(MAX_HOURS),
            per_decaan: Minutes::hours(MAX_HOURS),
            per_student: Minutes::hours(MAX_HOURS),
        };
        assert!(
            calculate(
                big,
                Counts {
                    decanen: MAX_DECANEN,
                    students: 100_000
                },
                Lang::Nl
            )
            .is_ok()
        );
    }

    #[test]
    fn hours_are_read_as_people_type_them() {
        assert_eq!(Minutes::parse_hours("1300"), Some(Minutes::hours(1300)));
        assert_eq!(Minutes::parse_hours("1.300"), Some(Minutes::hours(1300)));
        assert_eq!(Minutes::parse_hours("1,5"), Some(Minutes(90)));
        assert_eq!(Minutes::parse_hours("1.5 uur"), Some(Minutes(90)));
        assert_eq!(Minutes::parse_hours(" 12 h"), Some(Minutes::hours(12)));
        assert_eq!(Minutes::parse_hours("0"), Some(Minutes(0)));
        for bad in ["", "-5", "1,25", "veel", "1.2.3", "1e9", "99999999999999"] {
            assert_eq!(Minutes::parse_hours(bad), None, "{bad}");
        }
        assert_eq!(Minutes(-90).display(Lang::Nl), "−1,5");
    }
}
