// CommonJS consumers: require('rooftop-pv') works with no init call.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const pv = require('rooftop-pv');

test('require() gives a working calculate', () => {
  const s = pv.presets().scenarios.find((x) => x.id === 'shuozhou-6mw').scenario;
  assert.equal(pv.calculate(s).emissions.annual.coalT.toFixed(2), '2291.50');
  assert.throws(() => pv.calculate({}), (e) => e instanceof Error && e.code === 'missing_field' && e.field === 'system');
});
