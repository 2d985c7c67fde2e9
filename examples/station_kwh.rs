//! The station method's AC energy for every built-in station: one line per station, its id, the
//! annual and the 12 monthly AC kWh of the default system (PVWatts v8, 4 kW, south 20°), tab
//! separated. Used to measure what the embedded climate's quantisation costs: build the blob at
//! the source's resolution, run this, build it as shipped, run it again, compare (the commands
//! are in `scripts/build_climate.py`'s docstring).
//!
//! ```sh
//! cargo run --release --example station_kwh > kwh.tsv
//! ```

use rooftop_pv::climate::{station_weather, stations};
use rooftop_pv::pv::{simulate, SystemSpec};
use rooftop_pv::solar::SunPath;

fn main() {
    let system = SystemSpec::default();
    for st in stations() {
        let weather = station_weather(&st.id, None).expect("station weather");
        let sun = SunPath::new(&weather);
        let result = simulate(&weather, &sun, &system).expect("chain");
        let mut monthly = [0.0f64; 12];
        for (stamp, w) in weather.stamps.iter().zip(&result.ac_w) {
            monthly[usize::from(stamp.month) - 1] += w / 1000.0;
        }
        let annual: f64 = monthly.iter().sum();
        let cells: Vec<String> = monthly.iter().map(|k| format!("{k:.4}")).collect();
        println!("{}\t{annual:.4}\t{}", st.id, cells.join("\t"));
    }
}
