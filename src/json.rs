//! Strict reading of JSON values into the scenario types. serde's derived structs also accept an
//! array of their fields in order (`"system": [100]`); a scenario must name its fields, so this
//! deserializer over a parsed [`serde_json::Value`] accepts structs only from JSON objects and
//! otherwise behaves like serde_json's own. Its [`Error`] keeps what went wrong as data (which
//! field is missing or unknown, which type was found), so that the caller derives stable error
//! codes from it rather than from message text, and words it for people in English and Chinese
//! ([`Error::words`]: "a number" / "数字", never serde's `f64` or `struct Plane`). It also records the JSON path of the first problem
//! (`system.planes[0].tiltDeg`): each object key and array index adds itself to the path as an
//! error travels out through it, which costs nothing until a value is wrong (the path crate
//! `serde_path_to_error` wrapped every visitor instead, ≈ 40 KB of the .wasm).

use std::cell::RefCell;
use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::Value;

/// The marker that starts a string standing for a non-finite number (`"\u{0}NaN"`): the
/// JavaScript binding writes NaN and ±Infinity so (JSON has none), and no field accepts it.
pub const NON_FINITE: char = '\u{0}';

/// What a column choice (`usage.load.column`) expects: its words are known here, in both languages.
pub const COLUMN_EXPECTED: &str = "a column name (a string) or a column number from 1";

/// What the strict reader found wrong, with the names and values involved.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A required field is absent.
    MissingField(&'static str),
    /// A field the struct does not have; `expected` lists those it has.
    UnknownField {
        field: String,
        expected: &'static [&'static str],
    },
    /// A string that is none of an enum's variants.
    UnknownVariant {
        variant: String,
        expected: &'static [&'static str],
    },
    /// A value of the wrong JSON type; `non_finite` for NaN or ±Infinity (see [`NON_FINITE`]).
    InvalidType {
        found: Found,
        expected: Kind,
        non_finite: bool,
    },
    /// A value of the right type that its type refuses (`-1` for a count).
    InvalidValue { found: Found, expected: Kind },
    /// An array of the wrong length.
    InvalidLength { length: usize, expected: Kind },
    /// Anything else (e.g. a field given twice), in serde's words.
    Other(String),
}

/// The value found, as a message shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    Bool(bool),
    Number(f64),
    Text(String),
    Null,
    Array,
    Object,
    NonFinite,
}

/// The kind of value expected, from the name serde gives it (`f64`, `u32`, `struct Plane` …).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Number,
    /// A whole number from 0 to the largest value of its type.
    Count(u64),
    Whole,
    Bool,
    Text,
    Object,
    /// One of an enum's names.
    Name,
    Array,
    /// What a custom type says it expects (its own words, in English and Chinese).
    Custom(&'static str, &'static str),
}

impl Kind {
    // Not inlined: every primitive visitor's error path calls it (≈ 3 KB of .wasm when inlined).
    #[inline(never)]
    fn of(expected: &dyn Expected) -> Kind {
        let name = expected.to_string();
        match name.as_str() {
            "f64" | "f32" => Kind::Number,
            "u8" => Kind::Count(u8::MAX.into()),
            "u16" => Kind::Count(u16::MAX.into()),
            "u32" => Kind::Count(u32::MAX.into()),
            "u64" | "usize" => Kind::Count(u64::MAX),
            "i8" | "i16" | "i32" | "i64" | "isize" => Kind::Whole,
            "a boolean" => Kind::Bool,
            "a string" | "a borrowed string" | "a character" => Kind::Text,
            n if n.starts_with("struct ") || n.ends_with(" map") || n == "a map" => Kind::Object,
            n if n.starts_with("enum ") || n.contains("identifier") => Kind::Name,
            n if n.contains("sequence") || n.contains("tuple") || n.starts_with("an array") => {
                Kind::Array
            }
            COLUMN_EXPECTED => Kind::Custom(COLUMN_EXPECTED, "列名（字符串）或从 1 起的列号"),
            _ => Kind::Custom("a value of another type", "其他类型的值"),
        }
    }

    /// The expected value in English and Chinese.
    pub fn words(self) -> (String, String) {
        let (en, zh) = match self {
            Kind::Number => ("a number", "数字"),
            Kind::Count(max) => {
                return (
                    format!("a whole number from 0 to {max}"),
                    format!("介于 0 与 {max} 之间的整数"),
                )
            }
            Kind::Whole => ("a whole number", "整数"),
            Kind::Bool => ("true or false", "true 或 false"),
            Kind::Text => ("a string", "字符串"),
            Kind::Object => ("an object", "对象"),
            Kind::Name => (
                "a name from the documented list (a string)",
                "文档所列名称（字符串）",
            ),
            Kind::Array => ("an array", "数组"),
            Kind::Custom(en, zh) => (en, zh),
        };
        (en.to_string(), zh.to_string())
    }
}

impl Found {
    #[inline(never)]
    fn of(found: &Unexpected<'_>) -> Found {
        match *found {
            Unexpected::Bool(b) => Found::Bool(b),
            Unexpected::Unsigned(u) => Found::Number(u as f64),
            Unexpected::Signed(i) => Found::Number(i as f64),
            Unexpected::Float(f) => Found::Number(f),
            Unexpected::Str(s) if s.starts_with(NON_FINITE) => Found::NonFinite,
            Unexpected::Str(s) => Found::Text(crate::caps::echo(s)),
            Unexpected::Char(c) => Found::Text(c.to_string()),
            Unexpected::Unit | Unexpected::Option => Found::Null,
            Unexpected::Seq => Found::Array,
            _ => Found::Object,
        }
    }

    /// The value found in English and Chinese.
    pub fn words(&self) -> (String, String) {
        match self {
            Found::Bool(b) => (format!("{b}"), format!("{b}")),
            Found::Number(n) => {
                let n = crate::check::num(*n);
                (format!("the number {n}"), format!("数字 {n}"))
            }
            Found::Text(t) => (format!("the string \"{t}\""), format!("字符串“{t}”")),
            Found::Null => ("null".into(), "null".into()),
            Found::Array => ("an array".into(), "数组".into()),
            Found::Object => ("an object".into(), "对象".into()),
            Found::NonFinite => ("NaN or Infinity".into(), "NaN 或 Infinity".into()),
        }
    }
}

/// Names as a message lists them: "`a`, `b` or `c`" / "`a`、`b` 或 `c`".
fn names(list: &[&str]) -> (String, String) {
    let quoted: Vec<String> = list.iter().map(|n| format!("`{n}`")).collect();
    match quoted.split_last() {
        None => ("nothing".into(), "无".into()),
        Some((last, [])) => (last.clone(), last.clone()),
        Some((last, rest)) => (
            format!("{} or {last}", rest.join(", ")),
            format!("{} 或 {last}", rest.join("、")),
        ),
    }
}

impl Error {
    /// What is wrong, in English and Chinese, without the field's path.
    pub fn words(&self) -> (String, String) {
        match self {
            Error::MissingField(field) => (
                format!("the field `{field}` is required"),
                format!("缺少必填字段 `{field}`"),
            ),
            Error::UnknownField { field, expected } => {
                let (en, zh) = names(expected);
                let field = crate::caps::echo(field);
                (
                    format!("unknown field `{field}` (a typo?); expected {en}"),
                    format!("未知字段 `{field}`（可能拼写错误）；应为 {zh}"),
                )
            }
            Error::UnknownVariant { variant, expected } => {
                let (en, zh) = names(expected);
                let variant = crate::caps::echo(variant);
                (
                    format!("unknown value `{variant}`; expected {en}"),
                    format!("取值 `{variant}` 无效；应为 {zh}"),
                )
            }
            Error::InvalidType {
                found, expected, ..
            } => {
                let ((found_en, found_zh), (want_en, want_zh)) = (found.words(), expected.words());
                (
                    format!("must be {want_en}, not {found_en}"),
                    format!("应为{want_zh}，而不是{found_zh}"),
                )
            }
            Error::InvalidValue { found, expected } => {
                let ((found_en, found_zh), (want_en, want_zh)) = (found.words(), expected.words());
                (
                    format!("must be {want_en} (got {found_en})"),
                    format!("应为{want_zh}（当前为{found_zh}）"),
                )
            }
            Error::InvalidLength { length, expected } => {
                let (want_en, want_zh) = expected.words();
                (
                    format!("holds {length} values; expected {want_en}"),
                    format!("有 {length} 个值；应为{want_zh}"),
                )
            }
            Error::Other(text) => match text.strip_prefix("duplicate field ") {
                Some(field) => (
                    format!("the field {field} is given twice"),
                    format!("字段 {field} 重复出现"),
                ),
                None => (text.clone(), "格式错误".into()),
            },
        }
    }
}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::Other(msg.to_string())
    }
    fn missing_field(field: &'static str) -> Self {
        Error::MissingField(field)
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::UnknownField {
            field: field.to_string(),
            expected,
        }
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::UnknownVariant {
            variant: variant.to_string(),
            expected,
        }
    }
    #[inline(never)]
    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let found = Found::of(&found);
        Error::InvalidType {
            non_finite: found == Found::NonFinite,
            found,
            expected: Kind::of(expected),
        }
    }
    #[inline(never)]
    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::InvalidValue {
            found: Found::of(&found),
            expected: Kind::of(expected),
        }
    }
    #[inline(never)]
    fn invalid_length(length: usize, expected: &dyn Expected) -> Self {
        Error::InvalidLength {
            length,
            expected: Kind::of(expected),
        }
    }
}

/// The English words of [`Error::words`].
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words().0)
    }
}

impl std::error::Error for Error {}

/// Reads `value` into `T`; on failure returns the JSON path of the problem (`""` at the root, keys
/// joined by `.`, array indices as `[i]`) with serde's error.
pub fn deserialize<'de, T: Deserialize<'de>>(value: &'de Value) -> Result<T, (String, Error)> {
    let path = ErrorPath::default();
    T::deserialize(Strict { value, path: &path }).map_err(|e| (path.to_string(), e))
}

/// One step of a JSON path.
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// The path of the first problem, innermost segment first (as the error travelled out).
#[derive(Default)]
struct ErrorPath<'a>(RefCell<Vec<Segment<'a>>>);

impl<'a> ErrorPath<'a> {
    fn add(&self, segment: Segment<'a>, error: Error) -> Error {
        self.0.borrow_mut().push(segment);
        error
    }
}

impl fmt::Display for ErrorPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.borrow().iter().rev().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// A deserializer over one JSON value, adding to `path` when an error leaves a key or an index.
#[derive(Clone, Copy)]
struct Strict<'de, 'p> {
    value: &'de Value,
    path: &'p ErrorPath<'de>,
}

fn unexpected(v: &Value) -> Unexpected<'_> {
    match v {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => n
            .as_f64()
            .map_or(Unexpected::Other("number"), Unexpected::Float),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

impl<'de> de::Deserializer<'de> for Strict<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
                (Some(u), _, _) => visitor.visit_u64(u),
                (_, Some(i), _) => visitor.visit_i64(i),
                (_, _, Some(f)) => visitor.visit_f64(f),
                _ => Err(de::Error::invalid_type(
                    Unexpected::Other("number"),
                    &visitor,
                )),
            },
            Value::String(s) if s.starts_with(NON_FINITE) => {
                Err(de::Error::invalid_type(Unexpected::Str(s), &visitor))
            }
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(items) => visitor.visit_seq(Items {
                iter: items.iter().enumerate(),
                path: self.path,
            }),
            Value::Object(map) => visitor.visit_map(Entries {
                iter: map.iter(),
                entry: None,
                path: self.path,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.value {
            Value::String(s) if !s.starts_with(NON_FINITE) => {
                visitor.visit_enum(s.as_str().into_deserializer())
            }
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // visit_map directly, not through deserialize_any: that would also instantiate each
        // derived struct's visit_seq (its fields in order) and number/string visits, dead code here.
        match self.value {
            Value::Object(map) => visitor.visit_map(Entries {
                iter: map.iter(),
                entry: None,
                path: self.path,
            }),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

struct Items<'de, 'p> {
    iter: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
    path: &'p ErrorPath<'de>,
}

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some((index, value)) = self.iter.next() else {
            return Ok(None);
        };
        let path = self.path;
        seed.deserialize(Strict { value, path })
            .map(Some)
            .map_err(|e| path.add(Segment::Index(index), e))
    }
}

struct Entries<'de, 'p> {
    iter: serde_json::map::Iter<'de>,
    entry: Option<(&'de str, &'de Value)>,
    path: &'p ErrorPath<'de>,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.entry = Some((key, value));
        // An unknown key fails here: the path then ends with that key.
        seed.deserialize(key.as_str().into_deserializer())
            .map(Some)
            .map_err(|e| self.path.add(Segment::Key(key), e))
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.entry.take() {
            Some((key, value)) => {
                let path = self.path;
                seed.deserialize(Strict { value, path })
                    .map_err(|e| path.add(Segment::Key(key), e))
            }
            None => Err(de::Error::custom("a map value was read before its key")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Probe {
        capacity_kwp: f64,
        mode: Option<Mode>,
        pair: Option<(u8, u8)>,
        count: Option<u8>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum Mode {
        FullExport,
        SelfUse,
        Other,
    }

    /// Each kind of error is told apart as data, and worded without Rust type names or serde's
    /// English in either language.
    #[test]
    fn errors_are_structured_and_readable() {
        type IsKind = fn(&Error) -> bool;
        let cases: [(&str, IsKind, &str); 8] = [
            (
                r#"{}"#,
                |e| *e == Error::MissingField("capacityKwp"),
                "required",
            ),
            (
                r#"{"capacityKwp":1,"capacity":2}"#,
                |e| matches!(e, Error::UnknownField { field, .. } if field == "capacity"),
                "expected `capacityKwp`, `mode`, `pair` or `count`",
            ),
            (
                r#"{"capacityKwp":1,"mode":"x"}"#,
                |e| matches!(e, Error::UnknownVariant { variant, .. } if variant == "x"),
                "`fullExport`, `selfUse` or `other`",
            ),
            (
                "{\"capacityKwp\":\"\\u0000NaN\"}",
                |e| {
                    matches!(
                        e,
                        Error::InvalidType {
                            non_finite: true,
                            ..
                        }
                    )
                },
                "NaN or Infinity",
            ),
            (
                r#"{"capacityKwp":"NaN"}"#,
                |e| {
                    matches!(
                        e,
                        Error::InvalidType {
                            non_finite: false,
                            ..
                        }
                    )
                },
                "must be a number, not the string \"NaN\"",
            ),
            (
                r#"{"capacityKwp":1,"pair":[1]}"#,
                |e| matches!(e, Error::InvalidLength { length: 1, .. }),
                "holds 1 values",
            ),
            (
                r#"{"capacityKwp":1,"count":-1}"#,
                |e| matches!(e, Error::InvalidValue { .. }),
                "must be a whole number from 0 to 255 (got the number -1)",
            ),
            (
                r#"{"capacityKwp":1e300,"mode":5}"#,
                |e| matches!(e, Error::InvalidType { .. }),
                "must be a name from the documented list",
            ),
        ];
        for (text, is_kind, words) in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            let (_, ours) = deserialize::<Probe>(&value).unwrap_err();
            assert!(is_kind(&ours), "{text}: {ours:?}");
            let (en, zh) = ours.words();
            assert!(en.contains(words), "{text}: {en}");
            for t in [&en, &zh] {
                for rust in [
                    "f64",
                    "u8",
                    "u32",
                    "struct",
                    "enum",
                    "invalid type",
                    "one of",
                ] {
                    assert!(!t.contains(rust), "{text}: {t}");
                }
            }
            assert!(
                !zh.contains("expected") && !zh.contains(" or "),
                "{text}: {zh}"
            );
        }
    }
}
