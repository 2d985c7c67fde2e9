//! One system-year of the hourly engine (PVWatts v8 chain) on a real weather file:
//! cold (the sun path computed from the weather's stamps, then the chain) and warm (the sun path
//! of the location cached, only the chain). Weather: the Datong CSWD EPW of tests/data/weather (instants)
//! and the pvlib wheel's Greensboro TMY3 (hour averages) when the venv is present.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::pv::{simulate, Mounting, Plane, SystemSpec};
use rooftop_pv::solar::SunPath;
use rooftop_pv::weather::{parse_bytes, ParseOptions, Weather};

#[path = "../tests/weather_common/mod.rs"]
mod weather_common;

fn read(name: &str, bytes: &[u8]) -> Option<Weather> {
    let options = ParseOptions {
        file_name: Some(name.to_string()),
        ..ParseOptions::default()
    };
    parse_bytes(bytes, &options).ok()
}

/// (label, file name, bytes): the Datong EPW, and Greensboro when the venv is present.
fn files() -> Vec<(&'static str, String, Vec<u8>)> {
    let datong = "CHN_Shanxi.Datong.534870_CSWD.epw";
    let mut v = vec![(
        "datong-cswd",
        datong.to_string(),
        weather_common::fixture_bytes(datong),
    )];
    let lib = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/lib");
    if let Ok(entries) = std::fs::read_dir(lib) {
        for e in entries.flatten() {
            let p = e.path().join("site-packages/pvlib/data/723170TYA.CSV");
            if let Ok(bytes) = std::fs::read(p) {
                v.push(("greensboro-tmy3", "723170TYA.CSV".to_string(), bytes));
            }
        }
    }
    v
}

fn bench(c: &mut Criterion) {
    let south = SystemSpec::default();
    let east_west = SystemSpec {
        planes: vec![
            Plane {
                tilt_deg: 15.0,
                azimuth_deg: 90.0,
                share: 0.5,
            },
            Plane {
                tilt_deg: 15.0,
                azimuth_deg: 270.0,
                share: 0.5,
            },
        ],
        ..SystemSpec::default()
    };
    let rack = SystemSpec {
        mounting: Mounting::OpenRack,
        dc_capacity_w: 250_000.0,
        ..SystemSpec::default()
    };
    for (name, file, bytes) in files() {
        let Some(w) = read(&file, &bytes) else {
            continue;
        };
        c.bench_function(
            &format!("{name} cold: sun path + chain (south roof)"),
            |b| {
                b.iter(|| {
                    let sun = SunPath::new(black_box(&w));
                    simulate(&w, &sun, &south).unwrap().annual.ac_kwh
                })
            },
        );
        let sun = SunPath::new(&w);
        c.bench_function(&format!("{name} sun path only"), |b| {
            b.iter(|| SunPath::new(black_box(&w)).len())
        });
        c.bench_function(&format!("{name} warm: chain (south roof)"), |b| {
            b.iter(|| simulate(black_box(&w), &sun, &south).unwrap().annual.ac_kwh)
        });
        c.bench_function(&format!("{name} warm: chain (east/west roof)"), |b| {
            b.iter(|| {
                simulate(black_box(&w), &sun, &east_west)
                    .unwrap()
                    .annual
                    .ac_kwh
            })
        });
        c.bench_function(&format!("{name} warm: chain (open rack rows)"), |b| {
            b.iter(|| simulate(black_box(&w), &sun, &rack).unwrap().annual.ac_kwh)
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
