// Hostile inputs through the installed package (issue 16): JS values that JSON cannot hold or that
// throw when read, and inputs beyond the caps (README "Limits"). Each is a ScenarioError with its
// code and the camelCase JSON path in `field`, with short messages — and, called in a bounded loop,
// leaves the wasm memory and the externref table exactly at their baseline (refused before anything
// is copied into WebAssembly). No timings are asserted: `node scripts/hostile.mjs` measures them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pv from 'rooftop-pv';

const exports = pv.initSync();
const small = () => ({ system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } });
const withWeather = () => ({ ...small(), resource: { method: 'weatherFile', text: 'x'.repeat(1 << 20) } });

function getter(thrown) {
  const s = withWeather();
  Object.defineProperty(s, 'usage', { enumerable: true, get() { throw thrown; } });
  return s;
}
function revoked() {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}
const nested = (levels) => {
  const root = {};
  let o = root;
  for (let i = 0; i < levels; i++) o = o.a = {};
  return root;
};
const schedule = (rows) =>
  Array.from({ length: rows }, () => ({ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: Array(24).fill('flat') }));
const row = Array(1000).fill(0);

// [what, call, code, field]
const CASES = [
  // JS values
  ['a getter that throws an Error, with 1 MB of weather text', () => pv.calculate(getter(new Error('no'))), 'unreadable', 'usage'],
  ['a getter that throws 42', () => pv.calculate(getter(42)), 'unreadable', 'usage'],
  ['a getter that throws undefined', () => pv.calculate(getter(undefined)), 'unreadable', 'usage'],
  ['a revoked Proxy as a part', () => pv.calculate({ ...small(), usage: revoked() }), 'unreadable', 'usage'],
  ['a revoked Proxy as the scenario', () => pv.calculate(revoked()), 'unreadable', ''],
  ['a revoked Proxy as parseWeather options', () => pv.parseWeather('x', revoked()), 'unreadable', ''],
  ['a Proxy whose ownKeys trap throws', () => pv.calculate({ ...small(), usage: new Proxy({}, { ownKeys() { throw new Error('trap'); } }) }), 'unreadable', 'usage'],
  ['a Proxy whose get trap throws', () => pv.calculate({ ...small(), usage: new Proxy({ mode: 'fullExport' }, { get() { throw new TypeError('get'); } }) }), 'unreadable', 'usage.mode'],
  ['a BigInt', () => pv.calculate({ ...small(), system: { capacityKwp: 100n } }), 'invalid_type', 'system.capacityKwp'],
  ['a BigInt in an array', () => pv.calculate({ ...small(), tariff: { gridPriceByMonthYuanKwh: [0.5, 0.5, 0.5, 1n] } }), 'invalid_type', 'tariff.gridPriceByMonthYuanKwh[3]'],
  ['a Symbol as an id', () => pv.calculate({ ...small(), resource: { method: 'station', stationId: Symbol('s') } }), 'invalid_type', 'resource.stationId'],
  ['a function', () => pv.calculate({ ...small(), usage: () => 1 }), 'invalid_type', 'usage'],
  ['a toJSON method', () => pv.calculate({ ...small(), toJSON: () => ({}) }), 'invalid_type', 'toJSON'],
  ['NaN as an id (strings only where strings belong)', () => pv.calculate({ ...small(), resource: { method: 'station', stationId: NaN } }), 'not_finite', 'resource.stationId'],
  ["capacityKwp: 'NaN', a string", () => pv.calculate({ ...small(), system: { capacityKwp: 'NaN' } }), 'invalid_type', 'system.capacityKwp'],
  ["capacityKwp: '6000', a string", () => pv.calculate({ ...small(), system: { capacityKwp: '6000' } }), 'invalid_type', 'system.capacityKwp'],
  ['a lone surrogate', () => pv.calculate({ ...small(), resource: { method: 'station', stationId: '\ud800' } }), 'invalid_type', 'resource.stationId'],
  ['a lone surrogate in a key', () => pv.calculate({ ...small(), site: { '\udc00': 1 } }), 'unknown_field', 'site'],
  ['a cycle', () => { const s = small(); s.system.self = s.system; return pv.calculate(s); }, 'invalid_json', 'system.self'],
  // caps (the "Unbounded cost" list)
  ['50,000 planes', () => pv.calculate({ ...small(), system: { capacityKwp: 100, planes: Array(50000).fill({ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 2e-5 }) } }), 'too_many', 'system.planes'],
  ['a 2 MB unknown stationId', () => pv.calculate({ ...small(), resource: { method: 'station', stationId: 'x'.repeat(2e6) } }), 'too_long', 'resource.stationId'],
  ['stationClimate of a 2 MB id', () => pv.stationClimate('x'.repeat(2e6)), 'too_long', 'stationId'],
  ['10⁶ time-of-use rows', () => pv.calculate({ ...small(), tariff: { timeOfUse: { prices: { peak: 1, flat: 0.6, valley: 0.3 }, schedule: schedule(1e6) } } }), 'too_many', 'tariff.timeOfUse.schedule'],
  ['a 22 MB load text', () => pv.calculate({ ...small(), usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: '1\n'.repeat(11e6) } } }), 'load_format', 'usage.load.text'],
  ['a 20 MiB load text of 10⁷ lines (cap 120,000 lines)', () => pv.calculate({ ...small(), usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: '1\n'.repeat(10 * 1024 * 1024 - 1) } } }), 'load_length', 'usage.load.text'],
  ['a 51 MiB weather text', () => pv.calculate({ ...small(), resource: { method: 'weatherFile', text: ' '.repeat(51 << 20) } }), 'weather_too_large', 'resource.text'],
  ['a 51 MiB weather file to parseWeather', () => pv.parseWeather(new Uint8Array(51 << 20)), 'weather_too_large', 'text'],
  ['usage.mode of 10⁷ characters', () => pv.calculate({ ...small(), usage: { mode: 'x'.repeat(1e7) } }), 'too_long', 'usage.mode'],
  ['findStations({length: 4e8})', () => pv.findStations({ length: 4e8 }), 'invalid_type', 'query'],
  ['findStations of 10⁶ characters', () => pv.findStations('北'.repeat(1e6)), 'too_long', 'query'],
  ['nesting 10,000 deep', () => pv.calculate({ ...small(), site: nested(1e4) }), 'too_deep', 'site.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a'],
  ['10,000 properties', () => pv.calculate({ ...small(), usage: Object.fromEntries(Array.from({ length: 1e4 }, (_, i) => [`k${i}`, i])) }), 'too_many', 'usage'],
  ['1,000 × 1,000 values', () => pv.calculate({ ...small(), x: Array(1000).fill(row) }), 'too_many', ''],
  ['a property name of 10⁶ characters', () => pv.calculate({ ...small(), site: { ['k'.repeat(1e6)]: 1 } }), 'unknown_field', 'site'],
];

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

test('hostile values and inputs beyond the caps: a ScenarioError with code, field and short messages', () => {
  for (const [what, call, code, field] of CASES) {
    const e = thrown(call);
    assert.ok(e instanceof pv.ScenarioError, `${what}: ${e?.stack ?? e}`);
    assert.deepEqual([e.code, e.field], [code, field], `${what}: ${e.message}`);
    assert.ok(e.message.length < 300 && e.messageZh.length < 300, `${what}: a message of ${e.message.length} characters`);
    assert.match(e.messageZh, /[\u4e00-\u9fff]/, `${what}: ${e.messageZh}`);
    assert.doesNotMatch(`${e.message} ${e.messageZh}`, /unwrap|Option::|f64|u32|struct |enum |invalid type|expected one of/, what);
  }
});

test('unknown values are echoed cut to 40 characters', () => {
  const e = thrown(() => pv.calculate({ ...small(), usage: { mode: 'y'.repeat(200) } }));
  assert.equal(e.code, 'unknown_variant');
  for (const m of [e.message, e.messageZh]) assert.ok(m.includes(`${'y'.repeat(40)}…`) && !m.includes('y'.repeat(41)), m);
  const s = thrown(() => pv.stationClimate('z'.repeat(200)));
  assert.equal(s.code, 'unknown_station');
  assert.ok(!s.message.includes('z'.repeat(41)), s.message);
});

test('each hostile case 40 times: wasm memory and the externref table stay at their baseline', () => {
  const table = exports.__wbindgen_externrefs;
  const start = exports.memory.buffer.byteLength;
  for (const [, call] of CASES) thrown(call);
  const before = { table: table.length, memory: exports.memory.buffer.byteLength };
  // The first round grows the memory at most by the one text that is copied before it is refused
  // (the 20 MiB load text of too many lines), never by what a reader would build from it.
  assert.ok(before.memory - start <= 24 * 2 ** 20, `the first round grew the wasm memory from ${start} to ${before.memory} bytes`);
  for (let i = 0; i < 40; i++) for (const [what, call] of CASES) assert.ok(thrown(call) instanceof pv.ScenarioError, what);
  const after = { table: table.length, memory: exports.memory.buffer.byteLength };
  console.log(`hostile cases × 40: table ${before.table} → ${after.table}, memory ${before.memory} → ${after.memory} bytes`);
  assert.deepEqual(after, before);
  assert.equal(pv.calculate(small()).energy.annualKwh, 120000, 'still answers');
});

test('inputs at the caps are accepted', () => {
  const planes = Array.from({ length: 50 }, (_, i) => ({ tiltDeg: 20, azimuthDeg: (i * 7) % 360, shareOfCapacity: 0.02 }));
  assert.equal(pv.calculate({ ...small(), system: { capacityKwp: 100, planes } }).energy.annualKwh, 120000);
  const schedule12 = Array.from({ length: 12 }, (_, m) => ({ months: [m + 1], hours: Array(24).fill('flat') }));
  const r = pv.calculate({ ...small(), tariff: { timeOfUse: { prices: { peak: 1, flat: 0.6, valley: 0.3 }, schedule: schedule12 } } });
  assert.ok(r.energy.annualKwh > 0);
  assert.ok(Array.isArray(pv.findStations('x'.repeat(256))));
});

// The silent misreads, through the package: each is read right or refused, never misread.
const loadFile = (header) => {
  const rows = [header];
  for (let i = 0; i < 8760; i++) {
    const d = new Date(Date.UTC(2025, 0, 1) + i * 3600e3);
    rows.push(`${d.toISOString().slice(0, 10)} ${String(d.getUTCHours()).padStart(2, '0')}:00,55,7`);
  }
  return rows.join('\n');
};
const withLoad = (text, column) => ({ ...small(), usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text, ...(column ? { column } : {}) } } });

test('the load column by meaning: a column of another quantity before the load is not read as the load', () => {
  // 8,760 hours of 7 kW in the load column (55 in the other): 61,320 kWh a year.
  for (const header of ['时间,湿度(%),负荷(kW)', '时间,速度,负荷(kW)', '时间,电价(元/kWh),负荷(kW)', 'time,Price (CNY/kWh),Load (kWh)',
    'time,Max demand (kW),Load (kWh)', '时间,功率因数,负荷(kW)', '时间,无功功率(kvar),有功功率(kW)']) {
    assert.equal(pv.calculate(withLoad(loadFile(header))).usage.loadKwh, 61320, header);
  }
  for (const header of ['时间,湿度(%),功率因数', '时间,负荷(kW),电量(kWh)', 'time,value,other']) {
    const e = thrown(() => pv.calculate(withLoad(loadFile(header))));
    assert.deepEqual([e.code, e.field], ['load_format', 'usage.load.text'], header);
    for (const name of header.split(',').slice(1)) assert.ok(e.message.includes(`\`${name}\``) || e.message.includes('several'), `${header}: ${e.message}`);
  }
  // Chosen by usage.load.column, by header or by number from 1.
  assert.equal(pv.calculate(withLoad(loadFile('时间,负荷(kW),电量(kWh)'), '电量(kWh)')).usage.loadKwh, 61320);
  assert.equal(pv.calculate(withLoad(loadFile('时间,负荷(kW),电量(kWh)'), 2)).usage.loadKwh, 55 * 8760);
});

test('weather fields strict, through the package', async () => {
  const { weatherText } = await import('../fixtures.mjs');
  const datong = weatherText('CHN_Shanxi.Datong.534870_CSWD.epw');
  const rows = (edit) => datong.split('\n').map((l, i) => (i >= 8 && l.trim() ? edit(l.split(','), i).join(',') : l)).join('\n');
  // A field deleted before field 21 on every row: refused at the first data line, never read shifted.
  let e = thrown(() => pv.parseWeather(rows((c) => { c.splice(10, 1); return c; })));
  assert.deepEqual([e.code, e.field], ['weather_parse', 'text']);
  assert.match(e.message, /^line 9: EPW data line has 34 fields/);
  // 29 February in 2005.
  e = thrown(() => pv.parseWeather(rows((c, i) => (i === 8 + 59 * 24 ? ['2005', '2', '29', ...c.slice(3)] : c))));
  assert.match(e.message, /29 February 2005/);
  // GHI 99999 and 5000 °C are missing values, counted by quantity.
  const marked = rows((c, i) => { if (i === 4000) c[13] = '99999'; if (i === 5000) c[6] = '5000'; return c; });
  const s = pv.parseWeather(marked);
  assert.deepEqual(s.filled, [{ quantity: 'ghi', values: 1 }, { quantity: 'airTemperature', values: 1 }]);
  // … and named in words in the report's warning, in both languages.
  const w = pv.calculate({ site: { latitude: 40.1, longitude: 113.33 }, resource: { method: 'weatherFile', text: marked }, system: { capacityKwp: 100 } })
    .warnings.find((x) => x.code === 'weather_filled');
  assert.match(w.message, /: global horizontal irradiance 1, air temperature 1\.$/);
  assert.match(w.messageZh, /：水平面总辐照度 1 个，气温 1 个。$/);
  // A time-zone option for a file that carries its own.
  e = thrown(() => pv.parseWeather(datong, { timezoneH: 99 }));
  assert.deepEqual([e.code, e.field], ['conflict', 'timezoneH']);
  // Azimuth 360 with the hourly method: the same check as for every method, camelCase field.
  e = thrown(() => pv.calculate({ site: { latitude: 40.1, longitude: 113.33 }, resource: { method: 'weatherFile', text: datong },
    system: { capacityKwp: 100, planes: [{ tiltDeg: 20, azimuthDeg: 360, shareOfCapacity: 1 }] } }));
  assert.deepEqual([e.code, e.field], ['out_of_range', 'system.planes[0].azimuthDeg']);
  assert.doesNotMatch(e.messageZh, /[a-z]{4,} [a-z]{4,}/, e.messageZh);
});

test('messages people can read: numbers rounded, IRR at any magnitude', () => {
  const e = thrown(() => pv.calculate({ ...small(), system: { capacityKwp: 1e300 } }));
  assert.match(e.message, /\(got 1e300\)$/);
  const y = thrown(() => pv.calculate({ ...small(), lifetime: { years: -1 } }));
  assert.equal(y.message, 'lifetime.years: must be a whole number from 0 to 4294967295 (got the number -1)');
  assert.equal(y.messageZh, 'lifetime.years：应为介于 0 与 4294967295 之间的整数（当前为数字 -1）');
  // 1,000 yuan invested, ≈48,000 yuan a year: IRR ≈ 4,700 %/yr, reported.
  const r = pv.calculate({ ...small(), resource: { method: 'fullLoadHours', hours: 1000 },
    lifetime: { years: 10, firstYearDegradationPct: 0, annualDegradationPct: 0 },
    usage: { mode: 'selfUseSurplus', selfUseSharePct: 60 }, tariff: { gridPriceYuanKwh: 0.6, exportPriceYuanKwh: 0.3 },
    ownership: { kind: 'owner', capexYuanPerW: 0.01, omYuanPerKwpYear: 0 } });
  assert.ok(r.money.irrPct > 1000, `${r.money.irrPct}`);
});
