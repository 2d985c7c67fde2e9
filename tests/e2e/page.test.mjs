// End-to-end test of the calculator page in headless Chromium (run after `make site`):
//   node --test tests/e2e/
// Serves target/site on a free loopback port, drives the page with playwright-core and saves
// screenshots to tests/e2e/screenshots/ (git-ignored).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE = join(ROOT, 'target', 'site');
const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server;
let context;
let page;
let profileDir;
let baseUrl;
const problems = []; // console errors, page errors, failed requests

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForServer(url, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > end) throw new Error(`server at ${url} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

before(async () => {
  assert.ok(existsSync(join(SITE, 'index.html')), 'target/site/index.html is missing: run `make site` first');
  assert.ok(existsSync(join(SITE, 'pkg', 'rooftop_pv_bg.wasm')), 'target/site/pkg is missing: run `make site` first');
  mkdirSync(SHOTS, { recursive: true });

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}/`;
  server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', SITE], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  server.stderr.resume();
  await waitForServer(baseUrl);

  profileDir = mkdtempSync(join(tmpdir(), 'rooftop-pv-e2e-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(5000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    if (/RuntimeError: unreachable/.test(msg.text())) problems.push(`wasm trap: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.stack ?? err}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // Nothing may leave the loopback server.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl) || url.startsWith('data:')) return route.continue();
    problems.push(`external request: ${url}`);
    return route.abort();
  });
});

after(async () => {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(() => {
        server.kill('SIGKILL');
        r();
      }, 2000);
      server.once('exit', () => {
        clearTimeout(timer);
        r();
      });
    });
  }
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const text = (testid) => page.getByTestId(testid).textContent();
const value = (testid) => page.getByTestId(testid).getAttribute('data-value');
/** The raw number behind a figure, rounded to `digits` decimals (the core works in binary floating point). */
const rounded = async (testid, digits = 0) => Number(Number(await value(testid)).toFixed(digits));
/** Waits until the figure's raw number, rounded, equals `n`. */
const waitForValue = (testid, n) =>
  page.waitForFunction(
    ([id, want]) => Math.round(Number(document.querySelector(`[data-testid="${id}"]`)?.dataset.value)) === want,
    [testid, n],
  );
const shot = (name, fullPage = true) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

/** What the core itself says about `scenario` (its ScenarioError), asked through the page's module. */
function coreError(scenario) {
  return page.evaluate(async (s) => {
    const m = await import('./pkg/rooftop_pv.js');
    try {
      m.calculate(s);
      return null;
    } catch (e) {
      return { field: e.field, code: e.code, message: e.message, messageZh: e.messageZh };
    }
  }, scenario);
}

/** The core's message as the page shows it: the JSON path replaced by the field's label. */
function shown(message, field, label) {
  return message.split(field).join(`“${label}”`);
}

const SHUOZHOU = { system: { capacityKwp: 6000 }, resource: { method: 'fullLoadHours', hours: 1241.6 } };

/** Latin words (3+ letters) in the visible text, options and tooltips, less units and names. */
const LATIN_ALLOWED = new Set(
  'Language English kWp kWh MWh kgce gce NOx NPV IRR LCOE PDF rooftop-pv Rust WebAssembly MIT'.split(' '),
);
async function latinWords() {
  await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = true)));
  const words = await page.evaluate(() => {
    const out = new Set();
    const add = (text) => {
      for (const m of text.matchAll(/[A-Za-z][A-Za-z-]{2,}/g)) out.add(m[0]);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (el && !el.closest('[hidden], script, style') && el.tagName !== 'OPTION') add(n.textContent);
    }
    for (const o of document.querySelectorAll('option')) add(o.textContent);
    for (const e of document.querySelectorAll('[title], [placeholder], [aria-label]')) {
      add(`${e.getAttribute('title') ?? ''} ${e.getAttribute('placeholder') ?? ''} ${e.getAttribute('aria-label') ?? ''}`);
    }
    return [...out];
  });
  await page.$$eval('details', (ds) => ds.forEach((d) => (d.open = false)));
  return words.filter((w) => !LATIN_ALLOWED.has(w));
}

function assertNoProblems() {
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}

/** Types `v` into the field (select all, type) as a user would, so `input` events fire per key. */
async function typeInto(testid, v) {
  const input = page.getByTestId(testid);
  await input.click();
  await input.press('Control+A');
  await input.press('Backspace');
  if (v !== '') await input.pressSequentially(v);
}

test('the calculator page works end to end', async (t) => {
  await t.test('opens in Chinese with results computed from the defaults', async () => {
    await page.goto(baseUrl);
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal((await page.locator('h1').textContent()).trim(), '屋顶光伏收益计算器');
    assert.match(await page.locator('label[for="capacity"]').textContent(), /装机容量/);
    assert.equal(await page.getByTestId('lang').inputValue(), 'zh-CN');
    assert.match(await page.getByTestId('example-shuozhou-6mw').textContent(), /载入朔州 6 MW 示范项目/);
    // Every translated label, legend and heading that is shown holds Chinese, not English words.
    const english = await page.$$eval('[data-i18n]', (els) =>
      els
        .filter((e) => e.offsetParent !== null && e.tagName !== 'OPTION')
        .map((e) => e.textContent.trim())
        .filter((s) => s && !/[\u4e00-\u9fff]/.test(s) && /[A-Za-z]{3,}/.test(s.replace(/kWh|kWp|kgce|NOx|GB|MW/g, ''))),
    );
    assert.deepEqual(english, [], 'English text in the Chinese page');
    // 1000 kWp × 1200 h = 1,200,000 kWh in the first year.
    assert.equal(await rounded('annual-kwh'), 1200000);
    assert.equal(await text('annual-kwh'), '1,200,000');
    assert.match(await page.locator('#version').textContent(), /rooftop-pv \d+\.\d+\.\d+/);
    assert.deepEqual(await latinWords(), [], 'English words in the Chinese page');
    await shot('01-zh-default');
    assertNoProblems();
  });

  await t.test('the Shuozhou 6 MW example gives the published figures', async () => {
    await page.getByTestId('example-shuozhou-6mw').click();
    assert.equal(await page.getByTestId('capacity').inputValue(), '6000');
    assert.equal(await page.getByTestId('hours').inputValue(), '1241.6');
    assert.equal(await rounded('annual-kwh'), 7449600);
    assert.equal(await text('annual-kwh'), '7,449,600');
    assert.equal(await text('coal-annual'), '2291.50');
    assert.equal(await text('co2-annual'), '7427.25');
    assert.equal(await text('nox-annual'), '1.42');
    assert.equal(await text('water-annual'), '9163.01');
    assert.equal(await value('coal-annual'), '2291.50');
    assert.match(await text('example-desc'), /2291\.50/);
    assert.match(await text('factor-set-name'), /2018年火电平均值/);
    assert.match(await text('factor-source'), /中国电力企业联合会/);
    assert.match(await text('factor-source'), /2018/);
    assert.match(await text('emissions-table'), /待核实/);
    // the sources (given in English or both languages by the core) are shown in Chinese too
    assert.deepEqual(await latinWords(), [], 'English words in the Chinese page');
    await shot('02-zh-shuozhou-6mw');
    assertNoProblems();
  });

  await t.test('typing a new capacity recalculates at once', async () => {
    await typeInto('capacity', '3000');
    await waitForValue('annual-kwh', 3724800);
    assert.equal(await text('annual-kwh'), '3,724,800');
    // half of 2291.49696 t = 1145.74848 t
    assert.equal(await text('coal-annual'), '1145.75');
    assert.equal(await text('co2-annual'), '3713.63');
    assert.equal(await page.getByTestId('stale').isVisible(), false);
    await typeInto('capacity', '6000');
    await page.waitForFunction(() => document.querySelector('[data-testid="coal-annual"]').textContent === '2291.50');
    assertNoProblems();
  });

  await t.test('switching to English re-renders labels and results', async () => {
    await page.getByTestId('lang').selectOption('en');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.equal((await page.locator('h1').textContent()).trim(), 'Rooftop PV savings calculator');
    assert.match(await page.locator('label[for="capacity"]').textContent(), /Installed capacity/);
    assert.match(await page.locator('label[for="hours"]').textContent(), /Annual full-load hours/);
    assert.match(await text('emissions-table'), /Standard coal saved/);
    assert.match(await text('example-desc'), /Shuozhou report/);
    assert.match(await text('warnings'), /months are shared in proportion to their days/);
    assert.equal(await text('coal-annual'), '2291.50');
    // no Chinese left in the English labels (the language switch keeps its bilingual label)
    const chinese = await page.$$eval('[data-i18n]', (els) =>
      els
        .filter((e) => e.offsetParent !== null && !e.closest('.topbar-tools'))
        .map((e) => e.textContent.trim())
        .filter((s) => /[\u4e00-\u9fff]/.test(s)),
    );
    assert.deepEqual(chinese, [], 'Chinese text in the English page');
    await shot('03-en-shuozhou-6mw');
    assertNoProblems();
  });

  await t.test('a bad capacity is shown next to the field, in English, then cleared', async () => {
    await typeInto('capacity', '-5');
    const err = page.locator('#capacity-error');
    await err.waitFor({ state: 'visible' });
    const core = await coreError({ ...SHUOZHOU, system: { capacityKwp: -5 } });
    assert.equal(core.field, 'system.capacityKwp');
    assert.equal(await err.textContent(), shown(core.message, core.field, 'Installed capacity'));
    assert.match(await err.textContent(), /^“Installed capacity” .*-5/);
    assert.doesNotMatch(await err.textContent(), /[\u4e00-\u9fff]/);
    assert.equal(await page.getByTestId('capacity').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByTestId('stale').isVisible(), true);
    assert.match(await text('stale'), /out of date/);
    // the last good results stay, marked stale
    assert.equal(await text('coal-annual'), '2291.50');
    await shot('04-en-error-capacity', false);
    await typeInto('capacity', '6000');
    await err.waitFor({ state: 'hidden' });
    assert.equal(await page.getByTestId('capacity').getAttribute('aria-invalid'), null);
    assert.equal(await page.getByTestId('stale').isVisible(), false);
    assertNoProblems();
  });

  await t.test('errors follow the language: self-use share 150 and empty hours, in Chinese', async () => {
    await page.getByTestId('lang').selectOption('zh-CN');
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    await typeInto('self-use-share', '150');
    const shareErr = page.locator('#share-error');
    await shareErr.waitFor({ state: 'visible' });
    const core = await coreError({ ...SHUOZHOU, usage: { mode: 'selfUseSurplus', selfUseSharePct: 150 } });
    assert.equal(core.field, 'usage.selfUseSharePct');
    assert.equal(await shareErr.textContent(), shown(core.messageZh, core.field, '自用比例'));
    assert.match(await shareErr.textContent(), /150/);
    assert.equal(await page.getByTestId('self-use-share').getAttribute('aria-invalid'), 'true');
    // switching language translates the error that is shown
    await page.getByTestId('lang').selectOption('en');
    assert.equal(await shareErr.textContent(), shown(core.message, core.field, 'Self-use share'));
    await page.getByTestId('lang').selectOption('zh-CN');
    assert.equal(await shareErr.textContent(), shown(core.messageZh, core.field, '自用比例'));
    await shot('05-zh-error-share', false);
    await typeInto('self-use-share', '80');
    await shareErr.waitFor({ state: 'hidden' });

    await typeInto('hours', '');
    const hoursErr = page.locator('#hours-error');
    await hoursErr.waitFor({ state: 'visible' });
    const missing = await coreError({ ...SHUOZHOU, resource: { method: 'fullLoadHours' } });
    assert.equal(missing.field, 'resource.hours');
    assert.equal(await hoursErr.textContent(), shown(missing.messageZh, missing.field, '年满发小时数'));
    assert.match(await hoursErr.textContent(), /年满发小时数/);
    await typeInto('hours', 'abc');
    assert.match(await hoursErr.textContent(), /请输入有效的数字/);
    await typeInto('hours', '1241.6');
    await hoursErr.waitFor({ state: 'hidden' });
    assert.equal(await page.getByTestId('stale').isVisible(), false);
    assert.equal(await text('coal-annual'), '2291.50');
    assertNoProblems();
  });

  await t.test('the 4 MW EMC example and the other options compute', async () => {
    await page.getByTestId('example-shuozhou-4mw-emc').click();
    assert.equal(await rounded('annual-kwh'), 5000000);
    // 5,000,000 kWh × 0.55 yuan/kWh × 36 % = 990,000 yuan
    assert.equal(await rounded('first-year-savings'), 990000);
    assert.equal(await page.getByTestId('emc-note').isVisible(), true);
    assert.equal(await page.getByTestId('npv').isVisible(), false);
    assert.equal(await page.getByTestId('discount-pct').inputValue(), '36');
    // a reference price fills the field and shows its source
    await page.locator('label[for="kind-owner"]').click();
    await page.getByTestId('mode').selectOption('selfUseSurplus');
    await page.getByTestId('export-preset').selectOption('benchmark-jiangsu');
    assert.equal(await page.getByTestId('export-price').inputValue(), '0.391');
    assert.match(await page.locator('#export-source').textContent(), /国家发展和改革委员会/);
    assert.equal(await page.getByTestId('export-preset').inputValue(), 'benchmark-jiangsu');
    await typeInto('export-price', '0.4');
    assert.equal(await page.getByTestId('export-preset').inputValue(), '');
    await page.locator('label[for="kind-thirdParty"]').click();
    // GB 50797: 1000 kWp × 1500 kWh/m² / 1 kW/m² × 0.8 = 1,200,000 kWh
    await page.getByTestId('method').selectOption('gb50797');
    await typeInto('capacity', '1000');
    await typeInto('ha', '1500');
    await typeInto('k', '0.8');
    await waitForValue('annual-kwh', 1200000);
    // full export hides the self-use share (sending it would be a conflict)
    await page.getByTestId('mode').selectOption('fullExport');
    assert.equal(await page.getByTestId('self-use-share').isVisible(), false);
    assert.equal(await rounded('usage-exported'), 1200000);
    // owner-financed: NPV, IRR, payback shown
    await page.locator('label[for="kind-owner"]').click();
    assert.equal(await page.getByTestId('kind-owner').isChecked(), true);
    assert.equal(await page.getByTestId('npv').isVisible(), true);
    assert.ok(Number.isFinite(Number(await value('npv'))));
    // custom factors start from the chosen set
    await page.getByTestId('factor-set').selectOption('custom');
    assert.equal(await page.locator('#coalKgce').inputValue(), '0.3007');
    assert.equal(await text('factor-set-name'), '自定义因子（由用户输入）');
    assert.equal(await page.getByTestId('stale').isVisible(), false);
    assertNoProblems();
  });

  await t.test('a narrow (mobile) viewport stacks the layout without overflow', async () => {
    await page.getByTestId('example-shuozhou-6mw').click();
    await page.setViewportSize({ width: 390, height: 844 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(scrollWidth <= innerWidth, `horizontal overflow: ${scrollWidth} > ${innerWidth}`);
    const form = await page.locator('#form').boundingBox();
    const results = await page.locator('#results').boundingBox();
    assert.ok(results.y >= form.y + form.height - 1, 'results should come below the form on a narrow screen');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot('06-zh-mobile-top', false);
    await shot('07-zh-mobile-full');
    await page.setViewportSize({ width: 1366, height: 900 });
    assertNoProblems();
  });
});
