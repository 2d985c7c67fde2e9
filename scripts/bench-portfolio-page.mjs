// The page's portfolio panel on a generated county table in headless Chromium (after `make site`):
// the pool of Web Workers (one per core the browser reports), wall time and roofs/s as the page
// shows them, and its totals (as displayed) against the sum of single calculate() calls in Node.
//   node scripts/bench-portfolio-page.mjs [roofs=10000]
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startSite } from './site-server.mjs';
import { generateRoofs, singleCallTotals, toCsv } from './roofs.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const n = Number(process.argv[2] ?? 10000);
const { server, url } = await startSite(join(repo, 'target', 'site'));
const rows = generateRoofs(n);
const file = join(mkdtempSync(join(tmpdir(), 'rooftop-pv-bench-')), `county-${n}.csv`);
writeFileSync(file, toCsv(rows));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'rooftop-pv-bench-profile-')), {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, locale: 'en-US',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(600000);
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  await page.selectOption('#lang', 'en');
  await page.setInputFiles('#pf-file', file);
  await page.waitForFunction(() => /roofs, \d+ columns/.test(document.getElementById('pf-status').textContent));
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.click('#pf-run');
  await page.waitForFunction(() => document.body.dataset.portfolio === 'done');
  console.log(`Chromium (navigator.hardwareConcurrency ${cores}): ${await page.textContent('#pf-status')}`);
  const cells = await page.locator('#pf-totals tbody td').allTextContents();
  const shown = (i) => Number(cells[i].replace(/,/g, ''));
  const pv = await import(join(repo, 'pkg', 'node.mjs'));
  const sums = singleCallTotals(pv.calculate, rows.slice(1));
  // The totals row: group, roofs, kWp (1 decimal), kWh, investment, savings (whole), coal, CO₂ (1 decimal).
  const order = [['capacityKwp', 2, 0.05], ['annualKwh', 3, 0.5], ['investmentYuan', 4, 0.5], ['firstYearSavingsYuan', 5, 0.5],
    ['coalT', 6, 0.05], ['co2T', 7, 0.05]];
  let ok = shown(1) === n;
  for (const [k, i, tol] of order) {
    const agree = Math.abs(shown(i) - sums[k]) <= tol + 1e-9 * Math.abs(sums[k]);
    ok &&= agree;
    console.log(`  ${k}: page ${cells[i]} vs sum of ${n} single calls ${sums[k].toFixed(2)} ${agree ? 'ok' : 'DIFFERS'}`);
  }
  if (!ok) throw new Error('the page totals differ from the sum of single calls');
  console.log(`  ${shown(1)} roofs; the totals agree to the digits shown`);
} finally {
  await context.close();
  server.kill('SIGTERM');
}
