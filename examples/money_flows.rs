//! Prints, as JSON, the cash flows of the scenarios in tests/data/reference/finance_scenarios.json:
//! the owner's (or the EMC investor's) net cash flow, the project cash flow before financing and
//! income tax (rebuilt from the report's rows: savings − O&M − inverter − rent paid − VAT and its
//! surcharges, year 0 = −investment)
//! and the discount rate. scripts/finance_reference.py feeds them to numpy-financial.
//!
//!     cargo run --quiet --example money_flows

use rooftop_pv::{calculate, presets, Scenario};
use serde_json::{json, Value};

/// The scenario of a case: inline, or a shipped example by id.
pub fn scenario_of(case: &Value) -> Scenario {
    match case.get("example") {
        Some(id) => presets::example(id.as_str().unwrap()).unwrap(),
        None => Scenario::from_json_value(&case["scenario"]).unwrap(),
    }
}

fn main() {
    let table: Value = serde_json::from_str(include_str!(
        "../tests/data/reference/finance_scenarios.json"
    ))
    .unwrap();
    let mut out = Vec::new();
    for case in table["scenarios"].as_array().unwrap() {
        let r = calculate(&scenario_of(case)).unwrap();
        let rate = r.assumptions.discount_rate_pct.unwrap() / 100.0;
        let (rows, investment, rent_paid) = match &r.money.investor {
            Some(i) => (&i.by_year, i.investment_yuan, true),
            None => (&r.money.by_year, r.money.investment_yuan.unwrap(), false),
        };
        let flows: Vec<f64> = rows.iter().map(|y| y.net_cash_flow_yuan).collect();
        let project: Vec<f64> = rows
            .iter()
            .map(|y| match y.year {
                0 => -investment,
                _ => {
                    let rent = if rent_paid { y.roof_rent_yuan } else { 0.0 };
                    y.savings_yuan
                        - y.om_yuan
                        - y.inverter_yuan
                        - rent
                        - y.vat_yuan
                        - y.vat_surcharges_yuan
                }
            })
            .collect();
        out.push(
            json!({ "name": case["name"], "rate": rate, "flows": flows, "projectFlows": project }),
        );
    }
    for case in table["flows"].as_array().unwrap() {
        out.push(json!({ "name": case["name"], "rate": case["rate"], "flows": case["flows"] }));
    }
    println!("{}", serde_json::to_string(&out).unwrap());
}
