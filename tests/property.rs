//! Property harness (proptest): scenarios mutated from the shipped examples, hostile numbers in the
//! money inputs, mutated weather files through every reader, mutated load files — every result is
//! a report whose numbers are all finite, or a `ScenarioError` with a code, a message in English and
//! Chinese, and a field (empty only for the whole input). Never a panic.
//!
//! Fixed seed; `ROOFTOP_PV_FUZZ_CASES` cases per category (default 48: bounded for `cargo test`;
//! `make fuzz` runs more). Counts per category are printed (`-- --nocapture`).

mod weather_common;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use rooftop_pv::finite::first_non_finite;
use rooftop_pv::weather::{parse_with, ParseOptions, WeatherFormat};
use rooftop_pv::{calculate, Scenario, ScenarioError};
use serde_json::{json, Value};
use weather_common::*;

/// Numbers a hostile or careless caller passes. JSON has no NaN or infinity: the binding turns them
/// into these strings, so they arrive here as such.
const HOSTILE: [&str; 22] = [
    "0",
    "-0.0",
    "1e-300",
    "5e-324",
    "2.5e-18",
    "1e-12",
    "-1e-300",
    "1e300",
    "-1e300",
    "1.7976931348623157e308",
    "-1",
    "1",
    "0.5",
    "100",
    "1e6",
    "8760",
    "\"NaN\"",
    "\"Infinity\"",
    "\"-Infinity\"",
    "null",
    "\"x\"",
    "[]",
];

fn cases() -> u32 {
    std::env::var("ROOFTOP_PV_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

/// What one category saw.
#[derive(Default)]
struct Tally {
    reports: u32,
    errors: BTreeMap<&'static str, u32>,
}

fn runner() -> TestRunner {
    let seed = *b"rooftop-pv issue 15 fuzz seed 01";
    TestRunner::new_with_rng(
        Config {
            cases: cases(),
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
    )
}

fn check_error(e: &ScenarioError, tally: &mut Tally) -> Result<(), TestCaseError> {
    prop_assert!(!e.code.is_empty(), "no code: {e:?}");
    prop_assert!(!e.message.is_empty() && !e.message_zh.is_empty(), "{e:?}");
    prop_assert!(
        !e.field.is_empty() || e.code == "invalid_json" || e.code == "invalid_type",
        "no field: {e:?}"
    );
    *tally.errors.entry(e.code).or_default() += 1;
    Ok(())
}

/// A scenario as JSON text: parse and calculate; the report must be finite.
fn outcome(text: &str, tally: &mut Tally) -> Result<(), TestCaseError> {
    let result = Scenario::from_json(text).and_then(|s| calculate(&s));
    match result {
        Ok(report) => {
            let json = serde_json::to_value(&report).unwrap();
            prop_assert_eq!(first_non_finite(&json), None, "{}", text);
            tally.reports += 1;
            Ok(())
        }
        Err(e) => check_error(&e, tally),
    }
}

fn print_tally(category: &str, tally: &Tally) {
    println!(
        "fuzz {category}: {} cases, {} finite reports, errors {:?}, 0 findings",
        tally.reports + tally.errors.values().sum::<u32>(),
        tally.reports,
        tally.errors
    );
}

/// The shipped example scenarios and an owner with a loan and tax, as JSON values.
fn bases() -> &'static [Value] {
    static BASES: OnceLock<Vec<Value>> = OnceLock::new();
    BASES.get_or_init(|| {
        let mut all: Vec<Value> = rooftop_pv::presets::example_scenarios()
            .iter()
            .map(|e| serde_json::to_value(&e.scenario).unwrap())
            .collect();
        all.push(owner_with_loan());
        all
    })
}

fn owner_with_loan() -> Value {
    json!({
        "system": { "capacityKwp": 100 },
        "resource": { "method": "fullLoadHours", "hours": 1100 },
        "lifetime": { "years": 20, "firstYearDegradationPct": 1, "annualDegradationPct": 0.4 },
        "usage": { "mode": "selfUseSurplus", "selfUseSharePct": 70 },
        "tariff": { "gridPriceYuanKwh": 0.6, "exportPriceYuanKwh": 0.35, "escalationPct": 1 },
        "ownership": { "kind": "owner", "capexYuanPerW": 3, "discountRatePct": 6,
            "loan": { "sharePct": 70, "ratePct": 4.5, "years": 10 },
            "tax": { "incomeTaxPct": 25, "depreciationYears": 10, "residualValuePct": 5 } },
        "emissions": { "preset": "cec-2018" }
    })
}

/// Every path to a leaf (number, string, bool, null) of a JSON value.
fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(k.clone());
                leaves(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                leaves(x, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => &mut v[k.as_str()],
    })
}

#[test]
fn scenarios_mutated_from_the_examples() {
    let tally = RefCell::new(Tally::default());
    let strategy = (
        0..bases().len(),
        prop::collection::vec((any::<prop::sample::Index>(), 0..HOSTILE.len()), 1..4),
    );
    runner()
        .run(&strategy, |(b, edits)| {
            let mut s = bases()[b].clone();
            let mut paths = Vec::new();
            leaves(&s, &mut Vec::new(), &mut paths);
            for (i, h) in edits {
                *at(&mut s, &paths[i.index(paths.len())]) =
                    serde_json::from_str(HOSTILE[h]).unwrap();
            }
            outcome(&s.to_string(), &mut tally.borrow_mut())
        })
        .unwrap();
    print_tally("scenarios", &tally.borrow());
}

#[test]
fn hostile_numbers_in_the_money_inputs() {
    const FIELDS: [&str; 9] = [
        "/ownership/loan/ratePct",
        "/ownership/loan/sharePct",
        "/ownership/loan/years",
        "/ownership/discountRatePct",
        "/ownership/capexYuanPerW",
        "/tariff/gridPriceYuanKwh",
        "/tariff/escalationPct",
        "/ownership/tax/incomeTaxPct",
        "/system/capacityKwp",
    ];
    let tally = RefCell::new(Tally::default());
    let strategy = prop::collection::vec((0..FIELDS.len(), 0..HOSTILE.len()), 1..3);
    runner()
        .run(&strategy, |edits| {
            let mut s = owner_with_loan();
            for (f, h) in edits {
                *s.pointer_mut(FIELDS[f]).unwrap() = serde_json::from_str(HOSTILE[h]).unwrap();
            }
            outcome(&s.to_string(), &mut tally.borrow_mut())
        })
        .unwrap();
    // The loan rates of issue 15 (0 / 0 at 1 + r == 1), always.
    for rate in ["1e-300", "2.5e-18", "5e-324", "1e-15"] {
        let mut s = owner_with_loan();
        *s.pointer_mut("/ownership/loan/ratePct").unwrap() = serde_json::from_str(rate).unwrap();
        let report = calculate(&Scenario::from_json(&s.to_string()).unwrap()).unwrap();
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(first_non_finite(&json), None, "loan rate {rate}");
        tally.borrow_mut().reports += 1;
    }
    print_tally("money", &tally.borrow());
}

/// One edit of a text: a cell of a line replaced, a line dropped, repeated or cut, bytes inserted.
#[derive(Debug, Clone)]
enum Edit {
    Cell(prop::sample::Index, prop::sample::Index, usize),
    DropLine(prop::sample::Index),
    RepeatLine(prop::sample::Index),
    Truncate(prop::sample::Index),
    Insert(prop::sample::Index, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<prop::sample::Index>(), any::<prop::sample::Index>(), 0..HOSTILE.len())
            .prop_map(|(l, c, h)| Edit::Cell(l, c, h)),
        1 => any::<prop::sample::Index>().prop_map(Edit::DropLine),
        1 => any::<prop::sample::Index>().prop_map(Edit::RepeatLine),
        1 => any::<prop::sample::Index>().prop_map(Edit::Truncate),
        1 => (any::<prop::sample::Index>(), prop::sample::select(vec!["é", "北京", ",", "\n", "\r", "\u{feff}", "-", "\"", "9999"]))
            .prop_map(|(l, s)| Edit::Insert(l, s)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for e in edits {
        if lines.is_empty() {
            break;
        }
        match e {
            Edit::Cell(l, c, h) => {
                let k = l.index(lines.len());
                let line = &mut lines[k];
                let mut cells: Vec<String> = line.split(',').map(String::from).collect();
                let k = c.index(cells.len());
                cells[k] = HOSTILE[*h].trim_matches('"').to_string();
                *line = cells.join(",");
            }
            Edit::DropLine(l) => {
                lines.remove(l.index(lines.len()));
            }
            Edit::RepeatLine(l) => {
                let k = l.index(lines.len());
                lines.insert(k, lines[k].clone());
            }
            Edit::Truncate(l) => lines.truncate(l.index(lines.len())),
            Edit::Insert(l, s) => {
                let k = l.index(lines.len());
                let line = &mut lines[k];
                let at = line
                    .char_indices()
                    .nth(line.chars().count() / 2)
                    .map_or(0, |(i, _)| i);
                line.insert_str(at, s);
            }
        }
    }
    lines.join("\n")
}

/// The real weather files of every format.
fn weather_texts() -> &'static [(String, String)] {
    static TEXTS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        let (csv, json) = pvgis_from_datong();
        vec![
            (DATONG.to_string(), shared(DATONG)),
            ("723170TYA.CSV".into(), pvlib("723170TYA.CSV")),
            ("12839.tm2".into(), pvlib("12839.tm2")),
            ("psm3".into(), psm3_served()),
            ("pvgis csv".into(), csv),
            ("pvgis json".into(), json),
        ]
    })
}

/// Detected half the time, else forced (a text read as another format must fail cleanly).
const FORMATS: [Option<WeatherFormat>; 12] = [
    None,
    None,
    None,
    None,
    None,
    None,
    Some(WeatherFormat::Epw),
    Some(WeatherFormat::Tmy3),
    Some(WeatherFormat::Tmy2),
    Some(WeatherFormat::SamCsv),
    Some(WeatherFormat::PvgisCsv),
    Some(WeatherFormat::PvgisJson),
];

#[test]
fn every_reader_on_mutated_weather_files() {
    let tally = RefCell::new(Tally::default());
    let strategy = (
        0..weather_texts().len(),
        0..FORMATS.len(),
        prop::collection::vec(edit(), 1..4),
    );
    runner()
        .run(&strategy, |(t, f, edits)| {
            let text = apply(&weather_texts()[t].1, &edits);
            let options = ParseOptions {
                format: FORMATS[f],
                ..ParseOptions::default()
            };
            match parse_with(&text, &options) {
                Ok(w) => {
                    let summary = serde_json::to_value(rooftop_pv::weather::summarize(&w)).unwrap();
                    prop_assert_eq!(first_non_finite(&summary), None);
                    tally.borrow_mut().reports += 1;
                    Ok(())
                }
                Err(e) => check_error(&e, &mut tally.borrow_mut()),
            }
        })
        .unwrap();
    print_tally("weather readers", &tally.borrow());
}

/// A 4 kWp roof on a weather text.
fn on_weather(text: &str) -> String {
    json!({
        "system": { "capacityKwp": 4, "planes": [{ "tiltDeg": 20, "azimuthDeg": 180, "shareOfCapacity": 1 }] },
        "resource": { "method": "weatherFile", "text": text },
        "ownership": { "kind": "owner", "capexYuanPerW": 3, "discountRatePct": 6,
            "loan": { "sharePct": 50, "ratePct": 1e-300, "years": 5 } }
    })
    .to_string()
}

#[test]
fn calculate_on_mutated_weather_files() {
    let tally = RefCell::new(Tally::default());
    let datong = shared(DATONG);
    let strategy = prop::collection::vec(edit(), 1..3);
    runner()
        .run(&strategy, |edits| {
            outcome(
                &on_weather(&apply(&datong, &edits)),
                &mut tally.borrow_mut(),
            )
        })
        .unwrap();
    // A year without sun: every irradiance 0 (EPW fields 13–15).
    let dark = apply_epw_irradiance(&datong, |_| 0.0);
    let report = calculate(&Scenario::from_json(&on_weather(&dark)).unwrap()).unwrap();
    assert_eq!(
        report.energy.performance_ratio, None,
        "PR is absent without sun"
    );
    assert_eq!(report.energy.annual_kwh, 0.0);
    assert_eq!(
        first_non_finite(&serde_json::to_value(&report).unwrap()),
        None
    );
    tally.borrow_mut().reports += 1;
    print_tally("weather calculate", &tally.borrow());
}

/// The EPW with its GHI, DNI and DHI fields replaced.
fn apply_epw_irradiance(text: &str, f: impl Fn(f64) -> f64) -> String {
    let (head, rows) = epw_rows(text);
    let mut out = head.join("\n");
    for r in rows {
        let mut cells: Vec<String> = r.iter().map(|c| c.to_string()).collect();
        for cell in &mut cells[13..=15] {
            *cell = f(cell.trim().parse().unwrap()).to_string();
        }
        out.push('\n');
        out.push_str(&cells.join(","));
    }
    out
}

#[test]
fn mutated_load_files() {
    let tally = RefCell::new(Tally::default());
    let base = format!("time,kW\n{}", {
        let mut s = String::new();
        for h in 0..8760 {
            let (d, hh) = (h / 24, h % 24);
            let (m, day) = month_day(d);
            s.push_str(&format!(
                "2025-{m:02}-{day:02} {hh:02}:00,{}\n",
                50 + (hh * 7) % 40
            ));
        }
        s
    });
    let strategy = prop::collection::vec(edit(), 1..4);
    runner()
        .run(&strategy, |edits| {
            let s = json!({
                "system": { "capacityKwp": 100 },
                "resource": { "method": "fullLoadHours", "hours": 1200 },
                "usage": { "mode": "selfUseSurplus", "load": { "kind": "intervalCsv", "text": apply(&base, &edits) } }
            });
            outcome(&s.to_string(), &mut tally.borrow_mut())
        })
        .unwrap();
    print_tally("load files", &tally.borrow());
}

fn month_day(doy: usize) -> (usize, usize) {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut d, mut m) = (doy, 0);
    while d >= DAYS[m] {
        d -= DAYS[m];
        m += 1;
    }
    (m + 1, d + 1)
}
