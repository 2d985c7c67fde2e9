//! The bottom of the core: what every layer may say to the caller besides numbers — texts in
//! English and Chinese, and warnings (not errors; those are [`crate::error::ScenarioError`]).

use serde::Serialize;

/// A text in English and Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bilingual {
    pub en: &'static str,
    pub zh: &'static str,
}

/// Shorthand for a [`Bilingual`] text.
pub const fn bi(en: &'static str, zh: &'static str) -> Bilingual {
    Bilingual { en, zh }
}

/// Something the reader should know about the figures (not an error).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Warning {
    pub code: &'static str,
    pub message: String,
    pub message_zh: String,
}

impl Warning {
    /// A warning with its stable `code` and its message in English and Chinese.
    pub fn new(code: &'static str, en: impl Into<String>, zh: impl Into<String>) -> Self {
        Self {
            code,
            message: en.into(),
            message_zh: zh.into(),
        }
    }
}
