// Portfolio benchmark (issue 14): generated county tables of 1,000 / 5,000 / 10,000 roofs on the
// station method through the package's CLI (`cli.mjs portfolio`, worker threads) on 2 workers: wall
// time, roofs/s, and roofs per CPU-second (the process's CPU time, workers included, which other
// load on the machine does not distort); the growth from 1k to 10k; and the 10,000-roof totals
// checked against the sum of single calculate() calls. Run after `make pkg`:
//   node scripts/bench-portfolio.mjs [--workers 2] [--sizes 1000,5000,10000] [--no-check]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { generateRoofs, singleCallTotals, toCsv } from './roofs.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const workers = Number(arg('--workers', 2));
const sizes = arg('--sizes', '1000,5000,10000').split(',').map(Number);
const dir = `${repo}/target/bench-portfolio`;
mkdirSync(dir, { recursive: true });
console.log(`${cpus().length} CPUs (${cpus()[0].model}), Node ${process.version}, ${workers} workers`);

const runs = [];
for (const n of sizes) {
  const file = `${dir}/roofs-${n}.csv`;
  writeFileSync(file, toCsv(generateRoofs(n)));
  const run = spawnSync(process.execPath, [`${repo}/pkg/cli.mjs`, 'portfolio', file, '-o', `${dir}/results-${n}.csv`,
    '--workers', String(workers), '--lang', 'en'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`cli failed: ${run.stderr}`);
  const m = run.stderr.match(/([\d,]+) roofs in ([\d.]+) s \(([\d,]+) roofs\/s, \d+ workers; CPU ([\d.]+) s/);
  const [, , seconds, , cpuSeconds] = m;
  runs.push({ n, seconds: Number(seconds), cpuSeconds: Number(cpuSeconds) });
  const r = runs.at(-1);
  console.log(`${String(n).padStart(6)} roofs: ${r.seconds.toFixed(2)} s wall (${(n / r.seconds).toFixed(0)} roofs/s), `
    + `CPU ${r.cpuSeconds.toFixed(2)} s (${(n / r.cpuSeconds).toFixed(0)} roofs per CPU-second, `
    + `${((2 * n) / r.cpuSeconds).toFixed(0)} roofs/s on 2 free cores), ${((r.cpuSeconds / n) * 1000).toFixed(2)} CPU-ms per roof`);
}
if (runs.length > 1) {
  const [a, b] = [runs[0], runs.at(-1)];
  console.log(`growth ${a.n} → ${b.n} roofs (×${(b.n / a.n).toFixed(0)}): wall ×${(b.seconds / a.seconds).toFixed(2)}, `
    + `CPU ×${(b.cpuSeconds / a.cpuSeconds).toFixed(2)} (linear: CPU per roof ${((a.cpuSeconds / a.n) * 1e3).toFixed(2)} → `
    + `${((b.cpuSeconds / b.n) * 1e3).toFixed(2)} ms)`);
  const perRoof = b.cpuSeconds / b.n;
  console.log(`1,000,000 roofs at ${(perRoof * 1e3).toFixed(2)} CPU-ms each: ${(1e6 * perRoof / 3600).toFixed(2)} CPU-hours, `
    + `${((1e6 * perRoof) / 2 / 60).toFixed(0)} min on 2 free cores, ${((1e6 * perRoof) / 16 / 60).toFixed(1)} min on 16`);
}

if (!process.argv.includes('--no-check')) {
  // The largest run's totals against single calculate() calls on the generator's own scenarios.
  const pv = await import(`${repo}/pkg/node.mjs`);
  const n = sizes.at(-1);
  const rows = generateRoofs(n).slice(1);
  const t0 = performance.now();
  const sums = singleCallTotals(pv.calculate, rows);
  const singleSeconds = (performance.now() - t0) / 1000;
  const totals = readFileSync(`${dir}/results-${n}.totals.csv`, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  const head = totals[0].split(',');
  const all = totals[1].split(',');
  const cli = (k) => Number(all[head.indexOf(k)]);
  let worst = 0;
  for (const k of Object.keys(sums)) {
    const rel = Math.abs(cli(k) - sums[k]) / Math.abs(sums[k]);
    worst = Math.max(worst, rel);
    console.log(`  ${k}: CLI ${cli(k)} vs sum of ${n} single calls ${sums[k].toFixed(4)} (rel. diff ${rel.toExponential(1)})`);
  }
  console.log(`${n} single calls in one thread: ${singleSeconds.toFixed(1)} s; totals agree within ${worst.toExponential(1)} `
    + '(the CSV rounds to 4 decimals)');
  if (worst > 1e-9) throw new Error('the CLI totals differ from the sum of single calls');
}
