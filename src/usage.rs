//! Where the generated energy goes: used on site, exported, or curtailed — by a fixed share of the
//! year's generation, or hour by hour against a load and an export limit.

use crate::calendar::{month_of_day, HOURS};
use crate::scenario::{UsageMode, PERIODS};

/// One period's split of generation [kWh]; the three parts add up to the generation.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Split {
    pub self_used_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
}

/// Splits `generation_kwh` by a fixed self-use share [0–1]:
/// full export → all exported; self-use + surplus → share used, rest exported;
/// full self-use (export blocked) → share used, rest curtailed.
pub fn split_by_share(generation_kwh: f64, mode: UsageMode, self_use_share: f64) -> Split {
    split_hour(generation_kwh, None, mode, self_use_share, f64::INFINITY)
}

/// Splits one hour's generation `g` [kWh]:
/// - used on site: nothing under full export; else min(g, load) with a load, or g × share without;
/// - exported: the surplus g − used up to `export_limit_kwh` (the export limit [kW] × 1 h; infinite
///   when there is none), nothing under full self-use;
/// - curtailed: the rest of the surplus.
#[inline]
pub fn split_hour(
    g: f64,
    load_kwh: Option<f64>,
    mode: UsageMode,
    self_use_share: f64,
    export_limit_kwh: f64,
) -> Split {
    let used = match (mode, load_kwh) {
        (UsageMode::FullExport, _) => 0.0,
        (_, Some(l)) => g.min(l),
        (_, None) => g * self_use_share,
    };
    let surplus = g - used;
    let exported = match mode {
        UsageMode::FullSelfUse => 0.0,
        _ => surplus.min(export_limit_kwh),
    };
    Split {
        self_used_kwh: used,
        exported_kwh: exported,
        curtailed_kwh: surplus - exported,
    }
}

/// How the site uses power: the rule of [`split_hour`] with its parameters.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule<'a> {
    pub mode: UsageMode,
    /// Used when there is no load [0–1].
    pub self_use_share: f64,
    /// Consumption of each hour of the reference year [kWh].
    pub load_kwh: Option<&'a [f64]>,
    /// Export limit [kW]; `None` for no limit.
    pub export_limit_kw: Option<f64>,
}

/// Every hour's split of `generation_kwh` (one value per hour) under `rule`.
pub fn split_hours(generation_kwh: &[f64], rule: &Rule) -> Vec<Split> {
    let limit = rule.export_limit_kw.unwrap_or(f64::INFINITY);
    generation_kwh
        .iter()
        .enumerate()
        .map(|(h, &g)| {
            split_hour(
                g,
                rule.load_kwh.map(|l| l[h]),
                rule.mode,
                rule.self_use_share,
                limit,
            )
        })
        .collect()
}

/// One year's sums.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct YearSums {
    pub generation_kwh: f64,
    pub split: Split,
    /// Σ self-used kWh × the hour's purchase price at year-1 prices [yuan].
    pub self_use_value_yuan: f64,
    /// Self-used kWh by time-of-use period ([`crate::tariff::period_index`]).
    pub self_used_by_period_kwh: [f64; PERIODS],
    /// Self-used value by period at year-1 prices [yuan].
    pub self_use_value_by_period_yuan: [f64; PERIODS],
}

/// Sums of one slice of the year (a month, or a clock hour over the year).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Bucket {
    pub generation_kwh: f64,
    pub split: Split,
    pub load_kwh: f64,
}

impl Bucket {
    fn add(&mut self, g: f64, s: &Split, load: f64) {
        self.generation_kwh += g;
        self.split.self_used_kwh += s.self_used_kwh;
        self.split.exported_kwh += s.exported_kwh;
        self.split.curtailed_kwh += s.curtailed_kwh;
        self.load_kwh += load;
    }
}

/// Year 1 by month and by clock hour.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Detail {
    pub by_month: [Bucket; 12],
    pub by_hour: [Bucket; 24],
}

/// Purchase prices of the hours.
#[derive(Debug, Clone, Copy)]
pub enum Prices<'a> {
    /// One price [yuan/kWh].
    Flat(f64),
    /// A price per time-of-use period [yuan/kWh] and the period of every hour.
    TimeOfUse {
        by_period: [f64; PERIODS],
        periods: &'a [u8],
    },
    /// A price for every hour of the reference year [yuan/kWh] (monthly prices).
    Hourly(&'a [f64]),
}

/// Matches one year hour by hour: generation of year 1 `hours_kwh` × `factor` (degradation),
/// split by `rule`, valued at `prices`. Fills `detail` (by month and clock hour) when given.
pub fn match_year(
    hours_kwh: &[f64],
    factor: f64,
    rule: &Rule,
    prices: &Prices,
    mut detail: Option<&mut Detail>,
) -> YearSums {
    debug_assert_eq!(hours_kwh.len(), HOURS);
    let limit = rule.export_limit_kw.unwrap_or(f64::INFINITY);
    let mut s = YearSums::default();
    for (h, &g1) in hours_kwh.iter().enumerate() {
        let g = g1 * factor;
        let load = rule.load_kwh.map(|l| l[h]);
        let split = split_hour(g, load, rule.mode, rule.self_use_share, limit);
        s.generation_kwh += g;
        s.split.self_used_kwh += split.self_used_kwh;
        s.split.exported_kwh += split.exported_kwh;
        s.split.curtailed_kwh += split.curtailed_kwh;
        match prices {
            Prices::Flat(p) => s.self_use_value_yuan += split.self_used_kwh * p,
            Prices::Hourly(p) => s.self_use_value_yuan += split.self_used_kwh * p[h],
            Prices::TimeOfUse { by_period, periods } => {
                let k = periods[h] as usize;
                let v = split.self_used_kwh * by_period[k];
                s.self_use_value_yuan += v;
                s.self_used_by_period_kwh[k] += split.self_used_kwh;
                s.self_use_value_by_period_yuan[k] += v;
            }
        }
        if let Some(d) = detail.as_deref_mut() {
            let l = load.unwrap_or(0.0);
            d.by_month[month_of_day(h / 24)].add(g, &split, l);
            d.by_hour[h % 24].add(g, &split, l);
        }
    }
    s
}

/// The totals of [`match_year`] without the detail and the period breakdown, for the years after
/// the first: `hour_price` is the purchase price of every hour at year-1 prices [yuan/kWh]. The same
/// per-hour rule, summed in the same order, so the totals equal [`match_year`]'s.
pub fn match_year_totals(
    hours_kwh: &[f64],
    factor: f64,
    rule: &Rule,
    hour_price: &[f64],
) -> YearSums {
    let limit = rule.export_limit_kw.unwrap_or(f64::INFINITY);
    let (mut gen, mut used, mut exported, mut curtailed, mut value) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut add = |g: f64, s: Split, p: f64| {
        gen += g;
        used += s.self_used_kwh;
        exported += s.exported_kwh;
        curtailed += s.curtailed_kwh;
        value += s.self_used_kwh * p;
    };
    match rule.load_kwh {
        Some(load) => {
            for ((&g1, &l), &p) in hours_kwh.iter().zip(load).zip(hour_price) {
                let g = g1 * factor;
                add(
                    g,
                    split_hour(g, Some(l), rule.mode, rule.self_use_share, limit),
                    p,
                );
            }
        }
        None => {
            for (&g1, &p) in hours_kwh.iter().zip(hour_price) {
                let g = g1 * factor;
                add(
                    g,
                    split_hour(g, None, rule.mode, rule.self_use_share, limit),
                    p,
                );
            }
        }
    }
    YearSums {
        generation_kwh: gen,
        split: Split {
            self_used_kwh: used,
            exported_kwh: exported,
            curtailed_kwh: curtailed,
        },
        self_use_value_yuan: value,
        ..YearSums::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_totals_path_equals_the_detailed_one() {
        let hours: Vec<f64> = (0..HOURS).map(|h| ((h * 7919) % 97) as f64).collect();
        let load: Vec<f64> = (0..HOURS).map(|h| ((h * 104_729) % 61) as f64).collect();
        let periods: Vec<u8> = (0..HOURS).map(|h| (h % 24 / 6) as u8).collect();
        let by_period = [1.2, 0.9, 0.6, 0.3, 0.1];
        let hour_price: Vec<f64> = periods.iter().map(|&k| by_period[k as usize]).collect();
        for mode in [
            UsageMode::FullExport,
            UsageMode::SelfUseSurplus,
            UsageMode::FullSelfUse,
        ] {
            for load_kwh in [None, Some(load.as_slice())] {
                let rule = Rule {
                    mode,
                    self_use_share: 0.4,
                    load_kwh,
                    export_limit_kw: (mode != UsageMode::FullSelfUse).then_some(30.0),
                };
                let prices = Prices::TimeOfUse {
                    by_period,
                    periods: &periods,
                };
                let a = match_year(&hours, 0.97, &rule, &prices, Some(&mut Detail::default()));
                let b = match_year_totals(&hours, 0.97, &rule, &hour_price);
                assert_eq!((a.generation_kwh, a.split), (b.generation_kwh, b.split));
                assert_eq!(a.self_use_value_yuan, b.self_use_value_yuan);
            }
        }
    }

    #[test]
    fn parts_add_up_in_every_mode() {
        for mode in [
            UsageMode::FullExport,
            UsageMode::SelfUseSurplus,
            UsageMode::FullSelfUse,
        ] {
            let s = split_by_share(1000.0, mode, 0.7);
            assert!((s.self_used_kwh + s.exported_kwh + s.curtailed_kwh - 1000.0).abs() < 1e-9);
        }
        let s = split_by_share(1000.0, UsageMode::FullSelfUse, 0.7);
        assert_eq!(
            (s.self_used_kwh, s.exported_kwh, s.curtailed_kwh),
            (700.0, 0.0, 300.0)
        );
    }

    #[test]
    fn an_hour_against_a_load_and_a_limit() {
        // 100 kWh generated, 30 kWh load, export limit 50 kW: 30 used, 50 exported, 20 curtailed.
        let s = split_hour(100.0, Some(30.0), UsageMode::SelfUseSurplus, 0.0, 50.0);
        assert_eq!(
            (s.self_used_kwh, s.exported_kwh, s.curtailed_kwh),
            (30.0, 50.0, 20.0)
        );
        // Zero export (limit 0): 70 curtailed.
        let s = split_hour(100.0, Some(30.0), UsageMode::SelfUseSurplus, 0.0, 0.0);
        assert_eq!(
            (s.self_used_kwh, s.exported_kwh, s.curtailed_kwh),
            (30.0, 0.0, 70.0)
        );
        // Load above generation: all used.
        let s = split_hour(20.0, Some(30.0), UsageMode::FullSelfUse, 0.0, f64::INFINITY);
        assert_eq!(
            (s.self_used_kwh, s.exported_kwh, s.curtailed_kwh),
            (20.0, 0.0, 0.0)
        );
        // Full export with a limit: 60 exported, 40 curtailed.
        let s = split_hour(100.0, None, UsageMode::FullExport, 0.0, 60.0);
        assert_eq!(
            (s.self_used_kwh, s.exported_kwh, s.curtailed_kwh),
            (0.0, 60.0, 40.0)
        );
    }
}
