//! Everything shipped with a source: emission factor sets, prices and worked example scenarios.

use serde::Serialize;

use crate::diag::bi;
use crate::emissions::{self, FactorPreset, Source};
use crate::ownership::NBT_11894_OM_STEPS;
use crate::resolve::defaults::{self, Defaults};
use crate::rules::tou_presets;
use crate::scenario::{
    EmissionsChoice, InverterReplacement, Investment, Load, LoadKind, OmStep, Ownership,
    OwnershipKind, Resource, ResourceMethod, Scenario, Site, System, Tariff, TypicalProfile, Usage,
    UsageMode,
};
use crate::tariff::{self, TariffPreset, TimeOfUsePreset};

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
    /// Time-of-use tariffs (periods and representative prices), each with its source.
    pub time_of_use: Vec<TimeOfUsePreset>,
    /// Id of the time-of-use tariff offered first.
    pub default_time_of_use: &'static str,
    /// Stepped O&M schedules, each with its source.
    pub om_schedules: Vec<OmSchedule>,
    /// Provinces with their Document 136 figures and minimum self-use share, each with its source
    /// (for `project.province`).
    pub provinces: Vec<crate::rules::provinces::Province>,
    pub scenarios: Vec<ExampleScenario>,
    /// What each optional field of a scenario defaults to.
    pub defaults: Defaults,
}

/// A shipped O&M schedule (for `ownership.omSteps`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OmSchedule {
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    pub steps: Vec<OmStep>,
    /// True when read in the source; false while still to confirm.
    pub confirmed: bool,
    pub source: Source,
}

fn om_schedules() -> Vec<OmSchedule> {
    vec![OmSchedule {
        id: "nbt-11894-2025",
        name_zh: "NB/T 11894-2025 分段运维费用",
        name_en: "NB/T 11894-2025 stepped O&M",
        steps: NBT_11894_OM_STEPS.to_vec(),
        confirmed: false,
        source: Source::shipped(
            bi("National Energy Administration (NEA)", "国家能源局"),
            bi(
                "NB/T 11894-2025 (energy industry standard), O&M cost of distributed PV, as transcribed in a public repository",
                "NB/T 11894-2025（能源行业标准）分布式光伏运维费用，据公开代码库转录",
            ),
            2025,
            Some(bi(
                "10 / 18 / 28 / 32 yuan/kWp/yr in years 1–5 / 6–10 / 11–20 / 21–25; to confirm against the standard",
                "第 1–5 / 6–10 / 11–20 / 21–25 年分别为 10 / 18 / 28 / 32 元/kWp/年；待与标准原文核对",
            )),
        ),
    }]
}

fn yield_scenario(capacity_kwp: f64, hours: f64) -> Scenario {
    Scenario {
        system: System {
            capacity_kwp: Some(capacity_kwp),
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
        project: None,
        storage: None,
    }
}

/// The assumptions shared by the two hourly 4 MW examples (Chinese).
macro_rules! hourly_zh {
    () => {
        "假设（待用户替换）：工厂两班制（8–24 时），年用电 1200 万 kWh；山西工商业分时电价（2026 年 5 月起时段，代表性电价，待核实）；\
        余电按燃煤基准价 0.332 元/kWh 上网；单位投资 3.0 元/W，运维按 NB/T 11894-2025 分段（待核实），第 13 年更换逆变器 0.15 元/W，折现率 6%。\
        仅知年发电量 500 万 kWh，逐时发电量按朔州晴空日变化估算。"
    };
}

/// The assumptions shared by the two hourly 4 MW examples (English).
macro_rules! hourly_en {
    () => {
        "Assumptions (replace with your own): a two-shift factory (08–24 h) using 12 GWh a year; Shanxi commercial/industrial \
        time-of-use prices (periods from May 2026, representative prices, to confirm); surplus exported at the 0.332 yuan/kWh coal benchmark; \
        investment 3.0 yuan/W, O&M stepped per NB/T 11894-2025 (to confirm), inverters replaced in year 13 at 0.15 yuan/W, 6 % discount rate. \
        Only the annual 5 GWh is known: its hours follow clear-sky days at Shuozhou."
    };
}

/// The Shuozhou examples (shared reference `shuozhou-case.md`).
pub fn example_scenarios() -> Vec<ExampleScenario> {
    let six_mw = Scenario {
        usage: Some(Usage {
            mode: UsageMode::SelfUseSurplus,
            self_use_share_pct: Some(80.0),
            load: None,
            export_limit_kw: None,
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
            load: None,
            export_limit_kw: None,
        }),
        tariff: Some(Tariff {
            grid_price_yuan_kwh: Some(0.55),
            ..Tariff::default()
        }),
        ownership: Some(Ownership {
            discount_pct: Some(36.0),
            ..ownership(OwnershipKind::ThirdParty)
        }),
        emissions: Some(EmissionsChoice {
            preset: Some("mee-2022-shanxi".into()),
            factors: None,
        }),
        ..yield_scenario(4000.0, 1250.0)
    };
    // The 4 MW roof hour by hour: a two-shift factory, Shanxi time-of-use prices.
    let hourly = |ownership: Ownership| Scenario {
        site: Some(Site {
            latitude: 39.33,
            longitude: 112.43,
            elevation_m: None,
            timezone_h: Some(8.0),
            albedo: None,
        }),
        usage: Some(Usage {
            mode: UsageMode::SelfUseSurplus,
            self_use_share_pct: None,
            load: Some(Load {
                kind: LoadKind::Typical,
                text: None,
                unit: None,
                kwh: None,
                profile: Some(TypicalProfile::FactoryTwoShift),
                annual_kwh: Some(12_000_000.0),
                column: None,
            }),
            export_limit_kw: None,
        }),
        tariff: Some(Tariff {
            time_of_use_preset: Some(tariff::DEFAULT_TIME_OF_USE_ID.into()),
            export_price_yuan_kwh: Some(0.332),
            ..Tariff::default()
        }),
        ownership: Some(ownership),
        emissions: Some(EmissionsChoice {
            preset: Some("mee-2022-shanxi".into()),
            factors: None,
        }),
        ..yield_scenario(4000.0, 1250.0)
    };
    let costs = Investment {
        capex_yuan_per_w: Some(3.0),
        om_steps: Some(NBT_11894_OM_STEPS.to_vec()),
        discount_rate_pct: Some(6.0),
        inverter_replacement: Some(InverterReplacement {
            year: 13,
            cost_yuan_per_w: 0.15,
        }),
        ..Investment::default()
    };
    let owner_tou = hourly(Ownership {
        capex_yuan_per_w: costs.capex_yuan_per_w,
        om_steps: costs.om_steps.clone(),
        discount_rate_pct: costs.discount_rate_pct,
        inverter_replacement: costs.inverter_replacement,
        ..ownership(OwnershipKind::Owner)
    });
    let emc_tou = hourly(Ownership {
        discount_pct: Some(15.0),
        investor: Some(costs),
        ..ownership(OwnershipKind::ThirdParty)
    });
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
        ExampleScenario {
            id: "shuozhou-4mw-owner-tou",
            name_zh: "朔州 4 MW 屋顶：企业自投、两班制负荷、分时电价",
            name_en: "Shuozhou 4 MW roof: owner-operated, two-shift load, time-of-use prices",
            description_zh: concat!(
                "同一 4 MW 屋顶（年发电约 500 万 kWh）由企业自投，自发自用、余电上网，逐时与负荷和分时电价匹配。",
                hourly_zh!(),
            ),
            description_en: concat!(
                "The same 4 MW roof (about 5 GWh a year) owned by the factory, self-use with surplus export, matched hour by hour with \
                 the load and time-of-use prices. ",
                hourly_en!(),
            ),
            scenario: owner_tou,
        },
        ExampleScenario {
            id: "shuozhou-4mw-emc-15",
            name_zh: "朔州 4 MW 屋顶：合同能源管理、八五折（15% 折扣）、分时电价",
            name_en: "Shuozhou 4 MW roof: third-party owned (EMC) at a 15 % discount, time-of-use prices",
            description_zh: concat!(
                "同一屋顶由投资方按合同能源管理建设，企业用电按分时电价的 85% 向投资方付费（逐时计算），余电归投资方上网。",
                hourly_zh!(),
            ),
            description_en: concat!(
                "The same roof built by an investor under EMC: the factory pays 85 % of the time-of-use price for each PV kWh it uses \
                 (hour by hour), the investor exports the surplus. ",
                hourly_en!(),
            ),
            scenario: emc_tou,
        },
    ]
}

/// An ownership of `kind` with every optional field absent.
fn ownership(kind: OwnershipKind) -> Ownership {
    Ownership {
        kind,
        capex_yuan_per_w: None,
        om_yuan_per_kwp_year: None,
        discount_rate_pct: None,
        discount_pct: None,
        roof_rent_yuan_year: None,
        om_pct_of_capex: None,
        om_steps: None,
        inverter_replacement: None,
        loan: None,
        tax: None,
        investor: None,
    }
}

/// The shipped example scenario with this id (`shuozhou-6mw`, …).
pub fn example(id: &str) -> Option<Scenario> {
    example_scenarios()
        .into_iter()
        .find(|s| s.id == id)
        .map(|s| s.scenario)
}

/// Factor sets, prices and example scenarios, each with its source.
pub fn presets() -> Presets {
    Presets {
        emission_factors: emissions::presets(),
        default_emission_factors: emissions::DEFAULT_PRESET,
        tariffs: tariff::presets(),
        default_grid_price: tariff::DEFAULT_GRID_PRICE_ID,
        default_export_price: tariff::DEFAULT_EXPORT_PRICE_ID,
        time_of_use: tou_presets::time_of_use_presets(),
        default_time_of_use: tariff::DEFAULT_TIME_OF_USE_ID,
        om_schedules: om_schedules(),
        provinces: crate::rules::provinces::provinces(),
        scenarios: example_scenarios(),
        defaults: defaults::defaults(),
    }
}
