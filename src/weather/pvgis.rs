//! PVGIS 5.x typical-year output (`/api/v5_x/tmy`), CSV and JSON, as read by pvlib
//! `iotools/pvgis.py` (`read_pvgis_tmy`).
//!
//! CSV: `Latitude (decimal degrees): 45.000`, `Longitude (decimal degrees): 8.000`,
//! `Elevation (m): 250.0`, optionally `Irradiance Time Offset (h): 0.1761` (PVGIS 5.3, since
//! December 2024), the `month,year` table, the column row
//! `time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP`, 8760 rows `20180101:0000,…`, a blank
//! line and a footer of descriptions. JSON: `inputs.location.{latitude, longitude, elevation,
//! irradiance_time_offset}`, `inputs.meteo_data.radiation_db`, `outputs.tmy_hourly[]` with the
//! same keys. Units: irradiance W/m², T2m °C, WS10m m/s at 10 m, SP Pa (→ mbar).
//!
//! **Time.** PVGIS writes UTC. Rows are converted to local standard time — the zone given in
//! [`ParseOptions::timezone_h`], else `round(longitude / 15)` — and rotated so the year starts on
//! 1 January 00:00 local (the few night hours that cross the year boundary move to the other end,
//! as pvlib's `_coerce_and_roll_tmy` does). A written minute (`…:0010`) or a declared irradiance
//! time offset goes to [`Weather::stamp_offset_minutes`]. Timing defaults in [`super::timing`]:
//! [`Timing::Centre`] without a declared offset or with 0.5 h, [`Timing::Instant`] for another
//! declared offset (satellite snapshots).

use super::assemble::{check_date, finish, Meta, Rows};
use super::lean::{plan, push_row, Cursor};
use super::text::{err, int, not_a_number, num, show, split_fields, Fields, Lines};
use super::{
    check_location, timing, Location, ParseOptions, Stamp, Timing, Weather, WeatherFormat,
};
use crate::decimal::{dec, fixed};
use crate::diag::Bilingual;
use crate::error::{codes, ScenarioError};
use crate::json::{self, FromJson};

/// Parses `YYYYMMDD:HHMM` into a UTC stamp.
fn time_utc(s: &str, line: u32) -> Result<Stamp, ScenarioError> {
    let s = s.trim();
    let bad = || {
        not_a_number(
            line,
            "time (UTC, YYYYMMDD:HHMM)",
            "时间 (UTC, YYYYMMDD:HHMM)",
            s,
        )
    };
    if s.len() != 13 || s.as_bytes()[8] != b':' || !s.is_ascii() {
        return Err(bad());
    }
    let p = |a: usize, b: usize| s.get(a..b).and_then(int).ok_or_else(bad);
    let (y, m, d, h, mi) = (p(0, 4)?, p(4, 6)?, p(6, 8)?, p(9, 11)?, p(11, 13)?);
    check_date(line, y, m, d)?;
    if !(0..=23).contains(&h) || !(0..=59).contains(&mi) {
        return Err(bad());
    }
    Ok(Stamp {
        year: y as i32,
        month: m as u8,
        day: d as u8,
        hour: h as u8,
        minute: mi as u8,
    })
}

/// Time zone, timing and offset shared by both layouts.
struct TimeSetup {
    timezone_h: i32,
    offset_minutes: u32,
    timing_default: Timing,
    basis: Bilingual,
}

fn time_setup(
    longitude: f64,
    declared_offset_h: Option<f64>,
    written_minute: u8,
    opt: &ParseOptions,
    line: u32,
) -> Result<TimeSetup, ScenarioError> {
    let tz = opt.timezone_h.unwrap_or((longitude / 15.0).round());
    if tz.fract() != 0.0 || !(-12.0..=14.0).contains(&tz) {
        let tz = dec(tz);
        return Err(err(
            codes::WEATHER_LOCATION,
            Some(line),
            format!("time zone {tz} h: PVGIS rows (UTC) are converted to a whole-hour zone between −12 and +14"),
            format!("时区 {tz} h：PVGIS 数据（UTC）只能转换到 −12 至 +14 之间的整小时时区"),
        ));
    }
    let (offset_minutes, timing_default, basis) = match declared_offset_h {
        Some(d) if !(0.0..1.0).contains(&d) => {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(line),
                format!("irradiance time offset {} h is outside 0…1 h", dec(d)),
                format!("辐照时间偏移 {} h 超出 0…1 h", dec(d)),
            ))
        }
        Some(d) if (d - 0.5).abs() < 0.01 => (30, Timing::Centre, timing::PVGIS_CENTRED),
        Some(d) => (
            (d * 60.0).round() as u32,
            Timing::Instant,
            timing::PVGIS_INSTANT,
        ),
        None if written_minute == 0 => (0, Timing::Centre, timing::PVGIS),
        None => (
            u32::from(written_minute),
            Timing::Instant,
            timing::PVGIS_INSTANT,
        ),
    };
    Ok(TimeSetup {
        timezone_h: tz as i32,
        offset_minutes,
        timing_default,
        basis,
    })
}

/// Moves the written minute out of the stamps (interval starts on the hour).
fn floor_minutes(rows: &mut Rows) -> Result<u8, ScenarioError> {
    let m = rows.stamps.first().map_or(0, |s| s.minute);
    for (s, no) in rows.stamps.iter_mut().zip(&rows.lines) {
        if s.minute != m {
            return Err(err(
                codes::WEATHER_TIME,
                Some(*no),
                format!(
                    "minute {} where the first row has {m}: PVGIS rows are hourly",
                    s.minute
                ),
                format!("分钟为 {}，而第一行为 {m}：PVGIS 数据应为逐时", s.minute),
            ));
        }
        s.minute = 0;
    }
    Ok(m)
}

fn pvgis_source(db: Option<&str>) -> String {
    match db {
        Some(d) if d.to_ascii_uppercase().starts_with("PVGIS") => d.to_string(),
        Some(d) if !d.is_empty() => format!("PVGIS-{d}"),
        _ => "PVGIS".into(),
    }
}

#[allow(clippy::too_many_arguments)]
fn finish_pvgis(
    mut rows: Rows,
    format: WeatherFormat,
    mut location: Location,
    declared_offset_h: Option<f64>,
    source: String,
    opt: &ParseOptions,
    header_line: u32,
    last_line: u32,
) -> Result<Weather, ScenarioError> {
    let written = floor_minutes(&mut rows)?;
    let t = time_setup(
        location.longitude,
        declared_offset_h,
        written,
        opt,
        header_line,
    )?;
    location.timezone_h = f64::from(t.timezone_h);
    if location.name.is_empty() {
        location.name = format!(
            "PVGIS {}, {}",
            fixed(location.latitude, 3),
            fixed(location.longitude, 3)
        );
    }
    finish(
        rows,
        Meta {
            location,
            format,
            timing_override: opt.timing,
            timing_default: t.timing_default,
            timing_basis: t.basis,
            source,
            step_minutes: Some(60),
            stamp_offset_minutes: t.offset_minutes,
            roll_hours: t.timezone_h,
            last_line,
            has_pressure: true,
        },
    )
}

/// Reads a PVGIS TMY CSV text (the data rows by the lean path, by the validating path where it
/// gives up).
pub fn read_csv(text: &str, opt: &ParseOptions) -> Result<Weather, ScenarioError> {
    read_csv_by(text, opt, false)
}

/// [`read_csv`], the data rows by the validating path only when `full`.
pub(crate) fn read_csv_by(
    text: &str,
    opt: &ParseOptions,
    full: bool,
) -> Result<Weather, ScenarioError> {
    let mut lines = Lines::new(text);
    let (mut lat, mut lon, mut elev, mut offset) = (None, None, None, None);
    let mut header = None;
    for (no, line) in lines.by_ref() {
        let l = line.trim();
        let lower = l.get(..l.len().min(40)).unwrap_or("").to_ascii_lowercase();
        if lower.starts_with("time(utc)") || lower.starts_with("time,") {
            header = Some((no, line));
            break;
        }
        if let Some((key, value)) = l.split_once(':') {
            let key = key.trim().to_ascii_lowercase();
            let slot = if key.starts_with("latitude") {
                &mut lat
            } else if key.starts_with("longitude") {
                &mut lon
            } else if key.starts_with("elevation") {
                &mut elev
            } else if key.starts_with("irradiance time offset") {
                &mut offset
            } else {
                continue;
            };
            *slot = Some(num(value).ok_or_else(|| {
                err(
                    codes::WEATHER_PARSE,
                    Some(no),
                    format!("{key} is not a number: {}", show(value)),
                    format!("{key} 不是数字：{}", show(value)),
                )
            })?);
        } else if no > 40
            || l.as_bytes()
                .first()
                .is_some_and(|c| c.is_ascii_digit() && l.len() > 12)
        {
            break;
        }
    }
    let Some((n_head, head)) = header else {
        return Err(err(
            codes::WEATHER_FORMAT,
            Some(lines.next_line_no().saturating_sub(1).max(1)),
            "not a PVGIS TMY CSV: no column row starting with time(UTC)",
            "不是 PVGIS TMY CSV：没有以 time(UTC) 开头的列名行",
        ));
    };
    let location = match (lat, lon) {
        (Some(latitude), Some(longitude)) => Location {
            name: String::new(),
            latitude,
            longitude,
            timezone_h: 0.0,
            elevation_m: elev.unwrap_or(0.0),
        },
        _ => match &opt.fallback_location {
            Some(l) => l.clone(),
            None => {
                return Err(err(
                    codes::WEATHER_LOCATION,
                    Some(1),
                    "this PVGIS CSV has no Latitude/Longitude lines before its column row: give the location",
                    "此 PVGIS CSV 在列名行之前没有 Latitude/Longitude 行：请提供位置",
                ))
            }
        },
    };
    check_location(&location, n_head)?;

    let mut names = [""; 32];
    let width = split_fields(head, &mut names).min(names.len());
    let find = |key: &str| {
        names[..width]
            .iter()
            .position(|c| c.trim().eq_ignore_ascii_case(key))
    };
    let need = |key: &str| {
        find(key).ok_or_else(|| {
            err(
                codes::WEATHER_MISSING_VALUES,
                Some(n_head),
                format!("the PVGIS column row has no {key} column"),
                format!("PVGIS 列名行缺少 {key} 列"),
            )
        })
    };
    let cols = CsvColumns {
        ghi: need("G(h)")?,
        dni: need("Gb(n)")?,
        dhi: need("Gd(h)")?,
        temp: need("T2m")?,
        wind: need("WS10m")?,
        pres: find("SP"),
        width,
    };
    let lean = (!full)
        .then(|| lean_csv_rows(lines.rest(), lines.next_line_no(), &cols))
        .flatten();
    let (rows, last_line) = match lean {
        Some((rows, last)) => (rows, last.unwrap_or(n_head)),
        None => full_csv_rows(lines, n_head, &cols)?,
    };
    finish_pvgis(
        rows,
        WeatherFormat::PvgisCsv,
        location,
        offset,
        "PVGIS".into(),
        opt,
        n_head,
        last_line,
    )
}

/// The columns a PVGIS CSV row is read from (0-based), and the number of fields of the column row.
struct CsvColumns {
    ghi: usize,
    dni: usize,
    dhi: usize,
    temp: usize,
    wind: usize,
    pres: Option<usize>,
    width: usize,
}

/// The validating reader of the data rows, up to the blank line before the footer: every field
/// checked, errors with their line. With the rows, the number of the last data line.
fn full_csv_rows(
    lines: Lines,
    mut last_line: u32,
    cols: &CsvColumns,
) -> Result<(Rows, u32), ScenarioError> {
    let width = cols.width;
    let mut rows = Rows::with_capacity(8784, false);
    for (no, line) in lines {
        if line.trim().is_empty() {
            break; // the footer follows a blank line
        }
        last_line = no;
        let f = Fields::<32>::split(line);
        let n = f.len();
        if n != width {
            return Err(err(
                codes::WEATHER_PARSE,
                Some(no),
                format!("PVGIS data line has {n} fields where the column row has {width}"),
                format!("PVGIS 数据行有 {n} 个字段，而列名行有 {width} 个"),
            ));
        }
        let stamp = time_utc(f.get(0), no)?;
        let v =
            |k: usize, en: &str| num(f.get(k)).ok_or_else(|| not_a_number(no, en, en, f.get(k)));
        let values = [
            v(cols.ghi, "G(h)")?,
            v(cols.dni, "Gb(n)")?,
            v(cols.dhi, "Gd(h)")?,
            v(cols.temp, "T2m")?,
            match cols.pres {
                Some(c) => v(c, "SP")? / 100.0,
                None => f64::NAN,
            },
            v(cols.wind, "WS10m")?,
        ];
        push_row(&mut rows, stamp, no, values, None);
    }
    Ok((rows, last_line))
}

/// A time cell `YYYYMMDD:HHMM` of digits only, as [`time_utc`] reads it; `None` for any other
/// form or an impossible date or time (the full path reports those).
fn lean_time(cell: &[u8], line: u32) -> Option<Stamp> {
    if cell.len() != 13 || cell[8] != b':' {
        return None;
    }
    let n = |a: usize, b: usize| {
        cell[a..b].iter().try_fold(0i64, |v, &d| {
            d.is_ascii_digit().then(|| v * 10 + i64::from(d - b'0'))
        })
    };
    let (y, m, d, h, mi) = (n(0, 4)?, n(4, 6)?, n(6, 8)?, n(9, 11)?, n(11, 13)?);
    check_date(line, y, m, d).ok()?;
    ((0..=23).contains(&h) && (0..=59).contains(&mi)).then_some(Stamp {
        year: y as i32,
        month: m as u8,
        day: d as u8,
        hour: h as u8,
        minute: mi as u8,
    })
}

/// What a lean row's needed cell is read into ([`push_row`]'s order).
#[derive(Clone, Copy)]
enum Slot {
    Ghi,
    Dni,
    Dhi,
    Temp,
    Pres,
    Wind,
}

/// The data rows in one pass over the bytes ([`super::lean`]) up to the blank line before the
/// footer, the same rows as [`full_csv_rows`]: the times and needed cells in their plain form
/// only; `None` at the first line that is not plainly right (the full path then reads or reports
/// it). With the rows, the number of the last data line (`None`: no data line).
fn lean_csv_rows(data: &str, first_no: u32, cols: &CsvColumns) -> Option<(Rows, Option<u32>)> {
    let (want, k) = plan([
        (Some(cols.ghi), Slot::Ghi),
        (Some(cols.dni), Slot::Dni),
        (Some(cols.dhi), Slot::Dhi),
        (Some(cols.temp), Slot::Temp),
        (cols.pres, Slot::Pres),
        (Some(cols.wind), Slot::Wind),
    ])?;
    let want = &want[..k];
    // (A column row of 32 fields or more is left to the full path, which reads 32 names.)
    if want[0].0 < 1 || cols.width >= 32 {
        return None;
    }
    let mut c = Cursor::new(data.as_bytes());
    let mut rows = Rows::with_capacity(8784, false);
    let (mut no, mut last) = (first_no, None);
    while !c.done() {
        let this = no;
        no += 1;
        if c.skip_empty_line() {
            break; // the footer follows a blank line
        }
        let stamp = lean_time(c.cell(), this)?;
        let (mut at, mut v) = (0, [f64::NAN; 6]);
        for &(col, slot) in want {
            (c.skip_commas(col - at) == col - at).then_some(())?;
            at = col;
            v[slot as usize] = c.num()?;
        }
        v[Slot::Pres as usize] /= 100.0;
        let fields = at + 1 + c.skip_commas(usize::MAX);
        c.next_line();
        if fields != cols.width {
            return None;
        }
        push_row(&mut rows, stamp, this, v, None);
        last = Some(this);
    }
    Some((rows, last))
}

// ---- JSON ----

struct Doc {
    inputs: Option<Inputs>,
    outputs: Option<Outputs>,
}
crate::from_json_struct!(ignore_unknown Doc {
    inputs: "inputs",
    outputs: "outputs",
});

struct Inputs {
    location: Option<JsonLocation>,
    meteo_data: Option<Meteo>,
}
crate::from_json_struct!(ignore_unknown Inputs {
    location: "location",
    meteo_data: "meteo_data",
});

struct JsonLocation {
    latitude: Option<f64>,
    longitude: Option<f64>,
    elevation: Option<f64>,
    irradiance_time_offset: Option<f64>,
}
crate::from_json_struct!(ignore_unknown JsonLocation {
    latitude: "latitude",
    longitude: "longitude",
    elevation: "elevation",
    irradiance_time_offset: "irradiance_time_offset",
});

struct Meteo {
    radiation_db: Option<String>,
}
crate::from_json_struct!(ignore_unknown Meteo {
    radiation_db: "radiation_db",
});

struct Outputs {
    tmy_hourly: Option<Hourly>,
}
crate::from_json_struct!(ignore_unknown Outputs {
    tmy_hourly: "tmy_hourly",
});

/// `tmy_hourly`, read into columns (no per-row allocation).
struct Hourly {
    rows: Rows,
    /// Index of the first row whose time could not be read, and why.
    bad: Option<(usize, ScenarioError)>,
}

impl FromJson for Hourly {
    fn read(v: &serde_json::Value) -> Result<Self, json::Failure> {
        let items = Vec::<Row>::read(v)?;
        let mut h = Hourly {
            rows: Rows::with_capacity(items.len().max(8784), false),
            bad: None,
        };
        for (i, r) in items.iter().enumerate() {
            match time_utc(&r.time, 0) {
                Ok(s) => h.rows.stamps.push(s),
                Err(e) => {
                    if h.bad.is_none() {
                        h.bad = Some((i, e));
                    }
                    h.rows.stamps.push(Stamp {
                        year: 0,
                        month: 1,
                        day: 1,
                        hour: 0,
                        minute: 0,
                    });
                }
            }
            h.rows.ghi.push(r.ghi);
            h.rows.dni.push(r.dni);
            h.rows.dhi.push(r.dhi);
            h.rows.temp.push(r.temp);
            h.rows.wind.push(r.wind);
            h.rows.pres.push(r.pres.map_or(f64::NAN, |p| p / 100.0));
        }
        Ok(h)
    }
}

/// One `tmy_hourly` row; its other keys are skipped.
struct Row {
    time: String,
    ghi: f64,
    dni: f64,
    dhi: f64,
    temp: f64,
    wind: f64,
    pres: Option<f64>,
}
crate::from_json_struct!(ignore_unknown Row {
    time: "time(UTC)",
    ghi: "G(h)",
    dni: "Gb(n)",
    dhi: "Gd(h)",
    temp: "T2m",
    wind: "WS10m",
    pres: "SP",
});

/// Line of each `tmy_hourly` row: the line holding its `"time(UTC)"` key.
fn row_lines(text: &str, n: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(n);
    let start = text.find("\"tmy_hourly\"").unwrap_or(0);
    let mut line = 1 + text.as_bytes()[..start]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u32;
    let mut pos = start;
    let bytes = text.as_bytes();
    let key = "\"time(UTC)\"";
    while out.len() < n {
        let Some(k) = text.get(pos..).and_then(|t| t.find(key)) else {
            break;
        };
        line += bytes[pos..pos + k].iter().filter(|b| **b == b'\n').count() as u32;
        out.push(line);
        pos += k + key.len();
    }
    while out.len() < n {
        out.push(line);
    }
    out
}

/// Reads a PVGIS TMY JSON text.
pub fn read_json(text: &str, opt: &ParseOptions) -> Result<Weather, ScenarioError> {
    if !text.trim_start().starts_with('{') {
        return Err(err(
            codes::WEATHER_FORMAT,
            Some(1),
            "not a PVGIS JSON file: it must be a JSON object ({ … })",
            "不是 PVGIS JSON 文件：应为 JSON 对象（{ … }）",
        ));
    }
    // Parsed to a value, then read by the strict reader (crate::json): a typed serde_json read
    // would carry a second deserializer and serde_json's error texts, which print floats with
    // core's float formatting (≈ 20 KB gzipped of the .wasm together, issue 9).
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let line = Some(e.line().max(1) as u32);
        let code = if e.is_eof() {
            codes::WEATHER_TRUNCATED
        } else {
            codes::WEATHER_PARSE
        };
        err(
            code,
            line,
            format!("not valid JSON: {e}"),
            format!("JSON 格式错误：{e}"),
        )
    })?;
    let doc: Doc = crate::json::deserialize(&value).map_err(|(path, e)| {
        let row = path
            .strip_prefix("outputs.tmy_hourly[")
            .and_then(|rest| rest.split(']').next())
            .and_then(|i| i.parse::<usize>().ok());
        let line = row.map_or(1, |i| row_lines(text, i + 1)[i]);
        err(
            codes::WEATHER_PARSE,
            Some(line),
            format!("PVGIS JSON has an unexpected value at {path}: {e}"),
            format!("PVGIS JSON 中有不符合要求的值（{path}）：{e}"),
        )
    })?;
    let Some(hourly) = doc.outputs.and_then(|o| o.tmy_hourly) else {
        return Err(err(
            codes::WEATHER_FORMAT,
            Some(1),
            "this JSON is not a PVGIS TMY (no outputs.tmy_hourly); PVGIS hourly series of tilted planes are not weather files",
            "此 JSON 不是 PVGIS TMY（缺少 outputs.tmy_hourly）；PVGIS 斜面逐时序列不是气象文件",
        ));
    };
    let mut rows = hourly.rows;
    rows.lines = row_lines(text, rows.len());
    if let Some((i, e)) = hourly.bad {
        let line = rows.lines.get(i).copied().unwrap_or(1);
        return Err(err(
            e.code,
            Some(line),
            e.message.trim_start_matches("line 0: "),
            e.message_zh.trim_start_matches("第 0 行："),
        ));
    }
    let (inputs_loc, db) = match doc.inputs {
        Some(i) => (i.location, i.meteo_data.and_then(|m| m.radiation_db)),
        None => (None, None),
    };
    let (location, offset) = match inputs_loc {
        Some(JsonLocation {
            latitude: Some(latitude),
            longitude: Some(longitude),
            elevation,
            irradiance_time_offset,
        }) => (
            Location {
                name: String::new(),
                latitude,
                longitude,
                timezone_h: 0.0,
                elevation_m: elevation.unwrap_or(0.0),
            },
            irradiance_time_offset,
        ),
        _ => match &opt.fallback_location {
            Some(l) => (l.clone(), None),
            None => return Err(err(
                codes::WEATHER_LOCATION,
                Some(1),
                "this PVGIS JSON has no inputs.location (latitude, longitude): give the location",
                "此 PVGIS JSON 缺少 inputs.location（纬度、经度）：请提供位置",
            )),
        },
    };
    check_location(&location, 1)?;
    let last_line = rows.lines.last().copied().unwrap_or(1);
    finish_pvgis(
        rows,
        WeatherFormat::PvgisJson,
        location,
        offset,
        pvgis_source(db.as_deref()),
        opt,
        1,
        last_line,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    // Columns: time(UTC), T2m, RH, G(h), Gb(n), Gd(h), IR(h), WS10m, WD10m, SP.
    const COLS: CsvColumns = CsvColumns {
        ghi: 3,
        dni: 4,
        dhi: 5,
        temp: 1,
        wind: 7,
        pres: Some(9),
        width: 10,
    };
    const ROWS: &str = "20050101:0000,-12.5,50.00,0.00,0.00,0.00,300.00,1.5,0.00,90030.0\r\n\
                        20050101:0100,-12.25,50.00,10.5,0,3,300.00,2,0.00,90000\r\n\
                        \r\n\
                        T2m: 2-m air temperature (degree Celsius)\r\n";

    #[test]
    fn lean_rows_take_plain_lines_and_match_the_full_rows() {
        let (lean, last) = lean_csv_rows(ROWS, 20, &COLS).expect("plain rows");
        let (full, full_last) = full_csv_rows(Lines::new(ROWS), 0, &COLS).unwrap();
        assert_eq!((last, full_last), (Some(21), 2));
        super::super::lean::assert_same_rows(&lean, &full);
        assert_eq!((lean.pres[0], lean.ghi[1]), (900.3, 10.5));
        // Anything not plainly right is left to the full path.
        for bad in [
            "20050101:0000,-12.5,50.00,0.00,0.00,0.00,300.00,1.5,0.00\n",
            "20050101:0000,-12.5,50.00,0.00,0.00,0.00,300.00,1.5,0.00,9,1\n",
            "20050101:0000, 1,50.00,0.00,0.00,0.00,300.00,1.5,0.00,9\n",
            "2005010:10000,1,50.00,0.00,0.00,0.00,300.00,1.5,0.00,9\n",
            "20050101:2400,1,50.00,0.00,0.00,0.00,300.00,1.5,0.00,9\n",
            "2005+101:0000,1,50.00,0.00,0.00,0.00,300.00,1.5,0.00,9\n",
            " \n",
        ] {
            assert!(lean_csv_rows(bad, 20, &COLS).is_none(), "{bad}");
        }
    }
}
