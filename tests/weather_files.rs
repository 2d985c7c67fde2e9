//! The weather readers on real files (tests/data/weather, the pvlib wheel) against pvlib's readers.
//!
//! Golden values: `tests/data/weather/pvlib_reference.json`, made by
//! `.venv/bin/python scripts/weather_reference.py > tests/data/weather/pvlib_reference.json`
//! (pvlib 0.16.1; the command and versions are recorded in the file).

mod weather_common;

use rooftop_pv::weather::{
    self, detect_format, parse, parse_with, summarize, timing_check, Location, ParseOptions,
    Timing, Weather, WeatherFormat,
};
use serde_json::Value;
use weather_common::*;

fn golden() -> Value {
    serde_json::from_str(include_str!("data/weather/pvlib_reference.json")).unwrap()
}

fn close(a: f64, b: f64, tol: f64, what: &str) {
    assert!(
        (a - b).abs() <= tol * (1.0 + b.abs()),
        "{what}: ours {a}, pvlib {b}"
    );
}

/// Compares parsed weather with pvlib's summary of the same file. `shift`: our row i is pvlib's
/// row (i − shift) mod n (PVGIS: UTC rows in pvlib, local rows here); `hours`: our stamps are
/// pvlib's + this many hours.
fn compare(w: &Weather, g: &Value, shift: usize, hours: u8) {
    let f = |k: &str| g[k].as_f64().unwrap_or_else(|| panic!("golden lacks {k}"));
    let s = summarize(w);
    assert_eq!(s.rows as u64, g["rows"].as_u64().unwrap());
    close(w.location.latitude, f("latitude"), 1e-12, "latitude");
    close(w.location.longitude, f("longitude"), 1e-12, "longitude");
    close(w.location.elevation_m, f("elevation_m"), 1e-12, "elevation");
    if shift == 0 {
        close(w.location.timezone_h, f("timezone_h"), 1e-12, "time zone");
    }
    close(
        s.annual_ghi_kwh_m2,
        f("annual_ghi_kwh_m2"),
        1e-12,
        "annual GHI",
    );
    close(
        s.annual_dni_kwh_m2,
        f("annual_dni_kwh_m2"),
        1e-12,
        "annual DNI",
    );
    close(
        s.annual_dhi_kwh_m2,
        f("annual_dhi_kwh_m2"),
        1e-12,
        "annual DHI",
    );
    close(s.mean_temp_c, f("mean_temp_c"), 1e-12, "mean temperature");
    let n = w.stamps.len() as f64;
    close(
        w.wind_speed_m_s.iter().sum::<f64>() / n,
        f("mean_wind_m_s"),
        1e-12,
        "mean wind",
    );
    close(
        w.pressure_mbar.iter().sum::<f64>() / n,
        f("mean_pressure_mbar"),
        1e-12,
        "mean pressure",
    );
    for r in g["samples"].as_array().unwrap() {
        let j = r["index"].as_u64().unwrap() as usize;
        let i = (j + shift) % w.stamps.len();
        let st = w.stamps[i];
        let want_hour = (r["hour"].as_u64().unwrap() as u8 + hours) % 24;
        assert_eq!(st.hour, want_hour, "row {i} hour");
        if hours == 0 {
            assert_eq!(
                (st.month as u64, st.day as u64),
                (r["month"].as_u64().unwrap(), r["day"].as_u64().unwrap()),
                "row {i} date"
            );
        }
        let v = |k: &str| r[k].as_f64().unwrap();
        close(w.ghi_w_m2[i], v("ghi"), 1e-12, "ghi");
        close(w.dni_w_m2[i], v("dni"), 1e-12, "dni");
        close(w.dhi_w_m2[i], v("dhi"), 1e-12, "dhi");
        close(w.temp_air_c[i], v("temp_air_c"), 1e-12, "temperature");
        close(w.wind_speed_m_s[i], v("wind_speed_m_s"), 1e-12, "wind");
        close(w.pressure_mbar[i], v("pressure_mbar"), 1e-12, "pressure");
    }
}

/// Equal slices, or the first difference.
fn same(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len(), "{what}: lengths");
    if let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) {
        panic!("{what}: row {i}: {} vs {}", a[i], b[i]);
    }
}

#[test]
fn golden_records_its_command() {
    let g = golden();
    assert!(g["command"]
        .as_str()
        .unwrap()
        .contains("scripts/weather_reference.py"));
    assert_eq!(g["pvlib"].as_str().unwrap(), "0.16.1");
}

#[test]
fn all_twelve_cswd_epw_match_pvlib() {
    let g = golden();
    for name in CSWD {
        let text = shared(name);
        assert_eq!(detect_format(&text).unwrap(), WeatherFormat::Epw);
        let w = parse(&text, None, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        compare(&w, &g["files"][name], 0, 0);
        assert_eq!(
            w.timing,
            Timing::Start,
            "{name}: CSWD holds at the interval start"
        );
        assert_eq!(w.provenance.timing_default, Timing::Start);
        assert_eq!(w.provenance.source, "CSWD");
        assert_eq!(w.step_minutes, 60);
        assert_eq!(w.stamp_offset_minutes, 60);
        assert_eq!(w.stamps.len(), 8760);
        assert_eq!(w.provenance.filled_values, 0);
        assert!(w.albedo.is_none(), "CSWD albedo fields are 999 (missing)");
        let s0 = w.stamps[0];
        assert_eq!((s0.year, s0.month, s0.day, s0.hour), (2005, 1, 1, 0));
        let last = w.stamps[8759];
        assert_eq!((last.month, last.day, last.hour), (12, 31, 23));
    }
}

#[test]
fn readme_annual_ghi_of_the_shared_files() {
    // tests/data/weather/README.md lists these sums.
    for (name, ghi) in [
        ("CHN_Shanxi.Datong.534870_CSWD.epw", 1466.3),
        ("CHN_Shanxi.Taiyuan.537720_CSWD.epw", 1419.9),
        ("CHN_Shanxi.Yuanping.536730_CSWD.epw", 1405.5),
        ("CHN_Shanxi.Yuncheng.539590_CSWD.epw", 1250.2),
        ("CHN_Beijing.Beijing.545110_CSWD.epw", 1400.8),
        ("CHN_Guangdong.Guangzhou.592870_CSWD.epw", 1136.6),
        ("CHN_Sichuan.Chengdu.562940_CSWD.epw", 900.1),
        ("CHN_Tibet.Lhasa.555910_CSWD.epw", 2032.8),
        ("CHN_Heilongjiang.Harbin.509530_CSWD.epw", 1274.3),
    ] {
        let s = summarize(&parse(&shared(name), None, None).unwrap());
        assert!(
            (s.annual_ghi_kwh_m2 - ghi).abs() < 0.06,
            "{name}: {}",
            s.annual_ghi_kwh_m2
        );
    }
}

#[test]
fn tmy3_files_match_pvlib() {
    let g = golden();
    for name in ["723170TYA.CSV", "703165TY.csv"] {
        let text = pvlib(name);
        assert_eq!(detect_format(&text).unwrap(), WeatherFormat::Tmy3);
        let w = parse(&text, None, None).unwrap_or_else(|e| panic!("{name}: {e}"));
        compare(&w, &g["files"][name], 0, 0);
        assert_eq!(w.timing, Timing::Centre);
        assert_eq!(w.stamp_offset_minutes, 60);
        // Greensboro's albedo is 0.00 (flagged missing); Sand Point's is real.
        match g["files"][name]["albedo_mean"].as_f64() {
            Some(a) => {
                let al = w.albedo.as_ref().expect("albedo");
                close(al.iter().sum::<f64>() / 8760.0, a, 1e-12, "albedo");
            }
            None => assert!(w.albedo.is_none()),
        }
    }
}

#[test]
fn tmy3_midnight_as_00_00_and_hours_from_zero() {
    let text = pvlib("723170TYA.CSV");
    let base = parse(&text, None, None).unwrap();
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut solar_anywhere = String::new();
    let mut from_zero = String::new();
    for (i, l) in text.lines().enumerate() {
        if i < 2 {
            for s in [&mut solar_anywhere, &mut from_zero] {
                s.push_str(l);
                s.push('\n');
            }
            continue;
        }
        let (date, rest) = l.split_once(',').unwrap();
        let (time, rest) = rest.split_once(',').unwrap();
        let (m, d, y): (usize, usize, i32) = {
            let p: Vec<&str> = date.split('/').collect();
            (
                p[0].parse().unwrap(),
                p[1].parse().unwrap(),
                p[2].parse().unwrap(),
            )
        };
        let h: usize = time[..2].parse().unwrap();
        // SolarAnywhere: midnight is 00:00 of the next day.
        if h == 24 {
            let (mut m2, mut d2, mut y2) = (m, d + 1, y);
            if d2 > days[m - 1] {
                d2 = 1;
                m2 += 1;
            }
            if m2 > 12 {
                m2 = 1;
                y2 += 1;
            }
            solar_anywhere.push_str(&format!("{m2:02}/{d2:02}/{y2},00:00,{rest}\n"));
        } else {
            solar_anywhere.push_str(&format!("{l}\n"));
        }
        // Hours 00:00–23:00 at the interval start (read as ssc does).
        from_zero.push_str(&format!("{date},{:02}:00,{rest}\n", h - 1));
    }
    let a = parse(&solar_anywhere, None, None).unwrap();
    assert_eq!(a.stamps, base.stamps);
    assert_eq!(a.stamp_offset_minutes, 60);
    same(&a.ghi_w_m2, &base.ghi_w_m2, "SolarAnywhere");
    let b = parse(&from_zero, None, None).unwrap();
    assert_eq!(b.stamps, base.stamps);
    assert_eq!(b.stamp_offset_minutes, 0);
}

#[test]
fn tmy2_matches_pvlib() {
    let text = pvlib("12839.tm2");
    assert_eq!(detect_format(&text).unwrap(), WeatherFormat::Tmy2);
    let w = parse(&text, None, None).unwrap();
    compare(&w, &golden()["files"]["12839.tm2"], 0, 0);
    assert_eq!(w.timing, Timing::Centre);
    assert_eq!(w.location.name, "MIAMI");
    assert_eq!(w.stamps[0].year, 1962);
}

#[test]
fn psm3_served_with_its_header_matches_pvlib() {
    let text = psm3_served();
    assert_eq!(detect_format(&text).unwrap(), WeatherFormat::SamCsv);
    let w = parse(&text, None, None).unwrap();
    let g = &golden()["files"]["psm3_with_header"];
    compare(&w, g, 0, 0);
    assert_eq!(
        w.timing,
        Timing::Instant,
        "a Minute column: the instant hh:30 (ssc)"
    );
    assert_eq!(w.stamp_offset_minutes, 30);
    assert_eq!(w.stamps[0].minute, 0, "interval starts on the hour");
    assert_eq!(w.provenance.source, "NSRDB");
    let al = w.albedo.as_ref().expect("PSM3 carries Surface Albedo");
    close(
        al.iter().sum::<f64>() / 8760.0,
        g["albedo_mean"].as_f64().unwrap(),
        1e-12,
        "albedo",
    );
}

#[test]
fn nsrdb_in_utc_is_moved_to_local_time() {
    // The same year as NSRDB serves it with utc=true: Time Zone 0, Local Time Zone −7, rows
    // starting at 00:00 UTC (= local row 7).
    let local = psm3_served();
    let mut lines: Vec<&str> = local.lines().collect();
    let meta = lines[1].replacen(",-7,1900,-7,", ",0,1900,-7,", 1);
    lines[1] = &meta;
    let data: Vec<&str> = lines[3..].to_vec();
    let n = data.len();
    let mut utc = lines[..3].join("\n");
    for j in 0..n {
        // UTC row j holds local row j − 7 (mod n), stamped with UTC time j.
        let src: Vec<&str> = data[(j + n - 7) % n].split(',').collect();
        let mut f = src.clone();
        let (doy, hour) = (j / 24, j % 24);
        let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        let (mut m, mut d) = (0, doy);
        while d >= days[m] {
            d -= days[m];
            m += 1;
        }
        let (ms, ds, hs) = ((m + 1).to_string(), (d + 1).to_string(), hour.to_string());
        f[1] = &ms;
        f[2] = &ds;
        f[3] = &hs;
        utc.push('\n');
        utc.push_str(&f.join(","));
    }
    let a = parse(&utc, None, None).unwrap();
    let b = parse(&local, None, None).unwrap();
    assert_eq!(a.location.timezone_h, -7.0);
    same(&a.ghi_w_m2, &b.ghi_w_m2, "UTC → local");
    same(&a.temp_air_c, &b.temp_air_c, "UTC → local");
    assert_eq!(
        a.stamps
            .iter()
            .map(|s| (s.month, s.day, s.hour))
            .collect::<Vec<_>>(),
        b.stamps
            .iter()
            .map(|s| (s.month, s.day, s.hour))
            .collect::<Vec<_>>()
    );
}

#[test]
fn bare_psm3_csv_needs_a_location_and_then_matches() {
    let text = shared("test_psm3_tmy-2017.csv");
    assert_eq!(detect_format(&text).unwrap(), WeatherFormat::SamCsv);
    let e = parse(&text, None, None).unwrap_err();
    assert_eq!(e.code, "weather_location");
    assert!(e.message.starts_with("line 1:"), "{}", e.message);
    let w = parse_with(
        &text,
        &ParseOptions {
            fallback_location: Some(Location {
                name: "PSM3 test".into(),
                latitude: 40.5137,
                longitude: -108.5449,
                timezone_h: -7.0,
                elevation_m: 1900.0,
            }),
            ..Default::default()
        },
    )
    .unwrap();
    compare(&w, &golden()["files"]["test_psm3_tmy-2017.csv"], 0, 0);
    // The months of this typical year come from 9 different years.
    assert_eq!(
        summarize(&w).years,
        vec![1998, 1999, 2000, 2003, 2004, 2006, 2008, 2014, 2015]
    );
}

#[test]
fn pvgis_csv_and_json_match_pvlib_and_land_in_local_time() {
    let (csv, json) = pvgis_from_datong();
    let datong = parse(&shared(DATONG), None, None).unwrap();
    let g = golden();
    for (text, fmt, key) in [
        (&csv, WeatherFormat::PvgisCsv, "pvgis_csv"),
        (&json, WeatherFormat::PvgisJson, "pvgis_json"),
    ] {
        assert_eq!(detect_format(text).unwrap(), fmt);
        let w = parse(text, None, None).unwrap_or_else(|e| panic!("{key}: {e}"));
        assert_eq!(w.format, fmt);
        // pvlib keeps UTC rows; ours are local (UTC+8, the zone of 113.33° E), rolled to start
        // on 1 January 00:00.
        compare(&w, &g["files"][key], 8, 8);
        assert_eq!(w.location.timezone_h, 8.0);
        assert_eq!(
            w.timing,
            Timing::Centre,
            "declared offset 0.5 h: hour averages"
        );
        assert_eq!(w.stamp_offset_minutes, 30);
        // Back in local time the rows are the Datong EPW's, stamps and values.
        assert_eq!(w.stamps, datong.stamps, "{key}");
        same(&w.ghi_w_m2, &datong.ghi_w_m2, key);
        same(&w.dni_w_m2, &datong.dni_w_m2, key);
        same(&w.dhi_w_m2, &datong.dhi_w_m2, key);
        same(&w.temp_air_c, &datong.temp_air_c, key);
        same(&w.wind_speed_m_s, &datong.wind_speed_m_s, key);
        same(&w.pressure_mbar, &datong.pressure_mbar, key);
    }
    // A caller's zone wins; a SARAH-style offset makes the values instantaneous.
    let sarah = csv.replace(
        "Irradiance Time Offset (h): 0.5",
        "Irradiance Time Offset (h): 0.1761",
    );
    let w = parse_with(
        &sarah,
        &ParseOptions {
            timezone_h: Some(7.0),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.location.timezone_h, 7.0);
    assert_eq!((w.timing, w.stamp_offset_minutes), (Timing::Instant, 11));
    // UTC+7: local row i is UTC row i − 7, i.e. Datong (UTC+8) row i + 1.
    same(&w.ghi_w_m2[..8759], &datong.ghi_w_m2[1..], "UTC+7");
    // Older files declare no offset: hour averages (pv-model.md).
    let old = csv.replace("Irradiance Time Offset (h): 0.5\r\n", "");
    let w = parse(&old, None, None).unwrap();
    assert_eq!((w.timing, w.stamp_offset_minutes), (Timing::Centre, 0));
}

#[test]
fn timing_names_at_the_boundary() {
    for (name, t) in [
        ("\"start\"", Timing::Start),
        ("\"centre\"", Timing::Centre),
        ("\"center\"", Timing::Centre),
        ("\"end\"", Timing::End),
        ("\"instant\"", Timing::Instant),
    ] {
        let value: Value = serde_json::from_str(name).unwrap();
        assert_eq!(rooftop_pv::json::deserialize::<Timing>(&value).unwrap(), t);
    }
    assert_eq!(
        serde_json::to_string(&Timing::Centre).unwrap(),
        "\"centre\""
    );
    assert_eq!(
        rooftop_pv::json::deserialize::<WeatherFormat>(&Value::from("samCsv")).unwrap(),
        WeatherFormat::SamCsv
    );
}

#[test]
fn timing_defaults_and_override() {
    let text = shared(DATONG);
    let w = parse(&text, None, Some(Timing::Centre)).unwrap();
    assert_eq!(w.timing, Timing::Centre);
    assert_eq!(w.provenance.timing_default, Timing::Start);
    assert!(w.provenance.timing_basis.en.contains("pv-model.md"));
    // Without the CSWD mark the same EPW is read as an IWEC/TMYx-style hour average …
    let iwec = text.replacen(",CSWD,", ",IWEC,", 1).replace(
        "China Standard Weather Data",
        "International Weather for Energy Calculations",
    );
    let w = parse(&iwec, None, None).unwrap();
    assert_eq!(
        (w.timing, w.provenance.source.as_str()),
        (Timing::Centre, "IWEC")
    );
    // … unless the file name says CSWD.
    let w = parse_with(
        &iwec,
        &ParseOptions {
            file_name: Some(DATONG.into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(w.timing, Timing::Start);
}

#[test]
fn timing_check_finds_cswd_at_the_hour_start_and_flags_a_shift() {
    for name in CSWD {
        let text = shared(name);
        let w = parse(&text, None, None).unwrap();
        let c = timing_check(&w).unwrap();
        if name.contains("Kunming") {
            // Kunming's CSWD file is the exception: read at (h−1):00 its sunshine still comes
            // ~25 min after solar noon (~22 min on its clearest days) — flagged, rightly.
            assert!(
                c.warning && (20.0..30.0).contains(&c.offset_minutes),
                "{name}: {c:?}"
            );
        } else {
            assert!(!c.warning && c.offset_minutes.abs() < 3.0, "{name}: {c:?}");
        }
        // Read as hour averages the centroid comes 30 min later: flagged.
        let w = parse(&text, None, Some(Timing::Centre)).unwrap();
        let c2 = timing_check(&w).unwrap();
        assert!(
            c2.warning && (c2.offset_minutes - c.offset_minutes - 30.0).abs() < 0.01,
            "{name}: {c2:?}"
        );
    }
    for name in ["723170TYA.CSV", "703165TY.csv"] {
        let c = timing_check(&parse(&pvlib(name), None, None).unwrap()).unwrap();
        assert!(!c.warning, "{name}: {c:?}");
    }
    let c = timing_check(&parse(&pvlib("12839.tm2"), None, None).unwrap()).unwrap();
    assert!(!c.warning, "Miami: {c:?}");
    let c = timing_check(&parse(&psm3_served(), None, None).unwrap()).unwrap();
    assert!(!c.warning, "PSM3: {c:?}");
    // A file shifted by one hour (values one row late) is flagged.
    let mut w = parse(&shared(DATONG), None, None).unwrap();
    w.ghi_w_m2.rotate_right(1);
    let c = timing_check(&w).unwrap();
    assert!(c.warning && c.offset_minutes > 45.0, "{c:?}");
}

#[test]
fn leap_year_files_drop_29_february() {
    let text = shared(DATONG);
    let (head, rows) = epw_rows(&text);
    let mut leap = head.join("\n");
    leap.push('\n');
    for r in &rows {
        leap.push_str(&r.join(","));
        leap.push('\n');
        if r[1] == "2" && r[2] == "28" {
            let mut r29 = r.clone();
            r29[2] = "29";
            leap.push_str(&r29.join(","));
            leap.push('\n');
        }
    }
    let leap = leap
        .replace(",2005,", ",2004,")
        .replace("\n2005,", "\n2004,");
    assert_eq!(leap.lines().count(), 8 + 8784);
    let w = parse(&leap, None, None).unwrap();
    let base = parse(&text, None, None).unwrap();
    assert_eq!(w.stamps.len(), 8760);
    assert_eq!(w.provenance.dropped_leap_day_rows, 24);
    same(&w.ghi_w_m2, &base.ghi_w_m2, "leap");
    assert_eq!(summarize(&w).years, vec![2004]);
}

#[test]
fn sub_hourly_files_keep_their_step() {
    // A 15-minute EPW: each hour written as four rows ending at :15, :30, :45, :60.
    let text = shared(DATONG);
    let (head, rows) = epw_rows(&text);
    let mut s = head[..7].join("\n");
    s.push_str("\nDATA PERIODS,1,4,Data,Sunday, 1/ 1,12/31\n");
    for r in &rows {
        for m in ["15", "30", "45", "60"] {
            let mut q = r.clone();
            q[4] = m;
            s.push_str(&q.join(","));
            s.push('\n');
        }
    }
    let w = parse(&s, None, None).unwrap();
    let base = summarize(&parse(&text, None, None).unwrap());
    assert_eq!((w.step_minutes, w.stamps.len()), (15, 35040));
    assert_eq!((w.stamps[1].hour, w.stamps[1].minute), (0, 15));
    assert_eq!(w.stamp_offset_minutes, 15);
    let sw = summarize(&w);
    assert!((sw.annual_ghi_kwh_m2 - base.annual_ghi_kwh_m2).abs() < 1e-9);

    // A 30-minute PSM3 CSV (minutes 0 and 30).
    let psm3 = psm3_served();
    let mut lines = psm3.lines();
    let mut t = String::new();
    for _ in 0..3 {
        t.push_str(lines.next().unwrap());
        t.push('\n');
    }
    for l in lines {
        let f: Vec<&str> = l.split(',').collect();
        for m in ["0", "30"] {
            let mut q = f.clone();
            q[4] = m;
            t.push_str(&q.join(","));
            t.push('\n');
        }
    }
    let w = parse(&t, None, None).unwrap();
    assert_eq!(
        (w.step_minutes, w.stamps.len(), w.stamp_offset_minutes),
        (30, 17520, 0)
    );
    assert_eq!(w.timing, Timing::Instant);
    let a = summarize(&w).annual_ghi_kwh_m2;
    let b = summarize(&parse(&psm3, None, None).unwrap()).annual_ghi_kwh_m2;
    assert!((a - b).abs() < 1e-9, "{a} {b}");
}

#[test]
fn summary_reports_period_and_sums() {
    let w = parse(&shared(DATONG), None, None).unwrap();
    let s = summarize(&w);
    assert_eq!(s.rows, 8760);
    assert_eq!(s.years, vec![2005]);
    assert_eq!((s.first.month, s.first.day, s.first.hour), (1, 1, 0));
    assert_eq!((s.last.month, s.last.day, s.last.hour), (12, 31, 23));
    assert_eq!(s.location.name, "Datong, Shanxi, CHN");
    assert!(s.max_ghi_w_m2 == 989.0);
    // The one-pass sums are those of `Iterator::sum`, bit for bit.
    let kwh = |v: &[f64]| v.iter().sum::<f64>() * (60.0 / 60.0 / 1000.0);
    assert_eq!(s.annual_ghi_kwh_m2.to_bits(), kwh(&w.ghi_w_m2).to_bits());
    assert_eq!(s.annual_dni_kwh_m2.to_bits(), kwh(&w.dni_w_m2).to_bits());
    assert_eq!(s.annual_dhi_kwh_m2.to_bits(), kwh(&w.dhi_w_m2).to_bits());
    let mean = w.temp_air_c.iter().sum::<f64>() / 8760.0;
    assert_eq!(s.mean_temp_c.to_bits(), mean.to_bits());
    assert!(!s.pressure_estimated && !s.has_albedo);
    let js = serde_json::to_value(&s).unwrap();
    assert!(js["annualGhiKwhM2"].as_f64().unwrap() > 1466.0);
    assert_eq!(js["timing"], "start");
    assert_eq!(js["location"]["timezoneH"], 8.0);
    assert_eq!(js["timingCheck"]["warning"], false);
    assert!(js["timingCheck"]["offsetMinutes"].as_f64().unwrap().abs() < 3.0);
    // Daily centroids: one per day with sunshine.
    assert_eq!(weather::daily_centroids(&w).len(), 365);
}

#[test]
fn crlf_bom_and_gbk_names_are_read() {
    let text = shared(DATONG);
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let a = parse(&crlf, None, None).unwrap();
    let b = parse(&text, None, None).unwrap();
    assert_eq!(a, b);
    // A GBK-encoded station name (not UTF-8) through parse_bytes.
    let mut bytes = text.clone().into_bytes();
    let pos = text.find("Datong").unwrap();
    bytes.splice(pos..pos + 6, [0xB4, 0xF3, 0xCD, 0xAC]); // 大同 in GBK
    let w = weather::parse_bytes(&bytes, &ParseOptions::default()).unwrap();
    same(&w.ghi_w_m2, &b.ghi_w_m2, "gbk");
}
