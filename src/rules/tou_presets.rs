//! Provincial commercial/industrial time-of-use tariffs (periods by month and clock hour, ratios
//! to the flat price), as transcribed with their notices in a public repository of provincial
//! tariffs (a Julia energy-storage model; read there, not in the notices: every preset is to
//! confirm). The shipped prices are a representative flat price of 0.65 yuan/kWh × the ratios:
//! enter the flat price of your own bill (代理购电 or market contract), the ratios stay.
//! Holiday-only deep valleys and the critical peaks reserved to ≥ 315 kVA industry or to half
//! months are not modelled (each preset's note says which).

use crate::diag::{bi, Bilingual};
use crate::emissions::Source;
use crate::scenario::{Period, TimeOfUse, TouPrices, TouSeason};
use crate::tariff::{day, shanxi_presets, TimeOfUsePreset};

/// Representative flat price [yuan/kWh] the shipped prices are scaled from (to replace).
pub const REPRESENTATIVE_FLAT_YUAN_KWH: f64 = 0.65;

/// Ratios to flat [-]: critical peak, peak, valley, deep valley.
fn ratios(sharp: Option<f64>, peak: f64, valley: f64, deep: Option<f64>) -> TouPrices {
    TouPrices {
        sharp_peak: sharp,
        peak,
        flat: 1.0,
        valley,
        deep_valley: deep,
    }
}

/// Prices [yuan/kWh] = representative flat × ratios, rounded to 0.1 fen.
fn scaled(r: &TouPrices) -> TouPrices {
    let f = |x: f64| (x * REPRESENTATIVE_FLAT_YUAN_KWH * 10_000.0).round() / 10_000.0;
    TouPrices {
        sharp_peak: r.sharp_peak.map(f),
        peak: f(r.peak),
        flat: f(r.flat),
        valley: f(r.valley),
        deep_valley: r.deep_valley.map(f),
    }
}

struct Notice {
    id: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    valid_from: &'static str,
    valid_until: Option<&'static str>,
    ratios: TouPrices,
    schedule: Vec<TouSeason>,
    issuer: Bilingual,
    document: Bilingual,
    year: u32,
    note: Bilingual,
}

fn preset(n: Notice) -> TimeOfUsePreset {
    TimeOfUsePreset {
        id: n.id,
        name_zh: n.name_zh,
        name_en: n.name_en,
        valid_from: n.valid_from,
        valid_until: n.valid_until,
        time_of_use: TimeOfUse {
            prices: scaled(&n.ratios),
            schedule: n.schedule,
        },
        ratios: Some(n.ratios),
        confirmed: false,
        source: Source::shipped(n.issuer, n.document, n.year, Some(n.note)),
    }
}

fn row(months: &[u32], hours: Vec<Period>) -> TouSeason {
    TouSeason {
        months: months.to_vec(),
        hours,
    }
}

/// The provincial presets.
pub fn provincial() -> Vec<TimeOfUsePreset> {
    use Period::{DeepValley as D, Peak as P, SharpPeak as S, Valley as V};
    vec![
        preset(Notice {
            id: "shandong-ci-2026",
            name_zh: "山东工商业分时电价（2026 年，五段含午间深谷）",
            name_en: "Shandong commercial/industrial time-of-use (2026, five periods with a midday deep valley)",
            valid_from: "2026-01-01",
            valid_until: None,
            ratios: ratios(Some(2.0), 1.7, 0.3, Some(0.1)),
            schedule: vec![
                row(&[1, 2, 12], day(&[(2, 5, V), (7, 8, P), (10, 14, V), (11, 13, D), (16, 20, P), (16, 18, S)])),
                row(&[3, 4, 5], day(&[(10, 14, V), (11, 13, D), (17, 21, P), (17, 19, S)])),
                row(&[6], day(&[(7, 11, V), (16, 22, P), (17, 21, S)])),
                row(&[7, 8], day(&[(1, 5, V), (16, 22, P), (17, 21, S)])),
                row(&[9, 10, 11], day(&[(10, 14, V), (11, 13, D), (16, 20, P), (17, 18, S)])),
            ],
            issuer: bi("Jinan Development and Reform Commission (Shandong time-of-use policy)", "济南市发展和改革委员会（山东省分时电价政策）"),
            document: bi(
                "Announcement of the 2026 time-of-use periods (jndpc.jinan.gov.cn/col2191/art/2025/art_2191_4789557.html, 2025), as \
                 transcribed in a public repository; a second repository lists the same periods under Lu Fa Gai Jia Ge [2023] No. 914",
                "2026 年分时电价时段公告（jndpc.jinan.gov.cn/col2191/art/2025/art_2191_4789557.html，2025 年），据公开代码库转录；\
                 另一代码库以鲁发改价格〔2023〕914号列出相同时段",
            ),
            year: 2026,
            note: bi(
                "Jan, Feb, Dec: valley 02–06 and 10–15 (deep valley 11–14), peak 07–09 and 16–21 (critical 16–19); Mar–May: valley \
                 10–15 (deep 11–14), peak 17–22 (critical 17–20); Jun: valley 07–12, peak 16–23 (critical 17–22); Jul–Aug: valley \
                 01–06, peak 16–23 (critical 17–22); Sep–Nov: valley 10–15 (deep 11–14), peak 16–21 (critical 17–19). Ratios to flat: \
                 peak +70 %, critical +100 %, valley −70 %, deep valley −90 % (to confirm). Prices: 0.65 yuan/kWh flat × ratios, \
                 representative.",
                "1、2、12 月：低谷 2–6 时、10–15 时（其中深谷 11–14 时），高峰 7–9 时、16–21 时（其中尖峰 16–19 时）；3–5 月：低谷 10–15 时\
                 （深谷 11–14 时），高峰 17–22 时（尖峰 17–20 时）；6 月：低谷 7–12 时，高峰 16–23 时（尖峰 17–22 时）；7–8 月：低谷 1–6 时，\
                 高峰 16–23 时（尖峰 17–22 时）；9–11 月：低谷 10–15 时（深谷 11–14 时），高峰 16–21 时（尖峰 17–19 时）。相对平段：高峰上浮 70%、\
                 尖峰上浮 100%、低谷下浮 70%、深谷下浮 90%（待核实）。电价为平段 0.65 元/kWh × 比例的代表值。",
            ),
        }),
        preset(Notice {
            id: "shandong-ci-2024",
            name_zh: "山东工商业分时电价（2024–2025 年）",
            name_en: "Shandong commercial/industrial time-of-use (2024–2025)",
            valid_from: "2024-01-01",
            valid_until: Some("2025-12-31"),
            ratios: ratios(Some(2.0), 1.7, 0.3, Some(0.1)),
            schedule: vec![
                row(&[3, 4, 5], day(&[(10, 14, V), (11, 13, D), (17, 21, P), (17, 19, S)])),
                row(&[6, 7, 8], day(&[(0, 5, V), (16, 21, P), (17, 21, S)])),
                row(&[9, 10, 11], day(&[(10, 14, V), (11, 13, D), (16, 20, P), (17, 18, S)])),
                row(&[1, 2, 12], day(&[(10, 14, V), (11, 13, D), (16, 20, P), (16, 18, S)])),
            ],
            issuer: bi("Shandong Development and Reform Commission", "山东省发展和改革委员会"),
            document: bi(
                "2024 season and peak–valley period table of Shandong's commercial/industrial time-of-use tariff, as quoted on a \
                 public web page",
                "2024 年山东工商业分时电价季节及峰谷时段划分表，据公开网页引用",
            ),
            year: 2024,
            note: bi(
                "Spring (Mar–May): valley 10–15 (deep 11–14), peak 17–22 (critical 17–20); summer (Jun–Aug): valley 00–06, peak \
                 16–22 (critical 17–22); autumn (Sep–Nov): valley 10–15 (deep 11–14), peak 16–21 (critical 17–19); winter (Dec–Feb): \
                 valley 10–15 (deep 11–14), peak 16–21 (critical 16–19). Ratios as the 2026 preset (to confirm); the change date \
                 to the 2026 periods is taken as 2026-01-01 (to confirm).",
                "春季（3–5 月）：低谷 10–15 时（深谷 11–14 时），高峰 17–22 时（尖峰 17–20 时）；夏季（6–8 月）：低谷 0–6 时，高峰 16–22 时\
                 （尖峰 17–22 时）；秋季（9–11 月）：低谷 10–15 时（深谷 11–14 时），高峰 16–21 时（尖峰 17–19 时）；冬季（12–2 月）：低谷 10–15 时\
                 （深谷 11–14 时），高峰 16–21 时（尖峰 16–19 时）。浮动比例同 2026 年预设（待核实）；改用 2026 年时段的日期按 2026-01-01 计（待核实）。",
            ),
        }),
        preset(Notice {
            id: "jiangsu-ci-2025",
            name_zh: "江苏工商业分时电价（2025 年 6 月起）",
            name_en: "Jiangsu commercial/industrial time-of-use (from June 2025)",
            valid_from: "2025-06-01",
            valid_until: None,
            ratios: ratios(None, 1.7, 0.35, None),
            schedule: vec![
                row(&[6, 7, 8, 12, 1, 2], day(&[(0, 5, V), (11, 12, V), (14, 21, P)])),
                row(&[3, 4, 5, 9, 10, 11], day(&[(2, 5, V), (10, 13, V), (15, 21, P)])),
            ],
            issuer: bi("Jiangsu Development and Reform Commission", "江苏省发展和改革委员会"),
            document: bi(
                "Su Fa Gai Jia Ge Fa [2025] No. 426 (in force 2025-06-01; fzggw.jiangsu.gov.cn/art/2025/4/30/art_284_11557001.html), as \
                 transcribed in a public repository; the summer/winter periods also as quoted from the notice in a second one",
                "苏发改价格发〔2025〕426号（2025-06-01 起执行；fzggw.jiangsu.gov.cn/art/2025/4/30/art_284_11557001.html），据公开代码库转录；\
                 夏冬季时段另见第二个代码库对通知原文的引用",
            ),
            year: 2025,
            note: bi(
                "Summer and winter (Jun–Aug, Dec–Feb): valley 00–06 and 11–13, peak 14–22; spring and autumn: valley 02–06 and \
                 10–14, peak 15–22; other hours flat. Single-part users ≥ 100 kVA: peak +70 %, valley −65 % (to confirm). Not \
                 modelled: the critical peak of industry ≥ 315 kVA (Jul–Aug 14–15 and 19:30–21:30, Dec–Jan 18–20) and the holiday \
                 deep valley 10–14.",
                "夏冬季（6–8 月、12–2 月）：低谷 0–6 时、11–13 时，高峰 14–22 时；春秋季：低谷 2–6 时、10–14 时，高峰 15–22 时；其余为平段。\
                 单一制 100 千伏安及以上：高峰上浮 70%、低谷下浮 65%（待核实）。未计入：315 千伏安及以上工业尖峰（7–8 月 14–15 时、19:30–21:30，\
                 12–1 月 18–20 时）及节假日深谷 10–14 时。",
            ),
        }),
        preset(Notice {
            id: "zhejiang-ci-2026",
            name_zh: "浙江工商业分时电价（2026 年 7 月起）",
            name_en: "Zhejiang commercial/industrial time-of-use (from July 2026)",
            valid_from: "2026-07-01",
            valid_until: None,
            ratios: ratios(Some(2.05), 1.85, 0.4, None),
            schedule: vec![
                row(&[2, 3, 4, 5, 6, 9, 10, 11], day(&[(0, 6, V), (11, 13, V), (16, 22, P)])),
                row(&[1, 7, 8, 12], day(&[(0, 6, V), (11, 13, V), (16, 17, P), (18, 21, S), (22, 22, P)])),
            ],
            issuer: bi("Zhejiang Development and Reform Commission", "浙江省发展和改革委员会"),
            document: bi(
                "Zhe Fa Gai Jia Ge [2026] No. 112 (in force 2026-07-01), as transcribed in a public repository; the ratios 2.05 : 1.85 : \
                 1 : 0.4 : 0.2 also in a public report of the notice (aspirehk.ltd, 2026-06-04)",
                "浙发改价格〔2026〕112号（2026-07-01 起执行），据公开代码库转录；比例 2.05:1.85:1:0.4:0.2 亦见通知的公开报道（aspirehk.ltd，2026-06-04）",
            ),
            year: 2026,
            note: bi(
                "Feb–Jun and Sep–Nov: valley 00–07 and 11–14, peak 16–23; Jan, Jul, Aug, Dec: valley as above, peak 16–18 and \
                 22–23, critical peak 18–22; other hours flat. Critical : peak : flat : valley : deep valley = 2.05 : 1.85 : 1 : \
                 0.4 : 0.2 (to confirm). The holiday deep valley 09–15 is not modelled.",
                "2–6 月、9–11 月：低谷 0–7 时、11–14 时，高峰 16–23 时；1、7、8、12 月：低谷同上，高峰 16–18 时、22–23 时，尖峰 18–22 时；\
                 其余为平段。尖峰:高峰:平段:低谷:深谷 = 2.05:1.85:1:0.4:0.2（待核实）。节假日深谷 9–15 时未计入。",
            ),
        }),
        preset(Notice {
            id: "guangdong-ci-2021",
            name_zh: "广东工商业峰谷分时电价（2021 年起）",
            name_en: "Guangdong commercial/industrial time-of-use (from 2021)",
            valid_from: "2021-10-01",
            valid_until: None,
            ratios: ratios(Some(2.125), 1.7, 0.38, None),
            schedule: vec![
                row(&[1, 2, 3, 4, 5, 6, 10, 11, 12], day(&[(0, 7, V), (10, 11, P), (14, 18, P)])),
                row(&[7, 8, 9], day(&[(0, 7, V), (10, 10, P), (11, 11, S), (14, 14, P), (15, 16, S), (17, 18, P)])),
            ],
            issuer: bi("Guangdong Development and Reform Commission", "广东省发展和改革委员会"),
            document: bi(
                "Yue Fa Gai Jia Ge [2021] No. 331 (drc.gd.gov.cn/ywtz/content/post_3500421.html), as transcribed in a public repository; \
                 the same periods in a second one",
                "粤发改价格〔2021〕331号（drc.gd.gov.cn/ywtz/content/post_3500421.html），据公开代码库转录；第二个代码库时段相同",
            ),
            year: 2021,
            note: bi(
                "All year: valley 00–08, peak 10–12 and 14–19, other hours flat; Jul–Sep critical peak 11–12 and 15–17. Peak : \
                 flat : valley = 1.7 : 1 : 0.38, critical = peak + 25 % (to confirm). The start date 2021-10-01 is to confirm; \
                 critical peaks on other hot days are not modelled.",
                "全年：低谷 0–8 时，高峰 10–12 时、14–19 时，其余为平段；7–9 月尖峰 11–12 时、15–17 时。峰:平:谷 = 1.7:1:0.38，尖峰在高峰基础上\
                 上浮 25%（待核实）。起始日期 2021-10-01 待核实；其他高温日尖峰未计入。",
            ),
        }),
        preset(Notice {
            id: "anhui-ci-2025",
            name_zh: "安徽工商业分时电价（2025 年 7 月起）",
            name_en: "Anhui commercial/industrial time-of-use (from July 2025)",
            valid_from: "2025-07-01",
            valid_until: None,
            ratios: ratios(None, 1.74, 0.382, None),
            schedule: vec![
                row(&[2, 3, 4, 5, 6, 10, 11], day(&[(0, 5, V), (6, 7, P), (11, 13, V), (16, 21, P), (23, 23, V)])),
                row(&[7, 8, 9], day(&[(2, 8, V), (11, 12, V), (16, 23, P)])),
                row(&[1, 12], day(&[(0, 5, V), (12, 13, V), (15, 22, P), (23, 23, V)])),
            ],
            issuer: bi("Anhui Development and Reform Commission", "安徽省发展和改革委员会"),
            document: bi(
                "Anhui time-of-use notice in force from 2025-07-01 (fzggw.ah.gov.cn/public/7011/149979901.html), as transcribed in a \
                 public repository; a second repository lists the same periods under Wan Fa Gai Jia Ge [2025] No. 302",
                "安徽省分时电价通知（2025-07-01 起执行，fzggw.ah.gov.cn/public/7011/149979901.html），据公开代码库转录；\
                 另一代码库以皖发改价格〔2025〕302号列出相同时段",
            ),
            year: 2025,
            note: bi(
                "Feb–Jun, Oct–Nov: valley 23–06 and 11–14, peak 06–08 and 16–22; Jul–Sep: valley 02–09 and 11–13, peak 16–24; \
                 Jan, Dec: valley 23–06 and 12–14, peak 15–23; other hours flat. Valley −61.8 %; peak +74 % in spring and autumn \
                 but +84.3 % in summer and winter — one peak ratio per preset here, so summer and winter peaks are 6 % low (to \
                 confirm). Not modelled: critical peaks (Jul 15–Aug 31 20–22, Dec 15–Jan 31 19–21, industry ≥ 315 kVA) and the \
                 holiday deep valley 11–15.",
                "2–6 月、10–11 月：低谷 23–6 时、11–14 时，高峰 6–8 时、16–22 时；7–9 月：低谷 2–9 时、11–13 时，高峰 16–24 时；1、12 月：低谷 \
                 23–6 时、12–14 时，高峰 15–23 时；其余为平段。低谷下浮 61.8%；高峰春秋季上浮 74%，夏冬季上浮 84.3%——本预设只有一个高峰比例，\
                 夏冬季高峰偏低 6%（待核实）。未计入：尖峰（7 月 15 日–8 月 31 日 20–22 时、12 月 15 日–1 月 31 日 19–21 时，315 千伏安及以上工业）\
                 及节假日深谷 11–15 时。",
            ),
        }),
        preset(Notice {
            id: "shaanxi-ci-2025",
            name_zh: "陕西工商业分时电价（2025 年 8 月起）",
            name_en: "Shaanxi commercial/industrial time-of-use (from August 2025)",
            valid_from: "2025-08-01",
            valid_until: None,
            ratios: ratios(Some(1.9), 1.7, 0.3, None),
            schedule: vec![
                row(&[2, 3, 4, 5, 6, 9, 10, 11], day(&[(0, 5, V), (11, 13, V), (16, 22, P)])),
                row(&[7, 8], day(&[(0, 5, V), (11, 13, V), (16, 22, P), (19, 20, S)])),
                row(&[1, 12], day(&[(0, 5, V), (11, 13, V), (16, 22, P), (18, 19, S)])),
            ],
            issuer: bi("Shaanxi Development and Reform Commission", "陕西省发展和改革委员会"),
            document: bi(
                "Shaan Fa Gai Jia Ge [2025] No. 1034 (in force 2025-08-01; sndrc.shaanxi.gov.cn, 2025-07-23), as transcribed in a public \
                 repository; the same periods in a second one",
                "陕发改价格〔2025〕1034号（2025-08-01 起执行；陕西省发改委网站 2025-07-23），据公开代码库转录；第二个代码库时段相同",
            ),
            year: 2025,
            note: bi(
                "All year: valley 00–06 and 11–14, peak 16–23, other hours flat; critical peak Jul–Aug 19–21, Jan and Dec 18–20. \
                 Agency-purchase C&I users: peak +70 %, valley −70 %, critical +90 % over flat (to confirm).",
                "全年：低谷 0–6 时、11–14 时，高峰 16–23 时，其余为平段；尖峰 7–8 月 19–21 时、1 月和 12 月 18–20 时。代理购电工商业用户：\
                 高峰上浮 70%、低谷下浮 70%、尖峰在平段基础上上浮 90%（待核实）。",
            ),
        }),
        preset(Notice {
            id: "yunnan-ci-2026",
            name_zh: "云南工商业分时电价（2026 年 3 月起）",
            name_en: "Yunnan commercial/industrial time-of-use (from March 2026)",
            valid_from: "2026-03-01",
            valid_until: None,
            ratios: ratios(None, 1.5, 0.5, None),
            schedule: vec![row(
                &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
                day(&[(2, 5, V), (7, 8, P), (12, 15, V), (18, 23, P)]),
            )],
            issuer: bi("Yunnan Development and Reform Commission", "云南省发展和改革委员会"),
            document: bi(
                "Yun Fa Gai Jia Ge [2026] No. 51 (in force 2026-03-01; yndrc.yn.gov.cn/html/2026/tongzhigonggao_0120/25211.html), as \
                 transcribed in a public repository",
                "云发改价格〔2026〕51号（2026-03-01 起执行；yndrc.yn.gov.cn/html/2026/tongzhigonggao_0120/25211.html），据公开代码库转录",
            ),
            year: 2026,
            note: bi(
                "All year: peak 07–09 and 18–24, valley 02–06 and 12–16, other hours flat; peak : flat : valley = 1.5 : 1 : 0.5; \
                 the critical peak is suspended (to confirm).",
                "全年：高峰 7–9 时、18–24 时，低谷 2–6 时、12–16 时，其余为平段；峰:平:谷 = 1.5:1:0.5；尖峰电价暂缓执行（待核实）。",
            ),
        }),
        preset(Notice {
            id: "hebei-south-ci-2026",
            name_zh: "河北南网工商业分时电价（冀发改能价〔2025〕1115号，含午间深谷）",
            name_en: "Hebei South grid commercial/industrial time-of-use (Ji Fa Gai Neng Jia [2025] No. 1115, midday deep valley)",
            valid_from: "2026-01-01",
            valid_until: None,
            ratios: ratios(Some(2.04), 1.7, 0.3, Some(0.24)),
            schedule: vec![
                row(&[3, 4, 5], day(&[(3, 6, V), (11, 11, V), (12, 14, D), (16, 23, P)])),
                row(&[6, 7, 8], day(&[(1, 6, V), (12, 13, V), (16, 18, P), (19, 21, S), (22, 23, P)])),
                row(&[9, 10, 11], day(&[(2, 5, V), (11, 11, V), (12, 13, D), (14, 14, V), (16, 23, P)])),
                row(&[12, 1, 2], day(&[(2, 5, V), (7, 8, P), (11, 14, V), (17, 18, S), (19, 22, P)])),
            ],
            issuer: bi("Hebei Development and Reform Commission", "河北省发展和改革委员会"),
            document: bi(
                "Notice on optimising the time-of-use tariff of commercial/industrial and other users of the Hebei South grid, \
                 Ji Fa Gai Neng Jia [2025] No. 1115, periods as quoted from the notice in a public repository of provincial tariff \
                 periods (not read in the notice itself)",
                "河北省发展和改革委员会关于优化调整河北南网工商业及其他用户分时电价政策的通知（冀发改能价〔2025〕1115号），\
                 时段据公开代码库对通知原文的引用（未见通知原件）",
            ),
            year: 2025,
            note: bi(
                "Spring (Mar–May): deep valley 12–15, valley 03–07 and 11–12, peak 16–24; summer (Jun–Aug): valley 01–07 and 12–14, \
                 peak 16–19 and 22–24, critical peak 19–22; autumn (Sep–Nov): deep valley 12–14, valley 02–06, 11–12 and 14–15, peak \
                 16–24; winter (Dec–Feb): valley 02–06 and 11–15, peak 07–09 and 19–23, critical peak 17–19; other hours flat. \
                 Not found: the ratios of this notice and its start date. ASSUMED: the Hebei North 2025 ratios (peak +70 %, valley \
                 −70 %, critical = peak +20 %, deep valley = valley −20 %) and a start on 2026-01-01 (to confirm).",
                "春季（3–5 月）：深谷 12–15 时，低谷 3–7 时、11–12 时，高峰 16–24 时；夏季（6–8 月）：低谷 1–7 时、12–14 时，高峰 16–19 时、\
                 22–24 时，尖峰 19–22 时；秋季（9–11 月）：深谷 12–14 时，低谷 2–6 时、11–12 时、14–15 时，高峰 16–24 时；冬季（12–2 月）：\
                 低谷 2–6 时、11–15 时，高峰 7–9 时、19–23 时，尖峰 17–19 时；其余为平段。未查到：本通知的浮动比例和执行日期。\
                 假定：采用冀北 2025 年比例（高峰上浮 70%、低谷下浮 70%、尖峰在高峰基础上上浮 20%、深谷在低谷基础上下浮 20%），\
                 自 2026-01-01 起执行（待核实）。",
            ),
        }),
        preset(Notice {
            id: "hebei-north-ci-2026",
            name_zh: "冀北电网工商业分时电价（冀发改能价〔2023〕1711号时段，夏季按 2025 年 1275 号）",
            name_en: "Hebei North grid commercial/industrial time-of-use (periods of Ji Fa Gai Neng Jia [2023] No. 1711, summer as 2025 No. 1275)",
            valid_from: "2026-08-01",
            valid_until: None,
            ratios: ratios(Some(2.04), 1.7, 0.3, None),
            schedule: vec![
                row(&[6, 7, 8], day(&[(0, 6, V), (10, 11, P), (16, 16, P), (17, 18, S), (19, 21, P), (23, 23, V)])),
                row(&[11, 12, 1], day(&[(1, 6, V), (8, 9, P), (12, 13, V), (16, 16, P), (17, 18, S), (19, 21, P)])),
                row(&[2, 3, 4, 5, 9, 10], day(&[(1, 6, V), (8, 9, P), (12, 13, V), (16, 21, P)])),
            ],
            issuer: bi("Hebei Development and Reform Commission", "河北省发展和改革委员会"),
            document: bi(
                "Notice on improving the time-of-use tariff of the Hebei North grid, Ji Fa Gai Neng Jia [2023] No. 1711 (periods as \
                 quoted from the notice in a public repository of provincial tariff periods), and the State Grid Jibei August 2026 \
                 agency-purchase table under Ji Fa Gai Neng Jia [2025] No. 1275 (as transcribed in a public repository of tariff \
                 tables): not read in either notice",
                "河北省发展和改革委员会关于进一步完善冀北电网工商业及其他用户分时电价政策的通知（冀发改能价〔2023〕1711号，时段据公开代码库对原文的引用），\
                 及国网冀北 2026 年 8 月代理购电价格表（依据冀发改能价〔2025〕1275号，据公开代码库转录）；均未见通知原件",
            ),
            year: 2026,
            note: bi(
                "Summer (Jun–Aug): valley 00–07 and 23–24, peak 10–12, 16–17 and 19–22, critical peak 17–19 (the August 2026 table; \
                 No. 1711 had critical 17–20, peak 20–22); Nov–Jan: valley 01–07 and 12–14, peak 08–10, 16–17 and 19–22, critical \
                 17–19; Feb–May, Sep–Oct: valley 01–07 and 12–14, peak 08–10 and 16–22; other hours flat (No. 1711; whether No. 1275 \
                 changed these seasons was not found). Ratios as the 2026 table: peak +70 %, valley −70 %, critical = peak +20 % \
                 (deep valley = valley −20 % is listed but no deep-valley hour was found). To confirm; valid from the first month \
                 seen, 2026-08.",
                "夏季（6–8 月）：低谷 0–7 时、23–24 时，高峰 10–12 时、16–17 时、19–22 时，尖峰 17–19 时（据 2026 年 8 月价格表；1711 号为尖峰 17–20 时、\
                 高峰 20–22 时）；11–1 月：低谷 1–7 时、12–14 时，高峰 8–10 时、16–17 时、19–22 时，尖峰 17–19 时；2–5 月、9–10 月：低谷 1–7 时、\
                 12–14 时，高峰 8–10 时、16–22 时；其余为平段（1711 号；未查到 1275 号是否调整这些季节）。比例据 2026 年价格表：高峰上浮 70%、\
                 低谷下浮 70%、尖峰在高峰基础上上浮 20%（列有深谷在低谷基础上下浮 20%，但未查到深谷时段）。待核实；起始日期取所见最早月份 2026-08。",
            ),
        }),
        preset(Notice {
            id: "henan-ci-2024",
            name_zh: "河南工商业分时电价（2024 年 6 月起，午间低谷）",
            name_en: "Henan commercial/industrial time-of-use (from June 2024, midday valley)",
            valid_from: "2024-06-01",
            valid_until: None,
            ratios: ratios(Some(2.028), 1.69, 0.41, None),
            schedule: vec![
                row(&[1, 12], day(&[(0, 5, V), (16, 23, P), (17, 17, S)])),
                row(&[2, 6], day(&[(0, 5, V), (16, 23, P)])),
                row(&[3, 4, 5, 9, 10, 11], day(&[(0, 5, V), (11, 13, V), (16, 23, P)])),
                row(&[7, 8], day(&[(0, 5, V), (16, 23, P), (20, 22, S)])),
            ],
            issuer: bi("Henan Development and Reform Commission", "河南省发展和改革委员会"),
            document: bi(
                "Notice on adjusting the commercial/industrial time-of-use tariff, Yu Fa Gai Jia Guan [2024] No. 283 (in force \
                 2024-06-01), text as reprinted by a power-industry news site on 2024-05-31 (hsujglq.cn/dww/zcxs/20240531/248334.html)",
                "河南省发展和改革委员会关于调整工商业分时电价有关事项的通知（豫发改价管〔2024〕283号，2024-06-01 起执行），\
                 据电力网 2024-05-31 转载的通知原文（hsujglq.cn/dww/zcxs/20240531/248334.html）",
            ),
            year: 2024,
            note: bi(
                "Read in the reprinted text: Jan, Feb, Dec peak 16–24 with a critical peak 17–18 in Jan and Dec, valley 00–06; Mar–May \
                 and Sep–Nov peak 16–24, valley 00–06 and 11–14; Jun–Aug peak 16–24 with a critical peak 20–23 in Jul and Aug, valley \
                 00–06; other hours flat; peak : flat = 1.69 : 1. A second transcription (a public repository) gives critical 17–19 and \
                 valley 00–07 in winter and summer instead. The valley ratio is cut off in the reprint: ASSUMED 0.41 (the 2022 notice \
                 Yu Fa Gai Jia Guan [2022] No. 867, 1.64 : 1 : 0.41); critical peak ASSUMED peak +20 % (the NDRC 2021 No. 1093 \
                 minimum). To confirm.",
                "转载原文所见：1、2、12 月高峰 16–24 时（1、12 月其中尖峰 17–18 时），低谷 0–6 时；3–5 月、9–11 月高峰 16–24 时，低谷 0–6 时、\
                 11–14 时；6–8 月高峰 16–24 时（7、8 月其中尖峰 20–23 时），低谷 0–6 时；其余为平段；峰:平 = 1.69:1。另一公开代码库的转录为\
                 冬夏季尖峰 17–19 时、低谷 0–7 时。转载中低谷比例被截断：假定 0.41（2022 年豫发改价管〔2022〕867号为 1.64:1:0.41）；尖峰假定在\
                 高峰基础上上浮 20%（发改价格〔2021〕1093号的最低幅度）。待核实。",
            ),
        }),
    ]
}

/// Every shipped time-of-use tariff: Shanxi's ([`crate::tariff`]) and the other provinces'.
pub fn time_of_use_presets() -> Vec<TimeOfUsePreset> {
    let mut all = shanxi_presets();
    all.extend(provincial());
    all
}

/// The time-of-use preset with this id.
pub fn time_of_use_preset(id: &str) -> Option<TimeOfUsePreset> {
    time_of_use_presets().into_iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tariff::{check_time_of_use, hourly_periods, period_index};

    #[test]
    fn every_preset_is_a_full_non_overlapping_schedule_with_a_source() {
        let all = time_of_use_presets();
        for (i, p) in all.iter().enumerate() {
            assert!(all[i + 1..].iter().all(|q| q.id != p.id), "{} twice", p.id);
            // Every month in exactly one row, 24 known periods each, a price for each period used.
            check_time_of_use(&p.time_of_use, p.id).unwrap_or_else(|e| panic!("{}: {e:?}", p.id));
            assert!(
                !p.source.document.is_empty() && p.source.note.is_some(),
                "{}",
                p.id
            );
            assert!(p.valid_until.map_or(true, |u| u > p.valid_from), "{}", p.id);
        }
        assert!(all.len() >= 10);
    }

    #[test]
    fn shandong_2026_has_a_midday_deep_valley_in_spring_and_prices_scale_the_ratios() {
        let p = provincial()
            .into_iter()
            .find(|p| p.id == "shandong-ci-2026")
            .unwrap();
        let h = hourly_periods(&p.time_of_use);
        // 15 April (day 104) 12:00–13:00 is deep valley, 10:00–11:00 valley, 18:00–19:00 critical peak.
        let d = 104 * 24;
        assert_eq!(h[d + 12] as usize, period_index(Period::DeepValley));
        assert_eq!(h[d + 10] as usize, period_index(Period::Valley));
        assert_eq!(h[d + 18] as usize, period_index(Period::SharpPeak));
        // 0.65 × 0.1 = 0.065; 0.65 × 2.0 = 1.3.
        assert_eq!(p.time_of_use.prices.deep_valley, Some(0.065));
        assert_eq!(p.time_of_use.prices.sharp_peak, Some(1.3));
    }

    /// Hours of each period on one day of month `m` (1-based) [h]: critical, peak, flat, valley, deep.
    fn hours_by_period(id: &str, m: u32) -> [usize; 5] {
        let p = time_of_use_preset(id).unwrap();
        let row = p
            .time_of_use
            .schedule
            .iter()
            .find(|r| r.months.contains(&m))
            .unwrap();
        let mut n = [0; 5];
        for h in &row.hours {
            let k = match h {
                Period::SharpPeak => 0,
                Period::Peak => 1,
                Period::Flat => 2,
                Period::Valley => 3,
                Period::DeepValley => 4,
            };
            n[k] += 1;
        }
        n
    }

    #[test]
    fn hebei_and_henan_hours_add_up_as_their_notices_list_them() {
        // Hebei South No. 1115, spring: deep 12–15 (3 h), valley 3–7 and 11–12 (5 h), flat 0–3, 7–11,
        // 15–16 (8 h), peak 16–24 (8 h).
        assert_eq!(hours_by_period("hebei-south-ci-2026", 4), [0, 8, 8, 5, 3]);
        // Summer: critical 19–22 (3), peak 16–19 and 22–24 (5), flat 0–1, 7–12, 14–16 (8), valley 1–7, 12–14 (8).
        assert_eq!(hours_by_period("hebei-south-ci-2026", 7), [3, 5, 8, 8, 0]);
        // Autumn: deep 12–14 (2), valley 2–6, 11–12, 14–15 (6), flat 0–2, 6–11, 15–16 (8), peak 16–24 (8).
        assert_eq!(hours_by_period("hebei-south-ci-2026", 10), [0, 8, 8, 6, 2]);
        // Winter: critical 17–19 (2), peak 7–9, 19–23 (6), flat 0–2, 6–7, 9–11, 15–17, 23–24 (8), valley 2–6, 11–15 (8).
        assert_eq!(hours_by_period("hebei-south-ci-2026", 1), [2, 6, 8, 8, 0]);
        // Hebei North, summer (August 2026 table): critical 17–19 (2), peak 10–12, 16–17, 19–22 (6),
        // flat 7–10, 12–16, 22–23 (8), valley 0–7, 23–24 (8); Feb–May: peak 8–10, 16–22 (8), valley 1–7, 12–14 (8).
        assert_eq!(hours_by_period("hebei-north-ci-2026", 8), [2, 6, 8, 8, 0]);
        assert_eq!(hours_by_period("hebei-north-ci-2026", 3), [0, 8, 8, 8, 0]);
        assert_eq!(hours_by_period("hebei-north-ci-2026", 12), [2, 6, 8, 8, 0]);
        // Henan No. 283: Jan critical 17–18 (1) inside peak 16–24 (7 more), valley 0–6 (6), flat 10;
        // April valley 0–6 and 11–14 (9), peak 16–24 (8), flat 7; July critical 20–23 (3), peak 5.
        assert_eq!(hours_by_period("henan-ci-2024", 1), [1, 7, 10, 6, 0]);
        assert_eq!(hours_by_period("henan-ci-2024", 2), [0, 8, 10, 6, 0]);
        assert_eq!(hours_by_period("henan-ci-2024", 4), [0, 8, 7, 9, 0]);
        assert_eq!(hours_by_period("henan-ci-2024", 7), [3, 5, 10, 6, 0]);
        // Prices: 0.65 × 1.69 = 1.0985, 0.65 × 0.41 = 0.2665; Hebei South deep 0.65 × 0.24 = 0.156.
        let henan = time_of_use_preset("henan-ci-2024")
            .unwrap()
            .time_of_use
            .prices;
        assert_eq!((henan.peak, henan.valley), (1.0985, 0.2665));
        let hebei = time_of_use_preset("hebei-south-ci-2026")
            .unwrap()
            .time_of_use
            .prices;
        assert_eq!(hebei.deep_valley, Some(0.156));
    }
}
