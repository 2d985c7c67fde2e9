//! One `calculate` of the Shuozhou 6 MW example from JSON text, as the binding runs it: the
//! scenario read by the strict reader, then `calculate` (the binding then hands the report to
//! serde-wasm-bindgen).
//!   cargo bench --bench calculate

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::{calculate, Scenario};

fn bench(c: &mut Criterion) {
    let s = rooftop_pv::presets::example("shuozhou-6mw").unwrap();
    let json = serde_json::to_string(&s).unwrap();
    c.bench_function("from_json + calculate shuozhou-6mw", |b| {
        b.iter(|| calculate(&Scenario::from_json(black_box(&json)).unwrap()).unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
