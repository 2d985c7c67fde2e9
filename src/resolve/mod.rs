//! Checks a [`Scenario`] and resolves it into [`Inputs`]: every default filled in (from
//! [`defaults`], the one place they live), no optional values left but those that mean "none"
//! (no load, no export limit), percentages turned into fractions. Every rejection is a
//! [`ScenarioError`] naming the JSON path; nothing is clamped or silently fixed. Resources (weather
//! files, stations, monthly values) are only checked here; [`crate::resource`] loads them.

pub mod defaults;
pub mod storage;
pub mod system;

use crate::check::{
    between, conflict, missing, optional, out_of_range, positive, required, unused,
};
use crate::climate::Place;
use crate::diag::Warning;
use crate::emissions::{self, EmissionFactors};
use crate::energy::{self, Degradation};
use crate::error::{codes, ScenarioError};
use crate::load::{self, HourlyLoad};
use crate::ownership::{self, OwnershipModel};
use crate::pv::SystemSpec;
use crate::rules::check::{self as rules_check, ProjectInputs};
use crate::rules::export_price::{ExportRule, MarketPrice};
use crate::rules::tou_presets;
use crate::scenario::{ResourceMethod, Scenario, System, Tariff, TimeOfUse, UsageMode};
use crate::shape::ShapeSite;
use crate::sizing::{self, RoofSizing};
use crate::tariff::{self, Purchase, TariffInputs};
use crate::weather::{Location, ParseOptions};

/// A checked scenario with every default filled in; fractions [-] instead of percentages.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub capacity_kwp: f64,
    pub method: ResourceMethod,
    /// The resource, checked (loaded by [`crate::resource::load`]).
    pub resource: ResourceSpec,
    /// The hourly chain's system (with the ground albedo); it matters to the hourly methods only.
    pub system: SystemSpec,
    /// The same layout as the scenario spells it, every field given (the report's assumptions).
    pub layout: System,
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
    /// The roof's sizing, when the system was sized from `system.roof`.
    pub sizing: Option<RoofSizing>,
    /// The battery behind the meter, when given.
    pub storage: Option<crate::storage::Battery>,
    /// Demand charge [yuan/kW/month], when given.
    pub demand_charge_yuan_per_kw_month: Option<f64>,
    pub warnings: Vec<Warning>,
}

impl Inputs {
    /// Whether the usage or the tariff needs hourly generation: a load, an export limit,
    /// time-of-use or monthly prices, or a market price by hour.
    pub fn needs_hours(&self) -> bool {
        let by_hour = matches!(
            self.tariff.export,
            ExportRule::Document136 {
                market: MarketPrice::ByHour(_),
                ..
            }
        );
        by_hour
            || self.load.is_some()
            || self.export_limit_kw.is_some()
            || matches!(
                self.tariff.purchase,
                Purchase::TimeOfUse(_) | Purchase::Monthly(_)
            )
    }
}

/// The resource of a scenario, checked: what [`crate::resource::load`] loads.
#[derive(Debug, Clone)]
pub enum ResourceSpec {
    /// First-year AC energy [kWh] of a yield-based method (full-load hours, GB 50797).
    Annual(f64),
    /// A weather file (`resource.text`) read with these options.
    WeatherFile(ParseOptions),
    /// A built-in station's year, the sun at the site when one is given.
    Station { id: String, place: Option<Place> },
    /// Twelve monthly values at the site.
    Monthly {
        place: Place,
        timezone_h: f64,
        ghi_kwh_m2: Vec<f64>,
        temp_c: Option<Vec<f64>>,
    },
}

impl ResourceSpec {
    /// Whether the resource gives weather for the hourly chain.
    pub fn is_hourly(&self) -> bool {
        !matches!(self, ResourceSpec::Annual(_))
    }
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
fn check_resource(s: &Scenario, capacity_kwp: f64) -> Result<ResourceSpec, ScenarioError> {
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
    let timezone_h = s.site.as_ref().and_then(|site| site.timezone_h);
    match r.method {
        ResourceMethod::FullLoadHours => {
            let hours = between(
                "resource.hours",
                required("resource.hours", r.hours)?,
                1.0,
                8760.0,
            )?;
            Ok(ResourceSpec::Annual(energy::from_full_load_hours(
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
            Ok(ResourceSpec::Annual(energy::from_gb50797(
                ha,
                capacity_kwp,
                k,
            )))
        }
        ResourceMethod::WeatherFile => {
            if r.text.is_none() {
                return Err(missing("resource.text"));
            }
            Ok(ResourceSpec::WeatherFile(ParseOptions {
                format: r.format,
                timing: r.timing,
                file_name: r.file_name.clone(),
                fallback_location: s.site.as_ref().map(|site| Location {
                    name: String::new(),
                    latitude: site.latitude,
                    longitude: site.longitude,
                    timezone_h: timezone_h.unwrap_or(defaults::TIMEZONE_H),
                    elevation_m: site.elevation_m.unwrap_or(defaults::ELEVATION_M),
                }),
                timezone_h,
            }))
        }
        ResourceMethod::Station => {
            let id = r
                .station_id
                .clone()
                .ok_or_else(|| missing("resource.stationId"))?;
            Ok(ResourceSpec::Station {
                id,
                place: site_place(s),
            })
        }
        ResourceMethod::Monthly => {
            let place = site_place(s).ok_or_else(|| missing("site"))?;
            let ghi = r
                .ghi_kwh_m2
                .clone()
                .ok_or_else(|| missing("resource.ghiKwhM2"))?;
            Ok(ResourceSpec::Monthly {
                place,
                timezone_h: timezone_h.unwrap_or(defaults::TIMEZONE_H),
                ghi_kwh_m2: ghi,
                temp_c: r.temp_c.clone(),
            })
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

/// Checks `s` and resolves it: every default filled in, the resource checked but not loaded.
pub fn resolve(s: &Scenario) -> Result<Inputs, ScenarioError> {
    let mut warnings = Vec::new();
    if let Some(site) = &s.site {
        between("site.latitude", site.latitude, -90.0, 90.0)?;
        between("site.longitude", site.longitude, -180.0, 180.0)?;
        if let Some(v) = site.elevation_m {
            between("site.elevationM", v, -500.0, 9000.0)?;
        }
        if let Some(v) = site.timezone_h {
            between("site.timezoneH", v, -12.0, 14.0)?;
        }
    }
    let albedo = optional(
        "site.albedo",
        s.site.as_ref().and_then(|site| site.albedo),
        defaults::ALBEDO,
        |f, v| between(f, v, 0.0, 1.0),
    )?;
    let sizing = size_roof(s)?;
    let (system, layout) = system::resolve(&s.system, sizing.as_ref(), albedo)?;
    let capacity_kwp = system.dc_capacity_w / 1000.0;
    let resource = check_resource(s, capacity_kwp)?;
    if s.system.planes.is_none() && sizing.is_none() && resource.is_hourly() {
        warnings.push(Warning::new(
            "assumed_plane",
            "No roof plane given: one plane tilted 20° facing south assumed (the PVWatts default).",
            "未指定组件朝向：按一个倾角 20°、朝正南的朝向面计算（PVWatts 默认值）。",
        ));
    }
    let degradation = check_lifetime(s)?;
    let (usage_mode, self_use_share_pct, load, export_limit_kw) = check_usage(s, &mut warnings)?;
    let years = degradation.years;
    let project = rules_check::project(s, capacity_kwp, usage_mode, &mut warnings)?;
    let tariff = check_tariff(s, &project, years, &mut warnings)?;
    let mut ownership = ownership::resolve(s.ownership.as_ref(), years)?;
    if let Some(z) = &sizing {
        roof_capex(s, &mut ownership, z);
    }
    let (factors, factor_preset) = choose_factors(s)?;
    let battery = storage::battery(s, years, load.as_ref(), usage_mode)?;
    let demand_charge_yuan_per_kw_month = storage::demand_charge(s, load.as_ref())?;

    let site = s.site.as_ref().map(|site| ShapeSite {
        latitude_deg: site.latitude,
        longitude_deg: site.longitude,
        timezone_h: site.timezone_h.unwrap_or(defaults::TIMEZONE_H),
    });
    let inputs = Inputs {
        capacity_kwp,
        method: s.resource.method,
        resource,
        system,
        layout,
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
        sizing,
        storage: battery,
        demand_charge_yuan_per_kw_month,
        warnings,
    };
    Ok(layout_warning(s, inputs))
}

/// The sizing of `system.roof`, if given, at the site's latitude or else the station's.
fn size_roof(s: &Scenario) -> Result<Option<RoofSizing>, ScenarioError> {
    let Some(roof) = &s.system.roof else {
        return Ok(None);
    };
    let latitude = match (&s.site, &s.resource.station_id) {
        (Some(site), _) => Some(site.latitude),
        (None, Some(id)) if s.resource.method == ResourceMethod::Station => {
            Some(crate::climate::station(id)?.latitude)
        }
        _ => None,
    };
    sizing::size_roof(roof, "system.roof.", latitude, "site.latitude").map(Some)
}

/// A roof's typical investment ([`sizing::capex`]) where the scenario gives none.
fn roof_capex(s: &Scenario, ownership: &mut OwnershipModel, z: &RoofSizing) {
    let o = s.ownership.as_ref();
    let given = match ownership {
        OwnershipModel::Owner(_) => o.and_then(|o| o.capex_yuan_per_w).is_some(),
        OwnershipModel::ThirdParty { .. } => o
            .and_then(|o| o.investor.as_ref())
            .and_then(|i| i.capex_yuan_per_w)
            .is_some(),
    };
    if !given {
        match ownership {
            OwnershipModel::Owner(f) => f.capex_yuan_per_w = z.capex.yuan_per_w,
            OwnershipModel::ThirdParty { investor, .. } => {
                investor.capex_yuan_per_w = z.capex.yuan_per_w
            }
        }
    }
}

/// The lifetime and the degradation over it.
fn check_lifetime(s: &Scenario) -> Result<Degradation, ScenarioError> {
    let life = s.lifetime.clone().unwrap_or_default();
    let years = life.years.unwrap_or(defaults::YEARS);
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
        defaults::FIRST_YEAR_DEGRADATION_PCT,
        |f, v| between(f, v, 0.0, 20.0),
    )?;
    let annual = optional(
        "lifetime.annualDegradationPct",
        life.annual_degradation_pct,
        defaults::ANNUAL_DEGRADATION_PCT,
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
    Ok(degradation)
}

/// The yield-based methods do not use the system layout, nor the site unless hours are shaped.
fn layout_warning(s: &Scenario, mut inp: Inputs) -> Inputs {
    if inp.resource.is_hourly() {
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
    let site_unused = s.site.is_some() && !inp.needs_hours();
    if layout_given || site_unused {
        inp.warnings.push(Warning::new(
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
        warnings.push(Warning::new(
            "assumed_self_use_share",
            "No usage given: self-use with surplus export and an assumed 80 % self-use share.",
            "未指定消纳方式：按“自发自用、余电上网”、自用比例 80% 估算。",
        ));
        return Ok((
            defaults::USAGE_MODE,
            defaults::SELF_USE_SHARE_PCT,
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
            warnings.push(Warning::new(
                "assumed_self_use_share",
                "No self-use share given: 80 % assumed.",
                "未指定自用比例：按 80% 估算。",
            ));
            defaults::SELF_USE_SHARE_PCT
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
    match tou_presets::time_of_use_preset(id) {
        Some(p) => Ok(p.time_of_use),
        None => {
            let ids: Vec<&str> = tou_presets::time_of_use_presets()
                .iter()
                .map(|p| p.id)
                .collect();
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
    // The province's coal benchmark when one is named, else the default (Shanxi's).
    let default_export = project
        .province
        .as_ref()
        .and_then(|p| p.benchmark_yuan_kwh)
        .unwrap_or_else(defaults::export_price_yuan_kwh);
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
            defaults::grid_price_yuan_kwh(),
            |f, v| positive(f, v, 10.0),
        )?)
    };
    let time_of_use_changes = check_tou_changes(&t, tou_given, years, warnings)?;
    let fixed = t
        .export_price_yuan_kwh
        .map(|v| between("tariff.exportPriceYuanKwh", v, 0.0, 10.0))
        .transpose()?;
    let export = rules_check::export_rule(s, project, years, fixed, default_export, warnings)?;
    let escalation = optional(
        "tariff.escalationPct",
        t.escalation_pct,
        defaults::ESCALATION_PCT,
        |f, v| between(f, v, -20.0, 20.0),
    )?;
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
