//! First-year production from the resource: an annual yield (full-load hours, GB 50797) split over
//! the months by their days, or the PVWatts v8 hourly chain on weather ([`crate::pv::simulate`]).

use crate::climate::Nearest;
use crate::decimal::fixed;
use crate::diag::Warning;
use crate::energy;
use crate::error::{codes, ScenarioError};
use crate::pv::{self, EnergyTotals, HourlyResult};
use crate::report::Losses;
use crate::resource::ResourceInput;
use crate::solar::sunpath::SunPath;
use crate::weather::{self, Timing, WeatherSummary};

/// What the first year produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Production {
    /// AC energy [kWh].
    pub annual_kwh: f64,
    /// AC energy by month [kWh], January first.
    pub monthly_kwh: [f64; 12],
    /// The hourly chain's detail, for the hourly methods.
    pub hourly: Option<HourlyDetail>,
    pub warnings: Vec<Warning>,
}

/// The hourly chain's result and the weather it ran on.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyDetail {
    pub result: HourlyResult,
    pub weather: WeatherSummary,
    /// DC nameplate [kWp].
    pub capacity_kwp: f64,
    /// The built-in station the hours come from, and its distance from the site.
    pub station: Option<Nearest>,
}

impl HourlyDetail {
    /// AC energy of each weather row [kWh]: P [W] × step [h] / 1000.
    pub fn row_kwh(&self) -> Vec<f64> {
        let hours = f64::from(self.weather.step_minutes) / 60.0;
        self.result
            .ac_w
            .iter()
            .map(|w| w * hours / 1000.0)
            .collect()
    }

    /// Plane-of-array irradiation incident on the planes (before row shading) by month [kWh/m²].
    pub fn monthly_poa_kwh_m2(&self) -> Vec<f64> {
        self.result
            .monthly
            .iter()
            .map(|m| m.poa_unshaded_kwh_m2)
            .collect()
    }

    /// Performance ratio [-]: AC energy over the nameplate's output at the incident irradiation,
    /// PR = E_AC / (P_dc0 × H_POA / 1 kW/m²) (IEC 61724-1); `None` for a year without incident
    /// irradiation, where it is undefined.
    pub fn performance_ratio(&self) -> Option<f64> {
        let a = &self.result.annual;
        let incident_kwh = self.capacity_kwp * a.poa_unshaded_kwh_m2;
        (incident_kwh > 0.0).then(|| a.ac_kwh / incident_kwh)
    }

    /// Where the energy goes, step by step through the chain, over the year.
    pub fn losses(&self) -> Losses {
        let a: &EnergyTotals = &self.result.annual;
        let lost = |before: f64, after: f64| {
            if before > 0.0 {
                (1.0 - after / before) * 100.0
            } else {
                0.0
            }
        };
        let incident_kwh = self.capacity_kwp * a.poa_unshaded_kwh_m2;
        Losses {
            incident_kwh,
            row_shading_pct: lost(incident_kwh, a.nominal_kwh),
            cover_spectral_pct: lost(a.nominal_kwh, a.after_cover_spectral_kwh),
            temperature_low_light_pct: lost(a.after_cover_spectral_kwh, a.dc_module_kwh),
            dc_losses_pct: lost(a.dc_module_kwh, a.dc_kwh),
            inverter_pct: lost(a.dc_kwh, a.ac_unclipped_kwh),
            clipping_pct: lost(a.ac_unclipped_kwh, a.ac_kwh),
            ac_kwh: a.ac_kwh,
        }
    }
}

/// The JSON name of a timing convention (`start`, `centre`, …).
fn timing_name(t: Timing) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The Chinese name of a timing convention.
fn timing_name_zh(t: Timing) -> &'static str {
    match t {
        Timing::Start => "时段起点",
        Timing::Centre => "时段平均、居中",
        Timing::End => "时段终点",
        Timing::Instant => "文件所写时刻",
    }
}

/// First-year production of the resolved resource.
pub fn first_year(resource: &ResourceInput) -> Result<Production, ScenarioError> {
    match resource {
        ResourceInput::Annual(kwh) => Ok(Production {
            annual_kwh: *kwh,
            monthly_kwh: energy::monthly_by_days(*kwh),
            hourly: None,
            warnings: vec![Warning::new(
                "monthly_by_days",
                "Only an annual yield is known: months are shared in proportion to their days.",
                "仅知年发电量：各月发电量按天数比例分配。",
            )],
        }),
        ResourceInput::Hourly(input) => {
            let (w, system) = (&input.weather, &input.system);
            let computed;
            let sun = match &input.sun {
                Some(sun) => sun,
                None => {
                    computed = SunPath::shared(w);
                    &*computed
                }
            };
            let result = pv::simulate(w, sun, system).map_err(|e| {
                let field = scenario_field(&e.field);
                ScenarioError::new(
                    codes::OUT_OF_RANGE,
                    field.clone(),
                    format!("{field} {}", e.message),
                    format!("{field} 超出计算引擎允许的范围"),
                )
            })?;
            let summary = weather::summarize(w);
            let mut warnings = Vec::new();
            if let Some(check) = summary.timing_check.as_ref().filter(|c| c.warning) {
                let m = check.offset_minutes;
                warnings.push(Warning::new(
                    "timing_offset",
                    format!(
                        "The file's daily irradiance centroid is {m:+} min from solar noon under the timing \
                         convention in force ({}): its timestamps, time zone or timing convention are probably off \
                         (resource.timing).",
                        timing_name(summary.timing),
                        m = fixed(m, 0)
                    ),
                    format!(
                        "按当前时间约定（{}），该气象文件的日辐照质心与太阳正午相差 {m:+} 分钟：其时间戳、时区或时间约定可能有误（resource.timing）。",
                        timing_name_zh(summary.timing),
                        m = fixed(m, 0)
                    ),
                ));
            }
            if summary.filled_values > 0 {
                let n = summary.filled_values;
                let (each, each_zh): (Vec<String>, Vec<String>) = summary
                    .filled
                    .iter()
                    .map(|f| {
                        let (en, zh) = f.names();
                        (
                            format!("{en} {}", f.values),
                            format!("{zh} {} 个", f.values),
                        )
                    })
                    .unzip();
                let (each, each_zh) = (each.join(", "), each_zh.join("，"));
                warnings.push(Warning::new(
                    "weather_filled",
                    format!(
                        "{n} missing weather values (at or above the format's missing markers) were filled by interpolation over short gaps: {each}."
                    ),
                    format!("气象文件中 {n} 个缺测值（不低于该格式的缺测标记值）已按短时段线性插值补齐：{each_zh}。"),
                ));
            }
            for c in &summary.implausible {
                warnings.push(Warning::new(
                    "weather_implausible",
                    format!(
                        "{} weather rows break the plausibility rule {} (BSRN quality control), the first at line {}: \
                         check the file or its timing convention (resource.timing).",
                        c.rows, c.rule, c.first_line
                    ),
                    format!(
                        "气象文件有 {} 行不满足合理性规则“{}”（基准地面辐射网质量控制），第一处在第 {} 行：请检查文件或其时间约定。",
                        c.rows,
                        weather::plausibility::rule_zh(c.rule),
                        c.first_line
                    ),
                ));
            }
            let monthly_kwh = std::array::from_fn(|m| result.monthly[m].ac_kwh);
            Ok(Production {
                annual_kwh: result.annual.ac_kwh,
                monthly_kwh,
                hourly: Some(HourlyDetail {
                    result,
                    weather: summary,
                    capacity_kwp: system.dc_capacity_w / 1000.0,
                    station: input.station.clone(),
                }),
                warnings,
            })
        }
    }
}

/// The scenario's JSON path of a field of the engine's [`pv::SystemSpec`] (`planes[0].azimuth_deg`
/// → `system.planes[0].azimuthDeg`).
fn scenario_field(engine: &str) -> String {
    let (prefix, name) = engine
        .rsplit_once('.')
        .map_or(("", engine), |(p, n)| (p, n));
    let name = match name {
        "albedo" => return "site.albedo".to_string(),
        "dc_capacity_w" => "capacityKwp",
        "dc_ac_ratio" => "dcAcRatio",
        "inverter_efficiency" => "inverterEfficiencyPct",
        "losses_pct" => "lossesPct",
        "gcr" => "groundCoverageRatio",
        "tilt_deg" => "tiltDeg",
        "azimuth_deg" => "azimuthDeg",
        "share" => "shareOfCapacity",
        other => other,
    };
    if prefix.is_empty() {
        format!("system.{name}")
    } else {
        format!("system.{prefix}.{name}")
    }
}
