//! Every default of a scenario, in one place: what an absent optional field means. The resolver
//! ([`super::resolve`]) fills them in; [`defaults`] gives them to callers (`presets().defaults`:
//! the page's placeholders), so that no caller keeps a copy.

use serde::Serialize;

use crate::pv::losses::DEFAULT_LOSSES_PCT;
use crate::scenario::{ModuleType, Mounting, Plane, SkyModel, UsageMode};
use crate::storage::DispatchMode;
use crate::tariff;

/// Lifetime [years] and degradation [%] (n-type modules today: ≈1 % in year 1, 0.4 %/yr after;
/// shared reference `china-factors.md` §5).
pub const YEARS: u32 = 25;
pub const FIRST_YEAR_DEGRADATION_PCT: f64 = 1.0;
pub const ANNUAL_DEGRADATION_PCT: f64 = 0.4;
/// Self-use share for self-use + surplus [%] when none is given (a warning says so).
pub const SELF_USE_SHARE_PCT: f64 = 80.0;
/// The usage when a scenario gives none.
pub const USAGE_MODE: UsageMode = UsageMode::SelfUseSurplus;

/// PVWatts v8 defaults of the system layout (ssc `cmod_pvwattsv8.cpp`): DC/AC ratio, inverter
/// efficiency [%], ground coverage ratio [-]; one plane tilted 20° facing south.
pub const DC_AC_RATIO: f64 = 1.2;
pub const INVERTER_EFFICIENCY_PCT: f64 = 96.0;
pub const GROUND_COVERAGE_RATIO: f64 = 0.3;
pub const PLANE: Plane = Plane {
    tilt_deg: 20.0,
    azimuth_deg: 180.0,
    share_of_capacity: 1.0,
};
pub const MODULE_TYPE: ModuleType = ModuleType::Standard;
pub const MOUNTING: Mounting = Mounting::Roof;
pub const SKY_MODEL: SkyModel = SkyModel::Perez;

/// Site: ground albedo [-] (PVWatts), time zone [h east of UTC] (China: Beijing time, UTC+8),
/// elevation [m].
pub const ALBEDO: f64 = 0.2;
pub const TIMEZONE_H: f64 = 8.0;
pub const ELEVATION_M: f64 = 0.0;

/// Investment [yuan/W]: commercial rooftop 2024–25 costs 2.8–3.5 yuan/W; public calculators use
/// 2.9–3.0 (`china-factors.md` §5).
pub const CAPEX_YUAN_PER_W: f64 = 3.0;
/// Yearly O&M as a share of the investment [%] (`china-factors.md` §5: ≈1 % of capex per year).
pub const OM_PCT_OF_CAPEX: f64 = 1.0;
/// Discount rate [%/yr].
pub const DISCOUNT_RATE_PCT: f64 = 6.0;
/// Straight-line depreciation period [years] and residual value [%] of PV plant: the usual Chinese
/// practice (20 years, 5 %); the income-tax rules set only minimum periods.
pub const DEPRECIATION_YEARS: u32 = 20;
pub const RESIDUAL_VALUE_PCT: f64 = 5.0;
/// 城市维护建设税 in a city [% of the VAT paid] (城市维护建设税法 2021: 7 / 5 / 1 %).
pub const CITY_MAINTENANCE_TAX_PCT: f64 = 7.0;
/// 教育费附加 3 % + 地方教育附加 2 % [% of the VAT paid].
pub const EDUCATION_SURCHARGE_PCT: f64 = 5.0;
/// Roof rent paid by a third-party investor [yuan/yr].
pub const ROOF_RENT_YUAN_YEAR: f64 = 0.0;
/// Purchase-price escalation [%/yr]; the export price escalates as the purchase price by default.
pub const ESCALATION_PCT: f64 = 0.0;

/// The defaults a caller shows (JSON names as the scenario's fields, and as the report's
/// assumptions where the two differ in nesting).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Defaults {
    pub lifetime_years: u32,
    pub first_year_degradation_pct: f64,
    pub annual_degradation_pct: f64,
    pub usage_mode: UsageMode,
    pub self_use_share_pct: f64,
    pub plane: Plane,
    pub dc_ac_ratio: f64,
    pub inverter_efficiency_pct: f64,
    pub losses_pct: f64,
    pub module_type: ModuleType,
    pub mounting: Mounting,
    pub ground_coverage_ratio: f64,
    pub sky_model: SkyModel,
    pub albedo: f64,
    pub timezone_h: f64,
    pub elevation_m: f64,
    pub grid_price_yuan_kwh: f64,
    pub export_price_yuan_kwh: f64,
    pub escalation_pct: f64,
    pub export_escalation_pct: f64,
    pub capex_yuan_per_w: f64,
    pub om_pct_of_capex: f64,
    /// The default O&M in yuan/kWp/yr: [`OM_PCT_OF_CAPEX`] of [`CAPEX_YUAN_PER_W`].
    pub om_yuan_per_kwp_year: f64,
    pub discount_rate_pct: f64,
    pub depreciation_years: u32,
    pub residual_value_pct: f64,
    pub roof_rent_yuan_year: f64,
    /// Id of the emission factor set.
    pub emission_factors: &'static str,
    /// The battery's defaults (`storage`).
    pub storage: StorageDefaults,
}

/// The shipped price [yuan/kWh] of tariff preset `id` (the default grid and export prices).
fn price(id: &str) -> f64 {
    // Both ids are shipped presets (tested in `tariff`); NaN would fail every test that prices.
    tariff::preset(id).map_or(f64::NAN, |p| p.value_yuan_kwh)
}

/// Default grid purchase price [yuan/kWh]: the shipped [`tariff::DEFAULT_GRID_PRICE_ID`].
pub fn grid_price_yuan_kwh() -> f64 {
    price(tariff::DEFAULT_GRID_PRICE_ID)
}

/// Default export price [yuan/kWh]: the shipped [`tariff::DEFAULT_EXPORT_PRICE_ID`].
pub fn export_price_yuan_kwh() -> f64 {
    price(tariff::DEFAULT_EXPORT_PRICE_ID)
}

/// Every default, for `presets().defaults`.
pub fn defaults() -> Defaults {
    Defaults {
        lifetime_years: YEARS,
        first_year_degradation_pct: FIRST_YEAR_DEGRADATION_PCT,
        annual_degradation_pct: ANNUAL_DEGRADATION_PCT,
        usage_mode: USAGE_MODE,
        self_use_share_pct: SELF_USE_SHARE_PCT,
        plane: PLANE,
        dc_ac_ratio: DC_AC_RATIO,
        inverter_efficiency_pct: INVERTER_EFFICIENCY_PCT,
        losses_pct: DEFAULT_LOSSES_PCT,
        module_type: MODULE_TYPE,
        mounting: MOUNTING,
        ground_coverage_ratio: GROUND_COVERAGE_RATIO,
        sky_model: SKY_MODEL,
        albedo: ALBEDO,
        timezone_h: TIMEZONE_H,
        elevation_m: ELEVATION_M,
        grid_price_yuan_kwh: grid_price_yuan_kwh(),
        export_price_yuan_kwh: export_price_yuan_kwh(),
        escalation_pct: ESCALATION_PCT,
        export_escalation_pct: ESCALATION_PCT,
        capex_yuan_per_w: CAPEX_YUAN_PER_W,
        om_pct_of_capex: OM_PCT_OF_CAPEX,
        om_yuan_per_kwp_year: OM_PCT_OF_CAPEX / 100.0 * CAPEX_YUAN_PER_W * 1000.0,
        discount_rate_pct: DISCOUNT_RATE_PCT,
        depreciation_years: DEPRECIATION_YEARS,
        residual_value_pct: RESIDUAL_VALUE_PCT,
        roof_rent_yuan_year: ROOF_RENT_YUAN_YEAR,
        emission_factors: crate::emissions::DEFAULT_PRESET,
        storage: storage_defaults(),
    }
}

/// Battery defaults (`storage`), each an assumption to confirm against the offer for the project:
/// - AC round-trip efficiency 85 % [%]: NREL, Cole & Ramasamy, *Cost Projections for Utility-Scale
///   Battery Storage: 2023 Update* (NREL/TP-6A40-85332, 2023), the ATB's 85 % (to confirm);
/// - state of charge 5–95 % [%]: 90 % depth of discharge, the usual LFP cabinet window (assumption);
/// - auxiliary draw 0 kW (assumption: enter the cabinet's cooling and controls);
/// - capacity fade 1 %/yr calendar plus 0.004 %/equivalent full cycle (LFP cells rated ≈6,000
///   cycles to 80 % at 25 °C, 2024–25 datasheets; assumption), replacement below 70 % of nameplate;
/// - investment 900 yuan/kWh + 150 yuan/kW, 2025 (China C&I 2 h systems at ≈1.0 yuan/Wh installed,
///   as public tenders of 2025 were reported; assumption, to confirm), cell replacement 500
///   yuan/kWh (assumption), O&M 1.5 % of the investment a year (assumption);
/// - timeOfUse dispatch with grid charging, at most 2 cycles a day (两充两放).
pub const STORAGE_ROUND_TRIP_EFFICIENCY_PCT: f64 = 85.0;
pub const STORAGE_SOC_MIN_PCT: f64 = 5.0;
pub const STORAGE_SOC_MAX_PCT: f64 = 95.0;
pub const STORAGE_AUXILIARY_KW: f64 = 0.0;
pub const STORAGE_CALENDAR_FADE_PCT_PER_YEAR: f64 = 1.0;
pub const STORAGE_CYCLE_FADE_PCT_PER_CYCLE: f64 = 0.004;
pub const STORAGE_END_OF_LIFE_PCT: f64 = 70.0;
pub const STORAGE_CAPEX_YUAN_PER_KWH: f64 = 900.0;
pub const STORAGE_CAPEX_YUAN_PER_KW: f64 = 150.0;
pub const STORAGE_REPLACEMENT_COST_YUAN_PER_KWH: f64 = 500.0;
pub const STORAGE_OM_PCT_OF_CAPEX: f64 = 1.5;
pub const STORAGE_CYCLES_PER_DAY: f64 = 2.0;
pub const STORAGE_DISPATCH: DispatchMode = DispatchMode::TimeOfUse;

/// The battery defaults a caller shows (`presets().storageDefaults`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageDefaults {
    pub dispatch: DispatchMode,
    pub round_trip_efficiency_pct: f64,
    pub soc_min_pct: f64,
    pub soc_max_pct: f64,
    pub auxiliary_kw: f64,
    pub calendar_fade_pct_per_year: f64,
    pub cycle_fade_pct_per_cycle: f64,
    pub end_of_life_pct: f64,
    pub replacement_cost_yuan_per_kwh: f64,
    pub capex_yuan_per_kwh: f64,
    pub capex_yuan_per_kw: f64,
    pub om_pct_of_capex: f64,
    pub grid_charging: bool,
    pub cycles_per_day: f64,
}

/// Every battery default.
pub fn storage_defaults() -> StorageDefaults {
    StorageDefaults {
        dispatch: STORAGE_DISPATCH,
        round_trip_efficiency_pct: STORAGE_ROUND_TRIP_EFFICIENCY_PCT,
        soc_min_pct: STORAGE_SOC_MIN_PCT,
        soc_max_pct: STORAGE_SOC_MAX_PCT,
        auxiliary_kw: STORAGE_AUXILIARY_KW,
        calendar_fade_pct_per_year: STORAGE_CALENDAR_FADE_PCT_PER_YEAR,
        cycle_fade_pct_per_cycle: STORAGE_CYCLE_FADE_PCT_PER_CYCLE,
        end_of_life_pct: STORAGE_END_OF_LIFE_PCT,
        replacement_cost_yuan_per_kwh: STORAGE_REPLACEMENT_COST_YUAN_PER_KWH,
        capex_yuan_per_kwh: STORAGE_CAPEX_YUAN_PER_KWH,
        capex_yuan_per_kw: STORAGE_CAPEX_YUAN_PER_KW,
        om_pct_of_capex: STORAGE_OM_PCT_OF_CAPEX,
        grid_charging: true,
        cycles_per_day: STORAGE_CYCLES_PER_DAY,
    }
}
