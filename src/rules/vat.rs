//! Value-added tax on sales of power as a Chinese general taxpayer computes it (增值税暂行条例;
//! 财税〔2016〕36号 for the 13 % rate after 财政部 税务总局 海关总署公告2019年第39号), with the surcharges
//! levied on the VAT paid (城市维护建设税 7 / 5 / 1 % by location, 教育费附加 3 %, 地方教育附加 2 %):
//!
//! output VAT(y) = sales(y) · r / (1 + r)   (prices include VAT)
//! input VAT credit C₀ = capex · r / (1 + r), used up first: paid(y) = max(0, output(y) − C(y−1)),
//! C(y) = max(0, C(y−1) − output(y)); surcharges(y) = paid(y) · (city + education) [yuan].
//!
//! The whole investment is taken as bearing VAT at the rate `r` (equipment and installation
//! together; to refine with the invoice split).

/// VAT parameters; rates as fractions [-].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VatRates {
    /// VAT rate on power sales and on the investment, 0.13.
    pub rate: f64,
    /// City maintenance and construction tax + education surcharges, as a share of the VAT paid.
    pub surcharges: f64,
}

/// One year's VAT [yuan].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct VatYear {
    pub output_vat_yuan: f64,
    /// Input credit used this year.
    pub credit_used_yuan: f64,
    pub vat_paid_yuan: f64,
    pub surcharges_yuan: f64,
}

/// The input VAT in a VAT-inclusive amount [yuan].
pub fn included_vat(amount_yuan: f64, rate: f64) -> f64 {
    amount_yuan * rate / (1.0 + rate)
}

/// The VAT of each year of VAT-inclusive `sales_yuan`, the input VAT on `capex_yuan` credited until
/// used up.
pub fn vat_by_year(sales_yuan: &[f64], capex_yuan: f64, r: VatRates) -> Vec<VatYear> {
    let mut credit = included_vat(capex_yuan, r.rate);
    sales_yuan
        .iter()
        .map(|&s| {
            let output = included_vat(s.max(0.0), r.rate);
            let used = credit.min(output);
            credit -= used;
            let paid = output - used;
            VatYear {
                output_vat_yuan: output,
                credit_used_yuan: used,
                vat_paid_yuan: paid,
                surcharges_yuan: paid * r.surcharges,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_investment_credit_is_carried_forward_until_used_up() {
        // Capex 1,130,000 yuan incl. 13 % VAT → credit 130,000. Sales 565,000 a year → output VAT
        // 65,000: years 1–2 use the credit (0 paid), year 3 pays 65,000 and surcharges 12 % = 7,800.
        let r = VatRates {
            rate: 0.13,
            surcharges: 0.12,
        };
        let v = vat_by_year(&[565_000.0, 565_000.0, 565_000.0], 1_130_000.0, r);
        assert!((v[0].output_vat_yuan - 65_000.0).abs() < 1e-9);
        assert_eq!(v[0].vat_paid_yuan, 0.0);
        assert!((v[1].credit_used_yuan - 65_000.0).abs() < 1e-9);
        assert!(v[1].vat_paid_yuan.abs() < 1e-9);
        assert!((v[2].vat_paid_yuan - 65_000.0).abs() < 1e-9);
        assert!((v[2].surcharges_yuan - 7_800.0).abs() < 1e-9);
    }

    #[test]
    fn a_partly_used_credit_leaves_the_rest_payable() {
        // Credit 13,000 (capex 113,000); output 5,000 + 10,000: year 2 uses the last 8,000, pays 2,000.
        let r = VatRates {
            rate: 0.13,
            surcharges: 0.10,
        };
        let v = vat_by_year(
            &[5_000.0 * 113.0 / 13.0, 10_000.0 * 113.0 / 13.0],
            113_000.0,
            r,
        );
        assert!((v[1].credit_used_yuan - 8_000.0).abs() < 1e-9);
        assert!((v[1].vat_paid_yuan - 2_000.0).abs() < 1e-9);
        assert!((v[1].surcharges_yuan - 200.0).abs() < 1e-9);
    }
}
