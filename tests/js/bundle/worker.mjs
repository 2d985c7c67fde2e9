// Bundled by esbuild for the browser (scripts/test-package.sh): a module Worker that loads the
// package with the URL of the .wasm esbuild emitted (`--loader:.wasm=file`) and calls calculate.
import init, { calculate, presets, ScenarioError } from 'rooftop-pv';
import wasmUrl from 'rooftop-pv/rooftop_pv_bg.wasm';

self.onmessage = async () => {
  let early = '';
  try {
    calculate({});
  } catch (e) {
    early = e instanceof ScenarioError ? e.code : String(e);
  }
  await init({ module_or_path: new URL(wasmUrl, self.location.href) });
  const s = presets().scenarios.find((x) => x.id === 'shuozhou-6mw').scenario;
  let refused = '';
  try {
    calculate({});
  } catch (e) {
    refused = e instanceof ScenarioError ? e.code : String(e);
  }
  self.postMessage({ coalT: calculate(s).emissions.annual.coalT.toFixed(2), early, refused });
};
