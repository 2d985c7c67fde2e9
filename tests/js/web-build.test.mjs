// The browser build (what bundlers and the page get) also works in Node: instantiated here with
// initSync from the one shipped .wasm (exported as rooftop-pv/rooftop_pv_bg.wasm). Before that, every
// function throws a ScenarioError (not_initialized), not a TypeError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as web from 'rooftop-pv/web';

test('before init(): a ScenarioError named not_initialized from every function', () => {
  const calls = [() => web.calculate({}), () => web.presets(), () => web.version(), () => web.stations(),
    () => web.findStations('大同'), () => web.nearestStation(40, 113), () => web.stationClimate('534870'),
    () => web.parseWeather('x')];
  for (const call of calls) {
    assert.throws(call, (e) => e instanceof web.ScenarioError && e.code === 'not_initialized' && e.field === '' &&
      /init\(\)/.test(e.message) && /init\(\)/.test(e.messageZh), String(call));
  }
});

test('the web build computes the same report after initSync', () => {
  const wasm = createRequire(import.meta.url).resolve('rooftop-pv/rooftop_pv_bg.wasm');
  const exports = web.initSync({ module: readFileSync(wasm) });
  assert.ok(exports.memory instanceof WebAssembly.Memory);
  const s = web.presets().scenarios.find((x) => x.id === 'shuozhou-6mw').scenario;
  assert.equal(web.calculate(s).emissions.annual.waterT.toFixed(2), '9163.01');
  assert.throws(() => web.calculate({}), (e) => e instanceof web.ScenarioError && e.code === 'missing_field');
});
