#!/usr/bin/env python3
"""Builds the embedded climate of the 270 CSWD stations (issue 4), reproducibly.

Inputs (read only):
  data/cswd-monthly.csv                  monthly GHI, DHI, temperature, wind per station
  data/cswd-typical-days.csv.gz          the average day of each month (24 clock hours), gzip
  data/stations-zh.csv                   Chinese names and provinces, same order as cswd-monthly.csv

Outputs (committed; `--check` verifies that they are up to date):
  src/climate/cswd.bin         the typical days and the monthly table, range-coded (format below)
  src/climate/stations_data.rs station metadata as Rust constants (names, coordinates, annual GHI)

Usage:  python3 scripts/build_climate.py [--check] [--data data] [--stats] [--steps QS,T,W] [--fit]

Source and attribution: "CSWD typical year (CMA / Tsinghua)" — China Standard Weather Data for
Analyzing Building Thermal Conditions, China Meteorological Administration Climate Data Office and
Tsinghua University Department of Building Science, 2005 (EnergyPlus weather library EPW files).

## Quantisation (the only loss; everything else is exact)
- Irradiance (GHI, DNI, DHI of the typical days, source resolution 0.1 W/m²): square-root
  companding, value = u² / QS W/m² with an integer u and QS = 12 (step (2u + 1)/QS ≈ 0.58·√v
  W/m²: 1.8 W/m² at 10, 5.8 at 100, 11.5 at 400, 17.8 at 950), with error feedback along each day
  so that the day's sum keeps within half a step of the source. Zero stays zero and non-zero
  stays non-zero.
- Temperature of the typical days: T_STEP = 1 °C (|error| ≤ 0.5 °C: ≤ 0.2 % of a module's
  power); wind: W_STEP = 0.4 m/s (|error| ≤ 0.2 m/s: ≤ 1.2 °C of cell temperature in full sun).
- The monthly table (GHI, DHI [0.01 kWh/m²], temperature [0.01 °C], wind [0.01 m/s]) is stored
  exactly, as residuals against the sums and means of the quantised typical days.
- What the steps cost, measured on the station method's AC energy (examples/station_kwh.rs:
  PVWatts v8, 4 kW south 20°) of all 270 stations against a build at the source's resolution
  (`--steps 5000,1,1`, irradiance steps ≤ 0.03 W/m² at 10 W/m², temperature and wind exact):
    steps (QS, T, W)    annual max |Δ|  mean |Δ|   monthly max |Δ|  p99     blob gzip -9
    50, 0.5, 0.2 (v2)   0.089 %         0.015 %    0.75 %           0.17 %  (v2 coder) 125,670 B
    12, 0.5, 0.3 (v3)   0.096 %         0.018 %    1.58 % (1 month) 0.26 %  (v3 coder)  94,764 B
    12, 1.0, 0.3        0.116 %         0.021 %    1.53 %           0.28 %               91,977 B
    12, 1.0, 0.4 (now)  0.165 %         0.025 %    1.51 %           0.35 %               90,025 B
  (Temperature to 1 °C and wind to 0.4 m/s, 2026-12-07, issue 9: 4.7 KB off the blob to bring the
  .wasm under its 400 KB budget; measured again with the commands below, which reproduce the v3
  row.) The worst month,
  Wanyuan (572370) in November, carries its day's error into the last, low-sun hour (GHI 1.6 ->
  4.1 W/m² at 18 h); not traced further.
  Measure (`--steps` writes src/climate/cswd.bin; the third command restores it):
  python3 scripts/build_climate.py --steps 5000,1,1 && cargo run --release --example
  station_kwh > ref.tsv && python3 scripts/build_climate.py && cargo run --release --example
  station_kwh > now.tsv, then compare the columns (annual, then 12 months).

## Blob format (little endian)
  magic b"RPVC", version u8 (3), n_stations u16, QS u16, T_STEP u16 [0.01 °C],
  W_STEP u16 [0.01 m/s], n_probs u16, then N_LEVELS (31) bytes of probability levels (p = byte·8,
  of a 0 bit, out of 2048; evenly spaced in log-odds), then n_probs bytes each the index of a
  context's initial level, then per station the length u16 of its stream, then the streams.
  The stations are those of stations_data.rs, in its order (one run writes both). (Indices into
  31 levels instead of a byte per probability: the table's gzip size 4.1 -> 2.7 KB, the streams
  0.1 KB longer.)
  Each station's stream is an independent LZMA-style binary range code (11-bit probabilities,
  adaptation shift 5) starting from the initial probabilities, so one station decodes alone;
  it ends on the shortest value in the final interval and leaves out the code's first byte
  (always 0) and up to TRIMMED (4) trailing zero bytes, which the decoder reads back as zeros.

Stream content, per month 1..12:
  window: first and last hour with any irradiance (f, n = count): residuals f − f_prev, n − n_prev
  GHI, DHI, DNI for hours f..f+n−1 (u values), temperature and wind for hours 0..23 (steps);
then per month the monthly-table residuals (GHI, DHI, temperature, wind).
Residual coding of an integer r in a context block of 34 probabilities: zero flag, sign, unary
bit length k of |r| (≤ 16), the bit below the leading one (context per k), the remaining k − 2 bits
at probability 1/2.
Predictors: irradiance and temperature Σ wᵢ·xᵢ / 64 (rounded down; irradiance clamped to
0..4095) of the inputs of `irr_features` / `temp_features` with IRR_WEIGHTS / TEMP_WEIGHTS by
kind (`irr_kind`: the hour's place in the window; `temp_kind`: hour 0, 1, later, × first month
or not); the weights are least-absolute-deviation fits over all stations (`--fit`), a part of
the format. Irradiance contexts: channel × bit length of the prediction (≤ 9) × of the previous
residual (≤ 3); temperature: hour × previous residual; wind: the previous hour, context by hour ×
whether last month's wind was block-constant × previous residual. All mirrored in
src/climate/codec.rs.
"""

import argparse
import csv
import gzip
import math
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
VERSION = 3
QS = 12  # irradiance u -> u*u/QS W/m²
T_STEP = 100  # 0.01 °C units
W_STEP = 40  # 0.01 m/s units
SOURCE = "CSWD typical year (CMA / Tsinghua)"

# Predictor weights [1/64] of each channel's inputs (irr_features, temp_features) by kind (irr_kind,
# temp_kind): least absolute deviations over the 270 stations at these steps (a fixed part of the
# format; `--fit` prints them anew, with numpy).
IRR_WEIGHTS = [
    [  # GHI
        [   0,    0,    0,   17,   27,    0,    0],
        [  43,    0,   -4,  -19,   41,    0,    0],
        [  83,  -18,   -1,  -20,   21,    0,    0],
        [  43,   -4,    7,   -8,   20,   23,  -16],
        [  78,  -40,   26,   -3,    8,   15,  -24],
        [  52,  -14,   27,   -9,    1,   18,  -18],
    ],
    [  # DHI
        [   0,    0,   22,   -8,    2,    0,    0,   15,    0,  -13,   15,   18,   -2],
        [  43,    0,  -13,   -6,   10,    0,    0,   -9,  -18,   12,    6,   34,    8],
        [  49,   -6,  -13,  -14,   15,    0,    0,  -19,    3,   11,   20,   14,    5],
        [  15,    4,    8,   -3,   10,   14,  -10,  -13,    7,   -3,   28,   -2,    9],
        [   7,   -5,   13,    0,    0,    5,   -6,    1,    1,   -3,   50,    2,    0],
        [  34,    3,   18,   -5,    0,    7,   -9,   15,  -12,   -3,    3,    0,    6],
    ],
    [  # DNI
        [   0,    0,   -1,   -4,    1,    0,    0,   31,  -36,  106,    0,   -4,    3,   -1],
        [  -7,    0,    1,   -4,    4,    0,    0,   13,  -16,   74,   10,   -4,    5,    0],
        [   7,    2,    0,   -3,    4,    0,    0,   -1,   19,   14,   44,   -2,   -4,  -14],
        [   7,    7,    5,   -4,    1,    5,   -4,   17,    0,   -3,   46,    4,  -17,    1],
        [   0,    0,    0,    0,    0,    0,    0,    1,    0,   -1,    0,    0,    0,    0],
        [   8,   -7,  -13,    3,   -2,   19,   -6,   20,  -72,  -33,   37,   17,   39,  113],
    ],
]
TEMP_WEIGHTS = [
    [   0,    0,    0,    0,    0],
    [  65,    0,    0,    0,    0],
    [ 116,  -53,    0,    0,    0],
    [ 559, -127, -414,    0,   38],
    [  64,  -20,    6,   -3,   17],
    [  80,  -16,   12,  -30,   18],
]

# Context blocks (34 probabilities each).
BLOCK = 34
KMAX = 16
IRR_LVL_P = 10
IRR_LVL_R = 4
CTX_IRR = 0  # 3 channels x 10 x 4 = 120 blocks
CTX_T = CTX_IRR + 3 * IRR_LVL_P * IRR_LVL_R  # 24 hours x 4 = 96
CTX_W = CTX_T + 24 * 4  # 3 block kinds x 24 hours x 4 = 288
CTX_HDR = CTX_W + 3 * 24 * 4  # 2 (f, n)
CTX_MON = CTX_HDR + 2  # 4 (G, D, T, W)
N_BLOCKS = CTX_MON + 4
N_PROBS = N_BLOCKS * BLOCK
HALF = 1024
TRIMMED = 4  # most trailing zero bytes left out of a stream
# Initial probabilities come from 31 levels, 256/(1 + e^-x) for x evenly spaced over ±ln(252/4)
# (4 and 252 as before; 128 in the middle, for contexts that no station uses).
N_LEVELS = 31
LEVELS = [round(256 / (1 + (252 / 4) ** ((15 - k) / 15))) for k in range(N_LEVELS)]
LOGITS = [math.log(v / (256 - v)) for v in LEVELS]


class Encoder:
    """LZMA range encoder (Igor Pavlov, public domain), binary adaptive probabilities."""

    def __init__(self):
        self.low = 0
        self.range = 0xFFFFFFFF
        self.cache = 0
        self.cache_size = 1
        self.out = bytearray()

    def _shift_low(self):
        if (self.low & 0xFFFFFFFF) < 0xFF000000 or (self.low >> 32) != 0:
            carry = self.low >> 32
            temp = self.cache
            while True:
                self.out.append((temp + carry) & 0xFF)
                temp = 0xFF
                self.cache_size -= 1
                if self.cache_size == 0:
                    break
            self.cache = (self.low >> 24) & 0xFF
        self.cache_size += 1
        self.low = (self.low & 0x00FFFFFF) << 8

    def bit(self, probs, i, b):
        """Codes bit b with probability probs[i] (of a 0, out of 2048), adapting it; i None: 1/2."""
        p = HALF if i is None else probs[i]
        bound = (self.range >> 11) * p
        if b == 0:
            self.range = bound
            if i is not None:
                probs[i] = p + ((2048 - p) >> 5)
        else:
            self.low += bound
            self.range -= bound
            if i is not None:
                probs[i] = p - (p >> 5)
        while self.range < (1 << 24):
            self.range = (self.range << 8) & 0xFFFFFFFF
            self._shift_low()

    def finish(self):
        """The code: the shortest ending (a value in [low, low + range) with the 24 low bits zero,
        as range ≥ 2^24), without the first byte (always 0) and the trailing zeros (≤ TRIMMED),
        which the decoder reads back."""
        self.low = (self.low + 0xFFFFFF) & ~0xFFFFFF
        for _ in range(5):
            self._shift_low()
        out = self.out
        if out[0] != 0:
            raise ValueError("range code does not start with 0")
        end = len(out)
        while end > len(out) - TRIMMED and out[end - 1] == 0:
            end -= 1
        return bytes(out[1:end])


class Counter:
    """Counts the bits each probability sees (first pass: trains the initial probabilities)."""

    def __init__(self):
        self.zeros = [0] * N_PROBS
        self.ones = [0] * N_PROBS

    def bit(self, _probs, i, b):
        if i is None:
            return
        if b:
            self.ones[i] += 1
        else:
            self.zeros[i] += 1


def put(coder, probs, block, r):
    base = block * BLOCK
    if r == 0:
        coder.bit(probs, base, 0)
        return
    coder.bit(probs, base, 1)
    coder.bit(probs, base + 1, 1 if r < 0 else 0)
    a = abs(r)
    k = a.bit_length()
    if k > KMAX:
        raise ValueError(f"residual {r} too large")
    for i in range(1, k):
        coder.bit(probs, base + 1 + i, 1)
    if k < KMAX:
        coder.bit(probs, base + 1 + k, 0)
    if k >= 2:
        coder.bit(probs, base + 2 + KMAX + (k - 2), (a >> (k - 2)) & 1)
        for j in range(k - 3, -1, -1):
            coder.bit(probs, None, (a >> j) & 1)


def isqrt_round(x):
    """round(sqrt(x)) for an integer x >= 0, exactly."""
    s = math.isqrt(x)
    return s + 1 if x - s * s > s else s


def round_div(a, b):
    """a / b rounded to nearest, halves up (b > 0), exactly."""
    return (2 * a + b) // (2 * b)


def quantise_irradiance(tenths):
    """24 values [0.1 W/m²] -> u with u*u/QS ≈ value, error fed forward along the day."""
    out = []
    err = 0.0
    for t in tenths:
        if t == 0:
            out.append(0)
            continue
        target = t / 10.0 + err
        u0 = math.isqrt(int(max(target, 0.0) * QS))
        best = None
        for u in (u0 - 1, u0, u0 + 1, u0 + 2):
            if u < 1:
                continue
            e = abs(u * u / QS - target)
            if best is None or e < best[0]:
                best = (e, u)
        u = best[1]
        err = target - u * u / QS
        out.append(u)
    return out


def quantise_step(centi, step):
    """0.01-unit integers -> multiples of step, rounded to nearest (halves up)."""
    return [(2 * c + step) // (2 * step) for c in centi]


def irr_block(ch, p, r_prev):
    return CTX_IRR + (ch * IRR_LVL_P + min(p.bit_length(), IRR_LVL_P - 1)) * IRR_LVL_R + min(
        abs(r_prev).bit_length(), IRR_LVL_R - 1
    )


def at(a, j):
    """a[j], 0 outside the day or without a day (a None)."""
    return a[j] if a is not None and 0 <= j < 24 else 0


def window(q):
    """The first hour with any irradiance and the count to the last one: (f, n), (0, 0) if none."""
    nz = [h for h in range(24) if q["g"][h] or q["b"][h] or q["d"][h]]
    return (nz[0], nz[-1] - nz[0] + 1) if nz else (0, 0)


def irr_kind(j, f, n):
    """The hour's place in the window f..f+n−1: 0 first, 1 second, 4 last, 5 second last, else 2
    up to the middle and 3 past it (where the mirror hour 2f + n − 1 − j is known)."""
    if j < f + 2:
        return j - f
    if j >= f + n - 2:
        return 4 + (f + n - 1 - j)
    return 3 if 2 * f + n - 1 - j < j else 2


def irr_features(ch, q, prev, j, f, n):
    """Predictor inputs of hour j of channel ch (0 GHI, 1 DHI, 2 DNI; u values) of day q: the
    hour before and two before, last month's same, previous and next hour, the mirror hour
    2f + n − 1 − j once known (this month's and last month's); DHI adds GHI at j, j − 1, last
    month's GHI at j, D(j − 1)·G(j)/G(j − 1) and D′(j)·G(j)/G′(j) (′: last month), and GHI at
    j + 1; DNI adds GHI and DHI at j, the closure B(j) = √(G² − D²), B(j)·DNI/B of the hour
    before and of last month, GHI and DHI at j + 1."""
    key = "gdb"[ch]
    a, pa = q[key], prev[key] if prev else None
    jm = 2 * f + n - 1 - j
    x = [at(a, j - 1), at(a, j - 2), at(pa, j), at(pa, j - 1), at(pa, j + 1)]
    x += [at(a, jm), at(pa, jm)] if jm < j else [0, 0]
    g, d = q["g"], q["d"]
    pg, pd = (prev["g"], prev["d"]) if prev else (None, None)
    if ch == 1:
        g0, g1, gm = at(g, j), at(g, j - 1), at(pg, j)
        x += [g0, g1, gm, x[0] * g0 // g1 if g1 > 0 else g0, x[2] * g0 // gm if gm > 0 else g0]
        x += [at(g, j + 1)]
    elif ch == 2:
        beam = at(g, j) ** 2 - at(d, j) ** 2
        beam1 = at(g, j - 1) ** 2 - at(d, j - 1) ** 2
        beam_m = at(pg, j) ** 2 - at(pd, j) ** 2
        x += [at(g, j), at(d, j), isqrt_round(max(beam, 0))]
        x += [isqrt_round(beam * x[0] ** 2 // beam1) if beam1 > 0 and beam > 0 else 0]
        x += [isqrt_round(beam * x[2] ** 2 // beam_m) if beam_m > 0 and beam > 0 else 0]
        x += [at(g, j + 1), at(d, j + 1)]
    return x


def temp_features(q, prev, j):
    """Predictor inputs of hour j's temperature: the two hours before (last month's last hours for
    j < 2), last month's same, previous and next hour."""
    a, pa = q["t"], prev["t"] if prev else None

    def past(k):
        return a[k] if k >= 0 else at(pa, 24 + k)

    return [past(j - 1), past(j - 2), at(pa, j), at(pa, j - 1), at(pa, min(j + 1, 23))]


def temp_kind(m, j):
    return (3 if m > 0 else 0) + min(j, 2)


def predict(weights, x):
    """Σ wᵢ·xᵢ / 64, rounded down."""
    return sum(w * v for w, v in zip(weights, x)) + 32 >> 6


BLOCK_STARTS = (0, 2, 8, 14, 20)


def blocky(w):
    """Whether a day's wind is constant within each observation block."""
    return all(w[j] == w[j - 1] for j in range(1, 24) if j not in BLOCK_STARTS)


def derived_monthly(month, q):
    """The monthly table as implied by the quantised typical day (0.01 units)."""
    days = DAYS[month]
    g = round_div(sum(u * u for u in q["g"]) * days, QS * 10)
    d = round_div(sum(u * u for u in q["d"]) * days, QS * 10)
    t = round_div(sum(q["t"]) * T_STEP, 24)
    w = round_div(sum(q["w"]) * W_STEP, 24)
    return [g, d, t, w]


def encode_station(coder, probs, months, table):
    """months: 12 dicts of quantised 24-hour lists g, b, d (u), t, w (steps); table: 12 × [g, d, t, w]."""
    prev = None
    f_prev, n_prev = 6, 12
    for m, q in enumerate(months):
        f, n = window(q)
        put(coder, probs, CTX_HDR, f - f_prev)
        put(coder, probs, CTX_HDR + 1, n - n_prev)
        f_prev, n_prev = f, n
        # irradiance: GHI, then DHI and DNI (which see GHI, and DHI, of the whole window)
        for ch, key in enumerate("gdb"):
            r_prev = 0
            for j in range(f, f + n):
                x = irr_features(ch, q, prev, j, f, n)
                p = max(0, min(predict(IRR_WEIGHTS[ch][irr_kind(j, f, n)], x), 4095))
                r = q[key][j] - p
                put(coder, probs, irr_block(ch, p, r_prev), r)
                r_prev = r
        r_prev = 0
        for j in range(24):
            p = predict(TEMP_WEIGHTS[temp_kind(m, j)], temp_features(q, prev, j))
            r = q["t"][j] - p
            put(coder, probs, CTX_T + j * 4 + min(abs(r_prev).bit_length(), 3), r)
            r_prev = r
        # wind: previous hour; the context knows whether last month's wind was held constant
        # over the observation blocks 0-1, 2-7, 8-13, 14-19, 20-23 h (half the stations)
        a, pa = q["w"], prev["w"] if prev else None
        kind = 2 if pa is None else 1 if blocky(pa) else 0
        r_prev = 0
        for j in range(24):
            p = a[j - 1] if j > 0 else (pa[23] if pa else 0)
            r = a[j] - p
            put(coder, probs, CTX_W + (kind * 24 + j) * 4 + min(abs(r_prev).bit_length(), 3), r)
            r_prev = r
        prev = q
    for m, q in enumerate(months):
        der = derived_monthly(m, q)
        for k in range(4):
            put(coder, probs, CTX_MON + k, table[m][k] - der[k])


def centi(s):
    """A decimal string with at most 2 decimals -> integer hundredths, exactly."""
    s = s.strip()
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    whole, _, frac = s.partition(".")
    if len(frac) > 2:
        raise ValueError(f"more than 2 decimals: {s}")
    v = int(whole or "0") * 100 + int((frac + "00")[:2])
    return -v if neg else v


def tenths(s):
    c = centi(s)
    if c % 10:
        raise ValueError(f"irradiance not at 0.1 resolution: {s}")
    return c // 10


def read_inputs(data):
    with open(os.path.join(data, "cswd-monthly.csv"), newline="", encoding="utf-8") as fh:
        monthly = list(csv.DictReader(fh))
    with open(os.path.join(ROOT, "data", "stations-zh.csv"), newline="", encoding="utf-8") as fh:
        zh = list(csv.DictReader(fh))
    days = {}
    with gzip.open(
        os.path.join(data, "cswd-typical-days.csv.gz"), "rt", newline="", encoding="utf-8"
    ) as fh:
        for r in csv.DictReader(fh):
            days.setdefault(r["wmo"], [[None] * 24 for _ in range(12)])[int(r["month"]) - 1][
                int(r["clock_hour"])
            ] = r
    if len(monthly) != 270 or len(zh) != 270:
        raise SystemExit(f"expected 270 stations, got {len(monthly)} and {len(zh)}")
    for m, z in zip(monthly, zh):
        if m["wmo"] != z["wmo"] or m["city"] != z["city_pinyin"]:
            raise SystemExit(f"stations-zh.csv out of order at {m['wmo']} / {z['wmo']}")
        if m["wmo"] not in days or any(h is None for mo in days[m["wmo"]] for h in mo):
            raise SystemExit(f"typical days incomplete for {m['wmo']}")
    return monthly, zh, days


def station_inputs(mrow, drows):
    months = []
    src = []
    for mo in range(12):
        hours = drows[mo]
        t = {k: [tenths(h[k + "_w_m2"]) for h in hours] for k in ("ghi", "dni", "dhi")}
        c = {k: [centi(h[k]) for h in hours] for k in ("temp_c", "wind_m_s")}
        src.append((t, c))
        months.append(
            {
                "g": quantise_irradiance(t["ghi"]),
                "b": quantise_irradiance(t["dni"]),
                "d": quantise_irradiance(t["dhi"]),
                "t": quantise_step(c["temp_c"], T_STEP),
                "w": quantise_step(c["wind_m_s"], W_STEP),
            }
        )
    table = [
        [
            centi(mrow[f"ghi_kwh_m2_{mo + 1:02d}"]),
            centi(mrow[f"dhi_kwh_m2_{mo + 1:02d}"]),
            centi(mrow[f"temp_c_{mo + 1:02d}"]),
            centi(mrow[f"wind_m_s_{mo + 1:02d}"]),
        ]
        for mo in range(12)
    ]
    return months, table, src


def build_blob(monthly, days):
    inputs = [station_inputs(m, days[m["wmo"]]) for m in monthly]
    # Pass 1: train the initial probabilities on all stations.
    counter = Counter()
    dummy = [HALF] * N_PROBS
    for months, table, _ in inputs:
        encode_station(counter, dummy, months, table)
    init = []
    for z, o in zip(counter.zeros, counter.ones):
        # the level nearest in log-odds to the trained probability (1/2 for unused contexts)
        x = 0.0 if z + o == 0 else math.log((z + 0.5) / (o + 0.5))
        init.append(min(range(N_LEVELS), key=lambda k: abs(LOGITS[k] - x)))
    # Pass 2: one independent stream per station.
    streams = []
    for months, table, _ in inputs:
        enc = Encoder()
        encode_station(enc, [LEVELS[k] * 8 for k in init], months, table)
        streams.append(enc.finish())
    out = bytearray(b"RPVC")
    out += bytes([VERSION])
    for v in (len(monthly), QS, T_STEP, W_STEP, N_PROBS):
        out += v.to_bytes(2, "little")
    out += bytes(LEVELS)
    out += bytes(init)
    for s in streams:
        out += len(s).to_bytes(2, "little")
    for s in streams:
        out += s
    return bytes(out), inputs


def build_rust(monthly, zh):
    lines = [
        "// @generated by scripts/build_climate.py from data/cswd-monthly.csv and",
        "// data/stations-zh.csv — do not edit; run `python3 scripts/build_climate.py`.",
        f"// Source: {SOURCE}.",
        "",
        "/// The 270 CSWD stations in the order of the climate blob, one line each, fields separated by",
        "/// tabs: wmo, name (pinyin), province (pinyin), name (Chinese), province (Chinese), province",
        "/// (English), latitude [0.01°], longitude [0.01°], elevation [0.1 m], annual GHI [0.01 kWh/m²].",
        "/// (A text table: a quarter of the WebAssembly size of an array of structs of string slices.)",
        'pub(super) static TABLE: &str = "\\',
    ]
    for m, z in zip(monthly, zh):
        annual_c = sum(centi(m[f"ghi_kwh_m2_{mo:02d}"]) for mo in range(1, 13))
        year = centi(m["ghi_kwh_m2_year"])
        if abs(annual_c - year) > 6:  # the year column is rounded to 0.1
            raise SystemExit(f"{m['wmo']}: months sum {annual_c} vs year {year}")
        lat, lon, elev = centi(m["lat"]), centi(m["lon"]), centi(m["elev_m"])
        if centi(m["tz"]) != 800:
            raise SystemExit(f"{m['wmo']}: time zone {m['tz']}")
        if elev % 10:
            raise SystemExit(f"{m['wmo']}: elevation {m['elev_m']} finer than 0.1 m")
        fields = [
            m["wmo"],
            m["city"],
            m["province"],
            z["name_zh"],
            z["province_zh"],
            z["province_en"],
            str(lat),
            str(lon),
            str(elev // 10),
            str(annual_c),
        ]
        for f in fields:
            if any(c in f for c in '\t\n"\\') or not f:
                raise SystemExit(f"{m['wmo']}: unusable field {f!r}")
        lines.append("\\t".join(fields) + "\\n\\")
    lines.append('";')
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="fail if the outputs are not up to date")
    ap.add_argument("--data", default=os.path.join(ROOT, "data"), help="folder of the CSWD tables")
    ap.add_argument("--stats", action="store_true", help="print sizes and quantisation errors")
    ap.add_argument(
        "--steps",
        metavar="QS,T,W",
        help="other quantisation steps, to measure their cost (e.g. 5000,1,1: the source's resolution)",
    )
    ap.add_argument("--fit", action="store_true", help="print the predictor weights fitted anew")
    args = ap.parse_args()
    if args.steps:
        global QS, T_STEP, W_STEP
        QS, T_STEP, W_STEP = (int(v) for v in args.steps.split(","))
    monthly, zh, days = read_inputs(args.data)
    if args.fit:
        fit_weights([station_inputs(m, days[m["wmo"]])[0] for m in monthly])
        return
    blob, inputs = build_blob(monthly, days)
    rust = build_rust(monthly, zh).encode("utf-8")
    outs = [
        (os.path.join(ROOT, "src", "climate", "cswd.bin"), blob),
        (os.path.join(ROOT, "src", "climate", "stations_data.rs"), rust),
    ]
    if args.stats:
        print_stats(blob, inputs)
    stale = []
    for path, data in outs:
        old = open(path, "rb").read() if os.path.exists(path) else None
        if old != data:
            stale.append(path)
            if not args.check:
                with open(path, "wb") as fh:
                    fh.write(data)
    if args.check and stale:
        sys.exit("out of date (run python3 scripts/build_climate.py): " + ", ".join(stale))
    verb = "checked" if args.check else ("wrote" if stale else "unchanged")
    print(f"{verb}: cswd.bin {len(blob)} bytes, stations_data.rs {len(rust)} bytes")


def fit_weights(stations):
    """Prints IRR_WEIGHTS and TEMP_WEIGHTS fitted to the stations' quantised days: least absolute
    deviations by iteratively reweighted least squares (10 rounds, weights 1/max(|e|, 1 or 0.5)),
    rounded to 1/64."""
    import numpy as np

    irr, temp = {}, {}
    for months in stations:
        prev = None
        for m, q in enumerate(months):
            f, n = window(q)
            for ch, key in enumerate("gdb"):
                for j in range(f, f + n):
                    row = (irr_features(ch, q, prev, j, f, n), q[key][j])
                    irr.setdefault((ch, irr_kind(j, f, n)), []).append(row)
            for j in range(24):
                temp.setdefault(temp_kind(m, j), []).append((temp_features(q, prev, j), q["t"][j]))
            prev = q

    def lad(rows, floor):
        x = np.array([r[0] for r in rows], float)
        y = np.array([r[1] for r in rows], float)
        w = np.linalg.lstsq(x, y, rcond=None)[0]
        for _ in range(10):
            s = np.sqrt(1 / np.maximum(np.abs(y - x @ w), floor))
            w = np.linalg.lstsq(x * s[:, None], y * s, rcond=None)[0]
        return [int(v) for v in np.round(w * 64)]

    print("IRR_WEIGHTS =", [[lad(irr[(ch, k)], 1) for k in range(6)] for ch in range(3)])
    print("TEMP_WEIGHTS =", [lad(temp[k], 0.5) for k in range(6)])


def print_stats(blob, inputs):
    import gzip

    print(f"blob {len(blob)} bytes, gzip -9 {len(gzip.compress(blob, 9))} bytes")
    worst = {"ghi_annual_pct": 0.0, "ghi_month_pct": 0.0, "hour_w": 0.0, "temp": 0.0, "wind": 0.0}
    for months, _table, src in inputs:
        ann_src = ann_q = 0.0
        for mo, (q, (t, c)) in enumerate(zip(months, src)):
            s = sum(t["ghi"]) / 10 * DAYS[mo] / 1000
            qv = sum(u * u for u in q["g"]) / QS * DAYS[mo] / 1000
            ann_src += s
            ann_q += qv
            if s > 0:
                worst["ghi_month_pct"] = max(worst["ghi_month_pct"], abs(qv - s) / s * 100)
            for key, k in (("g", "ghi"), ("b", "dni"), ("d", "dhi")):
                for u, x in zip(q[key], t[k]):
                    worst["hour_w"] = max(worst["hour_w"], abs(u * u / QS - x / 10))
            for v, x in zip(q["t"], c["temp_c"]):
                worst["temp"] = max(worst["temp"], abs(v * T_STEP - x) / 100)
            for v, x in zip(q["w"], c["wind_m_s"]):
                worst["wind"] = max(worst["wind"], abs(v * W_STEP - x) / 100)
        worst["ghi_annual_pct"] = max(worst["ghi_annual_pct"], abs(ann_q - ann_src) / ann_src * 100)
    print("worst quantisation errors (typical days before rescaling to the monthly table):", worst)


if __name__ == "__main__":
    main()
