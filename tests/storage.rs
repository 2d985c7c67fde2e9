//! The battery: one hand-computed day per dispatch mode (charge, discharge, stored energy, money),
//! invariants on every hour of a year in every mode, the `optimal` day against scipy's HiGHS LP
//! (golden days of scripts/storage_reference.py) and every rule-based mode against the optimum.

use std::path::Path;

use rooftop_pv::storage::battery::Limits;
use rooftop_pv::storage::optimal::{optimal, optimal_with_demand};
use rooftop_pv::storage::rules::{monthly_targets, peak_shaving, self_consumption, time_of_use};
use rooftop_pv::storage::{Hour, SiteYear};
use rooftop_pv::{calculate, presets};
use serde_json::Value;

mod lp_support;

const REFERENCE: &str = "tests/data/reference/storage_optimal_days.json";
const MONTHS: &str = "tests/data/reference/storage_optimal_months.json";
const COMMAND: &str = ".venv/bin/python scripts/storage_reference.py";
/// Tolerance of microlp against the DP and HiGHS, relative to the day's import bill (just above the
/// worst measured: 5.3e-16 and 4.4e-16).
const TOL_LP: f64 = 1e-15;

/// 100 kWh, 0–100 %, η = 0.81 (0.9 each way), 50 kW.
fn small() -> Limits {
    Limits {
        soc_min_kwh: 0.0,
        soc_max_kwh: 100.0,
        power_kw: 50.0,
        charge_efficiency: 0.9,
        discharge_efficiency: 0.9,
        auxiliary_kwh: 0.0,
        grid_charging: true,
    }
}

/// The hand-computed day: 100 kWh load every hour, PV 180 kWh in hours 10–13 (surplus 80); valley
/// 0.3 yuan/kWh in hours 2–4, peak 1.0 in 17–20, flat 0.6 otherwise; exports earn 0.2, unlimited.
struct Day {
    load: Vec<f64>,
    pv: Vec<f64>,
    price: Vec<f64>,
    periods: Vec<u8>,
}

fn day() -> Day {
    let pv = (0..24)
        .map(|h| if (10..=13).contains(&h) { 180.0 } else { 0.0 })
        .collect();
    let periods: Vec<u8> = (0..24)
        .map(|h| match h {
            2..=4 => 3,
            17..=20 => 1,
            _ => 2,
        })
        .collect();
    let price = periods
        .iter()
        .map(|&k| [0.0, 1.0, 0.6, 0.3][k as usize])
        .collect();
    Day {
        load: vec![100.0; 24],
        pv,
        price,
        periods,
    }
}

fn site(d: &Day) -> SiteYear<'_> {
    SiteYear {
        load_kwh: &d.load,
        pv_kwh: &d.pv,
        import_yuan_kwh: &d.price,
        export_yuan_kwh: 0.2,
        export_limit_kwh: f64::INFINITY,
        periods: &d.periods,
    }
}

/// Energy cost of hours [yuan]: Σ p·import − e·export.
fn cost(site: &SiteYear, hours: &[Hour]) -> f64 {
    hours
        .iter()
        .enumerate()
        .map(|(h, x)| site.import_yuan_kwh[h] * x.import_kwh - site.export_yuan_kwh * x.export_kwh)
        .sum()
}

/// The day's cost without the battery [yuan]: 20 × 100 kWh imported (hours 10–13 export 80).
fn cost_without(d: &Day) -> f64 {
    let s = site(d);
    (0..24)
        .map(|h| {
            let n = d.load[h] - d.pv[h];
            if n > 0.0 {
                s.import_yuan_kwh[h] * n
            } else {
                s.export_yuan_kwh * n
            }
        })
        .sum()
}

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() < 1e-9 * b.abs().max(1.0),
        "{what}: {a} vs {b}"
    );
}

#[test]
fn self_consumption_day_by_hand() {
    let d = day();
    let s = site(&d);
    let h = self_consumption(&s, &small(), 0.0);
    // Hours 10, 11: 50 kWh charged (45 stored); hour 12: the 10 kWh of room, 10/0.9 kWh charged;
    // hour 13: full. Hour 14: 50 kWh delivered (55.6 withdrawn); hour 15: the 40 kWh left.
    let charge: Vec<f64> = h.iter().map(|x| x.charge_kwh).collect();
    let discharge: Vec<f64> = h.iter().map(|x| x.discharge_kwh).collect();
    let mut want_c = [0.0; 24];
    want_c[10] = 50.0;
    want_c[11] = 50.0;
    want_c[12] = 100.0 / 0.9 - 100.0;
    let mut want_d = [0.0; 24];
    want_d[14] = 50.0;
    want_d[15] = 40.0;
    for t in 0..24 {
        close(charge[t], want_c[t], &format!("charge {t}"));
        close(discharge[t], want_d[t], &format!("discharge {t}"));
    }
    close(h[11].soc_kwh, 90.0, "soc 11");
    close(h[12].soc_kwh, 100.0, "soc 12");
    close(h[14].soc_kwh, 100.0 - 50.0 / 0.9, "soc 14");
    close(h[15].soc_kwh, 0.0, "soc 15");
    // Money: 90 kWh less imported at 0.6, 100/0.9 kWh less exported at 0.2.
    close(
        cost_without(&d) - cost(&s, &h),
        0.6 * 90.0 - 0.2 * 100.0 / 0.9,
        "saving",
    );
}

#[test]
fn time_of_use_day_by_hand() {
    let d = day();
    let s = site(&d);
    let h = time_of_use(&s, &small(), 0.0, 2.0);
    // Valley hours 2, 3: 50 kWh each from the grid, hour 4 the 10/0.9 kWh of room; full through the
    // surplus (exported); peak hour 17: 50 kWh delivered, hour 18: the 40 left.
    close(h[2].charge_kwh, 50.0, "charge 2");
    close(h[3].charge_kwh, 50.0, "charge 3");
    close(h[4].charge_kwh, 100.0 / 0.9 - 100.0, "charge 4");
    close(h[4].soc_kwh, 100.0, "soc 4");
    close(h[10].charge_kwh, 0.0, "charge 10");
    close(h[16].soc_kwh, 100.0, "soc 16");
    close(h[17].discharge_kwh, 50.0, "discharge 17");
    close(h[18].discharge_kwh, 40.0, "discharge 18");
    close(h[18].soc_kwh, 0.0, "soc 18");
    let total_c: f64 = h.iter().map(|x| x.charge_kwh).sum();
    close(total_c, 100.0 / 0.9, "charged");
    // Money: 90 kWh at the peak price 1.0, less 100/0.9 kWh charged at the valley price 0.3.
    close(
        cost_without(&d) - cost(&s, &h),
        90.0 - 0.3 * 100.0 / 0.9,
        "saving",
    );
}

#[test]
fn peak_shaving_day_by_hand() {
    let d = day();
    let s = site(&d);
    let mut targets = [60.0; 12];
    targets[1] = 0.0;
    let h = peak_shaving(&s, &small(), 0.0, &targets);
    // Empty until the surplus: hours 0–9 import 100 (nothing stored). Charging up to the target:
    // hours 10, 11 at 50 kW, hour 12 the room. Hours 14, 15 shave 40 kWh each, hour 16 the 10 left.
    close(h[0].import_kwh, 100.0, "import 0");
    close(h[10].charge_kwh, 50.0, "charge 10");
    close(h[12].soc_kwh, 100.0, "soc 12");
    close(h[14].discharge_kwh, 40.0, "discharge 14");
    close(h[14].import_kwh, 60.0, "import 14");
    close(h[15].discharge_kwh, 40.0, "discharge 15");
    close(h[16].discharge_kwh, 10.0, "discharge 16");
    close(h[16].import_kwh, 90.0, "import 16");
    close(h[16].soc_kwh, 0.0, "soc 16");
    // Money: 90 kWh less imported at 0.6 (flat), 100/0.9 less exported at 0.2.
    close(
        cost_without(&d) - cost(&s, &h),
        0.6 * 90.0 - 0.2 * 100.0 / 0.9,
        "saving",
    );
    // The lowest holdable target of this day starting full: hours 0–9 need 10·(100 − T) kWh
    // delivered from 90 (100 stored × 0.9), the surplus refills it, hours 14–23 need the same again:
    // T = 91 kW (bisection to 1e-6 of the 100 kW peak).
    let t = monthly_targets(&s, &small())[0];
    assert!((t - 91.0).abs() < 2e-4, "{t}");
}

#[test]
fn optimal_day_by_hand() {
    let d = day();
    let s = site(&d);
    let h = optimal(&s, &small(), 0.0);
    // Two cycles: valley charge 100/0.9 kWh at 0.3 → 90 kWh in the flat morning at 0.6; PV surplus
    // 100/0.9 kWh (forgoing 0.2) → 90 kWh in the peak at 1.0.
    let want = 0.6 * 90.0 - 0.3 * 100.0 / 0.9 + 1.0 * 90.0 - 0.2 * 100.0 / 0.9;
    close(cost_without(&d) - cost(&s, &h), want, "saving");
    let peak: f64 = h[17..=20].iter().map(|x| x.discharge_kwh).sum();
    close(peak, 90.0, "peak discharge");
    let valley: f64 = h[2..=4].iter().map(|x| x.charge_kwh).sum();
    close(valley, 100.0 / 0.9, "valley charge");
}

/// A year of a site: two-shift load, clear-sky-like PV, Shanxi 2026 time of use.
fn year() -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<u8>) {
    let tou = rooftop_pv::rules::tou_presets::time_of_use_preset("shanxi-ci-2026")
        .unwrap()
        .time_of_use;
    let periods = rooftop_pv::tariff::hourly_periods(&tou);
    let by =
        rooftop_pv::scenario::Period::ALL.map(|p| rooftop_pv::tariff::period_price(&tou.prices, p));
    let price = periods.iter().map(|&k| by[k as usize]).collect();
    let load = (0..8760)
        .map(|h| {
            let k = h % 24;
            (if (8..24).contains(&k) { 1400.0 } else { 500.0 }) + ((h * 7919) % 300) as f64
        })
        .collect();
    let pv = (0..8760)
        .map(|h| {
            let k = (h % 24) as f64;
            let day = (h / 24) as f64;
            let season = 0.75 + 0.25 * (2.0 * std::f64::consts::PI * (day - 80.0) / 365.0).sin();
            (3000.0 * season * (std::f64::consts::PI * (k - 6.0) / 12.0).sin().max(0.0))
                * (0.5 + ((h * 104_729) % 50) as f64 / 100.0)
        })
        .collect();
    (load, pv, price, periods)
}

fn check_year(
    site: &SiteYear,
    lim: &Limits,
    hours: &[Hour],
    soc0: f64,
    targets: Option<&[f64; 12]>,
) {
    let tol = 1e-7;
    let mut soc = soc0;
    for (h, x) in hours.iter().enumerate() {
        let w = format!("hour {h}");
        assert!(
            x.charge_kwh == 0.0 || x.discharge_kwh == 0.0,
            "{w}: charge and discharge"
        );
        assert!(x.charge_kwh >= 0.0 && x.discharge_kwh >= 0.0, "{w}");
        assert!(
            x.charge_kwh <= lim.power_kw + tol && x.discharge_kwh <= lim.power_kw + tol,
            "{w}: power"
        );
        assert!(
            x.soc_kwh >= lim.soc_min_kwh - tol && x.soc_kwh <= lim.soc_max_kwh + tol,
            "{w}: soc {}",
            x.soc_kwh
        );
        // Stored energy: SOC(t) = SOC(t−1) + η_c·c − d/η_d (the losses).
        let want =
            soc + x.charge_kwh * lim.charge_efficiency - x.discharge_kwh / lim.discharge_efficiency;
        assert!((x.soc_kwh - want).abs() < tol, "{w}: stored energy");
        soc = x.soc_kwh;
        // The site's balance: PV + import + discharge = load + aux + charge + export + curtailed.
        let left = site.pv(h) + x.import_kwh + x.discharge_kwh;
        let right =
            site.load_kwh[h] + lim.auxiliary_kwh + x.charge_kwh + x.export_kwh + x.curtailed_kwh;
        assert!(
            (left - right).abs() < tol * left.max(1.0),
            "{w}: balance {left} {right}"
        );
        assert!(
            x.export_kwh <= site.export_limit_kwh + tol,
            "{w}: export limit"
        );
        assert!(
            x.import_kwh >= 0.0 && x.export_kwh >= 0.0 && x.curtailed_kwh >= -tol,
            "{w}"
        );
        // The battery never exports; without grid charging it charges from the surplus only.
        let base = site.base_kwh(h, lim);
        assert!(
            x.discharge_kwh <= base.max(0.0) + tol,
            "{w}: battery export"
        );
        if !lim.grid_charging {
            assert!(x.charge_kwh <= (-base).max(0.0) + tol, "{w}: grid charging");
        }
        if let Some(t) = targets {
            let target = t[rooftop_pv::calendar::month_of_day(h / 24)];
            // Above the target only where the battery is at its power or empty.
            if x.import_kwh > target + 1e-6 {
                let empty = x.soc_kwh <= lim.soc_min_kwh + 1e-6;
                assert!(
                    empty
                        || x.discharge_kwh >= lim.power_kw - 1e-6
                        || x.discharge_kwh >= base - 1e-6,
                    "{w}: above the target {target}"
                );
            }
        }
    }
}

#[test]
fn invariants_on_every_hour_of_a_year_in_every_mode() {
    let (load, pv, price, periods) = year();
    for (limit, grid) in [(f64::INFINITY, true), (0.0, true), (300.0, false)] {
        let site = SiteYear {
            load_kwh: &load,
            pv_kwh: &pv,
            import_yuan_kwh: &price,
            export_yuan_kwh: 0.332,
            export_limit_kwh: limit,
            periods: &periods,
        };
        let lim = Limits {
            soc_min_kwh: 100.0,
            soc_max_kwh: 1900.0,
            power_kw: 1000.0,
            charge_efficiency: 0.85f64.sqrt(),
            discharge_efficiency: 0.85f64.sqrt(),
            auxiliary_kwh: 3.0,
            grid_charging: grid,
        };
        let s0 = lim.soc_min_kwh;
        check_year(&site, &lim, &self_consumption(&site, &lim, s0), s0, None);
        check_year(&site, &lim, &time_of_use(&site, &lim, s0, 2.0), s0, None);
        let targets = monthly_targets(&site, &lim);
        check_year(
            &site,
            &lim,
            &peak_shaving(&site, &lim, s0, &targets),
            s0,
            Some(&targets),
        );
        check_year(&site, &lim, &optimal(&site, &lim, s0), s0, None);
    }
}

fn golden(file: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{file} is missing ({e}): make it with `{COMMAND}`"));
    serde_json::from_str(&text).unwrap()
}

/// The battery of a golden case.
fn limits_of(d: &Value) -> Limits {
    let eta = d["roundTripEfficiency"].as_f64().unwrap().sqrt();
    Limits {
        soc_min_kwh: d["socMinKwh"].as_f64().unwrap(),
        soc_max_kwh: d["socMaxKwh"].as_f64().unwrap(),
        power_kw: d["powerKw"].as_f64().unwrap(),
        charge_efficiency: eta,
        discharge_efficiency: eta,
        auxiliary_kwh: d["auxiliaryKwh"].as_f64().unwrap(),
        grid_charging: d["gridCharging"].as_bool().unwrap(),
    }
}

/// The site of a golden case: its hours, and its export price and limit (none: unlimited).
fn site_of<'a>(
    d: &Value,
    load_kwh: &'a [f64],
    pv_kwh: &'a [f64],
    import_yuan_kwh: &'a [f64],
    periods: &'a [u8],
) -> SiteYear<'a> {
    SiteYear {
        load_kwh,
        pv_kwh,
        import_yuan_kwh,
        export_yuan_kwh: d["exportYuanKwh"].as_f64().unwrap(),
        export_limit_kwh: d["exportLimitKwh"].as_f64().unwrap_or(f64::INFINITY),
        periods,
    }
}

fn nums(v: &Value) -> Vec<f64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

/// `optimal` equals scipy's HiGHS optimum on every golden day (measured: ≤ 2.7e-16 relative to the
/// day's import bill without PV or battery, `cargo test --test storage optimal_matches --
/// --nocapture`); each rule-based mode costs at least as much on every day.
#[test]
fn optimal_matches_highs_and_bounds_the_rules_on_every_golden_day() {
    let g = golden(REFERENCE);
    let days = g["days"].as_array().unwrap();
    assert!(days.len() >= 20);
    let mut worst = 0.0f64;
    for (i, d) in days.iter().enumerate() {
        let (load, pv, price) = (
            nums(&d["loadKwh"]),
            nums(&d["pvKwh"]),
            nums(&d["priceYuanKwh"]),
        );
        let periods: Vec<u8> = price
            .iter()
            .map(|&p| {
                let max = price.iter().cloned().fold(f64::MIN, f64::max);
                let min = price.iter().cloned().fold(f64::MAX, f64::min);
                if p == max && max > min {
                    0
                } else if p == min && max > min {
                    3
                } else if p > 0.6 {
                    1
                } else {
                    2
                }
            })
            .collect();
        let lim = limits_of(d);
        let site = site_of(d, &load, &pv, &price, &periods);
        let s0 = d["socStartKwh"].as_f64().unwrap();
        let want = d["optimalCostYuan"].as_f64().unwrap();
        let hours = optimal(&site, &lim, s0);
        check_year(&site, &lim, &hours, s0, None);
        let got = cost(&site, &hours);
        let scale: f64 = load.iter().zip(&price).map(|(l, p)| l * p).sum();
        let rel = (got - want).abs() / scale;
        worst = worst.max(rel);
        assert!(
            rel < 1e-12,
            "day {i} ({}): {got} vs HiGHS {want}",
            d["tariff"]
        );
        let targets = monthly_targets(&site, &lim);
        for (mode, h) in [
            ("selfConsumption", self_consumption(&site, &lim, s0)),
            ("timeOfUse", time_of_use(&site, &lim, s0, 2.0)),
            ("peakShaving", peak_shaving(&site, &lim, s0, &targets)),
        ] {
            check_year(&site, &lim, &h, s0, None);
            let c = cost(&site, &h);
            assert!(
                c >= want - 1e-8 * scale,
                "day {i}: {mode} {c} below the optimum {want}"
            );
        }
    }
    println!("worst relative difference to HiGHS: {worst:e}");
}

/// A general LP solver agrees: microlp (pure-Rust simplex, dev-dependency only) on the same LP
/// as scipy's HiGHS gives the DP's optimum and HiGHS's on every golden day (measured, relative to
/// the day's import bill without PV or battery: DP vs microlp 5.3e-16, microlp vs HiGHS 4.4e-16;
/// `cargo test --release --test storage microlp -- --nocapture`).
#[test]
fn microlp_agrees_with_the_dp_and_highs_on_every_golden_day() {
    let g = golden(REFERENCE);
    let days = g["days"].as_array().unwrap();
    let (mut worst_dp, mut worst_highs) = (0.0f64, 0.0f64);
    for (i, d) in days.iter().enumerate() {
        let (load, pv, price) = (
            nums(&d["loadKwh"]),
            nums(&d["pvKwh"]),
            nums(&d["priceYuanKwh"]),
        );
        let lim = limits_of(d);
        let site = site_of(d, &load, &pv, &price, &[]);
        let s0 = d["socStartKwh"].as_f64().unwrap();
        let highs = d["optimalCostYuan"].as_f64().unwrap();
        let dp = cost(&site, &optimal(&site, &lim, s0));
        let lp = lp_support::microlp_cost(&site, &lim, s0);
        let scale: f64 = load.iter().zip(&price).map(|(l, p)| l * p).sum();
        let (rel_dp, rel_highs) = ((lp - dp).abs() / scale, (lp - highs).abs() / scale);
        (worst_dp, worst_highs) = (worst_dp.max(rel_dp), worst_highs.max(rel_highs));
        assert!(
            rel_dp < TOL_LP,
            "day {i} ({}): microlp {lp} vs DP {dp}",
            d["tariff"]
        );
        assert!(rel_highs < TOL_LP, "day {i}: microlp {lp} vs HiGHS {highs}");
    }
    println!("microlp vs DP: {worst_dp:e}, microlp vs HiGHS: {worst_highs:e} (relative)");
}

/// Energy cost plus `rate` × the largest import of a month's hours [yuan].
fn month_total(site: &SiteYear, hours: &[Hour], rate: f64) -> f64 {
    cost(site, hours) + rate * hours.iter().fold(0.0f64, |p, h| p.max(h.import_kwh))
}

/// Under a demand charge `optimal` solves whole months: it equals scipy's HiGHS optimum of each
/// golden month's LP (energy + demand charge) to the tolerance of its search on the cap (measured:
/// ≤ 6.7e-8 relative to the month's import bill without PV or battery, `cargo test --release --test storage whole_months -- --nocapture`), holds
/// every invariant, and each rule-based mode — and the daily optimum without the demand charge —
/// costs at least as much.
#[test]
fn optimal_with_a_demand_charge_matches_highs_on_whole_months_and_bounds_the_rules() {
    let g = golden(MONTHS);
    let months = g["months"].as_array().unwrap();
    assert!(months.len() >= 4);
    let mut worst = 0.0f64;
    for (i, d) in months.iter().enumerate() {
        let (load, pv, price) = (
            nums(&d["loadKwh"]),
            nums(&d["pvKwh"]),
            nums(&d["priceYuanKwh"]),
        );
        let periods: Vec<u8> = nums(&d["periods"]).iter().map(|&k| k as u8).collect();
        let lim = limits_of(d);
        let site = site_of(d, &load, &pv, &price, &periods);
        let (s0, rate) = (
            d["socStartKwh"].as_f64().unwrap(),
            d["demandYuanPerKwMonth"].as_f64().unwrap(),
        );
        let want = d["optimalCostYuan"].as_f64().unwrap();
        let hours = optimal_with_demand(&site, &lim, s0, rate);
        check_year(&site, &lim, &hours, s0, None);
        let got = month_total(&site, &hours, rate);
        let scale: f64 = load.iter().zip(&price).map(|(l, p)| l * p).sum();
        let rel = (got - want).abs() / scale;
        worst = worst.max(rel);
        assert!(
            rel < 1e-7,
            "month {i} ({}): {got} vs HiGHS {want}",
            d["tariff"]
        );
        let targets = monthly_targets(&site, &lim);
        for (mode, h) in [
            ("selfConsumption", self_consumption(&site, &lim, s0)),
            ("timeOfUse", time_of_use(&site, &lim, s0, 2.0)),
            ("peakShaving", peak_shaving(&site, &lim, s0, &targets)),
            ("daily optimal", optimal(&site, &lim, s0)),
        ] {
            let c = month_total(&site, &h, rate);
            assert!(
                c >= want - 1e-8 * scale,
                "month {i}: {mode} {c} below the optimum {want}"
            );
        }
    }
    println!("worst relative difference to HiGHS: {worst:e}");
}

/// Through the whole calculation: the lines add up, a battery adds savings, year 1 conserves
/// energy, and the state of health falls by the fade between replacements.
#[test]
fn the_report_of_the_shuozhou_battery_adds_up() {
    let mut s = presets::example("shuozhou-4mw-owner-tou").unwrap();
    s.storage = Some(
        rooftop_pv::json::deserialize(
            &serde_json::from_str(r#"{"energyKwh":2000,"powerKw":1000,"dispatch":"optimal"}"#)
                .unwrap(),
        )
        .unwrap(),
    );
    let r = calculate(&s).unwrap();
    let st = r.storage.unwrap();
    let y = st.first_year;
    close(
        y.self_consumption_yuan + y.arbitrage_yuan + y.demand_charge_yuan,
        y.savings_yuan,
        "lines",
    );
    close(
        y.charge_from_pv_kwh + y.charge_from_grid_kwh,
        y.charge_kwh,
        "charge sources",
    );
    // Losses: (1 − η) of what was charged, less what is still stored (the year starts at SOC min).
    assert!(
        y.losses_kwh > 0.0 && y.losses_kwh < 0.16 * y.charge_kwh,
        "{}",
        y.losses_kwh
    );
    assert_eq!(st.by_year.len(), 25);
    let (b1, b2) = (st.by_year[0], st.by_year[1]);
    close(
        b2.state_of_health_pct,
        b1.state_of_health_pct - 1.0 - 0.004 * b1.cycles,
        "health",
    );
    assert!(st.by_year.iter().any(|y| y.replaced));
    close(
        st.investment_yuan,
        2000.0 * 900.0 + 1000.0 * 150.0,
        "investment",
    );
    close(
        st.both.investment_yuan,
        st.pv_alone.investment_yuan + st.investment_yuan,
        "both",
    );
    close(
        st.pv_alone.investment_yuan,
        4000.0 * 3000.0,
        "PV investment",
    );
    let sum_months: f64 = st.by_month.iter().map(|m| m.discharge_kwh).sum();
    close(sum_months, y.discharge_kwh, "months");
    assert_eq!(st.average_day.len(), 12);
    assert!(
        st.chosen_day.is_none(),
        "no storage.dayOfYear, no chosen day"
    );
}

/// A battery that may charge from the PV surplus only, at a site whose PV never exceeds the load:
/// it never charges, and the report says so.
#[test]
fn a_battery_that_can_never_charge_is_named_in_a_warning() {
    let mut s = presets::example("shuozhou-4mw-owner-tou").unwrap();
    s.system.capacity_kwp = Some(10.0);
    s.storage = Some(
        rooftop_pv::json::deserialize(
            &serde_json::from_str(r#"{"energyKwh":2000,"powerKw":1000,"gridCharging":false}"#)
                .unwrap(),
        )
        .unwrap(),
    );
    let r = calculate(&s).unwrap();
    assert_eq!(r.storage.unwrap().first_year.charge_kwh, 0.0);
    assert!(r.warnings.iter().any(|w| w.code == "storage_never_charges"));
}

/// The capacity charge (按容量): rate × kVA × 12 months whatever the system, the cheaper billing
/// named beside the demand charge in each case, and a warning when capacity billing is cheaper
/// with the system (then the demand-charge savings would not be earned).
#[test]
fn the_capacity_charge_is_compared_with_the_demand_charge() {
    for (kva, cheaper_with_system) in [(5000.0, "demand"), (200.0, "capacity")] {
        let mut s = presets::example("shuozhou-4mw-owner-tou").unwrap();
        s.storage = Some(
            rooftop_pv::json::deserialize(
                &serde_json::from_str(
                    r#"{"energyKwh":2000,"powerKw":1000,"dispatch":"peakShaving"}"#,
                )
                .unwrap(),
            )
            .unwrap(),
        );
        let t = s.tariff.as_mut().unwrap();
        t.demand_charge_yuan_per_kw_month = Some(30.0);
        t.capacity_charge_yuan_per_kva_month = Some(24.0);
        t.transformer_kva = Some(kva);
        let r = calculate(&s).unwrap();
        let v = serde_json::to_value(&r).unwrap();
        let (c, d) = (&v["money"]["capacityCharge"], &v["money"]["demandCharge"]);
        // 24 yuan/kVA/month × kVA × 12 months.
        close(
            c["yearYuan"].as_f64().unwrap(),
            24.0 * kva * 12.0,
            "yearYuan",
        );
        for (key, demand) in [
            ("cheaperWithoutSystem", "withoutSystemYuan"),
            ("cheaperWithPv", "withPvYuan"),
            ("cheaperWithPvStorage", "withPvStorageYuan"),
        ] {
            let want = if 24.0 * kva * 12.0 <= d[demand].as_f64().unwrap() {
                "capacity"
            } else {
                "demand"
            };
            assert_eq!(c[key], want, "{key} at {kva} kVA");
        }
        assert_eq!(c["cheaperWithPvStorage"], cheaper_with_system);
        let warned = r
            .warnings
            .iter()
            .any(|w| w.code == "capacity_billing_cheaper");
        assert_eq!(warned, cheaper_with_system == "capacity", "{kva} kVA");
    }
}

/// The chosen day (storage.dayOfYear = 41, 10 February) of the Shuozhou battery: its PV is the
/// engine's first-year hours 960–983 (output.hourly), and each hour balances — PV + grid +
/// discharge = load + auxiliary + charge — with the stored energy moving by √η·charge −
/// discharge/√η; no charge and discharge in one hour, both within the power.
#[test]
fn the_chosen_day_is_that_day_of_year_one_hour_by_hour() {
    let s: rooftop_pv::Scenario = rooftop_pv::json::deserialize(
        &serde_json::from_str(
            r#"{"system":{"capacityKwp":4000},"site":{"latitude":39.33,"longitude":112.43},
            "resource":{"method":"station","stationId":"536730"},
            "usage":{"mode":"selfUseSurplus","load":{"kind":"typical","profile":"factoryTwoShift","annualKwh":30000000}},
            "tariff":{"timeOfUsePreset":"shanxi-ci-2026"},
            "storage":{"energyKwh":2000,"powerKw":1000,"dispatch":"optimal","roundTripEfficiencyPct":90,
                "socMinPct":10,"socMaxPct":90,"auxiliaryKw":5,"dayOfYear":41},
            "output":{"hourly":true}}"#,
        )
        .unwrap(),
    )
    .unwrap();
    let r = calculate(&s).unwrap();
    let pv = r.energy.hourly_kwh.expect("output.hourly");
    let st = r.storage.unwrap();
    let d = st.chosen_day.expect("storage.chosenDay");
    assert_eq!((d.month, d.day_of_year), (2, Some(41)));
    let (eta, cap) = (0.9f64.sqrt(), 2000.0);
    let mut soc_prev = None;
    let mut moved = 0.0;
    for k in 0..24 {
        close(d.pv_kw[k], pv[960 + k], "PV");
        let (c, x) = (d.charge_kw[k], d.discharge_kw[k]);
        assert!(
            c * x == 0.0 && c <= 1000.0 + 1e-9 && x <= 1000.0 + 1e-9,
            "hour {k}: {c} {x}"
        );
        close(
            d.pv_kw[k] + d.grid_kw[k] + x,
            d.load_kw[k] + 5.0 + c,
            "balance",
        );
        let soc_kwh = d.soc_pct[k] / 100.0 * cap;
        assert!(
            (200.0 - 1e-6..=1800.0 + 1e-6).contains(&soc_kwh),
            "SOC {soc_kwh}"
        );
        if let Some(p) = soc_prev {
            close(soc_kwh - p, c * eta - x / eta, "stored energy");
        }
        soc_prev = Some(soc_kwh);
        moved += c + x;
    }
    assert!(moved > 0.0, "the battery works on a February working day");
}
