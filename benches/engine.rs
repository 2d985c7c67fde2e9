//! One system-year of the hourly engine (PVWatts v8 chain) on a real weather file:
//! cold (the sun path computed from the weather's stamps, then the chain) and warm (the sun path
//! of the location cached, only the chain). Weather: ../shared/weather Datong CSWD EPW (instants)
//! and the pvlib wheel's Greensboro TMY3 (hour averages) when the venv is present.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::pv::{simulate, Mounting, Plane, SystemSpec};
use rooftop_pv::solar::SunPath;
use rooftop_pv::weather::{parse_bytes, ParseOptions, Weather};
use std::path::{Path, PathBuf};

fn read(path: &Path) -> Option<Weather> {
    let bytes = std::fs::read(path).ok()?;
    let options = ParseOptions {
        file_name: path.file_name().map(|f| f.to_string_lossy().into_owned()),
        ..ParseOptions::default()
    };
    parse_bytes(&bytes, &options).ok()
}

fn files() -> Vec<(&'static str, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v = vec![(
        "datong-cswd",
        root.join("../shared/weather/CHN_Shanxi.Datong.534870_CSWD.epw"),
    )];
    if let Ok(entries) = std::fs::read_dir(root.join(".venv/lib")) {
        for e in entries.flatten() {
            let p = e.path().join("site-packages/pvlib/data/723170TYA.CSV");
            if p.exists() {
                v.push(("greensboro-tmy3", p));
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
    for (name, path) in files() {
        let Some(w) = read(&path) else { continue };
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
