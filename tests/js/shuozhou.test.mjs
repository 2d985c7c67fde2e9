// The Shuozhou report reproduced through the installed npm package (ES module import, no init call).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import init, { calculate, presets, version } from 'rooftop-pv';

const example = (id) => presets().scenarios.find((s) => s.id === id).scenario;

test('shuozhou-6mw gives the four printed figures (shuozhou-case.md)', () => {
  const r = calculate(example('shuozhou-6mw'));
  const a = r.emissions.annual;
  assert.deepEqual([a.coalT, a.co2T, a.noxT, a.waterT].map((v) => v.toFixed(2)), ['2291.50', '7427.25', '1.42', '9163.01']);
  assert.equal(r.energy.specificYieldKwhPerKwp.toFixed(1), '1241.6');
  assert.equal(r.emissions.factors.source.dataYear, 2018);
});

test('shuozhou-4mw-emc: 5 GWh a year and ~1 M yuan = 5e6 × 0.55 × 36 %', () => {
  const p = presets().scenarios.find((s) => s.id === 'shuozhou-4mw-emc');
  const r = calculate(p.scenario);
  assert.equal(Math.round(r.energy.annualKwh), 5_000_000);
  assert.equal(Math.round(r.money.firstYearSavingsYuan), 990_000);
  assert.match(p.descriptionEn, /0\.20 yuan\/kWh/);
  assert.match(p.descriptionZh, /合同能源管理/);
});

test('init() resolves in Node and the module is ready without it', async () => {
  await init();
  assert.equal(typeof calculate, 'function');
});

test('version() is the package version', () => {
  const pkgJson = createRequire(import.meta.url).resolve('rooftop-pv/package.json');
  assert.equal(version(), JSON.parse(readFileSync(pkgJson, 'utf8')).version);
});

test('the required presets exist, every value with a source', () => {
  const p = presets();
  const ids = p.emissionFactors.map((f) => f.id);
  for (const id of ['cec-2018', 'legacy-slogan', 'mee-2023-national', 'mee-2022-shanxi']) assert.ok(ids.includes(id), id);
  const co2 = Object.fromEntries(p.emissionFactors.map((f) => [f.id, f.factors.co2Kg]));
  assert.equal(co2['mee-2023-national'], 0.5306);
  assert.equal(co2['mee-2022-shanxi'], 0.7096);
  assert.equal(co2['legacy-slogan'], 0.997);
  for (const f of p.emissionFactors) {
    const q = f.factors.valueSources.map((v) => v.quantity).sort();
    assert.deepEqual(q, ['co2Kg', 'coalKgce', 'dustG', 'noxG', 'so2G', 'waterKg'], f.id);
    for (const { quantity, source: s } of f.factors.valueSources) {
      assert.ok(s.issuer && s.issuerZh && s.document && s.documentZh && s.dataYear > 2000, `${f.id} ${quantity}`);
    }
  }
  const shanxi = p.tariffs.find((t) => t.id === p.defaultExportPrice);
  assert.equal(shanxi.valueYuanKwh, 0.332);
  assert.equal(calculate({ system: { capacityKwp: 1 }, resource: { method: 'fullLoadHours', hours: 1000 } })
    .assumptions.exportPriceYuanKwh, 0.332);
  assert.deepEqual(p.scenarios.map((s) => s.id).sort(),
    ['shuozhou-4mw-emc', 'shuozhou-4mw-emc-15', 'shuozhou-4mw-owner-tou', 'shuozhou-6mw']);
});
