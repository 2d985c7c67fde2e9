//! Timing conventions: the default of each known data set (with its source), and the check that
//! a file's timing is right — the daily irradiance centroid against solar noon.
//!
//! | data set | default | source |
//! |---|---|---|
//! | CSWD EPW (China Standard Weather Data) | [`Timing::Start`] | [`CSWD_EPW`] |
//! | other EPW (IWEC, TMYx, SWERA, CTYW …) | [`Timing::Centre`] | [`EPW`] |
//! | TMY3 | [`Timing::Centre`] | [`TMY3`] |
//! | TMY2 | [`Timing::Centre`] | [`TMY2`] |
//! | SAM CSV / NSRDB PSM3 with a Minute column | [`Timing::Instant`] | [`SAM_CSV_MINUTE`] |
//! | SAM CSV without a Minute column | [`Timing::Centre`] | [`SAM_CSV_HOURLY`] |
//! | PVGIS TMY, no declared offset | [`Timing::Centre`] | [`PVGIS`] |
//! | PVGIS TMY, irradiance time offset 0.5 h (ERA5) | [`Timing::Centre`] | [`PVGIS_CENTRED`] |
//! | PVGIS TMY, another offset (SARAH satellite) | [`Timing::Instant`] | [`PVGIS_INSTANT`] |
//!
//! The caller's `timing` always wins over these defaults.

use super::{Timing, Weather};
use crate::diag::{bi, Bilingual};
use crate::solar::daily::equation_of_time_minutes;

/// Chinese Standard Weather Data EPW: hour h holds at (h−1):00.
pub const CSWD_EPW: Bilingual = bi(
    "CSWD EPW (China Standard Weather Data): EPW hour h holds at (h-1):00. \
At all twelve CSWD stations of the shared reference set the daily irradiance centroid falls on solar \
noon read this way and 0.5 h after it read as hour averages (shared reference pv-model.md, 'Time'); \
ssc reads EPW minute 0 as the instant (h-1):00 (ssc shared/lib_weatherfile.cpp).",
    "CSWD（中国标准气象数据）EPW：第 h 小时的数据对应 (h−1):00 时刻。按此读法，共享参考集中全部 12 个 CSWD 站点的日辐照质心与太阳正午重合，按时段平均读法则晚 0.5 小时（pv-model.md“Time”）；ssc 亦将 EPW 分钟 0 读作 (h−1):00 时刻（ssc shared/lib_weatherfile.cpp）。",
);

/// Other EPW data sets: hour averages over the hour ending at the stamp.
pub const EPW: Bilingual = bi(
    "EPW (IWEC, TMYx, SWERA …): solar fields are the energy received during \
the 60 minutes before the stamp (EnergyPlus Auxiliary Programs, 'Weather Data Format'), so the \
sun belongs at mid-hour, at the centre of the sunlit part in sunrise and sunset hours \
(pv-model.md, 'Time'; pvlib read_epw).",
    "EPW（IWEC、TMYx、SWERA 等）：辐照为时间戳之前 60 分钟内的累计值（EnergyPlus《Weather Data Format》），故太阳位置取时段中点，日出、日落时段取有日照部分的中点（pv-model.md“Time”；pvlib read_epw）。",
);

/// TMY3: hour averages ending at the stamp.
pub const TMY3: Bilingual = bi(
    "TMY3: irradiance is the total received during the 60 minutes before the \
stamp (Wilcox & Marion 2008, Users Manual for TMY3 Data Sets, NREL/TP-581-43156); ssc and PVWatts \
take the sun at mid-hour, at the centre of the sunlit part in sunrise and sunset hours.",
    "TMY3：辐照为时间戳之前 60 分钟内的累计值（Wilcox & Marion 2008，NREL/TP-581-43156）；ssc 与 PVWatts 取时段中点的太阳位置，日出、日落时段取有日照部分的中点。",
);

/// TMY2: hour averages ending at the stamp.
pub const TMY2: Bilingual = bi(
    "TMY2: irradiance is the total received during the 60 minutes before the \
stamp (Marion & Urban 1995, User's Manual for TMY2s); ssc and PVWatts take the sun at mid-hour.",
    "TMY2：辐照为时间戳之前 60 分钟内的累计值（Marion & Urban 1995，TMY2 用户手册）；ssc 与 PVWatts 取时段中点的太阳位置。",
);

/// SAM CSV / NSRDB PSM3 with a Minute column: instantaneous at the written time.
pub const SAM_CSV_MINUTE: Bilingual = bi(
    "SAM CSV / NSRDB PSM3 with a Minute column: ssc takes the written \
hour:minute as the instant of the sun position (ssc shared/lib_weatherfile.cpp, cmod_pvwattsv8); \
NSRDB PSM3 irradiance is modelled at the stamp (NSRDB data documentation), and PSM3 typical-year \
files stamp hh:30.",
    "含分钟列的 SAM CSV / NSRDB PSM3：ssc 以所写的时:分作为太阳位置时刻（ssc shared/lib_weatherfile.cpp、cmod_pvwattsv8）；NSRDB PSM3 辐照按时间戳时刻建模，典型年文件标为 hh:30。",
);

/// SAM CSV without a Minute column: hour averages.
pub const SAM_CSV_HOURLY: Bilingual = bi(
    "SAM CSV without a Minute column: ssc assumes the middle of each \
step (minute = step/2) and treats the data as averages (ssc shared/lib_weatherfile.cpp; pv-model.md, \
'Time').",
    "无分钟列的 SAM CSV：ssc 取每个时段的中点（分钟 = 步长/2），并按时段平均值处理（ssc shared/lib_weatherfile.cpp；pv-model.md“Time”）。",
);

/// PVGIS TMY without a declared offset.
pub const PVGIS: Bilingual = bi(
    "PVGIS TMY: stamps are the start of the hour in UTC and the values are \
averaged over the hour (pv-model.md, 'Time'); files before December 2024 declare no irradiance \
time offset. Converted to local standard time.",
    "PVGIS TMY：时间戳为 UTC 时段起点，数值为该小时平均（pv-model.md“Time”）；2024 年 12 月之前的文件未声明辐照时间偏移。已换算为当地标准时间。",
);

/// PVGIS TMY declaring an irradiance time offset of 0.5 h.
pub const PVGIS_CENTRED: Bilingual = bi(
    "PVGIS TMY declaring an irradiance time offset of 0.5 h: hour \
averages centred on the half hour (ERA5-based regions; PVGIS 5.3 TMY output). Converted to local \
standard time.",
    "PVGIS TMY 声明辐照时间偏移 0.5 小时：以半点为中心的小时平均值（基于 ERA5 的地区；PVGIS 5.3 TMY 输出）。已换算为当地标准时间。",
);

/// PVGIS TMY declaring another irradiance time offset.
pub const PVGIS_INSTANT: Bilingual = bi(
    "PVGIS TMY declaring an irradiance time offset other than 0.5 h: \
the values are satellite snapshots (PVGIS-SARAH) at the stamp plus that offset, carried in \
stamp_offset_minutes (PVGIS 5.3 TMY output; pvlib get_pvgis_hourly notes that SARAH values are \
instantaneous). Converted to local standard time.",
    "PVGIS TMY 声明了 0.5 小时以外的辐照时间偏移：数值为时间戳加该偏移时刻的卫星瞬时值（PVGIS-SARAH），记入 stamp_offset_minutes（PVGIS 5.3 TMY 输出；pvlib get_pvgis_hourly 说明 SARAH 数值为瞬时值）。已换算为当地标准时间。",
);

/// Offset above which [`timing_check`] warns [min].
pub const TIMING_WARNING_MINUTES: f64 = 15.0;

/// Minutes from a row's interval start to the moment its values hold under its timing.
pub fn value_time_minutes(w: &Weather) -> f64 {
    match w.timing {
        Timing::Start => 0.0,
        Timing::Centre => f64::from(w.step_minutes) / 2.0,
        Timing::End => f64::from(w.step_minutes),
        Timing::Instant => f64::from(w.stamp_offset_minutes),
    }
}

/// The irradiance-weighted mean clock time of one day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DayCentroid {
    pub month: u8,
    pub day: u8,
    /// Day of the (365-day) year, 1 = 1 January.
    pub day_of_year: u16,
    /// Σ GHI·t / Σ GHI over the day [h, local standard clock time], with t the moment each row's
    /// values hold under the weather's timing.
    pub clock_hours: f64,
    /// Σ GHI·step over the day [Wh/m²].
    pub irradiation_wh_m2: f64,
}

/// The daily global-irradiance centroid of every day with sunshine (negative values count as 0).
/// Rows belong to the day of their interval start.
pub fn daily_centroids(w: &Weather) -> Vec<DayCentroid> {
    let dt = value_time_minutes(w) / 60.0;
    let step_h = f64::from(w.step_minutes) / 60.0;
    let mut out = Vec::with_capacity(365);
    let mut i = 0;
    let mut doy = 0u16;
    while i < w.stamps.len() {
        let s = w.stamps[i];
        let (mut sg, mut sgt) = (0.0, 0.0);
        let mut j = i;
        while j < w.stamps.len() && w.stamps[j].month == s.month && w.stamps[j].day == s.day {
            let st = w.stamps[j];
            let g = w.ghi_w_m2[j].max(0.0);
            let t = f64::from(st.hour) + f64::from(st.minute) / 60.0 + dt;
            sg += g;
            sgt += g * t;
            j += 1;
        }
        doy += 1;
        if sg > 0.0 {
            out.push(DayCentroid {
                month: s.month,
                day: s.day,
                day_of_year: doy,
                clock_hours: sgt / sg,
                irradiation_wh_m2: sg * step_h,
            });
        }
        i = j;
    }
    out
}

/// Solar noon in local standard clock hours.
pub fn solar_noon_clock_hours(day_of_year: u16, longitude: f64, timezone_h: f64) -> f64 {
    12.0 - (longitude - 15.0 * timezone_h) / 15.0
        - equation_of_time_minutes(u32::from(day_of_year)) / 60.0
}

/// The timing check: how far the data's irradiance centroid lies from solar noon.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimingCheck {
    /// Irradiation-weighted mean over the days of (daily centroid − solar noon) [min]; positive:
    /// the data's sunshine comes later than the sun says.
    pub offset_minutes: f64,
    /// Days with sunshine that entered the mean.
    pub days: u32,
    /// |offset| > [`TIMING_WARNING_MINUTES`]: the timing convention (or the time zone) is
    /// probably wrong for this file.
    pub warning: bool,
}

/// Compares the daily irradiance centroids with solar noon (approximate noon from the equation of
/// time; an integrator holding SPA transit times may substitute them). `None` without sunshine.
pub fn timing_check(w: &Weather) -> Option<TimingCheck> {
    let days = daily_centroids(w);
    let (mut sh, mut sho) = (0.0, 0.0);
    for d in &days {
        let noon =
            solar_noon_clock_hours(d.day_of_year, w.location.longitude, w.location.timezone_h);
        sh += d.irradiation_wh_m2;
        sho += d.irradiation_wh_m2 * (d.clock_hours - noon);
    }
    if sh <= 0.0 {
        return None;
    }
    let offset_minutes = sho / sh * 60.0;
    Some(TimingCheck {
        offset_minutes,
        days: days.len() as u32,
        warning: offset_minutes.abs() > TIMING_WARNING_MINUTES,
    })
}
