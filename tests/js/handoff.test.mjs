// The report's hand-off through the installed package (issue 10): calculate() gets the report's
// numeric tables as one Float64Array and rebuilds their rows in js/api.js (src/handoff.rs); the
// glue's calculate without `split` still hands over the plain object JSON.parse makes of the whole
// report's JSON text (the way every report crossed before). Both must give the same report: the same
// keys in the same order, the same arrays and objects, every number bit for bit (Object.is: JSON's
// shortest digits read back to the same f64, -0 stays -0) — on every example scenario, the
// numpy-financial cases, the hourly methods, batteries with and without a demand charge, EMC
// investors and the edge cases where a table has to stay in the text. And no NaN or Infinity in any
// report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as pv from 'rooftop-pv';
import { REPO, weatherText } from '../fixtures.mjs';

const entry = import.meta.resolve('rooftop-pv');
const glue = await import(new URL('./rooftop_pv_glue.js', entry));
const { plainCopy } = await import(new URL('./api.js', entry));

/** The glue's calculate, prepared as js/api.js prepares it: `split` as asked. */
function raw(scenario, split) {
  const copy = plainCopy(scenario);
  const take = (o) => {
    if (!o || (typeof o.text !== 'string' && !(o.text instanceof Uint8Array))) return undefined;
    const text = o.text;
    delete o.text;
    return text;
  };
  const weather = take(copy.resource);
  const load = take(copy.usage?.load);
  const json = JSON.stringify(copy, (k, v) => (typeof v === 'number' && !Number.isFinite(v) ? `\u0000${v}` : v));
  return glue.calculate(json, weather, load, split);
}

/** Deep equality with Object.is on numbers, the same keys in the same order and the same kinds. */
function same(a, b, path) {
  if (typeof a === 'number' || typeof b === 'number') {
    assert.ok(Object.is(a, b), `${path}: ${a} !== ${b}`);
    return;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    assert.equal(a, b, path);
    return;
  }
  assert.equal(Object.getPrototypeOf(a), Object.getPrototypeOf(b), `${path}: kind`);
  if (a instanceof Float64Array) {
    assert.equal(a.length, b.length, `${path}: length`);
    a.forEach((v, i) => assert.ok(Object.is(v, b[i]), `${path}[${i}]`));
    return;
  }
  assert.deepEqual(Object.keys(a), Object.keys(b), `${path}: keys`);
  for (const k of Object.keys(a)) same(a[k], b[k], `${path}.${k}`);
}

/** The first number of `value` that is not finite, by path. */
function nonFinite(value, path = 'report') {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value instanceof Float64Array) {
    const i = value.findIndex((v) => !Number.isFinite(v));
    return i < 0 ? undefined : `${path}[${i}]`;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const found = nonFinite(v, `${path}.${k}`);
    if (found) return found;
  }
  return undefined;
}

const example = (id) => pv.presets().scenarios.find((s) => s.id === id).scenario;
const finance = JSON.parse(readFileSync(`${REPO}/tests/data/reference/finance_scenarios.json`, 'utf8'));
const system = { capacityKwp: 4, planes: [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }] };
const twoShift = { mode: 'selfUseSurplus', load: { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 3e6 } };
const SCENARIOS = [
  ...pv.presets().scenarios.map((s) => [s.id, s.scenario]),
  ...finance.scenarios.filter((s) => s.scenario).map((s) => [s.name, s.scenario]),
  ...finance.storage.map((s) => [s.name, { ...example(s.example), storage: s.storage }]),
  ['station', { system, resource: { method: 'station', stationId: '537720' } }],
  ['monthly', { system, site: { latitude: 37.87, longitude: 112.55 },
    resource: { method: 'monthly', ghiKwhM2: [80, 95, 130, 150, 170, 165, 155, 145, 120, 100, 80, 70] } }],
  ['Datong EPW with its hourly output', { system, resource: { method: 'weatherFile', text: weatherText('CHN_Shanxi.Datong.534870_CSWD.epw') },
    output: { hourly: true } }],
  ['a battery with a demand charge and a chosen day, EMC', { system: { capacityKwp: 1000 }, resource: { method: 'fullLoadHours', hours: 1250 },
    usage: twoShift, tariff: { timeOfUsePreset: 'shanxi-ci-2026', demandChargeYuanPerKwMonth: 30, capacityChargeYuanPerKvaMonth: 24, transformerKva: 2500 },
    ownership: { kind: 'thirdParty', discountPct: 15 },
    storage: { energyKwh: 1000, powerKw: 500, dispatch: 'peakShaving', dayOfYear: 41, investor: { hostSharePct: 20 } } }],
  ['an owner with a demand charge (money.byYear with demandChargeYuan)', { system: { capacityKwp: 1000 }, resource: { method: 'fullLoadHours', hours: 1250 },
    usage: twoShift, tariff: { timeOfUsePreset: 'shanxi-ci-2026', demandChargeYuanPerKwMonth: 30 } }],
  ['a one-year lifetime, full export, nothing self-used', { system: { capacityKwp: 0.01 }, resource: { method: 'fullLoadHours', hours: 1 },
    lifetime: { years: 1 }, usage: { mode: 'fullExport' } }],
  ['zero degradation, full self-use, the lowest price', { system: { capacityKwp: 1e6 }, resource: { method: 'fullLoadHours', hours: 8760 },
    lifetime: { firstYearDegradationPct: 0, annualDegradationPct: 0 }, usage: { mode: 'fullSelfUse' }, tariff: { gridPriceYuanKwh: 0.001, exportPriceYuanKwh: 0 } }],
];

test('calculate(): the split hand-off gives the report of the whole JSON text, bit for bit', () => {
  for (const [name, scenario] of SCENARIOS) {
    const report = pv.calculate(scenario);
    same(report, raw(scenario, false), name);
    assert.equal(nonFinite(report), undefined, `${name}: a number that is not finite`);
  }
});

test('the tables do cross apart, and a table whose rows differ stays in the text', () => {
  const paths = (scenario) => raw(scenario, true)[1].map(([path]) => path.join('.'));
  assert.deepEqual(paths(example('shuozhou-6mw')), ['energy.byYear', 'usage.byMonth', 'money.byYear']);
  assert.ok(paths(example('shuozhou-4mw-emc')).includes('money.investor.byYear'));
  const hourly = paths(example('shuozhou-4mw-owner-tou'));
  assert.ok(hourly.includes('usage.byHourOfDay'), hourly.join());
  // With a demand charge the investment year has no demandChargeYuan, the other years have one:
  // those rows cannot share one template, so money.byYear is written as JSON.
  const [text, tables] = raw(SCENARIOS.find(([n]) => n.startsWith('an owner with a demand charge'))[1], true);
  assert.ok(!tables.some(([path]) => path.join('.') === 'money.byYear'));
  assert.ok(text.money.byYear.length > 1 && 'demandChargeYuan' in text.money.byYear[1]);
  assert.ok(!('demandChargeYuan' in text.money.byYear[0]));
});

test('each call gets its own rows (no template object is shared)', () => {
  const [a, b] = [pv.calculate(example('shuozhou-6mw')), pv.calculate(example('shuozhou-6mw'))];
  assert.notEqual(a.money.byYear[1], b.money.byYear[1]);
  a.money.byYear[1].savingsYuan = -1;
  assert.notEqual(pv.calculate(example('shuozhou-6mw')).money.byYear[1].savingsYuan, -1);
});
