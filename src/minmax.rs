//! Larger and smaller of two floats by comparison, for the hot loops.
//!
//! `f64::max` and `f64::min` are IEEE 754 maxNum/minNum (a NaN operand gives the other one).
//! WebAssembly's `f64.max`/`f64.min` propagate NaN instead, so on wasm32 Rust lowers them to calls
//! of the C library's `fmax`/`fmin`: a function call for every clamp of the hourly chain (≈ 19 % of
//! its time in wasm, `node --cpu-prof` of `examples/stages.rs`). These give the same value for every
//! pair, NaN operands included; a tie between −0 and +0 gives `other` (+0 for the usual `x.fmax(0.0)`,
//! as `fmax` does).

/// [`f64::max`] and [`f64::min`] as compare-and-select.
pub(crate) trait MinMax {
    fn fmax(self, other: Self) -> Self;
    fn fmin(self, other: Self) -> Self;
}

impl MinMax for f64 {
    #[inline(always)]
    fn fmax(self, other: f64) -> f64 {
        if self > other || other.is_nan() {
            self
        } else {
            other
        }
    }

    #[inline(always)]
    fn fmin(self, other: f64) -> f64 {
        if self < other || other.is_nan() {
            self
        } else {
            other
        }
    }
}

#[cfg(test)]
mod tests {
    use super::MinMax;

    #[test]
    fn as_the_standard_library() {
        let v = [
            f64::NAN,
            f64::NEG_INFINITY,
            -2.5,
            -0.0,
            0.0,
            1e-300,
            3.0,
            f64::INFINITY,
        ];
        for &a in &v {
            for &b in &v {
                let same = |x: f64, y: f64| {
                    x.to_bits() == y.to_bits() || x == y || (x.is_nan() && y.is_nan())
                };
                assert!(same(a.fmax(b), a.max(b)), "max({a}, {b})");
                assert!(same(a.fmin(b), a.min(b)), "min({a}, {b})");
            }
        }
        assert_eq!((-0.0f64).fmax(0.0).to_bits(), 0.0f64.to_bits());
        assert_eq!(0.0f64.fmin(-0.0).to_bits(), (-0.0f64).to_bits());
    }
}
