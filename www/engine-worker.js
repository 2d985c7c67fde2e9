// The calculation thread: a module Web Worker with its own instance of the WebAssembly core, so
// that typing never waits for a calculation (issue 11). Messages (engine.js is the other side):
//   { type: 'weather', id, text }       the weather file's text, kept until the next one
//   { type: 'calculate', seq, scenario } resource.textRef = id stands for the file's text
//   { type: 'sweep', id, scenario, grid } the battery sizing sweep (sweepStorage)
// Answers: { type: 'ready' } once, then { type: 'result', seq, report | error } per calculation
// and { type: 'sweep', id, points | error } per sweep, `error` as a plain object with the
// ScenarioError's own fields.

import init, { calculate, sweepStorage } from './pkg/rooftop_pv.js';

let weather = { id: null, text: '' };

/** A thrown value as a plain object that survives postMessage (Error subclasses lose their fields). */
function plainError(err) {
  const out = { name: err?.name ?? 'Error', message: String(err?.message ?? err) };
  if (err && typeof err === 'object') {
    for (const k of Object.keys(err)) out[k] = err[k];
  }
  return out;
}

const ready = init().then(
  () => postMessage({ type: 'ready' }),
  (err) => postMessage({ type: 'failed', error: plainError(err) }),
);

self.onmessage = async ({ data }) => {
  await ready;
  if (data.type === 'weather') {
    weather = { id: data.id, text: data.text };
    return;
  }
  if (data.type !== 'calculate' && data.type !== 'sweep') return;
  const scenario = data.scenario;
  const ref = scenario.resource?.textRef;
  if (ref !== undefined) {
    const { textRef: _ignored, ...resource } = scenario.resource;
    scenario.resource = { ...resource, text: ref === weather.id ? weather.text : '' };
  }
  if (data.type === 'sweep') {
    try {
      postMessage({ type: 'sweep', id: data.id, points: sweepStorage(scenario, data.grid) });
    } catch (err) {
      postMessage({ type: 'sweep', id: data.id, error: plainError(err) });
    }
    return;
  }
  try {
    postMessage({ type: 'result', seq: data.seq, report: calculate(scenario) });
  } catch (err) {
    postMessage({ type: 'result', seq: data.seq, error: plainError(err) });
  }
};
