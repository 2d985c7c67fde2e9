//! The least-cost day as a general LP solved by microlp (pure-Rust simplex, a dev-dependency only:
//! never shipped), to compare with `storage::optimal`'s exact DP. Same LP as
//! scripts/storage_reference.py (scipy/HiGHS): variables per hour charge c, discharge d, import i,
//! export x, curtailed u, stored energy s;
//!   min Σ p_t·i_t − e·x_t
//!   s.t. i_t − x_t − u_t + d_t − c_t = b_t (b = load + auxiliary − PV) [kWh],
//!        s_t − s_{t−1} − η_c·c_t + d_t/η_d = 0 (s_{−1} = s₀) [kWh],
//!        0 ≤ c_t ≤ P (≤ the surplus without grid charging), 0 ≤ d_t ≤ min(P, max(b_t, 0)),
//!        0 ≤ x_t ≤ L, s_min ≤ s_t ≤ s_max.

use microlp::{ComparisonOp, OptimizationDirection, Problem};
use rooftop_pv::storage::{Limits, SiteYear};

/// The least energy cost [yuan] of the hours of `site` from stored energy `soc0` [kWh].
pub fn microlp_cost(site: &SiteYear, lim: &Limits, soc0: f64) -> f64 {
    let mut lp = Problem::new(OptimizationDirection::Minimize);
    let mut prev = None;
    for (t, &p) in site.import_yuan_kwh.iter().enumerate() {
        let b = site.base_kwh(t, lim);
        let charge_cap = if lim.grid_charging {
            lim.power_kw
        } else {
            lim.power_kw.min((-b).max(0.0))
        };
        let c = lp.add_var(0.0, (0.0, charge_cap));
        let d = lp.add_var(0.0, (0.0, lim.power_kw.min(b.max(0.0))));
        let i = lp.add_var(p, (0.0, f64::INFINITY));
        let x = lp.add_var(-site.export_yuan_kwh, (0.0, site.export_limit_kwh));
        let u = lp.add_var(0.0, (0.0, f64::INFINITY));
        let s = lp.add_var(0.0, (lim.soc_min_kwh, lim.soc_max_kwh));
        lp.add_constraint(
            [(i, 1.0), (x, -1.0), (u, -1.0), (d, 1.0), (c, -1.0)],
            ComparisonOp::Eq,
            b,
        );
        let balance = [
            (s, 1.0),
            (c, -lim.charge_efficiency),
            (d, 1.0 / lim.discharge_efficiency),
        ];
        match prev {
            Some(sp) => lp.add_constraint(
                balance.iter().copied().chain([(sp, -1.0)]),
                ComparisonOp::Eq,
                0.0,
            ),
            None => lp.add_constraint(balance, ComparisonOp::Eq, soc0),
        }
        prev = Some(s);
    }
    lp.solve()
        .expect("microlp solves the day")
        .into_solution()
        .expect("microlp finishes the day")
        .objective()
}
