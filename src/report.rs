//! The answer to a scenario, as it crosses the JSON / JavaScript boundary (camelCase, units in names).

use serde::Serialize;

use crate::emissions::{EmissionFactors, EmissionTotals};
use crate::scenario::{OwnershipKind, ResourceMethod, UsageMode};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub energy: Energy,
    pub usage: UsageTotals,
    pub money: Money,
    pub emissions: Emissions,
    /// Every default that was filled in, so a reader sees what the figures rest on.
    pub assumptions: Assumptions,
    /// The weather file, as read: location, timing convention, annual sums, timing check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weather: Option<crate::weather::WeatherSummary>,
    /// Station and monthly methods: the built-in station whose climate was used, and its distance
    /// from the site [km] (0 without a site).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub station: Option<crate::climate::Nearest>,
    pub warnings: Vec<Warning>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Energy {
    /// First-year AC generation [kWh].
    pub annual_kwh: f64,
    /// First-year generation by month [kWh], January first.
    pub monthly_kwh: Vec<f64>,
    /// First-year generation per kWp [kWh/kWp].
    pub specific_yield_kwh_per_kwp: f64,
    /// Sum over the lifetime [kWh].
    pub lifetime_kwh: f64,
    pub by_year: Vec<YearKwh>,
    /// Hourly methods: plane-of-array irradiation incident on the planes [kWh/m²] (capacity-weighted).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poa_kwh_m2: Option<f64>,
    /// Hourly methods: the same by month [kWh/m²].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub monthly_poa_kwh_m2: Option<Vec<f64>>,
    /// Hourly methods: performance ratio [-], E_AC / (P_dc0 × H_POA / 1 kW/m²).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub performance_ratio: Option<f64>,
    /// Hourly methods: the losses along the chain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub losses: Option<Losses>,
    /// First-year AC energy of every weather row [kWh], when `output.hourly` asks for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hourly_kwh: Option<Vec<f64>>,
}

/// The first year's energy along the chain: what the nameplate would make at the incident
/// irradiation, then the share lost at each step [%] of what reached it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Losses {
    /// P_dc0 × H_POA / 1 kW/m² [kWh].
    pub incident_kwh: f64,
    /// Row-to-row self-shading (open rack) [%].
    pub row_shading_pct: f64,
    /// Reflection at the cover and spectral (air-mass) effects [%].
    pub cover_spectral_pct: f64,
    /// Cell temperature and low irradiance (module efficiency vs STC) [%].
    pub temperature_low_light_pct: f64,
    /// Lumped DC losses: soiling, shading, mismatch, wiring, … [%].
    pub dc_losses_pct: f64,
    /// Inverter efficiency [%].
    pub inverter_pct: f64,
    /// Inverter clipping at its AC rating [%].
    pub clipping_pct: f64,
    /// AC output [kWh].
    pub ac_kwh: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearKwh {
    pub year: u32,
    pub kwh: f64,
}

/// First-year split of generation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageTotals {
    pub self_used_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
    /// Self-used over generation [%].
    pub self_use_share_pct: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    /// What the PV earns or saves its user in year 1 [yuan] (owner: avoided purchases + export
    /// income; third party: the site's discount + roof rent).
    pub first_year_savings_yuan: f64,
    /// Sum of yearly savings over the lifetime [yuan], undiscounted.
    pub lifetime_savings_yuan: f64,
    /// Owner: net present value of the cash flow [yuan].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub npv_yuan: Option<f64>,
    /// Owner: internal rate of return [%]; absent when the cash flow has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irr_pct: Option<f64>,
    /// Owner: simple payback [years]; absent when it does not pay back within the lifetime.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payback_years: Option<f64>,
    /// Owner: levelised cost of energy [yuan/kWh].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lcoe_yuan_kwh: Option<f64>,
    pub by_year: Vec<CashFlowYear>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashFlowYear {
    /// 0 = the investment year (owner), then 1..years.
    pub year: u32,
    pub generation_kwh: f64,
    pub savings_yuan: f64,
    pub costs_yuan: f64,
    pub net_cash_flow_yuan: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Emissions {
    /// Avoided in year 1 [t].
    pub annual: EmissionTotals,
    /// Avoided over the lifetime [t].
    pub lifetime: EmissionTotals,
    pub factors: EmissionFactors,
    /// The preset id the factors came from; absent for custom factors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
}

/// The resolved inputs, defaults included.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assumptions {
    pub capacity_kwp: f64,
    /// Hourly methods: the system layout with its defaults (planes, inverter, losses, module,
    /// mounting, ground coverage ratio, sky model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layout: Option<crate::scenario::System>,
    /// Hourly methods: ground albedo [-].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub albedo: Option<f64>,
    pub resource_method: ResourceMethod,
    pub lifetime_years: u32,
    pub first_year_degradation_pct: f64,
    pub annual_degradation_pct: f64,
    pub usage_mode: UsageMode,
    pub self_use_share_pct: f64,
    pub grid_price_yuan_kwh: f64,
    pub export_price_yuan_kwh: f64,
    pub escalation_pct: f64,
    pub ownership: OwnershipKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capex_yuan_per_w: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub om_yuan_per_kwp_year: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_rate_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roof_rent_yuan_year: Option<f64>,
}

/// Something the reader should know about the figures (not an error).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    pub message_zh: String,
}
