//! Checks the scenario's `project` and `tariff.export` against the 2025 rules and resolves them:
//! the category (stated or inferred), the commissioning date, the province, the export-price rule.

use serde::Serialize;

use crate::check::{between, conflict, missing, out_of_range, positive};
use crate::decimal::{dec, fixed};
use crate::diag::Warning;
use crate::error::{codes, ScenarioError};
use crate::rules::category::{self, Allowed, Category, Misfit};
use crate::rules::export_price::{self, ExportRule, MarketPrice, Mechanism, RuleKind};
use crate::rules::provinces::{self, Province};
use crate::scenario::{ExportTariff, Scenario, UsageMode};

/// The project as resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectInputs {
    /// `None` for a plant too large for any distributed category, when no project is described.
    pub category: Option<Category>,
    /// True when the category came from the capacity and voltage, not from the scenario.
    pub category_inferred: bool,
    pub commissioning: Option<(u32, u32, u32)>,
    pub province: Option<Province>,
}

fn misfit_error(c: Category, m: Misfit, capacity_kwp: f64, kv: Option<f64>) -> ScenarioError {
    let (en, zh) = c.names();
    let (capacity_kwp, kv) = (dec(capacity_kwp), dec(kv.unwrap_or(0.0)));
    let (why_en, why_zh) = match m {
        Misfit::Capacity { max_kwp } => (
            format!("{capacity_kwp} kWp is above its {max_kwp} kWp limit", max_kwp = dec(max_kwp)),
            format!("{capacity_kwp} kWp 超过其 {max_kwp} kWp 上限", max_kwp = dec(max_kwp)),
        ),
        Misfit::Voltage { max_kv } => (
            format!("a {kv} kV connection is above its {max_kv} kV limit", max_kv = dec(max_kv)),
            format!("{kv} kV 接入电压超过其 {max_kv} kV 上限", max_kv = dec(max_kv)),
        ),
        Misfit::VoltageBelow { min_kv } => (
            format!("it connects at {min_kv} kV or above (given {kv} kV)", min_kv = dec(min_kv)),
            format!("须以 {min_kv} kV 及以上电压接入（当前为 {kv} kV）", min_kv = dec(min_kv)),
        ),
        Misfit::NotDistributed { max_kwp } => (
            format!(
                "{capacity_kwp} kWp is above the {max_kwp} kWp of any distributed project (a utility plant)",
                max_kwp = dec(max_kwp)
            ),
            format!("{capacity_kwp} kWp 超过分布式光伏 {max_kwp} kWp 的上限（属于集中式电站）", max_kwp = dec(max_kwp)),
        ),
    };
    ScenarioError::new(
        codes::CONFLICT,
        "project.category",
        format!("project.category {en} does not fit the project under NEA Guo Neng Fa Xin Neng Gui [2025] No. 7: {why_en}"),
        format!("project.category {zh} 与项目不符（国能发新能规〔2025〕7号）：{why_zh}"),
    )
}

/// Resolves `project` for a system of `capacity_kwp` used in `mode`. A mode the category may not
/// choose is an error when the project is described (category or date given), a warning otherwise.
pub fn project(
    s: &Scenario,
    capacity_kwp: f64,
    mode: UsageMode,
    warnings: &mut Vec<Warning>,
) -> Result<ProjectInputs, ScenarioError> {
    let p = s.project.clone().unwrap_or_default();
    let kv = p
        .connection_voltage_kv
        .map(|v| positive("project.connectionVoltageKv", v, 1000.0))
        .transpose()?;
    let commissioning = match &p.commissioning_date {
        None => None,
        Some(t) => Some(export_price::parse_date(t).ok_or_else(|| {
            ScenarioError::new(
                codes::INVALID_TYPE,
                "project.commissioningDate",
                format!(
                    "project.commissioningDate must be a date YYYY-MM-DD that exists (got \"{t}\")"
                ),
                format!("project.commissioningDate 须为存在的日期 YYYY-MM-DD（当前为 \"{t}\"）"),
            )
        })?),
    };
    let province = match &p.province {
        None => None,
        Some(id) => Some(provinces::province(id).ok_or_else(|| {
            let ids: Vec<&str> = provinces::provinces().iter().map(|p| p.id).collect();
            ScenarioError::new(
                codes::UNKNOWN_PRESET,
                "project.province",
                format!(
                    "project.province \"{id}\" is not known; known: {}",
                    ids.join(", ")
                ),
                format!("project.province \"{id}\" 未知；可选：{}", ids.join("、")),
            )
        })?),
    };
    let described = s.project.is_some();
    let (category, inferred) = match p.category {
        Some(c) => {
            category::check(c, capacity_kwp, kv)
                .map_err(|m| misfit_error(c, m, capacity_kwp, kv))?;
            (c, false)
        }
        None => match category::infer(capacity_kwp, kv) {
            Ok(c) => (c, true),
            Err(m) if described => {
                return Err(misfit_error(Category::LargeCommercial, m, capacity_kwp, kv))
            }
            // A plant above every distributed category, described by its capacity only.
            Err(_) => {
                return Ok(ProjectInputs {
                    category: None,
                    category_inferred: true,
                    commissioning,
                    province,
                })
            }
        },
    };
    let done = ProjectInputs {
        category: Some(category),
        category_inferred: inferred,
        commissioning,
        province,
    };
    // The measures apply to projects of 2025 on; a stated category is checked whatever the date.
    if commissioning.is_some_and(|d| d < MEASURES_FROM) && p.category.is_none() {
        return Ok(done);
    }
    let strict = p.category.is_some() || commissioning.is_some();
    let (cat_en, cat_zh) = category.names();
    match allows(category, mode) {
        Allowed::Yes => {}
        Allowed::No if strict => {
            return Err(ScenarioError::new(
                codes::NOT_ALLOWED,
                "usage.mode",
                format!("usage.mode: a {cat_en} project may not choose this connection mode under NEA Guo Neng Fa Xin Neng Gui [2025] No. 7 (full self-use or self-use with surplus export only)"),
                format!("usage.mode：按国能发新能规〔2025〕7号，{cat_zh}项目不能选择此上网模式（仅可全部自发自用或自发自用、余电上网）"),
            ))
        }
        Allowed::No => warnings.push(Warning::new(
            "mode_not_allowed",
            format!("Under NEA Guo Neng Fa Xin Neng Gui [2025] No. 7 a {cat_en} project (inferred from the capacity) may not export everything; this holds for projects filed from 2025 on."),
            format!("按国能发新能规〔2025〕7号，{cat_zh}项目（按容量推断）不能全额上网；适用于 2025 年起备案的项目。"),
        )),
        Allowed::WhereSpotMarketRuns => {
            if !done.province.as_ref().is_some_and(|p| p.spot_market) {
                warnings.push(Warning::new(
                    "surplus_needs_spot_market",
                    "Large C&I projects may export their surplus only where the provincial spot market runs (NEA Guo Neng Fa Xin Neng Gui [2025] No. 7); check the province.",
                    "按国能发新能规〔2025〕7号，大型工商业项目仅在电力现货市场连续运行的省份可余电上网，请核对所在省份。",
                ));
            }
        }
    }
    Ok(done)
}

/// Projects commissioned from this date on are under the NEA 2025 measures (issued January 2025;
/// the exact start of their application to be confirmed).
pub const MEASURES_FROM: (u32, u32, u32) = (2025, 1, 1);

fn market_price(e: &ExportTariff) -> Result<MarketPrice, ScenarioError> {
    let f = "tariff.export";
    let given = [
        e.market_price_yuan_kwh.is_some(),
        e.market_price_by_month_yuan_kwh.is_some(),
        e.market_price_by_hour_yuan_kwh.is_some(),
    ];
    if given.iter().filter(|&&g| g).count() > 1 {
        return Err(conflict(
            &format!("{f}.marketPriceYuanKwh"),
            "give one market price: flat, by month or by hour",
            "市场电价只能填写一种：单一价格、分月或分时",
        ));
    }
    let list = |name: &str, v: &[f64], n: usize| -> Result<Vec<f64>, ScenarioError> {
        if v.len() != n {
            return Err(ScenarioError::new(
                codes::INVALID_LENGTH,
                format!("{f}.{name}"),
                format!("{f}.{name} must hold {n} prices (got {})", v.len()),
                format!("{f}.{name} 须为 {n} 个价格（当前为 {} 个）", v.len()),
            ));
        }
        v.iter()
            .enumerate()
            .map(|(i, &p)| between(&format!("{f}.{name}[{i}]"), p, 0.0, 10.0))
            .collect()
    };
    if let Some(p) = e.market_price_yuan_kwh {
        return Ok(MarketPrice::Flat(between(
            &format!("{f}.marketPriceYuanKwh"),
            p,
            0.0,
            10.0,
        )?));
    }
    if let Some(v) = &e.market_price_by_month_yuan_kwh {
        let v = list("marketPriceByMonthYuanKwh", v, 12)?;
        return Ok(MarketPrice::ByMonth(Box::new(std::array::from_fn(|i| {
            v[i]
        }))));
    }
    if let Some(v) = &e.market_price_by_hour_yuan_kwh {
        let v = list("marketPriceByHourYuanKwh", v, 24)?;
        return Ok(MarketPrice::ByHour(Box::new(std::array::from_fn(|i| v[i]))));
    }
    Err(missing(&format!("{f}.marketPriceYuanKwh")))
}

/// The export-price rule: `tariff.export` under Document 136 (mechanism figures not given taken
/// from the province), else one price (`exportPriceYuanKwh` or `default_yuan_kwh`).
pub fn export_rule(
    s: &Scenario,
    project: &ProjectInputs,
    years: u32,
    fixed_yuan_kwh: Option<f64>,
    default_yuan_kwh: f64,
    warnings: &mut Vec<Warning>,
) -> Result<ExportRule, ScenarioError> {
    let t = s.tariff.clone().unwrap_or_default();
    let Some(e) = &t.export else {
        if fixed_yuan_kwh.is_none()
            && project
                .commissioning
                .is_some_and(export_price::is_new_project)
        {
            warnings.push(Warning::new(
                "export_price_old_rule",
                "The project starts after 2025-06-01, when Document 136 sends exports to the market, yet its exports are priced at the coal benchmark: give tariff.export for the mechanism and market prices.",
                "项目于 2025-06-01 之后投产，按 136 号文上网电量应进入市场，但当前按燃煤基准价计价：请填写 tariff.export 的机制电价和市场电价。",
            ));
        }
        return Ok(ExportRule::Fixed {
            price_yuan_kwh: fixed_yuan_kwh.unwrap_or(default_yuan_kwh),
        });
    };
    if fixed_yuan_kwh.is_some() {
        return Err(conflict(
            "tariff.exportPriceYuanKwh",
            "cannot be given with tariff.export; give one or the other",
            "不能与 tariff.export 同时填写，请二选一",
        ));
    }
    let f = "tariff.export";
    let market = market_price(e)?;
    let new = project
        .commissioning
        .map_or(true, export_price::is_new_project);
    let facts =
        project
            .province
            .as_ref()
            .and_then(|p| if new { p.new_mechanism.clone() } else { None });
    let price = e
        .mechanism_price_yuan_kwh
        .or(facts.as_ref().and_then(|m| m.price_yuan_kwh))
        .map(|v| positive(&format!("{f}.mechanismPriceYuanKwh"), v, 10.0))
        .transpose()?;
    let share = e
        .mechanism_share_pct
        .or(facts.as_ref().and_then(|m| m.share_pct))
        .map(|v| between(&format!("{f}.mechanismSharePct"), v, 0.0, 100.0))
        .transpose()?;
    let term = e
        .mechanism_term_years
        .or(facts.as_ref().and_then(|m| m.term_years));
    if let Some(n) = term {
        if n == 0 || n > years {
            return Err(out_of_range(
                &format!("{f}.mechanismTermYears"),
                format!("must be between 1 and the lifetime of {years} years (got {n})"),
                format!("必须在 1 到寿命期 {years} 年之间（当前为 {n}）"),
            ));
        }
    }
    let mechanism = match (price, share, term) {
        (None, None, None) => None,
        (Some(p), Some(s), Some(n)) => Some(Mechanism {
            price_yuan_kwh: p,
            share: s / 100.0,
            term_years: n,
        }),
        _ => {
            let name = if price.is_none() {
                "mechanismPriceYuanKwh"
            } else if share.is_none() {
                "mechanismSharePct"
            } else {
                "mechanismTermYears"
            };
            return Err(missing(&format!("{f}.{name}")));
        }
    };
    if mechanism.is_none() {
        warnings.push(Warning::new(
            "no_mechanism",
            "No mechanism price: every exported kWh earns the market price.",
            "未设机制电价：全部上网电量按市场电价结算。",
        ));
    }
    Ok(ExportRule::Document136 {
        kind: if new {
            RuleKind::Document136New
        } else {
            RuleKind::Document136Existing
        },
        mechanism,
        market,
    })
}

/// The project as the report shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProjectSummary {
    /// Absent for a plant above every distributed category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category: Option<Category>,
    /// True when inferred from the capacity and voltage.
    pub category_inferred: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub commissioning_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
    /// The province's minimum self-use share of general C&I [%], when shipped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_self_use_share_pct: Option<f64>,
}

impl ProjectInputs {
    /// The minimum self-use share [%] that applies: the province's, for general C&I.
    pub fn minimum_self_use_share_pct(&self) -> Option<f64> {
        (self.category == Some(Category::GeneralCommercial))
            .then(|| {
                self.province
                    .as_ref()?
                    .minimum_self_use
                    .as_ref()
                    .map(|m| m.share_pct)
            })
            .flatten()
    }

    pub fn summary(&self) -> ProjectSummary {
        ProjectSummary {
            category: self.category,
            category_inferred: self.category_inferred,
            commissioning_date: self
                .commissioning
                .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
            province: self.province.as_ref().map(|p| p.id.to_string()),
            minimum_self_use_share_pct: self.minimum_self_use_share_pct(),
        }
    }

    /// A warning when the year-1 self-use share `share_pct` [%] falls below the province's minimum.
    pub fn minimum_share_warning(&self, share_pct: f64) -> Option<Warning> {
        let min = self.minimum_self_use_share_pct()?;
        let p = self.province.as_ref()?;
        let confirmed = p.minimum_self_use.as_ref().is_some_and(|m| m.confirmed);
        let mark = if confirmed {
            ""
        } else {
            " (figure to confirm)"
        };
        let mark_zh = if confirmed {
            ""
        } else {
            "（该比例待核实）"
        };
        (share_pct < min).then(|| {
            Warning::new(
                "below_minimum_self_use",
                format!(
                    "The first year's self-use share is {share_pct} %, below the {min} % that {} asks of general C&I projects{mark}.",
                    p.name_en,
                    share_pct = fixed(share_pct, 1),
                    min = fixed(min, 0),
                ),
                format!(
                    "首年自发自用比例为 {share_pct}%，低于{}对一般工商业项目要求的 {min}%{mark_zh}。",
                    p.name_zh,
                    share_pct = fixed(share_pct, 1),
                    min = fixed(min, 0),
                ),
            )
        })
    }
}

/// Whether a project of `category` may choose `mode` (Article 15 of the measures).
pub fn allows(category: Category, mode: UsageMode) -> Allowed {
    use Category::*;
    match (category, mode) {
        (NaturalPersonHousehold | NonNaturalPersonHousehold, _) => Allowed::Yes,
        (GeneralCommercial, UsageMode::FullExport) => Allowed::No,
        (GeneralCommercial, _) => Allowed::Yes,
        (LargeCommercial, UsageMode::FullSelfUse) => Allowed::Yes,
        (LargeCommercial, UsageMode::SelfUseSurplus) => Allowed::WhereSpotMarketRuns,
        (LargeCommercial, UsageMode::FullExport) => Allowed::No,
    }
}
