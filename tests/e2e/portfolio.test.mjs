// The page's variants and portfolio panels in headless Chromium (run after `make site`): variants of
// the default scenario compared, and the Shuozhou factory without and with a battery against the
// core; a generated county .xlsx through the pool of Web Workers, its totals against the sum of
// single calculate() calls in Node on the generator's own scenarios, its bad rows named by row and
// column; cancel; a 50 MB file refused before reading. Screenshots go to tests/e2e/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { generateRoofs, singleCallTotals, toCsv, toXlsx } from '../../scripts/roofs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE = join(ROOT, 'target', 'site');
const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
let server;
let context;
let page;

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

before(async () => {
  assert.ok(existsSync(join(SITE, 'vendor', 'read-excel-file.mjs')), 'target/site is missing or old: run `make site` first');
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  server = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), SITE, String(port)], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (i > 100) throw new Error('server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rooftop-pv-e2e-pf-')), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    viewport: { width: 1366, height: 900 }, locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(60000);
  page.on('pageerror', (e) => assert.fail(`page error: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.body.dataset.busy !== 'true');
});

after(async () => {
  await context?.close().catch(() => {});
  server?.kill('SIGTERM');
});

test('variants: the default scenario, full export and EMC side by side, exportable', async () => {
  await page.getByTestId('var-compare').click();
  await page.waitForFunction(() => document.body.dataset.variants === 'done');
  const head = await page.getByTestId('var-table').locator('thead th').allTextContents();
  assert.deepEqual(head.slice(1), ['方案 A', '方案 B', '方案 C']);
  const savings = await page.getByTestId('var-table').locator('tbody tr').nth(2).locator('td').allTextContents();
  const values = savings.map((s) => Number(s.replace(/,/g, '')));
  assert.ok(values.every((v) => v > 0), `${savings}`);
  assert.notEqual(values[0], values[1], 'full export earns differently from self-use');
  assert.equal(await page.getByTestId('var-chart').locator('rect').count() >= 3, true);
  const dl = page.waitForEvent('download');
  await page.getByTestId('var-export').click();
  assert.equal((await dl).suggestedFilename(), 'variants.csv');
  await page.getByTestId('variants-card').screenshot({ path: join(SHOTS, 'variants.png') });
});

test('portfolio: a 300-roof .xlsx in the worker pool, totals equal single calls, bad rows named', async () => {
  const rows = generateRoofs(300, 21);
  const dup = [...rows[3]];
  const bad = [...rows[4]];
  bad[0] = '坏行';
  bad[3] = 'abc';
  bad[4] = '';
  bad[5] = '';
  await page.getByTestId('pf-file').setInputFiles({
    name: 'county.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(toXlsx([...rows, dup, bad])),
  });
  await page.waitForFunction(() => /302/.test(document.getElementById('pf-status').textContent));
  assert.equal(await page.getByTestId('pf-group').inputValue(), '乡镇');
  await page.getByTestId('pf-run').click();
  await page.waitForFunction(() => document.body.dataset.portfolio === 'done');
  assert.match(await page.getByTestId('pf-status').textContent(), /302 个屋顶，用时 [\d.]+ 秒（每秒 [\d,]+ 个，\d 个线程）：300 个已算出，2 个有错误/);
  const errors = await page.getByTestId('pf-errors').locator('li').allTextContents();
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^行 302 · 列 名称.*重复.*\[conflict\]/);
  assert.match(errors[1], /^行 303 · 列 装机容量\(kWp\).*“abc”不是数值 \[invalid_type\]/);
  // The totals against single calculate() calls in Node (the package the page runs).
  const pv = await import(join(ROOT, 'pkg', 'node.mjs'));
  const { annualKwh: kwh, co2T: co2 } = singleCallTotals(pv.calculate, rows.slice(1));
  const cells = await page.getByTestId('pf-totals').locator('tbody td').allTextContents();
  const shown = (i) => Number(cells[i].replace(/,/g, ''));
  assert.equal(shown(1), 300);
  assert.equal(shown(3), Math.round(kwh), 'kWh as shown (whole kWh)');
  assert.ok(Math.abs(shown(7) - co2) <= 0.05 + 1e-9, `CO2 ${shown(7)} vs ${co2}`);
  assert.ok(await page.getByTestId('pf-groups').locator('tbody tr').count() >= 8);
  const dl = page.waitForEvent('download');
  await page.getByTestId('pf-dl-totals').click();
  assert.equal((await dl).suggestedFilename(), 'county-totals.csv');
  await page.getByTestId('portfolio-card').screenshot({ path: join(SHOTS, 'portfolio.png') });
});

test('portfolio: cancel stops the pool; a 50 MB file is refused before reading', async () => {
  await page.getByTestId('pf-file').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(generateRoofs(4000, 5))) });
  await page.waitForFunction(() => /4,000/.test(document.getElementById('pf-status').textContent));
  await page.getByTestId('pf-run').click();
  await page.waitForFunction(() => Number(document.getElementById('pf-progress').value) > 0);
  await page.getByTestId('pf-cancel').click();
  assert.match(await page.getByTestId('pf-status').textContent(), /已取消：[\d,]+ \/ 4,000 个屋顶已算完/);
  assert.equal(await page.evaluate(() => document.body.dataset.portfolio), 'cancelled');
  const huge = join(mkdtempSync(join(tmpdir(), 'rooftop-pv-huge-')), 'huge.csv');
  writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 0x41));
  await page.getByTestId('pf-file').setInputFiles(huge);
  await page.waitForFunction(() => /上限/.test(document.getElementById('pf-status').textContent));
  assert.match(await page.getByTestId('pf-status').textContent(), /50\.0 MB，超过 25\.0 MB 的上限，未读取/);
  assert.equal(await page.getByTestId('pf-run').isDisabled(), true);
});

test('roof: a 4,000 m² concrete roof sized on the page, its row pitch written out; bad roofs named', async () => {
  await page.getByTestId('capacity-from').selectOption('roof');
  assert.equal(await page.getByTestId('capacity').isVisible(), false);
  assert.equal(await page.getByTestId('preset-south').isVisible(), false, 'the planes come from the roof');
  await page.getByTestId('roof-type').selectOption('concreteFlat');
  await page.getByTestId('roof-area').fill('4000');
  await page.waitForFunction(() => /排/.test(document.getElementById('roof-result').textContent) && document.body.dataset.busy !== 'true');
  const text = await page.getByTestId('roof-result').textContent();
  const figure = (re) => Number(text.match(re)[1].replace(/,/g, ''));
  // The page's figures against the package's sizeRoof at the latitude it shows (the default
  // station, Taiyuan 537720), and the pitch recomputed from the shown sun: D = L cos β + H cos γ / tan α.
  const pv = await import(join(ROOT, 'pkg', 'node.mjs'));
  const lat = figure(/纬度 φ = ([\d.]+)°/);
  const station = pv.stations().find((s) => s.id === '537720');
  assert.ok(Math.abs(lat - station.latitude) < 0.005, `${lat} vs ${station.latitude}`);
  const z = pv.sizeRoof({ roof: { type: 'concreteFlat', areaM2: 4000 }, latitudeDeg: station.latitude });
  assert.equal(figure(/([\d,]+) 排/), z.rows.count);
  assert.equal(figure(/= ([\d,]+) 块 ×/), z.modules);
  assert.equal(figure(/= ([\d,.]+) kWp/), Number(z.capacityKwp.toFixed(1)));
  const [alpha, gamma, l, h] = [figure(/α = ([\d.]+)°/), figure(/γ = ([\d.]+)°/), figure(/L·sin β = ([\d.]+)/), figure(/= ([\d.]+) m；阴影/)];
  const rad = Math.PI / 180;
  const d = l * Math.cos(20 * rad) + (h * Math.cos(gamma * rad)) / Math.tan(alpha * rad);
  assert.ok(Math.abs(figure(/间距 D = L·cos β \+ H·cos γ \/ tan α = ([\d.]+) m/) - d) < 0.005, `${text}`);
  assert.match(text, /典型投资 3\.3 元\/W.*待核实/);
  // The report: its capacity is the roof's, its assumptions the rows' open rack at 20°.
  assert.match(await page.locator('#assumptions').textContent(), new RegExp(`${z.capacityKwp.toFixed(1).replace('.', '\\.')}\\d* kWp`));
  await page.getByTestId('roof-box').screenshot({ path: join(SHOTS, 'roof.png') });
  // The case's link keeps the roof: reloaded, the form is sized from the same roof.
  await page.waitForFunction(() => /#s=/.test(location.hash));
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true' && /排/.test(document.getElementById('roof-result').textContent));
  assert.equal(await page.getByTestId('capacity-from').inputValue(), 'roof');
  assert.equal(await page.getByTestId('roof-type').inputValue(), 'concreteFlat');
  assert.equal(await page.getByTestId('roof-area').inputValue(), '4000');
  // Bad roofs: setbacks larger than the roof, a roof smaller than one module.
  await page.getByTestId('roof-area').fill('3');
  await page.waitForFunction(() => !document.getElementById('roofSetback-error').hidden);
  assert.match(await page.locator('#roofSetback-error').textContent(), /退让|setback/i);
  await page.getByTestId('roof-type').selectOption('colorSteel');
  await page.getByTestId('roof-area').fill('6');
  await page.waitForFunction(() => !document.getElementById('roofArea-error').hidden);
  assert.ok((await page.locator('#roofArea-error').textContent()).length > 5);
  await page.getByTestId('capacity-from').selectOption('capacity');
  await page.waitForFunction(() => document.getElementById('roofArea-error').hidden && document.body.dataset.busy !== 'true');
});

// Last: it leaves the form at the Shuozhou example (its site), which the roof test above does not expect.
test('variants with a battery: the Shuozhou 4 MW factory without and with 1 MW / 2 MWh, storage lines as the core gives them', async () => {
  const BATTERY = { energyKwh: 2000, powerKw: 1000, dispatch: 'optimal' };
  const shown = await page.evaluate(() => Number(document.body.dataset.resultsShown ?? 0));
  await page.getByTestId('example-shuozhou-4mw-owner-tou').click();
  await page.waitForFunction((n) => Number(document.body.dataset.resultsShown) > n && document.body.dataset.busy !== 'true', shown);
  // The core's reports of the example without and with the battery (the page's module, the preset's scenario).
  const [noBattery, withBattery] = await page.evaluate(async (b) => {
    const m = await import('./pkg/rooftop_pv.js');
    const s = m.presets().scenarios.find((x) => x.id === 'shuozhou-4mw-owner-tou').scenario;
    return [m.calculate(s), m.calculate({ ...s, storage: b })];
  }, BATTERY);
  assert.equal(noBattery.storage, undefined);
  // A: no battery; B: as the form (self-use, owner) with the battery; C removed.
  await page.getByRole('button', { name: '删除 方案 C' }).click();
  await page.getByLabel('储能 A', { exact: true }).selectOption('none');
  await page.getByLabel('消纳模式 B', { exact: true }).selectOption('');
  await page.getByLabel('储能 B', { exact: true }).selectOption(BATTERY.dispatch);
  await page.getByLabel('电池容量 kWh B', { exact: true }).fill(String(BATTERY.energyKwh));
  await page.getByLabel('充放电功率 kW B', { exact: true }).fill(String(BATTERY.powerKw));
  await page.getByTestId('var-compare').click();
  await page.waitForFunction(() => document.body.dataset.variants === 'done');
  const head = await page.getByTestId('var-table').locator('thead th').allTextContents();
  assert.deepEqual(head.slice(1), ['方案 A', '方案 B']);
  /** The raw values of a row (undefined where the cell shows none). */
  const cells = (metric) => page.locator(`#var-table tr[data-metric="${metric}"] td`).evaluateAll(
    (tds) => tds.map((td) => (td.dataset.value === undefined ? td.textContent : Number(td.dataset.value))));
  const st = withBattery.storage;
  const expected = {
    annualKwh: [noBattery.energy.annualKwh, withBattery.energy.annualKwh],
    firstYearSavingsYuan: [noBattery.money.firstYearSavingsYuan, withBattery.money.firstYearSavingsYuan],
    stSelfConsumptionYuan: ['—', st.firstYear.selfConsumptionYuan],
    stArbitrageYuan: ['—', st.firstYear.arbitrageYuan],
    stDemandChargeYuan: ['—', st.firstYear.demandChargeYuan],
    stSavingsYuan: ['—', st.firstYear.savingsYuan],
    siteSavingsYuan: [noBattery.money.firstYearSavingsYuan, withBattery.money.firstYearSavingsYuan + st.firstYear.savingsYuan],
    stIrrPct: ['—', st.storageWithPv.irrPct],
    bothIrrPct: [noBattery.money.irrPct, st.both.irrPct],
    bothNpvYuan: [noBattery.money.npvYuan, st.both.npvYuan],
  };
  for (const [metric, want] of Object.entries(expected)) assert.deepEqual(await cells(metric), want, metric);
  assert.ok(st.firstYear.savingsYuan > 0 && st.storageWithPv.irrPct !== undefined, 'the battery earns something');
  // The chart: the site's year-1 savings as bars, the IRR of PV + battery as the line.
  assert.equal(await page.getByTestId('var-chart').getAttribute('data-storage'), 'true');
  assert.equal(await page.locator('#var-chart svg .bars rect').count(), 2);
  assert.equal(await page.locator('#var-chart svg .line2 circle').count(), 2);
  const dl = page.waitForEvent('download');
  await page.getByTestId('var-export').click();
  const csvText = readFileSync(await (await dl).path(), 'utf8');
  assert.match(csvText, /储能首年节省合计 元/);
  assert.match(csvText, /光伏 \+ 储能 IRR %/);
  await page.getByTestId('variants-card').screenshot({ path: join(SHOTS, 'variants-storage.png') });
  await page.getByTestId('lang').selectOption('en');
  await page.waitForFunction(() => /IRR of PV \+ battery/.test(document.getElementById('var-table').textContent));
  assert.equal(await page.getByLabel('Battery B', { exact: true }).inputValue(), 'optimal');
  await page.getByTestId('variants-card').screenshot({ path: join(SHOTS, 'variants-storage-en.png') });
  await page.getByTestId('lang').selectOption('zh-CN');
  // A variant with a dispatch mode but no energy: the core's missing_field in its column, A and B still shown.
  await page.getByTestId('var-add').click();
  await page.getByLabel('储能 C', { exact: true }).selectOption('timeOfUse');
  await page.getByTestId('var-compare').click();
  await page.waitForFunction(() => document.body.dataset.variants === 'done' && document.querySelectorAll('#var-table thead th').length === 4);
  const bad = await page.locator('#var-table tr[data-metric="annualKwh"] td').allTextContents();
  assert.equal(bad[2], '缺少必填项 storage.energyKwh');
  assert.deepEqual((await cells('stSavingsYuan')).slice(0, 2), expected.stSavingsYuan);
  await page.getByRole('button', { name: '删除 方案 C' }).click();
});
