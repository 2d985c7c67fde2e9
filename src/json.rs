//! Strict reading of JSON values into the scenario types. serde's derived structs also accept an
//! array of their fields in order (`"system": [100]`); a scenario must name its fields, so this
//! deserializer over a parsed [`serde_json::Value`] accepts structs only from JSON objects and
//! otherwise behaves like serde_json's own. Its [`Error`] keeps what went wrong as data (which
//! field is missing or unknown, which type was found), so that the caller derives stable error
//! codes from it rather than from message text. It also records the JSON path of the first problem
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

/// What the strict reader found wrong, with the names and values involved.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A required field is absent.
    MissingField(&'static str),
    /// A field the struct does not have; `expected` lists those it has (serde's wording).
    UnknownField { field: String, expected: String },
    /// A string that is none of an enum's variants.
    UnknownVariant { variant: String, expected: String },
    /// A value of the wrong JSON type; `non_finite` when it is the string `"NaN"`, `"Infinity"` or
    /// `"-Infinity"` (how the JavaScript binding passes non-finite numbers: JSON has none).
    InvalidType {
        found: String,
        expected: String,
        non_finite: bool,
    },
    /// A value of the right type that its type refuses.
    InvalidValue { found: String, expected: String },
    /// An array of the wrong length.
    InvalidLength { length: usize, expected: String },
    /// Anything else (e.g. a field given twice).
    Other(String),
}

/// serde's wording of a list of names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(names: &'static [&'static str], none: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.len() {
        0 => none.to_string(),
        1 => quoted[0].clone(),
        2 => format!("{} or {}", quoted[0], quoted[1]),
        _ => format!("one of {}", quoted.join(", ")),
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
            expected: one_of(expected, "there are no fields"),
        }
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::UnknownVariant {
            variant: variant.to_string(),
            expected: one_of(expected, "there are no variants"),
        }
    }
    fn invalid_type(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        let non_finite = matches!(found, Unexpected::Str("NaN" | "Infinity" | "-Infinity"));
        Error::InvalidType {
            found: describe(found),
            expected: expected.to_string(),
            non_finite,
        }
    }
    fn invalid_value(found: Unexpected<'_>, expected: &dyn Expected) -> Self {
        Error::InvalidValue {
            found: describe(found),
            expected: expected.to_string(),
        }
    }
    fn invalid_length(length: usize, expected: &dyn Expected) -> Self {
        Error::InvalidLength {
            length,
            expected: expected.to_string(),
        }
    }
}

/// serde's own wording of each error.
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::MissingField(field) => write!(f, "missing field `{field}`"),
            Error::UnknownField { field, expected } => {
                write!(f, "unknown field `{field}`, expected {expected}")
            }
            Error::UnknownVariant { variant, expected } => {
                write!(f, "unknown variant `{variant}`, expected {expected}")
            }
            Error::InvalidType {
                found, expected, ..
            } => write!(f, "invalid type: {found}, expected {expected}"),
            Error::InvalidValue { found, expected } => {
                write!(f, "invalid value: {found}, expected {expected}")
            }
            Error::InvalidLength { length, expected } => {
                write!(f, "invalid length {length}, expected {expected}")
            }
            Error::Other(text) => f.write_str(text),
        }
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

/// serde's text for what was found (`Unexpected`'s Display: "floating point `2.5`", "string
/// \"x\""), written here so that a float's digits come from [`crate::decimal`], not from core's
/// float formatting, which the wasm then does not carry (issue 9).
fn describe(found: Unexpected<'_>) -> String {
    match found {
        Unexpected::Bool(b) => format!("boolean `{b}`"),
        Unexpected::Unsigned(i) => format!("integer `{i}`"),
        Unexpected::Signed(i) => format!("integer `{i}`"),
        Unexpected::Float(f) => {
            let digits = crate::decimal::dec(f).to_string();
            let point = if !f.is_finite() || digits.contains('.') {
                ""
            } else {
                ".0"
            };
            format!("floating point `{digits}{point}`")
        }
        Unexpected::Char(c) => format!("character `{c}`"),
        Unexpected::Str(s) => format!("string {s:?}"),
        Unexpected::Bytes(_) => "byte array".into(),
        Unexpected::Unit => "unit value".into(),
        Unexpected::Option => "Option value".into(),
        Unexpected::NewtypeStruct => "newtype struct".into(),
        Unexpected::Seq => "sequence".into(),
        Unexpected::Map => "map".into(),
        Unexpected::Enum => "enum".into(),
        Unexpected::UnitVariant => "unit variant".into(),
        Unexpected::NewtypeVariant => "newtype variant".into(),
        Unexpected::TupleVariant => "tuple variant".into(),
        Unexpected::StructVariant => "struct variant".into(),
        Unexpected::Other(other) => other.into(),
    }
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
            Value::String(s) => visitor.visit_enum(s.as_str().into_deserializer()),
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
        // derived struct's visit_seq (its fields in order), dead code here that the .wasm kept.
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

    /// Each kind of error is told apart as data, and worded as serde_json words it.
    #[test]
    fn errors_are_structured_and_worded_like_serde_json() {
        type IsKind = fn(&Error) -> bool;
        let cases: [(&str, IsKind); 7] = [
            (r#"{}"#, |e| *e == Error::MissingField("capacityKwp")),
            (
                r#"{"capacityKwp":1,"capacity":2}"#,
                |e| matches!(e, Error::UnknownField { field, .. } if field == "capacity"),
            ),
            (
                r#"{"capacityKwp":1,"mode":"x"}"#,
                |e| matches!(e, Error::UnknownVariant { variant, .. } if variant == "x"),
            ),
            (r#"{"capacityKwp":"NaN"}"#, |e| {
                matches!(
                    e,
                    Error::InvalidType {
                        non_finite: true,
                        ..
                    }
                )
            }),
            (r#"{"capacityKwp":"1"}"#, |e| {
                matches!(
                    e,
                    Error::InvalidType {
                        non_finite: false,
                        ..
                    }
                )
            }),
            (r#"{"capacityKwp":1,"pair":[1]}"#, |e| {
                matches!(e, Error::InvalidLength { length: 1, .. })
            }),
            (r#"{"capacityKwp":1,"count":300}"#, |e| {
                matches!(e, Error::InvalidValue { .. })
            }),
        ];
        for (text, is_kind) in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            let (_, ours) = deserialize::<Probe>(&value).unwrap_err();
            assert!(is_kind(&ours), "{text}: {ours:?}");
            let theirs = serde_json::from_value::<Probe>(value).unwrap_err();
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
        }
    }
}
