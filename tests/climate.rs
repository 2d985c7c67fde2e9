//! The built-in climate (issue 4): every station decoded and compared with the source CSVs
//! (data/cswd-monthly.csv, data/cswd-typical-days.csv.gz and data/stations-zh.csv), the station list, lookup, nearest
//! station, search, the `unknown_station` error, hours from a station and from monthly values,
//! and their validation.

// Months and hours index several parallel tables; indices read best.
#![allow(clippy::needless_range_loop)]

mod weather_common;

use std::collections::BTreeSet;
use std::time::Instant;

use rooftop_pv::climate::{
    self, MonthlyInputs, MonthlySplit, Place, ResourceClass, Variability, DAYS_IN_MONTH,
};
use rooftop_pv::solar::SunPath;
use rooftop_pv::weather::Timing;

fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A CSV file (`.gz` decompressed) as rows of fields (quoted fields with commas and doubled
/// quotes allowed).
fn read_csv(path: &std::path::Path) -> Vec<Vec<String>> {
    let text = if path.extension().is_some_and(|e| e == "gz") {
        String::from_utf8(weather_common::gunzip(path)).unwrap()
    } else {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        let mut fields = Vec::new();
        let mut cur = String::new();
        let mut quoted = false;
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '"' if quoted && chars.peek() == Some(&'"') => {
                    cur.push('"');
                    chars.next();
                }
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut cur)),
                _ => cur.push(c),
            }
        }
        fields.push(cur);
        rows.push(fields);
    }
    rows
}

struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn load(path: std::path::PathBuf) -> Table {
        let mut rows = read_csv(&path);
        let header = rows.remove(0);
        Table { header, rows }
    }
    fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    }
    fn f(&self, row: usize, name: &str) -> f64 {
        self.rows[row][self.col(name)].parse().unwrap()
    }
    fn s(&self, row: usize, name: &str) -> &str {
        &self.rows[row][self.col(name)]
    }
}

fn monthly_csv() -> Table {
    Table::load(root().join("data/cswd-monthly.csv"))
}

#[test]
fn station_list_matches_the_sources() {
    let m = monthly_csv();
    let zh = Table::load(root().join("data/stations-zh.csv"));
    let list = climate::stations();
    assert_eq!(list.len(), 270);
    assert_eq!(climate::count(), 270);
    for (i, st) in list.iter().enumerate() {
        assert_eq!(st.id, m.s(i, "wmo"));
        assert_eq!(st.id.len(), 6);
        assert_eq!(st.name_en, m.s(i, "city"));
        assert_eq!(st.name_zh, zh.s(i, "name_zh"));
        assert_eq!(st.province_zh, zh.s(i, "province_zh"));
        assert_eq!(st.province_en, zh.s(i, "province_en"));
        assert_eq!(st.latitude, m.f(i, "lat"));
        assert_eq!(st.longitude, m.f(i, "lon"));
        assert_eq!(st.elevation_m, m.f(i, "elev_m"));
        let sum: f64 = (1..=12)
            .map(|k| m.f(i, &format!("ghi_kwh_m2_{k:02}")))
            .sum();
        assert!((st.annual_ghi_kwh_m2 - sum).abs() < 1e-6, "{}", st.id);
        // The source's year column is the same sum rounded to 0.1.
        assert!((st.annual_ghi_kwh_m2 - m.f(i, "ghi_kwh_m2_year")).abs() <= 0.0601);
        let class = match st.annual_ghi_kwh_m2 {
            a if a >= 1750.0 => ResourceClass::A,
            a if a >= 1400.0 => ResourceClass::B,
            a if a >= 1050.0 => ResourceClass::C,
            _ => ResourceClass::D,
        };
        assert_eq!(st.resource_class, class);
        assert_eq!(st.source, "CSWD typical year (CMA / Tsinghua)");
    }
    // Serialised as the JavaScript API names it.
    let json = serde_json::to_value(&list[0]).unwrap();
    let keys: BTreeSet<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let want: BTreeSet<&str> = [
        "id",
        "nameZh",
        "nameEn",
        "provinceZh",
        "provinceEn",
        "latitude",
        "longitude",
        "elevationM",
        "annualGhiKwhM2",
        "resourceClass",
        "source",
    ]
    .into_iter()
    .collect();
    assert_eq!(keys, want);
    assert_eq!(json["id"], "584240");
    assert!(["A", "B", "C", "D"].contains(&json["resourceClass"].as_str().unwrap()));
    let classes: BTreeSet<ResourceClass> = list.iter().map(|s| s.resource_class).collect();
    println!("resource classes present: {classes:?}");
}

/// Every station decoded from the blob against the CSVs: the monthly table exactly, the typical
/// days within their quantisation (irradiance on a square-root scale with error feedback along
/// the day, temperature 1 °C and wind 0.4 m/s steps).
#[test]
fn every_station_round_trips_against_the_csvs() {
    let m = monthly_csv();
    let days = Table::load(root().join("data/cswd-typical-days.csv.gz"));
    let (cw, cm, ch) = (days.col("wmo"), days.col("month"), days.col("clock_hour"));
    let list = climate::stations();
    let mut worst_hour: f64 = 0.0;
    let mut worst_month_pct: f64 = 0.0;
    let mut worst_annual_pct: f64 = 0.0;
    let mut worst_t: f64 = 0.0;
    let mut worst_w: f64 = 0.0;
    let mut row = 0;
    for (i, st) in list.iter().enumerate() {
        let c = climate::climate(&st.id).unwrap();
        assert_eq!(c.station, *st);
        for k in 0..12 {
            let mm = &c.monthly[k];
            for (v, name) in [
                (mm.ghi_kwh_m2, "ghi_kwh_m2"),
                (mm.dhi_kwh_m2, "dhi_kwh_m2"),
                (mm.temp_c, "temp_c"),
                (mm.wind_m_s, "wind_m_s"),
            ] {
                let src = m.f(i, &format!("{name}_{:02}", k + 1));
                assert!((v - src).abs() < 1e-9, "{} {name} month {}", st.id, k + 1);
            }
        }
        let mut annual_src = 0.0;
        let mut annual_dec = 0.0;
        for k in 0..12 {
            let (mut sum_src, mut sum_dec, mut max_src) = (0.0, 0.0, 0.0f64);
            let mut prev = [0.0f64; 3];
            for h in 0..24 {
                let r = &days.rows[row];
                row += 1;
                assert_eq!(r[cw], st.id);
                assert_eq!(r[cm].parse::<usize>().unwrap(), k + 1);
                assert_eq!(r[ch].parse::<usize>().unwrap(), h);
                let t = c.typical_days[k][h];
                let src: Vec<f64> = ["ghi_w_m2", "dni_w_m2", "dhi_w_m2", "temp_c", "wind_m_s"]
                    .iter()
                    .map(|n| days.rows[row - 1][days.col(n)].parse().unwrap())
                    .collect();
                for (j, v) in [t.ghi_w_m2, t.dni_w_m2, t.dhi_w_m2].into_iter().enumerate() {
                    let s = src[j];
                    assert_eq!(v == 0.0, s == 0.0, "{} m{} h{h}: zero kept", st.id, k + 1);
                    // Half a step here plus the error carried forward, at most half the
                    // largest step of the day so far.
                    let bound = 0.3 * (prev[j].sqrt() + s.sqrt()) + 0.05;
                    assert!(
                        (v - s).abs() <= bound,
                        "{} m{} h{h} ch{j}: {v} vs {s}",
                        st.id,
                        k + 1
                    );
                    worst_hour = worst_hour.max((v - s).abs());
                    prev[j] = prev[j].max(s);
                }
                assert!((t.temp_c - src[3]).abs() <= 0.5 + 1e-9);
                assert!((t.wind_m_s - src[4]).abs() <= 0.2 + 1e-9);
                worst_t = worst_t.max((t.temp_c - src[3]).abs());
                worst_w = worst_w.max((t.wind_m_s - src[4]).abs());
                sum_src += src[0];
                sum_dec += t.ghi_w_m2;
                max_src = max_src.max(src[0]);
            }
            // Error feedback: the day's sum is off by at most the last half step.
            assert!(
                (sum_dec - sum_src).abs() <= 0.3 * max_src.sqrt() + 0.05,
                "{} month {}: day sum {sum_dec} vs {sum_src}",
                st.id,
                k + 1
            );
            let d = f64::from(DAYS_IN_MONTH[k]) / 1000.0;
            worst_month_pct = worst_month_pct.max(100.0 * (sum_dec / sum_src - 1.0).abs());
            annual_src += sum_src * d;
            annual_dec += sum_dec * d;
        }
        worst_annual_pct = worst_annual_pct.max(100.0 * (annual_dec / annual_src - 1.0).abs());
    }
    assert_eq!(row, days.rows.len());
    println!(
        "quantisation of the typical days: worst hour {worst_hour:.2} W/m², worst monthly GHI \
         {worst_month_pct:.4} %, worst annual GHI {worst_annual_pct:.4} % (before the synthesis \
         scales each month to the exact table), temperature {worst_t:.3} °C, wind {worst_w:.3} m/s"
    );
    assert!(worst_annual_pct < 0.03);
}

/// The build script's steps (scripts/build_climate.py: QS, T_STEP [0.01 °C], W_STEP [0.01 m/s]).
const QS: i64 = 12;
const T_STEP: i64 = 100;
const W_STEP: i64 = 40;

/// scripts/build_climate.py `quantise_irradiance`, the same floating-point steps: per hour the u
/// (≥ 1) whose u²/QS is nearest to the source value plus the error carried along the day.
fn quantise_irradiance(tenths: &[i64; 24]) -> [i64; 24] {
    let mut out = [0i64; 24];
    let mut err = 0.0f64;
    for (o, &t) in out.iter_mut().zip(tenths) {
        if t == 0 {
            continue;
        }
        let target = t as f64 / 10.0 + err;
        let x = (target.max(0.0) * QS as f64) as i64;
        let mut u0 = (x as f64).sqrt() as i64;
        while u0 * u0 > x {
            u0 -= 1;
        }
        while (u0 + 1) * (u0 + 1) <= x {
            u0 += 1;
        }
        // The first of the smallest errors, as the script's loop keeps it.
        let mut best = (f64::INFINITY, 0);
        for u in (u0 - 1..=u0 + 2).filter(|&u| u >= 1) {
            let e = ((u * u) as f64 / QS as f64 - target).abs();
            if e < best.0 {
                best = (e, u);
            }
        }
        let u = best.1;
        err = target - (u * u) as f64 / QS as f64;
        *o = u;
    }
    out
}

/// Every decoded typical-day value is exactly what the build script quantised (re-quantised here
/// from the CSV): the range coder and its predictors lose nothing, and the steps are those above.
#[test]
fn every_station_decodes_to_exactly_its_quantised_days() {
    let days = Table::load(root().join("data/cswd-typical-days.csv.gz"));
    let col = |n: &str| days.col(n);
    let (cg, cb, cd, ct, cw) = (
        col("ghi_w_m2"),
        col("dni_w_m2"),
        col("dhi_w_m2"),
        col("temp_c"),
        col("wind_m_s"),
    );
    let scaled = |row: usize, c: usize, k: f64| -> i64 {
        (days.rows[row][c].parse::<f64>().unwrap() * k).round() as i64
    };
    let step = |c: i64, s: i64| (2 * c + s).div_euclid(2 * s);
    for (i, st) in climate::stations().iter().enumerate() {
        let c = climate::climate(&st.id).unwrap();
        for m in 0..12 {
            let first = (i * 12 + m) * 24;
            let channel =
                |col: usize| -> [i64; 24] { std::array::from_fn(|h| scaled(first + h, col, 10.0)) };
            let (g, b, d) = (
                quantise_irradiance(&channel(cg)),
                quantise_irradiance(&channel(cb)),
                quantise_irradiance(&channel(cd)),
            );
            for h in 0..24 {
                let t = c.typical_days[m][h];
                let irr = |u: i64| (u * u) as f64 / QS as f64;
                let temp = (step(scaled(first + h, ct, 100.0), T_STEP) * T_STEP) as f64 / 100.0;
                let wind = (step(scaled(first + h, cw, 100.0), W_STEP) * W_STEP) as f64 / 100.0;
                let want = [irr(g[h]), irr(b[h]), irr(d[h]), temp, wind];
                let got = [t.ghi_w_m2, t.dni_w_m2, t.dhi_w_m2, t.temp_c, t.wind_m_s];
                assert_eq!(got, want, "{} month {} hour {h}", st.id, m + 1);
            }
        }
    }
}

#[test]
fn decoding_a_station_is_fast() {
    let list = climate::stations();
    // The best of three rounds over all stations (other tests run in parallel).
    let mut per = f64::MAX;
    for _ in 0..3 {
        let t0 = Instant::now();
        for st in &list {
            climate::climate(&st.id).unwrap();
        }
        per = per.min(t0.elapsed().as_secs_f64() * 1000.0 / list.len() as f64);
    }
    let t1 = Instant::now();
    let w = climate::station_weather("534870", None).unwrap();
    let synth = t1.elapsed().as_secs_f64() * 1000.0;
    println!("decode {per:.3} ms per station, station year {synth:.2} ms (this build profile)");
    assert_eq!(w.ghi_w_m2.len(), 8760);
    // Timing is asserted in optimised builds only (`cargo test --release`).
    if !cfg!(debug_assertions) {
        assert!(per < 0.5, "{per} ms per station");
    }
}

#[test]
fn lookup_and_unknown_station() {
    for id in ["534870", "53487", " 534870 "] {
        assert_eq!(climate::find_by_id(id).unwrap().name_zh, "大同", "{id}");
    }
    for id in ["", "5348", "5348700", "abcdef", "999999", "534871"] {
        assert!(climate::find_by_id(id).is_none(), "{id}");
    }
    let e = climate::station("999999").unwrap_err();
    assert_eq!(e.code, "unknown_station");
    assert_eq!(e.field, "resource.stationId");
    assert!(e.message.contains("did you mean"), "{}", e.message);
    assert!(e.message_zh.contains("您是否要找"), "{}", e.message_zh);
    let e = climate::station("Datong").unwrap_err();
    assert!(e.message.contains("534870 Datong 大同"), "{}", e.message);
    let s = climate::suggestions("Datog");
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].id, "534870");
    assert_eq!(climate::suggestions("大同市")[0].id, "534870");
    assert_eq!(climate::suggestions("534780")[0].id.len(), 6);
}

#[test]
fn nearest_station_and_distance() {
    let n = climate::nearest(40.10, 113.33).unwrap();
    assert_eq!(n.station.id, "534870");
    assert!(n.distance_km < 1e-6);
    // Shuozhou (39.33 N, 112.43 E): no station of its own.
    let s = climate::nearest_n(39.33, 112.43, 3);
    println!(
        "Shuozhou: {}",
        s.iter()
            .map(|n| format!(
                "{} {} {:.1} km",
                n.station.id, n.station.name_zh, n.distance_km
            ))
            .collect::<Vec<_>>()
            .join(", ")
    );
    assert!(s.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));
    assert!(s[0].distance_km > 50.0 && s[0].distance_km < 150.0);
    // Great circle Beijing 545110 – Shanghai 583620, against the spherical law of cosines.
    let (b, sh) = (
        climate::find_by_id("545110").unwrap(),
        climate::find_by_id("583620").unwrap(),
    );
    let d = climate::distance_km(b.latitude, b.longitude, sh.latitude, sh.longitude);
    let (p1, p2) = (b.latitude.to_radians(), sh.latitude.to_radians());
    let dl = (sh.longitude - b.longitude).to_radians();
    let cosine = 6371.0 * (p1.sin() * p2.sin() + p1.cos() * p2.cos() * dl.cos()).acos();
    assert!((d - cosine).abs() < 1e-6, "{d} vs {cosine}");
    assert!((d - 1036.4).abs() < 0.1, "{d}");
    assert_eq!(
        climate::distance_km(b.latitude, b.longitude, sh.latitude, sh.longitude),
        climate::distance_km(sh.latitude, sh.longitude, b.latitude, b.longitude)
    );
    assert!(climate::nearest(f64::NAN, 100.0).is_none());
    let json = serde_json::to_value(&n).unwrap();
    assert!(json.get("distanceKm").is_some() && json.get("station").is_some());
}

#[test]
fn search_by_chinese_name_pinyin_province_or_id() {
    let first = |q: &str| climate::find(q).first().map(|s| s.id.clone());
    for q in [
        "大同",
        "大同市",
        "datong",
        "DaTong",
        "Da Tong",
        "da-tong",
        "534870",
        "53487",
    ] {
        assert_eq!(first(q).as_deref(), Some("534870"), "{q}");
    }
    assert_eq!(first("xian").as_deref(), Some("570360"));
    assert_eq!(first("Xi'an").as_deref(), Some("570360"));
    assert_eq!(first("huaiyang qingjiang").as_deref(), Some("581440"));
    let shanxi = climate::find("山西");
    assert_eq!(shanxi.len(), 7);
    assert!(shanxi.iter().all(|s| s.province_zh == "山西"));
    let shanxi_en: Vec<String> = climate::find("Shanxi")
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(
        shanxi_en,
        shanxi.iter().map(|s| s.id.clone()).collect::<Vec<_>>()
    );
    let nm: Vec<String> = climate::find("内蒙古")
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert_eq!(nm.len(), 29);
    for q in ["Inner Mongolia", "nei mongol", "内蒙古自治区"] {
        let ids: Vec<String> = climate::find(q).iter().map(|s| s.id.clone()).collect();
        assert_eq!(ids, nm, "{q}");
    }
    assert!(climate::find("").is_empty());
    assert!(climate::find("   ").is_empty());
    assert!(climate::find("zzzz").is_empty());
}

#[test]
fn hours_from_a_station() {
    let c = climate::climate("534870").unwrap();
    for v in [Variability::None, Variability::Daily] {
        let w = climate::station_weather_with("534870", None, v).unwrap();
        assert_eq!(w.stamps.len(), 8760);
        assert_eq!(w.timing, Timing::Start);
        assert_eq!(w.step_minutes, 60);
        assert_eq!(w.location.timezone_h, 8.0);
        assert_eq!((w.location.latitude, w.location.longitude), (40.10, 113.33));
        assert_eq!(w.location.elevation_m, 1067.2);
        let s = &w.stamps;
        assert_eq!((s[0].month, s[0].day, s[0].hour, s[0].minute), (1, 1, 0, 0));
        assert_eq!((s[8759].month, s[8759].day, s[8759].hour), (12, 31, 23));
        assert!(s.iter().all(|s| s.year == climate::SYNTH_YEAR));
        // GHI and DHI of every month are the table's, exactly.
        let mut row = 0;
        for k in 0..12 {
            let n = DAYS_IN_MONTH[k] as usize * 24;
            let g: f64 = w.ghi_w_m2[row..row + n].iter().sum::<f64>() / 1000.0;
            let d: f64 = w.dhi_w_m2[row..row + n].iter().sum::<f64>() / 1000.0;
            let b: f64 = w.dni_w_m2[row..row + n].iter().sum::<f64>() / 1000.0;
            assert!(
                (g - c.monthly[k].ghi_kwh_m2).abs() < 1e-9,
                "{v:?} month {k}"
            );
            assert!(
                (d - c.monthly[k].dhi_kwh_m2).abs() < 1e-6,
                "{v:?} month {k}: {d}"
            );
            let b_typ: f64 = c.typical_days[k].iter().map(|h| h.dni_w_m2).sum::<f64>()
                * f64::from(DAYS_IN_MONTH[k])
                / 1000.0;
            assert!((b - b_typ).abs() < 1e-6 * b_typ.max(1.0), "{v:?} month {k}");
            row += n;
        }
        let annual: f64 = w.ghi_w_m2.iter().sum::<f64>() / 1000.0;
        assert!((annual - c.annual_ghi_kwh_m2()).abs() < 1e-6);
        assert!(w
            .ghi_w_m2
            .iter()
            .chain(&w.dni_w_m2)
            .chain(&w.dhi_w_m2)
            .all(|x| x.is_finite() && *x >= 0.0));
        assert!(w
            .dhi_w_m2
            .iter()
            .zip(&w.ghi_w_m2)
            .all(|(d, g)| *d <= g + 1.0));
        // Deterministic.
        assert_eq!(w, climate::station_weather_with("534870", None, v).unwrap());
    }
    // Sun at the user's roof, hours still those of the station.
    let p = Place {
        latitude: 39.33,
        longitude: 112.43,
        elevation_m: Some(1100.0),
    };
    let w = climate::station_weather("534870", Some(p)).unwrap();
    assert_eq!((w.location.latitude, w.location.longitude), (39.33, 112.43));
    assert_eq!(w.location.elevation_m, 1100.0);
    assert_eq!(
        climate::station_weather("nope", None).unwrap_err().code,
        "unknown_station"
    );
}

fn place(lat: f64, lon: f64) -> Place {
    Place {
        latitude: lat,
        longitude: lon,
        elevation_m: None,
    }
}

#[test]
fn monthly_inputs_are_validated() {
    let ghi = [
        80.0, 95.0, 130.0, 150.0, 175.0, 170.0, 160.0, 150.0, 130.0, 110.0, 85.0, 75.0,
    ];
    let ok = MonthlyInputs::new(place(39.33, 112.43), 8.0, &ghi, None);
    assert!(climate::validate_monthly(&ok).is_ok());
    let check = |g: &[f64], t: Option<&[f64]>, code: &str, field: &str| {
        let e = climate::monthly_weather(&MonthlyInputs::new(place(39.33, 112.43), 8.0, g, t))
            .unwrap_err();
        assert_eq!((e.code, e.field.as_str()), (code, field), "{}", e.message);
        assert!(!e.message_zh.is_empty());
    };
    check(&ghi[..11], None, "invalid_length", "resource.ghiKwhM2");
    check(
        &[ghi.as_slice(), &[1.0]].concat(),
        None,
        "invalid_length",
        "resource.ghiKwhM2",
    );
    let mut g = ghi;
    g[3] = f64::NAN;
    check(&g, None, "not_finite", "resource.ghiKwhM2[3]");
    g[3] = f64::INFINITY;
    check(&g, None, "not_finite", "resource.ghiKwhM2[3]");
    g[3] = -1.0;
    check(&g, None, "out_of_range", "resource.ghiKwhM2[3]");
    // June at 39° N: the extraterrestrial total is ≈ 350 kWh/m².
    let h0 = climate::extraterrestrial_monthly_kwh_m2(39.33);
    assert!(h0[5] > 330.0 && h0[5] < 370.0, "{}", h0[5]);
    let mut g = ghi;
    g[5] = h0[5] + 0.1;
    check(&g, None, "out_of_range", "resource.ghiKwhM2[5]");
    g[5] = h0[5];
    let t = [0.0; 12];
    assert!(
        climate::monthly_weather(&MonthlyInputs::new(place(39.33, 112.43), 8.0, &g, Some(&t)))
            .is_ok()
    );
    check(&ghi, Some(&t[..3]), "invalid_length", "resource.tempC");
    let mut t = [10.0; 12];
    t[0] = -70.0;
    check(&ghi, Some(&t), "out_of_range", "resource.tempC[0]");
    t[0] = f64::NAN;
    check(&ghi, Some(&t), "not_finite", "resource.tempC[0]");
    let e = climate::monthly_weather(&MonthlyInputs {
        split: MonthlySplit::Station("123456"),
        ..MonthlyInputs::new(place(39.33, 112.43), 8.0, &ghi, None)
    })
    .unwrap_err();
    assert_eq!(e.code, "unknown_station");
    let e = climate::monthly_weather(&MonthlyInputs::new(place(95.0, 112.43), 8.0, &ghi, None))
        .unwrap_err();
    assert_eq!(
        (e.code, e.field.as_str()),
        ("out_of_range", "site.latitude")
    );
    // All zero is a (dark) year, not an error.
    let w = climate::monthly_weather(&MonthlyInputs::new(
        place(30.0, 100.0),
        8.0,
        &[0.0; 12],
        None,
    ))
    .unwrap();
    assert!(w.weather.ghi_w_m2.iter().all(|g| *g == 0.0));
}

#[test]
fn hours_from_monthly_values() {
    let ghi = [
        80.0, 95.0, 130.0, 150.0, 175.0, 170.0, 160.0, 150.0, 130.0, 110.0, 85.0, 75.0,
    ];
    let temp = [
        -10.0, -6.0, 1.0, 9.0, 16.0, 20.0, 22.0, 20.0, 15.0, 8.0, 0.0, -8.0,
    ];
    // Shuozhou (more than 50 km from any station) and Datong's own coordinates: the nearest
    // station's profile; Shuozhou with the Duffie & Beckman split asked for.
    for (p, split, profile) in [
        (place(39.33, 112.43), MonthlySplit::Auto, true),
        (place(40.10, 113.33), MonthlySplit::Auto, true),
        (place(39.33, 112.43), MonthlySplit::DuffieBeckman, false),
    ] {
        for temp_c in [None, Some(&temp[..])] {
            let r = climate::monthly_weather(&MonthlyInputs {
                split,
                ..MonthlyInputs::new(p, 8.0, &ghi, temp_c)
            })
            .unwrap();
            assert_eq!(r.profile_from_station, profile);
            let w = &r.weather;
            assert_eq!(w.stamps.len(), 8760);
            assert_eq!(
                w.timing,
                if profile {
                    Timing::Start
                } else {
                    Timing::Centre
                }
            );
            let codes: Vec<&str> = r.warnings.iter().map(|w| w.code).collect();
            assert_eq!(
                codes.contains(&"temperature_from_station"),
                temp_c.is_none()
            );
            assert!(codes.contains(&if profile {
                "monthly_profile_from_station"
            } else {
                "monthly_duffie_beckman"
            }));
            let mut row = 0;
            for k in 0..12 {
                let n = DAYS_IN_MONTH[k] as usize * 24;
                let g: f64 = w.ghi_w_m2[row..row + n].iter().sum::<f64>() / 1000.0;
                assert!((g - ghi[k]).abs() < 1e-6, "month {k}: {g}");
                if let Some(t) = temp_c {
                    let mean = w.temp_air_c[row..row + n].iter().sum::<f64>() / n as f64;
                    assert!((mean - t[k]).abs() < 0.15, "month {k}: {mean}");
                }
                row += n;
            }
            assert!(w
                .ghi_w_m2
                .iter()
                .chain(&w.dni_w_m2)
                .chain(&w.dhi_w_m2)
                .chain(&w.temp_air_c)
                .all(|x| x.is_finite()));
            assert!(w
                .dhi_w_m2
                .iter()
                .zip(&w.ghi_w_m2)
                .all(|(d, g)| *d <= g + 1e-9));
            assert_eq!(r.sun_path.is_some(), !profile);
            if !profile {
                // The chain's GHI (DNI·cos z + DHI at its own sun) is the user's GHI.
                let sun = SunPath::new(w);
                assert!(r.sun_path.as_ref().unwrap().matches(w));
                assert_eq!(r.sun_path.as_ref().unwrap().zenith, sun.zenith);
                for i in 0..8760 {
                    let g = w.dni_w_m2[i] * sun.cos_zenith[i].max(0.0) + w.dhi_w_m2[i];
                    assert!((g - w.ghi_w_m2[i]).abs() < 1e-6, "row {i}");
                    if !sun.state[i].is_up() {
                        assert_eq!(w.ghi_w_m2[i], 0.0, "row {i}");
                    }
                }
                for (k, f) in r.diffuse_fraction.iter().enumerate() {
                    assert!((0.1..=1.0).contains(f), "month {k}: {f}");
                }
            }
        }
    }
    // Far from every station (mid-Pacific): still the nearest station's profile, and a
    // far-station warning.
    let r = climate::monthly_weather(&MonthlyInputs::new(place(20.0, -160.0), -10.0, &ghi, None))
        .unwrap();
    assert!(r.profile_from_station);
    assert!(r.station.distance_km > 3000.0);
    assert!(r.warnings[0].message.contains("far away"));
}

#[test]
fn daily_clearness_keeps_the_monthly_means() {
    let c = climate::climate("562940").unwrap();
    let a = climate::station_weather_with("562940", None, Variability::None).unwrap();
    let b = climate::station_weather_with("562940", None, Variability::Daily).unwrap();
    // Same monthly sums, different days: the daily sums spread.
    let day = |w: &rooftop_pv::weather::Weather, d: usize| -> f64 {
        w.ghi_w_m2[d * 24..d * 24 + 24].iter().sum::<f64>()
    };
    let (mut lo, mut hi) = (f64::MAX, 0.0f64);
    for d in 0..31 {
        assert!((day(&a, d) - day(&a, 0)).abs() < 1e-9);
        lo = lo.min(day(&b, d));
        hi = hi.max(day(&b, d));
    }
    assert!(hi / lo > 3.0, "January days {lo:.0}..{hi:.0} Wh/m²");
    let sum = |w: &rooftop_pv::weather::Weather| w.ghi_w_m2.iter().sum::<f64>() / 1000.0;
    assert!((sum(&a) - c.annual_ghi_kwh_m2()).abs() < 1e-6);
    assert!((sum(&b) - c.annual_ghi_kwh_m2()).abs() < 1e-6);
}
