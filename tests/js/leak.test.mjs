// No growth per call (issue 15): 100,000 mixed valid and invalid calls of every export of the
// installed package, hostile values included, leave wasm-bindgen's externref table (the exported
// `__wbindgen_externrefs`) and the wasm memory exactly as they were after a warm-up, and the module
// still answers. (Before the fix each throwing `calculate` kept a table slot: after ~4.2 million
// the table could not grow and every call trapped. `node scripts/soak.mjs` runs 5 million.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pv from 'rooftop-pv';

// The exports of the WebAssembly instance (initSync returns them): its memory and the table.
const exports = pv.initSync();

const small = () => ({ system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } });
const circular = small();
circular.self = circular;
const throwingGetter = small();
Object.defineProperty(throwingGetter, 'system', { enumerable: true, get() { throw new Error('getter'); } });
const throwsNumber = small();
Object.defineProperty(throwsNumber, 'usage', { enumerable: true, get() { throw 5; } });
const proxy = new Proxy(small(), { ownKeys() { throw new Error('trap'); } });
const withToJson = { ...small(), toJSON() { throw new Error('toJSON'); } };
const owner = {
  ...small(),
  ownership: { kind: 'owner', capexYuanPerW: 3, discountRatePct: 6, loan: { sharePct: 50, ratePct: 1e-300, years: 10 } },
};

// Every export, valid and invalid, wrong argument types and counts included. The slow calls (a full
// report, the station lists) come once in 16, so that 100,000 calls take seconds.
const slow = [
  () => pv.calculate(small()),
  () => pv.calculate(owner),
  () => pv.presets(),
  () => pv.stations(),
  () => pv.stationClimate('534870'),
  () => pv.findStations('北京'),
];
const fast = [
  () => pv.calculate(42),
  () => pv.calculate(undefined),
  () => pv.calculate({}),
  () => pv.calculate({ bogus: 1 }),
  () => pv.calculate({ ...small(), system: { capacityKwp: NaN } }),
  () => pv.calculate({ ...small(), resource: { method: 'weatherFile', text: 'not a weather file' } }),
  () => pv.calculate({ ...small(), resource: { method: 'weatherFile', text: 42 } }),
  () => pv.calculate(circular),
  () => pv.calculate(throwingGetter),
  () => pv.calculate(throwsNumber),
  () => pv.calculate(proxy),
  () => pv.calculate(withToJson),
  () => pv.calculate({ ...small(), big: 10n }),
  () => pv.parseWeather('garbage'),
  () => pv.parseWeather(5),
  () => pv.parseWeather('garbage', { format: 'nope' }),
  () => pv.parseWeather('garbage', circular),
  () => pv.findStations('zz'),
  () => pv.nearestStation(30, 110),
  () => pv.nearestStation(100, 0),
  () => pv.nearestStation(NaN, 0),
  () => pv.stationClimate('no-such-station'),
  () => pv.version(),
  () => pv.findStations(42),
  () => pv.stationClimate(undefined),
  () => pv.nearestStation(10n, Symbol('s')),
  () => pv.calculate(small(), 'extra'),
];
const call = (i) => (i % 16 === 0 ? slow[(i / 16) % slow.length] : fast[i % fast.length])();

function run(n) {
  let thrown = 0;
  for (let i = 0; i < n; i++) {
    try {
      call(i);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      assert.equal(e.name, 'ScenarioError', `call ${i}: ${e}`);
      thrown++;
    }
  }
  return thrown;
}

test('100,000 mixed calls of every export: externref table and wasm memory do not grow', () => {
  const table = exports.__wbindgen_externrefs;
  assert.ok(table instanceof WebAssembly.Table, 'the externref table is exported as __wbindgen_externrefs');
  run(16 * slow.length * fast.length * 4);
  const before = { table: table.length, memory: exports.memory.buffer.byteLength };
  const n = 100_000;
  const thrown = run(n);
  const after = { table: table.length, memory: exports.memory.buffer.byteLength };
  console.log(`${n} calls (${thrown} threw): table ${before.table} → ${after.table}, memory ${before.memory} → ${after.memory} bytes`);
  assert.ok(thrown > n / 2, `most calls are invalid (${thrown})`);
  assert.deepEqual(after, before, 'growth after warm-up');
  assert.equal(Object.keys(pv.presets()).length > 0, true);
  assert.equal(pv.calculate(small()).energy.annualKwh, 120000, 'still answers: 100 kWp × 1200 h');
});
