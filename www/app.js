// The rooftop-pv calculator page: builds a Scenario from the form on every input, has the
// WebAssembly core calculate it in a worker (engine.js), and renders the Report (or the
// ScenarioError next to its field). The page's own instance of the core answers the quick
// questions (stations, presets, a weather file's summary).

import init, {
  calculate, findStations, nearestStation, parseWeather, presets, stationClimate, stations, version,
} from './pkg/rooftop_pv.js';
import { createEngine } from './engine.js';
import { findPlaces, PLACES_SOURCE } from './places.js';
import { pickPlace, placeOptions, setupPlaces } from './place-ui.js';
import { forgetLocal } from './share.js';
import { restoreScenario, setupShare, updateShare } from './share-ui.js';
import { monthDay, renderMonthlyTable } from './monthly-table.js';
import { $, DEFAULT_STATION, state } from './state.js';
import { t, setLang, lang, sourceText } from './i18n.js';
import { barChart, heatMap } from './charts.js';
import { compact, fmt, fmtMax } from './format.js';
import { setupRulesUi, translateRulesUi, readRules, clearRules, fillRules, rulesAssumptions } from './rules-ui.js';
import {
  setupMoneyUi, translateMoneyUi, readMoney, clearMoney, fillMoney, renderMoneyResults, moneyAssumptions,
  cashRows, updateProfileHint,
} from './money-ui.js';
import { setupPortfolio } from './portfolio-ui.js';
import { setupVariants } from './variants-ui.js';
import { clearRoof, fillRoof, readRoof, renderRoofResult, updateRoofPlaceholders } from './roof-ui.js';
import { setupStorageUi, translateStorageUi, readStorage, clearStorage, fillStorage, renderStorage } from './storage-ui.js';

/** What the page shows before the user types anything (optional fields stay empty → core defaults). */
const INITIAL = {
  capacity: '1000',
  method: 'station',
  hours: '1200',
  mode: 'selfUseSurplus',
  kind: 'owner',
};
/** Example values shown as placeholders of required fields. */
const EXAMPLE_PLACEHOLDERS = {
  capacity: '1000', hours: '1200', ha: '1500', k: '0.80', discountPct: '15', 'site-lat': '39.33', 'site-lon': '112.43',
};
/** The methods that run the hourly chain (and so use the roof planes and the system layout). */
const HOURLY_METHODS = ['weatherFile', 'station', 'monthly'];
/** The built-in station chosen on a first visit is Taiyuan (DEFAULT_STATION, state.js), the
 * capital of Shanxi (the page's default prices are Shanxi's too). The last choice is remembered in
 * localStorage under STATION_KEY. */
const STATION_KEY = 'rooftop-pv.station';
/** At most this many suggestions are listed under the station search box. */
const MAX_SUGGESTIONS = 8;
/** GB/T 31155-2014 solar resource classes by annual horizontal irradiation [kWh/m²] (for monthly values). */
const RESOURCE_CLASSES = [['A', 1750], ['B', 1400], ['C', 1050], ['D', -Infinity]];

/** The roof plane the page starts from: PVWatts' default, tilted 20° facing south. */
const DEFAULT_PLANE = { tilt: '20', azimuth: '180', share: '100' };
/** The core reads at most this much text (weather_too_large); larger files are not even read. */
const MAX_WEATHER_BYTES = 50 * 1024 * 1024;
/** Where the core's timing explanations (English, with references) start, and the page's short text for each. */
const TIMING_BASES = [
  ['CSWD EPW', 'basis.cswd'],
  ['EPW (', 'basis.epw'],
  ['TMY3', 'basis.tmy3'],
  ['TMY2', 'basis.tmy2'],
  ['SAM CSV / NSRDB PSM3 with a Minute', 'basis.samMinute'],
  ['SAM CSV without', 'basis.samHourly'],
  ['PVGIS TMY declaring an irradiance time offset of 0.5', 'basis.pvgisCentred'],
  ['PVGIS TMY declaring', 'basis.pvgisInstant'],
  ['PVGIS TMY', 'basis.pvgis'],
];

const FACTOR_KEYS = ['coalKgce', 'co2Kg', 'so2G', 'noxG', 'dustG', 'waterKg'];
const EMISSION_ROWS = [
  { id: 'coal', total: 'coalT', factor: 'coalKgce' },
  { id: 'co2', total: 'co2T', factor: 'co2Kg' },
  { id: 'so2', total: 'so2T', factor: 'so2G' },
  { id: 'nox', total: 'noxT', factor: 'noxG' },
  { id: 'dust', total: 'dustT', factor: 'dustG' },
  { id: 'water', total: 'waterT', factor: 'waterKg' },
];

// ---------------------------------------------------------------- numbers

function kwhSub(kwh) {
  return lang() === 'zh-CN' ? `${fmt(kwh / 1e4, 2)} 万kWh` : `${fmt(kwh / 1e3, 1)} MWh`;
}
function yuanSub(y) {
  return lang() === 'zh-CN' ? `${fmt(y / 1e4, 2)} 万元` : `${fmt(y / 1e6, 2)} million yuan`;
}

/** Parses what the user typed: accepts full-width digits, thousands separators and spaces. */
export function parseNumber(raw) {
  let s = String(raw ?? '').normalize('NFKC');
  s = s.replace(/[\s,_']/g, '').replace(/[−–]/g, '-').replace(/。/g, '.');
  if (s === '') return { empty: true };
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(s)) return { bad: true };
  return { value: Number(s) };
}

// ---------------------------------------------------------------- static text

/** Fills the `data-i18n` texts under `root` in the current language. */
function translate(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  }
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

function applyStaticText() {
  document.documentElement.lang = lang();
  document.title = `${t('app.title')} · rooftop-pv`;
  translate(document);
  updatePlaneLabels();
  updateMonthLabels();
  renderWeatherFile();
  $('place-search').placeholder = t('ph.place');
  $('place-source').textContent = t('place.source', { src: PLACES_SOURCE });
  $('footer-about').textContent = t('footer.about', { v: version() });
  $('version').textContent = `rooftop-pv ${version()}`;
  fillFactorSetOptions();
  fillTariffOptions();
  updateShareHint();
  updatePlaceholders();
  updateRoofPlaceholders();
  updateSources();
  translateMoneyUi(sourceDetails);
  translateRulesUi(sourceDetails);
  translateStorageUi();
  renderExampleDesc();
}

// ---------------------------------------------------------------- form controls

function controlValue(name) {
  const radio = document.querySelector(`input[type="radio"][name="${name}"]:checked`);
  return radio ? radio.value : $(name).value;
}

/** Shows only the fields that apply to the chosen options: `data-when="mode=a,b;kind=owner"` (all of
 * the `;`-separated conditions), and `|` between such groups for any of them. */
function applyVisibility() {
  for (const el of document.querySelectorAll('[data-when]')) {
    const ok = el.dataset.when.split('|').some((group) =>
      group.split(';').every((cond) => {
        const [name, values] = cond.split('=');
        return values.split(',').includes(controlValue(name));
      }),
    );
    el.hidden = !ok;
  }
}

function isShown(el) {
  return !el.closest('[hidden]');
}

function presetName(p) {
  return lang() === 'zh-CN' ? p.nameZh : p.nameEn;
}

function fillFactorSetOptions() {
  const sel = $('factorSet');
  const value = sel.value || state.presets.defaultEmissionFactors;
  sel.replaceChildren(
    ...state.presets.emissionFactors.map((p) => new Option(presetName(p), p.id)),
    new Option(t('opt.custom'), 'custom'),
  );
  sel.value = value;
}

function fillTariffOptions() {
  for (const sel of [$('grid-preset'), $('export-preset')]) {
    const value = sel.value;
    const opts = [new Option(t('tariff.pickNone'), '')];
    for (const p of state.presets.tariffs.filter((x) => x.kind === sel.dataset.kind)) {
      const mark = p.confirmed ? '' : ` · ${t('em.unconfirmed')}`;
      opts.push(new Option(`${presetName(p)} · ${fmtMax(p.valueYuanKwh)} ${t('unit.yuanKwh')}${mark}`, p.id));
    }
    sel.replaceChildren(...opts);
    sel.value = value;
  }
}

function updateShareHint() {
  const mode = $('mode').value;
  $('share-hint').textContent = mode === 'fullExport' ? '' : t(`hint.share.${mode}`);
}

/** Placeholders: the core default of an optional field (from the last report), an example otherwise. */
function updatePlaceholders() {
  const as = state.report?.assumptions ?? {};
  const def = state.presets.emissionFactors.find((p) => p.id === state.presets.defaultEmissionFactors);
  for (const input of document.querySelectorAll('input[data-field]')) {
    const key = input.dataset.default;
    const d = key ? (as[key] ?? state.defaults?.[key]) : undefined;
    if (d !== undefined) input.placeholder = t('form.placeholderDefault', { v: fmtMax(d) });
    else if (EXAMPLE_PLACEHOLDERS[input.id]) input.placeholder = t('form.placeholderExample', { v: EXAMPLE_PLACEHOLDERS[input.id] });
    else if (input.dataset.factor) input.placeholder = t('form.placeholderExample', { v: fmtMax(def.factors[input.dataset.factor]) });
  }
}

function colon() {
  return lang() === 'zh-CN' ? '：' : ': ';
}

/** A <details> naming a source: summary "issuer (year) [to confirm]", then the document and note. */
function sourceDetails(src, confirmed, prefixKey = 'tariff.source') {
  const d = document.createElement('details');
  d.className = 'src';
  const s = document.createElement('summary');
  s.append(`${t(prefixKey)}${colon()}`, sourceText(src, 'issuer', lang()));
  s.append(` (${src.dataYear})`);
  if (confirmed === false) s.append(' ', badge());
  d.append(s);
  const doc = document.createElement('p');
  doc.textContent = sourceText(src, 'document', lang());
  d.append(doc);
  if (src.note) {
    const n = document.createElement('p');
    n.className = 'muted';
    n.textContent = sourceText(src, 'note', lang());
    d.append(n);
  }
  return d;
}

function badge() {
  const b = document.createElement('span');
  b.className = 'badge';
  b.textContent = t('em.unconfirmed');
  b.title = t('em.unconfirmedTitle');
  return b;
}

/** The source under each price field and under the factor-set choice. */
function updateSources() {
  for (const [inputId, selId, kind, defKey, defId] of [
    ['grid', 'grid-preset', 'gridPrice', 'gridPriceYuanKwh', state.presets.defaultGridPrice],
    ['export', 'export-preset', 'exportPrice', 'exportPriceYuanKwh', state.presets.defaultExportPrice],
  ]) {
    const input = $(inputId);
    const sel = $(selId);
    const box = $(`${inputId}-source`);
    const list = state.presets.tariffs.filter((p) => p.kind === kind);
    const parsed = parseNumber(input.value);
    let chosen = list.find((p) => p.id === sel.value);
    if (parsed.empty) {
      sel.value = '';
      const def = state.defaults?.[defKey];
      const p = list.find((x) => x.id === defId);
      box.replaceChildren();
      if (def !== undefined) {
        const line = document.createElement('span');
        line.textContent = t('tariff.defaultSource', { v: fmtMax(def) });
        box.append(line);
        if (p) box.append(sourceDetails(p.source, p.confirmed));
      }
      continue;
    }
    if (!chosen || chosen.valueYuanKwh !== parsed.value) {
      chosen = list.find((p) => p.valueYuanKwh === parsed.value);
      sel.value = chosen ? chosen.id : '';
    }
    box.replaceChildren(...(chosen ? [sourceDetails(chosen.source, chosen.confirmed)] : []));
  }

  const fs = $('factorSet').value;
  const set = state.presets.emissionFactors.find((p) => p.id === fs);
  const box = $('factorSet-source');
  box.replaceChildren();
  if (set) {
    const anyUnconfirmed = set.factors.valueSources?.some((v) => !v.confirmed);
    box.append(sourceDetails(set.factors.source, anyUnconfirmed ? false : undefined));
  }
}

// ---------------------------------------------------------------- scenario

/**
 * Reads the visible fields into a Scenario. Empty optional fields are left out so that the core's
 * defaults apply; text that is not a number is reported here, before the core sees it.
 */
function buildScenario() {
  const local = [];
  /** The number in the field `idOrEl` if it is shown; `required`: an empty field is an error. */
  const num = (idOrEl, required = false) => {
    const el = typeof idOrEl === 'string' ? $(idOrEl) : idOrEl;
    if (!isShown(el)) return undefined;
    const r = parseNumber(el.value);
    if (r.empty && required) {
      local.push({ el, key: 'err.required' });
      return undefined;
    }
    if (r.bad) {
      local.push({ el, key: 'err.badNumber' });
      return undefined;
    }
    if (r.value !== undefined && el.dataset.integer !== undefined && !Number.isInteger(r.value)) {
      local.push({ el, key: 'err.integer' });
      return undefined;
    }
    return r.value;
  };
  const put = (obj, key, value) => {
    if (value !== undefined) obj[key] = value;
    return obj;
  };
  const nonEmpty = (obj) => (Object.keys(obj).length ? obj : undefined);

  const s = {};
  s.system = put({}, 'capacityKwp', num('capacity'));
  const method = $('method').value;
  s.resource = { method };
  if (method === 'fullLoadHours') put(s.resource, 'hours', num('hours'));
  else if (method === 'gb50797') {
    put(s.resource, 'horizontalIrradiationKwhM2', num('ha'));
    put(s.resource, 'k', num('k'));
  } else if (method === 'station') {
    if (controlValue('stationBy') === 'search') {
      if (state.stations.has(state.stationId)) s.resource.stationId = state.stationId;
      else local.push({ el: $('station-search'), key: 'err.noStation' });
    } else {
      const site = readSite(num);
      if (site) {
        s.site = site;
        // Coordinates out of range have no nearest station: the core then names the bad one.
        s.resource.stationId = nearestTo(site)?.station.id ?? state.stationId;
      }
    }
  } else if (method === 'monthly') {
    put(s, 'site', readSite(num));
    // None typed yet: one message for the grid, not twelve.
    const empty = monthInputs('ghi').every((el) => parseNumber(el.value).empty);
    if (empty) local.push({ el: $('ghi-grid'), key: 'err.monthlyEmpty' });
    const ghi = empty ? [] : monthInputs('ghi').map((el) => num(el, true));
    if (!empty && ghi.every((v) => v !== undefined)) s.resource.ghiKwhM2 = ghi;
    // Temperatures: all twelve, or none (the nearest station's are used then).
    const temps = monthInputs('temp');
    if (temps.some((el) => !parseNumber(el.value).empty)) {
      const tempC = temps.map((el) => {
        if (!parseNumber(el.value).empty) return num(el);
        local.push({ el, key: 'err.tempAll' });
        return undefined;
      });
      if (tempC.every((v) => v !== undefined)) s.resource.tempC = tempC;
    }
  } else {
    const w = state.weather;
    const input = $('weather-file');
    const need = state.neededFile;
    if (!w && need) local.push({ el: input, key: 'share.needsFile', vars: { name: need.name, kb: fmt((need.size ?? 0) / 1024) } });
    else if (!w) local.push({ el: input, key: 'err.noFile' });
    else if (w.localError) local.push({ el: input, ...w.localError });
    else if (w.error) local.push({ el: input, core: w.error });
    else {
      s.resource.text = w.text;
      s.resource.fileName = w.name;
      if ($('format').value) s.resource.format = $('format').value;
      if ($('timing').value) s.resource.timing = $('timing').value;
    }
  }
  if (HOURLY_METHODS.includes(method)) {
    s.system.planes = readPlanes(num, local);
    put(s.system, 'dcAcRatio', num('dcAc'));
    put(s.system, 'inverterEfficiencyPct', num('invEff'));
    put(s.system, 'lossesPct', num('losses'));
    s.system.moduleType = $('moduleType').value;
    s.system.mounting = $('mounting').value;
    put(s.system, 'groundCoverageRatio', num('gcr'));
    s.system.skyModel = $('skyModel').value;
    // The hourly series only when its chart is open (it is 8760 numbers more to copy).
    if ($('heatmap-details').open) s.output = { hourly: true };
  }
  readRoof(s, num);
  const life = {};
  put(life, 'years', num('years'));
  put(life, 'firstYearDegradationPct', num('firstDeg'));
  put(life, 'annualDegradationPct', num('annualDeg'));
  put(s, 'lifetime', nonEmpty(life));

  const mode = $('mode').value;
  s.usage = put({ mode }, 'selfUseSharePct', num('share'));

  const tariff = {};
  put(tariff, 'gridPriceYuanKwh', num('grid'));
  put(tariff, 'exportPriceYuanKwh', num('export'));
  put(tariff, 'escalationPct', num('escalation'));
  put(s, 'tariff', nonEmpty(tariff));

  const kind = controlValue('kind');
  s.ownership = { kind };
  if (kind === 'thirdParty') {
    put(s.ownership, 'discountPct', readDiscount(num, local));
    put(s.ownership, 'roofRentYuanYear', num('roofRent'));
  }
  // load, export limit, time of use, the owner's or the investor's finance
  readMoney(s, num, local);
  readRules(s, num);
  readStorage(s, num, local);

  const fs = $('factorSet').value;
  if (fs === 'custom') {
    const f = {};
    for (const k of FACTOR_KEYS) put(f, k, num(k));
    s.emissions = { factors: f };
  } else {
    s.emissions = { preset: fs };
  }
  return { scenario: s, local };
}

/**
 * The EMC discount [% off the grid price] from its field, in either of the ways Chinese users say
 * it: "% off" as typed, or 折 — the tenths of the price paid, so that 85 折 (or 8.5 折) is paying
 * 85 %, 15 % off. The equivalent in the other way is written under the field.
 */
function readDiscount(num, local) {
  const el = $('discountPct');
  const v = num('discountPct', true);
  const zhe = $('discountUnit').value === 'zhe';
  let off = v;
  if (v !== undefined && zhe) {
    const pay = v <= 10 ? v * 10 : v;
    if (v <= 0 || pay > 100) {
      local.push({ el, key: 'err.zhe' });
      off = undefined;
    } else off = 100 - pay;
  }
  const equiv = $('discount-equiv');
  equiv.textContent = off === undefined || off < 0 || off > 100 ? '' : t('discount.equiv', {
    off: fmtMax(off, 2), pay: fmtMax(100 - off, 2), zhe: fmtMax(100 - off, 2),
  });
  return off === undefined ? undefined : Number(off.toFixed(10));
}

/** The site's coordinates from their fields, when both are numbers. */
function readSite(num) {
  const latitude = num('site-lat', true);
  const longitude = num('site-lon', true);
  return latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined;
}

/**
 * The roof planes from their rows, shares converted from % to the fraction the core wants. The
 * shares are checked here, in %, so that the messages speak of what the user typed; a lone plane
 * with an empty share has all the capacity.
 */
function readPlanes(num, local) {
  const rows = [...document.querySelectorAll('#planes .plane')];
  const planes = [];
  let sumPct = 0;
  let sharesOk = true;
  for (const row of rows) {
    const field = (k) => row.querySelector(`[data-plane-key="${k}"]`);
    const tiltDeg = num(field('tilt'), true);
    const azimuthDeg = num(field('azimuth'), true);
    const shareEl = field('share');
    let pct = rows.length === 1 && parseNumber(shareEl.value).empty ? 100 : num(shareEl, true);
    if (pct !== undefined && !(pct > 0 && pct <= 100)) {
      local.push({ el: shareEl, key: 'err.shareRange' });
      pct = undefined;
    }
    if (pct === undefined) sharesOk = false;
    else sumPct += pct;
    planes.push({ tiltDeg, azimuthDeg, shareOfCapacity: pct === undefined ? undefined : pct / 100 });
  }
  // The core allows 1e-6 on the sum of fractions: 1e-4 in %.
  if (sharesOk && Math.abs(sumPct - 100) > 1e-4) {
    local.push({ el: $('planes'), key: 'err.shareSum', vars: { sum: fmtMax(sumPct, 2) } });
  }
  return planes;
}

// ---------------------------------------------------------------- roof planes

/** The rows' texts as typed: [{ tilt, azimuth, share }]. */
function planeValues() {
  return [...document.querySelectorAll('#planes .plane')].map((row) => ({
    tilt: row.querySelector('[data-plane-key="tilt"]').value,
    azimuth: row.querySelector('[data-plane-key="azimuth"]').value,
    share: row.querySelector('[data-plane-key="share"]').value,
  }));
}

const PLANE_FIELDS = [
  { key: 'tilt', api: 'tiltDeg', label: 'f.tilt', fieldLabel: 'f.planeTilt', unit: '°' },
  { key: 'azimuth', api: 'azimuthDeg', label: 'f.azimuth', fieldLabel: 'f.planeAzimuth', unit: '°' },
  { key: 'share', api: 'shareOfCapacity', label: 'f.planeShare', fieldLabel: 'f.planeShareN', unit: '%' },
];

/** Rebuilds the plane rows from `values` (one row each). */
function renderPlanes(values) {
  const box = $('planes');
  box.replaceChildren();
  values.forEach((v, i) => {
    const n = i + 1;
    const row = document.createElement('div');
    row.className = 'plane';
    row.dataset.testid = `plane-${n}`;
    const head = document.createElement('div');
    head.className = 'plane-head';
    const title = document.createElement('span');
    title.className = 'plane-title';
    const dir = document.createElement('span');
    dir.className = 'plane-dir';
    dir.dataset.testid = `plane-${n}-dir`;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'btn-link remove-plane';
    remove.dataset.testid = `remove-plane-${n}`;
    remove.dataset.index = String(i);
    head.append(title, dir, remove);
    const fields = document.createElement('div');
    fields.className = 'row row-3';
    for (const f of PLANE_FIELDS) {
      const id = `plane-${n}-${f.key}`;
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = id;
      const name = document.createElement('span');
      name.dataset.i18n = f.label;
      const unit = document.createElement('span');
      unit.className = 'unit';
      unit.textContent = f.unit;
      label.append(name, ' ', unit);
      const input = document.createElement('input');
      input.id = id;
      input.value = v[f.key] ?? '';
      input.inputMode = 'decimal';
      input.dataset.testid = id;
      input.dataset.planeKey = f.key;
      input.dataset.field = `system.planes[${i}].${f.api}`;
      input.dataset.label = f.fieldLabel;
      input.dataset.n = String(n);
      input.setAttribute('aria-describedby', `${id}-error planes-hint`);
      const error = document.createElement('p');
      error.className = 'error';
      error.id = `${id}-error`;
      error.hidden = true;
      field.append(label, input, error);
      fields.append(field);
    }
    row.append(head, fields);
    box.append(row);
  });
  translate(box);
  updatePlaneLabels();
}

/** Compass word of an azimuth (0 N, 90 E, 180 S, 270 W), to the nearest of eight. */
function direction(az) {
  return t(`dir.${Math.round((((az % 360) + 360) % 360) / 45) % 8}`);
}

/** The rows' titles, the direction each faces, and the remove buttons (none for a lone plane). */
function updatePlaneLabels() {
  const rows = [...document.querySelectorAll('#planes .plane')];
  rows.forEach((row, i) => {
    const n = i + 1;
    row.querySelector('.plane-title').textContent = t('plane.title', { n });
    const tilt = parseNumber(row.querySelector('[data-plane-key="tilt"]').value);
    const az = parseNumber(row.querySelector('[data-plane-key="azimuth"]').value);
    row.querySelector('.plane-dir').textContent =
      tilt.value !== undefined && az.value !== undefined ? t('plane.summary', { t: fmtMax(tilt.value, 1), d: direction(az.value) }) : '';
    row.querySelector('[data-plane-key="azimuth"]').placeholder = t('ph.azimuth');
    const remove = row.querySelector('.remove-plane');
    remove.textContent = t('plane.remove');
    remove.setAttribute('aria-label', t('plane.removeAria', { n }));
    remove.hidden = rows.length === 1;
  });
}

/** Shares split evenly over `n` planes, in % with one decimal, adding up to exactly 100. */
function evenShares(n) {
  const each = Math.floor(1000 / n) / 10;
  return Array.from({ length: n }, (_, i) => (i === 0 ? fmtPlain(100 - each * (n - 1)) : fmtPlain(each)));
}
/** A number as typed in a field: no grouping, '.' decimals. */
function fmtPlain(v) {
  return String(Math.round(v * 1e6) / 1e6);
}

function addPlane() {
  const values = planeValues();
  const last = values[values.length - 1] ?? DEFAULT_PLANE;
  values.push({ tilt: last.tilt, azimuth: last.azimuth, share: '' });
  evenShares(values.length).forEach((sh, i) => (values[i].share = sh));
  renderPlanes(values);
  document.querySelector(`#planes .plane:last-child [data-plane-key="azimuth"]`).focus();
}

function removePlane(index) {
  const values = planeValues();
  values.splice(index, 1);
  evenShares(values.length).forEach((sh, i) => (values[i].share = sh));
  renderPlanes(values);
  $('add-plane').focus(); // the button pressed is gone
}

/** East-west roof: two planes at the first plane's tilt, facing east and west, half each. */
function eastWestRoof() {
  const tilt = planeValues()[0]?.tilt || DEFAULT_PLANE.tilt;
  renderPlanes([
    { tilt, azimuth: '90', share: '50' },
    { tilt, azimuth: '270', share: '50' },
  ]);
}

function southRoof() {
  const tilt = planeValues()[0]?.tilt || DEFAULT_PLANE.tilt;
  renderPlanes([{ ...DEFAULT_PLANE, tilt }]);
}

// ---------------------------------------------------------------- weather file

/** Text of a file: UTF-8 when it is valid UTF-8, else Latin-1 (CSWD files carry GBK bytes in comments). */
function decodeText(buf) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('latin1').decode(buf);
  }
}

async function loadWeatherFile(file) {
  const token = {};
  state.weatherToken = token;
  state.weatherSerial += 1;
  const base = { name: file.name, size: file.size, id: state.weatherSerial };
  document.body.dataset.busy = 'true';
  $('weather-file-name').textContent = t('file.reading', { name: file.name });
  let weather;
  if (file.size > MAX_WEATHER_BYTES) {
    weather = { ...base, localError: { key: 'err.fileTooLarge', vars: { mb: (file.size / 2 ** 20).toFixed(1) } } };
  } else {
    try {
      weather = { ...base, text: decodeText(await file.arrayBuffer()), summary: null, error: null };
    } catch (err) {
      weather = { ...base, localError: { key: 'err.fileRead', vars: { msg: String(err?.message ?? err) } } };
    }
  }
  if (state.weatherToken !== token) return; // a newer file was chosen meanwhile
  state.weather = weather;
  state.neededFile = null;
  // Let the same file be chosen again (a change event needs a new value).
  $('weather-file').value = '';
  parseSummary();
  afterUserChange();
}

/** Reads the file once for its summary (again when the format or timing changes). */
function parseSummary() {
  const w = state.weather;
  if (w && !w.localError) {
    const options = { fileName: w.name };
    if ($('format').value) options.format = $('format').value;
    if ($('timing').value) options.timing = $('timing').value;
    try {
      w.summary = parseWeather(w.text, options);
      w.error = null;
    } catch (err) {
      if (err?.name !== 'ScenarioError') throw err;
      w.summary = null;
      w.error = err;
    }
  }
  renderWeatherFile();
}

/** Latitude, longitude, elevation and time zone in words. */
function position(loc) {
  const deg = (v) => fmt(Math.abs(v), 2);
  const parts = [
    t(loc.latitude >= 0 ? 'ws.latN' : 'ws.latS', { v: deg(loc.latitude) }),
    t(loc.longitude >= 0 ? 'ws.lonE' : 'ws.lonW', { v: deg(loc.longitude) }),
  ];
  if (loc.elevationM !== undefined) parts.push(t('ws.elev', { v: fmt(loc.elevationM) }));
  if (loc.timezoneH !== undefined) parts.push(`UTC${loc.timezoneH >= 0 ? '+' : '−'}${fmtMax(Math.abs(loc.timezoneH), 2)}`);
  return parts.join(lang() === 'zh-CN' ? '，' : ', ');
}

function sourceName(w) {
  return `${w.source || t('ws.unknownSource')} · ${t(`format.${w.format}`)}`;
}

/** The page's short explanation of the data set's default timing (the core gives it in English). */
/** A short reason for the data set's timing default; the core's own (long) text in the current
 * language when the page has no short one for it. */
function timingWhy(sum) {
  const hit = TIMING_BASES.find(([prefix]) => sum.timingBasis.startsWith(prefix));
  if (hit) return t(hit[1]);
  return lang() === 'zh-CN' ? sum.timingBasisZh : sum.timingBasis;
}

function signed(v, digits) {
  return `${v >= 0 ? '+' : '−'}${fmt(Math.abs(v), digits)}`;
}

/** The file's name, its summary, the timing check and the timing choices, in the form. */
function renderWeatherFile() {
  const w = state.weather;
  const loaded = w && !w.localError;
  $('weather-file-button').textContent = t(w ? 'file.replace' : 'file.choose');
  const nameBox = $('weather-file-name');
  nameBox.replaceChildren();
  if (w) {
    const size = document.createElement('span');
    size.className = 'size';
    size.textContent = t('file.size', { kb: fmt(w.size / 1024) });
    nameBox.append(`${w.name} · `, size);
  }
  const sum = loaded ? w.summary : null;
  $('timing-auto').textContent = sum ? t('timing.auto', { d: t(`timing.${sum.timingDefault}`) }) : t('timing.autoNone');
  $('weather-summary').hidden = !sum;
  $('timing-basis').hidden = !sum;
  if (!sum) return;

  const items = [
    ['ws.station', sum.location.name, 'ws-station'],
    ['ws.position', position(sum.location), 'ws-position'],
    ['ws.source', sourceName(sum), 'ws-source', sum.source],
    ['ws.rows', t('ws.rowsValue', { rows: fmt(sum.rows), step: sum.stepMinutes }), 'ws-rows', sum.rows],
    ['ws.ghi', `${fmt(sum.annualGhiKwhM2)} kWh/m²`, 'ws-ghi', sum.annualGhiKwhM2,
      t('ws.ghiSub', { dni: fmt(sum.annualDniKwhM2), dhi: fmt(sum.annualDhiKwhM2) })],
    ['ws.temp', `${fmt(sum.meanTempC, 1)} °C`, 'ws-temp', sum.meanTempC],
  ];
  const repairs = [];
  if (sum.filledValues > 0) repairs.push(t('ws.filledValue', { n: fmt(sum.filledValues) }));
  if (sum.droppedLeapDayRows > 0) repairs.push(t('ws.leapValue', { n: fmt(sum.droppedLeapDayRows) }));
  if (repairs.length) items.push(['ws.filled', repairs.join(lang() === 'zh-CN' ? '；' : '; '), 'ws-filled']);
  const dl = $('ws-list');
  dl.replaceChildren();
  for (const [key, value, testid, raw, sub] of items) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.dataset.testid = testid;
    if (raw !== undefined) dd.dataset.value = String(raw);
    dd.textContent = value;
    if (sub) {
      const small = document.createElement('span');
      small.className = 'muted small';
      small.textContent = ` (${sub})`;
      dd.append(small);
    }
    dl.append(dt, dd);
  }

  const tc = sum.timingCheck;
  const box = $('timing-check');
  box.dataset.state = !tc ? 'none' : tc.warning ? 'warn' : 'ok';
  if (tc) box.dataset.value = String(tc.offsetMinutes);
  else box.removeAttribute('data-value');
  if (!tc) box.textContent = t('tc.none');
  else if (!tc.warning) box.textContent = t('tc.ok', { m: signed(tc.offsetMinutes, Math.abs(tc.offsetMinutes) < 10 ? 1 : 0), d: tc.days });
  else box.textContent = t(tc.offsetMinutes > 0 ? 'tc.warnLate' : 'tc.warnEarly', { m: fmt(Math.abs(tc.offsetMinutes)), d: tc.days });

  const inForce = t('timing.inForce', {
    t: t(`timing.${sum.timing}`),
    def: sum.timing === sum.timingDefault ? t('timing.isDefault') : '',
  });
  $('timing-basis').textContent = `${inForce} ${t('timing.why', { why: timingWhy(sum) })}`;
}

// ---------------------------------------------------------------- built-in stations

function stationName(st) {
  return lang() === 'zh-CN' ? st.nameZh : st.nameEn;
}
/** "大同（山西）" / "Datong (Shanxi)" */
function stationLabel(st) {
  return t('station.name', { name: stationName(st), prov: lang() === 'zh-CN' ? st.provinceZh : st.provinceEn });
}
/** A distance in km: one decimal below 10 km. */
function km(d) {
  return fmt(d, d < 10 ? 1 : 0);
}
/** The GB/T 31155-2014 class of an annual horizontal irradiation (kWh/m²). */
function classOf(ghi) {
  return RESOURCE_CLASSES.find(([, min]) => ghi >= min)[0];
}
/** "B类" / "class B" with the classes explained in its tooltip. */
function classBadge(c) {
  const b = document.createElement('span');
  b.className = `rclass rclass-${c}`;
  b.dataset.testid = 'resource-class';
  b.dataset.value = c;
  b.textContent = t('station.class', { c });
  b.title = t('station.classTitle');
  return b;
}

/** The station's monthly table and typical days (read once per station). */
function climateOf(id) {
  if (!state.climates.has(id)) state.climates.set(id, stationClimate(id));
  return state.climates.get(id);
}
/** Mean air temperature of a station's typical year, the months weighted by their days. */
function meanTempOf(id) {
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return climateOf(id).monthly.reduce((acc, m, i) => acc + m.tempC * days[i], 0) / 365;
}

/** The built-in station nearest the site, or null for coordinates out of range. */
function nearestTo(site) {
  try {
    return nearestStation(site.latitude, site.longitude) ?? null;
  } catch (err) {
    if (err?.name !== 'ScenarioError') throw err;
    return null;
  }
}

/** The coordinates typed in, when both are numbers (whatever their range). */
function typedSite() {
  const latitude = parseNumber($('site-lat').value).value;
  const longitude = parseNumber($('site-lon').value).value;
  return latitude !== undefined && longitude !== undefined ? { latitude, longitude } : null;
}

/** The station whose climate the station method uses now: the one chosen by name, or the one
 * nearest the coordinates ({ station, distanceKm } or null). */
function stationInUse() {
  if (controlValue('stationBy') === 'search') {
    const st = state.stations.get(state.stationId);
    return st ? { station: st, distanceKm: undefined } : null;
  }
  const site = typedSite();
  return site ? nearestTo(site) : null;
}

function rememberStation() {
  try {
    localStorage.setItem(
      STATION_KEY,
      JSON.stringify({ by: controlValue('stationBy'), id: state.stationId, lat: $('site-lat').value, lon: $('site-lon').value }),
    );
  } catch {
    // storage may be disabled; the choice then lasts for this visit only
  }
}

/** The last station choice (or Taiyuan by name on a first visit) back into the form. */
function restoreStation() {
  let saved = {};
  try {
    saved = JSON.parse(localStorage.getItem(STATION_KEY) ?? '{}') ?? {};
  } catch {
    saved = {};
  }
  state.stationId = state.stations.has(saved.id) ? saved.id : DEFAULT_STATION;
  $(saved.by === 'coords' ? 'station-by-coords' : 'station-by-search').checked = true;
  $('site-lat').value = typeof saved.lat === 'string' ? saved.lat : '';
  $('site-lon').value = typeof saved.lon === 'string' ? saved.lon : '';
  state.searching = false;
  closeSuggestions();
}

// ---- the search box: a combobox with a list of suggestions (WAI-ARIA combobox pattern)

function searchStations() {
  const q = $('station-search').value.trim();
  state.searching = true;
  if (!q) {
    state.suggestions = [];
    closeSuggestions();
    $('station-status').textContent = '';
    return;
  }
  const found = findStations(q);
  state.suggestions = found.slice(0, MAX_SUGGESTIONS);
  // Places (a county, a city) after the stations: picking one uses the station nearest to it.
  const places = findPlaces(q);
  state.placeSuggestions = places.slice(0, Math.max(3, MAX_SUGGESTIONS - state.suggestions.length));
  state.active = state.suggestions.length + state.placeSuggestions.length ? 0 : -1;
  const status = $('station-status');
  status.dataset.state = found.length || places.length ? 'found' : 'none';
  status.textContent = !found.length
    ? places.length ? t('place.found', { n: places.length }) : t('station.none', { q })
    : found.length > MAX_SUGGESTIONS
      ? t('station.foundMore', { n: found.length, k: MAX_SUGGESTIONS })
      : t('station.found', { n: found.length });
  renderSuggestions();
}

/** "大同 Datong · 山西 · 534870 · 1466 kWh/m² · B类" (the English name first in English). */
function suggestionItem(st, i) {
  const li = document.createElement('li');
  li.id = `station-option-${i}`;
  li.setAttribute('role', 'option');
  li.className = 'combo-option';
  li.dataset.id = st.id;
  li.dataset.testid = `station-option-${st.id}`;
  const zh = lang() === 'zh-CN';
  // Each part stays whole on a narrow screen: lines break only before a ' · '.
  const part = (...content) => {
    const span = document.createElement('span');
    span.className = 'nowrap';
    span.append(...content);
    return span;
  };
  const name = document.createElement('span');
  name.className = 'so-name';
  name.textContent = zh ? st.nameZh : st.nameEn;
  const cls = document.createElement('span');
  cls.className = `rclass rclass-${st.resourceClass}`;
  cls.textContent = t('station.class', { c: st.resourceClass });
  const head = part(name, ' ', zh ? st.nameEn : st.nameZh);
  head.classList.add('so-head');
  li.append(head);
  for (const p of [zh ? st.provinceZh : st.provinceEn, st.id, `${Math.round(st.annualGhiKwhM2)} kWh/m²`, cls]) {
    const sep = document.createElement('span');
    sep.className = 'so-sep';
    sep.textContent = '· ';
    li.append(' ', part(sep, p));
  }
  return li;
}

function renderSuggestions() {
  const input = $('station-search');
  const list = $('station-list');
  list.replaceChildren(
    ...state.suggestions.map(suggestionItem),
    ...placeOptions('station-place', state.placeSuggestions),
  );
  const open = list.children.length > 0;
  list.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
  highlight();
}

function highlight() {
  const input = $('station-search');
  const items = [...$('station-list').children];
  items.forEach((li, i) => li.setAttribute('aria-selected', String(i === state.active)));
  const li = items[state.active];
  if (li) {
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

function closeSuggestions() {
  state.suggestions = [];
  state.placeSuggestions = [];
  state.active = -1;
  const list = $('station-list');
  list.hidden = true;
  list.replaceChildren();
  $('station-search').setAttribute('aria-expanded', 'false');
  $('station-search').removeAttribute('aria-activedescendant');
}

function pickStation(id) {
  const st = state.stations.get(id);
  if (!st) return;
  state.stationId = id;
  state.searching = false;
  closeSuggestions();
  $('station-search').value = stationLabel(st);
  $('station-status').dataset.state = 'chosen';
  $('station-status').textContent = t('station.chosen', { name: stationLabel(st) });
  rememberStation();
  afterUserChange();
}

/** Leaves the search: the box shows the chosen station again. */
function cancelSearch() {
  state.searching = false;
  closeSuggestions();
  const status = $('station-status');
  if (status.dataset.state !== 'chosen') {
    status.textContent = '';
    status.dataset.state = '';
  }
  renderStationInfo();
}

function onSearchKey(e) {
  const n = state.suggestions.length + state.placeSuggestions.length;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    if (!n) {
      searchStations();
      return;
    }
    state.active = e.key === 'ArrowDown' ? (state.active + 1) % n : (state.active - 1 + n) % n;
    highlight();
  } else if (e.key === 'Enter') {
    e.preventDefault();
    if (n && state.active >= 0) {
      const k = state.suggestions.length;
      if (state.active < k) pickStation(state.suggestions[state.active].id);
      else pickPlace(state.placeSuggestions[state.active - k].code);
    }
  } else if (e.key === 'Escape') {
    if (n || state.searching) {
      e.preventDefault();
      cancelSearch();
    }
  }
}

function wireStationSearch() {
  const input = $('station-search');
  input.addEventListener('input', searchStations);
  input.addEventListener('keydown', onSearchKey);
  // Focusing the box selects its text, so that typing replaces the chosen station's name; the
  // mouseup of the click that focused it would otherwise put a caret in place of the selection.
  let focusedByMouse = false;
  input.addEventListener('mousedown', () => (focusedByMouse = document.activeElement !== input));
  input.addEventListener('focus', () => input.select());
  input.addEventListener('mouseup', (e) => {
    if (focusedByMouse) e.preventDefault();
    focusedByMouse = false;
  });
  input.addEventListener('blur', cancelSearch);
  const list = $('station-list');
  // mousedown would move the focus out of the box (and close the list) before the click lands
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (li?.dataset.place) pickPlace(li.dataset.place);
    else if (li) pickStation(li.dataset.id);
  });
  $('fill-monthly').addEventListener('click', fillMonthly);
}

// ---- the station card, the nearest station, the monthly grid

/** What the form says about the station in use: the card (station method), the nearest station to
 * the coordinates, the station the monthly values would be filled from. */
function renderStationInfo() {
  const method = $('method').value;
  const chosen = state.stations.get(state.stationId);
  if (!state.searching) $('station-search').value = chosen ? stationLabel(chosen) : '';
  $('station-search').placeholder = t('ph.stationSearch');

  const site = typedSite();
  const near = site ? nearestTo(site) : null;
  const line = $('nearest-station');
  line.hidden = !near;
  if (near) {
    line.textContent = t(method === 'monthly' ? 'nearest.monthly' : 'nearest.station', {
      name: stationLabel(near.station),
      d: km(near.distanceKm),
    });
    line.dataset.stationId = near.station.id;
    line.dataset.distance = String(near.distanceKm);
  }

  const use = method === 'station' ? stationInUse() : null;
  const card = $('station-card');
  card.hidden = !use;
  if (use) {
    const st = use.station;
    card.dataset.stationId = st.id;
    const title = $('station-card-title');
    const id = document.createElement('span');
    id.className = 'sc-id';
    id.textContent = t('station.id', { id: st.id });
    title.replaceChildren(stationLabel(st), ' ', id);
    $('station-card-pos').textContent = position(st);
    const ghi = document.createElement('span');
    ghi.className = 'nowrap';
    ghi.append(t('station.ghi', { v: fmt(st.annualGhiKwhM2) }), ' ', classBadge(st.resourceClass));
    const temp = document.createElement('span');
    temp.className = 'nowrap';
    temp.textContent = `· ${t('station.temp', { v: fmt(meanTempOf(st.id), 1) })}`;
    $('station-card-climate').replaceChildren(ghi, ' ', temp);
  }

  const from = near?.station ?? chosen;
  $('fill-from').textContent = from ? t(near ? 'monthly.fillFrom' : 'monthly.fillFromChosen', { name: stationLabel(from) }) : '';
}

/** The twelve inputs of `kind` ('ghi' or 'temp'), January first. */
function monthInputs(kind) {
  return [...document.querySelectorAll(`#${kind}-grid input`)];
}

/** Builds the two grids of twelve month inputs, four a row, each row followed by its months' errors. */
function renderMonthGrids() {
  for (const [kind, api, label] of [['ghi', 'ghiKwhM2', 'f.ghiMonth'], ['temp', 'tempC', 'f.tempMonth']]) {
    const grid = $(`${kind}-grid`);
    grid.replaceChildren();
    for (let row = 0; row < 3; row++) {
      const errors = [];
      for (let i = row * 4; i < row * 4 + 4; i++) {
        const id = `${kind}-${i + 1}`;
        const cell = document.createElement('div');
        cell.className = 'month-cell';
        const lab = document.createElement('label');
        lab.htmlFor = id;
        lab.className = 'month-label';
        const input = document.createElement('input');
        input.id = id;
        input.dataset.testid = id;
        input.dataset.field = `resource.${api}[${i}]`;
        input.dataset.label = label;
        input.dataset.month = String(i);
        input.dataset.errorId = `${id}-error`;
        // temperatures can be negative: no numeric keypad without a minus key
        if (kind === 'ghi') input.inputMode = 'decimal';
        input.setAttribute('aria-describedby', `${id}-error`);
        cell.append(lab, input);
        grid.append(cell);
        const error = document.createElement('p');
        error.className = 'error month-error';
        error.id = `${id}-error`;
        error.hidden = true;
        errors.push(error);
      }
      grid.append(...errors);
    }
  }
}

/** Month names on the grid cells, and each input's full name for assistive technology. */
function updateMonthLabels() {
  const short = t('months');
  const long = t('months.long');
  for (const kind of ['ghi', 'temp']) {
    monthInputs(kind).forEach((input, i) => {
      input.previousElementSibling.textContent = short[i];
      const unit = kind === 'ghi' ? 'kWh/m²' : '°C';
      input.setAttribute('aria-label', `${t(input.dataset.label, { m: long[i] })} (${unit})`);
    });
  }
}

/** Fills the twelve months from the station nearest the coordinates (or from the station chosen by
 * name, with its coordinates, when there are none). */
function fillMonthly() {
  const site = typedSite();
  const near = site ? nearestTo(site) : null;
  const st = near?.station ?? state.stations.get(state.stationId);
  if (!st) return;
  const c = climateOf(st.id);
  monthInputs('ghi').forEach((el, i) => (el.value = fmtPlain(c.monthly[i].ghiKwhM2)));
  monthInputs('temp').forEach((el, i) => (el.value = fmtPlain(c.monthly[i].tempC)));
  if (!near) {
    $('site-lat').value = fmtPlain(st.latitude);
    $('site-lon').value = fmtPlain(st.longitude);
    rememberStation();
  }
  afterUserChange();
}

// ---------------------------------------------------------------- errors

function fieldElement(path) {
  if (!path) return null;
  // Several fields may stand for one path (the site's coordinates of the station search and of the
  // hour shaping): the one shown.
  return [...document.querySelectorAll(`[data-field="${CSS.escape(path)}"]`)].find(isShown) ?? null;
}

/** The label of the field at `path`, if the page has one. */
function fieldLabel(path) {
  const all = [...document.querySelectorAll(`[data-field="${CSS.escape(path)}"]`)];
  const el = all.find(isShown) ?? all[0];
  if (!el?.dataset.label) return null;
  const m = el.dataset.month === undefined ? undefined : t('months.long')[Number(el.dataset.month)];
  return t(el.dataset.label, { n: el.dataset.n, m });
}

/** `msg` with the JSON paths it names (`system.planes[1].tiltDeg`, `resource.timing`) replaced by
 * the labels of their fields. */
function withLabels(msg) {
  const paths = new Set(msg.match(/\b[a-z]+(?:\.[A-Za-z0-9]+|\[\d+\])+/g) ?? []);
  // longest first, so that `system.planes` does not eat into `system.planes[1].tiltDeg`
  for (const p of [...paths].sort((a, b) => b.length - a.length)) {
    const label = fieldLabel(p);
    if (label) msg = msg.split(p).join(`“${label}”`);
  }
  return msg;
}

/** The core's message in the current language, with JSON paths replaced by the field labels. */
function coreMessage(err) {
  let msg = lang() === 'zh-CN' ? err.messageZh || err.message : err.message;
  if (err.code === 'invalid_json' || err.code === 'invalid_type') {
    // The core's text for a wrong type is a serde message; say it plainly instead.
    return t('err.invalidValue');
  }
  return withLabels(msg);
}

function errorText(e) {
  return e.core ? coreMessage(e.core) : t(e.key, e.vars);
}

function clearErrors() {
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('.field.invalid')) el.classList.remove('invalid');
  for (const el of document.querySelectorAll('.group-invalid')) el.classList.remove('group-invalid');
  for (const el of document.querySelectorAll('p.error')) {
    el.hidden = true;
    el.textContent = '';
  }
}

function renderErrors() {
  clearErrors();
  for (const e of state.fieldErrors) {
    // A group (the roof planes, a grid of months) or an input of a grid names its own error line;
    // a group is marked as a whole.
    const errorId = e.el.dataset.errorId;
    const group = errorId && !['INPUT', 'SELECT'].includes(e.el.tagName);
    const field = errorId ? null : e.el.closest('.field');
    e.el.setAttribute('aria-invalid', 'true');
    field?.classList.add('invalid');
    if (group) e.el.classList.add('group-invalid');
    const p = errorId ? $(errorId) : field?.querySelector('p.error');
    if (p) {
      p.textContent = errorText(e);
      p.hidden = false;
    }
  }
  const box = $('general-error');
  if (state.generalError) {
    const e = state.generalError;
    box.textContent = `${t('res.generalError')}${colon()}${e.core ? coreMessage(e.core) : t(e.key, e.vars)}`;
    box.hidden = false;
  } else {
    box.hidden = true;
    box.textContent = '';
  }
  const stale = (state.fieldErrors.length > 0 || state.generalError !== null) && state.report !== null;
  $('stale').hidden = !stale;
  $('mobile-summary').classList.toggle('is-stale', stale);
  $('results-body').classList.toggle('is-stale', stale);
  $('results-body').setAttribute('aria-disabled', String(stale));
}

// ---------------------------------------------------------------- calculate

/** The scenario as the worker gets it: a weather file's text is sent once and named by `textRef`. */
function forWorker(scenario) {
  const w = state.weather;
  if (scenario.resource.text === undefined || !w) return scenario;
  if (state.engine.weatherId !== w.id) state.engine.setWeather(w.id, w.text);
  const { text: _sent, ...resource } = scenario.resource;
  return { ...scenario, resource: { ...resource, textRef: w.id } };
}

/** What the form says now: its own errors at once, else a calculation asked of the worker
 * (debounced; `now`: without waiting), whose answer `showResult` renders. */
function recalc({ now = false } = {}) {
  applyVisibility();
  updateShareHint();
  renderStationInfo();
  const { scenario, local } = buildScenario();
  if (local.length) {
    state.engine.cancel();
    state.requested = null;
    state.fieldErrors = local;
    state.generalError = null;
    renderErrors();
    renderReport();
    updatePlaceholders();
    updateSources();
    document.body.dataset.ready = 'true';
    return;
  }
  const seq = state.engine.request(forWorker(scenario), now ? 0 : undefined);
  state.requested = { seq, scenario };
}

/** The worker's answer to the newest request: the report, or the ScenarioError at its field. */
function showResult({ seq, report, error }) {
  state.fieldErrors = [];
  state.generalError = null;
  if (report) {
    state.report = report;
    state.scenario = state.requested?.seq === seq ? state.requested.scenario : state.scenario;
  } else if (error?.name === 'ScenarioError') {
    const el = fieldElement(error.field);
    if (el) state.fieldErrors = [{ el, core: error }];
    else state.generalError = { core: error };
  } else {
    // Not a scenario error: a bug. Show it, and let the console have it too.
    state.generalError = { key: 'res.engineError', vars: { msg: String(error?.message ?? error) } };
    console.error(error);
  }
  renderErrors();
  renderReport();
  updatePlaceholders();
  updateSources();
  if (report) updateShare();
  document.body.dataset.resultSeq = String(seq);
  document.body.dataset.resultsShown = String(Number(document.body.dataset.resultsShown ?? 0) + 1);
  document.body.dataset.ready = 'true';
}

// ---------------------------------------------------------------- results

function setNum(id, text, raw) {
  const el = $(id);
  el.textContent = text;
  if (raw === undefined || raw === null) el.removeAttribute('data-value');
  else el.dataset.value = String(raw);
}

function renderReport() {
  const r = state.report;
  $('loading').hidden = true;
  renderRoofResult(r);
  if (!r) {
    $('results-body').hidden = true;
    return;
  }
  $('results-body').hidden = false;
  $('mobile-summary').hidden = false;
  renderClimateUsed(r);
  const zh = lang() === 'zh-CN';
  const e = r.energy;
  const m = r.money;
  const a = r.assumptions;
  const owner = a.ownership === 'owner';

  setNum('annual-kwh', fmt(e.annualKwh), e.annualKwh);
  $('annual-kwh-sub').textContent = kwhSub(e.annualKwh);
  setNum('lifetime-kwh', fmt(e.lifetimeKwh), e.lifetimeKwh);
  $('lifetime-kwh-sub').textContent = `${kwhSub(e.lifetimeKwh)} · ${t('kpi.lifetimeKwhSub', { n: a.lifetimeYears })}`;
  setNum('specific-yield', fmt(e.specificYieldKwhPerKwp, 1), e.specificYieldKwhPerKwp);
  $('specific-yield-sub').textContent = t('kpi.yieldSub');

  const hourly = e.poaKwhM2 !== undefined;
  for (const el of document.querySelectorAll('[data-hourly-only]')) el.hidden = !hourly;
  if (hourly) {
    setNum('poa', fmt(e.poaKwhM2), e.poaKwhM2);
    const ghi = r.weather?.annualGhiKwhM2;
    $('poa-sub').textContent = ghi
      ? t('kpi.poaSub', { ghi: fmt(ghi), pct: `${signed((e.poaKwhM2 / ghi - 1) * 100, 1)}%` })
      : '';
    setNum('performance-ratio', fmt(e.performanceRatio * 100, 1), e.performanceRatio);
    renderLosses(e.losses);
  }

  setNum('first-year-savings', fmt(m.firstYearSavingsYuan), m.firstYearSavingsYuan);
  $('first-year-savings-sub').textContent = `${yuanSub(m.firstYearSavingsYuan)} · ${t(owner ? 'kpi.firstSavings.owner' : 'kpi.firstSavings.thirdParty')}`;
  setNum('lifetime-savings', fmt(m.lifetimeSavingsYuan), m.lifetimeSavingsYuan);
  $('lifetime-savings-sub').textContent = `${yuanSub(m.lifetimeSavingsYuan)} · ${t('kpi.lifetimeSavingsSub')}`;

  for (const el of document.querySelectorAll('[data-owner-only]')) el.hidden = !owner;
  $('emc-note').hidden = owner;
  if (owner) {
    const inv = m.investmentYuan ?? m.byYear.find((y) => y.year === 0)?.costsYuan ?? 0;
    setNum('investment', fmt(inv), inv);
    $('investment-sub').textContent = `${yuanSub(inv)} · ${fmtMax(a.capexYuanPerW, 3)} ${t('u.capex')}` +
      (a.loan ? ` · ${t('kpi.loanPart', { s: fmtMax(a.loan.sharePct) })}` : '');
    if (m.paybackYears !== undefined) {
      setNum('payback', fmt(m.paybackYears, 1), m.paybackYears);
      $('payback-unit').hidden = false;
      $('payback-sub').textContent = m.discountedPaybackYears !== undefined
        ? t('kpi.discPayback', { y: fmt(m.discountedPaybackYears, 1) })
        : t('kpi.discPaybackNever');
    } else {
      setNum('payback', '—', null);
      $('payback-unit').hidden = true;
      $('payback-sub').textContent = t('kpi.paybackNever');
    }
    setNum('npv', fmt(m.npvYuan), m.npvYuan);
    $('npv').classList.toggle('negative', m.npvYuan < 0);
    $('npv-sub').textContent = `${yuanSub(m.npvYuan)} · ${t('kpi.npvSub', { r: fmtMax(a.discountRatePct) })}`;
    if (m.irrPct !== undefined) {
      setNum('irr', fmt(m.irrPct, 1), m.irrPct);
      $('irr-unit').hidden = false;
      $('irr-sub').textContent = m.projectIrrPct !== undefined && Math.abs(m.projectIrrPct - m.irrPct) > 0.05
        ? t('kpi.projectIrr', { v: fmt(m.projectIrrPct, 1) })
        : '';
    } else {
      setNum('irr', '—', null);
      $('irr-unit').hidden = true;
      $('irr-sub').textContent = t('kpi.irrNone');
    }
    if (m.lcoeYuanKwh !== undefined) {
      setNum('lcoe', fmt(m.lcoeYuanKwh, 3), m.lcoeYuanKwh);
      $('lcoe-sub').textContent = t('kpi.lcoeSub', { r: fmtMax(a.discountRatePct) });
    } else {
      setNum('lcoe', '—', null);
      $('lcoe-sub').textContent = '';
    }
  }

  $('ms-kwh').textContent = `${fmt(e.annualKwh)} kWh`;
  $('ms-yuan').textContent = `${fmt(m.firstYearSavingsYuan)} ${t('unit.yuan')}`;
  renderUsage(r);
  renderMoneyResults(r, { yuanSub });
  renderStorage(r);
  renderEmissions(r);
  renderMonthly(r);
  renderHeatmap(r);
  renderCashFlow(r);
  renderWarnings(r, zh);
  renderAssumptions(r);
}

/** Under the results' title: the station whose climate was used (and how far it is from the site),
 * the annual irradiation and its resource class — station and monthly methods. */
function renderClimateUsed(r) {
  const box = $('climate-used');
  const ns = r.station;
  box.hidden = !ns;
  if (!ns) return;
  const monthly = r.assumptions.resourceMethod === 'monthly';
  const st = ns.station;
  const site = state.scenario?.site;
  box.dataset.stationId = st.id;
  box.dataset.distance = String(ns.distanceKm);
  const main = $('climate-used-main');
  main.replaceChildren();
  const span = (text, testid) => {
    const el = document.createElement('span');
    el.textContent = text;
    if (testid) el.dataset.testid = testid;
    return el;
  };
  const ghi = r.weather?.annualGhiKwhM2 ?? st.annualGhiKwhM2;
  const dot = ' · ';
  if (monthly) {
    const strong = document.createElement('strong');
    strong.textContent = t('cu.monthly');
    main.append(strong, dot, t('station.ghi', { v: fmt(ghi) }), ' ', classBadge(classOf(ghi)), dot);
    main.append(span(t('cu.ref', { name: stationLabel(st), id: t('station.id', { id: st.id }), d: km(ns.distanceKm) }), 'climate-station'));
  } else {
    const strong = document.createElement('strong');
    strong.append(span(t('cu.station', { name: stationLabel(st), id: t('station.id', { id: st.id }) }), 'climate-station'));
    main.append(strong, dot);
    main.append(span(site ? t('cu.distance', { d: km(ns.distanceKm) }) : t('cu.atStation'), 'climate-distance'));
    main.append(dot, t('station.ghi', { v: fmt(ghi) }), ' ', classBadge(st.resourceClass));
  }
}

function renderUsage(r) {
  const u = r.usage;
  const total = u.selfUsedKwh + u.exportedKwh + u.curtailedKwh || 1;
  const parts = [
    ['selfUsed', u.selfUsedKwh],
    ['exported', u.exportedKwh],
    ['curtailed', u.curtailedKwh],
  ];
  const bar = $('split-bar');
  bar.replaceChildren();
  const legend = $('split-legend');
  legend.replaceChildren();
  for (const [key, kwh] of parts) {
    const pct = (kwh / total) * 100;
    if (kwh > 0) {
      const seg = document.createElement('span');
      seg.className = `seg seg-${key}`;
      seg.style.width = `${pct}%`;
      bar.append(seg);
    }
    const li = document.createElement('li');
    li.innerHTML = `<span class="swatch seg-${key}"></span>`;
    const label = document.createElement('span');
    label.textContent = t(`usage.${key}`);
    const val = document.createElement('span');
    val.className = 'num';
    val.dataset.testid = `usage-${key}`;
    val.dataset.value = String(kwh);
    val.textContent = `${fmt(kwh)} kWh · ${fmt(pct, 1)}%`;
    li.append(label, val);
    legend.append(li);
  }
}

/** The chain's losses as a stepped bar per step: what each step takes from what the one before left. */
function renderLosses(l) {
  const steps = ['rowShading', 'coverSpectral', 'temperatureLowLight', 'dcLosses', 'inverter', 'clipping'];
  const rows = [{ key: 'incident', from: 0, to: l.incidentKwh }];
  let left = l.incidentKwh;
  for (const key of steps) {
    // −0.000…: a step that loses nothing shows 0.00, not −0.00
    const pct = Math.abs(l[`${key}Pct`]) < 5e-7 ? 0 : l[`${key}Pct`];
    const after = left * (1 - pct / 100);
    rows.push({ key, from: left, to: after, pct });
    left = after;
  }
  const totalPct = l.incidentKwh > 0 ? (1 - l.acKwh / l.incidentKwh) * 100 : 0;
  rows.push({ key: 'ac', from: 0, to: l.acKwh, pct: totalPct });
  const scale = Math.max(...rows.map((x) => Math.max(x.from, x.to))) || 1;

  const body = $('loss-body');
  body.replaceChildren();
  for (const row of rows) {
    const tr = document.createElement('tr');
    tr.className = `loss-${row.key}`;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(`loss.${row.key}`);
    const bar = document.createElement('td');
    bar.className = 'bar-col';
    const track = document.createElement('div');
    track.className = 'wf-track';
    const seg = document.createElement('span');
    const lo = Math.min(row.from, row.to);
    const hi = Math.max(row.from, row.to);
    const kind = row.key === 'incident' || row.key === 'ac' ? row.key : row.to > row.from ? 'gain' : 'loss';
    seg.className = `wf-bar wf-${kind}`;
    seg.style.left = `${(lo / scale) * 100}%`;
    seg.style.width = `${Math.max(0.3, ((hi - lo) / scale) * 100)}%`;
    if (hi > lo) track.append(seg);
    if (kind === 'loss' || kind === 'gain') {
      // what is left after the step, faint, so the bars read as steps down
      const rest = document.createElement('span');
      rest.className = 'wf-bar wf-rest';
      rest.style.left = '0';
      rest.style.width = `${(row.to / scale) * 100}%`;
      track.prepend(rest);
    }
    bar.append(track);
    const pct = document.createElement('td');
    pct.className = 'num-col';
    pct.dataset.testid = `loss-${row.key}`;
    if (row.pct !== undefined) {
      pct.dataset.value = String(row.pct);
      pct.textContent = fmt(Math.abs(row.pct) < 0.005 ? 0 : row.pct, 2);
      if (row.key === 'ac') pct.classList.add('total');
    } else pct.textContent = '';
    const kwh = document.createElement('td');
    kwh.className = 'num-col';
    kwh.dataset.testid = `loss-${row.key}-kwh`;
    kwh.dataset.value = String(row.to);
    kwh.textContent = fmt(row.to);
    tr.append(th, bar, pct, kwh);
    body.append(tr);
  }
}

function factorUnit(key) {
  return t(`u.${key}`);
}

function renderEmissions(r) {
  const em = r.emissions;
  const vs = em.factors.valueSources ?? [];
  const body = $('em-body');
  body.replaceChildren();
  for (const row of EMISSION_ROWS) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t(`em.${row.id}`);
    const src = vs.find((v) => v.quantity === row.factor);
    const factorText = `${fmtMax(em.factors[row.factor], 4)} ${factorUnit(row.factor)}`;
    const unconfirmed = () => {
      const b = badge();
      if (src.source.note) b.title = `${t('em.unconfirmedTitle')}${colon()}${sourceText(src.source, 'note', lang())}`;
      return b;
    };
    // On narrow cards the factor goes under the item name instead of in its own column.
    const inline = document.createElement('span');
    inline.className = 'factor-inline';
    inline.textContent = factorText;
    if (src && !src.confirmed) inline.append(' ', unconfirmed());
    th.append(inline);
    const fcell = document.createElement('td');
    fcell.className = 'num-col factor-cell factor-col';
    fcell.textContent = factorText;
    if (src && !src.confirmed) fcell.append(' ', unconfirmed());
    tr.append(th, fcell);
    for (const period of ['annual', 'lifetime']) {
      const td = document.createElement('td');
      td.className = 'num-col';
      const span = document.createElement('span');
      const v = em[period][row.total];
      span.textContent = fmt(v, 2);
      span.dataset.value = v.toFixed(2);
      span.dataset.testid = `${row.id}-${period}`;
      td.append(span);
      tr.append(td);
    }
    body.append(tr);
  }

  const box = $('factor-source');
  box.replaceChildren();
  const set = em.preset ? state.presets.emissionFactors.find((p) => p.id === em.preset) : null;
  const title = document.createElement('p');
  title.className = 'fs-title';
  const strong = document.createElement('strong');
  strong.textContent = `${t('em.source')}${colon()}`;
  const name = document.createElement('span');
  name.dataset.testid = 'factor-set-name';
  name.textContent = set ? presetName(set) : t('em.custom');
  title.append(strong, name);
  box.append(title);
  const src = em.factors.source;
  if (src) {
    const dl = document.createElement('dl');
    dl.className = 'fs-meta';
    const add = (k, v) => {
      const dt = document.createElement('dt');
      dt.textContent = t(k);
      const dd = document.createElement('dd');
      dd.textContent = v;
      dl.append(dt, dd);
    };
    add('em.issuer', sourceText(src, 'issuer', lang()));
    add('em.document', sourceText(src, 'document', lang()));
    add('em.dataYear', String(src.dataYear));
    if (src.note) add('em.note', sourceText(src, 'note', lang()));
    box.append(dl);
  }
  if (vs.some((v) => !v.confirmed)) {
    const p = document.createElement('p');
    p.className = 'muted small';
    p.append(badge(), ' ', t('em.unconfirmedNote'));
    box.append(p);
  }
  if (vs.length) {
    const d = document.createElement('details');
    const s = document.createElement('summary');
    s.textContent = t('em.valueSources');
    d.append(s);
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    const table = document.createElement('table');
    table.className = 'vs-table';
    const head = document.createElement('tr');
    for (const k of ['em.item', 'em.issuer', 'em.document', 'em.dataYear', 'em.note']) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = t(k);
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    const tbody = document.createElement('tbody');
    for (const row of EMISSION_ROWS) {
      const v = vs.find((x) => x.quantity === row.factor);
      if (!v) continue;
      const tr = document.createElement('tr');
      const cells = [
        t(`f.${row.factor}`),
        sourceText(v.source, 'issuer', lang()),
        sourceText(v.source, 'document', lang()),
        String(v.source.dataYear),
        sourceText(v.source, 'note', lang()),
      ];
      cells.forEach((c, i) => {
        const td = document.createElement('td');
        td.textContent = c;
        if (i === 0 && !v.confirmed) td.append(' ', badge());
        tr.append(td);
      });
      tbody.append(tr);
    }
    table.append(thead, tbody);
    wrap.append(table);
    d.append(wrap);
    box.append(d);
  }
}

/** The width the chart will be shown at (its card's content box). */
/** The width of a chart's box [px]: as last measured by watchChartWidth, so that drawing a new
 * report does not force a layout per chart; measured here the first time. */
const chartWidths = new Map();
function chartWidth(id) {
  const w = chartWidths.get(id) || $(id).clientWidth;
  if (w) chartWidths.set(id, w);
  return w || 640;
}

/** Charts are drawn at their shown size: redraw them when the results column changes width. */
function watchChartWidth() {
  let last = 0;
  let pending = false;
  new ResizeObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      const w = $('monthly-chart').clientWidth;
      for (const id of ['monthly-chart', 'heatmap', 'cash-chart']) chartWidths.set(id, $(id).clientWidth);
      if (!state.report || Math.abs(w - last) < 2) return;
      last = w;
      renderMonthly(state.report);
      renderHeatmap(state.report);
      renderCashFlow(state.report);
    });
  }).observe($('results'));
}

function renderMonthly(r) {
  const months = t('months');
  const values = r.energy.monthlyKwh;
  const poa = r.energy.monthlyPoaKwhM2;
  $('monthly-chart').replaceChildren(
    barChart({
      values,
      width: chartWidth('monthly-chart'),
      minLabelGap: lang() === 'zh-CN' ? 30 : 26,
      labels: months,
      tick: compact,
      title: (i) => `${months[i]}: ${fmt(values[i])} kWh`,
      ariaLabel: poa ? `${t('monthly.title')}; ${t('monthly.legendPoa')}` : t('monthly.title'),
      line2: poa && {
        values: poa,
        tick: (v) => fmt(v),
        title: (i) => `${months[i]}: ${fmt(poa[i], 1)} kWh/m²`,
      },
    }),
  );
  renderMonthlyTable(values, poa);
  const legend = $('monthly-legend');
  legend.replaceChildren();
  if (poa) {
    for (const [cls, key] of [['bar', 'monthly.legendKwh'], ['poa', 'monthly.legendPoa']]) {
      const s = document.createElement('span');
      s.innerHTML = `<i class="lg lg-${cls}"></i>`;
      s.append(t(key));
      legend.append(s);
    }
  }
}

function renderHeatmap(r) {
  const box = $('heatmap');
  const values = r.energy.hourlyKwh;
  if (!values || !$('heatmap-details').open) {
    box.replaceChildren();
    return;
  }
  box.replaceChildren(
    heatMap({
      values,
      stepMinutes: r.weather?.stepMinutes ?? 60,
      width: chartWidth('heatmap'),
      monthLabels: t('months'),
      hourLabel: (h) => `${String(h).padStart(2, '0')}:00`,
      tick: (v) => fmt(v, v < 10 ? 1 : 0),
      legend: t('heat.legend'),
      ariaLabel: t('heat.title'),
      cellTitle: (d, h, v) => {
        const [m, day] = monthDay(d);
        return t('heat.cell', { m, d: day, h, v: fmt(v, 1) });
      },
    }),
  );
}

function renderCashFlow(r) {
  const rows = cashRows(r);
  const owner = rows[0]?.year === 0;
  const values = rows.map((y) => (owner ? y.netCashFlowYuan : y.savingsYuan));
  let acc = 0;
  const cumulative = values.map((v) => (acc += v));
  $('cash-chart').replaceChildren(
    barChart({
      values,
      line: cumulative,
      width: chartWidth('cash-chart'),
      labels: rows.map((y) => String(y.year)),
      tick: compact,
      title: (i) =>
        `${t('yearN', { n: rows[i].year })}: ${fmt(values[i])} ${t('unit.yuan')} · ` +
        `${t(owner ? 'cash.cumulative' : 'cash.cumulativeSavings')} ${fmt(cumulative[i])} ${t('unit.yuan')}`,
      ariaLabel: t('cash.title'),
    }),
  );
  const legend = $('cash-legend');
  legend.replaceChildren();
  for (const [cls, key] of [
    ['pos', owner ? 'cash.net' : 'cash.savings'],
    ...(owner ? [['neg', 'cash.investment']] : []),
    ['line', owner ? 'cash.cumulative' : 'cash.cumulativeSavings'],
  ]) {
    const s = document.createElement('span');
    s.innerHTML = `<i class="lg lg-${cls}"></i>`;
    s.append(`${t(key)} (${t('unit.yuan')})`);
    legend.append(s);
  }

}

function renderWarnings(r, zh) {
  const ul = $('warnings');
  ul.replaceChildren();
  for (const w of r.warnings) {
    const li = document.createElement('li');
    li.dataset.code = w.code;
    li.textContent = withLabels(zh ? w.messageZh : w.message);
    ul.append(li);
  }
  $('warnings-card').hidden = r.warnings.length === 0;
}

/** The weather file and the system layout (hourly methods), as [key, value, defaultKey, class]. */
function hourlyAssumptions(r, s) {
  const w = r.weather;
  if (!w) return [];
  // A system sized from its roof: the plane, mounting and GCR of the sizing.
  const z = r.sizing;
  const sys = z ? { ...s.system, planes: [{ tiltDeg: z.tiltDeg, azimuthDeg: z.azimuthDeg, shareOfCapacity: 1 }],
    mounting: z.rows ? 'openRack' : 'roof', groundCoverageRatio: z.groundCoverageRatio } : s.system;
  const sep = lang() === 'zh-CN' ? '；' : '; ';
  const planes = (sys.planes ?? []).map((p) =>
    t('as.planeValue', { t: fmtMax(p.tiltDeg, 2), a: fmtMax(p.azimuthDeg, 2), s: fmtMax(p.shareOfCapacity * 100, 2) }),
  );
  const val = (key) => sys[key] ?? state.defaults[key];
  const items = [];
  const method = r.assumptions.resourceMethod;
  if (method === 'weatherFile') {
    items.push(
      ['as.weatherFile', s.resource.fileName ?? '', undefined, 'wide'],
      ['as.station', `${w.location.name} (${position(w.location)})`, undefined, 'wide'],
      ['as.source', sourceName(w)],
      ['as.timing', t(`timing.${w.timing}`), 'timing'],
    );
  } else {
    const ns = r.station;
    const comma = lang() === 'zh-CN' ? '，' : ', ';
    if (method === 'monthly') {
      items.push(['as.monthly', t('as.monthlyValue', { temp: s.resource.tempC ? t('as.monthlyTemp') : '' }), undefined, 'wide']);
    }
    if (ns) {
      items.push(
        [method === 'monthly' ? 'as.refStation' : 'as.station', `${stationLabel(ns.station)}${comma}${t('station.id', { id: ns.station.id })}`, undefined, 'wide'],
        ['as.stationPos', position(ns.station), undefined, 'wide'],
      );
    }
    if (s.site) {
      const d = ns ? `${comma}${t('cu.distance', { d: km(ns.distanceKm) })}` : '';
      items.push(['as.site', `${position(s.site)}${d}`, undefined, 'wide']);
    }
    items.push(['as.dataset', t('station.dataset'), undefined, 'wide']);
    items.push(['as.resourceClass', t('station.class', { c: method === 'monthly' ? classOf(w.annualGhiKwhM2) : ns.station.resourceClass })]);
  }
  items.push(
    ['as.ghi', `${fmt(w.annualGhiKwhM2)} kWh/m²`],
    ['as.temp', `${fmt(w.meanTempC, 1)} °C`],
    ['as.planes', planes.join(sep), undefined, 'wide'],
    ['as.dcAc', fmtMax(val('dcAcRatio')), 'dcAcRatio'],
    ['as.invEff', `${fmtMax(val('inverterEfficiencyPct'))} %`, 'inverterEfficiencyPct'],
    ['as.losses', `${fmtMax(val('lossesPct'))} %`, 'lossesPct'],
    ['as.moduleType', t(`opt.${sys.moduleType ?? 'standard'}`)],
    ['as.mounting', t(`opt.${sys.mounting ?? 'roof'}`)],
  );
  if (sys.mounting === 'openRack') items.push(['as.gcr', fmtMax(val('groundCoverageRatio')), 'groundCoverageRatio']);
  items.push(['as.sky', t(`opt.${sys.skyModel ?? 'perez'}`)]);
  return items;
}

function renderAssumptions(r) {
  const a = r.assumptions;
  const s = state.scenario;
  const given = {
    lifetimeYears: s.lifetime?.years,
    firstYearDegradationPct: s.lifetime?.firstYearDegradationPct,
    annualDegradationPct: s.lifetime?.annualDegradationPct,
    selfUseSharePct: s.usage?.selfUseSharePct,
    gridPriceYuanKwh: s.tariff?.gridPriceYuanKwh,
    exportPriceYuanKwh: s.tariff?.exportPriceYuanKwh,
    escalationPct: s.tariff?.escalationPct,
    exportEscalationPct: s.tariff?.exportEscalationPct,
    capexYuanPerW: (s.ownership?.investor ?? s.ownership)?.capexYuanPerW,
    omYuanPerKwpYear: ((o) => o?.omYuanPerKwpYear ?? o?.omPctOfCapex ?? o?.omSteps)(s.ownership?.investor ?? s.ownership),
    discountRatePct: (s.ownership?.investor ?? s.ownership)?.discountRatePct,
    roofRentYuanYear: s.ownership?.roofRentYuanYear,
    timing: s.resource?.timing,
    dcAcRatio: s.system?.dcAcRatio,
    inverterEfficiencyPct: s.system?.inverterEfficiencyPct,
    lossesPct: s.system?.lossesPct,
    groundCoverageRatio: s.system?.groundCoverageRatio,
  };
  const items = [
    ['as.capacity', `${fmtMax(a.capacityKwp)} kWp`],
    ['as.method', t(`opt.${a.resourceMethod}`)],
    ...hourlyAssumptions(r, s),
    ['as.years', `${a.lifetimeYears} ${t('u.years')}`, 'lifetimeYears'],
    ['as.firstDeg', `${fmtMax(a.firstYearDegradationPct)} %`, 'firstYearDegradationPct'],
    ['as.annualDeg', `${fmtMax(a.annualDegradationPct)} ${t('u.annualDeg')}`, 'annualDegradationPct'],
    ['as.mode', t(`opt.${a.usageMode}`)],
    ...(a.usageMode === 'fullExport'
      ? []
      : a.load
        ? [['as.share', t('as.shareHourly', { v: fmt(a.selfUseSharePct, 1) })]]
        : [['as.share', `${fmtMax(a.selfUseSharePct)} %`, 'selfUseSharePct']]),
    ...(a.usageMode === 'fullExport'
      ? []
      : a.tariffKind === 'timeOfUse'
        ? [['as.gridMean', `${fmt(a.gridPriceYuanKwh, 4)} ${t('unit.yuanKwh')}`]]
        : [['as.grid', `${fmtMax(a.gridPriceYuanKwh)} ${t('unit.yuanKwh')}`, 'gridPriceYuanKwh']]),
    ...(a.usageMode === 'fullSelfUse' || a.ownership !== 'owner'
      ? []
      : [['as.export', `${fmtMax(a.exportPriceYuanKwh)} ${t('unit.yuanKwh')}`, 'exportPriceYuanKwh']]),
    ['as.escalation', `${fmtMax(a.escalationPct)} ${t('u.escalation')}`, 'escalationPct'],
    ['as.kind', t(`opt.${a.ownership}`)],
  ];
  if (a.ownership === 'thirdParty') {
    items.push(
      ['as.discountPct', `${fmtMax(a.discountPct)} %`],
      ['as.roofRent', `${fmt(a.roofRentYuanYear)} ${t('u.roofRent')}`, 'roofRentYuanYear'],
    );
  }
  items.push(
    [a.ownership === 'owner' ? 'as.capex' : 'as.invCapex', `${fmtMax(a.capexYuanPerW)} ${t('u.capex')}`, 'capexYuanPerW'],
    // O&M once: per kWp here, or by steps / as a share of the investment (money-ui.js)
    ...(a.omSteps || a.omPctOfCapex !== undefined ? [] : [['as.om', `${fmtMax(a.omYuanPerKwpYear)} ${t('u.om')}`, 'omYuanPerKwpYear']]),
    ['as.discountRate', `${fmtMax(a.discountRatePct)} ${t('u.discountRate')}`, 'discountRatePct'],
  );
  items.push(...moneyAssumptions(r));
  items.push(...rulesAssumptions(r));
  const set = r.emissions.preset ? state.presets.emissionFactors.find((p) => p.id === r.emissions.preset) : null;
  items.push(['as.factors', set ? presetName(set) : t('em.custom'), undefined, 'wide']);

  const dl = $('assumptions');
  dl.replaceChildren();
  for (const [key, value, defKey, cls] of items) {
    const div = document.createElement('div');
    if (cls) div.className = cls;
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    if (defKey && given[defKey] === undefined) {
      const tag = document.createElement('span');
      tag.className = 'tag';
      tag.textContent = t('as.default');
      dd.append(' ', tag);
    }
    div.append(dt, dd);
    dl.append(div);
  }
}

// ---------------------------------------------------------------- examples

function clearForm() {
  for (const input of document.querySelectorAll('#form input:not([type="radio"])')) input.value = '';
  $('method').value = INITIAL.method;
  $('mode').value = INITIAL.mode;
  $(`kind-${INITIAL.kind}`).checked = true;
  $('discountUnit').value = 'pctOff';
  $('factorSet').value = state.presets.defaultEmissionFactors;
  $('grid-preset').value = '';
  $('export-preset').value = '';
  // the weather file and the layout
  state.weather = null;
  state.weatherToken = null;
  for (const id of ['timing', 'format']) $(id).value = '';
  $('moduleType').value = 'standard';
  $('mounting').value = 'roof';
  $('skyModel').value = 'perez';
  renderPlanes([DEFAULT_PLANE]);
  renderWeatherFile();
  clearRoof();
  clearMoney();
  clearRules();
  clearStorage();
  // where the roof is: a choice that outlives the other inputs (like the language)
  restoreStation();
}

function resetForm() {
  clearForm();
  $('capacity').value = INITIAL.capacity;
  $('hours').value = INITIAL.hours;
  state.example = null;
  renderExampleDesc();
}

function setField(id, v) {
  if (v !== undefined && v !== null) $(id).value = String(v);
}

/** Fills the form from a Scenario (as the presets give it). */
function fillForm(s) {
  clearForm();
  setField('capacity', s.system?.capacityKwp);
  fillRoof(s);
  if (s.system?.planes?.length) {
    renderPlanes(
      s.system.planes.map((p) => ({ tilt: fmtPlain(p.tiltDeg), azimuth: fmtPlain(p.azimuthDeg), share: fmtPlain(p.shareOfCapacity * 100) })),
    );
  }
  setField('dcAc', s.system?.dcAcRatio);
  setField('invEff', s.system?.inverterEfficiencyPct);
  setField('losses', s.system?.lossesPct);
  setField('gcr', s.system?.groundCoverageRatio);
  for (const [id, key] of [['moduleType', 'moduleType'], ['mounting', 'mounting'], ['skyModel', 'skyModel']]) {
    if (s.system?.[key]) $(id).value = s.system[key];
  }
  const r = s.resource ?? {};
  $('method').value = r.method ?? 'fullLoadHours';
  if (r.stationId && state.stations.has(r.stationId)) state.stationId = r.stationId;
  if (s.site) {
    setField('site-lat', s.site.latitude);
    setField('site-lon', s.site.longitude);
  }
  if (r.method === 'station') $(s.site ? 'station-by-coords' : 'station-by-search').checked = true;
  (r.ghiKwhM2 ?? []).forEach((v, i) => setField(`ghi-${i + 1}`, v));
  (r.tempC ?? []).forEach((v, i) => setField(`temp-${i + 1}`, v));
  setField('hours', r.hours);
  setField('ha', r.horizontalIrradiationKwhM2);
  setField('k', r.k);
  setField('years', s.lifetime?.years);
  setField('firstDeg', s.lifetime?.firstYearDegradationPct);
  setField('annualDeg', s.lifetime?.annualDegradationPct);
  if (s.usage) {
    $('mode').value = s.usage.mode;
    setField('share', s.usage.selfUseSharePct);
  }
  setField('grid', s.tariff?.gridPriceYuanKwh);
  setField('export', s.tariff?.exportPriceYuanKwh);
  setField('escalation', s.tariff?.escalationPct);
  const o = s.ownership ?? { kind: 'owner' };
  $(`kind-${o.kind}`).checked = true;
  fillMoney(s);
  fillRules(s);
  fillStorage(s);
  setField('discountPct', o.discountPct);
  $('discountUnit').value = 'pctOff';
  setField('roofRent', o.roofRentYuanYear);
  if (s.emissions?.factors) {
    $('factorSet').value = 'custom';
    for (const k of FACTOR_KEYS) setField(k, s.emissions.factors[k]);
  } else {
    $('factorSet').value = s.emissions?.preset ?? state.presets.defaultEmissionFactors;
  }
}

function loadExample(id) {
  const ex = state.presets.scenarios.find((x) => x.id === id);
  if (!ex) return;
  fillForm(ex.scenario);
  state.example = ex;
  state.exampleEdited = false;
  applyVisibility();
  state.exampleScenario = JSON.stringify(buildScenario().scenario);
  renderExampleDesc();
  recalc({ now: true });
}

function renderExampleDesc() {
  const ex = state.example;
  $('example-desc').hidden = !ex;
  for (const b of document.querySelectorAll('[data-example]')) {
    b.setAttribute('aria-pressed', String(ex?.id === b.dataset.example));
  }
  if (!ex) return;
  const zh = lang() === 'zh-CN';
  $('example-name').textContent = zh ? ex.nameZh : ex.nameEn;
  $('example-text').textContent = zh ? ex.descriptionZh : ex.descriptionEn;
  $('example-edited').hidden = !state.exampleEdited;
}

// ---------------------------------------------------------------- wiring

function onUserInput(e) {
  const target = e.target;
  if (target.type === 'file') return; // read on `change`, then recalculated
  if (target.dataset.noRecalc !== undefined) return; // the station search: recalculated on a pick
  if (target.matches('#site-lat, #site-lon, [name="stationBy"]')) rememberStation();
  if (target.matches('#site-lat, #site-lon') && state.place) {
    // typed coordinates are no longer the chosen place's
    state.place = null;
    $('place-search').value = '';
    $('place-status').textContent = '';
  }
  if (target.matches('#timing, #format')) parseSummary();
  if (target.closest('#planes')) updatePlaneLabels();
  if (target.id === 'loadProfile') updateProfileHint();
  if (target.id === 'roofType') updateRoofPlaceholders();
  if (target.name === 'touBrush' || target.id === 'touPreset') return; // handled by money-ui.js
  if (target.matches('#grid-preset, #export-preset')) {
    const p = state.presets.tariffs.find((x) => x.id === target.value);
    if (p) $(target.dataset.target).value = String(p.valueYuanKwh);
  }
  if (target.id === 'discountUnit') {
    // the same discount in the other way of saying it: 15 (% off) ⇄ 85 (折)
    const v = parseNumber($('discountPct').value).value;
    if (v !== undefined) {
      const pay = target.value === 'zhe' ? 100 - v : v <= 10 ? v * 10 : v;
      $('discountPct').value = fmtPlain(target.value === 'zhe' ? pay : 100 - pay);
    }
  }
  if (target.id === 'factorSet' && target.value === 'custom') {
    // Start the custom factors from the set that was chosen before, so only the differences need typing.
    const prev = state.presets.emissionFactors.find((p) => p.id === state.report?.emissions.preset);
    if (prev && FACTOR_KEYS.every((k) => $(k).value === '')) {
      for (const k of FACTOR_KEYS) $(k).value = String(prev.factors[k]);
    }
  }
  // Typing waits for a pause (engine.js); a choice is calculated at once.
  afterUserChange({ now: !target.matches('input[type="text"], input:not([type]), input[type="number"], textarea') });
}

/** Recalculates after the user changed something, and notes when an example was edited. */
function afterUserChange({ now = true } = {}) {
  recalc({ now });
  if (state.example) {
    applyVisibility();
    const edited = JSON.stringify(buildScenario().scenario) !== state.exampleScenario;
    if (edited !== state.exampleEdited) {
      state.exampleEdited = edited;
      renderExampleDesc();
    }
  }
}

function switchLanguage(l) {
  setLang(l);
  try {
    localStorage.setItem('rooftop-pv.lang', lang());
  } catch {
    // storage may be disabled; the choice then lasts for this visit only
  }
  $('lang').value = lang();
  applyStaticText();
  renderStationInfo();
  if (state.suggestions.length) searchStations();
  renderErrors();
  renderReport();
}

function initialLanguage() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q) return q === 'en' ? 'en' : 'zh-CN';
  try {
    return localStorage.getItem('rooftop-pv.lang') ?? 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function wireWeatherAndPlanes() {
  const input = $('weather-file');
  input.addEventListener('change', () => {
    if (input.files?.[0]) loadWeatherFile(input.files[0]);
  });
  const zone = $('dropzone');
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  const setDragging = (on) => {
    zone.classList.toggle('dragging', on);
    $('drop-text').textContent = t(on ? 'file.dropNow' : 'file.drop');
  };
  zone.addEventListener('dragenter', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    setDragging(true);
  });
  zone.addEventListener('dragover', (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', (e) => {
    if (!zone.contains(e.relatedTarget)) setDragging(false);
  });
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer?.files?.[0];
    if (file) loadWeatherFile(file);
  });
  // A file dropped beside the zone must not make the browser leave the page for it.
  for (const type of ['dragover', 'drop']) {
    window.addEventListener(type, (e) => {
      if (hasFiles(e) && !zone.contains(e.target)) e.preventDefault();
    });
  }

  const planesChanged = (change) => () => {
    change();
    afterUserChange();
  };
  $('add-plane').addEventListener('click', planesChanged(addPlane));
  $('preset-east-west').addEventListener('click', planesChanged(eastWestRoof));
  $('preset-south').addEventListener('click', planesChanged(southRoof));
  $('planes').addEventListener('click', (e) => {
    const b = e.target.closest('.remove-plane');
    if (b) planesChanged(() => removePlane(Number(b.dataset.index)))();
  });
  $('heatmap-details').addEventListener('toggle', () => {
    // The hourly series is asked for only while the heat map is open.
    if ($('heatmap-details').open && state.report && !state.report.energy.hourlyKwh) recalc();
    else if (state.report) renderHeatmap(state.report);
  });
}

async function main() {
  setLang(initialLanguage());
  $('lang').value = lang();
  // The form's labels before the engine has loaded (first paint).
  document.documentElement.lang = lang();
  translate(document);
  state.engine = createEngine({
    onResult: showResult,
    onBusy: (busy) => (document.body.dataset.busy = String(busy)),
  });
  try {
    await Promise.all([init(), state.engine.ready]);
  } catch (err) {
    $('loading').hidden = true;
    const box = $('general-error');
    box.textContent = t('res.engineError', { msg: String(err) });
    box.hidden = false;
    throw err;
  }
  state.presets = presets();
  state.stations = new Map(stations().map((st) => [st.id, st]));
  renderMonthGrids();
  // The core's defaults (one list in the core, named as the fields they fill).
  state.defaults = state.presets.defaults;

  fillFactorSetOptions();
  fillTariffOptions();
  setupMoneyUi({ presets: state.presets, onChange: afterUserChange });
  setupRulesUi({ presets: state.presets });
  setupStorageUi({
    presets: state.presets,
    sweep: (grid) => state.engine.sweep(forWorker(state.scenario), grid),
    chartWidth: () => chartWidth('cash-chart'),
    onChange: afterUserChange,
  });
  setupShare({ fillForm, renderExampleDesc, recalc, stationLabel, colon });
  setupPlaces({ nearestTo, stationName, km, closeSuggestions, rememberStation, afterUserChange });
  setupVariants();
  setupPortfolio();
  resetForm();
  await restoreScenario();
  applyStaticText();
  recalc({ now: true });

  const form = $('form');
  form.addEventListener('input', onUserInput);
  form.addEventListener('submit', (e) => e.preventDefault());
  for (const b of document.querySelectorAll('[data-example]')) {
    b.addEventListener('click', () => loadExample(b.dataset.example));
  }
  $('reset').addEventListener('click', () => {
    // the defaults: the saved inputs and the link's case are forgotten
    forgetLocal();
    history.replaceState(null, '', location.pathname + location.search);
    state.neededFile = null;
    $('share-status').textContent = '';
    resetForm();
    recalc({ now: true });
  });
  $('example-close').addEventListener('click', () => {
    state.example = null;
    renderExampleDesc();
  });
  $('lang').addEventListener('change', () => switchLanguage($('lang').value));
  wireWeatherAndPlanes();
  $('cashParty').addEventListener('change', () => {
    // Only the view changes: the host's or the investor's cash flow.
    if (!state.report) return;
    renderMoneyResults(state.report, { yuanSub });
    renderCashFlow(state.report);
  });
  wireStationSearch();
  $('print').addEventListener('click', () => window.print());
  watchChartWidth();
  // Offline after this visit: the service worker keeps the page and the engine (sw.js).
  navigator.serviceWorker?.register('./sw.js').catch((err) => console.warn('no offline copy:', err));
}

main();
