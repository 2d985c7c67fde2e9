//! The yearly cash flow of whoever owns the equipment (year 0 = the investment less the loan, cash
//! flows at the end of years 1..N): income − O&M − inverter replacement − roof rent paid − loan
//! instalment − VAT and its surcharges ([`crate::rules::vat`], when asked for) − income tax
//! ([`super::tax`]); and the project cash flow before financing and income tax (after VAT).

use super::tax::Ledger;
use crate::finance;
use crate::ownership::Finance;
use crate::report::CashFlowYear;
use crate::rules::vat::{included_vat, vat_by_year, VatYear};
use crate::usage::YearSums;

/// The cash flow of whoever owns the equipment: year 0 (investment less loan), then one row per year
/// with `self_use` and `export` income and the `demand` charge saved (empty: none) [yuan], and
/// `rent_paid` [yuan/yr]; `self_use_sold` when the
/// self-use income is a sale (the EMC investor's, which bears VAT). Also returns the project cash
/// flow (before financing and income tax; after VAT when VAT is asked for).
pub(super) fn cash_flow(
    fin: &Finance,
    capacity_kwp: f64,
    sums: &[YearSums],
    (self_use, export, demand): (&[f64], &[f64], &[f64]),
    rent_paid: f64,
    self_use_sold: bool,
) -> (Vec<CashFlowYear>, Vec<f64>) {
    let capex = fin.capex_yuan_per_w * 1000.0 * capacity_kwp;
    let loan = fin.loan.map_or(0.0, |l| capex * l.share_pct / 100.0);
    let schedule = fin
        .loan
        .map(|l| finance::annuity(loan, l.rate_pct / 100.0, l.years))
        .unwrap_or_default();
    let equity = capex - loan;
    let vat_rates = fin.tax.and_then(|t| t.vat).map(|v| v.rates());
    let sales: Vec<f64> = (0..sums.len())
        .map(|i| export[i] + if self_use_sold { self_use[i] } else { 0.0 })
        .collect();
    let vat = vat_rates.map(|r| vat_by_year(&sales, capex, r));
    // Depreciation runs on the investment net of the input VAT credited.
    let depreciable = capex - vat_rates.map_or(0.0, |r| included_vat(capex, r.rate));
    let mut rows = Vec::with_capacity(sums.len() + 1);
    rows.push(CashFlowYear {
        year: 0,
        investment_yuan: equity,
        costs_yuan: equity,
        net_cash_flow_yuan: -equity,
        cumulative_yuan: -equity,
        ..CashFlowYear::default()
    });
    let mut project = Vec::with_capacity(sums.len() + 1);
    project.push(-capex);
    let mut ledger = Ledger::default();
    let mut cum = -equity;
    for (i, s) in sums.iter().enumerate() {
        let year = i as u32 + 1;
        let om = fin.om.yuan_per_kwp(year, fin.capex_yuan_per_w) * capacity_kwp;
        let inverter = fin
            .inverter
            .filter(|r| r.year == year)
            .map_or(0.0, |r| r.cost_yuan_per_w * 1000.0 * capacity_kwp);
        let inst = schedule.get(i).copied().unwrap_or_default();
        let demand_saved = demand.get(i).copied();
        let savings = self_use[i] + export[i] + demand_saved.unwrap_or(0.0);
        let v = vat.as_ref().map_or_else(VatYear::default, |v| v[i]);
        let vat_cost = v.vat_paid_yuan + v.surcharges_yuan;
        let before_tax = savings - om - inverter - rent_paid - vat_cost;
        project.push(before_tax);
        // Revenue net of output VAT: the part of it paid from the input credit is not income.
        let tax = fin.tax.map_or(0.0, |t| {
            ledger.tax(
                &t,
                year,
                depreciable,
                before_tax - v.credit_used_yuan,
                inst.interest,
            )
        });
        let costs = om + inverter + rent_paid + inst.interest + inst.principal + tax + vat_cost;
        let net = savings - costs;
        cum += net;
        rows.push(CashFlowYear {
            year,
            generation_kwh: s.generation_kwh,
            self_used_kwh: s.split.self_used_kwh,
            exported_kwh: s.split.exported_kwh,
            curtailed_kwh: s.split.curtailed_kwh,
            self_use_yuan: self_use[i],
            export_yuan: export[i],
            roof_rent_yuan: rent_paid,
            demand_charge_yuan: demand_saved,
            savings_yuan: savings,
            investment_yuan: 0.0,
            om_yuan: om,
            inverter_yuan: inverter,
            loan_interest_yuan: inst.interest,
            loan_principal_yuan: inst.principal,
            tax_yuan: tax,
            vat_yuan: v.vat_paid_yuan,
            vat_surcharges_yuan: v.surcharges_yuan,
            costs_yuan: costs,
            net_cash_flow_yuan: net,
            cumulative_yuan: cum,
        });
    }
    (rows, project)
}
