//! Hourly matching and money against arithmetic written out by hand, on hours simple enough to add
//! up on paper: 100 kWh in each of the hours 10:00–14:00 of every day, nothing otherwise
//! (4 × 365 = 1,460 sunny hours, 146,000 kWh a year), supplied through `calculate_with_hours`.
//! The load is an interval file of 60 kWh every hour (525,600 kWh a year).

mod weather_common;

use rooftop_pv::{calculate, calculate_owned, calculate_with_hours, usage, Report, Scenario};

const SUNNY: f64 = 1460.0;

fn hours() -> Vec<f64> {
    (0..8760)
        .map(|h| {
            if (10..14).contains(&(h % 24)) {
                100.0
            } else {
                0.0
            }
        })
        .collect()
}

fn flat_load_csv(kwh: f64) -> String {
    format!("kWh\n{}", format!("{kwh}\n").repeat(8760))
}

fn run(json: &str) -> Report {
    let s = Scenario::from_json(json).unwrap_or_else(|e| panic!("{e}"));
    calculate_with_hours(&s, &hours()).unwrap_or_else(|e| panic!("{e}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

macro_rules! assert_close {
    ($a:expr, $b:expr) => {
        assert!(close($a, $b), "{} = {} ≠ {}", stringify!($a), $a, $b)
    };
}

/// TOU used below: 10–12 h peak 1.0, 12–14 h valley 0.3, every other hour flat 0.6 yuan/kWh.
const TOU: &str = r#""timeOfUse":{"prices":{"peak":1.0,"flat":0.6,"valley":0.3},
    "schedule":[{"months":[1,2,3,4,5,6,7,8,9,10,11,12],
    "hours":["flat","flat","flat","flat","flat","flat","flat","flat","flat","flat","peak","peak",
             "valley","valley","flat","flat","flat","flat","flat","flat","flat","flat","flat","flat"]}]}"#;

fn owner_scenario() -> String {
    format!(
        r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1000}},
        "lifetime":{{"years":3,"firstYearDegradationPct":10,"annualDegradationPct":0}},
        "usage":{{"mode":"selfUseSurplus","exportLimitKw":25,"load":{{"kind":"intervalCsv","text":{text}}}}},
        "tariff":{{{TOU},"exportPriceYuanKwh":0.35,"escalationPct":2,"exportEscalationPct":0}},
        "ownership":{{"kind":"owner","capexYuanPerW":1,"discountRatePct":8,
          "omSteps":[{{"fromYear":1,"yuanPerKwpYear":10}},{{"fromYear":2,"yuanPerKwpYear":20}}],
          "inverterReplacement":{{"year":2,"costYuanPerW":0.05}},
          "loan":{{"sharePct":50,"ratePct":10,"years":2}},
          "tax":{{"incomeTaxPct":25,"depreciationYears":3,"residualValuePct":0}}}},
        "emissions":{{"preset":"cec-2018"}}}}"#,
        text = serde_json::to_string(&flat_load_csv(60.0)).unwrap()
    )
}

/// Owner, self-use + surplus, 60 kWh load, 25 kW export limit, time-of-use prices.
///
/// Year 1, each sunny hour: 100 generated, 60 used, surplus 40 → 25 exported, 15 curtailed:
/// used 60 × 1,460 = 87,600; exported 25 × 1,460 = 36,500; curtailed 15 × 1,460 = 21,900 kWh.
/// Self-use share 87,600 / 146,000 = 60 %; self-sufficiency 87,600 / 525,600 = 16.667 %.
/// Value of self-use: peak 60 × 730 × 1.0 = 43,800 + valley 60 × 730 × 0.3 = 13,140 → 56,940 yuan;
/// exports 36,500 × 0.35 = 12,775 yuan; savings 69,715 yuan.
/// Years 2–3 degrade 10 %: 90 generated, 60 used, 25 exported, 5 curtailed (7,300 kWh) — the same
/// kWh used and exported; self-use value × 1.02 and 1.02²: 58,078.8 and 59,240.376; exports stay
/// 12,775 (export escalation 0): savings 70,853.8 and 72,015.376.
#[test]
fn owner_with_load_export_limit_and_time_of_use() {
    let r = run(&owner_scenario());
    let u = &r.usage;
    assert_close!(r.energy.annual_kwh, 146_000.0);
    assert_close!(u.self_used_kwh, 60.0 * SUNNY);
    assert_close!(u.exported_kwh, 25.0 * SUNNY);
    assert_close!(u.curtailed_kwh, 15.0 * SUNNY);
    assert_close!(u.self_use_share_pct, 60.0);
    assert_close!(u.load_kwh.unwrap(), 525_600.0);
    assert_close!(u.grid_import_kwh.unwrap(), 525_600.0 - 87_600.0);
    assert_close!(
        u.self_sufficiency_pct.unwrap(),
        87_600.0 / 525_600.0 * 100.0
    );
    // Lifetime: used and exported the same each year; curtailed 21,900 + 2 × 7,300.
    assert_close!(u.lifetime_self_used_kwh, 3.0 * 87_600.0);
    assert_close!(u.lifetime_curtailed_kwh, 21_900.0 + 2.0 * 7_300.0);
    // By clock hour: hour 10 holds 365 × (100, 60, 25, 15, load 60); hour 3 only the load.
    let h10 = &u.by_hour_of_day[10];
    assert_eq!(h10.index, 10);
    assert_close!(h10.generation_kwh, 36_500.0);
    assert_close!(h10.self_used_kwh, 21_900.0);
    assert_close!(h10.exported_kwh, 9_125.0);
    assert_close!(h10.curtailed_kwh, 5_475.0);
    assert_close!(u.by_hour_of_day[3].grid_import_kwh.unwrap(), 21_900.0);
    // By month: January has 31 × 4 sunny hours → 12,400 kWh generated, 7,440 used.
    assert_close!(u.by_month[0].generation_kwh, 12_400.0);
    assert_close!(u.by_month[0].self_used_kwh, 7_440.0);
    assert_close!(r.energy.monthly_kwh[1], 28.0 * 400.0);

    let m = &r.money;
    assert_close!(m.first_year_savings_yuan, 69_715.0);
    assert_close!(m.self_use_price_yuan_kwh.unwrap(), 56_940.0 / 87_600.0);
    let p: Vec<_> = m
        .by_period
        .iter()
        .map(|p| (p.period, p.self_used_kwh, p.self_use_value_yuan))
        .collect();
    use rooftop_pv::scenario::Period::{Flat, Peak, Valley};
    assert_eq!(p.len(), 3);
    assert_eq!(p[0].0, Peak);
    assert_close!(p[0].1, 43_800.0);
    assert_close!(p[0].2, 43_800.0);
    assert_eq!((p[1].0, p[1].1), (Flat, 0.0));
    assert_eq!(p[2].0, Valley);
    assert_close!(p[2].2, 13_140.0);

    // The cash flow. Investment 1 yuan/W × 100 kWp = 100,000, half borrowed at 10 % over 2 years:
    // A = 50,000 × 0.1 / (1 − 1.1⁻²) = 28,809.5238…; year 1 interest 5,000, principal 23,809.5238…;
    // year 2 interest 2,619.0476…, principal 26,190.4762….
    // O&M 10 yuan/kWp in year 1 (1,000), 20 after (2,000); inverters in year 2: 0.05 yuan/W = 5,000.
    // Tax 25 % on savings − O&M − inverter − depreciation (100,000 / 3) − interest:
    // y1 (69,715 − 1,000 − 33,333.333 − 5,000) × 25 % = 7,595.4167;
    // y2 (70,853.8 − 2,000 − 5,000 − 33,333.333 − 2,619.0476) × 25 % = 6,975.3548;
    // y3 (72,015.376 − 2,000 − 33,333.333) × 25 % = 9,170.5107.
    // Net: y0 −50,000; y1 69,715 − (1,000 + 5,000 + 23,809.5238 + 7,595.4167) = 32,310.0595;
    // y2 70,853.8 − (2,000 + 5,000 + 2,619.0476 + 26,190.4762 + 6,975.3548) = 28,068.9214;
    // y3 72,015.376 − (2,000 + 9,170.5107) = 60,844.8653.
    let y = &m.by_year;
    assert_eq!(y.len(), 4);
    assert_close!(y[0].investment_yuan, 50_000.0);
    assert_close!(y[0].net_cash_flow_yuan, -50_000.0);
    assert_close!(y[1].loan_interest_yuan, 5_000.0);
    assert_close!(y[1].loan_principal_yuan, 23_809.523_809_523_8);
    assert_close!(y[2].loan_interest_yuan, 2_619.047_619_047_62);
    assert_close!(y[3].loan_interest_yuan + y[3].loan_principal_yuan, 0.0);
    assert_close!(y[1].om_yuan, 1_000.0);
    assert_close!(y[2].om_yuan, 2_000.0);
    assert_close!(y[2].inverter_yuan, 5_000.0);
    assert_close!(y[1].tax_yuan, 7_595.416_666_666_67);
    assert_close!(y[2].tax_yuan, 6_975.354_761_904_76);
    assert_close!(y[3].tax_yuan, 9_170.510_666_666_66);
    assert_close!(y[2].savings_yuan, 70_853.8);
    assert_close!(y[2].curtailed_kwh, 7_300.0);
    assert_close!(y[1].net_cash_flow_yuan, 32_310.059_523_809_54);
    assert_close!(y[2].net_cash_flow_yuan, 28_068.921_428_571_42);
    assert_close!(y[3].net_cash_flow_yuan, 60_844.865_333_333_33);
    assert_close!(
        y[3].cumulative_yuan,
        -50_000.0 + 32_310.059_523_809_54 + 28_068.921_428_571_42 + 60_844.865_333_333_33
    );
    // NPV at 8 %: −50,000 + 32,310.06/1.08 + 28,068.92/1.08² + 60,844.87/1.08³ = 52,281.9136.
    assert_close!(m.npv_yuan.unwrap(), 52_281.913_568_150_41);
    // Payback: −50,000 + 32,310.06 = −17,689.94, then +28,068.92: 1 + 17,689.94/28,068.92 years.
    assert_close!(
        m.payback_years.unwrap(),
        1.0 + 17_689.940_476_190_46 / 28_068.921_428_571_42
    );
    // Discounted: 29,916.72 then 24,064.57: 1 + (50,000 − 29,916.72)/24,064.57.
    let d1 = 32_310.059_523_809_54 / 1.08;
    let d2 = 28_068.921_428_571_42 / 1.08 / 1.08;
    assert_close!(
        m.discounted_payback_years.unwrap(),
        1.0 + (50_000.0 - d1) / d2
    );
    // LCOE over delivered kWh (87,600 + 36,500 = 124,100 a year):
    // (100,000 + 1,000/1.08 + 7,000/1.08² + 2,000/1.08³) / (124,100 × 2.5771) = 0.339302515.
    assert_close!(m.lcoe_yuan_kwh.unwrap(), 0.339_302_514_824_330_05);
    assert_close!(m.investment_yuan.unwrap(), 100_000.0);
    // Emissions on delivered energy: 124,100 kWh × 0.3076 kgce = 38.17316 t.
    assert_close!(r.emissions.annual.coal_t, 124_100.0 * 0.3076 / 1000.0);
    assert!(r.warnings.iter().any(|w| w.code == "curtailed"));
}

/// Third party (EMC), same hours, load and TOU; 20 % discount, roof rent 1,000 yuan; 3 years, no
/// degradation, no escalation.
/// Host: 0.2 × 56,940 + 1,000 = 12,388 yuan a year; the investor: sales 0.8 × 56,940 = 45,552 +
/// exports 12,775 = 58,327 yuan, less O&M 10 yuan/kWp (1,000) and rent 1,000 = 56,327 a year on
/// 100,000 invested; NPV at 8 % = −100,000 + 56,327 × 2.577097 = 45,160.142.
#[test]
fn third_party_host_and_investor_from_the_same_hours() {
    let json = format!(
        r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1000}},
        "lifetime":{{"years":3,"firstYearDegradationPct":0,"annualDegradationPct":0}},
        "usage":{{"mode":"selfUseSurplus","exportLimitKw":25,"load":{{"kind":"intervalCsv","text":{text}}}}},
        "tariff":{{{TOU},"exportPriceYuanKwh":0.35}},
        "ownership":{{"kind":"thirdParty","discountPct":20,"roofRentYuanYear":1000,
          "investor":{{"capexYuanPerW":1,"omYuanPerKwpYear":10,"discountRatePct":8}}}}}}"#,
        text = serde_json::to_string(&flat_load_csv(60.0)).unwrap()
    );
    let r = run(&json);
    let m = &r.money;
    assert_close!(m.first_year_savings_yuan, 12_388.0);
    assert_close!(m.lifetime_savings_yuan, 3.0 * 12_388.0);
    assert_eq!(m.by_year[0].year, 1);
    assert_close!(m.by_year[0].self_use_yuan, 11_388.0);
    assert!(m.npv_yuan.is_none() && m.irr_pct.is_none());
    let inv = m.investor.as_ref().unwrap();
    assert_close!(inv.first_year_revenue_yuan, 58_327.0);
    assert_close!(inv.by_year[1].self_use_yuan, 45_552.0);
    assert_close!(inv.by_year[1].roof_rent_yuan, 1_000.0);
    assert_close!(inv.by_year[1].net_cash_flow_yuan, 56_327.0);
    assert_close!(inv.npv_yuan, 45_160.142_000_711_26);
    assert_close!(inv.investment_yuan, 100_000.0);
    // IRR: the rate that zeroes −100,000 + 56,327 (v + v² + v³).
    let r_ = inv.irr_pct.unwrap() / 100.0;
    let v = 1.0 / (1.0 + r_);
    assert!((-100_000.0 + 56_327.0 * (v + v * v + v * v * v)).abs() < 1e-6);
    assert_eq!(inv.irr_pct, inv.project_irr_pct);
}

/// Full self-use (防逆流 by mode) with the load at a flat 0.5 yuan/kWh: 60 used, 40 curtailed each
/// sunny hour; 87,600 × 0.5 = 43,800 yuan.
#[test]
fn full_self_use_with_a_load() {
    let json = format!(
        r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1000}},
        "usage":{{"mode":"fullSelfUse","load":{{"kind":"intervalCsv","text":{text}}}}},
        "tariff":{{"gridPriceYuanKwh":0.5}}}}"#,
        text = serde_json::to_string(&flat_load_csv(60.0)).unwrap()
    );
    let r = run(&json);
    assert_close!(r.usage.self_used_kwh, 87_600.0);
    assert_close!(r.usage.curtailed_kwh, 40.0 * SUNNY);
    assert_eq!(r.usage.exported_kwh, 0.0);
    assert_close!(r.money.first_year_savings_yuan, 43_800.0);
}

/// Zero export (selfUseSurplus, exportLimitKw 0): the same as full self-use.
#[test]
fn zero_export_limit() {
    let json = format!(
        r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1000}},
        "usage":{{"mode":"selfUseSurplus","exportLimitKw":0,"load":{{"kind":"intervalCsv","text":{text}}}}},
        "tariff":{{"gridPriceYuanKwh":0.5}}}}"#,
        text = serde_json::to_string(&flat_load_csv(60.0)).unwrap()
    );
    let r = run(&json);
    assert_close!(r.usage.curtailed_kwh, 40.0 * SUNNY);
    assert_close!(r.money.first_year_savings_yuan, 43_800.0);
}

/// Full export with a 25 kW limit: 25 × 1,460 = 36,500 kWh exported at 0.35 = 12,775 yuan;
/// 75 × 1,460 = 109,500 kWh curtailed.
#[test]
fn full_export_with_a_limit() {
    let r = run(
        r#"{"system":{"capacityKwp":100},"resource":{"method":"fullLoadHours","hours":1000},
        "usage":{"mode":"fullExport","exportLimitKw":25},"tariff":{"exportPriceYuanKwh":0.35}}"#,
    );
    assert_close!(r.usage.exported_kwh, 36_500.0);
    assert_close!(r.usage.curtailed_kwh, 109_500.0);
    assert_close!(r.money.first_year_savings_yuan, 12_775.0);
}

/// A share without a load, with a limit: 50 used, surplus 50 → 30 exported, 20 curtailed per sunny
/// hour; at 0.6 and 0.35: 73,000 × 0.6 + 43,800 × 0.35 = 43,800 + 15,330 = 59,130 yuan.
#[test]
fn share_with_a_limit() {
    let r = run(
        r#"{"system":{"capacityKwp":100},"resource":{"method":"fullLoadHours","hours":1000},
        "usage":{"mode":"selfUseSurplus","selfUseSharePct":50,"exportLimitKw":30},
        "tariff":{"gridPriceYuanKwh":0.6,"exportPriceYuanKwh":0.35}}"#,
    );
    assert_close!(r.usage.self_used_kwh, 73_000.0);
    assert_close!(r.usage.exported_kwh, 43_800.0);
    assert_close!(r.usage.curtailed_kwh, 29_200.0);
    assert_close!(r.money.first_year_savings_yuan, 59_130.0);
    assert!(r.usage.load_kwh.is_none() && r.usage.self_sufficiency_pct.is_none());
}

/// Monthly load: each month of the report holds exactly the kWh given; typical load: the year
/// holds the annual kWh.
#[test]
fn monthly_and_typical_loads_keep_their_totals() {
    let kwh = [
        30.0, 28.0, 31.0, 30.0, 31.0, 30.0, 31.0, 31.0, 30.0, 31.0, 30.0, 31.0,
    ]
    .map(|d| d * 1000.0);
    let json = format!(
        r#"{{"system":{{"capacityKwp":100}},"resource":{{"method":"fullLoadHours","hours":1200}},
        "usage":{{"mode":"selfUseSurplus","load":{{"kind":"monthly","profile":"commercial","kwh":{kwh:?}}}}}}}"#
    );
    let r = calculate(&Scenario::from_json(&json).unwrap()).unwrap();
    for (m, want) in kwh.iter().enumerate() {
        assert_close!(r.usage.by_month[m].load_kwh.unwrap(), *want);
    }
    let a = r.assumptions.load.as_ref().unwrap();
    assert_close!(a.annual_kwh, kwh.iter().sum::<f64>());
    let json = r#"{"system":{"capacityKwp":100},"resource":{"method":"fullLoadHours","hours":1200},
        "usage":{"mode":"selfUseSurplus","load":{"kind":"typical","profile":"household","annualKwh":50000}}}"#;
    let r = calculate(&Scenario::from_json(json).unwrap()).unwrap();
    assert_close!(r.usage.load_kwh.unwrap(), 50_000.0);
    // No site: the hours are shaped at the default site, and a warning says so.
    assert!(r
        .warnings
        .iter()
        .any(|w| w.code == "hours_shaped_default_site"));
}

/// Per-hour invariants over a whole shaped year for every mode, with and without a load and a
/// limit: self-used + exported + curtailed = generation; self-used ≤ load; exported ≤ limit;
/// nothing negative; and the report's hourly sums equal its totals.
#[test]
fn per_hour_invariants() {
    use rooftop_pv::scenario::UsageMode::{FullExport, FullSelfUse, SelfUseSurplus};
    let site = rooftop_pv::shape::ShapeSite {
        latitude_deg: 39.33,
        longitude_deg: 112.43,
        timezone_h: 8.0,
    };
    let gen = rooftop_pv::shape::annual_to_hours(5_000_000.0, &site);
    let load = rooftop_pv::load::profiles::typical(
        rooftop_pv::scenario::TypicalProfile::FactoryTwoShift,
        12_000_000.0,
    );
    for mode in [FullExport, SelfUseSurplus, FullSelfUse] {
        for with_load in [false, true] {
            for limit in [None, Some(0.0), Some(800.0)] {
                if mode == FullSelfUse && limit.is_some() || mode == FullExport && with_load {
                    continue;
                }
                let rule = usage::Rule {
                    mode,
                    self_use_share: 0.7,
                    load_kwh: with_load.then_some(load.as_slice()),
                    export_limit_kw: limit,
                };
                let splits = usage::split_hours(&gen, &rule);
                for (h, s) in splits.iter().enumerate() {
                    let sum = s.self_used_kwh + s.exported_kwh + s.curtailed_kwh;
                    assert!(
                        (sum - gen[h]).abs() <= 1e-9 * gen[h].max(1.0),
                        "{mode:?} h{h}"
                    );
                    assert!(
                        s.self_used_kwh >= 0.0 && s.exported_kwh >= 0.0 && s.curtailed_kwh >= 0.0
                    );
                    if with_load {
                        assert!(s.self_used_kwh <= load[h] + 1e-12);
                    }
                    if let Some(l) = limit {
                        assert!(s.exported_kwh <= l + 1e-12);
                    }
                    if mode == FullSelfUse {
                        assert_eq!(s.exported_kwh, 0.0);
                    }
                }
            }
        }
    }
    // Through calculate: the clock hours and the months add up to the year.
    let json = r#"{"site":{"latitude":39.33,"longitude":112.43},"system":{"capacityKwp":4000},
        "resource":{"method":"fullLoadHours","hours":1250},
        "usage":{"mode":"selfUseSurplus","exportLimitKw":500,
                 "load":{"kind":"typical","profile":"factoryTwoShift","annualKwh":12000000}},
        "tariff":{"timeOfUsePreset":"shanxi-ci-2026"}}"#;
    let r = calculate(&Scenario::from_json(json).unwrap()).unwrap();
    let u = &r.usage;
    for parts in [&u.by_hour_of_day, &u.by_month] {
        let sum = |f: fn(&rooftop_pv::report::UsagePart) -> f64| parts.iter().map(f).sum::<f64>();
        assert_close!(sum(|p| p.generation_kwh), r.energy.annual_kwh);
        assert_close!(sum(|p| p.self_used_kwh), u.self_used_kwh);
        assert_close!(sum(|p| p.exported_kwh), u.exported_kwh);
        assert_close!(sum(|p| p.curtailed_kwh), u.curtailed_kwh);
        assert_close!(sum(|p| p.load_kwh.unwrap()), u.load_kwh.unwrap());
    }
    assert!(u
        .by_hour_of_day
        .iter()
        .all(|p| p.exported_kwh <= 500.0 * 365.0 + 1e-6));
    assert_close!(
        u.self_used_kwh + u.exported_kwh + u.curtailed_kwh,
        r.energy.annual_kwh
    );
    // Every year of the money table splits its generation in full.
    for y in &r.money.by_year[1..] {
        assert_close!(
            y.self_used_kwh + y.exported_kwh + y.curtailed_kwh,
            y.generation_kwh
        );
    }
    // Time-of-use periods add up to the self-use value.
    let by_period: f64 = r
        .money
        .by_period
        .iter()
        .map(|p| p.self_use_value_yuan)
        .sum();
    assert_close!(
        by_period,
        r.money.self_use_price_yuan_kwh.unwrap() * u.self_used_kwh
    );
}

/// Without a load, an export limit or time-of-use prices, the spine's yearly share split is kept
/// (no hours are made).
#[test]
fn the_share_split_stays_without_hours() {
    let r = calculate(
        &Scenario::from_json(
            r#"{"system":{"capacityKwp":100},"resource":{"method":"fullLoadHours","hours":1000},
            "usage":{"mode":"selfUseSurplus","selfUseSharePct":60}}"#,
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(r.usage.method, rooftop_pv::report::UsageMethod::Share);
    assert!(r.usage.by_hour_of_day.is_empty());
    assert_close!(
        r.usage.by_month[0].self_used_kwh,
        100_000.0 * 31.0 / 365.0 * 0.6
    );
    assert!(r.assumptions.hours_from.is_none());
}

/// With a weather file the hourly engine's AC hours are matched (no shaping): the 4 MW Shuozhou roof
/// on Datong's typical year (≈100 km away) with the two-shift load and Shanxi time-of-use prices.
/// The engine's hours, the usage table and the money table agree with each other.
#[test]
fn the_engine_hours_are_matched() {
    let bytes = weather_common::fixture_bytes("CHN_Shanxi.Datong.534870_CSWD.epw");
    let text = String::from_utf8_lossy(&bytes);
    let json = serde_json::json!({
        "system": { "capacityKwp": 4000, "planes": [{ "tiltDeg": 30, "azimuthDeg": 180, "shareOfCapacity": 1 }] },
        "resource": { "method": "weatherFile", "text": text, "fileName": "CHN_Shanxi.Datong.534870_CSWD.epw" },
        "usage": { "mode": "selfUseSurplus", "exportLimitKw": 1500,
                   "load": { "kind": "typical", "profile": "factoryTwoShift", "annualKwh": 12_000_000 } },
        "tariff": { "timeOfUsePreset": "shanxi-ci-2026", "exportPriceYuanKwh": 0.332 },
        "ownership": { "kind": "thirdParty", "discountPct": 15 },
        "output": { "hourly": true }
    });
    let scenario = Scenario::from_json_value(&json).unwrap();
    let r = calculate(&scenario).unwrap();
    // The binding's entry, which frees the text once read, gives the same report.
    assert_eq!(calculate_owned(scenario).unwrap(), r);
    assert_eq!(
        r.assumptions.hours_from,
        Some(rooftop_pv::report::HoursFrom::HourlyEngine)
    );
    assert!(!r
        .warnings
        .iter()
        .any(|w| w.code.starts_with("hours_shaped")));
    let u = &r.usage;
    let gen_by_hour: f64 = u.by_hour_of_day.iter().map(|p| p.generation_kwh).sum();
    assert_close!(gen_by_hour, r.energy.annual_kwh);
    let hourly: f64 = r.energy.hourly_kwh.as_ref().unwrap().iter().sum();
    assert_close!(hourly, r.energy.annual_kwh);
    for (m, p) in u.by_month.iter().enumerate() {
        assert_close!(p.generation_kwh, r.energy.monthly_kwh[m]);
    }
    assert_close!(
        u.self_used_kwh + u.exported_kwh + u.curtailed_kwh,
        r.energy.annual_kwh
    );
    // The sun is down at 02:00 and up at noon.
    assert_eq!(u.by_hour_of_day[2].generation_kwh, 0.0);
    assert!(u.by_hour_of_day[12].generation_kwh > 0.0);
    assert!(u
        .by_hour_of_day
        .iter()
        .all(|p| p.exported_kwh <= 1500.0 * 365.0 + 1e-6));
    let inv = r.money.investor.as_ref().unwrap();
    assert!(inv.irr_pct.unwrap() > 0.0);
    // The host's saving is 15 % of the value of the self-used kWh, by period.
    let value: f64 = r
        .money
        .by_period
        .iter()
        .map(|p| p.self_use_value_yuan)
        .sum();
    assert_close!(r.money.first_year_savings_yuan, 0.15 * value);
}
