//! Decoder of the embedded climate blob `cswd.bin`, written by `scripts/build_climate.py` (its
//! docstring specifies the format; every predictor and context here mirrors `encode_station`
//! there). Each station is an independent LZMA-style binary range code, so one station decodes
//! alone (≈ 2,500 residuals, tens of microseconds). The blob is ours, but a damaged or truncated
//! one gives a [`DecodeError`], never a panic.

use crate::calendar::DAYS_IN_MONTH;
use std::fmt;

/// The blob, compiled in.
pub(super) static BLOB: &[u8] = include_bytes!("cswd.bin");

const MAGIC: &[u8; 4] = b"RPVC";
const VERSION: u8 = 2;
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
/// Largest irradiance index accepted (u²/QS W/m²: 1,458 W/m² at QS = 50).
const U_MAX: i64 = 270;
const BLOCK_STARTS: [usize; 5] = [0, 2, 8, 14, 20];

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

fn u32_at(b: &[u8], at: usize) -> Result<u32, DecodeError> {
    let s = b.get(at..at + 4).ok_or(DecodeError::Header)?;
    Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
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
            .get(index_at..index_at + 8 * stations)
            .ok_or(DecodeError::Header)?;
        let streams = &b[index_at + 8 * stations..];
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
        if blob.stream_end(stations.saturating_sub(1))? != streams.len() {
            return Err(DecodeError::Header);
        }
        Ok(blob)
    }

    /// Number of stations.
    pub(super) fn len(&self) -> usize {
        self.stations
    }

    /// The WMO number × 10 of station `i`.
    pub(super) fn wmo(&self, i: usize) -> Result<u32, DecodeError> {
        if i >= self.stations {
            return Err(DecodeError::NoStation);
        }
        u32_at(self.index, 8 * i)
    }

    fn stream_end(&self, i: usize) -> Result<usize, DecodeError> {
        if self.stations == 0 {
            return Ok(0);
        }
        Ok(u32_at(self.index, 8 * i + 4)? as usize)
    }

    fn stream(&self, i: usize) -> Result<&'a [u8], DecodeError> {
        if i >= self.stations {
            return Err(DecodeError::NoStation);
        }
        let start = if i == 0 { 0 } else { self.stream_end(i - 1)? };
        let end = self.stream_end(i)?;
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

/// LZMA range decoder (Igor Pavlov, public domain), 11-bit probabilities, adaptation shift 5.
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
        if rc.next()? != 0 {
            return Err(DecodeError::Header);
        }
        for _ in 0..4 {
            rc.code = (rc.code << 8) | u32::from(rc.next()?);
        }
        Ok(rc)
    }

    fn next(&mut self) -> Result<u8, DecodeError> {
        let b = *self.data.get(self.pos).ok_or(DecodeError::Truncated)?;
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
        // Channels in stream order: DHI, GHI, DNI.
        for ch in 0..3 {
            let mut r_prev = 0;
            for j in f..f + n {
                let (cur, prev) = {
                    let arr = |m: usize| match ch {
                        0 => d.dhi[m],
                        1 => d.ghi[m],
                        _ => d.dni[m],
                    };
                    (arr(m), if m > 0 { Some(arr(m - 1)) } else { None })
                };
                let p1 = if j > f { cur[j - 1] } else { 0 };
                let p2 = if j > f + 1 { cur[j - 2] } else { p1 };
                let pm = match prev {
                    Some(pa) => pa[j] - if j > 0 { pa[j - 1] } else { 0 },
                    None => 0,
                };
                // The second hour of the window: the previous hour plus last month's change.
                let mut p = if j == f + 1 && m > 0 {
                    p1 + pm
                } else {
                    (3 * p1 - p2 + pm).div_euclid(2)
                };
                if ch == 2 && m > 0 {
                    let (gq, dq) = (d.ghi[m][j].pow(2), d.dhi[m][j].pow(2));
                    let (gp, dp, bp) = (
                        d.ghi[m - 1][j].pow(2),
                        d.dhi[m - 1][j].pow(2),
                        d.dni[m - 1][j].pow(2),
                    );
                    if gp - dp > 5 * qs && bp > 0 && gq > dq {
                        p = isqrt_round((gq - dq) * bp / (gp - dp));
                    }
                }
                let p = p.clamp(0, 4095);
                let r = rc.residual(probs, irr_block(ch, p, r_prev))?;
                let u = p + r;
                if !(0..=U_MAX).contains(&u) {
                    return Err(DecodeError::Range);
                }
                match ch {
                    0 => d.dhi[m][j] = u,
                    1 => d.ghi[m][j] = u,
                    _ => d.dni[m][j] = u,
                }
                r_prev = r;
            }
        }
        // Temperature: the mean of the second difference and of the previous hour plus last
        // month's change at this hour.
        let mut r_prev = 0i64;
        for j in 0..24 {
            let a = &d.temp[m];
            let pa = if m > 0 { Some(&d.temp[m - 1]) } else { None };
            let p = match (j, pa) {
                (0, Some(pa)) => pa[0],
                (0, None) => 0,
                (1, Some(pa)) => a[0] + pa[1] - pa[0],
                (1, None) => a[0],
                (_, pa) => {
                    let d2 = 2 * a[j - 1] - a[j - 2];
                    let d1m = pa.map_or(d2, |pa| a[j - 1] + pa[j] - pa[j - 1]);
                    (d2 + d1m).div_euclid(2)
                }
            };
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
            HEADER + N_PROBS + 8 * 270 + 3,
            BLOB.len() - 1,
        ] {
            assert!(Blob::parse(&BLOB[..cut]).is_err(), "cut at {cut}");
        }
        // Flipped bytes inside station streams: an error or a value, never a panic.
        let mut copy = BLOB.to_vec();
        let start = HEADER + N_PROBS + 8 * 270;
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
