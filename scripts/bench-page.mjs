// The page's response to typing, in headless Chromium (issue 11): the time from a keystroke in the
// capacity field to the new result on screen (the 120 ms pause of engine.js included), median and
// p90 over ROUNDS keystrokes, for the station and the weather-file (Datong CSWD EPW) methods, without
// and with a 4× CPU slowdown (CDP Emulation.setCPUThrottlingRate, as on a phone); and the longest
// main-thread task while six keys are typed quickly (the page must not freeze). And the battery sizing
// sweep (issue 13): the Shuozhou 4 MW factory with 1 MW / 2 MWh optimal, its 16 sizes in the worker,
// from the click to the chart (the time the page shows), median of SWEEPS runs, at 1× and 4× CPU.
//
//   make site && node scripts/bench-page.mjs [ROUNDS]

import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO, weatherBytes } from '../tests/fixtures.mjs';

const ROUNDS = Number(process.argv[2] ?? 15);
const PORT = 8790 + Math.floor(Math.random() * 100);
const DATONG = 'CHN_Shanxi.Datong.534870_CSWD.epw';

const server = spawn('python3', [join(REPO, 'scripts', 'serve.py'), join(REPO, 'target', 'site'), String(PORT)], {
  stdio: 'ignore',
});
await new Promise((r) => setTimeout(r, 700));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
const cdp = await page.context().newCDPSession(page);
const epwPath = join(mkdtempSync(join(tmpdir(), 'bench-page-')), DATONG);
writeFileSync(epwPath, weatherBytes(DATONG));

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Milliseconds from each keystroke to the result of that keystroke on screen. */
async function latencies() {
  const out = [];
  const field = page.locator('#capacity');
  await field.click();
  for (let i = 0; i < ROUNDS; i++) {
    await field.press('End');
    const ms = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const start = { t: 0 };
          const seen = document.body.dataset.resultsShown;
          const obs = new MutationObserver(() => {
            if (document.body.dataset.resultsShown !== seen && document.body.dataset.busy === 'false') {
              obs.disconnect();
              // the frame that paints the result
              requestAnimationFrame(() => resolve(performance.now() - start.t));
            }
          });
          obs.observe(document.body, { attributes: true });
          const el = document.getElementById('capacity');
          start.t = performance.now();
          // a key as the browser delivers it: the value changes, an input event fires
          el.value = el.value.length > 5 ? '1000' : `${el.value}1`;
          el.dispatchEvent(new Event('input', { bubbles: true }));
        }),
    );
    out.push(ms);
    await page.waitForTimeout(150);
  }
  return out;
}

/** The longest main-thread task [ms] while six keys are typed 30 ms apart. */
async function longestTask() {
  await page.evaluate(() => {
    window.__long = 0;
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration);
    }).observe({ type: 'longtask' });
  });
  const field = page.locator('#capacity');
  await field.click();
  await field.press('Control+A');
  await field.pressSequentially('123456', { delay: 30 });
  await page.waitForFunction(() => document.body.dataset.busy === 'false');
  await page.waitForTimeout(300);
  return page.evaluate(() => window.__long);
}

async function setup(method) {
  await page.goto(`http://127.0.0.1:${PORT}/?lang=zh-CN`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('#method').selectOption(method);
  if (method === 'weatherFile') await page.locator('#weather-file').setInputFiles(epwPath);
  await page.waitForFunction(() => document.body.dataset.busy === 'false' && !document.getElementById('results-body').hidden);
}

const rows = [];
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (const method of ['station', 'weatherFile']) {
    await setup(method);
    const ms = await latencies();
    const long = await longestTask();
    rows.push({ method, cpu: `${rate}×`, median: quantile(ms, 0.5), p90: quantile(ms, 0.9), longestTaskMs: long });
  }
}
/** Milliseconds of the page's sizing sweep, `n` runs. */
async function sweeps(n) {
  await page.goto(`http://127.0.0.1:${PORT}/?lang=zh-CN`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('[data-example="shuozhou-4mw-owner-tou"]').first().click();
  await page.locator('#storageDispatch').selectOption('optimal');
  await page.locator('#storageKwh').fill('2000');
  await page.locator('#storageKw').fill('1000');
  await page.locator('#storage-card').waitFor({ state: 'visible' });
  await page.waitForFunction(() => document.body.dataset.busy === 'false');
  const out = [];
  for (let i = 0; i < n; i++) {
    await page.locator('#storage-sweep-run').click();
    await page.waitForFunction(() => document.getElementById('storage-sweep-status').dataset.ms !== undefined);
    out.push(Number(await page.locator('#storage-sweep-status').getAttribute('data-ms')));
  }
  return out;
}
const SWEEPS = 5;
const sweepRows = [];
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const ms = await sweeps(SWEEPS);
  sweepRows.push({ cpu: `${rate}×`, median: quantile(ms, 0.5), max: Math.max(...ms) });
}
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
console.log(`keystroke → result on screen, ${ROUNDS} keystrokes each (the 120 ms typing pause included)`);
console.log('method       CPU  median [ms]  p90 [ms]  longest main-thread task while typing [ms]');
for (const r of rows) {
  console.log(
    `${r.method.padEnd(12)} ${r.cpu.padEnd(4)} ${r.median.toFixed(0).padStart(11)}  ${r.p90.toFixed(0).padStart(8)}  ${r.longestTaskMs.toFixed(0).padStart(10)}`,
  );
}
console.log(`\nbattery sizing sweep on the page (Shuozhou 4 MW + 1 MW/2 MWh optimal, 16 sizes × 25 years hourly), ${SWEEPS} runs`);
console.log('CPU  median [ms]  max [ms]');
for (const r of sweepRows) console.log(`${r.cpu.padEnd(4)} ${r.median.toFixed(0).padStart(11)}  ${r.max.toFixed(0).padStart(8)}`);
await browser.close();
server.kill();
