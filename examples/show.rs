fn main() {
    let id = std::env::args().nth(1).unwrap();
    let p = rooftop_pv::presets();
    let s = &p.scenarios.iter().find(|s| s.id == id).unwrap().scenario;
    let mut times = vec![];
    for _ in 0..50 {
        let t = std::time::Instant::now();
        let _ = rooftop_pv::calculate(s).unwrap();
        times.push(t.elapsed());
    }
    times.sort();
    eprintln!("median {:?}", times[25]);
    let r = rooftop_pv::calculate(s).unwrap();
    let v = serde_json::to_value(&r).unwrap();
    let u = &v["usage"];
    for k in [
        "selfUsedKwh",
        "exportedKwh",
        "curtailedKwh",
        "selfUseSharePct",
        "loadKwh",
        "gridImportKwh",
        "selfSufficiencyPct",
    ] {
        println!("{k}: {}", u[k]);
    }
    println!("annual {}", v["energy"]["annualKwh"]);
    let m = &v["money"];
    for k in [
        "firstYearSavingsYuan",
        "lifetimeSavingsYuan",
        "npvYuan",
        "irrPct",
        "projectIrrPct",
        "paybackYears",
        "discountedPaybackYears",
        "lcoeYuanKwh",
        "selfUsePriceYuanKwh",
    ] {
        println!("{k}: {}", m[k]);
    }
    if let Some(i) = m.get("investor") {
        for k in [
            "firstYearRevenueYuan",
            "npvYuan",
            "irrPct",
            "projectIrrPct",
            "paybackYears",
            "discountedPaybackYears",
            "lcoeYuanKwh",
        ] {
            println!("investor {k}: {}", i[k]);
        }
    }
    println!("row1 {}", m["byYear"][1]);
}
