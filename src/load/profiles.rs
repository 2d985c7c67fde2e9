//! Typical load profiles: the relative power of each hour of a working day, a weekend day and a
//! public holiday, and a factor per month, laid over the reference calendar 2025
//! ([`crate::calendar`], the State Council's 2025 holiday notice).
//!
//! **Where the shapes come from — honestly.** No published Chinese standard gives normalised hourly
//! load shapes for these customer classes, and we found no measured data set we may ship. The shapes
//! below are **engineering assumptions**, written down so that anyone can check and replace them:
//! the method (day types × hour of day × season, scaled to a known consumption) is that of the German
//! standard load profiles (VDEW, *Repräsentative VDEW-Lastprofile*, 1999, and BDEW's 2025 update), whose
//! German numbers are *not* used. A site with a meter should upload its interval data (`intervalCsv`)
//! or at least its twelve monthly totals (`monthly`), which keeps the shape but fixes the months.
//!
//! | profile | working day | weekend | holiday | months |
//! |---|---|---|---|---|
//! | `factoryOneShift` | one shift 08:00–17:00 with a lunch dip 12:00–13:00; 15 % base load (compressed air, lighting, standby) outside it | base load | base load | flat |
//! | `factoryTwoShift` | shifts 08:00–16:00 and 16:00–24:00, dips at meal times and the shift change; 20 % base load at night | base load | 15 % | flat |
//! | `factoryThreeShift` | continuous, 90–100 % with dips at the shift changes (00, 08, 16 h) | as a working day | 80 % of a working day | flat |
//! | `commercial` | office/retail building: 30 % at night, rising from 07:00, full 09:00–18:00, falling to 22:00 | 30–60 %, open 10:00–21:00 | as weekend | summer cooling peak (Jul–Aug × 1.25) |
//! | `household` | morning peak 07:00, low day, evening peak 19:00–22:00 | fuller daytime | as weekend | summer cooling and winter (× 1.2) |
//!
//! Five-day weeks are assumed: many Chinese factories work on Saturdays too — their users should give
//! monthly totals or interval data.

use crate::calendar::{day_types, month_of_day, DayType, DAYS, HOURS, MONTH_START_DAY};
use crate::scenario::TypicalProfile;

/// The parts of a typical profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProfileShape {
    /// Relative power of each clock hour of a working day [-].
    pub workday: [f64; 24],
    /// … of a weekend day [-].
    pub weekend: [f64; 24],
    /// … of a public holiday [-].
    pub holiday: [f64; 24],
    /// Factor of each month, January first [-].
    pub months: [f64; 12],
}

const FLAT_MONTHS: [f64; 12] = [1.0; 12];

/// Builds 24 hourly values from (first hour, last hour inclusive, value) runs.
const fn runs<const N: usize>(r: [(usize, usize, f64); N]) -> [f64; 24] {
    let mut out = [0.0; 24];
    let mut i = 0;
    while i < N {
        let (a, b, v) = r[i];
        let mut h = a;
        while h <= b {
            out[h] = v;
            h += 1;
        }
        i += 1;
    }
    out
}

/// The shape of `profile` (see the module documentation for the reasoning).
pub fn shape(profile: TypicalProfile) -> ProfileShape {
    match profile {
        TypicalProfile::FactoryOneShift => {
            let base = [0.15; 24];
            ProfileShape {
                workday: runs([
                    (0, 6, 0.15),
                    (7, 7, 0.4),
                    (8, 11, 1.0),
                    (12, 12, 0.6),
                    (13, 16, 1.0),
                    (17, 17, 0.5),
                    (18, 23, 0.15),
                ]),
                weekend: base,
                holiday: base,
                months: FLAT_MONTHS,
            }
        }
        TypicalProfile::FactoryTwoShift => ProfileShape {
            workday: runs([
                (0, 0, 0.35),
                (1, 6, 0.2),
                (7, 7, 0.5),
                (8, 11, 1.0),
                (12, 12, 0.8),
                (13, 15, 1.0),
                (16, 16, 0.9),
                (17, 17, 1.0),
                (18, 18, 0.85),
                (19, 22, 1.0),
                (23, 23, 0.8),
            ]),
            weekend: [0.2; 24],
            holiday: [0.15; 24],
            months: FLAT_MONTHS,
        },
        TypicalProfile::FactoryThreeShift => {
            let work = runs([
                (0, 0, 0.9),
                (1, 7, 1.0),
                (8, 8, 0.9),
                (9, 15, 1.0),
                (16, 16, 0.9),
                (17, 23, 1.0),
            ]);
            ProfileShape {
                workday: work,
                weekend: work,
                holiday: work.map(|v| v * 0.8),
                months: FLAT_MONTHS,
            }
        }
        TypicalProfile::Commercial => {
            let rest = runs([
                (0, 7, 0.3),
                (8, 9, 0.45),
                (10, 20, 0.6),
                (21, 21, 0.45),
                (22, 23, 0.35),
            ]);
            ProfileShape {
                workday: runs([
                    (0, 5, 0.3),
                    (6, 6, 0.4),
                    (7, 7, 0.6),
                    (8, 8, 0.85),
                    (9, 11, 1.0),
                    (12, 12, 0.95),
                    (13, 17, 1.0),
                    (18, 18, 0.85),
                    (19, 19, 0.7),
                    (20, 20, 0.6),
                    (21, 21, 0.5),
                    (22, 22, 0.4),
                    (23, 23, 0.35),
                ]),
                weekend: rest,
                holiday: rest,
                months: [
                    1.05, 1.0, 0.95, 0.9, 0.95, 1.1, 1.25, 1.25, 1.05, 0.9, 0.95, 1.05,
                ],
            }
        }
        TypicalProfile::Household => {
            let rest = runs([
                (0, 6, 0.35),
                (7, 7, 0.55),
                (8, 11, 0.7),
                (12, 12, 0.8),
                (13, 16, 0.65),
                (17, 17, 0.8),
                (18, 18, 0.95),
                (19, 21, 1.0),
                (22, 22, 0.8),
                (23, 23, 0.55),
            ]);
            ProfileShape {
                workday: runs([
                    (0, 5, 0.35),
                    (6, 6, 0.5),
                    (7, 7, 0.8),
                    (8, 8, 0.6),
                    (9, 16, 0.45),
                    (17, 17, 0.7),
                    (18, 18, 0.9),
                    (19, 21, 1.0),
                    (22, 22, 0.8),
                    (23, 23, 0.5),
                ]),
                weekend: rest,
                holiday: rest,
                months: [1.2, 1.15, 1.0, 0.9, 0.9, 1.0, 1.2, 1.2, 1.0, 0.9, 0.95, 1.1],
            }
        }
    }
}

/// Relative power of every hour of the reference year, the month factors included [-].
pub fn weights(profile: TypicalProfile) -> Vec<f64> {
    let s = shape(profile);
    let types = day_types();
    let mut out = Vec::with_capacity(HOURS);
    for (day, t) in types.iter().enumerate().take(DAYS) {
        let hours = match t {
            DayType::Workday => &s.workday,
            DayType::Weekend => &s.weekend,
            DayType::Holiday => &s.holiday,
        };
        let m = s.months[month_of_day(day)];
        out.extend(hours.iter().map(|v| v * m));
    }
    out
}

/// `annual_kwh` laid over the hours by `profile` [kWh per hour].
pub fn typical(profile: TypicalProfile, annual_kwh: f64) -> Vec<f64> {
    let mut w = weights(profile);
    let sum: f64 = w.iter().sum();
    for v in &mut w {
        *v *= annual_kwh / sum;
    }
    w
}

/// Twelve monthly totals [kWh] laid over each month's hours by the day shapes of `profile`.
pub fn monthly(profile: TypicalProfile, kwh: &[f64; 12]) -> Vec<f64> {
    let mut w = weights(profile);
    for m in 0..12 {
        let part = &mut w[MONTH_START_DAY[m] * 24..MONTH_START_DAY[m + 1] * 24];
        let sum: f64 = part.iter().sum();
        for v in part.iter_mut() {
            *v *= kwh[m] / sum;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [TypicalProfile; 5] = [
        TypicalProfile::FactoryOneShift,
        TypicalProfile::FactoryTwoShift,
        TypicalProfile::FactoryThreeShift,
        TypicalProfile::Commercial,
        TypicalProfile::Household,
    ];

    #[test]
    fn totals_are_kept() {
        for p in ALL {
            let t = typical(p, 1_000_000.0);
            assert_eq!(t.len(), 8760);
            assert!((t.iter().sum::<f64>() - 1_000_000.0).abs() < 1e-6, "{p:?}");
            assert!(t.iter().all(|v| *v > 0.0), "{p:?}");
            let kwh = [
                100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0, 900.0, 1000.0, 1100.0,
                1200.0,
            ];
            let m = monthly(p, &kwh);
            for (i, want) in kwh.iter().enumerate() {
                let got: f64 = m[MONTH_START_DAY[i] * 24..MONTH_START_DAY[i + 1] * 24]
                    .iter()
                    .sum();
                assert!((got - want).abs() < 1e-9, "{p:?} month {i}");
            }
        }
    }

    #[test]
    fn day_types_show() {
        // Two shifts: 2 January 2025 (Thursday) 10:00 works, 1 January (holiday) and 4 January
        // (Saturday) do not.
        let t = typical(TypicalProfile::FactoryTwoShift, 1.0);
        assert!(t[24 + 10] > 4.0 * t[10]);
        assert!(t[3 * 24 + 10] > t[10]);
        assert_eq!(t[3 * 24 + 10], t[3 * 24 + 3]);
        // Sunday 26 January was worked (Spring Festival exchange).
        let d = crate::calendar::day_index(1, 26);
        assert_eq!(t[d * 24 + 10], t[24 + 10]);
    }
}
