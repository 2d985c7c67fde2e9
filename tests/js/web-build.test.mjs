// The browser build (what bundlers and the page get) also works: instantiated here with initSync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

test('the web build computes the same report after initSync', async () => {
  const dir = createRequire(import.meta.url).resolve('rooftop-pv/package.json').replace(/package\.json$/, 'web/');
  const web = await import(dir + 'rooftop_pv.js');
  web.initSync({ module: readFileSync(dir + 'rooftop_pv_bg.wasm') });
  const s = web.presets().scenarios.find((x) => x.id === 'shuozhou-6mw').scenario;
  assert.equal(web.calculate(s).emissions.annual.waterT.toFixed(2), '9163.01');
});
