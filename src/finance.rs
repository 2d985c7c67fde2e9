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

/// Internal rate of return [-/yr]: the r with NPV(r) = 0, by bisection on (−0.99, 10).
/// `None` when NPV does not change sign there (e.g. the investment never pays back).
pub fn irr(cash_flows: &[f64]) -> Option<f64> {
    let (mut lo, mut hi) = (-0.99, 10.0);
    let (mut f_lo, f_hi) = (npv(lo, cash_flows), npv(hi, cash_flows));
    if !(f_lo.is_finite() && f_hi.is_finite()) || f_lo.signum() == f_hi.signum() {
        return None;
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        let f_mid = npv(mid, cash_flows);
        if f_mid == 0.0 || hi - lo < 1e-12 {
            return Some(mid);
        }
        if f_mid.signum() == f_lo.signum() {
            lo = mid;
            f_lo = f_mid;
        } else {
            hi = mid;
        }
    }
    Some(0.5 * (lo + hi))
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
