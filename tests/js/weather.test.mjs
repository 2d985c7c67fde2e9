// Weather files through the installed package: parseWeather, the hourly chain in calculate(), the
// timing check, hourly output, several planes, and bad files (tests/data/weather).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calculate, parseWeather } from 'rooftop-pv';
import { weatherBytes, weatherText } from '../fixtures.mjs';

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

test('files as bytes (Uint8Array, Buffer, ArrayBuffer, GBK names) give what their text gives', () => {
  const bytes = weatherBytes('CHN_Shanxi.Datong.534870_CSWD.epw');
  const fromText = run(datong);
  const u8 = new Uint8Array(bytes);
  for (const text of [bytes, u8, u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength)]) {
    assert.deepEqual(run(text), fromText);
    assert.deepEqual(parseWeather(text), parseWeather(datong));
  }
  // 大同 written in GBK (not UTF-8) in the LOCATION line: the name becomes U+FFFD, the numbers stay.
  const at = bytes.indexOf('Datong');
  const gbk = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xb4, 0xf3, 0xcd, 0xac]), bytes.subarray(at + 6)]);
  const w = parseWeather(gbk);
  assert.ok(w.location.name.startsWith('\u{fffd}') && w.location.name.endsWith(', Shanxi, CHN'), w.location.name);
  assert.equal(w.annualGhiKwhM2, parseWeather(datong).annualGhiKwhM2);
  assert.equal(run(gbk).energy.annualKwh, fromText.energy.annualKwh);
  // Non-ASCII text in a string (UTF-16 → UTF-8 by TextEncoder.encodeInto): the same numbers.
  const zh = datong.replace('Datong', '大同');
  assert.equal(parseWeather(zh).location.name, '大同, Shanxi, CHN');
  assert.equal(run(zh).energy.annualKwh, fromText.energy.annualKwh);
  // Lone surrogates become U+FFFD and a surrogate pair stays one character (the core takes the
  // encoder's UTF-8 as it is, unchecked: src/wasm.rs utf8_of).
  const odd = datong.replace('Datong', '\ud800大\udc00同\u{1f600}');
  assert.equal(parseWeather(odd).location.name, '\u{fffd}大\u{fffd}同\u{1f600}, Shanxi, CHN');
  assert.equal(run(odd).energy.annualKwh, fromText.energy.annualKwh);
  // Too large bytes are refused before copying; bytes that are no weather file are named.
  assert.throws(() => parseWeather(new Uint8Array(51 * 1024 * 1024)), (e) => e.code === 'weather_too_large');
  assert.throws(() => run(new TextEncoder().encode('garbage\n'.repeat(10))), (e) => e.code === 'weather_format' && e.field === 'resource.text');
  assert.throws(() => run(12), (e) => e.code === 'invalid_type' && e.field === 'resource.text');
});

test('a load CSV as bytes gives what its text gives', () => {
  const rows = ['load_kW'];
  for (let i = 0; i < 8760; i++) rows.push(`${30 + (i % 24)}`);
  const text = rows.join('\n');
  const scenario = (t) => ({ system: { capacityKwp: 100 }, resource: { method: 'weatherFile', text: datong },
    usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: t } } });
  const fromText = calculate(scenario(text));
  assert.deepEqual(calculate(scenario(new TextEncoder().encode(text))), fromText);
  assert.ok(fromText.usage.loadKwh > 0);
});
