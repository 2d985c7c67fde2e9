//! The stage table of one weather-file `calculate`: median time of each stage over many runs,
//! natively or as WebAssembly under Node's WASI (same code, same clock: `std::time::Instant`).
//!
//! ```sh
//! cargo run --release --example stages -- FILE.epw [RUNS] [MORE…]
//! cargo build --release --example stages --target wasm32-wasip1
//! node scripts/bench-stages-wasi.mjs FILE.epw [RUNS] [MORE…]
//! ```
//!
//! `MORE`: weather files of any format (TMY3, PSM3 …) whose read alone is timed as well.
//!
//! Stages: UTF-8 check of the bytes, read (text → rows, leap day, gaps, checks), summary (annual
//! sums and the timing check), sun path, chain (PVWatts v8, 4 kWp south 20° roof), money (25 years
//! × 8,760 h on the chain's hours, the default owner scenario), the scenario's JSON read, the
//! report written as JSON, and the whole `calculate` (JSON scenario already parsed), on a fresh
//! file each call (nothing reused) and on the same file again (the sun path reused). Only EPW
//! files (the fresh copies change the LOCATION line's elevation).

use std::time::Instant;

use rooftop_pv::pv::{simulate, SystemSpec};
use rooftop_pv::solar::SunPath;
use rooftop_pv::weather::{parse_bytes, parse_with, summarize, text_of, ParseOptions};
use rooftop_pv::Scenario;

/// Median wall time of `runs` calls of `f` after a tenth as many warm-up calls [ms].
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    for _ in 0..runs.div_ceil(10) {
        std::hint::black_box(f());
    }
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            std::hint::black_box(f());
            t0.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: stages FILE [RUNS]");
    let runs: usize = args.next().map_or(200, |r| r.parse().expect("RUNS"));
    let more: Vec<String> = args.collect();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let options = ParseOptions::default();
    let weather = parse_bytes(&bytes, &options).expect("weather");
    let sun = SunPath::new(&weather);
    let system = SystemSpec::default();
    let result = simulate(&weather, &sun, &system).expect("chain");
    let hours: Vec<f64> = result.ac_w.iter().map(|w| w / 1000.0).collect();
    let money = Scenario::from_json(
        r#"{"system":{"capacityKwp":4},"resource":{"method":"fullLoadHours","hours":1000}}"#,
    )
    .expect("scenario");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let scenario_json = r#"{"system":{"capacityKwp":4,"planes":[{"tiltDeg":20,"azimuthDeg":180,"shareOfCapacity":1}]},
            "resource":{"method":"weatherFile"}}"#;
    let mut whole = Scenario::from_json(scenario_json).expect("scenario");
    // Eight copies of the file, the site's elevation a millimetre apart (more than the sun path
    // cache holds): every call computes its sun path anew.
    let fresh: Vec<Scenario> = (1..=8)
        .map(|k| {
            let mut s = whole.clone();
            let mut t = text.clone();
            let end = t.find('\n').expect("a header line");
            let mut cells: Vec<String> = t[..end].split(',').map(str::to_string).collect();
            let elevation: f64 = cells[9].trim().parse().expect("EPW elevation");
            cells[9] = format!("{:.3}", elevation + k as f64 / 1000.0);
            t.replace_range(..end, &cells.join(","));
            s.resource.text = Some(t);
            s
        })
        .collect();
    whole.resource.text = Some(text);
    let report = rooftop_pv::calculate(&whole).expect("report");
    let text = text_of(&bytes);
    let mut k = 0;

    let rows = [
        ("UTF-8 check", median_ms(runs, || text_of(&bytes).len())),
        (
            "read (text → weather)",
            median_ms(runs, || parse_with(&text, &options)),
        ),
        (
            "read (bytes → weather)",
            median_ms(runs, || parse_bytes(&bytes, &options)),
        ),
        (
            "summary + timing check",
            median_ms(runs, || summarize(&weather)),
        ),
        ("sun path", median_ms(runs, || SunPath::new(&weather))),
        (
            "chain",
            median_ms(runs, || simulate(&weather, &sun, &system)),
        ),
        (
            "money (25 y × 8760 h)",
            median_ms(runs, || rooftop_pv::calculate_with_hours(&money, &hours)),
        ),
        (
            "scenario JSON → Scenario",
            median_ms(runs, || Scenario::from_json(scenario_json)),
        ),
        (
            "report → JSON text",
            median_ms(runs, || serde_json::to_string(&report).map(|t| t.len())),
        ),
        (
            "calculate (whole, fresh file)",
            median_ms(runs, || {
                k += 1;
                rooftop_pv::calculate(&fresh[k % fresh.len()])
            }),
        ),
        (
            "calculate (whole, same file again)",
            median_ms(runs, || rooftop_pv::calculate(&whole)),
        ),
    ];
    let arch = if cfg!(target_arch = "wasm32") {
        "wasm"
    } else {
        "native"
    };
    println!("stage | {arch} ms (median of {runs})");
    for (name, ms) in rows {
        println!("{name} | {ms:.3}");
    }
    for path in &more {
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let text = text_of(&bytes);
        parse_with(&text, &options).unwrap_or_else(|e| panic!("{path}: {}", e.message));
        let name = path.rsplit('/').next().unwrap_or(path);
        let ms = median_ms(runs, || parse_with(&text, &options));
        println!("read {name} (text → weather) | {ms:.3}");
    }
}
