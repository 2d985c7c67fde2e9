//! The Shuozhou report (shared/reference/shuozhou-case.md), reproduced from the shipped examples.

use rooftop_pv::{calculate, presets, Scenario};

fn example(id: &str) -> Scenario {
    presets::example(id).unwrap()
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

/// The 4 MW roof re-derived hour by hour: a two-shift factory using 12 GWh a year, Shanxi's 2026
/// time-of-use periods, surplus at the 0.332 yuan/kWh benchmark (assumptions of the examples
/// `shuozhou-4mw-owner-tou` and `shuozhou-4mw-emc-15`; the annual 5 GWh shaped over clear-sky days
/// at Shuozhou). Identities between the two ownerships are exact; the pinned figures guard against
/// unnoticed changes of the shape, the profile or the tariff (they are not reference values).
#[test]
fn four_mw_hourly_owner_and_emc() {
    let owner = calculate(&example("shuozhou-4mw-owner-tou")).unwrap();
    let emc = calculate(&example("shuozhou-4mw-emc-15")).unwrap();
    assert!((owner.energy.annual_kwh - 5_000_000.0).abs() < 1e-6);
    let u = &owner.usage;
    assert_eq!(u, &emc.usage);
    // Self-use share and self-sufficiency (pinned).
    assert!(
        (u.self_use_share_pct - 79.117).abs() < 0.01,
        "{}",
        u.self_use_share_pct
    );
    assert!((u.self_sufficiency_pct.unwrap() - 32.966).abs() < 0.01);
    // Owner: savings = value of the self-used kWh at time-of-use prices + exports × 0.332.
    let value = owner.money.self_use_price_yuan_kwh.unwrap() * u.self_used_kwh;
    let owner_y1 = owner.money.first_year_savings_yuan;
    assert!((owner_y1 - (value + u.exported_kwh * 0.332)).abs() < 1e-6);
    assert!((owner_y1 - 2_127_934.0).abs() < 10.0, "{owner_y1}");
    assert!((owner.money.irr_pct.unwrap() - 16.23).abs() < 0.01);
    // The midday valley (10–15 h in summer): the mean value of a self-used kWh is 0.450 yuan,
    // below the flat price 0.531.
    assert!((owner.money.self_use_price_yuan_kwh.unwrap() - 0.4503).abs() < 1e-4);
    // EMC at 15 %: the host saves 15 % of the same value; the investor sells 85 % of it plus exports.
    let host_y1 = emc.money.first_year_savings_yuan;
    assert!((host_y1 - 0.15 * value).abs() < 1e-6);
    assert!((host_y1 - 267_192.0).abs() < 10.0, "{host_y1}");
    let inv = emc.money.investor.as_ref().unwrap();
    assert!((inv.first_year_revenue_yuan - (0.85 * value + u.exported_kwh * 0.332)).abs() < 1e-6);
    assert!(
        (inv.irr_pct.unwrap() - 13.79).abs() < 0.01,
        "{:?}",
        inv.irr_pct
    );
    // Same investment and costs as the owner, less income: a lower IRR.
    assert!(inv.irr_pct.unwrap() < owner.money.irr_pct.unwrap());
}
