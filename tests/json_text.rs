//! `rooftop_pv::json_text::to_string` (the text the JavaScript binding hands to `JSON.parse`) is
//! byte for byte serde_json's `to_string`, the reference, on every value the binding returns
//! (reports of the example scenarios and of a battery with its chosen day and hourly output, the
//! presets, stations, a station's climate, search results, the nearest station, a roof sizing, a
//! weather summary, a storage sweep) and on a probe of every serde shape with hostile strings and
//! extreme numbers.

mod weather_common;

use std::collections::BTreeMap;

use rooftop_pv::json_text;
use serde::Serialize;

fn same<T: Serialize + ?Sized>(value: &T, what: &str) {
    let want = serde_json::to_string(value).unwrap();
    let got = json_text::to_string(value);
    assert!(
        got == want,
        "{what}:\n ours  {got:.300}\n serde {want:.300}"
    );
}

fn scenario(json: &str) -> rooftop_pv::Scenario {
    rooftop_pv::Scenario::from_json(json).unwrap_or_else(|e| panic!("{json}: {e}"))
}

const BATTERY: &str = r#"{"system":{"capacityKwp":4000},"site":{"latitude":39.33,"longitude":112.43},
    "resource":{"method":"station","stationId":"536730"},
    "usage":{"mode":"selfUseSurplus","load":{"kind":"typical","profile":"factoryTwoShift","annualKwh":30000000}},
    "tariff":{"timeOfUsePreset":"shanxi-ci-2026"},
    "storage":{"energyKwh":2000,"powerKw":1000,"dispatch":"optimal","roundTripEfficiencyPct":90,
        "socMinPct":10,"socMaxPct":90,"auxiliaryKw":5,"dayOfYear":41},
    "output":{"hourly":true}}"#;

#[test]
fn reports_are_serde_json_text() {
    let presets = rooftop_pv::presets();
    assert!(presets.scenarios.len() >= 4);
    for example in &presets.scenarios {
        let report = rooftop_pv::calculate(&example.scenario).unwrap();
        same(&report, example.id);
    }
    let battery = scenario(BATTERY);
    let report = rooftop_pv::calculate(&battery).unwrap();
    assert!(report.storage.as_ref().unwrap().chosen_day.is_some());
    assert!(report.energy.hourly_kwh.is_some());
    same(&report, "battery with its chosen day, hourly output");
    let sweep = rooftop_pv::sweep_storage(&battery, &[500.0, 1000.0], &[2.0, 4.0]).unwrap();
    same(&sweep, "sweepStorage");
}

#[test]
fn the_other_results_are_serde_json_text() {
    same(&rooftop_pv::presets(), "presets");
    same(&rooftop_pv::climate::stations(), "stations");
    same(
        &rooftop_pv::climate::climate("537720").unwrap(),
        "stationClimate",
    );
    same(&rooftop_pv::climate::find("太原"), "findStations");
    same(
        &rooftop_pv::climate::nearest(39.33, 112.43),
        "nearestStation",
    );
    let sizing = rooftop_pv::size_roof_json(
        r#"{"roof":{"type":"concreteFlat","areaM2":4000},"latitudeDeg":39.33}"#,
    )
    .unwrap();
    same(&sizing, "sizeRoof");
    let bytes = weather_common::fixture_bytes("CHN_Shanxi.Datong.534870_CSWD.epw");
    let text = rooftop_pv::weather::text_of(&bytes);
    let summary = rooftop_pv::parse_weather_json(&text, "{}").unwrap();
    same(&summary, "parseWeather");
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum Shape {
    Unit,
    Newtype(f64),
    Tuple(i8, u64),
    Struct {
        first_field: Option<String>,
        nothing: (),
    },
}

#[derive(Serialize)]
struct Wrapper(i64);

#[derive(Serialize)]
struct UnitStruct;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Probe {
    text: String,
    ch: char,
    flags: (bool, bool),
    ints: (i8, i16, i32, i64, u8, u16, u32, u64),
    floats: Vec<f64>,
    single: Vec<f32>,
    none: Option<u8>,
    some: Option<Option<Wrapper>>,
    shapes: Vec<Shape>,
    unit_struct: UnitStruct,
    by_name: BTreeMap<String, u8>,
    by_number: BTreeMap<i32, bool>,
    bytes: serde_bytes_like::Bytes,
    empty: (Vec<u8>, BTreeMap<String, u8>),
}

/// `serialize_bytes` without a dependency: a byte slice serialized as bytes.
mod serde_bytes_like {
    pub struct Bytes(pub Vec<u8>);
    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }
}

#[test]
fn every_serde_shape_is_serde_json_text() {
    let all_bytes: String = (0u8..0x80).map(char::from).collect();
    let probe = Probe {
        text: format!("{all_bytes} \"quoted\" back\\slash é 太阳能 \u{2028} \u{1F600} \u{7f}"),
        ch: '\n',
        flags: (true, false),
        ints: (
            i8::MIN,
            i16::MAX,
            i32::MIN,
            i64::MIN,
            u8::MAX,
            0,
            u32::MAX,
            u64::MAX,
        ),
        floats: vec![
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.1,
            1.0 / 3.0,
            1e21,
            1e-7,
            123456789012345680.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ],
        single: vec![0.1, 16777217.0, f32::MAX, f32::NAN],
        none: None,
        some: Some(Some(Wrapper(-42))),
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(2.5),
            Shape::Tuple(-1, 7),
            Shape::Struct {
                first_field: Some("tab\there".into()),
                nothing: (),
            },
            Shape::Struct {
                first_field: None,
                nothing: (),
            },
        ],
        unit_struct: UnitStruct,
        by_name: [("a\"b".to_string(), 1), ("键".to_string(), 2)].into(),
        by_number: [(-3, true), (10, false)].into(),
        bytes: serde_bytes_like::Bytes(vec![0, 127, 255]),
        empty: (vec![], BTreeMap::new()),
    };
    same(&probe, "probe");
    same(&"\u{0}NaN", "a lone string");
    same(&[(); 0], "an empty array");
}

/// The fields `rooftop_pv::handoff::Row` gives of `row` (the skipped ones left out) are serde's:
/// the same keys in the order serde_json writes them, the same numbers bit for bit.
fn same_row<R: rooftop_pv::handoff::Row + Serialize>(row: &R, what: &str) {
    let mut ours = Vec::new();
    row.fields(&mut |key, value| {
        if let Some(v) = value {
            ours.push((key, v));
        }
    });
    let text = serde_json::to_string(row).unwrap();
    let serde_json::Value::Object(map) = serde_json::to_value(row).unwrap() else {
        panic!("{what}: not an object: {text}");
    };
    let mut keys: Vec<&str> = map.keys().map(String::as_str).collect();
    // serde_json's map is sorted by key: the order is that of the keys in its text.
    keys.sort_by_key(|k| text.find(&format!("\"{k}\":")).unwrap());
    let names: Vec<&str> = ours.iter().map(|(k, _)| *k).collect();
    assert_eq!(names, keys, "{what}: keys");
    for (key, v) in ours {
        let want = map[key].as_f64().unwrap();
        assert_eq!(
            v.to_bits(),
            want.to_bits(),
            "{what}.{key}: {v} against serde {want}"
        );
    }
}

#[test]
fn handoff_rows_are_serde_rows() {
    let demand_json = r#"{"system":{"capacityKwp":1000},"resource":{"method":"fullLoadHours","hours":1250},
        "usage":{"mode":"selfUseSurplus","load":{"kind":"typical","profile":"factoryTwoShift","annualKwh":3000000}},
        "tariff":{"timeOfUsePreset":"shanxi-ci-2026","demandChargeYuanPerKwMonth":30},
        "ownership":{"kind":"thirdParty","discountPct":15}}"#;
    let mut scenarios: Vec<_> = rooftop_pv::presets()
        .scenarios
        .into_iter()
        .map(|e| (e.id.to_string(), e.scenario))
        .collect();
    scenarios.push(("battery".into(), scenario(BATTERY)));
    scenarios.push(("demand charge, EMC".into(), scenario(demand_json)));
    let (mut demand_rows, mut storage_months) = (0, 0);
    for (id, s) in &scenarios {
        let r = rooftop_pv::calculate(s).unwrap();
        r.energy.by_year.iter().for_each(|y| same_row(y, id));
        let usage = r.usage.by_month.iter().chain(&r.usage.by_hour_of_day);
        usage.for_each(|u| same_row(u, id));
        let investor = r.money.investor.iter().flat_map(|i| &i.by_year);
        for y in r.money.by_year.iter().chain(investor) {
            demand_rows += usize::from(y.demand_charge_yuan.is_some());
            same_row(y, id);
        }
        for m in r.storage.iter().flat_map(|s| &s.by_month) {
            storage_months += 1;
            same_row(m, id);
        }
    }
    // The optional fields and the storage months were among them.
    assert!(
        demand_rows > 0 && storage_months == 12,
        "{demand_rows} {storage_months}"
    );
}
