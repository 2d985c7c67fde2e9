//! Every year of the lifetime matched: year 1 hour by hour (or by share without hours), the years
//! after it hour by hour where a load or an export limit make the split non-linear or a
//! time-of-use change sets new prices, scaled from year 1 otherwise; then each year's income at its
//! escalated prices, an exported kWh at the price of its [`ExportRule`].

use crate::calendar::HOURS;
use crate::energy::monthly_by_days;
use crate::report::{ExportPricing, MarketForm};
use crate::resolve::Inputs;
use crate::rules::export_price::{ExportRule, MarketPrice};
use crate::scenario::Period;
use crate::tariff::{hourly_periods, period_price, Purchase};
use crate::usage::{
    match_year, match_year_totals, split_by_share, Bucket, Detail, Prices, Rule, YearSums,
};

/// The sums of each year 1..N, and year 1 by month and clock hour.
pub(super) struct Lifetime {
    pub sums: Vec<YearSums>,
    pub detail: Detail,
}

/// Matches every year of `inp`'s lifetime: `annual_kwh` is year 1's generation, `hours` the same by
/// hour [kWh] when known, `periods` the time-of-use period of every hour (empty for a flat or
/// monthly price).
pub(super) fn match_lifetime(
    inp: &Inputs,
    annual_kwh: f64,
    hours: Option<&[f64]>,
    periods: &[u8],
) -> Lifetime {
    let rule = Rule {
        mode: inp.usage_mode,
        self_use_share: inp.self_use_share,
        load_kwh: inp.load.as_ref().map(|l| l.hourly_kwh.as_slice()),
        export_limit_kw: inp.export_limit_kw,
    };
    let monthly_hours = inp.tariff.purchase.monthly_hours().unwrap_or_default();
    let prices = match (&inp.tariff.purchase, inp.tariff.period_prices()) {
        (Purchase::TimeOfUse(_), Some(by_period)) => Prices::TimeOfUse { by_period, periods },
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
        _ if rule.is_linear() => Vec::new(),
        (Prices::Flat(p), Some(_)) => vec![*p; HOURS],
        (Prices::Hourly(p), Some(_)) => p.to_vec(),
        (Prices::TimeOfUse { by_period, periods }, Some(_)) => {
            periods.iter().map(|&k| by_period[k as usize]).collect()
        }
    };
    let changed = changed_hour_prices(inp, hours.is_some());
    // The hourly prices of year y when a time-of-use change has replaced year 1's.
    let changed_in = |y: u32| {
        changed
            .iter()
            .rev()
            .find(|(from, _)| *from <= y)
            .map(|(_, hp)| hp)
    };
    let mut detail = Detail::default();
    let mut sums: Vec<YearSums> = Vec::with_capacity(inp.degradation.years as usize);
    for y in 1..=inp.degradation.years {
        let f = inp.degradation.factor(y);
        let s = match (hours, changed_in(y)) {
            (Some(h), _) if y == 1 => match_year(h, f, &rule, &prices, Some(&mut detail)),
            (Some(h), Some(hp)) => match_year_totals(h, f, &rule, hp),
            // Hours change nothing in a linear split: year y is year 1 × f(y) (f(1) = 1).
            (Some(_), None) if rule.is_linear() => sums[0].scaled(f),
            (Some(h), None) => match_year_totals(h, f, &rule, &hour_price),
            (None, _) => {
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
    Lifetime { sums, detail }
}

/// The hourly purchase prices [yuan/kWh] of the time-of-use tariffs that replace the first from a
/// year on, with that year (none without hours: a linear split prices at the flat price).
fn changed_hour_prices(inp: &Inputs, with_hours: bool) -> Vec<(u32, Vec<f64>)> {
    if !with_hours {
        return Vec::new();
    }
    inp.tariff
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
        .collect()
}

/// Each year's income [yuan] and delivered energy [kWh].
pub(super) struct Income {
    /// Self-used energy at the full purchase price, escalated: p(y) = p(1)·(1 + e)^(y − 1).
    pub self_use_yuan: Vec<f64>,
    /// Exported energy at the price of the export rule of its year.
    pub export_yuan: Vec<f64>,
    /// Self-used + exported (curtailed energy is not delivered).
    pub delivered_kwh: Vec<f64>,
    /// What priced the exports.
    pub export_pricing: ExportPricing,
    /// Each year's export price [yuan/kWh].
    pub export_price_yuan_kwh: Vec<f64>,
    /// Demand charge saved by the PV each year [yuan] (empty without a demand charge).
    pub demand_yuan: Vec<f64>,
}

/// The income of the years of `life` under `inp`'s prices. A market price by month or clock hour
/// is weighted by year 1's exports (later years' exports taken as shaped like year 1's).
pub(super) fn income(inp: &Inputs, life: &Lifetime) -> Income {
    let grow = |e: f64, y: usize| (1.0 + e).powi(y as i32);
    let sums = &life.sums;
    let exported_by_month = life.detail.by_month.map(|b| b.split.exported_kwh);
    let exported_by_hour = life.detail.by_hour.map(|b| b.split.exported_kwh);
    let capture = match &inp.tariff.export {
        ExportRule::Fixed { .. } => None,
        ExportRule::Document136 { market, .. } => {
            Some(market.capture_yuan_kwh(&exported_by_month, &exported_by_hour))
        }
    };
    let export_price: Vec<f64> = (1..=sums.len() as u32)
        .map(|y| {
            inp.tariff.export.price_yuan_kwh(
                y,
                capture.unwrap_or(0.0),
                inp.tariff.export_escalation,
            )
        })
        .collect();
    Income {
        self_use_yuan: sums
            .iter()
            .enumerate()
            .map(|(i, s)| s.self_use_value_yuan * grow(inp.tariff.escalation, i))
            .collect(),
        export_yuan: sums
            .iter()
            .zip(&export_price)
            .map(|(s, p)| s.split.exported_kwh * p)
            .collect(),
        delivered_kwh: sums
            .iter()
            .map(|s| s.split.self_used_kwh + s.split.exported_kwh)
            .collect(),
        export_pricing: pricing(&inp.tariff.export, capture, &export_price),
        export_price_yuan_kwh: export_price,
        demand_yuan: Vec::new(),
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
