//! PV + storage, natively: the Shuozhou 4 MW example (two-shift load, Shanxi time of use) with a
//! 1 MW / 2 MWh battery, 25 years × 8,760 hours dispatched in each mode (each `calculate` dispatches
//! the battery twice: with the PV and without it, for "storage alone"); one year of `optimal`
//! alone (365 daily optima); one day of it by the DP and by microlp (a general pure-Rust simplex, a
//! dev-dependency only, for the choice argued in src/storage/optimal.rs); and the sizing sweep of
//! 4 powers × 5 durations.
//!   cargo bench --bench storage

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::storage::battery::Limits;
use rooftop_pv::storage::optimal::optimal;
use rooftop_pv::storage::SiteYear;
use rooftop_pv::{calculate, presets, sweep_storage};

#[path = "../tests/lp_support/mod.rs"]
mod lp_support;

fn scenario(mode: &str) -> rooftop_pv::Scenario {
    let mut s = presets::example("shuozhou-4mw-owner-tou").unwrap();
    let battery = serde_json::json!({ "energyKwh": 2000, "powerKw": 1000, "dispatch": mode });
    s.storage = Some(rooftop_pv::json::deserialize(&battery).unwrap());
    s
}

fn bench(c: &mut Criterion) {
    for mode in ["selfConsumption", "timeOfUse", "peakShaving", "optimal"] {
        let s = scenario(mode);
        c.bench_function(
            &format!("calculate 25 y PV + 1 MW/2 MWh storage, {mode}"),
            |b| b.iter(|| calculate(black_box(&s)).unwrap()),
        );
    }
    let load: Vec<f64> = (0..8760)
        .map(|h| {
            if (8..24).contains(&(h % 24)) {
                1500.0
            } else {
                600.0
            }
        })
        .collect();
    let pv: Vec<f64> = (0..8760)
        .map(|h| {
            3000.0
                * (std::f64::consts::PI * ((h % 24) as f64 - 6.0) / 12.0)
                    .sin()
                    .max(0.0)
        })
        .collect();
    let price: Vec<f64> = (0..8760)
        .map(|h| [0.37, 0.53, 0.71, 0.8][(h * 7 / 24) % 4])
        .collect();
    let site = SiteYear {
        load_kwh: &load,
        pv_kwh: &pv,
        import_yuan_kwh: &price,
        export_yuan_kwh: 0.332,
        export_limit_kwh: f64::INFINITY,
        periods: &[],
    };
    let lim = Limits {
        soc_min_kwh: 100.0,
        soc_max_kwh: 1900.0,
        power_kw: 1000.0,
        charge_efficiency: 0.85f64.sqrt(),
        discharge_efficiency: 0.85f64.sqrt(),
        auxiliary_kwh: 0.0,
        grid_charging: true,
    };
    c.bench_function("optimal: one year, 365 daily optima", |b| {
        b.iter(|| optimal(black_box(&site), &lim, 100.0))
    });
    // Day 172 (21 June): the DP and microlp on the same day's LP.
    let h = 171 * 24..172 * 24;
    let day = SiteYear {
        load_kwh: &load[h.clone()],
        pv_kwh: &pv[h.clone()],
        import_yuan_kwh: &price[h],
        ..site
    };
    c.bench_function("one day: optimal (the DP)", |b| {
        b.iter(|| optimal(black_box(&day), &lim, 100.0))
    });
    c.bench_function("one day: microlp (simplex on the same LP)", |b| {
        b.iter(|| lp_support::microlp_cost(black_box(&day), &lim, 100.0))
    });
    let s = scenario("optimal");
    let (powers, durations) = ([250.0, 500.0, 1000.0, 2000.0], [0.5, 1.0, 2.0, 3.0, 4.0]);
    c.bench_function("sweep_storage optimal 4 powers × 5 durations", |b| {
        b.iter(|| sweep_storage(black_box(&s), &powers, &durations).unwrap())
    });
    let s = scenario("timeOfUse");
    c.bench_function("sweep_storage timeOfUse 4 powers × 5 durations", |b| {
        b.iter(|| sweep_storage(black_box(&s), &powers, &durations).unwrap())
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
