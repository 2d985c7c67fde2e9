//! Compact JSON text of a [`Serialize`] value, for the JavaScript binding (`JSON.parse` reads it):
//! the same text as `serde_json::to_string` (RFC 8259; floats as zmij's shortest round-trip digits,
//! non-finite ones as `null`; strings escaped as serde_json escapes them), written into a `String`
//! that cannot fail (128-bit integers aside: serde refuses them by default, and the library has
//! none). serde_json's serializer writes through `io::Write`, so every key, value and
//! separator of every derived `Serialize` carries an error path that boxes an `io::Error` (221 call
//! sites in the .wasm); here the error type is never produced and LTO folds those paths away
//! (issue 9: .wasm size).
//! Map keys are written as serde_json writes them (strings, chars and integers, quoted); the
//! library's types have no map, and a key of any other type would come out as invalid JSON, which
//! `JSON.parse` refuses, rather than as a wrong value.

use std::fmt;

use serde::ser::{self, Serialize};

/// The JSON text of `value`.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut writer = Writer(String::with_capacity(256));
    // The writer never fails (see `Never`).
    let _ = value.serialize(&mut writer);
    writer.0
}

/// The serializer's error: only `ser::Error::custom` makes one, which no derived `Serialize` calls
/// (serde's default `serialize_i128`/`u128` do).
#[derive(Debug)]
pub struct Never;

impl fmt::Display for Never {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a custom serialization error")
    }
}

impl std::error::Error for Never {}

impl ser::Error for Never {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Never
    }
}

type Done = Result<(), Never>;

/// The text written so far.
struct Writer(String);

impl Writer {
    /// `s` as a JSON string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\u00XX`.
    fn string(&mut self, s: &str) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        self.0.push('"');
        // Most strings need no escape: one pass to find the first byte that does (issue 10).
        let needs = |b: &u8| *b < 0x20 || *b == b'"' || *b == b'\\';
        let Some(first) = s.as_bytes().iter().position(needs) else {
            self.0.push_str(s);
            self.0.push('"');
            return;
        };
        let mut start = 0;
        for (i, b) in s.bytes().enumerate().skip(first) {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x09 => b't',
                0x0a => b'n',
                0x0c => b'f',
                0x0d => b'r',
                0x00..=0x1f => b'u',
                _ => continue,
            };
            self.0.push_str(&s[start..i]);
            start = i + 1;
            self.0.push('\\');
            self.0.push(short as char);
            if short == b'u' {
                self.0.push_str("00");
                self.0.push(HEX[usize::from(b >> 4)] as char);
                self.0.push(HEX[usize::from(b & 0xf)] as char);
            }
        }
        self.0.push_str(&s[start..]);
        self.0.push('"');
    }

    /// A whole number's decimal digits, `-` first when negative.
    fn integer(&mut self, negative: bool, mut magnitude: u64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        loop {
            at -= 1;
            digits[at] = b'0' + (magnitude % 10) as u8;
            magnitude /= 10;
            if magnitude == 0 {
                break;
            }
        }
        if negative {
            self.0.push('-');
        }
        for &d in &digits[at..] {
            self.0.push(d as char);
        }
    }

    /// `{"variant":` of an externally tagged enum's data variant.
    fn tag(&mut self, variant: &str) {
        self.0.push('{');
        self.string(variant);
        self.0.push(':');
    }
}

/// An array or object being written: whether an element has been written yet, and the closing
/// text (`]`, `}` or `}}` for an enum variant's data inside its tag object).
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn separate(&mut self) {
        if !self.first {
            self.writer.0.push(',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.separate();
        value.serialize(&mut *self.writer)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Done {
        self.separate();
        self.writer.string(key);
        self.writer.0.push(':');
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Done {
        self.writer.0.push_str(self.close);
        Ok(())
    }
}

impl<'a> Writer {
    fn open(&'a mut self, open: &str, close: &'static str) -> Compound<'a> {
        self.0.push_str(open);
        Compound {
            writer: self,
            first: true,
            close,
        }
    }
}

/// `serialize_i8` … `serialize_u32` through `serialize_i64` / `serialize_u64`.
macro_rules! narrow_integers_widened {
    () => {
        fn serialize_i8(self, v: i8) -> Done {
            self.serialize_i64(v.into())
        }
        fn serialize_i16(self, v: i16) -> Done {
            self.serialize_i64(v.into())
        }
        fn serialize_i32(self, v: i32) -> Done {
            self.serialize_i64(v.into())
        }
        fn serialize_u8(self, v: u8) -> Done {
            self.serialize_u64(v.into())
        }
        fn serialize_u16(self, v: u16) -> Done {
            self.serialize_u64(v.into())
        }
        fn serialize_u32(self, v: u32) -> Done {
            self.serialize_u64(v.into())
        }
    };
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Done {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    narrow_integers_widened!();
    fn serialize_i64(self, v: i64) -> Done {
        self.integer(v < 0, v.unsigned_abs());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.integer(false, v);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        if v.is_finite() {
            self.0.push_str(zmij::Buffer::new().format_finite(v));
        } else {
            self.0.push_str("null");
        }
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Done {
        if v.is_finite() {
            self.0.push_str(zmij::Buffer::new().format_finite(v));
        } else {
            self.0.push_str("null");
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        let mut seq = self.open("[", "]");
        for b in v {
            seq.element(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Done {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Done {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.tag(variant);
        value.serialize(&mut *self)?;
        self.0.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Never> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Never> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Never> {
        self.tag(variant);
        Ok(self.open("[", "]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Never> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Never> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'a>, Never> {
        self.tag(variant);
        Ok(self.open("{", "}}"))
    }
}

/// The array-like compounds: each element after a comma.
macro_rules! array_compound {
    ($($trait:ident::$method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Never;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                self.element(value)
            }
            fn end(self) -> Done {
                Compound::end(self)
            }
        }
    )*};
}

array_compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Never;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        self.separate();
        key.serialize(Key(&mut *self.writer))
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        self.writer.0.push(':');
        value.serialize(&mut *self.writer)
    }
    fn end(self) -> Done {
        Compound::end(self)
    }
}

/// The struct-like compounds: each field as `"key":value`.
macro_rules! struct_compound {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Never;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Done {
                self.field(key, value)
            }
            fn end(self) -> Done {
                Compound::end(self)
            }
        }
    )*};
}

struct_compound!(SerializeStruct, SerializeStructVariant);

/// A map key: a string as itself, a whole number in quotes (as serde_json writes them); any other
/// key is written as its value (invalid JSON: see the module comment).
struct Key<'a>(&'a mut Writer);

impl Key<'_> {
    fn quoted(self, write: impl FnOnce(&mut Writer)) -> Done {
        self.0 .0.push('"');
        write(self.0);
        self.0 .0.push('"');
        Ok(())
    }
}

impl<'a> ser::Serializer for Key<'a> {
    type Ok = ();
    type Error = Never;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_str(self, v: &str) -> Done {
        self.0.serialize_str(v)
    }
    fn serialize_char(self, v: char) -> Done {
        self.0.serialize_char(v)
    }
    fn serialize_unit_variant(self, name: &'static str, i: u32, variant: &'static str) -> Done {
        self.0.serialize_unit_variant(name, i, variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        value.serialize(self)
    }
    narrow_integers_widened!();
    fn serialize_i64(self, v: i64) -> Done {
        self.quoted(|w| w.integer(v < 0, v.unsigned_abs()))
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.quoted(|w| w.integer(false, v))
    }
    fn serialize_bool(self, v: bool) -> Done {
        self.0.serialize_bool(v)
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.0.serialize_f32(v)
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.0.serialize_f64(v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.0.serialize_bytes(v)
    }
    fn serialize_none(self) -> Done {
        self.0.serialize_none()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.0.serialize_some(value)
    }
    fn serialize_unit(self) -> Done {
        self.0.serialize_unit()
    }
    fn serialize_unit_struct(self, name: &'static str) -> Done {
        self.0.serialize_unit_struct(name)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.0.serialize_newtype_variant(name, i, variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>, Never> {
        self.0.serialize_seq(len)
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Never> {
        self.0.serialize_tuple(len)
    }
    fn serialize_tuple_struct(self, n: &'static str, len: usize) -> Result<Compound<'a>, Never> {
        self.0.serialize_tuple_struct(n, len)
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Never> {
        self.0.serialize_tuple_variant(name, i, variant, len)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>, Never> {
        self.0.serialize_map(len)
    }
    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>, Never> {
        self.0.serialize_struct(name, len)
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, Never> {
        self.0.serialize_struct_variant(name, i, variant, len)
    }
}
