//! Income tax of one year of the equipment's owner (when asked for): taxable = savings − O&M −
//! inverter − rent − VAT paid and its surcharges − output VAT paid from the input credit −
//! depreciation − interest, losses carried forward up to 5 years (Enterprise
//! Income Tax Law, Art. 18) and used oldest first, × rate (× 0 in years 1–3 and × 0.5 in years 4–6
//! under 三免三减半); depreciation straight-line over the depreciation years down to the residual
//! value of the investment (net of its input VAT when VAT is asked for).

use std::collections::VecDeque;

use crate::ownership::{TaxRules, LOSS_CARRY_FORWARD_YEARS};

/// The losses not yet used, oldest first: (year, loss [yuan]).
#[derive(Debug, Default)]
pub(super) struct Ledger {
    losses: VecDeque<(u32, f64)>,
}

impl Ledger {
    /// The income tax [yuan] of `year` (1-based) on a result before tax `before_tax_yuan` and loan
    /// interest `interest_yuan`, for a depreciable investment `capex_yuan`.
    pub fn tax(
        &mut self,
        rules: &TaxRules,
        year: u32,
        capex_yuan: f64,
        before_tax_yuan: f64,
        interest_yuan: f64,
    ) -> f64 {
        let depreciation = if year <= rules.depreciation_years {
            capex_yuan * (1.0 - rules.residual_value_frac) / f64::from(rules.depreciation_years)
        } else {
            0.0
        };
        let mut taxable = before_tax_yuan - depreciation - interest_yuan;
        if taxable < 0.0 {
            self.losses.push_back((year, -taxable));
            taxable = 0.0;
        } else {
            while self
                .losses
                .front()
                .is_some_and(|(y, _)| (year - y) as usize > LOSS_CARRY_FORWARD_YEARS)
            {
                self.losses.pop_front();
            }
            while taxable > 0.0 {
                let Some(front) = self.losses.front_mut() else {
                    break;
                };
                let used = front.1.min(taxable);
                front.1 -= used;
                taxable -= used;
                if front.1 <= 0.0 {
                    self.losses.pop_front();
                }
            }
        }
        let holiday = match (rules.tax_holiday, year) {
            (true, 1..=3) => 0.0,
            (true, 4..=6) => 0.5,
            _ => 1.0,
        };
        taxable * rules.income_tax_frac * holiday
    }
}
