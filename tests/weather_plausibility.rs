//! The plausibility rules of `src/weather/plausibility.rs` on every real weather fixture: how many
//! rows each rule flags (printed: `cargo test --test weather_plausibility -- --nocapture`), that no
//! fixture breaks an error rule, and that impossible weather is refused by line.

mod weather_common;

use rooftop_pv::error::codes;
use rooftop_pv::weather::plausibility::count_weather;
use rooftop_pv::weather::{parse, summarize};
use weather_common::*;

/// The Datong EPW with its irradiance fields (13 GHI, 14 DNI, 15 DHI, 0-based) rewritten per row.
fn datong_with(f: impl Fn(f64, f64, f64) -> (f64, f64, f64)) -> String {
    let text = shared(DATONG);
    let (head, rows) = epw_rows(&text);
    let mut out = head.join("\n");
    for r in rows {
        let v = |k: usize| r[k].trim().parse::<f64>().unwrap();
        let (g, b, d) = f(v(13), v(14), v(15));
        let mut cells: Vec<String> = r.iter().map(|c| c.to_string()).collect();
        (cells[13], cells[14], cells[15]) = (g.to_string(), b.to_string(), d.to_string());
        out.push('\n');
        out.push_str(&cells.join(","));
    }
    out
}

/// Every fixture: name and text.
fn fixtures() -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = CSWD.iter().map(|n| (n.to_string(), shared(n))).collect();
    for name in ["723170TYA.CSV", "703165TY.csv", "12839.tm2"] {
        all.push((name.to_string(), pvlib(name)));
    }
    all.push(("test_psm3_tmy-2017.csv (as served)".into(), psm3_served()));
    let (csv, json) = pvgis_from_datong();
    all.push(("PVGIS CSV from Datong".into(), csv));
    all.push(("PVGIS JSON from Datong".into(), json));
    all
}

#[test]
fn rows_flagged_per_rule_on_every_fixture() {
    for (name, text) in fixtures() {
        let w = parse(&text, None, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        let counts = count_weather(&w);
        // The error rules refuse no real file; the warning rules flag under 1 % of the rows.
        for c in &counts {
            assert!(c.rows * 100 < w.stamps.len() as u32, "{name}: {c:?}");
        }
        let shown: Vec<String> = counts
            .iter()
            .map(|c| format!("{} {}", c.rule, c.rows))
            .collect();
        println!(
            "{name}: {}",
            if shown.is_empty() {
                "none".into()
            } else {
                shown.join(", ")
            }
        );
        assert_eq!(
            summarize(&w).implausible,
            w.provenance.implausible,
            "{name}"
        );
    }
}

#[test]
fn negative_irradiance_is_refused_at_its_line() {
    // Night rows at −20 W/m² (within the old −20…2000 range): below BSRN's −4 W/m².
    let text = datong_with(|g, b, d| if g == 0.0 { (-20.0, b, d) } else { (g, b, d) });
    let e = parse(&text, None, None).unwrap_err();
    assert_eq!(
        (e.code, e.field.as_str()),
        (codes::WEATHER_OUT_OF_RANGE, "resource.text")
    );
    assert!(
        e.message
            .starts_with("line 9: global horizontal irradiance (GHI) -20"),
        "{}",
        e.message
    );
    assert!(e.message_zh.contains("第 9 行"), "{}", e.message_zh);
    // A sensor offset of −3 W/m² at night is accepted.
    let text = datong_with(|g, b, d| if g == 0.0 { (-3.0, b, d) } else { (g, b, d) });
    assert!(parse(&text, None, None).is_ok());
}

#[test]
fn diffuse_above_global_over_the_year_is_refused() {
    let text = datong_with(|g, b, _| (g, b, 2.0 * g + 1.0));
    let e = parse(&text, None, None).unwrap_err();
    assert_eq!(e.code, codes::WEATHER_OUT_OF_RANGE);
    assert!(
        e.message.contains("diffuse_above_global_year"),
        "{}",
        e.message
    );
    // Hour by hour it is a counted warning (the rows with GHI in 100…150 W/m² here).
    let text = datong_with(|g, b, d| {
        if g > 100.0 && g < 150.0 {
            (g, b, 1.2 * g)
        } else {
            (g, b, d)
        }
    });
    let w = parse(&text, None, None).unwrap();
    let c = w
        .provenance
        .implausible
        .iter()
        .find(|c| c.rule == "diffuse_above_global")
        .unwrap();
    assert!(c.rows > 300 && c.first_line > 8, "{c:?}");
}

#[test]
fn beam_above_global_is_a_counted_warning() {
    // GHI halved, DNI kept: DNI·cos z exceeds GHI in most sunlit rows.
    let text = datong_with(|g, b, d| (g / 2.0, b, d / 2.0));
    let w = parse(&text, None, None).unwrap();
    let c = w
        .provenance
        .implausible
        .iter()
        .find(|c| c.rule == "beam_above_global")
        .unwrap();
    assert!(c.rows > 1000, "{c:?}");
}
