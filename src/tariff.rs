//! Electricity prices: what the site pays the grid, what exported power earns, and shipped price
//! presets with their sources (shared reference `china-factors.md` §3).

use serde::Serialize;

use crate::emissions::Source;

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

const BENCHMARK_DOC: &str = "燃煤发电基准价（各省）Provincial coal-fired generation benchmark prices, public provincial table \
     (basis of NDRC 发改价格规〔2019〕1658号); since NDRC document 136 (Feb 2025) new commercial/industrial projects \
     from 2025-06-01 sell exported power at market prices, so the benchmark is only a default";

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
        source: Source {
            issuer: "国家发展和改革委员会 National Development and Reform Commission (NDRC)".into(),
            document: BENCHMARK_DOC.into(),
            data_year: 2019,
            note: Some("燃煤发电基准价 coal-fired benchmark price".into()),
        },
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
            source: Source {
                issuer: "国网山西省电力公司 State Grid Shanxi (agency purchase price notice)".into(),
                document: "代理购电价格表 agency-purchase price table, Sept 2026, as read in a public coefficient registry".into(),
                data_year: 2026,
                note: Some(
                    "≈0.55 yuan/kWh representative average of the 0.55–0.65 range; the actual price depends on voltage \
                     level and time of use — enter your own bill's average price (to confirm)"
                        .into(),
                ),
            },
        },
        TariffPreset {
            id: "shanxi-residential",
            name_zh: "山西居民电价（第一档）",
            name_en: "Shanxi residential price (first tier)",
            kind: PriceKind::GridPrice,
            value_yuan_kwh: 0.477,
            confirmed: false,
            source: Source {
                issuer: "山西省发展和改革委员会 Shanxi Development and Reform Commission".into(),
                document: "居民阶梯电价 residential tiered tariff, first tier".into(),
                data_year: 2024,
                note: Some("widely quoted, to confirm".into()),
            },
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
