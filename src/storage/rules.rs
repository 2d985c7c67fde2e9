//! The rule-based dispatch modes, hour by hour with the stored energy carried from hour to hour:
//! - `selfConsumption`: charge from the PV surplus, discharge when the load exceeds the PV;
//! - `timeOfUse`: charge from the surplus in any hour and from the grid (when allowed) in the
//!   valley and deep valley, discharge in the peak and critical peak, at most `cyclesPerDay`
//!   equivalent full cycles of discharge a day (two peaks with a valley between: 两充两放);
//! - `peakShaving`: discharge what the net load exceeds the month's target, recharge up to the
//!   target (from the grid when allowed, else from the surplus); the target of a month, when not
//!   given, is the largest of its days' lowest holdable targets ([`lowest_target_kwh`]).

use super::battery::Limits;
use super::flow::{max_charge, max_discharge, step, Hour, SiteYear};
use crate::calendar::month_of_day;

/// Periods that charge from the grid (valley, deep valley) and that discharge (critical peak, peak),
/// as [`crate::tariff::period_index`].
const VALLEYS: [u8; 2] = [3, 4];
const PEAKS: [u8; 2] = [0, 1];

/// `selfConsumption` over the year from stored energy `soc0` [kWh].
pub fn self_consumption(site: &SiteYear, lim: &Limits, soc0: f64) -> Vec<Hour> {
    let mut soc = soc0;
    (0..site.load_kwh.len())
        .map(|h| {
            let base = site.base_kwh(h, lim);
            let hour = if base < 0.0 {
                charge_from_surplus(site, base, soc, lim)
            } else {
                step(
                    base,
                    soc,
                    0.0,
                    max_discharge(base, soc, lim),
                    lim,
                    site.export_limit_kwh,
                )
            };
            soc = hour.soc_kwh;
            hour
        })
        .collect()
}

/// One hour charging from the PV surplus `-base_kwh` [kWh] only (never from the grid).
fn charge_from_surplus(site: &SiteYear, base_kwh: f64, soc_kwh: f64, lim: &Limits) -> Hour {
    let charge_kwh = max_charge(base_kwh, soc_kwh, lim).min(-base_kwh);
    step(
        base_kwh,
        soc_kwh,
        charge_kwh,
        0.0,
        lim,
        site.export_limit_kwh,
    )
}

/// `timeOfUse` over the year from `soc0` [kWh], at most `cycles_per_day` × the usable energy
/// withdrawn a day.
pub fn time_of_use(site: &SiteYear, lim: &Limits, soc0: f64, cycles_per_day: f64) -> Vec<Hour> {
    let mut soc = soc0;
    let budget_kwh = cycles_per_day * lim.usable_kwh();
    let mut withdrawn = 0.0;
    (0..site.load_kwh.len())
        .map(|h| {
            if h % 24 == 0 {
                withdrawn = 0.0;
            }
            let base = site.base_kwh(h, lim);
            let period = site.periods.get(h).copied().unwrap_or(2);
            let hour = if PEAKS.contains(&period) && base > 0.0 {
                let left = ((budget_kwh - withdrawn) * lim.discharge_efficiency).max(0.0);
                let d = max_discharge(base, soc, lim).min(left);
                withdrawn += d / lim.discharge_efficiency;
                step(base, soc, 0.0, d, lim, site.export_limit_kwh)
            } else if VALLEYS.contains(&period) {
                step(
                    base,
                    soc,
                    max_charge(base, soc, lim),
                    0.0,
                    lim,
                    site.export_limit_kwh,
                )
            } else if base < 0.0 {
                charge_from_surplus(site, base, soc, lim)
            } else {
                step(base, soc, 0.0, 0.0, lim, site.export_limit_kwh)
            };
            soc = hour.soc_kwh;
            hour
        })
        .collect()
}

/// One hour of `peakShaving` under target `target_kwh` [kWh in the hour = kW].
#[inline]
fn shave_hour(base: f64, soc: f64, target_kwh: f64, lim: &Limits, export_limit: f64) -> Hour {
    if base > target_kwh {
        let d = max_discharge(base, soc, lim).min(base - target_kwh);
        step(base, soc, 0.0, d, lim, export_limit)
    } else {
        let c = max_charge(base, soc, lim).min(target_kwh - base);
        step(base, soc, c, 0.0, lim, export_limit)
    }
}

/// `peakShaving` over the year from `soc0` [kWh] under the monthly targets `target_kw`.
pub fn peak_shaving(site: &SiteYear, lim: &Limits, soc0: f64, target_kw: &[f64; 12]) -> Vec<Hour> {
    let mut soc = soc0;
    (0..site.load_kwh.len())
        .map(|h| {
            let target = target_kw[month_of_day(h / 24)];
            let hour = shave_hour(
                site.base_kwh(h, lim),
                soc,
                target,
                lim,
                site.export_limit_kwh,
            );
            soc = hour.soc_kwh;
            hour
        })
        .collect()
}

/// Whether the greedy rule holds every hour of `base` (one day) under `target` starting full: it
/// keeps the stored energy as high as the target allows at every hour, so it holds whenever any
/// dispatch does.
fn holds(base: &[f64], target: f64, lim: &Limits) -> bool {
    let mut soc = lim.soc_max_kwh;
    base.iter().all(|&b| {
        let hour = shave_hour(b, soc, target, lim, f64::INFINITY);
        soc = hour.soc_kwh;
        hour.import_kwh <= target + 1e-9 * target.max(1.0)
    })
}

/// The lowest grid draw [kW] at or above `floor` that the battery holds on a day of net loads
/// `base` [kWh] (starting the day full, perfect foresight), by bisection to 1e-6 of the peak between
/// max(peak − power, floor, 0) and the peak; `floor` itself when it holds.
pub fn lowest_target_kwh(base: &[f64], lim: &Limits, floor: f64) -> f64 {
    let peak = base.iter().fold(0.0f64, |m, &b| m.max(b));
    if floor >= peak {
        return floor;
    }
    let (mut lo, mut hi) = ((peak - lim.power_kw).max(floor).max(0.0), peak);
    if holds(base, lo, lim) {
        return lo;
    }
    while hi - lo > 1e-6 * peak.max(1.0) {
        let mid = 0.5 * (lo + hi);
        if holds(base, mid, lim) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// Each month's target [kW]: the largest of its days' lowest holdable targets. A day that holds
/// the largest target so far needs no search of its own (a target that holds keeps holding above).
pub fn monthly_targets(site: &SiteYear, lim: &Limits) -> [f64; 12] {
    let mut out = [0.0f64; 12];
    let mut base = [0.0; 24];
    for day in 0..site.load_kwh.len() / 24 {
        for (i, b) in base.iter_mut().enumerate() {
            *b = site.base_kwh(day * 24 + i, lim);
        }
        let m = month_of_day(day);
        out[m] = lowest_target_kwh(&base, lim, out[m]);
    }
    out
}
