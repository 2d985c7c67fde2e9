//! The sun and the light on a plane: solar position (NREL SPA), the per-row sun path of a weather
//! file, plane-of-array irradiance (sky models), cover losses and the spectral correction.
//!
//! Degrees at the API, radians inside; azimuth east of north (0 = north, 90 = east, 180 = south).

pub mod iam;
pub mod irradiance;
pub mod position;
pub mod spectral;
pub mod spencer;
pub mod sunpath;

pub use irradiance::SkyModel;
pub use sunpath::{SunPath, SunState};
