//! Checks a [`Scenario`] and resolves its defaults into [`Inputs`]. Every rejection is a
//! [`ScenarioError`] naming the JSON path; nothing is clamped or silently fixed.

use crate::climate::{self, MonthlyInputs, Nearest, Place};
use crate::emissions::{self, EmissionFactors};
use crate::energy::{self, Degradation};
use crate::error::{codes, ScenarioError};
use crate::load::{self, HourlyLoad};
use crate::money::{Purchase, TariffInputs};
use crate::ownership::{self, OwnershipModel};
use crate::pv::{self, losses::DEFAULT_LOSSES_PERCENT, SystemSpec};
use crate::report::Warning;
use crate::rules::check::{self, ProjectInputs};
use crate::scenario::{
    not_finite, ModuleType, Mounting, Plane, ResourceMethod, Scenario, SkyModel, System, Tariff,
    TimeOfUse, UsageMode,
};
use crate::shape::ShapeSite;
use crate::solar::irradiance;
use crate::solar::sunpath::SunPath;
use crate::tariff;
use crate::weather::{self, Location, ParseOptions, Weather};

/// Default lifetime [years] and degradation [%] (n-type modules today: ≈1 % in year 1, 0.4 %/yr after;
/// shared reference `china-factors.md` §5).
pub const DEFAULT_YEARS: u32 = 25;
pub const DEFAULT_FIRST_YEAR_DEGRADATION_PCT: f64 = 1.0;
pub const DEFAULT_ANNUAL_DEGRADATION_PCT: f64 = 0.4;
/// Default self-use share for self-use + surplus [%] when none is given (a warning says so).
pub const DEFAULT_SELF_USE_SHARE_PCT: f64 = 80.0;
/// A checked scenario with every default filled in; fractions [-] instead of percentages.
#[derive(Debug, Clone, PartialEq)]
pub struct Inputs {
    pub capacity_kwp: f64,
    pub method: ResourceMethod,
    pub resource: ResourceInput,
    /// The system with its defaults; its layout matters to the hourly methods only.
    pub system: System,
    /// Ground albedo [-] (hourly methods).
    pub albedo: f64,
    pub degradation: Degradation,
    /// The site, when the scenario gives one (for shaping hours from an annual yield).
    pub site: Option<ShapeSite>,
    pub usage_mode: UsageMode,
    /// Self-use share without a load [0–1].
    pub self_use_share: f64,
    /// The site's load by hour, when given.
    pub load: Option<HourlyLoad>,
    /// Export limit [kW], when given.
    pub export_limit_kw: Option<f64>,
    pub tariff: TariffInputs,
    /// Category, commissioning date and province under the 2025 rules.
    pub project: ProjectInputs,
    pub ownership: OwnershipModel,
    pub factors: EmissionFactors,
    pub factor_preset: Option<String>,
    pub warnings: Vec<Warning>,
}

pub(crate) fn out_of_range(field: &str, en: String, zh: String) -> ScenarioError {
    ScenarioError::new(
        codes::OUT_OF_RANGE,
        field,
        format!("{field} {en}"),
        format!("{field} {zh}"),
    )
}

/// `min ≤ v ≤ max`.
pub(crate) fn between(field: &str, v: f64, min: f64, max: f64) -> Result<f64, ScenarioError> {
    if !v.is_finite() {
        return Err(not_finite(field));
    }
    if v < min || v > max {
        return Err(out_of_range(
            field,
            format!("must be between {min} and {max} (got {v})"),
            format!("必须在 {min} 到 {max} 之间（当前为 {v}）"),
        ));
    }
    Ok(v)
}

/// `0 < v ≤ max`.
pub(crate) fn positive(field: &str, v: f64, max: f64) -> Result<f64, ScenarioError> {
    if !v.is_finite() {
        return Err(not_finite(field));
    }
    if v <= 0.0 || v > max {
        return Err(out_of_range(
            field,
            format!("must be greater than 0 and at most {max} (got {v})"),
            format!("必须大于 0 且不超过 {max}（当前为 {v}）"),
        ));
    }
    Ok(v)
}

pub(crate) fn optional(
    field: &str,
    v: Option<f64>,
    default: f64,
    check: impl Fn(&str, f64) -> Result<f64, ScenarioError>,
) -> Result<f64, ScenarioError> {
    v.map_or(Ok(default), |v| check(field, v))
}

pub(crate) fn missing(field: &str) -> ScenarioError {
    ScenarioError::new(
        codes::MISSING_FIELD,
        field,
        format!("{field} is required"),
        format!("缺少必填项 {field}"),
    )
}

pub(crate) fn required(field: &str, v: Option<f64>) -> Result<f64, ScenarioError> {
    v.ok_or_else(|| missing(field))
}

pub(crate) fn conflict(field: &str, en: &str, zh: &str) -> ScenarioError {
    ScenarioError::new(
        codes::CONFLICT,
        field,
        format!("{field}: {en}"),
        format!("{field}：{zh}"),
    )
}

/// A field that belongs to another choice of `selector` must be absent.
pub(crate) fn unused(field: &str, present: bool, selector: &str) -> Result<(), ScenarioError> {
    if present {
        return Err(conflict(
            field,
            &format!("does not apply to the chosen {selector}; remove it or change {selector}"),
            &format!("不适用于所选的 {selector}，请删除或更改 {selector}"),
        ));
    }
    Ok(())
}

pub(crate) fn warning(code: &'static str, en: &str, zh: &str) -> Warning {
    Warning {
        code,
        message: en.to_string(),
        message_zh: zh.to_string(),
    }
}

/// PVWatts v8 defaults of the system layout (ssc `cmod_pvwattsv8.cpp`): DC/AC ratio, inverter
/// efficiency [%], ground coverage ratio [-]; one plane tilted 20° facing south.
pub const DEFAULT_DC_AC_RATIO: f64 = 1.2;
pub const DEFAULT_INVERTER_EFFICIENCY_PCT: f64 = 96.0;
pub const DEFAULT_GROUND_COVERAGE_RATIO: f64 = 0.3;
const DEFAULT_PLANE: Plane = Plane {
    tilt_deg: 20.0,
    azimuth_deg: 180.0,
    share_of_capacity: 1.0,
};

/// Checks the system and returns it with every default filled in. Only the hourly methods use
/// more than the capacity.
fn check_system(s: &System) -> Result<System, ScenarioError> {
    // At least 10 W: smaller is no PV system, and it keeps every ratio of the report finite.
    let capacity_kwp = between("system.capacityKwp", s.capacity_kwp, 0.01, 1e6)?;
    let planes = s.planes.clone().unwrap_or_else(|| vec![DEFAULT_PLANE]);
    if planes.is_empty() {
        return Err(ScenarioError::new(
            codes::INVALID_LENGTH,
            "system.planes",
            "system.planes must hold at least one plane",
            "system.planes 至少需要一个朝向面",
        ));
    }
    for (i, p) in planes.iter().enumerate() {
        between(
            &format!("system.planes[{i}].tiltDeg"),
            p.tilt_deg,
            0.0,
            90.0,
        )?;
        between(
            &format!("system.planes[{i}].azimuthDeg"),
            p.azimuth_deg,
            0.0,
            360.0,
        )?;
        positive(
            &format!("system.planes[{i}].shareOfCapacity"),
            p.share_of_capacity,
            1.0,
        )?;
    }
    let total: f64 = planes.iter().map(|p| p.share_of_capacity).sum();
    if (total - 1.0).abs() > 1e-6 {
        return Err(out_of_range(
            "system.planes",
            format!("shares of capacity must add up to 1 (got {total})"),
            format!("各朝向面的容量占比之和必须为 1（当前为 {total}）"),
        ));
    }
    Ok(System {
        capacity_kwp,
        planes: Some(planes),
        dc_ac_ratio: Some(optional(
            "system.dcAcRatio",
            s.dc_ac_ratio,
            DEFAULT_DC_AC_RATIO,
            |f, v| between(f, v, 0.5, 3.0),
        )?),
        inverter_efficiency_pct: Some(optional(
            "system.inverterEfficiencyPct",
            s.inverter_efficiency_pct,
            DEFAULT_INVERTER_EFFICIENCY_PCT,
            |f, v| between(f, v, 90.0, 99.5),
        )?),
        losses_pct: Some(optional(
            "system.lossesPct",
            s.losses_pct,
            DEFAULT_LOSSES_PERCENT,
            |f, v| between(f, v, -5.0, 99.0),
        )?),
        module_type: Some(s.module_type.unwrap_or(ModuleType::Standard)),
        mounting: Some(s.mounting.unwrap_or(Mounting::Roof)),
        ground_coverage_ratio: Some(optional(
            "system.groundCoverageRatio",
            s.ground_coverage_ratio,
            DEFAULT_GROUND_COVERAGE_RATIO,
            |f, v| between(f, v, 0.01, 0.99),
        )?),
        sky_model: Some(s.sky_model.unwrap_or(SkyModel::Perez)),
    })
}

/// The hourly chain's system for a checked `System` (see [`check_system`]) and a ground albedo [-].
fn system_spec(s: &System, albedo: f64) -> SystemSpec {
    let planes = s
        .planes
        .as_deref()
        .unwrap_or(std::slice::from_ref(&DEFAULT_PLANE));
    SystemSpec {
        planes: planes
            .iter()
            .map(|p| pv::Plane {
                tilt_deg: p.tilt_deg,
                azimuth_deg: p.azimuth_deg,
                share: p.share_of_capacity,
            })
            .collect(),
        dc_capacity_w: s.capacity_kwp * 1000.0,
        dc_ac_ratio: s.dc_ac_ratio.unwrap_or(DEFAULT_DC_AC_RATIO),
        inverter_efficiency: s
            .inverter_efficiency_pct
            .unwrap_or(DEFAULT_INVERTER_EFFICIENCY_PCT)
            / 100.0,
        losses_percent: s.losses_pct.unwrap_or(DEFAULT_LOSSES_PERCENT),
        module: match s.module_type.unwrap_or(ModuleType::Standard) {
            ModuleType::Standard => pv::ModuleType::Standard,
            ModuleType::Premium => pv::ModuleType::Premium,
            ModuleType::ThinFilm => pv::ModuleType::ThinFilm,
        },
        mounting: match s.mounting.unwrap_or(Mounting::Roof) {
            Mounting::Roof => pv::Mounting::RoofMount,
            Mounting::OpenRack => pv::Mounting::OpenRack,
        },
        gcr: s
            .ground_coverage_ratio
            .unwrap_or(DEFAULT_GROUND_COVERAGE_RATIO),
        albedo,
        sky_model: match s.sky_model.unwrap_or(SkyModel::Perez) {
            SkyModel::Perez => irradiance::SkyModel::Perez,
            SkyModel::HayDavies => irradiance::SkyModel::HayDavies,
            SkyModel::Hdkr => irradiance::SkyModel::Hdkr,
            SkyModel::Isotropic => irradiance::SkyModel::Isotropic,
        },
    }
}

/// The resource, resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum ResourceInput {
    /// First-year AC energy [kWh] of a yield-based method.
    Annual(f64),
    /// Weather for the hourly chain, and the system it runs.
    Hourly(Box<HourlyInput>),
}

/// What the hourly chain runs on.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyInput {
    pub weather: Weather,
    pub system: SystemSpec,
    /// The weather's sun path, when synthesising the hours already computed it.
    pub sun: Option<SunPath>,
    /// The built-in station the hours come from (station and monthly methods), and how far it is.
    pub station: Option<Nearest>,
}

/// The fields of `resource` and the methods they belong to.
const RESOURCE_FIELDS: [(&str, &[ResourceMethod]); 10] = [
    ("hours", &[ResourceMethod::FullLoadHours]),
    ("horizontalIrradiationKwhM2", &[ResourceMethod::Gb50797]),
    ("k", &[ResourceMethod::Gb50797]),
    ("text", &[ResourceMethod::WeatherFile]),
    ("format", &[ResourceMethod::WeatherFile]),
    ("timing", &[ResourceMethod::WeatherFile]),
    ("fileName", &[ResourceMethod::WeatherFile]),
    ("stationId", &[ResourceMethod::Station]),
    ("ghiKwhM2", &[ResourceMethod::Monthly]),
    ("tempC", &[ResourceMethod::Monthly]),
];

fn site_place(s: &Scenario) -> Option<Place> {
    s.site.as_ref().map(|site| Place {
        latitude: site.latitude,
        longitude: site.longitude,
        elevation_m: site.elevation_m,
    })
}

/// Checks the resource fields of `r.method` (and that no other method's fields are given).
fn check_resource(
    s: &Scenario,
    system: SystemSpec,
    warnings: &mut Vec<Warning>,
) -> Result<ResourceInput, ScenarioError> {
    let r = &s.resource;
    let given = [
        r.hours.is_some(),
        r.horizontal_irradiation_kwh_m2.is_some(),
        r.k.is_some(),
        r.text.is_some(),
        r.format.is_some(),
        r.timing.is_some(),
        r.file_name.is_some(),
        r.station_id.is_some(),
        r.ghi_kwh_m2.is_some(),
        r.temp_c.is_some(),
    ];
    for ((name, methods), given) in RESOURCE_FIELDS.iter().zip(given) {
        unused(
            &format!("resource.{name}"),
            given && !methods.contains(&r.method),
            "resource.method",
        )?;
    }
    let capacity_kwp = s.system.capacity_kwp;
    let hourly = |weather, sun, station| {
        Ok(ResourceInput::Hourly(Box::new(HourlyInput {
            weather,
            system: system.clone(),
            sun,
            station,
        })))
    };
    match r.method {
        ResourceMethod::FullLoadHours => {
            let hours = between(
                "resource.hours",
                required("resource.hours", r.hours)?,
                1.0,
                8760.0,
            )?;
            Ok(ResourceInput::Annual(energy::from_full_load_hours(
                hours,
                capacity_kwp,
            )))
        }
        ResourceMethod::Gb50797 => {
            // Annual horizontal irradiation on Earth spans ≈600 (polar) to ≈2,600 kWh/m² (Atacama);
            // K is typically 0.75–0.85 (GB 50797-2012 §6.6).
            let field = "resource.horizontalIrradiationKwhM2";
            let ha = between(
                field,
                required(field, r.horizontal_irradiation_kwh_m2)?,
                100.0,
                3000.0,
            )?;
            let k = between("resource.k", required("resource.k", r.k)?, 0.1, 1.0)?;
            Ok(ResourceInput::Annual(energy::from_gb50797(
                ha,
                capacity_kwp,
                k,
            )))
        }
        ResourceMethod::WeatherFile => {
            let text = r.text.as_deref().ok_or_else(|| missing("resource.text"))?;
            let options = ParseOptions {
                format: r.format,
                timing: r.timing,
                file_name: r.file_name.clone(),
                fallback_location: s.site.as_ref().map(|site| Location {
                    name: String::new(),
                    latitude: site.latitude,
                    longitude: site.longitude,
                    timezone_h: site.timezone_h.unwrap_or(8.0),
                    elevation_m: site.elevation_m.unwrap_or(0.0),
                }),
                timezone_h: s.site.as_ref().and_then(|site| site.timezone_h),
            };
            hourly(weather::parse_with(text, &options)?, None, None)
        }
        ResourceMethod::Station => {
            let id = r
                .station_id
                .as_deref()
                .ok_or_else(|| missing("resource.stationId"))?;
            let station = climate::station(id)?;
            let place = site_place(s);
            let distance_km = place.as_ref().map_or(0.0, |p| {
                climate::distance_km(p.latitude, p.longitude, station.latitude, station.longitude)
            });
            if place.is_some() {
                warnings.push(warning(
                    "station_distance",
                    &format!(
                        "Climate of the station {} ({}), {distance_km:.0} km from the site; the sun is computed at the site.",
                        station.name_en, station.id
                    ),
                    &format!(
                        "采用气象站 {}（{}）的气候数据，距场址 {distance_km:.0} km；太阳位置按场址计算。",
                        station.name_zh, station.id
                    ),
                ));
            }
            let weather = climate::station_weather(id, place)?;
            hourly(
                weather,
                None,
                Some(Nearest {
                    station,
                    distance_km,
                }),
            )
        }
        ResourceMethod::Monthly => {
            let site = s.site.as_ref().ok_or_else(|| missing("site"))?;
            let ghi = r
                .ghi_kwh_m2
                .as_deref()
                .ok_or_else(|| missing("resource.ghiKwhM2"))?;
            let place = Place {
                latitude: site.latitude,
                longitude: site.longitude,
                elevation_m: site.elevation_m,
            };
            let inputs = MonthlyInputs::new(
                place,
                site.timezone_h.unwrap_or(8.0),
                ghi,
                r.temp_c.as_deref(),
            );
            let m = climate::monthly_weather(&inputs)?;
            warnings.extend(m.warnings);
            hourly(m.weather, m.sun_path, Some(m.station))
        }
    }
}

fn check_factors(f: &EmissionFactors) -> Result<(), ScenarioError> {
    let p = "emissions.factors.";
    between(&format!("{p}coalKgce"), f.coal_kgce, 0.0, 1.0)?;
    between(&format!("{p}co2Kg"), f.co2_kg, 0.0, 2.0)?;
    between(&format!("{p}so2G"), f.so2_g, 0.0, 100.0)?;
    between(&format!("{p}noxG"), f.nox_g, 0.0, 100.0)?;
    between(&format!("{p}dustG"), f.dust_g, 0.0, 1000.0)?;
    between(&format!("{p}waterKg"), f.water_kg, 0.0, 10.0)?;
    Ok(())
}

fn choose_factors(s: &Scenario) -> Result<(EmissionFactors, Option<String>), ScenarioError> {
    let choice = s.emissions.clone().unwrap_or_default();
    if let Some(factors) = choice.factors {
        unused(
            "emissions.preset",
            choice.preset.is_some(),
            "emissions.factors",
        )?;
        check_factors(&factors)?;
        return Ok((factors, None));
    }
    let id = choice
        .preset
        .unwrap_or_else(|| emissions::DEFAULT_PRESET.to_string());
    match emissions::preset(&id) {
        Some(p) => Ok((p.factors, Some(id))),
        None => {
            let ids: Vec<&str> = emissions::presets().iter().map(|p| p.id).collect();
            let ids = ids.join(", ");
            Err(ScenarioError::new(
                codes::UNKNOWN_PRESET,
                "emissions.preset",
                format!("unknown emission factor preset `{id}`; available: {ids}"),
                format!("未知的排放因子预设 `{id}`；可选：{ids}"),
            ))
        }
    }
}

/// Checks `s` and resolves its defaults.
pub fn validate(s: &Scenario) -> Result<Inputs, ScenarioError> {
    let mut warnings = Vec::new();
    if let Some(site) = &s.site {
        between("site.latitude", site.latitude, -90.0, 90.0)?;
        between("site.longitude", site.longitude, -180.0, 180.0)?;
        optional("site.elevationM", site.elevation_m, 0.0, |f, v| {
            between(f, v, -500.0, 9000.0)
        })?;
        optional("site.timezoneH", site.timezone_h, 8.0, |f, v| {
            between(f, v, -12.0, 14.0)
        })?;
        optional("site.albedo", site.albedo, 0.2, |f, v| {
            between(f, v, 0.0, 1.0)
        })?;
    }
    let albedo = s.site.as_ref().and_then(|site| site.albedo).unwrap_or(0.2);
    let system = check_system(&s.system)?;
    let capacity_kwp = s.system.capacity_kwp;
    let resource = check_resource(s, system_spec(&system, albedo), &mut warnings)?;
    if s.system.planes.is_none() && matches!(resource, ResourceInput::Hourly(_)) {
        warnings.push(warning(
            "assumed_plane",
            "No roof plane given: one plane tilted 20° facing south assumed (the PVWatts default).",
            "未指定组件朝向：按一个倾角 20°、朝正南的朝向面计算（PVWatts 默认值）。",
        ));
    }

    let life = s.lifetime.clone().unwrap_or_default();
    let years = life.years.unwrap_or(DEFAULT_YEARS);
    if !(1..=50).contains(&years) {
        return Err(out_of_range(
            "lifetime.years",
            format!("must be between 1 and 50 (got {years})"),
            format!("必须在 1 到 50 之间（当前为 {years}）"),
        ));
    }
    let first = optional(
        "lifetime.firstYearDegradationPct",
        life.first_year_degradation_pct,
        DEFAULT_FIRST_YEAR_DEGRADATION_PCT,
        |f, v| between(f, v, 0.0, 20.0),
    )?;
    let annual = optional(
        "lifetime.annualDegradationPct",
        life.annual_degradation_pct,
        DEFAULT_ANNUAL_DEGRADATION_PCT,
        |f, v| between(f, v, 0.0, 5.0),
    )?;
    let degradation = Degradation {
        years,
        first_year: first / 100.0,
        annual: annual / 100.0,
    };
    if degradation.factor(years) < 0.0 {
        return Err(out_of_range(
            "lifetime.annualDegradationPct",
            "degrades the output below zero before the end of the lifetime".into(),
            "使组件在寿命期结束前输出降至零以下".into(),
        ));
    }

    let (usage_mode, self_use_share_pct, load, export_limit_kw) = check_usage(s, &mut warnings)?;
    let project = check::project(s, capacity_kwp, usage_mode, &mut warnings)?;
    let tariff = check_tariff(s, &project, years, &mut warnings)?;
    let ownership = ownership::resolve(s.ownership.as_ref(), years)?;
    let (factors, factor_preset) = choose_factors(s)?;

    let site = s.site.as_ref().map(|site| ShapeSite {
        latitude_deg: site.latitude,
        longitude_deg: site.longitude,
        timezone_h: site.timezone_h.unwrap_or(8.0),
    });
    let inputs = Inputs {
        capacity_kwp,
        method: s.resource.method,
        resource,
        system,
        albedo,
        degradation,
        site,
        usage_mode,
        self_use_share: self_use_share_pct / 100.0,
        load,
        export_limit_kw,
        tariff,
        project,
        ownership,
        factors,
        factor_preset,
        warnings,
    };
    Ok(layout_warning(s, inputs))
}

/// The yield-based methods do not use the system layout, nor the site unless hours are shaped.
fn layout_warning(s: &Scenario, mut inp: Inputs) -> Inputs {
    if !matches!(inp.resource, ResourceInput::Annual(_)) {
        return inp;
    }
    let layout_given = s.system.planes.is_some()
        || s.system.dc_ac_ratio.is_some()
        || s.system.inverter_efficiency_pct.is_some()
        || s.system.losses_pct.is_some()
        || s.system.module_type.is_some()
        || s.system.mounting.is_some()
        || s.system.ground_coverage_ratio.is_some()
        || s.system.sky_model.is_some();
    let site_unused = s.site.is_some() && !crate::money::needs_hours(&inp);
    if layout_given || site_unused {
        inp.warnings.push(warning(
            "layout_unused",
            "The site and system layout do not change a yield given as full-load hours or by GB 50797; \
             they matter to the hourly methods (the site also shapes the hours of a load or time-of-use match).",
            "按满发小时数或 GB 50797 计算发电量时，场址与系统布置参数不影响结果；它们用于逐时计算方法（场址也用于与负荷或分时电价逐时匹配时的发电曲线）。",
        ));
    }
    inp
}

/// Usage: mode, self-use share (without a load), the load, the export limit.
fn check_usage(
    s: &Scenario,
    warnings: &mut Vec<Warning>,
) -> Result<(UsageMode, f64, Option<HourlyLoad>, Option<f64>), ScenarioError> {
    let Some(u) = &s.usage else {
        warnings.push(warning(
            "assumed_self_use_share",
            "No usage given: self-use with surplus export and an assumed 80 % self-use share.",
            "未指定消纳方式：按“自发自用、余电上网”、自用比例 80% 估算。",
        ));
        return Ok((
            UsageMode::SelfUseSurplus,
            DEFAULT_SELF_USE_SHARE_PCT,
            None,
            None,
        ));
    };
    let field = "usage.selfUseSharePct";
    if u.load.is_some() {
        if u.self_use_share_pct.is_some() {
            return Err(conflict(
                field,
                "cannot be given with usage.load: the self-use share follows hour by hour from the load",
                "不能与 usage.load 同时填写：有负荷时自用比例按逐时负荷计算",
            ));
        }
        unused("usage.load", u.mode == UsageMode::FullExport, "usage.mode")?;
    }
    let share = match (u.mode, u.self_use_share_pct) {
        (UsageMode::FullExport, given) => {
            unused(field, given.is_some(), "usage.mode")?;
            0.0
        }
        (_, Some(v)) => between(field, v, 0.0, 100.0)?,
        (UsageMode::FullSelfUse, None) => 100.0,
        (UsageMode::SelfUseSurplus, None) if u.load.is_some() => 0.0,
        (UsageMode::SelfUseSurplus, None) => {
            warnings.push(warning(
                "assumed_self_use_share",
                "No self-use share given: 80 % assumed.",
                "未指定自用比例：按 80% 估算。",
            ));
            DEFAULT_SELF_USE_SHARE_PCT
        }
    };
    let limit = match u.export_limit_kw {
        None => None,
        Some(v) => {
            let f = "usage.exportLimitKw";
            if u.mode == UsageMode::FullSelfUse {
                return Err(conflict(
                    f,
                    "does not apply to fullSelfUse, which exports nothing; use selfUseSurplus with exportLimitKw 0 for zero export",
                    "不适用于“全部自发自用”（不上网）；零上网（防逆流）可选“自发自用、余电上网”并将上网功率限制设为 0",
                ));
            }
            Some(between(f, v, 0.0, 1e7)?)
        }
    };
    let load = match &u.load {
        None => None,
        Some(l) => {
            let r = load::resolve(l)?;
            warnings.extend(r.warnings.iter().cloned());
            Some(r)
        }
    };
    Ok((u.mode, share, load, limit))
}

/// The shipped time-of-use tariff `id`, named at `field`.
fn tou_preset(id: &str, field: &str) -> Result<TimeOfUse, ScenarioError> {
    match tariff::time_of_use_preset(id) {
        Some(p) => Ok(p.time_of_use),
        None => {
            let ids: Vec<&str> = tariff::time_of_use_presets().iter().map(|p| p.id).collect();
            let ids = ids.join(", ");
            Err(ScenarioError::new(
                codes::UNKNOWN_PRESET,
                field,
                format!("unknown time-of-use preset `{id}`; available: {ids}"),
                format!("未知的分时电价预设 `{id}`；可选：{ids}"),
            ))
        }
    }
}

/// `tariff.timeOfUseChanges`: each from a year 2…`years`, increasing, with a preset or periods,
/// and only over a time-of-use first tariff.
fn check_tou_changes(
    t: &Tariff,
    tou_given: bool,
    years: u32,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<(u32, TimeOfUse)>, ScenarioError> {
    let Some(changes) = &t.time_of_use_changes else {
        return Ok(Vec::new());
    };
    if !tou_given {
        return Err(missing("tariff.timeOfUsePreset"));
    }
    let mut out = Vec::with_capacity(changes.len());
    let mut last = 1;
    for (i, c) in changes.iter().enumerate() {
        let f = format!("tariff.timeOfUseChanges[{i}]");
        if c.from_year <= last || c.from_year > years {
            return Err(out_of_range(
                &format!("{f}.fromYear"),
                format!(
                    "must be a year after {last} and within the lifetime of {years} years (got {})",
                    c.from_year
                ),
                format!(
                    "须晚于第 {last} 年且在寿命期 {years} 年之内（当前为 {}）",
                    c.from_year
                ),
            ));
        }
        last = c.from_year;
        let tou = match (&c.time_of_use_preset, &c.time_of_use) {
            (Some(_), Some(_)) => {
                return Err(conflict(
                    &format!("{f}.timeOfUse"),
                    "cannot be given with timeOfUsePreset; give one or the other",
                    "不能与 timeOfUsePreset 同时填写，请二选一",
                ))
            }
            (Some(id), None) => tou_preset(id, &format!("{f}.timeOfUsePreset"))?,
            (None, Some(tou)) => {
                warnings.extend(tariff::check_time_of_use(tou, &format!("{f}.timeOfUse"))?);
                tou.clone()
            }
            (None, None) => return Err(missing(&format!("{f}.timeOfUsePreset"))),
        };
        out.push((c.from_year, tou));
    }
    Ok(out)
}

/// Prices: flat or time-of-use purchase price, export price, escalations.
fn check_tariff(
    s: &Scenario,
    project: &ProjectInputs,
    years: u32,
    warnings: &mut Vec<Warning>,
) -> Result<TariffInputs, ScenarioError> {
    let t = s.tariff.clone().unwrap_or_default();
    let default_grid =
        tariff::preset(tariff::DEFAULT_GRID_PRICE_ID).map_or(0.55, |p| p.value_yuan_kwh);
    // The province's coal benchmark when one is named, else the Shanxi benchmark.
    let default_export = project
        .province
        .as_ref()
        .and_then(|p| p.benchmark_yuan_kwh)
        .or_else(|| tariff::preset(tariff::DEFAULT_EXPORT_PRICE_ID).map(|p| p.value_yuan_kwh))
        .unwrap_or(0.332);
    let tou_given = t.time_of_use.is_some() || t.time_of_use_preset.is_some();
    if let Some(m) = &t.grid_price_by_month_yuan_kwh {
        let other = if t.grid_price_yuan_kwh.is_some() {
            Some(("tariff.gridPriceYuanKwh", "tariff.gridPriceYuanKwh"))
        } else if tou_given {
            Some(("time-of-use prices", "分时电价"))
        } else {
            None
        };
        if let Some((en, zh)) = other {
            return Err(conflict(
                "tariff.gridPriceByMonthYuanKwh",
                &format!("cannot be given with {en}; give one or the other"),
                &format!("不能与{zh}同时填写，请二选一"),
            ));
        }
        if m.len() != 12 {
            return Err(ScenarioError::new(
                codes::INVALID_LENGTH,
                "tariff.gridPriceByMonthYuanKwh",
                format!(
                    "tariff.gridPriceByMonthYuanKwh must hold 12 prices, January first (got {})",
                    m.len()
                ),
                format!(
                    "tariff.gridPriceByMonthYuanKwh 须为 12 个月的电价，自 1 月起（当前为 {} 个）",
                    m.len()
                ),
            ));
        }
        for (i, &p) in m.iter().enumerate() {
            positive(&format!("tariff.gridPriceByMonthYuanKwh[{i}]"), p, 10.0)?;
        }
    }
    if tou_given && t.grid_price_yuan_kwh.is_some() {
        return Err(conflict(
            "tariff.gridPriceYuanKwh",
            "cannot be given with time-of-use prices; give one or the other",
            "不能与分时电价同时填写，请二选一",
        ));
    }
    if t.time_of_use.is_some() && t.time_of_use_preset.is_some() {
        return Err(conflict(
            "tariff.timeOfUsePreset",
            "cannot be given with tariff.timeOfUse; give one or the other",
            "不能与 tariff.timeOfUse 同时填写，请二选一",
        ));
    }
    let purchase = if let Some(m) = &t.grid_price_by_month_yuan_kwh {
        Purchase::Monthly(std::array::from_fn(|i| m[i]))
    } else if let Some(tou) = &t.time_of_use {
        warnings.extend(tariff::check_time_of_use(tou, "tariff.timeOfUse")?);
        Purchase::TimeOfUse(tou.clone())
    } else if let Some(id) = &t.time_of_use_preset {
        Purchase::TimeOfUse(tou_preset(id, "tariff.timeOfUsePreset")?)
    } else {
        Purchase::Flat(optional(
            "tariff.gridPriceYuanKwh",
            t.grid_price_yuan_kwh,
            default_grid,
            |f, v| positive(f, v, 10.0),
        )?)
    };
    let time_of_use_changes = check_tou_changes(&t, tou_given, years, warnings)?;
    let fixed = t
        .export_price_yuan_kwh
        .map(|v| between("tariff.exportPriceYuanKwh", v, 0.0, 10.0))
        .transpose()?;
    let export = check::export_rule(s, project, years, fixed, default_export, warnings)?;
    let escalation = optional("tariff.escalationPct", t.escalation_pct, 0.0, |f, v| {
        between(f, v, -20.0, 20.0)
    })?;
    let export_escalation = optional(
        "tariff.exportEscalationPct",
        t.export_escalation_pct,
        escalation,
        |f, v| between(f, v, -20.0, 20.0),
    )?;
    Ok(TariffInputs {
        purchase,
        time_of_use_preset: t.time_of_use_preset.clone(),
        time_of_use_changes,
        export,
        escalation: escalation / 100.0,
        export_escalation: export_escalation / 100.0,
    })
}
