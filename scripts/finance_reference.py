#!/usr/bin/env python3
"""Golden NPV and IRR from numpy-financial for the cash flows of
tests/data/reference/finance_scenarios.json (as printed by `cargo run --example money_flows`).

    scripts/setup-venv.sh && .venv/bin/python scripts/finance_reference.py

writes tests/data/reference/numpy_financial.json, which tests/finance_reference.rs compares with
the calculator (same flows, NPV, IRR and project IRR).
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy
import numpy_financial as npf

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python scripts/finance_reference.py"


def main() -> None:
    text = subprocess.run(
        ["cargo", "run", "--quiet", "--example", "money_flows"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    cases = json.loads(text)
    out = []
    for c in cases:
        irr = float(npf.irr(c["flows"]))
        row = {
            "name": c["name"],
            "rate": c["rate"],
            "flows": c["flows"],
            "npv": float(npf.npv(c["rate"], c["flows"])),
            "irr": None if irr != irr else irr,
        }
        if "projectFlows" in c:
            p = float(npf.irr(c["projectFlows"]))
            row["projectFlows"] = c["projectFlows"]
            row["projectIrr"] = None if p != p else p
        out.append(row)
    doc = {
        "about": "NPV and IRR by numpy-financial of the cash flows the calculator makes for "
                 "tests/data/reference/finance_scenarios.json; compared in tests/finance_reference.rs.",
        "command": COMMAND,
        "versions": {"numpy-financial": npf.__version__, "numpy": numpy.__version__,
                     "python": sys.version.split()[0]},
        "cases": out,
    }
    path = ROOT / "tests/data/reference/numpy_financial.json"
    path.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)}: {len(out)} cases")


if __name__ == "__main__":
    main()
