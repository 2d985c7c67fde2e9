//! One hour of the site with a battery behind the meter: the balance
//! PV + import + discharge = load + auxiliary + charge + export + curtailed [kWh],
//! the stored energy SOC(t+1) = SOC(t) + η_c·charge − discharge / η_d [kWh].
//! The battery never exports (its discharge serves the site's load only) and never charges and
//! discharges in the same hour.

use super::battery::Limits;

/// One year of the site, hour by hour (8,760 values each).
#[derive(Debug, Clone, Copy)]
pub struct SiteYear<'a> {
    /// Consumption [kWh].
    pub load_kwh: &'a [f64],
    /// PV generation of the year (degraded) [kWh]; empty for a site without PV.
    pub pv_kwh: &'a [f64],
    /// Purchase price of each hour in this year [yuan/kWh].
    pub import_yuan_kwh: &'a [f64],
    /// Price of an exported kWh in this year [yuan/kWh].
    pub export_yuan_kwh: f64,
    /// Most energy the connection exports in an hour [kWh] (0 = zero export; ∞ without a limit).
    pub export_limit_kwh: f64,
    /// Time-of-use period of each hour ([`crate::tariff::period_index`]); empty for a flat price.
    pub periods: &'a [u8],
}

impl SiteYear<'_> {
    /// PV of hour `h` [kWh].
    #[inline]
    pub fn pv(&self, h: usize) -> f64 {
        self.pv_kwh.get(h).copied().unwrap_or(0.0)
    }

    /// Net load of hour `h` with the auxiliary draw, before the battery [kWh] (< 0: surplus).
    #[inline]
    pub fn base_kwh(&self, h: usize, lim: &Limits) -> f64 {
        self.load_kwh[h] + lim.auxiliary_kwh - self.pv(h)
    }
}

/// One hour with the battery [kWh].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Hour {
    /// AC energy drawn to charge.
    pub charge_kwh: f64,
    /// AC energy delivered by discharge.
    pub discharge_kwh: f64,
    /// Stored energy at the end of the hour.
    pub soc_kwh: f64,
    pub import_kwh: f64,
    pub export_kwh: f64,
    pub curtailed_kwh: f64,
}

/// Grid exchange of a net load `net_kwh` (after the battery): import when positive, else export up
/// to `export_limit_kwh` and curtail the rest. Returns (import, export, curtailed) [kWh].
#[inline]
pub fn settle(net_kwh: f64, export_limit_kwh: f64) -> (f64, f64, f64) {
    if net_kwh >= 0.0 {
        (net_kwh, 0.0, 0.0)
    } else {
        let e = (-net_kwh).min(export_limit_kwh);
        (0.0, e, -net_kwh - e)
    }
}

/// Largest AC charge of an hour with net load `base` [kWh] from stored energy `soc`: the power,
/// the room left, and the PV surplus when the grid may not charge.
#[inline]
pub fn max_charge(base: f64, soc: f64, lim: &Limits) -> f64 {
    let room = ((lim.soc_max_kwh - soc) / lim.charge_efficiency).max(0.0);
    let source = if lim.grid_charging {
        f64::INFINITY
    } else {
        (-base).max(0.0)
    };
    lim.power_kw.min(room).min(source)
}

/// Largest AC discharge of an hour with net load `base` [kWh]: the power, the stored energy above
/// the minimum, and the load (no export from the battery).
#[inline]
pub fn max_discharge(base: f64, soc: f64, lim: &Limits) -> f64 {
    let stored = ((soc - lim.soc_min_kwh) * lim.discharge_efficiency).max(0.0);
    lim.power_kw.min(stored).min(base.max(0.0))
}

/// The hour after charging `charge` or discharging `discharge` (one of them zero) [kWh].
#[inline]
pub fn step(
    base: f64,
    soc: f64,
    charge: f64,
    discharge: f64,
    lim: &Limits,
    export_limit: f64,
) -> Hour {
    debug_assert!(
        charge == 0.0 || discharge == 0.0,
        "charge and discharge in one hour"
    );
    let soc_kwh = soc + charge * lim.charge_efficiency - discharge / lim.discharge_efficiency;
    let (import_kwh, export_kwh, curtailed_kwh) = settle(base + charge - discharge, export_limit);
    Hour {
        charge_kwh: charge,
        discharge_kwh: discharge,
        soc_kwh,
        import_kwh,
        export_kwh,
        curtailed_kwh,
    }
}
