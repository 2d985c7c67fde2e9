//! Distributed-PV project categories and the connection modes each may choose, per NEA
//! 《分布式光伏发电开发建设管理办法》(国能发新能规〔2025〕7号, January 2025), Articles 3 and 15 as
//! summarised in public reports (to confirm against the text):
//! - 自然人户用 natural-person household and 非自然人户用 non-natural-person household: full export,
//!   self-use with surplus export, or full self-use;
//! - 一般工商业 general commercial/industrial: connected at ≤ 10 kV (20 kV where the grid has it),
//!   total capacity ≤ 6 MW; full self-use or self-use with surplus export (the province may set a
//!   minimum self-use share);
//! - 大型工商业 large commercial/industrial: 35 kV and ≤ 20 MW, or 110 kV (66 kV) and ≤ 50 MW; full
//!   self-use in principle, surplus export only where the provincial spot market runs.
//!
//! The capacity compared is the DC capacity [kWp] (the measures speak of 装机容量; to confirm whether
//! AC or DC is meant).

use serde::Serialize;

/// A project category under the 2025 measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Category {
    /// 自然人户用.
    NaturalPersonHousehold,
    /// 非自然人户用.
    NonNaturalPersonHousehold,
    /// 一般工商业.
    GeneralCommercial,
    /// 大型工商业.
    LargeCommercial,
}
crate::from_json_enum!(Category {
    NaturalPersonHousehold: "naturalPersonHousehold",
    NonNaturalPersonHousehold: "nonNaturalPersonHousehold",
    GeneralCommercial: "generalCommercial",
    LargeCommercial: "largeCommercial",
});

/// General C&I: largest capacity [kWp] and connection voltage [kV].
pub const GENERAL_MAX_KWP: f64 = 6_000.0;
pub const GENERAL_MAX_KV: f64 = 20.0;
/// Non-natural-person household: largest capacity [kWp] and voltage [kV] (same limits as general C&I
/// but at most 10 kV).
pub const HOUSEHOLD_MAX_KV: f64 = 10.0;
/// Large C&I at 35 kV: largest capacity [kWp]; at 66/110 kV: largest capacity [kWp] and voltage [kV].
pub const LARGE_35KV_MAX_KWP: f64 = 20_000.0;
pub const LARGE_MAX_KWP: f64 = 50_000.0;
pub const LARGE_MAX_KV: f64 = 110.0;

/// Whether a category may choose a mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowed {
    Yes,
    No,
    /// Only where the province's spot market runs (large C&I surplus export).
    WhereSpotMarketRuns,
}

impl Category {
    /// The English and Chinese name.
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            Category::NaturalPersonHousehold => ("natural-person household", "自然人户用"),
            Category::NonNaturalPersonHousehold => ("non-natural-person household", "非自然人户用"),
            Category::GeneralCommercial => ("general commercial/industrial", "一般工商业"),
            Category::LargeCommercial => ("large commercial/industrial", "大型工商业"),
        }
    }
}

/// Why a category does not fit the capacity or the voltage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Misfit {
    /// Capacity above the category's limit [kWp].
    Capacity { max_kwp: f64 },
    /// Connection voltage above the category's limit [kV].
    Voltage { max_kv: f64 },
    /// Large C&I connected below 35 kV.
    VoltageBelow { min_kv: f64 },
    /// Too large for any distributed category (a utility-scale plant) [kWp].
    NotDistributed { max_kwp: f64 },
}

/// The category of a non-household project of `capacity_kwp` connected at `voltage_kv` (unknown:
/// the smallest that fits): general C&I up to 6 MW at ≤ 20 kV, else large C&I.
pub fn infer(capacity_kwp: f64, voltage_kv: Option<f64>) -> Result<Category, Misfit> {
    let over_general =
        capacity_kwp > GENERAL_MAX_KWP || voltage_kv.is_some_and(|v| v > GENERAL_MAX_KV);
    if !over_general {
        return Ok(Category::GeneralCommercial);
    }
    check(
        Category::LargeCommercial,
        capacity_kwp,
        voltage_kv.or(Some(35.0)),
    )
    .map(|()| Category::LargeCommercial)
}

/// Whether `category` fits `capacity_kwp` and `voltage_kv` (when known).
pub fn check(category: Category, capacity_kwp: f64, voltage_kv: Option<f64>) -> Result<(), Misfit> {
    let (max_kwp, max_kv) = match category {
        Category::NaturalPersonHousehold | Category::NonNaturalPersonHousehold => {
            (GENERAL_MAX_KWP, HOUSEHOLD_MAX_KV)
        }
        Category::GeneralCommercial => (GENERAL_MAX_KWP, GENERAL_MAX_KV),
        Category::LargeCommercial => {
            if voltage_kv.is_some_and(|v| v < 35.0) {
                return Err(Misfit::VoltageBelow { min_kv: 35.0 });
            }
            let max = if voltage_kv.is_some_and(|v| v > 35.0) {
                LARGE_MAX_KWP
            } else {
                LARGE_35KV_MAX_KWP
            };
            if capacity_kwp > LARGE_MAX_KWP {
                return Err(Misfit::NotDistributed {
                    max_kwp: LARGE_MAX_KWP,
                });
            }
            (max, LARGE_MAX_KV)
        }
    };
    if voltage_kv.is_some_and(|v| v > max_kv) {
        return Err(Misfit::Voltage { max_kv });
    }
    if capacity_kwp > max_kwp {
        return Err(Misfit::Capacity { max_kwp });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::check::allows;
    use crate::scenario::UsageMode;

    #[test]
    fn a_4_mw_roof_at_10_kv_is_general_commercial() {
        assert_eq!(infer(4_000.0, Some(10.0)), Ok(Category::GeneralCommercial));
        assert_eq!(infer(6_000.0, None), Ok(Category::GeneralCommercial));
    }

    #[test]
    fn above_6_mw_or_20_kv_is_large_and_above_50_mw_is_not_distributed() {
        assert_eq!(infer(6_001.0, None), Ok(Category::LargeCommercial));
        assert_eq!(infer(3_000.0, Some(35.0)), Ok(Category::LargeCommercial));
        assert_eq!(infer(30_000.0, Some(110.0)), Ok(Category::LargeCommercial));
        // 30 MW at 35 kV exceeds the 20 MW limit of that voltage.
        assert_eq!(
            infer(30_000.0, Some(35.0)),
            Err(Misfit::Capacity { max_kwp: 20_000.0 })
        );
        assert_eq!(
            infer(60_000.0, Some(110.0)),
            Err(Misfit::NotDistributed { max_kwp: 50_000.0 })
        );
    }

    #[test]
    fn a_stated_category_must_fit_capacity_and_voltage() {
        assert_eq!(
            check(Category::GeneralCommercial, 8_000.0, Some(10.0)),
            Err(Misfit::Capacity { max_kwp: 6_000.0 })
        );
        assert_eq!(
            check(Category::GeneralCommercial, 4_000.0, Some(35.0)),
            Err(Misfit::Voltage { max_kv: 20.0 })
        );
        assert_eq!(
            check(Category::LargeCommercial, 4_000.0, Some(10.0)),
            Err(Misfit::VoltageBelow { min_kv: 35.0 })
        );
        assert_eq!(
            check(Category::NonNaturalPersonHousehold, 500.0, Some(0.4)),
            Ok(())
        );
    }

    #[test]
    fn general_commercial_may_not_export_everything() {
        let g = Category::GeneralCommercial;
        assert_eq!(allows(g, UsageMode::FullExport), Allowed::No);
        assert_eq!(allows(g, UsageMode::SelfUseSurplus), Allowed::Yes);
        let l = Category::LargeCommercial;
        assert_eq!(
            allows(l, UsageMode::SelfUseSurplus),
            Allowed::WhereSpotMarketRuns
        );
        assert_eq!(allows(l, UsageMode::FullSelfUse), Allowed::Yes);
        assert_eq!(
            allows(Category::NaturalPersonHousehold, UsageMode::FullExport),
            Allowed::Yes
        );
    }
}
