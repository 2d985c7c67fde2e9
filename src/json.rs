//! Strict reading of parsed JSON values ([`serde_json::Value`]) into the scenario types, without
//! serde's derived deserializers: each type says how it is read ([`FromJson`]), structs and enums
//! through [`from_json_struct!`] and [`from_json_enum!`] (their JSON names listed once, beside the
//! type) over one object walker ([`fields`]). A struct is read only from a JSON object (never from an
//! array of its fields), its keys in the map's order, an unknown key refused where the type says so;
//! then absent fields are `None` or an error, in the order the struct declares them. The derived
//! serde visitors, one deserializer instantiation each, were ≈ 160 KB of the .wasm's 1 MB (issue 9).
//! The [`Error`] keeps what went wrong as data (which field is missing or unknown, which type was
//! found), so that the caller derives stable error codes from it rather than from message text, and
//! words it for people in English and Chinese ([`Error::words`]: "a number" / "数字", never `f64` or
//! `struct Plane`). A failure also records the JSON path of the problem (`system.planes[0].tiltDeg`):
//! each object key and array index adds itself as the error travels out through it, which costs
//! nothing until a value is wrong.

use std::fmt;

use serde_json::Value;

/// The marker that starts a string standing for a non-finite number (`"\u{0}NaN"`): the
/// JavaScript binding writes NaN and ±Infinity so (JSON has none), and no field accepts it.
pub const NON_FINITE: char = '\u{0}';

/// What a column choice (`usage.load.column`) expects, in English and Chinese.
pub const COLUMN_EXPECTED: Kind = Kind::Custom(
    "a column name (a string) or a column number from 1",
    "列名（字符串）或从 1 起的列号",
);

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

/// The kind of value expected.
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
    /// The JSON value `v` as a message shows it.
    fn of(v: &Value) -> Found {
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => n.as_f64().map_or(Found::Object, Found::Number),
            Value::String(s) if s.starts_with(NON_FINITE) => Found::NonFinite,
            Value::String(s) => Found::Text(crate::caps::echo(s)),
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
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
/// joined by `.`, array indices as `[i]`) with the reader's error.
pub fn deserialize<T: FromJson>(value: &Value) -> Result<T, (String, Error)> {
    T::read(value).map_err(|f| (f.path(), f.0 .0))
}

/// A type read from a JSON value.
pub trait FromJson: Sized {
    /// Reads `v`, or says what is wrong with it (and where, below `v`).
    fn read(v: &Value) -> Result<Self, Failure>;
    /// The value of an absent struct field `name` (JSON name): an error unless the type is optional.
    fn absent(name: &'static str) -> Result<Self, Failure> {
        Err(missing(name))
    }
}

/// The failure of an absent required field.
#[inline(never)]
fn missing(name: &'static str) -> Failure {
    Error::MissingField(name).into()
}

/// One step of a JSON path.
#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A reader error with the path it travelled out through, innermost segment first (boxed: a
/// `Result` of any field stays small).
#[derive(Debug, Clone)]
pub struct Failure(Box<(Error, Vec<Segment>)>);

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure(Box::new((error, Vec::new())))
    }
}

impl Failure {
    #[inline(never)]
    fn at(mut self, segment: Segment) -> Self {
        self.0 .1.push(segment);
        self
    }

    /// The JSON path, outermost segment first.
    fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.0 .1.iter().rev() {
            match segment {
                Segment::Key(key) if out.is_empty() => out.push_str(key),
                Segment::Key(key) => {
                    out.push('.');
                    out.push_str(key);
                }
                Segment::Index(index) => {
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
            }
        }
        out
    }
}

/// `v` is not of the `expected` kind (a string standing for NaN or ±Infinity flagged as such).
#[inline(never)]
pub fn wrong(v: &Value, expected: Kind) -> Failure {
    let found = Found::of(v);
    Error::InvalidType {
        non_finite: found == Found::NonFinite,
        found,
        expected,
    }
    .into()
}

/// `v` is of the right type, but not a value `expected` allows.
#[inline(never)]
pub fn refused(v: &Value, expected: Kind) -> Failure {
    Error::InvalidValue {
        found: Found::of(v),
        expected,
    }
    .into()
}

/// Where each field of a struct was found: its entry's position in the map and its value.
pub type Slots<'v> = [Option<(usize, &'v Value)>];

/// Walks the object `v` of a struct whose JSON field names are `names`, putting each entry into
/// the slot of its field. A key it does not know is skipped unless `deny_unknown`, in which case it
/// is the [`Reading`]'s first error (at its position). Not an object: an error.
#[inline(never)]
pub fn fields<'v>(
    v: &'v Value,
    names: &'static [&'static str],
    deny_unknown: bool,
    slots: &mut Slots<'v>,
) -> Result<Reading, Failure> {
    let Value::Object(map) = v else {
        return Err(wrong(v, Kind::Object));
    };
    let mut reading = Reading(None);
    for (position, (key, value)) in map.iter().enumerate() {
        match names.iter().position(|n| n == key) {
            Some(i) => slots[i] = Some((position, value)),
            None if deny_unknown && reading.0.is_none() => {
                let error = Error::UnknownField {
                    field: key.clone(),
                    expected: names,
                };
                reading.0 = Some((position, Failure::from(error).at(Segment::Key(key.clone()))));
            }
            None => {}
        }
    }
    Ok(reading)
}

/// Field `i` of a struct read from its slot, or absent; on failure `None`, the failure noted in
/// `reading`. Not inlined, and its generic part kept to the call of the field type's reader: one
/// small copy per field type.
#[inline(never)]
pub fn field<T: FromJson>(
    reading: &mut Reading,
    slots: &Slots,
    names: &'static [&'static str],
    i: usize,
) -> Option<T> {
    let outcome = match slots.get(i).copied().flatten() {
        Some((_, v)) => T::read(v),
        None => T::absent(names[i]),
    };
    match outcome {
        Ok(value) => Some(value),
        Err(failure) => {
            reading.note(slots, names, i, failure);
            None
        }
    }
}

/// The first problem of a struct as a reader going through its entries in the map's order meets
/// it: the entry of the lowest position wins (an unknown key or a field's value), and absent fields
/// come last, in the order the struct declares them.
pub struct Reading(Option<(usize, Failure)>);

impl Reading {
    /// Notes the failure of field `i`: a value's failure ends with the field's key (an absent
    /// field's is the struct's own).
    #[inline(never)]
    fn note(&mut self, slots: &Slots, names: &[&str], i: usize, failure: Failure) {
        let (position, failure) = match slots.get(i).copied().flatten() {
            Some((p, _)) => (p, failure.at(Segment::Key(names[i].to_string()))),
            None => (usize::MAX, failure),
        };
        if self.0.as_ref().map_or(true, |(best, _)| position < *best) {
            self.0 = Some((position, failure));
        }
    }

    /// Whether no problem was met.
    pub fn is_clear(&self) -> bool {
        self.0.is_none()
    }

    /// The first problem. A field is `None` only once its failure is noted, so a struct with a
    /// `None` field always has one; the missing-field error of `names[0]` stands in otherwise.
    #[inline(never)]
    pub fn failure(self, names: &'static [&'static str]) -> Failure {
        match self.0 {
            Some((_, failure)) => failure,
            None => Error::MissingField(names[0]).into(),
        }
    }
}

/// The name an enum is read from: a string (not one standing for NaN or ±Infinity).
#[inline(never)]
pub fn name(v: &Value) -> Result<&str, Failure> {
    match v {
        Value::String(s) if !s.starts_with(NON_FINITE) => Ok(s),
        _ => Err(wrong(v, Kind::Name)),
    }
}

/// A name that is none of `expected`.
#[inline(never)]
pub fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Failure {
    Error::UnknownVariant {
        variant: variant.to_string(),
        expected,
    }
    .into()
}

/// `impl FromJson` for a struct: `from_json_struct!(Plane { tilt_deg: "tiltDeg", … })` with every
/// field and its JSON name, in declaration order (absent fields are reported in this order);
/// `from_json_struct!(ignore_unknown Doc { … })` skips keys it does not know instead of refusing them.
#[macro_export]
macro_rules! from_json_struct {
    (ignore_unknown $ty:ident { $($field:ident: $name:literal),* $(,)? }) => {
        $crate::from_json_struct!(@impl false, $ty { $($field: $name),* });
    };
    ($ty:ident { $($field:ident: $name:literal),* $(,)? }) => {
        $crate::from_json_struct!(@impl true, $ty { $($field: $name),* });
    };
    (@impl $deny:literal, $ty:ident { $($field:ident: $name:literal),* }) => {
        impl $crate::json::FromJson for $ty {
            fn read(v: &serde_json::Value) -> Result<Self, $crate::json::Failure> {
                use $crate::json::{field, fields};
                const NAMES: &[&str] = &[$($name),*];
                let mut slots = [None; NAMES.len()];
                let mut reading = fields(v, NAMES, $deny, &mut slots)?;
                let mut i = 0;
                $(
                    let $field = field(&mut reading, &slots, NAMES, i);
                    i += 1;
                )*
                let _ = i;
                match (reading.is_clear(), ($($field,)*)) {
                    (true, ($(Some($field),)*)) => Ok($ty { $($field,)* }),
                    _ => Err(reading.failure(NAMES)),
                }
            }
        }
    };
}

/// `impl FromJson` for an enum of names: `from_json_enum!(Mounting { Roof: "roof", OpenRack:
/// "openRack" })`; `Centre: "centre" | "center"` also reads an alias (not listed in messages).
#[macro_export]
macro_rules! from_json_enum {
    ($ty:ident { $($variant:ident: $name:literal $(| $alias:literal)*),* $(,)? }) => {
        impl $crate::json::FromJson for $ty {
            fn read(v: &serde_json::Value) -> Result<Self, $crate::json::Failure> {
                const NAMES: &[&str] = &[$($name),*];
                match $crate::json::name(v)? {
                    $($name $(| $alias)* => Ok($ty::$variant),)*
                    other => Err($crate::json::unknown_variant(other, NAMES)),
                }
            }
        }
    };
}

impl FromJson for f64 {
    fn read(v: &Value) -> Result<Self, Failure> {
        match v {
            Value::Number(n) => n.as_f64().ok_or_else(|| wrong(v, Kind::Number)),
            _ => Err(wrong(v, Kind::Number)),
        }
    }
}

/// A whole number from 0 to `max`: a negative or larger one is refused, a fraction is of the wrong type.
#[inline(never)]
fn count(v: &Value, max: u64) -> Result<u64, Failure> {
    match v {
        Value::Number(n) => match (n.as_u64(), n.is_i64()) {
            (Some(u), _) if u <= max => Ok(u),
            (Some(_), _) | (None, true) => Err(refused(v, Kind::Count(max))),
            (None, false) => Err(wrong(v, Kind::Count(max))),
        },
        _ => Err(wrong(v, Kind::Count(max))),
    }
}

impl FromJson for u32 {
    fn read(v: &Value) -> Result<Self, Failure> {
        count(v, u32::MAX.into()).map(|n| n as u32)
    }
}

impl FromJson for bool {
    fn read(v: &Value) -> Result<Self, Failure> {
        v.as_bool().ok_or_else(|| wrong(v, Kind::Bool))
    }
}

impl FromJson for String {
    fn read(v: &Value) -> Result<Self, Failure> {
        match v {
            Value::String(s) if !s.starts_with(NON_FINITE) => Ok(s.clone()),
            _ => Err(wrong(v, Kind::Text)),
        }
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read(v: &Value) -> Result<Self, Failure> {
        match v {
            Value::Null => Ok(None),
            _ => T::read(v).map(Some),
        }
    }
    fn absent(_: &'static str) -> Result<Self, Failure> {
        Ok(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read(v: &Value) -> Result<Self, Failure> {
        let Value::Array(items) = v else {
            return Err(wrong(v, Kind::Array));
        };
        let mut out = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            out.push(T::read(item).map_err(|e| e.at(Segment::Index(index)))?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    #[allow(dead_code)]
    struct Probe {
        capacity_kwp: f64,
        mode: Option<Mode>,
        count: Option<u32>,
    }
    from_json_struct!(Probe {
        capacity_kwp: "capacityKwp",
        mode: "mode",
        count: "count",
    });

    #[derive(Debug)]
    enum Mode {
        FullExport,
        SelfUse,
        Other,
    }
    from_json_enum!(Mode {
        FullExport: "fullExport",
        SelfUse: "selfUse",
        Other: "other",
    });

    /// Each kind of error is told apart as data, and worded without Rust type names or serde's
    /// English in either language.
    #[test]
    fn errors_are_structured_and_readable() {
        type IsKind = fn(&Error) -> bool;
        let cases: [(&str, IsKind, &str); 7] = [
            (
                r#"{}"#,
                |e| *e == Error::MissingField("capacityKwp"),
                "required",
            ),
            (
                r#"{"capacityKwp":1,"capacity":2}"#,
                |e| matches!(e, Error::UnknownField { field, .. } if field == "capacity"),
                "expected `capacityKwp`, `mode` or `count`",
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
                r#"{"capacityKwp":1,"count":-1}"#,
                |e| matches!(e, Error::InvalidValue { .. }),
                "must be a whole number from 0 to 4294967295 (got the number -1)",
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

    /// The probe as serde derives it: the reference for which problem comes first.
    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    #[allow(dead_code)]
    struct SerdeProbe {
        zulu: f64,
        mode: Option<SerdeMode>,
        count: Option<u32>,
        mike: f64,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    enum SerdeMode {
        FullExport,
    }

    #[derive(Debug)]
    #[allow(dead_code)]
    struct OrderProbe {
        zulu: f64,
        mode: Option<Mode>,
        count: Option<u32>,
        mike: f64,
    }
    from_json_struct!(OrderProbe {
        zulu: "zulu",
        mode: "mode",
        count: "count",
        mike: "mike",
    });

    /// With several problems in one object the one reported is the one serde's derived reader
    /// (`serde_json::from_value`) reports: the first entry in the map's (key) order that is unknown
    /// or of a wrong value, else the first absent field in declaration order.
    #[test]
    fn first_problem_as_serde_finds_it() {
        let cases = [
            (r#"{}"#, "`zulu`"),
            (r#"{"zulu":1}"#, "`mike`"),
            (r#"{"mike":1}"#, "`zulu`"),
            (r#"{"mode":"m-bad","count":"c-bad"}"#, "c-bad"),
            (r#"{"mode":"m-bad","zulu":1,"mike":1}"#, "m-bad"),
            (r#"{"mode":"m-bad"}"#, "m-bad"),
            (r#"{"aaa":1,"count":"c-bad"}"#, "`aaa`"),
            (r#"{"zzz":1,"count":"c-bad"}"#, "c-bad"),
            (r#"{"zzz":1,"zulu":1,"mike":1}"#, "`zzz`"),
            (r#"{"mike":"k-bad","zulu":"z-bad"}"#, "k-bad"),
        ];
        for (text, named) in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            let serde = serde_json::from_value::<SerdeProbe>(value.clone()).unwrap_err();
            assert!(
                serde.to_string().contains(named),
                "{text}: serde says {serde}"
            );
            let (path, ours) = deserialize::<OrderProbe>(&value).unwrap_err();
            let told = match &ours {
                Error::MissingField(name) => format!("`{name}`"),
                Error::UnknownField { field, .. } => format!("`{field}`"),
                Error::UnknownVariant { variant, .. } => variant.clone(),
                Error::InvalidType { found, .. } | Error::InvalidValue { found, .. } => {
                    found.words().0
                }
            };
            assert!(told.contains(named), "{text}: ours is {ours:?} at {path}");
        }
    }
}
