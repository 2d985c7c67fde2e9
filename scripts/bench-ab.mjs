// A/B of built packages, interleaved (a shared, noisy machine): the small calculate() calls of
// `node scripts/bench-node.mjs` (fullLoadHours shuozhou-6mw, station Taiyuan, monthly at Taiyuan,
// 25-year hourly money shuozhou-4mw-owner-tou), 5 rounds in turn; per package the best and the
// middle of the 5 medians [ms per call].
// Usage: node scripts/bench-ab.mjs OLD_PKG_DIR NEW_PKG_DIR …   (each a built pkg/, e.g. a copy of
// pkg/ made before a change, then pkg)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { loadavg } from 'node:os';
import { timeCalls } from './bench-timing.mjs';

const require = createRequire(import.meta.url);
const pkgs = process.argv.slice(2).map((d) => require(resolve(d, 'node.cjs')));
const system = { capacityKwp: 4, planes: [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }] };
const example = (pv, id) => pv.presets().scenarios.find((s) => s.id === id).scenario;
const cases = [
  ['fullLoadHours (shuozhou-6mw)', (pv) => example(pv, 'shuozhou-6mw'), 1000],
  ['station (Taiyuan 537720)', () => ({ system, resource: { method: 'station', stationId: '537720' } }), 200],
  ['monthly (12 GHI values at Taiyuan)', () => ({ system, site: { latitude: 37.87, longitude: 112.55 },
    resource: { method: 'monthly', ghiKwhM2: [80, 95, 130, 150, 170, 165, 155, 145, 120, 100, 80, 70] } }), 200],
  ['25-year hourly money (shuozhou-4mw-owner-tou)', (pv) => example(pv, 'shuozhou-4mw-owner-tou'), 200],
];
console.log(`load average ${loadavg()[0].toFixed(2)}; per package: best / middle of 5 interleaved medians [ms]`);
for (const [name, scenario, n] of cases) {
  const medians = pkgs.map(() => []);
  for (let round = 0; round < 5; round++) {
    pkgs.forEach((pv, i) => {
      const s = scenario(pv);
      medians[i].push(timeCalls(() => pv.calculate(s), n).median);
    });
  }
  const cells = medians.map((m) => m.sort((a, b) => a - b)).map((m) => `${m[0].toFixed(3)} / ${m[2].toFixed(3)}`);
  console.log(`${name} | ${cells.join(' | ')}`);
}
