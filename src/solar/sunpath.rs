//! The sun path of a weather file: where the sun is for every row, at the instant that the row's
//! timing convention calls for, computed once per (location, stamps, timing) and reused for every
//! system simulated on that weather (tilt, azimuth and capacity recompute nothing of it).
//!
//! Timing ([`Timing`], shared reference `pv-model.md` §1):
//! - `Centre` (hour-average data: TMY2, TMY3, IWEC/TMYx EPW, PSM3, PVGIS): the sun at the centre
//!   of the interval; in the interval containing sunrise at the midpoint of (sunrise, interval end),
//!   in the interval containing sunset at the midpoint of (interval start, sunset), sun-up from the
//!   SPA sunrise and sunset — what NREL ssc `shared/lib_irradproc.cpp` (`irrad::calc`) does for
//!   hour-average files.
//! - `Start` / `End`: the sun at that end of the interval (CSWD EPW: `Start`, the instant
//!   (h−1):00, as ssc reads an EPW row with minute 0).
//! - `Instant`: the sun at the time written in the file (interval start + `stamp_offset_minutes`).
//!
//! For the instantaneous conventions the sun is "up" between the SPA sunrise and sunset (altitude
//! of the upper limb above the horizon, −0.8333° for the centre), as in ssc.

use super::irradiance::{airmass_kasten_1966, dni_extra_duffie_beckman};
use super::position::{
    days_from_civil, delta_t_espenak_meeus, mean_sidereal_time, sun_rise_transit_set_cached,
    topocentric, GeocentricCache, Site, SunEvents,
};
use super::spectral::airmass_absolute_desoto;
use crate::weather::{Stamp, Timing, Weather};

/// Whether and how the sun is up during a row (the codes of ssc's `sunup` output).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum SunState {
    /// Below the horizon for the whole row (or at the row's instant).
    Down = 0,
    /// Up for the whole row (or at the row's instant).
    Up = 1,
    /// The sun rises during the row (interval timing only).
    Rise = 2,
    /// The sun sets during the row (interval timing only).
    Set = 3,
}

impl SunState {
    pub fn is_up(self) -> bool {
        self != SunState::Down
    }
}

/// Per-row sun geometry of a weather file. All vectors have one element per weather row.
#[derive(Debug, Clone, PartialEq)]
pub struct SunPath {
    /// [°] north positive.
    pub latitude: f64,
    /// [°] east positive.
    pub longitude: f64,
    /// [m].
    pub elevation_m: f64,
    /// [h] east of UTC.
    pub timezone_h: f64,
    pub timing: Timing,
    /// Row interval [min].
    pub step_minutes: u32,
    /// Local standard time of the instant each row's sun is computed for [h], counted from 00:00
    /// of the row's date (may reach 24 for `End`).
    pub sun_time_h: Vec<f64>,
    /// Apparent (refracted) topocentric zenith angle [°].
    pub zenith: Vec<f64>,
    /// Azimuth east of north [°].
    pub azimuth: Vec<f64>,
    /// cos(zenith) [-].
    pub cos_zenith: Vec<f64>,
    /// sin(zenith)·sin(azimuth): east component of the unit vector towards the sun [-].
    pub sun_east: Vec<f64>,
    /// sin(zenith)·cos(azimuth): north component of the unit vector towards the sun [-].
    pub sun_north: Vec<f64>,
    pub state: Vec<SunState>,
    /// Fraction of the row's interval with the sun above the horizon [0–1] (for the
    /// instantaneous conventions, 1 or 0 at the instant).
    pub sun_up_fraction: Vec<f64>,
    /// Extraterrestrial normal irradiance [W/m²] (Duffie & Beckman eq. 1.4.1a, as ssc).
    pub dni_extra: Vec<f64>,
    /// Relative air mass, Kasten 1966 [-] (0 when the sun is down): Perez's Δ.
    pub air_mass_relative: Vec<f64>,
    /// Absolute air mass with the site-pressure correction exp(−0.0001184·elevation), zenith
    /// clipped to [0°, 86°] (King et al.; De Soto et al. 2006) [-]: the spectral modifier's input.
    pub air_mass_absolute: Vec<f64>,
    /// Calendar month of each row [1–12] (for monthly sums).
    pub month: Vec<u8>,
    fingerprint: u64,
}

/// Small cache of sunrise/sunset per local date (rows come in date order, with jumps between the
/// source years of a typical-year file).
struct EventCache {
    entries: [(i64, SunEvents); 6],
    filled: usize,
    next: usize,
}

impl EventCache {
    fn new() -> Self {
        EventCache {
            entries: [(i64::MIN, SunEvents::AlwaysDown { transit: 12.0 }); 6],
            filled: 0,
            next: 0,
        }
    }

    fn get(
        &mut self,
        day: i64,
        geo: &mut GeocentricCache,
        tz: f64,
        site: &Site,
        delta_t: f64,
    ) -> SunEvents {
        for e in &self.entries[..self.filled] {
            if e.0 == day {
                return e.1;
            }
        }
        let ev = sun_rise_transit_set_cached(geo, day, tz, site, delta_t);
        self.entries[self.next] = (day, ev);
        self.next = (self.next + 1) % self.entries.len();
        self.filled = (self.filled + 1).min(self.entries.len());
        ev
    }
}

/// The intervals of the local-date axis (hours from 00:00 of `day`) with the sun up, from the
/// events of the date and its neighbours.
fn up_intervals(ev: [SunEvents; 3]) -> [(f64, f64); 3] {
    let mut out = [(f64::NAN, f64::NAN); 3];
    for (k, e) in ev.iter().enumerate() {
        let shift = 24.0 * (k as f64 - 1.0);
        out[k] = match *e {
            SunEvents::RiseSet {
                sunrise, sunset, ..
            } => (sunrise + shift, sunset + shift),
            SunEvents::AlwaysUp { .. } => (shift, shift + 24.0),
            SunEvents::AlwaysDown { .. } => (f64::NAN, f64::NAN),
        };
    }
    out
}

fn is_up(intervals: &[(f64, f64); 3], t: f64) -> bool {
    intervals.iter().any(|&(r, s)| r <= t && t <= s)
}

/// Where within the row's interval the sun is taken, and how much of it is sunlit.
fn interval_sun(intervals: &[(f64, f64); 3], a: f64, b: f64) -> (f64, SunState, f64) {
    let mut rise = f64::NAN;
    let mut set = f64::NAN;
    let mut up = 0.0;
    for &(r, s) in intervals {
        if r.is_nan() {
            continue;
        }
        // ssc: a rise counts when a < r <= b, a set when a <= s < b.
        if r > a && r <= b {
            rise = r;
        }
        if s >= a && s < b {
            set = s;
        }
        up += (s.min(b) - r.max(a)).max(0.0);
    }
    let fraction = (up / (b - a)).clamp(0.0, 1.0);
    let mid = 0.5 * (a + b);
    match (rise.is_nan(), set.is_nan()) {
        (false, false) if set > rise => (0.5 * (rise + set), SunState::Rise, fraction),
        (false, _) => (0.5 * (rise + b), SunState::Rise, fraction),
        (true, false) => (0.5 * (a + set), SunState::Set, fraction),
        (true, true) if is_up(intervals, mid) => (mid, SunState::Up, fraction),
        (true, true) => (mid, SunState::Down, fraction),
    }
}

/// Station pressure [mbar] of the standard atmosphere at an elevation [m] (ISO 2533).
fn standard_pressure(elevation_m: f64) -> f64 {
    1013.25 * (1.0 - 2.25577e-5 * elevation_m.max(-500.0)).powf(5.25588)
}

struct FingerprintHasher(u64);

impl FingerprintHasher {
    fn add(&mut self, v: u64) {
        // FNV-1a over the 8 bytes.
        for b in v.to_le_bytes() {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn fingerprint(
    lat: f64,
    lon: f64,
    elev: f64,
    tz: f64,
    timing: Timing,
    step: u32,
    offset: u32,
    stamps: &[Stamp],
    pressure: &[f64],
    temp: &[f64],
) -> u64 {
    let mut h = FingerprintHasher(0xcbf2_9ce4_8422_2325);
    for v in [lat, lon, elev, tz] {
        h.add(v.to_bits());
    }
    h.add(timing as u64);
    h.add(u64::from(step) << 32 | u64::from(offset));
    h.add(stamps.len() as u64);
    for s in stamps {
        h.add(
            (s.year as u64) << 32
                | u64::from(s.month) << 24
                | u64::from(s.day) << 16
                | u64::from(s.hour) << 8
                | u64::from(s.minute),
        );
    }
    for v in pressure.iter().chain(temp) {
        h.add(v.to_bits());
    }
    h.0
}

impl SunPath {
    /// The sun path of a weather file, with its location, stamps, timing convention, station
    /// pressure and air temperature (refraction).
    pub fn new(weather: &Weather) -> SunPath {
        let loc = &weather.location;
        SunPath::compute(
            loc.latitude,
            loc.longitude,
            loc.elevation_m,
            loc.timezone_h,
            weather.timing,
            weather.step_minutes,
            weather.stamp_offset_minutes,
            &weather.stamps,
            &weather.pressure_mbar,
            &weather.temp_air_c,
        )
    }

    /// Whether this sun path was computed for this weather's location, stamps, timing, pressure
    /// and temperature (so it may be reused).
    pub fn matches(&self, weather: &Weather) -> bool {
        let loc = &weather.location;
        self.fingerprint
            == fingerprint(
                loc.latitude,
                loc.longitude,
                loc.elevation_m,
                loc.timezone_h,
                weather.timing,
                weather.step_minutes,
                weather.stamp_offset_minutes,
                &weather.stamps,
                &weather.pressure_mbar,
                &weather.temp_air_c,
            )
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.zenith.len()
    }

    pub fn is_empty(&self) -> bool {
        self.zenith.is_empty()
    }

    /// The sun path from its parts: latitude [°], longitude [°], elevation [m], zone [h east of
    /// UTC], timing, row interval [min], stamp offset [min], row stamps (interval starts, local
    /// standard time), station pressure [mbar] and air temperature [°C] per row (missing or
    /// non-finite values: the standard atmosphere at the elevation, 12 °C).
    #[allow(clippy::too_many_arguments)]
    pub fn compute(
        latitude: f64,
        longitude: f64,
        elevation_m: f64,
        timezone_h: f64,
        timing: Timing,
        step_minutes: u32,
        stamp_offset_minutes: u32,
        stamps: &[Stamp],
        pressure_mbar: &[f64],
        temp_air_c: &[f64],
    ) -> SunPath {
        let n = stamps.len();
        let site = Site::new(latitude, longitude, elevation_m);
        let tz = timezone_h;
        let step_h = f64::from(step_minutes.max(1)) / 60.0;
        let offset_h = f64::from(stamp_offset_minutes) / 60.0;
        let p_std = standard_pressure(elevation_m);
        let mut geo = GeocentricCache::default();
        let mut events = EventCache::new();
        let mut out = SunPath {
            latitude,
            longitude,
            elevation_m,
            timezone_h,
            timing,
            step_minutes,
            sun_time_h: Vec::with_capacity(n),
            zenith: Vec::with_capacity(n),
            azimuth: Vec::with_capacity(n),
            cos_zenith: Vec::with_capacity(n),
            sun_east: Vec::with_capacity(n),
            sun_north: Vec::with_capacity(n),
            state: Vec::with_capacity(n),
            sun_up_fraction: Vec::with_capacity(n),
            dni_extra: Vec::with_capacity(n),
            air_mass_relative: Vec::with_capacity(n),
            air_mass_absolute: Vec::with_capacity(n),
            month: Vec::with_capacity(n),
            fingerprint: fingerprint(
                latitude,
                longitude,
                elevation_m,
                timezone_h,
                timing,
                step_minutes,
                stamp_offset_minutes,
                stamps,
                pressure_mbar,
                temp_air_c,
            ),
        };
        let mut dt_key = (i32::MIN, 0u8);
        let mut delta_t = 0.0;
        for (i, s) in stamps.iter().enumerate() {
            if dt_key != (s.year, s.month) {
                dt_key = (s.year, s.month);
                delta_t = delta_t_espenak_meeus(s.year, s.month);
            }
            let pressure = match pressure_mbar.get(i) {
                Some(&p) if p.is_finite() && p > 0.0 => p,
                _ => p_std,
            };
            let temp = match temp_air_c.get(i) {
                Some(&t) if t.is_finite() && t > -100.0 && t < 100.0 => t,
                _ => 12.0,
            };
            let day = days_from_civil(s.year, s.month, s.day);
            let t0 = f64::from(s.hour) + f64::from(s.minute) / 60.0;
            let mut ev = |d: i64| events.get(d, &mut geo, tz, &site, delta_t);
            let (t_sun, state, fraction) = match timing {
                Timing::Centre => {
                    let iv = up_intervals([ev(day - 1), ev(day), ev(day + 1)]);
                    interval_sun(&iv, t0, t0 + step_h)
                }
                Timing::Start | Timing::End | Timing::Instant => {
                    let t = match timing {
                        Timing::Start => t0,
                        Timing::End => t0 + step_h,
                        _ => t0 + offset_h,
                    };
                    // The events of the date the instant falls on.
                    let d = day + (t / 24.0).floor() as i64;
                    let tl = t - 24.0 * (d - day) as f64;
                    let iv = up_intervals([ev(d - 1), ev(d), ev(d + 1)]);
                    if is_up(&iv, tl) {
                        (t, SunState::Up, 1.0)
                    } else {
                        (t, SunState::Down, 0.0)
                    }
                }
            };
            let jd = 2_440_587.5 + day as f64 + (t_sun - tz) / 24.0;
            let g = geo.at(jd + delta_t / 86_400.0);
            let nu = mean_sidereal_time(jd) + g.sidereal_nutation;
            let pos = topocentric(
                &site,
                nu,
                g.right_ascension,
                g.declination,
                g.radius_au,
                pressure,
                temp,
            );
            let doy = (day - days_from_civil(s.year, 1, 1) + 1) as f64;
            out.sun_time_h.push(t_sun);
            out.zenith.push(pos.zenith);
            out.azimuth.push(pos.azimuth);
            out.cos_zenith.push(pos.cos_zenith);
            out.sun_east.push(pos.east);
            out.sun_north.push(pos.north);
            out.state.push(state);
            out.sun_up_fraction.push(fraction);
            out.dni_extra.push(dni_extra_duffie_beckman(doy));
            if state.is_up() {
                out.air_mass_relative
                    .push(airmass_kasten_1966(pos.zenith, pos.cos_zenith));
                out.air_mass_absolute
                    .push(airmass_absolute_desoto(pos.zenith, elevation_m));
            } else {
                out.air_mass_relative.push(0.0);
                out.air_mass_absolute.push(0.0);
            }
            out.month.push(s.month);
        }
        out
    }
}
