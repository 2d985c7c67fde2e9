//! The money of a scenario: yearly savings under the usage mode, tariff and ownership model, and the
//! owner's cash flow with its metrics (business models: shared reference `china-factors.md` §4).

use crate::finance;
use crate::report::{CashFlowYear, Money};
use crate::tariff::escalated;
use crate::usage::{split_by_share, Split};
use crate::validate::{Inputs, OwnershipModel};

/// What year `year`'s split is worth to the PV's user [yuan]:
/// owner: self-used × grid price + exported × export price;
/// third party (EMC): self-used × grid price × discount + roof rent (exports belong to the investor).
fn savings_yuan(inp: &Inputs, split: &Split, year: u32) -> f64 {
    let grid = escalated(inp.grid_price_yuan_kwh, inp.escalation, year);
    let export = escalated(inp.export_price_yuan_kwh, inp.escalation, year);
    match inp.ownership {
        OwnershipModel::Owner { .. } => split.self_used_kwh * grid + split.exported_kwh * export,
        OwnershipModel::ThirdParty {
            discount,
            roof_rent_yuan_year,
        } => split.self_used_kwh * grid * discount + roof_rent_yuan_year,
    }
}

/// Money over the lifetime for the yearly generation `yearly_kwh` [kWh] (year 1 first).
pub fn money(inp: &Inputs, yearly_kwh: &[f64]) -> Money {
    let mut rows = Vec::with_capacity(yearly_kwh.len() + 1);
    let yearly_costs = match inp.ownership {
        OwnershipModel::Owner {
            capex_yuan_per_w,
            om_yuan_per_kwp_year,
            ..
        } => {
            let capex = capex_yuan_per_w * 1000.0 * inp.capacity_kwp;
            rows.push(CashFlowYear {
                year: 0,
                generation_kwh: 0.0,
                savings_yuan: 0.0,
                costs_yuan: capex,
                net_cash_flow_yuan: -capex,
            });
            om_yuan_per_kwp_year * inp.capacity_kwp
        }
        OwnershipModel::ThirdParty { .. } => 0.0,
    };
    for (year, &kwh) in (1u32..).zip(yearly_kwh) {
        let split = split_by_share(kwh, inp.usage_mode, inp.self_use_share);
        let savings = savings_yuan(inp, &split, year);
        rows.push(CashFlowYear {
            year,
            generation_kwh: kwh,
            savings_yuan: savings,
            costs_yuan: yearly_costs,
            net_cash_flow_yuan: savings - yearly_costs,
        });
    }
    let first_year = rows
        .iter()
        .find(|r| r.year == 1)
        .map_or(0.0, |r| r.savings_yuan);
    let lifetime: f64 = rows.iter().map(|r| r.savings_yuan).sum();
    let mut out = Money {
        first_year_savings_yuan: first_year,
        lifetime_savings_yuan: lifetime,
        npv_yuan: None,
        irr_pct: None,
        payback_years: None,
        lcoe_yuan_kwh: None,
        by_year: rows,
    };
    if let OwnershipModel::Owner {
        capex_yuan_per_w,
        discount_rate,
        ..
    } = inp.ownership
    {
        let flows: Vec<f64> = out.by_year.iter().map(|r| r.net_cash_flow_yuan).collect();
        let costs: Vec<f64> = out.by_year[1..].iter().map(|r| r.costs_yuan).collect();
        out.npv_yuan = Some(finance::npv(discount_rate, &flows));
        out.irr_pct = finance::irr(&flows).map(|r| r * 100.0);
        out.payback_years = finance::payback_years(&flows);
        let capex = capex_yuan_per_w * 1000.0 * inp.capacity_kwp;
        out.lcoe_yuan_kwh = Some(finance::lcoe(capex, &costs, yearly_kwh, discount_rate));
    }
    out
}
