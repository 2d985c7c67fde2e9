//! Reading text without allocating per cell: numbered lines, comma fields, fast decimal numbers,
//! and the error values every reader returns (code, field `resource.text`, line number).

use crate::error::{codes, ScenarioError};

/// The JSON path named by every weather-file error.
pub(crate) const FIELD: &str = "resource.text";

/// Lines of a text, numbered from 1, without their `\n` / `\r\n` ends.
pub(crate) struct Lines<'a> {
    rest: &'a str,
    next_no: u32,
    done: bool,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Self {
            rest: text,
            next_no: 1,
            done: false,
        }
    }

    /// Number of the line the next call to `next` returns.
    pub(crate) fn next_line_no(&self) -> u32 {
        self.next_no
    }

    /// The text not yet returned ("" once the last line was).
    pub(crate) fn rest(&self) -> &'a str {
        if self.done {
            ""
        } else {
            self.rest
        }
    }
}

impl<'a> Iterator for Lines<'a> {
    type Item = (u32, &'a str);

    fn next(&mut self) -> Option<(u32, &'a str)> {
        if self.done {
            return None;
        }
        let (line, rest) = match self.rest.find('\n') {
            Some(i) => (&self.rest[..i], Some(&self.rest[i + 1..])),
            None => (self.rest, None),
        };
        match rest {
            Some(r) => self.rest = r,
            None => {
                self.done = true;
                if line.is_empty() {
                    return None; // the text ended with a newline
                }
            }
        }
        let no = self.next_no;
        self.next_no = self.next_no.saturating_add(1);
        Some((no, line.strip_suffix('\r').unwrap_or(line)))
    }
}

/// The comma-separated fields of a data line, found in one pass that records only where the
/// commas are (eight bytes at a time; `str::split(',')` costs a memchr and a memcmp per comma);
/// a field becomes a `&str` only when asked for. Fields beyond the first `N` read as "".
pub(crate) struct Fields<'a, const N: usize> {
    line: &'a str,
    commas: [u32; N],
    n: usize,
}

impl<'a, const N: usize> Fields<'a, N> {
    pub(crate) fn split(line: &'a str) -> Self {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        const COMMAS: u64 = LO * b',' as u64;
        let b = line.as_bytes();
        let mut commas = [0u32; N];
        let mut c = 0usize;
        let mut i = 0;
        while i + 8 <= b.len() {
            let mut word = [0u8; 8];
            word.copy_from_slice(&b[i..i + 8]);
            let w = u64::from_le_bytes(word) ^ COMMAS;
            // Flags every zero byte (a comma), and possibly a 0x01 byte just above one: check.
            let mut m = w.wrapping_sub(LO) & !w & HI;
            while m != 0 {
                let k = i + (m.trailing_zeros() / 8) as usize;
                if b[k] == b',' {
                    if c < N {
                        commas[c] = k as u32;
                    }
                    c += 1;
                }
                m &= m - 1;
            }
            i += 8;
        }
        while i < b.len() {
            if b[i] == b',' {
                if c < N {
                    commas[c] = i as u32;
                }
                c += 1;
            }
            i += 1;
        }
        Self {
            line,
            commas,
            n: c + 1,
        }
    }

    /// Number of fields (commas + 1).
    pub(crate) fn len(&self) -> usize {
        self.n
    }

    /// Field `k` (0-based); "" beyond the last field or beyond `N`.
    pub(crate) fn get(&self, k: usize) -> &'a str {
        if k >= self.n || k >= N {
            return "";
        }
        let start = if k == 0 {
            0
        } else {
            self.commas[k - 1] as usize + 1
        };
        let end = if k + 1 < self.n {
            self.commas[k] as usize
        } else {
            self.line.len()
        };
        self.line.get(start..end).unwrap_or("")
    }
}

/// Splits `line` at commas into `out` (as many as fit); returns the total number of fields.
pub(crate) fn split_fields<'a>(line: &'a str, out: &mut [&'a str]) -> usize {
    let mut n = 0;
    for f in line.split(',') {
        if n < out.len() {
            out[n] = f;
        }
        n += 1;
    }
    n
}

/// Splits a header line at commas outside double quotes (quotes removed, spaces trimmed).
pub(crate) fn split_quoted<'a>(line: &'a str, out: &mut [&'a str]) -> usize {
    let b = line.as_bytes();
    let (mut n, mut start, mut quoted) = (0, 0, false);
    for i in 0..=b.len() {
        if i < b.len() && b[i] == b'"' {
            quoted = !quoted;
        }
        if i == b.len() || (b[i] == b',' && !quoted) {
            if n < out.len() {
                out[n] = line[start..i].trim().trim_matches('"').trim();
            }
            n += 1;
            start = i + 1;
        }
    }
    n
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Parses a finite decimal number (surrounding spaces allowed). The common short form
/// `[+-]digits[.digits]` is exact and fast (an integer below 2^53 divided by an exact power of ten is
/// correctly rounded, the same value `str::parse` gives); anything else goes to `str::parse`.
/// `None` for text that is not a finite number (`NaN`, `inf` and empty text included).
pub(crate) fn num(s: &str) -> Option<f64> {
    let bytes = s.as_bytes();
    let (mut a, mut z) = (0, bytes.len());
    while a < z && matches!(bytes[a], b' ' | b'\t') {
        a += 1;
    }
    while z > a && matches!(bytes[z - 1], b' ' | b'\t') {
        z -= 1;
    }
    let s = &s[a..z]; // ASCII spaces removed: still on character boundaries
    let b = s.as_bytes();
    let (neg, mut i) = match b.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        Some(_) => (false, 0),
        None => return None,
    };
    let mut mant: u64 = 0;
    let mut digits = 0u32;
    let mut frac = 0u32;
    let mut seen_dot = false;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_digit() {
            if digits < 19 {
                mant = mant * 10 + u64::from(c - b'0');
            }
            if mant != 0 || digits > 0 {
                digits += 1;
            }
            if seen_dot {
                frac += 1;
            }
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
        } else {
            return slow(s);
        }
        i += 1;
    }
    let any_digit = b.iter().any(u8::is_ascii_digit);
    if !any_digit {
        return None;
    }
    if digits > 15 || frac as usize >= POW10.len() {
        return slow(s);
    }
    let v = mant as f64 / POW10[frac as usize];
    Some(if neg { -v } else { v })
}

fn slow(s: &str) -> Option<f64> {
    // Only plain numbers with an exponent reach a valid result here; words such as "NaN" or
    // "infinity" parse as non-finite and are refused.
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Parses an unsigned integer of at most 9 digits (spaces allowed around it).
pub(crate) fn int(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, d) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if d.is_empty() || d.len() > 9 || !d.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut v: i64 = 0;
    for c in d.bytes() {
        v = v * 10 + i64::from(c - b'0');
    }
    Some(if neg { -v } else { v })
}

/// Shortens a cell for an error message (and keeps messages readable for binary garbage).
pub(crate) fn show(cell: &str) -> String {
    let t: String = cell
        .chars()
        .take(24)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if cell.chars().count() > 24 {
        format!("\"{t}…\"")
    } else {
        format!("\"{t}\"")
    }
}

/// An error about the weather text, at a line (1-based) when one is known.
pub(crate) fn err(
    code: &'static str,
    line: Option<u32>,
    en: impl AsRef<str>,
    zh: impl AsRef<str>,
) -> ScenarioError {
    let (en, zh) = (en.as_ref(), zh.as_ref());
    match line {
        Some(n) => ScenarioError::new(
            code,
            FIELD,
            format!("line {n}: {en}"),
            format!("第 {n} 行：{zh}"),
        ),
        None => ScenarioError::new(code, FIELD, en, zh),
    }
}

/// A cell that is not a number.
pub(crate) fn not_a_number(line: u32, what: &str, what_zh: &str, cell: &str) -> ScenarioError {
    err(
        codes::WEATHER_PARSE,
        Some(line),
        format!("{what} is not a number: {}", show(cell)),
        format!("{what_zh}不是数字：{}", show(cell)),
    )
}

/// A line with too few comma-separated fields.
pub(crate) fn too_few_fields(line: u32, found: usize, needed: usize, fmt: &str) -> ScenarioError {
    err(
        codes::WEATHER_PARSE,
        Some(line),
        format!("{fmt} data line has {found} fields, at least {needed} are needed"),
        format!("{fmt} 数据行只有 {found} 个字段，至少需要 {needed} 个"),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Cells that are numbers, in the forms files write them (and some they rarely do).
    pub(crate) const NUMBERS: [&str; 19] = [
        "0",
        "-0",
        "1",
        "-18.3",
        "90300",
        "0.866",
        "999.000",
        "1e3",
        "-9900",
        "12.345678",
        "+4",
        "0.0000",
        "123456789012345",
        "1234567890123456789",
        " 7.5 ",
        "-0.0",
        "0.30000000000000004",
        "5.",
        ".5",
    ];
    /// Cells that are not.
    pub(crate) const NOT_NUMBERS: [&str; 10] = [
        "", "-", ".", "abc", "NaN", "inf", "1,2", "1.2.3", "--1", "12a",
    ];

    #[test]
    fn numbers_match_std_parse() {
        for s in NUMBERS {
            let want: f64 = s.trim().parse().unwrap();
            assert_eq!(num(s).map(f64::to_bits), Some(want.to_bits()), "{s}");
        }
        for s in NOT_NUMBERS {
            assert_eq!(num(s), None, "{s}");
        }
    }

    #[test]
    fn lines_are_numbered_and_crlf_stripped() {
        let v: Vec<_> = Lines::new("a\r\nb\n\nc").collect();
        assert_eq!(v, vec![(1, "a"), (2, "b"), (3, ""), (4, "c")]);
        let v: Vec<_> = Lines::new("a\n").collect();
        assert_eq!(v, vec![(1, "a")]);
    }

    #[test]
    fn fields_split_like_str_split() {
        for line in [
            "",
            ",",
            "a",
            "2005,1,1,1,0,?9?9,-18.3,-19.5,90,90300,9999",
            ",-1,-2,,-,--,x,",
            "1234567,-",
            "ab,cdefgh,-ijklmnop,qrstuvw-,x",
            "长城,-1.5,北京,",
        ] {
            let f = Fields::<16>::split(line);
            let want: Vec<&str> = line.split(',').collect();
            assert_eq!(f.len(), want.len(), "{line}");
            let got: Vec<&str> = (0..f.len()).map(|k| f.get(k)).collect();
            assert_eq!(got, want, "{line}");
            assert_eq!(f.get(f.len()), "");
        }
        let small = Fields::<2>::split("a,b,c,d");
        assert_eq!(
            (small.len(), small.get(0), small.get(1), small.get(2)),
            (4, "a", "b", "")
        );
    }

    #[test]
    fn quoted_fields() {
        let mut f = [""; 8];
        let n = split_quoted(r#"723170,"GREENSBORO, NC",NC,-5.0"#, &mut f);
        assert_eq!(n, 4);
        assert_eq!(f[1], "GREENSBORO, NC");
    }
}
