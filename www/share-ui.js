// Sharing and exporting a case (the link and its QR code, local memory, CSV and JSON files) and the
// printed report's title block. The formats are in share.js; this is their place on the page.

import { calculate, version } from './pkg/rooftop_pv.js';
import { t, lang } from './i18n.js';
import { fmt } from './format.js';
import { $, state } from './state.js';
import { cashColumns, cashRows, loadFileInfo } from './money-ui.js';
import { monthDay, monthlyRows } from './monthly-table.js';
import { placeByCode, placeLabel } from './places.js';
import {
  caseJson, csv, decodeScenario, describedScenario, download, encodeScenario, linkFor, linkValue, loadLocal, saveLocal,
  scenarioOfJson,
} from './share.js';
import { renderSVG } from './vendor/uqr.mjs';

/** What this module needs of the page: filling the form, recalculating, a station's label. */
const page = {};

/** Called once: `ctx` = { fillForm, renderExampleDesc, recalc, stationLabel, colon }. */
export function setupShare(ctx) {
  Object.assign(page, ctx);
  wireShare();
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
}

/** The link, the QR code and the local copy of the scenario of the report shown. */
export async function updateShare() {
  const scenario = describedScenario(state.scenario, state.weather, loadFileInfo());
  saveLocal(scenario);
  const token = ++state.linkToken;
  document.body.dataset.linkPending = 'true';
  const link = linkFor(await encodeScenario(scenario));
  if (token !== state.linkToken) return; // a newer report meanwhile
  delete document.body.dataset.linkPending;
  history.replaceState(null, '', link);
  $('share-link').value = link;
  if ($('share-qr-details').open) renderQr();
}

export function renderQr() {
  const link = $('share-link').value;
  if (!link) return;
  try {
    $('share-qr').innerHTML = renderSVG(link, { ecc: 'L', border: 2, pixelSize: 3 });
  } catch {
    // more than a QR code holds (about 2,900 characters): the link still works
    $('share-qr').textContent = t('share.qrTooLong', { n: fmt(link.length) });
    return;
  }
  const svg = $('share-qr').querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', t('share.qr'));
}

/** The scenario of a link, a saved case or the last visit back into the form (before the first calculation). */
export async function restoreScenario() {
  const value = linkValue();
  let s = null;
  let note = '';
  if (value) {
    try {
      s = await decodeScenario(value);
      note = t('share.restored');
    } catch (err) {
      note = t(err.key ?? 'share.badLink');
    }
  } else s = loadLocal();
  $('share-status').textContent = note;
  if (s) applyScenario(s);
}

/** Puts a scenario (from a link or a case file) in the form; a weather file it names is asked for again. */
function applyScenario(s) {
  page.fillForm(s);
  const r = s.resource ?? {};
  for (const id of ['format', 'timing']) if (r[id]) $(id).value = r[id];
  state.neededFile = r.method === 'weatherFile' ? (r.file ?? { name: r.fileName ?? '?', size: 0 }) : null;
  const load = s.usage?.load;
  if (load?.file && !load.text) {
    $('share-status').textContent = t('share.needsLoadFile', { name: load.file.name, kb: fmt((load.file.size ?? 0) / 1024) });
  }
  state.example = null;
  page.renderExampleDesc();
}

function fileStem() {
  return `rooftop-pv-${new Date().toISOString().slice(0, 10)}`;
}

function downloadMonthly() {
  const r = state.report;
  if (!r) return;
  const { head, rows, foot } = monthlyRows(r.energy.monthlyKwh, r.energy.monthlyPoaKwhM2, (v, d) => v.toFixed(d));
  download(`${fileStem()}-monthly.csv`, csv([head, ...rows, foot]), 'text/csv;charset=utf-8');
}

function downloadCash() {
  const r = state.report;
  if (!r) return;
  const cols = cashColumns(r);
  const rows = cashRows(r).map((y) => cols.map(([, get]) => get(y)));
  download(`${fileStem()}-cashflow.csv`, csv([cols.map(([key]) => t(key)), ...rows]), 'text/csv;charset=utf-8');
}

/** The hourly series of the scenario shown (asked of the page's own engine: one calculation on a click). */
function downloadHourly() {
  if (!state.scenario) return;
  const r = calculate({ ...state.scenario, output: { hourly: true } });
  const kwh = r.energy.hourlyKwh ?? [];
  const rows = Array.from(kwh, (v, i) => {
    const [m, d] = monthDay(Math.floor(i / 24));
    const when = kwh.length === 8760 ? `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(i % 24).padStart(2, '0')}:00` : String(i);
    return [when, v.toFixed(3)];
  });
  download(`${fileStem()}-hourly.csv`, csv([[t('ht.time'), t('ht.kwh')], ...rows]), 'text/csv;charset=utf-8');
}

function downloadJson() {
  if (!state.report) return;
  const text = caseJson(describedScenario(state.scenario, state.weather, loadFileInfo()), state.report, version());
  download(`${fileStem()}.json`, text, 'application/json');
}

async function loadCaseFile(file) {
  const status = $('share-status');
  try {
    applyScenario(scenarioOfJson(await file.text()));
    status.textContent = t('share.loaded', { name: file.name });
    page.recalc({ now: true });
  } catch (err) {
    status.textContent = t(err.key ?? 'share.badJson');
  }
}

function wireShare() {
  $('share-copy').addEventListener('click', async () => {
    const link = $('share-link');
    try {
      await navigator.clipboard.writeText(link.value);
      $('share-status').textContent = t('share.copied');
    } catch {
      link.select();
      $('share-status').textContent = t('share.copyFailed');
    }
  });
  $('share-link').addEventListener('focus', (e) => e.target.select());
  $('share-qr-details').addEventListener('toggle', () => $('share-qr-details').open && renderQr());
  $('dl-monthly').addEventListener('click', downloadMonthly);
  $('dl-cash').addEventListener('click', downloadCash);
  $('dl-hourly').addEventListener('click', downloadHourly);
  $('dl-json').addEventListener('click', downloadJson);
  $('load-json').addEventListener('change', (e) => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (f) loadCaseFile(f);
  });
}

// ---------------------------------------------------------------- print

let closedForPrint = [];

/** The printed report: its title block filled, every collapsed source and note opened (the heat map
 * excepted: it would need the hourly series). */
function beforePrint() {
  const zh = lang() === 'zh-CN';
  const ex = state.example;
  $('pt-project').textContent = ex && !state.exampleEdited ? (zh ? ex.nameZh : ex.nameEn) : t('pt.custom');
  const place = state.place && placeByCode(state.place);
  const st = state.report?.station;
  const site = state.scenario?.site;
  const parts = [];
  if (place) parts.push(placeLabel(place, zh));
  if (site) parts.push(t('pt.coords', { lat: fmt(site.latitude, 3), lon: fmt(site.longitude, 3) }));
  if (st) parts.push(`${t('f.station')}${page.colon()}${page.stationLabel(st.station ?? st)}`);
  $('pt-place').textContent = parts.join(zh ? '；' : '; ') || '—';
  $('pt-date').textContent = new Date().toLocaleDateString(zh ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric' });
  $('pt-version').textContent = `rooftop-pv ${version()}`;
  $('pt-link').textContent = $('share-link').value;
  closedForPrint = [...document.querySelectorAll('#results details:not([open])')].filter((d) => d.id !== 'heatmap-details');
  for (const d of closedForPrint) d.open = true;
}

function afterPrint() {
  for (const d of closedForPrint) d.open = false;
  closedForPrint = [];
}

