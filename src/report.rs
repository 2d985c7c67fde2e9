//! The answer to a scenario, as it crosses the JSON / JavaScript boundary (camelCase, units in names).

use serde::Serialize;

pub use crate::diag::Warning;
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
    /// `system.roof`: what fits on the roof and the figures it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sizing: Option<crate::sizing::RoofSizing>,
    pub warnings: Vec<Warning>,
    /// The battery behind the meter (when `storage` is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage: Option<StorageReport>,
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
    /// Hourly methods: performance ratio [-], E_AC / (P_dc0 × H_POA / 1 kW/m²); absent for a year
    /// without incident irradiation.
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

/// Where the generation goes: year 1, the lifetime, and year 1 by month and by clock hour.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsageTotals {
    /// Year 1 [kWh].
    pub self_used_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
    /// Self-used over generation, year 1 [%] (self-consumption share).
    pub self_use_share_pct: f64,
    /// `share`: a fixed share of the year's generation; `hourly`: hour by hour against the load
    /// and the export limit.
    pub method: UsageMethod,
    /// Year 1 consumption of the site [kWh] (with a load).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_kwh: Option<f64>,
    /// Year 1 consumption still bought from the grid [kWh] (with a load).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid_import_kwh: Option<f64>,
    /// Self-used over consumption, year 1 [%] (self-sufficiency; with a load).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_sufficiency_pct: Option<f64>,
    /// Sums over the lifetime [kWh].
    pub lifetime_self_used_kwh: f64,
    pub lifetime_exported_kwh: f64,
    pub lifetime_curtailed_kwh: f64,
    /// Year 1 by month, January first.
    pub by_month: Vec<UsagePart>,
    /// Year 1 by clock hour (sums over the year of hour 0 = 00:00–01:00 …); empty without hours.
    pub by_hour_of_day: Vec<UsagePart>,
}

/// How the split was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UsageMethod {
    Share,
    Hourly,
}

/// One month or one clock hour of year 1 [kWh].
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UsagePart {
    /// Month 1–12 (`byMonth`) or clock hour 0–23 (`byHourOfDay`).
    pub index: u32,
    pub generation_kwh: f64,
    pub self_used_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
    /// With a load.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load_kwh: Option<f64>,
    /// With a load: consumption bought from the grid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid_import_kwh: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Money {
    /// What the PV earns or saves its user in year 1 [yuan] (owner: avoided purchases + export
    /// income; third party: the site's discount + roof rent).
    pub first_year_savings_yuan: f64,
    /// Sum of yearly savings over the lifetime [yuan], undiscounted.
    pub lifetime_savings_yuan: f64,
    /// Owner: net present value of the cash flow [yuan] (after loan and taxes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub npv_yuan: Option<f64>,
    /// Owner: internal rate of return [%]; absent when the cash flow has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irr_pct: Option<f64>,
    /// Owner: simple payback [years]; absent when it does not pay back within the lifetime.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payback_years: Option<f64>,
    /// Owner: levelised cost of the energy delivered (self-used + exported) [yuan/kWh].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lcoe_yuan_kwh: Option<f64>,
    /// Owner: payback of the discounted cash flow [years].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discounted_payback_years: Option<f64>,
    /// Owner: IRR of the project before financing and taxes [%].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_irr_pct: Option<f64>,
    /// Owner: the investment [yuan] (equity and loan).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub investment_yuan: Option<f64>,
    /// Year-1 value of a self-used kWh [yuan/kWh]: the avoided purchase price, averaged over the
    /// self-used hours (time-of-use) — for the host of a third-party system before its discount.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub self_use_price_yuan_kwh: Option<f64>,
    /// Year 1 under time-of-use prices: self-used kWh and their value by period.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_period: Vec<PeriodMoney>,
    /// The cash flow of whoever this `money` is for (owner, or third-party host).
    pub by_year: Vec<CashFlowYear>,
    /// Third party (EMC): the investor's money from the same hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub investor: Option<Box<InvestorMoney>>,
    /// Which rule priced the exports, with its figures.
    pub export_pricing: ExportPricing,
    /// The demand charge with and without the system (when `tariff.demandChargeYuanPerKwMonth` is
    /// given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demand_charge: Option<DemandCharge>,
    /// The basic charge by capacity (when `tariff.capacityChargeYuanPerKvaMonth` is given), and
    /// which billing is cheaper beside the demand charge.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_charge: Option<CapacityCharge>,
}

/// How the basic charge (基本电费) of a two-part tariff is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Billing {
    /// On the transformer capacity (按容量).
    Capacity,
    /// On each month's largest draw (按需量).
    Demand,
}

/// Year 1's basic charge by capacity: rate × transformer kVA × 12 months [yuan], the same with or
/// without PV and battery; beside a demand charge, the cheaper billing in each case (ties: capacity).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CapacityCharge {
    /// [yuan/kVA/month].
    pub rate_yuan_per_kva_month: f64,
    pub transformer_kva: f64,
    pub year_yuan: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cheaper_without_system: Option<Billing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cheaper_with_pv: Option<Billing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cheaper_with_pv_storage: Option<Billing>,
}

/// A time-of-use tariff in force from a year of the lifetime on.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeOfUseFrom {
    pub from_year: u32,
    pub time_of_use: crate::scenario::TimeOfUse,
}

/// How exported power was priced (Document 136, or one fixed price).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportPricing {
    pub rule: crate::rules::export_price::RuleKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism_price_yuan_kwh: Option<f64>,
    /// [%].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism_share_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mechanism_term_years: Option<u32>,
    /// The form of the market price given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_price: Option<MarketForm>,
    /// Year-1 market price weighted by the roof's own exports [yuan/kWh].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_capture_price_yuan_kwh: Option<f64>,
    /// Price of an exported kWh in year 1 [yuan/kWh].
    pub first_year_price_yuan_kwh: f64,
    /// In the first year after the mechanism's term, when it ends within the lifetime [yuan/kWh].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after_term_price_yuan_kwh: Option<f64>,
}

/// The form of a Document 136 market price.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MarketForm {
    Flat,
    ByMonth,
    ByHour,
}

/// Year-1 self-use in one time-of-use period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodMoney {
    pub period: crate::scenario::Period,
    /// Purchase price of the period, year 1 [yuan/kWh].
    pub price_yuan_kwh: f64,
    pub self_used_kwh: f64,
    /// Self-used kWh × price [yuan] (before an EMC discount).
    pub self_use_value_yuan: f64,
}

/// The EMC investor: sells the PV power to the host at the discounted price, sells the surplus, pays
/// the roof rent, the investment and its costs.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvestorMoney {
    /// Sales to the host + export income in year 1 [yuan].
    pub first_year_revenue_yuan: f64,
    pub lifetime_revenue_yuan: f64,
    /// [yuan] (equity and loan).
    pub investment_yuan: f64,
    pub npv_yuan: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irr_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_irr_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payback_years: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discounted_payback_years: Option<f64>,
    /// Absent when nothing is delivered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lcoe_yuan_kwh: Option<f64>,
    pub by_year: Vec<CashFlowYear>,
}

/// One year of a cash flow [yuan, kWh]. Year 0 is the investment (owner, investor), then 1..years.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CashFlowYear {
    /// 0 = the investment year (owner), then 1..years.
    pub year: u32,
    pub generation_kwh: f64,
    pub self_used_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
    /// Owner: avoided purchases; host: the discount on them; investor: sales to the host.
    pub self_use_yuan: f64,
    /// Income from exported power (owner, investor).
    pub export_yuan: f64,
    /// Roof rent: received by the host (in `savingsYuan`), paid by the investor (in `costsYuan`).
    pub roof_rent_yuan: f64,
    /// What the PV brings this party in the year (owner, host: savings; investor: revenue).
    pub savings_yuan: f64,
    /// Equity part of the investment (year 0).
    pub investment_yuan: f64,
    pub om_yuan: f64,
    pub inverter_yuan: f64,
    pub loan_interest_yuan: f64,
    pub loan_principal_yuan: f64,
    /// Income tax.
    pub tax_yuan: f64,
    /// VAT paid on sales of power after the input credit of the investment (when VAT is asked for).
    pub vat_yuan: f64,
    /// City maintenance tax and education surcharges on the VAT paid.
    pub vat_surcharges_yuan: f64,
    /// Demand charge saved by the PV (owner, host; when a demand charge is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub demand_charge_yuan: Option<f64>,
    /// Sum of the costs of the year (investment, O&M, inverter, rent paid, loan, taxes).
    pub costs_yuan: f64,
    pub net_cash_flow_yuan: f64,
    /// Net cash flow summed from year 0.
    pub cumulative_yuan: f64,
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
    /// Year-1 self-used share [%]: as given (share method) or as it came out of the hours.
    pub self_use_share_pct: f64,
    /// With a load: what was used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub load: Option<crate::load::LoadSummary>,
    /// [kW]; absent for no limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_limit_kw: Option<f64>,
    /// Where the hourly generation came from, when hours were used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours_from: Option<HoursFrom>,
    /// `clearSkyShape`: the site the shape was computed for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape_latitude_deg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shape_longitude_deg: Option<f64>,
    pub tariff_kind: TariffKind,
    /// Flat tariff: the price; time of use: the mean of the 8,760 hourly prices of year 1 [yuan/kWh].
    pub grid_price_yuan_kwh: f64,
    /// Monthly purchase prices, January first [yuan/kWh].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grid_price_by_month_yuan_kwh: Option<[f64; 12]>,
    /// The time-of-use prices and schedule used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_of_use: Option<crate::scenario::TimeOfUse>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_of_use_preset: Option<String>,
    /// Time-of-use tariffs that replace the first from a year on.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub time_of_use_changes: Vec<TimeOfUseFrom>,
    /// Price of an exported kWh in year 1 [yuan/kWh] (see `money.exportPricing` for the rule).
    pub export_price_yuan_kwh: f64,
    /// Category (stated or inferred), commissioning date and province under the 2025 rules.
    pub project: crate::rules::check::ProjectSummary,
    /// Purchase-price escalation [%/yr].
    pub escalation_pct: f64,
    /// Export-price escalation [%/yr].
    pub export_escalation_pct: f64,
    pub ownership: OwnershipKind,
    /// The owner's, or the EMC investor's, investment [yuan/W].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capex_yuan_per_w: Option<f64>,
    /// Year-1 O&M [yuan/kWp/yr] (whatever the O&M form).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub om_yuan_per_kwp_year: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub om_pct_of_capex: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub om_steps: Option<Vec<crate::scenario::OmStep>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_rate_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inverter_replacement: Option<crate::scenario::InverterReplacement>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub loan: Option<crate::scenario::Loan>,
    /// With the defaults filled in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tax: Option<crate::scenario::Tax>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub discount_pct: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roof_rent_yuan_year: Option<f64>,
}

/// Where hourly generation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum HoursFrom {
    /// The annual yield laid over a clear-sky day at the site ([`crate::shape`]).
    ClearSkyShape,
    /// The hourly engine's AC output.
    HourlyEngine,
    /// Hours given by the caller ([`crate::calculate_with_hours`]).
    Supplied,
}

/// Flat or time-of-use purchase prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TariffKind {
    Flat,
    TimeOfUse,
    /// One purchase price per month (代理购电).
    Monthly,
}

/// The demand charge (需量电费) of year 1 on each month's largest hourly grid draw [yuan].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemandCharge {
    /// [yuan/kW/month].
    pub rate_yuan_per_kw_month: f64,
    /// Without PV or battery: on the load's monthly peaks.
    pub without_system_yuan: f64,
    /// With the PV alone.
    pub with_pv_yuan: f64,
    /// With PV and the battery (when a battery is given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_pv_storage_yuan: Option<f64>,
}

/// The money of one investment: NPV, IRR, payback.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Returns {
    /// Year-0 investment [yuan].
    pub investment_yuan: f64,
    /// Savings (or revenue) of year 1 [yuan].
    pub first_year_savings_yuan: f64,
    /// At the scenario's discount rate [yuan].
    pub npv_yuan: f64,
    /// [%]; absent when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub irr_pct: Option<f64>,
    /// [years]; absent when it does not pay back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payback_years: Option<f64>,
}

/// One year of the battery (year 1 and each year of the lifetime) [kWh, yuan].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageYear {
    pub year: u32,
    /// Capacity at the start of the year [% of the nameplate].
    pub state_of_health_pct: f64,
    /// Whether the cells were replaced at the end of the year.
    pub replaced: bool,
    /// AC energy drawn to charge.
    pub charge_kwh: f64,
    /// The part of it from the PV surplus.
    pub charge_from_pv_kwh: f64,
    /// The part of it from the grid.
    pub charge_from_grid_kwh: f64,
    /// AC energy delivered to the load.
    pub discharge_kwh: f64,
    /// Conversion losses: charged − delivered − the change of the stored energy.
    pub losses_kwh: f64,
    /// Auxiliary draw.
    pub auxiliary_kwh: f64,
    /// Equivalent full cycles (energy withdrawn from the cells / usable energy) [-].
    pub cycles: f64,
    /// With PV and battery.
    pub grid_import_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
    /// Energy saving from PV energy shifted by the battery, less the exports it displaces (and the
    /// auxiliary draw): the energy saving less `arbitrageYuan`.
    pub self_consumption_yuan: f64,
    /// The grid-charged share of the discharge at its purchase price, less the grid charging paid.
    pub arbitrage_yuan: f64,
    /// Demand charge saved.
    pub demand_charge_yuan: f64,
    /// Everything the battery saves in the year (energy and demand).
    pub savings_yuan: f64,
    pub om_yuan: f64,
    pub replacement_yuan: f64,
    /// The battery owner's cash flow of the year (after the host's share under EMC).
    pub net_cash_flow_yuan: f64,
}

/// One month of year 1 of the battery.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageMonth {
    /// 1–12.
    pub month: u32,
    pub charge_kwh: f64,
    pub discharge_kwh: f64,
    pub losses_kwh: f64,
    /// Equivalent full cycles [-].
    pub cycles: f64,
    /// Largest hourly grid draw with PV and battery [kW].
    pub peak_grid_kw: f64,
    /// The same with the PV alone [kW].
    pub peak_grid_pv_only_kw: f64,
    /// The load's largest hour [kW].
    pub peak_load_kw: f64,
}

/// The average day of a month of year 1, or one chosen day, by clock hour (24 values each)
/// [kW = kWh in the hour].
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageDay {
    /// 1–12.
    pub month: u32,
    /// The chosen day (1–365); absent on the average days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day_of_year: Option<u32>,
    /// State of charge at the end of the hour [% of the year's capacity].
    pub soc_pct: Vec<f64>,
    pub charge_kw: Vec<f64>,
    pub discharge_kw: Vec<f64>,
    /// Import − export.
    pub grid_kw: Vec<f64>,
    pub pv_kw: Vec<f64>,
    pub load_kw: Vec<f64>,
}

/// The battery's report: dispatch, money by source, lifetime health, and the returns of PV alone,
/// storage alone, storage added to the PV, and both.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StorageReport {
    pub dispatch: crate::storage::DispatchMode,
    /// Nameplate energy [kWh].
    pub energy_kwh: f64,
    pub power_kw: f64,
    /// Usable energy when new [kWh].
    pub usable_kwh: f64,
    /// Round-trip efficiency used [%].
    pub round_trip_efficiency_pct: f64,
    /// Investment [yuan].
    pub investment_yuan: f64,
    /// Year 1 (also `byYear[0]`).
    pub first_year: StorageYear,
    pub by_year: Vec<StorageYear>,
    pub by_month: Vec<StorageMonth>,
    pub average_day: Vec<StorageDay>,
    /// The day `storage.dayOfYear`, hour by hour (when given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chosen_day: Option<StorageDay>,
    /// The PV alone (the owner's or host's cash flow of `money`).
    pub pv_alone: Returns,
    /// The battery at the site without PV.
    pub storage_alone: Returns,
    /// The battery added to the PV (savings against the PV alone).
    pub storage_with_pv: Returns,
    /// PV and battery together.
    pub both: Returns,
    /// Under EMC: the host's share of the battery's savings [%].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_share_pct: Option<f64>,
    /// Under EMC: the host's yearly gain from the battery, year 1 [yuan].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host_first_year_yuan: Option<f64>,
}

/// One point of the battery sizing sweep (`sweepStorage`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SweepPoint {
    pub power_kw: f64,
    /// Hours of storage at full power [h].
    pub duration_h: f64,
    pub energy_kwh: f64,
    /// The battery added to the PV.
    pub returns: Returns,
}
