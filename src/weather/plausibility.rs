//! Physical plausibility of weather rows, after parsing and the range checks: the BSRN quality-control
//! limits of C. N. Long and E. G. Dutton, *BSRN Global Network recommended QC tests, V2.0* (BSRN
//! Technical Report, 2002; also C. N. Long and Y. Shi, "An automated quality assessment and control
//! algorithm for surface radiation measurements", The Open Atmospheric Science Journal 2 (2008)
//! 23–37), with μ₀ = cos z and S_a the extraterrestrial normal irradiance of the day [W/m²]:
//!
//! | rule | condition | BSRN test | outcome |
//! | --- | --- | --- | --- |
//! | `irradiance_negative` | GHI, DNI or DHI < −4 W/m² | physically possible minimum | error |
//! | `diffuse_above_global_year` | Σ DHI > 1.05·Σ GHI over the year | diffuse ratio, on the year | error |
//! | `diffuse_above_global` | DHI/GHI > 1.05 (z < 75°) or 1.10 (75° ≤ z < 93°), GHI > 50 W/m² | diffuse ratio | warning |
//! | `beam_above_global` | DNI·μ₀ > GHI/0.92 (z < 75°) or GHI/0.85 (75° ≤ z < 93°), GHI > 50 W/m² | closure GHI/(DNI·μ₀ + DHI) ≥ 0.92 / 0.85, with DHI ≥ 0 | warning |
//! | `global_above_possible` | GHI > S_a·1.5·μ₀^1.2 + 100 | physically possible maximum | warning |
//! | `diffuse_above_possible` | DHI > S_a·0.95·μ₀^1.2 + 50 | physically possible maximum | warning |
//! | `beam_above_possible` | DNI > S_a | physically possible maximum | warning |
//!
//! The coefficients are those of pvanalytics' `quality.irradiance` (`QCRAD_LIMITS`,
//! `QCRAD_CONSISTENCY`, after Long & Shi 2008); to confirm against the BSRN report itself. The
//! yearly diffuse rule is ours: the row rule's 1.05 applied to the annual sums.
//!
//! Errors are rules no real file of the test fixtures breaks (the 12 CSWD EPWs, pvlib's TMY3 and
//! TMY2 files, an NSRDB PSM3 file, PVGIS texts: `tests/weather_plausibility.rs` counts them) and
//! that would otherwise give negative or impossible irradiation on the planes. The row rules are
//! broken by a few rows of real files (hour averaging near sunrise and sunset, the timing
//! convention, modelled components: 53 rows of pvlib's TMY2 file have DHI above 1.05·GHI): those
//! are counted warnings, named by rule.
//!
//! The sun is placed at the instant the timing convention gives each row (interval start, centre,
//! end, or the written time) with Spencer's declination and equation of time
//! ([`crate::solar::spencer`]: ample for limits with 5–50 % margins).

use serde::Serialize;

use super::text::err;
use super::{Location, Stamp, Timing, Weather};
use crate::decimal::{dec, fixed};
use crate::error::{codes, ScenarioError};
use crate::minmax::MinMax;
use crate::solar::irradiance::dni_extra_duffie_beckman;
use crate::solar::spencer::declination_eot;

/// Physically possible minimum of each irradiance [W/m²] (BSRN).
const MIN_IRRADIANCE_W_M2: f64 = -4.0;
/// Global irradiance above which the ratio tests apply [W/m²] (BSRN).
const RATIO_GHI_MIN_W_M2: f64 = 50.0;
/// The constant terms of the physically possible limits [W/m²] (BSRN): global
/// 1.5·S_a·μ₀^1.2 + 100, diffuse 0.95·S_a·μ₀^1.2 + 50.
const GLOBAL_LIMIT_OFFSET_W_M2: f64 = 100.0;
const DIFFUSE_LIMIT_OFFSET_W_M2: f64 = 50.0;

/// A rule that some rows break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Implausible {
    /// The rule (`irradiance_negative`, `diffuse_above_global_year`, `diffuse_above_global`,
    /// `beam_above_global`, `global_above_possible`, `diffuse_above_possible`,
    /// `beam_above_possible`).
    pub rule: &'static str,
    /// How many rows break it.
    pub rows: u32,
    /// The first of them: row index, and its file line (0 when not known).
    #[serde(skip)]
    pub first_row: usize,
    pub first_line: u32,
}

/// The rules that make a file an error (the others are warnings).
const ERROR_RULES: [&str; 2] = ["irradiance_negative", "diffuse_above_global_year"];

/// The irradiance columns of a year of rows, with what places the sun.
pub(crate) struct Irradiance<'a> {
    pub ghi: &'a [f64],
    pub dni: &'a [f64],
    pub dhi: &'a [f64],
    pub stamps: &'a [Stamp],
    pub location: &'a Location,
    pub timing: Timing,
    pub step_minutes: u32,
    pub stamp_offset_minutes: u32,
}

impl<'a> Irradiance<'a> {
    pub(crate) fn of(w: &'a Weather) -> Self {
        Irradiance {
            ghi: &w.ghi_w_m2,
            dni: &w.dni_w_m2,
            dhi: &w.dhi_w_m2,
            stamps: &w.stamps,
            location: &w.location,
            timing: w.timing,
            step_minutes: w.step_minutes,
            stamp_offset_minutes: w.stamp_offset_minutes,
        }
    }
}

/// The sun of a run of instants at one location (Spencer 1971; hour angle from the apparent solar
/// time): the latitude's sine and cosine once, the day's declination, equation of time and
/// extraterrestrial irradiance once per day.
struct SunByDay {
    sin_lat: f64,
    cos_lat: f64,
    /// Local-time correction to apparent solar time [min]: 4·(longitude − 15·zone).
    longitude_min: f64,
    day: f64,
    /// sin δ, cos δ, equation of time [min], S_a [W/m²] of `day`.
    sin_decl: f64,
    cos_decl: f64,
    eot_min: f64,
    extra: f64,
}

impl SunByDay {
    fn new(location: &Location) -> Self {
        let lat = location.latitude.to_radians();
        SunByDay {
            sin_lat: lat.sin(),
            cos_lat: lat.cos(),
            longitude_min: 4.0 * (location.longitude - 15.0 * location.timezone_h),
            day: f64::NAN,
            sin_decl: 0.0,
            cos_decl: 0.0,
            eot_min: 0.0,
            extra: 0.0,
        }
    }

    /// The day (0-based) of `minute`, its values computed when it is not the last day's.
    fn day_of(&mut self, minute: f64) -> f64 {
        let day = (minute / 1440.0).floor();
        if day != self.day {
            let (declination, eot_min) = declination_eot(day);
            (self.day, self.eot_min) = (day, eot_min);
            (self.sin_decl, self.cos_decl) = (declination.sin(), declination.cos());
            self.extra = dni_extra_duffie_beckman(day + 1.0);
        }
        day
    }

    /// The extraterrestrial normal irradiance [W/m²] of the day of `minute`.
    fn extra_at(&mut self, minute: f64) -> f64 {
        self.day_of(minute);
        self.extra
    }

    /// Cosine of the solar zenith [-] and extraterrestrial normal irradiance [W/m²] at `minute` of
    /// a 365-day year in local standard time.
    fn at(&mut self, minute: f64) -> (f64, f64) {
        let day = self.day_of(minute);
        let clock_min = minute - day * 1440.0;
        let solar_min = clock_min + self.longitude_min + self.eot_min;
        let hour_angle = (solar_min / 4.0 - 180.0).to_radians();
        let cos_z = self.sin_lat * self.sin_decl + self.cos_lat * self.cos_decl * hour_angle.cos();
        (cos_z, self.extra)
    }
}

/// The Chinese name of a rule, for messages.
pub fn rule_zh(rule: &str) -> &'static str {
    match rule {
        "irradiance_negative" => "辐照度为负",
        "diffuse_above_global_year" => "全年散射超过总辐射",
        "diffuse_above_global" => "散射超过总辐射",
        "beam_above_global" => "直射分量超过总辐射",
        "global_above_possible" => "总辐射超过物理上限",
        "diffuse_above_possible" => "散射超过物理上限",
        "beam_above_possible" => "直射超过大气层外辐照度",
        _ => "物理合理性",
    }
}

/// How many rows of parsed weather break each rule, error rules included (the file lines are
/// not known here: `first_line` 0).
pub fn count_weather(w: &Weather) -> Vec<Implausible> {
    count(&Irradiance::of(w))
}

/// How many rows break each rule (rules that none breaks are left out).
fn count(w: &Irradiance) -> Vec<Implausible> {
    let offset = match w.timing {
        Timing::Start => 0.0,
        Timing::Centre => f64::from(w.step_minutes) / 2.0,
        Timing::End => f64::from(w.step_minutes),
        Timing::Instant => f64::from(w.stamp_offset_minutes),
    };
    let (cos_75, cos_93) = (75f64.to_radians().cos(), 93f64.to_radians().cos());
    let mut found: Vec<Implausible> = Vec::new();
    let mut flag = |rule: &'static str, row: usize| match found.iter_mut().find(|f| f.rule == rule)
    {
        Some(f) => f.rows += 1,
        None => found.push(Implausible {
            rule,
            rows: 1,
            first_row: row,
            first_line: 0,
        }),
    };
    let (mut sum_ghi, mut sum_dhi, mut first_dhi_above) = (0.0, 0.0, None);
    let mut sun = SunByDay::new(w.location);
    for (i, stamp) in w.stamps.iter().enumerate() {
        let (ghi, dni, dhi) = (w.ghi[i], w.dni[i], w.dhi[i]);
        if ghi.fmin(dni).fmin(dhi) < MIN_IRRADIANCE_W_M2 {
            flag("irradiance_negative", i);
        }
        (sum_ghi, sum_dhi) = (sum_ghi + ghi, sum_dhi + dhi);
        if dhi > ghi && first_dhi_above.is_none() {
            first_dhi_above = Some(i);
        }
        if ghi <= 0.0 && dni <= 0.0 && dhi <= 0.0 {
            continue;
        }
        let minute = f64::from(stamp.minute_of_year()) + offset;
        if ghi <= RATIO_GHI_MIN_W_M2.fmin(GLOBAL_LIMIT_OFFSET_W_M2)
            && dhi <= DIFFUSE_LIMIT_OFFSET_W_M2
        {
            // Only the beam limit can flag a row this dim, and it needs no sun position: the
            // ratio tests need a larger GHI, and the global and diffuse limits are at least their
            // constant terms at any zenith.
            if dni > sun.extra_at(minute) {
                flag("beam_above_possible", i);
            }
            continue;
        }
        let (cos_z, extra) = sun.at(minute);
        let mu = cos_z.fmax(0.0);
        if ghi > RATIO_GHI_MIN_W_M2 && cos_z > cos_93 {
            // Diffuse ratio DHI/GHI at most, closure GHI/(DNI·μ₀ + DHI) at least.
            let (diffuse_ratio, closure) = if cos_z < cos_75 {
                (1.10, 0.85)
            } else {
                (1.05, 0.92)
            };
            if dhi > diffuse_ratio * ghi {
                flag("diffuse_above_global", i);
            }
            if dni * mu * closure > ghi {
                flag("beam_above_global", i);
            }
        }
        // μ₀^1.2 ≥ μ₀² for 0 ≤ μ₀ ≤ 1 (≥ μ₀ above 1, by rounding): a row within the limits with
        // that lower bound is within them, and needs no power.
        let mu2 = if mu > 1.0 { mu } else { mu * mu };
        let (global_limit, diffuse_limit) = (
            |mu_power: f64| extra * 1.5 * mu_power + GLOBAL_LIMIT_OFFSET_W_M2,
            |mu_power: f64| extra * 0.95 * mu_power + DIFFUSE_LIMIT_OFFSET_W_M2,
        );
        if ghi > global_limit(mu2) || dhi > diffuse_limit(mu2) {
            let mu12 = mu.powf(1.2);
            if ghi > global_limit(mu12) {
                flag("global_above_possible", i);
            }
            if dhi > diffuse_limit(mu12) {
                flag("diffuse_above_possible", i);
            }
        }
        if dni > extra {
            flag("beam_above_possible", i);
        }
    }
    if sum_dhi > 1.05 * sum_ghi && sum_dhi > 0.0 {
        flag("diffuse_above_global_year", first_dhi_above.unwrap_or(0));
    }
    found
}

/// [`count`], then an error for the first row that breaks an error rule (by line, naming the
/// column and the values); `Ok` with the warning rules that some rows break.
pub(crate) fn check(w: &Irradiance, lines: &[u32]) -> Result<Vec<Implausible>, ScenarioError> {
    let mut all = count(w);
    for f in &mut all {
        f.first_line = lines.get(f.first_row).copied().unwrap_or(0);
    }
    let (found, errors): (Vec<_>, Vec<_>) = all
        .into_iter()
        .partition(|f| !ERROR_RULES.contains(&f.rule));
    let Some(first) = errors.iter().min_by_key(|f| f.first_row) else {
        return Ok(found);
    };
    let i = first.first_row;
    let (ghi, dni, dhi) = (w.ghi[i], w.dni[i], w.dhi[i]);
    let line = lines.get(i).copied();
    Err(if first.rule == "irradiance_negative" {
        let (v, en, zh) = [
            (
                ghi,
                "global horizontal irradiance (GHI)",
                "水平面总辐照度（GHI）",
            ),
            (
                dni,
                "direct normal irradiance (DNI)",
                "法向直射辐照度（DNI）",
            ),
            (
                dhi,
                "diffuse horizontal irradiance (DHI)",
                "水平面散射辐照度（DHI）",
            ),
        ]
        .into_iter()
        .find(|c| c.0 < MIN_IRRADIANCE_W_M2)
        .unwrap_or((ghi, "irradiance", "辐照度"));
        let (v, min) = (dec(v), dec(MIN_IRRADIANCE_W_M2));
        err(
            codes::WEATHER_OUT_OF_RANGE,
            line,
            format!(
                "{en} {v} W/m² is below the {min} W/m² that BSRN quality control allows for \
                 sensor offsets (irradiance_negative; {} rows)",
                first.rows
            ),
            format!(
                "{zh} {v} W/m² 低于基准地面辐射网质量控制允许的传感器零点偏差 {min} W/m²（辐照度为负，共 {} 行）",
                first.rows
            ),
        )
    } else {
        let kwh = |v: &[f64]| v.iter().sum::<f64>() * f64::from(w.step_minutes) / 60_000.0;
        let (ghi_year, dhi_year) = (fixed(kwh(w.ghi), 0), fixed(kwh(w.dhi), 0));
        let (ghi, dhi) = (dec(ghi), dec(dhi));
        err(
            codes::WEATHER_OUT_OF_RANGE,
            line,
            format!(
                "over the year the diffuse horizontal irradiation (DHI, {dhi_year} kWh/m²) exceeds the global \
                 (GHI, {ghi_year} kWh/m²) by more than 5 %: the diffuse part cannot exceed the whole (first \
                 row with DHI {dhi} > GHI {ghi} W/m² here; diffuse_above_global_year)"
            ),
            format!(
                "全年水平面散射辐照量（{dhi_year} kWh/m²）比总辐照量（{ghi_year} kWh/m²）高出 5% 以上：散射不可能大于总辐射（本行为第一个散射 {dhi} W/m² 大于总辐射 {ghi} W/m² 的行）"
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 40° N on the Greenwich meridian, time zone 0.
    fn at_40_n() -> Location {
        Location {
            name: String::new(),
            latitude: 40.0,
            longitude: 0.0,
            timezone_h: 0.0,
            elevation_m: 0.0,
        }
    }

    #[test]
    fn dim_rows_break_only_the_beam_limit() {
        // Noon (mean solar time) of 21 March at 40° N: S_a ≈ 1,373 W/m². Dim rows (GHI and DHI
        // at most 50 W/m²) can break only the beam limit DNI > S_a; brighter ones the others.
        let loc = at_40_n();
        let rules = |ghi: f64, dni: f64, dhi: f64| {
            let stamps = [super::super::assemble::stamp_at(2005, 79 * 1440 + 12 * 60)];
            let found = count(&Irradiance {
                ghi: &[ghi],
                dni: &[dni],
                dhi: &[dhi],
                stamps: &stamps,
                location: &loc,
                timing: Timing::Start,
                step_minutes: 60,
                stamp_offset_minutes: 60,
            });
            found.iter().map(|f| f.rule).collect::<Vec<_>>()
        };
        assert_eq!(rules(30.0, 1400.0, 30.0), ["beam_above_possible"]);
        assert!(rules(50.0, 1300.0, 50.0).is_empty());
        assert_eq!(
            rules(60.0, 1400.0, 30.0),
            ["beam_above_global", "beam_above_possible"]
        );
        // (This one row is also a year of more diffuse than global irradiation.)
        assert_eq!(
            rules(40.0, 0.0, 1200.0),
            ["diffuse_above_possible", "diffuse_above_global_year"]
        );
    }

    #[test]
    fn sun_at_noon_on_the_equinox() {
        // Day 80 (21 March), 12:00 mean solar time at longitude 0, time zone 0, latitude 40°: the
        // declination is ≈ 0 and the equation of time ≈ −7 min, so the zenith ≈ 40° (cos 0.766).
        let loc = at_40_n();
        let (cos_z, extra) = SunByDay::new(&loc).at(79.0 * 1440.0 + 12.0 * 60.0 + 7.0);
        assert!((cos_z.acos().to_degrees() - 40.0).abs() < 0.6, "{cos_z}");
        assert!((extra - 1367.0).abs() < 20.0, "{extra}");
        let (night, _) = SunByDay::new(&loc).at(79.0 * 1440.0);
        assert!(night < -0.5, "{night}");
    }
}
