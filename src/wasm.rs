//! The JavaScript binding: the only module that knows about wasm-bindgen. Scenarios arrive as plain
//! JS objects, reports leave as plain JS objects, and every error is a JS `Error` named
//! `ScenarioError` with `code`, `field` and `messageZh` — never a trap.
//! The TypeScript surface is written by hand in `js/rooftop_pv.d.ts`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use wasm_bindgen::JsCast;

use crate::error::codes;
use crate::scenario::{not_an_object, Scenario};
use crate::ScenarioError;

fn js_error(e: &ScenarioError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    err.set_name("ScenarioError");
    let set =
        |k: &str, v: &str| js_sys::Reflect::set(&err, &JsValue::from_str(k), &JsValue::from_str(v));
    // Setting a property on a fresh Error object cannot fail.
    let _ = set("code", e.code);
    let _ = set("field", &e.field);
    let _ = set("messageZh", &e.message_zh);
    err.into()
}

/// A value as a plain JS object: serde_json's text read by `JSON.parse`. One serializer serves
/// the JSON and the JS API (serde-wasm-bindgen's, one JS call per field, cost 1.4–2.4 KB of the
/// gzipped .wasm); what crosses holds only finite numbers (validation guarantees it), so JSON
/// loses nothing.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    js_sys::JSON::parse(&text)
}

/// The scenario as JSON text. `JSON.stringify` would turn NaN and ±Infinity into `null` and drop
/// functions and symbols; the replacer writes them as strings instead, so that validation names them
/// (`not_finite`, `invalid_type`) at their JSON path. (serde-wasm-bindgen's own deserializer reads
/// only the fields a struct knows, so it cannot report unknown fields: hence JSON text.)
fn scenario_json(value: &JsValue) -> Result<String, ScenarioError> {
    thread_local! {
        static REPLACER: Closure<dyn Fn(JsValue, JsValue) -> JsValue> = Closure::new(|_key: JsValue, v: JsValue| {
            match v.as_f64() {
                Some(n) if n.is_nan() => JsValue::from_str("NaN"),
                Some(n) if n.is_infinite() => JsValue::from_str(if n > 0.0 { "Infinity" } else { "-Infinity" }),
                _ if v.is_bigint() => JsValue::from_str("a BigInt"),
                _ if v.is_function() => JsValue::from_str("a function"),
                _ if v.is_symbol() => JsValue::from_str("a Symbol"),
                _ => v,
            }
        });
    }
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Err(not_an_object());
    }
    let text = REPLACER.with(|r| js_sys::JSON::stringify_with_replacer(value, r.as_ref()));
    match text {
        Ok(t) => Ok(String::from(t)),
        Err(e) => {
            let why = js_sys::Error::from(e).message();
            Err(ScenarioError::new(
                codes::INVALID_JSON,
                "",
                format!("the scenario cannot be read as JSON: {why}"),
                format!("情景无法转换为 JSON：{why}"),
            ))
        }
    }
}

/// Refuses a JS string longer than the weather limit before it is copied into WebAssembly memory
/// (a UTF-16 length above the limit means at least as many UTF-8 bytes).
fn check_text_length(text: &JsValue) -> Result<(), ScenarioError> {
    let length = text
        .dyn_ref::<js_sys::JsString>()
        .map_or(0, |t| t.length() as usize);
    crate::weather::check_size(length)
}

/// `calculate(scenario: Scenario): Report`; throws `ScenarioError`.
#[wasm_bindgen(js_name = calculate, skip_typescript)]
pub fn calculate(scenario: JsValue) -> Result<JsValue, JsValue> {
    let resource =
        js_sys::Reflect::get(&scenario, &"resource".into()).unwrap_or(JsValue::UNDEFINED);
    let text = js_sys::Reflect::get(&resource, &"text".into()).unwrap_or(JsValue::UNDEFINED);
    check_text_length(&text).map_err(|e| js_error(&e))?;
    // A weather file's text (megabytes) bypasses JSON: the rest of the scenario is stringified
    // from a shallow copy without it, and the text is put back after parsing.
    let weather_text = text.as_string();
    let json_source = if weather_text.is_some() {
        let copy = js_sys::Object::assign(&js_sys::Object::new(), scenario.unchecked_ref());
        let resource_copy =
            js_sys::Object::assign(&js_sys::Object::new(), resource.unchecked_ref());
        js_sys::Reflect::delete_property(&resource_copy, &"text".into())?;
        js_sys::Reflect::set(&copy, &"resource".into(), &resource_copy)?;
        copy.into()
    } else {
        scenario
    };
    let mut scenario = scenario_json(&json_source)
        .and_then(|text| Scenario::from_json(&text))
        .map_err(|e| js_error(&e))?;
    if weather_text.is_some() {
        scenario.resource.text = weather_text;
    }
    let mut report = crate::calculate(&scenario).map_err(|e| js_error(&e))?;
    let hourly = report.energy.hourly_kwh.take();
    let out = to_js(&report)?;
    if let Some(kwh) = hourly {
        // Big series cross as a Float64Array, not an array of numbers.
        let energy = js_sys::Reflect::get(&out, &"energy".into())?;
        js_sys::Reflect::set(
            &energy,
            &"hourlyKwh".into(),
            &js_sys::Float64Array::from(&kwh[..]),
        )?;
    }
    Ok(out)
}

/// `parseWeather(text: string, options?: WeatherOptions): WeatherSummary`; throws `ScenarioError`.
#[wasm_bindgen(js_name = parseWeather, skip_typescript)]
pub fn parse_weather(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    check_text_length(&text).map_err(|e| js_error(&e))?;
    let Some(text) = text.as_string() else {
        return Err(js_error(&ScenarioError::new(
            codes::INVALID_TYPE,
            "text",
            "parseWeather expects the file's text as a string",
            "parseWeather 需要以字符串形式传入文件内容",
        )));
    };
    let options = if options.is_undefined() || options.is_null() {
        "{}".to_string()
    } else {
        scenario_json(&options).map_err(|e| js_error(&e))?
    };
    let summary = crate::parse_weather_json(&text, &options).map_err(|e| js_error(&e))?;
    to_js(&summary)
}

/// `presets(): Presets`.
#[wasm_bindgen(js_name = presets, skip_typescript)]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(&crate::presets())
}

/// `stations(): Station[]`: the built-in climate stations.
#[wasm_bindgen(js_name = stations, skip_typescript)]
pub fn stations() -> Result<JsValue, JsValue> {
    to_js(&crate::climate::stations())
}

/// `findStations(query: string): Station[]`: by Chinese name, pinyin, province or id, best first.
#[wasm_bindgen(js_name = findStations, skip_typescript)]
pub fn find_stations(query: &str) -> Result<JsValue, JsValue> {
    to_js(&crate::climate::find(query))
}

/// `nearestStation(latitude, longitude): { station, distanceKm } | undefined`.
#[wasm_bindgen(js_name = nearestStation, skip_typescript)]
pub fn nearest_station(latitude: f64, longitude: f64) -> Result<JsValue, JsValue> {
    if !(latitude.is_finite()
        && longitude.is_finite()
        && latitude.abs() <= 90.0
        && longitude.abs() <= 180.0)
    {
        return Err(js_error(&ScenarioError::new(
            codes::OUT_OF_RANGE,
            "latitude",
            "latitude must be within ±90° and longitude within ±180°",
            "纬度须在 ±90° 以内，经度须在 ±180° 以内",
        )));
    }
    crate::climate::nearest(latitude, longitude).map_or(Ok(JsValue::UNDEFINED), |n| to_js(&n))
}

/// `stationClimate(id): StationClimate`: the monthly table and typical days of a station.
#[wasm_bindgen(js_name = stationClimate, skip_typescript)]
pub fn station_climate(id: &str) -> Result<JsValue, JsValue> {
    let climate = crate::climate::climate(id).map_err(|mut e| {
        // The core names the scenario's field; here the station id is the argument `id`.
        e.field = "id".to_string();
        for text in [&mut e.message, &mut e.message_zh] {
            if let Some(rest) = text.strip_prefix("resource.stationId") {
                *text = format!("id{rest}");
            }
        }
        js_error(&e)
    })?;
    to_js(&climate)
}

/// `version(): string`.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    crate::version().to_string()
}
