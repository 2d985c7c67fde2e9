//! The cash flows of whole lifetimes (loan, income tax with losses carried forward and 三免三减半,
//! stepped O&M, inverter replacement, EMC roof rent) against a second implementation in Python,
//! and NPV and IRR against numpy-financial 1.0.0 on those independent flows. The golden values in
//! tests/data/reference/numpy_financial.json were made by
//!     scripts/setup-venv.sh && .venv/bin/python scripts/finance_reference.py
//! (the command and versions are recorded in the file) from the scenarios of
//! tests/data/reference/finance_scenarios.json. Tolerances (relative, of max(|x|, 1)) a little above
//! the worst measured (`cargo test --test finance_reference -- --nocapture`).

use rooftop_pv::{calculate, finance, presets, Scenario};
use serde_json::Value;

fn scenario_of(case: &Value) -> Scenario {
    match case.get("example") {
        Some(id) => presets::example(id.as_str().unwrap()).unwrap(),
        None => Scenario::from_json_value(&case["scenario"]).unwrap(),
    }
}

fn floats(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// Measured worst: flows 7.5e-14, NPV 2.1e-15, IRR 3.6e-14; the tolerances a little above.
const FLOW_TOL: f64 = 1e-13;
const NPV_TOL: f64 = 1e-14;
const IRR_TOL: f64 = 1e-13;

fn golden() -> Vec<Value> {
    let g: Value =
        serde_json::from_str(include_str!("data/reference/numpy_financial.json")).unwrap();
    assert_eq!(g["versions"]["numpy-financial"], "1.0.0");
    assert!(g["command"]
        .as_str()
        .unwrap()
        .contains("finance_reference.py"));
    g["cases"].as_array().unwrap().clone()
}

/// |a − b| / max(|b|, 1), asserted ≤ `tol`; returned for the printed worst case.
fn assert_rel(a: f64, b: f64, tol: f64, what: &str) -> f64 {
    let d = (a - b).abs() / b.abs().max(1.0);
    assert!(d <= tol, "{what}: {a} vs reference {b} ({d:e})");
    d
}

#[test]
fn report_cash_flows_npv_and_irr_match_numpy_financial() {
    let table: Value =
        serde_json::from_str(include_str!("data/reference/finance_scenarios.json")).unwrap();
    let golden = golden();
    let scenarios = table["scenarios"].as_array().unwrap();
    assert!(scenarios.len() >= 6);
    let mut worst = [0.0f64; 3];
    for case in scenarios {
        let name = case["name"].as_str().unwrap();
        let g = golden
            .iter()
            .find(|g| g["name"] == name)
            .unwrap_or_else(|| panic!("{name}: no golden"));
        let r = calculate(&scenario_of(case)).unwrap();
        let (rows, npv, irr, project_irr) = match &r.money.investor {
            Some(i) => (&i.by_year, i.npv_yuan, i.irr_pct, i.project_irr_pct),
            None => (
                &r.money.by_year,
                r.money.npv_yuan.unwrap(),
                r.money.irr_pct,
                r.money.project_irr_pct,
            ),
        };
        // The cash flows of the second implementation (scripts/finance_reference.py).
        let flows: Vec<f64> = rows.iter().map(|y| y.net_cash_flow_yuan).collect();
        let want = floats(&g["flows"]);
        assert_eq!(flows.len(), want.len(), "{name}");
        for (y, (a, b)) in flows.iter().zip(&want).enumerate() {
            let d = assert_rel(*a, *b, FLOW_TOL, &format!("{name} year {y}"));
            worst[0] = worst[0].max(d);
        }
        let d = assert_rel(
            npv,
            g["npv"].as_f64().unwrap(),
            NPV_TOL,
            &format!("{name} NPV"),
        );
        worst[1] = worst[1].max(d);
        for (what, ours, theirs) in [
            ("IRR", irr, g["irr"].as_f64()),
            ("project IRR", project_irr, g["projectIrr"].as_f64()),
        ] {
            match (ours, theirs) {
                (Some(o), Some(t)) => {
                    let d = assert_rel(o / 100.0, t, IRR_TOL, &format!("{name} {what}"));
                    worst[2] = worst[2].max(d);
                }
                (o, t) => assert_eq!(o.is_some(), t.is_some(), "{name} {what} presence"),
            }
        }
    }
    println!(
        "worst relative differences: flows {:e}, NPV {:e}, IRR {:e}",
        worst[0], worst[1], worst[2]
    );
}

#[test]
fn finance_functions_match_numpy_financial_on_plain_flows() {
    let table: Value =
        serde_json::from_str(include_str!("data/reference/finance_scenarios.json")).unwrap();
    for case in table["flows"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let g = golden().into_iter().find(|g| g["name"] == name).unwrap();
        let flows = floats(&case["flows"]);
        let rate = case["rate"].as_f64().unwrap();
        assert_rel(
            finance::npv(rate, &flows),
            g["npv"].as_f64().unwrap(),
            1e-12,
            name,
        );
        assert_rel(
            finance::irr(&flows).unwrap(),
            g["irr"].as_f64().unwrap(),
            1e-9,
            name,
        );
    }
}
