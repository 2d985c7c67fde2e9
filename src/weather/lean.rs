//! The lean path of the readers: one pass over a data line's bytes that parses only the fields a
//! reader asks for and skips the others without looking at them.
//!
//! It accepts only the plain form of every cell it parses — `[-+]digits[.digits]` with at most
//! 15 significant digits, no spaces — and gives up (`None`) on anything else, so that the reader
//! falls back to its full validating path, which then either reads the same values or reports the
//! error with its code and line. Every value it returns is bit-identical to [`super::text::num`]
//! and [`super::text::int`] on the same cell (the same exact mantissa / power-of-ten division).

/// What a reader wants from one field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    /// Not looked at.
    Skip,
    /// A decimal number ([`super::text::num`]).
    Num,
    /// A number, or nothing (an empty cell reads as NaN).
    NumOrEmpty,
    /// An integer of at most 9 digits ([`super::text::int`]), as an exact `f64`.
    Int,
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A plain decimal number starting at `b[i]`: its value and the index of the first byte after it.
#[inline]
fn number(b: &[u8], mut i: usize) -> Option<(f64, usize)> {
    let neg = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (mut mant, mut digits, mut frac, mut any) = (0u64, 0u32, 0u32, false);
    let mut dot = false;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            mant = mant * 10 + u64::from(c - b'0');
            digits += u32::from(mant != 0);
            frac += u32::from(dot);
            any = true;
            // More than 15 significant digits (or a mantissa near 2^64): the full path decides.
            if digits > 15 {
                return None;
            }
        } else if c == b'.' && !dot {
            dot = true;
        } else {
            break;
        }
        i += 1;
    }
    if !any || frac as usize >= POW10.len() {
        return None;
    }
    let v = mant as f64 / POW10[frac as usize];
    Some((if neg { -v } else { v }, i))
}

/// An integer of 1–9 digits with an optional sign starting at `b[i]`.
#[inline]
fn integer(b: &[u8], mut i: usize) -> Option<(f64, usize)> {
    let neg = match b.get(i) {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let (first, mut v) = (i, 0i64);
    while let Some(&c) = b.get(i).filter(|c| c.is_ascii_digit()) {
        v = v * 10 + i64::from(c - b'0');
        i += 1;
        if i - first > 9 {
            return None;
        }
    }
    if i == first {
        return None;
    }
    Some((if neg { -v } else { v } as f64, i))
}

/// One data line: `values[k]` holds field `k` for the fields wanted, NaN for the others.
pub(crate) struct Line {
    pub values: [f64; 40],
    /// Number of comma-separated fields.
    pub fields: usize,
}

/// Scans the line starting at `b[start]` (up to `\n` or the end; one `\r` before it is the line
/// end too) for the fields of `want`; the index after the line's `\n` comes back with it.
/// `None`: a wanted cell is not in the plain form, or the line has more than 40 fields.
#[inline]
pub(crate) fn scan(b: &[u8], start: usize, want: &[Want]) -> Option<(Line, usize)> {
    let mut line = Line {
        values: [f64::NAN; 40],
        fields: 0,
    };
    let mut i = start;
    let mut k = 0usize;
    loop {
        let w = want.get(k).copied().unwrap_or(Want::Skip);
        if w != Want::Skip {
            let at_end = |j: usize| match b.get(j) {
                None | Some(b',') | Some(b'\n') => true,
                Some(b'\r') => matches!(b.get(j + 1), None | Some(b'\n')),
                _ => false,
            };
            if w == Want::NumOrEmpty && at_end(i) {
                // empty cell: NaN
            } else if w == Want::Int {
                let (v, j) = integer(b, i)?;
                if !at_end(j) {
                    return None;
                }
                line.values[k] = v;
                i = j;
            } else {
                let (v, j) = number(b, i)?;
                if !at_end(j) {
                    return None;
                }
                line.values[k] = v;
                i = j;
            }
        }
        // To the end of the field.
        while let Some(&c) = b.get(i) {
            if c == b',' || c == b'\n' {
                break;
            }
            i += 1;
        }
        k += 1;
        match b.get(i) {
            Some(b',') => {
                i += 1;
                if k >= line.values.len() {
                    return None;
                }
            }
            Some(_) => {
                line.fields = k;
                return Some((line, i + 1));
            }
            None => {
                line.fields = k;
                return Some((line, i));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::text;
    use super::*;

    #[test]
    fn numbers_bit_identical_to_the_full_path() {
        for s in [
            "0",
            "-0",
            "1",
            "-18.3",
            "90300",
            "0.866",
            "999.000",
            "-9900",
            "12.345678",
            "+4",
            "0.0000",
            "123456789012345",
            "-0.0",
            "5.",
            ".5",
            "0.30000000000000004",
            "1e3",
            " 7",
            "",
            "-",
            ".",
            "1.2.3",
            "12a",
            "NaN",
        ] {
            let line = format!("{s},x");
            let got = scan(line.as_bytes(), 0, &[Want::Num]).map(|(l, _)| l.values[0]);
            if let Some(v) = got {
                assert_eq!(Some(v.to_bits()), text::num(s).map(f64::to_bits), "{s}");
            } else {
                // Refused: the full path reads it or reports it.
                assert!(
                    text::num(s).is_none() || s.contains(['e', ' ']) || s.len() > 16,
                    "{s}"
                );
            }
        }
    }

    #[test]
    fn fields_lines_and_ends() {
        let want = [Want::Num, Want::Skip, Want::Num, Want::NumOrEmpty];
        let text = b"1,a b,2.5,\r\n3,,4,7\n5,x,6";
        let (l, next) = scan(text, 0, &want).unwrap();
        assert_eq!((l.fields, l.values[0], l.values[2]), (4, 1.0, 2.5));
        assert!(l.values[1].is_nan() && l.values[3].is_nan());
        let (l, next) = scan(text, next, &want).unwrap();
        assert_eq!((l.fields, l.values[3]), (4, 7.0));
        let (l, next) = scan(text, next, &want).unwrap();
        assert_eq!((l.fields, l.values[2], next), (3, 6.0, text.len()));
        assert!(scan(b"1,x,2 ,3\n", 0, &want).is_none());
        assert!(scan(b"1,x,2\r3\n", 0, &want).is_none());
        let ints = [Want::Int, Want::Int, Want::Int];
        let (l, _) = scan(b"2005,-3,+007\n", 0, &ints).unwrap();
        assert_eq!(l.values[..3], [2005.0, -3.0, 7.0]);
        for bad in ["1.", "1.0", "1234567890", "", "-", "1e3"] {
            assert!(
                scan(format!("{bad},1,1").as_bytes(), 0, &ints).is_none(),
                "{bad}"
            );
            assert!(text::int(bad).is_none(), "{bad}");
        }
    }
}
