//! Parsing one year of weather (8760 rows), native: the Datong CSWD EPW of tests/data/weather,
//! pvlib's Greensboro TMY3 and Miami TMY2, the PSM3 sample of tests/data/weather with NSRDB
//! metadata, and PVGIS CSV and JSON made from the Datong EPW; each but the PVGIS JSON also by the
//! validating path alone, the EPW from bytes.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::weather::{
    parse, parse_bytes, parse_validating, summarize, timing_check, ParseOptions,
};

#[path = "../tests/weather_common/mod.rs"]
mod weather_common;

fn bench(c: &mut Criterion) {
    let epw = weather_common::shared(weather_common::DATONG);
    let tmy3 = weather_common::pvlib("723170TYA.CSV");
    let tmy2 = weather_common::pvlib("12839.tm2");
    let bare = weather_common::shared("test_psm3_tmy-2017.csv");
    let mut psm3 = String::from(
        "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation\n\
         NSRDB,-,-,-,-,40.5137,-108.5449,-7,1900\n",
    );
    for l in bare.lines() {
        psm3.push_str(l.split_once(',').map_or(l, |(_, r)| r));
        psm3.push('\n');
    }
    let (pvgis_csv, pvgis_json) = weather_common::pvgis_from_datong();
    for (name, text) in [
        ("parse EPW (Datong CSWD, 8760 rows)", &epw),
        ("parse TMY3 (Greensboro)", &tmy3),
        ("parse TMY2 (Miami)", &tmy2),
        ("parse NSRDB PSM3 CSV", &psm3),
        ("parse PVGIS CSV (from Datong)", &pvgis_csv),
        ("parse PVGIS JSON (from Datong)", &pvgis_json),
    ] {
        c.bench_function(name, |b| {
            b.iter(|| parse(black_box(text), None, None).unwrap())
        });
    }
    // Each CSV-like format by the validating path only (what the lean readers save), the EPW from bytes.
    let options = ParseOptions::default();
    c.bench_function("parse EPW, validating path only", |b| {
        b.iter(|| parse_validating(black_box(&epw), &options).unwrap())
    });
    c.bench_function("parse TMY3, validating path only", |b| {
        b.iter(|| parse_validating(black_box(&tmy3), &options).unwrap())
    });
    c.bench_function("parse NSRDB PSM3 CSV, validating path only", |b| {
        b.iter(|| parse_validating(black_box(&psm3), &options).unwrap())
    });
    c.bench_function("parse TMY2, validating path only", |b| {
        b.iter(|| parse_validating(black_box(&tmy2), &options).unwrap())
    });
    c.bench_function("parse PVGIS CSV, validating path only", |b| {
        b.iter(|| parse_validating(black_box(&pvgis_csv), &options).unwrap())
    });
    c.bench_function("parse_bytes EPW (UTF-8 check + lean reader)", |b| {
        b.iter(|| parse_bytes(black_box(epw.as_bytes()), &options).unwrap())
    });
    let w = parse(&epw, None, None).unwrap();
    c.bench_function("summarize + timing_check (EPW)", |b| {
        b.iter(|| (summarize(black_box(&w)), timing_check(black_box(&w))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
