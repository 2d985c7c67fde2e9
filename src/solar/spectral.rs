//! Spectral correction by air mass: the De Soto (King) air-mass modifier of the CEC model.
//!
//! References: W. De Soto, S. A. Klein, W. A. Beckman, Solar Energy 80 (2006) 78–88 (eq. 22,
//! coefficients for crystalline silicon); D. L. King et al., "Photovoltaic array performance
//! model", Sandia SAND2004-3535 (absolute air mass); NREL ssc `shared/lib_cec6par.cpp`
//! (`air_mass_modifier`), used by PVWatts v8 for all three module types.

use crate::minmax::MinMax;
use std::f64::consts::PI;

/// Coefficients a0…a4 of M(AM) = Σ aᵢ·AMⁱ (De Soto et al. 2006; ssc `AMdesoto`).
pub const DESOTO_AM_COEFFICIENTS: [f64; 5] = [0.918093, 0.086257, -0.024459, 0.002816, -0.000126];

/// Absolute air mass [-] at a zenith angle [°] and site elevation [m]:
/// 1/(cos z + 0.5057·(96.080 − z)^−1.634)·exp(−0.0001184·elevation), the zenith clipped to
/// [0°, 86°] as ssc does before the modifier (King et al. 2004; Kasten & Young 1989 form).
pub fn airmass_absolute_desoto(zenith_deg: f64, elevation_m: f64) -> f64 {
    let z = zenith_deg.clamp(0.0, 86.0);
    (-0.000_118_4 * elevation_m).exp()
        / ((z * PI / 180.0).cos() + 0.5057 * (96.080 - z).powf(-1.634))
}

/// De Soto air-mass modifier M [-] of an absolute air mass [-] (never negative).
pub fn desoto_air_mass_modifier(airmass_absolute: f64) -> f64 {
    let a = &DESOTO_AM_COEFFICIENTS;
    let m = airmass_absolute;
    (a[0] + m * (a[1] + m * (a[2] + m * (a[3] + m * a[4])))).fmax(0.0)
}
