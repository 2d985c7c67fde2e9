//! Irradiance on a tilted plane: extraterrestrial irradiance, air mass, the angle of incidence, and
//! the sky models (isotropic, Hay–Davies, HDKR, Perez 1990) with ground reflection.
//!
//! Every model takes the plane as a [`Tilt`] (its cosine and sine precomputed once), the cosine of
//! the angle of incidence of the beam, and the sky state of the hour as [`SkyInputs`]; it returns
//! the three plane-of-array components [W/m²]. The formulas and guards follow NREL ssc
//! `shared/lib_irradproc.cpp` (`perez`, `isotropic`, `hdkr`) so that PVWatts v8 is reproduced;
//! pvlib-python `irradiance.py` documents the same models. No model returns NaN: DHI = 0 with the
//! sun up, the sun at the horizon and the night give finite values.

use crate::minmax::MinMax;
use std::f64::consts::PI;

const DEG: f64 = PI / 180.0;

/// Extraterrestrial normal irradiance [W/m²] on day of year `day_of_year` [1–366]:
/// G_on = 1367·(1 + 0.033·cos(360°·n/365)) (Duffie & Beckman, *Solar Engineering of Thermal
/// Processes*, eq. 1.4.1a; the form ssc `solarpos_spa` uses).
pub fn dni_extra_duffie_beckman(day_of_year: f64) -> f64 {
    super::SOLAR_CONSTANT_W_M2 * (1.0 + 0.033 * (2.0 * PI * day_of_year / 365.0).cos())
}

/// Relative optical air mass [-] at a zenith angle [°] (with its cosine): F. Kasten, "A new table
/// and approximation formula for the relative optical air mass", Arch. Meteorol. Geophys.
/// Bioklimatol. B14 (1966) 206–223: 1/(cos z + 0.15·(93.885 − z)^−1.253), with 93.9 as in
/// Perez et al. 1990 and ssc. Returns 0 for a zenith of 90° or more.
pub fn airmass_kasten_1966(zenith_deg: f64, cos_zenith: f64) -> f64 {
    if zenith_deg < 90.0 {
        1.0 / (cos_zenith + 0.15 * (-1.253 * (93.9 - zenith_deg).ln()).exp())
    } else {
        0.0
    }
}

/// A plane's tilt from horizontal [°] with its cosine and sine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tilt {
    pub degrees: f64,
    pub cos: f64,
    pub sin: f64,
}

impl Tilt {
    pub fn new(degrees: f64) -> Tilt {
        let (sin, cos) = (degrees * DEG).sin_cos();
        Tilt { degrees, cos, sin }
    }
}

/// The unit normal of a plane (east, north, up) from its tilt [°] and azimuth [°, east of north].
pub fn surface_normal(tilt_deg: f64, azimuth_deg: f64) -> [f64; 3] {
    let (st, ct) = (tilt_deg * DEG).sin_cos();
    let (sa, ca) = (azimuth_deg * DEG).sin_cos();
    [st * sa, st * ca, ct]
}

/// cos(angle of incidence) of the beam on a plane: the dot product of the plane's unit normal
/// ([`surface_normal`]) and the unit vector towards the sun (east, north, up) [-].
pub fn cos_aoi(normal: &[f64; 3], sun_east: f64, sun_north: f64, cos_zenith: f64) -> f64 {
    (normal[0] * sun_east + normal[1] * sun_north + normal[2] * cos_zenith).clamp(-1.0, 1.0)
}

/// The sky of one hour as the sky models need it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SkyInputs {
    /// Solar zenith angle [°].
    pub zenith_deg: f64,
    /// cos(zenith) [-].
    pub cos_zenith: f64,
    /// Direct normal irradiance [W/m²].
    pub dni: f64,
    /// Diffuse horizontal irradiance [W/m²].
    pub dhi: f64,
    /// Extraterrestrial normal irradiance [W/m²] (Hay–Davies, HDKR).
    pub dni_extra: f64,
    /// Relative air mass [-] ([`airmass_kasten_1966`]; Perez).
    pub airmass_relative: f64,
    /// Ground albedo [-].
    pub albedo: f64,
}

/// Plane-of-array irradiance by component [W/m²].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PoaComponents {
    pub beam: f64,
    pub sky_diffuse: f64,
    pub ground_diffuse: f64,
}

impl PoaComponents {
    pub fn total(&self) -> f64 {
        self.beam + self.sky_diffuse + self.ground_diffuse
    }
}

/// Which model spreads the diffuse sky over the plane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SkyModel {
    /// Liu & Jordan 1963: uniform sky.
    Isotropic,
    /// Hay & Davies 1980: circumsolar + isotropic.
    HayDavies,
    /// Hay, Davies, Klucher, Reindl (Reindl 1990): Hay–Davies with horizon brightening.
    Hdkr,
    /// Perez et al. 1990 (PVWatts v8).
    #[default]
    Perez,
}

/// Ground-reflected irradiance on a plane [W/m²]: ρ·GHI·(1 − cos β)/2 (isotropic ground, Liu &
/// Jordan), with GHI [W/m²] computed from DNI and DHI as ssc does.
pub fn ground_diffuse(tilt: &Tilt, ghi: f64, albedo: f64) -> f64 {
    (albedo * ghi * (1.0 - tilt.cos) / 2.0).fmax(0.0)
}

fn horizontal_global(sky: &SkyInputs) -> f64 {
    sky.dni.fmax(0.0) * sky.cos_zenith.fmax(0.0) + sky.dhi.fmax(0.0)
}

/// Isotropic sky (B. Y. H. Liu and R. C. Jordan, Solar Energy 7 (1963) 53–74):
/// sky = DHI·(1 + cos β)/2 (ssc `isotropic`).
pub fn isotropic(tilt: &Tilt, cos_aoi: f64, sky: &SkyInputs) -> PoaComponents {
    PoaComponents {
        beam: (sky.dni * cos_aoi).fmax(0.0),
        sky_diffuse: (sky.dhi * (1.0 + tilt.cos) / 2.0).fmax(0.0),
        ground_diffuse: ground_diffuse(tilt, horizontal_global(sky), sky.albedo),
    }
}

/// Hay–Davies sky (J. E. Hay and J. A. Davies, "Calculation of the solar radiation incident on an
/// inclined surface", Proc. First Canadian Solar Radiation Data Workshop, 1980):
/// sky = DHI·(A·R_b + (1 − A)(1 + cos β)/2), A = DNI/DNI_extra, R_b = max(cos θ, 0)/max(cos z,
/// cos 89°) (the guard of pvlib `irradiance.haydavies`).
pub fn hay_davies(tilt: &Tilt, cos_aoi: f64, sky: &SkyInputs) -> PoaComponents {
    let (circumsolar, isotropic_part) = hay_davies_parts(tilt, cos_aoi, sky);
    PoaComponents {
        beam: (sky.dni * cos_aoi).fmax(0.0),
        sky_diffuse: (circumsolar + isotropic_part).fmax(0.0),
        ground_diffuse: ground_diffuse(tilt, horizontal_global(sky), sky.albedo),
    }
}

fn hay_davies_parts(tilt: &Tilt, cos_aoi: f64, sky: &SkyInputs) -> (f64, f64) {
    let dhi = sky.dhi.fmax(0.0);
    let a = if sky.dni_extra > 0.0 {
        (sky.dni.fmax(0.0) / sky.dni_extra).fmin(1.0)
    } else {
        0.0
    };
    let rb = cos_aoi.fmax(0.0) / sky.cos_zenith.fmax(0.017_452_4);
    (dhi * a * rb, dhi * (1.0 - a) * (1.0 + tilt.cos) / 2.0)
}

/// HDKR sky (D. T. Reindl, W. A. Beckman, J. A. Duffie, "Evaluation of hourly tilted surface
/// radiation models", Solar Energy 45 (1990) 9–17; Duffie & Beckman eq. 2.16.7): Hay–Davies with the
/// isotropic part brightened near the horizon by 1 + f·sin³(β/2), f = √(B_h/GHI) (ssc `hdkr`).
pub fn hdkr(tilt: &Tilt, cos_aoi: f64, sky: &SkyInputs) -> PoaComponents {
    let (circumsolar, isotropic_part) = hay_davies_parts(tilt, cos_aoi, sky);
    let ghi = horizontal_global(sky);
    let hb = sky.dni.fmax(0.0) * sky.cos_zenith.fmax(0.0);
    let f = if ghi > 1e-6 { (hb / ghi).sqrt() } else { 0.0 };
    let s3 = ((1.0 - tilt.cos) / 2.0).sqrt().powi(3); // sin³(β/2)
    PoaComponents {
        beam: (sky.dni * cos_aoi).fmax(0.0),
        sky_diffuse: (circumsolar + isotropic_part * (1.0 + f * s3)).fmax(0.0),
        ground_diffuse: ground_diffuse(tilt, ghi, sky.albedo),
    }
}

// Perez et al. 1990, Table 6 ("allsitescomposite1990"), by sky-clearness bin.
const PEREZ_F11: [f64; 8] = [
    -0.0083117, 0.1299457, 0.3296958, 0.5682053, 0.8730280, 1.1326077, 1.0601591, 0.6777470,
];
const PEREZ_F12: [f64; 8] = [
    0.5877285, 0.6825954, 0.4868735, 0.1874525, -0.3920403, -1.2367284, -1.5999137, -0.3272588,
];
const PEREZ_F13: [f64; 8] = [
    -0.0620636, -0.1513752, -0.2210958, -0.2951290, -0.3616149, -0.4118494, -0.3589221, -0.2504286,
];
const PEREZ_F21: [f64; 8] = [
    -0.0596012, -0.0189325, 0.0554140, 0.1088631, 0.2255647, 0.2877813, 0.2642124, 0.1561313,
];
const PEREZ_F22: [f64; 8] = [
    0.0721249, 0.0659650, -0.0639588, -0.1519229, -0.4620442, -0.8230357, -1.1272340, -1.3765031,
];
const PEREZ_F23: [f64; 8] = [
    -0.0220216, -0.0288748, -0.0260542, -0.0139754, 0.0012448, 0.0558651, 0.1310694, 0.2506212,
];
/// Upper edges of the sky-clearness bins 1–7 (bin 8 is open).
const PEREZ_EPSILON_BINS: [f64; 7] = [1.065, 1.23, 1.5, 1.95, 2.8, 4.5, 6.2];
/// κ = 1.041 rad⁻³ expressed per degree³ (κ·(π/180)³).
const PEREZ_KAPPA_DEG3: f64 = 5.534e-6;
/// cos 85°: the floor of cos z in the circumsolar ratio.
const COS_85: f64 = 0.087_155_7;

/// Perez 1990 sky (R. Perez, P. Ineichen, R. Seals, J. Michalsky, R. Stewart, "Modeling daylight
/// availability and irradiance components from direct and global irradiance", Solar Energy 44
/// (1990) 271–289; coefficients "allsitescomposite1990"), exactly as ssc `perez`:
/// ε = ((DNI + DHI)/DHI + κz³)/(1 + κz³), Δ = DHI·AM/1367, F1 = max(0, F11 + F12Δ + F13z),
/// F2 = F21 + F22Δ + F23z (z in rad), sky = DHI·[(1 − F1)(1 + cos β)/2 + F1·max(cos θ, 0)/max(cos z,
/// cos 85°) + F2·sin β]. For z > 87.5° the sky is isotropic and the ground term 0; with DHI ≤ 0
/// only the beam remains (no NaN, unlike pvlib `irradiance.perez`).
pub fn perez_1990(tilt: &Tilt, cos_aoi: f64, sky: &SkyInputs) -> PoaComponents {
    let dni = sky.dni.fmax(0.0);
    let z = sky.zenith_deg;
    if !(0.0..=87.5).contains(&z) {
        let beam = if cos_aoi > 0.0 && z < 90.0 {
            dni * cos_aoi
        } else {
            0.0
        };
        return PoaComponents {
            beam,
            sky_diffuse: sky.dhi.fmax(0.0) * (1.0 + tilt.cos) / 2.0,
            ground_diffuse: 0.0,
        };
    }
    let dhi = sky.dhi;
    let zc = cos_aoi.fmax(0.0);
    if dhi <= 0.0 {
        return PoaComponents {
            beam: dni * zc,
            sky_diffuse: 0.0,
            ground_diffuse: 0.0,
        };
    }
    let cz = sky.cos_zenith;
    let delta = dhi * sky.airmass_relative / super::SOLAR_CONSTANT_W_M2;
    let kz3 = PEREZ_KAPPA_DEG3 * z * z * z;
    let eps = ((dni + dhi) / dhi + kz3) / (1.0 + kz3);
    let bin = PEREZ_EPSILON_BINS
        .iter()
        .position(|&edge| eps <= edge)
        .unwrap_or(7);
    let zr = z * DEG;
    let f1 = (PEREZ_F11[bin] + PEREZ_F12[bin] * delta + PEREZ_F13[bin] * zr).fmax(0.0);
    let f2 = PEREZ_F21[bin] + PEREZ_F22[bin] * delta + PEREZ_F23[bin] * zr;
    let a = dhi * (1.0 - f1) * (1.0 + tilt.cos) / 2.0;
    let b = dhi * f1 * zc / cz.fmax(COS_85);
    let c = dhi * f2 * tilt.sin;
    PoaComponents {
        beam: dni * zc,
        sky_diffuse: a + b + c,
        ground_diffuse: sky.albedo * (dni * cz + dhi) * (1.0 - tilt.cos) / 2.0,
    }
}

/// Plane-of-array components by the chosen sky model.
pub fn poa_components(
    model: SkyModel,
    tilt: &Tilt,
    cos_aoi: f64,
    sky: &SkyInputs,
) -> PoaComponents {
    match model {
        SkyModel::Isotropic => isotropic(tilt, cos_aoi, sky),
        SkyModel::HayDavies => hay_davies(tilt, cos_aoi, sky),
        SkyModel::Hdkr => hdkr(tilt, cos_aoi, sky),
        SkyModel::Perez => perez_1990(tilt, cos_aoi, sky),
    }
}
