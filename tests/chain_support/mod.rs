//! Shared by the chain tests: weather files (pvlib wheel, tests/data/weather), the
//! PVWatts v8 golden of scripts/ref_pvwatts.py, and systems built from its configurations.
#![allow(dead_code)]

use std::path::Path;

use rooftop_pv::pv::{ModuleType, Mounting, Plane, SystemSpec};
use rooftop_pv::solar::SkyModel;
use rooftop_pv::weather::{parse_bytes, ParseOptions, Weather};
use serde_json::Value;

#[path = "../weather_common/mod.rs"]
mod weather_common;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A weather file named as in the golden: `pvlib:NAME` (the pvlib wheel in the venv) or
/// `shared:NAME` (`tests/data/weather/NAME.gz`), as bytes.
pub fn weather_bytes(name: &str) -> Vec<u8> {
    let (kind, file) = name.split_once(':').unwrap();
    match kind {
        "pvlib" => {
            let path = weather_common::pvlib_data_dir().join(file);
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        }
        _ => weather_common::fixture_bytes(file),
    }
}

pub fn weather(name: &str) -> Weather {
    let options = ParseOptions {
        file_name: Some(name.split_once(':').unwrap().1.to_string()),
        ..ParseOptions::default()
    };
    parse_bytes(&weather_bytes(name), &options).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

pub fn golden() -> Value {
    let path = root().join("tests/data/reference/pvwatts_v8.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The system of a golden configuration (PVWatts inputs).
pub fn system(cfg: &Value) -> SystemSpec {
    let f = |k: &str| cfg[k].as_f64().unwrap();
    SystemSpec {
        planes: vec![Plane {
            tilt_deg: f("tilt"),
            azimuth_deg: f("azimuth"),
            share: 1.0,
        }],
        dc_capacity_w: f("capacity_kw") * 1000.0,
        dc_ac_ratio: f("dc_ac_ratio"),
        inverter_efficiency: f("inv_eff") / 100.0,
        losses_percent: f("losses"),
        module: match cfg["module_type"].as_u64().unwrap() {
            0 => ModuleType::Standard,
            1 => ModuleType::Premium,
            _ => ModuleType::ThinFilm,
        },
        mounting: if cfg["array_type"].as_u64().unwrap() == 0 {
            Mounting::OpenRack
        } else {
            Mounting::RoofMount
        },
        gcr: f("gcr"),
        albedo: f("albedo"),
        sky_model: SkyModel::Perez,
    }
}

/// Hourly AC [W] from the golden's encoding: 1/1000 of the AC rating as two base-36 digits per
/// hour, "~" + two base-36 digits for a run of zero hours (scripts/ref_pvwatts.py `encode`).
pub fn decode_hourly(text: &str, rating_w: f64) -> Vec<f64> {
    let b = text.as_bytes();
    let digit = |c: u8| -> usize {
        match c {
            b'0'..=b'9' => usize::from(c - b'0'),
            b'a'..=b'z' => usize::from(c - b'a') + 10,
            _ => panic!("bad hourly digit {c}"),
        }
    };
    let mut out = Vec::with_capacity(8760);
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'~' {
            let n = digit(b[i + 1]) * 36 + digit(b[i + 2]);
            out.resize(out.len() + n, 0.0);
            i += 3;
        } else {
            let q = digit(b[i]) * 36 + digit(b[i + 1]);
            out.push(q as f64 * rating_w / 1000.0);
            i += 2;
        }
    }
    out
}
