//! TMY3 CSV (Wilcox & Marion 2008, NREL/TP-581-43156): line 1 `USAF,"name",state,tz,lat,lon,elev`,
//! line 2 the column names, then one row per hour `MM/DD/YYYY,HH:MM,…` with HH 01–24 marking the
//! end of the hour (SolarAnywhere writes midnight as 00:00 of the next day; a file whose first
//! row is 00:00 is read as stamped at the interval start, as ssc does). Missing values: −9900.
//!
//! Columns are found by name (`GHI (W/m^2)`, `DNI (W/m^2)`, `DHI (W/m^2)`, `Dry-bulb (C)`,
//! `Pressure (mbar)`, `Wspd (m/s)`, `Alb (unitless)` with `Alb source` — albedo flagged `?` is
//! missing). Default timing [`Timing::Centre`] ([`super::timing::TMY3`]).

use super::assemble::{check_date, finish, prev_day, Meta, Rows};
use super::text::{err, int, not_a_number, num, show, split_fields, split_quoted, Fields, Lines};
use super::{
    check_location, timing, Location, ParseOptions, Stamp, Timing, Weather, WeatherFormat,
};
use crate::error::{codes, ScenarioError};

const MISSING: f64 = -9900.0;

/// Reads a TMY3 text.
pub fn read(text: &str, opt: &ParseOptions) -> Result<Weather, ScenarioError> {
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
    let c_ghi = need("ghi (", "GHI (W/m^2)")?;
    let c_dni = need("dni (", "DNI (W/m^2)")?;
    let c_dhi = need("dhi (", "DHI (W/m^2)")?;
    let c_temp = need("dry-bulb", "Dry-bulb (C)")?;
    let c_pres = need("pressure", "Pressure (mbar)")?;
    let c_wind = need("wspd", "Wspd (m/s)")?;
    let c_alb = find("alb (");
    let c_alb_src = find("alb source");

    let mut rows = Rows::with_capacity(8784, c_alb.is_some());
    let mut last_line = n2;
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
        let stamp = if !end_labelled {
            if hh == 24 {
                return Err(err(
                    codes::WEATHER_PARSE,
                    Some(no),
                    "TMY3 time 24:00 in a file whose hours start at 00:00",
                    "TMY3 文件的小时从 00:00 开始，却出现 24:00",
                ));
            }
            Stamp {
                year: y,
                month: m,
                day: dd,
                hour: hh as u8,
                minute: 0,
            }
        } else if hh == 0 {
            // 00:00 = 24:00 of the day before (SolarAnywhere): the hour 23:00–24:00 of that day.
            // A typical year has no 29 February even when its February comes from a leap year:
            // after 28 February the day before 1 March is the 28th.
            let (py, pm, mut pd) = prev_day(y, m, dd);
            if (pm, pd) == (2, 29)
                && rows
                    .stamps
                    .last()
                    .is_some_and(|s| (s.month, s.day) == (2, 28))
            {
                pd = 28;
            }
            Stamp {
                year: py,
                month: pm,
                day: pd,
                hour: 23,
                minute: 0,
            }
        } else {
            Stamp {
                year: y,
                month: m,
                day: dd,
                hour: (hh - 1) as u8,
                minute: 0,
            }
        };
        rows.stamps.push(stamp);
        rows.lines.push(no);
        let v = |k: usize, en: &str, zh: &str| -> Result<f64, ScenarioError> {
            let x = num(f.get(k)).ok_or_else(|| not_a_number(no, en, zh, f.get(k)))?;
            Ok(if x <= MISSING + 0.5 { f64::NAN } else { x })
        };
        rows.ghi.push(v(c_ghi, "GHI", "GHI")?);
        rows.dni.push(v(c_dni, "DNI", "DNI")?);
        rows.dhi.push(v(c_dhi, "DHI", "DHI")?);
        rows.temp
            .push(v(c_temp, "dry-bulb temperature", "干球温度")?);
        rows.pres.push(v(c_pres, "pressure", "气压")?);
        rows.wind.push(v(c_wind, "wind speed", "风速")?);
        if let Some(c) = c_alb {
            let flagged = c_alb_src.is_some_and(|s| f.get(s).trim() == "?");
            let a = num(f.get(c)).filter(|a| *a > MISSING + 0.5 && !flagged);
            rows.albedo.push(a.unwrap_or(f64::NAN));
        }
    }
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
