//! rooftop-pv: how much a rooftop PV system generates, saves and avoids.
//!
//! One path: [`Scenario`] → [`validate`](validate::validate) → energy → usage → money → emissions →
//! [`Report`]. The core is plain Rust; `wasm.rs` (wasm32 only) is the single JavaScript binding.
//!
//! ```
//! let scenario = rooftop_pv::Scenario::from_json(
//!     r#"{"system":{"capacityKwp":6000},"resource":{"method":"fullLoadHours","hours":1241.6},
//!         "emissions":{"preset":"cec-2018"}}"#,
//! ).unwrap();
//! let report = rooftop_pv::calculate(&scenario).unwrap();
//! assert_eq!(format!("{:.2}", report.emissions.annual.coal_t), "2291.50");
//! ```

pub mod climate;
pub mod emissions;
pub mod energy;
pub mod error;
pub mod finance;
pub mod json;
pub mod money;
pub mod presets;
pub mod production;
pub mod pv;
pub mod report;
pub mod scenario;
pub mod solar;
pub mod tariff;
pub mod usage;
pub mod validate;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod weather;

pub use error::ScenarioError;
pub use presets::{presets, Presets};
pub use report::Report;
pub use scenario::Scenario;

use production::HourlyDetail;
use report::{Assumptions, Emissions, Energy, UsageTotals, YearKwh};
use validate::OwnershipModel;

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Computes the report of a scenario, or says exactly what is wrong with it.
pub fn calculate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    let inp = validate::validate(scenario)?;
    let production = production::first_year(&inp.resource)?;
    let annual_kwh = production.annual_kwh;
    let yearly_kwh = inp.degradation.yearly_kwh(annual_kwh);
    let lifetime_kwh: f64 = yearly_kwh.iter().sum();
    let mut warnings = inp.warnings.clone();
    warnings.extend(production.warnings.iter().cloned());

    let hourly = production.hourly.as_ref();
    let wants_hourly = scenario
        .output
        .as_ref()
        .and_then(|o| o.hourly)
        .unwrap_or(false);
    let first = usage::split_by_share(annual_kwh, inp.usage_mode, inp.self_use_share);
    let money = money::money(&inp, &yearly_kwh);
    if matches!(inp.ownership, OwnershipModel::Owner { .. }) && money.payback_years.is_none() {
        warnings.push(report::Warning {
            code: "no_payback",
            message: "The investment does not pay back within the lifetime.".into(),
            message_zh: "投资在寿命期内无法收回。".into(),
        });
    }

    let (capex, om, rate, discount, rent) = match inp.ownership {
        OwnershipModel::Owner {
            capex_yuan_per_w,
            om_yuan_per_kwp_year,
            discount_rate,
        } => (
            Some(capex_yuan_per_w),
            Some(om_yuan_per_kwp_year),
            Some(discount_rate * 100.0),
            None,
            None,
        ),
        OwnershipModel::ThirdParty {
            discount,
            roof_rent_yuan_year,
        } => (
            None,
            None,
            None,
            Some(discount * 100.0),
            Some(roof_rent_yuan_year),
        ),
    };
    Ok(Report {
        energy: Energy {
            annual_kwh,
            monthly_kwh: production.monthly_kwh.to_vec(),
            specific_yield_kwh_per_kwp: annual_kwh / inp.capacity_kwp,
            lifetime_kwh,
            by_year: (1u32..)
                .zip(&yearly_kwh)
                .map(|(year, &kwh)| YearKwh { year, kwh })
                .collect(),
            poa_kwh_m2: hourly.map(|h| h.result.annual.poa_unshaded_kwh_m2),
            monthly_poa_kwh_m2: hourly.map(HourlyDetail::monthly_poa_kwh_m2),
            performance_ratio: hourly.map(HourlyDetail::performance_ratio),
            losses: hourly.map(HourlyDetail::losses),
            hourly_kwh: hourly.filter(|_| wants_hourly).map(HourlyDetail::row_kwh),
        },
        usage: UsageTotals {
            self_used_kwh: first.self_used_kwh,
            exported_kwh: first.exported_kwh,
            curtailed_kwh: first.curtailed_kwh,
            self_use_share_pct: inp.self_use_share * 100.0,
        },
        money,
        emissions: Emissions {
            annual: emissions::avoided(annual_kwh, &inp.factors),
            lifetime: emissions::avoided(lifetime_kwh, &inp.factors),
            factors: inp.factors.clone(),
            preset: inp.factor_preset.clone(),
        },
        assumptions: Assumptions {
            capacity_kwp: inp.capacity_kwp,
            layout: hourly.map(|_| inp.system.clone()),
            albedo: hourly.map(|_| inp.albedo),
            resource_method: inp.method,
            lifetime_years: inp.degradation.years,
            first_year_degradation_pct: inp.degradation.first_year * 100.0,
            annual_degradation_pct: inp.degradation.annual * 100.0,
            usage_mode: inp.usage_mode,
            self_use_share_pct: inp.self_use_share * 100.0,
            grid_price_yuan_kwh: inp.grid_price_yuan_kwh,
            export_price_yuan_kwh: inp.export_price_yuan_kwh,
            escalation_pct: inp.escalation * 100.0,
            ownership: scenario
                .ownership
                .as_ref()
                .map_or(scenario::OwnershipKind::Owner, |o| o.kind),
            capex_yuan_per_w: capex,
            om_yuan_per_kwp_year: om,
            discount_rate_pct: rate,
            discount_pct: discount,
            roof_rent_yuan_year: rent,
        },
        weather: hourly.map(|h| h.weather.clone()),
        station: hourly.and_then(|h| h.station.clone()),
        warnings,
    })
}

/// `parseWeather()`: reads a weather text with the options of [`scenario::WeatherOptions`] (JSON)
/// and summarises it — location, period, annual sums, timing convention and its check.
pub fn parse_weather_json(
    text: &str,
    options_json: &str,
) -> Result<weather::WeatherSummary, ScenarioError> {
    let options = scenario::WeatherOptions::from_json(options_json)?;
    let parsed = weather::parse_with(
        text,
        &weather::ParseOptions {
            format: options.format,
            timing: options.timing,
            file_name: options.file_name,
            fallback_location: None,
            timezone_h: options.timezone_h,
        },
    )?;
    Ok(weather::summarize(&parsed))
}

/// [`calculate`] from JSON text to JSON text: the form the JavaScript binding uses.
pub fn calculate_json(scenario_json: &str) -> Result<String, ScenarioError> {
    let scenario = Scenario::from_json(scenario_json)?;
    let report = calculate(&scenario)?;
    // A report holds only finite numbers (validation guarantees it), so serialising cannot fail.
    serde_json::to_string(&report).map_err(|e| {
        ScenarioError::new(
            error::codes::INVALID_JSON,
            "",
            e.to_string(),
            format!("无法生成报告：{e}"),
        )
    })
}

/// The README's Rust example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
