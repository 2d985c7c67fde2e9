// Bundled by esbuild for Node (ESM and CommonJS output) in scripts/test-package.sh, then run from
// another folder with only the bundle and rooftop_pv_bg.wasm beside it.
import init, { calculate, presets, ScenarioError } from 'rooftop-pv';

await init();
const s = presets().scenarios.find((x) => x.id === 'shuozhou-6mw').scenario;
let refused = false;
try {
  calculate({});
} catch (e) {
  refused = e instanceof ScenarioError && e.code === 'missing_field';
}
console.log(JSON.stringify({ coalT: calculate(s).emissions.annual.coalT.toFixed(2), refused }));
