// Sizing from the roof on the page (issue 14): "capacity from: the roof" puts `system.roof` in the
// scenario instead of the capacity, roof planes, mounting and ground coverage ratio (the core's
// sizing sets them: src/sizing/), and shows what fits with the figures it came from (the GB 50797
// winter-solstice row pitch on a flat roof, the typical investment of the roof type).

import { t, lang, sourceText } from './i18n.js';
import { fmt, fmtMax } from './format.js';

const $ = (id) => document.getElementById(id);

/** The roof's number fields: element id → key in `system.roof`. */
const ROOF_NUMBERS = [
  ['roofArea', 'areaM2'], ['roofEw', 'eastWestM'], ['roofNs', 'northSouthM'], ['roofSetback', 'setbackM'],
  ['roofTilt', 'tiltDeg'], ['roofAzimuth', 'azimuthDeg'], ['roofParapet', 'parapetHeightM'],
];
/** The module's fields: element id → key in `system.roof.module` (all three or none). */
const MODULE_NUMBERS = [['modulePower', 'powerW'], ['moduleLength', 'lengthM'], ['moduleWidth', 'widthM']];
/** The core's defaults, shown as placeholders (src/sizing/: setback 1 m, no parapet, 550 W 2.256 × 1.133 m;
 * tilt by roof type). */
const PLACEHOLDERS = { roofSetback: 1, roofAzimuth: 180, roofParapet: 0, modulePower: 550, moduleLength: 2.256, moduleWidth: 1.133 };
const DEFAULT_TILT = { colorSteel: 5, concreteFlat: 20, tile: 25 };

export const sizedFromRoof = () => $('capacityFrom').value === 'roof';

/**
 * Puts `system.roof` into the scenario `s` when the capacity comes from the roof, and removes what
 * the sizing sets (the core refuses them beside a roof). `num(id, required)` reads a shown field
 * (and notes the page's own errors).
 */
export function readRoof(s, num) {
  if (!sizedFromRoof()) return;
  const roof = { type: $('roofType').value };
  for (const [id, key] of ROOF_NUMBERS) {
    const v = num(id, id === 'roofArea' || id === 'roofEw' || id === 'roofNs');
    if (v !== undefined) roof[key] = v;
  }
  // The module: all three fields or none (an empty one of three is required).
  if (MODULE_NUMBERS.some(([id]) => $(id).value.trim() !== '')) {
    const module = {};
    for (const [id, key] of MODULE_NUMBERS) {
      const v = num(id, true);
      if (v !== undefined) module[key] = v;
    }
    if (Object.keys(module).length === MODULE_NUMBERS.length) roof.module = module;
  }
  s.system.roof = roof;
  for (const key of ['capacityKwp', 'planes', 'mounting', 'groundCoverageRatio']) delete s.system[key];
}

/** Fills the roof's fields from a scenario (a shared link, a saved case). */
export function fillRoof(s) {
  const roof = s.system?.roof;
  if (!roof) return;
  $('capacityFrom').value = 'roof';
  $('roofType').value = roof.type ?? 'colorSteel';
  $('roofShape').value = roof.areaM2 === undefined && (roof.eastWestM !== undefined || roof.northSouthM !== undefined) ? 'outline' : 'area';
  for (const [id, key] of ROOF_NUMBERS) if (roof[key] !== undefined) $(id).value = String(roof[key]);
  for (const [id, key] of MODULE_NUMBERS) if (roof.module?.[key] !== undefined) $(id).value = String(roof.module[key]);
  updateRoofPlaceholders();
}

/** Back to a typed capacity, the roof's fields empty. */
export function clearRoof() {
  $('capacityFrom').value = 'capacity';
  $('roofType').value = 'colorSteel';
  $('roofShape').value = 'area';
  for (const [id] of [...ROOF_NUMBERS, ...MODULE_NUMBERS]) $(id).value = '';
  updateRoofPlaceholders();
}

/** The defaults as placeholders (the tilt's depends on the roof type). */
export function updateRoofPlaceholders() {
  const ph = { ...PLACEHOLDERS, roofTilt: DEFAULT_TILT[$('roofType').value] };
  for (const [id, v] of Object.entries(ph)) $(id).placeholder = t('form.placeholderDefault', { v: fmtMax(v) });
  $('roofArea').placeholder = t('form.placeholderExample', { v: '4000' });
}

const line = (text) => Object.assign(document.createElement('p'), { textContent: text });

/** What fits on the roof, from the report's `sizing` (nothing when the capacity was typed). */
export function renderRoofResult(report) {
  const box = $('roof-result');
  const z = sizedFromRoof() ? report?.sizing : undefined;
  box.hidden = !z;
  if (!z) {
    box.replaceChildren();
    return;
  }
  const common = { n: fmt(z.modules), w: fmtMax(z.module.powerW), kwp: fmt(z.capacityKwp, 1), t: fmtMax(z.tiltDeg, 2), a: fmtMax(z.azimuthDeg, 2) };
  const lines = [];
  if (z.rows) {
    const r = z.rows;
    lines.push(t('roof.rows', { ...common, rows: r.count, per: r.modulesPerRow, up: r.modulesUp }));
  } else {
    lines.push(t('roof.flush', { ...common, o: t(`roof.${z.moduleOrientation}`) }));
  }
  lines.push(t('roof.area', {
    ew: fmt(z.eastWestM, 1), ns: fmt(z.northSouthM, 1), area: fmt(z.roofAreaM2), sq: z.outline === 'squareFromArea' ? t('roof.square') : '',
    sb: fmtMax(z.setbackM, 2), usable: fmt(z.usableAreaM2), cov: fmt(z.roofCoverage * 100, 1), dens: fmt(z.powerDensityWM2),
  }));
  if (z.rows) {
    const r = z.rows;
    lines.push(t('roof.pitch', {
      lat: fmt(r.latitudeDeg, 2), dec: fmtMax(r.solsticeDeclinationDeg, 2), alt: fmt(r.solarAltitudeDeg, 2), az: fmt(r.solarAzimuthFromSouthDeg, 2),
      l: fmt(r.slopeLengthM, 3), t: fmtMax(z.tiltDeg, 2), h: fmt(r.rowHeightM, 3), reach: fmt(r.shadowReachM, 3), d: fmt(r.rowPitchM, 3),
      gcr: fmt(z.groundCoverageRatio, 3), front: fmt(r.frontClearanceM, 2),
    }));
  }
  const src = [sourceText(z.capex.source, 'issuer', lang()), sourceText(z.capex.source, 'document', lang())].filter(Boolean).join(lang() === 'zh-CN' ? '，' : ', ');
  lines.push(t('roof.capex', { v: fmtMax(z.capex.yuanPerW, 2), src, mark: z.capex.confirmed ? '' : ` · ${t('em.unconfirmed')}` }));
  box.replaceChildren(...lines.map(line));
}
