//! The JavaScript binding: the only module that knows about wasm-bindgen. Scenarios arrive as the
//! JSON text `js/api.js` writes of their plain copies (file texts apart), reports leave as plain JS
//! objects, and every error is a JS `Error` named `ScenarioError` with `code`, `field` and
//! `messageZh` — never a trap.
//! The TypeScript surface is written by hand in `js/rooftop_pv.d.ts`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use wasm_bindgen::JsCast;

use crate::error::codes;
use crate::scenario::Scenario;
use crate::ScenarioError;

/// Runs when the module is instantiated: a panic (a bug: every input error is a `ScenarioError`)
/// then logs its message and location to `console.error` before the `RuntimeError: unreachable`.
/// (The console_error_panic_hook crate did the same and added a JS stack trace of the hook itself,
/// for 403 B more of the gzipped .wasm; the RuntimeError carries the wasm stack.)
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
}

#[wasm_bindgen]
extern "C" {
    /// `console.error(message)`.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

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

/// A value as a plain JS object: its JSON text ([`crate::json_text`], serde_json's text without
/// serde_json's error paths) read by `JSON.parse`. One serializer serves the JSON and the JS API
/// (serde-wasm-bindgen's, one JS call per field, cost 1.4–2.4 KB of the gzipped .wasm); what
/// crosses holds only finite numbers (validation guarantees it), so JSON loses nothing.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&crate::json_text::to_string(value))
}

/// A scenario (or weather options, a sizing input, a sweep grid) as the JSON text `js/api.js`
/// writes of its plain copy (NaN and ±Infinity as [`crate::json::NON_FINITE`] markers, anything but
/// an object as `null`), within [`crate::caps::JSON_BYTES`]. (`JSON.stringify` and the reading of
/// JS values happen in JavaScript: no call back from here per value.)
fn scenario_text(text: &str) -> Result<&str, JsValue> {
    crate::caps::check_json_text(text, crate::caps::JSON_BYTES).map_err(|e| js_error(&e))?;
    Ok(text)
}

#[wasm_bindgen]
extern "C" {
    /// The platform's `TextEncoder` (Node ≥ 11, every browser).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// `encodeInto(source, destination)`: UTF-8 straight into a view of WebAssembly memory.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        source: &js_sys::JsString,
        dest: &js_sys::Uint8Array,
    ) -> EncodeResult;
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> f64;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> f64;
}

/// UTF-8 of a JS string, encoded by `TextEncoder.encodeInto` into memory reserved for it: one
/// native pass, instead of the glue's character-by-character copy. The first try reserves one byte
/// per UTF-16 unit (enough for ASCII); the rest, if any, three per unit (the most one unit takes).
fn utf8_of(text: &js_sys::JsString) -> String {
    thread_local! {
        static ENCODER: TextEncoder = TextEncoder::new();
    }
    let units = text.length() as usize;
    let mut bytes: Vec<u8> = Vec::with_capacity(units);
    let (mut read, mut written) = (0usize, 0usize);
    ENCODER.with(|encoder| {
        while read < units {
            let source = if read == 0 {
                text.clone()
            } else {
                text.slice(read as u32, units as u32)
            };
            bytes.reserve(if read == 0 { units } else { 3 * (units - read) });
            let spare = bytes.capacity() - written;
            // SAFETY: the view covers the vector's spare capacity and is used at once, before
            // anything else can allocate (and so move or grow WebAssembly memory).
            let view =
                unsafe { js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr().add(written), spare) };
            let done = encoder.encode_into(&source, &view);
            read += done.read() as usize;
            written += done.written() as usize;
            // SAFETY: `encodeInto` wrote `written` bytes in total from the start of the vector.
            unsafe { bytes.set_len(written) };
        }
    });
    // SAFETY: `encodeInto` writes UTF-8 only (WHATWG Encoding, "UTF-8 encode": a lone surrogate
    // becomes U+FFFD) and whole characters only (it stops before a character that does not fit,
    // never inside one, nor between the two halves of a surrogate pair), so the bytes of the
    // rounds joined are valid UTF-8; checking them again cost 0.07 ms per weather file.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// The text of a file given as a JS string, `Uint8Array` (a Node `Buffer` too) or `ArrayBuffer`
/// (bytes in any encoding: invalid UTF-8 such as GBK names becomes U+FFFD); `None` for any other
/// value. Refused above the text's cap by `check_size` before anything is copied (a UTF-16 length
/// above it means at least as many UTF-8 bytes), and by its reader again on the UTF-8 bytes.
fn file_text(
    value: &JsValue,
    check_size: fn(usize) -> Result<(), ScenarioError>,
) -> Result<Option<String>, ScenarioError> {
    if let Some(s) = value.dyn_ref::<js_sys::JsString>() {
        check_size(s.length() as usize)?;
        return Ok(Some(utf8_of(s)));
    }
    let bytes = if let Some(b) = value.dyn_ref::<js_sys::Uint8Array>() {
        b.clone()
    } else if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(b)
    } else {
        return Ok(None);
    };
    check_size(bytes.length() as usize)?;
    Ok(Some(String::from_utf8(bytes.to_vec()).unwrap_or_else(
        |e| crate::weather::text_of(e.as_bytes()).into_owned(),
    )))
}

/// `calculate(scenario: Scenario): Report`; throws `ScenarioError`. With `split` (as `js/api.js`
/// calls it) the report crosses as `[report, tables, numbers, hourlyKwh?]` ([`crate::handoff`]:
/// its numeric tables as one `Float64Array`, put back by `js/api.js`); without, as the plain object
/// `JSON.parse` makes of its whole JSON text (tests/js/handoff.test.mjs compares the two).
#[wasm_bindgen(js_name = calculate, skip_typescript)]
pub fn calculate(
    scenario: &str,
    weather_text: JsValue,
    load_text: JsValue,
    split: bool,
) -> Result<JsValue, JsValue> {
    // The files' texts (megabytes) bypass JSON: `js/api.js` takes them out of the scenario and each
    // is read here as UTF-8 bytes ([`file_text`]), then put back after parsing.
    let weather_text =
        file_text(&weather_text, crate::weather::check_size).map_err(|e| js_error(&e))?;
    let load_text =
        file_text(&load_text, crate::load::interval::check_size).map_err(|e| js_error(&e))?;
    let mut scenario = Scenario::from_json(scenario_text(scenario)?).map_err(|e| js_error(&e))?;
    if weather_text.is_some() {
        scenario.resource.text = weather_text;
    }
    if let Some(load) = scenario.usage.as_mut().and_then(|u| u.load.as_mut()) {
        if load_text.is_some() {
            load.text = load_text;
        }
    }
    let mut report = crate::calculate_owned(scenario).map_err(|e| js_error(&e))?;
    // Big series cross as a Float64Array, not an array of numbers.
    let hourly = report.energy.hourly_kwh.take();
    let hourly = hourly.map(|kwh| js_sys::Float64Array::from(&kwh[..]));
    if split {
        let split = crate::handoff::split(&mut report);
        let out = js_sys::JSON::parse(&split.text)?;
        let numbers = js_sys::Float64Array::from(&split.numbers[..]);
        js_sys::Reflect::set(&out, &2.into(), &numbers)?;
        if let Some(kwh) = hourly {
            js_sys::Reflect::set(&out, &3.into(), &kwh)?;
        }
        return Ok(out);
    }
    let out = to_js(&report)?;
    if let Some(kwh) = hourly {
        let energy = js_sys::Reflect::get(&out, &"energy".into())?;
        js_sys::Reflect::set(&energy, &"hourlyKwh".into(), &kwh)?;
    }
    Ok(out)
}

/// `sweepStorage(scenario: Scenario, grid: SweepGrid): SweepPoint[]`: the scenario's battery resized
/// to every power × duration of `grid`, with the returns of adding it to the PV; throws
/// `ScenarioError` (fields of the grid named `powersKw[i]`, `durationsH[i]`).
#[wasm_bindgen(js_name = sweepStorage, skip_typescript)]
pub fn sweep_storage(scenario: &str, grid: &str) -> Result<JsValue, JsValue> {
    // With its file texts (capped by `Scenario::from_json`).
    let scenario = Scenario::from_json(scenario).map_err(|e| js_error(&e))?;
    let grid: crate::storage::SweepGrid =
        crate::scenario::from_json_object(scenario_text(grid)?).map_err(|e| js_error(&e))?;
    let points = crate::sweep_storage(&scenario, &grid.powers_kw, &grid.durations_h)
        .map_err(|e| js_error(&e))?;
    to_js(&points)
}

/// `parseWeather(text: string | Uint8Array | ArrayBuffer, options?: WeatherOptions): WeatherSummary`
/// (the options as JSON text, `{}` for none); throws `ScenarioError`.
#[wasm_bindgen(js_name = parseWeather, skip_typescript)]
pub fn parse_weather(text: JsValue, options: &str) -> Result<JsValue, JsValue> {
    let Some(text) = file_text(&text, crate::weather::check_size).map_err(|e| js_error(&e))? else {
        return Err(js_error(&ScenarioError::new(
            codes::INVALID_TYPE,
            "text",
            "parseWeather expects the file's text as a string, Uint8Array or ArrayBuffer",
            "parseWeather 需要以字符串、Uint8Array 或 ArrayBuffer 形式传入文件内容",
        )));
    };
    let summary = crate::parse_weather_json(&text, scenario_text(options)?).map_err(|mut e| {
        // The readers name the scenario's field; here the file is the argument `text`.
        if e.field == "resource.text" {
            e.field = "text".to_string();
        }
        js_error(&e)
    })?;
    to_js(&summary)
}

/// `sizeRoof(input: RoofSizingInput): RoofSizing`; throws `ScenarioError`.
#[wasm_bindgen(js_name = sizeRoof, skip_typescript)]
pub fn size_roof(input: &str) -> Result<JsValue, JsValue> {
    let sizing = crate::size_roof_json(scenario_text(input)?).map_err(|e| js_error(&e))?;
    to_js(&sizing)
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
    if query.chars().count() > crate::caps::QUERY_CHARS {
        let e = crate::caps::too_long("query", query.chars().count(), crate::caps::QUERY_CHARS);
        return Err(js_error(&e));
    }
    to_js(&crate::climate::find(query))
}

/// `nearestStation(latitude, longitude): { station, distanceKm } | undefined`.
#[wasm_bindgen(js_name = nearestStation, skip_typescript)]
pub fn nearest_station(latitude: f64, longitude: f64) -> Result<JsValue, JsValue> {
    crate::check::between("latitude", latitude, -90.0, 90.0).map_err(|e| js_error(&e))?;
    crate::check::between("longitude", longitude, -180.0, 180.0).map_err(|e| js_error(&e))?;
    crate::climate::nearest(latitude, longitude).map_or(Ok(JsValue::UNDEFINED), |n| to_js(&n))
}

/// `stationClimate(id): StationClimate`: the monthly table and typical days of a station.
#[wasm_bindgen(js_name = stationClimate, skip_typescript)]
pub fn station_climate(id: &str) -> Result<JsValue, JsValue> {
    if id.chars().count() > crate::caps::QUERY_CHARS {
        let e = crate::caps::too_long("stationId", id.chars().count(), crate::caps::QUERY_CHARS);
        return Err(js_error(&e));
    }
    let climate = crate::climate::climate(id).map_err(|mut e| {
        // The core names the scenario's field; here the station id is the argument `stationId`.
        e.field = "stationId".to_string();
        for text in [&mut e.message, &mut e.message_zh] {
            if let Some(rest) = text.strip_prefix("resource.stationId") {
                *text = format!("stationId{rest}");
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
