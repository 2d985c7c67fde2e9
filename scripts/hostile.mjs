// The hostile inputs of issue 16 through the built package, each in a fresh Node process: the
// longest a call blocks [ms] (worst of its repeats), the wasm memory after it [MiB] and what it
// threw. Measures only; asserts nothing (tests/js/hostile.test.mjs asserts the errors and that
// memory returns to its baseline).
//   node scripts/hostile.mjs [package entry, default pkg/node.mjs]
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(import.meta.url);
const entry = resolve(process.argv[2] ?? resolve(here, '../../pkg/node.mjs'));

const small = () => ({ system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } });
const epwLike = 'x'.repeat(1 << 20);
const withGetter = (thrown) => {
  const s = { ...small(), resource: { method: 'weatherFile', text: epwLike } };
  Object.defineProperty(s, 'usage', { enumerable: true, get() { throw thrown; } });
  return s;
};
const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return { ...small(), usage: proxy };
};
const schedule = (rows) =>
  Array.from({ length: rows }, () => ({ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: Array(24).fill('flat') }));

// name → [repeats, call(pv)]
const CASES = {
  'planes 50,000': [1, (pv) => pv.calculate({ ...small(), system: { capacityKwp: 100,
    planes: Array.from({ length: 50000 }, () => ({ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 / 50000 })) } })],
  'stationId 2 MB (calculate)': [1, (pv) => pv.calculate({ ...small(), resource: { method: 'station', stationId: 'x'.repeat(2e6) } })],
  'stationClimate 2 MB id': [1, (pv) => pv.stationClimate('x'.repeat(2e6))],
  'time-of-use rows 10^6': [1, (pv) => pv.calculate({ ...small(), tariff: { timeOfUse: {
    prices: { peak: 1, flat: 0.6, valley: 0.3 }, schedule: schedule(1e6) } } })],
  'load text 300 MB': [1, (pv) => pv.calculate({ ...small(), usage: { mode: 'selfUseSurplus',
    load: { kind: 'intervalCsv', text: '1\n'.repeat(150e6) } } })],
  'usage.mode 1.4e8 chars': [1, (pv) => pv.calculate({ ...small(), usage: { mode: 'x'.repeat(1.4e8) } })],
  'usage.mode 1e7 chars (echo)': [3, (pv) => pv.calculate({ ...small(), usage: { mode: 'x'.repeat(1e7) } })],
  'findStations({length: 4e8})': [3, (pv) => pv.findStations({ length: 4e8 })],
  'findStations 1e7 chars': [3, (pv) => pv.findStations('北'.repeat(1e7))],
  'nesting 10,000 deep': [3, (pv) => { let o = {}; const s = { ...small(), x: o }; for (let i = 0; i < 1e4; i++) { o.a = {}; o = o.a; } return pv.calculate(s); }],
  'throwing getter + 1 MB text ×2000': [2000, (pv) => pv.calculate(withGetter(new Error('getter')))],
  'getter throws 42 + 1 MB text ×2000': [2000, (pv) => pv.calculate(withGetter(42))],
  'revoked Proxy': [3, (pv) => pv.calculate(revoked())],
  'Proxy ownKeys trap throws': [3, (pv) => pv.calculate({ ...small(), usage: new Proxy({}, { ownKeys() { throw new Error('trap'); } }) })],
  'BigInt capacity': [3, (pv) => pv.calculate({ ...small(), system: { capacityKwp: 100n } })],
  'Symbol in stationId': [3, (pv) => pv.calculate({ ...small(), resource: { method: 'station', stationId: Symbol('s') } })],
  'function in usage': [3, (pv) => pv.calculate({ ...small(), usage: () => 1 })],
};

if (process.argv[3]) {
  const pv = await import(pathToFileURL(entry));
  const [repeats, call] = CASES[process.argv[3]];
  const memory = pv.initSync().memory;
  const before = memory.buffer.byteLength;
  let worst = 0;
  let outcome = 'returned';
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    try {
      call(pv);
    } catch (e) {
      const text = String(e.message ?? e);
      outcome = `${e.name}${e.code ? ` ${e.code} @${JSON.stringify(e.field)}` : ''}: ${text.slice(0, 70)}${text.length > 70 ? `… (${text.length} chars)` : ''}`;
    }
    worst = Math.max(worst, performance.now() - t0);
  }
  const mib = (b) => (b / 2 ** 20).toFixed(1);
  console.log(JSON.stringify({ worstMs: Math.round(worst), memoryBeforeMiB: mib(before), memoryAfterMiB: mib(memory.buffer.byteLength), outcome }));
} else {
  console.log(`package: ${entry}`);
  console.log('| case | worst blocking [ms] | wasm memory before → after [MiB] | outcome |');
  console.log('|---|---|---|---|');
  for (const name of Object.keys(CASES)) {
    const r = spawnSync(process.execPath, ['--max-old-space-size=8192', here, entry, name], { encoding: 'utf8' });
    let row;
    try {
      const m = JSON.parse(r.stdout.trim().split('\n').at(-1));
      row = [m.worstMs, `${m.memoryBeforeMiB} → ${m.memoryAfterMiB}`, m.outcome];
    } catch {
      row = ['–', '–', `process died: ${(r.stderr || r.stdout).trim().split('\n').slice(-1)[0]?.slice(0, 80)}`];
    }
    console.log(`| ${name} | ${row.join(' | ')} |`);
  }
}
