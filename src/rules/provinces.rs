//! Provincial rules under Document 136 (mechanism price, share, term) and the 2025 NEA measures
//! (minimum self-use share of general C&I), each with its source and whether it was read in the
//! document itself (`confirmed`) or only in a secondary report (to confirm).

use serde::Serialize;

use crate::diag::{bi, Bilingual};
use crate::emissions::Source;
use crate::rules::benchmarks;

/// A published figure of one province's mechanism for incremental (增量) projects.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MechanismFacts {
    /// Auction clearing price for PV [yuan/kWh], once an auction has cleared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub price_yuan_kwh: Option<f64>,
    /// Largest share of a project's exports under the mechanism [%].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_pct: Option<f64>,
    /// Term [years from commissioning].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub term_years: Option<u32>,
    /// Date of the document or result (ISO).
    pub date: &'static str,
    pub confirmed: bool,
    pub source: Source,
}

/// A province's minimum self-use share for general C&I projects.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MinimumSelfUse {
    /// [% of generation].
    pub share_pct: f64,
    pub date: &'static str,
    pub confirmed: bool,
    pub source: Source,
}

/// What is known of one province.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Province {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Coal-fired benchmark [yuan/kWh] (the ceiling of existing projects' mechanism price), when shipped:
    /// the value of the tariff preset `benchmark_preset_id`, which carries its source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark_yuan_kwh: Option<f64>,
    /// The shipped benchmark price (`presets().tariffs`) with its issuer, document and year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark_preset_id: Option<&'static str>,
    /// Whether a formal (continuous) spot market runs, which large C&I surplus export needs.
    pub spot_market: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_mechanism: Option<MechanismFacts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_self_use: Option<MinimumSelfUse>,
}

fn plan_note(en: &'static str, zh: &'static str) -> Option<Bilingual> {
    Some(bi(en, zh))
}

/// Every province the calculator knows.
pub fn provinces() -> Vec<Province> {
    vec![
        Province {
            id: "shanxi",
            name_zh: "山西",
            name_en: "Shanxi",
            benchmark_yuan_kwh: benchmark("benchmark-shanxi"),
            benchmark_preset_id: Some("benchmark-shanxi"),
            spot_market: true,
            new_mechanism: Some(MechanismFacts {
                price_yuan_kwh: None,
                share_pct: None,
                term_years: None,
                date: "2025",
                confirmed: false,
                source: Source::shipped(
                    bi("Shanxi Development and Reform Commission", "山西省发展和改革委员会"),
                    bi(
                        "Shanxi implementation plan of Document 136 (draft for comments), as summarised in a public report \
                         (reportify.ai/social-media/694760049152326)",
                        "山西省贯彻落实136号文实施方案（征求意见稿），据公开报道摘要（reportify.ai/social-media/694760049152326）",
                    ),
                    2025,
                    plan_note(
                        "Existing projects: mechanism price ≤ coal benchmark, share not above the previous year's; incremental \
                         projects: annual auction, price ≤ coal benchmark, bid sufficiency ≥ 1.2. No clearing price, share or term \
                         for distributed PV found: enter them (to confirm).",
                        "存量项目：机制电价不高于燃煤基准价，机制电量比例不高于上年；增量项目：每年竞价，价格不高于燃煤基准价，申报充足率不低于 1.2。\
                         未查到分布式光伏的出清价格、比例和期限，请自行填写（待核实）。",
                    ),
                ),
            }),
            minimum_self_use: Some(MinimumSelfUse {
                share_pct: 50.0,
                date: "2025",
                confirmed: false,
                source: Source::shipped(
                    bi("Shanxi Energy Administration", "山西省能源局"),
                    bi(
                        "Shanxi rules for general C&I distributed PV under NEA Guo Neng Fa Xin Neng Gui [2025] No. 7, as quoted with an English \
                         translation of the measures",
                        "山西省一般工商业分布式光伏自发自用比例要求（依据国能发新能规〔2025〕7号），据管理办法英文译本引用",
                    ),
                    2025,
                    plan_note("50 % of generation used on site (to confirm)", "年自发自用电量占发电量比例不低于 50%（待核实）"),
                ),
            }),
        },
        Province {
            id: "shandong",
            name_zh: "山东",
            name_en: "Shandong",
            benchmark_yuan_kwh: benchmark("benchmark-shandong"),
            benchmark_preset_id: Some("benchmark-shandong"),
            spot_market: true,
            new_mechanism: Some(MechanismFacts {
                price_yuan_kwh: Some(0.225),
                share_pct: None,
                term_years: None,
                date: "2025-10-14",
                confirmed: false,
                source: Source::shipped(
                    bi("Shandong Development and Reform Commission", "山东省发展和改革委员会"),
                    bi(
                        "Result of Shandong's first new-energy mechanism-price auction (rules: Lu Fa Gai Jia Ge [2025] No. 577, \
                         2025-08-06), as reported publicly (e.g. nenpower.com, which dates the auction to September 2025)",
                        "山东省新能源机制电价首次竞价结果（竞价细则：鲁发改价格〔2025〕577号，2025-08-06），据公开报道",
                    ),
                    2025,
                    plan_note(
                        "PV 0.225 yuan/kWh for 1.248 TWh (wind 0.319 for 5.967 TWh); the share and term of a distributed \
                         project were not found: enter them (to confirm).",
                        "光伏 0.225 元/kWh，12.48 亿 kWh（风电 0.319 元/kWh，59.67 亿 kWh）；分布式项目的机制电量比例与执行期限未查到，请自行填写（待核实）。",
                    ),
                ),
            }),
            minimum_self_use: None,
        },
        Province {
            id: "gansu",
            name_zh: "甘肃",
            name_en: "Gansu",
            benchmark_yuan_kwh: benchmark("benchmark-gansu"),
            benchmark_preset_id: Some("benchmark-gansu"),
            spot_market: true,
            new_mechanism: Some(MechanismFacts {
                price_yuan_kwh: None,
                share_pct: Some(80.0),
                term_years: Some(12),
                date: "2025-08-12",
                confirmed: false,
                source: Source::shipped(
                    bi("Gansu Development and Reform Commission", "甘肃省发展和改革委员会"),
                    bi(
                        "Gansu implementation plan for deepening the market reform of new-energy on-grid prices (2025-08-12), \
                         as reported publicly (en.greenbuildingpv.com/news_detail/1967396316842692608.html, 2025-09-15)",
                        "甘肃省深化新能源上网电价市场化改革实施方案（2025-08-12），据公开报道（en.greenbuildingpv.com，2025-09-15）",
                    ),
                    2025,
                    plan_note(
                        "Incremental projects: at most 80 % of exports under the mechanism, term 12 years, price by auction; \
                         existing projects 0.3078 yuan/kWh (to confirm).",
                        "增量项目：机制电量不超过上网电量的 80%，执行期限 12 年，价格由竞价形成；存量项目 0.3078 元/kWh（待核实）。",
                    ),
                ),
            }),
            minimum_self_use: None,
        },
        Province {
            id: "xinjiang",
            name_zh: "新疆",
            name_en: "Xinjiang",
            benchmark_yuan_kwh: benchmark("benchmark-xinjiang"),
            benchmark_preset_id: Some("benchmark-xinjiang"),
            spot_market: false,
            new_mechanism: Some(MechanismFacts {
                price_yuan_kwh: None,
                share_pct: Some(50.0),
                term_years: Some(10),
                date: "2025-06-24",
                confirmed: false,
                source: Source::shipped(
                    bi("Xinjiang Uygur Autonomous Region Development and Reform Commission", "新疆维吾尔自治区发展和改革委员会"),
                    bi(
                        "Implementation plan of the Autonomous Region for deepening the market reform of new-energy on-grid \
                         prices (trial), 2025-06-24, in an English translation of its text (e.ccement.com/news/content/50915138858316115.html, \
                         2025-06-26); the Production and Construction Corps' draft (2025-11-14) in a second report of the same site",
                        "自治区贯彻落实深化新能源上网电价市场化改革实施方案（试行），2025-06-24，据其英译文本（e.ccement.com，2025-06-26）；\
                         兵团征求意见稿（2025-11-14）据同一网站另一报道",
                    ),
                    2025,
                    plan_note(
                        "Incremental projects: 50 % of exports under the mechanism (provisional), auction range 0.150–0.262 \
                         yuan/kWh; term 10 years as in the Production and Construction Corps' draft (which sets 70 % for Corps projects); existing \
                         projects 0.25 yuan/kWh for 30 % (subsidised) or 0.262 for 50 % (grid parity) (to confirm).",
                        "增量项目：机制电量比例暂为上网电量的 50%，竞价区间 0.150–0.262 元/kWh；执行期限 10 年（据兵团征求意见稿，兵团项目比例为 70%）；\
                         存量项目补贴项目 0.25 元/kWh、比例 30%，平价项目 0.262 元/kWh、比例 50%（待核实）。",
                    ),
                ),
            }),
            minimum_self_use: None,
        },
        plain("jiangsu", "江苏", "Jiangsu", Some("benchmark-jiangsu")),
        plain("zhejiang", "浙江", "Zhejiang", Some("benchmark-zhejiang")),
        plain("guangdong", "广东", "Guangdong", Some("benchmark-guangdong")),
        plain("hebei", "河北", "Hebei", Some("benchmark-hebei-south")),
        plain("henan", "河南", "Henan", None),
        plain("anhui", "安徽", "Anhui", None),
        plain("shaanxi", "陕西", "Shaanxi", Some("benchmark-shaanxi")),
        plain("inner-mongolia-west", "蒙西", "Inner Mongolia West", Some("benchmark-inner-mongolia-west")),
    ]
}

/// The value of a shipped coal benchmark [yuan/kWh] (its source is on the tariff preset of that id).
fn benchmark(preset_id: &str) -> Option<f64> {
    benchmarks::benchmark(preset_id).map(|b| b.value_yuan_kwh)
}

/// A province for which no Document 136 figure is shipped yet; its benchmark by preset id.
fn plain(
    id: &'static str,
    zh: &'static str,
    en: &'static str,
    benchmark_preset_id: Option<&'static str>,
) -> Province {
    Province {
        id,
        name_zh: zh,
        name_en: en,
        benchmark_yuan_kwh: benchmark_preset_id.and_then(benchmark),
        benchmark_preset_id,
        spot_market: false,
        new_mechanism: None,
        minimum_self_use: None,
    }
}

/// The province with this id.
pub fn province(id: &str) -> Option<Province> {
    provinces().into_iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_province_has_a_unique_id_and_every_fact_a_source() {
        let all = provinces();
        for (i, p) in all.iter().enumerate() {
            // a benchmark price only through a shipped, sourced tariff preset
            assert_eq!(
                p.benchmark_yuan_kwh.is_some(),
                p.benchmark_preset_id.is_some(),
                "{}",
                p.id
            );
            if let Some(id) = p.benchmark_preset_id {
                let preset =
                    crate::tariff::preset(id).unwrap_or_else(|| panic!("{}: no preset {id}", p.id));
                assert!(!preset.source.document.is_empty(), "{id}");
            }
            assert!(all[i + 1..].iter().all(|q| q.id != p.id), "{} twice", p.id);
            if let Some(m) = &p.new_mechanism {
                assert!(!m.source.document.is_empty() && m.source.note.is_some());
                assert!(m.share_pct.map_or(true, |s| (0.0..=100.0).contains(&s)));
            }
            if let Some(m) = &p.minimum_self_use {
                assert!(!m.source.document.is_empty());
            }
        }
        assert_eq!(
            province("shandong")
                .unwrap()
                .new_mechanism
                .unwrap()
                .price_yuan_kwh,
            Some(0.225)
        );
        assert_eq!(province("atlantis"), None);
    }
}
