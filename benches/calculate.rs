//! One `calculate` of the Shuozhou 6 MW example, from JSON text to JSON text (what the binding does),
//! and the money stage alone: 25 years × 8,760 hours matched with a two-shift load and Shanxi
//! time-of-use prices (`shuozhou-4mw-owner-tou` on hours given by the caller).

use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn shuozhou_json() -> String {
    let s = rooftop_pv::presets::example("shuozhou-6mw").unwrap();
    serde_json::to_string(&s).unwrap()
}

fn bench(c: &mut Criterion) {
    let json = shuozhou_json();
    c.bench_function("calculate_json shuozhou-6mw", |b| {
        b.iter(|| rooftop_pv::calculate_json(black_box(&json)).unwrap())
    });
    let tou = rooftop_pv::presets::example("shuozhou-4mw-owner-tou").unwrap();
    // A flat-topped day, the same every day: 4,800,000 kWh a year (1,200 h on 4,000 kWp).
    let day: Vec<f64> = (0..24)
        .map(|h| {
            if (7..17).contains(&h) {
                4_800_000.0 / 3650.0
            } else {
                0.0
            }
        })
        .collect();
    let hours: Vec<f64> = day.iter().copied().cycle().take(8760).collect();
    c.bench_function("money: 25 y × 8760 h, two-shift load + TOU", |b| {
        b.iter(|| rooftop_pv::calculate_with_hours(black_box(&tou), &hours).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
