//! The timing conventions of the sun path (shared reference pv-model.md §1): where in each row's
//! interval the sun is taken, and when it counts as up.

mod chain_support;

use chain_support::weather;
use rooftop_pv::solar::position::{
    days_from_civil, delta_t_espenak_meeus, sun_rise_transit_set, Site, SunEvents,
};
use rooftop_pv::solar::{SunPath, SunState};
use rooftop_pv::weather::{Timing, Weather};

fn events(w: &Weather, i: usize) -> SunEvents {
    let s = w.stamps[i];
    let loc = &w.location;
    let site = Site::new(loc.latitude, loc.longitude, loc.elevation_m);
    sun_rise_transit_set(
        s.year,
        s.month,
        s.day,
        loc.timezone_h,
        &site,
        delta_t_espenak_meeus(s.year, s.month),
    )
}

/// Hour averages (TMY3): sun at mid-hour; in the sunrise hour at the midpoint of (sunrise, end of
/// hour), in the sunset hour at the midpoint of (start of hour, sunset), as ssc. (The sun path's
/// events come from the interpolated geocentric sun; the full SPA events agree within 0.4 s.)
#[test]
fn hour_averages_use_the_sunlit_part_of_sunrise_and_sunset_hours() {
    let w = weather("pvlib:723170TYA.CSV");
    assert_eq!(w.timing, Timing::Centre);
    let sun = SunPath::new(&w);
    let (mut rises, mut sets) = (0, 0);
    for i in 0..w.stamps.len() {
        let s = w.stamps[i];
        let t0 = f64::from(s.hour) + f64::from(s.minute) / 60.0;
        let t = sun.sun_time_h[i];
        match sun.state[i] {
            SunState::Rise => {
                let SunEvents::RiseSet { sunrise, .. } = events(&w, i) else {
                    panic!()
                };
                assert!(sunrise > t0 && sunrise <= t0 + 1.0, "row {i}");
                assert!((t - 0.5 * (sunrise + t0 + 1.0)).abs() < 1e-4, "row {i}");
                assert!((sun.sun_up_fraction[i] - (t0 + 1.0 - sunrise)).abs() < 1e-4);
                rises += 1;
            }
            SunState::Set => {
                let SunEvents::RiseSet { sunset, .. } = events(&w, i) else {
                    panic!()
                };
                assert!(sunset >= t0 && sunset < t0 + 1.0, "row {i}");
                assert!((t - 0.5 * (t0 + sunset)).abs() < 1e-4, "row {i}");
                assert!((sun.sun_up_fraction[i] - (sunset - t0)).abs() < 1e-4);
                sets += 1;
            }
            SunState::Up => {
                assert_eq!(t, t0 + 0.5);
                assert_eq!(sun.sun_up_fraction[i], 1.0);
            }
            SunState::Down => {
                assert_eq!(t, t0 + 0.5);
                assert_eq!(sun.sun_up_fraction[i], 0.0);
                assert_eq!(sun.air_mass_relative[i], 0.0);
            }
        }
    }
    // one sunrise and one sunset hour a day
    assert_eq!((rises, sets), (365, 365));
}

/// Instants: the sun at the interval start (CSWD: EPW hour h holds at (h−1):00), the end, or the
/// written time; up between sunrise and sunset.
#[test]
fn instants_start_end_and_written_time() {
    let w = weather("shared:CHN_Shanxi.Datong.534870_CSWD.epw");
    assert_eq!(w.timing, Timing::Start);
    assert_eq!(w.stamp_offset_minutes, 60);
    let start = SunPath::new(&w);
    let mut w_end = w.clone();
    w_end.timing = Timing::End;
    let end = SunPath::new(&w_end);
    let mut w_instant = w.clone();
    w_instant.timing = Timing::Instant;
    let instant = SunPath::new(&w_instant);
    let mut w_zero = w.clone();
    w_zero.timing = Timing::Instant;
    w_zero.stamp_offset_minutes = 0;
    let instant_zero = SunPath::new(&w_zero);
    assert_eq!(instant_zero.zenith, start.zenith);
    assert_eq!(instant.zenith, end.zenith);
    let mut up = 0;
    for i in 0..w.stamps.len() {
        let s = w.stamps[i];
        let t0 = f64::from(s.hour);
        assert_eq!(start.sun_time_h[i], t0);
        assert_eq!(end.sun_time_h[i], t0 + 1.0);
        // the end of one row is the start of the next
        if i + 1 < w.stamps.len() && w.stamps[i + 1].hour != 0 {
            // (the azimuth: the refraction differs with each row's pressure and temperature)
            assert!((end.azimuth[i] - start.azimuth[i + 1]).abs() < 1e-9);
        }
        if let SunEvents::RiseSet {
            sunrise, sunset, ..
        } = events(&w, i)
        {
            let is_up = start.state[i] == SunState::Up;
            // away from the events (1 s), up exactly between sunrise and sunset
            if (t0 - sunrise).abs() > 3e-4 && (t0 - sunset).abs() > 3e-4 {
                assert_eq!(is_up, t0 > sunrise && t0 < sunset, "row {i}");
            }
        }
        if start.state[i].is_up() {
            up += 1;
            assert_eq!(start.sun_up_fraction[i], 1.0);
        }
    }
    // Datong: about half the instants are daylight
    assert!((4300..4500).contains(&up), "{up}");
}

#[test]
fn sun_path_is_reused_only_for_the_same_weather() {
    let w = weather("shared:CHN_Shanxi.Datong.534870_CSWD.epw");
    let sun = SunPath::new(&w);
    assert!(sun.matches(&w));
    let mut other = w.clone();
    other.pressure_mbar[100] += 1.0;
    assert!(!sun.matches(&other));
    let mut moved = w.clone();
    moved.location.longitude += 0.01;
    assert!(!sun.matches(&moved));
    assert_eq!(sun.len(), w.stamps.len());
    // every output finite
    for v in [
        &sun.zenith,
        &sun.azimuth,
        &sun.cos_zenith,
        &sun.sun_east,
        &sun.sun_north,
        &sun.dni_extra,
        &sun.air_mass_relative,
        &sun.air_mass_absolute,
        &sun.sun_up_fraction,
    ] {
        assert!(v.iter().all(|x| x.is_finite()));
    }
    let d0 = days_from_civil(2005, 1, 1);
    assert_eq!(d0, 12784);
}

#[test]
fn shared_sun_paths_are_the_same_weathers_and_bounded() {
    use rooftop_pv::solar::sunpath::CACHED_PATHS;
    use std::rc::Rc;
    let w = weather("shared:CHN_Shanxi.Datong.534870_CSWD.epw");
    let first = SunPath::shared(&w);
    assert_eq!(*first, SunPath::new(&w));
    assert!(
        Rc::ptr_eq(&first, &SunPath::shared(&w.clone())),
        "same weather: reused"
    );
    // Any input the path depends on changed by one bit: computed anew, and right.
    let mut warmer = w.clone();
    warmer.temp_air_c[5000] = f64::from_bits(warmer.temp_air_c[5000].to_bits() + 1);
    let mut later = w.clone();
    later.stamps[0].year += 1;
    let mut higher = w.clone();
    higher.location.elevation_m += 1e-9;
    for other in [&warmer, &later, &higher] {
        let path = SunPath::shared(other);
        assert!(!Rc::ptr_eq(&first, &path));
        assert_eq!(*path, SunPath::new(other));
    }
    // Bounded: after CACHED_PATHS other weathers, the first is computed again.
    for k in 0..CACHED_PATHS {
        let mut v = w.clone();
        v.location.elevation_m += k as f64 + 1.0;
        SunPath::shared(&v);
    }
    let again = SunPath::shared(&w);
    assert!(!Rc::ptr_eq(&first, &again));
    assert_eq!(*again, *first);
}
