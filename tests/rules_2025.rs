//! The 2025 rules through `calculate`, every expected value worked out by hand in the comments
//! (no degradation, so every year generates the same 1,000,000 kWh).

use rooftop_pv::{calculate, Report, Scenario};
use serde_json::{json, Value};

fn run(extra: Value) -> Report {
    let mut s = json!({
        "system": { "capacityKwp": 1000 },
        "resource": { "method": "fullLoadHours", "hours": 1000 },
        "lifetime": { "years": 20, "firstYearDegradationPct": 0, "annualDegradationPct": 0 },
        "usage": { "mode": "selfUseSurplus", "selfUseSharePct": 60 },
        "tariff": { "gridPriceYuanKwh": 0.6 },
    });
    for (k, v) in extra.as_object().unwrap() {
        s[k] = v.clone();
    }
    calculate(&Scenario::from_json_value(&s).unwrap()).unwrap()
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * b.abs().max(1.0),
        "{what}: {a} vs {b}"
    );
}

const MECHANISM: &str = r#"{ "mechanismPriceYuanKwh": 0.30, "mechanismSharePct": 80, "mechanismTermYears": 12, "marketPriceYuanKwh": 0.20 }"#;

#[test]
fn new_project_mechanism_share_for_the_term_then_market() {
    let r = run(json!({
        "project": { "commissioningDate": "2026-03-01" },
        "tariff": { "gridPriceYuanKwh": 0.6, "export": serde_json::from_str::<Value>(MECHANISM).unwrap() },
    }));
    // Exported 400,000 kWh a year. Years 1–12: 0.8 × 0.30 + 0.2 × 0.20 = 0.28 yuan/kWh → 112,000
    // yuan; years 13–20: 0.20 → 80,000 yuan. Year-1 savings 600,000 × 0.6 + 112,000 = 472,000.
    let p = &r.money.export_pricing;
    assert_eq!(serde_json::to_value(p.rule).unwrap(), "document136New");
    close(p.first_year_price_yuan_kwh, 0.28, "year-1 price");
    close(p.after_term_price_yuan_kwh.unwrap(), 0.20, "after the term");
    close(r.money.by_year[1].export_yuan, 112_000.0, "year 1 export");
    close(r.money.by_year[12].export_yuan, 112_000.0, "year 12 export");
    close(r.money.by_year[13].export_yuan, 80_000.0, "year 13 export");
    close(r.money.first_year_savings_yuan, 472_000.0, "year-1 savings");
    close(
        r.assumptions.export_price_yuan_kwh,
        0.28,
        "assumed export price",
    );
    assert_eq!(
        serde_json::to_value(&r.assumptions.project).unwrap(),
        json!({ "category": "generalCommercial", "categoryInferred": true, "commissioningDate": "2026-03-01" })
    );
}

#[test]
fn old_projects_keep_one_price_and_existing_ones_are_named_so() {
    // Before 2025-06-01 with the fixed price: 400,000 × 0.332 = 132,800 yuan every year.
    let r = run(json!({
        "project": { "commissioningDate": "2024-05-01" },
        "tariff": { "gridPriceYuanKwh": 0.6, "exportPriceYuanKwh": 0.332 },
    }));
    assert_eq!(
        serde_json::to_value(r.money.export_pricing.rule).unwrap(),
        "fixed"
    );
    close(r.money.by_year[20].export_yuan, 132_800.0, "year 20 export");
    // The same date with a Document 136 rule is an existing (存量) project.
    let r = run(json!({
        "project": { "commissioningDate": "2025-05-31" },
        "tariff": { "gridPriceYuanKwh": 0.6, "export": serde_json::from_str::<Value>(MECHANISM).unwrap() },
    }));
    assert_eq!(
        serde_json::to_value(r.money.export_pricing.rule).unwrap(),
        "document136Existing"
    );
    // A new project priced the old way is warned about.
    let r = run(json!({ "project": { "commissioningDate": "2026-03-01" } }));
    assert!(r.warnings.iter().any(|w| w.code == "export_price_old_rule"));
}

#[test]
fn province_fills_the_published_figures() {
    // Gansu: share 80 %, term 12 years shipped; the price is given. 0.8 × 0.25 + 0.2 × 0.15 = 0.23.
    let r = run(json!({
        "project": { "commissioningDate": "2026-01-01", "province": "gansu" },
        "tariff": { "gridPriceYuanKwh": 0.6, "export": { "mechanismPriceYuanKwh": 0.25, "marketPriceYuanKwh": 0.15 } },
    }));
    let p = &r.money.export_pricing;
    assert_eq!(p.mechanism_share_pct, Some(80.0));
    assert_eq!(p.mechanism_term_years, Some(12));
    close(p.first_year_price_yuan_kwh, 0.23, "Gansu year-1 price");
    // Without tariff.export the default export price is the province's benchmark (Gansu 0.3078).
    let r = run(json!({ "project": { "province": "gansu" } }));
    close(
        r.money.by_year[1].export_yuan,
        400_000.0 * 0.3078,
        "Gansu benchmark",
    );
}

#[test]
fn below_the_provincial_minimum_self_use_share_warns_with_both_figures() {
    let r = run(json!({
        "project": { "province": "shanxi" },
        "usage": { "mode": "selfUseSurplus", "selfUseSharePct": 40 },
    }));
    let w = r
        .warnings
        .iter()
        .find(|w| w.code == "below_minimum_self_use")
        .expect("warning");
    assert!(
        w.message.contains("40.0 %") && w.message.contains("50 %"),
        "{}",
        w.message
    );
    assert!(w.message_zh.contains("40.0%") && w.message_zh.contains("50%"));
    let r = run(json!({ "project": { "province": "shanxi" } }));
    assert!(r
        .warnings
        .iter()
        .all(|w| w.code != "below_minimum_self_use"));
}

#[test]
fn full_export_of_an_inferred_general_project_is_a_warning_without_a_date() {
    let r = run(json!({ "usage": { "mode": "fullExport" } }));
    assert!(r.warnings.iter().any(|w| w.code == "mode_not_allowed"));
}

#[test]
fn vat_credit_is_used_up_before_vat_is_paid() {
    // A household project exporting all 1,000,000 kWh at 0.28 → sales 280,000 yuan a year, output VAT
    // 280,000 × 0.13 / 1.13 = 32,212.389. Input credit 3,000,000 × 0.13 / 1.13 = 345,132.743 lasts
    // 10 years; year 11 pays 32,212.389 − (345,132.743 − 10 × 32,212.389) = 9,203.540, surcharges
    // (7 + 5) % = 1,104.425; year 12 pays the full 32,212.389.
    let r = run(json!({
        "project": { "category": "naturalPersonHousehold", "commissioningDate": "2026-03-01", "connectionVoltageKv": 0.4 },
        "usage": { "mode": "fullExport" },
        "tariff": { "gridPriceYuanKwh": 0.6, "export": serde_json::from_str::<Value>(MECHANISM).unwrap() },
        "ownership": { "kind": "owner", "capexYuanPerW": 3.0, "tax": { "incomeTaxPct": 0, "vatPct": 13 } },
    }));
    let y = &r.money.by_year;
    for (i, row) in y.iter().enumerate().take(11).skip(1) {
        assert_eq!(row.vat_yuan, 0.0, "year {i}");
    }
    close(y[11].vat_yuan, 9_203.539_823_008_876, "year 11 VAT");
    close(
        y[11].vat_surcharges_yuan,
        1_104.424_778_761_065,
        "year 11 surcharges",
    );
    close(y[12].vat_yuan, 32_212.389_380_530_978, "year 12 VAT");
    close(
        y[12].net_cash_flow_yuan,
        280_000.0 - y[12].om_yuan - 32_212.389_380_530_978 * 1.12,
        "year 12 net",
    );
}

#[test]
fn a_time_of_use_change_prices_the_years_from_its_year_on() {
    // One period all day: 0.6 yuan/kWh in years 1–5, 0.3 from year 6. Self-used 600,000 kWh a year
    // → 360,000 yuan in year 5, 180,000 in year 6.
    let flat = |p: f64| {
        json!({ "prices": { "peak": p, "flat": p, "valley": p },
                "schedule": [{ "months": [1,2,3,4,5,6,7,8,9,10,11,12], "hours": vec!["flat"; 24] }] })
    };
    let r = run(json!({
        "tariff": { "timeOfUse": flat(0.6), "timeOfUseChanges": [{ "fromYear": 6, "timeOfUse": flat(0.3) }] },
    }));
    close(r.money.by_year[5].self_use_yuan, 360_000.0, "year 5");
    close(r.money.by_year[6].self_use_yuan, 180_000.0, "year 6");
    close(r.money.by_year[20].self_use_yuan, 180_000.0, "year 20");
    assert_eq!(r.assumptions.time_of_use_changes[0].from_year, 6);
}

#[test]
fn plants_and_projects_outside_the_measures_are_not_refused() {
    // 60 MW described by its capacity only: no distributed category, no error.
    let r = run(json!({ "system": { "capacityKwp": 60000 } }));
    assert_eq!(r.assumptions.project.category, None);
    // Commissioned in 2024, before the 2025 measures: a C&I roof could still export everything.
    let r = run(json!({
        "project": { "commissioningDate": "2024-06-01" },
        "usage": { "mode": "fullExport" },
    }));
    assert!(r.warnings.iter().all(|w| w.code != "mode_not_allowed"));
    // The same roof in 2026 is refused at usage.mode.
    let mut s = json!({
        "system": { "capacityKwp": 1000 },
        "resource": { "method": "fullLoadHours", "hours": 1000 },
        "project": { "commissioningDate": "2026-06-01" },
        "usage": { "mode": "fullExport" },
    });
    let e = calculate(&Scenario::from_json_value(&s).unwrap()).unwrap_err();
    assert_eq!((e.code, e.field.as_str()), ("not_allowed", "usage.mode"));
    // A natural-person household may.
    s["project"]["category"] = json!("naturalPersonHousehold");
    assert!(calculate(&Scenario::from_json_value(&s).unwrap()).is_ok());
}

#[test]
fn monthly_agency_purchase_prices_value_each_month_at_its_price() {
    // Jan–Jun 0.5, Jul–Dec 0.7 yuan/kWh; the shaped year has equal days, so the 600,000 self-used
    // kWh fall 181/365 in Jan–Jun and 184/365 in Jul–Dec: 600,000 × (181 × 0.5 + 184 × 0.7) / 365
    // = 360,493.150… yuan.
    let p: Vec<f64> = (0..12).map(|m| if m < 6 { 0.5 } else { 0.7 }).collect();
    let r = run(json!({ "tariff": { "gridPriceByMonthYuanKwh": p } }));
    close(
        r.money.by_year[1].self_use_yuan,
        600_000.0 * (181.0 * 0.5 + 184.0 * 0.7) / 365.0,
        "year-1 self-use value",
    );
    assert_eq!(
        serde_json::to_value(r.assumptions.tariff_kind).unwrap(),
        "monthly"
    );
    // Hour-weighted mean of the year: (181 × 0.5 + 184 × 0.7) / 365.
    close(
        r.assumptions.grid_price_yuan_kwh,
        (181.0 * 0.5 + 184.0 * 0.7) / 365.0,
        "mean",
    );
}

/// A year of quarter-hours in the Green Button "Download my data" layout as public parsers
/// document it for PG&E (account block, blank line, header with COST and NOTES, `$` costs, a
/// note on one row): 0.25 kWh in every quarter-hour of hours 0–11 and 0.5 kWh in hours 12–23.
fn green_button_year() -> String {
    let mut t = String::from(
        "\u{feff}Name,JANE DOE\nAddress,\"123 EXAMPLE ST, CITY CA 90000\"\nAccount Number,0000000000\nService,Service 1\n\n\
         TYPE,DATE,START TIME,END TIME,USAGE (kWh),COST,NOTES\n",
    );
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (m, &n) in days.iter().enumerate() {
        for d in 1..=n {
            for h in 0..24 {
                for q in 0..4 {
                    let kwh = if h < 12 { "0.25" } else { "0.50" };
                    let note = if m == 6 && d == 4 && h == 0 && q == 0 {
                        "* This data was estimated"
                    } else {
                        ""
                    };
                    t.push_str(&format!(
                        "Electric usage,2025-{:02}-{d:02},{h:02}:{:02},{h:02}:{:02},{kwh},$0.07,{note}\n",
                        m + 1,
                        q * 15,
                        q * 15 + 14
                    ));
                }
            }
        }
    }
    t
}

#[test]
fn a_green_button_export_is_read_as_it_comes() {
    let r = run(json!({
        "usage": { "mode": "selfUseSurplus", "load": { "kind": "intervalCsv", "text": green_button_year() } },
    }));
    // 365 days × (12 h × 4 × 0.25 + 12 h × 4 × 0.5) = 365 × 36 = 13,140 kWh; the peak hour 4 × 0.5 = 2 kWh.
    let load = r.assumptions.load.as_ref().unwrap();
    close(load.annual_kwh, 13_140.0, "annual load");
    close(load.peak_kw, 2.0, "peak hour");
    assert_eq!((load.step_minutes, load.rows), (Some(15), Some(35_040)));
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "load_export_green_button"));
    // A gas row among them is refused at its own line of the file (header on line 6, so the
    // 100th data row is line 106).
    let text = green_button_year();
    let mut lines: Vec<&str> = text.split('\n').collect();
    let gas = lines[105].replacen("Electric usage", "Gas usage", 1);
    lines[105] = &gas;
    let s = json!({
        "system": { "capacityKwp": 1000 },
        "resource": { "method": "fullLoadHours", "hours": 1000 },
        "usage": { "mode": "selfUseSurplus", "load": { "kind": "intervalCsv", "text": lines.join("\n") } },
        "tariff": { "gridPriceYuanKwh": 0.6 },
    });
    let e = calculate(&Scenario::from_json_value(&s).unwrap()).unwrap_err();
    assert_eq!(
        (e.code, e.field.as_str()),
        ("load_format", "usage.load.text")
    );
    assert!(
        e.message
            .starts_with("usage.load.text line 106: a `Gas usage` row"),
        "{}",
        e.message
    );
}
