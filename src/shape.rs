//! Hours from an annual yield: when a scenario gives only an annual generation (full-load hours,
//! GB 50797) but the usage or the tariff needs hours (a load, time-of-use prices, an export limit),
//! the annual total is laid over the 8,760 hours of the reference year ([`crate::calendar`]).
//!
//! **What it assumes.** Every day gets the same energy (annual / 365: the months then share the year
//! by their days, as [`crate::energy::monthly_by_days`] reports them), and within a day the energy
//! follows the clear-sky global horizontal irradiance at the site: the Haurwitz model
//! GHI = 1098 · cos Z · exp(−0.059 / cos Z) [W/m²] (B. Haurwitz, "Insolation in relation to cloud type",
//! *Journal of Meteorology* 3, 1946; as in pvlib's `clearsky.haurwitz`), with the sun's zenith Z from
//! Spencer's declination and equation of time (J. W. Spencer, "Fourier series representation of the
//! position of the sun", *Search* 2(5), 1971), averaged over six 10-minute steps per hour. Local
//! standard time is the site's time zone, so solar noon falls at 12:00 + (15°·tz − longitude)/15° h
//! minus the equation of time.
//!
//! It is a shape, not a simulation: clouds, the tilt of the roof and clipping are not in it. The
//! hourly engine's AC output replaces it wherever hours exist (a weather file, a station).

use crate::calendar::{DAYS, HOURS};

/// Where the hours are shaped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapeSite {
    /// [°], north positive.
    pub latitude_deg: f64,
    /// [°], east positive.
    pub longitude_deg: f64,
    /// Local standard time offset from UTC [h].
    pub timezone_h: f64,
}

/// The site used when a scenario gives none: Zhengzhou (34.75° N, 113.63° E, UTC+8), near the centre
/// of China's population; solar noon there is at about 12:25 Beijing time. A warning says so.
pub const DEFAULT_SITE: ShapeSite = ShapeSite {
    latitude_deg: 34.75,
    longitude_deg: 113.63,
    timezone_h: 8.0,
};

/// Sub-steps per hour over which the clear-sky irradiance is averaged.
const STEPS: usize = 6;

/// Clear-sky global horizontal irradiance averaged over each hour of the reference year [W/m²]
/// (Haurwitz model; zero at night).
pub fn clear_sky_ghi(site: &ShapeSite) -> Vec<f64> {
    let lat = site.latitude_deg.to_radians();
    let (sin_lat, cos_lat) = lat.sin_cos();
    let mut out = vec![0.0; HOURS];
    for day in 0..DAYS {
        let (decl, eot_min) = crate::solar::spencer::declination_eot(day as f64);
        // Solar time = clock time + (4 min/° × (longitude − 15° × tz) + EoT) / 60.
        let offset_h = (4.0 * (site.longitude_deg - 15.0 * site.timezone_h) + eot_min) / 60.0;
        let (sin_d, cos_d) = decl.sin_cos();
        for hour in 0..24 {
            let mut sum = 0.0;
            for k in 0..STEPS {
                let clock = hour as f64 + (k as f64 + 0.5) / STEPS as f64;
                let omega = (15.0 * (clock + offset_h - 12.0)).to_radians();
                let cos_z = sin_lat * sin_d + cos_lat * cos_d * omega.cos();
                if cos_z > 0.0 {
                    sum += 1098.0 * cos_z * (-0.059 / cos_z).exp();
                }
            }
            out[day * 24 + hour] = sum / STEPS as f64;
        }
    }
    out
}

thread_local! {
    /// The last site's shape per kWh: recalculating the same roof (as the page does on every input)
    /// reuses it.
    static LAST: std::cell::RefCell<Option<(ShapeSite, std::rc::Rc<Vec<f64>>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Lays `annual_kwh` over the hours of the reference year [kWh per hour]: equal energy per sunlit
/// day, within the day in proportion to the clear-sky irradiance. Days without sun (polar night)
/// get none, the others share the year. The hours add up to `annual_kwh`.
pub fn annual_to_hours(annual_kwh: f64, site: &ShapeSite) -> Vec<f64> {
    let unit = LAST.with(|last| {
        let mut last = last.borrow_mut();
        match last.as_ref() {
            Some((s, shape)) if s == site => shape.clone(),
            _ => {
                let shape = std::rc::Rc::new(shape_per_kwh(site));
                *last = Some((*site, shape.clone()));
                shape
            }
        }
    });
    unit.iter().map(|v| v * annual_kwh).collect()
}

/// [`annual_to_hours`] of 1 kWh.
fn shape_per_kwh(site: &ShapeSite) -> Vec<f64> {
    let annual_kwh = 1.0;
    let mut hours = clear_sky_ghi(site);
    let sunlit = hours
        .chunks(24)
        .filter(|d| d.iter().sum::<f64>() > 0.0)
        .count()
        .max(1);
    let per_day = annual_kwh / sunlit as f64;
    for day in hours.chunks_mut(24) {
        let sum: f64 = day.iter().sum();
        if sum > 0.0 {
            for v in day.iter_mut() {
                *v *= per_day / sum;
            }
        }
    }
    hours
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_add_up_and_follow_the_sun() {
        let site = ShapeSite {
            latitude_deg: 39.33,
            longitude_deg: 112.43,
            timezone_h: 8.0,
        };
        let h = annual_to_hours(5_000_000.0, &site);
        assert_eq!(h.len(), 8760);
        assert!((h.iter().sum::<f64>() - 5_000_000.0).abs() < 1e-6);
        // Every day holds 1/365 of the year.
        assert!((h[..24].iter().sum::<f64>() - 5_000_000.0 / 365.0).abs() < 1e-6);
        // Night is dark; the peak hour of a June day is 12:00–13:00 (solar noon ≈ 12:30).
        let june = &h[171 * 24..172 * 24];
        assert_eq!(june[0], 0.0);
        assert_eq!(june[23], 0.0);
        let peak = (0..24)
            .max_by(|&a, &b| june[a].total_cmp(&june[b]))
            .unwrap();
        assert_eq!(peak, 12);
        // Summer days are longer: more sunlit hours in June than in December.
        let lit = |d: usize| h[d * 24..d * 24 + 24].iter().filter(|&&v| v > 0.0).count();
        assert!(lit(171) > lit(354) + 3, "{} vs {}", lit(171), lit(354));
    }

    #[test]
    fn polar_night_days_get_nothing() {
        let site = ShapeSite {
            latitude_deg: 80.0,
            longitude_deg: 15.0,
            timezone_h: 1.0,
        };
        let h = annual_to_hours(1000.0, &site);
        assert!((h.iter().sum::<f64>() - 1000.0).abs() < 1e-9);
        assert_eq!(h[0..24].iter().sum::<f64>(), 0.0);
        assert!(h.iter().all(|v| v.is_finite() && *v >= 0.0));
    }
}
