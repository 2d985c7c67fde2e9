//! Row spacing of tilted rows on a flat roof by GB 50797-2012 《光伏发电站设计规范》 §7.2.2 item 2
//! (光伏方阵各排、列的布置间距应保证每天 9:00～15:00（当地真太阳时）时段内前、后、左、右互不遮挡).
//! The clause number and wording are as quoted by 坎德拉学院 (Candela Academy, WeChat article
//! 《新版光伏设计规范》, mirrored at www.bjzdjc.com/536462e1e7), not read in the standard itself:
//! *to confirm*. The same article reports that the revision's consultation draft (征求意见稿) softens
//! 应 to 宜 and keeps only 前、后. The clause asks for every day; the winter solstice is the day of the
//! lowest sun and longest shadows, so a pitch that holds then holds every day (the usual Chinese
//! design practice): no row may shade the next between 9:00 and 15:00 local true solar time on it.
//!
//! The sun at 9:00 true solar time (hour angle ω = −45°, 15:00 is its mirror) on the solstice
//! (declination δ = −23.45°, the value of the usual Chinese design formula) at latitude φ:
//!
//! ```text
//! sin α = sin φ · sin δ + cos φ · cos δ · cos ω                  (solar altitude α)
//! cos γ = (sin α · sin φ − sin δ) / (cos α · cos φ)              (azimuth γ from due south)
//! ```
//!
//! A row of slope length L [m] tilted β casts, from its top edge (height H = L · sin β above its
//! foot), a shadow whose reach along the row's normal (azimuth ψ from south) is
//! H · cos(γ ∓ ψ) / tan α; the pitch between the feet of two rows is therefore
//!
//! ```text
//! D = L · cos β + L · sin β · max(cos(γ − ψ), cos(γ + ψ)) / tan α
//! ```
//!
//! For south-facing rows (ψ = 0) with cos γ ≈ 0.707 this is the familiar
//! `D = 0.707 H / tan(arcsin(0.648 cos φ − 0.399 sin φ))` of Chinese design manuals (0.648 =
//! cos 45° · cos 23.45°, 0.399 = sin 23.45°) plus the row's own plan depth L · cos β; we use the
//! exact azimuth instead of 0.707 (at 39° N γ = 42.1°, cos γ = 0.742).

use crate::check::out_of_range;
use crate::decimal::dec;
use crate::error::ScenarioError;

/// Declination of the sun on the winter solstice [°] (northern hemisphere; the design value).
pub const SOLSTICE_DECLINATION_DEG: f64 = -23.45;
/// Hour angle at 9:00 local true solar time [°] (15:00 is +45°).
pub const HOUR_ANGLE_9H_DEG: f64 = -45.0;

/// The sun at 9:00 true solar time on the winter solstice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SolsticeSun {
    /// Solar altitude α [°].
    pub altitude_deg: f64,
    /// Solar azimuth γ measured from due south (towards the equator) [°].
    pub azimuth_from_south_deg: f64,
}

/// The sun at 9:00 on the local winter solstice at `latitude_deg` [°] (in the southern hemisphere
/// the June solstice, mirrored: only |φ| matters). Fails where the sun is not above the horizon.
pub fn solstice_sun(latitude_deg: f64, field: &str) -> Result<SolsticeSun, ScenarioError> {
    let phi = latitude_deg.abs().to_radians();
    let delta = SOLSTICE_DECLINATION_DEG.to_radians();
    let omega = HOUR_ANGLE_9H_DEG.to_radians();
    let sin_alpha = phi.sin() * delta.sin() + phi.cos() * delta.cos() * omega.cos();
    // Below ≈2° the shadow is longer than any roof; at |φ| ≥ 64.3° the sun is down at 9:00.
    if sin_alpha < 2f64.to_radians().sin() {
        return Err(out_of_range(
            field,
            format!(
                "({}°): the winter-solstice sun at 9:00 is too low for the GB 50797 row rule (rows need a latitude within ±64°)",
                dec(latitude_deg)
            ),
            format!(
                "（{}°）：冬至日 9:00 太阳高度过低，无法按 GB 50797 计算前后排间距（纬度须在 ±64° 以内）",
                dec(latitude_deg)
            ),
        ));
    }
    let alpha = sin_alpha.asin();
    let cos_gamma = ((sin_alpha * phi.sin() - delta.sin()) / (alpha.cos() * phi.cos())).min(1.0);
    Ok(SolsticeSun {
        altitude_deg: alpha.to_degrees(),
        azimuth_from_south_deg: cos_gamma.acos().to_degrees(),
    })
}

/// Reach [m] of the shadow of a height `height_m` along a normal `normal_from_south_deg` [°] from
/// south, the longer of 9:00 and 15:00: `H · max(cos(γ − ψ), cos(γ + ψ)) / tan α`.
pub fn shadow_reach_m(sun: &SolsticeSun, height_m: f64, normal_from_south_deg: f64) -> f64 {
    let gamma = sun.azimuth_from_south_deg.to_radians();
    let psi = normal_from_south_deg.to_radians();
    let along = (gamma - psi).cos().max((gamma + psi).cos()).max(0.0);
    height_m * along / sun.altitude_deg.to_radians().tan()
}

/// Pitch D [m] between the feet of two rows of slope length `slope_m` tilted `tilt_deg`:
/// `D = L cos β + shadow_reach(L sin β)`.
pub fn row_pitch_m(
    sun: &SolsticeSun,
    slope_m: f64,
    tilt_deg: f64,
    normal_from_south_deg: f64,
) -> f64 {
    let beta = tilt_deg.to_radians();
    slope_m * beta.cos() + shadow_reach_m(sun, slope_m * beta.sin(), normal_from_south_deg)
}
