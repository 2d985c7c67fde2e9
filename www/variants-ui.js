// Variants side by side (方案对比, issue 14): two to four variants of the scenario on the form, each
// changing the usage mode, the ownership (owner or EMC with its discount), the tilt, the discount
// rate or the battery (none, or a dispatch mode with its energy and power), calculated together in a
// worker (portfolio-worker.js) and shown in one table and one chart (generation, self-use, first-year
// savings, NPV, IRR, payback, CO₂; with a battery also its year-1 savings by source and the IRRs of
// the battery added to the PV and of both), exportable as CSV.

import { $, state } from './state.js';
import { lang, t } from './i18n.js';
import { barChart, } from './charts.js';
import { compact, fmt } from './format.js';
import { csv, download } from './share.js';

const MAX_VARIANTS = 4;
const NAMES = ['A', 'B', 'C', 'D'];

const TEXT = {
  'zh-CN': {
    title: '方案对比', intro: '在当前输入的基础上设置 2–4 个方案（消纳模式、投资模式、倾角、折现率、储能），一起测算并对比。',
    add: '增加方案', remove: '删除', compare: '计算对比', export: '下载对比 CSV', asIs: '同当前输入', variant: '方案',
    mode: '消纳模式', ownership: '投资模式', discountPct: '电价折扣(%)', tilt: '倾角(°)', rate: '折现率(%)',
    storage: '储能', storageKwh: '电池容量 kWh', storageKw: '充放电功率 kW',
    noScenario: '请先在上方完成输入并得到结果。', computing: '正在计算…', chart: '首年收益（元）对比',
    chartBoth: '首年收益（元，光伏 + 储能；柱）与光伏 + 储能的 IRR（%，线）对比',
    modes: { '': '同当前输入', fullExport: '全额上网', selfUseSurplus: '自发自用、余电上网', fullSelfUse: '全部自发自用' },
    kinds: { '': '同当前输入', owner: '业主自投', thirdParty: '合同能源管理' },
    rows: { annualKwh: '首年发电量 kWh', selfUsedKwh: '自用电量 kWh', firstYearSavingsYuan: '首年收益 元',
      npvYuan: '净现值 元', irrPct: '内部收益率 %', paybackYears: '回收期 年', co2T: '减排 CO₂ t/年',
      stSelfConsumptionYuan: '储能首年：自用节省 元', stArbitrageYuan: '储能首年：峰谷套利 元',
      stDemandChargeYuan: '储能首年：需量电费节省 元', stSavingsYuan: '储能首年节省合计 元',
      siteSavingsYuan: '首年收益（光伏 + 储能）元', stIrrPct: '储能（加在光伏上）IRR %', bothIrrPct: '光伏 + 储能 IRR %',
      bothNpvYuan: '光伏 + 储能 净现值 元' },
  },
  en: {
    title: 'Variants side by side', intro: 'Two to four variants of the inputs above (usage mode, ownership, tilt, discount rate, battery), calculated together and compared.',
    add: 'Add variant', remove: 'Remove', compare: 'Compare', export: 'Download comparison CSV', asIs: 'as above', variant: 'Variant',
    mode: 'Usage mode', ownership: 'Ownership', discountPct: 'EMC discount (%)', tilt: 'Tilt (°)', rate: 'Discount rate (%)',
    storage: 'Battery', storageKwh: 'Battery energy kWh', storageKw: 'Battery power kW',
    noScenario: 'Complete the inputs above first (a result is needed).', computing: 'Calculating…', chart: 'Year-1 savings (yuan) by variant',
    chartBoth: 'Year-1 savings (yuan, PV + battery; bars) and the IRR of PV + battery (%, line) by variant',
    modes: { '': 'as above', fullExport: 'Full export', selfUseSurplus: 'Self-use, surplus exported', fullSelfUse: 'Full self-use' },
    kinds: { '': 'as above', owner: 'Owner', thirdParty: 'Third party (EMC)' },
    rows: { annualKwh: 'Year-1 generation kWh', selfUsedKwh: 'Self-used kWh', firstYearSavingsYuan: 'Year-1 savings yuan',
      npvYuan: 'NPV yuan', irrPct: 'IRR %', paybackYears: 'Payback years', co2T: 'CO₂ avoided t/yr',
      stSelfConsumptionYuan: 'Battery year 1: self-consumption yuan', stArbitrageYuan: 'Battery year 1: arbitrage yuan',
      stDemandChargeYuan: 'Battery year 1: demand charge saved yuan', stSavingsYuan: 'Battery savings in year 1 yuan',
      siteSavingsYuan: 'Year-1 savings, PV + battery yuan', stIrrPct: 'IRR of the battery added to the PV %',
      bothIrrPct: 'IRR of PV + battery %', bothNpvYuan: 'NPV of PV + battery yuan' },
  },
};
const tx = (key) => key.split('.').reduce((o, k) => o?.[k], TEXT[lang()] ?? TEXT['zh-CN']) ?? key;

/** A variant as edited: its changes of the form's scenario (strings; '' = as on the form). `storage` is
 * '' (as on the form), 'none' (no battery) or a dispatch mode; `storageKwh`/`storageKw` its energy and power. */
const blank = (changes) => ({ mode: '', kind: '', discountPct: '', tilt: '', rate: '', storage: '', storageKwh: '', storageKw: '', ...changes });
const variants = [blank(), blank({ mode: 'fullExport' }), blank({ kind: 'thirdParty', discountPct: '15' })];
const DISPATCH = ['selfConsumption', 'timeOfUse', 'peakShaving', 'optimal'];
let results = []; // [{ report } | { error }] per variant
let worker = null;
let serial = 0;

const number = (s) => (s.trim() === '' ? undefined : Number(s));

/** The scenario of variant `v`: the form's scenario with its changes. */
export function variantScenario(base, v) {
  const s = structuredClone(base);
  if (v.mode) {
    s.usage = { ...(s.usage ?? {}), mode: v.mode };
    if (v.mode !== 'selfUseSurplus') delete s.usage.selfUseSharePct;
  }
  if (v.kind === 'owner' && s.ownership?.kind !== 'owner') s.ownership = { kind: 'owner' };
  if (v.kind === 'thirdParty') s.ownership = { kind: 'thirdParty', discountPct: number(v.discountPct) ?? 10 };
  const tilt = number(v.tilt);
  if (tilt !== undefined) {
    if (s.system.roof) s.system.roof = { ...s.system.roof, tiltDeg: tilt };
    else {
      const planes = s.system.planes ?? [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }];
      s.system.planes = planes.map((p) => ({ ...p, tiltDeg: tilt }));
    }
  }
  const rate = number(v.rate);
  if (rate !== undefined) {
    if ((s.ownership?.kind ?? 'owner') === 'owner') s.ownership = { kind: 'owner', ...(s.ownership ?? {}), discountRatePct: rate };
    else s.ownership = { ...s.ownership, investor: { ...(s.ownership.investor ?? {}), discountRatePct: rate } };
  }
  const [kwh, kw] = [number(v.storageKwh), number(v.storageKw)];
  if (v.storage === 'none') delete s.storage;
  else if (v.storage || kwh !== undefined || kw !== undefined) {
    // The form's battery with the variant's changes; a field still missing is the core's error.
    s.storage = { ...(s.storage ?? {}) };
    if (v.storage) s.storage.dispatch = v.storage;
    if (kwh !== undefined) s.storage.energyKwh = kwh;
    if (kw !== undefined) s.storage.powerKw = kw;
  }
  return s;
}

const pvNpv = (r) => r.money.npvYuan ?? r.money.investor?.npvYuan;
const pvIrr = (r) => r.money.irrPct ?? r.money.investor?.irrPct;
/** IRR of PV + battery [%]; without a battery that of the PV. */
const bothIrr = (r) => (r.storage ? r.storage.both.irrPct : pvIrr(r));
const METRICS = [
  ['annualKwh', (r) => r.energy.annualKwh, 0],
  ['selfUsedKwh', (r) => r.usage.selfUsedKwh, 0],
  ['firstYearSavingsYuan', (r) => r.money.firstYearSavingsYuan, 0],
  ['npvYuan', (r) => pvNpv(r), 0],
  ['irrPct', (r) => pvIrr(r), 1],
  ['paybackYears', (r) => r.money.paybackYears, 1],
  ['co2T', (r) => r.emissions.annual.co2T, 1],
];
/** Rows shown when a variant has a battery (`report.storage`): its year-1 savings by source, the site's
 * year-1 savings (PV + battery) and the returns of the battery added to the PV and of both. */
const STORAGE_METRICS = [
  ['stSelfConsumptionYuan', (r) => r.storage?.firstYear.selfConsumptionYuan, 0],
  ['stArbitrageYuan', (r) => r.storage?.firstYear.arbitrageYuan, 0],
  ['stDemandChargeYuan', (r) => r.storage?.firstYear.demandChargeYuan, 0],
  ['stSavingsYuan', (r) => r.storage?.firstYear.savingsYuan, 0],
  ['siteSavingsYuan', (r) => siteSavings(r), 0],
  ['stIrrPct', (r) => r.storage?.storageWithPv.irrPct, 1],
  ['bothIrrPct', (r) => bothIrr(r), 1],
  ['bothNpvYuan', (r) => (r.storage ? r.storage.both.npvYuan : pvNpv(r)), 0],
];
/** Year-1 savings at the site [yuan]: the PV's and, with a battery, the battery's. */
const siteSavings = (r) => r.money.firstYearSavingsYuan + (r.storage?.firstYear.savingsYuan ?? 0);
const hasStorage = () => results.some((r) => r.report?.storage);
const metrics = () => (hasStorage() ? [...METRICS, ...STORAGE_METRICS] : METRICS);

function select(options, value, label, onChange) {
  const el = document.createElement('select');
  el.setAttribute('aria-label', label);
  for (const [v, text] of Object.entries(options)) el.add(new Option(text, v));
  el.value = value;
  el.addEventListener('change', () => onChange(el.value));
  return el;
}

function input(value, label, onChange) {
  const el = document.createElement('input');
  el.inputMode = 'decimal';
  el.value = value;
  el.placeholder = tx('asIs');
  el.setAttribute('aria-label', label);
  el.addEventListener('input', () => onChange(el.value));
  return el;
}

/** The battery choices: as on the form, none, or a dispatch mode (the storage panel's names). */
const storageOptions = () => ({ '': tx('asIs'), none: t('opt.st.none'), ...Object.fromEntries(DISPATCH.map((d) => [d, t(`opt.st.${d}`)])) });

/** The editing table: one column per variant. */
function renderEditor() {
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: '' }));
  variants.forEach((v, i) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = `${tx('variant')} ${NAMES[i]}`;
    if (variants.length > 2) {
      const b = Object.assign(document.createElement('button'), { type: 'button', className: 'btn btn-small', textContent: tx('remove') });
      b.setAttribute('aria-label', `${tx('remove')} ${tx('variant')} ${NAMES[i]}`);
      b.addEventListener('click', () => {
        variants.splice(i, 1);
        results = [];
        render();
      });
      th.append(' ', b);
    }
    head.append(th);
  });
  const row = (key, make) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: tx(key) }));
    variants.forEach((v, i) => {
      const td = document.createElement('td');
      td.append(make(v, `${tx(key)} ${NAMES[i]}`));
      tr.append(td);
    });
    return tr;
  };
  $('var-edit').querySelector('thead').replaceChildren(head);
  $('var-edit').querySelector('tbody').replaceChildren(
    row('mode', (v, l) => select(tx('modes'), v.mode, l, (x) => { v.mode = x; })),
    row('ownership', (v, l) => select(tx('kinds'), v.kind, l, (x) => { v.kind = x; })),
    row('discountPct', (v, l) => input(v.discountPct, l, (x) => { v.discountPct = x; })),
    row('tilt', (v, l) => input(v.tilt, l, (x) => { v.tilt = x; })),
    row('rate', (v, l) => input(v.rate, l, (x) => { v.rate = x; })),
    row('storage', (v, l) => select(storageOptions(), v.storage, l, (x) => { v.storage = x; })),
    row('storageKwh', (v, l) => input(v.storageKwh, l, (x) => { v.storageKwh = x; })),
    row('storageKw', (v, l) => input(v.storageKw, l, (x) => { v.storageKw = x; })),
  );
  $('var-add').disabled = variants.length >= MAX_VARIANTS;
}

/** The comparison: one row per figure, one column per variant, and the chart. */
function renderResults() {
  const out = $('var-out');
  out.hidden = results.length === 0;
  if (!results.length) return;
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: '' }));
  results.forEach((_, i) => head.append(Object.assign(document.createElement('th'), { scope: 'col', textContent: `${tx('variant')} ${NAMES[i]}` })));
  const rows = metrics().map(([key, get, digits]) => {
    const tr = document.createElement('tr');
    tr.dataset.metric = key;
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: tx(`rows.${key}`) }));
    for (const r of results) {
      const v = r.report ? get(r.report) : undefined;
      const td = document.createElement('td');
      td.className = 'num';
      td.textContent = r.error ? (lang() === 'en' ? r.error.message : (r.error.messageZh ?? r.error.message))
        : v === undefined || v === null ? '—' : fmt(v, digits);
      if (r.error) td.className = 'var-error';
      else if (v !== undefined && v !== null) td.dataset.value = String(v);
      tr.append(td);
    }
    return tr;
  });
  $('var-table').querySelector('thead').replaceChildren(head);
  $('var-table').querySelector('tbody').replaceChildren(...rows);
  // With a battery in any variant: bars of the site's year-1 savings (PV + battery) and, when every
  // variant has one, a line of the IRR of PV + battery (the PV's IRR where there is no battery).
  const both = hasStorage();
  const values = results.map((r) => (r.report ? (both ? siteSavings(r.report) : r.report.money.firstYearSavingsYuan) : 0));
  const irr = results.map((r) => (r.report ? bothIrr(r.report) : undefined));
  const line2 = both && irr.every((v) => v !== undefined && v !== null)
    ? { values: irr, tick: (v) => `${fmt(v)}%`, title: (i) => `${NAMES[i]}: IRR ${fmt(irr[i], 1)}%` } : undefined;
  const caption = Object.assign(document.createElement('p'), { className: 'hint', textContent: tx(both ? 'chartBoth' : 'chart') });
  $('var-chart').replaceChildren(caption, barChart({
    values,
    labels: results.map((_, i) => NAMES[i]),
    width: Math.min(640, $('var-chart').clientWidth || 480),
    height: 200,
    tick: compact,
    title: (i) => `${NAMES[i]}: ${fmt(values[i])}`,
    ariaLabel: tx(both ? 'chartBoth' : 'chart'),
    line2,
  }));
  $('var-chart').dataset.storage = String(both);
}

function render() {
  for (const el of document.querySelectorAll('[data-var]')) el.textContent = tx(el.dataset.var);
  renderEditor();
  renderResults();
}

function compare() {
  const base = state.scenario;
  if (!base) {
    $('var-status').textContent = tx('noScenario');
    return;
  }
  worker ??= new Worker(new URL('./portfolio-worker.js', import.meta.url), { type: 'module' });
  const mine = ++serial;
  const scenarios = variants.map((v) => variantScenario(base, v));
  const got = [];
  $('var-status').textContent = tx('computing');
  document.body.dataset.variants = 'running';
  worker.onmessage = ({ data }) => {
    if (data.type !== 'report' || data.id[0] !== mine) return;
    got[data.id[1]] = data.report ? { report: data.report } : { error: data.error };
    if (got.filter(Boolean).length === scenarios.length) {
      results = got;
      $('var-status').textContent = '';
      renderResults();
      document.body.dataset.variants = 'done';
    }
  };
  scenarios.forEach((scenario, i) => worker.postMessage({ type: 'calculate', id: [mine, i], scenario }));
}

function exportCsv() {
  const rows = [['', ...results.map((_, i) => `${tx('variant')} ${NAMES[i]}`)],
    ...metrics().map(([key, get]) => [tx(`rows.${key}`), ...results.map((r) => (r.report ? get(r.report) ?? '' : r.error?.message ?? ''))])];
  download('variants.csv', csv(rows), 'text/csv;charset=utf-8');
}

export function setupVariants() {
  render();
  $('var-add').addEventListener('click', () => {
    if (variants.length >= MAX_VARIANTS) return;
    variants.push(blank());
    results = [];
    render();
  });
  $('var-compare').addEventListener('click', compare);
  $('var-export').addEventListener('click', exportCsv);
  $('lang').addEventListener('change', () => setTimeout(render));
}
