#!/usr/bin/env python3
"""Golden least-cost battery days for the `optimal` dispatch (src/storage/optimal.rs).

    .venv/bin/python scripts/storage_reference.py

Builds 24 days (several tariffs: Shanxi 2026 summer with a critical peak, Shanxi winter with two
evening peaks, a two-peak 两充两放 day, a flat price; with and without PV; unlimited export, an export
limit, zero export; grid charging allowed or not; different starting energies) and solves each as an
LP with scipy.optimize.linprog (HiGHS), independently of the calculator's own method:

    variables per hour: charge c, discharge d, import i, export x, curtailed u, stored energy s
    min  Σ p_t·i_t − e·x_t
    s.t. i_t − x_t − u_t + d_t − c_t = load_t + aux − pv_t             (the site's balance)
         s_{t+1} = s_t + η_c·c_t − d_t/η_d, s_0 given, s_min ≤ s_t ≤ s_max
         0 ≤ c_t ≤ P (≤ max(pv − load − aux, 0) without grid charging)
         0 ≤ d_t ≤ min(P, max(load + aux − pv, 0))                   (no export from the battery)
         0 ≤ x_t ≤ L, u_t ≥ 0, i_t ≥ 0

η_c = η_d = √η. Writes tests/data/reference/storage_optimal_days.json with each day's inputs and
its optimal cost [yuan]; tests/storage.rs checks the calculator's `optimal` against them and every
rule-based mode against the optimum.
"""
import json
import platform
import sys
from pathlib import Path

import numpy as np
import scipy
from scipy.optimize import linprog

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python scripts/storage_reference.py"
OUT = ROOT / "tests/data/reference/storage_optimal_days.json"

# Period runs (first hour, last hour inclusive, price) over a default price.
TARIFFS = {
    "shanxi-summer": (0.531, [(2, 4, 0.372), (10, 14, 0.372), (6, 7, 0.705), (21, 23, 0.705), (18, 20, 0.798)]),
    "shanxi-winter": (0.531, [(2, 4, 0.372), (10, 14, 0.372), (6, 7, 0.705), (16, 16, 0.705), (20, 22, 0.705), (17, 19, 0.798)]),
    "two-peaks": (0.62, [(0, 6, 0.25), (11, 13, 0.3), (8, 10, 1.05), (17, 21, 1.1)]),
    "flat": (0.55, []),
}


def prices(name):
    base, runs = TARIFFS[name]
    p = np.full(24, base)
    for a, b, v in runs:
        p[a:b + 1] = v
    return p


def solve(day):
    n = 24
    eta = np.sqrt(day["roundTripEfficiency"])
    load, pv = np.array(day["loadKwh"]), np.array(day["pvKwh"])
    base = load + day["auxiliaryKwh"] - pv
    p, e = np.array(day["priceYuanKwh"]), day["exportYuanKwh"]
    P, L = day["powerKw"], day["exportLimitKwh"]
    # Variable blocks: c, d, i, x, u (n each), then s_1..s_n.
    nv = 6 * n
    C, D, I, X, U, S = (k * n for k in range(6))
    cost = np.zeros(nv)
    cost[I:I + n] = p
    cost[X:X + n] = -e
    a_eq, b_eq = [], []
    for t in range(n):
        row = np.zeros(nv)
        row[I + t], row[X + t], row[U + t], row[D + t], row[C + t] = 1, -1, -1, 1, -1
        a_eq.append(row)
        b_eq.append(base[t])
        row = np.zeros(nv)
        row[S + t] = 1
        row[C + t] = -eta
        row[D + t] = 1 / eta
        if t > 0:
            row[S + t - 1] = -1
            b_eq.append(0.0)
        else:
            b_eq.append(day["socStartKwh"])
        a_eq.append(row)
    bounds = []
    for t in range(n):
        cap = P if day["gridCharging"] else min(P, max(-base[t], 0.0))
        bounds.append((0, cap))
    for t in range(n):
        bounds.append((0, min(P, max(base[t], 0.0))))
    bounds += [(0, None)] * n
    bounds += [(0, None if L is None else L)] * n
    bounds += [(0, None)] * n
    bounds += [(day["socMinKwh"], day["socMaxKwh"])] * n
    r = linprog(cost, A_eq=np.array(a_eq), b_eq=np.array(b_eq), bounds=bounds, method="highs")
    assert r.status == 0, r.message
    return float(r.fun)


def days():
    rng = np.random.default_rng(20261207)
    hours = np.arange(24)
    out = []
    cases = [
        # tariff, pv peak kW, export limit (None = unlimited), grid charging, start share
        ("shanxi-summer", 0, None, True, 0.0),
        ("shanxi-summer", 600, None, True, 0.0),
        ("shanxi-summer", 900, 0.0, True, 0.5),
        ("shanxi-summer", 900, 150.0, False, 0.0),
        ("shanxi-summer", 1200, None, False, 1.0),
        ("shanxi-summer", 400, 50.0, True, 0.3),
        ("shanxi-winter", 0, None, True, 0.0),
        ("shanxi-winter", 500, None, True, 0.2),
        ("shanxi-winter", 800, 0.0, True, 0.0),
        ("shanxi-winter", 800, None, False, 0.0),
        ("shanxi-winter", 1100, 100.0, True, 1.0),
        ("shanxi-winter", 300, None, True, 0.6),
        ("two-peaks", 0, None, True, 0.0),
        ("two-peaks", 700, None, True, 0.0),
        ("two-peaks", 1000, 0.0, False, 0.0),
        ("two-peaks", 1000, 200.0, True, 0.4),
        ("two-peaks", 500, None, False, 0.8),
        ("two-peaks", 1300, None, True, 0.1),
        ("flat", 0, None, True, 0.0),
        ("flat", 800, None, True, 0.0),
        ("flat", 1000, 0.0, True, 0.5),
        ("flat", 1000, 0.0, False, 0.0),
        ("flat", 600, 100.0, False, 1.0),
        ("flat", 1200, None, True, 0.9),
    ]
    for k, (tariff, pv_peak, limit, grid, start) in enumerate(cases):
        shift = np.where((hours >= 8) & (hours < 24), 500.0, 200.0)
        load = shift + rng.uniform(-80, 80, 24)
        sun = np.clip(np.sin(np.pi * (hours - 6) / 12), 0, None)
        pv = pv_peak * sun * rng.uniform(0.7, 1.0, 24)
        energy = [800.0, 1000.0, 2000.0, 500.0][k % 4]
        power = [400.0, 500.0, 1000.0, 250.0][k % 4]
        eta = [0.85, 0.9, 0.81, 0.88][k % 4]
        smin, smax = 0.05 * energy, 0.95 * energy
        out.append({
            "tariff": tariff,
            "loadKwh": np.round(load, 3).tolist(),
            "pvKwh": np.round(pv, 3).tolist(),
            "priceYuanKwh": prices(tariff).tolist(),
            "exportYuanKwh": 0.332 if tariff != "two-peaks" else 0.2,
            "exportLimitKwh": limit,
            "powerKw": power,
            "roundTripEfficiency": eta,
            "socMinKwh": smin,
            "socMaxKwh": smax,
            "socStartKwh": smin + start * (smax - smin),
            "auxiliaryKwh": [0.0, 2.0, 0.0, 5.0][k % 4],
            "gridCharging": grid,
        })
    return out


def main():
    cases = days()
    for d in cases:
        d["optimalCostYuan"] = solve(d)
    OUT.write_text(json.dumps({
        "command": COMMAND,
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "solver": "scipy.optimize.linprog method='highs'",
        },
        "days": cases,
    }, indent=1) + "\n")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(cases)} days", file=sys.stderr)


if __name__ == "__main__":
    main()
