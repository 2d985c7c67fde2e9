#!/usr/bin/env python3
"""Golden PVWatts v8 results (PyPI nrel-pysam, PySAM.Pvwattsv8) for tests/chain_parity.rs.

Weather files: the pvlib wheel's TMY3/TMY2 files ('pvlib:NAME', read in place) and the CSWD EPW
files of tests/data/weather ('shared:NAME', NAME.gz decompressed to a temporary file). PySAM reads each file itself
(`solar_resource_file`), so the timing is ssc's reading: TMY2/TMY3 rows as hour averages (sun at the
middle of the hour, sunrise/sunset hours at the middle of their sunlit part), EPW rows with minute 0
as instants at (h-1):00 -- which is the CSWD data's own timing (shared reference pv-model.md).

Regenerate the committed golden (takes ~5 s):
    .venv/bin/python scripts/ref_pvwatts.py --out tests/data/reference/pvwatts_v8.json
Diagnostics (full hourly outputs per case as CSV, not committed):
    .venv/bin/python scripts/ref_pvwatts.py --out target/reference/pvwatts_v8.json --hourly-dir target/reference/pvwatts_hourly

Hourly AC is stored in units of 1/1000 of the AC rating (P_dc0 / DC-to-AC ratio), two base-36 digits
per hour, "~" + two base-36 digits for a run of zero hours (see `encode`).
"""
import argparse, gzip, json, os, shutil, sys, tempfile

import PySAM
import PySAM.Pvwattsv8 as pvw
import pvlib

WEATHER = [
    "pvlib:723170TYA.CSV",
    "pvlib:703165TY.csv",
    "pvlib:12839.tm2",
    "shared:CHN_Shanxi.Datong.534870_CSWD.epw",
    "shared:CHN_Tibet.Lhasa.555910_CSWD.epw",
    "shared:CHN_Guangdong.Guangzhou.592870_CSWD.epw",
    "shared:CHN_Heilongjiang.Harbin.509530_CSWD.epw",
]

# array_type 0 = fixed open rack (row self-shading, NOCT 45), 1 = fixed roof mount (NOCT 49)
# module_type 0 standard, 1 premium, 2 thin film
SYSTEMS = {
    "S20-roof-standard": dict(capacity_kw=4, tilt=20, azimuth=180, dc_ac_ratio=1.2, inv_eff=96,
                              losses=14.0757, module_type=0, array_type=1, gcr=0.3, albedo=0.2),
    "flat-roof-premium": dict(capacity_kw=10, tilt=0, azimuth=180, dc_ac_ratio=0.9, inv_eff=96,
                              losses=14.0757, module_type=1, array_type=1, gcr=0.3, albedo=0.2),
    "E35-roof-thinfilm": dict(capacity_kw=6, tilt=35, azimuth=90, dc_ac_ratio=1.5, inv_eff=97.5,
                              losses=10.0, module_type=2, array_type=1, gcr=0.3, albedo=0.2),
    "W60-rack-standard": dict(capacity_kw=60, tilt=60, azimuth=270, dc_ac_ratio=1.1, inv_eff=96,
                              losses=14.0757, module_type=0, array_type=0, gcr=0.3, albedo=0.3),
    "S30-rack-premium": dict(capacity_kw=250, tilt=30, azimuth=165, dc_ac_ratio=1.3, inv_eff=98,
                             losses=12.0, module_type=1, array_type=0, gcr=0.45, albedo=0.25),
}


def resolve(name, folder):
    """The path of a weather file: in the pvlib wheel, or decompressed from tests/data/weather into `folder`."""
    kind, file = name.split(":", 1)
    if kind == "pvlib":
        return os.path.join(pvlib.__path__[0], "data", file)
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(folder, file)
    with gzip.open(os.path.join(here, "..", "tests", "data", "weather", file + ".gz"), "rb") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def run(path, cfg):
    m = pvw.default("PVWattsNone")
    m.SolarResource.solar_resource_file = path
    m.SolarResource.use_wf_albedo = 0
    m.SolarResource.albedo = [cfg["albedo"]]
    sd = m.SystemDesign
    sd.system_capacity = cfg["capacity_kw"]
    sd.module_type = cfg["module_type"]
    sd.array_type = cfg["array_type"]
    sd.tilt = cfg["tilt"]
    sd.azimuth = cfg["azimuth"]
    sd.losses = cfg["losses"]
    sd.dc_ac_ratio = cfg["dc_ac_ratio"]
    sd.inv_eff = cfg["inv_eff"]
    sd.gcr = cfg["gcr"]
    sd.bifaciality = 0
    sd.en_snowloss = 0
    sd.soiling = [0.0] * 12
    m.execute(0)
    return m  # keep the model alive: its Outputs belong to it


DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def b36(n):
    return DIGITS[n // 36] + DIGITS[n % 36]


def encode(ac, rating):
    """Hourly AC in 1/1000 of the AC rating as two base-36 digits per hour ("00"-"rs"); a run of
    N zero hours is "~" followed by N in two base-36 digits (runs longer than 1295 are split)."""
    out, zeros = [], 0

    def flush():
        nonlocal zeros
        while zeros:
            n = min(zeros, 1295)
            out.append("~" + b36(n))
            zeros -= n

    for v in ac:
        q = int(round(v / rating * 1000.0))
        if q == 0:
            zeros += 1
            continue
        flush()
        out.append(b36(q))
    flush()
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--hourly-dir")
    a = ap.parse_args()
    out = {
        "generator": "scripts/ref_pvwatts.py",
        "pysam": PySAM.__version__,
        "pvlib": pvlib.__version__,
        "hourly_ac_encoding": "1/1000 of the AC rating, two base-36 digits per hour; ~XY = XY (base 36) zero hours",
        "systems": SYSTEMS,
        "cases": [],
    }
    if a.hourly_dir:
        os.makedirs(a.hourly_dir, exist_ok=True)
    folder = tempfile.TemporaryDirectory()
    for w in WEATHER:
        path = resolve(w, folder.name)
        for name, cfg in SYSTEMS.items():
            model = run(path, cfg)
            o = model.Outputs
            rating = cfg["capacity_kw"] * 1000.0 / cfg["dc_ac_ratio"]
            out["cases"].append({
                "weather": w,
                "system": name,
                "annual_ac_kwh": o.annual_energy,
                "monthly_ac_kwh": list(o.ac_monthly),
                "annual_poa_kwh_m2": sum(o.poa) / 1000.0,
                "annual_dc_kwh": sum(o.dc) / 1000.0,
                "ac_rating_w": rating,
                "hourly_ac": encode(o.ac, rating),
            })
            if a.hourly_dir:
                fn = os.path.join(a.hourly_dir, "%s__%s.csv" % (w.split(":")[1], name))
                cols = ["sunup", "aoi", "poa", "tpoa", "tcell", "dc", "ac", "ss_beam_factor",
                        "ss_sky_diffuse_factor", "ss_gnd_diffuse_factor", "gh", "dn", "df", "tamb", "wspd"]
                data = [getattr(o, c) for c in cols]
                with open(fn, "w") as fh:
                    fh.write("i," + ",".join(cols) + "\n")
                    for i in range(len(o.ac)):
                        fh.write("%d," % i + ",".join("%.6g" % d[i] for d in data) + "\n")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")


if __name__ == "__main__":
    sys.exit(main())
