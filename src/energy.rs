//! Yearly energy from the yield-based resource methods, and its decline over the lifetime.

/// Days per month of a 365-day year ([`crate::calendar::DAYS_IN_MONTH`] as numbers).
pub const DAYS_IN_MONTH: [f64; 12] = {
    let mut out = [0.0; 12];
    let mut m = 0;
    while m < 12 {
        out[m] = crate::calendar::DAYS_IN_MONTH[m] as f64;
        m += 1;
    }
    out
};

/// Annual AC energy from full-load hours: E = H × P [kWh], with H [kWh/kWp] and P [kWp].
pub fn from_full_load_hours(hours: f64, capacity_kwp: f64) -> f64 {
    hours * capacity_kwp
}

/// Annual energy per GB 50797-2012 §6.6: Ep = HA × PAZ / Es × K [kWh], with HA the annual
/// horizontal irradiation [kWh/m²], PAZ the DC capacity [kWp], Es = 1 kW/m² and K the
/// comprehensive efficiency coefficient [-] (which already includes the tilt and azimuth correction).
pub fn from_gb50797(horizontal_irradiation_kwh_m2: f64, capacity_kwp: f64, k: f64) -> f64 {
    const ES_KW_M2: f64 = 1.0;
    horizontal_irradiation_kwh_m2 * capacity_kwp / ES_KW_M2 * k
}

/// An annual total split over the months in proportion to their days [kWh]: the only honest shape
/// when nothing but an annual figure is known.
pub fn monthly_by_days(annual_kwh: f64) -> [f64; 12] {
    DAYS_IN_MONTH.map(|d| annual_kwh * d / 365.0)
}

/// Linear degradation of output, as SAM/PVWatts apply it (year 1 unaffected).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Degradation {
    /// Years of operation.
    pub years: u32,
    /// Loss during the first year [-] (felt from year 2).
    pub first_year: f64,
    /// Loss during each further year [-/yr].
    pub annual: f64,
}

impl Degradation {
    /// Output of year `year` (1-based) relative to year 1 [-]:
    /// f(1) = 1; f(y) = 1 − d₁ − d·(y − 2) for y ≥ 2.
    pub fn factor(&self, year: u32) -> f64 {
        if year <= 1 {
            1.0
        } else {
            1.0 - self.first_year - self.annual * f64::from(year - 2)
        }
    }

    /// Energy of each year 1..=years [kWh] for a first-year energy `annual_kwh`.
    pub fn yearly_kwh(&self, annual_kwh: f64) -> Vec<f64> {
        (1..=self.years)
            .map(|y| annual_kwh * self.factor(y))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb50797_worked_example() {
        // Datong HA = 1466 kWh/m², 4000 kWp, K = 0.85 → 4,984,400 kWh (shuozhou-case.md).
        assert!((from_gb50797(1466.0, 4000.0, 0.85) - 4_984_400.0).abs() < 1e-6);
    }

    #[test]
    fn degradation_is_linear_after_the_first_year() {
        let d = Degradation {
            years: 25,
            first_year: 0.01,
            annual: 0.004,
        };
        assert_eq!(d.factor(1), 1.0);
        assert!((d.factor(2) - 0.99).abs() < 1e-12);
        assert!((d.factor(25) - (1.0 - 0.01 - 0.004 * 23.0)).abs() < 1e-12);
    }

    #[test]
    fn months_sum_to_the_year() {
        let sum: f64 = monthly_by_days(1000.0).iter().sum();
        assert!((sum - 1000.0).abs() < 1e-9);
    }
}
