#!/usr/bin/env python3
"""Times PySAM's PVWatts v8 (nrel-pysam) on one weather file: the median of N annual runs, each
reading the file and simulating (as rooftop-pv's calculate() parses the text and simulates).
Use: .venv/bin/python scripts/bench_pysam.py WEATHER_FILE [N]; prints one JSON object."""
import json, statistics, sys, time

import PySAM
import PySAM.Pvwattsv8 as pvw


def once(path):
    m = pvw.default("PVWattsNone")
    m.SolarResource.solar_resource_file = path
    m.SolarResource.use_wf_albedo = 0
    m.SolarResource.albedo = [0.2]
    m.SystemDesign.system_capacity = 4.0
    m.SystemDesign.tilt = 20
    m.SystemDesign.azimuth = 180
    m.SystemDesign.array_type = 1
    m.SystemDesign.module_type = 0
    m.SystemDesign.dc_ac_ratio = 1.2
    m.SystemDesign.inv_eff = 96
    m.SystemDesign.losses = 14.0757
    t0 = time.perf_counter()
    m.execute(0)
    return time.perf_counter() - t0, m.Outputs.ac_annual


path = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 20
once(path)
runs = [once(path) for _ in range(n)]
print(json.dumps({"pysam": PySAM.__version__, "runs": n,
                  "median_ms": statistics.median(t for t, _ in runs) * 1e3,
                  "annual_ac_kwh": runs[0][1]}))
