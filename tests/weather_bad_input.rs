//! Bad weather input: every file below is made here, in memory, by mutating the real files (read
//! in place) or from scratch, and each must give its error code, the field `resource.text` and the
//! line number — never a panic. A second table lists repairs that are accepted with a count.

mod weather_common;

use rooftop_pv::weather::{parse, parse_with, Location, ParseOptions, WeatherFormat};
use rooftop_pv::ScenarioError;
use weather_common::*;

/// Lines of a text, to be edited and joined again.
fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

fn join(v: &[String]) -> String {
    let mut s = v.join("\n");
    s.push('\n');
    s
}

/// Replaces comma field `k` of (1-based) line `no`.
fn set_field(v: &mut [String], no: usize, k: usize, value: &str) {
    let mut f: Vec<&str> = v[no - 1].split(',').collect();
    f[k] = value;
    v[no - 1] = f.join(",");
}

/// Replaces bytes `a..b` of (1-based) line `no` (fixed-width files).
fn set_cols(v: &mut [String], no: usize, a: usize, b: usize, value: &str) {
    v[no - 1].replace_range(a..b, value);
}

/// Deterministic pseudo-random numbers (no randomness in tests: the same files every run).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn garbage(bytes: usize, seed: u64) -> String {
    let mut r = Lcg(seed);
    (0..bytes)
        .map(|_| match r.below(40) {
            0 => '\n',
            1 => ',',
            _ => (b' ' + r.below(95) as u8) as char,
        })
        .collect()
}

struct Case {
    name: &'static str,
    text: String,
    options: ParseOptions,
    code: &'static str,
    line: Option<u32>,
}

fn case(name: &'static str, text: String, code: &'static str, line: Option<u32>) -> Case {
    Case {
        name,
        text,
        options: ParseOptions::default(),
        code,
        line,
    }
}

fn with_format(mut c: Case, f: WeatherFormat) -> Case {
    c.options.format = Some(f);
    c
}

fn cases() -> Vec<Case> {
    let epw = shared(DATONG);
    let tmy3 = pvlib("723170TYA.CSV");
    let tmy2 = pvlib("12839.tm2");
    let psm3 = psm3_served();
    let (pvgis_csv, pvgis_json) = pvgis_from_datong();
    let e = || lines(&epw);
    let mut out = Vec::new();

    // --- EPW (data row k, 0-based, is on line 9 + k) ---
    let v = e();
    out.push(case(
        "EPW truncated at a line end (5000 of 8760 rows)",
        join(&v[..8 + 5000]),
        "weather_truncated",
        Some(5008),
    ));
    let mut t = join(&v[..8 + 5000]);
    t.push_str(&v[8 + 5000][..20]);
    out.push(case(
        "EPW truncated in the middle of a line",
        t,
        "weather_parse",
        Some(5009),
    ));
    let mut v = e();
    let mut f: Vec<&str> = v[99].split(',').collect();
    f.remove(10);
    v[99] = f.join(",");
    out.push(case(
        "EPW row with a field missing (34 of 35)",
        join(&v),
        "weather_parse",
        Some(100),
    ));
    let mut v = e();
    v[199].push_str(",1");
    out.push(case(
        "EPW row with an extra field",
        join(&v),
        "weather_parse",
        Some(200),
    ));
    let mut v = e();
    set_field(&mut v, 2000, 13, "abc");
    out.push(case(
        "EPW non-numeric GHI",
        join(&v),
        "weather_parse",
        Some(2000),
    ));
    let mut v = e();
    set_field(&mut v, 300, 3, "x");
    out.push(case(
        "EPW non-numeric hour",
        join(&v),
        "weather_parse",
        Some(300),
    ));
    let mut v = e();
    set_field(&mut v, 301, 2, "32");
    out.push(case("EPW day 32", join(&v), "weather_parse", Some(301)));
    let mut v = e();
    for no in 3000..3005 {
        set_field(&mut v, no, 13, "9999");
    }
    out.push(case(
        "EPW run of 5 missing GHI (9999)",
        join(&v),
        "weather_missing_values",
        Some(3000),
    ));
    let mut v = e();
    for no in 4000..4004 {
        set_field(&mut v, no, 9, "999999");
    }
    out.push(case(
        "EPW run of 4 missing pressures (999999)",
        join(&v),
        "weather_missing_values",
        Some(4000),
    ));
    let mut v = e();
    for no in 9..9 + 8760 {
        set_field(&mut v, no, 6, "99.9");
    }
    out.push(case(
        "EPW temperature missing everywhere (99.9)",
        join(&v),
        "weather_missing_values",
        Some(9),
    ));
    let mut v = e();
    set_field(&mut v, 1, 6, "");
    out.push(case(
        "EPW location without latitude",
        join(&v),
        "weather_location",
        Some(1),
    ));
    let mut v = e();
    v[0] = "LOCATION,Datong,Shanxi,CHN,CSWD,534870".into();
    out.push(case(
        "EPW LOCATION line with 6 fields",
        join(&v),
        "weather_location",
        Some(1),
    ));
    let mut v = e();
    set_field(&mut v, 1, 6, "123.0");
    out.push(case(
        "EPW latitude 123°",
        join(&v),
        "weather_location",
        Some(1),
    ));
    let v = e();
    let mut p = v[..8].to_vec();
    p.extend_from_slice(&v[8 + 744..]);
    out.push(case(
        "EPW partial year (starts 1 February)",
        join(&p),
        "weather_time",
        Some(9),
    ));
    let mut v = e();
    let dup = v[999].clone();
    v.insert(1000, dup);
    out.push(case(
        "EPW row repeated",
        join(&v),
        "weather_time",
        Some(1001),
    ));
    let mut v = e();
    v.remove(1499);
    out.push(case(
        "EPW row missing (a one-hour gap)",
        join(&v),
        "weather_time",
        Some(1500),
    ));
    let mut v = e();
    let again = v[8..].to_vec();
    v.extend(again);
    out.push(case(
        "EPW with two years of rows",
        join(&v),
        "weather_time",
        Some(8769),
    ));
    let mut v = e();
    set_field(&mut v, 5000, 6, "85.0");
    out.push(case(
        "EPW air temperature 85 °C",
        join(&v),
        "weather_out_of_range",
        Some(5000),
    ));
    let mut v = e();
    set_field(&mut v, 5100, 21, "-3.0");
    out.push(case(
        "EPW negative wind speed",
        join(&v),
        "weather_out_of_range",
        Some(5100),
    ));
    let mut v = e();
    set_field(&mut v, 5200, 13, "2500");
    out.push(case(
        "EPW GHI 2500 W/m²",
        join(&v),
        "weather_out_of_range",
        Some(5200),
    ));
    let mut v = e();
    v.remove(7);
    out.push(case(
        "EPW without its DATA PERIODS line",
        join(&v),
        "weather_format",
        Some(8),
    ));
    // Header lines that start with multi-byte text (a reader cutting them at a byte index panicked).
    let mut v = e();
    v[7] = "数据时段,1,1,Data,Sunday, 1/ 1,12/31".into();
    out.push(case(
        "EPW DATA PERIODS line in Chinese",
        join(&v),
        "weather_format",
        Some(9),
    ));
    let mut v = e();
    v[5] = "中国标准气象数据,x".into();
    v.remove(7);
    out.push(case(
        "EPW Chinese COMMENTS line and no DATA PERIODS",
        join(&v),
        "weather_format",
        Some(8),
    ));
    let mut v = e();
    set_field(&mut v, 8, 2, "一");
    out.push(case(
        "EPW DATA PERIODS with records per hour in Chinese",
        join(&v),
        "weather_parse",
        Some(8),
    ));
    let mut v = lines(&tmy3);
    v[1] = "日期 (MM/DD/YYYY),时间 (HH:MM),总辐射 (W/m^2)".into();
    out.push(case(
        "TMY3 column header line in Chinese",
        join(&v),
        "weather_format",
        Some(1),
    ));
    out.push(case(
        "EPW header only",
        join(&e()[..8]),
        "weather_truncated",
        Some(8),
    ));
    let mut v = e();
    set_field(&mut v, 8, 2, "7");
    out.push(case(
        "EPW with 7 records per hour",
        join(&v),
        "weather_parse",
        Some(8),
    ));

    // --- wrong formats and garbage ---
    out.push(with_format(
        case(
            "TMY3 text read as EPW",
            tmy3.clone(),
            "weather_format",
            Some(1),
        ),
        WeatherFormat::Epw,
    ));
    out.push(with_format(
        case("EPW read as TMY3", epw.clone(), "weather_format", Some(2)),
        WeatherFormat::Tmy3,
    ));
    out.push(with_format(
        case("EPW read as TMY2", epw.clone(), "weather_format", Some(1)),
        WeatherFormat::Tmy2,
    ));
    out.push(with_format(
        case(
            "EPW read as PVGIS JSON",
            epw.clone(),
            "weather_format",
            Some(1),
        ),
        WeatherFormat::PvgisJson,
    ));
    out.push(case(
        "1 MiB of printable garbage",
        garbage(1 << 20, 7),
        "weather_format",
        Some(1),
    ));
    out.push(case(
        "100 MiB of garbage (refused before parsing)",
        "x,".repeat(50 << 20),
        "weather_too_large",
        None,
    ));
    out.push(case("empty text", String::new(), "weather_format", Some(1)));
    out.push(case(
        "binary zeros",
        "\0".repeat(4096),
        "weather_format",
        Some(1),
    ));

    // --- TMY3 (hour row k, 0-based, is on line 3 + k) ---
    let mut v = lines(&tmy3);
    for no in 1003..1009 {
        set_field(&mut v, no, 4, "-9900");
    }
    out.push(case(
        "TMY3 run of 6 missing GHI (−9900)",
        join(&v),
        "weather_missing_values",
        Some(1003),
    ));
    let mut v = lines(&tmy3);
    set_field(&mut v, 500, 0, "13/45/1988");
    out.push(case(
        "TMY3 impossible date",
        join(&v),
        "weather_parse",
        Some(500),
    ));
    let mut v = lines(&tmy3);
    let mut f: Vec<&str> = v[699].split(',').collect();
    f.pop();
    v[699] = f.join(",");
    out.push(case(
        "TMY3 row with 67 of 68 fields",
        join(&v),
        "weather_parse",
        Some(700),
    ));
    let mut v = lines(&tmy3);
    set_field(&mut v, 1, 4, "north");
    out.push(case(
        "TMY3 header latitude not a number",
        join(&v),
        "weather_location",
        Some(1),
    ));

    // --- TMY2 (hour row k is on line 2 + k) ---
    let mut v = lines(&tmy2);
    v[49].truncate(60);
    out.push(case(
        "TMY2 line cut to 60 characters",
        join(&v),
        "weather_parse",
        Some(50),
    ));
    let mut v = lines(&tmy2);
    set_cols(&mut v, 60, 17, 21, "12a4");
    out.push(case(
        "TMY2 letters in the GHI field",
        join(&v),
        "weather_parse",
        Some(60),
    ));
    let mut v = lines(&tmy2);
    for no in 3000..3005 {
        set_cols(&mut v, no, 67, 71, "9999");
    }
    out.push(case(
        "TMY2 run of 5 missing temperatures (9999)",
        join(&v),
        "weather_missing_values",
        Some(3000),
    ));

    // --- SAM CSV / NSRDB PSM3 (hour row k is on line 4 + k) ---
    out.push(case(
        "bare CSV without location rows",
        shared("test_psm3_tmy-2017.csv"),
        "weather_location",
        Some(1),
    ));
    let mut v = lines(&psm3);
    set_field(&mut v, 100, 5, "warm");
    out.push(case(
        "PSM3 temperature not a number",
        join(&v),
        "weather_parse",
        Some(100),
    ));
    let mut v = lines(&psm3);
    set_field(&mut v, 2, 5, "");
    out.push(case(
        "PSM3 metadata without a latitude",
        join(&v),
        "weather_location",
        Some(2),
    ));
    let psm3_no_wind = psm3.replacen("Wind Speed\n", "Gust\n", 1);
    out.push(case(
        "PSM3 without a wind speed column",
        psm3_no_wind,
        "weather_missing_values",
        Some(3),
    ));
    let mut v = lines(&psm3);
    set_field(&mut v, 10, 4, "31");
    out.push(case(
        "PSM3 row at minute 31 among minute-30 rows",
        join(&v),
        "weather_time",
        Some(10),
    ));

    // --- PVGIS (CSV UTC row j is on line 19 + j) ---
    let mut v = lines(&pvgis_csv);
    v.remove(5018);
    out.push(case(
        "PVGIS CSV with a row missing",
        join(&v),
        "weather_time",
        Some(5019),
    ));
    let v = lines(&pvgis_csv);
    out.push(case(
        "PVGIS CSV without its location lines",
        join(&v[17..]),
        "weather_location",
        Some(1),
    ));
    out.push(case(
        "PVGIS JSON cut in half",
        pvgis_json[..pvgis_json.len() / 2].to_string(),
        "weather_truncated",
        Some(1),
    ));
    out.push(case(
        "PVGIS JSON with a null irradiance",
        pvgis_json.replacen("\"G(h)\": 0.0", "\"G(h)\": null", 1),
        "weather_parse",
        Some(1),
    ));
    out.push(case(
        "JSON that is not a PVGIS TMY",
        "{\"outputs\": {\"hourly\": []}}".into(),
        "weather_format",
        Some(1),
    ));
    out.push(case(
        "PVGIS JSON with a bad time",
        pvgis_json.replacen("20050101:0300", "2005-01-01 03", 1),
        "weather_parse",
        Some(1),
    ));
    out.push(case(
        "PVGIS JSON, one row a line, with a bad time in row 4",
        pvgis_json
            .replace("}, {", "},\n{")
            .replacen("20050101:0300", "2005-01-01 03", 1),
        "weather_parse",
        Some(4),
    ));
    let mut c = case(
        "PVGIS CSV converted to a half-hour time zone",
        pvgis_csv.clone(),
        "weather_location",
        Some(18),
    );
    c.options.timezone_h = Some(5.5);
    out.push(c);

    // --- issue 16: strict fields ---
    // One field deleted before field 21 on every row: 34 fields, the wind would be read from the
    // next field; refused at the first data line.
    let mut v = e();
    for row in v.iter_mut().skip(8) {
        let mut f: Vec<&str> = row.split(',').collect();
        f.remove(10);
        *row = f.join(",");
    }
    out.push(case(
        "EPW with field 10 deleted on every row (34 fields)",
        join(&v),
        "weather_parse",
        Some(9),
    ));
    // A field added on every row: 36 fields, the last not empty.
    let mut v = e();
    for row in v.iter_mut().skip(8) {
        row.insert_str(row.find(",-").unwrap_or(20), ",0");
    }
    out.push(case(
        "EPW with a field added on every row (36 fields)",
        join(&v),
        "weather_parse",
        Some(9),
    ));
    // 29 February in 2005: not a date (not a leap day to drop).
    let mut v = e();
    set_field(&mut v, 9 + 59 * 24, 1, "2");
    set_field(&mut v, 9 + 59 * 24, 2, "29");
    out.push(case(
        "EPW with 29 February 2005 (not a leap year)",
        join(&v),
        "weather_parse",
        Some(9 + 59 * 24),
    ));
    // More than 2 % of one quantity missing, in gaps short enough to fill: 200 single missing GHI values.
    let mut v = e();
    for k in 0..200 {
        set_field(&mut v, 9 + 40 * k + 7, 13, "99999");
    }
    out.push(case(
        "EPW with 200 GHI values at or above the missing marker (2.3 %)",
        join(&v),
        "weather_missing_values",
        Some(16),
    ));
    out
}

fn check(c: &Case, e: &ScenarioError) {
    assert_eq!(e.code, c.code, "{}: {e}", c.name);
    assert_eq!(e.field, "resource.text", "{}", c.name);
    match c.line {
        Some(n) => {
            assert!(
                e.message.starts_with(&format!("line {n}: ")),
                "{}: {}",
                c.name,
                e.message
            );
            assert!(
                e.message_zh.starts_with(&format!("第 {n} 行：")),
                "{}: {}",
                c.name,
                e.message_zh
            );
        }
        None => assert!(!e.message.starts_with("line "), "{}: {e}", c.name),
    }
}

#[test]
fn bad_files_give_code_field_and_line() {
    let cases = cases();
    assert!(cases.len() >= 15);
    println!("| # | bad input | code | line |\n|---|---|---|---|");
    for (i, c) in cases.iter().enumerate() {
        let e = match parse_with(&c.text, &c.options) {
            Ok(_) => panic!("{}: accepted", c.name),
            Err(e) => e,
        };
        check(c, &e);
        println!(
            "| {} | {} | `{}` | {} |",
            i + 1,
            c.name,
            e.code,
            c.line.map_or("–".into(), |n| n.to_string())
        );
    }
}

#[test]
fn header_lines_in_chinese_are_read() {
    // Line 2 (DESIGN CONDITIONS) and line 6 (COMMENTS 1) starting with Chinese text: read as before.
    let epw = shared(DATONG);
    let base = parse(&epw, None, None).unwrap();
    let mut v = lines(&epw);
    v[1] = "中国标准气象数据,x".into();
    v[5] = "COMMENTS 1,中国标准气象数据".into();
    let w = parse(&join(&v), None, None).unwrap();
    assert_eq!(w.ghi_w_m2, base.ghi_w_m2);
    assert_eq!(w.temp_air_c, base.temp_air_c);
    let mut v = lines(&epw);
    v[5] = "说明 1,中国标准气象数据".into();
    assert_eq!(
        parse(&join(&v), None, None).unwrap().ghi_w_m2,
        base.ghi_w_m2
    );
}

#[test]
fn short_gaps_are_filled_and_counted() {
    let epw = shared(DATONG);
    let base = parse(&epw, None, None).unwrap();
    // Two isolated missing GHI values and one 3-hour run of missing temperatures.
    let mut v = lines(&epw);
    set_field(&mut v, 1000, 13, "9999");
    set_field(&mut v, 2000, 13, "9999");
    for no in 3000..3003 {
        set_field(&mut v, no, 6, "99.9");
    }
    let w = parse(&join(&v), None, None).unwrap();
    assert_eq!(w.provenance.filled_values, 5);
    // Counted by quantity; a value above the marker (99999, 5000 °C) is missing too, never data.
    let by = |w: &rooftop_pv::weather::Weather| -> Vec<(&str, u32)> {
        w.provenance
            .filled
            .iter()
            .map(|f| (f.quantity, f.values))
            .collect()
    };
    assert_eq!(by(&w), [("ghi", 2), ("airTemperature", 3)]);
    set_field(&mut v, 4000, 13, "99999");
    set_field(&mut v, 5000, 6, "5000");
    let w = parse(&join(&v), None, None).unwrap();
    assert_eq!(by(&w), [("ghi", 3), ("airTemperature", 4)]);
    let k = 1000 - 9;
    let want = (base.ghi_w_m2[k - 1] + base.ghi_w_m2[k + 1]) / 2.0;
    assert_eq!(w.ghi_w_m2[k], want);
    let (a, b) = (base.temp_air_c[3000 - 10], base.temp_air_c[3003 - 9]);
    assert!((w.temp_air_c[3000 - 9] - (a + (b - a) / 4.0)).abs() < 1e-12);
    // The first value of the year is interpolated from the last (the year wraps).
    let mut v = lines(&epw);
    set_field(&mut v, 9, 21, "999");
    let w = parse(&join(&v), None, None).unwrap();
    assert_eq!(
        w.wind_speed_m_s[0],
        (base.wind_speed_m_s[8759] + base.wind_speed_m_s[1]) / 2.0
    );
    // A CSV without pressure: standard atmosphere at the elevation, flagged.
    let psm3 = psm3_served().replacen(",Pressure,", ",Pressure_x,", 1);
    let w = parse(&psm3, None, None).unwrap();
    assert!(w.provenance.pressure_estimated);
    assert!(
        (w.pressure_mbar[0] - 804.9).abs() < 0.1,
        "{}",
        w.pressure_mbar[0]
    );
}

#[test]
fn fallback_location_must_be_valid_too() {
    let e = parse_with(
        &shared("test_psm3_tmy-2017.csv"),
        &ParseOptions {
            fallback_location: Some(Location {
                name: String::new(),
                latitude: 40.0,
                longitude: 200.0,
                timezone_h: -7.0,
                elevation_m: 0.0,
            }),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(
        (e.code, e.message.starts_with("line 1:")),
        ("weather_location", true)
    );
}

#[test]
fn mutated_files_never_panic() {
    let sources = [
        shared(DATONG),
        pvlib("723170TYA.CSV"),
        pvlib("12839.tm2"),
        psm3_served(),
        pvgis_from_datong().0,
        pvgis_from_datong().1,
    ];
    let mut r = Lcg(2024);
    let mut errors = 0;
    for round in 0..240 {
        let src = &sources[round % sources.len()];
        let mut b = src.as_bytes().to_vec();
        for _ in 0..1 + r.below(4) {
            let at = r.below(b.len());
            match r.below(6) {
                0 => {
                    let end = (at + 1 + r.below(300)).min(b.len());
                    b.drain(at..end);
                }
                1 => b.truncate(at),
                2 => b[at] = b"x,-.9\n\r:{}\"0"[r.below(12)],
                3 => {
                    let end = (at + r.below(200)).min(b.len());
                    let piece = b[at..end].to_vec();
                    let to = r.below(b.len());
                    b.splice(to..to, piece);
                }
                4 => b.insert(at, 0xE5), // a stray non-ASCII byte
                _ => b[at] = b'9',
            }
        }
        let text = String::from_utf8_lossy(&b).into_owned();
        let result = std::panic::catch_unwind(|| parse(&text, None, None));
        match result {
            Err(_) => panic!("round {round}: the reader panicked"),
            Ok(Ok(_)) => {}
            Ok(Err(e)) => {
                errors += 1;
                assert!(e.code.starts_with("weather_"), "round {round}: {e}");
                assert_eq!(e.field, "resource.text");
                assert!(
                    e.message.starts_with("line "),
                    "round {round}: {}",
                    e.message
                );
            }
        }
    }
    assert!(errors > 100, "most mutations must be refused: {errors}");
}

#[test]
fn options_that_do_not_apply_to_the_format_are_refused() {
    // A time zone for a file that carries its own (EPW, TMY3, TMY2, SAM CSV): `conflict` at the
    // option, not ignored; for PVGIS (UTC) it applies, and 99 h is out of range.
    let epw = shared(DATONG);
    let e = rooftop_pv::parse_weather_json(&epw, r#"{"timezoneH":99}"#).unwrap_err();
    assert_eq!((e.code, e.field.as_str()), ("conflict", "timezoneH"), "{e}");
    let e = rooftop_pv::parse_weather_json(&epw, r#"{"timezoneH":8,"format":"epw"}"#).unwrap_err();
    assert_eq!(e.code, "conflict");
    let (pvgis_csv, _) = pvgis_from_datong();
    assert!(rooftop_pv::parse_weather_json(&pvgis_csv, r#"{"timezoneH":8}"#).is_ok());
    let e = rooftop_pv::parse_weather_json(&pvgis_csv, r#"{"timezoneH":99}"#).unwrap_err();
    assert_eq!(e.code, "weather_location", "{e}");
}
