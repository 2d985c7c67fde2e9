//! The resource of a resolved scenario, loaded: a weather file read, a built-in station's year or
//! twelve monthly values synthesised into hourly weather — called by `calculate` after the
//! scenario is resolved (resolving checks only the fields: [`ResourceSpec`]).

use crate::climate::{self, MonthlyInputs, Nearest};
use crate::diag::Warning;
use crate::error::ScenarioError;
use crate::pv::SystemSpec;
use crate::resolve::ResourceSpec;
use crate::solar::sunpath::SunPath;
use crate::weather::{self, Weather};

/// The resource, loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum ResourceInput {
    /// First-year AC energy [kWh] of a yield-based method.
    Annual(f64),
    /// Weather for the hourly chain, and the system it runs.
    Hourly(Box<HourlyInput>),
}

/// What the hourly chain runs on.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyInput {
    pub weather: Weather,
    pub system: SystemSpec,
    /// The weather's sun path, when synthesising the hours already computed it.
    pub sun: Option<SunPath>,
    /// The built-in station the hours come from (station and monthly methods), and how far it is.
    pub station: Option<Nearest>,
}

/// Loads `spec` for the chain's `system`; `text` is the weather file's text (`resource.text`,
/// present for [`ResourceSpec::WeatherFile`]). Returns the warnings of the loading.
pub fn load(
    spec: &ResourceSpec,
    text: Option<&str>,
    system: &SystemSpec,
) -> Result<(ResourceInput, Vec<Warning>), ScenarioError> {
    let hourly = |weather, sun, station| {
        ResourceInput::Hourly(Box::new(HourlyInput {
            weather,
            system: system.clone(),
            sun,
            station,
        }))
    };
    match spec {
        ResourceSpec::Annual(kwh) => Ok((ResourceInput::Annual(*kwh), Vec::new())),
        ResourceSpec::WeatherFile(options) => {
            let weather = weather::parse_with(text.unwrap_or_default(), options)?;
            Ok((hourly(weather, None, None), Vec::new()))
        }
        ResourceSpec::Station { id, place } => {
            let station = climate::station(id)?;
            let distance_km = place.as_ref().map_or(0.0, |p| {
                climate::distance_km(p.latitude, p.longitude, station.latitude, station.longitude)
            });
            let km = crate::decimal::fixed(distance_km, 0);
            let warnings = match place {
                Some(_) => vec![Warning::new(
                    "station_distance",
                    format!(
                        "Climate of the station {} ({}), {km} km from the site; the sun is computed at the site.",
                        station.name_en, station.id
                    ),
                    format!(
                        "采用气象站 {}（{}）的气候数据，距场址 {km} km；太阳位置按场址计算。",
                        station.name_zh, station.id
                    ),
                )],
                None => Vec::new(),
            };
            let weather = climate::station_weather(id, *place)?;
            let nearest = Nearest {
                station,
                distance_km,
            };
            Ok((hourly(weather, None, Some(nearest)), warnings))
        }
        ResourceSpec::Monthly {
            place,
            timezone_h,
            ghi_kwh_m2,
            temp_c,
        } => {
            let inputs = MonthlyInputs::new(*place, *timezone_h, ghi_kwh_m2, temp_c.as_deref());
            let m = climate::monthly_weather(&inputs)?;
            Ok((hourly(m.weather, m.sun_path, Some(m.station)), m.warnings))
        }
    }
}
