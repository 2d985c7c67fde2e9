//! Who owns the system and what owning it costs, with the defaults resolved (business models:
//! shared reference `china-factors.md` §4, costs §5).
//!
//! - **Owner** (业主自投): the site invests and keeps every yuan the PV saves or earns.
//! - **Third party** (合同能源管理, EMC): an investor owns the system, sells its power to the host at
//!   `discountPct` below the grid price (hour by hour under time-of-use prices), sells the surplus and
//!   pays the host a roof rent; the investor's investment and costs are `ownership.investor`.
//!
//! Either way the owner of the equipment has the same parts: investment, O&M (a fixed yuan/kWp/yr,
//! a share of the investment, or steps by year), an optional inverter replacement, an optional
//! loan and optional income tax.

use crate::error::ScenarioError;
use crate::scenario::{
    InverterReplacement, Investment, Loan, OmStep, Ownership, OwnershipKind, Tax,
};
use crate::validate::{
    between, conflict, missing, optional, out_of_range, positive, required, unused,
};

/// Default investment [yuan/W]: commercial rooftop 2024–25 costs 2.8–3.5 yuan/W; public
/// calculators use 2.9–3.0 (`china-factors.md` §5).
pub const DEFAULT_CAPEX_YUAN_PER_W: f64 = 3.0;
/// Default yearly O&M as a share of the investment [-] (`china-factors.md` §5: ≈1 % of capex per year).
pub const DEFAULT_OM_SHARE_OF_CAPEX: f64 = 0.01;
/// Default discount rate [%/yr].
pub const DEFAULT_DISCOUNT_RATE_PCT: f64 = 6.0;
/// Default straight-line depreciation period [years] and residual value [%] of PV plant: the usual
/// Chinese practice (20 years, 5 %); the income-tax rules set only minimum periods.
pub const DEFAULT_DEPRECIATION_YEARS: u32 = 20;
pub const DEFAULT_RESIDUAL_VALUE_PCT: f64 = 5.0;
/// 城市维护建设税 in a city [% of the VAT paid] (城市维护建设税法 2021: 7 / 5 / 1 %).
pub const DEFAULT_CITY_MAINTENANCE_TAX_PCT: f64 = 7.0;
/// 教育费附加 3 % + 地方教育附加 2 % [% of the VAT paid].
pub const DEFAULT_EDUCATION_SURCHARGE_PCT: f64 = 5.0;
/// Years a tax loss may be carried forward (Enterprise Income Tax Law, Art. 18).
pub const LOSS_CARRY_FORWARD_YEARS: usize = 5;

/// Stepped O&M of NB/T 11894-2025 as transcribed in a public repository (to confirm): 10 / 18 / 28 / 32
/// yuan/kWp/yr in years 1–5 / 6–10 / 11–20 / 21–25 (`china-factors.md` §5).
pub const NBT_11894_OM_STEPS: [OmStep; 4] = [
    OmStep {
        from_year: 1,
        yuan_per_kwp_year: 10.0,
    },
    OmStep {
        from_year: 6,
        yuan_per_kwp_year: 18.0,
    },
    OmStep {
        from_year: 11,
        yuan_per_kwp_year: 28.0,
    },
    OmStep {
        from_year: 21,
        yuan_per_kwp_year: 32.0,
    },
];

/// Operation and maintenance.
#[derive(Debug, Clone, PartialEq)]
pub enum Om {
    /// [yuan/kWp/yr].
    PerKwp(f64),
    /// Share of the investment per year [-].
    ShareOfCapex(f64),
    /// Steps by year, the first from year 1.
    Steps(Vec<OmStep>),
}

impl Om {
    /// O&M of year `year` (1-based) per kWp [yuan/kWp].
    pub fn yuan_per_kwp(&self, year: u32, capex_yuan_per_w: f64) -> f64 {
        match self {
            Om::PerKwp(v) => *v,
            Om::ShareOfCapex(s) => s * capex_yuan_per_w * 1000.0,
            Om::Steps(steps) => steps
                .iter()
                .rev()
                .find(|s| s.from_year <= year)
                .map_or(0.0, |s| s.yuan_per_kwp_year),
        }
    }
}

/// The investment and costs of the system's owner, defaults resolved; fractions [-].
#[derive(Debug, Clone, PartialEq)]
pub struct Finance {
    pub capex_yuan_per_w: f64,
    pub om: Om,
    pub discount_rate: f64,
    pub inverter: Option<InverterReplacement>,
    pub loan: Option<Loan>,
    /// With its defaults filled in.
    pub tax: Option<Tax>,
}

/// Ownership with its defaults resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnershipModel {
    Owner(Finance),
    ThirdParty {
        /// Discount of the host's price for PV power [-].
        discount: f64,
        roof_rent_yuan_year: f64,
        investor: Finance,
    },
}

impl OwnershipModel {
    pub fn kind(&self) -> OwnershipKind {
        match self {
            OwnershipModel::Owner(_) => OwnershipKind::Owner,
            OwnershipModel::ThirdParty { .. } => OwnershipKind::ThirdParty,
        }
    }

    /// The finance of whoever owns the equipment.
    pub fn finance(&self) -> &Finance {
        match self {
            OwnershipModel::Owner(f) => f,
            OwnershipModel::ThirdParty { investor, .. } => investor,
        }
    }
}

/// Checks an investment at JSON path prefix `p` (`ownership.` or `ownership.investor.`) for a
/// lifetime of `years`.
fn finance(i: &Investment, p: &str, years: u32) -> Result<Finance, ScenarioError> {
    let capex = optional(
        &format!("{p}capexYuanPerW"),
        i.capex_yuan_per_w,
        DEFAULT_CAPEX_YUAN_PER_W,
        |f, v| between(f, v, 0.0, 50.0),
    )?;
    let given = [
        ("omYuanPerKwpYear", i.om_yuan_per_kwp_year.is_some()),
        ("omPctOfCapex", i.om_pct_of_capex.is_some()),
        ("omSteps", i.om_steps.is_some()),
    ];
    let named: Vec<&str> = given.iter().filter(|g| g.1).map(|g| g.0).collect();
    if named.len() > 1 {
        return Err(conflict(
            &format!("{p}{}", named[1]),
            &format!("give only one of {p}omYuanPerKwpYear, {p}omPctOfCapex and {p}omSteps"),
            &format!("{p}omYuanPerKwpYear、{p}omPctOfCapex、{p}omSteps 只能填写其一"),
        ));
    }
    let om = if let Some(v) = i.om_yuan_per_kwp_year {
        Om::PerKwp(between(&format!("{p}omYuanPerKwpYear"), v, 0.0, 1000.0)?)
    } else if let Some(v) = i.om_pct_of_capex {
        Om::ShareOfCapex(between(&format!("{p}omPctOfCapex"), v, 0.0, 20.0)? / 100.0)
    } else if let Some(steps) = &i.om_steps {
        let field = format!("{p}omSteps");
        if steps.is_empty() {
            return Err(ScenarioError::new(
                crate::error::codes::INVALID_LENGTH,
                field.clone(),
                format!("{field} must hold at least one step"),
                format!("{field} 至少需要一个阶段"),
            ));
        }
        for (k, s) in steps.iter().enumerate() {
            let f = format!("{field}[{k}].fromYear");
            if k == 0 && s.from_year != 1 {
                return Err(out_of_range(
                    &f,
                    format!(
                        "must be 1: the first step starts in year 1 (got {})",
                        s.from_year
                    ),
                    format!("必须为 1：第一阶段从第 1 年开始（当前为 {}）", s.from_year),
                ));
            }
            if k > 0 && s.from_year <= steps[k - 1].from_year {
                return Err(out_of_range(
                    &f,
                    format!(
                        "must be later than the previous step's {} (got {})",
                        steps[k - 1].from_year,
                        s.from_year
                    ),
                    format!(
                        "必须晚于上一阶段的第 {} 年（当前为 {}）",
                        steps[k - 1].from_year,
                        s.from_year
                    ),
                ));
            }
            if s.from_year > years {
                return Err(out_of_range(
                    &f,
                    format!(
                        "is after the lifetime of {years} years (got {})",
                        s.from_year
                    ),
                    format!("超出 {years} 年的运营年限（当前为 {}）", s.from_year),
                ));
            }
            between(
                &format!("{field}[{k}].yuanPerKwpYear"),
                s.yuan_per_kwp_year,
                0.0,
                1000.0,
            )?;
        }
        Om::Steps(steps.clone())
    } else {
        Om::ShareOfCapex(DEFAULT_OM_SHARE_OF_CAPEX)
    };
    let rate = optional(
        &format!("{p}discountRatePct"),
        i.discount_rate_pct,
        DEFAULT_DISCOUNT_RATE_PCT,
        |f, v| between(f, v, 0.0, 50.0),
    )?;
    let year_in_life = |field: &str, y: u32, what_en: &str, what_zh: &str| {
        if y < 1 || y > years {
            Err(out_of_range(
                field,
                format!("{what_en} must be within the lifetime, 1–{years} years (got {y})"),
                format!("{what_zh}须在运营年限 1–{years} 年之内（当前为 {y}）"),
            ))
        } else {
            Ok(())
        }
    };
    if let Some(inv) = &i.inverter_replacement {
        year_in_life(
            &format!("{p}inverterReplacement.year"),
            inv.year,
            "the year",
            "年份",
        )?;
        between(
            &format!("{p}inverterReplacement.costYuanPerW"),
            inv.cost_yuan_per_w,
            0.0,
            5.0,
        )?;
    }
    if let Some(l) = &i.loan {
        positive(&format!("{p}loan.sharePct"), l.share_pct, 100.0)?;
        between(&format!("{p}loan.ratePct"), l.rate_pct, 0.0, 30.0)?;
        year_in_life(
            &format!("{p}loan.years"),
            l.years,
            "the loan's term",
            "贷款期限",
        )?;
    }
    let tax = match &i.tax {
        None => None,
        Some(t) => {
            between(&format!("{p}tax.incomeTaxPct"), t.income_tax_pct, 0.0, 50.0)?;
            let dep = t.depreciation_years.unwrap_or(DEFAULT_DEPRECIATION_YEARS);
            if !(1..=50).contains(&dep) {
                return Err(out_of_range(
                    &format!("{p}tax.depreciationYears"),
                    format!("must be between 1 and 50 (got {dep})"),
                    format!("必须在 1 到 50 之间（当前为 {dep}）"),
                ));
            }
            let residual = optional(
                &format!("{p}tax.residualValuePct"),
                t.residual_value_pct,
                DEFAULT_RESIDUAL_VALUE_PCT,
                |f, v| between(f, v, 0.0, 50.0),
            )?;
            let vat = t
                .vat_pct
                .map(|v| between(&format!("{p}tax.vatPct"), v, 0.0, 20.0))
                .transpose()?;
            let given =
                |name: &str, v: Option<f64>, default: f64| -> Result<Option<f64>, ScenarioError> {
                    let f = format!("{p}tax.{name}");
                    if vat.is_none() && v.is_some() {
                        return Err(missing(&format!("{p}tax.vatPct")));
                    }
                    vat.map(|_| optional(&f, v, default, |f, v| between(f, v, 0.0, 20.0)))
                        .transpose()
                };
            let city = given(
                "cityMaintenanceTaxPct",
                t.city_maintenance_tax_pct,
                DEFAULT_CITY_MAINTENANCE_TAX_PCT,
            )?;
            let education = given(
                "educationSurchargePct",
                t.education_surcharge_pct,
                DEFAULT_EDUCATION_SURCHARGE_PCT,
            )?;
            Some(Tax {
                income_tax_pct: t.income_tax_pct,
                depreciation_years: Some(dep),
                residual_value_pct: Some(residual),
                tax_holiday: Some(t.tax_holiday.unwrap_or(false)),
                vat_pct: vat,
                city_maintenance_tax_pct: city,
                education_surcharge_pct: education,
            })
        }
    };
    Ok(Finance {
        capex_yuan_per_w: capex,
        om,
        discount_rate: rate / 100.0,
        inverter: i.inverter_replacement,
        loan: i.loan,
        tax,
    })
}

/// Checks the ownership of a scenario whose lifetime is `years` and resolves its defaults.
pub fn resolve(o: Option<&Ownership>, years: u32) -> Result<OwnershipModel, ScenarioError> {
    let Some(o) = o else {
        return Ok(OwnershipModel::Owner(finance(
            &Investment::default(),
            "ownership.",
            years,
        )?));
    };
    let kind = "ownership.kind";
    let own = Investment {
        capex_yuan_per_w: o.capex_yuan_per_w,
        om_yuan_per_kwp_year: o.om_yuan_per_kwp_year,
        om_pct_of_capex: o.om_pct_of_capex,
        om_steps: o.om_steps.clone(),
        discount_rate_pct: o.discount_rate_pct,
        inverter_replacement: o.inverter_replacement,
        loan: o.loan,
        tax: o.tax,
    };
    match o.kind {
        OwnershipKind::Owner => {
            unused("ownership.discountPct", o.discount_pct.is_some(), kind)?;
            unused(
                "ownership.roofRentYuanYear",
                o.roof_rent_yuan_year.is_some(),
                kind,
            )?;
            unused("ownership.investor", o.investor.is_some(), kind)?;
            Ok(OwnershipModel::Owner(finance(&own, "ownership.", years)?))
        }
        OwnershipKind::ThirdParty => {
            // The investor's figures belong in `ownership.investor`.
            for (name, present) in [
                ("capexYuanPerW", own.capex_yuan_per_w.is_some()),
                ("omYuanPerKwpYear", own.om_yuan_per_kwp_year.is_some()),
                ("omPctOfCapex", own.om_pct_of_capex.is_some()),
                ("omSteps", own.om_steps.is_some()),
                ("discountRatePct", own.discount_rate_pct.is_some()),
                ("inverterReplacement", own.inverter_replacement.is_some()),
                ("loan", own.loan.is_some()),
                ("tax", own.tax.is_some()),
            ] {
                if present {
                    return Err(conflict(
                        &format!("ownership.{name}"),
                        &format!(
                            "does not apply to the chosen ownership.kind (the host invests nothing); the investor's figures go in ownership.investor.{name}"
                        ),
                        &format!("不适用于所选的 ownership.kind（业主不投资）；投资方的参数请填写在 ownership.investor.{name}"),
                    ));
                }
            }
            let field = "ownership.discountPct";
            let discount = between(field, required(field, o.discount_pct)?, 0.0, 100.0)?;
            let rent = optional(
                "ownership.roofRentYuanYear",
                o.roof_rent_yuan_year,
                0.0,
                |f, v| between(f, v, 0.0, 1e9),
            )?;
            let investor = finance(
                &o.investor.clone().unwrap_or_default(),
                "ownership.investor.",
                years,
            )?;
            Ok(OwnershipModel::ThirdParty {
                discount: discount / 100.0,
                roof_rent_yuan_year: rent,
                investor,
            })
        }
    }
}
