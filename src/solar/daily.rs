//! Daily and monthly solar geometry of the monthly method (Duffie & Beckman, *Solar Engineering of
//! Thermal Processes*, 4th ed., ch. 1–2): declination, sunset hour angle, daily extraterrestrial
//! irradiation, the equation of time, the Erbs diffuse fractions and the hourly shares of a day.

use super::SOLAR_CONSTANT_W_M2;
use crate::calendar::DAYS_IN_MONTH;

/// Klein's recommended average day of each month (Duffie & Beckman table 1.6.1), day of year.
pub const KLEIN_DAYS: [u32; 12] = [17, 47, 75, 105, 135, 162, 198, 228, 258, 288, 318, 344];
/// Declination [°] on day of year `n` (Cooper 1969, D&B eq. 1.6.1a).
pub fn declination_deg(n: u32) -> f64 {
    23.45 * (360.0 * (284.0 + f64::from(n)) / 365.0).to_radians().sin()
}

/// Sunset hour angle [°] (D&B eq. 1.6.10); 0 in polar night, 180 in polar day.
pub fn sunset_hour_angle_deg(latitude_deg: f64, declination_deg: f64) -> f64 {
    let x = -latitude_deg.to_radians().tan() * declination_deg.to_radians().tan();
    x.clamp(-1.0, 1.0).acos().to_degrees()
}

/// Daily extraterrestrial irradiation on a horizontal surface [kWh/m²] (D&B eq. 1.10.3).
pub fn daily_extraterrestrial_kwh_m2(latitude_deg: f64, n: u32) -> f64 {
    let phi = latitude_deg.to_radians();
    let delta = declination_deg(n).to_radians();
    let ws = sunset_hour_angle_deg(latitude_deg, declination_deg(n)).to_radians();
    let e0 = 1.0 + 0.033 * (360.0 * f64::from(n) / 365.0).to_radians().cos();
    let h0 = 24.0 * 3600.0 * SOLAR_CONSTANT_W_M2 / std::f64::consts::PI
        * e0
        * (phi.cos() * delta.cos() * ws.sin() + ws * phi.sin() * delta.sin());
    (h0 / 3.6e6).max(0.0)
}

/// Extraterrestrial horizontal irradiation of each month [kWh/m²] at a latitude: the sum over
/// its days (non-leap year). The upper limit of monthly GHI.
pub fn extraterrestrial_monthly_kwh_m2(latitude_deg: f64) -> [f64; 12] {
    let mut out = [0.0; 12];
    let mut n = 1;
    for (m, days) in DAYS_IN_MONTH.iter().enumerate() {
        for _ in 0..*days {
            out[m] += daily_extraterrestrial_kwh_m2(latitude_deg, n);
            n += 1;
        }
    }
    out
}

/// Erbs, Klein & Duffie (1982) monthly-average diffuse fraction H̄d/H̄ from K̄T and the sunset
/// hour angle of the month's mean day (D&B eq. 2.12.1; fitted for 0.3 ≤ K̄T ≤ 0.8, clamped there).
pub fn erbs_monthly_diffuse_fraction(kt: f64, sunset_hour_angle_deg: f64) -> f64 {
    let k = kt.clamp(0.3, 0.8);
    let f = if sunset_hour_angle_deg <= 81.4 {
        1.391 - 3.560 * k + 4.189 * k * k - 2.137 * k * k * k
    } else {
        1.311 - 3.022 * k + 3.427 * k * k - 1.821 * k * k * k
    };
    f.clamp(0.0, 1.0)
}

/// Erbs, Klein & Duffie (1982) daily diffuse fraction H_d/H from the day's K_T (D&B eq. 2.11.2).
pub fn erbs_daily_diffuse_fraction(kt: f64, sunset_hour_angle_deg: f64) -> f64 {
    let k = kt.max(0.0);
    let f = if sunset_hour_angle_deg <= 81.4 {
        if k < 0.715 {
            1.0 - 0.2727 * k + 2.4495 * k * k - 11.9514 * k.powi(3) + 9.3879 * k.powi(4)
        } else {
            0.143
        }
    } else if k < 0.722 {
        1.0 + 0.2832 * k - 2.5557 * k * k + 0.8448 * k.powi(3)
    } else {
        0.175
    };
    f.clamp(0.0, 1.0)
}

/// Collares-Pereira & Rabl (1979) ratio of hourly to daily global irradiation, r_t, at hour angle
/// `w` [rad] for sunset hour angle `ws` [rad] (D&B eq. 2.13.2), per hour.
pub fn collares_pereira_rabl_rt(w: f64, ws: f64) -> f64 {
    let a = 0.409 + 0.5016 * (ws - std::f64::consts::FRAC_PI_3).sin();
    let b = 0.6609 - 0.4767 * (ws - std::f64::consts::FRAC_PI_3).sin();
    (a + b * w.cos()) * liu_jordan_rd(w, ws)
}

/// Liu & Jordan (1960) ratio of hourly to daily diffuse irradiation, r_d (D&B eq. 2.13.1), per
/// hour; 0 outside (−ws, ws).
pub fn liu_jordan_rd(w: f64, ws: f64) -> f64 {
    if w.abs() >= ws {
        return 0.0;
    }
    let den = ws.sin() - ws * ws.cos();
    if den <= 0.0 {
        return 0.0;
    }
    std::f64::consts::PI / 24.0 * (w.cos() - ws.cos()) / den
}

/// Equation of time [min] on day of year `n` (1 = 1 January): Spencer 1971
/// ([`super::spencer::declination_eot`]), within about ±0.5 min of NREL SPA.
pub fn equation_of_time_minutes(n: u32) -> f64 {
    super::spencer::declination_eot(f64::from(n) - 1.0).1
}
