//! What every reader shares once its rows are read: drop 29 February, check that the rows are one
//! regular year, fill short gaps (counted), refuse long ones, check physical ranges, and build the
//! [`Weather`].
//!
//! Readers push one row per data line with `NaN` for a missing value (each format's own marker:
//! EPW 9999 / 99.9 / 999999, TMY3 −9900, TMY2 all-nines, SAM CSV empty or NaN).

use super::plausibility::{self, Irradiance};
use super::text::err;
use super::{Filled, Location, Provenance, Stamp, Timing, Weather, WeatherFormat};
use crate::calendar::DAYS_IN_MONTH;
use crate::decimal::dec;
use crate::diag::Bilingual;
use crate::error::{codes, ScenarioError};

/// Minutes in a year of 365 days.
pub(crate) const YEAR_MINUTES: u32 = 365 * 24 * 60;
/// Largest share of a quantity's rows filled by interpolation [-]: 2 % (175 hours of a year); a
/// file missing more of one quantity is refused rather than largely made up.
pub(crate) const MAX_FILLED_SHARE: f64 = 0.02;
/// Longest run of missing values filled by interpolation [min]: 3 hours.
pub(crate) const MAX_GAP_MINUTES: u32 = 180;

/// First day of each month as a day of the year (0-based, 365-day year).
const MONTH_START: [usize; 13] = crate::calendar::MONTH_START_DAY;

/// The stamp (month, day, hour, minute) at a minute of a 365-day year; `year` as given.
pub(crate) fn stamp_at(year: i32, minute: u32) -> Stamp {
    let doy = minute / 1440;
    let mut month = 0;
    while month < 11 && doy >= MONTH_START[month + 1] as u32 {
        month += 1;
    }
    Stamp {
        year,
        month: (month + 1) as u8,
        day: (doy - MONTH_START[month] as u32 + 1) as u8,
        hour: ((minute / 60) % 24) as u8,
        minute: (minute % 60) as u8,
    }
}

/// Gregorian leap year.
pub(crate) fn is_leap(year: i32) -> bool {
    crate::calendar::is_leap(year.into())
}

/// Days in a month of a given year (29 for February of a leap year).
pub(crate) fn days_in(year: i32, month: u8) -> u8 {
    if month == 2 && is_leap(year) {
        29
    } else {
        DAYS_IN_MONTH[usize::from(month - 1)] as u8
    }
}

/// The day before a date.
pub(crate) fn prev_day(year: i32, month: u8, day: u8) -> (i32, u8, u8) {
    if day > 1 {
        (year, month, day - 1)
    } else if month > 1 {
        (year, month - 1, days_in(year, month - 1))
    } else {
        (year - 1, 12, 31)
    }
}

/// Checks a calendar date read from a file: 29 February only in a leap year (where it is then
/// dropped); in another year it is no date, and a file that has it is refused rather than read
/// with the day silently lost.
pub(crate) fn check_date(line: u32, year: i64, month: i64, day: i64) -> Result<(), ScenarioError> {
    let ok_month = (1..=12).contains(&month);
    let max_day = if month == 2 {
        if crate::calendar::is_leap(year) {
            29
        } else {
            28
        }
    } else if ok_month {
        DAYS_IN_MONTH[(month - 1) as usize] as i64
    } else {
        0
    };
    if month == 2 && day == 29 && max_day == 28 && (-9999..=9999).contains(&year) {
        return Err(err(
            codes::WEATHER_PARSE,
            Some(line),
            format!("29 February {year}: {year} is not a leap year"),
            format!("{year} 年 2 月 29 日：{year} 年不是闰年"),
        ));
    }
    if !(-9999..=9999).contains(&year) || !ok_month || !(1..=max_day).contains(&day) {
        return Err(err(
            codes::WEATHER_PARSE,
            Some(line),
            format!("not a calendar date: year {year}, month {month}, day {day}"),
            format!("不是有效日期：{year} 年 {month} 月 {day} 日"),
        ));
    }
    Ok(())
}

/// One column of values, with its names for messages and its physical range.
#[derive(Clone, Copy)]
pub(crate) struct Quantity {
    /// The name in [`super::Filled::quantity`].
    pub key: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    pub min: f64,
    pub max: f64,
    pub unit: &'static str,
}

pub(crate) const GHI: Quantity = Quantity {
    key: "ghi",
    en: "global horizontal irradiance",
    zh: "水平面总辐照度",
    min: -20.0,
    max: 2000.0,
    unit: "W/m²",
};
pub(crate) const DNI: Quantity = Quantity {
    key: "dni",
    en: "direct normal irradiance",
    zh: "法向直射辐照度",
    min: -20.0,
    max: 2000.0,
    unit: "W/m²",
};
pub(crate) const DHI: Quantity = Quantity {
    key: "dhi",
    en: "diffuse horizontal irradiance",
    zh: "水平面散射辐照度",
    min: -20.0,
    max: 2000.0,
    unit: "W/m²",
};
pub(crate) const TEMP: Quantity = Quantity {
    key: "airTemperature",
    en: "air temperature",
    zh: "气温",
    min: -90.0,
    max: 70.0,
    unit: "°C",
};
pub(crate) const WIND: Quantity = Quantity {
    key: "windSpeed",
    en: "wind speed",
    zh: "风速",
    min: 0.0,
    max: 75.0,
    unit: "m/s",
};
pub(crate) const PRES: Quantity = Quantity {
    key: "pressure",
    en: "air pressure",
    zh: "气压",
    min: 300.0,
    max: 1100.0,
    unit: "mbar",
};

impl Filled {
    /// The quantity's name in English and Chinese ("air temperature", "气温").
    pub fn names(&self) -> (&'static str, &'static str) {
        [GHI, DNI, DHI, TEMP, WIND, PRES]
            .iter()
            .find(|q| q.key == self.quantity)
            .map_or((self.quantity, self.quantity), |q| (q.en, q.zh))
    }
}

/// Rows as read, before the common checks.
#[derive(Default)]
pub(crate) struct Rows {
    pub stamps: Vec<Stamp>,
    pub lines: Vec<u32>,
    pub ghi: Vec<f64>,
    pub dni: Vec<f64>,
    pub dhi: Vec<f64>,
    pub temp: Vec<f64>,
    pub wind: Vec<f64>,
    pub pres: Vec<f64>,
    /// Empty when the format has no albedo.
    pub albedo: Vec<f64>,
}

impl Rows {
    pub(crate) fn with_capacity(n: usize, albedo: bool) -> Self {
        Self {
            stamps: Vec::with_capacity(n),
            lines: Vec::with_capacity(n),
            ghi: Vec::with_capacity(n),
            dni: Vec::with_capacity(n),
            dhi: Vec::with_capacity(n),
            temp: Vec::with_capacity(n),
            wind: Vec::with_capacity(n),
            pres: Vec::with_capacity(n),
            albedo: if albedo {
                Vec::with_capacity(n)
            } else {
                Vec::new()
            },
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.stamps.len()
    }

    fn retain_not_feb29(&mut self) -> u32 {
        // (Most files have no 29 February: one look, no mask.)
        if !self.stamps.iter().any(|s| s.month == 2 && s.day == 29) {
            return 0;
        }
        let keep: Vec<bool> = self
            .stamps
            .iter()
            .map(|s| !(s.month == 2 && s.day == 29))
            .collect();
        let dropped = keep.iter().filter(|k| !**k).count();
        if dropped == 0 {
            return 0;
        }
        fn retain<T: Copy>(v: &mut Vec<T>, keep: &[bool]) {
            if v.is_empty() {
                return;
            }
            let mut i = 0;
            v.retain(|_| {
                i += 1;
                keep[i - 1]
            });
        }
        retain(&mut self.stamps, &keep);
        retain(&mut self.lines, &keep);
        for c in [
            &mut self.ghi,
            &mut self.dni,
            &mut self.dhi,
            &mut self.temp,
            &mut self.wind,
            &mut self.pres,
            &mut self.albedo,
        ] {
            retain(c, &keep);
        }
        dropped as u32
    }

    fn rotate_right(&mut self, k: usize) {
        self.stamps.rotate_right(k);
        self.lines.rotate_right(k);
        for c in [
            &mut self.ghi,
            &mut self.dni,
            &mut self.dhi,
            &mut self.temp,
            &mut self.wind,
            &mut self.pres,
            &mut self.albedo,
        ] {
            if !c.is_empty() {
                c.rotate_right(k);
            }
        }
    }
}

/// What a reader knows about its data set, for [`finish`].
pub(crate) struct Meta {
    pub location: Location,
    pub format: WeatherFormat,
    /// The caller's choice, which wins over the default.
    pub timing_override: Option<Timing>,
    pub timing_default: Timing,
    pub timing_basis: Bilingual,
    pub source: String,
    /// The step when the format fixes it; `None`: from the first two stamps.
    pub step_minutes: Option<u32>,
    /// Minutes from the interval start to the written (or declared) time.
    pub stamp_offset_minutes: u32,
    /// PVGIS: rotate UTC rows by this many hours into local standard time (0: none).
    pub roll_hours: i32,
    /// Last line of the file (for "the file ends at line N").
    pub last_line: u32,
    /// The format has a pressure column (false: estimated from elevation).
    pub has_pressure: bool,
}

fn fmt_stamp(s: &Stamp) -> String {
    format!("{:02}-{:02} {:02}:{:02}", s.month, s.day, s.hour, s.minute)
}

/// Standard-atmosphere pressure at an elevation [mbar] (pvlib `atmosphere.alt2pres`).
pub(crate) fn pressure_at(elevation_m: f64) -> f64 {
    1013.25 * (1.0 - 2.25577e-5 * elevation_m).powf(5.25588)
}

/// Runs the common checks and builds the weather.
pub(crate) fn finish(mut rows: Rows, meta: Meta) -> Result<Weather, ScenarioError> {
    let dropped = rows.retain_not_feb29();
    let n_read = rows.len();
    if n_read == 0 {
        return Err(err(
            codes::WEATHER_TRUNCATED,
            Some(meta.last_line),
            "the file has no data rows",
            "文件没有数据行",
        ));
    }

    let step = match meta.step_minutes {
        Some(s) => s,
        None if n_read >= 2 => {
            let (a, b) = (
                rows.stamps[0].minute_of_year(),
                rows.stamps[1].minute_of_year(),
            );
            if b <= a {
                return Err(err(
                    codes::WEATHER_TIME,
                    Some(rows.lines[1]),
                    format!(
                        "time does not advance: {} follows {}",
                        fmt_stamp(&rows.stamps[1]),
                        fmt_stamp(&rows.stamps[0])
                    ),
                    format!(
                        "时间未递增：{} 之后是 {}",
                        fmt_stamp(&rows.stamps[0]),
                        fmt_stamp(&rows.stamps[1])
                    ),
                ));
            }
            b - a
        }
        None => 60,
    };
    if step == 0 || 60 % step != 0 {
        return Err(err(
            codes::WEATHER_TIME,
            rows.lines.get(1).copied(),
            format!("a time step of {step} minutes is not supported: use 60 or a divisor of 60 (30, 15, 10, 5 …)"),
            format!("不支持 {step} 分钟的时间步长：应为 60 分钟或其约数（30、15、10、5 …）"),
        ));
    }
    let n_year = (YEAR_MINUTES / step) as usize;

    // One regular year, 1 January 00:00 to 31 December 24:00 (the year number may change at any
    // row: typical years join months of different years).
    for (i, s) in rows.stamps.iter().enumerate().take(n_year) {
        let want = i as u32 * step;
        let got = s.minute_of_year();
        if got == want {
            continue;
        }
        let line = Some(rows.lines[i]);
        let expected = stamp_at(s.year, want);
        return Err(if i == 0 {
            err(
                codes::WEATHER_TIME,
                line,
                format!(
                    "a weather year must start on 1 January 00:00 (interval start); this file starts at {} — partial years are not supported",
                    fmt_stamp(s)
                ),
                format!(
                    "气象数据须从 1 月 1 日 00:00（时段起点）开始，本文件从 {} 开始 —— 不支持不完整的年份",
                    fmt_stamp(s)
                ),
            )
        } else if got < want {
            err(
                codes::WEATHER_TIME,
                line,
                format!(
                    "time repeats or goes back: expected {}, found {}",
                    fmt_stamp(&expected),
                    fmt_stamp(s)
                ),
                format!(
                    "时间重复或倒退：应为 {}，实为 {}",
                    fmt_stamp(&expected),
                    fmt_stamp(s)
                ),
            )
        } else {
            err(
                codes::WEATHER_TIME,
                line,
                format!(
                    "rows are missing or the step is irregular: expected {}, found {} (step {step} min)",
                    fmt_stamp(&expected),
                    fmt_stamp(s)
                ),
                format!(
                    "缺行或时间步长不规则：应为 {}，实为 {}（步长 {step} 分钟）",
                    fmt_stamp(&expected),
                    fmt_stamp(s)
                ),
            )
        });
    }
    if n_read < n_year {
        let last = rows.stamps[n_read - 1];
        return Err(err(
            codes::WEATHER_TRUNCATED,
            Some(meta.last_line),
            format!(
                "the file ends after {n_read} rows (last {}); a full year of {step}-minute rows has {n_year}",
                fmt_stamp(&last)
            ),
            format!(
                "文件在 {n_read} 行数据后结束（最后为 {}）；{step} 分钟步长的一整年应有 {n_year} 行",
                fmt_stamp(&last)
            ),
        ));
    }
    if n_read > n_year {
        return Err(err(
            codes::WEATHER_TIME,
            Some(rows.lines[n_year]),
            format!(
                "more than one year of data ({n_read} rows of {step} min after dropping 29 February; one year has {n_year}): give one year"
            ),
            format!("数据超过一年（去掉 2 月 29 日后 {n_read} 行，步长 {step} 分钟；一年应为 {n_year} 行）：请只提供一年"),
        ));
    }

    if meta.roll_hours != 0 {
        roll(&mut rows, meta.roll_hours, step);
    }

    let max_gap = (MAX_GAP_MINUTES / step).max(1) as usize;
    let mut filled = Vec::new();
    let mut count = |q: &Quantity, n: u32| {
        if n > 0 {
            filled.push(Filled {
                quantity: q.key,
                values: n,
            });
        }
    };
    // A column with every value in its range has nothing missing (NaN is in no range): nothing
    // to fill and no range error, found in one pass. Only the others are filled (in this order)
    // and then range-checked, so that the errors are those of filling all, then checking all.
    let plain = |v: &[f64], q: &Quantity| v.iter().all(|x| (q.min..=q.max).contains(x));
    // GHI, DNI, DHI, temperature, wind, pressure: to be range-checked after the fills.
    let mut unchecked = [false; 6];
    for (k, (v, q)) in [
        (&mut rows.ghi, &GHI),
        (&mut rows.dni, &DNI),
        (&mut rows.dhi, &DHI),
        (&mut rows.temp, &TEMP),
        (&mut rows.wind, &WIND),
    ]
    .into_iter()
    .enumerate()
    {
        if !plain(v, q) {
            count(q, fill(v, &rows.lines, max_gap, q)?);
            unchecked[k] = true;
        }
    }
    let mut pressure_estimated = false;
    if !meta.has_pressure || rows.pres.iter().all(|v| v.is_nan()) {
        // A format or file without pressure: the standard atmosphere at the site's elevation
        // (pressure only refines refraction near the horizon).
        let p = pressure_at(meta.location.elevation_m);
        rows.pres.clear();
        rows.pres.resize(n_year, p);
        pressure_estimated = true;
        unchecked[5] = true;
    } else if !plain(&rows.pres, &PRES) {
        count(&PRES, fill(&mut rows.pres, &rows.lines, max_gap, &PRES)?);
        unchecked[5] = true;
    }
    for (k, (v, q, estimated)) in [
        (&rows.ghi, &GHI, false),
        (&rows.dni, &DNI, false),
        (&rows.dhi, &DHI, false),
        (&rows.temp, &TEMP, false),
        (&rows.wind, &WIND, false),
        (&rows.pres, &PRES, pressure_estimated),
    ]
    .into_iter()
    .enumerate()
    {
        if unchecked[k] {
            check_range(v, &rows.lines, q, estimated)?;
        }
    }
    let timing = meta.timing_override.unwrap_or(meta.timing_default);
    let irradiance = Irradiance {
        ghi: &rows.ghi,
        dni: &rows.dni,
        dhi: &rows.dhi,
        stamps: &rows.stamps,
        location: &meta.location,
        timing,
        step_minutes: step,
        stamp_offset_minutes: meta.stamp_offset_minutes,
    };
    let implausible = plausibility::check(&irradiance, &rows.lines)?;
    // Albedo is optional: kept only when every row has a plausible value (0, 1].
    let albedo = if !rows.albedo.is_empty() && rows.albedo.iter().all(|a| *a > 0.0 && *a <= 1.0) {
        Some(rows.albedo)
    } else {
        None
    };

    Ok(Weather {
        location: meta.location,
        format: meta.format,
        timing,
        step_minutes: step,
        stamps: rows.stamps,
        stamp_offset_minutes: meta.stamp_offset_minutes,
        ghi_w_m2: rows.ghi,
        dni_w_m2: rows.dni,
        dhi_w_m2: rows.dhi,
        temp_air_c: rows.temp,
        wind_speed_m_s: rows.wind,
        pressure_mbar: rows.pres,
        albedo,
        provenance: Provenance {
            source: meta.source,
            timing_default: meta.timing_default,
            timing_basis: meta.timing_basis,
            filled_values: filled.iter().map(|f| f.values).sum(),
            filled,
            dropped_leap_day_rows: dropped,
            pressure_estimated,
            first_data_line: rows.lines.iter().copied().min().unwrap_or(0),
            implausible,
        },
    })
}

/// Rotates a full year of UTC rows into local standard time (`hours` east of UTC), so that it
/// starts on 1 January 00:00 local, as pvlib's `_coerce_and_roll_tmy` does: the rows that cross
/// the year boundary move to the other end and take the year of the month they land in.
fn roll(rows: &mut Rows, hours: i32, step: u32) {
    let n = rows.len();
    let per_hour = (60 / step) as i64;
    let k = (i64::from(hours) * per_hour).rem_euclid(n as i64) as usize;
    rows.rotate_right(k);
    let wrapped = if hours > 0 { 0..k } else { k..n };
    let year_from = if hours > 0 {
        k.min(n - 1)
    } else {
        k.saturating_sub(1)
    };
    let fallback_year = rows.stamps[year_from].year;
    for (i, s) in rows.stamps.iter_mut().enumerate() {
        // Rows that stay inside the year keep their date's year (local = UTC + hours never
        // crosses 1 January for them); the wrapped rows take their neighbours' year.
        let year = if wrapped.contains(&i) {
            fallback_year
        } else {
            s.year
        };
        *s = stamp_at(year, i as u32 * step);
    }
}

/// Fills runs of `NaN` no longer than `max_gap` rows by linear interpolation between the values
/// around them (circularly: a typical year's 31 December joins its 1 January, as in ssc); returns
/// how many values were filled. A longer run, or a column with no value at all, is an error.
fn fill(v: &mut [f64], lines: &[u32], max_gap: usize, q: &Quantity) -> Result<u32, ScenarioError> {
    let n = v.len();
    let Some(anchor) = v.iter().position(|x| !x.is_nan()) else {
        return Err(err(
            codes::WEATHER_MISSING_VALUES,
            lines.first().copied(),
            format!("{} is missing in every row", q.en),
            format!("所有行均缺少{}", q.zh),
        ));
    };
    // Nothing missing (most files): no circular walk, whose index takes a remainder per row.
    let Some(first_missing) = v.iter().position(|x| x.is_nan()) else {
        return Ok(0);
    };
    let mut filled = 0u32;
    let mut i = 1;
    while i <= n {
        let idx = (anchor + i) % n;
        if !v[idx].is_nan() {
            i += 1;
            continue;
        }
        let start = i;
        while i <= n && v[(anchor + i) % n].is_nan() {
            i += 1;
        }
        let len = i - start;
        if len > max_gap {
            let first = (anchor + start) % n;
            return Err(err(
                codes::WEATHER_MISSING_VALUES,
                Some(lines[first]),
                format!(
                    "{} is missing in {len} consecutive rows from here; at most {max_gap} are filled by interpolation",
                    q.en
                ),
                format!("{}从此行起连续 {len} 行缺测；最多插补 {max_gap} 行", q.zh),
            ));
        }
        let before = v[(anchor + start - 1) % n];
        let after = v[(anchor + i) % n];
        for k in 0..len {
            let t = (k + 1) as f64 / (len + 1) as f64;
            v[(anchor + start + k) % n] = before + (after - before) * t;
        }
        filled += len as u32;
    }
    if f64::from(filled) > MAX_FILLED_SHARE * n as f64 {
        return Err(err(
            codes::WEATHER_MISSING_VALUES,
            Some(lines[first_missing]),
            format!(
                "{} is missing (or at/above the format's missing marker) in {filled} of {n} rows; at most {} % are filled by interpolation",
                q.en,
                dec(MAX_FILLED_SHARE * 100.0)
            ),
            format!(
                "{n} 行中有 {filled} 行缺测{}（或不低于该格式的缺测标记值）；最多插补 {} %",
                q.zh,
                dec(MAX_FILLED_SHARE * 100.0)
            ),
        ));
    }
    Ok(filled)
}

fn check_range(
    v: &[f64],
    lines: &[u32],
    q: &Quantity,
    estimated: bool,
) -> Result<(), ScenarioError> {
    if let Some(i) = v.iter().position(|x| !(q.min..=q.max).contains(x)) {
        let extra = if estimated {
            " (estimated from the elevation: check the elevation)"
        } else {
            ""
        };
        return Err(err(
            codes::WEATHER_OUT_OF_RANGE,
            lines.get(i).copied(),
            format!(
                "{} {} {} is outside {}…{} {}{extra}",
                q.en,
                dec(v[i]),
                q.unit,
                dec(q.min),
                dec(q.max),
                q.unit
            ),
            format!(
                "{} {} {} 超出范围 {}…{} {}",
                q.zh,
                dec(v[i]),
                q.unit,
                dec(q.min),
                dec(q.max),
                q.unit
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_round_trip() {
        for m in (0..YEAR_MINUTES).step_by(7 * 60 + 13) {
            assert_eq!(stamp_at(2005, m).minute_of_year(), m);
        }
        let s = stamp_at(2005, YEAR_MINUTES - 60);
        assert_eq!((s.month, s.day, s.hour), (12, 31, 23));
        assert_eq!(prev_day(2004, 3, 1), (2004, 2, 29));
        assert_eq!(prev_day(2005, 1, 1), (2004, 12, 31));
    }

    /// A regular hourly year of plain rows (lines from 9), with `edit` applied.
    fn year_with(edit: impl Fn(&mut Rows)) -> Result<Weather, ScenarioError> {
        let mut rows = Rows::with_capacity(8760, false);
        for i in 0..8760u32 {
            rows.stamps.push(stamp_at(2005, i * 60));
            rows.lines.push(i + 9);
            for (v, x) in [
                (&mut rows.ghi, 0.0),
                (&mut rows.dni, 0.0),
                (&mut rows.dhi, 0.0),
                (&mut rows.temp, 10.0),
                (&mut rows.wind, 2.0),
                (&mut rows.pres, 1000.0),
            ] {
                v.push(x);
            }
        }
        edit(&mut rows);
        finish(
            rows,
            Meta {
                location: Location {
                    name: String::new(),
                    latitude: 40.0,
                    longitude: 113.0,
                    timezone_h: 8.0,
                    elevation_m: 1000.0,
                },
                format: WeatherFormat::Epw,
                timing_override: None,
                timing_default: Timing::Start,
                timing_basis: super::super::timing::EPW,
                source: String::new(),
                step_minutes: Some(60),
                stamp_offset_minutes: 60,
                roll_hours: 0,
                last_line: 8768,
                has_pressure: true,
            },
        )
    }

    #[test]
    fn every_column_filled_before_any_is_range_checked() {
        assert!(year_with(|_| {}).is_ok());
        // GHI out of range (row 100) and a long temperature gap (rows 200–204): the gap is the
        // error, as when every column was filled first and then checked.
        let e = year_with(|r| {
            r.ghi[100] = 2500.0;
            r.temp[200..205].fill(f64::NAN);
        })
        .unwrap_err();
        assert_eq!(e.code, codes::WEATHER_MISSING_VALUES);
        assert!(e.message.starts_with("line 209:"), "{}", e.message);
        // Alone, the range error, at its line; a short gap next to it is filled first.
        for gap in [false, true] {
            let e = year_with(|r| {
                r.wind[100] = 80.0;
                if gap {
                    r.wind[50] = f64::NAN;
                }
            })
            .unwrap_err();
            assert_eq!(e.code, codes::WEATHER_OUT_OF_RANGE);
            assert!(e.message.starts_with("line 109:"), "{}", e.message);
        }
        // A filled value counted; a year without pressure gets the standard atmosphere.
        let w = year_with(|r| r.temp[7] = f64::NAN).unwrap();
        assert_eq!((w.temp_air_c[7], w.provenance.filled_values), (10.0, 1));
        let p = year_with(|r| r.pres.fill(f64::NAN)).map(|w| w.pressure_mbar[0]);
        assert!((p.unwrap() - pressure_at(1000.0)).abs() < 1e-9);
    }

    #[test]
    fn fill_short_runs_circularly() {
        // 200 rows: 3 filled are 1.5 %, below the 2 % share.
        let lines: Vec<u32> = (1..=200).collect();
        let mut v = vec![f64::NAN, 1.0, 2.0, f64::NAN, f64::NAN, 5.0, 6.0, 7.0];
        v.resize(200, 7.0);
        assert_eq!(fill(&mut v, &lines, 3, &TEMP).unwrap(), 3);
        assert_eq!(v[..8], [4.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]);
        let mut v = vec![1.0, f64::NAN, f64::NAN, f64::NAN, f64::NAN, 5.0];
        v.resize(200, 5.0);
        let e = fill(&mut v, &lines, 3, &TEMP).unwrap_err();
        assert_eq!(e.code, codes::WEATHER_MISSING_VALUES);
        assert!(e.message.starts_with("line 2:"), "{}", e.message);
    }

    #[test]
    fn more_than_the_share_of_short_gaps_is_refused() {
        // Every 40th of 8,760 rows missing: 219 single gaps (2.5 %), each short enough to fill.
        let lines: Vec<u32> = (9..8769).collect();
        let mut v: Vec<f64> = (0..8760)
            .map(|i| if i % 40 == 7 { f64::NAN } else { 10.0 })
            .collect();
        let e = fill(&mut v, &lines, 3, &GHI).unwrap_err();
        assert_eq!(e.code, codes::WEATHER_MISSING_VALUES);
        assert!(
            e.message.starts_with("line 16:") && e.message.contains("219 of 8760"),
            "{}",
            e.message
        );
    }
}
