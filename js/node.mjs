// Node ESM entry: the synchronous Node build, re-exported. `init()` exists so that code written for
// the browser (`await init()`) runs unchanged; here the module is ready on import.
import { createRequire } from 'node:module';

const wasm = createRequire(import.meta.url)('./rooftop_pv.js');

export const { calculate, presets, version, parseWeather, stations, findStations, nearestStation, stationClimate } =
  wasm;
export default async function init() {
  return wasm;
}
