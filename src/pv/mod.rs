//! From light on the plane to AC power: cell temperature, the CEC single-diode module, row
//! self-shading, lumped DC losses, the inverter, and the chain that strings them together
//! (PVWatts v8 for fixed arrays, several planes on one inverter).

pub mod chain;
pub mod inverter;
pub mod losses;
pub mod module;
pub mod shading;
pub mod temperature;

pub use chain::{simulate, EnergyTotals, HourlyResult, Mounting, Plane, SystemSpec};
pub use module::ModuleType;
