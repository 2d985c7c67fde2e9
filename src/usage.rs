//! Where the generated energy goes: used on site, exported, or curtailed.

use crate::scenario::UsageMode;

/// One period's split of generation [kWh]; the three parts add up to the generation.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Split {
    pub self_used_kwh: f64,
    pub exported_kwh: f64,
    pub curtailed_kwh: f64,
}

/// Splits `generation_kwh` by a fixed self-use share [0–1]:
/// full export → all exported; self-use + surplus → share used, rest exported;
/// full self-use (export blocked) → share used, rest curtailed.
pub fn split_by_share(generation_kwh: f64, mode: UsageMode, self_use_share: f64) -> Split {
    let used = generation_kwh * self_use_share;
    let rest = generation_kwh - used;
    match mode {
        UsageMode::FullExport => Split {
            exported_kwh: generation_kwh,
            ..Split::default()
        },
        UsageMode::SelfUseSurplus => Split {
            self_used_kwh: used,
            exported_kwh: rest,
            ..Split::default()
        },
        UsageMode::FullSelfUse => Split {
            self_used_kwh: used,
            curtailed_kwh: rest,
            ..Split::default()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_add_up_in_every_mode() {
        for mode in [
            UsageMode::FullExport,
            UsageMode::SelfUseSurplus,
            UsageMode::FullSelfUse,
        ] {
            let s = split_by_share(1000.0, mode, 0.7);
            assert!((s.self_used_kwh + s.exported_kwh + s.curtailed_kwh - 1000.0).abs() < 1e-9);
        }
        let s = split_by_share(1000.0, UsageMode::FullSelfUse, 0.7);
        assert_eq!(
            (s.self_used_kwh, s.exported_kwh, s.curtailed_kwh),
            (700.0, 0.0, 300.0)
        );
    }
}
