//! The Shuozhou 4 MW factory (preset `shuozhou-4mw-owner-tou`: two-shift load, Shanxi time of use)
//! with a 1 MW / 2 MWh battery under each dispatch mode: year-1 savings by source, cycles, and the
//! IRR of PV alone, storage alone, storage added to the PV, and both. Battery costs and fade are the
//! shipped defaults (`presets().defaults.storage`, assumptions dated 2025). The second table adds a
//! demand charge (需量电价) of 36 yuan/kW/month: Shanxi's large-industry basic charge by maximum
//! demand in the 2017–2019 sales tariff (山西电网销售电价表, 附件2 of the Shanxi DRC's notice on the
//! Shanxi grid's 2017–2019 transmission and distribution tariffs, issued under NDRC 发改价格〔2017〕
//! 204号; beside it 24 yuan/kVA/month by transformer capacity, 容量电价), read in a reprint of the
//! table, not in the notice; *to confirm*: the 2025/2026 figures of the third regulatory period
//! (晋发改 notice under 发改价格〔2023〕526号) were searched for (zh and en: 需量电价, 容量电价,
//! 基本电价, 输配电价表, 第三监管周期, 晋发改商品发) and not found.
//!
//! `cargo run --release --example shuozhou_storage`

use rooftop_pv::storage::{DispatchMode, Storage};
use rooftop_pv::{calculate, presets};

fn battery(mode: DispatchMode) -> Storage {
    Storage {
        energy_kwh: 2000.0,
        power_kw: 1000.0,
        dispatch: Some(mode),
        round_trip_efficiency_pct: None,
        soc_min_pct: None,
        soc_max_pct: None,
        auxiliary_kw: None,
        calendar_fade_pct_per_year: None,
        cycle_fade_pct_per_cycle: None,
        end_of_life_pct: None,
        replacement_year: None,
        replacement_cost_yuan_per_kwh: None,
        capex_yuan_per_kwh: None,
        capex_yuan_per_kw: None,
        om_pct_of_capex: None,
        grid_charging: None,
        cycles_per_day: None,
        peak_target_kw: None,
        investor: None,
        day_of_year: None,
    }
}

/// Whole yuan, with a zero that rounds from below printed as 0 (not "-0").
fn yuan(v: f64) -> String {
    format!("{:.0}", v.round() + 0.0)
}

fn pct(v: Option<f64>) -> String {
    v.map_or("—".into(), |v| format!("{v:.1} %"))
}

fn main() {
    let modes = [
        DispatchMode::SelfConsumption,
        DispatchMode::TimeOfUse,
        DispatchMode::PeakShaving,
        DispatchMode::Optimal,
    ];
    for demand in [None, Some(36.0)] {
        match demand {
            None => println!("Shuozhou 4 MW, two-shift load, Shanxi TOU 2026; battery 1 MW / 2 MWh; no demand charge"),
            Some(d) => println!("\nThe same with a demand charge of {d} yuan/kW/month (Shanxi 2017-2019 large industry; to confirm for 2026)"),
        }
        println!(
            "{:<16}{:>12}{:>12}{:>12}{:>12}{:>8}{:>10}{:>10}{:>10}{:>10}",
            "mode",
            "selfCons ¥",
            "arbitr. ¥",
            "demand ¥",
            "total ¥",
            "cycles",
            "IRR PV",
            "IRR bat",
            "IRR +PV",
            "IRR both"
        );
        for mode in modes {
            let mut s = presets::example("shuozhou-4mw-owner-tou").expect("preset");
            s.storage = Some(battery(mode));
            if let Some(d) = demand {
                s.tariff
                    .as_mut()
                    .expect("tariff")
                    .demand_charge_yuan_per_kw_month = Some(d);
            }
            let r = calculate(&s).expect("calculates");
            let st = r.storage.expect("storage");
            let y = st.first_year;
            println!(
                "{:<16}{:>12}{:>12}{:>12}{:>12}{:>8.1}{:>10}{:>10}{:>10}{:>10}",
                format!("{mode:?}"),
                yuan(y.self_consumption_yuan),
                yuan(y.arbitrage_yuan),
                yuan(y.demand_charge_yuan),
                yuan(y.savings_yuan),
                y.cycles,
                pct(st.pv_alone.irr_pct),
                pct(st.storage_alone.irr_pct),
                pct(st.storage_with_pv.irr_pct),
                pct(st.both.irr_pct),
            );
            if mode == DispatchMode::Optimal && demand.is_none() {
                // The report gives the health at the start of each year; at the end of the
                // lifetime it is that of the last year less its fade (the defaults' calendar and
                // cycle fade, src/storage/health.rs), unless the cells were replaced.
                let fade = presets::presets().defaults.storage;
                let last = st.by_year.last().expect("a year");
                let end = last.state_of_health_pct
                    - fade.calendar_fade_pct_per_year
                    - fade.cycle_fade_pct_per_cycle * last.cycles;
                println!(
                    "  (investment {:.0} yuan; year-1 charge {:.0} kWh of which {:.0} from PV; losses {:.0} kWh; state of health {:.1} % at the start of year {}, {:.1} % at the end of the lifetime)",
                    st.investment_yuan,
                    y.charge_kwh,
                    y.charge_from_pv_kwh,
                    y.losses_kwh,
                    last.state_of_health_pct,
                    last.year,
                    end
                );
            }
        }
    }
}
