//! The metrics of an owner's or investor's cash flow: NPV, IRR (and the project IRR, before
//! financing and taxes), payback, discounted payback, LCOE ([`crate::finance`]).

use crate::finance;
use crate::ownership::Finance;
use crate::report::CashFlowYear;

/// The metrics of an owner's or investor's cash flow.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(super) struct Metrics {
    pub investment_yuan: f64,
    pub npv_yuan: f64,
    pub irr_pct: Option<f64>,
    pub project_irr_pct: Option<f64>,
    pub payback_years: Option<f64>,
    pub discounted_payback_years: Option<f64>,
    pub lcoe_yuan_kwh: Option<f64>,
}

pub(super) fn metrics(
    fin: &Finance,
    capacity_kwp: f64,
    rows: &[CashFlowYear],
    project: &[f64],
    delivered_kwh: &[f64],
) -> Metrics {
    let flows: Vec<f64> = rows.iter().map(|r| r.net_cash_flow_yuan).collect();
    let capex = fin.capex_yuan_per_w * 1000.0 * capacity_kwp;
    let costs: Vec<f64> = rows[1..]
        .iter()
        .map(|r| r.om_yuan + r.inverter_yuan)
        .collect();
    let delivered: f64 = delivered_kwh.iter().sum();
    Metrics {
        investment_yuan: capex,
        npv_yuan: finance::npv(fin.discount_rate, &flows),
        irr_pct: finance::irr(&flows).map(|r| r * 100.0),
        project_irr_pct: finance::irr(project).map(|r| r * 100.0),
        payback_years: finance::payback_years(&flows),
        discounted_payback_years: finance::discounted_payback_years(fin.discount_rate, &flows),
        lcoe_yuan_kwh: (delivered > 0.0)
            .then(|| finance::lcoe(capex, &costs, delivered_kwh, fin.discount_rate)),
    }
}
