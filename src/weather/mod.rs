//! Hourly (or sub-hourly) weather read from files, with the timing convention made explicit.
//!
//! Every row has a nominal interval `[start, start + step)` in local standard time, given by its
//! format's specification, and a stamp (the time written in the file) somewhere in that interval.
//! [`Timing`] says where within the interval the row's values hold — a property of the data set,
//! not of the format (shared reference `pv-model.md`, "Time").
//!
//! Entry points: [`parse`] (text, optional format and timing), [`parse_with`] (all options),
//! [`detect_format`], [`summarize`] for `parseWeather()`, and in [`timing`] the per-data-set
//! defaults and the daily-centroid timing check.
//!
//! Decisions, the same for every format (each documented where it is made):
//! - **One regular year.** Rows must run from 1 January 00:00 to 31 December 24:00 (interval
//!   starts, local standard time) at a step of 60 minutes or a divisor of it; the year number may
//!   change between rows (typical years join months of different years). Partial years, several
//!   years, gaps, repeats and irregular steps are errors (`weather_time`, `weather_truncated`).
//! - **29 February is dropped** (8784-row leap-year files give 8760 rows), as ssc and PVWatts do;
//!   the count is in [`Provenance::dropped_leap_day_rows`].
//! - **Sub-hourly files keep their step** (PVWatts v8 accepts 5- to 30-minute data); nothing is
//!   aggregated, `step_minutes` says how long each row lasts.
//! - **Missing values** (each format's marker: EPW 9999/99.9/999999/999, TMY3 −9900, TMY2 all
//!   nines, SAM CSV empty/NaN/≤ −999): runs of at most 3 hours are filled by linear interpolation
//!   and counted by quantity in [`Provenance::filled`]; a longer run, or more than 2 % of a
//!   quantity's rows, is an error
//!   (`weather_missing_values`) naming its first line. A file without pressure gets the standard
//!   atmosphere at its elevation ([`Provenance::pressure_estimated`]). Values are never clamped:
//!   out-of-range values are errors (`weather_out_of_range`).
//! - **Files above [`MAX_BYTES`]** (50 MiB) are refused before parsing (`weather_too_large`).
//! - **Physical plausibility** ([`plausibility`], BSRN quality-control limits): irradiance below
//!   −4 W/m² or a year with more diffuse than global irradiation is an error by line; rows that
//!   break the closure or physically-possible limits are counted, named warnings.

// Input text is never cut at a byte index (a multi-byte character there would panic).
#![deny(clippy::string_slice)]

mod assemble;
pub mod epw;
mod lean;
pub mod plausibility;
pub mod pvgis;
pub mod sam_csv;
mod text;
pub mod timing;
pub mod tmy2;
pub mod tmy3;

use serde::Serialize;

use crate::diag::Bilingual;
use crate::error::{codes, ScenarioError};
use text::err;

pub use timing::{daily_centroids, timing_check, DayCentroid, TimingCheck};

/// Largest weather text accepted [bytes] (50 MiB); larger texts are refused before parsing.
pub const MAX_BYTES: usize = crate::caps::WEATHER_TEXT_BYTES;

/// Where within its nominal interval a row's irradiance holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Timing {
    /// At the start of the interval (Chinese CSWD EPW files: EPW hour h holds at (h−1):00).
    Start,
    /// An average over the interval, centred in it (TMY2, TMY3, IWEC/TMYx EPW, PSM3, PVGIS):
    /// the sun at the centre, and in the hours of sunrise and sunset at the centre of the sunlit part.
    /// (`"center"` is read as well.)
    #[serde(alias = "center")]
    Centre,
    /// At the end of the interval.
    End,
    /// At the instant written in the file's own time columns (interval start +
    /// [`Weather::stamp_offset_minutes`]).
    Instant,
}
crate::from_json_enum!(Timing {
    Start: "start",
    Centre: "centre" | "center",
    End: "end",
    Instant: "instant",
});

/// Weather file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum WeatherFormat {
    Epw,
    Tmy3,
    Tmy2,
    /// SAM CSV, including NSRDB PSM3 CSV.
    SamCsv,
    PvgisCsv,
    PvgisJson,
}
crate::from_json_enum!(WeatherFormat {
    Epw: "epw",
    Tmy3: "tmy3",
    Tmy2: "tmy2",
    SamCsv: "samCsv",
    PvgisCsv: "pvgisCsv",
    PvgisJson: "pvgisJson",
});

/// Where the weather was measured or modelled.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    pub name: String,
    /// [°], north positive.
    pub latitude: f64,
    /// [°], east positive.
    pub longitude: f64,
    /// [h] offset of the file's local standard time from UTC.
    pub timezone_h: f64,
    /// [m].
    pub elevation_m: f64,
}

/// Local standard time of a row's nominal interval start, as written or implied by the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Stamp {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
}

impl Stamp {
    /// Minute of a 365-day year at which the stamp falls (29 February has none: callers drop it
    /// first).
    pub(crate) fn minute_of_year(&self) -> u32 {
        let doy = crate::calendar::MONTH_START_DAY[usize::from(self.month - 1)] as u32
            + u32::from(self.day)
            - 1;
        (doy * 24 + u32::from(self.hour)) * 60 + u32::from(self.minute)
    }
}

/// What the reader found out about the data set besides the values.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The data set as the file names it: EPW source field (`CSWD`, `IWEC`, `TMYx` …), `TMY3`,
    /// `TMY2`, the SAM CSV `Source` (`NSRDB` …), `PVGIS-SARAH3` …; empty when unknown.
    pub source: String,
    /// The timing convention of this data set, before the caller's override.
    pub timing_default: Timing,
    /// Why that default, with its source (English).
    pub timing_basis: Bilingual,
    /// Values filled by interpolation over short gaps (a warning, not an error).
    pub filled_values: u32,
    /// The same, by quantity (those with none left out).
    pub filled: Vec<Filled>,
    /// Rows of 29 February dropped.
    pub dropped_leap_day_rows: u32,
    /// The file has no pressure: the standard atmosphere at its elevation was used.
    pub pressure_estimated: bool,
    /// Line of the first data row in the file.
    pub first_data_line: u32,
    /// Sun-dependent plausibility rules that some rows break (warnings; [`plausibility`]).
    pub implausible: Vec<plausibility::Implausible>,
}

/// Missing values of one quantity (at or above the format's missing marker) filled by interpolation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Filled {
    /// `ghi`, `dni`, `dhi`, `airTemperature`, `windSpeed` or `pressure`.
    pub quantity: &'static str,
    /// Values filled.
    pub values: u32,
}

/// One year of weather rows, as arrays (one element per row, in file order, 29 February dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct Weather {
    pub location: Location,
    pub format: WeatherFormat,
    /// The timing convention in force: the data set's default, or the caller's override.
    pub timing: Timing,
    /// Length of each row's nominal interval [min]: 60 for hourly data.
    pub step_minutes: u32,
    /// Start of each row's nominal interval.
    pub stamps: Vec<Stamp>,
    /// Minutes from the interval start to the time written in the file (EPW, TMY3, TMY2: 60 — the
    /// stamp is the interval end; PVGIS: 0; PSM3 hourly with minute 30: 30). Used by [`Timing::Instant`].
    /// PVGIS files that declare an irradiance time offset (satellite observation time) carry it
    /// here, rounded to the minute.
    pub stamp_offset_minutes: u32,
    /// Global horizontal irradiance [W/m²].
    pub ghi_w_m2: Vec<f64>,
    /// Direct normal irradiance [W/m²].
    pub dni_w_m2: Vec<f64>,
    /// Diffuse horizontal irradiance [W/m²].
    pub dhi_w_m2: Vec<f64>,
    /// Dry-bulb air temperature [°C].
    pub temp_air_c: Vec<f64>,
    /// Wind speed at 10 m [m/s].
    pub wind_speed_m_s: Vec<f64>,
    /// Station pressure [mbar] = [hPa].
    pub pressure_mbar: Vec<f64>,
    /// Ground albedo [-] per row, when the file carries a plausible value (0 < a ≤ 1) in every
    /// row (TMY3 `Alb`, EPW field 33, SAM CSV/PSM3 `Surface Albedo`); `None` otherwise.
    pub albedo: Option<Vec<f64>>,
    /// Data set, defaults and repairs.
    pub provenance: Provenance,
}

/// Everything [`parse_with`] can be told.
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    /// The format; `None`: [`detect_format`].
    pub format: Option<WeatherFormat>,
    /// The timing convention; `None`: the data set's default ([`timing`]).
    pub timing: Option<Timing>,
    /// The file's name, if known: only a hint for the data set (`…_CSWD.epw`).
    pub file_name: Option<String>,
    /// Location for files that carry none (a bare CSV with a column header only, a PVGIS CSV
    /// without its header block). A file's own location always wins.
    pub fallback_location: Option<Location>,
    /// PVGIS (UTC) only: the local standard time zone to convert to [h, whole hours];
    /// `None`: the zone of the longitude, `round(longitude / 15)`.
    pub timezone_h: Option<f64>,
}

/// Reads a weather text of a known or detected format.
pub fn parse(
    text: &str,
    format: Option<WeatherFormat>,
    timing: Option<Timing>,
) -> Result<Weather, ScenarioError> {
    parse_with(
        text,
        &ParseOptions {
            format,
            timing,
            ..ParseOptions::default()
        },
    )
}

/// Reads a weather text with every option.
pub fn parse_with(text: &str, options: &ParseOptions) -> Result<Weather, ScenarioError> {
    read(text, options, false)
}

/// [`parse_with`] with every data row read by the full validating path (the lean single-pass
/// readers give up to it on anything unusual, and must give the same weather): for tests.
pub fn parse_validating(text: &str, options: &ParseOptions) -> Result<Weather, ScenarioError> {
    read(text, options, true)
}

fn read(text: &str, options: &ParseOptions, full: bool) -> Result<Weather, ScenarioError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = match options.format {
        Some(f) => f,
        None => detect_format(text)?,
    };
    match format {
        WeatherFormat::Epw => epw::read_rows_by(text, options, full),
        WeatherFormat::Tmy3 => tmy3::read_by(text, options, full),
        WeatherFormat::Tmy2 => tmy2::read_by(text, options, full),
        WeatherFormat::SamCsv => sam_csv::read_by(text, options, full),
        WeatherFormat::PvgisCsv => pvgis::read_csv_by(text, options, full),
        WeatherFormat::PvgisJson => pvgis::read_json(text, options),
    }
}

/// Reads weather bytes (any encoding: invalid UTF-8, such as GBK station names, becomes U+FFFD;
/// only the numbers matter). The size is checked before anything is converted.
pub fn parse_bytes(bytes: &[u8], options: &ParseOptions) -> Result<Weather, ScenarioError> {
    check_size(bytes.len())?;
    parse_with(&text_of(bytes), options)
}

/// The text of bytes in any encoding: UTF-8 as it is (borrowed when valid), each invalid sequence
/// replaced by U+FFFD — what `String::from_utf8_lossy` gives, by the standard library's fast
/// validator (`from_utf8_lossy` walks byte by byte: ≈ 1 ms for one EPW year).
pub fn text_of(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let first = match std::str::from_utf8(bytes) {
        Ok(text) => return std::borrow::Cow::Borrowed(text),
        Err(e) => e,
    };
    let mut out = String::with_capacity(bytes.len() + 16);
    let mut rest = bytes;
    let mut e = Some(first);
    while let Some(err) = e {
        let (valid, after) = rest.split_at(err.valid_up_to());
        out.push_str(std::str::from_utf8(valid).unwrap_or_default());
        out.push('\u{fffd}');
        rest = &after[err.error_len().map_or(after.len(), usize::from)..];
        e = match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                None
            }
            Err(next) => Some(next),
        };
    }
    std::borrow::Cow::Owned(out)
}

/// Refuses a text of more than [`MAX_BYTES`] bytes, before anything is parsed.
pub fn check_size(len: usize) -> Result<(), ScenarioError> {
    if len > MAX_BYTES {
        return Err(err(
            codes::WEATHER_TOO_LARGE,
            None,
            format!(
                "the weather file has {} MiB; at most {} MiB are read (one year of hourly data is about 2 MiB)",
                crate::decimal::fixed(len as f64 / 1048576.0, 1),
                MAX_BYTES / 1048576
            ),
            format!(
                "气象文件大小为 {} MiB，上限为 {} MiB（一年的逐时数据约 2 MiB）",
                crate::decimal::fixed(len as f64 / 1048576.0, 1),
                MAX_BYTES / 1048576
            ),
        ));
    }
    Ok(())
}

/// Recognises the format from the first lines.
pub fn detect_format(text: &str) -> Result<WeatherFormat, ScenarioError> {
    check_size(text.len())?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text::Lines::new(text).map(|(_, l)| l);
    let first = lines.next().unwrap_or("");
    let second = lines.next().unwrap_or("");
    let third = lines.next().unwrap_or("");
    let f1 = first.trim_start();
    let lower1 = f1
        .get(..f1.len().min(400))
        .unwrap_or("")
        .to_ascii_lowercase();

    if f1.starts_with('{') {
        return Ok(WeatherFormat::PvgisJson);
    }
    if lower1.starts_with("location,") {
        return Ok(WeatherFormat::Epw);
    }
    if lower1.starts_with("latitude (decimal degrees)") || lower1.starts_with("time(utc),") {
        return Ok(WeatherFormat::PvgisCsv);
    }
    if second
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("date (mm/dd/yyyy)")
    {
        return Ok(WeatherFormat::Tmy3);
    }
    if tmy2::looks_like(first, second) {
        return Ok(WeatherFormat::Tmy2);
    }
    if sam_csv::looks_like(first, second, third) {
        return Ok(WeatherFormat::SamCsv);
    }
    Err(err(
        codes::WEATHER_FORMAT,
        Some(1),
        "not a weather file this calculator reads (EPW, TMY3 CSV, TMY2, SAM/NSRDB CSV, PVGIS TMY CSV or JSON)",
        "不是可识别的气象文件（支持 EPW、TMY3 CSV、TMY2、SAM/NSRDB CSV、PVGIS TMY CSV 或 JSON）",
    ))
}

/// The summary `parseWeather()` returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeatherSummary {
    pub location: Location,
    pub format: WeatherFormat,
    /// Data set named by the file (`CSWD`, `IWEC`, `TMY3`, `NSRDB`, `PVGIS-SARAH3` …).
    pub source: String,
    /// Timing in force, the data set's default, and why.
    pub timing: Timing,
    pub timing_default: Timing,
    pub timing_basis: String,
    pub timing_basis_zh: String,
    /// First and last interval start.
    pub first: Stamp,
    pub last: Stamp,
    /// Distinct years present, ascending (a typical year joins months of several years).
    pub years: Vec<i32>,
    pub rows: u32,
    pub step_minutes: u32,
    /// Annual sums [kWh/m²].
    pub annual_ghi_kwh_m2: f64,
    pub annual_dni_kwh_m2: f64,
    pub annual_dhi_kwh_m2: f64,
    /// Mean air temperature [°C].
    pub mean_temp_c: f64,
    /// Highest global horizontal irradiance [W/m²].
    pub max_ghi_w_m2: f64,
    /// Values filled over short gaps.
    pub filled_values: u32,
    /// The same, by quantity.
    pub filled: Vec<Filled>,
    pub dropped_leap_day_rows: u32,
    pub pressure_estimated: bool,
    pub has_albedo: bool,
    /// Daily irradiance centroid against solar noon under the timing in force ([`timing_check`]);
    /// `warning` above 15 minutes. `None` (omitted) for a year without sunshine.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing_check: Option<TimingCheck>,
    /// Plausibility rules that some rows break, with how many rows and the first line
    /// ([`plausibility`]: warnings only; the error rules refuse the file).
    pub implausible: Vec<plausibility::Implausible>,
}

/// Location, period, size, annual sums, repairs and the timing check of parsed weather.
pub fn summarize(w: &Weather) -> WeatherSummary {
    // W/m² per row → kWh/m²
    let h = f64::from(w.step_minutes) / 60.0 / 1000.0;
    // The sums and the highest GHI in one pass (each sum as `Iterator::sum` adds: from −0, in
    // row order).
    let (mut ghi, mut dni, mut dhi, mut temp, mut max_ghi) = (-0.0, -0.0, -0.0, -0.0, 0.0f64);
    for i in 0..w.ghi_w_m2.len() {
        ghi += w.ghi_w_m2[i];
        dni += w.dni_w_m2[i];
        dhi += w.dhi_w_m2[i];
        temp += w.temp_air_c[i];
        max_ghi = max_ghi.max(w.ghi_w_m2[i]);
    }
    // Distinct years: a year changes only between runs of rows (no sort of 8,760 of them).
    let mut years: Vec<i32> = Vec::new();
    let mut last = None;
    for s in &w.stamps {
        if last != Some(s.year) && !years.contains(&s.year) {
            years.push(s.year);
        }
        last = Some(s.year);
    }
    years.sort_unstable();
    let n = w.stamps.len();
    let zero = Stamp {
        year: 0,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
    };
    WeatherSummary {
        location: w.location.clone(),
        format: w.format,
        source: w.provenance.source.clone(),
        timing: w.timing,
        timing_default: w.provenance.timing_default,
        timing_basis: w.provenance.timing_basis.en.to_string(),
        timing_basis_zh: w.provenance.timing_basis.zh.to_string(),
        first: w.stamps.first().copied().unwrap_or(zero),
        last: w.stamps.last().copied().unwrap_or(zero),
        years,
        rows: n as u32,
        step_minutes: w.step_minutes,
        annual_ghi_kwh_m2: ghi * h,
        annual_dni_kwh_m2: dni * h,
        annual_dhi_kwh_m2: dhi * h,
        mean_temp_c: if n == 0 { 0.0 } else { temp / n as f64 },
        max_ghi_w_m2: max_ghi,
        filled_values: w.provenance.filled_values,
        filled: w.provenance.filled.clone(),
        dropped_leap_day_rows: w.provenance.dropped_leap_day_rows,
        pressure_estimated: w.provenance.pressure_estimated,
        has_albedo: w.albedo.is_some(),
        timing_check: timing_check(w),
        implausible: w.provenance.implausible.clone(),
    }
}

/// Checks a location read from a file (or given by the caller).
pub(crate) fn check_location(loc: &Location, line: u32) -> Result<(), ScenarioError> {
    let bad = |what: &str, what_zh: &str, v: f64, range: &str| {
        let v = crate::decimal::dec(v);
        err(
            codes::WEATHER_LOCATION,
            Some(line),
            format!("{what} {v} is outside {range}"),
            format!("{what_zh} {v} 超出范围 {range}"),
        )
    };
    if !(-90.0..=90.0).contains(&loc.latitude) {
        return Err(bad("latitude", "纬度", loc.latitude, "−90…90°"));
    }
    if !(-180.0..=180.0).contains(&loc.longitude) {
        return Err(bad("longitude", "经度", loc.longitude, "−180…180°"));
    }
    if !(-12.0..=14.0).contains(&loc.timezone_h) {
        return Err(bad("time zone", "时区", loc.timezone_h, "−12…+14 h"));
    }
    if !(-500.0..=9000.0).contains(&loc.elevation_m) {
        return Err(bad("elevation", "海拔", loc.elevation_m, "−500…9000 m"));
    }
    Ok(())
}
