//! Shared by the weather tests: where the real files are (`tests/data/weather/*.gz`, decompressed
//! in memory, and pvlib's wheel in the venv), and the derived texts both the tests and
//! `scripts/weather_reference.py` build the same way.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io::Read as _;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The bytes of a gzip file (a fixture of the repository).
pub fn gunzip(path: &Path) -> Vec<u8> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut bytes)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    bytes
}

/// A weather file of the reference set (the CSWD EPWs and the PSM3 sample of
/// `tests/data/weather/README.md`), decompressed from `tests/data/weather/NAME.gz`.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    gunzip(&root().join("tests/data/weather").join(format!("{name}.gz")))
}

/// pvlib's bundled data folder in the project venv — required (`scripts/setup-venv.sh`).
pub fn pvlib_data_dir() -> PathBuf {
    let lib = root().join(".venv/lib");
    let found = std::fs::read_dir(&lib).ok().and_then(|entries| {
        entries
            .flatten()
            .map(|e| e.path().join("site-packages/pvlib/data"))
            .find(|p| p.join("723170TYA.CSV").exists())
    });
    found.unwrap_or_else(|| {
        panic!(
            "pvlib's data files are missing under {}/python3*/site-packages/pvlib/data: run scripts/setup-venv.sh",
            lib.display()
        )
    })
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file of the reference set as text (the files are ASCII).
pub fn shared(name: &str) -> String {
    String::from_utf8(fixture_bytes(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn pvlib(name: &str) -> String {
    read(&pvlib_data_dir().join(name))
}

pub const DATONG: &str = "CHN_Shanxi.Datong.534870_CSWD.epw";

pub const CSWD: [&str; 12] = [
    "CHN_Beijing.Beijing.545110_CSWD.epw",
    "CHN_Guangdong.Guangzhou.592870_CSWD.epw",
    "CHN_Heilongjiang.Harbin.509530_CSWD.epw",
    "CHN_Shanghai.Shanghai.583620_CSWD.epw",
    "CHN_Shanxi.Datong.534870_CSWD.epw",
    "CHN_Shanxi.Taiyuan.537720_CSWD.epw",
    "CHN_Shanxi.Yuanping.536730_CSWD.epw",
    "CHN_Shanxi.Yuncheng.539590_CSWD.epw",
    "CHN_Sichuan.Chengdu.562940_CSWD.epw",
    "CHN_Tibet.Lhasa.555910_CSWD.epw",
    "CHN_Xinjiang.Uygur.Urumqi.514630_CSWD.epw",
    "CHN_Yunnan.Kunming.567780_CSWD.epw",
];

/// The NSRDB metadata lines of `scripts/weather_reference.py` (`PSM3_META`).
pub const PSM3_META: &str =
    "Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,\
Local Time Zone,Dew Point Units,DHI Units,DNI Units,GHI Units,Temperature Units,\
Pressure Units,Wind Direction Units,Wind Speed Units,Surface Albedo Units,Version\n\
NSRDB,-,-,-,-,40.5137,-108.5449,-7,1900,-7,c,w/m2,w/m2,w/m2,c,mbar,Degrees,m/s,N/A,3.0.6\n";

/// The reference PSM3 file as NSRDB serves it: metadata lines, then each line without the pandas
/// index column.
pub fn psm3_served() -> String {
    let bare = shared("test_psm3_tmy-2017.csv");
    let mut s = String::from(PSM3_META);
    for l in bare.lines().filter(|l| !l.trim().is_empty()) {
        s.push_str(l.split_once(',').map_or(l, |(_, r)| r));
        s.push('\n');
    }
    s
}

/// EPW data rows (split at commas), without the 8 header lines.
pub fn epw_rows(text: &str) -> (Vec<&str>, Vec<Vec<&str>>) {
    let lines: Vec<&str> = text.lines().collect();
    let rows = lines[8..]
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split(',').collect())
        .collect();
    (lines[..8].to_vec(), rows)
}

/// UTC stamp `YYYYMMDD:HHMM` of hour `j` of 2005.
fn utc_label(j: usize) -> String {
    const DAYS: [usize; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let (mut doy, hour) = (j / 24, j % 24);
    let mut m = 0;
    while doy >= DAYS[m] {
        doy -= DAYS[m];
        m += 1;
    }
    format!("2005{:02}{:02}:{:02}00", m + 1, doy + 1, hour)
}

/// PVGIS 5.3 TMY CSV and JSON in UTC made from the Datong EPW exactly as
/// `scripts/weather_reference.py` (`pvgis_from_epw`) makes them.
pub fn pvgis_from_datong() -> (String, String) {
    let text = shared(DATONG);
    let (head, rows) = epw_rows(&text);
    let loc: Vec<&str> = head[0].split(',').collect();
    let (lat, lon, elev): (f64, f64, f64) = (
        loc[6].parse().unwrap(),
        loc[7].parse().unwrap(),
        loc[9].parse().unwrap(),
    );
    let n = rows.len();
    let mut csv = String::new();
    write!(
        csv,
        "Latitude (decimal degrees): {lat:.3}\r\nLongitude (decimal degrees): {lon:.3}\r\n\
         Elevation (m): {elev:.1}\r\nIrradiance Time Offset (h): 0.5\r\nmonth,year\r\n"
    )
    .unwrap();
    for m in 1..=12 {
        write!(csv, "{m},2005\r\n").unwrap();
    }
    csv.push_str("time(UTC),T2m,RH,G(h),Gb(n),Gd(h),IR(h),WS10m,WD10m,SP\r\n");
    let mut json = format!(
        "{{\"inputs\": {{\"location\": {{\"latitude\": {lat}, \"longitude\": {lon}, \"elevation\": {elev}, \
         \"irradiance_time_offset\": 0.5}}, \"meteo_data\": {{\"radiation_db\": \"PVGIS-ERA5\", \"meteo_db\": \"ERA5\"}}}}, \
         \"outputs\": {{\"months_selected\": [], \"tmy_hourly\": ["
    );
    for j in 0..n {
        let f = &rows[(j + 8) % n];
        let v = |k: usize| f[k].trim().parse::<f64>().unwrap();
        let (t, temp, ghi, dni, dhi, ws, sp) =
            (utc_label(j), v(6), v(13), v(14), v(15), v(21), v(9));
        write!(
            csv,
            "{t},{temp:.2},50.00,{ghi:.2},{dni:.2},{dhi:.2},300.00,{ws:.2},0.00,{sp:.1}\r\n"
        )
        .unwrap();
        if j > 0 {
            json.push_str(", ");
        }
        write!(
            json,
            "{{\"time(UTC)\": \"{t}\", \"T2m\": {temp:?}, \"RH\": 50.0, \"G(h)\": {ghi:?}, \"Gb(n)\": {dni:?}, \
             \"Gd(h)\": {dhi:?}, \"IR(h)\": 300.0, \"WS10m\": {ws:?}, \"WD10m\": 0.0, \"SP\": {sp:?}}}"
        )
        .unwrap();
    }
    csv.push_str(
        "\r\nT2m: 2-m air temperature (degree Celsius)\r\n\
         G(h): Global irradiance on the horizontal plane (W/m2)\r\n\
         \r\nPVGIS (c) European Union, 2001-2024\r\n",
    );
    json.push_str("]}, \"meta\": {\"inputs\": {}, \"outputs\": {}}}");
    (csv, json)
}
