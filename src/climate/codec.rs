//! Decoder of the embedded climate blob `cswd.bin`, written by `scripts/build_climate.py` (its
//! docstring specifies the format; every predictor and context here mirrors `encode_station`
//! there). Each station is an independent LZMA-style binary range code, so one station decodes
//! alone (≈ 1,100 residuals, tens of microseconds). Irradiance and temperature are predicted by
//! fixed integer weights of their neighbours in the day, last month's day and (DHI, DNI) the
//! other channels' hours. The blob is ours, but a damaged or truncated
//! one gives a [`DecodeError`], never a panic.

use crate::calendar::DAYS_IN_MONTH;
use std::fmt;

/// The blob, compiled in.
pub(super) static BLOB: &[u8] = include_bytes!("cswd.bin");

const MAGIC: &[u8; 4] = b"RPVC";
const VERSION: u8 = 3;
const BLOCK: usize = 34;
const KMAX: u32 = 16;
const IRR_LVL_P: usize = 10;
const IRR_LVL_R: usize = 4;
const CTX_IRR: usize = 0;
const CTX_T: usize = CTX_IRR + 3 * IRR_LVL_P * IRR_LVL_R;
const CTX_W: usize = CTX_T + 24 * 4;
const CTX_HDR: usize = CTX_W + 3 * 24 * 4;
const CTX_MON: usize = CTX_HDR + 2;
const N_BLOCKS: usize = CTX_MON + 4;
const N_PROBS: usize = N_BLOCKS * BLOCK;
/// Probability levels in the header; each context's initial probability is one of them.
const N_LEVELS: usize = 31;
/// Bytes before the level indices: magic, version, five u16 sizes, the levels.
const HEADER: usize = 15 + N_LEVELS;
/// Most trailing zero bytes left out of a stream.
const TRIMMED: usize = 4;
/// Largest irradiance accepted [W/m²] (u²/QS).
const IRR_MAX_W_M2: i64 = 1458;
const BLOCK_STARTS: [usize; 5] = [0, 2, 8, 14, 20];
/// Predictor weights [1/64] by channel (GHI, DHI, DNI) and [`irr_kind`], of the inputs of
/// [`irr_features`]; `IRR_WEIGHTS` in `scripts/build_climate.py` (fitted there by least absolute
/// deviations over the 270 stations).
const W_GHI: [[i64; 7]; 6] = [
    [0, 0, 0, 17, 27, 0, 0],
    [43, 0, -4, -19, 41, 0, 0],
    [83, -18, -1, -20, 21, 0, 0],
    [43, -4, 7, -8, 20, 23, -16],
    [78, -40, 26, -3, 8, 15, -24],
    [52, -14, 27, -9, 1, 18, -18],
];
const W_DHI: [[i64; 13]; 6] = [
    [0, 0, 22, -8, 2, 0, 0, 15, 0, -13, 15, 18, -2],
    [43, 0, -13, -6, 10, 0, 0, -9, -18, 12, 6, 34, 8],
    [49, -6, -13, -14, 15, 0, 0, -19, 3, 11, 20, 14, 5],
    [15, 4, 8, -3, 10, 14, -10, -13, 7, -3, 28, -2, 9],
    [7, -5, 13, 0, 0, 5, -6, 1, 1, -3, 50, 2, 0],
    [34, 3, 18, -5, 0, 7, -9, 15, -12, -3, 3, 0, 6],
];
const W_DNI: [[i64; 14]; 6] = [
    [0, 0, -1, -4, 1, 0, 0, 31, -36, 106, 0, -4, 3, -1],
    [-7, 0, 1, -4, 4, 0, 0, 13, -16, 74, 10, -4, 5, 0],
    [7, 2, 0, -3, 4, 0, 0, -1, 19, 14, 44, -2, -4, -14],
    [7, 7, 5, -4, 1, 5, -4, 17, 0, -3, 46, 4, -17, 1],
    [0, 0, 0, 0, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0],
    [8, -7, -13, 3, -2, 19, -6, 20, -72, -33, 37, 17, 39, 113],
];
/// Temperature predictor weights [1/64] by [`temp_kind`], of the inputs of [`temp_features`].
const W_TEMP: [[i64; 5]; 6] = [
    [0, 0, 0, 0, 0],
    [65, 0, 0, 0, 0],
    [116, -53, 0, 0, 0],
    [559, -127, -414, 0, 38],
    [64, -20, 6, -3, 17],
    [80, -16, 12, -30, 18],
];

/// What is wrong with the blob.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeError {
    /// Magic, version, sizes or station index inconsistent.
    Header,
    /// No such station index.
    NoStation,
    /// A stream ends before its data.
    Truncated,
    /// A decoded value outside its physical range.
    Range,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecodeError::Header => "climate data header is damaged",
            DecodeError::NoStation => "no such station in the climate data",
            DecodeError::Truncated => "climate data stream is truncated",
            DecodeError::Range => "climate data value out of range",
        })
    }
}

/// The parsed header of the blob.
#[derive(Debug, Clone, Copy)]
pub(super) struct Blob<'a> {
    stations: usize,
    qs: i64,
    t_step: i64,
    w_step: i64,
    levels: &'a [u8],
    probs: &'a [u8],
    index: &'a [u8],
    streams: &'a [u8],
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, DecodeError> {
    let s = b.get(at..at + 2).ok_or(DecodeError::Header)?;
    Ok(u16::from_le_bytes([s[0], s[1]]))
}

impl<'a> Blob<'a> {
    pub(super) fn parse(b: &'a [u8]) -> Result<Blob<'a>, DecodeError> {
        if b.get(..4) != Some(&MAGIC[..]) || b.get(4) != Some(&VERSION) {
            return Err(DecodeError::Header);
        }
        let stations = usize::from(u16_at(b, 5)?);
        let qs = i64::from(u16_at(b, 7)?);
        let t_step = i64::from(u16_at(b, 9)?);
        let w_step = i64::from(u16_at(b, 11)?);
        let n_probs = usize::from(u16_at(b, 13)?);
        if n_probs != N_PROBS || qs == 0 || t_step == 0 || w_step == 0 {
            return Err(DecodeError::Header);
        }
        let levels = b.get(15..HEADER).ok_or(DecodeError::Header)?;
        let probs = b.get(HEADER..HEADER + n_probs).ok_or(DecodeError::Header)?;
        let index_at = HEADER + n_probs;
        let index = b
            .get(index_at..index_at + 2 * stations)
            .ok_or(DecodeError::Header)?;
        let streams = &b[index_at + 2 * stations..];
        let blob = Blob {
            stations,
            qs,
            t_step,
            w_step,
            levels,
            probs,
            index,
            streams,
        };
        if blob.stream_start(stations)? != streams.len() {
            return Err(DecodeError::Header);
        }
        Ok(blob)
    }

    /// Number of stations.
    pub(super) fn len(&self) -> usize {
        self.stations
    }

    /// Offset of station `i`'s stream: the sum of the lengths before it.
    fn stream_start(&self, i: usize) -> Result<usize, DecodeError> {
        (0..i).try_fold(0, |at, k| Ok(at + usize::from(u16_at(self.index, 2 * k)?)))
    }

    fn stream(&self, i: usize) -> Result<&'a [u8], DecodeError> {
        if i >= self.stations {
            return Err(DecodeError::NoStation);
        }
        let start = self.stream_start(i)?;
        let end = start + usize::from(u16_at(self.index, 2 * i)?);
        self.streams.get(start..end).ok_or(DecodeError::Header)
    }

    /// Decodes station `i`: its typical days and monthly table.
    pub(super) fn decode(&self, i: usize) -> Result<Decoded, DecodeError> {
        let mut probs = [0u16; N_PROBS];
        for (p, &k) in probs.iter_mut().zip(self.probs) {
            let level = self.levels.get(usize::from(k)).ok_or(DecodeError::Header)?;
            *p = u16::from(*level) * 8;
            if !(32..=2016).contains(p) {
                return Err(DecodeError::Header);
            }
        }
        let mut rc = RangeDecoder::new(self.stream(i)?)?;
        decode_station(&mut rc, &mut probs, self.qs, self.t_step, self.w_step)
    }
}

/// LZMA range decoder (Igor Pavlov, public domain), 11-bit probabilities, adaptation shift 5;
/// the stream lacks the LZMA code's first byte (always 0) and its trailing zero bytes, up to
/// [`TRIMMED`], which the decoder reads back as zeros.
struct RangeDecoder<'a> {
    data: &'a [u8],
    pos: usize,
    range: u32,
    code: u32,
}

impl<'a> RangeDecoder<'a> {
    fn new(data: &'a [u8]) -> Result<Self, DecodeError> {
        let mut rc = RangeDecoder {
            data,
            pos: 0,
            range: u32::MAX,
            code: 0,
        };
        for _ in 0..4 {
            rc.code = (rc.code << 8) | u32::from(rc.next()?);
        }
        Ok(rc)
    }

    fn next(&mut self) -> Result<u8, DecodeError> {
        if self.pos >= self.data.len() + TRIMMED {
            return Err(DecodeError::Truncated);
        }
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        Ok(b)
    }

    fn normalize(&mut self) -> Result<(), DecodeError> {
        while self.range < (1 << 24) {
            self.range <<= 8;
            self.code = (self.code << 8) | u32::from(self.next()?);
        }
        Ok(())
    }

    fn bit(&mut self, p: &mut u16) -> Result<u32, DecodeError> {
        let bound = (self.range >> 11) * u32::from(*p);
        let bit = if self.code < bound {
            self.range = bound;
            *p += (2048 - *p) >> 5;
            0
        } else {
            self.code -= bound;
            self.range -= bound;
            *p -= *p >> 5;
            1
        };
        self.normalize()?;
        Ok(bit)
    }

    fn half(&mut self) -> Result<u32, DecodeError> {
        let mut p = 1024;
        self.bit(&mut p)
    }

    /// One residual in context block `block`.
    fn residual(&mut self, probs: &mut [u16; N_PROBS], block: usize) -> Result<i64, DecodeError> {
        let base = block * BLOCK;
        if self.bit(&mut probs[base])? == 0 {
            return Ok(0);
        }
        let negative = self.bit(&mut probs[base + 1])? == 1;
        let mut k = 1u32;
        while k < KMAX && self.bit(&mut probs[base + 1 + k as usize])? == 1 {
            k += 1;
        }
        let mut a: i64 = 1;
        if k >= 2 {
            a = (a << 1)
                | i64::from(self.bit(&mut probs[base + 2 + KMAX as usize + (k as usize - 2)])?);
            for _ in 0..k - 2 {
                a = (a << 1) | i64::from(self.half()?);
            }
        }
        Ok(if negative { -a } else { a })
    }
}

/// One station as stored: quantised typical days and the exact monthly table.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Decoded {
    /// [month][hour] irradiance indices (value u²/QS W/m²) and temperature/wind steps.
    pub ghi: [[i64; 24]; 12],
    pub dni: [[i64; 24]; 12],
    pub dhi: [[i64; 24]; 12],
    pub temp: [[i64; 24]; 12],
    pub wind: [[i64; 24]; 12],
    /// [month] GHI, DHI [0.01 kWh/m²], temperature [0.01 °C], wind [0.01 m/s].
    pub table: [[i64; 4]; 12],
    pub qs: i64,
    pub t_step: i64,
    pub w_step: i64,
}

fn round_div(a: i64, b: i64) -> i64 {
    (2 * a + b).div_euclid(2 * b)
}

fn isqrt_round(x: i64) -> i64 {
    if x <= 0 {
        return 0;
    }
    let mut s = (x as f64).sqrt() as i64;
    while s * s > x {
        s -= 1;
    }
    while (s + 1) * (s + 1) <= x {
        s += 1;
    }
    if x - s * s > s {
        s + 1
    } else {
        s
    }
}

fn blocky(w: &[i64; 24]) -> bool {
    (1..24).all(|j| BLOCK_STARTS.contains(&j) || w[j] == w[j - 1])
}

fn irr_block(ch: usize, p: i64, r_prev: i64) -> usize {
    let lp = (bits(p) as usize).min(IRR_LVL_P - 1);
    let lr = (bits(r_prev.abs()) as usize).min(IRR_LVL_R - 1);
    CTX_IRR + (ch * IRR_LVL_P + lp) * IRR_LVL_R + lr
}

/// `a[j]`, 0 outside the day.
fn at(a: &[i64; 24], j: usize) -> i64 {
    a.get(j).copied().unwrap_or(0)
}

/// The hour's place in the window f..f+n−1: 0 first, 1 second, 4 last, 5 second last, else 2 up
/// to the middle and 3 past it (where the mirror hour 2f + n − 1 − j is known).
fn irr_kind(j: usize, f: usize, n: usize) -> usize {
    if j < f + 2 {
        j - f
    } else if j + 2 >= f + n {
        4 + (f + n - 1 - j)
    } else if 2 * f + n - 1 < 2 * j {
        3
    } else {
        2
    }
}

/// Predictor inputs of hour j of channel `ch` (0 GHI, 1 DHI, 2 DNI; u values; `cur` this
/// month's channels so far, `prev` last month's): the hour before and two before, last month's
/// same, previous and next hour, the mirror hour 2f + n − 1 − j once known (this month's and
/// last month's); DHI adds GHI at j, j − 1, last month's GHI at j, D(j − 1)·G(j)/G(j − 1) and
/// D′(j)·G(j)/G′(j) (′: last month), and GHI at j + 1; DNI adds GHI and DHI at j, the closure
/// B(j) = √(G² − D²), B(j)·DNI/B of the hour before and of last month, GHI and DHI at j + 1.
fn irr_features(
    ch: usize,
    cur: &[[i64; 24]; 3],
    prev: &[[i64; 24]; 3],
    j: usize,
    f: usize,
    n: usize,
) -> [i64; 14] {
    let (a, pa) = (&cur[ch], &prev[ch]);
    let back = |k: usize| j.checked_sub(k).map_or(0, |i| a[i]);
    let mut x = [0i64; 14];
    x[..5].copy_from_slice(&[
        back(1),
        back(2),
        pa[j],
        j.checked_sub(1).map_or(0, |i| pa[i]),
        at(pa, j + 1),
    ]);
    let mirror = 2 * f + n - 1 - j;
    if mirror < j {
        x[5] = a[mirror];
        x[6] = pa[mirror];
    }
    let (g, dh) = (&cur[0], &cur[1]);
    let (g0, g1, gm) = (g[j], j.checked_sub(1).map_or(0, |i| g[i]), prev[0][j]);
    let (before, last_month) = (x[0], x[2]);
    match ch {
        1 => {
            let ratio = |v: i64, base: i64| if base > 0 { v * g0 / base } else { g0 };
            x[7..13].copy_from_slice(&[
                g0,
                g1,
                gm,
                ratio(before, g1),
                ratio(last_month, gm),
                at(g, j + 1),
            ]);
        }
        2 => {
            let beam = |g: &[i64; 24], d: &[i64; 24], i: Option<usize>| {
                i.map_or(0, |i| g[i] * g[i] - d[i] * d[i])
            };
            let b0 = beam(g, dh, Some(j));
            let b1 = beam(g, dh, j.checked_sub(1));
            let bm = beam(&prev[0], &prev[1], Some(j));
            let scaled = |v: i64, base: i64| {
                if base > 0 && b0 > 0 {
                    isqrt_round(b0 * v * v / base)
                } else {
                    0
                }
            };
            x[7..14].copy_from_slice(&[
                g0,
                dh[j],
                isqrt_round(b0),
                scaled(before, b1),
                scaled(last_month, bm),
                at(g, j + 1),
                at(dh, j + 1),
            ]);
        }
        _ => {}
    }
    x
}

/// Temperature predictor inputs of hour j: the two hours before (last month's last hours for
/// j < 2), last month's same, previous and next (for 23: same) hour.
fn temp_features(a: &[i64; 24], pa: &[i64; 24], j: usize) -> [i64; 5] {
    let past = |k: usize| if j >= k { a[j - k] } else { pa[24 + j - k] };
    let before = j.checked_sub(1).map_or(0, |i| pa[i]);
    [past(1), past(2), pa[j], before, pa[(j + 1).min(23)]]
}

fn temp_kind(m: usize, j: usize) -> usize {
    if m > 0 {
        3 + j.min(2)
    } else {
        j.min(2)
    }
}

/// Σ wᵢ·xᵢ / 64, rounded down.
fn predict(w: &[i64], x: &[i64]) -> i64 {
    (w.iter().zip(x).map(|(w, x)| w * x).sum::<i64>() + 32) >> 6
}

fn bits(x: i64) -> u32 {
    64 - x.unsigned_abs().leading_zeros()
}

// Parallel arrays indexed by month and hour read best with indices.
#[allow(clippy::needless_range_loop)]
fn decode_station(
    rc: &mut RangeDecoder<'_>,
    probs: &mut [u16; N_PROBS],
    qs: i64,
    t_step: i64,
    w_step: i64,
) -> Result<Decoded, DecodeError> {
    let mut d = Decoded {
        ghi: [[0; 24]; 12],
        dni: [[0; 24]; 12],
        dhi: [[0; 24]; 12],
        temp: [[0; 24]; 12],
        wind: [[0; 24]; 12],
        table: [[0; 4]; 12],
        qs,
        t_step,
        w_step,
    };
    let (mut f_prev, mut n_prev) = (6i64, 12i64);
    for m in 0..12 {
        let f = f_prev + rc.residual(probs, CTX_HDR)?;
        let n = n_prev + rc.residual(probs, CTX_HDR + 1)?;
        if f < 0 || n < 0 || f + n > 24 {
            return Err(DecodeError::Range);
        }
        (f_prev, n_prev) = (f, n);
        let (f, n) = (f as usize, n as usize);
        // Irradiance: GHI, then DHI and DNI (which see GHI, and DHI, of the whole window).
        let prev = if m > 0 {
            [d.ghi[m - 1], d.dhi[m - 1], d.dni[m - 1]]
        } else {
            [[0; 24]; 3]
        };
        let mut cur = [[0i64; 24]; 3];
        for ch in 0..3 {
            let mut r_prev = 0;
            for j in f..f + n {
                let x = irr_features(ch, &cur, &prev, j, f, n);
                let w: &[i64] = match ch {
                    0 => &W_GHI[irr_kind(j, f, n)],
                    1 => &W_DHI[irr_kind(j, f, n)],
                    _ => &W_DNI[irr_kind(j, f, n)],
                };
                let p = predict(w, &x).clamp(0, 4095);
                let r = rc.residual(probs, irr_block(ch, p, r_prev))?;
                let u = p + r;
                if u < 0 || u * u > IRR_MAX_W_M2 * qs {
                    return Err(DecodeError::Range);
                }
                cur[ch][j] = u;
                r_prev = r;
            }
        }
        [d.ghi[m], d.dhi[m], d.dni[m]] = cur;
        let mut r_prev = 0i64;
        let pt = if m > 0 { d.temp[m - 1] } else { [0; 24] };
        for j in 0..24 {
            let p = predict(&W_TEMP[temp_kind(m, j)], &temp_features(&d.temp[m], &pt, j));
            let lr = (bits(r_prev.abs()) as usize).min(3);
            let r = rc.residual(probs, CTX_T + j * 4 + lr)?;
            let t = p + r;
            // [−90, +60] °C
            if t * t_step < -9000 || t * t_step > 6000 {
                return Err(DecodeError::Range);
            }
            d.temp[m][j] = t;
            r_prev = r;
        }
        // Wind: previous hour; context by whether last month's wind was block-constant.
        let kind = if m == 0 {
            2
        } else if blocky(&d.wind[m - 1]) {
            1
        } else {
            0
        };
        let mut r_prev = 0i64;
        for j in 0..24 {
            let p = if j > 0 {
                d.wind[m][j - 1]
            } else if m > 0 {
                d.wind[m - 1][23]
            } else {
                0
            };
            let lr = (bits(r_prev.abs()) as usize).min(3);
            let r = rc.residual(probs, CTX_W + (kind * 24 + j) * 4 + lr)?;
            let w = p + r;
            if w < 0 || w * w_step > 10_000 {
                return Err(DecodeError::Range);
            }
            d.wind[m][j] = w;
            r_prev = r;
        }
    }
    for m in 0..12 {
        let sq = |a: &[i64; 24]| a.iter().map(|u| u * u).sum::<i64>();
        let derived = [
            round_div(sq(&d.ghi[m]) * DAYS_IN_MONTH[m] as i64, qs * 10),
            round_div(sq(&d.dhi[m]) * DAYS_IN_MONTH[m] as i64, qs * 10),
            round_div(d.temp[m].iter().sum::<i64>() * t_step, 24),
            round_div(d.wind[m].iter().sum::<i64>() * w_step, 24),
        ];
        for (k, der) in derived.into_iter().enumerate() {
            d.table[m][k] = der + rc.residual(probs, CTX_MON + k)?;
        }
        let [g, dh, t, w] = d.table[m];
        if g < 0
            || dh < 0
            || dh > g + 100
            || !(-9000..=6000).contains(&t)
            || !(0..=10_000).contains(&w)
        {
            return Err(DecodeError::Range);
        }
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_parses_and_every_station_decodes() {
        let blob = Blob::parse(BLOB).unwrap();
        assert_eq!(blob.len(), 270);
        for i in 0..blob.len() {
            blob.decode(i).unwrap();
        }
        assert_eq!(blob.decode(270), Err(DecodeError::NoStation));
    }

    #[test]
    fn damaged_blobs_give_errors_not_panics() {
        assert_eq!(Blob::parse(&BLOB[..10]).unwrap_err(), DecodeError::Header);
        assert_eq!(Blob::parse(b"").unwrap_err(), DecodeError::Header);
        // Truncations anywhere in the header or the streams.
        for cut in [
            0,
            5,
            14,
            15,
            HEADER,
            100,
            HEADER + N_PROBS,
            HEADER + N_PROBS + 2 * 270 - 1,
            BLOB.len() - 1,
        ] {
            assert!(Blob::parse(&BLOB[..cut]).is_err(), "cut at {cut}");
        }
        // Flipped bytes inside station streams: an error or a value, never a panic.
        let mut copy = BLOB.to_vec();
        let start = HEADER + N_PROBS + 2 * 270;
        let mut seed = 12345u32;
        for _ in 0..400 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let at = start + (seed as usize >> 4) % (copy.len() - start);
            copy[at] ^= (seed >> 24) as u8 | 1;
        }
        let blob = Blob::parse(&copy).unwrap();
        for i in 0..blob.len() {
            let _ = blob.decode(i);
        }
    }

    #[test]
    fn isqrt_round_is_exact() {
        for x in 0..20_000i64 {
            let want = (x as f64).sqrt().round() as i64;
            // (s + 0.5)² is never an integer, so rounding has no ties.
            assert_eq!(isqrt_round(x), want, "{x}");
        }
    }
}
