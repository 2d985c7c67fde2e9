//! `storage`, `tariff.demandChargeYuanPerKwMonth` and the capacity charge
//! (`tariff.capacityChargeYuanPerKvaMonth` on `tariff.transformerKva`) checked and resolved: every
//! default from [`super::defaults`], percentages as fractions; nothing clamped.

use super::defaults as d;
use crate::calendar::DAYS;
use crate::check::{
    between, conflict, missing, optional, optional_between, out_of_range, positive,
};
use crate::decimal::dec;
use crate::error::{codes, ScenarioError};
use crate::load::HourlyLoad;
use crate::scenario::{Scenario, UsageMode};
use crate::storage::{Battery, DispatchMode, Replacement};

/// The battery of `s` (lifetime `years`).
pub fn battery(
    s: &Scenario,
    years: u32,
    load: Option<&HourlyLoad>,
    usage_mode: UsageMode,
) -> Result<Option<Battery>, ScenarioError> {
    let Some(b) = &s.storage else {
        return Ok(None);
    };
    let energy_kwh = positive("storage.energyKwh", b.energy_kwh, 1e7)?;
    let power_kw = positive("storage.powerKw", b.power_kw, 1e7)?;
    if usage_mode == UsageMode::FullExport {
        return Err(conflict(
            "storage",
            "does not apply to usage.mode fullExport: a battery behind the meter needs self-use",
            "不适用于“全额上网”：表后储能需要自发自用",
        ));
    }
    if load.is_none() {
        return Err(ScenarioError::new(
            codes::MISSING_FIELD,
            "usage.load",
            "usage.load is required with storage: a battery behind the meter is dispatched hour by hour against the site's load",
            "配置储能时必须填写 usage.load：表后储能按逐时负荷调度",
        ));
    }
    let eta = optional(
        "storage.roundTripEfficiencyPct",
        b.round_trip_efficiency_pct,
        d::STORAGE_ROUND_TRIP_EFFICIENCY_PCT,
        |f, v| positive(f, v, 100.0),
    )?;
    let soc_min = optional_between(
        "storage.socMinPct",
        b.soc_min_pct,
        d::STORAGE_SOC_MIN_PCT,
        0.0,
        100.0,
    )?;
    let soc_max = optional_between(
        "storage.socMaxPct",
        b.soc_max_pct,
        d::STORAGE_SOC_MAX_PCT,
        0.0,
        100.0,
    )?;
    if soc_min >= soc_max {
        return Err(out_of_range(
            "storage.socMinPct",
            format!(
                "must be below storage.socMaxPct ({}) (got {})",
                dec(soc_max),
                dec(soc_min)
            ),
            format!(
                "必须小于 storage.socMaxPct（{}）（当前为 {}）",
                dec(soc_max),
                dec(soc_min)
            ),
        ));
    }
    let auxiliary_kw = optional_between(
        "storage.auxiliaryKw",
        b.auxiliary_kw,
        d::STORAGE_AUXILIARY_KW,
        0.0,
        power_kw,
    )?;
    let calendar = optional_between(
        "storage.calendarFadePctPerYear",
        b.calendar_fade_pct_per_year,
        d::STORAGE_CALENDAR_FADE_PCT_PER_YEAR,
        0.0,
        10.0,
    )?;
    let cycle = optional_between(
        "storage.cycleFadePctPerCycle",
        b.cycle_fade_pct_per_cycle,
        d::STORAGE_CYCLE_FADE_PCT_PER_CYCLE,
        0.0,
        0.1,
    )?;
    let replacement = match (b.replacement_year, b.end_of_life_pct) {
        (Some(_), Some(_)) => {
            return Err(conflict(
                "storage.endOfLifePct",
                "cannot be given with storage.replacementYear; give one or the other",
                "不能与 storage.replacementYear 同时填写，请二选一",
            ))
        }
        (Some(y), None) => {
            if y == 0 || y >= years {
                return Err(out_of_range(
                    "storage.replacementYear",
                    format!("must be a year from 1 to {} within the lifetime of {years} years (got {y})", years.saturating_sub(1)),
                    format!("须在寿命期 {years} 年之内，介于 1 与 {} 之间（当前为 {y}）", years.saturating_sub(1)),
                ));
            }
            Replacement::Year(y)
        }
        (None, eol) => Replacement::EndOfLife(
            optional_between(
                "storage.endOfLifePct",
                eol,
                d::STORAGE_END_OF_LIFE_PCT,
                1.0,
                99.0,
            )? / 100.0,
        ),
    };
    let money = |f: &str, v: Option<f64>, def: f64| optional_between(f, v, def, 0.0, 1e5);
    let dispatch = b.dispatch.unwrap_or(d::STORAGE_DISPATCH);
    let cycles_per_day = optional_between(
        "storage.cyclesPerDay",
        b.cycles_per_day,
        d::STORAGE_CYCLES_PER_DAY,
        0.1,
        24.0,
    )?;
    let peak_target_kw = match &b.peak_target_kw {
        None => None,
        Some(_) if dispatch != DispatchMode::PeakShaving => {
            return Err(conflict(
                "storage.peakTargetKw",
                "applies to storage.dispatch peakShaving only",
                "仅适用于 storage.dispatch 为 peakShaving 时",
            ))
        }
        Some(t) if t.len() != 12 => {
            return Err(ScenarioError::new(
                codes::INVALID_LENGTH,
                "storage.peakTargetKw",
                format!(
                    "storage.peakTargetKw must hold 12 targets, January first (got {})",
                    t.len()
                ),
                format!(
                    "storage.peakTargetKw 须为 12 个月的目标值，自 1 月起（当前为 {} 个）",
                    t.len()
                ),
            ))
        }
        Some(t) => {
            let mut out = [0.0; 12];
            for (i, v) in t.iter().enumerate() {
                out[i] = between(&format!("storage.peakTargetKw[{i}]"), *v, 0.0, 1e7)?;
            }
            Some(out)
        }
    };
    let host_share = match &b.investor {
        None => None,
        Some(i) => Some(
            between(
                "storage.investor.hostSharePct",
                i.host_share_pct,
                0.0,
                100.0,
            )? / 100.0,
        ),
    };
    let grid_charging = b.grid_charging.unwrap_or(true);
    let battery = Battery {
        energy_kwh,
        power_kw,
        dispatch,
        round_trip_efficiency: eta / 100.0,
        soc_min: soc_min / 100.0,
        soc_max: soc_max / 100.0,
        auxiliary_kw,
        calendar_fade: calendar / 100.0,
        cycle_fade: cycle / 100.0,
        replacement,
        replacement_cost_yuan_per_kwh: money(
            "storage.replacementCostYuanPerKwh",
            b.replacement_cost_yuan_per_kwh,
            d::STORAGE_REPLACEMENT_COST_YUAN_PER_KWH,
        )?,
        capex_yuan_per_kwh: money(
            "storage.capexYuanPerKwh",
            b.capex_yuan_per_kwh,
            d::STORAGE_CAPEX_YUAN_PER_KWH,
        )?,
        capex_yuan_per_kw: money(
            "storage.capexYuanPerKw",
            b.capex_yuan_per_kw,
            d::STORAGE_CAPEX_YUAN_PER_KW,
        )?,
        om_share: optional_between(
            "storage.omPctOfCapex",
            b.om_pct_of_capex,
            d::STORAGE_OM_PCT_OF_CAPEX,
            0.0,
            100.0,
        )? / 100.0,
        grid_charging,
        cycles_per_day,
        peak_target_kw,
        host_share,
        day_of_year: match b.day_of_year {
            Some(d) if !(1..=DAYS as u32).contains(&d) => {
                return Err(out_of_range(
                    "storage.dayOfYear",
                    format!("must be a day of the year from 1 to {DAYS} (got {d})"),
                    format!("必须是一年中的第 1 至 {DAYS} 天（当前为 {d}）"),
                ))
            }
            d => d,
        },
    };
    Ok(Some(battery))
}

/// The basic charge by capacity: [yuan/kVA/month] and [kVA], each needing the other.
pub fn capacity_charge(s: &Scenario) -> Result<Option<(f64, f64)>, ScenarioError> {
    let t = s.tariff.as_ref();
    let (rate, kva) = (
        t.and_then(|t| t.capacity_charge_yuan_per_kva_month),
        t.and_then(|t| t.transformer_kva),
    );
    let needs = |field: &str, other: &str| {
        let mut e = missing(field);
        e.message = format!(
            "{field} is required with {other}: the capacity charge is the rate per kVA times the transformer's kVA"
        );
        e.message_zh =
            format!("填写 {other} 时必须提供 {field}：按容量计收的基本电费 = 单价 × 变压器容量");
        e
    };
    match (rate, kva) {
        (None, None) => Ok(None),
        (Some(_), None) => Err(needs(
            "tariff.transformerKva",
            "tariff.capacityChargeYuanPerKvaMonth",
        )),
        (None, Some(_)) => Err(needs(
            "tariff.capacityChargeYuanPerKvaMonth",
            "tariff.transformerKva",
        )),
        (Some(r), Some(k)) => Ok(Some((
            positive("tariff.capacityChargeYuanPerKvaMonth", r, 1000.0)?,
            positive("tariff.transformerKva", k, 10_000_000.0)?,
        ))),
    }
}

/// `tariff.demandChargeYuanPerKwMonth` [yuan/kW/month]: it needs an hourly load.
pub fn demand_charge(
    s: &Scenario,
    load: Option<&HourlyLoad>,
) -> Result<Option<f64>, ScenarioError> {
    let Some(v) = s
        .tariff
        .as_ref()
        .and_then(|t| t.demand_charge_yuan_per_kw_month)
    else {
        return Ok(None);
    };
    let v = positive("tariff.demandChargeYuanPerKwMonth", v, 1000.0)?;
    if load.is_none() {
        let mut e = missing("usage.load");
        e.message = "usage.load is required with tariff.demandChargeYuanPerKwMonth: the demand charge is on the month's largest hourly grid draw".into();
        e.message_zh = "填写 tariff.demandChargeYuanPerKwMonth 时必须提供 usage.load：需量电费按每月最大逐时取电功率计收".into();
        return Err(e);
    }
    Ok(Some(v))
}
