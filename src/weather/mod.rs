//! Hourly (or sub-hourly) weather read from files, with the timing convention made explicit.
//!
//! Every row has a nominal interval `[start, start + step)` in local standard time, given by its
//! format's specification, and a stamp (the time written in the file) somewhere in that interval.
//! [`Timing`] says where within the interval the row's values hold — a property of the data set,
//! not of the format (shared reference `pv-model.md`, "Time").

use serde::{Deserialize, Serialize};

/// Where within its nominal interval a row's irradiance holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Timing {
    /// At the start of the interval (Chinese CSWD EPW files: EPW hour h holds at (h−1):00).
    Start,
    /// An average over the interval, centred in it (TMY2, TMY3, IWEC/TMYx EPW, PSM3, PVGIS):
    /// the sun at the centre, and in the hours of sunrise and sunset at the centre of the sunlit part.
    Centre,
    /// At the end of the interval.
    End,
    /// At the instant written in the file's own time columns.
    Instant,
}

/// Weather file formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// A year (or more) of weather rows, as arrays (one element per row, in file order).
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
}
