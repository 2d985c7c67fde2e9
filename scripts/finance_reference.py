#!/usr/bin/env python3
"""Golden cash flows, NPV and IRR for the scenarios of tests/data/reference/finance_scenarios.json.

    scripts/setup-venv.sh && .venv/bin/python scripts/finance_reference.py

Each scenario's cash flow over its whole lifetime is built here by a second implementation,
independent of the calculator's: from the scenario's own finance fields (defaults applied here:
3.0 yuan/W, O&M 1 % of the investment, 6 %, depreciation 20 years to 5 %), the loan by
numpy-financial's ipmt/ppmt, O&M steps, the inverter replacement, roof rent, straight-line
depreciation, income tax with losses carried forward 5 years and 三免三减半, value-added tax on
sales of power after the investment's input VAT is used up with its surcharges (7 % + 5 % of the VAT
paid by default; the income-tax base and depreciation net of VAT) — and the yearly income
(self-use and export yuan) that the calculator reports (`cargo run --example money_flows`; the
energy split is tested elsewhere). NPV and IRR are numpy-financial's on these flows. For the
storage cases, the battery's cash flow is built here from its fields (defaults below as in
src/resolve/defaults.rs): year 0 the investment (energy × yuan/kWh + power × yuan/kW), then the
yearly savings (kept share under an EMC battery) less O&M and the cell replacements, which follow
from the state of health H(y+1) = H(y) − calendar fade − cycle fade × the year's cycles (back to
100 % at the end of the replacement year or of the year that ends below the end-of-life
capacity); PV + battery adds the PV's net cash flows (and, under an EMC battery, the host's share
in place of the battery's flow). Writes
tests/data/reference/numpy_financial.json, which tests/finance_reference.rs compares with the
calculator's report (flows, NPV, IRR and project IRR).
"""
import json
import subprocess
import sys
from pathlib import Path

import numpy
import numpy_financial as npf

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ".venv/bin/python scripts/finance_reference.py"


LOSS_CARRY_FORWARD_YEARS = 5  # Enterprise Income Tax Law, Art. 18


def om_yuan(fin: dict, year: int, capex: float, capacity_kwp: float) -> float:
    """O&M of a year [yuan]: fixed per kWp, stepped per kWp, or a share of the investment."""
    if "omYuanPerKwpYear" in fin:
        return fin["omYuanPerKwpYear"] * capacity_kwp
    if "omSteps" in fin:
        per_kwp = [s["yuanPerKwpYear"] for s in fin["omSteps"] if s["fromYear"] <= year][-1]
        return per_kwp * capacity_kwp
    return fin.get("omPctOfCapex", 1.0) / 100 * capex


def cash_flow(scenario: dict, capacity_kwp: float, years: int, income: list) -> tuple:
    """(net cash flow of the equipment's owner, project cash flow), years 0..N."""
    own = scenario.get("ownership") or {"kind": "owner"}
    third_party = own["kind"] == "thirdParty"
    fin = own.get("investor", {}) if third_party else own
    rent = own.get("roofRentYuanYear", 0.0) if third_party else 0.0
    capex = fin.get("capexYuanPerW", 3.0) * 1000 * capacity_kwp
    loan = fin.get("loan")
    principal = capex * loan["sharePct"] / 100 if loan else 0.0
    tax = fin.get("tax")
    vat_rate = tax["vatPct"] / 100 if tax and "vatPct" in tax else None
    if vat_rate is not None:
        surcharge_rate = (tax.get("cityMaintenanceTaxPct", 7.0) + tax.get("educationSurchargePct", 5.0)) / 100
        input_credit = capex * vat_rate / (1 + vat_rate)
        depreciable = capex - input_credit
    else:
        depreciable = capex
    flows, project = [-(capex - principal)], [-capex]
    losses = []  # [year, loss still to use]
    for year in range(1, years + 1):
        inc = income[year - 1]
        savings = inc["selfUseYuan"] + inc["exportYuan"]
        om = om_yuan(fin, year, capex, capacity_kwp)
        inv = fin.get("inverterReplacement")
        inverter = inv["costYuanPerW"] * 1000 * capacity_kwp if inv and inv["year"] == year else 0.0
        interest = repay = 0.0
        if loan and year <= loan["years"]:
            r, n = loan["ratePct"] / 100, loan["years"]
            if r == 0:
                repay = principal / n
            else:
                interest = -float(npf.ipmt(r, year, n, principal))
                repay = -float(npf.ppmt(r, year, n, principal))
        # VAT-inclusive sales: the exports, and the EMC investor's sales to the host.
        sales = inc["exportYuan"] + (inc["selfUseYuan"] if third_party else 0.0)
        vat_paid = credit_used = 0.0
        if vat_rate is not None:
            output_vat = max(sales, 0.0) * vat_rate / (1 + vat_rate)
            credit_used = min(input_credit, output_vat)
            input_credit -= credit_used
            vat_paid = (output_vat - credit_used) * (1 + surcharge_rate)
        before_tax = savings - om - inverter - rent - vat_paid
        project.append(before_tax)
        income_tax = 0.0
        if tax:
            dep_years = tax.get("depreciationYears", 20)
            residual = tax.get("residualValuePct", 5.0) / 100
            depreciation = depreciable * (1 - residual) / dep_years if year <= dep_years else 0.0
            taxable = before_tax - credit_used - depreciation - interest
            if taxable < 0:
                losses.append([year, -taxable])
                taxable = 0.0
            else:
                losses = [l for l in losses if year - l[0] <= LOSS_CARRY_FORWARD_YEARS]
                for l in losses:
                    used = min(l[1], taxable)
                    l[1] -= used
                    taxable -= used
                losses = [l for l in losses if l[1] > 0]
            holiday = 1.0
            if tax.get("taxHoliday", False):
                holiday = 0.0 if year <= 3 else 0.5 if year <= 6 else 1.0
            income_tax = taxable * tax["incomeTaxPct"] / 100 * holiday
        flows.append(savings - om - inverter - rent - vat_paid - interest - repay - income_tax)
    return flows, project


STORAGE_DEFAULTS = {  # src/resolve/defaults.rs
    "capexYuanPerKwh": 900.0, "capexYuanPerKw": 150.0, "omPctOfCapex": 1.5,
    "calendarFadePctPerYear": 1.0, "cycleFadePctPerCycle": 0.004, "endOfLifePct": 70.0,
    "replacementCostYuanPerKwh": 500.0,
}


def payback_years(flows: list):
    """Years until the cumulative cash flow turns ≥ 0, linear within the year; None if never."""
    cumulative = flows[0]
    if cumulative >= 0:
        return 0.0
    for y, cf in enumerate(flows[1:], start=1):
        if cumulative + cf >= 0:
            return (y - 1) + -cumulative / cf
        cumulative += cf
    return None


def returns(rate: float, flows: list) -> dict:
    irr = float(npf.irr(flows))
    return {"flows": flows, "npv": float(npf.npv(rate, flows)), "irr": None if irr != irr else irr,
            "payback": payback_years(flows)}


def storage_case(c: dict) -> dict:
    """The battery added to the PV, and PV + battery: flows, NPV, IRR, payback, state of health."""
    b = {**STORAGE_DEFAULTS, **c["scenario"]["storage"]}
    rate = discount_rate(c["scenario"])
    invest = b["energyKwh"] * b["capexYuanPerKwh"] + b["powerKw"] * b["capexYuanPerKw"]
    host = b["investor"]["hostSharePct"] / 100 if "investor" in b else None
    years = len(c["battery"])
    health, soh, flows, host_yuan = 1.0, [], [-invest], []
    for y, row in enumerate(c["battery"], start=1):
        soh.append(health * 100)
        nxt = max(health - b["calendarFadePctPerYear"] / 100 - b["cycleFadePctPerCycle"] / 100 * row["cycles"], 0.0)
        if "replacementYear" in b:
            replaced = y == b["replacementYear"]
        else:
            replaced = y < years and nxt < b["endOfLifePct"] / 100
        replaced = replaced and y < years
        replacement = b["replacementCostYuanPerKwh"] * b["energyKwh"] if replaced else 0.0
        kept = 1.0 - host if host is not None else 1.0
        flows.append(kept * row["savingsYuan"] - b["omPctOfCapex"] / 100 * invest - replacement)
        host_yuan.append(host * row["savingsYuan"] if host is not None else 0.0)
        health = 1.0 if replaced else nxt
    pv = c["pvFlows"]
    if host is None:
        both = [p + f for p, f in zip(pv, flows)]
    else:
        both = [pv[0]] + [p + h for p, h in zip(pv[1:], host_yuan)]
    return {"name": c["name"], "rate": rate, "stateOfHealthPct": soh,
            "storageWithPv": returns(rate, flows), "both": returns(rate, both)}


def discount_rate(scenario: dict) -> float:
    own = scenario.get("ownership") or {"kind": "owner"}
    fin = own.get("investor", {}) if own["kind"] == "thirdParty" else own
    return fin.get("discountRatePct", 6.0) / 100


def main() -> None:
    text = subprocess.run(
        ["cargo", "run", "--quiet", "--example", "money_flows"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    cases = json.loads(text)
    out = []
    for c in cases:
        if "battery" in c:
            out.append(storage_case(c))
            continue
        if "scenario" in c:
            flows, project = cash_flow(c["scenario"], c["capacityKwp"], c["years"], c["income"])
            rate = discount_rate(c["scenario"])
        else:
            flows, project, rate = c["flows"], None, c["rate"]
        irr = float(npf.irr(flows))
        row = {
            "name": c["name"],
            "rate": rate,
            "flows": flows,
            "npv": float(npf.npv(rate, flows)),
            "irr": None if irr != irr else irr,
        }
        if project is not None:
            p = float(npf.irr(project))
            row["projectFlows"] = project
            row["projectIrr"] = None if p != p else p
        out.append(row)
    doc = {
        "about": "Cash flows of tests/data/reference/finance_scenarios.json built by the second "
                 "implementation in scripts/finance_reference.py (loan by numpy-financial ipmt/ppmt), "
                 "with numpy-financial's NPV and IRR; compared in tests/finance_reference.rs.",
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
