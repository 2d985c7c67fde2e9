// The hourly-money part of the page: the site's load (typical profile, monthly totals or an interval
// file), the export limit, time-of-use prices (preset or painted on a month × hour grid), the finance
// of the owner or the EMC investor (O&M form, inverter, loan, tax), and the results that come with
// them (self-sufficiency, the average day, value by period, the investor, the cash-flow table).

import { t, lang } from './i18n.js';
import { barChart } from './charts.js';
import { compact, fmt, fmtMax } from './format.js';

const $ = (id) => document.getElementById(id);
export const PERIODS = ['sharpPeak', 'peak', 'flat', 'valley', 'deepValley'];
/** The core reads at most this much load text (load_format); larger files are not even read. */
const MAX_LOAD_BYTES = 20 * 1024 * 1024;

const ui = {
  presets: null,
  onChange: () => {},
  /** 12 months × 24 hours of period names. */
  grid: Array.from({ length: 12 }, () => Array(24).fill('flat')),
  brush: 'valley',
  /** The time-of-use preset the grid and prices came from ('' once edited). */
  touPreset: '',
  painting: false,
  /** { name, size, text } or { name, size, localError } or null */
  loadFile: null,
  loadToken: null,
};

// ---------------------------------------------------------------- helpers

function presetName(p) {
  return lang() === 'zh-CN' ? p.nameZh : p.nameEn;
}
function isShown(el) {
  return !el.closest('[hidden]');
}
function hourText(h) {
  return `${String(h).padStart(2, '0')}:00`;
}

// ---------------------------------------------------------------- setup

/** Builds the month inputs, the brush and the time-of-use grid, and wires their events. */
export function setupMoneyUi({ presets, onChange }) {
  ui.presets = presets;
  ui.onChange = onChange;

  monthCells($('load-months'), 'loadM', 'load-month', 'usage.load.kwh', 'f.loadMonthN');
  monthCells($('grid-months'), 'gridM', 'grid-month', 'tariff.gridPriceByMonthYuanKwh', 'f.gridMonthN');

  const brush = $('tou-brush');
  for (const p of PERIODS) {
    const id = `brush-${p}`;
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'touBrush';
    input.id = id;
    input.value = p;
    input.dataset.testid = id;
    input.checked = p === ui.brush;
    const label = document.createElement('label');
    label.htmlFor = id;
    label.className = `brush brush-${p}`;
    label.dataset.period = p;
    brush.append(input, label);
  }
  brush.addEventListener('change', (e) => {
    if (e.target.name === 'touBrush') ui.brush = e.target.value;
    e.stopPropagation();
  });

  renderGrid();
  const table = $('tou-grid');
  const cellOf = (e) => e.target.closest('button[data-m]');
  const paint = (b) => {
    const m = Number(b.dataset.m);
    const h = Number(b.dataset.h);
    if (ui.grid[m][h] === ui.brush) return false;
    ui.grid[m][h] = ui.brush;
    b.className = `p-${ui.brush}`;
    b.setAttribute('aria-label', cellLabel(m, h));
    b.title = cellLabel(m, h);
    return true;
  };
  let changed = false;
  table.addEventListener('pointerdown', (e) => {
    const b = cellOf(e);
    if (!b) return;
    e.preventDefault();
    ui.painting = true;
    changed = paint(b) || changed;
  });
  table.addEventListener('pointerover', (e) => {
    const b = cellOf(e);
    if (b && ui.painting) changed = paint(b) || changed;
  });
  const finish = () => {
    if (!ui.painting) return;
    ui.painting = false;
    if (changed) gridEdited();
    changed = false;
  };
  window.addEventListener('pointerup', finish);
  window.addEventListener('pointercancel', finish);
  // One tab stop for the 288 cells (roving tabindex): the arrow keys, Home and End move within it.
  table.addEventListener('keydown', (e) => {
    const b = cellOf(e);
    const step = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] }[e.key];
    if (!b || (!step && e.key !== 'Home' && e.key !== 'End')) return;
    e.preventDefault();
    let m = Number(b.dataset.m);
    let h = Number(b.dataset.h);
    if (step) {
      m = (m + step[0] + 12) % 12;
      h = (h + step[1] + 24) % 24;
    } else h = e.key === 'Home' ? 0 : 23;
    const next = table.querySelector(`button[data-m="${m}"][data-h="${h}"]`);
    b.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  });
  // Keyboard (and clicks without a pointer stroke): Enter / Space paint one cell.
  table.addEventListener('click', (e) => {
    const b = cellOf(e);
    if (b && e.detail === 0 && paint(b)) gridEdited();
  });

  $('touChangePreset').addEventListener('change', updateTouChangeSource);
  $('touPreset').addEventListener('change', () => {
    const id = $('touPreset').value;
    if (id) applyTouPreset(id);
    updateTouSource();
    ui.onChange();
  });
  for (const p of PERIODS) {
    $(`tou${p[0].toUpperCase()}${p.slice(1)}`).addEventListener('input', () => {
      if (ui.touPreset) {
        ui.touPreset = '';
        $('touPreset').value = '';
        updateTouSource();
      }
    });
  }

  // Switching from an annual figure to monthly totals starts the months from it (by their days).
  $('loadKind').addEventListener('input', () => {
    const inputs = [...document.querySelectorAll('#load-months input')];
    const annual = Number(String($('loadAnnual').value).replace(/[\s,]/g, ''));
    if ($('loadKind').value === 'monthly' && annual > 0 && inputs.every((el) => el.value === '')) {
      const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      inputs.forEach((el, m) => (el.value = String(Math.round((annual * days[m]) / 365))));
    }
  });

  const file = $('load-file');
  file.addEventListener('change', () => {
    if (file.files?.[0]) readLoadFile(file.files[0]);
  });
  applyTouPreset(presets.defaultTimeOfUse);
}

function gridEdited() {
  ui.touPreset = '';
  $('touPreset').value = '';
  updateTouSource();
  ui.onChange();
}

function cellLabel(m, h) {
  return t('tou.cell', { m: t('months')[m], h: hourText(h), h2: hourText(h + 1), p: t(`period.${ui.grid[m][h]}`) });
}

function renderGrid() {
  const table = $('tou-grid');
  table.replaceChildren();
  const head = document.createElement('tr');
  const corner = document.createElement('th');
  corner.scope = 'col';
  head.append(corner);
  for (let h = 0; h < 24; h++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h % 3 === 0 ? String(h) : '';
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  for (let m = 0; m < 12; m++) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = t('months')[m];
    tr.append(th);
    for (let h = 0; h < 24; h++) {
      const td = document.createElement('td');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.m = String(m);
      b.dataset.h = String(h);
      b.dataset.testid = `tou-${m + 1}-${h}`;
      b.tabIndex = m === 0 && h === 0 ? 0 : -1;
      b.className = `p-${ui.grid[m][h]}`;
      b.setAttribute('aria-label', cellLabel(m, h));
      b.title = cellLabel(m, h);
      td.append(b);
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(thead, body);
}

/** Twelve labelled inputs `${prefix}1…12` in `box`, each the element `[m]` of `field`. */
function monthCells(box, prefix, testid, field, label) {
  for (let m = 0; m < 12; m++) {
    const input = document.createElement('input');
    input.id = `${prefix}${m + 1}`;
    input.inputMode = 'decimal';
    input.dataset.testid = `${testid}-${m + 1}`;
    input.dataset.field = `${field}[${m}]`;
    input.dataset.label = label;
    input.dataset.n = String(m + 1);
    const l = document.createElement('label');
    l.htmlFor = input.id;
    l.className = 'month-label';
    l.dataset.month = String(m);
    const cell = document.createElement('div');
    cell.className = 'month-cell';
    cell.append(l, input);
    box.append(cell);
  }
}

function applyTouPreset(id) {
  const p = ui.presets.timeOfUse.find((x) => x.id === id);
  if (!p) return;
  ui.touPreset = id;
  $('touPreset').value = id;
  const prices = p.timeOfUse.prices;
  for (const k of PERIODS) {
    const el = $(`tou${k[0].toUpperCase()}${k.slice(1)}`);
    el.value = prices[k] === undefined ? '' : String(prices[k]);
  }
  for (const row of p.timeOfUse.schedule) {
    for (const m of row.months) ui.grid[m - 1] = [...row.hours];
  }
  renderGrid();
  updateTouSource();
}

/** The texts that follow the language. */
export function translateMoneyUi(sourceDetails) {
  ui.sourceDetails = sourceDetails;
  const sel = $('touPreset');
  const value = ui.touPreset;
  sel.replaceChildren(
    ...ui.presets.timeOfUse.map((p) => {
      const mark = p.confirmed ? '' : ` · ${t('em.unconfirmed')}`;
      return new Option(`${presetName(p)}${mark}`, p.id);
    }),
    new Option(t('opt.touCustom'), ''),
  );
  sel.value = value;
  const change = $('touChangePreset');
  const changeValue = change.value;
  change.replaceChildren(
    new Option(t('opt.noTouChange'), ''),
    ...ui.presets.timeOfUse.map((p) => new Option(`${presetName(p)}${p.confirmed ? '' : ` · ${t('em.unconfirmed')}`}`, p.id)),
  );
  change.value = changeValue;
  for (const label of document.querySelectorAll('#tou-brush label')) label.textContent = t(`period.${label.dataset.period}`);
  for (const label of document.querySelectorAll('.months-grid .month-label')) {
    label.textContent = t('months')[Number(label.dataset.month)];
  }
  renderGrid();
  updateTouSource();
  updateTouChangeSource();
  renderLoadFile();
  updateProfileHint();
  const steps = ui.presets.omSchedules[0];
  $('om-steps-text').textContent = t('om.stepsText', {
    steps: steps.steps
      .map((s, i, all) => t('om.step', { from: s.fromYear, to: all[i + 1] ? all[i + 1].fromYear - 1 : '…', v: s.yuanPerKwpYear }))
      .join(lang() === 'zh-CN' ? '；' : '; '),
    name: presetName(steps),
  });
  $('om-steps-text').append(' ', sourceDetails(steps.source, steps.confirmed));
}

/** The validity and source of the time-of-use preset `id` in `box` (empty for none). */
function showTouSource(box, id) {
  box.replaceChildren();
  const p = ui.presets.timeOfUse.find((x) => x.id === id);
  if (!p || !ui.sourceDetails) return;
  const line = document.createElement('span');
  line.textContent = p.validUntil ? t('tou.validRange', { from: p.validFrom, to: p.validUntil }) : t('tou.validFrom', { from: p.validFrom });
  box.append(line, ui.sourceDetails(p.source, p.confirmed));
}

const updateTouSource = () => showTouSource($('tou-source'), ui.touPreset);
/** The tariff chosen for the later years. */
const updateTouChangeSource = () => showTouSource($('tou-change-source'), $('touChangePreset').value);

export function updateProfileHint() {
  $('profile-hint').textContent = t(`profileHint.${$('loadProfile').value}`);
}

// ---------------------------------------------------------------- load file

/** Text of a file: UTF-8 when it is valid UTF-8, else GB18030 (Chinese Excel exports). */
function decodeText(buf) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(buf);
    } catch {
      return new TextDecoder('latin1').decode(buf);
    }
  }
}

async function readLoadFile(file) {
  const token = {};
  ui.loadToken = token;
  const base = { name: file.name, size: file.size };
  let loaded;
  if (file.size > MAX_LOAD_BYTES) {
    loaded = { ...base, localError: { key: 'err.loadFileTooLarge', vars: { mb: (file.size / 2 ** 20).toFixed(1) } } };
  } else {
    try {
      loaded = { ...base, text: decodeText(await file.arrayBuffer()) };
    } catch (err) {
      loaded = { ...base, localError: { key: 'err.fileRead', vars: { msg: String(err?.message ?? err) } } };
    }
  }
  if (ui.loadToken !== token) return;
  ui.loadFile = loaded;
  $('load-file').value = '';
  renderLoadFile();
  ui.onChange();
}

function renderLoadFile() {
  const f = ui.loadFile;
  $('load-file-button').textContent = t(f ? 'file.replaceLoad' : 'file.chooseLoad');
  $('load-file-name').textContent = f ? `${f.name} · ${t('file.size', { kb: fmt(f.size / 1024) })}` : '';
}

/** The summary of the load the core read (from the report's assumptions). */
function renderLoadSummary(r) {
  const box = $('load-summary');
  const l = r?.assumptions.load;
  box.hidden = !(l && l.kind === 'intervalCsv');
  if (box.hidden) return;
  box.textContent = t('load.summary', {
    rows: fmt(l.rows),
    step: l.stepMinutes,
    unit: l.unit,
    kwh: fmt(l.annualKwh),
    peak: fmt(l.peakKw),
  });
}

// ---------------------------------------------------------------- scenario

/**
 * Adds the site, the load, the export limit, time-of-use prices, the export escalation and the
 * finance of the owner or the investor to the scenario `s` that app.js built. `num(el)` reads a
 * shown number field (reporting bad text in `local`).
 */
export function readMoney(s, num, local) {
  const put = (obj, key, value) => {
    if (value !== undefined) obj[key] = value;
    return obj;
  };
  const nonEmpty = (obj) => (Object.keys(obj).length ? obj : undefined);

  const lat = num('siteLat');
  const lon = num('siteLon');
  if (lat !== undefined || lon !== undefined) s.site = put(put({}, 'latitude', lat), 'longitude', lon);

  const loadKind = $('loadKind');
  if (isShown(loadKind) && loadKind.value !== 'none') {
    const load = { kind: loadKind.value };
    if (load.kind === 'typical') {
      load.profile = $('loadProfile').value;
      put(load, 'annualKwh', num('loadAnnual', true));
    } else if (load.kind === 'monthly') {
      load.profile = $('loadProfile').value;
      load.kwh = [...document.querySelectorAll('#load-months input')].map((el) => num(el, true));
    } else {
      const f = ui.loadFile;
      const input = $('load-file');
      if (!f) local.push({ el: input, key: 'err.noLoadFile' });
      else if (f.localError) local.push({ el: input, ...f.localError });
      else load.text = f.text;
      if ($('loadUnit').value) load.unit = $('loadUnit').value;
    }
    s.usage.load = load;
  }
  put(s.usage, 'exportLimitKw', num('exportLimit'));

  if (isShown($('tariffKind')) && $('tariffKind').value === 'timeOfUse') {
    s.tariff = s.tariff ?? {};
    delete s.tariff.gridPriceYuanKwh;
    const preset = ui.presets.timeOfUse.find((p) => p.id === ui.touPreset);
    const prices = {};
    for (const k of PERIODS) put(prices, k, num(`tou${k[0].toUpperCase()}${k.slice(1)}`));
    const same = preset && PERIODS.every((k) => prices[k] === preset.timeOfUse.prices[k]);
    if (same) s.tariff.timeOfUsePreset = preset.id;
    else s.tariff.timeOfUse = { prices, schedule: scheduleOfGrid() };
    const fromYear = num('touChangeYear');
    const later = $('touChangePreset').value;
    if (later && fromYear === undefined) local.push({ el: $('touChangeYear'), key: 'err.required' });
    else if (fromYear !== undefined && !later) local.push({ el: $('touChangePreset'), key: 'err.required' });
    else if (later) s.tariff.timeOfUseChanges = [{ fromYear, timeOfUsePreset: later }];
  } else if (isShown($('tariffKind')) && $('tariffKind').value === 'monthly') {
    s.tariff = s.tariff ?? {};
    delete s.tariff.gridPriceYuanKwh;
    s.tariff.gridPriceByMonthYuanKwh = [...document.querySelectorAll('#grid-months input')].map((el) => num(el, true));
  }
  if (s.tariff) put(s.tariff, 'exportEscalationPct', num('exportEscalation'));
  else {
    const x = num('exportEscalation');
    if (x !== undefined) s.tariff = { exportEscalationPct: x };
  }

  // The finance fields hold the owner's figures, or the EMC investor's.
  const kind = s.ownership.kind;
  const prefix = kind === 'owner' ? 'ownership.' : 'ownership.investor.';
  for (const el of document.querySelectorAll('[data-fin]')) el.dataset.field = prefix + el.dataset.fin;
  const fin = {};
  put(fin, 'capexYuanPerW', num('capex'));
  const omMode = $('omMode').value;
  if (omMode === 'perKwp') put(fin, 'omYuanPerKwpYear', num('om'));
  else if (omMode === 'pct') put(fin, 'omPctOfCapex', num('omPct'));
  else fin.omSteps = ui.presets.omSchedules[0].steps.map((x) => ({ ...x }));
  put(fin, 'discountRatePct', num('discountRate'));
  const inverter = nonEmpty(put(put({}, 'year', num('invYear')), 'costYuanPerW', num('invCost')));
  put(fin, 'inverterReplacement', inverter);
  const loan = nonEmpty(put(put(put({}, 'sharePct', num('loanShare')), 'ratePct', num('loanRate')), 'years', num('loanYears')));
  put(fin, 'loan', loan);
  const tax = {};
  put(tax, 'incomeTaxPct', num('taxRate'));
  put(tax, 'depreciationYears', num('depYears'));
  if ($('taxHoliday').checked) tax.taxHoliday = true;
  put(tax, 'vatPct', num('vatPct'));
  put(tax, 'cityMaintenanceTaxPct', num('cityTax'));
  put(tax, 'educationSurchargePct', num('eduSurcharge'));
  // VAT needs the income tax rate (the tax block is one rule set in the core).
  if (Object.keys(tax).length && tax.incomeTaxPct === undefined) local.push({ el: $('taxRate'), key: 'err.required' });
  put(fin, 'tax', nonEmpty(tax));
  if (kind === 'owner') Object.assign(s.ownership, fin);
  else put(s.ownership, 'investor', nonEmpty(fin));
}

/** The grid as schedule rows: months with the same 24 periods share a row. */
function scheduleOfGrid() {
  const rows = [];
  for (let m = 0; m < 12; m++) {
    const key = ui.grid[m].join();
    const row = rows.find((r) => r.key === key);
    if (row) row.months.push(m + 1);
    else rows.push({ key, months: [m + 1], hours: [...ui.grid[m]] });
  }
  return rows.map(({ months, hours }) => ({ months, hours }));
}

// ---------------------------------------------------------------- form

/** Empties the money fields (the page's own clear covers plain inputs). */
export function clearMoney() {
  $('loadKind').value = 'none';
  $('loadProfile').value = 'factoryTwoShift';
  $('loadUnit').value = '';
  $('tariffKind').value = 'flat';
  $('omMode').value = 'perKwp';
  $('taxHoliday').checked = false;
  $('touChangePreset').value = '';
  updateTouChangeSource();
  $('finance-more').open = false;
  ui.loadFile = null;
  ui.loadToken = null;
  applyTouPreset(ui.presets.defaultTimeOfUse);
  renderLoadFile();
  updateProfileHint();
}

function setField(id, v) {
  if (v !== undefined && v !== null) $(id).value = String(v);
}

/** Fills the money fields from a scenario (as the presets give it). */
export function fillMoney(s) {
  setField('siteLat', s.site?.latitude);
  setField('siteLon', s.site?.longitude);
  const load = s.usage?.load;
  if (load) {
    $('loadKind').value = load.kind;
    if (load.profile) $('loadProfile').value = load.profile;
    setField('loadAnnual', load.annualKwh);
    load.kwh?.forEach((v, m) => setField(`loadM${m + 1}`, v));
    if (load.text) ui.loadFile = { name: 'load.csv', size: load.text.length, text: load.text };
    if (load.unit) $('loadUnit').value = load.unit;
  }
  setField('exportLimit', s.usage?.exportLimitKw);
  const tr = s.tariff ?? {};
  if (tr.timeOfUsePreset) {
    $('tariffKind').value = 'timeOfUse';
    applyTouPreset(tr.timeOfUsePreset);
  } else if (tr.timeOfUse) {
    $('tariffKind').value = 'timeOfUse';
    ui.touPreset = '';
    $('touPreset').value = '';
    for (const k of PERIODS) setField(`tou${k[0].toUpperCase()}${k.slice(1)}`, tr.timeOfUse.prices[k]);
    for (const row of tr.timeOfUse.schedule) for (const m of row.months) ui.grid[m - 1] = [...row.hours];
    renderGrid();
  } else if (tr.gridPriceByMonthYuanKwh) {
    $('tariffKind').value = 'monthly';
    tr.gridPriceByMonthYuanKwh.forEach((v, m) => setField(`gridM${m + 1}`, v));
  }
  const change = tr.timeOfUseChanges?.[0];
  setField('touChangeYear', change?.fromYear);
  $('touChangePreset').value = change?.timeOfUsePreset ?? '';
  updateTouChangeSource();
  setField('exportEscalation', tr.exportEscalationPct);
  const o = s.ownership ?? { kind: 'owner' };
  const fin = o.kind === 'owner' ? o : (o.investor ?? {});
  setField('capex', fin.capexYuanPerW);
  setField('discountRate', fin.discountRatePct);
  if (fin.omSteps) $('omMode').value = 'steps';
  else if (fin.omPctOfCapex !== undefined) {
    $('omMode').value = 'pct';
    setField('omPct', fin.omPctOfCapex);
  } else setField('om', fin.omYuanPerKwpYear);
  setField('invYear', fin.inverterReplacement?.year);
  setField('invCost', fin.inverterReplacement?.costYuanPerW);
  setField('loanShare', fin.loan?.sharePct);
  setField('loanRate', fin.loan?.ratePct);
  setField('loanYears', fin.loan?.years);
  setField('taxRate', fin.tax?.incomeTaxPct);
  setField('depYears', fin.tax?.depreciationYears);
  setField('vatPct', fin.tax?.vatPct);
  setField('cityTax', fin.tax?.cityMaintenanceTaxPct);
  setField('eduSurcharge', fin.tax?.educationSurchargePct);
  $('taxHoliday').checked = Boolean(fin.tax?.taxHoliday);
  $('finance-more').open = Boolean(fin.inverterReplacement || fin.loan || fin.tax);
  renderLoadFile();
  updateProfileHint();
}

// ---------------------------------------------------------------- results

function setNum(id, text, raw) {
  const el = $(id);
  el.textContent = text;
  if (raw === undefined || raw === null) el.removeAttribute('data-value');
  else el.dataset.value = String(raw);
}

/** Everything the money adds to the results. `yuanSub` formats yuan in words. */
export function renderMoneyResults(r, { yuanSub }) {
  renderLoadSummary(r);
  renderUsageFacts(r);
  renderDay(r);
  renderPeriods(r);
  const emc = r.assumptions.ownership === 'thirdParty';
  for (const el of document.querySelectorAll('[data-emc-only]')) el.hidden = !emc;
  const inv = r.money.investor;
  if (emc && inv) {
    if (inv.irrPct !== undefined) {
      setNum('investor-irr', fmt(inv.irrPct, 1), inv.irrPct);
      $('investor-irr-unit').hidden = false;
    } else {
      setNum('investor-irr', '—', null);
      $('investor-irr-unit').hidden = true;
    }
    $('investor-irr-sub').textContent = inv.projectIrrPct !== undefined && inv.projectIrrPct !== inv.irrPct
      ? t('kpi.projectIrr', { v: fmt(inv.projectIrrPct, 1) })
      : t('kpi.invIrrSub');
    setNum('investor-npv', fmt(inv.npvYuan), inv.npvYuan);
    $('investor-npv').classList.toggle('negative', inv.npvYuan < 0);
    $('investor-npv-sub').textContent = `${yuanSub(inv.npvYuan)} · ${t('kpi.npvSub', { r: fmtMax(r.assumptions.discountRatePct) })}`;
    if (inv.paybackYears !== undefined) {
      setNum('investor-payback', fmt(inv.paybackYears, 1), inv.paybackYears);
      $('investor-payback-unit').hidden = false;
      $('investor-payback-sub').textContent = inv.discountedPaybackYears !== undefined
        ? t('kpi.discPayback', { y: fmt(inv.discountedPaybackYears, 1) })
        : t('kpi.discPaybackNever');
    } else {
      setNum('investor-payback', '—', null);
      $('investor-payback-unit').hidden = true;
      $('investor-payback-sub').textContent = t('kpi.paybackNever');
    }
    setNum('investor-revenue', fmt(inv.firstYearRevenueYuan), inv.firstYearRevenueYuan);
    $('investor-revenue-sub').textContent = t('kpi.invRevenueSub', { inv: yuanSub(inv.investmentYuan) });
  }
  renderCashTable(r);
}

function renderUsageFacts(r) {
  const u = r.usage;
  const items = [['usage.sharePct', `${fmt(u.selfUseSharePct, 1)} %`, 'usage-share-pct', u.selfUseSharePct]];
  if (u.loadKwh !== undefined) {
    items.push(
      ['usage.sufficiency', `${fmt(u.selfSufficiencyPct, 1)} %`, 'usage-sufficiency', u.selfSufficiencyPct],
      ['usage.load', `${fmt(u.loadKwh)} kWh`, 'usage-load', u.loadKwh],
      ['usage.import', `${fmt(u.gridImportKwh)} kWh`, 'usage-import', u.gridImportKwh],
    );
  }
  // Without a load the self-use is a flat share of each hour: not an hourly match.
  const method = u.loadKwh === undefined ? 'share' : u.method;
  items.push(['usage.method', t(`usage.method.${method}`), 'usage-method', method]);
  const dl = $('usage-facts');
  dl.replaceChildren();
  for (const [key, value, testid, raw] of items) {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.testid = testid;
    dd.dataset.value = String(raw);
    div.append(dt, dd);
    dl.append(div);
  }
}

function renderDay(r) {
  const hours = r.usage.byHourOfDay;
  $('day-block').hidden = hours.length === 0;
  if (!hours.length) return;
  const box = $('day-chart');
  const days = 365;
  const pv = hours.map((p) => p.generationKwh / days);
  const load = r.usage.loadKwh !== undefined ? hours.map((p) => p.loadKwh / days) : undefined;
  box.replaceChildren(
    barChart({
      values: pv,
      line: load,
      width: box.clientWidth || 640,
      labels: hours.map((p) => String(p.index)),
      minLabelGap: 22,
      tick: compact,
      title: (i) => t('day.cell', {
        h: hourText(i),
        pv: fmt(pv[i], 1),
        load: load ? fmt(load[i], 1) : '—',
        used: fmt(hours[i].selfUsedKwh / days, 1),
      }),
      ariaLabel: t('day.title'),
    }),
  );
  const legend = $('day-legend');
  legend.replaceChildren();
  for (const [cls, key] of [['pos', 'day.pv'], ...(load ? [['line', 'day.load']] : [])]) {
    const s = document.createElement('span');
    s.innerHTML = `<i class="lg lg-${cls}"></i>`;
    s.append(t(key));
    legend.append(s);
  }
}

function renderPeriods(r) {
  const rows = r.money.byPeriod ?? [];
  $('period-block').hidden = rows.length === 0;
  if (!rows.length) return;
  const body = $('period-body');
  body.replaceChildren();
  for (const p of rows) {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    const sw = document.createElement('span');
    sw.className = `swatch p-${p.period}`;
    th.append(sw, t(`period.${p.period}`));
    tr.append(th);
    for (const [v, d, id] of [[p.priceYuanKwh, 3], [p.selfUsedKwh, 0, 'kwh'], [p.selfUseValueYuan, 0, 'value']]) {
      const td = document.createElement('td');
      td.className = 'num-col';
      td.textContent = fmt(v, d);
      if (id) {
        td.dataset.testid = `period-${p.period}-${id}`;
        td.dataset.value = String(v);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  const price = r.money.selfUsePriceYuanKwh;
  $('period-note').textContent = price !== undefined ? t('period.note', { p: fmt(price, 3), mean: fmt(r.assumptions.gridPriceYuanKwh, 3) }) : '';
}

/** The party whose cash flow the table and the chart show. */
export function cashParty(r) {
  return r.assumptions.ownership === 'thirdParty' && $('cashParty').value === 'investor' ? 'investor' : 'main';
}

/** The rows of the cash flow shown. */
/** The uploaded load file's name and size (for a link, which describes it rather than carry it), or null. */
export function loadFileInfo() {
  const f = ui.loadFile;
  return f && !f.localError ? { name: f.name, size: f.size } : null;
}

export function cashRows(r) {
  return cashParty(r) === 'investor' ? r.money.investor.byYear : r.money.byYear;
}

/** The cash-flow table's columns: [i18n key of the header, the value of a year's row]. */
export function cashColumns(r) {
  const host = r.assumptions.ownership === 'thirdParty' && cashParty(r) === 'main';
  return host
    ? [
        ['cash.year', (y) => y.year],
        ['cash.gen', (y) => y.generationKwh],
        ['cash.selfUsed', (y) => y.selfUsedKwh],
        ['cash.discount', (y) => y.selfUseYuan],
        ['cash.rent', (y) => y.roofRentYuan],
        ['cash.sav', (y) => y.savingsYuan],
        ['cash.cumCol', (y) => y.cumulativeYuan],
      ]
    : [
        ['cash.year', (y) => y.year],
        ['cash.gen', (y) => y.generationKwh],
        ['cash.selfUsed', (y) => y.selfUsedKwh],
        ['cash.exported', (y) => y.exportedKwh],
        ['cash.curtailed', (y) => y.curtailedKwh],
        [r.assumptions.ownership === 'owner' ? 'cash.sav' : 'cash.revenue', (y) => y.savingsYuan],
        ['cash.invest', (y) => y.investmentYuan],
        ['cash.om', (y) => y.omYuan],
        ['cash.inverter', (y) => y.inverterYuan],
        ...(r.assumptions.ownership === 'thirdParty' ? [['cash.rentPaid', (y) => y.roofRentYuan]] : []),
        ['cash.loan', (y) => y.loanInterestYuan + y.loanPrincipalYuan],
        ['cash.tax', (y) => y.taxYuan],
        ...(r.assumptions.tax?.vatPct !== undefined ? [['cash.vat', (y) => y.vatYuan + y.vatSurchargesYuan]] : []),
        ['cash.netCol', (y) => y.netCashFlowYuan],
        ['cash.cumCol', (y) => y.cumulativeYuan],
      ];
}

function renderCashTable(r) {
  const host = r.assumptions.ownership === 'thirdParty' && cashParty(r) === 'main';
  const rows = cashRows(r);
  const cols = cashColumns(r);
  const head = $('cash-head-row');
  head.replaceChildren();
  cols.forEach(([key], i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    if (i > 0) th.className = 'num-col';
    th.textContent = t(key);
    head.append(th);
  });
  const body = $('cash-body');
  body.replaceChildren();
  for (const y of rows) {
    const tr = document.createElement('tr');
    cols.forEach(([key, get], i) => {
      const v = get(y);
      const td = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) td.scope = 'row';
      else td.className = 'num-col';
      td.textContent = i === 0 ? String(v) : v === 0 && y.year === 0 ? '' : fmt(v);
      if (i > 0) td.dataset.value = String(v);
      if (key === 'cash.netCol' || key === 'cash.cumCol') {
        td.dataset.testid = `cash-${key === 'cash.netCol' ? 'net' : 'cum'}-${y.year}`;
        if (v < 0) td.classList.add('negative');
      }
      tr.append(td);
    });
    body.append(tr);
  }
  $('cash-note').textContent = t(host ? 'cash.noteHost' : r.assumptions.ownership === 'owner' ? 'cash.noteOwner' : 'cash.noteInvestor');
}

/** Assumption lines of the money: [key, value, defaultKey?, class?]. */
export function moneyAssumptions(r) {
  const a = r.assumptions;
  const sep = lang() === 'zh-CN' ? '；' : '; ';
  const items = [];
  if (a.load) {
    const what = a.load.kind === 'intervalCsv'
      ? t('as.loadCsv', { rows: fmt(a.load.rows), step: a.load.stepMinutes })
      : t(`opt.${a.load.profile}`);
    items.push(['as.load', `${what} · ${fmt(a.load.annualKwh)} kWh`, undefined, 'wide']);
  }
  if (a.exportLimitKw !== undefined) items.push(['as.exportLimit', `${fmtMax(a.exportLimitKw)} kW`]);
  if (a.hoursFrom) {
    const where = a.hoursFrom === 'clearSkyShape'
      ? t('as.hoursShape', { lat: fmt(a.shapeLatitudeDeg, 2), lon: fmt(a.shapeLongitudeDeg, 2) })
      : t(`as.hours.${a.hoursFrom}`);
    items.push(['as.hoursFrom', where, undefined, 'wide']);
  }
  if (a.tariffKind === 'timeOfUse') {
    const p = ui.presets.timeOfUse.find((x) => x.id === a.timeOfUsePreset);
    const prices = PERIODS.filter((k) => a.timeOfUse.prices[k] !== undefined)
      .map((k) => `${t(`period.${k}`)} ${fmtMax(a.timeOfUse.prices[k])}`)
      .join(sep);
    items.push(['as.tou', `${p ? presetName(p) : t('opt.touCustom')}${sep}${prices} ${t('unit.yuanKwh')}`, undefined, 'wide']);
    for (const c of a.timeOfUseChanges ?? []) {
      const same = ui.presets.timeOfUse.find((x) => JSON.stringify(x.timeOfUse) === JSON.stringify(c.timeOfUse));
      items.push(['as.touChange', t('as.touChangeValue', { y: c.fromYear, name: same ? presetName(same) : t('opt.touCustom') }), undefined, 'wide']);
    }
  }
  if (a.gridPriceByMonthYuanKwh) {
    const months = t('months');
    items.push(['as.gridMonths', a.gridPriceByMonthYuanKwh.map((v, m) => `${months[m]} ${fmtMax(v)}`).join(sep), undefined, 'wide']);
  }
  items.push(['as.exportEscalation', `${fmtMax(a.exportEscalationPct)} ${t('u.escalation')}`, 'exportEscalationPct']);
  if (a.omSteps) items.push(['as.omSteps', a.omSteps.map((s) => `${s.fromYear}: ${fmtMax(s.yuanPerKwpYear)}`).join(sep), undefined, 'wide']);
  if (a.omPctOfCapex !== undefined) items.push(['as.omPct', `${fmtMax(a.omPctOfCapex)} ${t('u.omPct')}`]);
  if (a.inverterReplacement) {
    items.push(['as.inverter', t('as.inverterValue', { y: a.inverterReplacement.year, c: fmtMax(a.inverterReplacement.costYuanPerW) })]);
  }
  if (a.loan) items.push(['as.loan', t('as.loanValue', { s: fmtMax(a.loan.sharePct), r: fmtMax(a.loan.ratePct), y: a.loan.years })]);
  if (a.tax) {
    items.push(['as.tax', t(a.tax.taxHoliday ? 'as.taxValueHoliday' : 'as.taxValue', {
      r: fmtMax(a.tax.incomeTaxPct), d: a.tax.depreciationYears, res: fmtMax(a.tax.residualValuePct),
    }), undefined, 'wide']);
    if (a.tax.vatPct !== undefined) {
      items.push(['as.vat', t('as.vatValue', {
        v: fmtMax(a.tax.vatPct), c: fmtMax(a.tax.cityMaintenanceTaxPct), e: fmtMax(a.tax.educationSurchargePct),
      }), undefined, 'wide']);
    }
  }
  return items;
}
