// A worker of the page's pool (portfolio-ui.js, variants-ui.js): its own instance of the core.
//   { type: 'portfolio', id, table, groupBy }  rows of a roof table → { type: 'progress', id, done } …
//                                              then { type: 'done', id, part } (a calculatePortfolio result)
//   { type: 'calculate', id, scenario }        → { type: 'report', id, report | error }
import init, { calculate, calculatePortfolio } from './pkg/rooftop_pv.js';

const plain = (e) => ({ name: e?.name ?? 'Error', message: String(e?.message ?? e), code: e?.code, field: e?.field,
  messageZh: e?.messageZh });
const ready = init();

self.onmessage = async ({ data }) => {
  await ready;
  if (data.type === 'portfolio') {
    try {
      const part = calculatePortfolio(data.table, {
        groupBy: data.groupBy ?? undefined,
        progressEvery: 25,
        onProgress: (done) => postMessage({ type: 'progress', id: data.id, done }),
      });
      postMessage({ type: 'done', id: data.id, part });
    } catch (e) {
      postMessage({ type: 'failed', id: data.id, error: plain(e) });
    }
  } else if (data.type === 'calculate') {
    try {
      postMessage({ type: 'report', id: data.id, report: calculate(data.scenario) });
    } catch (e) {
      postMessage({ type: 'report', id: data.id, error: plain(e) });
    }
  }
};
