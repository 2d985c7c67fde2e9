//! The battery, resolved: every default filled in, percentages as fractions; and the limits it
//! dispatches under in a year of a given state of health.
//!
//! Efficiency: the AC round-trip efficiency η is split evenly, η_c = η_d = √η, the convention of
//! PyPSA's `StorageUnit` (round trip = `efficiency_store` × `efficiency_dispatch`) and of SAM's
//! battery model (charge and discharge conversion losses applied once each way).

use super::spec::DispatchMode;

/// When the cells are replaced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Replacement {
    /// At the end of this year.
    Year(u32),
    /// At the end of the year in which the capacity falls below this share of the nameplate [-].
    EndOfLife(f64),
}

/// A resolved battery (fractions [-] where the scenario has percentages).
#[derive(Debug, Clone, PartialEq)]
pub struct Battery {
    pub energy_kwh: f64,
    pub power_kw: f64,
    pub dispatch: DispatchMode,
    pub round_trip_efficiency: f64,
    pub soc_min: f64,
    pub soc_max: f64,
    pub auxiliary_kw: f64,
    /// Capacity fade [-/yr].
    pub calendar_fade: f64,
    /// Capacity fade [-/equivalent full cycle].
    pub cycle_fade: f64,
    pub replacement: Replacement,
    pub replacement_cost_yuan_per_kwh: f64,
    pub capex_yuan_per_kwh: f64,
    pub capex_yuan_per_kw: f64,
    /// Yearly O&M [-] of the investment.
    pub om_share: f64,
    pub grid_charging: bool,
    pub cycles_per_day: f64,
    /// Monthly grid-draw targets [kW] (`peakShaving`), January first.
    pub peak_target_kw: Option<[f64; 12]>,
    /// Host's share of the savings when a third party owns the battery [-].
    pub host_share: Option<f64>,
    /// The day of year 1 (1–365) the report shows hour by hour.
    pub day_of_year: Option<u32>,
}

impl Battery {
    /// Investment [yuan] = energy × yuan/kWh + power × yuan/kW.
    pub fn investment_yuan(&self) -> f64 {
        self.energy_kwh * self.capex_yuan_per_kwh + self.power_kw * self.capex_yuan_per_kw
    }

    /// Charge efficiency η_c = √η [-].
    pub fn charge_efficiency(&self) -> f64 {
        self.round_trip_efficiency.sqrt()
    }

    /// The limits of a year in which the capacity is `health` × the nameplate.
    pub fn limits(&self, health: f64) -> Limits {
        let eta = self.round_trip_efficiency.sqrt();
        let capacity_kwh = self.energy_kwh * health;
        Limits {
            soc_min_kwh: capacity_kwh * self.soc_min,
            soc_max_kwh: capacity_kwh * self.soc_max,
            power_kw: self.power_kw,
            charge_efficiency: eta,
            discharge_efficiency: eta,
            auxiliary_kwh: self.auxiliary_kw,
            grid_charging: self.grid_charging,
        }
    }
}

/// What bounds the dispatch of one year (hourly steps: kW × 1 h = kWh).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Stored energy bounds [kWh].
    pub soc_min_kwh: f64,
    pub soc_max_kwh: f64,
    /// AC charge and discharge limit [kW].
    pub power_kw: f64,
    /// Stored / drawn AC energy on charge [-].
    pub charge_efficiency: f64,
    /// Delivered AC / withdrawn stored energy on discharge [-].
    pub discharge_efficiency: f64,
    /// Auxiliary draw of each hour [kWh].
    pub auxiliary_kwh: f64,
    pub grid_charging: bool,
}

impl Limits {
    /// Usable energy [kWh].
    pub fn usable_kwh(&self) -> f64 {
        self.soc_max_kwh - self.soc_min_kwh
    }
}
