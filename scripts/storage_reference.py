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

Whole months with a demand charge r [yuan/kW/month] (`optimal` solves months then): 4 months of 30
days, the same LP over 720 hours with one more variable T (the month's largest import):
    min  Σ p_t·i_t − e·x_t + r·T   s.t. i_t ≤ T   (and the constraints above)
written to tests/data/reference/storage_optimal_months.json with each month's periods (for the
rule-based modes) and its optimal cost.
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
OUT_MONTHS = ROOT / "tests/data/reference/storage_optimal_months.json"

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
    n = len(day["loadKwh"])
    rate = day.get("demandYuanPerKwMonth")
    eta = np.sqrt(day["roundTripEfficiency"])
    load, pv = np.array(day["loadKwh"]), np.array(day["pvKwh"])
    base = load + day["auxiliaryKwh"] - pv
    p, e = np.array(day["priceYuanKwh"]), day["exportYuanKwh"]
    P, L = day["powerKw"], day["exportLimitKwh"]
    # Variable blocks: c, d, i, x, u (n each), then s_1..s_n.
    nv = 6 * n + (1 if rate else 0)
    C, D, I, X, U, S = (k * n for k in range(6))
    cost = np.zeros(nv)
    cost[I:I + n] = p
    cost[X:X + n] = -e
    a_ub, b_ub = None, None
    if rate:
        # i_t − T ≤ 0, T the last variable.
        cost[-1] = rate
        a_ub = np.zeros((n, nv))
        a_ub[np.arange(n), I + np.arange(n)] = 1
        a_ub[:, -1] = -1
        b_ub = np.zeros(n)
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
    if rate:
        bounds.append((0, None))
    r = linprog(cost, A_ub=a_ub, b_ub=b_ub, A_eq=np.array(a_eq), b_eq=np.array(b_eq), bounds=bounds,
                method="highs")
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


def periods(name):
    """Period index of each hour (0 critical peak, 1 peak, 2 flat, 3 valley, 4 deep valley) by the price levels."""
    p = prices(name)
    levels = sorted(set(p.tolist()), reverse=True)
    names = {1: [2], 2: [1, 3], 3: [1, 2, 3], 4: [0, 1, 2, 3], 5: [0, 1, 2, 3, 4]}[len(levels)]
    return [names[levels.index(v)] for v in p.tolist()]


def months():
    rng = np.random.default_rng(20261208)
    hours = np.arange(24)
    out = []
    cases = [
        # tariff, pv peak kW, export limit, grid charging, demand charge yuan/kW/month, energy, power
        ("shanxi-summer", 900, None, True, 30.0, 2000.0, 1000.0),
        ("shanxi-winter", 0, None, True, 40.0, 1000.0, 500.0),
        ("two-peaks", 1000, 150.0, False, 25.0, 800.0, 400.0),
        ("flat", 700, 0.0, True, 35.0, 1200.0, 300.0),
    ]
    for tariff, pv_peak, limit, grid, rate, energy, power in cases:
        load, pv = [], []
        for day in range(30):
            shift = np.where((hours >= 8) & (hours < 24), 500.0, 200.0) * (0.6 if day % 7 == 6 else 1.0)
            load += (shift + rng.uniform(-80, 80, 24)).tolist()
            sun = np.clip(np.sin(np.pi * (hours - 6) / 12), 0, None)
            pv += (pv_peak * sun * rng.uniform(0.3, 1.0) * rng.uniform(0.8, 1.0, 24)).tolist()
        smin, smax = 0.05 * energy, 0.95 * energy
        out.append({
            "tariff": tariff,
            "loadKwh": np.round(load, 3).tolist(),
            "pvKwh": np.round(pv, 3).tolist(),
            "priceYuanKwh": np.tile(prices(tariff), 30).tolist(),
            "periods": periods(tariff) * 30,
            # Below every purchase price, as on the days (an LP would import and export at once
            # in an hour whose export price exceeds its purchase price).
            "exportYuanKwh": 0.332 if tariff != "two-peaks" else 0.2,
            "exportLimitKwh": limit,
            "powerKw": power,
            "roundTripEfficiency": 0.85,
            "socMinKwh": smin,
            "socMaxKwh": smax,
            "socStartKwh": smin,
            "auxiliaryKwh": 0.0,
            "gridCharging": grid,
            "demandYuanPerKwMonth": rate,
        })
    return out


def write(path, key, cases):
    for d in cases:
        d["optimalCostYuan"] = solve(d)
    path.write_text(json.dumps({
        "command": COMMAND,
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "solver": "scipy.optimize.linprog method='highs'",
        },
        key: cases,
    }, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(cases)} {key}", file=sys.stderr)


def main():
    write(OUT, "days", days())
    write(OUT_MONTHS, "months", months())


if __name__ == "__main__":
    main()
