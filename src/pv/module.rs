//! The module: the CEC six-parameter single-diode model (De Soto et al. 2006) and its maximum
//! power point, for the three PVWatts v8 module types.
//!
//! References: W. De Soto, S. A. Klein, W. A. Beckman, "Improvement and validation of a model for
//! photovoltaic array performance", Solar Energy 80 (2006) 78–88 (translation of the five
//! parameters to operating conditions, eqs. 8–14); A. P. Dobos, "An improved coefficient calculator
//! for the California Energy Commission 6 parameter photovoltaic module model", J. Sol. Energy
//! Eng. 134 (2012) (the `Adjust` parameter); J. W. Bishop, "Computer simulation of the effects of
//! electrical mismatches in photovoltaic cell interconnection circuits", Solar Cells 25 (1988)
//! 73–89 (the diode-voltage parameterisation used here to find the maximum power point, as pvlib
//! `singlediode` 'newton'/'brentq'); NREL ssc `shared/lib_cec6par.cpp` (`cec6par_module_t`) and
//! `ssc/cmod_pvwattsv8.cpp` (the parameter sets, carried over).

/// Boltzmann constant [eV/K] (value used by ssc `lib_cec6par.cpp`).
pub const BOLTZMANN_EV: f64 = 8.618e-5;
/// Band gap at reference conditions [eV] (silicon; ssc `eg0`).
pub const EG_REF: f64 = 1.12;
/// Relative temperature dependence of the band gap [1/K] (De Soto et al. 2006).
pub const DEG_DT: f64 = -0.000_267_7;
/// Reference cell temperature [K].
pub const T_REF_K: f64 = 298.15;
/// Reference irradiance [W/m²].
pub const G_REF: f64 = 1000.0;

/// CEC six-parameter model of one module at reference conditions (1000 W/m², 25 °C).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CecParameters {
    /// Module area [m²].
    pub area: f64,
    /// Maximum-power voltage [V].
    pub v_mp: f64,
    /// Maximum-power current [A].
    pub i_mp: f64,
    /// Open-circuit voltage [V].
    pub v_oc: f64,
    /// Short-circuit current [A].
    pub i_sc: f64,
    /// Temperature coefficient of I_sc [A/K].
    pub alpha_sc: f64,
    /// Temperature coefficient of V_oc [V/K].
    pub beta_oc: f64,
    /// Modified ideality factor a = N_s·n·k·T/q [V].
    pub a_ref: f64,
    /// Light current [A].
    pub i_l_ref: f64,
    /// Diode saturation current [A].
    pub i_o_ref: f64,
    /// Series resistance [Ω].
    pub r_s: f64,
    /// Shunt resistance [Ω].
    pub r_sh_ref: f64,
    /// Adjustment of the temperature coefficient of I_sc [%] (Dobos 2012).
    pub adjust: f64,
}

impl CecParameters {
    /// Nameplate power at reference conditions, V_mp·I_mp [W].
    pub fn p_mp(&self) -> f64 {
        self.v_mp * self.i_mp
    }

    /// Efficiency at reference conditions [-].
    pub fn efficiency(&self) -> f64 {
        self.p_mp() / (G_REF * self.area)
    }
}

/// PVWatts v8 standard module: Canadian Solar CS1H-320MS (ssc `cmod_pvwattsv8.cpp`, parameters
/// by SAM 2020.2.29 r3).
pub const CEC_STANDARD: CecParameters = CecParameters {
    area: 1.6864,
    v_mp: 35.8,
    i_mp: 9.01,
    v_oc: 43.3,
    i_sc: 9.51,
    alpha_sc: 0.004755,
    beta_oc: -0.12557,
    a_ref: 1.65916,
    i_l_ref: 9.51393,
    i_o_ref: 4.37813e-11,
    r_s: 0.269953,
    r_sh_ref: 654.059,
    adjust: 5.79586,
};

/// PVWatts v8 premium module: SunPower SPR-E20-327 (ssc `cmod_pvwattsv8.cpp`).
pub const CEC_PREMIUM: CecParameters = CecParameters {
    area: 1.6297,
    v_mp: 54.7,
    i_mp: 5.98,
    v_oc: 64.9,
    i_sc: 6.46,
    alpha_sc: 0.0026,
    beta_oc: -0.1766,
    a_ref: 2.45326,
    i_l_ref: 6.4704,
    i_o_ref: 2.01784e-11,
    r_s: 0.421231,
    r_sh_ref: 261.723,
    adjust: 9.56482,
};

/// PVWatts v8 thin-film module: First Solar FS-6435A (ssc `cmod_pvwattsv8.cpp`).
pub const CEC_THIN_FILM: CecParameters = CecParameters {
    area: 2.4751,
    v_mp: 183.6,
    i_mp: 2.37,
    v_oc: 219.6,
    i_sc: 2.55,
    alpha_sc: 0.00102,
    beta_oc: -0.61488,
    a_ref: 7.97293,
    i_l_ref: 2.55475,
    i_o_ref: 2.69243e-12,
    r_s: 4.60991,
    r_sh_ref: 2476.95,
    adjust: -2.49865,
};

/// The PVWatts v8 module types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ModuleType {
    #[default]
    Standard,
    Premium,
    ThinFilm,
}

impl ModuleType {
    /// The CEC parameters of the representative module.
    pub fn cec(self) -> &'static CecParameters {
        match self {
            ModuleType::Standard => &CEC_STANDARD,
            ModuleType::Premium => &CEC_PREMIUM,
            ModuleType::ThinFilm => &CEC_THIN_FILM,
        }
    }

    /// Nominal efficiency PVWatts v8 uses for the array layout (module size, rows) [-].
    pub fn layout_efficiency(self) -> f64 {
        match self {
            ModuleType::Standard => 0.19,
            ModuleType::Premium => 0.21,
            ModuleType::ThinFilm => 0.18,
        }
    }

    /// Anti-reflective coated glass (all three PVWatts v8 types).
    pub fn ar_coating(self) -> bool {
        true
    }
}

/// The five single-diode parameters at operating conditions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DiodeParameters {
    /// Light current [A].
    pub i_l: f64,
    /// Saturation current [A].
    pub i_o: f64,
    /// Modified ideality factor [V].
    pub a: f64,
    /// Series resistance [Ω].
    pub r_s: f64,
    /// Shunt resistance [Ω].
    pub r_sh: f64,
}

/// De Soto et al. 2006 translation to an effective irradiance [W/m²] (after cover and spectral
/// losses) and cell temperature [°C]: I_L = S/S_ref·(I_L,ref + α′·ΔT) with α′ = α_sc·(1 − Adj/100),
/// I_o = I_o,ref·(T/T_ref)³·exp((E_g,ref/T_ref − E_g/T)/k), E_g = E_g,ref·(1 − 0.0002677·ΔT),
/// a = a_ref·T/T_ref, R_sh = R_sh,ref·S_ref/S (ssc `cec6par_module_t`).
pub fn desoto_parameters(
    p: &CecParameters,
    effective_irradiance: f64,
    temp_cell_c: f64,
) -> DiodeParameters {
    let t = temp_cell_c + 273.15;
    let dt = t - T_REF_K;
    let mu_isc = p.alpha_sc * (1.0 - p.adjust / 100.0);
    let i_l = (effective_irradiance / G_REF * (p.i_l_ref + mu_isc * dt)).max(0.0);
    let eg = EG_REF * (1.0 + DEG_DT * dt);
    let i_o =
        p.i_o_ref * (t / T_REF_K).powi(3) * ((EG_REF / T_REF_K - eg / t) / BOLTZMANN_EV).exp();
    DiodeParameters {
        i_l,
        i_o,
        a: p.a_ref * t / T_REF_K,
        r_s: p.r_s,
        r_sh: p.r_sh_ref * G_REF / effective_irradiance,
    }
}

/// The maximum power point of a single-diode curve.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MaxPowerPoint {
    /// [W].
    pub p_mp: f64,
    /// [V].
    pub v_mp: f64,
    /// [A].
    pub i_mp: f64,
}

/// Current, voltage, power and their first and second derivatives along the diode voltage v:
/// I = I_L − I_o(e^{v/a} − 1) − v/R_sh, V = v − I·R_s (Bishop 1988).
#[inline]
fn bishop(d: &DiodeParameters, v: f64) -> (f64, f64, f64, f64) {
    let e = d.i_o * (v / d.a).exp();
    let i = d.i_l - (e - d.i_o) - v / d.r_sh;
    let di = -e / d.a - 1.0 / d.r_sh;
    let ddi = -e / (d.a * d.a);
    let volt = v - i * d.r_s;
    let dv = 1.0 - d.r_s * di;
    let dp = di * volt + i * dv;
    let ddp = ddi * (volt - d.r_s * i) + 2.0 * di * dv;
    (i, volt, dp, ddp)
}

/// Maximum power point of the single-diode equation I = I_L − I_o(exp((V + I·R_s)/a) − 1) −
/// (V + I·R_s)/R_sh, solved along the diode voltage v = V + I·R_s (Bishop 1988): Newton's method on
/// dP/dv = 0 from the ideal-diode estimate, kept inside a bracket [0, a·ln(1 + I_L/I_o)] where
/// dP/dv changes sign, with bisection when a step leaves it. Converges to |Δv| < 1e-11·a
/// (relative power error far below 1e-9). Zero power for I_L = 0.
pub fn single_diode_max_power(d: &DiodeParameters) -> MaxPowerPoint {
    if !(d.i_l > 0.0 && d.i_o > 0.0 && d.a > 0.0 && d.r_sh > 0.0) {
        return MaxPowerPoint::default();
    }
    let ratio = d.i_l / d.i_o;
    let mut lo = 0.0;
    let mut hi = d.a * ratio.ln_1p();
    let l = ratio.ln();
    let x0 = if l > 1.0 {
        l - l.ln_1p()
    } else {
        0.5 * l.max(0.0)
    };
    let mut v = (d.a * x0).clamp(0.0, hi);
    let tol = 1e-11 * d.a;
    for _ in 0..60 {
        let (_, _, dp, ddp) = bishop(d, v);
        if dp > 0.0 {
            lo = v;
        } else {
            hi = v;
        }
        let mut next = if ddp < 0.0 { v - dp / ddp } else { f64::NAN };
        if !(next > lo && next < hi) {
            next = 0.5 * (lo + hi);
        }
        let step = (next - v).abs();
        v = next;
        if step < tol || hi - lo < tol {
            break;
        }
    }
    let (i, volt, _, _) = bishop(d, v);
    if i <= 0.0 || volt <= 0.0 {
        return MaxPowerPoint::default();
    }
    MaxPowerPoint {
        p_mp: i * volt,
        v_mp: volt,
        i_mp: i,
    }
}

/// DC power of one module at its maximum power point [W] (CEC model; ssc `cec6par_module_t` with
/// opvoltage < 0): zero below 1 W/m² of effective irradiance [W/m²], as ssc.
pub fn cec_max_power(p: &CecParameters, effective_irradiance: f64, temp_cell_c: f64) -> f64 {
    if effective_irradiance.is_nan() || effective_irradiance < 1.0 {
        return 0.0;
    }
    single_diode_max_power(&desoto_parameters(p, effective_irradiance, temp_cell_c)).p_mp
}
