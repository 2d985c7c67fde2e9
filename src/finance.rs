//! Cash-flow metrics: net present value, internal rate of return, payback and levelised cost.
//! Conventions as in standard engineering economics (e.g. Short, Packey & Holt, *A Manual for the
//! Economic Evaluation of Energy Efficiency and Renewable Energy Technologies*, NREL/TP-462-5173, 1995):
//! cash flow `cf[0]` falls at the start (year 0), `cf[y]` at the end of year y.

/// Net present value [yuan]: NPV = Σ cf_y / (1 + r)^y, with r the discount rate [-/yr].
pub fn npv(rate: f64, cash_flows: &[f64]) -> f64 {
    cash_flows
        .iter()
        .enumerate()
        .map(|(y, cf)| cf / (1.0 + rate).powi(y as i32))
        .sum()
}

/// NPV at rate `r` by Horner's rule in v = 1/(1 + r) (for the IRR search).
fn npv_horner(rate: f64, cash_flows: &[f64]) -> f64 {
    let v = 1.0 / (1.0 + rate);
    cash_flows.iter().rev().fold(0.0, |acc, cf| acc * v + cf)
}

/// Lowest and highest rate [-/yr] at which [`irr`] looks for roots.
const IRR_MIN: f64 = -0.99;
const IRR_MAX: f64 = 10.0;

/// Internal rate of return [-/yr]: a rate r ≥ −0.99 with NPV(r) = 0 (at any magnitude when the cash
/// flow changes sign once, within [−0.99, 10] otherwise); `None` when there is none (e.g. an
/// investment that never pays back anything).
///
/// NPV is a polynomial in v = 1/(1 + r) whose coefficients are the cash flows, so by Descartes' rule
/// of signs a cash flow that changes sign once (the usual investment, then income) has exactly one
/// root: it is bracketed by the ends of the range and found by bisection to 1e-13. Where the sign
/// changes more than once there may be several roots; like numpy-financial's `irr` this then returns
/// the one closest to zero, found on a grid (see [`irr_on_grid`]).
pub fn irr(cash_flows: &[f64]) -> Option<f64> {
    if sign_changes(cash_flows) != 1 {
        return irr_on_grid(cash_flows);
    }
    let (f_lo, f_hi) = (
        npv_horner(IRR_MIN, cash_flows),
        npv_horner(IRR_MAX, cash_flows),
    );
    if !f_lo.is_finite() || !f_hi.is_finite() {
        return None;
    }
    if f_lo == 0.0 || f_hi == 0.0 {
        return Some(if f_lo == 0.0 { IRR_MIN } else { IRR_MAX });
    }
    if f_lo.signum() == f_hi.signum() {
        return irr_above_range(cash_flows, f_hi);
    }
    Some(bisect(cash_flows, IRR_MIN, IRR_MAX, f_lo))
}

/// The one root of a cash flow that changes sign once, above [`IRR_MAX`] (a tiny investment with a
/// large return: 1000 %/yr and more), or `None`. NPV is searched as the polynomial in
/// v = 1/(1 + r) on (0, 1/(1 + IRR_MAX)], where r → ∞ is v → 0 and NPV(v → 0) → cf₀: bisection
/// in v to a relative width of 1e-15, then r = 1/v − 1 (finite: v ≥ the smallest normal f64).
fn irr_above_range(cash_flows: &[f64], f_hi: f64) -> Option<f64> {
    let at = |v: f64| cash_flows.iter().rev().fold(0.0, |acc, cf| acc * v + cf);
    let (mut a, mut b) = (f64::MIN_POSITIVE, 1.0 / (1.0 + IRR_MAX));
    let f_a = at(a);
    if f_a == 0.0 || !f_a.is_finite() || f_a.signum() == f_hi.signum() {
        return None;
    }
    while b - a > 1e-15 * b {
        let m = 0.5 * (a + b);
        let fm = at(m);
        if fm == 0.0 {
            return Some(1.0 / m - 1.0);
        }
        if fm.signum() == f_a.signum() {
            a = m;
        } else {
            b = m;
        }
    }
    Some(1.0 / (0.5 * (a + b)) - 1.0)
}

/// How often the sign of the non-zero cash flows changes.
fn sign_changes(cash_flows: &[f64]) -> usize {
    let mut signs = cash_flows.iter().filter(|c| **c != 0.0).map(|c| c.signum());
    let Some(mut last) = signs.next() else {
        return 0;
    };
    signs
        .filter(|s| {
            let change = *s != last;
            last = *s;
            change
        })
        .count()
}

/// A root of NPV between rates `a` < `b`, where NPV(a) = `fa` and NPV(b) have opposite signs, by
/// bisection to an interval of 1e-13.
fn bisect(cash_flows: &[f64], mut a: f64, mut b: f64, mut fa: f64) -> f64 {
    while b - a > 1e-13 {
        let m = 0.5 * (a + b);
        let fm = npv_horner(m, cash_flows);
        if fm == 0.0 {
            return m;
        }
        if fm.signum() == fa.signum() {
            a = m;
            fa = fm;
        } else {
            b = m;
        }
    }
    0.5 * (a + b)
}

/// [`irr`] for cash flows that change sign more than once: the roots are bracketed on a grid of
/// 1,400 rates, even in ln(1 + r) from r = −0.99 to 10, refined by [`bisect`], and the one closest
/// to zero is returned.
fn irr_on_grid(cash_flows: &[f64]) -> Option<f64> {
    const N: usize = 1400;
    let (lo, hi) = ((1.0 + IRR_MIN).ln(), (1.0 + IRR_MAX).ln());
    let rate = |k: usize| (lo + (hi - lo) * k as f64 / N as f64).exp() - 1.0;
    let mut best: Option<f64> = None;
    let mut keep = |r: f64| {
        if best.map_or(true, |b: f64| r.abs() < b.abs()) {
            best = Some(r);
        }
    };
    let mut r0 = rate(0);
    let mut f0 = npv_horner(r0, cash_flows);
    if !f0.is_finite() {
        return None;
    }
    for k in 1..=N {
        let r1 = rate(k);
        let f1 = npv_horner(r1, cash_flows);
        if !f1.is_finite() {
            return None;
        }
        if f0 == 0.0 {
            keep(r0);
        } else if f0.signum() != f1.signum() && f1 != 0.0 {
            keep(bisect(cash_flows, r0, r1, f0));
        }
        (r0, f0) = (r1, f1);
    }
    if f0 == 0.0 {
        keep(r0);
    }
    best
}

/// Simple payback [years]: when the cumulative cash flow first reaches zero, interpolated
/// linearly within that year. `None` when it never does within the cash flows.
pub fn payback_years(cash_flows: &[f64]) -> Option<f64> {
    let mut cumulative = *cash_flows.first()?;
    if cumulative >= 0.0 {
        return Some(0.0);
    }
    for (y, cf) in cash_flows.iter().enumerate().skip(1) {
        let next = cumulative + cf;
        if next >= 0.0 {
            return Some((y - 1) as f64 + -cumulative / cf);
        }
        cumulative = next;
    }
    None
}

/// Discounted payback [years]: [`payback_years`] of the cash flows discounted at `rate`
/// (cf_y / (1 + r)^y). `None` when they never pay back.
pub fn discounted_payback_years(rate: f64, cash_flows: &[f64]) -> Option<f64> {
    let discounted: Vec<f64> = cash_flows
        .iter()
        .enumerate()
        .map(|(y, cf)| cf / (1.0 + rate).powi(y as i32))
        .collect();
    payback_years(&discounted)
}

/// One year of a loan repayment [yuan].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Instalment {
    pub interest: f64,
    pub principal: f64,
}

/// Equal yearly instalments (等额本息, an annuity) repaying `amount` at `rate` [-/yr] over `years`:
/// A = P·i / (1 − (1 + i)^−n), computed as P·i / −expm1(−n·ln(1 + i)) so that it stays exact for
/// tiny rates, where 1 + i rounds to 1 and the plain form is 0/0 (its limit, A = P/n, at i = 0);
/// each year's interest is i × the balance, the rest of A repays principal.
pub fn annuity(amount: f64, rate: f64, years: u32) -> Vec<Instalment> {
    let n = f64::from(years);
    let payment = if rate == 0.0 {
        amount / n
    } else {
        amount * rate / -(-n * rate.ln_1p()).exp_m1()
    };
    let mut balance = amount;
    (0..years)
        .map(|y| {
            let interest = balance * rate;
            // The last instalment clears the balance exactly.
            let principal = if y + 1 == years {
                balance
            } else {
                payment - interest
            };
            balance -= principal;
            Instalment {
                interest,
                principal,
            }
        })
        .collect()
}

/// Levelised cost of energy [yuan/kWh]:
/// LCOE = (I₀ + Σ C_y/(1+r)^y) / Σ E_y/(1+r)^y, y = 1..N, with I₀ the investment [yuan],
/// C_y the yearly costs [yuan] and E_y the yearly energy [kWh].
pub fn lcoe(investment_yuan: f64, costs_yuan: &[f64], energy_kwh: &[f64], rate: f64) -> f64 {
    let discount = |y: usize| (1.0 + rate).powi(y as i32 + 1);
    let costs: f64 = costs_yuan
        .iter()
        .enumerate()
        .map(|(i, c)| c / discount(i))
        .sum();
    let energy: f64 = energy_kwh
        .iter()
        .enumerate()
        .map(|(i, e)| e / discount(i))
        .sum();
    (investment_yuan + costs) / energy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npv_by_hand() {
        // −100 + 60/1.1 + 60/1.21 = −100 + 54.5454… + 49.5867… = 4.1322…
        assert!((npv(0.1, &[-100.0, 60.0, 60.0]) - 4.132_231_404_958_7).abs() < 1e-9);
    }

    #[test]
    fn irr_zeroes_npv() {
        // −100 + 60/(1+r) + 60/(1+r)² = 0 → 1+r = (60 + √(3600 + 24000))/200 → r = 0.130662…
        let r = irr(&[-100.0, 60.0, 60.0]).unwrap();
        assert!((r - 0.130_662_386_291_807).abs() < 1e-9, "{r}");
        assert_eq!(irr(&[-100.0, 10.0, 10.0]).map(|r| r < 0.0), Some(true));
        assert_eq!(irr(&[100.0, 10.0]), None);
    }

    #[test]
    fn irr_at_any_magnitude_when_the_sign_changes_once() {
        // −1 + 100/(1+r) = 0 → r = 99; −1 + 400/(1+r)² = 0 → r = 19; −1 + 1e9/(1+r) → r = 1e9 − 1.
        let cases: [(&[f64], f64); 3] = [
            (&[-1.0, 100.0], 99.0),
            (&[-1.0, 0.0, 400.0], 19.0),
            (&[-1.0, 1e9], 1e9 - 1.0),
        ];
        for (cf, want) in cases {
            let r = irr(cf).unwrap();
            assert!((r - want).abs() < 1e-12 * want, "{cf:?}: {r}");
        }
    }

    #[test]
    fn irr_closest_to_zero_when_there_are_several() {
        // numpy-financial's docstring examples: npf.irr(...) rounded to 5 digits.
        let cases: [(&[f64], f64); 5] = [
            (&[-100.0, 39.0, 59.0, 55.0, 20.0], 0.28095),
            (&[-100.0, 0.0, 0.0, 74.0], -0.0955),
            (&[-100.0, 100.0, 0.0, -7.0], -0.0833),
            (&[-100.0, 100.0, 0.0, 7.0], 0.06206),
            (&[-5.0, 10.5, 1.0, -8.0, 1.0], 0.0886),
        ];
        for (flows, want) in cases {
            let r = irr(flows).unwrap();
            assert!((r - want).abs() < 5e-5, "{flows:?}: {r}");
        }
    }

    #[test]
    fn one_sign_change_gives_the_grid_root() {
        // The bracketing path and the grid agree on conventional cash flows (a lifetime of savings
        // after an investment, with a loss year and an inverter year that keep the sign).
        let mut flows = vec![-18e6];
        flows
            .extend((1..=25).map(|y| 2.1e6 * 0.996f64.powi(y) - if y == 12 { 0.9e6 } else { 0.0 }));
        for cf in [
            flows,
            vec![-100.0, 60.0, 60.0],
            vec![-100.0, 10.0, 10.0],
            vec![-1.0, 0.0, 0.0, 30.0],
        ] {
            assert_eq!(sign_changes(&cf), 1);
            let (a, b) = (irr(&cf).unwrap(), irr_on_grid(&cf).unwrap());
            assert!((a - b).abs() < 2e-13, "{cf:?}: {a} vs {b}");
        }
        // A root beyond the grid's range: found by the single-sign-change path only (r = 999).
        assert_eq!(irr(&[-1.0, 1000.0]), Some(999.0));
        assert_eq!(irr_on_grid(&[-1.0, 1000.0]), None);
    }

    #[test]
    fn annuity_by_hand() {
        // 1000 at 10 % over 2 years: A = 1000 × 0.1 / (1 − 1.1⁻²) = 576.190476…;
        // year 1 interest 100, principal 476.19…; year 2 interest 52.38…, principal 523.81….
        let s = annuity(1000.0, 0.1, 2);
        assert!((s[0].interest - 100.0).abs() < 1e-9);
        assert!((s[0].principal - 476.190_476_190_476).abs() < 1e-9);
        assert!((s[1].interest - 52.380_952_380_952).abs() < 1e-9);
        assert!((s[1].interest + s[1].principal - 576.190_476_190_476).abs() < 1e-9);
        assert!((s.iter().map(|i| i.principal).sum::<f64>() - 1000.0).abs() < 1e-9);
        // 1000 at 1e-300, 2.5e-18 and 1e-12 over 4 years: the zero-rate limit, 250 a year (to
        // relative 1e-12 at 1e-12: A = P/n × (1 + i(n+1)/2 + …)); 1 + i == 1 for the first two.
        for rate in [1e-300, 2.5e-18, 1e-12] {
            for i in annuity(1000.0, rate, 4) {
                let a = i.interest + i.principal;
                assert!((a - 250.0).abs() < 250.0 * 3e-12, "{rate}: {a}");
            }
        }
        assert_eq!(
            annuity(900.0, 0.0, 3)[2],
            Instalment {
                interest: 0.0,
                principal: 300.0
            }
        );
    }

    #[test]
    fn discounted_payback_by_hand() {
        // −100, then 60 a year at 10 %: 54.545…, 49.587…: cumulative −45.45… then +4.13… →
        // 1 + 45.4545/49.5868 = 1.916666… years.
        let p = discounted_payback_years(0.1, &[-100.0, 60.0, 60.0]).unwrap();
        assert!(
            (p - (1.0 + 45.454_545_454_545 / 49.586_776_859_504)).abs() < 1e-9,
            "{p}"
        );
    }

    #[test]
    fn payback_interpolates() {
        assert_eq!(payback_years(&[-100.0, 40.0, 40.0, 40.0]), Some(2.5));
        assert_eq!(payback_years(&[-100.0, 10.0, 10.0]), None);
    }

    #[test]
    fn lcoe_by_hand() {
        // (100 + 10/1.1 + 10/1.21) / (100/1.1 + 100/1.21) = 117.355… / 173.553… = 0.676190…
        let v = lcoe(100.0, &[10.0, 10.0], &[100.0, 100.0], 0.1);
        assert!((v - 0.676_190_476_190_476).abs() < 1e-9, "{v}");
    }
}
