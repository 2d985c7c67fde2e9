//! Lumped DC losses of PVWatts: one derate applied to DC power before the inverter.
//!
//! Reference: A. P. Dobos, "PVWatts Version 5 Manual", NREL/TP-6A20-62641 (2014), Table 4 (the
//! default loss categories); NREL ssc `ssc/cmod_pvwattsv8.cpp` (`losses`, applied to DC).

/// The PVWatts loss categories [%], combined multiplicatively.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DcLosses {
    pub soiling: f64,
    pub shading: f64,
    pub snow: f64,
    pub mismatch: f64,
    pub wiring: f64,
    pub connections: f64,
    /// Light-induced degradation.
    pub lid: f64,
    pub nameplate: f64,
    pub age: f64,
    pub availability: f64,
}

impl Default for DcLosses {
    /// The PVWatts defaults, 14.0757 % in total.
    fn default() -> Self {
        DcLosses {
            soiling: 2.0,
            shading: 3.0,
            snow: 0.0,
            mismatch: 2.0,
            wiring: 2.0,
            connections: 0.5,
            lid: 1.5,
            nameplate: 1.0,
            age: 0.0,
            availability: 3.0,
        }
    }
}

impl DcLosses {
    /// Total loss [%] = 100·(1 − Π(1 − Lᵢ/100)).
    pub fn total_pct(&self) -> f64 {
        let parts = [
            self.soiling,
            self.shading,
            self.snow,
            self.mismatch,
            self.wiring,
            self.connections,
            self.lid,
            self.nameplate,
            self.age,
            self.availability,
        ];
        100.0 * (1.0 - parts.iter().map(|l| 1.0 - l / 100.0).product::<f64>())
    }
}

/// The PVWatts default total DC loss [%].
pub const DEFAULT_LOSSES_PCT: f64 = 14.0757;
