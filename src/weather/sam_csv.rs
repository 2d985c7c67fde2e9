//! SAM CSV and NSRDB PSM3 CSV ("Standard Time Series Data File Format", SAM `wfcsv`): line 1
//! metadata names (`Source, Location ID, City, State, Country, Latitude, Longitude, Time Zone,
//! Elevation, …`), line 2 their values, line 3 the column names, then one row per step
//! (`Year, Month, Day, Hour, Minute, GHI, DNI, DHI, Temperature, Wind Speed, Pressure, …`).
//! A file whose first line is already the column row (a bare CSV, e.g. a data frame written by
//! pandas) has no location: give [`ParseOptions::fallback_location`].
//!
//! Names are matched case-insensitively after dropping a unit in brackets (`GHI (W/m2)`), with
//! the aliases ssc accepts (`lib_weatherfile.cpp`): e.g. `tdry`, `dry bulb`, `temperature`,
//! `air temperature`; `wspd`, `wind speed`, `windspeed`; `pres`, `pressure`; `alb`,
//! `surface albedo`. Hours run 0–23 (1–24 is shifted by one, as ssc does); pressure is in mbar.
//! Missing values: an empty cell, `NaN`, or a value ≤ −999.
//!
//! NSRDB files requested in UTC (`Time Zone` 0, `Local Time Zone` −7) are moved to local standard
//! time and rotated to start on 1 January 00:00, as PVGIS files are.
//!
//! Timing default: with a Minute column [`Timing::Instant`] at hour:minute (ssc); without one
//! [`Timing::Centre`] (see [`super::timing`]).

use super::assemble::{check_date, finish, Meta, Rows};
use super::lean::{plan, push_row, Cursor};
use super::text::{err, int, not_a_number, num, show, split_quoted, Fields, Lines};
use super::{
    check_location, timing, Location, ParseOptions, Stamp, Timing, Weather, WeatherFormat,
};
use crate::decimal::dec;
use crate::error::{codes, ScenarioError};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Year,
    Month,
    Day,
    Hour,
    Minute,
    Ghi,
    Dni,
    Dhi,
    Temp,
    Wind,
    Pres,
    Albedo,
}

/// Lower case, without quotes, a trailing unit in brackets, `_` and repeated spaces.
fn norm(name: &str, buf: &mut String) {
    buf.clear();
    let mut s = name.trim().trim_matches('"').trim();
    if let Some((head, _)) = s.split_once(['(', '[']) {
        if !head.is_empty() {
            s = head.trim_end();
        }
    }
    let mut space = false;
    for c in s.chars() {
        let c = if c == '_' {
            ' '
        } else {
            c.to_ascii_lowercase()
        };
        if c == ' ' {
            if !space && !buf.is_empty() {
                buf.push(' ');
            }
            space = true;
        } else {
            buf.push(c);
            space = false;
        }
    }
    if buf.ends_with(' ') {
        buf.pop();
    }
}

fn column(name: &str) -> Option<Col> {
    Some(match name {
        "yr" | "year" => Col::Year,
        "mo" | "month" => Col::Month,
        "day" => Col::Day,
        "hour" | "hr" => Col::Hour,
        "min" | "minute" => Col::Minute,
        "ghi" | "gh" | "global" | "global horizontal" | "global horizontal irradiance" => Col::Ghi,
        "dni"
        | "dn"
        | "beam"
        | "direct normal"
        | "direct normal irradiance"
        | "direct (beam) normal irradiance" => Col::Dni,
        "dhi" | "df" | "diffuse" | "diffuse horizontal" | "diffuse horizontal irradiance" => {
            Col::Dhi
        }
        "tdry"
        | "dry bulb"
        | "dry bulb temp"
        | "dry bulb temperature"
        | "temperature"
        | "ambient"
        | "ambient temp"
        | "tamb"
        | "air temperature"
        | "temp" => Col::Temp,
        "wspd" | "wind speed" | "windspeed" | "ws" | "windvel" => Col::Wind,
        "pres" | "pressure" | "air pressure" | "surface pressure" => Col::Pres,
        "alb" | "albedo" | "surface albedo" => Col::Albedo,
        _ => return None,
    })
}

/// Indices of the known columns in a column-name line.
#[derive(Default)]
struct Columns {
    idx: [Option<usize>; 12],
    width: usize,
}

impl Columns {
    fn read(line: &str) -> Self {
        let mut c = Columns::default();
        let mut buf = String::with_capacity(48);
        for (i, name) in line.split(',').enumerate() {
            c.width = i + 1;
            norm(name, &mut buf);
            if let Some(col) = column(&buf) {
                let slot = &mut c.idx[col as usize];
                if slot.is_none() {
                    *slot = Some(i);
                }
            }
        }
        c
    }
    fn get(&self, col: Col) -> Option<usize> {
        self.idx[col as usize]
    }
    fn is_data_header(&self) -> bool {
        self.get(Col::Month).is_some()
            && self.get(Col::Day).is_some()
            && self.get(Col::Hour).is_some()
            && (self.get(Col::Ghi).is_some()
                || self.get(Col::Dni).is_some()
                || self.get(Col::Dhi).is_some())
    }
}

fn is_meta_header(line: &str) -> bool {
    let mut buf = String::new();
    let (mut lat, mut lon) = (false, false);
    for name in line.split(',') {
        norm(name, &mut buf);
        lat |= matches!(buf.as_str(), "lat" | "latitude");
        lon |= matches!(buf.as_str(), "lon" | "long" | "longitude" | "lng");
    }
    lat && lon
}

/// The first lines look like SAM CSV (with metadata, or a bare column row).
pub(crate) fn looks_like(first: &str, _second: &str, third: &str) -> bool {
    (is_meta_header(first) && Columns::read(third).is_data_header())
        || Columns::read(first).is_data_header()
        || is_meta_header(first)
}

/// Reads a SAM CSV / NSRDB PSM3 CSV text (the data rows by the lean path, by the validating path
/// where it gives up).
pub fn read(text: &str, opt: &ParseOptions) -> Result<Weather, ScenarioError> {
    read_by(text, opt, false)
}

/// [`read`], the data rows by the validating path only when `full`.
pub(crate) fn read_by(
    text: &str,
    opt: &ParseOptions,
    full: bool,
) -> Result<Weather, ScenarioError> {
    let mut lines = Lines::new(text);
    let (n1, first) = lines.next().unwrap_or((1, ""));
    let mut source = String::from("SAM CSV");
    let mut roll_hours = 0;
    let mut has_units = false;
    let (n_cols, cols_line, location) = if Columns::read(first).is_data_header() {
        let Some(loc) = opt.fallback_location.clone() else {
            return Err(err(
                codes::WEATHER_LOCATION,
                Some(n1),
                "this CSV has a column header but no location rows (SAM/NSRDB metadata with Latitude, Longitude, Time Zone, Elevation): give the location",
                "此 CSV 只有列名行，没有位置信息（SAM/NSRDB 的 Latitude、Longitude、Time Zone、Elevation 元数据行）：请提供位置",
            ));
        };
        check_location(&loc, n1)?;
        (n1, first, loc)
    } else {
        if !is_meta_header(first) {
            return Err(err(
                codes::WEATHER_FORMAT,
                Some(n1),
                "not a SAM/NSRDB CSV: line 1 must name Latitude and Longitude (metadata) or the data columns (Year, Month, Day, Hour, GHI …)",
                "不是 SAM/NSRDB CSV：第 1 行应为含 Latitude、Longitude 的元数据名称，或数据列名（Year、Month、Day、Hour、GHI …）",
            ));
        }
        let (n2, second) = lines.next().unwrap_or((2, ""));
        let mut names = [""; 128];
        let mut values = [""; 128];
        let nn = split_quoted(first, &mut names).min(names.len());
        let nv = split_quoted(second, &mut values).min(values.len());
        let mut buf = String::new();
        let (mut lat, mut lon, mut tz, mut elev) = (None, None, None, None);
        let mut local_tz = None;
        let mut name = String::new();
        for i in 0..nn {
            norm(names[i], &mut buf);
            let v = if i < nv { values[i] } else { "" };
            let numeric = |en: &str, zh: &str| {
                num(v).ok_or_else(|| {
                    err(
                        codes::WEATHER_LOCATION,
                        Some(n2),
                        format!("{en} is not a number: {}", show(v)),
                        format!("{zh}不是数字：{}", show(v)),
                    )
                })
            };
            match buf.as_str() {
                "lat" | "latitude" => lat = Some(numeric("latitude", "纬度")?),
                "lon" | "long" | "longitude" | "lng" => lon = Some(numeric("longitude", "经度")?),
                "tz" | "timezone" | "time zone" => tz = Some(numeric("time zone", "时区")?),
                "local time zone" if !v.is_empty() => {
                    local_tz = Some(numeric("local time zone", "当地时区")?)
                }
                "el" | "elev" | "elevation" | "site elevation" | "altitude" => {
                    elev = Some(numeric("elevation", "海拔")?)
                }
                "source" | "src" | "data source" if !v.is_empty() => source = v.to_string(),
                "city" if !v.is_empty() && v != "-" => name = v.to_string(),
                "id" | "location" | "location id" | "station" | "station id" | "site"
                    if name.is_empty() && !v.is_empty() && v != "-" =>
                {
                    name = v.to_string()
                }
                "hasunits" | "units" => {
                    has_units = v.eq_ignore_ascii_case("yes") || int(v).is_some_and(|u| u != 0)
                }
                _ => {}
            }
        }
        let missing = |en: &str, zh: &str| {
            err(
                codes::WEATHER_LOCATION,
                Some(n2),
                format!("the SAM CSV header has no {en}"),
                format!("SAM CSV 文件头缺少{zh}"),
            )
        };
        let mut location = Location {
            name,
            latitude: lat.ok_or_else(|| missing("latitude", "纬度"))?,
            longitude: lon.ok_or_else(|| missing("longitude", "经度"))?,
            timezone_h: tz.ok_or_else(|| missing("time zone", "时区"))?,
            elevation_m: elev.unwrap_or(0.0),
        };
        check_location(&location, n2)?;
        // NSRDB files downloaded in UTC say `Time Zone 0, Local Time Zone −7`: their rows are
        // moved to local standard time (as PVGIS rows are), so that clock hours mean local hours.
        if let Some(l) = local_tz.filter(|l| *l != location.timezone_h) {
            let shift = l - location.timezone_h;
            if shift.fract() != 0.0 || !(-12.0..=14.0).contains(&l) {
                return Err(err(
                    codes::WEATHER_LOCATION,
                    Some(n2),
                    format!("Local Time Zone {} h: rows are converted only between zones a whole number of hours apart", dec(l)),
                    format!("当地时区 {} h：只能在相差整小时的时区之间转换", dec(l)),
                ));
            }
            roll_hours = shift as i32;
            location.timezone_h = l;
        }
        let (n3, third) = lines.next().unwrap_or((3, ""));
        (n3, third, location)
    };

    let cols = Columns::read(cols_line);
    let need = |col: Col, label: &str| {
        cols.get(col).ok_or_else(|| {
            err(
                codes::WEATHER_MISSING_VALUES,
                Some(n_cols),
                format!("the column header has no {label} column"),
                format!("列名行缺少 {label} 列"),
            )
        })
    };
    let data = DataColumns {
        year: cols.get(Col::Year),
        month: need(Col::Month, "Month")?,
        day: need(Col::Day, "Day")?,
        hour: need(Col::Hour, "Hour")?,
        minute: cols.get(Col::Minute),
        ghi: need(Col::Ghi, "GHI")?,
        dni: need(Col::Dni, "DNI")?,
        dhi: need(Col::Dhi, "DHI")?,
        temp: need(Col::Temp, "Temperature")?,
        wind: need(Col::Wind, "Wind Speed")?,
        pres: cols.get(Col::Pres),
        alb: cols.get(Col::Albedo),
        max_used: cols.idx.iter().flatten().copied().max().unwrap_or(0),
    };
    let (c_minute, c_pres) = (data.minute, data.pres);
    if has_units {
        lines.next();
    }
    let lean = (!full)
        .then(|| lean_rows(lines.rest(), lines.next_line_no(), &data))
        .flatten();
    let (mut rows, hours_from_one, last_line) = match lean {
        Some((rows, hours_from_one, last)) => (rows, hours_from_one, last.unwrap_or(n_cols)),
        None => full_rows(lines, n_cols, &data)?,
    };

    // Hours 1–24 (interval ends) are shifted to 0–23, as ssc's start_hours_at_0 does.
    if hours_from_one {
        for (s, no) in rows.stamps.iter_mut().zip(&rows.lines) {
            if s.hour == 0 {
                return Err(err(
                    codes::WEATHER_TIME,
                    Some(*no),
                    "hour 0 in a file whose hours reach 24: hours must run 0–23 or 1–24",
                    "小时同时出现 0 和 24：小时应为 0–23 或 1–24",
                ));
            }
            s.hour -= 1;
        }
    }

    // Step and stamp offset from the first two rows (outside 29 February): with minutes such as
    // 30 on hourly rows, the interval starts on the hour and the written time is 30 min into it.
    let mut step = None;
    let mut offset = 0u32;
    let usable: Vec<usize> = rows
        .stamps
        .iter()
        .enumerate()
        .filter(|(_, s)| !(s.month == 2 && s.day == 29))
        .map(|(k, _)| k)
        .take(2)
        .collect();
    if let [a, b] = usable[..] {
        let (ma, mb) = (
            rows.stamps[a].minute_of_year(),
            rows.stamps[b].minute_of_year(),
        );
        if mb > ma && 60 % (mb - ma) == 0 {
            let st = mb - ma;
            offset = u32::from(rows.stamps[a].minute) % st;
            for (s, no) in rows.stamps.iter_mut().zip(&rows.lines) {
                if u32::from(s.minute) % st != offset {
                    return Err(err(
                        codes::WEATHER_TIME,
                        Some(*no),
                        format!(
                            "minute {} does not fit the {st}-minute step of the first rows (minute {} + multiples of {st})",
                            s.minute, offset
                        ),
                        format!("分钟 {} 与前几行的 {st} 分钟步长不符", s.minute),
                    ));
                }
                s.minute -= offset as u8;
            }
            step = Some(st);
        }
    }

    let (timing_default, basis) = if c_minute.is_some() {
        (Timing::Instant, timing::SAM_CSV_MINUTE)
    } else {
        (Timing::Centre, timing::SAM_CSV_HOURLY)
    };
    finish(
        rows,
        Meta {
            location,
            format: WeatherFormat::SamCsv,
            timing_override: opt.timing,
            timing_default,
            timing_basis: basis,
            source,
            step_minutes: step,
            stamp_offset_minutes: offset,
            roll_hours,
            last_line,
            has_pressure: c_pres.is_some(),
        },
    )
}

/// The columns a data row is read from (0-based; `max_used` the last of them).
struct DataColumns {
    year: Option<usize>,
    month: usize,
    day: usize,
    hour: usize,
    minute: Option<usize>,
    ghi: usize,
    dni: usize,
    dhi: usize,
    temp: usize,
    wind: usize,
    pres: Option<usize>,
    alb: Option<usize>,
    max_used: usize,
}

/// The stamp of a row whose date and time were checked.
fn stamp(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> Stamp {
    Stamp {
        year: year as i32,
        month: month as u8,
        day: day as u8,
        hour: hour as u8,
        minute: minute as u8,
    }
}

/// A value: NaN at or below the missing marker (−999).
fn value(x: f64) -> f64 {
    if x <= -999.0 {
        f64::NAN
    } else {
        x
    }
}

/// The validating reader of the data rows: every field checked, errors with their line. With the
/// rows, whether an hour 24 was seen and the number of the last line.
fn full_rows(
    lines: Lines,
    mut last_line: u32,
    cols: &DataColumns,
) -> Result<(Rows, bool, u32), ScenarioError> {
    let mut rows = Rows::with_capacity(8784, cols.alb.is_some());
    let mut width = 0usize;
    let mut hours_from_one = false;
    for (no, line) in lines {
        last_line = no;
        if line.trim().is_empty() {
            continue;
        }
        let f = Fields::<128>::split(line);
        let n = f.len();
        if width == 0 {
            width = n;
        }
        if n != width || n <= cols.max_used || n > 128 {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!(
                    "data line has {n} fields where {} are expected",
                    width.max(cols.max_used + 1)
                ),
                format!(
                    "数据行有 {n} 个字段，应为 {} 个",
                    width.max(cols.max_used + 1)
                ),
            ));
        }
        let i = |k: usize, en: &str, zh: &str| {
            int(f.get(k)).ok_or_else(|| not_a_number(no, en, zh, f.get(k)))
        };
        let year = match cols.year {
            Some(c) => i(c, "year", "年份")?,
            None => 1900,
        };
        let (month, day, hour) = (
            i(cols.month, "month", "月份")?,
            i(cols.day, "day", "日期")?,
            i(cols.hour, "hour", "小时")?,
        );
        let minute = match cols.minute {
            Some(c) => i(c, "minute", "分钟")?,
            None => 0,
        };
        check_date(no, year, month, day)?;
        if !(0..=24).contains(&hour) || !(0..=59).contains(&minute) {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("hour {hour} minute {minute}: hours run 0–23 and minutes 0–59"),
                format!("小时 {hour}、分钟 {minute}：小时应为 0–23，分钟应为 0–59"),
            ));
        }
        hours_from_one |= hour == 24;
        let v = |k: usize, en: &str, zh: &str| -> Result<f64, ScenarioError> {
            let s = f.get(k).trim();
            if s.is_empty() || s.eq_ignore_ascii_case("nan") {
                return Ok(f64::NAN);
            }
            let x = num(s).ok_or_else(|| not_a_number(no, en, zh, s))?;
            Ok(value(x))
        };
        // (Checked in this order: the first bad cell is the one reported.)
        let (ghi, dni, dhi) = (
            v(cols.ghi, "GHI", "GHI")?,
            v(cols.dni, "DNI", "DNI")?,
            v(cols.dhi, "DHI", "DHI")?,
        );
        let (temp, wind) = (
            v(cols.temp, "temperature", "气温")?,
            v(cols.wind, "wind speed", "风速")?,
        );
        let pres = match cols.pres {
            Some(c) => v(c, "pressure", "气压")?,
            None => f64::NAN,
        };
        let values = [ghi, dni, dhi, temp, pres, wind];
        let alb = match cols.alb {
            Some(c) => Some(v(c, "albedo", "反照率")?),
            None => None,
        };
        let at = stamp(year, month, day, hour, minute);
        push_row(&mut rows, at, no, values, alb);
    }
    Ok((rows, hours_from_one, last_line))
}

/// The data rows in one pass over the bytes ([`super::lean`]): the needed cells in their plain
/// form only (an empty value cell is missing), the same rows as [`full_rows`]; `None` at the
/// first line that is not plainly right (the full path then reads or reports it). With the rows,
/// whether an hour 24 was seen and the number of the last line (`None`: no line after the header).
fn lean_rows(data: &str, first_no: u32, cols: &DataColumns) -> Option<(Rows, bool, Option<u32>)> {
    // The needed columns in file order.
    let (want, k) = plan([
        (cols.year, Col::Year),
        (Some(cols.month), Col::Month),
        (Some(cols.day), Col::Day),
        (Some(cols.hour), Col::Hour),
        (cols.minute, Col::Minute),
        (Some(cols.ghi), Col::Ghi),
        (Some(cols.dni), Col::Dni),
        (Some(cols.dhi), Col::Dhi),
        (Some(cols.temp), Col::Temp),
        (Some(cols.wind), Col::Wind),
        (cols.pres, Col::Pres),
        (cols.alb, Col::Albedo),
    ])?;
    let want = &want[..k];
    // The date cells that lead the line (year, month, day in columns 0, 1, 2 …): where their bytes
    // repeat the line before's (24 hours a day), compared rather than read.
    let lead = want
        .iter()
        .enumerate()
        .take_while(|(k, w)| w.0 == *k && matches!(w.1, Col::Year | Col::Month | Col::Day))
        .count();
    let (mut date, mut date_t) = ((0, 0), [1900, 0, 0, 0, 0]);
    let mut c = Cursor::new(data.as_bytes());
    let mut rows = Rows::with_capacity(8784, cols.alb.is_some());
    let (mut width, mut hours_from_one, mut no, mut last) = (0, false, first_no, None);
    while !c.done() {
        let this = no;
        no += 1;
        last = Some(this);
        if c.skip_empty_line() {
            continue;
        }
        // Date and time parts by column (year 1900 and minute 0 when absent), values by slot.
        let line = c.i;
        let (from, mut at, mut t) = if c.same_as(date) {
            (lead, lead, date_t)
        } else {
            (0, 0, [1900, 0, 0, 0, 0])
        };
        let mut v = [f64::NAN; 12];
        for (k, &(col, what)) in want.iter().enumerate().skip(from) {
            (c.skip_commas(col - at) == col - at).then_some(())?;
            at = col;
            match what {
                Col::Year | Col::Month | Col::Day | Col::Hour | Col::Minute => {
                    t[what as usize] = c.int()?
                }
                _ => v[what as usize] = value(c.num_or_empty()?),
            }
            if k + 1 == lead && from == 0 {
                // (Kept with the comma after the last date cell.)
                let with_comma = c.comma();
                date = if with_comma {
                    c.span_from(line)
                } else {
                    (0, 0)
                };
                date_t = t;
                if with_comma {
                    at += 1;
                }
            }
        }
        let fields = at + 1 + c.skip_commas(usize::MAX);
        c.next_line();
        if width == 0 {
            width = fields;
        }
        let [year, month, day, hour, minute] = t;
        if fields != width
            || fields > 128
            || !(0..=24).contains(&hour)
            || !(0..=59).contains(&minute)
        {
            return None;
        }
        check_date(this, year, month, day).ok()?;
        hours_from_one |= hour == 24;
        let cell = |c: Col| v[c as usize];
        let values = [
            cell(Col::Ghi),
            cell(Col::Dni),
            cell(Col::Dhi),
            cell(Col::Temp),
            cell(Col::Pres),
            cell(Col::Wind),
        ];
        let alb = cols.alb.map(|_| cell(Col::Albedo));
        push_row(
            &mut rows,
            stamp(year, month, day, hour, minute),
            this,
            values,
            alb,
        );
    }
    Some((rows, hours_from_one, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lean_rows_take_plain_lines_and_match_the_full_rows() {
        let cols = Columns::read(
            "Year,Month,Day,Hour,Minute,Temperature,DHI,DNI,GHI,Surface Albedo,Pressure,Wind Speed",
        );
        let data = DataColumns {
            year: cols.get(Col::Year),
            month: 1,
            day: 2,
            hour: 3,
            minute: cols.get(Col::Minute),
            ghi: 8,
            dni: 7,
            dhi: 6,
            temp: 5,
            wind: 11,
            pres: cols.get(Col::Pres),
            alb: cols.get(Col::Albedo),
            max_used: 11,
        };
        let text = "2003,1,1,0,30,-5,0,0,0,0.866,780,2.5\r\n\
                    2003,1,1,1,30,-4.5,12,-999,,,780.5,2.7\r\n\
                    \r\n\
                    2003,1,1,24,30,-4,1,2,3,0.2,781,0\n";
        let (lean, from_one, last) = lean_rows(text, 4, &data).expect("plain rows");
        let (full, full_from_one, full_last) = full_rows(Lines::new(text), 3, &data).unwrap();
        assert_eq!((from_one, last), (full_from_one, Some(full_last + 3)));
        assert!(from_one);
        super::super::lean::assert_same_rows(&lean, &full);
        assert_eq!((lean.lines, full.lines), (vec![4, 5, 7], vec![1, 2, 4]));
        assert!(lean.ghi[1].is_nan() && lean.dni[1].is_nan() && lean.albedo[1].is_nan());
        // Anything not plainly right is left to the full path.
        for bad in [
            "2003,1,1,0,30,-5,0,0,0,0.866,780\n",
            "2003,1,1,0,30,-5,0,0,0,0.866,780,2.5\n2003,1,1,1,30,-5,0,0,0,0.866,780,2.5,\n",
            "2003,1,1,0,30,-5,0,0,NaN,0.866,780,2.5\n",
            "2003,1,1,0,30,-5,0,0, 0,0.866,780,2.5\n",
            "2003,1,1,0,60,-5,0,0,0,0.866,780,2.5\n",
            "2003,1,1,25,0,-5,0,0,0,0.866,780,2.5\n",
            "2003,2,30,0,0,-5,0,0,0,0.866,780,2.5\n",
            "2003,1,1,0.5,0,-5,0,0,0,0.866,780,2.5\n",
        ] {
            assert!(lean_rows(bad, 4, &data).is_none(), "{bad}");
        }
    }
}
