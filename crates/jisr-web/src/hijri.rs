//! Gregorian dates to the tabular (arithmetical) Islamic calendar: 30-year
//! cycles with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, epoch
//! 16 July 622 Julian (civil reckoning). Religious calendars based on moon
//! sighting or Umm al-Qura can differ by a day or two; the console labels
//! the date as tabular.

/// A date in the tabular Islamic calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HijriDate {
    pub year: i64,
    /// 1..=12
    pub month: u32,
    /// 1..=30
    pub day: u32,
}

/// Julian day number (at noon) of the day before 1 Muharram 1 AH.
const EPOCH: i64 = 1_948_439;

fn is_leap(year: i64) -> bool {
    (14 + 11 * year).rem_euclid(30) < 11
}

fn days_before_year(year: i64) -> i64 {
    354 * (year - 1) + (3 + 11 * year).div_euclid(30)
}

fn days_before_month(month: u32) -> i64 {
    // Months alternate 30 and 29 days, starting with 30.
    let m = i64::from(month) - 1;
    29 * m + (m + 1) / 2
}

/// Julian day number of a proleptic Gregorian date.
pub fn jdn_from_gregorian(year: i64, month: u32, day: u32) -> i64 {
    let (m, d) = (i64::from(month), i64::from(day));
    let a = (14 - m) / 12;
    let y = year + 4800 - a;
    let mm = m + 12 * a - 3;
    d + (153 * mm + 2) / 5 + 365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)
        - 32045
}

pub fn jdn_from_hijri(h: HijriDate) -> i64 {
    EPOCH + days_before_year(h.year) + days_before_month(h.month) + i64::from(h.day)
}

pub fn hijri_from_jdn(jdn: i64) -> HijriDate {
    // Estimate the year, then correct it (the estimate is off by at most one).
    let mut year = (30 * (jdn - EPOCH) + 10_646).div_euclid(10_631);
    while jdn_from_hijri(HijriDate {
        year: year + 1,
        month: 1,
        day: 1,
    }) <= jdn
    {
        year += 1;
    }
    while jdn_from_hijri(HijriDate {
        year,
        month: 1,
        day: 1,
    }) > jdn
    {
        year -= 1;
    }
    let day_of_year = jdn
        - jdn_from_hijri(HijriDate {
            year,
            month: 1,
            day: 1,
        });
    let mut month = 12;
    while month > 1 && days_before_month(month) > day_of_year {
        month -= 1;
    }
    let day = (day_of_year - days_before_month(month) + 1) as u32;
    HijriDate { year, month, day }
}

/// The Hijri date of a Gregorian `YYYY-MM-DD`; `None` when it is not one.
pub fn from_iso(date: &str) -> Option<HijriDate> {
    let d = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    let h = hijri_from_jdn(jdn_from_gregorian(i64::from(d.year()), d.month(), d.day()));
    (h.year >= 1).then_some(h)
}

/// Days in a Hijri month (the twelfth has 30 in leap years).
pub fn month_length(year: i64, month: u32) -> u32 {
    if month % 2 == 1 || (month == 12 && is_leap(year)) {
        30
    } else {
        29
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn h(year: i64, month: u32, day: u32) -> HijriDate {
        HijriDate { year, month, day }
    }

    #[test]
    fn known_dates() {
        // The epoch: 16 July 622 Julian is 19 July 622 in the proleptic Gregorian calendar.
        assert_eq!(hijri_from_jdn(jdn_from_gregorian(622, 7, 19)), h(1, 1, 1));
        assert_eq!(jdn_from_gregorian(2000, 1, 1), 2_451_545);
        // Tabular (civil) conversions as the `convertdate` Python library gives them.
        assert_eq!(from_iso("2000-01-01"), Some(h(1420, 9, 24)));
        assert_eq!(from_iso("2024-07-07"), Some(h(1445, 12, 30)));
        assert_eq!(from_iso("2024-07-08"), Some(h(1446, 1, 1)));
        assert_eq!(from_iso("2023-03-23"), Some(h(1444, 9, 1)));
        assert_eq!(from_iso("1970-01-01"), Some(h(1389, 10, 22)));
        assert_eq!(from_iso("2025-06-26"), Some(h(1446, 12, 29)));
        assert_eq!(from_iso("not a date"), None);
        assert_eq!(from_iso("0600-01-01"), None);
    }

    #[test]
    fn consecutive_days_follow_the_calendar_rules() {
        // Every day for three 30-year cycles advances by exactly one Hijri day,
        // with 29/30-day months and 354/355-day years.
        let start = jdn_from_gregorian(1980, 1, 1);
        let mut prev = hijri_from_jdn(start);
        // Counted from the first 1 Muharram on (the first year is partial).
        let mut year_days: Option<i64> = None;
        for jdn in start + 1..start + 3 * 10_631 {
            let cur = hijri_from_jdn(jdn);
            assert_eq!(jdn_from_hijri(cur), jdn);
            if cur.year != prev.year {
                assert_eq!((cur.year, cur.month, cur.day), (prev.year + 1, 1, 1));
                assert_eq!(prev.day, month_length(prev.year, 12));
                if let Some(n) = year_days {
                    assert!(n == 354 || n == 355, "{n}");
                    assert_eq!(n == 355, is_leap(prev.year));
                }
                year_days = Some(1);
            } else if cur.month != prev.month {
                assert_eq!((cur.month, cur.day), (prev.month + 1, 1));
                assert_eq!(prev.day, month_length(prev.year, prev.month));
                year_days = year_days.map(|n| n + 1);
            } else {
                assert_eq!(cur.day, prev.day + 1);
                year_days = year_days.map(|n| n + 1);
            }
            prev = cur;
        }
    }
}
