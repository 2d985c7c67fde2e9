//! Cover (incidence-angle) losses: the physical model of a glass cover — Fresnel reflection at each
//! interface and Bouguer absorption in the layer — with an optional anti-reflective coating, and
//! the transmitted irradiance of beam, sky-diffuse and ground-diffuse light (De Soto et al. 2006).
//!
//! References: J. A. Duffie and W. A. Beckman, *Solar Engineering of Thermal Processes*, §5.1–5.4
//! (Fresnel, Bouguer, the equivalent angles of diffuse light, eqs. 5.4.1–5.4.2 after Brandemuehl
//! and Beckman 1980); W. De Soto, S. A. Klein, W. A. Beckman, "Improvement and validation of a model
//! for photovoltaic array performance", Solar Energy 80 (2006) 78–88; NREL ssc
//! `shared/lib_pv_incidence_modifier.cpp` (`transmittance`, `calculateIrradianceThroughCoverDeSoto`),
//! whose constants and normalisation are carried over. pvlib `iam.physical` is the same model
//! without coating.
//!
//! Angles are handled through cosines: Snell's law and the Fresnel equations in the form
//! r_s = ((n₁c₁ − n₂c₂)/(n₁c₁ + n₂c₂))², r_p = ((n₁c₂ − n₂c₁)/(n₁c₂ + n₂c₁))², which equal the
//! sin²(θ₂−θ₁)/sin²(θ₂+θ₁) and tan²(θ₂−θ₁)/tan²(θ₂+θ₁) of ssc.

use crate::minmax::MinMax;
use std::f64::consts::PI;

const DEG: f64 = PI / 180.0;

/// Refractive index of module glass [-] (De Soto et al. 2006).
pub const N_GLASS: f64 = 1.526;
/// Glass extinction coefficient [1/m].
pub const K_GLASS: f64 = 4.0;
/// Glass thickness [m].
pub const L_GLASS: f64 = 0.002;
/// Refractive index of the anti-reflective coating [-] (ssc).
pub const N_AR: f64 = 1.3;
/// Extinction coefficient of the coating [1/m].
pub const K_AR: f64 = 4.0;
/// Thickness of the coating [m]: 1/100 of the glass (ssc).
pub const L_AR: f64 = L_GLASS * 0.01;

/// Transmittance [-] of a cover layer of refractive index `n_cover` entered from a medium of index
/// `n_incoming` at an incidence angle of cosine `cos_incidence`, with Bouguer absorption exp(−K·L/
/// cos θ₂) for the product `kl` = K·L [-]; also returns cos θ₂ of the refracted ray
/// (Duffie & Beckman §5.1–5.2; ssc `transmittance`).
pub fn fresnel_bouguer_transmittance(
    cos_incidence: f64,
    n_incoming: f64,
    n_cover: f64,
    kl: f64,
) -> (f64, f64) {
    let c1 = cos_incidence.clamp(0.0, 1.0);
    let ratio = n_incoming / n_cover;
    // Snell: sin θ₂ = (n₁/n₂)·sin θ₁, so cos²θ₂ = 1 − (n₁/n₂)²·(1 − cos²θ₁).
    let c2 = (1.0 - ratio * ratio * (1.0 - c1 * c1)).sqrt();
    let (a, b) = (n_incoming * c1, n_cover * c2);
    let (c, d) = (n_incoming * c2, n_cover * c1);
    // r_s + r_p over one common denominator.
    let (s_num, s_den) = ((a - b) * (a - b), (a + b) * (a + b));
    let (p_num, p_den) = ((c - d) * (c - d), (c + d) * (c + d));
    let reflected = (s_num * p_den + p_num * s_den) / (s_den * p_den);
    ((1.0 - 0.5 * reflected) * exp_neg_small(kl / c2), c2)
}

/// e^−x for the small absorption exponents K·L/cos θ₂ (< 0.02 for module glass and coating): a
/// Taylor polynomial to x⁶ (relative error below 2e-15); larger arguments use `exp`.
#[inline]
fn exp_neg_small(x: f64) -> f64 {
    if x > 0.05 {
        return (-x).exp();
    }
    1.0 - x
        * (1.0
            - x * 0.5
                * (1.0
                    - x * (1.0 / 3.0)
                        * (1.0 - x * 0.25 * (1.0 - x * 0.2 * (1.0 - x * (1.0 / 6.0))))))
}

/// Transmittance [-] of the module cover at an incidence angle of cosine `cos_incidence`: glass, or
/// the coating and then the glass entered from the coating (ssc, AR case).
pub fn cover_transmittance(cos_incidence: f64, ar_coating: bool) -> f64 {
    if ar_coating {
        let (tau_ar, c_ar) = fresnel_bouguer_transmittance(cos_incidence, 1.0, N_AR, K_AR * L_AR);
        let (tau_glass, _) = fresnel_bouguer_transmittance(c_ar, N_AR, N_GLASS, K_GLASS * L_GLASS);
        tau_ar * tau_glass
    } else {
        fresnel_bouguer_transmittance(cos_incidence, 1.0, N_GLASS, K_GLASS * L_GLASS).0
    }
}

/// Effective incidence angle of isotropic sky diffuse on a plane tilted `tilt_deg` [°]:
/// 59.7 − 0.1388β + 0.001497β² [°] (Brandemuehl & Beckman 1980; Duffie & Beckman eq. 5.4.2).
pub fn sky_diffuse_equivalent_angle(tilt_deg: f64) -> f64 {
    59.7 - 0.1388 * tilt_deg + 0.001497 * tilt_deg * tilt_deg
}

/// Effective incidence angle of ground-reflected diffuse: 90 − 0.5788β + 0.002693β² [°]
/// (Duffie & Beckman eq. 5.4.1).
pub fn ground_diffuse_equivalent_angle(tilt_deg: f64) -> f64 {
    90.0 - 0.5788 * tilt_deg + 0.002693 * tilt_deg * tilt_deg
}

/// cos 89°, cos 1°: the beam angle of incidence is clipped to [1°, 89°] (ssc).
const COS_89: f64 = 0.017_452_406_437_283_5;
const COS_1: f64 = 0.999_847_695_156_391_2;

/// The De Soto cover model of one plane: transmittances normalised to normal incidence for beam
/// (by angle of incidence), sky diffuse and ground diffuse (fixed for the tilt), as ssc
/// `calculateIrradianceThroughCoverDeSoto`. With the AR coating, the normal-incidence reference is
/// the coating at 1° followed by glass entered *from air* at the coating's refraction angle, and
/// the diffuse terms are glass-only, each ratio capped at 1 — ssc's choices, kept for parity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CoverModel {
    pub ar_coating: bool,
    /// Transmittance at normal incidence (1°) [-].
    pub tau_normal: f64,
    inv_tau_normal: f64,
    /// Sky-diffuse modifier [-].
    pub sky: f64,
    /// Ground-diffuse modifier [-].
    pub ground: f64,
}

impl CoverModel {
    /// The cover model of a plane tilted `tilt_deg` [°].
    pub fn desoto(tilt_deg: f64, ar_coating: bool) -> CoverModel {
        let tau_normal = if ar_coating {
            let (tau_ar, c_ar) = fresnel_bouguer_transmittance(COS_1, 1.0, N_AR, K_AR * L_AR);
            tau_ar * fresnel_bouguer_transmittance(c_ar, 1.0, N_GLASS, K_GLASS * L_GLASS).0
        } else {
            fresnel_bouguer_transmittance(COS_1, 1.0, N_GLASS, K_GLASS * L_GLASS).0
        };
        let glass = |angle_deg: f64| {
            fresnel_bouguer_transmittance((angle_deg * DEG).cos(), 1.0, N_GLASS, K_GLASS * L_GLASS)
                .0
        };
        CoverModel {
            ar_coating,
            tau_normal,
            inv_tau_normal: 1.0 / tau_normal,
            sky: (glass(sky_diffuse_equivalent_angle(tilt_deg)) / tau_normal).fmin(1.0),
            ground: (glass(ground_diffuse_equivalent_angle(tilt_deg)) / tau_normal).fmin(1.0),
        }
    }

    /// Beam incidence-angle modifier [-] at cos(angle of incidence), the angle clipped to [1°, 89°].
    pub fn beam(&self, cos_aoi: f64) -> f64 {
        (cover_transmittance(cos_aoi.clamp(COS_89, COS_1), self.ar_coating) * self.inv_tau_normal)
            .fmin(1.0)
    }

    /// Irradiance transmitted through the cover [W/m²] from the plane-of-array beam, sky-diffuse and
    /// ground-diffuse components [W/m²].
    pub fn transmitted(&self, cos_aoi: f64, beam: f64, sky: f64, ground: f64) -> f64 {
        let b = if beam != 0.0 {
            beam * self.beam(cos_aoi)
        } else {
            0.0
        };
        (b + sky * self.sky + ground * self.ground).fmax(0.0)
    }
}
