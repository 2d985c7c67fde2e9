// Weather files through the installed package: parseWeather, the hourly chain in calculate(), the
// timing check, hourly output, several planes, and bad files (tests/data/weather).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, parseWeather } from 'rooftop-pv';
import { weatherText } from '../fixtures.mjs';

const datong = weatherText('CHN_Shanxi.Datong.534870_CSWD.epw');
const south = [{ tiltDeg: 30, azimuthDeg: 180, shareOfCapacity: 1 }];
const run = (text, planes = south, extra = {}) =>
  calculate({ system: { capacityKwp: 100, planes }, resource: { method: 'weatherFile', text }, ...extra });

test('parseWeather: location, data set, CSWD timing and its check', () => {
  const w = parseWeather(datong);
  assert.equal(w.format, 'epw');
  assert.equal(w.source, 'CSWD');
  assert.equal(w.timing, 'start');
  assert.equal(w.rows, 8760);
  assert.ok(Math.abs(w.location.latitude - 40.1) < 0.1 && Math.abs(w.location.longitude - 113.33) < 0.1);
  assert.ok(w.annualGhiKwhM2 > 1300 && w.annualGhiKwhM2 < 1700, `${w.annualGhiKwhM2}`);
  assert.equal(w.timingCheck.warning, false);
  assert.ok(Math.abs(w.timingCheck.offsetMinutes) < 15);
});

// Rotating the data rows by two hours (every value two hours late) must trip the timing check.
test('a deliberately time-shifted file is flagged by the timing check', () => {
  const lines = datong.split(/\r?\n/);
  const header = lines.slice(0, 8);
  const rows = lines.slice(8).filter((l) => l.trim());
  const fields = rows.map((l) => l.split(','));
  const shifted = fields.map((f, i) => {
    const src = fields[(i - 2 + fields.length) % fields.length];
    return [...f.slice(0, 6), ...src.slice(6)].join(',');
  });
  const text = [...header, ...shifted].join('\n');
  const w = parseWeather(text);
  assert.equal(w.timingCheck.warning, true);
  assert.ok(w.timingCheck.offsetMinutes > 100, `${w.timingCheck.offsetMinutes}`);
  const r = run(text);
  assert.ok(r.warnings.some((x) => x.code === 'timing_offset'));
});

test('the hourly chain through calculate(): POA, PR, losses, hourly kWh as a Float64Array', () => {
  const r = run(datong, south, { output: { hourly: true } });
  const e = r.energy;
  assert.ok(e.hourlyKwh instanceof Float64Array);
  assert.equal(e.hourlyKwh.length, 8760);
  const sum = e.hourlyKwh.reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - e.annualKwh) < 1e-6 * e.annualKwh);
  assert.ok(Math.abs(e.monthlyKwh.reduce((a, b) => a + b, 0) - e.annualKwh) < 1e-6 * e.annualKwh);
  assert.ok(e.performanceRatio > 0.7 && e.performanceRatio < 0.9, `${e.performanceRatio}`);
  assert.ok(e.poaKwhM2 > r.weather.annualGhiKwhM2, 'a 30° south plane gets more than the horizontal');
  assert.equal(e.monthlyPoaKwhM2.length, 12);
  assert.ok(Math.abs(e.losses.dcLossesPct - 14.0757) < 1e-9);
  assert.equal(run(datong).energy.hourlyKwh, undefined, 'hourly output is opt-in');
  assert.equal(r.weather.source, 'CSWD');
  assert.match(r.weather.timingBasisZh, /[\u4e00-\u9fff]/);
  assert.deepEqual(r.assumptions.layout.planes, south);
  assert.equal(r.assumptions.layout.dcAcRatio, 1.2);
  assert.equal(r.assumptions.albedo, 0.2);
});

test('an east/west roof in one run lies between its all-east and all-west halves', () => {
  const plane = (az, share) => ({ tiltDeg: 15, azimuthDeg: az, shareOfCapacity: share });
  const east = run(datong, [plane(90, 1)]).energy.annualKwh;
  const west = run(datong, [plane(270, 1)]).energy.annualKwh;
  const both = run(datong, [plane(90, 0.5), plane(270, 0.5)]).energy.annualKwh;
  assert.ok(Math.abs(both - (east + west) / 2) < 0.01 * both, `${east} ${west} ${both}`);
  const southKwh = run(datong, [plane(180, 1)]).energy.annualKwh;
  assert.ok(both < southKwh, 'east/west at 15° makes less than south at 15°');
});

test('bad weather text: code, field and line; oversize refused before copying', () => {
  const cut = datong.split('\n').slice(0, 1000).join('\n');
  assert.throws(() => run(cut), (e) => e.code.startsWith('weather_') && e.field === 'resource.text' && /line \d+/.test(e.message)
    && /第 \d+ 行/.test(e.messageZh));
  assert.throws(() => parseWeather('garbage\n'.repeat(10)), (e) => e.code === 'weather_format');
  const huge = 'x'.repeat(60 * 1024 * 1024);
  const t0 = performance.now();
  assert.throws(() => parseWeather(huge), (e) => e.code === 'weather_too_large');
  assert.throws(() => run(huge), (e) => e.code === 'weather_too_large' && e.field === 'resource.text');
  assert.ok(performance.now() - t0 < 1000, 'refused without parsing');
  assert.throws(() => parseWeather(42), (e) => e.code === 'invalid_type');
  assert.throws(() => parseWeather(datong, { timing: 'noon' }), (e) => e.code === 'unknown_variant' && e.field === 'timing');
});
