// `make bench`, the Node half: times the built npm package (pkg/node) in Node and PySAM's
// PVWatts v8 on the same weather file in the same run, and prints both and their ratio.
//   1. calculate() of the Shuozhou 6 MW example (annual yield, no weather): median of 1,000 calls.
//   2. calculate() on a weather file (parse + sun path + PVWatts v8 chain + money + emissions),
//      4 kWp, tilt 20° south, roof mount: median of 200 calls; PySAM Pvwattsv8 on the same file and
//      system (file read + simulate), median of 20 runs (scripts/bench_pysam.py).
import { timeCalls } from './bench-timing.mjs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { weatherBytes } from '../tests/fixtures.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const pv = createRequire(import.meta.url)(join(repo, 'pkg/node/rooftop_pv.js'));
const python = join(repo, '.venv/bin/python');


const shuozhou = pv.presets().scenarios.find((s) => s.id === 'shuozhou-6mw').scenario;
console.log(`node ${process.version}, rooftop-pv ${pv.version()}`);
console.log(`calculate(shuozhou-6mw): median ${(timeCalls(() => pv.calculate(shuozhou), 1000).median * 1e3).toFixed(1)} µs (n=1000)`);

const pvlibData = execFileSync(python, ['-c', 'import pvlib,os;print(os.path.join(pvlib.__path__[0],"data"))']).toString().trim();
// PySAM reads a file: the Datong EPW of tests/data/weather, decompressed into a temporary folder.
const datong = join(mkdtempSync(join(tmpdir(), 'rooftop-pv-bench-')), 'CHN_Shanxi.Datong.534870_CSWD.epw');
writeFileSync(datong, weatherBytes('CHN_Shanxi.Datong.534870_CSWD.epw'));
const files = [join(pvlibData, '723170TYA.CSV'), datong];
for (const file of files) {
  const text = readFileSync(file, 'latin1');
  const scenario = {
    system: { capacityKwp: 4, planes: [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }] },
    resource: { method: 'weatherFile', text },
  };
  const ours = pv.calculate(scenario).energy.annualKwh;
  const oursMs = timeCalls(() => pv.calculate(scenario), 200).median;
  const ref = JSON.parse(execFileSync(python, [join(repo, 'scripts/bench_pysam.py'), file, '20']).toString());
  console.log(`${file.split('/').pop()}: rooftop-pv (wasm, Node) ${oursMs.toFixed(2)} ms, ${ours.toFixed(1)} kWh | ` +
    `PySAM ${ref.pysam} Pvwattsv8 ${ref.median_ms.toFixed(2)} ms, ${ref.annual_ac_kwh.toFixed(1)} kWh | ` +
    `PySAM / rooftop-pv = ${(ref.median_ms / oursMs).toFixed(1)}×`);
}
