//! TMY2 (Marion & Urban 1995, User's Manual for TMY2s): fixed-width text. Header
//! ` WBAN CITY STATE TZ N dd mm W ddd mm ELEV` (whitespace separated, city names use `_`), then
//! one 142-character line per hour. Columns used (0-based byte ranges, as ssc and pvlib read them):
//! year 1–3 (two digits, 19xx), month 3–5, day 5–7, hour 7–9 (01–24, the end of the hour),
//! GHI 17–21, DNI 23–27, DHI 29–33 [Wh/m²], dry bulb 67–71 [0.1 °C], pressure 84–88 [mbar],
//! wind speed 95–98 [0.1 m/s]. A field of nines is missing. Default timing [`Timing::Centre`].

use super::assemble::{check_date, finish, Meta, Rows};
use super::lean::{push_row, Cursor};
use super::text::{err, int, not_a_number, num, show, Lines};
use super::{
    check_location, timing, Location, ParseOptions, Stamp, Timing, Weather, WeatherFormat,
};
use crate::error::{codes, ScenarioError};

/// Shortest data line holding every field read (through wind speed).
const MIN_LEN: usize = 98;

/// Header and first data line look like TMY2.
pub(crate) fn looks_like(first: &str, second: &str) -> bool {
    let toks = first.split_whitespace().count();
    let b = second.as_bytes();
    toks >= 11
        && first.split_whitespace().any(|t| t == "N" || t == "S")
        && b.len() >= MIN_LEN
        && b[1..9].iter().all(u8::is_ascii_digit)
}

/// Reads a TMY2 text (the data rows by the lean path, by the validating path where it gives up).
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
    let t: Vec<&str> = first.split_whitespace().collect();
    let n = t.len();
    let bad_header = || {
        err(
            codes::WEATHER_FORMAT,
            Some(n1),
            "not a TMY2 header (WBAN, city, state, time zone, N/S deg min, E/W deg min, elevation)",
            "不是 TMY2 文件头（WBAN、城市、州、时区、N/S 度 分、E/W 度 分、海拔）",
        )
    };
    if n < 11 {
        return Err(bad_header());
    }
    let (ns, ew) = (t[n - 7], t[n - 4]);
    if !matches!(ns, "N" | "S") || !matches!(ew, "E" | "W") {
        return Err(bad_header());
    }
    let hnum = |s: &str, en: &str, zh: &str| {
        num(s).ok_or_else(|| {
            err(
                codes::WEATHER_LOCATION,
                Some(n1),
                format!("the TMY2 {en} is not a number: {}", show(s)),
                format!("TMY2 的{zh}不是数字：{}", show(s)),
            )
        })
    };
    let lat = hnum(t[n - 6], "latitude", "纬度")? + hnum(t[n - 5], "latitude", "纬度")? / 60.0;
    let lon = hnum(t[n - 3], "longitude", "经度")? + hnum(t[n - 2], "longitude", "经度")? / 60.0;
    let location = Location {
        name: t[1..n - 9].join(" ").replace('_', " "),
        latitude: if ns == "S" { -lat } else { lat },
        longitude: if ew == "W" { -lon } else { lon },
        timezone_h: hnum(t[n - 8], "time zone", "时区")?,
        elevation_m: hnum(t[n - 1], "elevation", "海拔")?,
    };
    check_location(&location, n1)?;

    let lean = (!full)
        .then(|| lean_rows(lines.rest(), lines.next_line_no()))
        .flatten();
    let (rows, last_line) = match lean {
        Some((rows, last)) => (rows, last.unwrap_or(n1)),
        None => full_rows(lines, n1)?,
    };
    finish(
        rows,
        Meta {
            location,
            format: WeatherFormat::Tmy2,
            timing_override: opt.timing,
            timing_default: Timing::Centre,
            timing_basis: timing::TMY2,
            source: "TMY2".into(),
            step_minutes: Some(60),
            stamp_offset_minutes: 60,
            roll_hours: 0,
            last_line,
            has_pressure: true,
        },
    )
}

/// The validating reader of the data rows: every field checked, errors with their line. With the
/// rows, the number of the last line.
fn full_rows(lines: Lines, mut last_line: u32) -> Result<(Rows, u32), ScenarioError> {
    let mut rows = Rows::with_capacity(8784, false);
    for (no, line) in lines {
        last_line = no;
        if line.trim().is_empty() {
            continue;
        }
        if line.len() < MIN_LEN {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("TMY2 data line has {} characters; at least {MIN_LEN} are needed (a TMY2 line has 142)", line.len()),
                format!("TMY2 数据行只有 {} 个字符，至少需要 {MIN_LEN} 个（TMY2 每行 142 个）", line.len()),
            ));
        }
        let cell = |a: usize, b: usize| line.get(a..b).unwrap_or("\u{fffd}");
        let i = |a: usize, b: usize, en: &str, zh: &str| {
            int(cell(a, b)).ok_or_else(|| not_a_number(no, en, zh, cell(a, b)))
        };
        let yy = i(1, 3, "year", "年份")?;
        let (month, day, hour) = (
            i(3, 5, "month", "月份")?,
            i(5, 7, "day", "日期")?,
            i(7, 9, "hour", "小时")?,
        );
        let year = 1900 + yy;
        check_date(no, year, month, day)?;
        if !(1..=24).contains(&hour) {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("TMY2 hour {hour} is not 01–24"),
                format!("TMY2 小时 {hour} 不在 01–24 之间"),
            ));
        }
        rows.stamps.push(Stamp {
            year: year as i32,
            month: month as u8,
            day: day as u8,
            hour: (hour - 1) as u8,
            minute: 0,
        });
        rows.lines.push(no);
        // A field of nines (9999, 999) is missing.
        let v = |a: usize, b: usize, div: f64, en: &str, zh: &str| -> Result<f64, ScenarioError> {
            let s = cell(a, b);
            let x = int(s).ok_or_else(|| not_a_number(no, en, zh, s))?;
            Ok(if s.trim_start_matches('-').bytes().all(|c| c == b'9') {
                f64::NAN
            } else {
                x as f64 / div
            })
        };
        rows.ghi.push(v(17, 21, 1.0, "GHI", "GHI")?);
        rows.dni.push(v(23, 27, 1.0, "DNI", "DNI")?);
        rows.dhi.push(v(29, 33, 1.0, "DHI", "DHI")?);
        rows.temp
            .push(v(67, 71, 10.0, "dry-bulb temperature", "干球温度")?);
        rows.pres.push(v(84, 88, 1.0, "pressure", "气压")?);
        rows.wind.push(v(95, 98, 10.0, "wind speed", "风速")?);
    }
    Ok((rows, last_line))
}

/// A cell of a data line in its plain form: an optional `-`, then digits only (`None` for
/// anything else, such as spaces or a `+`); with whether its digits are all nines (missing).
#[inline]
fn plain(line: &[u8], a: usize, b: usize) -> Option<(i64, bool)> {
    let cell = &line[a..b];
    let (neg, digits) = match cell.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, cell),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let v = digits
        .iter()
        .fold(0i64, |v, &d| v * 10 + i64::from(d - b'0'));
    Some((if neg { -v } else { v }, digits.iter().all(|&d| d == b'9')))
}

/// The data rows in one pass over the bytes, the same rows as [`full_rows`]: each line's fixed
/// cells in their plain form only ([`plain`]); `None` at the first line that is not plainly right
/// (the full path then reads or reports it). With the rows, the number of the last line (`None`:
/// no line after the header).
fn lean_rows(data: &str, first_no: u32) -> Option<(Rows, Option<u32>)> {
    let mut c = Cursor::new(data.as_bytes());
    let mut rows = Rows::with_capacity(8784, false);
    let (mut no, mut last) = (first_no, None);
    while !c.done() {
        let this = no;
        no += 1;
        last = Some(this);
        let line = c.line();
        if line.is_empty() {
            continue;
        }
        if line.len() < MIN_LEN {
            return None;
        }
        let date = |a: usize| {
            plain(line, a, a + 2)
                .filter(|_| line[a] != b'-')
                .map(|v| v.0)
        };
        let (yy, month, day, hour) = (date(1)?, date(3)?, date(5)?, date(7)?);
        let year = 1900 + yy;
        check_date(this, year, month, day).ok()?;
        if !(1..=24).contains(&hour) {
            return None;
        }
        let stamp = Stamp {
            year: year as i32,
            month: month as u8,
            day: day as u8,
            hour: (hour - 1) as u8,
            minute: 0,
        };
        let v = |a: usize, b: usize, div: f64| {
            plain(line, a, b).map(|(x, nines)| if nines { f64::NAN } else { x as f64 / div })
        };
        let values = [
            v(17, 21, 1.0)?,
            v(23, 27, 1.0)?,
            v(29, 33, 1.0)?,
            v(67, 71, 10.0)?,
            v(84, 88, 1.0)?,
            v(95, 98, 10.0)?,
        ];
        push_row(&mut rows, stamp, this, values, None);
    }
    Some((rows, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 142-character TMY2 line dated 1962-01-01 at `hour` with GHI `ghi` and dry bulb `temp`.
    fn line(hour: &str, ghi: &str, temp: &str) -> String {
        let mut l = format!(" 620101{hour}").into_bytes();
        l.resize(142, b'0');
        l[17..21].copy_from_slice(ghi.as_bytes());
        l[67..71].copy_from_slice(temp.as_bytes());
        String::from_utf8(l).unwrap()
    }

    #[test]
    fn lean_rows_take_plain_lines_and_match_the_full_rows() {
        let text = format!(
            "{}\r\n{}\n\n{}",
            line("01", "0000", "-011"),
            line("02", "9999", "0200"),
            line("03", "0012", "9999")
        );
        let (lean, last) = lean_rows(&text, 2).expect("plain rows are read by the lean path");
        let (full, full_last) = full_rows(Lines::new(&text), 0).unwrap();
        assert_eq!((last, full_last), (Some(5), 4));
        super::super::lean::assert_same_rows(&lean, &full);
        assert_eq!((lean.lines, full.lines), (vec![2, 3, 5], vec![1, 2, 4]));
        assert_eq!((lean.temp[0], lean.ghi[2]), (-1.1, 12.0));
        assert!(lean.ghi[1].is_nan() && lean.temp[2].is_nan());
        // Anything not plainly right is left to the full path.
        for bad in [
            line("01", " 123", "0200"),
            line("01", "+123", "0200"),
            line("01", "12a4", "0200"),
            line("25", "0000", "0200"),
            line(" 1", "0000", "0200"),
            {
                let mut short = line("01", "0000", "0200");
                short.truncate(97);
                short
            },
            "   ".to_string(),
        ] {
            assert!(lean_rows(&bad, 2).is_none(), "{bad}");
        }
    }
}
