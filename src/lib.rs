//! rooftop-pv: how much a rooftop PV system generates, saves and avoids.
//!
//! One path: [`Scenario`] → [`resolve`](resolve::resolve) → [`resource`](resource::load) →
//! production → usage → money → emissions → [`Report`]. The core is plain Rust; `wasm.rs` (wasm32 only) is the single JavaScript binding.
//!
//! ```
//! let scenario = rooftop_pv::Scenario::from_json(
//!     r#"{"system":{"capacityKwp":6000},"resource":{"method":"fullLoadHours","hours":1241.6},
//!         "emissions":{"preset":"cec-2018"}}"#,
//! ).unwrap();
//! let report = rooftop_pv::calculate(&scenario).unwrap();
//! assert_eq!(format!("{:.2}", report.emissions.annual.coal_t), "2291.50");
//! ```

pub mod calendar;
pub mod caps;
pub mod check;
pub mod climate;
pub mod decimal;
pub mod diag;
pub mod emissions;
pub mod energy;
pub mod error;
pub mod finance;
pub mod finite;
pub mod handoff;
pub mod json;
pub mod json_text;
pub mod load;
mod minmax;
pub mod money;
pub mod ownership;
pub mod presets;
pub mod production;
pub mod pv;
pub mod report;
pub mod resolve;
pub mod resource;
pub mod rules;
pub mod scenario;
pub mod shape;
pub mod sizing;
pub mod solar;
pub mod storage;
pub mod tariff;
pub mod usage;
#[cfg(target_arch = "wasm32")]
mod wasm;
pub mod weather;

pub use error::ScenarioError;
pub use presets::{presets, Presets};
pub use report::Report;
pub use scenario::Scenario;

use decimal::{dec, fixed};
use ownership::OwnershipModel;
use production::HourlyDetail;
use report::{Assumptions, Emissions, Energy, HoursFrom, TariffKind, YearKwh};

/// The crate version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// Computes the report of a scenario, or says exactly what is wrong with it.
pub fn calculate(scenario: &Scenario) -> Result<Report, ScenarioError> {
    report(scenario, None).inspect(debug_check_finite)
}

/// In debug builds (every Rust test), a report with a NaN or an infinity panics, naming the field.
fn debug_check_finite(report: &Report) {
    if cfg!(debug_assertions) {
        let json = serde_json::to_value(report).unwrap_or_default();
        if let Some(path) = finite::first_non_finite(&json) {
            panic!("report.{path} is not a finite number");
        }
    }
}

/// [`calculate`] with year 1's AC generation supplied by the caller, hour by hour: 8,760 values
/// [kWh], 1 January 00:00–01:00 local standard time first (29 February left out). They replace the
/// production of the scenario's resource, and usage and money are matched on them. For callers with
/// their own hourly simulation, and for tests.
pub fn calculate_with_hours(
    scenario: &Scenario,
    hours_kwh: &[f64],
) -> Result<Report, ScenarioError> {
    if hours_kwh.len() != calendar::HOURS {
        return Err(ScenarioError::new(
            error::codes::INVALID_LENGTH,
            "hours",
            format!("8760 hourly values are needed (got {})", hours_kwh.len()),
            format!("需要 8760 个逐时数值（当前为 {} 个）", hours_kwh.len()),
        ));
    }
    if let Some(h) = hours_kwh.iter().position(|v| !v.is_finite() || *v < 0.0) {
        return Err(ScenarioError::new(
            error::codes::OUT_OF_RANGE,
            format!("hours[{h}]"),
            format!(
                "hours[{h}] must be a finite number ≥ 0 (got {})",
                dec(hours_kwh[h])
            ),
            format!(
                "hours[{h}] 必须是不小于 0 的有限数值（当前为 {}）",
                dec(hours_kwh[h])
            ),
        ));
    }
    report(scenario, Some(hours_kwh)).inspect(debug_check_finite)
}

/// Energy of each hour [kWh] from rows of `step_minutes` (60 or a divisor of it) in one year.
fn to_hours(rows_kwh: &[f64], step_minutes: u32) -> Vec<f64> {
    let per_hour = (60 / step_minutes.clamp(1, 60)) as usize;
    rows_kwh.chunks(per_hour).map(|c| c.iter().sum()).collect()
}

/// [`calculate`] of a scenario given by value: the weather file's text (megabytes) is freed as soon
/// as it is read, so that the hours computed from it reuse its memory (for the WebAssembly binding,
/// where fresh memory costs a page fault per 4 KiB on first touch).
pub fn calculate_owned(mut scenario: Scenario) -> Result<Report, ScenarioError> {
    let inp = resolve::resolve(&scenario)?;
    let text = scenario.resource.text.take();
    let loaded = resource::load(&inp.resource, text.as_deref(), &inp.system)?;
    drop(text);
    report_of(&scenario, inp, loaded, None).inspect(debug_check_finite)
}

fn report(scenario: &Scenario, given_hours: Option<&[f64]>) -> Result<Report, ScenarioError> {
    let inp = resolve::resolve(scenario)?;
    let loaded = resource::load(
        &inp.resource,
        scenario.resource.text.as_deref(),
        &inp.system,
    )?;
    report_of(scenario, inp, loaded, given_hours)
}

/// The report of a resolved scenario from its loaded resource (and its warnings).
fn report_of(
    scenario: &Scenario,
    inp: resolve::Inputs,
    (resource, mut warnings): (resource::ResourceInput, Vec<report::Warning>),
    given_hours: Option<&[f64]>,
) -> Result<Report, ScenarioError> {
    warnings.extend(inp.warnings.iter().cloned());
    let production = production::first_year(&resource)?;
    let hourly = production.hourly.as_ref();
    let (annual_kwh, monthly_kwh) = match given_hours {
        Some(h) => {
            let months = calendar::month_of_hours();
            let mut m = vec![0.0; 12];
            for (v, &k) in h.iter().zip(&months) {
                m[k as usize] += v;
            }
            (h.iter().sum::<f64>(), m)
        }
        None => {
            warnings.extend(production.warnings.iter().cloned());
            (production.annual_kwh, production.monthly_kwh.to_vec())
        }
    };
    let yearly_kwh = inp.degradation.yearly_kwh(annual_kwh);
    let wants_hourly = scenario
        .output
        .as_ref()
        .and_then(|o| o.hourly)
        .unwrap_or(false);
    let (hours, hours_from) = year1_hours(&inp, annual_kwh, given_hours, hourly);
    if hours_from == Some(HoursFrom::ClearSkyShape) {
        warnings.push(shaped_warning(inp.site));
    }
    let eval = money::evaluate(&inp, annual_kwh, hours.as_deref());
    warnings.extend(eval.warnings.iter().cloned());
    warnings.extend(
        inp.project
            .minimum_share_warning(eval.usage.self_use_share_pct),
    );
    let delivered_first = eval.delivered_kwh.first().copied().unwrap_or(0.0);
    let delivered_lifetime: f64 = eval.delivered_kwh.iter().sum();
    Ok(Report {
        energy: Energy {
            annual_kwh,
            monthly_kwh,
            specific_yield_kwh_per_kwp: annual_kwh / inp.capacity_kwp,
            lifetime_kwh: yearly_kwh.iter().sum(),
            by_year: (1u32..)
                .zip(&yearly_kwh)
                .map(|(year, &kwh)| YearKwh { year, kwh })
                .collect(),
            poa_kwh_m2: hourly.map(|h| h.result.annual.poa_unshaded_kwh_m2),
            monthly_poa_kwh_m2: hourly.map(HourlyDetail::monthly_poa_kwh_m2),
            performance_ratio: hourly.and_then(HourlyDetail::performance_ratio),
            losses: hourly.map(HourlyDetail::losses),
            hourly_kwh: hourly.filter(|_| wants_hourly).map(HourlyDetail::row_kwh),
        },
        usage: eval.usage.clone(),
        emissions: Emissions {
            annual: emissions::avoided(delivered_first, &inp.factors),
            lifetime: emissions::avoided(delivered_lifetime, &inp.factors),
            factors: inp.factors.clone(),
            preset: inp.factor_preset.clone(),
        },
        assumptions: assumptions(
            &inp,
            hourly.is_some(),
            eval.usage.self_use_share_pct,
            hours_from,
            eval.money.export_pricing.first_year_price_yuan_kwh,
        ),
        money: eval.money,
        weather: hourly.map(|h| h.weather.clone()),
        station: hourly.and_then(|h| h.station.clone()),
        sizing: inp.sizing.clone(),
        warnings,
        storage: eval.storage,
    })
}

/// Year 1's AC generation by hour [kWh] for the money, and where it comes from: the hours given,
/// or the hourly engine's; else — when a load, an export limit or time-of-use prices need hours —
/// the annual yield shaped over clear-sky days at the site; else none.
fn year1_hours<'a>(
    inp: &resolve::Inputs,
    annual_kwh: f64,
    given_hours: Option<&'a [f64]>,
    hourly: Option<&HourlyDetail>,
) -> (Option<std::borrow::Cow<'a, [f64]>>, Option<HoursFrom>) {
    match (given_hours, hourly) {
        (Some(h), _) => (Some(h.into()), Some(HoursFrom::Supplied)),
        (None, Some(h)) => (
            Some(to_hours(&h.row_kwh(), h.weather.step_minutes).into()),
            Some(HoursFrom::HourlyEngine),
        ),
        (None, None) if inp.needs_hours() => {
            let site = inp.site.unwrap_or(shape::DEFAULT_SITE);
            (
                Some(shape::annual_to_hours(annual_kwh, &site).into()),
                Some(HoursFrom::ClearSkyShape),
            )
        }
        (None, None) => (None, None),
    }
}

/// The warning that hours were shaped from an annual yield, at the `site` given or the default one.
fn shaped_warning(site: Option<shape::ShapeSite>) -> report::Warning {
    let shape_site = site.unwrap_or(shape::DEFAULT_SITE);
    let (en, zh) = if site.is_some() {
        (
            format!(
                "Only an annual yield is known: its hours are shaped as equal days following the clear-sky sun at the site ({}° N, {}° E); a weather file or station gives real hours.",
                fixed(shape_site.latitude_deg, 2), fixed(shape_site.longitude_deg, 2)
            ),
            format!(
                "仅知年发电量：逐时发电量按每日等量、日内随场址（北纬 {}°、东经 {}°）晴空太阳变化估算；气象文件或气象站可给出真实逐时值。",
                fixed(shape_site.latitude_deg, 2), fixed(shape_site.longitude_deg, 2)
            ),
        )
    } else {
        (
            "Only an annual yield is known and no site is given: its hours are shaped as equal days following the clear-sky sun at Zhengzhou (34.75° N, 113.63° E, Beijing time); give site.latitude and site.longitude for your roof.".to_string(),
            "仅知年发电量且未给出场址：逐时发电量按每日等量、日内随郑州（北纬 34.75°、东经 113.63°，北京时间）晴空太阳变化估算；请填写屋顶的 site.latitude 与 site.longitude。".to_string(),
        )
    };
    let code = if site.is_some() {
        "hours_shaped"
    } else {
        "hours_shaped_default_site"
    };
    report::Warning::new(code, en, zh)
}

/// The report's assumptions: every input the figures rest on, defaults filled in;
/// `export_price_yuan_kwh` is the year-1 export price of the export rule.
fn assumptions(
    inp: &resolve::Inputs,
    hourly: bool,
    self_use_share_pct: f64,
    hours_from: Option<HoursFrom>,
    export_price_yuan_kwh: f64,
) -> Assumptions {
    let fin = inp.ownership.finance();
    let (discount, rent) = match &inp.ownership {
        OwnershipModel::Owner(_) => (None, None),
        OwnershipModel::ThirdParty {
            discount,
            roof_rent_yuan_year,
            ..
        } => (Some(discount * 100.0), Some(*roof_rent_yuan_year)),
    };
    let om_pct = match &fin.om {
        ownership::Om::ShareOfCapex(s) => Some(s * 100.0),
        _ => None,
    };
    let om_steps = match &fin.om {
        ownership::Om::Steps(s) => Some(s.clone()),
        _ => None,
    };
    let (tou, tariff_kind) = match &inp.tariff.purchase {
        tariff::Purchase::Flat(_) => (None, TariffKind::Flat),
        tariff::Purchase::TimeOfUse(t) => (Some(t.clone()), TariffKind::TimeOfUse),
        tariff::Purchase::Monthly(_) => (None, TariffKind::Monthly),
    };
    let shaped = hours_from == Some(HoursFrom::ClearSkyShape);
    let shape_site = inp.site.unwrap_or(shape::DEFAULT_SITE);
    Assumptions {
        capacity_kwp: inp.capacity_kwp,
        layout: hourly.then(|| inp.layout.clone()),
        albedo: hourly.then_some(inp.system.albedo),
        resource_method: inp.method,
        lifetime_years: inp.degradation.years,
        first_year_degradation_pct: inp.degradation.first_year * 100.0,
        annual_degradation_pct: inp.degradation.annual * 100.0,
        usage_mode: inp.usage_mode,
        self_use_share_pct,
        load: inp.load.as_ref().map(|l| l.summary.clone()),
        export_limit_kw: inp.export_limit_kw,
        hours_from,
        shape_latitude_deg: shaped.then_some(shape_site.latitude_deg),
        shape_longitude_deg: shaped.then_some(shape_site.longitude_deg),
        tariff_kind,
        grid_price_yuan_kwh: inp.tariff.mean_purchase_price(),
        time_of_use: tou,
        grid_price_by_month_yuan_kwh: match inp.tariff.purchase {
            tariff::Purchase::Monthly(p) => Some(p),
            _ => None,
        },
        time_of_use_preset: inp.tariff.time_of_use_preset.clone(),
        time_of_use_changes: inp
            .tariff
            .time_of_use_changes
            .iter()
            .map(|(from_year, t)| report::TimeOfUseFrom {
                from_year: *from_year,
                time_of_use: t.clone(),
            })
            .collect(),
        export_price_yuan_kwh,
        project: inp.project.summary(),
        escalation_pct: inp.tariff.escalation * 100.0,
        export_escalation_pct: inp.tariff.export_escalation * 100.0,
        ownership: inp.ownership.kind(),
        capex_yuan_per_w: Some(fin.capex_yuan_per_w),
        om_yuan_per_kwp_year: Some(fin.om.yuan_per_kwp(1, fin.capex_yuan_per_w)),
        om_pct_of_capex: om_pct,
        om_steps,
        discount_rate_pct: Some(fin.discount_rate * 100.0),
        inverter_replacement: fin.inverter,
        loan: fin.loan,
        tax: fin.tax.map(|t| t.as_given()),
        discount_pct: discount,
        roof_rent_yuan_year: rent,
    }
}

/// `sizeRoof()`: a roof and its latitude ([`sizing::SizingInput`], JSON) → what fits on it.
pub fn size_roof_json(input_json: &str) -> Result<sizing::RoofSizing, ScenarioError> {
    let input: sizing::SizingInput = scenario::from_json_object(input_json)?;
    sizing::size_roof(&input.roof, "roof.", input.latitude_deg, "latitudeDeg")
}

/// `parseWeather()`: reads a weather text with the options of [`scenario::WeatherOptions`] (JSON)
/// and summarises it — location, period, annual sums, timing convention and its check.
pub fn parse_weather_json(
    text: &str,
    options_json: &str,
) -> Result<weather::WeatherSummary, ScenarioError> {
    let options = scenario::WeatherOptions::from_json(options_json)?;
    if options.timezone_h.is_some() {
        // Only PVGIS files (UTC) take a time zone: the others carry their own.
        let format = match options.format {
            Some(f) => f,
            None => weather::detect_format(text)?,
        };
        if !matches!(
            format,
            weather::WeatherFormat::PvgisCsv | weather::WeatherFormat::PvgisJson
        ) {
            return Err(check::conflict(
                "timezoneH",
                "applies to PVGIS files (in UTC) only: this file gives its own time zone; remove the option",
                "仅适用于 PVGIS 文件（UTC 时间）：此文件自带时区，请删除该选项",
            ));
        }
    }
    let parsed = weather::parse_with(
        text,
        &weather::ParseOptions {
            format: options.format,
            timing: options.timing,
            file_name: options.file_name,
            fallback_location: None,
            timezone_h: options.timezone_h,
        },
    )?;
    Ok(weather::summarize(&parsed))
}

/// The README's Rust example, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The battery sizing sweep: the scenario's battery (`storage`, required) resized to each power
/// `powers_kw` [kW] × duration `durations_h` [h] (at most 100 points, each > 0), and the NPV, IRR
/// and payback of adding it to the PV.
pub fn sweep_storage(
    scenario: &Scenario,
    powers_kw: &[f64],
    durations_h: &[f64],
) -> Result<Vec<report::SweepPoint>, ScenarioError> {
    if powers_kw.is_empty() || durations_h.is_empty() || powers_kw.len() * durations_h.len() > 100 {
        return Err(ScenarioError::new(
            error::codes::INVALID_LENGTH,
            "powersKw",
            "the sweep needs 1–100 points (powers × durations)",
            "扫描需要 1–100 个点（功率数 × 时长数）",
        ));
    }
    for (name, values) in [("powersKw", powers_kw), ("durationsH", durations_h)] {
        for (i, &v) in values.iter().enumerate() {
            check::positive(&format!("{name}[{i}]"), v, 1e7)?;
        }
    }
    let inp = resolve::resolve(scenario)?;
    let battery = inp
        .storage
        .clone()
        .ok_or_else(|| check::missing("storage"))?;
    let (resource, _) = resource::load(
        &inp.resource,
        scenario.resource.text.as_deref(),
        &inp.system,
    )?;
    let production = production::first_year(&resource)?;
    let hourly = production.hourly.as_ref();
    let (hours, _) = year1_hours(&inp, production.annual_kwh, None, hourly);
    let hours = hours.unwrap_or_default();
    Ok(money::sweep_storage(
        &inp,
        &battery,
        production.annual_kwh,
        &hours,
        powers_kw,
        durations_h,
    ))
}
