//! Sizing from the roof: a roof (area or outline, type, setbacks) and a module → how many modules,
//! the capacity [kWp], tilt, azimuth and ground coverage ratio, and for tilted rows the pitch of
//! GB 50797-2012 §7.2.2's rule (no row shading 9:00–15:00 true solar time; clause number as quoted, *to
//! confirm*) on the winter solstice, with the figures it came from ([`spacing`]).
//!
//! - `colorSteel` (彩钢瓦) and `tile` (瓦屋面): modules flush on the roof surface, tilted as the
//!   roof (`tiltDeg`, its pitch), in a grid inside the setbacks, portrait or landscape, whichever
//!   holds more (or the one asked for).
//! - `concreteFlat` (混凝土平屋面): rows of `modulesUp` modules tilted `tiltDeg`, facing
//!   `azimuthDeg`, spaced so that the winter-solstice 9:00–15:00 sun is free of row shading; the
//!   first row also clear of the shadow of a parapet of `parapetHeightM`.
//!
//! A roof given by its area alone is taken as a square of that area (said in `outline`). Every
//! default below is ours, *to confirm* against the installer's drawing.

pub mod capex;
pub mod layout;
pub mod spacing;

use serde::Serialize;

use crate::check::{between, optional, out_of_range};
use crate::decimal::{dec, fixed};
use crate::error::{codes, ScenarioError};

/// Default module: a 550 W mono PERC module of 2,256 × 1,133 mm (the size of the 72-cell half-cut
/// class, e.g. LONGi LR5-72HPH-550M datasheet, 2021; *to confirm* for the project's module).
pub const MODULE: Module = Module {
    power_w: 550.0,
    length_m: 2.256,
    width_m: 1.133,
};
/// Default setback from the roof's edges or parapets [m] (maintenance and fire-fighting path; our
/// assumption, *to confirm* against the local fire-safety rules).
pub const SETBACK_M: f64 = 1.0;
/// Default tilt [°]: colour steel's pitch ≈5° (a 1:10 slope is 5.7°), a tile roof's ≈25°, rows on
/// concrete 20° (the PVWatts default tilt of the system). Our assumptions, *to confirm*.
pub const COLOR_STEEL_TILT_DEG: f64 = 5.0;
pub const TILE_TILT_DEG: f64 = 25.0;
pub const ROW_TILT_DEG: f64 = 20.0;
/// Rows on concrete: two modules up the slope, in landscape.
pub const MODULES_UP: u32 = 2;

/// The kind of roof.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RoofType {
    /// 彩钢瓦: modules flush on the sheet (clamps).
    ColorSteel,
    /// 混凝土平屋面: tilted rows on racks.
    ConcreteFlat,
    /// 瓦屋面: modules flush on hooks.
    Tile,
}
crate::from_json_enum!(RoofType {
    ColorSteel: "colorSteel",
    ConcreteFlat: "concreteFlat",
    Tile: "tile",
});

/// How a module lies: long side up the slope (portrait) or along it (landscape).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Orientation {
    Portrait,
    Landscape,
}
crate::from_json_enum!(Orientation {
    Portrait: "portrait",
    Landscape: "landscape",
});

/// A PV module.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Module {
    /// Nameplate power [W] (STC).
    pub power_w: f64,
    /// Long side [m].
    pub length_m: f64,
    /// Short side [m].
    pub width_m: f64,
}
crate::from_json_struct!(Module {
    power_w: "powerW",
    length_m: "lengthM",
    width_m: "widthM",
});

/// A roof to size (`system.roof`, or `sizeRoof({ roof, latitudeDeg })`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Roof {
    #[serde(rename = "type")]
    pub roof_type: RoofType,
    /// Roof surface area [m²] (taken as a square), or give the outline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_m2: Option<f64>,
    /// Outline: extent from east to west [m] (the direction of the rows).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub east_west_m: Option<f64>,
    /// Outline: extent from north to south [m] (the direction the rows are stacked in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub north_south_m: Option<f64>,
    /// Clear strip along every edge or parapet [m], default [`SETBACK_M`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setback_m: Option<f64>,
    /// Height of the parapet on the sunny side [m] (rows only), default 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parapet_height_m: Option<f64>,
    /// Flush: the roof's pitch; rows: the racks' tilt [°].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tilt_deg: Option<f64>,
    /// Azimuth the modules face [°] (0 north, 90 east, 180 south), default 180.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub azimuth_deg: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module: Option<Module>,
    /// Default: flush the better of the two, rows landscape.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub module_orientation: Option<Orientation>,
    /// Rows only: modules up the slope of one row, default [`MODULES_UP`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modules_up: Option<u32>,
}
crate::from_json_struct!(Roof {
    roof_type: "type",
    area_m2: "areaM2",
    east_west_m: "eastWestM",
    north_south_m: "northSouthM",
    setback_m: "setbackM",
    parapet_height_m: "parapetHeightM",
    tilt_deg: "tiltDeg",
    azimuth_deg: "azimuthDeg",
    module: "module",
    module_orientation: "moduleOrientation",
    modules_up: "modulesUp",
});

/// The rows of a flat roof and the winter-solstice figures their pitch comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rows {
    pub count: u32,
    pub modules_per_row: u32,
    pub modules_up: u32,
    /// Slope length of a row L [m].
    pub slope_length_m: f64,
    /// Latitude the sun was taken at [°].
    pub latitude_deg: f64,
    /// Declination on the winter solstice δ [°] (−23.45).
    pub solstice_declination_deg: f64,
    /// Solar altitude α at 9:00 true solar time on the solstice [°].
    pub solar_altitude_deg: f64,
    /// Solar azimuth γ from due south at 9:00 (15:00 its mirror) [°].
    pub solar_azimuth_from_south_deg: f64,
    /// Height of a row's top edge above its foot, H = L · sin β [m].
    pub row_height_m: f64,
    /// Reach of that height's shadow along the rows' normal, H · cos γ / tan α [m].
    pub shadow_reach_m: f64,
    /// Pitch between the feet of successive rows, D = L · cos β + shadow reach [m].
    pub row_pitch_m: f64,
    /// Clear strip in front of the first row: the setback, or the parapet's shadow if longer [m].
    pub front_clearance_m: f64,
}

/// What fits on the roof.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoofSizing {
    pub roof_type: RoofType,
    /// `given` (east–west × north–south) or `squareFromArea`.
    pub outline: &'static str,
    /// The outline used [m].
    pub east_west_m: f64,
    pub north_south_m: f64,
    /// Roof surface area [m²].
    pub roof_area_m2: f64,
    /// Area inside the setbacks [m²].
    pub usable_area_m2: f64,
    pub setback_m: f64,
    pub module: Module,
    pub module_orientation: Orientation,
    pub modules: u32,
    /// modules × power [kWp].
    pub capacity_kwp: f64,
    pub tilt_deg: f64,
    pub azimuth_deg: f64,
    /// Rows: slope length over pitch (PVWatts' GCR for self-shading) [-]; flush: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ground_coverage_ratio: Option<f64>,
    /// Module area over roof area [-].
    pub roof_coverage: f64,
    /// Capacity over roof area [W/m²].
    pub power_density_w_m2: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Rows>,
    /// Typical investment of this roof type (the default `capexYuanPerW` of a scenario sized here).
    pub capex: capex::TypicalCapex,
}

/// `sizeRoof()`'s input: the roof, and the site's latitude (needed by rows only).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SizingInput {
    pub roof: Roof,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude_deg: Option<f64>,
}
crate::from_json_struct!(SizingInput {
    roof: "roof",
    latitude_deg: "latitudeDeg",
});

/// Sizes `roof` (fields named under the JSON path prefix `p`, e.g. `system.roof.`) at
/// `latitude_deg` [°] (rows need it: `None` is a `missing_field` at `latitude_field`).
pub fn size_roof(
    roof: &Roof,
    p: &str,
    latitude_deg: Option<f64>,
    latitude_field: &str,
) -> Result<RoofSizing, ScenarioError> {
    let f = |name: &str| format!("{p}{name}");
    let (ew, ns, outline) = outline(roof, p)?;
    let module = roof.module.unwrap_or(MODULE);
    between(&f("module.powerW"), module.power_w, 10.0, 2000.0)?;
    between(&f("module.lengthM"), module.length_m, 0.2, 5.0)?;
    between(&f("module.widthM"), module.width_m, 0.2, 5.0)?;
    if module.width_m > module.length_m {
        return Err(out_of_range(
            &f("module.widthM"),
            format!(
                "is the short side: it must not exceed lengthM {} (got {})",
                dec(module.length_m),
                dec(module.width_m)
            ),
            format!(
                "是短边，不能大于 lengthM {}（当前为 {}）",
                dec(module.length_m),
                dec(module.width_m)
            ),
        ));
    }
    let setback_m = optional(&f("setbackM"), roof.setback_m, SETBACK_M, |f, v| {
        between(f, v, 0.0, 100.0)
    })?;
    let azimuth_deg = optional(&f("azimuthDeg"), roof.azimuth_deg, 180.0, |f, v| {
        between(f, v, 0.0, 360.0)
    })?;
    let rows_only = |name: &str, given: bool| {
        if given && roof.roof_type != RoofType::ConcreteFlat {
            Err(crate::check::conflict(
                &f(name),
                "applies to tilted rows only (type concreteFlat)",
                "仅适用于倾斜成排安装（type 为 concreteFlat）",
            ))
        } else {
            Ok(())
        }
    };
    rows_only("parapetHeightM", roof.parapet_height_m.is_some())?;
    rows_only("modulesUp", roof.modules_up.is_some())?;
    let (inner_ew, inner_ns) = (ew - 2.0 * setback_m, ns - 2.0 * setback_m);
    if inner_ew <= 0.0 || inner_ns <= 0.0 {
        return Err(out_of_range(
            &f("setbackM"),
            format!(
                "({} m on every side) leaves nothing of a {} × {} m roof",
                dec(setback_m),
                fixed(ew, 1),
                fixed(ns, 1)
            ),
            format!(
                "（每边 {} 米）超过了 {} × {} 米的屋顶",
                dec(setback_m),
                fixed(ew, 1),
                fixed(ns, 1)
            ),
        ));
    }
    let default_tilt = match roof.roof_type {
        RoofType::ColorSteel => COLOR_STEEL_TILT_DEG,
        RoofType::Tile => TILE_TILT_DEG,
        RoofType::ConcreteFlat => ROW_TILT_DEG,
    };
    let tilt_deg = optional(&f("tiltDeg"), roof.tilt_deg, default_tilt, |f, v| {
        between(f, v, 0.0, 60.0)
    })?;
    let (modules, orientation, rows) = if roof.roof_type == RoofType::ConcreteFlat {
        let latitude = latitude_deg.ok_or_else(|| crate::check::missing(latitude_field))?;
        between(latitude_field, latitude, -90.0, 90.0)?;
        let r = size_rows(
            roof,
            p,
            &module,
            (inner_ew, ns),
            setback_m,
            (tilt_deg, azimuth_deg),
            (latitude, latitude_field),
        )?;
        (r.0, r.1, Some(r.2))
    } else {
        let (n, o) = flush(&module, inner_ew, inner_ns, roof.module_orientation);
        (n, o, None)
    };
    if modules == 0 {
        return Err(out_of_range(
            &f(if roof.area_m2.is_some() { "areaM2" } else { "eastWestM" }),
            format!(
                "is too small: inside setbacks of {} m the {} × {} m roof holds no {} × {} m module",
                dec(setback_m),
                fixed(ew, 1),
                fixed(ns, 1),
                dec(module.length_m),
                dec(module.width_m)
            ),
            format!(
                "过小：{} × {} 米的屋顶扣除每边 {} 米后放不下一块 {} × {} 米的组件",
                fixed(ew, 1),
                fixed(ns, 1),
                dec(setback_m),
                dec(module.length_m),
                dec(module.width_m)
            ),
        ));
    }
    let capacity_kwp = f64::from(modules) * module.power_w / 1000.0;
    let roof_area_m2 = ew * ns;
    Ok(RoofSizing {
        roof_type: roof.roof_type,
        outline,
        east_west_m: ew,
        north_south_m: ns,
        roof_area_m2,
        usable_area_m2: inner_ew * inner_ns,
        setback_m,
        module,
        module_orientation: orientation,
        modules,
        capacity_kwp,
        tilt_deg,
        azimuth_deg,
        ground_coverage_ratio: rows.as_ref().map(|r| r.slope_length_m / r.row_pitch_m),
        roof_coverage: f64::from(modules) * module.length_m * module.width_m / roof_area_m2,
        power_density_w_m2: capacity_kwp * 1000.0 / roof_area_m2,
        rows,
        capex: capex::typical(roof.roof_type),
    })
}

/// The outline [m] and how it was given: east–west × north–south, or the square of `areaM2`.
fn outline(roof: &Roof, p: &str) -> Result<(f64, f64, &'static str), ScenarioError> {
    let f = |name: &str| format!("{p}{name}");
    match (roof.area_m2, roof.east_west_m, roof.north_south_m) {
        (Some(a), None, None) => {
            let a = between(&f("areaM2"), a, 1.0, 1e7)?;
            Ok((a.sqrt(), a.sqrt(), "squareFromArea"))
        }
        (None, Some(ew), Some(ns)) => Ok((
            between(&f("eastWestM"), ew, 0.5, 1e4)?,
            between(&f("northSouthM"), ns, 0.5, 1e4)?,
            "given",
        )),
        (Some(_), _, _) => Err(crate::check::conflict(
            &f("areaM2"),
            "give the area or the outline (eastWestM and northSouthM), not both",
            "面积与外形尺寸（eastWestM、northSouthM）只能给出其一",
        )),
        (None, None, None) => Err(ScenarioError::new(
            codes::MISSING_FIELD,
            f("areaM2"),
            format!("{p}areaM2 or the outline ({p}eastWestM and {p}northSouthM) is required"),
            format!("须给出 {p}areaM2，或外形尺寸（{p}eastWestM 与 {p}northSouthM）"),
        )),
        (None, Some(_), None) => Err(crate::check::missing(&f("northSouthM"))),
        (None, None, Some(_)) => Err(crate::check::missing(&f("eastWestM"))),
    }
}

/// Modules flush in a grid on `ew` × `ns` [m]: the orientation asked for, or the one holding more
/// (portrait when equal).
fn flush(module: &Module, ew: f64, ns: f64, asked: Option<Orientation>) -> (u32, Orientation) {
    let count = |o: Orientation| {
        // Portrait: the long side up the slope (north–south).
        let (a, b) = match o {
            Orientation::Portrait => layout::grid(ew, ns, module.width_m, module.length_m),
            Orientation::Landscape => layout::grid(ew, ns, module.length_m, module.width_m),
        };
        a * b
    };
    match asked {
        Some(o) => (count(o), o),
        None => {
            let (p, l) = (count(Orientation::Portrait), count(Orientation::Landscape));
            if l > p {
                (l, Orientation::Landscape)
            } else {
                (p, Orientation::Portrait)
            }
        }
    }
}

/// Tilted rows along east–west inside `inner_ew` [m], stacked over the roof's north–south extent
/// `ns` [m] less the setback behind and the front clearance.
fn size_rows(
    roof: &Roof,
    p: &str,
    module: &Module,
    (inner_ew, ns): (f64, f64),
    setback_m: f64,
    (tilt_deg, azimuth_deg): (f64, f64),
    (latitude_deg, latitude_field): (f64, &str),
) -> Result<(u32, Orientation, Rows), ScenarioError> {
    let f = |name: &str| format!("{p}{name}");
    let up = roof.modules_up.unwrap_or(MODULES_UP);
    if !(1..=6).contains(&up) {
        return Err(out_of_range(
            &f("modulesUp"),
            format!("must be between 1 and 6 (got {up})"),
            format!("必须在 1 到 6 之间（当前为 {up}）"),
        ));
    }
    let parapet_m = optional(&f("parapetHeightM"), roof.parapet_height_m, 0.0, |f, v| {
        between(f, v, 0.0, 10.0)
    })?;
    let orientation = roof.module_orientation.unwrap_or(Orientation::Landscape);
    let (along_row_m, up_m) = match orientation {
        Orientation::Landscape => (module.length_m, module.width_m),
        Orientation::Portrait => (module.width_m, module.length_m),
    };
    let sun = spacing::solstice_sun(latitude_deg, latitude_field)?;
    // The rows' normal from the equator-facing direction: south in the north, north in the south.
    let facing = if latitude_deg >= 0.0 { 180.0 } else { 0.0 };
    let normal_from_south_deg = azimuth_deg - facing;
    if normal_from_south_deg.abs() > 90.0 {
        return Err(out_of_range(
            &f("azimuthDeg"),
            format!(
                "({}°) faces away from the equator: tilted rows must face within 90° of {}°",
                dec(azimuth_deg),
                dec(facing)
            ),
            format!(
                "（{}°）背向赤道：倾斜成排须朝向 {}° 左右 90° 以内",
                dec(azimuth_deg),
                dec(facing)
            ),
        ));
    }
    let slope_m = f64::from(up) * up_m;
    let row_height_m = slope_m * tilt_deg.to_radians().sin();
    let pitch_m = spacing::row_pitch_m(&sun, slope_m, tilt_deg, normal_from_south_deg);
    let front_clearance_m = setback_m.max(spacing::shadow_reach_m(
        &sun,
        parapet_m,
        normal_from_south_deg,
    ));
    let depth_m = ns - setback_m - front_clearance_m;
    let row_depth_m = slope_m * tilt_deg.to_radians().cos();
    let count = if depth_m > 0.0 {
        layout::rows(depth_m, row_depth_m, pitch_m)
    } else {
        0
    };
    let per_row = layout::fit(inner_ew, along_row_m);
    let rows = Rows {
        count,
        modules_per_row: per_row * up,
        modules_up: up,
        slope_length_m: slope_m,
        latitude_deg,
        solstice_declination_deg: spacing::SOLSTICE_DECLINATION_DEG,
        solar_altitude_deg: sun.altitude_deg,
        solar_azimuth_from_south_deg: sun.azimuth_from_south_deg,
        row_height_m,
        shadow_reach_m: pitch_m - row_depth_m,
        row_pitch_m: pitch_m,
        front_clearance_m,
    };
    Ok((count * per_row * up, orientation, rows))
}
