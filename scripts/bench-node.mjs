// Times `calculate` of the built npm package in Node: the median of 1,000 calls of the Shuozhou
// 6 MW example (after 100 warm-up calls). Run by `make bench`; prints one line per figure.
import { createRequire } from 'node:module';

const pv = createRequire(import.meta.url)('../pkg/node/rooftop_pv.js');
const scenario = pv.presets().scenarios.find((s) => s.id === 'shuozhou-6mw').scenario;
const times = [];
for (let i = 0; i < 1100; i++) {
  const t0 = process.hrtime.bigint();
  pv.calculate(scenario);
  const t1 = process.hrtime.bigint();
  if (i >= 100) times.push(Number(t1 - t0) / 1e3);
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.floor(q * (times.length - 1))];
console.log(`calculate(shuozhou-6mw) in Node ${process.version}, n=${times.length}: ` +
  `median ${at(0.5).toFixed(1)} µs, p10 ${at(0.1).toFixed(1)} µs, p90 ${at(0.9).toFixed(1)} µs`);
