//! Who gets what: the owner keeps every yuan; under third-party ownership (EMC) the host saves the
//! discount on its self-used power plus the roof rent, and the investor sells the rest of the
//! self-use value and the exports, pays the costs and the rent.

use super::cash_flow::cash_flow;
use super::metrics::{metrics, Metrics};
use super::years::Income;
use crate::diag::Warning;
use crate::ownership::{Finance, OwnershipModel};
use crate::report::{CashFlowYear, InvestorMoney};
use crate::usage::YearSums;

/// The rows of the scenario's party (owner or host), the owner's metrics, the investor's money.
pub(super) struct Parties {
    pub rows: Vec<CashFlowYear>,
    pub owner: Option<Metrics>,
    pub investor: Option<Box<InvestorMoney>>,
}

/// The cash flows of `ownership` for years `sums` with income `income`, on `capacity_kwp`.
pub(super) fn split(
    ownership: &OwnershipModel,
    capacity_kwp: f64,
    sums: &[YearSums],
    income: &Income,
    warnings: &mut Vec<Warning>,
) -> Parties {
    match ownership {
        OwnershipModel::Owner(fin) => {
            let (rows, m) = owner_of_equipment(fin, capacity_kwp, sums, income, None, 0.0);
            if m.payback_years.is_none() {
                warnings.push(Warning::new(
                    "no_payback",
                    "The investment does not pay back within the lifetime.",
                    "投资在寿命期内无法收回。",
                ));
            }
            Parties {
                rows,
                owner: Some(m),
                investor: None,
            }
        }
        OwnershipModel::ThirdParty {
            discount,
            roof_rent_yuan_year,
            investor,
        } => {
            let host = host_rows(
                sums,
                &income.self_use_yuan,
                &income.demand_yuan,
                *discount,
                *roof_rent_yuan_year,
            );
            let (rows, m) = owner_of_equipment(
                investor,
                capacity_kwp,
                sums,
                income,
                Some(*discount),
                *roof_rent_yuan_year,
            );
            if m.payback_years.is_none() {
                warnings.push(Warning::new(
                    "investor_no_payback",
                    "The investor's investment does not pay back within the lifetime at this discount and rent.",
                    "在此折扣和租金下，投资方的投资在寿命期内无法收回。",
                ));
            }
            let revenue: Vec<f64> = rows.iter().map(|r| r.savings_yuan).collect();
            let inv = InvestorMoney {
                first_year_revenue_yuan: revenue.get(1).copied().unwrap_or(0.0),
                lifetime_revenue_yuan: revenue.iter().sum(),
                investment_yuan: m.investment_yuan,
                npv_yuan: m.npv_yuan,
                irr_pct: m.irr_pct,
                project_irr_pct: m.project_irr_pct,
                payback_years: m.payback_years,
                discounted_payback_years: m.discounted_payback_years,
                lcoe_yuan_kwh: m.lcoe_yuan_kwh,
                by_year: rows,
            };
            Parties {
                rows: host,
                owner: None,
                investor: Some(Box::new(inv)),
            }
        }
    }
}

/// The cash flow and metrics of whoever owns the equipment; a third-party investor (`discount` of
/// the host's price given) sells the self-use value × (1 − discount) and pays `rent_paid` [yuan/yr].
fn owner_of_equipment(
    fin: &Finance,
    capacity_kwp: f64,
    sums: &[YearSums],
    income: &Income,
    discount: Option<f64>,
    rent_paid: f64,
) -> (Vec<CashFlowYear>, Metrics) {
    let sales: Vec<f64> = match discount {
        Some(d) => income.self_use_yuan.iter().map(|v| v * (1.0 - d)).collect(),
        None => income.self_use_yuan.clone(),
    };
    // The host pays the grid bill: the PV's demand-charge saving is the owner's or the host's.
    let demand: &[f64] = if discount.is_some() {
        &[]
    } else {
        &income.demand_yuan
    };
    let (rows, project) = cash_flow(
        fin,
        capacity_kwp,
        sums,
        (&sales, &income.export_yuan, demand),
        rent_paid,
        discount.is_some(),
    );
    let m = metrics(fin, capacity_kwp, &rows, &project, &income.delivered_kwh);
    (rows, m)
}

/// The host's rows under third-party ownership: the discount on the self-use value, the rent, and
/// the PV's demand-charge saving (`demand`, empty without a demand charge).
fn host_rows(
    sums: &[YearSums],
    self_use_yuan: &[f64],
    demand: &[f64],
    discount: f64,
    roof_rent_yuan_year: f64,
) -> Vec<CashFlowYear> {
    let mut cum = 0.0;
    sums.iter()
        .enumerate()
        .map(|(i, s)| {
            let saved = self_use_yuan[i] * discount;
            let demand_saved = demand.get(i).copied();
            let savings = saved + roof_rent_yuan_year + demand_saved.unwrap_or(0.0);
            cum += savings;
            CashFlowYear {
                year: i as u32 + 1,
                generation_kwh: s.generation_kwh,
                self_used_kwh: s.split.self_used_kwh,
                exported_kwh: s.split.exported_kwh,
                curtailed_kwh: s.split.curtailed_kwh,
                self_use_yuan: saved,
                roof_rent_yuan: roof_rent_yuan_year,
                demand_charge_yuan: demand_saved,
                savings_yuan: savings,
                net_cash_flow_yuan: savings,
                cumulative_yuan: cum,
                ..CashFlowYear::default()
            }
        })
        .collect()
}
