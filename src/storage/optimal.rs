//! `optimal`: the least-cost dispatch of each day with perfect foresight of its 24 hours, solved
//! exactly by dynamic programming on convex piecewise-linear value functions of the stored energy
//! (the method of convex "value-function" DP for storage, e.g. Bertsekas, *Dynamic Programming and
//! Optimal Control*, Vol. I, 4th ed., §4.2; the infimal convolution of convex piecewise-linear
//! functions is the Minkowski sum of their epigraphs: merge the segments by slope — Rockafellar,
//! *Convex Analysis*, Thm 5.4).
//!
//! The day's problem is the LP
//!   min Σ_t f_t(b_t + c_t − d_t)   s.t. s_{t+1} = s_t + η_c c_t − d_t/η_d, s_min ≤ s_t ≤ s_max,
//!   0 ≤ c_t ≤ P (≤ the surplus without grid charging), 0 ≤ d_t ≤ min(P, max(b_t, 0)),
//! with f_t(n) = p_t·n for an import n ≥ 0, e·n for an export down to −L, −e·L below (curtailed),
//! s_0 the energy carried from the day before and no value on what is left at midnight. With the
//! stored-energy change Δ_t = s_{t+1} − s_t as the decision, each hour's cost g_t(Δ) = f_t(n(Δ)) is
//! convex (n(Δ) = b + Δ/η_c for Δ ≥ 0, b + η_d·Δ below: convex, increasing; f_t convex,
//! non-decreasing when 0 ≤ e ≤ p), so V_t(s) = min_Δ g_t(Δ) + V_{t+1}(s + Δ) is convex
//! piecewise-linear and is computed exactly, backwards, by merging sorted slopes; the decisions are
//! read forwards from the same merged segments. An hour whose export price exceeds its purchase
//! price is optimised at e = p (the convex envelope; the money is still counted at the true
//! prices), and charge and discharge never share an hour. Work: O(24²) a day.

use super::battery::Limits;
use super::flow::{step, Hour, SiteYear};
use crate::minmax::MinMax;

/// A segment of a convex piecewise-linear function: length [kWh], slope [yuan/kWh], and whether it
/// belongs to the value function (true) or to the hour's cost (false) in a merged sum.
#[derive(Debug, Clone, Copy)]
struct Seg {
    len: f64,
    slope: f64,
    value: bool,
}

/// One hour's cost g(Δ) on [lo, hi] as segments of increasing slope from lo.
struct HourCost {
    hi: f64,
    segs: [Seg; 6],
    n: usize,
}

/// The slope of the grid cost f(n) [yuan/kWh] at net load `n` [kWh].
#[inline]
fn grid_slope(n: f64, p: f64, e: f64, limit: f64) -> f64 {
    if n >= 0.0 {
        p
    } else if -n <= limit {
        e
    } else {
        0.0
    }
}

/// The net load of a stored-energy change `delta` on base `b`.
#[inline]
fn net(b: f64, delta: f64, lim: &Limits) -> f64 {
    if delta >= 0.0 {
        b + delta / lim.charge_efficiency
    } else {
        b + delta * lim.discharge_efficiency
    }
}

/// The stored-energy change that makes the net load `x`.
#[inline]
fn delta_of(b: f64, x: f64, lim: &Limits) -> f64 {
    if x >= b {
        (x - b) * lim.charge_efficiency
    } else {
        (x - b) / lim.discharge_efficiency
    }
}

fn hour_cost(b: f64, p: f64, e_true: f64, limit: f64, lim: &Limits) -> HourCost {
    let e = e_true.min(p);
    let charge_cap = if lim.grid_charging {
        lim.power_kw
    } else {
        lim.power_kw.min((-b).max(0.0))
    };
    let hi = charge_cap * lim.charge_efficiency;
    let lo = -lim.power_kw.min(b.max(0.0)) / lim.discharge_efficiency;
    let mut pts = [lo, hi, 0.0, delta_of(b, 0.0, lim), delta_of(b, -limit, lim)];
    pts.sort_by(|a, b| a.total_cmp(b));
    let mut out = HourCost {
        hi,
        segs: [Seg {
            len: 0.0,
            slope: 0.0,
            value: false,
        }; 6],
        n: 0,
    };
    let mut prev = lo;
    for &x in pts.iter().filter(|&&x| x > lo && x <= hi) {
        if x - prev > 1e-12 {
            let mid = 0.5 * (prev + x);
            let dn = if mid > 0.0 {
                1.0 / lim.charge_efficiency
            } else {
                lim.discharge_efficiency
            };
            let slope = grid_slope(net(b, mid, lim), p, e, limit) * dn;
            out.segs[out.n] = Seg {
                len: x - prev,
                slope,
                value: false,
            };
            out.n += 1;
            prev = x;
        }
    }
    out
}

/// The reusable buffers of the daily solve.
#[derive(Default)]
pub struct Solver {
    /// Per hour: the merged segments of V_{t+1} □ g̃_t and the start of its domain.
    merged: Vec<Vec<Seg>>,
    start: Vec<f64>,
    value: Vec<Seg>,
}

impl Solver {
    /// The optimal hours of one day: bases `base` [kWh], purchase prices `price` [yuan/kWh], export
    /// price `export` [yuan/kWh], export limit `limit` [kWh], stored energy `soc0` at its start.
    pub fn day(
        &mut self,
        base: &[f64],
        price: &[f64],
        export: f64,
        limit: f64,
        lim: &Limits,
        soc0: f64,
    ) -> Vec<Hour> {
        let (smin, smax) = (lim.soc_min_kwh, lim.soc_max_kwh);
        let hours = base.len();
        self.merged.resize_with(hours, Vec::new);
        self.start.resize(hours, 0.0);
        self.value.clear();
        self.value.push(Seg {
            len: smax - smin,
            slope: 0.0,
            value: true,
        });
        for t in (0..hours).rev() {
            let g = hour_cost(base[t], price[t], export, limit, lim);
            let merged = &mut self.merged[t];
            merged.clear();
            // g̃(x) = g(−x): the cost's segments reversed, slopes negated (still increasing).
            let mut cost = g.segs[..g.n]
                .iter()
                .rev()
                .map(|s| Seg {
                    slope: -s.slope,
                    ..*s
                })
                .peekable();
            let mut val = self.value.iter().copied().peekable();
            loop {
                let take_value = match (val.peek(), cost.peek()) {
                    (Some(v), Some(c)) => v.slope <= c.slope,
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                let s = if take_value { val.next() } else { cost.next() };
                merged.extend(s);
            }
            let x0 = smin - g.hi;
            self.start[t] = x0;
            // V_t: the merged sum restricted to [smin, smax] (its value at smin is not needed: only
            // slopes decide).
            self.value.clear();
            let mut x = x0;
            for s in merged.iter() {
                let (a, b) = (x.max(smin), (x + s.len).min(smax));
                if b > a {
                    // Equal slopes (adjacent, being sorted) make one segment: fewer to merge.
                    match self.value.last_mut() {
                        Some(last) if last.slope == s.slope => last.len += b - a,
                        _ => self.value.push(Seg {
                            len: b - a,
                            slope: s.slope,
                            value: true,
                        }),
                    }
                }
                x += s.len;
                if x >= smax {
                    break;
                }
            }
        }
        // Compare-and-select, not `f64::clamp`: its check of the bounds prints them with core's
        // float formatter, which this alone kept in the .wasm (≈ 10 KB gzipped, issue 9).
        let mut soc = soc0.fmax(smin).fmin(smax);
        (0..hours)
            .map(|t| {
                // Walk the merged segments up to `soc`: the value function's part gives s_{t+1}.
                let mut x = self.start[t];
                let mut next = smin;
                for s in &self.merged[t] {
                    let used = (soc - x).fmax(0.0).fmin(s.len);
                    if s.value {
                        next += used;
                    }
                    x += s.len;
                    if x >= soc {
                        break;
                    }
                }
                let delta = next - soc;
                let (c, d) = if delta > 1e-12 {
                    (delta / lim.charge_efficiency, 0.0)
                } else if delta < -1e-12 {
                    (0.0, -delta * lim.discharge_efficiency)
                } else {
                    (0.0, 0.0)
                };
                let hour = step(base[t], soc, c, d, lim, limit);
                soc = hour.soc_kwh;
                hour
            })
            .collect()
    }
}

/// `optimal` over the year: each day solved with the energy carried from the day before.
pub fn optimal(site: &SiteYear, lim: &Limits, soc0: f64) -> Vec<Hour> {
    let mut solver = Solver::default();
    let mut out = Vec::with_capacity(site.load_kwh.len());
    let mut soc = soc0;
    let mut base = [0.0; 24];
    for day in 0..site.load_kwh.len() / 24 {
        let h0 = day * 24;
        for (i, b) in base.iter_mut().enumerate() {
            *b = site.base_kwh(h0 + i, lim);
        }
        let hours = solver.day(
            &base,
            &site.import_yuan_kwh[h0..h0 + 24],
            site.export_yuan_kwh,
            site.export_limit_kwh,
            lim,
            soc,
        );
        soc = hours.last().map_or(soc, |h| h.soc_kwh);
        out.extend(hours);
    }
    out
}
