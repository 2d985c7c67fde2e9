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
//! The topocentric, refracted position and the air masses are computed only for rows with the sun
//! up; a row with the sun down holds the nadir (see [`SunPath::zenith`]).
//!
//! For the instantaneous conventions the sun is "up" between the SPA sunrise and sunset, as in ssc:
//! geocentric altitude of the centre above −0.8333° (upper limb above the horizon with standard
//! refraction), the condition SPA appendix A.2 solves for, checked at the instant itself.

use super::irradiance::{airmass_kasten_1966, dni_extra_duffie_beckman};
use super::position::{
    days_from_civil, delta_t_espenak_meeus, floor_fast, mean_sidereal_time_unreduced, mod360,
    sin_cos_deg, sun_rise_transit_set_cached, topocentric_at_hour_angle, GeocentricCache,
    GeocentricPoint, Site, SunEvents, SUNRISE_ALTITUDE,
};
#[allow(unused_imports)] // named in the documentation
use super::spectral::airmass_absolute_desoto;
use crate::weather::{Stamp, Timing, Weather};
use std::cell::RefCell;
use std::f64::consts::PI;
use std::rc::Rc;

const DEG: f64 = PI / 180.0;

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
    ///
    /// This and the next four fields are computed only for rows with the sun up
    /// ([`SunState::is_up`]); a row with the sun down holds the nadir: zenith 180°, azimuth 0°,
    /// cos(zenith) −1, east and north components 0 (nothing downstream looks at the sun's place
    /// below the horizon, and skipping it saves the topocentric stage for about half the rows).
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
    /// A multiply–rotate mix of 64-bit words (not cryptographic: it tells sun paths apart).
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(23) ^ v).wrapping_mul(0x9e37_79b9_7f4a_7c15);
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
    // Four independent lanes over pressure and temperature.
    let mut lanes = [
        FingerprintHasher(0x2545_f491_4f6c_dd1d),
        FingerprintHasher(0x1405_7b7e_f767_814f),
        FingerprintHasher(0x9fb2_1c65_1e98_df25),
        FingerprintHasher(0x3c6e_f372_fe94_f82b),
    ];
    for values in [pressure, temp] {
        let mut chunks = values.chunks_exact(4);
        for c in &mut chunks {
            for (lane, v) in lanes.iter_mut().zip(c) {
                lane.add(v.to_bits());
            }
        }
        for v in chunks.remainder() {
            lanes[0].add(v.to_bits());
        }
        lanes[1].add(values.len() as u64);
    }
    lanes.iter().fold(h.0, |acc, l| acc.rotate_left(17) ^ l.0)
}

/// How many sun paths [`SunPath::shared`] keeps (each ≈ 1.1 MB for a year of hours, with its key).
pub const CACHED_PATHS: usize = 4;

thread_local! {
    static CACHE: RefCell<Vec<(Key, Rc<SunPath>)>> = const { RefCell::new(Vec::new()) };
}

/// Everything a sun path depends on, compared bit for bit.
struct Key {
    /// Latitude, longitude, elevation and zone as bits; timing; step; stamp offset.
    site: [u64; 4],
    timing: Timing,
    step_minutes: u32,
    stamp_offset_minutes: u32,
    stamps: Vec<Stamp>,
    /// Pressure then temperature of every row, as bits.
    values: Vec<u64>,
}

impl Key {
    fn site(w: &Weather) -> [u64; 4] {
        let loc = &w.location;
        [loc.latitude, loc.longitude, loc.elevation_m, loc.timezone_h].map(f64::to_bits)
    }

    fn of(w: &Weather) -> Key {
        Key {
            site: Key::site(w),
            timing: w.timing,
            step_minutes: w.step_minutes,
            stamp_offset_minutes: w.stamp_offset_minutes,
            stamps: w.stamps.clone(),
            values: w
                .pressure_mbar
                .iter()
                .chain(&w.temp_air_c)
                .map(|v| v.to_bits())
                .collect(),
        }
    }

    /// Whether `w` has this key's inputs (the site and settings first: a different place is told
    /// apart without reading its rows).
    fn matches(&self, w: &Weather) -> bool {
        self.site == Key::site(w)
            && (self.timing, self.step_minutes, self.stamp_offset_minutes)
                == (w.timing, w.step_minutes, w.stamp_offset_minutes)
            && self.stamps == w.stamps
            && self.values.len() == w.pressure_mbar.len() + w.temp_air_c.len()
            && self
                .values
                .iter()
                .zip(w.pressure_mbar.iter().chain(&w.temp_air_c))
                .all(|(k, v)| *k == v.to_bits())
    }
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

    /// [`SunPath::new`] through a small per-thread cache: the same location, timing, stamps,
    /// pressures and temperatures as one of the last [`CACHED_PATHS`] weathers seen give that
    /// weather's path again (pages and portfolios recompute the same site). Keyed by the inputs
    /// themselves, compared bit for bit, so no two weathers can share a path.
    pub fn shared(weather: &Weather) -> Rc<SunPath> {
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(k) = cache.iter().position(|(stored, _)| stored.matches(weather)) {
                let hit = cache.remove(k);
                let path = Rc::clone(&hit.1);
                cache.insert(0, hit);
                return path;
            }
            let path = Rc::new(SunPath::new(weather));
            cache.truncate(CACHED_PATHS - 1);
            cache.insert(0, (Key::of(weather), Rc::clone(&path)));
            path
        })
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
    ///
    /// The refraction uses the station pressure as given. (ssc ignores station pressures of
    /// 800 mbar or less and refracts with 1013.25 mbar; at Lhasa, 650 mbar, that changes PVWatts'
    /// annual AC by about 0.015 % — the residual of the Lhasa parity cases.)
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
        let tz = timezone_h;
        let step_h = f64::from(step_minutes.max(1)) / 60.0;
        let offset_h = f64::from(stamp_offset_minutes) / 60.0;
        let p_std = standard_pressure(elevation_m);
        let mut at = Locator {
            site: Site::new(latitude, longitude, elevation_m),
            geo: GeocentricCache::default(),
            hour_angle: HourAngleRotation::new(step_h),
            timezone_h,
            day: 0,
            delta_t_days: 0.0,
        };
        let mut events = EventCache::new();
        let mut out = SunPath {
            latitude,
            longitude,
            elevation_m,
            timezone_h,
            timing,
            step_minutes,
            sun_time_h: vec![0.0; n],
            zenith: vec![0.0; n],
            azimuth: vec![0.0; n],
            cos_zenith: vec![0.0; n],
            sun_east: vec![0.0; n],
            sun_north: vec![0.0; n],
            state: vec![SunState::Down; n],
            sun_up_fraction: vec![0.0; n],
            dni_extra: vec![0.0; n],
            air_mass_relative: vec![0.0; n],
            air_mass_absolute: vec![0.0; n],
            month: vec![0; n],
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
        // The rows' outputs as slices of exactly n (no bounds checks in the loop).
        let sun_time_h = &mut out.sun_time_h[..n];
        let zenith = &mut out.zenith[..n];
        let azimuth = &mut out.azimuth[..n];
        let cos_zenith = &mut out.cos_zenith[..n];
        let sun_east = &mut out.sun_east[..n];
        let sun_north = &mut out.sun_north[..n];
        let states = &mut out.state[..n];
        let sun_up_fraction = &mut out.sun_up_fraction[..n];
        let dni_extras = &mut out.dni_extra[..n];
        let air_mass_relative = &mut out.air_mass_relative[..n];
        let air_mass_absolute = &mut out.air_mass_absolute[..n];
        let months = &mut out.month[..n];
        // exp(−0.0001184·elevation): the pressure correction of the absolute air mass
        // (as in [`airmass_absolute_desoto`], here with the cosine of the zenith already known).
        let am_site = (-0.000_118_4 * elevation_m).exp();
        let cos_86 = (86.0 * DEG).cos();
        let sin_h0 = (SUNRISE_ALTITUDE * DEG).sin();
        let sin_h0_margin = ((SUNRISE_ALTITUDE - NIGHT_MARGIN_DEG) * DEG).sin();
        let mut dt_key = (i32::MIN, 0u8);
        let mut delta_t = 0.0;
        // Per-date values, recomputed when the date changes.
        let mut date_key = (i32::MIN, 0u8, 0u8);
        let mut dni_extra = 0.0;
        let mut intervals = [(f64::NAN, f64::NAN); 3];
        // Instants: the hours of the date surely without sun, from its first row.
        let mut night: Option<NightBound> = None;
        for (i, s) in stamps.iter().enumerate() {
            if dt_key != (s.year, s.month) {
                dt_key = (s.year, s.month);
                delta_t = delta_t_espenak_meeus(s.year, s.month);
                at.delta_t_days = delta_t / 86_400.0;
            }
            if date_key != (s.year, s.month, s.day) {
                date_key = (s.year, s.month, s.day);
                night = None;
                let day = days_from_civil(s.year, s.month, s.day);
                at.day = day;
                let doy = (day - days_from_civil(s.year, 1, 1) + 1) as f64;
                dni_extra = dni_extra_duffie_beckman(doy);
                if timing == Timing::Centre {
                    let (geo, site) = (&mut at.geo, &at.site);
                    intervals = up_intervals([
                        events.get(day - 1, geo, tz, site, delta_t),
                        events.get(day, geo, tz, site, delta_t),
                        events.get(day + 1, geo, tz, site, delta_t),
                    ]);
                }
            }
            // (Most rows start on the hour: no division for them.)
            let t0 = if s.minute == 0 {
                f64::from(s.hour)
            } else {
                f64::from(s.hour) + f64::from(s.minute) / 60.0
            };
            // Centre: up from the SPA sunrise and sunset (the geocentric sun only for rows with the
            // sun up). Instants: up between sunrise and sunset, i.e. geocentric altitude above
            // −0.8333° (the definition the SPA sunrise and sunset solve for).
            let (t_sun, state, fraction, seen) = match timing {
                Timing::Centre => {
                    let (t, state, fraction) = interval_sun(&intervals, t0, t0 + step_h);
                    let seen = state.is_up().then(|| at.locate(t));
                    (t, state, fraction, seen.map(|(g, _, sh, ch)| (g, sh, ch)))
                }
                _ => {
                    let t = match timing {
                        Timing::Start => t0,
                        Timing::End => t0 + step_h,
                        _ => t0 + offset_h,
                    };
                    if night.is_some_and(|b| b.surely_down(t)) {
                        (t, SunState::Down, 0.0, None)
                    } else {
                        let (g, h, sh, ch) = at.locate(t);
                        if night.is_none() {
                            night = Some(NightBound::new(&at.site, &g, h, t, sin_h0_margin));
                        }
                        if at.site.sin_geocentric_altitude(&g, ch) >= sin_h0 {
                            (t, SunState::Up, 1.0, Some((g, sh, ch)))
                        } else {
                            (t, SunState::Down, 0.0, None)
                        }
                    }
                }
            };
            sun_time_h[i] = t_sun;
            states[i] = state;
            sun_up_fraction[i] = fraction;
            dni_extras[i] = dni_extra;
            months[i] = s.month;
            let Some((g, sh, ch)) = seen else {
                // The nadir (see the fields' documentation): azimuth, east, north and both air
                // masses keep the zeros the vectors start with.
                zenith[i] = 180.0;
                cos_zenith[i] = -1.0;
                continue;
            };
            let pressure = match pressure_mbar.get(i) {
                Some(&p) if p.is_finite() && p > 0.0 => p,
                _ => p_std,
            };
            let temp = match temp_air_c.get(i) {
                Some(&t) if t.is_finite() && t > -100.0 && t < 100.0 => t,
                _ => 12.0,
            };
            let pos = topocentric_at_hour_angle(&at.site, sh, ch, &g, pressure, temp);
            zenith[i] = pos.zenith;
            azimuth[i] = pos.azimuth;
            cos_zenith[i] = pos.cos_zenith;
            sun_east[i] = pos.east;
            sun_north[i] = pos.north;
            air_mass_relative[i] = airmass_kasten_1966(pos.zenith, pos.cos_zenith);
            // De Soto/King absolute air mass with the zenith clipped to [0°, 86°].
            let (zc, cz) = if pos.zenith > 86.0 {
                (86.0, cos_86)
            } else if pos.zenith < 0.0 {
                (0.0, 1.0)
            } else {
                (pos.zenith, pos.cos_zenith)
            };
            air_mass_absolute[i] = am_site / (cz + 0.5057 * (-1.634 * (96.080 - zc).ln()).exp());
        }
        out
    }
}

/// The geocentric sun and the local hour angle of a site at local times of one date.
struct Locator {
    site: Site,
    geo: GeocentricCache,
    hour_angle: HourAngleRotation,
    /// [h] east of UTC.
    timezone_h: f64,
    /// The date [days from 1970-01-01].
    day: i64,
    /// ΔT [d].
    delta_t_days: f64,
}

impl Locator {
    /// The geocentric sun, the geocentric local hour angle H [°] (not reduced) and sin H, cos H at
    /// `t_sun` [h] of local standard time on the date (SPA eqs. 4, 12, 23).
    #[inline(always)]
    fn locate(&mut self, t_sun: f64) -> (GeocentricPoint, f64, f64, f64) {
        let jd = 2_440_587.5 + self.day as f64 + (t_sun - self.timezone_h) / 24.0;
        let g = self.geo.at(jd + self.delta_t_days);
        let h = self
            .site
            .hour_angle(mean_sidereal_time_unreduced(jd) + g.sidereal_nutation, &g);
        let (sh, ch) = self.hour_angle.sin_cos(h);
        (g, h, sh, ch)
    }
}

/// Altitude margin [°] below sunrise's −0.8333° of [`NightBound`].
const NIGHT_MARGIN_DEG: f64 = 1.0;
/// Longest time after the reference row [h] that [`NightBound`] answers for.
const NIGHT_SPAN_H: f64 = 26.0;

/// The hours after a reference instant of a date at which the sun is surely down, so that its
/// rows need no geocentric sun and no hour angle. The sun is approximated by its declination δ at
/// the reference instant and an hour angle advancing at 15°/h from the reference one; the altitude
/// of that approximation, a function of |H| alone, is below −0.8333° − [`NIGHT_MARGIN_DEG`] where
/// |H| exceeds the half-width H₁ of cos H₁ = (sin(h₀ − margin) − sin φ sin δ)/(cos φ cos δ).
/// Within [`NIGHT_SPAN_H`] of the reference the true hour angle departs from the approximation by
/// at most 26 h × 0.005°/h = 0.13° (its rate is 15.041°/h of sidereal time less 0.9–1.1°/day of
/// right ascension) and the declination by at most 0.41°/day × 26/24 = 0.44°; the sun's direction,
/// hence its altitude, moves by at most their sum, 0.57°, less than the margin: such a row is down
/// by the geocentric test itself, and gets the same state.
#[derive(Clone, Copy)]
struct NightBound {
    t_ref_h: f64,
    /// Local time [h] at which the approximate hour angle is 0.
    transit_h: f64,
    /// H₁/15 [h]: −1 when the approximation never rises to the margin, ∞ when it never sets to it
    /// (or the latitude is a pole).
    half_width_h: f64,
}

impl NightBound {
    fn new(site: &Site, g: &GeocentricPoint, h_deg: f64, t_ref_h: f64, sin_h_margin: f64) -> Self {
        let mut h = mod360(h_deg);
        if h > 180.0 {
            h -= 360.0;
        }
        // sin(altitude) = a + b·cos H, b = cos φ cos δ ≥ 0.
        let a = site.sin_geocentric_altitude(g, 0.0);
        let b = site.sin_geocentric_altitude(g, 1.0) - a;
        let c = (sin_h_margin - a) / b;
        let half_width_h = if c >= 1.0 {
            -1.0
        } else if c > -1.0 {
            c.acos() / DEG / 15.0
        } else {
            f64::INFINITY
        };
        NightBound {
            t_ref_h,
            transit_h: t_ref_h - h / 15.0,
            half_width_h,
        }
    }

    /// Whether the sun is surely down at local time `t` [h] of the date.
    #[inline]
    fn surely_down(&self, t: f64) -> bool {
        let since = t - self.t_ref_h;
        if !(0.0..=NIGHT_SPAN_H).contains(&since) {
            return false;
        }
        // Hours from the approximate transit, in [−12, 12).
        let d = t - self.transit_h;
        let d = d - 24.0 * floor_fast((d + 12.0) / 24.0);
        d.abs() > self.half_width_h
    }
}

/// Largest departure [°] of an hour angle's advance from its nominal 15°/h step that
/// [`HourAngleRotation`] takes by rotation: the sun's right ascension moves 0.9–1.1°/day, so a step
/// of consecutive rows departs from it by under 0.005°/h; sunrise and sunset rows of the `Centre`
/// convention (steps of a fraction of the row) and jumps are evaluated anew.
const ROTATION_MAX_DEPARTURE_DEG: f64 = 0.05;
/// Rotation steps between two direct evaluations (one day of hourly rows).
const ROTATION_RESYNC_STEPS: u32 = 24;

/// sin H and cos H of the local hour angle H [°] row after row: a row whose H exceeds the previous
/// row's by the nominal step D = 15°·step_h plus a small ε (|ε| ≤
/// [`ROTATION_MAX_DEPARTURE_DEG`]) gets them by rotating the previous pair through D + ε (angle
/// addition: sin/cos D precomputed, sin ε = ε − ε³/6 and cos ε = 1 − ε²/2 + ε⁴/24, truncation
/// below 1e-17), any other row, and every [`ROTATION_RESYNC_STEPS`]th, by [`sin_cos_deg`].
/// The difference of consecutive unreduced H is exact (Sterbenz), so the rotated angle is H itself;
/// each rotation adds a few units of roundoff to the pair, ≤ 1e-14 after a day of steps (≈ 1e-12°,
/// against the SPA's 1e-5°).
struct HourAngleRotation {
    nominal_deg: f64,
    sin_nominal: f64,
    cos_nominal: f64,
    last_deg: f64,
    sin: f64,
    cos: f64,
    steps: u32,
}

impl HourAngleRotation {
    fn new(step_h: f64) -> HourAngleRotation {
        let nominal_deg = 15.0 * step_h;
        let (sin_nominal, cos_nominal) = sin_cos_deg(nominal_deg);
        HourAngleRotation {
            nominal_deg,
            sin_nominal,
            cos_nominal,
            last_deg: f64::NAN,
            sin: 0.0,
            cos: 1.0,
            steps: ROTATION_RESYNC_STEPS,
        }
    }

    /// sin H and cos H of the hour angle `h_deg` [°] (not reduced).
    #[inline(always)]
    fn sin_cos(&mut self, h_deg: f64) -> (f64, f64) {
        let eps = (h_deg - self.last_deg - self.nominal_deg) * DEG;
        self.last_deg = h_deg;
        if self.steps < ROTATION_RESYNC_STEPS && eps.abs() <= ROTATION_MAX_DEPARTURE_DEG * DEG {
            let e2 = eps * eps;
            let (se, ce) = (
                eps - eps * e2 * (1.0 / 6.0),
                1.0 - e2 * 0.5 * (1.0 - e2 * (1.0 / 12.0)),
            );
            let sd = self.sin_nominal * ce + self.cos_nominal * se;
            let cd = self.cos_nominal * ce - self.sin_nominal * se;
            (self.sin, self.cos) = (self.sin * cd + self.cos * sd, self.cos * cd - self.sin * sd);
            self.steps += 1;
        } else {
            (self.sin, self.cos) = sin_cos_deg(h_deg);
            self.steps = 0;
        }
        (self.sin, self.cos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::solar::position::{civil_from_days, julian_day, spa};

    /// Every row's up/down state, by the [`NightBound`] shortcut or not, is the geocentric-altitude
    /// test of the full SPA at the row's instant (rows within 1e-9 of the threshold aside), from
    /// the equator to polar day and night, for hourly and quarter-hourly rows.
    #[test]
    fn instant_states_match_the_full_spa_at_every_row() {
        let sin_h0 = (SUNRISE_ALTITUDE * DEG).sin();
        let mut checked = 0;
        for (lat, lon, tz, step) in [
            (0.5, 100.0, 7.0, 60),
            (40.1, 113.3, 8.0, 60),
            (-33.9, 151.2, 10.0, 60),
            (66.6, 25.0, 2.0, 15),
            (69.65, 18.96, 1.0, 60),
            (-78.0, 166.7, 12.0, 60),
            (89.9, 0.0, 0.0, 60),
        ] {
            let first = days_from_civil(2023, 1, 1);
            let stamps: Vec<Stamp> = (0..365 * 24 * 60 / step)
                .map(|k| {
                    let minutes = k * step;
                    let (year, month, day) = civil_from_days(first + i64::from(minutes / 1440));
                    Stamp {
                        year,
                        month,
                        day,
                        hour: (minutes % 1440 / 60) as u8,
                        minute: (minutes % 60) as u8,
                    }
                })
                .collect();
            let path = SunPath::compute(
                lat,
                lon,
                0.0,
                tz,
                Timing::Start,
                step as u32,
                0,
                &stamps,
                &[],
                &[],
            );
            let site = Site::new(lat, lon, 0.0);
            for (s, state) in stamps.iter().zip(&path.state) {
                let hours = f64::from(s.hour) + f64::from(s.minute) / 60.0;
                let jd = julian_day(s.year, s.month, s.day, hours, tz);
                let p = spa(
                    jd,
                    delta_t_espenak_meeus(s.year, s.month),
                    &site,
                    1013.0,
                    12.0,
                );
                if (p.sin_geocentric_altitude - sin_h0).abs() > 1e-9 {
                    assert_eq!(
                        state.is_up(),
                        p.sin_geocentric_altitude > sin_h0,
                        "{lat}° {s:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 87_000, "{checked}");
    }
}
