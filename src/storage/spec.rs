//! The battery as the scenario spells it (`storage`, optional): plain data across the JSON /
//! JavaScript boundary, checked and resolved by [`crate::resolve::storage`].

use serde::Serialize;

/// How the battery is dispatched hour by hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DispatchMode {
    /// Charge from the PV surplus, discharge whenever the load exceeds the PV.
    SelfConsumption,
    /// Charge in the valley (from the grid when allowed) and from the surplus, discharge in the peak
    /// and critical peak, at most `cyclesPerDay` (两充两放 when the day has two peaks).
    TimeOfUse,
    /// Hold each month's grid draw under a target (given, or the lowest holdable with foresight of
    /// each day), for the demand charge.
    PeakShaving,
    /// The least-cost dispatch of each day with perfect foresight of its hours, of each month under
    /// a demand charge (energy + demand charge): the upper bound of the savings.
    Optimal,
}
crate::from_json_enum!(DispatchMode {
    SelfConsumption: "selfConsumption",
    TimeOfUse: "timeOfUse",
    PeakShaving: "peakShaving",
    Optimal: "optimal",
});

/// A third party owns the battery (EMC): the host receives a share of its savings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StorageInvestor {
    /// Share of the battery's savings (peak–valley and demand charge) left to the host [%].
    pub host_share_pct: f64,
}
crate::from_json_struct!(StorageInvestor {
    host_share_pct: "hostSharePct",
});

/// A battery behind the site meter, AC-coupled after the PV inverter.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Storage {
    /// Nameplate energy [kWh]; the usable part lies between `socMinPct` and `socMaxPct`.
    pub energy_kwh: f64,
    /// Largest charge and discharge power at the AC terminals [kW].
    pub power_kw: f64,
    /// How the battery is dispatched; default `timeOfUse`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatch: Option<DispatchMode>,
    /// AC round-trip efficiency [%], split √η per direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub round_trip_efficiency_pct: Option<f64>,
    /// Lowest state of charge [% of the energy].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soc_min_pct: Option<f64>,
    /// Highest state of charge [% of the energy].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub soc_max_pct: Option<f64>,
    /// Constant auxiliary draw (cooling, controls) [kW].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auxiliary_kw: Option<f64>,
    /// Calendar capacity fade [% of the nameplate per year].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar_fade_pct_per_year: Option<f64>,
    /// Cycle capacity fade [% of the nameplate per equivalent full cycle].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycle_fade_pct_per_cycle: Option<f64>,
    /// Replace the cells once the capacity falls below this [% of the nameplate] (unless
    /// `replacementYear` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_of_life_pct: Option<f64>,
    /// Replace the cells at the end of this year instead (1…lifetime − 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_year: Option<u32>,
    /// Cost of a cell replacement [yuan/kWh of nameplate].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replacement_cost_yuan_per_kwh: Option<f64>,
    /// Investment per nameplate energy [yuan/kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex_yuan_per_kwh: Option<f64>,
    /// Investment per power (PCS, transformer) [yuan/kW].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex_yuan_per_kw: Option<f64>,
    /// Yearly O&M [% of the investment].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_pct_of_capex: Option<f64>,
    /// Whether the battery may charge from the grid; default true.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid_charging: Option<bool>,
    /// `timeOfUse`: most equivalent full cycles a day; default 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cycles_per_day: Option<f64>,
    /// `peakShaving`: the grid-draw target of each month [kW], January first; default the lowest the
    /// battery holds with foresight of each day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub peak_target_kw: Option<Vec<f64>>,
    /// A third party owns the battery (EMC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investor: Option<StorageInvestor>,
    /// A day of year 1 (1–365, 1 = 1 January) whose hours the report shows (`storage.chosenDay`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day_of_year: Option<u32>,
}
crate::from_json_struct!(Storage {
    energy_kwh: "energyKwh",
    power_kw: "powerKw",
    dispatch: "dispatch",
    round_trip_efficiency_pct: "roundTripEfficiencyPct",
    soc_min_pct: "socMinPct",
    soc_max_pct: "socMaxPct",
    auxiliary_kw: "auxiliaryKw",
    calendar_fade_pct_per_year: "calendarFadePctPerYear",
    cycle_fade_pct_per_cycle: "cycleFadePctPerCycle",
    end_of_life_pct: "endOfLifePct",
    replacement_year: "replacementYear",
    replacement_cost_yuan_per_kwh: "replacementCostYuanPerKwh",
    capex_yuan_per_kwh: "capexYuanPerKwh",
    capex_yuan_per_kw: "capexYuanPerKw",
    om_pct_of_capex: "omPctOfCapex",
    grid_charging: "gridCharging",
    cycles_per_day: "cyclesPerDay",
    peak_target_kw: "peakTargetKw",
    investor: "investor",
    day_of_year: "dayOfYear",
});

/// The grid of the battery sizing sweep (`sweepStorage`): every power × every duration.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SweepGrid {
    /// Battery powers [kW].
    pub powers_kw: Vec<f64>,
    /// Hours of storage at full power [h], each > 0.
    pub durations_h: Vec<f64>,
}
crate::from_json_struct!(SweepGrid {
    powers_kw: "powersKw",
    durations_h: "durationsH",
});
