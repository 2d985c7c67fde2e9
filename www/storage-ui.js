// The battery on the page (issue 13): its fields (`storage`, `tariff.demandChargeYuanPerKwMonth`),
// the report's storage card — year-1 savings by source, cycles, throughput, losses, state of health,
// the returns of PV alone / battery alone / battery added to the PV / both, the dispatch of a
// month's average day, a chosen day of year 1 hour by hour (`storage.dayOfYear` → `storage.chosenDay`) — and the sizing sweep (sweepStorage in the worker) drawn as a chart.

import { t, lang } from './i18n.js';
import { barChart } from './charts.js';
import { fmt, fmtMax } from './format.js';

const $ = (id) => document.getElementById(id);
/** Powers of the sweep as multiples of the battery's power, and its durations [h]. */
const SWEEP_POWER_FACTORS = [0.25, 0.5, 1, 2];
const SWEEP_DURATIONS_H = [1, 2, 3, 4];
const FIELDS = [
  ['storageKwh', 'energyKwh', true],
  ['storageKw', 'powerKw', true],
  ['storageCapexKwh', 'capexYuanPerKwh', false],
  ['storageCapexKw', 'capexYuanPerKw', false],
];

/** The chosen day's date input spans one non-leap year (year 1 is a typical year: its number is not
 * used); day of year 1–365 ↔ `${DATE_YEAR}-MM-DD`. */
const DATE_YEAR = 2025;
const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const ui = { presets: null, sweep: null, report: null, chartWidth: () => 640, swept: null };

/** Day of year (1–365) of the date input's value, or undefined when empty. */
function dayOfYear(value) {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(value);
  return m ? MONTH_START_DAY[Number(m[1]) - 1] + Number(m[2]) : undefined;
}

/** The date input's value of day of year `n`. */
function dateOf(n) {
  const m = MONTH_START_DAY.findLastIndex((d) => d < n);
  const pad = (v) => String(v).padStart(2, '0');
  return `${DATE_YEAR}-${pad(m + 1)}-${pad(n - MONTH_START_DAY[m])}`;
}

/** Day of year `n` as text in the page's language ("2月10日（第 41 天）", "10 Feb (day 41)"). */
function dayText(n) {
  const m = MONTH_START_DAY.findLastIndex((d) => d < n);
  return t('st.dateOf', { m: t('months')[m], d: n - MONTH_START_DAY[m], n });
}

/** Wires the month list, the chosen day's date (`onChange` recalculates) and the sweep button;
 * `sweep(grid)` asks the worker for the points. */
export function setupStorageUi({ presets, sweep, chartWidth, onChange }) {
  ui.presets = presets;
  ui.sweep = sweep;
  ui.chartWidth = chartWidth;
  $('storageMonth').addEventListener('change', () => ui.report && renderDay(ui.report.storage));
  $('storageDate').addEventListener('change', () => {
    showDate();
    onChange();
  });
  $('storage-sweep-run').addEventListener('click', runSweep);
}

/** The chosen date in words beside the input. */
function showDate() {
  const n = dayOfYear($('storageDate').value);
  $('storage-date-label').textContent = n ? dayText(n) : '';
}

/** Texts that follow the language. */
export function translateStorageUi() {
  const d = ui.presets.defaults.storage;
  $('storage-defaults').textContent = t('st.defaults', {
    eta: fmtMax(d.roundTripEfficiencyPct), smin: fmtMax(d.socMinPct), smax: fmtMax(d.socMaxPct),
    ckwh: fmtMax(d.capexYuanPerKwh), ckw: fmtMax(d.capexYuanPerKw), om: fmtMax(d.omPctOfCapex),
    cal: fmtMax(d.calendarFadePctPerYear), cyc: fmtMax(d.cycleFadePctPerCycle), eol: fmtMax(d.endOfLifePct),
    rep: fmtMax(d.replacementCostYuanPerKwh),
  });
  $('storageCapexKwh').placeholder = t('form.placeholderDefault', { v: fmtMax(d.capexYuanPerKwh) });
  $('storageCapexKw').placeholder = t('form.placeholderDefault', { v: fmtMax(d.capexYuanPerKw) });
  const sel = $('storageMonth');
  const m = sel.value || '7';
  sel.replaceChildren(...t('months').map((name, i) => new Option(name, String(i + 1))));
  sel.value = m;
  $('storage-chosen-hint').textContent = t('st.chosenHint');
  showDate();
  if (ui.report) renderStorage(ui.report);
  if (ui.swept) renderSweep(ui.swept);
}

/** Adds `storage` and the demand charge to the scenario `s` from the fields (`num` reads one). */
export function readStorage(s, num, local) {
  const dc = num('demandCharge');
  if (dc !== undefined) s.tariff = { ...(s.tariff ?? {}), demandChargeYuanPerKwMonth: dc };
  const dispatch = $('storageDispatch').value;
  if (!dispatch) return;
  const b = { dispatch };
  for (const [id, key, required] of FIELDS) {
    const v = num(id, required);
    if (v !== undefined) b[key] = v;
  }
  const day = dayOfYear($('storageDate').value);
  if (day !== undefined) b.dayOfYear = day;
  // A missing or bad number is already among the form's errors (`local`).
  if (!local.length) s.storage = b;
}

/** Back to no battery and no demand charge. */
export function clearStorage() {
  $('storageDispatch').value = '';
  for (const id of ['demandCharge', 'storageDate', ...FIELDS.map((f) => f[0])]) $(id).value = '';
  showDate();
  clearSweep();
}

/** Fills the fields from a scenario. */
export function fillStorage(s) {
  clearStorage();
  $('demandCharge').value = s.tariff?.demandChargeYuanPerKwMonth ?? '';
  if (!s.storage) return;
  $('storageDispatch').value = s.storage.dispatch ?? ui.presets.defaults.storage.dispatch;
  for (const [id, key] of FIELDS) $(id).value = s.storage[key] ?? '';
  if (s.storage.dayOfYear) $('storageDate').value = dateOf(s.storage.dayOfYear);
  showDate();
}

function clearSweep() {
  ui.swept = null;
  $('storage-sweep-status').textContent = '';
  delete $('storage-sweep-status').dataset.ms;
  $('storage-sweep-chart').replaceChildren();
  $('storage-sweep-head').replaceChildren();
  $('storage-sweep-body').replaceChildren();
}

const yuan = (v) => `${fmt(v)} ${t('unit.yuan')}`;
const pct = (v) => (v === undefined ? t('st.none') : `${fmt(v, 1)}%`);
const years = (v) => (v === undefined ? t('st.none') : `${fmt(v, 1)} ${t('u.yearsShort')}`);

function row(cells, head = false) {
  const tr = document.createElement('tr');
  cells.forEach((c, i) => {
    const cell = document.createElement(i === 0 || head ? 'th' : 'td');
    if (i === 0 && !head) cell.scope = 'row';
    cell.textContent = c;
    tr.append(cell);
  });
  return tr;
}

/** The header row `id` of a table: the texts of the keys `keys`. */
function head(id, keys) {
  $(id).replaceChildren(
    ...keys.map((k) => {
      const th = document.createElement('th');
      th.textContent = t(k);
      return th;
    }),
  );
}

/** The storage card of report `r` (hidden without a battery). */
export function renderStorage(r) {
  if (r !== ui.report) clearSweep(); // the sweep was of the previous inputs
  ui.report = r;
  const st = r.storage;
  $('storage-card').hidden = !st;
  if (!st) return;
  const y = st.firstYear;
  const lowest = Math.min(...st.byYear.map((x) => x.stateOfHealthPct));
  const replaced = st.byYear.filter((x) => x.replaced).map((x) => x.year);
  const lines = [
    ['st.selfConsumption', yuan(y.selfConsumptionYuan), 'selfConsumption'],
    ['st.arbitrage', yuan(y.arbitrageYuan), 'arbitrage'],
    ['st.demand', yuan(y.demandChargeYuan), 'demand'],
    ['st.savings', yuan(y.savingsYuan), 'savings'],
    ['st.cycles', fmt(y.cycles, 1), 'cycles'],
    ['st.throughput', `${fmt(y.dischargeKwh)} kWh`, 'throughput'],
    ['st.losses', `${fmt(y.lossesKwh)} kWh`, 'losses'],
  ];
  $('storage-lines-body').replaceChildren(
    row(['', t('st.firstYear')], true),
    ...lines.map(([k, v, id]) => {
      const tr = row([t(k), v]);
      tr.dataset.line = id;
      return tr;
    }),
    row([t('st.health'), `${fmt(lowest, 1)}%`]),
    row([t('st.replaced'), replaced.length ? t('st.replacedIn', { y: replaced.join(t('st.listSep')) }) : t('st.none')]),
  );
  head('storage-returns-head', ['st.case', 'st.invest', 'st.npv', 'st.irr', 'st.payback']);
  $('storage-returns-body').replaceChildren(
    ...[['st.pvAlone', st.pvAlone, 'pvAlone'], ['st.storageAlone', st.storageAlone, 'storageAlone'],
      ['st.storageWithPv', st.storageWithPv, 'storageWithPv'], ['st.both', st.both, 'both']].map(([k, x, id]) => {
      const tr = row([t(k), yuan(x.investmentYuan), yuan(x.npvYuan), pct(x.irrPct), years(x.paybackYears)]);
      tr.dataset.case = id;
      if (x.irrPct !== undefined) tr.dataset.irr = String(x.irrPct);
      return tr;
    }),
  );
  renderDay(st);
  renderChosen(st.chosenDay);
}

/** The chosen month's average day: battery power (discharge +, charge −) and state of charge. */
function renderDay(st) {
  const m = Number($('storageMonth').value || 7);
  const d = st.averageDay.find((x) => x.month === m) ?? st.averageDay[0];
  const net = d.dischargeKw.map((v, h) => v - d.chargeKw[h]);
  $('storage-day-chart').replaceChildren(
    barChart({
      values: net,
      labels: net.map((_, h) => String(h)),
      tick: (v) => fmt(v),
      title: (h) => t('st.dayBar', { h, kw: fmt(net[h]), soc: fmt(d.socPct[h]) }),
      ariaLabel: t('st.day'),
      width: ui.chartWidth(),
      line2: { values: d.socPct, tick: (v) => `${fmt(v)}%`, max: 100 },
    }),
  );
}

/** The chosen day of year 1 (`chosenDay`, absent when no date is picked): battery power as bars
 * (discharge +, charge −), PV, load and grid (draw +, export −) as lines on the same kW scale, the
 * state of charge on the right axis, and the 24 hours as a table. */
function renderChosen(d) {
  $('storage-chosen-chart').hidden = !d;
  $('storage-chosen-legend').hidden = !d;
  $('storage-chosen-details').hidden = !d;
  if (!d) {
    for (const id of ['storage-chosen-chart', 'storage-chosen-legend', 'storage-chosen-head', 'storage-chosen-body']) {
      $(id).replaceChildren();
    }
    return;
  }
  const net = d.dischargeKw.map((v, h) => v - d.chargeKw[h]);
  const chart = barChart({
    values: net,
    labels: net.map((_, h) => String(h)),
    tick: (v) => fmt(v),
    title: (h) => t('st.chosenBar', {
      h, pv: fmt(d.pvKw[h]), load: fmt(d.loadKw[h]), grid: fmt(d.gridKw[h]), kw: fmt(net[h]), soc: fmt(d.socPct[h]),
    }),
    ariaLabel: `${t('st.chosen')}: ${dayText(d.dayOfYear)}`,
    width: ui.chartWidth(),
    lines: [{ values: d.pvKw, cls: 'ln-pv' }, { values: d.loadKw, cls: 'ln-load' }, { values: d.gridKw, cls: 'ln-grid' }],
    line2: { values: d.socPct, tick: (v) => `${fmt(v)}%`, max: 100 },
  });
  chart.dataset.day = String(d.dayOfYear);
  $('storage-chosen-chart').replaceChildren(chart);
  $('storage-chosen-legend').replaceChildren(
    ...[['pos', 'st.lgDischarge'], ['neg', 'st.lgCharge'], ['pv', 'st.lgPv'], ['load', 'st.lgLoad'], ['grid', 'st.lgGrid'],
      ['poa', 'st.lgSoc']].map(([cls, key]) => {
      const span = document.createElement('span');
      const mark = document.createElement('i');
      mark.className = `lg lg-${cls}`;
      span.append(mark, t(key));
      return span;
    }),
  );
  head('storage-chosen-head', ['st.hour', 'st.pvKw', 'st.loadKw', 'st.gridKw', 'st.chargeKw', 'st.dischargeKw', 'st.socPct']);
  const cols = [d.pvKw, d.loadKw, d.gridKw, d.chargeKw, d.dischargeKw, d.socPct];
  $('storage-chosen-body').replaceChildren(
    ...net.map((_, h) => {
      const tr = row([`${h}:00`, ...cols.map((c, i) => fmt(c[h], i === 5 ? 1 : 0))]);
      tr.dataset.values = JSON.stringify(cols.map((c) => c[h]));
      return tr;
    }),
  );
}

/** Runs the sweep around the battery of the last report and draws it. */
async function runSweep() {
  const asked = ui.report;
  const st = asked?.storage;
  if (!st) return;
  const grid = { powersKw: SWEEP_POWER_FACTORS.map((f) => f * st.powerKw), durationsH: SWEEP_DURATIONS_H };
  const n = grid.powersKw.length * grid.durationsH.length;
  clearSweep();
  $('storage-sweep-status').textContent = t('st.sweepBusy', { n });
  const t0 = performance.now();
  let points;
  try {
    points = await ui.sweep(grid);
  } catch (err) {
    const zh = lang() === 'zh-CN' && err?.messageZh;
    $('storage-sweep-status').textContent = zh || String(err?.message ?? err);
    return;
  }
  if (ui.report !== asked) return; // the inputs changed meanwhile: their report has no sweep yet
  renderSweep({ points, ms: performance.now() - t0 });
}

/** The sweep's chart (NPV bars) and table. */
function renderSweep(swept) {
  ui.swept = swept;
  const { points, ms } = swept;
  $('storage-sweep-status').textContent = t('st.sweepDone', { n: points.length, ms: fmt(ms) });
  $('storage-sweep-status').dataset.ms = String(ms);
  const wan = points.map((p) => p.returns.npvYuan / 1e4);
  $('storage-sweep-chart').replaceChildren(
    barChart({
      values: wan,
      labels: points.map((p) => `${fmtMax(p.powerKw)}·${fmtMax(p.durationH)}`),
      tick: (v) => fmt(v),
      title: (i) => t('st.sweepBar', {
        p: fmtMax(points[i].powerKw), h: fmtMax(points[i].durationH), npv: fmt(wan[i]), irr: pct(points[i].returns.irrPct),
      }),
      ariaLabel: t('st.sweep'),
      width: ui.chartWidth(),
      minLabelGap: 44,
    }),
  );
  head('storage-sweep-head', ['st.power', 'st.hours', 'st.npvWan', 'st.irr', 'st.payback']);
  $('storage-sweep-body').replaceChildren(
    ...points.map((p, i) => {
      const tr = row([`${fmtMax(p.powerKw)} kW`, t('st.hoursN', { h: fmtMax(p.durationH) }), fmt(wan[i], 1),
        pct(p.returns.irrPct), years(p.returns.paybackYears)]);
      tr.dataset.npv = String(p.returns.npvYuan);
      return tr;
    }),
  );
}
