//! Prints, as JSON, for the scenarios in tests/data/reference/finance_scenarios.json: the scenario
//! (examples written out), its capacity and lifetime, and the income of each year 1..N of whoever
//! owns the equipment (self-use and export [yuan], from the report: the energy split is not what is
//! checked). scripts/finance_reference.py builds the cash flow from these and the scenario's finance
//! fields with its own implementation, and feeds it to numpy-financial. For the storage cases: the
//! scenario with its battery, the PV's net cash flows (years 0..N) and the battery's yearly savings
//! and equivalent full cycles (from the report: the dispatch is checked in tests/storage.rs).
//!
//!     cargo run --quiet --example money_flows

use rooftop_pv::{calculate, presets, Scenario};
use serde_json::{json, Value};

/// The scenario of a case: inline, or a shipped example by id; with the case's battery and demand
/// charge when it gives them.
pub fn scenario_of(case: &Value) -> Scenario {
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

fn main() {
    let table: Value = serde_json::from_str(include_str!(
        "../tests/data/reference/finance_scenarios.json"
    ))
    .unwrap();
    let mut out = Vec::new();
    for case in table["scenarios"].as_array().unwrap() {
        let scenario = scenario_of(case);
        let r = calculate(&scenario).unwrap();
        let rows = match &r.money.investor {
            Some(i) => &i.by_year,
            None => &r.money.by_year,
        };
        let income: Vec<Value> = rows
            .iter()
            .filter(|y| y.year > 0)
            .map(|y| json!({ "selfUseYuan": y.self_use_yuan, "exportYuan": y.export_yuan }))
            .collect();
        out.push(json!({
            "name": case["name"],
            "scenario": scenario,
            "capacityKwp": r.assumptions.capacity_kwp,
            "years": r.assumptions.lifetime_years,
            "income": income,
        }));
    }
    for case in table["storage"].as_array().unwrap() {
        let scenario = scenario_of(case);
        let r = calculate(&scenario).unwrap();
        let b = r.storage.unwrap();
        let battery: Vec<Value> = b
            .by_year
            .iter()
            .map(|y| json!({ "savingsYuan": y.savings_yuan, "cycles": y.cycles }))
            .collect();
        let pv: Vec<f64> = r
            .money
            .by_year
            .iter()
            .map(|y| y.net_cash_flow_yuan)
            .collect();
        out.push(json!({
            "name": case["name"],
            "scenario": scenario,
            "pvFlows": pv,
            "battery": battery,
        }));
    }
    for case in table["flows"].as_array().unwrap() {
        out.push(json!({ "name": case["name"], "rate": case["rate"], "flows": case["flows"] }));
    }
    println!("{}", serde_json::to_string(&out).unwrap());
}
