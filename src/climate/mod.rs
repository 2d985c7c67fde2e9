//! Built-in climate of 270 Chinese stations, and hours synthesised from monthly values.
//!
//! Source and attribution ([`SOURCE`]): the China Standard Weather Data (CSWD) typical year —
//! "China Standard Weather Data for Analyzing Building Thermal Conditions", China Meteorological
//! Administration Climate Data Office and Tsinghua University Department of Building Science,
//! 2005, as EPW files of the EnergyPlus weather library. Per station the crate embeds the monthly
//! table (GHI, DHI, temperature, wind) and the average day of each month (24 clock hours of GHI,
//! DNI, DHI, temperature, wind), converted by `scripts/build_climate.py` from
//! `data/cswd-monthly.csv`, `data/cswd-typical-days.csv.gz` and `data/stations-zh.csv` (Chinese names
//! and provinces).
//!
//! - [`stations`], [`find_by_id`], [`nearest`], [`find`], [`suggestions`]: the station list;
//! - [`climate`]: one station's monthly table and typical days, decoded from the blob;
//! - [`station_weather`]: 8,760 hours from a station's typical days (`resource.method = 'station'`);
//! - [`monthly_weather`]: 8,760 hours from 12 monthly GHI values (`resource.method = 'monthly'`):
//!   the nearest station's typical days scaled to them (the Duffie & Beckman monthly method on
//!   request).
//!
//! Both produce a [`crate::weather::Weather`] that the hourly chain consumes like a weather file.
//!
//! Embedded resolution (the only loss; see the build script): typical-day irradiance on a
//! square-root scale (step 0.58·√v W/m²: half a step is 2.9 % of 100 W/m², 1.4 % of 400 W/m²)
//! with the error fed forward along each day, so a day's sum keeps within half a step; temperature
//! 1 °C, wind 0.4 m/s. The station method's annual AC energy is within 0.17 % of a build at the
//! source's resolution (all 270 stations; the build script's docstring has the measurement).
//! Annual GHI of the stored days is within 0.03 % of the source's; the
//! monthly table is exact, and the synthesised GHI and DHI are scaled to it month by month, so
//! the synthesised annual GHI equals the source's to its printed 0.01 kWh/m².

mod codec;
mod monthly;
mod stations;
mod stations_data;
mod synth;

pub use crate::solar::daily::{
    collares_pereira_rabl_rt, daily_extraterrestrial_kwh_m2, declination_deg,
    erbs_daily_diffuse_fraction, erbs_monthly_diffuse_fraction, extraterrestrial_monthly_kwh_m2,
    liu_jordan_rd, sunset_hour_angle_deg, KLEIN_DAYS,
};
pub use monthly::{monthly_weather, validate_monthly, MonthlyInputs, MonthlySplit, MonthlyWeather};
pub use stations::{
    count, distance_km, find, find_by_id, nearest, nearest_n, stations, suggestions, Nearest,
    ResourceClass, Station,
};
pub use synth::{station_weather, station_weather_with, Place, Variability, SYNTH_YEAR};

use crate::error::ScenarioError;

/// Attribution carried wherever these numbers are shown.
pub const SOURCE: &str = "CSWD typical year (CMA / Tsinghua)";
/// Attribution in Chinese.
pub const SOURCE_ZH: &str = "中国标准气象数据（CSWD）典型年（中国气象局 / 清华大学）";

pub use crate::error::codes::{CLIMATE_DATA, UNKNOWN_STATION};

/// Days per month of the (non-leap) typical year.
pub use crate::calendar::DAYS_IN_MONTH_U32 as DAYS_IN_MONTH;

/// One month of a station's monthly table.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MonthClimate {
    /// Global horizontal irradiation [kWh/m²].
    pub ghi_kwh_m2: f64,
    /// Its diffuse part [kWh/m²].
    pub dhi_kwh_m2: f64,
    /// Mean dry-bulb temperature [°C].
    pub temp_c: f64,
    /// Mean wind speed at 10 m [m/s].
    pub wind_m_s: f64,
}

/// One clock hour of a month's average day: clock hour h holds at h:00 Beijing time (UTC+8).
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypicalHour {
    /// [W/m²]
    pub ghi_w_m2: f64,
    /// [W/m²]
    pub dni_w_m2: f64,
    /// [W/m²]
    pub dhi_w_m2: f64,
    /// [°C]
    pub temp_c: f64,
    /// [m/s]
    pub wind_m_s: f64,
}

/// A station's embedded climate.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StationClimate {
    pub station: Station,
    /// January … December.
    pub monthly: [MonthClimate; 12],
    /// [month][clock hour 0–23], as stored (before scaling to the monthly table).
    pub typical_days: [[TypicalHour; 24]; 12],
}

impl StationClimate {
    /// Annual global horizontal irradiation [kWh/m²]: the sum of the monthly table.
    pub fn annual_ghi_kwh_m2(&self) -> f64 {
        self.monthly.iter().map(|m| m.ghi_kwh_m2).sum()
    }
}

fn unknown_station(id: &str) -> ScenarioError {
    let s = suggestions(id);
    let list = |zh: bool| {
        s.iter()
            .map(|st| {
                if zh {
                    format!("{} {}（{}）", st.id, st.name_zh, st.province_zh)
                } else {
                    format!(
                        "{} {} {} ({})",
                        st.id, st.name_en, st.name_zh, st.province_en
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(if zh { "、" } else { ", " })
    };
    let id = crate::caps::echo(id);
    ScenarioError::new(
        UNKNOWN_STATION,
        "resource.stationId",
        format!(
            "resource.stationId: no built-in station has the id \"{id}\"; did you mean {}?",
            list(false)
        ),
        format!(
            "resource.stationId：没有编号为“{id}”的内置气象站；您是否要找 {}？",
            list(true)
        ),
    )
}

/// The station with this id, or an `unknown_station` error (field `resource.stationId`) that
/// suggests the three stations nearest by name.
pub fn station(id: &str) -> Result<Station, ScenarioError> {
    find_by_id(id).ok_or_else(|| unknown_station(id))
}

fn data_error(e: codec::DecodeError) -> ScenarioError {
    ScenarioError::new(
        CLIMATE_DATA,
        "resource.stationId",
        format!("resource.stationId: the built-in climate data cannot be read ({e})"),
        format!("resource.stationId：内置气候数据无法读取（{e}）"),
    )
}

/// One station's monthly table and typical days, decoded from the embedded data (tens of µs).
pub fn climate(id: &str) -> Result<StationClimate, ScenarioError> {
    let i = stations::index_of(id).ok_or_else(|| unknown_station(id))?;
    climate_at(i)
}

// Parallel arrays indexed by month and hour read best with indices.
#[allow(clippy::needless_range_loop)]
pub(crate) fn climate_at(i: usize) -> Result<StationClimate, ScenarioError> {
    let station = stations::by_index(i).ok_or_else(|| unknown_station(""))?;
    let blob = codec::Blob::parse(codec::BLOB).map_err(data_error)?;
    // The blob's stations are those of the station table, in its order (both written by
    // scripts/build_climate.py; tests/climate.rs checks every station against the sources).
    if blob.len() != count() {
        return Err(data_error(codec::DecodeError::Header));
    }
    let d = blob.decode(i).map_err(data_error)?;
    let irr = |u: i64| (u * u) as f64 / d.qs as f64;
    let mut typical_days = [[TypicalHour::default(); 24]; 12];
    let mut monthly = [MonthClimate::default(); 12];
    for m in 0..12 {
        for h in 0..24 {
            typical_days[m][h] = TypicalHour {
                ghi_w_m2: irr(d.ghi[m][h]),
                dni_w_m2: irr(d.dni[m][h]),
                dhi_w_m2: irr(d.dhi[m][h]),
                temp_c: (d.temp[m][h] * d.t_step) as f64 / 100.0,
                wind_m_s: (d.wind[m][h] * d.w_step) as f64 / 100.0,
            };
        }
        let [g, dh, t, w] = d.table[m];
        monthly[m] = MonthClimate {
            ghi_kwh_m2: g as f64 / 100.0,
            dhi_kwh_m2: dh as f64 / 100.0,
            temp_c: t as f64 / 100.0,
            wind_m_s: w as f64 / 100.0,
        };
    }
    Ok(StationClimate {
        station,
        monthly,
        typical_days,
    })
}
