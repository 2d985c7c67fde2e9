//! Sun position: the NREL Solar Position Algorithm (SPA) with atmospheric refraction, and sunrise,
//! transit and sunset (SPA appendix A.2).
//!
//! Reference: I. Reda and A. Andreas, "Solar position algorithm for solar radiation applications",
//! Solar Energy 76(5) 577–589 (2004), doi:10.1016/j.solener.2003.12.003; NREL/TP-560-34302 (rev. 2008).
//! Tables A4.2 (Earth periodic terms) and A4.3 (nutation terms) are carried over from the paper.
//! pvlib-python `pvlib/spa.py` (`solarposition.spa_python`) is the implementation the tests compare with.
//!
//! Angles are degrees at the API. Azimuth is measured east of north (0 = north, 90 = east,
//! 180 = south). Times are local standard time with an explicit UTC offset; ΔT = TT − UT1 [s].
//!
//! The SPA is split in two stages: the geocentric sun ([`geocentric`], the costly periodic-term sums,
//! a function of Terrestrial Time only) and the topocentric, refracted position ([`topocentric`],
//! a handful of trigonometric calls for one observer). [`GeocentricCache`] evaluates the geocentric
//! stage on a grid of days and interpolates between the grid points (the device of SPA appendix A.2,
//! here with 4-point Lagrange interpolation on a 2-day grid, the grid points advanced by angle addition),
//! so a year of hourly positions costs a few multiplications per periodic term and day plus a
//! handful of trigonometric calls per hour, with an added error below 1e-5°.

use std::f64::consts::PI;

const DEG: f64 = PI / 180.0;
const RAD: f64 = 180.0 / PI;

/// Julian day of 2000-01-01 00:00 (the grid origin of [`GeocentricCache`]).
const JD_2000_MIDNIGHT: f64 = 2_451_544.5;

/// Sun altitude at sunrise and sunset [°]: standard refraction 34′ plus the solar semidiameter 16′
/// (SPA appendix A.2, h0′ = −0.8333°).
pub const SUNRISE_ALTITUDE: f64 = -0.8333;

/// ⌊x⌋ without a library call (the baseline x86-64 and wasm targets differ on `floor`), for
/// |x| < 2⁶³.
#[inline]
pub(crate) fn floor_fast(x: f64) -> f64 {
    let t = x as i64 as f64;
    if t > x {
        t - 1.0
    } else {
        t
    }
}

/// An angle [°] reduced to [0, 360).
#[inline]
pub(crate) fn mod360(x: f64) -> f64 {
    let r = x - 360.0 * floor_fast(x * (1.0 / 360.0));
    if r >= 360.0 {
        r - 360.0
    } else {
        r
    }
}

/// sin and cos of an angle [°] of any size: reduced exactly to r ∈ [−45°, 45°] about the nearest
/// multiple q of 90° (x − 90q is exact for |x| < 2⁴⁶°), then Taylor polynomials in t = r·π/180
/// (|t| ≤ π/4: terms to t¹⁵ for the sine and t¹⁶ for the cosine, truncation below 6e-17
/// relative), and the quadrant by q mod 4 (Cody and Waite's reduction, here in degrees, where
/// it is exact). Agrees with `f64::sin_cos` of x·π/180 to a few ulp, and is more accurate for
/// large x; wasm has no sine instruction, and this costs about a third of the library's pair of
/// calls there.
#[inline]
pub(crate) fn sin_cos_deg(x: f64) -> (f64, f64) {
    let q = floor_fast(x * (1.0 / 90.0) + 0.5);
    let t = (x - 90.0 * q) * DEG;
    let t2 = t * t;
    // 1/n! for the odd and even powers.
    const S: [f64; 7] = [
        -1.0 / 6.0,
        1.0 / 120.0,
        -1.0 / 5040.0,
        1.0 / 362_880.0,
        -1.0 / 39_916_800.0,
        1.0 / 6_227_020_800.0,
        -1.0 / 1_307_674_368_000.0,
    ];
    const C: [f64; 8] = [
        -0.5,
        1.0 / 24.0,
        -1.0 / 720.0,
        1.0 / 40_320.0,
        -1.0 / 3_628_800.0,
        1.0 / 479_001_600.0,
        -1.0 / 87_178_291_200.0,
        1.0 / 20_922_789_888_000.0,
    ];
    let ps = S[0] + t2 * (S[1] + t2 * (S[2] + t2 * (S[3] + t2 * (S[4] + t2 * (S[5] + t2 * S[6])))));
    let pc = C[0]
        + t2 * (C[1]
            + t2 * (C[2] + t2 * (C[3] + t2 * (C[4] + t2 * (C[5] + t2 * (C[6] + t2 * C[7]))))));
    let (s, c) = (t + t * t2 * ps, 1.0 + t2 * pc);
    match (q as i64) & 3 {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// arctan x [rad] by the rational approximation of the Cephes Mathematical Library (S. L. Moshier,
/// `atan.c`: reduction to |x| ≤ 0.66 with tan(π/8) and tan(3π/8), then x + x·z·P(z)/Q(z),
/// z = x²), relative error ≈ 1e-16 (tested against `f64::atan2`); a few times faster than the
/// library call on the baseline x86-64 target.
#[inline]
fn atan_cephes(x: f64) -> f64 {
    const P: [f64; 5] = [
        -8.750_608_600_031_904e-1,
        -1.615_753_718_733_365e1,
        -7.500_855_792_314_705e1,
        -1.228_866_684_490_136e2,
        -6.485_021_904_942_025e1,
    ];
    const Q: [f64; 5] = [
        2.485_846_490_142_306e1,
        1.650_270_098_316_988_5e2,
        4.328_810_604_912_903e2,
        4.853_903_996_359_137e2,
        1.945_506_571_482_614e2,
    ];
    const T3P8: f64 = 2.414_213_562_373_095;
    const MOREBITS: f64 = 6.123_233_995_736_766e-17;
    let (sign, a) = if x < 0.0 { (-1.0, -x) } else { (1.0, x) };
    let (base, t, extra) = if a > T3P8 {
        (PI / 2.0, -1.0 / a, MOREBITS)
    } else if a <= 0.66 {
        (0.0, a, 0.0)
    } else {
        (PI / 4.0, (a - 1.0) / (a + 1.0), 0.5 * MOREBITS)
    };
    let z = t * t;
    let p = (((P[0] * z + P[1]) * z + P[2]) * z + P[3]) * z + P[4];
    let q = ((((z + Q[0]) * z + Q[1]) * z + Q[2]) * z + Q[3]) * z + Q[4];
    sign * (base + (t * z * p / q + t) + extra)
}

/// atan2(y, x) [rad] in (−π, π] from [`atan_cephes`].
#[inline(always)]
pub(crate) fn atan2_fast(y: f64, x: f64) -> f64 {
    if x > 0.0 {
        atan_cephes(y / x)
    } else if x < 0.0 {
        let a = atan_cephes(y / x);
        if y >= 0.0 {
            a + PI
        } else {
            a - PI
        }
    } else if y > 0.0 {
        PI / 2.0
    } else if y < 0.0 {
        -PI / 2.0
    } else {
        0.0
    }
}

// ---------------------------------------------------------------------------------------------
// Calendar and time scales
// ---------------------------------------------------------------------------------------------

/// Days from 1970-01-01 to a date of the proleptic Gregorian calendar
/// ([`crate::calendar::days_from_civil`] in the types of a weather stamp).
pub fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    crate::calendar::days_from_civil(year.into(), month.into(), day.into())
}

/// The date (year, month, day) of a day count from 1970-01-01 (inverse of [`days_from_civil`]).
pub fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let (year, month, day) = crate::calendar::civil_from_days(days);
    (year as i32, month as u8, day as u8)
}

/// Julian day (UT) of the local standard time `hours` [h] on a date, in a zone `timezone_h` [h]
/// east of UTC (SPA eq. 4, through the day count from 1970-01-01, JD 2440587.5).
pub fn julian_day(year: i32, month: u8, day: u8, hours: f64, timezone_h: f64) -> f64 {
    2_440_587.5 + days_from_civil(year, month, day) as f64 + (hours - timezone_h) / 24.0
}

/// ΔT = TT − UT1 [s] estimated from the year and month by the polynomials of F. Espenak and
/// J. Meeus (NASA, "Polynomial expressions for Delta T", 2006), as pvlib `spa.calculate_deltat`.
pub fn delta_t_espenak_meeus(year: i32, month: u8) -> f64 {
    let y = f64::from(year) + (f64::from(month) - 0.5) / 12.0;
    let long_term = |y: f64| -20.0 + 32.0 * ((y - 1820.0) / 100.0).powi(2);
    match year {
        i32::MIN..=1799 => long_term(y),
        1800..=1859 => {
            let t = y - 1800.0;
            13.72 - 0.332447 * t + 0.0068612 * t.powi(2) + 0.0041116 * t.powi(3)
                - 0.00037436 * t.powi(4)
                + 0.0000121272 * t.powi(5)
                - 0.0000001699 * t.powi(6)
                + 0.000000000875 * t.powi(7)
        }
        1860..=1899 => {
            let t = y - 1860.0;
            7.62 + 0.5737 * t - 0.251754 * t.powi(2) + 0.01680668 * t.powi(3)
                - 0.0004473624 * t.powi(4)
                + t.powi(5) / 233_174.0
        }
        1900..=1919 => {
            let t = y - 1900.0;
            -2.79 + 1.494119 * t - 0.0598939 * t.powi(2) + 0.0061966 * t.powi(3)
                - 0.000197 * t.powi(4)
        }
        1920..=1940 => {
            let t = y - 1920.0;
            21.20 + 0.84493 * t - 0.076100 * t.powi(2) + 0.0020936 * t.powi(3)
        }
        1941..=1960 => {
            let t = y - 1950.0;
            29.07 + 0.407 * t - t.powi(2) / 233.0 + t.powi(3) / 2547.0
        }
        1961..=1985 => {
            let t = y - 1975.0;
            45.45 + 1.067 * t - t.powi(2) / 260.0 - t.powi(3) / 718.0
        }
        1986..=2004 => {
            let t = y - 2000.0;
            63.86 + 0.3345 * t - 0.060374 * t.powi(2)
                + 0.0017275 * t.powi(3)
                + 0.000651814 * t.powi(4)
                + 0.00002373599 * t.powi(5)
        }
        2005..=2049 => {
            let t = y - 2000.0;
            62.92 + 0.32217 * t + 0.005589 * t.powi(2)
        }
        2050..=2149 => long_term(y) - 0.5628 * (2150.0 - y),
        _ => long_term(y),
    }
}

// ---------------------------------------------------------------------------------------------
// Geocentric stage (SPA steps 3.1–3.10)
// ---------------------------------------------------------------------------------------------

/// The geocentric sun at one instant (SPA sections 3.2–3.10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Geocentric {
    /// Geocentric right ascension α [°], in [0, 360).
    pub right_ascension: f64,
    /// Geocentric declination δ [°].
    pub declination: f64,
    /// Earth–sun distance R [AU].
    pub radius_au: f64,
    /// Nutation in longitude Δψ [°].
    pub nutation_longitude: f64,
    /// True obliquity of the ecliptic ε [°].
    pub true_obliquity: f64,
}

impl Geocentric {
    /// Nutation correction of the sidereal time, Δψ·cos ε [°] (SPA eq. 15).
    pub fn sidereal_nutation(&self) -> f64 {
        self.nutation_longitude * (self.true_obliquity * DEG).cos()
    }
}

/// The thirteen Earth periodic-term series of Table A4.2, in the order L0–L5, B0–B1, R0–R4.
const EARTH_SERIES: [&[[f64; 3]]; 13] = [
    &L0, &L1, &L2, &L3, &L4, &L5, &B0, &B1, &R0, &R1, &R2, &R3, &R4,
];

/// Mean elongation of the moon, mean anomalies of sun and moon, moon's argument of latitude and
/// ascending node X0–X4 [°] (SPA eqs. 15–19), and their rates d/dJCE [°/century].
fn nutation_arguments(jce: f64) -> ([f64; 5], [f64; 5]) {
    const C: [[f64; 4]; 5] = [
        [297.85036, 445_267.111_480, -0.001_914_2, 1.0 / 189_474.0],
        [357.52772, 35_999.050_340, -0.000_160_3, -1.0 / 300_000.0],
        [134.96298, 477_198.867_398, 0.008_697_2, 1.0 / 56_250.0],
        [93.27191, 483_202.017_538, -0.003_682_5, 1.0 / 327_270.0],
        [125.04452, -1_934.136_261, 0.002_070_8, 1.0 / 450_000.0],
    ];
    let mut x = [0.0; 5];
    let mut dx = [0.0; 5];
    for j in 0..5 {
        let c = &C[j];
        x[j] = c[0] + jce * (c[1] + jce * (c[2] + jce * c[3]));
        dx[j] = c[1] + jce * (2.0 * c[2] + 3.0 * jce * c[3]);
    }
    (x, dx)
}

fn nutation_argument(y: &[i8; 5], x: &[f64; 5]) -> f64 {
    f64::from(y[0]) * x[0]
        + f64::from(y[1]) * x[1]
        + f64::from(y[2]) * x[2]
        + f64::from(y[3]) * x[3]
        + f64::from(y[4]) * x[4]
}

/// SPA sections 3.2–3.10 from the sums S_i of the thirteen Earth series (Σ A·cos(B + C·JME) of
/// each) and the nutation sums Σ(a + b·JCE)·sin(arg), Σ(c + d·JCE)·cos(arg).
fn geocentric_from_sums(jme: f64, sums: &[f64; 13], dpsi_sum: f64, deps_sum: f64) -> Geocentric {
    let poly = |s: &[f64]| s.iter().rev().fold(0.0, |acc, v| acc * jme + v) / 1e8;
    let l = mod360(poly(&sums[0..6]) * RAD);
    let b = poly(&sums[6..8]) * RAD;
    let r = poly(&sums[8..13]);

    let theta = mod360(l + 180.0);
    let beta = -b;
    let dpsi = dpsi_sum / 36_000_000.0;
    let deps = deps_sum / 36_000_000.0;

    let u = jme / 10.0;
    let eps0 = 84_381.448
        + u * (-4_680.93
            + u * (-1.55
                + u * (1_999.25
                    + u * (-51.38
                        + u * (-249.67
                            + u * (-39.05 + u * (7.12 + u * (27.87 + u * (5.79 + u * 2.45)))))))));
    let eps = eps0 / 3600.0 + deps;

    let aberration = -20.4898 / (3600.0 * r);
    let lambda = theta + dpsi + aberration;

    let (sl, cl) = (lambda * DEG).sin_cos();
    let (se, ce) = (eps * DEG).sin_cos();
    let (sb, cb) = (beta * DEG).sin_cos();
    let alpha = mod360((sl * ce - sb / cb * se).atan2(cl) * RAD);
    let delta = (sb * ce + cb * se * sl).asin() * RAD;

    Geocentric {
        right_ascension: alpha,
        declination: delta,
        radius_au: r,
        nutation_longitude: dpsi,
        true_obliquity: eps,
    }
}

/// The geocentric sun at a Julian ephemeris day `jde` (TT): SPA sections 3.1–3.10 in full
/// (Earth heliocentric L, B, R from Table A4.2, nutation from Table A4.3, aberration).
pub fn geocentric(jde: f64) -> Geocentric {
    let jce = (jde - 2_451_545.0) / 36_525.0;
    let jme = jce / 10.0;
    let mut sums = [0.0; 13];
    for (sum, terms) in sums.iter_mut().zip(EARTH_SERIES) {
        *sum = terms.iter().map(|t| t[0] * (t[1] + t[2] * jme).cos()).sum();
    }
    let (x, _) = nutation_arguments(jce);
    let (mut dpsi, mut deps) = (0.0, 0.0);
    for (y, abcd) in NUTATION.iter() {
        let (s, c) = (nutation_argument(y, &x) * DEG).sin_cos();
        dpsi += (abcd[0] + abcd[1] * jce) * s;
        deps += (abcd[2] + abcd[3] * jce) * c;
    }
    geocentric_from_sums(jme, &sums, dpsi, deps)
}

/// Greenwich mean sidereal time ν0 [°] at a Julian day `jd` (UT) (SPA eq. 12), not reduced to
/// [0, 360) (only its sine and cosine are used; the unreduced value keeps 1e-9° precision).
pub(crate) fn mean_sidereal_time_unreduced(jd: f64) -> f64 {
    let d = jd - 2_451_545.0;
    let jc = d * (1.0 / 36_525.0);
    280.460_618_37 + 360.985_647_366_29 * d + jc * jc * (0.000_387_933 - jc * (1.0 / 38_710_000.0))
}

/// Greenwich mean sidereal time ν0 [°] at a Julian day `jd` (UT) (SPA eq. 12).
pub fn mean_sidereal_time(jd: f64) -> f64 {
    let d = jd - 2_451_545.0;
    let jc = d / 36_525.0;
    mod360(280.460_618_37 + 360.985_647_366_29 * d + jc * jc * (0.000_387_933 - jc / 38_710_000.0))
}

// ---------------------------------------------------------------------------------------------
// Topocentric stage (SPA steps 3.11–3.15)
// ---------------------------------------------------------------------------------------------

/// An observer: latitude [°] (north positive), longitude [°] (east positive), elevation [m], with
/// the terms of SPA eqs. 24–26 precomputed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Site {
    pub latitude: f64,
    pub longitude: f64,
    pub elevation_m: f64,
    sin_lat: f64,
    cos_lat: f64,
    x: f64,
    y: f64,
}

impl Site {
    pub fn new(latitude: f64, longitude: f64, elevation_m: f64) -> Site {
        let phi = latitude * DEG;
        let u = (0.996_647_19 * phi.tan()).atan();
        let (sin_lat, cos_lat) = phi.sin_cos();
        Site {
            latitude,
            longitude,
            elevation_m,
            sin_lat,
            cos_lat,
            x: u.cos() + elevation_m / 6_378_140.0 * cos_lat,
            y: 0.996_647_19 * u.sin() + elevation_m / 6_378_140.0 * sin_lat,
        }
    }
}

impl Site {
    /// Geocentric local hour angle H = ν + longitude − α [°] (SPA eq. 23, not reduced to
    /// [0°, 360°)) from the apparent sidereal time ν [°].
    #[inline]
    pub(crate) fn hour_angle(&self, sidereal_time: f64, geo: &GeocentricPoint) -> f64 {
        sidereal_time + self.longitude - geo.right_ascension
    }

    /// Sine of the geocentric altitude, sin φ sin δ + cos φ cos δ cos H (no parallax, no
    /// refraction: SPA appendix A.2's altitude), from cos H.
    #[inline]
    pub(crate) fn sin_geocentric_altitude(
        &self,
        geo: &GeocentricPoint,
        cos_hour_angle: f64,
    ) -> f64 {
        self.sin_lat * geo.sin_declination + self.cos_lat * geo.cos_declination * cos_hour_angle
    }
}

/// Where the sun is seen from a [`Site`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SolarPosition {
    /// Topocentric zenith angle with atmospheric refraction [°] (pvlib `apparent_zenith`).
    pub zenith: f64,
    /// Topocentric zenith angle without refraction [°] (pvlib `zenith`).
    pub geometric_zenith: f64,
    /// Topocentric azimuth, east of north [°], in [0, 360).
    pub azimuth: f64,
    /// cos(zenith) of the refracted zenith [-].
    pub cos_zenith: f64,
    /// East component of the unit vector towards the sun, sin(zenith)·sin(azimuth) [-].
    pub east: f64,
    /// North component of the unit vector towards the sun, sin(zenith)·cos(azimuth) [-].
    pub north: f64,
    /// Sine of the geocentric altitude (no parallax, no refraction) [-]: the sun is "up" in the
    /// sense of SPA appendix A.2 (between sunrise and sunset) when this exceeds sin(−0.8333°).
    pub sin_geocentric_altitude: f64,
}

/// Atmospheric refraction correction Δe [°] of a geometric elevation `e0` [°] at a station pressure
/// [mbar] and air temperature [°C] (SPA eq. 42); zero below −(0.26667° + 0.5667°), the sun's
/// semidiameter plus the refraction at sunrise, as in the SPA and pvlib.
pub fn refraction_spa(e0: f64, pressure_mbar: f64, temp_air_c: f64) -> f64 {
    if e0 >= -(0.26667 + 0.5667) {
        (pressure_mbar / 1010.0) * (283.0 / (273.0 + temp_air_c)) * 1.02
            / (60.0 * ((e0 + 10.3 / (e0 + 5.11)) * DEG).tan())
    } else {
        0.0
    }
}

/// The topocentric, refracted sun (SPA sections 3.11–3.15) from the apparent Greenwich sidereal
/// time ν [°], the geocentric right ascension α [°], declination δ [°] and Earth–sun distance [AU],
/// for an observer at a station pressure [mbar] and air temperature [°C].
pub fn topocentric(
    site: &Site,
    sidereal_time: f64,
    right_ascension: f64,
    declination: f64,
    radius_au: f64,
    pressure_mbar: f64,
    temp_air_c: f64,
) -> SolarPosition {
    let (sin_declination, cos_declination) = (declination * DEG).sin_cos();
    let point = GeocentricPoint {
        right_ascension,
        declination,
        sin_declination,
        cos_declination,
        radius_au,
        inv_radius_au: 1.0 / radius_au,
        sidereal_nutation: 0.0,
    };
    topocentric_point(site, sidereal_time, &point, pressure_mbar, temp_air_c)
}

/// [`topocentric`] from a [`GeocentricPoint`] (its sin δ and cos δ are used; `sidereal_time` is the
/// apparent sidereal time ν [°]).
///
/// The parallax correction of SPA eqs. 26–29 (Meeus, *Astronomical Algorithms*, eqs. 40.2–40.3) is
/// applied in its vector form: the topocentric direction is (cos δ cos H − x sin ξ, cos δ sin H,
/// sin δ − y sin ξ) in the equatorial frame of the meridian, which gives the SPA's α′ and δ′
/// exactly; it is turned into the horizon frame by the latitude. The refraction term
/// 10.3/(e0 + 5.11) (< 2.5°) and the refraction itself (< 0.6°) enter by angle addition with short
/// series of their sines and cosines. One position costs one sine-cosine pair and two rational arctangents
/// ([`atan2_fast`]); the results agree with the textbook evaluation to 1e-11°.
pub fn topocentric_point(
    site: &Site,
    sidereal_time: f64,
    geo: &GeocentricPoint,
    pressure_mbar: f64,
    temp_air_c: f64,
) -> SolarPosition {
    let (sh, ch) = sin_cos_deg(site.hour_angle(sidereal_time, geo));
    topocentric_at_hour_angle(site, sh, ch, geo, pressure_mbar, temp_air_c)
}

/// [`topocentric_point`] from the sine and cosine of the geocentric local hour angle H
/// ([`Site::hour_angle`]). (Inlined into the sun path's row loop: wasm engines do not inline
/// calls.)
#[inline(always)]
pub(crate) fn topocentric_at_hour_angle(
    site: &Site,
    sh: f64,
    ch: f64,
    geo: &GeocentricPoint,
    pressure_mbar: f64,
    temp_air_c: f64,
) -> SolarPosition {
    let (sd, cd) = (geo.sin_declination, geo.cos_declination);
    let xi = 8.794 / 3600.0 * DEG * geo.inv_radius_au;
    let sxi = xi - xi * xi * xi * (1.0 / 6.0);
    // Topocentric direction (unnormalised): towards the meridian on the equator, west, pole.
    let x = cd * ch - site.x * sxi;
    let west = cd * sh;
    let z = sd - site.y * sxi;
    // Horizon frame: up, south.
    let up = site.cos_lat * x + site.sin_lat * z;
    let south = site.sin_lat * x - site.cos_lat * z;
    let horiz = (south * south + west * west).sqrt();
    let inv_norm = 1.0 / (horiz * horiz + up * up).sqrt();
    let sin_e0 = (up * inv_norm).clamp(-1.0, 1.0);
    let cos_e0 = horiz * inv_norm;
    let e0 = atan2_fast(up, horiz) * RAD;
    // sin and cos of the refraction Δe [rad] (0 below the horizon limit).
    let (de, sde, cde) = if e0 >= -(0.26667 + 0.5667) {
        // Δe = k/(60·tan(e0 + b)), b = 10.3/(e0 + 5.11)°: cot(e0 + b) by angle addition
        // (b < 0.042 rad, Δe < 0.011 rad: short series, errors below 1e-11 of the refraction).
        let b = 10.3 * DEG / (e0 + 5.11);
        let b2 = b * b;
        let sb = b * (1.0 - b2 * (1.0 / 6.0) * (1.0 - b2 * (1.0 / 20.0)));
        let cb = 1.0 - b2 * 0.5 * (1.0 - b2 * (1.0 / 12.0));
        let de = pressure_mbar * (283.0 * 1.02 / (1010.0 * 60.0)) * (cos_e0 * cb - sin_e0 * sb)
            / ((sin_e0 * cb + cos_e0 * sb) * (273.0 + temp_air_c));
        let x = de * DEG;
        let x2 = x * x;
        (
            de,
            x * (1.0 - x2 * (1.0 / 6.0)),
            1.0 - x2 * 0.5 * (1.0 - x2 * (1.0 / 12.0)),
        )
    } else {
        (0.0, 0.0, 1.0)
    };
    let sin_e = sin_e0 * cde + cos_e0 * sde;
    let e = e0 + de;
    // Azimuth east of north (SPA eqs. 45–46: Γ = atan2(west, south), Φ = Γ + 180°).
    let mut azimuth = atan2_fast(west, south) * RAD + 180.0;
    if azimuth >= 360.0 {
        azimuth -= 360.0;
    }
    // East and north components cos e·sin Φ, cos e·cos Φ with sin Φ = −west/horiz, cos Φ =
    // −south/horiz: cos e/horiz = (cos e0·cos Δe − sin e0·sin Δe)/horiz
    // = inv_norm·(cos Δe − (up/horiz)·sin Δe), up/horiz being the arctangent's own quotient.
    let cos_e_per_horiz = if horiz > 0.0 {
        inv_norm * (cde - up / horiz * sde)
    } else {
        0.0
    };
    SolarPosition {
        zenith: 90.0 - e,
        geometric_zenith: 90.0 - e0,
        azimuth,
        cos_zenith: sin_e,
        east: -west * cos_e_per_horiz,
        north: -south * cos_e_per_horiz,
        sin_geocentric_altitude: site.sin_geocentric_altitude(geo, ch),
    }
}

/// The full SPA at one instant: Julian day `jd` (UT), ΔT [s], observer, station pressure [mbar]
/// and air temperature [°C]. No interpolation: the reference for [`GeocentricCache`].
pub fn spa(
    jd: f64,
    delta_t: f64,
    site: &Site,
    pressure_mbar: f64,
    temp_air_c: f64,
) -> SolarPosition {
    let geo = geocentric(jd + delta_t / 86_400.0);
    let nu = mean_sidereal_time(jd) + geo.sidereal_nutation();
    topocentric(
        site,
        nu,
        geo.right_ascension,
        geo.declination,
        geo.radius_au,
        pressure_mbar,
        temp_air_c,
    )
}

// ---------------------------------------------------------------------------------------------
// Interpolated geocentric sun
// ---------------------------------------------------------------------------------------------

/// Geocentric values interpolated by [`GeocentricCache::at`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeocentricPoint {
    /// α [°], not reduced to [0, 360).
    pub right_ascension: f64,
    /// δ [°].
    pub declination: f64,
    /// sin δ [-].
    pub sin_declination: f64,
    /// cos δ [-].
    pub cos_declination: f64,
    /// R [AU].
    pub radius_au: f64,
    /// 1/R [1/AU] (the parallax's factor, interpolated itself: no division per hour).
    pub inv_radius_au: f64,
    /// Δψ·cos ε [°], to add to the mean sidereal time.
    pub sidereal_nutation: f64,
}

impl GeocentricPoint {
    fn of(g: &Geocentric) -> GeocentricPoint {
        let (sin_declination, cos_declination) = (g.declination * DEG).sin_cos();
        GeocentricPoint {
            right_ascension: g.right_ascension,
            declination: g.declination,
            sin_declination,
            cos_declination,
            radius_au: g.radius_au,
            inv_radius_au: 1.0 / g.radius_au,
            sidereal_nutation: g.sidereal_nutation(),
        }
    }
}

/// Number of terms: 195 Earth periodic terms and 63 nutation terms.
const N_EARTH: usize = 195;
const N_TERMS: usize = N_EARTH + 63;
/// Grid steps between exact re-evaluations of the recurrences: 192 two-day steps, so a year of
/// nodes (183) costs one exact evaluation. The Earth terms' arguments are linear in JME, so their
/// rotation drifts only by rounding (≈ 192 ε ≈ 2e-14 relative); the nutation arguments' curvature
/// (|2·Y·X₂| ≤ 0.026°/century², SPA eqs. 15–19) over 384 days moves them by ≤ 3e-6°, which changes
/// Δψ and Δε by < 1e-9″. (32 steps gave the same sun path to the digits tests/solar_spa.rs prints.)
const SYNC_EVERY: u32 = 192;

/// The periodic terms of the SPA advanced from one grid node to the next by angle addition: the
/// argument of each Earth term, B + C·JME, grows by the same C·ΔJME at each step, and each nutation
/// argument by its rate times ΔJCE (the arguments' curvature, below 3e-6° over a resynchronisation
/// interval, is negligible). A node then costs a few multiplications per term instead of a cosine.
/// Every [`SYNC_EVERY`] steps the state is recomputed exactly.
#[derive(Debug, Clone)]
struct TermRecurrence {
    step_days: f64,
    node: i64,
    since_sync: u32,
    /// cos and sin of each term's argument at `node` (Earth terms in the order of
    /// [`EARTH_SERIES`], then the nutation terms).
    cos: Vec<f64>,
    sin: Vec<f64>,
    /// cos and sin of each term's increment per step.
    rot_cos: Vec<f64>,
    rot_sin: Vec<f64>,
    /// Amplitude A of each Earth term.
    amp: Vec<f64>,
}

impl TermRecurrence {
    fn new(step_days: f64) -> TermRecurrence {
        let djme = step_days / 365_250.0;
        let mut rot_cos = vec![1.0; N_TERMS];
        let mut rot_sin = vec![0.0; N_TERMS];
        let mut amp = Vec::with_capacity(N_EARTH);
        for (i, t) in EARTH_SERIES
            .iter()
            .flat_map(|terms| terms.iter())
            .enumerate()
        {
            let (s, c) = (t[2] * djme).sin_cos();
            rot_cos[i] = c;
            rot_sin[i] = s;
            amp.push(t[0]);
        }
        TermRecurrence {
            step_days,
            node: i64::MIN,
            since_sync: 0,
            cos: vec![1.0; N_TERMS],
            sin: vec![0.0; N_TERMS],
            rot_cos,
            rot_sin,
            amp,
        }
    }

    fn jde(&self, node: i64) -> f64 {
        JD_2000_MIDNIGHT + node as f64 * self.step_days
    }

    /// Exact state at `node`.
    fn sync(&mut self, node: i64) {
        let jce = (self.jde(node) - 2_451_545.0) / 36_525.0;
        let jme = jce / 10.0;
        for (i, t) in EARTH_SERIES
            .iter()
            .flat_map(|terms| terms.iter())
            .enumerate()
        {
            let (s, c) = (t[1] + t[2] * jme).sin_cos();
            self.cos[i] = c;
            self.sin[i] = s;
        }
        let (x, dx) = nutation_arguments(jce);
        let djce = self.step_days / 36_525.0;
        for (k, (y, _)) in NUTATION.iter().enumerate() {
            let (s, c) = (nutation_argument(y, &x) * DEG).sin_cos();
            self.cos[N_EARTH + k] = c;
            self.sin[N_EARTH + k] = s;
            let (s, c) = (nutation_argument(y, &dx) * djce * DEG).sin_cos();
            self.rot_cos[N_EARTH + k] = c;
            self.rot_sin[N_EARTH + k] = s;
        }
        self.node = node;
        self.since_sync = 0;
    }

    /// Moves the state to `node` (forward steps when close, else an exact evaluation).
    fn seek(&mut self, node: i64) {
        if self.node == i64::MIN || node < self.node || node - self.node > i64::from(SYNC_EVERY) {
            self.sync(node);
            return;
        }
        while self.node < node {
            if self.since_sync + 1 >= SYNC_EVERY {
                self.sync(self.node + 1);
                continue;
            }
            let terms = self
                .cos
                .iter_mut()
                .zip(self.sin.iter_mut())
                .zip(self.rot_cos.iter().zip(&self.rot_sin));
            for ((c, s), (rc, rs)) in terms {
                let (c0, s0) = (*c, *s);
                *c = c0 * rc - s0 * rs;
                *s = s0 * rc + c0 * rs;
            }
            self.node += 1;
            self.since_sync += 1;
        }
    }

    /// The geocentric sun at the current node.
    fn geocentric(&self) -> Geocentric {
        let jce = (self.jde(self.node) - 2_451_545.0) / 36_525.0;
        let jme = jce / 10.0;
        let mut sums = [0.0; 13];
        let mut start = 0;
        for (sum, terms) in sums.iter_mut().zip(EARTH_SERIES) {
            let end = start + terms.len();
            *sum = self.amp[start..end]
                .iter()
                .zip(&self.cos[start..end])
                .map(|(a, c)| a * c)
                .sum();
            start = end;
        }
        let (mut dpsi, mut deps) = (0.0, 0.0);
        for (k, (_, abcd)) in NUTATION.iter().enumerate() {
            let (c, s) = (self.cos[N_EARTH + k], self.sin[N_EARTH + k]);
            dpsi += (abcd[0] + abcd[1] * jce) * s;
            deps += (abcd[2] + abcd[3] * jce) * c;
        }
        geocentric_from_sums(jme, &sums, dpsi, deps)
    }
}

/// The geocentric sun on a grid of days (00:00 TT, every `step_days` days, aligned on 2000-01-01),
/// interpolated between grid points with 4-point Lagrange polynomials — the device of SPA appendix
/// A.2 (there a 3-point formula over the day before, the day and the day after).
///
/// Grid points are computed when first needed, consecutive ones by [`TermRecurrence`], and kept
/// while the requested instants stay within reach; a jump to a distant date (the months of a
/// typical-year file come from different years) starts a new window. With the 2-day grid of
/// [`GRID_STEP_DAYS`] the interpolation error is below 1e-5° in α and δ over 1960–2050 (1e-6° with a
/// daily grid; tested against [`geocentric`]).
#[derive(Debug, Clone)]
pub struct GeocentricCache {
    inv_step: f64,
    first: i64,
    nodes: Vec<GeocentricPoint>,
    terms: TermRecurrence,
    /// Interval whose cubic coefficients are in `coef`.
    coef_k1: i64,
    coef: [[f64; 4]; 7],
}

/// Grid spacing used by [`crate::solar::sunpath::SunPath`] [d].
pub const GRID_STEP_DAYS: i64 = 2;

impl Default for GeocentricCache {
    fn default() -> Self {
        GeocentricCache::new(GRID_STEP_DAYS)
    }
}

impl GeocentricCache {
    pub fn new(step_days: i64) -> GeocentricCache {
        let step_days = step_days.max(1);
        GeocentricCache {
            inv_step: 1.0 / step_days as f64,
            first: 0,
            nodes: Vec::new(),
            terms: TermRecurrence::new(step_days as f64),
            coef_k1: i64::MIN,
            coef: [[0.0; 4]; 7],
        }
    }

    fn ensure(&mut self, lo: i64, hi: i64) {
        let end = self.first + self.nodes.len() as i64; // one past the last node
        if self.nodes.is_empty() || lo < self.first || lo > end {
            self.first = lo;
            self.nodes.clear();
        }
        let mut k = self.first + self.nodes.len() as i64;
        while k <= hi {
            self.terms.seek(k);
            self.nodes
                .push(GeocentricPoint::of(&self.terms.geocentric()));
            k += 1;
        }
    }

    /// Cubic coefficients (in the fraction f of the interval [k1, k1 + 1]) of the seven fields, from
    /// the Lagrange polynomial through nodes k1 − 1 … k1 + 2.
    #[inline(never)]
    fn coefficients(&mut self, k1: i64) {
        self.ensure(k1 - 1, k1 + 2);
        let i = (k1 - 1 - self.first) as usize;
        let p = &self.nodes[i..i + 4];
        let a0 = p[1].right_ascension;
        let unwrap = |a: f64| {
            let d = a - a0;
            if d > 180.0 {
                d - 360.0
            } else if d < -180.0 {
                d + 360.0
            } else {
                d
            }
        };
        let cubic = |y: [f64; 4]| {
            [
                y[1],
                -y[0] * (1.0 / 3.0) - y[1] * 0.5 + y[2] - y[3] * (1.0 / 6.0),
                y[0] * 0.5 - y[1] + y[2] * 0.5,
                (y[3] - y[0]) * (1.0 / 6.0) + (y[1] - y[2]) * 0.5,
            ]
        };
        let field =
            |g: fn(&GeocentricPoint) -> f64| cubic([g(&p[0]), g(&p[1]), g(&p[2]), g(&p[3])]);
        let mut ra = cubic([
            unwrap(p[0].right_ascension),
            0.0,
            unwrap(p[2].right_ascension),
            unwrap(p[3].right_ascension),
        ]);
        ra[0] += a0;
        self.coef = [
            ra,
            field(|g| g.declination),
            field(|g| g.sin_declination),
            field(|g| g.cos_declination),
            field(|g| g.radius_au),
            field(|g| g.inv_radius_au),
            field(|g| g.sidereal_nutation),
        ];
        self.coef_k1 = k1;
    }

    /// Geocentric α, δ, R and Δψ·cos ε at a Julian ephemeris day `jde` (TT). (Inlined: the sun
    /// path's row loop evaluates only the fields it uses.)
    #[inline(always)]
    pub fn at(&mut self, jde: f64) -> GeocentricPoint {
        let u = (jde - JD_2000_MIDNIGHT) * self.inv_step;
        let k1 = floor_fast(u);
        let f = u - k1;
        let k1 = k1 as i64;
        if k1 != self.coef_k1 {
            self.coefficients(k1);
        }
        let c = &self.coef;
        let h = |c: &[f64; 4]| c[0] + f * (c[1] + f * (c[2] + f * c[3]));
        GeocentricPoint {
            right_ascension: h(&c[0]),
            declination: h(&c[1]),
            sin_declination: h(&c[2]),
            cos_declination: h(&c[3]),
            radius_au: h(&c[4]),
            inv_radius_au: h(&c[5]),
            sidereal_nutation: h(&c[6]),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Sunrise, transit, sunset (SPA appendix A.2)
// ---------------------------------------------------------------------------------------------

/// Sunrise, transit and sunset of one local date, in local standard time [h] counted from 00:00
/// of that date. The events are those of the solar day whose transit falls on the date, so a
/// sunrise may be negative or a sunset beyond 24 h where the zone is far from the meridian. Near
/// polar day, when the sun stays up through a lower culmination, the sunrise (sunset) is placed at
/// that culmination (transit ∓ 12 h), so that the up-intervals of consecutive days join.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SunEvents {
    /// The sun's upper limb crosses the horizon (altitude −0.8333°) twice.
    RiseSet {
        sunrise: f64,
        transit: f64,
        sunset: f64,
    },
    /// Polar day: above the horizon all day.
    AlwaysUp { transit: f64 },
    /// Polar night: below the horizon all day.
    AlwaysDown { transit: f64 },
}

impl SunEvents {
    /// Solar noon [h].
    pub fn transit(&self) -> f64 {
        match *self {
            SunEvents::RiseSet { transit, .. }
            | SunEvents::AlwaysUp { transit }
            | SunEvents::AlwaysDown { transit } => transit,
        }
    }
}

fn limit_pm180(deg: f64) -> f64 {
    let r = mod360(deg);
    if r > 180.0 {
        r - 360.0
    } else {
        r
    }
}

/// SPA appendix A.2 for the local date `day_number` (days from 1970-01-01), with the geocentric sun
/// given by `geo(jde)` (right ascension [°], declination [°], Δψ·cos ε [°]).
fn rise_transit_set_by<F>(
    day_number: i64,
    timezone_h: f64,
    site: &Site,
    delta_t: f64,
    mut geo: F,
) -> SunEvents
where
    F: FnMut(f64) -> GeocentricPoint,
{
    let jd0 = 2_440_587.5 + day_number as f64; // 00:00 UT of the date
    let dt = delta_t / 86_400.0;
    let g0 = geo(jd0 + dt);
    let nu = mean_sidereal_time(jd0) + g0.sidereal_nutation;
    let mut m0 = (g0.right_ascension - site.longitude - nu) / 360.0;
    m0 -= floor_fast(m0 + timezone_h / 24.0); // the transit of the local date
    let (sphi, cphi) = (site.sin_lat, site.cos_lat);
    let sin_h0 = (SUNRISE_ALTITUDE * DEG).sin();
    // Hour angle H′ [°], sin(altitude), and d sin(altitude)/dm [1/day] of the sun at the day
    // fraction m (geocentric δ, as SPA A.2).
    let mut sun_at = |m: f64| -> (f64, f64, f64) {
        let g = geo(jd0 + m + dt);
        let hp = limit_pm180(nu + 360.985_647 * m + site.longitude - g.right_ascension);
        let (sh, ch) = (hp * DEG).sin_cos();
        let sin_alt = sphi * g.sin_declination + cphi * g.cos_declination * ch;
        let rate = -cphi * g.cos_declination * sh * 360.985_647 * DEG;
        (hp, sin_alt, rate)
    };
    // Transit: H′ = 0 (SPA eq. A.15, iterated).
    let mut mt = m0;
    // (Newton-like: once a step is below 1e-5 day the error left is of its square.)
    for _ in 0..3 {
        let dm = -sun_at(mt).0 / 360.0;
        mt += dm;
        if dm.abs() < 1e-5 {
            break;
        }
    }
    let local = |m: f64| 24.0 * m + timezone_h;
    let transit = local(mt);
    let cos_h0 = (sin_h0 - sphi * g0.sin_declination) / (cphi * g0.cos_declination);
    if cos_h0.is_nan() || cos_h0.abs() > 0.9 {
        // Near polar day or night: decide from the altitudes at the culminations.
        if sun_at(mt).1 < sin_h0 {
            return SunEvents::AlwaysDown { transit };
        }
        if sun_at(mt - 0.5).1 > sin_h0 && sun_at(mt + 0.5).1 > sin_h0 {
            return SunEvents::AlwaysUp { transit };
        }
    }
    // Sunrise in [mt − 0.5, mt], sunset in [mt, mt + 0.5]: from the first estimate of SPA eqs.
    // A.11–A.12, Newton steps on sin(altitude) = sin(−0.8333°) (the correction of eq. A.33), kept
    // in the bracket (bisection when a step leaves it) until a step is below 1e-5 day (the error
    // left is then of the order of its square).
    let h0 = cos_h0.clamp(-1.0, 1.0).acos() * RAD;
    let mut solve = |mut lo: f64, mut hi: f64, start: f64, rising: bool| -> f64 {
        let mut m = super::clamp(start, lo, hi);
        for _ in 0..40 {
            let (_, sin_alt, rate) = sun_at(m);
            let f = sin_alt - sin_h0;
            if (f < 0.0) == rising {
                lo = m;
            } else {
                hi = m;
            }
            let mut next = m - f / rate;
            if !(next > lo && next < hi) {
                next = 0.5 * (lo + hi);
            }
            let step = (next - m).abs();
            m = next;
            if step < 1e-5 || hi - lo < 1e-7 {
                break;
            }
        }
        m
    };
    let sunrise = local(solve(mt - 0.5, mt, m0 - h0 / 360.0, true));
    let sunset = local(solve(mt, mt + 0.5, m0 + h0 / 360.0, false));
    SunEvents::RiseSet {
        sunrise,
        transit,
        sunset,
    }
}

/// Sunrise, transit and sunset of a local date (SPA appendix A.2), with the geocentric sun
/// evaluated in full at each event's first estimate: `timezone_h` [h] east of UTC, ΔT [s].
pub fn sun_rise_transit_set(
    year: i32,
    month: u8,
    day: u8,
    timezone_h: f64,
    site: &Site,
    delta_t: f64,
) -> SunEvents {
    rise_transit_set_by(
        days_from_civil(year, month, day),
        timezone_h,
        site,
        delta_t,
        |jde| GeocentricPoint::of(&geocentric(jde)),
    )
}

/// As [`sun_rise_transit_set`], with the geocentric sun interpolated from a cache.
pub fn sun_rise_transit_set_cached(
    cache: &mut GeocentricCache,
    day_number: i64,
    timezone_h: f64,
    site: &Site,
    delta_t: f64,
) -> SunEvents {
    rise_transit_set_by(day_number, timezone_h, site, delta_t, |jde| cache.at(jde))
}

// ---------------------------------------------------------------------------------------------
// Tables (Reda & Andreas 2004, Table A4.2: Earth periodic terms; Table A4.3: nutation)
// ---------------------------------------------------------------------------------------------

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const L0: [[f64; 3]; 64] = [
    [175347046.0, 0.0, 0.0],
    [3341656.0, 4.6692568, 6283.07585],
    [34894.0, 4.6261, 12566.1517],
    [3497.0, 2.7441, 5753.3849],
    [3418.0, 2.8289, 3.5231],
    [3136.0, 3.6277, 77713.7715],
    [2676.0, 4.4181, 7860.4194],
    [2343.0, 6.1352, 3930.2097],
    [1324.0, 0.7425, 11506.7698],
    [1273.0, 2.0371, 529.691],
    [1199.0, 1.1096, 1577.3435],
    [990.0, 5.233, 5884.927],
    [902.0, 2.045, 26.298],
    [857.0, 3.508, 398.149],
    [780.0, 1.179, 5223.694],
    [753.0, 2.533, 5507.553],
    [505.0, 4.583, 18849.228],
    [492.0, 4.205, 775.523],
    [357.0, 2.92, 0.067],
    [317.0, 5.849, 11790.629],
    [284.0, 1.899, 796.298],
    [271.0, 0.315, 10977.079],
    [243.0, 0.345, 5486.778],
    [206.0, 4.806, 2544.314],
    [205.0, 1.869, 5573.143],
    [202.0, 2.458, 6069.777],
    [156.0, 0.833, 213.299],
    [132.0, 3.411, 2942.463],
    [126.0, 1.083, 20.775],
    [115.0, 0.645, 0.98],
    [103.0, 0.636, 4694.003],
    [102.0, 0.976, 15720.839],
    [102.0, 4.267, 7.114],
    [99.0, 6.21, 2146.17],
    [98.0, 0.68, 155.42],
    [86.0, 5.98, 161000.69],
    [85.0, 1.3, 6275.96],
    [85.0, 3.67, 71430.7],
    [80.0, 1.81, 17260.15],
    [79.0, 3.04, 12036.46],
    [75.0, 1.76, 5088.63],
    [74.0, 3.5, 3154.69],
    [74.0, 4.68, 801.82],
    [70.0, 0.83, 9437.76],
    [62.0, 3.98, 8827.39],
    [61.0, 1.82, 7084.9],
    [57.0, 2.78, 6286.6],
    [56.0, 4.39, 14143.5],
    [56.0, 3.47, 6279.55],
    [52.0, 0.19, 12139.55],
    [52.0, 1.33, 1748.02],
    [51.0, 0.28, 5856.48],
    [49.0, 0.49, 1194.45],
    [41.0, 5.37, 8429.24],
    [41.0, 2.4, 19651.05],
    [39.0, 6.17, 10447.39],
    [37.0, 6.04, 10213.29],
    [37.0, 2.57, 1059.38],
    [36.0, 1.71, 2352.87],
    [36.0, 1.78, 6812.77],
    [33.0, 0.59, 17789.85],
    [30.0, 0.44, 83996.85],
    [30.0, 2.74, 1349.87],
    [25.0, 3.16, 4690.48],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const L1: [[f64; 3]; 34] = [
    [628331966747.0, 0.0, 0.0],
    [206059.0, 2.678235, 6283.07585],
    [4303.0, 2.6351, 12566.1517],
    [425.0, 1.59, 3.523],
    [119.0, 5.796, 26.298],
    [109.0, 2.966, 1577.344],
    [93.0, 2.59, 18849.23],
    [72.0, 1.14, 529.69],
    [68.0, 1.87, 398.15],
    [67.0, 4.41, 5507.55],
    [59.0, 2.89, 5223.69],
    [56.0, 2.17, 155.42],
    [45.0, 0.4, 796.3],
    [36.0, 0.47, 775.52],
    [29.0, 2.65, 7.11],
    [21.0, 5.34, 0.98],
    [19.0, 1.85, 5486.78],
    [19.0, 4.97, 213.3],
    [17.0, 2.99, 6275.96],
    [16.0, 0.03, 2544.31],
    [16.0, 1.43, 2146.17],
    [15.0, 1.21, 10977.08],
    [12.0, 2.83, 1748.02],
    [12.0, 3.26, 5088.63],
    [12.0, 5.27, 1194.45],
    [12.0, 2.08, 4694.0],
    [11.0, 0.77, 553.57],
    [10.0, 1.3, 6286.6],
    [10.0, 4.24, 1349.87],
    [9.0, 2.7, 242.73],
    [9.0, 5.64, 951.72],
    [8.0, 5.3, 2352.87],
    [6.0, 2.65, 9437.76],
    [6.0, 4.67, 4690.48],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const L2: [[f64; 3]; 20] = [
    [52919.0, 0.0, 0.0],
    [8720.0, 1.0721, 6283.0758],
    [309.0, 0.867, 12566.152],
    [27.0, 0.05, 3.52],
    [16.0, 5.19, 26.3],
    [16.0, 3.68, 155.42],
    [10.0, 0.76, 18849.23],
    [9.0, 2.06, 77713.77],
    [7.0, 0.83, 775.52],
    [5.0, 4.66, 1577.34],
    [4.0, 1.03, 7.11],
    [4.0, 3.44, 5573.14],
    [3.0, 5.14, 796.3],
    [3.0, 6.05, 5507.55],
    [3.0, 1.19, 242.73],
    [3.0, 6.12, 529.69],
    [3.0, 0.31, 398.15],
    [3.0, 2.28, 553.57],
    [2.0, 4.38, 5223.69],
    [2.0, 3.75, 0.98],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const L3: [[f64; 3]; 7] = [
    [289.0, 5.844, 6283.076],
    [35.0, 0.0, 0.0],
    [17.0, 5.49, 12566.15],
    [3.0, 5.2, 155.42],
    [1.0, 4.72, 3.52],
    [1.0, 5.3, 18849.23],
    [1.0, 5.97, 242.73],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const L4: [[f64; 3]; 3] = [
    [114.0, 3.142, 0.0],
    [8.0, 4.13, 6283.08],
    [1.0, 3.84, 12566.15],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const L5: [[f64; 3]; 1] = [
    [1.0, 3.14, 0.0],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const B0: [[f64; 3]; 5] = [
    [280.0, 3.199, 84334.662],
    [102.0, 5.422, 5507.553],
    [80.0, 3.88, 5223.69],
    [44.0, 3.7, 2352.87],
    [32.0, 4.0, 1577.34],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const B1: [[f64; 3]; 2] = [
    [9.0, 3.9, 5507.55],
    [6.0, 1.73, 5223.69],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const R0: [[f64; 3]; 40] = [
    [100013989.0, 0.0, 0.0],
    [1670700.0, 3.0984635, 6283.07585],
    [13956.0, 3.05525, 12566.1517],
    [3084.0, 5.1985, 77713.7715],
    [1628.0, 1.1739, 5753.3849],
    [1576.0, 2.8469, 7860.4194],
    [925.0, 5.453, 11506.77],
    [542.0, 4.564, 3930.21],
    [472.0, 3.661, 5884.927],
    [346.0, 0.964, 5507.553],
    [329.0, 5.9, 5223.694],
    [307.0, 0.299, 5573.143],
    [243.0, 4.273, 11790.629],
    [212.0, 5.847, 1577.344],
    [186.0, 5.022, 10977.079],
    [175.0, 3.012, 18849.228],
    [110.0, 5.055, 5486.778],
    [98.0, 0.89, 6069.78],
    [86.0, 5.69, 15720.84],
    [86.0, 1.27, 161000.69],
    [65.0, 0.27, 17260.15],
    [63.0, 0.92, 529.69],
    [57.0, 2.01, 83996.85],
    [56.0, 5.24, 71430.7],
    [49.0, 3.25, 2544.31],
    [47.0, 2.58, 775.52],
    [45.0, 5.54, 9437.76],
    [43.0, 6.01, 6275.96],
    [39.0, 5.36, 4694.0],
    [38.0, 2.39, 8827.39],
    [37.0, 0.83, 19651.05],
    [37.0, 4.9, 12139.55],
    [36.0, 1.67, 12036.46],
    [35.0, 1.84, 2942.46],
    [33.0, 0.24, 7084.9],
    [32.0, 0.18, 5088.63],
    [32.0, 1.78, 398.15],
    [28.0, 1.21, 6286.6],
    [28.0, 1.9, 6279.55],
    [26.0, 4.59, 10447.39],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const R1: [[f64; 3]; 10] = [
    [103019.0, 1.10749, 6283.07585],
    [1721.0, 1.0644, 12566.1517],
    [702.0, 3.142, 0.0],
    [32.0, 1.02, 18849.23],
    [31.0, 2.84, 5507.55],
    [25.0, 1.32, 5223.69],
    [18.0, 1.42, 1577.34],
    [10.0, 5.91, 10977.08],
    [9.0, 1.42, 6275.96],
    [9.0, 0.27, 5486.78],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const R2: [[f64; 3]; 6] = [
    [4359.0, 5.7846, 6283.0758],
    [124.0, 5.579, 12566.152],
    [12.0, 3.14, 0.0],
    [9.0, 3.63, 77713.77],
    [6.0, 1.87, 5573.14],
    [3.0, 5.47, 18849.23],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const R3: [[f64; 3]; 2] = [
    [145.0, 4.273, 6283.076],
    [7.0, 3.92, 12566.15],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const R4: [[f64; 3]; 1] = [
    [4.0, 2.56, 6283.08],
];

#[rustfmt::skip]
#[allow(clippy::approx_constant)] // table values of the SPA paper, not π
const NUTATION: [([i8; 5], [f64; 4]); 63] = [
    ([0, 0, 0, 0, 1], [-171996.0, -174.2, 92025.0, 8.9]),
    ([-2, 0, 0, 2, 2], [-13187.0, -1.6, 5736.0, -3.1]),
    ([0, 0, 0, 2, 2], [-2274.0, -0.2, 977.0, -0.5]),
    ([0, 0, 0, 0, 2], [2062.0, 0.2, -895.0, 0.5]),
    ([0, 1, 0, 0, 0], [1426.0, -3.4, 54.0, -0.1]),
    ([0, 0, 1, 0, 0], [712.0, 0.1, -7.0, 0.0]),
    ([-2, 1, 0, 2, 2], [-517.0, 1.2, 224.0, -0.6]),
    ([0, 0, 0, 2, 1], [-386.0, -0.4, 200.0, 0.0]),
    ([0, 0, 1, 2, 2], [-301.0, 0.0, 129.0, -0.1]),
    ([-2, -1, 0, 2, 2], [217.0, -0.5, -95.0, 0.3]),
    ([-2, 0, 1, 0, 0], [-158.0, 0.0, 0.0, 0.0]),
    ([-2, 0, 0, 2, 1], [129.0, 0.1, -70.0, 0.0]),
    ([0, 0, -1, 2, 2], [123.0, 0.0, -53.0, 0.0]),
    ([2, 0, 0, 0, 0], [63.0, 0.0, 0.0, 0.0]),
    ([0, 0, 1, 0, 1], [63.0, 0.1, -33.0, 0.0]),
    ([2, 0, -1, 2, 2], [-59.0, 0.0, 26.0, 0.0]),
    ([0, 0, -1, 0, 1], [-58.0, -0.1, 32.0, 0.0]),
    ([0, 0, 1, 2, 1], [-51.0, 0.0, 27.0, 0.0]),
    ([-2, 0, 2, 0, 0], [48.0, 0.0, 0.0, 0.0]),
    ([0, 0, -2, 2, 1], [46.0, 0.0, -24.0, 0.0]),
    ([2, 0, 0, 2, 2], [-38.0, 0.0, 16.0, 0.0]),
    ([0, 0, 2, 2, 2], [-31.0, 0.0, 13.0, 0.0]),
    ([0, 0, 2, 0, 0], [29.0, 0.0, 0.0, 0.0]),
    ([-2, 0, 1, 2, 2], [29.0, 0.0, -12.0, 0.0]),
    ([0, 0, 0, 2, 0], [26.0, 0.0, 0.0, 0.0]),
    ([-2, 0, 0, 2, 0], [-22.0, 0.0, 0.0, 0.0]),
    ([0, 0, -1, 2, 1], [21.0, 0.0, -10.0, 0.0]),
    ([0, 2, 0, 0, 0], [17.0, -0.1, 0.0, 0.0]),
    ([2, 0, -1, 0, 1], [16.0, 0.0, -8.0, 0.0]),
    ([-2, 2, 0, 2, 2], [-16.0, 0.1, 7.0, 0.0]),
    ([0, 1, 0, 0, 1], [-15.0, 0.0, 9.0, 0.0]),
    ([-2, 0, 1, 0, 1], [-13.0, 0.0, 7.0, 0.0]),
    ([0, -1, 0, 0, 1], [-12.0, 0.0, 6.0, 0.0]),
    ([0, 0, 2, -2, 0], [11.0, 0.0, 0.0, 0.0]),
    ([2, 0, -1, 2, 1], [-10.0, 0.0, 5.0, 0.0]),
    ([2, 0, 1, 2, 2], [-8.0, 0.0, 3.0, 0.0]),
    ([0, 1, 0, 2, 2], [7.0, 0.0, -3.0, 0.0]),
    ([-2, 1, 1, 0, 0], [-7.0, 0.0, 0.0, 0.0]),
    ([0, -1, 0, 2, 2], [-7.0, 0.0, 3.0, 0.0]),
    ([2, 0, 0, 2, 1], [-7.0, 0.0, 3.0, 0.0]),
    ([2, 0, 1, 0, 0], [6.0, 0.0, 0.0, 0.0]),
    ([-2, 0, 2, 2, 2], [6.0, 0.0, -3.0, 0.0]),
    ([-2, 0, 1, 2, 1], [6.0, 0.0, -3.0, 0.0]),
    ([2, 0, -2, 0, 1], [-6.0, 0.0, 3.0, 0.0]),
    ([2, 0, 0, 0, 1], [-6.0, 0.0, 3.0, 0.0]),
    ([0, -1, 1, 0, 0], [5.0, 0.0, 0.0, 0.0]),
    ([-2, -1, 0, 2, 1], [-5.0, 0.0, 3.0, 0.0]),
    ([-2, 0, 0, 0, 1], [-5.0, 0.0, 3.0, 0.0]),
    ([0, 0, 2, 2, 1], [-5.0, 0.0, 3.0, 0.0]),
    ([-2, 0, 2, 0, 1], [4.0, 0.0, 0.0, 0.0]),
    ([-2, 1, 0, 2, 1], [4.0, 0.0, 0.0, 0.0]),
    ([0, 0, 1, -2, 0], [4.0, 0.0, 0.0, 0.0]),
    ([-1, 0, 1, 0, 0], [-4.0, 0.0, 0.0, 0.0]),
    ([-2, 1, 0, 0, 0], [-4.0, 0.0, 0.0, 0.0]),
    ([1, 0, 0, 0, 0], [-4.0, 0.0, 0.0, 0.0]),
    ([0, 0, 1, 2, 0], [3.0, 0.0, 0.0, 0.0]),
    ([0, 0, -2, 2, 2], [-3.0, 0.0, 0.0, 0.0]),
    ([-1, -1, 1, 0, 0], [-3.0, 0.0, 0.0, 0.0]),
    ([0, 1, 1, 0, 0], [-3.0, 0.0, 0.0, 0.0]),
    ([0, -1, 1, 2, 2], [-3.0, 0.0, 0.0, 0.0]),
    ([2, -1, -1, 2, 2], [-3.0, 0.0, 0.0, 0.0]),
    ([0, 0, 3, 2, 2], [-3.0, 0.0, 0.0, 0.0]),
    ([2, -1, 0, 2, 2], [-3.0, 0.0, 0.0, 0.0]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sin_cos_deg_matches_the_library() {
        // Small angles (quadrant edges included) against the library; large ones against the
        // library on the angle reduced exactly to [0°, 360°) first (x·π/180 itself would round
        // away up to ~1e-11 at 10⁶°).
        let mut worst: f64 = 0.0;
        let small = (-4000..4000).map(|i| f64::from(i) * 0.237);
        let edges = (-8..=8).flat_map(|k| {
            let q = f64::from(k) * 45.0;
            [q, q - 1e-9, q + 1e-9]
        });
        let large = (0..2000).map(|i| -2.3e6 + f64::from(i) * 2_345.678_9);
        for x in small.chain(edges).chain(large) {
            let (s, c) = sin_cos_deg(x);
            let (ls, lc) = (x.rem_euclid(360.0) * DEG).sin_cos();
            worst = worst.max((s - ls).abs()).max((c - lc).abs());
        }
        println!("sin_cos_deg: worst |Δ| {worst:.1e}");
        assert!(worst < 1e-15, "{worst}");
        assert_eq!(sin_cos_deg(0.0), (0.0, 1.0));
        assert_eq!(sin_cos_deg(90.0), (1.0, -0.0));
    }

    #[test]
    fn atan2_fast_matches_the_library() {
        let mut worst: f64 = 0.0;
        let mut k = 0u64;
        for i in 0..200_000 {
            // quasi-random points over all quadrants and scales, axes included
            k = k
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let y = ((k >> 11) as f64 / (1u64 << 53) as f64 - 0.5) * 10f64.powi((i % 7) - 3);
            let x = ((k >> 3 & 0xffff) as f64 / 65_536.0 - 0.5) * 10f64.powi((i % 5) - 2);
            let (a, b) = (atan2_fast(y, x), y.atan2(x));
            worst = worst.max((a - b).abs() / b.abs().max(1e-300));
        }
        for (y, x) in [
            (0.0, 1.0),
            (1.0, 0.0),
            (-1.0, 0.0),
            (0.0, -1.0),
            (1.0, 1.0),
            (-1.0, -1.0),
            (1e-300, 1.0),
        ] {
            assert!(
                (atan2_fast(y, x) - f64::atan2(y, x)).abs()
                    <= 4.0 * f64::EPSILON * f64::atan2(y, x).abs().max(1e-300)
            );
        }
        assert!(worst < 4.0 * f64::EPSILON, "{worst:e}");
    }
}
