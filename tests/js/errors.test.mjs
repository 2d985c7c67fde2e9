// Invalid input through the installed package: each gets a JS Error with a stable code and the JSON
// path of the field, in English and Chinese — and never a WebAssembly trap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { calculate } from 'rooftop-pv';

const CODES = ['invalid_json', 'invalid_type', 'missing_field', 'unknown_field', 'unknown_variant', 'not_finite',
  'out_of_range', 'invalid_length', 'unknown_preset', 'conflict', 'incomplete',
  'load_format', 'load_unit', 'load_time', 'load_length', 'load_value', 'too_large', 'too_deep', 'too_many', 'too_long',
  'unreadable'];
const table = JSON.parse(readFileSync(`${process.env.ROOFTOP_PV_REPO}/tests/data/invalid-scenarios.json`, 'utf8')).cases;
const valid = () => ({ system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } });

function errorOf(scenario) {
  try {
    calculate(scenario);
  } catch (e) {
    return e;
  }
  return null;
}

function assertScenarioError(e, code, field, what) {
  assert.ok(e, `${what}: accepted`);
  assert.ok(e instanceof Error, `${what}: not an Error (${e})`);
  assert.doesNotMatch(String(e), /unreachable|RuntimeError/, what);
  assert.equal(e.name, 'ScenarioError', what);
  assert.deepEqual([e.code, e.field], [code, field], `${what}: ${e.message}`);
  assert.ok(e.message.length > 10, what);
  assert.match(e.messageZh, /[\u4e00-\u9fff]/, `${what}: messageZh has no Chinese`);
}

test(`the table of ${table.length} invalid scenarios (tests/data/invalid-scenarios.json)`, () => {
  assert.ok(table.length >= 30);
  for (const c of table) assertScenarioError(errorOf(c.scenario), c.code, c.field, c.name);
});

test('NaN, Infinity and -Infinity are rejected where they stand', () => {
  const places = [
    ['system.capacityKwp', (s, v) => { s.system.capacityKwp = v; }],
    ['resource.hours', (s, v) => { s.resource.hours = v; }],
    ['tariff.gridPriceYuanKwh', (s, v) => { s.tariff = { gridPriceYuanKwh: v }; }],
    ['ownership.capexYuanPerW', (s, v) => { s.ownership = { kind: 'owner', capexYuanPerW: v }; }],
    ['lifetime.annualDegradationPct', (s, v) => { s.lifetime = { annualDegradationPct: v }; }],
    ['emissions.factors.co2Kg', (s, v) => {
      s.emissions = { factors: { coalKgce: 0.3, co2Kg: v, so2G: 0.1, noxG: 0.1, dustG: 0.02, waterKg: 1.2 } };
    }],
  ];
  for (const [field, set] of places) {
    for (const v of [NaN, Infinity, -Infinity]) {
      const s = valid();
      set(s, v);
      assertScenarioError(errorOf(s), 'not_finite', field, `${field} = ${v}`);
    }
  }
});

test('values JSON cannot hold: BigInt, a function, a Symbol, a Date', () => {
  for (const [v, what] of [[100n, 'BigInt'], [() => 1, 'function'], [Symbol('x'), 'Symbol'], [new Date(), 'Date']]) {
    const s = valid();
    s.system.capacityKwp = v;
    assertScenarioError(errorOf(s), 'invalid_type', 'system.capacityKwp', what);
  }
});

test('a scenario that is not an object', () => {
  for (const v of [undefined, null, 42, 'text', [1, 2], true]) {
    const e = errorOf(v);
    assertScenarioError(e, 'invalid_type', '', `scenario = ${String(v)}`);
  }
});

test('undefined optional fields count as absent (as JS users write them)', () => {
  const r = calculate({ ...valid(), tariff: { gridPriceYuanKwh: undefined }, usage: undefined });
  assert.equal(r.assumptions.gridPriceYuanKwh, 0.55);
});

// A deterministic PRNG (mulberry32) so that a failure reproduces.
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('5,000 random mutations: a finite report or a ScenarioError, never a trap', () => {
  const rand = rng(20261125);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const weird = [NaN, Infinity, -Infinity, -1, 0, 1e308, -1e308, 5e-324, 1e9, 0.5, 99, 101, 8761, 25.5, '', 'x',
    null, undefined, true, [], {}, [1, 2], { a: 1 }, 'selfUseSurplus', 'owner', 'thirdParty', 'cec-2018', 2 ** 32];
  const full = () => ({
    site: { latitude: 39.3, longitude: 112.4, albedo: 0.2 },
    system: { capacityKwp: 500, dcAcRatio: 1.2, planes: [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }] },
    resource: pick([{ method: 'fullLoadHours', hours: 1200 }, { method: 'gb50797', horizontalIrradiationKwhM2: 1466, k: 0.8 }]),
    lifetime: { years: 25, firstYearDegradationPct: 1, annualDegradationPct: 0.4 },
    usage: pick([{ mode: 'selfUseSurplus', selfUseSharePct: 70 }, { mode: 'fullExport' }, { mode: 'fullSelfUse' },
      { mode: 'selfUseSurplus', exportLimitKw: 100, load: { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 8e5 } },
      { mode: 'fullSelfUse', load: { kind: 'monthly', profile: 'household', kwh: [9, 8, 7, 6, 5, 6, 9, 9, 6, 5, 6, 8].map((k) => k * 1e4) } }]),
    tariff: pick([{ gridPriceYuanKwh: 0.6, exportPriceYuanKwh: 0.33, escalationPct: 1 },
      { timeOfUsePreset: 'shanxi-ci-2026', exportPriceYuanKwh: 0.33, exportEscalationPct: -1 },
      { timeOfUse: { prices: { peak: 0.9, flat: 0.6, valley: 0.3 }, schedule: [{ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], hours: [...Array(12).fill('valley'), ...Array(12).fill('peak')] }] } }]),
    ownership: pick([{ kind: 'owner', capexYuanPerW: 3 }, { kind: 'thirdParty', discountPct: 15 },
      { kind: 'owner', omSteps: [{ fromYear: 1, yuanPerKwpYear: 10 }, { fromYear: 6, yuanPerKwpYear: 18 }],
        inverterReplacement: { year: 12, costYuanPerW: 0.2 }, loan: { sharePct: 70, ratePct: 4.5, years: 10 }, tax: { incomeTaxPct: 25, taxHoliday: true } },
      { kind: 'thirdParty', discountPct: 15, roofRentYuanYear: 5000, investor: { capexYuanPerW: 2.9, omPctOfCapex: 1, loan: { sharePct: 50, ratePct: 5, years: 8 } } }]),
    emissions: { preset: 'cec-2018' },
  });
  const paths = (o, prefix = []) => Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? [[...prefix, k], ...paths(v, [...prefix, k])] : [[...prefix, k]]);
  const finiteEverywhere = (v) => typeof v === 'number' ? Number.isFinite(v)
    : v && typeof v === 'object' ? Object.values(v).every(finiteEverywhere) : true;
  let reports = 0;
  let errors = 0;
  for (let i = 0; i < 5000; i++) {
    const s = full();
    for (let m = 0; m < 1 + Math.floor(rand() * 3); m++) {
      const path = pick(paths(s));
      let o = s;
      for (const k of path.slice(0, -1)) o = o[k];
      if (rand() < 0.15) delete o[path.at(-1)];
      else {
        const v = pick(weird);
        o[rand() < 0.1 ? path.at(-1) + 'x' : path.at(-1)] = v && typeof v === 'object' ? structuredClone(v) : v;
      }
    }
    try {
      const r = calculate(s);
      assert.ok(finiteEverywhere(r), `non-finite number in the report of ${JSON.stringify(s)}`);
      reports++;
    } catch (e) {
      assert.ok(e instanceof Error && CODES.includes(e.code) && typeof e.field === 'string',
        `case ${i}: ${e} for ${JSON.stringify(s)}`);
      errors++;
    }
  }
  assert.ok(reports > 100 && errors > 1000, `${reports} reports, ${errors} errors`);
  assert.equal(calculate(valid()).energy.annualKwh, 120000);
});
