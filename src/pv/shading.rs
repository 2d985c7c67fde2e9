//! Row-to-row self-shading of fixed open-rack arrays (flat roofs with tilted racks in rows), as
//! PVWatts v8 models it: the beam shaded by the row in front (linear, by shaded area), and the sky
//! and ground-reflected diffuse reduced by the rows' view factors.
//!
//! References: J. Appelbaum and J. Bany, "Shadow effect of adjacent solar collectors in large scale
//! systems", Solar Energy 23 (1979) 497–507 (shadow geometry, eqs. 11–12, A12–A15); C. Deline,
//! A. Dobos, S. Janzou, J. Meydbray, M. Donovan, "A simplified model of uniform shading in large
//! photovoltaic arrays", Solar Energy 96 (2013) 274–282 (diffuse reductions); NREL ssc
//! `shared/lib_pvshade.cpp` (`ss_exec`, `diffuse_reduce`, `sssky_diffuse_table::compute`, in the
//! version of github.com/NatLabRockies/ssc that PySAM 7.1 ships: albedo in the ground view
//! factors, 250-step sky integration) and
//! `ssc/cmod_pvwattsv8.cpp` (the assumed layout: 300 W modules of aspect ratio 1.7, two up in
//! portrait, a square field, 7 modules per string). The non-linear DC derate of Deline et al. is
//! computed but not applied by PVWatts v8, so it is not modelled here.

use std::f64::consts::PI;

use super::module::ModuleType;
use crate::solar::position::SolarPosition;

const DEG: f64 = PI / 180.0;

/// The array layout PVWatts v8 assumes for the self-shading model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowLayout {
    /// Module width (short side) [m].
    pub module_width: f64,
    /// Module length (long side) [m].
    pub module_length: f64,
    /// Modules up the slope of a row (portrait) [-].
    pub modules_up: u32,
    /// Modules along a row [-].
    pub modules_along: u32,
    /// Number of rows [-].
    pub rows: u32,
    /// Strings along a row [-] (7 modules per string, rounded down).
    pub strings_along: u32,
    /// Row pitch, front of one row to front of the next [m].
    pub row_pitch: f64,
    /// Ground coverage ratio [-].
    pub gcr: f64,
}

impl RowLayout {
    /// The PVWatts v8 layout of a fixed array of DC nameplate [W], module type and ground coverage
    /// ratio [-]: ⌈P/300 W⌉ modules of 300 W at the type's nominal efficiency, two up in portrait,
    /// ⌈√(N/2)⌉ rows, row pitch = 2·length/GCR.
    pub fn pvwatts_v8(dc_nameplate_w: f64, module: ModuleType, gcr: f64) -> RowLayout {
        let area = 300.0 / module.layout_efficiency() / 1000.0;
        let width = (area / 1.7).sqrt();
        let length = width * 1.7;
        let modules = (dc_nameplate_w / 300.0).ceil().max(1.0);
        let up = 2u32;
        let rows = (modules / f64::from(up)).sqrt().ceil().max(1.0) as u32;
        let along = (modules / f64::from(rows * up)).ceil().max(1.0) as u32;
        RowLayout {
            module_width: width,
            module_length: length,
            modules_up: up,
            modules_along: along,
            rows,
            strings_along: along / 7,
            row_pitch: length * f64::from(up) / gcr,
            gcr,
        }
    }

    /// Slant height of a row, B = length × modules up [m].
    pub fn row_height(&self) -> f64 {
        self.module_length * f64::from(self.modules_up)
    }

    /// Length of a row [m].
    pub fn row_length(&self) -> f64 {
        self.module_width * f64::from(self.modules_along)
    }
}

/// Fraction of a row's area in the shadow of the row in front [-] (Appelbaum & Bany 1979, eqs. 11,
/// 12, A12, A13, A15; ssc `ss_exec`), for a plane of tilt [°] and azimuth [°] and the sun as a
/// [`SolarPosition`] (zenith and azimuth [°] and the unit vector towards the sun). As ssc, the
/// azimuth difference is not wrapped, and with more than one string along a row the shadow is
/// taken as the full row length. No trigonometric call: the angles' sines and cosines come from
/// the sun's unit vector.
pub fn beam_shade_fraction(
    layout: &RowLayout,
    tilt_deg: f64,
    surface_azimuth_deg: f64,
    sun: &SolarPosition,
) -> f64 {
    let (st, ct) = (tilt_deg * DEG).sin_cos();
    let (ss, cs) = (surface_azimuth_deg * DEG).sin_cos();
    beam_shade_fraction_trig(layout, tilt_deg, surface_azimuth_deg, [st, ct, ss, cs], sun)
}

#[inline]
fn beam_shade_fraction_trig(
    layout: &RowLayout,
    tilt_deg: f64,
    surface_azimuth_deg: f64,
    [st, ct, ss, cs]: [f64; 4],
    sun: &SolarPosition,
) -> f64 {
    let az_eff = sun.azimuth - surface_azimuth_deg;
    if !(sun.zenith < 90.0 && tilt_deg != 0.0 && az_eff.abs() < 90.0) {
        return 0.0;
    }
    let sin_z = (sun.east * sun.east + sun.north * sun.north).sqrt();
    if sin_z <= 0.0 {
        return 0.0;
    }
    // cos and sin of (solar azimuth − surface azimuth), from the sun's unit vector.
    let (sa_sun, ca_sun) = (sun.east / sin_z, sun.north / sin_z);
    let ca = ca_sun * cs + sa_sun * ss;
    let sa = sa_sun * cs - ca_sun * ss;
    // 1/tan(altitude) = sin z / cos z.
    let cot_alt = sin_z / sun.cos_zenith;
    let a = layout.row_height();
    let r = layout.row_pitch.max(1e-5);
    let row_length = layout.row_length();
    let py = a * (ct + ca * st * cot_alt);
    let px = a * st * sa * cot_alt;
    if py == 0.0 || !py.is_finite() {
        return 0.0;
    }
    let mut g = crate::solar::clamp(r * px / py, 0.0, row_length);
    if layout.strings_along > 1 {
        g = 0.0;
    }
    let hs = crate::solar::clamp(a * (1.0 - r / py), 0.0, a);
    hs * (row_length - g) / (a * row_length)
}

/// Reduction factor of sky diffuse for the rows' view of the sky [-] (Deline et al. 2013; ssc
/// `sssky_diffuse_table::compute` as shipped in PySAM 7.1: a 250-step integration along the row's
/// slant height, 1 for a flat plane, capped at 1).
pub fn sky_diffuse_derate(tilt_deg: f64, gcr: f64) -> f64 {
    if tilt_deg == 0.0 {
        return 1.0;
    }
    const STEPS: u32 = 250;
    let step = 1.0 / f64::from(STEPS);
    let tilt = tilt_deg * DEG;
    let tan_t = tilt.tan();
    let sin_t = tilt.sin();
    let a_sky = PI + PI / (1.0 + tan_t * tan_t).sqrt();
    let mut sum = 0.0;
    for n in 0..STEPS {
        let arg = 1.0 / tan_t - 1.0 / (gcr * sin_t * (1.0 - f64::from(n) * step));
        let gamma = -PI / 2.0 + arg.atan();
        let t = (tilt + gamma).tan();
        let mut a_shade = PI + PI / (1.0 + t * t).sqrt();
        if tilt + gamma > PI / 2.0 {
            a_shade = 2.0 * PI - a_shade;
        }
        sum += a_shade / a_sky * step;
    }
    sum.min(1.0)
}

/// Reduction factor of ground-reflected diffuse for the rows [-] (Deline et al. 2013; ssc
/// `diffuse_reduce` as shipped in PySAM 7.1): the first row sees the open ground, the rows behind
/// it only the ground between rows, part of which is shaded from the beam. Inputs: layout, tilt
/// [°], the sun, DNI and DHI [W/m²], albedo [-].
pub fn ground_diffuse_derate(
    layout: &RowLayout,
    tilt_deg: f64,
    sun: &SolarPosition,
    dni: f64,
    dhi: f64,
    albedo: f64,
) -> f64 {
    GroundView::new(layout, tilt_deg, albedo).derate(sun, dni, dhi)
}

/// The parts of [`ground_diffuse_derate`] fixed by the layout, tilt and albedo.
#[derive(Debug, Clone, Copy, PartialEq)]
struct GroundView {
    albedo: f64,
    rows: f64,
    r: f64,
    sin_t: f64,
    cos_t: f64,
    cos_back: f64,
    f1: f64,
    f3: f64,
}

impl GroundView {
    fn new(layout: &RowLayout, tilt_deg: f64, albedo: f64) -> GroundView {
        let b = 1.0;
        let r = b / layout.gcr;
        let (sin_t, cos_t) = (tilt_deg * DEG).sin_cos();
        let cos_back = -cos_t; // cos(180° − β)
        let mut v = GroundView {
            albedo,
            rows: f64::from(layout.rows),
            r,
            sin_t,
            cos_t,
            cos_back,
            f1: albedo * (tilt_deg / 2.0 * DEG).sin().powi(2),
            f3: 0.0,
        };
        v.f3 = v.view(r);
        v
    }

    #[inline]
    fn view(&self, y: f64) -> f64 {
        0.5 * self.albedo * (1.0 + y - (y * y - 2.0 * y * self.cos_back + 1.0).sqrt())
    }

    #[inline]
    fn derate(&self, sun: &SolarPosition, dni: f64, dhi: f64) -> f64 {
        let gbh = dni * sun.cos_zenith;
        // sin(altitude) = cos z; sin(180° − altitude − β) = sin(altitude + β).
        let sin_alt = sun.cos_zenith;
        let cos_alt = (sun.east * sun.east + sun.north * sun.north).sqrt();
        let y1 = if sin_alt > 0.0 {
            (self.r - (sin_alt * self.cos_t + cos_alt * self.sin_t) / sin_alt).max(0.00001)
        } else {
            0.00001
        };
        let f2 = self.view(y1);
        let n = self.rows;
        let gr1 = self.f1 * (gbh + dhi);
        let reduced =
            (self.f1 + (n - 1.0) * f2) / n * gbh + (self.f1 + (n - 1.0) * self.f3) / n * dhi;
        if gr1 > 0.0 {
            reduced / gr1
        } else {
            1.0
        }
    }
}

/// Self-shading of one fixed open-rack plane, with its constant parts precomputed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowShading {
    pub layout: RowLayout,
    pub tilt_deg: f64,
    pub azimuth_deg: f64,
    /// [`sky_diffuse_derate`] of the plane [-].
    pub sky_derate: f64,
    trig: [f64; 4],
    ground: GroundView,
}

/// Shading factors of one hour (multipliers of the plane-of-array components) [-].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShadeFactors {
    pub beam: f64,
    pub sky_diffuse: f64,
    pub ground_diffuse: f64,
}

impl RowShading {
    /// A plane of tilt [°] and azimuth [°] in rows of `layout`, on ground of albedo [-].
    pub fn new(layout: RowLayout, tilt_deg: f64, azimuth_deg: f64, albedo: f64) -> RowShading {
        let (st, ct) = (tilt_deg * DEG).sin_cos();
        let (ss, cs) = (azimuth_deg * DEG).sin_cos();
        RowShading {
            layout,
            tilt_deg,
            azimuth_deg,
            sky_derate: sky_diffuse_derate(tilt_deg, layout.gcr),
            trig: [st, ct, ss, cs],
            ground: GroundView::new(&layout, tilt_deg, albedo),
        }
    }

    /// Factors for the sun, DNI and DHI [W/m²], given the unshaded sky and ground diffuse [W/m²]
    /// (below 0.1 W/m² of diffuse, no reduction; a factor outside [0, 1] is not applied — ssc's
    /// guards).
    pub fn factors(
        &self,
        sun: &SolarPosition,
        dni: f64,
        dhi: f64,
        poa_sky: f64,
        poa_ground: f64,
    ) -> ShadeFactors {
        let beam = 1.0
            - beam_shade_fraction_trig(
                &self.layout,
                self.tilt_deg,
                self.azimuth_deg,
                self.trig,
                sun,
            );
        let (mut sky, mut ground) = (1.0, 1.0);
        if poa_sky + poa_ground >= 0.1 {
            sky = self.sky_derate;
            ground = self.ground.derate(sun, dni, dhi);
        }
        let valid = |f: f64| {
            if (-0.00001..=1.00001).contains(&f) {
                f
            } else {
                1.0
            }
        };
        ShadeFactors {
            beam,
            sky_diffuse: valid(sky),
            ground_diffuse: valid(ground),
        }
    }
}
