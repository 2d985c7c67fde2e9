//! Provincial coal-fired generation benchmark prices (燃煤发电基准价) [yuan/kWh], as in the public
//! provincial table on the basis of NDRC 发改价格规〔2019〕1658号: the one table that the export-price
//! presets (`tariff::presets`, which attach the issuer, document and year) and the provinces
//! (`rules::provinces`, the ceiling of existing projects' mechanism price) share.

/// One province's (or grid area's) benchmark.
pub struct Benchmark {
    /// Preset id, `benchmark-<area>`.
    pub id: &'static str,
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// [yuan/kWh]
    pub value_yuan_kwh: f64,
}

/// Every shipped benchmark.
pub const BENCHMARKS: [Benchmark; 13] = [
    Benchmark {
        id: "benchmark-shanxi",
        name_zh: "山西燃煤发电基准价",
        name_en: "Shanxi coal-fired benchmark",
        value_yuan_kwh: 0.332,
    },
    Benchmark {
        id: "benchmark-shaanxi",
        name_zh: "陕西燃煤发电基准价",
        name_en: "Shaanxi coal-fired benchmark",
        value_yuan_kwh: 0.3545,
    },
    Benchmark {
        id: "benchmark-beijing",
        name_zh: "北京燃煤发电基准价",
        name_en: "Beijing coal-fired benchmark",
        value_yuan_kwh: 0.3598,
    },
    Benchmark {
        id: "benchmark-tianjin",
        name_zh: "天津燃煤发电基准价",
        name_en: "Tianjin coal-fired benchmark",
        value_yuan_kwh: 0.3655,
    },
    Benchmark {
        id: "benchmark-hebei-north",
        name_zh: "冀北燃煤发电基准价",
        name_en: "Hebei North coal-fired benchmark",
        value_yuan_kwh: 0.372,
    },
    Benchmark {
        id: "benchmark-hebei-south",
        name_zh: "河北南网燃煤发电基准价",
        name_en: "Hebei South coal-fired benchmark",
        value_yuan_kwh: 0.3644,
    },
    Benchmark {
        id: "benchmark-shandong",
        name_zh: "山东燃煤发电基准价",
        name_en: "Shandong coal-fired benchmark",
        value_yuan_kwh: 0.3949,
    },
    Benchmark {
        id: "benchmark-jiangsu",
        name_zh: "江苏燃煤发电基准价",
        name_en: "Jiangsu coal-fired benchmark",
        value_yuan_kwh: 0.391,
    },
    Benchmark {
        id: "benchmark-zhejiang",
        name_zh: "浙江燃煤发电基准价",
        name_en: "Zhejiang coal-fired benchmark",
        value_yuan_kwh: 0.4153,
    },
    Benchmark {
        id: "benchmark-guangdong",
        name_zh: "广东燃煤发电基准价",
        name_en: "Guangdong coal-fired benchmark",
        value_yuan_kwh: 0.453,
    },
    Benchmark {
        id: "benchmark-inner-mongolia-west",
        name_zh: "蒙西燃煤发电基准价",
        name_en: "Inner Mongolia West coal-fired benchmark",
        value_yuan_kwh: 0.2829,
    },
    Benchmark {
        id: "benchmark-gansu",
        name_zh: "甘肃燃煤发电基准价",
        name_en: "Gansu coal-fired benchmark",
        value_yuan_kwh: 0.3078,
    },
    Benchmark {
        id: "benchmark-xinjiang",
        name_zh: "新疆燃煤发电基准价",
        name_en: "Xinjiang coal-fired benchmark",
        value_yuan_kwh: 0.25,
    },
];

/// The benchmark with this preset id.
pub fn benchmark(id: &str) -> Option<&'static Benchmark> {
    BENCHMARKS.iter().find(|b| b.id == id)
}
