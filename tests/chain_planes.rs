//! Several roof planes on one inverter: an east/west roof in one run (which PVWatts cannot do),
//! checked against the single-plane chain (itself at PVWatts v8 parity, tests/chain_parity.rs).

mod chain_support;

use chain_support::weather;
use rooftop_pv::pv::inverter::InverterV8;
use rooftop_pv::pv::{simulate, HourlyResult, Plane, SystemSpec};
use rooftop_pv::solar::SunPath;
use rooftop_pv::weather::{Timing, Weather};

fn plane(tilt_deg: f64, azimuth_deg: f64, share: f64) -> Plane {
    Plane {
        tilt_deg,
        azimuth_deg,
        share,
    }
}

fn system(planes: Vec<Plane>, dc_w: f64) -> SystemSpec {
    SystemSpec {
        planes,
        dc_capacity_w: dc_w,
        ..SystemSpec::default()
    }
}

fn run(w: &Weather, sun: &SunPath, s: &SystemSpec) -> HourlyResult {
    simulate(w, sun, s).unwrap()
}

#[test]
fn east_west_roof_on_one_inverter() {
    for name in [
        "shared:CHN_Shanxi.Datong.534870_CSWD.epw",
        "shared:CHN_Guangdong.Guangzhou.592870_CSWD.epw",
    ] {
        let w = weather(name);
        let sun = SunPath::new(&w);
        let dc = 6000.0;
        let ew = system(vec![plane(15.0, 90.0, 0.5), plane(15.0, 270.0, 0.5)], dc);
        let r = run(&w, &sun, &ew);

        // The same planes as single-plane systems of the full size.
        let east = run(&w, &sun, &system(vec![plane(15.0, 90.0, 1.0)], dc));
        let west = run(&w, &sun, &system(vec![plane(15.0, 270.0, 1.0)], dc));
        let inv = InverterV8::new(dc, ew.dc_ac_ratio, ew.inverter_efficiency);
        for i in 0..w.stamps.len() {
            // DC adds before the inverter; POA and cell temperature are share-weighted.
            let dc_sum = 0.5 * (east.dc_w[i] + west.dc_w[i]);
            assert!(
                (r.dc_w[i] - dc_sum).abs() <= 1e-9 * dc_sum.max(1.0),
                "{name} row {i}"
            );
            assert!((r.ac_w[i] - inv.ac(dc_sum)).abs() <= 1e-9 * dc_sum.max(1.0));
            let poa = 0.5 * (east.poa_w_m2[i] + west.poa_w_m2[i]);
            assert!((r.poa_w_m2[i] - poa).abs() <= 1e-9 * poa.max(1.0));
        }

        // Against two half-size systems with an inverter each (two PVWatts runs): the shared
        // inverter clips less (the east and west peaks come at different hours) but crosses its
        // start-up power P_so with one plane only in the morning and evening.
        let south = run(&w, &sun, &system(vec![plane(15.0, 180.0, 1.0)], dc));
        let peak = |x: &HourlyResult| x.ac_w.iter().cloned().fold(0.0, f64::max);
        for ratio in [1.2, 1.6] {
            let with = |mut s: SystemSpec| {
                s.dc_ac_ratio = ratio;
                run(&w, &sun, &s)
            };
            let shared = with(ew.clone());
            let two_runs = with(system(vec![plane(15.0, 90.0, 1.0)], dc / 2.0))
                .annual
                .ac_kwh
                + with(system(vec![plane(15.0, 270.0, 1.0)], dc / 2.0))
                    .annual
                    .ac_kwh;
            println!(
                "{:<40} DC/AC {ratio}: E/W 15° on one inverter {:.1} kWh (peak {:.0} W, clipping {:.1} kWh), \
                 as two half systems {:.1} kWh ({:+.2} %)",
                name,
                shared.annual.ac_kwh,
                peak(&shared),
                shared.annual.clipping_kwh(),
                two_runs,
                100.0 * (shared.annual.ac_kwh / two_runs - 1.0)
            );
            assert!((shared.annual.ac_kwh / two_runs - 1.0).abs() < 0.01);
        }
        println!(
            "{:<40} kWh/kWp: E/W {:.0}, east alone {:.0}, west alone {:.0}, south 15° {:.0}; peak AC E/W {:.0} W, south {:.0} W",
            name,
            r.annual.ac_kwh / (dc / 1000.0),
            east.annual.ac_kwh / (dc / 1000.0),
            west.annual.ac_kwh / (dc / 1000.0),
            south.annual.ac_kwh / (dc / 1000.0),
            peak(&r),
            peak(&south),
        );
        assert!(r.annual.ac_kwh < south.annual.ac_kwh);
        assert!(peak(&r) < peak(&south));
        // CSWD data at their own timing (instants at (h−1):00): east and west within a few %
        let asym = east.annual.ac_kwh / west.annual.ac_kwh - 1.0;
        assert!(asym.abs() < 0.05, "{name}: east/west {asym}");
        // monthly sums add up to the year
        let months: f64 = r.monthly.iter().map(|m| m.ac_kwh).sum();
        assert!((months - r.annual.ac_kwh).abs() < 1e-6);
    }
}

#[test]
fn shares_are_normalised_and_mixed_roofs_add_up() {
    let w = weather("shared:CHN_Shanxi.Taiyuan.537720_CSWD.epw");
    let sun = SunPath::new(&w);
    let a = run(
        &w,
        &sun,
        &system(
            vec![plane(20.0, 100.0, 0.5), plane(20.0, 280.0, 0.5)],
            5000.0,
        ),
    );
    let b = run(
        &w,
        &sun,
        &system(
            vec![plane(20.0, 100.0, 1.0), plane(20.0, 280.0, 1.0)],
            5000.0,
        ),
    );
    assert_eq!(a.ac_w, b.ac_w);

    // A south roof, a small east and a small west roof: each plane's DC is its share of the
    // full-size single-plane DC.
    let planes = [(25.0, 180.0, 0.5), (30.0, 90.0, 0.3), (30.0, 270.0, 0.2)];
    let mixed = run(
        &w,
        &sun,
        &system(
            planes.iter().map(|p| plane(p.0, p.1, p.2)).collect(),
            10_000.0,
        ),
    );
    let singles: Vec<HourlyResult> = planes
        .iter()
        .map(|p| run(&w, &sun, &system(vec![plane(p.0, p.1, 1.0)], 10_000.0)))
        .collect();
    for i in 0..w.stamps.len() {
        let dc: f64 = planes
            .iter()
            .zip(&singles)
            .map(|(p, s)| p.2 * s.dc_w[i])
            .sum();
        assert!((mixed.dc_w[i] - dc).abs() <= 1e-9 * dc.max(1.0));
    }
    assert!(mixed.annual.dc_kwh > 0.0);
}

/// The timing convention moves east and west roofs in opposite directions (pv-model.md: reading
/// CSWD rows as hour averages centred on (h−1):30 shifts an east roof −5 % and a west roof +4 %,
/// Datong, tilt 20). The east/west roof computed in one run averages them out.
#[test]
fn timing_moves_east_and_west_apart() {
    let w = weather("shared:CHN_Shanxi.Datong.534870_CSWD.epw");
    assert_eq!(w.timing, Timing::Start);
    let mut w_centre = w.clone();
    w_centre.timing = Timing::Centre;
    let (sun, sun_centre) = (SunPath::new(&w), SunPath::new(&w_centre));
    assert!(!sun.matches(&w_centre) && sun_centre.matches(&w_centre));
    let shift = |az: f64| {
        let s = system(vec![plane(20.0, az, 1.0)], 4000.0);
        run(&w_centre, &sun_centre, &s).annual.ac_kwh / run(&w, &sun, &s).annual.ac_kwh - 1.0
    };
    let (east, west) = (shift(90.0), shift(270.0));
    println!("Datong tilt 20, rows read as centred on (h-1):30 instead of (h-1):00: east {:+.1} %, west {:+.1} %", 100.0 * east, 100.0 * west);
    assert!(east < -0.03 && west > 0.03);
}
