// `make bench`, the Node half: the built npm package (pkg/node.cjs) in Node against PySAM's PVWatts v8
// on the same weather files and system in the same run, and every other method, in one table.
//   - weatherFile calculate() on three files (CSWD EPW Datong, TMY3 Greensboro, NSRDB PSM3):
//     "fresh" = a new file each call (16 copies in turn, the site's elevation a millimetre apart,
//     so that nothing computed for an earlier call is reused), "repeated" = the same file again (as a
//     page recalculating the same roof); 4 kWp, tilt 20° south, roof mount; median of 200 calls after
//     a warm-up of at least 1 s (scripts/bench-timing.mjs).
//     PySAM Pvwattsv8 on the same file and system (file read + simulate): median of 20 runs
//     (scripts/bench_pysam.py); the ratio is PySAM / ours-fresh.
//   - station, monthly and fullLoadHours methods; the 25-year hourly money with a two-shift load
//     and time-of-use prices (shuozhou-4mw-owner-tou): medians of 200–1,000 calls.
//   - the first three calls and the tenth after loading the package, each in a new Node process
//     (median of 7 processes), and the load itself; then the same under two diagnostic V8 flag sets that
//     split call 1 into lazy compilation, baseline-code running and the background tier-up.
// Usage: node scripts/bench-node.mjs   (run by `make bench`; PySAM from .venv)
import { timeCalls } from './bench-timing.mjs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { pvlibDataDir, weatherText } from '../tests/fixtures.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(repo, 'pkg/node.cjs');
const pv = createRequire(import.meta.url)(pkg);
const python = join(repo, '.venv/bin/python');
const tmp = mkdtempSync(join(tmpdir(), 'rooftop-pv-bench-'));
const ms = (v) => `${v.toFixed(2)} ms`;
const msCpu = (t) => `${ms(t.median)} (${t.cpuMedian.toFixed(2)})`;
const example = (id) => pv.presets().scenarios.find((s) => s.id === id).scenario;
const system = { capacityKwp: 4, planes: [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }] };

// The NSRDB PSM3 file as NSRDB serves it (metadata lines, no pandas index column), as
// tests/weather_common psm3_served() builds it.
const PSM3_META =
  'Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation,Local Time Zone,Dew Point Units,' +
  'DHI Units,DNI Units,GHI Units,Temperature Units,Pressure Units,Wind Direction Units,Wind Speed Units,' +
  'Surface Albedo Units,Version\nNSRDB,-,-,-,-,40.5137,-108.5449,-7,1900,-7,c,w/m2,w/m2,w/m2,c,mbar,Degrees,m/s,N/A,3.0.6\n';
const psm3 = PSM3_META + weatherText('test_psm3_tmy-2017.csv').split('\n').filter((l) => l.trim())
  .map((l) => l.slice(l.indexOf(',') + 1)).join('\n') + '\n';

// Each file with a way to move its site's elevation by `k` mm (line, field of the elevation).
const files = [
  { name: 'CSWD EPW (Datong)', file: 'CHN_Shanxi.Datong.534870_CSWD.epw',
    text: weatherText('CHN_Shanxi.Datong.534870_CSWD.epw'), line: 0, field: 9 },
  { name: 'TMY3 (Greensboro)', file: '723170TYA.CSV',
    text: readFileSync(join(pvlibDataDir(), '723170TYA.CSV'), 'latin1'), line: 0, field: 6 },
  { name: 'NSRDB PSM3 (40.5 N 108.5 W)', file: 'psm3.csv', text: psm3, line: 1, field: 8 },
];
const variant = (f, k) => {
  const nl = [-1];
  for (let i = 0; nl.length <= f.line + 1; i++) nl.push(f.text.indexOf('\n', i) === -1 ? f.text.length : (i = f.text.indexOf('\n', i)));
  const line = f.text.slice(nl[f.line] + 1, nl[f.line + 1]).split(',');
  line[f.field] = (Number(line[f.field]) + k / 1000).toFixed(3);
  return f.text.slice(0, nl[f.line] + 1) + line.join(',') + f.text.slice(nl[f.line + 1]);
};

// (The machine too: the same 2-core kind of VM has measured 1.4-1.7× apart in speed, 2026-12-08.)
console.log(`node ${process.version}, rooftop-pv ${pv.version()}, ${new Date().toISOString()}, load average ${loadavg()[0].toFixed(2)}, ` +
  `${cpus().length} × ${cpus()[0].model}${cpus()[0].speed ? ` at ${cpus()[0].speed} MHz` : ''}`);
console.log('Times: median wall ms (median process CPU ms per call in brackets: the wall time on a shared machine also counts waits for a core)');
console.log('weatherFile calculate() | ours fresh | ours repeated | PySAM Pvwattsv8 | PySAM / ours fresh | annual AC ours / PySAM');
for (const f of files) {
  const path = join(tmp, f.file);
  writeFileSync(path, f.text, 'latin1');
  const runs = 200;
  // 16 copies, used in turn: more than the 4 sun paths kept, so every call computes its own (and
  // few enough not to time the garbage collection of hundreds of megabytes of strings).
  const fresh = Array.from({ length: 16 }, (_, k) => ({ system, resource: { method: 'weatherFile', text: variant(f, k + 1) } }));
  let k = 0;
  const tFresh = timeCalls(() => pv.calculate(fresh[k++ % fresh.length]), runs);
  const same = { system, resource: { method: 'weatherFile', text: f.text } };
  const ours = pv.calculate(same).energy.annualKwh;
  const tSame = timeCalls(() => pv.calculate(same), runs);
  const ref = JSON.parse(execFileSync(python, [join(repo, 'scripts/bench_pysam.py'), path, '20']).toString());
  console.log(`${f.name} | ${msCpu(tFresh)} | ${msCpu(tSame)} | ${ref.pysam} ${ms(ref.median_ms)} | ` +
    `${(ref.median_ms / tFresh.median).toFixed(1)}× | ${ours.toFixed(1)} / ${ref.annual_ac_kwh.toFixed(1)} kWh`);
}

const station = { system, resource: { method: 'station', stationId: '537720' } };
const monthly = { system, site: { latitude: 37.87, longitude: 112.55 },
  resource: { method: 'monthly', ghiKwhM2: [80, 95, 130, 150, 170, 165, 155, 145, 120, 100, 80, 70] } };
const flh = example('shuozhou-6mw');
const money = example('shuozhou-4mw-owner-tou');
for (const [name, s, n] of [
  ['station (Taiyuan 537720)', station, 200],
  ['monthly (12 GHI values at Taiyuan)', monthly, 200],
  ['fullLoadHours (shuozhou-6mw)', flh, 1000],
  ['25-year hourly money, two-shift load + TOU (shuozhou-4mw-owner-tou)', money, 200],
]) {
  const t = timeCalls(() => pv.calculate(s), n);
  console.log(`${name}: median ${msCpu(t)} (p10 ${t.p10.toFixed(2)}, p90 ${t.p90.toFixed(2)}, n=${n})`);
}

// First calls after loading, each in a new process: Datong weatherFile calculate(). For each, the
// wall time, the CPU time of the process (V8 compiles optimised code on background threads during
// call 1: on a loaded 2-core machine those threads and the main thread share the cores) and of the
// main thread alone (Linux /proc schedstat, which lags by up to one scheduler tick at each end:
// read as medians of several processes).
const datongPath = join(tmp, files[0].file);
const child = `
const fs = require('fs');
const mainCpu = () => { try { return Number(fs.readFileSync('/proc/self/task/' + process.pid + '/schedstat', 'utf8').split(' ')[0]) / 1e6; } catch { return NaN; } };
const out = [];
const time = (f) => { const m0 = mainCpu(), c0 = process.cpuUsage(), t0 = process.hrtime.bigint(); f(); const t1 = process.hrtime.bigint();
  const c = process.cpuUsage(c0); out.push([Number(t1 - t0) / 1e6, (c.user + c.system) / 1e3, mainCpu() - m0]); };
let pv;
time(() => { pv = require(${JSON.stringify(pkg)}); });
const text = fs.readFileSync(${JSON.stringify(datongPath)}, 'latin1');
const s = { system: ${JSON.stringify(system)}, resource: { method: 'weatherFile', text } };
for (let i = 0; i < 10; i++) time(() => pv.calculate(s));
console.log(JSON.stringify(out));`;
const firstCalls = (flags) => {
  const procs = Array.from({ length: 7 }, () => JSON.parse(execFileSync(process.execPath, [...flags, '-e', child]).toString()));
  const med = (i, k) => procs.map((p) => p[i][k]).sort((a, b) => a - b)[3];
  const one = (i) => `${ms(med(i, 0))} (${med(i, 1).toFixed(1)} / ${med(i, 2).toFixed(1)})`;
  return `load ${one(0)}, calls 1/2/3: ${one(1)} / ${one(2)} / ${one(3)}, call 10: ${one(10)}`;
};
console.log('first calls: wall (process CPU / main-thread CPU) [ms]');
console.log(`after loading (new process each, median of 7): ${firstCalls([])}`);
// Where call 1's time goes, by V8's wasm tiers (diagnostic flags, not how the package runs): without
// the optimising tier-up compiling in the background during the call (baseline code only), and with
// every function compiled by the optimising compiler while loading (no lazy compilation in call 1).
console.log(`  the same, baseline (Liftoff) code only, --liftoff-only: ${firstCalls(['--liftoff-only'])}`);
console.log(`  the same, all compiled while loading, --no-wasm-lazy-compilation --no-liftoff: ${firstCalls(['--no-wasm-lazy-compilation', '--no-liftoff'])}`);
