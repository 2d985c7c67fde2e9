//! Utility exports recognised before the interval reader ([`super::interval`]): a layout that
//! reader would refuse as it comes (account lines above the header, a type column, start and end
//! times) is rewritten line for line into its `time,load_kWh` form, so that every later error
//! still names the line of the user's own file. Text in no known layout passes unchanged.
//!
//! - **Green Button "Download my data", interval CSV** (US utilities such as PG&E, PECO, PSE):
//!   account lines (`Name,…`, `Address,"…"`, `Account Number,…`, `Service,…`), a blank line, the
//!   header `TYPE,DATE,START TIME,END TIME,USAGE (kWh)[,COST],NOTES` and one row per interval,
//!   `Electric usage,2025-08-02,00:00,00:14,0.12,$0.03,` (hourly rows end at `:59`). Each row's
//!   usage [kWh] is read at its start time; cost and notes are ignored; only `Electric usage`
//!   rows are accepted. The billing-history export of the same sites
//!   (`TYPE,START DATE,END DATE,USAGE (kWh),…`, one row per bill) is refused with a pointer to
//!   monthly totals. Layout as shown in public parsers' documentation and test fixtures of these
//!   exports (ericoc/energytable, a PG&E Green Button parser, a PSE fixture), not in a utility's
//!   own specification.
//!
//! Not recognised, for want of a documented layout: the 网上国网 app's 15-minute export and a
//! Chinese utility's bill export (the app's documented data are daily totals and daily
//! peak/valley energy); such files are read by [`super::interval`] as they are.

use std::borrow::Cow;

use super::interval::FIELD;
use crate::diag::Warning;
use crate::error::{codes, ScenarioError};

/// The first five header cells of a Green Button interval export (ASCII, lower case).
const INTERVAL_HEADER: [&str; 5] = ["type", "date", "start time", "end time", "usage (kwh)"];
/// The first four of its billing-history export.
const BILLING_HEADER: [&str; 4] = ["type", "start date", "end date", "usage (kwh)"];
/// Lines searched for the header (the account block above it is a handful of lines).
const HEADER_WITHIN: usize = 20;

fn error(line: usize, en: String, zh: String) -> ScenarioError {
    ScenarioError::new(
        codes::LOAD_FORMAT,
        FIELD,
        format!("{FIELD} line {line}: {en}"),
        format!("{FIELD} 第 {line} 行：{zh}"),
    )
}

/// Whether the comma-separated `line` starts with the cells `names` (trimmed, ASCII case folded).
fn starts_with_cells(line: &str, names: &[&str]) -> bool {
    let mut cells = line.split(',');
    names.iter().all(|n| {
        cells
            .next()
            .is_some_and(|c| c.trim().trim_matches('"').eq_ignore_ascii_case(n))
    })
}

/// The text in the interval reader's form, and a warning naming the layout when one was recognised.
pub fn recognise(text: &str) -> Result<(Cow<'_, str>, Option<Warning>), ScenarioError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = body.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut head = lines.iter().take(HEADER_WITHIN);
    if let Some(i) = head
        .clone()
        .position(|l| starts_with_cells(l, &BILLING_HEADER))
    {
        return Err(error(
            i + 1,
            "a billing-history export (one row per bill period) holds no intervals: enter its totals as twelve monthly \
             values (usage.load.kind `monthly`), or export the interval data instead"
                .into(),
            "这是按账单周期的电费历史导出（每期一行），没有分时数据：请把各月用电量填为 12 个月的数值（usage.load.kind `monthly`），\
             或改为导出分时数据"
                .into(),
        ));
    }
    let Some(h) = head.position(|l| starts_with_cells(l, &INTERVAL_HEADER)) else {
        return Ok((Cow::Borrowed(text), None));
    };
    // The account block above the header becomes comment lines: the line count stays the same.
    let mut out = "#\n".repeat(h);
    out.push_str("time,load_kWh");
    for (k, line) in lines.iter().enumerate().skip(h + 1) {
        out.push('\n');
        if line.trim().is_empty() {
            continue;
        }
        // TYPE, DATE, START TIME, END TIME, USAGE come before the cost and notes (which may be quoted).
        let mut cells = line.splitn(6, ',').map(str::trim);
        let (Some(kind), Some(date), Some(start), Some(_), Some(kwh)) = (
            cells.next(),
            cells.next(),
            cells.next(),
            cells.next(),
            cells.next(),
        ) else {
            return Err(error(
                k + 1,
                "a Green Button interval row needs TYPE, DATE, START TIME, END TIME and USAGE (kWh)".into(),
                "Green Button 分时导出每行应有 TYPE、DATE、START TIME、END TIME 和 USAGE (kWh)".into(),
            ));
        };
        if !kind.eq_ignore_ascii_case("electric usage") {
            return Err(error(
                k + 1,
                format!("a `{kind}` row: only `Electric usage` rows are read"),
                format!("`{kind}` 行：只读取 `Electric usage`（用电）行"),
            ));
        }
        out.push_str(date);
        out.push(' ');
        out.push_str(start);
        out.push(',');
        out.push_str(kwh);
    }
    let warning = Warning::new(
        "load_export_green_button",
        format!(
            "Read as a Green Button interval export: the {h} account lines above the header are skipped, each row's \
             USAGE (kWh) is taken at its START TIME, cost and notes are ignored."
        ),
        format!("按 Green Button 分时导出读取：跳过表头上方的 {h} 行账户信息，每行 USAGE (kWh) 计在 START TIME 时刻，费用和备注不计。"),
    );
    Ok((Cow::Owned(out), Some(warning)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The documented layout: four account lines, a blank line, the header with COST, two rows.
    const PGE: &str = "\u{feff}Name,JANE DOE\nAddress,\"123 EXAMPLE ST, CITY CA 90000\"\nAccount Number,0000000000\n\
        Service,Service 1\n\nTYPE,DATE,START TIME,END TIME,USAGE (kWh),COST,NOTES\n\
        Electric usage,2025-08-02,00:00,00:14,0.12,$0.03,\n\
        Electric usage,2025-08-02,00:15,00:29,0.15,$0.03,* This data was estimated\n";

    #[test]
    fn a_green_button_export_keeps_its_line_numbers() {
        let (text, w) = recognise(PGE).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        // Lines 1–5 (account block and blank line) are comments, 6 the header, 7–8 the rows.
        assert_eq!(&lines[..5], &["#"; 5]);
        assert_eq!(lines[5], "time,load_kWh");
        assert_eq!(lines[6], "2025-08-02 00:00,0.12");
        assert_eq!(lines[7], "2025-08-02 00:15,0.15");
        assert_eq!(lines.len(), PGE.split('\n').count());
        assert_eq!(w.unwrap().code, "load_export_green_button");
    }

    #[test]
    fn the_peco_layout_without_cost_is_read_too() {
        let peco = "Name,WILLIAM PENN\nAddress,\"1 S BROAD ST, PHILADELPHIA PA 19112\"\nAccount Number,1776xxxxxx\n\
            Service,Service 1\nTYPE,DATE,START TIME,END TIME,USAGE (kWh),NOTES\n\
            Electric usage,2023-07-04,00:00,00:59,0.29\n";
        let (text, _) = recognise(peco).unwrap();
        assert_eq!(text.split('\n').nth(5), Some("2023-07-04 00:00,0.29"));
    }

    #[test]
    fn other_rows_and_the_billing_export_are_refused_at_their_line() {
        let gas = PGE.replace(
            "Electric usage,2025-08-02,00:15",
            "Gas usage,2025-08-02,00:15",
        );
        let e = recognise(&gas).unwrap_err();
        assert_eq!(e.code, codes::LOAD_FORMAT);
        assert!(
            e.message.contains("line 8: a `Gas usage` row"),
            "{}",
            e.message
        );
        let short = PGE.replace(",00:14,0.12,$0.03,", "");
        assert!(recognise(&short)
            .unwrap_err()
            .message
            .contains("line 7: a Green Button interval row needs"));
        let bills = "Name,X\n\nTYPE,START DATE,END DATE,USAGE (kWh),COST,NOTES\nElectric billing,2026-01-01,2026-02-01,30.00,$10.00,\n";
        let e = recognise(bills).unwrap_err();
        assert!(
            e.message.contains("line 3: a billing-history export"),
            "{}",
            e.message
        );
    }

    #[test]
    fn other_text_passes_unchanged() {
        let plain = "time,load_kW\n2025-01-01 00:00,5\n";
        let (text, w) = recognise(plain).unwrap();
        assert!(matches!(text, Cow::Borrowed(t) if t == plain));
        assert!(w.is_none());
    }
}
