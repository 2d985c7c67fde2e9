// The hand-written types against real output: every key of real reports (every example scenario and
// every resource method, owner and third party, with loads and hourly output), of presets(),
// stations(), nearestStation(), stationClimate() and parseWeather() must be a property of its
// interface in the installed rooftop_pv.d.ts, and every property of those interfaces must appear in
// some real output. The types are read with the TypeScript compiler API (the repository's typescript).
// The d.ts's literal unions of preset and province ids and error codes are checked against presets(),
// the Rust error codes (src/error.rs) and both READMEs; every property carries a doc comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as pv from 'rooftop-pv';
import { REPO, weatherText } from '../fixtures.mjs';

const ts = createRequire(`${REPO}/package.json`)('typescript');
const dtsPath = createRequire(import.meta.url).resolve('rooftop-pv/package.json').replace(/package\.json$/, 'rooftop_pv.d.ts');
const dts = readFileSync(dtsPath, 'utf8');
const program = ts.createProgram([dtsPath], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022 });
const checker = program.getTypeChecker();
const source = program.getSourceFile(dtsPath);

/** Property paths (`a.b[].c`) of an exported type of the d.ts. */
function typePaths(name) {
  const symbol = checker.getExportsOfModule(checker.getSymbolAtLocation(source)).find((s) => s.name === name);
  assert.ok(symbol, `no type ${name} in the d.ts`);
  const out = new Set();
  const walk = (type, prefix, depth) => {
    if (depth > 10) return;
    for (const t of type.isUnion() ? type.types : [type]) {
      if (checker.isArrayType(t)) {
        walk(checker.getTypeArguments(t)[0], `${prefix}[]`, depth + 1);
        continue;
      }
      if (!(t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) || t.symbol?.name === 'Float64Array') continue;
      for (const p of checker.getPropertiesOfType(t)) {
        const path = prefix ? `${prefix}.${p.name}` : p.name;
        out.add(path);
        walk(checker.getNonNullableType(checker.getTypeOfSymbol(p)), path, depth + 1);
      }
    }
  };
  walk(checker.getDeclaredTypeOfSymbol(symbol), '', 0);
  return out;
}

/** Key paths of a real value, arrays as `[]`. */
function valuePaths(value, prefix = '', out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => valuePaths(v, `${prefix}[]`, out));
  else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.add(path);
      valuePaths(v, path, out);
    }
  }
  return out;
}

/** `unseenOk`: prefixes of input types echoed in the output (example scenarios), whose optional fields
 * the examples need not all use. */
function assertSameKeys(name, values, unseenOk = []) {
  const declared = typePaths(name);
  const seen = new Set();
  for (const v of values) valuePaths(v, '', seen);
  const undeclared = [...seen].filter((p) => !declared.has(p));
  const unseen = [...declared].filter((p) => !seen.has(p) && !unseenOk.some((prefix) => p.startsWith(prefix)));
  assert.deepEqual(undeclared, [], `${name}: keys of real output missing from the d.ts`);
  assert.deepEqual(unseen, [], `${name}: d.ts properties no real output has`);
}

const datong = weatherText('CHN_Shanxi.Datong.534870_CSWD.epw');
// One GHI value at the missing marker (row 100), filled and counted by quantity (`filled`).
const datongGap = datong.split('\n').map((l, i) => (i === 108 ? l.split(',').map((c, k) => (k === 13 ? '9999' : c)).join(',') : l)).join('\n');
const site = { latitude: 40.1, longitude: 113.33 };
const planes = [{ tiltDeg: 30, azimuthDeg: 180, shareOfCapacity: 0.6 }, { tiltDeg: 30, azimuthDeg: 90, shareOfCapacity: 0.4 }];
const scenarios = [
  ...pv.presets().scenarios.map((x) => x.scenario),
  { system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 } },
  { system: { capacityKwp: 100 }, resource: { method: 'gb50797', horizontalIrradiationKwhM2: 1466, k: 0.8 },
    usage: { mode: 'fullExport' }, ownership: { kind: 'thirdParty', discountPct: 15, investor: { capexYuanPerW: 3 } } },
  { site, system: { capacityKwp: 500, planes }, resource: { method: 'weatherFile', text: datongGap }, output: { hourly: true },
    usage: { mode: 'selfUseSurplus', exportLimitKw: 100, load: { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 8e5 } },
    tariff: { timeOfUsePreset: 'shanxi-ci-2026' },
    ownership: { kind: 'owner', capexYuanPerW: 3, loan: { sharePct: 70, ratePct: 4.5, years: 10 }, inverterReplacement: { year: 12, costYuanPerW: 0.2 } } },
  { site, system: { capacityKwp: 200 }, resource: { method: 'station', stationId: '534870' }, output: { hourly: true },
    usage: { mode: 'fullSelfUse', load: { kind: 'monthly', profile: 'commercial', kwh: Array(12).fill(2e4) } } },
  { system: { capacityKwp: 100 }, resource: { method: 'fullLoadHours', hours: 1200 },
    usage: { mode: 'selfUseSurplus', load: { kind: 'intervalCsv', text: `load_kW\n${'80\n'.repeat(8760)}` } },
    ownership: { kind: 'owner', capexYuanPerW: 3, tax: { incomeTaxPct: 25 } } },
  { site, system: { capacityKwp: 200 }, resource: { method: 'monthly', ghiKwhM2: [70, 90, 120, 140, 160, 160, 150, 140, 120, 100, 75, 65] },
    emissions: { factors: { coalKgce: 0.3, co2Kg: 0.6, so2G: 0.1, noxG: 0.1, dustG: 0.02, waterKg: 1.2 } } },
  // The 2025 rules: a new general C&I project under Document 136 with an hourly market price and a term
  // inside the lifetime, a time-of-use change with a deep valley, VAT for owner and investor.
  { system: { capacityKwp: 4000 }, resource: { method: 'fullLoadHours', hours: 1250 },
    usage: { mode: 'selfUseSurplus', selfUseSharePct: 70 },
    project: { category: 'generalCommercial', commissioningDate: '2026-03-01', connectionVoltageKv: 10, province: 'shanxi' },
    tariff: { timeOfUsePreset: 'shandong-ci-2024', timeOfUseChanges: [{ fromYear: 2, timeOfUsePreset: 'shandong-ci-2026' }],
      export: { mechanismPriceYuanKwh: 0.3, mechanismSharePct: 80, mechanismTermYears: 12, marketPriceByHourYuanKwh: Array(24).fill(0.2) } },
    ownership: { kind: 'owner', tax: { incomeTaxPct: 25, vatPct: 13 } } },
  { system: { capacityKwp: 400 }, resource: { method: 'fullLoadHours', hours: 1200 },
    project: { connectionVoltageKv: 0.4, commissioningDate: '2024-05-01', province: 'shandong' },
    tariff: { gridPriceByMonthYuanKwh: Array(12).fill(0.6), export: { marketPriceByMonthYuanKwh: Array(12).fill(0.25) } },
    ownership: { kind: 'thirdParty', discountPct: 10, investor: { tax: { incomeTaxPct: 25, vatPct: 13, cityMaintenanceTaxPct: 5 } } } },
  // Sized from the roof: rows on concrete at the station's latitude, flush colour steel.
  { system: { roof: { type: 'concreteFlat', areaM2: 4000, parapetHeightM: 1 } }, resource: { method: 'station', stationId: '534870' } },
  { system: { roof: { type: 'colorSteel', eastWestM: 60, northSouthM: 40 } }, resource: { method: 'fullLoadHours', hours: 1200 } },
  // PV + storage with a demand charge: an owner's battery (with a chosen day), and a third party's sharing its savings.
  { system: { capacityKwp: 1000 }, resource: { method: 'fullLoadHours', hours: 1250 },
    usage: { mode: 'selfUseSurplus', load: { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 3e6 } },
    tariff: { timeOfUsePreset: 'shanxi-ci-2026' },
    storage: { energyKwh: 1000, powerKw: 500, dispatch: 'timeOfUse', dayOfYear: 41 } },
  { system: { capacityKwp: 1000 }, resource: { method: 'fullLoadHours', hours: 1250 },
    usage: { mode: 'selfUseSurplus', load: { kind: 'typical', profile: 'factoryTwoShift', annualKwh: 3e6 } },
    tariff: { timeOfUsePreset: 'shanxi-ci-2026', demandChargeYuanPerKwMonth: 30, capacityChargeYuanPerKvaMonth: 24, transformerKva: 2500 },
    ownership: { kind: 'thirdParty', discountPct: 15 },
    storage: { energyKwh: 1000, powerKw: 500, dispatch: 'peakShaving', investor: { hostSharePct: 20 } } },
];

test('SweepPoint: the d.ts and a real sweep name the same keys', () => {
  assertSameKeys('SweepPoint', pv.sweepStorage(scenarios.at(-2), { powersKw: [250, 500], durationsH: [0.5, 2, 4] }));
});

test('Report: the d.ts and real reports name the same keys', () => {
  // The PV's demand-charge saving is the host's, never in the investor's rows.
  assertSameKeys('Report', scenarios.map((s) => pv.calculate(s)), ['money.investor.byYear[].demandChargeYuan']);
});

test('Presets, Station, NearestStation, StationClimate, WeatherSummary: the same keys', () => {
  assertSameKeys('Presets', [pv.presets()], ['scenarios[].scenario.']);
  assertSameKeys('Station', pv.stations());
  assertSameKeys('NearestStation', [pv.nearestStation(40, 113)]);
  assertSameKeys('StationClimate', [pv.stationClimate('534870')]);
  assertSameKeys('WeatherSummary', [pv.parseWeather(datong), pv.parseWeather(datongGap)]);
  const portfolio = pv.calculatePortfolio(pv.roofTableTemplate());
  assert.ok(portfolio.groups.length > 0);
  assertSameKeys('Portfolio', [portfolio, pv.calculatePortfolio('name,capacityKwp,fullLoadHours\na,-1,1200\n')]);
  assertSameKeys('RoofSizing', [
    pv.sizeRoof({ roof: { type: 'concreteFlat', areaM2: 4000 }, latitudeDeg: 39.33 }),
    pv.sizeRoof({ roof: { type: 'tile', eastWestM: 20, northSouthM: 10, module: { powerW: 600, lengthM: 2.4, widthM: 1.1 } } }),
  ]);
});

const literals = (name) => {
  const m = dts.match(new RegExp(`export type ${name} =([\\s\\S]*?);\\n`));
  assert.ok(m, name);
  return [...m[1].replace(/\/\*\*[\s\S]*?\*\//g, '').matchAll(/'([^']+)'/g)].map((x) => x[1]).sort();
};

test('the literal id unions are the shipped presets', () => {
  const p = pv.presets();
  assert.deepEqual(literals('EmissionFactorSetId'), p.emissionFactors.map((f) => f.id).sort());
  assert.deepEqual(literals('TimeOfUsePresetId'), p.timeOfUse.map((f) => f.id).sort());
  assert.deepEqual(literals('ExampleScenarioId'), p.scenarios.map((f) => f.id).sort());
  assert.deepEqual(literals('ProvinceId'), p.provinces.map((f) => f.id).sort());
});

test('ErrorCode lists every Rust code plus the JS ones, and both READMEs list them all', () => {
  const rust = [...readFileSync(`${REPO}/src/error.rs`, 'utf8').matchAll(/pub const \w+: &str = "(\w+)";/g)].map((m) => m[1]);
  assert.ok(rust.length >= 26);
  assert.deepEqual(literals('ErrorCode'), [...rust, 'argument_count', 'not_initialized', 'table_too_large', 'table_format'].sort());
  for (const readme of [`${REPO}/README.md`, `${REPO}/js/README.md`]) {
    const text = readFileSync(readme, 'utf8');
    for (const code of literals('ErrorCode')) assert.ok(text.includes(`\`${code}\``), `${readme} lacks ${code}`);
  }
});

test('every property of the d.ts has a doc comment (hover shows its meaning and unit)', () => {
  const undocumented = [];
  let properties = 0;
  const visit = (node) => {
    if (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) {
      properties++;
      if (ts.getJSDocCommentsAndTags(node).length === 0) {
        undocumented.push(`line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.name.getText()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  assert.ok(properties > 300, `${properties} properties`);
  assert.deepEqual(undocumented, []);
});
