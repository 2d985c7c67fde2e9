//! "Every number of a report is finite", checked on its JSON form: serde_json writes NaN and
//! ±Infinity as `null`, and a report has no other `null` (absent values are omitted fields).

use serde_json::Value;

/// The JSON path of the first `null` or non-finite number in `value` (`energy.performanceRatio`,
/// `money.byYear[3].netCashFlowYuan`), or `None` when every number is finite.
pub fn first_non_finite(value: &Value) -> Option<String> {
    match value {
        Value::Null => Some(String::new()),
        Value::Number(n) => n.as_f64().filter(|x| !x.is_finite()).map(|_| String::new()),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .find_map(|(i, v)| first_non_finite(v).map(|p| format!("[{i}]{}", dotted(&p)))),
        Value::Object(fields) => fields
            .iter()
            .find_map(|(k, v)| first_non_finite(v).map(|p| format!("{k}{}", dotted(&p)))),
        Value::Bool(_) | Value::String(_) => None,
    }
}

fn dotted(rest: &str) -> String {
    if rest.is_empty() || rest.starts_with('[') {
        rest.to_string()
    } else {
        format!(".{rest}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_first_non_finite_number() {
        let v = serde_json::json!({ "a": 1.0, "b": [1.0, { "c": f64::NAN }], "d": "x" });
        assert_eq!(first_non_finite(&v).as_deref(), Some("b[1].c"));
        assert_eq!(
            first_non_finite(&serde_json::json!({ "a": [1.0, 2.5] })),
            None
        );
        assert_eq!(
            first_non_finite(&serde_json::json!([f64::INFINITY])).as_deref(),
            Some("[0]")
        );
    }
}
