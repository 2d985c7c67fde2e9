//! Electricity prices: what the site pays the grid, what exported power earns, and shipped price
//! presets with their sources (shared reference `china-factors.md` §3).

use serde::Serialize;

use crate::calendar::{month_of_day, HOURS};
use crate::check::{between, conflict, missing, positive};
use crate::diag::Warning;
use crate::diag::{bi, Bilingual};
use crate::emissions::Source;
use crate::error::{codes, ScenarioError};
use crate::rules::benchmarks::BENCHMARKS;
use crate::rules::export_price::ExportRule;
use crate::scenario::{Period, TimeOfUse, TouPrices, TouSeason, PERIODS};

/// What a price preset is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PriceKind {
    /// A purchase price of grid power (avoided by self-use).
    GridPrice,
    /// A price for exported power.
    ExportPrice,
}

/// A shipped price with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TariffPreset {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub kind: PriceKind,
    /// [yuan/kWh].
    pub value_yuan_kwh: f64,
    /// True when the value was read in the source; false for a representative value to confirm.
    pub confirmed: bool,
    pub source: Source,
}

/// Default price of grid power avoided by self-use [yuan/kWh]: Shanxi general commercial/industrial.
pub const DEFAULT_GRID_PRICE_ID: &str = "shanxi-ci-representative";
/// Default export price [yuan/kWh]: the Shanxi coal-fired benchmark.
pub const DEFAULT_EXPORT_PRICE_ID: &str = "benchmark-shanxi";

const NDRC: Bilingual = bi(
    "National Development and Reform Commission (NDRC)",
    "国家发展和改革委员会",
);
const BENCHMARK_DOC: Bilingual = bi(
    "Provincial coal-fired generation benchmark prices, public provincial table (basis: NDRC Price Regulation \
     [2019] No. 1658); since NDRC document 136 (Feb 2025) new commercial/industrial projects from 2025-06-01 \
     sell exported power at market prices, so the benchmark is only a default",
    "燃煤发电基准价（各省），公开的分省价格表（依据发改价格规〔2019〕1658号）；自国家发展改革委 2025 年 2 月 136 号文起，\
     2025 年 6 月 1 日及以后投产的工商业项目上网电量按市场价格结算，基准价仅作默认值",
);

fn benchmark(
    id: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    value: f64,
) -> TariffPreset {
    TariffPreset {
        id,
        name_zh,
        name_en,
        kind: PriceKind::ExportPrice,
        value_yuan_kwh: value,
        confirmed: true,
        source: Source::shipped(
            NDRC,
            BENCHMARK_DOC,
            2019,
            Some(bi("coal-fired benchmark price", "燃煤发电基准价")),
        ),
    }
}

/// Every shipped price: the representative purchase prices, then the coal benchmarks.
pub fn presets() -> Vec<TariffPreset> {
    let mut all = vec![
        TariffPreset {
            id: "shanxi-ci-representative",
            name_zh: "山西一般工商业电价（代表值）",
            name_en: "Shanxi general commercial/industrial price (representative)",
            kind: PriceKind::GridPrice,
            value_yuan_kwh: 0.55,
            confirmed: false,
            source: Source::shipped(
                bi("State Grid Shanxi Electric Power (agency purchase price notice)", "国网山西省电力公司（代理购电价格公告）"),
                bi("Agency-purchase price table, Sept 2026, as read in a public coefficient registry",
                   "代理购电价格表（2026 年 9 月，据公开系数库）"),
                2026,
                Some(bi(
                    "≈0.55 yuan/kWh, a representative value of the 0.55–0.65 range; the actual price depends on voltage \
                     level and time of use — enter your own bill's average price (to confirm)",
                    "约 0.55 元/kWh，为 0.55–0.65 元/kWh 区间的代表值；实际电价取决于电压等级和分时段，请填写本单位电费单的平均电价（待核实）",
                )),
            ),
        },
        TariffPreset {
            id: "shanxi-residential",
            name_zh: "山西居民电价（第一档）",
            name_en: "Shanxi residential price (first tier)",
            kind: PriceKind::GridPrice,
            value_yuan_kwh: 0.477,
            confirmed: false,
            source: Source::shipped(
                bi("Shanxi Development and Reform Commission", "山西省发展和改革委员会"),
                bi("Residential tiered tariff, first tier", "居民阶梯电价（第一档）"),
                2024,
                Some(bi("widely quoted, to confirm", "广泛引用，待核实")),
            ),
        },
    ];
    all.extend(
        BENCHMARKS
            .iter()
            .map(|b| benchmark(b.id, b.name_zh, b.name_en, b.value_yuan_kwh)),
    );
    all
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<TariffPreset> {
    presets().into_iter().find(|p| p.id == id)
}

/// A shipped time-of-use tariff with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeOfUsePreset {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// First day the periods apply (ISO date).
    pub valid_from: &'static str,
    /// Last day, when a later notice replaced them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<&'static str>,
    pub time_of_use: TimeOfUse,
    /// The period prices as ratios to the flat price [-], when the notice sets ratios and the
    /// shipped prices are a representative flat price × these.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratios: Option<TouPrices>,
    /// True when periods and prices were read in the source; false while any is still to confirm.
    pub confirmed: bool,
    pub source: Source,
}

/// Id of the time-of-use tariff the page offers first.
pub const DEFAULT_TIME_OF_USE_ID: &str = "shanxi-ci-2026";

/// 24 periods from (first hour, last hour inclusive, period) runs; hours not named are flat.
pub(crate) fn day(runs: &[(usize, usize, Period)]) -> Vec<Period> {
    let mut out = vec![Period::Flat; 24];
    for &(a, b, p) in runs {
        out[a..=b].fill(p);
    }
    out
}

/// Representative Shanxi general commercial/industrial prices [yuan/kWh] under the notices' ratios
/// (peak = flat + 60 %, valley = flat − 55 %, critical peak = peak + 20 % of the part of the price
/// that floats). Derived, to confirm: a floating part F with peak − valley = 1.15 F = 0.3336 yuan/kWh
/// (the September 2026 agency-purchase table's largest spread, September having no critical peak)
/// gives F = 0.2901; the non-floating part N = 0.2412 makes the time-weighted September average
/// (7 valley, 8 flat, 9 peak hours) the representative 0.55 yuan/kWh. Flat = N + F, peak = N + 1.6 F,
/// valley = N + 0.45 F, critical peak = N + 1.92 F.
const SHANXI_PRICES: TouPrices = TouPrices {
    sharp_peak: Some(0.798),
    peak: 0.705,
    flat: 0.531,
    valley: 0.372,
    deep_valley: None,
};

pub(crate) const SHANXI_DRC: Bilingual = bi(
    "Shanxi Development and Reform Commission",
    "山西省发展和改革委员会",
);

/// Shanxi's shipped time-of-use tariffs (every province's: [`crate::rules::tou_presets`]).
pub(crate) fn shanxi_presets() -> Vec<TimeOfUsePreset> {
    use Period::{Peak, SharpPeak, Valley};
    let spring = day(&[
        (2, 4, Valley),
        (6, 7, Peak),
        (9, 14, Valley),
        (17, 23, Peak),
    ]);
    let summer = day(&[
        (2, 4, Valley),
        (6, 7, Peak),
        (10, 14, Valley),
        (18, 20, SharpPeak),
        (21, 23, Peak),
    ]);
    let autumn = day(&[
        (2, 4, Valley),
        (6, 7, Peak),
        (11, 14, Valley),
        (17, 23, Peak),
    ]);
    let winter = day(&[
        (2, 4, Valley),
        (6, 7, Peak),
        (10, 14, Valley),
        (16, 16, Peak),
        (17, 19, SharpPeak),
        (20, 22, Peak),
    ]);
    let y2022 = day(&[
        (0, 6, Valley),
        (8, 10, Peak),
        (11, 12, Valley),
        (17, 22, Peak),
    ]);
    vec![
        TimeOfUsePreset {
            id: "shanxi-ci-2026",
            name_zh: "山西工商业分时电价（2026 年 5 月起，四季时段）",
            name_en: "Shanxi commercial/industrial time-of-use (from May 2026, four seasons)",
            valid_from: "2026-05-01",
            valid_until: None,
            ratios: None,
            time_of_use: TimeOfUse {
                prices: SHANXI_PRICES,
                schedule: vec![
                    TouSeason { months: vec![3, 4, 5], hours: spring },
                    TouSeason { months: vec![6, 7, 8], hours: summer },
                    TouSeason { months: vec![9, 10, 11], hours: autumn },
                    TouSeason { months: vec![12, 1, 2], hours: winter },
                ],
            },
            confirmed: false,
            source: Source::shipped(
                SHANXI_DRC,
                bi(
                    "Notice on Shanxi's time-of-use tariff mechanism, Jin Fa Gai Shang Pin Fa [2026] No. 15 (published \
                     2026-02-28, in force from 2026-05-01; fgw.shanxi.gov.cn/sxfgwzwgk/sxsfgwxxgk/xxgkml/tz/202602/t20260228_10069158.shtml), \
                     as transcribed in a public repository",
                    "山西电网分时电价机制通知（晋发改商品发〔2026〕15号，2026-02-28 发布，2026-05-01 起执行；\
                     fgw.shanxi.gov.cn/sxfgwzwgk/sxsfgwxxgk/xxgkml/tz/202602/t20260228_10069158.shtml），据公开代码库转录",
                ),
                2026,
                Some(bi(
                    "Periods (to confirm against the notice): spring (Mar–May) valley 02–05 and 09–15, peak 06–08 and \
                     17–24; summer (Jun–Aug) valley 02–05 and 10–15, peak 06–08 and 21–24, critical peak 18–21; autumn \
                     (Sep–Nov) valley 02–05 and 11–15, peak 06–08 and 17–24; winter (Dec–Feb) valley 02–05 and 10–15, \
                     peak 06–08, 16–17 and 20–23, critical peak 17–20; other hours flat. Ratios (NDRC 2021 No. 1093 \
                     framework): peak = flat + 60 %, valley = flat − 55 %, critical peak = peak + 20 %; holiday deep \
                     valley 13–15 (valley − 20 %) is not modelled. Prices are representative, derived from a 0.55 yuan/kWh \
                     average and the Sept 2026 spread of 0.3336 yuan/kWh — enter the prices of your own bill.",
                    "时段（待与原文核对）：春季（3–5 月）低谷 2–5 时、9–15 时，高峰 6–8 时、17–24 时；夏季（6–8 月）低谷 2–5 时、\
                     10–15 时，高峰 6–8 时、21–24 时，尖峰 18–21 时；秋季（9–11 月）低谷 2–5 时、11–15 时，高峰 6–8 时、17–24 时；\
                     冬季（12–2 月）低谷 2–5 时、10–15 时，高峰 6–8 时、16–17 时、20–23 时，尖峰 17–20 时；其余为平段。浮动比例\
                     （发改价格〔2021〕1093号框架）：高峰上浮 60%，低谷下浮 55%，尖峰在高峰基础上上浮 20%；节假日 13–15 时深谷\
                     （低谷再下浮 20%）未计入。电价为代表值，由平均约 0.55 元/kWh 与 2026 年 9 月峰谷价差 0.3336 元/kWh 推算，\
                     请按本单位电费单填写。",
                )),
            ),
        },
        TimeOfUsePreset {
            id: "shanxi-ci-2022",
            name_zh: "山西工商业分时电价（2022 年 1 月至 2026 年 4 月）",
            name_en: "Shanxi commercial/industrial time-of-use (Jan 2022 – Apr 2026)",
            valid_from: "2022-01-01",
            valid_until: Some("2026-04-30"),
            ratios: None,
            time_of_use: TimeOfUse {
                prices: TouPrices {
                    sharp_peak: None,
                    ..SHANXI_PRICES
                },
                schedule: vec![TouSeason {
                    months: (1..=12).collect(),
                    hours: y2022,
                }],
            },
            confirmed: false,
            source: Source::shipped(
                SHANXI_DRC,
                bi(
                    "Notice on improving the time-of-use tariff mechanism, Jin Fa Gai Shang Pin Fa [2021] No. 479 \
                     (published 2022-01-05), its text as quoted in a public repository (periods and ratios read in that quotation)",
                    "关于完善分时电价机制有关事项的通知（晋发改商品发〔2021〕479号，2022-01-05 发布），据公开代码库引用的原文（时段与比例见该引用）",
                ),
                2022,
                Some(bi(
                    "Peak 08–11 and 17–23, valley 00–07 and 11–13, flat 07–08, 13–17 and 23–24; peak = flat + 60 %, \
                     valley = flat − 55 %. The critical peak (Jan, Jul, Aug, Dec 18–20, peak + 20 %) applied to large \
                     industrial users only and is left out. Prices representative as for the 2026 preset (to confirm).",
                    "高峰 8–11 时、17–23 时，低谷 0–7 时、11–13 时，平段 7–8 时、13–17 时、23–24 时；高峰上浮 60%，低谷下浮 55%。\
                     尖峰（1、7、8、12 月 18–20 时，高峰再上浮 20%）仅适用于大工业用户，此处未计入。电价为代表值，同 2026 年预设（待核实）。",
                )),
            ),
        },
    ]
}

/// Index of a period in [`Period::ALL`].
pub fn period_index(p: Period) -> usize {
    match p {
        Period::SharpPeak => 0,
        Period::Peak => 1,
        Period::Flat => 2,
        Period::Valley => 3,
        Period::DeepValley => 4,
    }
}

/// The price of a period [yuan/kWh] (after [`check_time_of_use`], a used critical peak has one).
pub fn period_price(prices: &TouPrices, p: Period) -> f64 {
    match p {
        Period::SharpPeak => prices.sharp_peak.unwrap_or(prices.peak),
        Period::Peak => prices.peak,
        Period::Flat => prices.flat,
        Period::Valley => prices.valley,
        Period::DeepValley => prices.deep_valley.unwrap_or(prices.valley),
    }
}

/// Checks a time-of-use tariff at JSON path `field`: positive prices, every month 1–12 in exactly one
/// schedule row, 24 known periods per row, a critical-peak price when a row uses that period.
/// Returns warnings (prices out of the usual order).
pub fn check_time_of_use(t: &TimeOfUse, field: &str) -> Result<Vec<Warning>, ScenarioError> {
    let p = &t.prices;
    positive(&format!("{field}.prices.peak"), p.peak, 10.0)?;
    positive(&format!("{field}.prices.flat"), p.flat, 10.0)?;
    positive(&format!("{field}.prices.valley"), p.valley, 10.0)?;
    if let Some(v) = p.sharp_peak {
        positive(&format!("{field}.prices.sharpPeak"), v, 10.0)?;
    }
    if let Some(v) = p.deep_valley {
        positive(&format!("{field}.prices.deepValley"), v, 10.0)?;
    }
    if t.schedule.is_empty() {
        return Err(ScenarioError::new(
            codes::INVALID_LENGTH,
            format!("{field}.schedule"),
            format!("{field}.schedule must hold at least one row"),
            format!("{field}.schedule 至少需要一行"),
        ));
    }
    let mut owner: [Option<usize>; 12] = [None; 12];
    for (i, row) in t.schedule.iter().enumerate() {
        let rf = format!("{field}.schedule[{i}]");
        if row.months.is_empty() {
            return Err(ScenarioError::new(
                codes::INVALID_LENGTH,
                format!("{rf}.months"),
                format!("{rf}.months must name at least one month"),
                format!("{rf}.months 至少需要一个月份"),
            ));
        }
        for (j, &m) in row.months.iter().enumerate() {
            let mf = format!("{rf}.months[{j}]");
            between(&mf, f64::from(m), 1.0, 12.0)?;
            if let Some(k) = owner[m as usize - 1] {
                let (en, zh) = if k == i {
                    (
                        format!("month {m} appears twice in this row"),
                        format!("月份 {m} 在本行中重复"),
                    )
                } else {
                    (
                        format!("month {m} is already in {field}.schedule[{k}]; each month belongs to exactly one row"),
                        format!("月份 {m} 已在 {field}.schedule[{k}] 中；每个月只能属于一行"),
                    )
                };
                return Err(conflict(&mf, &en, &zh));
            }
            owner[m as usize - 1] = Some(i);
        }
        if row.hours.len() != 24 {
            return Err(ScenarioError::new(
                codes::INVALID_LENGTH,
                format!("{rf}.hours"),
                format!(
                    "{rf}.hours must hold 24 periods, one per clock hour from 00:00 (got {})",
                    row.hours.len()
                ),
                format!(
                    "{rf}.hours 须为 24 个时段，自 0 时起每小时一个（当前为 {} 个）",
                    row.hours.len()
                ),
            ));
        }
        if p.sharp_peak.is_none() && row.hours.contains(&Period::SharpPeak) {
            return Err(missing(&format!("{field}.prices.sharpPeak")));
        }
        if p.deep_valley.is_none() && row.hours.contains(&Period::DeepValley) {
            return Err(missing(&format!("{field}.prices.deepValley")));
        }
    }
    let gaps: Vec<String> = (1..=12)
        .filter(|m| owner[m - 1].is_none())
        .map(|m| m.to_string())
        .collect();
    if !gaps.is_empty() {
        let list = gaps.join(", ");
        return Err(ScenarioError::new(
            codes::INCOMPLETE,
            format!("{field}.schedule"),
            format!("{field}.schedule: month(s) {list} are in no row; every month 1–12 needs exactly one"),
            format!("{field}.schedule：月份 {list} 未包含在任何一行中；1–12 月每月须恰好属于一行"),
        ));
    }
    let mut warnings = Vec::new();
    let order_ok = p.valley <= p.flat
        && p.flat <= p.peak
        && p.sharp_peak.map_or(true, |s| s >= p.peak)
        && p.deep_valley.map_or(true, |d| d <= p.valley);
    if !order_ok {
        warnings.push(Warning {
            code: "tou_price_order",
            message: "The time-of-use prices are not in the usual order deep valley ≤ valley ≤ flat ≤ peak ≤ critical peak; check them.".into(),
            message_zh: "分时电价不符合通常的 深谷 ≤ 低谷 ≤ 平段 ≤ 高峰 ≤ 尖峰 顺序，请核对。".into(),
        });
    }
    Ok(warnings)
}

/// The period index ([`period_index`]) of every hour of the reference year under a checked tariff.
pub fn hourly_periods(t: &TimeOfUse) -> Vec<u8> {
    let mut by_month = [[2u8; 24]; 12];
    for row in &t.schedule {
        for &m in &row.months {
            for (h, &p) in row.hours.iter().enumerate() {
                by_month[m as usize - 1][h] = period_index(p) as u8;
            }
        }
    }
    (0..HOURS)
        .map(|h| by_month[month_of_day(h / 24)][h % 24])
        .collect()
}

/// Price in year `year` (1-based) of a price `first_year_yuan_kwh` changing by `escalation` [-/yr]:
/// p(y) = p₁ · (1 + e)^(y − 1).
pub fn escalated(first_year_yuan_kwh: f64, escalation: f64, year: u32) -> f64 {
    first_year_yuan_kwh * (1.0 + escalation).powi(year as i32 - 1)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_exist_with_the_documented_values() {
        assert_eq!(
            preset(DEFAULT_EXPORT_PRICE_ID).unwrap().value_yuan_kwh,
            0.332
        );
        assert_eq!(
            preset(DEFAULT_GRID_PRICE_ID).unwrap().kind,
            PriceKind::GridPrice
        );
    }

    #[test]
    fn escalation_compounds_from_year_two() {
        assert_eq!(escalated(0.5, 0.02, 1), 0.5);
        assert!((escalated(0.5, 0.02, 3) - 0.5 * 1.02 * 1.02).abs() < 1e-15);
    }
}
