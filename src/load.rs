//! The site's electricity consumption over the reference year ([`crate::calendar`]), hour by hour
//! [kWh], from one of three descriptions (`usage.load.kind`):
//! - `intervalCsv`: a year of measured interval data ([`interval`]), utility exports first put in its
//!   form ([`exports`]);
//! - `monthly`: twelve monthly totals laid over each month by a typical profile ([`profiles`]);
//! - `typical`: a typical profile scaled to an annual consumption ([`profiles`]).
//!
//! The same load is used in every year of the lifetime.

// Input text is never cut at a byte index (a multi-byte character there would panic).
#![deny(clippy::string_slice)]

pub mod exports;
pub mod interval;
pub mod profiles;

use serde::Serialize;

use crate::check::{between, missing, positive, unused};
use crate::diag::Warning;
use crate::error::{codes, ScenarioError};
use crate::scenario::{Load, LoadKind, LoadUnit, TypicalProfile};

/// What the report says about the load it used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoadSummary {
    pub kind: LoadKind,
    /// `monthly`, `typical`: the profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<TypicalProfile>,
    /// Consumption over the year [kWh].
    pub annual_kwh: f64,
    /// Highest hourly consumption [kWh in one hour = mean kW].
    pub peak_kw: f64,
    /// `intervalCsv`: minutes between rows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step_minutes: Option<u32>,
    /// `intervalCsv`: data rows read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<u32>,
    /// `intervalCsv`: the unit the values were read in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<LoadUnit>,
}

/// A load resolved to hours.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyLoad {
    /// Consumption of each hour of the reference year [kWh].
    pub hourly_kwh: Vec<f64>,
    pub summary: LoadSummary,
    pub warnings: Vec<Warning>,
}

/// Checks `load` and lays it over the hours of the reference year.
pub fn resolve(load: &Load) -> Result<HourlyLoad, ScenarioError> {
    let kind = "usage.load.kind";
    let (hourly_kwh, mut summary, warnings) = match load.kind {
        LoadKind::IntervalCsv => {
            unused("usage.load.kwh", load.kwh.is_some(), kind)?;
            unused("usage.load.profile", load.profile.is_some(), kind)?;
            unused("usage.load.annualKwh", load.annual_kwh.is_some(), kind)?;
            let text = load
                .text
                .as_deref()
                .ok_or_else(|| missing("usage.load.text"))?;
            // The caps first: the export layouts are recognised line by line.
            interval::check_bounds(text)?;
            let (text, layout) = exports::recognise(text)?;
            let mut r = interval::parse(&text, load.unit, load.column.as_ref())?;
            r.warnings.extend(layout);
            let summary = LoadSummary {
                kind: load.kind,
                profile: None,
                annual_kwh: 0.0,
                peak_kw: 0.0,
                step_minutes: Some(r.step_minutes),
                rows: Some(r.rows as u32),
                unit: Some(r.unit),
            };
            (r.hourly_kwh, summary, r.warnings)
        }
        LoadKind::Monthly => {
            unused("usage.load.text", load.text.is_some(), kind)?;
            unused("usage.load.unit", load.unit.is_some(), kind)?;
            unused("usage.load.annualKwh", load.annual_kwh.is_some(), kind)?;
            unused("usage.load.column", load.column.is_some(), kind)?;
            let kwh = load.kwh.as_ref().ok_or_else(|| missing("usage.load.kwh"))?;
            let profile = load.profile.ok_or_else(|| missing("usage.load.profile"))?;
            let months: [f64; 12] = kwh.as_slice().try_into().map_err(|_| {
                ScenarioError::new(
                    codes::INVALID_LENGTH,
                    "usage.load.kwh",
                    format!(
                        "usage.load.kwh must hold 12 monthly totals, January first (got {})",
                        kwh.len()
                    ),
                    format!(
                        "usage.load.kwh 须为 12 个月的用电量，从 1 月开始（当前为 {} 个）",
                        kwh.len()
                    ),
                )
            })?;
            for (i, &v) in months.iter().enumerate() {
                between(&format!("usage.load.kwh[{i}]"), v, 0.0, 1e11)?;
            }
            if months.iter().all(|&v| v == 0.0) {
                return Err(ScenarioError::new(
                    codes::OUT_OF_RANGE,
                    "usage.load.kwh",
                    "usage.load.kwh: the consumption is zero in every month",
                    "usage.load.kwh：每月用电量均为零",
                ));
            }
            let summary = LoadSummary {
                kind: load.kind,
                profile: Some(profile),
                annual_kwh: 0.0,
                peak_kw: 0.0,
                step_minutes: None,
                rows: None,
                unit: None,
            };
            (profiles::monthly(profile, &months), summary, Vec::new())
        }
        LoadKind::Typical => {
            unused("usage.load.text", load.text.is_some(), kind)?;
            unused("usage.load.unit", load.unit.is_some(), kind)?;
            unused("usage.load.kwh", load.kwh.is_some(), kind)?;
            unused("usage.load.column", load.column.is_some(), kind)?;
            let profile = load.profile.ok_or_else(|| missing("usage.load.profile"))?;
            let field = "usage.load.annualKwh";
            let annual = positive(field, load.annual_kwh.ok_or_else(|| missing(field))?, 1e12)?;
            let summary = LoadSummary {
                kind: load.kind,
                profile: Some(profile),
                annual_kwh: 0.0,
                peak_kw: 0.0,
                step_minutes: None,
                rows: None,
                unit: None,
            };
            (profiles::typical(profile, annual), summary, Vec::new())
        }
    };
    summary.annual_kwh = hourly_kwh.iter().sum();
    summary.peak_kw = hourly_kwh.iter().copied().fold(0.0, f64::max);
    Ok(HourlyLoad {
        hourly_kwh,
        summary,
        warnings,
    })
}
