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
    // The breakpoints in increasing order: the changes at zero export (d0), at the export limit
    // (dl ≤ d0) and between charge and discharge (0), then the end of the domain.
    let (d0, dl) = (delta_of(b, 0.0, lim), delta_of(b, -limit, lim));
    let pts = if b >= 0.0 {
        [dl, d0, 0.0, hi]
    } else if -b <= limit {
        [dl, 0.0, d0, hi]
    } else {
        [0.0, dl, d0, hi]
    };
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

/// The backward pass of one day: for each hour t the segments of V_{t+1} □ g̃_t on [s_min, s_max]
/// (which are V_t's), each marked as the value function's or the hour's, and s_{t+1} at
/// s_t = s_min; the forward pass reads the hours from it for any starting energy.
#[derive(Default)]
struct Plan {
    /// The hours' segments, built backwards (V_24 = 0 first); hour t's begin at `offs[t]` and end
    /// where hour t − 1's begin (at the end for hour 0).
    segs: Vec<Seg>,
    offs: Vec<usize>,
    next_at_min: Vec<f64>,
}

impl Plan {
    /// The backward pass: bases `base` [kWh], purchase prices `price` [yuan/kWh], export price
    /// `export` [yuan/kWh], export limit `limit` [kWh].
    fn solve(&mut self, base: &[f64], price: &[f64], export: f64, limit: f64, lim: &Limits) {
        let (smin, smax) = (lim.soc_min_kwh, lim.soc_max_kwh);
        let hours = base.len();
        self.segs.clear();
        self.offs.resize(hours, 0);
        self.next_at_min.resize(hours, 0.0);
        self.segs.push(Seg {
            len: smax - smin,
            slope: 0.0,
            value: true,
        });
        let mut value = 0..1;
        for t in (0..hours).rev() {
            let g = hour_cost(base[t], price[t], export, limit, lim);
            let from = self.segs.len();
            // g̃(x) = g(−x): the cost's segments reversed, slopes negated (still increasing), merged
            // with V_{t+1}'s by slope and kept where x lies in [smin, smax].
            let cost = &g.segs[..g.n];
            let (mut i, mut j) = (value.start, cost.len());
            let mut x = smin - g.hi;
            let mut next = smin;
            while i < value.end || j > 0 {
                let take_value =
                    j == 0 || (i < value.end && self.segs[i].slope <= -cost[j - 1].slope);
                let s = if take_value {
                    i += 1;
                    self.segs[i - 1]
                } else {
                    j -= 1;
                    Seg {
                        slope: -cost[j].slope,
                        value: false,
                        ..cost[j]
                    }
                };
                if take_value {
                    next += (smin - x).clamp(0.0, s.len);
                }
                let (a, b) = (x.max(smin), (x + s.len).min(smax));
                if b > a {
                    // Equal slopes of the same part (adjacent, being sorted) make one segment.
                    let own = self.segs.len() > from;
                    match self.segs.last_mut() {
                        Some(last) if own && last.slope == s.slope && last.value == take_value => {
                            last.len += b - a
                        }
                        _ => self.segs.push(Seg {
                            len: b - a,
                            slope: s.slope,
                            value: take_value,
                        }),
                    }
                }
                x += s.len;
                if x >= smax {
                    break;
                }
            }
            self.offs[t] = from;
            self.next_at_min[t] = next;
            value = from..self.segs.len();
        }
    }

    /// The forward pass from stored energy `soc0`, appending the day's hours to `out`.
    fn hours(&self, base: &[f64], limit: f64, lim: &Limits, soc0: f64, out: &mut Vec<Hour>) {
        let mut soc = soc0.clamp(lim.soc_min_kwh, lim.soc_max_kwh);
        for (t, &b) in base.iter().enumerate() {
            // Walk hour t's segments from smin up to `soc`: the value function's part gives
            // s_{t+1}.
            let end = if t == 0 {
                self.segs.len()
            } else {
                self.offs[t - 1]
            };
            let mut x = lim.soc_min_kwh;
            let mut next = self.next_at_min[t];
            for s in &self.segs[self.offs[t]..end] {
                if x >= soc {
                    break;
                }
                if s.value {
                    next += (soc - x).min(s.len);
                }
                x += s.len;
            }
            let delta = next - soc;
            let (c, d) = if delta > 1e-12 {
                (delta / lim.charge_efficiency, 0.0)
            } else if delta < -1e-12 {
                (0.0, -delta * lim.discharge_efficiency)
            } else {
                (0.0, 0.0)
            };
            let hour = step(b, soc, c, d, lim, limit);
            soc = hour.soc_kwh;
            out.push(hour);
        }
    }
}

/// The last distinct days solved in a year, kept by their bases and prices: a factory's load and
/// a time-of-use tariff repeat from day to day (without PV every working day is the same), and the
/// backward pass depends on nothing else within a year.
const CACHED_DAYS: usize = 8;

/// A solved day: its inputs, its backward pass, and its hours from the last starting energy.
struct Cached {
    base: [f64; 24],
    price: [f64; 24],
    plan: Plan,
    soc0: f64,
    hours: Vec<Hour>,
}

/// `optimal` over the year: each day solved with the energy carried from the day before.
pub fn optimal(site: &SiteYear, lim: &Limits, soc0: f64) -> Vec<Hour> {
    let mut cache: Vec<Cached> = Vec::with_capacity(CACHED_DAYS);
    let mut oldest = 0;
    let mut out = Vec::with_capacity(site.load_kwh.len());
    let mut soc = soc0;
    let mut base = [0.0; 24];
    let mut price = [0.0; 24];
    for day in 0..site.load_kwh.len() / 24 {
        let h0 = day * 24;
        for (i, b) in base.iter_mut().enumerate() {
            *b = site.base_kwh(h0 + i, lim);
        }
        price.copy_from_slice(&site.import_yuan_kwh[h0..h0 + 24]);
        let found = cache
            .iter()
            .position(|c| c.base == base && c.price == price);
        let k = found.unwrap_or_else(|| {
            if cache.len() < CACHED_DAYS {
                cache.push(Cached {
                    base,
                    price,
                    plan: Plan::default(),
                    soc0: f64::NAN,
                    hours: Vec::with_capacity(24),
                });
                cache.len() - 1
            } else {
                let k = oldest;
                oldest = (oldest + 1) % CACHED_DAYS;
                let c = &mut cache[k];
                (c.base, c.price, c.soc0) = (base, price, f64::NAN);
                k
            }
        });
        let c = &mut cache[k];
        if found.is_none() {
            let (e, l) = (site.export_yuan_kwh, site.export_limit_kwh);
            c.plan.solve(&base, &price, e, l, lim);
        }
        if c.soc0 != soc {
            c.hours.clear();
            c.plan
                .hours(&base, site.export_limit_kwh, lim, soc, &mut c.hours);
            c.soc0 = soc;
        }
        out.extend_from_slice(&c.hours);
        soc = out.last().map_or(soc, |h| h.soc_kwh);
    }
    out
}
