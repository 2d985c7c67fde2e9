// Times one full 25-year hourly money calculation through the built npm package (pkg/node.cjs) in Node:
// the Shuozhou 4 MW examples (two-shift load, Shanxi time-of-use prices, annual yield shaped over
// clear-sky hours; owner, and EMC with the investor's cash flow), and the same on Datong's weather
// file (the PVWatts v8 chain + the hourly match). Median of many calls after warm-up.
//   node scripts/bench-money.mjs        (run by `make bench`)
import { timeCalls } from './bench-timing.mjs';
import { createRequire } from 'node:module';
import { weatherText } from '../tests/fixtures.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const pv = createRequire(import.meta.url)(join(repo, 'pkg/node.cjs'));

const show = (name, t) => console.log(`${name}: median ${t.median.toFixed(2)} ms (p10 ${t.p10.toFixed(2)}, p90 ${t.p90.toFixed(2)}, n=${t.n})`);

const example = (id) => pv.presets().scenarios.find((s) => s.id === id).scenario;
console.log(`node ${process.version}, rooftop-pv ${pv.version()}: one calculate() = 25 years × 8760 hours matched`);
for (const id of ['shuozhou-4mw-owner-tou', 'shuozhou-4mw-emc-15']) {
  const s = example(id);
  show(`calculate(${id})`, timeCalls(() => pv.calculate(s), 500));
}
// The clear-sky shape of a site is cached between calls (the page recalculates the same roof);
// alternating two sites makes every call shape its hours anew.
{
  const s = example('shuozhou-4mw-owner-tou');
  const sites = [s.site, { ...s.site, latitude: s.site.latitude + 0.01 }];
  let i = 0;
  show('calculate(shuozhou-4mw-owner-tou), hours shaped anew each call', timeCalls(() => pv.calculate({ ...s, site: sites[i++ % 2] }), 500));
}
{
  const text = weatherText('CHN_Shanxi.Datong.534870_CSWD.epw');
  const s = { ...example('shuozhou-4mw-owner-tou'), resource: { method: 'weatherFile', text },
    system: { capacityKwp: 4000, planes: [{ tiltDeg: 30, azimuthDeg: 180, shareOfCapacity: 1 }] } };
  show('calculate(4 MW owner on Datong weather: PVWatts v8 + hourly money)', timeCalls(() => pv.calculate(s), 100));
}
// PV + storage (issue 13): the Shuozhou 4 MW owner with a 1 MW / 2 MWh battery, 25 years hour by hour in
// each dispatch mode (the battery dispatched with the PV and without it), and the sizing sweep.
for (const dispatch of ['timeOfUse', 'peakShaving', 'optimal']) {
  const s = { ...example('shuozhou-4mw-owner-tou'), storage: { energyKwh: 2000, powerKw: 1000, dispatch } };
  show(`calculate(shuozhou-4mw-owner-tou + 1 MW/2 MWh ${dispatch})`, timeCalls(() => pv.calculate(s), 30));
}
{
  const s = { ...example('shuozhou-4mw-owner-tou'), storage: { energyKwh: 2000, powerKw: 1000, dispatch: 'optimal' } };
  const grid = { powersKw: [250, 500, 1000, 2000], durationsH: [0.5, 1, 2, 3, 4] };
  show('sweepStorage(optimal, 4 powers × 5 durations)', timeCalls(() => pv.sweepStorage(s, grid), 5));
}
