//! The Shuozhou report (shared/reference/shuozhou-case.md), reproduced from the shipped examples.

use rooftop_pv::{calculate, presets, Scenario};

fn example(id: &str) -> Scenario {
    presets()
        .scenarios
        .into_iter()
        .find(|s| s.id == id)
        .unwrap()
        .scenario
}

/// The report prints: 2291.50 t standard coal, 7427.25 t CO₂, 1.42 t NOx, 9163.01 t water a year.
#[test]
fn six_mw_gives_the_four_printed_figures() {
    let r = calculate(&example("shuozhou-6mw")).unwrap();
    let a = r.emissions.annual;
    let printed = [
        format!("{:.2}", a.coal_t),
        format!("{:.2}", a.co2_t),
        format!("{:.2}", a.nox_t),
        format!("{:.2}", a.water_t),
    ];
    assert_eq!(printed, ["2291.50", "7427.25", "1.42", "9163.01"]);
    // 6000 kWp × 1241.6 h; the printed figures pin G within 7,449,597.6–7,449,603.8 kWh.
    assert!((r.energy.annual_kwh - 7_449_600.0).abs() < 1e-6);
    assert!((r.energy.specific_yield_kwh_per_kwp - 1241.6).abs() < 1e-9);
    assert_eq!(r.emissions.preset.as_deref(), Some("cec-2018"));
}

/// About 5,000,000 kWh a year and nearly 1,000,000 yuan saved: 5 GWh × 0.55 yuan/kWh × 36 % = 990,000.
#[test]
fn four_mw_emc_saves_nearly_a_million_yuan_from_five_gwh() {
    let r = calculate(&example("shuozhou-4mw-emc")).unwrap();
    assert!((r.energy.annual_kwh - 5_000_000.0).abs() < 1e-6);
    assert!((r.money.first_year_savings_yuan - 5_000_000.0 * 0.55 * 0.36).abs() < 1e-6);
    assert!((r.money.first_year_savings_yuan / r.energy.annual_kwh - 0.198).abs() < 1e-9);
    // The host invests nothing: no owner metrics, no year 0.
    assert!(r.money.irr_pct.is_none() && r.money.by_year[0].year == 1);
}
