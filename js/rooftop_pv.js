// The browser and bundler entry: `await init()` once (or `initSync({ module })`), then call. The
// WebAssembly file is rooftop_pv_bg.wasm beside this file (`new URL(…, import.meta.url)`, which
// Vite and webpack follow); with esbuild pass its URL: `init({ module_or_path: url })`.
import glueInit, * as glue from './rooftop_pv_glue.js';
import { bind, checkCount } from './api.js';
import { bindPortfolio } from './portfolio.js';

export { ScenarioError } from './api.js';

let ready = false;

/** Loads and instantiates the WebAssembly module (once; later calls return the same exports). */
export default async function init(...args) {
  checkCount('init', args, 0, 1);
  const exports = await glueInit(...args);
  ready = true;
  return exports;
}

/** Instantiates the WebAssembly module synchronously from its bytes or a compiled module. */
export function initSync(...args) {
  checkCount('initSync', args, 1, 1);
  const exports = glue.initSync(args[0]);
  ready = true;
  return exports;
}

const core = bind(glue, () => ready);
export const {
  calculate, parseWeather, presets, version, stations, findStations, nearestStation, stationClimate, sweepStorage, sizeRoof,
} = core;
export const { calculatePortfolio, readRoofTable, sliceRoofTable, mergePortfolios, roofTableTemplate, portfolioCsv } =
  bindPortfolio(core);
