//! State of health: the capacity as a share of the nameplate, fading by the calendar and by use,
//! H(y+1) = H(y) − k_cal − k_cyc · EFC(y), with EFC(y) the year's equivalent full cycles (energy
//! withdrawn from the cells / the year's usable energy) — the linear calendar + cycle fade of
//! SAM's lifetime model in its simplest form (NREL SAM Battery Model technical reference,
//! DiOrio et al., NREL/TP-6A20-64641, 2015, §"Lifetime"). The cells are replaced at the end of
//! the replacement year, or of the year that ends below the end-of-life capacity, back to H = 1.

use super::battery::{Battery, Replacement};

/// The health at the start of year `year + 1` after a year at `health` with `cycles` equivalent
/// full cycles, and whether the cells were replaced at the end of `year` (never after the last
/// year of `years`).
pub fn after_year(b: &Battery, year: u32, years: u32, health: f64, cycles: f64) -> (f64, bool) {
    let next = (health - b.calendar_fade - b.cycle_fade * cycles).max(0.0);
    let replace = year < years
        && match b.replacement {
            Replacement::Year(y) => y == year,
            Replacement::EndOfLife(eol) => next < eol,
        };
    if replace {
        (1.0, true)
    } else {
        (next, false)
    }
}
