//! The hourly chain of PVWatts v8 for fixed arrays, for one or several roof planes on one inverter:
//! sun path → plane-of-array (sky model, ground) → row self-shading (open rack) → cover loss →
//! spectral → cell temperature → CEC single-diode DC per plane → sum of the planes in DC → lumped
//! DC losses → inverter with clipping → AC.
//!
//! Reference: NREL ssc `ssc/cmod_pvwattsv8.cpp` (the order of the steps and their constants; each
//! step's own reference is in its module); the shared reference `pv-model.md`.
//!
//! Several planes (east/west roofs, mixed roofs) share one inverter: each plane holds a share of
//! the DC nameplate, is simulated as its own array of that size (own irradiance, cell temperature,
//! maximum power point), and the planes' DC powers are added before the losses and the inverter —
//! which PVWatts cannot do in one run. With one plane the chain is PVWatts v8.
//!
//! Use: `let sun = SunPath::new(&weather);` once per weather file (it depends on the location,
//! the stamps, the timing convention, pressure and temperature only), then
//! `simulate(&weather, &sun, &system)` for each system (tilt, azimuth, capacity …). The annual
//! performance ratio is `annual.ac_kwh / (annual.poa_kwh_m2 · P_dc0 / 1000 W/m²)`, and hourly
//! energy `ac_w[i] · step / 1000` [kWh].

use super::inverter::InverterV8;
use super::losses::DEFAULT_LOSSES_PCT;
use super::module::{max_power_table, ModuleType};
use super::shading::{RowLayout, RowShading};
use super::temperature::{NoctSam, NOCT_OPEN_RACK, NOCT_ROOF_MOUNT};
use crate::minmax::MinMax;
use crate::solar::iam::CoverModel;
use crate::solar::irradiance::{
    cos_aoi, poa_components, surface_normal, SkyInputs, SkyModel, Tilt,
};
use crate::solar::position::SolarPosition;
use crate::solar::spectral::desoto_air_mass_modifier;
use crate::solar::sunpath::SunPath;
use crate::weather::Weather;

/// How the modules are mounted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mounting {
    /// Flush on the roof (PVWatts "fixed roof mount"): NOCT 49 °C, no row shading.
    #[default]
    RoofMount,
    /// Tilted racks in rows (PVWatts "fixed open rack"): NOCT 45 °C, row self-shading by the
    /// ground coverage ratio.
    OpenRack,
}

/// One roof plane.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plane {
    /// Tilt from horizontal [°], 0–90.
    pub tilt_deg: f64,
    /// Azimuth east of north [°] (90 east, 180 south, 270 west), 0–360.
    pub azimuth_deg: f64,
    /// Share of the system's DC nameplate on this plane [-] (shares are normalised to sum to 1).
    pub share: f64,
}

/// A system: planes, nameplate, inverter, losses, module, mounting, ground.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemSpec {
    pub planes: Vec<Plane>,
    /// DC nameplate P_dc0 [W].
    pub dc_capacity_w: f64,
    /// DC/AC ratio [-]: the AC rating is P_dc0 / ratio.
    pub dc_ac_ratio: f64,
    /// Inverter efficiency at rated power [-] (PVWatts `inv_eff`/100).
    pub inverter_efficiency: f64,
    /// Lumped DC losses [%] (PVWatts `losses`).
    pub losses_pct: f64,
    pub module: ModuleType,
    pub mounting: Mounting,
    /// Ground coverage ratio of open-rack rows [-] (ignored for roof mount).
    pub gcr: f64,
    /// Ground albedo [-].
    pub albedo: f64,
    pub sky_model: SkyModel,
}

impl Default for SystemSpec {
    /// PVWatts defaults: 4 kW, one plane tilted 20° facing south, DC/AC 1.2, 96 %, 14.0757 %
    /// losses, standard module, roof mount, GCR 0.3, albedo 0.2, Perez sky.
    fn default() -> Self {
        SystemSpec {
            planes: vec![Plane {
                tilt_deg: 20.0,
                azimuth_deg: 180.0,
                share: 1.0,
            }],
            dc_capacity_w: 4000.0,
            dc_ac_ratio: 1.2,
            inverter_efficiency: 0.96,
            losses_pct: DEFAULT_LOSSES_PCT,
            module: ModuleType::Standard,
            mounting: Mounting::RoofMount,
            gcr: 0.3,
            albedo: 0.2,
            sky_model: SkyModel::Perez,
        }
    }
}

/// Energy through the steps of the chain over a period. The DC-equivalent steps are in kWh of an
/// array of the system's nameplate: `nominal_kwh` = P_dc0·POA/1000 W/m² (what the array would make
/// at reference efficiency), then after cover and spectral losses, after the module's temperature
/// and low-light behaviour, after the lumped DC losses, after the inverter's efficiency and after
/// clipping.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct EnergyTotals {
    /// Plane-of-array irradiation before row self-shading [kWh/m²] (capacity-weighted over planes).
    pub poa_unshaded_kwh_m2: f64,
    /// Plane-of-array irradiation [kWh/m²] (after row self-shading; PVWatts `poa`).
    pub poa_kwh_m2: f64,
    /// P_dc0 × POA / 1000 [kWh].
    pub nominal_kwh: f64,
    /// P_dc0 × effective irradiance / 1000 (after cover and spectral) [kWh].
    pub after_cover_spectral_kwh: f64,
    /// Module DC output, after temperature and low-light effects [kWh].
    pub dc_module_kwh: f64,
    /// DC after the lumped losses (inverter input) [kWh].
    pub dc_kwh: f64,
    /// AC after the inverter's efficiency, before clipping [kWh].
    pub ac_unclipped_kwh: f64,
    /// AC output [kWh].
    pub ac_kwh: f64,
}

impl EnergyTotals {
    fn add(&mut self, o: &EnergyTotals) {
        self.poa_unshaded_kwh_m2 += o.poa_unshaded_kwh_m2;
        self.poa_kwh_m2 += o.poa_kwh_m2;
        self.nominal_kwh += o.nominal_kwh;
        self.after_cover_spectral_kwh += o.after_cover_spectral_kwh;
        self.dc_module_kwh += o.dc_module_kwh;
        self.dc_kwh += o.dc_kwh;
        self.ac_unclipped_kwh += o.ac_unclipped_kwh;
        self.ac_kwh += o.ac_kwh;
    }

    /// Inverter clipping loss [kWh].
    pub fn clipping_kwh(&self) -> f64 {
        self.ac_unclipped_kwh - self.ac_kwh
    }
}

/// Row-by-row results and their sums.
#[derive(Debug, Clone, PartialEq)]
pub struct HourlyResult {
    /// Plane-of-array irradiance, after row self-shading, capacity-weighted over planes [W/m²].
    pub poa_w_m2: Vec<f64>,
    /// Irradiance reaching the cells after cover and spectral losses [W/m²] (weighted as POA).
    pub effective_irradiance_w_m2: Vec<f64>,
    /// Cell temperature [°C] (weighted as POA; air temperature when dark).
    pub cell_temp_c: Vec<f64>,
    /// DC power into the inverter, after DC losses [W].
    pub dc_w: Vec<f64>,
    /// AC power [W].
    pub ac_w: Vec<f64>,
    /// Sums by calendar month, January first.
    pub monthly: [EnergyTotals; 12],
    pub annual: EnergyTotals,
}

/// What is wrong with a simulation's inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ChainError {
    /// The input concerned, e.g. `planes[1].tilt_deg`.
    pub field: String,
    pub message: String,
}

impl std::fmt::Display for ChainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

impl std::error::Error for ChainError {}

fn err(field: impl Into<String>, message: impl Into<String>) -> ChainError {
    ChainError {
        field: field.into(),
        message: message.into(),
    }
}

struct PlaneCtx {
    tilt: Tilt,
    normal: [f64; 3],
    cover: CoverModel,
    shading: Option<RowShading>,
    share: f64,
    /// DC watts of this plane per watt of one module's output.
    dc_scale: f64,
}

fn validate(system: &SystemSpec) -> Result<f64, ChainError> {
    let finite_pos = |v: f64| v.is_finite() && v > 0.0;
    if !finite_pos(system.dc_capacity_w) {
        return Err(err("dc_capacity_w", "must be a positive number of watts"));
    }
    if !finite_pos(system.dc_ac_ratio) {
        return Err(err("dc_ac_ratio", "must be positive"));
    }
    if !(system.inverter_efficiency > 0.0 && system.inverter_efficiency <= 1.0) {
        return Err(err("inverter_efficiency", "must be in (0, 1]"));
    }
    if !(system.losses_pct.is_finite() && system.losses_pct < 100.0) {
        return Err(err("losses_pct", "must be below 100 %"));
    }
    if system.mounting == Mounting::OpenRack && !(system.gcr >= 0.01 && system.gcr < 1.0) {
        return Err(err("gcr", "must be in [0.01, 1) for open-rack rows"));
    }
    if !(system.albedo >= 0.0 && system.albedo <= 1.0) {
        return Err(err("albedo", "must be in [0, 1]"));
    }
    if system.planes.is_empty() {
        return Err(err("planes", "at least one plane is needed"));
    }
    let mut total = 0.0;
    for (i, p) in system.planes.iter().enumerate() {
        if !(p.tilt_deg >= 0.0 && p.tilt_deg <= 90.0) {
            return Err(err(format!("planes[{i}].tilt_deg"), "must be in [0, 90]"));
        }
        if !(p.azimuth_deg >= 0.0 && p.azimuth_deg < 360.0) {
            return Err(err(
                format!("planes[{i}].azimuth_deg"),
                "must be in [0, 360)",
            ));
        }
        if !(p.share.is_finite() && p.share >= 0.0) {
            return Err(err(
                format!("planes[{i}].share"),
                "must be zero or positive",
            ));
        }
        total += p.share;
    }
    if total.is_nan() || total <= 0.0 {
        return Err(err("planes", "the shares must not all be zero"));
    }
    Ok(total)
}

#[inline]
fn finite_or(v: f64, default: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        default
    }
}

/// Simulates a system on a weather file whose sun path is `sun` (from [`SunPath::new`] on the same
/// weather; reuse it for every system on that weather). One value per weather row in each output.
///
/// Weather values that are not finite count as no irradiance, no wind, and 20 °C air; negative
/// irradiance counts as zero. An hour whose DNI exceeds the extraterrestrial value gives no
/// output, as in ssc.
pub fn simulate(
    weather: &Weather,
    sun: &SunPath,
    system: &SystemSpec,
) -> Result<HourlyResult, ChainError> {
    let share_total = validate(system)?;
    let n = weather.stamps.len();
    let lengths = [
        weather.ghi_w_m2.len(),
        weather.dni_w_m2.len(),
        weather.dhi_w_m2.len(),
        weather.temp_air_c.len(),
        weather.wind_speed_m_s.len(),
        sun.len(),
    ];
    if lengths.iter().any(|&l| l != n) {
        return Err(err(
            "weather",
            format!(
                "rows differ in length (stamps {n}, arrays and sun path [{}])",
                lengths.map(|l| l.to_string()).join(", ")
            ),
        ));
    }

    let cec = system.module.cec();
    let mpp = max_power_table(system.module);
    let eta_ref = cec.efficiency();
    let t_noct = match system.mounting {
        Mounting::RoofMount => NOCT_ROOF_MOUNT,
        Mounting::OpenRack => NOCT_OPEN_RACK,
    };
    let noct = NoctSam::new(t_noct, eta_ref);
    let pdc0 = system.dc_capacity_w;
    let planes: Vec<PlaneCtx> = system
        .planes
        .iter()
        .map(|p| {
            let share = p.share / share_total;
            let shading = match system.mounting {
                Mounting::OpenRack => Some(RowShading::new(
                    RowLayout::pvwatts_v8(pdc0 * share, system.module, system.gcr),
                    p.tilt_deg,
                    p.azimuth_deg,
                    system.albedo,
                )),
                Mounting::RoofMount => None,
            };
            PlaneCtx {
                tilt: Tilt::new(p.tilt_deg),
                normal: surface_normal(p.tilt_deg, p.azimuth_deg),
                cover: CoverModel::desoto(p.tilt_deg, system.module.ar_coating()),
                shading,
                share,
                dc_scale: share * pdc0 / cec.p_mp(),
            }
        })
        .collect();
    let inverter = InverterV8::new(pdc0, system.dc_ac_ratio, system.inverter_efficiency);
    let loss_factor = 1.0 - system.losses_pct / 100.0;
    let step_h = f64::from(weather.step_minutes.max(1)) / 60.0;
    let kwh = step_h / 1000.0;

    let mut out = HourlyResult {
        poa_w_m2: vec![0.0; n],
        effective_irradiance_w_m2: vec![0.0; n],
        cell_temp_c: vec![0.0; n],
        dc_w: vec![0.0; n],
        ac_w: vec![0.0; n],
        monthly: [EnergyTotals::default(); 12],
        annual: EnergyTotals::default(),
    };
    // The rows' outputs as slices of exactly n (no bounds checks in the loop; rows without output
    // keep their zeros).
    let poa_out = &mut out.poa_w_m2[..n];
    let g_eff_out = &mut out.effective_irradiance_w_m2[..n];
    let t_cell_out = &mut out.cell_temp_c[..n];
    let dc_out = &mut out.dc_w[..n];
    let ac_out = &mut out.ac_w[..n];

    for i in 0..n {
        let temp_air = finite_or(weather.temp_air_c[i], 20.0);
        let state = sun.state[i];
        let dni = finite_or(weather.dni_w_m2[i], 0.0).fmax(0.0);
        let dhi = finite_or(weather.dhi_w_m2[i], 0.0).fmax(0.0);
        let cos_z = sun.cos_zenith[i];
        if !state.is_up() || (cos_z > 0.0 && dni > sun.dni_extra[i]) {
            t_cell_out[i] = temp_air;
            continue;
        }
        let wind = finite_or(weather.wind_speed_m_s[i], 0.0);
        let zenith = sun.zenith[i];
        let sky = SkyInputs {
            zenith_deg: zenith,
            cos_zenith: cos_z,
            dni,
            dhi,
            dni_extra: sun.dni_extra[i],
            airmass_relative: sun.air_mass_relative[i],
            albedo: system.albedo,
        };
        let f_am = desoto_air_mass_modifier(sun.air_mass_absolute[i]);
        let (mut poa_unshaded, mut poa, mut g_eff_w, mut t_cell_w, mut dc_module) =
            (0.0, 0.0, 0.0, 0.0, 0.0);
        for pl in &planes {
            let c = cos_aoi(&pl.normal, sun.sun_east[i], sun.sun_north[i], cos_z);
            let mut comps = poa_components(system.sky_model, &pl.tilt, c, &sky);
            let unshaded = comps.total();
            if let Some(sh) = &pl.shading {
                let position = SolarPosition {
                    zenith,
                    geometric_zenith: zenith,
                    azimuth: sun.azimuth[i],
                    cos_zenith: cos_z,
                    east: sun.sun_east[i],
                    north: sun.sun_north[i],
                    sin_geocentric_altitude: cos_z,
                };
                let f = sh.factors(&position, dni, dhi, comps.sky_diffuse, comps.ground_diffuse);
                comps.beam *= f.beam;
                comps.sky_diffuse *= f.sky_diffuse;
                comps.ground_diffuse *= f.ground_diffuse;
            }
            let g = comps.total();
            let g_eff =
                pl.cover
                    .transmitted(c, comps.beam, comps.sky_diffuse, comps.ground_diffuse)
                    * f_am;
            let t_cell = noct.cell_temperature(g_eff, temp_air, wind);
            dc_module += mpp.p_mp(g_eff, t_cell) * pl.dc_scale;
            poa_unshaded += pl.share * unshaded;
            poa += pl.share * g;
            g_eff_w += pl.share * g_eff;
            t_cell_w += pl.share * t_cell;
        }
        let dc = dc_module * loss_factor;
        let ac_unclipped = inverter.ac_unclipped(dc).fmax(0.0);
        let ac = ac_unclipped.fmin(inverter.paco);
        poa_out[i] = poa;
        g_eff_out[i] = g_eff_w;
        t_cell_out[i] = t_cell_w;
        dc_out[i] = dc;
        ac_out[i] = ac;

        let m = usize::from(sun.month[i].clamp(1, 12)) - 1;
        let e = &mut out.monthly[m];
        e.poa_unshaded_kwh_m2 += poa_unshaded * kwh;
        e.poa_kwh_m2 += poa * kwh;
        e.nominal_kwh += pdc0 * poa / 1000.0 * kwh;
        e.after_cover_spectral_kwh += pdc0 * g_eff_w / 1000.0 * kwh;
        e.dc_module_kwh += dc_module * kwh;
        e.dc_kwh += dc * kwh;
        e.ac_unclipped_kwh += ac_unclipped * kwh;
        e.ac_kwh += ac * kwh;
    }
    let mut annual = EnergyTotals::default();
    for m in &out.monthly {
        annual.add(m);
    }
    out.annual = annual;
    Ok(out)
}
