//! The lean path of the PVGIS JSON reader: one pass over the text that checks the JSON syntax
//! (RFC 8259, as serde_json does) and keeps only the fields [`super::pvgis`] reads, without a
//! [`serde_json::Value`] tree of 8,760 row objects.
//!
//! It takes only the plain form: no escapes or control characters in strings, numbers without an
//! exponent and of at most 15 significant digits, no `null` or other type where a field is read,
//! no field read twice, nesting at most 64 deep (serde_json allows 128). On anything else it gives up (`None`) and the
//! validating path (serde_json and the strict reader) reads the file or reports its error, so the
//! two give the same weather. Numbers are bit-identical to serde_json's (for such numbers both are
//! the exact mantissa divided by an exact power of ten; an integer `-0` is left to serde_json).

use super::assemble::Rows;
use super::lean::push_row;
use super::pvgis::{lean_time, JsonLocation};

const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The fields of a PVGIS TMY JSON the reader uses: the hourly rows (line numbers not yet set),
/// `inputs.location` and `inputs.meteo_data.radiation_db`.
pub(crate) struct Doc {
    pub rows: Rows,
    pub location: Option<JsonLocation>,
    pub radiation_db: Option<String>,
}

/// Reads `text` by the lean path; `None` where the validating path must decide.
pub(crate) fn read(text: &str) -> Option<Doc> {
    let mut j = Scan {
        b: text.as_bytes(),
        i: 0,
    };
    let (mut rows, mut location, mut db) = (None, None, None);
    // Each object key read at most once (serde_json would keep the last of two).
    let (mut seen_inputs, mut seen_outputs, mut seen_meteo) = (false, false, false);
    j.object(&mut |j, key| match key {
        "inputs" => {
            first(&mut seen_inputs)?;
            j.object(&mut |j, key| match key {
                "location" => {
                    first_none(&location)?;
                    location = Some(j.location()?);
                    Some(())
                }
                "meteo_data" => {
                    first(&mut seen_meteo)?;
                    j.object(&mut |j, key| match key {
                        "radiation_db" => {
                            first_none(&db)?;
                            db = Some(j.string()?.to_string());
                            Some(())
                        }
                        _ => j.skip(3),
                    })
                }
                _ => j.skip(2),
            })
        }
        "outputs" => {
            first(&mut seen_outputs)?;
            j.object(&mut |j, key| match key {
                "tmy_hourly" => {
                    first_none(&rows)?;
                    rows = Some(j.hourly()?);
                    Some(())
                }
                _ => j.skip(2),
            })
        }
        _ => j.skip(1),
    })?;
    j.ws();
    (j.i == j.b.len()).then_some(())?;
    Some(Doc {
        rows: rows?,
        location,
        radiation_db: db,
    })
}

/// `Some` the first time (and marks it), `None` after.
fn first(seen: &mut bool) -> Option<()> {
    (!std::mem::replace(seen, true)).then_some(())
}

/// `Some` while `slot` is empty.
fn first_none<T>(slot: &Option<T>) -> Option<()> {
    slot.is_none().then_some(())
}

/// A position in the text's bytes.
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scan<'a> {
    /// Moves past JSON whitespace.
    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// After whitespace, at byte `c`: moves past it.
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        let yes = self.b.get(self.i) == Some(&c);
        self.i += usize::from(yes);
        yes
    }

    /// An object, `member` called with each key and the scanner at its value (which it must read).
    fn object(&mut self, member: &mut dyn FnMut(&mut Self, &str) -> Option<()>) -> Option<()> {
        self.eat(b'{').then_some(())?;
        if self.eat(b'}') {
            return Some(());
        }
        loop {
            self.ws();
            let key = self.string()?;
            self.eat(b':').then_some(())?;
            member(self, key)?;
            if self.eat(b'}') {
                return Some(());
            }
            self.eat(b',').then_some(())?;
        }
    }

    /// A string without escapes or control characters (its text, borrowed).
    fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"').then_some(())?;
        let start = self.i;
        loop {
            match *self.b.get(self.i)? {
                b'"' => break,
                b'\\' | 0..=0x1f => return None,
                _ => self.i += 1,
            }
        }
        self.i += 1;
        // The text is UTF-8 and the quotes are ASCII: the slice is on character boundaries.
        std::str::from_utf8(&self.b[start..self.i - 1]).ok()
    }

    /// A JSON number (RFC 8259 grammar); its value when plain (no exponent, at most 15
    /// significant digits, not an integer `-0`), else `Some(None)`; `None` if not a number.
    fn number(&mut self) -> Option<Option<f64>> {
        self.ws();
        let b = self.b;
        let neg = b.get(self.i) == Some(&b'-');
        self.i += usize::from(neg);
        let (mut mant, mut digits) = (0u64, 0usize);
        let mut run = |i: &mut usize| {
            let start = *i;
            while let Some(d) = b.get(*i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d < 10) {
                mant = mant.wrapping_mul(10).wrapping_add(u64::from(d));
                *i += 1;
            }
            digits += *i - start;
            *i - start
        };
        let mut i = self.i;
        let whole = run(&mut i);
        if whole == 0 || (whole > 1 && b[self.i] == b'0') {
            return None; // no digits, or a leading zero
        }
        let mut frac = None;
        if b.get(i) == Some(&b'.') {
            i += 1;
            frac = Some(run(&mut i)).filter(|n| *n > 0);
            frac?;
        }
        let mut plain = true;
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            i += usize::from(matches!(b.get(i), Some(b'+' | b'-')));
            let start = i;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            (i > start).then_some(())?;
            plain = false;
        }
        self.i = i;
        let frac = frac.unwrap_or(0);
        if !plain || digits > 15 || (neg && frac == 0 && mant == 0) {
            return Some(None);
        }
        let v = mant as f64 / POW10[frac];
        Some(Some(if neg { -v } else { v }))
    }

    /// A plain number where a field is read.
    fn value(&mut self) -> Option<f64> {
        self.number()?
    }

    /// Skips any value `depth` levels deep, checking its syntax.
    fn skip(&mut self, depth: usize) -> Option<()> {
        self.ws();
        match *self.b.get(self.i)? {
            b'{' if depth < 64 => self.object(&mut |j, _| j.skip(depth + 1)),
            b'[' if depth < 64 => {
                self.i += 1;
                if self.eat(b']') {
                    return Some(());
                }
                loop {
                    self.skip(depth + 1)?;
                    if self.eat(b']') {
                        return Some(());
                    }
                    self.eat(b',').then_some(())?;
                }
            }
            b'"' => self.string().map(|_| ()),
            b't' | b'f' | b'n' => {
                let word: &[u8] = match self.b[self.i] {
                    b't' => b"true",
                    b'f' => b"false",
                    _ => b"null",
                };
                self.b[self.i..].starts_with(word).then_some(())?;
                self.i += word.len();
                Some(())
            }
            _ => self.number().map(|_| ()),
        }
    }

    /// `inputs.location`: its four numbers, each optional.
    fn location(&mut self) -> Option<JsonLocation> {
        let mut l = [None; 4];
        self.object(&mut |j, key| {
            let k = [
                "latitude",
                "longitude",
                "elevation",
                "irradiance_time_offset",
            ]
            .iter()
            .position(|n| *n == key);
            match k {
                Some(k) => {
                    first_none(&l[k])?;
                    l[k] = Some(j.value()?);
                    Some(())
                }
                None => j.skip(3),
            }
        })?;
        Some(JsonLocation {
            latitude: l[0],
            longitude: l[1],
            elevation: l[2],
            irradiance_time_offset: l[3],
        })
    }

    /// `outputs.tmy_hourly`: an array of row objects, each with its time and five numbers (and
    /// the pressure `SP` when present), other keys skipped.
    fn hourly(&mut self) -> Option<Rows> {
        const KEYS: [&str; 7] = ["G(h)", "Gb(n)", "Gd(h)", "T2m", "SP", "WS10m", "time(UTC)"];
        let mut rows = Rows::with_capacity(8784, false);
        self.eat(b'[').then_some(())?;
        if self.eat(b']') {
            return Some(rows);
        }
        loop {
            let (mut v, mut seen, mut time) = ([f64::NAN; 6], 0u8, None);
            self.object(&mut |j, key| match KEYS.iter().position(|k| *k == key) {
                Some(k) if seen & (1 << k) == 0 => {
                    seen |= 1 << k;
                    if k == 6 {
                        time = Some(lean_time(j.string()?.as_bytes(), 0)?);
                    } else {
                        v[k] = j.value()?;
                    }
                    Some(())
                }
                Some(_) => None,
                None => j.skip(4),
            })?;
            // Every key but SP is required.
            ((seen | (1 << 4)) == 0x7f).then_some(())?;
            v[4] /= 100.0;
            push_row(&mut rows, time?, 0, v, None);
            if self.eat(b']') {
                return Some(rows);
            }
            self.eat(b',').then_some(())?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{"inputs": {"location": {"latitude": 45.0, "longitude": -8, "x": [1e5, {}]},
        "meteo_data": {"radiation_db": "PVGIS-SARAH3"}}, "outputs": {"tmy_hourly": [
        {"time(UTC)": "20050101:0000", "T2m": -1.25, "G(h)": 0, "Gb(n)": 0.0, "Gd(h)": 0.0, "WS10m": 2.5, "SP": 100250},
        {"G(h)": 12.5, "Gb(n)": 3, "Gd(h)": 9.5, "T2m": -1.5, "WS10m": 2, "time(UTC)": "20050101:0100"}]},
        "meta": {"deep": [[true, false, null, "a", -0.5E+2]]}}"#;

    #[test]
    fn plain_documents_are_read_by_the_lean_path() {
        let doc = read(DOC).expect("a plain document");
        let l = doc.location.unwrap();
        assert_eq!(
            (l.latitude, l.longitude, l.elevation),
            (Some(45.0), Some(-8.0), None)
        );
        assert_eq!(doc.radiation_db.as_deref(), Some("PVGIS-SARAH3"));
        let r = &doc.rows;
        assert_eq!((r.len(), r.stamps[1].hour), (2, 1));
        assert_eq!(
            (r.temp[0], r.pres[0], r.ghi[1], r.dni[1], r.wind[1]),
            (-1.25, 1002.5, 12.5, 3.0, 2.0)
        );
        assert!(r.pres[1].is_nan());
        // Anything else is left to the validating path.
        for (bad, with) in [
            ("\"G(h)\": 12.5", "\"G(h)\": 1.25e1"),
            ("\"G(h)\": 12.5", "\"G(h)\": null"),
            ("\"G(h)\": 12.5", "\"G(h)\": 12.5, \"G(h)\": 1"),
            ("\"G(h)\": 12.5", "\"G(h)\": -0"),
            ("\"G(h)\": 12.5", "\"G(h)\": 012.5"),
            ("\"G(h)\": 12.5, ", ""),
            ("PVGIS-SARAH3", "PVGIS\\u002dSARAH3"),
            ("20050101:0100", " 20050101:0100"),
            ("\"meta\"", "\"outputs\": {}, \"meta\""),
            ("[true", "[tru"),
        ] {
            let text = DOC.replacen(bad, with, 1);
            assert_ne!(text, DOC);
            assert!(read(&text).is_none(), "{with}");
        }
        assert!(read(&format!("{DOC} 1")).is_none());
        let deep = format!("{}{DOC}{}", "[".repeat(70), "]".repeat(70));
        assert!(
            read(&DOC.replacen("\"deep\": ", &format!("\"deep\": {deep}, \"d\": "), 1)).is_none()
        );
    }
}
