//! Every invalid scenario of tests/data/invalid-scenarios.json is rejected with its code and field
//! (the same table runs through the npm package in tests/js/errors.test.mjs).

use rooftop_pv::{calculate, Scenario, ScenarioError};
use serde_json::Value;

/// JSON text to a report, as the binding does: read the scenario, then calculate.
fn from_text(text: &str) -> Result<rooftop_pv::Report, ScenarioError> {
    calculate(&Scenario::from_json(text)?)
}

#[test]
fn each_invalid_scenario_gives_its_code_and_field() {
    let table: Value = serde_json::from_str(include_str!("data/invalid-scenarios.json")).unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 30);
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        match from_text(&case["scenario"].to_string()) {
            Ok(_) => failures.push(format!("{name}: accepted")),
            Err(e) => {
                if e.code != case["code"] || e.field != case["field"] {
                    failures.push(format!(
                        "{name}: got {} at '{}' ({})",
                        e.code, e.field, e.message
                    ));
                }
                assert!(!e.message.is_empty() && !e.message_zh.is_empty(), "{name}");
                readable(name, &e);
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Messages people can read (issue 16): no Rust type names or serde's English in either language,
/// no Chinese message without Chinese, nothing echoed at length.
fn readable(name: &str, e: &ScenarioError) {
    for text in [&e.message, &e.message_zh] {
        for rust in [
            "f64",
            "u32",
            "u8",
            "struct ",
            "enum ",
            "invalid type",
            "invalid value",
            "one of `",
        ] {
            assert!(!text.contains(rust), "{name}: {text}");
        }
        assert!(
            text.chars().count() < 300,
            "{name}: {} characters",
            text.chars().count()
        );
    }
    assert!(
        !e.message_zh.contains("expected")
            && e.message_zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{name}: {}",
        e.message_zh
    );
}

fn valid() -> Scenario {
    Scenario::from_json(
        r#"{"system":{"capacityKwp":100},"resource":{"method":"fullLoadHours","hours":1200}}"#,
    )
    .unwrap()
}

#[test]
fn non_finite_numbers_from_rust_callers_are_rejected_at_their_path() {
    type Setter = fn(&mut Scenario, f64);
    let cases: [(Setter, &str); 3] = [
        (|s, v| s.system.capacity_kwp = Some(v), "system.capacityKwp"),
        (|s, v| s.resource.hours = Some(v), "resource.hours"),
        (
            |s, v| {
                s.tariff = Some(rooftop_pv::scenario::Tariff {
                    escalation_pct: Some(v),
                    ..Default::default()
                })
            },
            "tariff.escalationPct",
        ),
    ];
    for (set, field) in cases {
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut s = valid();
            set(&mut s, v);
            let e = calculate(&s).unwrap_err();
            assert_eq!((e.code, e.field.as_str()), ("not_finite", field));
        }
    }
}

#[test]
fn malformed_json_is_an_error_not_a_panic() {
    for text in [
        "",
        "{",
        "nul",
        "{\"system\":}",
        "[1,",
        "{} trailing",
        "\u{0}",
    ] {
        let e = from_text(text).unwrap_err();
        assert!(
            ["invalid_json", "invalid_type", "missing_field"].contains(&e.code),
            "{text:?}: {e}"
        );
    }
}

#[test]
fn an_unknown_empty_key_at_the_top_is_named() {
    // Found by the fuzz harness: `{"": []}` gave the field "", which reads as the whole input.
    let e = rooftop_pv::Scenario::from_json(r#"{"": []}"#).unwrap_err();
    assert_eq!((e.code, e.field.as_str()), ("unknown_field", r#""""#));
}

#[test]
fn nesting_past_the_json_readers_limit_is_too_deep() {
    // 200 levels: serde_json's own limit (128) stops it while parsing; 20 levels: the cap (16).
    for (levels, field) in [(200, ""), (20, "site.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a")] {
        let text = format!(
            r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1200}},"site":{}1{}}}"#,
            r#"{"a":"#.repeat(levels - 1),
            "}".repeat(levels - 1)
        );
        let e = from_text(&text).unwrap_err();
        assert_eq!(
            (e.code, e.field.as_str()),
            ("too_deep", field),
            "{levels}: {e}"
        );
    }
}
