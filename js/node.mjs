// The Node entry (ES module; node.cjs is this file bundled as CommonJS): the WebAssembly module is
// instantiated on import from rooftop_pv_bg.wasm beside this file. `new URL(…, import.meta.url)`
// lets webpack emit the file; an esbuild bundle finds it beside itself (through `__dirname` in a
// CommonJS bundle). `init()` exists so that code written for the browser runs unchanged.
import { readFileSync } from 'node:fs';
import * as glue from './rooftop_pv_glue.js';
import { bind, checkCount } from './api.js';
import { bindPortfolio } from './portfolio.js';

export { ScenarioError } from './api.js';

const wasm = readFileSync(
  import.meta.url ? new URL('./rooftop_pv_bg.wasm', import.meta.url) : `${__dirname}/rooftop_pv_bg.wasm`,
);
const exports = glue.initSync({ module: wasm });

/** Resolves at once: the module is ready on import. */
export default async function init(...args) {
  checkCount('init', args, 0, 1);
  return exports;
}

/** Returns the already loaded module. */
export function initSync(...args) {
  checkCount('initSync', args, 0, 1);
  return exports;
}

const core = bind(glue, () => true);
export const {
  calculate, parseWeather, presets, version, stations, findStations, nearestStation, stationClimate, sweepStorage, sizeRoof,
} = core;
export const { calculatePortfolio, readRoofTable, sliceRoofTable, mergePortfolios, roofTableTemplate, portfolioCsv } =
  bindPortfolio(core);
