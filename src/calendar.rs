//! The reference year of every hourly series: 8,760 hours of local standard time from 1 January
//! 00:00, hour `h` covering `[h, h + 1)`, as the weather readers deliver them (29 February dropped).
//!
//! Typical load profiles need to know which days are worked. They use one fixed calendar, **2025**
//! (a common year that starts on a Wednesday), with the public holidays and the weekend days
//! worked in exchange (调休上班) of the State Council's notice for 2025:
//! 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 12 November 2024), issued
//! under the 《全国年节及纪念日放假办法》 as revised in November 2024 (from 2025, New Year's Eve of the lunar
//! calendar and 2 May are holidays too):
//!
//! | holiday | days off | worked weekend days |
//! |---|---|---|
//! | 元旦 New Year | 1 Jan | – |
//! | 春节 Spring Festival | 28 Jan – 4 Feb | Sun 26 Jan, Sat 8 Feb |
//! | 清明节 Qingming | 4 – 6 Apr | – |
//! | 劳动节 Labour Day | 1 – 5 May | Sun 27 Apr |
//! | 端午节 Dragon Boat | 31 May – 2 Jun | – |
//! | 国庆节、中秋节 National Day, Mid-Autumn | 1 – 8 Oct | Sun 28 Sep, Sat 11 Oct |
//!
//! That gives 248 working days, 89 weekend rest days and 28 holidays. Generation and time-of-use
//! prices do not depend on the weekday, so measured loads of any year can be laid on these hours
//! by their month, day and hour.

/// Hours in the reference year.
pub const HOURS: usize = 8760;
/// Days in the reference year.
pub const DAYS: usize = 365;
/// The reference calendar year of the typical load profiles.
pub const REFERENCE_YEAR: i32 = 2025;

/// Days per month of a common year.
pub const DAYS_IN_MONTH: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/// [`DAYS_IN_MONTH`] as `u32` (day-of-year arithmetic).
pub const DAYS_IN_MONTH_U32: [u32; 12] = {
    let mut out = [0; 12];
    let mut m = 0;
    while m < 12 {
        out[m] = DAYS_IN_MONTH[m] as u32;
        m += 1;
    }
    out
};

/// Index (0-based) of the first day of each month, and 365 at the end.
pub const MONTH_START_DAY: [usize; 13] =
    [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/// What kind of day a day of the reference year is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayType {
    /// Monday to Friday, and the weekend days worked in exchange for a holiday.
    Workday,
    /// Saturday or Sunday that is neither a holiday nor worked.
    Weekend,
    /// A public holiday day off (including the weekend days inside a holiday).
    Holiday,
}

/// Holidays of 2025 as (month, first day, last day), inclusive.
const HOLIDAYS_2025: [(usize, usize, usize); 7] = [
    (1, 1, 1),
    (1, 28, 31),
    (2, 1, 4),
    (4, 4, 6),
    (5, 1, 5),
    (5, 31, 31),
    (10, 1, 8),
];
/// June 1–2 belong to the Dragon Boat holiday that starts on 31 May.
const HOLIDAYS_2025_JUNE: (usize, usize, usize) = (6, 1, 2);
/// Weekend days worked in 2025 (month, day).
const WORKED_WEEKEND_DAYS_2025: [(usize, usize); 5] = [(1, 26), (2, 8), (4, 27), (9, 28), (10, 11)];

/// Day index (0–364) of a month (1–12) and day (1–31) of a common year.
pub fn day_index(month: usize, day: usize) -> usize {
    MONTH_START_DAY[month - 1] + day - 1
}

/// Month (0–11) of a day index (0–364).
pub fn month_of_day(day: usize) -> usize {
    MONTH_START_DAY[1..]
        .iter()
        .position(|&start| day < start)
        .unwrap_or(11)
}

/// Month (0–11) of every hour of the reference year.
pub fn month_of_hours() -> Vec<u8> {
    (0..HOURS).map(|h| month_of_day(h / 24) as u8).collect()
}

/// Day of the week of a day index of 2025: 0 = Monday … 6 = Sunday (1 January 2025 was a Wednesday).
pub fn weekday(day: usize) -> usize {
    (day + 2) % 7
}

/// The kind of every day of the reference year 2025.
pub fn day_types() -> [DayType; DAYS] {
    let mut types = [DayType::Workday; DAYS];
    for (d, t) in types.iter_mut().enumerate() {
        if weekday(d) >= 5 {
            *t = DayType::Weekend;
        }
    }
    for &(m, first, last) in HOLIDAYS_2025.iter().chain([&HOLIDAYS_2025_JUNE]) {
        for day in first..=last {
            types[day_index(m, day)] = DayType::Holiday;
        }
    }
    for &(m, day) in &WORKED_WEEKEND_DAYS_2025 {
        types[day_index(m, day)] = DayType::Workday;
    }
    types
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date (year, month 1–12, day 1–31) of a day count since 1970-01-01 (inverse of
/// [`days_from_civil`]).
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `year` has a 29 February.
pub fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2025_calendar_has_248_working_days() {
        let t = day_types();
        let count = |k| t.iter().filter(|&&x| x == k).count();
        assert_eq!(count(DayType::Workday), 248);
        assert_eq!(count(DayType::Holiday), 28);
        assert_eq!(count(DayType::Weekend), 89);
        // 1 January 2025 was a Wednesday and a holiday; 26 January (Sunday) was worked.
        assert_eq!(weekday(0), 2);
        assert_eq!(t[0], DayType::Holiday);
        assert_eq!(t[day_index(1, 26)], DayType::Workday);
        assert_eq!(weekday(day_index(1, 26)), 6);
        assert_eq!(t[day_index(6, 2)], DayType::Holiday);
        assert_eq!(t[day_index(6, 3)], DayType::Workday);
    }

    #[test]
    fn months_and_civil_dates() {
        assert_eq!(month_of_day(0), 0);
        assert_eq!(month_of_day(58), 1);
        assert_eq!(month_of_day(59), 2);
        assert_eq!(month_of_day(364), 11);
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2025, 1, 1), 20_089);
        // 2025-01-01 is a Wednesday: 1970-01-01 was a Thursday.
        assert_eq!((days_from_civil(2025, 1, 1) + 3).rem_euclid(7), 2);
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
        assert!(is_leap(2024) && !is_leap(2025) && !is_leap(2100) && is_leap(2000));
    }
}
