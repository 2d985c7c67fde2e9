//! The sun and the light on a plane: solar position (NREL SPA), the per-row sun path of a weather
//! file, plane-of-array irradiance (sky models), cover losses and the spectral correction.
//!
//! Degrees at the API, radians inside; azimuth east of north (0 = north, 90 = east, 180 = south).

pub mod daily;
pub mod iam;
pub mod irradiance;
pub mod position;
pub mod spectral;
pub mod spencer;
pub mod sunpath;

pub use irradiance::SkyModel;

/// The solar constant [W/m²] of Duffie & Beckman and of ssc (PVWatts v8 and its Perez model).
pub const SOLAR_CONSTANT_W_M2: f64 = 1367.0;
pub use sunpath::{SunPath, SunState};

/// `x` kept in [lo, hi] with the comparisons of `f64::clamp` (NaN stays NaN), for bounds that
/// are not constants: `f64::clamp` then asserts lo ≤ hi, and that panic message prints both with
/// core's float formatting, which the wasm otherwise does not need (issue 9).
pub fn clamp(x: f64, lo: f64, hi: f64) -> f64 {
    if x < lo {
        lo
    } else if x > hi {
        hi
    } else {
        x
    }
}
