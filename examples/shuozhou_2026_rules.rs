//! The Shuozhou 4 MW factory (preset `shuozhou-4mw-owner-tou`) priced the old way (every exported
//! kWh at the 0.332 yuan/kWh Shanxi coal benchmark) and as a general C&I project commissioned in
//! 2026 under Document 136, through `calculate`:
//!
//!     cargo run --quiet --example shuozhou_2026_rules
//!
//! Shanxi has published no mechanism price, share or term for distributed PV that could be found,
//! nor a market price: the new-rule cases therefore state their market price (and, in the last one,
//! a mechanism) as assumptions, not shipped figures.

use rooftop_pv::{calculate, presets, Scenario};
use serde_json::{json, Value};

fn case(name: &str, tariff_export: Option<Value>, vat: bool) {
    let base = presets::example("shuozhou-4mw-owner-tou").unwrap();
    let mut s = serde_json::to_value(&base).unwrap();
    if let Some(e) = tariff_export {
        s["project"] = json!({
            "category": "generalCommercial", "commissioningDate": "2026-03-01",
            "connectionVoltageKv": 10, "province": "shanxi"
        });
        s["tariff"]
            .as_object_mut()
            .unwrap()
            .remove("exportPriceYuanKwh");
        s["tariff"]["export"] = e;
    }
    if vat {
        s["ownership"]["tax"] = json!({ "incomeTaxPct": 25, "vatPct": 13 });
    }
    let r = calculate(&Scenario::from_json_value(&s).unwrap()).unwrap();
    let m = &r.money;
    let y1 = &m.by_year[1];
    println!(
        "{name}\n  rule {:?}; year-1 export price {:.4} yuan/kWh; exported {:.0} kWh; self-use share {:.1} %\n  \
         first-year savings {:.0} yuan (self-use {:.0} + export {:.0}); IRR {:.2} %; project IRR {:.2} %; NPV {:.0} yuan; \
         payback {:.2} yr\n  warnings: {:?}",
        m.export_pricing.rule,
        m.export_pricing.first_year_price_yuan_kwh,
        y1.exported_kwh,
        r.usage.self_use_share_pct,
        m.first_year_savings_yuan,
        y1.self_use_yuan,
        y1.export_yuan,
        m.irr_pct.unwrap_or(f64::NAN),
        m.project_irr_pct.unwrap_or(f64::NAN),
        m.npv_yuan.unwrap_or(f64::NAN),
        m.payback_years.unwrap_or(f64::NAN),
        r.warnings.iter().map(|w| w.code).collect::<Vec<_>>(),
    );
}

fn main() {
    case(
        "A. old way: every exported kWh at the 0.332 coal benchmark",
        None,
        false,
    );
    case(
        "B. 2026 general C&I, Document 136, no mechanism (none published for Shanxi): market 0.20 yuan/kWh (assumed)",
        Some(json!({ "marketPriceYuanKwh": 0.20 })),
        false,
    );
    case(
        "C. as B with a midday-capture market price by hour (assumed: 0.10 at 10-15 h, 0.30 otherwise)",
        Some(json!({ "marketPriceByHourYuanKwh":
            [0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.1,0.1,0.1,0.1,0.1,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3] })),
        false,
    );
    case(
        "D. as C with an assumed mechanism of 0.30 yuan/kWh for 80 % over 12 years (Gansu-like share/term; not Shanxi figures)",
        Some(json!({ "mechanismPriceYuanKwh": 0.30, "mechanismSharePct": 80, "mechanismTermYears": 12,
            "marketPriceByHourYuanKwh":
            [0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.1,0.1,0.1,0.1,0.1,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3] })),
        false,
    );
    case("E. A with income tax 25 % and VAT 13 %", None, true);
    case(
        "F. C with income tax 25 % and VAT 13 %",
        Some(json!({ "marketPriceByHourYuanKwh":
            [0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.1,0.1,0.1,0.1,0.1,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3,0.3] })),
        true,
    );
}
