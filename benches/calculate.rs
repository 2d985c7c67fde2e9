//! One `calculate` of the Shuozhou 6 MW example, from JSON text to JSON text (what the binding does).

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
