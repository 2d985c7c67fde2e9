//! Every year of the lifetime matched: year 1 hour by hour (or by share without hours), the years
//! after it hour by hour where a load or an export limit make the split non-linear, scaled from
//! year 1 otherwise; then each year's income at its escalated prices.

use crate::calendar::HOURS;
use crate::energy::monthly_by_days;
use crate::resolve::Inputs;
use crate::tariff::Purchase;
use crate::usage::{
    match_year, match_year_totals, split_by_share, Bucket, Detail, Prices, Rule, YearSums,
};

/// The sums of each year 1..N, and year 1 by month and clock hour.
pub(super) struct Lifetime {
    pub sums: Vec<YearSums>,
    pub detail: Detail,
}

/// Matches every year of `inp`'s lifetime: `annual_kwh` is year 1's generation, `hours` the same by
/// hour [kWh] when known, `periods` the time-of-use period of every hour (empty for a flat price).
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
    let prices = match (&inp.tariff.purchase, inp.tariff.period_prices()) {
        (Purchase::TimeOfUse(_), Some(by_period)) => Prices::TimeOfUse { by_period, periods },
        (Purchase::Flat(p), _) => Prices::Flat(*p),
        (Purchase::TimeOfUse(t), None) => Prices::Flat(t.prices.flat),
    };
    let flat_price = match &inp.tariff.purchase {
        Purchase::Flat(p) => *p,
        Purchase::TimeOfUse(t) => t.prices.flat,
    };
    let hour_price: Vec<f64> = match (&prices, hours) {
        (_, None) => Vec::new(),
        _ if rule.is_linear() => Vec::new(),
        (Prices::Flat(p), Some(_)) => vec![*p; HOURS],
        (Prices::TimeOfUse { by_period, periods }, Some(_)) => {
            periods.iter().map(|&k| by_period[k as usize]).collect()
        }
    };
    let mut detail = Detail::default();
    let mut sums: Vec<YearSums> = Vec::with_capacity(inp.degradation.years as usize);
    for y in 1..=inp.degradation.years {
        let f = inp.degradation.factor(y);
        let s = match hours {
            Some(h) if y == 1 => match_year(h, f, &rule, &prices, Some(&mut detail)),
            // Hours change nothing in a linear split: year y is year 1 × f(y) (f(1) = 1).
            Some(_) if rule.is_linear() => sums[0].scaled(f),
            Some(h) => match_year_totals(h, f, &rule, &hour_price),
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
    Lifetime { sums, detail }
}

/// Each year's income [yuan] and delivered energy [kWh].
pub(super) struct Income {
    /// Self-used energy at the full purchase price, escalated: p(y) = p(1)·(1 + e)^(y − 1).
    pub self_use_yuan: Vec<f64>,
    /// Exported energy at the export price, escalated by the export escalation.
    pub export_yuan: Vec<f64>,
    /// Self-used + exported (curtailed energy is not delivered).
    pub delivered_kwh: Vec<f64>,
}

/// The income of the years `sums` under `inp`'s prices.
pub(super) fn income(inp: &Inputs, sums: &[YearSums]) -> Income {
    let grow = |e: f64, y: usize| (1.0 + e).powi(y as i32);
    Income {
        self_use_yuan: sums
            .iter()
            .enumerate()
            .map(|(i, s)| s.self_use_value_yuan * grow(inp.tariff.escalation, i))
            .collect(),
        export_yuan: sums
            .iter()
            .enumerate()
            .map(|(i, s)| {
                s.split.exported_kwh
                    * inp.tariff.export_price_yuan_kwh
                    * grow(inp.tariff.export_escalation, i)
            })
            .collect(),
        delivered_kwh: sums
            .iter()
            .map(|s| s.split.self_used_kwh + s.split.exported_kwh)
            .collect(),
    }
}
