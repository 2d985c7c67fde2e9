//! TMY3 CSV (Wilcox & Marion 2008, NREL/TP-581-43156): line 1 `USAF,"name",state,tz,lat,lon,elev`,
//! line 2 the column names, then one row per hour `MM/DD/YYYY,HH:MM,…` with HH 01–24 marking the
//! end of the hour (SolarAnywhere writes midnight as 00:00 of the next day; a file whose first
//! row is 00:00 is read as stamped at the interval start, as ssc does). Missing values: −9900.
//!
//! Columns are found by name (`GHI (W/m^2)`, `DNI (W/m^2)`, `DHI (W/m^2)`, `Dry-bulb (C)`,
//! `Pressure (mbar)`, `Wspd (m/s)`, `Alb (unitless)` with `Alb source` — albedo flagged `?` is
//! missing). Default timing [`Timing::Centre`] ([`super::timing::TMY3`]).

use super::assemble::{check_date, finish, prev_day, Meta, Rows};
use super::lean::{plan, push_row, Cursor};
use super::text::{err, int, not_a_number, num, show, split_fields, split_quoted, Fields, Lines};
use super::{
    check_location, timing, Location, ParseOptions, Stamp, Timing, Weather, WeatherFormat,
};
use crate::error::{codes, ScenarioError};

const MISSING: f64 = -9900.0;

/// Reads a TMY3 text (the data rows by the lean path, by the validating path where it gives up).
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
    let (n2, second) = lines.next().unwrap_or((2, ""));
    if !second
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("date (mm/dd/yyyy)")
    {
        return Err(err(
            codes::WEATHER_FORMAT,
            Some(n2),
            "not a TMY3 file: line 2 must be the column header starting with Date (MM/DD/YYYY)",
            "不是 TMY3 文件：第 2 行应为以 Date (MM/DD/YYYY) 开头的列名行",
        ));
    }
    let mut h = [""; 8];
    let nh = split_quoted(first, &mut h);
    if nh < 7 {
        return Err(err(
            codes::WEATHER_LOCATION,
            Some(n1),
            format!("the TMY3 header has {nh} fields; 7 are needed (station, name, state, time zone, latitude, longitude, elevation)"),
            format!("TMY3 文件头只有 {nh} 个字段，需要 7 个（站号、站名、州、时区、纬度、经度、海拔）"),
        ));
    }
    let hnum = |i: usize, en: &str, zh: &str| {
        num(h[i]).ok_or_else(|| {
            err(
                codes::WEATHER_LOCATION,
                Some(n1),
                format!("the TMY3 {en} is not a number: {}", show(h[i])),
                format!("TMY3 的{zh}不是数字：{}", show(h[i])),
            )
        })
    };
    let location = Location {
        name: h[1].to_string(),
        timezone_h: hnum(3, "time zone", "时区")?,
        latitude: hnum(4, "latitude", "纬度")?,
        longitude: hnum(5, "longitude", "经度")?,
        elevation_m: hnum(6, "elevation", "海拔")?,
    };
    check_location(&location, n1)?;

    // Columns by name.
    let mut names = [""; 80];
    let width = split_fields(second, &mut names);
    let find = |prefix: &str| {
        names[..width.min(names.len())]
            .iter()
            .position(|c| c.trim().to_ascii_lowercase().starts_with(prefix))
    };
    let need = |prefix: &str, label: &str| {
        find(prefix).ok_or_else(|| {
            err(
                codes::WEATHER_MISSING_VALUES,
                Some(n2),
                format!("the TMY3 header has no {label} column"),
                format!("TMY3 列名行缺少 {label} 列"),
            )
        })
    };
    let cols = Columns {
        ghi: need("ghi (", "GHI (W/m^2)")?,
        dni: need("dni (", "DNI (W/m^2)")?,
        dhi: need("dhi (", "DHI (W/m^2)")?,
        temp: need("dry-bulb", "Dry-bulb (C)")?,
        pres: need("pressure", "Pressure (mbar)")?,
        wind: need("wspd", "Wspd (m/s)")?,
        alb: find("alb ("),
        alb_src: find("alb source"),
        width,
    };
    let lean = (!full)
        .then(|| lean_rows(lines.rest(), lines.next_line_no(), &cols))
        .flatten();
    let (rows, end_labelled, last_line) = match lean {
        Some((rows, end_labelled, last)) => (rows, end_labelled, last.unwrap_or(n2)),
        None => full_rows(lines, n2, &cols)?,
    };
    finish(
        rows,
        Meta {
            location,
            format: WeatherFormat::Tmy3,
            timing_override: opt.timing,
            timing_default: Timing::Centre,
            timing_basis: timing::TMY3,
            source: "TMY3".into(),
            step_minutes: Some(60),
            stamp_offset_minutes: if end_labelled { 60 } else { 0 },
            roll_hours: 0,
            last_line,
            has_pressure: true,
        },
    )
}

/// The columns a TMY3 row is read from (0-based), and the number of fields of the column header.
struct Columns {
    ghi: usize,
    dni: usize,
    dhi: usize,
    temp: usize,
    pres: usize,
    wind: usize,
    alb: Option<usize>,
    alb_src: Option<usize>,
    width: usize,
}

/// A value of a numeric column: NaN at the missing marker (−9900).
fn value(x: f64) -> f64 {
    if x <= MISSING + 0.5 {
        f64::NAN
    } else {
        x
    }
}

/// The albedo: NaN where missing or flagged `?` by its source column.
fn albedo(a: Option<f64>, flagged: bool) -> f64 {
    a.filter(|a| *a > MISSING + 0.5 && !flagged)
        .unwrap_or(f64::NAN)
}

/// The interval start of a row dated `y-m-d` at `hh`:00. Rows run 01:00–24:00 marking the end of
/// the hour (`end_labelled`); 00:00 is 24:00 of the day before (SolarAnywhere), whose 29 February
/// becomes the 28th after a 28 February (a typical year has no leap day even when its February
/// comes from a leap year). Without `end_labelled` (first row at 00:00) rows are stamped at the
/// interval start, as ssc reads them, and 24:00 is `None`.
fn stamp_of(
    last: Option<&Stamp>,
    end_labelled: bool,
    y: i32,
    m: u8,
    d: u8,
    hh: i64,
) -> Option<Stamp> {
    let (year, month, day, hour) = if !end_labelled {
        if hh == 24 {
            return None;
        }
        (y, m, d, hh as u8)
    } else if hh == 0 {
        let (py, pm, mut pd) = prev_day(y, m, d);
        if (pm, pd) == (2, 29) && last.is_some_and(|s| (s.month, s.day) == (2, 28)) {
            pd = 28;
        }
        (py, pm, pd, 23)
    } else {
        (y, m, d, (hh - 1) as u8)
    };
    Some(Stamp {
        year,
        month,
        day,
        hour,
        minute: 0,
    })
}

/// The validating reader of the data rows: every field checked, errors with their line. With the
/// rows, whether they are end-labelled and the number of the last line.
fn full_rows(
    lines: Lines,
    mut last_line: u32,
    cols: &Columns,
) -> Result<(Rows, bool, u32), ScenarioError> {
    let width = cols.width;
    let mut rows = Rows::with_capacity(8784, cols.alb.is_some());
    let mut end_labelled = true;
    for (no, line) in lines {
        last_line = no;
        if line.trim().is_empty() {
            continue;
        }
        let f = Fields::<80>::split(line);
        let n = f.len();
        if n != width {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("TMY3 data line has {n} fields where the column header has {width}"),
                format!("TMY3 数据行有 {n} 个字段，而列名行有 {width} 个"),
            ));
        }
        // MM/DD/YYYY
        let mut d = f.get(0).trim().split('/');
        let (mm, dd, yy) = (d.next(), d.next(), d.next());
        let date = match (
            mm.and_then(int),
            dd.and_then(int),
            yy.and_then(int),
            d.next(),
        ) {
            (Some(m), Some(dd), Some(y), None) => (y, m, dd),
            _ => {
                return Err(not_a_number(
                    no,
                    "date (MM/DD/YYYY)",
                    "日期 (MM/DD/YYYY)",
                    f.get(0),
                ))
            }
        };
        check_date(no, date.0, date.1, date.2)?;
        let (hh, mi) = match f.get(1).trim().split_once(':') {
            Some((a, b)) => (int(a), int(b)),
            None => (None, None),
        };
        let (Some(hh), Some(mi)) = (hh, mi) else {
            return Err(not_a_number(no, "time (HH:MM)", "时间 (HH:MM)", f.get(1)));
        };
        if !(0..=24).contains(&hh) || mi != 0 {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!(
                    "TMY3 time {} is not a whole hour 01:00–24:00",
                    show(f.get(1))
                ),
                format!("TMY3 时间 {} 不是 01:00–24:00 的整点", show(f.get(1))),
            ));
        }
        if rows.len() == 0 && hh == 0 {
            end_labelled = false; // rows stamped 00:00–23:00 at the interval start (ssc)
        }
        let (y, m, dd) = (date.0 as i32, date.1 as u8, date.2 as u8);
        let Some(stamp) = stamp_of(rows.stamps.last(), end_labelled, y, m, dd, hh) else {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                "TMY3 time 24:00 in a file whose hours start at 00:00",
                "TMY3 文件的小时从 00:00 开始，却出现 24:00",
            ));
        };
        let v = |k: usize, en: &str, zh: &str| -> Result<f64, ScenarioError> {
            let x = num(f.get(k)).ok_or_else(|| not_a_number(no, en, zh, f.get(k)))?;
            Ok(value(x))
        };
        let values = [
            v(cols.ghi, "GHI", "GHI")?,
            v(cols.dni, "DNI", "DNI")?,
            v(cols.dhi, "DHI", "DHI")?,
            v(cols.temp, "dry-bulb temperature", "干球温度")?,
            v(cols.pres, "pressure", "气压")?,
            v(cols.wind, "wind speed", "风速")?,
        ];
        let alb = cols.alb.map(|c| {
            let flagged = cols.alb_src.is_some_and(|s| f.get(s).trim() == "?");
            albedo(num(f.get(c)), flagged)
        });
        push_row(&mut rows, stamp, no, values, alb);
    }
    Ok((rows, end_labelled, last_line))
}

/// What a lean row's needed cell is read into (the first six in [`push_row`]'s order).
#[derive(Clone, Copy)]
enum Slot {
    Ghi,
    Dni,
    Dhi,
    Temp,
    Pres,
    Wind,
    Alb,
    AlbSrc,
}

/// The data rows in one pass over the bytes ([`super::lean`]): the dates, times and needed cells
/// in their plain form only, the same rows as [`full_rows`]; `None` at the first line that is not
/// plainly right (the full path then reads or reports it). With the rows, whether they are
/// end-labelled and the number of the last line (`None`: no line after the header).
fn lean_rows(data: &str, first_no: u32, cols: &Columns) -> Option<(Rows, bool, Option<u32>)> {
    // The needed columns in file order, after the date and time.
    let (want, k) = plan([
        (Some(cols.ghi), Slot::Ghi),
        (Some(cols.dni), Slot::Dni),
        (Some(cols.dhi), Slot::Dhi),
        (Some(cols.temp), Slot::Temp),
        (Some(cols.pres), Slot::Pres),
        (Some(cols.wind), Slot::Wind),
        (cols.alb, Slot::Alb),
        (cols.alb_src, Slot::AlbSrc),
    ])?;
    let want = &want[..k];
    if want[0].0 < 2 || cols.width > 80 {
        return None;
    }
    let mut c = Cursor::new(data.as_bytes());
    let mut rows = Rows::with_capacity(8784, cols.alb.is_some());
    let (mut end_labelled, mut no, mut last) = (true, first_no, None);
    let (mut date, mut mdy) = ((0, 0), (0, 0, 0));
    while !c.done() {
        let this = no;
        no += 1;
        last = Some(this);
        if c.skip_empty_line() {
            continue;
        }
        // The date `MM/DD/YYYY,`: compared where it repeats the line before's (24 hours a day).
        let line = c.i;
        let (m, d, y) = if c.same_as(date) {
            mdy
        } else {
            let (m, d) = (c.digits_until(b'/')?, c.digits_until(b'/')?);
            let y = c.int()?;
            c.comma().then_some(())?;
            if y < 0 {
                return None;
            }
            check_date(this, y, m, d).ok()?;
            (date, mdy) = (c.span_from(line), (m, d, y));
            mdy
        };
        let hh = c.digits_until(b':')?;
        if !(0..=24).contains(&hh) || c.int()? != 0 {
            return None;
        }
        if rows.len() == 0 && hh == 0 {
            end_labelled = false;
        }
        let stamp = stamp_of(
            rows.stamps.last(),
            end_labelled,
            y as i32,
            m as u8,
            d as u8,
            hh,
        )?;
        // Cells 2.. : skip to each needed one (the cursor ends at the comma after field `at`).
        let (mut at, mut v, mut alb, mut flagged) = (1, [0.0; 6], None, false);
        for &(col, slot) in want.iter() {
            (c.skip_commas(col - at) == col - at).then_some(())?;
            at = col;
            match slot {
                Slot::Alb => alb = Some(c.num_or_empty()?).filter(|a| !a.is_nan()),
                Slot::AlbSrc => {
                    let cell = c.cell();
                    if cell.iter().any(u8::is_ascii_whitespace) {
                        return None;
                    }
                    flagged = cell == b"?";
                }
                s => v[s as usize] = value(c.num()?),
            }
        }
        let fields = at + 1 + c.skip_commas(usize::MAX);
        c.next_line();
        if fields != cols.width {
            return None;
        }
        let alb = cols.alb.map(|_| albedo(alb, flagged));
        push_row(&mut rows, stamp, this, v, alb);
    }
    Some((rows, end_labelled, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    // Columns: date, time, GHI, DNI, DHI, Dry-bulb, Pressure, Wspd, Alb, Alb source.
    const COLS: Columns = Columns {
        ghi: 2,
        dni: 3,
        dhi: 4,
        temp: 5,
        pres: 6,
        wind: 7,
        alb: Some(8),
        alb_src: Some(9),
        width: 10,
    };
    const ROWS: &str = "01/01/1988,01:00,0,0,0,-1.5,993,1.5,0.200,F\r\n\
                        01/01/1988,02:00,12.5,-9900,3,-9900,993,2,0.200,?\r\n\
                        \r\n\
                        01/01/1988,03:00,1,2,3,4,1000.5,0,,F\r\n";

    #[test]
    fn lean_rows_take_plain_lines_and_match_the_full_rows() {
        let (lean, end_labelled, last) = lean_rows(ROWS, 3, &COLS).expect("plain rows");
        let (full, full_end_labelled, full_last) = full_rows(Lines::new(ROWS), 2, &COLS).unwrap();
        assert_eq!(
            (end_labelled, last),
            (full_end_labelled, Some(full_last - 1 + 3))
        );
        super::super::lean::assert_same_rows(&lean, &full);
        assert_eq!((lean.lines, full.lines), (vec![3, 4, 6], vec![1, 2, 4]));
        assert!(lean.albedo[1].is_nan() && lean.albedo[2].is_nan() && lean.dni[1].is_nan());
        // Anything not plainly right is left to the full path.
        for bad in [
            "01/01/1988,01:00,0,0,0,-1.5,993,1.5,0.200\n",
            "01/01/1988,01:00,0,0,0,-1.5,993,1.5,0.200,F,\n",
            "01/01/1988,01:30,0,0,0,-1.5,993,1.5,0.200,F\n",
            "1/1/1988,25:00,0,0,0,-1.5,993,1.5,0.200,F\n",
            "01/01/1988, 01:00,0,0,0,-1.5,993,1.5,0.200,F\n",
            "01/01/1988,01:00,0,0,0, 1,993,1.5,0.200,F\n",
            "01/01/1988,01:00,0,0,0,1,993,1.5,0.2, ?\n",
            "01-01-1988,01:00,0,0,0,1,993,1.5,0.2,?\n",
        ] {
            assert!(lean_rows(bad, 3, &COLS).is_none(), "{bad}");
        }
    }
}
