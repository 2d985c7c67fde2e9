//! Range and presence checks of input values, each failing with a [`ScenarioError`] at the value's
//! JSON path (`field`): the bottom layer every reader and resolver uses. Nothing is clamped.

use crate::decimal::dec;
use crate::error::{codes, ScenarioError};

/// The error for NaN or ±Infinity at `field`.
pub fn not_finite(field: &str) -> ScenarioError {
    ScenarioError::new(
        codes::NOT_FINITE,
        field,
        format!("{field} must be a finite number (not NaN or Infinity)"),
        format!("{field} 必须是有限数值（不能是 NaN 或 Infinity）"),
    )
}

/// An `out_of_range` error at `field`; the messages follow the field name.
pub fn out_of_range(field: &str, en: String, zh: String) -> ScenarioError {
    ScenarioError::new(
        codes::OUT_OF_RANGE,
        field,
        format!("{field} {en}"),
        format!("{field} {zh}"),
    )
}

/// `v` for a message: at most 6 significant digits, an exponent beyond 10¹⁵ or below 10⁻⁴
/// (`1e300`, not its 301 digits).
pub fn num(v: f64) -> String {
    let a = v.abs();
    if !v.is_finite() || v == 0.0 {
        return dec(v).to_string();
    }
    // Rounded arithmetically and printed in the shortest form: precision formatting (`{:.5}`)
    // would pull the exact float printer into the .wasm.
    let exponent = a.log10().floor() as i32;
    let round = |x: f64, places: i32| {
        if places >= 0 {
            let unit = 10f64.powi(places);
            (x * unit).round() / unit
        } else {
            // Whole numbers below 2⁵³: the product is exact.
            let unit = 10f64.powi(-places);
            (x / unit).round() * unit
        }
    };
    if (-4..15).contains(&exponent) {
        dec(round(v, 5 - exponent)).to_string()
    } else {
        format!("{}e{exponent}", dec(round(v / 10f64.powi(exponent), 5)))
    }
}

/// `min ≤ v ≤ max`.
pub fn between(field: &str, v: f64, min: f64, max: f64) -> Result<f64, ScenarioError> {
    if !v.is_finite() {
        return Err(not_finite(field));
    }
    if v < min || v > max {
        let (min, max) = (dec(min), dec(max));
        return Err(out_of_range(
            field,
            format!("must be between {min} and {max} (got {})", num(v)),
            format!("必须在 {min} 到 {max} 之间（当前为 {}）", num(v)),
        ));
    }
    Ok(v)
}

/// `0 < v ≤ max`.
pub fn positive(field: &str, v: f64, max: f64) -> Result<f64, ScenarioError> {
    if !v.is_finite() {
        return Err(not_finite(field));
    }
    if v <= 0.0 || v > max {
        let max = dec(max);
        return Err(out_of_range(
            field,
            format!("must be greater than 0 and at most {max} (got {})", num(v)),
            format!("必须大于 0 且不超过 {max}（当前为 {}）", num(v)),
        ));
    }
    Ok(v)
}

/// `v` checked by `check`, or `default` when absent.
pub fn optional(
    field: &str,
    v: Option<f64>,
    default: f64,
    check: impl Fn(&str, f64) -> Result<f64, ScenarioError>,
) -> Result<f64, ScenarioError> {
    v.map_or(Ok(default), |v| check(field, v))
}

/// `v` in [`min`, `max`] ([`between`]), or `default` when absent.
pub fn optional_between(
    field: &str,
    v: Option<f64>,
    default: f64,
    min: f64,
    max: f64,
) -> Result<f64, ScenarioError> {
    optional(field, v, default, |f, v| between(f, v, min, max))
}

/// A `missing_field` error at `field`.
pub fn missing(field: &str) -> ScenarioError {
    ScenarioError::new(
        codes::MISSING_FIELD,
        field,
        format!("{field} is required"),
        format!("缺少必填项 {field}"),
    )
}

/// `v`, or a `missing_field` error at `field`.
pub fn required(field: &str, v: Option<f64>) -> Result<f64, ScenarioError> {
    v.ok_or_else(|| missing(field))
}

/// A `conflict` error at `field`.
pub fn conflict(field: &str, en: &str, zh: &str) -> ScenarioError {
    ScenarioError::new(
        codes::CONFLICT,
        field,
        format!("{field}: {en}"),
        format!("{field}：{zh}"),
    )
}

/// A field that belongs to another choice of `selector` must be absent.
pub fn unused(field: &str, present: bool, selector: &str) -> Result<(), ScenarioError> {
    if present {
        return Err(conflict(
            field,
            &format!("does not apply to the chosen {selector}; remove it or change {selector}"),
            &format!("不适用于所选的 {selector}，请删除或更改 {selector}"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::num;

    #[test]
    fn numbers_in_messages_have_six_significant_digits() {
        let cases = [
            (1e300, "1e300"),
            (-2.5e-18, "-2.5e-18"),
            (1241.6, "1241.6"),
            (0.1 + 0.2, "0.3"),
            (123456789.0, "123457000"),
            (360.0, "360"),
            (0.0, "0"),
            (4e14 + 0.3, "400000000000000"),
            (1.23456789e-7, "1.23457e-7"),
        ];
        for (v, text) in cases {
            assert_eq!(num(v), text, "{v}");
        }
    }
}
