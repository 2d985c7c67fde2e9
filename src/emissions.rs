//! Avoided emissions: generation [kWh] × per-kWh factors of the power it displaces.
//!
//! Every shipped factor set names, for each value, its issuer, document and data year, and says
//! whether the value was read in that source (`confirmed`) or is a widely quoted figure still to be
//! confirmed. Sources: shared reference `china-factors.md` §1–2 and `shuozhou-case.md`.

use serde::Serialize;

use crate::diag::{bi, Bilingual};

/// Who published a figure, where and for which year, in English and Chinese.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    pub issuer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer_zh: Option<String>,
    pub document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_zh: Option<String>,
    /// Year the data describe (not the year of publication).
    pub data_year: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_zh: Option<String>,
}
crate::from_json_struct!(Source {
    issuer: "issuer",
    issuer_zh: "issuerZh",
    document: "document",
    document_zh: "documentZh",
    data_year: "dataYear",
    note: "note",
    note_zh: "noteZh",
});

impl Source {
    /// A shipped source: issuer, document and note in both languages.
    pub fn shipped(
        issuer: Bilingual,
        document: Bilingual,
        data_year: u32,
        note: Option<Bilingual>,
    ) -> Self {
        Self {
            issuer: issuer.en.into(),
            issuer_zh: Some(issuer.zh.into()),
            document: document.en.into(),
            document_zh: Some(document.zh.into()),
            data_year,
            note: note.map(|n| n.en.into()),
            note_zh: note.map(|n| n.zh.into()),
        }
    }
}

/// The source of one value of a factor set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValueSource {
    /// Which factor: `coalKgce`, `co2Kg`, `so2G`, `noxG`, `dustG` or `waterKg`.
    pub quantity: String,
    /// True when the value was read in the named document; false for a widely quoted figure to confirm.
    pub confirmed: bool,
    pub source: Source,
}
crate::from_json_struct!(ValueSource {
    quantity: "quantity",
    confirmed: "confirmed",
    source: "source",
});

/// Per-kWh factors of the grid or thermal power that PV generation displaces.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmissionFactors {
    /// Standard coal [kgce/kWh].
    pub coal_kgce: f64,
    /// Carbon dioxide [kg/kWh].
    pub co2_kg: f64,
    /// Sulphur dioxide [g/kWh].
    pub so2_g: f64,
    /// Nitrogen oxides [g/kWh].
    pub nox_g: f64,
    /// Dust (particulates) [g/kWh].
    pub dust_g: f64,
    /// Water consumed [kg/kWh].
    pub water_kg: f64,
    /// The set's source, as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The source of each value, where the set mixes documents (presets always fill this).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_sources: Option<Vec<ValueSource>>,
}
crate::from_json_struct!(EmissionFactors {
    coal_kgce: "coalKgce",
    co2_kg: "co2Kg",
    so2_g: "so2G",
    nox_g: "noxG",
    dust_g: "dustG",
    water_kg: "waterKg",
    source: "source",
    value_sources: "valueSources",
});

/// Avoided quantities [t].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmissionTotals {
    pub coal_t: f64,
    pub co2_t: f64,
    pub so2_t: f64,
    pub nox_t: f64,
    pub dust_t: f64,
    pub water_t: f64,
}

/// Avoided quantities for `generation_kwh` [kWh]: kg/kWh × kWh / 1000 = t; g/kWh × kWh / 10⁶ = t.
pub fn avoided(generation_kwh: f64, f: &EmissionFactors) -> EmissionTotals {
    let kg_to_t = generation_kwh / 1e3;
    let g_to_t = generation_kwh / 1e6;
    EmissionTotals {
        coal_t: f.coal_kgce * kg_to_t,
        co2_t: f.co2_kg * kg_to_t,
        so2_t: f.so2_g * g_to_t,
        nox_t: f.nox_g * g_to_t,
        dust_t: f.dust_g * g_to_t,
        water_t: f.water_kg * kg_to_t,
    }
}

/// A named factor set.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FactorPreset {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub factors: EmissionFactors,
}

/// The preset used when a scenario names none: the newest national grid factor.
pub const DEFAULT_PRESET: &str = "mee-2023-national";

const MEE: Bilingual = bi(
    "Ministry of Ecology and Environment & National Bureau of Statistics",
    "生态环境部、国家统计局",
);
const CEC: Bilingual = bi("China Electricity Council (CEC)", "中国电力企业联合会");
const CEC_2018: Bilingual = bi(
    "China Power Industry Annual Development Report 2019 (2018 data)",
    "《中国电力行业年度发展报告2019》（2018 年数据）",
);
const CEC_RECENT: Bilingual = bi(
    "China Power Industry Annual Development Report (2022–2024 editions)",
    "《中国电力行业年度发展报告》（2022–2024 年版）",
);
const YOUTH_NET: Bilingual = bi("China Youth Net (as quoted)", "中国青年网（转引）");

fn value(
    quantity: &str,
    confirmed: bool,
    issuer: Bilingual,
    doc: Bilingual,
    year: u32,
    note: Bilingual,
) -> ValueSource {
    ValueSource {
        quantity: quantity.into(),
        confirmed,
        source: Source::shipped(issuer, doc, year, Some(note)),
    }
}

/// Coal, pollutant and water values of recent years (2022 coal rate; 2021–2023 pollutant
/// intensities; 2020 water), shared by the MEE grid-factor presets.
fn recent_thermal_values() -> Vec<ValueSource> {
    vec![
        value("coalKgce", false, CEC, CEC_RECENT, 2022, bi(
            "national average coal use per kWh supplied, 300.7 gce/kWh (plants ≥ 6 MW); widely quoted, to confirm",
            "全国平均供电标准煤耗 300.7 gce/kWh（6 MW 及以上电厂）；广泛引用，待核实")),
        value("so2G", false, CEC, CEC_RECENT, 2022, bi(
            "thermal-power SO₂ ≈0.10 g/kWh (2021–2023); to confirm", "火电 SO₂ 约 0.10 g/kWh（2021–2023 年）；待核实")),
        value("noxG", false, CEC, CEC_RECENT, 2022, bi(
            "thermal-power NOx ≈0.15 g/kWh (2021–2023); to confirm", "火电 NOx 约 0.15 g/kWh（2021–2023 年）；待核实")),
        value("dustG", false, CEC, CEC_RECENT, 2022, bi(
            "thermal-power dust ≈0.02 g/kWh (2021–2023); to confirm", "火电烟尘约 0.02 g/kWh（2021–2023 年）；待核实")),
        value("waterKg", false, CEC, CEC_RECENT, 2020, bi(
            "thermal-power water consumption ≈1.18 kg/kWh (2020); to confirm", "火电耗水约 1.18 kg/kWh（2020 年）；待核实")),
    ]
}

fn mee_preset(
    id: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    co2_kg: f64,
    year: u32,
    what: Bilingual,
) -> FactorPreset {
    let doc = if year == 2023 {
        bi(
            "2023 electricity CO₂ emission factors",
            "《2023年电力二氧化碳排放因子》",
        )
    } else {
        bi(
            "2022 electricity CO₂ emission factors",
            "《2022年电力二氧化碳排放因子》",
        )
    };
    let mut sources = vec![value("co2Kg", true, MEE, doc, year, what)];
    sources.extend(recent_thermal_values());
    FactorPreset {
        id,
        name_zh,
        name_en,
        factors: EmissionFactors {
            coal_kgce: 0.3007,
            co2_kg,
            so2_g: 0.10,
            nox_g: 0.15,
            dust_g: 0.02,
            water_kg: 1.18,
            source: Some(Source::shipped(MEE, doc, year, Some(bi(
                "Location-based grid CO₂ factor (kg CO₂ per kWh consumed); coal, pollutant and water values from \
                 the nearest year with a published national figure, see valueSources.",
                "基于地理位置的电网 CO₂ 排放因子（每消费 1 kWh 电的 kg CO₂）；标准煤、污染物和耗水取有全国公布数据的最近年份，见各因子出处。",
            )))),
            value_sources: Some(sources),
        },
    }
}

/// Every shipped factor set.
pub fn presets() -> Vec<FactorPreset> {
    let legacy_doc = bi(
        "2017 article quoting the \"1 kWh saved\" set: 0.4 kgce, 0.997 kg CO₂, 0.03 kg SO₂, 0.015 kg NOx, \
         0.272 kg carbon dust, 4 L water",
        "2017 年文章转引的“节约 1 度电”系数：0.4 kgce 标准煤、0.997 kg CO₂、0.03 kg SO₂、0.015 kg NOx、0.272 kg 碳粉尘、4 L 水",
    );
    let legacy_value = bi(
        "checked as quoted in the article; the figures themselves predate it",
        "已按文章引文核对；数值本身早于该文章",
    );
    vec![
        FactorPreset {
            id: "cec-2018",
            name_zh: "2018年火电平均值（朔州示范项目报道所用）",
            name_en: "2018 thermal-power averages (as used in the Shuozhou demonstration report)",
            factors: EmissionFactors {
                coal_kgce: 0.3076,
                co2_kg: 0.997,
                so2_g: 0.20,
                nox_g: 0.19,
                dust_g: 0.04,
                water_kg: 1.23,
                source: Some(Source::shipped(CEC, CEC_2018, 2018, Some(bi(
                    "Reproduces the Shuozhou 6 MW report (2291.50 t coal, 7427.25 t CO₂, 1.42 t NOx, 9163.01 t water \
                     for 7,449,600 kWh). CO₂ is the legacy 0.997 kg/kWh, far above today's official grid factors.",
                    "可复现朔州 6 MW 项目报道中的数字（7,449,600 kWh 对应标准煤 2291.50 吨、CO₂ 7427.25 吨、NOx 1.42 吨、\
                     水 9163.01 吨）。其中 CO₂ 为旧口径 0.997 kg/kWh，远高于现行官方电网排放因子。",
                )))),
                value_sources: Some(vec![
                    value("coalKgce", false, CEC, CEC_2018, 2018, bi(
                        "307.6 gce/kWh national average coal use per kWh supplied; corroborated by the exact Shuozhou fit",
                        "全国平均供电标准煤耗 307.6 gce/kWh；与朔州项目数字精确吻合")),
                    value("co2Kg", false,
                        bi("(legacy, no issuing body)", "（旧口径，无发布机构）"),
                        bi("0.272 kg carbon/kWh × 44/12, long-circulating figure", "0.272 kg 碳/kWh × 44/12，长期流传的数值"),
                        2018,
                        bi("legacy figure used by the Shuozhou report; prefer an MEE grid factor for official documents",
                           "朔州报道所用的旧口径数值；正式文件建议采用生态环境部发布的电网排放因子")),
                    value("so2G", false, CEC, CEC_2018, 2018, bi(
                        "≈0.20 g/kWh thermal-power SO₂; to confirm", "火电 SO₂ 约 0.20 g/kWh；待核实")),
                    value("noxG", false, CEC, CEC_2018, 2018, bi(
                        "0.19 g/kWh thermal-power NOx; corroborated by the exact Shuozhou fit",
                        "火电 NOx 0.19 g/kWh；与朔州项目数字精确吻合")),
                    value("dustG", false, CEC, CEC_2018, 2018, bi(
                        "≈0.04 g/kWh thermal-power dust; to confirm", "火电烟尘约 0.04 g/kWh；待核实")),
                    value("waterKg", false, CEC, CEC_2018, 2018, bi(
                        "1.23 kg/kWh thermal-power water consumption; corroborated by the exact Shuozhou fit",
                        "火电耗水 1.23 kg/kWh；与朔州项目数字精确吻合")),
                ]),
            },
        },
        FactorPreset {
            id: "legacy-slogan",
            name_zh: "旧口径（“节约1度电”宣传系数）",
            name_en: "Legacy slogan set (\"1 kWh saved\")",
            factors: EmissionFactors {
                coal_kgce: 0.4,
                co2_kg: 0.997,
                so2_g: 30.0,
                nox_g: 15.0,
                dust_g: 272.0,
                water_kg: 4.0,
                source: Some(Source::shipped(YOUTH_NET, legacy_doc, 2017, Some(bi(
                    "Pre ultra-low-emission era: SO₂, NOx and dust are 100–1000× today's fleet. For comparison only; \
                     the 0.272 kg \"dust\" is really the carbon content of the CO₂ figure.",
                    "超低排放改造之前的口径：SO₂、NOx 和烟尘为现役机组的 100–1000 倍，仅供对比；其中 0.272 kg“粉尘”实为 CO₂ 数值对应的碳含量。",
                )))),
                value_sources: Some(
                    ["coalKgce", "co2Kg", "so2G", "noxG", "dustG", "waterKg"]
                        .iter()
                        .map(|q| value(q, true, YOUTH_NET, legacy_doc, 2017, legacy_value))
                        .collect(),
                ),
            },
        },
        mee_preset("mee-2023-national", "全国电网平均排放因子（2023年）", "National grid average factor (2023)",
            0.5306, 2023, bi("national average 0.5306 kg CO₂/kWh", "全国平均 0.5306 kg CO₂/kWh")),
        mee_preset("mee-2023-north-china", "华北区域电网排放因子（2023年）", "North China regional grid factor (2023)",
            0.6361, 2023, bi("North China regional 0.6361 kg CO₂/kWh", "华北区域 0.6361 kg CO₂/kWh")),
        mee_preset("mee-2022-shanxi", "山西省电网排放因子（2022年）", "Shanxi provincial grid factor (2022)",
            0.7096, 2022, bi("Shanxi provincial 0.7096 kg CO₂/kWh", "山西省 0.7096 kg CO₂/kWh")),
        mee_preset("mee-2022-national-fossil", "全国化石能源电力排放因子（2022年，上限）",
            "National fossil-only power factor (2022, upper bound)", 0.8325, 2022,
            bi("national fossil-fuel power 0.8325 kg CO₂/kWh: a defensible upper bound for power displaced by PV",
               "全国化石能源电力 0.8325 kg CO₂/kWh：可作为光伏替代电量排放因子的合理上限")),
    ]
}

/// The preset with this id. (The sets are built once per process: each holds some forty source
/// texts, and a `calculate()` of the full-load-hours method spent 4 % of its time building all six
/// sets to keep one; issue 10.)
pub fn preset(id: &str) -> Option<FactorPreset> {
    static PRESETS: std::sync::OnceLock<Vec<FactorPreset>> = std::sync::OnceLock::new();
    PRESETS
        .get_or_init(presets)
        .iter()
        .find(|p| p.id == id)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_value_has_a_source() {
        for p in presets() {
            let sources = p.factors.value_sources.as_ref().expect(p.id);
            for q in ["coalKgce", "co2Kg", "so2G", "noxG", "dustG", "waterKg"] {
                assert!(
                    sources.iter().any(|s| s.quantity == q),
                    "{} lacks {q}",
                    p.id
                );
            }
            assert!(p.factors.source.is_some(), "{}", p.id);
        }
    }

    #[test]
    fn units_convert_kg_and_g_to_tonnes() {
        let f = EmissionFactors {
            coal_kgce: 1.0,
            so2_g: 1.0,
            ..Default::default()
        };
        let t = avoided(1e6, &f);
        assert_eq!((t.coal_t, t.so2_t), (1000.0, 1.0));
    }
}
