//! One year of the battery in its dispatch mode, from the stored energy `soc0`; `optimal` solves
//! months instead of days when a demand charge applies.

use super::battery::{Battery, Limits};
use super::flow::{Hour, SiteYear};
use super::optimal::{optimal, optimal_with_demand};
use super::rules::{monthly_targets, peak_shaving, self_consumption, time_of_use};
use super::spec::DispatchMode;

/// The hours of one year of `site` under `b`'s mode and the year's limits `lim`, with a demand
/// charge of `demand_yuan_per_kw_month` (0 without).
pub fn year(
    b: &Battery,
    mode: DispatchMode,
    site: &SiteYear,
    lim: &Limits,
    soc0: f64,
    demand_yuan_per_kw_month: f64,
) -> Vec<Hour> {
    match mode {
        DispatchMode::SelfConsumption => self_consumption(site, lim, soc0),
        DispatchMode::TimeOfUse => time_of_use(site, lim, soc0, b.cycles_per_day),
        DispatchMode::PeakShaving => {
            let targets = b
                .peak_target_kw
                .unwrap_or_else(|| monthly_targets(site, lim));
            peak_shaving(site, lim, soc0, &targets)
        }
        DispatchMode::Optimal if demand_yuan_per_kw_month > 0.0 => {
            optimal_with_demand(site, lim, soc0, demand_yuan_per_kw_month)
        }
        DispatchMode::Optimal => optimal(site, lim, soc0),
    }
}
