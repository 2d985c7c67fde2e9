//! Reading a year of interval load data (CSV text) into the 8,760 hours of the reference year.
//!
//! What is accepted, and what is refused (each refusal an error naming the line; nothing is filled,
//! clamped or guessed):
//! - **Columns**: one value per row (row order), or a timestamp and a value, or a date, a time and a
//!   value, separated by commas, semicolons or tabs. With a header, other columns may be present:
//!   the value column is the one whose header names the load — load, consumption, power, energy,
//!   usage, 负荷, 用电(量), 电量, (有功)功率, or a unit kW/kWh/MW/MWh/千瓦/千瓦时/度 — and no other
//!   quantity (humidity 湿度, temperature, speed 速度, wind, price 电价/价格/元, cost 费, power factor
//!   功率因数, reactive 无功/kvar, apparent 视在/kVA, demand 需量, voltage 电压, current); none or
//!   several such columns are refused with the columns listed, unless `usage.load.column` chooses one
//!   (its header, or its number from 1), which is then read whatever its name.
//! - **Units**: from the header of the value column (`kW`, `kWh`, `MW`, `MWh`, 千瓦, 千瓦时, 度), or
//!   given as `usage.load.unit`; both must agree. kW values are mean power over their interval
//!   (energy = power × interval length). Hourly values without a unit are read as kWh, which equals
//!   the hour's mean kW (a warning says so); sub-hourly values need the unit.
//! - **Steps**: 60, 30, 20, 15, 10 or 5 minutes, the same between every two rows; sub-hourly rows are
//!   summed into hours.
//! - **Timestamps**: `2025-01-01 00:00`, `2025/1/1 0:00`, `2025-01-01T00:00:00`, `2025年1月1日 0:00`,
//!   `24:00`; local standard time (offsets such as `Z` or `+08:00` are refused). Rows must run forward
//!   at the step without gaps or repeats over exactly one year (365 days, or 366 with 29 February,
//!   which is then dropped with a warning); the year may start on any day — each row is laid on the
//!   reference year by its month, day and hour. Times that mark interval *ends* (the first row one
//!   step after midnight, the last at midnight: `00:15 … 24:00`) are read as such, with a warning.
//! - **Row order** (no timestamps): 8,760 hourly, 17,520 half-hourly or 35,040 quarter-hourly values
//!   from 1 January 00:00 (leap-year counts drop 29 February with a warning).
//! - **Values**: finite, ≥ 0 (net meter data with PV export must be turned into the gross load
//!   first), not all zero; texts above [`MAX_BYTES`] are refused before reading.

use crate::calendar::{civil_from_days, day_index, days_from_civil, is_leap, HOURS};
use crate::decimal::{dec, fixed};
use crate::diag::Warning;
use crate::error::{codes, ScenarioError};
use crate::scenario::{LoadColumn, LoadUnit};

/// Largest interval text accepted [bytes] (20 MiB; a year of 5-minute rows with timestamps is ≈3 MiB).
pub const MAX_BYTES: usize = crate::caps::LOAD_TEXT_BYTES;
/// The JSON path of the text, named by every error of this module.
pub const FIELD: &str = "usage.load.text";
const STEPS: [i64; 6] = [5, 10, 15, 20, 30, 60];
/// Most lines read: a leap year of 5-minute rows (105,408) with room for a header and comments.
const MAX_LINES: usize = 120_000;
const YEAR_MIN: i64 = 365 * 1440;
const LEAP_YEAR_MIN: i64 = 366 * 1440;
/// Largest value accepted [kW or kWh per interval]: 10 GW.
const MAX_VALUE: f64 = 1e7;

/// A year of load read from interval data.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalLoad {
    /// Energy of each hour of the reference year [kWh].
    pub hourly_kwh: Vec<f64>,
    /// Minutes between rows.
    pub step_minutes: u32,
    /// Data rows read.
    pub rows: usize,
    /// The unit the values were read in.
    pub unit: LoadUnit,
    pub warnings: Vec<Warning>,
}

fn err(code: &'static str, line: Option<usize>, en: String, zh: String) -> ScenarioError {
    match line {
        Some(l) => ScenarioError::new(
            code,
            FIELD,
            format!("{FIELD} line {l}: {en}"),
            format!("{FIELD} 第 {l} 行：{zh}"),
        ),
        None => ScenarioError::new(
            code,
            FIELD,
            format!("{FIELD}: {en}"),
            format!("{FIELD}：{zh}"),
        ),
    }
}

/// A date and time read from a cell, as minutes since 1970-01-01 00:00 (local standard time).
fn minutes(y: i64, mo: i64, d: i64, h: i64, mi: i64) -> i64 {
    days_from_civil(y, mo, d) * 1440 + h * 60 + mi
}

fn int(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

enum Cell {
    Ok(i64),
    /// Not a date/time at all.
    Not,
    /// Looks like one but is wrong; the message says why.
    Bad(String, String),
}

/// Parses a date `2025-01-31`, `2025/1/31`, `2025.1.31` or `2025年1月31日` into (y, m, d).
/// A message in English and Chinese.
type Why = (String, String);
/// A date (year, month, day), if the text is one.
type MaybeDate = Result<Option<(i64, i64, i64)>, Why>;

fn parse_date(s: &str) -> MaybeDate {
    let s = s.replace(['年', '月'], "-").replace('日', "");
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3 {
        return Ok(None);
    }
    let (Some(y), Some(m), Some(d)) = (int(parts[0]), int(parts[1]), int(parts[2])) else {
        return Ok(None);
    };
    if parts[0].len() != 4 {
        return Ok(None);
    }
    let dim = match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    if !(1900..=2200).contains(&y) || d < 1 || d > dim {
        return Err((
            format!("`{s}` is not a valid date"),
            format!("`{s}` 不是有效日期"),
        ));
    }
    Ok(Some((y, m, d)))
}

/// Parses a time `0:00`, `23:45`, `24:00` or `12:00:00` into minutes of the day (0–1440).
fn parse_time(s: &str) -> Result<Option<i64>, Why> {
    let s = s.trim_end_matches(".000");
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return Ok(None);
    }
    let nums: Option<Vec<i64>> = parts.iter().map(|p| int(p)).collect();
    let Some(n) = nums else { return Ok(None) };
    let (h, mi, sec) = (n[0], n[1], n.get(2).copied().unwrap_or(0));
    if h > 24 || mi > 59 || sec > 59 || (h == 24 && (mi != 0 || sec != 0)) {
        return Err((
            format!("`{s}` is not a valid time"),
            format!("`{s}` 不是有效时间"),
        ));
    }
    if sec != 0 {
        return Err((
            format!("`{s}`: intervals must start on whole minutes"),
            format!("`{s}`：时段须从整分钟开始"),
        ));
    }
    Ok(Some(h * 60 + mi))
}

fn has_offset(s: &str) -> bool {
    let t = s.trim();
    t.ends_with('Z')
        || t.ends_with('z')
        || t.rfind(['+']).is_some_and(|i| i > 10)
        || t.get(16..).is_some_and(|tail| tail.contains('-'))
}

/// A date and time in one cell (`2025-01-01 00:00`, `2025-01-01T00:00:00`).
fn parse_datetime(s: &str) -> Cell {
    if has_offset(s)
        && parse_date(s.get(..10).unwrap_or(""))
            .ok()
            .flatten()
            .is_some()
    {
        return Cell::Bad(
            format!("`{s}` has a time-zone offset; give local standard time without one"),
            format!("`{s}` 带有时区偏移；请使用不带偏移的当地标准时间"),
        );
    }
    let s2 = s.replace('T', " ");
    let mut it = s2.split_whitespace();
    let (Some(date), Some(time), None) = (it.next(), it.next(), it.next()) else {
        // `2025年1月1日0:00` without a space
        if let Some(i) = s2.find('日') {
            let (d, t) = s2.split_at(i + '日'.len_utf8());
            if !t.is_empty() {
                return combine(parse_date(d), parse_time(t.trim()));
            }
        }
        return Cell::Not;
    };
    combine(parse_date(date), parse_time(time))
}

fn combine(date: MaybeDate, time: Result<Option<i64>, Why>) -> Cell {
    match (date, time) {
        (Err((en, zh)), _) | (Ok(Some(_)), Err((en, zh))) => Cell::Bad(en, zh),
        (Ok(Some((y, m, d))), Ok(Some(t))) => Cell::Ok(minutes(y, m, d, 0, 0) + t),
        _ => Cell::Not,
    }
}

/// The unit and scale a column header names, if any: (unit, factor to kW or kWh).
fn header_unit(name: &str) -> Option<(LoadUnit, f64)> {
    // ASCII case folding: the keywords are ASCII or Chinese (which has no case), and Unicode's
    // case tables added 7–8.5 KB to the gzipped .wasm for nothing.
    let n: String = name
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let n = n.replace(['·', '.', '*'], "");
    if n.contains("mwh") {
        Some((LoadUnit::Kwh, 1000.0))
    } else if n.contains("kwh") || n.contains("千瓦时") || (n.contains('度') && !n.contains('温'))
    {
        Some((LoadUnit::Kwh, 1.0))
    } else if n.contains("mw") {
        Some((LoadUnit::Kw, 1000.0))
    } else if n.contains("kw") || n.contains("千瓦") {
        Some((LoadUnit::Kw, 1.0))
    } else {
        None
    }
}

/// Words of a header that name another quantity than the load: weather, speed, price, power
/// factor, reactive or apparent power, (maximum) demand, voltage, current. Checked before
/// [`LOAD_WORDS`]: `功率因数` and `无功功率(kvar)` contain `功率`.
const OTHER_WORDS: [&str; 27] = [
    "湿度",
    "humidity",
    "温度",
    "temp",
    "速度",
    "speed",
    "风",
    "wind",
    "电价",
    "价格",
    "price",
    "元",
    "yuan",
    "cny",
    "cost",
    "费",
    "功率因数",
    "powerfactor",
    "cosφ",
    "无功",
    "reactive",
    "kvar",
    "视在",
    "kva",
    "需量",
    "demand",
    "电压",
];
/// Words of a header that name the load (or its unit, [`header_unit`]).
const LOAD_WORDS: [&str; 10] = [
    "负荷",
    "用电",
    "电量",
    "功率",
    "有功",
    "load",
    "consumption",
    "power",
    "energy",
    "usage",
];

/// What a column header names.
#[derive(Clone, Copy, PartialEq)]
enum Meaning {
    Load,
    Other,
    Unknown,
}

fn meaning(name: &str) -> Meaning {
    // Dropping ASCII bytes keeps the text valid UTF-8.
    let bytes: Vec<u8> = name
        .bytes()
        .filter(|b| !matches!(b, b' ' | b'\t' | b'_' | b'-'))
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let n = String::from_utf8(bytes).unwrap_or_default();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&OTHER_WORDS) || n.contains("voltage") || n.contains("current") || n == "pf" {
        Meaning::Other
    } else if has(&LOAD_WORDS) || header_unit(name).is_some() {
        Meaning::Load
    } else {
        Meaning::Unknown
    }
}

fn trim_cell(c: &str) -> &str {
    let c = c.trim();
    c.strip_prefix('"')
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or(c)
        .trim()
}

fn cells(line: &str, delim: Option<char>) -> Vec<&str> {
    let trim = trim_cell;
    match delim {
        Some(d) => line.split(d).map(trim).collect(),
        None => vec![trim(line)],
    }
}

fn number(s: &str) -> Option<f64> {
    let v: f64 = s.parse().ok()?;
    v.is_finite().then_some(v)
}

/// How the columns of the file are laid out.
struct Layout {
    /// Columns holding the time: none (row order), one (date and time) or two (date, time).
    time_cols: usize,
    value_col: usize,
    ncols: usize,
}

fn layout(
    header: Option<&[&str]>,
    first: &[&str],
    line: usize,
    column: Option<&LoadColumn>,
) -> Result<Layout, ScenarioError> {
    let ncols = first.len();
    let time_cols = if ncols == 1 {
        0
    } else {
        match parse_datetime(first[0]) {
            Cell::Ok(_) => 1,
            Cell::Bad(en, zh) => return Err(err(codes::LOAD_FORMAT, Some(line), en, zh)),
            Cell::Not => {
                let date = parse_date(first[0]).ok().flatten();
                let time = first.get(1).and_then(|t| parse_time(t).ok().flatten());
                if ncols >= 3 && date.is_some() && time.is_some() {
                    2
                } else {
                    return Err(err(
                        codes::LOAD_FORMAT,
                        Some(line),
                        format!(
                            "`{}` is not a date and time (expected e.g. 2025-01-01 00:00, or a single column of values)",
                            first[0]
                        ),
                        format!(
                            "`{}` 不是日期时间（应如 2025-01-01 00:00，或只有一列数值）",
                            first[0]
                        ),
                    ));
                }
            }
        }
    };
    let value_col = value_column(header, time_cols, ncols, column, line)?;
    Ok(Layout {
        time_cols,
        value_col,
        ncols,
    })
}

/// The columns as a message lists them: `` `时间`, `湿度(%)`, `负荷(kW)` ``.
fn listed(header: &[&str]) -> String {
    let names: Vec<String> = header
        .iter()
        .map(|h| format!("`{}`", crate::caps::echo(h)))
        .collect();
    names.join(", ")
}

/// The value column: the one `usage.load.column` chooses (a header name or a number from 1), or the
/// only one whose header names the load (see the module documentation).
fn value_column(
    header: Option<&[&str]>,
    time_cols: usize,
    ncols: usize,
    column: Option<&LoadColumn>,
    line: usize,
) -> Result<usize, ScenarioError> {
    let chosen = |en: String, zh: String| {
        ScenarioError::new(
            codes::LOAD_FORMAT,
            "usage.load.column",
            format!("usage.load.column {en}"),
            format!("usage.load.column {zh}"),
        )
    };
    match column {
        Some(LoadColumn::Number(n)) => {
            let n = *n as usize;
            return if n > time_cols && n <= ncols {
                Ok(n - 1)
            } else {
                Err(chosen(
                    format!("is {n}, but the values are in columns {} to {ncols} (counted from 1; the first {time_cols} hold the time)", time_cols + 1),
                    format!("为 {n}，而数值位于第 {} 至 {ncols} 列（从 1 起计；前 {time_cols} 列为时间）", time_cols + 1),
                ))
            };
        }
        Some(LoadColumn::Name(name)) => {
            let Some(h) = header else {
                return Err(chosen(
                    format!(
                        "names `{}`, but the file has no header",
                        crate::caps::echo(name)
                    ),
                    format!("指定了 `{}`，但文件没有表头", crate::caps::echo(name)),
                ));
            };
            let want = name.trim().to_ascii_lowercase();
            return (time_cols..ncols)
                .find(|&i| h[i].to_ascii_lowercase() == want)
                .ok_or_else(|| {
                    chosen(
                        format!(
                            "names `{}`, which is not a value column of the file ({})",
                            crate::caps::echo(name),
                            listed(h)
                        ),
                        format!(
                            "指定的 `{}` 不是文件中的数值列（{}）",
                            crate::caps::echo(name),
                            listed(h)
                        ),
                    )
                });
        }
        None => {}
    }
    let Some(h) = header else {
        if ncols - time_cols == 1 {
            return Ok(time_cols);
        }
        return Err(err(
            codes::LOAD_FORMAT,
            Some(line),
            format!("{} value columns and no header naming the load column (e.g. `load_kW`): keep only the time and the load, or choose the column with usage.load.column", ncols - time_cols),
            format!("有 {} 列数值，但没有表头标明负荷列（如 `负荷(kW)`）：请只保留时间与负荷两列，或用 usage.load.column 指定", ncols - time_cols),
        ));
    };
    let loads: Vec<usize> = (time_cols..ncols)
        .filter(|&i| meaning(h[i]) == Meaning::Load)
        .collect();
    match loads[..] {
        [i] => Ok(i),
        [] => Err(err(
            codes::LOAD_FORMAT,
            None,
            format!("the header: no column names the load (load, consumption, power, energy, 负荷, 用电量, 功率 … or a unit kW/kWh): the columns are {}; choose one with usage.load.column", listed(h)),
            format!("表头中没有一列标明为负荷（负荷、用电量、电量、功率…或单位 kW/kWh）：各列为 {}；请用 usage.load.column 指定", listed(h)),
        )),
        _ => {
            let names: Vec<&str> = loads.iter().map(|&i| h[i]).collect();
            Err(err(
                codes::LOAD_FORMAT,
                None,
                format!("the header: several columns could be the load ({}); choose one with usage.load.column", listed(&names)),
                format!("表头中有多列可能是负荷（{}）；请用 usage.load.column 指定", listed(&names)),
            ))
        }
    }
}

fn unit_name(u: LoadUnit) -> &'static str {
    match u {
        LoadUnit::Kw => "kW",
        LoadUnit::Kwh => "kWh",
    }
}

/// Refuses a text of more than [`MAX_BYTES`] bytes, before anything is read.
pub fn check_size(len: usize) -> Result<(), ScenarioError> {
    if len <= MAX_BYTES {
        return Ok(());
    }
    Err(err(
        codes::LOAD_FORMAT,
        None,
        format!(
            "the text has {len} bytes; at most {} MiB are read",
            MAX_BYTES >> 20
        ),
        format!("文本共 {len} 字节，超过上限 {} MiB", MAX_BYTES >> 20),
    ))
}

/// Refuses a text above [`MAX_BYTES`] or of more than [`MAX_LINES`] lines, before it is split into
/// lines by any reader (the export layouts of [`super::exports`] too). A year of the shortest step
/// (5 min, leap year) is 105,408 rows: far more lines cannot be one year (a 20 MiB text of short
/// lines took 0.7 s and 400 MiB when read in full).
pub fn check_bounds(text: &str) -> Result<(), ScenarioError> {
    check_size(text.len())?;
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    if lines > MAX_LINES {
        return Err(err(
            codes::LOAD_LENGTH,
            None,
            format!("has {lines} lines; a year of 5-minute rows has 105,120 (105,408 in a leap year), at most {MAX_LINES} lines are read"),
            format!("共 {lines} 行；一年的 5 分钟数据为 105,120 行（闰年 105,408 行），最多读取 {MAX_LINES} 行"),
        ));
    }
    Ok(())
}

/// Reads a year of interval load from CSV text (see the module documentation).
pub fn parse(
    text: &str,
    unit: Option<LoadUnit>,
    column: Option<&LoadColumn>,
) -> Result<IntervalLoad, ScenarioError> {
    check_bounds(text)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (line number, content) of every line that is not a comment.
    let mut lines: Vec<(usize, &str)> = text
        .split('\n')
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r').trim()))
        .filter(|(_, l)| !l.starts_with('#'))
        .collect();
    while lines.last().is_some_and(|(_, l)| l.is_empty()) {
        lines.pop();
    }
    while lines.first().is_some_and(|(_, l)| l.is_empty()) {
        lines.remove(0);
    }
    if lines.is_empty() {
        return Err(err(
            codes::LOAD_LENGTH,
            None,
            "is empty: a year of interval data is needed".into(),
            "为空：需要一整年的分时负荷数据".into(),
        ));
    }
    let delim = {
        let l = lines[0].1;
        ['\t', ';', ','].into_iter().find(|d| l.contains(*d))
    };
    let first_cells = cells(lines[0].1, delim);
    let header_given = number(first_cells.last().copied().unwrap_or("")).is_none()
        && lines.len() > 1
        && !matches!(parse_datetime(first_cells[0]), Cell::Ok(_))
        && parse_date(first_cells[0]).ok().flatten().is_none();
    let (header, body) = if header_given {
        (Some((lines[0].0, first_cells)), &lines[1..])
    } else {
        (None, &lines[..])
    };
    let Some(&(first_line, first_row)) = body.first() else {
        return Err(err(
            codes::LOAD_LENGTH,
            None,
            "holds a header but no data".into(),
            "只有表头，没有数据".into(),
        ));
    };
    let first = cells(first_row, delim);
    if let Some((hl, h)) = &header {
        if h.len() != first.len() {
            return Err(err(
                codes::LOAD_FORMAT,
                Some(first_line),
                format!(
                    "{} columns, but the header (line {hl}) has {}",
                    first.len(),
                    h.len()
                ),
                format!(
                    "有 {} 列，而表头（第 {hl} 行）有 {} 列",
                    first.len(),
                    h.len()
                ),
            ));
        }
    }
    let lay = layout(
        header.as_ref().map(|(_, h)| h.as_slice()),
        &first,
        first_line,
        column,
    )?;

    // Unit: from the header, from the scenario, and they must agree.
    let from_header = header
        .as_ref()
        .and_then(|(_, h)| header_unit(h[lay.value_col]));
    let (unit, scale) = match (from_header, unit) {
        (Some((hu, _)), Some(given)) if hu != given => {
            let name = header.as_ref().map_or("", |(_, h)| h[lay.value_col]);
            return Err(ScenarioError::new(
                codes::LOAD_UNIT,
                "usage.load.unit",
                format!(
                    "usage.load.unit is {} but the column header `{name}` says {}",
                    unit_name(given),
                    unit_name(hu)
                ),
                format!(
                    "usage.load.unit 为 {}，而表头 `{name}` 表示 {}",
                    unit_name(given),
                    unit_name(hu)
                ),
            ));
        }
        (Some((hu, scale)), _) => (Some(hu), scale),
        (None, Some(given)) => (Some(given), 1.0),
        // Decided once the step is known: hourly values need no unit.
        (None, None) => (None, 1.0),
    };

    // Read every row: (line, time in minutes or None, value).
    let mut stamps: Vec<i64> = Vec::with_capacity(if lay.time_cols > 0 { body.len() } else { 0 });
    let mut values: Vec<f64> = Vec::with_capacity(body.len());
    for &(line, row) in body {
        if row.is_empty() {
            return Err(err(
                codes::LOAD_FORMAT,
                Some(line),
                "is empty (a missing row?)".into(),
                "为空行（缺少数据？）".into(),
            ));
        }
        let c = cells(row, delim);
        if c.len() != lay.ncols {
            return Err(err(
                codes::LOAD_FORMAT,
                Some(line),
                format!("{} columns, expected {}", c.len(), lay.ncols),
                format!("有 {} 列，应为 {} 列", c.len(), lay.ncols),
            ));
        }
        match lay.time_cols {
            0 => {}
            1 => match parse_datetime(c[0]) {
                Cell::Ok(t) => stamps.push(t),
                Cell::Bad(en, zh) => return Err(err(codes::LOAD_FORMAT, Some(line), en, zh)),
                Cell::Not => {
                    return Err(err(
                        codes::LOAD_FORMAT,
                        Some(line),
                        format!("`{}` is not a date and time", c[0]),
                        format!("`{}` 不是日期时间", c[0]),
                    ))
                }
            },
            _ => match combine(parse_date(c[0]), parse_time(c[1])) {
                Cell::Ok(t) => stamps.push(t),
                Cell::Bad(en, zh) => return Err(err(codes::LOAD_FORMAT, Some(line), en, zh)),
                Cell::Not => {
                    return Err(err(
                        codes::LOAD_FORMAT,
                        Some(line),
                        format!("`{} {}` is not a date and time", c[0], c[1]),
                        format!("`{} {}` 不是日期时间", c[0], c[1]),
                    ))
                }
            },
        }
        let cell = c[lay.value_col];
        if cell.is_empty() {
            return Err(err(
                codes::LOAD_VALUE,
                Some(line),
                "the value is missing".into(),
                "缺少数值".into(),
            ));
        }
        let Some(v) = number(cell) else {
            return Err(err(
                codes::LOAD_FORMAT,
                Some(line),
                format!("`{cell}` is not a number"),
                format!("`{cell}` 不是数值"),
            ));
        };
        if v < 0.0 {
            let v = dec(v);
            return Err(err(
                codes::LOAD_VALUE,
                Some(line),
                format!("negative load {v}: a load is at least 0 (turn net meter data with PV export into the gross load first)"),
                format!("负荷为负值 {v}：负荷不能小于 0（含光伏倒送的净电量数据请先换算为总负荷）"),
            ));
        }
        if v * scale > MAX_VALUE {
            let v = dec(v);
            return Err(err(
                codes::LOAD_VALUE,
                Some(line),
                format!("{v} is implausibly large for a site's load"),
                format!("{v} 超出场址负荷的合理范围"),
            ));
        }
        values.push(v * scale);
    }

    let mut warnings = Vec::new();
    let lines_of: Vec<usize> = body.iter().map(|(l, _)| *l).collect();
    // Minutes since 1970 of each row's interval start.
    let (starts, step) = if lay.time_cols == 0 {
        row_order(values.len())?
    } else {
        timed(&mut stamps, &lines_of, &mut warnings)?
    };

    // Without a unit, hourly values are read as kWh: an hour's mean kW equals its kWh. Shorter
    // steps need the unit (kW × step ≠ kWh).
    let unit = match unit {
        Some(u) => u,
        None if step == 60 => {
            warnings.push(Warning {
                code: "load_unit_hourly",
                message: "The hourly load values name no unit: each is read as the hour's kWh (equal to its mean kW).".into(),
                message_zh: "逐时负荷未注明单位：每个数值按该小时的用电量 kWh 读取（与该小时平均功率 kW 数值相同）。".into(),
            });
            LoadUnit::Kwh
        }
        None => {
            return Err(err(
                codes::LOAD_UNIT,
                None,
                format!("cannot tell whether the {step}-minute values are kW or kWh: name the unit in the header (e.g. `load_kW`, `电量(kWh)`) or give usage.load.unit"),
                format!("无法判断 {step} 分钟数值的单位是 kW 还是 kWh：请在表头注明（如 `负荷(kW)`、`电量(kWh)`），或填写 usage.load.unit"),
            ))
        }
    };

    // Lay each row on the reference year by month, day and hour; drop 29 February.
    let mut hourly = vec![0.0; HOURS];
    let mut count = vec![0u32; HOURS];
    let mut dropped = 0usize;
    let per_hour = (60 / step) as u32;
    let to_kwh = match unit {
        LoadUnit::Kw => step as f64 / 60.0,
        LoadUnit::Kwh => 1.0,
    };
    for (i, &t) in starts.iter().enumerate() {
        let (_, m, d) = civil_from_days(t.div_euclid(1440));
        if m == 2 && d == 29 {
            dropped += 1;
            continue;
        }
        let h = day_index(m as usize, d as usize) * 24 + (t.rem_euclid(1440) / 60) as usize;
        hourly[h] += values[i] * to_kwh;
        count[h] += 1;
    }
    if let Some(h) = count.iter().position(|&c| c != per_hour) {
        let month = crate::calendar::month_of_day(h / 24);
        let day_in_month = h / 24 - crate::calendar::MONTH_START_DAY[month] + 1;
        return Err(err(
            codes::LOAD_LENGTH,
            None,
            format!(
                "the rows do not cover one whole year: {} rows for {:02}-{:02} {:02}:00 (expected {per_hour})",
                count[h],
                month + 1,
                day_in_month,
                h % 24
            ),
            format!(
                "数据未完整覆盖一年：{:02}-{:02} {:02}:00 有 {} 行（应为 {per_hour} 行）",
                month + 1,
                day_in_month,
                h % 24,
                count[h]
            ),
        ));
    }
    if dropped > 0 {
        warnings.push(Warning {
            code: "load_leap_day",
            message: format!("The load data include 29 February: its {dropped} rows were dropped (the reference year has 365 days)."),
            message_zh: format!("负荷数据包含 2 月 29 日：该日 {dropped} 行已舍去（参考年为 365 天）。"),
        });
    }
    if hourly.iter().all(|&v| v == 0.0) {
        return Err(err(
            codes::LOAD_VALUE,
            None,
            "the load is zero all year".into(),
            "全年负荷均为零".into(),
        ));
    }
    Ok(IntervalLoad {
        hourly_kwh: hourly,
        step_minutes: step as u32,
        rows: values.len(),
        unit,
        warnings,
    })
}

/// Interval starts of rows in order from 1 January 00:00 of a common (or leap) year.
fn row_order(n: usize) -> Result<(Vec<i64>, i64), ScenarioError> {
    let n_i = n as i64;
    let fits = |total: i64| {
        (n_i > 0 && total % n_i == 0 && STEPS.contains(&(total / n_i))).then(|| total / n_i)
    };
    let (step, year) = match (fits(YEAR_MIN), fits(LEAP_YEAR_MIN)) {
        (Some(s), _) => (s, 2025),
        (None, Some(s)) => (s, 2024),
        _ => {
            return Err(err(
                codes::LOAD_LENGTH,
                None,
                format!("{n} values without timestamps; a year in row order from 1 January 00:00 has 8760 hourly, 17520 half-hourly or 35040 quarter-hourly values (or add a timestamp column)"),
                format!("共 {n} 个无时间戳的数值；按行序的一整年（自 1 月 1 日 0:00 起）应有 8760 个逐时、17520 个半小时或 35040 个 15 分钟数值（或加上时间列）"),
            ))
        }
    };
    let t0 = minutes(year, 1, 1, 0, 0);
    Ok(((0..n_i).map(|i| t0 + i * step).collect(), step))
}

/// Checks timestamped rows (regular step, no gap or repeat, one year) and returns interval starts.
fn timed(
    stamps: &mut [i64],
    lines: &[usize],
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<i64>, i64), ScenarioError> {
    let n = stamps.len();
    if n < 2 {
        return Err(err(
            codes::LOAD_LENGTH,
            None,
            format!("{n} row: a year of interval data is needed"),
            format!("仅 {n} 行：需要一整年的分时数据"),
        ));
    }
    let show = |t: i64| {
        let (y, m, d) = civil_from_days(t.div_euclid(1440));
        let mi = t.rem_euclid(1440);
        format!("{y}-{m:02}-{d:02} {:02}:{:02}", mi / 60, mi % 60)
    };
    let step = stamps[1] - stamps[0];
    if !STEPS.contains(&step) {
        return Err(err(
            codes::LOAD_TIME,
            Some(lines[1]),
            format!(
                "{step} minutes after the previous row; the step must be 60, 30, 20, 15, 10 or 5 minutes"
            ),
            format!("与上一行相隔 {step} 分钟；时间步长须为 60、30、20、15、10 或 5 分钟"),
        ));
    }
    for i in 1..n {
        let d = stamps[i] - stamps[i - 1];
        if d == step {
            continue;
        }
        let (l, prev) = (lines[i], lines[i - 1]);
        let (en, zh) = if d == 0 {
            (
                format!("repeats the time {} of line {prev}", show(stamps[i])),
                format!("与第 {prev} 行时间 {} 重复", show(stamps[i])),
            )
        } else if d < 0 {
            (
                format!(
                    "{} goes back in time after {} (line {prev})",
                    show(stamps[i]),
                    show(stamps[i - 1])
                ),
                format!(
                    "{} 早于上一行（第 {prev} 行）的 {}，时间须递增",
                    show(stamps[i]),
                    show(stamps[i - 1])
                ),
            )
        } else if d % step == 0 {
            let (from, to) = (show(stamps[i - 1] + step), show(stamps[i] - step));
            let (span_en, span_zh) = if d == 2 * step {
                (format!("for {from}"), format!("{from} 无数据"))
            } else {
                (
                    format!("from {from} to {to}"),
                    format!("{from} 至 {to} 无数据"),
                )
            };
            (
                format!("a gap: no data {span_en} (after line {prev})"),
                format!("数据缺口：{span_zh}（第 {prev} 行之后）"),
            )
        } else {
            (
                format!("{d} minutes after the previous row; every step must be {step} minutes"),
                format!("与上一行相隔 {d} 分钟；每一步都须为 {step} 分钟"),
            )
        };
        return Err(err(codes::LOAD_TIME, Some(l), en, zh));
    }
    // Interval-end stamps: the first one step after midnight, the last at midnight.
    if stamps[0].rem_euclid(1440) == step && stamps[n - 1].rem_euclid(1440) == 0 {
        for t in stamps.iter_mut() {
            *t -= step;
        }
        warnings.push(Warning {
            code: "load_interval_end",
            message: format!(
                "The load file's times run from {} to {}: read as the ends of {step}-minute intervals.",
                show(stamps[0] + step),
                show(stamps[n - 1] + step)
            ),
            message_zh: format!(
                "负荷文件的时间从 {} 到 {}：按每 {step} 分钟时段的结束时刻读取。",
                show(stamps[0] + step),
                show(stamps[n - 1] + step)
            ),
        });
    }
    let span = n as i64 * step;
    let has_leap_day = {
        let (y0, _, _) = civil_from_days(stamps[0].div_euclid(1440));
        [y0, y0 + 1].iter().any(|&y| {
            let f = minutes(y, 2, 29, 0, 0);
            is_leap(y) && f >= stamps[0] && f < stamps[0] + span
        })
    };
    let want = if has_leap_day {
        LEAP_YEAR_MIN
    } else {
        YEAR_MIN
    };
    if span != want {
        let days = fixed(span as f64 / 1440.0, 2);
        return Err(err(
            codes::LOAD_LENGTH,
            None,
            format!(
                "{n} rows of {step} minutes from {} cover {days} days; one year ({} days) is needed",
                show(stamps[0]),
                want / 1440
            ),
            format!(
                "自 {} 起 {n} 行、每行 {step} 分钟，共 {days} 天；需要整一年（{} 天）",
                show(stamps[0]),
                want / 1440
            ),
        ));
    }
    Ok((stamps.to_vec(), step))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hourly_csv(
        header: &str,
        start: (i64, i64, i64),
        hours: usize,
        value: impl Fn(usize) -> f64,
    ) -> String {
        let t0 = minutes(start.0, start.1, start.2, 0, 0);
        let mut s = format!("{header}\n");
        for i in 0..hours {
            let t = t0 + i as i64 * 60;
            let (y, m, d) = civil_from_days(t.div_euclid(1440));
            s.push_str(&format!(
                "{y}-{m:02}-{d:02} {:02}:00,{}\n",
                t.rem_euclid(1440) / 60,
                value(i)
            ));
        }
        s
    }

    #[test]
    fn hourly_kw_with_timestamps() {
        let text = hourly_csv("time,load_kW", (2025, 1, 1), 8760, |i| (i % 24) as f64);
        let r = parse(&text, None, None).unwrap();
        assert_eq!((r.rows, r.step_minutes, r.unit), (8760, 60, LoadUnit::Kw));
        assert_eq!(r.hourly_kwh[5], 5.0);
        assert_eq!(r.hourly_kwh.iter().sum::<f64>(), 365.0 * 276.0);
        assert!(r.warnings.is_empty());
    }

    #[test]
    fn a_year_starting_in_july_is_laid_by_date() {
        let text = hourly_csv("time,kWh", (2022, 7, 1), 8760, |i| i as f64);
        let r = parse(&text, None, None).unwrap();
        // The first row (1 July 00:00) lands on 1 July of the reference year.
        assert_eq!(r.hourly_kwh[day_index(7, 1) * 24], 0.0);
        assert_eq!(r.hourly_kwh[day_index(7, 1) * 24 + 1], 1.0);
        assert_eq!(r.hourly_kwh[0], (184 * 24) as f64);
    }

    #[test]
    fn leap_years_drop_29_february() {
        let text = hourly_csv("time,kWh", (2024, 1, 1), 8784, |_| 1.0);
        let r = parse(&text, None, None).unwrap();
        assert_eq!(r.hourly_kwh.iter().sum::<f64>(), 8760.0);
        assert_eq!(r.warnings[0].code, "load_leap_day");
    }

    #[test]
    fn quarter_hours_are_summed_and_interval_ends_recognised() {
        // 35040 rows of 4 kW from 00:15 to 24:00: each hour 4 × 4 kW × 0.25 h = 4 kWh.
        let mut s = String::from("日期,时间,有功功率(kW)\n");
        let t0 = minutes(2025, 1, 1, 0, 15);
        for i in 0..35040i64 {
            let t = t0 + i * 15;
            let (y, m, d) = civil_from_days(t.div_euclid(1440));
            let mi = t.rem_euclid(1440);
            s.push_str(&format!("{y}/{m}/{d},{}:{:02},4\n", mi / 60, mi % 60));
        }
        let r = parse(&s, None, None).unwrap();
        assert_eq!(r.step_minutes, 15);
        assert!(r.hourly_kwh.iter().all(|&v| (v - 4.0).abs() < 1e-12));
        assert_eq!(r.warnings[0].code, "load_interval_end");
    }

    #[test]
    fn sub_hourly_rows_need_a_unit_hourly_ones_do_not() {
        // 8,760 hourly values without a unit: each hour's kWh (= its mean kW), with a warning.
        let text = "1\n".repeat(8760);
        let r = parse(&text, None, None).unwrap();
        assert_eq!(
            (r.unit, r.warnings[0].code),
            (LoadUnit::Kwh, "load_unit_hourly")
        );
        assert_eq!(r.hourly_kwh.iter().sum::<f64>(), 8760.0);
        let r = parse(&text, Some(LoadUnit::Kwh), None).unwrap();
        assert_eq!(r.hourly_kwh.iter().sum::<f64>(), 8760.0);
        assert!(r.warnings.is_empty());
        // 17,520 half-hour values without a unit: kW or kWh changes the energy twofold → refused.
        let half_no_unit = "2\n".repeat(17520);
        assert_eq!(
            parse(&half_no_unit, None, None).unwrap_err().code,
            codes::LOAD_UNIT
        );
        // Timestamped hourly rows without a unit header are read the same way.
        let stamped = hourly_csv("time,load", (2025, 1, 1), 8760, |_| 3.0);
        assert_eq!(parse(&stamped, None, None).unwrap().hourly_kwh[100], 3.0);
        let half = format!("kW\n{}", "2\n".repeat(17520));
        assert_eq!(parse(&half, None, None).unwrap().hourly_kwh[0], 2.0);
    }

    #[test]
    fn refusals_name_the_line() {
        let good = hourly_csv("time,kW", (2025, 1, 1), 8760, |_| 1.0);
        let mut lines: Vec<&str> = good.lines().collect();
        // a gap: remove line 101 (the 100th data row)
        let gap: String = lines
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != 100)
            .map(|(_, l)| format!("{l}\n"))
            .collect();
        let e = parse(&gap, None, None).unwrap_err();
        assert_eq!(e.code, codes::LOAD_TIME);
        assert!(
            e.message.contains("line 101") && e.message.contains("gap"),
            "{}",
            e.message
        );
        // a duplicate
        let dup = lines[50].to_string();
        lines.insert(51, &dup);
        let e = parse(&(lines.join("\n")), None, None).unwrap_err();
        assert!(
            e.message.contains("line 52") && e.message.contains("repeats"),
            "{}",
            e.message
        );
        // a negative value
        let neg = good.replacen("2025-01-01 03:00,1", "2025-01-01 03:00,-1", 1);
        let e = parse(&neg, None, None).unwrap_err();
        assert_eq!(e.code, codes::LOAD_VALUE);
        assert!(e.message.contains("line 5"), "{}", e.message);
        // a short year
        let short = hourly_csv("time,kW", (2025, 1, 1), 8000, |_| 1.0);
        assert_eq!(
            parse(&short, None, None).unwrap_err().code,
            codes::LOAD_LENGTH
        );
        // units disagree
        let e = parse(&good, Some(LoadUnit::Kwh), None).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_str()),
            (codes::LOAD_UNIT, "usage.load.unit")
        );
        // a time-zone offset
        let z = good.replacen("2025-01-01 00:00", "2025-01-01T00:00Z", 1);
        assert_eq!(parse(&z, None, None).unwrap_err().code, codes::LOAD_FORMAT);
    }

    /// 8,760 hourly rows `stamp,55,7` under `header` (two value columns: 55 in the first, 7 in the second).
    fn two_value_columns(header: &str) -> String {
        hourly_csv(header, (2025, 1, 1), 8760, |_| 0.0).replace(",0\n", ",55,7\n")
    }

    #[test]
    fn more_lines_than_a_year_of_five_minute_rows_are_refused_unread() {
        let e = parse(&"1\n".repeat(MAX_LINES + 1), None, None).unwrap_err();
        assert_eq!(e.code, codes::LOAD_LENGTH);
        assert!(e.message.contains("120001 lines"), "{}", e.message);
    }

    /// The issue-16 headers: a column naming another quantity before the load is never read as the
    /// load; a file whose value columns name no load, or two, is refused with its columns listed.
    #[test]
    fn the_load_column_is_chosen_by_meaning() {
        let reads_second = [
            "时间,湿度(%),负荷(kW)",
            "时间,速度,负荷(kW)",
            "时间,电价(元/kWh),负荷(kW)",
            "time,Price (CNY/kWh),Load (kWh)",
            "time,Max demand (kW),Load (kWh)",
            "时间,功率因数,负荷(kW)",
            "时间,无功功率(kvar),有功功率(kW)",
            "time,temperature (°C),consumption (kWh)",
        ];
        for header in reads_second {
            let r = parse(&two_value_columns(header), None, None)
                .unwrap_or_else(|e| panic!("{header}: {e}"));
            assert_eq!(r.hourly_kwh[0], 7.0, "{header}");
        }
        let refused = [
            ("时间,湿度(%),功率因数", "`湿度(%)`, `功率因数`"),
            ("time,Max demand (kW),reactive (kvar)", "`Max demand (kW)`"),
            ("time,value,other", "`value`, `other`"),
            ("时间,负荷(kW),电量(kWh)", "`负荷(kW)`, `电量(kWh)`"),
        ];
        for (header, listed) in refused {
            let e = parse(&two_value_columns(header), None, None).unwrap_err();
            assert_eq!(
                (e.code, e.field.as_str()),
                (codes::LOAD_FORMAT, FIELD),
                "{header}"
            );
            assert!(
                e.message.contains(listed) && e.message.contains("usage.load.column"),
                "{header}: {}",
                e.message
            );
        }
        // One value column naming another quantity is refused too.
        let humidity = hourly_csv("时间,湿度(%)", (2025, 1, 1), 8760, |_| 50.0);
        assert_eq!(
            parse(&humidity, None, None).unwrap_err().code,
            codes::LOAD_FORMAT
        );
        // Chosen explicitly, by header (any case) or by number from 1, a column is read whatever its name.
        let text = two_value_columns("时间,负荷(kW),电量(kWh)");
        let by_name = LoadColumn::Name("电量(KWH)".into());
        assert_eq!(
            parse(&text, None, Some(&by_name)).unwrap().hourly_kwh[0],
            7.0
        );
        assert_eq!(
            parse(&text, None, Some(&LoadColumn::Number(2)))
                .unwrap()
                .hourly_kwh[0],
            55.0
        );
        assert_eq!(
            parse(&humidity, Some(LoadUnit::Kwh), Some(&LoadColumn::Number(2)))
                .unwrap()
                .hourly_kwh[0],
            50.0
        );
        for bad in [
            LoadColumn::Number(1),
            LoadColumn::Number(4),
            LoadColumn::Name("功率".into()),
        ] {
            let e = parse(&text, None, Some(&bad)).unwrap_err();
            assert_eq!(
                (e.code, e.field.as_str()),
                (codes::LOAD_FORMAT, "usage.load.column"),
                "{bad:?}"
            );
        }
    }
}
