//! Parsing one year of weather (8760 rows), native: the shared Datong CSWD EPW, pvlib's Greensboro
//! TMY3 and Miami TMY2, and the shared PSM3 file with NSRDB metadata — all read in place.

use std::path::Path;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::weather::{parse, summarize, timing_check};

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn pvlib_data() -> std::path::PathBuf {
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/lib");
    std::fs::read_dir(&lib)
        .expect("run scripts/setup-venv.sh")
        .flatten()
        .map(|e| e.path().join("site-packages/pvlib/data"))
        .find(|p| p.exists())
        .expect("run scripts/setup-venv.sh")
}

fn bench(c: &mut Criterion) {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/weather");
    let epw = read(&shared.join("CHN_Shanxi.Datong.534870_CSWD.epw"));
    let tmy3 = read(&pvlib_data().join("723170TYA.CSV"));
    let tmy2 = read(&pvlib_data().join("12839.tm2"));
    let bare = read(&shared.join("test_psm3_tmy-2017.csv"));
    let mut psm3 = String::from(
        "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation\n\
         NSRDB,-,-,-,-,40.5137,-108.5449,-7,1900\n",
    );
    for l in bare.lines() {
        psm3.push_str(l.split_once(',').map_or(l, |(_, r)| r));
        psm3.push('\n');
    }
    for (name, text) in [
        ("parse EPW (Datong CSWD, 8760 rows)", &epw),
        ("parse TMY3 (Greensboro)", &tmy3),
        ("parse TMY2 (Miami)", &tmy2),
        ("parse NSRDB PSM3 CSV", &psm3),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| parse(black_box(text), None, None).unwrap())
        });
    }
    let w = parse(&epw, None, None).unwrap();
    c.bench_function("summarize + timing_check (EPW)", |b| {
        b.iter(|| (summarize(black_box(&w)), timing_check(black_box(&w))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
