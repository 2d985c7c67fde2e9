//! The rules a rooftop built from 2025 on is priced under: project categories (NEA 2025 measures),
//! Document 136 export prices, provincial facts, and VAT.

pub mod benchmarks;
pub mod category;
pub mod check;
pub mod export_price;
pub mod provinces;
pub mod tou_presets;
pub mod vat;
