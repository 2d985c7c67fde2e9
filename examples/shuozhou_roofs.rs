//! Issue 14's comparison: a 4,000 m² colour-steel roof and a 4,000 m² concrete flat roof in
//! Shuozhou (39.33° N, 112.43° E), sized from the roof (`system.roof`) and calculated on the nearest
//! built-in station, self-use 70 % at 0.55 yuan/kWh, owner-operated with each roof type's typical
//! investment. `cargo run --example shuozhou_roofs`

use rooftop_pv::{calculate, Scenario};

fn main() -> Result<(), rooftop_pv::ScenarioError> {
    let station = rooftop_pv::climate::nearest(39.33, 112.43).expect("a station");
    println!(
        "nearest station {} {} ({:.0} km)",
        station.station.id, station.station.name_zh, station.distance_km
    );
    for roof in ["colorSteel", "concreteFlat"] {
        let json = format!(
            r#"{{"site":{{"latitude":39.33,"longitude":112.43}},
                "system":{{"roof":{{"type":"{roof}","areaM2":4000}}}},
                "resource":{{"method":"station","stationId":"{}"}},
                "usage":{{"mode":"selfUseSurplus","selfUseSharePct":70}},
                "tariff":{{"gridPriceYuanKwh":0.55}},"ownership":{{"kind":"owner"}}}}"#,
            station.station.id
        );
        let r = calculate(&Scenario::from_json(&json)?)?;
        let z = r.sizing.as_ref().expect("sized");
        println!(
            "\n{roof}: {} modules of {} W ({:?}), {:.1} kWp, tilt {}°, {:.0} W/m² of roof",
            z.modules,
            z.module.power_w,
            z.module_orientation,
            z.capacity_kwp,
            z.tilt_deg,
            z.power_density_w_m2
        );
        if let Some(rows) = &z.rows {
            println!(
                "  {} rows × {} modules; winter solstice 9:00 at {:.2}° N: sun altitude {:.2}°, azimuth {:.2}° from south;\n  \
                 row height H = {:.3} m, shadow reach H·cos γ/tan α = {:.3} m, pitch D = {:.3} m, GCR {:.3}",
                rows.count, rows.modules_per_row, rows.latitude_deg, rows.solar_altitude_deg,
                rows.solar_azimuth_from_south_deg, rows.row_height_m, rows.shadow_reach_m, rows.row_pitch_m,
                z.ground_coverage_ratio.unwrap_or(0.0)
            );
        }
        let m = &r.money;
        println!(
            "  {:.0} kWh/yr ({:.0} kWh/kWp), investment {:.2} yuan/W = {:.0} yuan, year-1 savings {:.0} yuan, IRR {}, payback {}",
            r.energy.annual_kwh, r.energy.specific_yield_kwh_per_kwp, z.capex.yuan_per_w,
            m.investment_yuan.unwrap_or(0.0), m.first_year_savings_yuan,
            m.irr_pct.map_or("–".into(), |v| format!("{v:.1} %")),
            m.payback_years.map_or("–".into(), |v| format!("{v:.1} years"))
        );
    }
    Ok(())
}
