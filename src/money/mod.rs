//! The money of a scenario: where each year's generation goes (by share, or hour by hour against a
//! load, an export limit and time-of-use prices), what it is worth to whom, and the cash flows with
//! their metrics (business models: shared reference `china-factors.md` §4).
//!
//! Year y's hours are year 1's × the degradation factor f(y), the load is the same each year,
//! purchase prices grow by `escalationPct` a year (p(y) = p(1)·(1 + e)^(y − 1)), from the year of a
//! time-of-use change on at the new tariff; an exported kWh earns the price of
//! [`crate::rules::export_price::ExportRule`] (one fixed price, or Document 136: mechanism share ×
//! mechanism price for the term plus the market price, which alone grows by
//! `exportEscalationPct`). With a load, an export limit or a time-of-use change every year is
//! matched hour by hour on its own; without (a linear split) year y's sums are year 1's × f(y).
//!
//! Cash-flow conventions (year 0 = the investment, cash flows at the end of years 1..N):
//! - owner: savings = self-used kWh × purchase price + exported kWh × export price; costs = O&M +
//!   inverter replacement + loan instalment (interest and principal) + income tax; year 0 = the
//!   investment less the loan;
//! - third-party host: savings = self-used kWh × purchase price × discount + roof rent; no costs;
//! - third-party investor: revenue = self-used kWh × purchase price × (1 − discount) + exported kWh ×
//!   export price; costs as the owner's plus the roof rent.
//!
//! Income tax: [`tax`]. The project IRR is that of the cash flow before financing and taxes. LCOE = (investment + Σ discounted
//! O&M and inverter) / Σ discounted delivered kWh (self-used + exported; curtailed energy is not
//! delivered). Prices are taken as the user pays and is paid them (VAT included); with `tax.vatPct`
//! the VAT on sales of power (exports; the EMC investor's sales to the host too) is paid once the
//! input VAT of the investment is used up, with its surcharges ([`crate::rules::vat`]), in the cash
//! flow and the project cash flow, and the income-tax base and depreciation are net of VAT.

mod cash_flow;
mod metrics;
mod parties;
mod storage;
mod tax;
mod years;

use crate::diag::Warning;
use crate::report::{ExportPricing, Money, PeriodMoney, UsageMethod, UsagePart, UsageTotals};
use crate::resolve::Inputs;
use crate::scenario::Period;
use crate::tariff::{hourly_periods, period_index, Purchase};
use crate::usage::{Bucket, YearSums};
use parties::Parties;
use years::Lifetime;

/// Usage and money of a scenario, with the energy delivered each year (for the emissions).
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub usage: UsageTotals,
    pub money: Money,
    /// Self-used + exported energy of each year 1..N [kWh].
    pub delivered_kwh: Vec<f64>,
    /// The battery, when one is given.
    pub storage: Option<crate::report::StorageReport>,
    pub warnings: Vec<Warning>,
}

/// Matches every year of the lifetime and computes the money. `annual_kwh` is year 1's generation;
/// `hours` the same by hour [kWh] (8,760 values), required when [`Inputs::needs_hours`]; without
/// them the year is split by the self-use share.
pub fn evaluate(inp: &Inputs, annual_kwh: f64, hours: Option<&[f64]>) -> Evaluation {
    let periods = match &inp.tariff.purchase {
        Purchase::TimeOfUse(t) => hourly_periods(t),
        Purchase::Flat(_) | Purchase::Monthly(_) => Vec::new(),
    };
    let life = years::match_lifetime(inp, annual_kwh, hours, &periods);
    let mut income = years::income(inp, &life);
    let demand = storage::pv_demand(inp, hours, &income.export_price_yuan_kwh);
    if let Some((by_year, _)) = &demand {
        income.demand_yuan.clone_from(by_year);
    }
    let mut warnings = Vec::new();
    let parties = parties::split(
        &inp.ownership,
        inp.capacity_kwp,
        &life.sums,
        &income,
        &mut warnings,
    );
    let pv_flows: Vec<f64> = parties.rows.iter().map(|r| r.net_cash_flow_yuan).collect();
    let battery = match (&inp.storage, hours) {
        (Some(b), Some(h)) => Some(storage::report(
            inp,
            b,
            h,
            &income.export_price_yuan_kwh,
            &pv_flows,
        )),
        _ => None,
    };
    if let (Some(b), Some(r)) = (&inp.storage, &battery) {
        if !b.grid_charging && r.first_year.charge_kwh <= 0.0 {
            warnings.push(Warning::new(
                "storage_never_charges",
                "storage.gridCharging is false and the PV never exceeds the load: the battery never charges.",
                "storage.gridCharging 为 false 且光伏从未超过负荷：储能始终无法充电。",
            ));
        }
    }
    let mut money = money(inp, &life.sums, &periods, parties, income.export_pricing);
    money.demand_charge = demand.map(|(_, mut d)| {
        if let Some(r) = &battery {
            d.with_pv_storage_yuan = Some(d.with_pv_yuan - r.first_year.demand_charge_yuan);
        }
        d
    });
    money.capacity_charge = storage::capacity_charge(inp, money.demand_charge.as_ref());
    if let Some(c) = &money.capacity_charge {
        let with = c.cheaper_with_pv_storage.or(c.cheaper_with_pv);
        if with == Some(crate::report::Billing::Capacity) {
            warnings.push(Warning::new(
                "capacity_billing_cheaper",
                "Billed by transformer capacity the basic charge is lower than by demand with the system: the demand-charge savings assume billing by demand; billed by capacity, PV and battery save no basic charge.",
                "有系统时按变压器容量计收基本电费低于按需量计收：需量电费节省以按需量计收为前提；若按容量计收，光伏和储能不节省基本电费。",
            ));
        }
    }
    let usage = usage(inp, &life, hours.is_some(), &mut warnings);
    Evaluation {
        usage,
        money,
        delivered_kwh: income.delivered_kwh,
        storage: battery,
        warnings,
    }
}

/// The returns of battery `b` resized to each power [kW] × duration [h], added to the PV of `inp`
/// (`hours`: year 1's PV by hour [kWh]).
pub fn sweep_storage(
    inp: &Inputs,
    b: &crate::storage::Battery,
    annual_kwh: f64,
    hours: &[f64],
    powers_kw: &[f64],
    durations_h: &[f64],
) -> Vec<crate::report::SweepPoint> {
    let periods = match &inp.tariff.purchase {
        Purchase::TimeOfUse(t) => hourly_periods(t),
        Purchase::Flat(_) | Purchase::Monthly(_) => Vec::new(),
    };
    let life = years::match_lifetime(inp, annual_kwh, Some(hours), &periods);
    let income = years::income(inp, &life);
    storage::sweep(
        inp,
        b,
        hours,
        &income.export_price_yuan_kwh,
        powers_kw,
        durations_h,
    )
}

/// The report's money: the party's rows and totals, the owner's metrics, year 1 by period.
fn money(
    inp: &Inputs,
    sums: &[YearSums],
    periods: &[u8],
    parties: Parties,
    export_pricing: ExportPricing,
) -> Money {
    let y1 = sums.first().copied().unwrap_or_default();
    let rows = parties.rows;
    let first_year = rows
        .iter()
        .find(|r| r.year == 1)
        .map_or(0.0, |r| r.savings_yuan);
    let by_period = match inp.tariff.period_prices() {
        Some(p) => Period::ALL
            .iter()
            .filter(|&&k| periods.iter().any(|&x| x as usize == period_index(k)))
            .map(|&k| {
                let i = period_index(k);
                PeriodMoney {
                    period: k,
                    price_yuan_kwh: p[i],
                    self_used_kwh: y1.self_used_by_period_kwh[i],
                    self_use_value_yuan: y1.self_use_value_by_period_yuan[i],
                }
            })
            .collect(),
        None => Vec::new(),
    };
    let owner = parties.owner;
    let m = owner.unwrap_or_default();
    Money {
        first_year_savings_yuan: first_year,
        lifetime_savings_yuan: rows.iter().map(|r| r.savings_yuan).sum(),
        npv_yuan: owner.map(|m| m.npv_yuan),
        irr_pct: m.irr_pct,
        payback_years: m.payback_years,
        lcoe_yuan_kwh: m.lcoe_yuan_kwh,
        discounted_payback_years: m.discounted_payback_years,
        project_irr_pct: m.project_irr_pct,
        investment_yuan: owner.map(|m| m.investment_yuan),
        self_use_price_yuan_kwh: (y1.split.self_used_kwh > 0.0)
            .then(|| y1.self_use_value_yuan / y1.split.self_used_kwh),
        by_period,
        by_year: rows,
        investor: parties.investor,
        export_pricing,
        demand_charge: None,
        capacity_charge: None,
    }
}

fn part(index: u32, b: &Bucket, with_load: bool) -> UsagePart {
    UsagePart {
        index,
        generation_kwh: b.generation_kwh,
        self_used_kwh: b.split.self_used_kwh,
        exported_kwh: b.split.exported_kwh,
        curtailed_kwh: b.split.curtailed_kwh,
        load_kwh: with_load.then_some(b.load_kwh),
        grid_import_kwh: with_load.then_some(b.load_kwh - b.split.self_used_kwh),
    }
}

/// The report's usage: year 1's split (by month, and by clock hour when `hourly`), the lifetime's
/// totals; warns when part of year 1 is curtailed.
fn usage(inp: &Inputs, life: &Lifetime, hourly: bool, warnings: &mut Vec<Warning>) -> UsageTotals {
    let (sums, detail) = (&life.sums, &life.detail);
    let y1 = sums.first().copied().unwrap_or_default();
    let with_load = inp.load.is_some();
    let load_kwh = with_load.then(|| detail.by_month.iter().map(|b| b.load_kwh).sum::<f64>());
    let share = if y1.generation_kwh > 0.0 {
        y1.split.self_used_kwh / y1.generation_kwh * 100.0
    } else {
        0.0
    };
    if y1.split.curtailed_kwh > 1e-9 * y1.generation_kwh.max(1.0) {
        let pct = crate::decimal::fixed(y1.split.curtailed_kwh / y1.generation_kwh * 100.0, 1);
        warnings.push(Warning::new(
            "curtailed",
            format!(
                "{pct} % of the first year's generation is curtailed (no export allowed or above the export limit): it earns nothing and avoids no emissions."
            ),
            format!(
                "首年发电量的 {pct}% 被弃（不允许上网或超出上网功率限制）：这部分电量没有收益，也不计入节能减排。"
            ),
        ));
    }
    UsageTotals {
        self_used_kwh: y1.split.self_used_kwh,
        exported_kwh: y1.split.exported_kwh,
        curtailed_kwh: y1.split.curtailed_kwh,
        self_use_share_pct: share,
        method: if hourly {
            UsageMethod::Hourly
        } else {
            UsageMethod::Share
        },
        load_kwh,
        grid_import_kwh: load_kwh.map(|l| l - y1.split.self_used_kwh),
        self_sufficiency_pct: load_kwh.map(|l| {
            if l > 0.0 {
                y1.split.self_used_kwh / l * 100.0
            } else {
                0.0
            }
        }),
        lifetime_self_used_kwh: sums.iter().map(|s| s.split.self_used_kwh).sum(),
        lifetime_exported_kwh: sums.iter().map(|s| s.split.exported_kwh).sum(),
        lifetime_curtailed_kwh: sums.iter().map(|s| s.split.curtailed_kwh).sum(),
        by_month: (1u32..)
            .zip(&detail.by_month)
            .map(|(i, b)| part(i, b, with_load))
            .collect(),
        by_hour_of_day: if hourly {
            (0u32..)
                .zip(&detail.by_hour)
                .map(|(i, b)| part(i, b, with_load))
                .collect()
        } else {
            Vec::new()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::HOURS;
    use crate::usage::{match_year_totals, Rule};
    use crate::{presets, resolve, shape};

    /// Years 2–N of a linear split (no load, no export limit; flat or time-of-use prices) scaled
    /// from year 1 equal the same years matched hour by hour, to 1e-14 relative (measured: ≤ 7.6e-15
    /// for the kWh, ≤ 5.7e-15 for the yuan: `cargo test --lib linear_years -- --nocapture`).
    #[test]
    fn linear_years_scaled_from_year_1_equal_the_hourly_match() {
        for tou in [false, true] {
            let mut s = presets::example("shuozhou-4mw-owner-tou").unwrap();
            s.usage = None;
            if !tou {
                s.tariff = None;
            }
            let inp = resolve::resolve(&s).unwrap();
            let annual_kwh = 4000.0 * 1300.0;
            let hours = shape::annual_to_hours(annual_kwh, &inp.site.unwrap());
            let eval = evaluate(&inp, annual_kwh, Some(&hours));
            let rule = Rule {
                mode: inp.usage_mode,
                self_use_share: inp.self_use_share,
                load_kwh: None,
                export_limit_kw: None,
            };
            assert!(rule.is_linear());
            let hour_price: Vec<f64> = match (&inp.tariff.purchase, inp.tariff.period_prices()) {
                (Purchase::TimeOfUse(t), Some(p)) => {
                    hourly_periods(t).iter().map(|&k| p[k as usize]).collect()
                }
                (Purchase::Flat(p), _) => vec![*p; HOURS],
                _ => unreachable!(),
            };
            assert_eq!(tou, matches!(inp.tariff.purchase, Purchase::TimeOfUse(_)));
            let rel = |a: f64, b: f64| (a - b).abs() / b.abs().max(1e-300);
            let (mut worst_kwh, mut worst_yuan) = (0.0f64, 0.0f64);
            for row in &eval.money.by_year[1..] {
                let f = inp.degradation.factor(row.year);
                let want = match_year_totals(&hours, f, &rule, &hour_price);
                let grow = (1.0 + inp.tariff.escalation).powi(row.year as i32 - 1);
                worst_kwh = worst_kwh
                    .max(rel(row.generation_kwh, want.generation_kwh))
                    .max(rel(row.self_used_kwh, want.split.self_used_kwh))
                    .max(rel(row.exported_kwh, want.split.exported_kwh));
                worst_yuan =
                    worst_yuan.max(rel(row.self_use_yuan, want.self_use_value_yuan * grow));
            }
            assert_eq!(eval.money.by_year.len(), 26);
            assert!(
                worst_kwh < 1e-14 && worst_yuan < 1e-14,
                "tou {tou}: {worst_kwh:e} {worst_yuan:e}"
            );
            println!("time of use {tou}: worst relative difference {worst_kwh:e} kWh, {worst_yuan:e} yuan");
        }
    }
}
