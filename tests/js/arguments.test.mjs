// Every function of the package refuses a wrong argument count or type with a ScenarioError (stable
// code, the argument's name in `field`, English and Chinese message) — never a TypeError or a trap.
// Each export is called with undefined, null, numbers, strings, booleans, objects and arrays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pv from 'rooftop-pv';

const VALUES = [undefined, null, 0, 42.5, NaN, -Infinity, '', 'text', true, {}, { a: 1 }, [], [1, 2]];
const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

// name → argument names, the smallest valid count, and for each argument the kinds it accepts (the
// values of other kinds must give invalid_type naming that argument).
const SIGNATURES = {
  calculate: { args: ['scenario'], min: 1, accepts: [null] }, // the scenario's own checks: invalid_type at ''
  parseWeather: { args: ['text', 'options'], min: 1, accepts: [['string'], ['undefined', 'null', 'object']] },
  presets: { args: [], min: 0 },
  version: { args: [], min: 0 },
  stations: { args: [], min: 0 },
  findStations: { args: ['query'], min: 1, accepts: [['string']] },
  nearestStation: { args: ['latitude', 'longitude'], min: 2, accepts: [['number'], ['number']] },
  stationClimate: { args: ['stationId'], min: 1, accepts: [['string']] },
  sweepStorage: { args: ['scenario', 'grid'], min: 2, accepts: [['object'], ['object']] },
  sizeRoof: { args: ['input'], min: 1, accepts: [null] }, // the input's own checks: invalid_type at ''
  calculatePortfolio: { args: ['table', 'options'], min: 1, accepts: [['string', 'array'], ['undefined', 'null', 'object']] },
  readRoofTable: { args: ['table', 'options'], min: 1, accepts: [['string', 'array'], ['undefined', 'null', 'object']] },
  sliceRoofTable: { args: ['table', 'start', 'end'], min: 3, accepts: [['object'], ['number'], ['number']] },
  mergePortfolios: { args: ['parts'], min: 1, accepts: [['array']] },
  roofTableTemplate: { args: ['lang'], min: 0, accepts: [['undefined', 'string']] },
  portfolioCsv: { args: ['portfolio', 'lang'], min: 1, accepts: [['object'], ['undefined', 'string']] },
};
const TEMPLATE = pv.roofTableTemplate('en');
const VALID = {
  calculate: [{}], parseWeather: ['x'], findStations: ['大同'], nearestStation: [40, 113], stationClimate: ['534870'],
  sweepStorage: [{}, { powersKw: [100], durationsH: [2] }],
  sizeRoof: [{ roof: { type: 'tile', areaM2: 100 } }], calculatePortfolio: [TEMPLATE], readRoofTable: [TEMPLATE],
  sliceRoofTable: [pv.readRoofTable(TEMPLATE), 0, 2], mergePortfolios: [[]], portfolioCsv: [pv.calculatePortfolio(TEMPLATE)],
};

function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

function assertScenarioError(e, code, field, what) {
  assert.ok(e instanceof pv.ScenarioError, `${what}: not a ScenarioError (${e})`);
  assert.ok(e instanceof Error, what);
  assert.equal(e.name, 'ScenarioError', what);
  assert.deepEqual([e.code, e.field], [code, field], `${what}: ${e.message}`);
  assert.ok(e.message.length > 10, what);
  assert.match(e.messageZh, /[\u4e00-\u9fff]/, `${what}: messageZh has no Chinese`);
}

test('every export is in the table (a new function needs its argument checks tested here)', () => {
  const functions = Object.keys(pv).filter((k) => typeof pv[k] === 'function' && !['default', 'initSync', 'ScenarioError'].includes(k));
  assert.deepEqual(functions.sort(), Object.keys(SIGNATURES).sort());
});

test('too few or too many arguments: argument_count', () => {
  for (const [name, sig] of Object.entries(SIGNATURES)) {
    const valid = VALID[name] ?? [];
    const tooMany = [...valid, ...Array(sig.args.length - valid.length).fill(undefined), 'extra'];
    assertScenarioError(thrown(() => pv[name](...tooMany)), 'argument_count', '', `${name} with ${tooMany.length}`);
    if (sig.min > 0) {
      assertScenarioError(thrown(() => pv[name](...valid.slice(0, sig.min - 1))), 'argument_count', '', `${name} with ${sig.min - 1}`);
    }
  }
});

test('init() with two arguments rejects with argument_count', async () => {
  await assert.rejects(pv.default(1, 2), (e) => e instanceof pv.ScenarioError && e.code === 'argument_count');
});

test('wrong argument types: invalid_type naming the argument', () => {
  let checked = 0;
  for (const [name, sig] of Object.entries(SIGNATURES)) {
    sig.args.forEach((arg, i) => {
      for (const v of VALUES) {
        const args = [...(VALID[name] ?? [])];
        args[i] = v;
        const e = thrown(() => pv[name](...args));
        const what = `${name}(${args.map((a) => String(a)).join(', ')})`;
        if (name === 'calculate' || name === 'sizeRoof') {
          // not an object → the scenario's own invalid_type at the root; an object → its field errors
          if (kind(v) !== 'object') assertScenarioError(e, 'invalid_type', '', what);
          else assert.ok(e instanceof pv.ScenarioError, what);
        } else if (!sig.accepts[i].includes(kind(v))) {
          assertScenarioError(e, 'invalid_type', arg, what);
        } else {
          assert.ok(e === undefined || e instanceof pv.ScenarioError, `${what}: ${e}`);
        }
        checked++;
      }
    });
  }
  assert.equal(checked, VALUES.length * Object.values(SIGNATURES).reduce((n, sig) => n + sig.args.length, 0));
});

test('well-typed arguments the core refuses are ScenarioErrors too', () => {
  assertScenarioError(thrown(() => pv.nearestStation(NaN, 113)), 'not_finite', 'latitude', 'NaN latitude');
  assertScenarioError(thrown(() => pv.nearestStation(0, 500)), 'out_of_range', 'longitude', 'longitude 500');
  assertScenarioError(thrown(() => pv.stationClimate('000000')), 'unknown_station', 'stationId', 'unknown id');
  assertScenarioError(thrown(() => pv.stationClimate('xx')), 'unknown_station', 'stationId', 'stationClimate(xx)');
  assert.ok(thrown(() => pv.parseWeather('not a weather file')) instanceof pv.ScenarioError);
  const battery = {
    system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 },
    usage: { mode: 'selfUseSurplus', load: { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 5e5 } },
    storage: { energyKwh: 100, powerKw: 50 },
  };
  assertScenarioError(thrown(() => pv.sweepStorage(battery, { powersKw: [0], durationsH: [2] })), 'out_of_range', 'powersKw[0]', 'zero power');
  assertScenarioError(thrown(() => pv.sweepStorage(battery, { powersKw: [50] })), 'missing_field', 'durationsH', 'no durations');
  assertScenarioError(thrown(() => pv.sweepStorage({ ...battery, storage: undefined }, { powersKw: [50], durationsH: [2] })), 'missing_field', 'storage', 'no battery');
});
