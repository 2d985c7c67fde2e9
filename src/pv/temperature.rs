//! Cell temperature: the SAM NOCT model as PVWatts v8 uses it.
//!
//! References: NREL SAM, "CEC performance model with module database: NOCT cell temperature model"
//! (Duffie & Beckman §23.3 energy balance, with the wind adjustment 9.5/(5.7 + 3.8·v));
//! NREL ssc `shared/lib_cec6par.cpp` (`noct_celltemp_t`) and `ssc/cmod_pvwattsv8.cpp`
//! (T_NOCT 49 °C roof mount, 45 °C otherwise; wind factor 0.51 for arrays below 22 ft; no standoff
//! adjustment). pvlib `temperature.noct_sam` is a close relative.

use crate::minmax::MinMax;

/// NOCT of a roof-mounted (flush) array in PVWatts v8 [°C].
pub const NOCT_ROOF_MOUNT: f64 = 49.0;
/// NOCT of an open-rack array in PVWatts v8 [°C].
pub const NOCT_OPEN_RACK: f64 = 45.0;
/// Wind-speed adjustment from 10 m to module height (arrays below 22 ft) [-].
pub const WIND_FACTOR: f64 = 0.51;
/// Transmittance-absorptance product assumed by the model [-].
pub const TAU_ALPHA: f64 = 0.9;

/// SAM NOCT cell temperature [°C], in the form PVWatts v8 (PySAM 7.1.1) applies it:
/// T_c = T_a + (G_eff/800)·(T_NOCT − 20)·(1 − η_ref/τα)·9.5/(5.7 + 3.8·0.51·v), τα = 0.9.
///
/// `poa_effective` [W/m²] is the irradiance reaching the cells after cover and spectral losses
/// (the heat input of the energy balance), `temp_air` [°C], `wind_speed` [m/s] at 10 m (floored at
/// 0.001 m/s after the height factor), `t_noct` [°C], `eta_ref` [-] the module efficiency at
/// reference conditions. Without effective irradiance the cells are at air temperature.
///
/// ssc's `noct_celltemp_t` source reads T_a + (G/800)(T_NOCT − 20)(1 − η/(0.9·G_eff/G))…, with G
/// the irradiance on the cover; PySAM 7.1.1's `tcell` output follows the effective-irradiance form
/// above hour by hour (to 0.01 °C on the parity files), so that is the form kept.
pub fn noct_sam(
    poa_effective: f64,
    temp_air: f64,
    wind_speed: f64,
    t_noct: f64,
    eta_ref: f64,
) -> f64 {
    if poa_effective.is_nan() || poa_effective <= 0.0 {
        return temp_air;
    }
    NoctSam::new(t_noct, eta_ref).cell_temperature(poa_effective, temp_air, wind_speed)
}

/// [`noct_sam`] with its constant factor (T_NOCT − 20)/800·(1 − η_ref/τα)·9.5 precomputed, for
/// the hourly loop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NoctSam {
    factor: f64,
}

impl NoctSam {
    pub fn new(t_noct: f64, eta_ref: f64) -> NoctSam {
        NoctSam {
            factor: (t_noct - 20.0) / 800.0 * (1.0 - eta_ref / TAU_ALPHA) * 9.5,
        }
    }

    /// Cell temperature [°C] at an effective irradiance [W/m²], air temperature [°C] and wind
    /// speed at 10 m [m/s] (as [`noct_sam`]).
    #[inline]
    pub fn cell_temperature(&self, poa_effective: f64, temp_air: f64, wind_speed: f64) -> f64 {
        if poa_effective.is_nan() || poa_effective <= 0.0 {
            return temp_air;
        }
        let wind = (wind_speed * WIND_FACTOR).fmax(0.001);
        temp_air + poa_effective * self.factor / (5.7 + 3.8 * wind)
    }
}
