//! Hours from 12 monthly values (`resource.method = 'monthly'`).
//!
//! **By default the nearest built-in station's typical days** (or those of the station named by
//! [`MonthlySplit::Station`]) give the hourly profile, at any distance, as `pv-model.md` "Monthly
//! method" asks: the station's synthesised year (daily variability, sun at the site) with each
//! month's GHI scaled to the user's value, the diffuse share moved by the change of Erbs' monthly
//! fraction between the station's clearness and the user's, and DNI scaled with the remaining
//! beam. The station's own monthly values therefore give the `station` result wherever the site
//! is ("fill from station" and the station method agree), and moving the site changes the result
//! continuously: the sun moves, the profile stays, until the nearest station changes (issue 11;
//! the earlier switch to a synthetic split beyond 50 km made a 3–8 % cliff; tests/monthly_continuity.rs).
//!
//! **On request** ([`MonthlySplit::DuffieBeckman`]) the Duffie & Beckman monthly method (Solar Engineering of Thermal Processes, 4th
//! ed., ch. 1–2): per month, Klein's recommended day gives the mean declination and sunset hour
//! angle, the daily extraterrestrial irradiation H0 (eq. 1.10.3, G_sc = 1367 W/m²) and the
//! clearness K̄T = H̄ / H̄0; the diffuse fraction is Erbs et al.'s monthly correlation (eq. 2.12.1,
//! by the sunset hour angle). Each day gets a clearness (the month's mean, or with
//! [`Variability::Daily`] the quantiles of the Bendt et al. 1981 distribution) times its own H0,
//! scaled so the month's total is the user's value exactly; its diffuse part follows (the monthly
//! fraction, or Erbs' daily correlation rescaled to the monthly fraction's total). Each hour takes
//! the share of the day given by Collares-Pereira & Rabl's r_t (global, eq. 2.13.2) and Liu &
//! Jordan's r_d (diffuse, eq. 2.13.1), integrated over the part of the hour between sunrise and
//! sunset (solar time from the longitude and the equation of time) and normalised to the day.
//! DNI = (GHI − DHI) / cos z at the sun position the hourly chain uses for that row ([`SunPath`]
//! with [`Timing::Centre`]: the middle of the hour, or of its sunlit part), so the chain's
//! DNI·cos z + DHI is the user's GHI. Below cos z = 0.05 (2.9°) an hour is all diffuse; DNI is
//! capped at 0.9 × the extraterrestrial normal irradiance.
//!
//! Air temperature and wind come from the nearest built-in station's typical days (its diurnal
//! shape shifted to the user's monthly mean temperatures when given); a warning says so.

use super::stations::{nearest, Nearest};
use super::synth::{bendt_quantiles, standard_pressure_mbar, Place, Variability, SYNTH_YEAR};
use super::{climate_at, stations, StationClimate};
use crate::calendar::DAYS_IN_MONTH_U32 as DAYS_IN_MONTH;
use crate::decimal::{dec, fixed};
use crate::diag::Warning;
use crate::error::{codes, ScenarioError};
use crate::solar::daily::{
    collares_pereira_rabl_rt, daily_extraterrestrial_kwh_m2, declination_deg,
    equation_of_time_minutes, erbs_daily_diffuse_fraction, erbs_monthly_diffuse_fraction,
    extraterrestrial_monthly_kwh_m2, liu_jordan_rd, sunset_hour_angle_deg, KLEIN_DAYS,
};
use crate::solar::SunPath;
use crate::weather::{Location, Provenance, Stamp, Timing, Weather, WeatherFormat};

/// Farther than this [km], the nearest station's temperatures are a poor stand-in.
const FAR_KM: f64 = 300.0;

/// Where the hourly split of the monthly method comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MonthlySplit<'a> {
    /// The nearest built-in station's typical days, however far.
    #[default]
    Auto,
    /// This station's typical days (id), however far.
    Station(&'a str),
    /// The Duffie & Beckman split (Erbs, Collares-Pereira & Rabl, Liu & Jordan) everywhere.
    DuffieBeckman,
}

/// What the monthly method needs.
#[derive(Debug, Clone, Copy)]
pub struct MonthlyInputs<'a> {
    /// The roof: latitude, longitude, elevation (default: the profile station's, or 0 m).
    pub place: Place,
    /// [h] east of UTC of the hours produced by the Duffie & Beckman split (China: 8); hours from
    /// a station's profile stay in the data's UTC+8.
    pub timezone_h: f64,
    /// Monthly global horizontal irradiation, January … December [kWh/m²] (`resource.ghiKwhM2`).
    pub ghi_kwh_m2: &'a [f64],
    /// Monthly mean air temperature [°C] (`resource.tempC`); `None`: the nearest station's.
    pub temp_c: Option<&'a [f64]>,
    /// Day-to-day variability of the synthesised days (default: daily clear and cloudy days).
    pub variability: Variability,
    /// Where the hourly split comes from (default: the nearest station's typical days).
    pub split: MonthlySplit<'a>,
}

impl<'a> MonthlyInputs<'a> {
    /// The product's choices: daily variability, the nearest station's profile.
    pub fn new(
        place: Place,
        timezone_h: f64,
        ghi_kwh_m2: &'a [f64],
        temp_c: Option<&'a [f64]>,
    ) -> Self {
        MonthlyInputs {
            place,
            timezone_h,
            ghi_kwh_m2,
            temp_c,
            variability: Variability::Daily,
            split: MonthlySplit::Auto,
        }
    }
}

/// The hours of the monthly method and what they were made with.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthlyWeather {
    pub weather: Weather,
    /// The station whose temperature and wind (and, if `profile_from_station`, hourly profile and
    /// diffuse share) were used, and its distance from the place.
    pub station: Nearest,
    /// Whether the hours follow the station's typical days (else the Duffie & Beckman split).
    pub profile_from_station: bool,
    /// Diffuse fraction of each month's GHI used, January … December [-].
    pub diffuse_fraction: [f64; 12],
    /// Monthly clearness index K̄T = H̄ / H̄0, January … December [-].
    pub clearness_index: [f64; 12],
    /// The sun path of `weather`, when the Duffie & Beckman split computed it (the same as
    /// [`SunPath::new`] on `weather`: reuse it, [`SunPath::matches`] holds).
    pub sun_path: Option<SunPath>,
    pub warnings: Vec<Warning>,
}

fn err(code: &'static str, field: String, en: String, zh: String) -> ScenarioError {
    ScenarioError::new(
        code,
        field.clone(),
        format!("{field} {en}"),
        format!("{field} {zh}"),
    )
}

/// Checks a 12-value array: length, finite, `min ≤ v`, and `v ≤ max[i]`.
fn check_12(
    name: &str,
    v: &[f64],
    min: f64,
    max: impl Fn(usize) -> (f64, String, String),
) -> Result<(), ScenarioError> {
    if v.len() != 12 {
        return Err(err(
            codes::INVALID_LENGTH,
            name.to_string(),
            format!("must have 12 values, January to December (got {})", v.len()),
            format!("必须有 12 个值（1 月至 12 月），当前为 {} 个", v.len()),
        ));
    }
    for (i, &x) in v.iter().enumerate() {
        let field = format!("{name}[{i}]");
        if !x.is_finite() {
            return Err(ScenarioError::new(
                codes::NOT_FINITE,
                field.clone(),
                format!("{field} must be a finite number"),
                format!("{field} 必须是有限数值"),
            ));
        }
        let (hi, why, why_zh) = max(i);
        if x < min || x > hi {
            return Err(err(
                codes::OUT_OF_RANGE,
                field,
                format!(
                    "must be between {} and {}{why} (got {})",
                    dec(min),
                    fixed(hi, 1),
                    crate::check::num(x)
                ),
                format!(
                    "必须在 {} 到 {} 之间{why_zh}（当前为 {}）",
                    dec(min),
                    fixed(hi, 1),
                    crate::check::num(x)
                ),
            ));
        }
    }
    Ok(())
}

fn check_place(p: &Place, tz: f64) -> Result<(), ScenarioError> {
    use crate::check::between;
    between("site.latitude", p.latitude, -90.0, 90.0)?;
    between("site.longitude", p.longitude, -180.0, 180.0)?;
    if let Some(e) = p.elevation_m {
        between("site.elevationM", e, -500.0, 9000.0)?;
    }
    between("site.timezoneH", tz, -12.0, 14.0).map(|_| ())
}

/// Validates the monthly inputs: `resource.ghiKwhM2` and `resource.tempC` of 12 finite values,
/// GHI ≥ 0 and at most the month's extraterrestrial horizontal total at the latitude, temperature
/// within −60…60 °C; codes `invalid_length`, `not_finite`, `out_of_range` with the element's path
/// (`resource.ghiKwhM2[3]`); an explicit profile station that does not exist: `unknown_station`.
pub fn validate_monthly(inp: &MonthlyInputs<'_>) -> Result<(), ScenarioError> {
    check_place(&inp.place, inp.timezone_h)?;
    let h0 = extraterrestrial_monthly_kwh_m2(inp.place.latitude);
    check_12("resource.ghiKwhM2", inp.ghi_kwh_m2, 0.0, |i| {
        (
            h0[i],
            format!(
                ", the extraterrestrial horizontal irradiation of month {} at latitude {}°",
                i + 1,
                dec(inp.place.latitude)
            ),
            format!(
                "（{} 月在纬度 {}° 的大气层外水平面辐照量）",
                i + 1,
                dec(inp.place.latitude)
            ),
        )
    })?;
    if let Some(t) = inp.temp_c {
        check_12("resource.tempC", t, -60.0, |_| {
            (60.0, String::new(), String::new())
        })?;
    }
    if let MonthlySplit::Station(id) = inp.split {
        super::station(id)?;
    }
    Ok(())
}

/// Erbs monthly diffuse fraction at a latitude for month `m` and monthly GHI [kWh/m²].
fn erbs_for_month(lat: f64, m: usize, ghi_kwh_m2: f64, h0_month: f64) -> (f64, f64) {
    let kt = if h0_month > 0.0 {
        ghi_kwh_m2 / h0_month
    } else {
        0.0
    };
    let ws = sunset_hour_angle_deg(lat, declination_deg(KLEIN_DAYS[m]));
    (kt, erbs_monthly_diffuse_fraction(kt, ws))
}

/// 8,760 hours from 12 monthly GHI values (module documentation), after [`validate_monthly`].
///
/// With a station's profile ([`MonthlySplit`]): the station's synthesised year
/// ([`super::station_weather_with`], sun at the place) with each month's GHI scaled to the user's
/// value, its diffuse share moved by the change of Erbs' monthly fraction between the station's and
/// the user's clearness, and DNI scaled with the remaining beam — so the user's GHI on the station's
/// own values gives the `station` result. Otherwise the Duffie & Beckman split, hours as interval
/// averages ([`Timing::Centre`]) in the given time zone. Both dated [`SYNTH_YEAR`].
pub fn monthly_weather(inp: &MonthlyInputs<'_>) -> Result<MonthlyWeather, ScenarioError> {
    validate_monthly(inp)?;
    let p = inp.place;
    let here = nearest(p.latitude, p.longitude).ok_or_else(|| {
        ScenarioError::new(
            codes::NOT_FINITE,
            "site.latitude",
            "site.latitude and site.longitude must be finite numbers",
            "site.latitude 与 site.longitude 必须是有限数值",
        )
    })?;
    let (station, use_profile) = match inp.split {
        MonthlySplit::Auto => (here, true),
        MonthlySplit::Station(id) => {
            let st = super::station(id)?;
            let d = super::distance_km(p.latitude, p.longitude, st.latitude, st.longitude);
            (
                Nearest {
                    station: st,
                    distance_km: d,
                },
                true,
            )
        }
        MonthlySplit::DuffieBeckman => (here, false),
    };
    let idx = stations::index_of(&station.station.id).unwrap_or(0);
    let sc = climate_at(idx)?;
    let (weather, fd, kt, sun_path) = if use_profile {
        let (w, fd, kt) = station_split(inp, &sc);
        (w, fd, kt, None)
    } else {
        let (w, fd, kt, sun) = duffie_beckman_split(inp, &sc);
        (w, fd, kt, Some(sun))
    };
    let warnings = warnings_for(inp, &station, use_profile);
    Ok(MonthlyWeather {
        weather,
        station,
        profile_from_station: use_profile,
        diffuse_fraction: fd,
        clearness_index: kt,
        sun_path,
        warnings,
    })
}

fn warnings_for(inp: &MonthlyInputs<'_>, near: &Nearest, profile: bool) -> Vec<Warning> {
    let st = &near.station;
    let d = near.distance_km;
    let who = format!(
        "{} {} ({}), {} km away",
        st.name_en,
        st.name_zh,
        st.id,
        fixed(d, 0)
    );
    let who_zh = format!("{}（{}），距离 {} km", st.name_zh, st.id, fixed(d, 0));
    let far = d > FAR_KM;
    let mut out = Vec::new();
    if inp.temp_c.is_none() {
        out.push(Warning {
            code: "temperature_from_station",
            message: format!(
                "No monthly temperatures given: air temperatures are those of the nearest built-in \
                 station, {who} ({}).{}",
                super::SOURCE,
                if far {
                    " It is far away: give resource.tempC for this site."
                } else {
                    ""
                }
            ),
            message_zh: format!(
                "未提供月平均气温：气温采用最近的内置气象站 {who_zh}（{}）。{}",
                super::SOURCE_ZH,
                if far {
                    "该站较远，请填写本站点的 resource.tempC。"
                } else {
                    ""
                }
            ),
        });
    }
    if profile {
        out.push(Warning {
            code: "monthly_profile_from_station",
            message: format!(
                "Hours follow the typical days of station {who}: its daily profile, diffuse share \
                 and wind, scaled to the monthly values given ({}).",
                super::SOURCE
            ),
            message_zh: format!(
                "逐时数据按气象站 {who_zh} 的典型日（日变化、散射比例与风速）缩放至所填月值（{}）。",
                super::SOURCE_ZH
            ),
        });
    } else {
        out.push(Warning {
            code: "monthly_duffie_beckman",
            message: format!(
                "Hours split by the Duffie & Beckman monthly method (Erbs diffuse fraction, \
                 Collares-Pereira & Rabl profile); wind from station {who}."
            ),
            message_zh: format!(
                "逐时数据按 Duffie & Beckman 月均法拆分（Erbs 散射比例、Collares-Pereira & Rabl \
                 日变化）；风速采用气象站 {who_zh}。"
            ),
        });
    }
    out
}

/// The station's year scaled to the user's months.
fn station_split(inp: &MonthlyInputs<'_>, sc: &StationClimate) -> (Weather, [f64; 12], [f64; 12]) {
    let p = inp.place;
    let mut w = super::synth::from_climate(sc, Some(p), inp.variability);
    let h0_user = extraterrestrial_monthly_kwh_m2(p.latitude);
    let h0_st = extraterrestrial_monthly_kwh_m2(sc.station.latitude);
    let mut fd_m = [0.0; 12];
    let mut kt_m = [0.0; 12];
    let mut factors = [[1.0f64; 4]; 12];
    for m in 0..12 {
        let gs = sc.monthly[m].ghi_kwh_m2;
        let ds = sc.monthly[m].dhi_kwh_m2;
        let gu = inp.ghi_kwh_m2[m];
        let fs = if gs > 0.0 { (ds / gs).min(1.0) } else { 1.0 };
        let (kt_s, e_s) = erbs_for_month(sc.station.latitude, m, gs, h0_st[m]);
        let (kt_u, e_u) = erbs_for_month(p.latitude, m, gu, h0_user[m]);
        let fu = if e_s > 0.0 {
            (fs * e_u / e_s).clamp(0.0, 1.0)
        } else {
            fs
        };
        let _ = kt_s;
        kt_m[m] = kt_u;
        fd_m[m] = fu;
        let kg = if gs > 0.0 { gu / gs } else { 0.0 };
        let kd = if ds > 0.0 { gu * fu / ds } else { kg };
        let kb = if gs - ds > 0.0 {
            gu * (1.0 - fu) / (gs - ds)
        } else {
            kg
        };
        let dt = inp.temp_c.map_or(0.0, |t| t[m] - sc.monthly[m].temp_c);
        factors[m] = [kg, kd, kb, dt];
    }
    for i in 0..w.stamps.len() {
        let [kg, kd, kb, dt] = factors[usize::from(w.stamps[i].month) - 1];
        w.ghi_w_m2[i] *= kg;
        let dhi = w.dhi_w_m2[i] * kd;
        w.dhi_w_m2[i] = if kd > kg { dhi.min(w.ghi_w_m2[i]) } else { dhi };
        w.dni_w_m2[i] *= kb;
        w.temp_air_c[i] += dt;
    }
    w.location.name = format!(
        "monthly values, profile of {} {} ({})",
        sc.station.name_en, sc.station.name_zh, sc.station.id
    );
    w.provenance.source = format!("monthly values; typical days of {}", super::SOURCE);
    (w, fd_m, kt_m)
}

/// The Duffie & Beckman split (module documentation).
fn duffie_beckman_split(
    inp: &MonthlyInputs<'_>,
    sc: &StationClimate,
) -> (Weather, [f64; 12], [f64; 12], SunPath) {
    let p = inp.place;
    let tz = inp.timezone_h;
    let elevation = p.elevation_m.unwrap_or(0.0);
    let pressure = standard_pressure_mbar(elevation);

    let n = 8760;
    let mut stamps = Vec::with_capacity(n);
    let mut temp = Vec::with_capacity(n);
    let mut wind = Vec::with_capacity(n);
    for m in 0..12 {
        let dt = inp.temp_c.map_or(0.0, |t| t[m] - sc.monthly[m].temp_c);
        for day in 1..=DAYS_IN_MONTH[m] {
            for (h, th) in sc.typical_days[m].iter().enumerate() {
                stamps.push(Stamp {
                    year: SYNTH_YEAR,
                    month: m as u8 + 1,
                    day: day as u8,
                    hour: h as u8,
                    minute: 0,
                });
                temp.push(th.temp_c + dt);
                wind.push(th.wind_m_s);
            }
        }
    }
    let pressures = vec![pressure; n];
    let sun = SunPath::compute(
        p.latitude,
        p.longitude,
        elevation,
        tz,
        Timing::Centre,
        60,
        0,
        &stamps,
        &pressures,
        &temp,
    );

    let mut ghi = vec![0.0; n];
    let mut dhi = vec![0.0; n];
    let mut dni = vec![0.0; n];
    let mut kt_m = [0.0; 12];
    let mut fd_m = [0.0; 12];
    let lat = p.latitude;
    let mut doy = 1u32;
    let mut row = 0usize;
    for m in 0..12 {
        let days = DAYS_IN_MONTH[m];
        let nk = KLEIN_DAYS[m];
        let h0_mean = daily_extraterrestrial_kwh_m2(lat, nk);
        let h_mean = inp.ghi_kwh_m2[m] / f64::from(days);
        let kt = if h0_mean > 0.0 { h_mean / h0_mean } else { 0.0 };
        let ws_m = sunset_hour_angle_deg(lat, declination_deg(nk));
        let fd = erbs_monthly_diffuse_fraction(kt, ws_m);
        kt_m[m] = kt;
        fd_m[m] = fd;
        let h0_days: Vec<f64> = (0..days)
            .map(|d| daily_extraterrestrial_kwh_m2(lat, doy + d))
            .collect();
        // Clearness of each day: the month's mean, or (variability) the Bendt quantiles; daily
        // totals scaled to the month's total.
        let kts: Vec<f64> = match inp.variability {
            Variability::None => vec![kt; days as usize],
            Variability::Daily => bendt_quantiles(kt.clamp(0.05, 0.85), days as usize),
        };
        let weights: Vec<f64> = h0_days.iter().zip(&kts).map(|(h, k)| h * k).collect();
        let w_sum: f64 = weights.iter().sum();
        let day_h: Vec<f64> = weights
            .iter()
            .map(|w| {
                if w_sum > 0.0 {
                    inp.ghi_kwh_m2[m] * 1000.0 * w / w_sum
                } else {
                    0.0
                }
            })
            .collect();
        // Diffuse of each day: the monthly fraction, or (variability) Erbs' daily correlation
        // scaled to the monthly fraction's total, capped at the day's global.
        let day_d: Vec<f64> = match inp.variability {
            Variability::None => day_h.iter().map(|h| fd * h).collect(),
            Variability::Daily => {
                let raw: Vec<f64> = day_h
                    .iter()
                    .zip(&h0_days)
                    .map(|(&h, &h0)| {
                        let k = if h0 > 0.0 { h / 1000.0 / h0 } else { 0.0 };
                        erbs_daily_diffuse_fraction(k, ws_m) * h
                    })
                    .collect();
                let want = fd * day_h.iter().sum::<f64>();
                let mut scale = want / raw.iter().sum::<f64>().max(1e-9);
                let mut out = raw.clone();
                for _ in 0..3 {
                    out = raw
                        .iter()
                        .zip(&day_h)
                        .map(|(r, h)| (r * scale).min(*h))
                        .collect();
                    let got: f64 = out.iter().sum();
                    if got > 0.0 {
                        scale *= want / got;
                    }
                }
                out
            }
        };
        let month_start = row;
        for d in 0..days as usize {
            let n_day = doy + d as u32;
            let (h_day, d_day) = (day_h[d], day_d[d]);
            let ws = sunset_hour_angle_deg(lat, declination_deg(n_day)).to_radians();
            // Solar time = clock time + shift [h].
            let shift = (4.0 * (p.longitude - 15.0 * tz) + equation_of_time_minutes(n_day)) / 60.0;
            let mut wt = [0.0; 24];
            let mut wd = [0.0; 24];
            const SUB: usize = 12;
            for h in 0..24 {
                if !sun.state[row + h].is_up() {
                    continue;
                }
                for k in 0..SUB {
                    let t = h as f64 + (k as f64 + 0.5) / SUB as f64 + shift;
                    let w = (15.0 * (t - 12.0)).to_radians();
                    // Hour angles beyond ±180° belong to the neighbouring days' noon.
                    let w = (w + std::f64::consts::PI).rem_euclid(std::f64::consts::TAU)
                        - std::f64::consts::PI;
                    wt[h] += collares_pereira_rabl_rt(w, ws).max(0.0);
                    wd[h] += liu_jordan_rd(w, ws);
                }
            }
            let (st, sd) = (wt.iter().sum::<f64>(), wd.iter().sum::<f64>());
            for h in 0..24 {
                let i = row + h;
                let g = if st > 0.0 { h_day * wt[h] / st } else { 0.0 };
                let mut dh = if sd > 0.0 { d_day * wd[h] / sd } else { g };
                dh = dh.min(g);
                let cz = sun.cos_zenith[i];
                let mut b = 0.0;
                if g > 0.0 && cz >= 0.05 {
                    b = (g - dh) / cz;
                    let cap = 0.9 * sun.dni_extra[i];
                    if b > cap {
                        b = cap;
                        dh = g - b * cz;
                    }
                } else {
                    dh = g;
                }
                ghi[i] = g;
                dhi[i] = dh;
                dni[i] = b;
            }
            row += 24;
        }
        // Days whose whole global fell in hours the chain calls night (not expected at the
        // latitudes of China): put the month's missing energy back proportionally.
        let got: f64 = ghi[month_start..row].iter().sum();
        let want = inp.ghi_kwh_m2[m] * 1000.0;
        if got > 0.0 && (got - want).abs() > 1e-9 * want.max(1.0) {
            let k = want / got;
            for i in month_start..row {
                ghi[i] *= k;
                dhi[i] *= k;
                dni[i] *= k;
            }
        }
        doy += days;
    }

    let weather = Weather {
        location: Location {
            name: "monthly values".to_string(),
            latitude: p.latitude,
            longitude: p.longitude,
            timezone_h: tz,
            elevation_m: elevation,
        },
        format: WeatherFormat::Epw,
        timing: Timing::Centre,
        step_minutes: 60,
        stamps,
        stamp_offset_minutes: 0,
        ghi_w_m2: ghi,
        dni_w_m2: dni,
        dhi_w_m2: dhi,
        temp_air_c: temp,
        wind_speed_m_s: wind,
        pressure_mbar: pressures,
        albedo: None,
        provenance: Provenance {
            source: "monthly values (Duffie & Beckman monthly method)".to_string(),
            timing_default: Timing::Centre,
            timing_basis: crate::diag::bi(
                "synthesised hour averages: the sun at the middle of each hour (of its sunlit part at \
                 sunrise and sunset)",
                "合成的小时平均值：太阳位置取每小时的中点（日出、日落时段取有日照部分的中点）",
            ),
            filled_values: 0,
            filled: Vec::new(),
            dropped_leap_day_rows: 0,
            pressure_estimated: true,
            first_data_line: 0,
            implausible: Vec::new(),
        },
    };
    (weather, fd_m, kt_m, sun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn klein_days_give_the_monthly_mean_h0() {
        // D&B table 1.10.1 at 40° N, kWh/m² (MJ/m² / 3.6): Jan 15.2, Jun 41.9 MJ/m².
        assert!((daily_extraterrestrial_kwh_m2(40.0, 17) * 3.6 - 15.2).abs() < 0.15);
        assert!((daily_extraterrestrial_kwh_m2(40.0, 162) * 3.6 - 41.9).abs() < 0.2);
        // Polar night.
        assert_eq!(daily_extraterrestrial_kwh_m2(80.0, 355), 0.0);
    }

    #[test]
    fn liu_jordan_integrates_to_one() {
        for ws_deg in [60.0f64, 90.0, 110.0] {
            let ws = ws_deg.to_radians();
            let steps = 24 * 600;
            let mut sum = 0.0;
            for k in 0..steps {
                let t = (k as f64 + 0.5) / 600.0;
                sum += liu_jordan_rd((15.0 * (t - 12.0)).to_radians(), ws) / 600.0;
            }
            assert!((sum - 1.0).abs() < 1e-4, "{ws_deg}: {sum}");
        }
    }
}
