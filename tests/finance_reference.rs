//! NPV and IRR against numpy-financial 1.0.0 on the same cash flows. The golden values in
//! tests/data/reference/numpy_financial.json were made by
//!     scripts/setup-venv.sh && .venv/bin/python scripts/finance_reference.py
//! (the command and versions are recorded in the file) from the scenarios of
//! tests/data/reference/finance_scenarios.json.

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

fn assert_rel(a: f64, b: f64, tol: f64, what: &str) {
    assert!(
        (a - b).abs() <= tol * b.abs().max(1.0),
        "{what}: {a} vs numpy-financial {b}"
    );
}

#[test]
fn report_cash_flows_npv_and_irr_match_numpy_financial() {
    let table: Value =
        serde_json::from_str(include_str!("data/reference/finance_scenarios.json")).unwrap();
    let golden = golden();
    let scenarios = table["scenarios"].as_array().unwrap();
    assert!(scenarios.len() >= 6);
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
        // The same cash flows as numpy-financial was given.
        let flows: Vec<f64> = rows.iter().map(|y| y.net_cash_flow_yuan).collect();
        let want = floats(&g["flows"]);
        assert_eq!(flows.len(), want.len(), "{name}");
        for (a, b) in flows.iter().zip(&want) {
            assert_rel(*a, *b, 1e-12, name);
        }
        assert_rel(
            npv,
            g["npv"].as_f64().unwrap(),
            1e-9,
            &format!("{name} NPV"),
        );
        match (irr, g["irr"].as_f64()) {
            (Some(ours), Some(theirs)) => {
                assert_rel(ours / 100.0, theirs, 1e-8, &format!("{name} IRR"))
            }
            (ours, theirs) => assert_eq!(ours.is_some(), theirs.is_some(), "{name} IRR presence"),
        }
        match (project_irr, g["projectIrr"].as_f64()) {
            (Some(ours), Some(theirs)) => {
                assert_rel(ours / 100.0, theirs, 1e-8, &format!("{name} project IRR"))
            }
            (ours, theirs) => assert_eq!(ours.is_some(), theirs.is_some(), "{name} project IRR"),
        }
    }
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
