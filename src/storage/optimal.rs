//! `optimal`: the least-cost dispatch of each day with perfect foresight of its 24 hours (of each
//! month under a demand charge: [`optimal_with_demand`]), solved
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
//!
//! Why our own exact method and not an LP crate (measured 2026-12-07 against microlp 0.6.0, the
//! maintained pure-Rust fork of minilp, on the same LP as scripts/storage_reference.py; it is a
//! dev-dependency only, tests/lp_support): it agrees with this DP to 5.3e-16 and with scipy's HiGHS
//! to 4.4e-16 of the day's bill on the 24 golden days (`cargo test --release --test storage
//! microlp -- --nocapture`), but takes 212 µs a day against the DP's 0.94 µs natively (`cargo bench
//! --bench storage -- "one day"`: ×225, i.e. ≈ 2 s for the 9,125 days of a 25-year calculate
//! instead of a few ms), and a wasm32 cdylib calling it is 138,150 B gzipped against 17,733 B
//! for the same cdylib without it (alloc, formatting and a sort kept: +120 kB, a third of the
//! package's 400,000 B limit; opt-level "s", LTO, wasm-opt -Oz, gzip -9; it also pulls sprs,
//! ndarray and web-time → js-sys).

use super::battery::Limits;
use super::flow::{step, Hour, SiteYear};
use crate::calendar::MONTH_START_DAY;
use crate::minmax::MinMax;

/// A segment of a convex piecewise-linear function: length [kWh], slope [yuan/kWh], and whether it
/// belongs to the value function (true) or to the hour's cost (false) in a merged sum.
#[derive(Debug, Clone, Copy)]
struct Seg {
    len: f64,
    slope: f64,
    value: bool,
}

/// One hour's cost g(Δ) on [lo, hi] as segments of increasing slope from lo; `hi < lo` when the
/// import cap cannot be met.
struct HourCost {
    lo: f64,
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

/// The cost of an hour with base `b`, price `p`, export price `e_true`, export limit `limit` and
/// import cap `cap` [kWh] (∞ without a demand charge): the cap bounds the charge, Δ ≤ Δ(cap).
fn hour_cost(b: f64, p: f64, e_true: f64, limit: f64, cap: f64, lim: &Limits) -> HourCost {
    let e = e_true.min(p);
    let charge_cap = if lim.grid_charging {
        lim.power_kw
    } else {
        lim.power_kw.min((-b).max(0.0))
    };
    let lo = -lim.power_kw.min(b.max(0.0)) / lim.discharge_efficiency;
    let hi = (charge_cap * lim.charge_efficiency).min(delta_of(b, cap, lim));
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
        lo,
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

/// The backward pass of a horizon (a day, or a month under a demand charge): for each hour t the
/// segments of V_{t+1} □ g̃_t on V_t's domain [a_t, s_max] (a_t ≥ s_min: the least energy from
/// which the import cap can still be held), each marked as the value function's or the hour's,
/// and s_{t+1} at s_t = a_t; the forward pass reads the hours from it for any starting energy.
#[derive(Default)]
struct Plan {
    /// The hours' segments, built backwards (V_H = 0 first); hour t's begin at `at[t].off` and end
    /// where hour t − 1's begin (at the end for hour 0).
    segs: Vec<Seg>,
    at: Vec<At>,
}

/// Where an hour's segments begin in [`Plan::segs`], a_t [kWh] and s_{t+1} at s_t = a_t [kWh].
#[derive(Debug, Clone, Copy, Default)]
struct At {
    off: usize,
    start: f64,
    next: f64,
}

impl Plan {
    /// The backward pass: bases `base` [kWh], purchase prices `price` [yuan/kWh], export price
    /// `export` [yuan/kWh], export limit `limit` [kWh], import cap `cap` [kWh]. False when no
    /// dispatch holds the cap. With `reuse` = (a plan, t₀), its hours t₀… are taken as they are:
    /// that plan was solved with the same limits and prices and the same bases from t₀ on (the
    /// backward pass of those hours depends on nothing else).
    #[allow(clippy::too_many_arguments)]
    fn solve(
        &mut self,
        base: &[f64],
        price: &[f64],
        export: f64,
        limit: f64,
        cap: f64,
        lim: &Limits,
        reuse: Option<(&Plan, usize)>,
    ) -> bool {
        let (smin, smax) = (lim.soc_min_kwh, lim.soc_max_kwh);
        let hours = base.len();
        self.segs.clear();
        self.at.resize(hours, At::default());
        let (mut value, mut value_start, t0) = match reuse {
            Some((other, t0)) if t0 < hours => {
                let end = if t0 == 0 {
                    other.segs.len()
                } else {
                    other.at[t0 - 1].off
                };
                self.segs.extend_from_slice(&other.segs[..end]);
                self.at[t0..].copy_from_slice(&other.at[t0..hours]);
                (other.at[t0].off..end, other.at[t0].start, t0)
            }
            _ => {
                self.segs.push(Seg {
                    len: smax - smin,
                    slope: 0.0,
                    value: true,
                });
                (0..1, smin, hours)
            }
        };
        if t0 == 0 {
            return true;
        }
        // An hour with the base and price of the hour after it has its cost (a factory's nights).
        let mut g = hour_cost(base[t0 - 1], price[t0 - 1], export, limit, cap, lim);
        for t in (0..t0).rev() {
            if t + 1 < t0 && (base[t] != base[t + 1] || price[t] != price[t + 1]) {
                g = hour_cost(base[t], price[t], export, limit, cap, lim);
            }
            let x0 = value_start - g.hi;
            let d = x0.max(smin);
            if g.hi < g.lo || d > smax {
                return false;
            }
            let from = self.segs.len();
            // g̃(x) = g(−x): the cost's segments reversed, slopes negated (still increasing), merged
            // with V_{t+1}'s by slope and kept where x lies in [d, smax].
            let cost = &g.segs[..g.n];
            let (mut i, mut j) = (value.start, cost.len());
            let (mut x, mut next) = (x0, value_start);
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
                    next += (d - x).fmax(0.0).fmin(s.len);
                }
                let (a, b) = (x.max(d), (x + s.len).min(smax));
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
            self.at[t] = At {
                off: from,
                start: d,
                next,
            };
            (value, value_start) = (from..self.segs.len(), d);
        }
        true
    }

    /// The forward pass from stored energy `soc0`, appending the hours to `out`.
    fn hours(&self, base: &[f64], limit: f64, lim: &Limits, soc0: f64, out: &mut Vec<Hour>) {
        // Compare-and-select, not `f64::clamp`: its check of the bounds prints them with core's float
        // formatter, which would keep it in the .wasm (≈ 10 KB gzipped, issue 9).
        let mut soc = soc0.fmax(lim.soc_min_kwh).fmin(lim.soc_max_kwh);
        for (t, &b) in base.iter().enumerate() {
            // Walk hour t's segments from a_t up to `soc`: the value function's part gives
            // s_{t+1}.
            let end = if t == 0 {
                self.segs.len()
            } else {
                self.at[t - 1].off
            };
            let At {
                off,
                start: mut x,
                mut next,
            } = self.at[t];
            for s in &self.segs[off..end] {
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

/// `optimal` over the year: each day solved with the energy carried from the day before; a day
/// seen among the last [`CACHED_DAYS`] is not solved again, and a new one takes the backward pass of
/// the hours at its end that it shares with the last day solved.
pub fn optimal(site: &SiteYear, lim: &Limits, soc0: f64) -> Vec<Hour> {
    let mut cache: Vec<Cached> = Vec::with_capacity(CACHED_DAYS);
    let mut oldest = 0;
    let mut last = None;
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
        if found.is_none() {
            // The hours at the end of the day that the last day solved shares are its.
            let reuse = last.filter(|&j| j != k).map(|j: usize| {
                let c = &cache[j];
                let same = (0..24)
                    .rev()
                    .take_while(|&t| c.base[t] == base[t] && c.price[t] == price[t])
                    .count();
                (j, 24 - same)
            });
            let mut plan = std::mem::take(&mut cache[k].plan);
            let (e, l) = (site.export_yuan_kwh, site.export_limit_kwh);
            let from = reuse.map(|(j, t0)| (&cache[j].plan, t0));
            plan.solve(&base, &price, e, l, f64::INFINITY, lim, from);
            cache[k].plan = plan;
            last = Some(k);
        }
        let c = &mut cache[k];
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

/// Energy cost Σ p·import − e·export plus `rate` × the largest import of `hours` [yuan].
fn month_cost(hours: &[Hour], price: &[f64], export: f64, rate: f64) -> f64 {
    let (mut cost, mut peak) = (0.0, 0.0f64);
    for (h, p) in hours.iter().zip(price) {
        cost += p * h.import_kwh - export * h.export_kwh;
        peak = peak.max(h.import_kwh);
    }
    cost + rate * peak
}

/// 1/φ, the golden-section ratio.
const INV_PHI: f64 = 0.618_033_988_749_895;

/// `optimal` under a demand charge of `rate` [yuan/kW/month] on each month's largest hourly import:
/// each calendar month of `site` is one horizon, the least cost over its draw cap T of
/// C(T) + rate·T, with C(T) the least energy cost holding every import ≤ T (the backward pass with
/// the cap, exact). C is the value function of an LP in the right-hand side T, hence convex
/// (Boyd & Vandenberghe, *Convex Optimization*, §5.6.1), and so is C(T) + rate·T: a golden-section
/// search on T between max(0, largest base − power) and the largest import without a cap is exact
/// to its tolerance (10⁻⁵ of that import), infeasible caps counting as +∞ (they lie below the
/// feasible ones). The stored energy is carried from month to month, none valued at a month's end.
pub fn optimal_with_demand(site: &SiteYear, lim: &Limits, soc0: f64, rate: f64) -> Vec<Hour> {
    let n = site.load_kwh.len();
    let (export, limit) = (site.export_yuan_kwh, site.export_limit_kwh);
    let mut plan = Plan::default();
    let mut out = Vec::with_capacity(n);
    let (mut trial, mut base) = (Vec::new(), Vec::new());
    let mut soc = soc0;
    for m in 0..12 {
        let (h0, h1) = (
            MONTH_START_DAY[m] * 24,
            (MONTH_START_DAY[m + 1] * 24).min(n),
        );
        if h0 >= h1 {
            break;
        }
        base.clear();
        base.extend((h0..h1).map(|h| site.base_kwh(h, lim)));
        let price = &site.import_yuan_kwh[h0..h1];
        let mut total = |cap: f64, hours: &mut Vec<Hour>| {
            hours.clear();
            let feasible = plan.solve(&base, price, export, limit, cap, lim, None)
                && soc >= plan.at[0].start - 1e-9 * lim.soc_max_kwh.max(1.0);
            if !feasible {
                return f64::INFINITY;
            }
            plan.hours(&base, limit, lim, soc, hours);
            month_cost(hours, price, export, rate)
        };
        let mut best_hours = Vec::with_capacity(h1 - h0);
        let mut best = total(f64::INFINITY, &mut best_hours);
        let hi = best_hours.iter().fold(0.0f64, |p, h| p.max(h.import_kwh));
        let peak = base.iter().fold(0.0f64, |p, &b| p.max(b));
        let (mut a, mut b) = ((peak - lim.power_kw).max(0.0), hi);
        // The best month so far is kept by swapping buffers.
        let mut keep = |f: f64, hours: &mut Vec<Hour>, best_hours: &mut Vec<Hour>| {
            if f < best {
                best = f;
                std::mem::swap(hours, best_hours);
            }
        };
        let mut c = b - INV_PHI * (b - a);
        let mut d = a + INV_PHI * (b - a);
        let mut fc = total(c, &mut trial);
        keep(fc, &mut trial, &mut best_hours);
        let mut fd = total(d, &mut trial);
        keep(fd, &mut trial, &mut best_hours);
        while b - a > 1e-5 * hi.max(1.0) {
            if fc.is_finite() && fc <= fd {
                (b, d, fd) = (d, c, fc);
                c = b - INV_PHI * (b - a);
                fc = total(c, &mut trial);
                keep(fc, &mut trial, &mut best_hours);
            } else {
                (a, c, fc) = (c, d, fd);
                d = a + INV_PHI * (b - a);
                fd = total(d, &mut trial);
                keep(fd, &mut trial, &mut best_hours);
            }
        }
        out.extend_from_slice(&best_hours);
        soc = out.last().map_or(soc, |h| h.soc_kwh);
    }
    out
}
