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

/// `min ≤ v ≤ max`.
pub fn between(field: &str, v: f64, min: f64, max: f64) -> Result<f64, ScenarioError> {
    if !v.is_finite() {
        return Err(not_finite(field));
    }
    if v < min || v > max {
        let (min, max, v) = (dec(min), dec(max), dec(v));
        return Err(out_of_range(
            field,
            format!("must be between {min} and {max} (got {v})"),
            format!("必须在 {min} 到 {max} 之间（当前为 {v}）"),
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
        let (max, v) = (dec(max), dec(v));
        return Err(out_of_range(
            field,
            format!("must be greater than 0 and at most {max} (got {v})"),
            format!("必须大于 0 且不超过 {max}（当前为 {v}）"),
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
