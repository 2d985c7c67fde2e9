// CommonJS consumers: require('rooftop-pv') works with no init call, and its errors are instances of
// its ScenarioError class (the `default` export is init, so `import init from` compiled to CommonJS works).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const pv = require('rooftop-pv');

test('require() gives a working calculate', () => {
  const s = pv.presets().scenarios.find((x) => x.id === 'shuozhou-6mw').scenario;
  assert.equal(pv.calculate(s).emissions.annual.coalT.toFixed(2), '2291.50');
  assert.throws(() => pv.calculate({}), (e) => e instanceof Error && e.code === 'missing_field' && e.field === 'system');
});

test('require(): instanceof ScenarioError, and init / initSync / default', async () => {
  assert.throws(() => pv.calculate({}), (e) => e instanceof pv.ScenarioError && e.name === 'ScenarioError');
  assert.throws(() => pv.findStations(null), (e) => e instanceof pv.ScenarioError && e.field === 'query');
  assert.equal(typeof pv.default, 'function');
  assert.ok((await pv.default()).memory instanceof WebAssembly.Memory);
  assert.ok(pv.initSync().memory instanceof WebAssembly.Memory);
});
