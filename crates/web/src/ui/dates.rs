//! Dates and school years as the pages write and read them.

use std::collections::HashMap;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use domain::Lang;
use domain::allocation::SchoolYear;
use domain::clock::{LocalTime, dutch_date};
use domain::framework::Date;
use domain::scan::Period;

use crate::i18n::Tr;

/// A date as people write it: `25-11-2026` in Dutch, `25/11/2026` in English.
pub fn date_text(date: Date, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{}-{}-{}", date.day(), date.month(), date.year()),
        Lang::En => format!("{}/{}/{}", date.day(), date.month(), date.year()),
    }
}

/// A round's period in words.
pub fn period_text(period: Period, lang: Lang) -> String {
    let t = Tr(lang);
    let starts = date_text(period.starts, lang);
    match period.ends {
        Some(ends) => t.args(
            "round-period",
            &[
                ("starts", starts.as_str()),
                ("ends", &date_text(ends, lang)),
            ],
        ),
        None => t.with("round-period-open", "starts", starts),
    }
}

/// The day of a moment as people write it: `23-11-2026` in Dutch, `23/11/2026` in English,
/// on the Dutch calendar (Europe/Amsterdam).
pub fn day(millis: i64, lang: Lang) -> String {
    date_text(dutch_date(millis), lang)
}

/// A moment as a Dutch wall clock shows it, for the audit log: `4-12-2026 10:30 CET`.
pub fn moment(millis: i64, lang: Lang) -> String {
    let local = LocalTime::amsterdam(millis);
    format!(
        "{} {:02}:{:02} {}",
        date_text(local.date, lang),
        local.hour,
        local.minute,
        local.zone()
    )
}

/// Today's date in words: `25-11-2026` / `25/11/2026`.
pub fn today_text(lang: Lang) -> String {
    date_text(today(), lang)
}

/// Today's date in the Netherlands.
pub fn today() -> Date {
    dutch_date(store::now_millis())
}

/// Today's school year.
pub(crate) fn this_year() -> SchoolYear {
    SchoolYear::of(today())
}

/// The school year a page's query names (`?jaar=2026-2027`), else this one.
pub(crate) fn year_of(
    query: &Result<Query<HashMap<String, String>>, QueryRejection>,
    lang: Lang,
) -> SchoolYear {
    query
        .as_ref()
        .ok()
        .and_then(|Query(q)| q.get(year_param(lang)))
        .and_then(|y| SchoolYear::parse(y))
        .unwrap_or_else(this_year)
}

pub(crate) fn year_param(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "jaar",
        Lang::En => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_people_write_them() {
        assert_eq!(day(0, Lang::Nl), "1-1-1970");
        // 2026-11-23 22:17 UTC
        let millis = 1_795_472_220_000;
        assert_eq!(day(millis, Lang::Nl), "23-11-2026");
        assert_eq!(day(millis, Lang::En), "23/11/2026");
        // The audit log reads the Dutch wall clock: an hour ahead in winter, two in summer.
        assert_eq!(moment(millis, Lang::Nl), "23-11-2026 23:17 CET");
        // 2026-07-01 22:30 UTC is already 2 July in the Netherlands.
        assert_eq!(moment(1_782_945_000_000, Lang::En), "2/7/2026 00:30 CEST");
        assert_eq!(day(1_782_945_000_000, Lang::Nl), "2-7-2026");
        assert_eq!(day(951_782_400_000, Lang::Nl), "29-2-2000");
    }
}
