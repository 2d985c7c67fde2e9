//! Typical investment per roof type [yuan/W], dated and sourced: the default
//! `ownership.capexYuanPerW` of a scenario sized from its roof. The range is the shared reference's
//! (`china-factors.md` §5: commercial/industrial rooftop 2024–25 ≈2.8–3.5 yuan/W, public
//! calculators 2.9–3.0); the split by roof type is ours, *to confirm* against quotes: flush mounting
//! on colour steel needs only clamps, tilted rows on concrete need ballasted or anchored racks, and
//! tile roofs hooks and more labour. No published cost by roof type was found (searched 2026-12-07
//! for CPIA's roadmap and installer price pages by roof type): the values stay *to confirm*.

use serde::Serialize;

use super::RoofType;
use crate::diag::bi;
use crate::emissions::Source;

/// A typical investment and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypicalCapex {
    /// Investment per W of DC capacity [yuan/W], EPC incl. modules, inverters and connection.
    pub yuan_per_w: f64,
    /// True when read in the source; false while still to confirm.
    pub confirmed: bool,
    pub source: Source,
}

/// The typical investment of a roof of `roof_type`.
pub fn typical(roof_type: RoofType) -> TypicalCapex {
    let (yuan_per_w, why) = match roof_type {
        RoofType::ColorSteel => (
            2.9,
            bi(
                "colour-steel roof, modules flush on clamps: the low end of the range (to confirm)",
                "彩钢瓦屋面、夹具平铺：取区间低端（待核实）",
            ),
        ),
        RoofType::ConcreteFlat => (
            3.3,
            bi(
                "concrete flat roof, tilted rows on ballasted or anchored racks: the upper part of the range (to confirm)",
                "混凝土平屋面、配重或锚固支架倾斜成排：取区间上部（待核实）",
            ),
        ),
        RoofType::Tile => (
            3.2,
            bi(
                "tile roof, modules flush on hooks, more labour per W (to confirm)",
                "瓦屋面、挂钩平铺，每瓦人工较多（待核实）",
            ),
        ),
    };
    TypicalCapex {
        yuan_per_w,
        confirmed: false,
        source: Source::shipped(
            bi(
                "public installer quotes and calculators, as summarised in the project's reference",
                "公开的安装商报价与计算器（项目参考资料汇总）",
            ),
            bi(
                "china-factors.md §5: commercial/industrial rooftop installed cost 2024–25 ≈2.8–3.5 yuan/W",
                "china-factors.md §5：2024–25 年工商业屋顶光伏造价约 2.8–3.5 元/W",
            ),
            2025,
            Some(why),
        ),
    }
}
