//! The money of a 25-year lifetime, natively: `money::evaluate` on year 1's 8,760 hours of a 4 MW
//! roof (the annual yield shaped over clear-sky days at Shuozhou), for a linear split (no load, no
//! export limit, flat price: years 2–N are year 1 scaled) and for the Shuozhou example with a
//! two-shift load and Shanxi time-of-use prices (every year matched hour by hour).
//!   cargo bench --bench money

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use rooftop_pv::{presets, resolve, shape};

fn bench(c: &mut Criterion) {
    for (name, linear) in [("linear split", true), ("load + time of use", false)] {
        let mut s = presets::example("shuozhou-4mw-owner-tou").unwrap();
        if linear {
            s.usage = None;
            s.tariff = None;
        }
        let inp = resolve::resolve(&s).unwrap();
        let annual_kwh = 4000.0 * 1300.0;
        let site = inp.site.unwrap_or(shape::DEFAULT_SITE);
        let hours = shape::annual_to_hours(annual_kwh, &site);
        c.bench_function(&format!("money::evaluate 25 y hourly, {name}"), |b| {
            b.iter(|| rooftop_pv::money::evaluate(black_box(&inp), annual_kwh, Some(&hours)))
        });
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
