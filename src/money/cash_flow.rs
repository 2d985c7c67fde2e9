//! The yearly cash flow of whoever owns the equipment (year 0 = the investment less the loan, cash
//! flows at the end of years 1..N): income − O&M − inverter replacement − roof rent paid − loan
//! instalment − income tax ([`super::tax`]); and the project cash flow before financing and taxes.

use super::tax::Ledger;
use crate::finance;
use crate::ownership::Finance;
use crate::report::CashFlowYear;
use crate::usage::YearSums;

/// The cash flow of whoever owns the equipment: year 0 (investment less loan), then one row per year
/// with `self_use` and `export` income [yuan], and `rent_paid` [yuan/yr]. Also returns the project
/// cash flow (before financing and taxes).
pub(super) fn cash_flow(
    fin: &Finance,
    capacity_kwp: f64,
    sums: &[YearSums],
    self_use: &[f64],
    export: &[f64],
    rent_paid: f64,
) -> (Vec<CashFlowYear>, Vec<f64>) {
    let capex = fin.capex_yuan_per_w * 1000.0 * capacity_kwp;
    let loan = fin.loan.map_or(0.0, |l| capex * l.share_pct / 100.0);
    let schedule = fin
        .loan
        .map(|l| finance::annuity(loan, l.rate_pct / 100.0, l.years))
        .unwrap_or_default();
    let equity = capex - loan;
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
        let savings = self_use[i] + export[i];
        let before_tax = savings - om - inverter - rent_paid;
        project.push(before_tax);
        let tax = fin.tax.map_or(0.0, |t| {
            ledger.tax(&t, year, capex, before_tax, inst.interest)
        });
        let costs = om + inverter + rent_paid + inst.interest + inst.principal + tax;
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
            savings_yuan: savings,
            investment_yuan: 0.0,
            om_yuan: om,
            inverter_yuan: inverter,
            loan_interest_yuan: inst.interest,
            loan_principal_yuan: inst.principal,
            tax_yuan: tax,
            costs_yuan: costs,
            net_cash_flow_yuan: net,
            cumulative_yuan: cum,
        });
    }
    (rows, project)
}
