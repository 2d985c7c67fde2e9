//! A battery behind the site meter (AC-coupled after the PV inverter), dispatched hour by hour on
//! the same 8,760 hours as the PV, the load and the tariff, every year of the lifetime:
//! [`spec`] what the scenario says, [`battery`] the resolved battery and a year's limits, [`flow`]
//! the balance of one hour, [`rules`] the rule-based modes, [`optimal`] the least-cost day,
//! [`health`] the capacity fade and replacement, [`dispatch`] one year in the chosen mode.
//! The money of the battery is in [`crate::money`].

pub mod battery;
pub mod dispatch;
pub mod flow;
pub mod health;
pub mod optimal;
pub mod rules;
pub mod spec;

pub use battery::{Battery, Limits, Replacement};
pub use flow::{Hour, SiteYear};
pub use spec::{DispatchMode, Storage, StorageInvestor, SweepGrid};
