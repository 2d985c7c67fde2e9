//! `presets().defaults` are the defaults `calculate` applies: each is compared with the report's
//! assumptions of scenarios that leave the field out (so that a caller showing the list, like the
//! page, never shows a value the core does not use).

use rooftop_pv::{calculate, presets, Scenario};
use serde_json::{json, Value};

fn assumptions(scenario: Value) -> Value {
    let s = Scenario::from_json_value(&scenario).unwrap();
    serde_json::to_value(calculate(&s).unwrap()).unwrap()["assumptions"].clone()
}

#[test]
fn the_listed_defaults_are_the_applied_ones() {
    let d = serde_json::to_value(presets().defaults).unwrap();
    let owner = assumptions(json!({
        "system": {"capacityKwp": 100},
        "resource": {"method": "fullLoadHours", "hours": 1200}
    }));
    let host = assumptions(json!({
        "system": {"capacityKwp": 100},
        "resource": {"method": "fullLoadHours", "hours": 1200},
        "ownership": {"kind": "thirdParty", "discountPct": 10}
    }));
    let station = assumptions(json!({
        "system": {"capacityKwp": 100},
        "resource": {"method": "station", "stationId": "537720"}
    }));
    let layout = &station["layout"];
    let checks: [(&str, &Value); 18] = [
        ("lifetimeYears", &owner["lifetimeYears"]),
        ("firstYearDegradationPct", &owner["firstYearDegradationPct"]),
        ("annualDegradationPct", &owner["annualDegradationPct"]),
        ("usageMode", &owner["usageMode"]),
        ("selfUseSharePct", &owner["selfUseSharePct"]),
        ("gridPriceYuanKwh", &owner["gridPriceYuanKwh"]),
        ("exportPriceYuanKwh", &owner["exportPriceYuanKwh"]),
        ("escalationPct", &owner["escalationPct"]),
        ("exportEscalationPct", &owner["exportEscalationPct"]),
        ("capexYuanPerW", &owner["capexYuanPerW"]),
        ("omPctOfCapex", &owner["omPctOfCapex"]),
        ("omYuanPerKwpYear", &owner["omYuanPerKwpYear"]),
        ("discountRatePct", &owner["discountRatePct"]),
        ("roofRentYuanYear", &host["roofRentYuanYear"]),
        ("albedo", &station["albedo"]),
        ("dcAcRatio", &layout["dcAcRatio"]),
        ("inverterEfficiencyPct", &layout["inverterEfficiencyPct"]),
        ("lossesPct", &layout["lossesPct"]),
    ];
    for (key, applied) in checks {
        assert_eq!(&d[key], applied, "{key}");
    }
    for key in ["groundCoverageRatio", "moduleType", "mounting", "skyModel"] {
        assert_eq!(d[key], layout[key], "{key}");
    }
    assert_eq!(json!([d["plane"].clone()]), layout["planes"]);
    assert_eq!(d["lossesPct"], json!(14.0757));
}

#[test]
fn the_listed_tax_and_factor_defaults_are_the_applied_ones() {
    let d = serde_json::to_value(presets().defaults).unwrap();
    let a = assumptions(json!({
        "system": {"capacityKwp": 100},
        "resource": {"method": "fullLoadHours", "hours": 1200},
        "ownership": {"kind": "owner", "tax": {"incomeTaxPct": 25}}
    }));
    assert_eq!(d["depreciationYears"], a["tax"]["depreciationYears"]);
    assert_eq!(d["residualValuePct"], a["tax"]["residualValuePct"]);
    let s = Scenario::from_json_value(&json!({
        "system": {"capacityKwp": 100},
        "resource": {"method": "fullLoadHours", "hours": 1200}
    }))
    .unwrap();
    assert_eq!(
        calculate(&s).unwrap().emissions.preset.as_deref(),
        d["emissionFactors"].as_str()
    );
}
