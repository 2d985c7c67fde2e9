//! The money of a scenario: where each year's generation goes (by share, or hour by hour against a
//! load, an export limit and time-of-use prices), what it is worth to whom, and the cash flows with
//! their metrics (business models: shared reference `china-factors.md` §4).
//!
//! Every year of the lifetime is matched on its own: year y's hours are year 1's × the degradation
//! factor f(y), the load is the same each year, purchase prices grow by `escalationPct` a year
//! (p(y) = p(1)·(1 + e)^(y − 1)), from the year of a time-of-use change on at the new tariff; an
//! exported kWh earns the price of [`ExportRule`] (one fixed price, or Document 136: mechanism share
//! × mechanism price for the term plus the market price, which alone grows by `exportEscalationPct`).
//!
//! Cash-flow conventions (year 0 = the investment, cash flows at the end of years 1..N):
//! - owner: savings = self-used kWh × purchase price + exported kWh × export price; costs = O&M +
//!   inverter replacement + loan instalment (interest and principal) + income tax; year 0 = the
//!   investment less the loan;
//! - third-party host: savings = self-used kWh × purchase price × discount + roof rent; no costs;
//! - third-party investor: revenue = self-used kWh × purchase price × (1 − discount) + exported kWh ×
//!   export price; costs as the owner's plus the roof rent.
//!
//! Income tax (when asked for): taxable = savings − O&M − inverter − rent − depreciation − interest,
//! losses carried forward up to 5 years, × rate (× 0 in years 1–3 and × 0.5 in years 4–6 under
//! 三免三减半); depreciation straight-line over `depreciationYears` down to the residual value. The
//! project IRR is that of the cash flow before financing and taxes. LCOE = (investment + Σ discounted
//! O&M and inverter) / Σ discounted delivered kWh (self-used + exported; curtailed energy is not
//! delivered). Prices are taken as the user pays and is paid them (VAT included); with `tax.vatPct`
//! the VAT on sales of power (exports; the EMC investor's sales to the host too) is paid once the
//! input VAT of the investment is used up, with its surcharges ([`crate::rules::vat`]), in the cash
//! flow and the project cash flow, and the income-tax base and depreciation are net of VAT.

use std::collections::VecDeque;

use crate::calendar::{month_of_day, HOURS};
use crate::energy::monthly_by_days;
use crate::finance;
use crate::ownership::{Finance, OwnershipModel, LOSS_CARRY_FORWARD_YEARS};
use crate::report::{
    CashFlowYear, ExportPricing, InvestorMoney, MarketForm, Money, PeriodMoney, UsageMethod,
    UsagePart, UsageTotals, Warning,
};
use crate::rules::export_price::{ExportRule, MarketPrice};
use crate::rules::vat::{included_vat, vat_by_year, VatRates, VatYear};
use crate::scenario::{Period, TimeOfUse, PERIODS};
use crate::tariff::{hourly_periods, period_index, period_price};
use crate::usage::{
    match_year, match_year_totals, split_by_share, Bucket, Detail, Prices, Rule, YearSums,
};
use crate::validate::Inputs;

/// Purchase prices, resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Purchase {
    /// One price [yuan/kWh].
    Flat(f64),
    /// Time-of-use prices (checked).
    TimeOfUse(TimeOfUse),
    /// One price per month, January first [yuan/kWh].
    Monthly([f64; 12]),
}

impl Purchase {
    /// The price of every hour of the reference year [yuan/kWh] (monthly prices only).
    pub fn monthly_hours(&self) -> Option<Vec<f64>> {
        match self {
            Purchase::Monthly(p) => Some((0..HOURS).map(|h| p[month_of_day(h / 24)]).collect()),
            _ => None,
        }
    }
}

/// Prices with their defaults resolved; escalations as fractions [-/yr].
#[derive(Debug, Clone, PartialEq)]
pub struct TariffInputs {
    pub purchase: Purchase,
    /// The shipped time-of-use tariff, when one was named.
    pub time_of_use_preset: Option<String>,
    /// Time-of-use tariffs replacing the first from a year on (checked, increasing years).
    pub time_of_use_changes: Vec<(u32, TimeOfUse)>,
    /// How an exported kWh is priced each year.
    pub export: ExportRule,
    pub escalation: f64,
    pub export_escalation: f64,
}

impl TariffInputs {
    /// The price of each period [yuan/kWh] in [`Period::ALL`] order (time of use only).
    pub fn period_prices(&self) -> Option<[f64; PERIODS]> {
        match &self.purchase {
            Purchase::Flat(_) | Purchase::Monthly(_) => None,
            Purchase::TimeOfUse(t) => Some(Period::ALL.map(|p| period_price(&t.prices, p))),
        }
    }

    /// Flat: the price; time of use and monthly: the mean of the 8,760 hourly prices of year 1
    /// [yuan/kWh].
    pub fn mean_purchase_price(&self) -> f64 {
        match &self.purchase {
            Purchase::Flat(p) => *p,
            Purchase::Monthly(_) => {
                self.purchase
                    .monthly_hours()
                    .unwrap_or_default()
                    .iter()
                    .sum::<f64>()
                    / HOURS as f64
            }
            Purchase::TimeOfUse(t) => {
                let prices = self.period_prices().unwrap_or_default();
                hourly_periods(t)
                    .iter()
                    .map(|&k| prices[k as usize])
                    .sum::<f64>()
                    / HOURS as f64
            }
        }
    }
}

/// Whether the usage or the tariff needs hourly generation.
pub fn needs_hours(inp: &Inputs) -> bool {
    let by_hour = matches!(
        inp.tariff.export,
        ExportRule::Document136 {
            market: MarketPrice::ByHour(_),
            ..
        }
    );
    by_hour
        || inp.load.is_some()
        || inp.export_limit_kw.is_some()
        || matches!(
            inp.tariff.purchase,
            Purchase::TimeOfUse(_) | Purchase::Monthly(_)
        )
}

/// Usage and money of a scenario, with the energy delivered each year (for the emissions).
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub usage: UsageTotals,
    pub money: Money,
    /// Self-used + exported energy of each year 1..N [kWh].
    pub delivered_kwh: Vec<f64>,
    pub warnings: Vec<Warning>,
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

/// Matches every year of the lifetime and computes the money. `annual_kwh` is year 1's generation;
/// `hours` the same by hour [kWh] (8,760 values), required when [`needs_hours`]; without them the
/// year is split by the self-use share.
pub fn evaluate(inp: &Inputs, annual_kwh: f64, hours: Option<&[f64]>) -> Evaluation {
    let years = inp.degradation.years;
    let rule = Rule {
        mode: inp.usage_mode,
        self_use_share: inp.self_use_share,
        load_kwh: inp.load.as_ref().map(|l| l.hourly_kwh.as_slice()),
        export_limit_kw: inp.export_limit_kw,
    };
    let periods = match &inp.tariff.purchase {
        Purchase::TimeOfUse(t) => hourly_periods(t),
        Purchase::Flat(_) | Purchase::Monthly(_) => Vec::new(),
    };
    let monthly_hours = inp.tariff.purchase.monthly_hours().unwrap_or_default();
    let prices = match (&inp.tariff.purchase, inp.tariff.period_prices()) {
        (Purchase::TimeOfUse(_), Some(by_period)) => Prices::TimeOfUse {
            by_period,
            periods: &periods,
        },
        (Purchase::Flat(p), _) => Prices::Flat(*p),
        (Purchase::Monthly(_), _) => Prices::Hourly(&monthly_hours),
        (Purchase::TimeOfUse(t), None) => Prices::Flat(t.prices.flat),
    };
    let flat_price = match &inp.tariff.purchase {
        Purchase::Flat(p) => *p,
        Purchase::TimeOfUse(t) => t.prices.flat,
        Purchase::Monthly(_) => inp.tariff.mean_purchase_price(),
    };

    let hour_price: Vec<f64> = match (&prices, hours) {
        (_, None) => Vec::new(),
        (Prices::Flat(p), Some(_)) => vec![*p; HOURS],
        (Prices::Hourly(p), Some(_)) => p.to_vec(),
        (Prices::TimeOfUse { by_period, periods }, Some(_)) => {
            periods.iter().map(|&k| by_period[k as usize]).collect()
        }
    };
    // Hourly purchase prices of the tariffs that replace the first from a year on.
    let changed: Vec<(u32, Vec<f64>)> = inp
        .tariff
        .time_of_use_changes
        .iter()
        .map(|(from, t)| {
            let by_period = Period::ALL.map(|p| period_price(&t.prices, p));
            let hp = hourly_periods(t)
                .iter()
                .map(|&k| by_period[k as usize])
                .collect();
            (*from, hp)
        })
        .collect();
    let price_in = |y: u32| {
        changed
            .iter()
            .rev()
            .find(|(from, _)| *from <= y)
            .map_or(&hour_price, |(_, hp)| hp)
    };
    let mut detail = Detail::default();
    let mut sums: Vec<YearSums> = Vec::with_capacity(years as usize);
    for y in 1..=years {
        let f = inp.degradation.factor(y);
        let s = match hours {
            Some(h) if y == 1 => match_year(h, f, &rule, &prices, Some(&mut detail)),
            Some(h) => match_year_totals(h, f, &rule, price_in(y)),
            None => {
                let g = annual_kwh * f;
                let split = split_by_share(g, inp.usage_mode, inp.self_use_share);
                YearSums {
                    generation_kwh: g,
                    split,
                    self_use_value_yuan: split.self_used_kwh * flat_price,
                    ..YearSums::default()
                }
            }
        };
        sums.push(s);
    }
    if hours.is_none() {
        for (m, g) in monthly_by_days(annual_kwh).iter().enumerate() {
            let split = split_by_share(*g, inp.usage_mode, inp.self_use_share);
            detail.by_month[m] = Bucket {
                generation_kwh: *g,
                split,
                load_kwh: 0.0,
            };
        }
    }

    // Yearly values [yuan] of self-use (at the full purchase price) and of exports.
    let grow = |e: f64, y: usize| (1.0 + e).powi(y as i32);
    let value: Vec<f64> = sums
        .iter()
        .enumerate()
        .map(|(i, s)| s.self_use_value_yuan * grow(inp.tariff.escalation, i))
        .collect();
    // Year-1 exports by month and clock hour weight the market price (the shape of later years'
    // exports is taken as year 1's).
    let exported_by_month = detail.by_month.map(|b| b.split.exported_kwh);
    let exported_by_hour = detail.by_hour.map(|b| b.split.exported_kwh);
    let capture = match &inp.tariff.export {
        ExportRule::Fixed { .. } => None,
        ExportRule::Document136 { market, .. } => {
            Some(market.capture_yuan_kwh(&exported_by_month, &exported_by_hour))
        }
    };
    let export_price: Vec<f64> = (1..=years)
        .map(|y| {
            inp.tariff.export.price_yuan_kwh(
                y,
                capture.unwrap_or(0.0),
                inp.tariff.export_escalation,
            )
        })
        .collect();
    let export: Vec<f64> = sums
        .iter()
        .zip(&export_price)
        .map(|(s, p)| s.split.exported_kwh * p)
        .collect();
    let export_pricing = pricing(&inp.tariff.export, capture, &export_price);
    let delivered: Vec<f64> = sums
        .iter()
        .map(|s| s.split.self_used_kwh + s.split.exported_kwh)
        .collect();

    let mut warnings = Vec::new();
    let (money_rows, owner_metrics, investor) = match &inp.ownership {
        OwnershipModel::Owner(fin) => {
            let (rows, project) =
                cash_flow(fin, inp.capacity_kwp, &sums, &value, &export, 0.0, false);
            let m = metrics(fin, inp.capacity_kwp, &rows, &project, &delivered);
            if m.payback_years.is_none() {
                warnings.push(Warning {
                    code: "no_payback",
                    message: "The investment does not pay back within the lifetime.".into(),
                    message_zh: "投资在寿命期内无法收回。".into(),
                });
            }
            (rows, Some(m), None)
        }
        OwnershipModel::ThirdParty {
            discount,
            roof_rent_yuan_year,
            investor,
        } => {
            let mut cum = 0.0;
            let host: Vec<CashFlowYear> = sums
                .iter()
                .enumerate()
                .map(|(i, s)| {
                    let saved = value[i] * discount;
                    let savings = saved + roof_rent_yuan_year;
                    cum += savings;
                    CashFlowYear {
                        year: i as u32 + 1,
                        generation_kwh: s.generation_kwh,
                        self_used_kwh: s.split.self_used_kwh,
                        exported_kwh: s.split.exported_kwh,
                        curtailed_kwh: s.split.curtailed_kwh,
                        self_use_yuan: saved,
                        roof_rent_yuan: *roof_rent_yuan_year,
                        savings_yuan: savings,
                        net_cash_flow_yuan: savings,
                        cumulative_yuan: cum,
                        ..CashFlowYear::default()
                    }
                })
                .collect();
            let sales: Vec<f64> = value.iter().map(|v| v * (1.0 - discount)).collect();
            let (rows, project) = cash_flow(
                investor,
                inp.capacity_kwp,
                &sums,
                &sales,
                &export,
                *roof_rent_yuan_year,
                true,
            );
            let m = metrics(investor, inp.capacity_kwp, &rows, &project, &delivered);
            if m.payback_years.is_none() {
                warnings.push(Warning {
                    code: "investor_no_payback",
                    message: "The investor's investment does not pay back within the lifetime at this discount and rent.".into(),
                    message_zh: "在此折扣和租金下，投资方的投资在寿命期内无法收回。".into(),
                });
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
            (host, None, Some(Box::new(inv)))
        }
    };

    let y1 = sums.first().copied().unwrap_or_default();
    let first_year = money_rows
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
    let m = owner_metrics.unwrap_or_default();
    let money = Money {
        first_year_savings_yuan: first_year,
        lifetime_savings_yuan: money_rows.iter().map(|r| r.savings_yuan).sum(),
        npv_yuan: owner_metrics.map(|m| m.npv_yuan),
        irr_pct: m.irr_pct,
        payback_years: m.payback_years,
        lcoe_yuan_kwh: m.lcoe_yuan_kwh,
        discounted_payback_years: m.discounted_payback_years,
        project_irr_pct: m.project_irr_pct,
        investment_yuan: owner_metrics.map(|m| m.investment_yuan),
        self_use_price_yuan_kwh: (y1.split.self_used_kwh > 0.0)
            .then(|| y1.self_use_value_yuan / y1.split.self_used_kwh),
        by_period,
        by_year: money_rows,
        investor,
        export_pricing,
    };

    let with_load = inp.load.is_some();
    let load_kwh = with_load.then(|| detail.by_month.iter().map(|b| b.load_kwh).sum::<f64>());
    let share = if y1.generation_kwh > 0.0 {
        y1.split.self_used_kwh / y1.generation_kwh * 100.0
    } else {
        0.0
    };
    if y1.split.curtailed_kwh > 1e-9 * y1.generation_kwh.max(1.0) {
        warnings.push(Warning {
            code: "curtailed",
            message: format!(
                "{:.1} % of the first year's generation is curtailed (no export allowed or above the export limit): it earns nothing and avoids no emissions.",
                y1.split.curtailed_kwh / y1.generation_kwh * 100.0
            ),
            message_zh: format!(
                "首年发电量的 {:.1}% 被弃（不允许上网或超出上网功率限制）：这部分电量没有收益，也不计入节能减排。",
                y1.split.curtailed_kwh / y1.generation_kwh * 100.0
            ),
        });
    }
    let usage = UsageTotals {
        self_used_kwh: y1.split.self_used_kwh,
        exported_kwh: y1.split.exported_kwh,
        curtailed_kwh: y1.split.curtailed_kwh,
        self_use_share_pct: share,
        method: if hours.is_some() {
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
        by_hour_of_day: if hours.is_some() {
            (0u32..)
                .zip(&detail.by_hour)
                .map(|(i, b)| part(i, b, with_load))
                .collect()
        } else {
            Vec::new()
        },
    };
    Evaluation {
        usage,
        money,
        delivered_kwh: delivered,
        warnings,
    }
}

/// The cash flow of whoever owns the equipment: year 0 (investment less loan), then one row per year
/// with `self_use` and `export` income [yuan], and `rent_paid` [yuan/yr]; `self_use_sold` when the
/// self-use income is a sale (the EMC investor's, which bears VAT). Also returns the project cash
/// flow (before financing and income tax; after VAT when VAT is asked for).
fn cash_flow(
    fin: &Finance,
    capacity_kwp: f64,
    sums: &[YearSums],
    self_use: &[f64],
    export: &[f64],
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
    let vat_rates = fin.tax.and_then(|t| {
        t.vat_pct.map(|v| VatRates {
            rate: v / 100.0,
            surcharges: (t.city_maintenance_tax_pct.unwrap_or(0.0)
                + t.education_surcharge_pct.unwrap_or(0.0))
                / 100.0,
        })
    });
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
    let mut losses: VecDeque<(u32, f64)> = VecDeque::new();
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
        let v = vat.as_ref().map_or_else(VatYear::default, |v| v[i]);
        let vat_cost = v.vat_paid_yuan + v.surcharges_yuan;
        let before_tax = savings - om - inverter - rent_paid - vat_cost;
        project.push(before_tax);
        let tax = fin.tax.map_or(0.0, |t| {
            let dep_years = t.depreciation_years.unwrap_or(20);
            let residual = t.residual_value_pct.unwrap_or(5.0) / 100.0;
            let depreciation = if year <= dep_years {
                depreciable * (1.0 - residual) / f64::from(dep_years)
            } else {
                0.0
            };
            // Revenue net of output VAT: the part of it paid from the input credit is not income.
            let mut taxable = before_tax - v.credit_used_yuan - depreciation - inst.interest;
            if taxable < 0.0 {
                losses.push_back((year, -taxable));
                taxable = 0.0;
            } else {
                while losses
                    .front()
                    .is_some_and(|(y, _)| (year - y) as usize > LOSS_CARRY_FORWARD_YEARS)
                {
                    losses.pop_front();
                }
                while taxable > 0.0 {
                    let Some(front) = losses.front_mut() else {
                        break;
                    };
                    let used = front.1.min(taxable);
                    front.1 -= used;
                    taxable -= used;
                    if front.1 <= 0.0 {
                        losses.pop_front();
                    }
                }
            }
            let holiday = match (t.tax_holiday.unwrap_or(false), year) {
                (true, 1..=3) => 0.0,
                (true, 4..=6) => 0.5,
                _ => 1.0,
            };
            taxable * t.income_tax_pct / 100.0 * holiday
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

/// The metrics of an owner's or investor's cash flow.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct Metrics {
    investment_yuan: f64,
    npv_yuan: f64,
    irr_pct: Option<f64>,
    project_irr_pct: Option<f64>,
    payback_years: Option<f64>,
    discounted_payback_years: Option<f64>,
    lcoe_yuan_kwh: Option<f64>,
}

fn metrics(
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

/// What priced the exports: the rule, its figures, the year-1 price and the price after the term.
fn pricing(rule: &ExportRule, capture: Option<f64>, by_year: &[f64]) -> ExportPricing {
    let (mechanism, market) = match rule {
        ExportRule::Fixed { .. } => (None, None),
        ExportRule::Document136 {
            mechanism, market, ..
        } => (*mechanism, Some(market)),
    };
    ExportPricing {
        rule: rule.kind(),
        mechanism_price_yuan_kwh: mechanism.map(|m| m.price_yuan_kwh),
        mechanism_share_pct: mechanism.map(|m| m.share * 100.0),
        mechanism_term_years: mechanism.map(|m| m.term_years),
        market_price: market.map(|m| match m {
            MarketPrice::Flat(_) => MarketForm::Flat,
            MarketPrice::ByMonth(_) => MarketForm::ByMonth,
            MarketPrice::ByHour(_) => MarketForm::ByHour,
        }),
        market_capture_price_yuan_kwh: capture,
        first_year_price_yuan_kwh: by_year.first().copied().unwrap_or(0.0),
        after_term_price_yuan_kwh: mechanism
            .and_then(|m| by_year.get(m.term_years as usize).copied()),
    }
}
