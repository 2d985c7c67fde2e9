//! The JavaScript binding: the only module that knows about wasm-bindgen. Scenarios arrive as plain
//! JS objects, reports leave as plain JS objects, and every error is a JS `Error` named
//! `ScenarioError` with `code`, `field` and `messageZh` — never a trap.
//! The TypeScript surface is written by hand in `js/rooftop-pv.d.ts`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::scenario::{deserialize_error, Scenario};
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

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// `calculate(scenario: Scenario): Report`; throws `ScenarioError`.
#[wasm_bindgen(js_name = calculate, skip_typescript)]
pub fn calculate(scenario: JsValue) -> Result<JsValue, JsValue> {
    let de = serde_wasm_bindgen::Deserializer::from(scenario);
    let scenario: Scenario = serde_path_to_error::deserialize(de).map_err(|e| {
        js_error(&deserialize_error(
            e.path().to_string(),
            &e.into_inner().to_string(),
        ))
    })?;
    let report = crate::calculate(&scenario).map_err(|e| js_error(&e))?;
    to_js(&report)
}

/// `presets(): Presets`.
#[wasm_bindgen(js_name = presets, skip_typescript)]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(&crate::presets())
}

/// `version(): string`.
#[wasm_bindgen(js_name = version, skip_typescript)]
pub fn version() -> String {
    crate::version().to_string()
}
