//! The price of an exported kWh under NDRC/NEA 《关于深化新能源上网电价市场化改革 促进新能源高质量发展的通知》
//! (发改价格〔2025〕136号, 2025-02-09). All exports are sold on the market; outside it, a
//! "mechanism" settles a share `s` of each project's exports at the mechanism price `m` for a term
//! of `T` years (a contract for difference: the project receives m − market on that share):
//!
//! p(y) = s·m + (1 − s)·c(y)  for y ≤ T,   p(y) = c(y)  for y > T   [yuan/kWh]
//!
//! where c(y) = c₁·(1 + e)^(y − 1) is the market price the project captures (flat, or weighted by
//! its own exports over months or clock hours: the "midday capture" price of a solar profile) and
//! `m` stays fixed over the term. Projects in operation before 2025-06-01 ("存量") keep a mechanism
//! price no higher than the coal benchmark; later ones ("增量") get the price of their province's
//! annual auction. Before the reform one price (the coal benchmark, or a contract) paid every kWh:
//! p(y) = p₁·(1 + e)^(y − 1).

use serde::Serialize;

/// First commissioning date priced as an incremental project (Document 136 §4).
pub const NEW_PROJECTS_FROM: (u32, u32, u32) = (2025, 6, 1);

/// The market price of exported power in year 1 [yuan/kWh].
#[derive(Debug, Clone, PartialEq)]
pub enum MarketPrice {
    Flat(f64),
    /// January…December.
    ByMonth(Box<[f64; 12]>),
    /// Clock hours 00–01 … 23–24 (local standard time).
    ByHour(Box<[f64; 24]>),
}

impl MarketPrice {
    /// The export-weighted price c₁ = Σ xᵢ·pᵢ / Σ xᵢ [yuan/kWh] of year-1 exports `x` by month and by
    /// clock hour [kWh]; the plain mean of the prices when nothing is exported.
    pub fn capture_yuan_kwh(
        &self,
        exported_by_month: &[f64; 12],
        exported_by_hour: &[f64; 24],
    ) -> f64 {
        fn weighted(prices: &[f64], kwh: &[f64]) -> f64 {
            let total: f64 = kwh.iter().sum();
            if total > 0.0 {
                prices.iter().zip(kwh).map(|(p, x)| p * x).sum::<f64>() / total
            } else {
                prices.iter().sum::<f64>() / prices.len() as f64
            }
        }
        match self {
            MarketPrice::Flat(p) => *p,
            MarketPrice::ByMonth(p) => weighted(&p[..], exported_by_month),
            MarketPrice::ByHour(p) => weighted(&p[..], exported_by_hour),
        }
    }
}

/// The mechanism part of a Document 136 price.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mechanism {
    /// [yuan/kWh].
    pub price_yuan_kwh: f64,
    /// Share of the exports it settles [0–1].
    pub share: f64,
    /// Years from commissioning it applies to.
    pub term_years: u32,
}

/// Which rule priced the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RuleKind {
    /// One price for every kWh (`exportPriceYuanKwh`, or the coal benchmark by default).
    Fixed,
    /// Document 136, project in operation before 2025-06-01 (存量).
    Document136Existing,
    /// Document 136, project in operation from 2025-06-01 (增量).
    Document136New,
}

/// A resolved export-price rule.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportRule {
    Fixed {
        price_yuan_kwh: f64,
    },
    Document136 {
        kind: RuleKind,
        mechanism: Option<Mechanism>,
        market: MarketPrice,
    },
}

impl ExportRule {
    pub fn kind(&self) -> RuleKind {
        match self {
            ExportRule::Fixed { .. } => RuleKind::Fixed,
            ExportRule::Document136 { kind, .. } => *kind,
        }
    }

    /// The price of an exported kWh in year `year` (1-based) [yuan/kWh], given the year-1 market
    /// capture price `capture_yuan_kwh` (ignored by `Fixed`) and the export escalation `e` [-/yr],
    /// which applies to the fixed and the market price, not to the mechanism price.
    pub fn price_yuan_kwh(&self, year: u32, capture_yuan_kwh: f64, e: f64) -> f64 {
        let grow = (1.0 + e).powi(year as i32 - 1);
        match self {
            ExportRule::Fixed { price_yuan_kwh } => price_yuan_kwh * grow,
            ExportRule::Document136 { mechanism, .. } => {
                let c = capture_yuan_kwh * grow;
                match mechanism {
                    Some(m) if year <= m.term_years => {
                        m.share * m.price_yuan_kwh + (1.0 - m.share) * c
                    }
                    _ => c,
                }
            }
        }
    }
}

/// Whether a project commissioned on (`y`, `m`, `d`) is an incremental (增量) project.
pub fn is_new_project(date: (u32, u32, u32)) -> bool {
    date >= NEW_PROJECTS_FROM
}

/// Parses an ISO date `YYYY-MM-DD` into (year, month, day), checking the day exists.
pub fn parse_date(text: &str) -> Option<(u32, u32, u32)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new_rule(share: f64, term: u32) -> ExportRule {
        ExportRule::Document136 {
            kind: RuleKind::Document136New,
            mechanism: Some(Mechanism {
                price_yuan_kwh: 0.30,
                share,
                term_years: term,
            }),
            market: MarketPrice::Flat(0.20),
        }
    }

    #[test]
    fn mechanism_share_for_the_term_then_market() {
        let r = new_rule(0.8, 12);
        // 0.8 × 0.30 + 0.2 × 0.20 = 0.24 + 0.04 = 0.28 in years 1–12.
        assert!((r.price_yuan_kwh(1, 0.20, 0.0) - 0.28).abs() < 1e-15);
        assert!((r.price_yuan_kwh(12, 0.20, 0.0) - 0.28).abs() < 1e-15);
        // Year 13: market only.
        assert!((r.price_yuan_kwh(13, 0.20, 0.0) - 0.20).abs() < 1e-15);
    }

    #[test]
    fn escalation_moves_the_market_part_only() {
        let r = new_rule(0.5, 10);
        // Year 3 at +10 %/yr: 0.5 × 0.30 + 0.5 × 0.20 × 1.21 = 0.15 + 0.121 = 0.271.
        assert!((r.price_yuan_kwh(3, 0.20, 0.10) - 0.271).abs() < 1e-12);
        // Fixed: 0.332 × 1.1² = 0.40172.
        let f = ExportRule::Fixed {
            price_yuan_kwh: 0.332,
        };
        assert!((f.price_yuan_kwh(3, 0.0, 0.10) - 0.40172).abs() < 1e-12);
    }

    #[test]
    fn no_mechanism_is_all_market() {
        let r = ExportRule::Document136 {
            kind: RuleKind::Document136New,
            mechanism: None,
            market: MarketPrice::Flat(0.2),
        };
        assert_eq!(r.price_yuan_kwh(1, 0.2, 0.0), 0.2);
    }

    #[test]
    fn midday_capture_weights_hours_by_exports() {
        let mut by_hour = [0.4; 24];
        by_hour[11..14].fill(0.1);
        // Exports 100 kWh at 12:00 (0.1) and 100 kWh at 09:00 (0.4): (10 + 40) / 200 = 0.25.
        let mut x = [0.0; 24];
        x[12] = 100.0;
        x[9] = 100.0;
        let c = MarketPrice::ByHour(Box::new(by_hour)).capture_yuan_kwh(&[0.0; 12], &x);
        assert!((c - 0.25).abs() < 1e-15);
        // By month: 300 kWh in May at 0.15, 100 kWh in Dec at 0.35 → (45 + 35) / 400 = 0.2.
        let mut p = [0.3; 12];
        p[4] = 0.15;
        p[11] = 0.35;
        let mut m = [0.0; 12];
        m[4] = 300.0;
        m[11] = 100.0;
        assert!(
            (MarketPrice::ByMonth(Box::new(p)).capture_yuan_kwh(&m, &[0.0; 24]) - 0.2).abs()
                < 1e-15
        );
        // Nothing exported: the plain mean.
        assert!(
            (MarketPrice::ByMonth(Box::new(p)).capture_yuan_kwh(&[0.0; 12], &[0.0; 24])
                - 0.2916666666666667)
                .abs()
                < 1e-15
        );
    }

    #[test]
    fn june_first_2025_divides_old_and_new() {
        assert!(!is_new_project((2025, 5, 31)));
        assert!(is_new_project((2025, 6, 1)));
        assert!(is_new_project((2026, 1, 1)));
    }

    #[test]
    fn dates_parse_only_when_they_exist() {
        assert_eq!(parse_date("2026-03-15"), Some((2026, 3, 15)));
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2025-02-29"), None);
        assert_eq!(parse_date("2025-13-01"), None);
        assert_eq!(parse_date("2025-6-1"), None);
        assert_eq!(parse_date("2025-06-01T00"), None);
    }
}
