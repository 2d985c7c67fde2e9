//! Electricity prices: what the site pays the grid, what exported power earns, and shipped price
//! presets with their sources (shared reference `china-factors.md` §3).

use serde::Serialize;

use crate::emissions::{bi, Bilingual, Source};

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

/// Every shipped price.
pub fn presets() -> Vec<TariffPreset> {
    vec![
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
        benchmark("benchmark-shanxi", "山西燃煤发电基准价", "Shanxi coal-fired benchmark", 0.332),
        benchmark("benchmark-shaanxi", "陕西燃煤发电基准价", "Shaanxi coal-fired benchmark", 0.3545),
        benchmark("benchmark-beijing", "北京燃煤发电基准价", "Beijing coal-fired benchmark", 0.3598),
        benchmark("benchmark-tianjin", "天津燃煤发电基准价", "Tianjin coal-fired benchmark", 0.3655),
        benchmark("benchmark-hebei-north", "冀北燃煤发电基准价", "Hebei North coal-fired benchmark", 0.372),
        benchmark("benchmark-hebei-south", "河北南网燃煤发电基准价", "Hebei South coal-fired benchmark", 0.3644),
        benchmark("benchmark-shandong", "山东燃煤发电基准价", "Shandong coal-fired benchmark", 0.3949),
        benchmark("benchmark-jiangsu", "江苏燃煤发电基准价", "Jiangsu coal-fired benchmark", 0.391),
        benchmark("benchmark-zhejiang", "浙江燃煤发电基准价", "Zhejiang coal-fired benchmark", 0.4153),
        benchmark("benchmark-guangdong", "广东燃煤发电基准价", "Guangdong coal-fired benchmark", 0.453),
        benchmark("benchmark-inner-mongolia-west", "蒙西燃煤发电基准价", "Inner Mongolia West coal-fired benchmark", 0.2829),
    ]
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<TariffPreset> {
    presets().into_iter().find(|p| p.id == id)
}

/// Price in year `year` (1-based) of a price `first_year_yuan_kwh` changing by `escalation` [-/yr]:
/// p(y) = p₁ · (1 + e)^(y − 1).
pub fn escalated(first_year_yuan_kwh: f64, escalation: f64, year: u32) -> f64 {
    first_year_yuan_kwh * (1.0 + escalation).powi(year as i32 - 1)
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
