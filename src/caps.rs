//! The caps on every input, so that no input costs more than a bounded time and memory: checked by
//! the JavaScript package before anything is copied into WebAssembly (`js/api.js`, the same
//! numbers) and here again, on the JSON text and on its parsed value before it is read into a
//! scenario. Each refusal names the cap: code `too_large` (bytes), `too_deep` (nesting),
//! `too_many` (elements, properties, values) or `too_long` (a string), the JSON path in `field`.
//! The two file texts have caps of their own ([`WEATHER_TEXT_BYTES`], [`LOAD_TEXT_BYTES`]), which
//! their readers check first.

use serde_json::Value;

use crate::error::{codes, ScenarioError};

/// The scenario without its file texts, as JSON [bytes].
pub const JSON_BYTES: usize = 1 << 20;
/// Objects and arrays inside one another.
pub const DEPTH: usize = 16;
/// Properties of one object.
pub const KEYS: usize = 64;
/// Characters of a property name.
pub const KEY_CHARS: usize = 64;
/// Values (numbers, strings, objects …) in the whole scenario.
pub const VALUES: usize = 20_000;
/// Elements of any array.
pub const ARRAY_ITEMS: usize = 1000;
/// Characters of any string but the file texts (ids, names, modes, dates).
pub const STRING_CHARS: usize = 256;
/// `system.planes`.
pub const PLANES: usize = 50;
/// Rows of a time-of-use `schedule` (every month in exactly one row).
pub const SCHEDULE_ROWS: usize = 12;
/// The query of `findStations()` and the id of `stationClimate()` [characters].
pub const QUERY_CHARS: usize = 256;
/// Echoed values (an unknown id, mode or field name) are cut to this many characters.
pub const ECHO_CHARS: usize = 40;

/// `text` cut to [`ECHO_CHARS`] characters, with "…" when something was cut.
pub fn echo(text: &str) -> String {
    match text.char_indices().nth(ECHO_CHARS) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// The JSON paths of the file texts, which have caps of their own (checked by their readers first).
const TEXTS: [&str; 2] = ["resource.text", "usage.load.text"];

/// `resource.text`, a weather file [bytes] (50 MiB).
pub const WEATHER_TEXT_BYTES: usize = 50 * 1024 * 1024;
/// `usage.load.text`, a load file [bytes] (20 MiB; a year of 5-minute rows with timestamps is ≈3 MiB).
pub const LOAD_TEXT_BYTES: usize = 20 * 1024 * 1024;
/// A scenario's JSON text with the file texts inside (escaped, so up to twice their bytes) [bytes].
pub const JSON_WITH_TEXTS_BYTES: usize = JSON_BYTES + 2 * (WEATHER_TEXT_BYTES + LOAD_TEXT_BYTES);

/// Refuses a JSON text above `cap` bytes ([`JSON_BYTES`] for the scenario without its texts, as
/// the JavaScript binding passes it; [`JSON_WITH_TEXTS_BYTES`] with them), before it is parsed.
pub fn check_json_text(text: &str, cap: usize) -> Result<(), ScenarioError> {
    if text.len() <= cap {
        return Ok(());
    }
    let (en, zh) = if cap == JSON_BYTES {
        (", without its file texts", "（不含文件文本）")
    } else {
        (", with its file texts", "（含文件文本）")
    };
    Err(ScenarioError::new(
        codes::TOO_LARGE,
        "",
        format!(
            "the scenario is larger than {} MiB as JSON{en} (the limit)",
            cap >> 20
        ),
        format!("情景{zh}的 JSON 超过 {} MiB（上限）", cap >> 20),
    ))
}

/// A string longer than `cap` characters at `field`.
pub fn too_long(field: &str, chars: usize, cap: usize) -> ScenarioError {
    let at = if field.is_empty() { "the value" } else { field };
    ScenarioError::new(
        codes::TOO_LONG,
        field,
        format!("{at} has {chars} characters; at most {cap} are accepted"),
        format!("{at} 有 {chars} 个字符，上限为 {cap}"),
    )
}

fn too_many(field: &str, what: (&str, &str), cap: usize) -> ScenarioError {
    let at = if field.is_empty() {
        "the scenario"
    } else {
        field
    };
    ScenarioError::new(
        codes::TOO_MANY,
        field,
        format!("{at} holds more than {cap} {} (the limit)", what.0),
        format!("{at} 超过 {cap} 个{}（上限）", what.1),
    )
}

/// Checks a parsed scenario (or options object) against the caps; the first value beyond one is
/// named by its JSON path. Stops at the first refusal, so its cost is bounded by the caps.
pub fn check_value(value: &Value) -> Result<(), ScenarioError> {
    let mut values = 0;
    walk(value, &mut String::new(), 0, &mut values)
}

fn walk(
    v: &Value,
    path: &mut String,
    depth: usize,
    values: &mut usize,
) -> Result<(), ScenarioError> {
    *values += 1;
    if *values > VALUES {
        return Err(too_many("", ("values in all", "值"), VALUES));
    }
    let nested = |path: &str| {
        ScenarioError::new(
            codes::TOO_DEEP,
            path,
            format!("{path} nests objects and arrays more than {DEPTH} levels deep (the limit)"),
            format!("{path} 的对象与数组嵌套超过 {DEPTH} 层（上限）"),
        )
    };
    match v {
        Value::String(s) if s.chars().count() > STRING_CHARS && !TEXTS.contains(&path.as_str()) => {
            Err(too_long(path, s.chars().count(), STRING_CHARS))
        }
        Value::Array(items) => {
            if depth >= DEPTH {
                return Err(nested(path));
            }
            let cap = match path.rsplit('.').next() {
                Some("planes") => PLANES,
                Some("schedule") => SCHEDULE_ROWS,
                _ => ARRAY_ITEMS,
            };
            if items.len() > cap {
                return Err(too_many(path, ("elements", "元素"), cap));
            }
            let len = path.len();
            for (i, item) in items.iter().enumerate() {
                path.push_str(&format!("[{i}]"));
                walk(item, path, depth + 1, values)?;
                path.truncate(len);
            }
            Ok(())
        }
        Value::Object(map) => {
            if depth >= DEPTH {
                return Err(nested(path));
            }
            if map.len() > KEYS {
                return Err(too_many(path, ("properties", "属性"), KEYS));
            }
            let len = path.len();
            for (key, item) in map {
                if key.chars().count() > KEY_CHARS {
                    let at = if path.is_empty() {
                        "the scenario"
                    } else {
                        path.as_str()
                    };
                    return Err(ScenarioError::new(
                        codes::UNKNOWN_FIELD,
                        path.as_str(),
                        format!(
                            "{at} has a property named `{}` ({} characters), which no scenario has",
                            echo(key),
                            key.chars().count()
                        ),
                        format!(
                            "{at} 含有名为 `{}`（{} 个字符）的属性，情景中没有这样的字段",
                            echo(key),
                            key.chars().count()
                        ),
                    ));
                }
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
                walk(item, path, depth + 1, values)?;
                path.truncate(len);
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_and_field(text: &str) -> (&'static str, String) {
        let value: Value = serde_json::from_str(text).unwrap();
        let e = check_value(&value).unwrap_err();
        (e.code, e.field)
    }

    /// Each cap refuses one past its value, at the JSON path, and accepts the value itself.
    #[test]
    fn each_cap_refuses_one_past_it() {
        let planes =
            |n: usize| format!(r#"{{"system":{{"planes":[{}]}}}}"#, vec!["{}"; n].join(","));
        assert!(check_value(&serde_json::from_str(&planes(PLANES)).unwrap()).is_ok());
        assert_eq!(
            code_and_field(&planes(PLANES + 1)),
            ("too_many", "system.planes".into())
        );
        let rows = format!(
            r#"{{"tariff":{{"timeOfUse":{{"schedule":[{}]}}}}}}"#,
            vec!["1"; SCHEDULE_ROWS + 1].join(",")
        );
        assert_eq!(
            code_and_field(&rows),
            ("too_many", "tariff.timeOfUse.schedule".into())
        );
        let long = format!(
            r#"{{"usage":{{"mode":"{}"}}}}"#,
            "x".repeat(STRING_CHARS + 1)
        );
        assert_eq!(code_and_field(&long), ("too_long", "usage.mode".into()));
        let deep = format!("{}{}", "[".repeat(DEPTH + 1), "]".repeat(DEPTH + 1));
        assert_eq!(code_and_field(&format!(r#"{{"a":{deep}}}"#)).0, "too_deep");
        let items = format!(r#"{{"a":[{}]}}"#, vec!["0"; ARRAY_ITEMS + 1].join(","));
        assert_eq!(code_and_field(&items), ("too_many", "a".into()));
        let key = format!(r#"{{"site":{{"{}":1}}}}"#, "k".repeat(KEY_CHARS + 1));
        assert_eq!(code_and_field(&key), ("unknown_field", "site".into()));
        let large = check_json_text(&" ".repeat(JSON_BYTES + 1), JSON_BYTES).unwrap_err();
        assert_eq!(large.code, "too_large");
        assert!(
            large.message.contains("larger than 1 MiB"),
            "{}",
            large.message
        );
        let text = format!(
            r#"{{"resource":{{"text":"{}"}}}}"#,
            "x".repeat(STRING_CHARS + 1)
        );
        assert!(check_value(&serde_json::from_str(&text).unwrap()).is_ok());
    }

    #[test]
    fn echo_cuts_at_forty_characters() {
        assert_eq!(echo("短"), "短");
        assert_eq!(echo(&"负".repeat(100)), format!("{}…", "负".repeat(40)));
    }
}
