//! Decimal text of `f64` values in messages: the same text as core's `{}` and `{:.N}`, built from
//! the shortest round-trip digits of zmij (Schubfach, already linked for serde_json's output) so
//! that the wasm carries no second float printer (core's flt2dec: Grisu with a Dragon4 fallback
//! and their tables, ≈ 20 KB of code; issue 9).
//!
//! `{:.N}` rounds the exact binary value to N decimals, ties to even (as core does): the shortest
//! digits decide it except when they end in a 5 exactly at the rounding place, where the exact
//! value is compared with that decimal in integer arithmetic.

use std::fmt::{self, Write};

/// `{}` of an `f64` (no exponent, shortest digits that read back to the same value).
pub fn dec(x: f64) -> Dec {
    Dec(x)
}

/// `{:.decimals$}` of an `f64`.
pub fn fixed(x: f64, decimals: usize) -> Fixed {
    Fixed(x, decimals)
}

/// See [`dec`].
#[derive(Clone, Copy)]
pub struct Dec(f64);

/// See [`fixed`].
#[derive(Clone, Copy)]
pub struct Fixed(f64, usize);

/// |x| = 0.d₁d₂…dₙ × 10^point, d₁ ≠ 0 (n = 0 for zero); `digits` holds the ASCII digits.
struct Digits {
    digits: [u8; 24],
    n: usize,
    point: i32,
}

impl Digits {
    /// The shortest round-trip digits of a finite |x|, read from zmij's text
    /// ("123.45", "0.00123", "1.2345e+33", "5e-07").
    fn shortest(x: f64) -> Digits {
        let mut buffer = zmij::Buffer::new();
        let text = buffer.format_finite(x.abs());
        let (mantissa, exponent) = match text.split_once('e') {
            Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
            None => (text, 0),
        };
        let mut out = Digits {
            digits: [0; 24],
            n: 0,
            point: exponent,
        };
        let mut before_point = true;
        for b in mantissa.bytes() {
            match b {
                b'.' => before_point = false,
                b'0' if out.n == 0 => {
                    if !before_point {
                        out.point -= 1;
                    }
                }
                _ => {
                    if out.n < out.digits.len() {
                        out.digits[out.n] = b;
                        out.n += 1;
                    }
                    if before_point {
                        out.point += 1;
                    }
                }
            }
        }
        while out.n > 0 && out.digits[out.n - 1] == b'0' {
            out.n -= 1;
        }
        if out.n == 0 {
            out.point = 0;
        }
        out
    }

    /// Rounds to `decimals` places after the point, ties to even on the exact value of `x`.
    fn round(&mut self, x: f64, decimals: usize) {
        let keep = self.point + decimals as i32;
        if self.n == 0 || keep >= self.n as i32 {
            return;
        }
        if keep < 0 {
            self.n = 0;
            self.point = 0;
            return;
        }
        let keep = keep as usize;
        let first_dropped = self.digits[keep];
        let up = match first_dropped.cmp(&b'5') {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal if keep + 1 < self.n => true,
            std::cmp::Ordering::Equal => match self.exact_cmp(x) {
                Some(std::cmp::Ordering::Greater) => true,
                Some(std::cmp::Ordering::Less) => false,
                _ => keep > 0 && (self.digits[keep - 1] - b'0') % 2 == 1,
            },
        };
        self.n = keep;
        if up {
            let mut i = keep;
            loop {
                if i == 0 {
                    self.digits.copy_within(0..keep, 1);
                    self.digits[0] = b'1';
                    self.n = keep + 1;
                    self.point += 1;
                    break;
                }
                i -= 1;
                if self.digits[i] == b'9' {
                    self.digits[i] = b'0';
                } else {
                    self.digits[i] += 1;
                    break;
                }
            }
        }
        while self.n > 0 && self.digits[self.n - 1] == b'0' {
            self.n -= 1;
        }
        if self.n == 0 {
            self.point = 0;
        }
    }

    /// |x| against these digits exactly (|x| = m·2^e, digits = N / 10^q), or `None` when the
    /// integers do not fit in 128 bits.
    fn exact_cmp(&self, x: f64) -> Option<std::cmp::Ordering> {
        let bits = x.abs().to_bits();
        let biased = (bits >> 52) as i32;
        let fraction = u128::from(bits & ((1 << 52) - 1));
        let (m, e) = if biased == 0 {
            (fraction, -1074)
        } else {
            (fraction | 1 << 52, biased - 1075)
        };
        let q = self.n as i32 - self.point;
        let mut digits_n: u128 = 0;
        for &d in &self.digits[..self.n] {
            digits_n = digits_n
                .checked_mul(10)?
                .checked_add(u128::from(d - b'0'))?;
        }
        // m·2^e ⋛ N·10^−q  ⇔  m·2^e·10^q ⋛ N, with the powers moved to the side they multiply.
        let mut left = m;
        let mut right = digits_n;
        if q >= 0 {
            left = left.checked_mul(10u128.checked_pow(q as u32)?)?;
        } else {
            right = right.checked_mul(10u128.checked_pow((-q) as u32)?)?;
        }
        if e >= 0 {
            left = shl_checked(left, e as u32)?;
        } else {
            right = shl_checked(right, (-e) as u32)?;
        }
        Some(left.cmp(&right))
    }

    /// Writes the digits with at least `decimals` places after the point.
    fn write(&self, f: &mut fmt::Formatter<'_>, decimals: usize) -> fmt::Result {
        let digit = |i: i32| {
            if i >= 0 && (i as usize) < self.n {
                self.digits[i as usize] as char
            } else {
                '0'
            }
        };
        let whole = self.point.max(1);
        for i in 0..whole {
            f.write_char(digit(i - whole + self.point))?;
        }
        let shown = decimals.max((self.n as i32 - self.point).max(0) as usize);
        if shown > 0 {
            f.write_char('.')?;
            for i in 0..shown as i32 {
                f.write_char(digit(self.point + i))?;
            }
        }
        Ok(())
    }
}

fn shl_checked(v: u128, by: u32) -> Option<u128> {
    (by < 128 && v.leading_zeros() >= by).then(|| v << by)
}

/// "-" for a negative value (−0 included), "+" for another when the format asks (`{:+}`).
fn write_sign(f: &mut fmt::Formatter<'_>, x: f64) -> fmt::Result {
    if x.is_sign_negative() {
        f.write_char('-')
    } else if f.sign_plus() {
        f.write_char('+')
    } else {
        Ok(())
    }
}

/// NaN and ±inf as core writes them (`+inf` under `{:+}`); `None` for a finite value.
fn non_finite(f: &fmt::Formatter<'_>, x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("NaN")
    } else if x.is_infinite() {
        Some(match (x < 0.0, f.sign_plus()) {
            (true, _) => "-inf",
            (false, true) => "+inf",
            (false, false) => "inf",
        })
    } else {
        None
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(text) = non_finite(f, self.0) {
            return f.write_str(text);
        }
        write_sign(f, self.0)?;
        Digits::shortest(self.0).write(f, 0)
    }
}

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Fixed(x, decimals) = *self;
        if let Some(text) = non_finite(f, x) {
            return f.write_str(text);
        }
        write_sign(f, x)?;
        let mut digits = Digits::shortest(x);
        digits.round(x, decimals);
        digits.write(f, decimals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Core's own `{}` and `{:.N}` are the reference (native code keeps them).
    #[test]
    fn writes_what_core_writes() {
        let values = [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            0.25,
            0.35,
            0.125,
            1.005,
            2.5,
            364.5,
            0.5,
            9.995,
            99.95,
            0.045,
            1e21,
            1.5e-7,
            123456789.0,
            2291.5,
            -0.04,
            5e-324,
            1.7976931348623157e308,
            0.000123,
            40.07,
            116.39,
            1e15,
            123.456e10,
            f64::NAN,
            f64::INFINITY,
            -f64::INFINITY,
        ];
        for &x in &values {
            assert_eq!(dec(x).to_string(), format!("{x}"), "{{}} of {x:e}");
            for p in (0..5).filter(|&p| in_domain(x, p)) {
                assert_eq!(
                    fixed(x, p).to_string(),
                    format!("{x:.p$}"),
                    "{{:.{p}}} of {x:e}"
                );
                let plus = format!("{:+}", fixed(x, p));
                assert_eq!(plus, format!("{x:+.p$}"), "{{:+.{p}}} of {x:e}");
            }
        }
    }

    /// Where the text is core's: |x|·10^N < 2^49, so that one unit in the last place is below
    /// 10^−N / 8 (fewer than 16 significant digits needed). Beyond, core writes the exact binary
    /// expansion and chooses differently between two equally close shortest candidates.
    fn in_domain(x: f64, decimals: usize) -> bool {
        !x.is_finite() || x.abs() * 10f64.powi(decimals as i32) < (1u64 << 49) as f64
    }

    fn significant_digits(text: &str) -> usize {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        digits.trim_start_matches('0').trim_end_matches('0').len()
    }

    /// Many values of message-like magnitudes, against core, with a fixed-seed generator.
    #[test]
    fn agrees_with_core_on_many_values() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        for i in 0..200_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let x = match i % 4 {
                0 => (state >> 11) as f64 / (1u64 << 53) as f64 * 1000.0,
                1 => ((state >> 40) as f64) / 1000.0,
                2 => ((state >> 44) as f64) / 8.0 - 5000.0,
                _ => f64::from_bits(state),
            };
            if !x.is_finite() {
                continue;
            }
            let (ours, core) = (dec(x).to_string(), format!("{x}"));
            if ours != core {
                // Both shortest: only the choice between two equally close last digits differs.
                assert_eq!(ours.parse::<f64>(), Ok(x), "{x:e}");
                assert_eq!(ours.len(), core.len(), "{x:e}");
                assert!(significant_digits(&core) >= 16, "{x:e}: {ours} vs {core}");
            }
            for p in (0..4).filter(|&p| in_domain(x, p)) {
                assert_eq!(fixed(x, p).to_string(), format!("{x:.p$}"), "{x:e} .{p}");
            }
        }
    }
}
