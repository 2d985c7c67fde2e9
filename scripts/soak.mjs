// Soak run (not part of `make test`): millions of mixed valid/invalid calls of every export of a built
// package, printing the externref table length, the wasm memory size and the process RSS as it goes,
// and whether the module still answers at the end. Used for issue 15's before/after numbers:
//   node scripts/soak.mjs [package dir, default pkg] [calls, default 5000000]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? 'pkg');
const calls = Number(process.argv[3] ?? 5_000_000);

const pv = await import(pathToFileURL(`${dir}/node.mjs`));
// The exports of the WebAssembly instance (initSync returns them): its memory and the table.
const exports = pv.initSync();

const small = { system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } };
// Cheap calls most of the time (so that millions run in minutes), every export in every 16 calls.
const light = [
  () => pv.calculate(42),
  () => pv.calculate({}),
  () => pv.version(),
  () => pv.nearestStation(100, 0),
  () => pv.parseWeather('garbage'),
];
const heavy = [
  () => pv.calculate(small),
  () => pv.calculate({ system: { capacityKwp: -1 }, resource: { method: 'fullLoadHours', hours: 1200 } }),
  () => pv.calculate({ ...small, resource: { method: 'weatherFile', text: 'not a weather file' } }),
  () => pv.nearestStation(30, 110),
  () => pv.findStations('zz'),
  () => pv.stations().length,
  () => pv.stationClimate('no-such-station'),
  () => pv.presets(),
];
const call = (i) => (i % 16 === 0 ? heavy[(i / 16) % heavy.length] : light[i % light.length])();
const state = () => ({
  table: exports.__wbindgen_externrefs.length,
  memoryMiB: +(exports.memory.buffer.byteLength / 2 ** 20).toFixed(2),
  rssMiB: +(process.memoryUsage().rss / 2 ** 20).toFixed(1),
});
console.log(`soak ${dir}: ${calls} calls of ${light.length + heavy.length} kinds; start`, state());
const started = performance.now();
let thrown = 0;
let i = 0;
try {
  for (; i < calls; i++) {
    try {
      call(i);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) throw e;
      thrown++;
    }
    if ((i + 1) % 500_000 === 0) console.log(`${i + 1} calls (${thrown} threw)`, state());
  }
} catch (e) {
  console.log(`DIED after ${i} calls (${thrown} threw): ${e}`, state());
}
let answers;
try {
  answers = `presets() has ${Object.keys(pv.presets()).length} keys, calculate(small) = ${pv.calculate(small).energy.annualKwh} kWh`;
} catch (e) {
  answers = `no: ${e}`;
}
console.log(`end after ${((performance.now() - started) / 1000).toFixed(0)} s`, state(), `; module still answers: ${answers}`);
