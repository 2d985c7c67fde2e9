//! The lean path of the readers: one pass over the data lines' bytes that parses only the fields a
//! reader asks for and skips the others eight bytes at a time, without looking at them.
//!
//! It accepts only the plain form of every cell it parses — `[-+]digits[.digits]` with at most
//! 15 significant digits, no spaces — and gives up (`None`) on anything else, so that the reader
//! falls back to its full validating path, which then either reads the same values or reports the
//! error with its code and line. Every value it returns is bit-identical to [`super::text::num`]
//! and [`super::text::int`] on the same cell (the same exact mantissa / power-of-ten division).

use super::assemble::Rows;
use super::Stamp;

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

const LO7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
const ONES: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;
const COMMAS: u64 = 0x0101_0101_0101_0101 * b',' as u64;
const NEWLINES: u64 = 0x0101_0101_0101_0101 * b'\n' as u64;

/// The high bit of every byte of `x` that is zero, and of no other (exact, no carries).
#[inline]
fn zero_bytes(x: u64) -> u64 {
    !(((x & LO7) + LO7) | x | LO7)
}

/// Bytes of a text, `(start, len)`: a part of a line already read, which a later line may repeat
/// ([`Cursor::same_as`]); `len` 0 for none.
pub(crate) type Span = (usize, usize);

/// A position in a text's bytes, moving forward over comma-separated fields and lines.
pub(crate) struct Cursor<'a> {
    b: &'a [u8],
    pub i: usize,
}

impl<'a> Cursor<'a> {
    pub(crate) fn new(b: &'a [u8]) -> Self {
        Cursor { b, i: 0 }
    }

    /// Whether the text is used up.
    pub(crate) fn done(&self) -> bool {
        self.i >= self.b.len()
    }

    /// Whether the cursor is at a line end: `\n`, `\r\n`, a final `\r`, or the end of the text.
    #[inline]
    fn at_eol(&self) -> bool {
        match self.b.get(self.i) {
            None | Some(b'\n') => true,
            Some(b'\r') => matches!(self.b.get(self.i + 1), None | Some(b'\n')),
            _ => false,
        }
    }

    /// At an empty line: moves past it.
    pub(crate) fn skip_empty_line(&mut self) -> bool {
        if self.done() || !self.at_eol() {
            return false;
        }
        self.next_line();
        true
    }

    /// Moves past the next `\n` (or to the end).
    pub(crate) fn next_line(&mut self) {
        while let Some(&c) = self.b.get(self.i) {
            self.i += 1;
            if c == b'\n' {
                return;
            }
        }
    }

    /// At a comma: moves past it.
    #[inline]
    pub(crate) fn comma(&mut self) -> bool {
        let yes = self.b.get(self.i) == Some(&b',');
        self.i += usize::from(yes);
        yes
    }

    /// Skips up to `n` commas of this line (stopping at its `\n`); the number skipped. After the
    /// `n`-th comma the cursor is at the start of the field after it. (Not inlined: one copy
    /// serves the ~20 places of five readers that skip.)
    #[inline(never)]
    pub(crate) fn skip_commas(&mut self, mut n: usize) -> usize {
        let (b, mut i, mut skipped) = (self.b, self.i, 0);
        if n == 0 {
            return 0;
        }
        // (After a cell read the cursor is at its comma: one compare.)
        if b.get(i) == Some(&b',') {
            i += 1;
            n -= 1;
            skipped = 1;
            if n == 0 {
                self.i = i;
                return 1;
            }
        }
        // Words without a line end: their commas are counted, not walked; only the word with
        // the n-th comma is looked into (n > 0 throughout).
        while let Some(word) = b.get(i..i + 8) {
            let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
            let l = w ^ NEWLINES;
            if l.wrapping_sub(ONES) & !l & HI != 0 {
                break; // a byte of `l` is zero: the line ends in this word
            }
            let mut commas = zero_bytes(w ^ COMMAS);
            let k = commas.count_ones() as usize;
            if k >= n {
                for _ in 1..n {
                    commas &= commas - 1;
                }
                self.i = i + (commas.trailing_zeros() / 8) as usize + 1;
                return skipped + n;
            }
            n -= k;
            skipped += k;
            i += 8;
        }
        // The word with the line end, or the text's last bytes: one by one.
        while n > 0 {
            match b.get(i) {
                Some(b',') => {
                    n -= 1;
                    skipped += 1;
                }
                None | Some(b'\n') => break,
                _ => {}
            }
            i += 1;
        }
        self.i = i;
        skipped
    }

    /// Whether the bytes at the cursor are those of the earlier span `(start, len)` of the text
    /// (`len` 0: no span); then the cursor moves past them. Compared eight bytes at a time.
    #[inline]
    pub(crate) fn same_as(&mut self, (start, len): Span) -> bool {
        let (b, i) = (self.b, self.i);
        if len == 0 || i + len > b.len() {
            return false;
        }
        let word = |at: usize| -> Option<u64> {
            let w: [u8; 8] = b.get(at..at + 8)?.try_into().ok()?;
            Some(u64::from_le_bytes(w))
        };
        let mut k = 0;
        while k + 8 <= len {
            if word(i + k) != word(start + k) {
                return false;
            }
            k += 8;
        }
        if k < len {
            // The last 1–7 bytes: one masked word where the text has eight more bytes.
            let same = match (word(i + k), word(start + k)) {
                (Some(x), Some(y)) => (x ^ y) & (u64::MAX >> (64 - 8 * (len - k))) == 0,
                _ => b[i + k..i + len] == b[start + k..start + len],
            };
            if !same {
                return false;
            }
        }
        self.i = i + len;
        true
    }

    /// The span of the text from `start` to the cursor.
    pub(crate) fn span_from(&self, start: usize) -> Span {
        (start, self.i - start)
    }

    /// A plain decimal number ending at a comma or the line end (the cursor stops there).
    #[inline]
    pub(crate) fn num(&mut self) -> Option<f64> {
        let v = self.num_or_nan();
        (!v.is_nan()).then_some(v)
    }

    /// [`Cursor::num`] as a bare `f64`, NaN for `None` (a plain number is never NaN). WebAssembly
    /// returns an `Option<f64>` through memory, a bare `f64` in a register: one store and load
    /// less per cell.
    fn num_or_nan(&mut self) -> f64 {
        let b = self.b;
        let neg = self.sign();
        let mut mant = 0u64;
        let mut digits = |i: &mut usize| {
            let start = *i;
            while let Some(d) = b.get(*i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d < 10) {
                mant = mant.wrapping_mul(10).wrapping_add(u64::from(d));
                *i += 1;
            }
            *i - start
        };
        let mut i = self.i;
        let whole = digits(&mut i);
        let frac = if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i)
        } else {
            0
        };
        self.i = i;
        // At most 15 digits (so that the mantissa is exact and as the full path reads it).
        if whole + frac == 0 || whole + frac > 15 || !(self.at_eol() || b[i] == b',') {
            return f64::NAN;
        }
        // (Below 10^15: exact as a signed integer, whose conversion is one instruction where the
        // unsigned one is several; division by 1 changes no bit.)
        let v = mant as i64 as f64;
        let v = if frac > 0 { v / POW10[frac] } else { v };
        if neg {
            -v
        } else {
            v
        }
    }

    /// Moves past a `-` (true) or `+` sign.
    #[inline]
    fn sign(&mut self) -> bool {
        match self.b.get(self.i) {
            Some(b'-') => {
                self.i += 1;
                true
            }
            Some(b'+') => {
                self.i += 1;
                false
            }
            _ => false,
        }
    }

    /// [`Cursor::num`], or NaN for an empty cell.
    #[inline]
    pub(crate) fn num_or_empty(&mut self) -> Option<f64> {
        if self.at_eol() || self.b[self.i] == b',' {
            Some(f64::NAN)
        } else {
            self.num()
        }
    }

    /// An integer of 1–9 digits with an optional sign, ending at a comma or the line end.
    #[inline]
    pub(crate) fn int(&mut self) -> Option<i64> {
        let v = self.int_or_min();
        (v != i64::MIN).then_some(v)
    }

    /// [`Cursor::int`] as a bare `i64`, `i64::MIN` for `None` (9 digits never make it): in a
    /// register, as [`Cursor::num_or_nan`].
    fn int_or_min(&mut self) -> i64 {
        let b = self.b;
        let neg = self.sign();
        let (first, mut i, mut v) = (self.i, self.i, 0i64);
        while let Some(d) = b.get(i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d < 10) {
            v = v.wrapping_mul(10).wrapping_add(i64::from(d));
            i += 1;
        }
        self.i = i;
        if i == first || i - first > 9 || !(self.at_eol() || b[i] == b',') {
            return i64::MIN;
        }
        if neg {
            -v
        } else {
            v
        }
    }

    /// Digits (1–9, no sign) ending at the byte `end`, which the cursor moves past: a part of a
    /// date `MM/DD/YYYY` or a time `HH:MM`.
    #[inline]
    pub(crate) fn digits_until(&mut self, end: u8) -> Option<i64> {
        let b = self.b;
        let (first, mut i, mut v) = (self.i, self.i, 0i64);
        while let Some(d) = b.get(i).map(|c| c.wrapping_sub(b'0')).filter(|d| *d < 10) {
            v = v * 10 + i64::from(d);
            i += 1;
            if i - first > 9 {
                return None;
            }
        }
        if i == first || b.get(i) != Some(&end) {
            return None;
        }
        self.i = i + 1;
        Some(v)
    }

    /// The bytes of the line at the cursor without its `\n` and one `\r` before it (as
    /// [`super::text::Lines`] gives lines); the cursor moves past the `\n`. The line end is
    /// looked for eight bytes at a time.
    pub(crate) fn line(&mut self) -> &'a [u8] {
        let (b, start) = (self.b, self.i);
        let mut end = start;
        loop {
            if end + 8 > b.len() {
                end += b[end..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .unwrap_or(b.len() - end);
                break;
            }
            let mut word = [0u8; 8];
            word.copy_from_slice(&b[end..end + 8]);
            let newline = zero_bytes(u64::from_le_bytes(word) ^ NEWLINES);
            if newline != 0 {
                end += (newline.trailing_zeros() / 8) as usize;
                break;
            }
            end += 8;
        }
        self.i = end + 1;
        let line = &b[start..end];
        line.strip_suffix(b"\r").unwrap_or(line)
    }

    /// The bytes of the cell at the cursor, up to its comma or line end (the cursor stops there).
    #[inline]
    pub(crate) fn cell(&mut self) -> &'a [u8] {
        let start = self.i;
        while !(self.at_eol() || self.b[self.i] == b',') {
            self.i += 1;
        }
        &self.b[start..self.i]
    }
}

/// Appends a row to `rows`: its stamp, line number, `[ghi, dni, dhi, temp, pres, wind]`, and the
/// albedo when the format has one. Not inlined: one copy of the nine pushes serves every reader.
#[inline(never)]
pub(crate) fn push_row(rows: &mut Rows, stamp: Stamp, line: u32, v: [f64; 6], albedo: Option<f64>) {
    rows.stamps.push(stamp);
    rows.lines.push(line);
    rows.ghi.push(v[0]);
    rows.dni.push(v[1]);
    rows.dhi.push(v[2]);
    rows.temp.push(v[3]);
    rows.pres.push(v[4]);
    rows.wind.push(v[5]);
    if let Some(a) = albedo {
        rows.albedo.push(a);
    }
}

/// The cells a lean reader parses in a row: `(column, what)` of the columns present, in file
/// order, and how many; `None` when two share a column (the full path then reads the file).
pub(crate) fn plan<T: Copy, const N: usize>(
    columns: [(Option<usize>, T); N],
) -> Option<([(usize, T); N], usize)> {
    let mut want = [(usize::MAX, columns[0].1); N];
    let mut k = 0;
    for (col, what) in columns {
        if let Some(col) = col {
            want[k] = (col, what);
            k += 1;
        }
    }
    want[..k].sort_by_key(|w| w.0);
    (!want[..k].windows(2).any(|w| w[0].0 == w[1].0)).then_some((want, k))
}

/// For the readers' tests: the lean rows `a` have the stamps and bit-identical values of the full
/// rows `b`.
#[cfg(test)]
pub(crate) fn assert_same_rows(a: &Rows, b: &Rows) {
    assert_eq!(a.stamps, b.stamps);
    let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    for (x, y) in [
        (&a.ghi, &b.ghi),
        (&a.dni, &b.dni),
        (&a.dhi, &b.dhi),
        (&a.temp, &b.temp),
        (&a.pres, &b.pres),
        (&a.wind, &b.wind),
        (&a.albedo, &b.albedo),
    ] {
        assert_eq!(bits(x), bits(y));
    }
}

#[cfg(test)]
mod tests {
    use super::super::text;
    use super::*;

    #[test]
    fn numbers_bit_identical_to_the_full_path() {
        // (A cell holds no comma: "1,2" is two cells.)
        let cells = text::tests::NUMBERS.iter().chain(&text::tests::NOT_NUMBERS);
        for s in cells.filter(|s| !s.contains(',')) {
            let line = format!("{s},x");
            let got = Cursor::new(line.as_bytes()).num();
            match got {
                Some(v) => assert_eq!(Some(v.to_bits()), text::num(s).map(f64::to_bits), "{s}"),
                // Refused: the full path reads it or reports it.
                None => assert!(
                    text::num(s).is_none() || s.contains(['e', ' ']) || s.len() > 16,
                    "{s}"
                ),
            }
        }
    }

    #[test]
    fn commas_counted_as_one_by_one() {
        // Lines with commas at every spacing and a line end inside or after the words.
        let line: Vec<u8> = (0..200u32)
            .map(|k| {
                if k % 7 == 0 || k % 11 == 3 || k == 150 {
                    b','
                } else {
                    b'a'
                }
            })
            .chain(*b"\n,,,")
            .collect();
        for start in 0..24 {
            for n in 0..60 {
                let mut c = Cursor::new(&line);
                c.i = start;
                let got = c.skip_commas(n);
                let (mut i, mut left) = (start, n);
                while left > 0 && i < line.len() && line[i] != b'\n' {
                    left -= usize::from(line[i] == b',');
                    i += 1;
                }
                assert_eq!((got, c.i), (n - left, i), "{start} {n}");
            }
        }
    }

    #[test]
    fn spans_compared_as_slices() {
        // Spans of every length against text that differs from them at every position.
        let text: Vec<u8> = (0..64u8).map(|k| b'a' + k % 5).chain(*b"aabbcc").collect();
        for start in 0..20 {
            for len in 0..24 {
                for at in 20..text.len() {
                    let mut c = Cursor::new(&text);
                    c.i = at;
                    let want = len > 0
                        && at + len <= text.len()
                        && text[at..at + len] == text[start..start + len];
                    assert_eq!(c.same_as((start, len)), want, "{start} {len} {at}");
                    assert_eq!(c.i, if want { at + len } else { at });
                }
            }
        }
    }

    #[test]
    fn integers_as_the_full_path_takes_them() {
        for (s, want) in [("2005", Some(2005)), ("-3", Some(-3)), ("+007", Some(7))] {
            assert_eq!(Cursor::new(format!("{s},").as_bytes()).int(), want);
            assert_eq!(text::int(s), want);
        }
        for bad in ["1.", "1.0", "1234567890", "", "-", "1e3", "1 "] {
            assert!(
                Cursor::new(format!("{bad},1").as_bytes()).int().is_none(),
                "{bad}"
            );
            assert!(text::int(bad).is_none() || bad.ends_with(' '), "{bad}");
        }
    }

    #[test]
    fn commas_are_skipped_within_the_line() {
        let text = b"a,bb,ccccccccccccc,d,,e\r\nf,g";
        for n in 0..6 {
            let mut c = Cursor::new(text);
            assert_eq!(c.skip_commas(n), n);
            let want = text
                .iter()
                .enumerate()
                .filter(|(_, &x)| x == b',')
                .nth(n.wrapping_sub(1));
            assert_eq!(c.i, want.map_or(0, |(k, _)| k + 1), "{n}");
        }
        let mut c = Cursor::new(text);
        assert_eq!(c.skip_commas(9), 5);
        assert_eq!(text[c.i], b'\n');
        c.next_line();
        assert_eq!((c.skip_commas(3), c.i), (1, text.len()));
        // Ends of cells: comma, CRLF, final CR, end; a stray CR is not an end.
        let mut c = Cursor::new(b"1.5,2\r\n3\r");
        assert_eq!((c.num(), c.comma(), c.num()), (Some(1.5), true, Some(2.0)));
        c.next_line();
        assert_eq!(c.num(), Some(3.0));
        assert!(Cursor::new(b"1\r5").num().is_none());
        // Lines as text::Lines gives them: one \r before the \n stripped, no line after a final \n.
        let text = b"a\r\n\nbb\r\r\nccccccccccccccccccc\r";
        let mut c = Cursor::new(text);
        let mut got = Vec::new();
        while !c.done() {
            got.push(c.line().to_vec());
        }
        let want: Vec<Vec<u8>> = super::super::text::Lines::new(std::str::from_utf8(text).unwrap())
            .map(|(_, l)| l.as_bytes().to_vec())
            .collect();
        assert_eq!(got, want);
        assert!(Cursor::new(b",").num_or_empty().unwrap().is_nan());
    }
}
