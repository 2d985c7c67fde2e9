//! The one error type of the calculator: a stable machine `code`, the JSON path of the offending
//! `field` (as the caller spelled it, camelCase), and a message in English and in Chinese.

use std::fmt;

/// An invalid scenario or input file. Never a panic: every rejection reaches the caller as this value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// Stable identifier, e.g. `out_of_range`, `unknown_field`, `missing_field` (see [`codes`]).
    pub code: &'static str,
    /// JSON path of the offending value, e.g. `system.capacityKwp`; empty for the whole input.
    pub field: String,
    /// Explanation in English.
    pub message: String,
    /// Explanation in Chinese (zh-CN).
    pub message_zh: String,
}

/// The stable error codes.
pub mod codes {
    /// The input is not valid JSON (or not an object where one is needed).
    pub const INVALID_JSON: &str = "invalid_json";
    /// A value has the wrong JSON type (e.g. a string where a number belongs).
    pub const INVALID_TYPE: &str = "invalid_type";
    /// A required field is absent.
    pub const MISSING_FIELD: &str = "missing_field";
    /// A field name that the scenario does not know (often a typo).
    pub const UNKNOWN_FIELD: &str = "unknown_field";
    /// A string that must be one of a fixed set (mode, kind, method) is not.
    pub const UNKNOWN_VARIANT: &str = "unknown_variant";
    /// NaN or ±Infinity where a finite number is needed.
    pub const NOT_FINITE: &str = "not_finite";
    /// A number outside its allowed range.
    pub const OUT_OF_RANGE: &str = "out_of_range";
    /// An array with the wrong number of elements.
    pub const INVALID_LENGTH: &str = "invalid_length";
    /// A preset id that does not exist.
    pub const UNKNOWN_PRESET: &str = "unknown_preset";
    /// Two fields that cannot be given together, or a field that the chosen option does not use.
    pub const CONFLICT: &str = "conflict";
    /// A required part is incomplete: e.g. months that no time-of-use schedule row covers.
    pub const INCOMPLETE: &str = "incomplete";
    /// A load file that cannot be read: too large, wrong columns, a cell that is not a number or a time.
    pub const LOAD_FORMAT: &str = "load_format";
    /// A load file whose unit (kW or kWh) is unknown, or disagrees with `usage.load.unit`.
    pub const LOAD_UNIT: &str = "load_unit";
    /// Load rows that are not one regular series: gaps, repeats, backward or irregular steps.
    pub const LOAD_TIME: &str = "load_time";
    /// A load file that does not hold exactly one year.
    pub const LOAD_LENGTH: &str = "load_length";
    /// A load value that is missing, negative or implausible, or a load that is zero all year.
    pub const LOAD_VALUE: &str = "load_value";
    /// A weather file larger than the limit (50 MiB), refused before parsing.
    pub const WEATHER_TOO_LARGE: &str = "weather_too_large";
    /// A weather text that is not one of the known formats, or not the format asked for.
    pub const WEATHER_FORMAT: &str = "weather_format";
    /// A weather line that cannot be read: wrong column count, non-numeric cell, bad date.
    pub const WEATHER_PARSE: &str = "weather_parse";
    /// A weather file without a usable location (latitude, longitude, time zone).
    pub const WEATHER_LOCATION: &str = "weather_location";
    /// Weather rows that are not one regular year: irregular steps, gaps, duplicates, several years.
    pub const WEATHER_TIME: &str = "weather_time";
    /// A weather file that ends before its year is complete.
    pub const WEATHER_TRUNCATED: &str = "weather_truncated";
    /// A run of missing weather values too long to fill, or a required column absent.
    pub const WEATHER_MISSING_VALUES: &str = "weather_missing_values";
    /// A weather value outside its physical range.
    pub const WEATHER_OUT_OF_RANGE: &str = "weather_out_of_range";
    /// A built-in climate station id that does not exist (the message suggests three by name).
    pub const UNKNOWN_STATION: &str = "unknown_station";
    /// The embedded climate data cannot be decoded (never expected: every station is tested).
    pub const CLIMATE_DATA: &str = "climate_data";
    /// A choice the rules forbid: a connection mode the project category may not choose.
    pub const NOT_ALLOWED: &str = "not_allowed";
    /// An input above its size cap in bytes (the scenario's JSON; see [`crate::caps`]).
    pub const TOO_LARGE: &str = "too_large";
    /// Objects and arrays nested deeper than the cap.
    pub const TOO_DEEP: &str = "too_deep";
    /// More elements, properties or values than the cap.
    pub const TOO_MANY: &str = "too_many";
    /// A string longer than the cap.
    pub const TOO_LONG: &str = "too_long";
    /// A JavaScript property that cannot be read: its getter or Proxy trap throws.
    pub const UNREADABLE: &str = "unreadable";
}

impl ScenarioError {
    /// Builds an error from its parts.
    pub fn new(
        code: &'static str,
        field: impl Into<String>,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> Self {
        Self {
            code,
            field: field.into(),
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{} [{}]", self.message, self.code)
        } else {
            write!(f, "{}: {} [{}]", self.field, self.message, self.code)
        }
    }
}

impl std::error::Error for ScenarioError {}
