//! Avoided emissions: generation [kWh] × per-kWh factors of the power it displaces.
//!
//! Every shipped factor set names, for each value, its issuer, document and data year, and says
//! whether the value was read in that source (`confirmed`) or is a widely quoted figure still to be
//! confirmed. Sources: shared reference `china-factors.md` §1–2 and `shuozhou-case.md`.

use serde::{Deserialize, Serialize};

/// Who published a figure, where and for which year.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    pub issuer: String,
    pub document: String,
    /// Year the data describe (not the year of publication).
    pub data_year: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The source of one value of a factor set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ValueSource {
    /// Which factor: `coalKgce`, `co2Kg`, `so2G`, `noxG`, `dustG` or `waterKg`.
    pub quantity: String,
    pub issuer: String,
    pub document: String,
    pub data_year: u32,
    /// True when the value was read in the named document; false for a widely quoted figure to confirm.
    pub confirmed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Per-kWh factors of the grid or thermal power that PV generation displaces.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
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

/// Avoided quantities [t].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
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

const MEE: &str =
    "生态环境部、国家统计局 Ministry of Ecology and Environment & National Bureau of Statistics";
const CEC: &str = "中国电力企业联合会 China Electricity Council (CEC)";
const CEC_2018: &str = "《中国电力行业年度发展报告2019》 China Power Industry Annual Development Report 2019 (2018 data)";
const CEC_RECENT: &str = "《中国电力行业年度发展报告》 China Power Industry Annual Development Report (2022–2024 editions)";

fn value(q: &str, issuer: &str, doc: &str, year: u32, confirmed: bool, note: &str) -> ValueSource {
    ValueSource {
        quantity: q.to_string(),
        issuer: issuer.to_string(),
        document: doc.to_string(),
        data_year: year,
        confirmed,
        note: (!note.is_empty()).then(|| note.to_string()),
    }
}

fn source(issuer: &str, document: &str, data_year: u32, note: &str) -> Option<Source> {
    Some(Source {
        issuer: issuer.to_string(),
        document: document.to_string(),
        data_year,
        note: Some(note.to_string()),
    })
}

/// Coal, pollutant and water values of recent years (2022 coal rate; 2021–2023 pollutant
/// intensities; 2020 water), shared by the MEE grid-factor presets.
fn recent_thermal_values() -> Vec<ValueSource> {
    vec![
        value("coalKgce", CEC, CEC_RECENT, 2022, false,
              "national average coal use per kWh supplied, 300.7 gce/kWh (plants ≥ 6 MW); widely quoted, to confirm"),
        value("so2G", CEC, CEC_RECENT, 2022, false, "thermal-power SO₂ ≈0.10 g/kWh (2021–2023); to confirm"),
        value("noxG", CEC, CEC_RECENT, 2022, false, "thermal-power NOx ≈0.15 g/kWh (2021–2023); to confirm"),
        value("dustG", CEC, CEC_RECENT, 2022, false, "thermal-power dust ≈0.02 g/kWh (2021–2023); to confirm"),
        value("waterKg", CEC, CEC_RECENT, 2020, false, "thermal-power water consumption ≈1.18 kg/kWh (2020); to confirm"),
    ]
}

fn mee_preset(
    id: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    co2_kg: f64,
    year: u32,
    what: &str,
) -> FactorPreset {
    let doc = format!("《{year}年电力二氧化碳排放因子》 {year} electricity CO₂ emission factors");
    let mut sources = vec![value("co2Kg", MEE, &doc, year, true, what)];
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
            source: source(
                MEE,
                &doc,
                year,
                "Location-based grid CO₂ factor (kg CO₂ per kWh consumed); coal, pollutant and water values from \
                 the nearest year with a published national figure, see valueSources.",
            ),
            value_sources: Some(sources),
        },
    }
}

/// Every shipped factor set.
pub fn presets() -> Vec<FactorPreset> {
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
                source: source(
                    CEC,
                    CEC_2018,
                    2018,
                    "Reproduces the Shuozhou 6 MW report (2291.50 t coal, 7427.25 t CO₂, 1.42 t NOx, 9163.01 t water \
                     for 7,449,600 kWh). CO₂ is the legacy 0.997 kg/kWh, far above today's official grid factors.",
                ),
                value_sources: Some(vec![
                    value("coalKgce", CEC, CEC_2018, 2018, false,
                          "307.6 gce/kWh national average coal use per kWh supplied; corroborated by the exact Shuozhou fit"),
                    value("co2Kg", "(legacy, no issuing body)", "0.272 kg carbon/kWh × 44/12, long-circulating figure", 2018, false,
                          "legacy figure used by the Shuozhou report; prefer an MEE grid factor for official documents"),
                    value("so2G", CEC, CEC_2018, 2018, false, "≈0.20 g/kWh thermal-power SO₂; to confirm"),
                    value("noxG", CEC, CEC_2018, 2018, false,
                          "0.19 g/kWh thermal-power NOx; corroborated by the exact Shuozhou fit"),
                    value("dustG", CEC, CEC_2018, 2018, false, "≈0.04 g/kWh thermal-power dust; to confirm"),
                    value("waterKg", CEC, CEC_2018, 2018, false,
                          "1.23 kg/kWh thermal-power water consumption; corroborated by the exact Shuozhou fit"),
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
                source: source(
                    "中国青年网 China Youth Net (as quoted)",
                    "2017 article quoting the \"1 kWh saved\" set: 0.4 kgce, 0.997 kg CO₂, 0.03 kg SO₂, 0.015 kg NOx, 0.272 kg carbon dust, 4 L water",
                    2017,
                    "Pre ultra-low-emission era: SO₂, NOx and dust are 100–1000× today's fleet. For comparison only; \
                     the 0.272 kg \"dust\" is really the carbon content of the CO₂ figure.",
                ),
                value_sources: Some(
                    ["coalKgce", "co2Kg", "so2G", "noxG", "dustG", "waterKg"]
                        .iter()
                        .map(|q| value(q, "中国青年网 China Youth Net (as quoted)", "2017 article, legacy slogan set", 2017, true,
                                       "checked as quoted in the article; the figures themselves predate it"))
                        .collect(),
                ),
            },
        },
        mee_preset(
            "mee-2023-national",
            "全国电网平均排放因子（2023年）",
            "National grid average factor (2023)",
            0.5306,
            2023,
            "national average 0.5306 kg CO₂/kWh",
        ),
        mee_preset(
            "mee-2023-north-china",
            "华北区域电网排放因子（2023年）",
            "North China regional grid factor (2023)",
            0.6361,
            2023,
            "North China regional 0.6361 kg CO₂/kWh",
        ),
        mee_preset(
            "mee-2022-shanxi",
            "山西省电网排放因子（2022年）",
            "Shanxi provincial grid factor (2022)",
            0.7096,
            2022,
            "Shanxi provincial 0.7096 kg CO₂/kWh",
        ),
        mee_preset(
            "mee-2022-national-fossil",
            "全国化石能源电力排放因子（2022年，上限）",
            "National fossil-only power factor (2022, upper bound)",
            0.8325,
            2022,
            "national fossil-fuel power 0.8325 kg CO₂/kWh: a defensible upper bound for power displaced by PV",
        ),
    ]
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<FactorPreset> {
    presets().into_iter().find(|p| p.id == id)
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
