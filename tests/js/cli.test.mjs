// The package's command line end to end, as a user runs it (`npx rooftop-pv portfolio …` from the
// installed package): a generated county table as CSV and as .xlsx, on two worker threads, its totals
// against the sum of single calculate() calls on the generator's own scenarios; bad rows reported
// with row and column; a file above the limit refused before reading; missing columns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import * as pv from 'rooftop-pv';
import { REPO } from '../fixtures.mjs';

const { generateRoofs, singleCallTotals, toCsv, toXlsx } = await import(`${REPO}/scripts/roofs.mjs`);
const cli = createRequire(import.meta.url).resolve('rooftop-pv/package.json').replace(/package\.json$/, 'cli.mjs');
const dir = mkdtempSync(`${tmpdir()}/rooftop-pv-cli-`);
const run = (...args) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
const csvRows = (file) => readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));

const sums = (rows) => singleCallTotals(pv.calculate, rows);

function assertTotals(file, want, n) {
  const [head, all] = csvRows(file);
  assert.equal(all[head.indexOf('roofs')], String(n));
  for (const [k, v] of Object.entries(want)) {
    const got = Number(all[head.indexOf(k)]);
    // The CSV carries 4 decimals.
    assert.ok(Math.abs(got - v) <= 6e-5 + 1e-12 * Math.abs(v), `${k}: CLI ${got} vs single calls ${v}`);
  }
}

test('CSV: 400 roofs on 2 workers, totals equal the sum of single calls, a bad row named', () => {
  const rows = generateRoofs(400, 7);
  const bad = [...rows[5]];
  bad[5] = '7'; // 7 m² of colour steel (2.65 m square): no module fits inside 1 m setbacks
  bad[4] = '彩钢瓦';
  bad[3] = '';
  bad[0] = 'tiny roof';
  const file = `${dir}/county.csv`;
  writeFileSync(file, toCsv([...rows, bad]));
  const r = run('portfolio', file, '-o', `${dir}/out.csv`, '--workers', '2', '--lang', 'en');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /\[#+\] 100% 401\/401 roofs/);
  assert.match(r.stderr, /401 roofs in [\d.]+ s \([\d,]+ roofs\/s, 2 workers/);
  assert.match(r.stderr, /row 402, 屋顶面积\(m²\): .*holds no .*\[out_of_range\]/);
  const results = csvRows(`${dir}/out.csv`);
  assert.equal(results.length, 1 + 401);
  assert.equal(results.at(-1)[0], '402');
  assertTotals(`${dir}/out.totals.csv`, sums(rows.slice(1)), 400);
});

test('.xlsx: the same roofs read from a spreadsheet give the same totals', () => {
  const rows = generateRoofs(150, 9);
  writeFileSync(`${dir}/county.xlsx`, toXlsx(rows));
  const r = run('portfolio', `${dir}/county.xlsx`, '--workers', '2', '--lang', 'en');
  assert.equal(r.status, 0, r.stderr);
  assertTotals(`${dir}/county.totals.csv`, sums(rows.slice(1)), 150);
  const towns = csvRows(`${dir}/county.totals.csv`).slice(2).map((g) => g[0]);
  assert.ok(towns.length > 5 && towns.every((t) => /[\u4e00-\u9fff]/.test(t)), `${towns}`);
});

test('refusals: a 50 MB file before reading, missing columns, a bad option', () => {
  writeFileSync(`${dir}/huge.csv`, Buffer.alloc(50 * 1024 * 1024, 0x41));
  let r = run('portfolio', `${dir}/huge.csv`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /50\.0 MB, above the limit of 25\.0 MB/);
  writeFileSync(`${dir}/cols.csv`, '名称,乡镇\n一中,城关镇\n');
  r = run('portfolio', `${dir}/cols.csv`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /lacks required columns.*\[missing_field\]/);
  r = run('portfolio', `${dir}/cols.csv`, '--workers', 'many');
  assert.equal(r.status, 2);
  r = run('template', '--lang', 'en');
  assert.equal(r.status, 0);
  assert.equal(r.stdout, pv.roofTableTemplate('en'));
});
