// The hostile inputs of issue 16 through the built package, each in a fresh Node process: the
// longest a call blocks [ms] (worst of its repeats, wall clock and the process's CPU time, which a
// busy machine disturbs less; the input is built before the clock starts), the wasm memory after
// it [MiB] and what it threw; then inputs at the caps, read in full. Measures only, asserts
// nothing (tests/js/hostile.test.mjs asserts the errors and that memory returns to its baseline).
//   node scripts/hostile.mjs [package entry, default pkg/node.mjs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { weatherText } from '../tests/fixtures.mjs';

const here = fileURLToPath(import.meta.url);
const entry = resolve(process.argv[2] ?? resolve(here, '../../pkg/node.mjs'));

const small = () => ({ system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } });
const withGetter = (thrown) => {
  const s = { ...small(), resource: { method: 'weatherFile', text: 'x'.repeat(1 << 20) } };
  Object.defineProperty(s, 'usage', { enumerable: true, get() { throw thrown; } });
  return s;
};
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return { ...small(), usage: proxy };
};
const schedule = (rows) =>
  Array.from({ length: rows }, (_, i) => ({ months: rows === 12 ? [i + 1] : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: Array(24).fill(i % 2 ? 'peak' : 'flat') }));
const nested = (levels) => {
  const root = {};
  let o = root;
  for (let i = 0; i < levels; i++) o = o.a = {};
  return root;
};
const datong = () => weatherText('CHN_Shanxi.Datong.534870_CSWD.epw');
const site = { latitude: 40.1, longitude: 113.33 };
const hourlyLoad = () => `kW\n${Array.from({ length: 8760 }, (_, h) => 50 + (h % 24)).join('\n')}`;

// name → [repeats, make the input (not timed), call(pv, input)]
const CASES = {
  'planes 50,000': [1, () => ({ ...small(), system: { capacityKwp: 100,
    planes: Array.from({ length: 50000 }, () => ({ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 / 50000 })) } }), (pv, s) => pv.calculate(s)],
  'stationId 2 MB (calculate)': [1, () => ({ ...small(), resource: { method: 'station', stationId: 'x'.repeat(2e6) } }), (pv, s) => pv.calculate(s)],
  'stationClimate 2 MB id': [1, () => 'x'.repeat(2e6), (pv, id) => pv.stationClimate(id)],
  'time-of-use rows 10^6': [1, () => ({ ...small(), tariff: { timeOfUse: { prices: { peak: 1, flat: 0.6, valley: 0.3 }, schedule: schedule(1e6) } } }), (pv, s) => pv.calculate(s)],
  'load text 300 MB': [1, () => ({ ...small(), usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: '1\n'.repeat(150e6) } } }), (pv, s) => pv.calculate(s)],
  'usage.mode 1.4e8 chars': [1, () => ({ ...small(), usage: { mode: 'x'.repeat(1.4e8) } }), (pv, s) => pv.calculate(s)],
  'usage.mode 1e7 chars (echo)': [3, () => ({ ...small(), usage: { mode: 'x'.repeat(1e7) } }), (pv, s) => pv.calculate(s)],
  'findStations({length: 4e8})': [3, () => ({ length: 4e8 }), (pv, q) => pv.findStations(q)],
  'findStations 1e7 chars': [3, () => '北'.repeat(1e7), (pv, q) => pv.findStations(q)],
  'nesting 10,000 deep': [3, () => ({ ...small(), site: nested(1e4) }), (pv, s) => pv.calculate(s)],
  'throwing getter + 1 MB text ×2000': [2000, () => withGetter(new Error('getter')), (pv, s) => pv.calculate(s)],
  'getter throws 42 + 1 MB text ×2000': [2000, () => withGetter(42), (pv, s) => pv.calculate(s)],
  'revoked Proxy': [3, revoked, (pv, s) => pv.calculate(s)],
  'Proxy ownKeys trap throws': [3, () => ({ ...small(), usage: new Proxy({}, { ownKeys() { throw new Error('trap'); } }) }), (pv, s) => pv.calculate(s)],
  'BigInt capacity': [3, () => ({ ...small(), system: { capacityKwp: 100n } }), (pv, s) => pv.calculate(s)],
  'Symbol in stationId': [3, () => ({ ...small(), resource: { method: 'station', stationId: Symbol('s') } }), (pv, s) => pv.calculate(s)],
  'function in usage': [3, () => ({ ...small(), usage: () => 1 }), (pv, s) => pv.calculate(s)],
  // Inputs at the caps, which are read in full.
  'at cap: 50 planes on an EPW year': [3, () => ({ site, resource: { method: 'weatherFile', text: datong() }, system: { capacityKwp: 100,
    planes: Array.from({ length: 50 }, (_, i) => ({ tiltDeg: 10 + (i % 30), azimuthDeg: (i * 7) % 360, shareOfCapacity: 0.02 })) } }), (pv, s) => pv.calculate(s)],
  'at cap: 12 TOU rows, 24 changes, hourly load, 50 years': [3, () => ({ ...small(), lifetime: { years: 50 },
    usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: hourlyLoad() } },
    tariff: { timeOfUse: { prices: { peak: 1, flat: 0.6, valley: 0.3 }, schedule: schedule(12) },
      timeOfUseChanges: Array.from({ length: 24 }, (_, i) => ({ fromYear: 2 + 2 * i, timeOfUse: { prices: { peak: 1 + i / 100, flat: 0.6, valley: 0.3 }, schedule: schedule(12) } })) },
    ownership: { kind: 'owner', loan: { sharePct: 50, ratePct: 4, years: 20 }, tax: { incomeTaxPct: 25, vatPct: 13 } } }), (pv, s) => pv.calculate(s)],
  'at cap: unknown stationId of 256 chars': [3, () => ({ ...small(), resource: { method: 'station', stationId: '北'.repeat(256) } }), (pv, s) => pv.calculate(s)],
  'at cap: findStations of 256 chars': [3, () => '北'.repeat(256), (pv, q) => pv.findStations(q)],
  'at cap: EPW rows repeated to 50 MiB': [3, () => {
    const d = datong();
    const head = d.split('\n').slice(0, 8).join('\n');
    const rows = d.split('\n').slice(8).join('\n');
    let t = head;
    while (t.length + rows.length < 50 * 1024 * 1024) t += `\n${rows}`;
    return t;
  }, (pv, t) => pv.parseWeather(t)],
  'at cap: 20 MiB load text': [3, () => ({ ...small(), usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: '1\n'.repeat(10 * 1024 * 1024 - 1) } } }), (pv, s) => pv.calculate(s)],
};

if (process.argv[3]) {
  const pv = await import(pathToFileURL(entry));
  const [repeats, make, call] = CASES[process.argv[3]];
  const memory = pv.initSync().memory;
  const input = make();
  const before = memory.buffer.byteLength;
  let worst = 0;
  let worstCpu = 0;
  let outcome = 'returned';
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    try {
      call(pv, input);
    } catch (e) {
      const text = String(e.message ?? e);
      outcome = `${e.name}${e.code ? ` ${e.code} @${JSON.stringify(e.field)}` : ''}: ${text.slice(0, 70)}${text.length > 70 ? `… (${text.length} chars)` : ''}`;
    }
    worst = Math.max(worst, performance.now() - t0);
    const c = process.cpuUsage(c0);
    worstCpu = Math.max(worstCpu, (c.user + c.system) / 1000);
  }
  const mib = (b) => (b / 2 ** 20).toFixed(1);
  console.log(JSON.stringify({ worstMs: Math.round(worst), worstCpuMs: Math.round(worstCpu), memoryBeforeMiB: mib(before), memoryAfterMiB: mib(memory.buffer.byteLength), outcome }));
} else {
  console.log(`package: ${entry}`);
  console.log('| case | worst blocking [ms] (process CPU [ms]) | wasm memory before → after [MiB] | outcome |');
  console.log('|---|---|---|---|');
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', here, entry, name], { encoding: 'utf8' });
    let row;
    try {
      const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
      row = [`${m.worstMs} (${m.worstCpuMs})`, `${m.memoryBeforeMiB} → ${m.memoryAfterMiB}`, m.outcome];
    } catch {
      row = ['–', '–', `process died: ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0]?.slice(0, 80)}`];
    }
    console.log(`| ${name} | ${row.join(' | ')} |`);
  }
}
