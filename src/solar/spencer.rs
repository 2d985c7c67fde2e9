//! Declination and equation of time from J. W. Spencer, "Fourier series representation of the
//! position of the sun", *Search* 2(5), 1971 (as in Iqbal, *An Introduction to Solar Radiation*,
//! 1983, eqs. 1.3.1 and 1.4.1): about 0.03° and 30 s — for shapes and quality limits, not for the
//! hourly chain (NREL SPA, [`super::position`]).

use std::f64::consts::PI;

/// Solar declination [rad] and equation of time [min] on day `day` of the year (0 = 1 January),
/// with the day angle Γ = 2π·day / 365.
pub fn declination_eot(day: f64) -> (f64, f64) {
    let g = 2.0 * PI * day / 365.0;
    let declination = 0.006918 - 0.399912 * g.cos() + 0.070257 * g.sin()
        - 0.006758 * (2.0 * g).cos()
        + 0.000907 * (2.0 * g).sin()
        - 0.002697 * (3.0 * g).cos()
        + 0.00148 * (3.0 * g).sin();
    let eot_min = 229.18
        * (0.000075 + 0.001868 * g.cos()
            - 0.032077 * g.sin()
            - 0.014615 * (2.0 * g).cos()
            - 0.040849 * (2.0 * g).sin());
    (declination, eot_min)
}
