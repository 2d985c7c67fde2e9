//! Hours from a station's typical days (`resource.method = 'station'`).
//!
//! Timing: the CSWD typical day's clock hour h is EPW row h+1, and its irradiance holds at clock
//! time h:00 Beijing time (UTC+8) — the daily irradiance centroid of every station falls on solar
//! noon only under that reading (`data/README.md`, "clock_hour"). So each
//! synthesised row has the nominal interval [h:00, h+1:00) in UTC+8 and
//! [`Timing::Start`](crate::weather::Timing::Start): the sun at h:00, exactly as the engine reads the
//! station's own EPW file. Stamps are dated [`SYNTH_YEAR`] (2005, the year field of every CSWD
//! EPW row), so the sun path is the one of the station's EPW.
//!
//! GHI and DHI are scaled to the exact monthly table. The days of a month are not all the
//! month's average day: [`Variability::Daily`] (the default) makes clear and cloudy days from the
//! monthly clearness, which brings the yield within ±2.4 % of the station's full EPW instead of
//! +1.4…+5.5 % too high (tests/climate_accuracy.rs): the average day never has the strong sun
//! that heats the cells and clips at the inverter, nor the dull days of low-light losses.

use super::{climate, StationClimate, DAYS_IN_MONTH, SOURCE};
use crate::error::ScenarioError;
use crate::solar::daily::{
    daily_extraterrestrial_kwh_m2, declination_deg, erbs_daily_diffuse_fraction,
    sunset_hour_angle_deg, KLEIN_DAYS,
};
use crate::weather::{Location, Provenance, Stamp, Timing, Weather, WeatherFormat};

/// Year of the synthesised stamps (non-leap; the year field of every CSWD EPW row).
pub const SYNTH_YEAR: i32 = 2005;

/// Where the sun is computed: the user's roof. `None` in [`station_weather`] means the station
/// itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// [°] north positive.
    pub latitude: f64,
    /// [°] east positive.
    pub longitude: f64,
    /// [m]; `None`: the station's elevation (station method) or 0 m (monthly method).
    pub elevation_m: Option<f64>,
}

/// Day-to-day variability of the synthesised days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Variability {
    /// Every day of a month is the month's average day.
    None,
    /// Clear and cloudy days: daily clearness indices at the quantiles of the Bendt, Collares-Pereira
    /// & Rabl (1981) distribution for the month's mean clearness (deterministic, mean preserved),
    /// each day's diffuse part by the Erbs et al. (1982) daily correlation rescaled to keep the
    /// month's diffuse total; the typical day's hourly GHI, DHI and DNI shapes are scaled by the
    /// day's global, diffuse and beam totals. The product's choice (tests/climate_accuracy.rs).
    #[default]
    Daily,
}

/// Station pressure [mbar] of the standard atmosphere at an elevation [m] (ISO 2533; the formula
/// the weather readers use for files without pressure).
pub(crate) fn standard_pressure_mbar(elevation_m: f64) -> f64 {
    1013.25 * (1.0 - 2.25577e-5 * elevation_m.max(-500.0)).powf(5.25588)
}

/// 8,760 hours from a station's typical days with daily variability (see the module
/// documentation for the timing). The sun is computed at `place` (the user's roof) when given,
/// else at the station; the hours stay in UTC+8, the clock of the data. Unknown id →
/// `unknown_station` with three suggestions.
pub fn station_weather(id: &str, place: Option<Place>) -> Result<Weather, ScenarioError> {
    station_weather_with(id, place, Variability::Daily)
}

/// [`station_weather`] with a choice of day-to-day [`Variability`].
pub fn station_weather_with(
    id: &str,
    place: Option<Place>,
    variability: Variability,
) -> Result<Weather, ScenarioError> {
    let c = climate(id)?;
    Ok(from_climate(&c, place, variability))
}

/// Typical-day sums of GHI and DHI [Wh/m²/day] of month `m`.
fn day_sums(c: &StationClimate, m: usize) -> (f64, f64) {
    let d = &c.typical_days[m];
    (
        d.iter().map(|h| h.ghi_w_m2).sum(),
        d.iter().map(|h| h.dhi_w_m2).sum(),
    )
}

fn ratio(num: f64, den: f64) -> f64 {
    if den > 0.0 && num.is_finite() {
        num / den
    } else {
        1.0
    }
}

/// Per-day factors (global, diffuse, beam) of month `m`: all 1 without variability.
fn day_factors(c: &StationClimate, m: usize, variability: Variability) -> Vec<[f64; 3]> {
    let n = DAYS_IN_MONTH[m] as usize;
    if variability == Variability::None {
        return vec![[1.0; 3]; n];
    }
    let (g, d) = day_sums(c, m);
    let h0 = daily_extraterrestrial_kwh_m2(c.station.latitude, KLEIN_DAYS[m]) * 1000.0;
    if g <= 0.0 || h0 <= 0.0 {
        return vec![[1.0; 3]; n];
    }
    let kt_mean = (g / h0).clamp(0.05, 0.85);
    let kts = bendt_quantiles(kt_mean, n);
    // Global factors with mean exactly 1.
    let mean_kt = kts.iter().sum::<f64>() / n as f64;
    let fg: Vec<f64> = kts.iter().map(|k| k / mean_kt).collect();
    // Diffuse by the Erbs daily correlation, scaled to the month's diffuse total, capped at the
    // day's global; two passes settle the cap.
    let ws = sunset_hour_angle_deg(c.station.latitude, declination_deg(KLEIN_DAYS[m]));
    let raw: Vec<f64> = kts
        .iter()
        .zip(&fg)
        .map(|(&k, &f)| erbs_daily_diffuse_fraction(k, ws) * f * g)
        .collect();
    let mut scale = d * n as f64 / raw.iter().sum::<f64>().max(1e-9);
    let mut dd: Vec<f64> = Vec::with_capacity(n);
    for _ in 0..3 {
        dd = raw
            .iter()
            .zip(&fg)
            .map(|(r, f)| (r * scale).min(f * g))
            .collect();
        let total: f64 = dd.iter().sum();
        scale *= ratio(d * n as f64, total);
    }
    let beam_mean = g - d;
    fg.iter()
        .zip(&dd)
        .map(|(&f, &dday)| {
            let fd = ratio(dday, d);
            let fb = if beam_mean > 0.0 {
                ((f * g - dday) / beam_mean).max(0.0)
            } else {
                0.0
            };
            [f, fd, fb]
        })
        .collect()
}

/// Daily clearness indices of a month at the `n` mid-quantiles of the Bendt, Collares-Pereira &
/// Rabl (1981) distribution with mean `kt_mean`: F(K) = (e^{γK_min} − e^{γK}) / (e^{γK_min} −
/// e^{γK_max}), K_min = 0.05, K_max = 0.6313 + 0.267 K̄T − 11.9 (K̄T − 0.75)⁸, γ solved for the mean.
/// Ordered by a fixed permutation (the chain has no memory between days, so the order only
/// matters for the look of the hourly series).
pub(crate) fn bendt_quantiles(kt_mean: f64, n: usize) -> Vec<f64> {
    let kmin = 0.05;
    let kmax = (0.6313 + 0.267 * kt_mean - 11.9 * (kt_mean - 0.75).powi(8)).max(kt_mean + 0.02);
    let mean_of = |g: f64| -> f64 {
        if g.abs() < 1e-9 {
            return 0.5 * (kmin + kmax);
        }
        let (a, b) = ((g * kmin).exp(), (g * kmax).exp());
        ((kmin - 1.0 / g) * a - (kmax - 1.0 / g) * b) / (a - b)
    };
    // The mean increases with γ; bisection on [−200, 200].
    let (mut lo, mut hi) = (-200.0f64, 200.0f64);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if mean_of(mid) < kt_mean {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let g = 0.5 * (lo + hi);
    let quantile = |f: f64| -> f64 {
        if g.abs() < 1e-9 {
            return kmin + f * (kmax - kmin);
        }
        let (a, b) = ((g * kmin).exp(), (g * kmax).exp());
        (a + f * (b - a)).ln() / g
    };
    let sorted: Vec<f64> = (0..n)
        .map(|i| quantile((i as f64 + 0.5) / n as f64))
        .collect();
    // Fixed permutation: i·11 mod n visits every quantile, as gcd(11, n) = 1 for n = 28…31.
    (0..n).map(|i| sorted[(i * 11 + 3) % n]).collect()
}

/// A cloudy day's diffuse grows faster than its global, so in some hours (low sun, where the
/// typical day's diffuse share is high) it would exceed the global: cap it there and move the
/// excess to the day's other hours in proportion to their room, keeping the day's diffuse total
/// (the day's total diffuse never exceeds its global: [`day_factors`]).
fn cap_diffuse(ghi: &[f64; 24], dhi: &mut [f64; 24]) {
    let mut excess = 0.0;
    for (d, g) in dhi.iter_mut().zip(ghi) {
        if *d > *g {
            excess += *d - *g;
            *d = *g;
        }
    }
    let room: f64 = ghi.iter().zip(dhi.iter()).map(|(g, d)| g - d).sum();
    if excess > 0.0 && room > 0.0 {
        let k = (excess / room).min(1.0);
        for (d, g) in dhi.iter_mut().zip(ghi) {
            *d += (g - *d) * k;
        }
    }
}

// Parallel arrays indexed by month and hour read best with indices.
#[allow(clippy::needless_range_loop)]
pub(crate) fn from_climate(
    c: &StationClimate,
    place: Option<Place>,
    variability: Variability,
) -> Weather {
    let st = &c.station;
    let (lat, lon) = place.map_or((st.latitude, st.longitude), |p| (p.latitude, p.longitude));
    let elevation = place.and_then(|p| p.elevation_m).unwrap_or(st.elevation_m);
    let pressure = standard_pressure_mbar(elevation);
    let n = 8760;
    let mut w = Weather {
        location: Location {
            name: format!("{} {} ({}, {})", st.name_en, st.name_zh, st.id, SOURCE),
            latitude: lat,
            longitude: lon,
            timezone_h: 8.0,
            elevation_m: elevation,
        },
        format: WeatherFormat::Epw,
        timing: Timing::Start,
        step_minutes: 60,
        stamps: Vec::with_capacity(n),
        stamp_offset_minutes: 0,
        ghi_w_m2: Vec::with_capacity(n),
        dni_w_m2: Vec::with_capacity(n),
        dhi_w_m2: Vec::with_capacity(n),
        temp_air_c: Vec::with_capacity(n),
        wind_speed_m_s: Vec::with_capacity(n),
        pressure_mbar: vec![pressure; n],
        albedo: None,
        provenance: Provenance {
            source: SOURCE.to_string(),
            timing_default: Timing::Start,
            timing_basis: crate::diag::bi(
                "CSWD typical days: clock hour h holds at h:00 Beijing time (the daily irradiance \
                 centroid falls on solar noon only under that reading)",
                "CSWD 典型日：钟点 h 的数据对应北京时间 h:00（只有这样读，日辐照质心才与太阳正午重合）",
            ),
            filled_values: 0,
            filled: Vec::new(),
            dropped_leap_day_rows: 0,
            pressure_estimated: true,
            first_data_line: 0,
            implausible: Vec::new(),
        },
    };
    for m in 0..12 {
        let (g, d) = day_sums(c, m);
        let days = f64::from(DAYS_IN_MONTH[m]);
        // Scale the stored (quantised) day to the exact monthly table.
        let kg = ratio(c.monthly[m].ghi_kwh_m2 * 1000.0 / days, g);
        let kd = ratio(c.monthly[m].dhi_kwh_m2 * 1000.0 / days, d);
        let factors = day_factors(c, m, variability);
        for (day, f) in factors.iter().enumerate() {
            let mut ghi = [0.0; 24];
            let mut dhi = [0.0; 24];
            for (h, t) in c.typical_days[m].iter().enumerate() {
                w.stamps.push(Stamp {
                    year: SYNTH_YEAR,
                    month: m as u8 + 1,
                    day: day as u8 + 1,
                    hour: h as u8,
                    minute: 0,
                });
                ghi[h] = t.ghi_w_m2 * kg * f[0];
                dhi[h] = t.dhi_w_m2 * kd * f[1];
                w.dni_w_m2.push(t.dni_w_m2 * f[2]);
                w.temp_air_c.push(t.temp_c);
                w.wind_speed_m_s.push(t.wind_m_s);
            }
            if f[1] > f[0] {
                cap_diffuse(&ghi, &mut dhi);
            }
            w.ghi_w_m2.extend_from_slice(&ghi);
            w.dhi_w_m2.extend_from_slice(&dhi);
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bendt_quantiles_are_a_permutation_with_the_mean() {
        for n in 28..=31 {
            for kt in [0.25, 0.45, 0.6, 0.75] {
                let q = bendt_quantiles(kt, n);
                let mut s = q.clone();
                s.sort_by(f64::total_cmp);
                s.dedup();
                assert_eq!(s.len(), n, "n {n}: every quantile once");
                let mean = q.iter().sum::<f64>() / n as f64;
                assert!((mean - kt).abs() < 0.01, "n {n} kt {kt}: mean {mean}");
                assert!(q.iter().all(|k| (0.05..=0.9).contains(k)));
            }
        }
    }
}
