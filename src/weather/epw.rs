//! EnergyPlus weather (EPW): a `LOCATION` line, seven more header lines up to `DATA PERIODS`, then
//! one comma-separated row per interval (EnergyPlus Auxiliary Programs, "Weather Data Format";
//! read as ssc `lib_weatherfile.cpp` and pvlib `iotools/epw.py` do).
//!
//! Fields used (0-based): 0 year, 1 month, 2 day, 3 hour (1–24, the interval end), 4 minute,
//! 6 dry bulb [°C] (missing 99.9), 9 station pressure [Pa] (missing 999999), 13 GHI, 14 DNI,
//! 15 DHI [Wh/m² over the interval = mean W/m²] (missing 9999), 21 wind speed [m/s] (missing 999),
//! 32 albedo (missing 999). `DATA PERIODS,n,r,…` gives r records per hour (step 60/r minutes).
//!
//! Data set: the `LOCATION` source field (CSWD, IWEC, TMYx …). A CSWD file (that field, a comment
//! naming CSWD / China Standard Weather Data, or a file name containing CSWD) defaults to
//! [`Timing::Start`], any other EPW to [`Timing::Centre`] (see [`super::timing`]).

use super::assemble::{check_date, finish, Meta, Rows};
use super::lean::Cursor;
use super::text::{err, int, not_a_number, num, split_fields, Fields, Lines};
use super::{
    check_location, timing, Location, ParseOptions, Stamp, Timing, Weather, WeatherFormat,
};
use crate::error::{codes, ScenarioError};

/// Reads an EPW text (the data rows by the lean path, by the validating path where it gives up).
pub fn read(text: &str, opt: &ParseOptions) -> Result<Weather, ScenarioError> {
    read_rows_by(text, opt, false)
}

/// [`read`], with every data row read by the validating path when `full`.
pub(crate) fn read_rows_by(
    text: &str,
    opt: &ParseOptions,
    full: bool,
) -> Result<Weather, ScenarioError> {
    let mut lines = Lines::new(text);
    let (n1, first) = lines.next().unwrap_or((1, ""));
    let mut f = [""; 16];
    let nf = split_fields(first, &mut f);
    if !f[0].trim().eq_ignore_ascii_case("LOCATION") || nf == 0 {
        return Err(err(
            codes::WEATHER_FORMAT,
            Some(n1),
            "not an EPW file: the first line must start with LOCATION",
            "不是 EPW 文件：第一行应以 LOCATION 开头",
        ));
    }
    if nf < 10 {
        return Err(err(
            codes::WEATHER_LOCATION,
            Some(n1),
            format!("the EPW LOCATION line has {nf} fields; 10 are needed (LOCATION, city, state, country, source, station, latitude, longitude, time zone, elevation)"),
            format!("EPW 的 LOCATION 行只有 {nf} 个字段，需要 10 个（LOCATION、城市、省/州、国家、数据来源、站号、纬度、经度、时区、海拔）"),
        ));
    }
    let loc_num = |i: usize, en: &str, zh: &str| {
        num(f[i]).ok_or_else(|| {
            err(
                codes::WEATHER_LOCATION,
                Some(n1),
                format!("the EPW {en} is not a number: {}", super::text::show(f[i])),
                format!("EPW 的{zh}不是数字：{}", super::text::show(f[i])),
            )
        })
    };
    let location = Location {
        name: [f[1], f[2], f[3]]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty() && !s.eq_ignore_ascii_case("unknown") && *s != "-")
            .collect::<Vec<_>>()
            .join(", "),
        latitude: loc_num(6, "latitude", "纬度")?,
        longitude: loc_num(7, "longitude", "经度")?,
        timezone_h: loc_num(8, "time zone", "时区")?,
        elevation_m: loc_num(9, "elevation", "海拔")?,
    };
    check_location(&location, n1)?;
    let source = f[4].trim().to_string();

    // Header lines up to DATA PERIODS.
    let mut cswd =
        contains_cswd(&source) || opt.file_name.as_deref().map(contains_cswd).unwrap_or(false);
    let mut per_hour = None;
    let mut last_line = n1;
    for (no, line) in lines.by_ref() {
        last_line = no;
        let head = line.trim_start();
        if starts_with_ignore_case(head, "DATA PERIODS") {
            let mut g = [""; 4];
            split_fields(line, &mut g);
            let r = int(g[2]).filter(|r| (1..=60).contains(r) && 60 % r == 0);
            per_hour = Some(r.ok_or_else(|| {
                err(
                    codes::WEATHER_PARSE,
                    Some(no),
                    format!("DATA PERIODS: records per hour {} is not 1, 2, 4, 6, 12 … (a divisor of 60)", super::text::show(g[2])),
                    format!("DATA PERIODS：每小时记录数 {} 不是 60 的约数", super::text::show(g[2])),
                )
            })? as u32);
            break;
        }
        if head.as_bytes().first().is_some_and(u8::is_ascii_digit) || no > 40 {
            return Err(err(
                codes::WEATHER_FORMAT,
                Some(no),
                "EPW header without a DATA PERIODS line before the data",
                "EPW 文件头缺少 DATA PERIODS 行",
            ));
        }
        if starts_with_ignore_case(head, "COMMENTS") && contains_cswd(head) {
            cswd = true;
        }
    }
    let Some(per_hour) = per_hour else {
        return Err(err(
            codes::WEATHER_TRUNCATED,
            Some(lines.next_line_no().saturating_sub(1).max(1)),
            "the EPW file ends inside its header (no DATA PERIODS line, no data)",
            "EPW 文件在文件头中结束（没有 DATA PERIODS 行和数据）",
        ));
    };
    let step = 60 / per_hour;

    let lean = (!full)
        .then(|| lean_rows(lines.rest(), lines.next_line_no(), per_hour, step))
        .flatten();
    let (rows, last_line) = match lean {
        Some((rows, last)) => (rows, last.unwrap_or(last_line)),
        None => full_rows(lines, last_line, per_hour, step)?,
    };
    let (timing_default, basis) = if cswd {
        (Timing::Start, timing::CSWD_EPW)
    } else {
        (Timing::Centre, timing::EPW)
    };
    finish(
        rows,
        Meta {
            location,
            format: WeatherFormat::Epw,
            timing_override: opt.timing,
            timing_default,
            timing_basis: basis,
            source,
            step_minutes: Some(step),
            stamp_offset_minutes: step,
            roll_hours: 0,
            last_line,
            has_pressure: true,
        },
    )
}

/// The stamp of a row checked by [`check_date`], its interval starting `start` minutes after 00:00.
fn stamp(year: i64, month: i64, day: i64, start: i64) -> Stamp {
    Stamp {
        year: year as i32,
        month: month as u8,
        day: day as u8,
        hour: (start / 60) as u8,
        minute: (start % 60) as u8,
    }
}

/// Interval start [min from 00:00]: hourly rows cover (h−1):00–h:00 whatever the minute field
/// says (CSWD and TMYx write 0, others 60); sub-hourly rows end at (h−1):minute (0 meaning 60).
fn interval_start(hour: i64, minute: i64, per_hour: u32, step: u32) -> i64 {
    let end = (hour - 1) * 60
        + if per_hour == 1 || minute == 0 {
            60
        } else {
            minute
        };
    end - i64::from(step)
}

/// The data rows in one pass over the bytes ([`super::lean`]), the same rows as [`full_rows`]; `None`
/// at the first line that is not plainly right (the full path then reads or reports it). With the
/// rows, the number of the last line (`None`: no line after the header).
///
/// Where a line repeats the bytes of the line before, they are compared eight at a time rather
/// than read: its date `year,month,day,` (the same for 24 hours), its field 5 (the data source
/// and uncertainty flags, the same for most hours of a CSWD file) and its fields 24–34 to the
/// line end (weather codes, precipitable water, aerosol depth, snow, albedo, rain: mostly
/// missing-value markers). The same bytes give the same values, field count and checks.
fn lean_rows(data: &str, first_no: u32, per_hour: u32, step: u32) -> Option<(Rows, Option<u32>)> {
    let mut c = Cursor::new(data.as_bytes());
    let mut rows = Rows::with_capacity(8784 * per_hour as usize, true);
    let (mut width, mut no, mut last) = (0usize, first_no, None);
    // The line before's spans, with what was read from them.
    let (mut date, mut ymd) = ((0, 0), (0, 0, 0));
    let mut flags = (0, 0);
    let (mut tail, mut tail_cells) = ((0, 0), (0, f64::NAN));
    while !c.done() {
        let this = no;
        no += 1;
        last = Some(this);
        if c.skip_empty_line() {
            continue;
        }
        let line = c.i;
        let int = |c: &mut Cursor| {
            let v = c.int()?;
            c.comma().then_some(v)
        };
        let (year, month, day) = if c.same_as(date) {
            ymd
        } else {
            let (year, month, day) = (int(&mut c)?, int(&mut c)?, int(&mut c)?);
            check_date(this, year, month, day).ok()?;
            (date, ymd) = (c.span_from(line), (year, month, day));
            ymd
        };
        let (hour, minute) = (int(&mut c)?, int(&mut c)?);
        let at = c.i;
        if !c.same_as(flags) {
            (c.skip_commas(1) == 1).then_some(())?;
            flags = c.span_from(at);
        }
        // Fields 6 dry bulb, 9 pressure, 13–15 GHI, DNI, DHI, 21 wind: each after its commas.
        let temp = c.num()?;
        let mut at = |commas: usize| -> Option<f64> {
            (c.skip_commas(commas) == commas).then_some(())?;
            c.num()
        };
        let pres = at(3)?;
        let ghi = at(4)?;
        let dni = at(1)?;
        let dhi = at(1)?;
        let wind = at(6)?;
        // Field 32 (albedo) when the line has it, and the field count.
        let skipped = c.skip_commas(3);
        let at = c.i;
        let (fields, albedo) = if skipped < 3 {
            c.next_line();
            (22 + skipped, f64::NAN)
        } else if c.same_as(tail) {
            tail_cells
        } else {
            let skipped = c.skip_commas(8);
            let mut cells = (25 + skipped, f64::NAN);
            if skipped == 8 {
                cells.1 = c.num_or_empty()?;
                cells.0 += c.skip_commas(usize::MAX);
            }
            c.next_line();
            // (Kept only with its \n: the text's last line may end without one.)
            let ended = data.as_bytes()[c.i - 1] == b'\n';
            tail = if ended { c.span_from(at) } else { (0, 0) };
            tail_cells = cells;
            cells
        };
        if width == 0 && width_ok(fields) {
            width = fields;
        } else if fields != width {
            return None;
        }
        if !(1..=24).contains(&hour) || !(0..=60).contains(&minute) {
            return None;
        }
        // (Hourly rows start on the hour: no division by the step.)
        let start = if per_hour == 1 {
            (hour - 1) * 60
        } else {
            interval_start(hour, minute, per_hour, step)
        };
        if per_hour > 1 && (start < 0 || start % i64::from(step) != 0) {
            return None;
        }
        rows.stamps.push(stamp(year, month, day, start));
        rows.lines.push(this);
        let missing = |x: f64, at: f64| if x >= at { f64::NAN } else { x };
        rows.temp.push(missing(temp, 99.9));
        rows.pres.push(missing(pres, 999_999.0) / 100.0);
        rows.ghi.push(missing(ghi, 9999.0));
        rows.dni.push(missing(dni, 9999.0));
        rows.dhi.push(missing(dhi, 9999.0));
        rows.wind.push(missing(wind, 999.0));
        rows.albedo.push(if width > 32 && albedo < 999.0 {
            albedo
        } else {
            f64::NAN
        });
    }
    Some((rows, last))
}

/// The field counts of an EPW data row: 35 (the format) or 22 (cut after field 21, the wind speed);
/// the validating path also takes 36 with an empty last field (a trailing comma). Any other count
/// means a field added or lost somewhere, which would shift every field read after it.
fn width_ok(fields: usize) -> bool {
    matches!(fields, 22 | 35)
}

fn contains_cswd(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.contains("cswd") || l.contains("china standard weather data")
}

/// The validating reader of the data rows: every field checked, errors with their line.
fn full_rows(
    lines: Lines,
    mut last_line: u32,
    per_hour: u32,
    step: u32,
) -> Result<(Rows, u32), ScenarioError> {
    let mut rows = Rows::with_capacity(8784 * per_hour as usize, true);
    let mut width = 0usize;
    for (no, line) in lines {
        last_line = no;
        if line.trim().is_empty() {
            continue;
        }
        let f = Fields::<36>::split(line);
        let n = f.len();
        if width == 0 {
            if n < 22 {
                return Err(super::text::too_few_fields(no, n, 22, "EPW"));
            }
            if !(width_ok(n) || n == 36 && f.get(35).trim().is_empty()) {
                return Err(err(
                    codes::WEATHER_PARSE,
                    Some(no),
                    format!("EPW data line has {n} fields; an EPW row has 35 (or 22, cut after the wind speed): a field added or lost would shift the columns read"),
                    format!("EPW 数据行有 {n} 个字段，应为 35 个（或在风速后截断的 22 个）：多出或缺少字段会使读取的列错位"),
                ));
            }
            width = n;
        } else if n != width {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("EPW data line has {n} fields where the first data line has {width}"),
                format!("EPW 数据行有 {n} 个字段，而第一行数据有 {width} 个"),
            ));
        }
        let i = |k: usize, en: &str, zh: &str| {
            int(f.get(k)).ok_or_else(|| not_a_number(no, en, zh, f.get(k)))
        };
        let (year, month, day) = (
            i(0, "year", "年份")?,
            i(1, "month", "月份")?,
            i(2, "day", "日期")?,
        );
        let (hour, minute) = (i(3, "hour", "小时")?, i(4, "minute", "分钟")?);
        check_date(no, year, month, day)?;
        if !(1..=24).contains(&hour) || !(0..=60).contains(&minute) {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("EPW hour {hour} minute {minute}: hours run 1–24 and minutes 0–60"),
                format!("EPW 小时 {hour}、分钟 {minute}：小时应为 1–24，分钟应为 0–60"),
            ));
        }
        let start = interval_start(hour, minute, per_hour, step);
        if start < 0 || start % i64::from(step) != 0 {
            return Err(err(
                codes::WEATHER_TIME,
                Some(no),
                format!(
                    "EPW hour {hour} minute {minute} is not the end of a {step}-minute interval"
                ),
                format!("EPW 小时 {hour} 分钟 {minute} 不是 {step} 分钟时段的终点"),
            ));
        }
        rows.stamps.push(stamp(year, month, day, start));
        rows.lines.push(no);
        let v = |k: usize, en: &str, zh: &str, missing: f64| -> Result<f64, ScenarioError> {
            let x = num(f.get(k)).ok_or_else(|| not_a_number(no, en, zh, f.get(k)))?;
            Ok(if x >= missing { f64::NAN } else { x })
        };
        rows.temp
            .push(v(6, "dry-bulb temperature", "干球温度", 99.9)?);
        rows.pres
            .push(v(9, "station pressure", "气压", 999_999.0)? / 100.0);
        rows.ghi.push(v(
            13,
            "global horizontal radiation",
            "水平面总辐射",
            9999.0,
        )?);
        rows.dni
            .push(v(14, "direct normal radiation", "法向直射辐射", 9999.0)?);
        rows.dhi.push(v(
            15,
            "diffuse horizontal radiation",
            "水平面散射辐射",
            9999.0,
        )?);
        rows.wind.push(v(21, "wind speed", "风速", 999.0)?);
        // Albedo is optional: absent, unreadable or missing (999) all mean "none".
        rows.albedo.push(if width > 32 {
            num(f.get(32)).filter(|a| *a < 999.0).unwrap_or(f64::NAN)
        } else {
            f64::NAN
        });
    }
    Ok((rows, last_line))
}

/// Whether `line` starts with the ASCII keyword `word`, any case (compared as bytes: the line may
/// start with multi-byte text, which a `&str` slice at a byte index would cut inside a character).
fn starts_with_ignore_case(line: &str, word: &str) -> bool {
    line.as_bytes()
        .get(..word.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(word.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROWS: &str = "2005,1,1,1,0,?9?9,-18.3,-19.5,90,90300,0,0,0,0,0,0,0,0,0,0,310,1.5,0,0,0,0,0,0,0,0,0,0,0.2,0,0\r\n\
                        2005,1,1,2,0,x,-18.0,-19.5,90,90300,0,0,0,12.5,9999,3,0,0,0,0,310,999,0,0,0,0,0,0,0,0,0,0,,0,0\r\n\
                        \r\n";

    #[test]
    fn lean_rows_take_plain_lines_and_match_the_full_rows() {
        let (lean, last) = lean_rows(ROWS, 9, 1, 60).expect("plain rows are read by the lean path");
        // (Lines numbers this text from 1, the lean path from line 9 on.)
        let (full, full_last) = full_rows(Lines::new(ROWS), 0, 1, 60).unwrap();
        assert_eq!((last, full_last), (Some(11), 3));
        assert_eq!((lean.lines, full.lines), (vec![9, 10], vec![1, 2]));
        assert_eq!(lean.stamps, full.stamps);
        for (a, b) in [
            (&lean.ghi, &full.ghi),
            (&lean.dni, &full.dni),
            (&lean.temp, &full.temp),
            (&lean.pres, &full.pres),
            (&lean.wind, &full.wind),
            (&lean.albedo, &full.albedo),
        ] {
            let bits = |v: &Vec<f64>| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(a), bits(b));
        }
        assert!(lean_rows("2005,1,1,1,0, 7\n", 9, 1, 60).is_none());
        // 35 or 22 fields, the same number on every line: else the full path decides (a field
        // added or lost would shift the fields read after it).
        let row = |fields: usize| {
            let mut cells = vec!["1"; fields];
            cells[..5].copy_from_slice(&["2005", "1", "1", "1", "0"]);
            cells.join(",") + "\n"
        };
        for n in [22, 35] {
            let two = row(n) + &row(n).replace(",1,1,1,0,", ",1,1,2,0,");
            let (rows, _) = lean_rows(&two, 9, 1, 60).unwrap();
            assert_eq!(rows.albedo[0].is_nan(), n == 22, "{n}");
        }
        // Lines that repeat the line before's date, flags and fields 24-34 (the lean path compares
        // those bytes), the last without its newline: read, and as the full path reads them.
        let hours = |cells: &dyn Fn(usize) -> Vec<String>| -> String {
            (1..=4)
                .map(|h| cells(h).join(","))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let repeating = |h: usize| {
            let mut cells = vec!["0".to_string(); 35];
            cells[..6].clone_from_slice(
                &[
                    "2005",
                    "1",
                    "1",
                    &h.to_string(),
                    "0",
                    "?9?9?9?9E0?9?9?9*9*9",
                ]
                .map(String::from),
            );
            cells[13] = (h * 10).to_string();
            cells[32] = "0.2".into();
            cells
        };
        let text = hours(&repeating);
        let (lean, _) =
            lean_rows(&text, 9, 1, 60).expect("repeated bytes are read by the lean path");
        let (full, _) = full_rows(Lines::new(&text), 0, 1, 60).unwrap();
        super::super::lean::assert_same_rows(&lean, &full);
        assert_eq!(lean.ghi, [10.0, 20.0, 30.0, 40.0]);
        // A field more or fewer after repeated bytes: left to the full path.
        for (hour, edit) in [(3, 36), (3, 34), (4, 36)] {
            let text = hours(&|h| {
                let mut cells = repeating(h);
                if h == hour {
                    cells.resize(edit, "0".into());
                }
                cells
            });
            assert!(lean_rows(&text, 9, 1, 60).is_none(), "{hour} {edit}");
        }
        for bad in [
            row(21),
            row(32),
            row(34),
            row(36),
            row(37),
            row(35) + &row(34),
        ] {
            assert!(lean_rows(&bad, 9, 1, 60).is_none());
        }
    }
}
