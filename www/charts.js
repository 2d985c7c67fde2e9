// Small inline-SVG charts (no library): bars with an optional line, a zero line and y-axis ticks.

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Round step for about `n` ticks over [lo, hi]. */
function niceStep(lo, hi, n) {
  const raw = (hi - lo) / Math.max(1, n);
  if (!(raw > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (raw <= m * mag) return m * mag;
  return 10 * mag;
}

/**
 * Bar chart as an <svg>.
 * @param {object} o
 * @param {number[]} o.values bar heights
 * @param {string[]} o.labels one per bar (shown every `labelEvery`)
 * @param {number[]} [o.line] optional line values (same length)
 * @param {(v:number)=>string} o.tick formats y-axis ticks
 * @param {(i:number)=>string} o.title tooltip of bar i
 * @param {string} o.ariaLabel
 * @param {number} [o.width] drawing width [px]; the SVG is drawn at the size it is shown so text stays legible
 * @param {number} [o.height]
 * @param {number} [o.minLabelGap] least space [px] between two x-axis labels
 */
export function barChart(o) {
  const W = Math.max(240, Math.round(o.width ?? 640));
  const H = o.height ?? (W < 480 ? 200 : 240);
  const padL = W < 480 ? 48 : 60;
  const padR = 12;
  const padT = 12;
  const padB = 28;
  const all = o.values.concat(o.line ?? [], [0]);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(lo, hi, 5);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const y = (v) => padT + ((hi - v) / (hi - lo)) * (H - padT - padB);
  const n = o.values.length;
  const slot = (W - padL - padR) / n;
  const barW = Math.max(1, slot * 0.7);
  const x = (i) => padL + i * slot + (slot - barW) / 2;

  const svg = el('svg', {
    viewBox: `0 0 ${W} ${H}`,
    class: 'chart',
    role: 'img',
    'aria-label': o.ariaLabel,
    preserveAspectRatio: 'xMidYMid meet',
  });
  svg.append(el('title', {}, o.ariaLabel));

  const grid = el('g', { class: 'grid' });
  for (let v = lo; v <= hi + step / 2; v += step) {
    const yy = y(v);
    grid.append(el('line', { x1: padL, x2: W - padR, y1: yy, y2: yy, class: Math.abs(v) < step / 2 ? 'zero' : '' }));
    grid.append(el('text', { x: padL - 6, y: yy + 4, 'text-anchor': 'end' }, o.tick(Math.abs(v) < step / 2 ? 0 : v)));
  }
  svg.append(grid);

  const bars = el('g', { class: 'bars' });
  o.values.forEach((v, i) => {
    const y0 = y(0);
    const yv = y(v);
    const r = el('rect', {
      x: x(i),
      y: Math.min(y0, yv),
      width: barW,
      height: Math.max(0.5, Math.abs(yv - y0)),
      class: v < 0 ? 'neg' : 'pos',
    });
    r.append(el('title', {}, o.title(i)));
    bars.append(r);
  });
  svg.append(bars);

  const every = Math.max(1, Math.ceil((o.minLabelGap ?? 28) / slot));
  const labels = el('g', { class: 'labels' });
  o.labels.forEach((l, i) => {
    if (i % every !== 0) return;
    labels.append(el('text', { x: x(i) + barW / 2, y: H - padB + 16, 'text-anchor': 'middle' }, l));
  });
  svg.append(labels);

  if (o.line) {
    const pts = o.line.map((v, i) => `${(x(i) + barW / 2).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.append(el('polyline', { points: pts, class: 'line' }));
    o.line.forEach((v, i) => {
      const c = el('circle', { cx: x(i) + barW / 2, cy: y(v), r: 2.5, class: 'dot' });
      bars.append(c);
    });
  }
  return svg;
}
