//! The lean single-pass readers give exactly the weather of the full validating path
//! (`weather::parse_validating`) — on every fixture file, on variants of them (line ends, blank
//! lines, missing values, albedo, odd cells the lean path leaves to the full one), and the same
//! errors on broken files; and `weather::text_of` is `String::from_utf8_lossy`.

mod weather_common;

use rooftop_pv::weather::{self, parse_bytes, parse_validating, parse_with, ParseOptions};
use weather_common::*;

/// Both paths, on the text and on its bytes: the same weather, or the same error.
fn same_both_ways(name: &str, text: &str, options: &ParseOptions) {
    let full = parse_validating(text, options);
    let lean = parse_with(text, options);
    assert_eq!(lean, full, "{name}: lean and full readers differ");
    let bytes = parse_bytes(text.as_bytes(), options);
    assert_eq!(bytes, full, "{name}: bytes and text differ");
}

/// Each variant reads, the same by both paths.
fn all_read_the_same(variants: &[(&str, String)], opts: &ParseOptions) {
    for (name, v) in variants {
        assert!(parse_with(v, opts).is_ok(), "{name} should read");
        same_both_ways(name, v, opts);
    }
}

/// Each variant is refused at the weather text, with the same error by both paths.
fn all_fail_the_same(variants: &[(&str, String)], opts: &ParseOptions) {
    for (name, v) in variants {
        let e = parse_with(v, opts).expect_err(name);
        assert_eq!(e.field, "resource.text", "{name}");
        same_both_ways(name, v, opts);
    }
}

fn fixtures() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = CSWD.iter().map(|f| (f.to_string(), shared(f))).collect();
    for f in ["723170TYA.CSV", "703165TY.csv", "12839.tm2"] {
        v.push((f.to_string(), pvlib(f)));
    }
    v.push(("psm3 served".into(), psm3_served()));
    let (csv, json) = pvgis_from_datong();
    v.push(("pvgis csv".into(), csv));
    v.push(("pvgis json".into(), json));
    v
}

#[test]
fn every_fixture_reads_the_same_by_both_paths() {
    for (name, text) in fixtures() {
        same_both_ways(&name, &text, &ParseOptions::default());
    }
    let bare = shared("test_psm3_tmy-2017.csv");
    let located = ParseOptions {
        fallback_location: Some(weather::Location {
            name: String::new(),
            latitude: 40.5137,
            longitude: -108.5449,
            timezone_h: -7.0,
            elevation_m: 1900.0,
        }),
        ..ParseOptions::default()
    };
    same_both_ways("bare psm3", &bare, &located);
}

/// The Datong EPW with data row `k` (0-based) passed through `edit`.
fn datong_with(edit: impl Fn(usize, &mut Vec<String>)) -> String {
    let text = shared(DATONG);
    let (head, rows) = epw_rows(&text);
    let mut out = head.join("\n");
    out.push('\n');
    for (k, r) in rows.iter().enumerate() {
        let mut cells: Vec<String> = r.iter().map(|c| c.to_string()).collect();
        edit(k, &mut cells);
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

#[test]
fn epw_variants_read_the_same_by_both_paths() {
    let text = shared(DATONG);
    let opts = ParseOptions::default();
    let variants: Vec<(&str, String)> = vec![
        ("crlf", text.replace('\n', "\r\n")),
        ("bom", format!("\u{feff}{text}")),
        ("no final newline", text.trim_end().to_string()),
        ("blank lines", format!("{text}\n\r\n\n")),
        (
            "blank line inside",
            text.replacen("\n2005,1,1,5,", "\n\n2005,1,1,5,", 1),
        ),
        (
            "missing values",
            datong_with(|k, c| {
                if (100..102).contains(&k) {
                    c[13] = "9999".into();
                    c[6] = "99.9".into();
                    c[9] = "999999".into();
                    c[21] = "999".into();
                }
            }),
        ),
        (
            "albedo empty",
            datong_with(|k, c| {
                if k == 7 {
                    c[32] = String::new();
                }
            }),
        ),
        (
            "albedo everywhere",
            datong_with(|_, c| c[32] = "0.23".into()),
        ),
        ("albedo a word", datong_with(|_, c| c[32] = "n/a".into())),
        (
            "non-ASCII in a skipped field",
            datong_with(|k, c| {
                if k % 3 == 0 {
                    c[5] = "?9?9长城".into();
                }
            }),
        ),
        (
            "spaces around a number",
            datong_with(|k, c| {
                if k == 5000 {
                    c[13] = format!(" {} ", c[13]);
                }
            }),
        ),
        (
            "exponent",
            datong_with(|k, c| {
                if k == 6000 {
                    c[14] = "1e2".into();
                }
            }),
        ),
        (
            "plus signs and leading zeros",
            datong_with(|k, c| {
                if k == 300 {
                    c[1] = "+01".into();
                    c[6] = "+0.5".into();
                }
            }),
        ),
        ("22 fields", datong_with(|_, c| c.truncate(22))),
        (
            "long numbers",
            datong_with(|k, c| {
                if k == 4000 {
                    c[15] = "123.4567890123456789".into();
                }
            }),
        ),
        // The lean path passes over bytes that repeat the line before (date, flags, fields 24 to
        // the end): lines that repeat them in part, or change them hour by hour.
        (
            "flags change every other hour",
            datong_with(|k, c| {
                if k % 2 == 1 {
                    c[5] = "A7A7".into();
                }
            }),
        ),
        (
            "fields 24-34 change now and then",
            datong_with(|k, c| match k % 7 {
                0 => c[32] = "0.21".into(),
                3 => c[34] = "1.5".into(),
                5 => c[24] = "12.5".into(),
                _ => {}
            }),
        ),
        (
            "the last line repeats the rest of the one before without a newline",
            datong_with(|_, _| {}).trim_end().to_string(),
        ),
        (
            "line ends change from LF to CRLF midway",
            datong_with(|k, c| {
                if k >= 4000 {
                    let last = c.len() - 1;
                    c[last].push('\r');
                }
            }),
        ),
    ];
    all_read_the_same(&variants, &opts);
}

#[test]
fn broken_epw_files_give_the_same_errors_by_both_paths() {
    let opts = ParseOptions::default();
    let variants: Vec<(&str, String)> = vec![
        (
            "a word",
            datong_with(|k, c| {
                if k == 12 {
                    c[14] = "abc".into()
                }
            }),
        ),
        (
            "a field short",
            datong_with(|k, c| {
                if k == 99 {
                    c.pop();
                }
            }),
        ),
        (
            "too few fields",
            datong_with(|k, c| {
                if k == 0 {
                    c.truncate(20)
                }
            }),
        ),
        (
            "bad hour",
            datong_with(|k, c| {
                if k == 40 {
                    c[3] = "25".into()
                }
            }),
        ),
        (
            "bad date",
            datong_with(|k, c| {
                if k == 41 {
                    c[2] = "32".into()
                }
            }),
        ),
        (
            "hour with a fraction",
            datong_with(|k, c| {
                if k == 42 {
                    c[3] = "3.".into()
                }
            }),
        ),
        (
            "out of range",
            datong_with(|k, c| {
                if k == 4321 {
                    c[13] = "2500".into()
                }
            }),
        ),
        (
            "long gap",
            datong_with(|k, c| {
                if (10..20).contains(&k) {
                    c[14] = "9999".into()
                }
            }),
        ),
        (
            "repeated row",
            datong_with(|k, c| {
                if k == 10 {
                    c[3] = "10".into()
                }
            }),
        ),
        (
            "a stray carriage return",
            datong_with(|k, c| {
                if k == 2 {
                    c[21] = "1\r5".into()
                }
            }),
        ),
        (
            "a field more after lines whose fields 24-34 repeat",
            datong_with(|k, c| {
                if k == 500 {
                    c.push("1".into());
                }
            }),
        ),
        (
            "a field lost among fields 24-34 of a repeating run",
            datong_with(|k, c| {
                if k == 501 {
                    c.remove(30);
                }
            }),
        ),
        (
            "a comma inside repeated flags",
            datong_with(|k, c| {
                if k == 700 {
                    c[5] = c[5].replacen('9', ",", 1);
                }
            }),
        ),
        (
            "29 February in a non-leap year after a run of repeated dates",
            datong_with(|k, c| {
                if (1416..1440).contains(&k) {
                    c[1] = "2".into();
                    c[2] = "29".into();
                }
            }),
        ),
        (
            "truncated",
            shared(DATONG)
                .lines()
                .take(500)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ];
    all_fail_the_same(&variants, &opts);
}

#[test]
fn text_of_is_from_utf8_lossy() {
    let mut samples: Vec<Vec<u8>> = vec![
        b"plain ascii".to_vec(),
        "大同 UTF-8".as_bytes().to_vec(),
        vec![0xB4, 0xF3, 0xCD, 0xAC, b',', b'1'], // 大同 in GBK
        vec![0xE4, 0xB8, b',', 0xFF, 0xF0, 0x9F, 0x98],
        vec![0xC0, 0x80, 0xED, 0xA0, 0x80, b'x'],
    ];
    // Every short sequence over a few interesting bytes.
    let alphabet = [b'a', b',', 0x80, 0xBF, 0xC3, 0xE4, 0xF0, 0xFF];
    for n in 0..4096u32 {
        samples.push(
            (0..4)
                .map(|k| alphabet[(n >> (3 * k) & 7) as usize])
                .collect(),
        );
    }
    for s in &samples {
        assert_eq!(weather::text_of(s), String::from_utf8_lossy(s), "{s:?}");
    }
}

/// The Greensboro TMY3 file with data row `k` (0-based) passed through `edit`.
fn tmy3_with(edit: impl Fn(usize, &mut Vec<String>)) -> String {
    let text = pvlib("723170TYA.CSV");
    let mut lines = text.lines();
    let mut out = format!("{}\n{}\n", lines.next().unwrap(), lines.next().unwrap());
    for (k, line) in lines.filter(|l| !l.trim().is_empty()).enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        edit(k, &mut cells);
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// Column of the Greensboro file's header named `name`.
fn tmy3_col(name: &str) -> usize {
    let text = pvlib("723170TYA.CSV");
    let header = text.lines().nth(1).unwrap();
    header
        .split(',')
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn tmy3_variants_read_the_same_by_both_paths() {
    let text = pvlib("723170TYA.CSV");
    let opts = ParseOptions::default();
    let (ghi, dni, temp) = (
        tmy3_col("GHI (W/m^2)"),
        tmy3_col("DNI (W/m^2)"),
        tmy3_col("Dry-bulb (C)"),
    );
    let (alb, alb_src) = (tmy3_col("Alb (unitless)"), tmy3_col("Alb source"));
    let variants: Vec<(&str, String)> = vec![
        ("as served", text.clone()),
        ("crlf", text.replace('\n', "\r\n")),
        ("no final newline", text.trim_end().to_string()),
        ("blank lines", format!("{text}\n\r\n\n")),
        (
            "missing values",
            tmy3_with(|k, c| {
                if (100..102).contains(&k) {
                    c[ghi] = "-9900".into();
                    c[temp] = "-9900".into();
                }
            }),
        ),
        (
            "albedo known",
            tmy3_with(|k, c| {
                c[alb] = "0.180".into();
                c[alb_src] = if k % 5 == 0 { "?" } else { "F" }.into();
            }),
        ),
        ("albedo empty", tmy3_with(|_, c| c[alb] = String::new())),
        (
            "the date written two ways hour by hour",
            tmy3_with(|k, c| {
                if k % 2 == 0 {
                    c[0] = c[0].trim_start_matches('0').to_string();
                }
            }),
        ),
        ("albedo a word", tmy3_with(|_, c| c[alb] = "n/a".into())),
        (
            "spaces around a number",
            tmy3_with(|k, c| {
                if k == 5000 {
                    c[dni] = format!(" {} ", c[dni]);
                }
            }),
        ),
        (
            "exponent",
            tmy3_with(|k, c| {
                if k == 6000 {
                    c[ghi] = "1e2".into();
                }
            }),
        ),
        (
            "hours from 00:00 (interval start)",
            tmy3_with(|_, c| {
                let h: u32 = c[1][..2].parse().unwrap();
                c[1] = format!("{:02}:00", h - 1);
            }),
        ),
        (
            "unpadded date",
            tmy3_with(|k, c| {
                if k == 10 {
                    c[0] = c[0].replacen("01/", "1/", 1);
                }
            }),
        ),
    ];
    all_read_the_same(&variants, &opts);
}

#[test]
fn broken_tmy3_files_give_the_same_errors_by_both_paths() {
    let opts = ParseOptions::default();
    let ghi = tmy3_col("GHI (W/m^2)");
    let variants: Vec<(&str, String)> = vec![
        (
            "month 13 after hours of repeated dates",
            tmy3_with(|k, c| {
                if k == 30 {
                    c[0] = c[0].replacen("01/", "13/", 1);
                }
            }),
        ),
        (
            "a word",
            tmy3_with(|k, c| {
                if k == 12 {
                    c[ghi] = "abc".into()
                }
            }),
        ),
        (
            "a field short",
            tmy3_with(|k, c| {
                if k == 99 {
                    c.pop();
                }
            }),
        ),
        (
            "a field more",
            tmy3_with(|k, c| {
                if k == 98 {
                    c.push("1".into());
                }
            }),
        ),
        (
            "half hour",
            tmy3_with(|k, c| {
                if k == 40 {
                    c[1] = "03:30".into()
                }
            }),
        ),
        (
            "hour 25",
            tmy3_with(|k, c| {
                if k == 41 {
                    c[1] = "25:00".into()
                }
            }),
        ),
        (
            "bad date",
            tmy3_with(|k, c| {
                if k == 42 {
                    c[0] = "02/30/1988".into()
                }
            }),
        ),
        (
            "24:00 in a file from 00:00",
            tmy3_with(|k, c| {
                let h: u32 = c[1][..2].parse().unwrap();
                c[1] = format!("{:02}:00", if k == 50 { 24 } else { h - 1 });
            }),
        ),
        (
            "out of range",
            tmy3_with(|k, c| {
                if k == 4321 {
                    c[ghi] = "2500".into()
                }
            }),
        ),
        (
            "long gap",
            tmy3_with(|k, c| {
                if (4000..4010).contains(&k) {
                    c[ghi] = "-9900".into()
                }
            }),
        ),
    ];
    all_fail_the_same(&variants, &opts);
}

/// The served PSM3 file (two metadata lines, the column header) with data row `k` (0-based)
/// passed through `edit`; `col` finds a column by name.
fn psm3_with(edit: impl Fn(usize, &mut Vec<String>)) -> String {
    let text = psm3_served();
    let mut lines = text.lines();
    let mut out = String::new();
    for _ in 0..3 {
        out.push_str(lines.next().unwrap());
        out.push('\n');
    }
    for (k, line) in lines.enumerate() {
        let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
        edit(k, &mut cells);
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn psm3_col(name: &str) -> usize {
    let text = psm3_served();
    let header = text.lines().nth(2).unwrap();
    header
        .split(',')
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("{name}"))
}

#[test]
fn psm3_variants_read_the_same_by_both_paths() {
    let text = psm3_served();
    let opts = ParseOptions::default();
    let (ghi, dni, temp, hour) = (
        psm3_col("GHI"),
        psm3_col("DNI"),
        psm3_col("Temperature"),
        psm3_col("Hour"),
    );
    let variants: Vec<(&str, String)> = vec![
        ("crlf", text.replace('\n', "\r\n")),
        ("no final newline", text.trim_end().to_string()),
        ("blank lines", format!("{text}\n\r\n\n")),
        (
            "missing values",
            psm3_with(|k, c| {
                if (100..102).contains(&k) {
                    c[ghi] = String::new();
                    c[temp] = "-999".into();
                }
            }),
        ),
        (
            "NaN cells",
            psm3_with(|k, c| {
                if k == 200 {
                    c[dni] = "NaN".into();
                }
            }),
        ),
        (
            "spaces around a number",
            psm3_with(|k, c| {
                if k == 5000 {
                    c[dni] = format!(" {} ", c[dni]);
                }
            }),
        ),
        (
            "hours 1–24",
            psm3_with(|_, c| {
                let h: u32 = c[hour].parse().unwrap();
                c[hour] = (h + 1).to_string();
            }),
        ),
        (
            "plus signs",
            psm3_with(|k, c| {
                if k == 300 {
                    c[hour] = format!("+{}", c[hour]);
                    c[ghi] = format!("+{}", c[ghi]);
                }
            }),
        ),
        // The lean path compares the leading date cells where they repeat the line before's.
        (
            "the date written two ways hour by hour",
            psm3_with(|k, c| {
                if k % 3 == 0 {
                    let month = psm3_col("Month");
                    c[month] = format!("0{}", c[month]);
                }
            }),
        ),
    ];
    all_read_the_same(&variants, &opts);
}

#[test]
fn broken_psm3_files_give_the_same_errors_by_both_paths() {
    let opts = ParseOptions::default();
    let (ghi, hour, minute) = (psm3_col("GHI"), psm3_col("Hour"), psm3_col("Minute"));
    let variants: Vec<(&str, String)> = vec![
        (
            "29 February 2003 for a whole day of repeated dates",
            psm3_with(|k, c| {
                if (1416..1440).contains(&k) {
                    c[psm3_col("Month")] = "2".into();
                    c[psm3_col("Day")] = "29".into();
                }
            }),
        ),
        (
            "a word",
            psm3_with(|k, c| {
                if k == 12 {
                    c[ghi] = "abc".into()
                }
            }),
        ),
        (
            "a field short",
            psm3_with(|k, c| {
                if k == 99 {
                    c.pop();
                }
            }),
        ),
        (
            "a field more",
            psm3_with(|k, c| {
                if k == 98 {
                    c.push("1".into());
                }
            }),
        ),
        (
            "hour 25",
            psm3_with(|k, c| {
                if k == 41 {
                    c[hour] = "25".into()
                }
            }),
        ),
        (
            "minute 60",
            psm3_with(|k, c| {
                if k == 43 {
                    c[minute] = "60".into()
                }
            }),
        ),
        (
            "hour 0 and 24",
            psm3_with(|k, c| {
                if k == 23 {
                    c[hour] = "24".into()
                }
            }),
        ),
        (
            "out of range",
            psm3_with(|k, c| {
                if k == 4321 {
                    c[ghi] = "2500".into()
                }
            }),
        ),
        (
            "long gap",
            psm3_with(|k, c| {
                if (4000..4010).contains(&k) {
                    c[ghi] = String::new()
                }
            }),
        ),
    ];
    all_fail_the_same(&variants, &opts);
}

/// The Miami TMY2 file with data line `k` (0-based) passed through `edit`.
fn tmy2_with(edit: impl Fn(usize, &mut String)) -> String {
    let text = pvlib("12839.tm2");
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for (k, line) in lines.enumerate() {
        let mut l = line.to_string();
        edit(k, &mut l);
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// `line` with the bytes `a..b` (a fixed-width cell) replaced by `cell`.
fn put(line: &mut String, a: usize, b: usize, cell: &str) {
    line.replace_range(a..b, cell);
}

#[test]
fn tmy2_variants_read_the_same_by_both_paths() {
    let text = pvlib("12839.tm2");
    let opts = ParseOptions::default();
    let variants: Vec<(&str, String)> = vec![
        ("as served", text.clone()),
        ("crlf", text.replace('\n', "\r\n")),
        ("no final newline", text.trim_end().to_string()),
        ("blank lines", format!("{text}\n\r\n\n")),
        (
            "blank line inside",
            tmy2_with(|k, l| {
                if k == 20 {
                    l.insert(0, '\n');
                }
            }),
        ),
        (
            "missing values (nines)",
            tmy2_with(|k, l| {
                if (100..102).contains(&k) {
                    put(l, 17, 21, "9999");
                    put(l, 67, 71, "9999");
                    put(l, 95, 98, "999");
                }
            }),
        ),
        (
            "negative temperatures",
            tmy2_with(|k, l| {
                if k % 7 == 0 {
                    put(l, 67, 71, "-123");
                }
            }),
        ),
        (
            "spaces and a plus sign in cells",
            tmy2_with(|k, l| {
                if k == 5000 {
                    put(l, 23, 27, "  12");
                    put(l, 84, 88, "+999");
                }
            }),
        ),
        ("cut after the wind speed", tmy2_with(|_, l| l.truncate(98))),
        (
            "non-ASCII after the fields read",
            tmy2_with(|k, l| {
                if k % 3 == 0 {
                    l.push_str("长城");
                }
            }),
        ),
    ];
    all_read_the_same(&variants, &opts);
}

#[test]
fn broken_tmy2_files_give_the_same_errors_by_both_paths() {
    let opts = ParseOptions::default();
    let variants: Vec<(&str, String)> = vec![
        (
            "a letter",
            tmy2_with(|k, l| {
                if k == 12 {
                    put(l, 17, 21, "12a4")
                }
            }),
        ),
        (
            "a short line",
            tmy2_with(|k, l| {
                if k == 99 {
                    l.truncate(97)
                }
            }),
        ),
        (
            "hour 25",
            tmy2_with(|k, l| {
                if k == 41 {
                    put(l, 7, 9, "25")
                }
            }),
        ),
        (
            "month 13",
            tmy2_with(|k, l| {
                if k == 42 {
                    put(l, 3, 5, "13")
                }
            }),
        ),
        (
            "non-ASCII inside a cell",
            tmy2_with(|k, l| {
                if k == 43 {
                    put(l, 18, 20, "é")
                }
            }),
        ),
        (
            "out of range",
            tmy2_with(|k, l| {
                if k == 4321 {
                    put(l, 17, 21, "2500")
                }
            }),
        ),
        (
            "long gap",
            tmy2_with(|k, l| {
                if (4000..4010).contains(&k) {
                    put(l, 23, 27, "9999");
                }
            }),
        ),
        (
            "truncated",
            pvlib("12839.tm2")
                .lines()
                .take(500)
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    ];
    all_fail_the_same(&variants, &opts);
}

/// The PVGIS CSV made from the Datong EPW with data row `k` (0-based) passed through `edit`
/// (the header block, the column row and the footer unchanged).
fn pvgis_csv_with(edit: impl Fn(usize, &mut Vec<String>)) -> String {
    let (csv, _) = pvgis_from_datong();
    let (head, rest) = csv.split_at(csv.find("time(UTC)").unwrap());
    let (columns, rest) = rest.split_once("\r\n").unwrap();
    let (rows, footer) = rest.split_once("\r\n\r\n").unwrap();
    let mut out = format!("{head}{columns}\r\n");
    for (k, row) in rows.split("\r\n").enumerate() {
        let mut cells: Vec<String> = row.split(',').map(str::to_string).collect();
        edit(k, &mut cells);
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out + "\r\n" + footer
}

#[test]
fn pvgis_csv_variants_read_the_same_by_both_paths() {
    let (csv, _) = pvgis_from_datong();
    let opts = ParseOptions::default();
    // Columns: time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP.
    let variants: Vec<(&str, String)> = vec![
        ("as made", csv.clone()),
        ("the same rebuilt", pvgis_csv_with(|_, _| {})),
        ("lf", csv.replace("\r\n", "\n")),
        (
            "no footer",
            csv[..csv.find("\r\n\r\n").unwrap() + 2].to_string(),
        ),
        (
            "no footer, no final newline",
            csv[..csv.find("\r\n\r\n").unwrap()].to_string(),
        ),
        (
            "without SP",
            pvgis_csv_with(|_, c| {
                c.pop();
            })
            .replace(",WD10m,SP", ",WD10m"),
        ),
        (
            "spaces around a number",
            pvgis_csv_with(|k, c| {
                if k == 5000 {
                    c[4] = format!(" {} ", c[4]);
                }
            }),
        ),
        (
            "exponent and plus sign",
            pvgis_csv_with(|k, c| {
                if k == 6000 {
                    c[3] = "1e2".into();
                    c[1] = format!("+{}", c[1]);
                }
            }),
        ),
        (
            "long numbers",
            pvgis_csv_with(|k, c| {
                if k == 4000 {
                    c[5] = "123.4567890123456789".into();
                }
            }),
        ),
        (
            "a time with spaces",
            pvgis_csv_with(|k, c| {
                if k == 10 {
                    c[0] = format!(" {}", c[0]);
                }
            }),
        ),
        (
            "a time with a sign (the validating path reads +1 as 1)",
            pvgis_csv_with(|k, c| {
                if k == 43 {
                    c[0].replace_range(4..6, "+1")
                }
            }),
        ),
    ];
    all_read_the_same(&variants, &opts);
}

#[test]
fn broken_pvgis_csv_files_give_the_same_errors_by_both_paths() {
    let opts = ParseOptions::default();
    let variants: Vec<(&str, String)> = vec![
        (
            "a word",
            pvgis_csv_with(|k, c| {
                if k == 12 {
                    c[3] = "abc".into()
                }
            }),
        ),
        (
            "a field short",
            pvgis_csv_with(|k, c| {
                if k == 99 {
                    c.pop();
                }
            }),
        ),
        (
            "a field more",
            pvgis_csv_with(|k, c| {
                if k == 98 {
                    c.push("1".into())
                }
            }),
        ),
        (
            "hour 24",
            pvgis_csv_with(|k, c| {
                if k == 41 {
                    c[0].replace_range(9..11, "24")
                }
            }),
        ),
        (
            "30 February",
            pvgis_csv_with(|k, c| {
                if k == 42 {
                    c[0].replace_range(4..8, "0230")
                }
            }),
        ),
        (
            "another minute",
            pvgis_csv_with(|k, c| {
                if k == 44 {
                    c[0].replace_range(11..13, "10")
                }
            }),
        ),
        (
            "out of range",
            pvgis_csv_with(|k, c| {
                if k == 4321 {
                    c[3] = "2500".into()
                }
            }),
        ),
        (
            "a row missing",
            pvgis_csv_with(|k, c| {
                if k == 4000 {
                    c.clear();
                }
            })
            .replace("\r\n\r\n2", "\r\n2"),
        ),
    ];
    all_fail_the_same(&variants, &opts);
}
