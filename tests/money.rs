//! Usage modes, ownership models, escalation and degradation through `calculate`, against arithmetic
//! written out by hand.

use rooftop_pv::{calculate, Report, Scenario};

fn run(extra: &str) -> Report {
    let json = format!(
        r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1000}},{extra}}}"#
    );
    calculate(&Scenario::from_json(&json).unwrap()).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

/// 100 kWp × 1000 h = 100,000 kWh; 60 % self-used at 0.60, 40 % exported at 0.30:
/// 36,000 + 12,000 = 48,000 yuan; O&M 30 yuan/kWp = 3,000 yuan/yr; investment 3 yuan/W = 300,000 yuan.
/// Net 45,000 yuan/yr for 10 years at 5 %: annuity factor (1 − 1.05⁻¹⁰)/0.05 = 7.721734929…,
/// NPV = 45,000 × 7.7217… − 300,000 = 47,478.0718…; payback 300,000 / 45,000 = 6.667 years;
/// LCOE = 300,000/(100,000 × 7.7217…) + 3,000/100,000 = 0.418513725… yuan/kWh.
#[test]
fn owner_self_use_with_surplus() {
    let r = run(
        r#""lifetime":{"years":10,"firstYearDegradationPct":0,"annualDegradationPct":0},
        "usage":{"mode":"selfUseSurplus","selfUseSharePct":60},
        "tariff":{"gridPriceYuanKwh":0.6,"exportPriceYuanKwh":0.3},
        "ownership":{"kind":"owner","capexYuanPerW":3,"omYuanPerKwpYear":30,"discountRatePct":5}"#,
    );
    let m = &r.money;
    assert!(close(r.usage.self_used_kwh, 60_000.0) && close(r.usage.exported_kwh, 40_000.0));
    assert!(close(m.first_year_savings_yuan, 48_000.0));
    assert!(close(m.lifetime_savings_yuan, 480_000.0));
    assert_eq!(m.by_year.len(), 11);
    assert!(close(m.by_year[0].net_cash_flow_yuan, -300_000.0));
    assert!(close(m.by_year[1].net_cash_flow_yuan, 45_000.0));
    assert!(close(m.npv_yuan.unwrap(), 47_478.071_813_316_78));
    assert!(close(m.payback_years.unwrap(), 300_000.0 / 45_000.0));
    assert!(close(m.lcoe_yuan_kwh.unwrap(), 0.418_513_724_896_369_8));
    // IRR: the rate at which this NPV is zero.
    let irr = m.irr_pct.unwrap() / 100.0;
    let npv_at_irr: f64 = -300_000.0
        + (1..=10)
            .map(|y| 45_000.0 / (1.0 + irr).powi(y))
            .sum::<f64>();
    assert!(npv_at_irr.abs() < 1e-3, "{npv_at_irr}");
}

/// Full export: 100,000 kWh × 0.332 (the default Shanxi benchmark) = 33,200 yuan.
#[test]
fn full_export_earns_the_export_price() {
    let r = run(r#""usage":{"mode":"fullExport"}"#);
    assert!(close(r.usage.exported_kwh, 100_000.0) && r.usage.self_used_kwh == 0.0);
    assert!(close(r.money.first_year_savings_yuan, 33_200.0));
}

/// Full self-use at 70 %: 70,000 kWh × 0.55 (default grid price) = 38,500 yuan; 30,000 kWh curtailed.
#[test]
fn full_self_use_curtails_the_rest() {
    let r = run(r#""usage":{"mode":"fullSelfUse","selfUseSharePct":70}"#);
    assert!(close(r.usage.curtailed_kwh, 30_000.0) && r.usage.exported_kwh == 0.0);
    assert!(close(r.money.first_year_savings_yuan, 38_500.0));
}

/// Third party (EMC): the host saves 15 % of 100,000 kWh × 0.60 = 9,000 yuan, plus 20,000 yuan rent;
/// exports belong to the investor; the host invests nothing, so no year 0 and no owner metrics.
#[test]
fn third_party_host_saves_the_discount_plus_rent() {
    let r = run(
        r#""usage":{"mode":"selfUseSurplus","selfUseSharePct":100},"tariff":{"gridPriceYuanKwh":0.6},
        "ownership":{"kind":"thirdParty","discountPct":15,"roofRentYuanYear":20000}"#,
    );
    assert!(close(r.money.first_year_savings_yuan, 29_000.0));
    assert_eq!(r.money.by_year[0].year, 1);
    assert!(r.money.npv_yuan.is_none() && r.money.lcoe_yuan_kwh.is_none());
}

/// 2 %/yr escalation: year 3 earns 1.02² times year 1 (no degradation).
#[test]
fn escalation_compounds() {
    let r = run(
        r#""lifetime":{"firstYearDegradationPct":0,"annualDegradationPct":0},"tariff":{"escalationPct":2}"#,
    );
    let y = &r.money.by_year;
    assert!(close(y[3].savings_yuan, y[1].savings_yuan * 1.02 * 1.02));
}

/// Defaults 25 years, 1 % then 0.4 %/yr: Σ f(y) = 1 + 24 × 0.99 − 0.004 × (0 + 1 + … + 23)
/// = 1 + 23.76 − 1.104 = 23.656 first-year yields; emissions scale with it.
#[test]
fn default_degradation_over_the_lifetime() {
    let r = run(r#""emissions":{"preset":"cec-2018"}"#);
    assert!(close(r.energy.lifetime_kwh, 23.656 * 100_000.0));
    assert!(close(
        r.energy.by_year[24].kwh,
        (1.0 - 0.01 - 0.004 * 23.0) * 100_000.0
    ));
    assert!(close(
        r.emissions.lifetime.coal_t,
        23.656 * 100_000.0 * 0.3076 / 1000.0
    ));
    assert_eq!(r.assumptions.lifetime_years, 25);
}

/// GB 50797: HA 1466 kWh/m² × 4000 kWp / 1 kW/m² × K 0.85 = 4,984,400 kWh.
#[test]
fn gb50797_through_calculate() {
    let s = r#"{"system":{"capacityKwp":4000},"resource":{"method":"gb50797","horizontalIrradiationKwhM2":1466,"k":0.85}}"#;
    let r = calculate(&Scenario::from_json(s).unwrap()).unwrap();
    assert!(close(r.energy.annual_kwh, 4_984_400.0));
    assert!(close(r.energy.monthly_kwh.iter().sum(), 4_984_400.0));
}

/// An investment that never pays back says so, and has no payback figure.
#[test]
fn no_payback_is_reported() {
    let r = run(r#""ownership":{"kind":"owner","capexYuanPerW":40},"lifetime":{"years":5}"#);
    assert!(r.money.payback_years.is_none());
    assert!(r.warnings.iter().any(|w| w.code == "no_payback"));
}

/// An IRR above 1000 %/yr is reported, not absent (issue 16): 1,000 yuan invested (0.01 yuan/W), then
/// 48,000 yuan a year for 10 years; the IRR zeroes the NPV written out here (r ≈ 47, 4,700 %/yr).
#[test]
fn an_irr_above_1000_percent_is_reported() {
    let r = run(
        r#""lifetime":{"years":10,"firstYearDegradationPct":0,"annualDegradationPct":0},
        "usage":{"mode":"selfUseSurplus","selfUseSharePct":60},
        "tariff":{"gridPriceYuanKwh":0.6,"exportPriceYuanKwh":0.3},
        "ownership":{"kind":"owner","capexYuanPerW":0.01,"omYuanPerKwpYear":0,"discountRatePct":5}"#,
    );
    let irr = r.money.irr_pct.expect("an IRR of about 4,700 %/yr") / 100.0;
    assert!(irr > 10.0, "{irr}");
    let npv_at_irr: f64 = -1000.0
        + (1..=10)
            .map(|y| 48_000.0 / (1.0 + irr).powi(y))
            .sum::<f64>();
    assert!(npv_at_irr.abs() < 1e-9, "{npv_at_irr}");
}
