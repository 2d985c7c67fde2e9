//! Everything shipped with a source: emission factor sets, prices and worked example scenarios.

use serde::Serialize;

use crate::emissions::{self, FactorPreset};
use crate::scenario::{
    EmissionsChoice, Ownership, OwnershipKind, Resource, ResourceMethod, Scenario, System, Tariff,
    Usage, UsageMode,
};
use crate::tariff::{self, TariffPreset};

/// A worked example, ready to pass to [`crate::calculate`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ExampleScenario {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Where the figures come from and how the example reproduces them.
    pub description_zh: &'static str,
    pub description_en: &'static str,
    pub scenario: Scenario,
}

/// What [`presets`] returns.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Presets {
    pub emission_factors: Vec<FactorPreset>,
    /// Id of the factor set used when a scenario names none.
    pub default_emission_factors: &'static str,
    pub tariffs: Vec<TariffPreset>,
    /// Id of the grid price used when a scenario gives none.
    pub default_grid_price: &'static str,
    /// Id of the export price used when a scenario gives none.
    pub default_export_price: &'static str,
    pub scenarios: Vec<ExampleScenario>,
}

fn yield_scenario(capacity_kwp: f64, hours: f64) -> Scenario {
    Scenario {
        system: System {
            capacity_kwp,
            ..System::default()
        },
        resource: Resource {
            method: ResourceMethod::FullLoadHours,
            hours: Some(hours),
            horizontal_irradiation_kwh_m2: None,
            k: None,
            text: None,
            format: None,
            timing: None,
            file_name: None,
            station_id: None,
            ghi_kwh_m2: None,
            temp_c: None,
        },
        site: None,
        lifetime: None,
        usage: None,
        tariff: None,
        ownership: None,
        emissions: None,
        output: None,
    }
}

/// The Shuozhou examples (shared reference `shuozhou-case.md`).
pub fn example_scenarios() -> Vec<ExampleScenario> {
    let six_mw = Scenario {
        usage: Some(Usage {
            mode: UsageMode::SelfUseSurplus,
            self_use_share_pct: Some(80.0),
        }),
        emissions: Some(EmissionsChoice {
            preset: Some("cec-2018".into()),
            factors: None,
        }),
        ..yield_scenario(6000.0, 1241.6)
    };
    let four_mw = Scenario {
        usage: Some(Usage {
            mode: UsageMode::SelfUseSurplus,
            self_use_share_pct: Some(100.0),
        }),
        tariff: Some(Tariff {
            grid_price_yuan_kwh: Some(0.55),
            ..Tariff::default()
        }),
        ownership: Some(Ownership {
            kind: OwnershipKind::ThirdParty,
            capex_yuan_per_w: None,
            om_yuan_per_kwp_year: None,
            discount_rate_pct: None,
            discount_pct: Some(36.0),
            roof_rent_yuan_year: None,
        }),
        emissions: Some(EmissionsChoice {
            preset: Some("mee-2022-shanxi".into()),
            factors: None,
        }),
        ..yield_scenario(4000.0, 1250.0)
    };
    vec![
        ExampleScenario {
            id: "shuozhou-6mw",
            name_zh: "朔州经开区一期 6 MW 屋顶光伏示范项目",
            name_en: "Shuozhou development zone, phase-1 6 MW rooftop demonstration",
            description_zh: "2024 年朔州报道：一期 6 MW 示范项目每年节约标准煤 2291.50 吨、减排二氧化碳 7427.25 吨、\
                             氮氧化物 1.42 吨、节水 9163.01 吨。6000 kWp × 1241.6 小时 = 7,449,600 kWh，乘以 2018 年火电平均系数\
                             （0.3076 kgce、0.997 kg CO₂、0.19 g NOx、1.23 kg 水 / kWh）恰好得到这四个数字。自用比例 80% 为假设，不影响上述四项。",
            description_en: "2024 Shuozhou report: the phase-1 6 MW demonstration saves 2291.50 t standard coal, 7427.25 t CO₂, \
                             1.42 t NOx and 9163.01 t water a year. 6000 kWp × 1241.6 h = 7,449,600 kWh times the 2018 thermal-power \
                             averages (0.3076 kgce, 0.997 kg CO₂, 0.19 g NOx, 1.23 kg water per kWh) gives exactly these four figures. \
                             The 80 % self-use share is an assumption and does not affect them.",
            scenario: six_mw,
        },
        ExampleScenario {
            id: "shuozhou-4mw-emc",
            name_zh: "朔州经开区某企业 4 MW 屋顶光伏（合同能源管理）",
            name_en: "Shuozhou factory roof, 4 MW, third-party owned (EMC)",
            description_zh: "报道：4 MW 屋顶年发电约 500 万 kWh（4000 kWp × 1250 小时），企业优先使用，年节省电费近 100 万元。\
                             100 万元 ÷ 500 万 kWh = 0.20 元/kWh，远低于山西一般工商业电价约 0.55 元/kWh，故最合理的解读是合同能源管理：\
                             投资方拥有电站，企业用电按电网价格打折约 36%（500 万 kWh × 0.55 × 36% = 99 万元）。\
                             若企业自投并全部自用，则年节省约 275 万元。",
            description_en: "Report: the 4 MW roof generates about 5 million kWh a year (4000 kWp × 1250 h), used by the company \
                             first, saving nearly 1 million yuan a year. 1 M yuan ÷ 5 M kWh = 0.20 yuan/kWh, far below the Shanxi \
                             commercial price of about 0.55 yuan/kWh, so the reading that fits is third-party ownership (EMC): an investor \
                             owns the system and sells its power to the company about 36 % below the grid price \
                             (5,000,000 kWh × 0.55 × 36 % = 990,000 yuan). Owner-operated with full self-use it would save about 2.75 M yuan.",
            scenario: four_mw,
        },
    ]
}

/// Factor sets, prices and example scenarios, each with its source.
pub fn presets() -> Presets {
    Presets {
        emission_factors: emissions::presets(),
        default_emission_factors: emissions::DEFAULT_PRESET,
        tariffs: tariff::presets(),
        default_grid_price: tariff::DEFAULT_GRID_PRICE_ID,
        default_export_price: tariff::DEFAULT_EXPORT_PRICE_ID,
        scenarios: example_scenarios(),
    }
}
