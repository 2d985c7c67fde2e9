// Fuzz harness (fast-check) over the installed package: scenarios mutated from the shipped
// examples, hostile numbers in the money inputs, mutated weather files (parseWeather and
// calculate), mutated load files, and hostile arguments to every export. Every result must be a
// report (or value) whose numbers are all finite, or a ScenarioError with a code, messages in
// English and Chinese and a field (empty only when the whole input is at fault) — never a
// WebAssembly trap, never another exception. Fixed seed; `ROOFTOP_PV_FUZZ_RUNS` scales the runs
// (default 1: bounded for `make test`; `make fuzz` sets 20). Counts per category are printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import * as pv from 'rooftop-pv';
import { REPO, weatherText, pvlibDataDir } from '../fixtures.mjs';

// fast-check is a dev dependency of the repository, not of the package's consumer.
const fc = createRequire(`${REPO}/package.json`)('fast-check');

const SCALE = Number(process.env.ROOFTOP_PV_FUZZ_RUNS ?? 1);
const SEED = 15;
const runs = (n) => ({ seed: SEED, numRuns: Math.max(1, Math.round(n * SCALE)) });

/** The path of the first number that is not finite in a returned value, or null. */
function nonFinite(v, path = '') {
  if (typeof v === 'number') return Number.isFinite(v) ? null : path || '(the value)';
  if (ArrayBuffer.isView(v)) {
    const i = Array.prototype.findIndex.call(v, (x) => !Number.isFinite(x));
    return i < 0 ? null : `${path}[${i}]`;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      const p = nonFinite(x, path ? `${path}.${k}` : k);
      if (p) return p;
    }
  }
  return null;
}

/** Whether JSON path `path` (`a.b[2].c`) names a value of `input`; keys may hold dots. */
function resolves(input, path) {
  if (path === '') return true;
  if (Array.isArray(input)) {
    const m = /^\[(\d+)\](.*)$/.exec(path);
    return !!m && Number(m[1]) < input.length && resolves(input[Number(m[1])], m[2].replace(/^\./, ''));
  }
  if (!input || typeof input !== 'object') return false;
  return Object.keys(input).some((k) => path.startsWith(k) && ['', '.', '['].includes(path[k.length] ?? '')
    && resolves(input[k], path.slice(k.length).replace(/^\./, '')));
}

/** The parent of a JSON path (`a.b[2].c` → `a.b[2]`, `a.b[2]` → `a.b`). */
const parentOf = (path) => path.replace(/(\.[^.[]*|\[\d+\])$|^[^.[]*$/, '');

class Tally {
  constructor(name) {
    this.name = name;
    this.results = 0;
    this.paths = 0;
    this.errors = {};
  }
  /** Calls `f`; asserts what came back or was thrown. With `input` (the scenario), an error's field
   * must be a path of it, or the parent of one that is absent (a missing field). */
  check(f, what, input) {
    let value;
    try {
      value = f();
    } catch (e) {
      assert.ok(!(e instanceof WebAssembly.RuntimeError), `${what}: trap ${e}`);
      assert.ok(e instanceof pv.ScenarioError, `${what}: ${e?.stack ?? e}`);
      assert.ok(e instanceof Error && typeof e.code === 'string' && e.code.length > 0, `${what}: no code`);
      assert.ok(e.message.length > 0 && /[\u4e00-\u9fff]/.test(e.messageZh), `${what}: messages ${e.message}`);
      assert.equal(typeof e.field, 'string', `${what}: field`);
      // An empty field names the whole input or call (a scenario that is not an object, an
      // argument count).
      assert.ok(e.field !== '' || ['invalid_json', 'invalid_type', 'argument_count', 'too_many', 'too_large', 'unreadable'].includes(e.code), `${what}: no field (${e.code})`);
      assert.doesNotMatch(`${e.message} ${e.messageZh}`, /\b(f64|u32|u8|struct \w+|enum \w+|invalid type)\b|应为 one of/, `${what}: ${e.message}`);
      if (input !== undefined) {
        // A path of the input (the caller's own keys), or a camelCase field absent from a path of it.
        const absent = e.field.slice(parentOf(e.field).length).replace(/^\./, '');
        assert.ok(resolves(input, e.field) || (resolves(input, parentOf(e.field)) && /^[a-z][A-Za-z0-9]*$/.test(absent)),
          `${what}: field ${e.field} (${e.code}) is not a path of the input: ${e.message}`);
        this.paths++;
      }
      this.errors[e.code] = (this.errors[e.code] ?? 0) + 1;
      return;
    }
    assert.equal(nonFinite(value), null, `${what}: ${nonFinite(value)} is not finite`);
    this.results++;
  }
  print() {
    const total = this.results + Object.values(this.errors).reduce((a, b) => a + b, 0);
    console.log(`fuzz ${this.name}: ${total} calls, ${this.results} finite results, errors ${JSON.stringify(this.errors)} (${this.paths} fields checked as paths of the input), 0 findings`);
    assert.ok(pv.version().length > 0 && pv.calculate(small()).energy.annualKwh === 120000, 'the module still answers');
  }
}

const small = () => ({ system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } });
const owner = () => ({
  system: { capacityKwp: 100 },
  resource: { method: 'fullLoadHours', hours: 1100 },
  lifetime: { years: 20, firstYearDegradationPct: 1, annualDegradationPct: 0.4 },
  usage: { mode: 'selfUseSurplus', selfUseSharePct: 70 },
  tariff: { gridPriceYuanKwh: 0.6, exportPriceYuanKwh: 0.35, escalationPct: 1 },
  ownership: {
    kind: 'owner', capexYuanPerW: 3, discountRatePct: 6,
    loan: { sharePct: 70, ratePct: 4.5, years: 10 },
    tax: { incomeTaxPct: 25, depreciationYears: 10, residualValuePct: 5 },
  },
  emissions: { preset: 'cec-2018' },
});

const hostileNumber = fc.oneof(
  fc.constantFrom(0, -0, 1e-300, 5e-324, -5e-324, 2.5e-18, 1e-12, -1e-300, 1e300, -1e300, Number.MAX_VALUE,
    -Number.MAX_VALUE, NaN, Infinity, -Infinity, 2 ** 53, -1, 1, 0.5, 100, 8760, 1e6),
  fc.double(),
  fc.integer({ min: -1e6, max: 1e6 }),
);
const hostileValue = fc.oneof(
  { weight: 4, arbitrary: hostileNumber },
  fc.constantFrom(null, undefined, '', 'x', 'NaN', '1e-300', true, false, [], {}, [1, 2], 10n, Symbol('s'), () => 1),
  fc.string({ maxLength: 8 }),
  fc.anything({ maxDepth: 2 }),
);

/** Every path to a leaf of a plain value. */
function leafPaths(v, path = [], out = []) {
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) leafPaths(x, [...path, k], out);
  } else {
    out.push(path);
  }
  return out;
}

function setAt(v, path, value) {
  let o = v;
  for (const k of path.slice(0, -1)) o = o[k];
  if (value === DELETE) delete o[path.at(-1)];
  else o[path.at(-1)] = value;
}
const DELETE = Symbol('delete');

const bases = () => [...pv.presets().scenarios.map((s) => s.scenario), owner(), small()];

test('fuzz: scenarios mutated from the shipped examples', () => {
  const t = new Tally('scenarios');
  // A leaf replaced by a hostile value, deleted, or (a number) scaled: plausible scenarios too.
  const edit = fc.record({
    leaf: fc.nat(),
    value: fc.oneof({ weight: 4, arbitrary: hostileValue }, fc.constant(DELETE)),
    scale: fc.option(fc.constantFrom(0, -1, 1e-9, 0.01, 0.5, 1.5, 3, 100, 1e9), { freq: 2 }),
  });
  fc.assert(fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 }), (b, edits) => {
    const all = bases();
    const s = structuredClone(all[b % all.length]);
    for (const { leaf, value, scale } of edits) {
      const paths = leafPaths(s).filter((p) => p.length > 0);
      if (!paths.length) continue;
      const path = paths[leaf % paths.length];
      const old = path.reduce((o, k) => o?.[k], s);
      setAt(s, path, scale !== null && typeof old === 'number' ? old * scale : value);
    }
    t.check(() => pv.calculate(s), 'calculate(mutated example)', s);
  }), runs(3000));
  t.print();
});

test('fuzz: hostile numbers in the money inputs', () => {
  const t = new Tally('money');
  const fields = [['ownership', 'loan', 'ratePct'], ['ownership', 'loan', 'sharePct'], ['ownership', 'loan', 'years'],
    ['ownership', 'discountRatePct'], ['ownership', 'capexYuanPerW'], ['tariff', 'gridPriceYuanKwh'],
    ['tariff', 'escalationPct'], ['ownership', 'tax', 'incomeTaxPct'], ['system', 'capacityKwp'],
    ['lifetime', 'annualDegradationPct']];
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat(fields.length - 1), hostileNumber), { minLength: 1, maxLength: 3 }), (edits) => {
    const s = owner();
    for (const [f, v] of edits) setAt(s, fields[f], v);
    t.check(() => pv.calculate(s), `calculate(owner with ${JSON.stringify(edits)})`, s);
  }), runs(2000));
  // The loan rates of issue 15, where 1 + r rounds to 1: a finite report.
  for (const ratePct of [1e-300, 2.5e-18, 5e-324, 1e-15]) {
    const s = owner();
    s.ownership.loan.ratePct = ratePct;
    const before = t.results;
    t.check(() => pv.calculate(s), `loan rate ${ratePct}`);
    assert.equal(t.results, before + 1, `loan rate ${ratePct} % gives a report`);
  }
  t.print();
});

/** One edit of a text: a cell replaced, a line dropped, repeated or cut, characters inserted. */
const textEdit = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('cell'), line: fc.nat(), cell: fc.nat(), value: hostileNumber.map(String) }) },
  fc.record({ kind: fc.constantFrom('drop', 'repeat', 'truncate'), line: fc.nat() }),
  fc.record({ kind: fc.constant('insert'), line: fc.nat(), value: fc.constantFrom('é', '北京', ',', '\n', '\r', '\ufeff', '-', '"', '9999', '\u0000') }),
);

function applyEdits(text, edits) {
  const lines = text.split('\n');
  for (const e of edits) {
    if (!lines.length) break;
    const i = e.line % lines.length;
    if (e.kind === 'cell') {
      const cells = lines[i].split(',');
      cells[e.cell % cells.length] = e.value;
      lines[i] = cells.join(',');
    } else if (e.kind === 'drop') lines.splice(i, 1);
    else if (e.kind === 'repeat') lines.splice(i, 0, lines[i]);
    else if (e.kind === 'truncate') lines.length = i;
    else lines[i] = lines[i].slice(0, lines[i].length >> 1) + e.value + lines[i].slice(lines[i].length >> 1);
  }
  return lines.join('\n');
}

const datong = weatherText('CHN_Shanxi.Datong.534870_CSWD.epw');
const weatherBases = [
  datong,
  weatherText('test_psm3_tmy-2017.csv'),
  readFileSync(`${pvlibDataDir()}/723170TYA.CSV`, 'latin1'),
  readFileSync(`${pvlibDataDir()}/12839.tm2`, 'latin1'),
];
const formats = [undefined, 'epw', 'tmy3', 'tmy2', 'samCsv', 'pvgisCsv', 'pvgisJson', 'nope'];

test('fuzz: mutated weather files through parseWeather (every reader)', () => {
  const t = new Tally('weather parseWeather');
  fc.assert(fc.property(fc.nat(), fc.nat(), fc.array(textEdit, { minLength: 1, maxLength: 3 }), (b, f, edits) => {
    const text = applyEdits(weatherBases[b % weatherBases.length], edits);
    const format = formats[f % formats.length];
    t.check(() => pv.parseWeather(text, format ? { format } : undefined), `parseWeather(edits ${JSON.stringify(edits)}, ${format})`);
  }), runs(600));
  t.print();
});

test('fuzz: mutated weather files through calculate', () => {
  const t = new Tally('weather calculate');
  const roof = (text) => ({
    system: { capacityKwp: 4, planes: [{ tiltDeg: 20, azimuthDeg: 180, shareOfCapacity: 1 }] },
    resource: { method: 'weatherFile', text },
    ownership: { kind: 'owner', capexYuanPerW: 3, discountRatePct: 6, loan: { sharePct: 50, ratePct: 1e-300, years: 5 } },
  });
  fc.assert(fc.property(fc.array(textEdit, { minLength: 1, maxLength: 2 }), (edits) => {
    const s = roof(applyEdits(datong, edits));
    t.check(() => pv.calculate(s), `calculate(Datong with ${JSON.stringify(edits)})`, s);
  }), runs(120));
  // A year without sun: PR absent, every number finite.
  const dark = datong.split('\n').map((l, i) => {
    if (i < 8 || !l.trim()) return l;
    const c = l.split(',');
    c[13] = c[14] = c[15] = '0';
    return c.join(',');
  }).join('\n');
  t.check(() => pv.calculate(roof(dark)), 'a year without sun');
  assert.equal(pv.calculate(roof(dark)).energy.performanceRatio, undefined);
  t.print();
});

test('fuzz: mutated load files', () => {
  const t = new Tally('load files');
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  const rows = ['time,kW'];
  days.forEach((n, m) => {
    for (let d = 1; d <= n; d++) {
      for (let h = 0; h < 24; h++) {
        rows.push(`2025-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00,${50 + ((h * 7) % 40)}`);
      }
    }
  });
  const base = rows.join('\n');
  fc.assert(fc.property(fc.array(textEdit, { minLength: 1, maxLength: 3 }), (edits) => {
    const s = { ...small(), usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: applyEdits(base, edits) } } };
    t.check(() => pv.calculate(s), `calculate(load with ${JSON.stringify(edits)})`, s);
  }), runs(300));
  t.print();
});

test('fuzz: hostile arguments to every export', () => {
  const t = new Tally('arguments');
  // Each export with its own number of arguments four times in five, any number otherwise.
  const arity = { calculate: 1, parseWeather: 2, presets: 0, stations: 0, findStations: 1, nearestStation: 2,
    stationClimate: 1, version: 0, sizeRoof: 1, calculatePortfolio: 2, readRoofTable: 2, sliceRoofTable: 3,
    mergePortfolios: 1, roofTableTemplate: 1, portfolioCsv: 2 };
  const names = Object.keys(arity);
  const call = fc.nat(names.length - 1).chain((e) => fc.tuple(fc.constant(names[e]), fc.oneof(
    { weight: 4, arbitrary: fc.array(hostileValue, { minLength: arity[names[e]], maxLength: arity[names[e]] }) },
    fc.array(hostileValue, { maxLength: 3 }),
  )));
  fc.assert(fc.property(call, ([name, args]) => {
    t.check(() => pv[name](...args), `${name}(${args.map((a) => typeof a).join(', ')})`);
  }), runs(3000));
  t.print();
});
