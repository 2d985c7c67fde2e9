//! The scenario: what the caller describes, exactly as it crosses the JSON / JavaScript boundary
//! (camelCase names, units in the names, every field but `system` and `resource` optional).
//!
//! These are plain data. [`crate::validate`] checks them and resolves defaults; parsing JSON with
//! [`Scenario::from_json`] reports the JSON path of any wrong, missing or unknown field.

use serde::Serialize;

use crate::check::not_finite;
use crate::error::{codes, ScenarioError};
use crate::json;
use crate::weather::{Timing, WeatherFormat};

/// One calculation request.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Scenario {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<Site>,
    pub system: System,
    pub resource: Resource,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifetime: Option<Lifetime>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Usage>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tariff: Option<Tariff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emissions: Option<EmissionsChoice>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub output: Option<Output>,
    /// What the 2025 rules need to know of the project: category, commissioning date, voltage, province.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub project: Option<Project>,
    /// A battery behind the meter (PV + storage, 光储).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<crate::storage::spec::Storage>,
}
crate::from_json_struct!(Scenario {
    site: "site",
    system: "system",
    resource: "resource",
    lifetime: "lifetime",
    usage: "usage",
    tariff: "tariff",
    ownership: "ownership",
    emissions: "emissions",
    output: "output",
    project: "project",
    storage: "storage",
});

/// The project as the 2025 rules see it (NEA 国能发新能规〔2025〕7号, NDRC 发改价格〔2025〕136号).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Project {
    /// Inferred from the capacity and `connectionVoltageKv` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<crate::rules::category::Category>,
    /// First day of operation (ISO `YYYY-MM-DD`): before 2025-06-01 an existing project under
    /// Document 136, from then on a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commissioning_date: Option<String>,
    /// Grid connection voltage [kV] (0.4 for low voltage).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connection_voltage_kv: Option<f64>,
    /// Province id (see `presets().provinces`), for its mechanism figures and minimum self-use share.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province: Option<String>,
}
crate::from_json_struct!(Project {
    category: "category",
    commissioning_date: "commissioningDate",
    connection_voltage_kv: "connectionVoltageKv",
    province: "province",
});

/// What the report should include beyond its defaults.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Output {
    /// Include the first year's AC energy of every weather row, `energy.hourlyKwh` (hourly methods).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hourly: Option<bool>,
}
crate::from_json_struct!(Output { hourly: "hourly" });

/// Where the roof is. Used by the hourly methods; the yield-based methods ignore it.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Site {
    /// [°], north positive.
    pub latitude: f64,
    /// [°], east positive.
    pub longitude: f64,
    /// [m] above sea level.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elevation_m: Option<f64>,
    /// [h] offset of local standard time from UTC (China: 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone_h: Option<f64>,
    /// Ground reflectance [0–1], default 0.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub albedo: Option<f64>,
}
crate::from_json_struct!(Site {
    latitude: "latitude",
    longitude: "longitude",
    elevation_m: "elevationM",
    timezone_h: "timezoneH",
    albedo: "albedo",
});

/// The PV system.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct System {
    /// DC nameplate capacity [kWp]; required unless `roof` gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_kwp: Option<f64>,
    /// The roof to size the system from (capacity, plane, ground coverage ratio, mounting), instead
    /// of `capacityKwp` and `planes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roof: Option<crate::sizing::Roof>,
    /// Roof planes sharing the capacity; default one plane.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planes: Option<Vec<Plane>>,
    /// DC nameplate over inverter AC rating [-], default 1.2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dc_ac_ratio: Option<f64>,
    /// Nominal inverter efficiency [%], default 96.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inverter_efficiency_pct: Option<f64>,
    /// Lumped DC system losses [%], default 14.08.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub losses_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_type: Option<ModuleType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mounting: Option<Mounting>,
    /// Module area over ground area for racks in rows (open rack) [-], default 0.3.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground_coverage_ratio: Option<f64>,
    /// Sky-diffuse model of the plane-of-array irradiance, default Perez (as PVWatts v8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sky_model: Option<SkyModel>,
}
crate::from_json_struct!(System {
    capacity_kwp: "capacityKwp",
    roof: "roof",
    planes: "planes",
    dc_ac_ratio: "dcAcRatio",
    inverter_efficiency_pct: "inverterEfficiencyPct",
    losses_pct: "lossesPct",
    module_type: "moduleType",
    mounting: "mounting",
    ground_coverage_ratio: "groundCoverageRatio",
    sky_model: "skyModel",
});

/// Sky-diffuse transposition models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum SkyModel {
    /// Perez et al. 1990 (PVWatts v8).
    Perez,
    /// Hay & Davies 1980.
    HayDavies,
    /// Hay, Davies, Klucher & Reindl (Reindl 1990).
    Hdkr,
    /// Liu & Jordan 1963.
    Isotropic,
}
crate::from_json_enum!(SkyModel {
    Perez: "perez",
    HayDavies: "hayDavies",
    Hdkr: "hdkr",
    Isotropic: "isotropic",
});

/// One roof plane.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Plane {
    /// Tilt from horizontal [°].
    pub tilt_deg: f64,
    /// Azimuth [°]: 0 north, 90 east, 180 south, 270 west.
    pub azimuth_deg: f64,
    /// Fraction of the DC capacity on this plane [0–1]; the planes' shares sum to 1.
    pub share_of_capacity: f64,
}
crate::from_json_struct!(Plane {
    tilt_deg: "tiltDeg",
    azimuth_deg: "azimuthDeg",
    share_of_capacity: "shareOfCapacity",
});

/// PVWatts module types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ModuleType {
    Standard,
    Premium,
    ThinFilm,
}
crate::from_json_enum!(ModuleType {
    Standard: "standard",
    Premium: "premium",
    ThinFilm: "thinFilm",
});

/// PVWatts fixed mountings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Mounting {
    Roof,
    OpenRack,
}
crate::from_json_enum!(Mounting {
    Roof: "roof",
    OpenRack: "openRack",
});

/// How the yield is estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ResourceMethod {
    /// Annual full-load hours [kWh/kWp], as the user knows them.
    FullLoadHours,
    /// GB 50797-2012 §6.6: Ep = HA × PAZ / Es × K.
    Gb50797,
    /// The PVWatts v8 hourly chain on a weather file (EPW, TMY3, TMY2, SAM/PSM3 CSV, PVGIS).
    WeatherFile,
    /// The hourly chain on a year synthesised from a built-in station's typical days.
    Station,
    /// The hourly chain on a year synthesised from 12 monthly values at the site.
    Monthly,
}
crate::from_json_enum!(ResourceMethod {
    FullLoadHours: "fullLoadHours",
    Gb50797: "gb50797",
    WeatherFile: "weatherFile",
    Station: "station",
    Monthly: "monthly",
});

/// The solar resource, one of the methods; which fields apply depends on `method`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Resource {
    pub method: ResourceMethod,
    /// `fullLoadHours`: annual full-load hours [h] = [kWh/kWp].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// `gb50797`: annual irradiation on the horizontal, HA [kWh/m²].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizontal_irradiation_kwh_m2: Option<f64>,
    /// `gb50797`: comprehensive efficiency coefficient K [-].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub k: Option<f64>,
    /// `weatherFile`: the file's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `weatherFile`: the format; default detected from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<WeatherFormat>,
    /// `weatherFile`: where in each row's interval the values hold; default per data set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// `weatherFile`: the file's name, a hint for the data set (`…_CSWD.epw`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// `station`: the built-in station's id (`stations()`), e.g. `"534870"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub station_id: Option<String>,
    /// `monthly`: global horizontal irradiation of each month, January first [kWh/m²] (12 values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ghi_kwh_m2: Option<Vec<f64>>,
    /// `monthly`: mean air temperature of each month [°C] (12 values); default the nearest station's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temp_c: Option<Vec<f64>>,
}
crate::from_json_struct!(Resource {
    method: "method",
    hours: "hours",
    horizontal_irradiation_kwh_m2: "horizontalIrradiationKwhM2",
    k: "k",
    text: "text",
    format: "format",
    timing: "timing",
    file_name: "fileName",
    station_id: "stationId",
    ghi_kwh_m2: "ghiKwhM2",
    temp_c: "tempC",
});

/// Lifetime and degradation.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Lifetime {
    /// Years of operation, default 25.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// Output lost during the first year [%], default 1 (felt from year 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_year_degradation_pct: Option<f64>,
    /// Output lost each further year [%/yr], default 0.4.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_degradation_pct: Option<f64>,
}
crate::from_json_struct!(Lifetime {
    years: "years",
    first_year_degradation_pct: "firstYearDegradationPct",
    annual_degradation_pct: "annualDegradationPct",
});

/// How the site uses the power.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum UsageMode {
    /// 全额上网: everything is exported.
    FullExport,
    /// 自发自用、余电上网: the site uses a share, the rest is exported.
    SelfUseSurplus,
    /// 全部自发自用 (防逆流): the site uses a share, the rest is curtailed.
    FullSelfUse,
}
crate::from_json_enum!(UsageMode {
    FullExport: "fullExport",
    SelfUseSurplus: "selfUseSurplus",
    FullSelfUse: "fullSelfUse",
});

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Usage {
    pub mode: UsageMode,
    /// Share of generation used on site [%]; default 80 for `selfUseSurplus`, 100 for `fullSelfUse`.
    /// Not with a `load` (the share then follows hour by hour from the load).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_use_share_pct: Option<f64>,
    /// The site's consumption over a year; with it, generation is matched to the load hour by hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load: Option<Load>,
    /// Largest power the grid connection may export [kW] (0 = zero export, 防逆流); the surplus above
    /// it is curtailed. Not for `fullSelfUse` (which exports nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_limit_kw: Option<f64>,
}
crate::from_json_struct!(Usage {
    mode: "mode",
    self_use_share_pct: "selfUseSharePct",
    load: "load",
    export_limit_kw: "exportLimitKw",
});

/// How the load is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum LoadKind {
    /// A year of interval data as CSV text: hourly, 30- or 15-minute values of kW or kWh, with
    /// timestamps or in row order from 1 January 00:00.
    IntervalCsv,
    /// Twelve monthly totals [kWh], laid over the hours by a typical profile.
    Monthly,
    /// A typical profile scaled to an annual consumption [kWh].
    Typical,
}
crate::from_json_enum!(LoadKind {
    IntervalCsv: "intervalCsv",
    Monthly: "monthly",
    Typical: "typical",
});

/// Typical load shapes (documented in `load::profiles`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TypicalProfile {
    FactoryOneShift,
    FactoryTwoShift,
    FactoryThreeShift,
    Commercial,
    Household,
}
crate::from_json_enum!(TypicalProfile {
    FactoryOneShift: "factoryOneShift",
    FactoryTwoShift: "factoryTwoShift",
    FactoryThreeShift: "factoryThreeShift",
    Commercial: "commercial",
    Household: "household",
});

/// What the values of an interval file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LoadUnit {
    /// Mean power over each interval [kW].
    #[serde(rename = "kW")]
    Kw,
    /// Energy of each interval [kWh].
    #[serde(rename = "kWh")]
    Kwh,
}
crate::from_json_enum!(LoadUnit {
    Kw: "kW",
    Kwh: "kWh",
});

/// The site's load; which fields apply depends on `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Load {
    pub kind: LoadKind,
    /// `intervalCsv`: the file's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `intervalCsv`: kW or kWh, when the header does not say (it must agree when both do).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<LoadUnit>,
    /// `monthly`: consumption of each month, January first [kWh] × 12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kwh: Option<Vec<f64>>,
    /// `monthly`, `typical`: the shape of the days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<TypicalProfile>,
    /// `typical`: consumption over the year [kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_kwh: Option<f64>,
    /// `intervalCsv`: the value column, when the header does not name exactly one load column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<LoadColumn>,
}
crate::from_json_struct!(Load {
    kind: "kind",
    text: "text",
    unit: "unit",
    kwh: "kwh",
    profile: "profile",
    annual_kwh: "annualKwh",
    column: "column",
});

/// The value column of an interval file chosen by the caller: its header, or its number from 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum LoadColumn {
    Name(String),
    Number(u32),
}

impl json::FromJson for LoadColumn {
    fn read(v: &serde_json::Value) -> Result<Self, json::Failure> {
        use serde_json::Value;
        match v {
            Value::String(s) if !s.starts_with(json::NON_FINITE) => Ok(LoadColumn::Name(s.clone())),
            Value::Number(n) => match n.as_u64().map(u32::try_from) {
                Some(Ok(n)) if n >= 1 => Ok(LoadColumn::Number(n)),
                Some(_) => Err(json::refused(v, json::COLUMN_EXPECTED)),
                None if n.is_i64() => Err(json::refused(v, json::COLUMN_EXPECTED)),
                None => Err(json::wrong(v, json::COLUMN_EXPECTED)),
            },
            _ => Err(json::wrong(v, json::COLUMN_EXPECTED)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tariff {
    /// Price the site pays the grid [yuan/kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid_price_yuan_kwh: Option<f64>,
    /// Price paid for exported power [yuan/kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_price_yuan_kwh: Option<f64>,
    /// Annual change of the purchase price [%/yr], default 0; also of the export price unless
    /// `exportEscalationPct` is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub escalation_pct: Option<f64>,
    /// Monthly purchase prices, January first (the grid company's 代理购电 agency-purchase prices),
    /// instead of `gridPriceYuanKwh` [yuan/kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grid_price_by_month_yuan_kwh: Option<Vec<f64>>,
    /// Time-of-use purchase prices (instead of `gridPriceYuanKwh`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_use: Option<TimeOfUse>,
    /// A shipped time-of-use tariff by id (see `presets().timeOfUse`), instead of `timeOfUse`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_use_preset: Option<String>,
    /// Annual change of the export price [%/yr]; default `escalationPct`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export_escalation_pct: Option<f64>,
    /// Document 136 export price (instead of `exportPriceYuanKwh`): a mechanism price for a share
    /// of the exports during a term, the market price for the rest and after the term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub export: Option<ExportTariff>,
    /// Time-of-use tariffs that replace the first one from a later year of the lifetime on (a
    /// project spanning a provincial tariff change), in increasing `fromYear`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_use_changes: Option<Vec<TimeOfUseChange>>,
    /// Demand charge (需量电费) on each month's largest hourly grid draw [yuan/kW/month]; needs
    /// `usage.load`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub demand_charge_yuan_per_kw_month: Option<f64>,
    /// Basic charge by capacity (按容量计收的基本电费) on `transformerKva` [yuan/kVA/month], the
    /// alternative to the demand charge: reported beside it, it changes with neither PV nor battery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capacity_charge_yuan_per_kva_month: Option<f64>,
    /// The site's transformer capacity billed by the capacity charge [kVA].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transformer_kva: Option<f64>,
}
crate::from_json_struct!(Tariff {
    grid_price_yuan_kwh: "gridPriceYuanKwh",
    export_price_yuan_kwh: "exportPriceYuanKwh",
    escalation_pct: "escalationPct",
    grid_price_by_month_yuan_kwh: "gridPriceByMonthYuanKwh",
    time_of_use: "timeOfUse",
    time_of_use_preset: "timeOfUsePreset",
    export_escalation_pct: "exportEscalationPct",
    export: "export",
    time_of_use_changes: "timeOfUseChanges",
    demand_charge_yuan_per_kw_month: "demandChargeYuanPerKwMonth",
    capacity_charge_yuan_per_kva_month: "capacityChargeYuanPerKvaMonth",
    transformer_kva: "transformerKva",
});

/// A time-of-use tariff that applies from year `fromYear` (2…lifetime) on: a preset or periods.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeOfUseChange {
    pub from_year: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_use_preset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_of_use: Option<TimeOfUse>,
}
crate::from_json_struct!(TimeOfUseChange {
    from_year: "fromYear",
    time_of_use_preset: "timeOfUsePreset",
    time_of_use: "timeOfUse",
});

/// The price of exports under Document 136; mechanism figures not given come from the province
/// (`project.province`) where it has published them. One market price form is required.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExportTariff {
    /// Mechanism price [yuan/kWh] (auction result; existing projects: up to the coal benchmark).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism_price_yuan_kwh: Option<f64>,
    /// Share of each year's exports settled at the mechanism price [%], 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism_share_pct: Option<f64>,
    /// Years from commissioning the mechanism applies, at most the lifetime.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mechanism_term_years: Option<u32>,
    /// Market price of exports, flat [yuan/kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_price_yuan_kwh: Option<f64>,
    /// Market price by month, January first: 12 values [yuan/kWh].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_price_by_month_yuan_kwh: Option<Vec<f64>>,
    /// Market price by clock hour, 00–01 first: 24 values [yuan/kWh]; weighted by the hours'
    /// exports it gives the "midday capture" price of the roof.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_price_by_hour_yuan_kwh: Option<Vec<f64>>,
}
crate::from_json_struct!(ExportTariff {
    mechanism_price_yuan_kwh: "mechanismPriceYuanKwh",
    mechanism_share_pct: "mechanismSharePct",
    mechanism_term_years: "mechanismTermYears",
    market_price_yuan_kwh: "marketPriceYuanKwh",
    market_price_by_month_yuan_kwh: "marketPriceByMonthYuanKwh",
    market_price_by_hour_yuan_kwh: "marketPriceByHourYuanKwh",
});

/// Time-of-use periods (峰谷分时).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Period {
    /// 尖峰 critical peak.
    SharpPeak,
    /// 高峰 peak.
    Peak,
    /// 平段 flat (shoulder).
    Flat,
    /// 低谷 valley.
    Valley,
    /// 深谷 deep valley (e.g. Shandong's midday hours).
    DeepValley,
}
crate::from_json_enum!(Period {
    SharpPeak: "sharpPeak",
    Peak: "peak",
    Flat: "flat",
    Valley: "valley",
    DeepValley: "deepValley",
});

/// How many time-of-use periods there are.
pub const PERIODS: usize = 5;

impl Period {
    /// Every period, in the order of the report's period breakdown.
    pub const ALL: [Period; PERIODS] = [
        Period::SharpPeak,
        Period::Peak,
        Period::Flat,
        Period::Valley,
        Period::DeepValley,
    ];
}

/// Purchase prices of the periods [yuan/kWh].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TouPrices {
    /// Required when a schedule uses `sharpPeak`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharp_peak: Option<f64>,
    pub peak: f64,
    pub flat: f64,
    pub valley: f64,
    /// Required when a schedule uses `deepValley`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deep_valley: Option<f64>,
}
crate::from_json_struct!(TouPrices {
    sharp_peak: "sharpPeak",
    peak: "peak",
    flat: "flat",
    valley: "valley",
    deep_valley: "deepValley",
});

/// The period of each clock hour in some months.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TouSeason {
    /// Months 1–12 this row applies to.
    pub months: Vec<u32>,
    /// 24 periods: `hours[0]` is 00:00–01:00, `hours[23]` is 23:00–24:00 (local standard time).
    pub hours: Vec<Period>,
}
crate::from_json_struct!(TouSeason {
    months: "months",
    hours: "hours",
});

/// Time-of-use purchase prices: every month in exactly one schedule row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimeOfUse {
    pub prices: TouPrices,
    pub schedule: Vec<TouSeason>,
}
crate::from_json_struct!(TimeOfUse {
    prices: "prices",
    schedule: "schedule",
});

/// Who owns the system.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OwnershipKind {
    /// The site owner invests and keeps every yuan.
    Owner,
    /// 合同能源管理 (EMC): an investor owns the system and sells its power to the site at a discount.
    ThirdParty,
}
crate::from_json_enum!(OwnershipKind {
    Owner: "owner",
    ThirdParty: "thirdParty",
});

/// Ownership; which fields apply depends on `kind`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Ownership {
    pub kind: OwnershipKind,
    /// `owner`: investment [yuan/W], default 3.0 (a third party's investor: `investor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex_yuan_per_w: Option<f64>,
    /// `owner`: operation and maintenance [yuan/kWp/yr], default 1 % of the investment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_yuan_per_kwp_year: Option<f64>,
    /// `owner`: discount rate for NPV and LCOE [%/yr], default 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_rate_pct: Option<f64>,
    /// `thirdParty`: discount on the grid price the site gets for PV power [%] (required).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_pct: Option<f64>,
    /// `thirdParty`: rent the investor pays for the roof [yuan/yr], default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roof_rent_yuan_year: Option<f64>,
    /// O&M as a share of the investment per year [%/yr] (instead of `omYuanPerKwpYear`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_pct_of_capex: Option<f64>,
    /// O&M stepped by year (instead of `omYuanPerKwpYear`): each step holds from its `fromYear`
    /// until the next; the first step starts in year 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_steps: Option<Vec<OmStep>>,
    /// One replacement of the inverters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inverter_replacement: Option<InverterReplacement>,
    /// A loan for part of the investment, repaid in equal yearly instalments (等额本息).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan: Option<Loan>,
    /// Corporate income tax on the PV's profit; none when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<Tax>,
    /// `thirdParty`: the investor's investment and costs (the same fields as the owner's); defaults
    /// as for an owner when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub investor: Option<Investment>,
}
crate::from_json_struct!(Ownership {
    kind: "kind",
    capex_yuan_per_w: "capexYuanPerW",
    om_yuan_per_kwp_year: "omYuanPerKwpYear",
    discount_rate_pct: "discountRatePct",
    discount_pct: "discountPct",
    roof_rent_yuan_year: "roofRentYuanYear",
    om_pct_of_capex: "omPctOfCapex",
    om_steps: "omSteps",
    inverter_replacement: "inverterReplacement",
    loan: "loan",
    tax: "tax",
    investor: "investor",
});

/// The investment and costs of whoever owns the system (the EMC investor's, in `ownership.investor`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Investment {
    /// [yuan/W], default 3.0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capex_yuan_per_w: Option<f64>,
    /// [yuan/kWp/yr]; default 1 % of the investment a year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_yuan_per_kwp_year: Option<f64>,
    /// [%/yr of the investment].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_pct_of_capex: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub om_steps: Option<Vec<OmStep>>,
    /// [%/yr], default 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount_rate_pct: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inverter_replacement: Option<InverterReplacement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loan: Option<Loan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<Tax>,
}
crate::from_json_struct!(Investment {
    capex_yuan_per_w: "capexYuanPerW",
    om_yuan_per_kwp_year: "omYuanPerKwpYear",
    om_pct_of_capex: "omPctOfCapex",
    om_steps: "omSteps",
    discount_rate_pct: "discountRatePct",
    inverter_replacement: "inverterReplacement",
    loan: "loan",
    tax: "tax",
});

/// One step of stepped O&M.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OmStep {
    /// First year (1-based) of this step.
    pub from_year: u32,
    /// [yuan/kWp/yr].
    pub yuan_per_kwp_year: f64,
}
crate::from_json_struct!(OmStep {
    from_year: "fromYear",
    yuan_per_kwp_year: "yuanPerKwpYear",
});

/// Replacing the inverters once.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InverterReplacement {
    /// The year (1-based) whose cash flow pays for it.
    pub year: u32,
    /// Cost per W of DC capacity [yuan/W].
    pub cost_yuan_per_w: f64,
}
crate::from_json_struct!(InverterReplacement {
    year: "year",
    cost_yuan_per_w: "costYuanPerW",
});

/// A loan for part of the investment.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Loan {
    /// Share of the investment borrowed [%].
    pub share_pct: f64,
    /// Interest rate [%/yr].
    pub rate_pct: f64,
    /// Repayment period [years], at most the lifetime.
    pub years: u32,
}
crate::from_json_struct!(Loan {
    share_pct: "sharePct",
    rate_pct: "ratePct",
    years: "years",
});

/// Corporate income tax (企业所得税).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Tax {
    /// Income tax rate [%] (the standard rate is 25 %).
    pub income_tax_pct: f64,
    /// Straight-line depreciation period of the investment [years], default 20.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depreciation_years: Option<u32>,
    /// Residual value left undepreciated [% of the investment], default 5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residual_value_pct: Option<f64>,
    /// 三免三减半: no income tax in years 1–3 and half in years 4–6 (public infrastructure projects), default false.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_holiday: Option<bool>,
    /// Value-added tax on sales of power [%] (13 for a general taxpayer); none when absent. Input VAT
    /// on the investment is credited until used up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_pct: Option<f64>,
    /// City maintenance and construction tax [% of the VAT paid], default 7 (urban; 5 county, 1 elsewhere).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_maintenance_tax_pct: Option<f64>,
    /// Education surcharges [% of the VAT paid], default 5 (3 national + 2 local).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education_surcharge_pct: Option<f64>,
}
crate::from_json_struct!(Tax {
    income_tax_pct: "incomeTaxPct",
    depreciation_years: "depreciationYears",
    residual_value_pct: "residualValuePct",
    tax_holiday: "taxHoliday",
    vat_pct: "vatPct",
    city_maintenance_tax_pct: "cityMaintenanceTaxPct",
    education_surcharge_pct: "educationSurchargePct",
});

/// Which emission factors to apply: a preset id, or custom factors (which win).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmissionsChoice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preset: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factors: Option<crate::emissions::EmissionFactors>,
}
crate::from_json_struct!(EmissionsChoice {
    preset: "preset",
    factors: "factors",
});

/// The options of `parseWeather()`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct WeatherOptions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<WeatherFormat>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timing: Option<Timing>,
    /// The file's name, a hint for the data set (`…_CSWD.epw`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_name: Option<String>,
    /// PVGIS (UTC) files: the local standard time zone to convert to [h].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone_h: Option<f64>,
}
crate::from_json_struct!(WeatherOptions {
    format: "format",
    timing: "timing",
    file_name: "fileName",
    timezone_h: "timezoneH",
});

impl WeatherOptions {
    /// Parses the options from JSON text, naming the JSON path of the first problem.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        from_json_object(text)
    }
}

/// Reads a JSON object into `T`, naming the JSON path of the first problem; structs must be JSON
/// objects (see [`crate::json`]).
pub(crate) fn from_json_object<T: json::FromJson>(text: &str) -> Result<T, ScenarioError> {
    crate::caps::check_json_text(text, crate::caps::JSON_WITH_TEXTS_BYTES)?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        if e.to_string().starts_with("recursion limit exceeded") {
            return ScenarioError::new(
                codes::TOO_DEEP,
                "",
                format!("the scenario nests objects and arrays more than {} levels deep (the limit; line {line}, column {column})", crate::caps::DEPTH),
                format!("情景的对象与数组嵌套超过 {} 层（上限；第 {line} 行第 {column} 列）", crate::caps::DEPTH),
            );
        }
        ScenarioError::new(
            codes::INVALID_JSON,
            "",
            format!("the scenario is not valid JSON (line {line}, column {column})"),
            format!("情景不是有效的 JSON（第 {line} 行第 {column} 列）"),
        )
    })?;
    from_json_value(&value)
}

fn from_json_value<T: json::FromJson>(value: &serde_json::Value) -> Result<T, ScenarioError> {
    if !value.is_object() {
        return Err(not_an_object());
    }
    crate::caps::check_value(value)?;
    crate::json::deserialize(value).map_err(|(path, e)| deserialize_error(path, e))
}

impl Scenario {
    /// Parses a scenario from JSON text, naming the JSON path of the first problem.
    pub fn from_json(text: &str) -> Result<Self, ScenarioError> {
        from_json_object(text)
    }

    /// Reads a scenario from a parsed JSON value; structs must be JSON objects (see [`crate::json`]).
    pub fn from_json_value(value: &serde_json::Value) -> Result<Self, ScenarioError> {
        from_json_value(value)
    }
}

/// The [`ScenarioError`] of the strict reader's error `e` at JSON path `path`, its code from the
/// kind of error, its messages from [`json::Error::words`].
fn deserialize_error(path: String, e: json::Error) -> ScenarioError {
    let (en, zh) = e.words();
    let at = |code, field: String| {
        let place = if field.is_empty() {
            "the scenario"
        } else {
            &field
        };
        let place_zh = if field.is_empty() { "情景" } else { &field };
        ScenarioError::new(
            code,
            field.clone(),
            format!("{place}: {en}"),
            format!("{place_zh}：{zh}"),
        )
    };
    match e {
        json::Error::MissingField(name) => {
            let field = if path.is_empty() {
                name.to_string()
            } else {
                format!("{path}.{name}")
            };
            ScenarioError::new(
                codes::MISSING_FIELD,
                field.clone(),
                format!("{field} is required"),
                format!("缺少必填项 {field}"),
            )
        }
        // The path already ends with the unknown key; it is empty only for a key "" at the top,
        // which is written as `""` so that the field never reads as "the whole input".
        json::Error::UnknownField { .. } if path.is_empty() => {
            at(codes::UNKNOWN_FIELD, "\"\"".into())
        }
        json::Error::UnknownField { .. } => {
            // The message names the key itself; the place is the object holding it.
            let parent = path.rfind('.').map_or("", |i| &path[..i]).to_string();
            let place = if parent.is_empty() {
                "the scenario".to_string()
            } else {
                parent.clone()
            };
            let place_zh = if parent.is_empty() {
                "情景".to_string()
            } else {
                parent
            };
            ScenarioError::new(
                codes::UNKNOWN_FIELD,
                path,
                format!("{place}: {en}"),
                format!("{place_zh}：{zh}"),
            )
        }
        json::Error::UnknownVariant { .. } => at(codes::UNKNOWN_VARIANT, path),
        json::Error::InvalidType {
            non_finite: true, ..
        } => not_finite(&path),
        json::Error::InvalidType { .. } => at(codes::INVALID_TYPE, path),
        json::Error::InvalidValue { .. } => at(codes::OUT_OF_RANGE, path),
    }
}

/// The error for a scenario that is not an object (an array, a number, null…).
pub fn not_an_object() -> ScenarioError {
    ScenarioError::new(
        codes::INVALID_TYPE,
        "",
        "the scenario must be an object such as {\"system\": …, \"resource\": …}",
        "情景必须是对象，例如 {\"system\": …, \"resource\": …}",
    )
}
