//! Sizing from the roof, against the hand computation of `scripts/sizing_reference.py` (the
//! winter-solstice sun from pvlib 0.16.1's analytical solar position, the GB 50797 row pitch and the
//! module counts by plain arithmetic). Golden values printed by
//! `.venv/bin/python scripts/sizing_reference.py`; tolerances just above floating-point noise.

use rooftop_pv::{calculate, size_roof_json, Scenario};

const SHUOZHOU_LAT: f64 = 39.33;

fn size(json: &str) -> rooftop_pv::sizing::RoofSizing {
    size_roof_json(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

fn close(got: f64, want: f64, tol: f64, what: &str) {
    assert!(
        (got - want).abs() <= tol,
        "{what}: got {got}, want {want} (±{tol})"
    );
}

#[test]
fn solstice_sun_at_shuozhou_matches_pvlib() {
    let sun = rooftop_pv::sizing::spacing::solstice_sun(SHUOZHOU_LAT, "latitudeDeg").unwrap();
    close(sun.altitude_deg, 14.451755473262551, 1e-9, "altitude");
    close(
        sun.azimuth_from_south_deg,
        42.059514447572695,
        1e-9,
        "azimuth",
    );
}

#[test]
fn color_steel_4000_m2_flush() {
    let z = size(r#"{"roof":{"type":"colorSteel","areaM2":4000}}"#);
    assert_eq!(z.outline, "squareFromArea");
    // √4000 = 63.2456 m; inside 1 m setbacks 61.2456 m: 54 × 27 modules either way.
    assert_eq!(z.modules, 1458);
    close(z.capacity_kwp, 801.9, 1e-9, "kWp");
    assert_eq!(z.tilt_deg, 5.0);
    assert!(z.rows.is_none() && z.ground_coverage_ratio.is_none());
    close(
        z.roof_coverage,
        1458.0 * 2.256 * 1.133 / 4000.0,
        1e-12,
        "coverage",
    );
    assert_eq!(z.capex.yuan_per_w, 2.9);
    assert!(!z.capex.confirmed);
}

#[test]
fn concrete_4000_m2_rows_by_the_solstice_rule() {
    let z = size(r#"{"roof":{"type":"concreteFlat","areaM2":4000},"latitudeDeg":39.33}"#);
    let rows = z.rows.as_ref().expect("rows");
    // L = 2 × 1.133 m (landscape), β = 20°: D = L cos β + L sin β · cos γ / tan α.
    close(rows.slope_length_m, 2.266, 1e-12, "L");
    close(rows.shadow_reach_m, 2.232704602882013, 1e-9, "shadow reach");
    close(rows.row_pitch_m, 4.3620480815828815, 1e-9, "pitch");
    assert_eq!((rows.count, rows.modules_per_row), (14, 54));
    assert_eq!(z.modules, 756);
    close(z.capacity_kwp, 415.8, 1e-9, "kWp");
    close(
        z.ground_coverage_ratio.unwrap(),
        0.5194807479466672,
        1e-9,
        "GCR",
    );
}

#[test]
fn outline_with_a_parapet_keeps_the_first_row_out_of_its_shadow() {
    let z = size(
        r#"{"roof":{"type":"concreteFlat","eastWestM":80,"northSouthM":50,"tiltDeg":25,"parapetHeightM":1.2},"latitudeDeg":39.33}"#,
    );
    let rows = z.rows.as_ref().unwrap();
    close(rows.front_clearance_m, 3.4570122906464995, 1e-9, "front");
    close(rows.row_pitch_m, 4.812541883635264, 1e-9, "pitch");
    assert_eq!((rows.count, rows.modules_per_row, z.modules), (10, 68, 680));
    let flush = size(r#"{"roof":{"type":"tile","eastWestM":80,"northSouthM":50}}"#);
    assert_eq!(flush.modules, 1428);
    close(flush.capacity_kwp, 785.4, 1e-9, "kWp");
}

#[test]
fn bad_roofs_are_named() {
    let err = |json: &str| size_roof_json(json).expect_err(json);
    // √3 = 1.73 m < 2 × 1 m of setbacks; √6 = 2.45 m leaves 0.45 m, less than a module.
    let e = err(r#"{"roof":{"type":"colorSteel","areaM2":3}}"#);
    assert_eq!(
        (e.code, e.field.as_str()),
        ("out_of_range", "roof.setbackM")
    );
    let e = err(r#"{"roof":{"type":"colorSteel","areaM2":6}}"#);
    assert_eq!((e.code, e.field.as_str()), ("out_of_range", "roof.areaM2"));
    assert!(e.message.contains("holds no"), "{}", e.message);
    let e = err(r#"{"roof":{"type":"tile","eastWestM":10,"northSouthM":8,"setbackM":4}}"#);
    assert_eq!(
        (e.code, e.field.as_str()),
        ("out_of_range", "roof.setbackM")
    );
    let e = err(r#"{"roof":{"type":"concreteFlat","areaM2":4000}}"#);
    assert_eq!((e.code, e.field.as_str()), ("missing_field", "latitudeDeg"));
    let e = err(r#"{"roof":{"type":"tile","areaM2":400,"eastWestM":20}}"#);
    assert_eq!((e.code, e.field.as_str()), ("conflict", "roof.areaM2"));
    let e = err(r#"{"roof":{"type":"tile","areaM2":400,"modulesUp":2}}"#);
    assert_eq!((e.code, e.field.as_str()), ("conflict", "roof.modulesUp"));
    let e = err(r#"{"roof":{"type":"slate","areaM2":400}}"#);
    assert_eq!((e.code, e.field.as_str()), ("unknown_variant", "roof.type"));
    let e = err(r#"{"roof":{"type":"concreteFlat","areaM2":4000},"latitudeDeg":70}"#);
    assert_eq!((e.code, e.field.as_str()), ("out_of_range", "latitudeDeg"));
}

fn scenario(json: &str) -> Scenario {
    Scenario::from_json(json).unwrap()
}

#[test]
fn calculate_sizes_the_system_from_its_roof() {
    let s = scenario(
        r#"{"site":{"latitude":39.33,"longitude":112.43},
            "system":{"roof":{"type":"concreteFlat","areaM2":4000}},
            "resource":{"method":"fullLoadHours","hours":1250}}"#,
    );
    let r = calculate(&s).unwrap();
    close(r.assumptions.capacity_kwp, 415.8, 1e-9, "kWp");
    close(r.energy.annual_kwh, 415.8 * 1250.0, 1e-6, "kWh");
    // The concrete roof's typical investment replaces the 3.0 yuan/W default.
    assert_eq!(r.assumptions.capex_yuan_per_w, Some(3.3));
    assert_eq!(r.sizing.unwrap().modules, 756);
    // The station's latitude serves when there is no site (Datong 40.1° N: another pitch).
    let s = scenario(
        r#"{"system":{"roof":{"type":"concreteFlat","areaM2":4000}},
            "resource":{"method":"station","stationId":"534870"},
            "ownership":{"kind":"owner","capexYuanPerW":3.1}}"#,
    );
    let r = calculate(&s).unwrap();
    let layout = r.assumptions.layout.as_ref().unwrap();
    assert_eq!(
        layout.mounting,
        Some(rooftop_pv::scenario::Mounting::OpenRack)
    );
    assert_eq!(r.assumptions.capex_yuan_per_w, Some(3.1));
    let z = r.sizing.unwrap();
    assert!((z.rows.unwrap().latitude_deg - 40.1).abs() < 0.01);
    assert_eq!(layout.planes.as_ref().unwrap()[0].tilt_deg, 20.0);
}

#[test]
fn roof_and_capacity_conflict() {
    for (json, field) in [
        (
            r#"{"system":{"capacityKwp":100,"roof":{"type":"tile","areaM2":400}},"resource":{"method":"fullLoadHours","hours":1200}}"#,
            "system.capacityKwp",
        ),
        (
            r#"{"system":{"roof":{"type":"tile","areaM2":400},"planes":[{"tiltDeg":10,"azimuthDeg":180,"shareOfCapacity":1}]},"resource":{"method":"fullLoadHours","hours":1200}}"#,
            "system.planes",
        ),
    ] {
        let e = calculate(&scenario(json)).unwrap_err();
        assert_eq!((e.code, e.field.as_str()), ("conflict", field));
    }
    let e = calculate(&scenario(
        r#"{"system":{},"resource":{"method":"fullLoadHours","hours":1200}}"#,
    ))
    .unwrap_err();
    assert_eq!(
        (e.code, e.field.as_str()),
        ("missing_field", "system.capacityKwp")
    );
    let e = calculate(&scenario(
        r#"{"system":{"roof":{"type":"concreteFlat","areaM2":4000}},"resource":{"method":"fullLoadHours","hours":1200}}"#,
    ))
    .unwrap_err();
    assert_eq!(
        (e.code, e.field.as_str()),
        ("missing_field", "site.latitude")
    );
}

/// The battery behind a roof-sized system sees the system the roof gives: the same report as the
/// system written out with the sizing's capacity, plane, mounting, ground coverage ratio and the
/// roof type's investment (issue 14's sizing beside issue 13's storage in one scenario).
#[test]
fn a_battery_behind_a_roof_sized_system_is_that_of_the_system_written_out() {
    let rest = r#""site":{"latitude":39.33,"longitude":112.43},
        "resource":{"method":"station","stationId":"536730"},
        "usage":{"mode":"selfUseSurplus","load":{"kind":"typical","profile":"factoryTwoShift","annualKwh":3000000}},
        "tariff":{"timeOfUsePreset":"shanxi-ci-2026","demandChargeYuanPerKwMonth":30},
        "storage":{"energyKwh":400,"powerKw":200,"dispatch":"peakShaving"}"#;
    let sized = calculate(&scenario(&format!(
        r#"{{"system":{{"roof":{{"type":"concreteFlat","areaM2":4000}}}},{rest}}}"#
    )))
    .unwrap();
    let z = sized.sizing.as_ref().unwrap();
    let gcr = z.ground_coverage_ratio.unwrap();
    let written = calculate(&scenario(&format!(
        r#"{{"system":{{"capacityKwp":{},"planes":[{{"tiltDeg":{},"azimuthDeg":{},"shareOfCapacity":1}}],
            "mounting":"openRack","groundCoverageRatio":{gcr}}},
            "ownership":{{"kind":"owner","capexYuanPerW":{}}},{rest}}}"#,
        z.capacity_kwp, z.tilt_deg, z.azimuth_deg, z.capex.yuan_per_w
    )))
    .unwrap();
    let (a, b) = (sized.storage.unwrap(), written.storage.unwrap());
    assert!(a.first_year.savings_yuan > 0.0 && a.first_year.demand_charge_yuan > 0.0);
    assert_eq!(a.first_year, b.first_year);
    assert_eq!(a.both, b.both);
    assert_eq!(a.storage_with_pv, b.storage_with_pv);
    assert_eq!(sized.energy.annual_kwh, written.energy.annual_kwh);
}
