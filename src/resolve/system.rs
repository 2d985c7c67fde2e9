//! The system of a scenario, checked and resolved in one pass into the hourly chain's
//! [`SystemSpec`] (only the hourly methods use more than the capacity), and the same values in the
//! scenario's terms for the report's assumptions. A system sized from its roof
//! ([`crate::sizing`]) takes capacity, plane, ground coverage ratio and mounting from the sizing.

use super::defaults;
use crate::check::{between, conflict, missing, optional_between, out_of_range, positive};
use crate::error::{codes, ScenarioError};
use crate::pv::{self, losses::DEFAULT_LOSSES_PCT, SystemSpec};
use crate::scenario::{ModuleType, Mounting, Plane, SkyModel, System};
use crate::sizing::RoofSizing;
use crate::solar::irradiance;

/// A field the roof's sizing sets must not be given beside `system.roof`.
fn set_by_roof(name: &str, given: bool) -> Result<(), ScenarioError> {
    if given {
        return Err(conflict(
            &format!("system.{name}"),
            "is set by system.roof (its sizing): give one or the other",
            "由 system.roof（按屋顶测算）确定：二者只能给出其一",
        ));
    }
    Ok(())
}

/// A plane's azimuth [°] in [0, 360), as the engine takes it (360 is north again: write 0).
fn azimuth(field: &str, v: f64) -> Result<f64, ScenarioError> {
    between(field, v, 0.0, 360.0)?;
    if v == 360.0 {
        return Err(out_of_range(
            field,
            "must be at least 0 and below 360 (north is 0, not 360)".into(),
            "必须不小于 0 且小于 360（正北为 0，而非 360）".into(),
        ));
    }
    Ok(v)
}

/// Checks `s` and returns the chain's system on ground of albedo `albedo` [-], and the layout with
/// every field given (the values the chain runs on, as the scenario spells them); with `sized`,
/// the capacity, plane, ground coverage ratio and mounting of the roof's sizing.
pub fn resolve(
    s: &System,
    sized: Option<&RoofSizing>,
    albedo: f64,
) -> Result<(SystemSpec, System), ScenarioError> {
    let from_roof = match sized {
        Some(z) => {
            set_by_roof("capacityKwp", s.capacity_kwp.is_some())?;
            set_by_roof("planes", s.planes.is_some())?;
            set_by_roof("groundCoverageRatio", s.ground_coverage_ratio.is_some())?;
            set_by_roof("mounting", s.mounting.is_some())?;
            let plane = Plane {
                tilt_deg: z.tilt_deg,
                azimuth_deg: z.azimuth_deg,
                share_of_capacity: 1.0,
            };
            // Rows stand on open racks (cooler cells, self-shading by GCR); flush is roof mount.
            let mounting = if z.rows.is_some() {
                Mounting::OpenRack
            } else {
                Mounting::Roof
            };
            Some((z.capacity_kwp, plane, z.ground_coverage_ratio, mounting))
        }
        None => None,
    };
    // At least 10 W: smaller is no PV system, and it keeps every ratio of the report finite.
    let capacity_kwp = match (&from_roof, s.capacity_kwp) {
        (Some((kwp, ..)), _) => between("system.roof", *kwp, 0.01, 1e6)?,
        (None, Some(kwp)) => between("system.capacityKwp", kwp, 0.01, 1e6)?,
        (None, None) => return Err(missing("system.capacityKwp")),
    };
    let planes = match &from_roof {
        Some((_, plane, ..)) => vec![plane.clone()],
        None => s.planes.clone().unwrap_or_else(|| vec![defaults::PLANE]),
    };
    if planes.is_empty() {
        return Err(ScenarioError::new(
            codes::INVALID_LENGTH,
            "system.planes",
            "system.planes must hold at least one plane",
            "system.planes 至少需要一个朝向面",
        ));
    }
    for (i, p) in planes.iter().enumerate() {
        let f = |name: &str| format!("system.planes[{i}].{name}");
        between(&f("tiltDeg"), p.tilt_deg, 0.0, 90.0)?;
        azimuth(&f("azimuthDeg"), p.azimuth_deg)?;
        positive(&f("shareOfCapacity"), p.share_of_capacity, 1.0)?;
    }
    let total: f64 = planes.iter().map(|p| p.share_of_capacity).sum();
    if (total - 1.0).abs() > 1e-6 {
        return Err(out_of_range(
            "system.planes",
            format!(
                "shares of capacity must add up to 1 (got {})",
                crate::check::num(total)
            ),
            format!(
                "各朝向面的容量占比之和必须为 1（当前为 {}）",
                crate::check::num(total)
            ),
        ));
    }
    let dc_ac_ratio = optional_between(
        "system.dcAcRatio",
        s.dc_ac_ratio,
        defaults::DC_AC_RATIO,
        0.5,
        3.0,
    )?;
    let inverter_efficiency_pct = optional_between(
        "system.inverterEfficiencyPct",
        s.inverter_efficiency_pct,
        defaults::INVERTER_EFFICIENCY_PCT,
        90.0,
        99.5,
    )?;
    let losses_pct = optional_between(
        "system.lossesPct",
        s.losses_pct,
        DEFAULT_LOSSES_PCT,
        -5.0,
        99.0,
    )?;
    let gcr = optional_between(
        "system.groundCoverageRatio",
        from_roof
            .as_ref()
            .and_then(|r| r.2)
            .or(s.ground_coverage_ratio),
        defaults::GROUND_COVERAGE_RATIO,
        0.01,
        0.99,
    )?;
    let module_type = s.module_type.unwrap_or(defaults::MODULE_TYPE);
    let mounting = from_roof
        .as_ref()
        .map(|r| r.3)
        .or(s.mounting)
        .unwrap_or(defaults::MOUNTING);
    let sky_model = s.sky_model.unwrap_or(defaults::SKY_MODEL);
    let spec = SystemSpec {
        planes: planes
            .iter()
            .map(|p| pv::Plane {
                tilt_deg: p.tilt_deg,
                azimuth_deg: p.azimuth_deg,
                share: p.share_of_capacity,
            })
            .collect(),
        dc_capacity_w: capacity_kwp * 1000.0,
        dc_ac_ratio,
        inverter_efficiency: inverter_efficiency_pct / 100.0,
        losses_pct,
        module: match module_type {
            ModuleType::Standard => pv::ModuleType::Standard,
            ModuleType::Premium => pv::ModuleType::Premium,
            ModuleType::ThinFilm => pv::ModuleType::ThinFilm,
        },
        mounting: match mounting {
            Mounting::Roof => pv::Mounting::RoofMount,
            Mounting::OpenRack => pv::Mounting::OpenRack,
        },
        gcr,
        albedo,
        sky_model: match sky_model {
            SkyModel::Perez => irradiance::SkyModel::Perez,
            SkyModel::HayDavies => irradiance::SkyModel::HayDavies,
            SkyModel::Hdkr => irradiance::SkyModel::Hdkr,
            SkyModel::Isotropic => irradiance::SkyModel::Isotropic,
        },
    };
    let layout = System {
        capacity_kwp: Some(capacity_kwp),
        roof: None,
        planes: Some(planes),
        dc_ac_ratio: Some(dc_ac_ratio),
        inverter_efficiency_pct: Some(inverter_efficiency_pct),
        losses_pct: Some(losses_pct),
        module_type: Some(module_type),
        mounting: Some(mounting),
        ground_coverage_ratio: Some(gcr),
        sky_model: Some(sky_model),
    };
    Ok((spec, layout))
}
