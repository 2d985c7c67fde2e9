//! The 270 stations: metadata, lookup by id, nearest station, search by name, and suggestions
//! for a mistyped id.

use serde::Serialize;

use super::stations_data::TABLE;
use super::SOURCE;

/// One row of the generated table (`stations_data.rs`), integers in the source's resolution.
#[derive(Debug, Clone, Copy)]
pub(super) struct Meta {
    /// WMO station number × 10 (the CSWD `wmo` column), e.g. 534870.
    pub wmo: u32,
    /// City in pinyin as in the EPW header, e.g. "Datong".
    pub name_en: &'static str,
    /// Province in pinyin as in the EPW header, e.g. "Nei Mongol".
    pub province_pinyin: &'static str,
    pub name_zh: &'static str,
    pub province_zh: &'static str,
    /// Province in English short form, e.g. "Inner Mongolia".
    pub province_en: &'static str,
    /// [0.01°]
    pub lat_c: i32,
    /// [0.01°]
    pub lon_c: i32,
    /// [0.1 m]
    pub elev_dm: i32,
    /// Sum of the monthly GHI [0.01 kWh/m²].
    pub annual_ghi_c: i32,
}

fn parse(line: &'static str) -> Option<Meta> {
    let mut f = line.split('\t');
    let mut text = || f.next().filter(|s| !s.is_empty());
    let wmo = text()?.parse().ok()?;
    let (name_en, province_pinyin, name_zh) = (text()?, text()?, text()?);
    let (province_zh, province_en) = (text()?, text()?);
    let mut num = || -> Option<i32> { text()?.parse().ok() };
    Some(Meta {
        wmo,
        name_en,
        province_pinyin,
        name_zh,
        province_zh,
        province_en,
        lat_c: num()?,
        lon_c: num()?,
        elev_dm: num()?,
        annual_ghi_c: num()?,
    })
}

/// The table's stations, in order (a line that does not parse is skipped; the blob's station
/// index then disagrees and decoding reports it). Parsed once per process: a station-method
/// `calculate()` walks the table several times, and parsing it each time was a quarter of the call
/// (issue 10).
pub(super) fn metas() -> impl Iterator<Item = Meta> {
    static METAS: std::sync::OnceLock<Vec<Meta>> = std::sync::OnceLock::new();
    let metas = METAS.get_or_init(|| TABLE.lines().filter_map(parse).collect());
    metas.iter().copied()
}

/// Solar resource class of GB/T 31155-2014 (太阳能资源等级) by annual global horizontal
/// irradiation: A 最丰富 ≥ 1750, B 很丰富 1400–1750, C 较丰富 1050–1400, D 一般 < 1050 kWh/m².
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum ResourceClass {
    A,
    B,
    C,
    D,
}

impl ResourceClass {
    /// The class of an annual global horizontal irradiation [kWh/m²].
    pub fn from_annual_ghi(kwh_m2: f64) -> ResourceClass {
        if kwh_m2 >= 1750.0 {
            ResourceClass::A
        } else if kwh_m2 >= 1400.0 {
            ResourceClass::B
        } else if kwh_m2 >= 1050.0 {
            ResourceClass::C
        } else {
            ResourceClass::D
        }
    }
}

/// A built-in climate station (the `Station` of the JavaScript API).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Station {
    /// The CSWD station id: WMO number × 10, six digits, e.g. "534870" (Datong).
    pub id: String,
    /// Station name used by the China Meteorological Administration, e.g. "大同".
    pub name_zh: String,
    /// Name in pinyin as in the CSWD file, e.g. "Datong".
    pub name_en: String,
    /// Province, short form, e.g. "山西", "内蒙古".
    pub province_zh: String,
    /// Province in English, e.g. "Shanxi", "Inner Mongolia".
    pub province_en: String,
    /// [°] north positive.
    pub latitude: f64,
    /// [°] east positive.
    pub longitude: f64,
    /// [m] above sea level.
    pub elevation_m: f64,
    /// Annual global horizontal irradiation of the typical year [kWh/m²].
    pub annual_ghi_kwh_m2: f64,
    /// GB/T 31155-2014 class of `annual_ghi_kwh_m2`.
    pub resource_class: ResourceClass,
    /// Attribution: "CSWD typical year (CMA / Tsinghua)".
    pub source: String,
}

/// A station and how far it is from a place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Nearest {
    pub station: Station,
    /// Great-circle distance [km] (sphere of radius 6,371 km).
    pub distance_km: f64,
}

fn station_of(m: &Meta) -> Station {
    let annual = f64::from(m.annual_ghi_c) / 100.0;
    Station {
        id: m.wmo.to_string(),
        name_zh: m.name_zh.to_string(),
        name_en: m.name_en.to_string(),
        province_zh: m.province_zh.to_string(),
        province_en: m.province_en.to_string(),
        latitude: f64::from(m.lat_c) / 100.0,
        longitude: f64::from(m.lon_c) / 100.0,
        elevation_m: f64::from(m.elev_dm) / 10.0,
        annual_ghi_kwh_m2: annual,
        resource_class: ResourceClass::from_annual_ghi(annual),
        source: SOURCE.to_string(),
    }
}

/// All 270 stations, in the order of the source table (by province in pinyin, then city).
pub fn stations() -> Vec<Station> {
    metas().map(|m| station_of(&m)).collect()
}

/// Number of built-in stations.
pub fn count() -> usize {
    metas().count()
}

/// Index of a station id in the table: the six-digit CSWD id ("534870") or the five-digit WMO
/// number ("53487"), surrounding spaces ignored.
pub(super) fn index_of(id: &str) -> Option<usize> {
    let id = id.trim();
    if !(5..=6).contains(&id.len()) || !id.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = id.parse().ok()?;
    let wmo = if id.len() == 5 { n * 10 } else { n };
    metas().position(|m| m.wmo == wmo)
}

/// The station with this id ("534870", or the five-digit WMO number "53487"), if built in.
pub fn find_by_id(id: &str) -> Option<Station> {
    index_of(id).and_then(by_index)
}

pub(super) fn by_index(i: usize) -> Option<Station> {
    metas().nth(i).map(|m| station_of(&m))
}

/// Great-circle distance [km] between two points given in degrees (haversine, R = 6,371 km).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// The `n` stations nearest to a place (latitude, longitude [°]), nearest first. Non-finite
/// coordinates give an empty list.
pub fn nearest_n(latitude: f64, longitude: f64, n: usize) -> Vec<Nearest> {
    if !latitude.is_finite() || !longitude.is_finite() {
        return Vec::new();
    }
    let all: Vec<Meta> = metas().collect();
    let d: Vec<f64> = all
        .iter()
        .map(|m| {
            let (la, lo) = (f64::from(m.lat_c) / 100.0, f64::from(m.lon_c) / 100.0);
            distance_km(latitude, longitude, la, lo)
        })
        .collect();
    smallest(&d, n)
        .into_iter()
        .map(|i| Nearest {
            station: station_of(&all[i]),
            distance_km: d[i],
        })
        .collect()
}

/// Indices of the `n` smallest keys, smallest first, ties in index order. (A selection, not a
/// sort: Rust's sorts are large in WebAssembly, and `n` is small.)
fn smallest<K: PartialOrd + Copy>(keys: &[K], n: usize) -> Vec<usize> {
    let mut taken = vec![false; keys.len()];
    let mut out = Vec::with_capacity(n.min(keys.len()));
    for _ in 0..n.min(keys.len()) {
        let mut best: Option<usize> = None;
        for (i, k) in keys.iter().enumerate() {
            if !taken[i] && best.map_or(true, |b| *k < keys[b]) {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        taken[b] = true;
        out.push(b);
    }
    out
}

/// The station nearest to a place (latitude, longitude [°]) and its distance; `None` only for
/// non-finite coordinates.
pub fn nearest(latitude: f64, longitude: f64) -> Option<Nearest> {
    nearest_n(latitude, longitude, 1).into_iter().next()
}

/// ASCII lower case (pinyin; Chinese has no case), without spaces, hyphens, apostrophes, dots and underscores: "Xi'an" → "xian",
/// "Huaiyang-Qingjiang" → "huaiyangqingjiang", "Nei Mongol" → "neimongol".
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\'' | '’' | '.' | '_' | '·' | '\u{3000}'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Administrative suffixes a user may type after a Chinese name ("大同市", "山西省").
const ZH_SUFFIXES: [&str; 8] = [
    "特别行政区",
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "自治区",
    "市",
    "省",
    "县",
];

fn strip_zh_suffix(q: &str) -> &str {
    for s in ZH_SUFFIXES {
        if let Some(rest) = q.strip_suffix(s) {
            if rest.chars().count() >= 2 {
                return rest;
            }
        }
    }
    q
}

/// How well station `m` matches a folded query; lower is better, `None` is no match.
fn rank(m: &Meta, q: &str, q_zh: &str) -> Option<u8> {
    let id = m.wmo.to_string();
    let name = fold(m.name_en);
    let provinces = [
        fold(m.province_pinyin),
        fold(m.province_en),
        m.province_zh.to_string(),
    ];
    if id == q || id.strip_suffix('0') == Some(q) {
        return Some(0);
    }
    if name == q || m.name_zh == q || m.name_zh == q_zh {
        return Some(1);
    }
    if name.starts_with(q) || m.name_zh.starts_with(q_zh) {
        return Some(2);
    }
    if provinces.iter().any(|p| *p == q || p == q_zh) {
        return Some(3);
    }
    if name.contains(q) || m.name_zh.contains(q_zh) {
        return Some(4);
    }
    if q.len() >= 3 && id.starts_with(q) {
        return Some(5);
    }
    if provinces
        .iter()
        .any(|p| p.starts_with(q) || p.starts_with(q_zh))
    {
        return Some(6);
    }
    None
}

/// Stations matching a search text — a Chinese name ("大同", "大同市"), pinyin in any case with
/// or without spaces and hyphens ("datong", "Xi'an"), a province ("山西", "Shanxi", "Inner
/// Mongolia", "内蒙古") or an id ("534870", "53487") — best matches first: exact id, exact name,
/// name prefix, province, name substring, id prefix, province prefix; ties in table order.
/// An empty query matches nothing.
pub fn find(query: &str) -> Vec<Station> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let q_zh = strip_zh_suffix(&q).to_string();
    let all: Vec<Meta> = metas().collect();
    let ranks: Vec<Option<u8>> = all.iter().map(|m| rank(m, &q, &q_zh)).collect();
    let mut out = Vec::new();
    for r in 0..=6 {
        for (m, _) in all.iter().zip(&ranks).filter(|(_, k)| **k == Some(r)) {
            out.push(station_of(m));
        }
    }
    out
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diag + usize::from(ca != cb));
            diag = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The three stations whose id, pinyin or Chinese name is nearest to `query` by edit distance
/// (ties in table order): the suggestions of an `unknown_station` error.
pub fn suggestions(query: &str) -> Vec<Station> {
    let q = fold(query.trim());
    let q_zh = strip_zh_suffix(&q).to_string();
    let all: Vec<Meta> = metas().collect();
    let d: Vec<usize> = all
        .iter()
        .map(|m| {
            edit_distance(&q, &fold(m.name_en))
                .min(edit_distance(&q_zh, m.name_zh))
                .min(edit_distance(&q, &m.wmo.to_string()))
        })
        .collect();
    smallest(&d, 3)
        .into_iter()
        .map(|i| station_of(&all[i]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("datong", "datong"), 0);
        assert_eq!(edit_distance("datog", "datong"), 1);
        assert_eq!(edit_distance("大同", "大通"), 1);
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Xi'an"), "xian");
        assert_eq!(fold(" Huaiyang-Qingjiang "), "huaiyangqingjiang");
        assert_eq!(strip_zh_suffix("大同市"), "大同");
        assert_eq!(strip_zh_suffix("新疆维吾尔自治区"), "新疆");
        assert_eq!(strip_zh_suffix("沙市"), "沙市");
    }

    #[test]
    fn classes_at_their_bounds() {
        assert_eq!(ResourceClass::from_annual_ghi(1750.0), ResourceClass::A);
        assert_eq!(ResourceClass::from_annual_ghi(1749.99), ResourceClass::B);
        assert_eq!(ResourceClass::from_annual_ghi(1400.0), ResourceClass::B);
        assert_eq!(ResourceClass::from_annual_ghi(1050.0), ResourceClass::C);
        assert_eq!(ResourceClass::from_annual_ghi(1049.9), ResourceClass::D);
    }
}
