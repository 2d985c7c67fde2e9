//! The inverter of PVWatts v8: the Sandia inverter model with the curvature and voltage terms set
//! to zero, i.e. a straight line through the self-consumption point, clipped at the AC rating.
//!
//! References: D. L. King, S. Gonzalez, G. M. Galbraith, W. E. Boyson, "Performance model for
//! grid-connected photovoltaic inverters", Sandia SAND2007-5036; NREL ssc `shared/lib_sandia.cpp`
//! (`sandia_inverter_t::acpower`) and `ssc/cmod_pvwattsv8.cpp` (P_dco = P_aco/η_nom, C0–C3 = 0,
//! P_nt = 0, P_so by system size). pvlib `inverter.sandia` is the same model.

use crate::minmax::MinMax;

/// The PVWatts v8 inverter of a system.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct InverterV8 {
    /// AC rating P_aco [W].
    pub paco: f64,
    /// DC input at which the AC rating is reached with nominal efficiency, P_dco [W].
    pub pdco: f64,
    /// DC power needed to start inverting, P_so [W].
    pub pso: f64,
}

/// Self-consumption P_so as a fraction of P_aco, by DC nameplate [W], as ssc compares it: the
/// thresholds 10 and 1000 were meant in kW but the nameplate is in W, so every system of 1 kW or
/// more gets the utility-scale value 0.004931 (kept for parity with PVWatts v8).
pub fn pso_fraction_pvwatts_v8(dc_nameplate_w: f64) -> f64 {
    if dc_nameplate_w < 10.0 {
        0.002246
    } else if dc_nameplate_w < 1000.0 {
        0.002478
    } else {
        0.004931
    }
}

impl InverterV8 {
    /// The inverter of a system of DC nameplate [W], DC/AC ratio [-] and nominal efficiency [-].
    pub fn new(dc_nameplate_w: f64, dc_ac_ratio: f64, eta_nominal: f64) -> InverterV8 {
        let paco = dc_nameplate_w / dc_ac_ratio;
        InverterV8 {
            paco,
            pdco: paco / eta_nominal,
            pso: pso_fraction_pvwatts_v8(dc_nameplate_w) * paco,
        }
    }

    /// AC output before clipping [W] at a DC input [W]: P_aco/(P_dco − P_so)·(P_dc − P_so), zero at
    /// or below P_so (Sandia model with C0 = C1 = C2 = C3 = 0, P_nt = 0).
    pub fn ac_unclipped(&self, pdc: f64) -> f64 {
        if pdc <= self.pso {
            0.0
        } else {
            self.paco / (self.pdco - self.pso) * (pdc - self.pso)
        }
    }

    /// AC output [W], clipped at P_aco.
    pub fn ac(&self, pdc: f64) -> f64 {
        self.ac_unclipped(pdc).fmin(self.paco)
    }
}
