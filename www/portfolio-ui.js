// The portfolio panel (批量测算, issue 14): a CSV or .xlsx of roofs (one a row, the template in zh
// or en) → every roof calculated in a pool of Web Workers (one per core, portfolio-worker.js) with a
// progress bar and a cancel button → totals, totals by group (township or any column), the results
// and the rows in error (row and column), all downloadable as CSV. A file above the limit is refused
// before it is read; .xlsx is read by read-excel-file (vendored by `make site`).

import { mergePortfolios, portfolioCsv, readRoofTable, roofTableTemplate, sliceRoofTable } from './pkg/rooftop_pv.js';
import { MAX_TABLE_BYTES } from './pkg/portfolio.js';
import { $ } from './state.js';
import { lang } from './i18n.js';
import { download } from './share.js';
import { fmt } from './format.js';

/** Rows per task given to a worker. */
const CHUNK_ROWS = 200;
/** Result and error rows shown on the page (all of them are in the downloads). */
const SHOWN_ROWS = 100;

const TEXT = {
  'zh-CN': {
    title: '批量测算（整县推进）', progressLabel: '测算进度', intro: '上传屋顶清单（CSV 或 Excel .xlsx，每行一个屋顶），在本机逐一测算并汇总发电量、投资、收益与减排。',
    file: '屋顶清单文件', templateZh: '下载模板（中文）', templateEn: '下载模板（英文）', groupBy: '汇总分组列',
    groupNone: '（不分组）', run: '开始测算', cancel: '取消', cancelled: '已取消：{done} / {total} 个屋顶已算完。',
    reading: '正在读取 {name}…', tooLarge: '文件 {name} 为 {mb} MB，超过 {limit} MB 的上限，未读取：请拆分为多个文件。',
    readError: '无法读取 {name}：{msg}', rowsRead: '{name}：{rows} 个屋顶，{cols} 列。', progress: '{done} / {total} 个屋顶',
    finished: '{total} 个屋顶，用时 {s} 秒（每秒 {rate} 个，{workers} 个线程）：{ok} 个已算出，{bad} 个有错误。',
    totals: '汇总', groups: '分组汇总', results: '逐个屋顶结果（前 {n} 行）', errors: '有错误的行',
    dlResults: '下载逐个结果 CSV', dlTotals: '下载汇总 CSV', all: '合计', row: '行', column: '列', problem: '问题',
    h: { group: '分组', roofs: '屋顶数', capacityKwp: '装机 kWp', annualKwh: '首年发电 kWh', investmentYuan: '投资 元',
      firstYearSavingsYuan: '首年收益 元', coalT: '标煤 t/年', co2T: 'CO₂ t/年', name: '名称', stationId: '气象站',
      modules: '组件数', irrPct: 'IRR %', paybackYears: '回收期 年' },
  },
  en: {
    title: 'Portfolio (county-wide rollout)', progressLabel: 'Progress', intro: 'Upload a list of roofs (CSV or Excel .xlsx, one roof a row): each is calculated on this computer and the generation, investment, savings and avoided emissions are totalled.',
    file: 'Roof list file', templateZh: 'Template (Chinese)', templateEn: 'Template (English)', groupBy: 'Total by column',
    groupNone: '(no grouping)', run: 'Calculate', cancel: 'Cancel', cancelled: 'Cancelled: {done} of {total} roofs done.',
    reading: 'Reading {name}…', tooLarge: '{name} is {mb} MB, above the limit of {limit} MB, and was not read: split it into several files.',
    readError: '{name} cannot be read: {msg}', rowsRead: '{name}: {rows} roofs, {cols} columns.', progress: '{done} of {total} roofs',
    finished: '{total} roofs in {s} s ({rate} roofs/s, {workers} workers): {ok} calculated, {bad} with errors.',
    totals: 'Totals', groups: 'Totals by group', results: 'Results by roof (first {n} rows)', errors: 'Rows with errors',
    dlResults: 'Download results CSV', dlTotals: 'Download totals CSV', all: 'All', row: 'Row', column: 'Column', problem: 'Problem',
    h: { group: 'Group', roofs: 'Roofs', capacityKwp: 'kWp', annualKwh: 'Year-1 kWh', investmentYuan: 'Investment yuan',
      firstYearSavingsYuan: 'Year-1 savings yuan', coalT: 'Coal t/yr', co2T: 'CO₂ t/yr', name: 'Name', stationId: 'Station',
      modules: 'Modules', irrPct: 'IRR %', paybackYears: 'Payback yr' },
  },
};
const tx = (key, vars = {}) => {
  const s = key.split('.').reduce((o, k) => o?.[k], TEXT[lang()] ?? TEXT['zh-CN']) ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
};

const ui = { table: null, name: '', portfolio: null, pool: null, started: 0 };

function status(text) {
  $('pf-status').textContent = text;
}

/** Reads the chosen file into a table, refusing one above the limit before reading it. */
async function readFile(file) {
  ui.table = null;
  ui.name = file.name;
  $('pf-run').disabled = true;
  const mb = (n) => (n / 1024 / 1024).toFixed(1);
  if (file.size > MAX_TABLE_BYTES) {
    status(tx('tooLarge', { name: file.name, mb: mb(file.size), limit: mb(MAX_TABLE_BYTES) }));
    return;
  }
  status(tx('reading', { name: file.name }));
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (/\.xlsx$/i.test(file.name) || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
      const { readSheet } = await import('./vendor/read-excel-file.mjs');
      ui.table = readRoofTable(await readSheet(new Blob([bytes])));
    } else {
      ui.table = readRoofTable(bytes);
    }
  } catch (e) {
    status(tx('readError', { name: file.name, msg: lang() === 'en' ? e.message : (e.messageZh ?? e.message) }));
    return;
  }
  const select = $('pf-group');
  select.replaceChildren(new Option(tx('groupNone'), ''));
  for (const c of ui.table.columns) {
    if (c.header && c.key !== 'name') select.add(new Option(c.header, c.header));
  }
  const town = ui.table.columns.find((c) => c.key === 'township');
  select.value = town ? town.header : '';
  status(tx('rowsRead', { name: file.name, rows: fmt(ui.table.rows.length), cols: ui.table.columns.length }));
  $('pf-run').disabled = false;
}

/** Runs the table in a pool of workers, one per core; resolves with the merged portfolio. */
function runPool(table, groupBy, onProgress) {
  const n = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8, Math.ceil(table.rows.length / CHUNK_ROWS) || 1));
  const chunks = [];
  for (let i = 0; i < table.rows.length; i += CHUNK_ROWS) chunks.push(sliceRoofTable(table, i, i + CHUNK_ROWS));
  if (!chunks.length) chunks.push(sliceRoofTable(table, 0, 0));
  const workers = [];
  const promise = new Promise((resolve, reject) => {
    const parts = [];
    let next = 0;
    let finished = 0;
    let doneRows = 0;
    const live = new Map();
    const give = (w) => {
      if (next >= chunks.length) return;
      const id = next++;
      live.set(w, 0);
      w.rows = chunks[id].rows.length;
      w.postMessage({ type: 'portfolio', id, table: chunks[id], groupBy });
    };
    for (let k = 0; k < n; k++) {
      const w = new Worker(new URL('./portfolio-worker.js', import.meta.url), { type: 'module' });
      workers.push(w);
      w.onmessage = ({ data }) => {
        if (data.type === 'progress') live.set(w, data.done);
        else if (data.type === 'done') {
          parts.push(data.part);
          doneRows += w.rows;
          live.set(w, 0);
          finished++;
          if (finished === chunks.length) {
            workers.forEach((x) => x.terminate());
            resolve(mergePortfolios(parts));
            return;
          }
          give(w);
        } else if (data.type === 'failed') {
          workers.forEach((x) => x.terminate());
          reject(data.error);
          return;
        }
        onProgress(doneRows + [...live.values()].reduce((a, b) => a + b, 0));
      };
      w.onerror = (e) => {
        workers.forEach((x) => x.terminate());
        reject(new Error(e.message || 'worker failed'));
      };
      give(w);
    }
  });
  return { promise, workers: n, cancel: () => workers.forEach((w) => w.terminate()) };
}

async function run() {
  if (!ui.table || ui.pool) return;
  const total = ui.table.rows.length;
  const bar = $('pf-progress');
  bar.max = Math.max(1, total);
  bar.value = 0;
  bar.hidden = false;
  $('pf-run').disabled = true;
  $('pf-cancel').hidden = false;
  $('pf-out').hidden = true;
  ui.done = 0;
  ui.started = performance.now();
  ui.pool = runPool(ui.table, $('pf-group').value || undefined, (done) => {
    ui.done = done;
    bar.value = done;
    status(tx('progress', { done: fmt(done), total: fmt(total) }));
  });
  document.body.dataset.portfolio = 'running';
  try {
    ui.portfolio = await ui.pool.promise;
    const s = (performance.now() - ui.started) / 1000;
    bar.value = total;
    status(tx('finished', { total: fmt(total), s: s.toFixed(1), rate: fmt(total / s), workers: ui.pool.workers,
      ok: fmt(ui.portfolio.results.length), bad: fmt(ui.portfolio.errors.length) }));
    render();
    document.body.dataset.portfolio = 'done';
  } catch (e) {
    if (e !== 'cancelled') {
      status(tx('readError', { name: ui.name, msg: lang() === 'en' ? e.message : (e.messageZh ?? e.message) }));
      document.body.dataset.portfolio = 'failed';
    }
  } finally {
    ui.pool = null;
    $('pf-run').disabled = !ui.table;
    $('pf-cancel').hidden = true;
  }
}

function cancel() {
  if (!ui.pool) return;
  ui.pool.cancel();
  const total = ui.table.rows.length;
  status(tx('cancelled', { done: fmt(ui.done), total: fmt(total) }));
  ui.pool = null;
  $('pf-run').disabled = false;
  $('pf-cancel').hidden = true;
  $('pf-progress').hidden = true;
  document.body.dataset.portfolio = 'cancelled';
}

const num = (v, d = 0) => (v === null || v === undefined ? '—' : fmt(v, d));

function table(id, keys, rows, digits = {}) {
  const el = $(id);
  const head = document.createElement('tr');
  for (const k of keys) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = tx(`h.${k}`);
    head.append(th);
  }
  const body = rows.map((r) => {
    const tr = document.createElement('tr');
    for (const k of keys) {
      const td = document.createElement('td');
      const v = r[k];
      td.textContent = typeof v === 'number' ? num(v, digits[k] ?? 0) : String(v ?? '');
      if (typeof v === 'number') td.className = 'num';
      tr.append(td);
    }
    return tr;
  });
  el.querySelector('thead').replaceChildren(head);
  el.querySelector('tbody').replaceChildren(...body);
}

const TOTAL_KEYS = ['group', 'roofs', 'capacityKwp', 'annualKwh', 'investmentYuan', 'firstYearSavingsYuan', 'coalT', 'co2T'];

function render() {
  const p = ui.portfolio;
  if (!p) return;
  $('pf-out').hidden = false;
  table('pf-totals', TOTAL_KEYS, [{ group: tx('all'), ...p.totals }], { capacityKwp: 1, coalT: 1, co2T: 1 });
  $('pf-groups-wrap').hidden = p.groups.length === 0;
  table('pf-groups', TOTAL_KEYS, p.groups, { capacityKwp: 1, coalT: 1, co2T: 1 });
  $('pf-results-title').textContent = tx('results', { n: SHOWN_ROWS });
  table('pf-results', ['name', 'stationId', 'capacityKwp', 'modules', 'annualKwh', 'investmentYuan', 'firstYearSavingsYuan',
    'irrPct', 'paybackYears', 'co2T'], p.results.slice(0, SHOWN_ROWS), { capacityKwp: 1, irrPct: 1, paybackYears: 1, co2T: 1 });
  const list = $('pf-errors');
  $('pf-errors-wrap').hidden = p.errors.length === 0;
  list.replaceChildren(...p.errors.slice(0, SHOWN_ROWS).map((e) => {
    const li = document.createElement('li');
    li.textContent = `${tx('row')} ${e.row}${e.column ? ` · ${tx('column')} ${e.column}` : ''}${e.name ? ` (${e.name})` : ''}: `
      + `${lang() === 'en' ? e.message : e.messageZh} [${e.code}]`;
    return li;
  }));
}

function translate() {
  for (const el of document.querySelectorAll('[data-pf]')) el.textContent = tx(el.dataset.pf);
  render();
}

const stem = () => ui.name.replace(/\.(csv|xlsx|txt)$/i, '') || 'roofs';
const csvLang = () => (lang() === 'en' ? 'en' : 'zh');

export function setupPortfolio() {
  translate();
  $('pf-file').addEventListener('change', (e) => {
    const file = e.target.files?.[0];
    if (file) readFile(file);
  });
  $('pf-template-zh').addEventListener('click', () => download('屋顶清单模板.csv', roofTableTemplate('zh'), 'text/csv;charset=utf-8'));
  $('pf-template-en').addEventListener('click', () => download('roofs-template.csv', roofTableTemplate('en'), 'text/csv;charset=utf-8'));
  $('pf-run').addEventListener('click', run);
  $('pf-cancel').addEventListener('click', cancel);
  $('pf-dl-results').addEventListener('click', () =>
    download(`${stem()}-results.csv`, portfolioCsv(ui.portfolio, csvLang()).results, 'text/csv;charset=utf-8'));
  $('pf-dl-totals').addEventListener('click', () =>
    download(`${stem()}-totals.csv`, portfolioCsv(ui.portfolio, csvLang()).totals, 'text/csv;charset=utf-8'));
  $('lang').addEventListener('change', () => setTimeout(translate));
}
