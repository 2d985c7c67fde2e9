//! A report for the JavaScript binding with its numeric tables apart from its JSON text (issue 10:
//! writing the shortest digits of the per-year and per-month rows, and `JSON.parse` reading them
//! back, were most of a small `calculate()`). Each table whose rows have the same fields, all
//! finite numbers, crosses as plain `f64`s in one list, and the text holds `[]` in its place;
//! `js/api.js` rebuilds the rows with the same keys in the same order, bit for bit (a JSON number's
//! shortest digits read back to the same `f64`). A table with a non-finite number, or with rows
//! whose optional fields differ, stays in the text (where a non-finite number is `null`).

use std::fmt::Write;

use crate::report::{CashFlowYear, Report, StorageMonth, UsagePart, YearKwh};

/// The report as `[report, tables]` JSON text and the tables' numbers.
pub struct Split {
    /// `[report, tables]`: the report as [`crate::json_text::to_string`] writes it but with `[]` for
    /// each table taken out, and `tables` a list of `[path, keys, rows, start]`: the keys from the
    /// top to the table, its rows' keys joined by `,`, the number of rows and where their numbers
    /// start in `numbers`.
    pub text: String,
    /// The tables' numbers, row after row, each row's fields in key order.
    pub numbers: Vec<f64>,
}

/// A row of a report table: its fields in the order serde writes them, with their serde (camelCase)
/// names, `None` for a skipped optional field. (tests/json_text.rs checks both against serde.)
pub trait Row {
    fn fields(&self, field: &mut dyn FnMut(&'static str, Option<f64>));
}

impl Row for YearKwh {
    fn fields(&self, field: &mut dyn FnMut(&'static str, Option<f64>)) {
        field("year", Some(self.year.into()));
        field("kwh", Some(self.kwh));
    }
}

impl Row for UsagePart {
    fn fields(&self, field: &mut dyn FnMut(&'static str, Option<f64>)) {
        field("index", Some(self.index.into()));
        field("generationKwh", Some(self.generation_kwh));
        field("selfUsedKwh", Some(self.self_used_kwh));
        field("exportedKwh", Some(self.exported_kwh));
        field("curtailedKwh", Some(self.curtailed_kwh));
        field("loadKwh", self.load_kwh);
        field("gridImportKwh", self.grid_import_kwh);
    }
}

impl Row for CashFlowYear {
    fn fields(&self, field: &mut dyn FnMut(&'static str, Option<f64>)) {
        field("year", Some(self.year.into()));
        field("generationKwh", Some(self.generation_kwh));
        field("selfUsedKwh", Some(self.self_used_kwh));
        field("exportedKwh", Some(self.exported_kwh));
        field("curtailedKwh", Some(self.curtailed_kwh));
        field("selfUseYuan", Some(self.self_use_yuan));
        field("exportYuan", Some(self.export_yuan));
        field("roofRentYuan", Some(self.roof_rent_yuan));
        field("savingsYuan", Some(self.savings_yuan));
        field("investmentYuan", Some(self.investment_yuan));
        field("omYuan", Some(self.om_yuan));
        field("inverterYuan", Some(self.inverter_yuan));
        field("loanInterestYuan", Some(self.loan_interest_yuan));
        field("loanPrincipalYuan", Some(self.loan_principal_yuan));
        field("taxYuan", Some(self.tax_yuan));
        field("vatYuan", Some(self.vat_yuan));
        field("vatSurchargesYuan", Some(self.vat_surcharges_yuan));
        field("demandChargeYuan", self.demand_charge_yuan);
        field("costsYuan", Some(self.costs_yuan));
        field("netCashFlowYuan", Some(self.net_cash_flow_yuan));
        field("cumulativeYuan", Some(self.cumulative_yuan));
    }
}

impl Row for StorageMonth {
    fn fields(&self, field: &mut dyn FnMut(&'static str, Option<f64>)) {
        field("month", Some(self.month.into()));
        field("chargeKwh", Some(self.charge_kwh));
        field("dischargeKwh", Some(self.discharge_kwh));
        field("lossesKwh", Some(self.losses_kwh));
        field("cycles", Some(self.cycles));
        field("peakGridKw", Some(self.peak_grid_kw));
        field("peakGridPvOnlyKw", Some(self.peak_grid_pv_only_kw));
        field("peakLoadKw", Some(self.peak_load_kw));
    }
}

/// The tables taken out so far: their descriptions (JSON, comma-separated) and numbers.
#[derive(Default)]
struct Tables {
    list: String,
    numbers: Vec<f64>,
}

impl Tables {
    /// Takes `rows` out (leaving them empty) when every row has the first row's fields, all finite;
    /// `path` is the JSON array of the keys leading to them.
    fn take<R: Row>(&mut self, path: &str, rows: &mut Vec<R>) {
        let rows_ref: &[R] = rows;
        if self.fits(path, rows.len(), &|i| &rows_ref[i]) {
            rows.clear();
        }
    }

    /// Whether the `count` rows `row(0)`… fit a table: if so their numbers and description are added.
    fn fits<'r>(&mut self, path: &str, count: usize, row: &dyn Fn(usize) -> &'r dyn Row) -> bool {
        let start = self.numbers.len();
        let mut keys: Vec<&'static str> = Vec::new();
        let mut fits = true;
        for r in 0..count {
            let mut at = 0;
            row(r).fields(&mut |key, value| {
                let Some(v) = value else { return };
                if r == 0 {
                    keys.push(key);
                }
                // The same field of every row: the same literal (compared by address).
                fits &= v.is_finite() && keys.get(at).is_some_and(|k| std::ptr::eq(*k, key));
                at += 1;
                self.numbers.push(v);
            });
            fits &= at == keys.len();
        }
        if !fits || count == 0 {
            self.numbers.truncate(start);
            return false;
        }
        // Keys and paths are Rust identifiers in camelCase: nothing in them to escape.
        let sep = if self.list.is_empty() { "" } else { "," };
        let keys = keys.join(",");
        let _ = write!(self.list, "{sep}[{path},\"{keys}\",{count},{start}]");
        true
    }
}

/// `report` as a [`Split`] (its tables are taken out of it).
pub fn split(report: &mut Report) -> Split {
    let mut t = Tables::default();
    t.take(r#"["energy","byYear"]"#, &mut report.energy.by_year);
    t.take(r#"["usage","byMonth"]"#, &mut report.usage.by_month);
    t.take(
        r#"["usage","byHourOfDay"]"#,
        &mut report.usage.by_hour_of_day,
    );
    t.take(r#"["money","byYear"]"#, &mut report.money.by_year);
    if let Some(investor) = report.money.investor.as_mut() {
        t.take(r#"["money","investor","byYear"]"#, &mut investor.by_year);
    }
    if let Some(storage) = report.storage.as_mut() {
        t.take(r#"["storage","byMonth"]"#, &mut storage.by_month);
    }
    let report = crate::json_text::to_string(report);
    Split {
        text: format!("[{report},[{}]]", t.list),
        numbers: t.numbers,
    }
}
