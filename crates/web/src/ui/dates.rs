//! Dates and school years as the pages write and read them.

use std::collections::HashMap;

use axum::extract::Query;
use axum::extract::rejection::QueryRejection;
use domain::Lang;
use domain::allocation::SchoolYear;
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

/// A date as people write it: `23-11-2026` in Dutch, `23/11/2026` in English (UTC).
pub fn day(millis: i64, lang: Lang) -> String {
    let days = millis.div_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    match lang {
        Lang::Nl => format!("{d}-{m}-{y}"),
        Lang::En => format!("{d}/{m}/{y}"),
    }
}

/// A date and time (UTC), for the audit log.
pub fn moment(millis: i64, lang: Lang) -> String {
    let secs = millis.div_euclid(1000);
    let time = secs.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02} UTC",
        day(millis, lang),
        time / 3600,
        (time % 3600) / 60
    )
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// Today's date in words: `25-11-2026` / `25/11/2026`.
pub fn today_text(lang: Lang) -> String {
    date_text(today(), lang)
}

/// Today's date.
pub fn today() -> domain::framework::Date {
    let days = store::now_millis().div_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    domain::framework::Date::new(
        u16::try_from(y).unwrap_or(2026),
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
    .unwrap_or(domain::framework::Date::MIN)
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
        assert_eq!(moment(millis, Lang::Nl), "23-11-2026 22:17 UTC");
        assert_eq!(day(951_782_400_000, Lang::Nl), "29-2-2000");
    }
}
