// The page's side of the calculation worker (engine-worker.js): at most one calculation in the
// worker at a time; a newer request replaces the one waiting, and an answer to an older request
// than the newest is dropped, so the page only ever shows the latest input's result.

/** Milliseconds of quiet after a keystroke before the calculation is asked for. */
export const DEBOUNCE_MS = 120;

export function createEngine({ onResult, onBusy }) {
  const worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
  let seq = 0; // the newest request
  let inFlight = null; // seq of the calculation the worker is doing
  let waiting = null; // { seq, scenario } to send when the worker is free
  let timer = null;
  let weatherId = null;
  let sweepId = 0;
  const sweeps = new Map(); // id → { resolve, reject } of the sizing sweeps asked for
  let readyResolve;
  const ready = new Promise((resolve, reject) => {
    readyResolve = resolve;
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'calculation worker failed')));
  });

  const busy = () => timer !== null || inFlight !== null || waiting !== null;
  const send = () => {
    if (inFlight !== null || !waiting) return;
    inFlight = waiting.seq;
    worker.postMessage({ type: 'calculate', seq: waiting.seq, scenario: waiting.scenario });
    waiting = null;
  };

  worker.onmessage = ({ data }) => {
    if (data.type === 'ready') readyResolve();
    if (data.type === 'failed') onResult({ seq: -1, error: data.error });
    if (data.type === 'sweep') {
      const p = sweeps.get(data.id);
      sweeps.delete(data.id);
      if (data.error) p.reject(data.error);
      else p.resolve(data.points);
      return;
    }
    if (data.type !== 'result') return;
    inFlight = null;
    if (data.seq === seq) onResult(data); // older answers are dropped
    send();
    onBusy(busy());
  };

  return {
    ready,
    /** The weather file's text, sent once; scenarios then name it by `resource.textRef`. */
    setWeather(id, text) {
      weatherId = id;
      worker.postMessage({ type: 'weather', id, text });
    },
    get weatherId() {
      return weatherId;
    },
    /** Asks for `scenario`'s report after DEBOUNCE_MS (0: at once); returns the request's number. */
    request(scenario, delayMs = DEBOUNCE_MS) {
      seq += 1;
      const mine = seq;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        waiting = { seq: mine, scenario };
        send();
        onBusy(busy());
      }, delayMs);
      onBusy(true);
      return mine;
    },
    /** The battery sizing sweep of `scenario` over `grid` ({ powersKw, durationsH }): a promise of
     * its points (sweepStorage), answered after the calculation the worker is doing. */
    sweep(scenario, grid) {
      sweepId += 1;
      const id = sweepId;
      worker.postMessage({ type: 'sweep', id, scenario, grid });
      return new Promise((resolve, reject) => sweeps.set(id, { resolve, reject }));
    },
    /** Forgets any pending request (the form has an error of its own: nothing to calculate). */
    cancel() {
      seq += 1;
      clearTimeout(timer);
      timer = null;
      waiting = null;
      onBusy(busy());
    },
  };
}
