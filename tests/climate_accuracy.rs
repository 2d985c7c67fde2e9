//! Accuracy of the built-in climate (issue 4): for each of the 12 CSWD stations with a full EPW
//! in tests/data/weather (gzip), the hourly chain (`rooftop_pv::pv::simulate`, PVWatts v8)
//! on hours synthesised by `station` (the station's typical days) and by `monthly` (the station's
//! 12 monthly GHI values and temperatures, Duffie & Beckman monthly method), against the same
//! chain and system on the full EPW. Systems: 4 kWdc PVWatts defaults (roof mount, standard
//! module, DC/AC 1.2, 96 %, 14.08 % losses, albedo 0.2, Perez sky) on a south plane tilted 20° and
//! 35°, an east and a west plane tilted 20°.
//!
//! Asserted: annual AC within ±3 %, every month within ±6 %, for both methods (`monthly` on a
//! station's own values uses that station's typical days, as `pv-model.md` asks); and, as a
//! regression guard at its measured accuracy, the Duffie & Beckman split that `monthly` uses more
//! than 50 km from any station, fed with the horizontal irradiation the EPW run actually sees
//! (Σ DNI·cos z + DHI, 0.5–15 % below the CSWD GHI: the source's DNI is modelled).
//! The tables are printed: `cargo test --release --test climate_accuracy -- --nocapture`.
//! The day-to-day variability experiment (`Variability::Daily`) is printed by
//! `cargo test --release --test climate_accuracy -- --ignored --nocapture`.

mod weather_common;

use rooftop_pv::climate::{self, MonthlyInputs, MonthlySplit, Place, Variability};
use rooftop_pv::pv::{simulate, HourlyResult, Plane, SystemSpec};
use rooftop_pv::solar::{SkyModel, SunPath};
use rooftop_pv::weather::{parse_bytes, ParseOptions, Weather};

const STATIONS: [(&str, &str); 12] = [
    ("534870", "CHN_Shanxi.Datong.534870_CSWD.epw"),
    ("537720", "CHN_Shanxi.Taiyuan.537720_CSWD.epw"),
    ("536730", "CHN_Shanxi.Yuanping.536730_CSWD.epw"),
    ("539590", "CHN_Shanxi.Yuncheng.539590_CSWD.epw"),
    ("545110", "CHN_Beijing.Beijing.545110_CSWD.epw"),
    ("583620", "CHN_Shanghai.Shanghai.583620_CSWD.epw"),
    ("592870", "CHN_Guangdong.Guangzhou.592870_CSWD.epw"),
    ("562940", "CHN_Sichuan.Chengdu.562940_CSWD.epw"),
    ("555910", "CHN_Tibet.Lhasa.555910_CSWD.epw"),
    ("509530", "CHN_Heilongjiang.Harbin.509530_CSWD.epw"),
    ("514630", "CHN_Xinjiang.Uygur.Urumqi.514630_CSWD.epw"),
    ("567780", "CHN_Yunnan.Kunming.567780_CSWD.epw"),
];

const PLANES: [(&str, f64, f64); 4] = [
    ("S20", 20.0, 180.0),
    ("S35", 35.0, 180.0),
    ("E20", 20.0, 90.0),
    ("W20", 20.0, 270.0),
];

fn epw(file: &str) -> Weather {
    let bytes = weather_common::fixture_bytes(file);
    parse_bytes(
        &bytes,
        &ParseOptions {
            file_name: Some(file.to_string()),
            ..ParseOptions::default()
        },
    )
    .unwrap_or_else(|e| panic!("{file}: {e:?}"))
}

fn system(tilt: f64, azimuth: f64, sky: SkyModel) -> SystemSpec {
    SystemSpec {
        planes: vec![Plane {
            tilt_deg: tilt,
            azimuth_deg: azimuth,
            share: 1.0,
        }],
        sky_model: sky,
        ..SystemSpec::default()
    }
}

fn run(w: &Weather, sys: &SystemSpec) -> HourlyResult {
    let sun = SunPath::new(w);
    simulate(w, &sun, sys).unwrap()
}

/// (Δ annual %, worst Δ month %) of `r` against the reference `base`.
fn compare(r: &HourlyResult, base: &HourlyResult) -> (f64, f64) {
    let da = 100.0 * (r.annual.ac_kwh / base.annual.ac_kwh - 1.0);
    let mut dm: f64 = 0.0;
    for m in 0..12 {
        let d = 100.0 * (r.monthly[m].ac_kwh / base.monthly[m].ac_kwh - 1.0);
        if d.abs() > dm.abs() {
            dm = d;
        }
    }
    (da, dm)
}

fn monthly_inputs(id: &str) -> (Vec<f64>, Vec<f64>, Place) {
    let c = climate::climate(id).unwrap();
    let ghi = c.monthly.iter().map(|m| m.ghi_kwh_m2).collect();
    let temp = c.monthly.iter().map(|m| m.temp_c).collect();
    let place = Place {
        latitude: c.station.latitude,
        longitude: c.station.longitude,
        elevation_m: Some(c.station.elevation_m),
    };
    (ghi, temp, place)
}

fn monthly_weather_with(id: &str, ghi: &[f64], split: MonthlySplit<'_>) -> Weather {
    let (_, temp, place) = monthly_inputs(id);
    climate::monthly_weather(&MonthlyInputs {
        split,
        ..MonthlyInputs::new(place, 8.0, ghi, Some(&temp))
    })
    .unwrap()
    .weather
}

/// The product's monthly method on the station's own monthly values and coordinates.
fn monthly_weather(id: &str) -> Weather {
    let (ghi, _, _) = monthly_inputs(id);
    monthly_weather_with(id, &ghi, MonthlySplit::Auto)
}

/// The second-nearest station to a station: the profile a user would get if this station did
/// not exist (leave-one-out).
fn neighbour(id: &str) -> String {
    let st = climate::find_by_id(id).unwrap();
    let n = climate::nearest_n(st.latitude, st.longitude, 2);
    assert_eq!(n[0].station.id, id);
    n[1].station.id.clone()
}

/// The monthly horizontal irradiation the chain actually sees in a station's EPW file,
/// Σ (DNI·cos z + DHI) over the rows with the sun up [kWh/m²] — below the file's GHI by 0.5–15 %
/// for CSWD (the source's DNI is modelled; data/README.md).
fn effective_ghi(id: &str) -> Vec<f64> {
    let file = STATIONS.iter().find(|s| s.0 == id).unwrap().1;
    let w = epw(file);
    let sun = SunPath::new(&w);
    let mut out = vec![0.0; 12];
    for i in 0..w.stamps.len() {
        if sun.state[i].is_up() {
            out[w.stamps[i].month as usize - 1] +=
                (w.dni_w_m2[i] * sun.cos_zenith[i].max(0.0) + w.dhi_w_m2[i]) / 1000.0;
        }
    }
    out
}

/// A table of methods × (station, plane): prints it and returns the worst |Δ annual| and
/// |Δ month| of each method.
/// A method: its name, the hours it makes for a station id, the sky model of the chain.
type Method<'a> = (&'a str, &'a dyn Fn(&str) -> Weather, SkyModel);

fn table(methods: &[Method<'_>]) -> Vec<(f64, f64)> {
    let mut worst = vec![(0.0f64, 0.0f64); methods.len()];
    let mut sums = vec![(0.0f64, 0usize); methods.len()];
    print!("{:<22}{:>5} {:>10}", "station", "plane", "EPW kWh");
    for (name, _, _) in methods {
        print!(" | {name:>22}");
    }
    println!();
    print!("{:<22}{:>5} {:>10}", "", "", "");
    for _ in methods {
        print!(" | {:>10} {:>11}", "Δ annual %", "worst mon %");
    }
    println!();
    for (id, file) in STATIONS {
        let w = epw(file);
        let sun = SunPath::new(&w);
        let synth: Vec<Weather> = methods.iter().map(|(_, f, _)| f(id)).collect();
        let st = climate::find_by_id(id).unwrap();
        for (pname, tilt, az) in PLANES {
            let mut line = format!(
                "{:<22}{:>5}",
                format!("{} {} {}", st.id, st.name_en, st.name_zh),
                pname
            );
            let mut base_kwh = 0.0;
            let mut cells = String::new();
            for (k, (_, _, sky)) in methods.iter().enumerate() {
                let sys = system(tilt, az, *sky);
                let base = simulate(&w, &sun, &sys).unwrap();
                base_kwh = base.annual.ac_kwh;
                let r = run(&synth[k], &sys);
                let (da, dm) = compare(&r, &base);
                worst[k].0 = worst[k].0.max(da.abs());
                worst[k].1 = worst[k].1.max(dm.abs());
                sums[k].0 += da.abs();
                sums[k].1 += 1;
                cells += &format!(" | {da:>+10.2} {dm:>+11.2}");
            }
            line += &format!(" {base_kwh:>10.1}{cells}");
            println!("{line}");
        }
    }
    print!("{:<38}", "worst |Δ| (mean |Δ annual|)");
    for (k, w) in worst.iter().enumerate() {
        print!(
            " | {:>10.2} {:>11.2} ({:.2})",
            w.0,
            w.1,
            sums[k].0 / sums[k].1 as f64
        );
    }
    println!();
    worst
}

#[test]
fn station_and_monthly_against_the_full_epw() {
    let station: &dyn Fn(&str) -> Weather = &|id| climate::station_weather(id, None).unwrap();
    let monthly: &dyn Fn(&str) -> Weather = &monthly_weather;
    let db_eff: &dyn Fn(&str) -> Weather =
        &|id| monthly_weather_with(id, &effective_ghi(id), MonthlySplit::DuffieBeckman);
    let worst = table(&[
        ("station", station, SkyModel::Perez),
        ("monthly", monthly, SkyModel::Perez),
        ("monthly, D&B split", db_eff, SkyModel::Perez),
    ]);
    // The bounds for the product's two methods.
    for (name, (annual, month)) in ["station", "monthly"].iter().zip(&worst) {
        assert!(
            *annual <= 3.0,
            "{name}: worst annual deviation {annual:.2} % > 3 %"
        );
        assert!(
            *month <= 6.0,
            "{name}: worst monthly deviation {month:.2} % > 6 %"
        );
    }
    // The Duffie & Beckman split (sites more than 50 km from a station), fed with the horizontal
    // irradiation the EPW run sees: a regression guard at its measured accuracy (annual 7.5 %,
    // month 22.6 % worst), not the bounds, which a synthetic split cannot meet against
    // CSWD's own modelled diffuse share and morning/afternoon asymmetry.
    let (annual, month) = worst[2];
    assert!(
        annual <= 8.0,
        "D&B split: worst annual deviation {annual:.2} % > 8 %"
    );
    assert!(
        month <= 25.0,
        "D&B split: worst monthly deviation {month:.2} % > 25 %"
    );
}

#[test]
#[ignore = "experiment: prints the day-to-day variability and sky-model comparison"]
fn variability_experiment() {
    let average: &dyn Fn(&str) -> Weather =
        &|id| climate::station_weather_with(id, None, Variability::None).unwrap();
    let daily: &dyn Fn(&str) -> Weather = &|id| climate::station_weather(id, None).unwrap();
    println!("\n1. station: average days vs daily variability (Perez)");
    table(&[
        ("station, average days", average, SkyModel::Perez),
        ("station, daily", daily, SkyModel::Perez),
    ]);

    let loo: &dyn Fn(&str) -> Weather = &|id| {
        let other = neighbour(id);
        monthly_weather_with(id, &monthly_inputs(id).0, MonthlySplit::Station(&other))
    };
    let db_ghi: &dyn Fn(&str) -> Weather =
        &|id| monthly_weather_with(id, &monthly_inputs(id).0, MonthlySplit::DuffieBeckman);
    let db_eff: &dyn Fn(&str) -> Weather =
        &|id| monthly_weather_with(id, &effective_ghi(id), MonthlySplit::DuffieBeckman);
    let db_eff_avg: &dyn Fn(&str) -> Weather = &|id| {
        let (_, temp, place) = monthly_inputs(id);
        let ghi = effective_ghi(id);
        climate::monthly_weather(&MonthlyInputs {
            split: MonthlySplit::DuffieBeckman,
            variability: Variability::None,
            ..MonthlyInputs::new(place, 8.0, &ghi, Some(&temp))
        })
        .unwrap()
        .weather
    };
    println!("\n2. monthly: profile of the next station (leave-one-out), Duffie & Beckman on the");
    println!("   CSWD GHI, Duffie & Beckman on the horizontal irradiation the EPW run sees");
    table(&[
        ("monthly, next station", loo, SkyModel::Perez),
        ("D&B, CSWD GHI", db_ghi, SkyModel::Perez),
        ("D&B, EPW DNI·cosz+DHI", db_eff, SkyModel::Perez),
        ("same, average days", db_eff_avg, SkyModel::Perez),
        ("same, HDKR sky", db_eff, SkyModel::Hdkr),
    ]);
}

/// The speed bound: hours from a station plus the chain within 2× of reading the station's
/// EPW text plus the chain (asserted in optimised builds only; printed always).
#[test]
fn station_is_as_fast_as_a_weather_file() {
    let text = weather_common::fixture_bytes("CHN_Shanxi.Datong.534870_CSWD.epw");
    let sys = system(20.0, 180.0, SkyModel::Perez);
    // The best of 7 runs: other tests run in parallel.
    let time = |f: &dyn Fn() -> f64| {
        let mut best = f64::MAX;
        let mut s = 0.0;
        for _ in 0..7 {
            let t = std::time::Instant::now();
            s += f();
            best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        }
        (best, s)
    };
    let (file_ms, _) = time(&|| {
        let w = parse_bytes(
            &text,
            &ParseOptions {
                file_name: Some("CHN_Shanxi.Datong.534870_CSWD.epw".into()),
                ..ParseOptions::default()
            },
        )
        .unwrap();
        run(&w, &sys).annual.ac_kwh
    });
    let (station_ms, _) = time(&|| {
        let w = climate::station_weather("534870", None).unwrap();
        run(&w, &sys).annual.ac_kwh
    });
    let (synth_ms, _) = time(&|| climate::station_weather("534870", None).unwrap().ghi_w_m2[12]);
    let (decode_ms, _) = time(&|| climate::climate("534870").unwrap().monthly[0].ghi_kwh_m2);
    let (monthly_ms, _) = time(&|| {
        let (ghi, temp, place) = monthly_inputs("534870");
        let w = climate::monthly_weather(&MonthlyInputs {
            split: MonthlySplit::DuffieBeckman,
            ..MonthlyInputs::new(place, 8.0, &ghi, Some(&temp))
        })
        .unwrap()
        .weather;
        run(&w, &sys).annual.ac_kwh
    });
    println!(
        "Datong, one plane: weather file + chain {file_ms:.2} ms, station + chain {station_ms:.2} ms \
         (decode {decode_ms:.3} ms, synthesis {synth_ms:.2} ms), monthly (D&B) + chain {monthly_ms:.2} ms"
    );
    if !cfg!(debug_assertions) {
        assert!(
            station_ms <= 2.0 * file_ms,
            "{station_ms} ms vs {file_ms} ms"
        );
    }
}
