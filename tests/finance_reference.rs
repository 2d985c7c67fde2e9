//! The cash flows of whole lifetimes (loan, income tax with losses carried forward and 三免三减半,
//! stepped O&M, inverter replacement, EMC roof rent) against a second implementation in Python,
//! and NPV and IRR against numpy-financial 1.0.0 on those independent flows. The golden values in
//! tests/data/reference/numpy_financial.json were made by
//!     scripts/setup-venv.sh && .venv/bin/python scripts/finance_reference.py
//! (the command and versions are recorded in the file) from the scenarios of
//! tests/data/reference/finance_scenarios.json. Tolerances (relative, of max(|x|, 1)) a little above
//! the worst measured (`cargo test --test finance_reference -- --nocapture`). The battery cases:
//! its cash flow added to the PV (investment, savings less O&M and the cell replacements that its
//! state of health calls for) and PV + battery, built in Python from the battery's fields and the
//! report's yearly savings and cycles.

use rooftop_pv::{calculate, finance, presets, Scenario};
use serde_json::Value;

fn scenario_of(case: &Value) -> Scenario {
    let mut s = match case.get("example") {
        Some(id) => presets::example(id.as_str().unwrap()).unwrap(),
        None => Scenario::from_json_value(&case["scenario"]).unwrap(),
    };
    if let Some(b) = case.get("storage") {
        s.storage = Some(rooftop_pv::json::deserialize(b).unwrap());
    }
    if let Some(d) = case.get("demandChargeYuanPerKwMonth") {
        s.tariff
            .get_or_insert_with(Default::default)
            .demand_charge_yuan_per_kw_month = d.as_f64();
    }
    s
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

/// NPV, IRR and payback of `r` against the golden `g` ({flows, npv, irr, payback}); the worst
/// relative difference.
fn check_returns(r: &rooftop_pv::report::Returns, g: &Value, what: &str) -> f64 {
    let flows = floats(&g["flows"]);
    let mut worst = assert_rel(
        r.investment_yuan,
        -flows[0],
        FLOW_TOL,
        &format!("{what} investment"),
    );
    worst = worst.max(assert_rel(
        r.npv_yuan,
        g["npv"].as_f64().unwrap(),
        NPV_TOL,
        &format!("{what} NPV"),
    ));
    match (r.irr_pct, g["irr"].as_f64()) {
        (Some(o), Some(t)) => {
            worst = worst.max(assert_rel(o / 100.0, t, IRR_TOL, &format!("{what} IRR")))
        }
        (o, t) => assert_eq!(o.is_some(), t.is_some(), "{what} IRR presence"),
    }
    match (r.payback_years, g["payback"].as_f64()) {
        (Some(o), Some(t)) => {
            worst = worst.max(assert_rel(o, t, FLOW_TOL, &format!("{what} payback")))
        }
        (o, t) => assert_eq!(o.is_some(), t.is_some(), "{what} payback presence"),
    }
    worst
}

#[test]
fn battery_cash_flows_health_npv_and_irr_match_numpy_financial() {
    let table: Value =
        serde_json::from_str(include_str!("data/reference/finance_scenarios.json")).unwrap();
    let golden = golden();
    let cases = table["storage"].as_array().unwrap();
    assert!(cases.len() >= 3);
    let mut worst = 0.0f64;
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let g = golden
            .iter()
            .find(|g| g["name"] == name)
            .unwrap_or_else(|| {
                panic!("{name}: no golden (run {})", "scripts/finance_reference.py")
            });
        let st = calculate(&scenario_of(case)).unwrap().storage.unwrap();
        let soh = floats(&g["stateOfHealthPct"]);
        let flows = floats(&g["storageWithPv"]["flows"]);
        assert_eq!(st.by_year.len(), soh.len(), "{name}");
        assert!(
            st.by_year.iter().any(|y| y.replaced),
            "{name}: no replacement to check"
        );
        for (y, row) in st.by_year.iter().enumerate() {
            let what = format!("{name} year {}", y + 1);
            worst = worst.max(assert_rel(row.state_of_health_pct, soh[y], FLOW_TOL, &what));
            worst = worst.max(assert_rel(
                row.net_cash_flow_yuan,
                flows[y + 1],
                FLOW_TOL,
                &what,
            ));
        }
        worst = worst.max(check_returns(
            &st.storage_with_pv,
            &g["storageWithPv"],
            name,
        ));
        worst = worst.max(check_returns(&st.both, &g["both"], &format!("{name} both")));
    }
    println!("battery: worst relative difference {worst:e}");
}
