//! The money of the battery and of the demand charge. Every year y of the lifetime is dispatched
//! hour by hour ([`crate::storage::dispatch`]) on year 1's PV hours × the degradation f(y), the same
//! load, the purchase prices of the tariff in force × (1 + e)^(y − 1) and the year's export price,
//! at the capacity of the year's state of health ([`crate::storage::health`]); the PV alone and the
//! site without PV are settled on the same hours. Money of a year [yuan]:
//! - energy cost C = Σ_h p_h·import_h − e_y·Σ_h export_h; the battery's energy saving is
//!   C(PV alone) − C(PV + battery), split into arbitrage (the grid-charged share φ_g = grid charge /
//!   all charge of the discharge at its purchase price, less the grid charging paid) and
//!   self-consumption (the rest: PV shifted, less the exports it displaces and the auxiliary draw);
//! - demand charge D = rate × Σ_months (largest hourly import) [yuan/kW/month × kW], the rate
//!   escalating with the purchase price; the basic charge by capacity K = rate × kVA × 12
//!   [yuan/kVA/month × kVA] is reported beside it (it changes with neither PV nor battery), the
//!   cheaper of D and K named for year 1;
//! - battery cash flow: year 0 = −(energy × yuan/kWh + power × yuan/kW); then savings − O&M − cell
//!   replacement (before tax and financing); under EMC the host keeps its share of the savings and
//!   the investor the rest.

use crate::calendar::{month_of_day, HOURS, MONTH_START_DAY};
use crate::finance;
use crate::report::{
    Billing, CapacityCharge, DemandCharge, Returns, StorageDay, StorageMonth, StorageReport,
    StorageYear,
};
use crate::resolve::Inputs;
use crate::scenario::{Period, UsageMode};
use crate::storage::flow::settle;
use crate::storage::{dispatch, health, Battery, DispatchMode, Hour, Limits, SiteYear};
use crate::tariff::{hourly_periods, period_price, Purchase};

/// Hourly purchase prices at year-1 level [yuan/kWh] and periods of one tariff.
struct HourTariff {
    from_year: u32,
    price: Vec<f64>,
    periods: Vec<u8>,
}

/// The tariffs of the lifetime: year 1's, then each time-of-use change from its year.
fn tariffs(inp: &Inputs) -> Vec<HourTariff> {
    let tou = |from_year: u32, t: &crate::scenario::TimeOfUse| {
        let by_period = Period::ALL.map(|p| period_price(&t.prices, p));
        let periods = hourly_periods(t);
        HourTariff {
            from_year,
            price: periods.iter().map(|&k| by_period[k as usize]).collect(),
            periods,
        }
    };
    let first = match &inp.tariff.purchase {
        Purchase::Flat(p) => HourTariff {
            from_year: 1,
            price: vec![*p; HOURS],
            periods: Vec::new(),
        },
        Purchase::Monthly(_) => HourTariff {
            from_year: 1,
            price: inp.tariff.purchase.monthly_hours().unwrap_or_default(),
            periods: Vec::new(),
        },
        Purchase::TimeOfUse(t) => tou(1, t),
    };
    let mut all = vec![first];
    all.extend(
        inp.tariff
            .time_of_use_changes
            .iter()
            .map(|(y, t)| tou(*y, t)),
    );
    all
}

/// The year's tariff.
fn tariff_in(all: &[HourTariff], year: u32) -> &HourTariff {
    all.iter()
        .rev()
        .find(|t| t.from_year <= year)
        .unwrap_or(&all[0])
}

/// Most energy exported in an hour [kWh].
fn export_limit_kwh(inp: &Inputs) -> f64 {
    match inp.usage_mode {
        UsageMode::FullSelfUse => 0.0,
        _ => inp.export_limit_kw.unwrap_or(f64::INFINITY),
    }
}

/// Energy cost [yuan] and monthly largest imports [kW] of hours with imports `imp`, exports `exp`.
fn cost_and_peaks(
    hours: usize,
    grid: impl Fn(usize) -> (f64, f64),
    price: &[f64],
    export: f64,
) -> (f64, [f64; 12]) {
    let mut cost = 0.0;
    let mut peaks = [0.0f64; 12];
    for (m, peak) in peaks.iter_mut().enumerate() {
        let end = (MONTH_START_DAY[m + 1] * 24).min(hours);
        for (h, &p) in price
            .iter()
            .enumerate()
            .take(end)
            .skip(MONTH_START_DAY[m] * 24)
        {
            let (i, e) = grid(h);
            cost += p * i - export * e;
            *peak = peak.max(i);
        }
    }
    (cost, peaks)
}

/// Demand charge of the monthly peaks [yuan].
fn demand_yuan(rate: f64, peaks: &[f64; 12]) -> f64 {
    rate * peaks.iter().sum::<f64>()
}

/// The PV's demand-charge saving of each year [yuan] and year 1's demand charges (PV alone).
pub(super) fn pv_demand(
    inp: &Inputs,
    hours: Option<&[f64]>,
    export_price: &[f64],
) -> Option<(Vec<f64>, DemandCharge)> {
    let rate = inp.demand_charge_yuan_per_kw_month?;
    let load = &inp.load.as_ref()?.hourly_kwh;
    let hours = hours?;
    let all = tariffs(inp);
    let limit = export_limit_kwh(inp);
    let load_peaks = cost_and_peaks(load.len(), |h| (load[h], 0.0), &all[0].price, 0.0).1;
    let mut by_year = Vec::with_capacity(inp.degradation.years as usize);
    let mut first = None;
    for y in 1..=inp.degradation.years {
        let f = inp.degradation.factor(y);
        let grow = (1.0 + inp.tariff.escalation).powi(y as i32 - 1);
        let e = export_price.get(y as usize - 1).copied().unwrap_or(0.0);
        let pv = |h: usize| {
            let (i, x, _) = settle(load[h] - hours[h] * f, limit);
            (i, x)
        };
        let peaks = cost_and_peaks(load.len(), pv, &tariff_in(&all, y).price, e).1;
        let without = demand_yuan(rate, &load_peaks) * grow;
        let with = demand_yuan(rate, &peaks) * grow;
        if y == 1 {
            first = Some(DemandCharge {
                rate_yuan_per_kw_month: rate,
                without_system_yuan: without,
                with_pv_yuan: with,
                with_pv_storage_yuan: None,
            });
        }
        by_year.push(without - with);
    }
    first.map(|d| (by_year, d))
}

/// Year 1's basic charge by capacity (rate × kVA × 12) and, beside the demand charge `demand`, the
/// cheaper billing without the system, with the PV and with PV + battery (ties: capacity).
pub(super) fn capacity_charge(
    inp: &Inputs,
    demand: Option<&DemandCharge>,
) -> Option<CapacityCharge> {
    let (rate, kva) = inp.capacity_charge?;
    let year_yuan = rate * kva * 12.0;
    let cheaper = |d: f64| {
        if year_yuan <= d {
            Billing::Capacity
        } else {
            Billing::Demand
        }
    };
    Some(CapacityCharge {
        rate_yuan_per_kva_month: rate,
        transformer_kva: kva,
        year_yuan,
        cheaper_without_system: demand.map(|d| cheaper(d.without_system_yuan)),
        cheaper_with_pv: demand.map(|d| cheaper(d.with_pv_yuan)),
        cheaper_with_pv_storage: demand.and_then(|d| d.with_pv_storage_yuan.map(cheaper)),
    })
}

/// The yearly sums of one dispatched year and of the same site without the battery.
struct Sums {
    year: StorageYear,
    /// Energy cost without the battery less with it [yuan].
    energy_saving_yuan: f64,
    peaks: [f64; 12],
    ref_peaks: [f64; 12],
}

/// Sums of the dispatched `hours` of `site` with limits `lim`, in one pass with the reference
/// without the battery (the PV alone, or the load alone for a site without PV): its energy cost
/// and monthly peaks settled on the same hours.
fn sums(site: &SiteYear, lim: &Limits, soc0: f64, hours: &[Hour]) -> Sums {
    let mut y = StorageYear::default();
    let (mut value_discharged, mut grid_charge_cost) = (0.0, 0.0);
    let (mut cost, mut ref_cost) = (0.0, 0.0);
    let (mut peaks, mut ref_peaks) = ([0.0f64; 12], [0.0f64; 12]);
    let (export, limit) = (site.export_yuan_kwh, site.export_limit_kwh);
    let n = hours.len();
    for m in 0..12 {
        let (h0, h1) = (
            (MONTH_START_DAY[m] * 24).min(n),
            (MONTH_START_DAY[m + 1] * 24).min(n),
        );
        let (mut peak, mut ref_peak) = (0.0f64, 0.0f64);
        for (h, hr) in hours.iter().enumerate().take(h1).skip(h0) {
            let (p, pv, load) = (site.import_yuan_kwh[h], site.pv(h), site.load_kwh[h]);
            let surplus = (pv - load - lim.auxiliary_kwh).max(0.0);
            let from_pv = hr.charge_kwh.min(surplus);
            y.charge_kwh += hr.charge_kwh;
            y.charge_from_pv_kwh += from_pv;
            y.charge_from_grid_kwh += hr.charge_kwh - from_pv;
            y.discharge_kwh += hr.discharge_kwh;
            y.grid_import_kwh += hr.import_kwh;
            y.exported_kwh += hr.export_kwh;
            y.curtailed_kwh += hr.curtailed_kwh;
            value_discharged += p * hr.discharge_kwh;
            grid_charge_cost += p * (hr.charge_kwh - from_pv);
            cost += p * hr.import_kwh - export * hr.export_kwh;
            peak = peak.max(hr.import_kwh);
            let (ref_import, ref_export, _) = settle(load - pv, limit);
            ref_cost += p * ref_import - export * ref_export;
            ref_peak = ref_peak.max(ref_import);
        }
        (peaks[m], ref_peaks[m]) = (peak, ref_peak);
    }
    let soc_end = hours.last().map_or(soc0, |h| h.soc_kwh);
    y.losses_kwh = y.charge_kwh - y.discharge_kwh - (soc_end - soc0);
    y.auxiliary_kwh = lim.auxiliary_kwh * HOURS as f64;
    y.cycles = if lim.usable_kwh() > 0.0 {
        y.discharge_kwh / lim.discharge_efficiency / lim.usable_kwh()
    } else {
        0.0
    };
    let grid_share = if y.charge_kwh > 0.0 {
        y.charge_from_grid_kwh / y.charge_kwh
    } else {
        0.0
    };
    y.arbitrage_yuan = grid_share * value_discharged - grid_charge_cost;
    y.self_consumption_yuan = (ref_cost - cost) - y.arbitrage_yuan;
    Sums {
        year: y,
        energy_saving_yuan: ref_cost - cost,
        peaks,
        ref_peaks,
    }
}

/// What one battery run over the lifetime gives: its years, year 1's hours.
struct Run {
    years: Vec<StorageYear>,
    first_hours: Vec<Hour>,
    first_capacity_kwh: f64,
    first_peaks: [f64; 12],
}

/// Dispatches `b` every year, with the PV (`with_pv`) or without, and prices each year's savings
/// against the same site without the battery.
fn run(
    inp: &Inputs,
    b: &Battery,
    mode: DispatchMode,
    hours: &[f64],
    export_price: &[f64],
    with_pv: bool,
) -> Run {
    let load = &inp
        .load
        .as_ref()
        .map(|l| l.hourly_kwh.clone())
        .unwrap_or_else(|| vec![0.0; HOURS]);
    let all = tariffs(inp);
    let limit = export_limit_kwh(inp);
    let rate = inp.demand_charge_yuan_per_kw_month.unwrap_or(0.0);
    let years = inp.degradation.years;
    let mut health = 1.0;
    let mut out = Vec::with_capacity(years as usize);
    let mut pv = vec![0.0; if with_pv { HOURS } else { 0 }];
    let mut first_hours = Vec::new();
    let mut first_peaks = [0.0; 12];
    let mut price = Vec::with_capacity(HOURS);
    let invest = b.investment_yuan();
    for y in 1..=years {
        let f = inp.degradation.factor(y);
        for (p, &g) in pv.iter_mut().zip(hours) {
            *p = g * f;
        }
        let tariff = tariff_in(&all, y);
        let grow = (1.0 + inp.tariff.escalation).powi(y as i32 - 1);
        let export = export_price.get(y as usize - 1).copied().unwrap_or(0.0);
        price.clear();
        price.extend(tariff.price.iter().map(|p| p * grow));
        let site = SiteYear {
            load_kwh: load,
            pv_kwh: &pv,
            import_yuan_kwh: &price,
            export_yuan_kwh: export,
            export_limit_kwh: limit,
            periods: &tariff.periods,
        };
        let lim = b.limits(health);
        let hrs = dispatch::year(b, mode, &site, &lim, lim.soc_min_kwh, rate * grow);
        let s = sums(&site, &lim, lim.soc_min_kwh, &hrs);
        let mut row = s.year;
        row.year = y;
        row.state_of_health_pct = health * 100.0;
        row.demand_charge_yuan =
            rate * grow * (s.ref_peaks.iter().sum::<f64>() - s.peaks.iter().sum::<f64>());
        row.savings_yuan = s.energy_saving_yuan + row.demand_charge_yuan;
        row.om_yuan = b.om_share * invest;
        let (next, replaced) = health::after_year(b, y, years, health, row.cycles);
        row.replaced = replaced;
        row.replacement_yuan = if replaced {
            b.replacement_cost_yuan_per_kwh * b.energy_kwh
        } else {
            0.0
        };
        let kept = b.host_share.map_or(1.0, |h| 1.0 - h);
        row.net_cash_flow_yuan = kept * row.savings_yuan - row.om_yuan - row.replacement_yuan;
        if y == 1 {
            first_hours = hrs;
            first_peaks = s.peaks;
        }
        health = next;
        out.push(row);
    }
    Run {
        years: out,
        first_hours,
        first_capacity_kwh: b.energy_kwh,
        first_peaks,
    }
}

/// NPV, IRR and payback of year-0 `investment` and yearly flows `flows`.
fn returns(rate: f64, investment: f64, flows: &[f64], first_year_savings: f64) -> Returns {
    let cf: Vec<f64> = std::iter::once(-investment)
        .chain(flows.iter().copied())
        .collect();
    Returns {
        investment_yuan: investment,
        first_year_savings_yuan: first_year_savings,
        npv_yuan: finance::npv(rate, &cf),
        irr_pct: finance::irr(&cf).map(|r| r * 100.0),
        payback_years: finance::payback_years(&cf),
    }
}

/// Year 1 by month and the average day of each month.
fn months(
    site_load: &[f64],
    pv1: &[f64],
    run: &Run,
    lim: &Limits,
    pv_peaks: &[f64; 12],
) -> (Vec<StorageMonth>, Vec<StorageDay>) {
    let (hours, capacity_kwh, peaks) = (&run.first_hours, run.first_capacity_kwh, &run.first_peaks);
    let (eta_d, usable_kwh) = (lim.discharge_efficiency, lim.usable_kwh());
    let mut by_month: Vec<StorageMonth> = (1..=12)
        .map(|m| StorageMonth {
            month: m,
            ..StorageMonth::default()
        })
        .collect();
    let mut days: Vec<StorageDay> = (1..=12)
        .map(|m| StorageDay {
            month: m,
            day_of_year: None,
            soc_pct: vec![0.0; 24],
            charge_kw: vec![0.0; 24],
            discharge_kw: vec![0.0; 24],
            grid_kw: vec![0.0; 24],
            pv_kw: vec![0.0; 24],
            load_kw: vec![0.0; 24],
        })
        .collect();
    let mut n_days = [0usize; 12];
    let mut soc_prev = hours.first().map_or(0.0, |h| h.soc_kwh - h.charge_kwh);
    for (h, hr) in hours.iter().enumerate() {
        let m = month_of_day(h / 24);
        let k = h % 24;
        if k == 0 {
            n_days[m] += 1;
        }
        let bm = &mut by_month[m];
        bm.charge_kwh += hr.charge_kwh;
        bm.discharge_kwh += hr.discharge_kwh;
        bm.losses_kwh += hr.charge_kwh - hr.discharge_kwh - (hr.soc_kwh - soc_prev);
        bm.cycles += if usable_kwh > 0.0 {
            hr.discharge_kwh / eta_d / usable_kwh
        } else {
            0.0
        };
        bm.peak_load_kw = bm.peak_load_kw.max(site_load[h]);
        soc_prev = hr.soc_kwh;
        let d = &mut days[m];
        d.soc_pct[k] += hr.soc_kwh / capacity_kwh * 100.0;
        d.charge_kw[k] += hr.charge_kwh;
        d.discharge_kw[k] += hr.discharge_kwh;
        d.grid_kw[k] += hr.import_kwh - hr.export_kwh;
        d.pv_kw[k] += pv1.get(h).copied().unwrap_or(0.0);
        d.load_kw[k] += site_load[h];
    }
    for (m, (bm, d)) in by_month.iter_mut().zip(days.iter_mut()).enumerate() {
        bm.peak_grid_kw = peaks[m];
        bm.peak_grid_pv_only_kw = pv_peaks[m];
        let n = n_days[m].max(1) as f64;
        for v in [
            &mut d.soc_pct,
            &mut d.charge_kw,
            &mut d.discharge_kw,
            &mut d.grid_kw,
            &mut d.pv_kw,
            &mut d.load_kw,
        ] {
            v.iter_mut().for_each(|x| *x /= n);
        }
    }
    (by_month, days)
}

/// The hours of day `day_of_year` (1–365) of year 1.
fn chosen_day(day_of_year: u32, load: &[f64], pv1: &[f64], run: &Run) -> StorageDay {
    let h0 = (day_of_year as usize - 1) * 24;
    let hours = &run.first_hours[h0..h0 + 24];
    let of = |f: &dyn Fn(usize, &Hour) -> f64| -> Vec<f64> {
        hours
            .iter()
            .enumerate()
            .map(|(k, h)| f(h0 + k, h))
            .collect()
    };
    StorageDay {
        month: month_of_day(h0 / 24) as u32 + 1,
        day_of_year: Some(day_of_year),
        soc_pct: of(&|_, h| h.soc_kwh / run.first_capacity_kwh * 100.0),
        charge_kw: of(&|_, h| h.charge_kwh),
        discharge_kw: of(&|_, h| h.discharge_kwh),
        grid_kw: of(&|_, h| h.import_kwh - h.export_kwh),
        pv_kw: of(&|k, _| pv1.get(k).copied().unwrap_or(0.0)),
        load_kw: of(&|k, _| load.get(k).copied().unwrap_or(0.0)),
    }
}

/// The battery's report. `pv_flows` are the PV's yearly net cash flows of `money` (year 0 first),
/// `export_price` each year's export price [yuan/kWh].
pub(super) fn report(
    inp: &Inputs,
    b: &Battery,
    hours: &[f64],
    export_price: &[f64],
    pv_flows: &[f64],
) -> StorageReport {
    let rate = inp.ownership.finance().discount_rate;
    let with_pv = run(inp, b, b.dispatch, hours, export_price, true);
    let alone = run(inp, b, b.dispatch, hours, export_price, false);
    let invest = b.investment_yuan();
    let flows = |r: &Run| {
        r.years
            .iter()
            .map(|y| y.net_cash_flow_yuan)
            .collect::<Vec<f64>>()
    };
    let kept = b.host_share.map_or(1.0, |h| 1.0 - h);
    let first = with_pv.years[0];
    let storage_with_pv = returns(rate, invest, &flows(&with_pv), kept * first.savings_yuan);
    let storage_alone = returns(
        rate,
        invest,
        &flows(&alone),
        kept * alone.years[0].savings_yuan,
    );
    let pv_first = pv_flows.get(1).copied().unwrap_or(0.0);
    let pv_alone = returns(
        rate,
        -pv_flows.first().copied().unwrap_or(0.0),
        &pv_flows[1..],
        pv_first,
    );
    // Both: the PV's flows plus the battery's (the host's share under EMC, the investor's battery
    // being no investment of the host's).
    let both_flows: Vec<f64> = pv_flows[1..]
        .iter()
        .zip(&with_pv.years)
        .map(|(p, y)| {
            p + if b.host_share.is_some() {
                y.savings_yuan - y.net_cash_flow_yuan - y.om_yuan - y.replacement_yuan
            } else {
                y.net_cash_flow_yuan
            }
        })
        .collect();
    let both_invest = pv_alone.investment_yuan + if b.host_share.is_some() { 0.0 } else { invest };
    let both = returns(rate, both_invest, &both_flows, both_flows[0]);
    let lim1 = b.limits(1.0);
    let load = inp
        .load
        .as_ref()
        .map(|l| l.hourly_kwh.as_slice())
        .unwrap_or(&[]);
    let pv_peaks = {
        let limit = export_limit_kwh(inp);
        let all = tariffs(inp);
        cost_and_peaks(
            HOURS,
            |h| (settle(load[h] - hours[h], limit).0, 0.0),
            &all[0].price,
            0.0,
        )
        .1
    };
    let (by_month, average_day) = months(load, hours, &with_pv, &lim1, &pv_peaks);
    let chosen_day = b.day_of_year.map(|d| chosen_day(d, load, hours, &with_pv));
    StorageReport {
        dispatch: b.dispatch,
        energy_kwh: b.energy_kwh,
        power_kw: b.power_kw,
        usable_kwh: lim1.usable_kwh(),
        round_trip_efficiency_pct: b.round_trip_efficiency * 100.0,
        investment_yuan: invest,
        first_year: first,
        by_year: with_pv.years,
        by_month,
        average_day,
        chosen_day,
        pv_alone,
        storage_alone,
        storage_with_pv,
        both,
        host_share_pct: b.host_share.map(|h| h * 100.0),
        host_first_year_yuan: b.host_share.map(|h| h * first.savings_yuan),
    }
}

/// The returns of the battery added to the PV for each power [kW] × duration [h] of the sweep.
pub(super) fn sweep(
    inp: &Inputs,
    b: &Battery,
    hours: &[f64],
    export_price: &[f64],
    powers_kw: &[f64],
    durations_h: &[f64],
) -> Vec<crate::report::SweepPoint> {
    let rate = inp.ownership.finance().discount_rate;
    let mut out = Vec::with_capacity(powers_kw.len() * durations_h.len());
    for &p in powers_kw {
        for &d in durations_h {
            let sized = Battery {
                power_kw: p,
                energy_kwh: p * d,
                ..b.clone()
            };
            let r = run(inp, &sized, sized.dispatch, hours, export_price, true);
            let kept = sized.host_share.map_or(1.0, |h| 1.0 - h);
            let flows: Vec<f64> = r.years.iter().map(|y| y.net_cash_flow_yuan).collect();
            out.push(crate::report::SweepPoint {
                power_kw: p,
                duration_h: d,
                energy_kwh: p * d,
                returns: returns(
                    rate,
                    sized.investment_yuan(),
                    &flows,
                    kept * r.years[0].savings_yuan,
                ),
            });
        }
    }
    out
}
