//! Strict reading of JSON values into the scenario types. serde's derived structs also accept an
//! array of their fields in order (`"system": [100]`); a scenario must name its fields, so this
//! deserializer over a parsed [`serde_json::Value`] accepts structs only from JSON objects and
//! otherwise behaves like serde_json's own. It also records the JSON path of the first problem
//! (`system.planes[0].tiltDeg`): each object key and array index adds itself to the path as an
//! error travels out through it, which costs nothing until a value is wrong (the path crate
//! `serde_path_to_error` wrapped every visitor instead, ≈ 40 KB of the .wasm).

use std::cell::RefCell;
use std::fmt;

use serde::de::{
    self, Deserialize, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::forward_to_deserialize_any;
use serde_json::{Error, Value};

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
        match self.value {
            Value::Object(_) => self.deserialize_any(visitor),
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
