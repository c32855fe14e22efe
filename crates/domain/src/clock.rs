//! Calendar arithmetic without a clock: a moment (milliseconds since 1970-01-01 UTC) as a
//! civil date, and as the time on a Dutch wall clock (Europe/Amsterdam).
//!
//! The Netherlands keeps CET (UTC+1) in winter and CEST (UTC+2) in summer. Since 1996 summer
//! time runs, in all of the EU, from 01:00 UTC on the last Sunday of March to 01:00 UTC on
//! the last Sunday of October. Times before 1996 are not needed by the product and are read
//! by the same rule.

use crate::framework::Date;

const DAY_MS: i64 = 86_400_000;
const HOUR_MS: i64 = 3_600_000;

/// Days since 1970-01-01 to a civil date `(year, month, day)` (Howard Hinnant's algorithm).
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

/// A civil date to days since 1970-01-01 (the inverse of [`civil_from_days`]).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(month);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day (since 1970-01-01) of the last Sunday of a month with 31 days.
fn last_sunday(year: i64, month: u32) -> i64 {
    let last = days_from_civil(year, month, 31);
    // 1970-01-01 was a Thursday: (days + 4) mod 7 is 0 on a Sunday.
    last - (last + 4).rem_euclid(7)
}

/// Whether Dutch summer time (CEST) is in force at the moment.
pub fn is_summer_time(millis: i64) -> bool {
    let (year, _, _) = civil_from_days(millis.div_euclid(DAY_MS));
    let starts = last_sunday(year, 3) * DAY_MS + HOUR_MS;
    let ends = last_sunday(year, 10) * DAY_MS + HOUR_MS;
    (starts..ends).contains(&millis)
}

/// A moment on a Dutch wall clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    /// Summer time (CEST, UTC+2) rather than winter time (CET, UTC+1).
    pub summer: bool,
}

impl LocalTime {
    /// The moment in Europe/Amsterdam.
    pub fn amsterdam(millis: i64) -> LocalTime {
        let summer = is_summer_time(millis);
        let local = millis + if summer { 2 } else { 1 } * HOUR_MS;
        let minutes = local.rem_euclid(DAY_MS) / 60_000;
        LocalTime {
            date: date_of_day(local.div_euclid(DAY_MS)),
            hour: u8::try_from(minutes / 60).unwrap_or(0),
            minute: u8::try_from(minutes % 60).unwrap_or(0),
            summer,
        }
    }

    /// The zone's abbreviation as Dutch and English readers know it: `CET` or `CEST`.
    pub fn zone(&self) -> &'static str {
        if self.summer { "CEST" } else { "CET" }
    }
}

/// The date of a day since 1970-01-01; days outside the years 1900–65535 give the nearest
/// date we keep ([`Date::MIN`] for any day before 1900).
fn date_of_day(days: i64) -> Date {
    let (y, m, d) = civil_from_days(days);
    let date = u16::try_from(y)
        .ok()
        .and_then(|y| Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?));
    date.unwrap_or(Date::MIN)
}

/// The moment in ISO 8601, in UTC to the second: `2026-12-04T09:30:00Z`.
pub fn iso_utc(millis: i64) -> String {
    let (y, m, d) = civil_from_days(millis.div_euclid(DAY_MS));
    let seconds = millis.rem_euclid(DAY_MS) / 1000;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        seconds / 3600,
        (seconds % 3600) / 60,
        seconds % 60
    )
}

/// The date in the Netherlands at the moment: what "today" means for a Dutch school.
pub fn dutch_date(millis: i64) -> Date {
    LocalTime::amsterdam(millis).date
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Milliseconds of a UTC moment, for the tests.
    fn utc(year: i64, month: u32, day: u32, hour: i64, minute: i64) -> i64 {
        days_from_civil(year, month, day) * DAY_MS + hour * HOUR_MS + minute * 60_000
    }

    #[test]
    fn days_and_dates_are_inverse_over_four_centuries() {
        for days in (-50_000..150_000).step_by(17) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(days_from_civil(2028, 2, 29)), (2028, 2, 29));
    }

    #[test]
    fn the_last_sundays_are_the_known_change_days() {
        // Summer time began on these Sundays and ended on these Sundays.
        for (year, march, october) in [
            (2024, 31, 27),
            (2025, 30, 26),
            (2026, 29, 25),
            (2027, 28, 31),
        ] {
            assert_eq!(civil_from_days(last_sunday(year, 3)), (year, 3, march));
            assert_eq!(civil_from_days(last_sunday(year, 10)), (year, 10, october));
        }
    }

    #[test]
    fn summer_time_starts_and_ends_at_one_in_the_night_utc() {
        assert!(!is_summer_time(utc(2026, 3, 29, 0, 59)));
        assert!(is_summer_time(utc(2026, 3, 29, 1, 0)));
        assert!(is_summer_time(utc(2026, 10, 25, 0, 59)));
        assert!(!is_summer_time(utc(2026, 10, 25, 1, 0)));
    }

    #[test]
    fn a_dutch_wall_clock_reads_one_or_two_hours_ahead() {
        let winter = LocalTime::amsterdam(utc(2026, 12, 4, 9, 30));
        assert_eq!((winter.hour, winter.minute, winter.zone()), (10, 30, "CET"));
        let summer = LocalTime::amsterdam(utc(2026, 6, 15, 9, 30));
        assert_eq!(
            (summer.hour, summer.minute, summer.zone()),
            (11, 30, "CEST")
        );
        // Late in the evening UTC it is already the next day in the Netherlands.
        let night = LocalTime::amsterdam(utc(2026, 12, 31, 23, 15));
        assert_eq!(night.date, Date::new(2027, 1, 1).unwrap_or(Date::MIN));
        assert_eq!((night.hour, night.minute), (0, 15));
        assert_eq!(
            dutch_date(utc(2026, 5, 31, 22, 0)).to_string(),
            "2026-06-01"
        );
    }

    #[test]
    fn the_hour_that_repeats_in_autumn_reads_twice() {
        // 00:30 and 01:30 UTC on the autumn Sunday both read 02:30, once in CEST, once in CET.
        let first = LocalTime::amsterdam(utc(2026, 10, 25, 0, 30));
        let second = LocalTime::amsterdam(utc(2026, 10, 25, 1, 30));
        assert_eq!((first.hour, first.minute, first.zone()), (2, 30, "CEST"));
        assert_eq!((second.hour, second.minute, second.zone()), (2, 30, "CET"));
    }

    #[test]
    fn iso_times_are_utc_to_the_second() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(
            iso_utc(utc(2026, 12, 4, 9, 30) + 59_999),
            "2026-12-04T09:30:59Z"
        );
        assert_eq!(iso_utc(-1000), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn moments_before_1900_read_as_the_earliest_date() {
        assert_eq!(dutch_date(utc(1850, 1, 1, 12, 0)), Date::MIN);
    }
}
